#!/usr/bin/env bash
# npm start: installs what is missing, builds when needed, migrates the database (at boot) and serves.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/system-deps.sh runtime
bash scripts/npm-deps.sh
bash scripts/build-if-stale.sh
exec node --enable-source-maps dist/server/main.js
