/* tri-assess: the command line.  Parses arguments, loads the framework,
 * runs one command of the table, and turns core results and errors into
 * output and an exit status: 0 success, 1 bad input, 2 usage error. */
#include <getopt.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "tri_config.h"
#include "wizard.h"

/* Options every command takes. */
#define COMMON (CLI_OPT_FRAMEWORK)
#define TABLE (COMMON | CLI_OPT_CSV | CLI_OPT_BOM)

/* Add an --assessor name to the list: "A. Facilitator; B. Reviewer". */
static int add_assessor(struct cli_options *opt, const char *name)
{
	size_t used = strlen(opt->assessors);
	if (used + strlen(name) + 3 >= sizeof opt->assessors)
		return cli_usage_error("%s", "too many --assessor names");
	snprintf(opt->assessors + used, sizeof opt->assessors - used, "%s%s", used ? "; " : "",
		 name);
	return 0;
}

#define FIELD(name) offsetof(struct cli_options, name)

const struct cli_option_spec cli_option_table[] = {
	{ .bit = CLI_OPT_CSV, .name = "csv", .field = FIELD(csv),
	  .help = "CSV output for machines (a header row, then data)" },
	{ .bit = CLI_OPT_BOM, .name = "bom", .field = FIELD(bom),
	  .help = "start CSV output with a UTF-8 byte-order mark" },
	{ .bit = CLI_OPT_PLAIN, .name = "plain", .field = FIELD(plain),
	  .help = "the wizard as numbered text prompts (also when TERM=dumb)" },
	{ .bit = CLI_OPT_COMPARE, .name = "compare", .value = "OTHER",
	  .complete = CLI_COMPLETE_CSV, .field = FIELD(compare),
	  .help = "show OTHER's levels beside these" },
	{ .bit = CLI_OPT_MODERATE, .name = "moderate", .field = FIELD(moderate),
	  .help = "treat the two as a moderation whatever their details say" },
	{ .bit = CLI_OPT_FOLLOW, .name = "follow", .field = FIELD(follow),
	  .help = "on a file another wizard holds: follow it read-only\n"
		  "without asking (at a terminal)" },
	{ .bit = CLI_OPT_WHO, .name = "who", .value = "NAME", .field = FIELD(who),
	  .help = "who is making changes in a comparison (default: $USER)" },
	{ .bit = CLI_OPT_ORGANISATION, .name = "organisation", .alias = "organization",
	  .value = "NAME", .field = FIELD(organisation), .help = "the organisation assessed" },
	{ .bit = CLI_OPT_TYPE, .name = "type", .value = "self|peer", .complete = CLI_COMPLETE_WORDS,
	  .field = FIELD(type), .help = "a self-assessment or a peer review" },
	{ .bit = CLI_OPT_ASSESSOR, .name = "assessor", .value = "NAME", .repeats = true,
	  .take = add_assessor, .help = "an assessor or participant (once for each)" },
	{ .bit = CLI_OPT_DATE, .name = "date", .value = "YYYY-MM-DD", .field = FIELD(date),
	  .help = "the assessment's date (default: today)" },
	{ .bit = CLI_OPT_HIGHLIGHT, .name = "highlight", .value = "ORGANISATION",
	  .field = FIELD(highlight), .help = "show where ORGANISATION stands" },
	{ .bit = CLI_OPT_NAMED, .name = "named", .field = FIELD(named),
	  .help = "name every organisation (default: anonymised)" },
	{ .bit = CLI_OPT_ALL_FILES, .name = "all-files", .field = FIELD(all_files),
	  .help = "every file, not only each organisation's latest" },
	{ .bit = CLI_OPT_INCLUDE_INCOMPLETE, .name = "include-incomplete",
	  .field = FIELD(include_incomplete), .help = "count incomplete categories too, marked" },
	{ .bit = CLI_OPT_OUTPUT, .name = "output", .letter = 'o', .value = "FILE",
	  .complete = CLI_COMPLETE_FILE, .field = FIELD(output),
	  .help = "the file to write (- for standard output)" },
	{ .bit = CLI_OPT_FORCE, .name = "force", .field = FIELD(force),
	  .help = "replace an existing file tri-assess did not write" },
	{ .bit = CLI_OPT_OVERDUE, .name = "overdue", .field = FIELD(overdue),
	  .help = "only open actions past their due date" },
	{ .bit = CLI_OPT_LEAD, .name = "lead", .value = "NAME", .field = FIELD(lead),
	  .help = "only actions whose lead officer contains NAME" },
	{ .bit = CLI_OPT_LAYOUT, .name = "layout", .value = "action-plan",
	  .complete = CLI_COMPLETE_WORDS, .field = FIELD(layout),
	  .help = "CSV in a council action plan's columns (outcome,\n"
		  "activities, lead officer/s, timescale, status)" },
	{ .bit = CLI_OPT_FRAMEWORK, .name = "framework", .value = "DIR",
	  .complete = CLI_COMPLETE_DIR, .field = FIELD(framework_dir),
	  .help = "load the Standard from DIR's CSV files instead of the\n"
		  "built-in Version 14 (a revised Standard)" },
	{ .bit = CLI_OPT_HELP, .name = "help", .letter = 'h', .field = FIELD(help),
	  .help = "this help" },
	{ .bit = CLI_OPT_VERSION, .name = "version", .letter = 'V', .field = FIELD(version),
	  .help = "the program's and the built-in Standard's versions" },
	{ .bit = CLI_OPT_BASH_COMPLETION, .name = "bash-completion", .field = FIELD(bash_completion),
	  .help = "print the bash completion script (for a build from\n"
		  "source: source <(tri-assess --bash-completion))" },
	{ 0 },
};

