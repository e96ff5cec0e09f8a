#!/usr/bin/env python3
"""Generate the Alexa interaction models: the English locales from the hand-written en-US
source, every other language from its module in ``languages/``.

``en-US.json`` is the single hand-maintained model. The other English locales are derived
from it by this script, which holds *only* the locale-specific differences:

* spelling variants (e.g. "practise", "programme", "summarise") - added as extra
  sample utterances / slot synonyms next to the US spelling, never replacing it,
  so both spellings are recognised everywhere they are generated;
* a few locale phrasings ("have a go at ...", "how am i getting on", ...);
* a few locale slot synonyms (e.g. Sanskrit pose names for en-IN).

Authoring rule for en-US: use "practice" only as a verb (the noun stays
"practice" in every locale, so a noun use would get a wrong "practise" variant).

Another language is one file, ``languages/<lang>.py`` (``es.py``: es-US, es-MX, es-ES),
discovered here and exposing ``models() -> dict[locale, model]`` (deterministic) and the
words its store listing and invocation name are checked with (``RULES``, a
:class:`LanguageRules` mapping). A module with ``DRAFT = True`` writes into ``drafts/``: a
language under way, checked but not shipped (no locale the skill package declares).

Usage::

    python interaction_models/build_models.py          # (re)write the generated files
    python interaction_models/build_models.py --check  # exit 1 if any file is stale

Pure standard library; output is deterministic (2-space JSON, trailing newline).
"""

from __future__ import annotations

import argparse
import copy
import importlib.util
import json
import re
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

MODEL_DIR = Path(__file__).resolve().parent
LANGUAGES_DIR = "languages"
DRAFTS_DIR = "drafts"
SOURCE_LOCALE = "en-US"

# --- spelling rules: US word -> locale word (whole words only, never inside {Slot}) ---
PRACTISE: Mapping[str, str] = {
    "practice": "practise",
    "practiced": "practised",
    "practices": "practises",
    "practicing": "practising",
}
PROGRAMME: Mapping[str, str] = {
    "program": "programme",
    "programs": "programmes",
}
ISE: Mapping[str, str] = {
    "summarize": "summarise",
    "summarized": "summarised",
    "organize": "organise",
    "prioritize": "prioritise",
}


@dataclass(frozen=True)
class Locale:
    """Everything that distinguishes one locale's model from en-US."""

    spellings: tuple[Mapping[str, str], ...] = ()
    # intent name -> extra sample utterances (written in the locale's spelling)
    extra_samples: Mapping[str, Sequence[str]] = field(default_factory=dict)
    # slot type name -> value id -> extra synonyms
    extra_synonyms: Mapping[str, Mapping[str, Sequence[str]]] = field(default_factory=dict)


_HAVE_A_GO = (
    "have a go at the {Exercise}",
    "have a go at {Exercise}",
    "let's have a go at the {Exercise}",
)

