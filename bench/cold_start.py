"""Cold start of the Lambda handler beside a bare ASK SDK skill, in fresh processes.

Usage::

    python -m bench.cold_start                 # this checkout, 15 runs of each
    python -m bench.cold_start --root DIR      # another checkout (say, main) for comparison
    python -m bench.cold_start --runs 30
    python -m bench.cold_start --source        # the skill without byte code
    python -m bench.cold_start --locale es-MX  # the launch from a Spanish device

Each run is a new Python process that does what the Lambda runtime does: put
``lambda/`` and the code's root on ``sys.path``, import ``lambda_function``, then call
``lambda_handler`` with a LaunchRequest, with ``TABLE_NAME`` set as in AWS. The skill's
``skill/`` and ``lambda/`` are copied to a scratch directory first and, as in the artifact
(``infra/build_lambda.py``), compiled to byte code that is used without checking the
source; ``--source`` measures them without byte code, as the artifact was before issue 17
(every cold start compiling what it imports). Nothing is ever written beside the modules
during a run (``PYTHONDONTWRITEBYTECODE``), as on Lambda's read-only ``/var/task``.
Beside it, the floor: a bare ASK SDK skill (``SkillBuilder``, one LaunchRequest handler)
doing one ``GetItem`` and one ``PutItem`` with boto3 (installed, so with byte code). Both talk
to the same loopback stand-in for DynamoDB, which answers every call at once, so what is
measured is imports, building the skill and the client, and one turn; nothing leaves
127.0.0.1. Medians, the spread, and the ratio of the totals are printed.
"""

from __future__ import annotations

import argparse
import contextlib
import http.server
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SKILL_ID = "amzn1.ask.skill.00000000-0000-0000-0000-release-coach"

# A LaunchRequest as Alexa sends it (the probe must not import the code it measures).
LAUNCH = {
    "version": "1.0",
    "session": {"new": True, "sessionId": "amzn1.echo-api.session.bench",
                "application": {"applicationId": SKILL_ID}, "attributes": {},
                "user": {"userId": "amzn1.ask.account.BENCH"}},
    "context": {"System": {"application": {"applicationId": SKILL_ID},
                           "user": {"userId": "amzn1.ask.account.BENCH"},
                           "device": {"deviceId": "amzn1.ask.device.BENCH",
                                      "supportedInterfaces": {}},
                           "apiEndpoint": "https://api.amazonalexa.com"}},
    "request": {"type": "LaunchRequest", "requestId": "amzn1.echo-api.request.bench",
                "timestamp": "2026-11-16T07:30:00Z", "locale": "en-US"},
}

_SKILL_PROBE = r"""
import json, os, sys, time
root = sys.argv[1]
sys.path[:0] = [os.path.join(root, "lambda"), root]
started = time.perf_counter()
import lambda_function
imported = time.perf_counter()
event = json.loads(sys.stdin.read())
before = time.perf_counter()
response = lambda_function.lambda_handler(event, None)
invoked = time.perf_counter()
assert response["response"]["outputSpeech"]["ssml"]
import skill
print(json.dumps({"import_ms": (imported - started) * 1000,
                  "first_invoke_ms": (invoked - before) * 1000,
                  "skill_from": os.path.dirname(skill.__file__)}))
"""

_BARE_PROBE = r"""
import json, os, sys, time
started = time.perf_counter()
import boto3
from ask_sdk_core.skill_builder import SkillBuilder
from ask_sdk_core.utils import is_request_type
from ask_sdk_core.serialize import DefaultSerializer
from ask_sdk_model import RequestEnvelope
sb = SkillBuilder()
client = boto3.client("dynamodb")

@sb.request_handler(can_handle_func=is_request_type("LaunchRequest"))
def launch(handler_input):
    key = {"pk": {"S": handler_input.request_envelope.session.user.user_id}}
    client.get_item(TableName=os.environ["TABLE_NAME"], Key=key)
    client.put_item(TableName=os.environ["TABLE_NAME"], Item=key)
    return handler_input.response_builder.speak("Hello").response

handler = sb.lambda_handler()
imported = time.perf_counter()
event = json.loads(sys.stdin.read())
before = time.perf_counter()
response = handler(event, None)
invoked = time.perf_counter()
assert response["response"]["outputSpeech"]["ssml"]
print(json.dumps({"import_ms": (imported - started) * 1000,
                  "first_invoke_ms": (invoked - before) * 1000, "skill_from": ""}))
"""


