"""A domain :class:`~skill.domain.dialogue.Reply` as an Alexa voice response.

Shared by the turn (:mod:`skill.alexa.turns`) and the screens (:mod:`skill.alexa.screens`),
which both build on the voice response; it imports neither, so the imports run one way.
"""

from __future__ import annotations

from ask_sdk_core.response_helper import ResponseFactory
from ask_sdk_model.response import Response

from skill.domain.dialogue import Reply
from skill.domain.ssml import Speech


def speak(builder: ResponseFactory, reply: Reply | None,
          notes: list[str] | None = None) -> Response:
    """Speech, the reprompt (the session stays open only with one), and the notes after."""
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


__all__ = ["speak"]
