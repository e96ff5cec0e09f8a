"""Daily reminders, end to end: what Alexa says, what the Reminders API receives, what is kept.

The Reminders API and the settings API are loopback stand-ins (tests/support/alexa_api.py) with
the shapes of Amazon's reference; the skill reaches them through the SDK's own client.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from conftest import Conversation

from skill.alexa.app import SkillApp, build_app
from skill.alexa.reminders import REMINDERS_SCOPE
from skill.domain.progress import Profile, ReminderChanged, SessionCompleted, SessionRecord, apply
from skill.domain.reminders import (
    ReminderState,
    first_occurrence,
    may_ask_permission,
    offered,
    parse_time,
    reminder_text,
    should_offer_reminder,
    spoken_time,
)
from skill.hosts.envelopes import Device
from skill.store import user_key
from skill.store.sqlite import SqliteStore
from tests.support.alexa_api import API_TOKEN, RemindersApi

# Monday 16 November 2026, 07:30 UTC: 02:30 in New York.
START = datetime(2026, 11, 16, 7, 30, tzinfo=UTC)


class ApiDevice(Device):
    """An Echo whose requests carry an API endpoint and token, and the reminders grant."""

    endpoint: str = ""
    granted: bool = True
    person_id: str | None = None

    def envelope(self, request: dict[str, Any], *, in_session: bool = True) -> dict[str, Any]:
        body = super().envelope(request, in_session=in_session)
        system = body["context"]["System"]
        system["apiEndpoint"] = self.endpoint
        system["apiAccessToken"] = API_TOKEN
        if self.granted:
            # As Alexa sends a granted permission: a consent token and the scope's status.
            system["user"]["permissions"] = {
                "consentToken": "consent-token",
                "scopes": {REMINDERS_SCOPE: {"status": "GRANTED"}}}
        if self.person_id:
            system["person"] = {"personId": self.person_id}
        return body

    def consent(self, status: str, token: str, now: datetime, code: str = "200") -> dict[
            str, Any]:
        """Alexa's ``Connections.Response`` to the ``AskFor`` permission request."""
        return self.envelope({
            "type": "Connections.Response", "requestId": "amzn1.echo-api.request.consent",
            "timestamp": now.strftime("%Y-%m-%dT%H:%M:%SZ"), "locale": self.locale,
            "name": "AskFor", "status": {"code": code, "message": "OK"}, "token": token,
            "payload": {"permissionScope": REMINDERS_SCOPE, "status": status},
        })


@pytest.fixture
def app(store: SqliteStore) -> SkillApp:
    return build_app(store)  # the real settings API look-up, against the stand-in


class ApiConversation(Conversation):
    device: ApiDevice


def talk_with(app: SkillApp, api: str, *, granted: bool = True,
              now: datetime = START) -> ApiConversation:
    device = ApiDevice()
    device.endpoint, device.granted = api, granted
    return ApiConversation(app, device, now=now)


def remind(talk: Conversation, at: str | None, intent: str = "SetReminderIntent") -> str:
    return talk.say(intent, **({"Time": (at, None)} if at else {}))


def stored(store: SqliteStore, talk: Conversation) -> ReminderState | None:
    return store.load(user_key(talk.device.user_id)).reminder


