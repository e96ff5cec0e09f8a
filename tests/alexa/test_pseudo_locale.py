"""The whole skill in a pseudo-locale: what Alexa says, shows and puts on a card comes
from data, through the adapter too.

A device set to the pseudo-locale (``qps-PLOC``, English's data with every template's own
words in ⟦ ⟧, see :mod:`tests.support.pseudo_locale`) does today's routine on an Echo
Show and asks about its progress: any letter outside the brackets in the speech, the
reprompt, the card or a screen's labels was put together in code.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from conftest import Conversation

from skill.alexa.app import SkillApp
from skill.domain.language import Language
from skill.domain.ssml import spoken_text
from skill.hosts.envelopes import Device
from tests.support.pseudo_locale import (
    PSEUDO_LOCALE,
    outside_language,
    pseudo_content,
    strings,
)

RENDER = "Alexa.Presentation.APL.RenderDocument"
# What a screen shows as words: a step's place, next step and buttons; the progress
# screen's title, chart, stats and weekdays.
LABELS = ("place", "next", "buttons", "title", "chartTitle", "stats", "weekdays", "weeks")


@pytest.fixture
def pseudo(monkeypatch: pytest.MonkeyPatch) -> Iterator[Language]:
    with pseudo_content(monkeypatch) as language:
        yield language


def words_of(response: dict[str, Any]) -> Iterator[str]:
    body = response.get("response", {})
    for key in ("outputSpeech",):
        if body.get(key):
            yield spoken_text(body[key]["ssml"])
    reprompt = (body.get("reprompt") or {}).get("outputSpeech")
    if reprompt:
        yield spoken_text(reprompt["ssml"])
    card = body.get("card") or {}
    yield from (str(card.get(key, "")) for key in ("title", "content", "text"))
    for directive in body.get("directives", []):
        if directive.get("type") == RENDER:
            for source in directive["datasources"].values():
                properties = source.get("properties", {})
                yield from strings({k: properties[k] for k in LABELS if k in properties})


def leaks(talk: Conversation) -> dict[str, str]:
    found: dict[str, str] = {}
    for response in talk.responses:
        for text in words_of(response):
            if outside_language(text):
                found.setdefault(outside_language(text), text[:300])
    return found


def a_week_of_questions(app: SkillApp) -> Conversation:
    talk = Conversation(app, Device(locale=PSEUDO_LOCALE, apl=True))
    talk.routine()
    for intent in ("ProgressSummaryIntent", "StreakIntent", "TodaysRoutineIntent",
                   "HowLongIntent", "LastSessionIntent", "SettingsStatusIntent"):
        talk.one_shot(intent)
    talk.later(days=1)
    talk.routine()
    return talk


def test_a_routine_and_its_questions_say_only_the_languages_words(
        app: SkillApp, pseudo: Language) -> None:
    talk = a_week_of_questions(app)
    assert len(talk.responses) > 15
    assert any(RENDER in str(r) for r in talk.responses)  # the screens were drawn
    assert leaks(talk) == {}


def test_the_walk_through_the_adapter_sees_english_built_in_code(
        app: SkillApp, pseudo: Language, monkeypatch: pytest.MonkeyPatch) -> None:
    """The control: a count put back in code shows up in the adapter's output."""
    monkeypatch.setattr(Language, "count", lambda self, number, noun: f"{number} {noun}s")
    assert leaks(a_week_of_questions(app)) != {}
