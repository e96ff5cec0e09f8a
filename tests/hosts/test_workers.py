"""The web service's elastic worker threads: one more for each turn waiting on the network."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from threading import Barrier

from skill.hosts.web.workers import ElasticWorkers


class Dispatcher:
    """waitress's task dispatcher, as far as the workers see it: the counts it was given."""

    def __init__(self) -> None:
        self.counts: list[int] = []

    def set_thread_count(self, count: int) -> None:
        self.counts.append(count)


def test_a_waiting_turn_adds_a_worker_until_it_is_answered() -> None:
    dispatcher = Dispatcher()
    workers = ElasticWorkers(dispatcher, base=1)
    with workers.waiting():
        assert workers.count == 2
        with workers.waiting():
            assert workers.count == 3
    assert dispatcher.counts == [2, 3, 2, 1]
    assert workers.count == 1


def test_the_worker_comes_back_when_the_call_fails() -> None:
    dispatcher = Dispatcher()
    workers = ElasticWorkers(dispatcher, base=2)
    try:
        with workers.waiting():
            raise TimeoutError
    except TimeoutError:
        pass
    assert dispatcher.counts == [3, 2]


def test_no_more_workers_than_the_bound_however_many_wait() -> None:
    dispatcher = Dispatcher()
    workers = ElasticWorkers(dispatcher, base=1, most=4)
    seen: list[int] = []
    # The count once all ten wait at once.
    together = Barrier(10, action=lambda: seen.append(workers.count))

    def wait() -> None:
        with workers.waiting():
            together.wait(timeout=5)

    with ThreadPoolExecutor(10) as pool:
        list(pool.map(lambda _: wait(), range(10)))
    assert seen == [4]
    assert max(dispatcher.counts) == 4 and dispatcher.counts[-1] == 1
