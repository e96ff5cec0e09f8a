"""One language's grammar, read from its data file; see :mod:`skill.domain.language`."""

from __future__ import annotations

import json
import re
import string
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import time
from decimal import Decimal
from functools import cache, cached_property, lru_cache
from importlib import resources
from typing import Any

from skill.domain.language.plural import OTHER, category

DEFAULT_LOCALE = "en-US"
FALLBACK_LANGUAGE = "en"

# issue-19: a phrase may ask for a name in a grammatical case, "{next:dat}": a format
# spec of two or more small letters is a case's name, never one of Python's own specs.
_CASE = re.compile(r"[a-z]{2,}")


class Declined(str):
    """A name said as it is (its first form, the nominative), that also knows its other
    forms by case: German "der Schmetterling", with "den Schmetterling" (acc), "dem
    Schmetterling" (dat) and "zum Schmetterling" (zu). The cases are the language's data;
    a language without cases never makes one."""

    forms: Mapping[str, str]

    def __new__(cls, forms: Mapping[str, str]) -> Declined:
        declined = super().__new__(cls, next(iter(forms.values())))
        declined.forms = dict(forms)
        return declined

    def form(self, case: str) -> str:
        """The form for ``case``; as it is said for a case the name does not have."""
        return self.forms.get(case, str(self))

    def __format__(self, spec: str) -> str:
        return self.form(spec) if _CASE.fullmatch(spec) else str.__format__(self, spec)


def _cases(values: Sequence[object]) -> list[str]:
    """The cases the declined ones of ``values`` know, in their first one's order."""
    found: list[str] = []
    for value in values:
        if isinstance(value, Declined):
            found += [case for case in value.forms if case not in found]
    return found


def _in_case(value: object, case: str) -> object:
    return value.form(case) if isinstance(value, Declined) else value


def _has_braces(template: str) -> bool:
    """Whether ``template`` has anything for ``str.format`` to fill (or to refuse)."""
    return "{" in template or "}" in template


