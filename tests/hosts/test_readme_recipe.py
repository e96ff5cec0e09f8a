"""The README's local-DynamoDB recipe, run as written: a routine completed on it is counted.

Before, the recipe started dynalite, which has no TransactWriteItems, so a user who
followed it never got a session counted. Only the port and the data directory are
changed (to a free port and a temporary directory), and the chat reads a script.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import subprocess
from pathlib import Path

from tests.support.dynalite_server import free_port
from tests.support.dynamodb_local_server import require_dynamodb_local

ROOT = Path(__file__).resolve().parents[2]
MARKER = "<!-- recipe: local-dynamodb -->"


def recipe() -> str:
    readme = (ROOT / "README.md").read_text()
    after = readme[readme.index(MARKER) + len(MARKER):]
    match = re.search(r"```sh\n(.*?)```", after, re.DOTALL)
    assert match is not None
    return match.group(1)


def test_readme_local_dynamodb_recipe_counts_a_completed_routine(tmp_path: Path) -> None:
    require_dynamodb_local()
    script = recipe()
    assert "8000" in script and "/tmp/dynamodb-local" in script
    port = free_port()
    script = script.replace("8000", str(port)).replace("/tmp/dynamodb-local",
                                                       str(tmp_path / "data"))
    # Start, pass the first-use safety questions, step through week 1, then ask.
    conversation = "open release coach\nyes\nno\nnext\nnext\nnext\nnext\nhow am i doing\n"
    env = {key: value for key, value in os.environ.items()
           if not key.startswith("AWS_") and key not in ("SKILL_ID", "USER_KEY_SECRET")}
    env["XDG_DATA_HOME"] = str(tmp_path / "xdg")
    # Files, not pipes: the server in the background keeps its copy of stdout open.
    stdout, stderr = tmp_path / "out.txt", tmp_path / "err.txt"
    with stdout.open("w") as out_file, stderr.open("w") as err_file:
        process = subprocess.Popen(["bash", "-euc", script], cwd=ROOT, env=env, text=True,
                                   stdin=subprocess.PIPE, stdout=out_file, stderr=err_file,
                                   start_new_session=True)
        try:
            assert process.stdin is not None
            process.stdin.write(conversation)
            process.stdin.close()
            process.wait(timeout=240)
        finally:
            # The recipe leaves DynamoDB Local running in the background, as a user would.
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=30)
    out, err = stdout.read_text(), stderr.read_text()
    assert process.returncode == 0, err[-3000:]
    assert "table release-coach: created" in out
    assert "couldn't save" not in out.replace("\u2019", "'")
    assert "You've completed 1 session" in out.replace("\u2019", "'"), out[-2000:]
