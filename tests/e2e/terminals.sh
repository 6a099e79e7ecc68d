#!/usr/bin/env bash
# Every supported terminal type, UTF-8 and ASCII locales, and NO_COLOR:
# the same information on screen, with ASCII stand-ins where needed.
. "$(dirname "$0")/../lib.sh"

"$BIN" new "$WORK/a.csv" --organisation Brent --date 2026-11-23 >/dev/null
cp "$DATA/worked-example.csv" "$WORK/example.csv"

for term in xterm screen tmux-256color linux vt100; do
	for lang in C.UTF-8 C; do
		tui_start 80x24 "$term" "$lang" "$BIN" "$WORK/example.csv"
		wait_for "Score 0/76  Level: Developing" 10 || { fail "$term $lang"; continue; }
		# vt100 has no back-tab key, and linux's is ESC Tab (terminfo kcbt),
		# which tmux does not send for BTab: those users press [ or PgUp.
		if [ "$term" = vt100 ] || [ "$term" = linux ]; then keys '['; else keys BTab; fi
		wait_for "Score 15/22  Level: Established  (4 more for Leading)" || continue
		keys j j j j j j j
		wait_for "1.8: this row can be none, leading" || continue
		s=$(screen)
		expect_contains "$term $lang: chosen cell marked by text" "(*) 3 Leading:" "$s"
		if [ "$lang" = C ]; then
			expect_contains "$term ASCII bar" "[########|####--|--]" "$s"
			expect_not_contains "$term ASCII: no box drawing" "─" "$s"
		else
			expect_contains "$term UTF-8 bar" "[████████│████░░│░░]" "$s"
		fi
		keys q
		wait_for "EXITED=0"
	done
done

# NO_COLOR and a monochrome terminal lose nothing: the markers are text.
tui_start 80x24 vt100 C.UTF-8 env NO_COLOR=1 "$BIN" "$WORK/example.csv"
wait_for "Category 2 of 7"
keys "[" j j j j j j j
wait_for "(*) 3 Leading:"
wait_for "1.7   None"
keys q
wait_for "EXITED=0"
finish
