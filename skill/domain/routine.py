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
  left out when they have none (or it is eased too), and *gentle* sessions are lighter
  than the normal targets in every phase.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from skill.domain.content import current_locale, exercises_data
from skill.domain.exercises import REVERSE_KEGEL, exercise_ids, stretches
from skill.domain.narration import SIDES, narrate
from skill.domain.program import (
    BRIEF_WARM_UP,
    MAT,
    WARM_UP,
    ReleaseSet,
    Step,
    StretchStep,
    gentle_stretch_week,
    gentle_targets,
    week_plan,
)
from skill.domain.settings import (
    DEFAULT_SETTINGS,
    REPS_MIN,
    STRETCH_HOLD_MIN,
    STRETCH_HOLD_STEP,
    Settings,
)
from skill.domain.ssml import slowed

DAILY = "daily"
STRETCHES = "stretches"
# No response plays for more than 2.5 minutes, counting everything it says (issue 16).
MAX_RESPONSE_SECONDS = 150
# What a response says around a step's narration: at most a lead-in (a check-in's gentle
# note, "picking up after...", "stop if anything hurts") and a closing ("well done, next
# is..."); tests/alexa/test_response_length.py holds every response to the whole bound.
FRAME_SECONDS = 26
MAX_STEP_SECONDS = MAX_RESPONSE_SECONDS - FRAME_SECONDS
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
    plan_week = week_plan(week)
    reps, hold = settings.release_targets(plan_week.reps, plan_week.hold_seconds)
    if choices.gentle:
        # issue 16: lighter than the normal targets in every phase, maintenance included,
        # with the previous week's stretches (week 1 keeps its own).
        reps, hold = gentle_targets(reps, hold)
        plan_week = gentle_stretch_week(week)
    return Targets(reps, hold, max(settings.stretch_hold, plan_week.stretch_hold_seconds),
                   plan_week.stretch_ids)


def is_known_plan(plan: str) -> bool:
    return plan in (DAILY, STRETCHES) or plan in exercise_ids()


def easier_version(exercise_id: str) -> str | None:
    for stretch_id in stretches():
        if stretches()[stretch_id].easier_for == exercise_id:
            return stretch_id
    return None


def eased_form(exercise_id: str, eased: frozenset[str]) -> str | None:
    """What is done for ``exercise_id`` while ``eased`` are eased: itself, its easier
    version (unless that is eased too), or nothing (``None``: left out)."""
    if exercise_id not in eased:
        return exercise_id
    easier = easier_version(exercise_id)
    return easier if easier is not None and easier not in eased else None


def region_eases(region: str | None) -> tuple[str, ...]:
    """The exercises a pain report in ``region`` eases (none for an unknown region)."""
    eases: dict[str, list[str]] = exercises_data()["eases"]
    return tuple(eases.get(region, ())) if region and not region.startswith("_") else ()


# The timings below measure the narration in this turn's words, so each is kept per
# locale: a Spanish step is not credited (or a routine cut to a time budget) by how long
# it took to say in English to whoever asked first in this process.


def step_seconds(step: Step, settings: Settings, opening: bool = True) -> float:
    """How long ``step`` takes to say; ``opening``: with its warm-up or mat line, which is
    said once a day (so a step said without it is credited without it)."""
    return _step_seconds(step, settings, opening, current_locale())


@cache
def _step_seconds(step: Step, settings: Settings, opening: bool, locale: str) -> float:
    return narrate(step, random.Random(0), settings, opening=opening).seconds(
        settings.speaking_rate)


def fits(step: Step, settings: Settings) -> bool:
    """Whether ``step`` narrated with ``settings`` keeps inside the bound, whatever the phrasing."""
    return _fits(step, settings, current_locale())


@cache
def _fits(step: Step, settings: Settings, locale: str) -> bool:
    # The worst of a few phrasings, so that any day's narration keeps inside the bound,
    # with room for the lead-in and closing said around it, at this user's speaking rate.
    rate = settings.speaking_rate
    longest = max(narrate(step, random.Random(seed), settings).seconds(rate)
                  for seed in range(PLANNING_SEEDS))
    return longest <= MAX_RESPONSE_SECONDS - slowed(FRAME_SECONDS, rate) \
        - PLANNING_MARGIN_SECONDS


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


