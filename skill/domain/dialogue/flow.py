"""The moves behaviours share: offering a routine, delivering a step, finishing it.

Every behaviour module builds on these; none of them is a behaviour itself, and this
module imports no behaviour, so the imports run one way: behaviours -> flow -> talk.

The rule everything here keeps: a step is done once its narration has been delivered,
and the place kept is the step to come. "You'd finished the reverse Kegels; next is the
butterfly stretch" is what the user believes, so it is what the coach stores.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from skill.domain.dialogue.state import Card, Mode, Offer, Outcome
from skill.domain.dialogue.talk import ROUTINE_PLANS, Talk
from skill.domain.exercises import exercise_ids, exercise_name
from skill.domain.narration import lighter_words, narrated, step_exercise
from skill.domain.program import (
    MAINTENANCE,
    PROGRAM_WEEKS,
    WARMING_UP,
    ReleaseSet,
    StretchStep,
)
from skill.domain.progress import (
    Advised,
    Position,
    PositionSet,
    SessionCompleted,
    SessionRecord,
    streak_on,
)
from skill.domain.routine import (
    DAILY,
    STRETCHES,
    Choices,
    easier_version,
    release_targets,
    routine_minutes,
    routine_steps,
    step_seconds,
)
from skill.domain.screens import StepScreen
from skill.domain.ssml import Speech


@dataclass(frozen=True)
class Start:
    """A routine to begin now (the safety questions are already passed)."""

    plan: str
    minutes: int = 0
    resume: bool = False


def begin(c: Talk, plan: str, lead: Speech, minutes: int = 0) -> Outcome:
    """A new routine of ``plan`` from its first step (safety questions already passed).

    Its shape is fixed now, with the settings of this moment: a settings change later
    applies from the next step (its pace, its words) without re-splitting the routine.
    """
    choices = c.new_choices(minutes)
    position = Position(plan=plan, week=c.profile.week, step=0,
                        started_on=c.today.isoformat(), minutes=minutes,
                        gentle=choices.gentle, eased=tuple(sorted(choices.eased)),
                        settings=c.profile.settings)
    c.events.append("routine_started")
    return deliver(c, position, lead)


def carried_on(c: Talk, position: Position) -> Position:
    """The place as this session credits it.

    A routine credits the local day on which it started, even when it runs past
    midnight in one session; carried on in a later session on a later day, it is a new
    session of that day, credited only with what is done then.
    """
    continuing = c.session.in_routine and c.session.position is not None
    if position.started_on == c.today.isoformat() or continuing:
        return position
    return replace(position, started_on=c.today.isoformat(), seconds_done=0, steps_done=0,
                   done=(), credited_seconds=0, credited_steps=0, program_day=False)


def deliver(c: Talk, position: Position, lead: Speech) -> Outcome:
    """Speak the step to come, then move the place past it."""
    position = carried_on(c, position)
    index = c.upcoming(position)
    if index is None:
        return finish(c, position, lead)
    steps = c.steps(position)
    settings = c.narration_settings(position, index)
    speech = Speech().extend(lead)
    if position.steps_done == 0 or not c.session.in_routine:
        # The start of the day's routine, and of every session that leads to exercise,
        # resumes and one-shots included (issue 16): the safety line every time. The mat
        # and the warm-up are guided in the narration, once a day (see below).
        speech.say(c.line("stop_if_hurts"))
    seed = f"{c.today}:{position.plan}:{index}:{position.steps_done}"
    before = c.finished_before(position, index)
    # What was just done, for a set-up that builds on it; nothing after a left-out step.
    after = step_exercise(steps[before]) if before is not None and before == index - 1 \
        and before in position.done else None
    # issue 16: the warm-up (or a single stretch's mat line) is guided once a day: repeat,
    # skip, start over and a second routine never replay it.
    stretch = steps[index]
    opens = isinstance(stretch, StretchStep) and bool(stretch.opening) \
        and c.profile.advised_on != c.today.isoformat()
    if opens:
        c.changes.append(Advised(c.today.isoformat()))
    script = narrated(stretch, seed, settings, after, opens, c.language)
    named = script.title.lower() in " ".join(speech.parts).lower()
    # (After a guided warm-up the narration names the stretch itself.)
    if not settings.brief and isinstance(stretch, StretchStep) and not named \
            and not (opens and stretch.opening in WARMING_UP):
        # A stretch is introduced by its own name (unless the lead just said it).
        speech.say(script.title[:1].upper() + script.title[1:] + ".")
    lead_only = Speech().extend(speech)
    speech.extend(script.speech())
    # issue 16: credited by the same measure the routine was announced with, counting
    # only what was said: no warm-up that was not said again today.
    said_seconds = step_seconds(steps[index], settings, opening=opens)
    moved = replace(position, step=index + 1,
                    seconds_done=position.seconds_done + round(said_seconds),
                    steps_done=position.steps_done + 1,
                    done=tuple(sorted({*position.done, index})))
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
    """The one rule for a program day: a daily routine of which more than half the steps
    of the full routine were done on its credit day, every round of that day's reverse
    Kegels among them."""
    if position.plan != DAILY:
        return False
    steps = c.steps(position)
    rounds = {i for i, step in enumerate(steps) if isinstance(step, ReleaseSet)}
    done = set(position.done)
    full = c.steps(replace(position, minutes=0, skipped=()))
    return bool(rounds) and rounds <= done and len(done) * 2 > len(full)


def credit(c: Talk, position: Position, *, finished: bool) -> Position:
    """Count what was done of ``position`` and is not counted yet, by one rule whatever
    ended it (the last step, a skip, stop, pause, "done for today", a timeout, a pain
    report): its minutes and steps are practice on the day it was done."""
    seconds = position.seconds_done - position.credited_seconds
    steps = position.steps_done - position.credited_steps
    if steps <= 0:
        return position
    program = is_program_day(c, position)
    title = (c.line("daily_title", week=position.week) if position.plan == DAILY
             else c.plan_name(position.plan))
    record = SessionRecord(
        id=c.ctx.turn_id, on=position.started_on,
        finished_at=c.ctx.finished_at or c.today.isoformat(), plan=position.plan,
        week=position.week, title=title, seconds=max(0, seconds), steps_done=steps)
    c.changes.append(SessionCompleted(record, program and not position.program_day,
                                      new_session=position.credited_steps == 0))
    c.events.append("routine_completed" if finished else "routine_credited")
    return replace(position, credited_seconds=position.seconds_done,
                   credited_steps=position.steps_done,
                   program_day=position.program_day or program)


def practice_card(c: Talk, day: str) -> Card:
    """What the Alexa app shows after practice: minutes and the program, nothing more."""
    seconds = c.profile.daily.get(day, [0, 0])[1]
    when = c.language.text("card_today" if day == c.today.isoformat() else "card_yesterday")
    return Card(c.line("card_title"),
                c.line("card_practice", when=when,
                       minutes=c.count(max(1, round(seconds / 60)), "minute"),
                       program=program_words(c)))


def progress_card(c: Talk) -> Card:
    """The card with a progress answer: sessions, minutes and the program, nothing more."""
    profile = c.profile
    return Card(c.line("card_title"),
                c.line("card_progress", sessions=c.count(profile.sessions, "session"),
                       minutes=c.count(round(profile.seconds / 60), "minute"),
                       program=program_words(c)))


def program_words(c: Talk) -> str:
    profile = c.profile
    if profile.week >= MAINTENANCE:
        program = c.line("card_maintenance")
    elif profile.program_days:
        program = c.line("card_program", week=profile.week, day=profile.program_days)
    else:
        program = c.line("card_program_start", week=profile.week)
    return program


def finish(c: Talk, position: Position, speech: Speech) -> Outcome:
    """The last step is done: record the session, then ask how it felt."""
    before = c.profile
    position = credit(c, position, finished=True)
    if position.plan in ROUTINE_PLANS:
        c.changes.append(PositionSet(None))
    after = c.profile
    minutes = max(1, round(position.seconds_done / 60))
    card = practice_card(c, position.started_on)
    held = c.session.held
    if held is not None:
        # A single exercise done mid-routine: back to the routine where it was.
        index = c.upcoming(held)
        if index is not None:
            speech.say(c.line("detour_done", name=c.plan_name(position.plan),
                              next=c.title(held, index)))
            return with_card(c.ask(speech, Mode.BETWEEN_STEPS, position=held, held=None,
                                   in_routine=True), card)
    grew = streak_on(after, c.today) > streak_on(before, c.today)
    speech.extend(closing(c, minutes, grew))
    # The finished routine stays in hand, so "it hurt" now still knows what hurt.
    return with_card(c.ask(speech, Mode.FEEL_CHECK, position=position, held=None,
                           in_routine=False), card)


def keep_place(c: Talk) -> Card | None:
    """Leaving with a routine in hand: credit what was done of it, keep the place.

    Returns the card to show when something was credited.
    """
    position = c.session.position
    if position is None:
        return None
    credited = credit(c, position, finished=False)
    upcoming = c.upcoming(credited)
    if position.plan in ROUTINE_PLANS and upcoming is not None:
        if credited != c.ctx.profile.position:
            c.changes.append(PositionSet(credited))
        c.session = c.next_session(position=credited)
    return practice_card(c, credited.started_on) if credited != position else None


def with_card(outcome: Outcome, card: Card | None) -> Outcome:
    if outcome.reply is not None and card is not None:
        outcome.reply.card = card
    return outcome


def closing(c: Talk, minutes: int, streak_grew: bool) -> Speech:
    """What is said when a routine is done: how long, a streak cheer, how did it feel."""
    speech = c.say("routine_complete", minutes=c.count(minutes, "minute"))
    streak = streak_on(c.profile, c.today)
    if streak > 1 and streak_grew:
        speech.say(c.line("streak_cheer", streak=c.count(streak, "day")))
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
    reshaped = replace(position, gentle=True, eased=tuple(sorted(profile.eased)))
    new_steps = c.steps(reshaped)
    # What was done stays done: as many rounds of each exercise (or of its easier form) as
    # were done before are done in the reshaped routine too; it carries on at the first
    # step left.
    behind: dict[str, list[int]] = {}
    for old_index, old_step in enumerate(c.steps(position)[:position.step]):
        behind.setdefault(step_exercise(old_step), []).append(old_index)
    done: list[int] = []
    for index, step in enumerate(new_steps):
        exercise = step_exercise(step)
        was = next((behind[e] for e in (exercise, *_harder_forms(exercise))
                    if behind.get(e)), None)
        if was is None:
            return replace(reshaped, step=index, done=tuple(done))
        if was.pop(0) in position.done:
            done.append(index)
    return replace(reshaped, step=len(new_steps), done=tuple(done))


def _harder_forms(exercise: str) -> tuple[str, ...]:
    """The exercises whose easier version is ``exercise`` (the pigeon for the reclined)."""
    return tuple(e for e in exercise_ids() if e != exercise and easier_version(e) == exercise)


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


def offer_resume(c: Talk, lead: Speech, position: Position, *,
                 in_progress: bool = False) -> Outcome:
    """Offer to carry on at ``position``; ``in_progress``: say first that a routine is in
    progress (the user asked to start), unless the offer itself says a routine is waiting."""
    # issue 16: the place offered is the place as it will be done: eased, gently.
    position = gentler(c, position)
    index = c.upcoming(position)
    done = c.finished_before(position)
    if index is None:
        return offer_start(c, lead)
    if done is None:
        lead.say(c.line("offer_resume_from_start", next=c.title(position, index)))
    else:
        if in_progress:
            lead.say(c.line("routine_in_progress"))
        lead.say(c.line("offer_resume", done=c.done_title(position, done),
                        next=c.title(position, index)))
    return c.ask(lead, Mode.OFFER_RESUME, position=position, in_routine=False)


def welcome_offer(c: Talk, lead: Speech) -> Outcome:
    """What a new session offers: carry on from a recent place, or today's routine."""
    position = c.place()
    if position is not None:
        # The place as it will be carried on, so the offer and the resume say one thing.
        position = gentler(c, position)
    if position is not None and position.plan in ROUTINE_PLANS and c.upcoming(position) \
            is not None:
        if c.is_stale(position):
            return offer_start(c, lead, old=position)
        return offer_resume(c, lead, position)
    return offer_start(c, lead)


