"""Alexa's own APIs are reached only when a turn calls one: no client is built otherwise,
and neither ``requests`` nor ``dateutil``'s parser is imported by a cold start's first turn."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from ask_sdk_model.services.api_configuration import ApiConfiguration
from conftest import Conversation

from skill.alexa import alexa_apis
from skill.alexa.app import build_app
from skill.hosts.envelopes import LOCAL_SKILL_ID, Device
from skill.store.sqlite import SqliteStore
from tests.support.alexa_api import API_TOKEN, GrantedEcho, RemindersApi

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def configurations(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Every API configuration the service clients are built with, as it is built."""
    built: list[Any] = []

    def counted(**fields: Any) -> Any:
        built.append(fields)
        return ApiConfiguration(**fields)

    monkeypatch.setattr(alexa_apis, "ApiConfiguration", counted)
    return built


def test_a_turn_that_calls_no_api_builds_no_client(store: SqliteStore,
                                                   configurations: list[Any]) -> None:
    talk = Conversation(build_app(store))  # the real settings API look-up
    talk.routine()  # no API token in these requests: nothing to call
    assert configurations == []


def test_the_settings_api_is_asked_once_a_session(store: SqliteStore, api: str,
                                                  configurations: list[Any]) -> None:
    talk = Conversation(build_app(store), GrantedEcho(endpoint=api))
    talk.launch()
    talk.say("AMAZON.YesIntent")
    talk.say("AMAZON.NoIntent")
    assert [c["api_endpoint"] for c in configurations] == [api]
    assert configurations[0]["authorization_value"] == API_TOKEN
    assert [path for _, path, _ in RemindersApi.calls] == [
        "/v2/devices/amzn1.ask.device.LOCAL-DEVICE/settings/System.timeZone"]


def test_requests_and_the_date_parser_wait_for_the_turn_that_needs_them(tmp_path: Path) -> None:
    code = ("import json, sys; sys.path[:0] = [sys.argv[1] + '/lambda', sys.argv[1]]\n"
            "import lambda_function\n"
            "response = lambda_function.lambda_handler(json.loads(sys.stdin.read()), None)\n"
            "assert response['response']['outputSpeech']['ssml']\n"
            "print(sorted(m for m in ('requests', 'dateutil.parser') if m in sys.modules))")
    launch = Device().launch()
    launch["context"]["System"]["apiAccessToken"] = "token"  # and so a look-up would be made
    del launch["context"]["System"]["apiEndpoint"]  # ... but for this: nowhere to ask
    env = {"PATH": "/usr/bin:/bin", "SKILL_ID": LOCAL_SKILL_ID, "LOG_LEVEL": "CRITICAL",
           "RELEASE_COACH_STORE": str(tmp_path / "cold.sqlite3")}
    result = subprocess.run([sys.executable, "-c", code, str(ROOT)], input=json.dumps(launch),
                            capture_output=True, text=True, timeout=120, check=True, env=env)
    # The last line: the turn's metrics come before it on stdout.
    assert result.stdout.strip().splitlines()[-1] == "[]", result.stderr[-2000:]
