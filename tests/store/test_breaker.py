"""The circuit breaker: a store that keeps failing is skipped for a while, then probed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from skill.domain.progress import NoticeHeard, Profile, SessionRecord
from skill.store import StoreError, UnreadableItem
from skill.store.breaker import FAILURES_TO_OPEN, BreakerStore, StoreUnavailable


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


class FlakyStore:
    """Fails while ``failing`` is set; counts the calls that reached it."""

    def __init__(self) -> None:
        self.failing = False
        self.unreadable = False
        self.calls = 0

    def _maybe_fail(self) -> None:
        self.calls += 1
        if self.unreadable:
            raise UnreadableItem("bad item")
        if self.failing:
            raise StoreError("down")

    def load(self, user_key: str) -> Profile:
        self._maybe_fail()
        return Profile()

    def save(self, user_key: str, base: Profile, changes: list[Any]) -> Profile:
        self._maybe_fail()
        return base

    def history(self, user_key: str, limit: int = 50) -> list[SessionRecord]:
        self._maybe_fail()
        return []

    def delete_user(self, user_key: str) -> bool:
        self._maybe_fail()
        return True

    def link_person(self, account_key: str, person_key: str) -> None:
        self._maybe_fail()

    def delete_account(self, account_key: str) -> None:
        self._maybe_fail()


def make() -> tuple[FlakyStore, BreakerStore, Clock]:
    inner, clock = FlakyStore(), Clock()
    return inner, BreakerStore(inner, open_seconds=5.0, clock=clock), clock


def test_failing_store_is_skipped_then_probed_then_used_again() -> None:
    inner, store, clock = make()
    inner.failing = True
    for _ in range(FAILURES_TO_OPEN):
        with pytest.raises(StoreError) as raised:
            store.load("u")
        assert not isinstance(raised.value, StoreUnavailable)
    assert inner.calls == FAILURES_TO_OPEN
    # Open: the store is not asked at all, and the error is still a StoreError, which the
    # turn answers with the "couldn't save" note.
    for _ in range(10):
        with pytest.raises(StoreUnavailable):
            store.load("u")
    assert inner.calls == FAILURES_TO_OPEN
    clock.now += 5.0
    with pytest.raises(StoreError):  # the probe fails: open again
        store.load("u")
    assert inner.calls == FAILURES_TO_OPEN + 1
    with pytest.raises(StoreUnavailable):
        store.load("u")
    inner.failing = False
    clock.now += 5.0
    assert store.load("u") == Profile()  # the probe succeeds: closed
    store.load("u")
    assert inner.calls == FAILURES_TO_OPEN + 3


def test_reads_and_writes_trip_separately() -> None:
    inner, store, _ = make()
    inner.failing = True
    for _ in range(FAILURES_TO_OPEN):
        with pytest.raises(StoreError):
            store.save("u", Profile(), [NoticeHeard("2026-03-01")])
    writes: list[Callable[[], object]] = [
        lambda: store.delete_user("u"), lambda: store.link_person("u", "p"),
        lambda: store.delete_account("u")]
    for write in writes:
        with pytest.raises(StoreUnavailable):
            write()
    assert inner.calls == FAILURES_TO_OPEN
    inner.failing = False
    assert store.load("u") == Profile()  # a locked file for writing can still be read
    assert store.history("u") == []


def test_successes_reset_the_count_and_bad_items_do_not_count() -> None:
    inner, store, _ = make()
    for _ in range(5):
        inner.failing = True
        for _ in range(FAILURES_TO_OPEN - 1):
            with pytest.raises(StoreError):
                store.load("u")
        inner.failing = False
        store.load("u")
    inner.unreadable = True
    for _ in range(10):
        with pytest.raises(UnreadableItem):
            store.load("u")
    inner.unreadable = False
    assert store.load("u") == Profile()
