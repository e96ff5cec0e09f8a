"""The coaching content and spoken phrases, loaded from the JSON data files, per language.

Nothing the skill says is written in code: exercises, cues and replies live in
``skill/data``. A *line* is a list of interchangeable phrasings; :func:`pick`
chooses one, so that a daily user hears variety rather than a script.

Each language is a complete file beside the English (``phrases.es.json``,
``exercises.es.json``); a locale's own file (``phrases.en-GB.json``) holds only the
words that differ from its language's ("programme", "practise"). The language of a
turn is the request's locale, set once per turn with :func:`speaking` (a device may
switch between en-US and es-US mid-session); a locale the skill lacks falls back to
its language, then to English, as a whole, so it never speaks a mix. Only the files of
the locales actually asked for are read, once per process.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from skill.domain.language import DEFAULT_LOCALE, Language, language_for, language_tag
from skill.domain.language.language import merged

Line = list[str]

ENGLISH = "en"
CONTENT_FILES = ("phrases", "exercises")

_LANGUAGE = re.compile(r"[a-z]{2,3}")
_REGION = re.compile(r"[A-Z]{2}|[0-9]{3}")

_turn_locale: ContextVar[str] = ContextVar("turn_locale", default=DEFAULT_LOCALE)


def _resource(name: str, tag: str | None) -> Any:
    file_name = f"{name}.json" if tag is None else f"{name}.{tag}.json"
    return resources.files("skill").joinpath("data", file_name)


def _read(name: str, tag: str | None) -> dict[str, Any] | None:
    resource = _resource(name, tag)
    if not resource.is_file():
        return None
    data: dict[str, Any] = json.loads(resource.read_text(encoding="utf-8"))
    return data


def _written(language: str) -> bool:
    """Whether the skill's words are written in ``language`` (its phrases file is there)."""
    return bool(_resource("phrases", language).is_file())


@lru_cache(maxsize=256)
def spoken_locale(locale: str | None) -> str:
    """The locale whose words are spoken for a request in ``locale``: itself when its
    language is written, else English (en-US). "es-AR" -> "es-AR" (Spanish, with no
    regional words of its own), "it-IT" -> "en-US". What is not a locale's name (BCP 47's
    two or three letters, then a region of two letters or three digits) is English."""
    language, tag = language_tag(locale)
    if not _LANGUAGE.fullmatch(language):
        return DEFAULT_LOCALE
    if tag != language and not _REGION.fullmatch(tag.partition("-")[2]):
        tag = language
    if language == ENGLISH or _written(language):
        return DEFAULT_LOCALE if tag == ENGLISH else tag
    return DEFAULT_LOCALE


@cache
def content(name: str, locale: str) -> dict[str, Any]:
    """The content file ``name`` ("phrases", "exercises") as spoken in ``locale``:
    the language's complete file with the locale's own words laid over it."""
    language, tag = language_tag(spoken_locale(locale))
    base = _read(name, None if language == ENGLISH else language)
    if base is None:
        raise FileNotFoundError(f"skill/data/{name} is missing for {language}")
    own = _read(name, tag) if tag != language else None
    if own is None and tag in _words_shared():
        own = _read(name, _words_shared()[tag])
    return merged(base, own) if own else base


@cache
def _words_shared() -> dict[str, str]:
    """Locales that write as another does and have no file of their own: en-AU and en-IN
    spell as en-GB ("programme", "practise"), so one overlay serves all three."""
    data = json.loads(resources.files("skill").joinpath("data", "locales.json")
                      .read_text(encoding="utf-8"))
    shared: dict[str, str] = data["writes_as"]
    return shared


# ------------------------------------------------------------ the turn's language


@contextmanager
def speaking(locale: object) -> Iterator[None]:
    """Speak ``locale``'s words for the duration of one turn; anything but a locale's
    name (a request may carry a list, a number, nothing) speaks English."""
    token = _turn_locale.set(spoken_locale(locale if isinstance(locale, str) else None))
    try:
        yield
    finally:
        _turn_locale.reset(token)


def current_locale() -> str:
    """The locale this turn is spoken in (en-US outside a turn)."""
    return _turn_locale.get()


def grammar() -> Language:
    """The grammar of the language this turn is spoken in."""
    return language_for(current_locale())


def exercises_data() -> dict[str, Any]:
    return content("exercises", current_locale())


def phrases_data() -> dict[str, Line]:
    return content("phrases", current_locale())


def pick(line: Line, rng: random.Random, **values: object) -> str:
    """One phrasing of ``line`` with ``{placeholders}`` filled in."""
    return grammar().fill(rng.choice(line), **values)


def phrase(key: str, rng: random.Random | None = None, **values: object) -> str:
    """The reply ``key`` in this turn's language, varied when a generator is given."""
    options = phrases_data()[key]
    text = options[0] if rng is None else rng.choice(options)
    return grammar().fill(text, **values)
