#!/usr/bin/env bash
# The command line on real files: every command, its output for people and
# for machines, exit statuses, and refusals.
. "$(dirname "$0")/../lib.sh"

run "$BIN" --help
expect_eq "--help exit" 0 "$RC"
expect_contains "--help lists score" "  score       score assessments by category" "$OUT"
run "$BIN" --version
expect_contains "--version" "Version 14" "$OUT"
run "$BIN" --bogus
expect_eq "unknown option exit" 2 "$RC"
expect_contains "unknown option message" "unknown option '--bogus'" "$ERR"
run "$BIN" score
expect_eq "score without FILE" 2 "$RC"
run "$BIN" new "$WORK/x.csv"
expect_eq "new without organisation" 2 "$RC"
expect_contains "new without organisation message" "expected --organisation NAME" "$ERR"
run "$BIN" a.csv b.csv
expect_eq "two files for the wizard" 2 "$RC"

# criteria
run "$BIN" criteria --csv
expect_eq "criteria --csv exit" 0 "$RC"
expect_eq "criteria --csv header" "criterion_id,category,section,developing,established,leading,description" \
	"$(head -1 <<<"$OUT" | tr -d '\r')"
expect_eq "criteria --csv rows" 69 "$(python3 -c 'import csv,sys; print(sum(1 for _ in csv.reader(sys.stdin))-1)' <<<"$OUT")"
expect_contains "criteria --csv 2a.5 joined across the page break" \
	'2a.5,2,2a,,"An annual review of appointments against organisational recruitment targets, including a comparison' "$OUT"
run "$BIN" criteria
expect_contains "criteria text" "Category 2: Employee Lifecycle" "$OUT"
expect_contains "criteria text sections" "Section 2c: Training and Development" "$OUT"

# validate
run "$BIN" validate --csv
expect_eq "validate exit" 0 "$RC"
expect_contains "validate csv header" \
	"category,published_developing_max,published_established_max,published_max,derived_developing_max,derived_established_max,derived_max,agrees" "$OUT"
expect_contains "validate category 1 agrees" "1,10,18,22,10,18,22,yes" "$OUT"
expect_contains "validate category 2 disagrees" "2,36,59,75,38,60,76,no" "$OUT"
expect_contains "validate warns" "warning: category 2: leading top (the maximum): published 75, derived from the table 76" "$ERR"
run "$BIN" validate
expect_contains "validate text" "well-formed" "$OUT"

# score: the Standard's worked example
run "$BIN" score "$DATA/worked-example.csv" --csv
expect_eq "score exit" 0 "$RC"
expect_eq "score csv header: the first six columns as before, new ones appended" \
	"file,category,title,score,max,level,organisation,assessment_type,date,answered,criteria" \
	"$(head -1 <<<"$OUT" | tr -d '\r')"
expect_contains "worked example: 15, established, 8 of 8 answered" \
	"$DATA/worked-example.csv,1,Strategic Leadership and Management,15,22,established,,,,8,8" "$OUT"
expect_contains "unanswered category 2: no level" "2,Employee Lifecycle,0,76,,,,,0,28" "$OUT"
run "$BIN" score "$DATA/worked-example.csv"
expect_contains "score text: the short level word" \
	"Strategic Leadership and Management   15 / 22  Established" "$OUT"
expect_not_contains "score text: no full title" "Established practice" "$OUT"
expect_contains "score text: category 2 not assessed" "Employee Lifecycle                     0 / 76  not assessed" "$OUT"
expect_contains "score text total" "Total points: 15 / 190" "$OUT"
expect_contains "score text: how much is answered" \
	"Assessed: 8 of 69 criteria answered; 1 of 7 categories complete, 6 not assessed" "$OUT"
expect_contains "score text sections" "2a  Recruitment" "$OUT"

# score on a file with no answers: not assessed everywhere, never Developing
"$BIN" new "$WORK/blank.csv" --organisation "Royal Borough of Greenwich" --date 2026-11-02 >/dev/null
run "$BIN" score "$WORK/blank.csv"
expect_eq "score on no answers: exit" 0 "$RC"
expect_eq "score on no answers: every category not assessed" 7 "$(grep -c '^  [1-7]  .* / .*  not assessed$' <<<"$OUT")"
expect_not_contains "score on no answers: no Developing" "Developing" "$OUT"
expect_contains "score on no answers: what is answered" "0 of 69 criteria answered; 0 of 7 categories complete, 7 not assessed" "$OUT"
run "$BIN" score --csv "$WORK/blank.csv"
expect_contains "score --csv on no answers: empty level, metadata, counts" \
	"$WORK/blank.csv,1,Strategic Leadership and Management,0,22,,Royal Borough of Greenwich,self,2026-11-02,0,8" "$OUT"
