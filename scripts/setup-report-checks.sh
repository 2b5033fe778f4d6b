#!/usr/bin/env bash
# Installs what the report checks need, only what is missing (Debian 12):
#   chromium + fonts-noto-cjk  print reports to PDF (factory-assess --pdf, the PDF test)
#   poppler-utils              pdftotext / pdfinfo read the PDFs back
#   default-jre-headless       runs the W3C Nu HTML checker
#   vnu-jar (npm)              the W3C Nu HTML checker, into /opt/fa-tools
#   libreoffice-calc-nogui     saves the questionnaire workbook again, as a user's Calc would
# The tests find vnu.jar at $FA_VNU_JAR, else at the path this script prints.
# Called by CI before the test suite; safe to run again.
set -euo pipefail

tools=${FA_TOOLS_DIR:-/opt/fa-tools}
sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)

missing=()
for p in chromium fonts-noto-cjk poppler-utils libreoffice-calc-nogui; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
command -v npm >/dev/null 2>&1 || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup-report-checks: installing ${missing[*]}" >&2
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

jar="$tools/node_modules/vnu-jar/build/dist/vnu.jar"
if [ ! -f "$jar" ]; then
  echo "setup-report-checks: installing vnu-jar into $tools" >&2
  "${sudo_cmd[@]}" mkdir -p "$tools"
  "${sudo_cmd[@]}" npm install --prefix "$tools" --no-audit --no-fund --loglevel=error vnu-jar >/dev/null
fi
echo "$jar"
