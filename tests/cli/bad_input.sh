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

# A framework beyond the bounds on its numbers (leading = 10^9 points, or a
# 64 MiB criteria.csv of 3.5 million rows) is refused by every command
# that loads it, within a second of processor time (the machine may be
# loaded; under AddressSanitizer 5 times that, under valgrind 20 times).
rm -rf "$WORK/fw" "$WORK/huge"
cp -r "$DATA/../../data" "$WORK/fw"
cp "$DATA/bad/framework/points-too-large/levels.csv" "$WORK/fw/"
limit_ms=1000
ldd "${REAL_BIN:-$BIN}" 2>/dev/null | grep -q libasan && limit_ms=5000
[ -n "${TRI_WRAP:-}" ] && limit_ms=20000
cp -r "$DATA/../../data" "$WORK/huge"
python3 - "$WORK/huge/criteria.csv" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("criterion_id,category,section,developing,established,leading\n")
    size, n = 0, 0
    while size < 63 << 20:
        n += 1
        line = "1.%d,1,,a,b,c\n" % n
        f.write(line)
        size += len(line)
PY
commands=(validate criteria "score $DATA/worked-example.csv" "plan $DATA/worked-example.csv"
          "benchmark $DATA/worked-example.csv" "$DATA/worked-example.csv")
for fw in fw huge; do
	[ $fw = huge ] && commands=(validate "score $DATA/worked-example.csv")
	for command in "${commands[@]}"; do
		TIMEFORMAT='%3U %3S'
		# shellcheck disable=SC2086 # the command's words
		{ time run env TERM=dumb "$BIN" --framework "$WORK/$fw" $command; } 2>"$WORK/took"
		took=$(awk '{ printf "%d", ($1 + $2) * 1000 }' "$WORK/took")
		expect_eq "framework $fw, $command: exit" 1 "$RC"
		if [ $fw = fw ]; then
			expect_contains "framework $fw, $command: message" \
				"levels.csv:5: field \"points\" is \"1000000000\"" "$ERR"
		else
			expect_contains "framework $fw, $command: message" \
				"criteria.csv:1002: more than 1000 rows after the header" "$ERR"
		fi
		if [ "$took" -lt "$limit_ms" ]; then pass; else
			fail "framework $fw, $command: refused after $took ms of processor time;" \
				"expected within $limit_ms"
		fi
	done
done
rm -rf "$WORK/huge"
[ "$count" -ge 30 ] && pass || fail "expected at least 30 bad files, found $count"
finish
