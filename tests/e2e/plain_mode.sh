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
expect_contains "plain prompt" "Level for 1.1 [0-3, Enter keeps, ? help]:" "$OUT"
expect_contains "plain shows cells" "  2 Established: A senior 'race' champion is appointed" "$OUT"
expect_contains "plain running score" "1.8: Leading. Category 1 score 15/22, Established." "$OUT"
expect_contains "plain summary" "Category 1 Strategic Leadership and Management   15/22  Established" "$OUT"
expect_contains "plain summary: a category without answers" "Category 2 Employee Lifecycle                     0/76  not assessed" "$OUT"
expect_contains "plain: the level so far while a category is partly answered" \
	"1.2: Developing. Category 1 score 3/22, Developing so far, 2 of 8 answered." "$OUT"
expect_contains "plain: a row nobody assessed" "1.1 (now: not assessed)" "$OUT"
run "$BIN" score --csv "$FILE"
expect_contains "plain file scores" "15,22,established" "$OUT"
expect_contains "plain file metadata" "Camden,peer,A. Facilitator,2026-11-23" "$(sed -n 2p "$FILE")"

# A refused level, then a good one; TERM=dumb picks plain mode by itself.
OUT=$(printf '%s\n' "g 1.3" 1 0 q | TERM=dumb "$BIN" "$FILE" 2>&1)
expect_contains "plain refusal" "Refused: criterion 1.3 has no developing cell; it can be none, established." "$OUT"
expect_contains "plain none" "1.3: None. Category 1 score 13/22, Established." "$OUT"

# End of input saves and exits cleanly.
OUT=$(printf '3\n' | TERM=dumb "$BIN" "$FILE" 2>&1)
expect_eq "plain at EOF exit" 0 "$?"
expect_contains "plain resumed at first open" "Level for 2a.1" "$OUT"
run "$BIN" score --csv "$FILE"
expect_contains "2a.1 leading saved" "2,Employee Lifecycle,3,76,developing" "$OUT"
finish
