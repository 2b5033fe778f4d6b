#!/usr/bin/env bash
# Installs what the web app's end-to-end checks and benchmark need, only what
# is missing (Debian 12):
#   chromium                 the real browser the end-to-end test drives
#   playwright-core (npm)    drives /usr/bin/chromium (no browser download), into /opt/fa-tools
#   wrk, curl                the HTTP load generator bench/web_bench.sh uses, and its seeding client
# Called by CI before the test suite; safe to run again. Prints the directory
# whose node_modules holds playwright-core.
set -euo pipefail

tools=${FA_TOOLS_DIR:-/opt/fa-tools}
sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)

missing=()
for p in chromium wrk curl; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
command -v npm >/dev/null 2>&1 || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup-web-checks: installing ${missing[*]}" >&2
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ ! -f "$tools/node_modules/playwright-core/package.json" ]; then
  echo "setup-web-checks: installing playwright-core into $tools" >&2
  "${sudo_cmd[@]}" mkdir -p "$tools"
  # playwright-core never downloads a browser; the test points it at /usr/bin/chromium.
  "${sudo_cmd[@]}" npm install --prefix "$tools" --no-audit --no-fund --loglevel=error playwright-core >/dev/null
fi
echo "$tools"
