"""The request reader reads what the ASK SDK's request model read, and never trips.

Every recorded envelope is read both ways, the SDK's model (the reference the adapter
was built against) and :class:`AlexaRequest`, field by field; then each field of an
envelope is broken in turn (wrong types, nothing at all) and every accessor must still
answer, with missing for what cannot be read.
"""

from __future__ import annotations

import copy
import json
from datetime import UTC, datetime
from typing import Any

import pytest
from ask_sdk_core.serialize import DefaultSerializer
from ask_sdk_model.request_envelope import RequestEnvelope
from conftest import alexa_limit_problems
from events import event_names, load_event

from skill.alexa.app import RequestRejected, SkillApp
from skill.alexa.reminders import REMINDERS_SCOPE
from skill.alexa.request import AlexaRequest, parse_timestamp
from skill.hosts.envelopes import Device

JUNK: list[Any] = [None, 7, -1.5, True, "", "x", [], [1, "a"], {}, {"name": 3},
                   {"value": {"id": 5}}]


def sdk_model(envelope: dict[str, Any]) -> Any:
    return DefaultSerializer().deserialize(json.dumps(envelope), RequestEnvelope)


def _value(enum_or_text: Any) -> Any:
    return getattr(enum_or_text, "value", enum_or_text)


@pytest.mark.parametrize("name", event_names())
def test_every_recorded_envelope_reads_as_the_sdks_model_read_it(name: str) -> None:
    envelope = load_event(name)
    model, request = sdk_model(envelope), AlexaRequest(envelope)
    sdk, system = model.request, model.context.system
    assert request.type == sdk.object_type
    assert request.request_id == sdk.request_id
    assert request.locale == sdk.locale
    assert request.timestamp == sdk.timestamp
    assert request.device_id == getattr(system.device, "device_id", None)
    assert request.api_endpoint == system.api_endpoint
    assert request.api_access_token == system.api_access_token
    assert request.user_id == (system.user or model.session.user).user_id
    assert request.person_id == (system.person.person_id if system.person else None)
    interfaces = getattr(system.device, "supported_interfaces", None)
    assert request.supports_apl == (getattr(interfaces, "alexa_presentation_apl", None)
                                    is not None)
    assert request.supports_aplt == (getattr(interfaces, "alexa_presentation_aplt", None)
                                     is not None)
    scopes = (system.user.permissions.scopes or {}) if system.user.permissions else {}
    granted = REMINDERS_SCOPE in scopes and _value(scopes[REMINDERS_SCOPE].status) == "GRANTED"
    assert request.permission_granted(REMINDERS_SCOPE) == granted
    if model.session is None:
        assert request.session_attributes is None and request.session_new
    else:
        assert request.session_attributes == (model.session.attributes or {})
        assert request.session_new == bool(model.session.new)
    intent = getattr(sdk, "intent", None)
    assert request.intent_name == (intent.name if intent is not None else None)
    for slot_name, slot in ((intent.slots or {}) if intent is not None else {}).items():
        matched = [authority.values[0].value.id for authority in
                   (slot.resolutions.resolutions_per_authority if slot.resolutions else [])
                   if _value(authority.status.code) == "ER_SUCCESS_MATCH" and authority.values]
        assert request.slot(slot_name) == (matched[0] if matched else None, slot.value)
    if request.type == "Connections.Response":
        assert request.status_code == sdk.status.code
        assert request.payload == sdk.payload and request.token == sdk.token
    if request.type == "Alexa.Presentation.APL.UserEvent":
        assert request.event_arguments == sdk.arguments and request.token == sdk.token


def test_the_session_attributes_are_the_turns_own_copy() -> None:
    device = Device(session_id="amzn1.echo-api.session.copy")
    device.attributes = {"mode": "idle", "position": {"step": 1}}
    envelope = device.intent("AMAZON.HelpIntent")
    request = AlexaRequest(envelope)
    assert request.session_attributes is not None
    request.session_attributes["mode"] = "between_steps"
    assert envelope["session"]["attributes"]["mode"] == "idle"


@pytest.mark.parametrize("stamp", ["2026-11-16T07:30:00Z", "2026-11-16T07:30:00.123Z",
                                   "2026-03-29T01:59:59+00:00", "2026-11-16T23:59:59-05:00",
                                   "16 Nov 2026 07:30 UTC", "Nov 16 2026 7:30am UTC"])
def test_timestamps_read_as_the_sdks_parser_read_them(stamp: str) -> None:
    envelope = Device().launch()
    envelope["request"]["timestamp"] = stamp
    assert AlexaRequest(envelope).timestamp == sdk_model(envelope).request.timestamp


