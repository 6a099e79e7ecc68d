/* progress: one organisation's assessments at different dates, side by
 * side: per category the score and level at each date and the change, per
 * criterion what moved up or down.  The model `progress` is written from. */
#ifndef PROGRESS_H
#define PROGRESS_H

#include <stdbool.h>
#include <stddef.h>

#include "assessment.h"
#include "score.h"
#include "tri_error.h"

struct progress_point {
	const struct assessment *a;  /* borrowed */
	const char *label;           /* borrowed: its file name */
	struct score_sheet scores;
};

struct progress {
	const struct framework *fw;     /* borrowed */
	struct progress_point *points;  /* count, by date (ties: in the order given) */
	size_t count;
	/* Per criterion: its level is not the same at every date. */
	bool *moved;
	size_t moved_count;
};

/* Order the assessments (count of them, labels their file names) by date
 * and score each.  Every one must have a date and name the same
 * organisation as the first (organisation_same).  The assessments and
 * labels must outlive p.  Returns 0, or -1 with err filled ("b.csv: no
 * date; ...", "b.csv is of Camden, a.csv of Brent; ...", out of memory);
 * p is then empty. */
int progress_init(struct progress *p, const struct assessment *const *assessments,
		  const char *const *labels, size_t count, struct tri_error *err);

/* Release what progress_init allocated.  Accepts an empty p. */
void progress_finish(struct progress *p);

/* The change in points of criterion i from point k - 1 to point k (k >= 1);
 * an unanswered row counts 0. */
int progress_criterion_change(const struct progress *p, size_t k, size_t criterion);

#endif
