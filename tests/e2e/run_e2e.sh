#!/bin/sh
# CTest launcher of a browser end-to-end test (questionnaire_e2e.js, or the
# script named third, e.g. crawl_e2e.js): exits
# 77, CTest's SKIP_RETURN_CODE, when node is not installed, so a machine
# without the browser tools skips the test with a message instead of failing.
# usage: sh tests/e2e/run_e2e.sh BINARY SOURCE_DIR [SCRIPT]
if ! command -v node >/dev/null 2>&1; then
  if [ "${FA_REQUIRE_CHECKS:-0}" = 1 ]; then
    echo "e2e_browser: required, cannot run: node is not installed (run: bash scripts/setup-web-checks.sh)"
    exit 1
  fi
  echo "e2e_browser: skipped: node is not installed (run: bash scripts/setup-web-checks.sh)"
  exit 77
fi
script=${3:-questionnaire_e2e.js}
exec node "$(dirname "$0")/$script" "$1" "$2"
