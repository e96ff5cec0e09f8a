"""Moving through a routine: begin, deliver a step, next, skip, back, repeat, resume, leave.

The rule everything here keeps: a step is done once its narration has been delivered,
and the place kept is the step to come. "You'd finished the reverse Kegels; next is the
butterfly stretch" is what the user believes, so it is what the coach stores.
"""

from __future__ import annotations

import random
from dataclasses import replace

from skill.domain.content import phrases_data
from skill.domain.dialogue.coach import ROUTINE_PLANS, Coach, n
from skill.domain.dialogue.state import Mode, Outcome, Pending, Said
from skill.domain.dialogue.table import behaviour
from skill.domain.exercises import REVERSE_KEGEL, exercise_ids, exercise_name
from skill.domain.narration import narrate, step_exercise
from skill.domain.program import ReleaseSet, StretchStep
from skill.domain.progress import Position, PositionSet, SessionCompleted, SessionRecord
from skill.domain.routine import DAILY, easier_version, routine_steps, step_seconds
from skill.domain.screens import StepScreen
from skill.domain.ssml import Speech

WAIT_SECONDS = 45


# ---------------------------------------------------------------------- delivering


def begin(c: Coach, plan: str, lead: Speech, minutes: int = 0) -> Outcome:
    """A new routine of ``plan`` from its first step (safety questions already passed)."""
    choices = c.new_choices(minutes)
    position = Position(plan=plan, week=c.profile.week, step=0,
                        started_on=c.today.isoformat(), minutes=minutes,
                        gentle=choices.gentle, eased=tuple(sorted(choices.eased)))
    c.events.append("routine_started")
    return deliver(c, position, lead)


def deliver(c: Coach, position: Position, lead: Speech) -> Outcome:
    """Speak the step to come, then move the place past it."""
    index = c.upcoming(position)
    if index is None:
        return finish(c, position, lead)
    steps = c.steps(position)
    settings = c.profile.settings
    speech = Speech().extend(lead)
    if c.finished_before(replace(position, step=index)) is None or not c.session.in_routine:
        # issue 16: the safety line at the start of every session that leads to exercise,
        # resumes and one-shots included; the warm-up is guided in the narration itself.
        speech.say(c.line("stop_if_hurts"))
    seed = f"{c.today}:{position.plan}:{index}:{position.steps_done}"
    script = narrate(steps[index], random.Random(seed), settings)
    named = script.title.lower() in " ".join(speech.parts).lower()
    if not settings.brief and isinstance(steps[index], StretchStep) and not named:
        # A stretch is introduced by its own name (unless the lead just said it).
        speech.say(script.title[:1].upper() + script.title[1:] + ".")
    lead_only = Speech().extend(speech)
    speech.extend(script.speech())
    if position.started_on != c.today.isoformat():
        # Carried on another day: only what is done today is credited today.
        position = replace(position, started_on=c.today.isoformat(), seconds_done=0,
                           steps_done=0)
    # issue 16: credited by the same measure the routine was announced with.
    moved = replace(position, step=index + 1,
                    seconds_done=position.seconds_done + round(step_seconds(steps[index],
                                                                            settings)),
                    steps_done=position.steps_done + 1)
    c.events.append("step")
    following = c.upcoming(moved)
    step = steps[index]
    screen = StepScreen(script, index + 1, len(steps), lead_only,
                        c.title(moved, following) if following is not None else None,
                        step.total_reps if isinstance(step, ReleaseSet) else 0)
    if following is None:
        return _with_screen(finish(c, moved, speech), screen)
    if moved.plan in ROUTINE_PLANS:
        c.changes.append(PositionSet(moved))
    speech.say(c.line("step_done", next=c.title(moved, following)))
    return _with_screen(c.ask(speech, Mode.BETWEEN_STEPS, position=moved, in_routine=True,
                              pending=None), screen)


def _with_screen(outcome: Outcome, screen: StepScreen) -> Outcome:
    outcome.screen = screen
    return outcome


def is_program_day(c: Coach, position: Position) -> bool:
    """Most of a daily routine, done today: over half its steps, reverse Kegels included."""
    if position.plan != DAILY or REVERSE_KEGEL in position.skipped:
        return False
    full = routine_steps(DAILY, position.week)
    return position.steps_done * 2 > len(full)


