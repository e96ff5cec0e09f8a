"""The embedded store: one SQLite file on disk, used by the local console and web service.

The file is in WAL mode, so reads never wait for a writer (in this process or
another). Each thread has its own connection. Writers in this process take turns
on a lock that is held only while a write transaction is actually open: when
another process holds SQLite's write lock, the writer lets go, sleeps briefly
and tries again, and gives up with :class:`StoreError` once its time budget is
spent, so one outside lock never stalls every request.

A completed session is stored once per request id: re-delivering the same
completion (Alexa retries requests) changes nothing.

Every commit is synced to disk (``synchronous=FULL``), and a sync costs about 2.5 ms
on a virtual disk: one at a time, that alone held the web service near 400 writes a
second. So profile writes commit *in groups*: a writer queues its write and takes the
process's write lock; whoever holds it commits everything queued meanwhile in one
transaction (each write in its own savepoint, so one write's conflict undoes only it),
with one sync for all, and each writer returns only once its own write is on disk.
"""

from __future__ import annotations

import json
import random
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import TypeVar

from skill.domain.progress import Change, Profile, SessionRecord
from skill.store.base import ConflictError, StoreError, UnreadableItem, save_with_retry

T = TypeVar("T")

# How long one store operation may wait for SQLite's locks before giving up: a turn
# makes one read and at most one write, so together they stay near 1.5 s.
OPERATION_BUDGET_SECONDS = 0.7
# SQLite's own busy wait per attempt; kept short so that the process's write lock is
# never held through a long wait for another process.
_BUSY_TIMEOUT_MS = 20
_RETRY_PAUSE_SECONDS = (0.005, 0.025)

# FULL: each commit is synced to disk, so an acknowledged session survives power loss too.
SYNCHRONOUS = "FULL"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS profiles (
    user_key TEXT PRIMARY KEY,
    version INTEGER NOT NULL,
    data TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS sessions (
    user_key TEXT NOT NULL,
    id TEXT NOT NULL,
    finished_at TEXT NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (user_key, id)
);
CREATE TABLE IF NOT EXISTS persons (
    account_key TEXT NOT NULL,
    person_key TEXT NOT NULL,
    PRIMARY KEY (account_key, person_key)
);
"""


class _Duplicate(Exception):
    """Internal: every session in this write is stored already."""


class _Busy(Exception):
    """Internal: another connection holds the lock this attempt needed."""


class _Queued:
    """One writer's write waiting to be committed, and, once settled, how it went."""

    __slots__ = ("body", "error", "settled")

    def __init__(self, body: Callable[[sqlite3.Connection], None]) -> None:
        self.body = body
        self.error: BaseException | None = None
        self.settled = threading.Event()


def _is_busy(error: sqlite3.Error) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None:
        return bool(code & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED))
    return "locked" in str(error) or "busy" in str(error)


