#!/usr/bin/env bash
# Every supported terminal type, UTF-8 and ASCII locales, and NO_COLOR:
# the same information on screen, with ASCII stand-ins where needed.
. "$(dirname "$0")/../lib.sh"

"$BIN" new "$WORK/a.csv" --organisation Brent --date 2026-11-23 >/dev/null
cp "$DATA/worked-example.csv" "$WORK/example.csv"

for term in xterm screen tmux-256color linux vt100; do
	for lang in C.UTF-8 C; do
		tui_start 80x24 "$term" "$lang" "$BIN" "$WORK/example.csv"
		wait_for "Score  0/76                            Level: not assessed" 10 ||
			{ fail "$term $lang"; continue; }
		# vt100 has no back-tab key, and linux's is ESC Tab (terminfo kcbt),
		# which tmux does not send for BTab: those users press [ or PgUp.
		if [ "$term" = vt100 ] || [ "$term" = linux ]; then keys '['; else keys BTab; fi
		wait_for "Score 15/22  (4 more for Leading)      Level: Established" || continue
		keys j j j j j j j
		if [ "$lang" = C ]; then rule="--"; else rule="──"; fi
		wait_for "$rule 1.8 " || continue
		wait_settled # under valgrind the rule may show before the cells
		s=$(screen)
		expect_contains "$term $lang: chosen cell marked by text" "(*) 3 Leading:" "$s"
		expect_contains "$term $lang: levels in the map" "Level  2    1    2    2    2    3    0    3" "$s"
		keys g # the overview's bars
		wait_for "Overview:" || continue
		wait_settled
		s=$(screen)
		if [ "$lang" = C ]; then
			expect_contains "$term ASCII bar" "15/22 Established        8/8   [##|##|]" "$s"
			expect_contains "$term ASCII legend" "Bars: # points scored, | where Established" "$s"
			expect_not_contains "$term ASCII: no box drawing" "─" "$s"
		else
			expect_contains "$term UTF-8 bar" "15/22 Established        8/8   [██│██│]" "$s"
			expect_contains "$term UTF-8 legend" "Bars: █ points scored, │ where Established" "$s"
		fi
		keys q
		wait_for "EXITED=0"
	done
done

# A file without answers opens at 1.1 with nothing to resume; the bottom
# part (None, the table of rows, evidence) keeps its line from one category
# to the next, so a category change resends only what differs.
tui_start 80x24 xterm-256color C.UTF-8 "$BIN" "$WORK/a.csv"
wait_for "── 1.1 "
wait_for "Evidence and notes: none yet"
wait_settled
expect_eq "no resume message without answers" "" "$(screen | tail -n 1)"
before=$(screen | grep -n -e '^Row ' -e '^( ) 0 None' -e '^Evidence' | cut -d: -f1 | tr '\n' ' ')
keys Tab
wait_for "── 2a.1 (2a Recruitment [7]) "
wait_for "Row   2a.1"
wait_settled
after=$(screen | grep -n -e '^Row ' -e '^( ) 0 None' -e '^Evidence' | cut -d: -f1 | tr '\n' ' ')
expect_eq "bottom part found" 3 "$(wc -w <<<"$before")"
expect_eq "bottom part on the same lines in Categories 1 and 2" "$before" "$after"
keys q
wait_for "EXITED=0"

# NO_COLOR and a monochrome terminal lose nothing: the markers are text.
tui_start 80x24 vt100 C.UTF-8 env NO_COLOR=1 "$BIN" "$WORK/example.csv"
wait_for "Category 2 of 7"
keys "[" j j j j j j j
wait_for "(*) 3 Leading:"
wait_for "Level  2    1    2    2    2    3    0    3"
keys q
wait_for "EXITED=0"
finish
