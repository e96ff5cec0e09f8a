"""Turn a routine step into a script: the cues Alexa speaks and the pauses between them.

A :class:`Script` is the one content model behind both what Alexa says (SSML, via
:meth:`Script.speech`) and what a screen shows (the cue being spoken, the rep
counter, the hold countdown). The timings here carry the coaching:

* one calm breath per phase, and breath never held: each release starts on an
  in-breath of about four seconds at most ("breathe in, and let go"), the release is
  kept through the hold ("keep it soft, and hold"), and the relaxation comes on the
  out-breath ("breathe out, and relax"), at least as long as the hold;
* rep cues are of near-equal length, so a set runs like a metronome, and no phrasing
  is used twice in a row;
* a stretch gives time to get into position (at least 8 seconds) before the hold
  starts, and as long again to change sides; the first stretch of a routine starts
  with a short guided warm-up on the mat, a single stretch with the mat line.

No silence is longer than one ``<break>``: a longer one has a short cue between its
breaks ("no rush", "keep breathing"), so the user hears time passing, Alexa's break
limit holds and no two breaks meet. With the *tones* setting a soft chime marks each
release and each relaxation, so an eyes-closed user follows with fewer words.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field, replace
from functools import cache, cached_property, lru_cache
from typing import Any

from skill.domain.content import Line, current_locale, exercises_data, phrase
from skill.domain.exercises import REVERSE_KEGEL, exercise_name, stretches
from skill.domain.language import Language, english, language_for
from skill.domain.program import (
    BRIEF_WARM_UP,
    MAT,
    WARMING_UP,
    ReleaseSet,
    Step,
    StretchStep,
)
from skill.domain.settings import DEFAULT_SETTINGS, Settings
from skill.domain.ssml import MAX_BREAK_SECONDS, SOUND_SECONDS, Speech, spoken_seconds

IN_BREATH_PAUSE = 1.0        # after "breathe in, and let go": the in-breath stays near 3 s
HOLD_CUE_SECONDS = 1.5       # the spoken "keep it soft, and hold" inside each hold
BREATHING_IN_PAUSE = 2.0     # the warm-up in-breath: cue plus pause stay under 4 s
BREATHING_OUT_PAUSE = 4.0
POSITION_PAUSE = 8.0         # time to get into a stretch before its hold starts
ROUND_REST = 10.0            # the rest between two rounds of releases
MARCH_SECONDS = 10.0         # the guided warm-up: marching, then hip circles
CIRCLES_SECONDS = 6.0
SIDES = ("right", "left")  # ids; the words are the language's (issue-17)
# Soft sounds from Alexa's sound library for the tones setting: a higher chime to let go,
# a lower one to relax.
RELEASE_SOUND = "musical/amzn_sfx_bell_short_chime_01"
RELAX_SOUND = "musical/amzn_sfx_bell_short_chime_03"


@dataclass(frozen=True)
class Cue:
    """One spoken line, the sound before it (if any) and the silence after it.

    ``rep`` is the release this cue belongs to (0 outside a set); ``hold`` is how many
    seconds of a hold remain when the silence begins (0 when nothing is counting down).
    """

    text: str
    pause: float = 0.0
    rep: int = 0
    hold: int = 0
    sound: str = ""


@dataclass(frozen=True)
class Script:
    """A step as narrated: its title, its set-up points, and its cues in order."""

    title: str
    exercise_id: str
    points: tuple[str, ...]
    cues: tuple[Cue, ...]
    reps: int = 0

    def speech(self) -> Speech:
        return Speech(list(self._parts))

    @cached_property
    def _parts(self) -> tuple[str, ...]:
        # A kept script (see narrated) is said again and again: its SSML is built once.
        speech = Speech()
        for cue in self.cues:
            if cue.sound:
                speech.sound(cue.sound)
            speech.say(cue.text).pause(cue.pause)
        return tuple(speech.parts)

    def seconds(self, rate: str | None = None) -> float:
        return sum(spoken_seconds(cue.text, rate) + cue.pause
                   + (SOUND_SECONDS if cue.sound else 0) for cue in self.cues)


class Picker:
    """Chooses phrasings at random, never the same phrasing of a line twice in a row."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.last: dict[int, int] = {}

    def __call__(self, line: Line, **values: object) -> str:
        previous = self.last.get(id(line))
        index = self.rng.choice(_choices(len(line), previous))
        self.last[id(line)] = index
        text = line[index]
        if "{" in text or "}" in text:  # most cues fill nothing: no format to run
            text = text.format(**values)
        return text[:1].upper() + text[1:]


