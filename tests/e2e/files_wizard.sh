#!/usr/bin/env bash
# The wizard and its files (issues 10 part 5, 18, 20): a change made
# outside the wizard is merged or kept beside, never overwritten; the
# compared file is re-read when it changes; W and x ask before replacing
# someone's file; a read-only file says so on the first screen; the same
# file through a symlink, a hard link or another path is one lock, whose
# second line follows the current criterion; plain mode at a terminal
# survives one q after a failed save.
. "$(dirname "$0")/../lib.sh"

level_of() { # FILE ID
	python3 - "$1" "$2" <<'PY'
import csv, sys
for row in csv.DictReader(open(sys.argv[1], encoding="utf-8-sig")):
    if row["criterion_id"] == sys.argv[2]:
        print(row["level"])
PY
}

# edit FILE ID COLUMN VALUE: what a spreadsheet or an editor does outside.
edit() {
	python3 - "$@" <<'PY'
import csv, sys
path, ident, column, value = sys.argv[1:]
rows = list(csv.reader(open(path, newline="", encoding="utf-8")))
col = rows[0].index(column)
for r in rows[1:]:
    if r[0] == ident:
        r[col] = value
with open(path, "w", newline="", encoding="utf-8") as f:
    csv.writer(f).writerows(rows)
PY
}

# ---- an outside change: merged when it is another criterion ----
FILE="$WORK/out.csv"
"$BIN" new "$FILE" --organisation Camden --date 2026-11-23 >/dev/null
tui_start 80x24 screen C.UTF-8 "$BIN" "$FILE"
wait_for "Category 1 of 7"
edit "$FILE" 1.5 notes "noted in the spreadsheet"
edit "$FILE" 1.6 level leading
keys 2
wait_for "out.csv was changed outside tri-assess (1.5, 1.6); merged with your change (1.1)"
wait_for "and saved."
expect_eq "merge: the wizard's answer" established "$(level_of "$FILE" 1.1)"
expect_eq "merge: the outside level" leading "$(level_of "$FILE" 1.6)"
expect_contains "merge: the outside note" "noted in the spreadsheet" "$(cat "$FILE")"
wait_for "Level  2    -    -    -    -    3    -    -"

# The lock says who holds it and, on its second line, where they are.
expect_eq "the lock's second line follows the criterion" "1.2" "$(sed -n 2p "$WORK/.out.csv.lock")"
expect_contains "the lock names pid, host and user" "pid $(tui_pid) on $(hostname) user $(id -un)" "$(sed -n 1p "$WORK/.out.csv.lock")"

# ---- the same criterion changed both ways: both kept ----
edit "$FILE" 1.2 level leading
outside=$(sha256sum <"$FILE")
keys 1
wait_for "out.csv was changed outside tri-assess at 1.2 too. Your version is kept in"
wait_for "this is the file's version."
expect_eq "conflict: the outside file as it is" "$outside" "$(sha256sum <"$FILE")"
conflict=$(ls "$WORK" | grep -E '^out\.conflict-[0-9]{8}-[0-9]{6}\.csv$')
expect_contains "conflict: the wizard's version beside it" "out.conflict-" "$conflict"
expect_eq "conflict copy: the wizard's answer" developing "$(level_of "$WORK/$conflict" 1.2)"
expect_eq "conflict copy: with the earlier merge" established "$(level_of "$WORK/$conflict" 1.1)"
wait_for "Level  2    3    -    -    -    3    -    -" # showing the outside version
keys 2
wait_for "── 1.4 "
expect_eq "work continues on the outside version" "leading established" \
	"$(level_of "$FILE" 1.2) $(level_of "$FILE" 1.3)"

# ---- W onto an existing file asks first (default No) ----
cp "$DATA/worked-example.csv" "$WORK/other.csv"
before=$(sha256sum <"$WORK/other.csv")
keys W
wait_for "Save to file: $FILE"
keys C-u "$WORK/other.csv" Enter
wait_for "other.csv already exists."
wait_for "Replace it with these answers? y/N"
keys n
wait_for "Not saved: $WORK/other.csv is unchanged."
expect_eq "W: byte-identical until confirmed" "$before" "$(sha256sum <"$WORK/other.csv")"
keys W
wait_for "Save to file: $FILE"
keys C-u "$WORK/other.csv" Enter
wait_for "Replace it with these answers? y/N"
keys y
wait_for "Saved to $WORK/other.csv; changes now go there."
expect_eq "W: replaced once confirmed" leading "$(level_of "$WORK/other.csv" 1.2)"
# W onto the open file is a retry of the save.
keys W
wait_for "Save to file: $WORK/other.csv"
keys Enter
wait_for "Saved to $WORK/other.csv; changes now go there."

# ---- x onto someone's file asks; onto its own export it just writes ----
printf 'my,own\nspreadsheet,here\n' >"$WORK/other-summary.csv"
keys x
wait_for "other-summary.csv exists and is not a tri-assess category summary."
wait_for "Replace it with the summary? y/N"
keys Escape
wait_for "Not exported: $WORK/other-summary.csv is unchanged."
expect_eq "x: someone's file unchanged" "my,own" "$(head -1 "$WORK/other-summary.csv")"
keys x
wait_for "Replace it with the summary? y/N"
keys y
wait_for "Exported the category summary to $WORK/other-summary.csv"
keys x
wait_for "Exported the category summary to $WORK/other-summary.csv"
keys q
wait_for "EXITED=0"

