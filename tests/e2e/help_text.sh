#!/usr/bin/env bash
# The help screen shows the Standard's text whole: scrolling through help
# at 80 and 120 columns, the screen's lines, joined, hold every glossary
# entry and every level descriptor exactly as the data has them (a line
# with a curly quote once lost its last characters), and its About page
# every paragraph of the source's introduction (issue 17).
. "$(dirname "$0")/../lib.sh"

"$BIN" new "$WORK/a.csv" --organisation Brent --date 2026-11-23 >/dev/null
DATA_DIR=$(cd "$DATA/../../data" && pwd)

read_help() { read_pager "$WORK/help.txt"; }

for size in 80x24 120x30; do
	tui_start "$size" xterm-256color C.UTF-8 "$BIN" "$WORK/a.csv"
	wait_for "Category 1 of 7" || continue
	keys '?'
	wait_for "lines 1-" || continue
	read_help || continue
	run python3 - "$WORK/help.txt" "$DATA_DIR" "${size%x*}" <<'PY'
import csv, re, sys
path, data, cols = sys.argv[1], sys.argv[2], int(sys.argv[3])
lines = {}
for row in open(path, encoding="utf-8"):
    number, _, text = row.rstrip("\n").partition("\t")
    lines[int(number)] = text.rstrip()
assert sorted(lines) == list(range(1, len(lines) + 1)), "help lines missing"
# Paragraphs: wrapped lines joined with one space (none after a hyphen
# inside a word, where the line breaking algorithm breaks too), between
# blank lines and headings (a line in capitals, "GLOSSARY (from the
# Standard)").
heading = re.compile(r"^[A-Z][A-Z ]+(\(from the Standard\))?$")
paragraphs, current = [], []
def join(rows):
    text = rows[0]
    for row in rows[1:]:
        text += row if re.search(r"\w-$", text) else " " + row
    return text
for n in sorted(lines):
    if lines[n] and not heading.match(lines[n]):
        if len(lines[n]) > cols - 2:
            print(f"line {n} wider than the screen: {lines[n]!r}")
        current.append(lines[n])
    elif current:
        paragraphs.append(join(current))
        current = []
if current:
    paragraphs.append(join(current))
norm = lambda s: re.sub(r"\s+", " ", s).strip()
shown = {norm(p) for p in paragraphs}
want = []
for r in csv.DictReader(open(f"{data}/glossary.csv", encoding="utf-8")):
    text = r["definition"] or "(the source document gives no text for this term)"
    want.append(f"{r['term']}: {text}")
missing = [w for w in want if norm(w) not in shown]
# the levels, each title beside its descriptor, in the About page's list
joined = norm(" ".join(paragraphs))
for r in csv.DictReader(open(f"{data}/levels.csv", encoding="utf-8")):
    if r["level"] != "none":
        want.append(f"{r['name']} – {r['descriptor']}")
        if norm(want[-1]) not in joined:
            missing.append(want[-1])
for w in missing:
    print("not shown whole:", w)
print(f"{len(want) - len(missing)} of {len(want)} texts whole")
PY
	expect_eq "$size: python exit" 0 "$RC"
	expect_eq "$size: every glossary entry and descriptor whole" "8 of 8 texts whole" "$OUT"
	expect_contains "$size: the quote's sentence whole" "consequences on Black, Asian" \
		"$(cut -f2 "$WORK/help.txt" | tr '\n' ' ' | tr -s ' ')"
	# the About page: every paragraph and footnote of the source's
	# introduction, whole (docs/standard-notes.md's repairs aside)
	# (each line once: pages overlap by a line)
	sort -t "$(printf '\t')" -k1,1n -u "$WORK/help.txt" | cut -f2 >"$WORK/help-text.txt"
	run python3 "$(dirname "$0")/../about_source.py" "$DATA/source/002_b9b6098a331af567.txt" \
		"$WORK/help-text.txt"
	expect_eq "$size: the About page is the source's introduction" \
		"40 of 40 source paragraphs whole" "$OUT"
	# a goes to the About page, Home back to the top
	keys Home a
	wait_for "ABOUT THE STANDARD (from the Standard)" || continue
	expect_eq "$size: a: the About page's heading first" \
		" ABOUT THE STANDARD (from the Standard)" "$(screen | sed -n 3p | sed 's/ *$//')"
	keys q
	wait_for "Category 1 of 7"
	keys q
	wait_for "EXITED=0"
done
finish
