#!/usr/bin/env bash
# Spreadsheet round trips (issue 14): files written by LibreOffice Calc
# (tests/data/spreadsheets/make-fixtures.sh calc) and by hand as Excel
# writes them load with every answer and text in place, each repair and
# doubt said on standard error naming its row, and a save writes the
# canonical form (UTF-8, commas, ISO dates, ids as text), keeping or
# adding the byte-order mark.
#   spreadsheets.sh            the committed fixtures, and hand-made cases
#   spreadsheets.sh --office   Calc's conversions redone now (suite office;
#                              exit 77 without soffice)
. "$(dirname "$0")/../lib.sh"
FIX="$DATA/spreadsheets"
SOURCE="$FIX/source.csv"
office=false
if [ "${1:-}" = --office ]; then
	command -v soffice >/dev/null || { echo "soffice is not installed: skipped"; exit 77; }
	office=true
	bash "$FIX/make-fixtures.sh" calc "$WORK/made" || { echo "make-fixtures.sh failed" >&2; exit 1; }
	FIX="$WORK/made"
fi
ID_NOTE='criterion_id "6.1" read as 6.10, by the rows'"'"' order (a spreadsheet wrote the id 6.10 as the number 6.1)'

# same_as_source FILE [DATE]: FILE holds every answer and text of the
# source, field by field; DATE: what a spreadsheet made of the timescale
# "March 2027" (kept as text).
same_as_source() {
	python3 - "$SOURCE" "$1" "${2:-}" <<'PY'
import csv, sys
source, saved, coerced = sys.argv[1], sys.argv[2], sys.argv[3]
def rows(path):
    return {r["criterion_id"]: r for r in csv.DictReader(open(path, encoding="utf-8-sig", newline=""))}
want, got = rows(source), rows(saved)
# The action plan columns moved into NAME-actions.csv when the wizard
# opened the file (clarifications rule 7): one action per row that had
# any, the timescale its due note (a date a spreadsheet made of it too).
moved = ("action", "lead_officer", "timescale")
actions = {}
if saved.endswith(".csv") and not any(c in next(iter(got.values()), {}) for c in moved):
    for r in csv.DictReader(open(saved[:-4] + "-actions.csv", encoding="utf-8-sig", newline="")):
        actions[r["criterion_id"]] = {"action": r["activity"], "lead_officer": r["lead_officer"],
                                      "timescale": r["due_note"] or r["due"]}
bad = []
if set(want) != set(got):
    bad.append(f"criteria differ: {sorted(set(want) ^ set(got))}")
for cid in want:
    for column, value in want[cid].items():
        if coerced and column == "timescale" and value == "March 2027":
            value = coerced
        have = got.get(cid, {}).get(column)
        if column in moved and column not in got.get(cid, {}):
            have = actions.get(cid, {}).get(column, "")
        if have != value:
            bad.append(f"{cid} {column}: {have!r}, expected {value!r}")
print("\n".join(bad[:5]))
PY
}

# check NAME BOM DATE NOTE...: score NAME (exit 0, each NOTE on standard
# error, and one warning per coerced timescale naming its line), then
# save it through plain mode (a change and its undo) and compare.
check() {
	local name=$1 bom=$2 date=$3 file="$FIX/$1"
	shift 3
	run "$BIN" score "$file"
	expect_eq "$name: loads" 0 "$RC"
	for note in "$@"; do
		expect_contains "$name: says" "$note" "$ERR"
	done
	if [ -n "$date" ]; then
		expect_eq "$name: a warning per coerced timescale" 12 \
			"$(grep -c "warning: .*: field \"timescale\" is \"$date\", a bare date as a spreadsheet writes one; kept as text" <<<"$ERR")"
		expect_contains "$name: the warning names line and row" \
			"warning: $file:8 (spreadsheet row 6): field \"timescale\" is \"$date\"" "$ERR"
	fi
	cp "$file" "$WORK/$name"
	printf '0\nu\nq\n' | "$BIN" --plain "$WORK/$name" >"$WORK/plain.out" 2>&1
	expect_contains "$name: plain mode lists the repairs" "repaired: $WORK/$name:75 (spreadsheet row 62): $ID_NOTE" \
		"$(cat "$WORK/plain.out")"
	expect_eq "$name: every answer and text in place" "" "$(same_as_source "$WORK/$name" "$date")"
	expect_eq "$name: byte-order mark" "$bom" "$(head -c 3 "$WORK/$name" | od -An -tx1 | tr -d ' \n')"
	run "$BIN" score "$WORK/$name"
	expect_eq "$name: saved in the canonical form (nothing to repair)" "" \
		"$(grep -v 'field "timescale"' <<<"$ERR")"
	expect_contains "$name: 6.10 written as text" $'\n"6.10",' "$(cat "$WORK/$name")"
}

