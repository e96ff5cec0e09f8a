"""The assembled skill: handlers wired to a store, and one entry point for every host.

:class:`SkillApp` is built once per container (Lambda) or process (console,
web service). :meth:`SkillApp.invoke` takes a request envelope as a dict and
returns the response envelope as a dict; Lambda, the web service and the
console all go through it, so they cannot behave differently.
"""

from __future__ import annotations

import json
import logging
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from ask_sdk_core.dispatch_components.request_components import AbstractRequestInterceptor
from ask_sdk_core.exceptions import SerializationException
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.serialize import DefaultSerializer
from ask_sdk_core.skill import CustomSkill
from ask_sdk_core.skill_builder import CustomSkillBuilder
from ask_sdk_model.request_envelope import RequestEnvelope
from ask_sdk_model.services.api_client import ApiClient
from ask_sdk_model.services.api_client_request import ApiClientRequest
from ask_sdk_model.services.api_client_response import ApiClientResponse
from ask_sdk_runtime.exceptions import AskSdkException

from skill.alexa.handlers import CatchAllExceptionHandler, all_handlers
from skill.alexa.json_message import JsonMessage
from skill.alexa.turns import Services, TimeZoneLookup, TurnReport
from skill.domain.content import speaking
from skill.store import ProgressStore

logger = logging.getLogger("release_coach")

# The skill's own session attributes are a few hundred bytes, three levels deep. Deeper
# or larger ones did not come from it; the SDK copies them recursively, so they are
# dropped before it sees them (600 levels raised RecursionError: an HTTP 500).
MAX_ATTRIBUTE_DEPTH = 16
MAX_ATTRIBUTE_CHARS = 24 * 1024
# Anything else nested this deep is not an Alexa request.
MAX_ENVELOPE_DEPTH = 64
# Logged request fields come from the request itself; a 100 KB request id stays in the request.
MAX_LOGGED_CHARS = 200


def _depth_exceeds(value: Any, limit: int) -> bool:
    """Whether ``value`` nests deeper than ``limit``; iterative, so depth cannot overflow it."""
    if not isinstance(value, dict | list):
        return False
    # Only containers are ever pushed: the leaves (most of an envelope) cost one type check.
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > limit:
            return True
        for child in node.values() if isinstance(node, dict) else node:
            if isinstance(child, dict | list):
                stack.append((child, depth + 1))
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


def alexa_time_zone(handler_input: HandlerInput) -> str | None:
    """The device's time zone from the Alexa settings API, or ``None`` if unavailable."""
    system = getattr(handler_input.request_envelope.context, "system", None)
    device_id = getattr(getattr(system, "device", None), "device_id", None)
    if not device_id or not getattr(system, "api_access_token", None):
        return None
    try:
        client = handler_input.service_client_factory.get_ups_service()
        zone = client.get_system_time_zone(device_id)
    except Exception as error:  # the settings API failing must never fail the turn
        logger.info("time zone lookup failed: %s", type(error).__name__)
        return None
    return zone if isinstance(zone, str) and zone else None


class LazyApiClient(ApiClient):
    """The SDK's HTTP client, imported on first use: ``requests`` costs ~50 ms at cold start,
    and only the first turn of a session (the time zone look-up) and reminders need it."""

    def __init__(self) -> None:
        self._client: ApiClient | None = None

    def invoke(self, request: ApiClientRequest) -> ApiClientResponse:
        if self._client is None:
            from ask_sdk_core.api_client import DefaultApiClient

            self._client = DefaultApiClient()
        response: ApiClientResponse = self._client.invoke(request)
        return response