expect_eq "score --csv on no answers: no level anywhere" "" \
	"$(python3 -c 'import csv,sys; print("".join(r["level"] for r in csv.DictReader(sys.stdin)))' <<<"$OUT")"

# score on partial answers: the level so far, with the count
printf '%s\n' criterion_id,level,organisation 1.1,established,Camden 1.2,developing, 1.3,established, \
	1.4,established, 1.5,none, >"$WORK/partial.csv"
run "$BIN" score "$WORK/partial.csv"
expect_contains "score on partial answers: provisional" \
	"Strategic Leadership and Management    7 / 22  Developing so far, 5 of 8 answered" "$OUT"
run "$BIN" score --csv "$WORK/partial.csv"
expect_contains "score --csv on partial answers: the level so far and the count" \
	",1,Strategic Leadership and Management,7,22,developing,Camden,,,5,8" "$OUT"
printf '%s\n' criterion_id,level,organisation '1.1,none,"=HYPERLINK(""x"")"' >"$WORK/formula.csv"
run "$BIN" score --csv "$WORK/formula.csv"
expect_contains "score --csv guards the organisation against formulas" \
	',0,22,developing,"'"'"'=HYPERLINK(""x"")",,,1,8' "$OUT"

# new: creates once, then refuses to overwrite
run "$BIN" new "$WORK/camden.csv" --organisation "London Borough of Camden" --type peer \
	--assessor "A. Facilitator" --assessor "B. Reviewer" --date 2026-11-23
expect_eq "new exit" 0 "$RC"
expect_contains "new file metadata" "London Borough of Camden,peer,A. Facilitator; B. Reviewer,2026-11-23,celc-tri-standard,14" \
	"$(sed -n 2p "$WORK/camden.csv")"
expect_eq "new file rows" 70 "$(wc -l <"$WORK/camden.csv" | tr -d ' ')"
before=$(sha256sum "$WORK/camden.csv")
run "$BIN" new "$WORK/camden.csv" --organisation Other
expect_eq "new refuses to overwrite" 1 "$RC"
expect_contains "new refusal message" "already exists; refusing to overwrite it" "$ERR"
expect_eq "new left the file alone" "$before" "$(sha256sum "$WORK/camden.csv")"
run "$BIN" new "$WORK/y.csv" --organisation X --type audit
expect_eq "new bad type" 2 "$RC"
run "$BIN" new "$WORK/y.csv" --organisation X --date 2026-13-01
expect_eq "new bad date" 2 "$RC"
[ ! -e "$WORK/y.csv" ] && pass || fail "new created a file despite bad input"
perm=$(stat -c %a "$WORK/camden.csv")
expect_eq "new file not world-writable" 0 "$(( 8#$perm & 2 ))"

# several files at once; a bad one means no report at all
run "$BIN" score --csv "$DATA/worked-example.csv" "$WORK/camden.csv"
expect_eq "two files: rows" 15 "$(wc -l <<<"$OUT" | tr -d ' ')"
run "$BIN" score "$DATA/worked-example.csv" "$DATA/bad/assessment/bad-level.csv"
expect_eq "one bad file fails the run" 1 "$RC"
expect_eq "no partial report" "" "$OUT"

# what spreadsheets write: BOM, CRLF, reordered and extra columns, quoted newlines
printf '\xef\xbb\xbfNotes,Owner,Level,Criterion_ID\r\n"two\r\nlines",Sam,Leading,1.6\r\n' >"$WORK/sheet.csv"
run "$BIN" score --csv "$WORK/sheet.csv"
expect_eq "spreadsheet file exit" 0 "$RC"
expect_contains "spreadsheet file scored" ",1,Strategic Leadership and Management,3,22,developing" "$OUT"

# --framework DIR: the same loader on files gives the same answers
cp -r "$(dirname "$DATA")/../data" "$WORK/fw"
run "$BIN" --framework "$WORK/fw" score --csv "$DATA/worked-example.csv"
expect_contains "--framework DIR scores alike" "15,22,established" "$OUT"
run "$BIN" --framework "$WORK/nowhere" validate
expect_eq "--framework missing dir" 1 "$RC"
expect_contains "--framework missing message" "$WORK/nowhere/framework.csv: cannot open" "$ERR"

finish
