"""Load on ``release-coach serve`` over loopback HTTP: throughput, latency, and store outages.

Starts ``release-coach serve --production --insecure-dev`` in a subprocess on a free
loopback port, then N simulated users run full routines (launch, yes, next ... until the
routine is complete) over C keep-alive connections. The same load runs against the
embedded SQLite store, against Amazon's DynamoDB Local (from ``node_modules``, Java 17),
and against a trivial Flask + waitress app that answers every request with one fixed
Alexa response: the floor that the HTTP stack alone costs on this machine.

``--outage`` instead points ``serve`` at a DynamoDB endpoint that is down (nothing
listening) and at one that hangs (accepts connections, never answers), and reports
how long answers took: Alexa gives up on a skill after 8 s.

Run it with ``python -m bench.load [--users N] [--connections C]``; everything is
bounded (client timeouts, a deadline per run) and nothing leaves 127.0.0.1. Numbers are
measured, never asserted: the machine's load average is printed beside them.
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import json
import os
import queue
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a file: make the repository importable
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from skill.hosts.envelopes import LOCAL_SKILL_ID, Device

ROOT = Path(__file__).resolve().parent.parent
STARTUP_SECONDS = 60.0
REQUEST_TIMEOUT_SECONDS = 30.0
ALEXA_DEADLINE_SECONDS = 8.0
TABLE = "release-coach-load"
# The trivial app's users send as many requests as a week-1 routine takes.
TRIVIAL_TURNS = 4
MAX_TURNS = 40
ANSWERS = {"safety_screen": "AMAZON.NoIntent", "feel_check": "FeelingGoodIntent"}

FIXED_RESPONSE = {
    "version": "1.0",
    "sessionAttributes": {},
    "response": {
        "outputSpeech": {"type": "SSML", "ssml": "<speak>Hello from the trivial app.</speak>"},
        "reprompt": {"outputSpeech": {"type": "SSML", "ssml": "<speak>Still there?</speak>"}},
        "shouldEndSession": False,
    },
}


# ------------------------------------------------------------------ servers


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def trivial_server(port: int, threads: int) -> None:
    """The baseline: Flask under waitress, one fixed answer, no skill, no store."""
    import flask
    import waitress

    app = flask.Flask("trivial")
    body = json.dumps(FIXED_RESPONSE)

    @app.post("/")
    def answer() -> flask.Response:
        flask.request.get_data()
        return flask.Response(body, status=200, mimetype="application/json")

    @app.get("/healthz")
    def healthz() -> flask.Response:
        return flask.Response("{}", status=200, mimetype="application/json")

    waitress.serve(app, host="127.0.0.1", port=port, threads=threads, _quiet=True)


class HangingEndpoint:
    """Accepts TCP connections and never answers: DynamoDB hanging, as far as a client knows."""

    def __init__(self) -> None:
        self.listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(1024)
        self.port: int = self.listener.getsockname()[1]
        self.held: list[socket.socket] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        self.listener.settimeout(0.2)
        while not self._stop.is_set():
            try:
                connection, _ = self.listener.accept()
            except (TimeoutError, OSError):
                continue
            self.held.append(connection)

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        for connection in self.held:
            connection.close()
        self.listener.close()


@dataclass
class Process:
    """A server subprocess on a loopback port, with its stderr kept in a file."""

    command: list[str]
    port: int
    env: dict[str, str]
    log: Path
    process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(self.command, env=self.env, cwd=ROOT,
                                            stdout=subprocess.DEVNULL, stderr=log)
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.command[:4]} exited: {self.log.read_text()[-2000:]}")
            try:
                connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=1)
                connection.request("GET", "/healthz")
                if connection.getresponse().status == 200:
                    connection.close()
                    return
            except OSError:
                pass
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"{self.command[:4]} not healthy within {STARTUP_SECONDS} s")

    def cpu_seconds(self) -> float:
        """The server's CPU time so far (user + system), from /proc; 0 where there is none."""
        if self.process is None:
            return 0.0
        try:
            fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return 0.0
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)


def serve_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items()
           if key not in ("SKILL_ID", "LOG_LEVEL", "USER_KEY_SECRET", "AWS_PROFILE")}
    env.update(PYTHONUNBUFFERED="1", **(extra or {}))
    return env


