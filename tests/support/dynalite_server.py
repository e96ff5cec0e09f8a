"""A dynalite process (DynamoDB on LevelDB, from ./node_modules) for the store tests.

dynalite is installed by ``npm ci`` at the repository root. Without it the
tests skip locally, but fail under ``CI=true``: CI must never silently skip them.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
CLI = ROOT / "node_modules" / "dynalite" / "cli.js"
START_TIMEOUT_SECONDS = 15.0


def require_dynalite() -> str:
    """The node executable, or a skip (locally) / failure (in CI) saying what is missing."""
    node = shutil.which("node")
    problem = None
    if node is None:
        problem = "node is not on PATH"
    elif not CLI.is_file():
        problem = f"{CLI.relative_to(ROOT)} is missing: run `npm ci` at the repository root"
    if problem is None:
        assert node is not None
        return node
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"dynalite tests cannot run: {problem}", pytrace=False)
    pytest.skip(f"dynalite tests skipped: {problem}")


def stop_process(process: subprocess.Popen[Any]) -> None:
    """Ask a server process to stop, and kill it if it does not within ten seconds."""
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


class DynaliteServer:
    """One dynalite process on a loopback port, persisting to ``path``; restartable."""

    def __init__(self, node: str, path: Path, port: int | None = None) -> None:
        self.node = node
        self.path = path
        self.port = port or free_port()
        self.process: subprocess.Popen[bytes] | None = None
        self.log = path.parent / f"dynalite-{self.port}.log"

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        self.path.mkdir(parents=True, exist_ok=True)
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                [self.node, str(CLI), "--host", "127.0.0.1", "--port", str(self.port),
                 "--path", str(self.path), "--createTableMs", "0", "--deleteTableMs", "0"],
                stdout=log, stderr=subprocess.STDOUT, cwd=ROOT)
        deadline = time.monotonic() + START_TIMEOUT_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"dynalite exited early: {self.log.read_text()[-2000:]}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                    return
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"dynalite did not listen on {self.endpoint} in time")

    def stop(self) -> None:
        if self.process is None:
            return
        stop_process(self.process)
        self.process = None

    def restart(self) -> None:
        """Stop and start again on the same port and data directory."""
        self.stop()
        self.start()


def point_dynamodb_at(monkeypatch: pytest.MonkeyPatch, endpoint: str, access_key: str) -> None:
    """Aim every DynamoDB client made from the environment at a local server, as Lambda would."""
    for name in ("AWS_ENDPOINT_URL", "AWS_PROFILE", "AWS_SESSION_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_ENDPOINT_URL_DYNAMODB", endpoint)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", access_key)
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", access_key)
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    monkeypatch.setenv("AWS_REGION", "us-east-1")


def client_for(server: Any) -> Any:
    """A new client configured only through the environment, as in Lambda."""
    from skill.store.dynamodb import make_client

    client = make_client()
    assert client.meta.endpoint_url == server.endpoint
    return client


@contextmanager
def dynalite(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[DynaliteServer]:
    """A running server, with the environment pointing the DynamoDB client at it."""
    server = DynaliteServer(require_dynalite(), tmp_path / "dynalite-data")
    point_dynamodb_at(monkeypatch, server.endpoint, "dynalite")
    server.start()
    try:
        yield server
    finally:
        server.stop()

