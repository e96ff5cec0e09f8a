"""Requests as Amazon documents them (tests/events/*.json), through the real Lambda handler.

Beside the envelopes synthesised by :class:`~skill.hosts.envelopes.Device`, these are
kept as files in the shapes of Amazon's request reference: a ``Connections.Response``
to the reminders permission (accepted, denied, not answered), a request from a
recognised speaker (``person``), a ``SkillDisabled`` event, and an Echo Show
``LaunchRequest`` with ``Viewport`` and APL in ``supportedInterfaces``. Their
``apiEndpoint`` is pointed at a loopback stand-in: nothing reaches Amazon.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from conftest import Handler, alexa_limit_problems
from events import load_event

from skill.domain.progress import TimeZoneLearned
from skill.domain.ssml import spoken_text
from skill.hosts import lambda_entry
from skill.hosts.envelopes import Device
from skill.hosts.metrics import EVENT_METRICS, NAMESPACE
from skill.store import person_key, user_key
from skill.store.sqlite import SqliteStore
from tests.support.alexa_api import RemindersApi

ACCOUNT = "amzn1.ask.account.AGF3NETIE4MNXNG2Z64Z27RXB6JCK2R62BCPYUZI"
PERSON = "amzn1.ask.person.ORIGINAL-PERSON-ID-0F2C7DFDB7D3C4F5A2AB2B8B"


def event(name: str, endpoint: str) -> dict[str, Any]:
    return load_event(name, endpoint=endpoint, token="test-token")


def speech(response: dict[str, Any]) -> str:
    return spoken_text(response["response"]["outputSpeech"]["ssml"])


def emf_lines(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines() if line.startswith('{"_aws"')]


def test_consent_accepted_sets_the_reminder(lambda_handler: Handler, api: str) -> None:
    response = lambda_handler(event("connections_response_reminders_accepted.json", api), None)
    assert alexa_limit_problems(response) == []
    assert "I'll remind you every day at 8 AM" in speech(response)
    [(method, path, body)] = RemindersApi.reminder_calls()
    assert (method, path) == ("POST", "/v1/alerts/reminders")
    assert body is not None and body["trigger"]["timeZoneId"] == "America/New_York"


def test_consent_denied_is_remembered(lambda_handler: Handler, api: str,
                                      lambda_store: SqliteStore) -> None:
    response = lambda_handler(event("connections_response_reminders_denied.json", api), None)
    assert alexa_limit_problems(response) == []
    assert "won't set a reminder" in speech(response)
    assert RemindersApi.reminder_calls() == []
    lambda_entry.reset()
    state = lambda_store.load(user_key(ACCOUNT)).reminder
    assert state is not None and state.declined_on == "2026-11-16"


def test_consent_not_answered_sets_nothing(lambda_handler: Handler, api: str) -> None:
    response = lambda_handler(
        event("connections_response_reminders_not_answered.json", api), None)
    assert alexa_limit_problems(response) == []
    assert "haven't set a reminder" in speech(response)
    assert RemindersApi.reminder_calls() == []


def test_a_recognised_person_has_their_own_profile(lambda_handler: Handler, api: str,
                                                    lambda_store: SqliteStore) -> None:
    response = lambda_handler(event("launch_with_person.json", api), None)
    assert alexa_limit_problems(response) == []
    assert "Welcome to Release Coach" in speech(response)
    store = lambda_store
    assert store.load(person_key(PERSON)).time_zone == "America/New_York"
    assert store.load(user_key(ACCOUNT)).version == 0  # the account's profile is untouched


def test_skill_disabled_deletes_the_account_and_its_people(
        lambda_handler: Handler, api: str, lambda_store: SqliteStore) -> None:
    lambda_handler(event("launch_with_person.json", api), None)
    lambda_handler(Device(user_id=ACCOUNT, application_id=lambda_entry.app().skill_id or "")
                   .intent("AMAZON.HelpIntent"), None)
    store = lambda_store
    store.save(user_key(ACCOUNT), store.load(user_key(ACCOUNT)), [TimeZoneLearned("UTC")])
    response = lambda_handler(event("skill_disabled.json", api), None)
    assert "outputSpeech" not in response["response"]
    assert store.load(person_key(PERSON)).version == 0
    assert store.load(user_key(ACCOUNT)).version == 0


def test_an_echo_show_launch_is_answered(lambda_handler: Handler, api: str) -> None:
    response = lambda_handler(event("echo_show_launch.json", api), None)
    assert alexa_limit_problems(response) == []
    assert "Welcome to Release Coach" in speech(response)


# ------------------------------------------------------------------ metrics


def test_each_turn_writes_one_emf_line(lambda_handler: Handler, api: str,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    lambda_handler(event("connections_response_reminders_accepted.json", api), None)
    lambda_handler(event("echo_show_launch.json", api), None)
    lines = emf_lines(capsys.readouterr().out)
    assert len(lines) == 2
    first, second = lines
    directive = first["_aws"]["CloudWatchMetrics"][0]
    assert directive["Namespace"] == NAMESPACE and directive["Dimensions"] == [["Service"]]
    names = {metric["Name"] for metric in directive["Metrics"]}
    assert names == {*EVENT_METRICS.values(), "TurnLatency"}
    assert all(name in first for name in names)  # every metric has its value
    assert first["RemindersSet"] == 1 and second["RemindersSet"] == 0
    assert first["TurnLatency"] > 0
    assert isinstance(first["_aws"]["Timestamp"], int)
    text = json.dumps(lines)
    assert "amzn1.ask.account" not in text and "amzn1.ask.device" not in text


def test_store_failures_are_counted(lambda_handler: Handler, api: str,
                                    capsys: pytest.CaptureFixture[str],
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from skill.store import StoreError

    app = lambda_entry.app()

    def broken(*_args: Any, **_kwargs: Any) -> Any:
        raise StoreError("disk on fire")

    monkeypatch.setattr(app.store, "load", broken)
    monkeypatch.setattr(app.store, "save", broken)
    response = lambda_handler(event("echo_show_launch.json", api), None)
    assert alexa_limit_problems(response) == []
    [line] = emf_lines(capsys.readouterr().out)
    assert line["StoreFailures"] >= 1
