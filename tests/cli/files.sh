#!/usr/bin/env bash
# Files on a shared server (issues 18 and 20): outputs never replace inputs
# or someone's file, only regular files are read (a FIFO never hangs), links
# and names lead to one lock, a save keeps the owner, group, mode, ACL and
# links, a file without write permission opens read-only. The two-user
# cases run as other users with setpriv (CI runs as root; no accounts are
# needed): alice 1001 and bob 1002 share the group team 1500; carol 1003
# is outside it.
. "$(dirname "$0")/../lib.sh"
cp "$DATA/worked-example.csv" "$WORK/a.csv"
cp "$DATA/worked-example.csv" "$WORK/b.csv"
sed -i 's/^1\.1,established/1.1,leading/' "$WORK/b.csv"

# ---- report -o: never onto an input, never onto someone's file ----
sums() { sha256sum "$@" | cut -c1-64 | tr '\n' ' '; }
level_of() { # FILE ID: the level recorded for criterion ID
	python3 - "$1" "$2" <<'PY'
import csv, sys
for row in csv.DictReader(open(sys.argv[1], encoding="utf-8-sig")):
    if row["criterion_id"] == sys.argv[2]:
        print(row["level"])
PY
}
before=$(sums "$WORK/a.csv" "$WORK/b.csv")
run "$BIN" report "$WORK/a.csv" -o "$WORK/a.csv"
expect_eq "report A -o A: exit 1" 1 "$RC"
expect_contains "report A -o A: says why" "is one of the input files" "$ERR"
run "$BIN" report "$WORK/a.csv" --compare "$WORK/b.csv" -o "$WORK/b.csv"
expect_eq "report A --compare B -o B: exit 1" 1 "$RC"
run "$BIN" report "$WORK/a.csv" -o "$WORK/../$(basename "$WORK")/./a.csv"
expect_eq "report A -o A by another path: exit 1" 1 "$RC"
ln -s a.csv "$WORK/alias.csv"
run "$BIN" report "$WORK/a.csv" -o "$WORK/alias.csv" --force
expect_eq "report A -o (symlink to A) --force: still refused" 1 "$RC"
printf 'file,category\nsomeone,else\n' >"$WORK/existing.csv"
run "$BIN" report "$WORK/a.csv" -o "$WORK/existing.csv"
expect_eq "report -o EXISTING: exit 1" 1 "$RC"
expect_contains "report -o EXISTING: says how" "exists and is not a tri-assess report; not replaced (--force replaces it)" "$ERR"
expect_eq "inputs byte-identical" "$before" "$(sums "$WORK/a.csv" "$WORK/b.csv")"
expect_eq "existing file byte-identical" "file,category
someone,else" "$(cat "$WORK/existing.csv")"
run "$BIN" report "$WORK/a.csv" -o -
expect_eq "-o -: exit 0" 0 "$RC"
expect_contains "-o -: the report on standard output" '<meta name="generator" content="tri-assess"/>' "$OUT"
expect_eq "-o -: no file called -" "" "$(ls "$WORK" | grep -x -- -)"
run "$BIN" report "$WORK/a.csv" -o "$WORK/r.html"
expect_eq "report to a new file" 0 "$RC"
run "$BIN" report "$WORK/b.csv" -o "$WORK/r.html"
expect_eq "a previous report is replaced" 0 "$RC"
expect_contains "the new report is there" "Leading" "$(cat "$WORK/r.html")"
run "$BIN" report "$WORK/a.csv" -o "$WORK/existing.csv" --force
expect_eq "--force replaces someone's file" 0 "$RC"
expect_contains "--force: it is the report now" "<!DOCTYPE html>" "$(cat "$WORK/existing.csv")"
chmod 444 "$WORK/r.html"
run "$BIN" report "$WORK/a.csv" -o "$WORK/r.html" --force
expect_eq "a read-only report is not replaced, even with --force" 1 "$RC"
expect_contains "read-only report: says why" "mode 0444: no one may write it; not replaced" "$ERR"

