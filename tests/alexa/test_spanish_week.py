"""A week in Spanish, every turn through ``lambda_handler``: the words a user hears are Spanish.

A user on an es-US Echo opens the skill, answers the safety questions, does the routine,
comes back on a screen device, reports a sore knee mid-routine, asks how they are doing,
sets a daily reminder, and one morning switches the device to English mid-session. Each
response is checked against Alexa's limits (the ``Conversation`` fixture), and its speech,
reprompt, card and screen labels are identified as Spanish by ``lingua`` (which ships its
models), with a stopword check beside it, so an English fragment put together in code
(a "the", an "and", "3 sessions") shows however short the response.
"""

from __future__ import annotations

from typing import Any

import pytest
from conftest import Conversation, LambdaHost
from lingua import Language

from skill.hosts.envelopes import Device
from tests.support.alexa_api import GrantedEcho as SpanishEcho
from tests.support.language_id import identified, language_problems, texts_of


@pytest.fixture
def week(lambda_handler: Any, api: str) -> Conversation:
    return Conversation(LambdaHost(lambda_handler), SpanishEcho(locale="es-US", endpoint=api))


def test_a_spanish_week_is_spanish_from_launch_to_reminder(
        week: Conversation) -> None:
    # Day 1: launch, the safety questions, the whole routine, "good".
    first = week.routine()
    assert "revisión rápida de seguridad" in " ".join(first)
    assert "Kegels inversos" in " ".join(first)
    # Day 2, on an Echo Show: the screen's labels are Spanish too.
    week.later(days=1)
    week.device.apl = True
    week.launch()
    week.say("AMAZON.YesIntent")
    screens = [d["datasources"] for d in week.last["response"].get("directives") or []
               if "datasources" in d]
    assert screens and screens[0]["step"]["properties"]["buttons"] == {
        "next": "Siguiente", "repeat": "Repetir", "pause": "Pausa"}
    # ...and a sore knee mid-routine: the stop, the advice, the red flags, in Spanish.
    for _ in range(3):
        week.say("AMAZON.NextIntent")
    pain = week.say("ReportPainIntent", Symptom=("rodilla", "knee"))
    assert "rodilla" in pain and "médico" in pain
    # Day 3: how am I doing, the streak, how long today's routine takes.
    week.later(days=1)
    week.device.apl = False
    progress = week.one_shot("ProgressSummaryIntent")
    assert "sesi" in progress
    week.say("StreakIntent")
    week.say("HowLongIntent")
    # Day 4: a daily reminder at 7 in the morning, said back as Spanish says it.
    week.later(days=1)
    reminder = week.one_shot("SetReminderIntent", Time=("07:00", None))
    assert "a las 7 de la mañana" in reminder
    status = week.one_shot("ReminderStatusIntent")
    assert "las 7 de la mañana" in status
    # Help and a word the skill did not catch.
    week.one_shot("AMAZON.HelpIntent")
    week.say("AMAZON.FallbackIntent")
    week.say("AMAZON.StopIntent")
    assert language_problems(week.responses, "es") == []


def test_a_device_switched_to_english_mid_session_is_answered_in_english(
        week: Conversation) -> None:
    spanish = week.launch()
    week.device.locale = "en-US"
    english = week.say("AMAZON.HelpIntent")
    week.device.locale = "es-US"
    again = week.say("AMAZON.HelpIntent")
    assert identified(spanish) == Language.SPANISH
    assert identified(english) == Language.ENGLISH
    assert identified(again) == Language.SPANISH


@pytest.mark.parametrize("locale", ["es-MX", "es-ES", "es-AR"])
def test_every_spanish_locale_is_spoken_in_spanish(lambda_handler: Any, locale: str) -> None:
    talk = Conversation(LambdaHost(lambda_handler), Device(locale=locale))
    talk.routine()
    assert language_problems(talk.responses, "es") == []


def test_a_locale_the_skill_lacks_is_english_throughout(lambda_handler: Any) -> None:
    talk = Conversation(LambdaHost(lambda_handler), Device(locale="it-IT"))
    talk.routine()
    for response in talk.responses:
        whole = " ".join(texts_of(response))
        assert identified(whole) == Language.ENGLISH, whole


def test_the_check_catches_english() -> None:
    """A control: an English fragment inside Spanish, and an English reply, are both caught."""
    mixed = {"response": {"outputSpeech": {"ssml": "<speak>Llevas 3 sessions en total.</speak>"}}}
    english = {"response": {"outputSpeech": {
        "ssml": "<speak>Welcome back. Shall we start your routine today?</speak>"}}}
    assert language_problems([mixed], "es") != []
    assert language_problems([english], "es") != []
    assert language_problems([], "es") == []
