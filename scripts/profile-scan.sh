#!/bin/sh
# Where the scan's time goes, by sampling (docs/benchmarks.md, "Round 14").
#
#   scripts/profile-scan.sh [rightsdesk-bench scan --profile options …]
#
# Runs `rightsdesk-bench scan --profile` (release build) under `perf record -e cpu-clock -g` — a software clock,
# which works in virtual machines without hardware counters — and prints, for the samples whose stack holds the
# scan phase (`ScanBenchmark.measure`: reading, decoding, evaluating, writing; not the corpus loading or the registry
# build), the share of each function at the top of the stack. Needs `perf` (linux-perf) and a release build.
# Samples in PCRE2's JIT code are missing from the filtered share: their stacks do not unwind through JIT frames.
set -eu
bench=.build/release/rightsdesk-bench
[ -x "$bench" ] || { echo "build first: swift build -c release --product rightsdesk-bench" >&2; exit 2; }
command -v perf > /dev/null || { echo "perf is not installed (apt-get install linux-perf)" >&2; exit 2; }
data=$(mktemp /tmp/profile-scan.XXXXXX)
trap 'rm -f "$data" "$data.txt"' EXIT
SWIFT_DETERMINISTIC_HASHING=1 perf record -q -e cpu-clock -F 4000 -g -o "$data" "$bench" scan --profile "$@"
perf script -i "$data" -F ip,sym 2> /dev/null > "$data.txt"
awk '
    # A sample is a block of lines (leaf first) ended by an empty line.
    function flush() {
        if (n > 0 && inScan) { total++; count[leaf]++ }
        n = 0; inScan = 0
    }
    /^[[:space:]]*$/ { flush(); next }
    {
        symbol = $2
        if (n == 0) leaf = symbol
        if (index(symbol, "ScanBenchmarkO7measure") > 0) inScan = 1
        n++
    }
    END {
        flush()
        printf "%d samples in the scan phase\n", total
        for (s in count) printf "%6.1f %%  %s\n", 100 * count[s] / total, substr(s, 1, 110) | "sort -rn | head -40"
    }
' "$data.txt"
