#!/usr/bin/env bash
# The Standard's guidance where people read the Standard on the command
# line: every category's description and every footnote of a cell, a
# section or a category, with its marker, in `criteria`; the description
# column of `criteria --csv` (appended: rule 16).
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
shown = norm(open(sys.argv[3], encoding="utf-8").read())
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

finish
