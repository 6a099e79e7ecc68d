#!/usr/bin/env bash
# Plain mode: numbered prompts on a pipe, with TERM=dumb automatically;
# the same file and the same scores as the full-screen wizard.
. "$(dirname "$0")/../lib.sh"
FILE="$WORK/plain.csv"

# New file: details, then Category 1 as in the worked example, then quit.
OUT=$(printf '%s\n' "Camden" "peer" "A. Facilitator" "2026-11-23" 2 1 2 2 2 3 0 3 s q |
	TERM=xterm "$BIN" --plain "$FILE" 2>&1)
RC=$?
expect_eq "plain exit" 0 "$RC"
expect_contains "plain created" "Created $FILE." "$OUT"
expect_contains "plain prompt" "Level for 1.1 [0, 1, 2, 3, Enter keeps, ? help]:" "$OUT"
# the prompt lists only the levels the row has
expect_contains "plain prompt, a row without every cell" "Level for 1.3 [0, 2, Enter keeps, ? help]:" "$OUT"
expect_contains "plain shows cells" "  2 Established: A senior 'race' champion is appointed" "$OUT"
expect_contains "plain running score" "1.8: Leading. Category 1 score 15/22, Established." "$OUT"
# the summary in sentences a screen reader speaks well (no padding runs)
expect_contains "plain summary" "Category 1: Strategic Leadership and Management: 15/22, Established." "$OUT"
expect_contains "plain summary: a category without answers" "Category 2: Employee Lifecycle: 0/76, not assessed." "$OUT"
expect_contains "plain: the level so far while a category is partly answered" \
	"1.2: Developing. Category 1 score 3/22, Developing so far, 2 of 8 answered." "$OUT"
expect_contains "plain: a row nobody assessed" "1.1 (now: not assessed)" "$OUT"
run "$BIN" score --csv "$FILE"
expect_contains "plain file scores" "15,22,established" "$OUT"
expect_contains "plain file metadata" "Camden,peer,A. Facilitator,2026-11-23" "$(sed -n 2p "$FILE")"

# From a pipe, a refused level ends the run (exit 1) naming the input line
# and the criterion: the lines after it were meant for later rows, so none
# of them is applied (issue 10 part 2). TERM=dumb picks plain mode itself.
before=$(sha256sum <"$FILE")
run bash -c "printf '%s\n' 'g 1.3' 1 0 q | TERM=dumb \"\$0\" \"\$1\"" "$BIN" "$FILE"
expect_eq "plain refusal on a pipe: exit 1" 1 "$RC"
expect_contains "plain refusal names line and criterion" \
	"tri-assess: input line 2, criterion 1.3: criterion 1.3 has no developing cell; it can be none, established. Stopped there: nothing after it was applied; the answers before it are saved in $FILE." "$ERR"
expect_not_contains "plain: nothing after the refusal applied" "1.3: None." "$OUT"
expect_eq "plain refusal: file unchanged" "$before" "$(sha256sum <"$FILE")"

# Issue 10 part 2: Category 1 typed ahead as 2 2 1 2 2 2 3 3 (1.3 has no
# Developing cell): 1.1 and 1.2 saved, the 1 refused, nothing lands one
# row early, exit 1.
"$BIN" new "$WORK/typed.csv" --organisation Camden --date 2026-11-23 >/dev/null
run bash -c "printf '%s\n' 2 2 1 2 2 2 3 3 | \"\$0\" --plain \"\$1\"" "$BIN" "$WORK/typed.csv"
expect_eq "typed ahead: exit 1" 1 "$RC"
expect_contains "typed ahead: line 3 named" "input line 3, criterion 1.3: criterion 1.3 has no developing cell" "$ERR"
expect_eq "typed ahead: nothing lands a row early" "established established - - - - - -" "$(category1 "$WORK/typed.csv")"

# An answer that is not a command is refused the same way (a paste of
# prose: its letters are not commands), and so is a bad field of the form.
before=$(sha256sum <"$WORK/typed.csv")
run bash -c "printf '%s\n' 'see the 2013 report' 2 | \"\$0\" --plain \"\$1\"" "$BIN" "$WORK/typed.csv"
expect_eq "prose refused: exit 1" 1 "$RC"
expect_contains "prose refused: why" "input line 1, criterion 1.3: \"see the 2013 report\": expected 0, 2, Enter, or one of" "$ERR"
expect_eq "prose refused: file unchanged" "$before" "$(sha256sum <"$WORK/typed.csv")"
run bash -c "printf '%s\n' Camden peer-review Someone 2026-11-23 2 | \"\$0\" --plain \"\$1\"" "$BIN" "$WORK/form.csv"
expect_eq "bad form field: exit 1" 1 "$RC"
expect_contains "bad form field: why" "input line 2, assessment type: \"peer-review\": expected self or peer. Stopped there: nothing after it was applied." "$ERR"
[ -e "$WORK/form.csv" ] && fail "bad form field: the file was created" || pass

# At a terminal, a refused answer discards the lines typed after it and
# asks again.
tui_start 80x24 xterm C.UTF-8 "$BIN" --plain "$WORK/typed.csv"
wait_for "Level for 1.3 [0, 2, Enter keeps, ? help]:"
keys 1 Enter 2 Enter 2 Enter
wait_for "Refused: criterion 1.3 has no developing cell; it can be none, established."
wait_for "lines typed after it were discarded.)"
wait_settled
expect_eq "terminal: asked again for 1.3" "Level for 1.3 [0, 2, Enter keeps, ? help]:" "$(screen | grep -v '^$' | tail -n 1 | sed 's/ *$//')"
keys q Enter
wait_for "EXITED=0"
expect_eq "terminal: nothing typed ahead applied" "established established - - - - - -" "$(category1 "$WORK/typed.csv")"

# End of input saves and exits cleanly.
OUT=$(printf '3\n' | TERM=dumb "$BIN" "$FILE" 2>&1)
expect_eq "plain at EOF exit" 0 "$?"
expect_contains "plain resumed at first open" "Level for 2a.1" "$OUT"
run "$BIN" score --csv "$FILE"
expect_contains "2a.1 leading saved" "2,Employee Lifecycle,3,76,developing" "$OUT"
finish
