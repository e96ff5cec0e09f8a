"""The DynamoDB store: each user's profile and session history in one table, for Lambda.

Items (see :mod:`skill.store.schema`): per user key, one profile item
(``sk = "PROFILE"``, a ``version`` number and the profile as compact JSON) and
one item per completed session (``sk = "SESSION#<finished_at>#<id>"``). A turn
costs one strongly consistent ``GetItem`` and at most one write: a conditional
``PutItem``, or a ``TransactWriteItems`` when a session was completed, so the
counters and the history record change together or not at all.
"""

from __future__ import annotations

import json
import logging
import os
import random
import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, TypeVar

from skill.domain.progress import Change, Profile, SessionRecord
from skill.store.base import ConflictError, StoreError, UnreadableItem, save_with_retry
from skill.store.schema import (
    PARTITION_KEY,
    PERSON_PREFIX,
    PROFILE_SK,
    SESSION_PREFIX,
    SORT_KEY,
    session_sort_key,
)

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient
    from mypy_boto3_dynamodb.type_defs import (
        AttributeValueTypeDef,
    )

logger = logging.getLogger("release_coach.store.dynamodb")

T = TypeVar("T")

# A turn reads once and writes at most once, and must not wait on the store for much
# more than 1.5 s in all: each operation (retries and conflict re-reads included) gets
# RETRY_BUDGET_SECONDS, and no attempt starts with less than MIN_ATTEMPT_SECONDS left,
# so an operation ends within the budget plus one request's timeout. DynamoDB answers
# in milliseconds; a request that has not answered in half a second is not going to.
CONNECT_TIMEOUT_SECONDS = 0.5
READ_TIMEOUT_SECONDS = 0.5
RETRY_BUDGET_SECONDS = 0.6
MIN_ATTEMPT_SECONDS = 0.05
# Deleting a user's history can take many batches; it is rare and asked for explicitly.
DELETE_BUDGET_SECONDS = 3.0
BACKOFF_BASE_SECONDS = 0.05
BACKOFF_CAP_SECONDS = 0.8
BATCH_WRITE_LIMIT = 25
TRANSACTION_LIMIT = 100

RETRYABLE_CODES = frozenset({
    "ProvisionedThroughputExceededException",
    "ThrottlingException",
    "RequestLimitExceeded",
    "TransactionConflictException",
    "TransactionInProgressException",
    "InternalServerError",
    "ServiceUnavailable",
})
# Cancellation reasons that mean "try the same transaction again", not "someone else won".
RETRYABLE_REASONS = frozenset({"TransactionConflict", "ThrottlingError",
                               "ProvisionedThroughputExceeded", "RequestLimitExceeded"})

_clients: dict[tuple[str | None, ...], DynamoDBClient] = {}
_clients_lock = threading.Lock()


def default_client() -> DynamoDBClient:
    """The process's DynamoDB client, created on first use and then reused.

    boto3 is imported here rather than at module level: importing this module stays
    cheap, and a cold start pays for boto3 only when the first turn needs the table.
    """
    # Keyed on the environment that decides the endpoint, so tests that point the
    # process at another endpoint get a client for it instead of a stale one.
    key = tuple(os.environ.get(name) for name in (
        "AWS_ENDPOINT_URL_DYNAMODB", "AWS_ENDPOINT_URL", "AWS_REGION", "AWS_DEFAULT_REGION"))
    with _clients_lock:
        client = _clients.get(key)
        if client is None:
            client = make_client()
            _clients[key] = client
        return client


def make_client(endpoint_url: str | None = None, region_name: str | None = None,
                **credentials: str) -> DynamoDBClient:
    """A new low-level client with timeouts short enough for an Alexa turn.

    ``endpoint_url`` is only passed on when given, so botocore still honours
    ``AWS_ENDPOINT_URL_DYNAMODB`` by itself.
    """
    import boto3
    from botocore.config import Config

    config = Config(
        connect_timeout=CONNECT_TIMEOUT_SECONDS,
        read_timeout=READ_TIMEOUT_SECONDS,
        # The store retries within its own time budget; botocore retrying as well
        # would multiply the attempts and blow through Alexa's 8 s.
        retries={"max_attempts": 0, "mode": "standard"},
        tcp_keepalive=True,
    )
    options: dict[str, Any] = dict(credentials)
    if endpoint_url is not None:
        options["endpoint_url"] = endpoint_url
    if region_name is not None:
        options["region_name"] = region_name
    client: DynamoDBClient = boto3.client("dynamodb", config=config, **options)
    return client


