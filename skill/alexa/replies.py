"""A domain :class:`~skill.domain.dialogue.Reply` as an Alexa voice response.

Shared by the turn (:mod:`skill.alexa.turns`) and the screens (:mod:`skill.alexa.screens`),
which both build on the voice response; it imports neither, so the imports run one way.
"""

from __future__ import annotations

from typing import Any

from skill.alexa.reminders import permission_card
from skill.alexa.response import ResponseBuilder, without_none
from skill.domain.dialogue import Reply
from skill.domain.dialogue.state import Card, Elicit
from skill.domain.ssml import Speech

# The slots each elicited intent has, sent empty so that Alexa fills the one asked for.
INTENT_SLOTS = {"ShortRoutineIntent": ("Minutes",),
                "SetReminderIntent": ("Time",),
                "ChangeReminderIntent": ("Time", "Shift", "By")}


def speak(builder: ResponseBuilder, reply: Reply | None,
          notes: list[str] | None = None) -> ResponseBuilder:
    """Speech, the reprompt (the session stays open only with one), and the notes after."""
    if reply is None:
        return builder
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
    else:
        builder.end_session(True)
    return builder


def card(shown: Card) -> dict[str, Any]:
    """A card in the Alexa app: the turn's words, or the reminders permission's."""
    if shown.reminders_permission:
        return permission_card()
    return without_none(type="Simple", title=shown.title, content=shown.text)


def elicit_slot(wanted: Elicit) -> dict[str, Any]:
    """``Dialog.ElicitSlot``: the next words fill ``wanted.slot`` of ``wanted.intent``."""
    slots = {name: {"name": name, "confirmationStatus": "NONE"}
             for name in INTENT_SLOTS.get(wanted.intent, (wanted.slot,))}
    return {"type": "Dialog.ElicitSlot",
            "updatedIntent": {"name": wanted.intent, "slots": slots,
                              "confirmationStatus": "NONE"},
            "slotToElicit": wanted.slot}


__all__ = ["card", "elicit_slot", "speak"]
