"""Hearing as a device hears: a statistical stand-in for Alexa's language understanding.

Alexa does not match sample utterances literally; it learns from them and takes phrasings
it has never seen to the nearest intent, or to ``AMAZON.FallbackIntent`` when nothing is
near enough. This stand-in does the same from the interaction model alone: TF-IDF over word
and character n-grams of every sample (each slot filled with the values of its type), a
logistic regression over them, and a rejection threshold calibrated on the model's own
samples, each scored by a classifier that never saw the sample it scores.

scikit-learn fits it (the console, benchmark and test extras carry it; the Lambda artifact
never does). A fitted stand-in is plain numbers, kept in the user's cache directory under
the hash of the model it was trained on, and hears without importing scikit-learn, so the
console's second start is quick.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import pickle
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from skill.hosts.console_matcher import Match, ModelMatcher, normalise
from skill.hosts.console_spoken import ENGLISH, Spoken

FALLBACK = "AMAZON.FallbackIntent"
# The share of the model's own samples (each scored by a classifier that never saw it)
# the threshold lets through: the rest of the probability range is "not near enough".
OWN_SAMPLES_ACCEPTED = 0.95
FOLDS = 3
# How many values of its type fill each slot of a sample, rotating through the type so
# every synonym is heard by some sample.
FILLS_PER_SLOT = 6
HEARD_PER_VALUE = 3
# Every intent weighs the same in training, however many samples and slot values it has.
CLASS_WEIGHT = "balanced"
# Slots a carrier can leave empty and still be the carrier heard ("an hour later" says
# by how much; "later" alone does not).
OPTIONAL = frozenset({"By"})
CHAR_NGRAMS = (2, 4)
WORD_NGRAMS = (1, 2)
_SLOT_RE = re.compile(r"\{(\w+)\}")


def features(text: str) -> list[str]:
    """The n-grams one utterance is made of: words and word pairs, and character runs
    inside each word (so "stretching" is near "stretch" and a misheard ending still counts).
    """
    words = normalise(text).split()
    grams = [f"w:{' '.join(words[i:i + n])}" for n in range(WORD_NGRAMS[0], WORD_NGRAMS[1] + 1)
             for i in range(len(words) - n + 1)]
    for word in words:
        padded = f" {word} "
        for n in range(CHAR_NGRAMS[0], CHAR_NGRAMS[1] + 1):
            grams.extend(f"c:{padded[i:i + n]}" for i in range(max(1, len(padded) - n + 1)))
    return grams


@dataclass(frozen=True)
class Heard:
    """What the stand-in heard: an intent, its slots as the console sends them, and how
    sure it was (the classifier's probability for that intent)."""

    intent: str
    slots: dict[str, tuple[str, str | None]]
    plain_slots: frozenset[str]
    confidence: float

    def as_match(self) -> Match:
        return Match(self.intent, self.slots, self.plain_slots)


@dataclass(frozen=True)
class Weights:
    """A fitted stand-in as plain numbers: enough to hear, nothing to import."""

    vocabulary: dict[str, int]
    idf: np.ndarray[Any, np.dtype[np.float64]]
    coef: np.ndarray[Any, np.dtype[np.float64]]  # one column per feature, one row per intent
    intercept: np.ndarray[Any, np.dtype[np.float64]]
    intents: tuple[str, ...]
    threshold: float
    frames: tuple[tuple[str, ...], ...]  # (intent, slot, slot...) of each kind of carrier
    centroids: np.ndarray[Any, np.dtype[np.float64]]  # one row per frame

    def vector(self, text: str) -> tuple[np.ndarray[Any, np.dtype[np.int64]],
                                         np.ndarray[Any, np.dtype[np.float64]]]:
        """The TF-IDF vector of ``text`` as (feature indices, weights), as fitted."""
        counts: dict[int, int] = {}
        for gram in features(text):
            index = self.vocabulary.get(gram)
            if index is not None:
                counts[index] = counts.get(index, 0) + 1
        indices = np.fromiter(counts, dtype=np.int64, count=len(counts))
        values = np.fromiter(counts.values(), dtype=np.float64, count=len(counts))
        if counts:
            values *= self.idf[indices]
            values /= math.sqrt(float(values @ values))
        return indices, values

    def probabilities(self, text: str) -> np.ndarray[Any, np.dtype[np.float64]]:
        indices, values = self.vector(text)
        scores = self.intercept + self.coef[:, indices] @ values
        scores -= scores.max()
        exp = np.exp(scores)
        result: np.ndarray[Any, np.dtype[np.float64]] = exp / exp.sum()
        return result

    def carriers(self, intent: str, text: str) -> list[tuple[str, ...]]:
        """The slot sets of ``intent``'s carriers that take slots, nearest ``text`` first."""
        indices, values = self.vector(text)
        scored = [(float(self.centroids[row, indices] @ values), frame[1:])
                  for row, frame in enumerate(self.frames) if frame[0] == intent and frame[1:]]
        return [slots for _, slots in sorted(scored, key=lambda s: -s[0])]


def _slot_types(language: Mapping[str, Any]) -> dict[str, list[str]]:
    return {t["name"]: [v["name"]["value"] for v in t["values"]] +
            [s for v in t["values"] for s in v["name"].get("synonyms", [])]
            for t in language.get("types", [])}


def training_set(model: Mapping[str, Any], spoken: Spoken = ENGLISH
                 ) -> tuple[list[str], list[str], list[int], list[str]]:
    """Every sample of the model as people would say it: (texts, intents, sample ids,
    frames), a frame naming the intent and the slots its sample has.

    A slot is filled with values of its type, rotating so that every value of the type is
    heard a few times in each intent that takes it (Alexa learns the values as well as the
    carriers); the sample id groups the fillings of one sample, so calibration never scores
    a sample with a classifier that saw it. Built-in intents also hear the phrases Amazon
    trains them on.
    """
    language = model["interactionModel"]["languageModel"]
    values = _slot_types(language)
    texts: list[str] = []
    intents: list[str] = []
    groups: list[int] = []
    frames: list[str] = []
    turn = 0
    for intent in language["intents"]:
        slot_types = {s["name"]: s["type"] for s in intent.get("slots", [])}
        samples = [*intent.get("samples", []), *spoken.built_in_phrases.get(intent["name"], ())]
        carriers: dict[str, int] = {}
        for sample in samples:
            for name in set(_SLOT_RE.findall(sample)):
                carriers[name] = carriers.get(name, 0) + 1
        for sample in samples:
            fills = FILLS_PER_SLOT
            for name in set(_SLOT_RE.findall(sample)):
                known = len(values.get(slot_types.get(name, ""), ()))
                fills = max(fills, math.ceil(HEARD_PER_VALUE * known / carriers[name]))
            frame = " ".join([intent["name"], *sorted(set(_SLOT_RE.findall(sample)))])
            for text in _fillings(sample, slot_types, values, turn, fills, spoken):
                texts.append(text)
                intents.append(intent["name"])
                groups.append(turn)
                frames.append(frame)
            turn += 1
    return texts, intents, groups, frames


def _fillings(sample: str, slot_types: Mapping[str, str],
              values: Mapping[str, Sequence[str]], turn: int, fills: int,
              spoken: Spoken) -> list[str]:
    names = _SLOT_RE.findall(sample)
    if not names:
        return [sample]
    filled = []
    for k in range(fills):
        text = sample
        for name in names:
            choices = values.get(slot_types.get(name, ""), ()) or \
                spoken.fills.get(slot_types.get(name, ""), ("something",))
            text = text.replace("{" + name + "}", choices[(turn * fills + k) % len(choices)], 1)
        filled.append(text)
    return list(dict.fromkeys(filled))


def fit(model: Mapping[str, Any], spoken: Spoken = ENGLISH) -> Weights:
    """Train the stand-in on ``model`` and calibrate its threshold on the model's samples."""
    # scikit-learn is only needed to fit; a cached stand-in hears without it.
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=1):
        # One thread: on a busy machine, BLAS threads fighting each other cost five times
        # as much as they save on a problem this small.
        return _fit(model, TfidfVectorizer, LogisticRegression, spoken)