def reset_clients() -> None:
    """Forget the cached clients (tests that change the endpoint between runs)."""
    with _clients_lock:
        _clients.clear()


@dataclass
class CapacityMeter:
    """What the store asked of DynamoDB: requests and reported capacity units per operation.

    Every request passes ``ReturnConsumedCapacity="TOTAL"``; ``reported`` counts the
    requests whose response actually carried a figure (emulators may leave it out).
    """

    calls: Counter[str] = field(default_factory=Counter)
    units: dict[str, float] = field(default_factory=dict)
    reported: Counter[str] = field(default_factory=Counter)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    def record(self, operation: str, response: Mapping[str, Any] | None) -> None:
        consumed = response.get("ConsumedCapacity") if response is not None else None
        entries = consumed if isinstance(consumed, list) else [consumed] if consumed else []
        units = sum(float(entry.get("CapacityUnits", 0.0)) for entry in entries)
        with self._lock:
            self.calls[operation] += 1
            if entries:
                self.reported[operation] += 1
                self.units[operation] = self.units.get(operation, 0.0) + units

    def snapshot(self) -> CapacityMeter:
        with self._lock:
            return CapacityMeter(Counter(self.calls), dict(self.units), Counter(self.reported))

    def reset(self) -> None:
        with self._lock:
            self.calls.clear()
            self.units.clear()
            self.reported.clear()

    def total_units(self) -> float:
        with self._lock:
            return float(sum(self.units.values()))


