"""`release-coach serve`: the real CLI in a subprocess, and secure mode in-process.

The subprocess tests start the command exactly as a developer would, on a free loopback
port, and talk HTTP to it. The secure-mode test wires the same pieces as ``serve`` does,
but with a throwaway certificate authority and a fake clock, so signatures are really
checked without touching the network.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from conftest import alexa_limit_problems
from flask.testing import FlaskClient

from bench.load import HangingEndpoint
from skill.alexa.app import build_app
from skill.domain.content import phrase
from skill.domain.ssml import spoken_text
from skill.hosts.envelopes import LOCAL_SKILL_ID, Device
from skill.hosts.web.app import create_app, skill_invoke
from skill.hosts.web.verifier import build_verifiers
from skill.store.sqlite import SqliteStore
from tests.support.alexa_api import GrantedEcho, RemindersApi, serve_https
from tests.support.certs import (
    CERT_URL,
    NOW,
    FakeClock,
    FakeFetcher,
    good_chain,
    root_ca,
    signed_headers,
)
from tests.support.dynalite_server import free_port, stop_process

STARTUP_TIMEOUT = 20.0
OTHER_SKILL_ID = "amzn1.ask.skill.12345678-1234-1234-1234-123456789012"

# --------------------------------------------------------------------------- the subprocess


def cli_env(tmp_path: Path) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items()
           if key not in ("SKILL_ID", "LOG_LEVEL", "USER_KEY_SECRET")}
    env.update(PYTHONUNBUFFERED="1", XDG_DATA_HOME=str(tmp_path / "xdg"))
    return env


def run_cli(tmp_path: Path, *args: str, **kwargs: Any) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "skill.hosts.cli", *args], env=cli_env(tmp_path),
                          capture_output=True, text=True, timeout=60, **kwargs)


class Server:
    """A ``release-coach serve`` process, its port, and where its stderr goes."""

    def __init__(self, tmp_path: Path, *extra: str, env: dict[str, str] | None = None) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.stderr_path = tmp_path / f"serve-{self.port}.stderr"
        self._stderr = self.stderr_path.open("w")
        self.software = ""
        self.process = subprocess.Popen(
            [sys.executable, "-m", "skill.hosts.cli", "serve", "--insecure-dev",
             "--skill-id", LOCAL_SKILL_ID, "--host", "127.0.0.1", "--port", str(self.port),
             "--store", str(tmp_path / "s.sqlite3"), *extra],
            env={**cli_env(tmp_path), **(env or {})}, stdout=subprocess.DEVNULL,
            stderr=self._stderr)

    def stderr(self) -> str:
        return self.stderr_path.read_text()

    def wait_healthy(self) -> None:
        deadline = time.monotonic() + STARTUP_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"serve exited with {self.process.returncode}:\n{self.stderr()}")
            try:
                with urllib.request.urlopen(f"{self.base}/healthz", timeout=1) as response:
                    if response.status == 200:
                        self.software = response.headers.get("Server", "")
                        return
            except OSError:
                pass
            time.sleep(0.1)
        pytest.fail(f"serve was not healthy within {STARTUP_TIMEOUT} s:\n{self.stderr()}")

    def post(self, body: bytes, content_type: str = "application/json",
             timeout: float = 10) -> tuple[int, Any]:
        request = urllib.request.Request(self.base + "/", data=body, method="POST",
                                         headers={"Content-Type": content_type})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return response.status, json.loads(response.read())
        except urllib.error.HTTPError as error:
            with error:
                return error.code, json.loads(error.read())

    def stop(self) -> None:
        stop_process(self.process)
        self._stderr.close()


@pytest.fixture(params=["werkzeug", "waitress"])
def server(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Server]:
    running = Server(tmp_path, *(["--production"] if request.param == "waitress" else []))
    try:
        running.wait_healthy()
        assert request.param in running.software.lower(), running.software
        yield running
    finally:
        running.stop()


def speech(response: dict[str, Any]) -> str:
    return spoken_text(response["response"]["outputSpeech"]["ssml"])


def test_serve_refuses_to_start_without_skill_id_or_insecure_dev(tmp_path: Path) -> None:
    result = run_cli(tmp_path, "serve", "--port", str(free_port()),
                     "--store", str(tmp_path / "s.sqlite3"))
    assert result.returncode != 0
    assert "--skill-id is required" in result.stderr
    assert not (tmp_path / "s.sqlite3").exists()


def test_serve_insecure_dev_answers_this_skill_only(server: Server) -> None:
    status, body = server.post(json.dumps(Device().launch()).encode())
    assert status == 200, body
    assert alexa_limit_problems(body) == []
    assert "Welcome to Release Coach" in speech(body)

    foreign = Device(application_id=OTHER_SKILL_ID).launch()
    status, body = server.post(json.dumps(foreign).encode())
    assert status == 400
    assert "application id" in body["error"]

    status, body = server.post(b"{not json")
    assert status == 400 and "error" in body

    server.stop()
    stderr = server.stderr()
    assert "WARNING: --insecure-dev" in stderr
    assert "NOT checked" in stderr
    assert "INSECURE DEV MODE" in stderr
    json_lines = []
    for line in stderr.splitlines():
        try:
            parsed = json.loads(line)
        except ValueError:
            continue
        if isinstance(parsed, dict):
            json_lines.append(parsed)
    # The startup warning, and for each POST one access log line, the turn's facts in it.
    assert len(json_lines) >= 4, stderr
    assert all(line.get("insecure_dev") is True for line in json_lines), stderr
    requests = [line for line in json_lines if line.get("event") == "request"]
    assert [line.get("outcome") for line in requests] == ["ok", "rejected", "rejected"], stderr
    skill_lines = [line for line in json_lines
                   if str(line.get("logger")).startswith("release_coach")]
    assert len(skill_lines) == len(requests) + 1, stderr  # and the startup warning
    launch, foreign_line, not_json = requests
    assert launch["request_type"] == "LaunchRequest"
    assert launch["turn"]["outcome"] == "ok" and launch["turn"]["store_reads"] == 1
    # Refused before the skill: another skill's id, and a body that is not JSON.
    assert "turn" not in foreign_line and "turn" not in not_json
    assert "Traceback" not in stderr


# --------------------------------------------------------------------------- secure, in-process


@pytest.fixture
def secure_client(tmp_path: Path) -> Iterator[FlaskClient]:
    """What ``serve`` builds without --insecure-dev, around a throwaway CA and a fake clock."""
    store = SqliteStore(tmp_path / "secure.sqlite3")
    skill = build_app(store, skill_id=LOCAL_SKILL_ID)

    _, pem = good_chain()
    verifiers = build_verifiers(LOCAL_SKILL_ID, insecure_dev=False,
                                fetcher=FakeFetcher({CERT_URL: pem}),
                                trust_roots=[root_ca().cert], clock=FakeClock(NOW))
    yield create_app(skill_invoke(skill), verifiers).test_client()
    store.close()


def post_signed(client: FlaskClient, body: bytes, signed_body: bytes | None = None) -> Any:
    leaf, _ = good_chain()
    headers = signed_headers(leaf.key, body if signed_body is None else signed_body)
    return client.post("/", data=body, content_type="application/json", headers=headers)


def test_secure_mode_answers_a_signed_request(secure_client: FlaskClient) -> None:
    body = json.dumps(Device().launch(now=NOW)).encode()
    response = post_signed(secure_client, body)
    assert response.status_code == 200, response.get_data()
    payload = response.get_json()
    assert alexa_limit_problems(payload) == []
    assert "Welcome to Release Coach" in speech(payload)


def test_secure_mode_rejects_a_tampered_body(secure_client: FlaskClient) -> None:
    body = json.dumps(Device().launch(now=NOW)).encode()
    position = body.index(b"LaunchRequest")
    tampered = body[:position] + b"l" + body[position + 1:]
    response = post_signed(secure_client, tampered, signed_body=body)
    assert response.status_code == 400
    assert "signature" in response.get_json()["error"]


def test_secure_mode_rejects_a_stale_request(secure_client: FlaskClient) -> None:
    body = json.dumps(Device().launch(now=NOW - timedelta(minutes=10))).encode()
    response = post_signed(secure_client, body)
    assert response.status_code == 400
    assert "timestamp" in response.get_json()["error"]


def test_secure_mode_rejects_another_skill(secure_client: FlaskClient) -> None:
    body = json.dumps(Device(application_id=OTHER_SKILL_ID).launch(now=NOW)).encode()
    response = post_signed(secure_client, body)
    assert response.status_code == 400
    assert "application id" in response.get_json()["error"]


# --------------------------------------------------------------------------- load and faults


def json_log_lines(stderr: str) -> tuple[list[dict[str, Any]], list[str]]:
    """The log's JSON objects, and every line that is not one."""
    parsed: list[dict[str, Any]] = []
    other: list[str] = []
    for line in stderr.splitlines():
        try:
            entry = json.loads(line)
        except ValueError:
            other.append(line)
            continue
        if isinstance(entry, dict):
            parsed.append(entry)
        else:
            other.append(line)
    return parsed, other


