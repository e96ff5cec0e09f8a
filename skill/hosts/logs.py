"""Structured logging: one JSON object per line, never a user id, device id or token."""

from __future__ import annotations

import json
import logging
import re
import sys
import threading
import time
from typing import Any, Final

from skill.alexa.json_message import JsonMessage

_SECRETS = re.compile(
    r"amzn1\.(ask\.account|ask\.person|ask\.device|account|device)\.[A-Za-z0-9._-]+"
)

# Any one logged value is cut to this many characters: logged fields can come from
# unverified requests, and a 100 KB request id must not become a 100 KB log line.
MAX_FIELD_CHARS: Final = 2000
_MAX_DEPTH: Final = 4


def truncate(value: str, limit: int = MAX_FIELD_CHARS) -> str:
    """``value`` cut to ``limit`` characters, saying how much was dropped."""
    if len(value) <= limit:
        return value
    return f"{value[:limit]}...[{len(value) - limit} more chars]"


_SCALARS: Final = frozenset({int, float, bool, type(None)})


def _bounded(value: Any, depth: int = 0) -> Any:
    kind = type(value)
    if kind is str:
        return value if len(value) <= MAX_FIELD_CHARS else truncate(value)
    if depth < _MAX_DEPTH:
        # The common cases, a turn's record and its events, without the general walk.
        if kind in _SCALARS:
            return value
        if kind is dict and _within_bounds(value):
            return {key: _bounded(item, depth + 1) for key, item in value.items()}
    if isinstance(value, str):
        return truncate(value)
    if depth >= _MAX_DEPTH:
        return truncate(json.dumps(value, default=str))
    if isinstance(value, dict):
        items = list(value.items())
        bounded = {truncate(str(k), 100): _bounded(v, depth + 1) for k, v in items[:50]}
        if len(items) > 50:
            bounded["truncated_keys"] = len(items) - 50
        return bounded
    if isinstance(value, (list, tuple)):
        return [_bounded(v, depth + 1) for v in value[:50]]
    return value


def _within_bounds(value: dict[Any, Any]) -> bool:
    """Whether ``value``'s keys are short strings, few enough to be kept as they are."""
    return len(value) <= 50 and all(type(key) is str and len(key) <= 100 for key in value)


class JsonFormatter(logging.Formatter):
    """Formats records as JSON, redacting anything shaped like an Alexa identifier."""

    def __init__(self, extra: dict[str, object] | None = None) -> None:
        super().__init__()
        self.extra = extra or {}

    def format(self, record: logging.LogRecord) -> str:
        payload: dict[str, Any]
        if isinstance(record.msg, JsonMessage) and not record.args:
            # Already an object: bounded and redacted below like any other.
            payload = record.msg.fields
        else:
            message = record.getMessage()
            try:
                payload = json.loads(message)
                if not isinstance(payload, dict):
                    payload = {"message": message}
            except (ValueError, RecursionError):
                payload = {"message": message}
        entry: dict[str, object] = {"level": record.levelname, "logger": record.name,
                                    **self.extra, **payload}
        if record.exc_info and record.exc_info[0] is not None:
            entry["error"] = record.exc_info[0].__name__
        return _SECRETS.sub("[redacted]", json.dumps(_bounded(entry), default=str))


class EverySecond(logging.Filter):
    """Lets one record through per interval and counts the rest into the next one.

    waitress logs "Task queue depth is N" for every request that has to queue; under
    load that is one line per request, and the line after a quiet second says enough.
    """

    def __init__(self, interval: float = 1.0) -> None:
        super().__init__()
        self.interval = interval
        self._lock = threading.Lock()
        self._last = float("-inf")
        self._suppressed = 0

    def filter(self, record: logging.LogRecord) -> bool:
        with self._lock:
            now = time.monotonic()
            if now - self._last < self.interval:
                self._suppressed += 1
                return False
            self._last = now
            if self._suppressed:
                record.msg = f"{record.getMessage()} ({self._suppressed} similar lines skipped)"
                record.args = None
                self._suppressed = 0
            return True


def configure_logging(level: str = "INFO", *, libraries: bool = False, **extra: object) -> None:
    """Send the skill's log to stderr as JSON lines.

    With ``libraries`` (the web service, which owns its process), the root logger and
    waitress's loggers get the same JSON handler, so that every line of the process's
    log is JSON: waitress's "Serving on" and "Task queue depth" lines included.
    """
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter(extra))
    root = logging.getLogger("release_coach")
    root.handlers[:] = [handler]
    root.setLevel(level.upper() if isinstance(level, str) else level)
    root.propagate = False
    if libraries:
        # The process is the service's own, and every line goes through JsonFormatter,
        # which never writes where a call came from, its thread or its process: the logging
        # HOWTO's "Optimization" settings spare each record finding them (issue 17: about
        # 1.4% of a served turn's instructions, callgrind).
        logging._srcfile = None
        logging.logThreads = False
        logging.logProcesses = False
        logging.logMultiprocessing = False
        logging.getLogger().handlers[:] = [handler]
        logging.getLogger().setLevel(logging.WARNING)
        waitress = logging.getLogger("waitress")
        waitress.handlers[:] = [handler]
        waitress.setLevel(logging.INFO)
        waitress.propagate = False
        queue = logging.getLogger("waitress.queue")
        queue.filters[:] = [EverySecond()]
