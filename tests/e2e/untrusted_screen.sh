#!/usr/bin/env bash
# The wizard on a file, and a file name, holding escape sequences (OSC 0
# sets the title, OSC 52 the clipboard, a screen clear), BEL, the C1 CSI
# (U+009B), bidi controls (U+202E) and bytes that are not UTF-8: every
# screen that shows them (the category screen, the editors, the overview,
# the save prompt, the footer message, the last line after exit) shows
# their visible form, tmux capture-pane -e finds no sequence but the
# program's own attributes, the title and the clipboard are untouched,
# and the summary export holds neither a control nor a formula.
. "$(dirname "$0")/../lib.sh"
HELPER="$(dirname "$0")/../cli/untrusted.py"
P=$'\e]0;PWNED\a\e]52;c;cHduZWQ=\a\a\e[2J\xc2\x9b31m\xe2\x80\xaeevil'
BAD=$'\xff\xfe'
VP='\e]0;PWNED\x07\e]52;c;cHduZWQ=\x07\x07\e[2J\u009b31m\u202eevil'
VB='\xff\xfe'
A="$WORK/self$P$BAD.csv"
python3 "$HELPER" assessment "$A" "$P"

# look WHAT [SHOWN...]: capture the screen with its attributes and check it
look() {
	local what=$1
	shift
	tmux -L "$SOCKET" capture-pane -e -p -t t >"$WORK/capture"
	if python3 "$HELPER" screen "$WORK/capture" "$@"; then pass; else fail "$what"; fi
}

tui_start 160x40 xterm-256color C.UTF-8 "$BIN" "$A"
tmux -L "$SOCKET" set-option -g set-clipboard on # an OSC 52 would fill a buffer
wait_for "Category 2 of 7"
keys "["
wait_for "Evidence: Evidence \\e]0;PWNED\\x07"
look "category screen" "Evidence: Evidence $VP" "Notes: Notes $VP"
keys e
wait_for "Evidence and notes for 1.1"
look "evidence editor" "Evidence $VP" "Notes $VP"
keys Escape
wait_for "Category 1 of 7"
keys p
wait_for "Action plan for 1.1"
look "action plan editor" "Action $VP" "Lead $VP" "By $VP"
keys Escape
wait_for "Category 1 of 7"
keys g
wait_for "Overview: Org \\e]0;PWNED"
look "overview" "Overview: Org $VP" "File: $WORK/self$VP$VB.csv"
keys W
wait_for "Save to file:"
look "save prompt" "$VB.csv"
keys Escape
wait_for "Not saved."
keys x
wait_for "Exported the category summary"
look "export message" "Exported the category summary to $WORK/self$VP"
if python3 - "$WORK/self$P$BAD-summary.csv" <<'PY'; then pass; else fail "summary export"; fi
import csv, re, sys
data = open(sys.argv[1], "rb").read()
text = data.decode("utf-8")  # the name's bad bytes are shown, not copied
assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", text), text
for row in csv.reader(text.splitlines()):
    for field in row:
        assert field[:1] not in "=+-@" or not field, field
assert "self\\e]0;PWNED\\x07" in text, text
PY
keys q
wait_for "EXITED=0"
look "the last line, after the wizard" "Saved: $WORK/self$VP$VB.csv"
title=$(tmux -L "$SOCKET" display-message -p -t t '#{pane_title}')
expect_not_contains "the pane's title is the program's to keep" "PWNED" "$title"
expect_eq "no clipboard buffer" "" "$(tmux -L "$SOCKET" list-buffers)"
finish
