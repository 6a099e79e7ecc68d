#!/usr/bin/env bash
# Plain mode at parity (issue 15, clarifications rule 18): multi-line
# evidence and notes ending with a line holding only ".", ".." for a
# literal dot, "-" clears, Enter keeps; prompts show a text's first line
# and how many more; search with case and accents ignored, n and N; the
# summary with the fewest steps; the action plan; export; on a pipe, input
# ending inside a text keeps and saves what was typed and exits 1 naming
# the criterion; and the same at a terminal, in tmux.
. "$(dirname "$0")/../lib.sh"
export LANG=C.UTF-8 LC_ALL=C.UTF-8
FILE="$WORK/plain.csv"
"$BIN" new "$FILE" --organisation Camden --date 2026-11-23 >/dev/null
evidence() { # CRITERION FIELD: the field's text, as Python's repr
	python3 -c 'import csv,sys; r=[r for r in csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8-sig")) if r["criterion_id"] == sys.argv[2]][0]; print(repr(r[sys.argv[3]]))' "$FILE" "$1" "$2"
}

run bash -c "printf '%s\n' 2 1 'g 1.1' e 'Met Zoë at the board' .. 'second line' . \
	'A note' . e '' - '/zoe' '/inequalit' n N s p x q | \"\$0\" --plain \"\$1\"" "$BIN" "$FILE"
expect_eq "pipe: exit 0" 0 "$RC"
expect_eq "multi-line evidence, .. a literal dot" "'Met Zoë at the board\\n.\\nsecond line'" \
	"$(evidence 1.1 evidence)"
expect_eq "Enter kept the evidence; - cleared the notes" "''" "$(evidence 1.1 notes)"
expect_contains "the prompt shows the first line and how many more" \
	'Evidence, now "Met Zoë at the board" and 2 more lines.' "$OUT"
expect_contains "the notes' prompt" 'Notes, now "A note".' "$OUT"
expect_not_contains "never the whole text in a prompt" 'now "Met Zoë at the board
.' "$OUT"
expect_contains "search: accents and case ignored" '"zoe": 1.1, 1 matching criterion.' "$OUT"
expect_contains "search in the cells" '"inequalit": 1.2,' "$OUT"
expect_contains "n: the next match" '"inequalit": 1.3,' "$OUT"
expect_contains "summary: the fewest steps" \
	"Category 1: 8 more for Established; the fewest steps (3):" "$OUT"
expect_contains "summary: each step one plain line" \
	"1.8 to Leading, 3 more points: Senior leaders and managers can demonstrate" "$OUT"
expect_contains "summary in sentences" "Category 1: Strategic Leadership and Management: 3/22, Developing so far, 2 of 8 answered." "$OUT"
expect_contains "p: the action plan" "No action plan for 1.2 yet" "$OUT"
expect_contains "x: exported" "Exported the category summary to $WORK/plain-summary.csv" "$OUT"
[ -f "$WORK/plain-summary.csv" ] && pass || fail "x: no summary file"
expect_not_contains "no padding runs" "     " "$(printf '%s\n' "$OUT" | grep -v '^  [0-9] ')"
# N after n: back to the match before
expect_eq "N: the previous match" 2 "$(printf '%s\n' "$OUT" | grep -c '"inequalit": 1.2,')"

# Input ending inside a text: what was typed is kept and saved, exit 1
# naming the criterion.
run bash -c "printf 'g 1.2\ne\nfirst line\nsecond line' | \"\$0\" --plain \"\$1\"" "$BIN" "$FILE"
expect_eq "EOF inside a text: exit 1" 1 "$RC"
expect_contains "EOF inside a text: said, naming the criterion" \
	"input ended inside the evidence of criterion 1.2: what was typed is kept and saved." "$ERR"
expect_eq "EOF inside a text: saved" "'first line\\nsecond line'" "$(evidence 1.2 evidence)"

# In a locale that is not UTF-8: text transliterated, the file unchanged.
before=$(sha256sum <"$FILE")
OUT=$(printf 'g 1.1\ne\n' | LANG=C LC_ALL=C "$BIN" --plain "$FILE" 2>&1)
expect_contains "C locale: transliterated" 'Evidence, now "Met Zoe at the board" and 2 more lines.' "$OUT"
expect_eq "C locale: the file unchanged" "$before" "$(sha256sum <"$FILE")"

# At a terminal: the same, typed.
tui_start 80x24 xterm C.UTF-8 "$BIN" --plain "$FILE"
wait_for "Level for 1.3"
keys "g 1.1" Enter
wait_for "Level for 1.1"
keys e Enter
wait_for 'Evidence, now "Met Zoë at the board" and 2 more lines.'
keys "" Enter
wait_for 'Notes, now none.'
keys "Typed at a terminal" Enter "." Enter
wait_for "Kept the evidence and notes for 1.1."
keys "/ZOË" Enter
wait_for '"ZOË": 1.1, 1 matching criterion.'
keys q Enter
wait_for "EXITED=0"
expect_eq "terminal: the notes typed" "'Typed at a terminal'" "$(evidence 1.1 notes)"
finish
