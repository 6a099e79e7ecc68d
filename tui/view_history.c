/* The history screen (h): the current criterion as both sides of a
 * comparison see it, its resolution, both sides' evidence and notes in
 * full, and every history line of both files, oldest first.  A pager over
 * the category screen: j/k scroll, q, Esc, h or Enter close it. */
#include "tui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "comparison.h"
#include "words.h"

struct history_state {
	int top; /* the first line shown */
};

/* One text of the screen, wrapped over rows rows with a hanging indent. */
struct entry {
	char *text;
	int indent, rows;
};

struct entries {
	struct entry *item;
	size_t count;
	int rows; /* all of them */
};

static void add(struct wizard *w, struct entries *e, const char *text, int indent)
{
	struct entry *grown = realloc(e->item, (e->count + 1) * sizeof *grown);
	if (!grown)
		abort();
	e->item = grown;
	struct entry *it = &e->item[e->count++];
	it->indent = indent;
	it->rows = ui_hanging_rows(&w->ui, text, w->cols - 2, indent);
	if (!(it->text = strdup(text)))
		abort();
	e->rows += it->rows;
}

/* One side's evidence and notes, each a heading and its text. */
static void add_side(struct wizard *w, struct entries *e, const char *label,
		     const struct assessment_answer *ans)
{
	char head[300];
	snprintf(head, sizeof head, "%s's evidence:", label);
	add(w, e, head, 0);
	add(w, e, *ans->evidence ? ans->evidence : "(none)", 2);
	snprintf(head, sizeof head, "%s's notes:", label);
	add(w, e, head, 0);
	add(w, e, *ans->notes ? ans->notes : "(none)", 2);
}

/* Every text the screen shows, in order. */
static void build(struct wizard *w, struct entries *e)
{
	const struct framework *fw = w->s.fw;
	size_t i = w->criterion;
	struct comparison c;
	bool compared = session_comparison(&w->s, &c) == 0;
	char line[600];
	const char *own = "This file";
	if (compared) {
		snprintf(line, sizeof line, "%s: %s    %s: %s    %s", c.labels[0],
			 words_level(fw, w->s.a->levels[i]), c.labels[1],
			 words_level(fw, w->s.other->levels[i]),
			 !c.moderation ? (c.criteria[i].differs ? "they differ" : "they agree")
			 : c.criteria[i].resolution != ASSESSMENT_OPEN
				 ? words_resolution(c.criteria[i].resolution)
			 : c.criteria[i].differs ? "open disagreement" : "they agree");
		add(w, e, line, 0);
		own = c.labels[0];
	} else {
		snprintf(line, sizeof line, "Level: %s", words_level(fw, w->s.a->levels[i]));
		add(w, e, line, 0);
	}
	add_side(w, e, own, &w->s.a->answers[i]);
	if (compared)
		add_side(w, e, c.labels[1], &w->s.other->answers[i]);
	const char *history = compared ? c.criteria[i].history : w->s.a->answers[i].history;
	add(w, e, "History (when | who | old -> new | remark):", 0);
	if (!*history)
		add(w, e, "  none recorded", 2);
	for (const char *p = history; *p;) {
		size_t len = strcspn(p, "\n");
		snprintf(line, sizeof line, "  %.*s", (int)len, p);
		add(w, e, line, 4);
		p += len + (p[len] == '\n');
	}
	if (compared)
		comparison_finish(&c);
}

static void history_draw(struct wizard *w, void *state)
{
	int *top = &((struct history_state *)state)->top;
	struct entries e = {0};
	build(w, &e);
	int height = getmaxy(w->body);
	int max_top = e.rows > height ? e.rows - height : 0;
	*top = *top > max_top ? max_top : *top < 0 ? 0 : *top;
	char title[200];
	snprintf(title, sizeof title, "History of %s", w->s.fw->criteria[w->criterion].id);
	ui_put_utf8(&w->ui, w->header, 0, 0, title, w->cols, UI_TITLE);
	snprintf(title, sizeof title, "lines %d-%d of %d", e.rows ? *top + 1 : 0,
		 *top + height < e.rows ? *top + height : e.rows, e.rows);
	ui_put_utf8(&w->ui, w->header, 1, 0, title, w->cols, UI_DIM);
	/* each text from its first row in view, over the rows left */
	int row = 0;
	for (size_t k = 0; k < e.count; k++) {
		const struct entry *it = &e.item[k];
		int skip = *top > row ? *top - row : 0, y = row + skip - *top;
		if (skip < it->rows && y < height)
			ui_put_hanging_part(&w->ui, w->body, y, 1, it->text, w->cols - 2, it->indent,
					    skip, height - y, UI_NORMAL);
		row += it->rows;
		free(it->text);
	}
	free(e.item);
	w->cursor_win = w->body;
	w->cursor_y = w->cursor_x = 0;
	tui_hints(w, "j/k scroll  Space/PgDn page  b/PgUp back a page  q/Esc/h close\n"
		  "j/k scroll  q/Esc close");
}

static void history_key(struct wizard *w, void *state, wint_t ch, bool is_code)
{
	int *top = &((struct history_state *)state)->top;
	int page = getmaxy(w->body) - 1;
	if (is_code) {
		*top += ch == KEY_DOWN ? 1 : ch == KEY_UP ? -1 : ch == KEY_NPAGE ? page
			: ch == KEY_PPAGE ? -page : 0;
		if (ch == KEY_F(10))
			tui_close(w);
		return;
	}
	switch (ch) {
	case L'j': (*top)++; return;
	case L'k': (*top)--; return;
	case L' ': *top += page; return;
	case L'b': *top -= page; return;
	default: tui_close(w); return; /* q, Esc, h, Enter */
	}
}

/* A pager: its keys are its own. */
static enum tui_binding history_binds(const struct wizard *w, const void *state, wint_t ch,
				      bool is_code)
{
	(void)w;
	(void)state;
	static const int codes[] = { KEY_DOWN, KEY_UP, KEY_NPAGE, KEY_PPAGE, KEY_F(10), 0 };
	return tui_key_listed(ch, is_code, L"jk bqh\x1b\r\n", codes) ? TUI_BOUND : TUI_UNBOUND;
}

const struct view view_history = {
	.name = "history", .modal = true, .state_size = sizeof(struct history_state),
	.draw = history_draw, .key = history_key, .binds = history_binds,
};
