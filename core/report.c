#include "report.h"

#include <string.h>

#include "organisation.h"

/* Whether b is a at another date: one organisation, both dated, the dates
 * apart, and not a self-assessment beside a peer review (moderation). */
static bool over_time(const struct assessment *a, const struct assessment *b)
{
	bool self_and_peer = (strcmp(a->type, "peer") == 0) != (strcmp(b->type, "peer") == 0);
	return *a->date && *b->date && strcmp(a->date, b->date) != 0 && !self_and_peer &&
	       organisation_same(a->organisation, b->organisation);
}

int report_content_init(struct report_content *r, const struct assessment *a,
			const char *a_label, const struct assessment *b, const char *b_label,
			const struct actionlist *list, const char *today)
{
	*r = (struct report_content){ .a = a, .b = b, .a_label = a_label,
				      .b_label = b ? b_label : "", .list = list,
				      .actions = list->count };
	if (comparison_init(&r->scores, a, b) != 0)
		return -1;
	if (plan_sheet_init(&r->plan, a, &r->scores.sheet_a) != 0)
		goto fail;
	if (dashboard_init(&r->dashboard, a, list, today) != 0)
		goto fail;
	const struct assessment *both[2] = { a, b };
	const char *labels[2] = { a_label, b_label };
	struct tri_error err;
	if (b && over_time(a, b) && progress_init(&r->progress, both, labels, 2, &err) != 0)
		goto fail;
	const struct framework *fw = a->framework;
	enum level highest = framework_highest_level(fw);
	for (size_t i = 0; i < fw->criterion_count; i++) {
		r->strengths += a->levels[i] == highest;
		r->changes += *a->answers[i].history != '\0';
	}
	return 0;
fail:
	report_content_finish(r);
	return -1;
}

void report_content_finish(struct report_content *r)
{
	progress_finish(&r->progress);
	if (r->dashboard.rows)
		dashboard_finish(&r->dashboard);
	plan_sheet_finish(&r->plan);
	comparison_finish(&r->scores);
}