# The one plain line: printed before logging starts, for the person at the terminal.
BANNER = "WARNING: --insecure-dev"


def hold_connections(port: int, count: int) -> list[socket.socket]:
    """``count`` connections: half idle, half a request that never finishes its headers."""
    held: list[socket.socket] = []
    for n in range(count):
        sock = socket.create_connection(("127.0.0.1", port), timeout=5)
        if n % 2:
            sock.sendall(b"POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: app")
        held.append(sock)
    return held


def test_idle_and_slow_connections_do_not_stop_the_server(tmp_path: Path) -> None:
    # Before: waitress's default limit of 100 connections; the 101st client waited forever.
    server = Server(tmp_path, "--production")
    held: list[socket.socket] = []
    try:
        server.wait_healthy()
        held = hold_connections(server.port, 200)
        status, body = server.post(json.dumps(Device().launch()).encode(), timeout=8)
        assert status == 200, body
        assert "Welcome to Release Coach" in speech(body)
    finally:
        for sock in held:
            sock.close()
        server.stop()


def test_idle_connections_are_closed_after_the_channel_timeout(tmp_path: Path) -> None:
    server = Server(tmp_path, "--production", "--channel-timeout", "2")
    held: list[socket.socket] = []
    try:
        server.wait_healthy()
        held = hold_connections(server.port, 4)
        for sock in held:  # checked every second: well within 15 s
            sock.settimeout(15)
            assert sock.recv(1) == b""
    finally:
        for sock in held:
            sock.close()
        server.stop()


