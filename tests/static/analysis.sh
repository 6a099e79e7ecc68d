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
	# One clang-tidy per file, as many at once as there are cores.  The
	# clang analyzer (seconds a file; render/html.c alone 27 s) runs where
	# untrusted files are parsed and files are written: core/, cli/,
	# tools/.  The screens and the renderers get every other check; their
	# memory is checked at run time by valgrind and the sanitizers.  (The
	# whole tree under the analyzer took a quarter of CI's ten minutes.)
	tidy() { # checks files...
		local checks=$1; shift
		printf '%s\0' "$@" |
			xargs -0 -P "$(nproc)" -n 1 clang-tidy -p "$build" --quiet $checks 2>&1
	}
	out=$({ tidy "" core/*.c cli/*.c tools/*.c
		tidy "--checks=-clang-analyzer-*" tui/*.c render/*.c; } |
		grep -E '(warning|error):' | grep -v 'warnings generated')
	if [ -n "$out" ]; then echo "$out"; status=1; else echo "ok: clang-tidy"; fi
else
	echo "FAIL: clang-tidy not installed"; status=1
fi
exit $status
