"""Locale parity: every language says everything English says, with the same placeholders.

A language is a complete set of content files (``phrases.<lang>.json``,
``exercises.<lang>.json``, ``language/<lang>.json``); a locale's own file holds only
words that differ. The checks below are functions of a set of languages, and a control
shows each fails on an empty set and on a language with a key or a placeholder missing,
so a parity test cannot pass by checking nothing.
"""

from __future__ import annotations

import json
import random
import re
import string
from collections.abc import Iterator, Mapping
from datetime import time
from importlib import resources
from typing import Any

import pytest

from skill.domain import content, routine
from skill.domain.content import speaking, spoken_locale
from skill.domain.dialogue.talk import asks_something
from skill.domain.exercises import exercise_name
from skill.domain.language import language_for
from skill.domain.settings import DEFAULT_SETTINGS
from skill.domain.ssml import Speech

DATA = resources.files("skill").joinpath("data")
ENGLISH = "en"


def written_languages() -> list[str]:
    """The languages the skill speaks: English and each with a phrases file of its own."""
    names = [p.name.split(".") for p in DATA.iterdir() if p.name.startswith("phrases.")]
    tags = [parts[1] for parts in names if len(parts) == 3]
    return sorted({ENGLISH, *(tag for tag in tags if "-" not in tag)})


def locale_files() -> list[tuple[str, str]]:
    """(content name, locale) for every locale's own override file."""
    found = []
    for p in DATA.iterdir():
        parts = p.name.split(".")
        if len(parts) == 3 and "-" in parts[1] and parts[0] in content.CONTENT_FILES:
            found.append((parts[0], parts[1]))
    return sorted(found)


def read(name: str, language: str) -> dict[str, Any]:
    file_name = f"{name}.json" if language == ENGLISH else f"{name}.{language}.json"
    data: dict[str, Any] = json.loads(DATA.joinpath(file_name).read_text(encoding="utf-8"))
    return data


def grammar_file(language: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        DATA.joinpath("language", f"{language}.json").read_text(encoding="utf-8"))
    return data


def placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field}


