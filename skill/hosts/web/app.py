"""Serve the skill over HTTPS-fronted HTTP: validate and verify Alexa requests, then invoke."""

from __future__ import annotations

import json
import logging
import time
import traceback
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Final

import flask
from werkzeug.datastructures import EnvironHeaders
from werkzeug.exceptions import HTTPException, MethodNotAllowed, RequestEntityTooLarge
from werkzeug.http import HTTP_STATUS_CODES
from werkzeug.wrappers import Response as WerkzeugResponse
from werkzeug.wsgi import get_content_length, get_input_stream

from skill.alexa.alexa_apis import wait_on_calls_with
from skill.alexa.app import RequestRejected, SkillApp
from skill.alexa.json_message import JsonMessage
from skill.hosts.web.documents import register_documents
from skill.hosts.web.options import DEFAULT_MAX_BODY_BYTES, ServerOptions
from skill.hosts.web.verifier import RequestVerifier, VerificationError
from skill.hosts.web.workers import ElasticWorkers

if TYPE_CHECKING:
    from _typeshed.wsgi import StartResponse, WSGIApplication, WSGIEnvironment

__all__ = ["DEFAULT_MAX_BODY_BYTES", "Invoke", "ServerOptions", "create_app", "serve",
           "skill_invoke"]

_log = logging.getLogger("release_coach.web")

# At most this many frames of a traceback are logged: the innermost, where it went wrong.
_MAX_TRACEBACK_FRAMES: Final = 12

# (envelope, log): the response; ``log`` is the request's access-log fields, which the skill
# may add its turn's facts to (one line a request).
Invoke = Callable[[dict[str, Any], dict[str, Any]], dict[str, Any]]

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

    endpoint = AlexaEndpoint(app, invoke, verifier_list, max_body_bytes, log_line)

    @app.post("/", provide_automatic_options=False)
    def alexa() -> WerkzeugResponse:
        # Reached only when the app is mounted without its endpoint in front (the endpoint
        # answers POST / itself); the same answer, logged by the access-log hook.
        status, body = endpoint.answer(flask.request.environ, getattr(flask.g, _G_FIELDS))
        return app.response_class(body, status=status, mimetype="application/json")

    # POST / skips Flask's request and response objects, routing and hooks (issue 17:
    # about a tenth of a millisecond a request); everything else goes to Flask as before.
    app.wsgi_app = endpoint.in_front_of(app.wsgi_app)  # type: ignore[method-assign, assignment]

    # The privacy policy and terms of use (docs/), so that a self-hosted skill has real URLs.
    register_documents(app)
    return app


def _read_body(environ: WSGIEnvironment, max_body_bytes: int) -> bytes:
    # As Flask's request.stream: bounded by Content-Length, or by the cap's byte of headroom
    # when the server terminates a streamed body itself.
    stream = get_input_stream(environ, max_content_length=max_body_bytes + 1)
    chunks: list[bytes] = []
    total = 0
    while chunk := stream.read(64 * 1024):
        total += len(chunk)
        if total > max_body_bytes:
            raise _Rejected(413, "request body too large")
        chunks.append(chunk)
    return b"".join(chunks)


def _verified_envelope(
    environ: WSGIEnvironment,
    verifiers: Sequence[RequestVerifier],
    max_body_bytes: int,
    fields: dict[str, Any],
) -> dict[str, Any]:
    content_length = get_content_length(environ)
    if content_length is not None and content_length > max_body_bytes:
        raise _Rejected(413, "request body too large")
    # The media type is what comes before any parameter ("application/json; charset=utf-8").
    if environ.get("CONTENT_TYPE", "").partition(";")[0].strip().lower() != "application/json":
        raise _Rejected(415, "content type must be application/json")
    try:
        raw = _read_body(environ, max_body_bytes)
    except RequestEntityTooLarge as exc:
        raise _Rejected(413, "request body too large") from exc

    envelope = _parse_envelope(raw)
    fields.update(_request_facts(envelope))
    _check_shape(envelope)

    headers = _RequestHeaders(environ)
    for verifier in verifiers:
        try:
            verifier.verify(headers, raw, envelope)
        except VerificationError as exc:
            raise _Rejected(400, f"request verification failed: {exc.reason}") from exc
    return envelope


class _RequestHeaders(Mapping[str, str]):
    """The request's headers, read from the WSGI environ only if a verifier looks at them:
    the timestamp and application-id checks never do, and most requests stop there in
    development (issue 17: copying every header was a per-request cost for nothing)."""

    def __init__(self, environ: WSGIEnvironment) -> None:
        self._environ = environ
        self._headers: dict[str, str] | None = None

    def _all(self) -> dict[str, str]:
        if self._headers is None:
            self._headers = dict(EnvironHeaders(self._environ).items())
        return self._headers

    def __getitem__(self, name: str) -> str:
        return self._all()[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())


