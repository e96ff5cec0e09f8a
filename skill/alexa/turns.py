"""One turn of the conversation, translated between Alexa and the domain.

A :class:`Turn` reads what the domain needs from the request (the user's
profile, the session's mode and routine position, the local date), and turns
the domain's :class:`~skill.domain.dialogue.Outcome` back into an Alexa response, with at
most one store read and one store write. If the store fails, the turn still
answers from the session attributes and says that progress was not saved.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model.response import Response

from skill.domain.content import phrase
from skill.domain.dialogue import Coach, Context, Outcome, Reply, Session
from skill.domain.progress import Change, Profile, TimeZoneLearned, apply
from skill.domain.ssml import Speech
from skill.store import ProgressStore, StoreError, person_key, user_key

logger = logging.getLogger("release_coach.turns")

TimeZoneLookup = Callable[[HandlerInput], str | None]


def no_time_zone(handler_input: HandlerInput) -> str | None:
    return None


@dataclass
class Services:
    """What handlers need from outside the request: built once per container."""

    store: ProgressStore
    time_zone_lookup: TimeZoneLookup = no_time_zone
    user_key_secret: str | None = None


@dataclass
class TurnReport:
    """What the per-turn log line says about how the turn went."""

    outcome: str = "ok"
    store_reads: int = 0
    store_writes: int = 0
    notes: list[str] = field(default_factory=list)
    # What happened, for the per-turn metrics (skill/hosts/metrics.py): "routine_started",
    # "routine_completed", "step", "pain_stop", "reminder_set", "store_failure".
    events: list[str] = field(default_factory=list)


def turn_report(handler_input: HandlerInput) -> TurnReport:
    """The report this request's log line is written from, shared by every handler."""
    attributes = handler_input.attributes_manager.request_attributes
    report = attributes.get("report")
    if not isinstance(report, TurnReport):
        report = attributes["report"] = TurnReport()
    return report


def alexa_user_id(handler_input: HandlerInput) -> str | None:
    envelope = handler_input.request_envelope
    system = getattr(envelope.context, "system", None) if envelope.context else None
    user = getattr(system, "user", None) or (envelope.session.user if envelope.session else None)
    user_id = getattr(user, "user_id", None)
    return user_id if isinstance(user_id, str) and user_id else None


def alexa_person_id(handler_input: HandlerInput) -> str | None:
    """The recognised speaker (``context.System.person``), present only with voice profiles."""
    system = getattr(handler_input.request_envelope.context, "system", None)
    person_id = getattr(getattr(system, "person", None), "person_id", None)
    return person_id if isinstance(person_id, str) and person_id else None