LOCALES: Mapping[str, Locale] = {
    "en-GB": Locale(
        spellings=(PRACTISE, PROGRAMME, ISE),
        extra_samples={
            "StartRoutineIntent": (
                "let's crack on with my routine",
                "have a go at my routine",
                "let's get stuck in",
            ),
            "GuideExerciseIntent": _HAVE_A_GO,
            "ProgressSummaryIntent": (
                "how am i getting on",
                "how am i getting on with my exercises",
            ),
            "SkipIntent": ("give this one a miss", "give that one a miss"),
            "ReportPainIntent": ("that's not comfortable", "that's not right at all"),
        },
    ),
    "en-CA": Locale(
        # Canadian spelling: "practise" for the verb, but "program" and "-ize".
        spellings=(PRACTISE,),
    ),
    "en-AU": Locale(
        spellings=(PRACTISE, PROGRAMME, ISE),
        extra_samples={
            "StartRoutineIntent": ("have a go at my routine", "let's get into my routine"),
            "GuideExerciseIntent": (
                *_HAVE_A_GO,
                "give the {Exercise} a go",
                "give {Exercise} a go",
            ),
            "ProgressSummaryIntent": (
                "how am i going",
                "how am i going with my exercises",
                "how am i tracking",
            ),
            "SkipIntent": ("give this one a miss",),
        },
    ),
    "en-IN": Locale(
        spellings=(PRACTISE, PROGRAMME, ISE),
        extra_samples={
            "StartRoutineIntent": ("kindly start my routine", "please start my routine"),
            "TodaysRoutineIntent": ("what is the programme for today", "what is today's programme"),
            "GuideExerciseIntent": ("do {Exercise} only", "i want to do {Exercise} only"),
            "ReportPainIntent": ("it is paining", "it's paining", "my {Symptom} is paining"),
            "DeleteProgressIntent": ("kindly delete my data",),
        },
        extra_synonyms={
            "ExerciseName": {
                "pigeon": ("kapotasana", "pigeon asana"),
                "butterfly": ("baddha konasana", "titli asana", "butterfly asana"),
                "bridge": ("setu bandhasana", "bridge asana"),
                "kneeling_hip_flexor": ("anjaneyasana",),
            },
        },
    ),
}

_WORD_OR_SLOT = re.compile(r"\{[^{}]*\}|[A-Za-z]+")


def respell(text: str, rules: Iterable[Mapping[str, str]]) -> str:
    """Apply whole-word spelling rules to ``text``, leaving ``{Slot}`` references alone."""
    table: dict[str, str] = {}
    for rule in rules:
        table.update(rule)

    def swap(match: re.Match[str]) -> str:
        word = match.group(0)
        return word if word.startswith("{") else table.get(word, word)

    return _WORD_OR_SLOT.sub(swap, text)


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def with_variants(phrases: Iterable[str], rules: Sequence[Mapping[str, str]]) -> list[str]:
    """Each phrase preceded by its locale spelling (when different), de-duplicated in order."""
    out: list[str] = []
    seen: set[str] = set()
    for phrase in phrases:
        for candidate in (respell(phrase, rules), phrase):
            key = _norm(candidate)
            if key not in seen:
                seen.add(key)
                out.append(candidate)
    return out


def _language_model(model: Mapping[str, Any]) -> dict[str, Any]:
    lm: dict[str, Any] = model["interactionModel"]["languageModel"]
    return lm


def build(source: Mapping[str, Any], locale: Locale) -> dict[str, Any]:
    """Return the model for ``locale`` derived from the en-US ``source`` model."""
    model: dict[str, Any] = copy.deepcopy(dict(source))
    lm = _language_model(model)

    intents = {intent["name"]: intent for intent in lm["intents"]}
    unknown = set(locale.extra_samples) - set(intents)
    if unknown:
        raise ValueError(f"extra samples for unknown intents: {sorted(unknown)}")

    owner: dict[str, str] = {}
    for name, intent in intents.items():
        samples = [*intent.get("samples", []), *locale.extra_samples.get(name, ())]
        intent["samples"] = with_variants(samples, locale.spellings)
        for sample in intent["samples"]:
            previous = owner.setdefault(_norm(sample), name)
            if previous != name:
                raise ValueError(f"sample {sample!r} would be in {previous} and {name}")

    types = {slot_type["name"]: slot_type for slot_type in lm.get("types", [])}
    unknown = set(locale.extra_synonyms) - set(types)
    if unknown:
        raise ValueError(f"extra synonyms for unknown slot types: {sorted(unknown)}")
    for type_name, slot_type in types.items():
        extra = locale.extra_synonyms.get(type_name, {})
        values = {value["id"]: value for value in slot_type["values"]}
        missing = set(extra) - set(values)
        if missing:
            raise ValueError(f"extra synonyms for unknown {type_name} ids: {sorted(missing)}")
        used: dict[str, str] = {}
        for value_id, value in values.items():
            name = value["name"]
            canonical = name["value"]
            phrases = [canonical, *name.get("synonyms", []), *extra.get(value_id, ())]
            synonyms = [p for p in with_variants(phrases, locale.spellings) if p != canonical]
            name["synonyms"] = synonyms
            for phrase in (canonical, *synonyms):
                previous = used.setdefault(_norm(phrase), value_id)
                if previous != value_id:
                    raise ValueError(
                        f"{type_name}: {phrase!r} would belong to {previous} and {value_id}"
                    )
    return model


