"""Moving through a routine: begin, next, skip, back, repeat, resume, leave.

The behaviours here are named by the dialogue table. They share the moves in
:mod:`.flow` (deliver a step, finish, offer): a step is done once its narration has
been delivered, and the place kept is the step to come.
"""

from __future__ import annotations

from dataclasses import replace

from skill.domain.content import phrases_data
from skill.domain.dialogue.answers import exercise_menu
from skill.domain.dialogue.flow import (
    Start,
    closing,
    deliver,
    keep_place,
    offer_resume,
    offer_start,
    start_plan,
    welcome_offer,
    with_card,
)
from skill.domain.dialogue.safety import welcome_question
from skill.domain.dialogue.state import Mode, Outcome, Said
from skill.domain.dialogue.talk import ROUTINE_PLANS, Talk
from skill.domain.exercises import REVERSE_KEGEL, exercise_ids, exercise_name
from skill.domain.narration import step_exercise
from skill.domain.progress import PositionSet
from skill.domain.routine import DAILY, eased_form
from skill.domain.ssml import Speech

WAIT_SECONDS = 45


def step_ended(c: Talk, said: Said) -> Outcome:
    """A screen finished speaking a step's cues (the adapter checked it was this step's).

    What voice alone says at the end of the narration, a screen says once the cues are
    done: the next step, straight away, when the user lets the coach move on by itself;
    otherwise "say next when you're ready", and after the last step, how it felt.
    """
    position = c.session.position
    if c.session.mode is Mode.BETWEEN_STEPS and c.session.in_routine and position is not None:
        if c.profile.settings.auto_advance:
            return next_step(c, said)
        index = c.upcoming(position)
        if index is not None:
            return c.ask(c.say("step_done", next=c.title(position, index)),
                         Mode.BETWEEN_STEPS)
    if c.session.mode is Mode.FEEL_CHECK and position is not None:
        today = c.profile.daily.get(c.today.isoformat(), [0, 0])
        minutes = max(1, round(position.seconds_done / 60))
        return c.ask(closing(c, minutes, today[0] == 1), Mode.FEEL_CHECK)
    return repeat_question(c, said)


# ---------------------------------------------------------------------- entering


def welcome(c: Talk, said: Said) -> Outcome:
    profile = c.ctx.profile
    # issue 16: a check-in, a doctor's check, "has anything changed?" or easing back in.
    due = welcome_question(c)
    if due is not None:
        return due
    if c.ctx.profile_unknown:
        # issue-18: nothing known of them, so neither "welcome back" nor first use.
        lead = c.say("welcome_unknown")
    elif profile.safety_notice_heard or profile.sessions:
        lead = c.say("welcome_back")
    else:
        lead = c.say("welcome_first").extend(c.say("disclaimer"))
    return welcome_offer(c, lead)


def start_daily(c: Talk, said: Said) -> Outcome:
    position = c.place()
    recent = position is not None and position.plan in ROUTINE_PLANS \
        and c.upcoming(position) is not None and not c.is_stale(position)
    if recent and position is not None:
        return offer_resume(c, Speech(), position, in_progress=True)
    return start_plan(c, Start(DAILY))


def start_offered(c: Talk, said: Said) -> Outcome:
    offer = c.session.offer
    return start_plan(c, Start(offer.plan, offer.minutes) if offer else Start(DAILY))


def resume(c: Talk, said: Said) -> Outcome:
    position = c.place()
    if position is None or c.upcoming(position) is None:
        # issue-18: with the profile unreachable, no place is known, not "none".
        return offer_start(c, c.say("place_unreachable" if c.ctx.profile_unknown
                                    else "nothing_to_resume"))
    return start_plan(c, Start(position.plan, position.minutes, resume=True))


def next_step(c: Talk, said: Said) -> Outcome:
    position = c.session.position
    if c.session.in_routine and position is not None:
        return deliver(c, position, Speech())
    return resume(c, said)


def start_over(c: Talk, said: Said) -> Outcome:
    position = c.place()
    if position is None:
        return start_plan(c, Start(DAILY))
    restarted = replace(position, step=0, skipped=())
    return deliver(c, restarted, c.say("starting_over"))


def guide_single(c: Talk, said: Said) -> Outcome:
    exercise = said.exercise
    if exercise is None or exercise not in exercise_ids():
        # The runner hears an unknown exercise as "unknown_exercise"; kept for direct calls.
        return exercise_menu(c, said)
    if exercise in c.profile.eased and c.profile.gentle_left > 0:
        # Eased after a pain report: its easier version, or not today, and said so; an
        # easier version that loads the same sore spot is left out too (issue 16).
        easier = eased_form(exercise, frozenset(c.profile.eased))
        if easier is None:
            return offer_start(c, c.say("eased_single_left_out", name=exercise_name(exercise),
                                        sessions=c.count(c.profile.gentle_left, "session")))
        lead = c.say("eased_single_easier", name=exercise_name(exercise),
                     easier=exercise_name(easier))
        return start_plan(c, Start(easier), lead)
    lead = Speech()
    if exercise == REVERSE_KEGEL and said.heard and "reverse" not in said.heard.lower():
        lead.say(c.line("kegel_is_release"))
    lead.say(c.line("starting_single", name=c.plan_name(exercise)))
    if c.session.in_routine and c.session.position is not None \
            and c.session.position.plan in ROUTINE_PLANS:
        # A detour: the routine waits, and carries on when the single exercise is done.
        c.session = c.next_session(held=c.session.position)
    return start_plan(c, Start(exercise), lead)


