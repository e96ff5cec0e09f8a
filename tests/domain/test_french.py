"""French grammar and words: articles by gender and elision, "au pont", CLDR's "one" for
0 and 1, the 24-hour clock, and the regional words of Québec.

The articles and joins are data (``skill/data/language/fr.json``) read by the language
module's generic ``definite`` and ``fill``; a language without that data (English,
Spanish) is filled exactly as ``str.format`` fills it, which the last tests show over
every phrase of both.
"""

from __future__ import annotations

import json
import string
from datetime import time
from importlib import resources
from typing import Any

import pytest

from skill.domain import content
from skill.domain.content import speaking
from skill.domain.dialogue.talk import asks_something
from skill.domain.exercises import exercise_name
from skill.domain.language import Language, language_for
from skill.domain.language.language import merged
from skill.domain.narration import step_title
from skill.domain.program import ReleaseSet
from skill.domain.ssml import Speech

DATA = resources.files("skill").joinpath("data")
FRENCH = language_for("fr-FR")


def read(file_name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(DATA.joinpath(file_name).read_text(encoding="utf-8"))
    return data


# ---------------------------------------------------------------------- articles


@pytest.mark.parametrize(("name", "expected"), [
    ("pont", "le pont"),                                  # masculine
    ("papillon", "le papillon"),
    ("pigeon allongé", "le pigeon allongé"),
    ("étirement assis des hanches", "l'étirement assis des hanches"),   # elided
    ("étirement du psoas à genou", "l'étirement du psoas à genou"),
    ("les Kegel inversés", "les Kegel inversés"),         # a name with its own article
])
def test_a_french_name_takes_its_article(name: str, expected: str) -> None:
    assert FRENCH.definite(name) == expected


def test_a_feminine_or_plural_name_takes_its_genders_article_an_aspirated_h_no_elision(
) -> None:
    """The genders are data: a name listed as feminine gets "la", as plural "les"; a word
    beginning with an aspirated h ("hanche") is not elided, a vowel is, whatever its gender."""
    french = Language("fr-FR", merged(FRENCH.data, {"genders": {
        "posture du chat": "feminine", "hanche": "feminine", "ouverture": "feminine",
        "cercles du bassin": "plural", "haltère": "elided"}}))
    assert french.definite("posture du chat") == "la posture du chat"
    assert french.definite("hanche") == "la hanche"
    assert french.definite("ouverture") == "l'ouverture"
    assert french.definite("haltère") == "l'haltère"
    assert french.definite("cercles du bassin") == "les cercles du bassin"
    assert french.definite("étirement") == "l'étirement"


def test_every_exercise_name_has_a_french_article() -> None:
    with speaking("fr-FR"):
        names = [exercise_name(e) for e in ("butterfly", "seated_hip", "bridge", "pigeon",
                                            "pigeon_easier", "kneeling_hip_flexor")]
    titles = [FRENCH.definite(name) for name in names]
    assert titles == ["le papillon", "l'étirement assis des hanches", "le pont", "le pigeon",
                      "le pigeon allongé", "l'étirement du psoas à genou"]


# ---------------------------------------------------------------------- joins


@pytest.mark.parametrize(("template", "value", "expected"), [
    ("Passons à {x}.", "le pont", "Passons au pont."),
    ("Passons à {x}.", "les Kegel inversés", "Passons aux Kegel inversés."),
    ("La série 2 de {x}.", "les Kegel inversés", "La série 2 des Kegel inversés."),
    ("À la place de {x}.", "le papillon", "À la place du papillon."),
    ("À {x} !", "le pont", "Au pont !"),
    ("Une douleur à {x}.", "la hanche", "Une douleur à la hanche."),   # nothing to join
    ("Une douleur à {x}.", "l'aine", "Une douleur à l'aine."),
    ("Le {x} reste.", "étirement assis", "L'étirement assis reste."),     # elision
    ("Le {x} reste.", "pont", "Le pont reste."),
    ("À la place du {x}.", "étirement du psoas", "À la place de l'étirement du psoas."),
    ("Le {x} reste.", "les Kegel inversés", "Les Kegel inversés reste."),
    ("Voilà {x}.", "le pont", "Voilà le pont."),          # "à" inside a word is not "à"
    ("Essayez de le faire à {x}.", "7 h", "Essayez de le faire à 7 h."),
    ("à {x} et de {y}", "le pont", "au pont et du papillon"),
])
def test_french_joins_a_word_of_the_phrase_to_the_value_after_it(
        template: str, value: str, expected: str) -> None:
    values = {"x": value, "y": "le papillon"}
    assert FRENCH.fill(template, **values) == expected


def test_a_format_spec_is_kept_when_joining() -> None:
    assert FRENCH.fill("à {hour} h {minute:02d}", hour=7, minute=5) == "à 7 h 05"


@pytest.mark.parametrize("symptom", ["knee", "back", "hip", "groin", "neck"])
def test_a_sore_part_is_said_with_its_article_joined(symptom: str) -> None:
    with speaking("fr-FR"):
        said = content.phrase("pain_joint", part=content.grammar().word("body_part", symptom))
    expected = {"knee": "au genou", "back": "au dos", "hip": "à la hanche",
                "groin": "à l'aine", "neck": "à la nuque"}[symptom]
    assert expected in said and " à le " not in said


def test_a_round_of_reverse_kegels_is_des_kegel() -> None:
    with speaking("fr-FR"):
        title = step_title(ReleaseSet(reps=10, hold_seconds=3, round=2, rounds=2), FRENCH)
    assert title == "la série 2 des Kegel inversés"


def test_a_phrase_naming_an_elided_exercise_elides_it() -> None:
    with speaking("fr-FR"):
        said = content.phrase("not_in_routine", name=exercise_name("seated_hip"),
                              next="le pont")
    assert "ne comprend pas l'étirement assis des hanches." in said
    with speaking("fr-FR"):
        kegels = content.phrase("not_in_routine", name=exercise_name("reverse_kegel"),
                                next="le pont")
    assert "ne comprend pas les Kegel inversés." in kegels


# ---------------------------------------------------------------------- numbers, times


@pytest.mark.parametrize(("number", "expected"), [
    (0, "0 séance"), (1, "1 séance"), (2, "2 séances"), (21, "21 séances"),
    (1_000_000, "1000000 de séances"),
])
def test_french_counts_take_cldrs_one_for_0_and_1(number: int, expected: str) -> None:
    assert FRENCH.count(number, "session") == expected


def test_french_lists_ordinals_and_durations() -> None:
    assert FRENCH.join(["le papillon", "le pont", "le pigeon"]) == \
        "le papillon, le pont et le pigeon"
    assert FRENCH.ordinal(1) == "1er" and FRENCH.ordinal(2) == "2e"
    assert FRENCH.duration(90) == "1 minute et 30 secondes"


@pytest.mark.parametrize(("at", "expected"), [
    (time(7), "7 h"), (time(19), "19 h"), (time(19, 30), "19 h 30"), (time(7, 5), "7 h 05"),
    (time(12), "midi"), (time(0), "minuit"), (time(0, 30), "0 h 30"),
])
def test_french_times_are_on_the_24_hour_clock(at: time, expected: str) -> None:
    assert FRENCH.time(at) == expected
    assert language_for("fr-CA").time(at) == expected


def test_a_reminder_is_set_a_7_h() -> None:
    with speaking("fr-CA"):
        said = content.phrase("reminder_set", time=content.grammar().time(time(7)))
    assert said.endswith("tous les jours à 7 h.")


# ---------------------------------------------------------------------- Québec


def test_quebec_says_physiotherapeute_and_911_france_kine_and_15() -> None:
    with speaking("fr-CA"):
        quebec = [content.phrase(k) for k in ("pain_leaking", "pain_chest", "pain_urgent")]
    with speaking("fr-FR"):
        france = [content.phrase(k) for k in ("pain_leaking", "pain_chest", "pain_urgent")]
    assert "physiothérapeute" in quebec[0] and "kinésithérapeute" in france[0]
    assert "911" in quebec[1] and "911" in quebec[2]
    assert "112" in france[1] and "15" in france[2] and "911" not in " ".join(france)


def test_quebec_keeps_the_rest_of_french() -> None:
    with speaking("fr-CA"):
        assert content.phrase("offer_start") == read("phrases.fr.json")["offer_start"][0]
        assert "cellulaire" in content.phrase("reminder_permission_card")
    with speaking("fr-FR"):
        assert "téléphone" in content.phrase("reminder_permission_card")


@pytest.mark.parametrize("locale", ["en-US", "es-US", "fr-FR"])
def test_every_reminder_action_has_a_word(locale: str) -> None:
    language = language_for(locale)
    words = {action: language.word("reminder_action", action)
             for action in ("set", "change", "check", "cancel")}
    if locale == "fr-FR":
        assert words["cancel"] == "annuler"
    with speaking(locale):
        said = content.phrase("reminder_unavailable", action=words["set"])
    assert words["set"] in said


# ---------------------------------------------------------------------- no change elsewhere


def sample(text: str) -> dict[str, object]:
    fields = {f for _, f, _, _ in string.Formatter().parse(text) if f}
    # The values that would join in French: an article-led name after every word.
    return {field: "le pont" for field in fields}


@pytest.mark.parametrize("locale", ["en-US", "en-GB", "es-US", "es-ES"])
def test_english_and_spanish_are_filled_exactly_as_str_format(locale: str) -> None:
    language = language_for(locale)
    with speaking(locale):
        phrases = content.phrases_data()
    checked = 0
    for key, variants in phrases.items():
        if key.startswith("_"):
            continue
        for variant in variants:
            values = sample(variant)
            assert language.fill(variant, **values) == variant.format(**values), key
            checked += 1
    assert checked > 250
    assert language.text("round_of", round=2, name="x") == \
        language.data["texts"]["round_of"].format(round=2, name="x")


def test_a_french_instruction_counts_as_asking_so_the_question_is_not_said_twice() -> None:
    from_french = Speech().say("Quand vous voulez. Dites suivant pour le pont, ou pause.")
    assert asks_something(from_french, FRENCH)
    assert not asks_something(Speech().say("Quand vous voulez."), FRENCH)
    assert asks_something(Speech().say("Whenever you're ready. Say next."), language_for("en-US"))
