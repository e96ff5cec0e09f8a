"""Narration as a physiotherapist and a daily user would judge it: breath, pace, content.

Every property is checked over every step of every program week, with every setting
a user can choose, and several days' phrasings.
"""

from __future__ import annotations

import json
import random
import re
from dataclasses import replace
from itertools import pairwise, product
from pathlib import Path

import pytest

from skill.domain.content import exercises_data, speaking
from skill.domain.exercises import REVERSE_KEGEL, exercise_ids
from skill.domain.language import language_for
from skill.domain.narration import (
    POSITION_PAUSE,
    Script,
    narrate,
    narrated,
    spoken_seconds,
    step_exercise,
)
from skill.domain.program import MAINTENANCE, ReleaseSet, StretchStep
from skill.domain.routine import (
    DAILY,
    MAX_STEP_SECONDS,
    STRETCHES,
    Choices,
    routine_minutes,
    routine_steps,
)
from skill.domain.settings import Settings
from skill.domain.ssml import problems

WEEKS = range(1, MAINTENANCE + 1)
SETTINGS = [
    Settings(),
    Settings(pace=2, tones=True),
    Settings(pace=-1, brief=True),
    Settings(pace=2, hold_change=2, reps_change=5, stretch_hold=60),
    Settings(hold_change=-2, reps_change=-5),
]
SEEDS = range(6)
ALL_PLANS = [DAILY, STRETCHES, *exercise_ids()]


def scripts(week: int, settings: Settings, plans: list[str] = ALL_PLANS,
            seeds: range = SEEDS) -> list[Script]:
    found = []
    for plan, gentle in product(plans, (False, True)):
        choices = Choices(settings, frozenset({"pigeon", "bridge"}) if gentle else frozenset(),
                          gentle)
        steps = routine_steps(plan, week, choices)
        for index, step in enumerate(steps):
            # As a routine narrates it: after the step before (issue-15).
            after = step_exercise(steps[index - 1]) if index else None
            found += [narrate(step, random.Random(seed), settings, after) for seed in seeds]
    return found


@pytest.mark.parametrize(("week", "settings"), list(product(WEEKS, SETTINGS)))
def test_no_response_runs_past_two_and_a_half_minutes_and_all_are_valid_ssml(
        week: int, settings: Settings) -> None:
    for script in scripts(week, settings):
        seconds = script.seconds(settings.speaking_rate)
        assert seconds <= MAX_STEP_SECONDS, (script.title, round(seconds))
        assert problems(script.speech().ssml(settings.speaking_rate)) == []


@pytest.mark.parametrize(("week", "settings"), list(product(WEEKS, SETTINGS)))
def test_breath_is_never_held_and_every_in_breath_is_short(
        week: int, settings: Settings) -> None:
    for script in scripts(week, settings, [REVERSE_KEGEL]):
        text = " ".join(c.text for c in script.cues).lower()
        if "round" not in text.split(".")[0]:
            # The set's introduction says it plainly: never hold the breath.
            assert re.search(r"(never|don't) hold(ing)? your breath", text), text[:200]
        for cue in script.cues:
            if cue.text.lower().startswith(("breathe in", "slow breath in")):
                # The in-breath lasts while the cue is spoken and through its pause.
                assert spoken_seconds(cue.text) + cue.pause <= 4.2, cue
        releases = [c for c in script.cues if c.hold]
        for cue in releases:
            index = script.cues.index(cue)
            held = script.cues[index + 1]
            relax = script.cues[index + 2]
            # The release is kept through the hold; a hold longer than the in-breath goes
            # on breathing, said once; a 3 s hold is one calm in-breath (issue 16).
            assert re.search(r"\bhold", held.text.lower()), held
            assert ("breath" in held.text.lower()) == (cue.hold > 3), held
            hold = cue.pause + spoken_seconds(held.text) + held.pause
            assert abs(hold - cue.hold) <= 1.0
            # The relaxation comes on the out-breath, at least as long as the release.
            if not settings.tones or cue.rep == 1:
                assert "out" in relax.text.lower(), relax
            assert relax.pause >= cue.hold


def test_rep_cues_keep_a_steady_rhythm_and_never_repeat_back_to_back() -> None:
    content = exercises_data()[REVERSE_KEGEL]
    for key in ("release", "hold_short", "hold_long", "relax"):
        lengths = [spoken_seconds(text) for text in content[key][0]]
        assert max(lengths) - min(lengths) <= 0.5, key
    script = narrate(ReleaseSet(15, 5), random.Random(4))
    for key in ("release", "hold_long", "relax"):
        said = [c.text for c in script.cues if c.text in content[key][0]]
        assert len(said) == 15
        assert all(a != b for a, b in pairwise(said)), key


