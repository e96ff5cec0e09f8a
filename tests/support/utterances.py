"""One typical way of saying each of the dialogue table's utterances that carries values
(an exercise, a symptom, a period, a time), for the tests that walk the whole table."""

from __future__ import annotations

from skill.domain.dialogue import Said

SAID = {
    "guide": Said("guide", exercise="butterfly", heard="butterfly"),
    "unknown_exercise": Said("unknown_exercise", heard="the splits"),
    "explain": Said("explain", exercise="reverse_kegel", heard="reverse kegels"),
    "skip": Said("skip"),
    "pain": Said("pain", value="knee", heard="knee"),
    "change_setting": Said("change_setting", value="slower", heard="slow down"),
    "session_count": Said("session_count", value="last_week", heard="last week"),
    "minutes": Said("minutes", value="yesterday", heard="yesterday"),
    "short_routine": Said("short_routine", number=5),
    "set_reminder": Said("set_reminder", value="19:00"),
    "change_reminder": Said("change_reminder", value="later", number=30),
    "consent": Said("consent", value="ACCEPTED", heard="07:00"),
}


def said(name: str) -> Said:
    """``name`` said with its typical values, or bare when it carries none."""
    return SAID.get(name, Said(name))


__all__ = ["SAID", "said"]
