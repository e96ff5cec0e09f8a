"""Every request type the skill handles, as Amazon sends it, through ``lambda_handler``.

The envelopes are the recorded files in ``tests/events`` (read by ``load_event``): a
launch in each locale, each intent with its slots empty, matched and unmatched, each
way a session ends, screen events, the reminders permission's answer, a recognised
person, an Echo Show, ``SkillDisabled``, ``CanFulfillIntentRequest`` and
``System.ExceptionEncountered``. Each gets an answer a user (or Alexa) can take: within
Alexa's limits, spoken where a voice answer is due, silent where none is, and never the
skill's apology for an error.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from conftest import Handler, alexa_limit_problems
from events import event_names, load_event

from skill.domain.content import phrase
from skill.domain.ssml import spoken_text
from tests.support.language_id import language_problems

ROOT = Path(__file__).resolve().parents[2]
MODELS = ROOT / "interaction_models"
SPOKEN = {"LaunchRequest", "IntentRequest", "Connections.Response"}
SILENT = {"SessionEndedRequest", "AlexaSkillEvent.SkillDisabled",
          "System.ExceptionEncountered"}
SCREEN = "Alexa.Presentation.APL.UserEvent"
SESSION_END_REASONS = ("USER_INITIATED", "ERROR", "EXCEEDED_MAX_REPROMPTS")


def en_us_intents() -> list[dict[str, Any]]:
    model = json.loads((MODELS / "en-US.json").read_text(encoding="utf-8"))
    intents: list[dict[str, Any]] = model["interactionModel"]["languageModel"]["intents"]
    return intents


def recorded_requests() -> list[dict[str, Any]]:
    return [load_event(name)["request"] for name in event_names()]


def test_every_request_type_and_intent_is_recorded() -> None:
    names = set(event_names())
    custom_types = {t["name"] for t in json.loads((MODELS / "en-US.json").read_text(
        encoding="utf-8"))["interactionModel"]["languageModel"]["types"]}
    missing = []
    for intent in en_us_intents():
        stem = "intent_" + intent["name"].replace("AMAZON.", "amazon_")
        wanted = [stem]
        for slot in intent.get("slots", []):
            suffixes = ("_matched", "_unmatched") if slot["type"] in custom_types else ("",)
            wanted += [f"{stem}_{slot['name'].lower()}{suffix}" for suffix in suffixes]
        missing += [w for w in wanted if f"{w}.json" not in names]
    assert missing == []
    requests = recorded_requests()
    types = {r["type"] for r in requests}
    assert {"LaunchRequest", "IntentRequest", "SessionEndedRequest", SCREEN,
            "Connections.Response", "AlexaSkillEvent.SkillDisabled",
            "CanFulfillIntentRequest", "System.ExceptionEncountered"} <= types
    reasons = {r.get("reason") for r in requests if r["type"] == "SessionEndedRequest"}
    assert set(SESSION_END_REASONS) <= reasons
    locales = {r["locale"] for r in requests if r["type"] == "LaunchRequest"}
    assert locales >= {path.stem for path in MODELS.glob("*.json")}
    bodies = [load_event(name) for name in event_names()]
    assert any("person" in b["context"]["System"] for b in bodies)
    assert any("Viewport" in b["context"] for b in bodies)
    assert any(r.get("intent", {}).get("slots") and all(
        "value" not in s for s in r["intent"]["slots"].values()) for r in requests)


@pytest.mark.parametrize("name", event_names())
def test_every_recorded_event_is_an_alexa_envelope(name: str) -> None:
    body = load_event(name)
    assert body["version"] == "1.0" and "System" in body["context"]
    request = body["request"]
    assert request["requestId"].startswith("amzn1.echo-api.request.")
    assert request["timestamp"].endswith("Z")
    assert request["locale"] in {path.stem for path in MODELS.glob("*.json")}
    if request["type"] == "IntentRequest":
        for slot_name, slot in request["intent"].get("slots", {}).items():
            assert slot["name"] == slot_name and slot["confirmationStatus"] == "NONE"
            for resolution in slot.get("resolutions", {}).get("resolutionsPerAuthority", []):
                assert resolution["status"]["code"] in ("ER_SUCCESS_MATCH",
                                                        "ER_SUCCESS_NO_MATCH")
                assert ("values" in resolution) == (
                    resolution["status"]["code"] == "ER_SUCCESS_MATCH")


@pytest.mark.parametrize("name", event_names())
def test_every_recorded_event_gets_a_sensible_answer(
        name: str, lambda_handler: Handler, api: str) -> None:
    envelope = load_event(name, endpoint=api, token="test-token")
    kind = envelope["request"]["type"]
    response = lambda_handler(envelope, None)
    assert response["version"] == "1.0"
    assert alexa_limit_problems(response) == []
    body = response.get("response", {})
    ssml = (body.get("outputSpeech") or {}).get("ssml")
    said = spoken_text(ssml) if ssml else ""
    assert phrase("error") not in said
    directives = {d["type"] for d in body.get("directives") or []}
    if kind in SPOKEN:
        # Or Alexa asks for a permission in its own words (reminders without a grant yet).
        assert said.strip() or "Connections.SendRequest" in directives, name
    elif kind in SILENT:
        assert ssml is None and "reprompt" not in body, name
    elif kind == "CanFulfillIntentRequest":
        assert body["canFulfillIntent"]["canFulfill"] in ("YES", "NO", "MAYBE")
    elif kind == SCREEN and name.endswith("_stale.json"):
        assert ssml is None  # a stale step's end is answered with nothing
    elif kind == SCREEN:
        assert said.strip() or directives, name
    else:
        pytest.fail(f"{name}: {kind} is a request type with no expectation here")


IN_ITS_LANGUAGE = [name for name in event_names()
                   if load_event(name)["request"]["locale"].split("-")[0] != "en"]


def test_every_shipped_locale_has_its_launch_and_an_intent_in_its_words() -> None:
    locales = {path.stem for path in MODELS.glob("*.json") if not path.stem.startswith("en-")}
    recorded = {load_event(name)["request"]["locale"] for name in IN_ITS_LANGUAGE}
    assert recorded == locales
    kinds = {(load_event(n)["request"]["locale"], load_event(n)["request"]["type"])
             for n in IN_ITS_LANGUAGE}
    assert {(locale, kind) for locale in locales
            for kind in ("LaunchRequest", "IntentRequest")} <= kinds


@pytest.mark.parametrize("name", IN_ITS_LANGUAGE)
def test_a_recorded_locale_is_answered_in_its_language(
        name: str, lambda_handler: Handler, api: str) -> None:
    envelope = load_event(name, endpoint=api, token="test-token")
    language = envelope["request"]["locale"].split("-")[0]
    assert language_problems([lambda_handler(envelope, None)], language) == []
