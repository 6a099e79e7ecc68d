/* cli: the command line.  main.c parses the options and runs one command
 * from the table of commands (cli_commands); each command (cmd_*.c) loads
 * what it needs through the helpers (common.c), builds its model in the
 * core and hands it to a format of render/.  Commands call only the
 * helpers, never main.c or each other. */
#ifndef CLI_H
#define CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "assessment.h"
#include "framework.h"
#include "render.h"

enum { CLI_EXIT_BAD_INPUT = 1, CLI_EXIT_USAGE = 2 };

/* The options, by bit: which apply to a command (struct cli_command). */
enum cli_option {
	CLI_OPT_FRAMEWORK = 1u << 0,
	CLI_OPT_CSV = 1u << 1,
	CLI_OPT_PLAIN = 1u << 2,
	CLI_OPT_ORGANISATION = 1u << 3,
	CLI_OPT_TYPE = 1u << 4,
	CLI_OPT_ASSESSOR = 1u << 5,
	CLI_OPT_DATE = 1u << 6,
	CLI_OPT_HIGHLIGHT = 1u << 7,
	CLI_OPT_NAMED = 1u << 8,
	CLI_OPT_COMPARE = 1u << 9,
	CLI_OPT_WHO = 1u << 10,
	CLI_OPT_BOM = 1u << 11,
	CLI_OPT_FORCE = 1u << 12,
	CLI_OPT_ALL_FILES = 1u << 13,
	CLI_OPT_INCLUDE_INCOMPLETE = 1u << 14,
	CLI_OPT_OUTPUT = 1u << 15,
};

struct cli_options {
	const char *framework_dir;
	const char *organisation;
	const char *type;
	const char *date;
	const char *highlight;
	const char *output;
	const char *compare;
	const char *who;
	char assessors[1024];
	bool csv;
	bool plain;
	bool named;
	bool bom;
	bool force;    /* replace an existing output tri-assess did not write */
	bool all_files;          /* benchmark: every file, not one per organisation */
	bool include_incomplete; /* benchmark: count incomplete categories, marked */
	unsigned given;          /* the options given, by enum cli_option */
};

/* What a command is given: the framework loaded (borrowed), the options,
 * and the arguments after the command's name. */
struct cli_call {
	const struct framework *fw;
	const struct cli_options *opt;
	char **files;
	int count;
};

/* One command of the table. */
struct cli_command {
	const char *name;     /* "score"; NULL for the wizard (no command) */
	const char *usage;    /* after "tri-assess ": "score FILE... [--csv]"; a
				 newline where the line wraps */
	const char *summary;  /* one line, for --help */
	unsigned options;     /* the options that apply (enum cli_option bits) */
	int (*run)(const struct cli_call *call); /* an exit status */
};

/* The table, in --help's order, ending with an entry whose run is NULL;
 * the wizard's entry (name NULL) first. */
extern const struct cli_command cli_commands[];

/* The command called name, or NULL. */
const struct cli_command *cli_command_named(const char *name);

/* ---- Helpers every command shares (common.c) ---- */

/* Human output on standard output: format, then give the whole result its
 * visible form (sanitize.h), then write it.  Every line for people that is
 * not a render/ output goes through cli_print or cli_error, so nothing
 * from a file, an argument or the environment reaches a terminal raw; the
 * formats themselves hold only printable text, newline and tab. */
void cli_print(const char *format, ...) __attribute__((format(printf, 1, 2)));

/* "tri-assess: MESSAGE" and a newline on standard error, the same way. */
void cli_error(const char *format, ...) __attribute__((format(printf, 1, 2)));

/* Report a usage error on stderr (sanitised); returns CLI_EXIT_USAGE. */
int cli_usage_error(const char *format, ...) __attribute__((format(printf, 1, 2)));

/* The format the options ask for (text, or CSV with --csv), and out set up
 * on standard output (with --bom, CSV begins with a byte-order mark). */
const struct render_format *cli_output(const struct cli_options *opt, struct render_out *out);

/* 0, or CLI_EXIT_BAD_INPUT having said that standard output could not be
 * written (a writer's result, rc). */
int cli_written(int rc);

/* Say on standard error what loading repaired or doubts, one line each:
 * "tri-assess: note: a.csv:71: criterion_id ..." (a repair) or
 * "tri-assess: warning: a.csv:5: field "points" ..." (a doubt). */
void cli_say_notes(const struct spreadsheet_notes *notes);

/* cli_say_notes of what loading a repaired or doubts. */
void cli_say_read_notes(const struct assessment *a);

/* Load every file, or report every failure and return NULL: no partial
 * report from a bad set.  Free with cli_free_all. */
struct assessment **cli_load_all(const struct framework *fw, char **files, int count,
				 bool levels_only);
void cli_free_all(struct assessment **loaded, int count);

/* Load the assessments among files (levels only), passing over the tables
 * tri-assess writes itself, with a note; any other failure is reported
 * and fails the whole run.  Fills loaded[] and labels[] (count entries
 * each) and returns how many loaded, or -1 (nothing left loaded). */
int cli_load_many(const struct framework *fw, char **files, int count,
		  struct assessment **loaded, const char **labels);

/* For commands over many files: if path, which did not load as an
 * assessment, is a table tri-assess itself writes (outputs.h), say on
 * standard error that it is passed over and return true. */
bool cli_pass_over_own(const char *path, const char *kind);

/* ---- The commands (cmd_*.c) ---- */

int cmd_criteria(const struct cli_call *call);
int cmd_validate(const struct cli_call *call);
int cmd_score(const struct cli_call *call);
int cmd_new(const struct cli_call *call);
int cmd_compare(const struct cli_call *call);
int cmd_plan(const struct cli_call *call);
int cmd_benchmark(const struct cli_call *call);
int cmd_report(const struct cli_call *call);
int cmd_wizard(const struct cli_call *call);

#endif
