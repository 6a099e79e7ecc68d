/* What the commands share: printing for people, the output format, and
 * loading assessments. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "outputs.h"
#include "sanitize.h"

/* Write what format makes, in its visible form, to out. */
static void print_visible(FILE *out, const char *format, va_list args)
	__attribute__((format(printf, 2, 0)));

static void print_visible(FILE *out, const char *format, va_list args)
{
	char *shown = sanitize_vformat(format, args);
	if (!shown) {
		fputs("tri-assess: out of memory\n", stderr);
		return;
	}
	fputs(shown, out);
	free(shown);
}

void cli_print(const char *format, ...)
{
	va_list args;
	va_start(args, format);
	print_visible(stdout, format, args);
	va_end(args);
}

/* "tri-assess: " and the message in its visible form, then tail. */
static void message(const char *tail, const char *format, va_list args)
	__attribute__((format(printf, 2, 0)));

static void message(const char *tail, const char *format, va_list args)
{
	fputs("tri-assess: ", stderr);
	print_visible(stderr, format, args);
	fputs(tail, stderr);
}

void cli_error(const char *format, ...)
{
	va_list args;
	va_start(args, format);
	message("\n", format, args);
	va_end(args);
}

/* The command being run, for the hint under a usage error. */
static const struct cli_command *current_command;

void cli_set_command(const struct cli_command *command)
{
	current_command = command;
}

int cli_usage_error(const char *format, ...)
{
	/* the help of the command that went wrong; the global help before a
	 * command is known, for the wizard, and for help itself */
	const char *name = current_command ? current_command->name : NULL;
	bool own_help = name && strcmp(name, "help") != 0;
	char hint[96];
	snprintf(hint, sizeof hint, "\nTry 'tri-assess %s%s--help'.\n", own_help ? name : "",
		 own_help ? " " : "");
	va_list args;
	va_start(args, format);
	message(hint, format, args);
	va_end(args);
	return CLI_EXIT_USAGE;
}

const struct render_format *cli_output(const struct cli_options *opt, struct render_out *out)
{
	render_out_init(out, stdout, opt->bom);
	return opt->csv ? &render_csv : &render_text;
}

int cli_written(int rc)
{
	if (rc == 0 && fflush(stdout) == 0)
		return 0;
	cli_error("cannot write to standard output");
	return CLI_EXIT_BAD_INPUT;
}

void cli_say_notes(const struct spreadsheet_notes *notes)
{
	for (size_t i = 0; i < notes->count; i++)
		cli_error("%s: %s", notes->items[i].warning ? "warning" : "note",
			  notes->items[i].text);
}

void cli_say_read_notes(const struct assessment *a)
{
	cli_say_notes(&a->read_notes);
}

struct assessment **cli_load_all(const struct framework *fw, char **files, int count,
				 bool levels_only)
{
	// NOLINTNEXTLINE(bugprone-sizeof-expression): an array of pointers
	struct assessment **loaded = calloc((size_t)count, sizeof *loaded);
	if (!loaded) {
		cli_error("out of memory");
		return NULL;
	}
	bool ok = true;
	for (int i = 0; i < count; i++) {
		struct tri_error err;
		loaded[i] = levels_only ? assessment_load_levels(fw, files[i], &err)
				       : assessment_load(fw, files[i], &err);
		if (!loaded[i]) {
			cli_error("%s", err.message);
			ok = false;
		} else {
			cli_say_read_notes(loaded[i]);
		}
	}
	if (!ok) {
		cli_free_all(loaded, count);
		return NULL;
	}
	return loaded;
}

void cli_free_all(struct assessment **loaded, int count)
{
	for (int i = 0; loaded && i < count; i++)
		assessment_destroy(loaded[i]);
	free(loaded);
}

bool cli_pass_over_own(const char *path, const char *kind)
{
	if (kind)
		cli_error("passed over %s: %s written by tri-assess, not an assessment", path,
			  kind);
	return kind != NULL;
}

int cli_load_many(const struct framework *fw, char **files, int count,
		  struct assessment **loaded, const char **labels)
{
	int n = 0;
	bool ok = true;
	for (int i = 0; i < count; i++) {
		struct tri_error err;
		struct assessment *a = assessment_load_levels(fw, files[i], &err);
		if (a) {
			cli_say_read_notes(a);
			loaded[n] = a;
			labels[n++] = files[i];
		} else if (!cli_pass_over_own(files[i], outputs_file_kind(files[i]))) {
			cli_error("%s", err.message);
			ok = false;
		}
	}
	if (ok && n == 0)
		cli_error("no assessment among the %d file%s; expected at least one", count,
			  count == 1 ? "" : "s");
	if (!ok || n == 0) {
		for (int i = 0; i < n; i++)
			assessment_destroy(loaded[i]);
		return -1;
	}
	return n;
}

struct actionlist *cli_load_actions(struct assessment *a, const char *path)
{
	struct tri_error err;
	struct actionlist *list = actionlist_load_for(a, path, &err);
	if (!list)
		cli_error("%s", err.message);
	else
		cli_say_notes(&list->read_notes);
	return list;
}
