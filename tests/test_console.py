"""The local console: the model's own utterances drive the skill, as on a device."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from skill.alexa.handlers import handled_intents
from skill.hosts.console import ModelMatcher, load_model, render

MODELS = sorted((Path(__file__).resolve().parent.parent / "interaction_models").glob("*.json"))


@pytest.fixture(scope="module")
def matcher() -> ModelMatcher:
    return ModelMatcher(load_model("en-US"))


@pytest.mark.parametrize(("words", "intent", "slots"), [
    ("what's today's routine", "TodaysRoutineIntent", {}),
    ("Guide me through the butterfly stretch.", "GuideExerciseIntent",
     {"Exercise": "butterfly"}),
    ("just reverse kegels", "GuideExerciseIntent", {"Exercise": "reverse_kegel"}),
    ("how many sessions this week", "SessionCountIntent", {"Period": "week"}),
    ("how many minutes have i practiced this month", "MinutesPractisedIntent",
     {"Period": "month"}),
    ("it hurts", "ReportPainIntent", {}),
    ("next", "AMAZON.NextIntent", {}),
    ("yes", "AMAZON.YesIntent", {}),
    ("pick up where i left off", "AMAZON.ResumeIntent", {}),
    ("delete my progress", "DeleteProgressIntent", {}),
])
def test_typed_words_match_the_models_samples(
        matcher: ModelMatcher, words: str, intent: str, slots: dict[str, str]) -> None:
    found = matcher.match(words)
    assert found is not None and found.intent == intent
    assert {name: value[1] for name, value in found.slots.items()} == slots


def test_a_slot_value_outside_the_type_reaches_the_skill_unresolved(
        matcher: ModelMatcher) -> None:
    found = matcher.match("guide me through the frog pose")
    assert found is not None and found.slots["Exercise"] == ("frog pose", None)


def test_unmatched_words_match_nothing(matcher: ModelMatcher) -> None:
    assert matcher.match("order me a pizza with extra cheese") is None


def test_pauses_render_as_seconds() -> None:
    ssml = '<speak>Hold. <break time="10s"/><break time="10s"/> Ten more. &amp; out</speak>'
    assert render(ssml) == "Hold. [20 s] Ten more. & out"


@pytest.mark.parametrize("path", MODELS, ids=lambda p: p.stem)
def test_every_model_intent_is_handled_and_every_handled_intent_is_modelled(path: Path) -> None:
    model = json.loads(path.read_text())
    names = {i["name"] for i in model["interactionModel"]["languageModel"]["intents"]}
    assert names == handled_intents()


def test_the_chat_command_runs_a_scripted_conversation(tmp_path: Path) -> None:
    script = "\n".join([
        "open release coach", "what's today's routine", "yes", "repeat", "next",
        "how am i doing", "pause", "ask release coach to pick up where i left off", "next",
        "what's my streak", "tell me a joke about penguins",
    ]) + "\n"
    result = subprocess.run(
        [sys.executable, "-m", "skill.hosts.cli", "chat", "--store", str(tmp_path / "p.sqlite3")],
        input=script, capture_output=True, text=True, timeout=60,
        env={**os.environ, "TZ": "Europe/London"}, check=True)
    out = result.stdout
    assert "Alexa: Welcome to Release Coach" in out
    assert "[10 s]" in out and "[3 s]" in out
    assert "Paused at the butterfly stretch" in out
    assert "Picking up where you left off, with the butterfly stretch" in out
    assert "Your streak is 1 day" in out
    assert "no sample utterance of the en-US model matches" in out
    assert out.count("(session ended)") >= 3
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(("words", "intent", "time"), [
    ("remind me every day at 8 am", "SetReminderIntent", "08:00"),
    ("remind me to practice at seven in the evening", "SetReminderIntent", "19:00"),
    ("change my reminder to 7 pm", "ChangeReminderIntent", "19:00"),
    ("set a daily reminder for 6:45 a.m.", "SetReminderIntent", "06:45"),
    ("set a reminder for noon", "SetReminderIntent", "12:00"),
    ("twelve thirty am", "SetReminderIntent", "00:30"),
    ("in the evening", "SetReminderIntent", "EV"),
])
def test_times_reach_the_skill_as_alexa_resolves_them(
        matcher: ModelMatcher, words: str, intent: str, time: str) -> None:
    found = matcher.match(words)
    assert found is not None and found.intent == intent
    assert found.slots["Time"][0] == time


def test_a_bare_slot_sample_does_not_swallow_other_words(matcher: ModelMatcher) -> None:
    assert matcher.match("purple elephants dancing") is None


def test_the_console_says_when_it_cannot_grant_the_reminders_permission(tmp_path: Path) -> None:
    script = "ask release coach to remind me every day at 8 am\nwhat's my reminder\n"
    result = subprocess.run(
        [sys.executable, "-m", "skill.hosts.cli", "chat", "--store", str(tmp_path / "p.sqlite3")],
        input=script, capture_output=True, text=True, timeout=60, check=True)
    assert "the console cannot grant it" in result.stdout
    assert "Alexa: I haven't set a reminder" in result.stdout
    assert "You don't have a daily reminder from me" in result.stdout
