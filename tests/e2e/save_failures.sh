#!/usr/bin/env bash
# Disk full, a read-only file system, the file size limit: a clear message,
# the previous file intact, the change kept in memory, and W to save it
# elsewhere; a read-only mount or a file without write permission opens
# read-only and refuses every change. As root this runs in a private mount
# namespace with a tiny tmpfs; otherwise the disk-full and read-only cases
# use what a user can do.
if [ "$(id -u)" -eq 0 ] && [ -z "${TRI_IN_NAMESPACE:-}" ] && command -v unshare >/dev/null; then
	TRI_IN_NAMESPACE=1 exec unshare -m --propagation private bash "$0" "$@"
fi
. "$(dirname "$0")/../lib.sh"

# --- the file size limit (ulimit -f): every save fails with EFBIG ---
FILE="$WORK/limit.csv"
"$BIN" new "$FILE" --organisation Camden --date 2026-11-23 >/dev/null
before=$(sha256sum "$FILE")
tui_start 80x24 screen C.UTF-8 bash -c "ulimit -f 4; exec \"\$0\" \"\$1\"" "$BIN" "$FILE"
wait_for "Category 1 of 7"
keys 2
wait_for "NOT SAVED: cannot write: the file size limit was reached"
wait_for "1.1: Established, in memory only. W: save to another file."
wait_for "Score  2/22" # kept in memory
expect_eq "size limit: old file intact" "$before" "$(sha256sum "$FILE")"
keys q
wait_for "Answers are NOT saved. W: save elsewhere; q again: quit and lose them."
keys q
wait_for "EXITED=1"
wait_for "NOT SAVED to $FILE"
# F10 is quit as q is: twice after a failed save (it once only re-armed)
tui_start 80x24 screen C.UTF-8 bash -c "ulimit -f 4; exec \"\$0\" \"\$1\"" "$BIN" "$FILE"
wait_for "Category 1 of 7"
keys 2
wait_for "NOT SAVED: cannot write: the file size limit was reached"
keys F10
wait_for "Answers are NOT saved. W: save elsewhere; q again: quit and lose them."
keys F10
wait_for "EXITED=1"

if [ -n "${TRI_IN_NAMESPACE:-}" ]; then
	# --- disk full: a 16 KiB tmpfs holds the file but not a second copy ---
	mkdir "$WORK/full"
	mount -t tmpfs -o size=16k tmpfs "$WORK/full"
	FILE="$WORK/full/camden.csv"
	"$BIN" new "$FILE" --organisation Camden --date 2026-11-23 >/dev/null
	head -c 4096 /dev/zero >"$WORK/full/filler" 2>/dev/null
	before=$(sha256sum "$FILE")
	tui_start 80x24 screen C.UTF-8 "$BIN" "$FILE"
	wait_for "Category 1 of 7"
	keys 3
	wait_for "NOT SAVED: cannot write: the disk is full"
	expect_eq "disk full: old file intact" "$before" "$(sha256sum "$FILE")"
	expect_eq "disk full: no temporary file or journal left" "" "$(ls -A "$WORK/full" | grep -E '^\.camden\.csv\.tri-assess')"
	# Save elsewhere; later changes go there.
	keys W
	wait_for "Save to file: $FILE"
	keys C-u "$WORK/elsewhere.csv" Enter
	wait_for "Saved to $WORK/elsewhere.csv; changes now go there."
	keys 1
	wait_for "── 1.3 "
	run "$BIN" score --csv "$WORK/elsewhere.csv"
	expect_contains "saved elsewhere, with the later change" ",1,Strategic Leadership and Management,4,22,developing" "$OUT"
	expect_eq "disk full: original still intact" "$before" "$(sha256sum "$FILE")"
	keys q
	wait_for "EXITED=0"

	# --- a read-only file system ---
	rm -f "$WORK/full/filler"
	mount -o remount,ro "$WORK/full"
	before=$(sha256sum "$FILE")
	OUT=$(printf '2\nq\n' | "$BIN" --plain "$FILE" 2>&1)
	expect_eq "read-only mount: a refused answer on a pipe exits 1" 1 "$?"
	expect_contains "read-only mount: said first" "READ-ONLY (a read-only mount): answers cannot change $FILE" "$OUT"
	expect_contains "read-only mount: the answer refused, naming the input line" \
		"input line 1, criterion 1.1: camden.csv is read-only (a read-only mount)" "$OUT"
	expect_eq "read-only mount: file untouched" "$before" "$(sha256sum "$FILE")"
	umount "$WORK/full"

	# --- no permission: root ignores permissions, so run as nobody ---
	if command -v setpriv >/dev/null && id nobody >/dev/null 2>&1; then
		mkdir "$WORK/ro"
		"$BIN" new "$WORK/ro/a.csv" --organisation Camden >/dev/null
		chmod 755 "$WORK"; chmod 555 "$WORK/ro"; chmod 644 "$WORK/ro/a.csv"
		before=$(sha256sum "$WORK/ro/a.csv")
		OUT=$(printf '2\nq\n' | setpriv --reuid=nobody --regid=nogroup --clear-groups \
			"${REAL_BIN:-$BIN}" --plain "$WORK/ro/a.csv" 2>&1)
		expect_contains "no permission: read-only, said first" "READ-ONLY (no write permission)" "$OUT"
		expect_contains "no permission: the answer refused" \
			"input line 1, criterion 1.1: a.csv is read-only (no write permission)" "$OUT"
		expect_eq "no permission: file untouched" "$before" "$(sha256sum "$WORK/ro/a.csv")"
		chmod 755 "$WORK/ro"
	fi
else
	# --- no permission (not root): a directory the user cannot write ---
	mkdir "$WORK/ro"
	"$BIN" new "$WORK/ro/a.csv" --organisation Camden >/dev/null
	chmod 555 "$WORK/ro"
	OUT=$(printf '2\nq\n' | "$BIN" --plain "$WORK/ro/a.csv" 2>&1)
	expect_contains "no permission: read-only, said first" "READ-ONLY (no write permission in its folder" "$OUT"
	expect_contains "no permission: the answer refused" "input line 1, criterion 1.1: a.csv is read-only" "$OUT"
	chmod 755 "$WORK/ro"
	echo "disk-full case skipped: it needs root for a private tmpfs" >&2
fi
finish
