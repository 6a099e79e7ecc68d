/* The category screen: the running score, the current row's cells in
 * full, and a map (a table) of the rows of the category (of the section,
 * in Category 2) with their levels.
 *
 * Everything sits still while the room works through a category: each
 * cell keeps its place (a slot as tall as that level's longest text on the
 * page), the map holds every row of the page, and the bottom part keeps
 * its line from one category to the next; so a key changes only what it
 * changes, and curses sends only that (docs/performance.md). */
#include "tui.h"

#include <stdlib.h>
#include <string.h>

#include "actions.h"
#include "score.h"
#include "words.h"

/* Cells are drawn as "( ) 2 Established: text" wrapped with a hanging
 * indent of HANG columns (small: each column of indent costs every
 * wrapped line its width); the choice is marked by text, not colour. */
#define HANG 2
/* Lines besides the guidance, the map and the cells: ranges, rule, None,
 * blank, evidence. */
#define FIXED_LINES 5
#define MAP_LABEL_WIDTH 6 /* "Level " */
/* Text is set at a readable measure: on a wide terminal (a projector)
 * cells and texts wrap at MEASURE columns, MARGIN in from the left. */
#define MEASURE 100
#define MARGIN 2

/* Where the cells and texts start, and how wide they are. */
static int measure_x(const struct wizard *w)
{
	return w->cols - 1 > MEASURE + MARGIN ? MARGIN : 0;
}

static int measure_width(const struct wizard *w)
{
	return w->cols - 1 < MEASURE ? w->cols - 1 : MEASURE;
}

/* The rows shown together: a category, or a section of Category 2. */
struct page {
	size_t first, count;
	size_t section; /* FRAMEWORK_NO_SECTION when the category has none */
};

static struct page current_page(const struct wizard *w)
{
	const struct framework *fw = w->s.fw;
	size_t section = fw->criteria[w->criterion].section;
	if (section != FRAMEWORK_NO_SECTION)
		return (struct page){ fw->sections[section].first_criterion,
			fw->sections[section].criterion_count, section };
	const struct framework_category *cat = &fw->categories[tui_category(w)];
	return (struct page){ cat->first_criterion, cat->criterion_count, FRAMEWORK_NO_SECTION };
}

/* Where everything goes; a function of the page and the window only, so
 * that nothing moves while moving within the page.  From the top: the
 * ranges, a rule naming the row, its cells (each in its slot) and None,
 * a blank line, the map of the page's rows, evidence and notes.  Above
 * them all, the page's guidance: the category's description and the
 * notes of the category, the section and the page's rows (a cell's own
 * note is part of its cell: it is shown where the cell is).
 *
 * When the window is too short for all of it (a status line, a split
 * pane, a large font), what gives way first is decided by one order
 * (clarifications rule 21), from what is kept longest: the header, the
 * current row's cells, the row table, evidence, then guidance (which
 * goes first, down to the first line of each of its parts and "i more":
 * i shows it whole).  The cells then scroll (J/K) and the table shows a
 * band at a time. */
enum screen_part { PART_HEADER, PART_CELLS, PART_TABLE, PART_EVIDENCE, PART_GUIDANCE };

struct layout {
	int id_width, column_width, per_band, band_lines; /* the map's table */
	int bands, bands_shown, band_top;
	bool slotted;                      /* each level has its fixed slot */
	int slot[LEVEL_MAX_COUNT];         /* rows of each cell, when slotted */
	int longest;                       /* rows the page's longest row needs */
	int detail_y, detail_rows, none_y, map_y;
	int evidence_y;                    /* -1 when it gave way */
	int cell_lines;                    /* rows the current row's cells need */
	int cell_top;                      /* first of them shown */
	int guide_rows;                    /* the guidance's, above the ranges */
};

/* The screen's own state: where the current row's cells are scrolled
 * to (J/K), and the tallest page's height at this window size, worked out
 * once per size rather than on every key. */
struct category_state {
	int cell_top;         /* the first line of the cells shown */
	size_t cell_row;      /* the criterion cell_top belongs to */
	int text_top;         /* the first line of the texts shown (J/K) */
	size_t text_row;      /* the criterion text_top belongs to */
	int tallest_cols, tallest_rows, tallest_page;
	int guide_rows;       /* the guidance's height at this size (size_screen) */
};

/* The compared side's label from its details ("Peer review"), never
 * "Other" or a path (words_side). */
static const char *other_label(const struct wizard *w, char *buffer, size_t size)
{
	return words_side(w->s.other, w->s.a, 1, WORDS_SIDE_LABEL, buffer, size);
}

/* The compared side in the map's first column, five columns at most. */
static const char *other_map_label(const struct wizard *w)
{
	if (strcmp(w->s.other->type, "peer") == 0)
		return "Peer";
	return strcmp(w->s.other->type, "self") == 0 ? "Self" : "Cmp.";
}

#define MAX_NOTES 8 /* notes at one place (the Standard has one at most) */

/* The notes at one place appended to text (a new string; text freed):
 * with markers, " [6]" for each; then with texts, "\n[6] note" for each. */
static char *add_notes(char *text, const struct framework *fw, enum framework_note_place place,
		       size_t index, enum level level, bool markers, bool texts)
{
	const struct framework_footnote *notes[MAX_NOTES];
	size_t count = framework_footnotes_at(fw, place, index, level, notes, MAX_NOTES);
	for (int pass = markers ? 0 : 1; pass < (texts ? 2 : 1); pass++) {
		for (size_t k = 0; k < count && k < MAX_NOTES; k++) {
			char marker[48];
			words_footnote_marker(notes[k], marker, sizeof marker);
			const char *sep = pass == 0 ? " " : *text ? "\n" : "";
			const char *note = pass == 0 ? "" : notes[k]->text;
			size_t n = strlen(text) + strlen(sep) + strlen(marker) + strlen(note) + 2;
			char *longer = malloc(n);
			if (!longer)
				abort();
			snprintf(longer, n, "%s%s%s%s%s", text, sep, marker, pass ? " " : "", note);
			free(text);
			text = longer;
		}
	}
	return text;
}

