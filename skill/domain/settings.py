"""A user's coaching settings: pace, holds, reps and how much talking, within safe bounds.

Settings are coaching preferences, not health data: they say how the coach talks,
never why. Every value is clamped to the guidance's ranges, so no setting can make
a routine harder than the programme allows (release holds 3 to 5 seconds, 10 to 15
reps, stretches held at least 30 seconds).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from skill.domain.records import plain

PACE_MIN, PACE_MAX = -1, 2
# How much longer the resting pauses are at each pace (holds themselves never change).
PAUSE_SCALE = {-1: 0.8, 0: 1.0, 1: 1.3, 2: 1.6}
# Slower paces also slow the voice a little; Alexa's default rate is kept otherwise.
SPEAKING_RATE = {-1: None, 0: None, 1: "90%", 2: "85%"}
RELEASE_HOLD_MIN, RELEASE_HOLD_MAX = 3, 5
REPS_MIN, REPS_MAX = 10, 15
STRETCH_HOLD_MIN, STRETCH_HOLD_MAX, STRETCH_HOLD_STEP = 30, 60, 15


def clamp(value: int, low: int, high: int) -> int:
    return max(low, min(high, value))


@dataclass(frozen=True)
class Settings:
    """What a user asked for; the defaults are the programme as written."""

    pace: int = 0
    hold_change: int = 0
    reps_change: int = 0
    stretch_hold: int = STRETCH_HOLD_MIN
    brief: bool = False
    auto_advance: bool = True
    # A soft chime marks each release and each relaxation (fewer words, eyes closed).
    tones: bool = False

    @property
    def pause_scale(self) -> float:
        return PAUSE_SCALE[clamp(self.pace, PACE_MIN, PACE_MAX)]

    @property
    def speaking_rate(self) -> str | None:
        return SPEAKING_RATE[clamp(self.pace, PACE_MIN, PACE_MAX)]

    def release_targets(self, reps: int, hold: int) -> tuple[int, int]:
        """A week's reps and hold, adjusted by this user's changes and kept in bounds."""
        return (clamp(reps + self.reps_change, REPS_MIN, REPS_MAX),
                clamp(hold + self.hold_change, RELEASE_HOLD_MIN, RELEASE_HOLD_MAX))

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = plain(self)
        return data

    @classmethod
    def parse(cls, raw: object) -> Settings:
        """Settings from stored data; anything odd falls back to the default for that field."""
        if not isinstance(raw, dict):
            return cls()
        numbers: dict[str, int] = {}
        for name, (low, high) in _BOUNDS:
            value = raw.get(name)
            if type(value) is int:
                numbers[name] = clamp(value, low, high)
        flags: dict[str, bool] = {}
        for name in ("brief", "auto_advance", "tones"):
            value = raw.get(name)
            if isinstance(value, bool):
                flags[name] = value
        return cls(**numbers, **flags)  # type: ignore[arg-type]


# What Settings.parse keeps each stored number within (named once, not on every parse).
_BOUNDS = (("pace", (PACE_MIN, PACE_MAX)), ("hold_change", (-2, 2)), ("reps_change", (-5, 5)),
           ("stretch_hold", (STRETCH_HOLD_MIN, STRETCH_HOLD_MAX)))

DEFAULT_SETTINGS = Settings()
