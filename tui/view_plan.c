/* The action plan of the current criterion (p): its target level (by
 * default its next cell) and its actions, in the spirit of a council's
 * equality action plan: add, edit, set status (RAG with words), record a
 * progress update, close.  Each change is saved at once (the actions
 * file, NAME-actions.csv). */
#include "tui.h"
#include "words.h"

#include <stdlib.h>

#include "plan.h"

/* The screen's own state: the criterion (the current one when it
 * opened), the action chosen among its actions, and (for the form it
 * opens) the action being edited, or -1 for a new one. */
struct plan_state {
	size_t criterion;
	size_t selected;
	long editing;
};

/* The index in the list of the row's k-th action; n: how many it has. */
static size_t row_action(const struct wizard *w, const struct plan_state *p, size_t k,
			 size_t *n)
{
	size_t first;
	*n = actionlist_of_criterion(w->s.actions, p->criterion, &first);
	return first + k;
}

/* Keep the chosen action among the row's (an outside change merged, or
 * an undo, may have taken one away). */
static void clamp(const struct wizard *w, struct plan_state *p)
{
	size_t n;
	row_action(w, p, 0, &n);
	if (p->selected >= n)
		p->selected = n ? n - 1 : 0;
}

static void plan_open(struct wizard *w, void *state)
{
	struct plan_state *p = state;
	p->criterion = w->criterion;
	p->editing = -1;
}

/* The target as shown: the recorded one, else the next cell. */
static enum level shown_target(const struct wizard *w, size_t criterion, enum level target)
{
	const struct framework_criterion *c = &w->s.fw->criteria[criterion];
	enum level current = w->s.a->levels[criterion];
	if (target > (current < LEVEL_NONE ? LEVEL_NONE : current) && c->cell[target])
		return target;
	return plan_next_level(c, current);
}

/* One action's line: "#2  At risk (amber)  due 2026-09-30  Publish ...". */
static void action_line(struct wizard *w, const struct actionlist_item *item, int y,
			bool selected, const char *today)
{
	char line[1200];
	snprintf(line, sizeof line, "#%-3u %-16s %s%-10s  %s", item->id,
		 actionlist_status_word(item->status), actionlist_overdue(item, today)
		 ? "OVERDUE " : "due ", *item->due ? item->due : "-", item->activity);
	ui_put_utf8(&w->ui, w->body, y, 2, line, w->cols - 3,
		    selected ? UI_SELECTED : UI_NORMAL);
	if (selected) {
		w->cursor_win = w->body;
		w->cursor_y = y;
		w->cursor_x = 2;
	}
}

/* Below the list: the chosen action's outcome, lead, due note, latest. */
static void details(struct wizard *w, const struct actionlist_item *item, int y, int height)
{
	const struct actionlist_update *u = actionlist_latest(item);
	const char *outcome = actionlist_outcome(item, w->s.a);
	char line[2400];
	snprintf(line, sizeof line, "Outcome: %s", *outcome ? outcome : "-");
	y += ui_put_wrapped(&w->ui, w->body, y, 2, line, w->cols - 3, 3, UI_NORMAL);
	snprintf(line, sizeof line, "Lead: %s", *item->lead ? item->lead : "-");
	if (y < height)
		ui_put_utf8(&w->ui, w->body, y++, 2, line, w->cols - 3, UI_NORMAL);
	snprintf(line, sizeof line, "Due note: %s", *item->due_note ? item->due_note : "-");
	if (y < height)
		ui_put_utf8(&w->ui, w->body, y++, 2, line, w->cols - 3, UI_NORMAL);
	if (u && y < height) {
		snprintf(line, sizeof line, "Latest: %s %s%s%s", u->date, u->who, *u->who ? ": " : "",
			 u->text);
		ui_put_wrapped(&w->ui, w->body, y, 2, line, w->cols - 3, height - y, UI_DIM);
	}
}

