#!/usr/bin/env python3
"""Build the Lambda artifact: ``build/lambda/`` and ``build/release-coach-lambda.zip``.

Usage::

    python infra/build_lambda.py            # build dir + zip, print sizes
    python infra/build_lambda.py --no-zip   # build dir only (what `sam deploy` packages)

This replaces ``sam build``: ``infra/template.yaml`` has ``CodeUri: ../build/lambda`` and
``sam deploy --template-file infra/template.yaml`` zips and uploads that directory as is.
The zip is for size reporting and for a manual ``aws lambda update-function-code``.

What goes in (nothing else):

* the runtime dependencies from ``pyproject.toml`` ``[project].dependencies`` (ask-sdk-core,
  ask-sdk-model and what they pull in: ask-sdk-runtime, requests, urllib3, idna, certifi,
  charset-normalizer, python-dateutil, six), installed with ``pip install --target`` for the
  Lambda platform (``--platform manylinux2014_aarch64 --only-binary=:all: --python-version
  3.12 --implementation cp``), so compiled wheels match the arm64 python3.12 runtime whatever
  machine builds;
* ``tzdata``: the skill converts times with :mod:`zoneinfo` (the device's time zone decides
  which day a session counts for). The AL2023-based Lambda images are minimal, and when no
  system zone database is found :mod:`zoneinfo` falls back to the ``tzdata`` package; without
  either, ``skill.alexa.turns`` silently uses UTC. Bundling it (~0.5 MB zipped) makes this certain;
* the ``skill`` package and ``lambda/lambda_function.py`` at the root (the handler). Of
  ``skill/hosts`` only what Lambda runs goes in (:data:`LAMBDA_HOSTS`: the entry point, its
  logging and metrics); the web server, the console, the CLI, the request builder and the
  screen tooling are for people and other hosts, and stay out.

Constraints: ``/var/task`` comes first on ``sys.path`` in Lambda, so a bundled package
*shadows* the runtime's copy for the runtime's boto3 too. Bundled packages that botocore
imports are therefore held within botocore's own ranges (``RUNTIME_SHARED_CONSTRAINTS``,
passed to pip as a constraints file): python-dateutil < 3 and urllib3 < 3. Without this, pip
picks the newest python-dateutil (4.x), which botocore does not support.

What stays out:

* ``boto3`` / ``botocore`` / ``s3transfer``: every Lambda Python runtime ships them, and they
  are about 80 MB unzipped - most of the 250 MB limit and a slower cold start for nothing.
  The code uses only long-stable DynamoDB calls, so the runtime's version is fine. boto3 is
  a dependency of the project (for local use) and is filtered out of the requirement list;
  should any requirement pull it in anyway, it is deleted from the target directory.
* ``__pycache__`` / ``*.pyc`` left by pip or the checkout (compiled for the build machine's
  Python, useless on Lambda), ``bin/`` console scripts and packages' ``tests`` directories.
  ``*.dist-info`` is kept (tiny, and ``importlib.metadata`` needs it).

Byte code, compiled for the runtime's Python: ``/var/task`` is read-only, so without it
every cold start compiles every module it imports from source (the skill's own modules
were most of its import time; issue 17). When an interpreter of
:data:`LAMBDA_PYTHON_VERSION` is found (``python3.12`` on ``PATH``, or the one running the
build), everything is compiled with it into ``__pycache__/*.cpython-312.pyc``, with
``unchecked-hash`` invalidation: the artifact never changes once built, and a zip's
timestamps could not be trusted to match. Without one, the artifact is source only, as
before, and the build says so.

Standard library only; needs network access to PyPI.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tomllib
import zipfile
from collections.abc import Iterable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUILD_DIR = ROOT / "build"
TARGET_DIR = BUILD_DIR / "lambda"
ZIP_PATH = BUILD_DIR / "release-coach-lambda.zip"
PYPROJECT = ROOT / "pyproject.toml"
SKILL_PACKAGE = ROOT / "skill"
HANDLER_FILE = ROOT / "lambda" / "lambda_function.py"

# Must agree with infra/template.yaml (Runtime: python3.12, Architectures: [arm64]).
LAMBDA_PYTHON_VERSION = "3.12"
LAMBDA_ARCHITECTURE = "arm64"
LAMBDA_PLATFORMS = ("manylinux2014_aarch64", "manylinux_2_28_aarch64")

# Provided by the Lambda runtime: never bundled (see the module docstring).
EXCLUDED_DISTRIBUTIONS = frozenset({"boto3", "botocore", "s3transfer"})
EXTRA_REQUIREMENTS = ("tzdata",)
# Bundled packages that the runtime's botocore also imports: keep them in botocore's ranges.
RUNTIME_SHARED_CONSTRAINTS = (
    "python-dateutil>=2.1,<3",
    "urllib3>=1.25.4,!=2.2.0,<3",
    "jmespath>=0.7.1,<2",
)
CONSTRAINTS_FILE = BUILD_DIR / "lambda-constraints.txt"
# Of skill/hosts, what Lambda runs: everything else there is for other hosts or for people.
HOSTS_DIR = SKILL_PACKAGE / "hosts"
LAMBDA_HOSTS = frozenset({"__init__.py", "lambda_entry.py", "logs.py", "metrics.py"})
PRUNED_DIR_NAMES = frozenset({"__pycache__", "tests", "test"})
PRUNED_SUFFIXES = (".pyc", ".pyo")

# Lambda limits for a zip deployment package.
MAX_UNZIPPED_BYTES = 250 * 1024 * 1024
MAX_ZIPPED_BYTES = 50 * 1024 * 1024

ZIP_DATE_TIME = (1980, 1, 1, 0, 0, 0)


def canonical_name(requirement: str) -> str:
    """The normalised distribution name of a requirement string (``"Boto3>=1"`` -> ``boto3``)."""
    match = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", requirement)
    if match is None:
        raise ValueError(f"not a requirement: {requirement!r}")
    return re.sub(r"[-_.]+", "-", match.group(1)).lower()


def runtime_requirements(pyproject: Path = PYPROJECT) -> list[str]:
    """The project's dependencies minus what the Lambda runtime provides, plus the extras."""
    data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    declared: list[str] = list(data["project"]["dependencies"])
    kept = [req for req in declared if canonical_name(req) not in EXCLUDED_DISTRIBUTIONS]
    names = {canonical_name(req) for req in kept}
    kept += [req for req in EXTRA_REQUIREMENTS if canonical_name(req) not in names]
    return kept


