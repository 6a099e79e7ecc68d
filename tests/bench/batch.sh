#!/usr/bin/env bash
# Time `tri-assess benchmark` on N generated assessment files against the
# time to read the same bytes with cat, and against tests/bench/yardstick.py.
# A benchmark, not a timed test: it reports figures and checks the outputs
# agree. usage: tests/bench/batch.sh BINARY [N]
set -euo pipefail
bin=$(readlink -f "$1"); n=${2:-10000}
here=$(cd "$(dirname "$0")" && pwd)
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
"$bin" criteria --csv | python3 "$here/generate.py" "$n" "$dir/files" --seed 3
echo "files: $n, bytes: $(du -sb "$dir/files" | cut -f1)"
cat "$dir"/files/*.csv >/dev/null # warm the page cache, as for every run below
best() { # best of three wall-clock seconds of a command
	local best=999
	for _ in 1 2 3; do
		local s e
		s=$(date +%s.%N); "$@" >/dev/null; e=$(date +%s.%N)
		best=$(python3 -c "print(min($best, $e - $s))")
	done
	printf '%.3f' "$best"
}
cat_s=$(best sh -c "cat '$dir'/files/*.csv")
tri_s=$(best "$bin" benchmark --csv "$dir"/files/*.csv)
py_s=$(best python3 "$here/yardstick.py" "$dir"/files/*.csv)
"$bin" benchmark --csv "$dir"/files/*.csv | tr -d '\r' | cut -d, -f1,3-11 >"$dir/tri.csv"
python3 "$here/yardstick.py" "$dir"/files/*.csv | tr -d '\r' | cut -d, -f1,3-11 >"$dir/py.csv"
if cmp -s "$dir/tri.csv" "$dir/py.csv"; then agree=yes; else agree=NO; diff "$dir/tri.csv" "$dir/py.csv" | head || true; fi
echo "cat: ${cat_s}s  tri-assess benchmark: ${tri_s}s ($(python3 -c "print(round($tri_s / $cat_s, 2))")x cat)  python csv yardstick: ${py_s}s  outputs agree: $agree"