def _stretch_steps(stretch_id: str, hold: int, settings: Settings,
                   opening: str = "") -> list[Step]:
    """A stretch as steps that each fit the bound: both sides in one if they fit, else one
    step per side; then, only at the slowest paces with the longest holds, the warm-up in
    brief and the hold shortened (never under 30 s) until it fits."""
    sides = SIDES if stretches()[stretch_id].sided else ("",)
    whole = StretchStep(stretch_id, hold, sides, opening)
    if fits(whole, settings):
        return [whole]
    # The warm-up is kept before a long hold is: it is safety, the hold a preference.
    openings = [opening, BRIEF_WARM_UP, MAT] if opening == WARM_UP else [opening]
    for first in openings:
        for shorter in range(hold, STRETCH_HOLD_MIN - 1, -STRETCH_HOLD_STEP):
            steps = [StretchStep(stretch_id, shorter, (side,), first if index == 0 else "")
                     for index, side in enumerate(sides)]
            if all(fits(step, settings) for step in steps):
                return [*steps]
    return [StretchStep(stretch_id, STRETCH_HOLD_MIN, (side,), MAT if index == 0 else "")
            for index, side in enumerate(sides)]


def release_targets(week: int, settings: Settings, gentle: bool = False) -> tuple[int, int]:
    """The releases and hold of a routine at ``week``, as :func:`targets` has them."""
    aims = targets(week, Choices(settings, gentle=gentle))
    return aims.reps, aims.hold_seconds


def routine_steps(plan: str, week: int, choices: Choices = NO_CHOICES) -> tuple[Step, ...]:
    """The steps of ``plan`` at ``week``, shaped by ``choices``."""
    return _routine_steps(plan, week, choices, current_locale())


@cache
def _routine_steps(plan: str, week: int, choices: Choices, locale: str) -> tuple[Step, ...]:
    settings = choices.settings
    aims = targets(week, choices)
    reps, hold, stretch_hold = aims.reps, aims.hold_seconds, aims.stretch_hold_seconds
    if plan == REVERSE_KEGEL:
        return tuple(_release_rounds(reps, hold, settings))
    if plan in stretches():
        # A single stretch: the mat line, and a quick warm-up hint (issue 16); an eased
        # stretch is its easier version, or nothing when it is left out.
        form = eased_form(plan, choices.eased)
        return tuple(_stretch_steps(form, stretch_hold, settings, MAT)) if form else ()
    if plan not in (DAILY, STRETCHES):
        raise ValueError(f"unknown plan {plan!r}")
    stretch_ids = [form for form in (eased_form(stretch_id, choices.eased)
                                     for stretch_id in aims.stretch_ids) if form]
    if choices.minutes <= 0:
        # The first stretch opens with a short guided warm-up: muscles warm before stretching.
        held = [s for i, sid in enumerate(stretch_ids)
                for s in _stretch_steps(sid, stretch_hold, settings, WARM_UP if i == 0 else "")]
        if plan == STRETCHES:
            return tuple(held)
        return (*_release_rounds(reps, hold, settings), *held)
    # A time budget: the reverse Kegels always stay (at the fewest reps if need be), then
    # whole stretches in the routine's order while they fit, the first with its warm-up
    # counted in the budget, so a warm-up never breaks "I only have 5 minutes".
    budget = choices.minutes * 60
    steps: list[Step] = []
    spent = 0.0
    if plan == DAILY:
        release = _release_rounds(reps, hold, settings)
        if _total(release, settings) > budget:
            release = _release_rounds(min(reps, REPS_MIN), hold, settings)
        steps += release
        spent = _total(release, settings)
    for stretch_id in stretch_ids:
        opening = "" if any(isinstance(s, StretchStep) for s in steps) else WARM_UP
        parts = _stretch_steps(stretch_id, stretch_hold, settings, opening)
        cost = _total(parts, settings)
        if spent + cost <= budget:
            steps += parts
            spent += cost
    return tuple(steps)


def _total(steps: Sequence[Step], settings: Settings) -> float:
    return sum(step_seconds(step, settings) for step in steps)


def routine_minutes(plan: str, week: int, choices: Choices = NO_CHOICES) -> int:
    """About how long a routine takes, from the narration itself, summed as a finished
    routine is credited (whole seconds a step), so announced and credited minutes agree."""
    return _routine_minutes(plan, week, choices, current_locale())


@cache
def _routine_minutes(plan: str, week: int, choices: Choices, locale: str) -> int:
    steps = routine_steps(plan, week, choices)
    return max(1, round(sum(round(step_seconds(step, choices.settings)) for step in steps) / 60))


__all__ = ["DAILY", "MAX_RESPONSE_SECONDS", "MAX_STEP_SECONDS", "NO_CHOICES", "STRETCHES",
           "Choices", "Targets", "eased_form", "easier_version", "fits", "is_known_plan",
           "region_eases", "release_targets", "routine_minutes", "routine_steps",
           "step_seconds", "targets"]
