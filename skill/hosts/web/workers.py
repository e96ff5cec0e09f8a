"""waitress's worker threads, as many as there is Python to run, and more while turns wait.

Why not simply many threads: a turn is Python, and one process runs Python on one core at
a time. Every worker thread beyond the first makes the threads hand the interpreter to each
other, and on two cores that cost a third more CPU a request (issue 17, ``bench/load.py``:
0.78 ms with one worker, 0.95-1.03 with two, 1.12-1.19 with four, alternating runs). But a
turn that waits for Alexa's settings or Reminders API (a new session asks for the device's
time zone: tens to hundreds of milliseconds on a real network) must not hold every other
user's answer back behind it. So the server runs its *base* number of workers, and each
turn that waits on the network lends its place: a worker is added for as long as it waits
(at most :data:`MOST_WORKERS` in all), and leaves once a wait has ended.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Final, Protocol

# However many turns wait at once, no more worker threads than this.
MOST_WORKERS: Final = 16


class ThreadCount(Protocol):
    """What of waitress's task dispatcher this uses: its documented thread count."""

    def set_thread_count(self, count: int) -> None: ...


class ElasticWorkers:
    """``base`` workers, plus one for each turn waiting on the network right now."""

    def __init__(self, dispatcher: ThreadCount, base: int, most: int = MOST_WORKERS) -> None:
        self._dispatcher = dispatcher
        self._base = base
        self._most = max(base, most)
        self._waiting = 0
        self._lock = threading.Lock()

    @property
    def count(self) -> int:
        """How many workers there are meant to be now."""
        return min(self._most, self._base + self._waiting)

    @contextmanager
    def waiting(self) -> Iterator[None]:
        """Around a call that waits on the network: another worker runs turns meanwhile."""
        self._change(+1)
        try:
            yield
        finally:
            self._change(-1)

    def _change(self, by: int) -> None:
        with self._lock:
            self._waiting += by
            # waitress starts a thread for each one added, and stops an idle one (or the
            # next to finish its task) for each one taken away.
            self._dispatcher.set_thread_count(self.count)


__all__ = ["MOST_WORKERS", "ElasticWorkers", "ThreadCount"]
