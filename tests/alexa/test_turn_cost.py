"""Every turn reads at most once and writes at most once, however long the user's history."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from moto import mock_aws

from bench.turn_cost import (
    READ_ONLY,
    SECRET,
    TABLE,
    CallCounter,
    TurnCost,
    replay,
    seed,
)
from skill.alexa.app import build_app
from skill.alexa.turns import no_time_zone
from skill.hosts.envelopes import Device
from skill.store import schema, user_key
from skill.store.dynamodb import DynamoDBStore, make_client

NOW = datetime(2026, 3, 16, 8, 0, tzinfo=UTC)
ALLOWED = {"GetItem", "PutItem", "TransactWriteItems"}


@pytest.fixture
def table(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Any, CallCounter]]:
    for name in ("AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_DYNAMODB", "AWS_PROFILE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    with mock_aws():
        client = make_client(region_name="us-east-1")
        schema.create_table(client, TABLE)
        yield client, CallCounter(client)


def conversation(client: Any, counter: CallCounter, user: str) -> list[TurnCost]:
    app = build_app(DynamoDBStore(TABLE, client), time_zone_lookup=no_time_zone,
                    user_key_secret=SECRET)
    return replay(app, Device(user_id=user), counter, NOW)


def assert_bounded(costs: list[TurnCost]) -> None:
    for n, cost in enumerate(costs):
        where = f"turn {n} ({cost.label}): {dict(cost.calls)}"
        assert set(cost.calls) <= ALLOWED, where
        assert cost.calls["GetItem"] <= 1, where
        assert cost.calls["PutItem"] + cost.calls["TransactWriteItems"] <= 1, where
        if cost.label in READ_ONLY:
            assert cost.writes == 0, where


def test_a_new_users_turns_are_bounded(table: tuple[Any, CallCounter]) -> None:
    client, counter = table
    costs = conversation(client, counter, "amzn1.ask.account.NEW")
    assert_bounded(costs)
    labels = [cost.label for cost in costs]
    assert {"help", "todays_routine", "progress_question", "next"} <= set(labels)
    # A new user's launch only reads; passing the safety questions (and the first step's
    # place) is saved in one write.
    assert costs[0].writes == 0
    screened = next(cost for cost in costs if cost.label == "safety_screen_no")
    assert screened.writes == 1
    # Each step saves the place; the last one completes the session in one transaction.
    nexts = [cost for cost in costs if cost.label == "next"]
    assert nexts[-1].calls["TransactWriteItems"] == 1
    assert all(cost.calls["PutItem"] == 1 for cost in nexts[:-1])


def test_turn_cost_does_not_grow_with_history(table: tuple[Any, CallCounter]) -> None:
    client, counter = table
    shapes = {}
    for sessions in (0, 100):
        user = f"amzn1.ask.account.HISTORY-{sessions}"
        seed(client, user_key(user, SECRET), sessions, NOW.date())
        costs = conversation(client, counter, user)
        assert_bounded(costs)
        shapes[sessions] = [(cost.label, sorted(cost.calls.items())) for cost in costs]
    assert shapes[0] == shapes[100]
    counter.reset()
    key = user_key("amzn1.ask.account.HISTORY-100", SECRET)
    assert len(DynamoDBStore(TABLE, client).history(key, limit=500)) == 101
