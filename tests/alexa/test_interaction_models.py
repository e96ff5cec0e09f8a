"""Static checks for the Alexa interaction models in ``interaction_models/``.

The checker functions below encode the rules the Alexa developer console / ASK CLI
enforce at build time (plus a few house rules), so a broken model fails here
instead of at deployment. ``test_checker_rejects_broken_model`` proves the
checkers actually catch problems.
"""

from __future__ import annotations

import copy
import json
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from skill.alexa.intents import INTENT_UTTERANCES
from skill.domain.exercises import stretches
from skill.domain.progress import PERIODS
from skill.hosts.console_matcher import locales
from tests.support.model_rules import build_models
from tests.support.model_rules import rules as model_rules

MODEL_DIR = Path(__file__).resolve().parents[2] / "interaction_models"
BUILD_SCRIPT = MODEL_DIR / "build_models.py"
# Every shipped locale, discovered from interaction_models/<locale>.json; en-US first.
LOCALES = locales()
ENGLISH_LOCALES = tuple(locale for locale in LOCALES if locale.startswith("en-"))
OTHER_LOCALES = tuple(locale for locale in LOCALES if not locale.startswith("en-"))
ENGLISH_INVOCATION = "release coach"


BUILD_MODELS = build_models()


def rules(language: str) -> dict[str, frozenset[str]]:
    """Alexa rejects invocation names containing launch phrases, connecting words or wake
    words: English's always, and the language's own (from its ``languages/<lang>.py``)."""
    found = {key: frozenset(BUILD_MODELS.ENGLISH_RULES[key])
             for key in ("launch_words", "connecting_words", "wake_words")}
    if language != "en":
        own = model_rules(language)
        found = {key: words | frozenset(own[key]) for key, words in found.items()}
    return found

REQUIRED_BUILTINS = frozenset(
    {
        "AMAZON.StopIntent",
        "AMAZON.CancelIntent",
        "AMAZON.HelpIntent",
        "AMAZON.FallbackIntent",
        "AMAZON.NavigateHomeIntent",
    }
)
# The skill's handlers dispatch on these names, so they are part of the contract: every
# intent the adapter maps to the dialogue is in every model, and nothing else is.
EXPECTED_INTENTS = REQUIRED_BUILTINS | set(INTENT_UTTERANCES) | {
    "SetReminderIntent", "ChangeReminderIntent", "ReminderStatusIntent", "CancelReminderIntent"}
EXPECTED_SLOTS = {
    "GuideExerciseIntent": {"Exercise": "ExerciseName"},
    "ExplainExerciseIntent": {"Exercise": "ExerciseName"},
    "SkipIntent": {"Exercise": "ExerciseName"},
    "SessionCountIntent": {"Period": "TimePeriod"},
    "MinutesPractisedIntent": {"Period": "TimePeriod"},
    "ReportPainIntent": {"Symptom": "Symptom", "Sign": "SymptomSign"},
    "ChangeSettingIntent": {"Change": "SettingChange"},
    "ShortRoutineIntent": {"Minutes": "AMAZON.NUMBER"},
    "SetReminderIntent": {"Time": "AMAZON.TIME"},
    "ChangeReminderIntent": {"Time": "AMAZON.TIME", "Shift": "ReminderShift",
                             "By": "AMAZON.DURATION"},
}
# The Symptom ids the domain triages (CONTRACTS.md). Body parts are only ever said with a
# pain word ("my back hurts"); the signs of a symptom ("i feel dizzy") never include a body
# part, so "i'm back" cannot resolve to one.
BODY_PARTS = {"knee", "back", "hip", "groin", "neck", "pelvic", "sex", "chest"}
SIGNS = {"dizzy", "faint", "numbness", "control", "leaking", "emptying", "blood", "fever",
         "cramp", "tight", "chest", "pelvic", "sex", "pain"}
EXPECTED_VALUE_IDS = {
    "ExerciseName": {"reverse_kegel", *stretches()},
    "TimePeriod": set(PERIODS),
    "Symptom": BODY_PARTS,
    "SymptomSign": SIGNS,
    "SettingChange": {"slower", "faster", "longer_holds", "shorter_holds", "more_reps",
                      "fewer_reps", "less_talking", "more_talking", "auto_off", "auto_on",
                      "tones_on", "tones_off"},
    "ReminderShift": {"later", "earlier"},
}
# Utterances that built-in intents already own; a custom intent must not claim them.
BUILTIN_CORE_UTTERANCES = frozenset(
    {"stop", "cancel", "help", "next", "previous", "repeat", "pause", "resume", "yes", "no"}
    | {"exit", "quit", "home", "start over", "never mind", "go home", "go back"}
)

