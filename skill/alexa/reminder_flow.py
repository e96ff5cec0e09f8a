"""What a reminder turn does: the logic behind :mod:`skill.alexa.reminder_handlers`."""

from __future__ import annotations

from datetime import UTC, datetime, time
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model.response import Response

from skill.alexa.reminders import (
    Failure,
    ReminderApiError,
    Reminders,
    ask_for_permission,
    consent_answer,
    has_permission,
    permission_card,
    reminder_request,
)
from skill.alexa.turns import Turn
from skill.domain.content import phrase
from skill.domain.dialogue import Coach, Mode, Outcome, Reply
from skill.domain.progress import Change, ReminderChanged, TimeZoneLearned, apply
from skill.domain.reminders import (
    VAGUE_TIMES,
    declined,
    is_vague,
    may_ask_permission,
    parse_time,
    spoken_time,
    state_of,
)
from skill.domain.ssml import Speech

# An example time to suggest for each part of the day Alexa may hear instead of a time.
_EXAMPLES = {"MO": "8 AM", "AF": "2 PM", "EV": "7 PM", "NI": "9 PM"}


def offer_speech() -> tuple[Speech, Speech]:
    """The one-time offer ("Would you like a daily reminder?") and its reprompt."""
    return Speech().say(phrase("reminder_offer")), Speech().say(phrase("reminder_offer_reprompt"))


def time_slot(handler_input: HandlerInput) -> str | None:
    """The ``Time`` slot's value as Alexa resolved it ("07:00", "EV"...), if any."""
    slots = getattr(getattr(handler_input.request_envelope.request, "intent", None),
                    "slots", None) or {}
    slot = slots.get("Time") if isinstance(slots, dict) else None
    value = getattr(slot, "value", None)
    return value.strip() if isinstance(value, str) and value.strip() else None


