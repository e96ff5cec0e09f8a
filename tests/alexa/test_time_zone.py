"""Days and streaks follow the user's own calendar, read from the Alexa settings API."""

from __future__ import annotations

import json
import ssl
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

import pytest
from conftest import Conversation

from skill.alexa.app import build_app
from skill.domain.progress import TimeZoneLearned
from skill.hosts.envelopes import Device
from skill.store import user_key
from skill.store.sqlite import SqliteStore
from tests.support.alexa_api import self_signed_loopback_cert


class SettingsApi(BaseHTTPRequestHandler):
    """A stand-in for Alexa's settings API on loopback, answering System.timeZone."""

    zone = "America/New_York"
    calls: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        type(self).calls.append(self.path)
        if not self.path.endswith("/settings/System.timeZone") or \
                self.headers.get("Authorization") != "Bearer test-token":
            self.send_response(403)
            self.end_headers()
            return
        body = json.dumps(self.zone).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def settings_api(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """HTTPS on loopback, since the SDK refuses to call a plain-HTTP API endpoint."""
    SettingsApi.calls = []
    SettingsApi.zone = "America/New_York"
    cert, key = self_signed_loopback_cert(tmp_path)
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(cert))
    server = ThreadingHTTPServer(("127.0.0.1", 0), SettingsApi)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02},
                              daemon=True)
    thread.start()
    yield f"https://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


class DeviceWithApi(Device):
    endpoint = ""

    def envelope(self, request: dict[str, Any], *, in_session: bool = True) -> dict[str, Any]:
        body = super().envelope(request, in_session=in_session)
        body["context"]["System"]["apiEndpoint"] = self.endpoint
        body["context"]["System"]["apiAccessToken"] = "test-token"
        return body


def conversation(store: SqliteStore, endpoint: str, when: datetime) -> Conversation:
    device = DeviceWithApi()
    device.endpoint = endpoint
    return Conversation(build_app(store), device, now=when)  # the real settings look-up


def test_the_zone_is_read_once_a_session_through_the_settings_api_and_cached_in_it(
        store: SqliteStore, settings_api: str) -> None:
    talk = conversation(store, settings_api, datetime(2026, 7, 1, 12, tzinfo=UTC))
    talk.launch()
    talk.say("AMAZON.HelpIntent")
    talk.say("StreakIntent")
    assert len(SettingsApi.calls) == 1  # three turns, one settings call
    talk.later(days=1)
    talk.launch()
    assert len(SettingsApi.calls) == 2  # a new session asks again: the device may have moved
    assert SettingsApi.calls[0] == \
        f"/v2/devices/{talk.device.device_id}/settings/System.timeZone"
    assert store.load(user_key(talk.device.user_id)).time_zone == "America/New_York"


def test_a_user_who_travels_is_counted_in_the_zone_they_are_in(
        store: SqliteStore, settings_api: str) -> None:
    """Issue 18, defect 5: the zone was read once and kept forever."""
    talk = conversation(store, settings_api, datetime(2026, 7, 1, 12, tzinfo=UTC))
    talk.single("bridge")  # at home in New York
    assert store.load(user_key(talk.device.user_id)).time_zone == "America/New_York"
    SettingsApi.zone = "Asia/Tokyo"  # they fly to Tokyo and take the Echo Dot with them
    talk.later(days=1)
    talk.now = datetime(2026, 7, 3, 0, 0, tzinfo=UTC)  # 09:00 on 3 July in Tokyo
    talk.single("bridge")
    talk.later(hours=5)  # 14:00 in Tokyo, still 3 July (01:00 on 3 July in New York)
    answer = talk.one_shot("MinutesPractisedIntent", Period=("today", "today"))
    assert "about 0 minutes" not in answer and "over 1 session" in answer
    saved = store.load(user_key(talk.device.user_id))
    assert (saved.time_zone, saved.last_practice_on) == ("Asia/Tokyo", "2026-07-03")


def test_an_invalid_zone_from_the_device_is_never_used_or_stored(
        store: SqliteStore, settings_api: str) -> None:
    SettingsApi.zone = "Mars/Olympus"
    # 23:30 on 1 July in New York, 03:30 on 2 July UTC: the stored zone is the fallback.
    store.save(user_key(Device().user_id), store.load(user_key(Device().user_id)),
               [TimeZoneLearned("America/New_York")])
    talk = conversation(store, settings_api, datetime(2026, 7, 2, 3, 30, tzinfo=UTC))
    talk.single("bridge")
    saved = store.load(user_key(talk.device.user_id))
    assert saved.time_zone == "America/New_York" and saved.last_practice_on == "2026-07-01"