class _Retry(Exception):
    """Internal: the request may succeed if sent again."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


class DynamoDBStore:
    """Progress in a DynamoDB table; one instance per container, safe across threads."""

    def __init__(self, table_name: str, client: DynamoDBClient | None = None, *,
                 retry_budget_seconds: float = RETRY_BUDGET_SECONDS,
                 sleep: Callable[[float], None] = time.sleep,
                 clock: Callable[[], float] = time.monotonic,
                 rng: random.Random | None = None) -> None:
        self.table_name = table_name
        self._client = client
        self.retry_budget_seconds = retry_budget_seconds
        self._sleep = sleep
        self._clock = clock
        self._rng = rng or random.Random()
        self.meter = CapacityMeter()
        # The deadline of the operation each thread is in: save's conflict re-reads and a
        # delete's batches share their operation's budget rather than each getting one.
        self._operation_deadline = threading.local()

    @property
    def client(self) -> DynamoDBClient:
        if self._client is None:
            self._client = default_client()
        return self._client

    # ------------------------------------------------------------ the protocol

    @contextmanager
    def _operation(self, budget: float | None = None) -> Iterator[None]:
        if getattr(self._operation_deadline, "at", None) is not None:
            yield  # nested (a re-read inside save): the outer budget applies
            return
        seconds = self.retry_budget_seconds if budget is None else budget
        self._operation_deadline.at = self._clock() + seconds
        try:
            yield
        finally:
            self._operation_deadline.at = None

    def _deadline(self) -> float:
        at: float | None = getattr(self._operation_deadline, "at", None)
        return at if at is not None else self._clock() + self.retry_budget_seconds

    def load(self, user_key: str) -> Profile:
        with self._operation():
            return self._load(user_key)

    def _load(self, user_key: str) -> Profile:
        response = self._call("GetItem", self.client.get_item,
                              TableName=self.table_name,
                              Key=_key(user_key, PROFILE_SK),
                              ConsistentRead=True,
                              ReturnConsumedCapacity="TOTAL")
        item = response.get("Item")
        if not item:
            return Profile()
        try:
            version = int(_attr(item, "version", "N"))
            data = json.loads(_attr(item, "profile", "S"))
            return Profile.from_dict(data, version=version)
        except (KeyError, ValueError, TypeError) as error:
            raise UnreadableItem(f"unreadable profile item: {type(error).__name__}") from error

    def save(self, user_key: str, base: Profile, changes: list[Change]) -> Profile:
        with self._operation():
            return save_with_retry(self._load, self._write, user_key, base, changes,
                                   sleep=self._sleep)

    def history(self, user_key: str, limit: int = 50) -> list[SessionRecord]:
        if limit <= 0:
            return []
        with self._operation():
            return self._history(user_key, limit)

    def _history(self, user_key: str, limit: int) -> list[SessionRecord]:
        records: list[SessionRecord] = []
        for item in self._query_user({
            "KeyConditionExpression": "#pk = :pk AND begins_with(#sk, :prefix)",
            "ExpressionAttributeValues": {":pk": {"S": user_key},
                                          ":prefix": {"S": SESSION_PREFIX}},
            "ScanIndexForward": False,
            "Limit": limit,
        }):
            records.append(_session_record(item))
            if len(records) >= limit:
                break
        return records

    def delete_user(self, user_key: str) -> None:
        with self._operation(DELETE_BUDGET_SECONDS):
            self._delete_user(user_key)

    def _delete_user(self, user_key: str) -> None:
        # The account's links to its voice profiles stay: they are the account's, not a
        # person's progress, and disabling the skill needs them to find every person.
        keys = [k for k in self._all_keys(user_key)
                if not k[SORT_KEY].get("S", "").startswith(PERSON_PREFIX)]
        self._delete_keys(keys)

    def link_person(self, account_key: str, person_key: str) -> None:
        with self._operation():
            self._call("PutItem", self.client.put_item, TableName=self.table_name,
                       Item=_key(account_key, f"{PERSON_PREFIX}{person_key}"),
                       ReturnConsumedCapacity="TOTAL")

    def delete_account(self, account_key: str) -> None:
        # A SkillDisabled event, not a spoken turn: deleting everyone may take longer.
        with self._operation(DELETE_BUDGET_SECONDS):
            keys = list(self._all_keys(account_key))
            for key in keys:
                sort_key = key[SORT_KEY].get("S", "")
                if sort_key.startswith(PERSON_PREFIX):
                    self._delete_user(sort_key[len(PERSON_PREFIX):])
            # The account's own items, its links included, go after every person's: a retry
            # after a failure half-way still finds the people left to delete.
            self._delete_keys(keys)

    def _delete_keys(self, keys: list[dict[str, AttributeValueTypeDef]]) -> None:
        # The profile goes last: if a delete stops half-way, what is left still reads
        # as the user's progress rather than as history without a profile.
        keys.sort(key=lambda k: k[SORT_KEY].get("S") == PROFILE_SK)
        for start in range(0, len(keys), BATCH_WRITE_LIMIT):
            chunk = keys[start:start + BATCH_WRITE_LIMIT]
            self._batch_delete([{"DeleteRequest": {"Key": key}} for key in chunk])

    # ------------------------------------------------------------ writing

    def _write(self, user_key: str, profile: Profile, expected: int,
               records: list[SessionRecord]) -> None:
        profile_item: dict[str, AttributeValueTypeDef] = {
            **_key(user_key, PROFILE_SK),
            "version": {"N": str(profile.version)},
            "profile": {"S": json.dumps(profile.to_dict(), separators=(",", ":"))},
            "updated_at": {"S": datetime.now(UTC).isoformat(timespec="seconds")},
        }
        if expected == 0:
            condition: dict[str, Any] = {
                "ConditionExpression": "attribute_not_exists(#pk)",
                "ExpressionAttributeNames": {"#pk": PARTITION_KEY},
            }
        else:
            condition = {
                "ConditionExpression": "#v = :expected",
                "ExpressionAttributeNames": {"#v": "version"},
                "ExpressionAttributeValues": {":expected": {"N": str(expected)}},
            }
        if not records:
            self._put_profile(profile_item, condition)
        else:
            self._transact(user_key, profile_item, condition, records)

    def _put_profile(self, item: dict[str, AttributeValueTypeDef],
                     condition: dict[str, Any]) -> None:
        try:
            self._call("PutItem", self.client.put_item, TableName=self.table_name, Item=item,
                       ReturnConsumedCapacity="TOTAL", **condition)
        except StoreError as error:
            if _code(error.__cause__) == "ConditionalCheckFailedException":
                raise ConflictError("profile version changed") from error.__cause__
            raise

    def _transact(self, user_key: str, profile_item: dict[str, AttributeValueTypeDef],
                  condition: dict[str, Any], records: list[SessionRecord]) -> None:
        if len(records) + 1 > TRANSACTION_LIMIT:
            raise StoreError(f"too many sessions in one save: {len(records)}")
        items: list[dict[str, Any]] = [
            {"Put": {"TableName": self.table_name, "Item": profile_item, **condition}}]
        for record in records:
            items.append({"Put": {
                "TableName": self.table_name,
                "Item": {
                    **_key(user_key, session_sort_key(record.finished_at, record.id)),
                    "session": {"S": json.dumps(asdict(record), separators=(",", ":"))},
                },
                # A session already stored means this very completion was saved before.
                "ConditionExpression": "attribute_not_exists(#pk)",
                "ExpressionAttributeNames": {"#pk": PARTITION_KEY},
            }})
        # One token for every network retry of this attempt: if a timed-out request did
        # go through, DynamoDB answers the retry with success instead of applying it twice.
        token = uuid.uuid4().hex
        try:
            self._call("TransactWriteItems", self.client.transact_write_items,
                       TransactItems=items, ClientRequestToken=token,
                       ReturnConsumedCapacity="TOTAL")
        except StoreError as error:
            reasons = _cancellation_reasons(error.__cause__)
            if reasons and reasons[0] == "ConditionalCheckFailed":
                raise ConflictError("profile version changed") from error.__cause__
            if reasons and "ConditionalCheckFailed" in reasons[1:] and all(
                    reason in ("None", "ConditionalCheckFailed") for reason in reasons):
                # The same request delivered twice: its session already counts, so
                # writing nothing now is what keeps it counted exactly once.
                logger.info("session already recorded; duplicate save ignored")
                return
            raise

    def _batch_delete(self, requests: list[dict[str, Any]]) -> None:
        deadline = self._deadline()
        attempt = 0
        while requests:
            response = self._call("BatchWriteItem", self.client.batch_write_item,
                                  RequestItems={self.table_name: requests},
                                  ReturnConsumedCapacity="TOTAL")
            unprocessed = response.get("UnprocessedItems", {}).get(self.table_name, [])
            requests = [dict(request) for request in unprocessed]
            if requests:
                attempt += 1
                self._back_off(attempt, deadline, "UnprocessedItems")

    def _all_keys(self, user_key: str) -> Iterator[dict[str, AttributeValueTypeDef]]:
        for item in self._query_user({
            "KeyConditionExpression": "#pk = :pk",
            "ProjectionExpression": "#pk, #sk",
            "ExpressionAttributeValues": {":pk": {"S": user_key}},
        }):
            yield {PARTITION_KEY: item[PARTITION_KEY], SORT_KEY: item[SORT_KEY]}

    def _query_user(self, query: dict[str, Any]) -> Iterator[dict[str, AttributeValueTypeDef]]:
        """Every item a strongly consistent ``Query`` of one user's partition finds, all pages."""
        request: dict[str, Any] = {
            "TableName": self.table_name,
            "ExpressionAttributeNames": {"#pk": PARTITION_KEY, "#sk": SORT_KEY},
            "ConsistentRead": True,
            "ReturnConsumedCapacity": "TOTAL",
            **query,
        }
        while True:
            response = self._call("Query", self.client.query, **request)
            yield from response.get("Items", [])
            start = response.get("LastEvaluatedKey")
            if not start:
                return
            request["ExclusiveStartKey"] = start

    # ------------------------------------------------------------ calling DynamoDB

    def _call(self, operation: str, method: Callable[..., T], **request: Any) -> T:
        """Send ``method(**request)``, retrying throttles and transient faults within the budget.

        Everything else becomes :class:`StoreError`, with the botocore error as its
        cause; messages carry only the operation and error code, never a key.
        """
        from botocore.exceptions import (
            BotoCoreError,
            ClientError,
            ConnectionClosedError,
            ConnectTimeoutError,
            EndpointConnectionError,
            ReadTimeoutError,
        )

        transient = (ConnectionClosedError, ConnectTimeoutError, EndpointConnectionError,
                     ReadTimeoutError)
        deadline = self._deadline()
        if self._clock() + MIN_ATTEMPT_SECONDS > deadline:
            raise StoreError(f"{operation} not sent: the operation's time budget is spent")
        attempt = 0
        while True:
            attempt += 1
            try:
                try:
                    response = method(**request)
                except ClientError as error:
                    self.meter.record(operation, None)
                    code = _code(error)
                    if code in RETRYABLE_CODES or (
                            code == "TransactionCanceledException"
                            and _retryable_cancellation(error)):
                        raise _Retry(code) from error
                    raise StoreError(f"{operation} failed: {code}") from error
                except transient as error:
                    self.meter.record(operation, None)
                    raise _Retry(type(error).__name__) from error
                except BotoCoreError as error:
                    self.meter.record(operation, None)
                    raise StoreError(f"{operation} failed: {type(error).__name__}") from error
            except _Retry as retry:
                try:
                    self._back_off(attempt, deadline, retry.code)
                except StoreError as error:
                    raise StoreError(
                        f"{operation} failed: {retry.code} after {attempt} attempts"
                    ) from retry.__cause__ or error
                continue
            self.meter.record(operation, response if isinstance(response, Mapping) else None)
            return response

    def _back_off(self, attempt: int, deadline: float, reason: str) -> None:
        # Full jitter: concurrent turns that were throttled together do not retry together.
        delay = self._rng.uniform(0, min(BACKOFF_CAP_SECONDS,
                                         BACKOFF_BASE_SECONDS * 2 ** (attempt - 1)))
        if self._clock() + delay + MIN_ATTEMPT_SECONDS > deadline:
            raise StoreError(f"{reason}: retry budget spent")
        logger.info("dynamodb retry %d after %s", attempt, reason)
        self._sleep(delay)


