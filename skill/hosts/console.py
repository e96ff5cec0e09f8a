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

import difflib
import json
import re
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, tzinfo
from pathlib import Path
from typing import Any, TextIO
from uuid import uuid4
from xml.sax.saxutils import unescape
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from skill.alexa.app import SkillApp
from skill.domain.ssml import total_pause_seconds
from skill.hosts.envelopes import Device

MODELS_DIR = Path(__file__).resolve().parents[2] / "interaction_models"

# Amazon's built-in intents understand these phrases without any sample in the model;
# the console needs them spelled out because it has no Alexa speech model behind it.
# They only apply to built-ins the loaded model declares, and a phrase the model gives to
# one of its own intents belongs to that intent (the model is the grammar, this is a
# fallback). "skip" is deliberately absent: skipping is the model's business.
BUILT_IN_PHRASES: dict[str, tuple[str, ...]] = {
    "AMAZON.YesIntent": ("yes", "yeah", "yep", "sure", "ok", "okay", "yes please", "alright"),
    "AMAZON.NoIntent": ("no", "nope", "no thanks", "no thank you", "not now"),
    "AMAZON.StopIntent": ("stop", "off", "shut up", "be quiet"),
    "AMAZON.CancelIntent": ("cancel", "never mind", "forget it"),
    "AMAZON.HelpIntent": ("help", "help me"),
    "AMAZON.NextIntent": ("next",),
    "AMAZON.PreviousIntent": ("go back", "previous", "back"),
    "AMAZON.RepeatIntent": ("repeat", "repeat that", "say that again please"),
    "AMAZON.PauseIntent": ("pause",),
    "AMAZON.ResumeIntent": ("resume", "continue please"),
    "AMAZON.StartOverIntent": ("start over", "restart please"),
    "AMAZON.NavigateHomeIntent": ("go home", "home"),
}

# How a suggestion fills a slot of a built-in type.
BUILT_IN_EXAMPLES = {"AMAZON.NUMBER": "ten", "AMAZON.DURATION": "ten seconds"}

# Words speech recognition hears around a request without changing it; tried only when
# the words as typed match nothing literally.
POLITE_WORDS = ("please",)

LAUNCH_WORDS = ("open", "launch", "start", "begin", "load", "run", "use")
ONE_SHOT_WORDS = ("ask", "tell")
EXIT_WORDS = ("exit", "quit", "goodbye", "bye")
_SLOT_RE = re.compile(r"\{(\w+)\}")


def normalise(text: str) -> str:
    """Words as speech recognition would deliver them: lower case, no punctuation.

    Apostrophes are dropped rather than turned into spaces, so "what's", "whats" and
    "what’s" are one word; every other mark separates words.
    """
    text = text.lower().replace("’", "").replace("'", "")
    return " ".join(re.sub(r"[\W_]+", " ", text).split())


@dataclass(frozen=True)
class Match:
    intent: str
    slots: dict[str, tuple[str, str | None]]
    # Slots of Amazon's built-in types, which Alexa sends without entity resolution.
    plain_slots: frozenset[str] = frozenset()


