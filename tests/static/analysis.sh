#!/usr/bin/env bash
# cppcheck and clang-tidy must report nothing (config: .clang-tidy).
# usage: analysis.sh SOURCE_ROOT BUILD_DIR
set -uo pipefail
src=${1:?}; build=${2:?}
cd "$src" || exit 1
status=0
if command -v cppcheck >/dev/null; then
	out=$(cppcheck --enable=warning,style,performance,portability --std=c11 --quiet \
		--inline-suppr -I core -I render -I tui -I "$build" core render tui cli tools tests/fuzz 2>&1)
	if [ -n "$out" ]; then echo "$out"; status=1; else echo "ok: cppcheck"; fi
else
	echo "FAIL: cppcheck not installed"; status=1
fi
if command -v clang-tidy >/dev/null; then
	shopt -s nullglob
	# One clang-tidy per file, as many at once as there are cores: the
	# analyzer takes seconds a file, and this test is otherwise the longest.
	out=$(printf '%s\0' core/*.c tui/*.c cli/*.c render/*.c tools/*.c |
		xargs -0 -P "$(nproc)" -n 1 clang-tidy -p "$build" --quiet 2>&1 |
		grep -E '(warning|error):' | grep -v 'warnings generated')
	if [ -n "$out" ]; then echo "$out"; status=1; else echo "ok: clang-tidy"; fi
else
	echo "FAIL: clang-tidy not installed"; status=1
fi
exit $status
