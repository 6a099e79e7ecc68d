#!/usr/bin/env bash
# Killed mid-work: the wizard is killed with SIGKILL at random moments, at
# least 50 times. Each change is acknowledged on screen before the next is
# sent; after every kill the file must load and hold every acknowledged
# change, the one key in flight at most being lost.
. "$(dirname "$0")/../lib.sh"
FILE="$WORK/kill.csv"
KILLS=${TRI_KILLS:-55}
RANDOM=${TRI_SEED:-20261123}

# A plan: for each criterion in order, a level it can take.
mapfile -t PLAN < <("$BIN" criteria --csv | python3 -c '
import csv, random, sys
random.seed(int(sys.argv[1]))
names = ["none", "developing", "established", "leading"]
for row in csv.DictReader(sys.stdin):
    allowed = [0] + [i for i, k in enumerate(names) if i and row[k]]
    cat = row["section"] or row["category"]
    print(row["criterion_id"], random.choice(allowed), cat)
' "$RANDOM")
TOTAL=${#PLAN[@]}

# levels_in FILE: one level word per criterion, in order ("-" unanswered).
levels_in() {
	python3 -c '
import csv, sys
for r in csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")):
    print(r["level"] or "-")' "$1"
}

names=(none developing established leading)
done_count=0
"$BIN" new "$FILE" --organisation "Kill test" --date 2026-11-23 >/dev/null
for kill in $(seq 1 "$KILLS"); do
	if [ "$done_count" -ge "$TOTAL" ]; then
		rm -f "$FILE"
		"$BIN" new "$FILE" --organisation "Kill test" --date 2026-11-23 >/dev/null
		done_count=0
	fi
	tui_start 80x24 screen C.UTF-8 "$BIN" "$FILE"
	wait_for "Score " || break
	# Acknowledged changes: 0-3 keys, staying within the current category.
	read -r id level group <<<"${PLAN[$done_count]}"
	for step in $(seq 1 $((RANDOM % 4))); do
		[ "$done_count" -lt "$((TOTAL - 1))" ] || break
		read -r id level group <<<"${PLAN[$done_count]}"
		read -r next_id _ next_group <<<"${PLAN[$((done_count + 1))]}"
		keys "$level"
		# Acknowledged when drawn (the draw follows the save): the next
		# row is current, or on a category's last row its cell is marked.
		if [ "${group:0:1}" = "${next_group:0:1}" ]; then
			wait_for "── $next_id " || break 2
		else
			wait_for "(*) $level " || break 2
		fi
		done_count=$((done_count + 1))
		[ "$group" = "$next_group" ] || break
	done
	# At a category's end the cursor stays on its last row: Tab moves on.
	read -r id level group <<<"${PLAN[$done_count]}"
	if [ "$done_count" -gt 0 ]; then
		read -r _ _ previous_group <<<"${PLAN[$((done_count - 1))]}"
		if [ "${previous_group:0:1}" != "${group:0:1}" ]; then
			if ! screen | grep -qF -- "── $id "; then
				keys Tab
				wait_for "── $id " || break
			fi
		fi
	fi
	# One key in flight, and SIGKILL at a random moment around its save.
	pid=$(tui_pid)
	keys "$level"
	sleep "0.0$((RANDOM % 30))"
	kill -KILL "$pid"
	wait_for "EXITED=137" || break

	run "$BIN" score --csv "$FILE"
	expect_eq "kill $kill: the file loads" 0 "$RC"
	mapfile -t got < <(levels_in "$FILE")
	if [ "${got[$done_count]}" = "${names[$level]}" ]; then
		done_count=$((done_count + 1)) # the change in flight was saved too
	fi
	ok=1
	for i in $(seq 0 $((TOTAL - 1))); do
		read -r cid want _ <<<"${PLAN[$i]}"
		expected=$([ "$i" -lt "$done_count" ] && echo "${names[$want]}" || echo -)
		if [ "${got[$i]}" != "$expected" ]; then
			fail "kill $kill: $cid is ${got[$i]}, expected $expected"
			ok=0
		fi
	done
	[ "$ok" = 1 ] && pass
done
expect_eq "kills made" "$KILLS" "$kill"
# The next writer sweeps any temporary file a kill left behind.
tui_start 80x24 screen C.UTF-8 "$BIN" "$FILE"
wait_for "Score "
keys q
wait_for "EXITED=0"
expect_eq "no temporary files left" "" "$(ls -A "$WORK" | grep -E '^\.kill\.csv\.[^.]{6}$')"
finish
