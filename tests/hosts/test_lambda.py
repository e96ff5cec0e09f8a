"""Each kind of request through the real Lambda entry point, with genuine envelopes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from conftest import Handler, alexa_limit_problems

from skill.alexa.app import RequestRejected
from skill.domain.ssml import spoken_text
from skill.hosts import lambda_entry
from skill.hosts.envelopes import LOCAL_SKILL_ID, Device
from skill.store import user_key

ROOT = Path(__file__).resolve().parents[2]


def speech(response: dict[str, Any]) -> str:
    return spoken_text(response["response"]["outputSpeech"]["ssml"])


def test_launch_through_lambda(lambda_handler: Handler) -> None:
    response = lambda_handler(Device().launch(), None)
    assert alexa_limit_problems(response) == []
    assert "Welcome to Release Coach" in speech(response)


@pytest.mark.parametrize("intent", [
    "StartRoutineIntent", "TodaysRoutineIntent", "GuideExerciseIntent", "AMAZON.NextIntent",
    "SkipIntent", "AMAZON.RepeatIntent", "AMAZON.PauseIntent", "AMAZON.ResumeIntent",
    "AMAZON.StartOverIntent", "AMAZON.YesIntent", "AMAZON.NoIntent", "AMAZON.HelpIntent",
    "AMAZON.StopIntent", "AMAZON.CancelIntent", "AMAZON.NavigateHomeIntent",
    "AMAZON.FallbackIntent", "ReportPainIntent", "ProgressSummaryIntent", "StreakIntent",
    "SessionCountIntent", "MinutesPractisedIntent", "LastSessionIntent", "ProgramWeekIntent",
    "WhereLeftOffIntent", "DeleteProgressIntent",
])
def test_every_intent_answers_in_a_fresh_session_and_mid_routine(
        lambda_handler: Handler, intent: str) -> None:
    cold = lambda_handler(Device(user_id="amzn1.ask.account.cold").intent(intent), None)
    assert alexa_limit_problems(cold) == [] and speech(cold)
    device = Device()
    device.take(lambda_handler(device.launch(), None))
    device.take(lambda_handler(device.intent("AMAZON.YesIntent"), None))
    warm = lambda_handler(device.intent(intent), None)
    assert alexa_limit_problems(warm) == [] and speech(warm)


def test_a_request_for_another_skill_is_refused_before_any_handler(
        lambda_handler: Handler) -> None:
    stranger = Device(application_id="amzn1.ask.skill.someone-else")
    with pytest.raises(RequestRejected, match="application id"):
        lambda_handler(stranger.launch(), None)
    assert lambda_entry.app().store.load(user_key(stranger.user_id)).version == 0
    accepted = lambda_handler(Device().launch(), None)
    assert "Welcome" in speech(accepted)


@pytest.mark.parametrize("event", [
    {}, {"version": "1.0"}, {"request": "nope"},
    {"context": {"System": {"application": {"applicationId": LOCAL_SKILL_ID}}},
     "request": {"type": 7}},
    {"version": "1.0", "context": {"System": {"application": {"applicationId": LOCAL_SKILL_ID}}},
     "request": {"type": "IntentRequest", "intent": "not-an-object"}},
])
def test_malformed_envelopes_get_a_spoken_answer_not_a_traceback(
        lambda_handler: Handler, event: dict[str, Any]) -> None:
    response = lambda_handler(event, None)
    assert alexa_limit_problems(response) == []
    assert "Sorry" in speech(response)


@pytest.mark.parametrize("request_type", [
    "AudioPlayer.PlaybackStarted", "PlaybackController.PlayCommandIssued",
    "Connections.Response", "Alexa.Presentation.APL.UserEvent",
    "System.ExceptionEncountered", "Messaging.MessageReceived",
])
def test_other_request_types_get_an_empty_valid_response(
        lambda_handler: Handler, request_type: str) -> None:
    device = Device()
    envelope = device.envelope({"type": request_type, "requestId": "r-1",
                                "timestamp": "2026-11-21T10:00:00Z", "locale": "en-US"})
    response = lambda_handler(envelope, None)
    assert "outputSpeech" not in response["response"]


def test_can_fulfill_intent_request(lambda_handler: Handler) -> None:
    device = Device()
    envelope = device.envelope({"type": "CanFulfillIntentRequest", "requestId": "r-2",
                                "timestamp": "2026-11-21T10:00:00Z", "locale": "en-US",
                                "intent": {"name": "GuideExerciseIntent", "slots": {}}},
                               in_session=False)
    response = lambda_handler(envelope, None)
    assert response["response"]["canFulfillIntent"]["canFulfill"] == "YES"


def test_a_cold_start_without_skill_id_in_aws_logs_an_error(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv("SKILL_ID", raising=False)
    monkeypatch.delenv("TABLE_NAME", raising=False)
    monkeypatch.setenv("AWS_LAMBDA_FUNCTION_NAME", "release-coach")
    monkeypatch.setenv("RELEASE_COACH_STORE", str(tmp_path / "x.sqlite3"))
    lambda_entry.reset()
    lambda_entry.app()
    lambda_entry.reset()
    logged = [json.loads(line) for line in capsys.readouterr().err.splitlines()]
    assert any(e["level"] == "ERROR" and "SKILL_ID is not set" in e["message"] for e in logged)


def test_logs_never_carry_user_or_device_ids(
        lambda_handler: Handler, capsys: pytest.CaptureFixture[str]) -> None:
    device = Device(user_id="amzn1.ask.account.SECRET-USER-123",
                    device_id="amzn1.ask.device.SECRET-DEVICE-456")
    device.take(lambda_handler(device.launch(), None))
    lambda_handler(device.intent("AMAZON.YesIntent"), None)
    logged = capsys.readouterr().err
    assert "LaunchRequest" in logged
    assert "SECRET-USER" not in logged and "SECRET-DEVICE" not in logged


def test_lambda_module_holds_only_wiring() -> None:
    source = (ROOT / "lambda" / "lambda_function.py").read_text()
    assert "def lambda_handler" in source and len(source.splitlines()) < 20
