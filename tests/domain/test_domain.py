"""The domain on its own: program, narration, SSML and progress maths, with no mocks."""

from __future__ import annotations

import re
from dataclasses import asdict
from datetime import date
from itertools import pairwise
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from skill.domain.exercises import stretches
from skill.domain.program import MAINTENANCE, week_plan
from skill.domain.progress import (
    DAILY_HISTORY_DAYS,
    GENTLE_SESSIONS,
    PainReported,
    Position,
    PositionSet,
    Profile,
    ProgramWeekSet,
    SessionCompleted,
    SessionRecord,
    SettingsChanged,
    apply,
    streak_on,
    totals,
)
from skill.domain.settings import Settings
from skill.domain.ssml import _UNSPEAKABLE_RE, Speech, pause, problems, speakable, spoken_text

MONDAY = date(2026, 11, 16)


def session(on: date, seconds: int = 300, plan: str = "daily", n: int = 0) -> SessionCompleted:
    return SessionCompleted(SessionRecord(id=f"{on}-{n}", on=on.isoformat(),
                                          finished_at=f"{on}T08:00:0{n}Z", plan=plan, week=1,
                                          title="routine", seconds=seconds, steps_done=3))


# ------------------------------------------------------------------ SSML


def test_long_silences_have_a_cue_between_breaks_and_no_two_breaks_meet() -> None:
    # issue 16: what Alexa does with adjacent breaks is undocumented (espeak merges them).
    with pytest.raises(ValueError):
        pause(12.5)
    assert pause(0) == "" and pause(2.5) == '<break time="2500ms"/>'
    long = Speech().say("Rest.").silence(30, ["No rush."]).ssml()
    assert long == ('<speak>Rest. <break time="10s"/> No rush. <break time="10s"/> No rush. '
                    '<break time="10s"/></speak>')
    merged = Speech().say("Rest.").pause(4).pause(3).ssml()
    assert merged == '<speak>Rest. <break time="7s"/></speak>' and problems(merged) == []
    with pytest.raises(ValueError):
        Speech().say("Rest.").pause(6).pause(6)
    assert problems('<speak>Rest. <break time="5s"/> <break time="5s"/></speak>') == [
        "two <break>s are adjacent"]


def test_text_is_escaped_into_well_formed_ssml() -> None:
    ssml = Speech().say("Hips & <knees>").pause(3).ssml()
    assert problems(ssml) == []
    assert spoken_text(ssml) == "Hips & <knees>"


_SPEECH_STEPS = st.lists(st.one_of(
    st.tuples(st.just("say"), st.text()),
    st.tuples(st.just("sound"), st.sampled_from(["musical/amzn_sfx_bell_short_chime_01"])),
    st.tuples(st.just("pause"), st.floats(min_value=0, max_value=4))))


def _spoken(steps: list[tuple[str, Any]], speech: Speech | None = None) -> Speech:
    speech = speech or Speech()
    for method, argument in steps:
        if method == "pause" and speech.parts and speech.parts[-1].startswith("<break"):
            continue  # pauses that meet merge, and past 10 s they are refused
        getattr(speech, method)(argument)
    return speech


@given(_SPEECH_STEPS)
def test_speech_text_is_what_its_ssml_says(steps: list[tuple[str, Any]]) -> None:
    # Speech.text reads the words without parsing the SSML; it must read what the XML does.
    speech = _spoken(steps)
    assert speech.text() == spoken_text(speech.ssml())


@given(st.lists(st.one_of(
    st.tuples(st.just("say"), st.text(alphabet=st.sampled_from("ab.?! \t\n&<\u00a0"))),
    st.tuples(st.just("sound"), st.sampled_from(["musical/amzn_sfx_bell_short_chime_01"])),
    st.tuples(st.just("pause"), st.floats(min_value=0, max_value=4)))))
def test_the_last_sentence_is_the_texts_last(steps: list[tuple[str, Any]]) -> None:
    # Speech.last_sentence reads back from the end only; it must end where the text does.
    speech = _spoken(steps)
    assert speech.last_sentence() == re.split(r"(?<=[.?!])\s+", speech.text())[-1]


