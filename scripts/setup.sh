#!/usr/bin/env bash
# Installs what factory-assess needs on Debian 12 (only what is missing) and
# builds it into build/. Used by the README's two commands and by CI.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(build-essential cmake ninja-build pkg-config
          libpoco-dev libpq-dev libsqlite3-dev libssl-dev
          libyaml-cpp-dev libyaml-dev libeigen3-dev doctest-dev libxlsxwriter-dev
          python3 python3-openpyxl)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
ninja -C build factory-assess factory-assess-tests "$@"
