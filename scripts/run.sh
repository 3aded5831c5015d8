#!/usr/bin/env bash
# One command for a newcomer: install what is missing, build, create the embedded SQLite database and show the queue.
# Usage: bash scripts/run.sh [DB]   (default ./rightsdesk.sqlite)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
swift build -c release --product rightsdesk
db="${1:-rightsdesk.sqlite}"
bin=.build/release/rightsdesk
"$bin" init --db "$db"
echo
"$bin" case list --db "$db"
echo
echo "RightsDesk is ready. Try:  $bin case open --db $db --kind complaint --narrative '中介收了押金不退'"
echo "Binary: $bin  (run '$bin --help' for every command; docs/operators.md walks through a day)"
