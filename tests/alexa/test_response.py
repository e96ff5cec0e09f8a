"""The response builder writes, byte for byte, the JSON the ASK SDK wrote for the same
response: each piece is built both ways (the SDK's ``ResponseFactory`` and models, then
its serializer, as the adapter did before issue 17) and the JSON text compared, key order
included."""

from __future__ import annotations

import json
from datetime import time
from typing import Any

from ask_sdk_core.__version__ import __version__ as ASK_SDK_VERSION
from ask_sdk_core.response_helper import ResponseFactory
from ask_sdk_core.serialize import DefaultSerializer
from ask_sdk_model.canfulfill.can_fulfill_intent import CanFulfillIntent
from ask_sdk_model.canfulfill.can_fulfill_intent_values import CanFulfillIntentValues
from ask_sdk_model.dialog.elicit_slot_directive import ElicitSlotDirective
from ask_sdk_model.intent import Intent
from ask_sdk_model.intent_confirmation_status import IntentConfirmationStatus
from ask_sdk_model.interfaces.connections.send_request_directive import SendRequestDirective
from ask_sdk_model.response_envelope import ResponseEnvelope
from ask_sdk_model.slot import Slot
from ask_sdk_model.slot_confirmation_status import SlotConfirmationStatus
from ask_sdk_model.ui.ask_for_permissions_consent_card import AskForPermissionsConsentCard
from ask_sdk_model.ui.simple_card import SimpleCard
from ask_sdk_runtime.utils import user_agent_info

from skill.alexa.reminders import REMINDERS_SCOPE, ask_for_permission, permission_card
from skill.alexa.replies import card, elicit_slot
from skill.alexa.response import ResponseBuilder, response_envelope
from skill.alexa.screens import execute_commands, render_character_document, render_document
from skill.domain.dialogue.state import Card, Elicit

SDK_VERSION = "1.0"


def sdk_json(value: Any) -> str:
    return json.dumps(DefaultSerializer().serialize(value))


def ours_json(value: Any) -> str:
    return json.dumps(value)


def test_speech_reprompt_card_and_directives_in_the_sdks_order() -> None:
    sdk = ResponseFactory().add_directive(SendRequestDirective(**_send_request_fields()))
    ours = ResponseBuilder().add_directive(ask_for_permission(time(8, 0)))
    sdk.speak("  Hello <break time=\"1s\"/> there. ").ask("<speak>Still there?</speak>")
    sdk.set_card(SimpleCard(title="Release Coach", content="Week 1"))
    ours.speak("  Hello <break time=\"1s\"/> there. ").ask("<speak>Still there?</speak>")
    ours.set_card(card(Card(title="Release Coach", text="Week 1")))
    assert ours_json(ours.build()) == sdk_json(sdk.response)


def _send_request_fields() -> dict[str, Any]:
    return {"name": "AskFor", "token": "reminder@08:00", "payload": {
        "@type": "AskForPermissionsConsentRequest", "@version": "2",
        "permissionScopes": [{"permissionScope": REMINDERS_SCOPE, "consentLevel": "ACCOUNT"}]}}


def test_an_ended_session_and_an_empty_response() -> None:
    sdk = ResponseFactory()
    sdk.speak("Bye.").set_should_end_session(True)
    assert ours_json(ResponseBuilder().speak("Bye.").end_session(True).build()) == \
        sdk_json(sdk.response)
    assert ours_json(ResponseBuilder().build()) == sdk_json(ResponseFactory().response)


def test_cards() -> None:
    assert ours_json(permission_card()) == \
        sdk_json(AskForPermissionsConsentCard(permissions=[REMINDERS_SCOPE]))
    assert ours_json(card(Card(title="T", text="C"))) == \
        sdk_json(SimpleCard(title="T", content="C"))


def test_dialog_elicit_slot() -> None:
    slots = {name: Slot(name=name, confirmation_status=SlotConfirmationStatus.NONE)
             for name in ("Time", "Shift", "By")}
    sdk = ElicitSlotDirective(slot_to_elicit="Time", updated_intent=Intent(
        name="ChangeReminderIntent", slots=slots,
        confirmation_status=IntentConfirmationStatus.NONE))
    assert ours_json(elicit_slot(Elicit(intent="ChangeReminderIntent", slot="Time"))) == \
        sdk_json(sdk)


def test_can_fulfill_intent() -> None:
    sdk = ResponseFactory()
    sdk.response.can_fulfill_intent = CanFulfillIntent(
        can_fulfill=CanFulfillIntentValues("YES"))
    assert ours_json(ResponseBuilder().can_fulfill("YES").build()) == sdk_json(sdk.response)


def test_screen_directives_keep_the_apl_models_key_order() -> None:
    document, data = {"type": "APL", "version": "2024.2"}, {"step": {"title": "Bridge"}}
    assert list(render_document("t", document, data)) == \
        ["type", "token", "document", "datasources"]
    assert list(execute_commands("t", [{"type": "Idle"}])) == ["type", "token", "commands"]
    assert list(render_character_document("t", "FOUR_CHARACTER_CLOCK", document, data)) == \
        ["type", "token", "targetProfile", "document", "datasources"]


def test_the_envelope_as_the_sdk_wrote_it() -> None:
    attributes: dict[str, object] = {"mode": "idle", "position": None,
                                     "offer": {"plan": "daily"}}
    sdk = ResponseFactory()
    sdk.speak("Hi.").ask("Well?")
    body = ResponseBuilder().speak("Hi.").ask("Well?").build()
    user_agent = user_agent_info(sdk_version=ASK_SDK_VERSION)
    sessions: list[dict[str, object] | None] = [attributes, {}, None]
    for session in sessions:
        expected = ResponseEnvelope(response=sdk.response, version=SDK_VERSION,
                                    session_attributes=session, user_agent=user_agent)
        assert ours_json(response_envelope(body, session)) == sdk_json(expected)