# ---------------------------------------------------------------------- moving


def skip_step(c: Talk, said: Said) -> Outcome:
    position = c.session.position if c.session.in_routine else c.place()
    if position is None or c.upcoming(position) is None:
        return c.ask(c.say("nothing_to_skip"), c.session.mode)
    index = c.upcoming(position)
    assert index is not None
    steps = c.steps(position)
    target = said.exercise
    upcoming_exercise = step_exercise(steps[index])
    if target is not None and target != upcoming_exercise:
        if target not in {step_exercise(s) for s in steps[index:]}:
            return c.ask(c.say("not_in_routine", name=exercise_name(target),
                               next=c.title(position, index)), c.session.mode)
        later = replace(position, skipped=(*position.skipped, target))
        if later.plan in ROUTINE_PLANS:
            c.changes.append(PositionSet(later))
        return c.ask(c.say("will_leave_out", name=exercise_name(target),
                           next=c.title(position, index)), c.session.mode, position=later)
    skipped = replace(position, skipped=(*position.skipped, upcoming_exercise))
    lead = c.say("skipping", step=c.title(position, index))
    if c.session.in_routine:
        return deliver(c, skipped, lead)
    # Skipping from an offer to carry on: the place moves past the step, then carry on.
    c.session = c.next_session(position=skipped)
    if skipped.plan in ROUTINE_PLANS:
        c.changes.append(PositionSet(skipped))
    return start_plan(c, Start(skipped.plan, skipped.minutes, resume=True), lead)


def go_back(c: Talk, said: Said) -> Outcome:
    position = c.session.position if c.session.in_routine else c.place()
    if position is None:
        return c.ask(c.say("nothing_to_go_back_to"), c.session.mode)
    done = c.finished_before(position)
    if done is None:
        index = c.upcoming(position)
        return c.ask(c.say("at_the_start", next=c.title(position, index or 0)),
                     c.session.mode)
    back = replace(position, step=done)
    if back.plan in ROUTINE_PLANS:
        c.changes.append(PositionSet(back))
    mode = Mode.BETWEEN_STEPS if c.session.in_routine else Mode.OFFER_RESUME
    key = "went_back" if c.session.in_routine else "went_back_offer"
    return c.ask(c.say(key, step=c.title(back, done)), mode, position=back)


def repeat_step(c: Talk, said: Said) -> Outcome:
    position = c.session.position if c.session.in_routine else c.place()
    if position is None:
        return repeat_question(c, said)
    done = c.finished_before(position)
    if done is None:
        index = c.upcoming(position) or 0
        return c.ask(c.say("nothing_done_yet", next=c.title(position, index)),
                     c.session.mode)
    lead = c.say("repeating", step=c.title(position, done))
    return deliver(c, replace(position, step=done), lead)


def repeat_question(c: Talk, said: Said) -> Outcome:
    return c.ask(c.reprompt(c.session), c.session.mode)


def routine_already_done(c: Talk, said: Said) -> Outcome:
    return c.ask(c.say("routine_already_done"), Mode.FEEL_CHECK)


# ---------------------------------------------------------------------- leaving


def _next_title(c: Talk) -> str | None:
    position = c.session.position
    if not c.session.in_routine or position is None:
        return None
    index = c.upcoming(position)
    return c.title(position, index) if index is not None else None


def _leave(c: Talk, mid_routine: str, otherwise: str) -> Outcome:
    """End the session politely; mid-routine, keep the place and say what comes next."""
    title = _next_title(c)
    card = keep_place(c)
    if title is None:
        return with_card(c.end(c.say(otherwise)), card)
    return with_card(c.end(c.say(mid_routine, next=title)), card)


def pause_routine(c: Talk, said: Said) -> Outcome:
    return _leave(c, "paused", "paused_nothing")


def stop_routine(c: Talk, said: Said) -> Outcome:
    return _leave(c, "stopped_mid_routine", "goodbye")


def done_for_today(c: Talk, said: Said) -> Outcome:
    return _leave(c, "enough_for_today", "you_are_welcome")


def goodbye(c: Talk, said: Said) -> Outcome:
    return c.end(c.say("goodbye"))


def decline_start(c: Talk, said: Said) -> Outcome:
    return c.end(c.say("declined_start"))


def decline_resume(c: Talk, said: Said) -> Outcome:
    return offer_start(c, c.say("declined_resume"))


def take_your_time(c: Talk, said: Said) -> Outcome:
    return c.ask(c.say("take_your_time"), c.session.mode)


def wait_a_moment(c: Talk, said: Said) -> Outcome:
    """A timed wait that keeps listening: breaks with a soft word between, then a cue."""
    # issue 16: no two breaks adjacent: a soft "take your time" between the silences.
    speech = c.say("waiting").silence(WAIT_SECONDS, phrases_data()["waiting_cues"])
    speech.say(c.line("wait_over")).extend(c.reprompt(c.session))
    return c.ask(speech, c.session.mode)


def home(c: Talk, said: Said) -> Outcome:
    keep_place(c)
    c.session = c.next_session(in_routine=False, held=None)
    return welcome_offer(c, c.say("home"))


def session_ended(c: Talk, said: Said) -> Outcome:
    # A timeout or an exit: credit what was done; the place points at the step to come.
    keep_place(c)
    return c.end(None)
