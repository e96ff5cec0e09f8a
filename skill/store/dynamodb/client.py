"""Building the DynamoDB client: timeouts short enough for an Alexa turn, one per process.

boto3 is imported inside :func:`make_client` rather than at module level: importing
the store stays cheap, and a cold start pays for boto3 only when the first turn
needs the table.
"""

from __future__ import annotations

import os
import threading
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient

# DynamoDB answers in milliseconds; a request that has not answered in half a second is
# not going to. The store's own retries (skill.store.dynamodb.calls) keep to a budget.
CONNECT_TIMEOUT_SECONDS = 0.5
READ_TIMEOUT_SECONDS = 0.5

_clients: dict[tuple[str | None, ...], DynamoDBClient] = {}
_clients_lock = threading.Lock()


def default_client() -> DynamoDBClient:
    """The process's DynamoDB client, created on first use and then reused."""
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