def leaves(data: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    """Every value under ``data`` by path; a list of strings is one leaf (a line)."""
    if isinstance(data, Mapping):
        for key, value in data.items():
            if not key.startswith("_"):
                yield from leaves(value, f"{path}.{key}")
    elif isinstance(data, list) and data and all(isinstance(v, str) for v in data):
        yield path, data
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from leaves(value, f"{path}[{index}]")
    else:
        yield path, data


def parity_problems(english: Any, other: Any, label: str, *,
                    complete: bool = True) -> list[str]:
    """What ``other`` lacks or says differently from ``english``: a missing or extra
    entry, another number of lines, a placeholder gained or lost, a non-word value
    (a timing, "sided") changed. ``complete=False`` checks an override file."""
    problems = []
    theirs = dict(leaves(other))
    ours = dict(leaves(english))
    if complete:
        problems += [f"{label}: {path} missing" for path in ours if path not in theirs]
    for path, value in theirs.items():
        if path not in ours:
            problems.append(f"{label}: {path} is not in English")
            continue
        base = ours[path]
        if path.startswith(".eases"):  # which stretch a sore region spares: method, not words
            if value != base:
                problems.append(f"{label}: {path} is {value!r}, English {base!r}")
        elif isinstance(base, list):
            if not isinstance(value, list) or not value or not all(v.strip() for v in value):
                problems.append(f"{label}: {path} is empty")
                continue
            expected = set().union(*(placeholders(v) for v in base))
            for variant in value:
                if not placeholders(variant) <= expected:
                    problems.append(f"{label}: {path} {variant!r} has unknown placeholders")
            said = set().union(*(placeholders(v) for v in value))
            if said != expected and not path.endswith("cues"):
                problems.append(f"{label}: {path} says {sorted(said)}, English "
                                f"{sorted(expected)}")
        elif isinstance(base, str):
            if not isinstance(value, str) or not value.strip() or \
                    placeholders(value) != placeholders(base):
                problems.append(f"{label}: {path} differs in placeholders or is empty")
        elif value != base:
            problems.append(f"{label}: {path} is {value!r}, English {base!r}")
    return problems


def all_problems(languages: list[str]) -> list[str]:
    if not languages or languages == [ENGLISH]:
        return ["no second language to compare: the check would prove nothing"]
    problems = []
    for language in languages:
        if language == ENGLISH:
            continue
        for name in content.CONTENT_FILES:
            problems += parity_problems(read(name, ENGLISH), read(name, language),
                                        f"{name}.{language}")
        problems += grammar_problems(grammar_file(ENGLISH), grammar_file(language),
                                     f"language/{language}")
    return problems


def grammar_problems(english: dict[str, Any], other: dict[str, Any], label: str) -> list[str]:
    """Rules differ by language (CLDR's own); the words must all be there: every screen
    label and text with English's placeholders, every counted noun with an "other" form,
    every word list as long, every part of a time."""
    problems = parity_problems(english["texts"], other.get("texts", {}), f"{label} texts")
    for noun in english["counts"]:
        if "other" not in other.get("counts", {}).get(noun, {}):
            problems.append(f"{label}: no 'other' form to count {noun}")
    for key, words in english["word_lists"].items():
        if len(other.get("word_lists", {}).get(key, ())) != len(words):
            problems.append(f"{label}: word list {key} differs in length")
    for key in ("clock_hours", "on_the_hour", "with_minutes", "morning", "afternoon"):
        if key not in other.get("time", {}):
            problems.append(f"{label}: time has no {key}")
    if "instructions" in english and not other.get("instructions"):
        # Without them every reply that says "di siguiente" would repeat its question.
        problems.append(f"{label}: no instructions (the words that tell a user what to say)")
    return problems


# ---------------------------------------------------------------------- parity


def test_every_language_has_every_phrase_exercise_text_and_label_of_english() -> None:
    assert all_problems(written_languages()) == []


def test_the_parity_check_fails_on_nothing_and_on_a_gap() -> None:
    assert all_problems([]) != []
    assert all_problems([ENGLISH]) != []
    phrases = read("phrases", ENGLISH)
    key = "reminder_set"
    missing = {k: v for k, v in phrases.items() if k != key}
    assert parity_problems(phrases, missing, "control") == [f"control: .{key} missing"]
    lost = {**phrases, key: ["Vale."]}
    assert parity_problems(phrases, lost, "control") != []
    timings = read("exercises", ENGLISH)
    changed = json.loads(json.dumps(timings))
    changed["stretches"]["pigeon"]["sided"] = False
    assert parity_problems(timings, changed, "control") != []


@pytest.mark.parametrize(("name", "locale"), locale_files())
def test_a_locale_file_only_replaces_words_its_language_has(name: str, locale: str) -> None:
    language = locale.split("-")[0]
    own = json.loads(DATA.joinpath(f"{name}.{locale}.json").read_text(encoding="utf-8"))
    assert own and parity_problems(read(name, language), own, f"{name}.{locale}",
                                   complete=False) == []


def test_there_is_a_second_language_and_a_locale_file() -> None:
    assert "es" in written_languages()
    assert ("phrases", "en-GB") in locale_files()


# ---------------------------------------------------------------------- rendering


def sample_values(keys: set[str]) -> dict[str, object]:
    return {key: 3 for key in keys}


@pytest.mark.parametrize("language", written_languages())
def test_every_phrase_variant_renders_with_its_placeholders(language: str) -> None:
    english = read("phrases", ENGLISH)
    for key, variants in read("phrases", language).items():
        if key.startswith("_"):
            continue
        values = sample_values(set().union(*(placeholders(v) for v in english[key])))
        for variant in variants:
            # issue-19: as the skill fills them, a case asked for ("{next:dat}") included
            rendered = language_for(language).fill(variant, **values)
            assert "{" not in rendered and "}" not in rendered, (language, key)


@pytest.mark.parametrize("language", written_languages())
def test_every_exercise_line_renders_with_its_placeholders(language: str) -> None:
    english = dict(leaves(read("exercises", ENGLISH)))
    for path, line in leaves(read("exercises", language)):
        if not isinstance(line, list):
            continue
        values = sample_values(set().union(*(placeholders(v) for v in english[path])))
        for variant in line:
            assert "{" not in variant.format(**values), (language, path)


# ---------------------------------------------------------------------- choosing


@pytest.mark.parametrize(("asked", "spoken"), [
    ("en-US", "en-US"), ("en-GB", "en-GB"), ("es-US", "es-US"), ("es-ES", "es-ES"),
    ("es-AR", "es-AR"), ("es", "es"), ("it-IT", "en-US"), ("pt-BR", "en-US"),
    ("de-DE", "de-DE"), ("de-AT", "de-AT"), ("nl-NL", "en-US"), (None, "en-US"),
    ("", "en-US"),
])
def test_a_locale_falls_back_to_its_language_then_to_english(asked: str | None,
                                                              spoken: str) -> None:
    assert spoken_locale(asked) == spoken


def test_a_locale_without_its_language_is_english_in_words_and_grammar_alike() -> None:
    with speaking("it-IT"):
        assert content.phrases_data() is content.content("phrases", "en-US")
        assert content.grammar().count(2, "session") == "2 sessions"


def test_british_english_says_programme_and_american_program() -> None:
    with speaking("en-GB"):
        gb = content.phrase("program_maintenance")
    with speaking("en-US"):
        us = content.phrase("program_maintenance")
    assert "programme" in gb and "programme" not in us and "program" in us


def english_texts(locale: str) -> list[str]:
    """Every phrasing and exercise text the coach says in ``locale``."""
    found: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, str):
            found.append(node)
        elif isinstance(node, list):
            for item in node:
                walk(item)
        elif isinstance(node, dict):
            for key, item in node.items():
                if not str(key).startswith("_"):
                    walk(item)

    walk(content.content("phrases", locale))
    walk(content.content("exercises", locale))
    return [re.sub(r"\{[a-z_]+\}", "", text) for text in found]


