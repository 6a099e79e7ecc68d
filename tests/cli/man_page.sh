#!/usr/bin/env bash
# The man page cannot drift from the program: its SYNOPSIS has a line for
# every command the global help lists, with exactly the options that
# command's own help lists (and the wizard's line those of the global
# help); its COMMANDS section names every command and no other; its
# OPTIONS section every spelling the program accepts (long names, aliases,
# letters) and no other; EXIT STATUS the three statuses; ENVIRONMENT every
# variable the source reads with getenv.  A command or option added to the
# table (cli/main.c) without its man page lines fails here, and so does a
# man page line for one the program no longer has.
# usage: man_page.sh PAGE SOURCE_ROOT
. "$(dirname "$0")/../lib.sh"
page=${1:?usage: man_page.sh PAGE SOURCE_ROOT}
src=${2:?usage: man_page.sh PAGE SOURCE_ROOT}

mkdir "$WORK/help"
run "$BIN" --help
expect_eq "--help: exit" 0 "$RC"
printf '%s\n' "$OUT" >"$WORK/help/global.txt"
commands=$(sed -n '/^commands:$/,/^$/s/^  \([a-z][a-z-]*\) .*/\1/p' <<<"$OUT")
for name in $commands; do
	run "$BIN" help "$name"
	expect_eq "help $name: exit" 0 "$RC"
	printf '%s\n' "$OUT" >"$WORK/help/$name.txt"
done

if python3 - "$page" "$WORK/help" "$src" <<'PY'; then pass; else fail "the man page and the program disagree (above)"; fi
import os, re, sys

page, help_dir, src = sys.argv[1:4]
roff = open(page, encoding="utf-8").read()
problems = []


def plain(text):
    """Roff text without font escapes, with \\- as -."""
    return re.sub(r"\\f[BIRP]", "", text).replace("\\-", "-")


OPTION = re.compile(r"(?<![\w-])--?[A-Za-z][A-Za-z-]*")
sections = dict(re.findall(r"^\.SH (.+)\n((?:(?!\.SH ).*\n)*)", roff, re.M))
for name in ["SYNOPSIS", "DESCRIPTION", "COMMANDS", "OPTIONS", "EXIT STATUS",
             "ENVIRONMENT", "FILES", "SEE ALSO"]:
    if name not in sections:
        problems.append(f"no section {name}")
        sections.setdefault(name, "")


def help_options(text):
    """The options a help lists: groups of spellings, the long name first."""
    block = text.split("\noptions:\n", 1)[1].split("\n\n", 1)[0]
    groups = []
    for line in block.splitlines():
        m = re.match(r"  ((?:-[A-Za-z], )?--[a-z-]+(?:, --[a-z-]+)?)", line)
        if m:
            names = re.findall(r"--?[A-Za-z][a-z-]*", m.group(1))
            groups.append(sorted(names, key=lambda n: not n.startswith("--")))
    return groups


helps = {f[:-4]: open(os.path.join(help_dir, f), encoding="utf-8").read()
         for f in os.listdir(help_dir)}
commands = sorted(n for n in helps if n != "global")
if not commands:
    problems.append("the global help lists no commands (has its layout changed?)")
canonical = {}      # every spelling -> the long name
for text in helps.values():
    for group in help_options(text):
        for spelling in group:
            canonical[spelling] = group[0]


def canon(names):
    return {canonical.get(n, n) for n in names}


def expected(name):
    return {g[0] for g in help_options(helps[name])} - {"--help"}


def compare(what, want, got):
    if want - got:
        problems.append(f"{what}: missing {' '.join(sorted(want - got))}")
    if got - want:
        problems.append(f"{what}: not in the program's help: {' '.join(sorted(got - want))}")


# SYNOPSIS: one block per usage, separated by .br
wizard, seen = set(), set()
for block in sections["SYNOPSIS"].split(".br\n"):
    m = re.match(r"\.B tri-assess(?: (\S+))?\n?(.*)", block, re.S)
    if not m:
        problems.append(f"SYNOPSIS: a block not starting '.B tri-assess': {block!r}")
        continue
    name, rest = m.group(1), plain(m.group(2))
    found = canon(OPTION.findall(rest))
    if name is None:
        if "COMMAND" in rest:
            compare("SYNOPSIS 'tri-assess COMMAND'", {"--help"}, found)
        else:
            wizard |= found
    else:
        if name not in commands:
            problems.append(f"SYNOPSIS: '{name}' is not a command of the program")
            continue
        seen.add(name)
        compare(f"SYNOPSIS of {name}", expected(name), found)
compare("SYNOPSIS of the wizard (tri-assess without a command)", expected("global"), wizard)
compare("SYNOPSIS: the commands", set(commands), seen)

# COMMANDS: .TP then .B NAME
named = set(re.findall(r"^\.TP\n\.B (\S+)", sections["COMMANDS"], re.M))
compare("COMMANDS", set(commands), named)

# OPTIONS: the line after each .TP names the option's spellings
headers = re.findall(r"^\.TP\n(.*)", sections["OPTIONS"], re.M)
in_options = {o for h in headers for o in OPTION.findall(plain(h))}
compare("OPTIONS", set(canonical), in_options)

# EXIT STATUS: 0, 1 and 2, as the global help says
statuses = set(re.findall(r"^\.TP\n\.B (\S+)", sections["EXIT STATUS"], re.M))
compare("EXIT STATUS", {"0", "1", "2"}, statuses)
if "Exit status: 0 success, 1 bad input, 2 usage error." not in helps["global"]:
    problems.append("the global help no longer gives the exit statuses")

# ENVIRONMENT: every variable the program reads
read = set()
for top in ["cli", "core", "render", "tui"]:
    for root, _, files in os.walk(os.path.join(src, top)):
        for f in files:
            if f.endswith(".c"):
                text = open(os.path.join(root, f), encoding="utf-8").read()
                read |= set(re.findall(r'getenv\("([A-Z_]+)"\)', text))
env = {v for h in re.findall(r"^\.TP\n(.*)", sections["ENVIRONMENT"], re.M)
       for v in re.findall(r"[A-Z][A-Z_]+", plain(h))}
if read - env:
    problems.append(f"ENVIRONMENT: missing {' '.join(sorted(read - env))}")
if not read:
    problems.append("found no getenv in the source: is SOURCE_ROOT right?")

for p in problems:
    print("man page:", p)
print(f"{len(commands)} commands, {len(canonical)} option spellings, "
      f"{len(read)} environment variables compared")
sys.exit(1 if problems else 0)
PY
finish
