#include "report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "organisation.h"

char *report_title(const struct assessment *a)
{
	bool organisation = *a->organisation != '\0';
	const char *kind = strcmp(a->type, "peer") == 0 ? "peer review" : "self-assessment";
	size_t size = strlen(a->organisation) + strlen(kind) + strlen(a->date) + 16;
	char *title = malloc(size);
	if (!title)
		return NULL;
	snprintf(title, size, "%s%s%s%s%s", a->organisation, organisation ? " " : "", kind,
		 *a->date ? " of " : ", undated", a->date);
	if (!organisation) /* "Self-assessment", "Peer review": words, lower case a-z */
		title[0] = (char)(title[0] - 'a' + 'A');
	return title;
}

/* Whether b is a at another date: one organisation, both dated, the dates
 * apart, and not a self-assessment beside a peer review (moderation). */
static bool over_time(const struct assessment *a, const struct assessment *b)
{
	bool self_and_peer = (strcmp(a->type, "peer") == 0) != (strcmp(b->type, "peer") == 0);
	return *a->date && *b->date && strcmp(a->date, b->date) != 0 && !self_and_peer &&
	       organisation_same(a->organisation, b->organisation);
}

int report_content_init(struct report_content *r, const struct assessment *a,
			const struct assessment *b, enum comparison_kind kind,
			const struct actionlist *list, const char *today)
{
	*r = (struct report_content){ .a = a, .b = b, .list = list, .actions = list->count };
	r->title = report_title(a);
	if (!r->title || comparison_init(&r->scores, a, b, kind) != 0)
		goto fail;
	if (plan_sheet_init(&r->plan, a, &r->scores.sheet_a) != 0)
		goto fail;
	if (dashboard_init(&r->dashboard, a, list, today) != 0)
		goto fail;
	if (b && over_time(a, b)) {
		const struct assessment *both[2] = { a, b };
		const char *labels[2] = { r->scores.labels[0] ? r->scores.labels[0] : "",
					  r->scores.labels[1] ? r->scores.labels[1] : "" };
		struct tri_error err;
		if (progress_init(&r->progress, both, labels, 2, &err) != 0)
			goto fail;
	}
	const struct framework *fw = a->framework;
	enum level highest = framework_highest_level(fw);
	for (size_t i = 0; i < fw->criterion_count; i++) {
		r->strengths += a->levels[i] == highest;
		if (report_has_action(r, i))
			r->reached += report_action_target(a, i).reached;
		r->changes += *a->answers[i].history != '\0';
	}
	return 0;
fail:
	report_content_finish(r);
	*r = (struct report_content){ 0 };
	return -1;
}

void report_content_finish(struct report_content *r)
{
	progress_finish(&r->progress);
	if (r->dashboard.rows)
		dashboard_finish(&r->dashboard);
	plan_sheet_finish(&r->plan);
	comparison_finish(&r->scores);
	free(r->title);
	r->title = NULL;
}

bool report_has_action(const struct report_content *r, size_t criterion)
{
	return actionlist_of_criterion(r->list, criterion, NULL) > 0 ||
	       r->a->answers[criterion].target != LEVEL_UNANSWERED;
}

struct report_target report_action_target(const struct assessment *a, size_t criterion)
{
	enum level now = a->levels[criterion];
	enum level target = a->answers[criterion].target;
	if (target != LEVEL_UNANSWERED)
		return (struct report_target){ target, now != LEVEL_UNANSWERED && now >= target };
	enum level next = plan_next_level(&a->framework->criteria[criterion], now);
	if (next == LEVEL_NONE) /* at its highest cell */
		return (struct report_target){ now, true };
	return (struct report_target){ next, false };
}
