#!/usr/bin/env bash
# Sets everything up and runs the whole test suite (the README's test command).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# The HTML checker (vnu-jar) and PDF printing (chromium, CJK fonts,
# pdftotext) that the report tests use; they skip with a message without them.
bash scripts/setup-report-checks.sh
ctest --test-dir build --output-on-failure
