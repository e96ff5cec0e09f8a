"""The ``release-coach`` command against a real DynamoDB-protocol server (dynalite)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.dynalite_server import dynalite

TABLE = "release-coach-cli"


def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "skill.hosts.cli", *args], input=stdin,
                          capture_output=True, text=True, timeout=120, env=dict(os.environ),
                          check=False)


def test_create_table_then_chat_keeps_progress_in_the_table(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with dynalite(tmp_path, monkeypatch):
        first = run("create-table", "--dynamodb-table", TABLE)
        assert first.returncode == 0 and "created" in first.stdout, first.stderr
        again = run("create-table", "--dynamodb-table", TABLE)
        assert again.returncode == 0 and "already exists" in again.stdout

        started = run("chat", "--dynamodb-table", TABLE,
                      stdin="open release coach\nyes\nnext\npause\n")
        assert "Paused at the butterfly stretch" in started.stdout, started.stderr
        later = run("chat", "--dynamodb-table", TABLE, stdin="open release coach\n")
        assert "Last time you stopped at the butterfly stretch" in later.stdout
        assert "Traceback" not in started.stderr + later.stderr
