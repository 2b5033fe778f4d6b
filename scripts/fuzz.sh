#!/usr/bin/env bash
# Long fuzzing runs of the parsers (fuzz/fuzz_targets.h): builds the
# sanitizer configuration of scripts/test-sanitizers.sh and runs each target
# for SECONDS (default 600), keeping its corpus in build-sanitize/fuzz-corpus/
# between runs. Prints inputs per second and corpus size per target; a
# finding is copied to tests/fuzz/regressions/<target>/ (commit it with the
# fix: the test suite replays it) and the run exits 1.
#
# usage: bash scripts/fuzz.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
shift || true
FA_FUZZ_ONLY=1 FA_FUZZ_SECONDS="$seconds" FA_FUZZ_TARGETS="${*:-}" exec bash scripts/test-sanitizers.sh
