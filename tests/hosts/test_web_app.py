"""Tests for skill.hosts.web.app: request validation, verification gating, errors, and logging."""

from __future__ import annotations

import functools
import io
import json
import logging
from collections.abc import Sequence
from typing import Any

import flask
import pytest
from flask.testing import FlaskClient

from skill.hosts.web.app import create_app
from skill.hosts.web.verifier import RequestVerifier, build_verifiers
from tests.support.certs import (
    CERT_URL,
    NOW,
    FakeClock,
    FakeFetcher,
    good_chain,
    root_ca,
    signed_headers,
)

SKILL_ID = "amzn1.ask.skill.11111111-2222-3333-4444-555555555555"
USER_ID = "amzn1.ask.account.SECRET-USER-ID-7f3a"
DEVICE_ID = "amzn1.ask.device.SECRET-DEVICE-ID-91bc"
ACCESS_TOKEN = "SECRET-ACCESS-TOKEN-c0ffee"
REQUEST_ID = "amzn1.echo-api.request.test-request-0001"

OK_RESPONSE: dict[str, Any] = {
    "version": "1.0",
    "response": {
        "outputSpeech": {"type": "SSML", "ssml": "<speak>ok</speak>"},
        "shouldEndSession": True,
    },
}


class FakeInvoke:
    """Records the envelopes it is given and answers with a fixed response."""

    def __init__(self, error: Exception | None = None, result: Any = None) -> None:
        self.calls: list[dict[str, Any]] = []
        self._error = error
        self._result = OK_RESPONSE if result is None else result

    def __call__(self, envelope: dict[str, Any], log: dict[str, Any]) -> dict[str, Any]:
        self.calls.append(envelope)
        if self._error is not None:
            raise self._error
        result: dict[str, Any] = self._result
        return result


def make_envelope(**request_overrides: Any) -> dict[str, Any]:
    request: dict[str, Any] = {
        "type": "IntentRequest",
        "requestId": REQUEST_ID,
        "timestamp": NOW.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "locale": "en-US",
        "intent": {"name": "StartStretchIntent", "confirmationStatus": "NONE"},
    }
    request.update(request_overrides)
    return {
        "version": "1.0",
        "session": {
            "new": True,
            "sessionId": "amzn1.echo-api.session.test",
            "application": {"applicationId": SKILL_ID},
            "user": {"userId": USER_ID, "accessToken": ACCESS_TOKEN},
        },
        "context": {
            "System": {
                "application": {"applicationId": SKILL_ID},
                "user": {"userId": USER_ID, "accessToken": ACCESS_TOKEN},
                "device": {"deviceId": DEVICE_ID},
                "apiAccessToken": ACCESS_TOKEN,
            }
        },
        "request": request,
    }


def encode(envelope: Any) -> bytes:
    # Deliberately not compact: the signature must cover the exact bytes, not a re-encoding.
    return json.dumps(envelope, indent=2).encode()


def secure_verifiers(fetcher: FakeFetcher | None = None) -> list[RequestVerifier]:
    _, pem = good_chain()
    return build_verifiers(
        SKILL_ID,
        insecure_dev=False,
        fetcher=fetcher or FakeFetcher({CERT_URL: pem}),
        trust_roots=[root_ca().cert],
        clock=FakeClock(),
    )


def make_client(
    invoke: FakeInvoke, verifiers: Sequence[RequestVerifier] | None = None, **kwargs: Any
) -> FlaskClient:
    app: flask.Flask = create_app(
        invoke, secure_verifiers() if verifiers is None else verifiers, **kwargs
    )
    return app.test_client()


def post_signed(client: FlaskClient, body: bytes, **kwargs: Any) -> Any:
    leaf, _ = good_chain()
    return client.post(
        "/",
        data=body,
        content_type=kwargs.pop("content_type", "application/json"),
        headers=signed_headers(leaf.key, body),
        **kwargs,
    )


def log_records(caplog: pytest.LogCaptureFixture) -> list[dict[str, Any]]:
    return [
        json.loads(record.getMessage())
        for record in caplog.records
        if record.name == "release_coach.web"
    ]


# --------------------------------------------------------------------------- happy path


