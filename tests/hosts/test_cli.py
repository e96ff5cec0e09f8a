"""The ``release-coach`` command against a real DynamoDB-protocol server (DynamoDB Local)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

# issue-15: a paused routine is credited, which writes a session record in a transaction;
# dynalite has no TransactWriteItems, DynamoDB Local does.
from tests.support.dynamodb_local_server import dynamodb_local

TABLE = "release-coach-cli"


def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "skill.hosts.cli", *args], input=stdin,
                          capture_output=True, text=True, timeout=120, env=dict(os.environ),
                          check=False)


def test_create_table_then_chat_keeps_progress_in_the_table(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with dynamodb_local(tmp_path, monkeypatch):
        first = run("create-table", "--dynamodb-table", TABLE)
        assert first.returncode == 0 and "created" in first.stdout, first.stderr
        again = run("create-table", "--dynamodb-table", TABLE)
        assert again.returncode == 0 and "already exists" in again.stdout

        started = run("chat", "--dynamodb-table", TABLE,
                      stdin="open release coach\nyes\nno\nnext\nnext\npause\n")
        assert "Paused. I've saved your place: next is the seated hip stretch" in \
            started.stdout, started.stderr
        later = run("chat", "--dynamodb-table", TABLE, stdin="open release coach\n")
        assert "you'd finished the butterfly stretch, and next is the seated hip stretch" in \
            later.stdout
        assert "Traceback" not in started.stderr + later.stderr


def test_setup_installs_only_when_pyproject_changes(tmp_path: Path) -> None:
    """scripts/chat.sh runs setup.sh on every launch, so a second launch must not reinstall;
    CI runs it too, so a changed pyproject.toml must."""
    root = Path(__file__).resolve().parents[2]
    (tmp_path / "scripts").mkdir()
    setup = tmp_path / "scripts" / "setup.sh"
    setup.write_text((root / "scripts" / "setup.sh").read_text())
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n')
    bin_dir = tmp_path / ".venv" / "bin"
    bin_dir.mkdir(parents=True)
    # A stand-in for the venv's python: pip runs are logged (and "installed") instead of
    # made; anything else is the real interpreter.
    python = bin_dir / "python"
    entry = bin_dir / "release-coach"
    python.write_text(f'#!/bin/sh\nif [ "$1" = "-m" ]; then echo "$*" >> "{tmp_path}/pip.log"; '
                      f'touch "{entry}"; chmod +x "{entry}"; exit 0; fi\n'
                      f'exec "{sys.executable}" "$@"\n')
    python.chmod(0o755)
    log = tmp_path / "pip.log"

    def setup_runs(*args: str, **env: str) -> int:
        before = log.read_text().count("\n") if log.exists() else 0
        subprocess.run(["bash", str(setup), *args], check=True, capture_output=True,
                       env={**os.environ, "PYTHON": sys.executable, **env})
        return (log.read_text().count("\n") if log.exists() else 0) - before

    assert setup_runs("dev") == 1
    assert "install" in log.read_text() and ".[dev]" in log.read_text()
    assert setup_runs("dev") == 0
    assert setup_runs("web") == 0  # dev includes web
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\nversion = "2"\n')
    assert setup_runs("web") == 1
    assert setup_runs("web") == 0
    assert setup_runs("dev") == 1  # the new pyproject.toml was only installed for web
    assert setup_runs("dev", SETUP_FORCE="1") == 1
    entry.unlink()  # a broken install is repaired
    assert setup_runs("dev") == 1
