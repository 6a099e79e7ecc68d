/* The comparison overview (the pairing session's first screen, and g's
 * overview while comparing): per category, both sides' scores and levels,
 * how many criteria differ and how many of them are resolved; the whole
 * comparison's count and the moderation's details below.  Two lines per
 * category (its title, then the figures in fixed columns) so that it
 * reads the same from 64 columns to a projector.  j/k or a digit select,
 * Enter opens the category; > goes to the next open disagreement. */
#include "tui.h"

#include <stdio.h>
#include <string.h>

#include "comparison.h"
#include "score.h"
#include "words.h"

#define SIDE_X 3
#define SIDE_WIDTH 23 /* "76/76 Developing so far" */
#define COUNT_X (SIDE_X + 2 * (SIDE_WIDTH + 1))

/* "2/6 resolved", "3 differ", "agree": a category's count (13 columns at 64). */
static const char *count_words(const struct comparison *c, const struct comparison_count *n,
			       char *buffer, size_t size)
{
	if (!c->moderation)
		snprintf(buffer, size, n->differ ? "%zu differ" : "agree", n->differ);
	else if (!n->disagreements)
		snprintf(buffer, size, "agree");
	else
		snprintf(buffer, size, "%zu/%zu resolved", n->resolved, n->disagreements);
	return buffer;
}

static void draw_header(struct wizard *w, const struct comparison *c)
{
	char line[900];
	snprintf(line, sizeof line, "%s: %s", c->moderation ? "Pairing session" : "Comparison",
		 *w->s.a->organisation ? w->s.a->organisation : "organisation not named");
	ui_put_utf8(&w->ui, w->header, 0, 0, line, w->cols - 12, UI_TITLE);
	ui_put_utf8(&w->ui, w->header, 0, w->cols - 10, "? help", 10, UI_DIM);
	snprintf(line, sizeof line, "Compared with %s", c->names[1]);
	ui_put_utf8(&w->ui, w->header, 1, 0, line, w->cols, UI_DIM);
}

/* One category: its title, then both sides and the count. */
static void draw_category(struct wizard *w, const struct comparison *c, size_t k, int y,
			  bool selected)
{
	const struct framework *fw = w->s.fw;
	char text[300];
	if (selected) {
		wattrset(w->body, w->ui.style[UI_SELECTED]);
		mvwaddwstr(w->body, y, 0, w->ui.glyph.pointer);
		wattrset(w->body, A_NORMAL);
		w->cursor_y = y;
		w->cursor_x = 2;
	}
	snprintf(text, sizeof text, "%-2s %s", fw->categories[k].id, fw->categories[k].title);
	ui_put_utf8(&w->ui, w->body, y, 2, text, w->cols - 2, UI_NORMAL);
	const struct score_result *r[2] = { &c->sheet_a.categories[k], &c->sheet_b.categories[k] };
	for (int side = 0; side < 2; side++)
		ui_put_utf8(&w->ui, w->body, y + 1, SIDE_X + side * (SIDE_WIDTH + 1),
			    words_summary(fw, r[side], WORDS_BRIEF, text, sizeof text), SIDE_WIDTH,
			    tui_level_style(fw, r[side]->level));
	const struct comparison_count *n = &c->categories[k];
	ui_put_utf8(&w->ui, w->body, y + 1, COUNT_X, count_words(c, n, text, sizeof text),
		    w->cols - COUNT_X, n->open ? UI_ERROR : UI_NORMAL);
}

/* Below the table: the whole count, the moderation's details. */
static void draw_totals(struct wizard *w, const struct comparison *c, int y)
{
	char line[900], count[160];
	int height = getmaxy(w->body);
	words_disagreements(&c->total, c->moderation, count, sizeof count);
	snprintf(line, sizeof line, "All categories: %s.%s", count,
		 c->total.open ? " > goes to the next open one." : "");
	if (y < height)
		y += ui_put_wrapped(&w->ui, w->body, y, 0, line, w->cols, 2, UI_NORMAL);
	const struct assessment_moderation *m = &w->s.a->moderation;
	if (!c->moderation || y >= height)
		return;
	if (m->status == ASSESSMENT_NOT_MODERATED)
		snprintf(line, sizeof line, "No decision recorded yet (a adopt, m moderate; "
			 "recorded in %s).", w->s.path);
	else
		snprintf(line, sizeof line, "Moderation %s; moderators %s; last decision %s.",
			 m->status == ASSESSMENT_COMPLETED ? "completed" : "in progress",
			 m->moderators, m->date);
	ui_put_wrapped(&w->ui, w->body, y, 0, line, w->cols, height - y, UI_DIM);
}

static void moderation_draw(struct wizard *w, void *state)
{
	struct view_table_state *t = state;
	struct comparison c;
	if (session_comparison(&w->s, &c) != 0) {
		ui_put_utf8(&w->ui, w->body, 0, 0, "Out of memory: the comparison cannot be shown.",
			    w->cols, UI_ERROR);
		return;
	}
	const struct framework *fw = w->s.fw;
	draw_header(w, &c);
	w->cursor_win = w->body;
	mvwaddstr(w->body, 0, 0, "Category");
	ui_put_utf8(&w->ui, w->body, 1, SIDE_X, c.labels[0], SIDE_WIDTH, UI_DIM);
	ui_put_utf8(&w->ui, w->body, 1, SIDE_X + SIDE_WIDTH + 1, c.labels[1], SIDE_WIDTH, UI_DIM);
	ui_put_utf8(&w->ui, w->body, 1, COUNT_X, c.moderation ? "Disagreements" : "Criteria",
		    w->cols - COUNT_X, UI_DIM);
	/* the table, scrolled to keep the selection in view, over what the
	 * totals leave (at least one category) */
	int shown = (getmaxy(w->body) - 2 - 3) / 2;
	if (shown < 1)
		shown = 1;
	if ((int)t->selected < t->top)
		t->top = (int)t->selected;
	if ((int)t->selected >= t->top + shown)
		t->top = (int)t->selected - shown + 1;
	int y = 2;
	size_t end = (size_t)t->top + (size_t)shown;
	for (size_t k = (size_t)t->top; k < fw->category_count && k < end; k++, y += 2)
		draw_category(w, &c, k, y, k == t->selected);
	if (shown < (int)fw->category_count) {
		char more[64];
		snprintf(more, sizeof more, "(categories %d-%d of %zu)", t->top + 1,
			 y / 2 - 1 + t->top, fw->category_count);
		ui_put_utf8(&w->ui, w->body, 0, 10, more, w->cols - 10, UI_DIM);
	}
	draw_totals(w, &c, y);
	comparison_finish(&c);
	tui_hints(w, "j/k move  Enter open  > next disagreement  < previous  s summary  ? help\n"
		  "j/k  Enter open  > next  < prev  ? help");
}

static void moderation_open(struct wizard *w, void *state)
{
	((struct view_table_state *)state)->selected = tui_category(w);
}

const struct view view_moderation = {
	.name = "comparison overview", .browsing = true,
	.state_size = sizeof(struct view_table_state), .open = moderation_open,
	.draw = moderation_draw, .key = view_table_key, .binds = view_table_binds,
};

const struct view *tui_overview(const struct wizard *w)
{
	return w->s.moderation ? &view_moderation : &view_overview;
}