static const struct cli_option_note wizard_notes[] = {
	{ CLI_OPT_COMPARE, "show OTHER's levels beside these; a adopts OTHER's level\n"
			   "(recorded in history); FILE a self-assessment and OTHER its\n"
			   "peer review: a moderation (the pairing session: m, >, <, h)" },
	{ CLI_OPT_MODERATE, "a moderation whatever the two files' details say\n"
			    "(never recorded in a peer review)" },
	{ CLI_OPT_BOM, "give the assessment file a UTF-8 byte-order mark (new files\n"
		       "have one; a file keeps what it has)" },
	{ 0 },
};
static const struct cli_option_note compare_notes[] = {
	{ CLI_OPT_MODERATE, "a moderation whatever the two files' details say" },
	{ 0 },
};
static const struct cli_option_note new_notes[] = {
	{ CLI_OPT_TYPE, "a self-assessment or a peer review (default self)" },
	{ 0 },
};
static const struct cli_option_note benchmark_notes[] = {
	{ CLI_OPT_TYPE, "which assessments to count (default self; a file\n"
			"without a type counts as a self-assessment)" },
	{ 0 },
};
static const struct cli_option_note report_notes[] = {
	{ CLI_OPT_COMPARE, "compare with OTHER: both sides and the recorded changes" },
	{ CLI_OPT_MODERATE, "a moderation whatever the two files' details say (its\n"
			    "section: the resolutions recorded in FILE)" },
	{ CLI_OPT_OUTPUT, "the HTML file to write (- for standard output); never an\n"
			  "input file; a file that is not a tri-assess report is\n"
			  "replaced only with --force" },
	{ 0 },
};

