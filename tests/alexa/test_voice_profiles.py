"""One Echo, one Alexa account, several people: each recognised speaker has their own progress.

Alexa names a recognised speaker in ``context.System.person.personId`` (voice profiles
with skill personalisation on); without it, the account's profile is used, as before.
"""

from __future__ import annotations

import io
import logging
from typing import Any

from conftest import Conversation

from skill.alexa.app import SkillApp
from skill.hosts.envelopes import Device
from skill.hosts.logs import JsonFormatter
from skill.store import person_key, user_key
from skill.store.sqlite import SqliteStore

ACCOUNT = "amzn1.ask.account.HOUSEHOLD"
ALICE = "amzn1.ask.person.ALICE-VOICE-PROFILE"
BOB = "amzn1.ask.person.BOB-VOICE-PROFILE"


class Speaker(Device):
    """The household's Echo, heard as one recognised person (or nobody in particular)."""

    person_id: str | None = None

    def envelope(self, request: dict[str, Any], *, in_session: bool = True) -> dict[str, Any]:
        body = super().envelope(request, in_session=in_session)
        if self.person_id:
            body["context"]["System"]["person"] = {"personId": self.person_id}
        return body


def speaker(app: SkillApp, person: str | None) -> Conversation:
    device = Speaker(user_id=ACCOUNT)
    device.person_id = person
    return Conversation(app, device)


def finish_a_routine(talk: Conversation) -> None:
    talk.routine()


def test_two_people_on_one_account_keep_separate_progress(
        store: SqliteStore, app: SkillApp) -> None:
    alice, bob = speaker(app, ALICE), speaker(app, BOB)
    finish_a_routine(alice)
    alice.later(days=1)
    finish_a_routine(alice)
    assert store.load(person_key(ALICE)).sessions == 2
    assert store.load(person_key(BOB)).sessions == 0
    assert store.load(user_key(ACCOUNT)).sessions == 0

    # Bob is new to the skill: he hears the first-time welcome and safety notice.
    assert "not medical advice" in bob.launch()
    bob.later(minutes=1)
    alice.later(minutes=1)
    # Alice is greeted by what the skill knows of her: her own sessions, never a name.
    answer = alice.one_shot("ProgressSummaryIntent")
    assert "2 sessions" in answer
    assert "Alice" not in answer and "ALICE" not in answer
    assert "You haven't finished a session yet" in bob.one_shot("ProgressSummaryIntent")


def test_an_unrecognised_speaker_uses_the_accounts_profile(
        store: SqliteStore, app: SkillApp) -> None:
    anyone = speaker(app, None)
    finish_a_routine(anyone)
    assert store.load(user_key(ACCOUNT)).sessions == 1
    assert store.load(person_key(ALICE)).sessions == 0


def test_delete_my_progress_deletes_only_that_persons(store: SqliteStore, app: SkillApp) -> None:
    alice, bob, anyone = speaker(app, ALICE), speaker(app, BOB), speaker(app, None)
    for talk in (alice, bob, anyone):
        finish_a_routine(talk)
    alice.one_shot("DeleteProgressIntent")
    assert "Everything is deleted" in alice.say("AMAZON.YesIntent")
    assert store.load(person_key(ALICE)).sessions == 0
    assert store.load(person_key(BOB)).sessions == 1
    assert store.load(user_key(ACCOUNT)).sessions == 1


def test_disabling_the_skill_deletes_every_persons_data(
        store: SqliteStore, app: SkillApp) -> None:
    alice, bob, anyone = speaker(app, ALICE), speaker(app, BOB), speaker(app, None)
    for talk in (alice, bob, anyone):
        finish_a_routine(talk)
    stranger = speaker(app, None)
    stranger.device.user_id = "amzn1.ask.account.NEXT-DOOR"
    finish_a_routine(stranger)
    response = app.invoke(anyone.device.event("AlexaSkillEvent.SkillDisabled"))
    assert "outputSpeech" not in response["response"]
    for key in (person_key(ALICE), person_key(BOB), user_key(ACCOUNT)):
        assert store.load(key).sessions == 0 and store.history(key) == []
    assert store.load(user_key("amzn1.ask.account.NEXT-DOOR")).sessions == 1


def test_person_keys_cannot_collide_with_account_keys() -> None:
    same = "amzn1.ask.same-text"
    assert person_key(same) != user_key(same)
    assert person_key(same).startswith("p_") and user_key(same).startswith("u_")
    assert person_key(same, "secret") != person_key(same, "other secret")


def test_person_ids_never_reach_the_logs(store: SqliteStore, app: SkillApp) -> None:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    logger = logging.getLogger("release_coach")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logging.getLogger("release_coach.x").warning("speaker %s", ALICE)
    finish_a_routine(speaker(app, ALICE))
    text = stream.getvalue()
    assert "[redacted]" in text
    assert "ALICE-VOICE-PROFILE" not in text
