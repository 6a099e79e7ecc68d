/* The editor: evidence and notes for the current criterion, two
 * multi-line UTF-8 fields, under the cell the room chose for it.  The text is committed (and saved) on Esc/F10,
 * and also on a signal or when the terminal goes (the commit hook), so
 * nothing typed is lost to a dropped link. */
#define _GNU_SOURCE /* asprintf */
#include "tui.h"
#include "words.h"

#include <stdlib.h>

/* The screen's own state: the two fields, and the criterion they are of
 * (the current one when it opened). */
struct edit_state {
	struct editor_field field[2]; /* evidence, notes */
	int focus;
	size_t criterion;
};

static void edit_open(struct wizard *w, void *state)
{
	struct edit_state *e = state;
	const struct assessment_answer *ans = &w->s.a->answers[w->criterion];
	e->criterion = w->criterion;
	tui_field_set(&e->field[0], &w->ui, ans->evidence);
	tui_field_set(&e->field[1], &w->ui, ans->notes);
}

static void edit_leave(struct wizard *w, void *state)
{
	(void)w;
	struct edit_state *e = state;
	tui_field_finish(&e->field[0]);
	tui_field_finish(&e->field[1]);
}

/* The cell the room chose for the criterion (what the evidence is for),
 * at most rows rows, and a blank line: the rows used. */
static int draw_criterion(struct wizard *w, size_t criterion, int rows)
{
	const struct framework_criterion *c = &w->s.fw->criteria[criterion];
	enum level level = w->s.a->levels[criterion];
	char *line;
	if (level == LEVEL_UNANSWERED || level == LEVEL_NONE || !c->cell[level]) {
		if (asprintf(&line, "%s: %s", c->id, level == LEVEL_UNANSWERED ? "no level yet"
			     : "None, no cell of this row is reached") < 0)
			abort();
	} else if (asprintf(&line, "%s %s: %s", c->id, words_level(w->s.fw, level),
			    c->cell[level]) < 0) {
		abort();
	}
	int used = ui_put_hanging(&w->ui, w->body, 0, 0, line, w->cols - 1, 2, rows, UI_CHOSEN);
	free(line);
	return used + 1;
}

static void edit_draw(struct wizard *w, void *state)
{
	struct edit_state *e = state;
	const struct framework_criterion *c = &w->s.fw->criteria[e->criterion];
	char line[256];
	snprintf(line, sizeof line, "Evidence and notes for %s (%s)", c->id,
		 words_level(w->s.fw, w->s.a->levels[e->criterion]));
	ui_put_utf8(&w->ui, w->header, 0, 0, line, w->cols, UI_TITLE);
	tui_put_fitting(w, w->header, 1, "Tab switches field. Esc or F10 keeps the text; "
			"Ctrl-G discards this edit.\nTab: field. Esc or F10 keeps; Ctrl-G "
			"discards.", UI_DIM);
	int height = getmaxy(w->body);
	int y = draw_criterion(w, e->criterion, height / 4 > 1 ? height / 4 : 1);
	height -= y;
	int half = (height - 2) / 2;
	const char *labels[2] = { "Evidence:", "Notes:" };
	for (int i = 0; i < 2; i++) {
		int rows = i == 0 ? half : height - 2 - half;
		ui_put_utf8(&w->ui, w->body, y, 0, labels[i], w->cols,
			    e->focus == i ? UI_SELECTED : UI_TITLE);
		tui_field_draw(w, w->body, &e->field[i], y + 1, 2, w->cols - 3, rows,
			       e->focus == i);
		y += rows + 1;
	}
	tui_hints(w, "Tab field  Enter new line  Ctrl-K cut line  Esc/F10 keep  Ctrl-G discard\n"
		  "Tab field  Ctrl-K cut line  Esc keep  Ctrl-G discard");
}

/* What the editor holds goes into the assessment (and is saved). */
static void keep(struct wizard *w, struct edit_state *e, struct session_reply *reply)
{
	char *evidence = tui_field_utf8(&e->field[0]);
	char *notes = tui_field_utf8(&e->field[1]);
	session_set_texts(&w->s, e->criterion, evidence, notes, reply);
	free(evidence);
	free(notes);
}

static void edit_key(struct wizard *w, void *state, wint_t ch, bool is_code)
{
	struct edit_state *e = state;
	enum tui_close close = tui_close_key(ch, is_code);
	if (close == TUI_CLOSE_KEEP) {
		struct session_reply reply;
		keep(w, e, &reply);
		tui_reply(w, &reply);
		tui_close(w);
	} else if (close == TUI_CLOSE_DISCARD) {
		tui_message(w, UI_NORMAL, "Edit discarded.");
		tui_close(w);
	} else if ((!is_code && ch == L'\t') || (is_code && ch == KEY_BTAB)) {
		e->focus ^= 1;
	} else {
		tui_field_key(&e->field[e->focus], ch, is_code, w->cols - 3);
	}
}

static enum tui_binding edit_binds(const struct wizard *w, const void *state, wint_t ch,
				   bool is_code)
{
	(void)w;
	(void)state;
	if (tui_is_close_key(ch, is_code) || tui_key_listed(ch, is_code, L"\t",
							     (const int[]){ KEY_BTAB, 0 }))
		return TUI_BOUND;
	return tui_field_binds(ch, is_code, true) ? TUI_BOUND : TUI_UNBOUND;
}

static struct editor_field *edit_text_field(struct wizard *w, void *state, bool *lines)
{
	(void)w;
	struct edit_state *e = state;
	*lines = true;
	return &e->field[e->focus];
}

/* On a signal or when the terminal goes: the text typed so far is kept. */
static void edit_commit(struct wizard *w, void *state)
{
	keep(w, state, NULL);
}

const struct view view_edit = {
	.name = "edit", .modal = true, .state_size = sizeof(struct edit_state),
	.open = edit_open, .leave = edit_leave, .commit = edit_commit, .draw = edit_draw,
	.key = edit_key, .binds = edit_binds, .text_field = edit_text_field,
};
