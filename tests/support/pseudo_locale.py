"""A pseudo-locale: English's data with every template's own words in ⟦ ⟧ brackets.

Anything the skill says in it that has letters outside the brackets was put together in
code rather than taken from data, which is what a second language would have to undo.
:func:`pseudo_language` installs the language ("qps-PLOC"); :func:`pseudo_content`
brackets the phrases and the exercises' words too, for walks over whole conversations.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from typing import Any

import pytest

from skill.domain import content, exercises, narration, routine
from skill.domain.language import Language, language_for
from skill.domain.language import language as language_module

PSEUDO_LOCALE = "qps-PLOC"
OPEN, CLOSE = "⟦", "⟧"
# What is an id or a rule, not words: left as it is in the pseudo-locale.
NOT_WORDS = ("clock_hours", "duration_units", "eases", "easier_for", "follows", "_comment")
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")
# Timings and stretches are read from the words, once: read again in and after the walk.
WORD_CACHES = (content.content, content.spoken_locale, routine._step_seconds, routine._fits,
               routine._routine_steps, routine._routine_minutes, exercises._stretches,
               narration._narrated)


def bracketed(template: str) -> str:
    """``"Say next for {next}."`` -> ``"⟦Say next for ⟧{next}⟦.⟧"``: the template's own
    words inside the brackets, what is filled in outside, so a value brings its own."""
    return OPEN + _PLACEHOLDER.sub(lambda m: CLOSE + m.group(0) + OPEN, template) + CLOSE


def pseudo(value: Any) -> Any:
    """Data (a language, the phrases, the exercises) with every template bracketed, so
    that what comes from it shows."""
    if isinstance(value, str):
        return bracketed(value)
    if isinstance(value, list):
        return [pseudo(item) for item in value]
    if isinstance(value, dict):
        return {key: value[key] if key.endswith("rules") or key in NOT_WORDS
                else pseudo(value[key]) for key in value}
    return value


def outside_language(text: str) -> str:
    """The letters of ``text`` that did not come from the data."""
    depth, kept = 0, []
    for char in text:
        depth += char == OPEN
        if depth == 0 and char.isalpha():
            kept.append(char)
        depth -= char == CLOSE
    return "".join(kept)


def strings(value: Any) -> Iterator[str]:
    """Every string in ``value``, however deep in its dicts and lists."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


@contextmanager
def pseudo_language(monkeypatch: pytest.MonkeyPatch) -> Iterator[Language]:
    """The pseudo-locale's grammar, read as any language is: ``language_for("qps-PLOC")``."""
    english_file = resources.files("skill").joinpath("data", "language", "en.json")
    english = json.loads(english_file.read_text("utf-8"))
    real = language_module._data_file
    monkeypatch.setattr(language_module, "_data_file",
                        lambda name: pseudo(english) if name == "qps" else real(name))
    language_module._language.cache_clear()
    try:
        yield language_for(PSEUDO_LOCALE)
    finally:
        language_module._language.cache_clear()


@contextmanager
def pseudo_content(monkeypatch: pytest.MonkeyPatch) -> Iterator[Language]:
    """The pseudo-locale, with the phrases and the exercises' words bracketed as well."""
    with pseudo_language(monkeypatch) as language:
        real, written = content._read, content._written

        def pseudo_read(name: str, tag: str | None) -> dict[str, Any] | None:
            # The pseudo-language's words are the English, bracketed.
            data = real(name, None if tag == "qps" else tag)
            return None if data is None else pseudo(data)

        monkeypatch.setattr(content, "_read", pseudo_read)
        monkeypatch.setattr(content, "_written", lambda name: name == "qps" or written(name))
        for cached in WORD_CACHES:
            cached.cache_clear()
        try:
            yield language
        finally:
            monkeypatch.setattr(content, "_read", real)
            monkeypatch.setattr(content, "_written", written)
            for cached in WORD_CACHES:
                cached.cache_clear()


__all__ = ["CLOSE", "OPEN", "PSEUDO_LOCALE", "bracketed", "outside_language", "pseudo",
           "pseudo_content", "pseudo_language", "strings"]
