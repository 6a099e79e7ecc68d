/* The action plan editor for the current criterion: the target level (by
 * default its next cell), the action, the lead officer and the timescale,
 * in the spirit of a council's equality action plan. */
#include "tui.h"
#include "words.h"

#include <stdlib.h>

#include "plan.h"

static const char *const labels[3] = { "Action:", "Lead officer:", "Timescale:" };

/* The screen's own state: the criterion (the current one when it
 * opened), the target as chosen, the three fields, and which of the four
 * has the focus (0: the target). */
struct plan_state {
	size_t criterion;
	enum level target;
	struct editor_field field[3]; /* action, lead officer, timescale */
	int focus;
};

static void plan_open(struct wizard *w, void *state)
{
	struct plan_state *p = state;
	const struct assessment_answer *ans = &w->s.a->answers[w->criterion];
	p->criterion = w->criterion;
	p->target = ans->target;
	tui_field_set(&p->field[0], &w->ui, ans->action);
	tui_field_set(&p->field[1], &w->ui, ans->lead_officer);
	tui_field_set(&p->field[2], &w->ui, ans->timescale);
}

static void plan_leave(struct wizard *w, void *state)
{
	(void)w;
	struct plan_state *p = state;
	for (int i = 0; i < 3; i++)
		tui_field_finish(&p->field[i]);
}

/* The target as shown: the recorded one, else the next cell. */
static enum level shown_target(const struct wizard *w, const struct plan_state *p)
{
	const struct framework_criterion *c = &w->s.fw->criteria[p->criterion];
	enum level current = w->s.a->levels[p->criterion];
	if (p->target > (current < LEVEL_NONE ? LEVEL_NONE : current) && c->cell[p->target])
		return p->target;
	return plan_next_level(c, current);
}

static void plan_draw(struct wizard *w, void *state)
{
	struct plan_state *p = state;
	const struct framework_criterion *c = &w->s.fw->criteria[p->criterion];
	char line[4096];
	enum level current = w->s.a->levels[p->criterion];
	snprintf(line, sizeof line, "Action plan for %s (now: %s)", c->id,
		 words_level(w->s.fw, current));
	ui_put_utf8(&w->ui, w->header, 0, 0, line, w->cols, UI_TITLE);
	tui_put_fitting(w, w->header, 1, "Tab switches field; Space changes the target. "
			"Esc or F10 keeps; Ctrl-G discards.\nTab: field; Space: target. Esc "
			"keeps; Ctrl-G discards.", UI_DIM);
	enum level target = shown_target(w, p);
	ui_put_utf8(&w->ui, w->body, 0, 0, "Target:", 14, p->focus == 0 ? UI_SELECTED : UI_TITLE);
	if (target == LEVEL_NONE) {
		ui_put_utf8(&w->ui, w->body, 0, 15, "none: this row is at its highest cell",
			    w->cols - 16, UI_DIM);
	} else {
		snprintf(line, sizeof line, "%s: %s", words_level(w->s.fw, target), c->cell[target]);
		ui_put_wrapped(&w->ui, w->body, 0, 15, line, w->cols - 16, 4, UI_CHOSEN);
	}
	if (p->focus == 0) {
		w->cursor_win = w->body;
		w->cursor_y = 0;
		w->cursor_x = 15;
	}
	int height = getmaxy(w->body);
	int y = 5;
	int rows[3] = { height - y - 5, 1, 1 };
	for (int i = 0; i < 3; i++) {
		ui_put_utf8(&w->ui, w->body, y, 0, labels[i], 14,
			    p->focus == i + 1 ? UI_SELECTED : UI_TITLE);
		tui_field_draw(w, w->body, &p->field[i], y, 15, w->cols - 16, rows[i],
			       p->focus == i + 1);
		y += rows[i] + 1;
	}
	tui_hints(w, "Tab field  Space target  Enter new line (action)  Esc/F10 keep  Ctrl-G discard\n"
		  "Tab field  Space target  Esc keep  Ctrl-G discard");
}