class AlexaEndpoint:
    """``POST /``, the skill's endpoint, as a plain WSGI application in front of Flask.

    One place decides what a request to the skill is answered: :meth:`answer`. A turn
    needs none of Flask's request and response objects, routing, context or hooks, which
    together cost about as much CPU as the trivial app's whole request (issue 17); the
    access log line is the one Flask's hook writes for every other path.
    """

    def __init__(self, app: flask.Flask, invoke: Invoke, verifiers: Sequence[RequestVerifier],
                 max_body_bytes: int, log_line: Callable[[int, Mapping[str, Any]], None]) -> None:
        self._json = app.json
        self._invoke = invoke
        self._verifiers = verifiers
        self._max_body_bytes = max_body_bytes
        self._log_line = log_line

    def answer(self, environ: WSGIEnvironment, fields: dict[str, Any]) -> tuple[int, bytes]:
        """The status and JSON body for one request to the skill; ``fields`` gets the facts
        the access log line reports (never who the request came from)."""
        try:
            envelope = _verified_envelope(environ, self._verifiers, self._max_body_bytes,
                                          fields)
        except _Rejected as rejected:
            fields.update(outcome="rejected", reason=rejected.reason)
            return rejected.status, self._error_body(rejected.reason)
        except Exception as exc:  # a verifier's own bug: a 500, logged without data
            _record_error(fields, exc)
            return 500, self._error_body("internal error")

        try:
            result = self._invoke(envelope, fields)
            if not isinstance(result, dict):
                raise TypeError(f"invoke returned {type(result).__name__}, not dict")
            body = json.dumps(result)
        except VerificationError as exc:
            # The skill itself refused the envelope (another skill's id, or malformed).
            fields.update(outcome="rejected", reason=exc.reason)
            return 400, self._error_body(exc.reason)
        except Exception as exc:
            _record_error(fields, exc)
            return 500, self._error_body("internal error")

        fields["outcome"] = "ok"
        return 200, body.encode()

    def _error_body(self, message: str) -> bytes:
        # Exactly what flask.jsonify writes (its compact separators, sorted keys, newline).
        return f"{self._json.dumps({'error': message}, separators=(',', ':'))}\n".encode()

    def in_front_of(self, flask_app: WSGIApplication) -> WSGIApplication:
        def application(environ: WSGIEnvironment,
                        start_response: StartResponse) -> Iterable[bytes]:
            if environ.get("REQUEST_METHOD") != "POST" or environ.get("PATH_INFO") != "/":
                return flask_app(environ, start_response)
            return self._serve(environ, start_response)

        return application

    def _serve(self, environ: WSGIEnvironment, start_response: StartResponse) -> list[bytes]:
        start = time.perf_counter()
        fields: dict[str, Any] = {}
        status, body = self.answer(environ, fields)
        fields.setdefault("outcome", _outcome(status))
        fields.update(event="request", method="POST", path="/", status=status,
                      latency_ms=round((time.perf_counter() - start) * 1000, 2))
        self._log_line(logging.INFO, fields)
        start_response(f"{status} {HTTP_STATUS_CODES[status].upper()}",
                       [("Content-Type", "application/json"),
                        ("Content-Length", str(len(body)))])
        return [body]


def skill_invoke(skill: SkillApp) -> Invoke:
    """The skill as the endpoint calls it: an envelope the skill refuses (another skill's
    id, malformed) is a 400, and its turn is told in the request's one access-log line."""

    def invoke(envelope: dict[str, Any], log: dict[str, Any]) -> dict[str, Any]:
        try:
            return skill.invoke(envelope, log=log)
        except RequestRejected as error:
            raise VerificationError(str(error)) from error

    return invoke


def serve(app: flask.Flask, host: str, port: int, *, production: bool,
          options: ServerOptions | None = None) -> None:
    """Run ``app`` under waitress in production, else under Flask's development server.

    In production the worker threads are elastic (:mod:`skill.hosts.web.workers`): the
    options' number of them, plus one for each turn waiting on Alexa's APIs meanwhile.
    """
    if production:
        import waitress

        options = options or ServerOptions()
        server = waitress.create_server(app, host=host, port=port, **options.waitress_options())
        workers = ElasticWorkers(server.task_dispatcher, base=options.threads)
        wait_on_calls_with(workers.waiting)
        server.print_listen("Serving on http://{}:{}")
        server.run()
    else:
        app.run(host=host, port=port, debug=False, use_reloader=False)