# ------------------------------------------------------------ item helpers


def _key(user_key: str, sort_key: str) -> dict[str, AttributeValueTypeDef]:
    return {PARTITION_KEY: {"S": user_key}, SORT_KEY: {"S": sort_key}}


def _attr(item: Mapping[str, Any], name: str, kind: str) -> str:
    value = item[name][kind]
    if not isinstance(value, str):
        raise TypeError(name)
    return value


def _session_record(item: Mapping[str, Any]) -> SessionRecord:
    try:
        return SessionRecord(**json.loads(_attr(item, "session", "S")))
    except (KeyError, ValueError, TypeError) as error:
        raise UnreadableItem(f"unreadable session item: {type(error).__name__}") from error


def _code(error: BaseException | None) -> str:
    response = getattr(error, "response", None)
    if isinstance(response, Mapping):
        code = response.get("Error", {}).get("Code")
        if isinstance(code, str):
            return code
    return type(error).__name__


def _cancellation_reasons(error: BaseException | None) -> list[str]:
    """The per-item reason codes of a cancelled transaction, in request order."""
    if _code(error) != "TransactionCanceledException":
        return []
    response = getattr(error, "response", None)
    reasons = response.get("CancellationReasons") if isinstance(response, Mapping) else None
    if isinstance(reasons, list) and reasons:
        return [str(reason.get("Code") or "None") for reason in reasons]
    # Some endpoints only list the reasons in the message: "... reasons [A, None]".
    message = str(response.get("Error", {}).get("Message", "")) if isinstance(
        response, Mapping) else ""
    if "[" in message and message.endswith("]"):
        return [part.strip() for part in message[message.rindex("[") + 1:-1].split(",")]
    return []


def _retryable_cancellation(error: BaseException) -> bool:
    reasons = _cancellation_reasons(error)
    return any(reason in RETRYABLE_REASONS for reason in reasons) and not any(
        reason == "ConditionalCheckFailed" for reason in reasons)