static void cycle_target(const struct wizard *w, struct plan_state *p)
{
	const struct framework_criterion *c = &w->s.fw->criteria[p->criterion];
	enum level next = plan_next_level(c, shown_target(w, p));
	p->target = next != LEVEL_NONE ? next : plan_next_level(c, w->s.a->levels[p->criterion]);
}

/* What the plan editor holds goes into the assessment (and is saved). */
static int keep(struct wizard *w, const struct plan_state *p, struct session_reply *reply)
{
	char *texts[3];
	for (int i = 0; i < 3; i++)
		texts[i] = tui_field_utf8(&p->field[i]);
	enum level target = p->target > LEVEL_NONE ? shown_target(w, p) : LEVEL_UNANSWERED;
	int rc = session_set_plan(&w->s, p->criterion, target, texts[0], texts[1], texts[2],
				  reply);
	for (int i = 0; i < 3; i++)
		free(texts[i]);
	return rc;
}

/* On a signal or when the terminal goes: the plan typed so far is kept. */
static void plan_commit(struct wizard *w, void *state)
{
	keep(w, state, NULL);
}

static void plan_key(struct wizard *w, void *state, wint_t ch, bool is_code)
{
	struct plan_state *p = state;
	enum tui_close close = tui_close_key(ch, is_code);
	if (close == TUI_CLOSE_KEEP) {
		struct session_reply reply;
		keep(w, p, &reply);
		tui_reply(w, &reply);
		tui_close(w);
	} else if (close == TUI_CLOSE_DISCARD) {
		tui_message(w, UI_NORMAL, "Plan edit discarded.");
		tui_close(w);
	} else if ((!is_code && ch == L'\t') || (is_code && ch == KEY_BTAB)) {
		p->focus = (p->focus + (ch == L'\t' && !is_code ? 1 : 3)) % 4;
	} else if (p->focus == 0) {
		if ((!is_code && ch == L' ') || (is_code && (ch == KEY_RIGHT || ch == KEY_LEFT)))
			cycle_target(w, p);
	} else if (p->focus > 1 &&
		   tui_key_listed(ch, is_code, L"\r\n", (const int[]){ KEY_ENTER, 0 })) {
		p->focus = (p->focus + 1) % 4; /* lead officer, timescale: one line each */
	} else {
		tui_field_key(&p->field[p->focus - 1], ch, is_code, w->cols - 16);
	}
}

static enum tui_binding plan_binds(const struct wizard *w, const void *state, wint_t ch,
				   bool is_code)
{
	(void)w;
	const struct plan_state *p = state;
	if (tui_is_close_key(ch, is_code))
		return TUI_BOUND;
	if (tui_key_listed(ch, is_code, L"\t", (const int[]){ KEY_BTAB, 0 }))
		return p->focus == 0 ? TUI_BOUND_TEXT : TUI_BOUND; /* into a field */
	if (p->focus == 0)
		return tui_key_listed(ch, is_code, L" ", (const int[]){ KEY_LEFT, KEY_RIGHT, 0 })
			? TUI_BOUND : TUI_UNBOUND;
	if (p->focus > 1 && tui_key_listed(ch, is_code, L"\r\n", (const int[]){ KEY_ENTER, 0 }))
		return TUI_BOUND;
	return tui_field_binds(ch, is_code, p->focus == 1) ? TUI_BOUND : TUI_UNBOUND;
}

static struct editor_field *plan_text_field(struct wizard *w, void *state, bool *lines)
{
	(void)w;
	struct plan_state *p = state;
	*lines = p->focus == 1; /* the action; lead officer and timescale are one line */
	return p->focus ? &p->field[p->focus - 1] : NULL;
}

const struct view view_plan = {
	.name = "plan", .modal = true, .state_size = sizeof(struct plan_state),
	.open = plan_open, .leave = plan_leave, .commit = plan_commit, .draw = plan_draw,
	.key = plan_key, .binds = plan_binds, .text_field = plan_text_field,
};
