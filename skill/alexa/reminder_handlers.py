"""The daily reminder's handlers: set, change, ask about and cancel it, and the consent answer.

Each handler goes through :class:`~skill.alexa.turns.Turn`: one store read, at most
one write, and a reprompt whenever the session stays open. A reminder turn answers and
leaves the conversation where it was: mid-routine, the routine's own reprompt follows;
otherwise the session ends.

Calling into it from the dialogue (the one-time offer after the third session):

* decide with :func:`skill.domain.reminders.should_offer_reminder(profile, today)
  <skill.domain.reminders.should_offer_reminder>`; say :func:`offer_speech` (the question
  and its reprompt), and store ``ReminderChanged(offered(profile, today))`` in the same
  outcome, so the offer is made once and never again;
* keep a mode of your own in the session for the question (say ``offer_reminder``, with
  ``help_``, ``fallback_`` and ``_reprompt`` phrases like every mode), so that the next "yes"
  is known to answer it;
* on that "yes", answer the turn with :func:`start_reminder_setup` (``turn`` is the
  handler's :class:`Turn`; pass ``heard``, the ``AMAZON.TIME`` value such as "07:00", if the
  user already named a time): it asks for the time, or Alexa for the permission, or sets
  the reminder, and returns the response. For example, in the "yes" handler::

      turn = Turn(handler_input, self.services)
      if turn.session_attributes.get("mode") == "offer_reminder":
          return start_reminder_setup(turn, mode=Mode.IDLE)

  ``mode`` is where the conversation is left once the reminder is dealt with (by default,
  where it was): leaving the offer's own mode would repeat the offer in the reprompt;

* on a "no", say nothing more about reminders: the offer is never repeated.
"""

from __future__ import annotations

from typing import ClassVar

from ask_sdk_core.dispatch_components.request_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils.predicate import is_request_type
from ask_sdk_model.response import Response

from skill.alexa import reminder_flow
from skill.alexa.turns import Services, Turn
from skill.domain.dialogue import Mode
from skill.domain.ssml import Speech


def offer_speech() -> tuple[Speech, Speech]:
    """The one-time offer ("Would you like a daily reminder?") and its reprompt."""
    return reminder_flow.offer_speech()


def start_reminder_setup(turn: Turn, heard: str | None = None, *,
                         mode: Mode | None = None) -> Response:
    """Set up the daily reminder from this turn: ask the time, the permission, or set it.

    ``heard`` is the ``AMAZON.TIME`` value if the user named one ("07:00"); ``mode`` is the
    conversation's mode afterwards (default: unchanged).
    """
    if mode is not None:
        turn.session_attributes["mode"] = mode.value
    return reminder_flow.start_reminder_setup(turn, heard)


class ReminderHandler(AbstractRequestHandler):
    intent_name: ClassVar[str] = ""

    def __init__(self, services: Services) -> None:
        self.services = services

    def can_handle(self, handler_input: HandlerInput) -> bool:
        request = handler_input.request_envelope.request
        return (is_request_type("IntentRequest")(handler_input)
                and getattr(getattr(request, "intent", None), "name", None) == self.intent_name)

    def handle(self, handler_input: HandlerInput) -> Response:
        return self.act(Turn(handler_input, self.services))

    def act(self, turn: Turn) -> Response:
        raise NotImplementedError


class SetReminderHandler(ReminderHandler):
    """ "Remind me every day at 8 am", "set a daily reminder", or a bare time after a question."""

    intent_name = "SetReminderIntent"

    def act(self, turn: Turn) -> Response:
        return reminder_flow.start_reminder_setup(turn, reminder_flow.time_slot(
            turn.handler_input))


class ChangeReminderHandler(ReminderHandler):
    """ "Change my reminder to 7 pm": moves the reminder, or sets one if there is none."""

    intent_name = "ChangeReminderIntent"

    def act(self, turn: Turn) -> Response:
        return reminder_flow.start_reminder_setup(turn, reminder_flow.time_slot(
            turn.handler_input))


class ReminderStatusHandler(ReminderHandler):
    """ "What's my reminder": what the skill set, checked against Alexa when it can be."""

    intent_name = "ReminderStatusIntent"

    def act(self, turn: Turn) -> Response:
        return reminder_flow.reminder_status(turn)


class CancelReminderHandler(ReminderHandler):
    """ "Cancel my reminder"."""

    intent_name = "CancelReminderIntent"

    def act(self, turn: Turn) -> Response:
        return reminder_flow.cancel_reminder(turn)


class ConsentResponseHandler(AbstractRequestHandler):
    """Alexa's ``Connections.Response`` to the permission prompt: accepted, denied, unanswered."""

    def __init__(self, services: Services) -> None:
        self.services = services

    def can_handle(self, handler_input: HandlerInput) -> bool:
        request = handler_input.request_envelope.request
        return getattr(request, "object_type", None) == "Connections.Response" and \
            getattr(request, "name", None) == "AskFor"

    def handle(self, handler_input: HandlerInput) -> Response:
        return reminder_flow.consent_answered(Turn(handler_input, self.services))


REMINDER_INTENT_HANDLERS: tuple[type[ReminderHandler], ...] = (
    SetReminderHandler, ChangeReminderHandler, ReminderStatusHandler, CancelReminderHandler,
)
