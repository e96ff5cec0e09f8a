"""Talk to the skill in a terminal, the way you would talk to an Echo.

Typed words are matched against the interaction model's own sample utterances
and slot values, so the model is what gets exercised, not a second grammar.
Each line becomes a genuine request envelope sent through the same
:meth:`~skill.alexa.app.SkillApp.invoke` that Lambda calls; the reply is printed as
text with its pauses shown, like ``[10 s]``.
"""

from __future__ import annotations

import json
import re
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO
from uuid import uuid4

from skill.alexa.app import SkillApp
from skill.alexa.envelopes import Device
from skill.domain.ssml import total_pause_seconds

MODELS_DIR = Path(__file__).resolve().parents[2] / "interaction_models"

# Amazon's built-in intents understand these phrases without any sample in the model;
# the console needs them spelled out because it has no Alexa speech model behind it.
BUILT_IN_PHRASES: dict[str, tuple[str, ...]] = {
    "AMAZON.YesIntent": ("yes", "yeah", "yep", "sure", "ok", "okay", "yes please", "alright"),
    "AMAZON.NoIntent": ("no", "nope", "no thanks", "no thank you", "not now"),
    "AMAZON.StopIntent": ("stop", "off", "shut up", "be quiet"),
    "AMAZON.CancelIntent": ("cancel", "never mind", "forget it"),
    "AMAZON.HelpIntent": ("help", "help me"),
    "AMAZON.NextIntent": ("next", "skip ahead"),
    "AMAZON.RepeatIntent": ("repeat", "say that again please"),
    "AMAZON.PauseIntent": ("pause",),
    "AMAZON.ResumeIntent": ("resume", "continue please"),
    "AMAZON.StartOverIntent": ("start over", "restart please"),
    "AMAZON.NavigateHomeIntent": ("go home", "home"),
}

LAUNCH_WORDS = ("open", "launch", "start", "begin", "load", "run", "use")
ONE_SHOT_WORDS = ("ask", "tell")
EXIT_WORDS = ("exit", "quit", "goodbye", "bye")
SUGGESTIONS = ("open release coach", "what's today's routine", "start my routine", "next",
               "repeat", "pause", "resume", "how am i doing", "help", "stop")


_HOURS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
          "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
_MINUTES = {"fifteen": 15, "thirty": 30, "forty five": 45, "o'clock": 0}
_PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
_TIME = re.compile(
    r"(?:at )?(?P<hour>\d{1,2}|" + "|".join(_HOURS) + r")"
    r"(?:[: ](?P<minute>\d\d)| (?P<word>fifteen|thirty|forty five|o'clock))?"
    r"(?: ?(?P<suffix>am|pm|a m|p m|in the morning|in the afternoon|in the evening|at night"
    r"|tonight))?")


def alexa_time(heard: str) -> str | None:
    """What ``AMAZON.TIME`` resolves typed words to: "08:00", "19:30", or "MO", "EV"...

    Alexa does this in its speech model; the console needs it spelled out.
    """
    text = normalise(heard).replace(".", "")
    part_of_day = re.sub(r"^(?:in |at )?(?:the )?", "", text)
    if part_of_day in _PARTS_OF_DAY:
        return _PARTS_OF_DAY[part_of_day]
    if text in ("noon", "midday"):
        return "12:00"
    if text == "midnight":
        return "00:00"
    found = _TIME.fullmatch(text)
    if found is None:
        return None
    hour = int(found["hour"]) if found["hour"].isdigit() else _HOURS[found["hour"]]
    minute = int(found["minute"]) if found["minute"] else _MINUTES.get(found["word"] or "", 0)
    suffix = (found["suffix"] or "").replace(" ", "")
    if suffix in ("pm", "intheafternoon", "intheevening", "atnight", "tonight") and hour < 12:
        hour += 12
    elif suffix in ("am", "inthemorning") and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return None
    return f"{hour:02d}:{minute:02d}"


def normalise(text: str) -> str:
    text = text.lower().replace("’", "'")
    text = re.sub(r"[^a-z0-9' .-]+", " ", text)
    return " ".join(text.replace(".", " ").split())


@dataclass(frozen=True)
class Match:
    intent: str
    slots: dict[str, tuple[str, str | None]]


