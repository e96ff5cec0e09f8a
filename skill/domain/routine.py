"""Routines: which steps a session holds, for a plan, a week and a user's choices.

A *plan* is the daily routine (``"daily"``), the stretches alone (``"stretches"``),
or one exercise by id. The steps follow the week's targets, adjusted by the user's
settings, and three rules that keep the coaching humane:

* no step is longer than :data:`MAX_STEP_SECONDS` of audio: a long set of reverse
  Kegels becomes rounds, and a long two-sided stretch becomes one step per side.
  Fewer, longer rounds keep the number of "next"s low; the bound keeps any single
  stretch of talking short enough that a person can answer between them;
* a time budget ("I only have five minutes") keeps the reverse Kegels and adds
  stretches while they fit;
* after a pain report, exercises marked *eased* use their easier version, or are
  left out when they have none, and *gentle* sessions use the previous week's targets.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from skill.domain.exercises import REVERSE_KEGEL, exercise_ids, stretches
from skill.domain.narration import SIDES, narrate
from skill.domain.program import ReleaseSet, Step, StretchStep, week_plan
from skill.domain.settings import DEFAULT_SETTINGS, REPS_MIN, Settings

DAILY = "daily"
STRETCHES = "stretches"
MAX_STEP_SECONDS = 150
# Phrasings differ in length: plan against a bound a little inside the real one.
PLANNING_MARGIN_SECONDS = 3
PLANNING_SEEDS = 4


@dataclass(frozen=True)
class Choices:
    """What shapes a routine beyond its plan and week."""

    settings: Settings = DEFAULT_SETTINGS
    eased: frozenset[str] = field(default_factory=frozenset)
    gentle: bool = False
    minutes: int = 0


NO_CHOICES = Choices()


@dataclass(frozen=True)
class Targets:
    """A routine's targets: what every answer about it says, and what its steps hold."""

    reps: int
    hold_seconds: int
    stretch_hold_seconds: int
    stretch_ids: tuple[str, ...]


def targets(week: int, choices: Choices = NO_CHOICES) -> Targets:
    """The one place a routine's targets come from: the week, the user's settings, and
    whether it is a gentle session (the week of a "make it easier" is the week passed in).

    Every answer that names reps or holds ("what's today's routine", "what week am I on",
    "what are my settings", a week moved) reads this, so no two answers disagree.
    """
    settings = choices.settings
    plan_week = week_plan(max(1, week - 1) if choices.gentle else week)
    reps, hold = settings.release_targets(plan_week.reps, plan_week.hold_seconds)
    return Targets(reps, hold, max(settings.stretch_hold, plan_week.stretch_hold_seconds),
                   plan_week.stretch_ids)


def is_known_plan(plan: str) -> bool:
    return plan in (DAILY, STRETCHES) or plan in exercise_ids()


def easier_version(exercise_id: str) -> str | None:
    for stretch_id in stretches():
        if stretches()[stretch_id].easier_for == exercise_id:
            return stretch_id
    return None


@cache
def step_seconds(step: Step, settings: Settings) -> float:
    return narrate(step, random.Random(0), settings).seconds(settings.speaking_rate)


@cache
def fits(step: Step, settings: Settings) -> bool:
    """Whether ``step`` narrated with ``settings`` keeps inside the bound, whatever the phrasing."""
    # The worst of a few phrasings, so that any day's narration keeps inside the bound.
    longest = max(narrate(step, random.Random(seed), settings).seconds(settings.speaking_rate)
                  for seed in range(PLANNING_SEEDS))
    return longest <= MAX_STEP_SECONDS - PLANNING_MARGIN_SECONDS


def _rounds(sizes: list[int], hold: int) -> list[ReleaseSet]:
    total, first, rounds = sum(sizes), 1, []
    for number, size in enumerate(sizes, start=1):
        rounds.append(ReleaseSet(size, hold, number, len(sizes), first, total))
        first += size
    return rounds