def serve_command(port: int, store_args: Sequence[str], serve_args: Sequence[str]) -> list[str]:
    return [sys.executable, "-m", "skill.hosts.cli", "serve", "--production", "--insecure-dev",
            "--skill-id", LOCAL_SKILL_ID, "--host", "127.0.0.1", "--port", str(port),
            *store_args, *serve_args]


def dynamodb_env(endpoint: str) -> dict[str, str]:
    return {"AWS_ENDPOINT_URL_DYNAMODB": endpoint, "AWS_ACCESS_KEY_ID": "local",
            "AWS_SECRET_ACCESS_KEY": "local", "AWS_REGION": "us-east-1",
            "AWS_DEFAULT_REGION": "us-east-1"}


@contextlib.contextmanager
def dynamodb_local(workdir: Path) -> Iterator[str]:
    """DynamoDB Local from node_modules, with the bench's table; yields its endpoint."""
    from tests.support.dynamodb_local_server import (
        DynamoDBLocalServer,
        Installation,
        find_home,
        find_java,
        installation_problem,
    )

    java, home = find_java(), find_home()
    problem = installation_problem(java, home)
    if problem is not None or java is None or home is None:
        raise RuntimeError(f"DynamoDB Local cannot run: {problem}")
    server = DynamoDBLocalServer(Installation(java, home), workdir / "dynamodb-local")
    server.start()
    try:
        import boto3

        from skill.store.schema import create_table

        client = boto3.client("dynamodb", endpoint_url=server.endpoint, region_name="us-east-1",
                              aws_access_key_id="local", aws_secret_access_key="local")
        create_table(client, TABLE)
        yield server.endpoint
    finally:
        server.stop()


# ------------------------------------------------------------------ load


@dataclass
class Result:
    name: str
    latencies: list[float] = field(default_factory=list)
    errors: Counter = field(default_factory=lambda: Counter())
    seconds: float = 0.0
    completed_routines: int = 0
    save_failed: int = 0
    # The server's own CPU time over the measured run: what a request costs it, whatever
    # else the machine (and the load generator) is doing meanwhile.
    server_cpu_seconds: float = 0.0

    @property
    def cpu_ms_per_request(self) -> float:
        return self.server_cpu_seconds / self.requests * 1000 if self.requests else 0.0

    @property
    def requests(self) -> int:
        return len(self.latencies)

    @property
    def rate(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def percentile(self, fraction: float) -> float:
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] * 1000


class Counter(dict[str, int]):
    def add(self, key: str) -> None:
        self[key] = self.get(key, 0) + 1


class Client:
    """One keep-alive connection, reopened when the server closes it."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.connection: http.client.HTTPConnection | None = None

    def post(self, envelope: dict[str, Any]) -> tuple[int, dict[str, Any] | None, float]:
        body = json.dumps(envelope).encode()
        headers = {"Content-Type": "application/json"}
        for attempt in range(2):
            if self.connection is None:
                self.connection = http.client.HTTPConnection(
                    "127.0.0.1", self.port, timeout=REQUEST_TIMEOUT_SECONDS)
            started = time.perf_counter()
            try:
                self.connection.request("POST", "/", body=body, headers=headers)
                response = self.connection.getresponse()
                data = response.read()
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                self.close()
                if attempt == 0:
                    continue  # a kept-alive socket the server had closed: one retry
                raise
            elapsed = time.perf_counter() - started
            if response.getheader("Connection", "").lower() == "close":
                self.close()
            try:
                parsed = json.loads(data)
            except ValueError:
                parsed = None
            return response.status, parsed if isinstance(parsed, dict) else None, elapsed
        raise AssertionError("unreachable")

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
            self.connection = None


def routine(device: Device, trivial: bool) -> Iterator[dict[str, Any]]:
    """The envelopes of one user's full routine; the device follows the session."""
    if trivial:
        yield device.launch()
        for _ in range(TRIVIAL_TURNS - 1):
            yield device.intent("AMAZON.NextIntent")
        return
    yield device.launch()
    yield device.intent("AMAZON.YesIntent")
    for _ in range(MAX_TURNS):
        if device.session_id is None:
            return
        # As a user would: pass the first-use safety questions, say how it felt, else "next".
        yield device.intent(ANSWERS.get(str(device.attributes.get("mode")),
                                        "AMAZON.NextIntent"))


