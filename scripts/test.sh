#!/usr/bin/env bash
# Set up everything and run every check: model drift, lint, types, template lint, all tests.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh dev
# dynalite, the local DynamoDB-protocol server the store's contract tests run against.
npm ci --no-audit --no-fund --loglevel=error
export PATH="$PWD/.venv/bin:$PATH"
echo "== interaction models up to date"; python interaction_models/build_models.py --check
echo "== ruff";  ruff check .
echo "== mypy";  mypy
echo "== cfn-lint"; cfn-lint infra/template.yaml
echo "== skill package"; python infra/build_skill_package.py
echo "== tests"; CI="${CI:-}" python -m pytest
