"""What the Lambda artifact carries: only what Lambda runs.

``infra/build_lambda.py`` copies the skill's sources into the artifact; here they are
copied into a scratch directory, listed, and run: a launch goes through the copied
``lambda_function.lambda_handler`` in a fresh interpreter that can import the skill from
the copy only, so a module the artifact lacks fails here rather than in AWS.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

from skill.hosts.envelopes import LOCAL_SKILL_ID, Device

ROOT = Path(__file__).resolve().parents[2]
# Tooling and other hosts: for people and for the web service, never for Lambda.
NEVER_SHIPPED = ("skill/hosts/web/", "skill/hosts/console", "skill/hosts/cli.py",
                 "skill/hosts/envelopes.py", "skill/hosts/screen_text.py",
                 "skill/hosts/apl_preview.py")


def build_lambda() -> ModuleType:
    spec = importlib.util.spec_from_file_location("_build_lambda",
                                                  ROOT / "infra" / "build_lambda.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def shipped(tmp_path: Path) -> tuple[Path, list[str]]:
    target = tmp_path / "lambda"
    target.mkdir()
    build_lambda().copy_sources(target)
    files = sorted(p.relative_to(target).as_posix() for p in target.rglob("*") if p.is_file())
    return target, files


def test_the_artifact_lists_only_what_lambda_runs(tmp_path: Path) -> None:
    _, files = shipped(tmp_path)
    assert "lambda_function.py" in files
    hosts = {f.removeprefix("skill/hosts/") for f in files if f.startswith("skill/hosts/")}
    assert hosts == {"__init__.py", "lambda_entry.py", "logs.py", "metrics.py"}, files
    assert not [f for f in files if f.startswith(NEVER_SHIPPED)], files
    assert not [f for f in files if "__pycache__" in f or f.endswith((".pyc", ".pyo"))]
    assert {f.split("/")[1] for f in files if f.startswith("skill/") and f.count("/") > 1} == \
        {"alexa", "data", "domain", "hosts", "store"}
    assert "skill/data/language/en.json" in files
    # The control: the tooling exists in the source tree, so the check above can fail.
    assert all((ROOT / path.rstrip("/")).exists() or list(ROOT.glob(path + "*"))
               for path in NEVER_SHIPPED)


RUN_IN_ARTIFACT = """
import json, sys
target = sys.argv[1]
sys.path.insert(0, target)
import lambda_function
response = lambda_function.lambda_handler(json.loads(sys.stdin.read()), None)
outside = sorted(name for name, module in sys.modules.items()
                 if name.split(".")[0] == "skill"
                 and not (getattr(module, "__file__", None) or target).startswith(target))
print(json.dumps({"response": response, "outside": outside,
                  "hosts": sorted(n for n in sys.modules if n.startswith("skill.hosts."))}))
"""


def test_a_launch_runs_on_the_artifacts_own_files(tmp_path: Path) -> None:
    target, _ = shipped(tmp_path)
    env = {**os.environ, "RELEASE_COACH_STORE": str(tmp_path / "progress.sqlite3"),
           "SKILL_ID": LOCAL_SKILL_ID, "PYTHONPATH": ""}
    env.pop("TABLE_NAME", None)
    result = subprocess.run([sys.executable, "-c", RUN_IN_ARTIFACT, str(target)],
                            input=json.dumps(Device().launch()), capture_output=True,
                            text=True, env=env, cwd=tmp_path, timeout=120, check=True)
    ran = json.loads(result.stdout.strip().splitlines()[-1])
    assert ran["outside"] == []
    assert set(ran["hosts"]) <= {"skill.hosts.lambda_entry", "skill.hosts.logs",
                                 "skill.hosts.metrics"}
    speech = ran["response"]["response"]["outputSpeech"]["ssml"]
    assert "Welcome to Release Coach" in speech
