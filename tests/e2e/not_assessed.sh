#!/usr/bin/env bash
# "Not assessed" is a state of its own (issue 10 part 3): a new file shows
# no level anywhere in the wizard; a partly answered category shows its
# level so far with the count; a complete one its level from the ranges;
# the export and plain mode say the same.
. "$(dirname "$0")/../lib.sh"
FILE="$WORK/new.csv"
"$BIN" new "$FILE" --organisation "London Borough of Brent" --date 2026-11-02 >/dev/null

tui_start 80x24 screen C.UTF-8 "$BIN" "$FILE"
wait_for "Category 1 of 7: Strategic Leadership and Management"
wait_for "Score  0/22                            Level: not assessed"
expect_not_contains "new file: no level on the category screen" "Developing" \
	"$(screen | head -n 2)"
keys g
wait_for "Overview: London Borough of Brent"
wait_for "Total points 0/190; 0 of 69 criteria answered; 0 of 7 categories complete, 7"
expect_eq "new file: every category not assessed on the overview" 7 \
	"$(screen | grep -c '[1-7]  [A-Z].* 0/[0-9]* not assessed ')"
expect_not_contains "new file: no Developing on the overview" "Developing" "$(screen)"
keys s
wait_for "Leading in: none.  Developing in: none.  Not assessed: 1, 2, 3, 4, 5, 6, 7."
wait_for "Category 1 is not assessed: its rows need levels first."

# One answer: the level so far, with the count.
keys 1 Enter 2
wait_for "Score  2/22                            Level: Developing so far, 1 of 8 answered"
keys e
wait_for "Evidence and notes for 1.2 (not assessed)"
keys Escape
# Five answers, then all eight: the published ranges decide.
keys 1 2 2 2
wait_for "Score  9/22                            Level: Developing so far, 5 of 8 answered"
keys 3 0 3
wait_for "Score 15/22  (4 more for Leading)      Level: Established"
keys s
wait_for "Not assessed: 2, 3, 4, 5, 6, 7."
keys x
wait_for "Exported the category summary to $WORK/new-summary.csv"
summary=$(cat "$WORK/new-summary.csv")
expect_contains "export: complete category" \
	",1,Strategic Leadership and Management,15,22,established,London Borough of Brent,self,2026-11-02,8,8" "$summary"
expect_contains "export: no level for a category without answers" \
	",2,Employee Lifecycle,0,76,,London Borough of Brent,self,2026-11-02,0,28" "$summary"
keys q
wait_for "EXITED=0"

# Plain mode says the same.
OUT=$(printf '%s\n' "g 3.1" 1 s q | TERM=dumb "$BIN" "$FILE" 2>&1)
expect_contains "plain: the level so far" "3.1: Developing. Category 3 score 1/18, Developing so far, 1 of 6 answered." "$OUT"
expect_contains "plain: not assessed" "Category 4: Policies and Processes: 0/15, not assessed." "$OUT"
finish
