#!/usr/bin/env bash
# The bash completion the build installs (cli/completion/, made by
# `tri-assess --bash-completion` from the tables of commands and options),
# driven as bash drives it: COMP_WORDS and COMP_CWORD set, the function
# called, COMPREPLY read.  Commands, each command's options, option values
# and file arguments (.csv files; directories for --framework); and the
# offers agree with the program's own help for every command it lists.
. "$(dirname "$0")/../lib.sh"

SCRIPT=${TRI_COMPLETION:?TRI_COMPLETION must name the built completion script}
run "$BIN" --bash-completion
expect_eq "--bash-completion: exit" 0 "$RC"
expect_eq "the installed script is the program's own" "$OUT" "$(cat "$SCRIPT")"
bash -n "$SCRIPT" && pass || fail "the completion script is not valid bash"
# shellcheck source=/dev/null
. "$SCRIPT"
expect_eq "registered for tri-assess" "complete -F _tri_assess tri-assess" \
	"$(complete -p tri-assess)"

export LC_ALL=C # one order for sort

# sorted WORDS: the words on one line, sorted.
sorted() {
	tr ' ' '\n' <<<"$1" | sed '/^$/d' | sort | tr '\n' ' ' | sed 's/ $//'
}

# offers WORD...: what completing the last WORD offers after
# `tri-assess WORD...`, sorted, on one line.
offers() {
	COMP_WORDS=(tri-assess "$@")
	COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
	COMP_LINE="${COMP_WORDS[*]}"
	COMP_POINT=${#COMP_LINE}
	COMPREPLY=()
	_tri_assess tri-assess "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}" 2>/dev/null
	sorted "${COMPREPLY[*]}"
}

mkdir "$WORK/files" && cd "$WORK/files" || exit 1
mkdir team revised
touch camden.csv brent.CSV notes.txt team/hackney.csv
commands="about actions benchmark compare criteria dashboard help new plan progress report score validate"

# words typed|what completing the last offers ('' is the empty word)
while IFS='|' read -r typed expect; do
	eval "words=($typed)"
	expect_eq "tri-assess $typed<Tab>" "$(sorted "$expect")" "$(offers "${words[@]}")"
done <<TABLE
''|$commands brent.CSV camden.csv revised team
va|validate
sc|score
b|benchmark brent.CSV
score ''|brent.CSV camden.csv revised team
score team/|team/hackney.csv
score camden.csv ''|brent.CSV camden.csv revised team
score --|--bom --csv --framework --help
score --csv --|--bom --framework --help
score --n|
benchmark --h|--help --highlight
benchmark --type ''|peer self
benchmark --type p|peer
benchmark --type = ''|peer self
benchmark --type=p|--type=peer
benchmark --highlight ''|
new x.csv --a|--assessor
new x.csv --assessor A --a|--assessor
new x.csv --o|--organisation --organization
report camden.csv -o ''|brent.CSV camden.csv notes.txt revised team
report camden.csv --output ''|brent.CSV camden.csv notes.txt revised team
report camden.csv --compare ''|brent.CSV camden.csv revised team
--framework ''|revised team
--framework r|revised
--framework revised sc|score
--framework revised score --|--bom --csv --help
camden.csv --p|--plain
camden.csv ''|
--plain c|camden.csv compare criteria
help ''|$commands
help s|score
help score ''|
criteria ''|
validate --|--bom --csv --framework --help
score -- --|
TABLE

# every command the help lists is offered, with the options its help lists
run "$BIN" --help
listed=$(sed -n '/^commands:$/,/^$/s/^  \([a-z][a-z-]*\) .*/\1/p' <<<"$OUT")
expect_eq "the commands offered are those --help lists" "$(sorted "$(tr '\n' ' ' <<<"$listed")")" \
	"$(offers "" | tr ' ' '\n' | grep -vE '\.(csv|CSV)$|^(revised|team)$' | tr '\n' ' ' |
	sed 's/ $//')"
for name in $listed; do
	run "$BIN" "$name" --help
	options=$(sed -n '/^options:$/,/^$/p' <<<"$OUT" |
		grep -oE '^  (-[a-zA-Z], )?--[a-z-]+(, --[a-z-]+)?' | grep -oE -- '--?[a-zA-Z][a-z-]*')
	expect_eq "$name: the options offered are those its help lists" \
		"$(sorted "$(tr '\n' ' ' <<<"$options")")" "$(offers "$name" -)"
done
finish
