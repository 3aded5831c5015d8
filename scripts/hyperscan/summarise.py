"""Summarises the rows scripts/bench-hyperscan.sh printed (read from standard input or a file).

For each vocabulary and engine (ours; Hyperscan in modes ends, single, som): the median MB/s at each rule count with
the range over rounds, and the fall from the smallest to the largest count taken within each round (median, range);
then our engine's speed over Hyperscan's (match ends) at each count, within each round. Ours is the better of the
two measurements our benchmark makes per row (single-thread CPU time; the one-thread "all cores" run).
"""
import fileinput
import re
import statistics

runs = {}  # (vocabulary, engine) -> count -> round -> MB/s
vocabulary = None
for line in fileinput.input():
    if line.startswith("## "):
        vocabulary = line.split()[1]
        continue
    m = re.match(r"round (\d+) (ours|hyperscan): (.*)", line)
    if not m:
        continue
    round_, engine, cells = int(m[1]), m[2], [c.strip() for c in m[3].strip("| \n").split("|")]
    if engine == "ours":
        speed, key = max(float(cells[6]), float(cells[10].split()[0])), "ours"
    else:
        speed, key = float(cells[6]), "hyperscan " + cells[1]
    runs.setdefault((vocabulary, key), {}).setdefault(int(cells[0]), {})[round_] = speed


def spread(values):
    return f"{statistics.median(values):.0f} ({min(values):.0f}–{max(values):.0f})"


for vocabulary in dict.fromkeys(v for v, _ in runs):
    print(f"\n{vocabulary}: MB/s median (range) per rule count; fall smallest → largest count")
    for (v, engine), by_count in runs.items():
        if v != vocabulary:
            continue
        counts = sorted(by_count)
        low, high = by_count[counts[0]], by_count[counts[-1]]
        falls = [low[r] / high[r] for r in high if r in low]
        cells = "  ".join(f"{c}: {spread(list(by_count[c].values()))}" for c in counts)
        fall = (f"  fall {statistics.median(falls):.2f}× ({min(falls):.2f}–{max(falls):.2f})"
                if len(counts) > 1 else "")
        print(f"  {engine:18s} {cells}{fall}")
    ours, ends = runs.get((vocabulary, "ours"), {}), runs.get((vocabulary, "hyperscan ends"), {})
    for count in sorted(ours):
        ratios = [ours[count][r] / ends[count][r] for r in ours[count] if r in ends.get(count, {})]
        if ratios:
            print(f"  ours / Hyperscan (ends) at {count} rules: {statistics.median(ratios):.2f} "
                  f"({min(ratios):.2f}–{max(ratios):.2f})")
