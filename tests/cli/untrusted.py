#!/usr/bin/env python3
"""Helpers for tests/cli/untrusted.sh: hostile files, and checks that what
tri-assess printed holds no character a terminal would act on, no formula
a spreadsheet would run, and no element a browser would create.

Arguments that hold raw bytes (payloads, file names) arrive through argv
and are turned back into bytes with os.fsencode.

  untrusted.py assessment PATH PAYLOAD [peer] [bare]   a hostile assessment
  untrusted.py framework DIR PAYLOAD [bare]            PAYLOAD in DIR's texts

bare: fields are the payload alone (a formula must start its field).
  untrusted.py check-all DIR COUNT   check the probes DIR/0 .. DIR/COUNT-1
                                     (print how many failed)
  untrusted.py screen CAPTURE [SHOWN...]   a tmux capture-pane -e: only SGR
                                          (attribute) sequences, nothing
                                          forbidden, each SHOWN on it
  untrusted.py html REPORT [TEXT...]
"""
import csv
import html.parser
import io
import os
import re
import sys
import xml.dom.minidom


def arg_bytes(text):
    return os.fsencode(text)


def arg_text(text):
    return arg_bytes(text).decode("utf-8")


def write_csv(path, rows):
    with open(arg_bytes(path), "w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\r\n").writerows(rows)


def assessment(path, payload, peer=False, bare=False):
    """Every text field, an extra column's name and value, and the history
    hold the payload; peer gives other levels (so compare has differences);
    bare leaves the payload alone in its field, without a label."""
    p = arg_text(payload)

    def field(label):
        return p if bare else label + " " + p

    head = ["criterion_id", "level", "evidence", "notes", "target_level", "action",
            "lead_officer", "timescale", "history", "organisation", "assessment_type",
            "assessors", "date", field("extra")]
    levels = ["leading", "developing", "established", "established", "established",
              "leading", "none", "leading"]
    if peer:
        levels = ["developing", "none", "none", "established", "established", "none",
                  "leading", "leading"]
    rows = [head]
    for i, level in enumerate(levels):
        rows.append(["1.%d" % (i + 1), level, field("Evidence"), field("Notes"),
                     "leading" if i == 1 else "", field("Action"), field("Lead"),
                     field("By"), p if bare else
                     "2026-11-23 10:00 | Who " + p + " | none -> " + level + " | " + p,
                     field("Peer" if peer else "Org"), "peer" if peer else "self",
                     field("Assessor"), "2026-11-23", field("value")])
    write_csv(path, rows)


def framework(directory, payload, bare=False):
    """The framework's title, version, source, a category's and a section's
    title, the category's description, a criterion cell, every footnote and
    the introduction's first paragraph take the payload (ids cannot: the
    loader allows letters and digits only); bare: the payload replaces
    them."""
    p = arg_text(payload)

    def add(text):
        return p if bare else text + " " + p
    d = arg_bytes(directory)

    def edit(name, change):
        path = os.path.join(d, name.encode())
        with open(path, encoding="utf-8", newline="") as f:
            rows = list(csv.reader(f))
        change(rows)
        with open(path, "w", encoding="utf-8", newline="") as f:
            csv.writer(f, lineterminator="\n").writerows(rows)

    def identity(rows):
        for r in rows[1:]:
            if r[0] in ("title", "source"):
                r[1] = add(r[1])
            elif r[0] == "version":
                r[1] = p if bare else "14" + p

    def first_title(rows):
        column = rows[0].index("title")
        rows[1][column] = add(rows[1][column])

    def cell(rows):
        column = rows[0].index("developing")
        rows[1][column] = add(rows[1][column])

    def description(rows):
        column = rows[0].index("description")
        rows[1][column] = add(rows[1][column])

    def every_text(rows):
        column = rows[0].index("text")
        for r in rows[1:]:
            r[column] = add(r[column])

    def first_text(rows):
        column = rows[0].index("text")
        rows[1][column] = add(rows[1][column])

    edit("framework.csv", identity)
    edit("categories.csv", first_title)
    edit("categories.csv", description)
    edit("sections.csv", first_title)
    edit("criteria.csv", cell)
    edit("footnotes.csv", every_text)
    edit("about.csv", first_text)


FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
NUMBER = re.compile(r"^[+-]?[0-9]+(\.[0-9]+)?$")


def forbidden(data, allow_cr):
    """What is wrong with data (bytes), or None."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        return "byte 0x%02X at %d is not UTF-8: %r" % (data[e.start], e.start,
                                                       data[max(0, e.start - 30):e.start + 10])
    for m in FORBIDDEN.finditer(text):
        if allow_cr and m.group() == "\r":
            continue
        return "U+%04X at %d: %r" % (ord(m.group()), m.start(),
                                      text[max(0, m.start() - 30):m.start() + 10])
    return None


def formula(data):
    """A CSV field that a spreadsheet would run as a formula, or None."""
    text = data.decode("utf-8").lstrip("\ufeff")
    for row in csv.reader(io.StringIO(text, newline="")):
        for field in row:
            if field[:1] in ("=", "+", "-", "@", "\t", "\r") and not NUMBER.match(field):
                return "field %r" % field
    return None


def check(mode, out, err, shown):
    """What is wrong with one command's outputs (a list, empty if nothing)."""
    problems = []
    why = forbidden(out, allow_cr=mode == "csv")
    if why:
        problems.append("standard output: " + why)
    why = forbidden(err, allow_cr=False)
    if why:
        problems.append("standard error: " + why)
    if mode == "csv" and not problems:
        why = formula(out)
        if why:
            problems.append("standard output: a formula: " + why)
    for text in shown:
        if text not in out + err:
            problems.append("neither output shows %r" % text)
    return problems