# ---- only regular files: a FIFO is refused at once everywhere ----
mkfifo "$WORK/pipe.csv"
mkdir -p "$WORK/fw-pipe"
cp "$DATA/../../data/"*.csv "$WORK/fw-pipe/"
rm "$WORK/fw-pipe/criteria.csv"
mkfifo "$WORK/fw-pipe/criteria.csv"
quickly() { # what CMD...: exit 1 within a second, naming the FIFO
	local what=$1; shift
	local start=$EPOCHREALTIME
	run timeout 10 "$@"
	local took
	took=$(python3 -c "print(f'{$EPOCHREALTIME - $start:.2f}')")
	expect_eq "$what: exit 1" 1 "$RC"
	expect_contains "$what: names it" "is a named pipe (FIFO)" "$ERR"
	if [ -z "${TRI_WRAP:-}" ]; then # valgrind takes longer just to start
		expect_eq "$what: within a second ($took s)" 1 "$(python3 -c "print(int($took < 1))")"
	fi
}
quickly "score FIFO" "$BIN" score "$WORK/pipe.csv"
quickly "compare FIFO" "$BIN" compare "$WORK/a.csv" "$WORK/pipe.csv"
quickly "benchmark FIFO" "$BIN" benchmark "$WORK/a.csv" "$WORK/pipe.csv"
quickly "report FIFO" "$BIN" report "$WORK/pipe.csv" -o "$WORK/p.html"
quickly "report --compare FIFO" "$BIN" report "$WORK/a.csv" --compare "$WORK/pipe.csv" -o "$WORK/p.html"
quickly "--framework DIR (a FIFO inside) validate" "$BIN" --framework "$WORK/fw-pipe" validate
quickly "--framework FIFO validate" "$BIN" --framework "$WORK/pipe.csv" validate
quickly "the wizard on a FIFO" "$BIN" --plain "$WORK/pipe.csv"
quickly "the wizard --compare FIFO" "$BIN" --plain --compare "$WORK/pipe.csv" "$WORK/a.csv"
run "$BIN" score /dev/null
expect_contains "a device is named" "/dev/null is a character device" "$ERR"
run "$BIN" --plain "$WORK/fw-pipe" </dev/null
expect_contains "a directory is named" "is a directory; expected an assessment" "$ERR"

# ---- the crash clean-up removes only its own temporary files ----
touch "$WORK/.a.csv.backup" "$WORK/.a.csv.2025-1" "$WORK/.a.csv.XyZ123" "$WORK/.a.csv.tri-assess-AbC123"
run "$BIN" --plain "$WORK/a.csv" <<<"q"
expect_eq "opening a.csv" 0 "$RC"
for kept in .a.csv.backup .a.csv.2025-1 .a.csv.XyZ123; do
	expect_eq "$kept survives opening a.csv" yes "$([ -e "$WORK/$kept" ] && echo yes)"
done
expect_eq "a stale temporary file is removed" no "$([ -e "$WORK/.a.csv.tri-assess-AbC123" ] && echo yes || echo no)"

# ---- a save in place killed half way: the next open finds its journal ----
cp "$DATA/worked-example.csv" "$WORK/torn.csv"
sed 's/^1\.1,established/1.1,leading/' "$DATA/worked-example.csv" >"$WORK/.torn.csv.tri-assess.journal"
head -c 100 "$WORK/.torn.csv.tri-assess.journal" >"$WORK/torn.csv" # half written
run "$BIN" score "$WORK/torn.csv"
expect_eq "a reader meeting a torn file reads the journal" 0 "$RC"
expect_contains "the journal's complete version is scored" "16 / 22" "$OUT"
run "$BIN" --plain "$WORK/torn.csv" <<<"q"
expect_contains "the next open says so" "A save of $WORK/torn.csv was interrupted; it was completed from its journal." "$OUT"
expect_eq "the file is the complete version" "$(cat "$WORK/.torn.csv.tri-assess.journal" 2>/dev/null || echo gone)" "gone"
expect_eq "the journal's version is in place" leading "$(level_of "$WORK/torn.csv" 1.1)"

