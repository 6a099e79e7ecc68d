/* The help screen: keys (from the actions table, as plain mode's ? lists
 * them), the Standard's level descriptors and its glossary, scrollable. */
#define _GNU_SOURCE /* asprintf */
#include "tui.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "actions.h"

/* The keys (from the actions table), each with what it does: wrapped to
 * the window under a column of keys (KEY_COLUMN wide). */
#define KEY_COLUMN 14
static const char *const notes[] = {
	"In the editor: type freely; Enter starts a new line; Tab switches between evidence "
	"and notes; arrows, Home/End (Ctrl-A/E), Backspace, Delete (Ctrl-D), Ctrl-K/Ctrl-U "
	"delete to the end/start of the line; Esc or F10 keeps the text, Ctrl-G discards the "
	"edit.",
	"A refused key beeps, says why at the bottom, and discards the keys typed after it. "
	"Paste text into an editor or a prompt; elsewhere a paste is refused.",
	"On a category screen: the score, and the level as far as the category is assessed "
	"(\"not assessed\" until a row has a level; \"Developing so far, 5 of 8 answered\" "
	"until every row has one); the current row's cells, the chosen one marked (*), a dash "
	"where the Standard has no cell; below, each row with its level as its key and points: "
	"0 None, 1 Developing, 2 Established, 3 Leading, - not yet answered (with --compare, "
	"the compared file's below (Peer, Self), ! where they differ; both sides' evidence at the "
	"bottom).",
};

/* The help text as screen lines in their shown form (ui_shown), wrapped
 * by core/text on that form, so wrapping and drawing count the same
 * columns. */
struct help_text {
	char **line;
	size_t count, capacity;
};

static void add_line(struct help_text *t, char *line)
{
	if (t->count == t->capacity) {
		t->capacity = t->capacity ? t->capacity * 2 : 256;
		t->line = realloc(t->line, t->capacity * sizeof *t->line);
		if (!t->line)
			abort(); /* a few hundred lines; nothing sensible to show instead */
	}
	t->line[t->count++] = line;
}

static void add_text(struct help_text *t, const struct ui *ui, const char *utf8)
{
	add_line(t, ui_shown(ui, utf8, NULL));
}

/* text wrapped to width, each row after prefix (the first) or as many
 * spaces (the others). */
static void add_rows(struct help_text *t, const struct ui *ui, const char *prefix,
		     int prefix_width, const char *text, int width)
{
	struct text_lines lines;
	char *shown;
	ui_wrap(ui, &lines, text, width, 0, &shown);
	for (size_t r = 0; r < lines.count; r++) {
		const struct text_line *l = &lines.line[r];
		char *row;
		if (asprintf(&row, "%-*s%.*s", prefix_width, r ? "" : prefix,
			     (int)(l->end - l->start), shown + l->start) < 0)
			abort();
		add_line(t, row);
	}
	text_lines_finish(&lines);
	free(shown);
}

/* A paragraph wrapped to width, every row of it, then a blank line. */
static void add_wrapped(struct help_text *t, const struct ui *ui, const char *utf8, int width)
{
	add_rows(t, ui, "", 0, utf8, width);
	add_text(t, ui, "");
}

/* "name: text" (or a paragraph of its own), wrapped. */
static void add_entry(struct help_text *t, const struct ui *ui, const char *name,
		      const char *text, int width)
{
	size_t size = strlen(name) + strlen(text) + 3;
	char *entry = malloc(size);
	if (!entry)
		abort();
	snprintf(entry, size, "%s: %s", name, text);
	add_wrapped(t, ui, entry, width);
	free(entry);
}

/* A key and what it does, the text wrapped beside a column of keys (keys
 * are ASCII, cut to the column). */
static void add_key(struct help_text *t, const struct ui *ui, const char *key,
		    const char *text, int width)
{
	char column[KEY_COLUMN];
	snprintf(column, sizeof column, "%s", key);
	add_rows(t, ui, column, KEY_COLUMN, text, width - KEY_COLUMN);
}

