#!/usr/bin/env bash
# Follow mode (issue 13, clarifications rules 2, 3, 9): a second wizard on
# a file another wizard holds names the holder and offers to follow it
# read-only; --follow skips the question; without a terminal it is refused
# as before.  The follower, in a second tmux session, shows the driver's
# level changes and position within a second (the folder watched with
# inotify: a save renames a new file over the old one), cannot change
# anything, and W saves a copy that it then works on (it stops following).
# Plain mode follows too.
. "$(dirname "$0")/../lib.sh"

cp "$DATA/moderation/camden-self.csv" "$WORK/self.csv"
level_of() { # FILE ID
	python3 -c 'import csv,sys; print(next(r["level"] for r in csv.DictReader(open(sys.argv[1], newline="")) if r["criterion_id"] == sys.argv[2]))' "$@"
}
# The follower runs in a second session "f" of the driver's tmux server.
follower_start() { # ARGS...
	tmux -L "$SOCKET" new-session -d -s f -x 80 -y 24 \
		"env TERM=screen LANG=C.UTF-8 LC_ALL=C.UTF-8 $(printf '%q ' "$BIN" "$@"); rc=\$?; printf '\\r\\nEXITED=%s\\r\\n' \$rc; sleep 600"
}
fscreen() { tmux -L "$SOCKET" capture-pane -p -t f; }
fkeys() { tmux -L "$SOCKET" send-keys -t f "$@"; }
# fwait_for TEXT [SECONDS]: as wait_for, on the follower's screen; sets
# WAITED_MS to how long it took.
fwait_for() {
	local text=$1 limit=${2:-10} start
	start=$(date +%s%N)
	local deadline=$((SECONDS + limit))
	while [ $SECONDS -le $deadline ]; do
		if fscreen | grep -qF -- "$text"; then
			WAITED_MS=$((($(date +%s%N) - start) / 1000000))
			pass
			return 0
		fi
		sleep 0.02
	done
	fail "follower: timed out after ${limit}s waiting for [$text]; screen was:"
	fscreen >&2
	return 1
}
# within_a_second WHAT: the last fwait_for took under a second (not under
# valgrind, which makes everything 20-50 times slower).
within_a_second() {
	echo "$1: ${WAITED_MS} ms"
	if [ -z "${TRI_WRAP:-}" ] && [ "$WAITED_MS" -ge 1000 ]; then
		fail "$1: took ${WAITED_MS} ms"
	else
		pass
	fi
}

tui_start 80x24 screen C.UTF-8 "$BIN" "$WORK/self.csv"
wait_for "── 2a.5 "
keys Home
wait_for "── 2a.1 "

# without a terminal: refused as before, naming the holder
run "$BIN" --plain "$WORK/self.csv" </dev/null
expect_eq "no terminal: refused" 1 "$RC"
expect_contains "no terminal: the holder named" "is open in another tri-assess (pid " "$ERR"

# at a terminal: the holder named, and the question
follower_start "$WORK/self.csv"
fwait_for "self.csv is open in another tri-assess (pid "
fwait_for "Follow it read-only? [Y/n]"
fkeys Enter
fwait_for "READ-ONLY (following). W: work on a copy."
fwait_for "── 2a.1 (2a Recruitment [7]) "
fwait_for "Level  1     2     3     2     -     -     -     -     -"

# the driver's level change, within a second
before=$(sha256sum <"$WORK/self.csv")
keys 3
wait_for "── 2a.2 "
fwait_for "Level  3     2     3     2     -     -     -     -     -"
within_a_second "a level change reaches the follower"
# and its position
keys j
wait_for "── 2a.3 "
fwait_for "── 2a.3 (2a Recruitment [7]) "
within_a_second "the driver's position reaches the follower"
keys Tab
wait_for "── 3.1 "
fwait_for "── 3.1 "
within_a_second "the next category reaches the follower"

# the follower cannot change anything
now=$(sha256sum <"$WORK/self.csv")
fkeys 3
fwait_for "Refused: self.csv is read-only (following); W FILE works on a copy."
fkeys e
fwait_for "Evidence and notes for 3.1"
fkeys " more" Escape
fwait_for "Refused: self.csv is read-only (following)"
fkeys u
fwait_for "Nothing to undo."
expect_eq "the follower wrote nothing" "$now" "$(sha256sum <"$WORK/self.csv")"
expect_eq "the driver's change is in the file" leading "$(level_of "$WORK/self.csv" 2a.1)"
expect_eq "and the follower left it" "$now" "$(sha256sum <"$WORK/self.csv")"

# W: a copy to work on; it stops following
fkeys W
fwait_for "Save to file:"
fkeys C-u "$WORK/copy.csv" Enter
fwait_for "Saved to $WORK/copy.csv; changes now go there (a copy you can"
fkeys 2
fwait_for "── 3.2 "
expect_eq "the copy takes changes" established "$(level_of "$WORK/copy.csv" 3.1)"
keys 3
wait_for "── 3.2 "
sleep_until=$((SECONDS + 1))
while [ $SECONDS -le $sleep_until ]; do sleep 0.1; done # (a second for a move to show)
expect_contains "no longer following" "── 3.2 " "$(fscreen)"
expect_eq "the copy keeps its own level" established "$(level_of "$WORK/copy.csv" 3.1)"
fkeys q
fwait_for "EXITED=0"
tmux -L "$SOCKET" kill-session -t f

# --follow: no question
follower_start --follow "$WORK/self.csv"
fwait_for "READ-ONLY (following). W: work on a copy."
fwait_for "── 3.2 "
fkeys q
fwait_for "EXITED="
tmux -L "$SOCKET" kill-session -t f

# plain mode follows too (a screen reader at its own terminal)
follower_start --plain --follow "$WORK/self.csv"
fwait_for "Following pid "
fwait_for "Level for 3.2 ["
keys 2
wait_for "── 3.3 "
fwait_for "The other wizard moved:"
within_a_second "plain: the driver's move"
fwait_for "Level for 3.3 ["
fkeys 3 Enter
fwait_for "Refused: self.csv is read-only (following); W FILE works on a copy."
fkeys q Enter
fwait_for "EXITED=0"
keys q
wait_for "EXITED=0"
expect_eq "the driver's answers" "leading leading established" \
	"$(level_of "$WORK/self.csv" 2a.1) $(level_of "$WORK/self.csv" 3.1) $(level_of "$WORK/self.csv" 3.2)"
finish