# ---- links: the session's own file follows its link; the link stays ----
cp "$DATA/worked-example.csv" "$WORK/real.csv"
ln -s real.csv "$WORK/sym.csv"
run "$BIN" --plain "$WORK/sym.csv" <<<$'g 1.1\n3\n2\nq'
expect_eq "save through a symlink" 0 "$RC"
expect_not_contains "every save through the link" "NOT SAVED" "$OUT$ERR"
expect_eq "the second save through the link too" established "$(level_of "$WORK/real.csv" 1.2)"
expect_eq "the symlink is still a symlink" "real.csv" "$(readlink "$WORK/sym.csv")"
expect_eq "the real file has the answer" leading "$(level_of "$WORK/real.csv" 1.1)"
ln "$WORK/real.csv" "$WORK/hard.csv"
run "$BIN" --plain "$WORK/hard.csv" <<<$'g 1.1\n1\nq'
expect_eq "save through a hard link" 0 "$RC"
expect_eq "still one inode, two links" "2 $(stat -c %i "$WORK/real.csv")" "$(stat -c '%h %i' "$WORK/hard.csv")"
expect_eq "both names have the answer" "developing developing" "$(level_of "$WORK/real.csv" 1.1) $(level_of "$WORK/hard.csv" 1.1)"

# ---- read-only: a file with no write bit, even for root ----
cp "$DATA/worked-example.csv" "$WORK/locked.csv"
chmod 444 "$WORK/locked.csv"
before=$(sums "$WORK/locked.csv")
run "$BIN" --plain "$WORK/locked.csv" <<<$'3\nq'
expect_eq "0444: a refused answer from a pipe exits 1" 1 "$RC"
expect_contains "0444: said first" "READ-ONLY (mode 0444: no one may write it): answers cannot change" "$OUT"
expect_contains "0444: NOT SAVED on standard error" "NOT SAVED: $WORK/locked.csv is read-only" "$ERR"
expect_eq "0444: byte-identical" "$before" "$(sums "$WORK/locked.csv")"
run "$BIN" --plain "$WORK/locked.csv" <<<$'W '"$WORK/copy.csv"$'\ng 1.1\n3\nq'
expect_eq "W FILE continues on a copy" 0 "$RC"
expect_eq "the copy has the answer" leading "$(level_of "$WORK/copy.csv" 1.1)"
expect_eq "0444 still byte-identical" "$before" "$(sums "$WORK/locked.csv")"
run "$BIN" --plain "$WORK/locked.csv" <<<$'W '"$WORK/b.csv"$'\nq'
expect_eq "W onto an existing file from a pipe: exit 1" 1 "$RC"
expect_contains "W onto an existing file from a pipe: refused, naming the line" \
	"input line 1, W: $WORK/b.csv already exists; not replaced" "$ERR"
run "$BIN" --plain --compare "$WORK/b.csv" "$WORK/a.csv" <<<$'W '"$WORK/b.csv"$'\nq'
expect_contains "W onto the compared file: refused" "is the file being compared with; it is never written" "$ERR"

# ---- two users sharing a group (setpriv) ----
if [ "$(id -u)" -ne 0 ]; then
	echo "the two-user cases need root to play other users (CI runs as root)" >&2
	finish
