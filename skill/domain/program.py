"""The progressive program: what each week's routine holds, step by step.

The program moves on by *program days*, not calendar weeks, so that someone who
takes a fortnight off comes back at the level they left rather than being pushed
ahead. A program day is a daily routine completed, or most of it; after five at a
week the coach offers the next week and waits for a yes. After week four comes a
maintenance phase that keeps the full routine; the week never passes it.
"""

from __future__ import annotations

from dataclasses import dataclass

PROGRAM_DAYS_PER_WEEK = 5
PROGRAM_WEEKS = 4
MAINTENANCE = PROGRAM_WEEKS + 1


@dataclass(frozen=True)
class ReleaseSet:
    """One round of a set of reverse Kegels: breath-synced releases with full relaxation.

    A long set is split into rounds (``round`` of ``rounds``) so that no single response
    runs past what a person can follow without being able to answer; ``first_rep`` and
    ``total_reps`` keep the count running across rounds.
    """

    reps: int
    hold_seconds: int
    round: int = 1
    rounds: int = 1
    first_rep: int = 1
    total_reps: int = 0

    def __post_init__(self) -> None:
        if not self.total_reps:
            object.__setattr__(self, "total_reps", self.reps)


# How a stretch step opens: a guided warm-up (the first stretch of a routine), the mat
# line (a single stretch), or nothing (the muscles are already warm).
WARM_UP = "warm_up"
BRIEF_WARM_UP = "brief_warm_up"  # the warm-up in one line, where the full one does not fit
MAT = "mat"
WARMING_UP = (WARM_UP, BRIEF_WARM_UP)


@dataclass(frozen=True)
class StretchStep:
    """One stretch, held on each of ``sides`` (``("",)`` for a stretch that is not sided),
    opened by ``opening`` (:data:`WARM_UP`, :data:`MAT` or nothing)."""

    stretch_id: str
    hold_seconds: int
    sides: tuple[str, ...] = ("",)
    opening: str = ""


Step = ReleaseSet | StretchStep


@dataclass(frozen=True)
class WeekPlan:
    week: int
    reps: int
    hold_seconds: int
    sets: int
    stretch_ids: tuple[str, ...]
    stretch_hold_seconds: int


_WEEKS = (
    # The seated hip stretch follows the butterfly, as in the guidance: same seat, feet
    # further out, leaning forward from the hips.
    WeekPlan(1, reps=10, hold_seconds=3, sets=1,
             stretch_ids=("butterfly", "seated_hip"), stretch_hold_seconds=30),
    WeekPlan(2, reps=10, hold_seconds=4, sets=1,
             stretch_ids=("butterfly", "seated_hip", "bridge"), stretch_hold_seconds=30),
    WeekPlan(3, reps=12, hold_seconds=4, sets=1,
             stretch_ids=("butterfly", "bridge", "kneeling_hip_flexor", "pigeon"),
             stretch_hold_seconds=30),
    # From week three the pigeon and the kneeling hip flexor stretch open the hips more
    # deeply, and take the seated hip stretch's place to keep the routine near ten minutes.
    WeekPlan(4, reps=15, hold_seconds=5, sets=1,
             stretch_ids=("butterfly", "bridge", "kneeling_hip_flexor", "pigeon"),
             stretch_hold_seconds=30),
    # Maintenance brings back every stretch and trims the reps to keep near twelve minutes.
    WeekPlan(MAINTENANCE, reps=10, hold_seconds=5, sets=1,
             stretch_ids=("butterfly", "seated_hip", "bridge", "kneeling_hip_flexor", "pigeon"),
             stretch_hold_seconds=30),
)


def week_plan(week: int) -> WeekPlan:
    return _WEEKS[min(max(week, 1), MAINTENANCE) - 1]


# A gentle session (after a pain report, or "make it easier" where stepping back a week
# would not be lighter) is lighter than the user's normal targets in every phase: fewer
# releases, and the shortest hold the guidance starts with ("start with 3 to 5 seconds").
GENTLE_REPS_MIN = 8
GENTLE_HOLD_SECONDS = 3


def gentle_targets(reps: int, hold: int) -> tuple[int, int]:
    """Lighter than ``reps`` releases of ``hold`` seconds: a fifth fewer (at least two), held
    3 seconds. 10 of 5 becomes 8 of 3; 15 of 5 becomes 12 of 3; 10 of 3 becomes 8 of 3."""
    return (max(GENTLE_REPS_MIN, reps - max(2, reps // 5)) if reps > GENTLE_REPS_MIN
            else max(1, reps - 1), min(hold, GENTLE_HOLD_SECONDS))


def gentle_stretch_week(week: int) -> WeekPlan:
    """The stretches of a gentle session: the previous week's (week 1 keeps its own)."""
    return week_plan(max(1, min(week, MAINTENANCE) - 1))
