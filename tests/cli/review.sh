#!/usr/bin/env bash
# compare, plan, benchmark, report and --bom on real files, including the
# worked example and a disagreement.
. "$(dirname "$0")/../lib.sh"
GEN="$(dirname "$0")/../bench/generate.py"

cp "$DATA/worked-example.csv" "$WORK/self.csv"
cat >"$WORK/peer.csv" <<'CSV'
criterion_id,level,organisation,assessment_type,assessors
1.1,leading,London Borough of Camden,peer,Peer reviewer (Brent)
1.2,developing,,,
1.3,established,,,
1.4,established,,,
1.5,established,,,
1.6,leading,,,
1.7,leading,,,
1.8,leading,,,
CSV

# compare: the worked example against a peer who sees more.
run "$BIN" compare "$WORK/self.csv" "$WORK/peer.csv"
expect_eq "compare exit" 0 "$RC"
expect_contains "compare category row" "1  Strategic Leadership and Management  15/22 Established        19/22 Leading            +4  level differs" "$OUT"
expect_contains "compare: not assessed on both sides" "3  Data Governance                      0/18 not assessed        0/18 not assessed        +0" "$OUT"
expect_contains "compare counts differences" "2 of 69 criteria differ:" "$OUT"
expect_contains "compare lists 1.7, sides named from their details" \
	"1.7   Assessment: None           Peer review: Leading        differ" "$OUT"
expect_contains "compare names the peer from its details" \
	"Peer review: London Borough of Camden: peer review, by Peer reviewer (Brent) (file $WORK/peer.csv)" "$OUT"
expect_not_contains "compare: no A/B" "A: " "$OUT"
run "$BIN" compare --csv "$WORK/self.csv" "$WORK/peer.csv"
expect_eq "compare csv header: the old columns, then evidence, resolution, history (rule 16)" \
	"kind,id,title,level_a,level_b,score_a,score_b,change,differs,evidence_a,evidence_b,resolution,history" \
	"$(head -1 <<<"$OUT" | tr -d '\r')"
expect_contains "compare csv category" "category,1,Strategic Leadership and Management,established,leading,15,19,+4,yes,,,," "$OUT"
expect_contains "compare csv criterion" "criterion,1.7,Strategic Leadership and Management,none,leading,0,3,+3,yes,,,," "$OUT"
expect_contains "compare csv evidence_a" "criterion,1.1,Strategic Leadership and Management,established,leading,2,3,+1,yes,Race champion appointed (Cabinet Member),,," "$OUT"
expect_contains "compare csv agreeing criterion" "criterion,1.2,Strategic Leadership and Management,developing,developing,1,1,+0,no,,,," "$OUT"
run "$BIN" compare "$WORK/self.csv"
expect_eq "compare needs two files" 2 "$RC"

# compare in a moderation (a self-assessment and a peer review of one
# organisation): resolved rows keep their history and resolution, both
# sides' evidence is shown, and --csv carries them (issue 13).
python3 - "$DATA/moderation/camden-self.csv" "$WORK/mod-self.csv" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
decided = {"1.5": ("leading", "adopted", "established -> leading | adopted: their interviews show it"),
           "1.2": ("established", "kept", "established -> established | kept: board minutes")}
for r in rows:
    r.update(resolution="", history="", moderators="", moderation_date="", moderation_status="")
    if r["criterion_id"] in decided:
        level, kind, line = decided[r["criterion_id"]]
        r.update(level=level, resolution=kind, history="2026-11-25 10:0%d | A. Facilitator | %s"
                 % (len(kind) % 10, line))
rows[0].update(moderators="A. Facilitator", moderation_date="2026-11-25",
               moderation_status="in_progress")
w = csv.DictWriter(open(sys.argv[2], "w", newline=""), fieldnames=list(rows[0]))
w.writeheader()
w.writerows(rows)
PY
run "$BIN" compare "$WORK/mod-self.csv" "$DATA/moderation/camden-peer.csv"
expect_eq "compare a moderation: exit" 0 "$RC"
expect_contains "compare: the moderation's counts and details" \
	"Moderation (recorded in $WORK/mod-self.csv): 13 disagreements, 2 resolved, 11 open; moderators A. Facilitator; last decision 2026-11-25." "$OUT"
expect_contains "compare: a resolved row that now agrees is still listed" \
	"1.5   Self-assessment: Leading        Peer review: Leading        adopted" "$OUT"
