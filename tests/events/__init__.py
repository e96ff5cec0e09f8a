"""Recorded Alexa request envelopes, and :func:`load_event`, the one way tests read them.

The ``*.json`` files here are requests in the shapes Amazon documents (see ``record.py``
for where each shape comes from); :func:`load_event` reads one, points its API endpoint
at a loopback stand-in when asked, and applies any overrides, so no test edits a file's
JSON by hand.
"""

from __future__ import annotations

import copy
import json
from functools import cache
from pathlib import Path
from typing import Any

EVENTS_DIR = Path(__file__).resolve().parent


@cache
def _read(name: str) -> dict[str, Any]:
    path = EVENTS_DIR / (name if name.endswith(".json") else f"{name}.json")
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def event_names() -> list[str]:
    """Every recorded event, by file name."""
    return sorted(p.name for p in EVENTS_DIR.glob("*.json"))


def load_event(name: str, *, endpoint: str | None = None, token: str | None = None,
               attributes: dict[str, Any] | None = None) -> dict[str, Any]:
    """A fresh copy of the recorded event ``name`` (with or without ``.json``).

    ``endpoint`` and ``token`` replace ``context.System.apiEndpoint`` and
    ``apiAccessToken`` (a loopback stand-in instead of Amazon); ``attributes`` become
    the session's attributes.
    """
    body = copy.deepcopy(_read(name))
    system = body["context"]["System"]
    if endpoint is not None:
        system["apiEndpoint"] = endpoint
    if token is not None:
        system["apiAccessToken"] = token
    if attributes is not None:
        body["session"]["attributes"] = attributes
    return body


__all__ = ["EVENTS_DIR", "event_names", "load_event"]
