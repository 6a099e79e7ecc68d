/* merge: bring together two versions of one assessment that both changed
 * since a common base (the wizard's answers and a change made to the file
 * outside it, in a spreadsheet or an editor).
 *
 * A criterion (its level, target, evidence, notes, plan, history and
 * resolution), the file's details (organisation, type, assessors, date)
 * and its moderation's details (moderators, date, status) count as one
 * unit each.  Units changed on one side only are taken from that side;
 * units changed on both sides to different values are conflicts. */
#ifndef MERGE_H
#define MERGE_H

#include <stdbool.h>
#include <stddef.h>

#include "assessment.h"

struct merge_report {
	size_t mine, theirs, conflicts;  /* units changed on each side; in both */
	/* the criterion ids of each ("1.1, 2a.3, ..."; "details" for the
	 * file's details, "moderation" for the moderation's), cut with "..."
	 * when long */
	char mine_ids[200], theirs_ids[200], conflict_ids[200];
};

/* True if criterion i's answer is the same in x and y (level, target,
 * resolution and every text). */
bool merge_same_answer(const struct assessment *x, const struct assessment *y, size_t i);

/* Merge mine's changes since base into theirs (all three of one
 * framework).  Fills *report.  Returns 0 when merged (theirs now holds
 * both sides), 1 when there are conflicts (theirs is left as it was), or
 * -1 with err filled (out of memory; theirs may be partly merged). */
int merge_into(struct assessment *theirs, const struct assessment *base,
	       const struct assessment *mine, struct merge_report *report,
	       struct tri_error *err);

#endif
