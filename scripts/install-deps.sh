#!/usr/bin/env bash
# Installs the system libraries RightsDesk builds against, only when missing (Debian/Ubuntu, as root or with sudo).
# --with-browser also installs chromium and fonts-noto-cjk for the web UI's browser test (CI passes it).
set -euo pipefail
packages=(libsqlite3-dev libpcre2-dev)
[ "${1:-}" = "--with-browser" ] && packages+=(chromium fonts-noto-cjk)
needed=()
for pkg in "${packages[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || needed+=("$pkg")
done
if [ "${#needed[@]}" -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq "${needed[@]}"
fi
command -v swift >/dev/null || { echo "install-deps: Swift 6 toolchain not found on PATH (https://swift.org/install)" >&2; exit 1; }
