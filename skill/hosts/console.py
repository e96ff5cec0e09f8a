"""Talk to the skill in a terminal, the way you would talk to an Echo.

Typed words are matched against the interaction model's own sample utterances
and slot values, so the model is what gets exercised, not a second grammar.
Each line becomes a genuine request envelope sent through the same
:meth:`~skill.alexa.app.SkillApp.invoke` that Lambda calls; the reply is printed as
text with its pauses shown, like ``[10 s]``, or spoken segment by segment with the
pauses really waited through (``--real-time``).

The console keeps its own clock (``--now``, ``/later 1d``) so a script can live several
days, and a blank line is the user saying nothing, which a device answers with the
reprompt and then by closing the session.
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Callable, Iterable
from datetime import UTC, tzinfo
from typing import Any, TextIO
from uuid import uuid4

from skill.alexa.app import SkillApp
from skill.hosts.console_clock import Clock, parse_duration
from skill.hosts.console_matcher import ModelMatcher, normalise
from skill.hosts.console_rendering import render, segments
from skill.hosts.console_understanding import Understanding
from skill.hosts.envelopes import Device

COMMANDS_HELP = ("/later 1d (or 3h, 45m, 1d 2h): walk away and come back that much later; "
                 "/silence or a blank line: say nothing; /now: show the clock; "
                 "/touch next|repeat|pause: press a button on the screen (--screen); /help")


class Console:
    """One person at one Echo, typing instead of speaking."""

    INDENT = "       "

    def __init__(self, app: SkillApp, device: Device, matcher: Understanding | ModelMatcher,
                 out: TextIO,
                 *, real_time: bool = False, sleep: Callable[[float], None] = time.sleep,
                 clock: Clock | None = None, zone: tzinfo = UTC) -> None:
        self.app = app
        self.device = device
        self.matcher = matcher if isinstance(matcher, Understanding) else Understanding(matcher)
        self.spoken = self.matcher.matcher.spoken
        # The (intent, slot) the skill asked for with Dialog.ElicitSlot, while it asks.
        self.eliciting: tuple[str, str] | None = None
        self.out = out
        self.real_time = real_time
        self.sleep = sleep
        self.clock = clock or Clock()
        self.zone = zone
        self.reprompt: str | None = None
        self.silences = 0

    @property
    def in_session(self) -> bool:
        return self.device.session_id is not None

    def say(self, line: str) -> None:
        if line.strip().startswith("/"):
            self.command(line.strip())
            return
        # The wake word only wakes the device; it is never part of what the skill hears.
        words = re.sub(r"^alexa\b ?", "", normalise(line))
        if not words:
            if normalise(line):
                return  # "Alexa" alone: the device listens, and hears nothing new yet
            self.silence()
            return
        self.silences = 0
        # "exit" closes a session on any device, unless the model claims the words itself.
        if words in self.spoken.exit_words and words not in self.matcher.literals:
            if self.in_session:
                self._send(self.device.session_ended("USER_INITIATED", now=self.clock.now()))
            self._print("(session closed)")
            return
        rest = self._strip_invocation(words)
        if rest is not None:
            # Naming the skill ("open release coach", "ask release coach to ...") always
            # starts a fresh session, as on a device.
            if self.in_session:
                self.device.end_session()
            if rest == "":
                self._send(self.device.launch(now=self.clock.now()))
                return
            words = rest
        elif not self.in_session:
            name = self.matcher.invocation
            said = re.sub(r"^alexa\b\W*", "", line.strip(), flags=re.IGNORECASE)
            tip = (f"\"ask {name} {said}\"" if self.matcher.match(words)
                   else f"\"open {name}\" or \"ask {name} to ...\"")
            self._print(f"(no session is open, so Alexa would not pass this to the skill; "
                        f"say {tip})")
            return
        found = self.matcher.match(words, self.eliciting)
        if found is None:
            self._unmatched(words)
            return
        self._send(self.device.intent(found.intent, found.slots or None, now=self.clock.now(),
                                      plain_slots=found.plain_slots))

    def silence(self) -> None:
        """The user says nothing: the device speaks the reprompt once, then gives up."""
        if not self.in_session:
            self._print("(silence; no session is open)")
            return
        self.silences += 1
        if self.silences == 1 and self.reprompt:
            self._speak(self.reprompt)
            return
        self._end_unanswered()

    def command(self, line: str) -> None:
        name, _, argument = line.partition(" ")
        if name in ("/later", "/advance"):
            try:
                by = parse_duration(argument)
            except ValueError as error:
                self._print(f"({error})")
                return
            if self.in_session:
                # Walking away from an open session: the device reprompts to an empty room
                # and then closes it.
                self._end_unanswered()
            self.clock.advance(by)
            self._print(f"(time passes: {self._clock_text()})")
        elif name == "/silence":
            self.say("")
        elif name == "/now":
            self._print(f"(clock: {self._clock_text()})")
        elif name == "/touch" and self.device.apl:
            self.touch(argument.strip().lower())
        else:
            self._print(f"(commands: {COMMANDS_HELP})")

    def _end_unanswered(self) -> None:
        self._send(self.device.session_ended("EXCEEDED_MAX_REPROMPTS", now=self.clock.now()))
        self._print("(session ended: no answer)")

    def _clock_text(self) -> str:
        local = self.clock.now().astimezone(self.zone)
        return f"{local:%A %-d %B %Y, %H:%M} {local.tzname()}"

    def _strip_invocation(self, words: str) -> str | None:
        """What follows the invocation name, or ``None`` if the skill is not named."""
        name = re.escape(self.matcher.invocation)
        spoken = self.spoken
        starters = "|".join(map(re.escape, spoken.launch_words + spoken.one_shot_words))
        connecting = "|".join(map(re.escape, spoken.connecting_words))
        found = re.fullmatch(
            rf"(?:(?:{starters})\s+)?{name}(?:\s+(?:{connecting}))?"
            rf"(?:\s+(?P<rest>.*))?", words)
        if not found:
            return None
        return found.group("rest") or ""

    def _unmatched(self, words: str) -> None:
        tips = " or ".join(f'"{s}"' for s in self.matcher.suggest(words))
        self._print(f"(no sample utterance of the {self.device.locale} model matches "
                    f"{words!r}; did you mean {tips}?)")
        # On a device, words the model does not cover reach the skill as FallbackIntent.
        self._send(self.device.intent("AMAZON.FallbackIntent", now=self.clock.now()))

    def _send(self, envelope: dict[str, Any]) -> None:
        response = self.app.invoke(envelope)
        self.device.take(response)
        body = response.get("response") or {}
        self.eliciting = elicited_slot(body.get("directives") or [])
        speech = (body.get("outputSpeech") or {}).get("ssml")
        self.reprompt = ((body.get("reprompt") or {}).get("outputSpeech") or {}).get("ssml")
        if speech:
            self._speak(speech)
        if self.reprompt:
            self._print(f"{self.INDENT}(if you say nothing: {render(self.reprompt)})")
        if not self.in_session and speech:
            self._print("(session ended)")
        for directive in body.get("directives") or []:
            if directive.get("type") == "Connections.SendRequest" and \
                    directive.get("name") == "AskFor":
                self._consent_not_given(directive)
        if self.device.apl:
            self._show_screen(body.get("directives") or [])

    def touch(self, button: str) -> None:
        """A touch button on the screen: sends what the document's button sends."""
        from skill.alexa.screens import BUTTONS

        if button not in BUTTONS or not self.in_session:
            self._print(f"(touch one of: {', '.join(BUTTONS)}; only while a session is open)")
            return
        self._send(self.device.user_event([button], self.device.attributes.get(
            "screen_token", ""), now=self.clock.now()))

    def _show_screen(self, directives: list[dict[str, Any]]) -> None:
        """What the screen shows, as text; a document that finishes its step sends stepEnd
        (here at once: the console does not wait through the narration)."""
        from skill.alexa.screens import STEP_END
        from skill.hosts.screen_text import screen_text  # issue-17: moved out of the adapter

        for line in screen_text(directives):
            self._print(f"{self.INDENT}{line}")
        for directive in directives:
            if directive.get("type") != "Alexa.Presentation.APL.ExecuteCommands":
                continue
            sends = [c for sequence in directive.get("commands", [])
                     for c in sequence.get("commands", []) if c.get("type") == "SendEvent"]
            if any(c.get("arguments") == [STEP_END] for c in sends) and self.in_session:
                self._send(self.device.user_event([STEP_END], directive.get("token", ""),
                                                  now=self.clock.now()))

    def _consent_not_given(self, directive: dict[str, Any]) -> None:
        """On a device Alexa would now ask for the permission; here nobody can grant it."""
        self._print(f"{self.INDENT}(Alexa would ask for the reminders permission now; the "
                    "console cannot grant it, so it goes unanswered)")
        scopes = (directive.get("payload") or {}).get("permissionScopes") or [{}]
        now = self.clock.now().astimezone(UTC)
        self._send(self.device.envelope({
            "type": "Connections.Response", "requestId": f"amzn1.echo-api.request.{uuid4()}",
            "timestamp": now.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "locale": self.device.locale, "name": "AskFor",
            "status": {"code": "200", "message": "OK"}, "token": directive.get("token", ""),
            "payload": {"permissionScope": scopes[0].get("permissionScope"),
                        "status": "NOT_ANSWERED"},
        }))

    def _speak(self, ssml: str) -> None:
        if not self.real_time:
            self._print(f"Alexa: {render(ssml)}")
            return
        # As a device speaks: each stretch of words as it comes, then its silence.
        first = True
        for text, wait in segments(ssml):
            if text:
                self._print(("Alexa: " if first else self.INDENT) + text)
                first = False
            if wait:
                self.sleep(wait)

    def _print(self, text: str) -> None:
        print(text, file=self.out, flush=True)