/* "(*) 2 Established: text" (the mark "( )" when not chosen), and in a
 * comparison "Established (Peer review's level): text" on the cell the
 * other assessment chose; a footnote of the cell after it, its marker
 * ("[6]") at the text's end and the note on a line of its own, so that
 * the note is wherever the cell is.  Wrapped with a hanging indent of
 * HANG. */
static char *cell_text(const struct wizard *w, const struct framework_criterion *c, int level)
{
	const char *body = c->cell[level] ? c->cell[level] : w->ui.utf8 ? "\u2014" : "-";
	size_t index = (size_t)(c - w->s.fw->criteria);
	bool theirs = w->s.other && w->s.other->levels[index] == (enum level)level;
	bool chosen = w->s.a->levels[index] == (enum level)level;
	char theirs_text[200] = "";
	if (theirs) {
		char label[160];
		snprintf(theirs_text, sizeof theirs_text, " (%s's level)",
			 other_label(w, label, sizeof label));
	}
	size_t n = strlen(body) + strlen(theirs_text) + 64;
	char *text = malloc(n);
	if (!text)
		abort();
	snprintf(text, n, "%ls %d %s%s: %s", chosen ? w->ui.glyph.chosen : w->ui.glyph.not_chosen,
		 level, words_level(w->s.fw, (enum level)level), theirs_text, body);
	if (c->cell[level])
		text = add_notes(text, w->s.fw, FRAMEWORK_NOTE_CRITERION, index, (enum level)level,
				 true, true);
	return text;
}

/* The page's guidance, its parts a line each: the category's
 * description, then each note ("[7] text") of the category, of the
 * page's section and of the page's rows (a row's own, "2a.3 [*] text").
 * A new string; "" when there is none. */
static char *guide_text(const struct wizard *w, const struct page *p)
{
	const struct framework *fw = w->s.fw;
	size_t category = fw->criteria[p->first].category;
	char *text = strdup(fw->categories[category].description);
	if (!text)
		abort();
	text = add_notes(text, fw, FRAMEWORK_NOTE_CATEGORY, category, LEVEL_NONE, false, true);
	if (p->section != FRAMEWORK_NO_SECTION)
		text = add_notes(text, fw, FRAMEWORK_NOTE_SECTION, p->section, LEVEL_NONE,
				 false, true);
	for (size_t i = p->first; i < p->first + p->count; i++)
		text = add_notes(text, fw, FRAMEWORK_NOTE_CRITERION, i, LEVEL_NONE, false, true);
	return text;
}

/* The guidance's width: the measure on a wide terminal, as the cells;
 * else the whole width. */
static int guide_width(const struct wizard *w)
{
	return measure_x(w) ? MEASURE : w->cols;
}

/* Rows the guidance takes whole (wrapped), or its parts' count (at least
 * a line each). */
static int guide_rows(struct wizard *w, const struct page *p, bool whole)
{
	char *text = guide_text(w, p);
	int rows = 0;
	if (*text && whole) {
		rows = ui_wrapped_rows(&w->ui, text, guide_width(w));
	} else if (*text) {
		rows = 1;
		for (const char *c = text; *c; c++)
			rows += *c == '\n';
	}
	free(text);
	return rows;
}

/* Call fn on every page of the framework (a category, or a section). */
static void each_page(struct wizard *w, void (*fn)(struct wizard *w, const struct page *p,
						   void *data), void *data)
{
	const struct framework *fw = w->s.fw;
	for (size_t c = 0; c < fw->category_count; c++) {
		const struct framework_category *cat = &fw->categories[c];
		size_t pages = cat->section_count ? cat->section_count : 1;
		for (size_t k = 0; k < pages; k++) {
			struct page p = { cat->first_criterion, cat->criterion_count,
					  FRAMEWORK_NO_SECTION };
			if (cat->section_count) {
				const struct framework_section *sec = &fw->sections[cat->first_section + k];
				p = (struct page){ sec->first_criterion, sec->criterion_count,
						   cat->first_section + k };
			}
			fn(w, &p, data);
		}
	}
}

static int cell_rows(struct wizard *w, const struct framework_criterion *c, int level)
{
	char *text = cell_text(w, c, level);
	int rows = ui_hanging_rows(&w->ui, text, measure_width(w), HANG);
	free(text);
	return rows;
}

/* Rows evidence needs at the least: in a comparison, a line each side
 * (one above the other, or side by side with room for both). */
static int evidence_need(const struct wizard *w)
{
	return w->s.other ? 2 : 1;
}

/* The parts of the layout that depend on one page only: the map's table
 * and the rows each cell needs, with guide rows taken by the guidance. */
static void page_geometry(struct wizard *w, const struct page *p, struct layout *l, int guide)
{
	const struct framework *fw = w->s.fw;
	*l = (struct layout){ 0 };
	for (size_t i = p->first; i < p->first + p->count; i++) {
		int n = (int)strlen(fw->criteria[i].id);
		if (n > l->id_width)
			l->id_width = n;
	}
	/* The map is a table: a line of row ids, a line of their levels (and
	 * in a comparison a line of the other's), in bands as wide as fit. */
	l->column_width = l->id_width + 2;
	l->per_band = (w->cols - MAP_LABEL_WIDTH) / l->column_width;
	if (l->per_band < 1)
		l->per_band = 1;
	l->band_lines = w->s.other ? 3 : 2;
	l->bands = (int)((p->count + (size_t)l->per_band - 1) / (size_t)l->per_band);
	int longest = 0, slots = 0;
	for (size_t i = p->first; i < p->first + p->count; i++) {
		int total = 0;
		for (int level = 1; level < (int)fw->level_count; level++) {
			int rows = cell_rows(w, &fw->criteria[i], level);
			total += rows;
			if (rows > l->slot[level])
				l->slot[level] = rows;
		}
		if (total > longest)
			longest = total;
	}
	for (int level = 1; level < (int)fw->level_count; level++)
		slots += l->slot[level];
	l->longest = longest;
	/* (the blank line above the map gives way before the slots do) */
	int room = getmaxy(w->body) - (FIXED_LINES - 1) - (evidence_need(w) - 1) - guide;
	l->guide_rows = guide;
	l->slotted = l->bands * l->band_lines + slots <= room;
	l->detail_rows = l->slotted ? slots : longest;
	l->bands_shown = (room - l->detail_rows) / l->band_lines;
	if (l->bands_shown > l->bands)
		l->bands_shown = l->bands;
	if (l->bands_shown < 1)
		l->bands_shown = 1;
}