NAME_RE = re.compile(r"^[A-Za-z][A-Za-z_]*$")
BUILTIN_NAME_RE = re.compile(r"^AMAZON\.[A-Za-z_]+$")
SLOT_REF_RE = re.compile(r"^\{([A-Za-z][A-Za-z_]*)\}$")
# Letters of any language ("cómo voy", "relajación", "Übung", "périnée"), no digits.
WORD_RE = re.compile(r"^(?:[^\W\d_]|[.'-])+$")
INVOCATION_RE = re.compile(r"^(?:[^\W\d_]|[.' ])+$")
# A language under way (its module says DRAFT = True): checked as the shipped ones are, but
# not a locale the skill package declares until it is as rich as the English and scored.
DRAFT_DIR = MODEL_DIR / "drafts"
DRAFTS = tuple(sorted(p.stem for p in DRAFT_DIR.glob("*-*.json")))
MAX_SAMPLE_CHARS = 200


def normalise(text: str) -> str:
    return " ".join(text.lower().split())


def language_model(model: dict[str, Any]) -> dict[str, Any]:
    lm: dict[str, Any] = model["interactionModel"]["languageModel"]
    return lm


# --------------------------------------------------------------------------- checkers


def check_invocation_name(name: str, language: str = "en") -> list[str]:
    errors: list[str] = []
    words_of = rules(language)
    if not INVOCATION_RE.match(name) or name != name.lower():
        errors.append(f"invocation name {name!r}: only lowercase letters, spaces, ' and .")
    words = name.split()
    if len(words) < 2:
        errors.append(f"invocation name {name!r}: needs two or more words")
    for word in words:
        bare = word.strip(".'")
        if bare in words_of["launch_words"]:
            errors.append(f"invocation name {name!r}: contains launch word {bare!r}")
        if bare in words_of["connecting_words"]:
            errors.append(f"invocation name {name!r}: contains connecting word {bare!r}")
        if bare in words_of["wake_words"]:
            errors.append(f"invocation name {name!r}: contains wake word {bare!r}")
    return errors


def check_sample(intent: str, sample: str, slot_names: set[str]) -> list[str]:
    errors: list[str] = []
    where = f"{intent}: sample {sample!r}"
    if not sample.strip():
        return [f"{where}: empty"]
    if len(sample) > MAX_SAMPLE_CHARS:
        errors.append(f"{where}: longer than {MAX_SAMPLE_CHARS} characters")
    if sample != sample.strip() or "  " in sample:
        errors.append(f"{where}: stray whitespace")
    for token in sample.split():
        slot = SLOT_REF_RE.match(token)
        if slot:
            if slot.group(1) not in slot_names:
                errors.append(f"{where}: slot {{{slot.group(1)}}} is not declared on the intent")
        elif "{" in token or "}" in token:
            errors.append(f"{where}: malformed slot reference {token!r}")
        elif not WORD_RE.match(token):
            errors.append(f"{where}: invalid characters in {token!r}")
    return errors


