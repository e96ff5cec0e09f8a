"""The domain on its own: program, narration, SSML and progress maths, with no mocks."""

from __future__ import annotations

import random
from datetime import date
from itertools import pairwise

import pytest

from skill.domain.coach import Coach, Context, Mode, routine_minutes
from skill.domain.exercises import exercise_ids, stretches
from skill.domain.narration import estimated_seconds, narrate
from skill.domain.program import (
    MAINTENANCE,
    ReleaseSet,
    StretchStep,
    routine_steps,
    week_for,
    week_plan,
)
from skill.domain.progress import (
    DAILY_HISTORY_DAYS,
    Position,
    PositionSet,
    Profile,
    SessionCompleted,
    SessionRecord,
    apply,
    streak_on,
    totals,
)
from skill.domain.ssml import Speech, pause, problems, spoken_text, total_pause_seconds

MONDAY = date(2026, 11, 16)


def session(on: date, seconds: int = 300, plan: str = "daily", n: int = 0) -> SessionCompleted:
    return SessionCompleted(SessionRecord(id=f"{on}-{n}", on=on.isoformat(),
                                          finished_at=f"{on}T08:00:0{n}Z", plan=plan, week=1,
                                          title="routine", seconds=seconds, steps_done=3))


# ------------------------------------------------------------------ SSML


def test_long_pauses_are_chained_breaks_of_at_most_ten_seconds() -> None:
    assert pause(30) == '<break time="10s"/>' * 3
    assert pause(12.5) == '<break time="10s"/><break time="2500ms"/>'
    assert pause(0) == ""


def test_text_is_escaped_into_well_formed_ssml() -> None:
    ssml = Speech().say("Hips & <knees>").pause(3).ssml()
    assert problems(ssml) == []
    assert spoken_text(ssml) == "Hips & <knees>"


def test_problems_catches_what_alexa_refuses() -> None:
    assert problems("<speak>unclosed") != []
    assert any("over 10" in p for p in problems('<speak><break time="11s"/></speak>'))
    assert any("8000" in p for p in problems("<speak>" + "a" * 8000 + "</speak>"))
    assert any("invalid time" in p for p in problems('<speak><break time="long"/></speak>'))


# ------------------------------------------------------------------ program


def test_program_starts_gently_and_builds_up() -> None:
    weeks = [week_plan(w) for w in range(1, MAINTENANCE + 1)]
    assert (weeks[0].reps, weeks[0].hold_seconds, len(weeks[0].stretch_ids)) == (10, 3, 2)
    assert weeks[3].reps == 15 and weeks[3].hold_seconds == 5
    assert set(weeks[-1].stretch_ids) == set(stretches())
    for earlier, later in pairwise(weeks[:4]):
        assert later.reps * later.hold_seconds >= earlier.reps * earlier.hold_seconds
    assert all(10 <= w.reps <= 15 and 3 <= w.hold_seconds <= 5 for w in weeks)
    assert all(w.stretch_hold_seconds >= 30 for w in weeks)


def test_the_week_follows_practice_days() -> None:
    assert [week_for(d) for d in (0, 4, 5, 9, 10, 15, 19, 20, 400)] == [1, 1, 2, 2, 3, 4, 4, 5, 5]


@pytest.mark.parametrize("week", range(1, MAINTENANCE + 1))
def test_every_routine_lasts_five_to_twelve_minutes(week: int) -> None:
    assert 5 <= routine_minutes("daily", week) <= 12


@pytest.mark.parametrize("week", range(1, MAINTENANCE + 1))
def test_every_step_of_every_routine_is_valid_ssml(week: int) -> None:
    for plan in ["daily", *exercise_ids()]:
        for step in routine_steps(plan, week):
            for seed in range(3):
                assert problems(narrate(step, random.Random(seed)).ssml()) == []


def test_reverse_kegels_hold_then_relax_completely() -> None:
    speech = narrate(ReleaseSet(reps=12, hold_seconds=4), random.Random(1)).ssml()
    assert speech.count('<break time="4s"/>') >= 12  # each release held 4 s
    assert speech.count('<break time="5s"/>') == 12  # each relaxation at least as long
    text = spoken_text(speech).lower()
    assert "never push or strain" in text or "no pushing" in text or "never bearing down" in text
    assert "clench" not in text and "squeeze" not in text


def test_one_sided_stretches_are_held_on_both_sides() -> None:
    ssml = narrate(StretchStep("pigeon", 30), random.Random(2)).ssml()
    text = spoken_text(ssml)
    assert "right" in text and "left" in text
    assert total_pause_seconds(ssml) >= 60
    assert ssml.count('<break time="10s"/>') == 6


def test_holds_have_cues_between_breaks_so_time_is_heard_passing() -> None:
    ssml = narrate(StretchStep("butterfly", 30), random.Random(3)).ssml()
    between = ssml.split('<break time="10s"/>')[1:-1]
    assert len(between) == 2 and all(spoken_text(f"<speak>{b}</speak>") for b in between)
    assert "ten" in between[-1].lower()


def test_phrasing_varies_between_sessions() -> None:
    step = StretchStep("bridge", 30)
    versions = {narrate(step, random.Random(seed)).ssml() for seed in range(8)}
    assert len(versions) > 3


def test_estimated_time_counts_pauses_and_words() -> None:
    assert estimated_seconds(Speech().pause(20)) == 20
    assert estimated_seconds(Speech().say("x" * 140)) == 10


