/* tui: the full-screen wizard's shared state and the contract between
 * its screens.  Each screen is a view (as in tig): a table of hooks and a
 * state of its own, allocated when it opens and freed when it leaves.
 * The loop in tui.c reads the terminal itself, decodes it with the input
 * decoder (input.h), handles the global keys (actions.h) itself, hands
 * every other key to the view on top, draws that view into three
 * windows, refreshes them with wnoutrefresh and one doupdate per read, so
 * curses sends only the cells that changed.  The actions themselves are
 * the session's (session.h), shared with plain mode. */
#ifndef TUI_H
#define TUI_H

#include "field.h"
#include "input.h"
#include "ui.h"
#include "session.h"

/* Every screen works, with every function, down to this size (a status
 * line, a split pane, a projector's large font); below it, a notice. */
#define TUI_MIN_COLS 64
#define TUI_MIN_ROWS 16
#define TUI_PROMPT_MAX 511 /* characters of a footer prompt */

struct wizard;
struct editor_field;

/* How a screen takes a key: not at all (the loop refuses it), as a
 * command, or as a command that leads into a text field (an editor, a
 * prompt), so that the keys typed after it are text. */
enum tui_binding { TUI_UNBOUND, TUI_BOUND, TUI_BOUND_TEXT };

/* A screen.  state is the view's own (state_size bytes, zeroed before
 * open); every hook but draw, key and binds may be NULL. */
struct view {
	const char *name;
	/* A browsing screen: the global keys (actions.h) act on it, handled
	 * by the loop (the screen never sees them), and the reserved ones are
	 * refused.  Other screens (help, editors, the form) take every key
	 * themselves. */
	bool browsing;
	/* Opens over the view it came from, which it returns to when it
	 * closes (tui_close); otherwise it replaces every open view. */
	bool modal;
	size_t state_size;
	/* Set up the state, from what is shared (the current criterion); the
	 * view it opens over or replaces is still tui_top's. */
	void (*open)(struct wizard *w, void *state);
	/* Release what the state holds (the state itself is then freed):
	 * whatever was being edited is kept or discarded already. */
	void (*leave)(struct wizard *w, void *state);
	/* Keep what is being edited: called on every open view on every way
	 * out of the loop (quit, SIGHUP, SIGTERM, the terminal gone), before
	 * leave. */
	void (*commit)(struct wizard *w, void *state);
	void (*draw)(struct wizard *w, void *state);
	/* ch is a character, or a KEY_* code when is_code; only keys binds()
	 * accepts are given */
	void (*key)(struct wizard *w, void *state, wint_t ch, bool is_code);
	/* Whether the screen acts on the key now: the loop refuses other
	 * keys, and judges bursts of keys by it (paste or typing ahead). */
	enum tui_binding (*binds)(const struct wizard *w, const void *state, wint_t ch,
				  bool is_code);
	/* The field that takes typed and pasted text now, or NULL (a paste
	 * is refused); *lines says whether it takes line breaks and tabs. */
	struct editor_field *(*text_field)(struct wizard *w, void *state, bool *lines);
};

/* An open view and its state. */
struct tui_frame {
	const struct view *view;
	void *state;
};

#define TUI_MAX_DEPTH 4 /* a base view, and modal views over it */

extern const struct view view_start, view_overview, view_category,
	view_summary, view_help, view_guidance, view_edit, view_plan, view_history, view_moderation,
	view_action, view_actions, view_dashboard;


struct prompt {
	bool active;
	bool escape_keeps;  /* Esc and F10 keep the text as Enter does (else cancel) */
	bool confirm;       /* a yes/no question: one key answers, "y" or NULL (No) */
	char choices[16];   /* a choice of one key among these: done gets it ("k"); Esc,
			       F10 or Ctrl-G: NULL; any other key is refused */
	char label[256];
	struct editor_field field;
	/* Enter (and Esc when escape_keeps): the text; cancelled: NULL */
	void (*done)(struct wizard *w, const char *utf8);
	/* on a signal or the terminal gone: the text typed so far; may be NULL */
	void (*commit)(struct wizard *w, const char *utf8);
};

