"""How people say what Alexa's built-in intents and slot types hear, in each language.

Alexa's speech model knows without any sample that "yes", "sí" and "ja" are the Yes intent
and that "half past six" or "las seis y media" is 18:30 or 06:30; the console has no speech
model behind it, so each language spells it out here. English is written in code (its
clock has "half seven" and "quarter to"); another language is one data file,
``skill/hosts/spoken/<lang>.json`` (see ``es.json``), read by :class:`SpokenData`. A language
without its file is heard with English's numbers and times, and only its model's samples.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

SPOKEN_DIR = Path(__file__).resolve().parent / "spoken"
BUILT_IN_TYPES = ("AMAZON.NUMBER", "AMAZON.DURATION", "AMAZON.TIME")


def normalise(text: str) -> str:
    """Words as speech recognition would deliver them: lower case, no punctuation.

    Apostrophes are dropped rather than turned into spaces, so "what's", "whats" and
    "what’s" are one word; every other mark separates words.
    """
    text = text.lower().replace("’", "").replace("'", "")
    return " ".join(re.sub(r"[\W_]+", " ", text).split())


# Amazon's built-in intents understand these phrases without any sample in the model;
# the console needs them spelled out because it has no Alexa speech model behind it.
# They only apply to built-ins the loaded model declares, and a phrase the model gives to
# one of its own intents belongs to that intent (the model is the grammar, this is a
# fallback). "skip" is deliberately absent: skipping is the model's business.
BUILT_IN_PHRASES: dict[str, tuple[str, ...]] = {
    "AMAZON.YesIntent": ("yes", "yeah", "yep", "sure", "ok", "okay", "yes please", "alright"),
    "AMAZON.NoIntent": ("no", "nope", "no thanks", "no thank you", "not now"),
    "AMAZON.StopIntent": ("stop", "off", "shut up", "be quiet"),
    "AMAZON.CancelIntent": ("cancel", "never mind", "forget it"),
    "AMAZON.HelpIntent": ("help", "help me"),
    "AMAZON.NextIntent": ("next",),
    "AMAZON.PreviousIntent": ("go back", "previous", "back"),
    "AMAZON.RepeatIntent": ("repeat", "repeat that", "say that again please"),
    "AMAZON.PauseIntent": ("pause",),
    "AMAZON.ResumeIntent": ("resume", "continue please"),
    "AMAZON.StartOverIntent": ("start over", "restart please"),
    "AMAZON.NavigateHomeIntent": ("go home", "home"),
}

# How a suggestion fills a slot of a built-in type.
BUILT_IN_EXAMPLES = {"AMAZON.NUMBER": "ten", "AMAZON.DURATION": "ten seconds"}

# Words speech recognition hears around a request without changing it; tried only when
# the words as typed match nothing literally.
POLITE_WORDS = ("please",)

# Fills for Amazon's built-in slot types, as people say them (the stand-in trains on them).
BUILT_IN_FILLS: Mapping[str, Sequence[str]] = {
    "AMAZON.NUMBER": ("five", "ten", "fifteen", "twenty", "three", "thirty"),
    "AMAZON.TIME": ("seven am", "six thirty pm", "the morning", "eight", "the evening",
                    "half past six", "nine oclock", "noon"),
    "AMAZON.DURATION": ("an hour", "half an hour", "two hours", "thirty minutes",
                        "ten minutes", "fifteen minutes"),
}
# Words entity resolution forgives before a slot value ("do the bridge again").
ARTICLES = ("the", "a", "an", "my")


_NUMBER_WORDS = {word: value for value, word in enumerate([
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen"])}
_NUMBER_WORDS.update({word: 10 * tens for tens, word in enumerate(
    ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"], start=2)})


def spoken_number(words: list[str]) -> int | None:
    """``["twenty", "five"]`` or ``["25"]`` as 25; ``None`` unless every word is a number's."""
    total = current = 0
    seen = False
    for word in words:
        if word.isdigit():
            current += int(word)
        elif word in _NUMBER_WORDS:
            current += _NUMBER_WORDS[word]
        elif word in ("a", "an") and not seen:
            current += 1  # "a hundred", "an hour"
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word == "thousand":
            total, current = total + max(current, 1) * 1000, 0
        elif word != "and" or not seen:
            return None
        seen = True
    return total + current if seen else None


