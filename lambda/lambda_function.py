"""AWS Lambda entry point: wiring only. The skill itself lives in the ``skill`` package."""

from __future__ import annotations

from typing import Any

from skill.hosts.lambda_entry import handle_event


def lambda_handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    return handle_event(event, context)
