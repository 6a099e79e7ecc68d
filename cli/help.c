/* Help from the tables of commands and options: the global help, each
 * command's own, the help command, and the nearest commands to a word that
 * is none.  Every usage line and option list is made from the tables, so
 * that a new command or option is in the help (and the man page test
 * compares the man page with it). */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

enum {
	WIDTH = 79,          /* columns a help line may take */
	DESCRIBED_AT = 21,   /* where an option's description starts */
	COMMAND_WIDTH = 12,  /* the commands' names in the global list */
};

const char *cli_command_label(const struct cli_command *command)
{
	return command->name ? command->name : "the wizard";
}

/* True if usage (a command's arguments) names option o itself, as a
 * required option ("FILE --organisation NAME"). */
static bool usage_names(const char *usage, const struct cli_option_spec *o)
{
	char long_name[64], letter[3] = { '-', o->letter, '\0' };
	snprintf(long_name, sizeof long_name, "--%s", o->name);
	size_t long_len = strlen(long_name);
	for (const char *p = usage; *p;) {
		size_t len = strcspn(p, " ");
		if ((len == long_len && strncmp(p, long_name, len) == 0) ||
		    (o->letter && len == 2 && strncmp(p, letter, 2) == 0))
			return true;
		p += len + strspn(p + len, " ");
	}
	return false;
}

/* Print token on the usage line being made, after a space, or on a new
 * line at indent where the line would be too long; *column is where the
 * line has reached (indent: nothing on it yet). */
static void usage_token(const char *token, int indent, int *column)
{
	int len = (int)strlen(token);
	if (*column > indent && *column + 1 + len > WIDTH) {
		cli_print("\n%*s", indent, "");
		*column = indent;
	}
	if (*column != indent) {
		cli_print(" ");
		(*column)++;
	}
	cli_print("%s", token);
	*column += len;
}

/* "usage: tri-assess score FILE... [--csv] [--bom] [--framework DIR]": the
 * arguments, then every other option that applies, in the table's order. */
static void print_usage(const struct cli_command *command)
{
	static const char lead[] = "usage: tri-assess";
	int indent = (int)sizeof lead, column = (int)sizeof lead - 1;
	cli_print("%s", lead);
	if (command->name)
		usage_token(command->name, indent, &column);
	if (*command->usage)
		usage_token(command->usage, indent, &column);
	for (const struct cli_option_spec *o = cli_option_table; o->name; o++) {
		if (!(command->options & o->bit) || usage_names(command->usage, o))
			continue;
		char token[128];
		snprintf(token, sizeof token, "[--%s%s%s]%s", o->name, o->value ? " " : "",
			 o->value ? o->value : "", o->repeats ? "..." : "");
		usage_token(token, indent, &column);
	}
	cli_print("\n");
}

/* What option o means to command: its note there, or the table's help. */
static const char *option_help(const struct cli_command *command,
			       const struct cli_option_spec *o)
{
	for (const struct cli_option_note *n = command ? command->notes : NULL; n && n->bit; n++)
		if (n->bit == o->bit)
			return n->help;
	return o->help;
}

/* "  -o, --output FILE  the file to write": the option's names and value,
 * then its help, each line of it at DESCRIBED_AT. */
static void print_option(const struct cli_option_spec *o, const char *help)
{
	char letter[8] = "", alias[64] = "", tag[160];
	if (o->letter)
		snprintf(letter, sizeof letter, "-%c, ", o->letter);
	if (o->alias)
		snprintf(alias, sizeof alias, ", --%s", o->alias);
	int len = snprintf(tag, sizeof tag, "  %s--%s%s%s%s", letter, o->name, alias,
			   o->value ? " " : "", o->value ? o->value : "");
	if (len + 2 > DESCRIBED_AT)
		cli_print("%s\n%*s", tag, DESCRIBED_AT, "");
	else
		cli_print("%-*s", DESCRIBED_AT, tag);
	for (const char *line = help; *line;) {
		size_t n = strcspn(line, "\n");
		cli_print("%s%.*s\n", line == help ? "" : "                     ", (int)n, line);
		line += n + (line[n] == '\n');
	}
}