def finish(c: Coach, position: Position, speech: Speech) -> Outcome:
    """The last step is done: record the session, then ask how it felt."""
    title = (c.line("daily_title", week=position.week) if position.plan == DAILY
             else c.plan_name(position.plan))
    record = SessionRecord(
        id=c.ctx.turn_id, on=c.today.isoformat(),
        finished_at=c.ctx.finished_at or c.today.isoformat(), plan=position.plan,
        week=position.week, title=title, seconds=position.seconds_done,
        steps_done=position.steps_done)
    before = c.profile
    c.changes.append(SessionCompleted(record, is_program_day(c, position)))
    if position.plan in ROUTINE_PLANS:
        c.changes.append(PositionSet(None))
    c.events.append("routine_completed")
    after = c.profile
    minutes = max(1, round(position.seconds_done / 60))
    held = c.session.held
    if held is not None:
        # A single exercise done mid-routine: back to the routine where it was.
        index = c.upcoming(held)
        if index is not None:
            speech.say(c.line("detour_done", name=c.plan_name(position.plan),
                              next=c.title(held, index)))
            return c.ask(speech, Mode.BETWEEN_STEPS, position=held, held=None,
                         in_routine=True)
    from skill.domain.progress import streak_on

    grew = streak_on(after, c.today) > streak_on(before, c.today)
    speech.extend(closing(c, minutes, grew))
    # The finished routine stays in hand, so "it hurt" now still knows what hurt.
    return c.ask(speech, Mode.FEEL_CHECK, position=position, held=None, in_routine=False)


def closing(c: Coach, minutes: int, streak_grew: bool) -> Speech:
    """What is said when a routine is done: how long, a streak cheer, how did it feel."""
    from skill.domain.progress import streak_on

    speech = c.say("routine_complete", minutes=n(minutes, "minute"))
    streak = streak_on(c.profile, c.today)
    if streak > 1 and streak_grew:
        speech.say(c.line("streak_cheer", streak=n(streak, "day")))
    return speech.say(c.line("how_did_that_feel"))


@behaviour
def step_ended(c: Coach, said: Said) -> Outcome:
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


def start_plan(c: Coach, pending: Pending, lead: Speech | None = None) -> Outcome:
    """Carry out what was asked, once the safety questions are answered."""
    from skill.domain.dialogue.safety import gate

    blocked = gate(c, pending)
    if blocked is not None:
        return blocked
    if pending.resume:
        position = c.place()
        if position is not None:
            position = gentler(c, position)
            return deliver(c, position, lead or resume_lead(c, position))
    if lead is None:
        lead = c.say("starting_routine") if pending.plan in ROUTINE_PLANS \
            else c.say("starting_single", name=c.plan_name(pending.plan))
    return begin(c, pending.plan, lead, pending.minutes)


def gentler(c: Coach, position: Position) -> Position:
    """A place kept from before a pain report, reshaped to the gentle routine it joins."""
    profile = c.profile
    if profile.gentle_left <= 0 or position.gentle or position.plan not in ROUTINE_PLANS:
        return position
    old_steps = c.steps(position)
    reshaped = replace(position, gentle=True, eased=tuple(sorted(profile.eased)))
    new_steps = c.steps(reshaped)
    wanted = [step_exercise(s) for s in old_steps[position.step:]]
    for exercise in wanted:
        for index, step in enumerate(new_steps):
            found = step_exercise(step)
            if found == exercise or found == easier_version(exercise):
                return replace(reshaped, step=index)
    return replace(reshaped, step=len(new_steps))


def resume_lead(c: Coach, position: Position) -> Speech:
    index = c.upcoming(position)
    done = c.finished_before(position)
    if index is None:
        return Speech()
    if done is None:
        return c.say("resuming_from_start", next=c.title(position, index))
    return c.say("resuming", done=c.done_title(position, done), next=c.title(position, index))