def _zone(name: str | None) -> ZoneInfo:
    try:
        return ZoneInfo(name) if name else ZoneInfo("UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


class Turn:
    """Reads the state a turn needs, then writes what the domain decided."""

    def __init__(self, handler_input: HandlerInput, services: Services) -> None:
        self.handler_input = handler_input
        self.services = services
        self.report = turn_report(handler_input)
        envelope = handler_input.request_envelope
        # The SDK's own dict, not a copy: what the turn writes here goes back in the response.
        # The SDK raises on session attributes of a request that has no session.
        attributes = handler_input.attributes_manager.session_attributes \
            if envelope.session is not None else None
        self.session_attributes: dict[str, Any] = (
            attributes if isinstance(attributes, dict) else {})
        self.new_session = bool(envelope.session is None or envelope.session.new)
        raw_id = alexa_user_id(handler_input)
        self.account_key = user_key(raw_id, services.user_key_secret) if raw_id else None
        # A recognised speaker has a profile of their own: a household sharing one Echo
        # does not share one streak. Otherwise the account's profile, as before.
        raw_person = alexa_person_id(handler_input) if raw_id else None
        self.person_key = person_key(raw_person, services.user_key_secret) \
            if raw_person else None
        self.user_key = self.person_key or self.account_key
        self.store_ok = self.user_key is not None
        # ``stored`` is the profile as read, the base of this turn's one write; ``profile``
        # is what the domain sees, with anything learned this turn already applied.
        self.stored = Profile()
        if self.user_key is not None:
            self.report.store_reads += 1
            try:
                self.stored = services.store.load(self.user_key)
            except StoreError as error:
                self.store_ok = False
                self.report.notes.append("store read failed")
                self.report.events.append("store_failure")
                logger.warning("store read failed: %s", type(error).__name__)
        self.extra_changes: list[Change] = []
        if self.stored.time_zone is None and self.new_session:
            found = services.time_zone_lookup(handler_input)
            if found:
                self.extra_changes.append(TimeZoneLearned(found))
        self.profile = apply(self.stored, self.extra_changes)

    # ------------------------------------------------------------ reading

    def context(self) -> Context:
        envelope = self.handler_input.request_envelope
        stamp = getattr(envelope.request, "timestamp", None)
        now = stamp if isinstance(stamp, datetime) else datetime.now(UTC)
        if now.tzinfo is None:
            now = now.replace(tzinfo=UTC)
        try:
            local = now.astimezone(_zone(self.profile.time_zone))
        except (OverflowError, ValueError):
            now = datetime.now(UTC)
            local = now.astimezone(_zone(self.profile.time_zone))
        in_session = not self.new_session and "mode" in self.session_attributes
        # Within a session its own attributes are the truth: they survive a store outage.
        session = Session.parse(self.session_attributes) if in_session else Session()
        return Context(
            profile=self.profile,
            today=local.date(),
            session=session,
            new_session=self.new_session,
            finished_at=now.astimezone(UTC).isoformat(timespec="seconds"),
            turn_id=str(getattr(envelope.request, "request_id", "") or "local"),
        )

    def coach(self) -> Coach:
        return Coach(self.context())

    # ------------------------------------------------------------ writing

    def finish(self, outcome: Outcome) -> Response:
        notes: list[str] = []
        if outcome.delete_user:
            if not self._delete():
                outcome.reply = Reply(Speech().say(phrase("delete_failed")))
        else:
            changes = [*self.extra_changes, *outcome.changes]
            if changes and not self._save(changes):
                notes.append(phrase("save_failed"))
        self.report.events.extend(outcome.events)
        self.session_attributes.clear()
        self.session_attributes.update(outcome.session.to_dict())
        if outcome.screen is not None:
            # A device with a screen also gets the screen; any other, exactly this response.
            from skill.alexa.screens import present

            shown = present(self, outcome, notes)
            if shown is not None:
                return shown
        return self.respond(outcome.reply, notes)

    def _save(self, changes: list[Change]) -> bool:
        if self.user_key is None:
            return True
        if apply(self.stored, changes) == self.stored:
            return True
        if not self.store_ok:
            return False
        self.report.store_writes += 1
        try:
            if self.person_key is not None and self.account_key is not None and \
                    self.stored.version == 0:
                # A person's first save links them to the account, once, so that disabling
                # the skill can delete their profile too.
                self.services.store.link_person(self.account_key, self.person_key)
            self.services.store.save(self.user_key, self.stored, changes)
        except StoreError as error:
            self.report.notes.append("store write failed")
            self.report.events.append("store_failure")
            logger.warning("store write failed: %s", type(error).__name__)
            return False
        return True

    def _delete(self) -> bool:
        if self.user_key is None:
            return True
        self.report.store_writes += 1
        try:
            self.services.store.delete_user(self.user_key)
        except StoreError as error:
            self.report.events.append("store_failure")
            logger.warning("store delete failed: %s", type(error).__name__)
            return False
        return True

    def respond(self, reply: Reply | None, notes: list[str] | None = None) -> Response:
        builder = self.handler_input.response_builder
        if reply is None:
            return builder.response
        speech = Speech().extend(reply.speech)
        for note in notes or []:
            speech.say(note)
        builder.speak(speech.body(rate=reply.rate))
        if reply.reprompt is not None:
            builder.ask(reply.reprompt.body(rate=reply.rate))
            builder.set_should_end_session(False)
        else:
            builder.set_should_end_session(True)
        return builder.response
