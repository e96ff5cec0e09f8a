"""The privacy policy is true to the code: every stored field is named, and what the skill
asks and does not keep is said as it is.

A field added to the profile (say, a neutral "see a doctor first" flag) without a line in
``docs/privacy.md`` fails here; so does a policy that still names a field the code dropped,
or that denies asking what the safety questions ask.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from conftest import Conversation

from skill.domain.content import phrase, speaking
from skill.domain.progress import Position, Profile, SessionRecord
from skill.domain.reminders import ReminderState
from skill.domain.settings import Settings
from skill.store import user_key
from skill.store.sqlite import SqliteStore

ROOT = Path(__file__).resolve().parents[2]
POLICY = (ROOT / "docs" / "privacy.md").read_text(encoding="utf-8")
TERMS = " ".join((ROOT / "docs" / "terms.md").read_text(encoding="utf-8").split())


def _section(title: str) -> str:
    start = POLICY.index(f"## {title}")
    end = POLICY.find("\n## ", start + 1)
    return " ".join(POLICY[start:end if end > 0 else None].split())


def _named_fields() -> set[str]:
    return set(re.findall(r"`([a-z_]+)`", _section("What the skill stores")))


def _stored_fields(profile: dict[str, object]) -> set[str]:
    """Every key of a stored profile, nested ones included."""
    found: set[str] = set()
    for key, value in profile.items():
        found.add(key)
        if isinstance(value, dict) and key not in ("daily",):
            found |= _stored_fields(value)
    return found


def test_every_field_of_the_stored_profile_is_named_in_the_policy(
        user: Conversation, lambda_store: SqliteStore) -> None:
    # A real user's profile, as the store keeps it, with everything filled in that can be.
    user.launch()
    user.say("AMAZON.YesIntent")
    user.say("AMAZON.NoIntent")
    user.say("ChangeSettingIntent", Change=("slower", "slower"))
    user.say("AMAZON.StopIntent")
    stored = lambda_store.load(user_key(user.device.user_id)).to_dict()
    assert stored["position"] is not None and stored["settings"]
    declared = {f.name for cls in (Profile, Position, Settings, ReminderState)
                for f in dataclasses.fields(cls)} - {"version"}
    keys = _stored_fields(stored) | declared
    named = _named_fields()
    assert keys - named == set(), "stored but not in docs/privacy.md"
    assert named - keys == set(), "in docs/privacy.md but not stored"


def test_the_history_record_is_described_field_by_field() -> None:
    described = _section("What the skill stores")
    words = {"id": "record", "on": "the day", "finished_at": "the time it finished",
             "plan": "which routine", "week": "week", "title": "title",
             "seconds": "how long it took", "steps_done": "how many steps"}
    assert set(words) == {f.name for f in dataclasses.fields(SessionRecord)}
    for field, said in words.items():
        assert said in described, field


def test_the_policy_says_what_the_safety_questions_ask_and_that_answers_are_not_kept() -> None:
    question = phrase("screen_question").lower()
    kept = _section("What the skill does not store").lower()
    for topic in ("pregnan", "surgery", "hernia", "bulge"):
        assert topic in question, topic          # the skill asks about it...
        assert topic in kept, topic              # ...and the policy says so
    assert "answers are not stored" in kept
    # Never again "does not ask about ... pregnancy" or "keeps the date of a pain report".
    policy = " ".join(POLICY.lower().split())
    assert not re.search(r"does not ask about[^.]*pregnan", policy)
    assert "never the symptom, where it was or the date" in kept
    assert "the day you last told the skill that something hurt" not in policy


def test_the_terms_match_what_the_skill_does() -> None:
    assert "safety questions" in TERMS and "not a substitute for professional medical advice" \
        in TERMS
    assert "offers a reminder once, after your third completed session" in TERMS


# ----------------------------------------------------------------- every language's policy

# docs/<lang>/privacy.md and terms.md: the same policy in the language of that language's
# listings (the listings link to them; tests/hosts/test_infra.py checks the links).
LANGUAGE_FOLDERS = sorted(p.parent for p in (ROOT / "docs").glob("*/privacy.md"))


def _sections(text: str) -> list[str]:
    return re.findall(r"^## .+$", text, flags=re.MULTILINE)


def _fields(text: str) -> set[str]:
    return set(re.findall(r"`([a-z_]+)`", text))


@pytest.mark.parametrize("folder", LANGUAGE_FOLDERS, ids=lambda p: p.name)
def test_each_languages_policy_names_every_stored_field_and_only_those(folder: Path) -> None:
    """As the English policy: every stored field named (the code's names, in backquotes),
    nothing else, and the same sections; so a field added to the profile fails here too."""
    policy = (folder / "privacy.md").read_text(encoding="utf-8")
    assert _fields(policy) == _fields(_section("What the skill stores")) == _named_fields()
    assert len(_sections(policy)) == len(_sections(POLICY))


@pytest.mark.parametrize("folder", LANGUAGE_FOLDERS, ids=lambda p: p.name)
def test_each_languages_policy_says_the_safety_answers_are_not_kept(folder: Path) -> None:
    """Its "not stored" section (the second, as in English) names what the safety
    questions of that language ask: the words of the skill's own question."""
    language = folder.name
    policy = (folder / "privacy.md").read_text(encoding="utf-8")
    headings = _sections(policy)
    start = policy.index(headings[1])
    kept = " ".join(policy[start:policy.index(headings[2])].lower().split())
    with speaking(language):
        question = phrase("screen_question").lower()
    wanted = SAFETY_TOPICS.get(language)
    assert wanted, f"{language}: name its safety topics in SAFETY_TOPICS"
    topics = [word for word in wanted if word in question]
    assert topics == list(wanted), "the topics are the question's own"
    assert all(topic in kept for topic in topics), kept
    terms = (folder / "terms.md").read_text(encoding="utf-8")
    assert len(_sections(terms)) == len(_sections(TERMS_TEXT))


# The safety question's topics, as each language says them (word stems).
SAFETY_TOPICS: dict[str, tuple[str, ...]] = {
    "es": ("embaraz", "opera", "hernia", "bulto"),
    "de": ("schwanger", "operation", "hernie", "vorwölbung"),
    "fr": ("enceinte", "opération", "hernie", "boule"),
}
TERMS_TEXT = (ROOT / "docs" / "terms.md").read_text(encoding="utf-8")
