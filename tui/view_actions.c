/* The actions screen (A): every action of the assessment, sorted by due
 * date, filtered by category, status, lead or overdue; and the dashboard
 * (d): per category the level now, the target, RAG ratings with words,
 * actions by status, overdue actions named, the latest progress.  Both
 * are browsing screens (the global keys act on them); the numbers come
 * from core models (actionlist_select, dashboard). */
#include "tui.h"
#include "words.h"

#include <stdlib.h>
#include <string.h>

#include "dashboard.h"

/* Status filters o cycles through: every status, open ones, then each. */
#define STATUS_FILTERS (ACTIONLIST_STATUS_COUNT + 2)

struct actions_state {
	long category;       /* -1: every category */
	int status_filter;   /* 0 every, 1 open, 2.. one status */
	bool overdue;
	char lead[128];
	size_t selected, top;
};

static void actions_open(struct wizard *w, void *state)
{
	(void)w;
	struct actions_state *a = state;
	a->category = -1;
}

static unsigned statuses(int filter)
{
	return filter == 0 ? 0 : filter == 1 ? ACTIONLIST_OPEN
					     : ACTIONLIST_STATUS_BIT(filter - 2);
}

/* The actions shown, into a new array (caller frees); *n how many. */
static size_t *shown(const struct wizard *w, const struct actions_state *a, char *today,
		     size_t *n)
{
	actionlist_today(today);
	struct actionlist_filter f = { a->category, statuses(a->status_filter), a->lead,
				       a->overdue, today };
	size_t *items = malloc((w->s.actions->count ? w->s.actions->count : 1) * sizeof *items);
	*n = items ? actionlist_select(w->s.actions, &f, items) : 0;
	return items;
}

/* "overdue, category 1, at risk, lead "Ade"": the filter in words. */
static const char *filter_words(const struct wizard *w, const struct actions_state *a,
				char *text, size_t size)
{
	static const char *const status_words[] = { "", "open" };
	snprintf(text, size, "%s%s%s%s%s%s%s%s%s", a->overdue ? "overdue, " : "",
		 a->category >= 0 ? "category " : "",
		 a->category >= 0 ? w->s.fw->categories[a->category].id : "",
		 a->category >= 0 ? ", " : "",
		 a->status_filter < 2 ? status_words[a->status_filter]
				      : actionlist_status_word(a->status_filter - 2),
		 a->status_filter ? ", " : "", *a->lead ? "lead \"" : "", a->lead,
		 *a->lead ? "\", " : "");
	size_t len = strlen(text);
	if (len >= 2)
		text[len - 2] = '\0';
	return *text ? text : "every action";
}

static void actions_draw(struct wizard *w, void *state)
{
	struct actions_state *a = state;
	char today[11], filter[400], line[1400], label[48];
	size_t n, *items = shown(w, a, today, &n);
	snprintf(line, sizeof line, "Actions: %zu of %zu (%s), by due date; today %s", n,
		 w->s.actions->count, filter_words(w, a, filter, sizeof filter), today);
	ui_put_utf8(&w->ui, w->header, 0, 0, line, w->cols, UI_TITLE);
	tui_put_fitting(w, w->header, 1, "o overdue  c category  f status  l lead  Enter: its "
			"criterion\no overdue  c category  f status  l lead", UI_DIM);
	int height = getmaxy(w->body);
	if (a->selected >= n)
		a->selected = n ? n - 1 : 0;
	if (a->selected < a->top)
		a->top = a->selected;
	if (height > 0 && a->selected >= a->top + (size_t)height)
		a->top = a->selected - (size_t)height + 1;
	w->cursor_win = w->body;
	w->cursor_y = 0;
	w->cursor_x = 0;
	if (!n)
		ui_put_utf8(&w->ui, w->body, 0, 0, w->s.actions->count ? "No action matches."
			    : "No actions yet: p on a criterion adds them.", w->cols, UI_DIM);
	for (size_t k = a->top; items && k < n && (int)(k - a->top) < height; k++) {
		const struct actionlist_item *item = &w->s.actions->items[items[k]];
		snprintf(line, sizeof line, "%-9s %-16s %s%-10s  %-14.14s %s",
			 actionlist_label(w->s.actions, item, label, sizeof label),
			 actionlist_status_word(item->status),
			 actionlist_overdue(item, today) ? "OVERDUE " : "due ",
			 *item->due ? item->due : "-", item->lead, item->activity);
		int y = (int)(k - a->top);
		ui_put_utf8(&w->ui, w->body, y, 0, line, w->cols,
			    k == a->selected ? UI_SELECTED : UI_NORMAL);
		if (k == a->selected)
			w->cursor_y = y;
	}
	free(items);
	tui_hints(w, "j k move  Enter criterion  o overdue  c category  f status  l lead  "
		  "d dashboard\nj k  Enter  o overdue  c category  f status  l lead");
}

