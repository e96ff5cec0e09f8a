"""The dialogue table: for everything a user can say, in every state, what happens.

Read it as a table: one row per thing said, a default behaviour, and the states where
something else happens. The state (``Mode``) is the question the last reply asked.
Every cell names a function, so a reader (and go-to-definition, mypy, a dead-code
tool) can follow any cell to its code. Two column rules apply to every row that does
not name its own behaviour for the state:

* a yes/no safety question (the first-use screen, "has a physio cleared you?", "does
  it still hurt?") is answered only by yes or no: anything that would lead to exercise
  gets the question again, in words; anything else is answered, and the question
  lapses (it is asked again before any exercise);
* the delete confirmation is answered only by yes or no: anything else cancels it,
  says so, and is then answered as if no question had been asked.

One rule applies to every cell whose behaviour leads to exercise
(:data:`LEADS_TO_EXERCISE`): the runner asks the safety question that is due first.

The behaviours live beside this module, by concern: :mod:`.navigation` (moving
through a routine and leaving), :mod:`.answers` (questions and progress),
:mod:`.safety` (screen, pain, check-in), :mod:`.preferences` (settings, program) and
:mod:`.reminders` (the daily reminder and the minutes question).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from skill.domain.dialogue import answers as a
from skill.domain.dialogue import navigation as nav
from skill.domain.dialogue import preferences as pref
from skill.domain.dialogue import reminders as r
from skill.domain.dialogue import safety as s
from skill.domain.dialogue.state import Mode, Outcome, Said
from skill.domain.dialogue.talk import Talk

Behaviour = Callable[[Talk, Said], Outcome]


class Rule(Enum):
    """How a column rule wraps a row's own behaviour in a state that asked something."""

    NONE = "none"
    LAPSE = "lapse"                   # the safety question is dropped, then the row's answer
    CANCEL_DELETE = "cancel_delete"   # "I've not deleted anything", then the row's answer


@dataclass(frozen=True)
class Cell:
    behaviour: Behaviour
    rule: Rule = Rule.NONE

    @property
    def name(self) -> str:
        prefix = "" if self.rule is Rule.NONE else f"{self.rule.value}:"
        return prefix + self.behaviour.__name__


M = Mode
ANY = "*"

