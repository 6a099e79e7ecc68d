#!/usr/bin/env bash
# actions, dashboard, plan (its actions, --layout action-plan) and progress
# on real files: tests/data/actions (Camden 2025 with the old action
# columns, Camden 2026 with an actions file beside it).
. "$(dirname "$0")/../lib.sh"

cp "$DATA"/actions/*.csv "$WORK/"
A="$WORK/camden-2026.csv"
OLD="$WORK/camden-2025.csv"
export TRI_ASSESS_TODAY=2026-12-01
csv_field() { # CSV on stdin; print column $1 of rows whose column $2 is $3
	python3 -c 'import csv, sys
for r in csv.DictReader(sys.stdin):
    if r[sys.argv[2]] == sys.argv[3]:
        print(r[sys.argv[1]])' "$@"
}

# actions: every action, by due date (dateless last), status in words
run "$BIN" actions "$A"
expect_eq "actions exit" 0 "$RC"
expect_contains "actions count" "5 actions, by due date (today: 2026-12-01)" "$OUT"
order=$(grep -oE '^  [0-9a-e.]+ #[0-9]+' <<<"$OUT" | tr -s ' ' | tr '\n' ',')
expect_eq "actions sorted by due date" " 3.1 #4, 1.2 #2, 2a.1 #5, 1.1 #1, 1.2 #3," "$order"
expect_contains "status as RAG with words" "1.2 #2    At risk (amber); due 2026-09-30 (Sept 2026 review)" "$OUT"
expect_contains "overdue said" "OVERDUE: due 2026-09-30, today is 2026-12-01" "$OUT"
expect_contains "latest update" "Latest:   2026-11-15 Z. Ade: Consultation closed; redraft under way" "$OUT"
expect_contains "outcome defaults to the target cell" "Outcome:  Senior leaders personally challenge race inequalities" "$OUT"
run "$BIN" actions --overdue "$A"
expect_contains "overdue: two" "2 actions: overdue" "$OUT"
expect_not_contains "done is never overdue" "3.1 #4" "$OUT"
TRI_ASSESS_TODAY=2026-09-30 run "$BIN" actions --overdue "$A"
expect_contains "overdue counts from today" "0 actions: overdue" "$OUT"
run "$BIN" actions --lead ZOE "$A"
expect_contains "lead: case and accents aside" "1 action: lead \"ZOE\"" "$OUT"
expect_contains "lead: the one" "1.2 #2" "$OUT"
run "$BIN" actions --csv --overdue "$A"
expect_eq "actions csv header" "criterion_id,action_id,category,outcome,activity,lead_officer,due,due_note,status,progress,overdue" \
	"$(head -1 <<<"$OUT" | tr -d '\r')"
expect_eq "actions csv rows" "2
5" "$(csv_field action_id overdue yes <<<"$OUT")"
run "$BIN" actions --csv "$A"
expect_contains "actions csv: a formula stays inert" "\"'=HYPERLINK(\"\"http://evil.example\"\")\"" "$OUT"
expect_eq "actions csv status words" "at_risk" "$(csv_field status action_id 2 <<<"$OUT")"
run "$BIN" actions "$A" "$OLD"
expect_eq "actions takes one file" 2 "$RC"

# an assessment from before actions files: its columns read as actions,
# said on standard error, the file untouched and no actions file made
before=$(sha256sum "$OLD")
run "$BIN" actions --csv "$OLD"
expect_eq "old columns: exit" 0 "$RC"
expect_contains "old columns: said" "the action plan columns of 2 criteria" "$ERR"
expect_eq "old columns: a date is the due date" "2026-03-31" "$(csv_field due criterion_id 1.1 <<<"$OUT")"
expect_eq "old columns: words are the due note" "Sept 2026 review" "$(csv_field due_note criterion_id 1.2 <<<"$OUT")"
expect_eq "old columns: no guessed date" "" "$(csv_field due criterion_id 1.2 <<<"$OUT")"
expect_eq "old columns: file untouched" "$before" "$(sha256sum "$OLD")"
expect_eq "old columns: nothing written" "" "$(ls "$WORK"/camden-2025-actions.csv 2>/dev/null)"

# bad input in the actions file: file, line, field; exit 1
cp "$A" "$WORK/bad.csv"
printf 'criterion_id,activity,due\r\n1.1,x,March 2027\r\n' >"$WORK/bad-actions.csv"
run "$BIN" actions "$WORK/bad.csv"
expect_eq "bad actions file: exit" 1 "$RC"
expect_contains "bad actions file: where and what" "bad-actions.csv:2: field \"due\" is \"March 2027\"; expected a date as YYYY-MM-DD" "$ERR"
expect_eq "bad actions file: no output" "" "$OUT"
ln -sf "$WORK/camden-2026-actions.csv" "$WORK/linked-actions.csv"
cp "$A" "$WORK/linked.csv"
run "$BIN" actions "$WORK/linked.csv"
expect_eq "a link as the actions file: refused" 1 "$RC"
expect_contains "a link: said" "is a symbolic link" "$ERR"

# dashboard: per category, level now and target, RAG with words
run "$BIN" dashboard "$A"
expect_eq "dashboard exit" 0 "$RC"
expect_contains "dashboard category 1" "1 Strategic Leadership and Management
  Level now: Developing; target: Developing
  Overall: Red   Delivery: Amber   Schedule: Red
  Actions: 1 not started, 1 on track, 1 at risk
  Overdue: 1.2 #2, due 2026-09-30: Publish the race equality plan
  Progress: 2026-11-20 1.1 #1 A. Smith: Terms of reference agreed
  Progress: 2026-11-15 1.2 #2 Z. Ade: Consultation closed; redraft under way" "$OUT"
expect_contains "dashboard: only done, nothing to rate" "  Overall: -   Delivery: -   Schedule: -
  Actions: 1 done" "$OUT"
expect_contains "dashboard: not assessed" "Level now: not assessed; target: not assessed" "$OUT"
run "$BIN" dashboard --csv "$A"
expect_eq "dashboard csv header" "category,title,level,target_level,overall,delivery,schedule,not_started,on_track,at_risk,off_track,done,overdue,overdue_actions,latest_progress" \
	"$(head -1 <<<"$OUT" | tr -d '\r')"
expect_eq "dashboard csv ratings" "red red red" \
	"$(python3 -c 'import csv,sys
for r in csv.DictReader(sys.stdin):
    if r["category"] == "2": print(r["overall"], r["delivery"], r["schedule"])' <<<"$OUT")"
expect_eq "dashboard csv overdue named" "2a.1 #5 (due 2026-10-31)" "$(csv_field overdue_actions category 2 <<<"$OUT")"
expect_eq "dashboard csv counts" "1" "$(csv_field at_risk category 1 <<<"$OUT")"
expect_eq "dashboard csv: target from the plan" "leading" \
	"$(printf '%s\n' 'criterion_id,level,target_level' '1.1,established,leading' '1.2,established,' \
	   '1.3,established,' '1.4,established,' '1.5,established,' '1.6,leading,' '1.7,none,leading' \
	   '1.8,leading,' >"$WORK/targets.csv"; "$BIN" dashboard --csv "$WORK/targets.csv" | csv_field target_level category 1)"

# plan: one row per action, status and due appended (rule 7)
run "$BIN" plan --csv "$A"
expect_eq "plan csv: rows of 1.2, one per action" "2" "$(grep -c '^1\.2,' <<<"$OUT")"
expect_contains "plan csv: status and due" ",Publish the race equality plan,Head of Policy; Zoë Ade,Sept 2026 review,at_risk,2026-09-30" "$OUT"
expect_contains "plan csv: a dated action's timescale is its date" ",Cabinet champion chairs the race board,Chief Executive,2027-03-31,on_track,2027-03-31" "$OUT"
run "$BIN" plan "$A"
expect_contains "plan text lists the actions" "  Actions:
  1.1 #1    On track (green); due 2027-03-31" "$OUT"

# --layout action-plan: seed 003's columns and status, headings per category
run "$BIN" plan --layout action-plan "$A"
expect_eq "action-plan exit" 0 "$RC"
expect_eq "action-plan header" "Outcome,Activities,Lead officer/s,Timescale,Status" "$(head -1 <<<"$OUT" | tr -d '\r')"
expect_eq "action-plan heading row" "Strategic Leadership and Management,,,," "$(sed -n 2p <<<"$OUT" | tr -d '\r')"
expect_contains "action-plan row" "Staff know the plan,Publish the race equality plan,Head of Policy; Zoë Ade,2026-09-30; Sept 2026 review,At risk (amber)" "$OUT"
expect_eq "action-plan: every action once" "5" \
	"$(python3 -c 'import csv,sys; print(sum(1 for r in csv.DictReader(sys.stdin) if r["Activities"]))' <<<"$OUT")"
run "$BIN" plan --layout committee "$A"
expect_eq "unknown layout" 2 "$RC"
expect_contains "unknown layout said" "expected action-plan" "$ERR"

# progress: one organisation at two dates, in date order whatever the order given
run "$BIN" progress "$A" "$OLD"
expect_eq "progress exit" 0 "$RC"
expect_contains "progress dates in order" "  2025-11-01  $OLD, self
  2026-11-01  $A, self" "$OUT"
expect_contains "progress category" "1 Strategic Leadership and Management
  2025-11-01   2 of 22  Developing
  2026-11-01   5 of 22  Developing  (+3)" "$OUT"
expect_contains "progress: moved up" "  1.3   None -> Established (up)" "$OUT"
expect_contains "progress: moved down" "  3.1   Established -> Developing (down)" "$OUT"
expect_contains "progress: how many moved" "Criteria that moved: 3" "$OUT"
run "$BIN" progress --csv "$OLD" "$A"
expect_eq "progress csv header" "kind,id,title,file,date,score,max,level,change" "$(head -1 <<<"$OUT" | tr -d '\r')"
expect_contains "progress csv category" "category,1,Strategic Leadership and Management,$A,2026-11-01,5,22,developing,+3" "$OUT"
expect_contains "progress csv criterion" "criterion,3.1,Data Governance,$A,2026-11-01,1,3,developing,-1" "$OUT"
expect_eq "progress csv: criteria that moved" "6" "$(grep -c '^criterion,' <<<"$OUT")"
run "$BIN" progress "$A"
expect_eq "progress needs two files" 2 "$RC"
run "$BIN" progress "$A" "$DATA/worked-example.csv"
expect_eq "progress: no date" 1 "$RC"
expect_contains "progress: no date said" "worked-example.csv: no date" "$ERR"
sed 's/london borough of  camden/London Borough of Brent/' "$A" >"$WORK/brent.csv"
run "$BIN" progress "$A" "$WORK/brent.csv"
expect_eq "progress: another organisation" 1 "$RC"
expect_contains "progress: another organisation said" "expected assessments of one organisation" "$ERR"

# report: a dashboard section, the action plan from the actions file, and
# with last year's file a progress chart with a table beside it; the
# same properties as the rest of the report (well-formed, no script,
# nothing external, every chart an image with a text alternative)
run "$BIN" report "$A" --compare "$OLD" -o "$WORK/report.html"
expect_eq "report exit" 0 "$RC"
run python3 - "$WORK/report.html" <<'PY'
import sys, xml.dom.minidom
doc = xml.dom.minidom.parse(sys.argv[1])
svgs = [s for s in doc.getElementsByTagName("svg") if s.getAttribute("aria-hidden") != "true"]
print("svg", len(svgs), "labelled", sum(1 for s in svgs if s.getAttribute("role") == "img" and s.getAttribute("aria-label")))
print("script", len(doc.getElementsByTagName("script")))
ext = [e for tag in ("img", "link", "iframe", "object") for e in doc.getElementsByTagName(tag)]
print("external", len(ext))
print("headings", " | ".join(h.firstChild.data for h in doc.getElementsByTagName("h2")))
PY
expect_eq "report: well-formed, 7 category charts and the progress chart, each labelled (the keys in captions are hidden)" \
	"svg 8 labelled 8" "$(sed -n 1p <<<"$OUT")"
expect_eq "report: no script, nothing external" "script 0
external 0" "$(sed -n 2,3p <<<"$OUT")"
expect_contains "report: the sections" "Dashboard | Action plan | Progress over time" "$OUT"
html=$(cat "$WORK/report.html")
expect_contains "report dashboard row, ratings in words" '<td class="red">Red</td><td class="amber">Amber</td><td class="red">Red</td><td>1 Not started, 1 On track (green), 1 At risk (amber)</td>' "$html"
expect_contains "report dashboard overdue named" "Overdue: <bdi>1.2 #2</bdi>, due <bdi>2026-09-30</bdi>" "$html"
expect_contains "report action plan from the actions file" "<td><bdi>Publish the race equality plan</bdi></td><td><bdi>Head of Policy; Zoë Ade</bdi></td><td><bdi>2026-09-30</bdi>; <bdi>Sept 2026 review</bdi></td><td>At risk (amber), overdue</td>" "$html"
expect_contains "report progress table" '<td class="n">2/22 <span class="L incomplete">Developing so far, 3 of 8 answered</span></td><td class="n">5/22 <span class="L incomplete">Developing so far, 3 of 8 answered</span></td><td class="n">+3</td>' "$html"
expect_contains "report progress: moved" "<li><strong><bdi>3.1</bdi></strong> Established to Developing (down)</li>" "$html"
run "$BIN" report "$A" -o "$WORK/alone.html"
expect_not_contains "report: no progress without another date" "Progress over time" "$(cat "$WORK/alone.html")"
sed 's/,self,/,peer,/' "$OLD" >"$WORK/peer-2025.csv"
run "$BIN" report "$A" --compare "$WORK/peer-2025.csv" -o "$WORK/peer.html"
expect_not_contains "report: a peer review is no progress (rule 8)" "Progress over time" "$(cat "$WORK/peer.html")"

# an actions file among a folder's assessments is passed over (rule 19)
run "$BIN" progress "$WORK"/camden-*.csv
expect_eq "progress passes over an actions file" 0 "$RC"
expect_contains "progress says so" "passed over $WORK/camden-2026-actions.csv" "$ERR"
run "$BIN" score "$A" "$WORK/camden-2026-actions.csv"
expect_eq "score passes over an actions file" 0 "$RC"
expect_contains "score says so" "an actions file" "$ERR"

finish
