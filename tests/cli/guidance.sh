#!/usr/bin/env bash
# The Standard's guidance where people read the Standard on the command
# line and in plain mode (issue 17): every category's description and every
# footnote of a cell, a section or a category, with its marker, in
# `criteria`, in plain mode's walk (a pipe) and in the report's text; the description column of
# `criteria --csv` (appended: rule 16); `about` and plain mode's `i about`:
# the source's introduction whole; a framework's own about.csv.
. "$(dirname "$0")/../lib.sh"

DATA_DIR=$(cd "$DATA/../../data" && pwd)

# check_texts KIND: reads the output on standard input; prints how many of
# the data's texts of KIND it holds whole (whitespace normalised), and
# names those it does not.  KIND: descriptions, notes (the criteria's,
# sections' and categories' footnotes, "[7] text").
check_texts() {
	cat >"$WORK/shown"
	python3 - "$DATA_DIR" "$1" "$WORK/shown" <<'PY'
import csv, re, sys
data, kind = sys.argv[1], sys.argv[2]
norm = lambda s: re.sub(r"\s+", " ", s).strip()
# a line broken after a word's hyphen or slash (UAX #14) joins it
unwrap = lambda s: re.sub(r"(\w[-/])\n\s*(?=\w)", r"\1", s)
shown = norm(unwrap(open(sys.argv[3], encoding="utf-8").read()))
want = []
if kind == "descriptions":
    want = [r["description"] for r in csv.DictReader(open(f"{data}/categories.csv", encoding="utf-8"))]
elif kind == "notes":
    want = [f"[{r['marker']}] {r['text']}" for r in csv.DictReader(open(f"{data}/footnotes.csv", encoding="utf-8"))
            if not r["target"].startswith("about:") and r["target"] != "levels"]
missing = [w for w in want if norm(w) not in shown]
for w in missing:
    print("missing:", w)
print(f"{len(want) - len(missing)} of {len(want)} {kind}")
PY
}

# ---- criteria
run "$BIN" criteria
expect_eq "criteria exit" 0 "$RC"
expect_eq "criteria: every description" "7 of 7 descriptions" "$(check_texts descriptions <<<"$OUT")"
expect_eq "criteria: every note of a cell or section" "3 of 3 notes" "$(check_texts notes <<<"$OUT")"
expect_contains "criteria: the cell's marker" "(EQIA). [6]" "$OUT"
expect_contains "criteria: the section's marker" "Section 2a: Recruitment [7]" "$OUT"
expect_contains "criteria: 2b.3's marker" "Race at Work Charter). [8]" "$OUT"

run "$BIN" criteria --csv
expect_eq "criteria --csv exit" 0 "$RC"
run python3 - "$DATA_DIR" <<PY
import csv, io, sys
rows = list(csv.DictReader(io.StringIO('''$OUT''')))
cats = {r["category"]: r["description"] for r in csv.DictReader(open(sys.argv[1] + "/categories.csv", encoding="utf-8"))}
wrong = [r["criterion_id"] for r in rows if r["description"] != cats[r["category"]]]
print(f"{len(rows)} rows, {len(wrong)} wrong", *wrong)
PY
expect_eq "criteria --csv: each row its category's description" "69 rows, 0 wrong" "$OUT"

# ---- about
SEED="$DATA/source/002_b9b6098a331af567.txt"
ABOUT_CHECK="$(dirname "$0")/../about_source.py"
run "$BIN" about
expect_eq "about exit" 0 "$RC"
printf '%s\n' "$OUT" >"$WORK/about.txt"
expect_eq "about: the source's introduction whole" "40 of 40 source paragraphs whole" \
	"$(python3 "$ABOUT_CHECK" "$SEED" "$WORK/about.txt")"
expect_contains "about: a level's full title beside its descriptor" \
	"Established practice – Partially compliant with the Standard's category" "$(tr '\n' ' ' <"$WORK/about.txt" | tr -s ' ')"
expect_contains "about: where the repairs are documented" "docs/standard-notes.md" \
	"$(sed -E ':a;N;$!ba;s/([[:alnum:]][-/])\n */\1/g' <<<"$OUT")"