/* What the pages need at one height of the guidance: the most rows of
 * guidance, cells and map, and whether every page has its cells in their
 * slots and every band of its table. */
struct sizing {
	int guide, tallest;
	bool all_fit;
	int whole, parts; /* the most rows of guidance whole, the most parts */
};

static void size_page(struct wizard *w, const struct page *p, void *data)
{
	struct sizing *z = data;
	struct layout g;
	page_geometry(w, p, &g, z->guide);
	int need = z->guide + g.detail_rows + g.bands_shown * g.band_lines;
	if (need > z->tallest)
		z->tallest = need;
	z->all_fit &= g.slotted && g.bands_shown == g.bands;
}

static void measure_guide(struct wizard *w, const struct page *p, void *data)
{
	struct sizing *z = data;
	int whole = guide_rows(w, p, true), parts = guide_rows(w, p, false);
	z->whole = whole > z->whole ? whole : z->whole;
	z->parts = parts > z->parts ? parts : z->parts;
}

/* The guidance's height at this window size, the same on every page (so
 * the ranges, the rule and the cells stay put from one category to the
 * next), and the tallest page's rows: the most guidance with which every
 * page still fits (its cells in their slots, its whole table, the bottom
 * part below), down to a line for each part of the guidance (rule 21:
 * guidance gives way first, but its first line stays). */
static void size_screen(struct wizard *w, struct category_state *c)
{
	struct sizing z = { 0 };
	each_page(w, measure_guide, &z);
	int height = getmaxy(w->body);
	for (int guide = z.whole; guide >= z.parts; guide--) {
		z.guide = guide;
		z.tallest = 0;
		z.all_fit = true;
		each_page(w, size_page, &z);
		if (z.all_fit && 2 + z.tallest + 1 <= height - evidence_need(w))
			break;
	}
	if (z.guide < z.parts) { /* (no guidance at all) */
		z.guide = z.parts;
		z.tallest = 0;
		each_page(w, size_page, &z);
	}
	c->guide_rows = z.guide;
	c->tallest_page = z.tallest;
	c->tallest_cols = w->cols;
	c->tallest_rows = w->rows;
}

/* A window too short for the tallest page: each part gets its rows in
 * the order of enum screen_part, the cells first (up to what the page
 * needs; in a comparison less both sides' evidence lines), then one band
 * of the table, the rest of the table, evidence, and last the blank
 * line. */
static void short_layout(struct wizard *w, struct layout *l)
{
	static const enum screen_part order[] = { PART_CELLS, PART_TABLE, PART_EVIDENCE };
	int height = getmaxy(w->body);
	int room = height - 3 - l->guide_rows; /* the guidance, the ranges, the rule, None */
	int need = l->detail_rows; /* the page's: its slots, or its longest row */
	int cells = 0, evidence = 0, keep;
	l->bands_shown = 0;
	for (size_t k = 0; k < sizeof order / sizeof order[0]; k++) {
		switch (order[k]) {
		case PART_CELLS: /* all they need, leaving one band of the table
				  * (and in a comparison both sides' evidence: what a
				  * moderation discusses; the cells scroll) */
			keep = l->band_lines + (w->s.other ? evidence_need(w) : 0);
			cells = need < room - keep ? need : room - keep;
			if (cells < 1)
				cells = 1;
			room -= cells;
			break;
		case PART_TABLE:
			l->bands_shown = room / l->band_lines;
			if (l->bands_shown > l->bands)
				l->bands_shown = l->bands;
			if (l->bands_shown < 1)
				l->bands_shown = 1;
			room -= l->bands_shown * l->band_lines;
			break;
		default: /* PART_EVIDENCE (the guidance has its rows: size_screen) */
			evidence = room < evidence_need(w) ? room : evidence_need(w);
			room -= evidence;
			break;
		}
	}
	l->detail_y = 2 + l->guide_rows;
	l->detail_rows = cells;
	l->none_y = l->detail_y + cells;
	l->map_y = l->none_y + 1 + (room >= 1); /* the blank line, if it has room */
	l->evidence_y = evidence ? l->map_y + l->bands_shown * l->band_lines : -1;
}

/* The current row's cells as laid out (slots, or each cell's own rows). */
static int cell_lines(struct wizard *w, const struct layout *l)
{
	const struct framework_criterion *c = &w->s.fw->criteria[w->criterion];
	int total = 0;
	for (int level = 1; level < (int)w->s.fw->level_count; level++)
		total += l->slotted ? l->slot[level] : cell_rows(w, c, level);
	return total;
}

static struct layout plan_layout(struct wizard *w, struct category_state *c,
				 const struct page *p)
{
	/* The bottom part (None, the map, evidence) sits below the tallest
	 * page's cells, or against the bottom edge when that is closer: so it
	 * stays put from one category to the next as well. */
	if (c->tallest_cols != w->cols || c->tallest_rows != w->rows)
		size_screen(w, c);
	struct layout l;
	page_geometry(w, p, &l, c->guide_rows);
	int tallest = c->tallest_page;
	int height = getmaxy(w->body);
	l.detail_y = 2 + l.guide_rows; /* the guidance, the ranges, the rule */
	int bottom = 2 + tallest + 1 /* None */ + 1 /* blank */;
	bool blank = bottom <= height - evidence_need(w);
	if (blank || bottom - 1 <= height - evidence_need(w)) { /* the blank line where it fits */
		l.evidence_y = blank ? bottom : bottom - 1;
		l.map_y = l.evidence_y - l.bands_shown * l.band_lines;
		l.none_y = l.map_y - 1 - blank;
		l.detail_rows = l.none_y - l.detail_y;
	} else {
		short_layout(w, &l);
	}
	/* the map turns a page of bands at a time, when it must */
	int band = (int)(w->criterion - p->first) / l.per_band;
	l.band_top = band / l.bands_shown * l.bands_shown;
	/* the cells scroll when the current row's do not fit */
	l.cell_lines = cell_lines(w, &l);
	if (c->cell_row != w->criterion) {
		c->cell_row = w->criterion;
		c->cell_top = 0;
	}
	int last_top = l.cell_lines > l.detail_rows ? l.cell_lines - l.detail_rows : 0;
	if (c->cell_top > last_top)
		c->cell_top = last_top;
	if (c->cell_top < 0)
		c->cell_top = 0;
	l.cell_top = c->cell_top;
	return l;
}

