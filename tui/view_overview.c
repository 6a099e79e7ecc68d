/* The overview and summary screens: every category's score, level and
 * progress; the total points.  The Standard defines no overall level, so
 * neither screen shows one. */
#include "tui.h"

#include <string.h>

#include "plan.h"
#include "score.h"
#include "words.h"

/* Each screen's own state is a struct view_table_state (tui.h): the
 * category selected, and the first line of the table shown when the list
 * scrolls. */

static void draw_header(struct wizard *w, const char *title)
{
	const struct assessment *a = w->s.a;
	char line[600], details[64];
	/* the organisation gives way (cut, marked) before the type and date */
	int n = snprintf(details, sizeof details, "%s%s%s",
			 *a->type ? (strcmp(a->type, "peer") == 0 ? ", peer review"
				     : ", self-assessment") : "", *a->date ? ", " : "", a->date);
	snprintf(line, sizeof line, "%s: %s", title,
		 *a->organisation ? a->organisation : "(organisation not given)");
	int room = w->cols - 12 - n;
	ui_put_utf8(&w->ui, w->header, 0, 0, line, room, UI_TITLE);
	int x = getcurx(w->header);
	ui_put_utf8(&w->ui, w->header, 0, x, details, w->cols - 12 - x, UI_TITLE);
	ui_put_utf8(&w->ui, w->header, 0, w->cols - 10, "? help", 10, UI_DIM);
	snprintf(line, sizeof line, "%s, version %s. File: %s", w->s.fw->title,
		 w->s.fw->version, w->s.path);
	ui_put_utf8(&w->ui, w->header, 1, 0, line, w->cols, UI_DIM);
}

/* The table's columns at this width: the title gets what the fixed
 * columns leave, and the last column (the overview's bar, the summary's
 * points to the next level) only where the title keeps MIN_TITLE.  The
 * answered counts ("28/28") sit under the first five letters of their
 * heading "Answered"; the bar may start under the rest of it (its heading
 * line is empty there), the summary's column starts after it. */
#define MIN_TITLE 24
#define TITLE_X 5
#define COUNT_WIDTH 5 /* "76/76", "28/28" */
struct columns {
	int title, score, level, answered, tail, tail_width;
	int level_width;
};

static struct columns plan_columns(struct wizard *w, bool with_bars)
{
	const struct framework *fw = w->s.fw;
	struct columns k = { .level_width = 0 };
	int longest_title = 0;
	for (size_t c = 0; c < fw->category_count; c++) {
		int n = words_state_width(w->s.fw, fw->categories[c].criterion_count, WORDS_BRIEF);
		if (n > k.level_width)
			k.level_width = n;
		n = (int)strlen(fw->categories[c].title);
		if (n > longest_title)
			longest_title = n;
	}
	int heading = (int)strlen("Answered");
	int gap = with_bars ? 1 : heading - COUNT_WIDTH + 1; /* after the counts */
	int tail_min = with_bars ? 8 : 4;
	/* title, a space, score, a space, level, a space, then the counts */
	int fixed = TITLE_X + 1 + COUNT_WIDTH + 1 + k.level_width + 1;
	int room = w->cols - fixed; /* the title's, the counts' and the last column's */
	bool tail = room - COUNT_WIDTH - gap - tail_min >= MIN_TITLE;
	int title_room = tail ? room - COUNT_WIDTH - gap - tail_min : room - heading;
	k.title = longest_title < title_room ? longest_title : title_room;
	k.score = TITLE_X + k.title + 1;
	k.level = k.score + COUNT_WIDTH + 1;
	k.answered = k.level + k.level_width + 1;
	k.tail = k.answered + COUNT_WIDTH + gap;
	k.tail_width = tail ? w->cols - k.tail : 0;
	return k;
}

/* One line of the table: a category (section == FRAMEWORK_NO_SECTION) or
 * one of its sections. */
struct table_line {
	size_t category, section;
};

