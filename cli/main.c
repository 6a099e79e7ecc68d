/* tri-assess: the command line.  Parses arguments, loads the framework,
 * runs one command of the table, and turns core results and errors into
 * output and an exit status: 0 success, 1 bad input, 2 usage error. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "tri_config.h"
#include "wizard.h"

/* Options every command takes. */
#define COMMON (CLI_OPT_FRAMEWORK)
#define TABLE (COMMON | CLI_OPT_CSV | CLI_OPT_BOM)

const struct cli_command cli_commands[] = {
	{ NULL, "[OPTIONS] [FILE]", "the wizard on FILE",
	  COMMON | CLI_OPT_PLAIN | CLI_OPT_COMPARE | CLI_OPT_WHO | CLI_OPT_BOM, cmd_wizard },
	{ "criteria", "criteria [--csv]", "list the Standard's criteria", TABLE, cmd_criteria },
	{ "validate", "validate [--csv]", "check the framework and its ranges", TABLE,
	  cmd_validate },
	{ "score", "score FILE... [--csv]", "score assessments by category", TABLE, cmd_score },
	{ "new", "new FILE --organisation NAME [--type self|peer]\n"
		 "[--assessor NAME]... [--date YYYY-MM-DD]", "a blank assessment",
	  COMMON | CLI_OPT_ORGANISATION | CLI_OPT_TYPE | CLI_OPT_ASSESSOR | CLI_OPT_DATE, cmd_new },
	{ "compare", "compare A B [--csv]", "two assessments side by side", TABLE, cmd_compare },
	{ "plan", "plan FILE [--csv]", "gaps to the next level; the action plan", TABLE, cmd_plan },
	{ "benchmark", "benchmark FILE... [--csv] [--highlight ORGANISATION] [--named]\n"
		       "[--type self|peer] [--all-files] [--include-incomplete]",
	  "category scores across assessments", TABLE | CLI_OPT_HIGHLIGHT | CLI_OPT_NAMED |
	  CLI_OPT_TYPE | CLI_OPT_ALL_FILES | CLI_OPT_INCLUDE_INCOMPLETE, cmd_benchmark },
	{ "report", "report FILE [--compare OTHER] -o REPORT.html|- [--force]",
	  "an HTML report for a leadership team",
	  COMMON | CLI_OPT_COMPARE | CLI_OPT_OUTPUT | CLI_OPT_FORCE, cmd_report },
	{ NULL, NULL, NULL, 0, NULL },
};

const struct cli_command *cli_command_named(const char *name)
{
	for (const struct cli_command *c = cli_commands; c->run; c++)
		if (c->name && strcmp(c->name, name) == 0)
			return c;
	return NULL;
}

static const char help_text[] =
"\n"
"Assess a London local authority against the CELC Tackling Racial\n"
"Inequality Standard (Version 14, London Councils, December 2022).\n"
"\n"
"options:\n"
"  --framework DIR    load the Standard from DIR's CSV files instead of the\n"
"                     built-in Version 14 (a revised Standard)\n"
"  --csv              CSV output for machines (a header row, then data)\n"
"  --plain            the wizard as numbered text prompts (also when TERM=dumb)\n"
"  --compare OTHER    in the wizard and report: show OTHER's levels beside these;\n"
"                     in the wizard, a adopts OTHER's level (recorded in history)\n"
"  --who NAME         who is making changes in a comparison (default: $USER)\n"
"  --bom              start CSV output with a UTF-8 byte-order mark; in the\n"
"                     wizard, give the assessment file one too (new files\n"
"                     have one; a file keeps what it has)\n"
"  --highlight ORG    benchmark: show where ORG stands\n"
"  --named            benchmark: name every organisation (default: anonymised)\n"
"  --type self|peer   benchmark: which assessments to count (default self; a file\n"
"                     without a type counts as a self-assessment)\n"
"  --all-files        benchmark: every file, not only each organisation's latest\n"
"  --include-incomplete  benchmark: count incomplete categories too, marked\n"
"  -o, --output FILE  report: the HTML file to write (- for standard output);\n"
"                     never an input file; a file that is not a tri-assess\n"
"                     report is replaced only with --force\n"
"  --force            report: replace an existing file tri-assess did not write\n"
"  --organisation, --type, --assessor, --date   details for 'new'\n"
"  -h, --help         this help\n"
"  -V, --version      the program's and the built-in Standard's versions\n"
"\n"
"Exit status: 0 success, 1 bad input, 2 usage error.  See tri-assess(1).\n";

/* The usage lines, one command each from the table (its summary beside it
 * where it fits), then the options. */
static void print_help(void)
{
	enum { SUMMARY_COLUMN = 49, CONTINUED = 25 }; /* bytes before the summary, a wrap */
	for (const struct cli_command *c = cli_commands; c->run; c++) {
		const char *wrap = strchr(c->usage, '\n');
		int len = wrap ? (int)(wrap - c->usage) : (int)strlen(c->usage);
		int used = printf("%s tri-assess %.*s", c == cli_commands ? "usage:" : "      ", len,
				  c->usage);
		if (!wrap && used < SUMMARY_COLUMN - 1)
			printf("%*s%s", SUMMARY_COLUMN - used, "", c->summary);
		printf("\n");
		for (; wrap; wrap = strchr(wrap + 1, '\n')) {
			const char *next = strchr(wrap + 1, '\n');
			len = next ? (int)(next - wrap - 1) : (int)strlen(wrap + 1);
			printf("%*s%.*s\n", CONTINUED, "", len, wrap + 1);
		}
	}
	fputs(help_text, stdout);
}

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

