"""Safety that follows through: the first-use questions, pain, and the check-in after it.

* Before anyone's first exercise, a short yes/no screen (pregnancy or a recent birth,
  recent surgery, heaviness or a bulge, a hernia). A "yes" points to a pelvic-floor
  physiotherapist first; only "passed" is remembered, never the answer itself.
* A pain report stops the session, names the red flags, and sends knee or back pain
  to a doctor or physiotherapist. It leaves only neutral coaching state behind: check
  in at the next start, a few gentle sessions, the exercise to ease.
* The next session of any kind that leads to exercise (a launch, a one-shot, a resume)
  first asks whether it still hurts. Still hurting: no exercise today. Fine: gently.
"""

from __future__ import annotations

from skill.domain.dialogue.flow import gentle_targets, keep_place, welcome_offer
from skill.domain.dialogue.state import Mode, Outcome, Pending, Said
from skill.domain.dialogue.talk import Talk
from skill.domain.exercises import REVERSE_KEGEL, exercise_name
from skill.domain.narration import step_exercise
from skill.domain.program import MAINTENANCE, PROGRAM_DAYS_PER_WEEK
from skill.domain.progress import (
    CheckedIn,
    NoticeHeard,
    PainReported,
    ReminderChanged,
)
from skill.domain.reminders import offered, should_offer_reminder
from skill.domain.routine import easier_version
from skill.domain.ssml import Speech
from skill.domain.words import n

# What a pain report names, by the kind of thing the user said.
URGENT = frozenset({"numbness", "control"})
PROMPT = frozenset({"emptying", "blood", "fever"})
JOINTS = frozenset({"knee", "back", "hip", "neck"})


def gate(c: Talk, pending: Pending) -> Outcome | None:
    """The safety question that must come before exercise, if one is due.

    The runner asks it, once, before any behaviour that leads to exercise; ``pending``
    is what was asked, heard again once the question is answered.
    """
    if not c.screened:
        return c.ask(c.say("screen_question"), Mode.SAFETY_SCREEN, pending=pending)
    if c.profile.check_in:
        return ask_check_in(c, c.say("check_in_lead"), pending)
    return None


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
        return welcome_offer(c, lead)
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


def ask_again(c: Talk, said: Said) -> Outcome:
    """Not an answer to a yes/no safety question: ask it again, in words."""
    return c.ask(c.say("answer_first").extend(c.reprompt(c.session)), c.session.mode)


def feeling_fine(c: Talk, said: Said) -> Outcome:
    c.changes.append(CheckedIn(fine=True))
    profile = c.profile
    lead = Speech()
    if _just_finished(c):
        # "Does it still hurt?" after a routine: no news about sessions still to come.
        lead.say(c.line("glad_fine"))
    elif profile.gentle_left > 0:
        eased = []
        for exercise in profile.eased:
            easier = easier_version(exercise)
            eased.append(c.line("eased_easier", name=exercise_name(exercise))
                         if easier else c.line("eased_left_out", name=exercise_name(exercise)))
        lead.say(c.line("going_gently", sessions=n(profile.gentle_left, "session")))
        lighter = gentle_targets(c)
        if lighter:
            lead.say(lighter)
        if eased:
            lead.say(" ".join(eased))
    else:
        lead.say(c.line("glad_fine"))
    return _carry_on(c, lead)


def _eased_exercise(c: Talk) -> str | None:
    """The stretch done just before the report, to be eased next time (never the Kegels)."""
    if c.session.mode is Mode.CHECK_IN and c.session.pending is not None:
        return None
    position = c.session.position
    if position is None or not (c.session.in_routine or c.session.mode is Mode.FEEL_CHECK):
        return None
    done = c.finished_before(position)
    if done is None:
        return None
    exercise = step_exercise(c.steps(position)[done])
    return None if exercise == REVERSE_KEGEL else exercise


def pain_answer(c: Talk, symptom: str | None, lead: str = "pain_stop") -> Speech:
    speech = c.say(lead)
    place = c.place()
    # "I've saved your place" only when there is a place to come back to.
    end = c.line("pain_end" if place is not None and c.upcoming(place) is not None
                 else "pain_end_done")
    if symptom in URGENT:
        return speech.say(c.line("pain_urgent")).say(end)
    if symptom in PROMPT:
        speech.say(c.line("pain_prompt"))
    elif symptom == "dizzy":
        speech.say(c.line("pain_dizzy"))
    elif symptom == "cramp":
        speech.say(c.line("pain_cramp"))
    elif symptom in JOINTS:
        speech.say(c.line("pain_joint", part=symptom))
    else:
        speech.say(c.line("pain_physio"))
    if symptom not in PROMPT:
        speech.say(c.line("red_flags"))
    return speech.say(end)


def report_pain(c: Talk, said: Said) -> Outcome:
    eased = _eased_exercise(c)
    # What was done before it hurt is practice, credited like any other ending (and
    # before the report, which makes only the sessions after it gentle).
    keep_place(c)
    c.changes.append(PainReported(eased))
    c.events.append("pain_stop")
    return c.end(pain_answer(c, said.value))


def still_hurts(c: Talk, said: Said) -> Outcome:
    c.events.append("pain_stop")
    speech = pain_answer(c, said.value, "still_hurts")
    return c.end(speech)


def ask_if_it_hurt(c: Talk, said: Said) -> Outcome:
    return ask_check_in(c, c.say("sorry_not_great"), None)


def week_up_due(c: Talk) -> bool:
    profile = c.profile
    return (profile.program_days >= PROGRAM_DAYS_PER_WEEK and profile.week < MAINTENANCE
            and profile.gentle_left == 0)


def felt_good(c: Talk, said: Said) -> Outcome:
    speech = c.say("glad_it_felt_good")
    if week_up_due(c):
        profile = c.profile
        speech.say(c.line("offer_week_up", days=PROGRAM_DAYS_PER_WEEK, week=profile.week,
                          next=profile.week + 1))
        return c.ask(speech, Mode.OFFER_WEEK_UP, position=None)
    if should_offer_reminder(c.profile, c.today):
        # Once, after the third completed session: stored as offered, so never again.
        c.changes.append(ReminderChanged(offered(c.profile, c.today)))
        speech.say(c.line("reminder_offer"))
        return c.ask(speech, Mode.OFFER_REMINDER, c.say("reminder_offer_reprompt"),
                     position=None)
    return c.end(speech.say(c.line("goodbye_after_routine")))


__all__ = ["ask_check_in", "gate", "pain_answer"]
