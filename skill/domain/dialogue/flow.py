"""The moves behaviours share: offering a routine, delivering a step, finishing it.

Every behaviour module builds on these; none of them is a behaviour itself, and this
module imports no behaviour, so the imports run one way: behaviours -> flow -> talk.

The rule everything here keeps: a step is done once its narration has been delivered,
and the place kept is the step to come. "You'd finished the reverse Kegels; next is the
butterfly stretch" is what the user believes, so it is what the coach stores.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace

from skill.domain.dialogue.state import Mode, Offer, Outcome
from skill.domain.dialogue.talk import ROUTINE_PLANS, Talk
from skill.domain.exercises import REVERSE_KEGEL, exercise_name
from skill.domain.narration import lighter_words, narrate, step_exercise
from skill.domain.program import (
    MAINTENANCE,
    PROGRAM_WEEKS,
    WARMING_UP,
    ReleaseSet,
    StretchStep,
)
from skill.domain.progress import (
    Position,
    PositionSet,
    SessionCompleted,
    SessionRecord,
    streak_on,
)
from skill.domain.routine import (
    DAILY,
    STRETCHES,
    easier_version,
    release_targets,
    routine_minutes,
    routine_steps,
    step_seconds,
)
from skill.domain.screens import StepScreen
from skill.domain.ssml import Speech
from skill.domain.words import and_list, n


@dataclass(frozen=True)
class Start:
    """A routine to begin now (the safety questions are already passed)."""

    plan: str
    minutes: int = 0
    resume: bool = False


def begin(c: Talk, plan: str, lead: Speech, minutes: int = 0) -> Outcome:
    """A new routine of ``plan`` from its first step (safety questions already passed)."""
    choices = c.new_choices(minutes)
    position = Position(plan=plan, week=c.profile.week, step=0,
                        started_on=c.today.isoformat(), minutes=minutes,
                        gentle=choices.gentle, eased=tuple(sorted(choices.eased)))
    c.events.append("routine_started")
    return deliver(c, position, lead)


def deliver(c: Talk, position: Position, lead: Speech) -> Outcome:
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
    # (After a guided warm-up the narration names the stretch itself: issue 16.)
    stretch = steps[index]
    if not settings.brief and isinstance(stretch, StretchStep) and not named \
            and stretch.opening not in WARMING_UP:
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


def is_program_day(c: Talk, position: Position) -> bool:
    """Most of a daily routine, done today: over half its steps, reverse Kegels included."""
    if position.plan != DAILY or REVERSE_KEGEL in position.skipped:
        return False
    full = routine_steps(DAILY, position.week)
    return position.steps_done * 2 > len(full)


def finish(c: Talk, position: Position, speech: Speech) -> Outcome:
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
    grew = streak_on(after, c.today) > streak_on(before, c.today)
    speech.extend(closing(c, minutes, grew))
    # The finished routine stays in hand, so "it hurt" now still knows what hurt.
    return c.ask(speech, Mode.FEEL_CHECK, position=position, held=None, in_routine=False)


def closing(c: Talk, minutes: int, streak_grew: bool) -> Speech:
    """What is said when a routine is done: how long, a streak cheer, how did it feel."""
    speech = c.say("routine_complete", minutes=n(minutes, "minute"))
    streak = streak_on(c.profile, c.today)
    if streak > 1 and streak_grew:
        speech.say(c.line("streak_cheer", streak=n(streak, "day")))
    return speech.say(c.line("how_did_that_feel"))


def start_plan(c: Talk, start: Start, lead: Speech | None = None) -> Outcome:
    """Carry out what was asked (the runner has asked any safety question due first)."""
    if start.resume:
        position = c.place()
        if position is not None:
            position = gentler(c, position)
            return deliver(c, position, lead or resume_lead(c, position))
    if lead is None:
        lead = c.say("starting_routine") if start.plan in ROUTINE_PLANS \
            else c.say("starting_single", name=c.plan_name(start.plan))
    return begin(c, start.plan, lead, start.minutes)


def gentler(c: Talk, position: Position) -> Position:
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


def resume_lead(c: Talk, position: Position) -> Speech:
    index = c.upcoming(position)
    done = c.finished_before(position)
    if index is None:
        return Speech()
    if done is None:
        return c.say("resuming_from_start", next=c.title(position, index))
    return c.say("resuming", done=c.done_title(position, done), next=c.title(position, index))


def offer_start(c: Talk, lead: Speech, plan: str = DAILY, minutes: int = 0,
                old: Position | None = None) -> Outcome:
    lead.say(routine_summary(c, plan, minutes))
    if old is not None:
        index = c.upcoming(old)
        if index is not None:
            lead.say(c.line("stale_place", next=c.title(old, index)))
    lead.say(c.line("offer_start"))
    return c.ask(lead, Mode.OFFER_START, offer=Offer(plan, minutes),
                 position=old if old is not None else c.session.position)


def offer_resume(c: Talk, lead: Speech, position: Position) -> Outcome:
    # issue 16: the place offered is the place as it will be done: eased, gently.
    position = gentler(c, position)
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


def welcome_offer(c: Talk, lead: Speech) -> Outcome:
    """What a new session offers: carry on from a recent place, or today's routine."""
    position = c.place()
    if position is not None and position.plan in ROUTINE_PLANS and c.upcoming(position) \
            is not None:
        if c.is_stale(position):
            return offer_start(c, lead, old=position)
        return offer_resume(c, lead, position)
    return offer_start(c, lead)


def routine_summary(c: Talk, plan: str = DAILY, minutes: int = 0) -> str:
    """Today's routine in one sentence: the week, what it holds, how long it takes."""
    profile = c.profile
    choices = c.new_choices(minutes)
    steps = routine_steps(plan, profile.week, choices)
    length = routine_minutes(plan, profile.week, choices)
    names: list[str] = []
    reps = hold = 0
    for step in steps:
        if isinstance(step, ReleaseSet):
            reps, hold = step.total_reps, step.hold_seconds
        elif exercise_name(step.stretch_id) not in names:
            names.append(exercise_name(step.stretch_id))
    if plan not in (DAILY, STRETCHES):
        return c.line("single_summary", name=c.plan_name(plan), minutes=n(length, "minute"))
    week_words = (c.line("maintenance_phase") if profile.week >= MAINTENANCE
                  else c.line("program_week", week=profile.week, weeks=PROGRAM_WEEKS))
    stretches_words = and_list([f"the {name}" for name in names])
    if plan == STRETCHES:
        return c.line("stretches_summary", stretches=stretches_words,
                      minutes=n(length, "minute"))
    key = "short_summary" if minutes else "todays_routine"
    text = c.line(key, week_words=week_words, reps=reps, hold=hold,
                  stretches=stretches_words or c.line("no_stretches"),
                  minutes=n(length, "minute"), budget=minutes)
    if choices.gentle:
        # issue 16: say exactly what a gentle session changes, never "last week's targets".
        text += " " + c.line("gentle_note", change=gentle_change(c))
    return text


def gentle_change(c: Talk) -> str:
    """"8 releases of 3 seconds instead of 10 of 5", for this user's week and settings."""
    settings, week = c.profile.settings, c.profile.week
    return lighter_words(release_targets(week, settings), release_targets(week, settings, True))


__all__ = ["Start", "begin", "closing", "deliver", "finish", "gentle_change", "offer_resume",
           "offer_start", "resume_lead", "routine_summary", "start_plan", "welcome_offer"]