const struct cli_command cli_commands[] = {
	{ .name = NULL, .usage = "[FILE]", .summary = "the wizard on FILE",
	  .options = COMMON | CLI_OPT_PLAIN | CLI_OPT_COMPARE | CLI_OPT_MODERATE | CLI_OPT_WHO |
		     CLI_OPT_BOM | CLI_OPT_FOLLOW,
	  .run = cmd_wizard, .args = CLI_COMPLETE_CSV, .notes = wizard_notes,
	  .example = "tri-assess camden.csv\n"
		     "tri-assess --compare peer-review.csv camden.csv\n"
		     "tri-assess --follow camden.csv" },
	{ .name = "criteria", .usage = "", .summary = "list the Standard's criteria",
	  .options = TABLE, .run = cmd_criteria, .args = CLI_COMPLETE_NOTHING,
	  .example = "tri-assess criteria | less\n"
		     "tri-assess criteria --csv >criteria.csv" },
	{ .name = "about", .usage = "", .summary = "about the Standard: introduction, levels, scoring",
	  .options = COMMON, .run = cmd_about, .args = CLI_COMPLETE_NOTHING,
	  .example = "tri-assess about | less\n"
		     "tri-assess --framework revised/ about" },
	{ .name = "validate", .usage = "", .summary = "check the framework and its ranges",
	  .options = TABLE, .run = cmd_validate, .args = CLI_COMPLETE_NOTHING,
	  .example = "tri-assess validate\n"
		     "tri-assess --framework revised/ validate" },
	{ .name = "score", .usage = "FILE...", .summary = "score assessments by category",
	  .options = TABLE, .run = cmd_score, .args = CLI_COMPLETE_CSV,
	  .example = "tri-assess score camden.csv\n"
		     "tri-assess score --csv camden.csv brent.csv >scores.csv" },
	{ .name = "new", .usage = "FILE --organisation NAME", .summary = "a blank assessment",
	  .options = COMMON | CLI_OPT_ORGANISATION | CLI_OPT_TYPE | CLI_OPT_ASSESSOR |
		     CLI_OPT_DATE,
	  .run = cmd_new, .args = CLI_COMPLETE_CSV, .notes = new_notes,
	  .example = "tri-assess new camden.csv --organisation \"London Borough of Camden\" \\\n"
		     "    --assessor \"A. Facilitator\" --assessor \"B. Member\"" },
	{ .name = "compare", .usage = "A B", .summary = "two assessments side by side",
	  .options = TABLE | CLI_OPT_MODERATE, .run = cmd_compare, .args = CLI_COMPLETE_CSV,
	  .notes = compare_notes,
	  .example = "tri-assess compare camden-2025.csv camden-2026.csv\n"
		     "tri-assess compare --csv camden-self.csv camden-peer.csv >moderation.csv" },
	{ .name = "plan", .usage = "FILE", .summary = "gaps to the next level; the action plan",
	  .options = TABLE | CLI_OPT_LAYOUT, .run = cmd_plan, .args = CLI_COMPLETE_CSV,
	  .example = "tri-assess plan camden.csv\n"
		     "tri-assess plan camden.csv --layout action-plan >appendix.csv" },
	{ .name = "actions", .usage = "FILE", .summary = "the actions, by due date",
	  .options = TABLE | CLI_OPT_OVERDUE | CLI_OPT_LEAD, .run = cmd_actions,
	  .args = CLI_COMPLETE_CSV,
	  .example = "tri-assess actions camden.csv --overdue\n"
		     "tri-assess actions camden.csv --lead \"Head of HR\" --csv" },
	{ .name = "dashboard", .usage = "FILE", .summary = "per category: levels, actions, RAG",
	  .options = TABLE, .run = cmd_dashboard, .args = CLI_COMPLETE_CSV,
	  .example = "tri-assess dashboard camden.csv" },
	{ .name = "progress", .usage = "FILE...",
	  .summary = "one organisation's assessments over time",
	  .options = TABLE, .run = cmd_progress, .args = CLI_COMPLETE_CSV,
	  .example = "tri-assess progress camden-2025.csv camden-2026.csv" },
	{ .name = "benchmark", .usage = "FILE...", .summary = "category scores across assessments",
	  .options = TABLE | CLI_OPT_HIGHLIGHT | CLI_OPT_NAMED | CLI_OPT_TYPE | CLI_OPT_ALL_FILES |
		     CLI_OPT_INCLUDE_INCOMPLETE,
	  .run = cmd_benchmark, .args = CLI_COMPLETE_CSV, .notes = benchmark_notes,
	  .example = "tri-assess benchmark team/*.csv\n"
		     "tri-assess benchmark --highlight \"London Borough of Camden\" team/*.csv" },
	{ .name = "report", .usage = "FILE -o REPORT.html|-",
	  .summary = "an HTML report for a leadership team",
	  .options = COMMON | CLI_OPT_COMPARE | CLI_OPT_MODERATE | CLI_OPT_OUTPUT | CLI_OPT_FORCE,
	  .run = cmd_report, .args = CLI_COMPLETE_CSV, .notes = report_notes,
	  .example = "tri-assess report camden.csv -o camden.html\n"
		     "tri-assess report camden.csv --compare peer-review.csv -o pairing.html" },
	{ .name = "help", .usage = "[COMMAND]", .summary = "a command's usage, options and examples",
	  .options = 0, .run = cmd_help, .args = CLI_COMPLETE_COMMAND,
	  .example = "tri-assess help plan" },
	{ 0 },
};