_NUMBER_WORDS = {word: value for value, word in enumerate([
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen"])}
_NUMBER_WORDS.update({word: 10 * tens for tens, word in enumerate(
    ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"], start=2)})


def spoken_number(words: list[str]) -> int | None:
    """``["twenty", "five"]`` or ``["25"]`` as 25; ``None`` unless every word is a number's."""
    total = current = 0
    seen = False
    for word in words:
        if word.isdigit():
            current += int(word)
        elif word in _NUMBER_WORDS:
            current += _NUMBER_WORDS[word]
        elif word in ("a", "an") and not seen:
            current += 1  # "a hundred", "an hour"
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word == "thousand":
            total, current = total + max(current, 1) * 1000, 0
        elif word != "and" or not seen:
            return None
        seen = True
    return total + current if seen else None


_DURATION_UNITS = {"day": "D", "days": "D", "hour": "H", "hours": "H", "minute": "M",
                   "minutes": "M", "min": "M", "mins": "M", "second": "S", "seconds": "S",
                   "sec": "S", "secs": "S"}


def spoken_duration(words: list[str]) -> str | None:
    """``ten seconds`` as ``PT10S``: the ISO 8601 form Alexa fills an ``AMAZON.DURATION``
    slot with, or ``None`` for words the console cannot read as one (``half a minute``)."""
    amounts: dict[str, int] = {}
    pending: list[str] = []
    for word in words:
        if word in _DURATION_UNITS:
            number = spoken_number(pending)
            if number is None:
                return None
            unit = _DURATION_UNITS[word]
            amounts[unit] = amounts.get(unit, 0) + number
            pending = []
        elif word != "and" or pending:
            pending.append(word)
    if pending or not amounts:
        return None
    days = f"{amounts['D']}D" if "D" in amounts else ""
    time_part = "".join(f"{amounts[u]}{u}" for u in "HMS" if u in amounts)
    return f"P{days}{'T' + time_part if time_part else ''}"


_HOURS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
          "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
_MINUTES = {"fifteen": 15, "thirty": 30, "forty five": 45, "oclock": 0}
_PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
_TIME = re.compile(
    r"(?:at )?(?P<hour>\d{1,2}|" + "|".join(_HOURS) + r")"
    r"(?: (?P<minute>\d\d)| (?P<word>fifteen|thirty|forty five|oclock))?"
    r"(?: ?(?P<suffix>am|pm|a m|p m|in the morning|in the afternoon|in the evening|at night"
    r"|tonight))?")


def alexa_time(heard: str) -> str | None:
    """What ``AMAZON.TIME`` resolves typed words to: "08:00", "19:30", or "MO", "EV"...

    Alexa does this in its speech model; the console needs it spelled out.
    """
    text = normalise(heard)
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


def built_in_slot_value(slot_type: str, heard: str) -> str | None:
    """What Alexa puts in a slot of a built-in type for these words, or ``None`` if the
    words cannot be that type (the sample then does not match)."""
    words = normalise(heard).split()
    if slot_type == "AMAZON.NUMBER":
        number = spoken_number(words)
        return None if number is None else str(number)
    if slot_type == "AMAZON.DURATION":
        return spoken_duration(words)
    if slot_type == "AMAZON.TIME":
        return alexa_time(heard)
    return " ".join(words)  # other built-in types: the words as heard


@dataclass(frozen=True)
class Sample:
    """One utterance of one intent, as written in the model (or a built-in phrase)."""

    intent: str
    text: str
    words: tuple[str, ...]  # normalised words, with each slot kept as "{Name}"
    slot_types: dict[str, str]
    built_in: bool

    @property
    def literal(self) -> bool:
        return not any(_SLOT_RE.fullmatch(word) for word in self.words)

    @property
    def normalised(self) -> str:
        return " ".join(self.words)

    def pattern(self) -> re.Pattern[str]:
        # Input and sample are both single-spaced words, so joining whole words with single
        # spaces means a literal can only match whole words and a slot can only capture
        # whole words: "done with that one" can never fit "do {Exercise}".
        parts = []
        for word in self.words:
            slot = _SLOT_RE.fullmatch(word)
            parts.append(rf"(?P<{slot.group(1)}>\S+(?: \S+)*?)" if slot else re.escape(word))
        return re.compile(" ".join(parts))


def _sample(intent: str, text: str, slot_types: dict[str, str], *, built_in: bool) -> Sample:
    words: list[str] = []
    for part in re.split(r"(\{\w+\})", text):
        words.extend([part] if _SLOT_RE.fullmatch(part) else normalise(part).split())
    return Sample(intent, text, tuple(words), slot_types, built_in)


class ModelMatcher:
    """Matches words to an intent using the sample utterances of one interaction model.

    The order is the one that keeps a console conversation faithful to a device:

    1. a literal sample of the model (no slots), exactly;
    2. a built-in phrase of an Amazon intent the model declares;
    3. the same two with a polite "please" left off;
    4. a sample with slots; one whose slots all resolve to slot values wins over one
       that does not, then the one capturing fewest words.

    A slot carrier never outranks a literal match, and a capture that does not resolve is
    only accepted when it holds a word the model never uses outside its slot values:
    "let's do that one again" fits "let's do {Exercise}", but "that one again" is the
    model's own command wording, not the name of an exercise nobody has modelled.
    """

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
            values[slot_type["name"]] = pairs
        self.slot_values = values
        self.samples: list[Sample] = []
        for intent in language["intents"]:
            slot_types = {s["name"]: s["type"] for s in intent.get("slots", [])}
            for text in intent.get("samples", []):
                self.samples.append(_sample(intent["name"], text, slot_types, built_in=False))
            for text in BUILT_IN_PHRASES.get(intent["name"], ()):
                self.samples.append(_sample(intent["name"], text, slot_types, built_in=True))
        # First claim wins, and model samples are listed before any built-in phrase of the
        # same words because the model is what the device would really use.
        self.literals: dict[str, str] = {}
        for sample in sorted(self.samples, key=lambda s: s.built_in):
            if sample.literal:
                self.literals.setdefault(sample.normalised, sample.intent)
        self.carriers = [(s, s.pattern()) for s in self.samples if not s.literal]
        self.vocabulary = {self.invocation, *self.invocation.split()}
        for sample in self.samples:
            self.vocabulary.update(w for w in sample.words if not _SLOT_RE.fullmatch(w))

    def match(self, words: str) -> Match | None:
        text = normalise(words)
        if not text:
            return None
        candidates = [text]
        trimmed = " ".join(w for w in text.split() if w not in POLITE_WORDS)
        if trimmed and trimmed != text:
            candidates.append(trimmed)
        for candidate in candidates:
            if candidate in self.literals:
                return Match(self.literals[candidate], {})
        for candidate in candidates:
            found = self._carrier(candidate)
            if found is not None:
                return found
        return None

    def _carrier(self, text: str) -> Match | None:
        best: tuple[tuple[int, int], Match] | None = None
        for sample, pattern in self.carriers:
            found = pattern.fullmatch(text)
            if not found:
                continue
            slots: dict[str, tuple[str, str | None]] = {}
            plain: set[str] = set()
            resolved_all = True
            acceptable = True
            for name, heard in found.groupdict().items():
                slot_type = sample.slot_types.get(name, "")
                if slot_type.startswith("AMAZON."):
                    value = built_in_slot_value(slot_type, heard)
                    acceptable = acceptable and value is not None
                    slots[name] = (value or heard, None)
                    plain.add(name)
                    continue
                value_id = self._resolve(slot_type, heard)
                if value_id is None:
                    resolved_all = False
                    # A sample that is nothing but a slot ("{Exercise}") only takes slot
                    # values; and command words are not an unmodelled name.
                    novel = [w for w in heard.split() if w not in self.vocabulary]
                    acceptable = acceptable and bool(novel) and len(sample.words) > 1
                slots[name] = (heard, value_id)
            if not acceptable:
                continue
            captured = sum(len(heard.split()) for heard, _ in slots.values())
            score = (int(resolved_all), -captured)
            if best is None or score > best[0]:
                best = (score, Match(sample.intent, slots, frozenset(plain)))
        return best[1] if best else None

    def _resolve(self, slot_type: str, heard: str) -> str | None:
        heard = normalise(heard)
        # Entity resolution forgives an article ("do the bridge again" fits
        # "do {Exercise} again" with "the bridge"); an exact value is still preferred.
        bare = re.sub(r"^(?:the|a|an|my) ", "", heard)
        for wanted in dict.fromkeys((heard, bare)):
            for word, value_id in self.slot_values.get(slot_type, []):
                if word == wanted:
                    return value_id
        return None

    def example(self, sample: Sample) -> str:
        """The sample as a person would say it, each slot filled with a value of its type."""
        def fill(slot: re.Match[str]) -> str:
            slot_type = sample.slot_types.get(slot.group(1), "")
            values = self.slot_values.get(slot_type, [])
            if values:
                return values[0][0]
            return BUILT_IN_EXAMPLES.get(slot_type, slot.group(1).lower())

        return _SLOT_RE.sub(fill, sample.text)

    def suggest(self, words: str, limit: int = 3) -> list[str]:
        """The model's utterances closest to ``words``, one per intent, best first."""
        text = normalise(words)
        heard = set(text.split())
        scored: list[tuple[float, str, str]] = []
        for sample in self.samples:
            example = self.example(sample)
            said = normalise(example)
            said_words = set(said.split())
            overlap = len(heard & said_words) / max(1, len(heard | said_words))
            similarity = difflib.SequenceMatcher(None, text, said).ratio()
            scored.append((overlap + similarity, sample.intent, example))
        scored.sort(key=lambda s: -s[0])
        picked: list[str] = []
        intents: set[str] = set()
        for _score, intent, example in scored:
            if intent not in intents:
                intents.add(intent)
                picked.append(example)
            if len(picked) == limit:
                break
        return picked


def load_model(locale: str) -> dict[str, Any]:
    path = MODELS_DIR / f"{locale}.json"
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


_BREAKS_RE = re.compile(r'((?:\s*<break\s+time="[^"]+"\s*/>)+)')


def _plain(ssml: str) -> str:
    text = re.sub(r"<[^>]+>", "", ssml)
    return " ".join(unescape(text, {"&quot;": '"', "&apos;": "'"}).split())


def render(ssml: str) -> str:
    """Readable text from SSML, with each run of pauses shown as ``[N s]``."""
    def pause_label(match: re.Match[str]) -> str:
        return f" [{total_pause_seconds(match.group(0)):g} s] "

    return _plain(_BREAKS_RE.sub(pause_label, ssml))


def segments(ssml: str) -> list[tuple[str, float]]:
    """What a device says, as (text, seconds of silence after it) in speaking order."""
    pieces = _BREAKS_RE.split(ssml)
    spoken: list[tuple[str, float]] = []
    # re.split with one group alternates text, breaks, text, ...: pair each text with the
    # silence that follows it.
    for index in range(0, len(pieces), 2):
        text = _plain(pieces[index])
        wait = total_pause_seconds(pieces[index + 1]) if index + 1 < len(pieces) else 0.0
        if text or wait:
            spoken.append((text, wait))
    return spoken


# Longest spelling first, so "90 minutes" is not read as "90 m" followed by "inutes".
_DURATION_RE = re.compile(r"(\d+(?:\.\d+)?)\s*(days?|d|hours?|h|minutes?|mins?|m|seconds?"
                          r"|secs?|s)\b")
_UNITS = {"d": "days", "h": "hours", "m": "minutes", "s": "seconds"}


def parse_duration(text: str) -> timedelta:
    """``1d``, ``3h``, ``1d 2h``, ``90 minutes``; a bare ``/later`` means a day."""
    text = text.strip().lower()
    if not text:
        return timedelta(days=1)
    total = timedelta()
    position = 0
    for found in _DURATION_RE.finditer(text):
        if text[position:found.start()].strip(" ,"):
            break
        total += timedelta(**{_UNITS[found.group(2)[0]]: float(found.group(1))})
        position = found.end()
    if position == 0 or text[position:].strip(" ,"):
        raise ValueError(f"not a duration: {text!r} (try 1d, 3h, 45m or 1d 2h)")
    return total


def device_zone(name: str | None) -> tzinfo:
    """The zone called ``name``, or UTC when there is none or it is unknown."""
    try:
        return ZoneInfo(name) if name else UTC
    except (ZoneInfoNotFoundError, ValueError):
        return UTC


def parse_clock(text: str, zone: tzinfo) -> datetime:
    """An ISO time for ``--now``; without an offset it is read in ``zone``, the time zone
    the console's Echo reports, so "07:30" is half past seven where the user lives."""
    moment = datetime.fromisoformat(text.strip())
    return moment.replace(tzinfo=zone) if moment.tzinfo is None else moment


@dataclass
class Clock:
    """The console's idea of now: the real time, or a set start, plus any ``/later``.

    A set clock stands still between ``/later`` commands, so a piped script gives the same
    conversation on every run; a routine's minutes are the skill's own count, not the
    time between requests.
    """

    start: datetime | None = None
    offset: timedelta = field(default_factory=timedelta)

    def now(self) -> datetime:
        return (self.start or datetime.now(UTC)) + self.offset

    def advance(self, by: timedelta) -> None:
        self.offset += by


COMMANDS_HELP = ("/later 1d (or 3h, 45m, 1d 2h): walk away and come back that much later; "
                 "/silence or a blank line: say nothing; /now: show the clock; "
                 "/touch next|repeat|pause: press a button on the screen (--screen); /help")


class Console:
    """One person at one Echo, typing instead of speaking."""

    INDENT = "       "

    def __init__(self, app: SkillApp, device: Device, matcher: ModelMatcher, out: TextIO,
                 *, real_time: bool = False, sleep: Callable[[float], None] = time.sleep,
                 clock: Clock | None = None, zone: tzinfo = UTC) -> None:
        self.app = app
        self.device = device
        self.matcher = matcher
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
        if words in EXIT_WORDS and words not in self.matcher.literals:
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
        found = self.matcher.match(words)
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
        starters = "|".join(LAUNCH_WORDS + ONE_SHOT_WORDS)
        found = re.fullmatch(
            rf"(?:(?:{starters})\s+)?{name}(?:\s+(?:to|for|about|if|whether))?"
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
