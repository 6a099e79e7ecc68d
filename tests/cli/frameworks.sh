#!/usr/bin/env bash
# Frameworks of other shapes (tests/data/frameworks): five levels (none,
# emerging, developing, established, leading; points 0 1 2 4 6) and two
# (not_met, met).  Every command loads, scores and words them from their
# own levels.csv: nothing of the Standard's three levels is assumed.
. "$(dirname "$0")/../lib.sh"

FIVE="$DATA/frameworks/five-levels"
TWO="$DATA/frameworks/two-levels"
csv_column() { # NAME: the named column of CSV on standard input, one per line
	python3 -c 'import csv,sys; [print(r[sys.argv[1]]) for r in csv.DictReader(sys.stdin)]' "$1"
}

# ---- five levels ----
run "$BIN" --framework "$FIVE" validate
expect_eq "five: validate exit" 0 "$RC"
expect_contains "five: validate names the tops by level" \
	"category  published eme/dev/est/max    derived eme/dev/est/max      agrees" "$OUT"
expect_contains "five: derived ranges agree (category 1)" \
	"1         4 / 10 / 16 / 18             4 / 10 / 16 / 18             yes" "$OUT"
expect_eq "five: no warnings" "" "$ERR"
run "$BIN" --framework "$FIVE" validate --csv
expect_eq "five: validate --csv header, a column per level below the highest" \
	"category,published_emerging_max,published_developing_max,published_established_max,published_max,derived_emerging_max,derived_developing_max,derived_established_max,derived_max,agrees" \
	"$(head -1 <<<"$OUT" | tr -d '\r')"
expect_contains "five: validate --csv category 2" "2,5,9,19,23,5,9,19,23,yes" "$OUT"

run "$BIN" --framework "$FIVE" criteria --csv
expect_eq "five: criteria --csv is criteria.csv's shape" \
	"criterion_id,category,section,emerging,developing,established,leading,description" \
	"$(head -1 <<<"$OUT" | tr -d '\r')"
expect_contains "five: criteria --csv a row with cells at two levels" \
	"1.2,1,,,Board papers mention the work.,,The board reviews the work every quarter." "$OUT"
run "$BIN" --framework "$FIVE" criteria
expect_contains "five: criteria ranges" \
	"Score ranges: Emerging 0-4, Developing 5-10, Established 11-16, Leading 17-18" "$OUT"
expect_contains "five: criteria cells with their points" "Established practice (4 points):" "$OUT"

run "$BIN" --framework "$FIVE" new "$WORK/a.csv" --organisation "Borough A" --date 2026-01-10
expect_eq "five: new exit" 0 "$RC"
expect_contains "five: new names the framework" "against Five-level test framework version 1 (12 criteria)" "$OUT"
expect_contains "five: new file's framework columns" ",Borough A,self,,2026-01-10,test-five-levels,1" \
	"$(sed -n 2p "$WORK/a.csv")"

cat >"$WORK/b.csv" <<'CSV'
criterion_id,level,organisation,assessment_type,date
1.1,established,Borough B,self,2026-02-01
1.2,Developing,,,
1.3,none,,,
1.4,emerging,,,
2a.1,leading,,,
2a.2,established,,,
2b.1,developing,,,
2b.2,none,,,
2b.3,emerging,,,
CSV
run "$BIN" --framework "$FIVE" score "$WORK/b.csv"
expect_eq "five: score exit" 0 "$RC"
expect_contains "five: score 4 + 2 + 0 + 1 = 7, in Developing's 5-10" \
	"  1  Leadership                             7 / 18  Developing" "$OUT"
expect_contains "five: score 6 + 4 + 2 + 0 + 1 = 13, Established" \
	"  2  Workforce                             13 / 23  Established" "$OUT"
expect_contains "five: score not assessed" "  3  Community                              0 / 16  not assessed" "$OUT"
expect_contains "five: score sections" "     2a  Hiring                             10 / 10" "$OUT"
run "$BIN" --framework "$FIVE" score --csv "$WORK/b.csv"
expect_eq "five: score --csv levels by name, none where not assessed" "developing|established||" \
	"$(csv_column level <<<"$OUT" | tr '\n' '|')"

