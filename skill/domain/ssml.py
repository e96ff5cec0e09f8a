"""Build and check SSML that Alexa accepts.

Alexa rejects a response whose SSML is not well-formed XML, is longer than
8,000 characters, or holds a ``<break>`` longer than 10 seconds. Everything the
skill says is assembled from :class:`Speech` parts here, so text is always
escaped and long silences are always split into legal breaks.

Two breaks are never adjacent: what Alexa does with them is not documented (espeak-ng
merges them into one), so a silence longer than one break is a run of breaks with a
short spoken cue, or a soft sound, between them (:meth:`Speech.silence`), and a pause
that meets another is merged into it.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from xml.sax.saxutils import escape, unescape

MAX_SSML_CHARS = 8000
MAX_BREAK_SECONDS = 10
# All audio clips in one response together, in seconds (Alexa's limit).
MAX_AUDIO_SECONDS = 240
# The sound library's short chimes last about a second (unverified): a generous bound.
SOUND_SECONDS = 2.0
SOUNDBANK = "soundbank://soundlibrary/"
# How long speech takes, calibrated against espeak-ng at 150 words a minute (a fair stand-in
# for Alexa's default rate; bench/audio_length.py checks it): about 14.6
# characters a second and a fifth of a second more for each phrase between pauses, a
# little slower than espeak-ng measures (15.0 and 0.15 over whole responses), so the model
# errs long.
SPOKEN_CHARS_PER_SECOND = 14.6
SECONDS_PER_PHRASE = 0.2
_PROSODY_RE = re.compile(r'<prosody\s+rate="(\d+)%">')
_SILENCE_OR_SOUND_RE = re.compile(r'<break\s[^>]*/>|<audio\s[^>]*/>')
_SENTENCE_END = re.compile(r"(?<=[.?!])\s+")

_BREAK_RE = re.compile(r'<break\s+time="(\d+(?:\.\d+)?)(ms|s)"\s*/>')
_ADJACENT_BREAKS_RE = re.compile(r"<break\b[^>]*/>\s*(</?prosody[^>]*>\s*)*<break\b")
_AUDIO_RE = re.compile(r'<audio\s+src="([^"]+)"\s*/>')
# What XML 1.0 cannot hold at all (C0 controls but tab, newline and return; surrogates,
# which in a str are always unpaired; U+FFFE and U+FFFF), and the C1 controls and DEL,
# which no voice can say. Slot values are what the user was heard to say, so they can
# carry any of these; escaping does not help, only leaving them out does.
_UNSPEAKABLE_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def slowed(seconds: float, rate: str | None = None) -> float:
    """How long ``seconds`` of speech at Alexa's default rate take at a prosody ``rate``.

    A slower voice lengthens its gaps a little more than its words (espeak-ng at 85 % is
    about 4 % slower than 100/85 predicts), so the model adds a quarter of the slowing."""
    if not rate:
        return seconds
    fraction = float(rate.rstrip("%")) / 100
    return seconds / fraction * (1 + (1 - fraction) / 4)


def spoken_seconds(text: str, rate: str | None = None) -> float:
    """About how long Alexa takes to say ``text`` at a prosody ``rate`` like ``"90%"``."""
    if not text.strip():
        return 0.0
    return slowed(len(text.strip()) / SPOKEN_CHARS_PER_SECOND + SECONDS_PER_PHRASE, rate)


def response_seconds(ssml: str) -> float:
    """How long a whole response plays, by the same model: every phrase (lead-in,
    narration, closing), every break and every sound."""
    match = _PROSODY_RE.search(ssml)
    rate = f"{match.group(1)}%" if match else None
    phrases = _SILENCE_OR_SOUND_RE.split(ssml)
    words = sum(spoken_seconds(re.sub(r"<[^>]+>", "", text), rate) for text in phrases)
    return words + total_pause_seconds(ssml) + audio_seconds(ssml)


def speakable(text: str) -> str:
    """``text`` without the characters that would make SSML invalid or unspeakable."""
    # Printable text (nearly all of it) holds none of them: no controls, no surrogates, no
    # U+FFFE or U+FFFF (noncharacters are not printable), so there is nothing to remove.
    return text if text.isprintable() else _UNSPEAKABLE_RE.sub("", text)


@lru_cache(maxsize=1024)  # a few lengths recur in every narration: each written once
def pause(seconds: float) -> str:
    """SSML for one silence of ``seconds``, at most 10 s (a longer one is a bug: see
    :meth:`Speech.silence`)."""
    millis = max(0, round(seconds * 1000))
    if millis > MAX_BREAK_SECONDS * 1000:
        raise ValueError(f"a break of {seconds:g} s is over {MAX_BREAK_SECONDS} s")
    if millis == 0:
        return ""
    return f'<break time="{millis // 1000}s"/>' if millis % 1000 == 0 else \
        f'<break time="{millis}ms"/>'


def _break_seconds(part: str) -> float | None:
    # Most parts are words, which escaping keeps from starting with "<": no match to try.
    if not part.startswith("<break"):
        return None
    match = _BREAK_RE.fullmatch(part)
    if match is None:
        return None
    return float(match.group(1)) / (1000 if match.group(2) == "ms" else 1)


@dataclass
class Speech:
    """An ordered run of escaped text, sounds and pauses, rendered once into SSML."""

    parts: list[str] = field(default_factory=list)

    def say(self, text: str) -> Speech:
        if text:
            self.parts.append(escape(speakable(text).strip()))
        return self

    def sound(self, name: str) -> Speech:
        """A sound from Alexa's sound library, like ``"musical/amzn_sfx_bell_short_chime_01"``."""
        self.parts.append(f'<audio src="{escape(SOUNDBANK + name)}"/>')
        return self

    def pause(self, seconds: float) -> Speech:
        """A silence of at most 10 s; one that meets the silence before it is merged into it,
        so two breaks are never adjacent."""
        if seconds > 0:
            before = _break_seconds(self.parts[-1]) if self.parts else None
            if before is not None:
                self.parts.pop()
                seconds += before
            self.parts.append(pause(seconds))
        return self

    def silence(self, seconds: float, cues: Iterable[str]) -> Speech:
        """A silence of any length: breaks of equal length with a short cue between each
        two (``cues`` cycles), so the user hears time passing and no breaks meet."""
        chunks = max(1, -(-round(seconds * 1000) // (MAX_BREAK_SECONDS * 1000)))
        words = list(cues)
        for index in range(chunks):
            if index:
                self.say(words[(index - 1) % len(words)])
            self.pause(seconds / chunks)
        return self

    def extend(self, other: Speech) -> Speech:
        # Only other's first part can meet a break here: within other no two breaks meet
        # already (every part came through the methods above), so the rest go as they are.
        if other.parts:
            first, *rest = other.parts
            seconds = _break_seconds(first)
            if seconds is None:
                self.parts.append(first)
            else:
                self.pause(seconds)
            self.parts.extend(rest)
        return self

    def text(self) -> str:
        """The words alone, as :func:`spoken_text` reads them from :meth:`ssml`, without
        parsing the XML: every part is escaped words or one empty element."""
        words = " ".join(unescape(part) for part in self.parts if not part.startswith("<"))
        return " ".join(words.split())

    def last_sentence(self) -> str:
        """The last sentence of :meth:`text` ("" when nothing is said). It is read from the
        end, part by part, back to where that sentence begins: a whole narration is not
        joined and split to find how it ends."""
        tail: list[str] = []
        for part in reversed(self.parts):
            if part.startswith("<"):
                continue
            words = unescape(part)
            tail.append(words)
            # Parts are stripped, so a sentence ends inside this one, or where it meets
            # the words after it.
            if _SENTENCE_END.search(words) or \
                    (words.endswith((".", "?", "!")) and any(tail[:-1])):
                break
        text = " ".join(" ".join(reversed(tail)).split())
        return _SENTENCE_END.split(text)[-1]

    def body(self, rate: str | None = None) -> str:
        """The SSML inside ``<speak>``; ``rate`` (like ``"90%"``) slows the whole voice."""
        text = " ".join(self.parts)
        return f'<prosody rate="{rate}">{text}</prosody>' if rate and text else text

    def ssml(self, rate: str | None = None) -> str:
        return f"<speak>{self.body(rate)}</speak>"


def join(texts: Iterable[str]) -> Speech:
    speech = Speech()
    for text in texts:
        speech.say(text)
    return speech


def total_pause_seconds(ssml: str) -> float:
    """Sum of every ``<break>`` in ``ssml``, in seconds."""
    total = 0.0
    for value, unit in _BREAK_RE.findall(ssml):
        total += float(value) / (1000 if unit == "ms" else 1)
    return total


def audio_seconds(ssml: str) -> float:
    """How long the sound clips in ``ssml`` last, at most (see :data:`SOUND_SECONDS`)."""
    return len(_AUDIO_RE.findall(ssml)) * SOUND_SECONDS


def spoken_text(ssml: str) -> str:
    """The words of ``ssml`` without markup, for text displays and the console."""
    try:
        root = ET.fromstring(ssml)
    except ET.ParseError:
        return ssml
    return " ".join(" ".join(root.itertext()).split())


def problems(ssml: str) -> list[str]:
    """Every way ``ssml`` would be refused by Alexa; empty when it is fine."""
    found = []
    if len(ssml) > MAX_SSML_CHARS:
        found.append(f"SSML is {len(ssml)} characters, over {MAX_SSML_CHARS}")
    try:
        root = ET.fromstring(ssml)
    except ET.ParseError as error:
        return [*found, f"SSML is not well-formed: {error}"]
    if root.tag != "speak":
        found.append("SSML root element is not <speak>")
    for element in root.iter("break"):
        time = element.get("time", "")
        match = re.fullmatch(r"(\d+(?:\.\d+)?)(ms|s)", time)
        if not match:
            found.append(f"break has an invalid time {time!r}")
            continue
        seconds = float(match.group(1)) / (1000 if match.group(2) == "ms" else 1)
        if seconds > MAX_BREAK_SECONDS:
            found.append(f"break of {seconds:g} s is over {MAX_BREAK_SECONDS} s")
    if _ADJACENT_BREAKS_RE.search(ssml):
        found.append("two <break>s are adjacent")
    for element in root.iter("audio"):
        if not element.get("src", "").startswith(SOUNDBANK):
            found.append(f"audio from outside the sound library: {element.get('src')!r}")
    if audio_seconds(ssml) > MAX_AUDIO_SECONDS:
        found.append(f"audio of {audio_seconds(ssml):g} s is over {MAX_AUDIO_SECONDS} s")
    return found
