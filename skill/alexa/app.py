"""The assembled skill: handlers wired to a store, and one entry point for every host.

:class:`SkillApp` is built once per container (Lambda) or process (console,
web service). :meth:`SkillApp.invoke` takes a request envelope as a dict and
returns the response envelope as a dict; Lambda, the web service and the
console all go through it, so they cannot behave differently.

The envelope is read as the dicts it arrives in (:class:`~skill.alexa.request.AlexaRequest`)
and the response written as dicts (:mod:`skill.alexa.response`); the ASK SDK's request
and response models, its dispatch and its attributes manager were about a fifth of a
served turn (issue 17). The SDK is still what calls Alexa's own APIs
(:mod:`skill.alexa.alexa_apis`).
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from skill.alexa.alexa_apis import alexa_time_zone
from skill.alexa.handlers import CatchAllExceptionHandler, RequestHandler, all_handlers
from skill.alexa.json_message import JsonMessage
from skill.alexa.request import REQUEST_TYPES, AlexaRequest
from skill.alexa.response import response_envelope
from skill.alexa.turns import Services, TimeZoneLookup, TurnReport
from skill.domain.content import speaking
from skill.store import ProgressStore

logger = logging.getLogger("release_coach")

# The skill's own session attributes are a few hundred bytes, three levels deep. Deeper
# or larger ones did not come from it: they are dropped before any handler sees them
# (600 levels once raised RecursionError in the SDK's copy of them: an HTTP 500).
MAX_ATTRIBUTE_DEPTH = 16
MAX_ATTRIBUTE_CHARS = 24 * 1024
# Anything else nested this deep is not an Alexa request.
MAX_ENVELOPE_DEPTH = 64
# What a host's own log line of the request already says (see SkillApp.invoke).
_SAID_BY_THE_HOST = frozenset({"request_id", "request_type", "intent"})
# Logged request fields come from the request itself; a 100 KB request id stays in the request.
MAX_LOGGED_CHARS = 200


# A tuple, not ``dict | list``: isinstance checks a union about twice as slowly.
_CONTAINERS = (dict, list)


def _depth_exceeds(value: Any, limit: int) -> bool:
    """Whether ``value`` nests deeper than ``limit``; iterative, so depth cannot overflow it.

    Level by level: each level's containers are gathered by one comprehension, so a leaf
    (most of an envelope) costs one type check inside it, and an Alexa envelope (about
    eight levels) takes eight passes. Issue 17 measured the walk one node at a time at
    18 us for an Echo Show's request with a slot, this at 11 us (3 us for a plain one).
    """
    level = [value] if isinstance(value, _CONTAINERS) else []
    depth = 0
    while level:
        depth += 1
        if depth > limit:
            return True
        level = [child for node in level
                 for child in (node.values() if isinstance(node, dict) else node)
                 if isinstance(child, _CONTAINERS)]
    return False



def _logged(value: Any) -> Any:
    return value[:MAX_LOGGED_CHARS] if isinstance(value, str) else None


class RequestRejected(Exception):
    """The envelope cannot be served: malformed, or for another skill."""


class ForeignSkillRequest(RequestRejected):
    """The envelope names another skill's application id."""


class EventNotHandled(Exception):
    """A skill event (``AlexaSkillEvent.*``) could not be carried out, so it must not be
    acknowledged: the host answers with an error (Lambda: a failed invocation; the web
    service: HTTP 500) rather than with a response.

    Why an error and not an empty 200: Amazon documents that a message to a skill is
    delivered "successfully" only when the skill acknowledges it by "succeeding" the
    context (developer.amazon.com/docs/smapi/send-a-message-request-to-a-skill.html,
    "Skill messaging guidelines"), and skill events reach the skill the same way, out of
    session (developer.amazon.com/docs/smapi/skill-events-in-alexa-skills.html). An empty
    200 acknowledges it and nothing would ever ask again; an error leaves it undelivered.
    Neither page states a retry schedule, so the store does not rely on one: a delete that
    did not finish carries on in the background (see skill.store.dynamodb.store).
    """


