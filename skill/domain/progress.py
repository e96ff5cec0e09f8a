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

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from skill.domain.program import MAINTENANCE, PROGRAM_DAYS_PER_WEEK
from skill.domain.records import plain_fields
from skill.domain.reminders import ReminderState
from skill.domain.settings import DEFAULT_SETTINGS, Settings

DAILY_HISTORY_DAYS = 62
# After a pain report, this many sessions run at the previous week's targets.
GENTLE_SESSIONS = 3
MAX_LISTED_IDS = 8
# No routine has this many steps; a longer list did not come from the skill.
MAX_STEPS = 40


def _id_list(raw: object) -> tuple[str, ...] | None:
    """A short list of short ids from outside data, or ``None`` if it is not one."""
    if not isinstance(raw, list | tuple) or len(raw) > MAX_LISTED_IDS:
        return None
    if not all(isinstance(item, str) and 0 < len(item) <= 40 for item in raw):
        return None
    return tuple(raw)


@dataclass(frozen=True)
class Position:
    """Where a user is in a routine: ``step`` is the *next* step to deliver.

    A step is done once its narration has been delivered, so the place kept is always
    the step to come. ``started_on`` is the day the credit (``seconds_done``,
    ``steps_done``, the step indices ``done``) is earned: the local day the routine
    started, even when it runs past midnight; a routine carried on in a later session
    on a later day starts its credit afresh, so no day is credited with another day's
    practice. ``credited_seconds`` and ``credited_steps`` say how much of that is already
    counted (a routine stopped part-way is credited then, and again for what follows),
    ``program_day`` whether it already counted as a program day.

    ``settings``, ``minutes``, ``gentle`` and ``eased`` fix the shape of this routine's
    steps once its first step is narrated, so a settings change applies from the next
    step without re-splitting the routine under the user; ``skipped`` lists exercises to
    leave out of it.
    """

    plan: str
    week: int
    step: int
    started_on: str
    seconds_done: int = 0
    steps_done: int = 0
    minutes: int = 0
    gentle: bool = False
    eased: tuple[str, ...] = ()
    skipped: tuple[str, ...] = ()
    settings: Settings | None = None
    done: tuple[int, ...] = ()
    credited_seconds: int = 0
    credited_steps: int = 0
    program_day: bool = False

    @classmethod
    def parse(cls, raw: object) -> Position | None:
        """A position from stored or session data, or ``None`` if it is not a sane one.

        Session attributes come back from the device, so they are checked, never trusted.
        """
        if not isinstance(raw, dict):
            return None
        text, numbers, lists = _POSITION_TEXT, _POSITION_NUMBERS, _POSITION_LISTS
        if not _POSITION_FIELDS.issuperset(raw) or \
                not all(k in raw for k in _POSITION_REQUIRED):
            return None
        if not all(isinstance(raw[k], str) and 0 < len(raw[k]) <= 40 for k in text):
            return None
        values = [raw.get(k, 0) for k in numbers]
        if not all(type(v) is int and 0 <= v < 10**7 for v in values):
            return None
        if not isinstance(raw.get("gentle", False), bool) or \
                not isinstance(raw.get("program_day", False), bool):
            return None
        done = raw.get("done", [])
        if not isinstance(done, list | tuple) or len(done) > MAX_STEPS or \
                not all(type(i) is int and 0 <= i < MAX_STEPS for i in done):
            return None
        settings = raw.get("settings")
        parsed_lists = {k: _id_list(raw.get(k, [])) for k in lists}
        if any(v is None for v in parsed_lists.values()):
            return None
        try:
            date.fromisoformat(raw["started_on"])
        except ValueError:
            return None
        if raw["week"] < 1:
            return None
        return cls(**{**raw, **parsed_lists, "done": tuple(sorted(set(done))),
                      "settings": Settings.parse(settings) if settings is not None else None})

    def to_dict(self) -> dict[str, Any]:
        data = plain_fields(self, later=("eased", "skipped", "done", "settings"))
        data["eased"], data["skipped"] = list(self.eased), list(self.skipped)
        data["done"] = list(self.done)
        data["settings"] = self.settings.to_dict() if self.settings is not None else None
        return data


# What Position.parse checks each stored field as (named once, not on every parse).
_POSITION_TEXT = ("plan", "started_on")
_POSITION_NUMBERS = ("week", "step", "seconds_done", "steps_done", "minutes",
                     "credited_seconds", "credited_steps")
