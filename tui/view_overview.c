/* The overview and summary screens: every category's score, level and
 * progress; the total points.  The Standard defines no overall level, so
 * neither screen shows one. */
#include "tui.h"

#include <string.h>

#include "plan.h"
#include "score.h"

static void draw_header(struct wizard *w, const char *title)
{
	const struct assessment *a = w->s.a;
	char line[600];
	snprintf(line, sizeof line, "%s: %s%s%s", title,
		 *a->organisation ? a->organisation : "(organisation not given)",
		 *a->type ? (strcmp(a->type, "peer") == 0 ? ", peer review" : ", self-assessment") : "",
		 *a->date ? ", " : "");
	ui_put_utf8(&w->ui, w->header, 0, 0, line, w->cols - 12, UI_TITLE);
	if (*a->date) {
		int x = getcurx(w->header);
		ui_put_utf8(&w->ui, w->header, 0, x, a->date, w->cols - 12 - x, UI_NORMAL);
	}
	ui_put_utf8(&w->ui, w->header, 0, w->cols - 10, "? help", 10, UI_DIM);
	snprintf(line, sizeof line, "%s, version %s. File: %s", w->s.fw->title,
		 w->s.fw->version, w->s.path);
	ui_put_utf8(&w->ui, w->header, 1, 0, line, w->cols, UI_DIM);
}

/* The table both screens share; returns the next free row. */
static int draw_table(struct wizard *w, bool with_bars)
{
	const struct framework *fw = w->s.fw;
	char line[512];
	int y = 0;
	snprintf(line, sizeof line, "  %-2s %-36s %7s  %-11s %8s", "", "Category", "Score",
		 "Level", "Answered");
	ui_put_utf8(&w->ui, w->body, y++, 0, line, w->cols, UI_DIM);
	for (size_t c = 0; c < fw->category_count; c++) {
		const struct framework_category *cat = &fw->categories[c];
		struct score_result r;
		score_category(fw, w->s.a->levels, c, &r);
		bool sel = c == w->overview_row;
		char score[32], answered[32];
		snprintf(score, sizeof score, "%d/%d", r.score, r.max);
		snprintf(answered, sizeof answered, "%zu/%zu", r.answered, r.total);
		if (sel) {
			ui_put(&w->ui, w->body, y, 0, w->ui.glyph.pointer, 1, UI_SELECTED);
			w->cursor_y = y;
			w->cursor_x = 2;
		}
		/* The pointer alone marks the selection (and the terminal cursor
		 * sits there): a moving bar would resend both rows on every key. */
		snprintf(line, sizeof line, "%-2s", cat->id);
		ui_put_utf8(&w->ui, w->body, y, 2, line, 2, UI_NORMAL);
		snprintf(line, sizeof line, "%-36.36s %7s  ", cat->title, score);
		ui_put_utf8(&w->ui, w->body, y, 5, line, 47, UI_NORMAL);
		ui_put_utf8(&w->ui, w->body, y, 52, tui_level_label(r.level), 11,
			    tui_level_style(r.level));
		ui_put_utf8(&w->ui, w->body, y, 64, answered, 8, UI_NORMAL);
		if (with_bars)
			tui_draw_bar(w, w->body, y, 72, w->cols - 72, cat, r.score, r.max);
		else if (r.next_level != LEVEL_NONE) {
			snprintf(line, sizeof line, "+%d", r.points_to_next);
			ui_put_utf8(&w->ui, w->body, y, 73, line, w->cols - 73, UI_DIM);
		}
		y++;
		for (size_t s = 0; s < cat->section_count; s++) {
			size_t si = cat->first_section + s;
			struct score_result sr;
			score_section(fw, w->s.a->levels, si, &sr);
			snprintf(line, sizeof line, "%-3s %-33.33s %7d/%-3d       %3zu/%zu",
				 fw->sections[si].id, fw->sections[si].title, sr.score, sr.max,
				 sr.answered, sr.total);
			ui_put_utf8(&w->ui, w->body, y++, 5, line, w->cols - 5, UI_DIM);
		}
	}
	int total, max;
	score_total(fw, w->s.a->levels, &total, &max);
	size_t open = 0;
	for (size_t i = 0; i < fw->criterion_count; i++)
		open += w->s.a->levels[i] == LEVEL_UNANSWERED;
	snprintf(line, sizeof line, "Total points %d/%d; %zu of %zu criteria answered. "
		 "(Levels are per category.)", total, max, fw->criterion_count - open,
		 fw->criterion_count);
	y += ui_put_wrapped(&w->ui, w->body, y, 0, line, w->cols, 2, UI_NORMAL);
	return y;
}

