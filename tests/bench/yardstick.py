#!/usr/bin/env python3
"""The yardstick for `tri-assess benchmark`: a straightforward Python csv
script doing the same aggregation (per category: count, min, quartiles,
median, max, count per level), with the same published ranges.

usage: yardstick.py FILE...
"""
import csv, statistics, sys

POINTS = {"": 0, "none": 0, "developing": 1, "established": 2, "leading": 3}
# Published ranges of Version 14: where Established and Leading begin.
STARTS = {"1": (11, 19), "2": (37, 60), "3": (11, 13), "4": (3, 14), "5": (6, 10),
          "6": (15, 24), "7": (10, 17)}
TITLES = {}

scores = {c: [] for c in STARTS}
for path in sys.argv[1:]:
    per = {c: 0 for c in STARTS}
    with open(path, newline="", encoding="utf-8-sig") as f:
        for row in csv.DictReader(f):
            if row.get("framework_version", "14") not in ("", "14"):
                sys.exit(f"{path}: another version of the Standard")
            category = row["criterion_id"].split(".")[0][0]
            per[category] += POINTS[row["level"].strip().lower()]
            TITLES.setdefault(category, row.get("category", ""))
    for c, v in per.items():
        scores[c].append(v)

out = csv.writer(sys.stdout, lineterminator="\r\n")
out.writerow(["category", "title", "count", "min", "q1", "median", "q3", "max",
              "developing", "established", "leading"])
for c in sorted(scores):
    s = sorted(scores[c])
    q = statistics.quantiles(s, n=4, method="inclusive")
    est, lead = STARTS[c]
    levels = [sum(1 for v in s if v < est), sum(1 for v in s if est <= v < lead),
              sum(1 for v in s if v >= lead)]
    out.writerow([c, TITLES.get(c, ""), len(s)] + ["%g" % x for x in (s[0], *q, s[-1])] + levels)
