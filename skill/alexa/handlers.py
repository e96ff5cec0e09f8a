"""Alexa request handlers: one class per request or intent, each a thin translation.

Every dialogue handler reads the turn (:class:`~skill.alexa.turns.Turn`), hands what
the user said to the domain's coach, and gives the outcome back to the turn to store
and speak. Handlers are tried in the order of :func:`all_handlers`.
"""

from __future__ import annotations

import logging
from typing import Any

from ask_sdk_core.dispatch_components.exception_components import AbstractExceptionHandler
from ask_sdk_core.dispatch_components.request_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils.predicate import is_request_type
from ask_sdk_core.utils.request_util import get_request_type
from ask_sdk_model.canfulfill.can_fulfill_intent import CanFulfillIntent
from ask_sdk_model.canfulfill.can_fulfill_intent_request import CanFulfillIntentRequest
from ask_sdk_model.canfulfill.can_fulfill_intent_values import CanFulfillIntentValues
from ask_sdk_model.response import Response

from skill.alexa.intents import INTENT_UTTERANCES, intent_name, said_from
from skill.alexa.reminder_handlers import ConsentResponseHandler
from skill.alexa.screens import TOKEN_KEY, said_from_event
from skill.alexa.turns import Services, Turn, alexa_user_id, turn_report
from skill.domain.content import phrase
from skill.domain.dialogue import Said
from skill.domain.ssml import Speech
from skill.store import StoreError, user_key

logger = logging.getLogger("release_coach.handlers")


class DialogueHandler(AbstractRequestHandler):
    """Answers one Alexa intent: reads the turn, asks the coach, stores and speaks the outcome.

    One instance per intent in :data:`~skill.alexa.intents.INTENT_UTTERANCES`; what the
    intent *does* in each state is the dialogue table's business, not the handler's.
    """

    def __init__(self, services: Services, alexa_intent: str = "") -> None:
        self.services = services
        self.alexa_intent = alexa_intent

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return (is_request_type("IntentRequest")(handler_input)
                and intent_name(handler_input) == self.alexa_intent)

    def handle(self, handler_input: HandlerInput) -> Response:
        turn = Turn(handler_input, self.services)
        return turn.finish(turn.coach().hear(self.said(handler_input)))

    def said(self, handler_input: HandlerInput) -> Said:
        return said_from(handler_input, INTENT_UTTERANCES[self.alexa_intent])


class LaunchHandler(DialogueHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return bool(is_request_type("LaunchRequest")(handler_input))

    def said(self, handler_input: HandlerInput) -> Said:
        return Said("launch")


class SessionEndedHandler(DialogueHandler):
    """The session closed (timeout, "exit", error): the place is already saved, say nothing."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return bool(is_request_type("SessionEndedRequest")(handler_input))

    def said(self, handler_input: HandlerInput) -> Said:
        request = handler_input.request_envelope.request
        error = getattr(request, "error", None)
        if error is not None:
            logger.warning("session ended with error type %s",
                           getattr(getattr(error, "object_type", None), "value", error))
        return Said("session_ended")


class UnknownIntentHandler(DialogueHandler):
    """An intent this skill does not define: answer as if it were not understood."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return bool(is_request_type("IntentRequest")(handler_input))

    def said(self, handler_input: HandlerInput) -> Said:
        return Said("fallback")


class ScreenEventHandler(DialogueHandler):
    """A touch button or the end of a step's narration on a screen (``UserEvent``).

    Buttons mean what their words mean; a step's end is the ``step_end`` row of the
    dialogue table, accepted only from the step the session is on. Anything else (a
    stale or repeated event, an unknown one) is answered with nothing.
    """

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return bool(is_request_type("Alexa.Presentation.APL.UserEvent")(handler_input))

    def handle(self, handler_input: HandlerInput) -> Response:
        attributes = handler_input.attributes_manager.session_attributes \
            if handler_input.request_envelope.session is not None else None
        token = attributes.get(TOKEN_KEY) if isinstance(attributes, dict) else None
        said = said_from_event(handler_input, token if isinstance(token, str) else None)
        if said is None:
            return handler_input.response_builder.response
        turn = Turn(handler_input, self.services)
        return turn.finish(turn.coach().hear(said))


class SkillDisabledHandler(AbstractRequestHandler):
    """Disabling the skill removes every item the skill holds for that user."""

    def __init__(self, services: Services) -> None:
        self.services = services

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return bool(is_request_type("AlexaSkillEvent.SkillDisabled")(handler_input))

    def handle(self, handler_input: HandlerInput) -> Response:
        report = turn_report(handler_input)
        raw_id = alexa_user_id(handler_input)
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
        return handler_input.response_builder.response


class CanFulfillHandler(AbstractRequestHandler):
    """Name-free requests ("Alexa, stretch my hips"): say which intents this skill can serve."""

    def __init__(self, intent_names: set[str]) -> None:
        self.intent_names = intent_names

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return bool(is_request_type("CanFulfillIntentRequest")(handler_input))

    def handle(self, handler_input: HandlerInput) -> Response:
        request = handler_input.request_envelope.request
        name = getattr(getattr(request, "intent", None), "name", None)
        answer = "YES" if isinstance(request, CanFulfillIntentRequest) and name in \
            self.intent_names and not str(name).startswith("AMAZON.") else "NO"
        builder = handler_input.response_builder
        builder.response.can_fulfill_intent = CanFulfillIntent(
            can_fulfill=CanFulfillIntentValues(answer))
        return builder.response


class SilentHandler(AbstractRequestHandler):
    """Requests that must not be answered with speech: device events, media and UI callbacks."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return get_request_type(handler_input) != "IntentRequest"

    def handle(self, handler_input: HandlerInput) -> Response:
        return handler_input.response_builder.response


class CatchAllExceptionHandler(AbstractExceptionHandler):
    """Anything unexpected: apologise in speech and keep the session, and the place, as it was."""

    def can_handle(self, handler_input: HandlerInput, exception: Exception) -> bool:
        return True

    def handle(self, handler_input: HandlerInput, exception: Exception) -> Response:
        request = handler_input.request_envelope.request
        request_id = getattr(request, "request_id", None)
        logger.error("unhandled error in request %s: %s", request_id, type(exception).__name__,
                     exc_info=exception)
        turn_report(handler_input).outcome = "error"
        request_type = str(get_request_type(handler_input))
        if request_type == "SessionEndedRequest" or \
                request_type.startswith(("AlexaSkillEvent.", "System.")):
            return handler_input.response_builder.response
        session: dict[str, Any] = (handler_input.attributes_manager.session_attributes or {}) \
            if handler_input.request_envelope.session else {}
        # The session attributes are left as they were, so the routine's place is kept.
        in_routine = session.get("in_routine") is True
        reprompt = Speech().say(phrase("error_reprompt_in_routine" if in_routine
                                       else "idle_reprompt"))
        speech = Speech().say(phrase("error")).extend(reprompt)
        builder = handler_input.response_builder
        builder.speak(speech.body()).ask(reprompt.body()).set_should_end_session(False)
        return builder.response


def handled_intents() -> set[str]:
    return set(INTENT_UTTERANCES)


def all_handlers(services: Services) -> list[AbstractRequestHandler]:
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
