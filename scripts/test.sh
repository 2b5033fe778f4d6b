#!/usr/bin/env bash
# Sets everything up and runs the whole test suite (the README's test command).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
echo "test: built after ${SECONDS}s" >&2
# The HTML checker (vnu-jar) and PDF printing (chromium, CJK fonts,
# pdftotext) that the report tests use; they skip with a message without them.
bash scripts/setup-report-checks.sh
# The browser end-to-end test and the web benchmark's tools (chromium,
# playwright-core, wrk); the e2e test skips with a message without them.
bash scripts/setup-web-checks.sh
# PostgreSQL for the store tests (they run against SQLite only without it).
if [ -z "${FA_TEST_PG_URL:-}" ]; then
  FA_TEST_PG_URL="$(bash scripts/setup-postgres.sh | tail -n 1)"
fi
export FA_TEST_PG_URL
echo "test: the store and crash tests also run on PostgreSQL at $(printf '%s' "$FA_TEST_PG_URL" | sed 's#://\([^:/@]*\):[^@]*@#://\1:***@#')" >&2
# Every check must run here: a missing tool fails its test instead of
# skipping it (tests/skip_check.h).
export FA_REQUIRE_CHECKS=1
ctest --test-dir build --output-on-failure -j2
echo "test: the suite passed after ${SECONDS}s" >&2
# The suite again under AddressSanitizer and UndefinedBehaviorSanitizer, and
# every parser fuzzed for a bounded time (FA_FUZZ_SECONDS, default 5).
bash scripts/test-sanitizers.sh
echo "test: sanitizers and fuzzing passed after ${SECONDS}s" >&2