def check_model(model: dict[str, Any], language: str = "en") -> list[str]:
    """Return every rule violation in one interaction model (empty list = valid)."""
    lm = language_model(model)
    errors = check_invocation_name(lm.get("invocationName", ""), language)

    types = lm.get("types", [])
    type_names = [t["name"] for t in types]
    for dup in sorted({n for n in type_names if type_names.count(n) > 1}):
        errors.append(f"slot type {dup} defined twice")

    intents = lm.get("intents", [])
    intent_names = [i["name"] for i in intents]
    for dup in sorted({n for n in intent_names if intent_names.count(n) > 1}):
        errors.append(f"intent {dup} defined twice")
    for missing in sorted(REQUIRED_BUILTINS - set(intent_names)):
        errors.append(f"required built-in intent {missing} missing")

    owner: dict[str, str] = {}
    used_types: set[str] = set()
    for intent in intents:
        name = intent["name"]
        if not (NAME_RE.match(name) or BUILTIN_NAME_RE.match(name)):
            errors.append(f"intent name {name!r} is invalid")
        slots = intent.get("slots", [])
        slot_names = {s["name"] for s in slots}
        if len(slot_names) != len(slots):
            errors.append(f"{name}: duplicate slot names")
        for slot in slots:
            if not NAME_RE.match(slot["name"]):
                errors.append(f"{name}: slot name {slot['name']!r} is invalid")
            used_types.add(slot["type"])
        referenced: set[str] = set()
        for sample in intent.get("samples", []):
            errors.extend(check_sample(name, sample, slot_names))
            referenced.update(re.findall(r"\{([A-Za-z_]+)\}", sample))
            key = normalise(sample)
            previous = owner.setdefault(key, name)
            if previous != name:
                errors.append(f"sample {sample!r} is in both {previous} and {name}")
        seen_here = [normalise(s) for s in intent.get("samples", [])]
        for dup in sorted({s for s in seen_here if seen_here.count(s) > 1}):
            errors.append(f"{name}: sample {dup!r} listed twice")
        for unused in sorted(slot_names - referenced):
            errors.append(f"{name}: slot {unused} is not used in any sample")
        if not name.startswith("AMAZON."):
            for sample in intent.get("samples", []):
                if normalise(sample) in BUILTIN_CORE_UTTERANCES:
                    errors.append(f"{name}: sample {sample!r} belongs to a built-in intent")

    for slot_type in sorted(used_types):
        if not slot_type.startswith("AMAZON.") and slot_type not in type_names:
            errors.append(f"slot type {slot_type} is used but not defined")

    for slot_type in types:
        errors.extend(check_slot_type(slot_type))
    return errors


def check_slot_type(slot_type: dict[str, Any]) -> list[str]:
    errors: list[str] = []
    type_name = slot_type["name"]
    if type_name.startswith("AMAZON.") or not NAME_RE.match(type_name):
        errors.append(f"custom slot type name {type_name!r} is invalid")
    values = slot_type.get("values", [])
    if not values:
        errors.append(f"{type_name}: no values")
    ids: set[str] = set()
    owner: dict[str, str] = {}
    for value in values:
        value_id = value.get("id", "")
        if not value_id:
            errors.append(f"{type_name}: value without id")
        elif value_id in ids:
            errors.append(f"{type_name}: id {value_id!r} used twice")
        ids.add(value_id)
        name = value["name"]
        phrases = [name["value"], *name.get("synonyms", [])]
        for phrase in phrases:
            if not phrase.strip():
                errors.append(f"{type_name}/{value_id}: empty value or synonym")
            if phrase != phrase.lower():
                errors.append(f"{type_name}/{value_id}: {phrase!r} is not lowercase")
            previous = owner.setdefault(normalise(phrase), value_id)
            if previous != value_id:
                errors.append(f"{type_name}: {phrase!r} is shared by {previous} and {value_id}")
        normalised = [normalise(p) for p in phrases]
        if len(set(normalised)) != len(normalised):
            errors.append(f"{type_name}/{value_id}: duplicate synonym")
    return errors


def check_house_style(model: dict[str, Any]) -> list[str]:
    """Project conventions beyond what Alexa enforces."""
    errors: list[str] = []
    lm = language_model(model)
    values_by_type = {
        t["name"]: [
            normalise(p) for v in t["values"] for p in (v["name"]["value"], *v["name"]["synonyms"])
        ]
        for t in lm["types"]
    }
    for intent in lm["intents"]:
        for sample in intent["samples"]:
            text = re.sub(r"\{[^}]*\}", " ", sample)  # slot names are CamelCase
            if text != text.lower():
                errors.append(f"{intent['name']}: {sample!r} is not lowercase")
            if any(ch.isdigit() for ch in sample):
                errors.append(f"{intent['name']}: {sample!r} has digits; spell numbers out")
            # A slot value hard-coded into a sample would bypass the slot.
            padded = f" {normalise(text)} "
            for slot in intent.get("slots", []):
                for phrase in values_by_type.get(slot["type"], []):
                    if f" {phrase} " in padded:
                        errors.append(
                            f"{intent['name']}: {sample!r} hard-codes {slot['type']} {phrase!r}"
                        )
    return errors


# --------------------------------------------------------------------------- fixtures


def load(locale: str) -> dict[str, Any]:
    path = MODEL_DIR / f"{locale}.json"
    if not path.is_file():
        path = DRAFT_DIR / f"{locale}.json"
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="module")
def models() -> dict[str, dict[str, Any]]:
    return {locale: load(locale) for locale in (*LOCALES, *DRAFTS)}


def language_of(locale: str) -> str:
    return locale.split("-")[0]


