"""Build and check SSML that Alexa accepts.

Alexa rejects a response whose SSML is not well-formed XML, is longer than
8,000 characters, or holds a ``<break>`` longer than 10 seconds. Everything the
skill says is assembled from :class:`Speech` parts here, so text is always
escaped and long silences are always split into legal breaks.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

MAX_SSML_CHARS = 8000
MAX_BREAK_SECONDS = 10

_BREAK_RE = re.compile(r'<break\s+time="(\d+(?:\.\d+)?)(ms|s)"\s*/>')
# What XML 1.0 cannot hold at all (C0 controls but tab, newline and return; surrogates,
# which in a str are always unpaired; U+FFFE and U+FFFF), and the C1 controls and DEL,
# which no voice can say. Slot values are what the user was heard to say, so they can
# carry any of these; escaping does not help, only leaving them out does.
_UNSPEAKABLE_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def speakable(text: str) -> str:
    """``text`` without the characters that would make SSML invalid or unspeakable."""
    return _UNSPEAKABLE_RE.sub("", text)


def pause(seconds: float) -> str:
    """Return SSML for a silence of ``seconds``, chained in chunks of at most 10 s."""
    remaining = max(0, round(seconds * 1000))
    parts = []
    while remaining > 0:
        chunk = min(remaining, MAX_BREAK_SECONDS * 1000)
        parts.append(f'<break time="{chunk // 1000}s"/>' if chunk % 1000 == 0 else
                     f'<break time="{chunk}ms"/>')
        remaining -= chunk
    return "".join(parts)


@dataclass
class Speech:
    """An ordered run of escaped text and pauses, rendered once into SSML."""

    parts: list[str] = field(default_factory=list)

    def say(self, text: str) -> Speech:
        if text:
            self.parts.append(escape(speakable(text).strip()))
        return self

    def pause(self, seconds: float) -> Speech:
        if seconds > 0:
            self.parts.append(pause(seconds))
        return self

    def extend(self, other: Speech) -> Speech:
        self.parts.extend(other.parts)
        return self

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
    return found
