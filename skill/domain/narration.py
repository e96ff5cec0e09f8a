"""Turn a routine step into the words and timed pauses Alexa speaks.

Holds longer than ten seconds are chained ten-second breaks with short cues
between them, so the user hears time passing and Alexa's break limit holds.
"""

from __future__ import annotations

import random
from typing import Any

from skill.domain.content import exercises_data, pick
from skill.domain.exercises import REVERSE_KEGEL, exercise_name, stretches
from skill.domain.program import ReleaseSet, Step, StretchStep
from skill.domain.ssml import MAX_BREAK_SECONDS, Speech, spoken_text, total_pause_seconds

BREATH_SECONDS = 4
# Alexa speaks about 150 words a minute, close to 14 characters a second.
SPOKEN_CHARS_PER_SECOND = 14


def step_title(step: Step) -> str:
    if isinstance(step, ReleaseSet):
        name = exercise_name(REVERSE_KEGEL)
        return name if step.sets == 1 else f"set {step.set_number} of {name}"
    return f"the {exercise_name(step.stretch_id)}"


def narrate(step: Step, rng: random.Random) -> Speech:
    if isinstance(step, ReleaseSet):
        return _release_set(step, rng)
    return _stretch(step, rng)


def estimated_seconds(speech: Speech) -> int:
    ssml = speech.ssml()
    return round(total_pause_seconds(ssml) + len(spoken_text(ssml)) / SPOKEN_CHARS_PER_SECOND)


def _release_set(step: ReleaseSet, rng: random.Random) -> Speech:
    content: dict[str, Any] = exercises_data()[REVERSE_KEGEL]
    speech = Speech()
    if step.set_number == 1:
        for line in content["setup"]:
            speech.say(pick(line, rng))
        speech.say(pick(content["breathing_intro"][0], rng)).pause(1)
        for _ in range(2):
            speech.say(pick(content["breathe_in"][0], rng)).pause(BREATH_SECONDS)
            speech.say(pick(content["breathe_out"][0], rng)).pause(BREATH_SECONDS)
        for line in content["set_intro"]:
            speech.say(pick(line, rng, reps=step.reps, hold=step.hold_seconds))
    else:
        speech.say(pick(content["second_set_intro"][0], rng, set=step.set_number,
                        sets=step.sets, reps=step.reps, hold=step.hold_seconds))
    speech.pause(1)
    for rep in range(1, step.reps + 1):
        if rep == step.reps and step.reps > 1:
            speech.say(pick(content["last_rep"][0], rng))
        speech.say(pick(content["release"][0], rng)).pause(step.hold_seconds)
        # A relaxation at least as long as the release: letting go fully is the point.
        speech.say(pick(content["relax"][0], rng)).pause(step.hold_seconds + 1)
        if rep % 5 == 0 and rep < step.reps - 1:
            speech.say(pick(content["count"][0], rng, done=rep))
    speech.say(pick(content["closing"][0], rng))
    return speech


def _hold(speech: Speech, seconds: int, own_cues: list[list[str]], side: str,
          rng: random.Random) -> None:
    cues: dict[str, list[list[str]]] = exercises_data()["hold_cues"]
    speech.say(pick(cues["start"][0], rng))
    remaining = seconds
    use_own = True
    while remaining > 0:
        chunk = min(MAX_BREAK_SECONDS, remaining)
        speech.pause(chunk)
        remaining -= chunk
        if remaining <= 0:
            break
        if remaining <= MAX_BREAK_SECONDS:
            speech.say(pick(cues["ten_left"][0], rng))
        elif use_own:
            speech.say(pick(rng.choice(own_cues), rng, side=side))
        else:
            speech.say(pick(cues["middle"][0], rng))
        use_own = not use_own


def _stretch(step: StretchStep, rng: random.Random) -> Speech:
    stretch = stretches()[step.stretch_id]
    cues: dict[str, list[list[str]]] = exercises_data()["hold_cues"]
    speech = Speech()
    sides = ("right", "left") if stretch.sided else ("",)
    for index, side in enumerate(sides):
        if index > 0:
            speech.say(pick(cues["switch"][0], rng)).pause(1)
        for line in stretch.setup:
            speech.say(pick(line, rng, side=side))
        speech.pause(2)
        for line in stretch.into:
            speech.say(pick(line, rng, side=side))
        speech.pause(2)
        _hold(speech, step.hold_seconds, list(stretch.hold), side, rng)
        for line in stretch.out:
            speech.say(pick(line, rng, side=side))
        speech.pause(1)
    return speech