static void plan_draw(struct wizard *w, void *state)
{
	struct plan_state *p = state;
	const struct framework_criterion *c = &w->s.fw->criteria[p->criterion];
	char line[4096], today[11];
	clamp(w, p);
	actionlist_today(today);
	snprintf(line, sizeof line, "Actions for %s (now: %s)", c->id,
		 words_level(w->s.fw, w->s.a->levels[p->criterion]));
	ui_put_utf8(&w->ui, w->header, 0, 0, line, w->cols, UI_TITLE);
	tui_put_fitting(w, w->header, 1, "a adds an action; Enter edits the one chosen; Space "
			"sets its status; r records progress; t: target.\na add  Enter edit  "
			"Space status  r progress  t target", UI_DIM);
	enum level target = shown_target(w, p->criterion, w->s.a->answers[p->criterion].target);
	if (target == LEVEL_NONE)
		snprintf(line, sizeof line, "Target: none: this row is at its highest cell");
	else
		snprintf(line, sizeof line, "Target: %s: %s", words_level(w->s.fw, target),
			 c->cell[target]);
	int y = ui_put_wrapped(&w->ui, w->body, 0, 0, line, w->cols - 1, 3, UI_CHOSEN) + 1;
	size_t n, first = row_action(w, p, 0, &n);
	int height = getmaxy(w->body);
	w->cursor_win = w->body;
	w->cursor_y = 0;
	w->cursor_x = 0;
	if (n == 0)
		ui_put_utf8(&w->ui, w->body, y, 2, "No actions yet: a adds one.", w->cols - 3,
			    UI_DIM);
	for (size_t k = 0; k < n && y < height - 5; k++, y++)
		action_line(w, &w->s.actions->items[first + k], y, k == p->selected, today);
	if (n)
		details(w, &w->s.actions->items[first + p->selected], y + 1, height);
	tui_hints(w, "a add  Enter edit  Space status  r progress  c close  t target  Esc back\n"
		  "a add  Enter edit  Space status  r progress  Esc back");
}

/* r: the progress update typed in the footer. */
static void update_done(struct wizard *w, const char *text)
{
	const struct tui_frame *f = tui_top(w);
	if (!text || f->view != &view_plan)
		return;
	struct plan_state *p = f->state;
	clamp(w, p);
	size_t n, index = row_action(w, p, p->selected, &n);
	struct session_reply reply;
	if (n) {
		session_action_update(&w->s, index, text, &reply);
		tui_reply(w, &reply);
	}
}

/* t: the next target the row has (recorded in the assessment). */
static void cycle_target(struct wizard *w, struct plan_state *p)
{
	const struct framework_criterion *c = &w->s.fw->criteria[p->criterion];
	const struct assessment_answer *ans = &w->s.a->answers[p->criterion];
	enum level next = plan_next_level(c, shown_target(w, p->criterion, ans->target));
	if (next == LEVEL_NONE)
		next = plan_next_level(c, w->s.a->levels[p->criterion]);
	struct session_reply reply;
	session_set_plan(&w->s, p->criterion, next == LEVEL_NONE ? LEVEL_UNANSWERED : next,
			 ans->action, ans->lead_officer, ans->timescale, &reply);
	tui_reply(w, &reply);
}

static void plan_key(struct wizard *w, void *state, wint_t ch, bool is_code)
{
	struct plan_state *p = state;
	clamp(w, p);
	size_t n, index = row_action(w, p, p->selected, &n);
	struct session_reply reply;
	if (tui_close_key(ch, is_code) != TUI_CLOSE_NO || (!is_code && ch == L'q')) {
		tui_close(w);
	} else if ((!is_code && ch == L'j') || (is_code && ch == KEY_DOWN)) {
		p->selected += p->selected + 1 < n;
	} else if ((!is_code && ch == L'k') || (is_code && ch == KEY_UP)) {
		p->selected -= p->selected > 0;
	} else if (!is_code && ch == L'a') {
		p->editing = -1;
		tui_open(w, &view_action);
	} else if (!is_code && ch == L't') {
		cycle_target(w, p);
	} else if (n && ((!is_code && (ch == L'\r' || ch == L'\n' || ch == L'e')) ||
			 (is_code && ch == KEY_ENTER))) {
		p->editing = (long)index;
		tui_open(w, &view_action);
	} else if (n && !is_code && ch == L' ') {
		enum actionlist_status next = (w->s.actions->items[index].status + 1) %
					      ACTIONLIST_STATUS_COUNT;
		session_action_status(&w->s, index, next, &reply);
		tui_reply(w, &reply);
	} else if (n && !is_code && ch == L'c') {
		session_action_status(&w->s, index, ACTIONLIST_DONE, &reply);
		tui_reply(w, &reply);
	} else if (n && !is_code && ch == L'r') {
		char label[64];
		snprintf(label, sizeof label, "Progress on %s #%u: ",
			 w->s.fw->criteria[p->criterion].id, w->s.actions->items[index].id);
		tui_prompt(w, label, "", update_done);
	}
}

