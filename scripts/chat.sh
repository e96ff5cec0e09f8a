#!/usr/bin/env bash
# Talk to Release Coach in this terminal, on an embedded store, with no AWS account.
# setup.sh only installs on the first run (or after pyproject.toml changes), so later
# runs reach the first answer in well under a second.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh console >&2
exec .venv/bin/release-coach chat "$@"
