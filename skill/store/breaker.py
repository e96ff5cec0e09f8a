"""A circuit breaker around any store: a store that keeps failing is skipped for a while.

During an outage every turn would otherwise wait out the store's time budget, and
on a web server with a few worker threads those waits queue up until answers miss
Alexa's 8 s. After ``failures_to_open`` failures in a row the breaker opens: for
``open_seconds`` every call raises :class:`StoreUnavailable` (a :class:`StoreError`)
at once, and the turn answers from the session attributes with the "couldn't save"
note. Then one call at a time is let through as a probe; a success closes it again.

Reads and writes have circuits of their own: an embedded file that another program
has locked for writing can still be read, so progress questions keep working.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import TypeVar

from skill.domain.progress import Change, Profile, SessionRecord
from skill.store.base import DeletionUnderway, ProgressStore, StoreError, UnreadableItem

T = TypeVar("T")

logger = logging.getLogger("release_coach.store.breaker")

FAILURES_TO_OPEN = 3
OPEN_SECONDS = 5.0


class StoreUnavailable(StoreError):
    """The breaker is open: the store was not asked."""


class Circuit:
    """Counts consecutive failures of one kind of call and decides whether to try at all."""

    def __init__(self, name: str, failures_to_open: int, open_seconds: float,
                 clock: Callable[[], float]) -> None:
        self.name = name
        self.failures_to_open = failures_to_open
        self.open_seconds = open_seconds
        self._clock = clock
        self._lock = threading.Lock()
        self._failures = 0
        self._open_until: float | None = None
        self._probing = False

    def call(self, attempt: Callable[[], T]) -> T:
        probe = self._admit()
        try:
            result = attempt()
        except (UnreadableItem, DeletionUnderway):
            # One user's bad item, or their delete still being finished, says nothing
            # about the store's health.
            self._settle(probe, ok=True)
            raise
        except StoreError:
            self._settle(probe, ok=False)
            raise
        except BaseException:
            self._settle(probe, ok=True)
            raise
        self._settle(probe, ok=True)
        return result

    def _admit(self) -> bool:
        """Whether this call is the half-open probe; raises if the call must not be made."""
        with self._lock:
            if self._open_until is None:
                return False
            if self._clock() < self._open_until or self._probing:
                raise StoreUnavailable(f"store {self.name}s skipped for a moment after failures")
            self._probing = True
            return True

    def _settle(self, probe: bool, *, ok: bool) -> None:
        with self._lock:
            if probe:
                self._probing = False
            if ok:
                if self._open_until is not None:
                    logger.info("store %ss work again; circuit closed", self.name)
                self._failures = 0
                self._open_until = None
                return
            self._failures += 1
            if probe or self._failures >= self.failures_to_open:
                if self._open_until is None:
                    logger.warning("store %ss failed %d times in a row; skipping them for %g s",
                                   self.name, self._failures, self.open_seconds)
                self._open_until = self._clock() + self.open_seconds


class BreakerStore:
    """A :class:`ProgressStore` that stops asking a failing store for a short while."""

    def __init__(self, store: ProgressStore, *, failures_to_open: int = FAILURES_TO_OPEN,
                 open_seconds: float = OPEN_SECONDS,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.store = store
        self.reads = Circuit("read", failures_to_open, open_seconds, clock)
        self.writes = Circuit("write", failures_to_open, open_seconds, clock)

    def load(self, user_key: str) -> Profile:
        return self.reads.call(lambda: self.store.load(user_key))

    def save(self, user_key: str, base: Profile, changes: list[Change]) -> Profile:
        return self.writes.call(lambda: self.store.save(user_key, base, changes))

    def history(self, user_key: str, limit: int = 50) -> list[SessionRecord]:
        return self.reads.call(lambda: self.store.history(user_key, limit))

    def delete_user(self, user_key: str) -> bool:
        return self.writes.call(lambda: self.store.delete_user(user_key))

    def link_person(self, account_key: str, person_key: str) -> None:
        self.writes.call(lambda: self.store.link_person(account_key, person_key))

    def delete_account(self, account_key: str) -> None:
        self.writes.call(lambda: self.store.delete_account(account_key))

    def close(self) -> None:
        close = getattr(self.store, "close", None)
        if callable(close):
            close()
