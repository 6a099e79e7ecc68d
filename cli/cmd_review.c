/* The commands for peer review: compare, report.  The
 * numbers come from core models (comparison, plan, report); render/
 * writes them. */
#include <string.h>

#include "cli.h"
#include "comparison.h"
#include "plan.h"
#include "report.h"

int cmd_compare(const struct cli_call *call)
{
	if (call->count != 2)
		return cli_usage_error("compare: expected two files, A and B");
	struct assessment **both = cli_load_all(call->fw, call->files, 2, false);
	if (!both)
		return CLI_EXIT_BAD_INPUT;
	struct comparison c;
	int rc = CLI_EXIT_BAD_INPUT;
	if (comparison_init(&c, both[0], both[1],
			    call->opt->moderate ? COMPARISON_MODERATE : COMPARISON_AUTO) != 0) {
		cli_error("out of memory");
	} else {
		struct render_comparison model = { { call->files[0], call->files[1] }, &c };
		struct render_out out;
		rc = cli_written(cli_output(call->opt, &out)->comparison(&out, &model));
		comparison_finish(&c);
	}
	cli_free_all(both, 2);
	return rc;
}

/* Where the report may go: refused onto an input, or onto a file that is
 * not a report without --force.  Returns 0 with *verdict, or an exit code. */
static int check_output(const struct cli_options *opt, char **files,
			enum outfile_verdict *verdict)
{
	const char *inputs[] = { files[0], opt->compare };
	struct tri_error err;
	*verdict = outfile_check(opt->output, &render_report_signature, inputs, 2, &err);
	if (*verdict == OUTFILE_REFUSED) {
		cli_error("report: %s", err.message);
		return CLI_EXIT_BAD_INPUT;
	}
	if (*verdict == OUTFILE_OTHER && !opt->force) {
		cli_error("report: %s; not replaced (--force replaces it)", err.message);
		return CLI_EXIT_BAD_INPUT;
	}
	return 0;
}

static int write_report(struct render_out *out, const void *model)
{
	return render_html.report(out, model);
}

/* Write the report on loaded[0] (compared with loaded[1], if given) to
 * standard output or, as the verdict allows, to the file. */
static int report_to(const struct cli_call *call, struct assessment **loaded,
		     enum outfile_verdict verdict)
{
	const struct cli_options *opt = call->opt;
	const struct assessment *b = opt->compare ? loaded[1] : NULL;
	struct report_content content;
	char today[11];
	actionlist_today(today);
	struct actionlist *list = cli_load_actions(loaded[0], call->files[0]);
	if (!list)
		return CLI_EXIT_BAD_INPUT;
	if (report_content_init(&content, loaded[0], b,
				call->opt->moderate ? COMPARISON_MODERATE : COMPARISON_AUTO, list,
				today) != 0) {
		cli_error("out of memory");
		actionlist_destroy(list);
		return CLI_EXIT_BAD_INPUT;
	}
	int rc = 0;
	struct tri_error err;
	if (strcmp(opt->output, "-") == 0) {
		struct render_out out;
		render_out_init(&out, stdout, false);
		if (write_report(&out, &content) != 0 || fflush(stdout) != 0) {
			cli_error("report: cannot write to standard output");
			rc = CLI_EXIT_BAD_INPUT;
		}
	} else if (render_save(opt->output, verdict, write_report, &content, false, &err) != 0) {
		cli_error("%s", err.message);
		rc = CLI_EXIT_BAD_INPUT;
	} else {
		cli_print("Wrote %s\n", opt->output);
	}
	report_content_finish(&content);
	actionlist_destroy(list);
	return rc;
}

int cmd_report(const struct cli_call *call)
{
	const struct cli_options *opt = call->opt;
	if (call->count != 1)
		return cli_usage_error("report: expected one FILE");
	if (!opt->output)
		return cli_usage_error("report: expected -o REPORT.html (or -o - for standard "
				       "output)");
	enum outfile_verdict verdict = OUTFILE_NEW;
	int rc = strcmp(opt->output, "-") == 0 ? 0 : check_output(opt, call->files, &verdict);
	if (rc != 0)
		return rc;
	char *names[2] = { call->files[0], (char *)opt->compare };
	int count = opt->compare ? 2 : 1;
	struct assessment **loaded = cli_load_all(call->fw, names, count, false);
	if (!loaded)
		return CLI_EXIT_BAD_INPUT;
	rc = report_to(call, loaded, verdict);
	cli_free_all(loaded, count);
	return rc;
}
