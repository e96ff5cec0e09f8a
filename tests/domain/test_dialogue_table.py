"""Every cell of the dialogue table: each thing a user can say, in each state.

For every (state, utterance) the coach's answer must fit the state it is given in:
well-formed speech within Alexa's limits, a session kept open only with a question or
an instruction to answer, the routine's place never lost, and nothing destructive
except "yes" to the delete question just asked.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

import pytest

from skill.domain.dialogue import Coach, Context, Mode, Outcome, Said, Session
from skill.domain.dialogue.state import Offer, Pending
from skill.domain.dialogue.table import TABLE, Cell, Rule, every_cell
from skill.domain.dialogue.talk import ELICITED, asks_something
from skill.domain.progress import (
    CheckedIn,
    DoctorChecked,
    GentleChosen,
    NoticeHeard,
    PainReported,
    Position,
    PositionSet,
    Profile,
    ProgramWeekSet,
    ReminderChanged,
    SettingsChanged,
    apply,
)
from skill.domain.reminders import CallKind, CallResult, ReminderState
from skill.domain.ssml import problems, spoken_text
from tests.support.utterances import SAID  # issue-17: shared with the pseudo-locale walk

TODAY = date(2026, 11, 18)
PLACE = Position("daily", 1, 1, "2026-11-18", seconds_done=80, steps_done=1, done=(0,))
FINISHED = replace(PLACE, step=4, steps_done=4, done=(0, 1, 2, 3), credited_seconds=80,
                   credited_steps=4)
REMINDER = ReminderState(at="08:00", alert_token="alert-1", offered_on="2026-11-16")

REMINDER_MODES = (Mode.REMINDER_TIME, Mode.REMINDER_CONSENT, Mode.REMINDER_CHANGE,
                  Mode.REMINDER_CANCEL)


def context_for(mode: Mode) -> Context:
    """A realistic moment at which ``mode`` is the question just asked."""
    profile = Profile(safety_notice_heard=True, sessions=4, seconds=1500, practice_days=4,
                      last_practice_on="2026-11-17", last_session_title="Week 1 routine",
                      last_session_seconds=300, current_streak=2, longest_streak=3,
                      program_days=5 if mode is Mode.OFFER_WEEK_UP else 2,
                      position=PLACE, check_in=mode is Mode.CHECK_IN,
                      reminder=REMINDER if mode in (Mode.REMINDER_CHANGE, Mode.REMINDER_CANCEL)
                      else None)
    session = Session(mode=mode, screened=True)
    match mode:
        case Mode.BETWEEN_STEPS:
            session = replace(session, position=PLACE, in_routine=True)
        case Mode.OFFER_RESUME:
            session = replace(session, position=PLACE)
        case Mode.OFFER_START:
            session = replace(session, offer=Offer("daily"))
        case Mode.FEEL_CHECK:
            session = replace(session, position=FINISHED)
            profile = replace(profile, position=None)
        case Mode.CHECK_IN | Mode.RESCREEN | Mode.EASE_BACK:
            session = replace(session, pending=Pending(Said("start_routine")))
        case Mode.DOCTOR_CHECKED:  # issue 16: after a red flag
            profile = replace(profile, see_doctor_first=True, check_in=True)
            session = replace(session, pending=Pending(Said("start_routine")))
        case Mode.SAFETY_SCREEN | Mode.SCREEN_CLEARED:
            profile = replace(profile, safety_notice_heard=False)
            session = replace(session, pending=Pending(Said("start_routine")), screened=False)
    return Context(profile, TODAY, session, new_session=False, finished_at="2026-11-18T08:00Z",
                   turn_id="req-1", reminders_permitted=True)


def hear(context: Context, said: Said) -> Outcome:
    """The coach's answer, with any Reminders API call answered as Alexa would: done."""
    outcome = Coach(context).hear(said)
    if outcome.call is not None and outcome.after_call is not None:
        outcome = outcome.after_call(CallResult(token="alert-2", exists=True))
    return outcome


# What each behaviour must do, seen from outside: the state it leaves (None: the session
# ends) and what the user hears or what is stored. A behaviour the table names without an
# entry here fails the walk, so every new row says what it is for.
Check = Callable[[Context, Outcome, str], bool]


def _mode(outcome: Outcome) -> Mode | None:
    return None if outcome.reply is None or outcome.reply.ends_session else outcome.session.mode


