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

from skill.hosts.console_spoken import BUILT_IN_PHRASES, ENGLISH, Spoken, normalise

__all__ = ["BUILT_IN_PHRASES", "MODELS_DIR", "Match", "ModelMatcher", "load_model", "locales",
           "normalise"]

MODELS_DIR = Path(__file__).resolve().parents[2] / "interaction_models"
# A language under way (``interaction_models/drafts``): the console talks it, nothing ships it.
DRAFTS_DIR = MODELS_DIR / "drafts"
_LOCALE_FILE = re.compile(r"^[a-z]{2}-[A-Z]{2}$")

_SLOT_RE = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True)
class Match:
    intent: str
    slots: dict[str, tuple[str, str | None]]
    # Slots of Amazon's built-in types, which Alexa sends without entity resolution.
    plain_slots: frozenset[str] = frozenset()


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

    def __init__(self, model: dict[str, Any], spoken: Spoken = ENGLISH) -> None:
        self.spoken = spoken
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
            for text in spoken.built_in_phrases.get(intent["name"], ()):
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
        trimmed = self.spoken.without_polite(text)
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
                value = self.spoken.value(slot_type, heard)
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
        articles = "|".join(map(re.escape, self.spoken.articles))
        bare = re.sub(rf"^(?:{articles}) ", "", heard) if articles else heard
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
            return self.spoken.examples.get(slot_type, slot.group(1).lower())

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


def locales(models_dir: Path = MODELS_DIR) -> tuple[str, ...]:
    """The locales the skill ships, one per ``interaction_models/<locale>.json``, en-US first."""
    found = sorted(p.stem for p in models_dir.glob("*.json") if _LOCALE_FILE.match(p.stem))
    return tuple(sorted(found, key=lambda locale: locale != "en-US"))


def draft_locales() -> tuple[str, ...]:
    """The locales of languages under way, which the console talks but nothing ships."""
    return tuple(sorted(p.stem for p in DRAFTS_DIR.glob("*.json")
                        if _LOCALE_FILE.match(p.stem)))


def load_model(locale: str) -> dict[str, Any]:
    path = MODELS_DIR / f"{locale}.json"
    if not path.is_file() and locale in draft_locales():
        path = DRAFTS_DIR / f"{locale}.json"
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data
