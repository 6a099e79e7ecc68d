/* The category screen: the rows of one category (Category 2 with its
 * sections), the current row's cells in full, and the running score. */
#include "tui.h"

#include <stdlib.h>
#include <string.h>

#include "score.h"

/* One line of the list: a section heading or a criterion. */
struct list_item {
	bool heading;
	size_t index; /* section or criterion */
};

static size_t list_items(const struct wizard *w, struct list_item *items)
{
	const struct framework *fw = w->s.fw;
	const struct framework_category *cat = &fw->categories[w->category];
	size_t n = 0, last = FRAMEWORK_NO_SECTION;
	for (size_t i = cat->first_criterion; i < cat->first_criterion + cat->criterion_count; i++) {
		size_t sec = fw->criteria[i].section;
		if (sec != FRAMEWORK_NO_SECTION && sec != last)
			items[n++] = (struct list_item){ true, sec };
		last = sec;
		items[n++] = (struct list_item){ false, i };
	}
	return n;
}

static void draw_header(struct wizard *w, const struct score_result *r)
{
	const struct framework *fw = w->s.fw;
	const struct framework_category *cat = &fw->categories[w->category];
	char line[512];
	snprintf(line, sizeof line, "Category %s of %zu: %s", cat->id, fw->category_count,
		 cat->title);
	if (w->s.other) {
		struct score_result o;
		score_category(fw, w->s.other->levels, w->category, &o);
		char theirs[64];
		snprintf(theirs, sizeof theirs, "Other: %d %s", o.score, tui_level_label(o.level));
		int width = (int)strlen(theirs);
		ui_put_utf8(&w->ui, w->header, 0, 0, line, w->cols - width - 2, UI_TITLE);
		ui_put_utf8(&w->ui, w->header, 0, w->cols - width, theirs, width,
			    o.level != r->level ? UI_ERROR : UI_NORMAL);
	} else {
		ui_put_utf8(&w->ui, w->header, 0, 0, line, w->cols - 12, UI_TITLE);
		ui_put_utf8(&w->ui, w->header, 0, w->cols - 10, "? help", 10, UI_DIM);
	}

	char next[96] = "the top level";
	if (r->next_level != LEVEL_NONE)
		snprintf(next, sizeof next, "%d more for %s", r->points_to_next,
			 tui_level_label(r->next_level));
	snprintf(line, sizeof line, "Score %d/%d  Level: %s  (%s)  Answered %zu/%zu",
		 r->score, r->max, tui_level_label(r->level), next, r->answered, r->total);
	ui_put_utf8(&w->ui, w->header, 1, 0, line, w->cols, UI_CHOSEN);
}

/* Each cell is drawn as "(*) 2 Established: text", the text wrapped from
 * column DETAIL_X, so the chosen cell is marked by text, not colour alone. */
#define DETAIL_X 7

/* "Established: text", and in a comparison "Established (OTHER's level):
 * text" on the cell the other assessment chose: marked by text. */
static char *cell_text(const struct wizard *w, const struct framework_criterion *c, int level)
{
	const char *body = c->cell[level] ? c->cell[level]
		: "(none in the Standard)";
	bool theirs = w->s.other && w->s.other->levels[c - w->s.fw->criteria] == (enum level)level;
	size_t n = strlen(body) + 64;
	char *text = malloc(n);
	if (!text)
		abort();
	snprintf(text, n, "%s%s: %s", tui_level_label((enum level)level),
		 theirs ? " (the other's level)" : "", body);
	return text;
}

static int detail_rows(struct wizard *w, const struct framework_criterion *c)
{
	int rows = 0;
	for (int l = LEVEL_DEVELOPING; l <= LEVEL_LEADING; l++) {
		char *text = cell_text(w, c, l);
		rows += ui_wrapped_rows(&w->ui, text, w->cols - DETAIL_X - 1);
		free(text);
	}
	return rows;
}