def _exercise(context: Context, outcome: Outcome, text: str) -> bool:
    """A step is narrated, or the place is offered: never a silent jump."""
    return "step" in outcome.events or _mode(outcome) in (Mode.OFFER_RESUME, Mode.OFFER_START)


def _leaves_with_place(context: Context, outcome: Outcome, text: str) -> bool:
    after = apply(context.profile, outcome.changes)
    return _mode(outcome) is None and (after.position is not None or context.profile.position
                                       is None or outcome.session.position is not None)


def _changed(kind: type) -> Check:
    return lambda context, outcome, text: any(isinstance(c, kind) for c in outcome.changes)


def _says(*words: str) -> Check:
    return lambda context, outcome, text: all(w.lower() in text.lower() for w in words)


def _in(*modes: Mode | None) -> Check:
    return lambda context, outcome, text: _mode(outcome) in modes


def _keeps_question(context: Context, outcome: Outcome, text: str) -> bool:
    asked = context.session.mode
    return _mode(outcome) is asked and (asked not in ELICITED or (outcome.reply is not None
                                        and outcome.reply.elicit == ELICITED[asked]))


def _both(*checks: Check) -> Check:
    return lambda context, outcome, text: all(check(context, outcome, text) for check in checks)


EXPECT: dict[str, Check] = {
    "welcome": _in(Mode.OFFER_START, Mode.OFFER_RESUME, Mode.CHECK_IN, Mode.DOCTOR_CHECKED,
                   Mode.RESCREEN, Mode.EASE_BACK),
    "start_daily": _exercise, "start_offered": _exercise, "resume": _exercise,
    "next_step": _exercise, "start_over": _both(_exercise, _says("from the top")),
    "repeat_step": _exercise, "guide_single": _both(_exercise, _says("butterfly")),
    "skip_step": _both(_exercise, _says("skipping")),
    "go_back": _both(_in(Mode.BETWEEN_STEPS, Mode.OFFER_RESUME), _says("back to")),
    "routine_already_done": _both(_in(Mode.FEEL_CHECK), _says("routine is done")),
    "repeat_question": _keeps_question,
    "what_would_you_like": _both(_in(Mode.IDLE), _says("What would you like")),
    "delete_everything": lambda c, o, t: o.delete_user and _mode(o) is None,
    "keep_everything": _both(_in(None), lambda c, o, t: not o.delete_user),
    "confirm_delete": _both(_in(Mode.CONFIRM_DELETE), _says("Are you sure?")),
    "screen_says_see_physio": _both(_in(Mode.SCREEN_CLEARED), _says("physiotherapist")),
    "cleared_by_physio": _both(_changed(NoticeHeard), _exercise),
    "screen_passed": _both(_changed(NoticeHeard), _exercise),
    "not_cleared_yet": _both(_in(None), _says("wait until you've been checked")),
    "still_hurts": _both(_in(None), _says("no exercise today")),
    "feeling_fine": _both(_changed(CheckedIn), _exercise),
    "felt_good": _in(None, Mode.OFFER_WEEK_UP, Mode.OFFER_REMINDER),
    "ask_if_it_hurt": _both(_in(Mode.CHECK_IN), _says("still bothering you?")),
    # issue 16: a doctor's check after a red flag, the screen again, easing back in.
    "doctor_has_checked": _both(_changed(DoctorChecked), _exercise),
    "not_checked_yet": _both(_in(None), _says("wait until a doctor has checked you")),
    "something_changed": _both(_in(Mode.SCREEN_CLEARED), _says("physiotherapist")),
    "condition_mentioned": _both(_in(None), _says("see a pelvic floor physiotherapist before")),
    "nothing_changed": _both(_changed(NoticeHeard), _exercise),
    "ease_back_in": _both(_changed(GentleChosen), _exercise),
    "carry_on_as_before": _exercise,
    "ask_again": _both(_keeps_question, _says("yes or a no")),
    "move_up_a_week": _both(_changed(ProgramWeekSet), _in(None)),
    "stay_at_week": _both(_in(None), _says("stay with week")),
    "no_reminder": _both(_in(None), _says("no reminder")),
    "goodbye": _in(None),
    "decline_start": _both(_in(None), _says("not now")),
    "decline_resume": _both(_in(Mode.OFFER_START), _says("keep that place")),
    "take_your_time": _both(_keeps_question, _says("take your time")),
    "wait_a_moment": _both(_keeps_question, _says("take your time")),
    "pause_routine": _leaves_with_place, "stop_routine": _leaves_with_place,
    "done_for_today": _leaves_with_place, "session_ended": _leaves_with_place,
    "home": _both(_says("back to the start"), _in(Mode.OFFER_START, Mode.OFFER_RESUME)),
    "help_here": _both(_keeps_question, _says("Release Coach")),
    "not_understood": _both(_keeps_question, _says("didn't catch that")),
    # issue 16: "stop the exercise" only while exercising; a knee during the screen is a yes.
    "report_pain": lambda c, o, t: (_mode(o) is Mode.SCREEN_CLEARED and "physiotherapist" in t)
    if c.session.mode in (Mode.SAFETY_SCREEN, Mode.RESCREEN)
    else _changed(PainReported)(c, o, t) and _mode(o) is None
    and ("stop the exercise" in t) == (c.session.in_routine or c.session.mode is Mode.FEEL_CHECK),
    "todays_routine": _says("reverse Kegels"),
    "how_long": _says("about"),
    "explain_exercise": _says("reverse Kegel"),
    "exercise_menu": _both(_says("I don't know an exercise called the splits"),
                           _says("Which would you like?")),
    "progress_summary": _says("You've completed 4 sessions"),
    "streak": _says("streak"),
    "session_count": _says("last week"),
    "minutes_practised": _says("yesterday"),
    "last_session": _says("You last practiced"),
    "program_week": _says("week 1"),
    "on_track": _says("week"),
    "where_left_off": _in(Mode.OFFER_START, Mode.OFFER_RESUME, Mode.BETWEEN_STEPS),
    "change_setting": _both(_changed(SettingsChanged), _says("slow down")),
    "settings_status": _says("Your pace is"),
    "reset_settings": _says("standard settings"),
    "short_routine": _says("5 minutes"),
    "just_stretches": _says("stretches"),
    # issue 16: lighter in every phase, week 1 included, and says exactly what changes.
    "make_easier": _both(_changed(GentleChosen), _says("8 releases of 3 seconds instead of 10")),
    "step_ended": lambda c, o, t: o.reply is not None,
    # The daily reminder and the minutes question.
    "ask_reminder_time": _both(_in(Mode.REMINDER_TIME), _says("What time each day")),
    "set_reminder": _both(_changed(ReminderChanged), _says("every day at 7 PM")),
    "change_reminder": lambda c, o, t: (_changed(ReminderChanged)(c, o, t)
                                        and ("8:30 AM" in t or "7 PM" in t))
    if c.profile.reminder else _mode(o) is Mode.REMINDER_TIME and "nothing to move" in t,
    "reminder_status": _says("daily reminder"),
    "cancel_reminder": lambda c, o, t: (_mode(o) is Mode.REMINDER_CANCEL
                                        and "Shall I cancel" in t) if c.profile.reminder
    else "nothing to cancel" in t,
    "cancel_confirmed": _both(_changed(ReminderChanged), _says("cancelled your daily reminder")),
    "keep_reminder": _both(_in(None), _says("stays at 8 AM")),
    "no_new_time": _both(_in(None), _says("stays at 8 AM")),
    # Goodbye, except mid-routine, where the routine goes on.
    "no_reminder_time": lambda context, outcome, text: (
        "no reminder" in text and _mode(outcome) is None) if not context.session.in_routine
    else ("haven't set a reminder" in text and _mode(outcome) is Mode.BETWEEN_STEPS),
    "consent_answered": _both(_changed(ReminderChanged), _says("every day at 7 AM")),
    "hour_unclear": _both(_keeps_question, _says("5 in the morning, or 5 in the evening")),
    # "Nineteen", heard as 19:00, to "how many minutes?": nineteen minutes.
    # "Later" is no number at all: the question again.
    "minutes_from_time": lambda c, o, t: (_mode(o) is Mode.OFFER_START and "19 minutes" in t)
    or (_keeps_question(c, o, t) and "number of minutes" in t),
    "no_short_routine": _says("no short routine"),
}


