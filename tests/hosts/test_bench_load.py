"""A smoke test of ``bench/load.py`` with tiny numbers: it runs, and it measures real answers.

The numbers it prints are measurements of a shared machine; nothing here asserts them.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_load_bench_runs_routines_against_serve_and_the_trivial_app() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bench.load", "--users", "3", "--connections", "2",
         "--rounds", "1", "--targets", "trivial,sqlite"],
        cwd=ROOT, capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stderr[-3000:]
    rows = {line.split("  ")[0]: line.split() for line in result.stdout.splitlines()}
    assert "trivial flask+waitress" in rows and "serve, sqlite" in rows, result.stdout
    sqlite = rows["serve, sqlite"]
    # run name (2 words), requests, errors, ...
    assert int(sqlite[2]) >= 3 * 4 and int(sqlite[3]) == 0, result.stdout
    assert "3 routines completed" in result.stderr, result.stderr[-2000:]
