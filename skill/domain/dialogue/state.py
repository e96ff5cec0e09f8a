"""What a conversation knows between turns, and what one turn produces.

``Mode`` is the question the last reply asked, so a bare "yes" or "next" means what
the user just heard. A mode lasts exactly one turn: every reply sets the next one, so
no "yes" can ever act on a question that is no longer the question.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from skill.domain.language import DEFAULT_LOCALE
from skill.domain.progress import Change, Position, Profile
from skill.domain.reminders import CallResult, ReminderCall
from skill.domain.routine import is_known_plan
from skill.domain.screens import Screen
from skill.domain.ssml import Speech

# Longer words than this in a kept request are not kept: a slot is a name, not a paragraph.
MAX_SAID_CHARS = 80


class Mode(StrEnum):
    IDLE = "idle"                        # nothing asked, or "what would you like?"
    OFFER_START = "offer_start"          # "Shall we start?"
    OFFER_RESUME = "offer_resume"        # "Shall I carry on from there?"
    BETWEEN_STEPS = "between_steps"      # "Say next for the butterfly stretch."
    CONFIRM_DELETE = "confirm_delete"    # "Delete all your progress. Are you sure?"
    SAFETY_SCREEN = "safety_screen"      # "Does any of this apply to you?"
    SCREEN_CLEARED = "screen_cleared"    # "Has a physiotherapist checked you already?"
    CHECK_IN = "check_in"                # "Does it still hurt?"
    FEEL_CHECK = "feel_check"            # "How did that feel?"
    OFFER_WEEK_UP = "offer_week_up"      # "Would you like to move up to week 3?"
    OFFER_REMINDER = "offer_reminder"    # "Would you like a daily reminder?"
    # issue 16: safety that follows through.
    DOCTOR_CHECKED = "doctor_checked"    # "Has a doctor checked you since last time?"
    RESCREEN = "rescreen"                # "Has anything changed since we started?"
    EASE_BACK = "ease_back"              # "Would you like to ease back in, at week 2?"
    MINUTES_QUESTION = "minutes_question"  # "How many minutes do you have?"
    REMINDER_TIME = "reminder_time"      # "What time each day would you like it?"
    REMINDER_CONSENT = "reminder_consent"  # Alexa asks for the reminders permission
    REMINDER_CHANGE = "reminder_change"  # "What time would you like it instead?"
    REMINDER_CANCEL = "reminder_cancel"  # "Shall I cancel your daily reminder at 8 AM?"


@dataclass(frozen=True)
class Offer:
    """The routine an offer ("Shall we start?") would begin: a plan and a time budget."""

    plan: str
    minutes: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"plan": self.plan, "minutes": self.minutes}

    @classmethod
    def parse(cls, raw: object) -> Offer | None:
        if not isinstance(raw, dict) or set(raw) - {"plan", "minutes"}:
            return None
        plan, minutes = raw.get("plan"), raw.get("minutes", 0)
        if not (isinstance(plan, str) and is_known_plan(plan) and type(minutes) is int
                and 0 <= minutes <= 120):
            return None
        return cls(plan, minutes)


@dataclass(frozen=True)
class Said:
    """One thing the user said, in the domain's words: an utterance name and its values.

    ``exercise`` is a resolved exercise id and ``heard`` the words Alexa heard for it;
    ``value`` is any other resolved value (a period, a setting, a symptom, a time);
    ``number`` a spoken number (minutes).
    """

    name: str
    exercise: str | None = None
    heard: str | None = None
    value: str | None = None
    number: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {key: value for key, value in (
            ("name", self.name), ("exercise", self.exercise), ("heard", self.heard),
            ("value", self.value), ("number", self.number)) if value is not None}

    @classmethod
    def parse(cls, raw: object) -> Said | None:
        if not isinstance(raw, dict) or set(raw) - {"name", "exercise", "heard", "value",
                                                     "number"}:
            return None
        texts = [raw.get(key) for key in ("name", "exercise", "heard", "value")]
        number = raw.get("number")
        if not isinstance(texts[0], str) or not all(
                text is None or (isinstance(text, str) and 0 < len(text) <= MAX_SAID_CHARS)
                for text in texts):
            return None
        if number is not None and not (type(number) is int and 0 <= number <= 1000):
            return None
        return cls(texts[0], texts[1], texts[2], texts[3], number)


@dataclass(frozen=True)
class Pending:
    """What the user asked for while a safety question had to come first.

    It is heard again, in the state it was said in, once the question is answered: the
    runner (:class:`~skill.domain.dialogue.coach.Coach`) replays it through the table.
    """

    said: Said
    mode: Mode = Mode.IDLE

    def to_dict(self) -> dict[str, Any]:
        return {"said": self.said.to_dict(), "mode": self.mode.value}

    @classmethod
    def parse(cls, raw: object) -> Pending | None:
        if not isinstance(raw, dict) or set(raw) != {"said", "mode"}:
            return None
        said = Said.parse(raw.get("said"))
        try:
            mode = Mode(str(raw.get("mode")))
        except ValueError:
            return None
        return cls(said, mode) if said is not None else None


@dataclass
class Session:
    """The conversation's own memory, kept in Alexa's session attributes.

    ``position`` is the routine in hand; ``held`` is a daily routine set aside while a
    single exercise is done mid-routine; ``in_routine`` says that a routine is under way
    in this session, so a side question ends by offering to carry on; ``screened``
    says the safety questions were passed in this session (so the three-monthly "has
    anything changed?" is asked once, before exercise, whatever was said first), and
    ``notice_known`` that the profile said they had been passed before, remembered so
    that a later turn whose read fails does not ask them again.
    """

    mode: Mode = Mode.IDLE
    position: Position | None = None
    held: Position | None = None
    in_routine: bool = False
    pending: Pending | None = None
    screened: bool = False
    notice_known: bool = False
    offer: Offer | None = None
    # issue 16: the offer to ease back in after a break was answered in this session.
    welcomed_back: bool = False
    # The first-use notice ("general guidance, not medical advice") was said this session.
    noticed: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "mode": self.mode.value,
            "position": self.position.to_dict() if self.position else None,
            "held": self.held.to_dict() if self.held else None,
            "in_routine": self.in_routine,
            "pending": self.pending.to_dict() if self.pending else None,
            "screened": self.screened,
            "notice_known": self.notice_known,
            "offer": self.offer.to_dict() if self.offer else None,
            "welcomed_back": self.welcomed_back,
            "noticed": self.noticed,
        }

    @classmethod
    def parse(cls, raw: dict[str, Any]) -> Session:
        """Session attributes come back from the device: checked, never trusted."""
        try:
            mode = Mode(str(raw.get("mode")))
        except ValueError:
            mode = Mode.IDLE
        return cls(
            mode=mode,
            position=_known(Position.parse(raw.get("position"))),
            held=_known(Position.parse(raw.get("held"))),
            in_routine=raw.get("in_routine") is True,
            pending=Pending.parse(raw.get("pending")),
            screened=raw.get("screened") is True,
            notice_known=raw.get("notice_known") is True,
            offer=Offer.parse(raw.get("offer")),
            welcomed_back=raw.get("welcomed_back") is True,
            noticed=raw.get("noticed") is True,
        )


def _known(position: Position | None) -> Position | None:
    return position if position is not None and is_known_plan(position.plan) else None


@dataclass(frozen=True)
class Card:
    """A card in the Alexa app: health-neutral words only, since others may see it.

    ``reminders_permission`` asks for the reminders permission instead of showing text.
    """

    title: str = ""
    text: str = ""
    reminders_permission: bool = False


@dataclass(frozen=True)
class Elicit:
    """Ask Alexa to fill one slot of one intent with the next thing the user says."""

    intent: str
    slot: str


@dataclass
class Reply:
    """What Alexa says; without a reprompt the session ends after it."""

    speech: Speech
    reprompt: Speech | None = None
    rate: str | None = None
    card: Card | None = None
    # The question takes a bare value ("five", "half seven"): Dialog.ElicitSlot for it.
    elicit: Elicit | None = None

    @property
    def ends_session(self) -> bool:
        return self.reprompt is None


@dataclass
class Outcome:
    reply: Reply | None
    session: Session
    changes: list[Change] = field(default_factory=list)
    events: list[str] = field(default_factory=list)
    delete_user: bool = False
    # What a screen would show for this turn; only devices with a screen draw it.
    screen: Screen | None = None
    # A safety question was answered: hear what was asked before it, after this reply.
    then: Pending | None = None
    # A Reminders API call for the adapter to make, and what to say once it is made.
    call: ReminderCall | None = None
    after_call: Callable[[CallResult], Outcome] | None = None


@dataclass
class Context:
    """Everything one turn knows before it answers."""

    profile: Profile
    today: date
    session: Session = field(default_factory=Session)
    new_session: bool = True
    finished_at: str = ""
    turn_id: str = "local"
    # The user has granted the reminders permission (as this request says).
    reminders_permitted: bool = False
    # issue-18: the profile could not be read; ``profile`` is a blank stand-in, so nothing
    # about the user's progress (or their being new) may be said from it.
    profile_unknown: bool = False
    # issue-17: the request's locale, whose grammar the turn speaks (counts, lists, names).
    locale: str = DEFAULT_LOCALE