# said                   default                 the states where it means something else
TABLE: dict[str, dict[Mode | str, Behaviour]] = {
    "launch":            {ANY: nav.welcome},
    "start_routine":     {ANY: nav.start_daily, M.BETWEEN_STEPS: nav.next_step,
                          M.OFFER_START: nav.start_offered, M.OFFER_RESUME: nav.resume},
    "next":              {ANY: nav.next_step, M.OFFER_START: nav.start_offered,
                          M.OFFER_RESUME: nav.resume, M.FEEL_CHECK: nav.routine_already_done},
    "yes":               {ANY: a.what_would_you_like, M.OFFER_START: nav.start_offered,
                          M.OFFER_RESUME: nav.resume, M.BETWEEN_STEPS: nav.next_step,
                          M.CONFIRM_DELETE: a.delete_everything,
                          M.SAFETY_SCREEN: s.screen_says_see_physio,
                          M.SCREEN_CLEARED: s.cleared_by_physio, M.CHECK_IN: s.still_hurts,
                          M.FEEL_CHECK: s.felt_good, M.OFFER_WEEK_UP: pref.move_up_a_week,
                          M.OFFER_REMINDER: r.ask_reminder_time,
                          M.MINUTES_QUESTION: nav.repeat_question,
                          M.REMINDER_TIME: nav.repeat_question,
                          M.REMINDER_CHANGE: nav.repeat_question,
                          M.REMINDER_CANCEL: r.cancel_confirmed,
                          M.DOCTOR_CHECKED: s.doctor_has_checked, M.RESCREEN: s.something_changed,
                          M.EASE_BACK: s.ease_back_in},
    "no":                {ANY: nav.goodbye, M.OFFER_START: nav.decline_start,
                          M.OFFER_RESUME: nav.decline_resume,
                          M.BETWEEN_STEPS: nav.take_your_time,
                          M.CONFIRM_DELETE: a.keep_everything, M.SAFETY_SCREEN: s.screen_passed,
                          M.SCREEN_CLEARED: s.not_cleared_yet, M.CHECK_IN: s.feeling_fine,
                          M.FEEL_CHECK: s.ask_if_it_hurt, M.OFFER_WEEK_UP: pref.stay_at_week,
                          M.OFFER_REMINDER: pref.no_reminder,
                          M.MINUTES_QUESTION: r.no_short_routine,
                          M.REMINDER_TIME: r.no_reminder_time,
                          M.REMINDER_CHANGE: r.no_new_time,
                          M.REMINDER_CANCEL: r.keep_reminder,
                          M.DOCTOR_CHECKED: s.not_checked_yet, M.RESCREEN: s.nothing_changed,
                          M.EASE_BACK: s.carry_on_as_before},
    # "I'm good" / "no, it's fine" to "shall we start?" may be a yes or a polite no:
    # the question is asked again, never replaced by a menu.
    "feel_good":         {ANY: a.what_would_you_like, M.FEEL_CHECK: s.felt_good,
                          M.CHECK_IN: s.feeling_fine, M.BETWEEN_STEPS: nav.next_step,
                          M.OFFER_START: s.ask_again, M.OFFER_RESUME: s.ask_again,
                          M.OFFER_WEEK_UP: s.ask_again, M.OFFER_REMINDER: s.ask_again},
    # issue 16: "I'm pregnant", "I had a hip replacement": a condition the screen asks about.
    "condition":         {ANY: s.condition_mentioned, M.SAFETY_SCREEN: s.screen_says_see_physio,
                          M.RESCREEN: s.something_changed, M.SCREEN_CLEARED: s.ask_again},
    "resume":            {ANY: nav.resume, M.BETWEEN_STEPS: nav.next_step,
                          M.FEEL_CHECK: nav.routine_already_done},
    "skip":              {ANY: nav.skip_step, M.FEEL_CHECK: nav.routine_already_done},
    "previous":          {ANY: nav.go_back, M.FEEL_CHECK: nav.routine_already_done},
    "repeat":            {ANY: nav.repeat_question, M.BETWEEN_STEPS: nav.repeat_step,
                          M.OFFER_RESUME: nav.repeat_step,
                          M.SAFETY_SCREEN: nav.repeat_question,
                          M.SCREEN_CLEARED: nav.repeat_question,
                          M.CHECK_IN: nav.repeat_question,
                          M.CONFIRM_DELETE: nav.repeat_question},
    "start_over":        {ANY: nav.start_over},
    "guide":             {ANY: nav.guide_single},
    # "guide me through the splits": an exercise the skill does not have (see Coach).
    "unknown_exercise":  {ANY: a.exercise_menu},
    "wait":              {ANY: nav.wait_a_moment, M.SAFETY_SCREEN: nav.wait_a_moment,
                          M.SCREEN_CLEARED: nav.wait_a_moment, M.CHECK_IN: nav.wait_a_moment,
                          M.CONFIRM_DELETE: nav.wait_a_moment},
    "pause":             {ANY: nav.pause_routine, M.CONFIRM_DELETE: a.keep_everything},
    "stop":              {ANY: nav.stop_routine, M.CONFIRM_DELETE: a.keep_everything,
                          M.SAFETY_SCREEN: nav.goodbye, M.SCREEN_CLEARED: nav.goodbye,
                          M.CHECK_IN: nav.goodbye},
    "done_for_today":    {ANY: nav.done_for_today, M.FEEL_CHECK: s.felt_good,
                          M.CONFIRM_DELETE: a.keep_everything, M.SAFETY_SCREEN: nav.goodbye,
                          M.SCREEN_CLEARED: nav.goodbye, M.CHECK_IN: nav.goodbye},
    "home":              {ANY: nav.home},
    "help":              {ANY: a.help_here, M.SAFETY_SCREEN: a.help_here,
                          M.SCREEN_CLEARED: a.help_here, M.CHECK_IN: a.help_here,
                          M.CONFIRM_DELETE: a.help_here},
    "fallback":          {ANY: a.not_understood, M.SAFETY_SCREEN: s.ask_again,
                          M.SCREEN_CLEARED: s.ask_again, M.CHECK_IN: s.ask_again,
                          M.CONFIRM_DELETE: s.ask_again},
    "pain":              {ANY: s.report_pain, M.CHECK_IN: s.still_hurts,
                          M.SAFETY_SCREEN: s.report_pain, M.SCREEN_CLEARED: s.report_pain,
                          M.CONFIRM_DELETE: s.report_pain, M.DOCTOR_CHECKED: s.report_pain,
                          M.RESCREEN: s.report_pain, M.EASE_BACK: s.report_pain},
    "todays_routine":    {ANY: a.todays_routine},
    "how_long":          {ANY: a.how_long},
    "explain":           {ANY: a.explain_exercise},
    "progress":          {ANY: a.progress_summary},
    "streak":            {ANY: a.streak},
    "session_count":     {ANY: a.session_count},
    "minutes":           {ANY: a.minutes_practised},
    "last_session":      {ANY: a.last_session},
    "program_week":      {ANY: a.program_week},
    "on_track":          {ANY: a.on_track},
    "where_left_off":    {ANY: a.where_left_off},
    "change_setting":    {ANY: pref.change_setting},
    "settings_status":   {ANY: pref.settings_status},
    "reset_settings":    {ANY: pref.reset_settings},
    "short_routine":     {ANY: pref.short_routine, M.REMINDER_TIME: r.hour_unclear,
                          M.REMINDER_CHANGE: r.hour_unclear},
    "just_stretches":    {ANY: pref.just_stretches},
    "make_easier":       {ANY: pref.make_easier},
    "delete":            {ANY: a.confirm_delete},
    # The daily reminder (Said.value is the time as Alexa resolved it: "07:00", "EV"; or
    # "later"/"earlier" with Said.number minutes). A bare "five" to "how many minutes?"
    # that Alexa hears as five o'clock means five minutes.
    "set_reminder":      {ANY: r.set_reminder, M.MINUTES_QUESTION: r.minutes_from_time,
                          M.REMINDER_CHANGE: r.change_reminder},
    "change_reminder":   {ANY: r.change_reminder, M.MINUTES_QUESTION: r.minutes_from_time},
    "reminder_status":   {ANY: r.reminder_status},
    "cancel_reminder":   {ANY: r.cancel_reminder},
    # Alexa's answer to its reminders permission prompt (a Connections.Response).
    "consent":           {ANY: r.consent_answered},
    "session_ended":     {ANY: nav.session_ended},
    # A screen's document finished speaking a step (Alexa.Presentation.APL.UserEvent).
    "step_end":          {ANY: nav.step_ended, M.SAFETY_SCREEN: nav.repeat_question,
                          M.SCREEN_CLEARED: nav.repeat_question,
                          M.CHECK_IN: nav.repeat_question,
                          M.CONFIRM_DELETE: nav.repeat_question},
}

