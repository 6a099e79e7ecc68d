#!/usr/bin/env bash
# A dropped link keeps what was being typed, in every editor and prompt
# (issue 10 part 6, rule 22): the action form (SIGHUP, SIGTERM),
# the remark prompt of a (the adoption is recorded at once; the remark
# typed so far is kept; Ctrl-G takes the adoption back), the evidence
# editor when the terminal itself goes (tmux killed); the new-assessment
# form and the W prompt create nothing.  Bracketed paste is reset on
# every way out.
. "$(dirname "$0")/../lib.sh"
FILE="$WORK/hup.csv"
"$BIN" new "$FILE" --organisation Camden --date 2026-11-23 >/dev/null

# field FILE ID COLUMN: one field of one row, as Python's repr.
field() {
	python3 -c 'import csv,sys
for r in csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8-sig")):
    if r["criterion_id"] == sys.argv[2]: print(repr(r[sys.argv[3]]))' "$@"
}
ACTIONS="$WORK/hup-actions.csv"

# --- the action form (p, a), SIGHUP and SIGTERM: the action typed so far
# is added to the actions file
for sig in HUP TERM; do
	tui_start 80x24 screen C.UTF-8 "$BIN" "$FILE"
	wait_for "Category 1 of 7"
	keys p
	wait_for "Actions for"
	id=$(screen | sed -n 's/^Actions for \([0-9a-z.]*\) .*/\1/p')
	keys a
	wait_for "New action for $id"
	keys "Publish EQIA outcomes, $sig" Tab "Head of Pol"
	wait_for "Head of Pol"
	kill -"$sig" "$(tui_pid)"
	wait_for "EXITED=0"
	expect_eq "action form, SIG$sig: activity kept" "'Publish EQIA outcomes, $sig'" "$(field "$ACTIONS" "$id" activity)"
	expect_eq "action form, SIG$sig: lead officer kept" "'Head of Pol'" "$(field "$ACTIONS" "$id" lead_officer)"
	printf '2\n' | "$BIN" --plain "$FILE" >/dev/null # the next round on the next row
done

# --- the remark prompt of a: the adoption is recorded at once
printf '%s\n' 'criterion_id,level' '1.1,leading' '1.2,none' >"$WORK/peer.csv"
tui_start 80x24 screen C.UTF-8 "$BIN" --compare "$WORK/peer.csv" --who Tester "$FILE"
wait_for "Category 1 of 7"
keys Home
wait_for "── 1.1 "
keys a
wait_for "Adopted. Remark (Ctrl-G: take back):"
expect_eq "a: adopted at once" "'leading'" "$(field "$FILE" 1.1 level)"
keys "agreed after disc"
wait_for "agreed after disc"
kill -HUP "$(tui_pid)"
wait_for "EXITED=0"
expect_eq "remark prompt, SIGHUP: the adoption stays" "'leading'" "$(field "$FILE" 1.1 level)"
expect_contains "remark prompt, SIGHUP: the remark typed so far is kept" \
	"| Tester | established -> leading | adopted from $WORK/peer.csv: agreed after disc'" \
	"$(field "$FILE" 1.1 history)"

# Ctrl-G takes the adoption back as u would; Esc keeps the remark.
tui_start 80x24 screen C.UTF-8 "$BIN" --compare "$WORK/peer.csv" --who Tester "$FILE"
wait_for "Category 1 of 7"
keys Home j
wait_for "── 1.2 "
before_history=$(field "$FILE" 1.2 history)
keys a
wait_for "Adopted. Remark (Ctrl-G: take back):"
expect_eq "a on 1.2: adopted" "'none'" "$(field "$FILE" 1.2 level)"
keys "not this one" C-g
wait_for "Took back the adoption for 1.2."
expect_eq "Ctrl-G: the level back" "'established'" "$(field "$FILE" 1.2 level)"
expect_eq "Ctrl-G: no record left" "$before_history" "$(field "$FILE" 1.2 history)"
keys a "room agreed" Escape
wait_for "1.2: adopted None (recorded in its history)."
expect_contains "Esc keeps the remark" "adopted from $WORK/peer.csv: room agreed'" "$(field "$FILE" 1.2 history)"
keys q
wait_for "EXITED=0"

# --- the evidence editor when the terminal goes (the tmux server killed)
tui_start 80x24 screen C.UTF-8 "$BIN" "$FILE"
wait_for "Category 1 of 7"
keys Home e
wait_for "Evidence and notes for 1.1"
keys "Minutes of 3 May" Tab "agreed"
wait_for "agreed"
pid=$(tui_pid)
tmux -L "$SOCKET" kill-server
deadline=$((SECONDS + 30))
while kill -0 "$pid" 2>/dev/null && [ $SECONDS -le $deadline ]; do sleep 0.05; done
expect_eq "terminal gone: evidence kept" "'Minutes of 3 May'" "$(field "$FILE" 1.1 evidence)"
expect_eq "terminal gone: notes kept" "'agreed'" "$(field "$FILE" 1.1 notes)"

# --- the W prompt: a file name half typed is not a decision
tui_start 80x24 screen C.UTF-8 "$BIN" "$FILE"
wait_for "Category 1 of 7"
keys W C-u "$WORK/half"
wait_for "Save to file: $WORK/half"
kill -HUP "$(tui_pid)"
wait_for "EXITED=0"
[ -e "$WORK/half" ] && fail "W prompt, SIGHUP: created a file" || pass

# --- the new-assessment form creates nothing on SIGHUP (or SIGTERM)
for sig in HUP TERM; do
	tui_start 80x24 screen C.UTF-8 "$BIN" "$WORK/new-$sig.csv"
	wait_for "New assessment:"
	keys "London Borough of Camden" Enter
	wait_for "London Borough of Camden"
	kill -"$sig" "$(tui_pid)"
	wait_for "EXITED=0"
	expect_eq "new form, SIG$sig: nothing created" "" "$(ls -A "$WORK" | grep "new-$sig")"
done

# --- bracketed paste on, and off on every way out
run python3 "$(dirname "$0")/pty_modes.py" "$BIN" "$FILE"
expect_eq "paste marks reset (q, SIGHUP, SIGTERM): $OUT $ERR" 0 "$RC"
finish
