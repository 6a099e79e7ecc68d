/* The bash completion script, made from the tables of commands and
 * options (cli_commands, cli_option_table), so that it cannot drift from
 * what the program accepts: the build runs `tri-assess --bash-completion`
 * and installs what it prints (cli/completion/meson.build).
 *
 * Everything written here comes from those constant tables, never from
 * input, so it is written as it is (a script, not text for people). */
#include <stdio.h>
#include <string.h>

#include "cli.h"

/* The script's fixed parts: a helper offering files, and the start of the
 * completion function, which finds the command among the words before
 * the cursor. */
static const char script_head[] =
"# bash completion for tri-assess(1): its commands, each command's options,\n"
"# and their arguments (.csv files; directories for --framework).\n"
"# Made by 'tri-assess --bash-completion' from the program's own tables of\n"
"# commands and options: make it again, never edit it.\n"
"\n"
"# _tri_assess_files GLOB: file names matching GLOB (empty: any file), and\n"
"# directories on the way to them.\n"
"_tri_assess_files()\n"
"{\n"
"\tcompopt -o filenames 2>/dev/null\n"
"\tif [[ -n $1 ]]; then\n"
"\t\tmapfile -t -O \"${#COMPREPLY[@]}\" COMPREPLY < <(compgen -f -X \"!$1\" -- \"$cur\")\n"
"\t\tmapfile -t -O \"${#COMPREPLY[@]}\" COMPREPLY < <(compgen -d -- \"$cur\")\n"
"\telse\n"
"\t\tmapfile -t -O \"${#COMPREPLY[@]}\" COMPREPLY < <(compgen -f -- \"$cur\")\n"
"\tfi\n"
"}\n"
"\n"
"# _tri_assess_dirs: directories.\n"
"_tri_assess_dirs()\n"
"{\n"
"\tcompopt -o filenames 2>/dev/null\n"
"\tmapfile -t -O \"${#COMPREPLY[@]}\" COMPREPLY < <(compgen -d -- \"$cur\")\n"
"}\n"
"\n"
"# _tri_assess_words WORDS: those of WORDS that begin with the word typed.\n"
"_tri_assess_words()\n"
"{\n"
"\tmapfile -t -O \"${#COMPREPLY[@]}\" COMPREPLY < <(compgen -W \"$1\" -- \"$cur\")\n"
"}\n"
"\n"
"_tri_assess()\n"
"{\n"
"\tlocal cur=${COMP_WORDS[COMP_CWORD]} prev='' prefix='' command='' started='' ended=''\n"
"\tlocal nargs=0 i word given=' '\n"
"\tCOMPREPLY=()\n"
"\t((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}\n"
"\t# --option=VALUE: bash splits it at = (COMP_WORDBREAKS) into three words\n"
"\tif [[ $cur == = && $prev == -* ]]; then\n"
"\t\tcur=\n"
"\telif [[ $prev == = ]] && ((COMP_CWORD > 1)); then\n"
"\t\tprev=${COMP_WORDS[COMP_CWORD - 2]}\n"
"\telif [[ $cur == --*=* ]]; then\n"
"\t\tprev=${cur%%=*} prefix=${cur%%=*}= cur=${cur#*=}\n"
"\tfi\n"
"\t# the command: the first word that is neither an option nor its value\n"
"\tfor ((i = 1; i < COMP_CWORD; i++)); do\n"
"\t\tword=${COMP_WORDS[i]}\n"
"\t\tif [[ -z $ended && $word == -* ]]; then\n"
"\t\t\tgiven+=\"${word%%=*} \"\n"
"\t\t\tif [[ ${COMP_WORDS[i + 1]-} == = ]]; then\n"
"\t\t\t\t((i += 2))\n"
"\t\t\t\tcontinue\n"
"\t\t\tfi\n"
"\t\t\tcase $word in\n"
"\t\t\t--) ended=1 ;;\n";

/* Between the options that take a value (listed) and the commands. */
static const char script_middle[] =
"\t\t\tesac\n"
"\t\telif [[ -z $started ]]; then\n"
"\t\t\tstarted=1\n"
"\t\t\tcase $word in\n";

/* Ways to offer an option's value or a command's arguments, by enum
 * cli_complete (WORDS is written with the option's words). */
static const char *const offer[] = {
	[CLI_COMPLETE_NOTHING] = ":",
	[CLI_COMPLETE_CSV] = "_tri_assess_files '*.[cC][sS][vV]'",
	[CLI_COMPLETE_FILE] = "_tri_assess_files ''",
	[CLI_COMPLETE_DIR] = "_tri_assess_dirs",
	[CLI_COMPLETE_WORDS] = "_tri_assess_words",
	[CLI_COMPLETE_COMMAND] = "((nargs == 0)) && _tri_assess_words \"$commands\"",
};

/* "--output|-o": the ways option o is written, as a case pattern. */
static void print_spellings(const struct cli_option_spec *o)
{
	printf("--%s", o->name);
	if (o->alias)
		printf("|--%s", o->alias);
	if (o->letter)
		printf("|-%c", o->letter);
}

/* "score|plan": the names of the commands (from first on) whose value of
 * same() agrees with first's; done[] marks them. */