static void draw_header(struct wizard *w, const struct score_result *r)
{
	const struct framework *fw = w->s.fw;
	const struct framework_category *cat = &fw->categories[tui_category(w)];
	char line[512], state[96];
	snprintf(line, sizeof line, "Category %s of %zu: %s", cat->id, fw->category_count,
		 cat->title);
	if (w->s.other) {
		struct score_result o;
		score_category(fw, w->s.other->levels, tui_category(w), &o);
		char theirs[256];
		char label[160];
		snprintf(theirs, sizeof theirs, "%s: %d %s", other_label(w, label, sizeof label),
			 o.score, words_state(w->s.fw, &o, WORDS_BRIEF, state, sizeof state));
		int width = (int)strlen(theirs);
		ui_put_utf8(&w->ui, w->header, 0, 0, line, w->cols - width - 2, UI_TITLE);
		ui_put_utf8(&w->ui, w->header, 0, w->cols - width, theirs, width,
			    o.level != r->level ? UI_ERROR : UI_NORMAL);
	} else {
		ui_put_utf8(&w->ui, w->header, 0, 0, line, w->cols - 12, UI_TITLE);
		ui_put_utf8(&w->ui, w->header, 0, w->cols - 10, "? help", 10, UI_DIM);
	}

	/* The score and the points still needed come first and together, and
	 * every field keeps its column (the score padded to the maximum's
	 * digits, the rest to their longest), so a new score resends a few
	 * digits and not the rest of the line.  Then the level as far as the
	 * category is assessed.  Where the window is too narrow for the
	 * longest line this category can have, the points still needed give
	 * way (the ranges are on the next line). */
	int digits = snprintf(NULL, 0, "%d", r->max);
	int longest = 0; /* the longest level word "(N more for" can end in */
	for (size_t l = 1; l < fw->level_count; l++) {
		int n = (int)strlen(words_level(fw, (enum level)l));
		longest = n > longest ? n : longest;
	}
	int next_width = digits + (int)strlen(" more for ()") + longest;
	int score_width = (int)strlen("Score /") + 2 * digits;
	bool with_next = score_width + 1 + next_width + 2 +
		words_state_width(w->s.fw, r->total, WORDS_FULL) <= w->cols;
	int n = snprintf(line, sizeof line, "Score %*d/%d", digits, r->score, r->max);
	if (with_next) {
		char next[96] = "";
		if (r->state != SCORE_COMPLETE) {
			/* no level yet, or one the remaining rows will change: the
			 * count of answers says more, and a key changes only it */
		} else if (r->next_level == LEVEL_NONE) {
			snprintf(next, sizeof next, "(the top level)");
		} else {
			/* "(9 more" one column further right than "(10 more" */
			int pad = digits - snprintf(NULL, 0, "%d", r->points_to_next);
			snprintf(next, sizeof next, "%*s(%d more for %s)", pad > 0 ? pad : 0, "",
				 r->points_to_next, words_level(w->s.fw, r->next_level));
		}
		n += snprintf(line + n, sizeof line - (size_t)n, " %-*s", next_width, next);
	}
	words_state(w->s.fw, r, WORDS_FULL, state, sizeof state);
	bool labelled = n + 2 + (int)strlen("Level: ") + (int)strlen(state) <= w->cols;
	snprintf(line + n, sizeof line - (size_t)n, "  %s%s", labelled ? "Level: " : "", state);
	ui_put_utf8(&w->ui, w->header, 1, 0, line, w->cols, UI_NORMAL);
}

/* The page's guidance above the ranges, in its rows: whole where it
 * fits; else each part (the description, each note) gets a line, the
 * rows left over go to the parts in order, a part cut short ends in an
 * ellipsis, and "i more" on the first line says that i shows it whole. */
static void draw_guide(struct wizard *w, const struct page *p, const struct layout *l)
{
	char *text = guide_text(w, p);
	int x = measure_x(w);
	if (!*text || !l->guide_rows ||
	    ui_wrapped_rows(&w->ui, text, guide_width(w)) <= l->guide_rows) {
		ui_put_wrapped(&w->ui, w->body, 0, x, text, guide_width(w), l->guide_rows, UI_NORMAL);
		free(text);
		return;
	}
	static const char more[] = " i more";
	int width = guide_width(w) - (int)strlen(more);
	int spare = l->guide_rows - guide_rows(w, p, false), y = 0;
	char *part = text;
	while (part && y < l->guide_rows) {
		char *end = strchr(part, '\n');
		if (end)
			*end = '\0';
		int need = ui_wrapped_rows(&w->ui, part, width), rows = 1;
		if (need > 1 && spare > 0) {
			rows = need - 1 <= spare ? need : 1 + spare;
			spare -= rows - 1;
		}
		y += ui_put_hanging_part(&w->ui, w->body, y, x, part, width, 0, 0, rows, UI_NORMAL);
		part = end ? end + 1 : NULL;
	}
	ui_put_utf8(&w->ui, w->body, 0, x + width, more, (int)strlen(more), UI_NORMAL);
	free(text);
}

