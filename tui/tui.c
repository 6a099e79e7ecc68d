/* tui: the full-screen loop, layout, footer prompt and shared helpers. */
#include "tui.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#include "actions.h"
#include "keymap.h"
#include "words.h"

/* Set by the handlers of SIGWINCH and SIGCONT; the loop does the work. */
static volatile sig_atomic_t window_resized, continued;

static void on_resize(int signo)
{
	(void)signo;
	window_resized = 1;
}

static void on_continue(int signo)
{
	(void)signo;
	continued = 1;
}

void tui_install_signals(void)
{
	/* SA_RESTART for the reads of plain mode (if newterm fails); the
	 * loop's poll returns on a signal regardless. */
	struct sigaction sa = { .sa_handler = on_resize, .sa_flags = SA_RESTART };
	sigemptyset(&sa.sa_mask);
	sigaction(SIGWINCH, &sa, NULL);
	sa.sa_handler = on_continue;
	sigaction(SIGCONT, &sa, NULL);
}

void tui_message(struct wizard *w, enum ui_style style, const char *format, ...)
{
	va_list args;
	va_start(args, format);
	vsnprintf(w->message, sizeof w->message, format, args);
	va_end(args);
	w->message_style = style;
}

void tui_refuse(struct wizard *w, const char *format, ...)
{
	va_list args;
	va_start(args, format);
	vsnprintf(w->message, sizeof w->message, format, args);
	va_end(args);
	w->message_style = UI_ERROR;
	w->refused = true;
}

bool tui_key_listed(wint_t ch, bool is_code, const wchar_t *chars, const int *codes)
{
	if (!is_code)
		return ch != 0 && chars && wcschr(chars, (wchar_t)ch);
	for (; codes && *codes; codes++)
		if ((wint_t)*codes == ch)
			return true;
	return false;
}

void tui_open(struct wizard *w, const struct view *view)
{
	w->opening = view;
	w->closing = false;
}

void tui_close(struct wizard *w)
{
	w->closing = true;
	w->opening = NULL;
}

const struct tui_frame *tui_top(const struct wizard *w)
{
	return w->depth ? &w->frame[w->depth - 1] : NULL;
}

/* The view on top leaves, and its state is freed. */
static void pop(struct wizard *w)
{
	struct tui_frame *f = &w->frame[--w->depth];
	if (f->view->leave)
		f->view->leave(w, f->state);
	free(f->state);
	*f = (struct tui_frame){0};
}

/* Do what tui_open or tui_close asked for. */
static void switch_views(struct wizard *w)
{
	if (w->closing && w->depth > 1 && tui_top(w)->view->modal)
		pop(w);
	w->closing = false;
	const struct view *view = w->opening;
	w->opening = NULL;
	if (!view)
		return;
	void *state = calloc(1, view->state_size ? view->state_size : 1);
	if (!state)
		abort(); /* a few hundred bytes: nothing sensible to do instead */
	if (view->open)
		view->open(w, state); /* (the view it comes from still on top) */
	if (!view->modal)
		while (w->depth)
			pop(w);
	else if (w->depth == TUI_MAX_DEPTH)
		pop(w); /* (deeper than any path through the screens goes) */
	w->frame[w->depth++] = (struct tui_frame){ view, state };
}

void tui_goto_criterion(struct wizard *w, size_t criterion)
{
	w->criterion = criterion;
}

size_t tui_category(const struct wizard *w)
{
	return w->s.fw->criteria[w->criterion].category;
}

enum ui_style tui_level_style(const struct framework *fw, enum level level)
{
	if (level <= LEVEL_NONE || level > framework_highest_level(fw))
		return UI_DIM;
	if (level == framework_highest_level(fw))
		return UI_LEADING;
	return level == 1 ? UI_DEVELOPING : UI_ESTABLISHED;
}

void tui_draw_bar(struct wizard *w, WINDOW *win, int y, int x, int width,
		  const struct framework_category *cat, int score, int max)
{
	if (width < 3 || max <= 0)
		return;
	int inner = width - 2;
	mvwaddwstr(win, y, x, L"[");
	for (int i = 0; i < inner; i++) {
		int from = i * max / inner, to = (i + 1) * max / inner;
		bool tick = false;
		for (size_t l = 2; l < w->s.fw->level_count; l++) {
			int start = cat->published[l].from;
			tick |= start > from && start <= to && i > 0;
		}
		const wchar_t *g = tick ? w->ui.glyph.bar_boundary
			: score > from ? w->ui.glyph.bar_full : w->ui.glyph.bar_empty;
		wattrset(win, score > from && !tick ? w->ui.style[UI_OK] : A_NORMAL);
		waddwstr(win, g);
	}
	wattrset(win, A_NORMAL);
	waddwstr(win, L"]");
}

void tui_put_fitting(struct wizard *w, WINDOW *win, int y, const char *versions,
		     enum ui_style style)
{
	char line[256];
	for (;;) {
		const char *end = strchr(versions, '\n');
		size_t n = end ? (size_t)(end - versions) : strlen(versions);
		snprintf(line, sizeof line, "%.*s", (int)n, versions);
		if (!end || (int)n <= w->cols)
			break; /* ASCII: bytes are columns */
		versions = end + 1;
	}
	ui_put_utf8(&w->ui, win, y, 0, line, w->cols, style);
}

