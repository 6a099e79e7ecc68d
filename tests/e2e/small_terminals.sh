#!/usr/bin/env bash
# Every screen works, with every function, down to 64x16 (issue 10 part 4):
# at 80x23 (80x24 under a tmux status line) and at 64x16, a whole session
# from the start form to export; the category screen scrolls its cells
# (J/K) and its table when they do not fit; the overview and summary
# scroll their list. At 63x16 and 64x15, and only there, the notice.
. "$(dirname "$0")/../lib.sh"

session_at() { # COLSxROWS: one session on a new file, every screen
	local size=$1 file="$WORK/small-$1.csv"
	local cols=${size%x*}
	tui_start "$size" screen C.UTF-8 "$BIN" "$file"
	# the start form: every field and both types on screen
	wait_for "New assessment: $file" || return
	wait_for "Date (YYYY-MM-DD):"
	wait_for "( ) peer"
	wait_for "leaves without creating it."
	keys "London Borough of Camden" Tab Space
	wait_for "(*) peer"
	keys BTab Enter Enter "A. Facilitator" Enter C-u "2026-11-23" Enter
	wait_for "Category 1 of 7:" || return
	wait_for "Level: not assessed"

	# the category screen: levels, a refusal said in full, the table
	keys 2 1 2 2 2 3 0 3
	wait_for "Level  2    1    2    2    2    3    0    3"
	wait_for "Level: Established"
	keys Home j j 1
	wait_for "Refused: criterion 1.3 has no developing cell"
	wait_for "it can be none,"
	keys Tab
	wait_for "── 2a.1 (2a Recruitment [7]) "
	if [ "$cols" = 64 ]; then
		# 2a.1's cells need 14 lines at 64 columns: J and K scroll them
		# (the guidance gave way first: the first line of the description
		# and of section 2a's note [7], i for the rest)
		wait_for "lines 1-5 of 14, J/K more"
		wait_for "[7] At a regional level"
		expect_contains "$size: the description's first line" "Racial equality is embedded" \
			"$(screen)"
		expect_not_contains "$size: Leading's cell below the area" "( ) 3 Leading:" "$(screen)"
		keys J
		wait_for "lines 5-9 of 14, J/K more"
		keys J
		wait_for "( ) 3 Leading: Collected data is analysed"
		wait_for "lines 9-13 of 14, J/K more"
		keys J
		wait_for "lines 10-14 of 14, J/K more"
		keys J
		wait_for "The end of 2a.1's cells: K goes back."
		keys K K K
		wait_for "( ) 1 Developing: Data is collected but not analysed"
		# the table of Category 6 (11 rows) shows nine at a time
		keys Tab Tab Tab Tab
		wait_for "Category 6 of 7:"
		wait_for "Row   6.1   6.2   6.3   6.4   6.5   6.6   6.7   6.8   6.9   +2"
		keys End
		wait_for "Row   6.10  6.11  rows 10-11 of 11"
		keys '[' '[' '[' '['
		wait_for "Category 2 of 7:"
	else
		wait_for "Evidence and notes: none yet (e to add)"
		expect_not_contains "$size: nothing to scroll" "J/K more" "$(screen)"
	fi

	# the editor and the action plan
	keys e
	wait_for "Evidence and notes for 2a.1 (not assessed)"
	wait_for "Notes:"
	keys "Board paper of 3 May" Escape
	wait_for "Kept the evidence and notes for 2a.1."
	keys p
	wait_for "Actions for 2a.1 (now: not assessed)"
	keys a
	wait_for "New action for 2a.1"
	wait_for "Status:"
	keys "Review recruitment data" Escape
	wait_for "Added action 2a.1 #1."
	keys Escape
	wait_gone "Actions for 2a.1"

	# the overview: every category reachable, the list scrolls to it
	keys g
	wait_for ", peer review, 2026-11-23"
	wait_for "Overview: London Borough o"
	wait_for "Total points 15/190; 8 of 69 criteria answered"
	keys 7
	wait_for "7  Community Engagement" || return
	wait_for "0/21 not assessed"
	keys Enter
	wait_for "Category 7 of 7: Community Engagement"

	# the summary, its steps; export
	keys s
	wait_for "Not assessed: 2, 3, 4,"
	keys 1
	wait_for "Category 1: 4 more for Leading; the fewest steps (2):"
	wait_for "1.7   to Leading (+3):"
	keys x
	wait_for "Exported the category summary to"
	expect_contains "$size: export" ",1,Strategic Leadership and Management,15,22,established" \
		"$(cat "$WORK/small-$size-summary.csv")"

	# help, scrolled to its end
	keys '?'
	wait_for "KEYS"
	wait_for "J K"
	keys End
	wait_for "scoring.md)." # (the last words; "docs/" may end the line before)
	keys q

	# search
	keys /
	wait_for "Find:"
	keys "trade unions" Enter
	wait_for "matching criteri"
	keys q
	wait_for "EXITED=0"
	run "$BIN" score --csv "$file"
	expect_contains "$size: every answer on disk" ",1,Strategic Leadership and Management,15,22,established" "$OUT"
}

session_at 80x23
session_at 64x16

# Below 64x16, and only there: the notice; q still quits.
for size in 63x16 64x15; do
	tui_start "$size" screen C.UTF-8 "$BIN" "$WORK/small-80x23.csv"
	wait_for "Terminal too small: ${size}."
	wait_for "tri-assess needs at least 64 columns by 16 rows."
	keys 3
	keys q
	wait_for "EXITED=0"
done
expect_contains "keys ignored while too small" ",3,Data Governance,0,18," \
	"$("$BIN" score --csv "$WORK/small-80x23.csv")"
finish
