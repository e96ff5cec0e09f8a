"""A week in German, every turn through ``lambda_handler``: the words a user hears are German.

A user on a de-DE Echo opens the skill, answers the safety questions, does the whole
routine, comes back on a screen device, reports a sore knee mid-routine, another day
feels numb down there (a red flag: a doctor, not "does it still hurt?"), is asked about
the doctor the next day, asks how they are doing, sets a daily reminder at 7 and asks
about it, and at last deletes everything. Each response is checked against Alexa's
limits (the ``Conversation`` fixture), and its speech, reprompt, card and screen labels
are identified as German by ``lingua``, with a stopword check beside it, so an English
fragment put together in code (a "the", an "and", "3 sessions") shows however short.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from conftest import Conversation, LambdaHost
from lingua import Language

from skill.hosts.envelopes import Device
from tests.support.alexa_api import GrantedEcho
from tests.support.language_id import identified, language_problems


def german_problems(responses: list[dict[str, Any]]) -> list[str]:
    """Each piece of text with an English word in it, and each response whose words
    together (speech, reprompt, card, screen) are not identified as German."""
    return language_problems(responses, "de")


@pytest.fixture
def week(lambda_handler: Any, api: str) -> Conversation:
    return Conversation(LambdaHost(lambda_handler), GrantedEcho(locale="de-DE", endpoint=api))


def test_a_german_week_is_german_from_launch_to_deletion(
        week: Conversation) -> None:
    # Day 1: launch, the safety questions, the whole routine, "gut".
    first = " ".join(week.routine())
    assert "kurze Sicherheitsfrage" in first and "Wenn etwas davon zutrifft, sag ja" in first
    assert "Beckenboden-Entspannung" in first and "einen Wind" in first
    assert "Nie pressen" in first or "nie pressen" in first
    # the names come with the article their sentence needs
    assert re.search(r"(für|mit) (den|dem) Schmetterling|kommt der Schmetterling", first), first
    # Day 2, on an Echo Show: the screen's labels are German too...
    week.later(days=1)
    week.device.apl = True
    week.launch()
    week.say("AMAZON.YesIntent")
    screens = [d["datasources"] for d in week.last["response"].get("directives") or []
               if "datasources" in d]
    assert screens and screens[0]["step"]["properties"]["buttons"] == {
        "next": "Weiter", "repeat": "Wiederholen", "pause": "Pause"}
    # ...and a sore knee mid-routine: the stop, the advice, the knee spared, in German.
    for _ in range(3):
        week.say("AMAZON.NextIntent")
    pain = week.say("ReportPainIntent", Symptom=("knie", "knee"))
    assert "Schmerzen im Knie" in pain and "schone ich das Knie" in pain
    assert "Ärztin" in pain and "Blase oder Darm" in pain
    assert not week.session_open
    # Day 3: the check-in first; it is fine now, so we go gently.
    week.later(days=1)
    week.device.apl = False
    check_in = week.launch()
    assert "Macht es dir noch zu schaffen?" in check_in
    week.say("AMAZON.NoIntent")
    # Mid-routine, numbness down there: a red flag goes to a doctor, now, and 112.
    week.say("AMAZON.YesIntent")
    urgent = week.say("ReportPainIntent", Sign=("taub im intimbereich", "numbness"))
    assert "sofort ärztlich" in urgent and "112" in urgent
    assert "bis dich eine Ärztin oder ein Arzt untersucht hat" in urgent
    assert "noch zu schaffen" not in urgent and not week.session_open
    # Day 4: no exercise before the doctor's check; "nein" means we wait.
    week.later(days=1)
    assert week.launch().endswith("eine Ärztin oder ein Arzt untersucht?")
    wait = week.say("AMAZON.NoIntent")
    assert "Dann warten wir" in wait and not week.session_open
    # Day 5: checked by the doctor; how am I doing, the streak, how long it takes.
    week.later(days=1)
    week.launch()
    assert "froh" in week.say("AMAZON.YesIntent")
    week.say("AMAZON.StopIntent")
    progress = week.one_shot("ProgressSummaryIntent")
    assert "Einheit" in progress
    week.say("StreakIntent")
    week.say("HowLongIntent")
    week.say("SessionCountIntent", Period=("diese woche", "week"))
    # A daily reminder at 7 in the morning, said back as German says it.
    reminder = week.one_shot("SetReminderIntent", Time=("07:00", None))
    assert "jeden Tag um 7 Uhr" in reminder
    assert "auf 7 Uhr gestellt" in week.one_shot("ReminderStatusIntent")
    evening = week.one_shot("ChangeReminderIntent", Time=("19:30", None))
    assert "um 19 Uhr 30" in evening
    # Help, a word the skill did not catch, and at last: delete everything.
    week.one_shot("AMAZON.HelpIntent")
    week.say("AMAZON.FallbackIntent")
    sure = week.one_shot("DeleteProgressIntent")
    assert "endgültig gelöscht" in sure and sure.endswith("Bist du sicher?")
    gone = week.say("AMAZON.YesIntent")
    assert "gelöscht" in gone and not week.session_open
    assert german_problems(week.responses) == []


def test_a_device_switched_to_english_mid_session_is_answered_in_english(
        week: Conversation) -> None:
    german = week.launch()
    week.device.locale = "en-US"
    english = week.say("AMAZON.HelpIntent")
    week.device.locale = "de-DE"
    again = week.say("AMAZON.HelpIntent")
    assert identified(german) == Language.GERMAN
    assert identified(english) == Language.ENGLISH
    assert identified(again) == Language.GERMAN


@pytest.mark.parametrize("locale", ["de-AT", "de-CH"])
def test_other_german_locales_are_spoken_in_german(lambda_handler: Any, locale: str) -> None:
    talk = Conversation(LambdaHost(lambda_handler), Device(locale=locale))
    talk.routine()
    assert german_problems(talk.responses) == []


def test_the_check_catches_english() -> None:
    """A control: an English fragment inside German, and an English reply, are both caught."""
    mixed = {"response": {"outputSpeech": {"ssml": "<speak>Du hast 3 sessions gemacht.</speak>"}}}
    english = {"response": {"outputSpeech": {
        "ssml": "<speak>Welcome back. Shall we start your routine today?</speak>"}}}
    assert german_problems([mixed]) != []
    assert german_problems([english]) != []
    assert german_problems([]) == []