def _now_local(turn: Turn) -> datetime:
    stamp = getattr(turn.handler_input.request_envelope.request, "timestamp", None)
    now = stamp if isinstance(stamp, datetime) else datetime.now(UTC)
    if now.tzinfo is None:
        now = now.replace(tzinfo=UTC)
    try:
        zone = ZoneInfo(turn.profile.time_zone or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        zone = ZoneInfo("UTC")
    return now.astimezone(zone)


def _locale(turn: Turn) -> str:
    locale = getattr(turn.handler_input.request_envelope.request, "locale", None)
    return locale if isinstance(locale, str) and locale else "en-US"


def _answer(turn: Turn, speech: Speech, changes: list[Change] | None = None, *,
            reprompt: Speech | None = None, closing: str | None = None) -> Response:
    """Speak, store ``changes``, and leave the conversation where it was.

    An explicit ``reprompt`` keeps the session open for the user's answer (a time);
    otherwise a session in the middle of something (a routine, an offer) carries on with
    that mode's own reprompt, and an idle one ends.
    """
    context = turn.context()
    session = context.session
    if reprompt is None and not context.new_session and session.mode is not Mode.IDLE:
        reprompt = Coach(context).reprompt()
        speech.extend(reprompt)
    elif reprompt is None and closing is not None:
        speech.say(closing)
    return turn.finish(Outcome(Reply(speech, reprompt), session, list(changes or [])))


def _ask_for_time(turn: Turn, heard: str | None) -> Response:
    if is_vague(heard):
        code = str(heard).strip().upper()
        speech = Speech().say(phrase("reminder_vague_time", part=VAGUE_TIMES[code],
                                     example=_EXAMPLES[code]))
    else:
        speech = Speech().say(phrase("reminder_ask_time"))
    return _answer(turn, speech, reprompt=Speech().say(phrase("reminder_ask_time_reprompt")))


def _api_failure(turn: Turn, error: ReminderApiError, action: str) -> Response:
    if error.failure is Failure.REVOKED:
        turn.handler_input.response_builder.set_card(permission_card())
        return _answer(turn, Speech().say(phrase("reminder_revoked")))
    return _answer(turn, Speech().say(phrase("reminder_unavailable", action=action)))


def _create_or_move(turn: Turn, at: time) -> Response:
    """Permission granted: set the reminder, or move the one that exists, and say when."""
    state = state_of(turn.profile)
    learned: list[Change] = []
    if turn.profile.time_zone is None:
        # The reminder must ring in the device's zone: ask the settings API now if this
        # turn did not (it asks only at the start of a session).
        zone = turn.services.time_zone_lookup(turn.handler_input)
        if zone:
            learned.append(TimeZoneLearned(zone))
            turn.profile = apply(turn.profile, learned)
    request = reminder_request(at, _now_local(turn), turn.profile.time_zone, _locale(turn))
    reminders = Reminders(turn.handler_input)
    moving = state.is_set
    try:
        token = None
        if moving and state.alert_token is not None:
            try:
                token = reminders.update(state.alert_token, request)
            except ReminderApiError as error:
                if error.failure is not Failure.NOT_FOUND:
                    raise
                moving = False  # deleted in the Alexa app meanwhile: make a new one
        if token is None:
            token = reminders.create(request)
    except ReminderApiError as error:
        return _api_failure(turn, error, "change" if moving else "set")
    turn.report.events.append("reminder_set")
    said = spoken_time(at)
    speech = Speech().say(phrase("reminder_moved" if moving else "reminder_set", time=said))
    return _answer(turn, speech, [*learned, ReminderChanged(state.with_reminder(at, token))],
                   closing=phrase("reminder_goodbye"))


def start_reminder_setup(turn: Turn, heard: str | None = None) -> Response:
    """Set up the daily reminder from this turn: ask the time, the permission, or set it.

    ``heard`` is the ``AMAZON.TIME`` value if the user named one ("07:00").
    """
    at = parse_time(heard)
    if at is None:
        return _ask_for_time(turn, heard)
    if has_permission(turn.handler_input):
        return _create_or_move(turn, at)
    state = state_of(turn.profile)
    context = turn.context()
    if not may_ask_permission(state, context.today):
        # They said no within the week: point to the Alexa app, do not ask again by voice.
        turn.handler_input.response_builder.set_card(permission_card())
        return _answer(turn, Speech().say(phrase("reminder_declined_recently")))
    # Alexa asks in its own words and answers with a Connections.Response; the time asked
    # for travels in the directive's token. No speech and no reprompt of our own here.
    turn.handler_input.response_builder.add_directive(ask_for_permission(at))
    return turn.finish(Outcome(None, context.session))




def reminder_status(turn: Turn) -> Response:
    """ "What's my reminder": what the skill set, checked against Alexa when it can be."""
    state = state_of(turn.profile)
    at = parse_time(state.at)
    if not state.is_set or at is None or state.alert_token is None:
        return _answer(turn, Speech().say(phrase("reminder_status_none")))
    said = spoken_time(at)
    if has_permission(turn.handler_input):
        try:
            if not Reminders(turn.handler_input).exists(state.alert_token):
                return _answer(turn, Speech().say(phrase("reminder_gone", time=said)),
                               [ReminderChanged(state.without_reminder())])
        except ReminderApiError as error:
            if error.failure is Failure.REVOKED:
                return _api_failure(turn, error, "check")
            # Alexa's answer is not needed to say what was set: fall through.
    return _answer(turn, Speech().say(phrase("reminder_status", time=said)))


def cancel_reminder(turn: Turn) -> Response:
    state = state_of(turn.profile)
    at = parse_time(state.at)
    if not state.is_set or at is None or state.alert_token is None:
        return _answer(turn, Speech().say(phrase("reminder_nothing_to_cancel")))
    try:
        Reminders(turn.handler_input).delete(state.alert_token)
    except ReminderApiError as error:
        if error.failure is not Failure.NOT_FOUND:  # already gone is what was asked
            return _api_failure(turn, error, "cancel")
    return _answer(turn, Speech().say(phrase("reminder_cancelled", time=spoken_time(at))),
                   [ReminderChanged(state.without_reminder())])


def consent_answered(turn: Turn) -> Response:
    """Alexa's ``Connections.Response`` to the permission prompt."""
    answer = consent_answer(turn.handler_input)
    at = parse_time(answer.asked_time)
    if answer.status == "ACCEPTED":
        return _create_or_move(turn, at) if at is not None else _ask_for_time(turn, None)
    if answer.status == "DENIED":
        # Remembered, so that the skill does not ask again for a week.
        change = ReminderChanged(declined(turn.profile, turn.context().today))
        return _answer(turn, Speech().say(phrase("reminder_declined")), [change])
    if answer.status == "NOT_ANSWERED":
        return _answer(turn, Speech().say(phrase("reminder_not_answered")))
    # Alexa could not ask by voice on this device: the card in the Alexa app instead.
    turn.handler_input.response_builder.set_card(permission_card())
    return _answer(turn, Speech().say(phrase("reminder_permission_card")))
