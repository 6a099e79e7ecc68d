#include "dashboard.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plan.h"

const char *dashboard_rag_name(enum dashboard_rag rag)
{
	static const char *const names[] = { "", "green", "amber", "red" };
	return rag <= DASHBOARD_RED ? names[rag] : "";
}

const char *dashboard_rag_word(enum dashboard_rag rag)
{
	static const char *const words[] = { "-", "Green", "Amber", "Red" };
	return rag <= DASHBOARD_RED ? words[rag] : "-";
}

const char *dashboard_counts(const struct dashboard_row *r, char *text, size_t size)
{
	static const char *const words[ACTIONLIST_STATUS_COUNT] = {
		"not started", "on track", "at risk", "off track", "done",
	};
	size_t used = 0;
	text[0] = '\0';
	for (int s = 0; s < ACTIONLIST_STATUS_COUNT && used < size; s++)
		if (r->by_status[s])
			used += (size_t)snprintf(text + used, size - used, "%s%zu %s",
						 used ? ", " : "", r->by_status[s], words[s]);
	if (!used)
		snprintf(text, size, "no actions");
	return text;
}

/* The level category c reaches when its planned rows reach their targets
 * (levels: a's, changed here). */
static enum level target_level(const struct dashboard *d, size_t c, enum level *levels)
{
	const struct assessment *a = d->a;
	const struct framework *fw = a->framework;
	const struct framework_category *cat = &fw->categories[c];
	for (size_t i = cat->first_criterion; i < cat->first_criterion + cat->criterion_count;
	     i++) {
		size_t first, n = actionlist_of_criterion(d->list, i, &first);
		bool open = false;
		for (size_t k = first; k < first + n; k++)
			open |= d->list->items[k].status != ACTIONLIST_DONE;
		enum level target = plan_target(a, i);
		bool planned = a->answers[i].target != LEVEL_UNANSWERED || open;
		if (planned && target != LEVEL_NONE &&
		    (levels[i] == LEVEL_UNANSWERED ||
		     framework_points(fw, target) > framework_points(fw, levels[i])))
			levels[i] = target;
	}
	struct score_result r;
	score_category(fw, levels, c, &r);
	return r.level;
}

static void rate(struct dashboard_row *row)
{
	size_t open = row->action_count - row->by_status[ACTIONLIST_DONE];
	if (open == 0)
		return;
	row->delivery = row->by_status[ACTIONLIST_OFF_TRACK] ? DASHBOARD_RED
			: row->by_status[ACTIONLIST_AT_RISK] ? DASHBOARD_AMBER : DASHBOARD_GREEN;
	row->schedule = row->overdue_count ? DASHBOARD_RED : DASHBOARD_GREEN;
	row->overall = row->delivery > row->schedule ? row->delivery : row->schedule;
}

/* Keep item among the row's latest updates (newest first; on one date,
 * the first met stays first). */
static void note_latest(const struct actionlist *list, struct dashboard_row *row, size_t item)
{
	const struct actionlist_update *u = actionlist_latest(&list->items[item]);
	if (!u)
		return;
	size_t at = row->latest_count;
	while (at > 0 && strcmp(actionlist_latest(&list->items[row->latest[at - 1]])->date,
				u->date) < 0)
		at--;
	if (at >= DASHBOARD_LATEST)
		return;
	size_t keep = row->latest_count < DASHBOARD_LATEST ? row->latest_count
							    : DASHBOARD_LATEST - 1;
	memmove(&row->latest[at + 1], &row->latest[at], (keep - at) * sizeof row->latest[0]);
	row->latest[at] = item;
	if (row->latest_count < DASHBOARD_LATEST)
		row->latest_count++;
}

static int fill_row(struct dashboard *d, size_t c, size_t *scratch)
{
	struct dashboard_row *row = &d->rows[c];
	row->category = c;
	row->now = &d->scores.categories[c];
	struct actionlist_filter all = { .category = (long)c, .today = d->today };
	size_t n = actionlist_select(d->list, &all, scratch);
	row->overdue = malloc((n ? n : 1) * sizeof *row->overdue);
	if (!row->overdue)
		return -1;
	for (size_t k = 0; k < n; k++) {
		const struct actionlist_item *item = &d->list->items[scratch[k]];
		row->by_status[item->status]++;
		row->action_count++;
		if (actionlist_overdue(item, d->today))
			row->overdue[row->overdue_count++] = scratch[k];
		note_latest(d->list, row, scratch[k]);
	}
	rate(row);
	return 0;
}

int dashboard_init(struct dashboard *d, const struct assessment *a,
		   const struct actionlist *list, const char *today)
{
	const struct framework *fw = a->framework;
	*d = (struct dashboard){ .a = a, .list = list };
	snprintf(d->today, sizeof d->today, "%s", today);
	size_t *scratch = malloc((list->count ? list->count : 1) * sizeof *scratch);
	enum level *levels = malloc(fw->criterion_count * sizeof *levels);
	d->rows = calloc(fw->category_count, sizeof *d->rows);
	if (!scratch || !levels || !d->rows || score_sheet_init(&d->scores, fw, a->levels) != 0)
		goto fail;
	for (size_t c = 0; c < fw->category_count; c++) {
		memcpy(levels, a->levels, fw->criterion_count * sizeof *levels);
		if (fill_row(d, c, scratch) != 0)
			goto fail;
		d->rows[c].target = target_level(d, c, levels);
	}
	free(scratch);
	free(levels);
	return 0;
fail:
	free(scratch);
	free(levels);
	dashboard_finish(d);
	return -1;
}

void dashboard_finish(struct dashboard *d)
{
	if (d->rows) {
		for (size_t c = 0; c < d->a->framework->category_count; c++)
			free(d->rows[c].overdue);
		free(d->rows);
	}
	score_sheet_finish(&d->scores);
	*d = (struct dashboard){0};
}
