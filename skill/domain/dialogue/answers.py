"""Answers to questions: today's routine, how long, what an exercise is, progress, help.

Answers never move the place. Mid-routine they end by offering to carry on; in a
one-shot request they end the session; otherwise they ask what next, and "no" to
that ends politely.
"""

from __future__ import annotations

from datetime import date

from skill.domain.content import exercises_data
from skill.domain.dialogue.flow import (
    offer_resume,
    offer_start,
    progress_card,
    routine_summary,
    with_card,
)
from skill.domain.dialogue.state import Mode, Offer, Outcome, Said
from skill.domain.dialogue.talk import Talk
from skill.domain.exercises import REVERSE_KEGEL, stretches
from skill.domain.narration import step_exercise
from skill.domain.program import (
    MAINTENANCE,
    PROGRAM_DAYS_PER_WEEK,
    PROGRAM_WEEKS,
)
from skill.domain.progress import PERIODS, streak_on, totals
from skill.domain.routine import (
    DAILY,
    routine_minutes,
    step_seconds,
    targets,
)
from skill.domain.screens import progress_screen
from skill.domain.ssml import Speech

MAX_ECHOED_CHARS = 40


def todays_routine(c: Talk, said: Said) -> Outcome:
    if c.session.in_routine:
        return c.follow_up(Speech().say(routine_summary(c, in_hand=c.session.position)))
    return offer_start(c, Speech())


def how_long(c: Talk, said: Said) -> Outcome:
    position = c.session.position
    # At "shall I carry on from there?", the time is what is left from the kept place.
    resuming = c.session.mode is Mode.OFFER_RESUME
    if (c.session.in_routine or resuming) and position is not None:
        steps = c.steps(position)
        left = [s for i, s in enumerate(steps) if i >= position.step
                and step_exercise(s) not in position.skipped]
        seconds = sum(step_seconds(step, c.profile.settings) for step in left)
        return c.follow_up(c.say("time_left", minutes=c.count(max(1, round(seconds / 60)),
                                                          "minute")))
    minutes = routine_minutes(DAILY, c.profile.week, c.new_choices())
    return offer_start(c, c.say("how_long", minutes=c.count(minutes, "minute")))


def explain_exercise(c: Talk, said: Said) -> Outcome:
    exercise = said.exercise if said.exercise in (REVERSE_KEGEL, *stretches()) \
        else REVERSE_KEGEL
    assert exercise is not None
    data = exercises_data()
    source = data[REVERSE_KEGEL] if exercise == REVERSE_KEGEL \
        else data["stretches"][exercise]
    speech = Speech().say(source["explain"])
    if c.session.in_routine:
        return c.follow_up(speech)
    speech.say(c.line("offer_guide", name=c.plan_name(exercise)))
    return c.ask(speech, Mode.OFFER_START, offer=Offer(exercise))


def exercise_menu(c: Talk, said: Said) -> Outcome:
    heard = said.heard
    echo = heard is not None and 0 < len(heard) <= MAX_ECHOED_CHARS
    lead = c.say("unknown_exercise", heard=heard) if echo else Speech()
    lead.say(c.line("exercise_menu"))
    mode = Mode.BETWEEN_STEPS if c.session.in_routine else Mode.IDLE
    return c.ask(lead, mode, c.say("exercise_menu"))


def help_here(c: Talk, said: Said) -> Outcome:
    """Help in every state: what the skill does, then what can be said here and now."""
    here = c.line(f"help_{c.session.mode.value}")
    # issue-19: a help that names the skill in its first sentence (every language's idle
    # help: "I'm Release Coach.", "Je suis Détente pelvienne.") needs no introduction.
    named = c.line("card_title") in here.split(". ")[0]
    speech = Speech() if named else c.say("help_what_i_do")
    return c.ask_again(speech.say(here))


