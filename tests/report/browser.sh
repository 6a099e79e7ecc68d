#!/usr/bin/env bash
# Suite 'report': the HTML report in a real browser (tests/report/check.mjs:
# axe-core, pa11y's WCAG2AA runner, a 320 px phone, chart labels, <details>
# open, an A4 print to PDF read back with pdftotext), on every report below.
# Needs Debian's chromium, node, pdftotext and the npm packages of
# tests/report/package.json, which scripts/dev installs into the build tree
# (TRI_REPORT_NODE); skipped (77) where any is missing.
#
# A section added to the report is checked here as soon as one of these
# reports shows it: add a report (a fixture in tests/data/report) if none
# does.
. "$(dirname "$0")/../lib.sh"

CHROMIUM=${TRI_CHROMIUM:-/usr/bin/chromium}
MODULES=${TRI_REPORT_NODE:?TRI_REPORT_NODE must name where scripts/dev installs the npm packages}/node_modules
for need in "$CHROMIUM" node pdftotext "$MODULES/pa11y" "$MODULES/axe-core" "$MODULES/puppeteer"; do
	if ! command -v "$need" >/dev/null && [ ! -e "$need" ]; then
		echo "SKIP: $need is not installed (scripts/dev installs it)" >&2
		exit 77
	fi
done

REPORTS=()
# report NAME ARGS...: write $WORK/NAME.html with tri-assess report ARGS.
report() {
	local name=$1; shift
	run "$BIN" "$@" -o "$WORK/$name.html"
	expect_eq "report $name: exit" 0 "$RC"
	REPORTS+=("$WORK/$name.html")
}

# A pairing session: a self-assessment and a peer review of one
# organisation, 13 disagreements, decisions, a plan.
report pairing report "$DATA/report/self.csv" --compare "$DATA/report/peer.csv"
# One side alone.
report self report "$DATA/report/self.csv"
# One criterion answered: every category incomplete.
printf '%s\n' criterion_id,level,organisation 1.1,developing,Camden >"$WORK/one.csv"
report one report "$WORK/one.csv"
# Long names with no place to break, on both sides of a comparison.
LONG=$(printf 'Royal-Borough-of-Kensington-and-Chelsea%.0s' 1 2 3 4)
python3 - "$DATA/report" "$WORK" "$LONG" <<'PY'
import csv, sys
src, work, long = sys.argv[1:]
for name in ("self", "peer"):
    rows = list(csv.DictReader(open(f"{src}/{name}.csv", encoding="utf-8")))
    rows[0]["organisation"] = long
    rows[0]["assessors"] = long + " and " + long
    rows[1]["evidence"] = long * 3
    with open(f"{work}/long-{name}.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, rows[0].keys())
        w.writeheader()
        w.writerows(rows)
PY
report long-names report "$WORK/long-self.csv" --compare "$WORK/long-peer.csv"
# A framework of five levels: more bands in each chart.
printf "%s\n" criterion_id,level,organisation,date "1.1,leading,Borough A,2026-01-10" \
	1.2,developing,, 1.3,established,, >"$WORK/five.csv"
report five-levels --framework "$DATA/frameworks/five-levels" report "$WORK/five.csv"
# A year on (issue 16): the dashboard, the action plan from the actions
# file, and progress over time (its chart and table), with last year's.
cp "$DATA/actions/camden-2026.csv" "$DATA/actions/camden-2026-actions.csv" \
	"$DATA/actions/camden-2025.csv" "$WORK/"
report progress report "$WORK/camden-2026.csv" --compare "$WORK/camden-2025.csv"

run node "$(dirname "$0")/check.mjs" "$MODULES" "$WORK" "${REPORTS[@]}"
echo "$OUT"
expect_eq "the browser's checks (check.mjs): exit" 0 "$RC"
expect_eq "the browser's checks: ${#REPORTS[@]} reports x 7 checks passed" \
	$((${#REPORTS[@]} * 7)) "$(grep -c '^ok: ' <<<"$OUT")"
finish