fi
chmod 711 "$WORK"
TEAM="$WORK/team"
mkdir "$TEAM"
chgrp 1500 "$TEAM"
chmod 0775 "$TEAM" # group-writable, no setgid bit
as() { # as alice|bob|carol CMD...
	local uid gid
	case $1 in alice) uid=1001 gid=1500 ;; bob) uid=1002 gid=1500 ;; carol) uid=1003 gid=1600 ;; esac
	shift
	(cd "$TEAM" && setpriv --reuid="$uid" --regid="$gid" --groups="$gid" -- "$@")
}
as alice "$BIN" new "$TEAM/a.csv" --organisation Camden --date 2026-11-23 >/dev/null
chmod 0664 "$TEAM/a.csv"
expect_eq "alice's file" "1001:1500 664" "$(stat -c '%u:%g %a' "$TEAM/a.csv")"
run as bob "$BIN" --plain "$TEAM/a.csv" <<<$'2\nq'
expect_eq "bob answers in alice's file" 0 "$RC"
expect_eq "the file keeps its owner, group and mode" "1001:1500 664" "$(stat -c '%u:%g %a' "$TEAM/a.csv")"
expect_eq "bob's answer is recorded" established "$(level_of "$TEAM/a.csv" 1.1)"
expect_eq "no journal or temporary file left" "" "$(ls -A "$TEAM" | grep tri-assess)"
run as alice "$BIN" --plain "$TEAM/a.csv" <<<$'g 1.1\n1\nq'
expect_eq "alice can still write her own assessment" developing "$(level_of "$TEAM/a.csv" 1.1)"

as alice "$BIN" new "$TEAM/ro.csv" --organisation Camden --date 2026-11-23 >/dev/null
as alice "$BIN" new "$TEAM/mine.csv" --organisation Camden --date 2026-11-23 >/dev/null
chmod 0444 "$TEAM/ro.csv"
chmod 0644 "$TEAM/mine.csv"
for f in ro.csv mine.csv; do
	before=$(sums "$TEAM/$f")
	run as bob "$BIN" --plain "$TEAM/$f" <<<$'3\nq'
	expect_eq "$f: bob's answer refused (exit 1)" 1 "$RC"
	expect_contains "$f: the session says read-only" "READ-ONLY (no write permission)" "$OUT"
	expect_eq "$f: byte-identical" "$before" "$(sums "$TEAM/$f")"
done

# An ACL: alice's own save keeps it (rename); carol, outside the group but
# given rw by the ACL, saves in place behind a journal and keeps it too.
as alice "$BIN" new "$TEAM/acl.csv" --organisation Camden --date 2026-11-23 >/dev/null
chmod 0640 "$TEAM/acl.csv"
setfacl -m u:1003:rw "$TEAM/acl.csv"
setfacl -m u:1003:rwx "$TEAM"
acl_before=$(getfacl -cp "$TEAM/acl.csv")
stat_before=$(stat -c '%u:%g %a' "$TEAM/acl.csv")
run as alice "$BIN" --plain "$TEAM/acl.csv" <<<$'1\nq'
expect_eq "ACL: alice's save" 0 "$RC"
expect_eq "ACL: kept by alice's save" "$acl_before" "$(getfacl -cp "$TEAM/acl.csv")"
run as carol "$BIN" --plain "$TEAM/acl.csv" <<<$'b\n3\nq'
expect_eq "ACL: carol's save" 0 "$RC"
expect_eq "ACL: kept by carol's save" "$acl_before" "$(getfacl -cp "$TEAM/acl.csv")"
expect_eq "ACL: owner, group and mode kept" "$stat_before" "$(stat -c '%u:%g %a' "$TEAM/acl.csv")"
expect_eq "ACL: carol's answer recorded" leading "$(level_of "$TEAM/acl.csv" 1.1)"

# A lock left by a killed holder of alice's (as her wizard leaves it: her
# file, the data file's group, 0660) is taken by another member of the group.
printf 'pid 999999 on gone user alice\n1.4\n' >"$TEAM/.a.csv.lock"
chown 1001:1500 "$TEAM/.a.csv.lock"
chmod 0660 "$TEAM/.a.csv.lock"
run as bob "$BIN" --plain "$TEAM/a.csv" <<<$'2\nq'
expect_eq "a stale lock of alice's is taken by bob" 0 "$RC"
expect_eq "the lock is gone after bob" no "$([ -e "$TEAM/.a.csv.lock" ] && echo yes || echo no)"
finish
