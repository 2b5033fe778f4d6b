#!/usr/bin/env bash
# Sets everything up and starts the web app on the bundled defaults:
# http://127.0.0.1:8080/, the shipped rubrics, an embedded SQLite database in
# data/factory-assess.db. Extra arguments go to `factory-assess serve`
# (e.g. --listen 0.0.0.0:8080, --db postgresql://…, --lang en).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec build/factory-assess serve "$@"
