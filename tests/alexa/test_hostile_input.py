"""Hostile or broken requests through the whole web service: never a 5xx, never a huge log line.

Each request goes through the real skill on a throwaway store, behind the same Flask app
``serve`` builds (insecure-dev, so no signatures are needed; the skill id is checked).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import alexa_limit_problems
from flask.testing import FlaskClient

from skill.alexa.app import SkillApp, build_app
from skill.domain.ssml import problems, spoken_text
from skill.hosts.envelopes import LOCAL_SKILL_ID, Device
from skill.hosts.logs import configure_logging
from skill.hosts.web.app import create_app, skill_invoke
from skill.hosts.web.verifier import build_verifiers
from skill.store.sqlite import SqliteStore

# A single log line longer than this is a log line an attacker chose the size of.
MAX_LINE_CHARS = 8 * 1024


@pytest.fixture
def skill(tmp_path: Path) -> Iterator[SkillApp]:
    store = SqliteStore(tmp_path / "hostile.sqlite3")
    yield build_app(store, skill_id=LOCAL_SKILL_ID, time_zone_lookup=lambda _request: None)
    store.close()


@pytest.fixture
def client(skill: SkillApp) -> FlaskClient:

    verifiers = build_verifiers(LOCAL_SKILL_ID, insecure_dev=True)
    return create_app(skill_invoke(skill), verifiers, insecure_dev=True).test_client()


def post(client: FlaskClient, envelope: dict[str, Any]) -> Any:
    return client.post("/", data=json.dumps(envelope), content_type="application/json")


def nested(depth: int) -> dict[str, Any]:
    value: dict[str, Any] = {"leaf": 1}
    for _ in range(depth - 1):
        value = {"a": value}
    return value


def log_to_captured_stderr() -> None:
    """What ``serve`` sets up; called in the test, once capsys has replaced sys.stderr."""
    configure_logging("INFO", libraries=True)


def assert_log_is_sane(stderr: str) -> None:
    lines = stderr.splitlines()
    assert lines
    for line in lines:
        assert len(line) <= MAX_LINE_CHARS, f"{len(line)} chars: {line[:300]}"
        try:
            entry = json.loads(line)
        except ValueError:
            pytest.fail(f"not JSON: {stderr[:3000]!r}")
        assert isinstance(entry, dict)


def test_deeply_nested_session_attributes_get_an_answer(
        client: FlaskClient, capsys: pytest.CaptureFixture[str]) -> None:
    # Before: HTTP 500 (RecursionError in the SDK's copy) and a 165 KB traceback in the log.
    log_to_captured_stderr()
    device = Device()
    post(client, device.launch())
    envelope = device.intent("AMAZON.HelpIntent")
    envelope["session"]["attributes"] = {"mode": "idle", "junk": nested(600)}
    assert len(json.dumps(envelope)) < 10_000
    response = post(client, envelope)
    assert response.status_code == 200, response.get_data()[:300]
    assert alexa_limit_problems(response.get_json()) == []
    assert_log_is_sane(capsys.readouterr().err)


def test_huge_session_attributes_get_an_answer(client: FlaskClient) -> None:
    device = Device()
    envelope = device.intent("AMAZON.HelpIntent")
    envelope["session"]["new"] = False
    envelope["session"]["attributes"] = {"junk": ["x" * 1000] * 150}
    response = post(client, envelope)
    assert response.status_code == 200
    assert alexa_limit_problems(response.get_json()) == []
    assert "junk" not in (response.get_json().get("sessionAttributes") or {})


def test_a_deeply_nested_envelope_is_refused_not_crashed(client: FlaskClient) -> None:
    envelope = Device().launch()
    envelope["context"]["Other"] = nested(300)
    response = post(client, envelope)
    assert response.status_code == 400
    assert "nested" in response.get_json()["error"]


def test_a_huge_request_id_does_not_make_a_huge_log_line(
        client: FlaskClient, capsys: pytest.CaptureFixture[str]) -> None:
    # Before: the skill's own line carried the whole 100 KB id.
    log_to_captured_stderr()
    envelope = Device().launch()
    envelope["request"]["requestId"] = "amzn1.echo-api.request." + "9" * 100_000
    envelope["request"]["intent"] = {"name": "N" * 50_000}
    response = post(client, envelope)
    assert response.status_code == 200
    assert_log_is_sane(capsys.readouterr().err)


@pytest.mark.parametrize("heard", [
    "butter\x00fly", "pig\x08eon \x1b[31m", "bridge \ud800", "\udfff\x0c\x7f\x85 cobra",
    "\ufffe\uffff",
])
def test_unspeakable_characters_in_a_slot_never_reach_the_ssml(client: FlaskClient,
                                                               heard: str) -> None:
    # Before: a 200 whose SSML was not well-formed XML, which Alexa rejects.
    device = Device()
    envelope = device.intent("GuideExerciseIntent", {"Exercise": (heard, None)})
    response = post(client, envelope)
    assert response.status_code == 200
    body = response.get_json()
    ssml = body["response"]["outputSpeech"]["ssml"]
    assert problems(ssml) == []
    assert alexa_limit_problems(body) == []
    printable = "".join(c for c in heard if c.isprintable() and not 0xD800 <= ord(c) <= 0xDFFF
                        and c not in "\ufffe\uffff").strip()
    if printable:
        assert printable.split()[0] in spoken_text(ssml)


def test_same_bounds_on_every_host(skill: SkillApp) -> None:
    """SkillApp.invoke is what Lambda and the console call too."""
    device = Device()
    envelope = device.intent("AMAZON.HelpIntent")
    envelope["session"]["attributes"] = nested(900)
    response = skill.invoke(envelope)
    assert alexa_limit_problems(response) == []
