"""Personal pace and the program's pace: settings, shorter routines, and moving weeks.

Settings are remembered per user and kept inside the guidance's bounds (see
:mod:`skill.domain.settings`). A change made mid-routine applies from the next step.
"""

from __future__ import annotations

from dataclasses import replace

from skill.domain.dialogue.flow import offer_start
from skill.domain.dialogue.state import Mode, Outcome, Said
from skill.domain.dialogue.talk import Talk
from skill.domain.exercises import REVERSE_KEGEL, exercise_name
from skill.domain.narration import lighter_words, step_exercise
from skill.domain.program import MAINTENANCE
from skill.domain.progress import (
    GENTLE_SESSIONS,
    GentleChosen,
    PositionSet,
    ProgramWeekSet,
    SettingsChanged,
)
from skill.domain.routine import DAILY, STRETCHES, Choices, release_targets, step_seconds, targets
from skill.domain.settings import (
    DEFAULT_SETTINGS,
    PACE_MAX,
    PACE_MIN,
    REPS_MAX,
    REPS_MIN,
    STRETCH_HOLD_MAX,
    STRETCH_HOLD_MIN,
    STRETCH_HOLD_STEP,
    Settings,
    clamp,
)
from skill.domain.ssml import Speech

MIN_BUDGET_MINUTES, MAX_BUDGET_MINUTES = 2, 60


def _changed(settings: Settings, change: str | None) -> tuple[Settings, str]:
    """The settings after ``change``, and the phrase key that says what happened."""
    s = settings
    match change:
        case "slower":
            new = replace(s, pace=clamp(s.pace + 1, PACE_MIN, PACE_MAX))
            return new, "setting_slower" if new != s else "setting_slowest"
        case "faster":
            new = replace(s, pace=clamp(s.pace - 1, PACE_MIN, PACE_MAX))
            return new, "setting_faster" if new != s else "setting_fastest"
        case "longer_holds":
            new = replace(s, hold_change=clamp(s.hold_change + 1, -2, 2),
                          stretch_hold=clamp(s.stretch_hold + STRETCH_HOLD_STEP,
                                             STRETCH_HOLD_MIN, STRETCH_HOLD_MAX))
            return new, "setting_longer" if new != s else "setting_longest"
        case "shorter_holds":
            new = replace(s, hold_change=clamp(s.hold_change - 1, -2, 2),
                          stretch_hold=clamp(s.stretch_hold - STRETCH_HOLD_STEP,
                                             STRETCH_HOLD_MIN, STRETCH_HOLD_MAX))
            return new, "setting_shorter" if new != s else "setting_shortest"
        case "more_reps":
            new = replace(s, reps_change=clamp(s.reps_change + 2, -5, 5))
            return new, "setting_more_reps" if new != s else "setting_most_reps"
        case "fewer_reps":
            new = replace(s, reps_change=clamp(s.reps_change - 2, -5, 5))
            return new, "setting_fewer_reps" if new != s else "setting_fewest_reps"
        case "less_talking":
            return replace(s, brief=True), "setting_brief"
        case "more_talking":
            return replace(s, brief=False), "setting_full"
        case "auto_off":
            return replace(s, auto_advance=False), "setting_auto_off"
        case "auto_on":
            return replace(s, auto_advance=True), "setting_auto_on"
        case "tones_on":
            return replace(s, tones=True), "setting_tones_on"
        case "tones_off":
            return replace(s, tones=False), "setting_tones_off"
    return s, "setting_unknown"


# issue 16: a change the user would not hear this week is answered as being at the limit.
_AT_LIMIT = {"setting_more_reps": "setting_most_reps", "setting_fewer_reps": "setting_fewest_reps",
             "setting_longer": "setting_longest", "setting_shorter": "setting_shortest"}


def _heard_change(week: int, old: Settings, new: Settings, key: str) -> tuple[Settings, str]:
    """``new`` and ``key``, unless ``new`` changes nothing a routine at ``week`` holds."""
    if key not in _AT_LIMIT:
        return new, key
    same = targets(week, Choices(old)) == targets(week, Choices(new))
    return (old, _AT_LIMIT[key]) if same else (new, key)


def change_setting(c: Talk, said: Said) -> Outcome:
    new, key = _heard_change(c.profile.week, c.profile.settings,
                             *_changed(c.profile.settings, said.value))
    if new != c.profile.settings:
        c.changes.append(SettingsChanged(new))
    speech = c.say(key)
    position = c.session.position
    if c.session.in_routine and position is not None and new != c.ctx.profile.settings:
        index = c.upcoming(position)
        old = c.ctx.profile.settings
        # The routine's plan is fixed: new targets wait for the next routine; a change that
        # would make the next step too long for one response waits for the next exercise.
        targets_changed = (new.reps_change, new.hold_change, new.stretch_hold) != \
            (old.reps_change, old.hold_change, old.stretch_hold)
        waits = index is not None and c.narration_settings(position, index) != new
        key = ("setting_from_next_routine" if targets_changed
               else "setting_from_next_exercise" if waits else "setting_from_next_step")
        speech.say(c.line(key))
    return c.follow_up(speech)


