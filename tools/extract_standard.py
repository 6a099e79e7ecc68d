#!/usr/bin/env python3
"""Regenerate data/*.csv from the extracted text of the Standard.

Run by a maintainer when the source text changes; the build never runs it,
but a test (tests/data/regenerate.sh) checks that it reproduces data/ byte
for byte from tests/data/source/002_b9b6098a331af567.txt.
Every text is copied from a numbered line of the source; every repair of an
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
    text = re.sub(r"\*([^*]+)\*", r"\1", text)
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

with open(f"{out}/criteria.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["criterion_id", "category", "section", "developing",
                "established", "leading"])
    for key in ("1", "2a", "2b", "2c", "2d", "2e", "3", "4", "5", "6", "7"):
        cat = key[0]
        sec = key if len(key) > 1 else ""
        for i, row in enumerate(C[key], 1):
            cid = f"{key}.{i}"
            assert any(row), cid
            w.writerow([cid, cat, sec, *row])

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
    w.writerow(["section", "category", "title"])
    for n in (254, 271, 283, 298, 304):
        head, title = line(n).split(": ", 1)
        sid = head.split()[1]
        w.writerow([sid, sid[0], clean(title)])

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

# The footnotes of Annex 2 up to the tables (\u00b9-\u2078), markers kept
# (repair R1 moved them out of the text), each on the text it marks: a
# cell (criterion and level), a section heading, a part of the introduction
# (about.csv) or a level's descriptor.  \u2079 repeats \u2076 in the worked
# example, which is not data.
NOTES = [
    ("1", "\u00b9", "about:context", ""),       # line 154, "communities\u00b9"
    ("2", "\u00b2", "about:context", ""),       # line 154, "employment\u00b2"
    ("3", "\u00b3", "about:duty", ""),          # line 162, "productivity\u00b3"
    ("4", "\u2074", "about:purpose", ""),       # line 170, "structures\u2074"
    ("5", "\u2075", "levels", "developing"),    # line 184, "organisation\u2075"
    ("6", "\u2076", "1.2", "leading"),          # line 233, "(EQIA) \u2076 ."
    ("7", "\u2077", "2a", ""),                  # line 254, "Recruitment\u2077"
    ("8", "\u2078", "2b.3", "established"),     # line 277, "Charter \u2078)."
]

with open(f"{out}/footnotes.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["marker", "target", "level", "text"])
    for marker, sup, target, level in NOTES:
        w.writerow([marker, target, level, clean(footnote(sup))])

def bullet(n):
    """A list item: the extraction's "- " bullet is not text."""
    return clean(re.sub(r"^- ", "", line(n)))

def about_text(n):
    return bullet(n) if line(n).startswith("- ") else clean(line(n))

# The introduction of Annex 2, before the tables, in reading order:
# (section, heading line, [paragraph lines or inserts]).  A line pair is a
# paragraph split by a page break (R2); "levels" and "points" stand for
# text levels.csv already holds (the three descriptors, the points per
# level), which is not copied twice.
ABOUT = [
    ("context", 152, [154, 156, 158]),
    ("duty", 160, [162, 164]),
    ("purpose", 166, [168, (170, 180), 182, "levels"]),
    ("outcome", 188, [190, 192, 193, 194, 195, 196, 197, 198]),
    ("scoring", 200, [202, 204, "points", 213, 215, 216, 217, 219]),
]

with open(f"{out}/about.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["section", "heading", "text", "insert"])
    for section, head, parts in ABOUT:
        for part in parts:
            if isinstance(part, str):
                w.writerow([section, clean(line(head)), "", part])
            elif isinstance(part, tuple):
                text = about_text(part[0]) + " " + about_text(part[1])
                w.writerow([section, clean(line(head)), text, ""])
            else:
                w.writerow([section, clean(line(head)), about_text(part), ""])
    # The inserts stand for exactly the source's lines.
    for lvl in ("Developing", "Established", "Leading"):
        assert any(l.startswith(f"- **{lvl} practice**") for l in src[182:187]), lvl
    for n, text in zip(range(208, 212), ("None: 0 points", "Developing practice: 1 point",
                                         "Established practice: 2 points",
                                         "Leading practice: 3 points")):
        assert line(n) == "- " + text, (n, line(n))