static void draw_detail(struct wizard *w, int y, int rows)
{
	const struct framework *fw = w->s.fw;
	const struct framework_criterion *c = &fw->criteria[w->criterion];
	enum level chosen = w->s.a->levels[w->criterion];
	for (int l = LEVEL_DEVELOPING; l <= LEVEL_LEADING && rows > 0; l++) {
		bool is_chosen = chosen == (enum level)l;
		/* Only the "(*) n" label carries the choice (in text, and bold):
		 * restyling the cell would resend its whole text on every change. */
		enum ui_style style = c->cell[l] ? UI_NORMAL : UI_DIM;
		char label[32];
		snprintf(label, sizeof label, "%ls %d", is_chosen ? w->ui.glyph.chosen
			 : w->ui.glyph.not_chosen, l);
		ui_put_utf8(&w->ui, w->body, y, 1, label, DETAIL_X - 2, is_chosen ? UI_CHOSEN : style);
		char *text = cell_text(w, c, l);
		int used = ui_put_wrapped(&w->ui, w->body, y, DETAIL_X, text,
					  w->cols - DETAIL_X - 1, rows, style);
		free(text);
		y += used;
		rows -= used;
	}
	if (rows > 0 && chosen == LEVEL_NONE)
		ui_put_utf8(&w->ui, w->body, y, 1, "(*) 0 None", w->cols - 2, UI_CHOSEN);
}