def _completion_openings() -> list[str]:
    """How each way of saying "routine complete" begins (up to its first placeholder)."""
    from skill.domain.content import phrases_data

    line = phrases_data().get("routine_complete", [])
    variants = line if isinstance(line, list) else [line]
    return [str(variant).split("{")[0].strip() for variant in variants]


COMPLETION_OPENINGS = _completion_openings()


def _completes(body: dict[str, Any]) -> bool:
    ssml = json.dumps(body.get("response", {}), ensure_ascii=False).replace("\u2019", "'")
    return any(opening and opening in ssml for opening in COMPLETION_OPENINGS)


def run_load(name: str, port: int, users: int, connections: int, *, trivial: bool = False,
             deadline_seconds: float = 600.0, first_user: int = 0, rounds: int = 1) -> Result:
    result = Result(name)
    lock = threading.Lock()
    todo: queue.SimpleQueue[int] = queue.SimpleQueue()
    # Each round is every user once more, so a user's routines never overlap in time.
    for _ in range(rounds):
        for n in range(first_user, first_user + users):
            todo.put(n)
    stop_at = time.monotonic() + deadline_seconds

    def worker() -> None:
        client = Client(port)
        try:
            while time.monotonic() < stop_at:
                try:
                    n = todo.get_nowait()
                except queue.Empty:
                    return
                device = Device(user_id=f"amzn1.ask.account.LOAD-{n:06d}",
                                device_id=f"amzn1.ask.device.LOAD-{n:06d}")
                for envelope in routine(device, trivial):
                    try:
                        status, body, elapsed = client.post(envelope)
                    except (OSError, http.client.HTTPException) as error:
                        with lock:
                            result.errors.add(type(error).__name__)
                        client.close()
                        break
                    with lock:
                        result.latencies.append(elapsed)
                        if status != 200 or body is None:
                            result.errors.add(f"HTTP {status}")
                        elif "couldn" in json.dumps(body.get("response", {})).lower():
                            result.save_failed += 1
                    if status != 200 or body is None:
                        break
                    if not trivial:
                        device.take(body)
                        if _completes(body):
                            with lock:
                                result.completed_routines += 1
        finally:
            client.close()

    threads = [threading.Thread(target=worker, daemon=True) for _ in range(connections)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=max(1.0, stop_at - time.monotonic() + REQUEST_TIMEOUT_SECONDS))
    result.seconds = time.perf_counter() - started
    return result


def load_note() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.2f} (1 min), {five:.2f} (5 min) on {os.cpu_count()} cores"


# ------------------------------------------------------------------ runs


def throughput(args: argparse.Namespace, workdir: Path) -> list[Result]:
    results: list[Result] = []
    serve_args = list(args.serve_arg or [])
    targets = args.targets.split(",")

    def measure(name: str, command: list[str], env: dict[str, str], trivial: bool) -> None:
        port = int(command[command.index("--port") + 1]) if "--port" in command else 0
        process = Process(command, port, env, workdir / f"{name.replace(' ', '-')}.log")
        process.start()
        try:
            # A short warm-up so that imports and first connections are not measured.
            run_load(name, port, min(args.connections, args.users), args.connections,
                     trivial=trivial, first_user=10**5)
            cpu_before = process.cpu_seconds()
            result = run_load(name, port, args.users, args.connections, trivial=trivial,
                              rounds=args.rounds)
            result.server_cpu_seconds = process.cpu_seconds() - cpu_before
            results.append(result)
            print(f"  {name}: {result.requests} requests in {result.seconds:.1f} s; "
                  f"{load_note()}", file=sys.stderr)
        finally:
            process.stop()

    if "trivial" in targets:
        port = free_port()
        measure("trivial flask+waitress",
                [sys.executable, "-m", "bench.load", "--trivial-server", str(port),
                 "--port", str(port)], serve_env(), trivial=True)
    if "sqlite" in targets:
        port = free_port()
        measure("serve, sqlite", serve_command(
            port, ["--store", str(workdir / "load.sqlite3")], serve_args), serve_env(), False)
    if "dynamodb-local" in targets:
        with dynamodb_local(workdir) as endpoint:
            port = free_port()
            measure("serve, dynamodb local", serve_command(
                port, ["--dynamodb-table", TABLE], serve_args),
                serve_env(dynamodb_env(endpoint)), False)
    return results


