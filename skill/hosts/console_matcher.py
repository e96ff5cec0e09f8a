"""Words to intents the literal way: the interaction model's own samples and slot values.

A typed line is matched against the model's sample utterances and slot values exactly
(with the few forgivenesses a speech recogniser makes: case, punctuation, "please"), so the
model is what gets exercised, not a second grammar. Slots of Amazon's built-in types
(numbers, durations, times) are read as Alexa resolves them. What this cannot match,
:mod:`skill.hosts.console_hearing` generalises over.
"""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

MODELS_DIR = Path(__file__).resolve().parents[2] / "interaction_models"


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

_SLOT_RE = re.compile(r"\{(\w+)\}")


def normalise(text: str) -> str:
    """Words as speech recognition would deliver them: lower case, no punctuation.

    Apostrophes are dropped rather than turned into spaces, so "what's", "whats" and
    "what’s" are one word; every other mark separates words.
    """
    text = text.lower().replace("’", "").replace("'", "")
    return " ".join(re.sub(r"[\W_]+", " ", text).split())


@dataclass(frozen=True)
class Match:
    intent: str
    slots: dict[str, tuple[str, str | None]]
    # Slots of Amazon's built-in types, which Alexa sends without entity resolution.
    plain_slots: frozenset[str] = frozenset()


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


def built_in_slot_value(slot_type: str, heard: str) -> str | None:
    """What Alexa puts in a slot of a built-in type for these words, or ``None`` if the
    words cannot be that type (the sample then does not match)."""
    words = normalise(heard).split()
    if slot_type == "AMAZON.NUMBER":
        number = spoken_number(words)
        return None if number is None else str(number)
    if slot_type == "AMAZON.DURATION":
        return spoken_duration(words)
    if slot_type == "AMAZON.TIME":
        return alexa_time(heard)
    return " ".join(words)  # other built-in types: the words as heard


@dataclass(frozen=True)
class Sample:
    """One utterance of one intent, as written in the model (or a built-in phrase)."""

    intent: str
    text: str
    words: tuple[str, ...]  # normalised words, with each slot kept as "{Name}"
    slot_types: dict[str, str]
    built_in: bool

    @property
    def literal(self) -> bool:
        return not any(_SLOT_RE.fullmatch(word) for word in self.words)

    @property
    def normalised(self) -> str:
        return " ".join(self.words)

    def pattern(self) -> re.Pattern[str]:
        # Input and sample are both single-spaced words, so joining whole words with single
        # spaces means a literal can only match whole words and a slot can only capture
        # whole words: "done with that one" can never fit "do {Exercise}".
        parts = []
        for word in self.words:
            slot = _SLOT_RE.fullmatch(word)
            parts.append(rf"(?P<{slot.group(1)}>\S+(?: \S+)*?)" if slot else re.escape(word))
        return re.compile(" ".join(parts))


def _sample(intent: str, text: str, slot_types: dict[str, str], *, built_in: bool) -> Sample:
    words: list[str] = []
    for part in re.split(r"(\{\w+\})", text):
        words.extend([part] if _SLOT_RE.fullmatch(part) else normalise(part).split())
    return Sample(intent, text, tuple(words), slot_types, built_in)


