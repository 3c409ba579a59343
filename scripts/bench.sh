#!/usr/bin/env bash
# npm run bench: speed, memory and accuracy figures (prints them; never fails on a number).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/system-deps.sh runtime
bash scripts/npm-deps.sh
exec npx tsx bench/run.ts "$@"
