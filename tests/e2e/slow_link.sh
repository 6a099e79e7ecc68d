#!/usr/bin/env bash
# Issue 10 part 1 through the real binary, with real gaps: key sequences
# from the terminfo of xterm-256color, vt100, linux, screen and putty, and
# unknown CSI, SS3, OSC and DCS sequences, sent whole and split at byte
# boundaries with gaps of 0, 50, 200 and 600 ms (each sequence meets every
# gap across its boundaries), on the category screen at 1.4: after each,
# the screen is on the same row of the same category, and the file never
# changes.  Moving keys (Down, Up) split as a slow link splits them move
# exactly one row.  The exhaustive matrix (every boundary with every gap,
# and byte by byte) is tests/unit/test_input.c, with a fake clock; this
# takes about a minute of real time, so it runs in the bench suite, which
# the valgrind and sanitizer runs leave out.
. "$(dirname "$0")/../lib.sh"
FILE="$WORK/slow.csv"
"$BIN" new "$FILE" --organisation Camden --date 2026-11-23 >/dev/null
printf '2\n2\n2\n' | "$BIN" --plain "$FILE" >/dev/null # 1.1-1.3 answered; resume at 1.4
gaps=(0 50 200 600)
counter=0
cases=0

# sequences TERM: "name hex" lines, from terminfo, then the unknown ones.
sequences() {
	python3 - "$1" <<'PY'
import curses, sys
curses.setupterm(sys.argv[1])
for cap in ("kdch1", "kich1", "kcub1", "kcuf1", "kf5", "kf12", "kf20"):
    s = curses.tigetstr(cap)
    if s and s.startswith(b"\x1b"):
        print(cap, s.hex())
for name, s in (("unknown-CSI", b"\x1b[99;99~"), ("unknown-SS3", b"\x1bOz"),
                ("OSC", b"\x1b]0;x\x07"), ("DCS", b"\x1bP1$r0m\x1b\\")):
    print(name, s.hex())
PY
}

# refusal NAME: what the screen says after the whole sequence: a key the
# category screen does not bind names itself; an unknown one is "Unknown
# key ignored.", and so is any sequence cut right after its ESC for longer
# than ESCDELAY (the Esc acted alone, the rest is swallowed).
refusal() {
	if [ "$1" != "${1#unknown}" ] || [ "$1" = OSC ] || [ "$1" = DCS ]; then
		echo "Unknown key ignored."
		return
	fi
	case $1 in
	kdch1) echo "Delete does nothing here." ;;
	kich1) echo "Insert does nothing here." ;;
	kcub1) echo "Left does nothing here." ;;
	kcuf1) echo "Right does nothing here." ;;
	kf*) echo "F${1#kf} does nothing here." ;;
	esac
}


# hexbytes HEX: the bytes as send-keys -H arguments ("1b 5b 33 7e").
hexbytes() { sed 's/../& /g' <<<"$1"; }

# back_at_row ROW: j then k must land on ROW's neighbour and back, so the
# key before them is done and left the screen on ROW.
back_at_row() {
	local next=$2
	keys j
	wait_for "── $next " 5 || return 1
	keys k
	wait_for "── $1 " 5
}

# send_split HEX AT GAP: the first AT bytes, GAP ms, the rest.
send_split() {
	local hex=$1 at=$2 gap=$3
	if [ "$at" -eq 0 ]; then
		keys -H $(hexbytes "$hex")
		return
	fi
	keys -H $(hexbytes "${hex:0:$((at * 2))}")
	sleep "$(printf '0.%03d' "$gap")"
	keys -H $(hexbytes "${hex:$((at * 2))}")
}

for term in xterm-256color vt100 linux screen putty; do
	tui_start 80x24 "$term" C.UTF-8 "$BIN" "$FILE"
	wait_for "── 1.4 " || continue
	before=$(sha256sum <"$FILE")
	while read -r name hex; do
		length=$(( ${#hex} / 2 ))
		boundaries=(0)
		for ((at = 1; at < length; at++)); do
			# long strings: the first boundaries and the last
			if [ "$length" -le 6 ] || [ "$at" -le 3 ] || [ "$at" -eq $((length - 1)) ]; then
				boundaries+=("$at")
			fi
		done
		for at in "${boundaries[@]}"; do
			gap=${gaps[$((counter % 4))]}
			counter=$((counter + 1))
			send_split "$hex" "$at" "$gap"
			cases=$((cases + 1))
			# the key (or sequence) is refused whole, then the screen is on 1.4
			# (right after the ESC, the real gap is the nominal one plus
			# tmux's start-up: either side of ESCDELAY; the unit test
			# checks each gap exactly)
			if [ "$at" -eq 1 ] && [ "$gap" -gt 0 ]; then
				expected=("Unknown key ignored." "$(refusal "$name")")
			else
				expected=("$(refusal "$name")" "$(refusal "$name")")
			fi
			wait_either "${expected[@]}" 5 &&
				expect_not_contains "$term $name split at $at, gap $gap ms: one refusal" \
					"typed after it" "$(screen)" &&
				back_at_row 1.4 1.5 || fail "$term $name split at $at, gap $gap ms"
		done
	done < <(sequences "$term")
	expect_contains "$term: still Category 1" "Category 1 of 7" "$(screen)"
	expect_eq "$term: file unchanged" "$before" "$(sha256sum <"$FILE")"
	# Down and Up split after their introducer by 600 ms: one row each.
	down=$(python3 -c 'import curses,sys; curses.setupterm(sys.argv[1]); print(curses.tigetstr("kcud1").hex())' "$term")
	up=$(python3 -c 'import curses,sys; curses.setupterm(sys.argv[1]); print(curses.tigetstr("kcuu1").hex())' "$term")
	send_split "$down" 2 600
	wait_for "── 1.5 " 5 || fail "$term: split Down did not move one row"
	send_split "$up" 2 600
	wait_for "── 1.4 " 5 || fail "$term: split Up did not move one row"
	keys q
	wait_for "EXITED=0"
done
expect_eq "cases run" 1 "$([ "$cases" -ge 100 ] && echo 1 || echo "$cases")"
finish
