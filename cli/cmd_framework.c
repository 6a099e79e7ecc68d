/* The commands on the framework itself: criteria, validate. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "score.h"
#include "words.h"

int cmd_criteria(const struct cli_call *call)
{
	if (call->count != 0)
		return cli_usage_error("%s", "criteria takes no FILE");
	struct render_out out;
	const struct render_format *format = cli_output(call->opt, &out);
	return cli_written(format->criteria(&out, call->fw));
}

int cmd_about(const struct cli_call *call)
{
	if (call->count != 0)
		return cli_usage_error("%s", "about takes no FILE");
	struct about_page page;
	struct tri_error err;
	if (about_page_init(&page, call->fw, &err) != 0) {
		about_page_finish(&page);
		cli_error("%s", err.message);
		return CLI_EXIT_BAD_INPUT;
	}
	struct render_out out;
	render_out_init(&out, stdout, false);
	int rc = cli_written(render_text.about(&out, &page));
	about_page_finish(&page);
	return rc;
}

/* "developing only", "established/leading": the cells a row has.  Returns
 * how many. */
static size_t row_cells(const struct framework *fw, const struct framework_criterion *crit,
			char *out, size_t size)
{
	size_t used = 0, cells = 0;
	out[0] = '\0';
	for (size_t l = 1; l < fw->level_count && used < size; l++)
		if (crit->cell[l])
			used += (size_t)snprintf(out + used, size - used, "%s%s", cells++ ? "/" : "",
						 fw->levels[l].name);
	if (cells == 1 && used < size)
		snprintf(out + used, size - used, " only");
	return cells;
}

/* "37 (Established; Developing as one row) or 60 (Leading; Established as
 * one row)": where each level above the lowest starts, the totals at which
 * reading the pair as one row gives the level below.  Returns how many. */
static size_t merge_totals(const struct framework *fw, const struct framework_range *pub,
			   int extra, char *out, size_t size)
{
	size_t used = 0, listed = 0;
	out[0] = '\0';
	for (size_t l = 2; l < fw->level_count && used < size; l++, listed++) {
		int from = pub[l].from, to = pub[l].from + extra - 1;
		char span[32];
		snprintf(span, sizeof span, from == to ? "%d" : "%d-%d", from, to);
		used += (size_t)snprintf(out + used, size - used, "%s%s (%s; %s as one row)",
					 !listed ? "" : l + 1 == fw->level_count ? " or " : ", ", span,
					 words_level(fw, (enum level)l),
					 words_level(fw, (enum level)(l - 1)));
	}
	return listed;
}

/* The D1 caveat (docs/standard-notes.md): where two neighbouring rows read
 * as one would reproduce a category's published ranges, say so, say which
 * totals that reading would give another level, and whose question it is. */
static void warn_merges(const struct framework *fw, size_t c)
{
	struct score_merge merges[4];
	size_t count = score_find_merges(fw, c, merges, 4);
	const struct framework_category *cat = &fw->categories[c];
	const struct framework_range *pub = cat->published;
	for (size_t m = 0; m < count && m < 4; m++) {
		const struct framework_criterion *a = &fw->criteria[merges[m].first];
		const struct framework_criterion *b = a + 1;
		char cells_a[512], cells_b[512], tops[256] = "", totals[1024];
		size_t in_a = row_cells(fw, a, cells_a, sizeof cells_a);
		size_t in_b = row_cells(fw, b, cells_b, sizeof cells_b);
		bool single = in_a == 1 && in_b == 1;
		for (size_t l = 1, used = 0; l < fw->level_count && used < sizeof tops; l++)
			used += (size_t)snprintf(tops + used, sizeof tops - used, "%s%d",
						 l > 1 ? " / " : "", pub[l].to);
		size_t listed = merge_totals(fw, pub, merges[m].extra, totals, sizeof totals);
		cli_error("warning: category %s: read as one row, %s (%s) and "
			  "%s (%s) would give the published %s exactly; the source "
			  "prints two rows, and tri-assess scores two (a question for %s: see "
			  "docs/standard-notes.md, D1)", cat->id, a->id, cells_a, b->id, cells_b,
			  tops, *fw->publisher ? fw->publisher : "the Standard's publisher");
		cli_error("warning: category %s: as two rows, an assessment "
			  "answering both at a cell scores %s%d point%s more; %s%s", cat->id,
			  single ? "" : "up to ", merges[m].extra, merges[m].extra == 1 ? "" : "s",
			  listed ? "its level differs from the one-row reading only at a total of "
			  : "its level is the one-row reading's at every total", totals);
	}
}

int cmd_validate(const struct cli_call *call)
{
	if (call->count != 0)
		return cli_usage_error("%s", "validate takes no FILE");
	const struct framework *fw = call->fw;
	struct score_validation v;
	if (score_validation_init(&v, fw) != 0) {
		cli_error("out of memory");
		return CLI_EXIT_BAD_INPUT;
	}
	struct render_out out;
	const struct render_format *format = cli_output(call->opt, &out);
	int rc = cli_written(format->validation(&out, fw, &v));
	for (size_t i = 0; i < v.finding_count; i++) {
		cli_error("warning: category %s: %s", fw->categories[v.findings[i].category].id,
			  v.findings[i].message);
		if (i + 1 == v.finding_count || v.findings[i + 1].category != v.findings[i].category)
			warn_merges(fw, v.findings[i].category);
	}
	score_validation_finish(&v);
	return rc;
}
