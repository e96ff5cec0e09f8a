"""Loopback stand-ins for Alexa's own APIs, served over HTTPS the way the SDK insists on.

:class:`RemindersApi` answers the Reminders API (``/v1/alerts/reminders``) with the
request and response shapes of Amazon's Alexa Reminders API reference, and the settings
API's ``System.timeZone`` so that reminders are made in the device's zone. Nothing here
reaches Amazon: the skill is pointed at it through ``context.System.apiEndpoint``.
"""

from __future__ import annotations

import ipaddress
import json
import ssl
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

from skill.alexa.reminders import REMINDERS_SCOPE
from skill.hosts.envelopes import Device

API_TOKEN = "test-token"
REMINDERS_PATH = "/v1/alerts/reminders"

# Error bodies as the Reminders API reference lists them, by HTTP status.
ERRORS = {
    400: ("INVALID_ALERT_INFO", "Alert info is invalid"),
    401: ("UNAUTHORIZED", "The user has not granted the reminders permission"),
    403: ("FORBIDDEN", "The skill is not allowed to act on the user's reminders"),
    404: ("NOT_FOUND", "Reminder not found"),
    429: ("RATE_EXCEEDED", "The skill has exceeded its rate limit"),
    500: ("INTERNAL_SERVER_ERROR", "Internal server error"),
    503: ("SERVICE_UNAVAILABLE", "Service unavailable"),
}


@cache
def _loopback_cert_pem() -> tuple[bytes, bytes]:
    """One key and certificate per test process: an RSA key takes a tenth of a second."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.now(UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(days=1)).not_valid_after(now + timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName(
                [x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    return (cert.public_bytes(serialization.Encoding.PEM),
            key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                              serialization.NoEncryption()))


def self_signed_loopback_cert(directory: Path) -> tuple[Path, Path]:
    cert, key = _loopback_cert_pem()
    cert_path, key_path = directory / "api.pem", directory / "api.key"
    cert_path.write_bytes(cert)
    key_path.write_bytes(key)
    return cert_path, key_path


@contextmanager
def serve_https(handler: type[BaseHTTPRequestHandler], directory: Path) -> Iterator[
        tuple[str, Path]]:
    """Serve ``handler`` on a free loopback port over TLS; yields the URL and the CA file."""
    cert, key = self_signed_loopback_cert(directory)
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    # A short poll, so that shutting the stand-in down after each test takes no half second.
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.005},
                              daemon=True)
    thread.start()
    try:
        yield f"https://127.0.0.1:{server.server_address[1]}", cert
    finally:
        server.shutdown()
        server.server_close()


class RemindersApi(BaseHTTPRequestHandler):
    """Alexa's Reminders API (and the settings API's time zone) on loopback."""

    zone: ClassVar[str] = "America/New_York"
    reminders: ClassVar[dict[str, dict[str, Any]]] = {}
    calls: ClassVar[list[tuple[str, str, dict[str, Any] | None]]] = []
    fail_with: ClassVar[int | None] = None  # answer every reminders call with this status
    # Seconds the settings API takes to answer: a slow network, as far as the skill knows.
    zone_delay: ClassVar[float] = 0.0

    @classmethod
    def reset(cls) -> None:
        cls.zone = "America/New_York"
        cls.reminders = {}
        cls.calls = []
        cls.fail_with = None
        cls.zone_delay = 0.0

    @classmethod
    def reminder_calls(cls) -> list[tuple[str, str, dict[str, Any] | None]]:
        return [call for call in cls.calls if call[1].startswith(REMINDERS_PATH)]

    # ------------------------------------------------------------ HTTP

    def _send(self, status: int, body: Any = None) -> None:
        data = b"" if body is None else json.dumps(body).encode()
        self.send_response(status)
        if body is not None:
            self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _error(self, status: int) -> None:
        code, message = ERRORS[status]
        self._send(status, {"code": code, "message": message})

    def _body(self) -> dict[str, Any] | None:
        length = int(self.headers.get("Content-Length") or 0)
        if not length:
            return None
        parsed: dict[str, Any] = json.loads(self.rfile.read(length))
        return parsed

    def _handle(self, method: str) -> None:
        body = self._body()
        type(self).calls.append((method, self.path, body))
        if self.headers.get("Authorization") != f"Bearer {API_TOKEN}":
            self._error(401)
            return
        if self.path.endswith("/settings/System.timeZone") and method == "GET":
            time.sleep(self.zone_delay)
            self._send(200, self.zone)
            return
        if not self.path.startswith(REMINDERS_PATH):
            self._error(404)
            return
        if self.fail_with is not None:
            self._error(self.fail_with)
            return
        token = self.path[len(REMINDERS_PATH):].strip("/")
        now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")
        stored = type(self).reminders
        if method == "POST" and not token and body is not None:
            token = str(uuid.uuid4())
            stored[token] = {"request": body, "createdTime": now, "version": 1}
            self._send(200, self._summary(token))
        elif token not in stored:
            self._error(404)
        elif method == "GET":
            item = stored[token]
            self._send(200, {**self._summary(token), "trigger": item["request"]["trigger"],
                             "alertInfo": item["request"]["alertInfo"],
                             "pushNotification": item["request"]["pushNotification"]})
        elif method == "PUT" and body is not None:
            stored[token] = {"request": body, "createdTime": stored[token]["createdTime"],
                             "version": stored[token]["version"] + 1}
            self._send(200, self._summary(token))
        elif method == "DELETE":
            del stored[token]
            self._send(200)
        else:
            self._error(400)

    def _summary(self, token: str) -> dict[str, Any]:
        item = type(self).reminders[token]
        now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")
        return {"alertToken": token, "createdTime": item["createdTime"], "updatedTime": now,
                "status": "ON", "version": str(item["version"]),
                "href": f"{REMINDERS_PATH}/{token}"}

    def do_GET(self) -> None:
        self._handle("GET")

    def do_POST(self) -> None:
        self._handle("POST")

    def do_PUT(self) -> None:
        self._handle("PUT")

    def do_DELETE(self) -> None:
        self._handle("DELETE")

    def log_message(self, format: str, *args: Any) -> None:
        pass


@dataclass
class GrantedEcho(Device):
    """An Echo whose requests carry the API endpoint and the reminders grant, as a real
    device's do once reminders are allowed (the week tests of each language use it)."""

    endpoint: str = ""

    def envelope(self, request: dict[str, Any], *, in_session: bool = True) -> dict[str, Any]:
        body = super().envelope(request, in_session=in_session)
        system = body["context"]["System"]
        system["apiEndpoint"] = self.endpoint
        system["apiAccessToken"] = API_TOKEN
        system["user"]["permissions"] = {
            "consentToken": "consent-token", "scopes": {REMINDERS_SCOPE: {"status": "GRANTED"}}}
        return body