def pip_command(target: Path, requirements: Sequence[str],
                constraints: Path = CONSTRAINTS_FILE) -> list[str]:
    """The ``pip install`` that fetches Lambda-platform wheels into ``target``."""
    platforms = [arg for platform in LAMBDA_PLATFORMS for arg in ("--platform", platform)]
    return [
        sys.executable, "-m", "pip", "install",
        "--target", str(target),
        *platforms,
        "--only-binary=:all:",
        "--python-version", LAMBDA_PYTHON_VERSION,
        "--implementation", "cp",
        "--constraint", str(constraints),
        "--no-compile",
        "--disable-pip-version-check",
        "--no-input",
        "--quiet",
        *requirements,
    ]


def excluded_paths(target: Path) -> list[Path]:
    """Top-level entries in ``target`` belonging to an excluded distribution."""
    found: list[Path] = []
    for entry in sorted(target.iterdir()):
        name = entry.name
        if name.endswith(".dist-info"):
            name = name[: -len(".dist-info")].rsplit("-", 1)[0]
        if canonical_name(name) in EXCLUDED_DISTRIBUTIONS:
            found.append(entry)
    return found


def prunable_paths(target: Path) -> list[Path]:
    """Caches, byte code, console scripts and packages' test directories under ``target``."""
    found: list[Path] = []
    bin_dir = target / "bin"
    if bin_dir.is_dir():
        found.append(bin_dir)
    for dirpath, dirnames, filenames in os.walk(target):
        here = Path(dirpath)
        for dirname in list(dirnames):
            # Only test directories *inside* a package, never a top-level distribution.
            inside_package = dirname not in ("tests", "test") or here != target
            if dirname in PRUNED_DIR_NAMES and inside_package:
                found.append(here / dirname)
                dirnames.remove(dirname)
        found.extend(here / f for f in filenames if f.endswith(PRUNED_SUFFIXES))
    return found


def remove(paths: Iterable[Path]) -> None:
    for path in paths:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        elif path.exists() or path.is_symlink():
            path.unlink()


def copy_sources(target: Path) -> None:
    """The handler module at the root and the ``skill`` package next to it."""
    shutil.copy2(HANDLER_FILE, target / HANDLER_FILE.name)
    caches = shutil.ignore_patterns("__pycache__", "*.pyc", "*.pyo")

    def ignore(directory: str, names: list[str]) -> set[str]:
        left_out = set(caches(directory, names))
        if Path(directory).resolve() == HOSTS_DIR.resolve():
            left_out |= set(names) - LAMBDA_HOSTS
        return left_out

    shutil.copytree(SKILL_PACKAGE, target / SKILL_PACKAGE.name, ignore=ignore)


