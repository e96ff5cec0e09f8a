"""The DynamoDB store: each user's profile and session history in one table, for Lambda.

Items (see :mod:`skill.store.schema`): per user key, one profile item
(``sk = "PROFILE"``, a ``version`` number and the profile as compact JSON) and
one item per completed session (``sk = "SESSION#<finished_at>#<id>"``). A turn
costs one strongly consistent ``GetItem`` and at most one write: a conditional
``PutItem``, or a ``TransactWriteItems`` when a session was completed, so the
counters and the history record change together or not at all.

Deleting a user first overwrites the profile item with a marker (``deleting``): the
progress is gone in one write, and no save can land on top of it (every save is
conditional on a version the marker does not have). The history then goes in
batches for as long as the turn's budget lasts, and the marker last. A delete that
ran out of time, or failed half-way, goes on in a background thread (in Lambda it
runs while the container does, which may be only during later invocations), and in
any case is finished by the user's next read, which raises
:class:`~skill.store.base.DeletionUnderway` until it is done.
"""

from __future__ import annotations

import json
import logging
import random
import threading
import time
import uuid
from collections.abc import Callable, Iterator, Mapping
from dataclasses import asdict
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from skill.domain.progress import Change, Profile, SessionRecord
from skill.store.base import (
    ConflictError,
    DeletionUnderway,
    PartialDeletion,
    StoreError,
    UnreadableItem,
    save_with_retry,
)
from skill.store.dynamodb.calls import (
    MIN_ATTEMPT_SECONDS,
    RETRY_BUDGET_SECONDS,
    Caller,
    CapacityMeter,
    cancellation_reasons,
    error_code,
)
from skill.store.dynamodb.client import default_client
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

# Deleting a user's history can take many batches; it is rare and asked for explicitly,
# and a turn has 8 s in all. What does not fit is finished by the user's next read, which
# may spend FINISH_DELETE_SECONDS on it.
DELETE_BUDGET_SECONDS = 3.0
FINISH_DELETE_SECONDS = 1.0
# A delete carried on in the background, off any turn.
BACKGROUND_DELETE_SECONDS = 120.0
# Keys are listed a page at a time, so that time is checked between pages too.
DELETE_PAGE_KEYS = 200
# A batch of 25 deletes takes tens of milliseconds; none is started with less time left.
MIN_BATCH_SECONDS = 0.15
DELETING = "deleting"
BATCH_WRITE_LIMIT = 25
TRANSACTION_LIMIT = 100


