"""The Alexa side of the daily reminder: the permission, and the Reminders API.

Everything here talks to Alexa; the rules (what to keep, when to offer, when not
to ask again) are in :mod:`skill.domain.reminders`.

* The permission is read from ``context.System.user.permissions.scopes``.
* When it is missing, Alexa asks by voice: a ``Connections.SendRequest`` directive named
  ``AskFor`` with an ``AskForPermissionsConsentRequest`` (version 2); the answer comes
  back as a ``Connections.Response`` request. The card in the Alexa app is the fallback
  for devices that cannot ask by voice.
* Reminders are created, moved, read and deleted through the SDK's reminder
  management service client, with the in-session API access token Alexa sends.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, time
from enum import StrEnum
from typing import Any

from ask_sdk_core.exceptions import SerializationException
from ask_sdk_model.services.reminder_management.alert_info import AlertInfo
from ask_sdk_model.services.reminder_management.push_notification import PushNotification
from ask_sdk_model.services.reminder_management.push_notification_status import (
    PushNotificationStatus,
)
from ask_sdk_model.services.reminder_management.recurrence import Recurrence
from ask_sdk_model.services.reminder_management.recurrence_freq import RecurrenceFreq
from ask_sdk_model.services.reminder_management.reminder_request import ReminderRequest
from ask_sdk_model.services.reminder_management.spoken_info import SpokenInfo
from ask_sdk_model.services.reminder_management.spoken_text import SpokenText
from ask_sdk_model.services.reminder_management.trigger import Trigger
from ask_sdk_model.services.reminder_management.trigger_type import TriggerType
from ask_sdk_model.services.service_exception import ServiceException

from skill.alexa.alexa_apis import reminders_client
from skill.alexa.request import AlexaRequest
from skill.domain.reminders import first_occurrence, reminder_text

logger = logging.getLogger("release_coach.reminders")

REMINDERS_SCOPE = "alexa::alerts:reminders:skill:readwrite"
ASK_FOR = "AskFor"
# The token Alexa hands back in the Connections.Response: it carries the time asked for,
# so that the answer can be acted on without storing anything before the user consents.
TOKEN_PREFIX = "reminder@"


class Failure(StrEnum):
    """How a Reminders API call went wrong, as far as the user needs to know."""

    REVOKED = "revoked"          # 401/403: the permission was turned off
    NOT_FOUND = "not_found"      # 404: the reminder is gone (deleted in the Alexa app)
    UNAVAILABLE = "unavailable"  # 429, 5xx, the network: try again later


class ReminderApiError(Exception):
    def __init__(self, failure: Failure, status: int | None = None) -> None:
        super().__init__(f"{failure.value} ({status})")
        self.failure = failure
        self.status = status


def _failure(status: int | None) -> Failure:
    if status in (401, 403):
        return Failure.REVOKED
    if status == 404:
        return Failure.NOT_FOUND
    return Failure.UNAVAILABLE


# ---------------------------------------------------------------- the permission


def has_permission(request: AlexaRequest) -> bool:
    """Whether the user has granted the reminders permission, as this request says."""
    return request.permission_granted(REMINDERS_SCOPE)


def ask_for_permission(at: time) -> dict[str, Any]:
    """Alexa asks the user, in its own words, to allow reminders for this skill."""
    return {
        "type": "Connections.SendRequest",
        "name": ASK_FOR,
        "payload": {
            "@type": "AskForPermissionsConsentRequest",
            "@version": "2",
            "permissionScopes": [
                {"permissionScope": REMINDERS_SCOPE, "consentLevel": "ACCOUNT"},
            ],
        },
        "token": f"{TOKEN_PREFIX}{at.hour:02d}:{at.minute:02d}",
    }


def permission_card() -> dict[str, Any]:
    """The card in the Alexa app that lets the user grant the permission there."""
    return {"type": "AskForPermissionsConsent", "permissions": [REMINDERS_SCOPE]}


@dataclass(frozen=True)
class ConsentAnswer:
    """What the user answered to the permission prompt (from a ``Connections.Response``)."""

    status: str         # ACCEPTED, DENIED, NOT_ANSWERED, or FAILED if Alexa could not ask
    asked_time: str | None


def consent_answer(request: AlexaRequest) -> ConsentAnswer:
    code = request.status_code or ""
    answer = request.payload.get("status")
    token = request.token
    asked = token[len(TOKEN_PREFIX):] if token is not None and \
        token.startswith(TOKEN_PREFIX) else None
    # A non-200 status means Alexa could not ask (say, a device without voice consent).
    if code != "200" or answer not in ("ACCEPTED", "DENIED", "NOT_ANSWERED"):
        return ConsentAnswer("FAILED", asked)
    return ConsentAnswer(str(answer), asked)


# ---------------------------------------------------------------- the Reminders API


def reminder_request(at: time, now_local: datetime, time_zone: str | None,
                     locale: str) -> ReminderRequest:
    """A daily reminder at ``at`` local time, as Amazon's Reminders API takes it.

    ``scheduledTime`` is local time without a zone suffix (a naive datetime serialises
    so); ``timeZoneId`` is the device's zone from the settings API. Without a known zone
    it is left out, and Alexa uses the device's own.
    """
    return ReminderRequest(
        request_time=now_local.replace(tzinfo=None, microsecond=0),
        trigger=Trigger(
            object_type=TriggerType.SCHEDULED_ABSOLUTE,
            scheduled_time=first_occurrence(at, now_local),
            time_zone_id=time_zone or None,
            recurrence=Recurrence(freq=RecurrenceFreq.DAILY),
        ),
        alert_info=AlertInfo(spoken_info=SpokenInfo(
            content=[SpokenText(locale=locale, text=reminder_text(locale))])),
        push_notification=PushNotification(status=PushNotificationStatus.ENABLED),
    )


class Reminders:
    """The user's reminders, through the SDK's reminder management service client."""

    def __init__(self, request: AlexaRequest) -> None:
        self.request = request

    def _client(self) -> Any:
        client = reminders_client(self.request)
        if client is None:
            raise ReminderApiError(Failure.UNAVAILABLE)
        return client

    def _call(self, operation: str, call: Any, *args: Any) -> Any:
        try:
            return call(*args)
        except SerializationException:
            raise  # a 2xx answer the SDK could not read: the caller decides what it means
        except ServiceException as error:
            status = getattr(error, "status_code", None)
            logger.warning("reminders %s failed with HTTP %s", operation, status)
            raise ReminderApiError(_failure(status), status) from error
        except ReminderApiError:
            raise
        except Exception as error:  # the API failing must never fail the turn
            logger.warning("reminders %s failed: %s", operation, type(error).__name__)
            raise ReminderApiError(Failure.UNAVAILABLE) from error

    def create(self, request: ReminderRequest) -> str:
        client = self._client()
        response = self._call("create", client.create_reminder, request)
        token = getattr(response, "alert_token", None)
        if not isinstance(token, str) or not token:
            raise ReminderApiError(Failure.UNAVAILABLE)
        return token

    def update(self, alert_token: str, request: ReminderRequest) -> str:
        client = self._client()
        response = self._call("update", client.update_reminder, alert_token, request)
        token = getattr(response, "alert_token", None)
        return token if isinstance(token, str) and token else alert_token

    def delete(self, alert_token: str) -> None:
        client = self._client()
        self._call("delete", client.delete_reminder, alert_token)

    def exists(self, alert_token: str) -> bool:
        """Whether the reminder is still there (the user may delete it in the Alexa app)."""
        client = self._client()
        try:
            response = self._call("get", client.get_reminder, alert_token)
        except SerializationException:
            # ask-sdk-model cannot read a reminder's alertInfo (it names a module,
            # alert_info_spoken_info, that no longer exists), so every 200 answer to a GET
            # fails to deserialise. Only a 2xx gets that far: the reminder is there.
            return True
        except ReminderApiError as error:
            if error.failure is Failure.NOT_FOUND:
                return False
            raise
        status = getattr(getattr(response, "status", None), "value", None)
        return status != "COMPLETED"