static void view_draw(struct wizard *w)
{
	const struct framework *fw = w->s.fw;
	const struct framework_category *cat = &fw->categories[w->category];
	struct score_result r;
	score_category(fw, w->s.a->levels, w->category, &r);
	draw_header(w, &r);

	int height = getmaxy(w->body);
	char line[512];
	snprintf(line, sizeof line, "Ranges: Developing %d-%d, Established %d-%d, Leading %d-%d",
		 cat->published[1].from, cat->published[1].to, cat->published[2].from,
		 cat->published[2].to, cat->published[3].from, cat->published[3].to);
	ui_put_utf8(&w->ui, w->body, 0, 0, line, w->cols - 22, UI_DIM);
	tui_draw_bar(w, w->body, 0, w->cols - 21, 20, cat, r.score, r.max);

	/* The detail pane is sized for the category's longest row, so the
	 * layout stays put while moving (the room's eyes, and the bytes sent,
	 * follow only what changes); the list gets the rest (2 rows at least). */
	const struct framework_criterion *cur = &fw->criteria[w->criterion];
	int detail = 0;
	for (size_t i = cat->first_criterion; i < cat->first_criterion + cat->criterion_count; i++) {
		int rows = detail_rows(w, &fw->criteria[i]) + (w->s.a->levels[i] == LEVEL_NONE);
		if (rows > detail)
			detail = rows;
	}
	struct list_item items[256];
	size_t count = list_items(w, items);
	int fixed = 1 /* ranges */ + 1 /* rule */ + 1 /* evidence and notes */;
	int list = height - fixed - detail;
	if (list < 2)
		list = 2;
	if ((size_t)list > count)
		list = (int)count;
	if (list < 1)
		list = 1; /* a category has at least one row; say so to the analyzer */
	detail = height - fixed - list;

	size_t selected = 0;
	for (size_t i = 0; i < count; i++)
		if (!items[i].heading && items[i].index == w->criterion)
			selected = i;
	/* The list turns a page at a time: between page turns only the
	 * pointer moves, instead of every row shifting on every key. */
	size_t top = selected / (size_t)list * (size_t)list;
	if (top > 0 && top < count && !items[top].heading && top == selected && items[top - 1].heading &&
	    selected - top + 1 < (size_t)list)
		top--;
	for (int row = 0; row < list && top + (size_t)row < count; row++) {
		const struct list_item *it = &items[top + (size_t)row];
		int y = 1 + row;
		if (it->heading) {
			const struct framework_section *sec = &fw->sections[it->index];
			struct score_result sr;
			score_section(fw, w->s.a->levels, it->index, &sr);
			snprintf(line, sizeof line, "%s %s: %d/%d", sec->id, sec->title, sr.score, sr.max);
			ui_put_utf8(&w->ui, w->body, y, 1, line, w->cols - 2, UI_TITLE);
			continue;
		}
		const struct framework_criterion *c = &fw->criteria[it->index];
		enum level level = w->s.a->levels[it->index];
		bool sel = it->index == w->criterion;
		const char *summary = c->cell[LEVEL_DEVELOPING] ? c->cell[LEVEL_DEVELOPING]
			: c->cell[LEVEL_ESTABLISHED] ? c->cell[LEVEL_ESTABLISHED] : c->cell[LEVEL_LEADING];
		if (sel)
			ui_put(&w->ui, w->body, y, 0, w->ui.glyph.pointer, 1, UI_SELECTED);
		snprintf(line, sizeof line, "%-5s", c->id);
		ui_put_utf8(&w->ui, w->body, y, 2, line, 6, sel ? UI_SELECTED : UI_NORMAL);
		snprintf(line, sizeof line, "%-11s", tui_level_label(level));
		ui_put_utf8(&w->ui, w->body, y, 8, line, 12, tui_level_style(level));
		char has[8] = "";
		size_t k = 0;
		for (int l = 1; l < LEVEL_COUNT; l++)
			has[k++] = c->cell[l] ? "-DEL"[l] : '.';
		has[k] = '\0';
		int x = 20;
		if (w->s.other) {
			/* The other's level, and whether it differs, in words. */
			enum level theirs = w->s.other->levels[it->index];
			snprintf(line, sizeof line, "%s %s", theirs == level ? "==" : "!=",
				 tui_level_label(theirs));
			ui_put_utf8(&w->ui, w->body, y, x, line, 15,
				    theirs == level ? UI_DIM : UI_ERROR);
			x += 16;
		}
		ui_put_utf8(&w->ui, w->body, y, x, has, 4, UI_DIM);
		ui_put_utf8(&w->ui, w->body, y, x + 4, summary, w->cols - x - 5,
			    UI_NORMAL);
		if (sel) {
			w->cursor_win = w->body;
			w->cursor_y = y;
			w->cursor_x = 2;
		}
	}
	int y = 1 + list;
	char levels[64];
	snprintf(line, sizeof line, "%ls%ls %s: this row can be %s ",
		 w->ui.glyph.rule, w->ui.glyph.rule, cur->id,
		 assessment_levels_available(cur, levels, sizeof levels));
	wmove(w->body, y, 0);
	for (int x = 0; x < w->cols; x++)
		waddwstr(w->body, w->ui.glyph.rule);
	ui_put_utf8(&w->ui, w->body, y, 0, line, w->cols, UI_TITLE);
	draw_detail(w, y + 1, detail);
	const struct assessment_answer *ans = &w->s.a->answers[w->criterion];
	if (!*ans->evidence && !*ans->notes) {
		ui_put_utf8(&w->ui, w->body, height - 1, 0, "Evidence and notes: none yet (e to add)",
			    w->cols, UI_DIM);
	} else {
		char *both = malloc(strlen(ans->evidence) + strlen(ans->notes) + 32);
		if (!both)
			abort();
		sprintf(both, "Evidence: %s | Notes: %s", ans->evidence, ans->notes);
		ui_put_utf8(&w->ui, w->body, height - 1, 0, both, w->cols, UI_NORMAL);
		free(both);
	}
	if (w->s.other)
		tui_hints(w, "0-3 level  a adopt other  j/k move  Tab/S-Tab cat  e notes  p plan  "
			  "u undo  ? help");
	else
		tui_hints(w, "0-3 level  j/k move  Tab/S-Tab cat  e notes  u undo  g overview  "
			  "? help  q quit");
}