void tui_hints(struct wizard *w, const char *hints)
{
	/* after a refusal that threw keys away, that is said here instead */
	if (w->alert[0])
		ui_put_utf8(&w->ui, w->footer, 0, 0, w->alert, w->cols, UI_ERROR);
	else
		tui_put_fitting(w, w->footer, 0, hints, UI_KEY);
}

/* ---- editable fields (the editor, the form, the prompt): field.h ---- */

void tui_field_set(struct editor_field *f, const struct ui *ui, const char *utf8)
{
	(void)ui;
	field_set(f, utf8); /* data, not display: keep every character */
}

char *tui_field_utf8(const struct editor_field *f)
{
	char *out = strdup(f->text ? f->text : "");
	if (!out)
		abort();
	return out;
}

void tui_field_finish(struct editor_field *f)
{
	field_finish(f);
}

/* The edit a key does in a field, or -1 (a character, or nothing). */
static int field_edit_for(wint_t ch, bool is_code)
{
	static const struct { bool code; wint_t key; enum field_edit edit; } edits[] = {
		{ true, KEY_LEFT, FIELD_LEFT }, { true, KEY_RIGHT, FIELD_RIGHT },
		{ true, KEY_UP, FIELD_UP }, { true, KEY_DOWN, FIELD_DOWN },
		{ true, KEY_HOME, FIELD_LINE_START }, { true, KEY_END, FIELD_LINE_END },
		{ true, KEY_DC, FIELD_DELETE }, { true, KEY_BACKSPACE, FIELD_BACKSPACE },
		{ false, 1, FIELD_LINE_START }, { false, 5, FIELD_LINE_END },     /* Ctrl-A, E */
		{ false, 2, FIELD_LEFT }, { false, 6, FIELD_RIGHT },             /* Ctrl-B, F */
		{ false, 4, FIELD_DELETE }, { false, 8, FIELD_BACKSPACE },       /* Ctrl-D, H */
		{ false, 127, FIELD_BACKSPACE }, { false, 11, FIELD_KILL_END },  /* Ctrl-K */
		{ false, 21, FIELD_KILL_START },                                 /* Ctrl-U */
	};
	for (size_t i = 0; i < sizeof edits / sizeof edits[0]; i++)
		if (edits[i].code == is_code && edits[i].key == ch)
			return (int)edits[i].edit;
	return -1;
}

/* Insert one character (a code point) at the cursor. */
static void field_put_char(struct editor_field *f, wchar_t c)
{
	size_t size;
	char *utf8 = text_from_wide(&c, 1, &size);
	if (!utf8)
		abort();
	field_insert(f, utf8, size);
	free(utf8);
}

bool tui_field_key(struct editor_field *f, wint_t ch, bool is_code, int width)
{
	int edit = field_edit_for(ch, is_code);
	if (edit >= 0) {
		field_edit(f, (enum field_edit)edit, width);
		return true;
	}
	if (is_code && ch == KEY_ENTER)
		ch = L'\n';
	else if (is_code)
		return false;
	if (ch == L'\r')
		ch = L'\n';
	if (ch != L'\n' && (ch < 32 || ch == 127))
		return false;
	field_put_char(f, (wchar_t)ch);
	return true;
}

bool tui_field_binds(wint_t ch, bool is_code, bool lines)
{
	static const int codes[] = { KEY_LEFT, KEY_RIGHT, KEY_HOME, KEY_END, KEY_DC,
				     KEY_BACKSPACE, KEY_UP, KEY_DOWN, 0 };
	if (is_code)
		return tui_key_listed(ch, true, NULL, codes) || (lines && ch == KEY_ENTER);
	if (ch == L'\r' || ch == L'\n')
		return lines;
	/* Ctrl-A, B, D, E, F, H, K, U, and Backspace */
	return (ch >= 32 && ch != 127) || tui_key_listed(ch, false, L"\x01\x02\x04\x05\x06\b\v\x15\x7f", NULL);
}

size_t tui_field_insert(struct editor_field *f, const wchar_t *text, size_t n, bool lines,
			size_t max)
{
	if (max) {
		size_t have = field_characters(f);
		if (have + n > max)
			n = have < max ? max - have : 0;
	}
	wchar_t *copy = malloc((n + 1) * sizeof *copy);
	if (!copy)
		abort();
	for (size_t i = 0; i < n; i++)
		copy[i] = !lines && (text[i] == L'\n' || text[i] == L'\t') ? L' ' : text[i];
	size_t size;
	char *utf8 = text_from_wide(copy, n, &size);
	free(copy);
	if (!utf8)
		abort();
	field_insert(f, utf8, size);
	free(utf8);
	return n;
}

/* Draw stored text[0..size) at (y, x) in its shown form, at most width
 * columns: a field cannot send a control or reorder the screen. */
static void put_field_text(struct wizard *w, WINDOW *win, int y, int x, const char *text,
			   size_t size, int width)
{
	char *copy = strndup(text, size);
	if (!copy)
		abort();
	size_t n;
	char *shown = ui_shown(&w->ui, copy, &n);
	ui_put_shown(&w->ui, win, y, x, shown, n, width, UI_NORMAL);
	free(shown);
	free(copy);
}