@pytest.mark.parametrize(("week", "settings"), list(product(WEEKS, SETTINGS)))
def test_stretches_give_time_to_get_into_position_and_to_change_sides(
        week: int, settings: Settings) -> None:
    position_cues = exercises_data()["hold_cues"]["position"][0]
    switch_cues = exercises_data()["hold_cues"]["switch"][0]
    for script in scripts(week, settings, [STRETCHES]):
        texts = [c.text for c in script.cues]
        placed = [c for c in script.cues if c.text in position_cues]
        # A position pause longer than one break is shared with a "no rush" between.
        settle = exercises_data()["hold_cues"]["settle_cues"][0]
        assert placed
        for cue in placed:
            index = script.cues.index(cue)
            waited = cue.pause
            while script.cues[index + 1].text in settle:
                index += 1
                waited += script.cues[index].pause
            assert waited >= POSITION_PAUSE - 0.1
        for index, cue in enumerate(script.cues):
            if cue.text in switch_cues:
                # Changing sides: the switch cue and the short set-up, then time to move.
                changing = script.cues[index].pause + script.cues[index + 1].pause
                assert changing >= POSITION_PAUSE
        # The hold clock starts only after the position pause and the "into" line.
        first_hold = next(i for i, c in enumerate(script.cues) if c.hold)
        first_place = texts.index(placed[0].text)
        assert first_place < first_hold


def test_every_stretch_says_no_bouncing_and_stop_short_of_pain() -> None:
    for stretch_id in exercise_ids()[1:]:
        for seed in SEEDS:
            text = " ".join(c.text for c in narrate(StretchStep(stretch_id, 30),
                                                    random.Random(seed)).cues).lower()
            assert "bounc" in text, stretch_id
            assert "pain" in text, stretch_id


def test_content_follows_the_guidance() -> None:
    data = exercises_data()
    seated = json.dumps(data["stretches"]["seated_hip"]).lower()
    assert "chair" not in seated and "floor" in seated and "further" in seated
    assert "round" in seated and "head" in seated and "feels right" in seated
    pigeon = json.dumps(data["stretches"]["pigeon"]).lower()
    assert "upright" in pigeon and "flex" in pigeon and "lean" in pigeon
    assert data["stretches"]["pigeon_easier"]["easier_for"] == "pigeon"
    everything = json.dumps(data).lower()
    assert "belly in" not in everything and "brace" not in everything
    assert "clench" not in everything and "squeeze" not in everything.replace(
        "the opposite of a squeeze", "")


def test_reverse_kegel_sets_end_without_praise() -> None:
    # The step's "well done" comes once, from the dialogue: the set itself ends on a cue.
    for line in exercises_data()[REVERSE_KEGEL]["closing"][0]:
        assert not re.search(r"\b(well done|nice work|lovely|good job)\b", line.lower())


def _pattern(template: str) -> re.Pattern[str]:
    parts = re.split(r"\{\w+\}", template)
    return re.compile(".+".join(re.escape(p) for p in parts), re.IGNORECASE)


def test_no_phrase_in_the_content_is_dead() -> None:
    """Every phrasing of every line is spoken by some step, week, setting or day."""
    spoken: list[str] = []
    for week, settings in product(WEEKS, SETTINGS[:4]):
        for script in scripts(week, settings, seeds=range(25)):
            spoken += [c.text for c in script.cues]
    # Both sides in one step (a routine plans them so when they fit the bound).
    for stretch_id, seed in product(exercise_ids()[1:], range(25)):
        spoken += [c.text for c in narrate(StretchStep(stretch_id, 30, ("right", "left")),
                                           random.Random(seed)).cues]
    heard = "\n".join(spoken)
    data = exercises_data()
    missing = []

    def walk(node: object, path: str) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key not in ("name", "points", "explain", "sided", "easier_for", "_comment"):
                    walk(value, f"{path}.{key}")
        elif isinstance(node, list) and node and isinstance(node[0], list):
            for line in node:
                for template in line:
                    if not _pattern(template).search(heard):
                        missing.append((path, template))

    walk(data, "")
    assert missing == []


def test_every_spoken_reply_phrase_is_used_by_the_code() -> None:
    from skill.domain.content import phrases_data

    root = Path(__file__).resolve().parents[2] / "skill"
    source = "".join(p.read_text() for p in root.rglob("*.py"))
    dynamic = ("help_", "sessions_", "minutes_")
    unused = [key for key in phrases_data() if not key.startswith("_")
              and f'"{key}"' not in source and not key.startswith(dynamic)
              and not key.endswith("_reprompt")]
    assert unused == []


