#!/usr/bin/env bash
# Builds the server (tsc) and the web app (vite) when their sources are newer than the last build.
set -euo pipefail
cd "$(dirname "$0")/.."
newer_than() { # $1 = stamp file, rest = source paths
  local stamp="$1"; shift
  [ ! -f "$stamp" ] && return 0
  [ -n "$(find "$@" -newer "$stamp" -type f -print -quit 2>/dev/null)" ]
}
if newer_than dist/.server-built server contracts package.json package-lock.json tsconfig.json tsconfig.build.json; then
  echo "Building the server..." >&2
  rm -rf dist/server
  npx tsc -p tsconfig.build.json >&2
  touch dist/.server-built
fi
if newer_than dist/web/index.html web contracts package.json package-lock.json; then
  echo "Building the web app..." >&2
  npx vite build --config web/vite.config.ts --logLevel warn >&2
fi