def gentle_targets(c: Talk) -> str:
    """What a gentle session changes, in numbers: "8 releases of 3 seconds instead of 10 of
    5". A gentle session is lighter in every phase (issue 16), so it always says something."""
    settings, week = c.profile.settings, c.profile.week
    return lighter_words(release_targets(week, settings), release_targets(week, settings, True))


def routine_summary(c: Talk, plan: str = DAILY, minutes: int = 0,
                    in_hand: Position | None = None) -> str:
    """Today's routine in one sentence: the week, what it holds, how long it takes.

    ``in_hand`` is a routine under way: it is described as it was planned, since its
    plan is fixed, whatever the settings are now.
    """
    profile = c.profile
    choices = c.new_choices(minutes)
    if in_hand is not None:
        plan, minutes = in_hand.plan, in_hand.minutes
        choices = Choices(in_hand.settings or profile.settings, frozenset(in_hand.eased),
                          in_hand.gentle, in_hand.minutes)
    steps = routine_steps(plan, profile.week if in_hand is None else in_hand.week, choices)
    length = routine_minutes(plan, profile.week if in_hand is None else in_hand.week, choices)
    names: list[str] = []
    reps = hold = 0
    for step in steps:
        if isinstance(step, ReleaseSet):
            reps, hold = step.total_reps, step.hold_seconds
        elif exercise_name(step.stretch_id) not in names:
            names.append(exercise_name(step.stretch_id))
    if plan not in (DAILY, STRETCHES):
        return c.line("single_summary", name=c.plan_name(plan), minutes=c.count(length, "minute"))
    week_words = (c.line("maintenance_phase") if profile.week >= MAINTENANCE
                  else c.line("program_week", week=profile.week, weeks=PROGRAM_WEEKS))
    if c.ctx.profile_unknown:  # issue-18: their week is not known, so it is not claimed
        week_words = c.line("program_week_unknown")
    stretches_words = c.join([c.definite(name) for name in names])
    if plan == STRETCHES:
        return c.line("stretches_summary", stretches=stretches_words,
                      minutes=c.count(length, "minute"))
    key = "short_summary" if minutes else "todays_routine"
    text = c.line(key, week_words=week_words, reps=reps, hold=hold,
                  stretches=stretches_words or c.line("no_stretches"),
                  minutes=c.count(length, "minute"), budget=minutes)
    if choices.gentle:
        # issue 16: say exactly what a gentle session changes, never "last week's targets".
        text += " " + c.line("gentle_note", change=gentle_targets(c))
    return text


__all__ = [
    "Start",
    "begin",
    "closing",
    "credit",
    "deliver",
    "finish",
    "gentle_targets",
    "keep_place",
    "offer_resume",
    "offer_start",
    "practice_card",
    "resume_lead",
    "routine_summary",
    "start_plan",
    "welcome_offer",
    "with_card",
]
