"""Safety that follows through: the screen, what a report leads to, and coming back.

* Before anyone's first exercise, a short yes/no screen (pregnancy or a recent birth,
  recent surgery, heaviness or a bulge, a hernia, persistent pelvic pain or bladder,
  bowel or sexual symptoms, a hip or knee injury), with the source's "talk with your
  doctor before starting a new exercise programme". A "yes", in the user's own words
  ("I'm pregnant") too, points to a pelvic-floor physiotherapist first. It is asked
  again, briefly ("has anything changed?"), every three months and after a break of a
  month. Only "passed" and its day are remembered, never an answer.
* A report is answered as a pelvic-health physiotherapist would triage it: red flags
  (numbness in the groin or saddle, a new loss of bladder or bowel control, trouble
  emptying, bleeding, fever, chest pain, fainting) to a doctor, promptly or urgently,
  and no exercise until the user says a doctor has checked them (asked, in neutral
  words, at the start of every later session that leads to exercise); leakage, pelvic
  pain, pain during sex, cramps and tightness to a pelvic-floor physiotherapist, not
  urgently; a joint eases every exercise that loads it (see ``eases`` in the content).
  Only neutral coaching state is stored: check in next time, ask about a doctor first,
  a few gentle sessions, the exercises to ease. Never the symptom, never a date.
* The next session that leads to exercise first checks in ("is it still bothering
  you?"). Still: no exercise today. Fine: gently, told once what changes.
* Back after a week or more away: an offer to ease back in (the week before, gently);
  after a month, to restart at week 1 or 2. Only with the user's yes.
"""

from __future__ import annotations

from datetime import date

from skill.domain.dialogue.flow import gentle_targets, keep_place, welcome_offer, with_card
from skill.domain.dialogue.state import Mode, Outcome, Pending, Said
from skill.domain.dialogue.talk import ROUTINE_PLANS, Talk
from skill.domain.exercises import REVERSE_KEGEL, exercise_name
from skill.domain.narration import lighter_words, step_exercise
from skill.domain.program import MAINTENANCE, PROGRAM_DAYS_PER_WEEK, week_plan
from skill.domain.progress import (
    GENTLE_SESSIONS,
    CheckedIn,
    DoctorChecked,
    GentleChosen,
    NoticeHeard,
    PainReported,
    ProgramWeekSet,
    ReminderChanged,
)
from skill.domain.reminders import offered, should_offer_reminder
from skill.domain.routine import eased_form, region_eases, release_targets
from skill.domain.ssml import Speech

# How a pelvic-health physiotherapist would triage what the user reported (Symptom ids).
URGENT = frozenset({"numbness", "control", "chest", "faint"})
PROMPT = frozenset({"emptying", "blood", "fever"})
RED_FLAGS = URGENT | PROMPT
PHYSIO = frozenset({"leaking", "pelvic", "sex", "cramp", "tight"})
JOINTS = frozenset({"knee", "back", "hip", "groin", "neck"})
# What to do, and who to see how soon, for each report with advice of its own.
ADVICE = {"numbness": "pain_urgent", "control": "pain_urgent", "chest": "pain_chest",
          "faint": "pain_faint", "emptying": "pain_prompt", "blood": "pain_prompt",
          "fever": "pain_prompt", "dizzy": "pain_dizzy", "leaking": "pain_leaking",
          "pelvic": "pain_pelvic", "sex": "pain_sex", "cramp": "pain_cramp",
          "tight": "pain_tight"}
# Reports after which "don't carry on while it hurts" fits.
HURTS = JOINTS | frozenset({"pelvic", "sex", "tight", "pain"})
RESCREEN_DAYS = 91        # about three months
PROGRESSION_TIP_AT = (8, 20)  # sessions after which the source's progression is suggested
LONG_BREAK_DAYS = 30      # a month away: screen again, and offer to restart at week 1 or 2
EASE_BACK_DAYS = 7        # a week away: offer to ease back in


def gate(c: Talk, pending: Pending) -> Outcome | None:
    """The safety question that must come before exercise, if one is due.

    The runner asks it, once, before any behaviour that leads to exercise; ``pending``
    is what was asked, heard again once the question is answered.
    """
    if not c.screened:
        # issue-18: with the profile unreachable it may not be their first exercise at all.
        key = "screen_question_unknown" if c.ctx.profile_unknown else "screen_question"
        return c.ask(c.say(key), Mode.SAFETY_SCREEN, pending=pending)
    return _question_due(c, Speech(), pending)