def check_all(directory, count):
    failed = 0
    for n in range(count):
        at = os.path.join(directory, str(n))
        read = lambda ext: open(at + ext, "rb").read()
        shown = [s for s in read(".shown").split(b"\0") if s]
        problems = check(read(".mode").decode(), read(".out"), read(".err"), shown)
        if problems:
            failed += 1
            print("FAIL: %s:\n  %s\n  stdout: %r\n  stderr: %r" % (
                read(".what").decode("utf-8", "replace"), "\n  ".join(problems),
                read(".out")[:400], read(".err")[:400]), file=sys.stderr)
    print(failed)
    return 0


SGR = re.compile(rb"\x1b\[[0-9;:]*m")


def check_screen(path, shown):
    """A screen as tmux captured it with its attributes (capture-pane -e):
    the program's own attribute changes are the only sequences on it."""
    data = open(path, "rb").read()
    plain = SGR.sub(b"", data)
    problems = []
    why = forbidden(plain, allow_cr=False)
    if why:
        problems.append("on screen, besides attributes: " + why)
    for text in shown:
        if arg_bytes(text) not in plain:
            problems.append("the screen does not show %r" % text)
    if problems:
        print("\n".join(problems), file=sys.stderr)
        print(plain.decode("utf-8", "replace"), file=sys.stderr)
        return 1
    return 0


class Elements(html.parser.HTMLParser):
    """Every element, attribute, comment and declaration the parser sees."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []
        self.text = []
        self.style = []
        self.in_style = False

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, tuple(sorted(name for name, _ in attrs))))
        self.in_style = tag == "style"

    def handle_startendtag(self, tag, attrs):
        self.found.append((tag, tuple(sorted(name for name, _ in attrs))))

    def handle_endtag(self, tag):
        self.in_style = False

    def handle_data(self, data):
        (self.style if self.in_style else self.text).append(data)

    def handle_comment(self, data):
        self.found.append(("<!--", data))

    def handle_decl(self, decl):
        if decl != "DOCTYPE html":
            self.found.append(("<!", decl))

    def unknown_decl(self, data):
        self.found.append(("<![", data))

    def handle_pi(self, data):
        self.found.append(("<?", data))


# What the report writer (render/html.c) itself writes: elements and their
# attributes (as HTMLParser gives them: lower case).
ALLOWED = {
    "html": {"xmlns", "lang"}, "head": set(), "meta": {"charset", "name", "content"}, "title": set(),
    "style": set(), "body": set(), "main": set(), "footer": set(),
    "h1": set(), "h2": set(), "h3": set(), "h4": set(),
    "p": {"class"}, "strong": set(), "bdi": set(), "br": set(), "code": set(),
    "table": {"class"}, "caption": set(), "thead": set(), "tbody": set(), "tfoot": set(),
    "tr": set(), "th": {"scope"}, "td": {"class", "colspan"}, "span": {"class"},
    "ul": set(), "li": set(), "sup": set(), "dl": {"class"}, "dt": set(), "dd": set(), "div": {"class", "role", "aria-label", "tabindex"},
    "details": {"open"}, "summary": set(), "figure": set(), "figcaption": set(),
    "svg": {"xmlns", "class", "width", "height", "viewbox", "role", "aria-label", "aria-hidden"},
    "rect": {"x", "y", "width", "height", "fill", "stroke", "stroke-width"},
    "text": {"class", "x", "y", "font-size", "text-anchor"},
}


def check_html(path, args):
    """args: texts the page must show, then after "--absent" texts it must
    not (a file's path: sides are named from metadata)."""
    texts = args[:args.index("--absent")] if "--absent" in args else args
    absent = args[len(texts) + 1:]
    data = open(path, "rb").read()
    problems = []
    why = forbidden(data, allow_cr=False)
    if why:
        problems.append(why)
    parser = Elements()
    parser.feed(data.decode("utf-8", "replace"))
    parser.close()
    for item in parser.found:
        tag, rest = item
        if tag not in ALLOWED or not set(rest) <= ALLOWED[tag]:
            problems.append("not written by the program: %r" % (item,))
    if any(t for t in ("<", "script", "-->") if t in "".join(parser.style)):
        problems.append("the style element holds more than the program's CSS")
    try:
        xml.dom.minidom.parseString(data)
    except Exception as e:  # the report is also well-formed XML
        problems.append("not well-formed XML: %s" % e)
    shown = "".join(parser.text)
    for text in texts:
        if arg_text(text) not in shown:
            problems.append("the page does not show %r as text" % arg_text(text))
    for text in absent:
        if arg_text(text) in shown or arg_text(text) in data.decode("utf-8", "replace"):
            problems.append("the page holds %r" % arg_text(text))
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    return 0


def main(argv):
    command = argv[1]
    if command == "assessment":
        assessment(argv[2], argv[3], "peer" in argv[4:], "bare" in argv[4:])
        return 0
    if command == "framework":
        framework(argv[2], argv[3], "bare" in argv[4:])
        return 0
    if command == "check-all":
        return check_all(argv[2], int(argv[3]))
    if command == "screen":
        return check_screen(arg_bytes(argv[2]), argv[3:])
    if command == "html":
        return check_html(arg_bytes(argv[2]), argv[3:])
    print("unknown command " + command, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
