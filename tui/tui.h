/* tui: the full-screen wizard's state and the contract between its
 * screens.  Each screen is a view with a draw and a key function (as in
 * tig); the loop in tui.c draws the current view into three windows,
 * refreshes them with wnoutrefresh and one doupdate per key, so curses
 * sends only the cells that changed. */
#ifndef TUI_H
#define TUI_H

#include "ui.h"
#include "session.h"

/* Every screen works, with every function, down to this size (a status
 * line, a split pane, a projector's large font); below it, a notice. */
#define TUI_MIN_COLS 64
#define TUI_MIN_ROWS 16

struct wizard;

struct view {
	const char *name;
	void (*draw)(struct wizard *w);
	/* ch is a character, or a KEY_* code when is_code */
	void (*key)(struct wizard *w, wint_t ch, bool is_code);
};

extern const struct view view_start, view_overview, view_category,
	view_summary, view_help, view_edit, view_plan;

struct prompt {
	bool active;
	char label[256];
	wchar_t text[512];
	size_t length, cursor;
	void (*done)(struct wizard *w, const char *utf8); /* NULL text: cancelled */
	bool confirm; /* a yes/no question: one key answers, "y" or NULL (No) */
};

struct editor_field {
	wchar_t *text;
	size_t length, capacity, cursor;
	int top; /* first display row shown */
};

struct wizard {
	struct session s;
	struct ui ui;
	WINDOW *header, *body, *footer;
	int rows, cols;
	bool too_small;
	bool quit;
	bool quit_armed;          /* q pressed once while unsaved */
	const struct view *view;
	const struct view *back;  /* where help and the editor return to */
	size_t category;          /* current category index */
	size_t criterion;         /* current criterion index (framework order) */
	size_t overview_row;      /* selected category on overview/summary */
	int overview_top;         /* first table line shown when the list scrolls */
	/* the category screen's cell area, scrolled (J/K) when the current
	 * row's cells do not fit; cell_row is the criterion it belongs to */
	int cell_top;
	size_t cell_row;
	int help_top;
	char message[512];
	enum ui_style message_style;
	char search[256];
	struct prompt prompt;
	char pending_path[4096]; /* W or x: the existing file a question is about */
	/* the editor (evidence and notes of w->criterion) */
	struct editor_field field[2];
	int field_focus;
	/* the action plan editor: target, then action, lead officer, timescale */
	enum level plan_target;
	struct editor_field plan[3];
	int plan_focus;
	/* the start form */
	int form_focus;
	struct editor_field form[3]; /* organisation, assessors, date */
	bool form_peer;
	/* the category screen's tallest page at this window size (cells and
	 * map), computed once per size rather than on every key */
	int tallest_cols, tallest_rows, tallest_page;
	/* where the terminal cursor goes after drawing (for screen readers) */
	WINDOW *cursor_win;
	int cursor_y, cursor_x;
};

/* Run the full-screen wizard on w->s (opened by the caller), on the
 * current curses screen; returns the exit status (1: answers unsaved). */
int tui_run(struct wizard *w);

/* Show a one-line message in the footer until the next key. */
void tui_message(struct wizard *w, enum ui_style style, const char *format, ...)
	__attribute__((format(printf, 3, 4)));

/* Go to a view (help and the editor remember where to return). */
void tui_show(struct wizard *w, const struct view *view);

/* Move to criterion i, and to its category. */
void tui_goto_criterion(struct wizard *w, size_t criterion);

/* Keys every browsing view shares (help, overview, quit, undo, search,
 * export, save elsewhere).  Returns true if it handled the key. */
bool tui_common_key(struct wizard *w, wint_t ch, bool is_code);

/* Draw one line of ASCII text at row y of win: versions holds one or more
 * versions, longest first, separated by newlines; the first that fits the
 * window's width is shown (the last, cut, if none does). */
void tui_put_fitting(struct wizard *w, WINDOW *win, int y, const char *versions,
		     enum ui_style style);

/* Draw the key hints line (tui_put_fitting on the footer's first line). */
void tui_hints(struct wizard *w, const char *hints);

/* Open a one-line prompt in the footer. */
void tui_prompt(struct wizard *w, const char *label, const char *initial,
		void (*done)(struct wizard *w, const char *utf8));

/* Ask a yes/no question in the footer (default No): y calls done with
 * "y", any other key with NULL. */
void tui_confirm(struct wizard *w, const char *question,
		 void (*done)(struct wizard *w, const char *utf8));

/* Level name for display: "Developing" ..., "not assessed" (words_level). */
const char *tui_level_label(enum level level);

/* Style for a level's text. */
enum ui_style tui_level_style(enum level level);

/* A bar of width cells for score out of max, with ticks where the
 * category's established and leading ranges begin. */
void tui_draw_bar(struct wizard *w, WINDOW *win, int y, int x, int width,
		  const struct framework_category *cat, int score, int max);

/* The editors' closing keys: Esc, Ctrl-X or F10 keep; Ctrl-G discards. */
enum tui_close { TUI_CLOSE_NO, TUI_CLOSE_KEEP, TUI_CLOSE_DISCARD };
enum tui_close tui_close_key(wint_t ch, bool is_code);

/* Load the current criterion's plan into the plan editor. */
void tui_plan_begin(struct wizard *w);

/* Editor fields (wide text buffers). */
void tui_field_set(struct editor_field *f, const struct ui *ui, const char *utf8);
char *tui_field_utf8(const struct editor_field *f);
bool tui_field_key(struct editor_field *f, wint_t ch, bool is_code, int width);
void tui_field_finish(struct editor_field *f);
/* Draw f in rows rows from (y, x); sets the cursor when focused. */
void tui_field_draw(struct wizard *w, WINDOW *win, struct editor_field *f, int y, int x,
		    int width, int rows, bool focused);

#endif
