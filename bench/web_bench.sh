#!/usr/bin/env bash
# Web app benchmark (issue #6 item 7): requests per second and p99 latency at
# 50 concurrent connections for (a) a report page and (b) answer autosaves.
#
# Starts `factory-assess serve` on a temporary SQLite database (or on the
# empty database given with --db, e.g. a fresh PostgreSQL schema), seeds a
# consultant, a factory, a submitted assessment (the answers of
# examples/sme-machining-waigang.yaml, so there is a report page) and drafts
# for the autosaves, signs in for a session cookie and CSRF token, then runs
# wrk (Debian's package; scripts/setup-web-checks.sh installs it) against
# each. Prints requests/s, p99 latency, errors and the server's CPU time per
# request. Exits 1 when any request failed (a socket error, wrk's 2 s timeout
# included, or a response other than 200).
#
# usage: bash bench/web_bench.sh [BINARY] [--db URL]
#   BINARY defaults to build/factory-assess. Settings (environment):
#   FA_BENCH_CONNECTIONS (50), FA_BENCH_THREADS (2), FA_BENCH_DURATION (10s),
#   FA_BENCH_SERVER_THREADS (the server's --threads; its default when unset).
#   On PostgreSQL, an empty schema of its own (docs/store.md has figures):
#     url=$(bash scripts/setup-postgres.sh | tail -n 1); psql "$url" -c 'CREATE SCHEMA fa_bench'
#     bash bench/web_bench.sh --db "$url?options=-csearch_path%3Dfa_bench"
#     psql "$url" -c 'DROP SCHEMA fa_bench CASCADE'
set -euo pipefail
cd "$(dirname "$0")/.."

binary=build/factory-assess
db=
while [ $# -gt 0 ]; do
  case "$1" in
    --db) db=$2; shift 2 ;;
    -h|--help) sed -n '2,22p' "$0"; exit 0 ;;
    *) binary=$1; shift ;;
  esac
done
connections=${FA_BENCH_CONNECTIONS:-50}
wrk_threads=${FA_BENCH_THREADS:-2}
duration=${FA_BENCH_DURATION:-10s}

for tool in wrk curl; do
  command -v "$tool" >/dev/null || { echo "web_bench: needs $tool (bash scripts/setup-web-checks.sh)" >&2; exit 2; }
done
[ -x "$binary" ] || { echo "web_bench: no binary at $binary (ninja -C build factory-assess)" >&2; exit 2; }