BRITISH_ONLY = re.compile(r"\b(programmes?|[Pp]ractis(e|ed|es|ing))\b")
AMERICAN_ONLY = re.compile(r"\b(programs?|[Pp]ractic(ed|es|ing))\b")


@pytest.mark.parametrize("locale", ["en-US", "en-CA"])
def test_american_spelling_is_american_throughout(locale: str) -> None:
    texts = english_texts(locale)
    assert len(texts) > 300 and any(AMERICAN_ONLY.search(t) for t in texts)
    assert [t for t in texts if BRITISH_ONLY.search(t)] == []


@pytest.mark.parametrize("locale", ["en-GB", "en-AU", "en-IN"])
def test_british_spelling_is_british_throughout(locale: str) -> None:
    texts = english_texts(locale)
    assert len(texts) > 300 and any(BRITISH_ONLY.search(t) for t in texts)
    assert [t for t in texts if AMERICAN_ONLY.search(t)] == []


def test_spanish_is_spanish_in_words_grammar_and_names() -> None:
    with speaking("es-MX"):
        assert content.grammar().count(1, "session") == "1 sesión"
        assert content.grammar().count(3, "session") == "3 sesiones"
        assert exercise_name("butterfly") != read("exercises", ENGLISH)["stretches"][
            "butterfly"]["name"]
    with speaking("en-US"):
        assert exercise_name("butterfly") == read("exercises", ENGLISH)["stretches"][
            "butterfly"]["name"]


def test_spanish_times_are_said_as_people_say_them() -> None:
    spanish = language_for("es-US")
    assert spanish.time(time(7, 0)) == "las 7 de la mañana"
    assert spanish.time(time(13, 0)) == "la 1 de la tarde"
    assert spanish.time(time(21, 30)) == "las 9:30 de la noche"
    assert language_for("en-US").time(time(7, 0)) == "7 AM"


