#!/usr/bin/env bash
# The help screen shows the Standard's text whole: scrolling through help
# at 80 and 120 columns, the screen's lines, joined, hold every glossary
# entry and every level descriptor exactly as the data has them (a line
# with a curly quote once lost its last characters).
. "$(dirname "$0")/../lib.sh"

"$BIN" new "$WORK/a.csv" --organisation Brent --date 2026-11-23 >/dev/null
DATA_DIR=$(cd "$DATA/../../data" && pwd)

# read_help: page through help from the top; write the help's lines, in
# order, to $WORK/help.txt (each body row at its place, by the "lines A-B
# of N" header).
read_help() {
	local first last total rows s
	: >"$WORK/help.txt"
	while :; do
		s=$(screen)
		read -r first last total < <(sed -n '2s/^lines \([0-9]*\)-\([0-9]*\) of \([0-9]*\)$/\1 \2 \3/p' <<<"$s")
		[ -n "$first" ] || { fail "no 'lines A-B of N' header on: $s"; return 1; }
		rows=$((last - first + 1))
		# body rows start on screen line 3; the text starts in column 2
		sed -n "3,$((2 + rows))p" <<<"$s" | sed 's/^ //' |
			awk -v first="$first" '{ print first + NR - 1 "\t" $0 }' >>"$WORK/help.txt"
		[ "$last" -lt "$total" ] || break
		keys Space
		wait_for "lines $((last < total - rows + 1 ? last : total - rows + 1))-" 10 || return 1
	done
	pass
}

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
for r in csv.DictReader(open(f"{data}/levels.csv", encoding="utf-8")):
    if r["level"] != "none":
        unit = "point" if r["points"] == "1" else "points"
        want.append(f"{r['name']} ({r['points']} {unit}): {r['descriptor']}")
missing = [w for w in want if norm(w) not in shown]
for w in missing:
    print("not shown whole:", w)
print(f"{len(want) - len(missing)} of {len(want)} texts whole")
PY
	expect_eq "$size: python exit" 0 "$RC"
	expect_eq "$size: every glossary entry and descriptor whole" "8 of 8 texts whole" "$OUT"
	expect_contains "$size: the quote's sentence whole" "consequences on Black, Asian" \
		"$(cut -f2 "$WORK/help.txt" | tr '\n' ' ' | tr -s ' ')"
	keys q
	wait_for "Category 1 of 7"
	keys q
	wait_for "EXITED=0"
done
finish
