"""Checks the traditional → simplified pairs of Sources/PatternPack/TraditionalChinese.swift against OpenCC's
character table (TSCharacters.txt), used as a reference only.

    pip install opencc-python-reimplemented   # brings the table; nothing of it is copied into the project
    python3 scripts/check-traditional.py

Prints the pairs whose simplified form is not OpenCC's first choice, the traditional characters OpenCC does not
map, and the characters OpenCC lists as a possible simplified form of themselves (they belong in
`TraditionalChinese.ambiguous`, with 著, which OpenCC leaves to its phrase table). Exits 1 when a pair maps to a
character that is none of OpenCC's choices, or when the ambiguous set differs from what the table suggests.
Not part of CI (OpenCC is not a dependency).
"""
import os
import re
import sys

try:
    import opencc
except ImportError:
    sys.exit("needs OpenCC's tables: pip install opencc-python-reimplemented")

source = os.path.join(os.path.dirname(__file__), "..", "Sources", "PatternPack", "TraditionalChinese.swift")
text = open(source, encoding="utf-8").read()
block = text[text.index("private static let pairs"):]
block = block[:block.index("    ]\n")]
lines = re.findall(r'"([^"]*)"', block)
# The first line is written Cantonese mapped to Mandarin words: no script pair, not checked.
pairs = [pair for line in lines[1:] for pair in line.split()]
ambiguous_source = text[text.index("static let ambiguous"):]
ambiguous_source = ambiguous_source[:ambiguous_source.index("]")]
ambiguous = {chr(int(h, 16)) for h in re.findall(r"0x([0-9A-Fa-f]+)", ambiguous_source)}

table = {}
with open(os.path.join(os.path.dirname(opencc.__file__), "dictionary", "TSCharacters.txt"), encoding="utf-8") as f:
    for line in f:
        parts = line.rstrip("\n").split("\t")
        if len(parts) == 2:
            table[parts[0]] = parts[1].split(" ")

wrong, other_choice, unknown, self_listed = [], [], [], set()
for pair in pairs:
    traditional, simplified = pair[0], pair[1]
    choices = table.get(traditional)
    if choices is None:
        unknown.append(pair)
        continue
    if traditional in choices:
        self_listed.add(traditional)
    if choices[0] != simplified:
        (other_choice if simplified in choices else wrong).append(f"{pair} (OpenCC: {' '.join(choices)})")

print(f"{len(pairs)} pairs checked against {len(table)} OpenCC entries")
print("not OpenCC's first choice:", ", ".join(other_choice) or "none")
print("not mapped by OpenCC:", ", ".join(unknown) or "none")
print("listed by OpenCC as their own simplified form:", " ".join(sorted(self_listed)) or "none")
expected = self_listed | {"著"}
print("TraditionalChinese.ambiguous:", " ".join(sorted(ambiguous)))
problems = 0
if wrong:
    print("maps to none of OpenCC's choices:", ", ".join(wrong))
    problems += 1
if ambiguous != expected:
    print("ambiguous set differs: missing", " ".join(sorted(expected - ambiguous)) or "none",
          "; extra", " ".join(sorted(ambiguous - expected)) or "none")
    problems += 1
sys.exit(1 if problems else 0)