static enum tui_binding plan_binds(const struct wizard *w, const void *state, wint_t ch,
				   bool is_code)
{
	const struct plan_state *p = state;
	size_t n;
	row_action(w, p, 0, &n);
	if (tui_is_close_key(ch, is_code) ||
	    tui_key_listed(ch, is_code, L"qjkat", (const int[]){ KEY_UP, KEY_DOWN, 0 }))
		return ch == L'a' && !is_code ? TUI_BOUND_TEXT : TUI_BOUND;
	if (n && tui_key_listed(ch, is_code, L"\r\ne", (const int[]){ KEY_ENTER, 0 }))
		return TUI_BOUND_TEXT;
	if (n && tui_key_listed(ch, is_code, L" c", NULL))
		return TUI_BOUND;
	if (n && tui_key_listed(ch, is_code, L"r", NULL))
		return TUI_BOUND_TEXT;
	return TUI_UNBOUND;
}

const struct view view_plan = {
	.name = "plan", .modal = true, .state_size = sizeof(struct plan_state),
	.open = plan_open, .draw = plan_draw, .key = plan_key, .binds = plan_binds,
};

/* ---- The form: one action's fields ---- */

enum { FIELD_OUTCOME, FIELD_ACTIVITY, FIELD_LEAD, FIELD_DUE, FIELD_DUE_NOTE, FIELD_COUNT };

static const char *const field_labels[FIELD_COUNT] = {
	"Outcome:", "Activity:", "Lead:", "Due:", "Due note:",
};

/* The form's own state: the action (index into the list, or -1: new, for
 * criterion), its fields, its status, and the focus (FIELD_COUNT: the
 * status). */
struct action_state {
	long index;
	size_t criterion;
	struct editor_field field[FIELD_COUNT];
	enum actionlist_status status;
	int focus;
};

static void action_open(struct wizard *w, void *state)
{
	struct action_state *a = state;
	const struct plan_state *p = tui_top(w)->state;
	a->index = p->editing;
	a->criterion = p->criterion;
	a->focus = FIELD_ACTIVITY;
	const struct actionlist_item *item = a->index >= 0 ? &w->s.actions->items[a->index] : NULL;
	const char *texts[FIELD_COUNT] = { "", "", "", "", "" };
	if (item) {
		texts[FIELD_OUTCOME] = item->outcome;
		texts[FIELD_ACTIVITY] = item->activity;
		texts[FIELD_LEAD] = item->lead;
		texts[FIELD_DUE] = item->due;
		texts[FIELD_DUE_NOTE] = item->due_note;
		a->status = item->status;
	}
	for (int i = 0; i < FIELD_COUNT; i++)
		tui_field_set(&a->field[i], &w->ui, texts[i]);
}

static void action_leave(struct wizard *w, void *state)
{
	(void)w;
	struct action_state *a = state;
	for (int i = 0; i < FIELD_COUNT; i++)
		tui_field_finish(&a->field[i]);
}

static void action_draw(struct wizard *w, void *state)
{
	struct action_state *a = state;
	const char *id = w->s.fw->criteria[a->criterion].id;
	char line[256];
	if (a->index >= 0)
		snprintf(line, sizeof line, "Action %s #%u", id, w->s.actions->items[a->index].id);
	else
		snprintf(line, sizeof line, "New action for %s", id);
	ui_put_utf8(&w->ui, w->header, 0, 0, line, w->cols, UI_TITLE);
	tui_put_fitting(w, w->header, 1, "Tab: next field. Due is a date, YYYY-MM-DD; words "
			"(\"Sept 2027 review\") go in the due note. Outcome empty: the target "
			"cell.\nTab: next field. Due: YYYY-MM-DD; words go in the due note.", UI_DIM);
	int height = getmaxy(w->body);
	int rows[FIELD_COUNT] = { 2, height > 12 ? height - 11 : 1, 1, 1, 1 };
	int y = 0;
	for (int i = 0; i < FIELD_COUNT; i++) {
		ui_put_utf8(&w->ui, w->body, y, 0, field_labels[i], 10,
			    a->focus == i ? UI_SELECTED : UI_TITLE);
		tui_field_draw(w, w->body, &a->field[i], y, 11, w->cols - 12, rows[i],
			       a->focus == i);
		y += rows[i] + 1;
	}
	ui_put_utf8(&w->ui, w->body, y, 0, "Status:", 10,
		    a->focus == FIELD_COUNT ? UI_SELECTED : UI_TITLE);
	ui_put_utf8(&w->ui, w->body, y, 11, actionlist_status_word(a->status), w->cols - 12,
		    UI_CHOSEN);
	if (a->focus == FIELD_COUNT) {
		w->cursor_win = w->body;
		w->cursor_y = y;
		w->cursor_x = 11;
	}
	tui_hints(w, "Tab field  Space status (on Status)  Esc/F10 keep  Ctrl-G discard\n"
		  "Tab field  Esc keep  Ctrl-G discard");
}

