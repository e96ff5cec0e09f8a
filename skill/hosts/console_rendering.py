"""What a device says, as text: SSML read aloud, its pauses shown or waited through."""

from __future__ import annotations

import re
from xml.sax.saxutils import unescape

from skill.domain.ssml import total_pause_seconds

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