class ModelMatcher:
    """Matches words to an intent using the sample utterances of one interaction model."""

    def __init__(self, model: dict[str, Any]) -> None:
        language = model["interactionModel"]["languageModel"]
        self.invocation = normalise(language["invocationName"])
        values: dict[str, list[tuple[str, str]]] = {}
        for slot_type in language.get("types", []):
            pairs = []
            for value in slot_type["values"]:
                name = value["name"]
                for word in [name["value"], *name.get("synonyms", [])]:
                    pairs.append((normalise(word), value.get("id") or name["value"]))
            values[slot_type["name"]] = sorted(pairs, key=lambda p: -len(p[0]))
        self.slot_values = values
        self.patterns: list[tuple[re.Pattern[str], str, dict[str, str], bool]] = []
        for intent in language["intents"]:
            slot_types = {s["name"]: s["type"] for s in intent.get("slots", [])}
            samples = list(intent.get("samples", []))
            samples += BUILT_IN_PHRASES.get(intent["name"], ())
            for sample in samples:
                has_words = bool(re.sub(r"\{\w+\}", "", sample).strip())
                self.patterns.append(
                    (self._compile(sample, slot_types), intent["name"], slot_types, has_words))

    def _compile(self, sample: str, slot_types: dict[str, str]) -> re.Pattern[str]:
        parts = re.split(r"(\{\w+\})", sample)
        regex = ""
        for part in parts:
            slot = re.fullmatch(r"\{(\w+)\}", part)
            if slot:
                # Any words at all: values outside the slot type reach the skill unresolved,
                # just as Alexa passes them on.
                regex += f"(?P<{slot.group(1)}>.+?)"
            elif part.strip():
                lead = r"\s*" if part[0].isspace() else ""
                trail = r"\s*" if part[-1].isspace() else ""
                regex += lead + re.escape(normalise(part)) + trail
        regex = re.sub(r"(\\ )+", r"\\s+", regex)
        return re.compile(rf"^\s*{regex}\s*$")

    def match(self, words: str) -> Match | None:
        text = normalise(words)
        best: tuple[int, Match] | None = None
        for pattern, intent, slot_types, has_words in self.patterns:
            found = pattern.match(text)
            if not found:
                continue
            slots: dict[str, tuple[str, str | None]] = {}
            resolved_all = True
            for name, heard in found.groupdict().items():
                if slot_types[name] == "AMAZON.TIME":
                    # A built-in type: Alexa sends the resolved value itself ("08:00").
                    value = alexa_time(heard)
                    resolved_all = resolved_all and value is not None
                    slots[name] = (value or heard, None)
                    continue
                value_id = self._resolve(slot_types[name], heard)
                resolved_all = resolved_all and value_id is not None
                slots[name] = (heard, value_id)
            if not resolved_all and not has_words:
                # A sample that is nothing but a slot ("{Exercise}") only takes words that
                # are values of its type; anything else is out of the model's domain.
                continue
            # Prefer a sample whose slots resolve, then the most literal (least slot) one.
            score = (2 if resolved_all else 0) * 1000 - sum(len(v[0]) for v in slots.values())
            if best is None or score > best[0]:
                best = (score, Match(intent, slots))
        return best[1] if best else None

    def _resolve(self, slot_type: str, heard: str) -> str | None:
        heard = normalise(heard)
        for word, value_id in self.slot_values.get(slot_type, []):
            if word == heard:
                return value_id
        return None


def load_model(locale: str) -> dict[str, Any]:
    path = MODELS_DIR / f"{locale}.json"
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def render(ssml: str) -> str:
    """Readable text from SSML, with each run of pauses shown as ``[N s]``."""
    def pause_label(match: re.Match[str]) -> str:
        seconds = total_pause_seconds(match.group(0))
        return f" [{seconds:g} s] "

    text = re.sub(r'(?:\s*<break time="[^"]+"/>)+', pause_label, ssml)
    text = re.sub(r"<[^>]+>", "", text)
    text = text.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
    return " ".join(text.split())


