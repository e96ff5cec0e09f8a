"""The daily reminder, and the minutes question: questions answered by a bare value.

Every question here is a state of the table: "What time each day?" (``REMINDER_TIME``),
"What time instead?" (``REMINDER_CHANGE``), "Shall I cancel your reminder at 8 AM?"
(``REMINDER_CANCEL``), Alexa's own permission prompt (``REMINDER_CONSENT``) and "How
many minutes do you have?" (``MINUTES_QUESTION``). Help, repeat, fallback, silence and
"no" in each of them answer that question.

The Reminders API is the Alexa adapter's business: a behaviour asks for a
:class:`~skill.domain.reminders.ReminderCall` and says what to answer for each
:class:`~skill.domain.reminders.CallResult`; nothing here talks to Alexa. The rules
(what is kept, when the permission may be asked again) are in :mod:`skill.domain.reminders`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import time

from skill.domain.dialogue.preferences import short_routine
from skill.domain.dialogue.state import Card, Mode, Outcome, Said
from skill.domain.dialogue.talk import Talk
from skill.domain.progress import ReminderChanged
from skill.domain.reminders import (
    CallFailure,
    CallKind,
    CallResult,
    ReminderCall,
    declined,
    is_vague,
    may_ask_permission,
    offered,
    parse_time,
    shifted,
    state_of,
)
from skill.domain.ssml import Speech

# An example time to suggest for each part of the day Alexa may hear instead of a time.
EXAMPLES = {"MO": time(8), "AF": time(14), "EV": time(19), "NI": time(21)}
DEFAULT_SHIFT_MINUTES = 60
PERMISSION_CARD = Card(reminders_permission=True)


# ---------------------------------------------------------------------- asking the time


def ask_reminder_time(c: Talk, said: Said) -> Outcome:
    """"Yes" to the offer, or "set a reminder" with no time: which time each day?"""
    return c.ask(c.say("reminder_ask_time"), Mode.REMINDER_TIME)


def _ask_time_again(c: Talk, heard: str | None, mode: Mode) -> Outcome:
    if is_vague(heard):
        code = str(heard).strip().upper()
        return c.ask(c.say("reminder_vague_time", part=c.language.text(f"vague_{code}"),
                           example=c.time(EXAMPLES[code])), mode)
    key = "reminder_ask_time" if mode is Mode.REMINDER_TIME else "reminder_change_ask"
    return c.ask(c.say(key), mode)


def set_reminder(c: Talk, said: Said) -> Outcome:
    """"Remind me every day at 8 AM", or a time given to "What time each day?"."""
    at = parse_time(said.value)
    if at is None:
        return _ask_time_again(c, said.value, Mode.REMINDER_TIME)
    return _set(c, at)


def change_reminder(c: Talk, said: Said) -> Outcome:
    """"Change my reminder to 7 PM", "an hour later": moves it, or sets one if none."""
    state = state_of(c.profile)
    current = parse_time(state.at) if state.is_set else None
    if said.value in ("later", "earlier"):
        if current is None:
            return c.ask(c.say("reminder_none_to_move"), Mode.REMINDER_TIME)
        minutes = said.number if said.number else DEFAULT_SHIFT_MINUTES
        return _set(c, shifted(current, minutes if said.value == "later" else -minutes))
    at = parse_time(said.value)
    if at is None:
        mode = Mode.REMINDER_CHANGE if current is not None else Mode.REMINDER_TIME
        return _ask_time_again(c, said.value, mode)
    return _set(c, at)


def hour_unclear(c: Talk, said: Said) -> Outcome:
    """A bare number to "What time?": seven in the morning, or in the evening?"""
    hour = said.number or 0
    if not 1 <= hour <= 12:
        return _ask_time_again(c, None, c.session.mode)
    return c.ask(c.say("reminder_which_half", hour=hour), c.session.mode)


def _set(c: Talk, at: time) -> Outcome:
    state = state_of(c.profile)
    if not c.ctx.reminders_permitted:
        if not may_ask_permission(state, c.today):
            # They said no within the week: point to the Alexa app, do not ask by voice.
            return _answered(c, c.say("reminder_declined_recently"), card=PERMISSION_CARD)
        # Alexa asks in its own words and answers with a Connections.Response; the time
        # asked for travels in the request's token. No speech of our own here.
        outcome = c.end(None)
        outcome.session.mode = Mode.REMINDER_CONSENT
        outcome.call = ReminderCall(CallKind.ASK_PERMISSION, at)
        return outcome

    def said_and_done(result: CallResult) -> Outcome:
        if result.failure is not None or result.token is None:
            return _failed(c, result.failure, "change" if state.is_set else "set")
        c.events.append("reminder_set")
        c.changes.append(ReminderChanged(state.with_reminder(at, result.token)))
        key = "reminder_moved" if result.moved else "reminder_set"
        return _answered(c, c.say(key, time=c.time(at)), closing="reminder_goodbye")

    return _calling(c, ReminderCall(CallKind.SET, at, state.alert_token if state.is_set
                                    else None), said_and_done)


def consent_answered(c: Talk, said: Said) -> Outcome:
    """Alexa's answer to its permission prompt: ``value`` is its status, ``heard`` the time
    asked for (it travelled in the prompt's token, so nothing was stored before consent)."""
    at = parse_time(said.heard)
    match said.value:
        case "ACCEPTED":
            # Granted just now: this request's context may not say so yet.
            c.ctx.reminders_permitted = True
            return _set(c, at) if at is not None else ask_reminder_time(c, said)
        case "DENIED":
            # Remembered, so that the skill does not ask again for a week.
            c.changes.append(ReminderChanged(declined(c.profile, c.today)))
            return _answered(c, c.say("reminder_declined"))
        case "NOT_ANSWERED":
            return _answered(c, c.say("reminder_not_answered"))
    # Alexa could not ask by voice on this device: the card in the Alexa app instead.
    return _answered(c, c.say("reminder_permission_card"), card=PERMISSION_CARD)


# ---------------------------------------------------------------------- status and cancel


def reminder_status(c: Talk, said: Said) -> Outcome:
    """"What's my reminder": what the skill set, checked against Alexa when it can be."""
    state = state_of(c.profile)
    at = parse_time(state.at)
    if not state.is_set or at is None or state.alert_token is None:
        return _answered(c, c.say("reminder_status_none"))
    spoken = c.time(at)
    if not c.ctx.reminders_permitted:
        return _answered(c, c.say("reminder_status", time=spoken))

    def checked(result: CallResult) -> Outcome:
        if result.failure is CallFailure.REVOKED:
            return _failed(c, result.failure, "check")
        if result.failure is None and not result.exists:
            c.changes.append(ReminderChanged(state.without_reminder()))
            return _answered(c, c.say("reminder_gone", time=spoken))
        # Alexa's answer is not needed to say what was set.
        return _answered(c, c.say("reminder_status", time=spoken))

    return _calling(c, ReminderCall(CallKind.CHECK, at, state.alert_token), checked)


def cancel_reminder(c: Talk, said: Said) -> Outcome:
    """"Cancel my reminder": asked first, since it cannot be undone by voice."""
    state = state_of(c.profile)
    at = parse_time(state.at)
    if not state.is_set or at is None:
        return _answered(c, c.say("reminder_nothing_to_cancel"))
    return c.ask(c.say("reminder_confirm_cancel", time=c.time(at)), Mode.REMINDER_CANCEL)


def cancel_confirmed(c: Talk, said: Said) -> Outcome:
    state = state_of(c.profile)
    at = parse_time(state.at)
    if not state.is_set or at is None or state.alert_token is None:
        return _answered(c, c.say("reminder_nothing_to_cancel"))

    def cancelled(result: CallResult) -> Outcome:
        # Already gone is what was asked.
        if result.failure is not None and result.failure is not CallFailure.NOT_FOUND:
            return _failed(c, result.failure, "cancel")
        c.changes.append(ReminderChanged(state.without_reminder()))
        return _answered(c, c.say("reminder_cancelled", time=c.time(at)))

    return _calling(c, ReminderCall(CallKind.DELETE, at, state.alert_token), cancelled)


def keep_reminder(c: Talk, said: Said) -> Outcome:
    at = parse_time(state_of(c.profile).at)
    return _answered(c, c.say("reminder_kept", time=c.time(at)) if at is not None
                     else c.say("reminder_not_answered"))


def no_reminder_time(c: Talk, said: Said) -> Outcome:
    """"No" to "What time each day?": no reminder, and no more asking (the once-only offer
    after the third session is never made to someone who has just said no)."""
    if state_of(c.profile).offered_on is None:
        c.changes.append(ReminderChanged(offered(c.profile, c.today)))
    if c.session.in_routine:
        # Mid-routine, no goodbye ("see you next time"): the routine goes on.
        return c.follow_up(c.say("reminder_not_answered"))
    return c.end(c.say("reminder_offer_declined"))


def no_new_time(c: Talk, said: Said) -> Outcome:
    """"No" to "What time instead?": the reminder stays as it is."""
    return keep_reminder(c, said)


# ---------------------------------------------------------------------- the minutes question


def minutes_from_time(c: Talk, said: Said) -> Outcome:
    """"Five" to "How many minutes?", heard by Alexa as five o'clock: it means minutes."""
    at = parse_time(said.value)
    if at is None or at.minute != 0 or at.hour == 0:
        return c.ask(c.say("minutes_not_understood"), Mode.MINUTES_QUESTION)
    return short_routine(c, Said("short_routine", number=at.hour))


def no_short_routine(c: Talk, said: Said) -> Outcome:
    """"No" to "How many minutes do you have?": no short routine, the place kept."""
    return c.follow_up(c.say("no_short_routine")) if c.session.in_routine \
        else c.end(c.say("no_short_routine"))


# ---------------------------------------------------------------------- shared


def _calling(c: Talk, call: ReminderCall,
             then: Callable[[CallResult], Outcome]) -> Outcome:
    """Ask the adapter to make ``call``; ``then`` says what to answer for its result."""
    outcome = c.end(None)
    outcome.call = call
    outcome.after_call = then
    return outcome


def _failed(c: Talk, failure: CallFailure | None, action: str) -> Outcome:
    if failure is CallFailure.REVOKED:
        return _answered(c, c.say("reminder_revoked"), card=PERMISSION_CARD)
    # issue-19: the verb in the language's words ("poner", "mettre"), not the code's id.
    return _answered(c, c.say("reminder_unavailable",
                              action=c.language.word("reminder_action", action)))


def _answered(c: Talk, speech: Speech, *, card: Card | None = None,
              closing: str | None = None) -> Outcome:
    """A reminder answer leaves the conversation as it was: mid-routine, on with it."""
    if not c.session.in_routine and closing is not None:
        speech.say(c.line(closing))
    outcome = c.follow_up(speech) if c.session.in_routine else c.end(speech)
    if card is not None and outcome.reply is not None:
        outcome.reply.card = card
    return outcome


__all__ = ["ask_reminder_time", "cancel_reminder", "change_reminder", "consent_answered",
           "minutes_from_time", "reminder_status", "set_reminder"]