def test_an_odd_timestamp_falls_back_to_dateutil() -> None:
    assert parse_timestamp("16 Nov 2026 07:30 UTC") == datetime(2026, 11, 16, 7, 30, tzinfo=UTC)


@pytest.mark.parametrize("stamp", ["yesterday", "", 7, [], {"a": 1}, "9" * 40])
def test_an_unreadable_timestamp_reads_as_none_and_is_refused(app: SkillApp,
                                                              stamp: Any) -> None:
    envelope = Device().launch()
    envelope["request"]["timestamp"] = stamp
    assert parse_timestamp(stamp) is None
    # As when the SDK read the envelope: a request stamped with no time is not Alexa's.
    with pytest.raises(RequestRejected, match="malformed envelope"):
        app.invoke(envelope)


def test_a_request_without_a_timestamp_is_answered(app: SkillApp) -> None:
    envelope = Device().launch()
    del envelope["request"]["timestamp"]
    assert AlexaRequest(envelope).timestamp is None
    assert alexa_limit_problems(app.invoke(envelope)) == []


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix] if prefix else []
    if isinstance(value, dict):
        for key, child in value.items():
            found += _paths(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found += _paths(child, (*prefix, index))
    return found


def _read_everything(request: AlexaRequest) -> list[Any]:
    return [request.type, request.request_id, request.locale, request.timestamp,
            request.intent_name, request.slot("Exercise"), request.slot("Sign"),
            request.event_arguments, request.status_code, dict(request.payload),
            request.error_type, request.token, request.text("name"), request.session_new,
            request.session_attributes, request.user_id, request.person_id,
            request.device_id, request.api_endpoint, request.api_access_token,
            request.permission_granted(REMINDERS_SCOPE), request.supports_apl,
            request.supports_aplt, request.has_system, request.timestamp_unreadable]


def _granted(envelope: dict[str, Any]) -> dict[str, Any]:
    envelope["context"]["System"]["user"]["permissions"] = {
        "scopes": {REMINDERS_SCOPE: {"status": "GRANTED"}}}
    envelope["context"]["System"]["person"] = {"personId": "amzn1.ask.person.P"}
    envelope["context"]["System"]["apiAccessToken"] = "token"
    return envelope


@pytest.mark.parametrize("envelope", [
    _granted(Device(apl=True, aplt=True).intent("ReportPainIntent",
                                                {"Sign": ("dizzy", "dizzy")})),
    load_event("connections_response_reminders_accepted"),
    load_event("apl_user_event_next"),
    load_event("session_ended_error"),
], ids=["intent", "consent", "user event", "session ended"])
def test_a_wrong_type_anywhere_reads_as_missing_never_a_traceback(
        envelope: dict[str, Any]) -> None:
    for path in _paths(envelope):
        for junk in [*JUNK, DELETED]:
            broken = copy.deepcopy(envelope)
            parent = _parent(broken, path)
            if junk is not DELETED:
                parent[path[-1]] = junk
            elif isinstance(parent, dict):
                del parent[path[-1]]
            _read_everything(AlexaRequest(broken))


DELETED = object()


def _parent(envelope: dict[str, Any], path: tuple[Any, ...]) -> Any:
    node: Any = envelope
    for key in path[:-1]:
        node = node[key]
    return node


def test_what_is_of_the_wrong_type_is_missing() -> None:
    envelope = Device().intent("GuideExerciseIntent", {"Exercise": ("pigeon", "pigeon")})
    envelope["context"]["System"]["user"]["userId"] = 7
    envelope["context"]["System"]["device"] = "an echo"
    envelope["request"]["locale"] = ["en-US"]
    slot = envelope["request"]["intent"]["slots"]["Exercise"]
    slot["value"] = {"words": "pigeon"}
    slot["resolutions"]["resolutionsPerAuthority"][0]["values"][0]["value"] = None
    request = AlexaRequest(envelope)
    assert request.user_id is None and request.device_id is None
    assert request.locale is None and not request.supports_apl
    assert request.slot("Exercise") == (None, None)


def test_a_slot_resolved_without_a_value_is_unresolved_not_an_error(app: SkillApp) -> None:
    # Before the adapter read the dicts itself, this was "something went wrong" (an
    # AttributeError on the SDK's model): a match with no value is no match.
    envelope = Device().intent("GuideExerciseIntent", {"Exercise": ("pigeon", "pigeon")})
    slot = envelope["request"]["intent"]["slots"]["Exercise"]
    del slot["resolutions"]["resolutionsPerAuthority"][0]["values"][0]["value"]
    assert AlexaRequest(envelope).slot("Exercise") == (None, "pigeon")
    response = app.invoke(envelope)
    assert "went wrong" not in response["response"]["outputSpeech"]["ssml"]
