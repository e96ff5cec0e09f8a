"""Write the recorded request envelopes in this folder, in the shapes Amazon documents.

Run once when the skill starts handling a new request type or intent
(``python tests/events/record.py``); the files, not this script, are what the tests
read, and they may be edited by hand. The shapes follow Amazon's Request and Response
JSON reference and request types reference: an ``IntentRequest`` carries every slot its
intent declares, filled or not; a custom slot has ``resolutions`` (the authority named
after the slot *type*) and the newer ``slotValue`` of type ``Simple``; a built-in slot
(``AMAZON.NUMBER``, ``AMAZON.TIME``) has a value and no resolutions; ``dialogState`` is
left out, as Alexa sends it only for intents its dialog model delegates or elicits;
``SessionEndedRequest`` gives a ``reason`` and, for ``ERROR``, an ``error`` with a
``type`` and ``message``.
"""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
MODELS = HERE.parents[1] / "interaction_models"
MODEL = MODELS / "en-US.json"
SKILL_ID = "amzn1.ask.skill.00000000-0000-0000-0000-release-coach"
ACCOUNT = "amzn1.ask.account.AGF3NETIE4MNXNG2Z64Z27RXB6JCK2R62BCPYUZI"
DEVICE = "amzn1.ask.device.AEP3A3BZRS4DGNMIPUKNGUQ3KV4FKQ7RB7NWC2M4GVYNLQ4YNKGXA"
TOKEN = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiIsImtpZCI6IjEifQ.SAMPLE.TOKEN"
WHEN = "2026-11-16T07:30:00Z"
# Every shipped locale, one per interaction_models/<locale>.json: a launch each, and for a
# language other than English one intent in its own words too.
LOCALES = tuple(sorted(p.stem for p in MODELS.glob("*-*.json")))
# The value a matched custom slot resolves to; the first synonym is what the user said.
MATCHED = {"ExerciseName": "butterfly", "Symptom": "knee", "TimePeriod": "week",
           "SettingChange": "slower", "SymptomSign": "numbness", "ReminderShift": "later"}
BUILT_IN_VALUES = {"AMAZON.NUMBER": "5", "AMAZON.TIME": "07:00", "AMAZON.DURATION": "PT1H"}
UNMATCHED = "banana bread"


def request_id(name: str) -> str:
    return f"amzn1.echo-api.request.{uuid.uuid5(uuid.NAMESPACE_URL, name)}"


