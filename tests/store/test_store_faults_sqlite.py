"""Issue 18 on the embedded store: faults made with file operations, heard through
``lambda_handler`` as a user would hear them.

Each test names the defect of issue 18 it holds down; each failed on the code the
issue was filed against (5e3efae).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import sqlite3
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import Conversation, Handler, LambdaHost

from skill.alexa.app import EventNotHandled, build_app
from skill.domain.progress import NoticeHeard, SessionCompleted, SessionRecord
from skill.hosts import lambda_entry
from skill.hosts.cli import main
from skill.hosts.envelopes import Device
from skill.hosts.web.app import create_app, skill_invoke
from skill.hosts.web.verifier import build_verifiers
from skill.store import StoreError, user_key
from skill.store.sqlite import DamagedStore, SqliteStore

ROOT = Path(__file__).resolve().parents[2]
FIRST_USE = "I'll guide you, by voice"


def returning(user: Conversation, days: int = 3) -> None:
    """A user who has done the daily routine on ``days`` days."""
    for _ in range(days):
        user.routine()
        user.later(days=1)


def damage_profile(path: Path, key: str) -> None:
    """Another program scribbles on the user's profile row: it no longer reads."""
    db = sqlite3.connect(path)
    db.execute("UPDATE profiles SET data = '{\"sessions\": ' WHERE user_key = ?", (key,))
    db.commit()
    db.close()


def stored_row(path: Path, key: str) -> tuple[int, str] | None:
    db = sqlite3.connect(path)
    row: tuple[int, str] | None = db.execute(
        "SELECT version, data FROM profiles WHERE user_key = ?", (key,)).fetchone()
    db.close()
    return row


# ---------------------------------------------------------------- 1. unknown is not empty


def test_a_returning_user_whose_profile_cannot_be_read_is_not_greeted_as_new(
        user: Conversation, lambda_store: SqliteStore) -> None:
    returning(user)
    key = user_key(user.device.user_id)
    damage_profile(Path(lambda_store.path), key)
    before = stored_row(Path(lambda_store.path), key)
    launch = user.launch()
    assert FIRST_USE not in launch and "can't reach your saved progress" in launch
    assert "week 1 of your 4 week program" not in launch  # their week is not known
    assert "as I can't see which week you're on" in launch
    user.device.end_session()
    for intent in ("ProgressSummaryIntent", "StreakIntent", "SessionCountIntent",
                   "ProgramWeekIntent", "OnTrackIntent"):
        answer = user.one_shot(intent)
        assert "can't reach your progress right now" in answer, (intent, answer)
        assert "haven't finished a session" not in answer
    where = user.one_shot("WhereLeftOffIntent")
    assert "can't reach where you left off" in where and "don't have a routine" not in where
    # A whole routine done while the profile cannot be read: nothing is written over it.
    speeches = user.routine()
    # No word of a "first exercise": the questions come again only because nothing is known.
    assert "so to be safe" in speeches[1] and "your first exercise" not in speeches[1]
    assert any("couldn't save your progress" in speech for speech in speeches)
    assert stored_row(Path(lambda_store.path), key) == before


def test_a_read_that_fails_mid_session_does_not_ask_the_safety_questions_again(
        user: Conversation, lambda_store: SqliteStore) -> None:
    returning(user, days=1)
    launch = user.launch()
    assert FIRST_USE not in launch and "can't reach" not in launch
    damage_profile(Path(lambda_store.path), user_key(user.device.user_id))
    start = user.say("AMAZON.YesIntent")
    assert user.device.attributes.get("mode") != "safety_screen", start
    assert user.device.attributes.get("in_routine") is True


# ---------------------------------------------------------------- 3. disabling that failed


@pytest.fixture
def locked(lambda_store: SqliteStore) -> Iterator[sqlite3.Connection]:
    """Another process holds the file's write lock (a backup tool, a stuck writer)."""
    other = sqlite3.connect(lambda_store.path, isolation_level=None, timeout=0)
    other.execute("BEGIN EXCLUSIVE")
    yield other
    if other.in_transaction:
        other.execute("ROLLBACK")
    other.close()