def test_every_log_line_is_json_waitress_included(tmp_path: Path) -> None:
    # One thread, so that concurrent requests queue and waitress says so.
    server = Server(tmp_path, "--production", "--threads", "1")
    try:
        server.wait_healthy()
        with ThreadPoolExecutor(8) as pool:
            results = list(pool.map(
                lambda _: server.post(json.dumps(Device().launch()).encode()), range(24)))
        assert all(status == 200 for status, _ in results)
    finally:
        server.stop()
    lines, other = json_log_lines(server.stderr())
    assert [line for line in other if not line.startswith(BANNER)] == []
    assert any(line.get("logger") == "waitress" and "Serving on" in line.get("message", "")
               for line in lines), server.stderr()
    assert sum(1 for line in lines if line.get("event") == "request") == 24


def test_a_turn_waiting_on_alexas_api_holds_no_one_else_back(tmp_path: Path) -> None:
    """One worker thread runs the turns (issue 17: more cost a third more CPU a request),
    and a turn waiting on Alexa's settings API lends its place meanwhile."""
    RemindersApi.reset()
    RemindersApi.zone_delay = 2.0
    with serve_https(RemindersApi, tmp_path) as (url, cert):
        server = Server(tmp_path, "--production", env={"REQUESTS_CA_BUNDLE": str(cert)})
        try:
            server.wait_healthy()
            waiting = GrantedEcho(user_id="amzn1.ask.account.WAITS", endpoint=url)
            with ThreadPoolExecutor(1) as pool:
                started = time.monotonic()
                slow = pool.submit(server.post, json.dumps(waiting.launch()).encode())
                while not any(call[1].endswith("System.timeZone")
                              for call in RemindersApi.calls):
                    assert time.monotonic() - started < 10, "the settings API was never asked"
                    time.sleep(0.01)
                # The first user's turn now waits on the network for two seconds.
                others = [Device(user_id=f"amzn1.ask.account.OTHER-{n}") for n in range(3)]
                for other in others:
                    asked = time.monotonic()
                    status, body = server.post(json.dumps(other.launch()).encode())
                    assert status == 200 and "Welcome" in speech(body)
                    assert time.monotonic() - asked < 1.0
                assert not slow.done()
                status, body = slow.result(timeout=10)
            assert status == 200 and "Welcome" in speech(body)
            assert body["sessionAttributes"]["zone"] == "America/New_York"
        finally:
            server.stop()
    assert "WAITS" not in server.stderr()


