"""Whole conversations through the assembled skill, as a user would have them.

Every reply in every conversation is checked against Alexa's limits by the
``Conversation`` fixture (well-formed SSML, length, breaks, reprompts).
"""

from __future__ import annotations

import pytest
from conftest import Conversation

from skill.alexa.app import SkillApp
from skill.alexa.envelopes import Device
from skill.domain.program import routine_steps
from skill.store import user_key
from skill.store.sqlite import SqliteStore

USER = Device().user_id
WEEK_ONE_STEPS = len(routine_steps("daily", 1))


def profile(store: SqliteStore):  # type: ignore[no-untyped-def]
    return store.load(user_key(USER))


def test_first_launch_gives_the_safety_notice_once(talk: Conversation) -> None:
    first = talk.launch()
    assert "not medical advice" in first
    assert "Stop if anything hurts" in first
    assert "pregnant, postpartum, or recovering from surgery" in first
    assert "week 1" in first and first.endswith("Shall we start?")
    talk.later(hours=3)
    again = talk.launch()
    assert "not medical advice" not in again


def test_a_full_routine_from_launch_to_completion_is_recorded(
        talk: Conversation, store: SqliteStore) -> None:
    talk.launch()
    first_step = talk.say("AMAZON.YesIntent")
    assert "pelvic floor" in first_step and "say next" in first_step.lower()
    for _ in range(WEEK_ONE_STEPS - 2):
        assert talk.session_open
        talk.say("AMAZON.NextIntent")
    done = talk.say("AMAZON.NextIntent")
    assert "routine" in done.lower() and "minutes" in done
    assert not talk.session_open
    saved = profile(store)
    assert saved.sessions == 1
    assert saved.position is None
    assert saved.current_streak == 1
    history = store.history(user_key(USER))
    assert len(history) == 1 and history[0].steps_done == WEEK_ONE_STEPS
    assert 4 * 60 <= saved.seconds <= 9 * 60


def test_each_step_is_one_response_with_timed_holds(talk: Conversation) -> None:
    talk.launch()
    talk.say("AMAZON.YesIntent")
    release = talk.last["response"]["outputSpeech"]["ssml"]
    assert release.count('<break time="3s"/>') >= 10  # ten 3-second holds in week one
    talk.say("AMAZON.NextIntent")
    stretch = talk.last["response"]["outputSpeech"]["ssml"]
    assert stretch.count('<break time="10s"/>') == 3  # a 30 s hold, chained
    assert "butterfly" in talk.speech_of(talk.last).lower() or "soles of your feet" in stretch


def test_pause_and_resume_days_later_picks_up_the_same_step(
        talk: Conversation, store: SqliteStore) -> None:
    talk.launch()
    talk.say("AMAZON.YesIntent")
    talk.say("AMAZON.NextIntent")  # now on the butterfly stretch
    paused = talk.say("AMAZON.PauseIntent")
    assert "butterfly" in paused and not talk.session_open
    assert profile(store).position is not None
    talk.later(days=3)
    offer = talk.launch()
    assert "butterfly" in offer and "pick up where you left off" in offer
    resumed = talk.say("AMAZON.YesIntent")
    assert resumed.startswith("Picking up where you left off, with the butterfly stretch")


def test_a_one_shot_resume_works_without_opening_first(talk: Conversation) -> None:
    talk.launch()
    talk.say("AMAZON.YesIntent")
    talk.say("AMAZON.StopIntent")
    talk.later(hours=5)
    resumed = talk.one_shot("AMAZON.ResumeIntent")
    assert "Picking up where you left off" in resumed


def test_a_session_that_times_out_mid_routine_keeps_the_place(
        talk: Conversation, store: SqliteStore) -> None:
    talk.launch()
    talk.say("AMAZON.YesIntent")
    talk.say("AMAZON.NextIntent")
    ended = talk.end()
    assert "outputSpeech" not in ended["response"]
    position = profile(store).position
    assert position is not None and position.step == 1
    talk.later(days=1)
    assert "pick up where you left off" in talk.launch()