@cache
def _choices(count: int, previous: int | None) -> tuple[int, ...]:
    """The phrasings of a line of ``count`` that may come next, by index: any but the one
    said last (when there is another). One tuple for each case, built once."""
    return tuple(index for index in range(count) if index != previous or count == 1)


def lighter_words(normal: tuple[int, int], lighter: tuple[int, int]) -> str:
    """What a lighter session changes, exactly: "8 releases of 3 seconds instead of 10 of 5"."""
    (normal_reps, normal_hold), (reps, hold) = normal, lighter
    key = "lighter_reps" if hold == normal_hold else "lighter_targets"
    return phrase(key, reps=reps, hold=hold, normal_reps=normal_reps, normal_hold=normal_hold)


def step_title(step: Step, language: Language | None = None) -> str:
    """"round 2 of reverse Kegels", "the lunge, right side": in the language's grammar."""
    language = language or english()
    if isinstance(step, ReleaseSet):
        name = exercise_name(REVERSE_KEGEL)
        return name if step.rounds == 1 else language.round_of(step.round, name)
    title = language.definite(exercise_name(step.stretch_id))
    if len(step.sides) == 1 and step.sides[0] and stretches()[step.stretch_id].sided:
        title = language.one_side(title, step.sides[0])
    return title


def step_exercise(step: Step) -> str:
    return REVERSE_KEGEL if isinstance(step, ReleaseSet) else step.stretch_id


def narrate(step: Step, rng: random.Random, settings: Settings = DEFAULT_SETTINGS,
            after: str | None = None, opening: bool = True,
            language: Language | None = None) -> Script:
    """``after`` is the exercise done just before, when there was one (issue-15);
    ``opening`` says whether a stretch's warm-up or mat line is said (once a day);
    ``language`` gives the title's and the sides' words (issue-17; English if none)."""
    pick = Picker(rng)
    language = language or english()
    if isinstance(step, ReleaseSet):
        cues = _release_set(step, pick, settings)
        points = tuple(exercises_data()[REVERSE_KEGEL]["points"])
        return Script(step_title(step, language), REVERSE_KEGEL, points, tuple(cues),
                      step.reps)
    cues = _stretch(step if opening else replace(step, opening=""), pick, settings, after,
                    language)
    points = tuple(exercises_data()["stretches"][step.stretch_id]["points"])
    return Script(step_title(step, language), step.stretch_id, points, tuple(cues))


def narrated(step: Step, seed: str, settings: Settings, after: str | None, opening: bool,
             language: Language) -> Script:
    """``narrate`` with phrasings chosen by ``random.Random(seed)``: a pure function of
    its arguments and the turn's words, so the day's same step is narrated once for
    everyone who reaches it (a Script is immutable; each turn makes its own Speech)."""
    return _narrated(step, seed, settings, after, opening, language.tag, current_locale())


@lru_cache(maxsize=512)
def _narrated(step: Step, seed: str, settings: Settings, after: str | None, opening: bool,
              tag: str, locale: str) -> Script:
    # ``locale`` is in the key for the words ``narrate`` reads (the turn's content), ``tag``
    # for the grammar of its titles and sides.
    return narrate(step, random.Random(seed), settings, after, opening, language_for(tag))


