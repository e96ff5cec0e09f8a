"""How well the interaction models understand people: the corpus score, by locale and need.

The corpus of a language (``tests/understanding/corpus.txt`` for English,
``corpus.<lang>.txt`` for another: ``corpus.es.txt``) holds phrasings written from the needs people
have and the ways they talk, independently of the models' samples, each with the intents
(and slot values) that fit it. A statistical stand-in for Alexa's language understanding,
trained on one locale's model alone (:mod:`skill.hosts.console_hearing`), hears each phrase;
a phrase is understood when it reaches a fitting intent with the slot values asked for.

A "must never" hit is a phrase that reaches an intent with consequences (a pain report that
stops the session, a deletion, a reminder set, changed or cancelled, a settings or program
change) that is not one of its fitting intents.

    python -m bench.understanding                 # every shipped locale, misses by need
    python -m bench.understanding --locale es-MX  # a draft's locale too
    python -m bench.understanding --locale en-GB --console
    python -m bench.understanding --models DIR    # models in another folder (e.g. an old commit's)

Measured (the README's table): today's model at 5e3efae understood 47.3-49.0 % of the corpus
per locale with 86-97 must-never hits; the reworked models 92.4-93.6 % with none.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from skill.hosts.console_hearing import Heard, Hearing, hearing_for
from skill.hosts.console_matcher import (
    DRAFTS_DIR,
    MODELS_DIR,
    Match,
    ModelMatcher,
    draft_locales,
    locales,
)
from skill.hosts.console_spoken import spoken_for
from skill.hosts.console_understanding import CONSEQUENTIAL, Understanding

CORPUS_DIR = Path(__file__).resolve().parents[1] / "tests" / "understanding"
CORPUS = CORPUS_DIR / "corpus.txt"
# Every shipped locale, discovered from interaction_models/<locale>.json.
LOCALES = locales()
GOAL = 0.90


def corpus_path(locale: str) -> Path:
    """The corpus ``locale`` is scored on: its language's (English's is ``corpus.txt``)."""
    language = locale.split("-")[0]
    return CORPUS if language == "en" else CORPUS_DIR / f"corpus.{language}.txt"

BUILT_IN_SHORT_NAMES = frozenset({
    "Yes", "No", "Stop", "Cancel", "Help", "Fallback", "Next", "Previous", "Repeat", "Pause",
    "Resume", "StartOver", "NavigateHome"})
_ALIASES = {"Home": "AMAZON.NavigateHomeIntent"}
_FIT = re.compile(r"\s*(?P<intent>[A-Za-z]+)\s*(?:\((?P<slots>[^)]*)\))?\s*")


def intent_name(short: str) -> str:
    if short in _ALIASES:
        return _ALIASES[short]
    if short in BUILT_IN_SHORT_NAMES:
        return f"AMAZON.{short}Intent"
    return short if short.endswith("Intent") else f"{short}Intent"


@dataclass(frozen=True)
class Fit:
    """One acceptable reading: an intent, and the slot values it must carry."""

    intent: str
    slots: tuple[tuple[str, str], ...] = ()

    def accepts(self, intent: str, slots: dict[str, str | None]) -> bool:
        return intent == self.intent and all(slots.get(k) == v for k, v in self.slots)

    def __str__(self) -> str:
        inside = ", ".join(f"{k}={v}" for k, v in self.slots)
        return f"{self.intent}({inside})" if inside else self.intent


@dataclass(frozen=True)
class Phrase:
    text: str
    need: str
    fits: tuple[Fit, ...]
    eliciting: tuple[str, str] | None = None
    line: int = 0

    @property
    def intents(self) -> frozenset[str]:
        return frozenset(f.intent for f in self.fits)


def parse_fits(text: str) -> tuple[Fit, ...]:
    fits: list[Fit] = []
    position = 0
    while position < len(text):
        found = _FIT.match(text, position)
        if not found or not found.group("intent"):
            raise ValueError(f"cannot read the fitting intents {text!r}")
        slots = tuple(tuple(part.strip().split("=", 1)) for part in
                      (found.group("slots") or "").split(",") if part.strip())
        fits.append(Fit(intent_name(found.group("intent")),
                        tuple((k, v) for k, v in slots)))
        position = found.end()
        if position < len(text) and text[position] == ",":
            position += 1
    return tuple(fits)


def load_corpus(path: Path = CORPUS) -> list[Phrase]:
    phrases: list[Phrase] = []
    need = "unsorted"
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if line.startswith("## "):
            need = line[3:].split(":", 1)[0].strip()
            continue
        if not line or line.startswith("#"):
            continue
        said, _, fits = line.partition(" | ")
        eliciting = None
        if said.startswith("@"):
            target, _, said = said[1:].partition(" ")
            intent, _, slot = target.partition(".")
            eliciting = (intent_name(intent), slot)
        phrases.append(Phrase(said.strip(), need, parse_fits(fits), eliciting, number))
    return phrases


@dataclass
class Outcome:
    phrase: Phrase
    intent: str
    slots: dict[str, str | None]

    @property
    def understood(self) -> bool:
        return any(fit.accepts(self.intent, self.slots) for fit in self.phrase.fits)

    @property
    def must_never(self) -> bool:
        return self.intent in CONSEQUENTIAL and self.intent not in self.phrase.intents

    def __str__(self) -> str:
        slots = ", ".join(f"{k}={v}" for k, v in self.slots.items())
        heard = f"{self.intent}({slots})" if slots else self.intent
        wanted = " | ".join(str(f) for f in self.phrase.fits)
        return f"{self.phrase.text!r}: heard {heard}; fits {wanted}"


@dataclass
class Score:
    locale: str
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def share(self) -> float:
        return sum(o.understood for o in self.outcomes) / max(1, len(self.outcomes))

    @property
    def never_hits(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.must_never]

    def by_need(self) -> dict[str, tuple[int, int]]:
        table: dict[str, tuple[int, int]] = {}
        for outcome in self.outcomes:
            good, total = table.get(outcome.phrase.need, (0, 0))
            table[outcome.phrase.need] = (good + outcome.understood, total + 1)
        return table


# One way to hear a phrase: words and the slot being elicited, if any, to intent and slots.
Listener = Callable[[str, "tuple[str, str] | None"], Match]


# Slots the adapter reads as another: a symptom's sign ("i feel {Sign}") is the symptom
# the domain hears, whichever slot carried it (skill.alexa.intents).
SLOT_ALIASES = {"Sign": "Symptom"}


def slot_ids(match: Match) -> dict[str, str | None]:
    """Each slot's resolved id, or for built-in types the value Alexa sends."""
    return {SLOT_ALIASES.get(name, name): (value_id if value_id is not None else words)
            for name, (words, value_id) in match.slots.items()}