def not_understood(c: Talk, said: Said) -> Outcome:
    """Not heard, or meant for another skill (a timer, a list, music: Alexa sends those
    here with no slot to tell them apart): what this skill does, then what can be said."""
    return c.ask_again(c.say("fallback").say(c.line("fallback_what_i_do")))


def what_would_you_like(c: Talk, said: Said) -> Outcome:
    return c.ask(c.say("what_would_you_like"), Mode.IDLE)


# ---------------------------------------------------------------------- progress


def _no_history(c: Talk) -> Outcome | None:
    if c.ctx.profile_unknown:
        # issue-18: a profile that could not be read is not an empty one.
        return c.follow_up(c.say("progress_unreachable"))
    if c.profile.sessions:
        return None
    key = "no_history_in_routine" if c.session.in_routine else "no_history"
    return c.follow_up(c.say(key))


def _streak_speech(c: Talk) -> Speech:
    profile = c.profile
    streak = streak_on(profile, c.today)
    # Told not to exercise until a doctor has checked them: never "practise today".
    waiting = profile.see_doctor_first
    if streak == 0:
        return c.say("streak_none_waiting" if waiting else "streak_none",
                     longest=c.count(profile.longest_streak, "day"))
    practised_today = profile.last_practice_on == c.today.isoformat()
    key = "streak_today" if practised_today else \
        "streak_waiting" if waiting else "streak_keep_alive"
    return c.say(key, streak=c.count(streak, "day"), longest=c.count(profile.longest_streak, "day"))


def progress_summary(c: Talk, said: Said) -> Outcome:
    outcome = _progress_summary(c)
    outcome.screen = progress_screen(c.profile, c.today)
    return _with_progress_card(c, outcome)


def _with_progress_card(c: Talk, outcome: Outcome) -> Outcome:
    """A progress answer leaves its numbers in the Alexa app too (once there are any)."""
    return with_card(outcome, progress_card(c)) if c.profile.sessions else outcome


def _progress_summary(c: Talk) -> Outcome:
    if (empty := _no_history(c)) is not None:
        return empty
    profile = c.profile
    week = totals(profile, "week", c.today)
    speech = c.say("progress_summary", sessions=c.count(profile.sessions, "session"),
                   minutes=c.count(round(profile.seconds / 60), "minute"),
                   week_sessions=c.count(week.sessions, "session"))
    return c.follow_up(speech.extend(_streak_speech(c)))


def streak(c: Talk, said: Said) -> Outcome:
    if (empty := _no_history(c)) is not None:
        return empty
    return _with_progress_card(c, c.follow_up(_streak_speech(c)))


def _period(c: Talk, said: Said, default: str) -> str | None:
    """The period asked about; ``None`` when words were heard that name no period."""
    if said.value in PERIODS:
        return said.value
    return None if said.heard else default


def _which_period(c: Talk) -> Outcome:
    mode = Mode.BETWEEN_STEPS if c.session.in_routine else Mode.IDLE
    return c.ask(c.say("which_period"), mode, c.say("which_period"))


def session_count(c: Talk, said: Said) -> Outcome:
    period = _period(c, said, "week")
    if period is None:
        return _which_period(c)
    if (empty := _no_history(c)) is not None:
        return empty
    found = totals(c.profile, period, c.today)
    speech = c.say(f"sessions_{period}", count=c.count(found.sessions, "session"),
                   total=c.count(c.profile.sessions, "session"))
    return _with_progress_card(c, c.follow_up(speech))


def minutes_practised(c: Talk, said: Said) -> Outcome:
    period = _period(c, said, "all")
    if period is None:
        return _which_period(c)
    if (empty := _no_history(c)) is not None:
        return empty
    found = totals(c.profile, period, c.today)
    if found.sessions == 0 and period != "all":  # "all" is never empty: see _no_history
        # "You didn't practice yesterday", never "about 0 minutes, over 0 sessions".
        return _with_progress_card(c, c.follow_up(c.say(f"minutes_none_{period}")))
    speech = c.say(f"minutes_{period}", minutes=c.count(found.minutes, "minute"),
                   sessions=c.count(found.sessions, "session"))
    return _with_progress_card(c, c.follow_up(speech))