@dataclass
class SkillApp:
    handlers: Sequence[RequestHandler]
    store: ProgressStore
    skill_id: str | None
    # Called with each turn's log record (events, latency) after it is logged: the Lambda
    # host turns it into CloudWatch metrics (skill/hosts/metrics.py).
    on_record: Callable[[dict[str, Any]], None] | None = None
    on_error: CatchAllExceptionHandler = field(default_factory=CatchAllExceptionHandler)

    def invoke(self, envelope: dict[str, Any], *,
               log: dict[str, Any] | None = None) -> dict[str, Any]:
        """Serve one request envelope; raise :class:`RequestRejected` if it cannot be served.

        The turn's facts (outcome, store reads and writes, events, latency) are logged as a
        line of their own, or, when the host writes one line for the whole request (the web
        service's access line, ``log``), put in it under ``"turn"``: a line less a request,
        about 4% of a served turn's instructions (issue 17, callgrind).
        """
        started = time.perf_counter()
        body = envelope.get("request") if isinstance(envelope, dict) else None
        request_type = body.get("type") if isinstance(body, dict) else None
        intent = body.get("intent") if isinstance(body, dict) else None
        record: dict[str, Any] = {
            "request_id": _logged(body.get("requestId") if isinstance(body, dict) else None),
            "request_type": _logged(request_type),
            "intent": _logged(intent.get("name") if isinstance(intent, dict) else None)}
        try:
            # An envelope no deeper than the attributes' bound cannot hold attributes
            # deeper than it either: one walk of the envelope is the common case.
            deep = _depth_exceeds(envelope, MAX_ATTRIBUTE_DEPTH)
            envelope, dropped = _bounded_attributes(envelope, check_depth=deep)
            if dropped:
                record["notes"] = [dropped]
            if deep and _depth_exceeds(envelope, MAX_ENVELOPE_DEPTH):
                raise RequestRejected("envelope is nested too deeply")
            request = self._accepted(envelope)
            report = TurnReport()
            # issue-19: the words of this turn are the request's locale's, read every turn.
            with speaking(request.locale):
                response = self.dispatch(request, report)
            record.update(outcome=report.outcome, store_reads=report.store_reads,
                          store_writes=report.store_writes, events=report.events)
            if report.notes:
                record["notes"] = [*record.get("notes", []), *report.notes]
            if report.outcome == "error" and str(request_type).startswith("AlexaSkillEvent."):
                # issue-18: a failed skill event is answered with an error, so it comes again.
                raise EventNotHandled(f"{request_type} failed; not acknowledged")
            return response_envelope(response, request.session_attributes)
        except RequestRejected as error:
            record.update(outcome="rejected", reason=str(error))
            raise
        finally:
            record["latency_ms"] = round((time.perf_counter() - started) * 1000, 2)
            if log is None:
                logger.info(JsonMessage(record))
            else:
                # The host's line already says which request it was.
                log["turn"] = {key: value for key, value in record.items()
                               if key not in _SAID_BY_THE_HOST}
            if self.on_record is not None:
                self.on_record(record)

    def dispatch(self, request: AlexaRequest, report: TurnReport) -> dict[str, Any]:
        """The first handler that takes the request answers it; whatever goes wrong on
        the way is answered by the exception handler."""
        try:
            for handler in self.handlers:
                if handler.can_handle(request):
                    return handler.handle(request, report)
            raise LookupError(f"no handler for {request.type}")
        except Exception as error:
            return self.on_error.handle(request, report, error)

    def _accepted(self, envelope: Any) -> AlexaRequest:
        """The envelope as a request, if it is one this skill serves."""
        if not isinstance(envelope, dict) or not isinstance(envelope.get("request"), dict):
            raise RequestRejected("envelope has no request")
        application_id = _application_id(envelope)
        if self.skill_id and application_id != self.skill_id:
            # Refused before any handler runs: nothing of another skill's user is touched.
            raise ForeignSkillRequest("application id does not match this skill")
        request = AlexaRequest(envelope)
        if request.type not in REQUEST_TYPES:
            raise RequestRejected("malformed envelope: not a request type Alexa sends")
        if request.timestamp_unreadable:
            # As when the SDK read the envelope: a request is stamped, or it is not Alexa's.
            raise RequestRejected("malformed envelope: the timestamp is not a time")
        if not request.has_system:
            # Alexa always sends context.System: who the user is, and on what device.
            raise RequestRejected("envelope has no context")
        return request


def _bounded_attributes(envelope: Any, *, check_depth: bool = True) -> tuple[Any, str | None]:
    """The envelope with oversized or over-deep session attributes dropped, and why."""
    session = envelope.get("session") if isinstance(envelope, dict) else None
    if not isinstance(session, dict) or not session.get("attributes"):
        return envelope, None
    attributes = session["attributes"]
    if check_depth and _depth_exceeds(attributes, MAX_ATTRIBUTE_DEPTH):
        reason = "session attributes too deep; dropped"
    else:
        try:
            size = len(json.dumps(attributes))
        except (TypeError, ValueError, RecursionError):
            size = MAX_ATTRIBUTE_CHARS + 1
        if size <= MAX_ATTRIBUTE_CHARS:
            return envelope, None
        reason = "session attributes too large; dropped"
    # A copy: the caller's envelope is theirs.
    return {**envelope, "session": {**session, "attributes": {}}}, reason


def _application_id(envelope: dict[str, Any]) -> str | None:
    for path in (("context", "System", "application", "applicationId"),
                 ("session", "application", "applicationId")):
        node: Any = envelope
        for key in path:
            node = node.get(key) if isinstance(node, dict) else None
        if isinstance(node, str):
            return node
    return None


def build_app(store: ProgressStore, *, skill_id: str | None = None,
              time_zone_lookup: TimeZoneLookup = alexa_time_zone,
              user_key_secret: str | None = None) -> SkillApp:
    services = Services(store=store, time_zone_lookup=time_zone_lookup,
                        user_key_secret=user_key_secret)
    # The application id is checked in SkillApp before any handler, so every host refuses alike.
    return SkillApp(handlers=all_handlers(services), store=store, skill_id=skill_id)