def _release_rounds(reps: int, hold: int, settings: Settings) -> list[ReleaseSet]:
    """As few rounds as fit the bound (each round is one more "next" to say), with the
    reps shared as evenly as they fit, so a round's rest falls at a natural count."""
    for count in range(1, reps + 1):
        candidates = []
        for first in range(1, reps - count + 2):
            if count == 1:
                sizes = [reps]
            else:
                share, extra = divmod(reps - first, count - 1)
                sizes = [first] + [share + (1 if i < extra else 0) for i in range(count - 1)]
            candidates.append((max(sizes) - min(sizes), sizes))
            if count == 1:
                break
        # The most even split that fits; among equally even ones, the shortest longest round.
        candidates.sort(key=lambda c: c[0])
        best: tuple[float, list[ReleaseSet]] | None = None
        best_spread = reps
        for spread, sizes in candidates:
            if best is not None and spread > best_spread:
                break
            rounds = _rounds(sizes, hold)
            if all(fits(step, settings) for step in rounds):
                longest = max(step_seconds(step, settings) for step in rounds)
                if best is None or longest < best[0]:
                    best, best_spread = (longest, rounds), spread
        if best is not None:
            return best[1]
    return _rounds([1] * reps, hold)


def _stretch_steps(stretch_id: str, hold: int, settings: Settings) -> list[Step]:
    sides = SIDES if stretches()[stretch_id].sided else ("",)
    whole = StretchStep(stretch_id, hold, sides)
    if len(sides) == 1 or fits(whole, settings):
        return [whole]
    return [StretchStep(stretch_id, hold, (side,)) for side in sides]


@cache
def routine_steps(plan: str, week: int, choices: Choices = NO_CHOICES) -> tuple[Step, ...]:
    """The steps of ``plan`` at ``week``, shaped by ``choices``."""
    settings = choices.settings
    aims = targets(week, choices)
    reps, hold, stretch_hold = aims.reps, aims.hold_seconds, aims.stretch_hold_seconds
    if plan == REVERSE_KEGEL:
        return tuple(_release_rounds(reps, hold, settings))
    if plan in stretches():
        return tuple(_stretch_steps(plan, stretch_hold, settings))
    if plan not in (DAILY, STRETCHES):
        raise ValueError(f"unknown plan {plan!r}")
    stretch_ids: list[str] = []
    for stretch_id in aims.stretch_ids:
        if stretch_id in choices.eased:
            easier = easier_version(stretch_id)
            if easier is None:
                continue
            stretch_id = easier
        stretch_ids.append(stretch_id)
    held = [s for sid in stretch_ids for s in _stretch_steps(sid, stretch_hold, settings)]
    if plan == STRETCHES:
        return tuple(held)
    if choices.minutes <= 0:
        return (*_release_rounds(reps, hold, settings), *held)
    # A time budget: the reverse Kegels always stay (at the fewest reps if need be), then
    # whole stretches in the routine's order while they fit.
    budget = choices.minutes * 60
    release = _release_rounds(reps, hold, settings)
    if _total(release, settings) > budget:
        release = _release_rounds(REPS_MIN, hold, settings)
    steps: list[Step] = list(release)
    spent = _total(release, settings)
    for stretch_id in stretch_ids:
        parts = _stretch_steps(stretch_id, stretch_hold, settings)
        cost = _total(parts, settings)
        if spent + cost <= budget:
            steps += parts
            spent += cost
    return tuple(steps)


def _total(steps: Sequence[Step], settings: Settings) -> float:
    return sum(step_seconds(step, settings) for step in steps)


@cache
def routine_minutes(plan: str, week: int, choices: Choices = NO_CHOICES) -> int:
    """About how long a routine takes, from the narration itself."""
    return max(1, round(_total(routine_steps(plan, week, choices), choices.settings) / 60))


__all__ = ["DAILY", "MAX_STEP_SECONDS", "NO_CHOICES", "STRETCHES", "Choices", "Targets",
           "easier_version", "fits", "is_known_plan", "routine_minutes", "routine_steps",
           "step_seconds", "targets"]
