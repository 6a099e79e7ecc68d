#include "progress.h"

#include <stdlib.h>
#include <string.h>

#include "organisation.h"

static int check(const struct assessment *const *as, const char *const *labels, size_t count,
		 struct tri_error *err)
{
	for (size_t i = 0; i < count; i++) {
		if (!*as[i]->date) {
			tri_error_set(err, "%s: no date; expected each assessment's date (its "
				      "\"date\" column, YYYY-MM-DD): progress puts them in date order",
				      labels[i]);
			return -1;
		}
		if (i > 0 && !organisation_same(as[i]->organisation, as[0]->organisation)) {
			tri_error_set(err, "%s is of \"%.100s\", %s of \"%.100s\"; expected "
				      "assessments of one organisation", labels[i],
				      as[i]->organisation, labels[0], as[0]->organisation);
			return -1;
		}
	}
	return 0;
}

int progress_init(struct progress *p, const struct assessment *const *as,
		  const char *const *labels, size_t count, struct tri_error *err)
{
	*p = (struct progress){0};
	if (count == 0 || check(as, labels, count, err) != 0)
		return -1;
	const struct framework *fw = as[0]->framework;
	p->fw = fw;
	p->points = calloc(count, sizeof *p->points);
	p->moved = calloc(fw->criterion_count, sizeof *p->moved);
	if (!p->points || !p->moved)
		goto oom;
	/* insertion by date: stable, and a handful of files */
	for (size_t i = 0; i < count; i++) {
		size_t at = p->count;
		while (at > 0 && p->points[at - 1].a &&
		       strcmp(p->points[at - 1].a->date, as[i]->date) > 0)
			at--;
		memmove(&p->points[at + 1], &p->points[at], (p->count - at) * sizeof *p->points);
		p->points[at] = (struct progress_point){ .a = as[i], .label = labels[i] };
		p->count++;
	}
	for (size_t k = 0; k < p->count; k++)
		if (score_sheet_init(&p->points[k].scores, fw, p->points[k].a->levels) != 0)
			goto oom;
	for (size_t i = 0; i < fw->criterion_count; i++) {
		for (size_t k = 1; k < p->count && !p->moved[i]; k++)
			p->moved[i] = p->points[k].a->levels[i] != p->points[0].a->levels[i];
		p->moved_count += p->moved[i];
	}
	return 0;
oom:
	tri_error_set(err, "out of memory");
	progress_finish(p);
	return -1;
}

void progress_finish(struct progress *p)
{
	for (size_t k = 0; p->points && k < p->count; k++)
		score_sheet_finish(&p->points[k].scores);
	free(p->points);
	free(p->moved);
	*p = (struct progress){0};
}

int progress_criterion_change(const struct progress *p, size_t k, size_t criterion)
{
	return framework_points(p->fw, p->points[k].a->levels[criterion]) -
	       framework_points(p->fw, p->points[k - 1].a->levels[criterion]);
}