_Static_assert(sizeof cli_option_table / sizeof cli_option_table[0] <= CLI_MAX_OPTIONS + 1,
	       "an option is a bit of struct cli_options' given");
_Static_assert(sizeof cli_commands / sizeof cli_commands[0] <= CLI_MAX_COMMANDS + 1,
	       "the completion marks commands in arrays of CLI_MAX_COMMANDS");

const struct cli_command *cli_command_named(const char *name)
{
	for (const struct cli_command *c = cli_commands; c->run; c++)
		if (c->name && strcmp(c->name, name) == 0)
			return c;
	return NULL;
}

/* getopt_long's code for entry i of the option table (above any
 * character, so that no letter is taken for one). */
enum { OPTION_CODE = 0x100 };

/* The long options for getopt_long, from the table (each name and alias);
 * the short ones in shorts ("hVo:"). */
static void make_getopt_tables(struct option *longs, char *shorts)
{
	size_t n = 0, s = 0;
	shorts[s++] = ':';
	for (size_t i = 0; cli_option_table[i].name; i++) {
		const struct cli_option_spec *o = &cli_option_table[i];
		int has_arg = o->value ? required_argument : no_argument;
		longs[n++] = (struct option){ o->name, has_arg, NULL, OPTION_CODE + (int)i };
		if (o->alias)
			longs[n++] = (struct option){ o->alias, has_arg, NULL, OPTION_CODE + (int)i };
		if (o->letter) {
			shorts[s++] = o->letter;
			if (o->value)
				shorts[s++] = ':';
		}
	}
	longs[n] = (struct option){ 0 };
	shorts[s] = '\0';
}

/* The table's entry for getopt's code c (a long option's, or a letter). */
static const struct cli_option_spec *option_for(int c)
{
	for (size_t i = 0; cli_option_table[i].name; i++)
		if (c == OPTION_CODE + (int)i || (cli_option_table[i].letter &&
						  c == cli_option_table[i].letter))
			return &cli_option_table[i];
	return NULL;
}

/* Take one option (getopt_long's c) into opt.  Returns -1 to go on, or an
 * exit status having said what is wrong. */
static int take_option(struct cli_options *opt, int c, char **argv)
{
	const struct cli_option_spec *o = option_for(c);
	if (!o) {
		if (c == ':')
			return cli_usage_error("option '%s' needs a value", argv[optind - 1]);
		return cli_unknown_option(argv[optind - 1]);
	}
	opt->given |= o->bit;
	if (o->take) {
		int rc = o->take(opt, optarg);
		return rc ? rc : -1;
	}
	if (o->value)
		*(const char **)(void *)((char *)opt + o->field) = optarg;
	else
		*(bool *)(void *)((char *)opt + o->field) = true;
	return -1;
}

