#include "plan.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "score.h"

enum level plan_next_level(const struct framework_criterion *c, enum level current)
{
	int from = current < LEVEL_NONE ? LEVEL_NONE : current;
	for (int l = from + 1; l <= LEVEL_LEADING; l++)
		if (c->cell[l])
			return (enum level)l;
	return LEVEL_NONE;
}

enum level plan_target(const struct assessment *a, size_t i)
{
	enum level target = a->answers[i].target;
	const struct framework_criterion *c = &a->framework->criteria[i];
	if (target > (a->levels[i] < 0 ? LEVEL_NONE : a->levels[i]) && c->cell[target])
		return target;
	return plan_next_level(c, a->levels[i]);
}

/* One criterion's options: raise it by k steps (k = 0 .. count), each
 * step to its next cell. */
struct option_chain {
	size_t criterion;
	enum level from;
	int count;
	enum level to[LEVEL_COUNT];
	int gain[LEVEL_COUNT]; /* cumulative points for k + 1 steps */
};

int plan_gap(const struct framework *fw, const enum level *levels, size_t category,
	     struct plan_gap *gap)
{
	const struct framework_category *cat = &fw->categories[category];
	struct score_result r;
	score_category(fw, levels, category, &r);
	memset(gap, 0, sizeof *gap);
	gap->next_level = r.next_level;
	gap->points_needed = r.points_to_next;
	if (r.next_level == LEVEL_NONE || r.points_to_next <= 0)
		return 0;

	size_t n = cat->criterion_count;
	struct option_chain *chains = calloc(n, sizeof *chains);
	int need = r.points_to_next;
	/* best[i][p]: fewest steps using chains i.. to gain at least p points
	 * (p capped at need); choice[i][p]: steps taken on chain i. */
	int *best = malloc((n + 1) * (size_t)(need + 1) * sizeof *best);
	int *choice = malloc((n + 1) * (size_t)(need + 1) * sizeof *choice);
	int rc = -1;
	if (!chains || !best || !choice)
		goto done;
	for (size_t i = 0; i < n; i++) {
		size_t crit = cat->first_criterion + i;
		struct option_chain *ch = &chains[i];
		ch->criterion = crit;
		ch->from = levels[crit]; /* as it is: may be LEVEL_UNANSWERED */
		enum level at = levels[crit] < LEVEL_NONE ? LEVEL_NONE : levels[crit];
		int base = framework_points(fw, at);
		for (enum level next; (next = plan_next_level(&fw->criteria[crit], at)) != LEVEL_NONE;
		     at = next) {
			ch->to[ch->count] = next;
			ch->gain[ch->count] = framework_points(fw, next) - base;
			ch->count++;
		}
	}
#define BEST(i, p) best[(i) * (size_t)(need + 1) + (size_t)(p)]
#define CHOICE(i, p) choice[(i) * (size_t)(need + 1) + (size_t)(p)]
	for (int p = 0; p <= need; p++)
		BEST(n, p) = p == 0 ? 0 : INT_MAX;
	for (size_t i = n; i-- > 0;) {
		for (int p = 0; p <= need; p++) {
			BEST(i, p) = BEST(i + 1, p);
			CHOICE(i, p) = 0;
			for (int k = 1; k <= chains[i].count; k++) {
				int rest = p - chains[i].gain[k - 1];
				if (rest < 0)
					rest = 0;
				if (BEST(i + 1, rest) == INT_MAX)
					continue;
				int steps = BEST(i + 1, rest) + k;
				if (steps < BEST(i, p)) {
					BEST(i, p) = steps;
					CHOICE(i, p) = k;
				}
			}
		}
	}
	if (BEST(0, need) == INT_MAX)
		goto done;
	gap->step_count = (size_t)BEST(0, need);
	for (size_t i = 0, p = (size_t)need; i < n; i++) {
		int k = CHOICE(i, p);
		if (k == 0)
			continue;
		if (gap->raise_count < sizeof gap->raises / sizeof gap->raises[0])
			gap->raises[gap->raise_count++] = (struct plan_raise){
				.criterion = chains[i].criterion, .from = chains[i].from,
				.to = chains[i].to[k - 1], .gain = chains[i].gain[k - 1] };
		int gained = chains[i].gain[k - 1];
		p = (int)p > gained ? p - (size_t)gained : 0;
	}
#undef BEST
#undef CHOICE
	rc = 0;
done:
	free(chains);
	free(best);
	free(choice);
	return rc;
}
