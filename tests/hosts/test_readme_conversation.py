"""The README's example conversation is the console's own output: a golden test.

The conversation below is played through ``release-coach chat`` as a user would type it,
and what the console prints (long narration cut at :data:`WIDTH` characters, as the README
shows it) must be the README's block, line for line. A change in what the coach says shows
up here as a diff; when the change is meant, write the new block into the README with
``python tests/hosts/test_readme_conversation.py --write`` and review it as a user hears it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
HEADING = "## An example conversation"
WIDTH = 330
NOW = "2026-11-16T07:30"
# Three days: week 1 with a walk-off and a resume, a skip; a pain report; the check-in after.
SCRIPT = [
    "open release coach", "yes", "no", "next", "", "",
    "/later 20m", "ask release coach to resume", "skip", "good",
    "/later 1d", "ask release coach to start my routine", "no", "next", "next", "it hurts",
    "/later 1d", "open release coach", "no", "how am i doing", "no", "no thanks",
]


def cut(line: str) -> str:
    if len(line) <= WIDTH:
        return line
    return line[:WIDTH].rsplit(" ", 1)[0] + " …"


def played(store: Path) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-m", "skill.hosts.cli", "chat", "--store", str(store), "--now", NOW],
        input="\n".join(SCRIPT) + "\n", capture_output=True, text=True, timeout=120,
        env={**os.environ, "TZ": "UTC"}, cwd=ROOT, check=True)
    assert "Traceback" not in result.stderr, result.stderr[-2000:]
    return [cut(line) for line in result.stdout.splitlines()]


def readme_block(text: str) -> tuple[int, int]:
    """Where the example's ```text block's lines start and end in the README."""
    start = text.index("```text\n", text.index(HEADING)) + len("```text\n")
    return start, text.index("```", start)


def test_the_readme_conversation_is_what_the_console_says(tmp_path: Path) -> None:
    text = README.read_text(encoding="utf-8")
    start, end = readme_block(text)
    assert played(tmp_path / "progress.sqlite3") == text[start:end].splitlines(), (
        "the coach's words changed: run python tests/hosts/test_readme_conversation.py "
        "--write and review the README's example conversation")


def test_the_script_is_what_the_readme_shows_the_user_saying() -> None:
    """The control: the README's "you>" lines are this script, so the test plays it."""
    text = README.read_text(encoding="utf-8")
    start, end = readme_block(text)
    said = [line[len("you> "):] for line in text[start:end].splitlines()
            if line.startswith("you> ")]
    assert [("" if s == "(says nothing)" else s) for s in said] == SCRIPT


def main(argv: list[str]) -> int:
    if argv != ["--write"]:
        print(__doc__)
        return 2
    text = README.read_text(encoding="utf-8")
    start, end = readme_block(text)
    with tempfile.TemporaryDirectory() as tmp:
        lines = played(Path(tmp) / "progress.sqlite3")
    README.write_text(text[:start] + "\n".join(lines) + "\n" + text[end:], encoding="utf-8")
    print(f"README.md: {len(lines)} lines of conversation written")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
