#!/usr/bin/env bash
# The wizard and plain mode on frameworks of five levels (none, emerging,
# developing, established, leading; points 0 1 2 4 6) and of two (not
# met, met), from tests/data/frameworks: digits are levels (0 to n-1),
# the category screen shows n cells, the help, the overview's bars, the
# summary and plain mode word the framework's own levels.
. "$(dirname "$0")/../lib.sh"
FIVE="$DATA/frameworks/five-levels"
TWO="$DATA/frameworks/two-levels"

# level_of FILE ID: the level the file records for criterion ID.
level_of() {
	python3 -c 'import csv,sys
for r in csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8-sig")):
    if r["criterion_id"] == sys.argv[2]: print(r["level"] or "-")' "$@"
}

# ---- five levels, in the wizard ----
FILE="$WORK/five.csv"
"$BIN" --framework "$FIVE" new "$FILE" --organisation "Borough A" --date 2026-01-10 >/dev/null
tui_start 80x24 screen C.UTF-8 "$BIN" --framework "$FIVE" "$FILE"
wait_for "Category 1 of 3: Leadership" || finish
wait_for "Ranges: Emerging 0-4, Developing 5-10, Established 11-16, Leading 17-18"
wait_for "( ) 1 Emerging: A lead for the work is named."
wait_for "( ) 4 Leading: Other organisations adopt the plan."
wait_for "( ) 0 None: no cell of this row is reached"
wait_for "0-4 level  j/k move"
# 4 is Leading; 1.2 has no Established cell, so 3 is refused there
keys 4
wait_for "Level  4    -    -    -"
keys 3
wait_for "Refused: criterion 1.2 has no established cell; it can be none, developing,"
keys 5
wait_for "5 does nothing here."
keys 2 3 1
wait_for "Level  4    2    3    1"
# 6 + 2 + 4 + 1 = 13: Established (11-16), 4 more for Leading (17)
wait_for "Score 13/18  (4 more for Leading)      Level: Established"
expect_eq "five: leading saved by name" "leading developing established emerging" \
	"$(for id in 1.1 1.2 1.3 1.4; do level_of "$FILE" "$id"; done | tr '\n' ' ' | sed 's/ $//')"
keys Tab
wait_for "Category 2 of 3: Workforce"
keys g
wait_for "Overview: Borough A"
wait_for "Bars: █ points scored"
expect_contains "five: the bars' legend names the levels where ticks are" \
	"Bars: █ points scored, │ where Developing, where Established and where Leading start." \
	"$(screen | tr '\n' ' ' | tr -s ' ')"
keys s
wait_for "Leading in: none.  Emerging in: none.  Not assessed: 2, 3."
keys k
wait_for "Category 1: 4 more for Leading; the fewest steps"
keys '?'
wait_for "0 1 2 3 4     set None / Emerging / Developing / Established / Leading"
keys q
wait_for "Summary:"
keys q
wait_for "EXITED=0"

# ...and at 64x16: every cell still there (the ranges without their label)
tui_start 64x16 screen C.UTF-8 "$BIN" --framework "$FIVE" "$FILE"
wait_for "Category 2 of 3: Workforce" || finish
wait_for "Emerging 0-5, Developing 6-9, Established 10-19, Leading 20-23"
wait_for "( ) 4 Leading: Hiring outcomes are published."
keys q
wait_for "EXITED=0"

# ---- two levels, in the wizard ----
FILE="$WORK/two.csv"
"$BIN" --framework "$TWO" new "$FILE" --organisation "Borough B" --date 2026-01-10 >/dev/null
tui_start 80x24 screen C.UTF-8 "$BIN" --framework "$TWO" "$FILE"
wait_for "Category 1 of 2: Governance" || finish
wait_for "Ranges: Met 0-3"
wait_for "( ) 1 Met: A named person answers for the checklist."
wait_for "( ) 0 Not met: no cell of this row is reached"
wait_for "0-1 level  j/k move"
keys 2
wait_for "2 does nothing here."
keys 1 0 1
wait_for "Level  1    0    1"
wait_for "Score 2/3 (the top level)"
wait_for "Level: Met"
expect_eq "two: saved by name" "met not_met met" \
	"$(for id in 1.1 1.2 1.3; do level_of "$FILE" "$id"; done | tr '\n' ' ' | sed 's/ $//')"
keys g
wait_for "Overview: Borough B"
wait_for "Bars: █ points scored."
keys '?'
wait_for "0 1           set Not met / Met on the current criterion"
keys q q
wait_for "EXITED=0"

# ---- plain mode on a pipe, both ----
"$BIN" --framework "$FIVE" new "$WORK/p5.csv" --organisation "Borough A" --date 2026-01-10 >/dev/null
run bash -c "printf '%s\n' 4 2 3 1 s q | \"\$0\" --framework \"\$1\" --plain \"\$2\"" \
	"$BIN" "$FIVE" "$WORK/p5.csv"
expect_eq "five plain: exit" 0 "$RC"
expect_contains "five plain: the ranges" \
	"Score ranges: Emerging 0-4, Developing 5-10, Established 11-16, Leading 17-18" "$OUT"
expect_contains "five plain: five cells" "  4 Leading: Other organisations adopt the plan." "$OUT"
expect_contains "five plain: the prompt's keys" "Level for 1.1 [0, 1, 2, 3, 4, Enter keeps, ? help]:" "$OUT"
expect_contains "five plain: a row's own keys" "Level for 1.2 [0, 2, 4, Enter keeps, ? help]:" "$OUT"
expect_contains "five plain: the running score" \
	"1.4: Emerging. Category 1 score 13/18, Established." "$OUT"
run bash -c "printf '%s\n' 5 | \"\$0\" --framework \"\$1\" --plain \"\$2\"" \
	"$BIN" "$FIVE" "$WORK/p5.csv"
expect_eq "five plain: a digit beyond the levels ends a piped run" 1 "$RC"
expect_contains "five plain: says what the row takes" "input line 1, criterion 2a.1: \"5\": expected 0, 1, 2, 3, 4, Enter" "$ERR"

"$BIN" --framework "$TWO" new "$WORK/p2.csv" --organisation "Borough B" --date 2026-01-10 >/dev/null
run bash -c "printf '%s\n' 1 0 1 '?' q | \"\$0\" --framework \"\$1\" --plain \"\$2\"" \
	"$BIN" "$TWO" "$WORK/p2.csv"
expect_eq "two plain: exit" 0 "$RC"
expect_contains "two plain: the prompt's keys" "Level for 1.1 [0, 1, Enter keeps, ? help]:" "$OUT"
expect_contains "two plain: level 0's word" "  0 Not met: no cell of this row is reached" "$OUT"
expect_contains "two plain: complete" "1.3: Met. Category 1 score 2/3, Met." "$OUT"
expect_contains "two plain: ? lists the levels" "  0 Not met, 1 Met (only the levels shown)" "$OUT"
expect_contains "two plain: ? gives the descriptor" \
	"Met (1): The requirement is met in full and evidence is kept." "$OUT"
finish
