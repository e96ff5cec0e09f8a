"""The daily practice reminder: what is kept about it, and the rules for offering and asking.

Pure domain, like the rest of ``skill.domain``: no Alexa, no store. The Alexa side
(permission, the Reminders API) lives in ``skill.alexa.reminders``.

Amazon's rules for skill reminders shape this module:

* the reminder text shows on shared screens, so it names no health topic and not
  the skill (:func:`reminder_text`, the language's ``reminder`` words);
* after a user says no to the reminders permission, the skill does not ask again
  for at least :data:`NO_REASK_DAYS` days (:func:`may_ask_permission`);
* the reminder is offered once, after the third completed session, and never again
  (:func:`should_offer_reminder`), so that it never nags.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import Protocol

from skill.domain.content import current_locale
from skill.domain.language import language_for

NO_REASK_DAYS = 7
OFFER_AFTER_SESSIONS = 3
MAX_TOKEN_CHARS = 200

# AMAZON.TIME resolves "in the morning" and the like to these codes, not to a time of day.
VAGUE_TIMES = {"MO": "morning", "AF": "afternoon", "EV": "evening", "NI": "night"}
_CLOCK = re.compile(r"^(\d{1,2}):(\d{2})(?::\d{2})?$")


@dataclass(frozen=True)
class ReminderState:
    """What the skill remembers about a user's daily reminder.

    ``at`` is the local time of day ("HH:MM") while a reminder exists; ``alert_token``
    is the Reminders API's id for it. ``declined_on`` is the day the user last said no
    to the permission; ``offered_on`` the day the one-time offer was made.
    """

    at: str | None = None
    alert_token: str | None = None
    declined_on: str | None = None
    offered_on: str | None = None

    @property
    def is_set(self) -> bool:
        return self.at is not None and self.alert_token is not None

    @classmethod
    def parse(cls, raw: object) -> ReminderState | None:
        """A state from stored data, or ``None`` if it is missing or not a sane one."""
        if not isinstance(raw, dict):
            return None
        values: dict[str, str | None] = {}
        for name in ("at", "alert_token", "declined_on", "offered_on"):
            value = raw.get(name)
            if value is not None and not (isinstance(value, str)
                                          and 0 < len(value) <= MAX_TOKEN_CHARS):
                return None
            values[name] = value
        if values["at"] is not None and parse_time(values["at"]) is None:
            return None
        for day in ("declined_on", "offered_on"):
            if values[day] is not None:
                try:
                    date.fromisoformat(str(values[day]))
                except ValueError:
                    return None
        return cls(**values)

    def with_reminder(self, at: time, alert_token: str) -> ReminderState:
        return replace(self, at=clock(at), alert_token=alert_token)

    def without_reminder(self) -> ReminderState:
        return replace(self, at=None, alert_token=None)


class Profile(Protocol):
    """What these rules read of a user's profile (:class:`skill.domain.progress.Profile`,
    which keeps a :class:`ReminderState` and so imports this module, not the reverse)."""

    @property
    def reminder(self) -> ReminderState | None: ...

    @property
    def sessions(self) -> int: ...


def state_of(profile: Profile) -> ReminderState:
    return profile.reminder or ReminderState()


def parse_time(value: str | None) -> time | None:
    """A time of day from an ``AMAZON.TIME`` value ("07:00", "19:30"); ``None`` otherwise."""
    if not value:
        return None
    match = _CLOCK.match(value.strip())
    if match is None:
        return None
    hour, minute = int(match.group(1)), int(match.group(2))
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute)


def is_vague(value: str | None) -> bool:
    """True for "morning", "evening"...: Alexa heard a part of the day, not a time."""
    return bool(value) and str(value).strip().upper() in VAGUE_TIMES


def clock(at: time) -> str:
    return f"{at.hour:02d}:{at.minute:02d}"


def spoken_time(at: time, locale: str | None = None) -> str:
    """How the time is said back in the locale's language: "8 AM", "7:30 PM", "noon"."""
    return language_for(locale or current_locale()).time(at)


def reminder_text(locale: str | None = None) -> str:
    """What the reminder says and shows. It shows on Echo Show screens and phones that the
    whole household may see: neutral words only, in the locale's language."""
    return language_for(locale or current_locale()).text("reminder")


def first_occurrence(at: time, now_local: datetime) -> datetime:
    """The next moment at ``at`` local time, as a naive local datetime (no zone suffix).

    The Reminders API takes ``scheduledTime`` in the reminder's own time zone; a time
    already past today starts tomorrow.
    """
    naive_now = now_local.replace(tzinfo=None, microsecond=0)
    candidate = datetime.combine(naive_now.date(), at)
    if candidate <= naive_now:
        candidate += timedelta(days=1)
    return candidate


def may_ask_permission(state: ReminderState, today: date) -> bool:
    """After a "no", the permission is not asked for again for :data:`NO_REASK_DAYS` days."""
    if state.declined_on is None:
        return True
    try:
        declined = date.fromisoformat(state.declined_on)
    except ValueError:
        return True
    return (today - declined).days >= NO_REASK_DAYS


def should_offer_reminder(profile: Profile, today: date) -> bool:
    """Offer "Would you like a daily reminder?" once: after the third completed session.

    Never again after the offer was made, never while a reminder exists, and not within
    a week of the user refusing the permission.
    """
    state = state_of(profile)
    return (profile.sessions >= OFFER_AFTER_SESSIONS and state.offered_on is None
            and not state.is_set and may_ask_permission(state, today))


def offered(profile: Profile, today: date) -> ReminderState:
    """The state to store once the offer has been spoken, so it is never made twice."""
    return replace(state_of(profile), offered_on=today.isoformat())


def declined(profile: Profile, today: date) -> ReminderState:
    return replace(state_of(profile), declined_on=today.isoformat())


# ---------------------------------------------------------------- calls the adapter makes


class CallFailure(StrEnum):
    """How a Reminders API call went wrong, as far as the user needs to know."""

    REVOKED = "revoked"          # the permission was turned off
    NOT_FOUND = "not_found"      # the reminder is gone (deleted in the Alexa app)
    UNAVAILABLE = "unavailable"  # busy, down, or no network: try again later


class CallKind(StrEnum):
    ASK_PERMISSION = "ask_permission"   # Alexa asks the user, in its own words
    SET = "set"                         # create, or move the one that exists (``token``)
    DELETE = "delete"
    CHECK = "check"                     # is it still there?


@dataclass(frozen=True)
class ReminderCall:
    """A Reminders API call the dialogue asks the Alexa adapter to make for it."""

    kind: CallKind
    at: time | None = None
    token: str | None = None


@dataclass(frozen=True)
class CallResult:
    """What came of a :class:`ReminderCall`: ``token`` of a reminder set, ``moved`` when
    the existing one was moved, ``exists`` for a check, or the ``failure``."""

    failure: CallFailure | None = None
    token: str | None = None
    moved: bool = False
    exists: bool = True


def minutes_of_day(at: time) -> int:
    return at.hour * 60 + at.minute


def shifted(at: time, minutes: int) -> time:
    """``at`` moved by ``minutes`` (negative: earlier), around the clock."""
    total = (minutes_of_day(at) + minutes) % (24 * 60)
    return time(total // 60, total % 60)