expect_contains "compare: its history stays" \
	"history: 2026-11-25 10:07 | A. Facilitator | established -> leading | adopted: their interviews show it" "$OUT"
expect_contains "compare: kept" "1.2   Self-assessment: Established    Peer review: Developing     kept" "$OUT"
expect_contains "compare: an open one" "1.1   Self-assessment: Developing     Peer review: Leading        open" "$OUT"
expect_contains "compare: the peer's evidence" "PEER-EV-1.1: interviews with staff networks" "$OUT"
expect_contains "compare: the peer's notes" "PEER-NOTE-1.1" "$OUT"
expect_contains "compare: the self-assessment's evidence" "SELF-EV-1.1: minutes of the race equality board" "$OUT"
expect_contains "compare: counted" "12 of 69 criteria differ; 1 more agree and have a history:" "$OUT"
run "$BIN" compare --csv "$WORK/mod-self.csv" "$DATA/moderation/camden-peer.csv"
expect_contains "compare --csv: a resolved row keeps its resolution and history" \
	"criterion,1.5,Strategic Leadership and Management,leading,leading,3,3,+0,no,SELF-EV-1.5: minutes of the race equality board,PEER-EV-1.5: interviews with staff networks,adopted,2026-11-25 10:07 | A. Facilitator | established -> leading | adopted: their interviews show it" "$OUT"
expect_contains "compare --csv: kept" ",kept,2026-11-25 10:04 | A. Facilitator | established -> established | kept: board minutes" "$OUT"
expect_contains "compare --csv: open" \
	"criterion,1.1,Strategic Leadership and Management,developing,leading,1,3,+2,yes,SELF-EV-1.1: minutes of the race equality board,PEER-EV-1.1: interviews with staff networks,," "$OUT"
# last year's file is not a moderation: no resolutions, every difference "differ"
sed -e 's/,self,/,,/' "$DATA/moderation/camden-self.csv" >"$WORK/untyped.csv"
run "$BIN" compare "$WORK/untyped.csv" "$DATA/moderation/camden-peer.csv"
expect_not_contains "compare: no moderation without self and peer" "Moderation" "$OUT"
expect_contains "compare: a difference outside a moderation" "1.1   Assessment: Developing     Peer review: Leading        differ" "$OUT"
run "$BIN" compare --moderate "$WORK/untyped.csv" "$DATA/moderation/camden-peer.csv"
expect_contains "compare --moderate: a moderation whatever the types" \
	"Moderation (recorded in $WORK/untyped.csv): 13 disagreements, 0 resolved, 13 open." "$OUT"

# score and compare word every category's level the same way (rule 13):
# the short word, "not assessed", "Developing so far".
printf '2a.1,leading,,,\n' >>"$WORK/peer.csv"
for side in self peer; do
	words=$(python3 - "$BIN" "$WORK/$side.csv" "$WORK/self.csv" "$WORK/peer.csv" "$side" <<'PY'
import re, subprocess, sys
binary, path, a, b, side = sys.argv[1:]
score = subprocess.run([binary, "score", path], capture_output=True, text=True).stdout
compare = subprocess.run([binary, "compare", a, b], capture_output=True, text=True).stdout
from_score, from_compare = [], []
for line in score.splitlines():
    m = re.match(r"  ([1-7])  .{36} +\d+ / \d+ +(.*)$", line)
    if m:
        from_score.append(m.group(1) + " " + m.group(2).split(",")[0])
for line in compare.splitlines():
    m = re.match(r"([1-7])  .{36} (.{24}) (.{24})", line)
    if m:
        column = m.group(2 if side == "self" else 3).strip()
        from_compare.append(m.group(1) + " " + column.split(" ", 1)[1])
print("same" if from_score == from_compare and len(from_score) == 7 else
      "differ: %s vs %s" % (from_score, from_compare))
PY
)
	expect_eq "score and compare word the levels of $side.csv alike" same "$words"
done
run "$BIN" compare "$WORK/self.csv" "$WORK/peer.csv"
expect_contains "compare: the level so far" "0/76 not assessed        3/76 Developing so far" "$OUT"
run "$BIN" score "$WORK/self.csv"
expect_not_contains "score: no full title" "practice" "$OUT"

# plan: the gap from the worked example (15) to Leading (19) is 2 steps.
run "$BIN" plan "$WORK/self.csv"
expect_contains "plan gap" "15/22, Established. 4 more points for Leading; the fewest steps (2):" "$OUT"
expect_contains "plan: a category without answers has no gap" \
	"Category 3: Data Governance: 0/18, not assessed. Its rows need levels before a plan can say what it takes." "$OUT"
