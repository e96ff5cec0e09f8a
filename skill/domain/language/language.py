"""One language's grammar, read from its data file; see :mod:`skill.domain.language`."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import time
from decimal import Decimal
from functools import cache
from importlib import resources
from typing import Any

from skill.domain.language.plural import OTHER, category

DEFAULT_LOCALE = "en-US"
FALLBACK_LANGUAGE = "en"


@dataclass(frozen=True)
class Language:
    """A language's (or a locale's) grammar: its data, and how counts and lists are said."""

    tag: str
    data: Mapping[str, Any]

    # ------------------------------------------------------------ numbers

    def plural(self, number: int | float | str | Decimal) -> str:
        """The CLDR plural category of ``number`` ("one", "few", "other"...)."""
        rules: Mapping[str, str] = self.data["plural_rules"]
        return category(rules, number)

    def count(self, number: int, noun: str) -> str:
        """``count(1, "session")`` -> "1 session"; ``count(3, "session")`` -> "3 sessions".

        A noun may say an exact number its own way, as ICU messages do ("=0": "no
        sessions", so "with no sessions this week", never "with 0 sessions")."""
        forms: Mapping[str, str] = self.data["counts"][noun]
        form = forms.get(f"={number}") or forms.get(self.plural(number), forms[OTHER])
        return form.format(count=number)

    def ordinal(self, number: int) -> str:
        """``ordinal(2)`` -> "2nd"."""
        forms: Mapping[str, str] = self.data["ordinal"]
        form = forms.get(category(self.data["ordinal_rules"], number), forms[OTHER])
        return form.format(count=number)

    # ------------------------------------------------------------ lists

    def join(self, items: Sequence[str]) -> str:
        """CLDR list patterns: "a", "a and b", "a, b and c"."""
        patterns: Mapping[str, str] = self.data["list"]
        if len(items) <= 1:
            return "".join(items)
        if len(items) == 2:
            return patterns["two"].format(*items)
        text = patterns["end"].format(items[-2], items[-1])
        for item in reversed(items[1:-2]):
            text = patterns["middle"].format(item, text)
        return patterns["start"].format(items[0], text)

    # ------------------------------------------------------------ names

    def definite(self, name: str) -> str:
        """``definite("butterfly")`` -> "the butterfly": a name with its definite article.

        The form is the language's ``other``, unless the name has its own (a language with
        genders gives each feminine name ``"la {name}"``), so articles stay data.
        """
        forms: Mapping[str, str] = self.data["definite"]
        return forms.get(name, forms[OTHER]).format(name=name)

    def word(self, group: str, word_id: str) -> str:
        """The word for an id the domain uses: ``word("body_part", "knee")`` -> "knee"."""
        words: Mapping[str, str] = self.data["words"][group]
        return words[word_id]

    def side(self, side: str) -> str:
        """The word for a side of the body, by its id ("right", "left")."""
        return self.word("side", side)

    def round_of(self, round_number: int, name: str) -> str:
        """One round of a set in several: "round 2 of reverse Kegels"."""
        return self.text("round_of", round=round_number, name=name)

    def one_side(self, title: str, side: str) -> str:
        """A sided stretch on one side: "the lunge, right side"."""
        return self.text("one_side", title=title, side=self.side(side))

    # ------------------------------------------------------------ time

    def time(self, at: time) -> str:
        """A time of day as it is said: "8 AM", "7:30 PM", "noon", "midnight"."""
        forms: Mapping[str, Any] = self.data["time"]
        if at.minute == 0 and at.hour == 12 and "noon" in forms:
            return str(forms["noon"])
        if at.minute == 0 and at.hour == 0 and "midnight" in forms:
            return str(forms["midnight"])
        hours = int(forms["clock_hours"])
        hour = (at.hour % 12 or 12) if hours == 12 else at.hour
        period = forms["morning"] if at.hour < 12 else forms["afternoon"]
        # issue-19: a language may name more parts of the day ("de la madrugada", "de la
        # noche"): [from hour, words] pairs, the last one begun wins.
        for starts, words in forms.get("periods", ()):
            if at.hour >= int(starts):
                period = words
        form = forms["with_minutes"] if at.minute else forms["on_the_hour"]
        # ...and an hour's article may follow its number ("la 1", "las 7").
        article = forms.get("article", {})
        the = article.get(self.plural(hour), article.get(OTHER, ""))
        return str(form.format(hour=hour, minute=at.minute, period=period, the=the)).strip()

    def duration(self, seconds: int) -> str:
        """``duration(90)`` -> "1 minute and 30 seconds"; parts that are 0 are left out."""
        sizes = {"hour": 3600, "minute": 60, "second": 1}
        parts, left = [], max(0, seconds)
        for unit in self.data["duration_units"]:
            amount, left = divmod(left, sizes[unit])
            if amount:
                parts.append(self.count(amount, unit))
        return self.join(parts) if parts else self.count(0, self.data["duration_units"][-1])

    # ------------------------------------------------------------ words

    def text(self, key: str, **values: object) -> str:
        """The language's words for ``key`` (a screen label, the reminder), filled in."""
        form: str = self.data["texts"][key]
        return form.format(**values)

    def words(self, key: str) -> list[str]:
        """A fixed list of words, such as the weekdays' initials."""
        return list(self.data["word_lists"][key])

    def tells_what_to_say(self, sentence: str) -> bool:
        """Whether ``sentence`` tells the user what to say ("say next", "di siguiente"):
        the language's ``instructions`` words, whole words, in any case."""
        return any(re.search(rf"\b{re.escape(word)}\b", sentence, re.IGNORECASE)
                   for word in self.data.get("instructions", ()))


def language_tag(locale: str | None) -> tuple[str, str]:
    """("en", "en-GB") from "en-GB", "en_gb" or "EN-gb"; English for nothing."""
    raw = (locale or DEFAULT_LOCALE).replace("_", "-").strip()
    language, _, region = raw.partition("-")
    language = language.lower() or FALLBACK_LANGUAGE
    return language, f"{language}-{region.upper()}" if region else language


def _data_file(name: str) -> dict[str, Any] | None:
    resource = resources.files("skill").joinpath("data", "language", f"{name}.json")
    if not resource.is_file():
        return None
    data: dict[str, Any] = json.loads(resource.read_text(encoding="utf-8"))
    return data


def merged(base: Mapping[str, Any], extra: Mapping[str, Any]) -> dict[str, Any]:
    """``extra`` laid over ``base``, key by key, mappings within mappings likewise."""
    result = dict(base)
    for key, value in extra.items():
        if isinstance(value, Mapping) and isinstance(base.get(key), Mapping):
            result[key] = merged(base[key], value)
        else:
            result[key] = value
    return result


@cache
def _language(tag: str) -> Language:
    language, _, _ = tag.partition("-")
    base = _data_file(language)
    if base is None:
        return _language(FALLBACK_LANGUAGE) if language != FALLBACK_LANGUAGE else \
            _missing_english()
    own = _data_file(tag) if tag != language else None
    return Language(tag, merged(base, own) if own else base)


def _missing_english() -> Language:
    raise FileNotFoundError("skill/data/language/en.json is missing from the package")


def language_for(locale: str | None) -> Language:
    """The grammar for a request's locale: its own, else its language's, else English's.

    Only that locale's files are read, once per process.
    """
    return _language(language_tag(locale)[1])


def english() -> Language:
    """The default locale's grammar, read when first asked for (never at import, so a
    request in another language reads only its own files)."""
    return language_for(DEFAULT_LOCALE)


__all__ = ["DEFAULT_LOCALE", "Language", "english", "language_for", "language_tag"]