def test_declining_to_resume_offers_a_fresh_start(talk: Conversation) -> None:
    talk.launch()
    talk.say("AMAZON.YesIntent")
    talk.say("AMAZON.StopIntent")
    talk.later(days=1)
    talk.launch()
    fresh = talk.say("AMAZON.NoIntent")
    assert "Shall we start?" in fresh
    first = talk.say("AMAZON.YesIntent")
    assert "Get comfortable" in first or "comfortable" in first


def test_repeat_gives_the_same_step_and_skip_moves_on_without_credit(
        talk: Conversation, store: SqliteStore) -> None:
    talk.launch()
    talk.say("AMAZON.YesIntent")
    talk.say("AMAZON.NextIntent")
    butterfly = talk.last["response"]["outputSpeech"]["ssml"]
    again = talk.say("AMAZON.RepeatIntent")
    assert again.startswith(("Once more", "Let's do that again", "Again"))
    assert butterfly.split("</speak>")[0][-120:] in talk.last["response"]["outputSpeech"]["ssml"]
    skipped = talk.say("SkipIntent")
    assert skipped.startswith("Skipping the butterfly stretch")
    assert not talk.session_open  # the seated hip stretch was the last step
    history = store.history(user_key(USER))
    assert history[0].steps_done == WEEK_ONE_STEPS - 1


def test_start_over_goes_back_to_the_first_step(talk: Conversation) -> None:
    talk.launch()
    talk.say("AMAZON.YesIntent")
    talk.say("AMAZON.NextIntent")
    restarted = talk.say("AMAZON.StartOverIntent")
    assert restarted.startswith("Starting from the top")
    assert "reverse Kegels" in talk.speech_of(talk.last) or "pelvic floor" in restarted


def test_pain_stops_the_session_and_is_remembered(
        talk: Conversation, store: SqliteStore) -> None:
    talk.launch()
    talk.say("AMAZON.YesIntent")
    stop = talk.say("ReportPainIntent")
    assert "stop" in stop.lower() and "pelvic floor physiotherapist" in stop
    assert not talk.session_open
    assert profile(store).pain_reported_on is not None
    talk.later(days=1)
    follow_up = talk.launch()
    assert "told me something hurt" in follow_up and "physiotherapist" in follow_up
    talk.later(days=1)
    assert "told me something hurt" not in talk.launch()


@pytest.mark.parametrize("setup", ["idle", "offer_start", "offer_resume", "in_routine",
                                   "confirm_delete"])
def test_help_and_fallback_fit_every_state(talk: Conversation, setup: str) -> None:
    if setup == "offer_resume":
        talk.launch()
        talk.say("AMAZON.YesIntent")
        talk.say("AMAZON.StopIntent")
        talk.later(hours=1)
    talk.launch()
    if setup == "idle":
        talk.say("AMAZON.NoIntent")
    elif setup == "in_routine":
        talk.say("AMAZON.YesIntent")
    elif setup == "confirm_delete":
        talk.say("DeleteProgressIntent")
    expected = {"idle": "start my routine", "offer_start": "Say yes to start",
                "offer_resume": "pick up where you left off", "in_routine": "Say next",
                "confirm_delete": "delete"}[setup]
    helped = talk.say("AMAZON.HelpIntent")
    assert expected in helped and talk.session_open
    fallback = talk.say("AMAZON.FallbackIntent")
    assert fallback.startswith("Sorry, I didn't catch that") and talk.session_open
    assert talk.last["response"]["reprompt"]


def test_todays_routine_names_the_exercises_and_offers_to_start(talk: Conversation) -> None:
    answer = talk.one_shot("TodaysRoutineIntent")
    assert "10 reverse Kegels with 3 second holds" in answer
    assert "butterfly and seated hip stretches" in answer
    assert "minutes" in answer and answer.endswith("Shall we start?")
    first = talk.say("AMAZON.YesIntent")
    assert "say next" in first.lower()


