#!/usr/bin/env bash
# Installs the system libraries RightsDesk builds against, only when missing (Debian/Ubuntu, as root or with sudo).
set -euo pipefail
needed=()
# chromium + fonts-noto-cjk: the web UI's browser test (RightsDeskServerTests/BrowserTests) and its screenshots.
for pkg in libsqlite3-dev libpcre2-dev chromium fonts-noto-cjk; do
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