void tui_field_draw(struct wizard *w, WINDOW *win, struct editor_field *f, int y, int x,
		    int width, int rows, bool focused)
{
	struct text_lines lines;
	if (field_layout(f, width, &lines) != 0)
		abort(); /* interactive text: cannot be large */
	int crow = (int)field_cursor_row(f, &lines);
	if (crow < f->top)
		f->top = crow;
	if (crow >= f->top + rows)
		f->top = crow - rows + 1;
	for (int r = 0; r < rows && (size_t)f->top + (size_t)r < lines.count; r++) {
		const struct text_line *l = &lines.line[(size_t)f->top + (size_t)r];
		put_field_text(w, win, y + r, x, f->text + l->start, l->end - l->start, width);
	}
	if (focused) {
		/* on the row, even in the spaces a line breaks at */
		size_t start = lines.line[crow].start;
		int col = ui_shown_width(&w->ui, f->text + start, f->cursor - start);
		w->cursor_win = win;
		w->cursor_y = y + crow - f->top;
		w->cursor_x = x + (col < width ? col : width);
	}
	text_lines_finish(&lines);
}

enum tui_close tui_close_key(wint_t ch, bool is_code)
{
	if ((is_code && ch == KEY_F(10)) || (!is_code && (ch == 27 || ch == 24)))
		return TUI_CLOSE_KEEP;
	if (!is_code && ch == 7)
		return TUI_CLOSE_DISCARD;
	return TUI_CLOSE_NO;
}

bool tui_is_close_key(wint_t ch, bool is_code)
{
	return tui_close_key(ch, is_code) != TUI_CLOSE_NO;
}

/* ---- the footer prompt ---- */

void tui_prompt(struct wizard *w, const char *label, const char *initial,
		void (*done)(struct wizard *w, const char *utf8))
{
	struct prompt *p = &w->prompt;
	p->active = true;
	p->escape_keeps = false;
	p->confirm = false;
	p->choices[0] = '\0';
	p->done = done;
	p->commit = NULL;
	snprintf(p->label, sizeof p->label, "%s", label);
	/* at most TUI_PROMPT_MAX characters, cut between clusters */
	tui_field_set(&p->field, &w->ui, "");
	size_t keep = 0, chars = 0, n = strlen(initial);
	while (keep < n && chars < TUI_PROMPT_MAX) {
		keep = text_cluster_next(initial, n, keep);
		chars++;
	}
	field_insert(&p->field, initial, keep);
}

static void prompt_close(struct wizard *w, bool keep)
{
	struct prompt *p = &w->prompt;
	char *utf8 = keep ? tui_field_utf8(&p->field) : NULL;
	p->active = false;
	p->done(w, utf8); /* (which may open another prompt) */
	free(utf8);
}

static enum tui_binding prompt_binds(const struct wizard *w, wint_t ch, bool is_code)
{
	if (w->prompt.confirm || w->prompt.choices[0])
		return TUI_BOUND; /* any key answers: y yes, anything else no; or a choice */
	if (tui_key_listed(ch, is_code, L"\x1b\a\r\n", (const int[]){ KEY_F(10), KEY_ENTER, 0 }))
		return TUI_BOUND;
	return tui_field_binds(ch, is_code, false) ? TUI_BOUND : TUI_UNBOUND;
}

void tui_confirm(struct wizard *w, const char *question,
		 void (*done)(struct wizard *w, const char *utf8))
{
	tui_prompt(w, question, "", done);
	w->prompt.confirm = true;
}

void tui_choose(struct wizard *w, const char *question, const char *choices,
		void (*done)(struct wizard *w, const char *utf8))
{
	tui_prompt(w, question, "", done);
	snprintf(w->prompt.choices, sizeof w->prompt.choices, "%s", choices);
}

/* A key for a tui_choose question. */
static void choice_key(struct wizard *w, wint_t ch, bool is_code)
{
	struct prompt *p = &w->prompt;
	if (tui_close_key(ch, is_code) != TUI_CLOSE_NO) {
		p->active = false;
		p->done(w, NULL);
		return;
	}
	if (is_code || ch >= 128 || ch < 32 || !strchr(p->choices, (int)ch)) {
		char name[32];
		keymap_name(ch, is_code, name, sizeof name);
		tui_refuse(w, "%s is not one of the answers; Esc cancels.", name);
		return;
	}
	char answer[2] = { (char)ch, '\0' };
	p->active = false;
	p->done(w, answer);
}

static void prompt_key(struct wizard *w, wint_t ch, bool is_code)
{
	struct prompt *p = &w->prompt;
	if (p->choices[0]) {
		choice_key(w, ch, is_code);
		return;
	}
	if (p->confirm) {
		/* A yes must be pressed once the question shows, not typed before */
		if (w->typed_ahead) {
			tui_refuse(w, "Typed before the question showed: read it, then y or n.");
			return;
		}
		p->active = false;
		p->done(w, !is_code && (ch == L'y' || ch == L'Y') ? "y" : NULL);
		return;
	}
	bool escape = (!is_code && ch == 27) || (is_code && ch == KEY_F(10));
	if ((!is_code && ch == 7) || (escape && !p->escape_keeps)) {
		prompt_close(w, false);
		return;
	}
	if (escape || (!is_code && (ch == L'\n' || ch == L'\r')) || (is_code && ch == KEY_ENTER)) {
		prompt_close(w, true);
		return;
	}
	if (!is_code && ch >= 32 && field_characters(&p->field) >= TUI_PROMPT_MAX) {
		tui_refuse(w, "At most %d characters here.", TUI_PROMPT_MAX);
		return;
	}
	tui_field_key(&p->field, ch, is_code, 1000);
}

/* ---- what the session's actions reply ---- */

