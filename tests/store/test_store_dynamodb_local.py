"""The store contract, run against DynamoDBStore talking HTTP to Amazon's DynamoDB Local.

DynamoDB Local implements ``TransactWriteItems``, so every check runs, the ones that
complete a session included; nothing is expected to fail. One JVM serves the whole
module (starting one takes a second or two); each test gets a table of its own, made
by :func:`skill.store.schema.create_table`. Clients are plain boto3 clients with no
lock around them: the server itself has to keep racing writers apart.
"""

from __future__ import annotations

import itertools
import json
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from skill.domain.progress import (
    NoticeHeard,
    Position,
    PositionSet,
    SessionCompleted,
    TimeZoneLearned,
)
from skill.store import schema
from skill.store.dynamodb import DynamoDBStore
from tests.support.dynalite_server import client_for
from tests.support.dynamodb_local_server import DynamoDBLocalServer, module_server
from tests.support.store_contract import (
    CONTRACT,
    THREADS,
    Backend,
    check_concurrent_sessions_all_count,
    record,
)

TABLE = "release-coach-progress"
RACING_BUDGET_SECONDS = 30.0
_table_numbers = itertools.count(1)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DynamoDBLocalServer]:
    with module_server(tmp_path_factory, "dynamodb-local") as running:
        yield running


@pytest.fixture
def table(server: DynamoDBLocalServer) -> str:
    """A new, empty table for this test, on the module's server."""
    name = f"{TABLE}-{next(_table_numbers)}"
    assert schema.create_table(client_for(server), name) is True
    return name


@dataclass
class Stores:
    """Every store a backend handed out, each with its own client (as separate Lambdas)."""

    server: DynamoDBLocalServer
    table: str
    made: list[DynamoDBStore] = field(default_factory=list)

    def make(self) -> DynamoDBStore:
        # The contract checks that racing writers all count; on a JVM sharing two busy cores,
        # eight devices colliding can take longer than the 0.6 s a turn allows itself (that
        # budget is tested on its own in test_store_resilience.py).
        store = DynamoDBStore(self.table, client_for(self.server),
                              retry_budget_seconds=RACING_BUDGET_SECONDS)
        self.made.append(store)
        return store

    def calls(self, operation: str) -> int:
        return sum(store.meter.calls[operation] for store in self.made)


@pytest.fixture
def stores(server: DynamoDBLocalServer, table: str) -> Stores:
    return Stores(server, table)


@pytest.fixture
def backend(stores: Stores) -> Backend:
    client = client_for(stores.server)

    def dump() -> str:
        pages = client.get_paginator("scan").paginate(TableName=stores.table,
                                                      ConsistentRead=True)
        return json.dumps([item for page in pages for item in page["Items"]])

    return Backend("dynamodb-local", stores.make, dump, transactions=True)


@pytest.mark.parametrize("check", CONTRACT, ids=lambda check: check.__name__)
def test_contract(backend: Backend, stores: Stores, check: Callable[[Backend], None]) -> None:
    check(backend)
    if check is check_concurrent_sessions_all_count:
        # Every thread read version 0 before the barrier, so exactly one first write can
        # win: the other THREADS - 1 must have been refused by the server and retried.
        assert stores.calls("TransactWriteItems") >= 2 * THREADS - 1


def test_table_matches_schema(server: DynamoDBLocalServer, table: str) -> None:
    client = client_for(server)
    assert schema.create_table(client, table) is False  # already there: only waited for
    description = client.describe_table(TableName=table)["Table"]
    assert description["TableStatus"] == "ACTIVE"
    assert description["KeySchema"] == schema.TABLE_KEY_SCHEMA
    assert sorted(description["AttributeDefinitions"], key=str) == sorted(
        schema.TABLE_ATTRIBUTE_DEFINITIONS, key=str)
    assert description["BillingModeSummary"]["BillingMode"] == schema.BILLING_MODE


