#!/usr/bin/env bash
# npm run eval [-- DIR... --json --only TEXT --no-vision]: accuracy of the analysis on labelled recordings
# (every X with an X.truth.json beside it). Default: the shared fixtures, synthetic (media) and real speakers.
# Prints figures; never fails on a number (exit 1 only when a file that should analyse crashed).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/system-deps.sh runtime
bash scripts/npm-deps.sh
shared="${FIXTURES_ROOT:-$(cd .. && pwd)/shared/fixtures}"
dirs=()
opts=()
for a in "$@"; do
  if [[ "$a" == --* || ${#opts[@]} -gt 0 && "${opts[-1]}" == --only ]]; then opts+=("$a"); else dirs+=("$a"); fi
done
if [[ ${#dirs[@]} -eq 0 ]]; then dirs=("$shared/media" "$shared/real"); fi
exec bin/interview-analyzer eval "${dirs[@]}" "${opts[@]}"
