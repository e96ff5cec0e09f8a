"""The progressive program: what each week's routine holds, step by step.

The program moves on by *practice days*, not calendar weeks, so that someone
who takes a fortnight off comes back at the level they left rather than being
pushed ahead. Five practice days make a program week; after week four comes a
maintenance phase that keeps the full routine.
"""

from __future__ import annotations

from dataclasses import dataclass

from skill.domain.exercises import REVERSE_KEGEL, exercise_ids, stretches

DAILY = "daily"
PRACTICE_DAYS_PER_WEEK = 5
PROGRAM_WEEKS = 4
MAINTENANCE = PROGRAM_WEEKS + 1


@dataclass(frozen=True)
class ReleaseSet:
    """One set of reverse Kegels: breath-synced releases with full relaxation."""

    reps: int
    hold_seconds: int
    set_number: int = 1
    sets: int = 1


@dataclass(frozen=True)
class StretchStep:
    """One stretch, held on both sides where it is one-sided."""

    stretch_id: str
    hold_seconds: int


Step = ReleaseSet | StretchStep


@dataclass(frozen=True)
class WeekPlan:
    week: int
    reps: int
    hold_seconds: int
    sets: int
    stretch_ids: tuple[str, ...]
    stretch_hold_seconds: int

    @property
    def is_maintenance(self) -> bool:
        return self.week >= MAINTENANCE


_WEEKS = (
    WeekPlan(1, reps=10, hold_seconds=3, sets=1,
             stretch_ids=("butterfly", "seated_hip"), stretch_hold_seconds=30),
    WeekPlan(2, reps=10, hold_seconds=4, sets=1,
             stretch_ids=("butterfly", "seated_hip", "bridge"), stretch_hold_seconds=30),
    WeekPlan(3, reps=12, hold_seconds=4, sets=1,
             stretch_ids=("butterfly", "bridge", "kneeling_hip_flexor", "pigeon"),
             stretch_hold_seconds=30),
    # Pigeon is the floor version of the seated (figure-four) hip stretch: by week four it
    # takes that stretch's place rather than doubling the same muscles.
    WeekPlan(4, reps=15, hold_seconds=5, sets=1,
             stretch_ids=("butterfly", "bridge", "kneeling_hip_flexor", "pigeon"),
             stretch_hold_seconds=30),
    # Maintenance brings back every stretch and trims the reps to keep near twelve minutes.
    WeekPlan(MAINTENANCE, reps=10, hold_seconds=5, sets=1,
             stretch_ids=("butterfly", "seated_hip", "bridge", "kneeling_hip_flexor", "pigeon"),
             stretch_hold_seconds=30),
)


def week_for(practice_days: int) -> int:
    """The program week for someone who has practised on ``practice_days`` days."""
    return min(1 + max(practice_days, 0) // PRACTICE_DAYS_PER_WEEK, MAINTENANCE)


def week_plan(week: int) -> WeekPlan:
    return _WEEKS[min(max(week, 1), MAINTENANCE) - 1]


def is_known_plan(plan: str) -> bool:
    return plan == DAILY or plan in exercise_ids()


def routine_steps(plan: str, week: int) -> list[Step]:
    """The steps of a routine: ``plan`` is ``"daily"`` or a single exercise id."""
    wp = week_plan(week)
    release = [ReleaseSet(wp.reps, wp.hold_seconds, n, wp.sets) for n in range(1, wp.sets + 1)]
    if plan == DAILY:
        held = [StretchStep(sid, wp.stretch_hold_seconds) for sid in wp.stretch_ids]
        return [*release, *held]
    if plan == REVERSE_KEGEL:
        return list(release)
    if plan in stretches():
        return [StretchStep(plan, wp.stretch_hold_seconds)]
    raise ValueError(f"unknown plan {plan!r}")
