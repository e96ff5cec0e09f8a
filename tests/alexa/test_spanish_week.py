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

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from conftest import Conversation, LambdaHost
from lingua import Language, LanguageDetector, LanguageDetectorBuilder

from skill.alexa.reminders import REMINDERS_SCOPE
from skill.domain.ssml import spoken_text
from skill.hosts.envelopes import Device
from tests.support.alexa_api import API_TOKEN

# Words of English that no Spanish sentence here has (names like "Kegel" aside).
ENGLISH_WORDS = {"the", "and", "you", "your", "of", "to", "is", "session", "sessions",
                 "minute", "minutes", "day", "days", "round", "side", "right", "left",
                 "next", "week", "am", "pm", "noon", "stretch", "knee", "hip", "back"}
SPANISH_WORDS = {"de", "la", "el", "que", "y", "tu", "los", "las", "en", "con", "para"}


@pytest.fixture(scope="module")
def detector() -> LanguageDetector:
    return LanguageDetectorBuilder.from_languages(
        Language.ENGLISH, Language.SPANISH, Language.GERMAN, Language.FRENCH,
        Language.PORTUGUESE, Language.ITALIAN).build()


@dataclass
class SpanishEcho(Device):
    """An es-US Echo whose requests carry the API endpoint and the reminders grant."""

    endpoint: str = ""

    def envelope(self, request: dict[str, Any], *, in_session: bool = True) -> dict[str, Any]:
        body = super().envelope(request, in_session=in_session)
        system = body["context"]["System"]
        system["apiEndpoint"] = self.endpoint
        system["apiAccessToken"] = API_TOKEN
        system["user"]["permissions"] = {
            "consentToken": "consent-token", "scopes": {REMINDERS_SCOPE: {"status": "GRANTED"}}}
        return body


def texts_of(response: dict[str, Any]) -> Iterator[str]:
    """Everything a user hears or reads in one response."""
    body = response.get("response", {})
    for part in (body.get("outputSpeech"), (body.get("reprompt") or {}).get("outputSpeech")):
        if part and part.get("ssml"):
            yield spoken_text(part["ssml"])
    card = body.get("card") or {}
    for key in ("title", "content", "text"):
        if card.get(key):
            yield str(card[key])
    for directive in body.get("directives") or []:
        yield from _strings(directive.get("datasources", {}))


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, dict):
        for key, inner in value.items():
            if key not in {"type", "token", "id", "url", "source", "sound", "objectId"}:
                yield from _strings(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from _strings(inner)
    elif isinstance(value, str) and re.search(r"[A-Za-zÁÉÍÓÚáéíóúñ]{3}", value):
        yield spoken_text(value) if value.startswith("<speak>") else value


def words(text: str) -> set[str]:
    return set(re.findall(r"[a-záéíóúüñ]+", text.lower()))


def english_in(text: str) -> set[str]:
    return words(text) & ENGLISH_WORDS


def spanish_problems(responses: list[dict[str, Any]], detector: LanguageDetector) -> list[str]:
    """Each piece of text with an English word in it, and each response whose words
    together (speech, reprompt, card, screen) are not identified as Spanish. A short
    label alone ("Esta es la última.") is too little for any detector; together with the
    rest of its response it is not."""
    problems = []
    for response in responses:
        texts = list(texts_of(response))
        for text in texts:
            if english_in(text):
                problems.append(f"English words {sorted(english_in(text))} in {text!r}")
        whole = " ".join(texts)
        if len(whole.split()) >= 3 and detector.detect_language_of(whole) != Language.SPANISH:
            problems.append(f"not Spanish: {whole!r}")
    return problems


@pytest.fixture
def week(lambda_handler: Any, api: str) -> Conversation:
    return Conversation(LambdaHost(lambda_handler), SpanishEcho(locale="es-US", endpoint=api))


def test_a_spanish_week_is_spanish_from_launch_to_reminder(
        week: Conversation, detector: LanguageDetector) -> None:
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
    assert spanish_problems(week.responses, detector) == []


def test_a_device_switched_to_english_mid_session_is_answered_in_english(
        week: Conversation, detector: LanguageDetector) -> None:
    spanish = week.launch()
    week.device.locale = "en-US"
    english = week.say("AMAZON.HelpIntent")
    week.device.locale = "es-US"
    again = week.say("AMAZON.HelpIntent")
    assert detector.detect_language_of(spanish) == Language.SPANISH
    assert detector.detect_language_of(english) == Language.ENGLISH
    assert detector.detect_language_of(again) == Language.SPANISH


@pytest.mark.parametrize("locale", ["es-MX", "es-ES", "es-AR"])
def test_every_spanish_locale_is_spoken_in_spanish(lambda_handler: Any, locale: str,
                                                   detector: LanguageDetector) -> None:
    talk = Conversation(LambdaHost(lambda_handler), Device(locale=locale))
    talk.routine()
    assert spanish_problems(talk.responses, detector) == []


def test_a_locale_the_skill_lacks_is_english_throughout(lambda_handler: Any,
                                                        detector: LanguageDetector) -> None:
    talk = Conversation(LambdaHost(lambda_handler), Device(locale="it-IT"))
    talk.routine()
    for response in talk.responses:
        whole = " ".join(texts_of(response))
        assert detector.detect_language_of(whole) == Language.ENGLISH, whole


def test_the_check_catches_english(detector: LanguageDetector) -> None:
    """A control: an English fragment inside Spanish, and an English reply, are both caught."""
    mixed = {"response": {"outputSpeech": {"ssml": "<speak>Llevas 3 sessions en total.</speak>"}}}
    english = {"response": {"outputSpeech": {
        "ssml": "<speak>Welcome back. Shall we start your routine today?</speak>"}}}
    assert spanish_problems([mixed], detector) != []
    assert spanish_problems([english], detector) != []
    assert spanish_problems([], detector) == []