/* What the form holds goes into the actions (and is saved).  Returns 0,
 * or -1 (refused: reply says why; the form stays open). */
static int action_keep(struct wizard *w, struct action_state *a, struct session_reply *reply)
{
	char *t[FIELD_COUNT];
	for (int i = 0; i < FIELD_COUNT; i++)
		t[i] = tui_field_utf8(&a->field[i]);
	int rc = -1;
	if (t[0] && t[1] && t[2] && t[3] && t[4]) {
		struct actionlist_fields f = { t[0], t[1], t[2], t[3], t[4], a->status };
		if (a->index >= 0)
			rc = session_action_edit(&w->s, (size_t)a->index, &f, reply);
		else if (*t[FIELD_ACTIVITY] || *t[FIELD_OUTCOME] || *t[FIELD_LEAD] || *t[FIELD_DUE])
			rc = session_action_add(&w->s, a->criterion, &f, reply) < 0 ? -1 : 0;
		else
			session_reply_set(reply, SESSION_NOTE, "Nothing typed: no action added."), rc = 0;
	}
	for (int i = 0; i < FIELD_COUNT; i++)
		free(t[i]);
	return rc;
}

static void action_commit(struct wizard *w, void *state)
{
	action_keep(w, state, NULL);
}

static void action_key(struct wizard *w, void *state, wint_t ch, bool is_code)
{
	struct action_state *a = state;
	enum tui_close close = tui_close_key(ch, is_code);
	if (close == TUI_CLOSE_KEEP) {
		struct session_reply reply = { SESSION_SILENT, "" };
		int rc = action_keep(w, a, &reply);
		tui_reply(w, &reply);
		if (rc == 0)
			tui_close(w);
	} else if (close == TUI_CLOSE_DISCARD) {
		tui_message(w, UI_NORMAL, "Action edit discarded.");
		tui_close(w);
	} else if ((!is_code && ch == L'\t') || (is_code && ch == KEY_BTAB)) {
		a->focus = (a->focus + (is_code ? FIELD_COUNT : 1)) % (FIELD_COUNT + 1);
	} else if (a->focus == FIELD_COUNT) {
		a->status = (a->status + 1) % ACTIONLIST_STATUS_COUNT;
	} else if (a->focus != FIELD_ACTIVITY &&
		   tui_key_listed(ch, is_code, L"\r\n", (const int[]){ KEY_ENTER, 0 })) {
		a->focus = (a->focus + 1) % (FIELD_COUNT + 1); /* one-line fields: Enter moves on */
	} else {
		tui_field_key(&a->field[a->focus], ch, is_code, w->cols - 12);
	}
}

static enum tui_binding action_binds(const struct wizard *w, const void *state, wint_t ch,
				     bool is_code)
{
	(void)w;
	const struct action_state *a = state;
	if (tui_is_close_key(ch, is_code))
		return TUI_BOUND;
	if (tui_key_listed(ch, is_code, L"\t", (const int[]){ KEY_BTAB, 0 }))
		return TUI_BOUND_TEXT;
	if (a->focus == FIELD_COUNT)
		return tui_key_listed(ch, is_code, L" ", NULL) ? TUI_BOUND : TUI_UNBOUND;
	if (a->focus != FIELD_ACTIVITY &&
	    tui_key_listed(ch, is_code, L"\r\n", (const int[]){ KEY_ENTER, 0 }))
		return TUI_BOUND;
	return tui_field_binds(ch, is_code, a->focus == FIELD_ACTIVITY) ? TUI_BOUND : TUI_UNBOUND;
}

static struct editor_field *action_text_field(struct wizard *w, void *state, bool *lines)
{
	(void)w;
	struct action_state *a = state;
	*lines = a->focus == FIELD_ACTIVITY;
	return a->focus < FIELD_COUNT ? &a->field[a->focus] : NULL;
}

const struct view view_action = {
	.name = "action", .modal = true, .state_size = sizeof(struct action_state),
	.open = action_open, .leave = action_leave, .commit = action_commit,
	.draw = action_draw, .key = action_key, .binds = action_binds,
	.text_field = action_text_field,
};
