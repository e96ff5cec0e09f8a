"""The embedded store: one SQLite file on disk, used by the local console and web service.

The file is in WAL mode, so reads never wait for a writer (in this process or
another). Each thread has its own connection. Writers in this process take turns
on a lock that is held only while a write transaction is actually open: when
another process holds SQLite's write lock, the writer lets go, sleeps briefly
and tries again, and gives up with :class:`StoreError` once its time budget is
spent, so one outside lock never stalls every request.

A completed session is stored once per request id: re-delivering the same
completion (Alexa retries requests) changes nothing.

The file is guarded: it is checked (``PRAGMA quick_check``) when the store opens, and
a damaged file is refused with :class:`DamagedStore` and left exactly as it was
(``release-coach recover-store`` salvages it into a new file and keeps the old one).
After every write the file is looked for: if it was deleted or replaced under a
running server, the write is reported as failed instead of going to a file no one
will ever open again. Deleted users leave no copy behind: ``secure_delete`` zeroes
what is deleted, and a checkpoint after each delete empties the WAL.
"""

from __future__ import annotations

import json
import logging
import os
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

logger = logging.getLogger("release_coach.store.sqlite")

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


class DamagedStore(StoreError):
    """The progress file is not a sound SQLite database; it has been left untouched."""


class _Duplicate(Exception):
    """Internal: every session in this write is stored already."""


class _Busy(Exception):
    """Internal: another connection holds the lock this attempt needed."""


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
        # The file this store opened; see _check_file.
        self._identity: tuple[int, int] | None = None
        self._local = threading.local()
        self._connections: list[sqlite3.Connection] = []
        self._connections_lock = threading.Lock()
        # Writers of this process queue here, briefly; see _write.
        self._write_lock = threading.Lock()
        self._closed = False
        db = self._connection()
        if not self._uri:
            self._retrying(lambda: self._check(db))
        self._retrying(lambda: self._set_up(db))
        if not self._uri:
            stat = os.stat(self.path)
            self._identity = (stat.st_dev, stat.st_ino)

    # ------------------------------------------------------------ connections

    def _connection(self) -> sqlite3.Connection:
        db: sqlite3.Connection | None = getattr(self._local, "db", None)
        if db is None:
            if self._closed:
                raise StoreError("store is closed")
            try:
                db = sqlite3.connect(self._target, uri=self._uri, isolation_level=None,
                                     timeout=_BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
                # Per connection, not per file: every thread's commits must be as durable,
                # and every thread's deletes must overwrite what they delete.
                db.execute(f"PRAGMA synchronous={SYNCHRONOUS}")
                db.execute("PRAGMA secure_delete=ON")
            except sqlite3.DatabaseError as error:
                if _is_busy(error):
                    raise StoreError(f"cannot open the progress file: {error}") from error
                raise DamagedStore(f"the progress file {self.path} cannot be read as a "
                                   f"database ({error}); it was left as it is") from error
            except sqlite3.Error as error:
                raise StoreError(f"cannot open the progress file: {error}") from error
            with self._connections_lock:
                self._connections.append(db)
            self._local.db = db
        return db

    def _check(self, db: sqlite3.Connection) -> None:
        """Refuse a damaged file before anything writes to it (WAL mode would)."""
        try:
            rows = db.execute("PRAGMA quick_check").fetchall()
        except sqlite3.DatabaseError as error:
            if _is_busy(error):
                raise
            raise DamagedStore(f"the progress file {self.path} cannot be read as a database "
                               f"({error}); it was left as it is") from error
        found = [str(row[0]) for row in rows]
        if found != ["ok"]:
            raise DamagedStore(f"the progress file {self.path} is damaged ({found[0]}); "
                               "it was left as it is")

    def _check_file(self) -> None:
        """Raise if the file this store opened is no longer at its path.

        SQLite goes on writing to a file that was deleted while open; those writes
        would be lost at the next restart, so they are failures, said and logged.
        """
        if self._identity is None:
            return
        try:
            stat = os.stat(self.path)
        except OSError:
            stat = None
        if stat is None or (stat.st_dev, stat.st_ino) != self._identity:
            logger.error("the progress file %s is %s: this write is lost", self.path,
                         "gone" if stat is None else "no longer the file opened")
            raise StoreError("sqlite: the progress file was deleted or replaced")

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

        def single_statement() -> None:
            # No session to add: one statement is its own transaction, and the lock is
            # held for one call into SQLite instead of four (each a wait for the GIL).
            if expected == 0:
                cursor = self._connection().execute(
                    "INSERT OR IGNORE INTO profiles VALUES (?, ?, ?)",
                    (user_key, profile.version, data))
            else:
                cursor = self._connection().execute(
                    "UPDATE profiles SET version = ?, data = ? WHERE user_key = ? AND version = ?",
                    (profile.version, data, user_key, expected))
            if cursor.rowcount != 1:
                raise ConflictError(user_key)

        def with_sessions(db: sqlite3.Connection) -> None:
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

        def transaction() -> None:
            self._in_transaction(with_sessions)

        self._retrying(transaction if rows else single_statement, write=True)
        self._check_file()

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

    def delete_user(self, user_key: str) -> bool:
        def delete(db: sqlite3.Connection) -> None:
            db.execute("DELETE FROM profiles WHERE user_key = ?", (user_key,))
            db.execute("DELETE FROM sessions WHERE user_key = ?", (user_key,))

        # One transaction: thousands of rows take milliseconds, so it always finishes.
        self._retrying(lambda: self._in_transaction(delete), write=True)
        self._check_file()
        self._empty_wal()
        return True

    def link_person(self, account_key: str, person_key: str) -> None:
        def insert() -> None:
            self._connection().execute("INSERT OR IGNORE INTO persons VALUES (?, ?)",
                                       (account_key, person_key))

        self._retrying(insert, write=True)
        self._check_file()

    def delete_account(self, account_key: str) -> None:
        def delete(db: sqlite3.Connection) -> None:
            keys = [account_key, *(row[0] for row in db.execute(
                "SELECT person_key FROM persons WHERE account_key = ?", (account_key,)))]
            for key in keys:
                db.execute("DELETE FROM profiles WHERE user_key = ?", (key,))
                db.execute("DELETE FROM sessions WHERE user_key = ?", (key,))
            db.execute("DELETE FROM persons WHERE account_key = ?", (account_key,))

        self._retrying(lambda: self._in_transaction(delete), write=True)
        self._check_file()
        self._empty_wal()

    def _empty_wal(self) -> None:
        """Copy the WAL into the main file and truncate it, so a deleted user is nowhere.

        The WAL still holds the pages as they were before the delete until a checkpoint;
        with ``secure_delete`` the main file's copy of them is zeroed. A reader holding an
        old snapshot can keep the checkpoint from finishing: then it is logged, and the
        next delete's checkpoint (or SQLite's own, every 1000 pages) finishes the job.
        """
        if self._uri:
            return
        try:
            busy, _, _ = self._connection().execute(
                "PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        except sqlite3.Error as error:
            logger.warning("checkpoint after delete failed: %s", type(error).__name__)
            return
        if busy:
            logger.warning("checkpoint after delete was blocked by a reader; WAL kept")

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