/* The table's lines, at most max; returns how many. */
static size_t table_lines(const struct framework *fw, struct table_line *out, size_t max)
{
	size_t n = 0;
	for (size_t c = 0; c < fw->category_count && n < max; c++) {
		out[n++] = (struct table_line){ c, FRAMEWORK_NO_SECTION };
		const struct framework_category *cat = &fw->categories[c];
		for (size_t s = 0; s < cat->section_count && n < max; s++)
			out[n++] = (struct table_line){ c, cat->first_section + s };
	}
	return n;
}

static void draw_category_line(struct wizard *w, const struct view_table_state *t,
			       const struct columns *k, int y, size_t c, bool with_bars)
{
	const struct framework *fw = w->s.fw;
	const struct framework_category *cat = &fw->categories[c];
	struct score_result r;
	score_category(fw, w->s.a->levels, c, &r);
	char text[128];
	if (c == t->selected) {
		/* The pointer alone marks the selection (and the terminal cursor
		 * sits there): a moving bar would resend both rows on every key. */
		wattrset(w->body, w->ui.style[UI_SELECTED]);
		mvwaddwstr(w->body, y, 0, w->ui.glyph.pointer);
		wattrset(w->body, A_NORMAL);
		w->cursor_y = y;
		w->cursor_x = 2;
	}
	ui_put_utf8(&w->ui, w->body, y, 2, cat->id, 2, UI_NORMAL);
	ui_put_utf8(&w->ui, w->body, y, TITLE_X, cat->title, k->title, UI_NORMAL);
	mvwprintw(w->body, y, k->score, "%5s", words_points(&r, text, sizeof text));
	ui_put_utf8(&w->ui, w->body, y, k->level, words_state(fw, &r, WORDS_BRIEF, text, sizeof text),
		    k->level_width, tui_level_style(fw, r.level));
	snprintf(text, sizeof text, "%zu/%zu", r.answered, r.total);
	ui_put_utf8(&w->ui, w->body, y, k->answered, text, COUNT_WIDTH, UI_NORMAL);
	if (!k->tail_width)
		return;
	if (with_bars) {
		tui_draw_bar(w, w->body, y, k->tail, k->tail_width, cat, r.score, r.max);
	} else if (r.state == SCORE_COMPLETE && r.next_level != LEVEL_NONE) {
		snprintf(text, sizeof text, "+%d", r.points_to_next);
		ui_put_utf8(&w->ui, w->body, y, k->tail, text, k->tail_width, UI_DIM);
	}
}

static void draw_section_line(struct wizard *w, const struct columns *k, int y, size_t si)
{
	const struct framework *fw = w->s.fw;
	struct score_result r;
	score_section(fw, w->s.a->levels, si, &r);
	char text[128];
	snprintf(text, sizeof text, "%-3s %s", fw->sections[si].id, fw->sections[si].title);
	ui_put_utf8(&w->ui, w->body, y, TITLE_X, text, k->title, UI_DIM);
	words_points(&r, text, sizeof text);
	wattrset(w->body, w->ui.style[UI_DIM]);
	mvwprintw(w->body, y, k->score, "%5s", text);
	wattrset(w->body, A_NORMAL);
	snprintf(text, sizeof text, "%zu/%zu", r.answered, r.total);
	ui_put_utf8(&w->ui, w->body, y, k->answered, text, COUNT_WIDTH, UI_DIM);
}

/* The bars' legend: "Bars: █ points scored, │ where Established and
 * where Leading start." (a tick where each range but the lowest starts). */
static void legend(const struct wizard *w, const wchar_t *full, const wchar_t *boundary,
		   char *line, size_t size)
{
	const struct framework *fw = w->s.fw;
	size_t used = (size_t)snprintf(line, size, "Bars: %ls points scored", full);
	for (size_t l = 2; l < fw->level_count && used < size; l++) {
		bool first = l == 2, last = l + 1 == fw->level_count;
		used += (size_t)snprintf(line + used, size - used, "%s%ls%swhere %s",
					 first || !last ? ", " : " and ", first ? boundary : L"",
					 first ? " " : "", words_level(fw, (enum level)l));
	}
	if (used < size)
		snprintf(line + used, size - used, "%s.", fw->level_count > 2 ? " start" : "");
}

