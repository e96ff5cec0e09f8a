"""The Reminders API calls the dialogue asks for, made in the adapter.

The dialogue (:mod:`skill.domain.dialogue.reminders`) decides *what* to do about a
reminder and what to say; it hands the turn a :class:`~skill.domain.reminders.ReminderCall`.
This module makes the call through :mod:`skill.alexa.reminders` and gives back a
:class:`~skill.domain.reminders.CallResult`, for the dialogue to answer.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from skill.alexa.reminders import (
    Failure,
    ReminderApiError,
    Reminders,
    ask_for_permission,
    reminder_request,
)
from skill.alexa.request import AlexaRequest
from skill.alexa.response import ResponseBuilder
from skill.domain.progress import Change, Profile, TimeZoneLearned
from skill.domain.reminders import CallFailure, CallKind, CallResult, ReminderCall

FAILURES = {Failure.REVOKED: CallFailure.REVOKED, Failure.NOT_FOUND: CallFailure.NOT_FOUND,
            Failure.UNAVAILABLE: CallFailure.UNAVAILABLE}


def _now_local(request: AlexaRequest, time_zone: str | None) -> datetime:
    now = request.timestamp or datetime.now(UTC)
    if now.tzinfo is None:
        now = now.replace(tzinfo=UTC)
    try:
        zone = ZoneInfo(time_zone or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        zone = ZoneInfo("UTC")
    return now.astimezone(zone)


def make_call(request: AlexaRequest, response: ResponseBuilder, call: ReminderCall,
              profile: Profile, time_zone_lookup: Callable[[AlexaRequest], str | None],
              learned: list[Change]) -> CallResult | None:
    """Make ``call``; ``None`` when Alexa answers it itself (the permission prompt, which
    goes in ``response``).

    A reminder must ring in the device's zone: without one stored, the settings API is
    asked now, and what it says is appended to ``learned`` to be stored with the turn.
    """
    if call.kind is CallKind.ASK_PERMISSION:
        if call.at is not None:
            response.add_directive(ask_for_permission(call.at))
        return None
    reminders = Reminders(request)
    try:
        match call.kind:
            case CallKind.SET:
                assert call.at is not None
                zone = profile.time_zone
                if zone is None:
                    zone = time_zone_lookup(request)
                    if zone:
                        learned.append(TimeZoneLearned(zone))
                wanted = reminder_request(call.at, _now_local(request, zone), zone,
                                          request.locale or "en-US")
                if call.token is not None:
                    try:
                        return CallResult(token=reminders.update(call.token, wanted),
                                          moved=True)
                    except ReminderApiError as error:
                        if error.failure is not Failure.NOT_FOUND:
                            raise
                        # Deleted in the Alexa app meanwhile: make a new one.
                return CallResult(token=reminders.create(wanted))
            case CallKind.DELETE:
                assert call.token is not None
                reminders.delete(call.token)
                return CallResult()
            case CallKind.CHECK:
                assert call.token is not None
                return CallResult(exists=reminders.exists(call.token))
    except ReminderApiError as error:
        return CallResult(failure=FAILURES[error.failure])
    return CallResult(failure=CallFailure.UNAVAILABLE)


__all__ = ["make_call"]