def welcome_question(c: Talk) -> Outcome | None:
    """At a launch: the safety question due before anything is offered, with a welcome."""
    if not c.screened:
        return None
    return _question_due(c, c.say("welcome_back"), None)


def _question_due(c: Talk, lead: Speech, pending: Pending | None) -> Outcome | None:
    profile = c.profile
    if rescreen_due(c):
        return c.ask(lead.say(c.line("rescreen_question")), Mode.RESCREEN, pending=pending)
    if profile.see_doctor_first:
        return c.ask(lead.say(c.line("doctor_question")), Mode.DOCTOR_CHECKED,
                     pending=pending)
    if profile.check_in:
        return ask_check_in(c, lead.say(c.line("check_in_lead")), pending)
    return _ease_back_offer(c, lead, pending)


def _days_away(c: Talk) -> int:
    last = c.profile.last_practice_on
    return (c.today - date.fromisoformat(last)).days if last else 0


def rescreen_due(c: Talk) -> bool:
    """Every three months, and after a break of a month, the screen is asked again."""
    profile = c.profile
    if c.session.screened or not profile.safety_notice_heard:
        return False
    screened_on = profile.screened_on or profile.first_seen_on
    since = (c.today - date.fromisoformat(screened_on)).days if screened_on else 0
    return since >= RESCREEN_DAYS or (_days_away(c) >= LONG_BREAK_DAYS
                                      and since >= LONG_BREAK_DAYS)


def ask_check_in(c: Talk, lead: Speech, pending: Pending | None) -> Outcome:
    lead.say(c.line("check_in_question"))
    return c.ask(lead, Mode.CHECK_IN, pending=pending)


def _just_finished(c: Talk) -> bool:
    """The check-in follows a routine finished in this session ("how did that feel?")."""
    position = c.session.position
    return c.session.pending is None and position is not None and c.upcoming(position) is None


def _carry_on(c: Talk, lead: Speech) -> Outcome:
    """The question is answered: on to what was asked before it, or to today's offer.

    What was asked is heard again by the runner, in the state it was said in, after
    ``lead``; so this module never needs to know what leads to exercise.
    """
    pending = c.session.pending
    c.session = c.next_session(pending=None)
    if pending is None and _just_finished(c):
        # Asked after a routine just finished: never offer the whole routine again.
        return c.end(lead.say(c.line("goodbye_after_routine")))
    if pending is None:
        # At a launch: another question may still be due (a check-in after the screen).
        due = _question_due(c, lead, None)
        return due if due is not None else welcome_offer(c, lead)
    due = _question_due(c, lead, pending)
    if due is not None:
        return due
    outcome = c.end(lead) if lead.parts else c.end(None)
    outcome.then = pending
    return outcome


def screen_passed(c: Talk, said: Said) -> Outcome:
    c.changes.append(NoticeHeard(c.today.isoformat()))
    c.session = c.next_session(screened=True)
    return _carry_on(c, c.say("screen_thanks"))


def screen_says_see_physio(c: Talk, said: Said) -> Outcome:
    return c.ask(c.say("screen_see_physio"), Mode.SCREEN_CLEARED)


def cleared_by_physio(c: Talk, said: Said) -> Outcome:
    return screen_passed(c, said)


def not_cleared_yet(c: Talk, said: Said) -> Outcome:
    return c.end(c.say("screen_wait_for_physio"))


def condition_mentioned(c: Talk, said: Said) -> Outcome:
    """"I'm pregnant", "I had surgery" outside the screen (the screen's own row takes it as
    a yes): see a pelvic floor physiotherapist before going on. What was done is credited
    and the place kept, as for any ending; nothing about the condition is stored."""
    kept = keep_place(c)
    place = c.place()
    resumable = place is not None and place.plan in ROUTINE_PLANS and c.upcoming(place) is not None
    speech = c.say("condition_advice").say(
        c.line("condition_end_kept" if resumable else "condition_end"))
    return with_card(c.end(speech), kept)


def something_changed(c: Talk, said: Said) -> Outcome:
    return screen_says_see_physio(c, said)


def nothing_changed(c: Talk, said: Said) -> Outcome:
    return screen_passed(c, said)