def _fit(model: Mapping[str, Any], vectorizer_class: Any, classifier_class: Any,
         spoken: Spoken = ENGLISH) -> Weights:
    texts, intents, groups, frames = training_set(model, spoken)

    def train(rows: Sequence[int]) -> tuple[Any, Any]:
        vectorizer = vectorizer_class(analyzer=features, norm="l2", sublinear_tf=False)
        matrix = vectorizer.fit_transform([texts[i] for i in rows])
        classifier = classifier_class(C=20.0, max_iter=2000, tol=1e-3,
                                      class_weight=CLASS_WEIGHT)
        classifier.fit(matrix, [intents[i] for i in rows])
        return vectorizer, classifier

    # Held-out confidence: each sample scored by a classifier trained without it.
    held_out: list[float] = []
    for fold in range(FOLDS):
        rows = [i for i, g in enumerate(groups) if g % FOLDS != fold]
        tests = [i for i, g in enumerate(groups) if g % FOLDS == fold]
        vectorizer, classifier = train(rows)
        probabilities = classifier.predict_proba(vectorizer.transform([texts[i] for i in tests]))
        held_out.extend(float(p.max()) for p in probabilities)
    threshold = float(np.quantile(held_out, 1.0 - OWN_SAMPLES_ACCEPTED))

    vectorizer, classifier = train(range(len(texts)))
    # Which of an intent's carriers the words are nearest, so only the slots that carrier
    # has are filled ("i'm back" is no "my {Symptom} hurts").
    matrix = vectorizer.transform(texts)
    names = sorted(set(frames))
    centroids = np.zeros((len(names), matrix.shape[1]))
    for row, name in enumerate(names):
        rows = [i for i, f in enumerate(frames) if f == name]
        centroid = np.asarray(matrix[rows].mean(axis=0)).ravel()
        centroids[row] = centroid / max(float(np.linalg.norm(centroid)), 1e-12)
    return Weights(
        frames=tuple(tuple(name.split(" ")) for name in names),
        centroids=centroids,
        vocabulary={str(k): int(v) for k, v in vectorizer.vocabulary_.items()},
        idf=np.asarray(vectorizer.idf_, dtype=np.float64),
        coef=np.asarray(classifier.coef_, dtype=np.float64),
        intercept=np.asarray(classifier.intercept_, dtype=np.float64),
        intents=tuple(str(c) for c in classifier.classes_),
        threshold=threshold,
    )


