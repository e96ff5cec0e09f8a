"""The answer to Alexa's reminders permission prompt, heard through the dialogue table.

Setting, changing, asking about and cancelling the daily reminder are intents like any
other (see :mod:`skill.alexa.intents`); what they do in each state is the dialogue
table's business. Alexa's own permission prompt comes back as a ``Connections.Response``
request, which this handler hands to the table as ``consent``.
"""

from __future__ import annotations

from ask_sdk_core.dispatch_components.request_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model.response import Response

from skill.alexa.reminders import consent_answer
from skill.alexa.turns import Services, Turn
from skill.domain.dialogue import Said


class ConsentResponseHandler(AbstractRequestHandler):
    """Alexa's ``Connections.Response`` to the permission prompt: accepted, denied, unanswered."""

    def __init__(self, services: Services) -> None:
        self.services = services

    def can_handle(self, handler_input: HandlerInput) -> bool:
        request = handler_input.request_envelope.request
        return getattr(request, "object_type", None) == "Connections.Response" and \
            getattr(request, "name", None) == "AskFor"

    def handle(self, handler_input: HandlerInput) -> Response:
        answer = consent_answer(handler_input)
        turn = Turn(handler_input, self.services)
        return turn.finish(turn.coach().hear(Said("consent", value=answer.status,
                                                  heard=answer.asked_time)))


__all__ = ["ConsentResponseHandler"]