run "$BIN" --framework "$FIVE" plan "$WORK/b.csv"
expect_contains "five: plan's fewest steps with points 4 apart" \
	"Category 1: Leadership: 7/18, Developing. 4 more points for Established; the fewest steps (1):" "$OUT"
expect_contains "five: plan's step" "1.3   None -> Established (+4): A public statement of intent is published." "$OUT"
expect_contains "five: plan to the highest level" "7 more points for Leading; the fewest steps (2):" "$OUT"
run "$BIN" --framework "$FIVE" plan --csv "$WORK/b.csv"
expect_contains "five: plan --csv default target is the next cell" \
	"1.4,Leadership,emerging,developing,Staff are briefed every year.,,," "$OUT"
expect_contains "five: plan --csv unanswered row aims at its first cell" \
	"3.1,Community,,emerging,Community groups are listed.,,," "$OUT"

sed -e 's/^1.1,established/1.1,leading/' -e 's/^2b.2,none/2b.2,leading/' "$WORK/b.csv" >"$WORK/c.csv"
run "$BIN" --framework "$FIVE" compare "$WORK/b.csv" "$WORK/c.csv"
expect_contains "five: compare category" \
	"2  Workforce                            13/23 Established        19/23 Established        +6" "$OUT"
expect_contains "five: compare criterion" \
	"1.1   First assessment: Established    Second assessment: Leading        differ" "$OUT"
run "$BIN" --framework "$FIVE" compare --csv "$WORK/b.csv" "$WORK/c.csv"
expect_contains "five: compare --csv points of the fixture's levels" \
	"criterion,2b.2,Workforce,none,leading,0,6,+6,yes,,,," "$OUT"

run "$BIN" --framework "$FIVE" benchmark --csv --all-files "$WORK/b.csv" "$WORK/c.csv"
expect_eq "five: benchmark exit" 0 "$RC"
expect_eq "five: benchmark --csv a column per level above none, by name" \
	"category,title,count,min,q1,median,q3,max,emerging,developing,established,leading,highlight_score,highlight_level,highlight_percentile,incomplete,left_out" \
	"$(head -1 <<<"$OUT" | tr -d '\r')"
expect_contains "five: benchmark --csv counts by level" "1,Leadership,2,7,7.5,8,8.5,9,0,2,0,0,,,,0,0" "$OUT"
run "$BIN" --framework "$FIVE" benchmark --all-files --named "$WORK/b.csv" "$WORK/c.csv" --highlight "Borough B"
expect_contains "five: benchmark text, a bar per level" "    Emerging       0 " "$OUT"
expect_contains "five: benchmark highlight worded" "Borough B: 9, Developing" "$OUT"

run "$BIN" --framework "$FIVE" report "$WORK/b.csv" --compare "$WORK/c.csv" -o "$WORK/b.html"
expect_eq "five: report exit" 0 "$RC"
html=$(cat "$WORK/b.html")
expect_eq "five: report charts a band per level (3 categories x 4)" 12 \
	"$(grep -o '<rect [^>]*stroke="#666"' <<<"$html" | wc -l | tr -d ' ')"
expect_contains "five: report band label" ">Emerging 0-4</text>" "$html"
expect_contains "five: report strengths at the highest level" \
	"Criteria at <bdi>Leading practice</bdi>:" "$html"
expect_contains "five: report gap" "4 more points for Established, in 1 step" "$html"
python3 -c 'import sys, xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1])' "$WORK/b.html" \
	&& pass || fail "five: report is not well-formed XML"

# a level this framework has not: the message lists its own
printf 'criterion_id,level\n1.1,expert\n' >"$WORK/bad.csv"
run "$BIN" --framework "$FIVE" score "$WORK/bad.csv"
expect_eq "five: unknown level exit" 1 "$RC"
expect_contains "five: unknown level message" \
	"bad.csv:2: field \"level\" is \"expert\"; expected none, emerging, developing, established, leading, or empty for not yet assessed" "$ERR"