def model_hash(model: Mapping[str, Any], spoken: Spoken = ENGLISH) -> str:
    """The cache key: the model, its language's spoken forms and the way it is trained
    (this module's own source)."""
    digest = hashlib.sha256(json.dumps(model, sort_keys=True).encode("utf-8"))
    if spoken != ENGLISH:
        digest.update(spoken.fingerprint().encode("utf-8"))
    digest.update(Path(__file__).read_bytes())
    return digest.hexdigest()[:20]


def cache_dir(home: Path | None = None) -> Path:
    """Where a fitted stand-in is kept: under ``home`` when given (an ``XDG_CACHE_HOME``),
    else ``$XDG_CACHE_HOME`` or ``~/.cache``."""
    base = str(home) if home is not None else \
        os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "release-coach"


def cached_weights(model: Mapping[str, Any], directory: Path | None = None,
                   spoken: Spoken = ENGLISH) -> Weights:
    """The stand-in for ``model``: from the cache when this model was fitted before."""
    path = (directory or cache_dir()) / f"hearing-{model_hash(model, spoken)}.pickle"
    try:
        with path.open("rb") as stored:
            weights = pickle.load(stored)
        if isinstance(weights, Weights):
            return weights
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
        pass  # not cached yet, or unreadable: fit again
    weights = fit(model, spoken)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Each process its own partial file: two starting at once must not write into one.
        partial = path.with_suffix(f".{os.getpid()}.partial")
        with partial.open("wb") as out:
            pickle.dump(weights, out)
        partial.replace(path)
    except OSError:
        pass  # a read-only home only costs the next start its training time
    return weights


