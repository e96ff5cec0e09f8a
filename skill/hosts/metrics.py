"""Per-turn CloudWatch metrics, as one Embedded Metric Format (EMF) line on stdout.

Lambda sends stdout to CloudWatch Logs, and CloudWatch turns any JSON log line with
an ``_aws`` block into metrics, with no API call and no extra latency in the turn.

Why EMF written directly rather than Powertools' ``Metrics``: the whole format is one
JSON object, and Powertools would add a dependency to the Lambda artifact (it is not in
the runtime, unlike boto3) and tens of milliseconds of imports to every cold start for
a dozen lines of code. This module imports only the standard library that the skill
already loads; ``python -X importtime`` puts it well under a millisecond.

Every turn writes every counter, zeros included, so sums over any period are right and
the store-failure alarm sees "0" rather than missing data.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Mapping
from typing import Any, TextIO

NAMESPACE = "ReleaseCoach"
# TurnReport event -> metric name. The events are appended by the handlers (turns.py).
EVENT_METRICS: Mapping[str, str] = {
    "routine_started": "RoutinesStarted",
    "routine_completed": "RoutinesCompleted",
    "step": "Steps",
    "pain_stop": "PainStops",
    "reminder_set": "RemindersSet",
    "store_failure": "StoreFailures",
}
LATENCY_METRIC = "TurnLatency"
DIMENSION = "Service"


def service_name() -> str:
    """The metrics' one dimension: the function's name (the stack's name, in the template)."""
    return os.environ.get("AWS_LAMBDA_FUNCTION_NAME") or "release-coach"


def emf_document(record: Mapping[str, Any], *, service: str,
                 timestamp_ms: int | None = None) -> dict[str, Any]:
    """The EMF object for one turn's log ``record`` (see :meth:`SkillApp.invoke`)."""
    counts = dict.fromkeys(EVENT_METRICS.values(), 0)
    for event in record.get("events") or []:
        name = EVENT_METRICS.get(str(event))
        if name is not None:
            counts[name] += 1
    latency = record.get("latency_ms")
    metrics: list[dict[str, str]] = [{"Name": name, "Unit": "Count"} for name in counts]
    document: dict[str, Any] = {
        "_aws": {
            "Timestamp": timestamp_ms if timestamp_ms is not None else int(time.time() * 1000),
            "CloudWatchMetrics": [{"Namespace": NAMESPACE, "Dimensions": [[DIMENSION]],
                                   "Metrics": metrics}],
        },
        DIMENSION: service,
        **counts,
        # Searchable in Logs Insights, not metrics: no user, person or device id ever.
        "request_type": record.get("request_type"),
        "intent": record.get("intent"),
        "outcome": record.get("outcome"),
    }
    if isinstance(latency, int | float):
        metrics.append({"Name": LATENCY_METRIC, "Unit": "Milliseconds"})
        document[LATENCY_METRIC] = latency
    return document


def emit(record: Mapping[str, Any], stream: TextIO | None = None) -> None:
    """Write the turn's metrics as one line; a failure here never fails the turn."""
    try:
        line = json.dumps(emf_document(record, service=service_name()),
                          separators=(",", ":"), default=str)
        out = stream or sys.stdout
        out.write(line + "\n")
        out.flush()
    except (TypeError, ValueError, OSError):
        pass