printf 'criterion_id,level\n1.3,emerging\n' >"$WORK/bad.csv"
run "$BIN" --framework "$FIVE" score "$WORK/bad.csv"
expect_contains "five: a cell the row lacks" \
	"criterion 1.3 has no emerging cell; it can be none, established" "$ERR"

# ---- two levels ----
run "$BIN" --framework "$TWO" validate --csv
expect_eq "two: validate --csv" "category,published_max,derived_max,agrees|1,3,3,yes|2,2,2,yes|" \
	"$(tr -d '\r' <<<"$OUT" | tr '\n' '|')"
run "$BIN" --framework "$TWO" criteria --csv
expect_eq "two: criteria --csv header" "criterion_id,category,section,met,description" "$(head -1 <<<"$OUT" | tr -d '\r')"
printf '%s\n' criterion_id,level,organisation '1.1,met,Borough Two' 1.2,not_met, 1.3,met, \
	2.1,Not_Met, >"$WORK/t.csv"
run "$BIN" --framework "$TWO" score "$WORK/t.csv"
expect_contains "two: score" "  1  Governance                             2 / 3   Met" "$OUT"
expect_contains "two: the level so far" "  2  Openness                               0 / 2   Met so far, 1 of 2 answered" "$OUT"
run "$BIN" --framework "$TWO" plan "$WORK/t.csv"
expect_contains "two: plan at the highest level" "Category 1: Governance: 2/3, Met. The top level." "$OUT"
run "$BIN" --framework "$TWO" compare --csv "$WORK/t.csv" "$WORK/t.csv"
expect_contains "two: compare --csv level 0 by its name" "criterion,1.2,Governance,not_met,not_met,0,0,+0,no,,,," "$OUT"
run "$BIN" --framework "$TWO" benchmark --csv --include-incomplete "$WORK/t.csv"
expect_contains "two: benchmark --csv one level column" "category,title,count,min,q1,median,q3,max,met,highlight_score" "$OUT"
run "$BIN" --framework "$TWO" report "$WORK/t.csv" -o -
expect_contains "two: report strengths" "Criteria at <bdi>Met</bdi>:" "$OUT"
expect_contains "two: report at the top" "<td>at the top level</td>" "$OUT"
printf 'criterion_id,level\n1.1,none\n' >"$WORK/bad.csv"
run "$BIN" --framework "$TWO" score "$WORK/bad.csv"
expect_contains "two: none is not a level here" \
	"field \"level\" is \"none\"; expected not_met, met, or empty for not yet assessed" "$ERR"

# The wizard's plain mode on a pipe sets levels by digit, from the fixture's scale.
"$BIN" --framework "$TWO" new "$WORK/w.csv" --organisation W >/dev/null
run env TERM=dumb "$BIN" --framework "$TWO" --plain "$WORK/w.csv" <<<$'1\n0\nq'
expect_eq "two: plain mode exit" 0 "$RC"
expect_contains "two: plain mode's keys" "[0, 1, Enter keeps, ? help]" "$OUT"
expect_eq "two: plain mode saved by name" "met not_met" \
	"$(csv_column level <"$WORK/w.csv" | head -2 | tr '\n' ' ' | sed 's/ $//')"

# a digit beyond the scale is no level: refused with the row's own keys
# (from a pipe that ends the run, exit 1: clarifications rule 18)
run env TERM=dumb "$BIN" --framework "$TWO" --plain "$WORK/w.csv" <<<$'2\nq'
expect_eq "two: a digit beyond the levels: exit" 1 "$RC"
expect_contains "two: a digit beyond the levels is no level" "\"2\": expected 0, 1, Enter" "$ERR"

# A built-in Standard's file is not one of the fixture's.
run "$BIN" --framework "$TWO" score "$DATA/worked-example.csv"
expect_eq "two: another framework's file refused" 1 "$RC"
finish
