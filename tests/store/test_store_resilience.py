"""DynamoDBStore under throttling and outages, and the skill carrying on when the store fails."""

from __future__ import annotations

import json
import logging
import random
from collections.abc import Iterator
from typing import Any

import pytest
from botocore.exceptions import ClientError, EndpointConnectionError
from botocore.stub import Stubber
from moto import mock_aws

from skill.alexa.app import build_app
from skill.alexa.turns import no_time_zone
from skill.domain.content import phrase
from skill.domain.progress import NoticeHeard, Profile, SessionCompleted
from skill.hosts.envelopes import Device
from skill.store import ConflictError, StoreError, schema, user_key
from skill.store.base import CONFLICT_BACKOFF_SECONDS, DEFAULT_SAVE_ATTEMPTS
from skill.store.dynamodb import (
    READ_TIMEOUT_SECONDS,
    RETRY_BUDGET_SECONDS,
    DynamoDBStore,
    make_client,
)
from tests.support.store_contract import record, say, speech

TABLE = "release-coach-progress"
KEY = "u_resilience"


class FakeClock:
    """Time that passes only when the store sleeps, so budgets are tested in no time."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        assert seconds >= 0
        self.sleeps.append(seconds)
        self.now += seconds


def client_error(code: str, operation: str = "GetItem", status: int = 400,
                 **extra: Any) -> ClientError:
    response: dict[str, Any] = {"Error": {"Code": code, "Message": f"{code} happened"},
                                "ResponseMetadata": {"HTTPStatusCode": status}, **extra}
    return ClientError(response, operation)  # type: ignore[arg-type]


class FailingClient:
    """Every request fails with ``error``; counts the attempts."""

    def __init__(self, error: Exception) -> None:
        self.error = error
        self.attempts = 0

    def _fail(self, **_: Any) -> Any:
        self.attempts += 1
        raise self.error

    get_item = put_item = transact_write_items = query = batch_write_item = _fail


def store_with(client: Any, clock: FakeClock) -> DynamoDBStore:
    return DynamoDBStore(TABLE, client, sleep=clock.sleep, clock=clock,
                         rng=random.Random(7))


@pytest.fixture
def offline_client(monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.delenv("AWS_ENDPOINT_URL_DYNAMODB", raising=False)
    return make_client(region_name="us-east-1")


PROFILE_ITEM = {
    "pk": {"S": KEY}, "sk": {"S": "PROFILE"}, "version": {"N": "4"},
    "profile": {"S": json.dumps({"sessions": 3, "safety_notice_heard": True})},
}


def test_throttled_read_is_retried_and_succeeds(offline_client: Any) -> None:
    clock = FakeClock()
    store = store_with(offline_client, clock)
    with Stubber(offline_client) as stub:
        stub.add_client_error("get_item", "ProvisionedThroughputExceededException")
        stub.add_client_error("get_item", "ThrottlingException")
        stub.add_response("get_item", {"Item": PROFILE_ITEM,
                                       "ConsumedCapacity": {"TableName": TABLE,
                                                            "CapacityUnits": 1.0}})
        profile = store.load(KEY)
        stub.assert_no_pending_responses()
    assert (profile.version, profile.sessions) == (4, 3)
    assert len(clock.sleeps) == 2
    assert store.meter.calls["GetItem"] == 3
    assert store.meter.units["GetItem"] == 1.0


def test_throttled_transaction_is_retried_with_the_same_token(offline_client: Any) -> None:
    clock = FakeClock()
    store = store_with(offline_client, clock)
    tokens: list[str] = []
    offline_client.meta.events.register(
        "provide-client-params.dynamodb.TransactWriteItems",
        lambda params, **_: tokens.append(params["ClientRequestToken"]))
    with Stubber(offline_client) as stub:
        stub.add_response("get_item", {})
        stub.add_client_error("transact_write_items", "TransactionCanceledException",
                              modeled_fields={"CancellationReasons": [
                                  {"Code": "None"}, {"Code": "TransactionConflict"}]})
        stub.add_client_error("transact_write_items", "InternalServerError", http_status_code=500)
        stub.add_response("transact_write_items", {})
        saved = store.save(KEY, store.load(KEY), [SessionCompleted(record(1))])
        stub.assert_no_pending_responses()
    assert saved.sessions == 1
    assert len(tokens) == 3 and len(set(tokens)) == 1


def test_persistent_throttling_gives_up_within_the_budget(offline_client: Any) -> None:
    clock = FakeClock()
    client = FailingClient(client_error("ThrottlingException"))
    store = store_with(client, clock)
    started = clock()
    with pytest.raises(StoreError, match="ThrottlingException") as raised:
        store.load(KEY)
    assert clock() - started <= RETRY_BUDGET_SECONDS
    assert client.attempts >= 5  # backoff starts small, so a short burst is ridden out
    assert client.attempts == len(clock.sleeps) + 1
    assert KEY not in str(raised.value)
    assert isinstance(raised.value.__cause__, ClientError)


def test_connection_failures_are_retried_then_reported(offline_client: Any) -> None:
    clock = FakeClock()
    client = FailingClient(EndpointConnectionError(endpoint_url="http://127.0.0.1:9"))
    store = store_with(client, clock)
    with pytest.raises(StoreError, match="EndpointConnectionError"):
        store.save(KEY, Profile(), [NoticeHeard("2026-03-01")])
    assert client.attempts > 1
    assert sum(clock.sleeps) <= RETRY_BUDGET_SECONDS


@pytest.mark.parametrize("code", ["AccessDeniedException", "ValidationException",
                                  "ResourceNotFoundException"])
def test_other_errors_fail_at_once(code: str) -> None:
    clock = FakeClock()
    client = FailingClient(client_error(code))
    with pytest.raises(StoreError, match=code) as raised:
        store_with(client, clock).load(KEY)
    assert client.attempts == 1
    assert clock.sleeps == []
    assert not isinstance(raised.value, ConflictError)


def test_conditional_failures_become_conflicts_and_are_re_read(offline_client: Any) -> None:
    clock = FakeClock()
    store = store_with(offline_client, clock)
    with Stubber(offline_client) as stub:
        stub.add_client_error("put_item", "ConditionalCheckFailedException")
        stub.add_response("get_item", {"Item": PROFILE_ITEM})
        stub.add_response("put_item", {}, expected_params=None)
        stub.add_client_error("transact_write_items", "TransactionCanceledException",
                              modeled_fields={"CancellationReasons": [
                                  {"Code": "ConditionalCheckFailed"}, {"Code": "None"}]})
        stub.add_response("get_item", {"Item": PROFILE_ITEM})
        stub.add_response("transact_write_items", {})
        first = store.save(KEY, Profile(), [NoticeHeard("2026-03-01")])
        second = store.save(KEY, Profile(), [SessionCompleted(record(1))])
        stub.assert_no_pending_responses()
    assert first.version == 5 and first.sessions == 3
    assert second.version == 5 and second.sessions == 4
    # One short jittered pause per conflict, so colliding devices do not collide again.
    assert len(clock.sleeps) == 2 and all(s <= CONFLICT_BACKOFF_SECONDS for s in clock.sleeps)


def test_endless_conflicts_give_up(offline_client: Any) -> None:
    store = store_with(offline_client, FakeClock())
    with Stubber(offline_client) as stub:
        for _ in range(DEFAULT_SAVE_ATTEMPTS):
            stub.add_client_error("put_item", "ConditionalCheckFailedException")
            stub.add_response("get_item", {"Item": PROFILE_ITEM})
        # Whichever comes first: the attempts or the operation's time budget.
        with pytest.raises(StoreError, match=r"conflicting|budget"):
            store.save(KEY, Profile(), [NoticeHeard("2026-03-01")])


# ------------------------------------------------------------------ the skill carries on


class SwitchableClient:
    """A real (moto) client that can be made to fail every request, like an outage."""

    def __init__(self, client: Any) -> None:
        self._client = client
        self.failing = False

    def __getattr__(self, name: str) -> Any:
        attribute = getattr(self._client, name)
        if not callable(attribute) or name.startswith("_"):
            return attribute

        def call(*args: Any, **kwargs: Any) -> Any:
            if self.failing:
                raise client_error("ServiceUnavailable", status=503)
            return attribute(*args, **kwargs)

        return call


@pytest.fixture
def outage(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[SwitchableClient, DynamoDBStore]]:
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.delenv("AWS_ENDPOINT_URL_DYNAMODB", raising=False)
    with mock_aws():
        client = SwitchableClient(make_client(region_name="us-east-1"))
        schema.create_table(client, TABLE)  # type: ignore[arg-type]
        clock = FakeClock()
        yield client, store_with(client, clock)


def test_routine_continues_through_an_outage(outage: tuple[SwitchableClient, DynamoDBStore],
                                             caplog: pytest.LogCaptureFixture) -> None:
    client, store = outage
    app = build_app(store, time_zone_lookup=no_time_zone, user_key_secret="s")
    device = Device(user_id="amzn1.ask.account.OUTAGE-USER")
    say(app, device, device.launch())
    say(app, device, device.intent("AMAZON.YesIntent"))
    started = say(app, device, device.intent("AMAZON.NoIntent"))  # the first-use screen
    step = started["sessionAttributes"]["position"]["step"]
    assert store.load(user_key(device.user_id, "s")).position is not None

    client.failing = True
    caplog.set_level(logging.INFO)
    moved = say(app, device, device.intent("AMAZON.NextIntent"))

    body = moved["response"]
    assert body["shouldEndSession"] is False
    assert body["outputSpeech"]["type"] == "SSML"
    assert moved["sessionAttributes"]["mode"] == "between_steps"
    assert moved["sessionAttributes"]["position"]["step"] == step + 1
    assert phrase("save_failed") in speech(moved)
    assert phrase("error") not in speech(moved)
    assert not [r for r in caplog.records if r.exc_info]
    assert "OUTAGE-USER" not in caplog.text
    assert user_key(device.user_id, "s") not in caplog.text

    # And again: the session attributes alone keep the routine moving.
    # And on to the end: the session attributes alone carry the routine, and the
    # completed session (which cannot be saved) is still congratulated, not an error.
    for turn in range(20):
        if device.attributes.get("mode") == "feel_check":
            break
        again = say(app, device, device.intent("AMAZON.NextIntent"))
        assert phrase("save_failed") in speech(again)
        assert phrase("error") not in speech(again)
        assert again["sessionAttributes"]["position"]["step"] == step + 2 + turn
    assert "How did that feel?" in speech(again)
    say(app, device, device.intent("FeelingGoodIntent"))
    assert device.session_id is None

    client.failing = False
    kept = store.load(user_key(device.user_id, "s")).position
    assert kept is not None and kept.step == step  # the last place that could be saved


def test_launch_during_an_outage_still_answers(
        outage: tuple[SwitchableClient, DynamoDBStore]) -> None:
    client, store = outage
    client.failing = True
    app = build_app(store, time_zone_lookup=no_time_zone)
    device = Device()
    launched = say(app, device, device.launch())
    assert launched["response"]["shouldEndSession"] is False
    assert speech(launched).startswith("<speak>")
    screen = say(app, device, device.intent("AMAZON.YesIntent"))
    assert screen["sessionAttributes"]["mode"] == "safety_screen"
    started = say(app, device, device.intent("AMAZON.NoIntent"))
    assert started["sessionAttributes"]["mode"] == "between_steps"
    assert phrase("save_failed") in speech(started)
    # The safety questions were answered in this session: not asked again while the
    # store is down (the session remembers them).
    again = say(app, device, device.intent("GuideExerciseIntent", {"Exercise": ("bridge",
                                                                              "bridge")}))
    assert "safety check" not in speech(again) and "hip-width" in speech(again)


class HangingClient:
    """Every request waits out the read timeout (on the fake clock) and then fails."""

    def __init__(self, clock: FakeClock) -> None:
        self.clock = clock
        self.attempts = 0

    def _hang(self, **_: Any) -> Any:
        from botocore.exceptions import ReadTimeoutError

        self.attempts += 1
        self.clock.now += READ_TIMEOUT_SECONDS
        raise ReadTimeoutError(endpoint_url="http://127.0.0.1:9")

    get_item = put_item = transact_write_items = query = batch_write_item = _hang


@pytest.mark.parametrize("operation", ["load", "save", "complete"])
def test_a_hanging_store_is_given_up_on_within_the_turn_budget(operation: str) -> None:
    # Before: 2 s read timeouts within a 2.5 s budget, per request: over 4 s a turn.
    clock = FakeClock()
    client = HangingClient(clock)
    store = store_with(client, clock)
    started = clock()
    with pytest.raises(StoreError):
        if operation == "load":
            store.load(KEY)
        elif operation == "save":
            store.save(KEY, Profile(), [NoticeHeard("2026-03-01")])
        else:
            store.save(KEY, Profile(), [SessionCompleted(record(1))])
    assert clock() - started <= RETRY_BUDGET_SECONDS + READ_TIMEOUT_SECONDS
    assert clock() - started <= 1.2  # so a read and a write stay near 1.5 s together
    assert client.attempts >= 2  # one lost packet does not lose the save


def test_conflict_re_reads_share_the_save_budget(offline_client: Any) -> None:
    clock = FakeClock()
    store = store_with(offline_client, clock)
    with Stubber(offline_client) as stub:
        for _ in range(DEFAULT_SAVE_ATTEMPTS):
            stub.add_client_error("put_item", "ConditionalCheckFailedException")
            stub.add_response("get_item", {"Item": PROFILE_ITEM})
        with pytest.raises(StoreError):
            store.save(KEY, Profile(), [NoticeHeard("2026-03-01")])
    # Before, each re-read had a budget of its own: ten conflicts could take many seconds.
    # Now the whole save stops within its budget, plus at most one jittered conflict pause.
    assert clock() - 1000.0 <= RETRY_BUDGET_SECONDS + CONFLICT_BACKOFF_SECONDS * 2 ** 5