expect_contains "about: the terminology note with its marker" "[1] The London local government" "$OUT"
run "$BIN" --framework "$DATA/frameworks/five-levels" about
expect_contains "about: a framework's own introduction" \
	"A framework made up for tri-assess's tests: five levels, none included." "$OUT"
expect_contains "about: a framework's note on a descriptor" \
	"[3] Under way means started, with a date to finish." "$OUT"
expect_not_contains "about: nothing of the built-in Standard" "Strategic Context" "$OUT"
run "$BIN" --framework "$DATA/frameworks/two-levels" about
expect_eq "about without about.csv: exit" 0 "$RC"
expect_contains "about without about.csv: the levels" "Levels of practice" "$OUT"

# ---- plain mode, on a pipe: Enter through every row, then i and i about
"$BIN" new "$WORK/p.csv" --organisation Brent --date 2026-11-23 >/dev/null
{ for _ in $(seq 69); do echo; done; } >"$WORK/walk.in"
run "$BIN" --plain "$WORK/p.csv" <"$WORK/walk.in"
expect_eq "plain walk exit" 0 "$RC"
expect_eq "plain: every description" "7 of 7 descriptions" "$(check_texts descriptions <<<"$OUT")"
expect_eq "plain: every note of a cell or section" "3 of 3 notes" "$(check_texts notes <<<"$OUT")"
expect_contains "plain: a 2a row carries [7]" "2a.5 [7] (now: not assessed)" "$OUT"
expect_contains "plain: the cell's marker" "(EQIA). [6]" "$OUT"
printf 'g 2b.1\ni\ni about\ni bogus\nq\n' >"$WORK/i.in"
run "$BIN" --plain "$WORK/p.csv" <"$WORK/i.in"
expect_contains "plain i: the category's guidance" "Guidance for category 2" "$OUT"
expect_eq "plain i: its notes" "2 of 3 notes" "$(check_texts notes <<<"$OUT" | tail -1)"
printf '%s\n' "$OUT" >"$WORK/plain-about.txt"
expect_eq "plain i about: the source's introduction whole" "40 of 40 source paragraphs whole" \
	"$(python3 "$ABOUT_CHECK" "$SEED" "$WORK/plain-about.txt")"
expect_eq "plain i bogus: refused on a pipe" 1 "$RC"
expect_contains "plain i bogus: said" "expected i (the category's guidance) or i about" "$ERR"

# ---- the report: each category's description under its heading, section
# 2a's note there, a cell's note where the cell is shown (1.2 Leading in
# the strengths, 2b.3 Established as a target in the action plan)
printf 'criterion_id,level,target_level,action\n1.2,leading,,\n2b.3,,established,Sign the Race at Work Charter\n' \
	>"$WORK/r.csv"
run "$BIN" report "$WORK/r.csv" -o "$WORK/r.html"
expect_eq "report exit" 0 "$RC"
python3 -c '
import html.parser, sys
class Text(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(); self.parts = []; self.skip = False
    def handle_starttag(self, tag, attrs): self.skip = tag in ("style", "svg")
    def handle_endtag(self, tag): self.skip = False if tag in ("style", "svg") else self.skip
    def handle_data(self, data):
        if not self.skip: self.parts.append(data)
t = Text(); t.feed(open(sys.argv[1], encoding="utf-8").read()); print(" ".join(t.parts))' \
	"$WORK/r.html" >"$WORK/r.txt"
expect_eq "report: every description" "7 of 7 descriptions" "$(check_texts descriptions <"$WORK/r.txt")"
expect_eq "report: every note of a cell or section" "3 of 3 notes" "$(check_texts notes <"$WORK/r.txt")"
expect_contains "report: the cell's marker" "(EQIA).</bdi><sup><bdi>[6]</bdi></sup>" \
	"$(cat "$WORK/r.html")"
expect_contains "report: 2b.3's note with its target cell" \
	"Race at Work Charter).</bdi><sup><bdi>[8]</bdi></sup><span class=\"footnote\">" \
	"$(cat "$WORK/r.html")"

finish