def outage_env(endpoint: str) -> dict[str, str]:
    return {"AWS_ENDPOINT_URL_DYNAMODB": endpoint, "AWS_ACCESS_KEY_ID": "outage",
            "AWS_SECRET_ACCESS_KEY": "outage", "AWS_REGION": "us-east-1",
            "AWS_DEFAULT_REGION": "us-east-1"}


@pytest.mark.parametrize("fault", ["down", "hangs"])
def test_store_outage_under_20_connections_every_answer_within_8_s(tmp_path: Path,
                                                                   fault: str) -> None:
    """20 Echos mid-routine while DynamoDB is down (refusing) or hanging (never answering).

    Before: every turn waited out the store's retry budget (2.4 s down, 4.1 s hanging) on
    one of four threads, so answers queued to 11 s and 20 s.
    """
    hanging = HangingEndpoint()
    endpoint = (f"http://127.0.0.1:{hanging.port}" if fault == "hangs"
                else f"http://127.0.0.1:{free_port()}")
    server = Server(tmp_path, "--production", "--dynamodb-table", "release-coach",
                    env=outage_env(endpoint))
    latencies: list[float] = []
    answers: list[str] = []
    lock = threading.Lock()

    def echo(n: int) -> None:
        device = Device(user_id=f"amzn1.ask.account.OUTAGE-{n}")
        # Launch, accept, pass the safety questions (the routine starts: a write), next.
        envelopes: list[Callable[[], dict[str, Any]]] = [
            device.launch, lambda: device.intent("AMAZON.YesIntent"),
            lambda: device.intent("AMAZON.NoIntent"),
            lambda: device.intent("AMAZON.NextIntent")]
        for make in envelopes:
            started = time.monotonic()
            status, body = server.post(json.dumps(make()).encode(), timeout=30)
            elapsed = time.monotonic() - started
            assert status == 200, body
            device.take(body)
            with lock:
                latencies.append(elapsed)
                answers.append(speech(body))

    try:
        server.wait_healthy()
        with ThreadPoolExecutor(20) as pool:
            for future in [pool.submit(echo, n) for n in range(20)]:
                future.result(timeout=120)
    finally:
        server.stop()
        hanging.close()
    assert len(latencies) == 80
    assert max(latencies) < 8.0, sorted(latencies)[-5:]
    # The routine goes on, and says its progress was not saved.
    saved_failed = [a for a in answers if phrase("save_failed") in a]
    assert len(saved_failed) >= 40
    assert "OUTAGE-" not in server.stderr()