BOM=efbbbf
check calc-default.csv $BOM "" "note: $FIX/calc-default.csv:75 (spreadsheet row 62): $ID_NOTE"
# Saved back: the source's records, field for field, without the columns
# that moved into the actions file (rule 7), and the same bytes again on
# the next save.
expect_eq "calc-default.csv: saved back as the source, less the moved columns" "same" \
	"$(python3 - "$SOURCE" "$WORK/calc-default.csv" <<'PY'
import csv, sys
moved = {"action", "lead_officer", "timescale"}
def table(path):
    rows = list(csv.reader(open(path, encoding="utf-8-sig", newline="")))
    keep = [i for i, name in enumerate(rows[0]) if name not in moved]
    return [[r[i] for i in keep] for r in rows]
print("same" if table(sys.argv[1]) == table(sys.argv[2]) else "differ")
PY
)"
cp "$WORK/calc-default.csv" "$WORK/again.csv"
printf '0\nu\nq\n' | "$BIN" --plain "$WORK/again.csv" >/dev/null 2>&1
cmp -s "$WORK/again.csv" "$WORK/calc-default.csv" && pass ||
	fail "calc-default.csv: a second save, expected the same bytes"
check calc-semicolons.csv 637269 03/01/27 \
	"note: $FIX/calc-semicolons.csv: fields separated by semicolons, as its header row is" "$ID_NOTE"
check calc-unicode-text.csv $BOM 03/01/27 \
	"note: $FIX/calc-unicode-text.csv: UTF-16 text, read as UTF-8 (a save writes UTF-8, behind a byte-order mark)" \
	"note: $FIX/calc-unicode-text.csv: fields separated by tabs" "$ID_NOTE"
check calc-windows-1252.csv $BOM 03/01/27 \
	"note: $FIX/calc-windows-1252.csv: Windows-1252 text, read as UTF-8" "$ID_NOTE"
$office && finish

UK_DATE='field "date" "24/11/2026" read as 2026-11-24 (day/month/year, as a UK spreadsheet writes it)'
check excel-uk-dates.csv $BOM 01/03/2027 "note: $FIX/excel-uk-dates.csv:2: $UK_DATE" "$ID_NOTE"
check excel-unicode-text.csv $BOM Mar-27 "note: $FIX/excel-unicode-text.csv: UTF-16 text" \
	"fields separated by tabs" "$UK_DATE" "$ID_NOTE"
check excel-windows-1252.csv $BOM Mar-27 "note: $FIX/excel-windows-1252.csv: Windows-1252 text" \
	"$UK_DATE" "$ID_NOTE"

# A points value that is not the level's: a warning naming the row; the
# level counts.  A sorted sheet: 6.10 told apart by its statement.
python3 - "$SOURCE" "$WORK/edited.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline="")))
head, body = rows[0], rows[1:]
c = {n: i for i, n in enumerate(head)}
body[0][c["points"]] = "3"                      # 1.1 is developing: 1 point
body.sort(key=lambda r: float(r[c["criterion_id"]]) if r[c["criterion_id"]][1] == "." else 0)
for r in body:
    if r[c["criterion_id"]] == "6.10":
        r[c["criterion_id"]] = "6.1"
csv.writer(open(sys.argv[2], "w", encoding="utf-8", newline=""), lineterminator="\r\n").writerows([head] + body)
PY
run "$BIN" score --csv "$WORK/edited.csv"
expect_eq "points edited: loads" 0 "$RC"
expect_contains "points edited: a warning naming the row" \
	"warning: $WORK/edited.csv:36 (spreadsheet row 30): field \"points\" is \"3\" but level \"developing\" gives 1 point; the level counts" "$ERR"
expect_contains "sorted: 6.10 by its statement" "criterion_id \"6.1\" read as 6.10, by its statement" "$ERR"
expect_contains "points edited: category 1 scores by level" "edited.csv,1,Strategic Leadership and Management,18," "$OUT"
finish
