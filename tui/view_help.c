/* The help screen: keys (from the actions table, as plain mode's ? lists
 * them), the Standard's glossary and its About page (the introduction, the
 * levels with their descriptors, the scoring method), scrollable; and the
 * guidance screen (i): the current category's description and every note
 * of its sections and cells, in the same pager. */
#define _GNU_SOURCE /* asprintf */
#include "tui.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "about.h"
#include "actions.h"
#include "words.h"

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
	size_t about; /* the first line of the About page */
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

/* A key and what it does, the text wrapped beside a column of keys
 * (column wide, keys ASCII and cut to it; a list item: no key, a narrow
 * column). */
static void add_key(struct help_text *t, const struct ui *ui, const char *key,
		    const char *text, int width, int column)
{
	char prefix[KEY_COLUMN + 1];
	snprintf(prefix, sizeof prefix, "%.*s", column > 1 ? column - 1 : 0, key);
	add_rows(t, ui, prefix, column, text, width - column);
}

/* The About page (about.h), each block wrapped; list items and notes
 * indented. */
static void add_about(struct help_text *t, const struct ui *ui, const struct framework *fw,
		      int width)
{
	struct about_page page;
	if (about_page_init(&page, fw, NULL) != 0) {
		add_wrapped(t, ui, "(out of memory: tri-assess about prints this page)", width);
		about_page_finish(&page);
		return;
	}
	for (size_t i = 0; i < page.count; i++) {
		const struct about_block *b = &page.blocks[i];
		if (b->kind == ABOUT_HEADING)
			add_text(t, ui, b->text);
		else if (b->kind == ABOUT_PARAGRAPH)
			add_wrapped(t, ui, b->text, width);
		else
			add_key(t, ui, "", b->text, width, 2);
		bool list = b->kind == ABOUT_ITEM || b->kind == ABOUT_NOTE;
		if (list && (i + 1 == page.count || page.blocks[i + 1].kind != b->kind))
			add_text(t, ui, "");
	}
	about_page_finish(&page);
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
			action_help(a, fw, false, help, sizeof help), width, KEY_COLUMN);
	}
	add_text(t, ui, "");
	for (size_t i = 0; i < sizeof notes / sizeof notes[0]; i++)
		add_wrapped(t, ui, notes[i], width);
	add_text(t, ui, "GLOSSARY (from the Standard)");
	for (size_t i = 0; i < fw->term_count; i++)
		add_entry(t, ui, fw->glossary[i].term, *fw->glossary[i].definition
			  ? fw->glossary[i].definition
			  : "(the source document gives no text for this term)", width);
	t->about = t->count;
	add_text(t, ui, "ABOUT THE STANDARD (from the Standard)");
	add_about(t, ui, fw, width);
}

/* The current category's guidance (i): its description, the notes of
 * the category and of each section ("Section 2a: Recruitment [7]", the
 * note), each row's notes with its cell ("1.2 Leading [6]", the note). */
static void add_notes_at(struct help_text *t, const struct ui *ui, const struct framework *fw,
			 enum framework_note_place place, size_t index, enum level level,
			 const char *title, int width)
{
	const struct framework_footnote *found[8];
	size_t count = framework_footnotes_at(fw, place, index, level, found, 8);
	if (count && title)
		add_text(t, ui, title);
	for (size_t k = 0; k < count && k < 8; k++) {
		char marker[48];
		words_footnote_marker(found[k], marker, sizeof marker);
		char *note = malloc(strlen(marker) + strlen(found[k]->text) + 2);
		if (!note)
			abort();
		sprintf(note, "%s %s", marker, found[k]->text);
		add_wrapped(t, ui, note, width);
		free(note);
	}
}

static void build_guidance(struct wizard *w, struct help_text *t, size_t c)
{
	const struct framework *fw = w->s.fw;
	const struct ui *ui = &w->ui;
	int width = w->cols - 2;
	const struct framework_category *cat = &fw->categories[c];
	char title[512], ranges[480];
	snprintf(title, sizeof title, "CATEGORY %s: %s", cat->id, cat->title);
	add_text(t, ui, title);
	add_wrapped(t, ui, *cat->description ? cat->description
		    : "(the framework gives no description for this category)", width);
	snprintf(title, sizeof title, "Score ranges: %s", words_ranges(fw, cat, ranges,
									sizeof ranges));
	add_wrapped(t, ui, title, width);
	add_notes_at(t, ui, fw, FRAMEWORK_NOTE_CATEGORY, c, LEVEL_NONE, NULL, width);
	for (size_t s = cat->first_section; s < cat->first_section + cat->section_count; s++) {
		snprintf(title, sizeof title, "Section %s: %s", fw->sections[s].id,
			 fw->sections[s].title);
		add_notes_at(t, ui, fw, FRAMEWORK_NOTE_SECTION, s, LEVEL_NONE, title, width);
	}
	for (size_t i = cat->first_criterion; i < cat->first_criterion + cat->criterion_count;
	     i++) {
		for (size_t l = 0; l < fw->level_count; l++) {
			snprintf(title, sizeof title, "%s%s%s", fw->criteria[i].id, l ? " " : "",
				 l ? words_level(fw, (enum level)l) : "");
			add_notes_at(t, ui, fw, FRAMEWORK_NOTE_CRITERION, i, (enum level)l, title,
				     width);
		}
	}
	add_wrapped(t, ui, "About the Standard (its introduction, the levels of practice and "
		    "how a category is scored): ? then a.", width);
}