class Hearing:
    """Words to an intent and its slots as a device would hear them, from one model."""

    def __init__(self, model: Mapping[str, Any], weights: Weights,
                 spoken: Spoken = ENGLISH) -> None:
        self.weights = weights
        self.spoken = spoken
        self.matcher = ModelMatcher(dict(model), spoken)
        language = model["interactionModel"]["languageModel"]
        self.slot_types = {i["name"]: {s["name"]: s["type"] for s in i.get("slots", [])}
                           for i in language["intents"]}
        # Slot elicitation samples ("{Minutes} minutes"), answered only while that slot
        # is being asked for.
        self.elicitation: dict[tuple[str, str], list[str]] = {
            (i["name"], s["name"]): list(s.get("samples", []))
            for i in language["intents"] for s in i.get("slots", [])}

    def hear(self, words: str, eliciting: tuple[str, str] | None = None) -> Heard:
        text = normalise(words)
        if eliciting is not None:
            answer = self.elicited(text, *eliciting)
            if answer is not None:
                return answer
        probabilities = self.weights.probabilities(text)
        best = int(probabilities.argmax())
        confidence = float(probabilities[best])
        intent = self.weights.intents[best]
        if not text or confidence < self.weights.threshold:
            return Heard(FALLBACK, {}, frozenset(), confidence)
        # The nearest carrier whose slots the words fill, as Alexa matches a carrier and
        # its values together; "i'm back" heard as a symptom is no "my {Symptom} hurts".
        for names in self.weights.carriers(intent, text):
            slots, plain = self.fill_slots(intent, text, names)
            if len(slots) == len(names) or (slots and set(names) - set(slots) <= OPTIONAL):
                return Heard(intent, slots, plain, confidence)
        return Heard(intent, {}, frozenset(), confidence)

    def fill_slots(self, intent: str, text: str, names: Iterable[str]
                   ) -> tuple[dict[str, tuple[str, str | None]], frozenset[str]]:
        """The values ``text`` holds for the slots ``names`` of ``intent``, as entity
        resolution would find them: the longest value of the slot's type said in the words."""
        slots: dict[str, tuple[str, str | None]] = {}
        plain: set[str] = set()
        words = text.split()
        types = self.slot_types.get(intent, {})
        for name in names:
            slot_type = types.get(name, "")
            if slot_type.startswith("AMAZON."):
                value = _built_in_span(self.spoken, slot_type, words)
                if value is not None:
                    slots[name] = (value, None)
                    plain.add(name)
                continue
            found = _longest_value(self.matcher.slot_values.get(slot_type, []), text)
            if found is not None:
                slots[name] = found
        return slots, frozenset(plain)

    def elicited(self, words: str, intent: str, slot: str) -> Heard | None:
        """``words`` as an answer to the skill asking for ``slot`` of ``intent``, through
        that slot's own samples ("{Minutes} minutes"), or ``None`` if they are not one."""
        text = normalise(words)
        slot_type = self.slot_types.get(intent, {}).get(slot, "")
        for sample in self.elicitation.get((intent, slot), []):
            pattern = re.escape(normalise(sample.replace("{" + slot + "}", "SLOTHERE")))
            found = re.fullmatch(pattern.replace("slothere", r"(?P<value>.+?)"), text)
            if not found:
                continue
            heard = found.group("value")
            if slot_type.startswith("AMAZON."):
                value = self.spoken.value(slot_type, heard)
                if value is not None:
                    return Heard(intent, {slot: (value, None)}, frozenset({slot}), 1.0)
                continue
            resolved = _longest_value(self.matcher.slot_values.get(slot_type, []), heard)
            if resolved is not None:
                return Heard(intent, {slot: resolved}, frozenset(), 1.0)
        return None


def _longest_value(pairs: Iterable[tuple[str, str]], text: str) -> tuple[str, str] | None:
    """The value ``text`` names, as entity resolution forgives word order and a missing
    word: the synonym with most of its words said (said together ranks first), at least
    two of them and three in four when not said together."""
    padded = f" {text} "
    said = set(text.split())
    best: tuple[tuple[int, int, int], str, str] | None = None
    for phrase, value_id in pairs:
        words = phrase.split()
        if not words:
            continue
        if f" {phrase} " in padded:
            rank = (len(words), 1, len(phrase))
        else:
            heard = sum(word in said for word in words)
            if heard < 2 or heard * 4 < len(words) * 3:
                continue
            rank = (heard, 0, len(phrase))
        if best is None or rank > best[0]:
            best = (rank, phrase, value_id)
    return (best[1], best[2]) if best else None


def _built_in_span(spoken: Spoken, slot_type: str, words: list[str]) -> str | None:
    """The value of the longest run of words that is one of ``slot_type``'s values."""
    for length in range(min(len(words), 6), 0, -1):
        for start in range(len(words) - length + 1):
            span = words[start:start + length]
            if all(word in spoken.fillers for word in span):
                continue  # "give me a minute" holds no number
            value = spoken.value(slot_type, " ".join(span))
            if value is not None:
                return value
    return None


def hearing_for(model: Mapping[str, Any], directory: Path | None = None,
                spoken: Spoken = ENGLISH) -> Hearing:
    return Hearing(model, cached_weights(model, directory, spoken), spoken)
