"""Alexa request handlers: one class per request or intent, each a thin translation.

Every handler reads the turn (:class:`~skill.alexa.turns.Turn`), asks the domain's
:class:`~skill.domain.coach.Coach` what to do, and hands the outcome back to the turn
to store and speak. Handlers are tried in the order of :func:`all_handlers`.
"""

from __future__ import annotations

import logging
from typing import Any, ClassVar

from ask_sdk_core.dispatch_components.exception_components import AbstractExceptionHandler
from ask_sdk_core.dispatch_components.request_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils.predicate import is_request_type
from ask_sdk_core.utils.request_util import get_request_type
from ask_sdk_model.canfulfill.can_fulfill_intent import CanFulfillIntent
from ask_sdk_model.canfulfill.can_fulfill_intent_request import CanFulfillIntentRequest
from ask_sdk_model.canfulfill.can_fulfill_intent_values import CanFulfillIntentValues
from ask_sdk_model.response import Response

from skill.alexa.reminder_handlers import REMINDER_INTENT_HANDLERS, ConsentResponseHandler
from skill.alexa.turns import Services, Turn, alexa_user_id, turn_report
from skill.domain.coach import Coach, Mode, Outcome
from skill.domain.content import phrase
from skill.domain.ssml import Speech
from skill.store import StoreError, user_key

logger = logging.getLogger("release_coach.handlers")


def intent_name(handler_input: HandlerInput) -> str | None:
    """The intent's name, or ``None`` for an IntentRequest that carries no intent."""
    name = getattr(getattr(handler_input.request_envelope.request, "intent", None), "name", None)
    return name if isinstance(name, str) else None


def slot_value(handler_input: HandlerInput, name: str) -> tuple[str | None, str | None]:
    """The resolved id of slot ``name`` and the words heard, either may be missing."""
    request = handler_input.request_envelope.request
    slots = getattr(getattr(request, "intent", None), "slots", None) or {}
    slot = slots.get(name) if isinstance(slots, dict) else None
    if slot is None:
        return None, None
    heard = slot.value if isinstance(slot.value, str) and slot.value.strip() else None
    resolutions = getattr(slot, "resolutions", None)
    for authority in getattr(resolutions, "resolutions_per_authority", None) or []:
        status = getattr(getattr(authority, "status", None), "code", None)
        if getattr(status, "value", status) == "ER_SUCCESS_MATCH" and authority.values:
            return authority.values[0].value.id, heard
    return None, heard


class CoachHandler(AbstractRequestHandler):
    """A handler that answers one intent by asking the coach."""

    intent_name: ClassVar[str] = ""

    def __init__(self, services: Services) -> None:
        self.services = services

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return (is_request_type("IntentRequest")(handler_input)
                and intent_name(handler_input) == self.intent_name)

    def handle(self, handler_input: HandlerInput) -> Response:
        turn = Turn(handler_input, self.services)
        return turn.finish(self.act(turn.coach(), handler_input))

    def act(self, coach: Coach, handler_input: HandlerInput) -> Outcome:
        raise NotImplementedError