def directives(response: dict[str, Any]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = response["response"].get("directives") or []
    return found


# ------------------------------------------------------------------ set, change, cancel


def test_a_daily_reminder_is_created_in_local_time_and_the_time_restated(
        store: SqliteStore, app: SkillApp, api: str) -> None:
    talk = talk_with(app, api)
    answer = talk.one_shot("SetReminderIntent", Time=("08:00", None))
    assert "I'll remind you every day at 8 AM" in answer
    [(method, path, body)] = RemindersApi.reminder_calls()
    assert (method, path) == ("POST", "/v1/alerts/reminders")
    assert body is not None
    trigger = body["trigger"]
    assert trigger["type"] == "SCHEDULED_ABSOLUTE"
    # Local time in the device's zone, with no zone suffix: 08:00 on Monday in New York.
    assert trigger["scheduledTime"] == "2026-11-16T08:00:00"
    assert trigger["timeZoneId"] == "America/New_York"
    assert trigger["recurrence"] == {"freq": "DAILY"}
    assert body["alertInfo"]["spokenInfo"]["content"] == [
        {"locale": "en-US", "text": "Time for your stretch routine"}]
    assert body["pushNotification"] == {"status": "ENABLED"}
    token = next(iter(RemindersApi.reminders))
    assert stored(store, talk) == ReminderState(at="08:00", alert_token=token)


def test_the_reminder_text_names_no_health_topic_and_not_the_skill() -> None:
    words = reminder_text().lower()
    for word in ("pelvic", "kegel", "floor", "release", "coach", "pain", "health",
                 "therapy", "physio", "medical", "hip"):
        assert word not in words


def test_setting_changing_checking_and_cancelling(
        store: SqliteStore, app: SkillApp, api: str, caplog: pytest.LogCaptureFixture) -> None:
    talk = talk_with(app, api)
    assert "every day at 8 AM" in talk.one_shot("SetReminderIntent", Time=("08:00", None))
    token = next(iter(RemindersApi.reminders))

    answer = talk.one_shot("ChangeReminderIntent", Time=("19:00", None))
    assert "now at 7 PM" in answer
    method, path, body = RemindersApi.reminder_calls()[-1]
    assert (method, path) == ("PUT", f"/v1/alerts/reminders/{token}")
    assert body is not None and body["trigger"]["scheduledTime"] == "2026-11-16T19:00:00"
    assert len(RemindersApi.reminders) == 1  # moved, not a second reminder
    assert stored(store, talk) == ReminderState(at="19:00", alert_token=token)

    assert "set for 7 PM" in talk.one_shot("ReminderStatusIntent")
    assert RemindersApi.reminder_calls()[-1][:2] == ("GET", f"/v1/alerts/reminders/{token}")
    assert "failed" not in caplog.text  # Alexa's answer was read as "it is there"

    assert talk.one_shot("CancelReminderIntent") == "Shall I cancel your daily reminder at 7 PM?"
    assert "cancelled your daily reminder at 7 PM" in talk.say("AMAZON.YesIntent")
    assert RemindersApi.reminder_calls()[-1][:2] == ("DELETE", f"/v1/alerts/reminders/{token}")
    assert RemindersApi.reminders == {}
    assert stored(store, talk) == ReminderState()
    assert "don't have a daily reminder" in talk.one_shot("ReminderStatusIntent")
    assert "nothing to cancel" in talk.one_shot("CancelReminderIntent")


def test_a_reminder_deleted_in_the_alexa_app_is_noticed(
        store: SqliteStore, app: SkillApp, api: str) -> None:
    talk = talk_with(app, api)
    talk.one_shot("SetReminderIntent", Time=("07:30", None))
    RemindersApi.reminders.clear()  # the user deleted it in the Alexa app
    answer = talk.one_shot("ReminderStatusIntent")
    assert "isn't there any more" in answer and "7:30 AM" in answer
    assert stored(store, talk) == ReminderState()
    # Setting it again makes a new one.
    assert "I'll remind you every day at 7:30 AM" in \
        talk.one_shot("SetReminderIntent", Time=("07:30", None))
    assert [c[0] for c in RemindersApi.reminder_calls()] == ["POST", "GET", "POST"]


def test_change_recreates_a_reminder_that_vanished(
        store: SqliteStore, app: SkillApp, api: str) -> None:
    talk = talk_with(app, api)
    talk.one_shot("SetReminderIntent", Time=("08:00", None))
    RemindersApi.reminders.clear()
    answer = talk.one_shot("ChangeReminderIntent", Time=("21:15", None))
    assert "I'll remind you every day at 9:15 PM" in answer
    assert [c[0] for c in RemindersApi.reminder_calls()] == ["POST", "PUT", "POST"]
    state = stored(store, talk)
    assert state is not None and state.at == "21:15" and state.alert_token in \
        RemindersApi.reminders


def test_without_a_time_alexa_asks_for_one_and_keeps_listening(
        store: SqliteStore, app: SkillApp, api: str) -> None:
    talk = talk_with(app, api)
    answer = talk.one_shot("SetReminderIntent")
    assert "What time each day" in answer
    assert talk.session_open
    assert RemindersApi.reminder_calls() == []
    answer = talk.say("SetReminderIntent", Time=("EV", None))  # "in the evening"
    assert "What time in the evening" in answer and "7 PM" in answer
    answer = talk.say("SetReminderIntent", Time=("19:30", None))
    assert "every day at 7:30 PM" in answer
    assert not talk.session_open


def test_a_time_already_past_today_starts_tomorrow(
        store: SqliteStore, app: SkillApp, api: str) -> None:
    talk = talk_with(app, api, now=datetime(2026, 11, 16, 20, 0, tzinfo=UTC))  # 15:00 NY
    talk.one_shot("SetReminderIntent", Time=("09:00", None))
    body = RemindersApi.reminder_calls()[-1][2]
    assert body is not None and body["trigger"]["scheduledTime"] == "2026-11-17T09:00:00"


def test_setting_a_reminder_mid_routine_carries_on_with_the_routine(
        store: SqliteStore, app: SkillApp, api: str) -> None:
    talk = talk_with(app, api)
    talk.launch()
    talk.say("AMAZON.YesIntent")
    talk.say("AMAZON.NoIntent")  # the first-use safety questions; round 1 follows
    answer = talk.say("SetReminderIntent", Time=("08:00", None))
    assert "every day at 8 AM" in answer and "say next" in answer.lower()
    assert talk.session_open
    assert "round 2 of 2" in talk.say("AMAZON.NextIntent").lower()


# ------------------------------------------------------------------ the permission


def test_without_permission_alexa_asks_by_voice_and_nothing_is_created(
        store: SqliteStore, app: SkillApp, api: str) -> None:
    talk = talk_with(app, api, granted=False)
    response = talk.send(talk.device.intent("SetReminderIntent", {"Time": ("08:00", None)},
                                            now=talk.now))
    [directive] = directives(response)
    assert directive == {
        "type": "Connections.SendRequest", "name": "AskFor",
        "payload": {"@type": "AskForPermissionsConsentRequest", "@version": "2",
                    "permissionScopes": [{"permissionScope": REMINDERS_SCOPE,
                                          "consentLevel": "ACCOUNT"}]},
        "token": "reminder@08:00"}
    # Alexa speaks the permission prompt itself: the skill adds no speech or reprompt.
    assert "outputSpeech" not in response["response"]
    assert "reprompt" not in response["response"]
    assert RemindersApi.reminder_calls() == []
    assert stored(store, talk) is None


def test_consent_accepted_sets_the_reminder_asked_for(
        store: SqliteStore, app: SkillApp, api: str) -> None:
    talk = talk_with(app, api, granted=False)
    talk.one_shot("SetReminderIntent", Time=("08:00", None))
    talk.device.granted = True  # Alexa's next request carries the grant
    response = talk.send(talk.device.consent("ACCEPTED", "reminder@08:00", talk.now))
    assert "I'll remind you every day at 8 AM" in talk.speech_of(response)
    assert len(RemindersApi.reminders) == 1
    state = stored(store, talk)
    assert state is not None and state.at == "08:00"


def test_consent_denied_is_remembered_and_not_asked_again_for_a_week(
        store: SqliteStore, app: SkillApp, api: str) -> None:
    talk = talk_with(app, api, granted=False)
    talk.one_shot("SetReminderIntent", Time=("08:00", None))
    response = talk.send(talk.device.consent("DENIED", "reminder@08:00", talk.now))
    assert "won't set a reminder" in talk.speech_of(response)
    assert "Alexa app" in talk.speech_of(response)
    state = stored(store, talk)
    assert state is not None and state.declined_on == "2026-11-16" and not state.is_set

    talk.later(days=6)
    response = talk.send(talk.device.intent("SetReminderIntent", {"Time": ("08:00", None)},
                                            now=talk.now))
    assert directives(response) == []
    assert "won't ask for the permission again" in talk.speech_of(response)
    assert response["response"]["card"] == {"type": "AskForPermissionsConsent",
                                             "permissions": [REMINDERS_SCOPE]}

    talk.later(days=1)  # a week after the no
    response = talk.send(talk.device.intent("SetReminderIntent", {"Time": ("08:00", None)},
                                            now=talk.now))
    assert [d["type"] for d in directives(response)] == ["Connections.SendRequest"]
    assert RemindersApi.reminder_calls() == []


def test_consent_not_answered_sets_nothing_and_is_not_a_no(
        store: SqliteStore, app: SkillApp, api: str) -> None:
    talk = talk_with(app, api, granted=False)
    talk.one_shot("SetReminderIntent", Time=("08:00", None))
    response = talk.send(talk.device.consent("NOT_ANSWERED", "reminder@08:00", talk.now))
    assert "haven't set a reminder" in talk.speech_of(response)
    assert stored(store, talk) is None
    talk.later(minutes=5)
    response = talk.send(talk.device.intent("SetReminderIntent", {"Time": ("08:00", None)},
                                            now=talk.now))
    assert [d["type"] for d in directives(response)] == ["Connections.SendRequest"]


def test_a_device_that_cannot_ask_by_voice_gets_the_card(
        store: SqliteStore, app: SkillApp, api: str) -> None:
    talk = talk_with(app, api, granted=False)
    talk.one_shot("SetReminderIntent", Time=("08:00", None))
    response = talk.send(talk.device.consent("NOT_ANSWERED", "reminder@08:00", talk.now,
                                             code="400"))
    assert "sent a card to the Alexa app" in talk.speech_of(response)
    assert response["response"]["card"]["type"] == "AskForPermissionsConsent"
    assert RemindersApi.reminder_calls() == []


# ------------------------------------------------------------------ the API failing


@pytest.mark.parametrize("status", [401, 403])
def test_a_revoked_permission_is_explained_with_a_pointer_to_the_alexa_app(
        store: SqliteStore, app: SkillApp, api: str, status: int) -> None:
    talk = talk_with(app, api)
    RemindersApi.fail_with = status
    response = talk.send(talk.device.intent("SetReminderIntent", {"Time": ("08:00", None)},
                                            now=talk.now))
    speech = talk.speech_of(response)
    assert "permission for Release Coach seems to have been turned off" in speech
    assert "Alexa app" in speech
    assert response["response"]["card"]["type"] == "AskForPermissionsConsent"
    assert stored(store, talk) is None


@pytest.mark.parametrize("status", [429, 500, 503])
def test_a_busy_or_failing_api_gets_a_clear_answer_and_nothing_is_kept(
        store: SqliteStore, app: SkillApp, api: str, status: int) -> None:
    talk = talk_with(app, api)
    RemindersApi.fail_with = status
    answer = talk.one_shot("SetReminderIntent", Time=("08:00", None))
    assert "couldn't set your reminder right now" in answer
    assert stored(store, talk) is None


@pytest.mark.parametrize("status", [429, 500])
def test_cancelling_during_an_outage_keeps_the_reminder_known(
        store: SqliteStore, app: SkillApp, api: str, status: int) -> None:
    talk = talk_with(app, api)
    talk.one_shot("SetReminderIntent", Time=("08:00", None))
    RemindersApi.fail_with = status
    talk.one_shot("CancelReminderIntent")
    assert "couldn't cancel your reminder right now" in talk.say("AMAZON.YesIntent")
    state = stored(store, talk)
    assert state is not None and state.at == "08:00"


def test_an_unreachable_api_is_a_clear_answer_too(store: SqliteStore, app: SkillApp) -> None:
    talk = talk_with(app, "https://127.0.0.1:9")  # nothing listens on the discard port
    assert "couldn't set your reminder right now" in \
        talk.one_shot("SetReminderIntent", Time=("08:00", None))


def test_the_reminder_set_event_is_reported(app: SkillApp, api: str) -> None:
    reports: list[dict[str, Any]] = []
    app.on_record = reports.append
    talk = talk_with(app, api)
    talk.one_shot("SetReminderIntent", Time=("08:00", None))
    assert reports[-1]["events"] == ["reminder_set"]
    RemindersApi.fail_with = 500
    talk.one_shot("SetReminderIntent", Time=("09:00", None))
    assert reports[-1]["events"] == []


# ------------------------------------------------------------------ the rules, pure


@pytest.mark.parametrize(("value", "expected"), [
    ("08:00", time(8)), ("7:05", time(7, 5)), ("19:30", time(19, 30)), ("00:00", time(0)),
    ("EV", None), ("MO", None), ("25:00", None), ("8 pm", None), ("", None), (None, None),
])
def test_alexa_times_are_read(value: str | None, expected: time | None) -> None:
    assert parse_time(value) == expected


@pytest.mark.parametrize(("at", "said"), [
    (time(8), "8 AM"), (time(19, 30), "7:30 PM"), (time(12), "noon"), (time(0), "midnight"),
    (time(0, 15), "12:15 AM"), (time(12, 5), "12:05 PM"),
])
def test_times_are_said_back_naturally(at: time, said: str) -> None:
    assert spoken_time(at) == said


def test_first_occurrence_has_no_zone_and_is_never_in_the_past() -> None:
    now = datetime(2026, 3, 8, 1, 59, tzinfo=UTC)
    assert first_occurrence(time(2), now) == datetime(2026, 3, 8, 2, 0)
    assert first_occurrence(time(1, 59), now) == datetime(2026, 3, 9, 1, 59)
    assert first_occurrence(time(2), now).tzinfo is None


def test_no_is_respected_for_seven_days() -> None:
    state = ReminderState(declined_on="2026-11-16")
    assert not may_ask_permission(state, date(2026, 11, 22))
    assert may_ask_permission(state, date(2026, 11, 23))
    assert may_ask_permission(ReminderState(), date(2026, 11, 16))


def _sessions(count: int) -> Profile:
    records = [SessionCompleted(SessionRecord(
        id=f"r{n}", on=f"2026-11-{10 + n}", finished_at=f"2026-11-{10 + n}T08:00:00+00:00",
        plan="daily", week=1, title="Week 1 daily routine", seconds=360, steps_done=3))
        for n in range(count)]
    return apply(Profile(), list(records))


def test_the_offer_comes_after_the_third_session_once_and_never_nags() -> None:
    today = date(2026, 11, 20)
    assert not should_offer_reminder(_sessions(2), today)
    third = _sessions(3)
    assert should_offer_reminder(third, today)
    after_offer = apply(third, [ReminderChanged(offered(third, today))])
    assert not should_offer_reminder(after_offer, today)
    assert not should_offer_reminder(after_offer, today + timedelta(days=60))
    with_reminder = apply(third, [ReminderChanged(ReminderState(at="08:00", alert_token="t"))])
    assert not should_offer_reminder(with_reminder, today)
    refused = apply(third, [ReminderChanged(ReminderState(declined_on="2026-11-18"))])
    assert not should_offer_reminder(refused, today)


@pytest.mark.parametrize("raw", [
    None, "08:00", {"at": 8}, {"at": "8 am"}, {"at": "08:00", "alert_token": ""},
    {"declined_on": "last week"}, {"offered_on": 20261116}, {"alert_token": "x" * 500},
])
def test_stored_reminder_state_is_checked_not_trusted(raw: object) -> None:
    assert ReminderState.parse(raw) is None
    profile = Profile.from_dict({"sessions": 2, "reminder": raw})
    assert profile.reminder is None and profile.sessions == 2


def test_reminder_state_round_trips_through_the_profile() -> None:
    state = ReminderState(at="07:45", alert_token="abc", declined_on=None,
                          offered_on="2026-11-16")
    profile = apply(Profile(), [ReminderChanged(state)])
    assert Profile.from_dict(profile.to_dict()).reminder == state
    assert re.fullmatch(r"\d\d:\d\d", state.at or "")


def test_metrics_stay_off_the_cold_start_import_path() -> None:
    # The Lambda artifact has no bytecode, so every module imported at cold start is also
    # compiled then: the metrics wait for the turn that needs them. (The reminder logic is
    # a part of the dialogue table now, imported like every other row: no import is
    # hidden inside a function in skill/alexa.)
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    code = ("import sys; sys.path[:0] = [sys.argv[1] + '/lambda', sys.argv[1]]\n"
            "import lambda_function\n"
            "loaded = [m for m in sys.modules\n"
            "          if m.endswith('hosts.metrics')]\n"
            "print(loaded)")
    result = subprocess.run([sys.executable, "-c", code, str(root)], capture_output=True,
                            text=True, timeout=120, check=True)
    assert result.stdout.strip() == "[]"


def test_the_offer_comes_once_after_the_third_session_and_a_yes_sets_it_up(
        store: SqliteStore, app: SkillApp, api: str) -> None:
    talk = talk_with(app, api)
    for _ in range(2):
        assert "daily reminder" not in " ".join(talk.routine())
        talk.later(days=1)
    talk.launch()
    talk.say("AMAZON.YesIntent")
    while talk.device.attributes.get("mode") != "feel_check":
        talk.say("AMAZON.NextIntent")
    offer = talk.say("FeelingGoodIntent")
    assert offer.endswith("I can set a daily reminder for the same time each day. Would you "
                          "like a daily reminder to practice?") and talk.session_open
    assert "What time each day" in talk.say("AMAZON.YesIntent")
    answer = talk.say("SetReminderIntent", Time=("08:00", None))
    assert answer.startswith("Done. I'll remind you every day at 8 AM.")
    assert not talk.session_open  # the offer is not repeated in a reprompt
    talk.later(days=1)
    assert "daily reminder" not in " ".join(talk.routine())  # never offered again
