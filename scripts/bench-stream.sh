#!/usr/bin/env bash
# npm run bench:stream: Stop-to-report, upload lag at Stop and peak RSS in a real browser (prints figures).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/system-deps.sh runtime
bash scripts/npm-deps.sh
exec npx tsx bench/stream.ts "$@"
