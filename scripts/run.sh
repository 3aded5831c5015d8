#!/usr/bin/env bash
# One command for a newcomer: install what is missing, build, create the embedded SQLite database and start the
# server (web UI + JSON API). The first start creates the account `admin` and prints its password once.
# Usage: bash scripts/run.sh [DB] [PORT]   (defaults: ./rightsdesk.sqlite, 8080)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
swift build -c release --product rightsdesk
db="${1:-rightsdesk.sqlite}"
port="${2:-8080}"
bin=.build/release/rightsdesk
"$bin" init --db "$db"
echo "Open http://127.0.0.1:$port/ in a browser (Ctrl-C stops the server). The CLI is $bin (try '$bin --help')."
exec "$bin" serve --db "$db" --port "$port"
