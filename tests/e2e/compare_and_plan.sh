#!/usr/bin/env bash
# A borough pairing session: the wizard with --compare shows the peer's
# level beside each criterion, marks disagreements in words, adopts the
# peer's level with a remark, records who/when/old/new in the file; the
# action plan screen saves the target and an action (NAME-actions.csv).
. "$(dirname "$0")/../lib.sh"
cp "$DATA/worked-example.csv" "$WORK/self.csv"
printf '%s\n' 'criterion_id,level,organisation,assessment_type' '1.1,leading,Camden,peer' \
	'1.2,developing,,' '1.7,leading,,' >"$WORK/peer.csv"

tui_start 80x24 screen C.UTF-8 "$BIN" --compare "$WORK/peer.csv" --who "Peer: B. Name" "$WORK/self.csv"
# Not a moderation (two organisations): it opens as before.
wait_for "Category 2 of 7"
keys "["
wait_for "Peer review: 7 Developing so far"
# The map: our level, and the peer's with "!" where it differs.
wait_for "Level  2    1    2    2    2    3    0    3"
wait_for "Peer   3!   1    -!   -!   -!   -!   3!   -!"
wait_for "Leading (Peer review's level):"
# a adopts at once (the map shows it), then asks for the remark.
keys a
wait_for "Adopted. Remark (Ctrl-G: take back):"
wait_for "Level  3    1    2    2    2    3    0    3"
keys "agreed after discussion" Enter
wait_for "1.1: adopted Leading (recorded in its history)."
wait_for "Level  3    1    2    2    2    3    0    3"
wait_for "Peer   3    1    -!"
OUT=$(python3 -c 'import csv,sys; r=next(csv.DictReader(open(sys.argv[1], newline=""))); print(r["level"]); print(r["history"])' "$WORK/self.csv")
expect_contains "adopted level saved" "leading" "$OUT"
expect_contains "history: who, old, new, remark" "| Peer: B. Name | established -> leading | adopted from $WORK/peer.csv: agreed after discussion" "$OUT"

# A level changed by key in a comparison is recorded too.
keys j 2
wait_for "── 1.3 "
OUT=$(python3 -c 'import csv,sys; rows=list(csv.DictReader(open(sys.argv[1], newline=""))); print(rows[1]["history"])' "$WORK/self.csv")
expect_contains "changed level recorded" "| Peer: B. Name | developing -> established | set while comparing with $WORK/peer.csv" "$OUT"
# Undo takes the history line back with the level.
keys u
wait_for "Undid the last change to 1.2."
OUT=$(python3 -c 'import csv,sys; rows=list(csv.DictReader(open(sys.argv[1], newline=""))); print(rows[1]["level"], repr(rows[1]["history"]))' "$WORK/self.csv")
expect_eq "undo restores level and history" "developing ''" "$OUT"

# The action plan for 1.2: its target (t), and an action (a, the form).
keys k j p
wait_for "Actions for 1.2 (now: Developing)"
wait_for "Target: Established: Roles and responsibilities"
wait_for "No actions yet: a adds one."
keys t
wait_for "Kept the action plan for 1.2."
wait_for "Target: Leading: Roles and responsibilities"
keys a
wait_for "New action for 1.2"
keys "Publish EQIA outcomes quarterly" Tab "Head of Policy" Tab Tab "March 2027" Escape
wait_for "Added action 1.2 #1."
wait_for "#1   Not started      due -"
run "$BIN" plan --csv "$WORK/self.csv"
expect_contains "plan saved" "1.2,Strategic Leadership and Management,developing,leading," "$OUT"
expect_contains "plan text saved" ",Publish EQIA outcomes quarterly,Head of Policy,March 2027,not_started," "$OUT"
expect_contains "the action is in the actions file" "Publish EQIA outcomes quarterly" "$(cat "$WORK/self-actions.csv")"
keys Escape
wait_for "── 1.2 "
keys q
wait_for "EXITED=0"

# The wizard's summary export, with a byte-order mark on request.
tui_start 80x24 screen C.UTF-8 "$BIN" --bom "$WORK/self.csv"
wait_for "Score "
keys x
wait_for "Exported the category summary to $WORK/self-summary.csv"
expect_eq "export starts with a BOM" "efbbbf66" "$(head -c 4 "$WORK/self-summary.csv" | od -An -tx1 | tr -d ' \n')"
expect_contains "export rows" "self.csv,1,Strategic Leadership and Management," "$(cat "$WORK/self-summary.csv")"
keys q
wait_for "EXITED=0"

# Plain mode compares too.
OUT=$(printf '%s\n' "g 1.7" "a same as peer" q | TERM=dumb "$BIN" --compare "$WORK/peer.csv" --who Tester "$WORK/self.csv" 2>&1)
expect_contains "plain shows the other level" "Peer review: Leading (differs; a adopts it)" "$OUT"
expect_contains "plain adopts" "1.7: adopted Leading (recorded in its history)." "$OUT"
run "$BIN" compare --csv "$WORK/self.csv" "$WORK/peer.csv"
expect_contains "now they agree on 1.7" "criterion,1.7,Strategic Leadership and Management,leading,leading,3,3,+0,no" "$OUT"
finish
