"""Alexa request handlers: one class per request or intent, each a thin translation.

Every dialogue handler reads the turn (:class:`~skill.alexa.turns.Turn`), hands what
the user said to the domain's coach, and gives the outcome back to the turn to store
and speak. Handlers are tried in the order of :func:`all_handlers`; the first whose
:meth:`~RequestHandler.can_handle` says yes answers, and anything one raises is answered
by :class:`CatchAllExceptionHandler`. Each gets the request and this turn's
:class:`~skill.alexa.turns.TurnReport`, and returns the response's ``response`` object.
"""

from __future__ import annotations

import logging
from abc import ABC, abstractmethod
from typing import Any

from skill.alexa.intents import INTENT_UTTERANCES, said_from
from skill.alexa.reminders import consent_answer
from skill.alexa.request import AlexaRequest
from skill.alexa.response import ResponseBuilder, empty_response
from skill.alexa.screens import TOKEN_KEY, said_from_event
from skill.alexa.turns import Services, Turn, TurnReport
from skill.domain.content import phrase
from skill.domain.dialogue import Said
from skill.domain.ssml import Speech
from skill.store import StoreError, user_key

logger = logging.getLogger("release_coach.handlers")


class RequestHandler(ABC):
    """Answers the requests :meth:`can_handle` accepts."""

    @abstractmethod
    def can_handle(self, request: AlexaRequest) -> bool: ...

    @abstractmethod
    def handle(self, request: AlexaRequest, report: TurnReport) -> dict[str, Any]: ...


class DialogueHandler(RequestHandler):
    """Answers one Alexa intent: reads the turn, asks the coach, stores and speaks the outcome.

    One instance per intent in :data:`~skill.alexa.intents.INTENT_UTTERANCES`; what the
    intent *does* in each state is the dialogue table's business, not the handler's.
    """

    def __init__(self, services: Services, alexa_intent: str = "") -> None:
        self.services = services
        self.alexa_intent = alexa_intent

    def can_handle(self, request: AlexaRequest) -> bool:
        return request.type == "IntentRequest" and request.intent_name == self.alexa_intent

    def handle(self, request: AlexaRequest, report: TurnReport) -> dict[str, Any]:
        turn = Turn(request, report, self.services)
        return turn.finish(turn.coach().hear(self.said(request)))

    def said(self, request: AlexaRequest) -> Said:
        return said_from(request, INTENT_UTTERANCES[self.alexa_intent])


class LaunchHandler(DialogueHandler):
    def can_handle(self, request: AlexaRequest) -> bool:
        return request.type == "LaunchRequest"

    def said(self, request: AlexaRequest) -> Said:
        return Said("launch")


class ConsentResponseHandler(DialogueHandler):
    """Alexa's ``Connections.Response`` to the reminders permission prompt (accepted,
    denied, unanswered), heard through the dialogue table as ``consent``.

    Setting, changing, asking about and cancelling the daily reminder are intents like
    any other; only Alexa's own permission prompt comes back as a request of its own.
    """

    def can_handle(self, request: AlexaRequest) -> bool:
        return request.type == "Connections.Response" and request.text("name") == "AskFor"

    def said(self, request: AlexaRequest) -> Said:
        answer = consent_answer(request)
        return Said("consent", value=answer.status, heard=answer.asked_time)


class SessionEndedHandler(DialogueHandler):
    """The session closed (timeout, "exit", error): the place is already saved, say nothing."""

    def can_handle(self, request: AlexaRequest) -> bool:
        return request.type == "SessionEndedRequest"

    def said(self, request: AlexaRequest) -> Said:
        if request.body.get("error") is not None:
            logger.warning("session ended with error type %s", request.error_type)
        return Said("session_ended")


class UnknownIntentHandler(DialogueHandler):
    """An intent this skill does not define: answer as if it were not understood."""

    def can_handle(self, request: AlexaRequest) -> bool:
        return request.type == "IntentRequest"

    def said(self, request: AlexaRequest) -> Said:
        return Said("fallback")


