"""Serve the skill over HTTPS-fronted HTTP: validate and verify Alexa requests, then invoke."""

from __future__ import annotations

import json
import logging
import time
import traceback
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Final

import flask
from werkzeug.exceptions import HTTPException, MethodNotAllowed
from werkzeug.wrappers import Response as WerkzeugResponse

from skill.alexa.json_message import JsonMessage
from skill.hosts.web.documents import register_documents
from skill.hosts.web.options import DEFAULT_MAX_BODY_BYTES, ServerOptions
from skill.hosts.web.verifier import RequestVerifier, VerificationError

__all__ = ["DEFAULT_MAX_BODY_BYTES", "Invoke", "ServerOptions", "create_app", "serve"]

_log = logging.getLogger("release_coach.web")

# At most this many frames of a traceback are logged: the innermost, where it went wrong.
_MAX_TRACEBACK_FRAMES: Final = 12

Invoke = Callable[[dict[str, Any]], dict[str, Any]]

# These values are logged before verification, so an unverified sender controls them.
_MAX_LOGGED_CHARS: Final = 200

# Keys in flask.g that carry per-request facts from the view to the access-log hook.
_G_START: Final = "rc_start"
_G_FIELDS: Final = "rc_fields"


class _Rejected(Exception):
    """Stops request handling with a client-facing status and a short, safe reason."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


def _error(status: int, message: str) -> flask.Response:
    response = flask.jsonify({"error": message})
    response.status_code = status
    return response


def _reject_constant(name: str) -> Any:
    # NaN and Infinity are not JSON; Python accepts them by default, Alexa never sends them.
    raise ValueError(f"invalid JSON constant {name}")


def _parse_envelope(raw: bytes) -> dict[str, Any]:
    try:
        envelope = json.loads(raw, parse_constant=_reject_constant)
    except (ValueError, RecursionError) as exc:
        raise _Rejected(400, "body is not valid JSON") from exc
    if not isinstance(envelope, dict):
        raise _Rejected(400, "body must be a JSON object")
    return envelope


def _check_shape(envelope: Mapping[str, Any]) -> None:
    if not isinstance(envelope.get("version"), str):
        raise _Rejected(400, "field 'version' must be a string")
    request = envelope.get("request")
    if not isinstance(request, dict):
        raise _Rejected(400, "field 'request' must be an object")
    for name in ("type", "requestId", "timestamp"):
        if not isinstance(request.get(name), str):
            raise _Rejected(400, f"field 'request.{name}' must be a string")
    context, session = envelope.get("context"), envelope.get("session")
    if context is None and session is None:
        raise _Rejected(400, "field 'context' or 'session' is required")
    if context is not None and not isinstance(context, dict):
        raise _Rejected(400, "field 'context' must be an object")
    if session is not None and not isinstance(session, dict):
        raise _Rejected(400, "field 'session' must be an object")


def _request_facts(envelope: Mapping[str, Any]) -> dict[str, Any]:
    # Only identifiers that say what happened, never who it happened to.
    request = envelope.get("request")
    if not isinstance(request, dict):
        return {}
    facts: dict[str, Any] = {}
    for key, field in (("request_id", "requestId"), ("request_type", "type")):
        value = request.get(field)
        if isinstance(value, str):
            facts[key] = value[:_MAX_LOGGED_CHARS]
    intent = request.get("intent")
    if isinstance(intent, dict) and isinstance(intent.get("name"), str):
        facts["intent_name"] = intent["name"][:_MAX_LOGGED_CHARS]
    return facts


def _record_error(fields: dict[str, Any], exc: BaseException) -> None:
    # The traceback goes to the log only, and as frames without the exception message, because
    # messages can quote request data such as user ids.
    fields.update(
        outcome="error",
        error_type=type(exc).__name__,
        traceback="".join(traceback.format_tb(exc.__traceback__)[-_MAX_TRACEBACK_FRAMES:]),
    )


def _outcome(status: int) -> str:
    if status < 400:
        return "ok"
    return "error" if status >= 500 else "rejected"


def create_app(
    invoke: Invoke,
    verifiers: Sequence[RequestVerifier],
    *,
    insecure_dev: bool = False,
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
) -> flask.Flask:
    """Build the Flask app that verifies Alexa requests and hands them to ``invoke``."""
    app = flask.Flask("release_coach.web")
    # One byte of headroom lets _read_body see that a streamed (chunked) body is over the cap:
    # at exactly the cap, werkzeug would silently truncate instead of failing.
    app.config["MAX_CONTENT_LENGTH"] = max_body_bytes + 1
    verifier_list = list(verifiers)
    base_fields: dict[str, Any] = {"insecure_dev": True} if insecure_dev else {}

    def log_line(level: int, fields: Mapping[str, Any]) -> None:
        _log.log(level, JsonMessage({**fields, **base_fields}, sort_keys=True))

    if insecure_dev:
        log_line(
            logging.WARNING,
            {
                "event": "insecure_dev_enabled",
                "message": "INSECURE DEV MODE: Alexa signature and timestamp checks are OFF; "
                "never expose this server to the internet",
            },
        )

    @app.before_request
    def _start_timer() -> None:
        setattr(flask.g, _G_START, time.perf_counter())
        setattr(flask.g, _G_FIELDS, {})

    @app.after_request
    def _access_log(response: flask.Response) -> flask.Response:
        # The request and g once each: every look through Flask's proxies costs a lookup.
        g, request = flask.g._get_current_object(), flask.request._get_current_object()  # type: ignore[attr-defined]
        start = getattr(g, _G_START, None)
        fields: dict[str, Any] = dict(getattr(g, _G_FIELDS, {}))
        status = response.status_code
        fields.setdefault("outcome", _outcome(status))
        path = request.path
        fields.update(event="request", method=request.method, path=path, status=status)
        if start is not None:
            fields["latency_ms"] = round((time.perf_counter() - start) * 1000, 2)
        # Load-balancer probes would otherwise drown the request log.
        level = logging.DEBUG if path == "/healthz" else logging.INFO
        log_line(level, fields)
        return response

    @app.errorhandler(HTTPException)
    def _http_error(exc: HTTPException) -> WerkzeugResponse:
        status = exc.code or 500
        if status < 400:
            # Routing redirects are HTTPExceptions too; they are not errors.
            return exc.get_response()
        messages = {
            404: "not found",
            405: "method not allowed",
            413: "request body too large",
        }
        response = _error(status, messages.get(status, exc.name.lower()))
        if isinstance(exc, MethodNotAllowed) and exc.valid_methods:
            response.headers["Allow"] = ", ".join(exc.valid_methods)
        return response

    @app.errorhandler(Exception)
    def _unexpected_error(exc: Exception) -> flask.Response:
        _record_error(getattr(flask.g, _G_FIELDS, {}), exc)
        return _error(500, "internal error")

    @app.get("/healthz", provide_automatic_options=False)
    def healthz() -> flask.Response:
        return flask.jsonify({"status": "ok"})

    @app.post("/", provide_automatic_options=False)
    def alexa() -> flask.Response:
        fields: dict[str, Any] = getattr(flask.g, _G_FIELDS)
        try:
            envelope = _verified_envelope(verifier_list, max_body_bytes, fields)
        except _Rejected as rejected:
            fields.update(outcome="rejected", reason=rejected.reason)
            return _error(rejected.status, rejected.reason)

        try:
            result = invoke(envelope)
            if not isinstance(result, dict):
                raise TypeError(f"invoke returned {type(result).__name__}, not dict")
            body = json.dumps(result)
        except VerificationError as exc:
            # The skill itself refused the envelope (another skill's id, or malformed).
            fields.update(outcome="rejected", reason=exc.reason)
            return _error(400, exc.reason)
        except Exception as exc:
            _record_error(fields, exc)
            return _error(500, "internal error")

        fields["outcome"] = "ok"
        return flask.Response(body, status=200, mimetype="application/json")

    # The privacy policy and terms of use (docs/), so that a self-hosted skill has real URLs.
    register_documents(app)
    return app


def _read_body(request: flask.Request, max_body_bytes: int) -> bytes:
    stream = request.stream
    chunks: list[bytes] = []
    total = 0
    while chunk := stream.read(64 * 1024):
        total += len(chunk)
        if total > max_body_bytes:
            raise _Rejected(413, "request body too large")
        chunks.append(chunk)
    return b"".join(chunks)


def _verified_envelope(
    verifiers: Sequence[RequestVerifier], max_body_bytes: int, fields: dict[str, Any]
) -> dict[str, Any]:
    request: flask.Request = flask.request._get_current_object()  # type: ignore[attr-defined]
    if request.content_length is not None and request.content_length > max_body_bytes:
        raise _Rejected(413, "request body too large")
    if request.mimetype != "application/json":
        raise _Rejected(415, "content type must be application/json")
    raw = _read_body(request, max_body_bytes)

    envelope = _parse_envelope(raw)
    fields.update(_request_facts(envelope))
    _check_shape(envelope)

    headers = dict(request.headers.items()) if verifiers else {}
    for verifier in verifiers:
        try:
            verifier.verify(headers, raw, envelope)
        except VerificationError as exc:
            raise _Rejected(400, f"request verification failed: {exc.reason}") from exc
    return envelope


def serve(app: flask.Flask, host: str, port: int, *, production: bool,
          options: ServerOptions | None = None) -> None:
    """Run ``app`` under waitress in production, else under Flask's development server."""
    if production:
        import waitress

        waitress.serve(app, host=host, port=port, **(options or ServerOptions()).waitress_options())
    else:
        app.run(host=host, port=port, debug=False, use_reloader=False)
