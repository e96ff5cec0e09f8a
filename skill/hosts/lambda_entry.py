"""What the Lambda function does at cold start and on each event.

The skill is built once per container, lazily, so a cold start pays only for
what the first request needs. ``TABLE_NAME`` selects the DynamoDB table;
``SKILL_ID`` makes the skill refuse requests for any other skill.
"""

from __future__ import annotations

import logging
import os
from typing import Any

from skill.alexa.app import ForeignSkillRequest, RequestRejected, SkillApp, build_app
from skill.domain.content import phrase
from skill.hosts.logs import configure_logging

logger = logging.getLogger("release_coach.lambda")

_app: SkillApp | None = None


def _build() -> SkillApp:
    configure_logging(os.environ.get("LOG_LEVEL", "INFO"))
    skill_id = os.environ.get("SKILL_ID") or None
    if skill_id is None and os.environ.get("AWS_LAMBDA_FUNCTION_NAME"):
        logger.error("SKILL_ID is not set: this function will answer requests for any skill")
    table = os.environ.get("TABLE_NAME")
    if table:
        from skill.store.dynamodb import DynamoDBStore

        store: Any = DynamoDBStore(table)
    else:
        from skill.store.sqlite import SqliteStore

        logger.error("TABLE_NAME is not set: progress goes to a temporary local file")
        store = SqliteStore(os.environ.get("RELEASE_COACH_STORE", "/tmp/release-coach.sqlite3"))
    from skill.store.breaker import BreakerStore

    # A warm container serves many turns: during an outage, skip the store for a few
    # seconds at a time rather than have every turn wait out its time budget.
    app = build_app(BreakerStore(store), skill_id=skill_id,
                    user_key_secret=os.environ.get("USER_KEY_SECRET"))
    # Per-turn CloudWatch metrics (EMF on stdout); imported here, off the module's import.
    from skill.hosts.metrics import emit

    app.on_record = emit
    return app


def app() -> SkillApp:
    global _app
    if _app is None:
        _app = _build()
    return _app


def reset() -> None:
    """Forget the built skill, so the next event reads the environment again (tests)."""
    global _app
    _app = None


def handle_event(event: dict[str, Any], context: Any) -> dict[str, Any]:
    skill = app()
    try:
        return skill.invoke(event)
    except ForeignSkillRequest:
        raise
    except RequestRejected:
        # A malformed envelope still gets a well-formed answer rather than a stack trace.
        return {
            "version": "1.0",
            "response": {
                "outputSpeech": {"type": "SSML",
                                 "ssml": f"<speak>{phrase('error')}</speak>"},
                "shouldEndSession": True,
            },
        }