def elicited_slot(directives: list[dict[str, Any]]) -> tuple[str, str] | None:
    """The (intent, slot) a response asks for with ``Dialog.ElicitSlot``, if it does."""
    for directive in directives:
        if directive.get("type") == "Dialog.ElicitSlot":
            intent = (directive.get("updatedIntent") or {}).get("name")
            slot = directive.get("slotToElicit")
            if isinstance(intent, str) and isinstance(slot, str):
                return intent, slot
    return None


def run(console: Console, lines: Iterable[str], *, echo: bool) -> None:
    for line in lines:
        if echo:
            said = line.strip()
            console._print(f"you> {said}" if said else "you> (says nothing)")
        console.say(line)


def interactive_lines(prompt: str = "you> ") -> Iterable[str]:
    while True:
        try:
            yield input(prompt)
        except EOFError:
            return


def banner(console: Console) -> None:
    console._print("Release Coach console: type what you would say to Alexa. Start with "
                   "\"open release coach\"; \"exit\" ends a session, Ctrl-D quits.")
    console._print(f"  {COMMANDS_HELP}")


def main_loop(console: Console, stdin: TextIO = sys.stdin) -> None:
    interactive = stdin.isatty()
    if interactive:
        banner(console)
    if console.clock.start is not None:
        console._print(f"(clock: {console._clock_text()})")
    try:
        if interactive:
            run(console, interactive_lines(), echo=False)
        else:
            run(console, stdin, echo=True)
    except KeyboardInterrupt:
        # Ctrl-C, most likely in the middle of a --real-time pause: leave without a traceback.
        console._print("")
