#!/usr/bin/env bash
# The spreadsheet round-trip fixtures (docs/file-formats.md, "Spreadsheets"),
# made from source.csv, an assessment tri-assess wrote: every criterion of
# the Standard, ids 6.10 and 6.11, multi-line and non-ASCII text, text
# behind the formula guard ('=SUM..., '-3...), a timescale "March 2027", a
# date, an extra column.
#
#   make-fixtures.sh calc [DIR]   LibreOffice Calc, headless: CSV -> xlsx ->
#                                 CSV, into DIR (default: beside this script)
#   make-fixtures.sh hand [DIR]   what Excel writes, made by hand (Python)
#
# The suite needs no office suite: the files made are committed, and the
# 'office' test suite redoes the Calc conversions where soffice is installed.
# Calc: LibreOffice 7.4 (Debian 12's libreoffice-calc-nogui).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
what=${1:?usage: make-fixtures.sh calc|hand [DIR]}
out=${2:-$here}
mkdir -p "$out"
source_csv="$here/source.csv"

# soffice NAME IMPORT EXPORT: source.csv -> NAME.xlsx -> NAME.csv with the
# CSV filter options given (empty: Calc's defaults), in a profile of its own.
calc() {
	local name=$1 import=$2 export=$3 tmp
	tmp=$(mktemp -d)
	cp "$source_csv" "$tmp/$name.csv"
	local profile=(-env:UserInstallation="file://$tmp/profile")
	soffice "${profile[@]}" --headless ${import:+--infilter="CSV:$import"} \
		--convert-to xlsx --outdir "$tmp/xlsx" "$tmp/$name.csv" >/dev/null 2>&1
	soffice "${profile[@]}" --headless \
		--convert-to "csv${export:+:Text - txt - csv (StarCalc):$export}" \
		--outdir "$tmp/csv" "$tmp/xlsx/$name.xlsx" >/dev/null 2>&1
	cp "$tmp/csv/$name.csv" "$out/$name.csv"
	rm -rf "$tmp"
}

case $what in
calc)
	command -v soffice >/dev/null || { echo "soffice is not installed" >&2; exit 77; }
	# Calc's defaults both ways: it reads the bytes as its own 8-bit
	# charset and writes them back so; the id 6.10 becomes 6.1.
	calc calc-default "" ""
	# Opened as UTF-8 (its other settings default: numbers and dates
	# detected), saved with semicolons, as a European locale does.
	calc calc-semicolons "44,34,76,1" "59,34,76,1"
	# Opened as UTF-8, saved as "Unicode" text with tabs (UTF-16).
	calc calc-unicode-text "44,34,76,1" "9,34,65535,1"
	# Opened as UTF-8 in English (UK), saved in Windows-1252.
	calc calc-windows-1252 "44,34,76,1,,2057" "44,34,1,1"
	;;
hand)
	python3 - "$source_csv" "$out" <<'PY'
import csv, io, sys
src, out = sys.argv[1], sys.argv[2]
rows = list(csv.reader(open(src, encoding="utf-8-sig", newline="")))
head = rows[0]
col = {name: i for i, name in enumerate(head)}

def excel(rows, when_date):
    """What Excel (UK) does to the cells it reads as numbers and dates."""
    done = []
    for r in rows:
        r = list(r)
        if r is not rows[0] and r[col["criterion_id"]] == "6.10":
            r[col["criterion_id"]] = "6.1"
        if r[col["date"]] == "2026-11-24":
            r[col["date"]] = "24/11/2026"
        if r[col["timescale"]] == "March 2027":
            r[col["timescale"]] = when_date
        done.append(r)
    return done

def write(name, rows, encoding, delimiter, bom=b""):
    text = io.StringIO()
    csv.writer(text, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    with open(f"{out}/{name}", "wb") as f:
        f.write(bom + text.getvalue().encode(encoding))

# Excel's "Unicode text": UTF-16LE behind its byte-order mark, tabs.
write("excel-unicode-text.csv", excel(rows, "Mar-27"), "utf-16-le", "\t", b"\xff\xfe")
# Excel's "CSV (Comma delimited)" on a UK Windows: Windows-1252.
write("excel-windows-1252.csv", excel(rows, "Mar-27"), "cp1252", ",")
# Excel's "CSV UTF-8": a byte-order mark, UK dates, the timescale a date.
write("excel-uk-dates.csv", excel(rows, "01/03/2027"), "utf-8", ",", b"\xef\xbb\xbf")
PY
	;;
*)
	echo "usage: make-fixtures.sh calc|hand [DIR]" >&2
	exit 2
	;;
esac
