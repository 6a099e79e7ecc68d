#!/usr/bin/env bash
# Text as people read it (issue 15): the editor wraps at word boundaries
# and keeps the cursor on the text; search ignores case and accents and
# highlights every match (capture-pane -e); N goes back; on a large screen
# the category screen shows evidence and notes in full, at a readable
# measure.
. "$(dirname "$0")/../lib.sh"
FILE="$WORK/text.csv"
"$BIN" new "$FILE" --organisation Camden --date 2026-11-23 >/dev/null

# attrs LINE-PATTERN: the captured line (with its attributes) holding it
attrs() {
	tmux -L "$SOCKET" capture-pane -e -p -t t | grep -F -- "$1" | head -1
}

tui_start 80x24 xterm-256color C.UTF-8 "$BIN" "$FILE"
wait_for "Category 1 of 7"
keys e
wait_for "Evidence and notes for 1.1"
# 70 x's then "publicly": a cut by characters at 77 columns would leave
# "publicl" on the first row and "y" on the next
LONG=$(printf 'x%.0s' $(seq 70))
keys "$LONG publicly committed" Enter "Met Zoë and Łukasz at the Straße" Tab "Notes line one" \
	Enter "Notes line two"
wait_for "Notes line two"
expect_contains "word wrap: the word whole on the next row" "  publicly committed" "$(screen)"
expect_not_contains "word wrap: never inside a word" "publicl"$'\n' "$(screen)"
# the cursor is on the row it edits (a screen reader follows it)
CUR=$(tmux -L "$SOCKET" display -p -t t '#{cursor_y} #{cursor_x}')
ROW=$(screen | grep -n "Notes line two" | cut -d: -f1)
expect_eq "cursor on the last row typed, after its text" "$((ROW - 1)) $((2 + 14))" "$CUR"
keys Escape
wait_for "Kept the evidence and notes for 1.1."
# 80x24 has a line for the texts: J and K scroll them (the cells all fit)
wait_for "Evidence:"
keys J J J
wait_for "Met Zoë and Łukasz at the Straße"
keys J J J J J
wait_for "The end of 1.1's texts: K goes back."
keys K K K K K K K K
wait_for "The start of 1.1's texts: J shows more."
keys 2
wait_for "── 1.2 "
keys q
wait_for "EXITED=0"

# 120x40: the current criterion's evidence and notes in full.
tui_start 120x40 xterm-256color C.UTF-8 "$BIN" "$FILE"
wait_for "Category 1 of 7"
keys k
wait_for "── 1.1 "
wait_for "Evidence: $LONG publicly committed"
wait_for "Met Zoë and Łukasz at the Straße"
wait_for "Notes: Notes line one"
wait_for "Notes line two"
# the editor shows the cell the room chose above the fields
keys e
wait_for "1.1 Established: A senior 'race' champion is appointed who acts as an"
wait_for "Evidence and notes for 1.1"
keys Escape
wait_for "Kept the evidence and notes for 1.1."

# Search: case and accents ignored; every match highlighted (reverse).
keys /
wait_for "Find:"
keys "zoe" Enter
wait_for '"zoe": 1.1, 1 matching criterion.'
LINE=$(attrs "Met ")
expect_contains "the match in reverse video" $'\e[7mZoë' "$LINE"
keys /
wait_for "Find:"
keys "ŁUKASZ" Enter
wait_for '"ŁUKASZ": 1.1, 1 matching criterion.'
expect_contains "Łukasz highlighted" $'\e[7mŁukasz' "$(attrs "Met ")"
keys / "strasse" Enter
wait_for '"strasse": 1.1'
expect_contains "ß found by ss" $'\e[7mStraße' "$(attrs "Met ")"
# n and N, next and previous, round the criteria that match
keys / "inequalit" Enter
wait_for '"inequalit": 1.2,'
keys n
wait_for '"inequalit": 1.3,'
keys N
wait_for '"inequalit": 1.2,'
expect_contains "the cells' matches highlighted" $'\e[7minequalit' "$(attrs "racial")"
# an empty search forgets it: nothing highlighted
keys / Enter
wait_for "Search cancelled."
expect_not_contains "no highlight after a cancelled search" $'\e[7minequalit' "$(attrs "racial")"
keys q
wait_for "EXITED=0"

# In a locale that is not UTF-8, text is shown transliterated (the file
# keeps it exactly).
tui_start 120x40 xterm-256color C "$BIN" "$FILE"
wait_for "Category 1 of 7"
keys k
wait_for "-- 1.1 "
wait_for "Met Zoe and Lukasz at the Strasse"
keys q
wait_for "EXITED=0"
grep -q "Met Zoë and Łukasz at the Straße" "$FILE" && pass || fail "the stored text changed"

# Emphasis without colour (NO_COLOR): the current row's level in the
# table in reverse video; a level recorded on it changes inside it, and
# the next row's takes it over.
tui_start 80x24 xterm-256color C.UTF-8 env NO_COLOR=1 "$BIN" "$FILE"
wait_for "Category 1 of 7"
wait_for "── 1.2 "
wait_settled # (the table is drawn after the rule; under valgrind, later)
expect_contains "the current row's level in reverse" $'2    \e[7m-\e[' "$(attrs "Level  2")"
keys 3
wait_for "── 1.3 "
wait_settled
expect_contains "recorded, and the reverse on the next row" $'2    3    \e[7m-\e[' \
	"$(attrs "Level  2")"
keys End
wait_for "── 1.8 "
keys 3
wait_for "Level  2    3    -    -    -    -    -    3"
wait_settled
expect_contains "a level set on the last row, in the reverse" $'-    \e[7m3' \
	"$(attrs "Level  2")"
if tmux -L "$SOCKET" capture-pane -e -p -t t | grep -qE $'\e\\[([0-9;]*;)?(3[0-7]|4[0-7]|38|48)[;m]'; then
	fail "a colour with NO_COLOR"
else
	pass
fi
keys q
wait_for "EXITED=0"

# 200x50: the category's description and the cells at a readable measure
# (at most 100 columns, a margin); only the rule spans the width.
tui_start 200x50 xterm-256color C.UTF-8 "$BIN" "$FILE"
wait_for "Category 1 of 7"
wait_for "0 None: no cell of this row is reached"
wait_settled
WIDEST=$(screen | sed -n '3,20p' | grep -v '───' | awk '{ sub(/ +$/, ""); if (length > m) m = length } END { print m }')
[ -n "$WIDEST" ] && [ "$WIDEST" -gt 80 ] && [ "$WIDEST" -le 102 ] && pass || fail "cells wider than the measure: $WIDEST columns"
keys q
wait_for "EXITED=0"
finish