def test_valid_signed_request_end_to_end(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="release_coach.web")
    invoke = FakeInvoke()
    client = make_client(invoke)
    envelope = make_envelope()
    response = post_signed(client, encode(envelope))
    assert response.status_code == 200
    assert response.get_json() == OK_RESPONSE
    assert response.mimetype == "application/json"
    assert invoke.calls == [envelope]

    (line,) = log_records(caplog)
    assert line["request_id"] == REQUEST_ID
    assert line["request_type"] == "IntentRequest"
    assert line["intent_name"] == "StartStretchIntent"
    assert line["outcome"] == "ok"
    assert line["status"] == 200
    assert isinstance(line["latency_ms"], float | int)
    assert "insecure_dev" not in line


def test_charset_parameter_is_allowed() -> None:
    invoke = FakeInvoke()
    client = make_client(invoke)
    response = post_signed(
        client, encode(make_envelope()), content_type="application/json; charset=utf-8"
    )
    assert response.status_code == 200
    assert len(invoke.calls) == 1


def test_healthz() -> None:
    response = make_client(FakeInvoke()).get("/healthz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok"}


# --------------------------------------------------------------------------- rejections


def test_body_over_cap_is_413() -> None:
    invoke = FakeInvoke()
    client = make_client(invoke, max_body_bytes=2048)
    body = encode(make_envelope(padding="x" * 2048))
    response = post_signed(client, body)
    assert response.status_code == 413
    assert response.get_json() == {"error": "request body too large"}
    assert invoke.calls == []


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded", None])
def test_wrong_content_type_is_415(content_type: str | None) -> None:
    invoke = FakeInvoke()
    client = make_client(invoke)
    body = encode(make_envelope())
    leaf, _ = good_chain()
    response = client.post(
        "/", data=body, content_type=content_type, headers=signed_headers(leaf.key, body)
    )
    assert response.status_code == 415
    assert "error" in response.get_json()
    assert invoke.calls == []


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"{not json", "not valid JSON"),
        (b"\xff\xfe\xfa", "not valid JSON"),
        (b'{"version": NaN}', "not valid JSON"),
        (b"[" * 100_000 + b"]" * 100_000, "not valid JSON"),
        (b"[1, 2, 3]", "JSON object"),
        (b'"just a string"', "JSON object"),
    ],
)
def test_non_json_or_non_object_is_400(body: bytes, message: str) -> None:
    invoke = FakeInvoke()
    response = post_signed(make_client(invoke, max_body_bytes=1024 * 1024), body)
    assert response.status_code == 400
    assert message in response.get_json()["error"]
    assert invoke.calls == []


def _drop(path: str) -> dict[str, Any]:
    envelope = make_envelope()
    *parents, leaf = path.split(".")
    target = envelope
    for parent in parents:
        target = target[parent]
    del target[leaf]
    return envelope


def _set(path: str, value: Any) -> dict[str, Any]:
    envelope = make_envelope()
    *parents, leaf = path.split(".")
    target = envelope
    for parent in parents:
        target = target[parent]
    target[leaf] = value
    return envelope


def _no_context_or_session() -> dict[str, Any]:
    envelope = make_envelope()
    del envelope["context"], envelope["session"]
    return envelope


@pytest.mark.parametrize(
    ("envelope", "field"),
    [
        (_drop("version"), "version"),
        (_set("version", 1.0), "version"),
        (_drop("request"), "request"),
        (_set("request", "LaunchRequest"), "request"),
        (_drop("request.type"), "request.type"),
        (_set("request.type", 7), "request.type"),
        (_drop("request.requestId"), "request.requestId"),
        (_drop("request.timestamp"), "request.timestamp"),
        (_set("request.timestamp", 1768478400), "request.timestamp"),
        (_no_context_or_session(), "context"),
        (_set("context", []), "context"),
        (_set("session", "s"), "session"),
    ],
)
def test_missing_or_wrong_typed_fields_are_400(envelope: dict[str, Any], field: str) -> None:
    invoke = FakeInvoke()
    response = post_signed(make_client(invoke), encode(envelope))
    assert response.status_code == 400
    assert f"'{field}'" in response.get_json()["error"]
    assert invoke.calls == []


def test_only_session_is_enough() -> None:
    envelope = make_envelope()
    del envelope["context"]
    invoke = FakeInvoke()
    response = post_signed(make_client(invoke), encode(envelope))
    assert response.status_code == 200