_DURATION_UNITS = {"day": "D", "days": "D", "hour": "H", "hours": "H", "minute": "M",
                   "minutes": "M", "min": "M", "mins": "M", "second": "S", "seconds": "S",
                   "sec": "S", "secs": "S"}


# Parts of an hour people say as words, which Alexa resolves to minutes.
_HOUR_PARTS = {"half an hour": "PT30M", "a half hour": "PT30M", "quarter of an hour": "PT15M",
               "a quarter of an hour": "PT15M", "an hour and a half": "PT1H30M",
               "three quarters of an hour": "PT45M"}


def spoken_duration(words: list[str]) -> str | None:
    """``ten seconds`` as ``PT10S``: the ISO 8601 form Alexa fills an ``AMAZON.DURATION``
    slot with, or ``None`` for words the console cannot read as one (``half a minute``)."""
    phrase = " ".join(words)
    if phrase in _HOUR_PARTS:
        return _HOUR_PARTS[phrase]
    amounts: dict[str, int] = {}
    pending: list[str] = []
    for word in words:
        if word in _DURATION_UNITS:
            number = spoken_number(pending)
            if number is None:
                return None
            unit = _DURATION_UNITS[word]
            amounts[unit] = amounts.get(unit, 0) + number
            pending = []
        elif word != "and" or pending:
            pending.append(word)
    if pending or not amounts:
        return None
    days = f"{amounts['D']}D" if "D" in amounts else ""
    time_part = "".join(f"{amounts[u]}{u}" for u in "HMS" if u in amounts)
    return f"P{days}{'T' + time_part if time_part else ''}"


_HOURS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
          "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
_MINUTES = {"fifteen": 15, "thirty": 30, "forty five": 45, "oclock": 0}
_PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI",
                 "mornings": "MO", "afternoons": "AF", "evenings": "EV", "nights": "NI"}
# "half past six", "quarter to seven", and the British "half seven" (half past seven).
_PAST_TO = re.compile(r"(?:at )?(?:(?P<part>half|quarter|twenty|ten|five) (?P<way>past|to) |"
                      r"(?P<half>half) )(?P<rest>.+)")
_PART_MINUTES = {"half": 30, "quarter": 15, "twenty": 20, "ten": 10, "five": 5}
_TIME = re.compile(
    r"(?:at )?(?P<hour>\d{1,2}|" + "|".join(_HOURS) + r")"
    r"(?: (?P<minute>\d\d)| (?P<word>fifteen|thirty|forty five|oclock))?"
    r"(?: ?(?P<suffix>am|pm|a m|p m|in the morning|in the afternoon|in the evening|at night"
    r"|tonight))?")


def alexa_time(heard: str) -> str | None:
    """What ``AMAZON.TIME`` resolves typed words to: "08:00", "19:30", or "MO", "EV"...

    Alexa does this in its speech model; the console needs it spelled out.
    """
    text = normalise(heard)
    part_of_day = re.sub(r"^(?:in |at )?(?:the )?", "", text)
    if part_of_day in _PARTS_OF_DAY:
        return _PARTS_OF_DAY[part_of_day]
    if text in ("noon", "midday"):
        return "12:00"
    if text == "midnight":
        return "00:00"
    relative = _PAST_TO.fullmatch(text)
    if relative is not None:
        base = alexa_time(relative["rest"])
        if base is None or ":" not in base or not base.endswith(":00"):
            return None
        hour, minutes = int(base[:2]), _PART_MINUTES[relative["part"] or "half"]
        if relative["way"] == "to":
            hour, minutes = (hour - 1) % 24, 60 - minutes
        return f"{hour:02d}:{minutes:02d}"
    found = _TIME.fullmatch(text)
    if found is None:
        return None
    hour = int(found["hour"]) if found["hour"].isdigit() else _HOURS[found["hour"]]
    minute = int(found["minute"]) if found["minute"] else _MINUTES.get(found["word"] or "", 0)
    suffix = (found["suffix"] or "").replace(" ", "")
    if suffix in ("pm", "intheafternoon", "intheevening", "atnight", "tonight") and hour < 12:
        hour += 12
    elif suffix in ("am", "inthemorning") and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return None
    return f"{hour:02d}:{minute:02d}"