/* The options that apply to command (its notes where it has them), then
 * those every command takes (general ones: help; with all, the others). */
static void print_options(const struct cli_command *command, bool all_general)
{
	cli_print("\noptions:\n");
	for (const struct cli_option_spec *o = cli_option_table; o->name; o++) {
		bool general = (o->bit & CLI_OPT_GENERAL) != 0;
		if (general ? all_general || o->bit == CLI_OPT_HELP : (command->options & o->bit))
			print_option(o, option_help(command, o));
	}
}

/* "example:" and each line of examples, indented (a line starting with a
 * space continues the one before).  Nothing for an entry without. */
static void print_examples(const char *examples)
{
	if (!examples)
		return;
	int count = 0;
	for (const char *line = examples; *line;) {
		size_t n = strcspn(line, "\n");
		count += line[0] != ' ';
		line += n + (line[n] == '\n');
	}
	cli_print("\nexample%s:\n", count > 1 ? "s" : "");
	for (const char *line = examples; *line;) {
		size_t n = strcspn(line, "\n");
		cli_print("  %.*s\n", (int)n, line);
		line += n + (line[n] == '\n');
	}
}

int cli_help_global(void)
{
	const struct cli_command *wizard = &cli_commands[0];
	print_usage(wizard);
	cli_print("       tri-assess COMMAND [ARGUMENTS] [OPTIONS]\n"
		  "\n"
		  "Assess a London local authority against the CELC Tackling Racial\n"
		  "Inequality Standard (Version 14, London Councils, December 2022).\n"
		  "Without a COMMAND: %s (default assessment.csv); a new\n"
		  "FILE.csv starts with a short form.\n"
		  "\n"
		  "commands:\n", wizard->summary);
	for (const struct cli_command *c = cli_commands; c->run; c++)
		if (c->name)
			cli_print("  %-*s%s\n", COMMAND_WIDTH, c->name, c->summary);
	print_options(wizard, true);
	print_examples(wizard->example);
	cli_print("\n"
		  "'tri-assess help COMMAND' or 'tri-assess COMMAND --help': a command's\n"
		  "usage, options and examples.\n"
		  "Exit status: 0 success, 1 bad input, 2 usage error.  See tri-assess(1).\n");
	return cli_written(0);
}

int cli_help_command(const struct cli_command *command)
{
	if (!command->name)
		return cli_help_global();
	print_usage(command);
	cli_print("\n%s: %s\n", command->name, command->summary);
	print_options(command, false);
	print_examples(command->example);
	cli_print("\nSee tri-assess(1).\n");
	return cli_written(0);
}

int cmd_help(const struct cli_call *call)
{
	if (call->count == 0)
		return cli_help_global();
	if (call->count > 1)
		return cli_usage_error("help: expected one COMMAND; got %d", call->count);
	const struct cli_command *command = cli_command_named(call->files[0]);
	if (!command)
		return cli_unknown_command(call->files[0], false);
	return cli_help_command(command);
}

/* ---- The nearest commands ---- */

enum { MAX_WORD = 64, MAX_NAME = 32 };

/* a and b the same ASCII letter, case aside (command names are ASCII). */
static bool same_letter(char a, char b)
{
	if (a >= 'A' && a <= 'Z')
		a = (char)(a - 'A' + 'a');
	if (b >= 'A' && b <= 'Z')
		b = (char)(b - 'A' + 'a');
	return a == b;
}

/* The edits that make word of name: insertions, deletions, substitutions
 * and transpositions of neighbours ("valdiate" is one from "validate"). */
