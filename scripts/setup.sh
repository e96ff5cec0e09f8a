#!/usr/bin/env bash
# Create .venv (once) and install the project with everything its tests need.
#
# The install is skipped when .venv already holds this exact pyproject.toml's dependencies
# for the requested extra (a stamp file records a hash of pyproject.toml per extra), so
# `scripts/chat.sh` starts in well under a second on a second run. Any change to
# pyproject.toml changes the hash and reinstalls; SETUP_FORCE=1 reinstalls regardless.
set -euo pipefail
cd "$(dirname "$0")/.."
python=${PYTHON:-python3}
extra=${1:-dev}
"$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' || {
  echo "Release Coach needs Python 3.11 or newer (found $("$python" --version))." >&2; exit 1; }
if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
fi
stamp=.venv/.release-coach-installed
want="$(.venv/bin/python -c 'import hashlib, sys
print(hashlib.sha256(open("pyproject.toml", "rb").read()).hexdigest(), sys.argv[1])' "$extra")"
# "dev" includes "web", so a dev install also satisfies a later `setup.sh web`.
have_dev="${want% *} dev"
if [ "${SETUP_FORCE:-}" != 1 ] && [ -x .venv/bin/release-coach ] && [ -f "$stamp" ] &&
   { grep -qxF "$want" "$stamp" || grep -qxF "$have_dev" "$stamp"; }; then
  exit 0
fi
echo "Installing Release Coach and its dependencies ($extra) into .venv ..." >&2
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".[$extra]"
# Stamps of an older pyproject.toml are dropped; only what is installed now is recorded.
{ grep -F "${want% *} " "$stamp" 2>/dev/null || true; echo "$want"; } | sort -u > "$stamp.new"
mv "$stamp.new" "$stamp"