/* A rule across the body, with a label after its first two dashes. */
static void draw_rule(struct wizard *w, int y, const char *label)
{
	/* Drawn with the locale's glyph, not ACS_HLINE: terminals in UTF-8
	 * mode that ignore the VT100 line-drawing set would show "qqq". */
	wmove(w->body, y, 0);
	for (int x = 0; x < w->cols; x++)
		waddwstr(w->body, w->ui.glyph.rule);
	char *text = malloc(strlen(label) + 2);
	if (!text)
		abort();
	sprintf(text, " %s", label);
	ui_put_utf8(&w->ui, w->body, y, 2, text, w->cols - 2, UI_NORMAL);
	free(text);
}

/* A row's level as the key that sets it, which is also its points; '-'
 * while it has none. */
static char level_key(enum level level)
{
	return level == LEVEL_UNANSWERED ? '-' : (char)('0' + (int)level);
}

/* The table of the page's rows and their levels, after a blank line.
 * The terminal cursor goes to the current row's level, which is what 0-3
 * change: a screen reader reads it there, and a level set in place does
 * not move it. */
static void draw_map(struct wizard *w, const struct page *p, const struct layout *l)
{
	const struct framework *fw = w->s.fw;
	char line[512];
	size_t from = p->first + (size_t)(l->band_top * l->per_band);
	size_t to = from + (size_t)(l->bands_shown * l->per_band);
	if (to > p->first + p->count)
		to = p->first + p->count;
	for (int band = 0; band < l->bands_shown && from + (size_t)(band * l->per_band) < to; band++) {
		int y = l->map_y + band * l->band_lines;
		mvwaddstr(w->body, y, 0, "Row");
		mvwaddstr(w->body, y + 1, 0, "Level");
		if (w->s.other)
			mvwaddstr(w->body, y + 2, 0, other_map_label(w));
	}
	for (size_t i = from; i < to; i++) {
		int k = (int)(i - from);
		int y = l->map_y + k / l->per_band * l->band_lines;
		int x = MAP_LABEL_WIDTH + k % l->per_band * l->column_width;
		int digit_x = x + (l->id_width - 1) / 2;
		enum level level = w->s.a->levels[i];
		ui_put_utf8(&w->ui, w->body, y, x, fw->criteria[i].id, l->id_width, UI_NORMAL);
		/* The current row's level stands out in reverse video, with
		 * or without colour: a level recorded in place changes inside
		 * it, and one recorded on the way to the next row is followed
		 * by it.  One attribute on one character, moved by a key (16
		 * bytes on xterm: docs/performance.md). */
		wattrset(w->body, w->ui.style[i == w->criterion ? UI_CURRENT : UI_NORMAL]);
		mvwaddch(w->body, y + 1, digit_x, (chtype)level_key(level));
		wattrset(w->body, A_NORMAL);
		if (w->s.other) {
			/* the other's level; '!' where it differs */
			enum level theirs = w->s.other->levels[i];
			snprintf(line, sizeof line, "%c%s", level_key(theirs), theirs == level ? "" : "!");
			ui_put_utf8(&w->ui, w->body, y + 2, digit_x, line, 2,
				    theirs == level ? UI_NORMAL : UI_ERROR);
		}
		if (i == w->criterion) {
			w->cursor_win = w->body;
			w->cursor_y = y + 1;
			w->cursor_x = digit_x;
		}
	}
	if (l->bands_shown < l->bands) {
		/* a part of the page's rows: say which, after the last id shown */
		size_t last = to - 1;
		int k = (int)(last - from);
		int y = l->map_y + k / l->per_band * l->band_lines;
		int x = MAP_LABEL_WIDTH + (k % l->per_band + 1) * l->column_width;
		snprintf(line, sizeof line, "rows %zu-%zu of %zu", from - p->first + 1,
			 last - p->first + 1, p->count);
		if (x + (int)strlen(line) > w->cols)
			snprintf(line, sizeof line, "+%zu", p->first + p->count - to);
		ui_put_utf8(&w->ui, w->body, y, x, line, w->cols - x, UI_DIM);
	}
}

/* The three cells and None, the chosen one marked (*); of the cells, the
 * lines from cell_top on that fit the area (the rest scroll into view). */
static void draw_detail(struct wizard *w, const struct layout *l)
{
	const struct framework_criterion *c = &w->s.fw->criteria[w->criterion];
	enum level chosen = w->s.a->levels[w->criterion];
	int line = 0, top = l->cell_top, bottom = l->cell_top + l->detail_rows;
	for (int level = 1; level < (int)w->s.fw->level_count; level++) {
		int rows = l->slotted ? l->slot[level] : cell_rows(w, c, level);
		int from = line > top ? line : top, to = line + rows < bottom ? line + rows : bottom;
		if (from < to) {
			char *text = cell_text(w, c, level);
			ui_put_hanging_part(&w->ui, w->body, l->detail_y + from - top, measure_x(w),
					    text, measure_width(w), HANG, from - line, to - from,
					    UI_NORMAL);
			free(text);
		}
		line += rows;
	}
	char none[96];
	snprintf(none, sizeof none, "%ls 0 %s: no cell of this row is reached",
		 chosen == LEVEL_NONE ? w->ui.glyph.chosen : w->ui.glyph.not_chosen,
		 words_level(w->s.fw, LEVEL_NONE));
	ui_put_utf8(&w->ui, w->body, l->none_y, measure_x(w), none, w->cols - measure_x(w), UI_NORMAL);
}

/* "Evidence: ... | Notes: ..." of an answer, in a new heap string. */
static char *evidence_text(const struct assessment_answer *ans, const char *label)
{
	size_t n = strlen(ans->evidence) + strlen(ans->notes) + strlen(label) + 64;
	char *text = malloc(n);
	if (!text)
		abort();
	if (!*ans->evidence && !*ans->notes)
		snprintf(text, n, "%s%sEvidence and notes: none", label, *label ? ": " : "");
	else
		snprintf(text, n, "%s%sEvidence: %s | Notes: %s", label, *label ? ": " : "",
			 ans->evidence, ans->notes);
	return text;
}

