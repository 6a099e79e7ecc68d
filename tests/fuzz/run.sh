#!/usr/bin/env bash
# Run one fuzzer for a while over the seed corpus; new inputs go to a
# scratch directory so the repository's corpus stays as committed.
# usage: run.sh FUZZER SEED_DIR SECONDS
set -uo pipefail
fuzzer=$(readlink -f "$1") seeds=$(readlink -f "$2") seconds=$3
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cd "$scratch" || exit 1
"$fuzzer" -max_total_time="$seconds" -max_len=65536 -print_final_stats=1 \
	-artifact_prefix="$scratch/" "$scratch" "$seeds" 2>&1 | tail -n 12
status=${PIPESTATUS[0]}
for crash in "$scratch"/crash-* "$scratch"/leak-* "$scratch"/timeout-*; do
	[ -e "$crash" ] || continue
	echo "finding: $crash"; base64 -w0 "$crash"; echo
done
exit "$status"