def test_a_turn_speaks_its_locale_and_the_next_turn_its_own() -> None:
    rng = random.Random(1)
    with speaking("es-US"):
        spanish = content.phrase("goodbye", rng)
    with speaking("en-US"):
        english = content.phrase("goodbye", rng)
    assert spanish not in read("phrases", ENGLISH)["goodbye"]
    assert english in read("phrases", ENGLISH)["goodbye"]
    assert content.current_locale() == "en-US"


def test_a_spanish_request_reads_only_spanish_files(monkeypatch: pytest.MonkeyPatch) -> None:
    """Cold start unchanged: a turn reads its own locale's files and no other language's."""
    read_files: list[tuple[str, str | None]] = []
    original = content._read

    def recording(name: str, tag: str | None) -> dict[str, Any] | None:
        read_files.append((name, tag))
        return original(name, tag)

    monkeypatch.setattr(content, "_read", recording)
    content.content.cache_clear()
    try:
        with speaking("es-MX"):
            content.phrase("goodbye")
            exercise_name("bridge")
    finally:
        content.content.cache_clear()
    assert read_files and all(tag in ("es", "es-MX") for _, tag in read_files), read_files


def test_spain_says_suelo_pelvico_and_the_americas_piso_pelvico() -> None:
    with speaking("es-ES"):
        spain = content.phrase("pain_leaking"), content.phrase("routine_complete", minutes=6)
    with speaking("es-US"):
        americas = content.phrase("pain_leaking"), content.phrase("routine_complete", minutes=6)
    assert "suelo pélvico" in spain[0] and "piso pélvico" in americas[0]
    assert spain[1].startswith("Has terminado") and americas[1].startswith("Terminaste")


@pytest.mark.parametrize(("locale", "spoken"), [
    ([], "en-US"), (["es-US"], "en-US"), (7, "en-US"), ({"es": 1}, "en-US"), (None, "en-US"),
    ("x" * 10_000, "en-US"), ("-", "en-US"), ("en", "en-US"), ("es-", "es"),
    ("es-" + "X" * 5000, "es"), ("../../etc", "en-US"), ("es-419", "es-419"),
])
def test_a_locale_that_is_not_a_locale_is_english(locale: object, spoken: str) -> None:
    with speaking(locale):
        assert content.current_locale() == spoken
        assert content.phrase("goodbye")


@pytest.mark.parametrize(("locale", "said", "asks"), [
    ("es-MX", "Muy bien. Di siguiente para el estiramiento de mariposa.", True),
    ("es-MX", "Dime cómo te sentiste.", True),
    ("es-MX", "¿Empezamos?", True),
    ("es-MX", "Ese era el último paso.", False),
    ("en-US", "Well done. Say next for the butterfly stretch.", True),
    ("en-US", "Di siguiente para el puente.", False),
])
def test_a_reply_that_tells_what_to_say_in_its_language_asks_something(
        locale: str, said: str, asks: bool) -> None:
    """A reply ending "di siguiente..." is a question in Spanish: the coach does not
    repeat the question after it (it did, when "say" was the only instruction word)."""
    assert asks_something(Speech().say(said), language_for(locale)) is asks


def test_a_step_is_timed_in_the_words_of_its_turn_whichever_locale_asked_first() -> None:
    """The timings are kept per locale: a German routine is not credited, or cut to a time
    budget, by how long it took to say in English to whoever asked first in the process."""
    step = routine.routine_steps(routine.DAILY, 1)[0]
    english = routine.step_seconds(step, DEFAULT_SETTINGS)
    with speaking("de-DE"):
        german = routine.step_seconds(step, DEFAULT_SETTINGS)
        german_minutes = routine.routine_minutes(routine.DAILY, 1)
    assert german != english
    for cached in (routine._step_seconds, routine._routine_minutes, routine._routine_steps,
                   routine._fits):
        cached.cache_clear()
    with speaking("de-DE"):  # German first this time: the same answers
        assert routine.step_seconds(step, DEFAULT_SETTINGS) == german
        assert routine.routine_minutes(routine.DAILY, 1) == german_minutes
    assert routine.step_seconds(step, DEFAULT_SETTINGS) == english