@given(_SPEECH_STEPS, _SPEECH_STEPS, st.floats(min_value=0.001, max_value=6))
def test_extending_speech_is_saying_it_after(first: list[tuple[str, Any]],
                                              then: list[tuple[str, Any]],
                                              pause: float) -> None:
    # A pause that meets the other speech's first break merges with it, as if said after.
    lead = _spoken(first)
    follow = Speech().pause(pause)
    _spoken(then, follow)
    expected = Speech(list(lead.parts)).pause(pause)
    _spoken(then, expected)
    assert Speech(list(lead.parts)).extend(follow) == expected


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
    assert set(weeks[-1].stretch_ids) == {s for s, v in stretches().items() if not v.easier_for}
    for earlier, later in pairwise(weeks[:4]):
        assert later.reps * later.hold_seconds >= earlier.reps * earlier.hold_seconds
    assert all(10 <= w.reps <= 15 and 3 <= w.hold_seconds <= 5 for w in weeks)
    assert all(w.stretch_hold_seconds >= 30 for w in weeks)


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
    assert totals(profile, "yesterday", today).sessions == 0
    assert totals(profile, "yesterday", date(2026, 11, 19)).sessions == 1
    assert totals(profile, "last_week", today).sessions == 1  # Friday the 13th
    assert totals(profile, "last_month", today).sessions == 1  # 30 October


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
    position = Position("daily", 2, 1, "2026-11-16", 90, 1, minutes=5, gentle=True,
                        eased=("pigeon",), skipped=("bridge",))
    profile = apply(Profile(), [session(MONDAY), PositionSet(position), PainReported("pigeon"),
                                SettingsChanged(Settings(pace=1, brief=True))])
    assert Profile.from_dict(profile.to_dict(), version=3) == \
        Profile(**{**profile.__dict__, "version": 3})


@pytest.mark.parametrize("settings", [None, Settings(pace=1, brief=True)])
def test_records_are_what_asdict_gives_key_for_key(settings: Settings | None) -> None:
    # What the store and the session attributes hold, in the same order, as asdict has it
    # (with lists for the place's tuples, and no version).
    position = Position("daily", 2, 1, "2026-11-16", 90, 1, minutes=5, gentle=True,
                        eased=("pigeon",), skipped=("bridge",), settings=settings,
                        done=(0, 1))
    profile = apply(Profile(), [session(MONDAY), PositionSet(position), PainReported("pigeon"),
                                SettingsChanged(Settings(pace=1, brief=True))])
    expected_position = {**asdict(position), "eased": ["pigeon"], "skipped": ["bridge"],
                         "done": [0, 1]}
    assert list(position.to_dict().items()) == list(expected_position.items())
    expected = {**asdict(profile), "position": expected_position}
    expected.pop("version")
    assert list(profile.to_dict().items()) == list(expected.items())


def test_older_profiles_keep_their_week_and_turn_a_pain_date_into_a_check_in() -> None:
    old = {"sessions": 12, "practice_days": 12, "pain_reported_on": "2026-11-01",
           "safety_notice_heard": True}
    profile = Profile.from_dict(old)
    assert (profile.week, profile.program_days) == (3, 2)
    assert profile.check_in and "pain_reported_on" not in profile.to_dict()
    assert Profile.from_dict({"practice_days": 400}).week == MAINTENANCE


def test_program_days_count_once_a_day_and_hold_while_going_gently() -> None:
    day = session(MONDAY)
    profile = apply(Profile(), [SessionCompleted(day.record, program_day=True),
                                SessionCompleted(session(MONDAY, n=1).record, True)])
    assert profile.program_days == 1
    profile = apply(profile, [PainReported("pigeon")])
    assert profile.gentle_left == GENTLE_SESSIONS and profile.eased == ["pigeon"]
    for n in range(GENTLE_SESSIONS):
        later = date.fromordinal(MONDAY.toordinal() + 1 + n)
        profile = apply(profile, [SessionCompleted(session(later).record, True)])
    assert profile.program_days == 1 and profile.gentle_left == 0 and profile.eased == []
    profile = apply(profile, [ProgramWeekSet(9)])
    assert profile.week == MAINTENANCE and profile.program_days == 0


def test_settings_from_outside_are_clamped_to_the_guidance() -> None:
    wild = Settings.parse({"pace": 99, "hold_change": 9, "reps_change": -40,
                           "stretch_hold": 5, "brief": "yes"})
    assert (wild.pace, wild.stretch_hold, wild.brief) == (2, 30, False)
    assert wild.release_targets(15, 5) == (10, 5)
    assert Settings.parse("nonsense") == Settings()


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


def test_printable_text_is_speakable_as_it_is() -> None:
    # speakable() passes printable text through untouched: no character it removes is
    # printable.
    removed = [char for char in map(chr, range(0x110000)) if _UNSPEAKABLE_RE.match(char)]
    assert removed and not any(char.isprintable() for char in removed)
    assert speakable("Hips\u0000 & \ud800knees\ufffe") == "Hips & knees"
