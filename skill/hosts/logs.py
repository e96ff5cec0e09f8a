"""Structured logging: one JSON object per line, never a user id, device id or token."""

from __future__ import annotations

import json
import logging
import re
import sys

_SECRETS = re.compile(
    r"amzn1\.(ask\.account|ask\.person|ask\.device|account|device)\.[A-Za-z0-9._-]+"
)


class JsonFormatter(logging.Formatter):
    """Formats records as JSON, redacting anything shaped like an Alexa identifier."""

    def __init__(self, extra: dict[str, object] | None = None) -> None:
        super().__init__()
        self.extra = extra or {}

    def format(self, record: logging.LogRecord) -> str:
        message = record.getMessage()
        try:
            payload = json.loads(message)
            if not isinstance(payload, dict):
                payload = {"message": message}
        except ValueError:
            payload = {"message": message}
        entry: dict[str, object] = {"level": record.levelname, "logger": record.name,
                                    **self.extra, **payload}
        if record.exc_info and record.exc_info[0] is not None:
            entry["error"] = record.exc_info[0].__name__
        return _SECRETS.sub("[redacted]", json.dumps(entry, default=str))


def configure_logging(level: str = "INFO", **extra: object) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter(extra))
    root = logging.getLogger("release_coach")
    root.handlers[:] = [handler]
    root.setLevel(level.upper() if isinstance(level, str) else level)
    root.propagate = False
