"""The request envelope as the adapter reads it: a typed view over Alexa's own JSON.

Why not the ASK SDK's request model: deserialising every envelope into ``ask_sdk_model``
objects (and the SDK's dispatch around them) cost about a fifth of a served turn (issue
17, cProfile on the server's CPU), to read a dozen fields. :class:`AlexaRequest` reads
those fields from the dicts the host already has, when they are asked for.

Every accessor is defensive: a field that is missing, null, or of the wrong type anywhere
on its path reads as missing (``None``, ``False``, empty), never as a traceback. Alexa never
sends such envelopes; a forged or broken one still gets an answer or a refusal, not a 500.
What is refused outright is decided in :mod:`skill.alexa.app` (no request, no context,
another skill's id, a request type Alexa does not send, absurd nesting).

The shapes are those of Amazon's "Request and response JSON reference" for custom skills
(developer.amazon.com/docs/custom-skills/request-and-response-json-reference.html).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from types import MappingProxyType
from typing import Any

from ask_sdk_model.request import Request

# What a missing or wrong-typed object reads as: nothing, and nothing can be put in it.
_NOTHING: Mapping[str, Any] = MappingProxyType({})
# The request types Alexa sends a custom skill, as the SDK's request model lists them:
# any other was refused as malformed when the SDK read the envelope, and still is.
REQUEST_TYPES = frozenset(Request.discriminator_value_class_map)


def _object(value: object) -> Mapping[str, Any]:
    return value if isinstance(value, dict) else _NOTHING


def _text(value: object) -> str | None:
    """A non-empty string, or ``None``."""
    return value if isinstance(value, str) and value else None


def parse_timestamp(value: object) -> datetime | None:
    """An envelope's ``timestamp`` (ISO 8601, as Alexa sends it), or ``None`` if unreadable.

    ``datetime.fromisoformat`` reads Alexa's timestamps directly; the SDK parsed them
    with ``dateutil``'s general parser (about a fifth of a turn, profiled), which is kept
    only as the fallback for anything else, so an odd but readable stamp ("16 Nov 2026
    07:30 UTC") still means what it did. Imported there and then: it costs about 16 ms of a
    cold start, and no request from Alexa needs it.
    """
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        pass
    from dateutil.parser import parse

    try:
        parsed = parse(value)
    except Exception:  # dateutil raises more than ValueError (OverflowError, ...)
        return None
    return parsed if isinstance(parsed, datetime) else None


class AlexaRequest:
    """One request envelope, read as the handlers need it.

    :attr:`session_attributes` is this turn's own copy of the session's attributes (the
    top level only: the handlers set, clear and replace top-level keys, never a nested
    value in place); what a turn writes there is what goes back in the response, so it
    is ``None`` for a request outside a session, which has nothing to send back.
    """

    __slots__ = ("_slots", "_system", "_timestamp", "body", "envelope", "intent_name",
                 "session", "session_attributes", "type")

    def __init__(self, envelope: Mapping[str, Any]) -> None:
        self.envelope = envelope
        # The envelope's ``request`` object: what was asked, and its own fields.
        self.body = _object(envelope.get("request"))
        self.type: str | None = _text(self.body.get("type"))
        # Read once: every intent's handler is asked in turn whether the request is its own.
        intent = _object(self.body.get("intent"))
        name = intent.get("name")
        # The intent's name, or ``None`` for a request that carries no intent.
        self.intent_name: str | None = name if isinstance(name, str) else None
        self._slots = _object(intent.get("slots"))
        self._system = _object(_object(envelope.get("context")).get("System"))
        session = envelope.get("session")
        self.session: Mapping[str, Any] | None = session if isinstance(session, dict) \
            else None
        attributes = self.session.get("attributes") if self.session is not None else None
        self.session_attributes: dict[str, Any] | None = (
            None if self.session is None
            else dict(attributes) if isinstance(attributes, dict) else {})
        self._timestamp: datetime | bool | None = False  # False: not read yet

    # ------------------------------------------------------------ the request

    @property
    def has_system(self) -> bool:
        """Whether the envelope has ``context.System``, which Alexa always sends."""
        return self._system is not _NOTHING

    @property
    def request_id(self) -> str | None:
        return _text(self.body.get("requestId"))

    @property
    def locale(self) -> str | None:
        return _text(self.body.get("locale"))

    @property
    def timestamp(self) -> datetime | None:
        """When Alexa sent the request, or ``None`` if it does not say (or not readably)."""
        if self._timestamp is False:
            self._timestamp = parse_timestamp(self.body.get("timestamp"))
        return self._timestamp if isinstance(self._timestamp, datetime) else None

    @property
    def timestamp_unreadable(self) -> bool:
        """Whether the request has a ``timestamp`` that is not a time."""
        return self.body.get("timestamp") is not None and self.timestamp is None

    def text(self, key: str) -> str | None:
        """A string field of the request object (``name``, ``token``, ``reason``...)."""
        return _text(self.body.get(key))

    @property
    def token(self) -> str | None:
        """The token of a ``Connections.Response`` or of a screen's ``UserEvent``."""
        return _text(self.body.get("token"))

    # ------------------------------------------------------------ an intent

    def slot(self, name: str) -> tuple[str | None, str | None]:
        """Slot ``name``'s resolved id (entity resolution's first match) and the words
        heard, either of which may be missing."""
        slot = self._slots.get(name)
        if not isinstance(slot, dict):
            return None, None
        heard = slot.get("value")
        words = heard if isinstance(heard, str) and heard.strip() else None
        authorities = _object(slot.get("resolutions")).get("resolutionsPerAuthority")
        for authority in authorities if isinstance(authorities, list) else ():
            authority = _object(authority)
            if _object(authority.get("status")).get("code") != "ER_SUCCESS_MATCH":
                continue
            values = authority.get("values")
            if isinstance(values, list) and values:
                value = _object(_object(values[0]).get("value")).get("id")
                return (value if isinstance(value, str) else None), words
        return None, words

    # ------------------------------------------------------------ other requests

    @property
    def event_arguments(self) -> list[Any]:
        """The arguments of a screen's ``UserEvent`` (its ``SendEvent`` command's)."""
        arguments = self.body.get("arguments")
        return arguments if isinstance(arguments, list) else []

    @property
    def status_code(self) -> str | None:
        """A ``Connections.Response``'s status code ("200" when Alexa could ask)."""
        return _text(_object(self.body.get("status")).get("code"))

    @property
    def payload(self) -> Mapping[str, Any]:
        """A ``Connections.Response``'s payload."""
        return _object(self.body.get("payload"))

    @property
    def error_type(self) -> str | None:
        """Why a ``SessionEndedRequest`` ended with an error, as Alexa names it."""
        return _text(_object(self.body.get("error")).get("type"))

    # ------------------------------------------------------------ the session

    @property
    def session_new(self) -> bool:
        """Whether this request opens a session; one outside any session counts as new."""
        return self.session is None or bool(self.session.get("new"))

    # ------------------------------------------------------------ who, and on what

    @property
    def user_id(self) -> str | None:
        """The account's id: ``context.System.user``, else the session's user."""
        user = self._system.get("user")
        if not isinstance(user, dict):
            user = _object(self.session.get("user") if self.session is not None else None)
        return _text(user.get("userId"))

    @property
    def person_id(self) -> str | None:
        """The recognised speaker (``context.System.person``), present only with voice
        profiles."""
        return _text(_object(self._system.get("person")).get("personId"))

    @property
    def device_id(self) -> str | None:
        return _text(_object(self._system.get("device")).get("deviceId"))

    @property
    def api_endpoint(self) -> str | None:
        return _text(self._system.get("apiEndpoint"))

    @property
    def api_access_token(self) -> str | None:
        return _text(self._system.get("apiAccessToken"))

    def permission_granted(self, scope: str) -> bool:
        """Whether the user has granted permission ``scope``, as this request says."""
        scopes = _object(_object(_object(self._system.get("user")).get("permissions"))
                         .get("scopes"))
        return _object(scopes.get(scope)).get("status") == "GRANTED"

    def supports(self, interface: str) -> bool:
        """Whether the device lists ``interface`` (``Alexa.Presentation.APL``...)."""
        device = _object(self._system.get("device"))
        return isinstance(_object(device.get("supportedInterfaces")).get(interface), dict)

    @property
    def supports_apl(self) -> bool:
        """A screen that shows APL documents: Echo Show, Echo Spot, Fire TV."""
        return self.supports("Alexa.Presentation.APL")

    @property
    def supports_aplt(self) -> bool:
        """A character display, such as the Echo Dot with clock's four digits."""
        return self.supports("Alexa.Presentation.APLT")


__all__ = ["REQUEST_TYPES", "AlexaRequest", "parse_timestamp"]
