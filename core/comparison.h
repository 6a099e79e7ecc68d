/* comparison: two assessments of one framework side by side, worked out
 * once: each one's scores, and where their levels differ.  The model that
 * `compare` and the report's comparison are written from. */
#ifndef COMPARISON_H
#define COMPARISON_H

#include <stdbool.h>
#include <stddef.h>

#include "assessment.h"
#include "score.h"

struct comparison {
	const struct framework *fw;       /* borrowed */
	const struct assessment *a, *b;   /* borrowed; b may be NULL (nothing compared) */
	struct score_sheet sheet_a, sheet_b; /* sheet_b empty without b */
	size_t differ_count;              /* criteria at different levels */
};

/* Compare a with b (of the same framework; b may be NULL, for a's scores
 * alone).  The assessments must outlive c.  Returns 0, or -1 when out of
 * memory (c is then empty). */
int comparison_init(struct comparison *c, const struct assessment *a,
		    const struct assessment *b);

/* Release what comparison_init allocated.  Accepts an empty c. */
void comparison_finish(struct comparison *c);

/* True if the two give criterion different levels (never without b). */
bool comparison_criterion_differs(const struct comparison *c, size_t criterion);

/* True if the two give category different levels (never without b). */
bool comparison_category_differs(const struct comparison *c, size_t category);

#endif
