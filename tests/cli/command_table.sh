#!/usr/bin/env bash
# The command line as a table (cli/main.c, cli_commands): --help lists
# every command from it (one line each), each name dispatches to its
# command, and output that cannot be written is said.
. "$(dirname "$0")/../lib.sh"

run "$BIN" --help
help=$OUT
expect_eq "--help exit" 0 "$RC"
expect_eq "--help: the wizard's usage first" "usage: tri-assess [FILE] " "$(head -1 <<<"$help" | cut -c1-25)"
commands=$(sed -n '/^commands:$/,/^$/p' <<<"$help")
# name, what running it bare says (each command's own check, never the wizard's)
while IFS='|' read -r name rc expect; do
	expect_eq "--help lists $name once, with its summary" 1 \
		"$(grep -cE "^  $name +[a-z]" <<<"$commands")"
	run "$BIN" "$name"
	expect_eq "$name bare: exit" "$rc" "$RC"
	expect_contains "$name bare: its own message" "$expect" "$OUT$ERR"
done <<'TABLE'
criteria|0|Category 7: Community Engagement
about|0|About the Standard
validate|0|well-formed
score|2|score: expected at least one FILE
new|2|new: expected exactly one FILE
compare|2|compare: expected two files, A and B
plan|2|plan: expected one FILE
actions|2|actions: expected one FILE
dashboard|2|dashboard: expected one FILE
progress|2|progress: expected two or more FILEs
benchmark|2|benchmark: expected at least one FILE
report|2|report: expected one FILE
help|0|commands:
TABLE
# the commands' summaries start in one column
expect_eq "--help: summaries aligned" 1 "$(sed -n 's/^  \([a-z]* *\)[a-z].*/\1/p' <<<"$commands" |
	awk '{ print length($0) }' | sort -u | wc -l)"
run "$BIN" criteria extra
expect_eq "criteria takes no FILE" 2 "$RC"
run "$BIN" about extra
expect_eq "about takes no FILE" 2 "$RC"
run "$BIN" bogus x
expect_eq "two words that are no command" 2 "$RC"
expect_contains "unknown command named" "unknown command 'bogus'" "$ERR"
run "$BIN" --framework "$DATA/frameworks/two-levels" validate
expect_contains "a command after an option" "Two-level test checklist, version 2: well-formed" "$OUT"

# standard output that cannot be written: said, exit 1 (not a silent 0)
if [ -w /dev/full ]; then
	for command in criteria about validate "score $DATA/worked-example.csv" \
		"plan $DATA/worked-example.csv" "benchmark --csv $DATA/worked-example.csv" \
		"actions $DATA/actions/camden-2026.csv" "dashboard $DATA/actions/camden-2026.csv" \
		"progress $DATA/actions/camden-2025.csv $DATA/actions/camden-2026.csv"; do
		# shellcheck disable=SC2086 # the command's words
		"$BIN" $command >/dev/full 2>"$WORK/err"
		expect_eq "$command to a full disk: exit" 1 "$?"
		expect_contains "$command to a full disk: said" "cannot write to standard output" \
			"$(cat "$WORK/err")"
	done
fi
finish