def ask_again(c: Talk, said: Said) -> Outcome:
    """Not an answer to a yes/no safety question: ask it again, in words. To the screen,
    words that are not a yes or a no ("well, I'm pregnant") may well mean yes: say so."""
    key = "screen_answer_first" if c.session.mode in (Mode.SAFETY_SCREEN, Mode.RESCREEN) \
        else "answer_first"
    return c.ask_again(c.say(key))


def _going_gently(c: Talk, lead: Speech) -> Speech:
    """What a gentle session changes, told once and plainly: targets and eased stretches."""
    profile = c.profile
    lead.say(c.line("going_gently", sessions=c.count(profile.gentle_left, "session"),
                    change=gentle_targets(c)))
    eased = frozenset(profile.eased)
    easier, left_out = [], []
    # What changes in this user's routine: the stretches of their week that are eased.
    for stretch_id in week_plan(profile.week).stretch_ids:
        if stretch_id not in eased:
            continue
        form = eased_form(stretch_id, eased)
        if form is None:
            left_out.append(c.definite(exercise_name(stretch_id)))
        elif form != stretch_id:
            easier.append((exercise_name(stretch_id), exercise_name(form)))
    if left_out:
        lead.say(c.line("eased_left_out", names=c.join(left_out)))
    for name, form_name in easier:
        lead.say(c.line("eased_easier", name=name, easier=form_name))
    return lead


def feeling_fine(c: Talk, said: Said) -> Outcome:
    c.changes.append(CheckedIn(fine=True))
    lead = c.say("glad_fine")
    if c.profile.gentle_left > 0 and not _just_finished(c):
        # ("Does it still hurt?" after a routine: no news about sessions still to come.)
        _going_gently(c, lead)
    return _carry_on(c, lead)


def doctor_has_checked(c: Talk, said: Said) -> Outcome:
    c.changes.append(DoctorChecked())
    lead = c.say("doctor_checked_thanks")
    if c.profile.gentle_left > 0:
        _going_gently(c, lead)
    return _carry_on(c, lead)


def not_checked_yet(c: Talk, said: Said) -> Outcome:
    return c.end(c.say("doctor_first"))


def _ease_back_offer(c: Talk, lead: Speech, pending: Pending | None) -> Outcome | None:
    """After a week or more away, offer to ease back in; after a month, to restart."""
    profile, days = c.profile, _days_away(c)
    if c.session.welcomed_back or days < EASE_BACK_DAYS or profile.gentle_left > 0:
        return None
    week = profile.week
    if days >= LONG_BREAK_DAYS and week > 1:
        target = 1 if week <= 3 else 2
        lead.say(c.line("offer_restart", days=days, week=target))
    else:
        target = week - 1 if 1 < week < MAINTENANCE else week
        settings = profile.settings
        change = lighter_words(release_targets(week, settings),
                               release_targets(target, settings, True))
        lead.say(c.line("offer_ease_back", days=days, change=change))
    return c.ask(lead, Mode.EASE_BACK, pending=pending)


def ease_back_in(c: Talk, said: Said) -> Outcome:
    profile, days = c.profile, _days_away(c)
    week = profile.week
    if days >= LONG_BREAK_DAYS and week > 1:
        target = 1 if week <= 3 else 2
        c.changes.append(ProgramWeekSet(target))
        lead = c.say("restarted", week=target)
    else:
        target = week - 1 if 1 < week < MAINTENANCE else week
        if target != week:
            c.changes.append(ProgramWeekSet(target))
        c.changes.append(GentleChosen())
        lead = c.say("easing_back", sessions=c.count(GENTLE_SESSIONS, "session"))
    c.session = c.next_session(welcomed_back=True)
    return _carry_on(c, lead)


def carry_on_as_before(c: Talk, said: Said) -> Outcome:
    c.session = c.next_session(welcomed_back=True)
    return _carry_on(c, c.say("as_before"))


def _eased_exercise(c: Talk) -> str | None:
    """The stretch done just before the report, to be eased next time (never the Kegels)."""
    if c.session.mode in (Mode.CHECK_IN, Mode.DOCTOR_CHECKED) and c.session.pending is not None:
        return None
    position = c.session.position
    if position is None or not (c.session.in_routine or c.session.mode is Mode.FEEL_CHECK):
        return None
    done = c.finished_before(position)
    if done is None:
        return None
    exercise = step_exercise(c.steps(position)[done])
    return None if exercise == REVERSE_KEGEL else exercise


def _exercising(c: Talk) -> bool:
    """Whether an exercise is under way, or just done: only then "stop the exercise"."""
    return c.session.in_routine or c.session.mode is Mode.FEEL_CHECK