@dataclass(frozen=True)
class Spoken:
    """One language's words for the built-in intents and slot types (English by default)."""

    language: str = "en"
    built_in_phrases: Mapping[str, tuple[str, ...]] = field(
        default_factory=lambda: BUILT_IN_PHRASES)
    polite: tuple[str, ...] = POLITE_WORDS
    articles: tuple[str, ...] = ARTICLES
    fills: Mapping[str, Sequence[str]] = field(default_factory=lambda: BUILT_IN_FILLS)
    examples: Mapping[str, str] = field(default_factory=lambda: BUILT_IN_EXAMPLES)
    # Words that hold no number on their own ("give me a minute").
    fillers: tuple[str, ...] = ("a", "an", "and")
    # How people name a skill: "open release coach", "ask release coach to ...".
    launch_words: tuple[str, ...] = ("open", "launch", "start", "begin", "load", "run", "use")
    one_shot_words: tuple[str, ...] = ("ask", "tell")
    connecting_words: tuple[str, ...] = ("to", "for", "about", "if", "whether")
    exit_words: tuple[str, ...] = ("exit", "quit", "goodbye", "bye")

    def value(self, slot_type: str, heard: str) -> str | None:
        """What Alexa puts in a slot of a built-in type for these words, or ``None`` if the
        words cannot be that type (the sample then does not match)."""
        words = normalise(heard).split()
        if slot_type == "AMAZON.NUMBER":
            number = self.number(words)
            return None if number is None else str(number)
        if slot_type == "AMAZON.DURATION":
            return self.duration(words)
        if slot_type == "AMAZON.TIME":
            return self.time(" ".join(words))
        return " ".join(words)  # other built-in types: the words as heard

    def number(self, words: list[str]) -> int | None:
        return spoken_number(words)

    def duration(self, words: list[str]) -> str | None:
        return spoken_duration(words)

    def time(self, text: str) -> str | None:
        return alexa_time(text)

    def without_polite(self, text: str) -> str:
        """``text`` with the polite words left off ("please", "por favor")."""
        padded = f" {text} "
        for phrase in self.polite:
            padded = padded.replace(f" {phrase} ", " ")
        return " ".join(padded.split())

    def fingerprint(self) -> str:
        """What training the stand-in depends on, for its cache key."""
        return json.dumps([self.language, self.built_in_phrases, self.fills], sort_keys=True)


ENGLISH = Spoken()


def _iso_duration(amounts: Mapping[str, int]) -> str:
    days = f"{amounts['D']}D" if "D" in amounts else ""
    time_part = "".join(f"{amounts[u]}{u}" for u in "HMS" if u in amounts)
    return f"P{days}{'T' + time_part if time_part else ''}"


