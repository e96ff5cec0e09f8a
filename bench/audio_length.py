"""How long each response plays: the planning model against espeak-ng at 150 words a minute.

Every response counts as a whole: the lead-in, the narration and the closing. For each
program week and each setting a user can choose, the skill is walked through a day's
routine to the end (the first-use screen, every step, "how did that feel?"), a place
kept overnight and resumed, a knee report with a place kept (the check-in, then the
gentle, eased session resumed: the longest lead-in), a report that needs a doctor ("has a
doctor checked you?"), nine days away (the offer to ease back in), a "5 minutes" routine,
and every single exercise. Each reply's
SSML is timed by the planning model (:func:`skill.domain.ssml.response_seconds`); the
longest few of each week and setting are also synthesised by espeak-ng (a fair offline
stand-in for Alexa's default rate), whose measure is what the table reports beside the
model's. Sounds of the tones setting are counted at :data:`SOUND_SECONDS` each (espeak
plays none). Run it with ``python -m bench.audio_length [--synth N]``; it needs
``espeak-ng`` and ``sox`` (``apt-get install espeak-ng sox``).

:func:`walk` is also what ``tests/alexa/test_response_length.py`` plays through
``lambda_handler``, holding every reply to the bound by the model alone.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a file: make the repository importable
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from skill.domain.exercises import exercise_ids
from skill.domain.program import MAINTENANCE
from skill.domain.progress import (
    Change,
    NoticeHeard,
    PainReported,
    ProgramWeekSet,
    SettingsChanged,
)
from skill.domain.routine import MAX_RESPONSE_SECONDS, region_eases
from skill.domain.settings import Settings
from skill.domain.ssml import audio_seconds, response_seconds
from skill.hosts.envelopes import Device

START = datetime(2026, 11, 16, 7, 30, tzinfo=UTC)
WEEKS = tuple(range(1, MAINTENANCE + 1))
SETTINGS: dict[str, Settings] = {
    "standard": Settings(),
    "faster": Settings(pace=-1),
    "slower": Settings(pace=1),
    "slowest": Settings(pace=2),
    "longer holds": Settings(hold_change=2, stretch_hold=60),
    "more reps": Settings(reps_change=5),
    "less talking": Settings(brief=True),
    "tones": Settings(tones=True),
    "slowest, longest, most": Settings(pace=2, hold_change=2, reps_change=5, stretch_hold=60,
                                       tones=True),
}
# What a user answers to each question while the walk goes on.
ANSWERS = {"safety_screen": "AMAZON.NoIntent", "check_in": "AMAZON.NoIntent",
           "offer_start": "AMAZON.YesIntent", "offer_resume": "AMAZON.YesIntent",
           "feel_check": "FeelingGoodIntent", "offer_week_up": "AMAZON.NoIntent",
           "offer_reminder": "AMAZON.NoIntent", "doctor_checked": "AMAZON.YesIntent",
           "rescreen": "AMAZON.NoIntent", "ease_back": "AMAZON.YesIntent"}
Invoke = Callable[[dict[str, Any]], dict[str, Any]]
Seed = Callable[[list[Change]], None]


def ssml_of(response: dict[str, Any]) -> str:
    speech: str = (response.get("response", {}).get("outputSpeech") or {}).get("ssml", "")
    return speech


@dataclass
class Walker:
    """A user at an Echo who answers every question so the walk goes on."""

    invoke: Invoke
    device: Device
    now: datetime = START

    def send(self, envelope: dict[str, Any]) -> str:
        response = self.invoke(envelope)
        self.device.take(response)
        self.now += timedelta(minutes=2)
        return ssml_of(response)

    def say(self, intent: str, **slots: tuple[str, str | None]) -> str:
        return self.send(self.device.intent(intent, slots or None, now=self.now))

    def one_shot(self, intent: str, **slots: tuple[str, str | None]) -> str:
        self.device.end_session()
        return self.say(intent, **slots)

    def answer_all(self, first: str, stop_after: int = 0) -> Iterator[str]:
        """``first``, then every reply while the session stays open (``stop_after`` steps)."""
        yield first
        for turn in range(40):
            if self.device.session_id is None:
                return
            if stop_after and turn == stop_after:
                yield self.say("AMAZON.StopIntent")
                return
            mode = str(self.device.attributes.get("mode"))
            yield self.say(ANSWERS.get(mode, "AMAZON.NextIntent"))

    def next_day(self) -> None:
        self.device.end_session()
        self.now += timedelta(days=1)


def walk(invoke: Invoke, seed: Seed, week: int, settings: Settings) -> Iterator[str]:
    """Every reply (as SSML) of the walk described above, for one week and one setting."""
    walker = Walker(invoke, Device())
    walker.send(walker.device.launch(now=walker.now))  # the profile exists once seen
    seed([NoticeHeard(START.date().isoformat()), ProgramWeekSet(week),
          SettingsChanged(settings)])
    walker.next_day()
    yield from walker.answer_all(walker.send(walker.device.launch(now=walker.now)))
    # A place kept overnight and resumed by a one-shot.
    walker.next_day()
    yield from walker.answer_all(walker.send(walker.device.launch(now=walker.now)),
                                 stop_after=3)
    walker.next_day()
    yield from walker.answer_all(walker.one_shot("AMAZON.ResumeIntent"))
    # The day after a knee report in the pigeon, with a place kept: check in, then the
    # gentle session it leads to, resumed (the longest lead-in: gentle, eased, resumed).
    walker.next_day()
    yield from walker.answer_all(walker.send(walker.device.launch(now=walker.now)),
                                 stop_after=2)
    walker.next_day()
    seed([PainReported("pigeon", region_eases("knee"))])
    yield from walker.answer_all(walker.one_shot("AMAZON.ResumeIntent"))
    # After a report that needs a doctor: "has a doctor checked you?", yes, then gently.
    walker.next_day()
    seed([PainReported(None, region_eases("back"), see_doctor=True)])
    yield from walker.answer_all(walker.one_shot("StartRoutineIntent"))
    # Back after nine days away: the offer to ease back in, then the session.
    walker.now += timedelta(days=9)
    yield from walker.answer_all(walker.one_shot("StartRoutineIntent"))
    walker.next_day()
    yield from walker.answer_all(walker.one_shot("ShortRoutineIntent", Minutes=("5", None)))
    for exercise in exercise_ids():
        walker.next_day()
        yield from walker.answer_all(walker.one_shot("GuideExerciseIntent",
                                                     Exercise=(exercise, exercise)))


# ---------------------------------------------------------------------- measuring


def espeak_seconds(ssml: str, workdir: Path) -> float:
    """What espeak-ng takes to say ``ssml`` at 150 words a minute, sounds counted apart."""
    wav = workdir / "response.wav"
    subprocess.run(["espeak-ng", "-m", "-s", "150", "-w", str(wav), ssml], check=True)
    out = subprocess.run(["soxi", "-D", str(wav)], check=True, capture_output=True, text=True)
    return float(out.stdout) + audio_seconds(ssml)


def _app_and_seed(path: Path) -> tuple[Invoke, Seed]:
    from skill.alexa.app import build_app
    from skill.store import user_key
    from skill.store.sqlite import SqliteStore

    store = SqliteStore(path)
    app = build_app(store, time_zone_lookup=lambda _request: None)
    key = user_key(Device().user_id)

    def seed(changes: list[Change]) -> None:
        store.save(key, store.load(key), changes)

    return app.invoke, seed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--synth", type=int, default=3,
                        help="how many of the longest replies per cell espeak-ng times")
    args = parser.parse_args()
    if not (shutil.which("espeak-ng") and shutil.which("soxi")):
        sys.exit("needs espeak-ng and sox: apt-get install espeak-ng sox")
    rows: list[tuple[int, str, int, float, float]] = []
    ratios = []
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        for week in WEEKS:
            for name, settings in SETTINGS.items():
                invoke, seed = _app_and_seed(workdir / f"w{week}-{len(rows)}.sqlite3")
                replies = [s for s in walk(invoke, seed, week, settings) if s]
                timed = sorted(replies, key=response_seconds, reverse=True)[:args.synth]
                measured = [(response_seconds(s), espeak_seconds(s, workdir)) for s in timed]
                ratios += [real / model for model, real in measured if model > 20]
                rows.append((week, name, len(replies), measured[0][0],
                             max(real for _, real in measured)))
    print(f"Longest response (seconds), model vs espeak-ng at 150 wpm; bound "
          f"{MAX_RESPONSE_SECONDS} s")
    print(f"{'week':<6}{'setting':<26}{'replies':>8}{'model':>8}{'espeak':>8}")
    for week, name, count, model, real in rows:
        label = "maint." if week == MAINTENANCE else str(week)
        flag = "  OVER" if max(model, real) > MAX_RESPONSE_SECONDS else ""
        print(f"{label:<6}{name:<26}{count:>8}{model:>8.1f}{real:>8.1f}{flag}")
    print(f"espeak/model over the replies timed: min {min(ratios):.3f}, "
          f"max {max(ratios):.3f}, mean {sum(ratios) / len(ratios):.3f}")
    print(f"longest by espeak-ng: {max(r[4] for r in rows):.1f} s; "
          f"by the model: {max(r[3] for r in rows):.1f} s")


if __name__ == "__main__":
    main()
