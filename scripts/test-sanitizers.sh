#!/usr/bin/env bash
# The test suite again under AddressSanitizer and UndefinedBehaviorSanitizer
# (clang), with every fuzz target built (-DFA_FUZZ=ON) and run for a bounded
# time from its seed corpus. scripts/test.sh runs this after the normal
# suite; any sanitizer report or fuzz finding fails it. A finding is copied
# to tests/fuzz/regressions/<target>/, which the suite replays from then on.
#
# usage: bash scripts/test-sanitizers.sh
#   FA_FUZZ_SECONDS  seconds per fuzz target (default 5, which keeps CI under 30 minutes;
#                    0 builds but does not fuzz; scripts/fuzz.sh runs them longer)
#   FA_FUZZ_TARGETS  the targets to run (default: all of fuzz/fuzz_targets.cpp)
#   FA_FUZZ_ONLY=1   skip the unit suite (scripts/fuzz.sh)
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(clang libclang-rt-14-dev)
missing=()
for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  echo "sanitizers: installing ${missing[*]}" >&2
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

build=build-sanitize
flags="-fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined"
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
# RelWithDebInfo's own "-O2 -g" replaced: -O1 is what ASan advises, and line
# tables are all a report's stack needs (and compile much faster than -g).
# The test files themselves at -O0: instrumented, they compile three times
# faster so, and they only drive the stages (CMakeLists.txt FA_TESTS_OPT).
CC=clang CXX=clang++ cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only" -DFA_FUZZ=ON -DFA_TESTS_OPT=-O0 \
  -DCMAKE_CXX_FLAGS="$flags" -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" "${launcher[@]}" >/dev/null
targets=${FA_FUZZ_TARGETS:-$(sed -n 's/^ *{"\([a-z_]*\)", Fuzz[A-Za-z]*, .*/\1/p' fuzz/fuzz_targets.cpp)}
ninja -C "$build" factory-assess factory-assess-tests $(for t in $targets; do echo "fuzz_$t"; done)

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:detect_stack_use_after_return=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0"
if [ "${FA_FUZZ_ONLY:-0}" != 1 ]; then
  echo "sanitizers: the unit suite under AddressSanitizer and UndefinedBehaviorSanitizer" >&2
  # The page crawl (e2e_crawl), the import and ranking journeys
  # (e2e_journeys) and the workbook upload (e2e_workbook) run in the plain
  # build only: under the sanitizers they would take CI past its time; the
  # questionnaire's browser journey stays.
  # So do the report checks that hand finished reports to outside tools
  # (vnu, Chromium's PDF printing, pdftotext) and the workbook check that
  # LibreOffice saves again: they test layout and outside readers, and the
  # rendering they drive is run under the sanitizers by the report tests.
  # And the three big-data equivalence tests (10,000 rows streamed against
  # read whole, 3,000 rows across windows: 14-19 s each instrumented): the
  # same reading, windowing and spooling code runs under the sanitizers in
  # the small cohort tests (window-straddling rows, parallel parts).
  # Likewise two of the four equivalence tests of ranking candidates made
  # from cohort rows (tests/ranking/cohort_candidates_test.cpp: the tier
  # filters, and the town, industry and node filters; 51-57 s each
  # instrumented): the other two run the same candidate reading across
  # windows, with tiers and filters, under the sanitizers.
  big='rank command: a cohort read window by window.*|synth: 10k rows stream.*|score --cohort: 10,000 rows.*'
  big+="|rank over a cohort: tier verdicts told from a row's scores are its Assessment's"
  big+='|rank over a cohort: town and industry filters, a blank revenue and node sources agree with the Assessment path'
  ctest --test-dir "$build" --output-on-failure -j2 \
    -E "^(e2e_crawl|e2e_journeys|e2e_workbook|(commission )?report checks: .*|workbook checks: .*|$big)\$"
fi

seconds=${FA_FUZZ_SECONDS:-5}
[ "$seconds" -gt 0 ] || exit 0
failed=0
for t in $targets; do
  corpus="$build/fuzz-corpus/$t"
  mkdir -p "$corpus" "$build/fuzz-findings/$t"
  seeds=$(sed -n "s/^ *{\"$t\", Fuzz[A-Za-z]*, {\(.*\)}},/\1/p" fuzz/fuzz_targets.cpp | tr -d '",')
  log="$build/fuzz-findings/$t/log.txt"
  if "$build/fuzz_$t" "$corpus" $seeds -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
       -artifact_prefix="$build/fuzz-findings/$t/" -print_final_stats=1 >"$log" 2>&1; then
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    echo "fuzz: $t: no finding in ${seconds}s: ${execs:-?} inputs ($(( ${execs:-0} / seconds ))/s), corpus $(ls "$corpus" | wc -l) files" >&2
  else
    failed=1
    mkdir -p "tests/fuzz/regressions/$t"
    for f in "$build/fuzz-findings/$t"/crash-* "$build/fuzz-findings/$t"/leak-* "$build/fuzz-findings/$t"/timeout-* "$build/fuzz-findings/$t"/oom-*; do
      [ -e "$f" ] && cp "$f" "tests/fuzz/regressions/$t/"
    done
    echo "fuzz: $t: FINDING (log: $log; inputs copied to tests/fuzz/regressions/$t/)" >&2
    tail -n 40 "$log" >&2
  fi
done
exit $failed
