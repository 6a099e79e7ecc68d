/* The start screen: a short form for a new assessment's details.  The
 * file is created when the form is completed, and saved after every
 * change from then on. */
#include "tui.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

/* The fields, in the order of the session's details. */
enum { FIELD_ORG = SESSION_ORGANISATION, FIELD_TYPE = SESSION_TYPE,
       FIELD_ASSESSORS = SESSION_ASSESSORS, FIELD_DATE = SESSION_DATE,
       FIELD_COUNT = SESSION_DETAIL_COUNT };

static const char *const labels[FIELD_COUNT] = {
	"Organisation", "Assessment type", "Assessors or participants", "Date (YYYY-MM-DD)",
};

/* The screen's own state: the text fields (the type is a toggle: its
 * field is unused), the toggle, and the field with the focus. */
struct start_state {
	struct editor_field field[FIELD_COUNT];
	bool peer;
	int focus;
};

static void start_open(struct wizard *w, void *state)
{
	struct start_state *f = state;
	char today[16];
	time_t now = time(NULL);
	struct tm tm;
	strftime(today, sizeof today, "%Y-%m-%d", localtime_r(&now, &tm));
	for (int i = 0; i < FIELD_COUNT; i++)
		tui_field_set(&f->field[i], &w->ui, i == FIELD_DATE ? today : "");
}

static void start_leave(struct wizard *w, void *state)
{
	(void)w;
	struct start_state *f = state;
	for (int i = 0; i < FIELD_COUNT; i++)
		tui_field_finish(&f->field[i]);
}

/* The text field of field, or NULL for the type's toggle. */
static struct editor_field *text_field(struct start_state *f, int field)
{
	return field == FIELD_TYPE ? NULL : &f->field[field];
}

static void start_draw(struct wizard *w, void *state)
{
	struct start_state *form = state;
	char line[512];
	snprintf(line, sizeof line, "New assessment: %s", w->s.path);
	ui_put_utf8(&w->ui, w->header, 0, 0, line, w->cols, UI_TITLE);
	snprintf(line, sizeof line, "%s, version %s", w->s.fw->title, w->s.fw->version);
	ui_put_utf8(&w->ui, w->header, 1, 0, line, w->cols, UI_DIM);
	int y = 1;
	for (int f = 0; f < FIELD_COUNT; f++, y += 2) {
		bool focus = form->focus == f;
		snprintf(line, sizeof line, "%s:", labels[f]);
		ui_put_utf8(&w->ui, w->body, y, 2, line, 28, focus ? UI_SELECTED : UI_TITLE);
		if (f == FIELD_TYPE) {
			/* the choices' words as in the file where the long ones do not fit */
			bool wide = w->cols - 31 >= (int)strlen("(*) self-assessment   (*) peer review");
			const char *self = wide ? "self-assessment" : "self";
			int gap = wide ? 3 : 5;
			snprintf(line, sizeof line, "%s %s%*s%s %s", form->peer ? "( )" : "(*)", self,
				 gap, "", form->peer ? "(*)" : "( )", wide ? "peer review" : "peer");
			ui_put_utf8(&w->ui, w->body, y, 30, line, w->cols - 31, UI_NORMAL);
			if (focus) {
				w->cursor_win = w->body;
				w->cursor_y = y;
				w->cursor_x = form->peer ? 31 + 4 + (int)strlen(self) + gap : 31;
			}
		} else {
			tui_field_draw(w, w->body, text_field(form, f), y, 30, w->cols - 31, 1, focus);
		}
	}
	static const char note[] = "The file is created when you press Enter on the last "
		"field (or F10), and every answer is saved as you give it. Esc leaves without "
		"creating it.";
	int rows = ui_wrapped_rows(&w->ui, note, w->cols - 4), height = getmaxy(w->body);
	if (y + 1 + rows > height) /* a short window: no blank line above it */
		y = height - rows > y - 1 ? height - rows : y - 1;
	else
		y++;
	ui_put_wrapped(&w->ui, w->body, y, 2, note, w->cols - 4, height - y, UI_DIM);
	tui_hints(w, "Tab/Down next field  Up previous  Space type  Enter next/start  Esc leave\n"
		  "Tab next  Up previous  Space type  Enter next/start  Esc leave");
}