def offer_start(c: Coach, lead: Speech, plan: str = DAILY, minutes: int = 0,
                old: Position | None = None) -> Outcome:
    from skill.domain.dialogue.answers import routine_summary

    lead.say(routine_summary(c, plan, minutes))
    if old is not None:
        index = c.upcoming(old)
        if index is not None:
            lead.say(c.line("stale_place", next=c.title(old, index)))
    lead.say(c.line("offer_start"))
    return c.ask(lead, Mode.OFFER_START, offer=Pending(plan, minutes),
                 position=old if old is not None else c.session.position)


def offer_resume(c: Coach, lead: Speech, position: Position) -> Outcome:
    index = c.upcoming(position)
    done = c.finished_before(position)
    if index is None:
        return offer_start(c, lead)
    if done is None:
        lead.say(c.line("offer_resume_from_start", next=c.title(position, index)))
    else:
        lead.say(c.line("offer_resume", done=c.done_title(position, done),
                        next=c.title(position, index)))
    return c.ask(lead, Mode.OFFER_RESUME, position=position, in_routine=False)


def welcome_offer(c: Coach, lead: Speech) -> Outcome:
    """What a new session offers: carry on from a recent place, or today's routine."""
    position = c.place()
    if position is not None and position.plan in ROUTINE_PLANS and c.upcoming(position) \
            is not None:
        if c.is_stale(position):
            return offer_start(c, lead, old=position)
        return offer_resume(c, lead, position)
    return offer_start(c, lead)


@behaviour
def welcome(c: Coach, said: Said) -> Outcome:
    from skill.domain.dialogue.safety import ask_check_in

    profile = c.ctx.profile
    if profile.check_in:
        return ask_check_in(c, c.say("welcome_check_in"), None)
    if profile.safety_notice_heard or profile.sessions:
        lead = c.say("welcome_back")
    else:
        lead = c.say("welcome_first").extend(c.say("disclaimer"))
    return welcome_offer(c, lead)


@behaviour
def start_daily(c: Coach, said: Said) -> Outcome:
    position = c.place()
    recent = position is not None and position.plan in ROUTINE_PLANS \
        and c.upcoming(position) is not None and not c.is_stale(position)
    if c.profile.check_in:
        # After a pain report, how they are comes before any offer of exercise.
        from skill.domain.dialogue.safety import gate

        blocked = gate(c, Pending(position.plan if position and recent else DAILY,
                                  resume=recent))
        if blocked is not None:
            return blocked
    if recent and position is not None:
        return offer_resume(c, c.say("routine_in_progress"), position)
    return start_plan(c, Pending(DAILY))


@behaviour
def start_offered(c: Coach, said: Said) -> Outcome:
    offer = c.session.offer or Pending(DAILY)
    return start_plan(c, offer)


@behaviour
def resume(c: Coach, said: Said) -> Outcome:
    position = c.place()
    if position is None or c.upcoming(position) is None:
        return offer_start(c, c.say("nothing_to_resume"))
    return start_plan(c, Pending(position.plan, position.minutes, resume=True))


@behaviour
def next_step(c: Coach, said: Said) -> Outcome:
    position = c.session.position
    if c.session.in_routine and position is not None:
        return deliver(c, position, Speech())
    return resume(c, said)


@behaviour
def start_over(c: Coach, said: Said) -> Outcome:
    position = c.place()
    if position is None:
        return start_plan(c, Pending(DAILY))
    from skill.domain.dialogue.safety import gate

    blocked = gate(c, Pending(position.plan, position.minutes))
    if blocked is not None:
        return blocked
    restarted = replace(position, step=0, skipped=())
    return deliver(c, restarted, c.say("starting_over"))


@behaviour
def guide_single(c: Coach, said: Said) -> Outcome:
    from skill.domain.dialogue.answers import exercise_menu

    exercise = said.exercise
    if exercise is None or exercise not in exercise_ids():
        return exercise_menu(c, said)
    lead = Speech()
    if exercise == REVERSE_KEGEL and said.heard and "reverse" not in said.heard.lower():
        lead.say(c.line("kegel_is_release"))
    lead.say(c.line("starting_single", name=c.plan_name(exercise)))
    if c.session.in_routine and c.session.position is not None \
            and c.session.position.plan in ROUTINE_PLANS:
        # A detour: the routine waits, and carries on when the single exercise is done.
        c.session = c.next_session(held=c.session.position)
    return start_plan(c, Pending(exercise), lead)