/* The screen's own state: the first line shown; which text it shows; the
 * first line of the About page (help's a). */
struct help_state {
	int top;
	bool guidance;
	size_t category; /* the guidance's */
	size_t about;
};

static void help_draw(struct wizard *w, void *state)
{
	struct help_state *h = state;
	int *top = &h->top;
	struct help_text t = {0};
	if (h->guidance)
		build_guidance(w, &t, h->category);
	else
		build(w, &t);
	h->about = t.about;
	size_t n = t.count;
	int height = getmaxy(w->body);
	int max_top = (int)n > height ? (int)n - height : 0;
	if (*top > max_top)
		*top = max_top;
	if (*top < 0)
		*top = 0;
	char title[512];
	const struct framework_category *cat = &w->s.fw->categories[h->category];
	snprintf(title, sizeof title, "Guidance: Category %s of %zu: %s", cat->id,
		 w->s.fw->category_count, cat->title);
	ui_put_utf8(&w->ui, w->header, 0, 0, h->guidance ? title : "Help", w->cols, UI_TITLE);
	char where[64];
	snprintf(where, sizeof where, "lines %d-%d of %zu", *top + 1,
		 *top + height < (int)n ? *top + height : (int)n, n);
	ui_put_utf8(&w->ui, w->header, 1, 0, where, w->cols, UI_DIM);
	for (int r = 0; r < height && (size_t)*top + (size_t)r < n; r++) {
		size_t line = (size_t)*top + (size_t)r;
		ui_put_shown(&w->ui, w->body, r, 1, t.line[line], strlen(t.line[line]),
			     w->cols - 2, line == 0 || line == t.about ? UI_TITLE : UI_NORMAL);
	}
	for (size_t i = 0; i < n; i++)
		free(t.line[i]);
	free(t.line);
	w->cursor_win = w->body;
	if (h->guidance)
		tui_hints(w, "j/k scroll  Space/PgDn page  b/PgUp back a page  q/Esc/i close\n"
			  "j/k scroll  Space page  b back a page  q/Esc close");
	else
		tui_hints(w, "j/k scroll  Space/PgDn page  b back  a About  q/Esc/? close help\n"
			  "j/k scroll  Space page  b back  a About  q/Esc close");
}

static void help_key(struct wizard *w, void *state, wint_t ch, bool is_code)
{
	struct help_state *h = state;
	int *top = &h->top;
	int page = getmaxy(w->body) - 1;
	if (is_code) {
		switch (ch) {
		case KEY_DOWN: (*top)++; return;
		case KEY_UP: (*top)--; return;
		case KEY_NPAGE: *top += page; return;
		case KEY_PPAGE: *top -= page; return;
		case KEY_HOME: *top = 0; return;
		case KEY_END: *top = INT_MAX / 2; return; /* (help_draw keeps it in range) */
		case KEY_F(1): case KEY_F(10): tui_close(w); return;
		default: return;
		}
	}
	switch (ch) {
	case L'j': (*top)++; return;
	case L'k': (*top)--; return;
	case L' ': *top += page; return;
	case L'b': *top -= page; return;
	case L'a': *top = (int)h->about; return;
	case L'q': case 27: case L'?': case L'i': case L'\n': case L'\r':
		tui_close(w);
		return;
	}
}

/* A pager: its keys are its own (no global key acts here: q closes it). */
static enum tui_binding help_binds(const struct wizard *w, const void *state, wint_t ch,
				   bool is_code)
{
	(void)w;
	static const int codes[] = { KEY_DOWN, KEY_UP, KEY_NPAGE, KEY_PPAGE, KEY_HOME, KEY_END,
				     KEY_F(1), KEY_F(10), 0 };
	const struct help_state *h = state;
	const wchar_t *keys = h->guidance ? L"jk bq\x1bi\r\n" : L"jk baq\x1b?\r\n";
	return tui_key_listed(ch, is_code, keys, codes) ? TUI_BOUND : TUI_UNBOUND;
}

/* The guidance of the category the screen below is about (on the
 * overview, the one selected). */
static void guidance_open(struct wizard *w, void *state)
{
	struct help_state *h = state;
	h->guidance = true;
	h->category = tui_selected_category(w);
}

const struct view view_help = {
	.name = "help", .modal = true, .state_size = sizeof(struct help_state),
	.draw = help_draw, .key = help_key, .binds = help_binds,
};

const struct view view_guidance = {
	.name = "guidance", .modal = true, .state_size = sizeof(struct help_state),
	.open = guidance_open, .draw = help_draw, .key = help_key, .binds = help_binds,
};