static void overview_draw(struct wizard *w)
{
	draw_header(w, "Overview");
	w->cursor_win = w->body;
	draw_table(w, true);
	tui_hints(w, "j/k move  Enter open  s summary  x export  / find  u undo  ? help  q quit");
}

static void summary_draw(struct wizard *w)
{
	draw_header(w, "Summary");
	w->cursor_win = w->body;
	int y = draw_table(w, false);
	const struct framework *fw = w->s.fw;
	char line[1024];
	char leading[256] = "", gaps[256] = "";
	for (size_t c = 0; c < fw->category_count; c++) {
		struct score_result r;
		score_category(fw, w->s.a->levels, c, &r);
		char *list = r.level == LEVEL_LEADING ? leading
			: r.level == LEVEL_DEVELOPING ? gaps : NULL;
		if (list)
			snprintf(list + strlen(list), 256 - strlen(list), "%s%s",
				 *list ? ", " : "", fw->categories[c].id);
	}
	snprintf(line, sizeof line, "Leading in: %s.  Developing in: %s.  (+N: to the "
		 "next level)", *leading ? leading : "none", *gaps ? gaps : "none");
	ui_put_utf8(&w->ui, w->body, y++, 0, line, w->cols, UI_NORMAL);
	/* The fewest steps to the selected category's next level. */
	struct plan_gap gap;
	int height = getmaxy(w->body);
	const struct framework_category *cat = &fw->categories[w->overview_row];
	if (y < height && plan_gap(fw, w->s.a->levels, w->overview_row, &gap) == 0) {
		if (gap.next_level == LEVEL_NONE)
			snprintf(line, sizeof line, "Category %s is Leading.", cat->id);
		else
			snprintf(line, sizeof line, "Category %s: %d more for %s; the fewest steps (%zu):",
				 cat->id, gap.points_needed, tui_level_label(gap.next_level),
				 gap.step_count);
		ui_put_utf8(&w->ui, w->body, y++, 0, line, w->cols, UI_TITLE);
		for (size_t k = 0; k < gap.raise_count && y < height; k++, y++) {
			const struct plan_raise *rz = &gap.raises[k];
			if (y == height - 1 && k + 1 < gap.raise_count) {
				snprintf(line, sizeof line, "  ... and %zu more: tri-assess plan %s",
					 gap.raise_count - k, w->s.path);
				ui_put_utf8(&w->ui, w->body, y, 0, line, w->cols, UI_DIM);
				break;
			}
			snprintf(line, sizeof line, "  %-5s to %s (+%d): %s", fw->criteria[rz->criterion].id,
				 tui_level_label(rz->to), rz->gain, fw->criteria[rz->criterion].cell[rz->to]);
			ui_put_utf8(&w->ui, w->body, y, 0, line, w->cols, UI_NORMAL);
		}
	}
	tui_hints(w, "x export summary CSV  j/k move  Enter open  g overview  ? help  q quit");
}

static void table_key(struct wizard *w, wint_t ch, bool is_code)
{
	size_t n = w->s.fw->category_count;
	if (is_code) {
		switch (ch) {
		case KEY_DOWN: if (w->overview_row + 1 < n) w->overview_row++; return;
		case KEY_UP: if (w->overview_row) w->overview_row--; return;
		case KEY_ENTER: ch = L'\n'; break;
		case KEY_NPAGE: ch = L'\t'; break;
		default: tui_common_key(w, ch, true); return;
		}
	}
	switch (ch) {
	case L'j': if (w->overview_row + 1 < n) w->overview_row++; return;
	case L'k': if (w->overview_row) w->overview_row--; return;
	case L'\n': case L'\r': case L'\t': case L'l':
		w->category = w->overview_row;
		w->criterion = w->s.fw->categories[w->category].first_criterion;
		w->view = &view_category;
		return;
	case L'1': case L'2': case L'3': case L'4': case L'5': case L'6': case L'7':
	case L'8': case L'9':
		if ((size_t)(ch - L'1') < n)
			w->overview_row = (size_t)(ch - L'1');
		return;
	default:
		tui_common_key(w, ch, false);
	}
}

const struct view view_overview = { "overview", overview_draw, table_key };
const struct view view_summary = { "summary", summary_draw, table_key };
