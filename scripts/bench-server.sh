#!/usr/bin/env bash
# Load test of the HTTP API over loopback with wrk (Debian package `wrk`): 50 connections creating cases (each one a
# durable SQLite commit, synchronous=FULL), then 50 connections reading one case. Figures: docs/benchmarks.md "Server".
# Usage: bash scripts/bench-server.sh   (env: CONFIG=release|debug, DURATION=20s, CONNECTIONS=50, PORT=18089, SKIP_BUILD=1,
#        BIN=path to a rightsdesk binary to measure instead of .build/CONFIG/rightsdesk,
#        PACE_MS=think time per client between requests, default 0 = closed loop / saturation,
#        RESPONDENTS=number of different respondent companies the intakes name in turn, default 1000)
set -euo pipefail
cd "$(dirname "$0")/.."
config="${CONFIG:-release}"; duration="${DURATION:-20s}"; conns="${CONNECTIONS:-50}"; port="${PORT:-18089}"
threads=$(( conns < 2 ? 1 : 2 ))
command -v wrk >/dev/null || { echo "bench-server: wrk not found (apt-get install wrk)" >&2; exit 1; }
[ "${SKIP_BUILD:-0}" = 1 ] || swift build -c "$config" --product rightsdesk >/dev/null
bin="${BIN:-.build/$config/rightsdesk}"
dir="$(mktemp -d)"; db="$dir/bench.sqlite"
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$dir"' EXIT
"$bin" init --db "$db" >/dev/null
password="bench-$(date +%s%N)"
echo "$password" | "$bin" users add bench --role operator --password-stdin --db "$db" >/dev/null
RIGHTSDESK_LOG_LEVEL=warning "$bin" serve --db "$db" --port "$port" >/dev/null &
pid=$!
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$port/login" >/dev/null 2>&1 && break; sleep 0.1; done
token="$(curl -fs "http://127.0.0.1:$port/api/v1/auth/login" -H 'content-type: application/json' \
  -d "{\"username\":\"bench\",\"password\":\"$password\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')"
echo "== machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== database: $db ($(df -T "$dir" | awk 'NR==2 {print $2}'))"
export PACE_MS="${PACE_MS:-0}" RESPONDENTS="${RESPONDENTS:-1000}"
echo "== create: POST /api/v1/cases, $conns connections, think time ${PACE_MS} ms, ${RESPONDENTS} respondents, $duration ($config build)"
wrk -t"$threads" -c"$conns" -d"$duration" --latency -H "Authorization: Bearer $token" \
  -s scripts/bench-server-create.lua "http://127.0.0.1:$port"
echo "== read: GET /api/v1/cases/1, $conns connections, think time ${PACE_MS} ms, $duration"
wrk -t"$threads" -c"$conns" -d"$duration" --latency -H "Authorization: Bearer $token" \
  -s scripts/bench-server-read.lua "http://127.0.0.1:$port"
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== cases stored: $(curl -fs "http://127.0.0.1:$port/api/v1/cases?limit=1" -H "Authorization: Bearer $token" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')"
