#!/usr/bin/env bash
# Create .venv (once) and install the project with everything its tests need.
set -euo pipefail
cd "$(dirname "$0")/.."
python=${PYTHON:-python3}
"$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' || {
  echo "Release Coach needs Python 3.11 or newer (found $("$python" --version))." >&2; exit 1; }
if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".[${1:-dev}]"
