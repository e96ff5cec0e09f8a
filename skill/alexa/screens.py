"""Screens on Echo Show, Echo Spot and Fire TV: the domain's view models drawn with APL.

Only a request whose device lists ``Alexa.Presentation.APL`` in its supported interfaces
gets a document; every other device gets exactly the response it always got.

A step is spoken *by the document*, so that what is on screen is what is being said:

* the response's own speech is only the lead (a greeting, the safety line, the
  stretch's name);
* ``RenderDocument`` (``skill/data/apl/step.json``) shows the step, with every cue as a
  Text component whose ``speech`` comes from the ``ssmlToSpeech`` transformer;
* ``ExecuteCommands``, aimed at the same token, runs one ``Sequential`` (with
  ``screenLock``, so the interaction timer is off while it runs): per cue the
  document's ``Cue`` command (``SetValue`` for the rep counter, ``SpeakItem`` for the
  words, ``SetValue`` to start a hold's countdown, ``Idle`` for the silence), then
  ``SendEvent ["stepEnd"]``;
* ``shouldEndSession`` is left out: on a screen device the session stays open with the
  microphone closed, so "Alexa, pause" or "Alexa, it hurts" still reach the skill.

The ``stepEnd`` event comes back as an ``Alexa.Presentation.APL.UserEvent`` and goes
through the dialogue table like anything said (the ``step_end`` row): the next step
when auto-advance is on, else "say next when you're ready". It is accepted only with
the token of the step the session is on, which the turn keeps in the session
attributes (``screen_token``) and every later turn clears: a stale or duplicate event
finds no token to match and is answered with nothing.
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from importlib import resources
from typing import Any

from skill.alexa.replies import card, speak
from skill.alexa.request import AlexaRequest
from skill.alexa.response import ResponseBuilder, without_none
from skill.domain.content import spoken_locale
from skill.domain.dialogue import Outcome, Said
from skill.domain.language import Language, english, language_for
from skill.domain.narration import spoken_seconds
from skill.domain.screens import ProgressScreen, StepScreen
from skill.domain.ssml import Speech

TOKEN_KEY = "screen_token"
STEP_TOKEN_PREFIX = "rc-step-"
PROGRESS_TOKEN = "rc-progress"
COUNTDOWN_TOKEN = "rc-countdown"
STEP_END = "stepEnd"
# Touch buttons say what the words would: the same rows of the dialogue table. Their
# labels are the language's ``button_<action>`` words.
BUTTONS = ("next", "repeat", "pause")


@cache
def document(name: str) -> dict[str, Any]:
    """An APL (or APL-T) document shipped in the package (``skill/data/apl/<name>.json``)."""
    text = resources.files("skill").joinpath("data", "apl", f"{name}.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def language_of(request: AlexaRequest) -> Language:
    """The grammar and labels of the request's locale."""
    # issue-19: the locale whose words are spoken, so a screen never mixes languages.
    return language_for(spoken_locale(request.locale))


def step_token(position: object) -> str:
    """The token of the step a session is on: the same place gives the same token."""
    to_dict = getattr(position, "to_dict", None)
    raw = json.dumps(to_dict() if callable(to_dict) else None, sort_keys=True)
    return STEP_TOKEN_PREFIX + hashlib.sha256(raw.encode()).hexdigest()[:16]


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


# ---------------------------------------------------------------------- step


def step_datasources(screen: StepScreen, rate: str | None = None,
                     language: Language | None = None) -> dict[str, Any]:
    language = language or english()
    script = screen.script
    cues = [{"text": cue.text, "ssml": Speech().say(cue.text).ssml(rate)} for cue in script.cues]
    upcoming = language.text("screen_next", title=screen.next_title) if screen.next_title \
        else language.text("screen_last")
    return {"step": {
        "type": "object",
        "objectId": "step",
        "properties": {
            "title": _capitalised(script.title),
            "place": language.text("place", number=screen.number, count=screen.count),
            "points": list(script.points),
            "reps": screen.reps_total,
            "next": upcoming,
            "buttons": {action: language.text(f"button_{action}") for action in BUTTONS},
            "cues": cues,
        },
        "transformers": [{"inputPath": "cues[*].ssml", "outputName": "speech",
                          "transformer": "ssmlToSpeech"}],
    }}


def step_commands(screen: StepScreen) -> list[dict[str, Any]]:
    """One Sequential: each cue spoken, counted and timed on screen, then ``stepEnd``."""
    steps: list[dict[str, Any]] = []
    for index, cue in enumerate(screen.script.cues):
        command: dict[str, Any] = {"type": "Cue", "index": index}
        if cue.pause:
            command["pause"] = round(cue.pause * 1000)
        if cue.rep:
            command["rep"] = cue.rep
        if cue.hold:
            command["hold"] = cue.hold
        steps.append(command)
    steps.append({"type": "SendEvent", "arguments": [STEP_END]})
    # screenLock: the interaction timer is off while the step runs, so the long silences
    # of a hold do not let the screen (and with it the session) time out.
    return [{"type": "Sequential", "screenLock": True, "commands": steps}]


def _present_step(request: AlexaRequest, builder: ResponseBuilder, outcome: Outcome,
                  screen: StepScreen, notes: list[str],
                  attributes: dict[str, Any]) -> dict[str, Any]:
    reply = outcome.reply
    rate = reply.rate if reply is not None else None
    token = step_token(outcome.session.position)
    if reply is not None and reply.card is not None:
        # The turn appears in the Alexa app's activity on a screen device too.
        builder.set_card(card(reply.card))
    lead = Speech().extend(screen.lead)
    for note in notes:
        lead.say(note)
    if lead.parts:
        builder.speak(lead.body(rate=rate))
    builder.add_directive(render_document(
        token, document("step"), step_datasources(screen, rate, language_of(request))))
    builder.add_directive(execute_commands(token, step_commands(screen)))
    # shouldEndSession stays undefined: the session is open while the document speaks,
    # with the microphone closed; what the step's end brings is the stepEnd event's answer.
    attributes[TOKEN_KEY] = token
    return builder.build()


