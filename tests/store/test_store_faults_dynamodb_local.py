"""Issue 18 on DynamoDB: faults injected by a loopback proxy in front of DynamoDB Local,
heard through ``lambda_handler`` (a Lambda with ``TABLE_NAME`` set, its client aimed
at the proxy) as a user would hear them. Also on moto, with the faults raised inside
botocore.

Each test names the defect of issue 18 it holds down. One JVM and one proxy serve the
module; each test has a table of its own.
"""

from __future__ import annotations

import itertools
import json
import time
from collections.abc import Iterator
from typing import Any

import boto3
import pytest
from botocore.config import Config
from botocore.exceptions import ClientError
from conftest import Conversation, LambdaHost

from skill.alexa.app import EventNotHandled
from skill.hosts import lambda_entry
from skill.hosts.envelopes import LOCAL_SKILL_ID
from skill.store import schema, user_key
from skill.store.dynamodb import DynamoDBStore, default_client, reset_clients
from skill.store.dynamodb import client as dynamodb_client
from tests.support.dynalite_server import point_dynamodb_at
from tests.support.dynamodb_local_server import DynamoDBLocalServer, module_server
from tests.support.fault_proxy import FaultProxy, fault_proxy

pytestmark = pytest.mark.jvm

FIRST_USE = "I'll guide you, by voice"
_tables = itertools.count(1)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DynamoDBLocalServer]:
    with module_server(tmp_path_factory, "dynamodb-local-faults") as running:
        yield running


@pytest.fixture(scope="module")
def proxy(server: DynamoDBLocalServer) -> Iterator[FaultProxy]:
    with fault_proxy(server.endpoint) as running:
        yield running


@pytest.fixture
def lambda_store(server: DynamoDBLocalServer, proxy: FaultProxy,
                 monkeypatch: pytest.MonkeyPatch) -> Iterator[DynamoDBStore]:
    """Overrides conftest's: the Lambda's table on DynamoDB Local, reached through the proxy.

    What is returned reads the table directly, past the proxy, to check what was stored.
    """
    table = f"faults-{next(_tables)}"
    # Checks and seeding go past the proxy, and are patient: they are not a turn.
    direct = boto3.client("dynamodb", endpoint_url=server.endpoint,
                          config=Config(read_timeout=60, retries={"max_attempts": 3}))
    assert schema.create_table(direct, table) is True
    # A JVM on two shared cores can take longer than the 0.5 s a real request is allowed;
    # the faults here come from the proxy at once, so only healthy requests wait longer.
    monkeypatch.setattr(dynamodb_client, "READ_TIMEOUT_SECONDS", 10.0)
    monkeypatch.setattr(dynamodb_client, "CONNECT_TIMEOUT_SECONDS", 5.0)
    monkeypatch.setenv("TABLE_NAME", table)
    monkeypatch.setenv("SKILL_ID", LOCAL_SKILL_ID)
    monkeypatch.setenv("AWS_ENDPOINT_URL_DYNAMODB", proxy.endpoint)
    reset_clients()
    proxy.clear()
    yield DynamoDBStore(table, direct)
    proxy.clear()
    reset_clients()


def returning(user: Conversation, days: int = 3) -> None:
    for _ in range(days):
        user.routine()
        user.later(days=1)


def writes(proxy: FaultProxy) -> int:
    return sum(proxy.passed[op] for op in ("PutItem", "TransactWriteItems", "BatchWriteItem"))


def items_of(store: DynamoDBStore, key: str) -> list[dict[str, Any]]:
    response = store.client.query(
        TableName=store.table_name, KeyConditionExpression="pk = :pk",
        ExpressionAttributeValues={":pk": {"S": key}}, ConsistentRead=True)
    items: list[dict[str, Any]] = response["Items"]
    return items


def new_container() -> None:
    """A fresh Lambda container: its circuit breaker has not seen the earlier faults."""
    lambda_entry.reset()


# ---------------------------------------------------------------- 1. unknown is not empty


@pytest.mark.parametrize("fault", ["throttle", "server_error", "refuse"])
def test_a_returning_user_whose_profile_cannot_be_read_is_never_told_they_are_new(
        user: Conversation, lambda_store: DynamoDBStore, proxy: FaultProxy,
        fault: str) -> None:
    returning(user)
    key = user_key(user.device.user_id)
    before = lambda_store.load(key)
    assert before.sessions == 3
    proxy.inject("GetItem", fault)
    written = writes(proxy)
    launch = user.launch()
    assert FIRST_USE not in launch and "can't reach your saved progress" in launch
    for intent in ("ProgressSummaryIntent", "StreakIntent", "SessionCountIntent"):
        answer = user.one_shot(intent)
        assert "can't reach your progress right now" in answer, (fault, intent, answer)
        assert "haven't finished a session" not in answer
    speeches = user.routine()
    assert any("couldn't save your progress" in speech for speech in speeches)
    assert writes(proxy) == written  # nothing was written over the progress it never saw
    assert lambda_store.load(key) == before


