#!/usr/bin/env bash
# A new assessment through the start form; Category 1 completed as in the
# Standard's worked example (15, Established on screen and in the file);
# a refused level; a resize below 80x24 and back; export; quit and resume
# with every answer in place.
. "$(dirname "$0")/../lib.sh"
FILE="$WORK/camden.csv"

tui_start 80x24 screen C.UTF-8 "$BIN" "$FILE"
wait_for "New assessment: $FILE" || finish
keys "London Borough of Camden" Enter Enter "A. Facilitator; B. Member" Enter C-u "2026-11-23" Enter
wait_for "Category 1 of 7: Strategic Leadership and Management" || finish
[ -f "$FILE" ] && pass || fail "the file was not created by the start form"

# The worked example, one key per criterion: each level lands in the map,
# the last on the last row, which stays current; success says nothing more.
keys 2 1 2 2 2 3 0 3
wait_for "Level  2    1    2    2    2    3    0    3" || finish
wait_for "Score 15/22  (4 more for Leading)      Level: Established"
wait_for "(*) 3 Leading: Senior leaders and managers"
wait_settled
expect_eq "no message after a level that worked" "" "$(screen | tail -n 1)"

# Screen dump, compared with the expected screen (tig-style).
if [ "${TRI_UPDATE_SCREENS:-}" = 1 ]; then
	screen >"$(dirname "$0")/screens/category1-worked-example.txt"
fi
expect_eq "screen matches screens/category1-worked-example.txt" \
	"$(cat "$(dirname "$0")/screens/category1-worked-example.txt")" "$(screen)"

# The terminal cursor sits on the current row's level in the map (screen
# readers follow it): the line after "Row", under the middle of "1.8".
row=$(screen | grep -n '^Level ' | cut -d: -f1)
ids=$(screen | grep '^Row ')
prefix=${ids%%1.8*}
expect_eq "cursor on the current row's level" "$((row - 1)) $((${#prefix} + 1))" \
	"$(tmux -L "$SOCKET" display -p -t t '#{cursor_y} #{cursor_x}')"
keys g
wait_for "Overview: London Borough of Camden"
row=$(screen | grep -n '▶ 1 ' | cut -d: -f1)
expect_eq "cursor on the focused category" "$((row - 1)) 2" \
	"$(tmux -L "$SOCKET" display -p -t t '#{cursor_y} #{cursor_x}')"
keys Enter
wait_for "Score 15/22"

# Every level is already on disk.
run "$BIN" score --csv "$FILE"
expect_contains "file scores 15, established" ",1,Strategic Leadership and Management,15,22,established" "$OUT"

# A level the row lacks is refused, and nothing changes.
keys Home j j 1
wait_for "Refused: criterion 1.3 has no developing cell; it can be none, established."
wait_for "Score 15/22"

# Terminal too small (below 64x16), then recovered.
tmux -L "$SOCKET" resize-window -t t -x 60 -y 15
wait_for "Terminal too small: 60x15."
tmux -L "$SOCKET" resize-window -t t -x 100 -y 30
wait_for "Score 15/22  (4 more for Leading)"
tmux -L "$SOCKET" resize-window -t t -x 80 -y 24
wait_gone "Terminal too small"

# Category 2 and its sections; then the overview.
keys Tab
wait_for "Category 2 of 7: Employee Lifecycle"
wait_for "── 2a.1 (2a Recruitment [7]) ──"
wait_for "Row   2a.1  2a.2  2a.3  2a.4  2a.5  2a.6  2a.7  2a.8  2a.9"
keys g
wait_for "Overview: London Borough of Camden, self-assessment, 2026-11-23"
wait_for "Total points 15/190; 8 of 69 criteria answered; 1 of 7 categories complete, 6"
wait_for "2  Employee Lifecycle                   0/76 not assessed       0/28"
wait_for "Bars: █ points scored, │ where Established and where Leading start."

# The summary names the fewest steps to the selected category's next level
# (none for a category nobody has assessed).
keys s
wait_for "Category 2 is not assessed: its rows need levels first."
wait_for "Leading in: none.  Developing in: none.  Not assessed: 2, 3, 4, 5, 6, 7."
keys k
wait_for "Category 1: 4 more for Leading; the fewest steps (2):"
wait_for "  1.7   to Leading (+3): Dedicated leadership meetings focus on EDI"

# Export the summary CSV.
keys x
wait_for "Exported the category summary to $WORK/camden-summary.csv"
expect_contains "summary CSV" "1,Strategic Leadership and Management,15,22,established" \
	"$(cat "$WORK/camden-summary.csv")"

# Quit; the terminal is restored and the exit status is 0.
keys q
wait_for "EXITED=0"

# Resume: every answer in place, at the first open criterion.
tui_start 80x24 screen C.UTF-8 "$BIN" "$FILE"
wait_for "Resumed at 2a.1, the first criterion without a level."
keys BTab
wait_for "Score 15/22  (4 more for Leading)"
keys q
wait_for "EXITED=0"
finish