# issue 16: the newer safety questions (a doctor's check, "has anything changed?", easing
# back in) answer help, repeat, wait, silence, stop and the rest as the check-in does.
for _said in ("repeat", "wait", "stop", "done_for_today", "help", "fallback", "step_end"):
    for _mode in (M.DOCTOR_CHECKED, M.RESCREEN, M.EASE_BACK):
        TABLE[_said][_mode] = TABLE[_said][M.CHECK_IN]

# Rows that would lead straight to exercise: inside a safety question they get the
# question again rather than letting it lapse.
EXERCISE_ROWS = frozenset({"start_routine", "next", "resume", "skip", "previous",
                           "start_over", "guide", "short_routine", "just_stretches",
                           "feel_good"})
SAFETY_QUESTIONS = (M.SAFETY_SCREEN, M.SCREEN_CLEARED, M.CHECK_IN, M.DOCTOR_CHECKED,
                    M.RESCREEN, M.EASE_BACK)

# Behaviours that may begin or carry on exercise: the runner asks the safety question
# that is due before any of them, in one place, whatever row or state led there.
LEADS_TO_EXERCISE: frozenset[Behaviour] = frozenset({
    nav.start_daily, nav.start_offered, nav.resume, nav.next_step, nav.start_over,
    nav.guide_single, nav.repeat_step, nav.skip_step,
})


def cell_for(said: str, mode: Mode) -> Cell:
    """What happens when ``said`` is heard in ``mode``."""
    row = TABLE.get(said, TABLE["fallback"])
    if mode in row:
        return Cell(row[mode])
    if mode in SAFETY_QUESTIONS:
        return Cell(s.ask_again) if said in EXERCISE_ROWS else Cell(row[ANY], Rule.LAPSE)
    if mode is M.CONFIRM_DELETE:
        return Cell(row[ANY], Rule.CANCEL_DELETE)
    return Cell(row[ANY])


def every_cell() -> list[tuple[str, Mode, Cell]]:
    """The whole table, one ``(said, mode, cell)`` per cell, for reading and testing."""
    return [(said, mode, cell_for(said, mode)) for said in TABLE for mode in Mode]


__all__ = ["ANY", "LEADS_TO_EXERCISE", "TABLE", "Behaviour", "Cell", "Rule", "cell_for",
           "every_cell"]
