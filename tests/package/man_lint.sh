#!/usr/bin/env bash
# The man page passes `mandoc -T lint` at every level, style included: any
# message fails. usage: man_lint.sh PAGE. Skipped (77) without mandoc.
page=${1:?usage: man_lint.sh PAGE}
if ! command -v mandoc >/dev/null; then
	echo "mandoc is not installed (scripts/dev installs it): skipped"
	exit 77
fi
messages=$(mandoc -T lint -W all "$page" 2>&1)
status=$?
if [ $status -ne 0 ] || [ -n "$messages" ]; then
	echo "FAIL: mandoc -T lint $page (exit $status):"
	echo "$messages"
	exit 1
fi
echo "ok: mandoc -T lint $page: no messages"
