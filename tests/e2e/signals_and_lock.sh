#!/usr/bin/env bash
# A dropped link (SIGHUP) while typing a note saves the note; SIGTERM when
# idle saves and restores the terminal; a second wizard on the same file is
# refused while the first holds it, and not after the first is killed.
. "$(dirname "$0")/../lib.sh"
FILE="$WORK/sig.csv"
"$BIN" new "$FILE" --organisation Camden --date 2026-11-23 >/dev/null

tui_start 80x24 screen C.UTF-8 "$BIN" "$FILE"
wait_for "Category 1 of 7"
keys 2 k e
wait_for "Evidence and notes for 1.1 (Established)"
keys "Minutes of 3 May, café ✓" Enter "second line" Tab "Room agreed: established"
wait_for "Room agreed: established"
kill -HUP "$(tui_pid)"
wait_for "EXITED=0"
wait_for "signal 1: every answer is saved in $FILE"
OUT=$(python3 - "$FILE" <<'PY'
import csv, sys
for row in csv.DictReader(open(sys.argv[1], encoding="utf-8-sig")):
    if row["criterion_id"] == "1.1":
        print(repr(row["level"]), repr(row["evidence"]), repr(row["notes"]))
PY
)
expect_eq "note typed before SIGHUP is saved" \
	"'established' 'Minutes of 3 May, café ✓\\nsecond line' 'Room agreed: established'" "$OUT"

# The terminal is sane after the wizard: echo and canonical mode are back.
keys "stty -a | tr ' ' '\\n' | grep -E '^-?(echo|icanon)$' | tr '\\n' ' '; echo" Enter 2>/dev/null
tui_start 80x24 screen C.UTF-8 sh -c "\"$BIN\" \"$FILE\"; stty -a | tr ' ' '\n' | grep -E '^-?(echo|icanon)\$' | tr '\n' ' '; echo STTY"
wait_for "Category 1 of 7"
kill -TERM "$(tui_pid)"
wait_for "STTY"
expect_contains "terminal restored after SIGTERM" "icanon echo" "$(screen)"

# SIGHUP while idle: saved, and the terminal sane afterwards.
tui_start 80x24 screen C.UTF-8 sh -c "\"$BIN\" \"$FILE\"; stty -a | tr ' ' '\n' | grep -E '^-?(echo|icanon)\$' | tr '\n' ' '; echo STTY"
wait_for "Category 1 of 7"
keys 3
wait_for "── 1.3 " # 1.2 set (drawn after its save), 1.3 current
kill -HUP "$(tui_pid)"
wait_for "STTY"
expect_contains "terminal restored after SIGHUP" "icanon echo" "$(screen)"
run "$BIN" score --csv "$FILE"
expect_contains "level set before SIGHUP is saved" ",1,Strategic Leadership and Management,5,22,developing" "$OUT"

# Two people, one file.
tui_start 80x24 screen C.UTF-8 "$BIN" "$FILE"
wait_for "Category 1 of 7"
run "$BIN" --plain "$FILE" </dev/null
expect_eq "second wizard refused" 1 "$RC"
expect_contains "refusal says who" "is open in another tri-assess (pid" "$ERR"
kill -KILL "$(tui_pid)"
sleep 0.2
OUT=$(printf 'q\n' | TERM=dumb "$BIN" "$FILE" 2>&1)
expect_eq "lock of a killed wizard does not block" 0 "$?"
expect_contains "opened after the kill" "Level for 1.3" "$OUT"
finish
