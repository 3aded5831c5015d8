#!/bin/sh
# Our prefilter engine and Hyperscan on the same generated rules and corpus, on this machine, in one run
# (docs/benchmarks.md, "Pattern engine", "Against Hyperscan on this machine").
#
#   scripts/bench-hyperscan.sh [--mb N] [--rounds R] [--rules 25,100,200,400]
#   scripts/bench-hyperscan.sh --pack rules/fake-job --orfd ../shared/data/orfd-dev.jsonl [--rounds R]
#
# Needs a release build of rightsdesk-bench and libhyperscan-dev (Debian's package; x86-64 only). Not part of CI:
# Hyperscan is a point of comparison, not a dependency. For each vocabulary (shared, growing) the corpus and rules are
# exported once (`rightsdesk-bench patterns --export`); then, in each of R rounds and for each rule count, our engine
# (one thread, CPU time; it measures twice, the row shows both) runs right before Hyperscan in three modes (match
# ends; one report per pattern and posting; leftmost starts), so that the machine's noise falls on all of them
# alike. Prints every run's rows, then (with python3) a summary by scripts/hyperscan/summarise.py: compare MB/s as
# ratios within a round. Both engines get the same rules: the first COUNT of the largest count's (with the growing
# vocabulary, rules after the smallest count bring words of their own, so our engine's run names the smallest count
# too and only the COUNT row is kept). With --pack and --orfd, the pack's patterns (every level, macros expanded) over
# ORFD's postings (read where the file lies, exported to a temporary folder that is removed at the end) instead.
set -eu
mb=8 rounds=3 rules=25,100,200,400 pack= orfd=
while [ $# -gt 0 ]; do
    case "$1" in
        --mb) mb=$2; shift 2 ;;
        --rounds) rounds=$2; shift 2 ;;
        --rules) rules=$2; shift 2 ;;
        --pack) pack=$2; shift 2 ;;
        --orfd) orfd=$2; shift 2 ;;
        *) echo "usage: $0 [--mb N] [--rounds R] [--rules 25,100,200,400] [--pack DIR --orfd PATH]" >&2; exit 2 ;;
    esac
done
if [ -n "$pack" ] || [ -n "$orfd" ]; then
    [ -n "$pack" ] && [ -n "$orfd" ] || { echo "--pack and --orfd go together" >&2; exit 2; }
fi
bench=.build/release/rightsdesk-bench
[ -x "$bench" ] || { echo "build first: swift build -c release --product rightsdesk-bench" >&2; exit 2; }
pkg-config --exists libhs || { echo "Hyperscan is not installed (apt-get install libhyperscan-dev)" >&2; exit 2; }
mkdir -p .build-hyperscan
hs=.build-hyperscan/hs-patterns
# shellcheck disable=SC2046 # pkg-config prints several words on purpose
gcc -O2 -Wall -Wextra -o "$hs" scripts/hyperscan/hs-patterns.c $(pkg-config --cflags --libs libhs)
work=$(mktemp -d /tmp/bench-hyperscan.XXXXXX)
trap 'rm -rf "$work"' EXIT
counts=$(echo "$rules" | tr ',' ' ')
smallest=$(echo "$counts" | tr ' ' '\n' | sort -n | head -n 1)
# Runs `rightsdesk-bench patterns` on the current vocabulary's source, then the given options (paths may hold spaces).
patterns() {
    if [ "$vocabulary" = pack ]; then
        "$bench" patterns --pack "$pack" --orfd "$orfd" "$@"
    else
        "$bench" patterns --mb "$mb" --vocabulary "$vocabulary" "$@"
    fi
}
measure() {
    corpus="generated corpus ${mb} MB"
    [ -z "$pack" ] || corpus="$pack over $orfd"
    echo "Machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), nproc $(nproc);" \
         "Hyperscan $(pkg-config --modversion libhs); $corpus; $(date -u '+%Y-%m-%d %H:%M UTC')"
    sets="shared growing"
    [ -z "$pack" ] || sets=pack
    for vocabulary in $sets; do
        if [ "$vocabulary" = pack ]; then
            patterns --export "$work/pack" > /dev/null
            counts=$(ls "$work/pack" | sed -n 's/^rules-\([0-9]*\)\.txt$/\1/p')
            smallest=$counts
        else
            patterns --rules "$rules" --export "$work/$vocabulary" > /dev/null
        fi
        echo
        if [ "$vocabulary" = pack ]; then echo "## pack $pack"; else echo "## $vocabulary vocabulary"; fi
        echo "ours: | rules | with literal | literals | AC states | build ms | — | MB/s 1 core | — | postings/s | — | wall (per CPU-s) | runs per posting | matches |"
        echo "hyperscan: | rules | mode | prefilter-mode patterns | left out | database KB | compile ms | MB/s 1 core | reports | postings reported |"
        round=1
        while [ "$round" -le "$rounds" ]; do
            for count in $counts; do
                out=$(patterns --rules "$smallest,$count" --prefilter-only --threads 1)
                row=$(echo "$out" | grep "^| $count |" | head -n 1)
                [ -n "$row" ] || { echo "no row for $count rules" >&2; exit 1; }
                echo "round $round ours: $row"
                for mode in ends single som; do
                    out=$("$hs" "$work/$vocabulary" "$mode" 1 "$count")
                    echo "round $round hyperscan: $out"
                done
            done
            round=$((round + 1))
        done
    done
    echo "all rounds done"
}
measure | tee "$work/rows.txt"
grep -q '^all rounds done$' "$work/rows.txt" || { echo "$0: a run failed" >&2; exit 1; }
if command -v python3 > /dev/null; then python3 scripts/hyperscan/summarise.py "$work/rows.txt"; fi