expect_contains "plan names 1.7" "1.7   None -> Leading (+3): Dedicated leadership meetings focus on EDI" "$OUT"
printf '%s\n' 'criterion_id,level,target_level,action,lead_officer,timescale' \
	'1.2,developing,leading,"Publish EQIA outcomes, quarterly",Head of Policy,March 2027' >"$WORK/planned.csv"
run "$BIN" plan --csv "$WORK/planned.csv"
# (rule 7: the columns of earlier versions, then status and due)
expect_eq "plan csv header" "criterion_id,category,current_level,target_level,target_statement,action,lead_officer,timescale,status,due" \
	"$(head -1 <<<"$OUT" | tr -d '\r')"
expect_contains "plan csv recorded target" '1.2,Strategic Leadership and Management,developing,leading,Roles and responsibilities addressing racial inequalities are clearly defined and the impact of organisational decisions has improved outcomes for diverse communities as evidenced by Equality Impact Assessments (EQIA).,"Publish EQIA outcomes, quarterly",Head of Policy,March 2027,not_started,' "$OUT"
expect_contains "plan csv default target" "1.1,Strategic Leadership and Management,,developing," "$OUT"
expect_eq "plan csv skips rows at their top" "" "$(grep -c '^1.3,' <<<"$("$BIN" plan --csv "$WORK/self.csv")" | grep -v '^0$')"