/* What every screen shares; each view's own state is its own. */
struct wizard {
	struct session s;
	struct ui ui;
	WINDOW *header, *body, *footer;
	int rows, cols;
	bool too_small;
	bool quit;
	bool quit_armed;          /* q pressed once while unsaved */
	/* the open views, the base first and the one on top last */
	struct tui_frame frame[TUI_MAX_DEPTH];
	size_t depth;
	/* asked for by tui_open and tui_close, done once the key in hand is */
	const struct view *opening;
	bool closing;
	size_t criterion;         /* the current criterion (framework order) */
	char message[512];
	enum ui_style message_style;
	char alert[160];          /* in place of the key hints until the next key */
	struct prompt prompt;
	/* input: the decoder, and what the loop knows about the key in hand */
	struct input_decoder *input;
	bool refused;             /* the key in hand was refused (tui_refuse) */
	bool typed_ahead;         /* it arrived before the screen showed the last key */
	bool after_last_row;      /* the previous key set a category's last row */
	bool last_row_set;        /* the key in hand set a category's last row */
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

/* Show what a session action replied: a refusal (or failure) as
 * tui_refuse does, anything else as a message in its style.  An ASK is
 * shown as a message: the caller asks the question. */
void tui_reply(struct wizard *w, const struct session_reply *reply);

/* Refuse the key in hand: the message stays until the next key, the
 * terminal is alerted (bell, else flash), and the keys typed after it are
 * discarded. */
void tui_refuse(struct wizard *w, const char *format, ...)
	__attribute__((format(printf, 2, 3)));

/* Install the full-screen wizard's own signal handlers (window size,
 * continue after a stop); call before newterm, so curses installs none of
 * its own for them.  Plain mode does not need them. */
void tui_install_signals(void);

/* Whether ch is among chars (characters, when !is_code) or codes (KEY_*
 * codes ending with 0, when is_code). */
bool tui_key_listed(wint_t ch, bool is_code, const wchar_t *chars, const int *codes);

/* Open view once the key in hand is done: a modal view over the one on
 * top, any other in place of every open view (each leaves). */
void tui_open(struct wizard *w, const struct view *view);

/* Close the modal view on top (it leaves) once the key in hand is done,
 * returning to the view below. */
void tui_close(struct wizard *w);

/* The view on top, and its state; NULL before the first opens. */
const struct tui_frame *tui_top(const struct wizard *w);

/* The keys of a screen that lists categories (the overview, the summary,
 * the comparison overview), whose state starts with a struct
 * view_table_state: j/k and the arrows move, a digit selects, Enter, Tab
 * or l open the category. */
struct view_table_state {
	size_t selected;
	int top;
};
void view_table_key(struct wizard *w, void *state, wint_t ch, bool is_code);
enum tui_binding view_table_binds(const struct wizard *w, const void *state, wint_t ch,
				  bool is_code);

/* The overview g opens: the comparison overview in a moderation (the
 * pairing session), else the assessment's (a comparison with last year's
 * file works as before: clarifications rule 8). */
const struct view *tui_overview(const struct wizard *w);

/* Move to criterion i (and so to its category). */
void tui_goto_criterion(struct wizard *w, size_t criterion);

/* The current criterion's category. */
size_t tui_category(const struct wizard *w);

/* The category the view on top is about: the selected one on the
 * overview and the summary, else the current criterion's. */
size_t tui_selected_category(const struct wizard *w);

/* Draw one line of ASCII text at row y of win: versions holds one or more
 * versions, longest first, separated by newlines; the first that fits the
 * window's width is shown (the last, cut, if none does). */
void tui_put_fitting(struct wizard *w, WINDOW *win, int y, const char *versions,
		     enum ui_style style);

/* Draw the key hints line (tui_put_fitting on the footer's first line). */
void tui_hints(struct wizard *w, const char *hints);

/* Open a one-line prompt in the footer: Enter gives done() the text, Esc,
 * F10 and Ctrl-G give it NULL.  The caller may then set escape_keeps and
 * commit in w->prompt. */
void tui_prompt(struct wizard *w, const char *label, const char *initial,
		void (*done)(struct wizard *w, const char *utf8));

/* Ask a yes/no question in the footer (default No): y calls done with
 * "y", any other key with NULL. */
void tui_confirm(struct wizard *w, const char *question,
		 void (*done)(struct wizard *w, const char *utf8));

/* Ask for one key among choices (ASCII characters) in the footer: done
 * gets the key pressed as a string ("k"), or NULL when Esc, F10 or
 * Ctrl-G cancels; any other key is refused, and the question stays. */
void tui_choose(struct wizard *w, const char *question, const char *choices,
		void (*done)(struct wizard *w, const char *utf8));

/* Style for a level's text: the lowest level above none as Developing,
 * the highest as Leading, those between as Established. */
enum ui_style tui_level_style(const struct framework *fw, enum level level);

/* A bar of width cells for score out of max, with ticks where each
 * range above the lowest begins. */
void tui_draw_bar(struct wizard *w, WINDOW *win, int y, int x, int width,
		  const struct framework_category *cat, int score, int max);

/* The editors' closing keys: Esc, Ctrl-X or F10 keep; Ctrl-G discards. */
enum tui_close { TUI_CLOSE_NO, TUI_CLOSE_KEEP, TUI_CLOSE_DISCARD };
enum tui_close tui_close_key(wint_t ch, bool is_code);

/* Whether ch is one of the editors' closing keys. */
bool tui_is_close_key(wint_t ch, bool is_code);

/* Editor fields (field.h), as the screens edit and draw them. */
void tui_field_set(struct editor_field *f, const struct ui *ui, const char *utf8);
char *tui_field_utf8(const struct editor_field *f);
bool tui_field_key(struct editor_field *f, wint_t ch, bool is_code, int width);
/* Whether tui_field_key edits with ch (line breaks only when lines). */
bool tui_field_binds(wint_t ch, bool is_code, bool lines);
/* Insert n characters (code points) of text at the cursor; without lines,
 * line breaks and tabs become spaces; at most max characters in all (0: no
 * limit).
 * Returns how many were inserted. */
size_t tui_field_insert(struct editor_field *f, const wchar_t *text, size_t n, bool lines,
			size_t max);
void tui_field_finish(struct editor_field *f);
/* Draw f in rows rows from (y, x); sets the cursor when focused. */
void tui_field_draw(struct wizard *w, WINDOW *win, struct editor_field *f, int y, int x,
		    int width, int rows, bool focused);

#endif