def test_the_table_names_only_behaviours_that_exist() -> None:
    for said, mode, cell in every_cell():
        assert callable(cell.behaviour), (said, mode, cell)


def test_the_table_covers_every_state_for_every_utterance() -> None:
    assert len(every_cell()) == len(TABLE) * len(Mode)


def test_every_behaviour_the_table_names_says_what_it_must_do() -> None:
    assert {cell.behaviour.__name__ for _, _, cell in every_cell()} == set(EXPECT)


@pytest.mark.parametrize(("said", "mode", "cell"), every_cell(),
                         ids=[f"{m.value}-{s}" for s, m, _ in every_cell()])
def test_every_cell_answers_in_a_way_that_fits_its_state(said: str, mode: Mode,
                                                         cell: Cell) -> None:
    name = cell.name
    context = context_for(mode)
    outcome = hear(context, SAID.get(said, Said(said)))
    reply = outcome.reply
    after = apply(context.profile, outcome.changes)
    asked_permission = outcome.call is not None and outcome.call.kind is CallKind.ASK_PERMISSION
    if said == "session_ended" or asked_permission:
        # Nothing to say after a timeout; Alexa asks the permission in its own words.
        assert reply is None
        text = ""
    else:
        assert reply is not None, name
        speech = reply.speech.ssml(reply.rate)
        assert problems(speech) == [], (name, speech)
        text = spoken_text(speech)
        if reply.ends_session:
            assert not text.rstrip().endswith("?"), (name, text)
            assert outcome.session.mode is Mode.IDLE
            assert reply.elicit is None
        else:
            # Open only after a question: the speech itself asks (the reprompt comes only
            # after seconds of silence, so it does not count).
            assert reply.reprompt is not None and problems(reply.reprompt.ssml()) == []
            assert asks_something(reply.speech), (name, text[-200:])
            assert reply.elicit == ELICITED.get(outcome.session.mode), name
    # What this cell must do, and the column rule around it.
    assert EXPECT[cell.behaviour.__name__](context, outcome, text), (name, text[-300:])
    if cell.rule is Rule.CANCEL_DELETE and reply is not None:
        assert text.startswith("Okay, I've left your progress as it was."), (name, text)
    if cell.rule is Rule.LAPSE:
        assert outcome.session.pending is None or outcome.session.mode in (
            Mode.SAFETY_SCREEN, Mode.CHECK_IN), name
    # Nothing destructive but "yes" to the delete question itself.
    assert outcome.delete_user == (said == "yes" and mode is Mode.CONFIRM_DELETE)
    # The place is never lost: kept, moved on, or the routine was completed.
    completed = any(isinstance(c, PositionSet) and c.position is None for c in outcome.changes)
    if context.profile.position is not None and not outcome.delete_user and not completed:
        assert after.position is not None or outcome.session.position is not None, name


