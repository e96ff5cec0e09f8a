"""The turn's log record: a line of its own, or inside the host's line for the request."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from skill.alexa.app import build_app
from skill.hosts.envelopes import Device
from skill.store.sqlite import SqliteStore


def test_a_turn_is_logged_once_in_its_own_line_or_in_the_hosts(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    app = build_app(SqliteStore(tmp_path / "p.sqlite3"), time_zone_lookup=lambda _r: None)
    device = Device()
    caplog.set_level(logging.INFO, logger="release_coach")
    device.take(app.invoke(device.launch()))
    (own,) = [record for record in caplog.records if record.name == "release_coach"]
    assert '"request_type": "LaunchRequest"' in str(own.msg)
    caplog.clear()

    line: dict[str, object] = {}
    app.invoke(device.intent("AMAZON.YesIntent"), log=line)
    assert [record for record in caplog.records if record.name == "release_coach"] == []
    turn = line["turn"]
    assert isinstance(turn, dict)
    assert turn["outcome"] == "ok" and turn["store_reads"] == 1
    assert "request_id" not in turn  # the host's own line says which request it was
