"""Turn a routine step into a script: the cues Alexa speaks and the pauses between them.

A :class:`Script` is the one content model behind both what Alexa says (SSML, via
:meth:`Script.speech`) and what a screen shows (the cue being spoken, the rep
counter, the hold countdown). The timings here carry the coaching:

* breath is never held: each release starts on an in-breath of about four seconds at
  most ("breathe in, and let go"), the hold goes on with soft breathing, and the
  relaxation that follows is at least as long as the hold;
* rep cues are of near-equal length, so a set runs like a metronome, and no phrasing
  is used twice in a row;
* a stretch gives time to get into position (at least 8 seconds) before the hold
  starts, and as long again to change sides.

Holds longer than ten seconds are chained ten-second breaks with short cues between
them, so the user hears time passing and Alexa's break limit holds.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any

from skill.domain.content import Line, exercises_data
from skill.domain.exercises import REVERSE_KEGEL, exercise_name, stretches
from skill.domain.program import ReleaseSet, Step, StretchStep
from skill.domain.settings import DEFAULT_SETTINGS, Settings
from skill.domain.ssml import MAX_BREAK_SECONDS, Speech

# Alexa speaks about 150 words a minute, close to 14 characters a second.
SPOKEN_CHARS_PER_SECOND = 14
IN_BREATH_PAUSE = 1.0        # after "breathe in, and let go": the in-breath stays near 3 s
SOFT_BREATH_SECONDS = 1.5    # the spoken "keep breathing softly" inside each hold
BREATHING_IN_PAUSE = 2.0     # the warm-up in-breath: cue plus pause stay under 4 s
BREATHING_OUT_PAUSE = 4.0
POSITION_PAUSE = 8.0         # time to get into a stretch before its hold starts
ROUND_REST = 10.0            # the rest between two rounds of releases
SIDES = ("right", "left")


@dataclass(frozen=True)
class Cue:
    """One spoken line and the silence after it.

    ``rep`` is the release this cue belongs to (0 outside a set); ``hold`` is how many
    seconds of a hold remain when the silence begins (0 when nothing is counting down).
    """

    text: str
    pause: float = 0.0
    rep: int = 0
    hold: int = 0


@dataclass(frozen=True)
class Script:
    """A step as narrated: its title, its set-up points, and its cues in order."""

    title: str
    exercise_id: str
    points: tuple[str, ...]
    cues: tuple[Cue, ...]
    reps: int = 0

    def speech(self) -> Speech:
        speech = Speech()
        for cue in self.cues:
            speech.say(cue.text).pause(cue.pause)
        return speech

    def seconds(self, rate: str | None = None) -> float:
        return sum(spoken_seconds(cue.text, rate) + cue.pause for cue in self.cues)


def spoken_seconds(text: str, rate: str | None = None) -> float:
    """About how long Alexa takes to say ``text`` at a prosody ``rate`` like ``"90%"``."""
    factor = 100 / float(rate.rstrip("%")) if rate else 1.0
    return len(text) / SPOKEN_CHARS_PER_SECOND * factor


class Picker:
    """Chooses phrasings at random, never the same phrasing of a line twice in a row."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.last: dict[int, int] = {}

    def __call__(self, line: Line, **values: object) -> str:
        choices = list(range(len(line)))
        previous = self.last.get(id(line))
        if previous is not None and len(choices) > 1:
            choices.remove(previous)
        index = self.rng.choice(choices)
        self.last[id(line)] = index
        text = line[index].format(**values)
        return text[:1].upper() + text[1:]


def step_title(step: Step) -> str:
    if isinstance(step, ReleaseSet):
        name = exercise_name(REVERSE_KEGEL)
        return name if step.rounds == 1 else f"round {step.round} of {name}"
    title = f"the {exercise_name(step.stretch_id)}"
    if len(step.sides) == 1 and stretches()[step.stretch_id].sided:
        title += f", {step.sides[0]} side"
    return title


def step_exercise(step: Step) -> str:
    return REVERSE_KEGEL if isinstance(step, ReleaseSet) else step.stretch_id


def narrate(step: Step, rng: random.Random, settings: Settings = DEFAULT_SETTINGS) -> Script:
    pick = Picker(rng)
    if isinstance(step, ReleaseSet):
        cues = _release_set(step, pick, settings)
        points = tuple(exercises_data()[REVERSE_KEGEL]["points"])
        return Script(step_title(step), REVERSE_KEGEL, points, tuple(cues), step.reps)
    cues = _stretch(step, pick, settings)
    points = tuple(exercises_data()["stretches"][step.stretch_id]["points"])
    return Script(step_title(step), step.stretch_id, points, tuple(cues))


@dataclass
class _Cues:
    items: list[Cue] = field(default_factory=list)

    def add(self, text: str, pause: float = 0.0, rep: int = 0, hold: int = 0) -> None:
        self.items.append(Cue(text, round(pause, 1), rep, hold))


