/* report: what the report for a leadership team says, worked out once:
 * the assessment's scores (beside another's, when compared), its gaps to
 * each next level and its plan.  render/ writes it as a self-contained
 * HTML page; this is only its content. */
#ifndef REPORT_H
#define REPORT_H

#include "assessment.h"
#include "comparison.h"
#include "plan.h"

struct report_content {
	const struct assessment *a, *b; /* borrowed; b may be NULL */
	const char *a_label, *b_label;  /* borrowed: their file names; b_label "" without b */
	struct comparison scores;       /* a's scores, and b's and where they differ */
	struct plan_sheet plan;         /* a's gaps to each next level */
	size_t strengths;               /* a's rows at the highest level */
	size_t actions;                 /* a's rows with an action, lead or timescale to reach */
	size_t changes;                 /* a's rows with changes recorded */
};

/* Work out the report on a (labelled a_label), compared with b (may be
 * NULL).  Everything given must outlive r.  Returns 0, or -1 when out of
 * memory (r is then empty). */
int report_content_init(struct report_content *r, const struct assessment *a,
			const char *a_label, const struct assessment *b, const char *b_label);

/* Release what report_content_init allocated.  Accepts an empty r. */
void report_content_finish(struct report_content *r);

/* True if row i of a appears in the report's action plan: it has an
 * action, lead officer or timescale, and a level still to reach. */
bool report_has_action(const struct report_content *r, size_t criterion);

#endif