tmp=$(mktemp -d /tmp/fa-web-bench.XXXXXX)
server_pid=
cleanup() {
  if [ -n "$server_pid" ]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT

# ---- the server
admin_pw=bench-admin-first-pw
# wrk's connections all come from 127.0.0.1: no per-client cap (serve's
# default of 16 would answer the rest 503).
serve_args=(serve --listen 127.0.0.1:0 --db "${db:-$tmp/fa.db}" --quiet --max-per-client 0)
[ -n "${FA_BENCH_SERVER_THREADS:-}" ] && serve_args+=(--threads "$FA_BENCH_SERVER_THREADS")
FA_ADMIN_PASSWORD=$admin_pw "$binary" "${serve_args[@]}" 2>"$tmp/server.log" &
server_pid=$!
base=
for _ in $(seq 1 300); do
  base=$(grep -o 'listening on http://127\.0\.0\.1:[0-9]*' "$tmp/server.log" | sed 's/listening on //' || true)
  [ -n "$base" ] && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$tmp/server.log" >&2; echo "web_bench: the server did not start" >&2; exit 1; }
  sleep 0.1
done
[ -n "$base" ] || { cat "$tmp/server.log" >&2; echo "web_bench: the server did not start in 30 s" >&2; exit 1; }
echo "web_bench: $("$binary" --version 2>/dev/null || echo factory-assess) at $base, $(grep -o 'store [a-z]*' "$tmp/server.log" | head -1)"

# ---- a small JSON API client: api JAR METHOD PATH [BODY] prints the body,
# fails unless the status is the expected one ($expect, default 200).
api() {
  local jar=$1 method=$2 path=$3 body=${4:-}
  local csrf
  csrf=$(cat "$jar.csrf" 2>/dev/null || true)
  local args=(-sS -o "$tmp/body" -w '%{http_code}' -b "$jar" -c "$jar" -X "$method" -H "X-CSRF-Token: $csrf")
  [ -n "$body" ] && args+=(-H 'Content-Type: application/json' --data-binary "$body")
  local status
  status=$(curl "${args[@]}" "$base$path")
  if [ "$status" != "${expect:-200}" ]; then
    echo "web_bench: $method $path: expected ${expect:-200}, got $status: $(head -c 400 "$tmp/body")" >&2
    exit 1
  fi
  cat "$tmp/body"
}
json_field() { grep -o "\"$1\":\"\\?[^,\"}]*" | head -1 | sed "s/\"$1\":\"\\?//"; }
login() {
  local jar=$1 user=$2 pw=$3
  rm -f "$jar" "$jar.csrf"
  local token
  token=$(api "$jar" GET /api/csrf | json_field csrf)
  echo "$token" >"$jar.csrf"
  token=$(api "$jar" POST /api/login "{\"username\": \"$user\", \"password\": \"$pw\"}" | json_field csrf)
  echo "$token" >"$jar.csrf"
}

# ---- seed
admin=$tmp/admin.jar
login "$admin" admin "$admin_pw"
api "$admin" POST /api/password "{\"current\": \"$admin_pw\", \"new\": \"bench-admin-changed-pw\"}" >/dev/null
factory=$(expect=201 api "$admin" POST /api/factories '{"name": "上海冈泰精密机械加工有限公司", "credit_code": "91310114MA1FL3K7XP",
  "town": "外冈镇", "industry": "general_machinery", "manufacturing_type": "discrete", "employees": 38, "revenue": 2600}' | json_field id)
consultant=$(expect=201 api "$admin" POST /api/users '{"username": "bench", "password": "bench-consultant-pw",
  "display_name": "压测顾问", "role": "consultant", "must_change_password": false}' | json_field id)
api "$admin" POST /api/assignments "{\"consultant\": $consultant, \"factory\": $factory, \"assigned\": true}" >/dev/null
rubric=$(api "$admin" GET /api/rubrics | grep -o '{[^{}]*"rubric":"sme-digital-2024"[^{}]*}' | json_field id)
[ -n "$rubric" ] || { echo "web_bench: the rubric sme-digital-2024 is not registered" >&2; exit 1; }

me=$tmp/consultant.jar
login "$me" bench bench-consultant-pw
# One open draft per factory and round (docs/store.md "Semantics"): each
# assessment gets a round of its own.
new_assessment() { expect=201 api "$me" POST "/api/factories/$factory/assessments" "{\"rubric\": $rubric, \"round\": \"$1\"}" | json_field id; }

# The submitted assessment: the example's answers (level 1, 27.9 points).
submitted=$(new_assessment 2026)
scenes="product_design process_design marketing after_sales planning_scheduling production_control quality equipment
        safety energy procurement warehousing_logistics finance hr collaboration decision_support"
answers=(
  'foundation.network=["shopfloor_network"]' 'foundation.equipment_digital=35' 'foundation.equipment_networked=8'
  'foundation.data_collection=["procurement","finance"]' 'foundation.info_systems="one_area"'
  'foundation.network_security=["products"]' 'foundation.data_security=["products"]'
  'management.planning="learning"' 'management.mechanisms=[]' 'management.talent=["staff"]' 'management.funding=0.4'
  'outcomes.green="unchanged"' 'outcomes.quality="increased"' 'outcomes.market="unchanged"' 'outcomes.value="unchanged"')
for s in $scenes; do
  case $s in procurement|finance) answers+=("scenes.$s=2") ;; *) answers+=("scenes.$s=1") ;; esac
done
for a in "${answers[@]}"; do
  api "$me" PUT "/api/assessments/$submitted/answers/${a%%=*}" "{\"value\": ${a#*=}, \"evidence\": \"bench\", \"version\": 0}" >/dev/null
done
api "$me" POST "/api/assessments/$submitted/submit" '{}' >/dev/null
report_path=/assessments/$submitted/report
api "$me" GET "$report_path" | grep '上海冈泰精密机械加工有限公司' >/dev/null || { echo "web_bench: the report page does not name the factory" >&2; exit 1; }