# ---------------------------------------------------------------------- directives

def screen_directive(kind: str, token: str, *, target_profile: str | None = None,
                     commands: list[Any] | None = None, document: dict[str, Any] | None = None,
                     datasources: dict[str, Any] | None = None) -> dict[str, Any]:
    """An APL or APL-T directive as Alexa reads it, its keys in the order the SDK's APL
    models wrote them (its own classes for these sit in ``ask_sdk_model``'s APL packages,
    whose ``__init__`` imports every APL model: about 45 ms of each cold start)."""
    return without_none(type=kind, token=token, targetProfile=target_profile,
                        commands=commands, document=document, datasources=datasources)


def render_document(token: str, document: dict[str, Any],
                    datasources: dict[str, Any]) -> dict[str, Any]:
    return screen_directive("Alexa.Presentation.APL.RenderDocument", token,
                            document=document, datasources=datasources)


def execute_commands(token: str, commands: list[Any]) -> dict[str, Any]:
    return screen_directive("Alexa.Presentation.APL.ExecuteCommands", token,
                            commands=commands)


def render_character_document(token: str, target_profile: str, document: dict[str, Any],
                              datasources: dict[str, Any]) -> dict[str, Any]:
    return screen_directive("Alexa.Presentation.APLT.RenderDocument", token,
                            target_profile=target_profile, document=document,
                            datasources=datasources)


# ---------------------------------------------------------------------- progress


def progress_datasources(screen: ProgressScreen,
                         language: Language | None = None) -> dict[str, Any]:
    language = language or english()
    top = max(1, *screen.week_minutes)
    weeks = [{"days": [{"label": str(int(day.on[-2:])), "practised": day.practised,
                        "today": day.today} for day in week]} for week in screen.weeks]
    labels = language.words("weeks_back")
    bars: list[dict[str, Any]] = [
        {"label": language.count(minutes, "minute_short"),
         "height": round(100 * minutes / top), "week": label}
        for minutes, label in zip(screen.week_minutes, labels, strict=True)]
    if screen.maintenance:
        week = language.text("maintenance")
    else:
        week = language.text("program_week", week=screen.program_week,
                             weeks=screen.program_weeks)
    streak = language.count(screen.streak, "day_streak") if screen.streak \
        else language.text("no_streak")
    stats = language.text("progress_stats", week=week, streak=streak,
                          sessions=language.count(screen.sessions, "session"),
                          minutes=language.count(screen.minutes, "minute_short"))
    return {"progress": {
        "type": "object",
        "objectId": "progress",
        "properties": {
            "title": language.text("progress_title"),
            "stats": stats,
            "weekdays": language.words("weekday_initials"),
            "weeks": weeks,
            "chartTitle": language.text("progress_chart"),
            "bars": bars,
        },
    }}


def _present_progress(request: AlexaRequest, builder: ResponseBuilder,
                      screen: ProgressScreen) -> dict[str, Any]:
    builder.add_directive(render_document(
        PROGRESS_TOKEN, document("progress"), progress_datasources(screen, language_of(request))))
    return builder.build()


# ---------------------------------------------------------------------- a clock's display


def _present_countdown(builder: ResponseBuilder, outcome: Outcome, screen: StepScreen,
                       notes: list[str]) -> dict[str, Any]:
    """The voice response as ever, plus the step's time counting down on the clock."""
    reply = outcome.reply
    rate = reply.rate if reply is not None else None
    lead = " ".join(screen.lead.parts)
    seconds = round(spoken_seconds(lead, rate) + screen.script.seconds(rate))
    speak(builder, reply, notes).add_directive(render_character_document(
        COUNTDOWN_TOKEN, "FOUR_CHARACTER_CLOCK", document("countdown.aplt"),
        {"countdown": {"seconds": seconds}}))
    return builder.build()


# ---------------------------------------------------------------------- the turn


def present(request: AlexaRequest, builder: ResponseBuilder, outcome: Outcome,
            notes: list[str], attributes: dict[str, Any]) -> dict[str, Any] | None:
    """The response with its screen, or ``None`` when the device has no APL screen.

    ``builder`` is the turn's response so far (say, a permission prompt's directive);
    ``attributes`` are the session attributes going back with the response: a step's
    token is kept there, so that only this step's end is heard.
    """
    screen = outcome.screen
    if screen is None:
        return None
    if not request.supports_apl:
        if isinstance(screen, StepScreen) and request.supports_aplt:
            return _present_countdown(builder, outcome, screen, notes)
        return None
    reply = outcome.reply
    if isinstance(screen, StepScreen):
        if reply is None or reply.ends_session:
            return None
        return _present_step(request, builder, outcome, screen, notes, attributes)
    return _present_progress(request, speak(builder, reply, notes), screen)


def said_from_event(request: AlexaRequest, in_session_token: str | None) -> Said | None:
    """What a screen's UserEvent means, or ``None`` when it is to be answered with nothing.

    ``in_session_token`` is the token the session attributes hold for the step on screen.
    """
    arguments = request.event_arguments
    action = arguments[0] if arguments and isinstance(arguments[0], str) else None
    if action in BUTTONS:
        return Said(action)
    if action == STEP_END:
        token = request.token
        if token is not None and token == in_session_token:
            return Said("step_end")
    return None


__all__ = ["BUTTONS", "STEP_END", "TOKEN_KEY", "document", "language_of", "present",
           "progress_datasources", "said_from_event", "step_commands", "step_datasources",
           "step_token"]
