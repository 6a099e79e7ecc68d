#include "merge.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

enum { TEXT_COUNT = 6 };

static const char *text_of(const struct assessment_answer *ans, int k)
{
	const char *texts[TEXT_COUNT] = { ans->evidence, ans->notes, ans->action,
					  ans->lead_officer, ans->timescale, ans->history };
	return texts[k];
}

static char **slot_of(struct assessment_answer *ans, int k)
{
	char **slots[TEXT_COUNT] = { &ans->evidence, &ans->notes, &ans->action,
				     &ans->lead_officer, &ans->timescale, &ans->history };
	return slots[k];
}

bool merge_same_answer(const struct assessment *x, const struct assessment *y, size_t i)
{
	if (x->levels[i] != y->levels[i] || x->answers[i].target != y->answers[i].target ||
	    x->answers[i].resolution != y->answers[i].resolution)
		return false;
	for (int k = 0; k < TEXT_COUNT; k++)
		if (strcmp(text_of(&x->answers[i], k), text_of(&y->answers[i], k)) != 0)
			return false;
	return true;
}

static bool same_details(const struct assessment *x, const struct assessment *y)
{
	return strcmp(x->organisation, y->organisation) == 0 && strcmp(x->type, y->type) == 0 &&
	       strcmp(x->assessors, y->assessors) == 0 && strcmp(x->date, y->date) == 0;
}

static bool same_moderation(const struct assessment *x, const struct assessment *y)
{
	const struct assessment_moderation *mx = &x->moderation, *my = &y->moderation;
	return strcmp(mx->moderators, my->moderators) == 0 && strcmp(mx->date, my->date) == 0 &&
	       mx->status == my->status;
}

static void note(char *list, size_t size, const char *id)
{
	size_t used = strlen(list);
	if (used + 4 >= size || strcmp(list + (used > 3 ? used - 3 : 0), "...") == 0)
		return;
	int n = snprintf(list + used, size - used, "%s%s", used ? ", " : "", id);
	if (n < 0 || (size_t)n >= size - used)
		snprintf(list + (used ? used : 0), size - used, "%s...", used ? ", " : "");
}

static int copy_answer(struct assessment *to, const struct assessment *from, size_t i,
		       struct tri_error *err)
{
	to->levels[i] = from->levels[i];
	to->answers[i].target = from->answers[i].target;
	to->answers[i].resolution = from->answers[i].resolution;
	for (int k = 0; k < TEXT_COUNT; k++)
		if (assessment_set_text(slot_of(&to->answers[i], k), text_of(&from->answers[i], k),
					err) != 0)
			return -1;
	return 0;
}

static int copy_details(struct assessment *to, const struct assessment *from,
			struct tri_error *err)
{
	return assessment_set_text(&to->organisation, from->organisation, err) != 0 ||
	       assessment_set_text(&to->type, from->type, err) != 0 ||
	       assessment_set_text(&to->assessors, from->assessors, err) != 0 ||
	       assessment_set_text(&to->date, from->date, err) != 0 ? -1 : 0;
}

static int copy_moderation(struct assessment *to, const struct assessment *from,
			   struct tri_error *err)
{
	to->moderation.status = from->moderation.status;
	return assessment_set_text(&to->moderation.moderators, from->moderation.moderators,
				   err) != 0 ||
	       assessment_set_text(&to->moderation.date, from->moderation.date, err) != 0 ? -1 : 0;
}

/* Classify one unit; returns true if mine changed it (and theirs agrees
 * or did not). */
static bool classify(struct merge_report *r, const char *id, bool mine_changed,
		     bool theirs_changed, bool sides_agree)
{
	if (mine_changed) {
		r->mine++;
		note(r->mine_ids, sizeof r->mine_ids, id);
	}
	if (theirs_changed) {
		r->theirs++;
		note(r->theirs_ids, sizeof r->theirs_ids, id);
	}
	if (mine_changed && theirs_changed && !sides_agree) {
		r->conflicts++;
		note(r->conflict_ids, sizeof r->conflict_ids, id);
	}
	return mine_changed && !theirs_changed;
}

int merge_into(struct assessment *theirs, const struct assessment *base,
	       const struct assessment *mine, struct merge_report *report,
	       struct tri_error *err)
{
	*report = (struct merge_report){0};
	const struct framework *fw = mine->framework;
	bool take_details = classify(report, "details", !same_details(base, mine),
				     !same_details(base, theirs), same_details(mine, theirs));
	bool take_moderation = classify(report, "moderation", !same_moderation(base, mine),
					!same_moderation(base, theirs),
					same_moderation(mine, theirs));
	for (size_t i = 0; i < fw->criterion_count; i++)
		classify(report, fw->criteria[i].id, !merge_same_answer(base, mine, i),
			 !merge_same_answer(base, theirs, i), merge_same_answer(mine, theirs, i));
	if (report->conflicts)
		return 1;
	if (take_details && copy_details(theirs, mine, err) != 0)
		return -1;
	if (take_moderation && copy_moderation(theirs, mine, err) != 0)
		return -1;
	for (size_t i = 0; i < fw->criterion_count; i++)
		if (!merge_same_answer(base, mine, i) && merge_same_answer(base, theirs, i) &&
		    copy_answer(theirs, mine, i, err) != 0)
			return -1;
	return 0;
}