@pytest.mark.parametrize("mode", list(Mode))
def test_help_in_every_state_says_what_the_skill_does_and_what_to_say_there(mode: Mode) -> None:
    outcome = hear(context_for(mode), Said("help"))
    assert outcome.reply is not None
    text = spoken_text(outcome.reply.speech.ssml())
    assert "Release Coach" in text and "reverse Kegels" in text
    assert "say" in text.lower() and outcome.session.mode is mode


@pytest.mark.parametrize("mode", [Mode.MINUTES_QUESTION, *REMINDER_MODES])
@pytest.mark.parametrize("said", ["help", "repeat", "fallback", "no"])
def test_help_repeat_fallback_and_no_answer_the_question_asked(mode: Mode, said: str) -> None:
    context = context_for(mode)
    outcome = hear(context, Said(said))
    assert outcome.reply is not None
    text = spoken_text(outcome.reply.speech.ssml()).lower()
    if said == "no":
        # "No" to the question is an answer to it, and a way out.
        assert outcome.session.mode is not mode
        assert any(w in text for w in ("no short routine", "no reminder", "stays at",
                                       "haven't set a reminder",
                                       "see you", "goodbye", "take care")), text
    elif mode is not Mode.REMINDER_CONSENT:
        assert outcome.session.mode is mode
        assert ("minute" if mode is Mode.MINUTES_QUESTION else "remind") in text, text


@pytest.mark.parametrize(("said", "words"), [("progress", "left your progress as it was"),
                                             ("pause", "haven't deleted anything")])
def test_a_yes_acts_only_on_the_question_just_asked(said: str, words: str) -> None:
    context = context_for(Mode.CONFIRM_DELETE)
    dropped = Coach(context).hear(Said(said))
    assert not dropped.delete_user and dropped.reply is not None
    assert words in spoken_text(dropped.reply.speech.ssml())
    later = replace(context, session=dropped.session)
    assert not Coach(later).hear(Said("yes")).delete_user
