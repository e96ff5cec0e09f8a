"""A user's progress: the profile, the changes a turn makes to it, and the maths.

Every turn expresses what it changed as a list of :data:`Change` values. The
store applies them with :func:`apply` to the profile it read; if another device
wrote in between, the store reads the fresh profile and applies the same
changes again, so two sessions finished at the same moment both count.

The profile stays bounded in size: per-day totals are kept for
:data:`DAILY_HISTORY_DAYS` days only; the full history is one record per
completed session, which the store keeps beside the profile.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from datetime import date, timedelta
from typing import Any

from skill.domain.reminders import ReminderState

DAILY_HISTORY_DAYS = 62


@dataclass(frozen=True)
class Position:
    """Where a user is in a routine: the step they are on, kept until it is finished."""

    plan: str
    week: int
    step: int
    started_on: str
    seconds_done: int = 0
    steps_done: int = 0

    @classmethod
    def parse(cls, raw: object) -> Position | None:
        """A position from stored or session data, or ``None`` if it is not a sane one.

        Session attributes come back from the device, so they are checked, never trusted.
        """
        if not isinstance(raw, dict):
            return None
        text = ("plan", "started_on")
        numbers = ("week", "step", "seconds_done", "steps_done")
        if set(raw) - set(text) - set(numbers) or not all(k in raw for k in (*text, "week",
                                                                             "step")):
            return None
        if not all(isinstance(raw[k], str) and 0 < len(raw[k]) <= 40 for k in text):
            return None
        values = [raw.get(k, 0) for k in numbers]
        if not all(type(v) is int and 0 <= v < 10**7 for v in values):
            return None
        try:
            date.fromisoformat(raw["started_on"])
        except ValueError:
            return None
        return cls(**raw) if raw["week"] >= 1 else None


@dataclass(frozen=True)
class SessionRecord:
    """One completed session, as kept in the user's history."""

    id: str
    on: str
    finished_at: str
    plan: str
    week: int
    title: str
    seconds: int
    steps_done: int


@dataclass
class Profile:
    """Everything a turn needs to know about a user, read in one go."""

    version: int = 0
    first_seen_on: str | None = None
    safety_notice_heard: bool = False
    pain_reported_on: str | None = None
    time_zone: str | None = None
    sessions: int = 0
    seconds: int = 0
    practice_days: int = 0
    current_streak: int = 0
    longest_streak: int = 0
    last_practice_on: str | None = None
    last_session_title: str | None = None
    last_session_seconds: int = 0
    daily: dict[str, list[int]] = field(default_factory=dict)
    position: Position | None = None
    reminder: ReminderState | None = None

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("version")
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any], version: int = 0) -> Profile:
        known = {name for name in cls.__dataclass_fields__ if name != "version"}
        values = {key: value for key, value in data.items() if key in known}
        position = values.pop("position", None)
        reminder = values.pop("reminder", None)
        profile = cls(version=version, **values)
        profile.position = Position.parse(position)
        profile.reminder = ReminderState.parse(reminder)
        return profile


@dataclass(frozen=True)
class NoticeHeard:
    on: str


@dataclass(frozen=True)
class PainReported:
    on: str


@dataclass(frozen=True)
class PainAcknowledged:
    pass


@dataclass(frozen=True)
class TimeZoneLearned:
    time_zone: str


@dataclass(frozen=True)
class PositionSet:
    position: Position | None


@dataclass(frozen=True)
class SessionCompleted:
    record: SessionRecord


@dataclass(frozen=True)
class ReminderChanged:
    """The daily reminder was set, moved, cancelled, offered or declined."""

    state: ReminderState


Change = NoticeHeard | PainReported | PainAcknowledged | TimeZoneLearned | PositionSet | \
    SessionCompleted | ReminderChanged


def apply(profile: Profile, changes: list[Change]) -> Profile:
    """A new profile with ``changes`` applied in order; ``profile`` is left as it was."""
    result = replace(profile, daily=dict(profile.daily))
    for change in changes:
        match change:
            case NoticeHeard(on):
                result.safety_notice_heard = True
                result.first_seen_on = result.first_seen_on or on
            case PainReported(on):
                result.pain_reported_on = on
            case PainAcknowledged():
                result.pain_reported_on = None
            case TimeZoneLearned(time_zone):
                result.time_zone = time_zone
            case PositionSet(position):
                result.position = position
            case SessionCompleted(record):
                _count_session(result, record)
            case ReminderChanged(state):
                result.reminder = state
    return result


def _count_session(profile: Profile, record: SessionRecord) -> None:
    day = date.fromisoformat(record.on)
    last = date.fromisoformat(profile.last_practice_on) if profile.last_practice_on else None
    profile.sessions += 1
    profile.seconds += record.seconds
    profile.last_session_title = record.title
    profile.last_session_seconds = record.seconds
    sessions, seconds = profile.daily.get(record.on, [0, 0])
    profile.daily[record.on] = [sessions + 1, seconds + record.seconds]
    if sessions == 0:
        profile.practice_days += 1
    if last is None or day > last:
        profile.current_streak = profile.current_streak + 1 if last == day - timedelta(1) else 1
        profile.last_practice_on = record.on
    profile.longest_streak = max(profile.longest_streak, profile.current_streak)
    cutoff = (day - timedelta(DAILY_HISTORY_DAYS)).isoformat()
    profile.daily = {d: totals for d, totals in profile.daily.items() if d > cutoff}
    # The session is over, so the place kept for it is no longer needed.
    if profile.position is not None and profile.position.plan == record.plan:
        profile.position = None


def streak_on(profile: Profile, today: date) -> int:
    """Days in a row practised, still alive if the last practice was today or yesterday."""
    if profile.last_practice_on is None:
        return 0
    last = date.fromisoformat(profile.last_practice_on)
    return profile.current_streak if (today - last).days <= 1 else 0


@dataclass(frozen=True)
class Totals:
    sessions: int
    seconds: int

    @property
    def minutes(self) -> int:
        return round(self.seconds / 60)


def period_start(period: str, today: date) -> date | None:
    """First day of ``period`` ("today", "week" from Monday, "month"); ``None`` for all time."""
    if period == "today":
        return today
    if period == "week":
        return today - timedelta(days=today.weekday())
    if period == "month":
        return today.replace(day=1)
    return None


def totals(profile: Profile, period: str, today: date) -> Totals:
    start = period_start(period, today)
    if start is None:
        return Totals(profile.sessions, profile.seconds)
    first, last = start.isoformat(), today.isoformat()
    picked = [v for d, v in profile.daily.items() if first <= d <= last]
    return Totals(sum(v[0] for v in picked), sum(v[1] for v in picked))