class LaunchHandler(CoachHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return bool(is_request_type("LaunchRequest")(handler_input))

    def act(self, coach: Coach, handler_input: HandlerInput) -> Outcome:
        return coach.launch()


class StartRoutineHandler(CoachHandler):
    intent_name = "StartRoutineIntent"

    def act(self, coach: Coach, handler_input: HandlerInput) -> Outcome:
        return coach.start_routine()


class TodaysRoutineHandler(CoachHandler):
    intent_name = "TodaysRoutineIntent"

    def act(self, coach: Coach, handler_input: HandlerInput) -> Outcome:
        return coach.todays_routine()


class GuideExerciseHandler(CoachHandler):
    intent_name = "GuideExerciseIntent"

    def act(self, coach: Coach, handler_input: HandlerInput) -> Outcome:
        exercise_id, heard = slot_value(handler_input, "Exercise")
        return coach.guide(exercise_id, heard)


class NextHandler(CoachHandler):
    intent_name = "AMAZON.NextIntent"

    def act(self, coach: Coach, handler_input: HandlerInput) -> Outcome:
        return coach.next()


class SkipHandler(CoachHandler):
    intent_name = "SkipIntent"

    def act(self, coach: Coach, handler_input: HandlerInput) -> Outcome:
        return coach.skip()


class RepeatHandler(CoachHandler):
    intent_name = "AMAZON.RepeatIntent"

    def act(self, coach: Coach, handler_input: HandlerInput) -> Outcome:
        return coach.repeat()


class PauseHandler(CoachHandler):
    intent_name = "AMAZON.PauseIntent"

    def act(self, coach: Coach, handler_input: HandlerInput) -> Outcome:
        return coach.pause()


class ResumeHandler(CoachHandler):
    intent_name = "AMAZON.ResumeIntent"

    def act(self, coach: Coach, handler_input: HandlerInput) -> Outcome:
        return coach.resume()


class StartOverHandler(CoachHandler):
    intent_name = "AMAZON.StartOverIntent"

    def act(self, coach: Coach, handler_input: HandlerInput) -> Outcome:
        return coach.start_over()


class YesHandler(CoachHandler):
    intent_name = "AMAZON.YesIntent"

    def act(self, coach: Coach, handler_input: HandlerInput) -> Outcome:
        return coach.yes()


class NoHandler(CoachHandler):
    intent_name = "AMAZON.NoIntent"

    def act(self, coach: Coach, handler_input: HandlerInput) -> Outcome:
        return coach.no()


class HelpHandler(CoachHandler):
    intent_name = "AMAZON.HelpIntent"

    def act(self, coach: Coach, handler_input: HandlerInput) -> Outcome:
        return coach.help()


class StopHandler(CoachHandler):
    intent_name = "AMAZON.StopIntent"

    def act(self, coach: Coach, handler_input: HandlerInput) -> Outcome:
        return coach.stop()


class CancelHandler(CoachHandler):
    intent_name = "AMAZON.CancelIntent"

    def act(self, coach: Coach, handler_input: HandlerInput) -> Outcome:
        return coach.stop()


class NavigateHomeHandler(CoachHandler):
    intent_name = "AMAZON.NavigateHomeIntent"

    def act(self, coach: Coach, handler_input: HandlerInput) -> Outcome:
        return coach.home()


class FallbackHandler(CoachHandler):
    intent_name = "AMAZON.FallbackIntent"

    def act(self, coach: Coach, handler_input: HandlerInput) -> Outcome:
        return coach.fallback()


class ReportPainHandler(CoachHandler):
    intent_name = "ReportPainIntent"

    def act(self, coach: Coach, handler_input: HandlerInput) -> Outcome:
        return coach.pain()


class ProgressSummaryHandler(CoachHandler):
    intent_name = "ProgressSummaryIntent"

    def act(self, coach: Coach, handler_input: HandlerInput) -> Outcome:
        return coach.progress_summary()


class StreakHandler(CoachHandler):
    intent_name = "StreakIntent"

    def act(self, coach: Coach, handler_input: HandlerInput) -> Outcome:
        return coach.streak()


class SessionCountHandler(CoachHandler):
    intent_name = "SessionCountIntent"

    def act(self, coach: Coach, handler_input: HandlerInput) -> Outcome:
        return coach.session_count(slot_value(handler_input, "Period")[0])


class MinutesPractisedHandler(CoachHandler):
    intent_name = "MinutesPractisedIntent"

    def act(self, coach: Coach, handler_input: HandlerInput) -> Outcome:
        return coach.minutes_practised(slot_value(handler_input, "Period")[0])


class LastSessionHandler(CoachHandler):
    intent_name = "LastSessionIntent"

    def act(self, coach: Coach, handler_input: HandlerInput) -> Outcome:
        return coach.last_session()


class ProgramWeekHandler(CoachHandler):
    intent_name = "ProgramWeekIntent"

    def act(self, coach: Coach, handler_input: HandlerInput) -> Outcome:
        return coach.program_week()


class WhereLeftOffHandler(CoachHandler):
    intent_name = "WhereLeftOffIntent"

    def act(self, coach: Coach, handler_input: HandlerInput) -> Outcome:
        return coach.where_left_off()


class DeleteProgressHandler(CoachHandler):
    intent_name = "DeleteProgressIntent"

    def act(self, coach: Coach, handler_input: HandlerInput) -> Outcome:
        return coach.delete_request()


class SessionEndedHandler(CoachHandler):
    """The session closed (timeout, "exit", error): the place is already saved, say nothing."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return bool(is_request_type("SessionEndedRequest")(handler_input))

    def act(self, coach: Coach, handler_input: HandlerInput) -> Outcome:
        request = handler_input.request_envelope.request
        error = getattr(request, "error", None)
        if error is not None:
            logger.warning("session ended with error type %s",
                           getattr(getattr(error, "object_type", None), "value", error))
        return coach.session_ended()


class UnknownIntentHandler(CoachHandler):
    """An intent this skill does not define: answer as if it were not understood."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return bool(is_request_type("IntentRequest")(handler_input))

    def act(self, coach: Coach, handler_input: HandlerInput) -> Outcome:
        return coach.fallback()


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
        mode = session.get("mode")
        modes = {m.value for m in Mode}
        reprompt = Speech().say(phrase(f"{mode}_reprompt" if mode in modes else "idle_reprompt"))
        speech = Speech().say(phrase("error")).extend(reprompt)
        builder = handler_input.response_builder
        builder.speak(speech.body()).ask(reprompt.body()).set_should_end_session(False)
        return builder.response


INTENT_HANDLERS: tuple[type[CoachHandler], ...] = (
    StartRoutineHandler, TodaysRoutineHandler, GuideExerciseHandler, NextHandler, SkipHandler,
    RepeatHandler, PauseHandler, ResumeHandler, StartOverHandler, YesHandler, NoHandler,
    HelpHandler, StopHandler, CancelHandler, NavigateHomeHandler, FallbackHandler,
    ReportPainHandler, ProgressSummaryHandler, StreakHandler, SessionCountHandler,
    MinutesPractisedHandler, LastSessionHandler, ProgramWeekHandler, WhereLeftOffHandler,
    DeleteProgressHandler,
)


def handled_intents() -> set[str]:
    return {handler.intent_name for handler in INTENT_HANDLERS} | \
        {handler.intent_name for handler in REMINDER_INTENT_HANDLERS}


def all_handlers(services: Services) -> list[AbstractRequestHandler]:
    """Every request handler, in the order they are tried; catch-alls come last."""
    return [
        LaunchHandler(services),
        *(handler(services) for handler in INTENT_HANDLERS),
        *(handler(services) for handler in REMINDER_INTENT_HANDLERS),
        ConsentResponseHandler(services),
        SessionEndedHandler(services),
        UnknownIntentHandler(services),
        SkillDisabledHandler(services),
        CanFulfillHandler(handled_intents()),
        SilentHandler(),
    ]
