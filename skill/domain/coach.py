"""The conversation: what Release Coach says and does for each thing a user says.

:class:`Coach` is pure domain logic. It receives the user's profile, the
conversation mode and routine position, and today's date, and returns an
:class:`Outcome`: the reply to speak, the new mode and position, and the
progress changes to store. It knows nothing of Alexa or of the store, so each
behaviour is tested by calling it directly.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum
from functools import cache

from skill.domain.content import phrase
from skill.domain.exercises import REVERSE_KEGEL, exercise_name
from skill.domain.narration import estimated_seconds, narrate, step_title
from skill.domain.program import (
    DAILY,
    MAINTENANCE,
    PROGRAM_WEEKS,
    is_known_plan,
    routine_steps,
    week_for,
    week_plan,
)
from skill.domain.progress import (
    Change,
    NoticeHeard,
    PainAcknowledged,
    PainReported,
    Position,
    PositionSet,
    Profile,
    SessionCompleted,
    SessionRecord,
    apply,
    streak_on,
    totals,
)
from skill.domain.ssml import Speech


class Mode(StrEnum):
    """What the last reply asked of the user, so a bare "yes" or "next" makes sense."""

    IDLE = "idle"
    OFFER_START = "offer_start"
    OFFER_RESUME = "offer_resume"
    IN_ROUTINE = "in_routine"
    CONFIRM_DELETE = "confirm_delete"


PERIODS = ("today", "week", "month", "all")
MAX_ECHOED_CHARS = 40


@dataclass
class Reply:
    """What Alexa says; without a reprompt the session ends after it."""

    speech: Speech
    reprompt: Speech | None = None

    @property
    def ends_session(self) -> bool:
        return self.reprompt is None


@dataclass
class Outcome:
    reply: Reply | None
    mode: Mode
    position: Position | None
    changes: list[Change] = field(default_factory=list)
    delete_user: bool = False


@dataclass
class Context:
    """Everything one turn knows before it answers."""

    profile: Profile
    today: date
    mode: Mode = Mode.IDLE
    position: Position | None = None
    new_session: bool = True
    finished_at: str = ""
    turn_id: str = "local"


@cache
def routine_minutes(plan: str, week: int) -> int:
    """About how long a routine takes, from the narration itself."""
    steps = routine_steps(plan, week)
    seconds = sum(estimated_seconds(narrate(step, random.Random(0))) for step in steps)
    return max(1, round(seconds / 60))


def _say(key: str, rng: random.Random | None = None, **values: object) -> Speech:
    return Speech().say(phrase(key, rng, **values))


def _n(count: int, word: str) -> str:
    """``"1 session"``, ``"3 sessions"``: counts read naturally aloud."""
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _and_list(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


class Coach:
    """Answers one turn of the conversation."""

    def __init__(self, context: Context) -> None:
        self.ctx = context
        self.profile = context.profile
        self.today = context.today
        self.changes: list[Change] = []
        seed = f"{context.today}:{self.profile.sessions}:{context.position}"
        self.rng = random.Random(seed)

    # ----------------------------------------------------------------- helpers

    @property
    def week(self) -> int:
        return week_for(self.profile.practice_days)

    def _outcome(self, reply: Reply | None, mode: Mode, position: Position | None = None,
                 *, delete_user: bool = False) -> Outcome:
        return Outcome(reply, mode, position, self.changes, delete_user)

    def _keep(self, reply: Reply, mode: Mode | None = None) -> Outcome:
        """Answer without moving: the mode and position stay as they were."""
        return self._outcome(reply, mode or self.ctx.mode, self.ctx.position)

    def _notice(self) -> Speech:
        """The safety notice, once per user, before their very first guidance."""
        if self.profile.safety_notice_heard or any(
            isinstance(c, NoticeHeard) for c in self.changes
        ):
            return Speech()
        self.changes.append(NoticeHeard(self.today.isoformat()))
        return _say("safety_notice")

    def _routine_summary(self, plan: str = DAILY) -> str:
        wp = week_plan(self.week)
        stretches = [exercise_name(s).removesuffix(" stretch") for s in wp.stretch_ids]
        minutes = routine_minutes(plan, self.week)
        week_words = (phrase("maintenance_phase") if wp.is_maintenance
                      else phrase("program_week", week=wp.week, weeks=PROGRAM_WEEKS))
        return phrase("todays_routine", week_words=week_words, reps=wp.reps,
                      hold=wp.hold_seconds, stretches=_and_list(stretches), minutes=minutes)

    def _position_title(self, position: Position) -> str:
        steps = routine_steps(position.plan, position.week)
        return step_title(steps[min(position.step, len(steps) - 1)])

    def _offer_start(self, lead: Speech) -> Outcome:
        lead.say(self._routine_summary()).say(phrase("offer_start"))
        return self._outcome(Reply(lead, _say("offer_start_reprompt")), Mode.OFFER_START,
                             self.ctx.position)

    def _offer_resume(self, lead: Speech, position: Position) -> Outcome:
        lead.say(phrase("offer_resume", step=self._position_title(position)))
        return self._outcome(Reply(lead, _say("offer_resume_reprompt")), Mode.OFFER_RESUME,
                             position)

    def _follow_up(self, speech: Speech) -> Outcome:
        """After answering a question: carry on with the routine, or offer one."""
        if self.ctx.mode is Mode.IN_ROUTINE and self.ctx.position is not None:
            step = self._position_title(self.ctx.position)
            speech.say(phrase("carry_on", step=step))
            return self._keep(Reply(speech, _say("in_routine_reprompt")))
        if self.ctx.new_session:
            # A one-shot question ("ask Release Coach how I'm doing") gets its answer and ends.
            return self._outcome(Reply(speech), Mode.IDLE, self.ctx.position)
        speech.say(phrase("anything_else"))
        return self._outcome(Reply(speech, _say("idle_reprompt")), Mode.IDLE, self.ctx.position)

    # ------------------------------------------------------------ the routine

    def _deliver(self, position: Position, lead: Speech) -> Outcome:
        steps = routine_steps(position.plan, position.week)
        step = steps[position.step]
        speech = Speech().extend(self._notice()).extend(lead)
        body = narrate(step, random.Random(f"{self.today}:{position.plan}:{position.step}"))
        speech.extend(body)
        if position.step + 1 < len(steps):
            self.changes.append(PositionSet(position))
            upcoming = step_title(steps[position.step + 1])
            speech.say(phrase("step_done", self.rng, next=upcoming))
            reprompt = _say("step_reprompt", next=upcoming)
            return self._outcome(Reply(speech, reprompt), Mode.IN_ROUTINE, position)
        return self._finish(position, speech, estimated_seconds(body))

    def _finish(self, position: Position, speech: Speech, last_step_seconds: int) -> Outcome:
        seconds = position.seconds_done + last_step_seconds
        title = (phrase("daily_title", week=position.week) if position.plan == DAILY
                 else exercise_name(position.plan))
        record = SessionRecord(
            id=self.ctx.turn_id,
            on=self.today.isoformat(),
            finished_at=self.ctx.finished_at or self.today.isoformat(),
            plan=position.plan,
            week=position.week,
            title=title,
            seconds=seconds,
            steps_done=position.steps_done + 1,
        )
        self.changes.append(SessionCompleted(record))
        after = apply(self.profile, self.changes)
        minutes = max(1, round(seconds / 60))
        speech.say(phrase("routine_complete", self.rng, minutes=_n(minutes, "minute")))
        streak = streak_on(after, self.today)
        if streak > 1:
            speech.say(phrase("streak_cheer", streak=_n(streak, "day")))
        if week_for(after.practice_days) > week_for(self.profile.practice_days):
            speech.say(phrase("week_up", week=week_for(after.practice_days)))
        speech.say(phrase("goodbye_after_routine", self.rng))
        return self._outcome(Reply(speech), Mode.IDLE, after.position)

    def _begin(self, plan: str, lead: Speech) -> Outcome:
        position = Position(plan=plan, week=self.week, step=0, started_on=self.today.isoformat())
        return self._deliver(position, lead)

    def _advance(self, *, completed: bool) -> Outcome:
        position = self.ctx.position
        assert position is not None
        steps = routine_steps(position.plan, position.week)
        if position.step + 1 >= len(steps):
            return self._deliver(position, Speech())
        done_seconds = estimated_seconds(
            narrate(steps[position.step], random.Random(0))) if completed else 0
        moved = replace(
            position,
            step=position.step + 1,
            seconds_done=position.seconds_done + done_seconds,
            steps_done=position.steps_done + (1 if completed else 0),
        )
        lead = Speech() if completed else _say("skipped", step=step_title(steps[position.step]))
        return self._deliver(moved, lead)

    # ------------------------------------------------------------ user intents

    def launch(self) -> Outcome:
        speech = Speech()
        if self.profile.pain_reported_on:
            self.changes.append(PainAcknowledged())
            speech.say(phrase("pain_follow_up"))
        elif self.profile.safety_notice_heard:
            speech.say(phrase("welcome_back", self.rng))
        else:
            speech.say(phrase("welcome_first"))
        speech.extend(self._notice())
        position = self.ctx.position
        if position is not None and is_known_plan(position.plan):
            return self._offer_resume(speech, position)
        return self._offer_start(speech)

    def todays_routine(self) -> Outcome:
        if self.ctx.mode is Mode.IN_ROUTINE:
            return self._follow_up(Speech().say(self._routine_summary()))
        return self._offer_start(Speech())

    def start_routine(self) -> Outcome:
        position = self.ctx.position
        if self.ctx.mode is not Mode.IN_ROUTINE and position is not None \
                and position.plan == DAILY:
            return self._offer_resume(Speech(), position)
        return self._begin(DAILY, _say("starting_routine", self.rng))

    def guide(self, exercise_id: str | None, heard: str | None = None) -> Outcome:
        if exercise_id is None or not is_known_plan(exercise_id) or exercise_id == DAILY:
            # Echo what was heard only when it is short enough to be an exercise name.
            echo = heard is not None and 0 < len(heard) <= MAX_ECHOED_CHARS
            lead = _say("unknown_exercise", heard=heard) if echo else Speech()
            lead.say(phrase("exercise_menu"))
            return self._keep(Reply(lead, _say("exercise_menu")),
                              Mode.IN_ROUTINE if self.ctx.mode is Mode.IN_ROUTINE else Mode.IDLE)
        name = exercise_name(exercise_id)
        lead = _say("starting_single", name=name if exercise_id == REVERSE_KEGEL else f"the {name}")
        outcome = self._begin(exercise_id, lead)
        if outcome.position is None and self.ctx.position is not None \
                and self.ctx.position.plan == DAILY:
            # A single exercise must not cost the user their place in the daily routine.
            outcome.position = self.ctx.position
        return outcome

    def next(self) -> Outcome:
        if self.ctx.mode is Mode.IN_ROUTINE and self.ctx.position is not None:
            return self._advance(completed=True)
        return self.yes() if self.ctx.mode in (Mode.OFFER_START, Mode.OFFER_RESUME) \
            else self.resume()

    def skip(self) -> Outcome:
        if self.ctx.mode is Mode.IN_ROUTINE and self.ctx.position is not None:
            return self._advance(completed=False)
        speech = _say("nothing_to_skip")
        return self._keep(Reply(speech, _say("idle_reprompt")))

    def repeat(self) -> Outcome:
        position = self.ctx.position
        if self.ctx.mode is Mode.IN_ROUTINE and position is not None:
            return self._deliver(position, _say("repeating", self.rng))
        return self.help()

    def resume(self) -> Outcome:
        position = self.ctx.position
        if position is None or not is_known_plan(position.plan):
            return self._offer_start(_say("nothing_to_resume"))
        return self._deliver(position, _say("resuming", step=self._position_title(position)))

    def start_over(self) -> Outcome:
        position = self.ctx.position
        plan = position.plan if position is not None and is_known_plan(position.plan) else DAILY
        return self._begin(plan, _say("starting_over"))

    def pause(self) -> Outcome:
        position = self.ctx.position
        if self.ctx.mode is Mode.IN_ROUTINE and position is not None:
            speech = _say("paused", step=self._position_title(position))
            return self._outcome(Reply(speech), Mode.IDLE, position)
        return self._keep(Reply(_say("nothing_to_pause"), _say("idle_reprompt")))

    def stop(self) -> Outcome:
        position = self.ctx.position
        if self.ctx.mode is Mode.CONFIRM_DELETE:
            return self._outcome(Reply(_say("delete_cancelled")), Mode.IDLE, position)
        if self.ctx.mode is Mode.IN_ROUTINE and position is not None:
            speech = _say("stopped_mid_routine", step=self._position_title(position))
            return self._outcome(Reply(speech), Mode.IDLE, position)
        return self._outcome(Reply(_say("goodbye", self.rng)), Mode.IDLE, position)

    def home(self) -> Outcome:
        lead = _say("home")
        position = self.ctx.position
        if position is not None and is_known_plan(position.plan):
            return self._offer_resume(lead, position)
        return self._offer_start(lead)

    def yes(self) -> Outcome:
        match self.ctx.mode:
            case Mode.OFFER_START:
                return self._begin(DAILY, _say("starting_routine", self.rng))
            case Mode.OFFER_RESUME:
                return self.resume()
            case Mode.IN_ROUTINE:
                return self.next()
            case Mode.CONFIRM_DELETE:
                return self._outcome(Reply(_say("deleted")), Mode.IDLE, None, delete_user=True)
        return self.fallback()

    def no(self) -> Outcome:
        match self.ctx.mode:
            case Mode.OFFER_RESUME:
                # Declining to resume means a fresh start today, not giving up the place.
                lead = _say("declined_resume")
                lead.say(self._routine_summary()).say(phrase("offer_start"))
                return self._outcome(Reply(lead, _say("offer_start_reprompt")),
                                     Mode.OFFER_START, None)
            case Mode.IN_ROUTINE:
                return self._keep(Reply(_say("in_routine_no"), _say("in_routine_reprompt")))
            case Mode.CONFIRM_DELETE:
                return self._outcome(Reply(_say("delete_cancelled")), Mode.IDLE,
                                     self.ctx.position)
        return self._outcome(Reply(_say("declined_start"), _say("idle_reprompt")), Mode.IDLE,
                             self.ctx.position)

    def help(self) -> Outcome:
        mode = self.ctx.mode.value
        return self._keep(Reply(_say(f"help_{mode}"), _say(f"{mode}_reprompt")))

    def fallback(self) -> Outcome:
        mode = self.ctx.mode.value
        return self._keep(Reply(_say(f"fallback_{mode}"), _say(f"{mode}_reprompt")))

    def pain(self) -> Outcome:
        self.changes.append(PainReported(self.today.isoformat()))
        if self.ctx.position is not None:
            self.changes.append(PositionSet(self.ctx.position))
        return self._outcome(Reply(_say("pain_stop")), Mode.IDLE, self.ctx.position)

    def session_ended(self) -> Outcome:
        # The place was saved when each step began, so a timeout loses nothing.
        return self._outcome(None, Mode.IDLE, self.ctx.position)

    # ------------------------------------------------------------ progress

    def _no_history(self) -> Outcome | None:
        if self.profile.sessions:
            return None
        in_routine = self.ctx.mode is Mode.IN_ROUTINE
        return self._follow_up(_say("no_history_in_routine" if in_routine else "no_history"))

    def progress_summary(self) -> Outcome:
        if (empty := self._no_history()) is not None:
            return empty
        week = totals(self.profile, "week", self.today)
        speech = _say("progress_summary", sessions=_n(self.profile.sessions, "session"),
                      minutes=_n(round(self.profile.seconds / 60), "minute"),
                      week_sessions=_n(week.sessions, "session"))
        speech.extend(self._streak_speech())
        return self._follow_up(speech)

    def _streak_speech(self) -> Speech:
        streak = streak_on(self.profile, self.today)
        if streak == 0:
            return _say("streak_none", longest=_n(self.profile.longest_streak, "day"))
        practised_today = self.profile.last_practice_on == self.today.isoformat()
        key = "streak_today" if practised_today else "streak_keep_alive"
        return _say(key, streak=_n(streak, "day"),
                    longest=_n(self.profile.longest_streak, "day"))

    def streak(self) -> Outcome:
        if (empty := self._no_history()) is not None:
            return empty
        return self._follow_up(self._streak_speech())

    def session_count(self, period: str | None) -> Outcome:
        if (empty := self._no_history()) is not None:
            return empty
        period = period if period in PERIODS else "week"
        found = totals(self.profile, period, self.today)
        return self._follow_up(_say(f"sessions_{period}", count=_n(found.sessions, "session"),
                                    total=_n(self.profile.sessions, "session")))

    def minutes_practised(self, period: str | None) -> Outcome:
        if (empty := self._no_history()) is not None:
            return empty
        period = period if period in PERIODS else "all"
        found = totals(self.profile, period, self.today)
        return self._follow_up(_say(f"minutes_{period}", minutes=_n(found.minutes, "minute"),
                                    sessions=_n(found.sessions, "session")))

    def last_session(self) -> Outcome:
        if (empty := self._no_history()) is not None or self.profile.last_practice_on is None:
            return empty or self._follow_up(_say("no_history"))
        days = (self.today - date.fromisoformat(self.profile.last_practice_on)).days
        minutes = round(self.profile.last_session_seconds / 60)
        when = (phrase("when_today") if days <= 0 else phrase("when_yesterday") if days == 1
                else phrase("when_days_ago", days=_n(days, "day")))
        return self._follow_up(_say("last_session", when=when,
                                    title=self.profile.last_session_title or "",
                                    minutes=_n(max(1, minutes), "minute")))

    def program_week(self) -> Outcome:
        week = self.week
        if week >= MAINTENANCE:
            speech = _say("program_maintenance", days=_n(self.profile.practice_days, "day"))
        else:
            speech = _say("program_week_answer", week=week, weeks=PROGRAM_WEEKS,
                          days=_n(self.profile.practice_days, "day"))
        return self._follow_up(speech)

    def where_left_off(self) -> Outcome:
        position = self.ctx.position
        if position is None or not is_known_plan(position.plan):
            return self._offer_start(_say("nothing_to_resume"))
        steps = routine_steps(position.plan, position.week)
        lead = _say("left_off", step=self._position_title(position), number=position.step + 1,
                    count=len(steps))
        return self._offer_resume(lead, position) if self.ctx.mode is not Mode.IN_ROUTINE \
            else self._follow_up(lead)

    def delete_request(self) -> Outcome:
        return self._outcome(Reply(_say("confirm_delete"), _say("confirm_delete_reprompt")),
                             Mode.CONFIRM_DELETE, self.ctx.position)


__all__ = ["Coach", "Context", "Mode", "Outcome", "Reply"]
