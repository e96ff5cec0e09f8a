"""The coaching content and spoken phrases, loaded once from the JSON data files.

Nothing the skill says is written in code: exercises, cues and replies live in
``skill/data``. A *line* is a list of interchangeable phrasings; :func:`pick`
chooses one, so that a daily user hears variety rather than a script.
"""

from __future__ import annotations

import json
import random
from functools import cache
from importlib import resources
from typing import Any

Line = list[str]


@cache
def _load(name: str) -> dict[str, Any]:
    text = resources.files("skill").joinpath("data", name).read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def exercises_data() -> dict[str, Any]:
    return _load("exercises.json")


def phrases_data() -> dict[str, Line]:
    return _load("phrases.json")


def pick(line: Line, rng: random.Random, **values: object) -> str:
    """One phrasing of ``line`` with ``{placeholders}`` filled in."""
    return rng.choice(line).format(**values)


def phrase(key: str, rng: random.Random | None = None, **values: object) -> str:
    """The reply ``key`` from ``phrases.json``, varied when a generator is given."""
    options = phrases_data()[key]
    text = options[0] if rng is None else rng.choice(options)
    return text.format(**values)
