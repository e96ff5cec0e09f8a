"""The embedded store: one SQLite file on disk, used by the local console and web service."""

from __future__ import annotations

import json
import sqlite3
import threading
from dataclasses import asdict
from pathlib import Path

from skill.domain.progress import Change, Profile, SessionRecord
from skill.store.base import ConflictError, StoreError, save_with_retry

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


class SqliteStore:
    """Progress in a local SQLite file; safe to share between threads of one process."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        self._db.executescript(_SCHEMA)

    def load(self, user_key: str) -> Profile:
        try:
            with self._lock:
                row = self._db.execute(
                    "SELECT version, data FROM profiles WHERE user_key = ?", (user_key,)
                ).fetchone()
        except sqlite3.Error as error:
            raise StoreError(str(error)) from error
        if row is None:
            return Profile()
        return Profile.from_dict(json.loads(row[1]), version=row[0])

    def save(self, user_key: str, base: Profile, changes: list[Change]) -> Profile:
        return save_with_retry(self.load, self._write, user_key, base, changes)

    def _write(self, user_key: str, profile: Profile, expected: int,
               records: list[SessionRecord]) -> None:
        data = json.dumps(profile.to_dict(), separators=(",", ":"))
        try:
            with self._lock:
                self._db.execute("BEGIN IMMEDIATE")
                try:
                    if expected == 0:
                        cursor = self._db.execute(
                            "INSERT OR IGNORE INTO profiles VALUES (?, ?, ?)",
                            (user_key, profile.version, data))
                    else:
                        cursor = self._db.execute(
                            "UPDATE profiles SET version = ?, data = ? "
                            "WHERE user_key = ? AND version = ?",
                            (profile.version, data, user_key, expected))
                    if cursor.rowcount != 1:
                        self._db.execute("ROLLBACK")
                        raise ConflictError(user_key)
                    for record in records:
                        self._db.execute(
                            "INSERT OR REPLACE INTO sessions VALUES (?, ?, ?, ?)",
                            (user_key, record.id, record.finished_at,
                             json.dumps(asdict(record))))
                    self._db.execute("COMMIT")
                except sqlite3.Error:
                    self._db.execute("ROLLBACK")
                    raise
        except sqlite3.Error as error:
            raise StoreError(str(error)) from error

    def history(self, user_key: str, limit: int = 50) -> list[SessionRecord]:
        with self._lock:
            rows = self._db.execute(
                "SELECT data FROM sessions WHERE user_key = ? ORDER BY finished_at DESC LIMIT ?",
                (user_key, limit)).fetchall()
        return [SessionRecord(**json.loads(row[0])) for row in rows]

    def delete_user(self, user_key: str) -> None:
        try:
            with self._lock:
                self._db.execute("BEGIN IMMEDIATE")
                self._db.execute("DELETE FROM profiles WHERE user_key = ?", (user_key,))
                self._db.execute("DELETE FROM sessions WHERE user_key = ?", (user_key,))
                self._db.execute("COMMIT")
        except sqlite3.Error as error:
            raise StoreError(str(error)) from error

    def link_person(self, account_key: str, person_key: str) -> None:
        try:
            with self._lock:
                self._db.execute("INSERT OR IGNORE INTO persons VALUES (?, ?)",
                                 (account_key, person_key))
        except sqlite3.Error as error:
            raise StoreError(str(error)) from error

    def delete_account(self, account_key: str) -> None:
        try:
            with self._lock:
                self._db.execute("BEGIN IMMEDIATE")
                try:
                    keys = [account_key, *(row[0] for row in self._db.execute(
                        "SELECT person_key FROM persons WHERE account_key = ?",
                        (account_key,)))]
                    for key in keys:
                        self._db.execute("DELETE FROM profiles WHERE user_key = ?", (key,))
                        self._db.execute("DELETE FROM sessions WHERE user_key = ?", (key,))
                    self._db.execute("DELETE FROM persons WHERE account_key = ?",
                                     (account_key,))
                    self._db.execute("COMMIT")
                except sqlite3.Error:
                    self._db.execute("ROLLBACK")
                    raise
        except sqlite3.Error as error:
            raise StoreError(str(error)) from error

    def close(self) -> None:
        self._db.close()
