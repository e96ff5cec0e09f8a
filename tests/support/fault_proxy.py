"""A loopback HTTP proxy in front of a DynamoDB-protocol server that injects faults.

The store talks to the proxy as it would to DynamoDB; the proxy passes each request
on to the real server (DynamoDB Local) unless a fault is due for that operation
(read from the ``X-Amz-Target`` header). Faults are what DynamoDB and the network do:

* ``throttle``: 400 ``ThrottlingException``, the request never applied;
* ``server_error``: 500 ``InternalServerError``, the request never applied here (on
  DynamoDB it may or may not have been);
* ``lose_reply``: the request goes through and is applied, then the connection is
  closed before the answer: the client cannot know whether it was stored;
* ``refuse``: the connection is closed before the request is passed on.

Each :class:`Fault` hits the ``times`` matching requests after the first ``skip``.
"""

from __future__ import annotations

import http.client
import json
import socket
import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

KINDS = ("throttle", "server_error", "lose_reply", "refuse")
_ERRORS = {
    "throttle": (400, "com.amazonaws.dynamodb.v20120810#ThrottlingException",
                 "Rate of requests exceeds the allowed throughput."),
    "server_error": (500, "com.amazon.coral.service#InternalServerError",
                     "The server encountered an internal error trying to fulfill the request."),
}


@dataclass
class Fault:
    operation: str  # "GetItem", "TransactWriteItems", ... or "*" for every operation
    kind: str
    times: int = 1_000_000
    skip: int = 0
    seen: int = 0

    def due(self, operation: str) -> bool:
        if self.operation not in ("*", operation):
            return False
        self.seen += 1
        return self.skip < self.seen <= self.skip + self.times


class FaultProxy:
    """The proxy's state: the faults to inject, and what it did."""

    def __init__(self, upstream: str) -> None:
        parts = urlsplit(upstream)
        self.upstream = (parts.hostname or "127.0.0.1", parts.port or 80)
        self.faults: list[Fault] = []
        self.injected: Counter[str] = Counter()
        self.passed: Counter[str] = Counter()
        self._lock = threading.Lock()
        self.endpoint = ""

    def inject(self, operation: str, kind: str, *, times: int = 1_000_000,
               skip: int = 0) -> Fault:
        assert kind in KINDS, kind
        fault = Fault(operation, kind, times, skip)
        with self._lock:
            self.faults.append(fault)
        return fault

    def clear(self) -> None:
        with self._lock:
            self.faults.clear()

    def fault_for(self, operation: str) -> str | None:
        with self._lock:
            for fault in self.faults:
                if fault.due(operation):
                    self.injected[f"{operation}:{fault.kind}"] += 1
                    return fault.kind
            self.passed[operation] += 1
            return None


def _handler(proxy: FaultProxy) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            target = self.headers.get("X-Amz-Target", "")
            operation = target.rpartition(".")[2]
            kind = proxy.fault_for(operation)
            if kind == "refuse":
                self._drop()
                return
            if kind in _ERRORS:
                status, code, message = _ERRORS[kind]
                self._answer(status, {"Content-Type": "application/x-amz-json-1.0"},
                             json.dumps({"__type": code, "message": message}).encode())
                return
            status, headers, answer = self._forward(body)
            if kind == "lose_reply":
                self._drop()  # applied upstream; the answer never arrives
                return
            self._answer(status, headers, answer)

        def _forward(self, body: bytes) -> tuple[int, dict[str, str], bytes]:
            connection = http.client.HTTPConnection(*proxy.upstream, timeout=30)
            try:
                headers = {key: value for key, value in self.headers.items()
                           if key.lower() not in ("host", "connection")}
                connection.request("POST", self.path, body=body, headers=headers)
                response = connection.getresponse()
                answer = response.read()
                kept = {key: value for key, value in response.getheaders()
                        if key.lower() not in ("content-length", "connection",
                                               "transfer-encoding")}
                return response.status, kept, answer
            finally:
                connection.close()

        def _answer(self, status: int, headers: dict[str, str], body: bytes) -> None:
            self.send_response(status)
            for key, value in headers.items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _drop(self) -> None:
            self.close_connection = True
            with suppress(OSError):
                self.connection.shutdown(socket.SHUT_RDWR)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    return Handler


@contextmanager
def fault_proxy(upstream: str) -> Iterator[FaultProxy]:
    """A proxy on a free loopback port in front of ``upstream`` (``http://host:port``)."""
    proxy = FaultProxy(upstream)
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(proxy))
    server.daemon_threads = True
    proxy.endpoint = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield proxy
    finally:
        server.shutdown()
        server.server_close()