class DynamoDBStore:
    """Progress in a DynamoDB table; one instance per container, safe across threads."""

    def __init__(self, table_name: str, client: DynamoDBClient | None = None, *,
                 retry_budget_seconds: float = RETRY_BUDGET_SECONDS,
                 sleep: Callable[[float], None] = time.sleep,
                 clock: Callable[[], float] = time.monotonic,
                 rng: random.Random | None = None) -> None:
        self.table_name = table_name
        self._client = client
        self.calls = Caller(retry_budget_seconds=retry_budget_seconds, sleep=sleep,
                            clock=clock, rng=rng)
        # Users whose delete this process is finishing in the background.
        self._finishing: set[str] = set()
        self._finishing_lock = threading.Lock()

    @property
    def meter(self) -> CapacityMeter:
        return self.calls.meter

    @property
    def retry_budget_seconds(self) -> float:
        return self.calls.retry_budget_seconds

    @property
    def client(self) -> DynamoDBClient:
        if self._client is None:
            self._client = default_client()
        return self._client

    # ------------------------------------------------------------ the protocol

    def load(self, user_key: str) -> Profile:
        with self.calls.operation():
            item = self._profile_item(user_key)
        if item is not None and DELETING in item:
            with self._finishing_lock:
                if user_key in self._finishing:
                    raise DeletionUnderway("a delete is being finished in the background")
            # A delete asked for earlier is still to be finished: this read finishes it.
            with self.calls.operation(FINISH_DELETE_SECONDS):
                try:
                    finished = self._delete_history(user_key)
                except StoreError as error:
                    raise DeletionUnderway(f"finishing a delete failed: {error}") from error
            if not finished:
                raise DeletionUnderway("an earlier delete is still being finished")
            return Profile()
        return _profile(item)

    def _load(self, user_key: str) -> Profile:
        """A re-read inside save: a delete under way is not finished here."""
        item = self._profile_item(user_key)
        if item is not None and DELETING in item:
            raise DeletionUnderway("the user's progress is being deleted")
        return _profile(item)

    def _profile_item(self, user_key: str) -> dict[str, Any] | None:
        response = self.calls.send("GetItem", self.client.get_item,
                                   TableName=self.table_name,
                                   Key=_key(user_key, PROFILE_SK),
                                   ConsistentRead=True,
                                   ReturnConsumedCapacity="TOTAL")
        item = response.get("Item")
        return dict(item) if item else None

    def save(self, user_key: str, base: Profile, changes: list[Change]) -> Profile:
        with self.calls.operation():
            return save_with_retry(self._load, self._write, user_key, base, changes,
                                   sleep=self.calls.sleep)

    def history(self, user_key: str, limit: int = 50) -> list[SessionRecord]:
        if limit <= 0:
            return []
        with self.calls.operation():
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

    def delete_user(self, user_key: str) -> bool:
        with self.calls.operation(DELETE_BUDGET_SECONDS):
            self._mark_deleting(user_key)
            try:
                finished = self._delete_history(user_key)
            except StoreError as error:
                self._finish_in_background(user_key)
                raise PartialDeletion(f"delete stopped after the progress went: {error}") \
                    from error
        if not finished:
            self._finish_in_background(user_key)
        return finished

    def _finish_in_background(self, user_key: str,
                              job: Callable[[str], bool] | None = None) -> None:
        """Carry on deleting ``user_key`` off the turn (``job``: how; one user's history)."""
        with self._finishing_lock:
            if user_key in self._finishing:
                return
            self._finishing.add(user_key)
        threading.Thread(target=self._finish, args=(user_key, job or self._delete_history),
                         daemon=True, name="release-coach-delete").start()

    def _finish(self, user_key: str, job: Callable[[str], bool]) -> None:
        try:
            with self.calls.operation(BACKGROUND_DELETE_SECONDS):
                finished = job(user_key)
            if not finished:
                logger.warning("background delete ran out of time; the next read goes on")
        except StoreError as error:
            logger.warning("background delete failed: %s; the next read goes on",
                           type(error).__name__)
        finally:
            with self._finishing_lock:
                self._finishing.discard(user_key)

    def _mark_deleting(self, user_key: str) -> None:
        """Overwrite the profile with the delete marker: the progress is gone at once."""
        self.calls.send("PutItem", self.client.put_item, TableName=self.table_name,
                        Item={**_key(user_key, PROFILE_SK),
                              DELETING: {"S": datetime.now(UTC).isoformat(timespec="seconds")}},
                        ReturnConsumedCapacity="TOTAL")

    def _delete_history(self, user_key: str) -> bool:
        """Delete the user's items batch by batch while the budget lasts, the marker last.

        ``False`` if time ran out first. The account's links to its voice profiles stay:
        they are the account's, not a person's progress, and disabling the skill needs
        them to find every person.
        """
        batch: list[dict[str, AttributeValueTypeDef]] = []
        for key in self._all_keys(user_key, page=DELETE_PAGE_KEYS):
            sort_key = key[SORT_KEY].get("S", "")
            if sort_key == PROFILE_SK or sort_key.startswith(PERSON_PREFIX):
                continue
            batch.append(key)
            if len(batch) == BATCH_WRITE_LIMIT:
                if not self._delete_in_time(batch):
                    return False
                batch = []
        if batch and not self._delete_in_time(batch):
            return False
        if self.calls.time_left() < MIN_ATTEMPT_SECONDS * 2:
            return False
        # Last, and only if it is still the marker: a finisher elsewhere may have removed
        # it already, and the user may have begun afresh since.
        try:
            self.calls.send("DeleteItem", self.client.delete_item, TableName=self.table_name,
                            Key=_key(user_key, PROFILE_SK),
                            ConditionExpression="attribute_exists(#deleting)",
                            ExpressionAttributeNames={"#deleting": DELETING},
                            ReturnConsumedCapacity="TOTAL")
        except StoreError as error:
            if error_code(error.__cause__) != "ConditionalCheckFailedException":
                raise
        return True

    def _delete_in_time(self, keys: list[dict[str, AttributeValueTypeDef]]) -> bool:
        if self.calls.time_left() < MIN_BATCH_SECONDS:
            return False
        self._batch_delete([{"DeleteRequest": {"Key": key}} for key in keys])
        return True

    def link_person(self, account_key: str, person_key: str) -> None:
        with self.calls.operation():
            self.calls.send("PutItem", self.client.put_item, TableName=self.table_name,
                            Item=_key(account_key, f"{PERSON_PREFIX}{person_key}"),
                            ReturnConsumedCapacity="TOTAL")

    def delete_account(self, account_key: str) -> None:
        # A SkillDisabled event, not a spoken turn. Anything short of everything gone
        # raises, so that the event is answered with an error and may come again; and as
        # a disabled skill's user never reads again, the rest goes on in the background.
        try:
            with self.calls.operation(DELETE_BUDGET_SECONDS):
                finished = self._delete_account(account_key)
        except StoreError:
            self._finish_in_background(account_key, self._delete_account)
            raise
        if not finished:
            self._finish_in_background(account_key, self._delete_account)
            raise StoreError("delete_account: out of time; the rest in the background")

    def _delete_account(self, account_key: str) -> bool:
        links = [{PARTITION_KEY: item[PARTITION_KEY], SORT_KEY: item[SORT_KEY]}
                 for item in self._query_user({
                     "KeyConditionExpression": "#pk = :pk AND begins_with(#sk, :prefix)",
                     "ProjectionExpression": "#pk, #sk",
                     "ExpressionAttributeValues": {":pk": {"S": account_key},
                                                   ":prefix": {"S": PERSON_PREFIX}}})]
        people = [key[SORT_KEY]["S"][len(PERSON_PREFIX):] for key in links]
        for user in [*people, account_key]:
            self._mark_deleting(user)
            if not self._delete_history(user):
                return False
        # The links go after every person's items: a retry after a failure half-way
        # still finds the people left to delete.
        for start in range(0, len(links), BATCH_WRITE_LIMIT):
            self._batch_delete([{"DeleteRequest": {"Key": key}}
                                for key in links[start:start + BATCH_WRITE_LIMIT]])
        return True

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
            self.calls.send("PutItem", self.client.put_item, TableName=self.table_name, Item=item,
                       ReturnConsumedCapacity="TOTAL", **condition)
        except StoreError as error:
            if error_code(error.__cause__) == "ConditionalCheckFailedException":
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
            self.calls.send("TransactWriteItems", self.client.transact_write_items,
                       TransactItems=items, ClientRequestToken=token,
                       ReturnConsumedCapacity="TOTAL")
        except StoreError as error:
            reasons = cancellation_reasons(error.__cause__)
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
        deadline = self.calls.deadline()
        attempt = 0
        while requests:
            response = self.calls.send("BatchWriteItem", self.client.batch_write_item,
                                  RequestItems={self.table_name: requests},
                                  ReturnConsumedCapacity="TOTAL")
            unprocessed = response.get("UnprocessedItems", {}).get(self.table_name, [])
            requests = [dict(request) for request in unprocessed]
            if requests:
                attempt += 1
                self.calls.back_off(attempt, deadline, "UnprocessedItems")

    def _all_keys(self, user_key: str,
                  page: int | None = None) -> Iterator[dict[str, AttributeValueTypeDef]]:
        query: dict[str, Any] = {
            "KeyConditionExpression": "#pk = :pk",
            "ProjectionExpression": "#pk, #sk",
            "ExpressionAttributeValues": {":pk": {"S": user_key}},
        }
        if page is not None:
            query["Limit"] = page
        for item in self._query_user(query):
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
            response = self.calls.send("Query", self.client.query, **request)
            yield from response.get("Items", [])
            start = response.get("LastEvaluatedKey")
            if not start:
                return
            request["ExclusiveStartKey"] = start

# ------------------------------------------------------------ item helpers


def _key(user_key: str, sort_key: str) -> dict[str, AttributeValueTypeDef]:
    return {PARTITION_KEY: {"S": user_key}, SORT_KEY: {"S": sort_key}}


def _attr(item: Mapping[str, Any], name: str, kind: str) -> str:
    value = item[name][kind]
    if not isinstance(value, str):
        raise TypeError(name)
    return value


def _profile(item: Mapping[str, Any] | None) -> Profile:
    if not item:
        return Profile()
    try:
        version = int(_attr(item, "version", "N"))
        data = json.loads(_attr(item, "profile", "S"))
        return Profile.from_dict(data, version=version)
    except (KeyError, ValueError, TypeError) as error:
        raise UnreadableItem(f"unreadable profile item: {type(error).__name__}") from error


def _session_record(item: Mapping[str, Any]) -> SessionRecord:
    try:
        return SessionRecord(**json.loads(_attr(item, "session", "S")))
    except (KeyError, ValueError, TypeError) as error:
        raise UnreadableItem(f"unreadable session item: {type(error).__name__}") from error
