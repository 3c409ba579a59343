#!/usr/bin/env bash
# Installs npm packages when node_modules is missing or older than package-lock.json; checks Node's version.
set -euo pipefail
cd "$(dirname "$0")/.."
node -e 'const [a,b]=process.versions.node.split(".").map(Number); if (a<20||(a===20&&b<19)) { console.error(`Node ${process.versions.node} is too old: Interview Analyzer needs Node 20.19 or newer.`); process.exit(1) }'
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ] || [ package.json -nt node_modules/.package-lock.json ]; then
  echo "Installing npm packages (the first time compiles better-sqlite3: about 1-2 minutes)..." >&2
  # ONNXRUNTIME_NODE_INSTALL=skip: onnxruntime-node uses the CPU binaries inside its package and downloads nothing.
  ONNXRUNTIME_NODE_INSTALL=skip npm install --no-audit --no-fund >&2
fi
