#!/usr/bin/env python3
"""Generate N realistic assessment files for tests and benchmarks.

usage: generate.py N OUTDIR [--seed S] [--criteria FILE]
Each file is what tri-assess itself writes for a borough: every criterion
with a level the row can take, some evidence, metadata on every row.
The criteria come from `tri-assess criteria --csv` (FILE, or stdin).
"""
import argparse, csv, os, random, sys

ap = argparse.ArgumentParser()
ap.add_argument("n", type=int)
ap.add_argument("outdir")
ap.add_argument("--seed", type=int, default=14)
ap.add_argument("--criteria", default="-")
args = ap.parse_args()
rnd = random.Random(args.seed)
src = sys.stdin if args.criteria == "-" else open(args.criteria, encoding="utf-8")
rows = list(csv.DictReader(src))
names = ["none", "developing", "established", "leading"]
header = ["criterion_id", "category", "section", "level", "points", "statement", "evidence",
          "notes", "target_level", "action", "lead_officer", "timescale", "history",
          "organisation", "assessment_type", "assessors", "date", "framework_id",
          "framework_version"]
os.makedirs(args.outdir, exist_ok=True)
for i in range(args.n):
    maturity = rnd.random()  # boroughs differ in how far along they are
    org = f"Borough {i + 1:05d}"
    path = os.path.join(args.outdir, f"borough-{i + 1:05d}.csv")
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\r\n")
        w.writerow(header)
        for r in rows:
            allowed = [0] + [k for k in (1, 2, 3) if r[names[k]]]
            pick = allowed[min(len(allowed) - 1, int(rnd.random() ** (1 - maturity * 0.9) * len(allowed)))]
            level = names[pick]
            w.writerow([r["criterion_id"], r["category"], r["section"], level, pick,
                        r[level] if pick else "", "Board paper" if pick > 1 else "", "",
                        "", "", "", "", "", org, "self", "Facilitator", "2026-11-23",
                        "celc-tri-standard", "14"])