@dataclass
class _Cues:
    pick: Picker
    items: list[Cue] = field(default_factory=list)

    def add(self, text: str, pause: float = 0.0, rep: int = 0, hold: int = 0,
            sound: str = "", between: Line | None = None) -> None:
        """A cue and its silence; a silence longer than one break is shared into equal
        breaks with a short cue from ``between`` after each but the last."""
        # One break holds nearly every cue's silence: nothing to share out.
        chunks = 1 if pause <= MAX_BREAK_SECONDS else \
            max(1, -(-round(pause * 10) // (MAX_BREAK_SECONDS * 10)))
        if chunks > 1 and between is None:
            raise ValueError(f"a silence of {pause:g} s after {text!r} needs cues between")
        share = round(pause / chunks, 1)
        self.items.append(Cue(text, share, rep, hold, sound))
        for _ in range(chunks - 1):
            assert between is not None
            self.items.append(Cue(self.pick(between), share, rep))


def _hold_cues() -> dict[str, list[Line]]:
    cues: dict[str, list[Line]] = exercises_data()["hold_cues"]
    return cues


def _release_set(step: ReleaseSet, pick: Picker, settings: Settings) -> list[Cue]:
    content: dict[str, Any] = exercises_data()[REVERSE_KEGEL]
    scale = settings.pause_scale
    out = _Cues(pick)
    rest = _hold_cues()["rest_cues"][0]
    hold = step.hold_seconds
    if step.round == 1:
        if settings.brief:
            out.add(pick(content["brief"][0]), 1)
        else:
            for line in content["setup"]:
                out.add(pick(line))
            # At the slower paces each breath is longer: one of them, so that the first
            # round still holds a real set of releases.
            breaths = 2 if settings.pace <= 0 else 1
            out.add(pick(content["breathing_intro" if breaths == 2 else "breathing_intro_one"][0]),
                    1)
            for _ in range(breaths):
                out.add(pick(content["breathe_in"][0]), BREATHING_IN_PAUSE)
                out.add(pick(content["breathe_out"][0]), BREATHING_OUT_PAUSE * scale)
        intro = content["set_intro"]
        out.add(pick(intro[0], reps=step.total_reps, hold=hold))
        if not settings.brief:
            # The movement taught every day: the source's image (letting gas go, a slight
            # bulging or softening), the hold, and the relaxation on the out-breath.
            out.add(pick(intro[1]))
            if settings.tones:
                out.add(pick(content["tones_intro"][0]))
        out.add(pick(intro[2]), 1.5 * scale)
    else:
        out.add(pick(content["round_intro"][0], round=step.round, rounds=step.rounds,
                     reps=step.reps, hold=hold), 1.5 * scale)
    # The hold: a short pause after "let go", the spoken "keep it soft, and hold", the rest.
    # A hold of 3 s fits in the in-breath; a longer one goes on breathing, said once.
    hold_line = content["hold_short" if hold <= 3 else "hold_long"][0]
    after_hold_cue = max(0.5, hold - IN_BREATH_PAUSE - HOLD_CUE_SECONDS)
    last = step.first_rep + step.reps - 1
    for rep in range(step.first_rep, last + 1):
        if rep == step.total_reps and step.total_reps > 1:
            out.add(pick(content["last_rep"][0]), rep=rep)
        # With tones, the first release of a set is still said in full, so the chimes are
        # learnt; after it, a chime and a word or two carry each phase.
        toned = settings.tones and rep > step.first_rep
        if toned:
            out.add(pick(content["tone_release"][0]), IN_BREATH_PAUSE, rep=rep, hold=hold,
                    sound=RELEASE_SOUND)
        else:
            out.add(pick(content["release"][0]), IN_BREATH_PAUSE, rep=rep, hold=hold,
                    sound=RELEASE_SOUND if settings.tones else "")
        out.add(pick(hold_line), after_hold_cue, rep=rep)
        # A relaxation at least as long as the release: letting go fully is the point.
        relax_pause = max(hold, (hold + 1) * scale)
        if toned:
            out.add(pick(content["tone_relax"][0]), relax_pause, rep=rep, sound=RELAX_SOUND)
        else:
            out.add(pick(content["relax"][0]), relax_pause, rep=rep,
                    sound=RELAX_SOUND if settings.tones else "")
        # A count every five, never within two of a round's start or end (where the rest
        # between rounds counts).
        if rep % 5 == 0 and step.first_rep + 2 <= rep <= last - 2:
            out.add(pick(content["count"][0], done=rep, reps=step.total_reps), rep=rep)
    if last < step.total_reps:
        # A real rest between rounds, in the narration itself: on a screen that moves on by
        # itself, nobody has to say "next" to get it.
        out.add(pick(content["round_rest"][0], done=last, reps=step.total_reps),
                ROUND_REST * scale, between=rest)
    else:
        out.add(pick(content["closing"][0]))
    return out.items


def _warm_up(out: _Cues, pick: Picker, settings: Settings, brief: bool) -> None:
    """A short guided warm-up before the first stretch: the source wants warm muscles."""
    content: dict[str, Any] = exercises_data()["warm_up"]
    if settings.brief or brief:
        out.add(pick(content["brief"][0]), MARCH_SECONDS + CIRCLES_SECONDS,
                between=content["march_on"][0])
        return
    out.add(pick(content["lead"][0]))
    out.add(pick(content["march"][0]), MARCH_SECONDS, between=content["march_on"][0])
    out.add(pick(content["circles"][0]), CIRCLES_SECONDS)
    out.add(pick(content["ready"][0]), 1)


def _hold(out: _Cues, seconds: int, own_cues: list[Line], side: str, first: bool,
          deeper: Line | None, pick: Picker) -> None:
    cues = _hold_cues()
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


def _stretch(step: StretchStep, pick: Picker, settings: Settings,
             after: str | None = None, language: Language | None = None) -> list[Cue]:
    language = language or english()
    stretch = stretches()[step.stretch_id]
    # issue-15: never "further out than in the butterfly" when the butterfly was not done.
    setup = stretch.setup_alone if stretch.follows and after != stretch.follows \
        and stretch.setup_alone else stretch.setup
    content: dict[str, Any] = exercises_data()["stretches"][step.stretch_id]
    cues = _hold_cues()
    scale = settings.pause_scale
    out = _Cues(pick)
    if step.opening in WARMING_UP:
        _warm_up(out, pick, settings, step.opening == BRIEF_WARM_UP)
        if not settings.brief:
            title = step_title(step, language)
            out.add(f"{title[:1].upper()}{title[1:]}.")
    elif step.opening == MAT:
        out.add(pick(exercises_data()["warm_up"]["mat"][0]))
    position = max(POSITION_PAUSE, POSITION_PAUSE * scale)
    for index, side_id in enumerate(step.sides):
        side = language.side(side_id) if side_id else ""  # issue-17: the language's word
        if index > 0:
            # The second side mirrors a movement just heard in full: the short form, and the
            # change-over pause is the time to get into position.
            out.add(pick(cues["switch"][0]))
            out.add(pick(content["brief"][0], side=side), position,
                    between=cues["settle_cues"][0])
        else:
            if settings.brief:
                out.add(pick(content["brief"][0], side=side))
            else:
                for line in setup:
                    out.add(pick(line, side=side))
            out.add(pick(cues["position"][0]), position, between=cues["settle_cues"][0])
        for line in stretch.into:
            out.add(pick(line, side=side), 2)
        deeper = content.get("deeper", [None])[0] if index == 0 else None
        _hold(out, step.hold_seconds, list(stretch.hold), side, index == 0, deeper, pick)
        for line in stretch.out:
            out.add(pick(line, side=side), 2 * scale)
    return out.items


# spoken_seconds lives in ssml, with the model
__all__ = ["SIDES", "Cue", "Picker", "Script", "lighter_words", "narrate", "narrated",
           "spoken_seconds", "step_exercise", "step_title"]