def runtime_python() -> str | None:
    """An interpreter of the Lambda runtime's Python version, or ``None`` if none is found."""
    if f"{sys.version_info.major}.{sys.version_info.minor}" == LAMBDA_PYTHON_VERSION:
        return sys.executable
    for candidate in (shutil.which(f"python{LAMBDA_PYTHON_VERSION}"),):
        if candidate is None:
            continue
        probe = subprocess.run([candidate, "-c", "import sys; print(sys.version_info[:2])"],
                               capture_output=True, text=True, check=False)
        major, minor = LAMBDA_PYTHON_VERSION.split(".")
        if probe.returncode == 0 and probe.stdout.strip() == f"({major}, {minor})":
            return candidate
    return None


def compile_command(python: str, target: Path) -> list[str]:
    """Byte code for every module in ``target``, used on Lambda without checking the source."""
    return [python, "-m", "compileall", "-q", "-j", "0",
            "--invalidation-mode", "unchecked-hash", str(target)]


def compile_bytecode(target: Path) -> bool:
    python = runtime_python()
    if python is None:
        print(f"note: no python{LAMBDA_PYTHON_VERSION} found; the artifact ships source only, "
              "and each cold start compiles what it imports")
        return False
    subprocess.run(compile_command(python, target), check=True, stdout=subprocess.DEVNULL)
    return True


def tree_size(directory: Path) -> int:
    return sum(p.stat().st_size for p in directory.rglob("*") if p.is_file())


def make_zip(source: Path, destination: Path) -> None:
    """A reproducible zip of ``source``: sorted entries, fixed dates, world-readable modes."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    destination.unlink(missing_ok=True)
    files = sorted(p for p in source.rglob("*") if p.is_file())
    with zipfile.ZipFile(destination, "w", compression=zipfile.ZIP_DEFLATED,
                         compresslevel=9) as archive:
        for path in files:
            info = zipfile.ZipInfo(path.relative_to(source).as_posix(), ZIP_DATE_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = (0o100644 if not os.access(path, os.X_OK) else 0o100755) << 16
            info.create_system = 3  # Unix, so the mode bits are honoured
            archive.writestr(info, path.read_bytes())


def human(size: int) -> str:
    return f"{size / (1024 * 1024):.2f} MiB ({size:,} bytes)"


def build(target: Path = TARGET_DIR, zip_path: Path | None = ZIP_PATH) -> tuple[int, int | None]:
    """Build ``target`` (and the zip); return (unzipped bytes, zipped bytes or None)."""
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    requirements = runtime_requirements()
    print(f"installing for python{LAMBDA_PYTHON_VERSION}/{LAMBDA_ARCHITECTURE}: "
          + " ".join(requirements), flush=True)
    CONSTRAINTS_FILE.write_text("\n".join(RUNTIME_SHARED_CONSTRAINTS) + "\n", encoding="utf-8")
    subprocess.run(pip_command(target, requirements, CONSTRAINTS_FILE), check=True)
    unwanted = excluded_paths(target)
    if unwanted:
        print("removing (provided by the Lambda runtime): "
              + ", ".join(p.name for p in unwanted))
        remove(unwanted)
    copy_sources(target)
    remove(prunable_paths(target))
    if compile_bytecode(target):
        print(f"compiled byte code for python{LAMBDA_PYTHON_VERSION}")

    unzipped = tree_size(target)
    print(f"unzipped: {human(unzipped)} in {target.relative_to(ROOT)}")
    if unzipped > MAX_UNZIPPED_BYTES:
        raise SystemExit("error: over Lambda's 250 MB unzipped limit")
    if zip_path is None:
        return unzipped, None
    make_zip(target, zip_path)
    zipped = zip_path.stat().st_size
    print(f"zipped:   {human(zipped)} in {zip_path.relative_to(ROOT)}")
    if zipped > MAX_ZIPPED_BYTES:
        raise SystemExit("error: over Lambda's 50 MB limit for a direct zip upload")
    return unzipped, zipped


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--no-zip", action="store_true", help="build the directory only")
    args = parser.parse_args(argv)
    build(zip_path=None if args.no_zip else ZIP_PATH)
    return 0


if __name__ == "__main__":
    sys.exit(main())