static void lead_done(struct wizard *w, const char *text)
{
	const struct tui_frame *f = tui_top(w);
	if (text && f->view == &view_actions)
		snprintf(((struct actions_state *)f->state)->lead, sizeof(
			 ((struct actions_state *)f->state)->lead), "%s", text);
}

static void actions_key(struct wizard *w, void *state, wint_t ch, bool is_code)
{
	struct actions_state *a = state;
	if ((!is_code && ch == L'j') || (is_code && ch == KEY_DOWN)) {
		a->selected++;
	} else if ((!is_code && ch == L'k') || (is_code && ch == KEY_UP)) {
		a->selected -= a->selected > 0;
	} else if (!is_code && ch == L'o') {
		a->overdue = !a->overdue;
	} else if (!is_code && ch == L'c') {
		a->category = a->category + 1 < (long)w->s.fw->category_count ? a->category + 1 : -1;
	} else if (!is_code && ch == L'f') {
		a->status_filter = (a->status_filter + 1) % STATUS_FILTERS;
	} else if (!is_code && ch == L'l') {
		tui_prompt(w, "Lead contains (empty: any): ", a->lead, lead_done);
	} else {
		char today[11];
		size_t n, *items = shown(w, a, today, &n);
		if (items && a->selected < n) {
			tui_goto_criterion(w, w->s.actions->items[items[a->selected]].criterion);
			tui_open(w, &view_category);
		}
		free(items);
	}
}

static enum tui_binding actions_binds(const struct wizard *w, const void *state, wint_t ch,
				      bool is_code)
{
	(void)w;
	(void)state;
	if (tui_key_listed(ch, is_code, L"l", NULL))
		return TUI_BOUND_TEXT;
	return tui_key_listed(ch, is_code, L"jkocf\r\n", (const int[]){ KEY_UP, KEY_DOWN,
								      KEY_ENTER, 0 })
		? TUI_BOUND : TUI_UNBOUND;
}

const struct view view_actions = {
	.name = "actions", .browsing = true, .state_size = sizeof(struct actions_state),
	.open = actions_open, .draw = actions_draw, .key = actions_key, .binds = actions_binds,
};

/* ---- The dashboard ---- */

struct dashboard_state {
	size_t selected;
};

/* Under the table: the chosen category's overdue actions and latest
 * progress updates. */