class Console:
    """One person at one Echo, typing instead of speaking."""

    def __init__(self, app: SkillApp, device: Device, matcher: ModelMatcher, out: TextIO,
                 *, real_time: bool = False, sleep: Callable[[float], None] = time.sleep) -> None:
        self.app = app
        self.device = device
        self.matcher = matcher
        self.out = out
        self.real_time = real_time
        self.sleep = sleep

    @property
    def in_session(self) -> bool:
        return self.device.session_id is not None

    def say(self, line: str) -> None:
        words = normalise(line)
        if not words:
            return
        if words in EXIT_WORDS:
            if self.in_session:
                self._send(self.device.session_ended("USER_INITIATED"))
            self._print("(session closed)")
            return
        rest = self._strip_invocation(words)
        if rest is not None and (rest == "" or words.split()[0] in LAUNCH_WORDS):
            # "open release coach" starts a fresh session, as on a device.
            if self.in_session:
                self.device.end_session()
            if rest == "":
                self._send(self.device.launch())
                return
        if rest is not None:
            if self.in_session:
                self.device.end_session()
            words = rest
        found = self.matcher.match(words)
        if found is None:
            self._unmatched(line)
            return
        self._send(self.device.intent(found.intent, found.slots or None))

    def _strip_invocation(self, words: str) -> str | None:
        """What follows the invocation name, or ``None`` if the skill is not named."""
        name = re.escape(self.matcher.invocation)
        starters = "|".join(LAUNCH_WORDS + ONE_SHOT_WORDS)
        found = re.fullmatch(
            rf"(?:(?:alexa\s+)?(?:{starters})\s+)?{name}(?:\s+(?:to|for|about|if|whether))?"
            rf"(?:\s+(?P<rest>.*))?", words)
        if not found:
            return None
        return found.group("rest") or ""

    def _unmatched(self, line: str) -> None:
        tips = ", ".join(f'"{s}"' for s in SUGGESTIONS[:6])
        self._print(f"(no sample utterance of the {self.device.locale} model matches "
                    f"{line.strip()!r}; try {tips})")
        if self.in_session:
            # On a device, words the model does not cover reach the skill as FallbackIntent.
            self._send(self.device.intent("AMAZON.FallbackIntent"))

    def _send(self, envelope: dict[str, Any]) -> None:
        response = self.app.invoke(envelope)
        self.device.take(response)
        body = response.get("response") or {}
        speech = (body.get("outputSpeech") or {}).get("ssml")
        if speech:
            self._print(f"Alexa: {render(speech)}")
            if self.real_time:
                self.sleep(total_pause_seconds(speech))
        reprompt = ((body.get("reprompt") or {}).get("outputSpeech") or {}).get("ssml")
        if reprompt:
            self._print(f"       (if you say nothing: {render(reprompt)})")
        if not self.in_session and speech:
            self._print("(session ended)")
        for directive in body.get("directives") or []:
            if directive.get("type") == "Connections.SendRequest" and \
                    directive.get("name") == "AskFor":
                self._consent_not_given(directive)

    def _consent_not_given(self, directive: dict[str, Any]) -> None:
        """On a device Alexa would now ask for the permission; here nobody can grant it."""
        self._print("       (Alexa would ask for the reminders permission now; the console "
                    "cannot grant it, so it goes unanswered)")
        scopes = (directive.get("payload") or {}).get("permissionScopes") or [{}]
        self._send(self.device.envelope({
            "type": "Connections.Response", "requestId": f"amzn1.echo-api.request.{uuid4()}",
            "timestamp": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "locale": self.device.locale, "name": "AskFor",
            "status": {"code": "200", "message": "OK"}, "token": directive.get("token", ""),
            "payload": {"permissionScope": scopes[0].get("permissionScope"),
                        "status": "NOT_ANSWERED"},
        }))

    def _print(self, text: str) -> None:
        print(text, file=self.out, flush=True)


def run(console: Console, lines: Iterable[str], *, echo: bool) -> None:
    for line in lines:
        if echo:
            console._print(f"you> {line.rstrip()}")
        console.say(line)


def interactive_lines(prompt: str = "you> ") -> Iterable[str]:
    while True:
        try:
            yield input(prompt)
        except EOFError:
            return


def banner(out: TextIO) -> None:
    print("Release Coach console: type what you would say to Alexa. "
          "Start with \"open release coach\"; \"exit\" ends a session, Ctrl-D quits.",
          file=out)


def main_loop(console: Console, stdin: TextIO = sys.stdin) -> None:
    if stdin.isatty():
        banner(console.out)
        run(console, interactive_lines(), echo=False)
    else:
        run(console, stdin, echo=True)
