#!/usr/bin/env python3
"""Regenerate data/*.csv from the extracted text of the Standard.

Run once by a maintainer when the source text changes; the build never runs it.
Every cell is copied from a numbered line of the source; every repair of an
extraction artefact is made here, explicitly, and listed in
docs/standard-notes.md.  Usage: tools/extract_standard.py SEED.txt OUTDIR
"""
import csv, re, sys

src = open(sys.argv[1], encoding="utf-8").read().split("\n")
out = sys.argv[2]

def line(n):            # 1-based, as `sed -n Np` shows it
    return src[n - 1]

FOOTNOTE = re.compile(r"\s*[\u2070\u00b9\u00b2\u00b3\u2074-\u2079]+\s*(?=[.)]|$)")

SUPERSCRIPT = re.compile(r"[\u2070\u00b9\u00b2\u00b3\u2074-\u2079]+")
LINK = re.compile(r"\[([^\]]*)\]\(#\)")

def clean(text):
    """Strip footnote markers (repair R1), the extraction's link and
    emphasis markup (R4) and surrounding white space."""
    text = SUPERSCRIPT.sub("", FOOTNOTE.sub("", text))
    text = LINK.sub(r"\1", text).replace("**", "")
    text = re.sub(r'\*(".*?")\*', r"\1", text)
    return text.strip()

def cells(n):
    parts = line(n).split("\t")
    assert len(parts) == 3, (n, parts)
    return [clean(p) for p in parts]

def joined(n1, n2):
    """A row split by a page break (repair R2): join cell by cell."""
    a, b = cells(n1), cells(n2)
    return [(x + " " + y).strip() if x and y else (x or y) for x, y in zip(a, b)]

def lone_leading(n):
    """A one-cell line after a table whose column the extraction lost (R3)."""
    return ["", "", clean(line(n))]

def desc(n):
    return line(n).strip()

# (category, section, [row sources]) in document order.
C = {}
C["1"] = [cells(n) for n in (232, 233, 234, 235, 239, 240, 241, 242)]
C["2a"] = [cells(257), cells(258), cells(259), cells(260), joined(261, 265),
           cells(266), cells(267), cells(268), cells(269)]
C["2b"] = [cells(n) for n in (274, 275, 277, 278, 279, 280, 281)]
C["2c"] = [cells(286), joined(287, 291), cells(292), cells(293), cells(294),
           cells(295), cells(296)]
C["2d"] = [cells(301), cells(302)]
C["2e"] = [cells(307), cells(308), cells(309)]
C["3"] = [cells(322), cells(323), cells(324), joined(325, 327), cells(328), cells(329)]
C["4"] = [cells(342), cells(343), cells(344), cells(345), lone_leading(347)]
C["5"] = [cells(n) for n in (362, 363, 364, 365)]
promote = next(i for i, l in enumerate(src, 1) if l.startswith("Promote a culture"))
C["7"] = [cells(n) for n in range(403, 409)] + [lone_leading(promote)]
C["6"] = [cells(n) for n in (378, 379, 380, 381, 382, 383, 384, 386, 387, 388, 389)]

def footnote(num):
    for l in src:
        if l.startswith(num + " "):
            return l[len(num) + 1:].strip()
    raise KeyError(num)

crit_footnote = {"1.2": clean(footnote("\u2076")), "2b.3": clean(footnote("\u2078"))}
section_footnote = {"2a": footnote("\u2077")}

with open(f"{out}/criteria.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["criterion_id", "category", "section", "developing",
                "established", "leading", "footnote"])
    for key in ("1", "2a", "2b", "2c", "2d", "2e", "3", "4", "5", "6", "7"):
        cat = key[0]
        sec = key if len(key) > 1 else ""
        for i, row in enumerate(C[key], 1):
            cid = f"{key}.{i}"
            assert any(row), cid
            w.writerow([cid, cat, sec, *row, crit_footnote.get(cid, "")])

def first(prefix):
    return next(i for i, l in enumerate(src, 1) if l.startswith(prefix))

RANGE = re.compile(r"^- (Developing|Established|Leading): (\d+) [\u2013-] (\d+)$")

with open(f"{out}/categories.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["category", "title", "description", "developing_from",
                "developing_to", "established_from", "established_to",
                "leading_from", "leading_to"])
    for n in (221, 244, 311, 331, 351, 367, 391):
        num, title = line(n).split(": ", 1)
        ranges = []
        for k, want in zip((6, 7, 8), ("Developing", "Established", "Leading")):
            m = RANGE.match(line(n + k))
            assert m and m.group(1) == want, (n + k, line(n + k))
            ranges += [m.group(2), m.group(3)]
        w.writerow([num.split()[1], clean(title), desc(n + 2), *ranges])

with open(f"{out}/sections.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["section", "category", "title", "footnote"])
    for n in (254, 271, 283, 298, 304):
        head, title = line(n).split(": ", 1)
        sid = head.split()[1]
        w.writerow([sid, sid[0], clean(title), clean(section_footnote.get(sid, ""))])

with open(f"{out}/levels.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["level", "points", "name", "descriptor"])
    w.writerow(["none", 0, "None", ""])
    for lvl, pts in (("Developing", 1), ("Established", 2), ("Leading", 3)):
        n = first(f"- **{lvl} practice**")
        body = clean(line(n)).split(" practice ", 1)[1]
        body = re.sub(r"^[\u2013-] ", "", body)
        w.writerow([lvl.lower(), pts, f"{lvl} practice", body])
    for lvl, pts in (("None", 0), ("Developing practice", 1),
                     ("Established practice", 2), ("Leading practice", 3)):
        unit = "point" if pts == 1 else "points"
        assert f"{lvl}: {pts} {unit}" in "\n".join(src), lvl

with open(f"{out}/glossary.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["term", "definition"])
    start = first("Glossary")
    for l in src[start:first("Scoring system")]:
        m = re.match(r"^- \*\*(.+?)\*\*\s*(?:[\u2013-]\s*(.*))?$", l)
        if m:
            w.writerow([m.group(1).strip(), clean(m.group(2) or "")])

with open(f"{out}/framework.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["key", "value"])
    w.writerow(["id", "celc-tri-standard"])
    w.writerow(["version", "14"])
    w.writerow(["title", "CELC Tackling Racial Inequality Standard"])
    w.writerow(["publisher", "London Councils (Chief Executives London Committee)"])
    w.writerow(["source", "London Councils Leaders' Committee, 13 December 2022, Item 7, Annex 2: Version 14"])
