/* The help screen: keys, the Standard's three level descriptors and its
 * glossary, scrollable. */
#include "tui.h"

#include <stdlib.h>
#include <string.h>

static const char *const keys[] = {
	"0 1 2 3       set None / Developing / Established / Leading on the current",
	"              criterion and move to the next (a level the row lacks is refused)",
	"j k, Up Down  move between criteria (on the overview: between categories)",
	"Tab ] PgDn    next category (after the last: the summary)",
	"S-Tab [ PgUp  previous category (before the first: the overview)",
	"Enter, e, F2  evidence and notes for the current criterion",
	"g             overview      s  summary      x  export the summary CSV",
	"/             find text in criteria, evidence and notes;  n  next match",
	"u             undo the last change (as many times as you like)",
	"W             save to another file (after a failed save)",
	"p             the action plan of the current criterion",
	"a             adopt the compared file's level (with --compare)",
	"?, F1         this help     q, F10  quit (every change is already saved)",
	"",
	"In the editor: type freely; Enter starts a new line; Tab switches between",
	"evidence and notes; arrows, Home/End (Ctrl-A/E), Backspace, Delete (Ctrl-D),",
	"Ctrl-K/Ctrl-U delete to the end/start of the line; Esc or F10 keeps the",
	"text, Ctrl-G discards the edit.",
	"",
	"On a category screen: the current row's cells, the chosen one marked (*),",
	"a dash where the Standard has no cell; below, each row with its level as",
	"its key and points: 0 None, 1 Developing, 2 Established, 3 Leading, - not",
	"yet answered (with --compare, the other's below, ! where they differ).",
};

/* Build the help text as lines of UTF-8 at width. */
static size_t build(struct wizard *w, char ***out)
{
	const struct framework *fw = w->s.fw;
	size_t n = 0, cap = 256;
	char **lines = malloc(cap * sizeof *lines);
	if (!lines)
		abort();
#define ADD(text) do { if (n == cap) { cap *= 2; lines = realloc(lines, cap * sizeof *lines); \
		if (!lines) abort(); } lines[n++] = strdup(text); } while (0)
	/* A paragraph wrapped to the screen, then a blank line. */
#define ADD_WRAPPED(text) do { wchar_t *wide = ui_decode(&w->ui, text); \
		size_t starts[64], lens[64]; \
		int rows = ui_wrap(wide, w->cols - 2, starts, lens, 64); \
		for (int r = 0; r < rows && r < 64; r++) { \
			char piece[1024]; \
			snprintf(piece, sizeof piece, "%.*ls", (int)lens[r], wide + starts[r]); \
			ADD(piece); \
		} \
		free(wide); \
		ADD(""); } while (0)
	ADD("KEYS");
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
		ADD(keys[i]);
	ADD("");
	ADD("THE THREE LEVELS OF PRACTICE (from the Standard)");
	char buf[4096];
	for (int l = LEVEL_DEVELOPING; l <= LEVEL_LEADING; l++) {
		snprintf(buf, sizeof buf, "%s (%d point%s): %s", fw->level_title[l], fw->points[l],
			 fw->points[l] == 1 ? "" : "s", fw->level_descriptor[l]);
		ADD_WRAPPED(buf);
	}
	ADD("SCORING");
	ADD("A row scores the points of the level chosen; a category scores the sum; the");
	ADD("published score ranges give the category's level. Category 2 adds 2a-2e.");
	ADD("");
	ADD("GLOSSARY (from the Standard)");
	for (size_t t = 0; t < fw->term_count; t++) {
		snprintf(buf, sizeof buf, "%s: %s", fw->glossary[t].term,
			 *fw->glossary[t].definition ? fw->glossary[t].definition
			 : "(the source document gives no text for this term)");
		ADD_WRAPPED(buf);
	}
	snprintf(buf, sizeof buf, "Source: %s", fw->source);
	ADD(buf);
#undef ADD
#undef ADD_WRAPPED
	*out = lines;
	return n;
}

static void help_draw(struct wizard *w)
{
	char **lines;
	size_t n = build(w, &lines);
	int height = getmaxy(w->body);
	int max_top = (int)n > height ? (int)n - height : 0;
	if (w->help_top > max_top)
		w->help_top = max_top;
	if (w->help_top < 0)
		w->help_top = 0;
	ui_put_utf8(&w->ui, w->header, 0, 0, "Help", w->cols, UI_TITLE);
	char where[64];
	snprintf(where, sizeof where, "lines %d-%d of %zu", w->help_top + 1,
		 w->help_top + height < (int)n ? w->help_top + height : (int)n, n);
	ui_put_utf8(&w->ui, w->header, 1, 0, where, w->cols, UI_DIM);
	for (int r = 0; r < height && (size_t)w->help_top + (size_t)r < n; r++)
		ui_put_utf8(&w->ui, w->body, r, 1, lines[w->help_top + r], w->cols - 2,
			    r + w->help_top == 0 ? UI_TITLE : UI_NORMAL);
	for (size_t i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
	w->cursor_win = w->body;
	tui_hints(w, "j/k scroll  Space/PgDn page  b/PgUp back a page  q/Esc/? close help");
}

static void help_key(struct wizard *w, wint_t ch, bool is_code)
{
	int page = getmaxy(w->body) - 1;
	if (is_code) {
		switch (ch) {
		case KEY_DOWN: w->help_top++; return;
		case KEY_UP: w->help_top--; return;
		case KEY_NPAGE: w->help_top += page; return;
		case KEY_PPAGE: w->help_top -= page; return;
		case KEY_HOME: w->help_top = 0; return;
		case KEY_F(1): case KEY_F(10): w->view = w->back; return;
		default: return;
		}
	}
	switch (ch) {
	case L'j': w->help_top++; return;
	case L'k': w->help_top--; return;
	case L' ': w->help_top += page; return;
	case L'b': w->help_top -= page; return;
	case L'q': case 27: case L'?': case L'\n': case L'\r':
		w->view = w->back;
		return;
	}
}

const struct view view_help = { "help", help_draw, help_key };