def test_a_read_that_fails_mid_session_does_not_ask_the_safety_questions_again(
        user: Conversation, lambda_store: DynamoDBStore, proxy: FaultProxy) -> None:
    returning(user, days=1)
    assert FIRST_USE not in user.launch()
    proxy.inject("GetItem", "refuse")
    start = user.say("AMAZON.YesIntent")
    assert user.device.attributes.get("mode") != "safety_screen", start
    assert user.device.attributes.get("in_routine") is True


# ---------------------------------------------------------------- 9. "may not have been"


def test_a_completion_whose_reply_is_lost_may_not_have_been_saved_and_counts_once(
        user: Conversation, lambda_store: DynamoDBStore, proxy: FaultProxy) -> None:
    returning(user, days=1)
    proxy.inject("TransactWriteItems", "lose_reply")  # every attempt applied, none answered
    speeches = user.routine()
    assert any("may not have been saved" in speech for speech in speeches)
    assert not any("couldn't save" in speech for speech in speeches)
    assert lambda_store.load(user_key(user.device.user_id)).sessions == 2  # it was stored


def test_a_lost_reply_settled_by_the_retry_is_saved_once_and_says_nothing(
        user: Conversation, lambda_store: DynamoDBStore, proxy: FaultProxy) -> None:
    returning(user, days=1)
    proxy.inject("TransactWriteItems", "lose_reply", times=1)
    speeches = user.routine()
    assert not any("saved" in speech for speech in speeches)
    assert lambda_store.load(user_key(user.device.user_id)).sessions == 2
    assert len(lambda_store.history(user_key(user.device.user_id))) == 2


def test_a_write_that_failed_before_it_was_sent_could_not_be_saved(
        user: Conversation, lambda_store: DynamoDBStore, proxy: FaultProxy) -> None:
    returning(user, days=1)
    proxy.inject("TransactWriteItems", "throttle")
    speeches = user.routine()
    assert any("couldn't save your progress" in speech for speech in speeches)
    assert lambda_store.load(user_key(user.device.user_id)).sessions == 1


# ---------------------------------------------------------------- 3. disabling that failed


@pytest.mark.parametrize(("operation", "fault"), [("BatchWriteItem", "throttle"),
                                                  ("PutItem", "server_error"),
                                                  ("Query", "refuse")])
def test_a_skill_disabled_event_whose_delete_fails_is_answered_with_an_error(
        user: Conversation, lambda_handler: Any, lambda_store: DynamoDBStore,
        proxy: FaultProxy, operation: str, fault: str) -> None:
    returning(user, days=2)
    event = user.device.event("AlexaSkillEvent.SkillDisabled")
    proxy.inject(operation, fault)
    with pytest.raises(EventNotHandled):
        lambda_handler(event, None)  # a failed invocation: not acknowledged to Alexa
    proxy.clear()
    new_container()
    assert lambda_handler(event, None)["response"] == {}  # the event delivered again
    assert items_of(lambda_store, user_key(user.device.user_id)) == []


def test_a_failed_skill_disabled_delete_goes_on_even_if_alexa_never_asks_again(
        user: Conversation, lambda_handler: Any, lambda_store: DynamoDBStore,
        proxy: FaultProxy) -> None:
    returning(user, days=2)
    proxy.inject("BatchWriteItem", "throttle")
    with pytest.raises(EventNotHandled):
        lambda_handler(user.device.event("AlexaSkillEvent.SkillDisabled"), None)
    proxy.clear()  # the throttling passes; no event comes again
    deadline = time.monotonic() + 30
    while items_of(lambda_store, user_key(user.device.user_id)) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert items_of(lambda_store, user_key(user.device.user_id)) == []


# ---------------------------------------------------------------- 4. delete, whatever happens


def add_history(store: DynamoDBStore, key: str, count: int) -> None:
    """``count`` old sessions written straight into the table, as years of use would."""
    requests = [{"PutRequest": {"Item": {
        "pk": {"S": key}, "sk": {"S": schema.session_sort_key(f"2024-01-01T00:{n:08d}", str(n))},
        "session": {"S": json.dumps({"id": str(n)})}}}} for n in range(count)]
    for start in range(0, len(requests), 25):
        pending: Any = {store.table_name: requests[start:start + 25]}
        while pending:
            pending = store.client.batch_write_item(RequestItems=pending)["UnprocessedItems"]