static void finish_form(struct wizard *w, struct start_state *f)
{
	static const char *const names[SESSION_DETAIL_COUNT] = { "Organisation", "Assessment type",
								 "Assessors", "Date" };
	char *details[SESSION_DETAIL_COUNT];
	for (int i = 0; i < FIELD_COUNT; i++)
		details[i] = i == FIELD_TYPE ? strdup(f->peer ? "peer" : "self")
			: tui_field_utf8(&f->field[i]);
	if (!details[FIELD_TYPE])
		abort(); /* (a few bytes: nothing sensible to do instead) */
	struct session_reply reply;
	enum session_detail wrong;
	if (session_create(&w->s, (const char *const *)details, &wrong, &reply) == 0) {
		tui_goto_criterion(w, 0);
		tui_open(w, &view_category);
		tui_message(w, UI_OK, "%s Press 0-%zu to set each criterion's level; ? for help.",
			    reply.text, w->s.fw->level_count - 1);
	} else if (wrong != SESSION_DETAIL_COUNT) {
		tui_message(w, UI_ERROR, "%s: %s.", names[wrong], reply.text);
		f->focus = (int)wrong;
	} else {
		tui_reply(w, &reply);
	}
	for (int d = 0; d < SESSION_DETAIL_COUNT; d++)
		free(details[d]);
}

static void start_key(struct wizard *w, void *state, wint_t ch, bool is_code)
{
	struct start_state *f = state;
	if (is_code) {
		switch (ch) {
		case KEY_DOWN: case KEY_STAB:
			if (f->focus + 1 < FIELD_COUNT) f->focus++;
			return;
		case KEY_UP: case KEY_BTAB:
			if (f->focus) f->focus--;
			return;
		case KEY_F(10): finish_form(w, f); return;
		case KEY_F(1): tui_open(w, &view_help); return;
		case KEY_ENTER: ch = L'\n'; is_code = false; break;
		default: break;
		}
	}
	if (!is_code) {
		if (ch == 27) {
			w->quit = true;
			return;
		}
		if (ch == L'\t' || ch == L'\n' || ch == L'\r') {
			if (f->focus + 1 < FIELD_COUNT)
				f->focus++;
			else if (ch != L'\t')
				finish_form(w, f);
			return;
		}
		if (f->focus == FIELD_TYPE) {
			if (ch == L' ' || ch == L'p' || ch == L's')
				f->peer = ch == L' ' ? !f->peer : ch == L'p';
			return;
		}
	} else if (f->focus == FIELD_TYPE) {
		if (ch == KEY_LEFT || ch == KEY_RIGHT)
			f->peer = !f->peer;
		return;
	}
	tui_field_key(text_field(f, f->focus), ch, is_code, 1000);
}

static enum tui_binding start_binds(const struct wizard *w, const void *state, wint_t ch,
				    bool is_code)
{
	(void)w;
	const struct start_state *f = state;
	static const int moves[] = { KEY_DOWN, KEY_STAB, KEY_UP, KEY_BTAB, KEY_ENTER, 0 };
	bool on_type = f->focus == FIELD_TYPE;
	if (tui_key_listed(ch, is_code, L"\t\r\n", moves))
		return on_type ? TUI_BOUND_TEXT : TUI_BOUND; /* from the toggle into a field */
	if (tui_key_listed(ch, is_code, L"\x1b", (const int[]){ KEY_F(10), KEY_F(1), 0 }))
		return TUI_BOUND;
	if (on_type)
		return tui_key_listed(ch, is_code, L" ps", (const int[]){ KEY_LEFT, KEY_RIGHT, 0 })
			? TUI_BOUND : TUI_UNBOUND;
	return tui_field_binds(ch, is_code, false) ? TUI_BOUND : TUI_UNBOUND;
}

static struct editor_field *start_text_field(struct wizard *w, void *state, bool *lines)
{
	(void)w;
	struct start_state *f = state;
	*lines = false;
	return text_field(f, f->focus);
}

/* No commit hook: the form creates nothing until it is completed, not
 * even on a signal. */
const struct view view_start = {
	.name = "start", .state_size = sizeof(struct start_state), .open = start_open,
	.leave = start_leave, .draw = start_draw, .key = start_key, .binds = start_binds,
	.text_field = start_text_field,
};