void tui_reply(struct wizard *w, const struct session_reply *r)
{
	switch (r->tone) {
	case SESSION_SILENT:
		return;
	case SESSION_DONE:
		tui_message(w, UI_OK, "%s", r->text);
		return;
	case SESSION_NOTE:
	case SESSION_ASK:
		tui_message(w, UI_NORMAL, "%s", r->text);
		return;
	case SESSION_UNSAVED:
	case SESSION_WARNING:
		tui_message(w, UI_ERROR, "%s", r->text);
		return;
	case SESSION_REFUSED:
		tui_refuse(w, "Refused: %s.", r->text);
		return;
	case SESSION_FAILED:
		tui_refuse(w, "%s", r->text);
		return;
	}
}

/* ---- keys shared by the browsing views ---- */

static void show_found(struct wizard *w, long found, const struct session_reply *reply)
{
	tui_reply(w, reply);
	if (found < 0)
		return;
	tui_goto_criterion(w, (size_t)found);
	tui_open(w, &view_category);
}

static void search_done(struct wizard *w, const char *text)
{
	struct session_reply reply;
	long found = session_find(&w->s, text ? text : "", w->criterion, 1, &reply);
	show_found(w, found, &reply);
}

/* A question's reply (ASK: what is there), with the path shortened to its
 * last part (the footer is one line). */
static void say_about(struct wizard *w, const char *path, const char *message)
{
	size_t n = strlen(path);
	const char *slash = strrchr(path, '/');
	if (strncmp(message, path, n) == 0 && slash && slash[1])
		tui_message(w, UI_ERROR, "%s%s.", slash + 1, message + n);
	else
		tui_message(w, UI_ERROR, "%s.", message);
}

static void save_as_confirmed(struct wizard *w, const char *answer)
{
	struct session_reply reply;
	session_save_as(&w->s, w->s.question_path, answer ? SESSION_YES : SESSION_NO, &reply);
	tui_reply(w, &reply);
}

static void save_as_done(struct wizard *w, const char *text)
{
	if (!text || !*text) {
		tui_message(w, UI_ERROR, "Not saved.");
		return;
	}
	struct session_reply reply;
	if (session_save_as(&w->s, text, SESSION_UNASKED, &reply) == SESSION_SAVE_AS_EXISTS) {
		say_about(w, w->s.question_path, reply.text);
		tui_confirm(w, "Replace it with these answers? y/N ", save_as_confirmed);
		return;
	}
	tui_reply(w, &reply);
}

static void export_confirmed(struct wizard *w, const char *answer)
{
	struct session_reply reply;
	session_export_summary(&w->s, answer ? SESSION_YES : SESSION_NO, &reply);
	tui_reply(w, &reply);
}

static void export_summary(struct wizard *w)
{
	struct session_reply reply;
	if (session_export_summary(&w->s, SESSION_UNASKED, &reply) == 1) {
		say_about(w, w->s.question_path, reply.text);
		tui_confirm(w, "Replace it with the summary? y/N ", export_confirmed);
		return;
	}
	tui_reply(w, &reply);
}

/* How a global action binds its key now: the ones that open a prompt
 * lead into text (n and N do, while there is no search to repeat). */
static enum tui_binding global_binds(const struct wizard *w, const struct action *a)
{
	if (a->opens_text || ((a->id == ACTION_FIND_NEXT || a->id == ACTION_FIND_PREVIOUS) &&
			      !w->s.search[0]))
		return TUI_BOUND_TEXT;
	return TUI_BOUND;
}

/* > and <: the next or previous open disagreement of a comparison, on
 * its category's screen; from the overview or the summary, the first
 * after (or before) the current criterion. */
static void next_disagreement(struct wizard *w, int step)
{
	struct session_reply reply;
	bool on_row = tui_top(w)->view == &view_category;
	size_t from = w->criterion;
	if (!on_row && step > 0) /* the current criterion itself, if it is open */
		from = (from + w->s.fw->criterion_count - 1) % w->s.fw->criterion_count;
	long next = session_next_disagreement(&w->s, from, step, &reply);
	tui_reply(w, &reply);
	if (next < 0)
		return;
	tui_goto_criterion(w, (size_t)next);
	tui_open(w, &view_category);
}

/* A global action, the same on every browsing screen (rule 12). */
static void global_action(struct wizard *w, const struct action *a)
{
	struct session_reply reply;
	long c;
	switch (a->id) {
	case ACTION_HELP: tui_open(w, &view_help); return;
	case ACTION_GUIDANCE: tui_open(w, &view_guidance); return;
	case ACTION_GO: tui_open(w, tui_overview(w)); return;
	case ACTION_SUMMARY: tui_open(w, &view_summary); return;
	case ACTION_ACTIONS_SCREEN: tui_open(w, &view_actions); return;
	case ACTION_DASHBOARD: tui_open(w, &view_dashboard); return;
	case ACTION_FIND: tui_prompt(w, "Find: ", "", search_done); return;
	case ACTION_FIND_NEXT:
	case ACTION_FIND_PREVIOUS:
		if (w->s.search[0])
			show_found(w, session_find(&w->s, NULL, w->criterion,
						   a->id == ACTION_FIND_NEXT ? 1 : -1, &reply), &reply);
		else
			tui_prompt(w, "Find: ", "", search_done);
		return;
	case ACTION_EXPORT: export_summary(w); return;
	case ACTION_NEXT_DISAGREEMENT:
	case ACTION_PREVIOUS_DISAGREEMENT:
		next_disagreement(w, a->id == ACTION_NEXT_DISAGREEMENT ? 1 : -1);
		return;
	case ACTION_SAVE_AS: tui_prompt(w, "Save to file: ", w->s.path, save_as_done); return;
	case ACTION_UNDO:
		c = session_undo(&w->s, &reply);
		tui_reply(w, &reply);
		if (c >= 0) {
			tui_goto_criterion(w, (size_t)c);
			tui_open(w, &view_category);
		}
		return;
	case ACTION_QUIT:
		if (session_quit(&w->s, w->quit_armed, &reply)) {
			w->quit = true;
		} else {
			w->quit_armed = true;
			tui_reply(w, &reply);
		}
		return;
	default:
		return; /* (only the global actions come here) */
	}
}