static void dashboard_details(struct wizard *w, const struct dashboard *d,
			      const struct dashboard_row *r, int y, int height)
{
	char line[1400], label[48], counts[200];
	snprintf(line, sizeof line, "Category %s: %s", w->s.fw->categories[r->category].id,
		 dashboard_counts(r, counts, sizeof counts));
	ui_put_utf8(&w->ui, w->body, y++, 0, line, w->cols, UI_TITLE);
	for (size_t k = 0; k < r->overdue_count && y < height; k++) {
		const struct actionlist_item *item = &d->list->items[r->overdue[k]];
		snprintf(line, sizeof line, "Overdue: %s, due %s: %s",
			 actionlist_label(d->list, item, label, sizeof label), item->due,
			 item->activity);
		ui_put_utf8(&w->ui, w->body, y++, 2, line, w->cols - 2, UI_NORMAL);
	}
	for (size_t k = 0; k < r->latest_count && y < height; k++) {
		const struct actionlist_item *item = &d->list->items[r->latest[k]];
		const struct actionlist_update *u = actionlist_latest(item);
		snprintf(line, sizeof line, "Progress: %s %s %s%s%s", u->date,
			 actionlist_label(d->list, item, label, sizeof label), u->who,
			 *u->who ? ": " : "", u->text);
		ui_put_utf8(&w->ui, w->body, y++, 2, line, w->cols - 2, UI_DIM);
	}
}

static void dashboard_draw(struct wizard *w, void *state)
{
	struct dashboard_state *ds = state;
	const struct framework *fw = w->s.fw;
	char today[11], line[600], now[32], target[32];
	actionlist_today(today);
	struct dashboard d;
	snprintf(line, sizeof line, "Dashboard, %s: ratings Red, Amber, Green; - no open "
		 "actions", today);
	ui_put_utf8(&w->ui, w->header, 0, 0, line, w->cols, UI_TITLE);
	tui_put_fitting(w, w->header, 1, "Cat  Now          Target       Overall Delivery "
			"Schedule Actions Overdue\nCat Now Target Overall Delivery Schedule",
			UI_DIM);
	if (dashboard_init(&d, w->s.a, w->s.actions, today) != 0) {
		ui_put_utf8(&w->ui, w->body, 0, 0, "Out of memory.", w->cols, UI_ERROR);
		return;
	}
	if (ds->selected >= fw->category_count)
		ds->selected = fw->category_count - 1;
	int height = getmaxy(w->body), y = 0;
	for (size_t c = 0; c < fw->category_count && y < height; c++, y++) {
		const struct dashboard_row *r = &d.rows[c];
		snprintf(now, sizeof now, "%s", words_level(fw, r->now->level));
		snprintf(target, sizeof target, "%s", words_level(fw, r->target));
		snprintf(line, sizeof line, "%-4s %-12.12s %-12.12s %-7s %-8s %-8s %7zu %7zu",
			 fw->categories[c].id, now, target, dashboard_rag_word(r->overall),
			 dashboard_rag_word(r->delivery), dashboard_rag_word(r->schedule),
			 r->action_count, r->overdue_count);
		ui_put_utf8(&w->ui, w->body, y, 0, line, w->cols,
			    c == ds->selected ? UI_SELECTED : UI_NORMAL);
	}
	w->cursor_win = w->body;
	w->cursor_y = (int)ds->selected;
	w->cursor_x = 0;
	dashboard_details(w, &d, &d.rows[ds->selected], y + 1, height);
	dashboard_finish(&d);
	tui_hints(w, "j k category  A actions  g overview  s summary  ? help\n"
		  "j k  A actions  ? help");
}

static void dashboard_key(struct wizard *w, void *state, wint_t ch, bool is_code)
{
	struct dashboard_state *ds = state;
	if ((!is_code && ch == L'j') || (is_code && ch == KEY_DOWN))
		ds->selected += ds->selected + 1 < w->s.fw->category_count;
	else
		ds->selected -= ds->selected > 0;
}

static enum tui_binding dashboard_binds(const struct wizard *w, const void *state, wint_t ch,
					bool is_code)
{
	(void)w;
	(void)state;
	return tui_key_listed(ch, is_code, L"jk", (const int[]){ KEY_UP, KEY_DOWN, 0 })
		? TUI_BOUND : TUI_UNBOUND;
}

const struct view view_dashboard = {
	.name = "dashboard", .browsing = true, .state_size = sizeof(struct dashboard_state),
	.draw = dashboard_draw, .key = dashboard_key, .binds = dashboard_binds,
};