def test_failed_signature_is_400_and_invoke_not_called() -> None:
    invoke = FakeInvoke()
    client = make_client(invoke)
    body = encode(make_envelope())
    leaf, _ = good_chain()
    headers = signed_headers(leaf.key, body)
    tampered = body.replace(b"StartStretchIntent", b"StopStretchIntent!")
    response = client.post("/", data=tampered, content_type="application/json", headers=headers)
    assert response.status_code == 400
    assert response.get_json() == {
        "error": "request verification failed: request signature does not match"
    }
    assert invoke.calls == []


def test_unsigned_request_is_400() -> None:
    invoke = FakeInvoke()
    response = make_client(invoke).post("/", json=make_envelope())
    assert response.status_code == 400
    assert "verification failed" in response.get_json()["error"]
    assert invoke.calls == []


def test_stale_timestamp_is_400() -> None:
    invoke = FakeInvoke()
    body = encode(make_envelope(timestamp="2026-01-15T11:00:00Z"))
    response = post_signed(make_client(invoke), body)
    assert response.status_code == 400
    assert "timestamp" in response.get_json()["error"]
    assert invoke.calls == []


def test_wrong_application_id_is_400() -> None:
    envelope = make_envelope()
    envelope["context"]["System"]["application"]["applicationId"] = "amzn1.ask.skill.other"
    invoke = FakeInvoke()
    response = post_signed(make_client(invoke), encode(envelope))
    assert response.status_code == 400
    assert "application id" in response.get_json()["error"]
    assert invoke.calls == []


def test_unknown_path_is_404_json() -> None:
    response = make_client(FakeInvoke()).post("/nope", json={})
    assert response.status_code == 404
    assert response.get_json() == {"error": "not found"}


@pytest.mark.parametrize(("method", "path"), [("GET", "/"), ("PUT", "/"), ("POST", "/healthz")])
def test_wrong_method_is_405_json(method: str, path: str) -> None:
    response = make_client(FakeInvoke()).open(path, method=method)
    assert response.status_code == 405
    assert response.get_json() == {"error": "method not allowed"}
    assert "Allow" in response.headers


# --------------------------------------------------------------------------- invoke failures


def test_raising_invoke_is_500_without_traceback(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="release_coach.web")
    invoke = FakeInvoke(error=RuntimeError(f"boom for {USER_ID}"))
    response = post_signed(make_client(invoke), encode(make_envelope()))
    assert response.status_code == 500
    assert response.get_json() == {"error": "internal error"}
    text = response.get_data(as_text=True)
    assert "Traceback" not in text
    assert "boom" not in text
    assert "RuntimeError" not in text

    (line,) = log_records(caplog)
    assert line["outcome"] == "error"
    assert line["status"] == 500
    assert line["request_id"] == REQUEST_ID
    assert line["error_type"] == "RuntimeError"
    assert "__call__" in line["traceback"]
    assert USER_ID not in caplog.text


def test_invoke_returning_non_dict_is_500() -> None:
    invoke = FakeInvoke(result=["not", "a", "dict"])
    response = post_signed(make_client(invoke), encode(make_envelope()))
    assert response.status_code == 500
    assert response.get_json() == {"error": "internal error"}


# --------------------------------------------------------------------------- logging