def test_an_invalid_zone_for_a_new_user_leaves_the_day_in_utc(
        store: SqliteStore, settings_api: str) -> None:
    SettingsApi.zone = "Mars/Olympus"
    talk = conversation(store, settings_api, datetime(2026, 7, 2, 3, 30, tzinfo=UTC))
    talk.single("bridge")
    saved = store.load(user_key(talk.device.user_id))
    assert saved.time_zone is None and saved.last_practice_on == "2026-07-02"


def test_a_late_evening_session_counts_on_the_local_day(
        store: SqliteStore, settings_api: str) -> None:
    # 23:30 in New York on 1 July is 03:30 UTC on 2 July.
    talk = conversation(store, settings_api, datetime(2026, 7, 2, 3, 30, tzinfo=UTC))
    talk.single("bridge")
    assert store.load(user_key(talk.device.user_id)).last_practice_on == "2026-07-01"


def test_the_streak_survives_the_spring_dst_change(
        store: SqliteStore, settings_api: str) -> None:
    # Clocks go forward in New York at 02:00 on 8 March 2026; 23:30 local each night.
    nights = [datetime(2026, 3, 8, 4, 30, tzinfo=UTC),   # 7 March, 23:30 EST
              datetime(2026, 3, 9, 3, 30, tzinfo=UTC),   # 8 March, 23:30 EDT
              datetime(2026, 3, 10, 3, 30, tzinfo=UTC)]  # 9 March, 23:30 EDT
    talk = conversation(store, settings_api, nights[0])
    for night in nights:
        talk.device.end_session()
        talk.now = night
        talk.single("bridge")
    saved = store.load(user_key(talk.device.user_id))
    assert saved.last_practice_on == "2026-03-09" and saved.current_streak == 3


def test_the_streak_survives_the_autumn_dst_change(
        store: SqliteStore, settings_api: str) -> None:
    # Clocks go back in New York at 02:00 on 1 November 2026; 00:30 local each night.
    talk = conversation(store, settings_api, datetime(2026, 11, 1, 4, 30, tzinfo=UTC))
    talk.single("bridge")  # 1 Nov 00:30 EDT
    talk.device.end_session()
    talk.now = datetime(2026, 11, 2, 5, 30, tzinfo=UTC)  # 2 Nov 00:30 EST
    talk.single("bridge")
    saved = store.load(user_key(talk.device.user_id))
    assert (saved.last_practice_on, saved.current_streak) == ("2026-11-02", 2)


def test_without_the_settings_api_the_day_is_utc(store: SqliteStore) -> None:
    talk = Conversation(build_app(store), Device(), now=datetime(2026, 7, 2, 3, 30, tzinfo=UTC))
    talk.single("bridge")
    saved = store.load(user_key(talk.device.user_id))
    assert saved.time_zone is None and saved.last_practice_on == "2026-07-02"


def test_a_failing_settings_api_falls_back_to_utc(store: SqliteStore) -> None:
    device = DeviceWithApi()
    device.endpoint = "https://127.0.0.1:9"  # nothing listens on the discard port
    talk = Conversation(build_app(store), device, now=datetime(2026, 7, 2, 3, 30, tzinfo=UTC))
    answer = talk.single("bridge")
    assert "bridge" in answer
    assert store.load(user_key(device.user_id)).last_practice_on == "2026-07-02"


def test_a_returning_user_without_a_zone_has_it_saved_on_a_read_only_turn(
        store: SqliteStore, settings_api: str) -> None:
    plain = Conversation(build_app(store, time_zone_lookup=lambda _request: None), DeviceWithApi(),
                         now=datetime(2026, 7, 1, 12, tzinfo=UTC))
    plain.launch()  # the first visit happened while the zone could not be read
    talk = conversation(store, settings_api, datetime(2026, 7, 2, 12, tzinfo=UTC))
    talk.one_shot("AMAZON.HelpIntent")
    talk.later(days=1)
    talk.one_shot("AMAZON.HelpIntent")
    assert store.load(user_key(talk.device.user_id)).time_zone == "America/New_York"
    assert len(SettingsApi.calls) == 2  # one a session
