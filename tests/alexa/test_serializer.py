"""The request serializer reads Alexa's timestamps as the SDK's own parser does, only faster."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from ask_sdk_core.serialize import DefaultSerializer
from ask_sdk_model.request_envelope import RequestEnvelope
from events import event_names, load_event

from skill.alexa.app import FastSerializer
from skill.hosts.envelopes import Device


@pytest.mark.parametrize("stamp", ["2026-11-16T07:30:00Z", "2026-11-16T07:30:00.123Z",
                                   "2026-03-29T01:59:59+00:00", "2026-11-16T23:59:59-05:00"])
def test_timestamps_read_as_the_sdk_reads_them(stamp: str) -> None:
    envelope = Device().launch()
    envelope["request"]["timestamp"] = stamp
    text = json.dumps(envelope)
    fast = FastSerializer().deserialize(text, RequestEnvelope)
    slow = DefaultSerializer().deserialize(text, RequestEnvelope)
    assert fast.request.timestamp == slow.request.timestamp
    assert fast.request.timestamp.utcoffset() is not None


def test_odd_timestamps_fall_back_to_the_sdks_parser() -> None:
    envelope = Device().launch()
    envelope["request"]["timestamp"] = "16 Nov 2026 07:30 UTC"
    parsed = FastSerializer().deserialize(json.dumps(envelope), RequestEnvelope)
    assert parsed.request.timestamp == datetime(2026, 11, 16, 7, 30, tzinfo=UTC)


@pytest.mark.parametrize("name", event_names())
def test_every_recorded_envelope_reads_as_the_sdk_reads_it(name: str) -> None:
    # The same model objects, attribute for attribute, as the SDK's own serializer makes,
    # and the same response when they are written back (the SDK's models compare by value).
    envelope = load_event(name)
    fast = FastSerializer().deserialize_dict(envelope, RequestEnvelope)
    slow = DefaultSerializer().deserialize(json.dumps(envelope), RequestEnvelope)
    assert fast == slow
    assert FastSerializer().serialize(fast) == DefaultSerializer().serialize(slow)