class _Filler(string.Formatter):
    """str.format, with a case's spec ("{next:dat}") answered by the language."""

    def __init__(self, language: Language) -> None:
        self.language = language

    def format_field(self, value: Any, format_spec: str) -> str:
        if _CASE.fullmatch(format_spec):
            return self.language.in_case(value, format_spec)
        return str(super().format_field(value, format_spec))


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
        """CLDR list patterns: "a", "a and b", "a, b and c". A list of declined names is
        declined too: "den Schmetterling und die Brücke" is the list in the accusative."""
        cases = _cases(items)
        if cases:
            return Declined({case: self._join([str(_in_case(item, case)) for item in items])
                             for case in cases})
        return self._join(items)

    def _join(self, items: Sequence[str]) -> str:
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

        The form is the name's own if it has one, else the elided one before a vowel
        (French "l'{name}", of either gender, when the language has ``elision``), else that
        of the name's gender (a language's ``genders`` map: "posture": "feminine" ->
        "la {name}"; a word with a mute h is listed as "elided"), else ``other``; so
        articles stay data.
        """
        forms: Mapping[str, Any] = self.data["definite"]
        if name in forms:
            form = forms[name]
        else:
            gender = self.data.get("genders", {}).get(name)
            if "elided" in forms and (self._elides(name) or gender == "elided"):
                form = forms["elided"]
            elif gender is not None and gender in forms:
                form = forms[gender]
            else:
                form = forms[OTHER]
        # issue-19: a language with cases gives a name its gender ("f"), whose forms by
        # case are its "genders" (beside the names), or the name's own forms by case.
        genders: Mapping[str, Any] = forms.get("genders", {})
        if isinstance(form, str) and form in genders:
            form = genders[form]
        if isinstance(form, Mapping):
            return Declined({case: str(template).format(name=name)
                             for case, template in form.items()})
        return str(form).format(name=name)

    def _elides(self, word: str) -> bool:
        """Whether a word drops the vowel of the one before ("l'étirement"): it begins
        with one of the language's ``elision.vowels``."""
        vowels: str = self.data.get("elision", {}).get("vowels", "")
        return bool(word) and word[0].lower() in vowels

    def in_case(self, value: object, case: str) -> str:
        """``value`` said in ``case``: a declined name's form, a bare exercise name with
        its article in that case, anything else as it is."""
        if not isinstance(value, Declined) and isinstance(value, str) and \
                value in self.data["definite"]:
            value = self.definite(value)
        return str(_in_case(value, case))

    # ------------------------------------------------------------ filling templates

    @cached_property
    def _plain(self) -> bool:
        """Neither cases nor joins: a template is filled by ``str.format`` exactly."""
        return "contractions" not in self.data and "elision" not in self.data and \
            "genders" not in self.data["definite"]

    def fill(self, template: str, /, **values: object) -> str:
        """``template.format(**values)``, with a case asked for ("{next:dat}": German
        "dem Schmetterling") and the language's joins where a word of the template meets
        a filled-in value: French "à" + "le pont" -> "au pont", "de" + "les Kegel" ->
        "des Kegel", "le" + "étirement" -> "l'étirement"."""
        if not _has_braces(template):
            # Most phrasings fill nothing: every way of filling one gives it back as it is.
            return template
        if self._plain:
            return template.format(**values)
        filler = _Filler(self)
        if "contractions" not in self.data and "elision" not in self.data:
            return filler.format(template, **values)
        out = ""
        for literal, field, spec, conversion in filler.parse(template):
            out += literal
            if field is None:
                continue
            value, _ = filler.get_field(field, (), values)
            text = filler.format_field(filler.convert_field(value, conversion), spec or "")
            out, text = self._contract(out, text)
            out += text
        return out

    def _contract(self, before: str, value: str) -> tuple[str, str]:
        """The template's last word and the value's first, as the language joins them."""
        match = _LAST_WORD.search(before)
        if match is None:
            return before, value
        word = match.group(1)
        head = before[:match.start(1)]
        for pair, joined in self.data.get("contractions", {}).items():
            preposition, article = pair.split(" ")
            if word.lower() == preposition and value.startswith(article + " "):
                return head + _cased(joined, word) + " ", value[len(article) + 1:]
        elided: Mapping[str, str] = self.data.get("elision", {}).get("words", {})
        if word.lower() in elided and self._elides(value):
            return head + _cased(elided[word.lower()], word), value
        return before, value

    def word(self, group: str, word_id: str) -> str:
        """The word for an id the domain uses: ``word("body_part", "knee")`` -> "knee".
        A word given by case (German "das Knie", "im Knie") is declined."""
        words: Mapping[str, Any] = self.data["words"][group]
        word = words[word_id]
        return Declined(word) if isinstance(word, Mapping) else str(word)

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
        cases = _cases(list(values.values()))
        if cases:  # issue-19: "die Taube, linke Seite" and "der Taube, linke Seite"
            return Declined({case: self.fill(form, **{k: _in_case(v, case)
                                                      for k, v in values.items()})
                             for case in cases})
        return self.fill(form, **values)

    def words(self, key: str) -> list[str]:
        """A fixed list of words, such as the weekdays' initials."""
        return list(self.data["word_lists"][key])

    def tells_what_to_say(self, sentence: str) -> bool:
        """Whether ``sentence`` tells the user what to say ("say next", "di siguiente"):
        the language's ``instructions`` words, whole words, in any case."""
        return self._instructions is not None and \
            self._instructions.search(sentence) is not None

    @cached_property
    def _instructions(self) -> re.Pattern[str] | None:
        """The ``instructions`` words as one pattern, compiled once (None if there are none)."""
        words = self.data.get("instructions", ())
        if not words:
            return None
        return re.compile(rf"\b(?:{'|'.join(re.escape(word) for word in words)})\b",
                          re.IGNORECASE)


_LAST_WORD = re.compile(r"(?:^|(?<=[\s(«\"]))([^\W\d_]+) $")


def _cased(word: str, like: str) -> str:
    """``word`` capitalised as ``like`` was ("À" + "au" -> "Au")."""
    return word[:1].upper() + word[1:] if like[:1].isupper() else word


@lru_cache(maxsize=256)  # asked for several times a turn; bounded: locales come from requests
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


__all__ = ["DEFAULT_LOCALE", "Declined", "Language", "english", "language_for", "language_tag"]