# ---------------------------------------------------------------------- moving


@behaviour
def skip_step(c: Coach, said: Said) -> Outcome:
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
    return start_plan(c, Pending(skipped.plan, skipped.minutes, resume=True), lead)


@behaviour
def go_back(c: Coach, said: Said) -> Outcome:
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


@behaviour
def repeat_step(c: Coach, said: Said) -> Outcome:
    position = c.session.position if c.session.in_routine else c.place()
    if position is None:
        return repeat_question(c, said)
    done = c.finished_before(position)
    if done is None:
        index = c.upcoming(position) or 0
        return c.ask(c.say("nothing_done_yet", next=c.title(position, index)),
                     c.session.mode)
    lead = c.say("repeating", step=c.title(position, done))
    if not c.session.in_routine:
        from skill.domain.dialogue.safety import gate

        blocked = gate(c, Pending(position.plan, position.minutes, resume=True))
        if blocked is not None:
            return blocked
    return deliver(c, replace(position, step=done), lead)


@behaviour
def repeat_question(c: Coach, said: Said) -> Outcome:
    return c.ask(c.reprompt(c.session), c.session.mode)


@behaviour
def routine_already_done(c: Coach, said: Said) -> Outcome:
    return c.ask(c.say("routine_already_done"), Mode.FEEL_CHECK)


# ---------------------------------------------------------------------- leaving


def _save_place(c: Coach) -> None:
    position = c.session.position
    if position is not None and position.plan in ROUTINE_PLANS \
            and position != c.ctx.profile.position:
        c.changes.append(PositionSet(position))


def _next_title(c: Coach) -> str | None:
    position = c.session.position
    if not c.session.in_routine or position is None:
        return None
    index = c.upcoming(position)
    return c.title(position, index) if index is not None else None


def _leave(c: Coach, mid_routine: str, otherwise: str) -> Outcome:
    """End the session politely; mid-routine, keep the place and say what comes next."""
    title = _next_title(c)
    if title is None:
        return c.end(c.say(otherwise))
    _save_place(c)
    return c.end(c.say(mid_routine, next=title))


@behaviour
def pause_routine(c: Coach, said: Said) -> Outcome:
    return _leave(c, "paused", "paused_nothing")


@behaviour
def stop_routine(c: Coach, said: Said) -> Outcome:
    return _leave(c, "stopped_mid_routine", "goodbye")


@behaviour
def done_for_today(c: Coach, said: Said) -> Outcome:
    return _leave(c, "enough_for_today", "you_are_welcome")


@behaviour
def goodbye(c: Coach, said: Said) -> Outcome:
    return c.end(c.say("goodbye"))


@behaviour
def decline_start(c: Coach, said: Said) -> Outcome:
    return c.end(c.say("declined_start"))


@behaviour
def decline_resume(c: Coach, said: Said) -> Outcome:
    return offer_start(c, c.say("declined_resume"))


@behaviour
def take_your_time(c: Coach, said: Said) -> Outcome:
    return c.ask(c.say("take_your_time"), c.session.mode)


@behaviour
def wait_a_moment(c: Coach, said: Said) -> Outcome:
    """A timed wait that keeps listening: chained breaks, then a soft cue."""
    # issue 16: no two breaks adjacent: a soft "take your time" between the silences.
    speech = c.say("waiting").silence(WAIT_SECONDS, phrases_data()["waiting_cues"])
    speech.say(c.line("wait_over")).extend(c.reprompt(c.session))
    return c.ask(speech, c.session.mode)


@behaviour
def home(c: Coach, said: Said) -> Outcome:
    _save_place(c)
    c.session = c.next_session(in_routine=False, held=None)
    return welcome_offer(c, c.say("home"))


@behaviour
def session_ended(c: Coach, said: Said) -> Outcome:
    # A timeout or an exit: the place already points at the step to come; keep it so.
    _save_place(c)
    return c.end(None)


__all__ = ["begin", "closing", "deliver", "finish", "offer_start", "start_plan",
           "welcome_offer"]
