"""Cold start of the Lambda handler: import time and the first invoke, in fresh processes.

Usage::

    python -m bench.cold_start                 # this checkout, 15 runs
    python -m bench.cold_start --root DIR      # another checkout (say, main) for comparison
    python -m bench.cold_start --runs 30

Each run is a new Python process that does what the Lambda runtime does: put
``lambda/`` and the code's root on ``sys.path``, import ``lambda_function``, then
call ``lambda_handler`` with a LaunchRequest (embedded store in a temporary file, no
network). Medians and the spread over the runs are printed; nothing leaves loopback.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_PROBE = r"""
import json, os, sys, time
root = sys.argv[1]
sys.path[:0] = [os.path.join(root, "lambda"), root]
started = time.perf_counter()
import lambda_function
imported = time.perf_counter()
from skill.hosts.envelopes import Device
event = Device(user_id="amzn1.ask.account.BENCH").launch()
before = time.perf_counter()
response = lambda_function.lambda_handler(event, None)
invoked = time.perf_counter()
assert response["response"]["outputSpeech"]["ssml"]
import skill
print(json.dumps({"import_ms": (imported - started) * 1000,
                  "first_invoke_ms": (invoked - before) * 1000,
                  "skill_from": os.path.dirname(skill.__file__)}))
"""


def measure(root: Path, runs: int) -> dict[str, list[float]]:
    results: dict[str, list[float]] = {"import_ms": [], "first_invoke_ms": []}
    with tempfile.TemporaryDirectory() as tmp:
        for n in range(runs):
            env = {"PATH": "/usr/bin:/bin", "LOG_LEVEL": "ERROR",
                   "RELEASE_COACH_STORE": str(Path(tmp) / f"bench-{n}.sqlite3"),
                   "SKILL_ID": "amzn1.ask.skill.00000000-0000-0000-0000-release-coach",
                   "AWS_LAMBDA_FUNCTION_NAME": "release-coach-bench",
                   "PYTHONDONTWRITEBYTECODE": "1"}
            done = subprocess.run([sys.executable, "-c", _PROBE, str(root)], env=env,
                                  capture_output=True, text=True, check=True, cwd=tmp,
                                  timeout=120)
            line = [x for x in done.stdout.splitlines() if x.startswith('{"import_ms"')][-1]
            sample = json.loads(line)
            if not sample["skill_from"].startswith(str(root)):
                raise SystemExit(f"measured {sample['skill_from']}, not {root}")
            for key in results:
                results[key].append(float(sample[key]))
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description="Cold start of the Lambda handler.")
    parser.add_argument("--root", type=Path, default=ROOT, help="checkout to measure")
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    results = measure(args.root.resolve(), args.runs)
    print(f"{args.root.resolve()}  ({args.runs} fresh processes)")
    for key, values in results.items():
        quartiles = statistics.quantiles(values, n=4)
        print(f"  {key:16s} median {statistics.median(values):7.1f} ms   "
              f"p25 {quartiles[0]:7.1f}   p75 {quartiles[2]:7.1f}   min {min(values):7.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
