"""Every cell of the dialogue table: each thing a user can say, in each state.

For every (state, utterance) the coach's answer must fit the state it is given in:
well-formed speech within Alexa's limits, a session kept open only with a question or
an instruction to answer, the routine's place never lost, and nothing destructive
except "yes" to the delete question just asked.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from skill.domain.dialogue import Coach, Context, Mode, Said, Session
from skill.domain.dialogue.state import Pending
from skill.domain.dialogue.table import BEHAVIOURS, TABLE, _load_behaviours, every_cell
from skill.domain.progress import (
    Position,
    Profile,
    SessionCompleted,
    apply,
)
from skill.domain.ssml import problems, spoken_text

TODAY = date(2026, 11, 18)
PLACE = Position("daily", 1, 1, "2026-11-18", seconds_done=80, steps_done=1)
FINISHED = replace(PLACE, step=4, steps_done=4)

SAID = {
    "guide": Said("guide", exercise="butterfly", heard="butterfly"),
    "explain": Said("explain", exercise="reverse_kegel", heard="reverse kegels"),
    "skip": Said("skip"),
    "pain": Said("pain", value="knee", heard="knee"),
    "change_setting": Said("change_setting", value="slower", heard="slow down"),
    "session_count": Said("session_count", value="last_week", heard="last week"),
    "minutes": Said("minutes", value="yesterday", heard="yesterday"),
    "short_routine": Said("short_routine", number=5),
}


def context_for(mode: Mode) -> Context:
    """A realistic moment at which ``mode`` is the question just asked."""
    profile = Profile(safety_notice_heard=True, sessions=4, seconds=1500, practice_days=4,
                      program_days=5 if mode is Mode.OFFER_WEEK_UP else 2,
                      position=PLACE, check_in=mode is Mode.CHECK_IN)
    session = Session(mode=mode, screened=True)
    match mode:
        case Mode.BETWEEN_STEPS:
            session = replace(session, position=PLACE, in_routine=True)
        case Mode.OFFER_RESUME:
            session = replace(session, position=PLACE)
        case Mode.OFFER_START:
            session = replace(session, offer=Pending("daily"))
        case Mode.FEEL_CHECK:
            session = replace(session, position=FINISHED)
            profile = replace(profile, position=None)
        case Mode.CHECK_IN:
            session = replace(session, pending=Pending("daily"))
        case Mode.SAFETY_SCREEN | Mode.SCREEN_CLEARED:
            profile = replace(profile, safety_notice_heard=False)
            session = replace(session, pending=Pending("daily"), screened=False)
    return Context(profile, TODAY, session, new_session=False, finished_at="2026-11-18T08:00Z",
                   turn_id="req-1")


def test_the_table_names_only_behaviours_that_exist() -> None:
    _load_behaviours()
    for said, mode, name in every_cell():
        inner = name.partition(":")[2] or name
        assert inner in BEHAVIOURS, (said, mode, name)


def test_the_table_covers_every_state_for_every_utterance() -> None:
    assert len(every_cell()) == len(TABLE) * len(Mode)


@pytest.mark.parametrize(("said", "mode", "name"), every_cell(),
                         ids=[f"{m.value}-{s}" for s, m, _ in every_cell()])
def test_every_cell_answers_in_a_way_that_fits_its_state(said: str, mode: Mode,
                                                         name: str) -> None:
    context = context_for(mode)
    outcome = Coach(context).hear(SAID.get(said, Said(said)))
    reply = outcome.reply
    after = apply(context.profile, outcome.changes)
    if said == "session_ended":
        assert reply is None
    else:
        assert reply is not None, name
        speech = reply.speech.ssml(reply.rate)
        assert problems(speech) == [], (name, speech)
        text = spoken_text(speech)
        if reply.ends_session:
            assert not text.rstrip().endswith("?"), (name, text)
            assert outcome.session.mode is Mode.IDLE
        else:
            assert reply.reprompt is not None and problems(reply.reprompt.ssml()) == []
            prompt = spoken_text(reply.reprompt.ssml()).lower()
            invites = ("?" in text[-200:]) or "say" in text.lower()[-300:] or "?" in prompt
            assert invites, (name, text[-200:])
    # Nothing destructive but "yes" to the delete question itself.
    assert outcome.delete_user == (said == "yes" and mode is Mode.CONFIRM_DELETE)
    # The place is never lost: kept, moved on, or the routine was completed.
    completed = any(isinstance(c, SessionCompleted) for c in outcome.changes)
    if context.profile.position is not None and not outcome.delete_user and not completed:
        assert after.position is not None or outcome.session.position is not None, name


@pytest.mark.parametrize(("said", "words"), [("progress", "left your progress as it was"),
                                             ("pause", "haven't deleted anything")])
def test_a_yes_acts_only_on_the_question_just_asked(said: str, words: str) -> None:
    context = context_for(Mode.CONFIRM_DELETE)
    dropped = Coach(context).hear(Said(said))
    assert not dropped.delete_user and dropped.reply is not None
    assert words in spoken_text(dropped.reply.speech.ssml())
    later = replace(context, session=dropped.session)
    assert not Coach(later).hear(Said("yes")).delete_user