@dataclass
class SkillApp:
    skill: CustomSkill
    store: ProgressStore
    skill_id: str | None
    serializer: FastSerializer
    # Called with each turn's log record (events, latency) after it is logged: the Lambda
    # host turns it into CloudWatch metrics (skill/hosts/metrics.py).
    on_record: Callable[[dict[str, Any]], None] | None = None

    def invoke(self, envelope: dict[str, Any]) -> dict[str, Any]:
        """Serve one request envelope; raise :class:`RequestRejected` if it cannot be served."""
        started = time.perf_counter()
        request = envelope.get("request") if isinstance(envelope, dict) else None
        request_id = request.get("requestId") if isinstance(request, dict) else None
        request_type = request.get("type") if isinstance(request, dict) else None
        intent = request.get("intent") if isinstance(request, dict) else None
        intent_name = intent.get("name") if isinstance(intent, dict) else None
        record: dict[str, Any] = {"request_id": _logged(request_id),
                                  "request_type": _logged(request_type),
                                  "intent": _logged(intent_name)}
        try:
            # An envelope no deeper than the attributes' bound cannot hold attributes
            # deeper than it either: one walk of the envelope is the common case.
            deep = _depth_exceeds(envelope, MAX_ATTRIBUTE_DEPTH)
            envelope, dropped = _bounded_attributes(envelope, check_depth=deep)
            if dropped:
                record["notes"] = [dropped]
            if deep and _depth_exceeds(envelope, MAX_ENVELOPE_DEPTH):
                raise RequestRejected("envelope is nested too deeply")
            parsed = self._parse(envelope)
            report = TurnReport()
            # issue-19: the words of this turn are the request's locale's, read every turn.
            with speaking(request.get("locale") if isinstance(request, dict) else None):
                response = self.skill.invoke(request_envelope=parsed,
                                             context={"report": report})
            record.update(outcome=report.outcome, store_reads=report.store_reads,
                          store_writes=report.store_writes, events=report.events)
            if report.notes:
                record["notes"] = [*record.get("notes", []), *report.notes]
            if report.outcome == "error" and str(request_type).startswith("AlexaSkillEvent."):
                # issue-18: a failed skill event is answered with an error, so it comes again.
                raise EventNotHandled(f"{request_type} failed; not acknowledged")
            result = self.serializer.serialize(response)
            if not isinstance(result, dict):
                raise TypeError("the skill's response did not serialise to an object")
            return result
        except RequestRejected as error:
            record.update(outcome="rejected", reason=str(error))
            raise
        finally:
            record["latency_ms"] = round((time.perf_counter() - started) * 1000, 2)
            logger.info(JsonMessage(record))
            if self.on_record is not None:
                self.on_record(record)

    def _parse(self, envelope: dict[str, Any]) -> RequestEnvelope:
        if not isinstance(envelope, dict) or not isinstance(envelope.get("request"), dict):
            raise RequestRejected("envelope has no request")
        application_id = _application_id(envelope)
        if self.skill_id and application_id != self.skill_id:
            # Refused before any handler runs: nothing of another skill's user is touched.
            raise ForeignSkillRequest("application id does not match this skill")
        try:
            parsed = self.serializer.deserialize_dict(envelope, RequestEnvelope)
        except (AskSdkException, ValueError, TypeError, AttributeError, KeyError) as error:
            raise RequestRejected(f"malformed envelope: {type(error).__name__}") from error
        if not isinstance(parsed, RequestEnvelope) or parsed.request is None:
            raise RequestRejected("envelope has no request")
        if parsed.context is None or parsed.context.system is None:
            # Alexa always sends context.System; the SDK cannot dispatch without it.
            raise RequestRejected("envelope has no context")
        if parsed.session is not None and type(parsed.session.attributes) is dict:
            parsed.session.attributes = SessionAttributes(parsed.session.attributes)
        return parsed


class SessionAttributes(dict[str, Any]):
    """The request's session attributes, which the SDK's attributes manager copies only
    one level deep.

    The SDK deep-copies them for every request (about 7% of a turn, profiled inside
    ``serve``), so that a handler's changes do not reach the request. The handlers here
    only ever set, clear and replace top-level keys, never change a nested value in
    place, so a copy of the top level keeps the request's attributes as they came.
    """

    def __deepcopy__(self, memo: dict[int, Any]) -> dict[str, Any]:
        return dict(self)


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


