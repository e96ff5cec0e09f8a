"""Calling DynamoDB: retries within a time budget, and what each failure means.

A turn reads once and writes at most once, and must not wait on the store for much
more than 1.5 s in all: each operation (retries and conflict re-reads included) gets
``retry_budget_seconds``, and no attempt starts with less than ``MIN_ATTEMPT_SECONDS``
left, so an operation ends within the budget plus one request's timeout.

A write whose request may have reached DynamoDB without its answer reaching us (a
read timeout, a dropped connection, a 500) has an unknown outcome: if no later
attempt settles it, it fails with :class:`~skill.store.base.WriteOutcomeUnknown`, so
the user hears "may not have been saved" rather than "couldn't save".
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, TypeVar

from skill.store.base import StoreError, WriteOutcomeUnknown

logger = logging.getLogger("release_coach.store.dynamodb")

T = TypeVar("T")

RETRY_BUDGET_SECONDS = 0.6
MIN_ATTEMPT_SECONDS = 0.05
BACKOFF_BASE_SECONDS = 0.05
BACKOFF_CAP_SECONDS = 0.8

RETRYABLE_CODES = frozenset({
    "ProvisionedThroughputExceededException",
    "ThrottlingException",
    "RequestLimitExceeded",
    "TransactionConflictException",
    "TransactionInProgressException",
    "InternalServerError",
    "ServiceUnavailable",
})
# Server-side failures after which a write may or may not have been applied.
AMBIGUOUS_CODES = frozenset({"InternalServerError", "ServiceUnavailable"})
# Network failures after the request may have been sent (a connect failure was not sent).
AMBIGUOUS_NETWORK_ERRORS = frozenset({"ReadTimeoutError", "ConnectionClosedError"})
WRITE_OPERATIONS = frozenset({"PutItem", "TransactWriteItems", "BatchWriteItem", "DeleteItem",
                              "UpdateItem"})
# Cancellation reasons that mean "try the same transaction again", not "someone else won".
RETRYABLE_REASONS = frozenset({"TransactionConflict", "ThrottlingError",
                               "ProvisionedThroughputExceeded", "RequestLimitExceeded"})


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


class Caller:
    """Sends requests within the budget of the operation the calling thread is in."""

    def __init__(self, *, retry_budget_seconds: float = RETRY_BUDGET_SECONDS,
                 sleep: Callable[[float], None] = time.sleep,
                 clock: Callable[[], float] = time.monotonic,
                 rng: random.Random | None = None) -> None:
        self.retry_budget_seconds = retry_budget_seconds
        self.sleep = sleep
        self.clock = clock
        self.rng = rng or random.Random()
        self.meter = CapacityMeter()
        # The deadline of the operation each thread is in: save's conflict re-reads and a
        # delete's batches share their operation's budget rather than each getting one.
        self._operation_deadline = threading.local()

    @contextmanager
    def operation(self, budget: float | None = None) -> Iterator[None]:
        if getattr(self._operation_deadline, "at", None) is not None:
            yield  # nested (a re-read inside save): the outer budget applies
            return
        seconds = self.retry_budget_seconds if budget is None else budget
        self._operation_deadline.at = self.clock() + seconds
        try:
            yield
        finally:
            self._operation_deadline.at = None

    def deadline(self) -> float:
        at: float | None = getattr(self._operation_deadline, "at", None)
        return at if at is not None else self.clock() + self.retry_budget_seconds

    def time_left(self) -> float:
        return self.deadline() - self.clock()

    def send(self, operation: str, method: Callable[..., T], **request: Any) -> T:
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
        deadline = self.deadline()
        if self.clock() + MIN_ATTEMPT_SECONDS > deadline:
            raise StoreError(f"{operation} not sent: the operation's time budget is spent")
        writes = operation in WRITE_OPERATIONS
        attempt = 0
        # Whether an earlier attempt of this write may have been applied unseen.
        maybe_applied = False
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
                        maybe_applied = maybe_applied or (writes and code in AMBIGUOUS_CODES)
                        raise _Retry(code) from error
                    raise StoreError(f"{operation} failed: {code}") from error
                except transient as error:
                    self.meter.record(operation, None)
                    maybe_applied = maybe_applied or (
                        writes and type(error).__name__ in AMBIGUOUS_NETWORK_ERRORS)
                    raise _Retry(type(error).__name__) from error
                except BotoCoreError as error:
                    self.meter.record(operation, None)
                    raise StoreError(f"{operation} failed: {type(error).__name__}") from error
            except _Retry as retry:
                try:
                    self.back_off(attempt, deadline, retry.code)
                except StoreError as error:
                    failure = WriteOutcomeUnknown if maybe_applied else StoreError
                    raise failure(
                        f"{operation} failed: {retry.code} after {attempt} attempts"
                    ) from retry.__cause__ or error
                continue
            self.meter.record(operation, response if isinstance(response, Mapping) else None)
            return response

    def back_off(self, attempt: int, deadline: float, reason: str) -> None:
        # Full jitter: concurrent turns that were throttled together do not retry together.
        delay = self.rng.uniform(0, min(BACKOFF_CAP_SECONDS,
                                        BACKOFF_BASE_SECONDS * 2 ** (attempt - 1)))
        if self.clock() + delay + MIN_ATTEMPT_SECONDS > deadline:
            raise StoreError(f"{reason}: retry budget spent")
        logger.info("dynamodb retry %d after %s", attempt, reason)
        self.sleep(delay)


def error_code(error: BaseException | None) -> str:
    response = getattr(error, "response", None)
    if isinstance(response, Mapping):
        code = response.get("Error", {}).get("Code")
        if isinstance(code, str):
            return code
    return type(error).__name__


_code = error_code


def cancellation_reasons(error: BaseException | None) -> list[str]:
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
    reasons = cancellation_reasons(error)
    return any(reason in RETRYABLE_REASONS for reason in reasons) and not any(
        reason == "ConditionalCheckFailed" for reason in reasons)
