"""Alexa's own APIs (the settings API's time zone, the Reminders API), called through the
ASK SDK's service clients.

The clients are built only when a call is made, from the request's ``apiEndpoint`` and
``apiAccessToken``: a turn that calls no API (nearly all of them) builds nothing. They
keep the SDK's own serializer, which reads and writes the services' models, and its HTTP
client, which imports ``requests`` on first use (:class:`LazyApiClient`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext

from ask_sdk_core.serialize import DefaultSerializer
from ask_sdk_model.services.api_client import ApiClient
from ask_sdk_model.services.api_client_request import ApiClientRequest
from ask_sdk_model.services.api_client_response import ApiClientResponse
from ask_sdk_model.services.api_configuration import ApiConfiguration
from ask_sdk_model.services.reminder_management.reminder_management_service_client import (
    ReminderManagementServiceClient,
)
from ask_sdk_model.services.ups.ups_service_client import UpsServiceClient

from skill.alexa.request import AlexaRequest

logger = logging.getLogger("release_coach")


class LazyApiClient(ApiClient):
    """The SDK's HTTP client, imported on first use: ``requests`` costs ~50 ms at cold start,
    and only the first turn of a session (the time zone look-up) and reminders need it."""

    def __init__(self) -> None:
        self._client: ApiClient | None = None
        # Run around each call, which waits on the network: see wait_on_calls_with.
        self.waiting: Callable[[], AbstractContextManager[object]] = nullcontext

    def invoke(self, request: ApiClientRequest) -> ApiClientResponse:
        if self._client is None:
            from ask_sdk_core.api_client import DefaultApiClient

            self._client = DefaultApiClient()
        with self.waiting():
            response: ApiClientResponse = self._client.invoke(request)
        return response


# One per process: it holds no per-request state, only the HTTP client once imported.
_API_CLIENT = LazyApiClient()


def wait_on_calls_with(waiting: Callable[[], AbstractContextManager[object]]) -> None:
    """Have ``waiting()`` run around every call to Alexa's APIs in this process.

    The web service lends a waiting turn's worker thread to the other users' turns
    (:mod:`skill.hosts.web.workers`); Lambda runs one turn at a time and sets nothing.
    """
    _API_CLIENT.waiting = waiting


def api_configuration(request: AlexaRequest) -> ApiConfiguration | None:
    """What the SDK's service clients need to call Alexa for this request's user, or
    ``None`` when the request gives no endpoint and token to call it with."""
    endpoint, token = request.api_endpoint, request.api_access_token
    if endpoint is None or token is None:
        return None
    return ApiConfiguration(serializer=DefaultSerializer(), api_client=_API_CLIENT,
                            authorization_value=token, api_endpoint=endpoint)


def reminders_client(request: AlexaRequest) -> ReminderManagementServiceClient | None:
    """The Reminders API for this request's user, or ``None`` if it cannot be called."""
    configuration = api_configuration(request)
    return ReminderManagementServiceClient(configuration) if configuration else None


def alexa_time_zone(request: AlexaRequest) -> str | None:
    """The device's time zone from the Alexa settings API, or ``None`` if unavailable."""
    device_id = request.device_id
    configuration = api_configuration(request)
    if not device_id or configuration is None:
        return None
    try:
        zone = UpsServiceClient(configuration).get_system_time_zone(device_id)
    except Exception as error:  # the settings API failing must never fail the turn
        logger.info("time zone lookup failed: %s", type(error).__name__)
        return None
    return zone if isinstance(zone, str) and zone else None


__all__ = ["LazyApiClient", "alexa_time_zone", "api_configuration", "reminders_client",
           "wait_on_calls_with"]