_POSITION_LISTS = ("eased", "skipped")
_POSITION_REQUIRED = (*_POSITION_TEXT, "week", "step")
_POSITION_FIELDS = frozenset({*_POSITION_TEXT, *_POSITION_NUMBERS, *_POSITION_LISTS,
                              "gentle", "settings", "done", "program_day"})


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
    """Everything a turn needs to know about a user, read in one go.

    Nothing here is health information: the coach keeps how to coach (settings, the
    program week, whether to check in at the next start, how many gentle sessions are
    left, which exercises to do in their easier form or leave out), never what a person
    felt, where, or when. ``safety_notice_heard`` means the first-use safety questions
    were heard and passed, ``screened_on`` the day they last were (they are asked again
    briefly every three months and after a long break); a "yes" to them is never stored.
    ``see_doctor_first`` means "ask whether a doctor has checked them before any
    exercise": which of the reports that call for a doctor it was is never stored.
    """

    version: int = 0
    first_seen_on: str | None = None
    safety_notice_heard: bool = False
    screened_on: str | None = None
    check_in: bool = False
    see_doctor_first: bool = False
    gentle_left: int = 0
    eased: list[str] = field(default_factory=list)
    settings: Settings = DEFAULT_SETTINGS
    program_week: int = 1
    program_days: int = 0
    last_program_day: str | None = None
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
    advised_on: str | None = None

    @property
    def week(self) -> int:
        """The program week, never past the maintenance phase."""
        return max(1, min(self.program_week, MAINTENANCE))

    def to_dict(self) -> dict[str, Any]:
        data = plain_fields(self, later=("position",))
        data.pop("version")
        data["position"] = self.position.to_dict() if self.position is not None else None
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any], version: int = 0) -> Profile:
        values = {key: value for key, value in data.items() if key in _PROFILE_FIELDS}
        position = values.pop("position", None)
        settings = values.pop("settings", None)
        reminder = values.pop("reminder", None)
        eased = _id_list(values.pop("eased", []))
        if "program_week" not in data:
            # Profiles from before explicit program weeks moved up every five practice days.
            days = int(data.get("practice_days", 0) or 0)
            values["program_week"] = min(1 + days // PROGRAM_DAYS_PER_WEEK, MAINTENANCE)
            values["program_days"] = 0 if values["program_week"] == MAINTENANCE \
                else days % PROGRAM_DAYS_PER_WEEK
        if data.get("pain_reported_on"):
            # Older profiles kept the date of a pain report; only "check in next time" stays.
            values["check_in"] = True
        profile = cls(version=version, **values)
        profile.position = Position.parse(position)
        profile.settings = Settings.parse(settings)
        profile.eased = list(eased or ())
        profile.reminder = ReminderState.parse(reminder)
        return profile


# The fields a stored profile may give (its version is the store's, never the data's).
_PROFILE_FIELDS = frozenset(Profile.__dataclass_fields__) - {"version"}


@dataclass(frozen=True)
class NoticeHeard:
    """The safety questions were heard and passed on ``on`` (first use, or asked again)."""

    on: str


@dataclass(frozen=True)
class PainReported:
    """Check in at the next start, go gently for a few sessions, ease ``exercise`` and the
    exercises in ``eases``; after a report that needs a doctor (``see_doctor``), no
    exercise until the user says a doctor has checked them."""

    exercise: str | None = None
    eases: tuple[str, ...] = ()
    see_doctor: bool = False


@dataclass(frozen=True)
class DoctorChecked:
    """The user says a doctor has checked them since the report that needed one."""


@dataclass(frozen=True)
class GentleChosen:
    """"Make it easier" where a week back would not be lighter: a few gentle sessions."""


@dataclass(frozen=True)
class CheckedIn:
    """The answer to "does it still hurt?": only a "no" ends the check-in."""

    fine: bool


@dataclass(frozen=True)
class SettingsChanged:
    settings: Settings


@dataclass(frozen=True)
class ProgramWeekSet:
    week: int


@dataclass(frozen=True)
class TimeZoneLearned:
    time_zone: str


@dataclass(frozen=True)
class PositionSet:
    position: Position | None


@dataclass(frozen=True)
class SessionCompleted:
    """Practice credited: a routine finished, or ended part-way by stop, pause, "done for
    today", a timeout or a pain report. ``program_day`` when it makes the day a program day;
    ``new_session`` is false for the rest of a routine already credited in part that day."""

    record: SessionRecord
    program_day: bool = False
    new_session: bool = True


@dataclass(frozen=True)
class Advised:
    """The mat and warm-up advice was given on ``on``: once a day is enough."""

    on: str


@dataclass(frozen=True)
class ReminderChanged:
    """The daily reminder was set, moved, cancelled, offered or declined."""

    state: ReminderState


Change = NoticeHeard | PainReported | DoctorChecked | GentleChosen | CheckedIn | \
    SettingsChanged | ProgramWeekSet | TimeZoneLearned | PositionSet | SessionCompleted | \
    ReminderChanged | Advised


def apply(profile: Profile, changes: list[Change]) -> Profile:
    """A new profile with ``changes`` applied in order; ``profile`` is left as it was."""
    # A shallow copy (what ``replace`` gives, for a fraction of it: Profile has no
    # __post_init__), with its own copies of the two fields changed in place below. It is
    # what ``copy.copy`` makes, without its trip through ``__reduce_ex__``.
    result = object.__new__(type(profile))
    result.__dict__.update(profile.__dict__)
    result.daily, result.eased = dict(profile.daily), list(profile.eased)
    for change in changes:
        match change:
            case NoticeHeard(on):
                result.safety_notice_heard = True
                result.first_seen_on = result.first_seen_on or on
                result.screened_on = on
            case PainReported(exercise, eases, see_doctor):
                result.check_in = True
                result.see_doctor_first = result.see_doctor_first or see_doctor
                result.gentle_left = GENTLE_SESSIONS
                for eased in (exercise, *eases):
                    if eased and eased not in result.eased:
                        result.eased = [*result.eased, eased][-MAX_LISTED_IDS:]
            case DoctorChecked():
                result.see_doctor_first = False
                result.check_in = False
            case GentleChosen():
                result.gentle_left = GENTLE_SESSIONS
            case CheckedIn(fine):
                result.check_in = result.check_in and not fine
            case SettingsChanged(settings):
                result.settings = settings
            case ProgramWeekSet(week):
                result.program_week = max(1, min(week, MAINTENANCE))
                result.program_days = 0
            case TimeZoneLearned(time_zone):
                result.time_zone = time_zone
            case PositionSet(position):
                result.position = position
            case SessionCompleted(record, program_day, new_session):
                _count_session(result, record, new_session)
                _count_program(result, record, program_day)
            case Advised(on):
                result.advised_on = on
            case ReminderChanged(state):
                result.reminder = state
    return result


def _count_program(profile: Profile, record: SessionRecord, program_day: bool) -> None:
    """A program day moves the program on; gentle sessions hold it and count down."""
    if profile.gentle_left > 0:
        if program_day:
            profile.gentle_left -= 1
            if profile.gentle_left == 0:
                profile.eased = []
        return
    if program_day and profile.last_program_day != record.on:
        profile.program_days += 1
        profile.last_program_day = record.on


def _count_session(profile: Profile, record: SessionRecord, new_session: bool = True) -> None:
    day = date.fromisoformat(record.on)
    last = date.fromisoformat(profile.last_practice_on) if profile.last_practice_on else None
    profile.sessions += 1 if new_session else 0
    profile.seconds += record.seconds
    profile.last_session_title = record.title
    profile.last_session_seconds = record.seconds if new_session \
        else profile.last_session_seconds + record.seconds
    sessions, seconds = profile.daily.get(record.on, [0, 0])
    profile.daily[record.on] = [sessions + (1 if new_session else 0), seconds + record.seconds]
    if sessions == 0 and new_session:
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


PERIODS = ("today", "yesterday", "week", "last_week", "month", "last_month", "all")


def period_bounds(period: str, today: date) -> tuple[date, date] | None:
    """First and last day of ``period``; weeks start on Monday; ``None`` for all time."""
    monday = today - timedelta(days=today.weekday())
    first_of_month = today.replace(day=1)
    match period:
        case "today":
            return today, today
        case "yesterday":
            return today - timedelta(1), today - timedelta(1)
        case "week":
            return monday, today
        case "last_week":
            return monday - timedelta(7), monday - timedelta(1)
        case "month":
            return first_of_month, today
        case "last_month":
            last = first_of_month - timedelta(1)
            return last.replace(day=1), last
    return None


def totals(profile: Profile, period: str, today: date) -> Totals:
    bounds = period_bounds(period, today)
    if bounds is None:
        return Totals(profile.sessions, profile.seconds)
    first, last = bounds[0].isoformat(), bounds[1].isoformat()
    picked = [v for d, v in profile.daily.items() if first <= d <= last]
    return Totals(sum(v[0] for v in picked), sum(v[1] for v in picked))