static size_t edit_distance(const char *word, const char *name)
{
	size_t m = strlen(word), n = strlen(name);
	size_t d[MAX_WORD + 1][MAX_NAME + 1];
	for (size_t i = 0; i <= m; i++)
		d[i][0] = i;
	for (size_t j = 0; j <= n; j++)
		d[0][j] = j;
	for (size_t i = 1; i <= m; i++) {
		for (size_t j = 1; j <= n; j++) {
			size_t cost = same_letter(word[i - 1], name[j - 1]) ? 0 : 1;
			size_t best = d[i - 1][j - 1] + cost;
			if (d[i - 1][j] + 1 < best)
				best = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < best)
				best = d[i][j - 1] + 1;
			if (i > 1 && j > 1 && same_letter(word[i - 1], name[j - 2]) &&
			    same_letter(word[i - 2], name[j - 1]) && d[i - 2][j - 2] + 1 < best)
				best = d[i - 2][j - 2] + 1;
			d[i][j] = best;
		}
	}
	return d[m][n];
}

/* How far word is from the command called name: its edit distance, or 1
 * when it begins the name ("bench"); SIZE_MAX when too far to suggest. */
static size_t nearness(const char *word, const char *name)
{
	size_t len = strlen(word);
	if (len == 0 || len > MAX_WORD || strlen(name) > MAX_NAME)
		return SIZE_MAX;
	if (len >= 2 && len < strlen(name) && strncmp(word, name, len) == 0)
		return 1;
	size_t d = edit_distance(word, name);
	return d <= (len <= 3 ? 1u : 2u) ? d : SIZE_MAX;
}

/* "'validate'" or "'score' or 'scores'": the nearest commands, or "" when
 * none is near. */
static void nearest_commands(const char *word, char *out, size_t size)
{
	size_t best = SIZE_MAX, used = 0;
	for (const struct cli_command *c = cli_commands; c->run; c++)
		if (c->name && nearness(word, c->name) < best)
			best = nearness(word, c->name);
	out[0] = '\0';
	for (const struct cli_command *c = cli_commands; best != SIZE_MAX && c->run; c++)
		if (c->name && nearness(word, c->name) == best && used < size)
			used += (size_t)snprintf(out + used, size - used, "%s'%s'",
						 used ? " or " : "", c->name);
}

int cli_unknown_option(const char *arg)
{
	/* "--nmed" or "--nmed=VALUE": the name; a letter ("-x") has no near one */
	char name[MAX_WORD + 1] = "";
	if (strncmp(arg, "--", 2) == 0)
		snprintf(name, sizeof name, "%.*s", (int)strcspn(arg + 2, "="), arg + 2);
	size_t best = SIZE_MAX;
	const char *nearest = NULL;
	for (const struct cli_option_spec *o = cli_option_table; *name && o->name; o++) {
		if (nearness(name, o->name) < best) {
			best = nearness(name, o->name);
			nearest = o->name;
		}
	}
	if (nearest)
		return cli_usage_error("unknown option '%s'; did you mean '--%s'?", arg, nearest);
	return cli_usage_error("unknown option '%s'", arg);
}

int cli_unknown_command(const char *word, bool files)
{
	char near[256], names[512];
	nearest_commands(word, near, sizeof near);
	const char *who = files ? "" : "help: ";
	if (*near)
		return cli_usage_error("%sunknown command '%s'; did you mean %s?", who, word, near);
	size_t used = 0;
	names[0] = '\0';
	for (const struct cli_command *c = cli_commands; c->run; c++)
		if (c->name && used < sizeof names)
			used += (size_t)snprintf(names + used, sizeof names - used, "%s%s",
						 used ? ", " : "", c->name);
	if (files)
		return cli_usage_error("unknown command '%s'; expected a command (%s) or an "
				       "assessment FILE (an existing file, or a new name ending "
				       "in .csv)", word, names);
	return cli_usage_error("help: unknown command '%s'; expected one of %s", word, names);
}