# ------------------------------------------------------------------ progress


def test_streaks_count_consecutive_days() -> None:
    profile = apply(Profile(), [session(MONDAY)])
    profile = apply(profile, [session(date(2026, 11, 17))])
    assert profile.current_streak == 2 and profile.longest_streak == 2
    assert streak_on(profile, date(2026, 11, 18)) == 2  # still alive the next day
    assert streak_on(profile, date(2026, 11, 19)) == 0  # a missed day ends it
    profile = apply(profile, [session(date(2026, 11, 20))])
    assert profile.current_streak == 1 and profile.longest_streak == 2


def test_twice_in_one_day_counts_two_sessions_one_day() -> None:
    profile = apply(Profile(), [session(MONDAY, n=1), session(MONDAY, n=2)])
    assert profile.sessions == 2 and profile.practice_days == 1 and profile.current_streak == 1


def test_a_late_arriving_earlier_session_does_not_break_the_streak() -> None:
    profile = apply(Profile(), [session(date(2026, 11, 17)), session(MONDAY)])
    assert profile.last_practice_on == "2026-11-17" and profile.sessions == 2


def test_period_totals_use_the_calendar() -> None:
    profile = Profile()
    for day in (date(2026, 10, 30), date(2026, 11, 13), MONDAY, date(2026, 11, 18)):
        profile = apply(profile, [session(day, seconds=600)])
    today = date(2026, 11, 18)
    assert totals(profile, "today", today).sessions == 1
    assert totals(profile, "week", today).sessions == 2
    assert totals(profile, "month", today).sessions == 3
    assert totals(profile, "all", today).minutes == 40


def test_the_profile_stays_bounded_however_long_the_history() -> None:
    profile = Profile()
    for n in range(400):
        day = date.fromordinal(MONDAY.toordinal() + n)
        profile = apply(profile, [session(day)])
    assert profile.sessions == 400
    assert len(profile.daily) <= DAILY_HISTORY_DAYS
    assert len(str(profile.to_dict())) < 4000


def test_apply_leaves_the_original_untouched() -> None:
    original = Profile()
    apply(original, [session(MONDAY)])
    assert original == Profile()


def test_round_trip_through_a_dict() -> None:
    coach = Coach(Context(Profile(), MONDAY, mode=Mode.OFFER_START, new_session=False))
    outcome = coach.yes()
    profile = apply(Profile(), outcome.changes)
    assert any(isinstance(c, PositionSet) for c in outcome.changes)
    assert Profile.from_dict(profile.to_dict(), version=3) == \
        Profile(**{**profile.__dict__, "version": 3})


# ------------------------------------------------------------------ coach


def test_the_coach_never_loses_the_place_on_stop_or_timeout() -> None:
    started = Coach(Context(Profile(), MONDAY, mode=Mode.OFFER_START, new_session=False)).yes()
    assert started.position is not None
    ctx = Context(Profile(), MONDAY, mode=Mode.IN_ROUTINE, position=started.position,
                  new_session=False)
    for outcome in (Coach(ctx).stop(), Coach(ctx).pause(), Coach(ctx).session_ended(),
                    Coach(ctx).pain()):
        assert outcome.position == started.position


def test_ending_replies_do_not_ask_questions() -> None:
    ctx = Context(Profile(), MONDAY, mode=Mode.IN_ROUTINE,
                  position=Coach(Context(Profile(), MONDAY)).start_routine().position,
                  new_session=False)
    for outcome in (Coach(ctx).stop(), Coach(ctx).pause(), Coach(ctx).pain()):
        assert outcome.reply is not None and outcome.reply.ends_session
        assert "?" not in spoken_text(outcome.reply.speech.ssml())


def test_every_phrase_is_spoken_somewhere_and_every_mode_has_help() -> None:
    from pathlib import Path

    from skill.domain.content import phrases_data

    skill_dir = Path(__file__).resolve().parent.parent / "skill"
    source = "".join(p.read_text() for p in skill_dir.rglob("*.py"))
    for mode in Mode:
        for key in (f"help_{mode.value}", f"fallback_{mode.value}", f"{mode.value}_reprompt"):
            assert key in phrases_data()
    dynamic = ("help_", "fallback_", "sessions_", "minutes_", "_reprompt")
    unused = [key for key in phrases_data() if not key.startswith("_")
              and f'"{key}"' not in source and not any(part in key for part in dynamic)]
    assert unused == []


@pytest.mark.parametrize("raw", [
    None, "daily", {"plan": "daily"}, {"plan": "daily", "week": 1, "step": "0",
                                      "started_on": "2026-11-16"},
    {"plan": "daily", "week": 0, "step": 0, "started_on": "2026-11-16"},
    {"plan": "daily", "week": 1, "step": -1, "started_on": "2026-11-16"},
    {"plan": "daily", "week": 1, "step": 0, "started_on": "yesterday"},
    {"plan": "daily", "week": 1, "step": 0, "started_on": "2026-11-16", "extra": 1},
    {"plan": "daily", "week": True, "step": 0, "started_on": "2026-11-16"},
])
def test_positions_from_outside_are_checked_not_trusted(raw: object) -> None:
    assert Position.parse(raw) is None


def test_a_sane_position_parses() -> None:
    raw = {"plan": "daily", "week": 2, "step": 1, "started_on": "2026-11-16",
           "seconds_done": 90, "steps_done": 1}
    assert Position.parse(raw) == Position("daily", 2, 1, "2026-11-16", 90, 1)