class ModelMatcher:
    """Matches words to an intent using the sample utterances of one interaction model.

    The order is the one that keeps a console conversation faithful to a device:

    1. a literal sample of the model (no slots), exactly;
    2. a built-in phrase of an Amazon intent the model declares;
    3. the same two with a polite "please" left off;
    4. a sample with slots; one whose slots all resolve to slot values wins over one
       that does not, then the one capturing fewest words.

    A slot carrier never outranks a literal match, and a capture that does not resolve is
    only accepted when it holds a word the model never uses outside its slot values:
    "let's do that one again" fits "let's do {Exercise}", but "that one again" is the
    model's own command wording, not the name of an exercise nobody has modelled.
    """

    def __init__(self, model: dict[str, Any]) -> None:
        language = model["interactionModel"]["languageModel"]
        self.invocation = normalise(language["invocationName"])
        values: dict[str, list[tuple[str, str]]] = {}
        for slot_type in language.get("types", []):
            pairs = []
            for value in slot_type["values"]:
                name = value["name"]
                for word in [name["value"], *name.get("synonyms", [])]:
                    pairs.append((normalise(word), value.get("id") or name["value"]))
            values[slot_type["name"]] = pairs
        self.slot_values = values
        self.samples: list[Sample] = []
        for intent in language["intents"]:
            slot_types = {s["name"]: s["type"] for s in intent.get("slots", [])}
            for text in intent.get("samples", []):
                self.samples.append(_sample(intent["name"], text, slot_types, built_in=False))
            for text in BUILT_IN_PHRASES.get(intent["name"], ()):
                self.samples.append(_sample(intent["name"], text, slot_types, built_in=True))
        # First claim wins, and model samples are listed before any built-in phrase of the
        # same words because the model is what the device would really use.
        self.literals: dict[str, str] = {}
        for sample in sorted(self.samples, key=lambda s: s.built_in):
            if sample.literal:
                self.literals.setdefault(sample.normalised, sample.intent)
        self.carriers = [(s, s.pattern()) for s in self.samples if not s.literal]
        self.vocabulary = {self.invocation, *self.invocation.split()}
        for sample in self.samples:
            self.vocabulary.update(w for w in sample.words if not _SLOT_RE.fullmatch(w))

    def match(self, words: str) -> Match | None:
        text = normalise(words)
        if not text:
            return None
        candidates = [text]
        trimmed = " ".join(w for w in text.split() if w not in POLITE_WORDS)
        if trimmed and trimmed != text:
            candidates.append(trimmed)
        for candidate in candidates:
            if candidate in self.literals:
                return Match(self.literals[candidate], {})
        for candidate in candidates:
            found = self._carrier(candidate)
            if found is not None:
                return found
        return None

    def _carrier(self, text: str) -> Match | None:
        best: tuple[tuple[int, int], Match] | None = None
        for sample, pattern in self.carriers:
            for captures in _splits(pattern, text):
                scored = self._fill(sample, captures)
                if scored is not None and (best is None or scored[0] > best[0]):
                    best = scored
        return best[1] if best else None

    def _fill(self, sample: Sample, captures: dict[str, str]
              ) -> tuple[tuple[int, int], Match] | None:
        """The match ``captures`` make of ``sample`` and how good it is, or ``None`` if
        the words cannot fill its slots."""
        slots: dict[str, tuple[str, str | None]] = {}
        plain: set[str] = set()
        resolved_all = True
        acceptable = True
        for name, heard in captures.items():
            slot_type = sample.slot_types.get(name, "")
            if slot_type.startswith("AMAZON."):
                value = built_in_slot_value(slot_type, heard)
                acceptable = acceptable and value is not None
                slots[name] = (value or heard, None)
                plain.add(name)
                continue
            value_id = self._resolve(slot_type, heard)
            if value_id is None:
                resolved_all = False
                # A sample that is nothing but a slot ("{Exercise}") only takes slot
                # values; and command words are not an unmodelled name.
                novel = [w for w in heard.split() if w not in self.vocabulary]
                acceptable = acceptable and bool(novel) and len(sample.words) > 1
            slots[name] = (heard, value_id)
        if not acceptable:
            return None
        captured = sum(len(heard.split()) for heard, _ in slots.values())
        return (int(resolved_all), -captured), Match(sample.intent, slots, frozenset(plain))

    def _resolve(self, slot_type: str, heard: str) -> str | None:
        heard = normalise(heard)
        # Entity resolution forgives an article ("do the bridge again" fits
        # "do {Exercise} again" with "the bridge"); an exact value is still preferred.
        bare = re.sub(r"^(?:the|a|an|my) ", "", heard)
        for wanted in dict.fromkeys((heard, bare)):
            for word, value_id in self.slot_values.get(slot_type, []):
                if word == wanted:
                    return value_id
        return None

    def example(self, sample: Sample) -> str:
        """The sample as a person would say it, each slot filled with a value of its type."""
        def fill(slot: re.Match[str]) -> str:
            slot_type = sample.slot_types.get(slot.group(1), "")
            values = self.slot_values.get(slot_type, [])
            if values:
                return values[0][0]
            return BUILT_IN_EXAMPLES.get(slot_type, slot.group(1).lower())

        return _SLOT_RE.sub(fill, sample.text)

    def suggest(self, words: str, limit: int = 3) -> list[str]:
        """The model's utterances closest to ``words``, one per intent, best first."""
        text = normalise(words)
        heard = set(text.split())
        scored: list[tuple[float, str, str]] = []
        for sample in self.samples:
            example = self.example(sample)
            said = normalise(example)
            said_words = set(said.split())
            overlap = len(heard & said_words) / max(1, len(heard | said_words))
            similarity = difflib.SequenceMatcher(None, text, said).ratio()
            scored.append((overlap + similarity, sample.intent, example))
        scored.sort(key=lambda s: -s[0])
        picked: list[str] = []
        intents: set[str] = set()
        for _score, intent, example in scored:
            if intent not in intents:
                intents.add(intent)
                picked.append(example)
            if len(picked) == limit:
                break
        return picked


def _splits(pattern: re.Pattern[str], text: str) -> list[dict[str, str]]:
    """Every way ``pattern``'s slots can share out the words of ``text``: a carrier with two
    slots side by side ("move my reminder {By} {Shift}") has more than one reading of
    "an hour later", and the regular expression alone finds only the first."""
    found = pattern.fullmatch(text)
    if found is None:
        return []
    names = list(found.groupdict())
    if len(names) < 2:
        return [found.groupdict()]
    readings = [found.groupdict()]
    # Try each slot greedy in turn: the other readings of adjacent slots.
    for name in names:
        greedy = re.compile(pattern.pattern.replace(f"(?P<{name}>\\S+(?: \\S+)*?)",
                                                    f"(?P<{name}>\\S+(?: \\S+)*)"))
        other = greedy.fullmatch(text)
        if other is not None and other.groupdict() not in readings:
            readings.append(other.groupdict())
    return readings


def load_model(locale: str) -> dict[str, Any]:
    path = MODELS_DIR / f"{locale}.json"
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data
