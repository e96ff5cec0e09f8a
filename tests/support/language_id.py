"""Which language a user hears: every response of a conversation identified by ``lingua``.

One helper for every language's week test (``tests/alexa/test_<language>_week.py``):
:func:`language_problems` names each piece of text with an English word in it and each
response whose words together (speech, reprompt, card, screen) are not identified as the
locale's language. ``lingua-language-detector`` ships its models, so nothing is downloaded.
A short label alone ("Esta es la última.") is too little for any detector; together with
the rest of its response it is not.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

from skill.domain.ssml import spoken_text

LANGUAGES = {"en": Language.ENGLISH, "es": Language.SPANISH, "de": Language.GERMAN,
             "fr": Language.FRENCH, "it": Language.ITALIAN, "pt": Language.PORTUGUESE}
# Words of English that no sentence of another language here has (names like "Kegel"
# aside): one of them is an English fragment put together in code ("3 sessions").
ENGLISH_WORDS = frozenset({
    "the", "and", "you", "your", "of", "to", "is", "session", "sessions", "minute", "minutes",
    "day", "days", "round", "side", "right", "left", "next", "week", "am", "pm", "noon",
    "stretch", "knee", "hip", "back"})
# ...except where a language has the same word ("am Morgen", "une minute").
SHARED_WORDS = {"de": frozenset({"am", "minute", "minuten"}),
                "fr": frozenset({"minute", "minutes", "session", "sessions"})}
_SKIPPED_KEYS = frozenset({"type", "token", "id", "url", "source", "sound", "objectId"})
_WORD = re.compile(r"[^\W\d_]+")


@cache
def detector() -> LanguageDetector:
    return LanguageDetectorBuilder.from_languages(*LANGUAGES.values()).build()


def texts_of(response: dict[str, Any]) -> Iterator[str]:
    """Everything a user hears or reads in one response."""
    body = response.get("response", {})
    for part in (body.get("outputSpeech"), (body.get("reprompt") or {}).get("outputSpeech")):
        if part and part.get("ssml"):
            yield spoken_text(part["ssml"])
    card = body.get("card") or {}
    for key in ("title", "content", "text"):
        if card.get(key):
            yield str(card[key])
    for directive in body.get("directives") or []:
        yield from _strings(directive.get("datasources", {}))


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, dict):
        for key, inner in value.items():
            if key not in _SKIPPED_KEYS:
                yield from _strings(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from _strings(inner)
    elif isinstance(value, str) and re.search(r"[^\W\d_]{3}", value):
        yield spoken_text(value) if value.startswith("<speak>") else value


def words(text: str) -> set[str]:
    return set(_WORD.findall(text.lower()))


def english_in(text: str, language: str) -> set[str]:
    return words(text) & (ENGLISH_WORDS - SHARED_WORDS.get(language, frozenset()))


def identified(text: str) -> Language | None:
    return detector().detect_language_of(text)


def language_problems(responses: Iterable[dict[str, Any]], language: str) -> list[str]:
    """What is not in ``language`` ("es", "de", ...) in ``responses``: English words in a
    piece of text, and responses not identified as the language."""
    wanted = LANGUAGES[language]
    problems = []
    for response in responses:
        texts = list(texts_of(response))
        if language != "en":
            for text in texts:
                if english_in(text, language):
                    problems.append(f"English words {sorted(english_in(text, language))} "
                                    f"in {text!r}")
        whole = " ".join(texts)
        if len(whole.split()) >= 3 and identified(whole) != wanted:
            problems.append(f"not {wanted.name.title()}: {whole!r}")
    return problems
