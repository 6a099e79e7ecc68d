#!/usr/bin/env bash
# Help and usage errors, from the command table (cli/main.c): each
# command's own --help, -h and `help COMMAND`; a mistyped command refused
# with the nearest one suggested; an option that does not apply to the
# command refused, naming it.  Every command the global help lists is
# checked, so a command added to the table is checked too.
. "$(dirname "$0")/../lib.sh"

run "$BIN" --help
global=$OUT
commands=$(sed -n '/^commands:$/,/^$/s/^  \([a-z][a-z-]*\) .*/\1/p' <<<"$global")
expect_contains "the global help lists help" "help" "$commands"
[ "$(wc -w <<<"$commands")" -ge 9 ] && pass || fail "the global help lists too few commands: $commands"

# ---- each command's own help, three ways ----
for name in $commands; do
	run "$BIN" "$name" --help
	expect_eq "$name --help: exit" 0 "$RC"
	own=$OUT
	expect_eq "$name --help: its usage first" "usage: tri-assess $name" \
		"$(head -1 <<<"$own" | cut -d' ' -f1-3)"
	expect_contains "$name --help: its summary" \
		"$name: $(sed -n "s/^  $name  *//p" <<<"$global")" "$own"
	expect_contains "$name --help: options" $'\noptions:\n' "$own"
	expect_contains "$name --help: -h too" "  -h, --help" "$own"
	if [[ "$own" == *$'\nexample:\n  tri-assess '* || "$own" == *$'\nexamples:\n  tri-assess '* ]]; then
		pass
	else
		fail "$name --help: no example: $own"
	fi
	expect_not_contains "$name --help: not the global help" "commands:" "$own"
	run "$BIN" "$name" -h
	expect_eq "$name -h: the same" "$own" "$OUT"
	run "$BIN" help "$name"
	expect_eq "help $name: the same" "$own" "$OUT"
	expect_eq "help $name: exit" 0 "$RC"
	run "$BIN" -h "$name"
	expect_eq "-h before $name: the same" "$own" "$OUT"
	# every option listed is in the usage line once, and nothing else is
	usage=$(sed -n '1,/^$/p' <<<"$own")
	listed=$(sed -n '/^options:$/,/^$/p' <<<"$own" | grep -oE '^  (-[a-zA-Z], )?--[a-z-]+' |
		sed 's/.*--//' | grep -v '^help$' | sort)
	# a letter in the usage line ("-o") stands for its long name
	letters=$(sed -n '/^options:$/,/^$/s/^  -\([a-zA-Z]\), --\([a-z-]*\).*/s|^\1$|\2|/p' <<<"$own")
	in_usage=$(grep -oE '(^| |\[)--?[a-zA-Z][a-z-]*' <<<"$usage" | sed -E 's/^[[ ]?--?//; '"$letters" | sort)
	expect_eq "$name --help: usage and options agree" "$listed" "$in_usage"
done

# what each help says of itself (its options, what they mean to it)
while IFS='|' read -r words expect absent; do
	# shellcheck disable=SC2086 # the words of the command
	run "$BIN" $words
	expect_eq "$words: exit" 0 "$RC"
	expect_contains "$words: says [$expect]" "$expect" "$OUT"
	[ -z "$absent" ] || expect_not_contains "$words: not [$absent]" "$absent" "$OUT"
