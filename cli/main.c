/* tri-assess: the command line.  Parses arguments, loads the framework,
 * runs one command, and turns core results and errors into output and an
 * exit status: 0 success, 1 bad input, 2 usage error. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "tri_config.h"
#include "wizard.h"

static const char usage_text[] =
"usage: tri-assess [OPTIONS] [FILE]              the wizard on FILE\n"
"       tri-assess criteria [--csv]               list the Standard's criteria\n"
"       tri-assess validate [--csv]               check the framework and its ranges\n"
"       tri-assess score FILE... [--csv]          score assessments by category\n"
"       tri-assess new FILE --organisation NAME [--type self|peer]\n"
"                         [--assessor NAME]... [--date YYYY-MM-DD]\n"
"       tri-assess compare A B [--csv]            two assessments side by side\n"
"       tri-assess plan FILE [--csv]              gaps to the next level; the action plan\n"
"       tri-assess benchmark FILE... [--csv] [--highlight ORGANISATION] [--named]\n"
"                         [--type self|peer] [--all-files] [--include-incomplete]\n"
"       tri-assess report FILE [--compare OTHER] -o REPORT.html|- [--force]\n"
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
	enum { OPT_FRAMEWORK = 256, OPT_CSV, OPT_PLAIN, OPT_ORG, OPT_TYPE, OPT_ASSESSOR, OPT_DATE,
	       OPT_HIGHLIGHT, OPT_NAMED, OPT_COMPARE, OPT_WHO, OPT_BOM, OPT_FORCE, OPT_ALL_FILES,
	       OPT_INCLUDE_INCOMPLETE };
	static const struct option longopts[] = {
		{ "framework", required_argument, NULL, OPT_FRAMEWORK },
		{ "csv", no_argument, NULL, OPT_CSV },
		{ "plain", no_argument, NULL, OPT_PLAIN },
		{ "organisation", required_argument, NULL, OPT_ORG },
		{ "organization", required_argument, NULL, OPT_ORG },
		{ "type", required_argument, NULL, OPT_TYPE },
		{ "assessor", required_argument, NULL, OPT_ASSESSOR },
		{ "date", required_argument, NULL, OPT_DATE },
		{ "highlight", required_argument, NULL, OPT_HIGHLIGHT },
		{ "named", no_argument, NULL, OPT_NAMED },
		{ "compare", required_argument, NULL, OPT_COMPARE },
		{ "who", required_argument, NULL, OPT_WHO },
		{ "bom", no_argument, NULL, OPT_BOM },
		{ "force", no_argument, NULL, OPT_FORCE },
		{ "all-files", no_argument, NULL, OPT_ALL_FILES },
		{ "include-incomplete", no_argument, NULL, OPT_INCLUDE_INCOMPLETE },
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ 0 },
	};
	struct cli_options opt = {0};
	opterr = 0;
	int c;
	while ((c = getopt_long(argc, argv, ":hVo:", longopts, NULL)) != -1) {
		switch (c) {
		case OPT_FRAMEWORK: opt.framework_dir = optarg; break;
		case OPT_CSV: opt.csv = true; break;
		case OPT_PLAIN: opt.plain = true; break;
		case OPT_ORG: opt.organisation = optarg; break;
		case OPT_TYPE: opt.type = optarg; break;
		case OPT_DATE: opt.date = optarg; break;
		case OPT_HIGHLIGHT: opt.highlight = optarg; break;
		case OPT_NAMED: opt.named = true; break;
		case OPT_COMPARE: opt.compare = optarg; break;
		case OPT_WHO: opt.who = optarg; break;
		case OPT_BOM: opt.bom = true; break;
		case OPT_FORCE: opt.force = true; break;
		case OPT_ALL_FILES: opt.all_files = true; break;
		case OPT_INCLUDE_INCOMPLETE: opt.include_incomplete = true; break;
		case 'o': opt.output = optarg; break;
		case OPT_ASSESSOR: {
			size_t used = strlen(opt.assessors);
			if (used + strlen(optarg) + 3 >= sizeof opt.assessors)
				return cli_usage_error("%s", "too many --assessor names");
			snprintf(opt.assessors + used, sizeof opt.assessors - used, "%s%s",
				 used ? "; " : "", optarg);
			break;
		}
		case 'h':
			fputs(usage_text, stdout);
			return 0;
		case 'V':
			printf("tri-assess %s (built-in Standard: CELC Tackling Racial "
			       "Inequality Standard, Version 14)\n", TRI_VERSION);
			return 0;
		case ':':
			return cli_usage_error("option '%s' needs a value", argv[optind - 1]);
		default:
			return cli_usage_error("unknown option '%s'", argv[optind - 1]);
		}
	}
	char **args = argv + optind;
	int nargs = argc - optind;
	const char *command = nargs > 0 ? args[0] : NULL;

	struct tri_error err;
	struct framework *fw = opt.framework_dir ? framework_load_dir(opt.framework_dir, &err)
						 : framework_load_embedded(&err);
	if (!fw) {
		cli_error("%s", err.message);
		return CLI_EXIT_BAD_INPUT;
	}
	static const struct {
		const char *name;
		int (*run)(const struct cli_call *call);
	} commands[] = {
		{ "criteria", cmd_criteria }, { "validate", cmd_validate }, { "score", cmd_score },
		{ "new", cmd_new }, { "compare", cmd_compare }, { "plan", cmd_plan },
		{ "benchmark", cmd_benchmark }, { "report", cmd_report },
	};
	struct cli_call call = { fw, &opt, args + 1, nargs - 1 };
	int rc = -1;
	for (size_t i = 0; command && i < sizeof commands / sizeof commands[0]; i++)
		if (strcmp(command, commands[i].name) == 0)
			rc = commands[i].run(&call);
	if (rc < 0) {
		call.files = args;
		call.count = nargs;
		rc = cmd_wizard(&call);
	}
	framework_destroy(fw);
	return rc;
}