/* "Total points 14/190; 9 of 69 criteria answered; ... (Levels are per
 * category.)", the last words left out where they would take a line. */
static void total_line(struct wizard *w, char *line, size_t size, int total, int max,
		       const char *progress)
{
	snprintf(line, size, "Total points %d/%d; %s.", total, max, progress);
	int rows = ui_wrapped_rows(&w->ui, line, w->cols);
	size_t n = strlen(line);
	snprintf(line + n, size - n, " (Levels are per category.)");
	if (ui_wrapped_rows(&w->ui, line, w->cols) > rows)
		line[n] = '\0';
}

/* The table both screens share, in rows lines from the top of the body
 * (scrolled to keep the selected category and its sections in view);
 * then the total.  Returns the next free row. */
static int draw_table(struct wizard *w, struct view_table_state *t, bool with_bars, int rows)
{
	const struct framework *fw = w->s.fw;
	struct columns k = plan_columns(w, with_bars);
	struct table_line lines[256];
	size_t n = table_lines(fw, lines, sizeof lines / sizeof lines[0]);
	int shown = rows - 1 < (int)n ? rows - 1 : (int)n;
	if (shown < 1)
		shown = 1;
	/* the selected category's line, and its sections when they fit */
	int first = 0, last = 0;
	for (size_t i = 0; i < n; i++)
		if (lines[i].category == t->selected) {
			if (lines[i].section == FRAMEWORK_NO_SECTION)
				first = (int)i;
			last = (int)i;
		}
	if (last - first + 1 > shown)
		last = first + shown - 1;
	if (t->top > first)
		t->top = first;
	if (t->top < last - shown + 1)
		t->top = last - shown + 1;
	if (t->top > (int)n - shown)
		t->top = (int)n - shown;
	if (t->top < 0)
		t->top = 0;

	char line[512];
	int above = t->top, below = (int)n - shown - t->top;
	if (above && below)
		snprintf(line, sizeof line, "Category (%d above, %d below)", above, below);
	else if (above || below)
		snprintf(line, sizeof line, "Category (%d more %s)", above + below,
			 above ? "above" : "below");
	else
		snprintf(line, sizeof line, "Category");
	if ((int)strlen(line) > k.title)
		snprintf(line, sizeof line, "Category (%d more)", above + below);
	ui_put_utf8(&w->ui, w->body, 0, TITLE_X, line, k.title, UI_DIM);
	mvwaddstr(w->body, 0, k.score, "Score");
	ui_put_utf8(&w->ui, w->body, 0, k.level, "Level", k.level_width, UI_DIM);
	ui_put_utf8(&w->ui, w->body, 0, k.answered, "Answered", 8, UI_DIM);
	if (k.tail_width && !with_bars)
		ui_put_utf8(&w->ui, w->body, 0, k.tail, "Next", k.tail_width, UI_DIM);
	int y = 1;
	for (int i = t->top; i < t->top + shown && i < (int)n; i++, y++) {
		if (lines[i].section == FRAMEWORK_NO_SECTION)
			draw_category_line(w, t, &k, y, lines[i].category, with_bars);
		else
			draw_section_line(w, &k, y, lines[i].section);
	}
	int total, max;
	score_total(fw, w->s.a->levels, &total, &max);
	struct score_progress p;
	score_progress(fw, w->s.a->levels, &p);
	char progress[256];
	total_line(w, line, sizeof line, total, max,
		   words_progress(&p, fw->category_count, progress, sizeof progress));
	y += ui_put_wrapped(&w->ui, w->body, y, 0, line, w->cols, 3, UI_NORMAL);
	if (with_bars && k.tail_width) {
		legend(w, w->ui.glyph.bar_full, w->ui.glyph.bar_boundary, line, sizeof line);
		y += ui_put_wrapped(&w->ui, w->body, y, 0, line, w->cols, 2, UI_DIM);
	}
	return y;
}

