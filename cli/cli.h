/* cli: what the command modules share. */
#ifndef CLI_H
#define CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

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
	bool all_files;          /* benchmark: every file, not one per organisation */
	bool include_incomplete; /* benchmark: count incomplete categories, marked */
};

/* Human output on standard output: format, then give the whole result its
 * visible form (sanitize.h), then write it.  Every line for people goes
 * through cli_print or cli_error, so nothing from a file, an argument or
 * the environment reaches a terminal raw; the formats themselves hold
 * only printable text, newline and tab. */
void cli_print(const char *format, ...) __attribute__((format(printf, 1, 2)));

/* "tri-assess: MESSAGE" and a newline on standard error, the same way. */
void cli_error(const char *format, ...) __attribute__((format(printf, 1, 2)));

/* Report a usage error on stderr (sanitised); returns CLI_EXIT_USAGE. */
int cli_usage_error(const char *format, ...) __attribute__((format(printf, 1, 2)));

/* One CSV record to standard output (the files' quoting): every field in
 * its visible form, and guarded against formulas unless its bit is set in
 * computed (CSVIO_COMPUTED(column): numbers the program computed). */
void cli_csv_row(const char *const *fields, size_t count, uint64_t computed);

/* Start CSV output: the byte-order mark when --bom was given. */
void cli_csv_begin(const struct cli_options *opt);

/* Say on standard error what loading a repaired or doubts, one line each:
 * "tri-assess: note: a.csv:71: criterion_id ..." (a repair) or
 * "tri-assess: warning: a.csv:5: field "points" ..." (a doubt). */
void cli_say_read_notes(const struct assessment *a);

/* The same lines as one text, each ending in a newline (for a worker
 * thread to keep until its turn); NULL when there is nothing to say or
 * memory ran out.  Print it with cli_say_lines. */
char *cli_read_notes_text(const struct assessment *a);
void cli_say_lines(const char *text);

/* Load every file, or report every failure and return NULL: no partial
 * report from a bad set.  Free with cli_free_all. */
struct assessment **cli_load_all(const struct framework *fw, char **files, int count,
				 bool levels_only);
void cli_free_all(struct assessment **loaded, int count);

/* For commands over many files: if path, which did not load as an
 * assessment, is a table tri-assess itself writes (outputs.h), say on
 * standard error that it is passed over and return true. */
bool cli_pass_over_own(const char *path);

int cmd_compare(const struct framework *fw, const struct cli_options *opt, char **files, int count);
int cmd_plan(const struct framework *fw, const struct cli_options *opt, char **files, int count);
int cmd_benchmark(const struct framework *fw, const struct cli_options *opt, char **files, int count);
int cmd_report(const struct framework *fw, const struct cli_options *opt, char **files, int count);

#endif
