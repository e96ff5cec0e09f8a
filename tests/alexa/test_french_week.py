"""A week in French, every turn through ``lambda_handler``, in France and in Québec.

A user on an fr-FR (then an fr-CA) Echo opens the skill, answers the safety questions,
does the routine, comes back on a screen device and reports a sore knee mid-routine,
reports numbness the next day (a red flag: a doctor, and no exercise until one has seen
them), answers "has a doctor checked you?", asks how they are doing, sets a daily
reminder, and deletes their progress. Each response is checked against Alexa's limits
(the ``Conversation`` fixture), and its speech, reprompt, card and screen labels are
identified as French by ``lingua``, beside a check for English and Spanish words, so a
fragment put together in code ("3 sessions", "the", "el") shows however short the
response.
"""

from __future__ import annotations

from typing import Any

import pytest
from conftest import Conversation, LambdaHost
from lingua import Language

from skill.alexa.reminders import REMINDERS_SCOPE
from skill.hosts.envelopes import Device
from tests.support.alexa_api import API_TOKEN
from tests.support.language_id import identified, language_problems, texts_of, words

# Spanish words no French sentence here has, and "tu": the coach says vous to the user
# (the user's own words to Alexa, "demande à", are imperative and carry no "tu").
NOT_FRENCH = frozenset({"el", "los", "las", "con", "para", "semana", "sesiones", "tu", "te"})


class GrantedEcho(Device):
    """An Echo whose requests carry the API endpoint and the reminders grant."""

    def __init__(self, locale: str, endpoint: str) -> None:
        super().__init__(locale=locale)
        self.endpoint = endpoint

    def envelope(self, request: dict[str, Any], *, in_session: bool = True) -> dict[str, Any]:
        body = super().envelope(request, in_session=in_session)
        system = body["context"]["System"]
        system.update(apiEndpoint=self.endpoint, apiAccessToken=API_TOKEN)
        system["user"]["permissions"] = {
            "consentToken": "consent-token", "scopes": {REMINDERS_SCOPE: {"status": "GRANTED"}}}
        return body


def french_problems(responses: list[dict[str, Any]]) -> list[str]:
    """What is not French in ``responses``: English words or a response not identified as
    French (tests.support.language_id), and Spanish words or a "tu"."""
    problems = language_problems(responses, "fr")
    for response in responses:
        for text in texts_of(response):
            if words(text) & NOT_FRENCH:
                problems.append(f"not French {sorted(words(text) & NOT_FRENCH)} in {text!r}")
    return problems


def a_french_week(week: Conversation) -> dict[str, str]:
    """The week, as a French speaker lives it; what was said at the turns that matter."""
    said: dict[str, str] = {}
    # Day 1: launch, the safety questions, the whole routine, "good".
    first = " ".join(week.routine())
    said["first"] = first
    # Day 2, on an Echo Show: the screen's labels are French too, and a sore knee.
    week.later(days=1)
    week.device.apl = True
    week.launch()
    week.say("AMAZON.YesIntent")
    screens = [d["datasources"] for d in week.last["response"].get("directives") or []
               if "datasources" in d]
    said["buttons"] = str(screens[0]["step"]["properties"]["buttons"]) if screens else ""
    week.say("AMAZON.NextIntent")
    said["knee"] = week.say("ReportPainIntent", Symptom=("genou", "knee"))
    # Day 3: "is it still bothering you?" "non": gently; then numbness, a red flag.
    week.later(days=1)
    week.device.apl = False
    said["check_in"] = week.launch()
    week.say("AMAZON.NoIntent")
    said["red_flag"] = week.say("ReportPainIntent", Sign=("des fourmis", "numbness"))
    # Day 4: "has a doctor checked you?" "oui": the routine, gently.
    week.later(days=1)
    said["doctor"] = week.launch()
    said["doctor_yes"] = week.say("AMAZON.YesIntent")
    week.say("AMAZON.StopIntent")
    # Day 5: how am I doing, the streak, this week's sessions, the last one, the week.
    week.later(days=1)
    said["progress"] = week.one_shot("ProgressSummaryIntent")
    said["streak"] = week.say("StreakIntent")
    said["count"] = week.say("SessionCountIntent", Period=("cette semaine", "week"))
    week.say("MinutesPractisedIntent", Period=("en tout", "all"))
    week.say("LastSessionIntent")
    week.say("ProgramWeekIntent")
    week.say("HowLongIntent")
    # Day 6: a daily reminder at 7 in the evening, said back as French says it.
    week.later(days=1)
    said["reminder"] = week.one_shot("SetReminderIntent", Time=("19:00", None))
    said["status"] = week.one_shot("ReminderStatusIntent")
    week.one_shot("AMAZON.HelpIntent")
    week.say("AMAZON.FallbackIntent")
    week.say("AMAZON.StopIntent")
    # Day 7: delete everything, "oui".
    week.later(days=1)
    said["delete"] = week.one_shot("DeleteProgressIntent")
    said["deleted"] = week.say("AMAZON.YesIntent")
    said["after"] = week.one_shot("ProgressSummaryIntent")
    return said


