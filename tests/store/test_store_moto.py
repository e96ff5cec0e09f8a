"""The store contract, run against DynamoDBStore on moto's in-process DynamoDB."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from moto import mock_aws

from skill.store import schema
from skill.store.dynamodb import DynamoDBStore, make_client
from tests.support.store_contract import CONTRACT, Backend

TABLE = "release-coach-progress"


class SerializedClient:
    """A client proxy that sends one request at a time.

    moto's backend is not thread-safe: two conditional writes racing inside it can
    both pass their check. DynamoDB applies every request atomically, which this lock
    stands in for; threads still interleave *between* requests, so the store's
    optimistic concurrency is exercised for real.
    """

    def __init__(self, client: Any) -> None:
        self._client = client
        self._lock = threading.Lock()

    def __getattr__(self, name: str) -> Any:
        attribute = getattr(self._client, name)
        if not callable(attribute) or name.startswith("_"):
            return attribute

        def call(*args: Any, **kwargs: Any) -> Any:
            with self._lock:
                return attribute(*args, **kwargs)

        return call


def scan_all(client: Any, table: str) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    for page in client.get_paginator("scan").paginate(TableName=table, ConsistentRead=True):
        items.extend(page["Items"])
    return items


@pytest.fixture
def aws_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_DYNAMODB", "AWS_PROFILE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")


@pytest.fixture
def backend(aws_env: None) -> Iterator[Backend]:
    with mock_aws():
        client = SerializedClient(make_client(region_name="us-east-1"))
        schema.create_table(client, TABLE)  # type: ignore[arg-type]

        def dump() -> str:
            return json.dumps(scan_all(client, TABLE))

        yield Backend("moto", lambda: DynamoDBStore(TABLE, client), dump)  # type: ignore[arg-type]


@pytest.mark.parametrize("check", CONTRACT, ids=lambda check: check.__name__)
def test_contract(backend: Backend, check: Callable[[Backend], None]) -> None:
    check(backend)


def test_table_matches_schema(aws_env: None) -> None:
    with mock_aws():
        client = make_client(region_name="us-east-1")
        assert schema.create_table(client, TABLE) is True
        assert schema.create_table(client, TABLE) is False  # idempotent
        table = client.describe_table(TableName=TABLE)["Table"]
        assert table["KeySchema"] == schema.TABLE_KEY_SCHEMA
        assert sorted(table["AttributeDefinitions"], key=str) == sorted(
            schema.TABLE_ATTRIBUTE_DEFINITIONS, key=str)
        assert table["BillingModeSummary"]["BillingMode"] == schema.BILLING_MODE


def test_items_have_the_agreed_shape(aws_env: None) -> None:
    from skill.domain.progress import SessionCompleted
    from tests.support.store_contract import record

    with mock_aws():
        client = make_client(region_name="us-east-1")
        schema.create_table(client, TABLE)
        store = DynamoDBStore(TABLE, client)
        store.save("u_shape", store.load("u_shape"), [SessionCompleted(record(1))])
        items = {item["sk"]["S"]: item for item in scan_all(client, TABLE)}
        profile = items.pop(schema.PROFILE_SK)
        assert profile["pk"] == {"S": "u_shape"}
        assert profile["version"] == {"N": "1"}
        assert json.loads(profile["profile"]["S"])["sessions"] == 1
        [(sk, session)] = items.items()
        assert sk == schema.session_sort_key(record(1).finished_at, record(1).id)
        assert sk.startswith(schema.SESSION_PREFIX)
        assert json.loads(session["session"]["S"])["id"] == record(1).id


def test_store_reads_the_endpoint_from_the_environment(aws_env: None,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from skill.store import dynamodb

    monkeypatch.setenv("AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:9")
    dynamodb.reset_clients()
    try:
        client = DynamoDBStore(TABLE).client
        assert client.meta.endpoint_url == "http://127.0.0.1:9"
        assert DynamoDBStore(TABLE).client is client  # one client per process
    finally:
        dynamodb.reset_clients()
