# Shared helpers for the command-line and end-to-end tests (bash).
# Each test runs in its own temporary directory and its own tmux server.
set -uo pipefail

BIN=${TRI_ASSESS:?TRI_ASSESS must name the tri-assess binary}
DATA=${TRI_TEST_DATA:?TRI_TEST_DATA must name tests/data}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/tri-test.XXXXXX")
SOCKET_BASE="tri-$$-$RANDOM"
SOCKET="$SOCKET_BASE-0"
sessions=0
failures=0
checks=0

# Under the valgrind test setup, every tri-assess runs inside valgrind.
if [ -n "${TRI_WRAP:-}" ]; then
	REAL_BIN=$BIN
	BIN="$WORK/tri-assess"
	printf '#!/bin/sh\nexec %s %q "$@"\n' "$TRI_WRAP" "$REAL_BIN" >"$BIN"
	chmod +x "$BIN"
fi

cleanup() {
	for n in $(seq 0 "$sessions"); do
		tmux -L "$SOCKET_BASE-$n" kill-server 2>/dev/null
	done
	rm -rf "$WORK"
}
trap cleanup EXIT

fail() {
	echo "FAIL: $*" >&2
	failures=$((failures + 1))
}

pass() {
	checks=$((checks + 1))
}

expect_eq() { # what expected actual
	if [ "$2" == "$3" ]; then pass; else fail "$1: expected [$2], got [$3]"; fi
}

expect_contains() { # what needle haystack
	if [[ "$3" == *"$2"* ]]; then pass; else fail "$1: expected to contain [$2] in: $3"; fi
}

expect_not_contains() {
	if [[ "$3" != *"$2"* ]]; then pass; else fail "$1: expected no [$2] in: $3"; fi
}

# run CMD...: sets OUT, ERR, RC.
run() {
	OUT=$("$@" 2>"$WORK/stderr")
	RC=$?
	ERR=$(cat "$WORK/stderr")
}

finish() {
	if [ "$failures" -ne 0 ]; then
		echo "$failures of $((checks + failures)) checks failed" >&2
		exit 1
	fi
	echo "$checks checks passed"
	exit 0
}

# category1 FILE: the levels of Category 1's eight rows, in order ("-":
# not answered yet).
category1() {
	python3 -c 'import csv,sys; print(" ".join((r["level"] or "-") for r in list(csv.DictReader(open(sys.argv[1], newline="")))[:8]))' "$1"
}

# ---- tmux: drive the real binary in a real terminal ----

# tui_start COLSxROWS TERM LANG CMD...: start CMD in a detached session,
# on a tmux server of its own (the previous one is killed first; reusing its
# socket at once could reach the server while it shuts down).
tui_start() {
	local size=$1 term=$2 lang=$3; shift 3
	tmux -L "$SOCKET" kill-server 2>/dev/null
	sessions=$((sessions + 1))
	SOCKET="$SOCKET_BASE-$sessions"
	local cols=${size%x*} rows=${size#*x}
	tmux -L "$SOCKET" -f /dev/null new-session -d -s t -x "$cols" -y "$rows" \
		"env TERM=$term LANG=$lang LC_ALL=$lang $(printf '%q ' "$@"); rc=\$?; printf '\\r\\nEXITED=%s\\r\\n' \$rc; sleep 600"
	tmux -L "$SOCKET" set-option -t t status off >/dev/null
}

screen() {
	tmux -L "$SOCKET" capture-pane -p -t t
}

keys() {
	tmux -L "$SOCKET" send-keys -t t "$@"
}

# wait_for TEXT [SECONDS]: poll the screen until TEXT shows; fail on timeout.
wait_for() {
	local text=$1 limit=${2:-10}
	local deadline=$((SECONDS + limit))
	while [ $SECONDS -le $deadline ]; do
		if screen | grep -qF -- "$text"; then
			pass
			return 0
		fi
		sleep 0.05
	done
	fail "timed out after ${limit}s waiting for [$text]; screen was:"
	screen >&2
	return 1
}

# wait_either TEXT OTHER [SECONDS]: poll until one of the two shows (where
# timing decides between two right outcomes).
wait_either() {
	local limit=${3:-10}
	local deadline=$((SECONDS + limit))
	while [ $SECONDS -le $deadline ]; do
		if screen | grep -qF -e "$1" -e "$2"; then
			pass
			return 0
		fi
		sleep 0.05
	done
	fail "timed out after ${limit}s waiting for [$1] or [$2]; screen was:"
	screen >&2
	return 1
}

# wait_gone TEXT [SECONDS]
wait_gone() {
	local text=$1 limit=${2:-10}
	local deadline=$((SECONDS + limit))
	while [ $SECONDS -le $deadline ]; do
		screen | grep -qF -- "$text" || { pass; return 0; }
		sleep 0.05
	done
	fail "timed out waiting for [$text] to go"
	return 1
}

# wait_settled [SECONDS]: poll until two captures 0.2 s apart are the same
# (a slow program, under valgrind say, may still be drawing).
wait_settled() {
	local limit=${1:-10} previous current
	local deadline=$((SECONDS + limit))
	previous=$(screen)
	while [ $SECONDS -le $deadline ]; do
		sleep 0.2
		current=$(screen)
		if [ "$current" == "$previous" ]; then
			pass
			return 0
		fi
		previous=$current
	done
	fail "timed out waiting for the screen to settle"
	return 1
}

# wait_file_contains FILE TEXT [SECONDS]
wait_file_contains() {
	local file=$1 text=$2 limit=${3:-10}
	local deadline=$((SECONDS + limit))
	while [ $SECONDS -le $deadline ]; do
		grep -qF -- "$text" "$file" 2>/dev/null && { pass; return 0; }
		sleep 0.05
	done
	fail "timed out waiting for [$text] in $file"
	return 1
}

# read_pager FILE: page through a pager screen (help, guidance) from where
# it is to its end; write its lines to FILE as "N<Tab>text", each body row
# at its place by the "lines A-B of N" header (pages may overlap: a line
# can come twice, with its number).
read_pager() {
	local out=$1 first last total rows s
	: >"$out"
	while :; do
		s=$(screen)
		read -r first last total < <(sed -n '2s/^lines \([0-9]*\)-\([0-9]*\) of \([0-9]*\)$/\1 \2 \3/p' <<<"$s")
		[ -n "$first" ] || { fail "no 'lines A-B of N' header on: $s"; return 1; }
		rows=$((last - first + 1))
		# body rows start on screen line 3; the text starts in column 2
		sed -n "3,$((2 + rows))p" <<<"$s" | sed 's/^ //' |
			awk -v first="$first" '{ print first + NR - 1 "\t" $0 }' >>"$out"
		[ "$last" -lt "$total" ] || break
		keys Space
		wait_for "lines $((last < total - rows + 1 ? last : total - rows + 1))-" 10 || return 1
	done
	pass
}

# pager_text FILE: the pager's text from read_pager's FILE, each line once.
pager_text() {
	sort -t "$(printf '\t')" -k1,1n -u "$1" | cut -f2
}

tui_pid() { # the wizard's pid inside the session
	# the newest process that is tri-assess (or valgrind running it) on a
	# file of this test; anchored on the program's own name, because the
	# pane's shell and the tmux server carry the same words in their
	# command lines, and one started in the same clock tick is as "new"
	pgrep -f -n -- "^[^ ]*($(basename "${REAL_BIN:-$BIN}")|valgrind[^ ]*) .*$WORK/"
}
