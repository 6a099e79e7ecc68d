/* report: what the report for a leadership team says, worked out once:
 * who each side is (named from its metadata, never its file's path), the
 * assessment's scores (beside another's, when compared, with the
 * moderation between them), its gaps to each next level and its plan.
 * render/ writes it as a self-contained HTML page; this is only its
 * content. */
#ifndef REPORT_H
#define REPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "actionlist.h"
#include "assessment.h"
#include "comparison.h"
#include "dashboard.h"
#include "plan.h"
#include "progress.h"

/* "London Borough of Camden self-assessment of 2026-11-23": a's title
 * from its metadata; without an organisation, what it is ("Self-assessment
 * of 2026-11-23", "Peer review, undated").  A file giving no type is a
 * self-assessment.  The organisation is as the file has it (not yet in its
 * visible form).  Returns a new string the caller frees, or NULL when out
 * of memory. */
char *report_title(const struct assessment *a);

/* Where row criterion's plan stands: the level it aims at (its recorded
 * target, else its next cell; the row's own level at its highest cell)
 * and whether the row has already reached it. */
struct report_target {
	enum level level;
	bool reached;
};

struct report_content {
	const struct assessment *a, *b; /* borrowed; b may be NULL */
	/* Owned: a's title (report_title), the page's heading.  In a
	 * comparison each side's name and label are scores.names and
	 * scores.labels (words_side), one naming for every front end. */
	char *title;
	struct comparison scores;       /* a's scores, and b's, where they differ, the moderation */
	struct plan_sheet plan;         /* a's gaps to each next level */
	size_t strengths;               /* a's rows at the highest level */
	const struct actionlist *list;  /* borrowed: a's actions (its actions file) */
	size_t actions;                 /* list->count */
	size_t reached;                 /* a's rows with a plan (report_has_action) at their target */
	size_t changes;                 /* a's rows with changes recorded */
	struct dashboard dashboard;     /* a's plan and its actions, as of today */
	/* a and b by date, when b is an assessment of a's organisation at
	 * another date (not a peer review of a self-assessment: moderation,
	 * rule 8); progress.count is 0 otherwise. */
	struct progress progress;
};

/* Work out the report on a and its actions (list), compared with b (may
 * be NULL; a moderation when kind or the files say so, comparison.h), as of today
 * (YYYY-MM-DD: what is overdue).  Everything given must outlive r.
 * Returns 0, or -1 when out of memory (r is then empty). */
int report_content_init(struct report_content *r, const struct assessment *a,
			const struct assessment *b, enum comparison_kind kind,
			const struct actionlist *list, const char *today);

/* Release what report_content_init allocated.  Accepts an empty r. */
void report_content_finish(struct report_content *r);

/* True if row criterion of a has a plan: an action in the actions file
 * or a target level recorded, whatever its level now (a target reached
 * is counted, and said to be reached). */
bool report_has_action(const struct report_content *r, size_t criterion);

/* Where row criterion of a stands against its plan. */
struct report_target report_action_target(const struct assessment *a, size_t criterion);

#endif