# benchmark: statistics checked against Python's own quartiles.
"$BIN" criteria --csv | python3 "$GEN" 40 "$WORK/boroughs" --seed 7
run "$BIN" benchmark --csv "$WORK"/boroughs/*.csv
expect_eq "benchmark exit" 0 "$RC"
expected=$(python3 - "$WORK/boroughs" <<'PY'
import csv, glob, statistics, sys
pts = {"none": 0, "developing": 1, "established": 2, "leading": 3, "": 0}
sums = {}
for f in sorted(glob.glob(sys.argv[1] + "/*.csv")):
    per = {}
    for r in csv.DictReader(open(f, newline="", encoding="utf-8")):
        c = r["criterion_id"].split(".")[0][0]
        per[c] = per.get(c, 0) + pts[r["level"]]
    for c, v in per.items():
        sums.setdefault(c, []).append(v)
def g(x):
    return ("%g" % x)
for c in sorted(sums):
    s = sums[c]
    q = statistics.quantiles(s, n=4, method="inclusive")
    print(",".join([c, str(len(s)), g(min(s)), g(q[0]), g(q[1]), g(q[2]), g(max(s))]))
PY
)
got=$(python3 -c 'import csv,sys
for r in csv.DictReader(sys.stdin):
    print(",".join([r["category"], r["count"], r["min"], r["q1"], r["median"], r["q3"], r["max"]]))' <<<"$OUT")
expect_eq "benchmark quartiles match Python's (inclusive method)" "$expected" "$got"
run "$BIN" benchmark "$WORK"/boroughs/*.csv --highlight "Borough 00007"
expect_contains "benchmark highlight" "Borough 00007:" "$OUT"
expect_contains "benchmark box plot" "    0 [" "$OUT"
expect_contains "benchmark anonymised" "Assessment 1 " "$OUT"
expect_not_contains "benchmark hides other names" "Borough 00008" "$OUT"
run "$BIN" benchmark --named "$WORK"/boroughs/*.csv
expect_contains "benchmark --named" "Borough 00008" "$OUT"
run "$BIN" benchmark "$WORK"/boroughs/*.csv --highlight "Nowhere"
expect_eq "benchmark unknown highlight" 1 "$RC"
# benchmark hygiene (clarifications rule 19): one file per organisation
# (its latest self-assessment), its incomplete categories left out, peer
# reviews apart, tri-assess's own tables passed over; what is set aside is
# said on standard error, and --csv standard output holds data only.
mkdir "$WORK/folder"
cp "$WORK/boroughs/borough-00001.csv" "$WORK/boroughs/borough-00002.csv" "$WORK/folder/"
# last year's file of the same borough, its name written otherwise, every row none
python3 - "$WORK/boroughs/borough-00001.csv" "$WORK/folder/borough-00001-last-year.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))
h = rows[0]
for r in rows[1:]:
    r[h.index("level")], r[h.index("points")], r[h.index("statement")] = "none", "0", ""
    r[h.index("organisation")], r[h.index("date")] = "  borough  00001 ", "2025-11-20"
csv.writer(open(sys.argv[2], "w", newline="", encoding="utf-8")).writerows(rows)
PY
sed 's/,self,/,peer,/' "$WORK/boroughs/borough-00003.csv" >"$WORK/folder/peer-of-00003.csv"
python3 - "$WORK/boroughs/borough-00004.csv" "$WORK/folder/borough-00004.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))
level = rows[0].index("level")
for r in rows[1:]:
    if r[0].startswith("3.") or r[0] == "5.1":
        r[level] = ""  # category 3 not assessed, category 5 three of four
csv.writer(open(sys.argv[2], "w", newline="", encoding="utf-8")).writerows(rows)
PY
"$BIN" score --csv "$WORK/folder/borough-00002.csv" >"$WORK/folder/borough-00002-summary.csv"
run "$BIN" benchmark --csv "$WORK"/folder/*.csv
expect_eq "benchmark over a folder: exit" 0 "$RC"
expect_eq "benchmark: two files of one organisation count one, peer and summary apart" \
	"3 3 2 3 2 3 3" "$(python3 -c 'import csv,sys; print(" ".join(r["count"] for r in csv.DictReader(sys.stdin)))' <<<"$OUT")"
expect_eq "benchmark --csv: standard output holds data only (a header, 7 rows)" 8 \
	"$(python3 -c 'import csv,sys; print(len(list(csv.reader(sys.stdin))))' <<<"$OUT")"
expect_contains "benchmark --csv: incomplete and left_out appended" \
	"highlight_percentile,incomplete,left_out" "$(head -1 <<<"$OUT")"
expect_contains "benchmark: category 3 left out of one file" ",0,1" "$(grep '^3,' <<<"$OUT")"
expect_contains "benchmark: says which earlier file it set aside, and for which" \
	"set aside $WORK/folder/borough-00001-last-year.csv: an earlier assessment of" "$ERR"
expect_contains "benchmark: names the file counted instead" "than $WORK/folder/borough-00001.csv (2026-11-23)" "$ERR"
expect_contains "benchmark: sets a peer review aside" \
	"set aside $WORK/folder/peer-of-00003.csv: a peer review (benchmarking self-assessments" "$ERR"
expect_contains "benchmark: passes over its own summary" \
	"passed over $WORK/folder/borough-00002-summary.csv: a category summary" "$ERR"
expect_contains "benchmark: says which incomplete categories it left out" \
	"borough-00004.csv: incomplete categories left out: 3 (not assessed), 5 (3 of 4 answered)" "$ERR"
expect_contains "benchmark: how many, in all" \
	"benchmark counts 3 of 5 assessments; set aside 2, left out 2 incomplete categories" "$ERR"
run "$BIN" benchmark "$WORK"/folder/*.csv
expect_contains "benchmark text: left out, counted" "3 Data Governance (max 18): 2 assessments; 1 incomplete left out" "$OUT"
expect_contains "benchmark text: one per organisation" "Benchmark of 3 self-assessments (the latest of each organisation)" "$OUT"
run "$BIN" benchmark --csv --include-incomplete "$WORK"/folder/*.csv
expect_contains "--include-incomplete counts them, marked" "3,Data Governance,3," "$OUT"
expect_contains "--include-incomplete: the incomplete column" ",1,0" "$(grep '^3,' <<<"$OUT")"
run "$BIN" benchmark --include-incomplete "$WORK"/folder/*.csv
expect_contains "--include-incomplete text" "3 Data Governance (max 18): 3 assessments, 1 of them incomplete" "$OUT"
run "$BIN" benchmark --csv --all-files "$WORK"/folder/*.csv
expect_contains "--all-files counts every file of the type" "1,Strategic Leadership and Management,4," "$OUT"
run "$BIN" benchmark --csv --type peer "$WORK"/folder/*.csv
expect_contains "--type peer counts the peer review alone" "1,Strategic Leadership and Management,1," "$OUT"
expect_contains "--type peer sets self-assessments aside" "a self-assessment (benchmarking peer reviews" "$ERR"
run "$BIN" benchmark --csv --highlight "BOROUGH  00001" "$WORK"/folder/*.csv
expect_eq "--highlight matches the same organisation however written" 0 "$RC"
latest=$("$BIN" score --csv "$WORK/folder/borough-00001.csv" | python3 -c 'import csv,sys; print([r["score"] for r in csv.DictReader(sys.stdin)][0])')
expect_eq "--highlight: the organisation's latest file" "$latest" \
	"$(python3 -c 'import csv,sys; print(next(csv.DictReader(sys.stdin))["highlight_score"])' <<<"$OUT")"
run "$BIN" benchmark --type audit "$WORK"/folder/*.csv
expect_eq "benchmark --type must be self or peer" 2 "$RC"
run "$BIN" benchmark "$WORK/folder/borough-00002-summary.csv"
expect_eq "benchmark: nothing to count" 1 "$RC"
expect_contains "benchmark: nothing to count, said" "no self-assessment among the files to count" "$ERR"
run "$BIN" score --csv "$WORK"/folder/*.csv
expect_eq "score over a folder passes over its own summary" 0 "$RC"
expect_eq "score over a folder: 5 assessments, 7 rows each" 36 "$(wc -l <<<"$OUT" | tr -d ' ')"

printf 'criterion_id,level,framework_version\n1.1,none,13\n' >"$WORK/v13.csv"
run "$BIN" benchmark "$WORK"/boroughs/borough-00001.csv "$WORK/v13.csv"
expect_eq "benchmark refuses another version" 1 "$RC"
expect_contains "benchmark version message" "v13.csv:2: field \"framework_version\" is \"13\": the file was made for another version" "$ERR"

# report: well-formed, self-contained, with the figures.
run "$BIN" report "$WORK/planned.csv" --compare "$WORK/peer.csv" -o "$WORK/report.html"
expect_eq "report exit" 0 "$RC"
run python3 - "$WORK/report.html" <<'PY'
import sys, xml.dom.minidom
doc = xml.dom.minidom.parse(sys.argv[1])
print("svg", len([e for e in doc.getElementsByTagName("svg")
                  if e.getAttribute("class") == "chart"]))
print("script", len(doc.getElementsByTagName("script")))
ext = [e for tag in ("img", "link", "iframe", "object") for e in doc.getElementsByTagName(tag)]
print("external", len(ext))
PY
expect_eq "report is well-formed XML with 7 charts, no scripts, nothing external" \
	"$(printf 'svg 7\nscript 0\nexternal 0')" "$OUT"
html=$(cat "$WORK/report.html")
expect_contains "report: the level so far of a partly assessed category" \
	"1/22 <span class=\"L incomplete\">Developing so far, 1 of 8 answered</span>" "$html"
expect_contains "report comparison" "19/22 <span class=\"L\">Leading</span>" "$html"
expect_contains "report action plan" "Publish EQIA outcomes, quarterly" "$html"
expect_contains "report A4" "@page{size:A4" "$html"
expect_not_contains "report loads nothing" "src=" "$html"
run "$BIN" report "$WORK/self.csv"
expect_eq "report needs -o" 2 "$RC"

# report on a pairing session (tests/data/report: one organisation's
# self-assessment and peer review, 13 disagreements, evidence on both
# sides, three decisions recorded, a plan): every evidence and note text of
# both files is on the page, with the resolutions and the history; the
# sides are named from their metadata and no file path appears anywhere.
cp "$DATA/report/self.csv" "$WORK/camden-self-file.csv"
cp "$DATA/report/peer.csv" "$WORK/brent-peer-file.csv"
run "$BIN" report "$WORK/camden-self-file.csv" --compare "$WORK/brent-peer-file.csv" \
	-o "$WORK/pairing.html"
expect_eq "report on a pairing: exit" 0 "$RC"
run python3 - "$WORK/pairing.html" "$WORK/camden-self-file.csv" "$WORK/brent-peer-file.csv" <<'PY'
import csv, html.parser, sys
class Text(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts, self.summaries, self.in_summary = [], [], False
    def handle_starttag(self, tag, attrs):
        self.in_summary |= tag == "summary"
        self.summaries += [""] if tag == "summary" else []
    def handle_endtag(self, tag):
        self.in_summary &= tag != "summary"
    def handle_data(self, data):
        self.parts.append(data)
        if self.in_summary:
            self.summaries[-1] += data
page = open(sys.argv[1], encoding="utf-8").read()
p = Text()
p.feed(page)
text = "".join(p.parts)
missing = []
for path in sys.argv[2:4]:
    for row in csv.DictReader(open(path, encoding="utf-8")):
        for column in ("evidence", "notes", "history"):
            for line in row[column].splitlines():
                if line and line.split(" | ")[-1] not in text:
                    missing.append(line)
print("missing", len(missing), missing[:3])
paths = [w for w in ("camden-self-file", "brent-peer-file", ".csv", sys.argv[2].rsplit("/", 1)[0])
         if w in page]
print("paths", paths)
print("named", "London Borough of Camden self-assessment of 2026-11-23" in text,
      "<th scope=\"col\"><bdi>Self-assessment</bdi></th><th scope=\"col\"><bdi>Peer review</bdi></th>" in page)
print("summaries", [s for s in p.summaries if s.startswith(("1.7:", "2a.4:"))])
print("open", page.count("<details open=\"open\">"), page.count("<details"))
PY
expect_eq "report: every evidence, note and history text of both files; no path; sides named" \
	"$(printf '%s\n' "missing 0 []" "paths []" "named True True" \
	"summaries ['1.7: Self-assessment Leading; Peer review None (kept)', '2a.4: Self-assessment Leading; Peer review None (agreed to differ)']" \
	"open 69 69")" "$OUT"
html=$(cat "$WORK/pairing.html")
expect_contains "report: the moderation's counts" \
	"<p class=\"intro\">Over all 69 criteria: 14 disagreements, 3 resolved, 11 open;" "$html"
expect_contains "report: who moderated" "<dt>Moderators</dt><dd><bdi>A. Facilitator</bdi></dd>" "$html"
expect_contains "report: a resolution in the disagreements' table" \
	"<th scope=\"row\"><bdi>1.7</bdi></th><td class=\"differs\">Leading</td><td class=\"differs\">None</td><td>kept</td>" "$html"
expect_contains "report: a target already reached is said to be reached" \
	"<strong>reached</strong>" "$html"
expect_contains "report: an action with no target is listed" "Train every panel chair" "$html"

# report on 1 of 69 answered: says so at the top, marks every incomplete
# category, and calls none of them Developing.
printf '%s\n' criterion_id,level,organisation 1.1,developing,Camden >"$WORK/one.csv"
run "$BIN" report "$WORK/one.csv" -o "$WORK/one.html"
expect_eq "report on 1 of 69: exit" 0 "$RC"
html=$(cat "$WORK/one.html")
expect_contains "report states how much was assessed, before the scores" \
	"<strong>Assessed:</strong> 1 of 69 criteria answered; 0 of 7 categories complete, 1 partly assessed, 6 not assessed." \
	"${html%%Scores by category*}"
expect_eq "report marks every incomplete category's heading" 7 "$(grep -c '<h3>.*[1-7].*(incomplete: ' <<<"$html")"
expect_eq "report: six categories not assessed in the table" 6 \
	"$(grep -c '<span class="L incomplete">not assessed</span>' <<<"$html")"
expect_not_contains "report: no level for what nobody assessed" '<span class="L">Developing</span>' "$html"
run "$BIN" report "$DATA/worked-example.csv" -o "$WORK/example.html"
expect_contains "report: a complete category is not marked" \
	'15/22 <span class="L">Established</span>' "$(cat "$WORK/example.html")"

# --bom on CSV output; the wizard's export honours it too.
run "$BIN" score --csv --bom "$WORK/self.csv"
expect_eq "--bom first bytes" "efbbbf66" "$(printf '%s' "$OUT" | head -c 4 | od -An -tx1 | tr -d ' \n')"
run "$BIN" score --csv "$WORK/self.csv"
expect_eq "no BOM by default" "66696c65" "$(printf '%s' "$OUT" | head -c 4 | od -An -tx1 | tr -d ' \n')"
# report --moderate: two self-assessments of one organisation are no
# moderation by their details ("Where the two assessments differ"); with
# --moderate the report has the moderation's section.
sed 's/,peer,Peer reviewers from Brent,/,self,Second self-assessment team,/' \
	"$DATA/report/peer.csv" >"$WORK/second-self.csv"
run "$BIN" report "$DATA/report/self.csv" --compare "$WORK/second-self.csv" -o -
expect_contains "report of two self-assessments: not a moderation" \
	"<h2>Where the two assessments differ</h2>" "$OUT"
run "$BIN" report "$DATA/report/self.csv" --compare "$WORK/second-self.csv" --moderate -o -
expect_eq "report --moderate: exit" 0 "$RC"
expect_contains "report --moderate: the moderation's section" "<h2>Moderation</h2>" "$OUT"
finish
