"""Polite half-answers to the coach's yes/no offers, scripted through lambda_handler.

"I'm good" and "no, it's fine" to "Shall we start?" may mean yes or a polite no: the
question is asked again, never replaced by a menu, and the user's place is kept.
"""

from __future__ import annotations

from conftest import Conversation
from test_dialogue_machine import mode, screened_user


def test_im_good_to_shall_we_start_asks_again_and_yes_then_starts(user: Conversation) -> None:
    screened_user(user)
    user.launch()                                          # "Shall I carry on?"
    offer = user.say("AMAZON.NoIntent")                    # the place is kept; a new start
    assert offer.endswith("Shall we start?") and mode(user) == "offer_start"
    again = user.say("FeelingGoodIntent")                  # "no, it's fine now"
    assert again.startswith("I need a yes or a no") and "start" in again
    assert mode(user) == "offer_start" and user.session_open
    started = user.say("AMAZON.YesIntent")
    assert "reverse Kegels" in started and "What would you like" not in started


def test_im_good_to_carry_on_keeps_the_place(user: Conversation) -> None:
    screened_user(user)                                    # stopped after round 1
    offer = user.launch()
    assert "Shall I carry on from there?" in offer and mode(user) == "offer_resume"
    again = user.say("FeelingGoodIntent")
    assert again.startswith("I need a yes or a no") and "round 2" in again
    assert mode(user) == "offer_resume"
    declined = user.say("AMAZON.NoIntent")
    assert "keep that place" in declined and mode(user) == "offer_start"


def test_a_setting_changed_at_the_offer_keeps_the_offer(user: Conversation) -> None:
    screened_user(user)
    user.launch()
    user.say("AMAZON.NoIntent")                            # "Shall we start?"
    brief = user.say("ChangeSettingIntent", Change=("less talking", "less_talking"))
    assert "less talking" in brief.lower() and "Anything else?" not in brief
    assert "Would you like to start?" in brief
    assert mode(user) == "offer_start"
    started = user.say("AMAZON.YesIntent")
    assert "Reverse Kegels" in started and "You don't have a routine" not in started


def test_a_question_at_the_resume_offer_comes_back_to_it(user: Conversation) -> None:
    screened_user(user)
    user.launch()                                          # "Shall I carry on from there?"
    answer = user.say("HowLongIntent")
    assert "minute" in answer and "round 2" in answer and "Shall we start?" not in answer
    assert mode(user) == "offer_resume"
    resumed = user.say("AMAZON.YesIntent")
    assert "round 2" in resumed.lower()


def test_no_to_the_reminder_time_mid_routine_carries_on_without_a_goodbye(
        user: Conversation) -> None:
    screened_user(user)
    user.launch()
    user.say("AMAZON.YesIntent")                           # round 2 of reverse Kegels
    asked = user.say("SetReminderIntent")                  # "remind me to do this daily"
    assert "What time each day" in asked
    no = user.say("AMAZON.NoIntent")
    assert "haven't set a reminder" in no and "See you" not in no
    assert "butterfly" in no and mode(user) == "between_steps" and user.session_open