@dataclass(frozen=True)
class SpokenData(Spoken):
    """A language's numbers, durations and clock from its data file (``spoken/<lang>.json``).

    Numbers are words that add up ("treinta y cinco": the file names its joining word);
    a duration is numbers before units, or one of the whole phrases it lists ("media
    hora"); a time is an hour (a number, or "7:30" typed) after one of its prefixes ("a
    las"), then minutes said as a number or a listed phrase ("y media", "menos cuarto"),
    then a part of the day that puts it in the afternoon or the morning.
    """

    data: Mapping[str, Any] = field(default_factory=dict)

    def number(self, words: list[str]) -> int | None:
        numbers: Mapping[str, int] = self.data["numbers"]
        joiner = self.data.get("number_joiner", "")
        total, seen, joined = 0, False, False
        for word in words:
            if word.isdigit():
                total, seen, joined = total + int(word), True, False
            elif word in numbers:
                total, seen, joined = total + numbers[word], True, False
            elif word == joiner and seen and not joined:
                joined = True
            else:
                return None
        return total if seen and not joined else None

    def duration(self, words: list[str]) -> str | None:
        phrase = " ".join(words)
        whole: Mapping[str, str] = self.data.get("durations", {})
        if phrase in whole:
            return whole[phrase]
        units: Mapping[str, str] = self.data["duration_units"]
        amounts: dict[str, int] = {}
        pending: list[str] = []
        for word in words:
            if word in units:
                number = self.number(pending)
                if number is None:
                    return None
                amounts[units[word]] = amounts.get(units[word], 0) + number
                pending = []
            elif word != self.data.get("number_joiner") or pending:
                pending.append(word)
        if pending or not amounts:
            return None
        return _iso_duration(amounts)

    def time(self, text: str) -> str | None:
        named: Mapping[str, str] = self.data.get("times", {})
        if text in named:
            return named[text]
        for prefix in sorted(self.data.get("time_prefixes", ()), key=len, reverse=True):
            if text.startswith(prefix + " "):
                text = text[len(prefix) + 1:]
                break
        if text in named:  # "à midi", "vers midi"
            return named[text]
        afternoon = morning = False
        for suffix in sorted(self.data.get("afternoon", ()), key=len, reverse=True):
            if text.endswith(" " + suffix):
                text, afternoon = text[:-len(suffix) - 1], True
                break
        for suffix in sorted(self.data.get("morning", ()), key=len, reverse=True):
            if not afternoon and text.endswith(" " + suffix):
                text, morning = text[:-len(suffix) - 1], True
                break
        clock = self._clock(text.split())
        if clock is None:
            return None
        hour, minute = clock
        if afternoon and hour < 12:
            hour += 12
        elif morning and hour == 12:
            hour = 0
        return f"{hour:02d}:{minute:02d}" if hour < 24 and 0 <= minute < 60 else None

    def _clock(self, words: list[str]) -> tuple[int, int] | None:
        """An hour and its minutes: "siete", "siete y media", "ocho menos cuarto", "7 30";
        in a language that says the word for hours ("dix-neuf heures trente", "sept heures
        et demie": its ``hour_words``), the hour is every number before that word."""
        if not words:
            return None
        said_hours = [i for i, word in enumerate(words) if word in self.data.get("hour_words", ())]
        if said_hours:
            words = [" ".join(words[:said_hours[0]]), *words[said_hours[0] + 1:]]
            hour = self.number(words[0].split())
        else:
            hour = self.number(words[:1])
        if hour is None:
            return None
        rest = " ".join(words[1:])
        if not rest:
            return hour, 0
        parts: Mapping[str, int] = self.data.get("minute_phrases", {})
        if rest in parts:
            minutes = parts[rest]
            return ((hour - 1) % 24, 60 + minutes) if minutes < 0 else (hour, minutes)
        said = words[1:]
        if said and said[0] == self.data.get("number_joiner"):
            said = said[1:]
        minute = self.number(said)
        return None if minute is None else (hour, minute)


@cache
def spoken_for(locale: str | None) -> Spoken:
    """The spoken forms of ``locale``'s language: its data file, else English's."""
    language = (locale or "en").split("-")[0].lower()
    path = SPOKEN_DIR / f"{language}.json"
    if language == "en" or not path.is_file():
        return ENGLISH
    data = json.loads(path.read_text(encoding="utf-8"))
    phrases = {name: tuple(words) for name, words in data["built_in_phrases"].items()}
    return SpokenData(
        language=language, built_in_phrases=phrases, polite=tuple(data.get("polite", ())),
        articles=tuple(data.get("articles", ())),
        fills={name: tuple(words) for name, words in data["fills"].items()},
        examples=dict(data.get("examples", {})), fillers=tuple(data.get("fillers", ())),
        # English's naming words too: the console forgives "open" on a Spanish device.
        launch_words=(*data["launch_words"], *ENGLISH.launch_words),
        one_shot_words=(*data["one_shot_words"], *ENGLISH.one_shot_words),
        connecting_words=(*data["connecting_words"], *ENGLISH.connecting_words),
        exit_words=(*data["exit_words"], *ENGLISH.exit_words), data=data)