def render(model: Mapping[str, Any]) -> str:
    return json.dumps(model, indent=2, ensure_ascii=False) + "\n"


# What a language's example phrases and invocation name are checked with (Amazon's rules
# in that language): the words that open a skill or ask it something, the connecting words
# and the wake words an invocation name may not hold, and the health disclaimer its store
# description must carry. ``open``/``ask`` are example-phrase forms with ``{invocation}``
# (and ``{utterance}``, a sample of the locale's model).
ENGLISH_RULES: Mapping[str, Sequence[str]] = {
    "launch_words": ("ask", "begin", "enable", "launch", "load", "open", "play", "resume",
                     "run", "start", "talk", "tell", "use"),
    "connecting_words": ("to", "from", "in", "using", "with", "about", "for", "that", "by",
                         "if", "and", "whether"),
    "wake_words": ("alexa", "amazon", "echo", "computer", "skill", "app"),
    "open": ("Alexa, open {invocation}",),
    "ask": ("Alexa, ask {invocation} to {utterance}",),
    "disclaimer": ("not a substitute for professional medical advice",
                   "Stop any exercise that causes pain"),
}


def language_modules(model_dir: Path = MODEL_DIR) -> dict[str, Any]:
    """Each ``languages/<lang>.py`` module, by language code, loaded from its file."""
    found: dict[str, Any] = {}
    for path in sorted((model_dir / LANGUAGES_DIR).glob("[a-z][a-z].py")):
        spec = importlib.util.spec_from_file_location(f"interaction_models_{path.stem}", path)
        if spec is None or spec.loader is None:
            raise ImportError(f"cannot load {path}")
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module  # a dataclass looks its module up while it is built
        spec.loader.exec_module(module)
        found[path.stem] = module
    return found


def rules(language: str, model_dir: Path = MODEL_DIR) -> Mapping[str, Sequence[str]]:
    """The listing and invocation rules of ``language`` ("en", "es", ...)."""
    if language == "en":
        return ENGLISH_RULES
    module_rules: Mapping[str, Sequence[str]] = language_modules(model_dir)[language].RULES
    return module_rules


def generate(model_dir: Path = MODEL_DIR) -> dict[Path, str]:
    """Map each generated file path to its expected contents."""
    source_path = model_dir / f"{SOURCE_LOCALE}.json"
    source = json.loads(source_path.read_text(encoding="utf-8"))
    files = {
        model_dir / f"{code}.json": render(build(source, locale))
        for code, locale in LOCALES.items()
    }
    for language, module in language_modules(model_dir).items():
        folder = model_dir / DRAFTS_DIR if getattr(module, "DRAFT", False) else model_dir
        for code, model in module.models().items():
            if not code.startswith(f"{language}-"):
                raise ValueError(f"{LANGUAGES_DIR}/{language}.py makes a {code} model")
            files[folder / f"{code}.json"] = render(model)
    return files


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check",
        action="store_true",
        help="do not write; exit 1 if any generated model differs from what is on disk",
    )
    args = parser.parse_args(argv)

    stale: list[Path] = []
    for path, text in generate().items():
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current == text:
            continue
        stale.append(path)
        if not args.check:
            path.parent.mkdir(exist_ok=True)
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path.parent.name}/{path.name}")

    if args.check and stale:
        names = ", ".join(p.name for p in stale)
        print(
            f"interaction models out of date: {names}\n"
            f"run: python {Path(__file__).name} (in {MODEL_DIR.name}/) to regenerate",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