def pain_answer(c: Talk, symptom: str | None, lead: str | None = None) -> Speech:
    """The reply that fits the report: what to do now, who to see and how soon, and
    what happens next time. Red flags go to a doctor and say so; nothing else does."""
    # An emergency is said first; "I'm sorry to hear that" would only delay it.
    if lead is None and symptom in URGENT and not _exercising(c):
        speech = Speech()
    else:
        speech = c.say(lead or ("pain_stop" if _exercising(c) else "pain_heard"))
    place = c.place()
    kept = place is not None and place.plan in ROUTINE_PLANS and c.upcoming(place) is not None
    if symptom in RED_FLAGS:
        speech.say(c.line(ADVICE[symptom]))
        return speech.say(c.line("doctor_end_kept" if kept else "doctor_end"))
    if symptom in ADVICE:
        speech.say(c.line(ADVICE[symptom]))
    elif symptom in JOINTS:
        part = c.language.word("body_part", symptom)  # issue-17: the language's word
        speech.say(c.line("pain_joint", part=part))
        if region_eases(symptom):
            speech.say(c.line("joint_eased", part=part))
    else:
        speech.say(c.line("pain_physio"))
    speech.say(c.line("red_flags"))
    if symptom in HURTS or symptom is None:
        speech.say(c.line("pain_end" if kept else "pain_end_done"))
    else:
        speech.say(c.line("check_in_end_kept" if kept else "check_in_end"))
    return speech


def _reported(c: Talk, symptom: str | None, eased: str | None = None) -> None:
    # The stretch just done is eased only when what was reported is a pain or a cramp in it,
    # not a leak, a dizzy spell or a red flag.
    hurt = symptom is None or symptom in HURTS or symptom == "cramp"
    c.changes.append(PainReported(eased if hurt else None, region_eases(symptom),
                                  see_doctor=symptom in RED_FLAGS))


def report_pain(c: Talk, said: Said) -> Outcome:
    symptom = said.value
    if c.session.mode in (Mode.SAFETY_SCREEN, Mode.RESCREEN) and symptom not in RED_FLAGS:
        # "I have pelvic pain", "my knee is injured": a yes to the screen's own question.
        return screen_says_see_physio(c, said)
    eased = _eased_exercise(c)
    # What was done before it hurt is practice, credited like any other ending (and
    # before the report, which makes only the sessions after it gentle).
    keep_place(c)
    _reported(c, symptom, eased)
    c.events.append("pain_stop")
    return c.end(pain_answer(c, symptom))


def still_hurts(c: Talk, said: Said) -> Outcome:
    c.events.append("pain_stop")
    if said.value is not None:
        _reported(c, said.value, _eased_exercise(c))
    return c.end(pain_answer(c, said.value, "still_hurts"))


def ask_if_it_hurt(c: Talk, said: Said) -> Outcome:
    return ask_check_in(c, c.say("sorry_not_great"), None)


def week_up_due(c: Talk) -> bool:
    profile = c.profile
    return (profile.program_days >= PROGRAM_DAYS_PER_WEEK and profile.week < MAINTENANCE
            and profile.gentle_left == 0)


def felt_good(c: Talk, said: Said) -> Outcome:
    speech = c.say("glad_it_felt_good")
    if c.profile.sessions in PROGRESSION_TIP_AT:
        # The source's progression, as a suggestion, twice ever: never a nag.
        speech.say(c.line("progression_tip"))
    if week_up_due(c):
        profile = c.profile
        # issue 16: after week 4 comes the maintenance routine, never "week 5".
        key = "offer_maintenance" if profile.week + 1 >= MAINTENANCE else "offer_week_up"
        speech.say(c.line(key, days=PROGRAM_DAYS_PER_WEEK, week=profile.week,
                          next=profile.week + 1))
        return c.ask(speech, Mode.OFFER_WEEK_UP, position=None)
    if should_offer_reminder(c.profile, c.today):
        # Once, after the third completed session: stored as offered, so never again.
        c.changes.append(ReminderChanged(offered(c.profile, c.today)))
        speech.say(c.line("reminder_offer"))
        return c.ask(speech, Mode.OFFER_REMINDER, c.say("reminder_offer_reprompt"),
                     position=None)
    return c.end(speech.say(c.line("goodbye_after_routine")))


__all__ = ["ask_check_in", "gate", "pain_answer", "welcome_question"]
