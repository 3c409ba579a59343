#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages the app needs, when they are missing.
#   scripts/system-deps.sh runtime   ffmpeg, pocketsphinx + its US English model, tar + bzip2 (speech model archives)
#   scripts/system-deps.sh test      the same, plus chromium (browser tests), sox, and postgresql + redis-server (scale-out tests)
# As root it runs apt-get; with password-less sudo it uses sudo; otherwise it prints the exact command.
set -euo pipefail
mode="${1:-runtime}"

missing=()
command -v ffmpeg >/dev/null 2>&1 && command -v ffprobe >/dev/null 2>&1 || missing+=(ffmpeg)
{ command -v pocketsphinx_continuous >/dev/null 2>&1 || command -v pocketsphinx >/dev/null 2>&1; } || missing+=(pocketsphinx)
[ -d /usr/share/pocketsphinx/model/en-us ] || missing+=(pocketsphinx-en-us)
# `interview-analyzer models download` unpacks the release archives with `tar -xjf` (bzip2)
command -v tar >/dev/null 2>&1 || missing+=(tar)
command -v bzip2 >/dev/null 2>&1 || missing+=(bzip2)
if [ "$mode" = "test" ]; then
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  command -v sox >/dev/null 2>&1 || missing+=(sox)
  compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null || missing+=(postgresql)
  command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
fi
[ ${#missing[@]} -eq 0 ] && exit 0

cmd="apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
  echo "Installing system packages: ${missing[*]}" >&2
  bash -c "$cmd" >&2
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  echo "Installing system packages with sudo: ${missing[*]}" >&2
  sudo bash -c "$cmd" >&2
else
  echo "Missing system packages: ${missing[*]}. Install them with:" >&2
  echo "  sudo bash -c '$cmd'" >&2
  exit 1
fi
