#include "plan.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "score.h"

enum level plan_next_level(const struct framework_criterion *c, enum level current)
{
	int from = current < LEVEL_NONE ? LEVEL_NONE : current;
	for (int l = from + 1; l <= LEVEL_HIGHEST; l++)
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
	enum level to[LEVEL_MAX_COUNT];
	int gain[LEVEL_MAX_COUNT]; /* cumulative points for k + 1 steps */
};

/* The fewest steps with which chains from i on gain at least points:
 * the first s where most[s] (the most points in at most s steps, never
 * falling as s grows) reaches it; INT_MAX when none does. */
static int fewest_steps(const int *most, int steps, int points)
{
	if (points <= 0)
		return 0;
	if (most[steps] < points)
		return INT_MAX;
	int lo = 0, hi = steps;
	while (lo < hi) {
		int mid = lo + (hi - lo) / 2;
		if (most[mid] >= points)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

/* Criterion crit's chain of steps up from its level as it is. */
static void chain_of(const struct framework *fw, const enum level *levels, size_t crit,
		     struct option_chain *ch)
{
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

/* Dynamic programming over steps (not points, which a framework may make
 * large): most(i, s) is the most points chains i.. gain in at most s
 * steps.  A category of n rows in a framework of L levels has at most
 * (L - 1)n steps, so the table is (n + 1) x ((L - 1)n + 1) whatever the
 * points: 36 MB at the framework bounds (1000 rows, 10 levels), 60 KB for
 * the Standard's largest category. */
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
	int *most = NULL, rc = -1, steps = 0;
	if (!chains)
		goto done;
	for (size_t i = 0; i < n; i++) {
		chain_of(fw, levels, cat->first_criterion + i, &chains[i]);
		steps += chains[i].count;
	}
	size_t width = (size_t)steps + 1;
	most = calloc((n + 1) * width, sizeof *most); /* row n: no chains, no points */
	if (!most)
		goto done;
#define MOST(i, s) most[(i) * width + (size_t)(s)]
	for (size_t i = n; i-- > 0;) {
		for (int s = 0; s <= steps; s++) {
			int best = MOST(i + 1, s);
			for (int k = 1; k <= chains[i].count && k <= s; k++)
				if (MOST(i + 1, s - k) + chains[i].gain[k - 1] > best)
					best = MOST(i + 1, s - k) + chains[i].gain[k - 1];
			MOST(i, s) = best;
		}
	}
	int need = r.points_to_next, total = fewest_steps(&MOST(0, 0), steps, need);
	if (total == INT_MAX)
		goto done;
	gap->step_count = (size_t)total;
	/* The way there: at each row, the fewest steps on it (none first)
	 * that still lets the rows after it finish in the fewest in all. */
	for (size_t i = 0; i < n && need > 0; i++) {
		int here = fewest_steps(&MOST(i, 0), steps, need);
		for (int k = 0; k <= chains[i].count; k++) {
			int gained = k ? chains[i].gain[k - 1] : 0;
			int rest = fewest_steps(&MOST(i + 1, 0), steps, need - gained);
			if (rest == INT_MAX || rest + k != here)
				continue;
			if (k)
				gap->raises[gap->raise_count++] = (struct plan_raise){
					.criterion = chains[i].criterion, .from = chains[i].from,
					.to = chains[i].to[k - 1], .gain = gained };
			need -= gained;
			break;
		}
	}
#undef MOST
	rc = 0;
done:
	free(chains);
	free(most);
	return rc;
}

int plan_sheet_init(struct plan_sheet *p, const struct assessment *a,
		    const struct score_sheet *scores)
{
	const struct framework *fw = a->framework;
	size_t n = fw->category_count;
	*p = (struct plan_sheet){ .a = a, .scores = scores };
	p->gaps = calloc(n + 1, sizeof *p->gaps);
	p->planned = calloc(n + 1, sizeof *p->planned);
	p->reachable = calloc(n + 1, sizeof *p->reachable);
	if (!p->gaps || !p->planned || !p->reachable)
		goto fail;
	for (size_t c = 0; c < n; c++) {
		const struct score_result *r = &scores->categories[c];
		p->planned[c] = r->state != SCORE_NOT_ASSESSED && r->next_level != LEVEL_NONE;
		if (p->planned[c])
			p->reachable[c] = plan_gap(fw, a->levels, c, &p->gaps[c]) == 0;
	}
	return 0;
fail:
	plan_sheet_finish(p);
	return -1;
}

void plan_sheet_finish(struct plan_sheet *p)
{
	free(p->gaps);
	free(p->planned);
	free(p->reachable);
	*p = (struct plan_sheet){ .a = p->a, .scores = p->scores };
}