static void build(struct wizard *w, struct help_text *t)
{
	const struct framework *fw = w->s.fw;
	const struct ui *ui = &w->ui;
	int width = w->cols - 2;
	const struct assessment *files[] = { w->s.a, w->s.other };
	if ((files[0] && files[0]->read_notes.count) || (files[1] && files[1]->read_notes.count)) {
		add_text(t, ui, "WHAT READING THE FILE REPAIRED OR DOUBTS");
		for (int f = 0; f < 2; f++)
			for (size_t i = 0; files[f] && i < files[f]->read_notes.count; i++)
				add_entry(t, ui, files[f]->read_notes.items[i].warning ? "Warning"
					  : "Repaired", files[f]->read_notes.items[i].text, width);
	}
	add_text(t, ui, "KEYS");
	size_t count;
	const struct action *table = action_table(&count);
	for (size_t i = 0; i < count; i++) {
		const struct action *a = &table[i];
		if (a->scope == ACTION_COMING || (!a->chars && !a->codes))
			continue; /* (coming, or plain mode's only) */
		char keys[64], help[512];
		add_key(t, ui, action_keys(a, fw, false, keys, sizeof keys),
			action_help(a, fw, false, help, sizeof help), width);
	}
	add_text(t, ui, "");
	for (size_t i = 0; i < sizeof notes / sizeof notes[0]; i++)
		add_wrapped(t, ui, notes[i], width);
	static const char *const counts[] = { "", "ONE LEVEL", "TWO LEVELS", "THREE LEVELS",
		"FOUR LEVELS", "FIVE LEVELS", "SIX LEVELS", "SEVEN LEVELS", "EIGHT LEVELS",
		"NINE LEVELS" };
	char heading[64];
	snprintf(heading, sizeof heading, "THE %s OF PRACTICE (from the Standard)",
		 counts[(fw->level_count - 1) % (sizeof counts / sizeof counts[0])]);
	add_text(t, ui, heading);
	for (size_t l = 1; l < fw->level_count; l++) {
		const struct framework_level *level = &fw->levels[l];
		char name[256];
		snprintf(name, sizeof name, "%s (%d point%s)", level->title, level->points,
			 level->points == 1 ? "" : "s");
		add_entry(t, ui, name, level->descriptor, width);
	}
	add_text(t, ui, "SCORING");
	add_wrapped(t, ui, "A row scores the points of the level chosen; a category scores the "
		    "sum; the published score ranges give the category's level. Category 2 adds "
		    "2a-2e.", width);
	add_text(t, ui, "GLOSSARY (from the Standard)");
	for (size_t i = 0; i < fw->term_count; i++)
		add_entry(t, ui, fw->glossary[i].term, *fw->glossary[i].definition
			  ? fw->glossary[i].definition
			  : "(the source document gives no text for this term)", width);
	add_entry(t, ui, "Source", fw->source, width);
}

/* The screen's own state: the first line shown. */
struct help_state {
	int top;
};

static void help_draw(struct wizard *w, void *state)
{
	int *top = &((struct help_state *)state)->top;
	struct help_text t = {0};
	build(w, &t);
	size_t n = t.count;
	int height = getmaxy(w->body);
	int max_top = (int)n > height ? (int)n - height : 0;
	if (*top > max_top)
		*top = max_top;
	if (*top < 0)
		*top = 0;
	ui_put_utf8(&w->ui, w->header, 0, 0, "Help", w->cols, UI_TITLE);
	char where[64];
	snprintf(where, sizeof where, "lines %d-%d of %zu", *top + 1,
		 *top + height < (int)n ? *top + height : (int)n, n);
	ui_put_utf8(&w->ui, w->header, 1, 0, where, w->cols, UI_DIM);
	for (int r = 0; r < height && (size_t)*top + (size_t)r < n; r++)
		ui_put_shown(&w->ui, w->body, r, 1, t.line[*top + r], strlen(t.line[*top + r]),
			     w->cols - 2, r + *top == 0 ? UI_TITLE : UI_NORMAL);
	for (size_t i = 0; i < n; i++)
		free(t.line[i]);
	free(t.line);
	w->cursor_win = w->body;
	tui_hints(w, "j/k scroll  Space/PgDn page  b/PgUp back a page  q/Esc/? close help\n"
		  "j/k scroll  Space page  b back a page  q/Esc close");
}

static void help_key(struct wizard *w, void *state, wint_t ch, bool is_code)
{
	int *top = &((struct help_state *)state)->top;
	int page = getmaxy(w->body) - 1;
	if (is_code) {
		switch (ch) {
		case KEY_DOWN: (*top)++; return;
		case KEY_UP: (*top)--; return;
		case KEY_NPAGE: *top += page; return;
		case KEY_PPAGE: *top -= page; return;
		case KEY_HOME: *top = 0; return;
		case KEY_F(1): case KEY_F(10): tui_close(w); return;
		default: return;
		}
	}
	switch (ch) {
	case L'j': (*top)++; return;
	case L'k': (*top)--; return;
	case L' ': *top += page; return;
	case L'b': *top -= page; return;
	case L'q': case 27: case L'?': case L'\n': case L'\r':
		tui_close(w);
		return;
	}
}

/* A pager: its keys are its own (no global key acts here: q closes it). */
static enum tui_binding help_binds(const struct wizard *w, const void *state, wint_t ch,
				   bool is_code)
{
	(void)w;
	(void)state;
	static const int codes[] = { KEY_DOWN, KEY_UP, KEY_NPAGE, KEY_PPAGE, KEY_HOME, KEY_F(1),
				     KEY_F(10), 0 };
	return tui_key_listed(ch, is_code, L"jk bq\x1b?\r\n", codes) ? TUI_BOUND : TUI_UNBOUND;
}

const struct view view_help = {
	.name = "help", .modal = true, .state_size = sizeof(struct help_state),
	.draw = help_draw, .key = help_key, .binds = help_binds,
};