def test_a_delete_that_fails_part_way_says_so_and_is_finished_next_time(
        user: Conversation, lambda_store: DynamoDBStore, proxy: FaultProxy) -> None:
    returning(user, days=1)
    key = user_key(user.device.user_id)
    add_history(lambda_store, key, 30)
    user.one_shot("DeleteProgressIntent")
    proxy.inject("BatchWriteItem", "throttle", skip=1)  # one batch goes, then throttling
    answer = user.say("AMAZON.YesIntent")
    assert "I've started deleting, but I couldn't finish" in answer
    assert "nothing was removed" not in answer
    left = items_of(lambda_store, key)
    assert 0 < len(left) < 32 and all("profile" not in item for item in left)  # progress gone
    new_container()
    user.later(hours=1)
    # Still throttled: the delete cannot be finished yet, but what they asked for is true
    # already, so they start afresh; nothing of a new start is saved until it is finished.
    launch = user.launch()
    assert FIRST_USE in launch and "can't reach" not in launch
    assert items_of(lambda_store, key) != []
    proxy.clear()
    new_container()
    user.later(days=1)
    assert FIRST_USE in user.launch()  # the next read finished the delete: a fresh start
    assert items_of(lambda_store, key) == []


@pytest.mark.slow
def test_delete_my_progress_with_3000_sessions_deletes_everything_and_says_how_far(
        user: Conversation, lambda_store: DynamoDBStore, proxy: FaultProxy,
        capsys: pytest.CaptureFixture[str]) -> None:
    returning(user, days=1)
    key = user_key(user.device.user_id)
    add_history(lambda_store, key, 3000)
    user.one_shot("DeleteProgressIntent")
    started = time.perf_counter()
    answer = user.say("AMAZON.YesIntent")
    turn = time.perf_counter() - started
    assert turn < 5.0  # within Alexa's 8 s, with room for the rest of the turn
    assert "Everything is deleted" in answer or "I've started deleting." in answer
    assert all("profile" not in item for item in items_of(lambda_store, key))  # gone at once
    after_turn = len(items_of(lambda_store, key))
    # The rest goes on in the background; the user comes back a while later.
    while items_of(lambda_store, key) and time.perf_counter() - started < 120:
        time.sleep(0.5)
    everything = time.perf_counter() - started
    assert items_of(lambda_store, key) == []
    user.later(days=1)
    assert FIRST_USE in user.launch()
    with capsys.disabled():
        print(f"\n3000 sessions on DynamoDB Local: delete turn {turn:.2f} s "
              f"({3002 - after_turn} of 3002 items gone), everything gone after "
              f"{everything:.2f} s; the user heard: {answer}")


# ---------------------------------------------------------------- the same on moto


@pytest.fixture
def moto_lambda(monkeypatch: pytest.MonkeyPatch) -> Iterator[DynamoDBStore]:
    from moto import mock_aws

    point_dynamodb_at(monkeypatch, "", "testing")
    monkeypatch.delenv("AWS_ENDPOINT_URL_DYNAMODB")  # moto answers in process
    monkeypatch.setenv("TABLE_NAME", "faults-moto")
    monkeypatch.setenv("SKILL_ID", LOCAL_SKILL_ID)
    reset_clients()
    with mock_aws():
        schema.create_table(default_client(), "faults-moto")
        lambda_entry.reset()
        yield DynamoDBStore("faults-moto", default_client())
        lambda_entry.reset()
    reset_clients()


def throttle_reads(**_: Any) -> None:
    error: Any = {"Error": {"Code": "ThrottlingException", "Message": "slow down"},
                  "ResponseMetadata": {"HTTPStatusCode": 400}}
    raise ClientError(error, "GetItem")


def test_on_moto_a_throttled_read_is_not_a_new_user(moto_lambda: DynamoDBStore) -> None:
    user = Conversation(LambdaHost(lambda_entry.handle_event))
    returning(user, days=2)
    key = user_key(user.device.user_id)
    before = moto_lambda.load(key)
    assert before.sessions == 2
    default_client().meta.events.register("before-call.dynamodb.GetItem", throttle_reads)
    try:
        launch = user.launch()
        assert FIRST_USE not in launch and "can't reach your saved progress" in launch
        assert "can't reach your progress right now" in user.one_shot("StreakIntent")
    finally:
        default_client().meta.events.unregister("before-call.dynamodb.GetItem",
                                                throttle_reads)
    assert moto_lambda.load(key) == before
