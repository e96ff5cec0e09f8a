"""Safety that follows through, over days, every turn through ``lambda_handler`` (issue 16).

What a user reports changes what happens next, on every path; red flags wait for a
doctor; every reply fits what was said; nothing health-related is stored.
"""

from __future__ import annotations

import json
import re
from datetime import date

import pytest
from conftest import Conversation

from skill.domain.dialogue import Coach, Context, Mode, Said, Session
from skill.domain.program import MAINTENANCE
from skill.domain.progress import Change, NoticeHeard, Profile, ProgramWeekSet
from skill.hosts.envelopes import Device
from skill.store import user_key
from skill.store.sqlite import SqliteStore

KEY = user_key(Device().user_id)
RED_FLAGS = ["numbness", "control", "emptying", "blood", "fever", "chest", "faint"]
HURT = re.compile(r"still hurt|does it hurt", re.I)
KNEELING = re.compile(r"kneel|hands and knees|all fours", re.I)


def stored(store: SqliteStore) -> Profile:
    return store.load(KEY)


def reach(user: Conversation, store: SqliteStore, *changes: Change) -> None:
    """A user who has used the skill before (screen passed) and reached ``changes``."""
    user.launch()
    store.save(KEY, store.load(KEY), [NoticeHeard(user.now.date().isoformat()), *changes])
    user.later(days=1)


def start(user: Conversation) -> str:
    speech = user.launch()
    return speech + " " + user.say("AMAZON.YesIntent")


def to_the_end(user: Conversation) -> list[str]:
    speeches = []
    while user.device.attributes.get("mode") == "between_steps":
        speeches.append(user.say("AMAZON.NextIntent"))
    return speeches


def no_health_words(profile: Profile, symptom: str) -> None:
    saved = json.dumps(profile.to_dict())
    assert f'"{symptom}"' not in saved and "pain" not in saved and "doctor" not in saved.replace(
        "see_doctor_first", "")


# ---------------------------------------------------------------------- 1: red flags


@pytest.mark.parametrize("symptom", RED_FLAGS)
def test_a_red_flag_waits_for_a_doctor_in_neutral_words_on_every_later_start(
        user: Conversation, lambda_store: SqliteStore, symptom: str) -> None:
    reach(user, lambda_store)
    start(user)
    stop = user.say("ReportPainIntent", Symptom=(symptom, symptom))
    assert re.search(r"urgent|promptly|emergency", stop)
    assert "carry on while it hurts" not in stop and not user.session_open
    profile = stored(lambda_store)
    assert profile.see_doctor_first and profile.check_in
    no_health_words(profile, symptom)
    # Next day, a launch: the neutral question, never "does it still hurt?".
    user.later(days=1)
    asked = user.launch()
    assert asked.endswith("has a doctor checked you since last time?") and not HURT.search(asked)
    wait = user.say("AMAZON.NoIntent")
    assert "wait until a doctor has checked you" in wait and not user.session_open
    assert "releases" not in wait
    # A truthful "no" the day after, by a one-shot: still no exercise, asked again.
    user.later(days=1)
    again = user.one_shot("StartRoutineIntent")
    assert "has a doctor checked you" in again and "releases" not in again
    user.say("AMAZON.NoIntent")
    assert not user.session_open
    user.later(days=1)
    single = user.one_shot("GuideExerciseIntent", Exercise=("reverse kegels", "reverse_kegel"))
    assert "has a doctor checked you" in single and "releases" not in single
    checked = user.say("AMAZON.YesIntent")
    assert "go gently" in checked and "releases" in checked
    assert not stored(lambda_store).see_doctor_first and not stored(lambda_store).check_in


def test_dizziness_that_passes_is_checked_in_on_without_asking_about_hurting(
        user: Conversation, lambda_store: SqliteStore) -> None:
    reach(user, lambda_store)
    start(user)
    dizzy = user.say("ReportPainIntent", Symptom=("dizzy", "dizzy"))
    assert "Sit or lie down" in dizzy and "doesn't pass" in dizzy
    assert "carry on while it hurts" not in dizzy
    user.later(days=1)
    asked = user.launch()
    assert asked.endswith("Is it still bothering you?") and not HURT.search(asked)


# ---------------------------------------------------------------------- 2, 3: easing


def test_a_single_pigeon_after_pigeon_pain_is_the_reclined_pigeon(
        user: Conversation, lambda_store: SqliteStore) -> None:
    reach(user, lambda_store, ProgramWeekSet(3))
    said = start(user)
    while "hands and knees" not in said:                  # on to the pigeon, on all fours
        said = user.say("AMAZON.NextIntent")
    ouch = user.say("ReportPainIntent")
    assert "stop the exercise" in ouch
    user.later(days=1)
    user.one_shot("GuideExerciseIntent", Exercise=("pigeon", "pigeon"))
    pigeon = user.say("AMAZON.NoIntent")                 # fine now
    assert "reclined" in pigeon and not KNEELING.search(pigeon.split("reclined", 1)[1])


