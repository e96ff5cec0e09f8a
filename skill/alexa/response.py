"""The response envelope, written directly as the JSON Alexa reads.

Why not the ASK SDK's response model: building ``ask_sdk_model`` objects through its
``ResponseFactory`` and serialising the ``ResponseEnvelope`` back to dicts cost a few
per cent of every served turn (issue 17, profiled) for a handful of keys. What is
written here is, byte for byte, what the SDK wrote for the same response: the same keys
in the same order (the SDK writes each model's attributes in its ``deserialized_types``
order and leaves out the unset ones), the same ``version`` and the same ``userAgent``.
"""

from __future__ import annotations

import sys
from typing import Any

from ask_sdk_core.__version__ import __version__ as ASK_SDK_VERSION

RESPONSE_FORMAT_VERSION = "1.0"
# What the SDK sent as the envelope's userAgent, which Amazon reads for its usage counts.
USER_AGENT = f"ask-python/{ASK_SDK_VERSION} Python/{'.'.join(map(str, sys.version_info[:3]))}"


def _trimmed(speech: str) -> str:
    """The speech without surrounding blanks or a ``<speak>`` it already has, as the SDK's
    ``ResponseFactory`` trims it before wrapping it in its own."""
    speech = speech.strip()
    if speech.startswith("<speak>") and speech.endswith("</speak>"):
        return speech[7:-8].strip()
    return speech


def ssml_speech(body: str) -> dict[str, Any]:
    """An ``outputSpeech`` object: ``body`` is the SSML inside ``<speak>``."""
    return {"type": "SSML", "ssml": f"<speak>{_trimmed(body)}</speak>"}


def without_none(**fields: Any) -> dict[str, Any]:
    """An object with its unset fields left out, as the SDK writes its models."""
    return {key: value for key, value in fields.items() if value is not None}


class ResponseBuilder:
    """One response's ``response`` object, assembled in any order, written in Alexa's.

    Like the SDK's ``ResponseFactory``: :meth:`ask` keeps the session open, and
    :meth:`end_session` says so either way (``None`` leaves ``shouldEndSession`` out, as
    a screen's document does while it speaks).
    """

    __slots__ = ("can_fulfill_intent", "card", "directives", "output_speech", "reprompt",
                 "should_end_session")

    def __init__(self) -> None:
        self.output_speech: dict[str, Any] | None = None
        self.card: dict[str, Any] | None = None
        self.reprompt: dict[str, Any] | None = None
        self.directives: list[dict[str, Any]] | None = None
        self.should_end_session: bool | None = None
        self.can_fulfill_intent: dict[str, Any] | None = None

    def speak(self, body: str) -> ResponseBuilder:
        self.output_speech = ssml_speech(body)
        return self

    def ask(self, body: str) -> ResponseBuilder:
        """The reprompt, said if the user says nothing; the session stays open for it."""
        self.reprompt = {"outputSpeech": ssml_speech(body)}
        self.should_end_session = False
        return self

    def set_card(self, card: dict[str, Any]) -> ResponseBuilder:
        self.card = card
        return self

    def add_directive(self, directive: dict[str, Any]) -> ResponseBuilder:
        if self.directives is None:
            self.directives = []
        self.directives.append(directive)
        return self

    def end_session(self, end: bool | None) -> ResponseBuilder:
        self.should_end_session = end
        return self

    def can_fulfill(self, answer: str) -> ResponseBuilder:
        """A ``CanFulfillIntentRequest``'s answer: ``YES``, ``NO`` or ``MAYBE``."""
        self.can_fulfill_intent = {"canFulfill": answer}
        return self

    def build(self) -> dict[str, Any]:
        """The ``response`` object, in the SDK's order: outputSpeech, card, reprompt,
        directives, shouldEndSession, canFulfillIntent."""
        return without_none(outputSpeech=self.output_speech, card=self.card,
                            reprompt=self.reprompt, directives=self.directives,
                            shouldEndSession=self.should_end_session,
                            canFulfillIntent=self.can_fulfill_intent)


def empty_response() -> dict[str, Any]:
    """Nothing said and nothing shown: the answer to events that want none."""
    return {}


def response_envelope(response: dict[str, Any],
                      session_attributes: dict[str, Any] | None) -> dict[str, Any]:
    """The whole answer: ``sessionAttributes`` only for a request in a session."""
    return without_none(version=RESPONSE_FORMAT_VERSION, sessionAttributes=session_attributes,
                        userAgent=USER_AGENT, response=response)


__all__ = ["USER_AGENT", "ResponseBuilder", "empty_response", "response_envelope",
           "ssml_speech", "without_none"]