/* ---- layout and the loop ---- */

static void layout(struct wizard *w)
{
	if (w->header) delwin(w->header);
	if (w->body) delwin(w->body);
	if (w->footer) delwin(w->footer);
	w->header = w->body = w->footer = NULL;
	getmaxyx(stdscr, w->rows, w->cols);
	w->too_small = w->rows < TUI_MIN_ROWS || w->cols < TUI_MIN_COLS;
	werase(stdscr);
	wnoutrefresh(stdscr);
	if (w->too_small)
		return;
	w->header = newwin(2, w->cols, 0, 0);
	w->body = newwin(w->rows - 4, w->cols, 2, 0);
	w->footer = newwin(2, w->cols, w->rows - 2, 0);
	if (!w->header || !w->body || !w->footer) {
		w->too_small = true;
		return;
	}
}

static void draw_too_small(struct wizard *w)
{
	werase(stdscr);
	char line[320];
	snprintf(line, sizeof line, "Terminal too small: %dx%d.", w->cols, w->rows);
	ui_put_utf8(&w->ui, stdscr, 0, 0, line, w->cols, UI_ERROR);
	snprintf(line, sizeof line, "tri-assess needs at least %d columns by %d rows. Enlarge "
		 "the window or make the font smaller (or use tri-assess --plain). Your answers "
		 "are saved. Keys are ignored until the window is larger; q quits.",
		 TUI_MIN_COLS, TUI_MIN_ROWS);
	ui_put_wrapped(&w->ui, stdscr, 1, 0, line, w->cols, w->rows - 1, UI_NORMAL);
	wmove(stdscr, 0, 0);
	wnoutrefresh(stdscr);
}

/* The file's state on both footer lines: what it is, then the message of
 * the last key or, without one, what to do. */
static void draw_file_state(struct wizard *w, const char *state, const char *what_to_do,
			    enum ui_style style)
{
	wmove(w->footer, 0, 0);
	wclrtoeol(w->footer);
	ui_put_utf8(&w->ui, w->footer, 0, 0, state, w->cols, UI_ERROR);
	ui_put_utf8(&w->ui, w->footer, 1, 0, w->message[0] ? w->message : what_to_do,
		    w->cols, w->message[0] ? w->message_style : style);
}

/* The prompt's text from column x, scrolled by whole clusters so that
 * the cursor shows: returns the cursor's column after x. */
static int prompt_text(struct wizard *w, int x)
{
	const struct editor_field *f = &w->prompt.field;
	size_t n;
	char *shown = ui_shown(&w->ui, f->text, &n);
	/* the cursor's offset in the shown form: of the text before it */
	char *before = strndup(f->text, f->cursor);
	if (!before)
		abort();
	size_t cursor;
	free(ui_shown(&w->ui, before, &cursor));
	free(before);
	int room = w->cols - x - 1;
	size_t start = 0;
	while (start < cursor && text_width(shown + start, cursor - start) > room)
		start = text_cluster_next(shown, n, start);
	ui_put_shown(&w->ui, w->footer, 1, x, shown + start, n - start, room + 1, UI_NORMAL);
	int used = text_width(shown + start, cursor - start);
	free(shown);
	return used;
}

static void draw_footer_status(struct wizard *w)
{
	if (w->prompt.active) {
		struct prompt *p = &w->prompt;
		/* above the prompt: what a question is about, or a refusal of a
		 * key in the prompt, until the next key */
		if (w->message[0]) {
			wmove(w->footer, 0, 0);
			wclrtoeol(w->footer);
			ui_put_utf8(&w->ui, w->footer, 0, 0, w->message, w->cols, w->message_style);
		}
		wmove(w->footer, 1, 0);
		wclrtoeol(w->footer);
		ui_put_utf8(&w->ui, w->footer, 1, 0, p->label, w->cols, UI_KEY);
		int x = getcurx(w->footer);
		int used = prompt_text(w, x);
		w->cursor_win = w->footer;
		w->cursor_y = 1;
		w->cursor_x = x + used;
		return;
	}
	if (w->s.read_only[0] && !w->s.save_failed) {
		/* The one read-only state, on every screen, first among them. */
		char line[400];
		snprintf(line, sizeof line, "READ-ONLY (%s). W: work on a copy.", w->s.read_only);
		draw_file_state(w, line, "Answers cannot change this file. W: save a copy to "
				"work on; q: quit.", UI_NORMAL);
	} else if (w->s.save_failed) {
		/* Both footer lines: why, then what to do (the path is known). */
		const char *why = w->s.save_error;
		size_t path_len = strlen(w->s.path);
		if (strncmp(why, w->s.path, path_len) == 0 && why[path_len] == ':')
			why += path_len + 2;
		char line[1200];
		snprintf(line, sizeof line, "NOT SAVED: %s", why);
		draw_file_state(w, line, "Answers kept in memory. W: save to another file; "
				"q twice: quit.", UI_ERROR);
	} else if (w->message[0] && ui_wrapped_rows(&w->ui, w->message, w->cols) > 1) {
		/* A long message (an outside change, a refusal naming a path)
		 * takes both lines until the next key, never cut. */
		wmove(w->footer, 0, 0);
		wclrtoeol(w->footer);
		ui_put_wrapped(&w->ui, w->footer, 0, 0, w->message, w->cols, 2, w->message_style);
	} else if (w->message[0]) {
		ui_put_utf8(&w->ui, w->footer, 1, 0, w->message, w->cols, w->message_style);
	}
}