def stand_in(hearing: Hearing) -> Listener:
    def listen(text: str, eliciting: tuple[str, str] | None) -> Match:
        heard: Heard = hearing.hear(text, eliciting)
        return heard.as_match()
    return listen


def score(locale: str, listener: Listener, phrases: Iterable[Phrase]) -> Score:
    result = Score(locale)
    for phrase in phrases:
        match = listener(phrase.text, phrase.eliciting)
        result.outcomes.append(Outcome(phrase, match.intent, slot_ids(match)))
    return result


def load_model(locale: str, model_dir: Path = MODELS_DIR) -> dict[str, Any]:
    path = model_dir / f"{locale}.json"
    if not path.is_file() and model_dir == MODELS_DIR:
        path = DRAFTS_DIR / f"{locale}.json"
    data: dict[str, Any] = json.loads(path.read_text("utf-8"))
    return data


def hearing_of(locale: str, model: dict[str, Any], cache: Path | None = None) -> Hearing:
    """The stand-in for ``locale``'s ``model``, hearing its language's numbers and times."""
    return hearing_for(model, cache, spoken_for(locale))


def understanding_of(locale: str, model: dict[str, Any], hearing: Hearing) -> Understanding:
    """The console's matcher for ``locale``: the model's samples, then ``hearing``."""
    return Understanding(ModelMatcher(model, spoken_for(locale)), hearing)


def model_samples(model: dict[str, Any]) -> set[str]:
    """Every sample of the model, slots included, in console-normalised words."""
    matcher = ModelMatcher(model)  # its own samples only: no language's built-in phrases
    return {sample.normalised for sample in matcher.samples if not sample.built_in}


def report(scores: Sequence[Score], out: Any = sys.stdout, misses: bool = True) -> None:
    needs = list(dict.fromkeys(o.phrase.need for o in scores[0].outcomes))
    print("corpus score (share of phrasings reaching a fitting intent)", file=out)
    header = f"{'need':<14}" + "".join(f"{s.locale:>9}" for s in scores)
    print(header, file=out)
    for need in needs:
        cells = []
        for s in scores:
            good, total = s.by_need()[need]
            cells.append(f"{100 * good / total:8.0f}%")
        print(f"{need:<14}" + "".join(cells) + f"   (n={s.by_need()[need][1]})", file=out)
    print(f"{'ALL':<14}" + "".join(f"{100 * s.share:8.1f}%" for s in scores)
          + f"   (n={len(scores[0].outcomes)}; goal {100 * GOAL:.0f} %)", file=out)
    print(f"{'must never':<14}" + "".join(f"{len(s.never_hits):>9}" for s in scores), file=out)
    for s in scores:
        if s.never_hits:
            print(f"\n{s.locale}: must-never hits", file=out)
            for outcome in s.never_hits:
                print(f"  {outcome}", file=out)
    if misses:
        first = scores[0]
        print(f"\n{first.locale}: misses by need", file=out)
        for need in needs:
            missed = [o for o in first.outcomes if o.phrase.need == need and not o.understood]
            if missed:
                print(f"  [{need}]", file=out)
                for outcome in missed:
                    print(f"    {outcome}", file=out)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--locale", action="append", choices=[*LOCALES, *draft_locales()],
                        help="score only this locale (repeatable); default every shipped one")
    parser.add_argument("--models", type=Path, default=MODELS_DIR,
                        help="folder holding the <locale>.json models (default the project's)")
    parser.add_argument("--console", action="store_true",
                        help="also score the console's matcher (literal samples first, then "
                             "the stand-in)")
    parser.add_argument("--no-misses", action="store_true", help="only the tables")
    args = parser.parse_args(argv)
    wanted = args.locale or LOCALES
    for language in dict.fromkeys(locale.split("-")[0] for locale in wanted):
        # One table a language: each corpus has its own needs and phrasings.
        chosen = [locale for locale in wanted if locale.startswith(f"{language}-")]
        phrases = load_corpus(corpus_path(chosen[0]))
        scores = []
        started = time.perf_counter()
        for locale in chosen:
            model = load_model(locale, args.models)
            scores.append(score(locale, stand_in(hearing_of(locale, model)), phrases))
        print(f"(stand-ins trained and scored in {time.perf_counter() - started:.1f} s)")
        report(scores, misses=not args.no_misses)
        if args.console:
            console_scores = []
            for locale in chosen:
                model = load_model(locale, args.models)
                understanding = understanding_of(locale, model, hearing_of(locale, model))
                console_scores.append(score(locale, understanding.listen, phrases))
            print("\nthe console's matcher")
            report(console_scores, misses=False)
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