def intents_by_name(model: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {i["name"]: i for i in language_model(model)["intents"]}


def iter_samples(model: dict[str, Any]) -> Iterator[tuple[str, str]]:
    for intent in language_model(model)["intents"]:
        for sample in intent["samples"]:
            yield intent["name"], sample


# --------------------------------------------------------------------------- tests


def test_the_locales_are_discovered_from_the_model_files() -> None:
    assert LOCALES[0] == "en-US"
    assert set(ENGLISH_LOCALES) == {"en-US", "en-GB", "en-CA", "en-AU", "en-IN"}
    assert set(LOCALES) == {p.stem for p in MODEL_DIR.glob("*.json")}


@pytest.mark.parametrize("locale", LOCALES)
def test_model_file_exists_and_is_json(locale: str) -> None:
    path = MODEL_DIR / f"{locale}.json"
    assert path.is_file(), f"{path} missing"
    model = load(locale)
    assert set(model) == {"interactionModel"}
    name = language_model(model)["invocationName"]
    # An invocation name in the locale's language (Amazon's certification rule).
    assert (name == ENGLISH_INVOCATION) == locale.startswith("en-"), name


@pytest.mark.parametrize("locale", (*LOCALES, *DRAFTS))
def test_model_passes_alexa_rules(models: dict[str, dict[str, Any]], locale: str) -> None:
    assert check_model(models[locale], language_of(locale)) == []


@pytest.mark.parametrize("locale", (*LOCALES, *DRAFTS))
def test_model_follows_house_style(models: dict[str, dict[str, Any]], locale: str) -> None:
    assert check_house_style(models[locale]) == []


@pytest.mark.parametrize("locale", (*LOCALES, *DRAFTS))
def test_expected_intents_slots_and_values(models: dict[str, dict[str, Any]], locale: str) -> None:
    intents = intents_by_name(models[locale])
    assert set(intents) == EXPECTED_INTENTS
    for name, intent in intents.items():
        slots = {s["name"]: s["type"] for s in intent.get("slots", [])}
        assert slots == EXPECTED_SLOTS.get(name, {}), name
        if not name.startswith("AMAZON.") and locale not in DRAFTS:
            assert len(intent["samples"]) >= 15, f"{name} has too few samples"
        assert intent["samples"], name
    types = {t["name"]: t for t in language_model(models[locale])["types"]}
    assert {n: {v["id"] for v in t["values"]} for n, t in types.items()} == EXPECTED_VALUE_IDS


def test_locales_agree_on_intents_and_slot_types(models: dict[str, dict[str, Any]]) -> None:
    """Every locale, drafts too, has en-US's intents, slots, slot types, value ids and dialog
    model (only the words differ); one language has one invocation name."""
    def shape(model: dict[str, Any]) -> tuple[Any, ...]:
        lm = language_model(model)
        intents = sorted(
            (i["name"], tuple(sorted((s["name"], s["type"]) for s in i.get("slots", []))))
            for i in lm["intents"]
        )
        types = sorted(
            (t["name"], tuple(sorted(v["id"] for v in t["values"]))) for t in lm["types"]
        )
        dialog = json.dumps(model["interactionModel"]["dialog"], sort_keys=True)
        return (tuple(intents), tuple(types), dialog)

    reference = shape(models["en-US"])
    names: dict[str, set[str]] = {}
    for locale, model in models.items():
        assert shape(model) == reference, locale
        names.setdefault(language_of(locale), set()).add(language_model(model)["invocationName"])
    assert all(len(found) == 1 for found in names.values()), names


def test_generated_locales_keep_every_us_sample(models: dict[str, dict[str, Any]]) -> None:
    us = set(iter_samples(models["en-US"]))
    for locale in ENGLISH_LOCALES[1:]:
        assert us <= set(iter_samples(models[locale])), locale


@pytest.mark.parametrize(
    ("locale", "intent", "sample"),
    [
        ("en-GB", "StreakIntent", "how many days in a row have i practised"),
        ("en-GB", "ProgramWeekIntent", "what week of the programme am i on"),
        ("en-GB", "GuideExerciseIntent", "have a go at the {Exercise}"),
        ("en-AU", "ProgramWeekIntent", "where am i in the programme"),
        ("en-IN", "LastSessionIntent", "when did i last practise"),
        ("en-CA", "LastSessionIntent", "when did i last practise"),
        ("en-US", "LastSessionIntent", "when did i last practice"),
    ],
)
def test_locale_variants_present(
    models: dict[str, dict[str, Any]], locale: str, intent: str, sample: str
) -> None:
    assert sample in intents_by_name(models[locale])[intent]["samples"]


def test_canadian_model_keeps_program_spelling(models: dict[str, dict[str, Any]]) -> None:
    samples = [s for _, s in iter_samples(models["en-CA"])]
    assert not any("programme" in s for s in samples)


def test_build_script_check_passes() -> None:
    result = subprocess.run(
        [sys.executable, str(BUILD_SCRIPT), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_build_script_check_detects_drift(tmp_path: Path) -> None:
    copy_dir = tmp_path / "interaction_models"
    shutil.copytree(MODEL_DIR, copy_dir, ignore=shutil.ignore_patterns("__pycache__"))
    script = copy_dir / BUILD_SCRIPT.name
    stale = copy_dir / "en-GB.json"
    model = json.loads(stale.read_text(encoding="utf-8"))
    language_model(model)["intents"][0]["samples"].append("hand edited sample")
    stale.write_text(json.dumps(model, indent=2) + "\n", encoding="utf-8")

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, str(script), *args], capture_output=True, text=True, check=False
        )

    checked = run("--check")
    assert checked.returncode != 0
    assert "en-GB.json" in checked.stderr
    assert run().returncode == 0  # regenerate
    assert run("--check").returncode == 0
    assert stale.read_text(encoding="utf-8") == (MODEL_DIR / "en-GB.json").read_text(
        encoding="utf-8"
    )


def test_checker_rejects_broken_model(models: dict[str, dict[str, Any]]) -> None:
    broken = copy.deepcopy(models["en-US"])
    lm = language_model(broken)
    lm["invocationName"] = "open Release"
    intents = intents_by_name(broken)
    intents["SkipIntent"]["samples"] += ["start my routine", "skip 2 exercises", "do {Thing}"]
    intents["StartRoutineIntent"]["samples"].append("stop")
    intents["StreakIntent"]["slots"] = [{"name": "Days", "type": "NoSuchType"}]
    lm["intents"] = [i for i in lm["intents"] if i["name"] != "AMAZON.FallbackIntent"]
    exercise = next(t for t in lm["types"] if t["name"] == "ExerciseName")
    exercise["values"][1]["id"] = exercise["values"][0]["id"]
    exercise["values"][2]["name"]["synonyms"].append("pigeon pose")

    errors = "\n".join(check_model(broken))
    expected_fragments = [
        "only lowercase letters",
        "launch word 'open'",
        "'start my routine' is in both StartRoutineIntent and SkipIntent",
        "invalid characters in '2'",
        "slot {Thing} is not declared",
        "'stop' belongs to a built-in intent",
        "slot type NoSuchType is used but not defined",
        "slot Days is not used in any sample",
        "AMAZON.FallbackIntent missing",
        "id 'reverse_kegel' used twice",
        "'pigeon pose' is shared by",
    ]
    for fragment in expected_fragments:
        assert fragment in errors, f"checker missed: {fragment}\n{errors}"


@pytest.mark.parametrize(
    ("name", "ok"),
    [
        ("release coach", True),
        ("coach", False),
        ("release coach app", False),
        ("alexa release coach", False),
        ("talk to release coach", False),
        ("release coach 2", False),
        ("Release Coach", False),
    ],
)
def test_invocation_name_rules(name: str, ok: bool) -> None:
    assert (check_invocation_name(name) == []) is ok


def test_house_style_rejects_hard_coded_slot_value(models: dict[str, dict[str, Any]]) -> None:
    broken = copy.deepcopy(models["en-US"])
    intents_by_name(broken)["SessionCountIntent"]["samples"].append("how many sessions this week")
    assert any("hard-codes TimePeriod 'this week'" in e for e in check_house_style(broken))


# --------------------------------------------------------------------------- languages


def test_each_language_module_makes_its_locales() -> None:
    modules = BUILD_MODELS.language_modules()
    made = {locale for module in modules.values() for locale in module.models()}
    assert made == set(OTHER_LOCALES) | set(DRAFTS)
    for language, module in modules.items():
        assert all(locale.startswith(f"{language}-") for locale in module.models())
        for key in ("launch_words", "connecting_words", "wake_words", "open", "ask",
                    "disclaimer"):
            assert module.RULES[key], (language, key)


def test_a_draft_is_not_a_shipped_locale() -> None:
    shipped = {p.stem for p in MODEL_DIR.glob("*.json")}
    assert shipped.isdisjoint(DRAFTS)