static void draw(struct wizard *w)
{
	if (w->too_small) {
		draw_too_small(w);
		doupdate();
		return;
	}
	werase(w->header);
	werase(w->body);
	werase(w->footer);
	w->cursor_win = w->body;
	w->cursor_y = w->cursor_x = 0;
	tui_top(w)->view->draw(w, tui_top(w)->state);
	draw_footer_status(w);
	wnoutrefresh(w->header);
	wnoutrefresh(w->footer);
	wnoutrefresh(w->body);
	/* The terminal cursor sits on the focused item, for screen readers. */
	wmove(w->cursor_win, w->cursor_y, w->cursor_x);
	wnoutrefresh(w->cursor_win);
	doupdate();
}

/* ---- reading the terminal ---- */

static long long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Whether bytes are waiting to be read now. */
static bool bytes_waiting(int fd)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };
	return poll(&p, 1, 0) > 0 && (p.revents & POLLIN);
}

/* Wait for input (at most a second, so a signal is noticed) and decode
 * it into events; an empty list after a signal or a timeout.  Returns -1
 * when the terminal has gone (then session_signal is SIGHUP). */
static int read_input(struct wizard *w, struct input_events *events)
{
	long long now = now_ms(), deadline = input_deadline(w->input);
	int timeout = 1000;
	if (deadline >= 0)
		timeout = deadline <= now ? 0 : deadline - now < 1000 ? (int)(deadline - now) : 1000;
	/* a follower also wakes for the folder's changes, or polls it 4 times
	 * a second where it cannot watch it */
	struct pollfd p[2] = { { .fd = STDIN_FILENO, .events = POLLIN },
			       { .fd = w->s.follow_fd, .events = POLLIN } };
	nfds_t count = w->s.following && w->s.follow_fd >= 0 ? 2 : 1;
	if (w->s.following && w->s.follow_fd < 0 && timeout > 250)
		timeout = 250;
	int r = poll(p, count, timeout);
	if (r < 0)
		return errno == EINTR ? 0 : (session_signal = SIGHUP, -1);
	if (r > 0 && !(p[0].revents & (POLLIN | POLLHUP | POLLERR)))
		return 0; /* the folder changed: the loop looks */
	if (r == 0) {
		input_tick(w->input, now_ms(), events);
		return 0;
	}
	unsigned char bytes[4096];
	ssize_t n = read(STDIN_FILENO, bytes, sizeof bytes);
	if (n > 0) {
		input_feed(w->input, bytes, (size_t)n, now_ms(), events);
		return 0;
	}
	if (n < 0 && (errno == EINTR || errno == EAGAIN))
		return 0;
	session_signal = SIGHUP; /* end of file or EIO: the terminal has gone */
	return -1;
}

/* After a refusal: throw away what was typed after the refused key, in
 * this read and waiting to be read, and whatever sequence or paste is
 * half received.  Returns how many keys and pastes were thrown away. */
static size_t discard_typeahead(struct wizard *w, const struct input_events *events,
				size_t from)
{
	size_t thrown = 0;
	for (size_t i = from; i < events->count; i++)
		thrown += events->event[i].kind != INPUT_UNKNOWN;
	struct input_events drained = {0};
	unsigned char bytes[4096];
	for (int reads = 0; reads < 64 && bytes_waiting(STDIN_FILENO); reads++) {
		ssize_t n = read(STDIN_FILENO, bytes, sizeof bytes);
		if (n <= 0)
			break; /* (the loop notices a terminal that has gone) */
		input_feed(w->input, bytes, (size_t)n, now_ms(), &drained);
	}
	for (size_t i = 0; i < drained.count; i++)
		thrown += drained.event[i].kind != INPUT_UNKNOWN;
	input_events_finish(&drained);
	input_discard(w->input);
	return thrown;
}

/* ---- handing input to the screens ---- */

/* The field that takes text now (the prompt's, or the view's), or NULL. */
static struct editor_field *text_field(struct wizard *w, bool *lines)
{
	*lines = false;
	if (w->prompt.active)
		return w->prompt.confirm || w->prompt.choices[0] ? NULL : &w->prompt.field;
	const struct tui_frame *f = tui_top(w);
	return f->view->text_field ? f->view->text_field(w, f->state, lines) : NULL;
}

/* The action a key belongs to where the loop handles it itself: a global
 * or a reserved key on a browsing screen; else NULL (the screen's). */
static const struct action *loop_action(const struct wizard *w, wint_t ch, bool is_code)
{
	if (w->prompt.active || !tui_top(w)->view->browsing)
		return NULL;
	const struct action *a = action_for_key(ch, is_code);
	return a && a->scope != ACTION_ROW ? a : NULL;
}

static enum tui_binding binding(const struct wizard *w, wint_t ch, bool is_code)
{
	if (w->prompt.active)
		return prompt_binds(w, ch, is_code);
	const struct action *a = loop_action(w, ch, is_code);
	if (a)
		return a->scope == ACTION_GLOBAL ? global_binds(w, a) : TUI_UNBOUND;
	const struct tui_frame *f = tui_top(w);
	return f->view->binds(w, f->state, ch, is_code);
}

