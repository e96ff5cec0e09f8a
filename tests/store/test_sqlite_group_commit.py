"""The SQLite store commits concurrent profile writes in groups: one sync for many.

Each write still stands alone: it is on disk when its writer returns, a conflict undoes
only that write, and a write given up on (the budget spent) is never written later.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from skill.domain.progress import NoticeHeard, Profile, TimeZoneLearned
from skill.store import ConflictError, StoreError
from skill.store.sqlite import SqliteStore


def wait_for(condition: Callable[[], bool], seconds: float = 10.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.001)


def test_writes_queued_meanwhile_commit_together(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    store = SqliteStore(tmp_path / "progress.sqlite3")
    batches: list[int] = []
    commit_batch = store._commit_batch

    def counted(batch: list[object]) -> None:
        batches.append(len(batch))
        commit_batch(batch)  # type: ignore[arg-type]

    monkeypatch.setattr(store, "_commit_batch", counted)
    errors: list[BaseException] = []

    def writer(n: int) -> None:
        try:
            store.save(f"u_{n}", Profile(), [NoticeHeard("2026-11-16")])
        except BaseException as error:
            errors.append(error)

    store._write_lock.acquire()  # a commit in progress: the next ten writers queue
    threads = [threading.Thread(target=writer, args=(n,)) for n in range(10)]
    for thread in threads:
        thread.start()
    wait_for(lambda: len(store._queued) == 10)
    store._write_lock.release()
    for thread in threads:
        thread.join(timeout=10)
    assert errors == []
    assert batches == [10]  # the first to get the lock committed everyone's
    reopened = SqliteStore(tmp_path / "progress.sqlite3")
    assert all(reopened.load(f"u_{n}").safety_notice_heard for n in range(10))
    reopened.close()
    store.close()


def test_a_conflict_in_a_group_undoes_only_that_write(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path / "progress.sqlite3")
    base = store.save("u_shared", Profile(), [NoticeHeard("2026-11-16")])
    outcomes: dict[str, object] = {}

    def write(key: str, profile: Profile, expected: int) -> None:
        try:
            store._write(key, profile, expected, [])
            outcomes[key + str(expected)] = "ok"
        except ConflictError:
            outcomes[key + str(expected)] = "conflict"

    stale = Profile(version=base.version + 1, time_zone="Europe/Paris")
    store._write_lock.acquire()
    threads = [threading.Thread(target=write, args=("u_shared", stale, 0)),
               threading.Thread(target=write, args=("u_other", Profile(version=1), 0))]
    for thread in threads:
        thread.start()
    wait_for(lambda: len(store._queued) == 2)
    store._write_lock.release()
    for thread in threads:
        thread.join(timeout=10)
    # u_shared is at version 1, not 0: that write conflicts; the other one is kept.
    assert outcomes == {"u_shared0": "conflict", "u_other0": "ok"}
    assert store.load("u_shared").time_zone is None
    assert store.load("u_other").version == 1
    # save() re-reads and re-applies after a conflict, as before.
    saved = store.save("u_shared", base, [TimeZoneLearned("Europe/Paris")])
    assert saved.time_zone == "Europe/Paris" and store.load("u_shared").version == 2
    store.close()


def test_a_write_given_up_on_is_never_written_later(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path / "progress.sqlite3", budget_seconds=0.05)
    store._write_lock.acquire()
    try:
        with pytest.raises(StoreError, match="stayed locked"):
            store.save("u_late", Profile(), [NoticeHeard("2026-11-16")])
        assert store._queued == []
    finally:
        store._write_lock.release()
    store.save("u_next", Profile(), [NoticeHeard("2026-11-16")])  # the next commit
    assert store.load("u_late").version == 0
    assert store.load("u_next").version == 1
    store.close()
