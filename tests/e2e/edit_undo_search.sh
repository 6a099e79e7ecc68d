#!/usr/bin/env bash
# The evidence and notes editor (multi-line UTF-8), undo, and search.
. "$(dirname "$0")/../lib.sh"
FILE="$WORK/edit.csv"
"$BIN" new "$FILE" --organisation Camden --date 2026-11-23 >/dev/null
tui_start 80x24 screen C.UTF-8 "$BIN" "$FILE"
wait_for "Category 1 of 7"

keys e
wait_for "Evidence and notes for 1.1"
keys "=SUM(A1) is text" Enter "Board paper, p. 4" Left Left BSpace C-a "See " Escape
wait_for "Kept the evidence and notes for 1.1."
wait_for "Evidence: =SUM(A1) is text"
# Formula guarding: inert in a spreadsheet, exact on reload.
wait_file_contains "$FILE" "\"'=SUM(A1) is text"
OUT=$(python3 -c 'import csv,sys; r=next(csv.DictReader(open(sys.argv[1], newline=""))); print(repr(r["evidence"]))' "$FILE")
expect_eq "editor text saved" "\"'=SUM(A1) is text\\nSee Board paper, p 4\"" "$OUT"

# Ctrl-G discards.
keys e
wait_for "Evidence and notes for 1.1"
keys "junk" C-g
wait_for "Edit discarded."
grep -q junk "$FILE" && fail "discarded text reached the file" || pass

# Undo a level, then the text.
keys 3
wait_for "── 1.2 "
keys u
wait_for "Undid the last change to 1.1."
wait_for "Score  0/22"
keys u
wait_for "Undid the last change to 1.1."
wait_for "Evidence and notes: none yet"
keys u
wait_for "Nothing to undo."

# Search across categories.
keys /
wait_for "Find:"
keys "trade union" Enter
wait_for "Category 6 of 7: Staff Networks and Trade Unions"
wait_for "\"trade union\": 6.10, 2 matching criteria. n/N: next/previous."
keys n
wait_for "\"trade union\": 6.11"
keys N
wait_for "\"trade union\": 6.10"

# Help shows the keys, the glossary and the About page (a: its start,
# right after the glossary's last entry, a page back).
keys '?'
wait_for "KEYS"
keys a
wait_for "ABOUT THE STANDARD (from the Standard)"
keys b
wait_for "Racial trauma"
keys q
wait_for "Category 6 of 7"
keys q
wait_for "EXITED=0"
finish
