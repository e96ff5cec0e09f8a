"""The DynamoDB store, in three modules with one job each.

* :mod:`.client` builds the boto3 client (timeouts, one per process);
* :mod:`.calls` sends requests: retries within a time budget, what each failure means;
* :mod:`.store` is the :class:`~skill.store.base.ProgressStore`: items, reads and writes.
"""

from skill.store.dynamodb.calls import (
    MIN_ATTEMPT_SECONDS,
    RETRY_BUDGET_SECONDS,
    CapacityMeter,
)
from skill.store.dynamodb.client import (
    CONNECT_TIMEOUT_SECONDS,
    READ_TIMEOUT_SECONDS,
    default_client,
    make_client,
    reset_clients,
)
from skill.store.dynamodb.store import DELETE_BUDGET_SECONDS, DynamoDBStore

__all__ = ["CONNECT_TIMEOUT_SECONDS", "DELETE_BUDGET_SECONDS", "MIN_ATTEMPT_SECONDS",
           "READ_TIMEOUT_SECONDS", "RETRY_BUDGET_SECONDS", "CapacityMeter", "DynamoDBStore",
           "default_client", "make_client", "reset_clients"]