static const struct option longopts[] = {
	{ "framework", required_argument, NULL, CLI_OPT_FRAMEWORK },
	{ "csv", no_argument, NULL, CLI_OPT_CSV },
	{ "plain", no_argument, NULL, CLI_OPT_PLAIN },
	{ "organisation", required_argument, NULL, CLI_OPT_ORGANISATION },
	{ "organization", required_argument, NULL, CLI_OPT_ORGANISATION },
	{ "type", required_argument, NULL, CLI_OPT_TYPE },
	{ "assessor", required_argument, NULL, CLI_OPT_ASSESSOR },
	{ "date", required_argument, NULL, CLI_OPT_DATE },
	{ "highlight", required_argument, NULL, CLI_OPT_HIGHLIGHT },
	{ "named", no_argument, NULL, CLI_OPT_NAMED },
	{ "compare", required_argument, NULL, CLI_OPT_COMPARE },
	{ "who", required_argument, NULL, CLI_OPT_WHO },
	{ "bom", no_argument, NULL, CLI_OPT_BOM },
	{ "force", no_argument, NULL, CLI_OPT_FORCE },
	{ "all-files", no_argument, NULL, CLI_OPT_ALL_FILES },
	{ "include-incomplete", no_argument, NULL, CLI_OPT_INCLUDE_INCOMPLETE },
	{ "output", required_argument, NULL, CLI_OPT_OUTPUT },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ 0 },
};

/* Take one option (getopt_long's c) into opt.  Returns -1 to go on, or an
 * exit status. */
static int take_option(struct cli_options *opt, int c, char **argv)
{
	/* the options' codes are single bits (enum cli_option); getopt's own
	 * ('h', 'V', ':', '?') are not */
	if (c > 0 && (c & (c - 1)) == 0)
		opt->given |= (unsigned)c;
	switch (c) {
	case CLI_OPT_FRAMEWORK: opt->framework_dir = optarg; return -1;
	case CLI_OPT_CSV: opt->csv = true; return -1;
	case CLI_OPT_PLAIN: opt->plain = true; return -1;
	case CLI_OPT_ORGANISATION: opt->organisation = optarg; return -1;
	case CLI_OPT_TYPE: opt->type = optarg; return -1;
	case CLI_OPT_DATE: opt->date = optarg; return -1;
	case CLI_OPT_HIGHLIGHT: opt->highlight = optarg; return -1;
	case CLI_OPT_NAMED: opt->named = true; return -1;
	case CLI_OPT_COMPARE: opt->compare = optarg; return -1;
	case CLI_OPT_WHO: opt->who = optarg; return -1;
	case CLI_OPT_BOM: opt->bom = true; return -1;
	case CLI_OPT_FORCE: opt->force = true; return -1;
	case CLI_OPT_ALL_FILES: opt->all_files = true; return -1;
	case CLI_OPT_INCLUDE_INCOMPLETE: opt->include_incomplete = true; return -1;
	case CLI_OPT_OUTPUT: opt->output = optarg; return -1;
	case CLI_OPT_ASSESSOR: {
		int rc = add_assessor(opt, optarg);
		return rc ? rc : -1;
	}
	case 'h':
		print_help();
		return 0;
	case 'V':
		printf("tri-assess %s (built-in Standard: CELC Tackling Racial Inequality "
		       "Standard, Version 14)\n", TRI_VERSION);
		return 0;
	case ':':
		return cli_usage_error("option '%s' needs a value", argv[optind - 1]);
	default:
		return cli_usage_error("unknown option '%s'", argv[optind - 1]);
	}
}

int cmd_wizard(const struct cli_call *call)
{
	const struct cli_options *opt = call->opt;
	if (call->count > 1)
		return cli_usage_error("unknown command '%s'", call->files[0]);
	struct wizard_options wopt = { .plain = opt->plain, .bom = opt->bom,
				       .compare = opt->compare, .who = opt->who };
	return wizard_main(call->fw, call->count ? call->files[0] : NULL, &wopt);
}

int main(int argc, char **argv)
{
	struct cli_options opt = {0};
	opterr = 0;
	int c;
	while ((c = getopt_long(argc, argv, ":hVo:", longopts, NULL)) != -1) {
		int rc = take_option(&opt, c == 'o' ? CLI_OPT_OUTPUT : c, argv);
		if (rc >= 0)
			return rc;
	}
	char **args = argv + optind;
	int nargs = argc - optind;

	struct tri_error err;
	struct framework *fw = opt.framework_dir ? framework_load_dir(opt.framework_dir, &err)
						 : framework_load_embedded(&err);
	if (!fw) {
		cli_error("%s", err.message);
		return CLI_EXIT_BAD_INPUT;
	}
	/* a command's name first, or the wizard on the file named (or none) */
	const struct cli_command *command = nargs > 0 ? cli_command_named(args[0]) : NULL;
	struct cli_call call = { fw, &opt, args, nargs };
	if (command) {
		call.files = args + 1;
		call.count = nargs - 1;
	} else {
		command = &cli_commands[0];
	}
	int rc = command->run(&call);
	framework_destroy(fw);
	return rc;
}