# Drafts for the autosaves, 16 scene questions each: per wrk thread about
# twice as many (draft, question) slots as its connections, so every
# connection has a question of its own to save.
drafts=
draft_count=$((wrk_threads * (connections / wrk_threads / 16 * 2 + 2)))
[ "$draft_count" -le 70 ] || { echo "web_bench: $draft_count drafts need more rounds than 2030-2099" >&2; exit 2; }
for i in $(seq 1 "$draft_count"); do
  drafts=${drafts:+$drafts,}$(new_assessment $((2029 + i)))
done
criteria=$(for s in $scenes; do printf 'scenes.%s,' "$s"; done)
cookie="fa_session=$(awk '$6 == "fa_session" {print $7}' "$me")"
csrf=$(cat "$me.csrf")
[ "$cookie" != "fa_session=" ] && [ -n "$csrf" ] || { echo "web_bench: no session cookie or CSRF token" >&2; exit 1; }

# ---- runs: wrk's output, then one summary line each
# The server's CPU time (user + system, clock ticks) from /proc: CPU per
# request is a figure that a busy machine distorts less than requests/s.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$server_pid/stat"; }
failed=0
summary=()
run() {
  local name=$1 script=$2 url=$3; shift 3
  echo
  echo "== $name: wrk -c$connections -t$wrk_threads -d$duration --latency -s $script $url -- (session cookie, CSRF token, …)"
  local cpu0 cpu1
  cpu0=$(cpu_ticks)
  wrk -c"$connections" -t"$wrk_threads" -d"$duration" --latency -s "$script" "$url" -- "$@" | tee "$tmp/wrk.out"
  cpu1=$(cpu_ticks)
  local rps p99 socket not200 errors requests cpu_ms
  requests=$(awk '/requests in/ {print $1}' "$tmp/wrk.out")
  cpu_ms=$(awk -v t=$((cpu1 - cpu0)) -v hz="$(getconf CLK_TCK)" -v n="${requests:-0}" \
    'BEGIN { if (n > 0) printf "%.2f", t * 1000 / hz / n; else print "?" }')
  rps=$(awk '/^Requests\/sec:/ {print $2}' "$tmp/wrk.out")
  p99=$(awk '$1 == "99%" {print $2}' "$tmp/wrk.out")
  socket=$(awk -F'[ ,]+' '/Socket errors:/ {print $5 + $7 + $9 + $11}' "$tmp/wrk.out")
  not200=$(awk '/^not-200 responses:/ {print $3}' "$tmp/wrk.out")
  errors=$(( ${socket:-0} + ${not200:-0} ))
  [ -n "$rps" ] && [ -n "$not200" ] || errors=$((errors + 1))
  summary+=("$(printf '%-12s %9s req/s   p99 %9s   errors %d (socket %d, not 200: %s)   server CPU %s ms/request' \
    "$name" "${rps:-?}" "${p99:-?}" "$errors" "${socket:-0}" "${not200:-?}" "$cpu_ms")")
  [ "$errors" -eq 0 ] || failed=1
}
run "report page" bench/web_report.lua "$base$report_path" "$cookie"
run "autosave" bench/web_autosave.lua "$base/api/assessments" "$cookie" "$csrf" "$drafts" "${criteria%,}" "$wrk_threads"

# Every acknowledged autosave is stored: the drafts' answer versions add up
# to at least the saves wrk completed.
stored=0
for d in ${drafts//,/ }; do
  for v in $(api "$me" GET "/api/assessments/$d/answers" | grep -o '"version":[0-9]*' | tail -n +2 | sed 's/.*://'); do
    stored=$((stored + v))
  done
done
completed=$(awk '/requests in/ {print $1}' "$tmp/wrk.out")
echo
echo "autosave: $stored saves stored, wrk completed $completed requests"
[ "$stored" -ge "${completed:-0}" ] || { echo "web_bench: fewer saves stored than acknowledged" >&2; failed=1; }

echo
echo "web_bench: $connections connections, $wrk_threads wrk threads, $duration each; $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%s\n' "${summary[@]}"
[ "$failed" -eq 0 ] || { echo "web_bench: FAILED: some requests failed" >&2; exit 1; }