static bool binds_callback(void *context, wint_t ch, bool is_code)
{
	return binding(context, ch, is_code) != TUI_UNBOUND;
}

static void paste_text(struct wizard *w, const wchar_t *text, size_t length)
{
	bool lines;
	struct editor_field *f = text_field(w, &lines);
	if (!f) {
		tui_refuse(w, "Paste refused: text goes only into an editor or a prompt. "
			   "Nothing changed.");
		return;
	}
	size_t max = w->prompt.active ? TUI_PROMPT_MAX : 0;
	if (tui_field_insert(f, text, length, lines, max) < length)
		tui_refuse(w, "Only the first %d characters of the paste fit here.",
			   TUI_PROMPT_MAX);
}

static void key(struct wizard *w, wint_t ch, bool is_code)
{
	if (w->too_small) {
		if (!is_code && ch == L'q')
			w->quit = true;
		return;
	}
	const struct action *a = loop_action(w, ch, is_code);
	if (!a || a->id != ACTION_QUIT)
		w->quit_armed = false;
	w->after_last_row = w->last_row_set;
	w->last_row_set = false;
	if (binding(w, ch, is_code) == TUI_UNBOUND) {
		char name[32];
		keymap_name(ch, is_code, name, sizeof name);
		if (a && a->scope == ACTION_COMING)
			tui_refuse(w, "%s does nothing yet (%s: to come).", name, a->name);
		else
			tui_refuse(w, "%s does nothing here.", name);
	} else if (w->prompt.active) {
		prompt_key(w, ch, is_code);
	} else if (a) {
		global_action(w, a);
	} else {
		struct tui_frame *f = &w->frame[w->depth - 1];
		f->view->key(w, f->state, ch, is_code);
	}
}

static void event(struct wizard *w, const struct input_event *e)
{
	w->refused = false;
	w->message[0] = w->alert[0] = '\0';
	switch (e->kind) {
	case INPUT_KEY:
		key(w, e->key, e->is_code);
		return;
	case INPUT_TEXT:
		if (!w->too_small)
			paste_text(w, e->text, e->length);
		return;
	case INPUT_UNKNOWN:
		if (!w->too_small)
			tui_refuse(w, "Unknown key ignored.");
		return;
	}
}

/* Keys arriving together from a screen of one-key commands: a paste
 * (refused whole) rather than typing, unless the first key leads into a
 * field (e, then the note). */
static bool burst_refused(struct wizard *w, const struct input_events *events)
{
	bool lines;
	if (w->too_small || text_field(w, &lines) || events->count < 4)
		return false;
	for (size_t i = 0; i < events->count; i++) {
		const struct input_event *e = &events->event[i];
		if (e->kind == INPUT_KEY) {
			if (binding(w, e->key, e->is_code) == TUI_BOUND_TEXT)
				return false;
			break;
		}
	}
	if (!input_looks_pasted(events, 0, binds_callback, w, false))
		return false;
	size_t keys = 0;
	for (size_t i = 0; i < events->count; i++)
		keys += events->event[i].kind == INPUT_KEY;
	w->message[0] = w->alert[0] = '\0';
	tui_refuse(w, "Refused %zu keys that arrived at once, as a paste does. Nothing "
		   "changed.", keys);
	return true;
}

static void after_key(struct wizard *w);

/* One read's events, in order: a refusal throws the rest away. ahead:
 * the first arrived before the screen showed the previous key. */
static void handle(struct wizard *w, const struct input_events *events, bool ahead)
{
	w->refused = false;
	if (burst_refused(w, events)) {
		beep();
		discard_typeahead(w, events, events->count);
		return;
	}
	for (size_t i = 0; i < events->count && !w->quit && !session_signal; i++) {
		w->typed_ahead = ahead || i > 0;
		event(w, &events->event[i]);
		switch_views(w);
		after_key(w);
		if (!w->refused)
			continue;
		beep(); /* (curses flashes where there is no bell) */
		size_t thrown = discard_typeahead(w, events, i + 1);
		if (thrown)
			snprintf(w->alert, sizeof w->alert, "%zu key%s typed after it %s ignored.",
				 thrown, thrown == 1 ? "" : "s", thrown == 1 ? "was" : "were");
		return;
	}
}

static void resize(struct wizard *w)
{
	struct winsize ws;
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 && ws.ws_col > 0)
		resizeterm(ws.ws_row, ws.ws_col); /* (the screen is repainted whole) */
	layout(w);
}

/* Bracketed paste: the terminal marks pasted text (and must stop doing
 * so on every way out: a shell would see the marks).  Written straight to
 * the terminal, between curses' updates (each ends with a flush); putp
 * would go through stdio's buffer and arrive too late. */
static void paste_marks(bool on)
{
	const char *mode = on ? "\033[?2004h" : "\033[?2004l";
	size_t left = strlen(mode);
	while (left) {
		ssize_t n = write(STDOUT_FILENO, mode, left);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return; /* the terminal has gone: nothing to reset */
		mode += n;
		left -= (size_t)n;
	}
}

/* Keep what every editor and prompt holds, the prompt's first, then every
 * open view's from the top: on every way out. */