static void print_group(const struct cli_command *first, bool *done,
			bool (*same)(const struct cli_command *, const struct cli_command *))
{
	const char *sep = "";
	for (const struct cli_command *c = first; c->run; c++) {
		if (!done[c - cli_commands] && c->name && same(first, c)) {
			printf("%s%s", sep, c->name);
			sep = "|";
			done[c - cli_commands] = true;
		}
	}
}

static bool same_options(const struct cli_command *a, const struct cli_command *b)
{
	return a->options == b->options;
}

static bool same_args(const struct cli_command *a, const struct cli_command *b)
{
	return a->args == b->args;
}

/* The words of the options command takes ("--csv --bom ... -h --help"),
 * with the general ones where general is true. */
static void print_option_words(const struct cli_command *command, bool general)
{
	const char *sep = "";
	for (const struct cli_option_spec *o = cli_option_table; o->name; o++) {
		bool applies = (o->bit & CLI_OPT_GENERAL)
			? general || o->bit == CLI_OPT_HELP : (command->options & o->bit) != 0;
		if (!applies)
			continue;
		printf("%s--%s", sep, o->name);
		sep = " ";
		if (o->alias)
			printf(" --%s", o->alias);
		if (o->letter)
			printf(" -%c", o->letter);
	}
}

/* The value of the option before the cursor: what to offer, by option. */
static void print_values(void)
{
	printf("\tcase $prev in\n");
	for (const struct cli_option_spec *o = cli_option_table; o->name; o++) {
		if (!o->value)
			continue;
		printf("\t");
		print_spellings(o);
		printf(")\n\t\t%s", offer[o->complete]);
		if (o->complete == CLI_COMPLETE_WORDS) {
			printf(" '");
			for (const char *v = o->value; *v; v++)
				putchar(*v == '|' ? ' ' : *v);
			printf("'");
		}
		printf("\n\t\t[[ -n $prefix ]] && COMPREPLY=(\"${COMPREPLY[@]/#/$prefix}\")\n"
		       "\t\treturn ;;\n");
	}
	printf("\tesac\n");
}

/* An option typed after the command: the options it takes, less those
 * given already (but for those that may be repeated). */
static void print_options(void)
{
	bool done[CLI_MAX_COMMANDS] = { false };
	printf("\tif [[ -z $ended && $cur == -* ]]; then\n"
	       "\t\tlocal words='' repeats=' ");
	for (const struct cli_option_spec *o = cli_option_table; o->name; o++)
		if (o->repeats)
			printf("--%s ", o->name);
	printf("'\n\t\tcase $command in\n");
	for (const struct cli_command *c = cli_commands; c->run; c++) {
		if (!c->name || done[c - cli_commands])
			continue;
		printf("\t\t");
		print_group(c, done, same_options);
		printf(") words='");
		print_option_words(c, false);
		printf("' ;;\n");
	}
	printf("\t\t*) words='");
	print_option_words(&cli_commands[0], true);
	printf("' ;;\n"
	       "\t\tesac\n"
	       "\t\tfor word in $words; do\n"
	       "\t\t\t[[ $given == *\" $word \"* && $repeats != *\" $word \"* ]] ||\n"
	       "\t\t\t\t_tri_assess_words \"$word\"\n"
	       "\t\tdone\n"
	       "\t\treturn\n"
	       "\tfi\n");
}

/* The arguments: what each command takes; the wizard's one FILE, or a
 * command, first. */
static void print_arguments(void)
{
	bool done[CLI_MAX_COMMANDS] = { false };
	printf("\tcase $command in\n"
	       "\t'')\n"
	       "\t\t((nargs == 0)) || return\n"
	       "\t\t_tri_assess_words \"$commands\"\n"
	       "\t\t%s ;;\n", offer[cli_commands[0].args]);
	for (const struct cli_command *c = cli_commands; c->run; c++) {
		if (!c->name || done[c - cli_commands])
			continue;
		printf("\t");
		print_group(c, done, same_args);
		printf(")\n\t\t%s ;;\n", offer[c->args]);
	}
	printf("\tesac\n");
}

int cli_completion_bash(void)
{
	fputs(script_head, stdout);
	for (const struct cli_option_spec *o = cli_option_table; o->name; o++) {
		if (!o->value)
			continue;
		printf("\t\t\t");
		print_spellings(o);
		printf(") ((i++)) ;;\n");
	}
	fputs(script_middle, stdout);
	const char *sep = "\t\t\t";
	for (const struct cli_command *c = cli_commands; c->run; c++) {
		if (c->name) {
			printf("%s%s", sep, c->name);
			sep = "|";
		}
	}
	printf(") command=$word ;;\n"
	       "\t\t\t*) nargs=1 ;; # the wizard's FILE\n"
	       "\t\t\tesac\n"
	       "\t\telse\n"
	       "\t\t\t((nargs++))\n"
	       "\t\tfi\n"
	       "\tdone\n"
	       "\tlocal commands='");
	sep = "";
	for (const struct cli_command *c = cli_commands; c->run; c++) {
		if (c->name) {
			printf("%s%s", sep, c->name);
			sep = " ";
		}
	}
	printf("'\n");
	print_values();
	print_options();
	print_arguments();
	printf("}\n"
	       "\n"
	       "complete -F _tri_assess tri-assess\n");
	return cli_written(0);
}