def test_knee_pain_spares_the_knee_on_every_path_the_next_days(
        user: Conversation, lambda_store: SqliteStore) -> None:
    reach(user, lambda_store, ProgramWeekSet(4))
    start(user)
    user.say("AMAZON.NextIntent")
    knee = user.say("ReportPainIntent", Symptom=("knee", "knee"))
    assert "Pain in your knee" in knee and "spare your knee" in knee
    assert not any(value == "knee" for value in json.dumps(
        stored(lambda_store).to_dict()).split('"'))
    # The next day: the check-in, told once what changes, then a routine with no kneeling.
    user.later(days=1)
    check = user.launch()
    assert check.endswith("Is it still bothering you?")
    told = user.say("AMAZON.NoIntent")
    assert "leave out the kneeling hip flexor stretch" in told
    assert "The pigeon stretch will be the reclined pigeon stretch instead" in told
    assert told.count("kneeling hip flexor") == 1
    user.say("AMAZON.NoIntent")                          # not the kept place: today's
    if user.device.attributes.get("mode") == "offer_start":
        user.say("AMAZON.YesIntent")
    day = " ".join(to_the_end(user))
    assert "reclined" in day and not KNEELING.search(day)
    # Just the stretches, a single kneeling stretch, and a kept place: all eased.
    user.later(days=1)
    user.one_shot("JustStretchesIntent")
    stretches = user.say("AMAZON.YesIntent") + " ".join(to_the_end(user))
    assert not KNEELING.search(stretches)
    user.later(days=1)
    kneeling = user.one_shot("GuideExerciseIntent",
                             Exercise=("kneeling hip flexor", "kneeling_hip_flexor"))
    assert "leaving out the kneeling hip flexor stretch" in kneeling
    assert not KNEELING.search(kneeling.replace("kneeling hip flexor stretch", ""))
    assert user.device.attributes.get("mode") == "offer_start"      # something else


def test_groin_pain_is_groin_pain_and_spares_the_groin(
        user: Conversation, lambda_store: SqliteStore) -> None:
    reach(user, lambda_store)
    start(user)
    groin = user.say("ReportPainIntent", Symptom=("groin", "groin"))
    assert "Pain in your groin" in groin and "hip" not in groin.split("groin")[0]
    user.later(days=1)
    user.launch()
    told = user.say("AMAZON.NoIntent")
    assert "leave out the butterfly stretch and the seated hip stretch" in told


# ---------------------------------------------------------------------- 4: triage


@pytest.mark.parametrize(("symptom", "fits"), [
    ("leaking", "leakage is common"), ("pelvic", "Pelvic pain"), ("sex", "Pain during sex"),
    ("cramp", "let the muscle relax"), ("tight", "never pinch or hurt")])
def test_physio_matters_go_to_a_pelvic_floor_physio_not_urgently(
        user: Conversation, lambda_store: SqliteStore, symptom: str, fits: str) -> None:
    reach(user, lambda_store)
    start(user)
    answer = user.say("ReportPainIntent", Symptom=(symptom, symptom))
    assert fits in answer and "physiotherapist" in answer
    advice = answer.split("And see a doctor promptly")[0]
    assert "emergency" not in advice and "urgently" not in advice
    assert not stored(lambda_store).see_doctor_first


def test_no_please_stop_the_exercise_before_any_exercise(user: Conversation) -> None:
    user.launch()
    user.say("AMAZON.YesIntent")                          # the first-use screen
    during = user.say("ReportPainIntent", Symptom=("numbness", "numbness"))
    assert "stop the exercise" not in during and "urgently" in during
    user.later(days=1)
    idle = user.one_shot("ReportPainIntent", Symptom=("blood", "blood"))
    assert "stop the exercise" not in idle and "carry on while it hurts" not in idle


# ---------------------------------------------------------------------- 6: stop if it hurts


def test_every_session_that_leads_to_exercise_starts_with_stop_if_it_hurts(
        user: Conversation, lambda_store: SqliteStore) -> None:
    stop = re.compile(r"hurts, stop|stop (if anything hurts|at any pain)", re.I)
    reach(user, lambda_store)
    assert stop.search(start(user))
    user.say("AMAZON.StopIntent")
    user.later(days=1)
    resumed = user.one_shot("AMAZON.ResumeIntent")
    assert "releases" in resumed or "Round" in resumed
    assert stop.search(resumed)
    user.later(days=1)
    assert stop.search(user.one_shot("GuideExerciseIntent", Exercise=("bridge", "bridge")))