class ScreenEventHandler(DialogueHandler):
    """A touch button or the end of a step's narration on a screen (``UserEvent``).

    Buttons mean what their words mean; a step's end is the ``step_end`` row of the
    dialogue table, accepted only from the step the session is on. Anything else (a
    stale or repeated event, an unknown one) is answered with nothing.
    """

    def can_handle(self, request: AlexaRequest) -> bool:
        return request.type == "Alexa.Presentation.APL.UserEvent"

    def handle(self, request: AlexaRequest, report: TurnReport) -> dict[str, Any]:
        token = (request.session_attributes or {}).get(TOKEN_KEY)
        said = said_from_event(request, token if isinstance(token, str) else None)
        if said is None:
            return empty_response()
        turn = Turn(request, report, self.services)
        return turn.finish(turn.coach().hear(said))


class SkillDisabledHandler(RequestHandler):
    """Disabling the skill removes every item the skill holds for that user."""

    def __init__(self, services: Services) -> None:
        self.services = services

    def can_handle(self, request: AlexaRequest) -> bool:
        return request.type == "AlexaSkillEvent.SkillDisabled"

    def handle(self, request: AlexaRequest, report: TurnReport) -> dict[str, Any]:
        raw_id = request.user_id
        if raw_id:
            report.store_writes += 1
            try:
                # The whole account: its own profile and every voice profile linked to it.
                self.services.store.delete_account(
                    user_key(raw_id, self.services.user_key_secret))
            except StoreError:
                report.outcome = "error"
                report.events.append("store_failure")
                raise
        return empty_response()


class CanFulfillHandler(RequestHandler):
    """Name-free requests ("Alexa, stretch my hips"): say which intents this skill can serve."""

    def __init__(self, intent_names: set[str]) -> None:
        self.intent_names = intent_names

    def can_handle(self, request: AlexaRequest) -> bool:
        return request.type == "CanFulfillIntentRequest"

    def handle(self, request: AlexaRequest, report: TurnReport) -> dict[str, Any]:
        name = request.intent_name
        answer = "YES" if name in self.intent_names and \
            not str(name).startswith("AMAZON.") else "NO"
        return ResponseBuilder().can_fulfill(answer).build()


class SilentHandler(RequestHandler):
    """Requests that must not be answered with speech: device events, media and UI callbacks."""

    def can_handle(self, request: AlexaRequest) -> bool:
        return request.type != "IntentRequest"

    def handle(self, request: AlexaRequest, report: TurnReport) -> dict[str, Any]:
        return empty_response()


class CatchAllExceptionHandler:
    """Anything unexpected: apologise in speech and keep the session, and the place, as it was."""

    def handle(self, request: AlexaRequest, report: TurnReport,
               exception: Exception) -> dict[str, Any]:
        logger.error("unhandled error in request %s: %s", request.request_id,
                     type(exception).__name__, exc_info=exception)
        report.outcome = "error"
        request_type = str(request.type)
        if request_type == "SessionEndedRequest" or \
                request_type.startswith(("AlexaSkillEvent.", "System.")):
            return empty_response()
        # The session attributes are left as they were, so the routine's place is kept.
        session = request.session_attributes or {}
        in_routine = session.get("in_routine") is True
        reprompt = Speech().say(phrase("error_reprompt_in_routine" if in_routine
                                       else "idle_reprompt"))
        speech = Speech().say(phrase("error")).extend(reprompt)
        return ResponseBuilder().speak(speech.body()).ask(reprompt.body()).build()


def handled_intents() -> set[str]:
    return set(INTENT_UTTERANCES)


def all_handlers(services: Services) -> list[RequestHandler]:
    """Every request handler, in the order they are tried; catch-alls come last."""
    return [
        LaunchHandler(services),
        *(DialogueHandler(services, name) for name in INTENT_UTTERANCES),
        ConsentResponseHandler(services),
        SessionEndedHandler(services),
        ScreenEventHandler(services),
        UnknownIntentHandler(services),
        SkillDisabledHandler(services),
        CanFulfillHandler(handled_intents()),
        SilentHandler(),
    ]
