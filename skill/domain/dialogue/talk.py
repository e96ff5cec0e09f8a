"""One turn as every behaviour sees it: what it knows, and how it speaks and listens.

:class:`Talk` holds what a turn knows (the profile as this turn leaves it, today, the
session) and the helpers every behaviour shares: choosing phrases, asking a question,
ending politely, finding a routine's steps and the step to come. It knows nothing of
the table or of any behaviour: the behaviours import it, never the other way round.
*What* happens for each thing said in each state is in
:mod:`skill.domain.dialogue.table`; :class:`~skill.domain.dialogue.coach.Coach` runs it.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date
from datetime import time as TimeOfDay

from skill.domain.content import phrase
from skill.domain.dialogue.state import Context, Elicit, Mode, Outcome, Reply, Session
from skill.domain.exercises import REVERSE_KEGEL, exercise_name
from skill.domain.language import Language, language_for
from skill.domain.narration import step_exercise, step_title
from skill.domain.program import Step
from skill.domain.progress import Change, Position, Profile, apply
from skill.domain.routine import (
    DAILY,
    STRETCHES,
    Choices,
    fits,
    is_known_plan,
    routine_steps,
)
from skill.domain.settings import Settings
from skill.domain.ssml import Speech


def asks_something(speech: Speech, language: Language | None = None) -> bool:
    """Whether the last thing said is a question, or tells the user what to say (in the
    words of ``language``, this turn's by default: "say next", "di siguiente")."""
    last = speech.last_sentence()
    if not last:
        return False
    return last.endswith("?") or (language or language_for(None)).tells_what_to_say(last)


# The questions answered by a bare value ("five", "half seven"): every reply that asks
# them, help and "say that again" included, has Alexa fill the slot with the answer.
ELICITED = {
    Mode.MINUTES_QUESTION: Elicit("ShortRoutineIntent", "Minutes"),
    Mode.REMINDER_TIME: Elicit("SetReminderIntent", "Time"),
    Mode.REMINDER_CHANGE: Elicit("ChangeReminderIntent", "Time"),
}

# A place older than this is offered second, after today's routine.
STALE_PLACE_DAYS = 3
ROUTINE_PLANS = (DAILY, STRETCHES)


class Talk:
    """One turn in hand: its context, the changes it makes, and the shared helpers."""

    def __init__(self, context: Context) -> None:
        self.ctx = context
        self.today = context.today
        self.session = context.session
        self.changes: list[Change] = []
        self.events: list[str] = []
        self._profile = context.profile
        self._profile_changes = 0
        self._example: tuple[Profile, str] | None = None
        self._steps: tuple[Position, Settings, tuple[Step, ...]] | None = None
        place = context.session.position
        seed = f"{context.today}:{context.profile.sessions}:{place.step if place else '-'}"
        self.rng = random.Random(seed)
        # The request's grammar: every count, list and name a behaviour says goes through it.
        self.language: Language = language_for(context.locale)

    # ------------------------------------------------------------------ state

    @property
    def profile(self) -> Profile:
        """The profile as it will be once this turn's changes are stored."""
        # Changes are only ever appended, so the count says whether the cache is current.
        if self._profile_changes != len(self.changes):
            self._profile = apply(self.ctx.profile, self.changes)
            self._profile_changes = len(self.changes)
        return self._profile

    @property
    def screened(self) -> bool:
        return self.ctx.profile.safety_notice_heard or self.session.screened or \
            self.session.notice_known

    def place(self) -> Position | None:
        """The routine in hand: this session's, or else the one kept from before."""
        position = self.session.position or self.ctx.profile.position
        return position if position is not None and is_known_plan(position.plan) else None

    def is_stale(self, position: Position) -> bool:
        return (self.today - date.fromisoformat(position.started_on)).days > STALE_PLACE_DAYS

    def new_choices(self, minutes: int = 0) -> Choices:
        """How a routine begun now is shaped: settings, and gentleness after a pain report."""
        profile = self.profile
        gentle = profile.gentle_left > 0
        return Choices(profile.settings, frozenset(profile.eased) if gentle else frozenset(),
                       gentle, minutes)

    def steps(self, position: Position) -> tuple[Step, ...]:
        """The routine's steps as they were fixed when its first step was narrated."""
        settings = position.settings or self.profile.settings
        # A turn asks for the same place's steps many times over: the last answer is kept.
        if self._steps is not None and self._steps[0] is position \
                and self._steps[1] is settings:
            return self._steps[2]
        choices = Choices(settings, frozenset(position.eased), position.gentle,
                          position.minutes)
        steps = routine_steps(position.plan, position.week, choices)
        self._steps = (position, settings, steps)
        return steps

    def narration_settings(self, position: Position, index: int) -> Settings:
        """How step ``index`` is narrated: with the settings of now (a change applies from
        the next step), unless that would run it past the bound for one response; then
        as planned, and the change applies from the next exercise."""
        step = self.steps(position)[index]
        now = self.profile.settings
        if position.settings is None or fits(step, now):
            return now
        return replace(now, pace=position.settings.pace, brief=position.settings.brief)

    def upcoming(self, position: Position, start: int | None = None) -> int | None:
        """The index of the next step to deliver, passing over skipped exercises."""
        steps = self.steps(position)
        for index in range(position.step if start is None else start, len(steps)):
            if step_exercise(steps[index]) not in position.skipped:
                return index
        return None

    def finished_before(self, position: Position, step: int | None = None) -> int | None:
        """The index of the last step done before the one to come (or before ``step``)."""
        steps = self.steps(position)
        until = position.step if step is None else step
        for index in range(min(until, len(steps)) - 1, -1, -1):
            if step_exercise(steps[index]) not in position.skipped:
                return index
        return None

    def title(self, position: Position, index: int) -> str:
        return step_title(self.steps(position)[index], self.language)

    def done_title(self, position: Position, index: int) -> str:
        """A finished step as the user thinks of it: the last round is "the reverse Kegels"."""
        steps = self.steps(position)
        step = steps[index]
        following = steps[index + 1] if index + 1 < len(steps) else None
        if following is None or step_exercise(following) != step_exercise(step):
            return self.language.definite(exercise_name(step_exercise(step)))
        return step_title(step, self.language)

    def plan_name(self, plan: str) -> str:
        if plan == DAILY:
            return phrase("plan_daily")
        if plan == STRETCHES:
            return phrase("plan_stretches")
        name = exercise_name(plan)
        return name if plan == REVERSE_KEGEL else self.language.definite(name)

    # ------------------------------------------------------------------ speaking

    def line(self, key: str, **values: object) -> str:
        return phrase(key, self.rng, **{"example": self.example(), **values})

    def example(self) -> str:
        """A single exercise to name as an example: never one left out for now."""
        # Every line of the turn offers it: worked out once for each profile it sees.
        profile = self.profile
        if self._example is None or self._example[0] is not profile:
            self._example = (profile, self._example_for(profile))
        return self._example[1]

    def _example_for(self, profile: Profile) -> str:
        eased = set(profile.eased) if profile.gentle_left > 0 else set()
        for stretch_id in ("butterfly", "bridge", "seated_hip"):
            if stretch_id not in eased:
                return self.language.definite(exercise_name(stretch_id))
        return exercise_name(REVERSE_KEGEL)

    def count(self, number: int, noun: str) -> str:
        """"1 session", "3 sessions": in the request's language (issue-17)."""
        return self.language.count(number, noun)

    def join(self, items: list[str]) -> str:
        """"a, b and c": in the request's language (issue-17)."""
        return self.language.join(items)

    def definite(self, name: str) -> str:
        """"the butterfly": a name with its article, in the request's language (issue-17)."""
        return self.language.definite(name)

    def time(self, at: TimeOfDay) -> str:
        """"8 AM", "7:30 PM", "noon": a time of day in the request's language (issue-17)."""
        return self.language.time(at)

    def say(self, key: str, **values: object) -> Speech:
        return Speech().say(self.line(key, **values))

    def next_session(self, **updates: object) -> Session:
        """This session as the reply leaves it: the question is new, the rest carries."""
        return replace(self.session, **updates)  # type: ignore[arg-type]

    def ask_again(self, speech: Speech) -> Outcome:
        """Say ``speech``, then the question still open, in words; the state stays."""
        return self.ask(speech.extend(self.reprompt(self.session)), self.session.mode)

    def ask(self, speech: Speech, mode: Mode, reprompt: Speech | None = None,
            **updates: object) -> Outcome:
        """Say ``speech`` and listen: ``mode`` is the question it asked.

        The microphone stays open only after a question: a reply that would listen
        without asking anything ends with the state's question in words. (The reprompt
        comes only after seconds of silence, so it does not count.)
        """
        session = self.next_session(mode=mode, **updates)
        again = reprompt or self.reprompt(session)
        if not asks_something(speech, self.language):
            speech.extend(again)
        return self._outcome(Reply(speech, again, elicit=ELICITED.get(mode)), session)

    def end(self, speech: Speech | None, **updates: object) -> Outcome:
        """Say ``speech`` and close the session; the place stays kept."""
        session = self.next_session(mode=Mode.IDLE, in_routine=False, pending=None, **updates)
        return self._outcome(Reply(speech) if speech is not None else None, session)

    def follow_up(self, speech: Speech) -> Outcome:
        """After answering a side question: carry on with the routine, or ask what next."""
        position = self.session.position
        if self.session.in_routine and position is not None:
            index = self.upcoming(position)
            if index is not None:
                speech.say(self.line("carry_on", step=self.title(position, index)))
                return self.ask(speech, Mode.BETWEEN_STEPS)
        if self.ctx.new_session:
            # A one-shot question ("ask Release Coach how I'm doing") gets its answer and ends.
            return self.end(speech)
        if self.session.mode in (Mode.OFFER_START, Mode.OFFER_RESUME):
            # Asked in the middle of an offer ("less talking, please" to "shall we start?"):
            # the offer is still the question, so it is asked again rather than dropped.
            return self.ask_again(speech)
        speech.say(self.line("anything_else"))
        return self.ask(speech, Mode.IDLE)

    def reprompt(self, session: Session) -> Speech:
        """What Alexa says if the user says nothing: the question again, in words."""
        position = session.position
        if session.mode is Mode.BETWEEN_STEPS and position is not None:
            index = self.upcoming(position)
            if index is not None:
                return self.say("between_steps_reprompt", next=self.title(position, index))
        if session.mode is Mode.OFFER_RESUME and position is not None:
            index = self.upcoming(position)
            if index is not None:
                return self.say("offer_resume_reprompt", next=self.title(position, index))
        if session.mode in (Mode.BETWEEN_STEPS, Mode.OFFER_RESUME):
            return Speech().say(phrase("idle_reprompt"))
        return Speech().say(phrase(f"{session.mode.value}_reprompt", example=self.example()))

    def _outcome(self, reply: Reply | None, session: Session) -> Outcome:
        if self.ctx.profile.safety_notice_heard and not session.notice_known:
            # issue-18: the session remembers what the profile says, so that a later turn
            # whose read fails does not ask the safety questions again.
            session = replace(session, notice_known=True)
        if reply is not None:
            # A user who asked for a slower pace hears every reply a little slower.
            reply.rate = self.profile.settings.speaking_rate
        return Outcome(reply, session, self.changes, self.events)


__all__ = ["ROUTINE_PLANS", "STALE_PLACE_DAYS", "Talk", "asks_something"]