def test_a_skill_disabled_event_whose_delete_fails_is_answered_with_an_error(
        user: Conversation, lambda_handler: Handler, lambda_store: SqliteStore,
        request: pytest.FixtureRequest) -> None:
    returning(user, days=1)
    event = user.device.event("AlexaSkillEvent.SkillDisabled")
    lock: sqlite3.Connection = request.getfixturevalue("locked")
    with pytest.raises(EventNotHandled):
        lambda_handler(event, None)  # a failed invocation: Alexa has not been told "done"
    lock.execute("ROLLBACK")
    assert lambda_handler(event, None)["response"] == {}  # the redelivery succeeds
    assert lambda_store.load(user_key(user.device.user_id)).sessions == 0


def test_the_web_service_answers_a_failed_skill_disabled_event_with_500(
        tmp_path: Path) -> None:
    # A short lock budget: the refusal is the same, only sooner than the production 0.7 s.
    store = SqliteStore(tmp_path / "progress.sqlite3", budget_seconds=0.05)
    device = Device()
    talk = Conversation(build_app(store, time_zone_lookup=lambda _request: None), device)
    talk.single("bridge")
    web = create_app(skill_invoke(build_app(store)), build_verifiers(None, insecure_dev=True),
                     insecure_dev=True).test_client()
    body = json.dumps(device.event("AlexaSkillEvent.SkillDisabled"))
    other = sqlite3.connect(store.path, isolation_level=None, timeout=0)
    other.execute("BEGIN EXCLUSIVE")
    try:
        assert web.post("/", data=body, content_type="application/json").status_code == 500
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert web.post("/", data=body, content_type="application/json").status_code == 200
    assert store.load(user_key(device.user_id)).sessions == 0
    store.close()


# ---------------------------------------------------------------- 4. delete, whatever the size


def add_history(path: Path, key: str, count: int) -> None:
    db = sqlite3.connect(path)
    db.executemany("INSERT INTO sessions VALUES (?, ?, ?, ?)", [
        (key, f"old-{n}", f"2025-01-01T00:00:{n:06d}", '{"id": "x"}') for n in range(count)])
    db.commit()
    db.close()


def test_delete_my_progress_removes_a_history_of_3300_sessions_and_says_so(
        user: Conversation, lambda_store: SqliteStore) -> None:
    returning(user, days=1)
    key = user_key(user.device.user_id)
    add_history(Path(lambda_store.path), key, 3300)
    user.one_shot("DeleteProgressIntent")
    assert "Everything is deleted" in user.say("AMAZON.YesIntent")
    assert lambda_store.history(key, limit=5000) == []
    assert lambda_store.load(key).version == 0


# ---------------------------------------------------------------- 6. the file taken away


def test_deleting_the_store_directory_under_a_running_server_is_said_and_logged(
        user: Conversation, lambda_store: SqliteStore,
        caplog: pytest.LogCaptureFixture) -> None:
    returning(user, days=1)
    shutil.rmtree(Path(lambda_store.path).parent)
    # The Lambda host's JSON logging does not propagate; listen on the store's logger itself.
    logging.getLogger("release_coach.store.sqlite").addHandler(caplog.handler)
    try:
        speeches = user.routine()
    finally:
        logging.getLogger("release_coach.store.sqlite").removeHandler(caplog.handler)
    assert any("couldn't save your progress" in speech for speech in speeches)
    assert any("progress file" in record.getMessage() and "lost" in record.getMessage()
               for record in caplog.records if record.levelno >= logging.ERROR)


def test_a_progress_file_replaced_under_a_running_server_is_not_written_in_vain(
        tmp_path: Path) -> None:
    path = tmp_path / "progress.sqlite3"
    store = SqliteStore(path)
    key = user_key("amzn1.ask.account.replaced")
    store.save(key, store.load(key), [])
    os.replace(path, tmp_path / "moved-away.sqlite3")
    with pytest.raises(StoreError):
        store.save(key, store.load(key), [NoticeHeard("2026-11-16")])
    store.close()


