"""The progress table's definition as data, and the one function that creates it.

The deployment template, ``create-table``, the tests and the benchmark all read
the key schema from here, so there is exactly one description of the table.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient
    from mypy_boto3_dynamodb.type_defs import (
        AttributeDefinitionTypeDef,
        KeySchemaElementTypeDef,
    )

PARTITION_KEY = "pk"
SORT_KEY = "sk"
PROFILE_SK = "PROFILE"
SESSION_PREFIX = "SESSION#"
# In an account's partition: one item per voice profile of that account, so that disabling
# the skill can find every person's partition (the event names the account only).
PERSON_PREFIX = "PERSON#"
BILLING_MODE: Final = "PAY_PER_REQUEST"

TABLE_KEY_SCHEMA: list[KeySchemaElementTypeDef] = [
    {"AttributeName": PARTITION_KEY, "KeyType": "HASH"},
    {"AttributeName": SORT_KEY, "KeyType": "RANGE"},
]
TABLE_ATTRIBUTE_DEFINITIONS: list[AttributeDefinitionTypeDef] = [
    {"AttributeName": PARTITION_KEY, "AttributeType": "S"},
    {"AttributeName": SORT_KEY, "AttributeType": "S"},
]


def session_sort_key(finished_at: str, record_id: str) -> str:
    """Sort key of one session item: ISO timestamps sort as text, so newest is last."""
    return f"{SESSION_PREFIX}{finished_at}#{record_id}"


def cloudformation_properties() -> dict[str, Any]:
    """The table's properties as an ``AWS::DynamoDB::Table`` resource spells them."""
    return {
        "BillingMode": BILLING_MODE,
        "KeySchema": [dict(element) for element in TABLE_KEY_SCHEMA],
        "AttributeDefinitions": [dict(element) for element in TABLE_ATTRIBUTE_DEFINITIONS],
    }


def create_table(client: DynamoDBClient, name: str, *, timeout_seconds: float = 120.0,
                 poll_seconds: float = 0.2,
                 sleep: Callable[[float], None] = time.sleep) -> bool:
    """Create the table if it is missing, and return once it is ACTIVE.

    Safe to run again and again: a table that already exists is only waited for.
    Returns whether this call created it.
    """
    created = False
    with contextlib.suppress(client.exceptions.ResourceInUseException):
        client.create_table(
            TableName=name,
            KeySchema=TABLE_KEY_SCHEMA,
            AttributeDefinitions=TABLE_ATTRIBUTE_DEFINITIONS,
            BillingMode=BILLING_MODE,
        )
        created = True
    # botocore's own waiter polls every 20 s; local emulators are ready in well under one.
    deadline = time.monotonic() + timeout_seconds
    while True:
        status = client.describe_table(TableName=name)["Table"].get("TableStatus")
        if status == "ACTIVE":
            return created
        if time.monotonic() >= deadline:
            raise TimeoutError(f"table {name} still {status} after {timeout_seconds} s")
        sleep(poll_seconds)
