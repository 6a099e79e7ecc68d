/* plan: what it takes to reach the next level, and the action plan.
 *
 * The gap analysis finds, for a category below its highest level, the
 * fewest steps that reach the next level's published range, where a step raises one
 * criterion to its next available cell.  The action plan lists each
 * criterion below its highest cell with a target (by default its next
 * cell) and the action, lead officer and timescale recorded for it. */
#ifndef PLAN_H
#define PLAN_H

#include <stdbool.h>
#include <stddef.h>

#include "assessment.h"
#include "framework.h"
#include "score.h"

/* The level above current that criterion has a cell for, or LEVEL_NONE
 * when current is already its highest. */
enum level plan_next_level(const struct framework_criterion *criterion, enum level current);

/* The level a criterion's plan aims at: its recorded target, else its
 * next level.  LEVEL_NONE when there is nowhere to go. */
enum level plan_target(const struct assessment *a, size_t criterion);

struct plan_raise {
	size_t criterion;
	enum level from, to; /* from may be LEVEL_UNANSWERED; to is a cell the row has */
	int gain;            /* points */
};

struct plan_gap {
	enum level next_level;   /* LEVEL_NONE at the highest level (Leading) */
	int points_needed;
	size_t step_count;       /* level changes in the cheapest way there */
	size_t raise_count;      /* criteria raised (<= step_count) */
	struct plan_raise raises[FRAMEWORK_MAX_CRITERIA]; /* one per row at most */
};

/* The cheapest way (fewest steps) for category c to
 * reach its next level from levels[].  Exact (dynamic programming over
 * steps), not greedy; time and memory grow with the rows and levels,
 * never with the points (a few milliseconds and at most 36 MB within the
 * framework's bounds).  Returns 0, or -1 when even every row at its top cannot reach
 * it, or memory runs out (gap->raise_count is then 0). */
int plan_gap(const struct framework *fw, const enum level *levels, size_t category,
	     struct plan_gap *gap);

/* An assessment's plan, worked out once: its scores, and for each category
 * assessed and below its highest level the fewest steps to the next.  The
 * model that `plan` and the report's gaps are written from. */
struct plan_sheet {
	const struct assessment *a;        /* borrowed */
	const struct score_sheet *scores;  /* borrowed: a's */
	struct plan_gap *gaps;      /* one per category; raise_count 0 where none */
	/* per category: the next level was planned (assessed, below its highest
	 * level) and plan_gap found a way there */
	bool *planned, *reachable;
};

/* Plan every category of a, whose scores are in scores (score_sheet_init
 * on a's levels).  a and scores must outlive p.  Returns 0, or -1 when out
 * of memory (p is then empty).  At most FRAMEWORK_MAX_CATEGORIES gaps of
 * some 24 KB each. */
int plan_sheet_init(struct plan_sheet *p, const struct assessment *a,
		    const struct score_sheet *scores);

/* Release what plan_sheet_init allocated.  Accepts an empty p. */
void plan_sheet_finish(struct plan_sheet *p);

#endif