/* In a comparison, both sides' evidence and notes from y to the bottom,
 * each named: side by side from 120 columns, else one above the other
 * (the rows shared out, this file's first).  With one row, both on it. */
static void draw_compared_evidence(struct wizard *w, int y)
{
	if (y < 0)
		return; /* (h shows them in full) */
	int rows = getmaxy(w->body) - y;
	char labels[2][160];
	words_side(w->s.a, w->s.other, 0, WORDS_SIDE_LABEL, labels[0], sizeof labels[0]);
	other_label(w, labels[1], sizeof labels[1]);
	char *text[2] = { evidence_text(&w->s.a->answers[w->criterion], labels[0]),
			  evidence_text(&w->s.other->answers[w->criterion], labels[1]) };
	if (w->cols >= 120) {
		int width = (w->cols - 1) / 2;
		for (int k = 0; k < 2; k++)
			ui_put_hanging_part(&w->ui, w->body, y, k * (width + 1), text[k], width, HANG,
					    0, rows, UI_NORMAL);
	} else if (rows >= 2) {
		int first = rows / 2;
		ui_put_hanging_part(&w->ui, w->body, y, 0, text[0], w->cols, HANG, 0, first,
				    UI_NORMAL);
		ui_put_hanging_part(&w->ui, w->body, y + first, 0, text[1], w->cols, HANG, 0,
				    rows - first, UI_NORMAL);
	} else {
		int width = (w->cols - 3) / 2;
		ui_put_utf8(&w->ui, w->body, y, 0, text[0], width, UI_NORMAL);
		ui_put_utf8(&w->ui, w->body, y, width, " | ", 3, UI_NORMAL);
		ui_put_utf8(&w->ui, w->body, y, width + 3, text[1], w->cols - width - 3, UI_NORMAL);
	}
	free(text[0]);
	free(text[1]);
}

/* The key hints, longest version first, after the level keys ("0-3"
 * for the Standard's four levels). */
static void draw_hints(struct wizard *w, bool scrolls)
{
	static const char *const hints[][2] = {
		{ "j/k move  Tab/S-Tab cat  e notes  u undo  g overview  ? help  q quit",
		  "j/k row  Tab cat  e notes  u undo  ? help  q quit" },
		{ "j/k move  J/K more  Tab/S-Tab cat  e notes  u undo  ? help  q quit",
		  "j/k row  J/K more  Tab cat  e notes  ? help  q quit" },
		{ "a adopt  j/k move  Tab/S-Tab cat  e notes  p plan  u undo  ? help",
		  "a adopt  j/k row  Tab cat  e notes  p plan  ? help" },
		{ "a adopt  j/k move  J/K more  Tab cat  e notes  p plan  ? help",
		  "a adopt  j/k row  J/K more  Tab cat  e notes  ? help" },
		{ "a adopt  m moderate  > next  < prev  h history  e notes  u undo  ? help",
		  "a adopt  m moderate  > next  h history  ? help" },
		{ "a adopt  m moderate  > next  J/K more  h history  e notes  ? help",
		  "a m moderate  > next  J/K more  h history  ? help" },
	};
	const char *const *hint = hints[(w->s.moderation ? 4 : w->s.other ? 2 : 0) + scrolls];
	size_t top = w->s.fw->level_count - 1;
	char line[512];
	snprintf(line, sizeof line, "0-%zu level  %s\n0-%zu level  %s", top, hint[0], top, hint[1]);
	tui_hints(w, line);
}

/* "2a.1 (2a Recruitment [7]) ": the rule's label, the current row and its
 * section, each with the markers of its notes (a new string). */
static char *rule_label(const struct wizard *w, const struct page *p)
{
	const struct framework *fw = w->s.fw;
	char *label = strdup(fw->criteria[w->criterion].id);
	if (!label)
		abort();
	label = add_notes(label, fw, FRAMEWORK_NOTE_CRITERION, w->criterion, LEVEL_NONE, true,
			  false);
	const char *section = "", *title = "";
	if (p->section != FRAMEWORK_NO_SECTION) {
		section = fw->sections[p->section].id;
		title = fw->sections[p->section].title;
	}
	char *named = malloc(strlen(section) + strlen(title) + 2);
	if (!named)
		abort();
	sprintf(named, "%s %s", section, title);
	if (p->section != FRAMEWORK_NO_SECTION)
		named = add_notes(named, fw, FRAMEWORK_NOTE_SECTION, p->section, LEVEL_NONE, true,
				  false);
	char *both = malloc(strlen(label) + strlen(named) + 5);
	if (!both)
		abort();
	if (p->section != FRAMEWORK_NO_SECTION)
		sprintf(both, "%s (%s) ", label, named);
	else
		sprintf(both, "%s ", label);
	free(named);
	free(label);
	return both;
}

/* The current criterion's texts as one: evidence, notes, then the
 * action plan's fields, each labelled, those with nothing left out; NULL
 * when all are empty.  The caller frees. */
static char *texts_of(const struct wizard *w)
{
	const struct assessment_answer *ans = &w->s.a->answers[w->criterion];
	const char *label[] = { "Evidence: ", "Notes: ", "Action: ", "Lead officer: ",
				"Timescale: " };
	const char *text[] = { ans->evidence, ans->notes, ans->action, ans->lead_officer,
			       ans->timescale };
	size_t size = 1, used = 0;
	for (size_t i = 0; i < 5; i++)
		size += strlen(label[i]) + strlen(text[i]) + 1;
	char *all = malloc(size);
	if (!all)
		abort();
	for (size_t i = 0; i < 5; i++)
		if (*text[i])
			used += (size_t)snprintf(all + used, size - used, "%s%s%s", used ? "\n" : "",
						 label[i], text[i]);
	if (used)
		return all;
	free(all);
	return NULL;
}

/* Evidence and notes in full (and the action plan), in rows rows from
 * y: with room to spare, the room follows them as they are discussed;
 * when longer, from the line J/K scrolled to (when the cells all fit). */