/* Rows the total (and the bars' legend) take under the table. */
static int below_table(struct wizard *w, bool with_bars)
{
	char line[512];
	total_line(w, line, sizeof line, 190, 190, "69 of 69 criteria answered; 7 of 7 "
		   "categories complete, 7 partly assessed, 7 not assessed");
	int total = ui_wrapped_rows(&w->ui, line, w->cols);
	int rows = 0;
	if (with_bars && plan_columns(w, true).tail_width) {
		legend(w, L"#", L"|", line, sizeof line);
		rows = ui_wrapped_rows(&w->ui, line, w->cols);
	}
	return (total < 3 ? total : 3) + rows;
}

/* The selected category's description, what a room reads before scoring
 * it: under the table, in the rows the table leaves (at least one; cut
 * with an ellipsis, i shows it whole).  Returns the rows it takes. */
static int description_rows(struct wizard *w, const struct view_table_state *t, int free_rows)
{
	const char *text = w->s.fw->categories[t->selected].description;
	if (!*text)
		return 0;
	int need = ui_wrapped_rows(&w->ui, text, w->cols);
	return need < free_rows ? need : free_rows > 1 ? free_rows : 1;
}

static void overview_draw(struct wizard *w, void *state)
{
	struct view_table_state *t = state;
	draw_header(w, "Overview");
	w->cursor_win = w->body;
	int height = getmaxy(w->body), below = below_table(w, true);
	struct table_line lines[256];
	int table = 1 + (int)table_lines(w->s.fw, lines, sizeof lines / sizeof lines[0]);
	/* the table whole first, then a blank line and the description */
	int rows = description_rows(w, t, height - below - table - 1);
	int y = draw_table(w, state, true, height - below - (rows ? rows + 1 : 0));
	if (rows)
		ui_put_wrapped(&w->ui, w->body, y + 1 < height ? y + 1 : height - 1, 0,
			       w->s.fw->categories[t->selected].description, w->cols, rows, UI_NORMAL);
	tui_hints(w, "j/k move  Enter open  s summary  x export  / find  u undo  ? help  q quit\n"
		  "j/k move  Enter open  s summary  x export  ? help  q quit");
}

/* "1, 3 (so far)": the categories at level (complete, then so far). */
static void list_at(const struct framework *fw, const enum level *levels, enum level level,
		    char *out, size_t size)
{
	size_t used = 0;
	out[0] = '\0';
	for (size_t c = 0; c < fw->category_count && used < size; c++) {
		struct score_result r;
		score_category(fw, levels, c, &r);
		bool match = level == LEVEL_UNANSWERED ? r.state == SCORE_NOT_ASSESSED
			: r.level == level;
		if (match)
			used += (size_t)snprintf(out + used, size - used, "%s%s%s", used ? ", " : "",
						 fw->categories[c].id, r.state == SCORE_PROVISIONAL
						 ? " (so far)" : "");
	}
	if (!out[0])
		snprintf(out, size, "none");
}

/* The fewest steps to the selected category's next level, from row y. */
static void draw_steps(struct wizard *w, size_t category, int y)
{
	char line[1024];
	struct plan_gap gap;
	int height = getmaxy(w->body);
	if (y >= height)
		return;
	int steps = session_steps(&w->s, category, &gap, line, sizeof line);
	ui_put_utf8(&w->ui, w->body, y++, 0, line, w->cols, UI_TITLE);
	for (int k = 0; k < steps && y < height; k++, y++) {
		if (y == height - 1 && k + 1 < steps) {
			snprintf(line, sizeof line, "  ... and %d more: tri-assess plan %s",
				 steps - k, w->s.path);
			ui_put_utf8(&w->ui, w->body, y, 0, line, w->cols, UI_DIM);
			break;
		}
		ui_put_utf8(&w->ui, w->body, y, 0, session_step_line(&w->s, &gap.raises[k], line,
								     sizeof line), w->cols, UI_NORMAL);
	}
}