# ---------------------------------------------------------------- 7. a damaged file at start


def ten_users(path: Path) -> list[str]:
    store = SqliteStore(path)
    keys = []
    for n in range(10):
        key = user_key(f"amzn1.ask.account.user-{n}")
        keys.append(key)
        for day in range(20):
            record = SessionRecord(id=f"{n}-{day}", on=f"2026-01-{day + 1:02d}",
                                   finished_at=f"2026-01-{day + 1:02d}T07:00:00+00:00",
                                   plan="daily", week=1, title="x" * 200, seconds=300,
                                   steps_done=8)
            store.save(key, store.load(key), [SessionCompleted(record, True)])
    store.close()
    return keys


def damage(path: Path, how: str) -> None:
    if how == "not a database":
        path.write_bytes(os.urandom(64 * 1024))
        return
    # Part of the file overwritten (a disk fault, a half-copied backup): 3 pages in the middle.
    data = bytearray(path.read_bytes())
    middle = (len(data) // 4096 // 2) * 4096
    data[middle:middle + 3 * 4096] = os.urandom(3 * 4096)
    path.write_bytes(bytes(data))


@pytest.mark.server
@pytest.mark.parametrize("how", ["not a database", "partly overwritten"])
def test_serve_refuses_a_damaged_file_with_one_clear_message_and_leaves_it(
        tmp_path: Path, how: str) -> None:
    path = tmp_path / "progress.sqlite3"
    ten_users(path)
    damage(path, how)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    result = subprocess.run(
        [sys.executable, "-m", "skill.hosts.cli", "serve", "--insecure-dev", "--port", "0",
         "--store", str(path)], capture_output=True, text=True, timeout=120, cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    assert "release-coach recover-store" in result.stderr
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest


def test_a_partly_overwritten_file_fails_the_check_at_start(tmp_path: Path) -> None:
    path = tmp_path / "progress.sqlite3"
    ten_users(path)
    damage(path, "partly overwritten")
    with pytest.raises(DamagedStore, match="left as it is"):
        SqliteStore(path)


def test_recover_store_keeps_the_damaged_file_and_salvages_what_reads(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "progress.sqlite3"
    keys = ten_users(path)
    damage(path, "partly overwritten")
    damaged = path.read_bytes()
    assert main(["recover-store", "--store", str(path)]) == 0
    kept = list(tmp_path.glob("progress.sqlite3.damaged-*"))
    assert [p.read_bytes() == damaged for p in kept if not p.name.endswith(("-wal", "-shm"))] \
        == [True]
    store = SqliteStore(path)  # opens: the new file passes its check
    readable = sum(1 for key in keys if store.load(key).sessions == 20)
    assert readable >= 5
    store.close()
    assert "recovered" in capsys.readouterr().out


# ---------------------------------------------------------------- 8. no copy left behind


def raw_files(path: Path) -> bytes:
    return b"".join(p.read_bytes() for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm"))
                    if p.exists())


def test_deleted_users_leave_no_copy_in_the_wal_or_free_pages(
        lambda_handler: Handler, lambda_store: SqliteStore) -> None:
    people = {name: Conversation(LambdaHost(lambda_handler),
                                 Device(user_id=f"amzn1.ask.account.{name}-{uuid.uuid4()}"))
              for name in ("asked", "disabled", "kept")}
    for person in people.values():
        returning(person, days=2)
    people["asked"].one_shot("DeleteProgressIntent")
    assert "Everything is deleted" in people["asked"].say("AMAZON.YesIntent")
    lambda_handler(people["disabled"].device.event("AlexaSkillEvent.SkillDisabled"), None)
    path = Path(lambda_store.path)
    keys = {name: user_key(person.device.user_id).encode()
            for name, person in people.items()}
    while_running = raw_files(path)
    assert keys["kept"] in while_running  # the files are read for real
    assert keys["asked"] not in while_running and keys["disabled"] not in while_running
    lambda_store.close()
    lambda_entry.reset()
    after_stop = raw_files(path)
    assert keys["asked"] not in after_stop and keys["disabled"] not in after_stop