static void draw_texts(struct wizard *w, struct category_state *c, int y, int rows)
{
	char *all = texts_of(w);
	if (!all) {
		ui_put_utf8(&w->ui, w->body, y, measure_x(w), "Evidence and notes: none yet (e to add)",
			    w->cols - measure_x(w), UI_DIM);
		return;
	}
	if (c->text_row != w->criterion) {
		c->text_row = w->criterion;
		c->text_top = 0;
	}
	int need = ui_wrapped_rows(&w->ui, all, measure_width(w));
	if (c->text_top > need - rows)
		c->text_top = need - rows > 0 ? need - rows : 0;
	ui_put_hanging_part(&w->ui, w->body, y, measure_x(w), all, measure_width(w), 0,
			    c->text_top, rows, UI_NORMAL);
	free(all);
}

static void view_draw(struct wizard *w, void *state)
{
	const struct framework *fw = w->s.fw;
	const struct framework_category *cat = &fw->categories[tui_category(w)];
	struct score_result r;
	score_category(fw, w->s.a->levels, tui_category(w), &r);
	draw_header(w, &r);
	/* the last search's matches stand out in the cells and the texts */
	w->ui.highlight = w->s.search[0] ? w->s.search : NULL;

	struct page p = current_page(w);
	struct layout l = plan_layout(w, state, &p);
	draw_guide(w, &p, &l);
	/* the ranges, without their label where that is what does not fit
	 * (a framework of more levels, a narrow window) */
	char line[512], ranges[480];
	snprintf(line, sizeof line, "Ranges: %s", words_ranges(fw, cat, ranges, sizeof ranges));
	ui_put_utf8(&w->ui, w->body, l.guide_rows, 0, ui_wrapped_rows(&w->ui, line, w->cols) > 1
		    ? ranges : line, w->cols, UI_NORMAL);
	draw_map(w, &p, &l);

	/* The rule names the row (the current row's only mark on screen
	 * besides the cursor: one place to update), its section and the
	 * markers of their notes. */
	char *label = rule_label(w, &p);
	int rule_y = l.guide_rows + 1;
	draw_rule(w, rule_y, label);
	free(label);
	bool scrolls = l.cell_lines > l.detail_rows;
	if (scrolls) {
		/* the cells do not all fit: which lines show, at the rule's end */
		int last = l.cell_top + l.detail_rows;
		char more[96];
		snprintf(more, sizeof more, " lines %d-%d of %d, J/K more ", l.cell_top + 1,
			 last < l.cell_lines ? last : l.cell_lines, l.cell_lines);
		int width = (int)strlen(more);
		ui_put_utf8(&w->ui, w->body, rule_y, w->cols - width - 2, more, width, UI_NORMAL);
	}
	draw_detail(w, &l);

	if (w->s.other)
		draw_compared_evidence(w, l.evidence_y);
	else if (l.evidence_y >= 0)
		draw_texts(w, state, l.evidence_y, getmaxy(w->body) - l.evidence_y);
	w->ui.highlight = NULL;
	draw_hints(w, scrolls);
}

/* J and K on the texts: the next or previous part of the evidence and
 * notes, when they do not all fit below the table. */
static void scroll_texts(struct wizard *w, struct category_state *c, const struct layout *l,
			 int direction)
{
	const char *id = w->s.fw->criteria[w->criterion].id;
	char *all = texts_of(w);
	int rows = l->evidence_y < 0 ? 0 : getmaxy(w->body) - l->evidence_y;
	int need = all ? ui_wrapped_rows(&w->ui, all, measure_width(w)) : 0;
	free(all);
	if (need <= rows) {
		tui_message(w, UI_NORMAL, "All of %s's cells and texts are shown.", id);
		return;
	}
	if (c->text_row != w->criterion) {
		c->text_row = w->criterion;
		c->text_top = 0;
	}
	int step = rows > 1 ? rows - 1 : 1, last_top = need - rows;
	if ((direction > 0 && c->text_top >= last_top) || (direction < 0 && c->text_top <= 0)) {
		tui_message(w, UI_NORMAL, "%s of %s's texts: %s.", direction > 0 ? "The end" :
			    "The start", id, direction > 0 ? "K goes back" : "J shows more");
		return;
	}
	int top = c->text_top + direction * step;
	c->text_top = top < 0 ? 0 : top > last_top ? last_top : top;
}

/* J and K: the next or previous part of the current row's cells, when
 * they do not all fit (a line of the last part stays, for context); when
 * they do, of its evidence and notes. */
static void scroll_cells(struct wizard *w, struct category_state *c, int direction)
{
	struct page p = current_page(w);
	struct layout l = plan_layout(w, c, &p);
	const char *id = w->s.fw->criteria[w->criterion].id;
	if (l.cell_lines <= l.detail_rows) {
		scroll_texts(w, c, &l, direction);
		return;
	}
	int step = l.detail_rows > 1 ? l.detail_rows - 1 : 1;
	int last_top = l.cell_lines - l.detail_rows;
	int top = c->cell_top + direction * step;
	if ((direction > 0 && c->cell_top >= last_top) || (direction < 0 && c->cell_top <= 0)) {
		tui_message(w, UI_NORMAL, "%s of %s's cells: %s.", direction > 0 ? "The end" :
			    "The start", id, direction > 0 ? "K goes back" : "J shows more");
		return;
	}
	c->cell_top = top < 0 ? 0 : top > last_top ? last_top : top;
}

/* The remark prompt edits the record the adoption made: Enter or Esc
 * keeps the remark, Ctrl-G takes the adoption back as u would. */
static void remark_done(struct wizard *w, const char *remark)
{
	struct session_reply reply;
	if (remark)
		session_adopt_remark(&w->s, remark, &reply);
	else
		session_take_back_adoption(&w->s, &reply);
	tui_reply(w, &reply);
}

/* On a signal, the remark typed so far is kept. */
static void remark_commit(struct wizard *w, const char *remark)
{
	session_adopt_remark(&w->s, remark, NULL);
}