@pytest.mark.parametrize("week", WEEKS)
def test_every_routine_lasts_five_to_fifteen_minutes(week: int) -> None:
    assert 4 <= routine_minutes(DAILY, week) <= 15


def test_a_time_budget_keeps_the_reverse_kegels_and_fits() -> None:
    for week, minutes in product(WEEKS, (3, 5, 8)):
        choices = Choices(minutes=minutes)
        steps = routine_steps(DAILY, week, choices)
        assert any(isinstance(s, ReleaseSet) for s in steps)
        if minutes >= 5:
            assert routine_minutes(DAILY, week, choices) <= minutes


def test_gentle_sessions_are_lighter_and_use_the_easier_pigeon() -> None:
    gentle = Choices(eased=frozenset({"pigeon", "kneeling_hip_flexor"}), gentle=True)
    steps = routine_steps(DAILY, 4, gentle)
    kegels = [s for s in steps if isinstance(s, ReleaseSet)]
    assert (kegels[0].total_reps, kegels[0].hold_seconds) == (12, 3)  # lighter than 15 of 5
    held = {s.stretch_id for s in steps if isinstance(s, StretchStep)}
    assert "pigeon_easier" in held and "pigeon" not in held
    assert "kneeling_hip_flexor" not in held  # no easier version: left out


def test_a_slower_pace_rests_longer_but_never_holds_longer() -> None:
    step = ReleaseSet(10, 4)
    usual = narrate(step, random.Random(1))
    slow = narrate(step, random.Random(1), Settings(pace=2))
    assert slow.seconds() > usual.seconds() * 1.1
    relax = exercises_data()[REVERSE_KEGEL]["relax"][0]
    rests = [sum(c.pause for c in script.cues if c.text in relax) for script in (usual, slow)]
    assert rests[1] > rests[0] * 1.2
    assert [c.hold for c in slow.cues if c.hold] == [c.hold for c in usual.cues if c.hold]
    assert slow.speech().ssml("85%").count('rate="85%"') == 1


def test_less_talking_drops_the_long_set_up() -> None:
    step = StretchStep("pigeon", 30, ("right", "left"))
    full = narrate(step, random.Random(2))
    brief = narrate(step, random.Random(2), Settings(brief=True))
    assert sum(len(c.text) for c in brief.cues) < sum(len(c.text) for c in full.cues) - 150
    assert replace(Settings(brief=True), brief=False) == Settings()


def test_a_round_that_is_not_the_last_ends_with_a_real_rest() -> None:
    # On a screen that moves on by itself nobody says "next", so the rest is in the narration.
    for week in WEEKS:
        rounds = [s for s in routine_steps(DAILY, week) if isinstance(s, ReleaseSet)]
        assert len(rounds) >= 2
        first = narrate(rounds[0], random.Random(0))
        assert "rest" in first.cues[-1].text.lower() and first.cues[-1].pause >= 10
        last = narrate(rounds[-1], random.Random(0))
        assert last.cues[-1].pause == 0


# How each language says "never push or strain" (and the same warning's other phrasings).
STRAIN_WORDS = {"en-US": r"strain", "es-MX": r"fuerza", "de-DE": r"pressen|drücken",
                "fr-FR": r"pouss"}


@pytest.mark.parametrize(("seed", "locale"), list(product(range(12), STRAIN_WORDS)))
def test_less_talking_says_never_strain_once_in_the_set_up(seed: int, locale: str) -> None:
    # issue 16 keeps "never push or strain" in every mode; said twice within seconds, in
    # a mode the user chose for fewer words, it is only noise.
    with speaking(locale):
        script = narrate(ReleaseSet(10, 3), random.Random(seed), Settings(brief=True))
    opening = " ".join(c.text for c in script.cues[:3]).lower()
    sentences = re.split(r"(?<=[.!?])\s+", opening)
    warnings = [s for s in sentences if re.search(STRAIN_WORDS[locale], s)]
    assert len(warnings) == 1, opening


def test_a_narration_kept_for_its_seed_is_the_one_narrated_afresh() -> None:
    # narrated() keeps a script per seed: it must be the script narrate() gives, in the
    # words and grammar of each turn's locale, never another locale's.
    step = routine_steps(DAILY, 1)[0]
    scripts = {}
    for locale in ("en-US", "de-DE", "fr-FR", "es-US"):
        with speaking(locale):
            language = language_for(locale)
            for _ in range(2):
                kept = narrated(step, "2026-11-16:daily:0:0", Settings(), None, True, language)
                assert kept == narrate(step, random.Random("2026-11-16:daily:0:0"), Settings(),
                                       None, True, language)
            scripts[locale] = kept
    assert len({script.cues for script in scripts.values()}) == 4