class _AnyCall(http.server.BaseHTTPRequestHandler):
    """DynamoDB at its fastest: every call succeeds with an empty answer."""

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        body = b"{}"
        self.send_response(200)
        self.send_header("Content-Type", "application/x-amz-json-1.0")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def dynamodb_stand_in() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _AnyCall)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def _run(probe: str, root: Path | None, endpoint: str, tmp: str,
         launch: dict[str, Any]) -> dict[str, float]:
    env = {"PATH": "/usr/bin:/bin", "LOG_LEVEL": "ERROR", "TABLE_NAME": "bench",
           "SKILL_ID": SKILL_ID, "AWS_LAMBDA_FUNCTION_NAME": "release-coach-bench",
           "AWS_ENDPOINT_URL_DYNAMODB": endpoint, "AWS_REGION": "us-east-1",
           "AWS_DEFAULT_REGION": "us-east-1", "AWS_ACCESS_KEY_ID": "bench",
           "AWS_SECRET_ACCESS_KEY": "bench", "PYTHONDONTWRITEBYTECODE": "1"}
    done = subprocess.run([sys.executable, "-c", probe, str(root or "")], env=env,
                          input=json.dumps(launch), capture_output=True, text=True,
                          check=True, cwd=tmp, timeout=120)
    if '"level": "ERROR"' in done.stderr:
        raise SystemExit(f"the probe logged an error: {done.stderr[-2000:]}")
    line = [x for x in done.stdout.splitlines() if x.startswith('{"import_ms"')][-1]
    sample = json.loads(line)
    if root is not None and not sample["skill_from"].startswith(str(root)):
        raise SystemExit(f"measured {sample['skill_from']}, not {root}")
    return {"import_ms": float(sample["import_ms"]),
            "first_invoke_ms": float(sample["first_invoke_ms"]),
            "total_ms": float(sample["import_ms"]) + float(sample["first_invoke_ms"])}


def shipped_copy(root: Path, destination: Path, bytecode: bool) -> Path:
    """``skill/`` and ``lambda/`` of ``root`` as the artifact has them, without old caches."""
    caches = shutil.ignore_patterns("__pycache__", "*.pyc", "*.pyo")
    for name in ("skill", "lambda"):
        shutil.copytree(root / name, destination / name, ignore=caches)
    if bytecode:
        subprocess.run([sys.executable, "-m", "compileall", "-q", "--invalidation-mode",
                        "unchecked-hash", str(destination)], check=True,
                       stdout=subprocess.DEVNULL)
    return destination


def measure(root: Path, runs: int, endpoint: str, bytecode: bool = True,
            locale: str = "en-US") -> dict[str, dict[str, list[float]]]:
    """Both kinds, one run of each in turn, so that the machine's load falls on both."""
    results: dict[str, dict[str, list[float]]] = {
        name: {"import_ms": [], "first_invoke_ms": [], "total_ms": []}
        for name in ("release coach", "bare ASK SDK skill")}
    with tempfile.TemporaryDirectory() as tmp:
        copy = shipped_copy(root, Path(tmp) / "artifact", bytecode)
        launch: dict[str, Any] = json.loads(json.dumps(LAUNCH))
        launch["request"]["locale"] = locale
        probes = {"release coach": (_SKILL_PROBE, copy),
                  "bare ASK SDK skill": (_BARE_PROBE, None)}
        for _ in range(runs):
            for name, (probe, probe_root) in probes.items():
                for key, value in _run(probe, probe_root, endpoint, tmp, launch).items():
                    results[name][key].append(value)
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description="Cold start of the Lambda handler.")
    parser.add_argument("--root", type=Path, default=ROOT, help="checkout to measure")
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--source", action="store_true",
                        help="the skill without byte code (the artifact before issue 17)")
    parser.add_argument("--locale", default="en-US",
                        help="the launch request's locale (default en-US)")
    args = parser.parse_args()
    root = args.root.resolve()
    with dynamodb_stand_in() as endpoint:
        runs = measure(root, args.runs, endpoint, bytecode=not args.source, locale=args.locale)
    one, five, _ = os.getloadavg()
    print(f"{root}, {args.locale}, {'source only' if args.source else 'byte code'}  "
          f"({args.runs} fresh "
          f"processes each, interleaved by kind; load average {one:.2f}, {five:.2f} (5 min))")
    print(f"{'run':<20} {'import ms':>10} {'invoke ms':>10} {'total ms':>10} "
          f"{'p25':>7} {'p75':>7}")
    for name, values in runs.items():
        quartiles = statistics.quantiles(values["total_ms"], n=4)
        print(f"{name:<20} {statistics.median(values['import_ms']):>10.1f} "
              f"{statistics.median(values['first_invoke_ms']):>10.1f} "
              f"{statistics.median(values['total_ms']):>10.1f} "
              f"{quartiles[0]:>7.1f} {quartiles[2]:>7.1f}")
    ratio = statistics.median(runs["release coach"]["total_ms"]) / \
        statistics.median(runs["bare ASK SDK skill"]["total_ms"])
    print(f"release coach / bare skill: {ratio:.2f}x (bound 1.3x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
