/* cli: what the command modules share. */
#ifndef CLI_H
#define CLI_H

#include <stdbool.h>
#include <stddef.h>

#include "assessment.h"
#include "framework.h"

enum { CLI_EXIT_BAD_INPUT = 1, CLI_EXIT_USAGE = 2 };

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
};

/* Report a usage error on stderr; returns CLI_EXIT_USAGE. */
int cli_usage_error(const char *format, ...) __attribute__((format(printf, 1, 2)));

/* One CSV record to standard output (the files' quoting). */
void cli_csv_row(const char *const *fields, size_t count);

/* Start CSV output: the byte-order mark when --bom was given. */
void cli_csv_begin(const struct cli_options *opt);

/* Load every file, or report every failure and return NULL: no partial
 * report from a bad set.  Free with cli_free_all. */
struct assessment **cli_load_all(const struct framework *fw, char **files, int count,
				 bool levels_only);
void cli_free_all(struct assessment **loaded, int count);

/* "Established" ... for people; "" for no level. */
const char *cli_level_title(enum level level);

int cmd_compare(const struct framework *fw, const struct cli_options *opt, char **files, int count);
int cmd_plan(const struct framework *fw, const struct cli_options *opt, char **files, int count);
int cmd_benchmark(const struct framework *fw, const struct cli_options *opt, char **files, int count);
int cmd_report(const struct framework *fw, const struct cli_options *opt, char **files, int count);

#endif