/* a: the other's level is adopted and recorded at once; then a remark. */
static void adopt(struct wizard *w)
{
	struct session_reply reply;
	if (session_adopt(&w->s, w->criterion, "", &reply) != 0 || !w->s.adoption_open) {
		tui_reply(w, &reply);
		return;
	}
	tui_prompt(w, "Adopted. Remark (Ctrl-G: take back): ", "", remark_done);
	w->prompt.escape_keeps = true;
	w->prompt.commit = remark_commit;
}

/* After m: the decision the key chose, recorded at once (rule 22); then
 * the remark prompt edits its record, as after a. */
static void moderate_done(struct wizard *w, const char *key)
{
	if (!key)
		return; /* (Esc: nothing decided) */
	enum assessment_resolution kind = key[0] == 'k' ? ASSESSMENT_KEPT
					  : key[0] == 'd' ? ASSESSMENT_DIFFER : ASSESSMENT_MODERATED;
	enum level level = kind == ASSESSMENT_MODERATED ? (enum level)(key[0] - '0') : LEVEL_UNANSWERED;
	struct session_reply reply;
	if (session_decide(&w->s, w->criterion, kind, level, &reply) != 0 ||
	    reply.tone != SESSION_DONE) {
		tui_reply(w, &reply);
		return;
	}
	char label[300];
	snprintf(label, sizeof label, "%s. Remark (Ctrl-G: take back): ", w->s.adoption_said);
	tui_prompt(w, label, "", remark_done);
	w->prompt.escape_keeps = true;
	w->prompt.commit = remark_commit;
}

/* m: the moderation prompt, one key: k keep, a digit a moderated level,
 * d agree to differ. */
static void moderate(struct wizard *w)
{
	if (!w->s.moderation) {
		tui_refuse(w, "m works in a moderation: a self-assessment opened with --compare "
			   "its peer review (or --moderate).");
		return;
	}
	const struct framework *fw = w->s.fw;
	char question[200], choices[16] = "kd";
	for (size_t l = 0; l < fw->level_count && l < 10; l++)
		choices[2 + l] = (char)('0' + l);
	choices[2 + (fw->level_count < 10 ? fw->level_count : 10)] = '\0';
	snprintf(question, sizeof question, "Moderate %s: k keep yours, 0-%zu agreed level, "
		 "d differ, Esc cancel: ", fw->criteria[w->criterion].id, fw->level_count - 1);
	tui_choose(w, question, choices, moderate_done);
}

static void move_category(struct wizard *w, int delta)
{
	const struct framework *fw = w->s.fw;
	long next = (long)tui_category(w) + delta;
	if (next >= (long)fw->category_count)
		tui_open(w, &view_summary);
	else if (next < 0)
		tui_open(w, tui_overview(w));
	else
		tui_goto_criterion(w, fw->categories[next].first_criterion);
}

/* A level key: set the level and move to the next row (on the last row,
 * stay).  A level key typed ahead after the last row was set is meant for
 * a row that is not there: refused, so it cannot replace that answer. */
static void set_level(struct wizard *w, enum level level, size_t last)
{
	const struct framework *fw = w->s.fw;
	if (w->criterion == last && w->after_last_row && w->typed_ahead) {
		tui_refuse(w, "Category %s complete: Tab for the next.", fw->categories[tui_category(w)].id);
		return;
	}
	struct session_reply reply;
	if (session_set_level(&w->s, w->criterion, level, &reply) != 0) {
		tui_reply(w, &reply);
		return;
	}
	/* No message when it worked: the row's mark, its level in the map
	 * and the score say it (a screen reader hears them), and on a slow
	 * link every byte counts.  A failure is always said. */
	if (reply.tone != SESSION_DONE)
		tui_reply(w, &reply);
	if (w->criterion < last)
		w->criterion++;
	else
		w->last_row_set = true;
}

static enum tui_binding view_binds(const struct wizard *w, const void *state, wint_t ch,
				   bool is_code)
{
	(void)state;
	const struct action *a = action_for_key(ch, is_code);
	if (!a || a->scope != ACTION_ROW)
		return TUI_UNBOUND;
	if (a->id == ACTION_LEVEL && (size_t)(ch - L'0') >= w->s.fw->level_count)
		return TUI_UNBOUND; /* (a digit beyond the framework's levels) */
	if ((a->id == ACTION_ADOPT && !w->s.other) || (a->id == ACTION_MODERATE && !w->s.moderation))
		return TUI_BOUND; /* refused, saying why */
	return a->opens_text ? TUI_BOUND_TEXT : TUI_BOUND;
}

/* A key of the current row's actions (actions.h); the global keys never
 * come here. */
static void view_key(struct wizard *w, void *state, wint_t ch, bool is_code)
{
	const struct framework *fw = w->s.fw;
	const struct framework_category *cat = &fw->categories[tui_category(w)];
	size_t first = cat->first_criterion, last = first + cat->criterion_count - 1;
	bool forward = is_code ? ch == KEY_DOWN || ch == KEY_END : ch == L'j' || ch == L'J';
	switch (action_for_key(ch, is_code)->id) {
	case ACTION_LEVEL: set_level(w, (enum level)(ch - L'0'), last); return;
	case ACTION_MOVE:
		if (forward && w->criterion < last)
			w->criterion++;
		else if (!forward && w->criterion > first)
			w->criterion--;
		return;
	case ACTION_ROW_ENDS: w->criterion = forward ? last : first; return;
	case ACTION_SCROLL_CELLS: scroll_cells(w, state, forward ? 1 : -1); return;
	case ACTION_NEXT_CATEGORY: move_category(w, 1); return;
	case ACTION_PREVIOUS_CATEGORY: move_category(w, -1); return;
	case ACTION_ADOPT: adopt(w); return;
	case ACTION_MODERATE: moderate(w); return;
	case ACTION_HISTORY: tui_open(w, &view_history); return;
	case ACTION_PLAN: tui_open(w, &view_plan); return;
	case ACTION_EDIT: tui_open(w, &view_edit); return;
	default: return; /* (view_binds takes no other) */
	}
}

const struct view view_category = {
	.name = "category", .browsing = true, .state_size = sizeof(struct category_state),
	.draw = view_draw, .key = view_key, .binds = view_binds,
};
