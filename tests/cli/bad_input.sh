#!/usr/bin/env bash
# The bad-input corpus: every malformed assessment and framework gets its
# expected message naming the file, exit status 1, and is left untouched.
. "$(dirname "$0")/../lib.sh"

count=0
for file in "$DATA"/bad/assessment/*.csv; do
	expect=$(cat "${file%.csv}.expect")
	before=$(sha256sum "$file")
	run "$BIN" score "$file"
	expect_eq "$(basename "$file"): exit" 1 "$RC"
	expect_contains "$(basename "$file"): message" "$file$expect" "$ERR"
	expect_eq "$(basename "$file"): untouched" "$before" "$(sha256sum "$file")"
	count=$((count + 1))
done

for dir in "$DATA"/bad/framework/*/; do
	name=$(basename "$dir")
	rm -rf "$WORK/fw"
	cp -r "$DATA/../../data" "$WORK/fw"
	for f in "$dir"*.csv; do cp "$f" "$WORK/fw/"; done
	run "$BIN" --framework "$WORK/fw" validate
	expect_eq "framework $name: exit" 1 "$RC"
	expect_contains "framework $name: message" "$WORK/fw/$(cat "$dir/expect")" "$ERR"
	count=$((count + 1))
done
[ "$count" -ge 30 ] && pass || fail "expected at least 30 bad files, found $count"
finish
