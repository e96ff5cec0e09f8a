"""A log message that is one JSON object, written as JSON only if a handler asks for text.

Each turn logs two such lines in the web service (the turn's record and the access
log). Dumped to text by the caller and parsed back by the JSON formatter, each cost
two JSON passes for nothing; the formatter in :mod:`skill.hosts.logs` reads
:attr:`JsonMessage.fields` directly, and any other handler gets the same JSON text.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any


class JsonMessage:
    __slots__ = ("fields",)

    def __init__(self, fields: Mapping[str, Any], *, sort_keys: bool = False) -> None:
        self.fields: dict[str, Any] = dict(sorted(fields.items())) if sort_keys \
            else dict(fields)

    def __str__(self) -> str:
        return json.dumps(self.fields, default=str)
