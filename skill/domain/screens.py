"""What a screen shows: plain view models the dialogue hands to whoever draws them.

The domain knows nothing of APL. A turn that narrates a step leaves a
:class:`StepScreen` on its outcome (the same :class:`~skill.domain.narration.Script`
that was turned into speech, the step's place in the routine and what comes next);
"how am I doing" leaves a :class:`ProgressScreen`. The Alexa adapter
(:mod:`skill.alexa.screens`) draws them on devices with a screen and ignores them
everywhere else, so a speaker without a screen hears exactly what it always heard.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from skill.domain.narration import Script
from skill.domain.program import MAINTENANCE, PROGRAM_WEEKS
from skill.domain.progress import Profile, streak_on
from skill.domain.ssml import Speech

CALENDAR_WEEKS = 4


@dataclass(frozen=True)
class StepScreen:
    """A step being narrated: ``number`` of ``count`` in its routine.

    ``reps_total`` is the whole set's count for a rep counter ("4 of 10"), which runs on
    across a set's rounds; 0 for a stretch. ``lead`` is what is said before the step's
    own cues (a greeting, the safety line, the stretch's name): on a screen it is the
    response's speech, and the cues are spoken by the document, one by one, in step
    with what it shows.
    """

    script: Script
    number: int
    count: int
    lead: Speech
    next_title: str | None = None
    reps_total: int = 0


@dataclass(frozen=True)
class Day:
    """One day of the calendar: how many sessions and seconds were practised."""

    on: str
    sessions: int
    seconds: int
    today: bool = False

    @property
    def practised(self) -> bool:
        return self.sessions > 0


@dataclass(frozen=True)
class ProgressScreen:
    """The last four weeks (Monday first, oldest week first), and where the program is."""

    weeks: tuple[tuple[Day, ...], ...]
    week_minutes: tuple[int, ...]
    program_week: int
    program_weeks: int
    maintenance: bool
    streak: int
    longest: int
    sessions: int
    minutes: int

    @property
    def days_practised(self) -> int:
        return sum(day.practised for week in self.weeks for day in week)


def progress_screen(profile: Profile, today: date) -> ProgressScreen:
    """The last four calendar weeks, this one included, from the per-day totals."""
    monday = today - timedelta(days=today.weekday())
    first = monday - timedelta(weeks=CALENDAR_WEEKS - 1)
    weeks: list[tuple[Day, ...]] = []
    minutes: list[int] = []
    for week in range(CALENDAR_WEEKS):
        days: list[Day] = []
        for offset in range(7):
            day = first + timedelta(weeks=week, days=offset)
            key = day.isoformat()
            sessions, seconds = profile.daily.get(key, [0, 0]) if day <= today else [0, 0]
            days.append(Day(key, int(sessions), int(seconds), day == today))
        weeks.append(tuple(days))
        minutes.append(round(sum(d.seconds for d in days) / 60))
    return ProgressScreen(
        weeks=tuple(weeks), week_minutes=tuple(minutes), program_week=profile.week,
        program_weeks=PROGRAM_WEEKS, maintenance=profile.week >= MAINTENANCE,
        streak=streak_on(profile, today), longest=profile.longest_streak,
        sessions=profile.sessions, minutes=round(profile.seconds / 60))


Screen = StepScreen | ProgressScreen

__all__ = ["Day", "ProgressScreen", "Screen", "StepScreen", "progress_screen"]