/* Read every option into opt; the arguments left are argv[optind..].
 * Returns -1, or an exit status (a usage error, said). */
static int parse_options(struct cli_options *opt, int argc, char **argv)
{
	struct option longs[2 * CLI_MAX_OPTIONS + 1]; /* each name and alias */
	char shorts[3 * CLI_MAX_OPTIONS + 2];         /* ':', then "o:" each */
	make_getopt_tables(longs, shorts);
	opterr = 0;
	int c;
	while ((c = getopt_long(argc, argv, shorts, longs, NULL)) != -1) {
		int rc = take_option(opt, c, argv);
		if (rc >= 0)
			return rc;
	}
	return -1;
}

int cmd_wizard(const struct cli_call *call)
{
	const struct cli_options *opt = call->opt;
	if (call->count > 1)
		return cli_usage_error("the wizard opens one FILE; got %d (a command's name first?)",
				       call->count);
	struct wizard_options wopt = { .plain = opt->plain, .bom = opt->bom,
				       .compare = opt->compare, .who = opt->who,
				       .moderate = opt->moderate, .follow = opt->follow };
	return wizard_main(call->fw, call->count ? call->files[0] : NULL, &wopt);
}

/* True if word may name the wizard's file: an existing file (of any kind:
 * the wizard says what is wrong with it), or a new one ending in .csv. */
static bool names_a_file(const char *word)
{
	struct stat st;
	size_t len = strlen(word);
	return lstat(word, &st) == 0 || (len > 4 && strcmp(word + len - 4, ".csv") == 0);
}

/* The command the arguments name (args[0] a command's name, or the
 * wizard's FILE, or none), or NULL having said why not. */
static const struct cli_command *command_of(char **args, int nargs)
{
	const struct cli_command *command = nargs > 0 ? cli_command_named(args[0]) : NULL;
	if (command)
		return command;
	if (nargs > 0 && !names_a_file(args[0])) {
		cli_unknown_command(args[0], true);
		return NULL;
	}
	return &cli_commands[0];
}

/* Run what the options and the command ask for, once both are known. */
static int run_command(const struct cli_command *command, const struct cli_options *opt,
		       char **args, int nargs)
{
	cli_set_command(command);
	if (opt->help)
		return cli_help_command(command);
	unsigned foreign = opt->given & ~command->options & ~(unsigned)CLI_OPT_GENERAL;
	for (size_t i = 0; foreign && cli_option_table[i].name; i++)
		if (foreign & cli_option_table[i].bit)
			return cli_usage_error("--%s does not apply to %s", cli_option_table[i].name,
					       cli_command_label(command));
	struct tri_error err;
	struct framework *fw = NULL;
	if (command->options & CLI_OPT_FRAMEWORK) {
		fw = opt->framework_dir ? framework_load_dir(opt->framework_dir, &err)
					: framework_load_embedded(&err);
		if (!fw) {
			cli_error("%s", err.message);
			return CLI_EXIT_BAD_INPUT;
		}
	}
	struct cli_call call = { fw, opt, args, nargs };
	if (command->name) {
		call.files = args + 1;
		call.count = nargs - 1;
	}
	int rc = command->run(&call);
	framework_destroy(fw);
	return rc;
}

int main(int argc, char **argv)
{
	struct cli_options opt = {0};
	int rc = parse_options(&opt, argc, argv);
	if (rc >= 0)
		return rc;
	if (opt.version) {
		printf("tri-assess %s (built-in Standard: CELC Tackling Racial Inequality "
		       "Standard, Version 14)\n", TRI_VERSION);
		return cli_written(0);
	}
	if (opt.bash_completion)
		return cli_completion_bash();
	char **args = argv + optind;
	int nargs = argc - optind;
	const struct cli_command *command = command_of(args, nargs);
	return command ? run_command(command, &opt, args, nargs) : CLI_EXIT_USAGE;
}