def outage(args: argparse.Namespace, workdir: Path) -> list[Result]:
    results: list[Result] = []
    serve_args = list(args.serve_arg or [])
    hanging = HangingEndpoint()
    try:
        for name, endpoint in (("dynamodb down", f"http://127.0.0.1:{free_port()}"),
                               ("dynamodb hangs", f"http://127.0.0.1:{hanging.port}")):
            port = free_port()
            process = Process(serve_command(port, ["--dynamodb-table", TABLE], serve_args),
                              port, serve_env(dynamodb_env(endpoint)),
                              workdir / f"{name.replace(' ', '-')}.log")
            process.start()
            try:
                result = run_load(name, port, args.users, args.connections,
                                  deadline_seconds=args.outage_seconds)
                results.append(result)
                print(f"  {name}: {result.requests} requests in {result.seconds:.1f} s; "
                      f"{load_note()}", file=sys.stderr)
            finally:
                process.stop()
    finally:
        hanging.close()
    return results


def table(results: list[Result], baseline: Result | None) -> str:
    lines = [f"{'run':<24} {'requests':>8} {'errors':>6} {'req/s':>8} {'p50 ms':>8} "
             f"{'p95 ms':>8} {'p99 ms':>8} {'max ms':>8} {'>8 s':>5} {'x trivial':>9} "
             f"{'cpu ms/req':>10} {'x cpu':>6}"]
    for result in results:
        over = sum(1 for latency in result.latencies if latency > ALEXA_DEADLINE_SECONDS)
        ratio = (f"{baseline.rate / result.rate:.2f}"
                 if baseline is not None and result.rate and result is not baseline else "")
        maximum = max(result.latencies) * 1000 if result.latencies else float("nan")
        cpu_ratio = (f"{result.cpu_ms_per_request / baseline.cpu_ms_per_request:.2f}"
                     if baseline is not None and baseline.cpu_ms_per_request
                     and result is not baseline else "")
        lines.append(
            f"{result.name:<24} {result.requests:>8} {sum(result.errors.values()):>6} "
            f"{result.rate:>8.1f} {result.percentile(0.50):>8.1f} {result.percentile(0.95):>8.1f} "
            f"{result.percentile(0.99):>8.1f} {maximum:>8.1f} {over:>5} {ratio:>9} "
            f"{result.cpu_ms_per_request:>10.2f} {cpu_ratio:>6}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.load", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--connections", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=5,
                        help="routines per user (each in a new session)")
    parser.add_argument("--targets", default="trivial,sqlite,dynamodb-local",
                        help="comma-separated: trivial, sqlite, dynamodb-local")
    parser.add_argument("--outage", action="store_true",
                        help="measure answers while DynamoDB is down and while it hangs")
    parser.add_argument("--outage-seconds", type=float, default=60.0,
                        help="stop each outage run after this long")
    parser.add_argument("--serve-arg", action="append", metavar="ARG",
                        help="extra argument for `release-coach serve` (repeatable)")
    parser.add_argument("--threads", type=int, default=4, help="the trivial app's threads")
    parser.add_argument("--trivial-server", type=int, metavar="PORT", help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.trivial_server:
        trivial_server(args.trivial_server, args.threads)
        return 0

    print(f"{args.users} users, {args.connections} connections; {load_note()}",
          file=sys.stderr)
    with tempfile.TemporaryDirectory(prefix="release-coach-load-") as tmp:
        workdir = Path(tmp)
        if args.outage:
            results = outage(args, workdir)
            print(table(results, None))
        else:
            results = throughput(args, workdir)
            baseline = next((r for r in results if r.name.startswith("trivial")), None)
            print(table(results, baseline))
        for result in results:
            if result.errors:
                print(f"{result.name}: errors {dict(result.errors)}", file=sys.stderr)
            if result.completed_routines or result.save_failed:
                print(f"{result.name}: {result.completed_routines} routines completed, "
                      f"{result.save_failed} answers said progress was not saved",
                      file=sys.stderr)
    print(load_note(), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