def describe_settings(c: Talk, settings: Settings) -> Speech:
    aims = targets(c.profile.week, replace(c.new_choices(), settings=settings))
    pace = c.language.word("pace", str(settings.pace))  # issue-17: the language's word
    return c.say("settings_status", pace=pace, reps=aims.reps, hold=aims.hold_seconds,
                 stretch=aims.stretch_hold_seconds,
                 talk=c.line("talk_brief" if settings.brief else "talk_full"),
                 auto=c.line("auto_on" if settings.auto_advance else "auto_off"),
                 reps_min=REPS_MIN, reps_max=REPS_MAX)


def settings_status(c: Talk, said: Said) -> Outcome:
    return c.follow_up(describe_settings(c, c.profile.settings))


def reset_settings(c: Talk, said: Said) -> Outcome:
    if c.profile.settings != DEFAULT_SETTINGS:
        c.changes.append(SettingsChanged(DEFAULT_SETTINGS))
    return c.follow_up(c.say("settings_reset"))


def _trim_to(c: Talk, minutes: int) -> Outcome:
    """Mid-routine: leave out stretches from the end until what is left fits."""
    position = c.session.position
    assert position is not None
    steps = c.steps(position)
    left = [i for i in range(position.step, len(steps))
            if step_exercise(steps[i]) not in position.skipped]
    skipped = list(position.skipped)
    settings = c.profile.settings

    def remaining() -> float:
        return sum(step_seconds(steps[i], settings) for i in left
                   if step_exercise(steps[i]) not in skipped)

    for index in reversed(left):
        exercise = step_exercise(steps[index])
        if remaining() <= minutes * 60:
            break
        if exercise != REVERSE_KEGEL and exercise not in skipped:
            skipped.append(exercise)
    trimmed = replace(position, skipped=tuple(skipped))
    c.session = c.next_session(position=trimmed)
    c.changes.append(PositionSet(trimmed))
    dropped = [s for s in skipped if s not in position.skipped]
    speech = c.say("trimmed", minutes=c.count(minutes, "minute"),
                   dropped=c.join([c.definite(exercise_name(s)) for s in dropped])) \
        if dropped else c.say("already_fits", minutes=c.count(minutes, "minute"))
    return c.follow_up(speech)


def short_routine(c: Talk, said: Said) -> Outcome:
    if said.number is None or said.number < 1:
        return c.ask(c.say("how_many_minutes"), Mode.MINUTES_QUESTION)
    minutes = max(MIN_BUDGET_MINUTES, min(said.number, MAX_BUDGET_MINUTES))
    if c.session.in_routine and c.session.position is not None:
        return _trim_to(c, minutes)
    return offer_start(c, Speech(), DAILY, minutes)


def just_stretches(c: Talk, said: Said) -> Outcome:
    position = c.session.position
    if c.session.in_routine and position is not None:
        trimmed = replace(position, skipped=(*position.skipped, REVERSE_KEGEL))
        c.session = c.next_session(position=trimmed)
        c.changes.append(PositionSet(trimmed))
        return c.follow_up(c.say("stretches_only_now"))
    return offer_start(c, c.say("stretches_only"), STRETCHES)


def make_easier(c: Talk, said: Said) -> Outcome:
    """Lighter than today's targets in every phase (issue 16): a week back where that is
    lighter, otherwise (week 1, maintenance, or settings that cancel it) a few gentle
    sessions; either way the user hears exactly what changes."""
    week, settings = c.profile.week, c.profile.settings
    normal = release_targets(week, settings)
    if 1 < week < MAINTENANCE:
        earlier = release_targets(week - 1, settings)
        if earlier[0] < normal[0] or earlier[1] < normal[1]:
            c.changes.append(ProgramWeekSet(week - 1))
            return c.follow_up(c.say("stepped_back", week=week - 1,
                                     change=lighter_words(normal, earlier)))
    c.changes.append(GentleChosen())
    return c.follow_up(c.say("easier_gently", sessions=c.count(GENTLE_SESSIONS, "session"),
                             change=lighter_words(normal,
                                                  release_targets(week, settings, True))))


def move_up_a_week(c: Talk, said: Said) -> Outcome:
    target = c.profile.week + 1
    c.changes.append(ProgramWeekSet(target))
    key = "moved_to_maintenance" if target >= MAINTENANCE else "moved_up"
    aims = targets(target, Choices(c.profile.settings))
    return c.end(c.say(key, week=target, reps=aims.reps, hold=aims.hold_seconds))


def stay_at_week(c: Talk, said: Said) -> Outcome:
    return c.end(c.say("staying_at_week", week=c.profile.week))


def no_reminder(c: Talk, said: Said) -> Outcome:
    return c.end(c.say("reminder_offer_declined"))


__all__ = ["describe_settings"]
