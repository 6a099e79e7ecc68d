/* report: what the report for a leadership team says, worked out once:
 * the assessment's scores (beside another's, when compared), its gaps to
 * each next level and its plan.  render/ writes it as a self-contained
 * HTML page; this is only its content. */
#ifndef REPORT_H
#define REPORT_H

#include "actionlist.h"
#include "assessment.h"
#include "comparison.h"
#include "dashboard.h"
#include "plan.h"
#include "progress.h"

struct report_content {
	const struct assessment *a, *b; /* borrowed; b may be NULL */
	const char *a_label, *b_label;  /* borrowed: their file names; b_label "" without b */
	struct comparison scores;       /* a's scores, and b's and where they differ */
	struct plan_sheet plan;         /* a's gaps to each next level */
	size_t strengths;               /* a's rows at the highest level */
	const struct actionlist *list;  /* borrowed: a's actions */
	size_t actions;                 /* list->count */
	size_t changes;                 /* a's rows with changes recorded */
	struct dashboard dashboard;     /* a's plan and its actions, as of today */
	/* a and b by date, when b is an assessment of a's organisation at
	 * another date (not a peer review of a self-assessment: moderation,
	 * rule 8); progress.count is 0 otherwise. */
	struct progress progress;
};

/* Work out the report on a (labelled a_label) and its actions (list),
 * compared with b (may be NULL), as of today (YYYY-MM-DD: what is
 * overdue).  Everything given must outlive r.  Returns 0, or -1 when out
 * of memory (r is then empty). */
int report_content_init(struct report_content *r, const struct assessment *a,
			const char *a_label, const struct assessment *b, const char *b_label,
			const struct actionlist *list, const char *today);

/* Release what report_content_init allocated.  Accepts an empty r. */
void report_content_finish(struct report_content *r);


#endif
