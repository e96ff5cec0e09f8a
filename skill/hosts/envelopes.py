"""Genuine Alexa request envelopes, built locally: the one request builder the console,
the tests and the benchmarks share (a simulated Alexa; never shipped to Lambda)."""

from __future__ import annotations

import uuid
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

LOCAL_SKILL_ID = "amzn1.ask.skill.00000000-0000-0000-0000-release-coach"
APL_MAX_VERSION = "2024.2"
# A 10-inch Echo Show, as its requests describe it.
ECHO_SHOW_VIEWPORT: dict[str, Any] = {
    "experiences": [{"arcMinuteWidth": 346, "arcMinuteHeight": 216, "canRotate": False,
                     "canResize": False}],
    "mode": "HUB", "shape": "RECTANGLE", "pixelWidth": 1280, "pixelHeight": 800, "dpi": 160,
    "currentPixelWidth": 1280, "currentPixelHeight": 800, "touch": ["SINGLE"],
}


def _stamp(now: datetime | None) -> str:
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass
class Device:
    """One Echo: a user, a device, and the session it is in (if any)."""

    user_id: str = "amzn1.ask.account.LOCAL-USER"
    device_id: str = "amzn1.ask.device.LOCAL-DEVICE"
    locale: str = "en-US"
    application_id: str = LOCAL_SKILL_ID
    session_id: str | None = None
    attributes: dict[str, Any] = field(default_factory=dict)
    # A device with a screen: its requests list Alexa.Presentation.APL and a viewport.
    apl: bool = False
    # An Echo Dot with clock: a four-character display (Alexa.Presentation.APLT).
    aplt: bool = False

    def _session(self) -> dict[str, Any]:
        new = self.session_id is None
        if new:
            self.session_id = f"amzn1.echo-api.session.{uuid.uuid4()}"
            self.attributes = {}
        return {
            "new": new,
            "sessionId": self.session_id,
            "application": {"applicationId": self.application_id},
            "attributes": dict(self.attributes),
            "user": {"userId": self.user_id},
        }

    def envelope(self, request: dict[str, Any], *, in_session: bool = True) -> dict[str, Any]:
        interfaces: dict[str, Any] = {}
        if self.apl:
            interfaces["Alexa.Presentation.APL"] = {"runtime": {"maxVersion": APL_MAX_VERSION}}
        if self.aplt:
            interfaces["Alexa.Presentation.APLT"] = {"runtime": {"maxVersion": "1.0"}}
        body: dict[str, Any] = {
            "version": "1.0",
            "context": {
                "System": {
                    "application": {"applicationId": self.application_id},
                    "user": {"userId": self.user_id},
                    "device": {"deviceId": self.device_id,
                               "supportedInterfaces": interfaces},
                    "apiEndpoint": "https://api.amazonalexa.com",
                }
            },
            "request": request,
        }
        if self.apl:
            body["context"]["Viewport"] = dict(ECHO_SHOW_VIEWPORT)
        if in_session:
            body["session"] = self._session()
        return body

    def launch(self, now: datetime | None = None) -> dict[str, Any]:
        return self.envelope({"type": "LaunchRequest", **self._common(now)})

    def intent(self, name: str, slots: dict[str, tuple[str, str | None]] | None = None,
               now: datetime | None = None, *,
               plain_slots: Collection[str] = ()) -> dict[str, Any]:
        """An IntentRequest; ``slots`` maps a slot name to (heard words, resolved id or None).

        Slots named in ``plain_slots`` are of Amazon's built-in types (``AMAZON.NUMBER``,
        ``AMAZON.DURATION``, ...), which Alexa sends as a value with no entity resolution.
        """
        intent: dict[str, Any] = {"name": name, "confirmationStatus": "NONE", "slots": {}}
        for slot_name, (heard, value_id) in (slots or {}).items():
            if slot_name in plain_slots:
                intent["slots"][slot_name] = {"name": slot_name, "value": heard,
                                              "confirmationStatus": "NONE"}
                continue
            intent["slots"][slot_name] = slot(slot_name, heard, value_id, self.application_id)
        return self.envelope({"type": "IntentRequest", "dialogState": "COMPLETED",
                              "intent": intent, **self._common(now)})

    def session_ended(self, reason: str = "USER_INITIATED",
                      now: datetime | None = None) -> dict[str, Any]:
        envelope = self.envelope({"type": "SessionEndedRequest", "reason": reason,
                                  **self._common(now)})
        self.end_session()
        return envelope

    def user_event(self, arguments: list[Any], token: str = "",
                   now: datetime | None = None) -> dict[str, Any]:
        """An ``Alexa.Presentation.APL.UserEvent``: a SendEvent from the document on screen."""
        source = {"type": "TouchWrapper", "handler": "Press", "id": f"button-{arguments[0]}"} \
            if arguments and arguments[0] != "stepEnd" else \
            {"type": "Document", "handler": "ExecuteCommands", "id": ""}
        return self.envelope({"type": "Alexa.Presentation.APL.UserEvent", "token": token,
                              "arguments": arguments, "source": source, "components": {},
                              **self._common(now)})

    def event(self, request_type: str, now: datetime | None = None) -> dict[str, Any]:
        """An out-of-session event, such as ``AlexaSkillEvent.SkillDisabled``."""
        return self.envelope({"type": request_type, **self._common(now)}, in_session=False)

    def _common(self, now: datetime | None) -> dict[str, Any]:
        return {"requestId": f"amzn1.echo-api.request.{uuid.uuid4()}",
                "timestamp": _stamp(now), "locale": self.locale}

    def end_session(self) -> None:
        self.session_id = None
        self.attributes = {}

    def take(self, response: dict[str, Any]) -> None:
        """Carry the session on from a response, as Alexa would."""
        self.attributes = dict(response.get("sessionAttributes") or {})
        body = response.get("response") or {}
        # Alexa closes the session unless the response explicitly keeps it open; on a
        # screen showing the skill's document, a response that leaves shouldEndSession
        # out keeps the session open with the microphone closed.
        if body.get("shouldEndSession") is None and self.apl and self.attributes:
            return
        if body.get("shouldEndSession") is not False:
            self.end_session()


def slot(name: str, heard: str, value_id: str | None, application_id: str) -> dict[str, Any]:
    """A slot as Alexa sends it, with entity resolution matched or not."""
    authority = f"amzn1.er-authority.echo-sdk.{application_id}.{name}"
    if value_id is None:
        resolution: dict[str, Any] = {"authority": authority,
                                      "status": {"code": "ER_SUCCESS_NO_MATCH"}}
    else:
        resolution = {"authority": authority, "status": {"code": "ER_SUCCESS_MATCH"},
                      "values": [{"value": {"name": heard, "id": value_id}}]}
    return {"name": name, "value": heard, "confirmationStatus": "NONE",
            "resolutions": {"resolutionsPerAuthority": [resolution]}}