def test_logs_never_contain_user_data(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    client = make_client(FakeInvoke())
    body = encode(make_envelope())
    post_signed(client, body)
    client.post("/", data=body, content_type="application/json")  # unsigned: rejected
    post_signed(client, encode(_drop("request.timestamp")))
    client.get("/healthz")
    client.get("/missing")

    lines = log_records(caplog)
    assert [line["outcome"] for line in lines] == ["ok", "rejected", "rejected", "ok", "rejected"]
    # The session id and locale appear only in the body, so finding them would mean a body leak.
    for secret in (USER_ID, DEVICE_ID, ACCESS_TOKEN, "amzn1.echo-api.session.test", "en-US"):
        assert secret not in caplog.text
    leaf, _ = good_chain()
    assert signed_headers(leaf.key, body)["Signature-256"] not in caplog.text


def test_insecure_dev_skips_signature_but_checks_app_id(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG, logger="release_coach.web")
    invoke = FakeInvoke()
    verifiers = build_verifiers(SKILL_ID, insecure_dev=True)
    client = make_client(invoke, verifiers, insecure_dev=True)

    unsigned = client.post("/", json=make_envelope(timestamp="2001-01-01T00:00:00Z"))
    assert unsigned.status_code == 200

    wrong_app = make_envelope()
    wrong_app["context"]["System"]["application"]["applicationId"] = "amzn1.ask.skill.other"
    rejected = client.post("/", json=wrong_app)
    assert rejected.status_code == 400
    assert len(invoke.calls) == 1

    lines = log_records(caplog)
    assert lines[0]["event"] == "insecure_dev_enabled"
    assert any(r.levelno == logging.WARNING for r in caplog.records)
    assert len(lines) == 3
    assert all(line["insecure_dev"] is True for line in lines)


def test_streamed_body_over_cap_is_413() -> None:
    # Chunked uploads carry no Content-Length, so the cap must hold while reading as well.
    invoke = FakeInvoke()
    client = make_client(invoke, max_body_bytes=2048)
    response = client.post(
        "/",
        input_stream=io.BytesIO(encode(make_envelope(padding="x" * 4096))),
        content_type="application/json",
        environ_overrides={"wsgi.input_terminated": True, "HTTP_TRANSFER_ENCODING": "chunked"},
    )
    assert response.status_code == 413
    assert response.get_json() == {"error": "request body too large"}
    assert invoke.calls == []


class ExplodingVerifier:
    def verify(self, headers: Any, raw_body: bytes, envelope: Any) -> None:
        raise RuntimeError(f"verifier bug near {USER_ID}")


def test_unexpected_verifier_error_is_500_and_logged(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="release_coach.web")
    invoke = FakeInvoke()
    response = make_client(invoke, [ExplodingVerifier()]).post("/", json=make_envelope())
    assert response.status_code == 500
    assert response.get_json() == {"error": "internal error"}
    assert invoke.calls == []
    (line,) = log_records(caplog)
    assert line["outcome"] == "error"
    assert line["error_type"] == "RuntimeError"
    assert USER_ID not in caplog.text


@pytest.mark.parametrize(("size", "status"), [(2048, 200), (2049, 413)])
def test_streamed_body_at_cap_boundary(size: int, status: int) -> None:
    envelope = make_envelope()
    body = encode(envelope)
    body += b" " * (size - len(body))
    leaf, _ = good_chain()
    client = make_client(FakeInvoke(), max_body_bytes=2048)
    response = client.post(
        "/",
        input_stream=io.BytesIO(body),
        content_type="application/json",
        headers=signed_headers(leaf.key, body),
        environ_overrides={"wsgi.input_terminated": True, "HTTP_TRANSFER_ENCODING": "chunked"},
    )
    assert response.status_code == status


@pytest.mark.parametrize(("size", "status"), [(2048, 200), (2049, 413)])
def test_body_with_length_at_cap_boundary(size: int, status: int) -> None:
    body = encode(make_envelope())
    body += b" " * (size - len(body))
    response = post_signed(make_client(FakeInvoke(), max_body_bytes=2048), body)
    assert response.status_code == status


# --------------------------------------------------------------------------- the endpoint


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (encode(make_envelope()), "application/json"),
        (b"[1]", "application/json"),
        (encode(make_envelope()), "text/plain"),
        (b"x" * 4096, "application/json"),
    ],
)
def test_flask_route_answers_as_the_endpoint_in_front_of_it(
    body: bytes, content_type: str, caplog: pytest.LogCaptureFixture
) -> None:
    # POST / is answered in front of Flask; Flask's own route for it, when the app is mounted
    # without the endpoint, gives the same status, headers, body and log line.
    caplog.set_level(logging.INFO, logger="release_coach.web")
    answers = []
    for through_flask in (False, True):
        caplog.clear()
        app = create_app(FakeInvoke(), secure_verifiers(), max_body_bytes=2048)
        if through_flask:
            app.wsgi_app = functools.partial(flask.Flask.wsgi_app, app)  # type: ignore[method-assign]
        response = post_signed(app.test_client(), body, content_type=content_type)
        (line,) = log_records(caplog)
        line.pop("latency_ms")
        answers.append((response.status, sorted(response.headers.items()), response.data, line))
    assert answers[0] == answers[1]
    assert answers[0][0] != "500 INTERNAL SERVER ERROR"