@dataclass(frozen=True)
class _ModelPlan:
    """How the SDK fills one model class: its (attribute, payload key, type) triples."""

    params: tuple[tuple[str, str, Any], ...]
    payload_keys: frozenset[str]


def _model_plan(model: Any) -> _ModelPlan:
    # As the SDK does on every call: the attribute map, completed with the other attributes.
    attribute_map = getattr(model, "attribute_map", {})
    attribute_map.update({key: key for key in model.deserialized_types
                          if key not in attribute_map})
    return _ModelPlan(
        params=tuple((name, key, model.deserialized_types[name])
                     for name, key in attribute_map.items()),
        payload_keys=frozenset(attribute_map.values()))


class FastSerializer(DefaultSerializer):
    """The SDK's serializer with what it works out on every request worked out once.

    Every request carries a timestamp, and the SDK parses it with ``dateutil``'s general
    parser, about a fifth of a turn's time (measured with cProfile). Alexa's timestamps are
    plain ISO 8601, which ``datetime.fromisoformat`` reads directly; anything else still
    goes to the SDK's own parser, so odd input fails exactly as before.

    The SDK also imports each model class by name (``__import__``) and rebuilds each
    class's attribute map for every object of every request; here both are kept per class
    (issue 17, profiled inside ``serve``), and the envelope is read from the dict the host
    already has rather than dumped to JSON and parsed again. The result is the same model.
    """

    def __init__(self) -> None:
        super().__init__()
        self._classes: dict[str, Any] = {}
        self._plans: dict[Any, _ModelPlan] = {}
        self._keys: dict[type, tuple[tuple[str, str], ...]] = {}
        self._types: dict[str, tuple[str, Any]] = {}

    def serialize(self, obj: Any) -> Any:
        # Plain values and the SDK's model classes the fast way, in the SDK's key order;
        # anything else (dates, enums, decimals, tuples) as the SDK does.
        kind = type(obj)
        if obj is None or kind is str or kind is bool or kind is int or kind is float:
            return obj
        if kind is list:
            return [self.serialize(item) for item in obj]
        if kind is dict:
            return {key: self.serialize(value) for key, value in obj.items()}
        pairs = self._keys.get(kind)
        if pairs is None:
            if isinstance(obj, Enum | datetime | date | tuple | dict | list | Decimal) or \
                    not hasattr(kind, "deserialized_types"):
                return super().serialize(obj)
            attribute_map = getattr(obj, "attribute_map", {})
            attribute_map.update({key: key for key in obj.deserialized_types
                                  if key not in attribute_map})
            pairs = self._keys[kind] = tuple((name, attribute_map[name])
                                             for name in obj.deserialized_types)
        serialize = self.serialize
        return {key: serialize(value) for name, key in pairs
                if (value := getattr(obj, name)) is not None}

    def _DefaultSerializer__deserialize(self, payload: Any, obj_type: Any) -> Any:
        # The SDK's own steps, in its order, with each type name's meaning worked out once
        # (it matches a regular expression on every list and dict type of every request),
        # and a value that already is its primitive type returned as the SDK's cast would.
        if payload is None:
            return None
        if isinstance(obj_type, str):
            named = self._types.get(obj_type)
            if named is None:
                named = self._types[obj_type] = self._type_named(obj_type)
            shape, detail = named
            deserialize = self._DefaultSerializer__deserialize
            if shape == "list":
                if detail is None:
                    return []
                if isinstance(detail, tuple):  # a list of items of different types
                    return [deserialize(item, kind) for item, kind in
                            zip(payload, detail, strict=False)]
                return [deserialize(item, detail) for item in payload]
            if shape == "dict":
                if detail is None:
                    return {}
                return {key: deserialize(value, detail) for key, value in payload.items()}
            obj_type = detail
        if obj_type in self.PRIMITIVE_TYPES:
            if type(payload) is obj_type:
                return payload
            return self._DefaultSerializer__deserialize_primitive(payload, obj_type)  # type: ignore[attr-defined]
        if obj_type is object:
            return payload
        if obj_type in (date, datetime):
            return self._DefaultSerializer__deserialize_datetime(payload, obj_type)
        return self._DefaultSerializer__deserialize_model(payload, obj_type)

    def _type_named(self, name: str) -> tuple[str, Any]:
        """What the SDK makes of a type name: a list's or dict's item type, or a class."""
        if name.startswith("list["):
            items = re.match(r"list\[(.*)\]", name)
            if items is None:
                return "list", None
            kinds = items.group(1)
            if "," in kinds:
                return "list", tuple(kind.strip() for kind in kinds.split(","))
            return "list", kinds.strip()
        if name.startswith("dict("):
            values = re.match(r"dict\(([^,]*), (.*)\)", name)
            return "dict", values.group(2) if values is not None else None
        if name in self.NATIVE_TYPES_MAPPING:
            return "type", self.NATIVE_TYPES_MAPPING[name]
        return "type", self._DefaultSerializer__load_class_from_name(name)

    def deserialize_dict(self, payload: dict[str, Any], obj_type: Any) -> Any:
        """Like ``deserialize``, from the parsed payload instead of its JSON text."""
        return self._DefaultSerializer__deserialize(payload, obj_type)

    def _DefaultSerializer__load_class_from_name(self, class_name: str) -> Any:
        found = self._classes.get(class_name)
        if found is None:
            found = self._classes[class_name] = DefaultSerializer.\
                _DefaultSerializer__load_class_from_name(self, class_name)  # type: ignore[attr-defined]
        return found

    def _DefaultSerializer__deserialize_model(self, payload: Any, obj_type: Any) -> Any:
        # The SDK's own steps, in its order, with the class's plan computed once.
        try:
            if issubclass(obj_type, Enum):
                return obj_type(payload)
            if not hasattr(obj_type, "deserialized_types"):
                return payload
            if hasattr(obj_type, "get_real_child_model"):
                obj_type = self._DefaultSerializer__get_obj_by_discriminator(  # type: ignore[attr-defined]
                    payload, obj_type)
            plan = self._plans.get(obj_type)
            if plan is None:
                plan = self._plans[obj_type] = _model_plan(obj_type)
            model = obj_type()
            deserialize = self._DefaultSerializer__deserialize
            for name, key, kind in plan.params:
                if key in payload:
                    setattr(model, name, deserialize(payload[key], kind))
            for key in payload:
                if key not in plan.payload_keys:
                    setattr(model, key, payload[key])
            return model
        except Exception as error:
            raise SerializationException(str(error)) from error

    def _DefaultSerializer__deserialize_datetime(self, payload: Any, obj_type: Any) -> Any:
        if isinstance(payload, str):
            try:
                parsed = datetime.fromisoformat(payload)
            except ValueError:
                pass
            else:
                return parsed.date() if obj_type is date else parsed
        return DefaultSerializer._DefaultSerializer__deserialize_datetime(  # type: ignore[attr-defined]
            self, payload, obj_type)


def build_app(store: ProgressStore, *, skill_id: str | None = None,
              time_zone_lookup: TimeZoneLookup = alexa_time_zone,
              user_key_secret: str | None = None) -> SkillApp:
    services = Services(store=store, time_zone_lookup=time_zone_lookup,
                        user_key_secret=user_key_secret)
    builder = CustomSkillBuilder(api_client=LazyApiClient())
    for handler in all_handlers(services):
        builder.add_request_handler(handler)
    builder.add_exception_handler(CatchAllExceptionHandler())
    builder.add_global_request_interceptor(_ReportInterceptor())
    # The application id is checked in SkillApp before parsing, so every host refuses alike.
    return SkillApp(skill=builder.create(), store=store, skill_id=skill_id,
                    serializer=FastSerializer())


class _ReportInterceptor(AbstractRequestInterceptor):
    """Hands the per-turn report from the invoke context to the handlers."""

    def process(self, handler_input: HandlerInput) -> None:
        context = handler_input.context
        if isinstance(context, dict) and "report" in context:
            handler_input.attributes_manager.request_attributes["report"] = context["report"]