@pytest.mark.parametrize("crash", [False, True], ids=["stopped", "killed"])
def test_progress_survives_a_server_restart(server: DynamoDBLocalServer, table: str,
                                            crash: bool) -> None:
    key = "u_durable"
    store = DynamoDBStore(table, client_for(server))
    store.save(key, store.load(key), [NoticeHeard("2026-03-02"),
                                      PositionSet(Position("daily", 1, 2, "2026-03-02"))])
    # A completed session: the profile and the history item in one transaction.
    store.save(key, store.load(key), [SessionCompleted(record(1)),
                                      TimeZoneLearned("Europe/Berlin")])
    position = Position("daily", 1, 3, "2026-03-02", seconds_done=120, steps_done=3)
    saved = store.save(key, store.load(key), [PositionSet(position)])
    assert (saved.version, saved.sessions) == (3, 1)

    server.restart(crash=crash)  # SIGTERM, or SIGKILL: no chance to flush anything

    # A fresh client: nothing cached on the Python side can answer for the server.
    reopened = DynamoDBStore(table, client_for(server))
    assert reopened.load(key) == saved
    assert reopened.load(key).position == position
    assert reopened.load(key).time_zone == "Europe/Berlin"
    assert reopened.history(key) == [record(1)]
    later = reopened.save(key, reopened.load(key), [SessionCompleted(record(2))])
    assert (later.version, later.sessions, later.seconds) == (4, 2, 720)
    assert reopened.history(key) == [record(2), record(1)]


@dataclass
class InFlight:
    """How many requests were on the wire at once, across every client it watches."""

    now: int = 0
    most: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def watch(self, client: Any) -> None:
        client.meta.events.register("before-call.dynamodb", self._sent)
        client.meta.events.register("after-call.dynamodb", self._answered)

    def _sent(self, **_: Any) -> None:
        with self.lock:
            self.now += 1
            self.most = max(self.most, self.now)

    def _answered(self, **_: Any) -> None:
        with self.lock:
            self.now -= 1


def test_racing_devices_on_a_real_server(stores: Stores) -> None:
    """THREADS devices, each completing ROUNDS sessions for one user, released together.

    Nothing serialises the requests on the Python side (each device has its own client
    and connection pool), so only the server's conditional writes keep the count right.
    """
    rounds = 3
    key = "u_race"
    devices = [stores.make() for _ in range(THREADS)]
    in_flight = InFlight()
    for device in devices:
        in_flight.watch(device.client)
    barrier = threading.Barrier(THREADS)
    errors: list[BaseException] = []

    def device_turns(n: int) -> None:
        try:
            store = devices[n]
            for round_ in range(rounds):
                base = store.load(key)
                barrier.wait(timeout=30)
                store.save(key, base, [SessionCompleted(record(round_ * THREADS + n))])
        except BaseException as error:  # collected: a thread's failure must fail the test
            errors.append(error)
            barrier.abort()  # the others would wait for this device forever

    threads = [threading.Thread(target=device_turns, args=(n,)) for n in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(thread.is_alive() for thread in threads)
    if errors:
        raise errors[0]

    total = rounds * THREADS
    final = devices[0].load(key)
    assert (final.sessions, final.seconds, final.version) == (total, total * 360, total)
    assert final.daily == {"2026-03-02": [total, total * 360]}
    history = devices[0].history(key, limit=100)
    assert sorted(r.id for r in history) == sorted(record(n).id for n in range(total))
    # The race was real: requests overlapped on the wire, and writes were refused.
    assert in_flight.most > 1
    assert stores.calls("TransactWriteItems") > total


def test_server_data_lives_in_its_db_path(server: DynamoDBLocalServer, table: str) -> None:
    """-sharedDb: one SQLite file under -dbPath, whatever the client's key or region."""
    store = DynamoDBStore(table, client_for(server))
    store.save("u_file", store.load("u_file"), [SessionCompleted(record(7))])
    assert (Path(server.path) / "shared-local-instance.db").is_file()
