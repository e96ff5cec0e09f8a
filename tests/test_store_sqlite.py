"""The store contract, run against the embedded SQLite store."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from skill.store.sqlite import SqliteStore
from tests.store_contract import CONTRACT, Backend


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
