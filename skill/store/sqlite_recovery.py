"""Recovering a damaged progress file: keep it, salvage what can be read into a new one.

:class:`~skill.store.sqlite.SqliteStore` refuses a file that fails ``PRAGMA
quick_check`` and leaves it as it is. :func:`recover` (``release-coach recover-store``)
is the way back, run while nothing has the file open:

1. the damaged file (and its ``-wal`` and ``-shm``) is copied, untouched, to
   ``<name>.damaged-<UTC time>``;
2. a scratch copy of it is read row by row, stepping over rows and pages that cannot
   be read, and every row that reads back whole goes into a new file;
3. the new file passes ``quick_check`` and then takes the old one's place.

Nothing is ever deleted: the damaged copy stays until someone removes it by hand.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from skill.store.sqlite import SqliteStore

TABLES = {"profiles": 3, "sessions": 4, "persons": 2}
# How far past an unreadable row the salvage looks for the next readable one, at most.
MAX_SKIP_ROWS = 4096
MAX_READ_ERRORS = 10_000


@dataclass
class Recovery:
    kept: Path
    recovered: dict[str, int] = field(default_factory=dict)
    unreadable: dict[str, int] = field(default_factory=dict)


def _copy_with_journal(source: Path, target: Path) -> None:
    shutil.copy2(source, target)
    for suffix in ("-wal", "-shm"):
        extra = Path(f"{source}{suffix}")
        if extra.exists():
            shutil.copy2(extra, Path(f"{target}{suffix}"))


def _remove_with_journal(path: Path) -> None:
    for candidate in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        candidate.unlink(missing_ok=True)


def _readable_rows(db: sqlite3.Connection, table: str,
                   columns: int) -> tuple[list[tuple[object, ...]], int]:
    """Every row of ``table`` that reads back, by rowid, stepping over damaged ones."""
    rows: list[tuple[object, ...]] = []
    errors = 0
    after = -(2 ** 63)
    step = 1
    while errors < MAX_READ_ERRORS:
        try:
            cursor = db.execute(f"SELECT rowid, * FROM {table} WHERE rowid > ? ORDER BY rowid",
                                (after,))
            for row in cursor:
                after = int(row[0])
                if len(row) == columns + 1:
                    rows.append(tuple(row[1:]))
                step = 1
            return rows, errors
        except sqlite3.DatabaseError as error:
            if "no such table" in str(error) or "not a database" in str(error):
                raise
            errors += 1
            # The next row after ``after`` is on a damaged page: look further on each time.
            after += step
            step = min(step * 2, MAX_SKIP_ROWS)
            if after > 2 ** 62:
                break
    return rows, errors


def _sound(table: str, row: tuple[object, ...]) -> bool:
    """Whether a salvaged row is one the store could use."""
    if not all(isinstance(value, str | int) for value in row):
        return False
    if table in ("profiles", "sessions"):
        try:
            json.loads(str(row[-1]))
        except ValueError:
            return False
    return True


def recover(path: str | Path) -> Recovery:
    """Keep a copy of the damaged file at ``path`` and put a salvaged one in its place."""
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(path)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    kept = path.with_name(f"{path.name}.damaged-{stamp}")
    _copy_with_journal(path, kept)
    scratch = path.with_name(f"{path.name}.reading")
    fresh = path.with_name(f"{path.name}.recovered")
    for leftover in (scratch, fresh):
        _remove_with_journal(leftover)
    _copy_with_journal(path, scratch)
    report = Recovery(kept)
    try:
        target = SqliteStore(fresh)
        target.close()
        source = sqlite3.connect(scratch, isolation_level=None)
        into = sqlite3.connect(fresh, isolation_level=None)
        try:
            for table, columns in TABLES.items():
                try:
                    rows, errors = _readable_rows(source, table, columns)
                except sqlite3.DatabaseError:
                    rows, errors = [], 1  # the table itself cannot be found
                good = [row for row in rows if _sound(table, row)]
                marks = ", ".join("?" * columns)
                into.execute("BEGIN")
                into.executemany(f"INSERT OR IGNORE INTO {table} VALUES ({marks})", good)
                into.execute("COMMIT")
                report.recovered[table] = len(good)
                report.unreadable[table] = errors + len(rows) - len(good)
            check = into.execute("PRAGMA quick_check").fetchone()
            if check is None or check[0] != "ok":
                raise sqlite3.DatabaseError("the recovered file failed its own check")
            into.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            source.close()
            into.close()
        _remove_with_journal(path)
        os.replace(fresh, path)
        for suffix in ("-wal", "-shm"):
            Path(f"{fresh}{suffix}").unlink(missing_ok=True)
    finally:
        _remove_with_journal(scratch)
    return report