def test_single_exercise_on_request_and_unknown_names(
        talk: Conversation, store: SqliteStore) -> None:
    talk.launch()
    talk.say("AMAZON.YesIntent")
    talk.say("AMAZON.StopIntent")  # a daily routine is in progress
    unknown = talk.one_shot("GuideExerciseIntent", Exercise=("frog pose", None))
    assert "don't know an exercise called frog pose" in unknown and talk.session_open
    missing = talk.say("GuideExerciseIntent")
    assert "Which would you like?" in missing
    bridge = talk.say("GuideExerciseIntent", Exercise=("bridge", "bridge"))
    assert bridge.startswith("Okay, the bridge") and "hip-width" in bridge
    saved = profile(store)
    assert saved.sessions == 1
    assert saved.position is not None and saved.position.plan == "daily"


def test_just_reverse_kegels(talk: Conversation) -> None:
    answer = talk.one_shot("GuideExerciseIntent", Exercise=("reverse kegels", "reverse_kegel"))
    # A one-shot first use still hears the safety notice before any guidance.
    assert answer.startswith("A quick word first") and "Okay, reverse Kegels" in answer
    assert "10 slow releases" in answer or "10 gentle releases" in answer or \
        "10 releases" in answer
    assert not talk.session_open


def test_next_skip_pause_outside_a_routine_answer_helpfully(talk: Conversation) -> None:
    talk.launch()
    talk.say("AMAZON.NoIntent")
    assert "nothing to skip" in talk.say("SkipIntent")
    assert "nothing to pause" in talk.say("AMAZON.PauseIntent")
    assert "Shall we start?" in talk.say("AMAZON.ResumeIntent")


def test_unknown_intent_gets_a_spoken_answer(talk: Conversation) -> None:
    talk.launch()
    answer = talk.say("SomeIntentFromAnOldModel")
    assert answer.startswith("Sorry, I didn't catch that") and talk.session_open


def test_navigate_home_keeps_the_place(talk: Conversation) -> None:
    talk.launch()
    talk.say("AMAZON.YesIntent")
    home = talk.say("AMAZON.NavigateHomeIntent")
    assert home.startswith("Okay, back to the start") and "pick up where you left off" in home


def test_delete_asks_first_and_then_removes_everything(
        talk: Conversation, store: SqliteStore) -> None:
    talk.launch()
    talk.say("AMAZON.YesIntent")
    for _ in range(WEEK_ONE_STEPS - 1):
        talk.say("AMAZON.NextIntent")
    talk.launch()
    assert "Are you sure?" in talk.say("DeleteProgressIntent")
    kept = talk.say("AMAZON.NoIntent")
    assert "haven't deleted" in kept and profile(store).sessions == 1
    talk.later(minutes=1)
    talk.launch()
    talk.say("DeleteProgressIntent")
    assert "deleted all your progress" in talk.say("AMAZON.YesIntent")
    assert profile(store).sessions == 0 and store.history(user_key(USER)) == []


def test_skill_disabled_event_removes_the_users_data(
        talk: Conversation, app: SkillApp, store: SqliteStore) -> None:
    talk.launch()
    assert profile(store).version > 0
    response = app.invoke(talk.device.event("AlexaSkillEvent.SkillDisabled"))
    assert "outputSpeech" not in response["response"]
    assert profile(store).version == 0


def test_two_sessions_in_one_day_count_once_for_the_streak(
        talk: Conversation, store: SqliteStore) -> None:
    for _ in range(2):
        talk.one_shot("GuideExerciseIntent", Exercise=("butterfly", "butterfly"))
        talk.later(hours=1)
    saved = profile(store)
    assert saved.sessions == 2 and saved.current_streak == 1 and saved.practice_days == 1
    talk.later(days=1)
    talk.one_shot("GuideExerciseIntent", Exercise=("butterfly", "butterfly"))
    assert "2 days" in talk.one_shot("StreakIntent")


def test_progress_questions_with_no_history_say_how_to_start(talk: Conversation) -> None:
    for intent in ("ProgressSummaryIntent", "StreakIntent", "SessionCountIntent",
                   "MinutesPractisedIntent", "LastSessionIntent"):
        assert "start my routine" in talk.one_shot(intent)