def test_a_one_shot_start_after_a_check_in_offers_the_kept_place_instead_of_carrying_on(
        user: Conversation, lambda_store: SqliteStore) -> None:
    reach(user, lambda_store)
    start(user)
    user.say("AMAZON.NextIntent")
    user.say("ReportPainIntent", Symptom=("back", "back"))
    user.later(hours=20)
    user.one_shot("StartRoutineIntent")
    after = user.say("AMAZON.NoIntent")
    assert after.endswith("?") and user.device.attributes.get("mode") == "offer_resume"


# ---------------------------------------------------------------------- 10: coming back


def test_after_two_weeks_away_an_offer_to_ease_back_in(
        user: Conversation, lambda_store: SqliteStore) -> None:
    reach(user, lambda_store, ProgramWeekSet(4))
    start(user)
    to_the_end(user)
    user.say("FeelingGoodIntent")
    user.later(days=14)
    offer = user.launch()
    assert "It's been 14 days" in offer and "ease back in" in offer
    assert "10 releases of 3 seconds instead of 15 of 5" in offer
    eased = user.say("AMAZON.YesIntent")
    assert stored(lambda_store).week == 3 and stored(lambda_store).gentle_left == 3
    assert eased.endswith("?")                            # today's routine, offered


def test_after_two_months_away_a_restart_with_consent(
        user: Conversation, lambda_store: SqliteStore) -> None:
    reach(user, lambda_store, ProgramWeekSet(MAINTENANCE))
    start(user)
    to_the_end(user)
    user.say("FeelingGoodIntent")
    user.later(days=60)
    first = user.launch()
    assert "has anything changed" in first               # the screen again after a break
    offer = user.say("AMAZON.NoIntent")
    assert "restart the program at week 2" in offer
    user.say("AMAZON.NoIntent")
    assert stored(lambda_store).week == MAINTENANCE       # no restart without a yes
    user.later(days=1)
    assert "restart" in user.launch()
    user.say("AMAZON.YesIntent")
    assert stored(lambda_store).week == 2


# ---------------------------------------------------------------------- 11: the screen


def test_the_screen_asks_the_missing_items_and_hears_a_symptom_as_a_yes(
        user: Conversation, lambda_store: SqliteStore) -> None:
    user.launch()
    screen = user.say("AMAZON.YesIntent")
    for item in ("pelvic pain", "bladder, bowel or sexual symptoms", "hip or knee injury",
                 "talk with your doctor before you start", "pregnant"):
        assert item in screen, item
    heard = user.say("ReportPainIntent", Symptom=("pelvic", "pelvic"))
    assert "pelvic floor physiotherapist before starting" in heard
    assert not stored(lambda_store).safety_notice_heard


def test_the_screen_is_asked_again_briefly_after_three_months(
        user: Conversation, lambda_store: SqliteStore) -> None:
    reach(user, lambda_store)
    screened = date.fromisoformat(stored(lambda_store).screened_on or "")
    while True:                                           # practice every six days
        speech = user.launch()
        if "has anything changed" in speech:
            break
        assert (user.now.date() - screened).days < 91
        user.say("AMAZON.YesIntent")
        to_the_end(user)
        user.say("FeelingGoodIntent")
        user.later(days=6)
    assert (user.now.date() - screened).days >= 91 and len(speech) < 400
    user.say("AMAZON.NoIntent")
    assert stored(lambda_store).screened_on == user.now.date().isoformat()


def test_a_side_question_never_lets_the_three_monthly_check_lapse(
        user: Conversation, lambda_store: SqliteStore) -> None:
    reach(user, lambda_store)
    user.say("AMAZON.StopIntent")
    user.later(days=92)
    assert "has anything changed" in user.launch()
    first = user.say("ProgressSummaryIntent")             # "how am I doing?" first
    assert "session" in first, first
    asked = user.say("StartRoutineIntent")                # then "start my routine"
    assert "has anything changed" in asked.lower()
    assert user.device.attributes.get("mode") == "rescreen"
    user.say("AMAZON.NoIntent")
    assert stored(lambda_store).screened_on == user.now.date().isoformat()


def test_a_condition_said_during_the_screen_is_a_yes() -> None:
    # "I'm pregnant": the model's intent for it is issue 20's (Said "condition"); the domain
    # already hears it as a yes to the screen, pointing to a physiotherapist first.
    context = Context(Profile(), date(2026, 11, 18), Session(mode=Mode.SAFETY_SCREEN))
    outcome = Coach(context).hear(Said("condition", value="pregnant", heard="I'm pregnant"))
    assert outcome.session.mode is Mode.SCREEN_CLEARED and outcome.reply is not None
    assert "physiotherapist" in " ".join(outcome.reply.speech.parts)
    assert not any(isinstance(change, NoticeHeard) for change in outcome.changes)
