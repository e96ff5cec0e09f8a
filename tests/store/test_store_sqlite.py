"""The store contract, run against the embedded SQLite store."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from skill.alexa.app import build_app
from skill.alexa.turns import no_time_zone
from skill.domain.content import phrase
from skill.domain.ssml import spoken_text
from skill.hosts.envelopes import Device
from skill.store import user_key
from skill.store.sqlite import SqliteStore
from tests.support.store_contract import CONTRACT, Backend, run_routine, say


def speech(response: dict[str, Any]) -> str:
    ssml = (response.get("response", {}).get("outputSpeech") or {}).get("ssml", "")
    return spoken_text(ssml)


@pytest.fixture
def backend(tmp_path: Path) -> Iterator[Backend]:
    path = tmp_path / "progress.sqlite3"
    opened: list[SqliteStore] = []

    def make_store() -> SqliteStore:
        # A store per "device": separate connections to one file, as separate processes.
        store = SqliteStore(path)
        opened.append(store)
        return store

    def dump() -> str:
        with sqlite3.connect(path) as db:
            return "\n".join(db.iterdump())

    yield Backend("sqlite", make_store, dump)
    for store in opened:
        store.close()


@pytest.mark.parametrize("check", CONTRACT, ids=lambda check: check.__name__)
def test_contract(backend: Backend, check: Callable[[Backend], None]) -> None:
    check(backend)


# ------------------------------------------------------------------ another program's lock


def test_an_outside_write_lock_stalls_no_answer(tmp_path: Path) -> None:
    """Another program holds the file's write lock while 20 Echos talk to the skill.

    Before: the store held its process lock through SQLite's 5 s busy wait, so reads queued
    behind every waiting writer and answers went past Alexa's 8 s.
    """
    path = tmp_path / "progress.sqlite3"
    store = SqliteStore(path)
    app = build_app(store, time_zone_lookup=no_time_zone)
    seeded = Device(user_id="amzn1.ask.account.SEEDED")
    run_routine(app, seeded)
    assert "1 session" in speech(say(app, seeded, seeded.intent("ProgressSummaryIntent")))

    outside = sqlite3.connect(path, isolation_level=None)
    outside.execute("BEGIN IMMEDIATE")  # held until the end of the test's load
    timings: list[tuple[str, float, str]] = []
    lock = threading.Lock()

    def echo(n: int) -> None:
        device = Device(user_id=f"amzn1.ask.account.LOCKED-{n}")
        # Launch, accept the routine, pass the safety questions (which starts it: a write).
        turns: list[tuple[str, Callable[[], dict[str, Any]]]] = [
            ("read", lambda: seeded_question()), ("write", device.launch),
            ("write", lambda: device.intent("AMAZON.YesIntent")),
            ("write", lambda: device.intent("AMAZON.NoIntent")),
            ("read", lambda: seeded_question())]
        for kind, make in turns:
            started = time.monotonic()
            response = app.invoke(make())
            if kind == "write":
                device.take(response)
            with lock:
                timings.append((kind, time.monotonic() - started, speech(response)))

    def seeded_question() -> dict[str, Any]:
        return Device(user_id=seeded.user_id).intent("ProgressSummaryIntent")

    try:
        with ThreadPoolExecutor(20) as pool:
            for future in [pool.submit(echo, n) for n in range(20)]:
                future.result(timeout=120)
    finally:
        outside.execute("ROLLBACK")
        outside.close()
    assert len(timings) == 100
    assert max(elapsed for _, elapsed, _ in timings) < 8.0
    reads = [text for kind, _, text in timings if kind == "read"]
    assert all("1 session" in text for text in reads), reads[:3]
    writes = [text for kind, _, text in timings if kind == "write"]
    assert sum(phrase("save_failed") in text for text in writes) >= 20
    # The lock gone, saving works again.
    device = Device(user_id="amzn1.ask.account.AFTER")
    run_routine(app, device)
    assert store.load(user_key(device.user_id)).sessions == 1
    store.close()


def test_file_is_in_wal_mode(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path / "progress.sqlite3")
    store.load("u_nobody")
    with sqlite3.connect(tmp_path / "progress.sqlite3") as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    store.close()