static void commit(struct wizard *w)
{
	if (w->prompt.active && w->prompt.commit) {
		char *utf8 = tui_field_utf8(&w->prompt.field);
		w->prompt.active = false;
		w->prompt.commit(w, utf8);
		free(utf8);
	}
	for (size_t i = w->depth; i-- > 0;)
		if (w->frame[i].view->commit)
			w->frame[i].view->commit(w, w->frame[i].state);
}

/* After a key: say what the session must say once (an outside change
 * merged or kept, a save finished from its journal), and record the
 * current criterion in the lock for followers. */
static void after_key(struct wizard *w)
{
	if (w->s.notice[0]) {
		tui_message(w, w->s.notice_is_warning ? UI_ERROR : UI_OK, "%s", w->s.notice);
		w->s.notice[0] = '\0';
	}
	session_set_current(&w->s, w->criterion);
}

/* A follower: the file re-read as the holder saves it, the holder's
 * criterion followed (on a browsing screen), a change of holder said.
 * Returns true when the screen must be drawn again. */
static bool follow(struct wizard *w)
{
	size_t criterion;
	int changed = session_follow_update(&w->s, &criterion);
	const struct tui_frame *top = tui_top(w);
	if ((changed & SESSION_FOLLOW_MOVED) && top && top->view->browsing && !w->prompt.active) {
		tui_goto_criterion(w, criterion);
		if (top->view != &view_category)
			tui_open(w, &view_category);
		switch_views(w);
	}
	if (changed & SESSION_FOLLOW_HOLDER)
		tui_message(w, UI_NORMAL, w->s.holder[0] ? "Following %s." :
			    "The file is closed in the other wizard; still showing it as saved.",
			    w->s.holder);
	return changed != 0;
}

/* The compared file is re-read when it changes, before its levels are
 * shown again; returns true when the screen must be drawn again. */
static bool refresh_other(struct wizard *w)
{
	int rc = session_refresh_other(&w->s);
	if (rc > 0)
		tui_message(w, UI_OK, "%s changed on disk: showing its levels now.",
			    w->s.other_path);
	else if (rc < 0 && !w->message[0])
		tui_message(w, UI_ERROR, "%s", w->s.other_error);
	return rc != 0;
}

static int run(struct wizard *w)
{
	struct input_events events = {0};
	layout(w);
	after_key(w);
	bool redraw = true, ahead = false;
	while (!w->quit && !session_signal) {
		if (refresh_other(w))
			redraw = true;
		if (w->s.following && follow(w))
			redraw = true;
		if (window_resized) {
			window_resized = 0;
			resize(w);
			redraw = true;
		}
		if (continued) { /* after Ctrl-Z and fg: the shell reset the marks */
			continued = 0;
			paste_marks(true);
			redraw = true;
		}
		if (redraw) {
			draw(w);
			/* Typed ahead: already there when the screen showed the last
			 * key's result.  Judged once per drawing: a lone Esc waiting
			 * out ESCDELAY came after it. */
			ahead = input_pending(w->input) || bytes_waiting(STDIN_FILENO);
		}
		redraw = false;
		if (read_input(w, &events) != 0)
			break;
		if (events.count == 0)
			continue;
		handle(w, &events, ahead);
		input_events_clear(&events);
		redraw = true;
	}
	input_events_finish(&events);
	commit(w);
	if (!w->s.is_new)
		session_save(&w->s);
	return w->s.save_failed ? 1 : 0;
}

int tui_run(struct wizard *w)
{
	ui_init(&w->ui);
	cbreak();
	noecho();
	nonl();
	intrflush(stdscr, FALSE);
	typeahead(-1);         /* every draw completes: the screen shows each answer */
	keypad(stdscr, TRUE);  /* (for the keypad mode sequences; keys are decoded here) */
	curs_set(1);
	w->input = input_create(input_escdelay(getenv("ESCDELAY")));
	if (!w->input || keymap_load(w->input) != 0) {
		input_destroy(w->input);
		w->input = NULL;
		return 1; /* out of memory before anything changed */
	}
	paste_marks(true);
	if (w->s.is_new) {
		tui_open(w, &view_start);
	} else if (w->s.moderation) {
		/* a moderation opens on the comparison overview */
		tui_open(w, &view_moderation);
		tui_goto_criterion(w, 0);
	} else {
		size_t open = session_first_open(&w->s);
		tui_open(w, open < w->s.fw->criterion_count ? &view_category : &view_summary);
		if (open == w->s.fw->criterion_count)
			tui_message(w, UI_OK, "Every criterion has a level. g: overview.");
		else
			tui_goto_criterion(w, open);
		if (open < w->s.fw->criterion_count && session_answered(&w->s) > 0)
			tui_message(w, UI_OK, "Resumed at %s, the first criterion without a level. "
				    "Every answer is in place.", w->s.fw->criteria[open].id);
	}
	long held = w->s.following ? framework_find_criterion(w->s.fw, w->s.current) : -1;
	if (held >= 0) { /* a follower starts where the holder is */
		tui_open(w, &view_category);
		tui_goto_criterion(w, (size_t)held);
	}
	if (w->s.following)
		tui_message(w, UI_NORMAL, "Following %s, read-only: W saves a copy to work on.",
			    *w->s.holder ? w->s.holder : "the other wizard");
	switch_views(w);
	int rc = run(w);
	paste_marks(false);
	input_destroy(w->input);
	w->input = NULL;
	tui_field_finish(&w->prompt.field);
	while (w->depth)
		pop(w);
	if (w->header) delwin(w->header);
	if (w->body) delwin(w->body);
	if (w->footer) delwin(w->footer);
	return rc;
}