def last_session(c: Talk, said: Said) -> Outcome:
    profile = c.profile
    if (empty := _no_history(c)) is not None or profile.last_practice_on is None:
        return empty or c.follow_up(c.say("no_history"))
    days = (c.today - date.fromisoformat(profile.last_practice_on)).days
    minutes = round(profile.last_session_seconds / 60)
    when = (c.line("when_today") if days <= 0 else c.line("when_yesterday") if days == 1
            else c.line("when_days_ago", days=c.count(days, "day")))
    speech = c.say("last_session", when=when, title=profile.last_session_title or "",
                   minutes=c.count(max(1, minutes), "minute"))
    return _with_progress_card(c, c.follow_up(speech))


def program_week(c: Talk, said: Said) -> Outcome:
    if c.ctx.profile_unknown:  # issue-18
        return c.follow_up(c.say("progress_unreachable"))
    profile = c.profile
    if profile.week >= MAINTENANCE:
        return _with_progress_card(c, c.follow_up(c.say("program_maintenance")))
    aims = targets(profile.week, c.new_choices())
    speech = c.say("program_week_answer", week=profile.week, weeks=PROGRAM_WEEKS,
                   reps=aims.reps, hold=aims.hold_seconds).extend(_days_left(c))
    return _with_progress_card(c, c.follow_up(speech))


def _days_left(c: Talk) -> Speech:
    profile = c.profile
    if profile.week >= MAINTENANCE:
        return c.say("program_maintenance")
    if profile.gentle_left > 0:
        return c.say("program_on_hold", sessions=c.count(profile.gentle_left, "session"))
    left = max(0, PROGRAM_DAYS_PER_WEEK - profile.program_days)
    if left == 0:
        return c.say("program_ready", next=profile.week + 1)
    return c.say("program_days_left", done=c.count(profile.program_days, "day"),
                 left=c.count(left, "day"),
                 next=profile.week + 1)


def on_track(c: Talk, said: Said) -> Outcome:
    if c.ctx.profile_unknown:  # issue-18
        return c.follow_up(c.say("progress_unreachable"))
    speech = _days_left(c)
    if c.profile.sessions:
        speech.extend(_streak_speech(c))
    return _with_progress_card(c, c.follow_up(speech))


def where_left_off(c: Talk, said: Said) -> Outcome:
    position = c.session.position if c.session.in_routine else c.place()
    if position is None or c.upcoming(position) is None:
        # issue-18: with the profile unreachable, no place is known, not "none".
        return offer_start(c, c.say("place_unreachable" if c.ctx.profile_unknown
                                    else "nothing_to_resume"))
    if c.session.in_routine:
        index = c.upcoming(position)
        assert index is not None
        return c.ask(c.say("in_routine_place", next=c.title(position, index),
                           number=index + 1, count=len(c.steps(position))),
                     Mode.BETWEEN_STEPS)
    # The offer itself says where: "You'd finished X; next is Y. Shall I carry on?"
    return offer_resume(c, Speech(), position)


# ---------------------------------------------------------------------- deleting


def confirm_delete(c: Talk, said: Said) -> Outcome:
    return c.ask(c.say("confirm_delete"), Mode.CONFIRM_DELETE)


def delete_everything(c: Talk, said: Said) -> Outcome:
    outcome = c.end(c.say("deleted"), position=None, held=None, screened=False)
    # issue-18: not carried over from the deleted profile.
    outcome.session.screened = outcome.session.notice_known = False
    outcome.delete_user = True
    return outcome


def keep_everything(c: Talk, said: Said) -> Outcome:
    return c.end(c.say("delete_cancelled"))
