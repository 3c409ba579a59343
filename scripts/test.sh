#!/usr/bin/env bash
# npm test: installs what is missing, lints (Biome), type-checks, builds the web app (the browser tests load it) and runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/system-deps.sh test
bash scripts/npm-deps.sh
echo "Linting..." >&2
npm run --silent lint
echo "Type-checking..." >&2
npx tsc -p tsconfig.json --noEmit
npx tsc -p web/tsconfig.json --noEmit
bash scripts/build-if-stale.sh
exec npx vitest run "$@"
