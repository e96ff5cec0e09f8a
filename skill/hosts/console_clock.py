"""The console's clock: real or set time, moved on by ``/later``, in the device's zone."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

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