static void summary_draw(struct wizard *w, void *state)
{
	struct view_table_state *t = state;
	draw_header(w, "Summary");
	w->cursor_win = w->body;
	const struct framework *fw = w->s.fw;
	char line[1024], leading[256], developing[256], none[256];
	enum level highest = framework_highest_level(fw);
	list_at(fw, w->s.a->levels, highest, leading, sizeof leading);
	list_at(fw, w->s.a->levels, 1, developing, sizeof developing);
	list_at(fw, w->s.a->levels, LEVEL_UNANSWERED, none, sizeof none);
	if (highest > 1)
		snprintf(line, sizeof line, "%s in: %s.  %s in: %s.  Not assessed: %s.",
			 words_level(fw, highest), leading, words_level(fw, 1), developing, none);
	else
		snprintf(line, sizeof line, "%s in: %s.  Not assessed: %s.",
			 words_level(fw, highest), leading, none);
	/* the steps part keeps at least 4 rows, the table (with its column
	 * heading) at least 4 */
	int height = getmaxy(w->body);
	int lists = ui_wrapped_rows(&w->ui, line, w->cols);
	int table_rows = height - below_table(w, false) - lists - 4;
	if (table_rows < 4)
		table_rows = 4;
	int y = draw_table(w, t, false, table_rows);
	y += ui_put_wrapped(&w->ui, w->body, y, 0, line, w->cols, lists, UI_NORMAL);
	draw_steps(w, t->selected, y);
	tui_hints(w, "x export summary CSV  j/k move  Enter open  g overview  ? help  q quit\n"
		  "x export  j/k move  Enter open  g overview  ? help  q quit");
}

/* The overview opens on the current category; the summary on the
 * overview's selection when it comes from there. */
static void overview_open(struct wizard *w, void *state)
{
	struct view_table_state *t = state;
	t->selected = tui_category(w);
}

static void summary_open(struct wizard *w, void *state)
{
	struct view_table_state *t = state;
	const struct tui_frame *from = tui_top(w);
	t->selected = from && from->view == &view_overview
		? ((const struct view_table_state *)from->state)->selected : tui_category(w);
}

void view_table_key(struct wizard *w, void *state, wint_t ch, bool is_code)
{
	struct view_table_state *t = state;
	size_t n = w->s.fw->category_count;
	if (is_code) {
		switch (ch) {
		case KEY_DOWN: ch = L'j'; break;
		case KEY_UP: ch = L'k'; break;
		case KEY_ENTER: ch = L'\n'; break;
		case KEY_NPAGE: ch = L'\t'; break;
		default: return; /* (view_table_binds takes no other) */
		}
	}
	switch (ch) {
	case L'j': if (t->selected + 1 < n) t->selected++; return;
	case L'k': if (t->selected) t->selected--; return;
	case L'\n': case L'\r': case L'\t': case L'l':
		tui_goto_criterion(w, w->s.fw->categories[t->selected].first_criterion);
		tui_open(w, &view_category);
		return;
	default: /* a digit: that category */
		if (ch >= L'1' && (size_t)(ch - L'1') < n)
			t->selected = (size_t)(ch - L'1');
		return;
	}
}

/* The screen's own keys (the global ones are the loop's): moves, open,
 * and a category by its digit. */
enum tui_binding view_table_binds(const struct wizard *w, const void *state, wint_t ch,
				  bool is_code)
{
	(void)state;
	static const int codes[] = { KEY_DOWN, KEY_UP, KEY_ENTER, KEY_NPAGE, 0 };
	if (tui_key_listed(ch, is_code, L"jk\r\n\tl", codes))
		return TUI_BOUND;
	if (!is_code && ch >= L'1' && ch <= L'9' && (size_t)(ch - L'1') < w->s.fw->category_count)
		return TUI_BOUND;
	return TUI_UNBOUND;
}

size_t tui_selected_category(const struct wizard *w)
{
	const struct tui_frame *top = tui_top(w);
	if (top && (top->view == &view_overview || top->view == &view_summary ||
		    top->view == &view_moderation))
		return ((const struct view_table_state *)top->state)->selected;
	return tui_category(w);
}

const struct view view_overview = {
	.name = "overview", .browsing = true, .state_size = sizeof(struct view_table_state),
	.open = overview_open, .draw = overview_draw, .key = view_table_key, .binds = view_table_binds,
};
const struct view view_summary = {
	.name = "summary", .browsing = true, .state_size = sizeof(struct view_table_state),
	.open = summary_open, .draw = summary_draw, .key = view_table_key, .binds = view_table_binds,
};
