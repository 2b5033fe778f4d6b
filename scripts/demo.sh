#!/usr/bin/env bash
# Sets everything up and runs the main job on the bundled defaults: scores the
# example factories in examples/ against their rubrics in rubrics/ and writes
# their assessments and diagnosis reports to out/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
./build/factory-assess demo --out out "$@"