def envelope(name: str, request: dict[str, Any], *, new: bool | None = True,
             interfaces: dict[str, Any] | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {"version": "1.0"}
    if new is not None:
        body["session"] = {
            "new": new,
            "sessionId": f"amzn1.echo-api.session.{uuid.uuid5(uuid.NAMESPACE_DNS, name)}",
            "application": {"applicationId": SKILL_ID},
            "attributes": {},
            "user": {"userId": ACCOUNT},
        }
    body["context"] = {"System": {
        "application": {"applicationId": SKILL_ID},
        "user": {"userId": ACCOUNT},
        "device": {"deviceId": DEVICE, "supportedInterfaces": interfaces or {}},
        "apiEndpoint": "https://api.amazonalexa.com",
        "apiAccessToken": TOKEN,
    }}
    body["request"] = {"type": request.pop("type"), "requestId": request_id(name),
                       "timestamp": WHEN, "locale": request.pop("locale", "en-US"), **request}
    return body


def custom_slot(slot: str, slot_type: str, heard: str, value: dict[str, Any] | None) -> Any:
    resolution: dict[str, Any] = {
        "authority": f"amzn1.er-authority.echo-sdk.{SKILL_ID}.{slot_type}",
        "status": {"code": "ER_SUCCESS_MATCH" if value else "ER_SUCCESS_NO_MATCH"}}
    if value:
        resolution["values"] = [{"value": {"name": value["name"]["value"], "id": value["id"]}}]
    resolutions = {"resolutionsPerAuthority": [resolution]}
    return {"name": slot, "value": heard, "resolutions": resolutions,
            "confirmationStatus": "NONE", "source": "USER",
            "slotValue": {"type": "Simple", "value": heard, "resolutions": resolutions}}


def built_in_slot(slot: str, value: str) -> dict[str, Any]:
    return {"name": slot, "value": value, "confirmationStatus": "NONE", "source": "USER",
            "slotValue": {"type": "Simple", "value": value}}


def empty_slot(slot: str) -> dict[str, Any]:
    return {"name": slot, "confirmationStatus": "NONE", "source": "USER"}


def intent_request(name: str, intent: str, slots: dict[str, Any] | None) -> dict[str, Any]:
    body: dict[str, Any] = {"name": intent, "confirmationStatus": "NONE"}
    if slots is not None:
        body["slots"] = slots
    # Navigation and answers come inside a session; the rest are also one-shots.
    return envelope(name, {"type": "IntentRequest", "intent": body},
                    new=not intent.startswith("AMAZON."))


def intents() -> dict[str, dict[str, Any]]:
    model = json.loads(MODEL.read_text(encoding="utf-8"))["interactionModel"]["languageModel"]
    types = {t["name"]: t["values"] for t in model["types"]}
    files: dict[str, dict[str, Any]] = {}
    for intent in model["intents"]:
        name = intent["name"]
        stem = "intent_" + name.replace("AMAZON.", "amazon_")
        slots = intent.get("slots", [])
        declared = {s["name"]: empty_slot(s["name"]) for s in slots} if slots else None
        files[f"{stem}.json"] = intent_request(stem, name, declared)
        for slot in slots:
            slot_name, slot_type = slot["name"], slot["type"]
            if slot_type in types:
                value = next(v for v in types[slot_type] if v["id"] == MATCHED[slot_type])
                heard = (value["name"].get("synonyms") or [value["name"]["value"]])[0]
                for suffix, filled in (("matched", custom_slot(slot_name, slot_type, heard, value)),
                                       ("unmatched", custom_slot(slot_name, slot_type,
                                                                 UNMATCHED, None))):
                    file = f"{stem}_{slot_name.lower()}_{suffix}"
                    files[f"{file}.json"] = intent_request(
                        file, name, {**(declared or {}), slot_name: filled})
            else:
                file = f"{stem}_{slot_name.lower()}"
                files[f"{file}.json"] = intent_request(
                    file, name, {**(declared or {}),
                                 slot_name: built_in_slot(slot_name, BUILT_IN_VALUES[slot_type])})
    return files


def in_its_words(locale: str) -> dict[str, dict[str, Any]]:
    """One intent of ``locale`` with a slot said in its language: the exercise asked for."""
    model = json.loads((MODELS / f"{locale}.json").read_text(encoding="utf-8"))
    types = {t["name"]: t["values"] for t in model["interactionModel"]["languageModel"]["types"]}
    value = next(v for v in types["ExerciseName"] if v["id"] == MATCHED["ExerciseName"])
    heard = (value["name"].get("synonyms") or [value["name"]["value"]])[0]
    name = f"intent_GuideExerciseIntent_{locale}"
    body = intent_request(name, "GuideExerciseIntent", {
        "Exercise": custom_slot("Exercise", "ExerciseName", heard, value)})
    body["request"]["locale"] = locale
    return {f"{name}.json": body}


def others() -> dict[str, dict[str, Any]]:
    files: dict[str, dict[str, Any]] = {}
    for locale in LOCALES:
        name = f"launch_{locale}"
        files[f"{name}.json"] = envelope(name, {"type": "LaunchRequest", "locale": locale,
                                                "shouldLinkResultBeReturned": False})
        if not locale.startswith("en-"):
            files.update(in_its_words(locale))
    errors = {"USER_INITIATED": None, "EXCEEDED_MAX_REPROMPTS": None,
              "ERROR": {"type": "INVALID_RESPONSE",
                        "message": "The response is not valid: outputSpeech is missing"}}
    for reason, error in errors.items():
        name = f"session_ended_{reason.lower()}"
        request: dict[str, Any] = {"type": "SessionEndedRequest", "reason": reason}
        if error:
            request["error"] = error
        files[f"{name}.json"] = envelope(name, request, new=False)
    apl = {"Alexa.Presentation.APL": {"runtime": {"maxVersion": "2024.2"}}}
    for action in ("next", "repeat", "pause"):
        name = f"apl_user_event_{action}"
        files[f"{name}.json"] = envelope(name, {
            "type": "Alexa.Presentation.APL.UserEvent", "token": "rc-step-0123456789abcdef",
            "arguments": [action], "components": {},
            "source": {"type": "TouchWrapper", "handler": "Press", "id": f"button-{action}",
                       "value": False}}, new=False, interfaces=apl)
    name = "apl_user_event_step_end_stale"
    files[f"{name}.json"] = envelope(name, {
        "type": "Alexa.Presentation.APL.UserEvent", "token": "rc-step-0123456789abcdef",
        "arguments": ["stepEnd"], "components": {},
        "source": {"type": "Document", "handler": "ExecuteCommands", "id": ""}},
        new=False, interfaces=apl)
    name = "can_fulfill_intent"
    files[f"{name}.json"] = envelope(name, {
        "type": "CanFulfillIntentRequest",
        "intent": {"name": "GuideExerciseIntent", "slots": {
            "Exercise": {"name": "Exercise", "value": "butterfly stretch"}}}})
    name = "system_exception_encountered"
    files[f"{name}.json"] = envelope(name, {
        "type": "System.ExceptionEncountered",
        "error": {"type": "INVALID_RESPONSE", "message": "SpeechletResponse was null"},
        "cause": {"requestId": request_id("intent_StartRoutineIntent")}}, new=None)
    return files


def main() -> int:
    for name, body in {**intents(), **others()}.items():
        (HERE / name).write_text(json.dumps(body, indent=2, ensure_ascii=False) + "\n",
                                 encoding="utf-8")
        print(name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
