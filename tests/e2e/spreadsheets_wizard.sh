#!/usr/bin/env bash
# The wizard on files a spreadsheet wrote (issue 14): the first screen says
# what reading repaired and doubts, help (?) lists each, and the first save
# writes the canonical form; a file with a byte-order mark keeps it, one
# without gets none, a new file starts with one.
. "$(dirname "$0")/../lib.sh"
FIX="$DATA/spreadsheets"
BOM=efbbbf
first3() { head -c 3 "$1" | od -An -tx1 | tr -d ' \n'; }

# Excel (UK) "CSV UTF-8": a byte-order mark, a UK date, 6.10 made 6.1, the
# timescale "March 2027" made a date.
cp "$FIX/excel-uk-dates.csv" "$WORK/uk.csv"
tui_start 80x24 xterm-256color C.UTF-8 "$BIN" "$WORK/uk.csv"
wait_for "uk.csv came through a spreadsheet: 2 repairs, 12 warnings (? lists them); saving"
wait_for "writes tri-assess's form."
keys '?'
wait_for "WHAT READING THE FILE REPAIRED OR DOUBTS"
wait_for "Repaired: $WORK"
wait_for '"24/11/2026"'
wait_for "Warning: $WORK"
keys Escape
wait_gone "WHAT READING THE FILE"
expect_eq "nothing saved before a change" "$(sha256sum <"$FIX/excel-uk-dates.csv")" \
	"$(sha256sum <"$WORK/uk.csv")"
keys g Enter 0   # the overview, Category 1, 1.1 to None: the first save
wait_file_contains "$WORK/uk.csv" ",2026-11-24,"
keys q
wait_for "EXITED=0"
expect_eq "the byte-order mark kept" $BOM "$(first3 "$WORK/uk.csv")"
expect_contains "6.10 written as text" $'\n"6.10",' "$(cat "$WORK/uk.csv")"
run "$BIN" score "$WORK/uk.csv"
expect_not_contains "saved in the canonical form" "note:" "$ERR"

# the smallest window: the notice on the footer's two lines, whole
cp "$FIX/excel-uk-dates.csv" "$WORK/uk2.csv"
tui_start 64x16 xterm-256color C.UTF-8 "$BIN" "$WORK/uk2.csv"
wait_for "uk2.csv came through a spreadsheet: 2 repairs, 12 warnings (?"
wait_for "lists them); saving writes tri-assess's form."
keys q
wait_for "EXITED=0"

# Saved again and again, a file keeps what it has: a mark, or none.
for mark in yes no; do
	printf 'criterion_id,level\r\n1.1,developing\r\n' >"$WORK/plain.csv"
	[ $mark = yes ] && printf '\xef\xbb\xbf%s' "$(cat "$WORK/plain.csv")" >"$WORK/plain.csv"
	tui_start 80x24 xterm-256color C.UTF-8 "$BIN" "$WORK/plain.csv"
	wait_for "Resumed at 1.2"
	keys 1 2
	wait_file_contains "$WORK/plain.csv" "1.3,Strategic Leadership and Management,,established"
	keys q
	wait_for "EXITED=0"
	if [ $mark = yes ]; then
		expect_eq "a byte-order mark kept over saves" $BOM "$(first3 "$WORK/plain.csv")"
	else
		expect_eq "no byte-order mark added" 637269 "$(first3 "$WORK/plain.csv")"
	fi
done

# A new file, from the wizard's first form: a byte-order mark.
tui_start 80x24 xterm-256color C.UTF-8 "$BIN" "$WORK/new.csv"
wait_for "New assessment: $WORK/new.csv"
keys "Camden" Enter Enter Enter Enter
wait_for "Category 1 of 7: Strategic Leadership and Management"
wait_file_contains "$WORK/new.csv" "criterion_id,"
keys q
wait_for "EXITED=0"
expect_eq "a new file starts with a byte-order mark" $BOM "$(first3 "$WORK/new.csv")"
finish