static void adopt_done(struct wizard *w, const char *remark)
{
	if (!remark) {
		tui_message(w, UI_NORMAL, "Not adopted.");
		return;
	}
	struct tri_error err;
	const char *id = w->s.fw->criteria[w->criterion].id;
	if (session_adopt(&w->s, w->criterion, remark, &err) != 0)
		tui_message(w, UI_ERROR, "Refused: %s.", err.message);
	else
		tui_message(w, w->s.save_failed ? UI_ERROR : UI_OK, "%s: adopted %s (recorded in "
			    "its history)%s.", id, tui_level_label(w->s.a->levels[w->criterion]),
			    w->s.save_failed ? ", in memory only" : "");
}

static void move_category(struct wizard *w, int delta)
{
	const struct framework *fw = w->s.fw;
	long next = (long)w->category + delta;
	if (next >= (long)fw->category_count) {
		w->view = &view_summary;
		return;
	}
	if (next < 0) {
		w->view = &view_overview;
		w->overview_row = 0;
		return;
	}
	w->category = (size_t)next;
	w->criterion = fw->categories[next].first_criterion;
}

static void view_key(struct wizard *w, wint_t ch, bool is_code)
{
	const struct framework *fw = w->s.fw;
	const struct framework_category *cat = &fw->categories[w->category];
	size_t first = cat->first_criterion, last = first + cat->criterion_count - 1;
	if (is_code) {
		switch (ch) {
		case KEY_DOWN: if (w->criterion < last) w->criterion++; return;
		case KEY_UP: if (w->criterion > first) w->criterion--; return;
		case KEY_HOME: w->criterion = first; return;
		case KEY_END: w->criterion = last; return;
		case KEY_NPAGE: move_category(w, 1); return;
		case KEY_PPAGE: case KEY_BTAB: move_category(w, -1); return;
		case KEY_F(2): ch = L'e'; break;
		default: tui_common_key(w, ch, true); return;
		}
	}
	switch (ch) {
	case L'j': if (w->criterion < last) w->criterion++; return;
	case L'k': if (w->criterion > first) w->criterion--; return;
	case L'\t': case L']': move_category(w, 1); return;
	case L'[': move_category(w, -1); return;
	case L'0': case L'1': case L'2': case L'3': {
		enum level level = (enum level)(ch - L'0');
		struct tri_error err;
		const char *id = fw->criteria[w->criterion].id;
		if (session_set_level(&w->s, w->criterion, level, &err) != 0) {
			beep();
			tui_message(w, UI_ERROR, "Refused: %s.", err.message);
			return;
		}
		struct score_result r;
		score_category(fw, w->s.a->levels, w->category, &r);
		if (w->s.save_failed) {
			tui_message(w, UI_ERROR, "%s: %s, in memory only. W: save to another "
				    "file.", id, tui_level_label(level));
			if (w->criterion < last)
				w->criterion++;
			return;
		}
		if (w->criterion < last) {
			w->criterion++;
			/* Terse: the header already shows the score and level, and
			 * this line is redrawn on every key of a walk-through. */
			tui_message(w, UI_OK, "%s: %s.", id, tui_level_label(level));
		} else {
			/* What changes goes last, so a re-set resends only it. */
			tui_message(w, UI_OK, "Category %s done: Tab for the next. %s: %s.",
				    cat->id, id, tui_level_label(level));
		}
		return;
	}
	case L'a':
		if (!w->s.other) {
			tui_message(w, UI_ERROR, "No other assessment: start with --compare OTHER FILE.");
			return;
		}
		tui_prompt(w, "Remark for adopting the other level (Enter: none): ", "", adopt_done);
		return;
	case L'p':
		tui_plan_begin(w);
		tui_show(w, &view_plan);
		return;
	case L'e': case L'\n': case L'\r': {
		const struct assessment_answer *ans = &w->s.a->answers[w->criterion];
		tui_field_set(&w->field[0], &w->ui, ans->evidence);
		tui_field_set(&w->field[1], &w->ui, ans->notes);
		w->field_focus = 0;
		tui_show(w, &view_edit);
		return;
	}
	default:
		tui_common_key(w, ch, false);
	}
}

const struct view view_category = { "category", view_draw, view_key };