def test_progress_answers_use_numbers(talk: Conversation) -> None:
    talk.one_shot("GuideExerciseIntent", Exercise=("butterfly", "butterfly"))
    talk.later(days=1)
    talk.one_shot("GuideExerciseIntent", Exercise=("pigeon", "pigeon"))
    summary = talk.one_shot("ProgressSummaryIntent")
    assert "2 sessions" in summary and "2 days" in summary
    week = talk.one_shot("SessionCountIntent", Period=("this week", "week"))
    assert "2 sessions this week" in week
    minutes = talk.one_shot("MinutesPractisedIntent", Period=("this month", "month"))
    assert "this month" in minutes and "minute" in minutes
    last = talk.one_shot("LastSessionIntent")
    assert "today" in last and "pigeon" in last
    odd = talk.one_shot("SessionCountIntent", Period=("on mars", None))
    assert "this week" in odd
    assert "week 1 of the 4 week program" in talk.one_shot("ProgramWeekIntent")


def test_the_program_moves_up_after_five_practice_days(talk: Conversation) -> None:
    for _ in range(5):
        talk.one_shot("GuideExerciseIntent", Exercise=("bridge", "bridge"))
        talk.later(days=1)
    assert "week 2" in talk.one_shot("ProgramWeekIntent")
    assert "10 reverse Kegels with 4 second holds" in talk.one_shot("TodaysRoutineIntent")


def test_where_did_i_leave_off(talk: Conversation) -> None:
    assert "don't have a routine in progress" in talk.one_shot("WhereLeftOffIntent")
    talk.launch()
    talk.say("AMAZON.YesIntent")
    talk.say("AMAZON.NextIntent")
    talk.say("AMAZON.StopIntent")
    answer = talk.one_shot("WhereLeftOffIntent")
    assert "the butterfly stretch, step 2 of 3" in answer


def test_a_midnight_crossing_counts_toward_the_streak(
        talk: Conversation, store: SqliteStore) -> None:
    talk.now = talk.now.replace(hour=23, minute=50)
    talk.one_shot("GuideExerciseIntent", Exercise=("bridge", "bridge"))
    talk.later(minutes=20)
    talk.one_shot("GuideExerciseIntent", Exercise=("bridge", "bridge"))
    assert profile(store).current_streak == 2


def test_a_missed_day_resets_the_streak(talk: Conversation) -> None:
    talk.one_shot("GuideExerciseIntent", Exercise=("bridge", "bridge"))
    talk.later(days=2, hours=1)
    assert "don't have a streak going" in talk.one_shot("StreakIntent")
    talk.one_shot("GuideExerciseIntent", Exercise=("bridge", "bridge"))
    assert "1 day" in talk.one_shot("StreakIntent")


def test_every_week_of_the_program_keeps_alexa_limits(talk: Conversation) -> None:
    # Each week's routine from start to finish, every reply checked by the fixture.
    for week in range(1, 6):
        talk.launch()
        talk.say("StartRoutineIntent")
        while talk.session_open:
            talk.say("AMAZON.NextIntent")
        for _ in range(5):
            talk.later(days=1)
            talk.one_shot("GuideExerciseIntent", Exercise=("butterfly", "butterfly"))
        talk.later(days=1)
        assert week >= 1
    talk.later(days=1)
    assert "maintenance" in talk.one_shot("ProgramWeekIntent")


def test_start_routine_mid_routine_offers_to_resume(talk: Conversation) -> None:
    talk.launch()
    talk.say("AMAZON.YesIntent")
    talk.say("AMAZON.StopIntent")
    talk.later(hours=2)
    answer = talk.one_shot("StartRoutineIntent")
    assert "pick up where you left off" in answer



def test_a_long_unknown_exercise_name_is_not_read_back(talk: Conversation) -> None:
    answer = talk.one_shot("GuideExerciseIntent", Exercise=("é" * 9000, None))
    assert "don't know an exercise called" not in answer
    assert "Which would you like?" in answer