def _release_set(step: ReleaseSet, pick: Picker, settings: Settings) -> list[Cue]:
    content: dict[str, Any] = exercises_data()[REVERSE_KEGEL]
    scale = settings.pause_scale
    out = _Cues()
    hold = step.hold_seconds
    if step.round == 1:
        if settings.brief:
            out.add(pick(content["brief"][0]), 1)
        else:
            for line in content["setup"]:
                out.add(pick(line))
            out.add(pick(content["breathing_intro"][0]), 1)
            for _ in range(2):
                out.add(pick(content["breathe_in"][0]), BREATHING_IN_PAUSE)
                out.add(pick(content["breathe_out"][0]), BREATHING_OUT_PAUSE * scale)
        intro = content["set_intro"]
        out.add(pick(intro[0], reps=step.total_reps, hold=hold))
        if not settings.brief:
            out.add(pick(intro[1]))
        out.add(pick(intro[2]), 1.5 * scale)
    else:
        out.add(pick(content["round_intro"][0], round=step.round, rounds=step.rounds,
                     reps=step.reps, hold=hold), 1.5 * scale)
    # The hold is: a short pause after "let go", the spoken soft-breath cue, then the rest.
    after_soft = max(0.5, hold - IN_BREATH_PAUSE - SOFT_BREATH_SECONDS)
    for rep in range(step.first_rep, step.first_rep + step.reps):
        if rep == step.total_reps and step.total_reps > 1:
            out.add(pick(content["last_rep"][0]), rep=rep)
        out.add(pick(content["release"][0]), IN_BREATH_PAUSE, rep=rep, hold=hold)
        out.add(pick(content["soft_breath"][0]), after_soft, rep=rep)
        # A relaxation at least as long as the release: letting go fully is the point.
        out.add(pick(content["relax"][0]), max(hold, (hold + 1) * scale), rep=rep)
        last_of_round = rep == step.first_rep + step.reps - 1
        if rep % 5 == 0 and not last_of_round and rep < step.total_reps - 1:
            out.add(pick(content["count"][0], done=rep), rep=rep)
    done = step.first_rep + step.reps - 1
    if done < step.total_reps:
        # A real rest between rounds, in the narration itself: on a screen that moves on by
        # itself, nobody has to say "next" to get it.
        out.add(pick(content["round_rest"][0], done=done, reps=step.total_reps),
                ROUND_REST * scale)
    else:
        out.add(pick(content["closing"][0]))
    return out.items


def _hold(out: _Cues, seconds: int, own_cues: list[Line], side: str, first: bool,
          deeper: Line | None, pick: Picker) -> None:
    cues: dict[str, list[Line]] = exercises_data()["hold_cues"]
    remaining = seconds
    use_own = True
    start = pick(cues["start" if first else "start_again"][0])
    text = start
    while remaining > 0:
        chunk = min(MAX_BREAK_SECONDS, remaining)
        out.add(text, chunk, hold=remaining)
        remaining -= chunk
        if remaining <= 0:
            break
        if deeper is not None:
            text, deeper = pick(deeper), None
        elif remaining <= MAX_BREAK_SECONDS:
            text = pick(cues["ten_left"][0])
            if use_own:
                # Every hold hears its own cue at least once, however short.
                text = f"{pick(own_cues[0], side=side)} {text}"
        elif use_own:
            text = pick(own_cues[0], side=side)
            use_own = False
        else:
            text = pick(cues["middle"][0])
            use_own = True


def _stretch(step: StretchStep, pick: Picker, settings: Settings) -> list[Cue]:
    stretch = stretches()[step.stretch_id]
    content: dict[str, Any] = exercises_data()["stretches"][step.stretch_id]
    cues: dict[str, list[Line]] = exercises_data()["hold_cues"]
    scale = settings.pause_scale
    out = _Cues()
    for index, side in enumerate(step.sides):
        if index > 0:
            # The second side mirrors a movement just heard in full: the short form, and the
            # change-over pause is the time to get into position.
            out.add(pick(cues["switch"][0]))
            out.add(pick(content["brief"][0], side=side),
                    max(POSITION_PAUSE, POSITION_PAUSE * scale))
        else:
            if settings.brief:
                out.add(pick(content["brief"][0], side=side))
            else:
                for line in stretch.setup:
                    out.add(pick(line, side=side))
            out.add(pick(cues["position"][0]), max(POSITION_PAUSE, POSITION_PAUSE * scale))
        for line in stretch.into:
            out.add(pick(line, side=side), 2)
        deeper = content.get("deeper", [None])[0] if index == 0 else None
        _hold(out, step.hold_seconds, list(stretch.hold), side, index == 0, deeper, pick)
        for line in stretch.out:
            out.add(pick(line, side=side), 2 * scale)
    return out.items


__all__ = ["SIDES", "Cue", "Picker", "Script", "narrate", "spoken_seconds", "step_exercise",
           "step_title"]
