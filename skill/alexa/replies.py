"""A domain :class:`~skill.domain.dialogue.Reply` as an Alexa voice response.

Shared by the turn (:mod:`skill.alexa.turns`) and the screens (:mod:`skill.alexa.screens`),
which both build on the voice response; it imports neither, so the imports run one way.
"""

from __future__ import annotations

from ask_sdk_core.response_helper import ResponseFactory
from ask_sdk_model.dialog.elicit_slot_directive import ElicitSlotDirective
from ask_sdk_model.intent import Intent
from ask_sdk_model.intent_confirmation_status import IntentConfirmationStatus
from ask_sdk_model.response import Response
from ask_sdk_model.slot import Slot
from ask_sdk_model.slot_confirmation_status import SlotConfirmationStatus
from ask_sdk_model.ui.ask_for_permissions_consent_card import AskForPermissionsConsentCard
from ask_sdk_model.ui.simple_card import SimpleCard

from skill.alexa.reminders import permission_card
from skill.domain.dialogue import Reply
from skill.domain.dialogue.state import Card, Elicit
from skill.domain.ssml import Speech

# The slots each elicited intent has, sent empty so that Alexa fills the one asked for.
INTENT_SLOTS = {"ShortRoutineIntent": ("Minutes",),
                "SetReminderIntent": ("Time",),
                "ChangeReminderIntent": ("Time", "Shift", "By")}


def speak(builder: ResponseFactory, reply: Reply | None,
          notes: list[str] | None = None) -> Response:
    """Speech, the reprompt (the session stays open only with one), and the notes after."""
    if reply is None:
        return builder.response
    if reply.card is not None:
        builder.set_card(card(reply.card))
    if reply.elicit is not None and reply.reprompt is not None:
        builder.add_directive(elicit_slot(reply.elicit))
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


def card(shown: Card) -> SimpleCard | AskForPermissionsConsentCard:
    if shown.reminders_permission:
        return permission_card()
    return SimpleCard(title=shown.title, content=shown.text)


def elicit_slot(wanted: Elicit) -> ElicitSlotDirective:
    """``Dialog.ElicitSlot``: the next words fill ``wanted.slot`` of ``wanted.intent``."""
    slots = {name: Slot(name=name, confirmation_status=SlotConfirmationStatus.NONE)
             for name in INTENT_SLOTS.get(wanted.intent, (wanted.slot,))}
    return ElicitSlotDirective(
        slot_to_elicit=wanted.slot,
        updated_intent=Intent(name=wanted.intent, slots=slots,
                              confirmation_status=IntentConfirmationStatus.NONE))


__all__ = ["card", "elicit_slot", "speak"]
