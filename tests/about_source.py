#!/usr/bin/env python3
"""The About page against the Standard as published.

usage: about_source.py SEED SHOWN

SEED is the source text (tests/data/source/002_b9b6098a331af567.txt);
SHOWN a file holding what a front end showed of the About page (screen
lines joined, a command's output).  Every paragraph of the source's
introduction (lines 152-219, Annex 2 before the tables) and every footnote
of it must appear in SHOWN whole, whitespace normalised.  The source's
paragraphs are read as docs/standard-notes.md records the data's repairs
(R1 markers become "[1]" beside the note; R2 lines 170 and 180 are one
paragraph; R4 markup and the extraction's "- " bullets are not text); a
dash between words counts as one dash, as the level list uses "–" and
"-" for the same thing, and a line broken after a word's hyphen is
joined without a space.  Prints "N of N source paragraphs whole" and names
any that are not."""
import re
import sys

SUPERSCRIPT = str.maketrans("¹²³⁴⁵⁶⁷⁸⁹⁰", "1234567890")


def norm(text):
    # a line broken after a word's hyphen (UAX #14 allows it) joins it
    text = re.sub(r"(\w-)\s+(?=\w)", r"\1", text)
    text = re.sub(r"\s+[–-]\s+", " - ", text)
    return re.sub(r"\s+", " ", text).strip()


def source_paragraphs(seed):
    lines = open(seed, encoding="utf-8").read().split("\n")
    numbered = {n: lines[n - 1] for n in range(152, 220) if lines[n - 1].strip()}
    numbered[170] = numbered[170] + " " + numbered.pop(180)  # R2
    out = []
    for n in sorted(numbered):
        text = numbered[n]
        note = re.match(r"^([¹²³⁴⁵⁶⁷⁸⁹⁰]+) (.*)$", text)
        if note:  # a footnote: "[1] text"
            text = f"[{note.group(1).translate(SUPERSCRIPT)}] {note.group(2)}"
        text = re.sub(r"[¹²³⁴⁵⁶⁷⁸⁹⁰]+", "", text)  # R1: markers off the text
        text = re.sub(r"\[([^\]]*)\]\(#\)", r"\1", text)  # R4: links
        text = text.replace("**", "")
        text = re.sub(r"\*([^*]+)\*", r"\1", text)
        text = re.sub(r"^- ", "", text)
        out.append((n, text))
    return out


def main():
    seed, shown_path = sys.argv[1], sys.argv[2]
    shown = norm(open(shown_path, encoding="utf-8").read())
    paragraphs = source_paragraphs(seed)
    missing = [(n, p) for n, p in paragraphs if norm(p) not in shown]
    for n, p in missing:
        print(f"line {n} not shown whole: {p}")
    print(f"{len(paragraphs) - len(missing)} of {len(paragraphs)} source paragraphs whole")


main()
