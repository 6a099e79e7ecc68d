#!/usr/bin/env bash
# Actions in the wizard (issue 16): two actions added to a criterion (p,
# a, the form), one set at risk with a progress update, saved at once in
# NAME-actions.csv; the actions screen (A) finds it under overdue only
# after its date ("today" from TRI_ASSESS_TODAY), the dashboard (d) rates
# it; an assessment with the old action columns is migrated on open.
. "$(dirname "$0")/../lib.sh"
cp "$DATA/worked-example.csv" "$WORK/camden.csv"
A="$WORK/camden-actions.csv"

tui_start 80x24 screen C.UTF-8 env TRI_ASSESS_TODAY=2026-01-10 "$BIN" "$WORK/camden.csv"
wait_for "Category 2 of 7"
keys "[" p
wait_for "Actions for 1.1 (now: Established)"
wait_for "Target: Leading: Senior leaders personally challenge"
keys a
wait_for "New action for 1.1"
keys "Train every recruitment panel" Tab "Head of HR" Tab "2026-01-31" Escape
wait_for "Added action 1.1 #1."
keys a
wait_for "New action for 1.1"
keys "Publish the race equality plan" Tab "Zoë Ade" Tab Tab "Sept 2026 review" Escape
wait_for "Added action 1.1 #2."
wait_for "#2   Not started      due -"
# a due date that is not a date is refused, the form kept open
keys a
wait_for "New action for 1.1"
keys "Third" Tab Tab "March 2027" Escape
wait_for "expected a date as YYYY-MM-DD"
wait_for "New action for 1.1"
keys C-g
wait_for "Action edit discarded."
# the first: at risk (Space twice), with a progress update (r)
keys k Space
wait_for "1.1 #1: On track (green)."
keys Space
wait_for "1.1 #1: At risk (amber)."
keys r
wait_for "Progress on 1.1 #1:"
keys "Two panels trained; HR short-staffed" Enter
wait_for "1.1 #1: progress recorded (2026-01-10)."
wait_for "Latest: 2026-01-10"
wait_file_contains "$A" "2026-01-10 | "
# undo (on the criterion's screen) takes the update back, and saves it
keys Escape
wait_for "── 1.1 "
keys u
wait_for "Undid the last change to 1.1."
wait_file_contains "$A" "1.1,1,Strategic Leadership and Management,,Train every recruitment panel,Head of HR,2026-01-31,,at_risk,"
expect_not_contains "undo took the update back" "Two panels trained" "$(cat "$A")"
keys p
wait_for "Actions for 1.1"
keys k r
wait_for "Progress on 1.1 #1:"
keys "Two panels trained; HR short-staffed" Enter
wait_for "1.1 #1: progress recorded (2026-01-10)."
wait_file_contains "$A" "2026-01-10 | "
OUT=$(python3 -c 'import csv,sys
for r in csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8-sig")):
    print(r["criterion_id"], r["action_id"], r["activity"], r["lead_officer"], r["due"], r["due_note"], r["status"], "|", r["progress"].split(" | ")[-1])' "$A")
expect_eq "actions file" "1.1 1 Train every recruitment panel Head of HR 2026-01-31  at_risk | Two panels trained; HR short-staffed
1.1 2 Publish the race equality plan Zoë Ade  Sept 2026 review not_started | " "$OUT"
keys Escape
wait_for "── 1.1 "
# before its date: not overdue
keys A
wait_for "Actions: 2 of 2 (every action), by due date; today 2026-01-10"
wait_for "1.1 #1    At risk (amber)  due 2026-01-31"
keys o
wait_for "Actions: 0 of 2 (overdue)"
wait_for "No action matches."
keys q
wait_for "EXITED=0"

# after its date: under overdue, named on the dashboard
tui_start 80x24 screen C.UTF-8 env TRI_ASSESS_TODAY=2026-02-15 "$BIN" "$WORK/camden.csv"
wait_for "Category 2 of 7"
keys A
wait_for "today 2026-02-15"
keys o
wait_for "Actions: 1 of 2 (overdue)"
wait_for "1.1 #1    At risk (amber)  OVERDUE 2026-01-31"
keys f f f f
wait_for "Actions: 1 of 2 (overdue, At risk (amber))"
keys Enter
wait_for "── 1.1 "
keys d
wait_for "Dashboard, 2026-02-15"
wait_for "1    Established  Established  Red     Amber    Red            2       1"
wait_for "Overdue: 1.1 #1, due 2026-01-31: Train every recruitment panel"
wait_for "Progress: 2026-01-10 1.1 #1"
keys q
wait_for "EXITED=0"

# plain mode: the same through its commands (p, then a / s / r; A; d)
cp "$DATA/worked-example.csv" "$WORK/plain.csv"
OUT=$(printf '%s\n' "g 1.2" p a "Publish the plan" "Zoë Ade" 2026-03-01 "" "" \
	"s 1 at risk" "r 1 Draft delayed" "" "A overdue" d q |
	TERM=dumb TRI_ASSESS_TODAY=2026-04-01 "$BIN" "$WORK/plain.csv" 2>&1)
expect_contains "plain: added" "Added action 1.2 #1." "$OUT"
expect_contains "plain: status" "1.2 #1: At risk (amber)." "$OUT"
expect_contains "plain: update" "1.2 #1: progress recorded (2026-04-01)." "$OUT"
expect_contains "plain: listed" "  #1  At risk (amber); OVERDUE, due 2026-03-01: Publish the plan" "$OUT"
expect_contains "plain: A overdue" "1 action: overdue, by due date (today: 2026-04-01)" "$OUT"
expect_contains "plain: d" "Overall: Red   Delivery: Amber   Schedule: Red" "$OUT"
expect_contains "plain: saved" "at_risk,2026-04-01 | " "$(cat "$WORK/plain-actions.csv")"
# from a pipe a refused answer ends the run, naming the line (rule 18)
OUT=$(printf '%s\n' "g 1.1" p "s 1 done" q | TERM=dumb "$BIN" "$WORK/plain.csv" 2>&1)
expect_contains "plain: another row's action refused" "input line 3, the actions of 1.1: \"1\": expected the number of one of 1.1's actions" "$OUT"
OUT=$(printf '%s\n' "A soon" q | TERM=dumb "$BIN" "$WORK/plain.csv" 2>&1)
expect_contains "plain: A's argument checked" "\"A soon\": expected A, or A overdue" "$OUT"

# an assessment with the old columns: moved into the actions file on open
printf '%s\n' 'criterion_id,level,target_level,action,lead_officer,timescale' \
	'1.1,developing,,Appoint a race champion,Chief Executive,Sept 2019 review' >"$WORK/old.csv"
before=$(sha256sum <"$WORK/old.csv")
tui_start 80x24 screen C.UTF-8 "$BIN" "$WORK/old.csv"
wait_for "1 action from the old action columns; the first change saves old-actions.csv."
expect_eq "nothing written before a change" "$before" "$(sha256sum <"$WORK/old.csv")"
expect_eq "no actions file before a change" "" "$(ls "$WORK/old-actions.csv" 2>/dev/null)"
keys 0
wait_file_contains "$WORK/old-actions.csv" "Appoint a race champion"
keys q
wait_for "EXITED=0"
expect_eq "old columns gone from the assessment" "" "$(head -1 "$WORK/old.csv" | grep -o 'timescale')"
expect_contains "old columns in the actions file" "1.1,1,Strategic Leadership and Management,,Appoint a race champion,Chief Executive,,Sept 2019 review,not_started," "$(cat "$WORK/old-actions.csv")"
finish
