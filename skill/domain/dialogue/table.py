"""The dialogue table: for everything a user can say, in every state, what happens.

Read it as a table: one row per thing said, a default behaviour, and the states where
something else happens. The state (``Mode``) is the question the last reply asked.
Two column rules apply to every row that does not name its own behaviour:

* a yes/no safety question (the first-use screen, "has a physio cleared you?", "does
  it still hurt?") is answered only by yes or no: anything that would lead to exercise
  gets the question again, in words; anything else is answered, and the question
  lapses (it is asked again before any exercise);
* the delete confirmation is answered only by yes or no: anything else cancels it,
  says so, and is then answered as if no question had been asked.

The behaviours live beside this module, by concern: :mod:`.navigation` (moving
through a routine and leaving), :mod:`.answers` (questions and progress),
:mod:`.safety` (screen, pain, check-in) and :mod:`.preferences` (settings, program).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from skill.domain.dialogue.state import Mode, Outcome, Said

if TYPE_CHECKING:
    from skill.domain.dialogue.coach import Coach

Behaviour = Callable[["Coach", Said], Outcome]
BEHAVIOURS: dict[str, Behaviour] = {}


def behaviour(function: Behaviour) -> Behaviour:
    """Register ``function`` under its own name, so the table can name it."""
    BEHAVIOURS[function.__name__] = function
    return function


M = Mode
ANY = "*"

# said                   default                 the states where it means something else
TABLE: dict[str, dict[Mode | str, str]] = {
    "launch":            {ANY: "welcome"},
    "start_routine":     {ANY: "start_daily", M.BETWEEN_STEPS: "next_step",
                          M.OFFER_START: "start_offered", M.OFFER_RESUME: "resume"},
    "next":              {ANY: "next_step", M.OFFER_START: "start_offered",
                          M.OFFER_RESUME: "resume", M.FEEL_CHECK: "routine_already_done"},
    "yes":               {ANY: "what_would_you_like", M.OFFER_START: "start_offered",
                          M.OFFER_RESUME: "resume", M.BETWEEN_STEPS: "next_step",
                          M.CONFIRM_DELETE: "delete_everything",
                          M.SAFETY_SCREEN: "screen_says_see_physio",
                          M.SCREEN_CLEARED: "cleared_by_physio", M.CHECK_IN: "still_hurts",
                          M.FEEL_CHECK: "felt_good", M.OFFER_WEEK_UP: "move_up_a_week",
                          M.OFFER_REMINDER: "ask_reminder_time"},
    "no":                {ANY: "goodbye", M.OFFER_START: "decline_start",
                          M.OFFER_RESUME: "decline_resume", M.BETWEEN_STEPS: "take_your_time",
                          M.CONFIRM_DELETE: "keep_everything", M.SAFETY_SCREEN: "screen_passed",
                          M.SCREEN_CLEARED: "not_cleared_yet", M.CHECK_IN: "feeling_fine",
                          M.FEEL_CHECK: "ask_if_it_hurt", M.OFFER_WEEK_UP: "stay_at_week",
                          M.OFFER_REMINDER: "no_reminder"},
    "feel_good":         {ANY: "what_would_you_like", M.FEEL_CHECK: "felt_good",
                          M.CHECK_IN: "feeling_fine", M.BETWEEN_STEPS: "next_step"},
    "resume":            {ANY: "resume", M.BETWEEN_STEPS: "next_step",
                          M.FEEL_CHECK: "routine_already_done"},
    "skip":              {ANY: "skip_step", M.FEEL_CHECK: "routine_already_done"},
    "previous":          {ANY: "go_back", M.FEEL_CHECK: "routine_already_done"},
    "repeat":            {ANY: "repeat_question", M.BETWEEN_STEPS: "repeat_step",
                          M.OFFER_RESUME: "repeat_step", M.SAFETY_SCREEN: "repeat_question",
                          M.SCREEN_CLEARED: "repeat_question", M.CHECK_IN: "repeat_question",
                          M.CONFIRM_DELETE: "repeat_question"},
    "start_over":        {ANY: "start_over"},
    "guide":             {ANY: "guide_single"},
    "wait":              {ANY: "wait_a_moment", M.SAFETY_SCREEN: "wait_a_moment",
                          M.SCREEN_CLEARED: "wait_a_moment", M.CHECK_IN: "wait_a_moment",
                          M.CONFIRM_DELETE: "wait_a_moment"},
    "pause":             {ANY: "pause_routine", M.CONFIRM_DELETE: "keep_everything"},
    "stop":              {ANY: "stop_routine", M.CONFIRM_DELETE: "keep_everything",
                          M.SAFETY_SCREEN: "goodbye", M.SCREEN_CLEARED: "goodbye",
                          M.CHECK_IN: "goodbye"},
    "done_for_today":    {ANY: "done_for_today", M.FEEL_CHECK: "felt_good",
                          M.CONFIRM_DELETE: "keep_everything", M.SAFETY_SCREEN: "goodbye",
                          M.SCREEN_CLEARED: "goodbye", M.CHECK_IN: "goodbye"},
    "home":              {ANY: "home"},
    "help":              {ANY: "help_here", M.SAFETY_SCREEN: "help_here",
                          M.SCREEN_CLEARED: "help_here", M.CHECK_IN: "help_here",
                          M.CONFIRM_DELETE: "help_here"},
    "fallback":          {ANY: "not_understood", M.SAFETY_SCREEN: "ask_again",
                          M.SCREEN_CLEARED: "ask_again", M.CHECK_IN: "ask_again",
                          M.CONFIRM_DELETE: "ask_again"},
    "pain":              {ANY: "report_pain", M.CHECK_IN: "still_hurts",
                          M.SAFETY_SCREEN: "report_pain", M.SCREEN_CLEARED: "report_pain",
                          M.CONFIRM_DELETE: "report_pain"},
    "todays_routine":    {ANY: "todays_routine"},
    "how_long":          {ANY: "how_long"},
    "explain":           {ANY: "explain_exercise"},
    "progress":          {ANY: "progress_summary"},
    "streak":            {ANY: "streak"},
    "session_count":     {ANY: "session_count"},
    "minutes":           {ANY: "minutes_practised"},
    "last_session":      {ANY: "last_session"},
    "program_week":      {ANY: "program_week"},
    "on_track":          {ANY: "on_track"},
    "where_left_off":    {ANY: "where_left_off"},
    "change_setting":    {ANY: "change_setting"},
    "settings_status":   {ANY: "settings_status"},
    "reset_settings":    {ANY: "reset_settings"},
    "short_routine":     {ANY: "short_routine"},
    "just_stretches":    {ANY: "just_stretches"},
    "make_easier":       {ANY: "make_easier"},
    "delete":            {ANY: "confirm_delete"},
    "session_ended":     {ANY: "session_ended"},
    # A screen's document finished speaking a step (Alexa.Presentation.APL.UserEvent).
    "step_end":          {ANY: "step_ended", M.SAFETY_SCREEN: "repeat_question",
                          M.SCREEN_CLEARED: "repeat_question", M.CHECK_IN: "repeat_question",
                          M.CONFIRM_DELETE: "repeat_question"},
}

# Rows that lead straight to exercise: a safety question due first is asked again.
LEADS_TO_EXERCISE = frozenset({"start_routine", "next", "resume", "skip", "previous",
                               "start_over", "guide", "short_routine", "just_stretches",
                               "feel_good"})
SAFETY_QUESTIONS = (M.SAFETY_SCREEN, M.SCREEN_CLEARED, M.CHECK_IN)


def behaviour_for(said: str, mode: Mode) -> str:
    """The name of what happens when ``said`` is heard in ``mode``."""
    row = TABLE.get(said, TABLE["fallback"])
    if mode in row:
        return row[mode]
    if mode in SAFETY_QUESTIONS:
        return "ask_again" if said in LEADS_TO_EXERCISE else f"lapse:{row[ANY]}"
    if mode is M.CONFIRM_DELETE:
        return f"cancel_delete:{row[ANY]}"
    return row[ANY]


def run(coach: Coach, name: str, said: Said) -> Outcome:
    """Carry out the behaviour ``name``; the column rules wrap the row's own behaviour."""
    _load_behaviours()
    rule, _, inner = name.partition(":")
    if not inner:
        return BEHAVIOURS[name](coach, said)
    if rule == "cancel_delete":
        coach.session = coach.next_session(mode=M.BETWEEN_STEPS if coach.session.in_routine
                                           else M.IDLE)
        outcome = BEHAVIOURS[inner](coach, said)
        if outcome.reply is not None:
            outcome.reply.speech = coach.say("delete_dropped").extend(outcome.reply.speech)
        return outcome
    # "lapse": the safety question is dropped; it is asked again before any exercise.
    coach.session = coach.next_session(mode=M.BETWEEN_STEPS if coach.session.in_routine
                                       else M.IDLE, pending=None)
    return BEHAVIOURS[inner](coach, said)


def every_cell() -> list[tuple[str, Mode, str]]:
    """The whole table, one ``(said, mode, behaviour)`` per cell, for reading and testing."""
    return [(said, mode, behaviour_for(said, mode)) for said in TABLE for mode in Mode]


def _load_behaviours() -> None:
    # The behaviour modules register themselves on import; importing them here, not at the
    # top, keeps this module the first thing a reader (and the import graph) meets.
    from skill.domain.dialogue import answers, navigation, preferences, safety  # noqa: F401