done <<'TABLE'
score --help|usage: tri-assess score FILE... [--csv] [--bom] [--framework DIR]|--named
plan -h|usage: tri-assess plan FILE [--csv]|--highlight
benchmark --help|  --highlight ORGANISATION|--plain
benchmark --help|which assessments to count (default self|a self-assessment or a peer review
new --help|a self-assessment or a peer review (default self)|which assessments to count
new --help|  --organisation, --organization NAME|--csv
report --help|  -o, --output FILE  the HTML file to write|--csv
help report|tri-assess report camden.csv -o camden.html|--plain
help help|usage: tri-assess help [COMMAND]|--framework
--help|usage: tri-assess [FILE] [--bom] [--plain]|--named
--help|'tri-assess help COMMAND' or 'tri-assess COMMAND --help'|
TABLE

# `help` alone is the global help (it used to open a new file called help)
cd "$WORK" || exit 1
run "$BIN" help
expect_eq "help alone: exit" 0 "$RC"
expect_eq "help alone: the global help" "$global" "$OUT"
[ ! -e help ] && pass || fail "help alone created a file"
run "$BIN" help nosuch
expect_eq "help nosuch: exit" 2 "$RC"
expect_contains "help nosuch: said, with the commands" \
	"help: unknown command 'nosuch'; expected one of criteria, about, validate, score" "$ERR"
run "$BIN" help plna
expect_eq "help plna: exit" 2 "$RC"
expect_contains "help plna: the nearest" "help: unknown command 'plna'; did you mean 'plan'?" "$ERR"
run "$BIN" help score plan
expect_eq "help with two commands: exit" 2 "$RC"
expect_contains "help with two commands: said" "help: expected one COMMAND; got 2" "$ERR"

# ---- a mistyped command: exit 2, the nearest suggested, nothing created ----
while IFS='|' read -r word expect; do
	run "$BIN" "$word" </dev/null
	expect_eq "$word: exit" 2 "$RC"
	expect_contains "$word: said" "tri-assess: unknown command '$word'; $expect" "$ERR"
	expect_contains "$word: the way on" "Try 'tri-assess --help'." "$ERR"
	expect_eq "$word: nothing on standard output" "" "$OUT"
	[ ! -e "$word" ] && pass || fail "$word: a file was created"
done <<'TABLE'
valdiate|did you mean 'validate'?
scroe|did you mean 'score'?
Score|did you mean 'score'?
bench|did you mean 'benchmark'?
benchmrak|did you mean 'benchmark'?
reprot|did you mean 'report'?
hlep|did you mean 'help'?
critera|did you mean 'criteria'?
xyzzy|expected a command (criteria, about, validate, score, new, compare, plan, actions, dashboard, progress, benchmark, report, help
TABLE
run "$BIN" valdiate "$DATA/worked-example.csv"
expect_eq "a mistyped command before a file: exit" 2 "$RC"
expect_contains "a mistyped command before a file: said" "did you mean 'validate'?" "$ERR"
# but an existing file of any name, and a new name ending in .csv, are the
# wizard's (plain mode: standard input is not a terminal)
cp "$DATA/worked-example.csv" "$WORK/valdiate"
run "$BIN" valdiate </dev/null
expect_eq "an existing file named like a command's typo: the wizard, exit" 0 "$RC"
expect_contains "an existing file: the wizard" "Plain mode:" "$OUT"
run "$BIN" fresh.csv </dev/null
expect_eq "a new NAME.csv: the wizard's form, exit" 0 "$RC"
expect_contains "a new NAME.csv: the new-assessment form" "New assessment fresh.csv" "$OUT"

# ---- a mistyped option: exit 2, the nearest long option suggested ----
while IFS='|' read -r words expect; do
	# shellcheck disable=SC2086 # the words of the command
	run "$BIN" $words </dev/null
	expect_eq "$words: exit" 2 "$RC"
	expect_contains "$words: said" "tri-assess: $expect" "$ERR"
	expect_eq "$words: no output" "" "$OUT"
done <<TABLE
score --nmed $DATA/worked-example.csv|unknown option '--nmed'; did you mean '--named'?
benchmark --higlight=Camden $DATA/worked-example.csv|unknown option '--higlight=Camden'; did you mean '--highlight'?
criteria --csvv|unknown option '--csvv'; did you mean '--csv'?
criteria --zzzzzz|unknown option '--zzzzzz'
criteria -x|unknown option '-x'
TABLE

# ---- an option that does not apply: exit 2, naming the command ----
while IFS='|' read -r words expect hint; do
	# shellcheck disable=SC2086 # the words of the command
	run "$BIN" $words </dev/null
	expect_eq "$words: exit" 2 "$RC"
	expect_contains "$words: said" "tri-assess: $expect" "$ERR"
	expect_contains "$words: the command's help" "Try 'tri-assess $hint'." "$ERR"
	expect_eq "$words: no output" "" "$OUT"
done <<TABLE
score $DATA/worked-example.csv --named|--named does not apply to score|score --help
score --highlight Camden $DATA/worked-example.csv|--highlight does not apply to score|score --help
criteria -o out.html|--output does not apply to criteria|criteria --help
plan --plain $DATA/worked-example.csv|--plain does not apply to plan|plan --help
new x.csv --organisation X --csv|--csv does not apply to new|new --help
report $DATA/worked-example.csv -o r.html --who me|--who does not apply to report|report --help
--csv $DATA/worked-example.csv|--csv does not apply to the wizard|--help
help --framework $DATA score|--framework does not apply to help|--help
TABLE
[ ! -e out.html ] && [ ! -e r.html ] && [ ! -e x.csv ] && pass ||
	fail "a refused option still wrote a file"
# --help and --version apply to every command
run "$BIN" plan --version
expect_contains "--version with a command" "Version 14" "$OUT"
finish
