#!/usr/bin/env bash
# The Standard's guidance on the wizard's screens (issue 17): each
# category's description at the top of its screen (its first line at
# least, "i more" when cut), the whole of it and every note of the
# category on the guidance screen (i), also at 64x16; a cell's footnote
# with the cell (1.2 Leading [6], 2b.3 Established [8]); section 2a's
# note [7] on the screen of every 2a row; the overview shows the selected
# category's description, and i there that category's guidance.
. "$(dirname "$0")/../lib.sh"

DATA_DIR=$(cd "$DATA/../../data" && pwd)
"$BIN" new "$WORK/a.csv" --organisation Brent --date 2026-11-23 >/dev/null

# field CATEGORY COLUMN: a column of data/categories.csv
field() {
	python3 -c 'import csv,sys; print(next(r for r in csv.DictReader(open(sys.argv[1]+"/categories.csv", encoding="utf-8")) if r["category"] == sys.argv[2])[sys.argv[3]])' \
		"$DATA_DIR" "$1" "$2"
}
# notes CATEGORY: the footnotes of the category's rows and sections, one
# "[7] text" a line
notes() {
	python3 - "$DATA_DIR" "$1" <<'PY'
import csv, sys
data, cat = sys.argv[1], sys.argv[2]
for r in csv.DictReader(open(f"{data}/footnotes.csv", encoding="utf-8")):
    t = r["target"]
    if not t.startswith("about:") and t != "levels" and t.split(".")[0].rstrip("abcde") == cat:
        print(f"[{r['marker']}] {r['text']}")
PY
}
norm() { sed -E ':a;N;$!ba;s/([[:alpha:]]-)\n */\1/g' | tr '\n' ' ' | tr -s ' ' | sed 's/^ //; s/ $//'; }
# joined: the screen's lines joined (the cells' hanging indent folded)
joined() { screen | norm; }

# guidance_whole SIZE CATEGORY: i on the category's screen shows its
# description and every note whole
guidance_whole() {
	local size=$1 c=$2 want
	keys i
	wait_for "Guidance: Category $c of 7" || return
	read_pager "$WORK/guide.txt"
	local text
	text=$(pager_text "$WORK/guide.txt" | norm)
	want=$(field "$c" description | norm)
	expect_contains "$size: i shows category $c's description whole" "$want" "$text"
	while IFS= read -r note; do
		[ -n "$note" ] || continue
		expect_contains "$size: i shows category $c's note whole" "$(norm <<<"$note")" "$text"
	done < <(notes "$c")
	keys q
	wait_for "Category $c of 7:"
}

for size in 80x24 120x30; do
	tui_start "$size" xterm-256color C.UTF-8 "$BIN" "$WORK/a.csv"
	wait_for "Category 1 of 7" || continue
	for c in 1 2 3 4 5 6 7; do
		[ "$c" = 1 ] || { keys Tab; wait_for "Category $c of 7:" || continue 2; }
		first=$(field "$c" description | cut -c1-40)
		expect_contains "$size: category $c's description at the top" "$first" \
			"$(screen | sed -n 3p)"
		guidance_whole "$size" "$c"
		if [ "$c" = 1 ]; then
			keys j
			wait_for "── 1.2 " || continue 2
			expect_contains "$size: 1.2 Leading's marker" "(EQIA). [6]" "$(joined)"
			expect_contains "$size: 1.2 Leading's note with the cell" \
				"[6] An Equality Impact Assessment (EQIA): see glossary for definition." \
				"$(joined)"
		fi
		if [ "$c" = 2 ]; then
			for row in 1 2 3 4 5 6 7 8 9; do
				[ "$row" = 1 ] || keys j
				wait_for "── 2a.$row (2a Recruitment [7]) " || continue 3
				expect_contains "$size: 2a.$row shows section 2a's note" \
					"[7] At a regional level the latest ONS data (2019)" "$(screen)"
			done
			keys j j j
			wait_for "── 2b.3 (2b Induction and Supervision) " || continue 2
			expect_contains "$size: 2b.3 Established's note with the cell" \
				"[8] Business in the Community: Race at Work Charter" "$(screen)"
			expect_not_contains "$size: 2a's note only on 2a's rows" "[7] At a regional" \
				"$(screen)"
		fi
	done
	# the overview: the selected category's description
	keys g
	wait_for "Overview:" || continue
	for c in 3 1 2 4 6 7 5; do
		keys "$c"
		wait_for "$(field "$c" description | cut -c1-40)" || continue 2
	done
	# i on the overview: the selected category's guidance
	keys i
	wait_for "Guidance: Category 5 of 7" || continue
	keys q
	wait_for "Overview:"
	keys q
	wait_for "EXITED=0"
done

# 64x16: the guidance gives way to its first lines; i shows it all
tui_start 64x16 xterm-256color C.UTF-8 "$BIN" "$WORK/a.csv"
wait_for "Category 1 of 7" && {
	expect_contains "64x16: i more" " i more" "$(screen | sed -n 3p)"
	keys Tab
	wait_for "Category 2 of 7:"
	wait_for "[7] At a regional level"
	guidance_whole 64x16 2
	keys q
	wait_for "EXITED=0"
}
finish
