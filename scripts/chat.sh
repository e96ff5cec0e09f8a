#!/usr/bin/env bash
# Talk to Release Coach in this terminal, on an embedded store, with no AWS account.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh web >&2
exec .venv/bin/release-coach chat "$@"