@pytest.mark.parametrize("locale", ["fr-FR", "fr-CA"])
def test_a_french_week_is_french_from_launch_to_deletion(
        lambda_handler: Any, api: str, locale: str) -> None:
    week = Conversation(LambdaHost(lambda_handler), GrantedEcho(locale=locale, endpoint=api))
    said = a_french_week(week)
    assert "petite vérification de sécurité" in said["first"]
    assert "Kegel inversés" in said["first"] and "comme pour laisser passer un gaz" in \
        said["first"]
    assert said["buttons"] == str({"next": "Suivant", "repeat": "Répéter", "pause": "Pause"})
    # The knee: the stop, the advice with its article joined, the red flags, the place kept.
    assert "On s'arrête tout de suite" in said["knee"] and "au genou" in said["knee"]
    assert "médecin" in said["knee"] and "J'ai gardé votre place" in said["knee"]
    assert "Est-ce que ça vous gêne encore" in said["check_in"]
    # Numbness: a doctor urgently, the emergency number of the locale, no exercise.
    assert "en urgence" in said["red_flag"] and "tant qu'un médecin" in said["red_flag"]
    assert ("911" in said["red_flag"]) == (locale == "fr-CA")
    assert ("le 15" in said["red_flag"]) == (locale == "fr-FR")
    assert "ça vous gêne encore" not in said["red_flag"]
    assert "un médecin vous a examiné depuis la dernière fois" in said["doctor"]
    assert "séance" in said["progress"] and "séance" in said["count"]
    assert "d'affilée" in said["streak"]
    assert "tous les jours à 19 h" in said["reminder"] and "19 h" in said["status"]
    assert "Voulez-vous vraiment tout effacer" in said["delete"]
    assert "Tout est effacé" in said["deleted"]
    assert "aucune séance" in said["after"]
    problems = french_problems(week.responses)
    assert problems == [], "\n".join(problems)


def test_france_sends_you_to_a_kine_and_quebec_to_a_physiotherapeute(
        lambda_handler: Any, api: str) -> None:
    advice = {}
    for locale in ("fr-FR", "fr-CA"):
        talk = Conversation(LambdaHost(lambda_handler), GrantedEcho(locale=locale, endpoint=api))
        talk.launch()
        talk.say("AMAZON.YesIntent")
        advice[locale] = talk.say("AMAZON.YesIntent")  # "yes, one of those applies"
    assert "kinésithérapeute spécialisé en rééducation périnéale" in advice["fr-FR"]
    assert "physiothérapeute en rééducation périnéale et pelvienne" in advice["fr-CA"]


def test_a_device_switched_between_languages_mid_session_follows_each_turn(
        lambda_handler: Any) -> None:
    talk = Conversation(LambdaHost(lambda_handler), Device(locale="fr-CA"))
    heard = [talk.launch()]
    for locale in ("en-US", "es-US", "fr-FR"):
        talk.device.locale = locale
        heard.append(talk.say("AMAZON.HelpIntent"))
    assert [identified(text) for text in heard] == [
        Language.FRENCH, Language.ENGLISH, Language.SPANISH, Language.FRENCH]


@pytest.mark.parametrize("locale", ["fr-FR", "fr-CA", "fr-BE"])
def test_every_french_locale_is_spoken_in_french(lambda_handler: Any, locale: str) -> None:
    talk = Conversation(LambdaHost(lambda_handler), Device(locale=locale))
    talk.routine()
    assert french_problems(talk.responses) == []


def test_the_check_catches_english_and_spanish() -> None:
    """A control: an English fragment in French, a Spanish reply, and an English one."""
    def reply(text: str) -> dict[str, Any]:
        return {"response": {"outputSpeech": {"ssml": f"<speak>{text}</speak>"}}}

    assert french_problems([reply("Vous avez fait 3 séances, the last one hier.")]) != []
    assert french_problems([reply("Hoy toca la semana 2 de tu programa.")]) != []
    assert french_problems([reply("Tu as fait 3 séances cette semaine, bravo.")]) != []
    assert french_problems([reply("Welcome back. Shall we start your routine?")]) != []
    assert french_problems([reply("Bon retour parmi nous. On commence ?")]) == []
    assert french_problems([]) == []
