#!/usr/bin/env bash
# Installs what pdpcheck needs on a fresh Debian machine, only what is missing:
# the C libraries it links (libmagic, libexif, zlib), exiftool and poppler-utils (test oracles and
# fixture writers), and python's phonenumbers (benchmark anchor). Safe to run repeatedly.
set -euo pipefail

packages=(libmagic-dev libexif-dev zlib1g-dev libimage-exiftool-perl poppler-utils pkg-config)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}" >&2
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ "${PDPCHECK_SKIP_PYTHON:-0}" != 1 ] && command -v python3 >/dev/null; then
  python3 -c 'import phonenumbers' 2>/dev/null || python3 -m pip install -q phonenumbers >&2 || \
    echo "setup: python phonenumbers unavailable; the benchmark comparison will say so" >&2
fi

command -v swift >/dev/null || { echo "setup: swift is not on PATH (expected /opt/swift/usr/bin)" >&2; exit 1; }