class SqliteStore:
    """Progress in a local SQLite file; safe to share between threads of one process."""

    def __init__(self, path: str | Path, *,
                 budget_seconds: float = OPERATION_BUDGET_SECONDS,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.path = str(path)
        self.budget_seconds = budget_seconds
        self._sleep = sleep
        if self.path == ":memory:":
            # Every connection to ":memory:" is a database of its own; a shared-cache URI
            # gives all of this store's threads the same one.
            self._target = f"file:release-coach-{id(self)}?mode=memory&cache=shared"
            self._uri = True
        else:
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            self._target, self._uri = self.path, False
        self._local = threading.local()
        self._connections: list[sqlite3.Connection] = []
        self._connections_lock = threading.Lock()
        # Writers of this process queue here, briefly; see _write.
        self._write_lock = threading.Lock()
        # Profile writes waiting for the next group commit; see _commit_grouped.
        self._queued: list[_Queued] = []
        self._queued_lock = threading.Lock()
        self._closed = False
        db = self._connection()
        self._retrying(lambda: self._set_up(db))

    # ------------------------------------------------------------ connections

    def _connection(self) -> sqlite3.Connection:
        db: sqlite3.Connection | None = getattr(self._local, "db", None)
        if db is None:
            if self._closed:
                raise StoreError("store is closed")
            try:
                db = sqlite3.connect(self._target, uri=self._uri, isolation_level=None,
                                     timeout=_BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
            except sqlite3.Error as error:
                raise StoreError(f"cannot open the progress file: {error}") from error
            # Per connection, not per file: every thread's commits must be as durable.
            db.execute(f"PRAGMA synchronous={SYNCHRONOUS}")
            with self._connections_lock:
                self._connections.append(db)
            self._local.db = db
        return db

    @staticmethod
    def _set_up(db: sqlite3.Connection) -> None:
        # WAL: readers and the one writer do not block each other, and a crash (kill -9)
        # loses nothing committed.
        db.execute("PRAGMA journal_mode=WAL")
        db.executescript(_SCHEMA)

    def _retrying(self, attempt: Callable[[], T], *, write: bool = False) -> T:
        """Run ``attempt`` until it gets its locks, or raise StoreError when the budget is spent."""
        deadline = time.monotonic() + self.budget_seconds
        while True:
            try:
                if write:
                    if not self._write_lock.acquire(
                            timeout=max(0.0, deadline - time.monotonic())):
                        raise _Busy
                    try:
                        return attempt()
                    finally:
                        self._write_lock.release()
                return attempt()
            except _Busy:
                pass
            except sqlite3.Error as error:
                if not _is_busy(error):
                    raise StoreError(f"sqlite: {type(error).__name__}: {error}") from error
            if time.monotonic() >= deadline:
                raise StoreError("sqlite: the progress file stayed locked")
            # Outside the write lock: someone else's lock is not ours to wait for.
            self._sleep(random.uniform(*_RETRY_PAUSE_SECONDS))

    # ------------------------------------------------------------ the protocol

    def load(self, user_key: str) -> Profile:
        def read() -> tuple[int, str] | None:
            row: tuple[int, str] | None = self._connection().execute(
                "SELECT version, data FROM profiles WHERE user_key = ?", (user_key,)).fetchone()
            return row

        row = self._retrying(read)
        if row is None:
            return Profile()
        try:
            return Profile.from_dict(json.loads(row[1]), version=row[0])
        except (ValueError, TypeError, KeyError) as error:
            raise UnreadableItem(f"unreadable profile: {type(error).__name__}") from error

    def save(self, user_key: str, base: Profile, changes: list[Change]) -> Profile:
        try:
            return save_with_retry(self.load, self._write, user_key, base, changes)
        except _Duplicate:
            # This very completion was stored before (a re-delivered request): it counts once.
            return self.load(user_key)

    def _write(self, user_key: str, profile: Profile, expected: int,
               records: list[SessionRecord]) -> None:
        data = json.dumps(profile.to_dict(), separators=(",", ":"))
        rows = [(user_key, record.id, record.finished_at, json.dumps(asdict(record)))
                for record in records]

        def write(db: sqlite3.Connection) -> None:
            if rows:
                inserted = 0
                for row in rows:
                    inserted += db.execute(
                        "INSERT OR IGNORE INTO sessions VALUES (?, ?, ?, ?)", row).rowcount
                if inserted == 0:
                    raise _Duplicate
            if expected == 0:
                cursor = db.execute("INSERT OR IGNORE INTO profiles VALUES (?, ?, ?)",
                                    (user_key, profile.version, data))
            else:
                cursor = db.execute(
                    "UPDATE profiles SET version = ?, data = ? "
                    "WHERE user_key = ? AND version = ?",
                    (profile.version, data, user_key, expected))
            if cursor.rowcount != 1:
                raise ConflictError(user_key)

        self._commit_grouped(write)

    def _commit_grouped(self, body: Callable[[sqlite3.Connection], None]) -> None:
        """Commit ``body`` together with the writes queued meanwhile; see the module doc.

        Raises what ``body`` raised (its own savepoint undone, the others' kept), or
        :class:`StoreError` once the budget is spent while the file stays locked.
        """
        deadline = time.monotonic() + self.budget_seconds
        while True:
            mine = _Queued(body)
            with self._queued_lock:
                self._queued.append(mine)
            if self._write_lock.acquire(timeout=max(0.0, deadline - time.monotonic())):
                try:
                    if not mine.settled.is_set():
                        with self._queued_lock:
                            batch, self._queued = self._queued, []
                        self._commit_batch(batch)
                finally:
                    self._write_lock.release()
            else:
                with self._queued_lock:
                    waiting = mine in self._queued
                    if waiting:  # never taken: withdrawn, so it is never written later
                        self._queued.remove(mine)
                if waiting:
                    raise StoreError("sqlite: the progress file stayed locked")
                mine.settled.wait()  # in a commit now: its outcome is this write's
            error = mine.error
            if error is None:
                return
            if not isinstance(error, _Busy):
                raise error
            if time.monotonic() >= deadline:
                raise StoreError("sqlite: the progress file stayed locked")
            self._sleep(random.uniform(*_RETRY_PAUSE_SECONDS))

    def _commit_batch(self, batch: list[_Queued]) -> None:
        """One transaction and one sync for ``batch``; every write in it is settled after."""
        db = self._connection()
        try:
            try:
                db.execute("BEGIN IMMEDIATE")
                for queued in batch:
                    db.execute("SAVEPOINT write")
                    try:
                        queued.body(db)
                    except (ConflictError, _Duplicate) as error:
                        db.execute("ROLLBACK TO write")
                        queued.error = error
                    db.execute("RELEASE write")
                db.execute("COMMIT")
            except sqlite3.Error as error:
                if db.in_transaction:
                    db.execute("ROLLBACK")
                failure: BaseException = _Busy() if _is_busy(error) else \
                    StoreError(f"sqlite: {type(error).__name__}: {error}")
                for queued in batch:  # nothing of the batch is on disk
                    queued.error = failure
        except BaseException as error:
            if db.in_transaction:
                db.execute("ROLLBACK")
            for queued in batch:
                queued.error = error
            raise
        finally:
            for queued in batch:
                queued.settled.set()

    def history(self, user_key: str, limit: int = 50) -> list[SessionRecord]:
        def read() -> list[tuple[str]]:
            rows: list[tuple[str]] = self._connection().execute(
                "SELECT data FROM sessions WHERE user_key = ? "
                "ORDER BY finished_at DESC LIMIT ?", (user_key, limit)).fetchall()
            return rows

        try:
            return [SessionRecord(**json.loads(row[0])) for row in self._retrying(read)]
        except (ValueError, TypeError) as error:
            raise UnreadableItem(f"unreadable session: {type(error).__name__}") from error

    def delete_user(self, user_key: str) -> None:
        def delete(db: sqlite3.Connection) -> None:
            db.execute("DELETE FROM profiles WHERE user_key = ?", (user_key,))
            db.execute("DELETE FROM sessions WHERE user_key = ?", (user_key,))

        self._retrying(lambda: self._in_transaction(delete), write=True)

    def link_person(self, account_key: str, person_key: str) -> None:
        def insert() -> None:
            self._connection().execute("INSERT OR IGNORE INTO persons VALUES (?, ?)",
                                       (account_key, person_key))

        self._retrying(insert, write=True)

    def delete_account(self, account_key: str) -> None:
        def delete(db: sqlite3.Connection) -> None:
            keys = [account_key, *(row[0] for row in db.execute(
                "SELECT person_key FROM persons WHERE account_key = ?", (account_key,)))]
            for key in keys:
                db.execute("DELETE FROM profiles WHERE user_key = ?", (key,))
                db.execute("DELETE FROM sessions WHERE user_key = ?", (key,))
            db.execute("DELETE FROM persons WHERE account_key = ?", (account_key,))

        self._retrying(lambda: self._in_transaction(delete), write=True)

    def _in_transaction(self, body: Callable[[sqlite3.Connection], None]) -> None:
        """``body`` between BEGIN IMMEDIATE and COMMIT; anything raised rolls it back."""
        db = self._connection()
        try:
            db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as error:
            if _is_busy(error):
                raise _Busy from error
            raise
        try:
            body(db)
            db.execute("COMMIT")
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise

    def close(self) -> None:
        self._closed = True
        with self._connections_lock:
            connections, self._connections = self._connections, []
        for db in connections:
            db.close()
        self._local = threading.local()