# ---- the compared file is re-read when it changes ----
cp "$DATA/worked-example.csv" "$WORK/self.csv"
printf '%s\n' 'criterion_id,level,organisation,assessment_type' '1.1,leading,Camden,peer' \
	'1.2,developing,,' >"$WORK/peer.csv"
tui_start 80x24 screen C.UTF-8 "$BIN" --compare "$WORK/peer.csv" "$WORK/self.csv"
wait_for "Category 2 of 7"
keys "["
wait_for "Peer   3!   1    -!"
printf '%s\n' 'criterion_id,level,organisation,assessment_type' '1.1,developing,Camden,peer' \
	'1.2,developing,,' >"$WORK/peer.csv"
wait_for "peer.csv changed on disk: showing its levels now."
wait_for "Peer   1!   1    -!"
keys a
wait_for "Adopted. Remark (Ctrl-G: take back):"
keys Enter
wait_for "1.1: adopted Developing"
expect_eq "the new peer level is the one adopted" developing "$(level_of "$WORK/self.csv" 1.1)"
keys q
wait_for "EXITED=0"

# ---- read-only: said on the first screen, every change refused ----
cp "$DATA/worked-example.csv" "$WORK/locked.csv"
chmod 444 "$WORK/locked.csv"
before=$(sha256sum <"$WORK/locked.csv")
tui_start 80x24 screen C.UTF-8 "$BIN" "$WORK/locked.csv"
wait_for "READ-ONLY (mode 0444: no one may write it). W: work on a copy."
keys 3
wait_for "Refused: locked.csv is read-only (mode 0444: no one may write it); W FILE"
keys j
wait_for "Answers cannot change this file. W: save a copy to work on; q: quit."
keys q
wait_for "EXITED=0"
expect_eq "read-only: byte-identical" "$before" "$(sha256sum <"$WORK/locked.csv")"

# ---- one lock per file, whatever the name ----
mkdir "$WORK/team"
cp "$DATA/worked-example.csv" "$WORK/team/real.csv"
ln -s real.csv "$WORK/team/sym.csv"
ln "$WORK/team/real.csv" "$WORK/team/hard.csv"
before=$(sha256sum <"$WORK/team/real.csv")
tui_start 80x24 screen C.UTF-8 "$BIN" "$WORK/team/real.csv"
wait_for "Category 2 of 7"
for name in sym.csv hard.csv ./real.csv ../team/real.csv; do
	run sh -c "cd '$WORK/team' && exec \"\$0\" --plain '$name' <<'IN'
3
q
IN" "$BIN"
	expect_eq "$name: a second session is refused" 1 "$RC"
	expect_contains "$name: naming the holder" "is open in another tri-assess (pid $(tui_pid) on" "$ERR"
done
expect_eq "one lock: the file unchanged" "$before" "$(sha256sum <"$WORK/team/real.csv")"
keys q
wait_for "EXITED=0"

# Through a symlink, the link is checked before each save: pointed
# elsewhere meanwhile, it is an outside change, and nothing is written.
cp "$DATA/worked-example.csv" "$WORK/team/elsewhere.csv"
before=$(sha256sum <"$WORK/team/real.csv")
tui_start 80x24 screen C.UTF-8 "$BIN" "$WORK/team/sym.csv"
wait_for "Category 2 of 7"
ln -sfn elsewhere.csv "$WORK/team/sym.csv"
keys 3
wait_for "NOT SAVED: $WORK/team/sym.csv no longer leads to the file"
expect_eq "re-pointed link: the real file unchanged" "$before" "$(sha256sum <"$WORK/team/real.csv")"
expect_eq "re-pointed link: the new target unchanged" "$(sha256sum <"$DATA/worked-example.csv")" \
	"$(sha256sum <"$WORK/team/elsewhere.csv")"
keys q q
wait_for "EXITED=1"

# ---- plain mode at a terminal: a failed save survives one q ----
FILE="$WORK/plain.csv"
"$BIN" new "$FILE" --organisation Camden --date 2026-11-23 >/dev/null
tui_start 80x24 screen C.UTF-8 "$BIN" --plain "$FILE"
wait_for "Level for 1.1"
printf 'not,an\n"assessment\n' >"$FILE" # changed outside, and no longer loads
keys 2 Enter
wait_for "Could not save:"
keys q Enter
wait_for "Answers are NOT saved"
wait_for "W FILE: save elsewhere; q again: quit and lose them."
keys "W $WORK/other.csv" Enter
wait_for "other.csv already exists. Replace it with these answers? [y"
keys Enter
wait_for "Not saved: $WORK/other.csv is unchanged."
keys "W $WORK/kept.csv" Enter
wait_for "Saved to $WORK/kept.csv; changes now go there."
keys q Enter
wait_for "EXITED=0"
expect_eq "plain: the answer saved elsewhere" established "$(level_of "$WORK/kept.csv" 1.1)"
finish
