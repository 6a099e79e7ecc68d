/* The commands on one organisation's assessments: score, new. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "cli.h"

/* Score every loaded assessment (sheets[i] for loaded[i]) and render them. */
static int render_scores(const struct cli_call *call, struct assessment **loaded,
			 const char **labels, int n)
{
	struct render_scores *each = calloc((size_t)n, sizeof *each);
	struct score_sheet *sheets = calloc((size_t)n, sizeof *sheets);
	struct render_out out;
	int made = 0, rc = CLI_EXIT_BAD_INPUT;
	if (!each || !sheets)
		goto oom;
	for (; made < n; made++) {
		if (score_sheet_init(&sheets[made], call->fw, loaded[made]->levels) != 0)
			goto oom;
		each[made] = (struct render_scores){ labels[made], loaded[made], &sheets[made] };
	}
	rc = cli_written(cli_output(call->opt, &out)->scores(&out, call->fw, each, (size_t)n));
	goto done;
oom:
	cli_error("out of memory");
done:
	for (int i = 0; sheets && i < made; i++)
		score_sheet_finish(&sheets[i]);
	free(sheets);
	free(each);
	return rc;
}

int cmd_score(const struct cli_call *call)
{
	if (call->count == 0)
		return cli_usage_error("%s", "score: expected at least one FILE");
	/* Load everything first: a bad file means no partial report. */
	size_t n_files = (size_t)call->count;
	// NOLINTNEXTLINE(bugprone-sizeof-expression): an array of pointers
	struct assessment **loaded = calloc(n_files, sizeof *loaded);
	// NOLINTNEXTLINE(bugprone-sizeof-expression)
	const char **labels = calloc(n_files, sizeof *labels);
	int rc = CLI_EXIT_BAD_INPUT, n = -1;
	if (!loaded || !labels)
		cli_error("out of memory");
	else if ((n = cli_load_many(call->fw, call->files, call->count, loaded, labels)) >= 0)
		rc = render_scores(call, loaded, labels, n);
	for (int i = 0; i < n; i++)
		assessment_destroy(loaded[i]);
	free(loaded);
	free(labels);
	return rc;
}

int cmd_new(const struct cli_call *call)
{
	const struct cli_options *opt = call->opt;
	const struct framework *fw = call->fw;
	if (call->count != 1)
		return cli_usage_error("%s", "new: expected exactly one FILE");
	if (!opt->organisation || !*opt->organisation)
		return cli_usage_error("%s", "new: expected --organisation NAME");
	const char *type = opt->type ? opt->type : "self";
	if (!*type || !assessment_type_valid(type))
		return cli_usage_error("new: --type is '%s'; expected self or peer", type);
	char today[16];
	const char *date = opt->date;
	if (!date) {
		time_t now = time(NULL);
		struct tm tm;
		strftime(today, sizeof today, "%Y-%m-%d", localtime_r(&now, &tm));
		date = today;
	}
	if (!assessment_date_valid(date))
		return cli_usage_error("new: --date is '%s'; expected YYYY-MM-DD", date);
	struct tri_error err;
	struct assessment *a = assessment_create(fw);
	int rc = CLI_EXIT_BAD_INPUT;
	if (!a) {
		cli_error("out of memory");
		return rc;
	}
	const char *path = call->files[0];
	a->bom = true; /* so that Excel reads its text as UTF-8 (docs/file-formats.md) */
	if (assessment_set_text(&a->organisation, opt->organisation, &err) != 0 ||
	    assessment_set_text(&a->type, type, &err) != 0 ||
	    assessment_set_text(&a->assessors, opt->assessors, &err) != 0 ||
	    assessment_set_text(&a->date, date, &err) != 0 ||
	    assessment_save(a, path, true, &err) != 0) {
		cli_error("%s", err.message);
	} else {
		cli_print("Created %s: a blank %s-assessment of %s against %s version %s "
			  "(%zu criteria).\nNext: tri-assess %s\n", path, type, opt->organisation,
			  fw->title, fw->version, fw->criterion_count, path);
		rc = 0;
	}
	assessment_destroy(a);
	return rc;
}
