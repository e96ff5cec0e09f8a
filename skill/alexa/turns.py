"""One turn of the conversation, translated between Alexa and the domain.

A :class:`Turn` reads what the domain needs from the request (the user's
profile, the session's mode and routine position, the local date), and turns
the domain's :class:`~skill.domain.dialogue.Outcome` back into an Alexa response, with at
most one store read and one store write. If the store fails, the turn still
answers from the session attributes and says that progress was not saved.

A profile that could not be read is *unknown*, not empty: the domain is told
(``Context.profile_unknown``), so a returning user is never greeted or counted as a
new one, and nothing is written on top of progress the turn never saw.

The time zone follows the device: it is asked of the settings API once when a
session starts and kept in the session attributes for the rest of it; the stored
one is only the fallback for when the device does not say. A name that is not a
real IANA zone is never used and never stored.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from skill.alexa.reminder_calls import make_call
from skill.alexa.reminders import has_permission
from skill.alexa.replies import speak
from skill.alexa.request import AlexaRequest
from skill.alexa.response import ResponseBuilder
from skill.alexa.screens import present
from skill.domain.content import phrase
from skill.domain.dialogue import Coach, Context, Outcome, Reply, Session
from skill.domain.language import DEFAULT_LOCALE
from skill.domain.progress import Change, Profile, TimeZoneLearned, apply
from skill.domain.ssml import Speech
from skill.store import (
    DeletionUnderway,
    PartialDeletion,
    ProgressStore,
    StoreError,
    WriteOutcomeUnknown,
    person_key,
    user_key,
)

logger = logging.getLogger("release_coach.turns")

TimeZoneLookup = Callable[[AlexaRequest], str | None]


def no_time_zone(request: AlexaRequest) -> str | None:
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


# The session attribute holding the device's zone for the rest of the session ("" when
# the device did not say), so that the settings API is asked once a session.
ZONE_ATTRIBUTE = "zone"


def valid_zone(name: object) -> str | None:
    """``name`` if it is an IANA time zone this machine knows, else ``None``."""
    if not isinstance(name, str) or not name or len(name) > 64:
        return None
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None
    return name


def _zone(name: str | None) -> ZoneInfo:
    valid = valid_zone(name)
    return ZoneInfo(valid) if valid else ZoneInfo("UTC")


class Turn:
    """Reads the state a turn needs, then writes what the domain decided."""

    def __init__(self, request: AlexaRequest, report: TurnReport, services: Services) -> None:
        self.request = request
        self.services = services
        self.report = report
        # The response being built: a Reminders API call may add to it before the reply.
        self.response = ResponseBuilder()
        # The request's own copy, not another: what the turn writes here goes back in the
        # response. A request outside a session has none to send back.
        attributes = request.session_attributes
        self.session_attributes: dict[str, Any] = attributes if attributes is not None else {}
        self.new_session = request.session_new
        raw_id = request.user_id
        self.account_key = user_key(raw_id, services.user_key_secret) if raw_id else None
        # A recognised speaker has a profile of their own: a household sharing one Echo
        # does not share one streak. Otherwise the account's profile, as before.
        raw_person = request.person_id if raw_id else None
        self.person_key = person_key(raw_person, services.user_key_secret) \
            if raw_person else None
        self.user_key = self.person_key or self.account_key
        self.store_ok = self.user_key is not None
        # True when the user's profile could not be read: what they have is unknown.
        self.profile_unknown = False
        # ``stored`` is the profile as read, the base of this turn's one write; ``profile``
        # is what the domain sees, with anything learned this turn already applied.
        self.stored = Profile()
        if self.user_key is not None:
            self.report.store_reads += 1
            try:
                self.stored = services.store.load(self.user_key)
            except DeletionUnderway:
                # They asked for everything to be deleted and it is nearly done: they start
                # afresh (truly), but nothing is saved until the delete has finished.
                self.store_ok = False
                self.report.notes.append("delete still under way")
            except StoreError as error:
                self.store_ok = False
                self.profile_unknown = True
                self.report.notes.append("store read failed")
                self.report.events.append("store_failure")
                logger.warning("store read failed: %s", type(error).__name__)
        # What goes back in the session attributes under ZONE_ATTRIBUTE.
        self._zone_seen: str | None = None
        self.zone = self._device_zone()
        self.extra_changes: list[Change] = []
        if self.zone is not None and self.zone != self.stored.time_zone:
            # The device's zone, newly learned or changed (a user who travels): the stored
            # copy is only the fallback, so it follows.
            self.extra_changes.append(TimeZoneLearned(self.zone))
        self.profile = apply(self.stored, self.extra_changes)
        if self.profile.time_zone is not None and valid_zone(self.profile.time_zone) is None:
            # Stored before zones were checked: never used.
            self.profile.time_zone = None

    def _device_zone(self) -> str | None:
        """The device's zone: asked once a session, then kept in the session attributes."""
        cached = self.session_attributes.get(ZONE_ATTRIBUTE)
        if not self.new_session and isinstance(cached, str):
            self._zone_seen = valid_zone(cached) or ""
            return self._zone_seen or None
        reported = self.services.time_zone_lookup(self.request)
        found = valid_zone(reported)
        if reported and found is None:
            logger.warning("device time zone rejected: not an IANA zone")
        self._zone_seen = found or ""
        return found

    # ------------------------------------------------------------ reading

    def context(self) -> Context:
        request = self.request
        now = request.timestamp or datetime.now(UTC)
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
            turn_id=request.request_id or "local",
            profile_unknown=self.profile_unknown,
            reminders_permitted=has_permission(request),
            locale=request.locale or DEFAULT_LOCALE,  # issue-17
        )

    def coach(self) -> Coach:
        return Coach(self.context())

    # ------------------------------------------------------------ writing

    def finish(self, outcome: Outcome) -> dict[str, Any]:
        """The response to the turn, once ``outcome`` is stored (and the call it asks for
        made)."""
        if outcome.call is not None:
            # A Reminders API call the dialogue asked for; it says what to answer after.
            result = make_call(self.request, self.response, outcome.call, self.profile,
                               self.services.time_zone_lookup, self.extra_changes)
            if result is not None and outcome.after_call is not None:
                outcome = outcome.after_call(result)
        if outcome.reply is not None and outcome.reply.elicit is not None and \
                self.request.type != "IntentRequest":
            # Dialog directives answer intents only: after a screen event or Alexa's
            # permission answer the question is asked in words alone.
            outcome.reply.elicit = None
        notes: list[str] = []
        if outcome.delete_user:
            said = self._delete()
            if said != "deleted":
                outcome.reply = Reply(Speech().say(phrase(said)))
        else:
            # A zone learned on a turn whose read failed is not worth a "couldn't save".
            changes = [*self.extra_changes, *outcome.changes] if self.store_ok \
                else outcome.changes
            failure = self._save(changes)
            if failure is not None:
                notes.append(phrase(failure))
        self.report.events.extend(outcome.events)
        self.session_attributes.clear()
        self.session_attributes.update(outcome.session.to_dict())
        if self._zone_seen is not None:
            self.session_attributes[ZONE_ATTRIBUTE] = self._zone_seen
        if outcome.screen is not None:
            # A device with a screen also gets the screen; any other, exactly this response.
            shown = present(self.request, self.response, outcome, notes,
                            self.session_attributes)
            if shown is not None:
                return shown
        return self.respond(outcome.reply, notes)

    def _save(self, changes: list[Change]) -> str | None:
        """Store ``changes``; the phrase to add when they were not (surely) stored."""
        if self.user_key is None:
            return None
        if apply(self.stored, changes) == self.stored:
            return None
        if not self.store_ok:
            return "save_failed"
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
            # The request went and its answer was lost: it may well have been stored.
            return "save_uncertain" if isinstance(error, WriteOutcomeUnknown) else "save_failed"
        return None

    def _delete(self) -> str:
        """Delete the user's progress; the phrase that says truthfully how far it got."""
        if self.user_key is None:
            return "deleted"
        self.report.store_writes += 1
        try:
            finished = self.services.store.delete_user(self.user_key)
        except PartialDeletion as error:
            self.report.events.append("store_failure")
            logger.warning("store delete stopped part-way: %s", type(error).__name__)
            return "delete_partial"
        except StoreError as error:
            self.report.events.append("store_failure")
            logger.warning("store delete failed: %s", type(error).__name__)
            return "delete_failed"
        if not finished:
            self.report.notes.append("delete continues on the next read")
        return "deleted" if finished else "delete_started"

    def respond(self, reply: Reply | None, notes: list[str] | None = None) -> dict[str, Any]:
        return speak(self.response, reply, notes).build()
