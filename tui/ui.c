#include "ui.h"

#include <langinfo.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sanitize.h"
#include "text.h"

static const struct ui_glyphs utf8_glyphs = {
	L"\u2588", L"\u2591", L"\u2502", L"\u2026", L"(*)", L"( )", L"\u2014", L"\u2500", L"\u25b6",
};
static const struct ui_glyphs ascii_glyphs = {
	L"#", L"-", L"|", L"~", L"(*)", L"( )", L"-", L"-", L">",
};

void ui_init(struct ui *ui)
{
	const char *codeset = nl_langinfo(CODESET);
	snprintf(ui->codeset, sizeof ui->codeset, "%s", codeset ? codeset : "ANSI_X3.4-1968");
	ui->utf8 = strcmp(ui->codeset, "UTF-8") == 0;
	ui->glyph = ui->utf8 ? utf8_glyphs : ascii_glyphs;
	ui->highlight = NULL;
	const char *no_colour = getenv("NO_COLOR");
	ui->colour = has_colors() && !(no_colour && *no_colour);
	for (int i = 0; i < UI_STYLE_COUNT; i++)
		ui->style[i] = A_NORMAL;
	/* Monochrome: bold, reverse and underline carry every distinction
	 * that matters, and text markers carry them all again. */
	ui->style[UI_TITLE] = A_BOLD;
	ui->style[UI_SELECTED] = A_REVERSE;
	ui->style[UI_CHOSEN] = A_BOLD;
	ui->style[UI_ERROR] = A_BOLD;
	ui->style[UI_KEY] = A_BOLD;
	ui->style[UI_DIM] = A_DIM;
	ui->style[UI_MATCH] = A_REVERSE;
	ui->style[UI_CURRENT] = A_REVERSE;
	if (!ui->colour)
		return;
	start_color();
	use_default_colors();
	/* Colour adds to the monochrome attributes, never replaces them. */
	static const struct { enum ui_style style; short fg; attr_t extra; } pairs[] = {
		{ UI_TITLE, COLOR_CYAN, A_BOLD }, { UI_CHOSEN, COLOR_GREEN, A_BOLD },
		{ UI_ERROR, COLOR_RED, A_BOLD }, { UI_OK, COLOR_GREEN, 0 },
		{ UI_KEY, COLOR_YELLOW, A_BOLD }, { UI_DEVELOPING, COLOR_RED, 0 },
		{ UI_ESTABLISHED, COLOR_YELLOW, 0 }, { UI_LEADING, COLOR_GREEN, 0 },
	};
	for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
		init_pair((short)(i + 1), pairs[i].fg, -1);
		ui->style[pairs[i].style] = COLOR_PAIR((short)(i + 1)) | pairs[i].extra;
	}
}

char *ui_shown(const struct ui *ui, const char *utf8, size_t *size)
{
	/* The one sanitising function: controls, C1 and bidi controls shown
	 * as \e, \u009b, \u202e; CRLF from spreadsheets one line break. */
	char *shown = sanitize_text(utf8, SANITIZE_TEXT);
	if (!shown)
		abort(); /* a few KiB at most; nothing sensible to show instead */
	for (char *p = shown; *p; p++)
		if (*p == '\t')
			*p = ' '; /* one column, as text_width counts it */
	size_t n = strlen(shown);
	if (!ui->utf8) {
		/* the last display step (clarifications rule 17) */
		char *read = text_transliterate(shown, n, ui->codeset);
		if (read) {
			free(shown);
			shown = read;
			n = strlen(shown);
		}
	}
	if (size)
		*size = n;
	return shown;
}

int ui_shown_width(const struct ui *ui, const char *utf8, size_t size)
{
	char *copy = strndup(utf8, size);
	if (!copy)
		abort();
	size_t n;
	char *shown = ui_shown(ui, copy, &n);
	int width = text_width(shown, n);
	free(shown);
	free(copy);
	return width;
}

/* Draw text[0..size) (already shown) at the window's cursor. */
static void put_bytes(WINDOW *win, const char *text, size_t size)
{
	if (!size)
		return;
	size_t length;
	wchar_t *wide = text_to_wide(text, size, &length);
	if (!wide)
		abort();
	waddnwstr(win, wide, (int)length);
	free(wide);
}

void ui_put_shown(const struct ui *ui, WINDOW *win, int y, int x, const char *shown,
		  size_t size, int width, enum ui_style style)
{
	if (width <= 0)
		return;
	wattrset(win, ui->style[style]);
	size_t n = text_fit(shown, size, width, NULL);
	bool cut = n < size;
	if (cut)
		n = text_fit(shown, size, width - 1, NULL); /* room for the ellipsis */
	wmove(win, y, x);
	put_bytes(win, shown, n);
	if (cut)
		waddwstr(win, ui->glyph.ellipsis);
	wattrset(win, A_NORMAL);
}

void ui_put_utf8(const struct ui *ui, WINDOW *win, int y, int x, const char *text,
		 int width, enum ui_style style)
{
	size_t n;
	char *shown = ui_shown(ui, text, &n);
	ui_put_shown(ui, win, y, x, shown, n, width, style);
	free(shown);
}

int ui_wrap(const struct ui *ui, struct text_lines *lines, const char *text, int width,
	    int indent, char **shown)
{
	size_t n;
	*shown = ui_shown(ui, text, &n);
	if (text_wrap(lines, *shown, n, width, width - indent) != 0)
		abort(); /* a screen's text: nothing sensible to show instead */
	return (int)lines->count;
}

int ui_wrapped_rows(const struct ui *ui, const char *text, int width)
{
	return ui_hanging_rows(ui, text, width, 0);
}

int ui_hanging_rows(const struct ui *ui, const char *text, int width, int indent)
{
	struct text_lines lines;
	char *shown;
	int rows = ui_wrap(ui, &lines, text, width, indent, &shown);
	text_lines_finish(&lines);
	free(shown);
	return rows;
}

int ui_put_wrapped(const struct ui *ui, WINDOW *win, int y, int x, const char *text,
		   int width, int rows, enum ui_style style)
{
	return ui_put_hanging(ui, win, y, x, text, width, 0, rows, style);
}

int ui_put_hanging(const struct ui *ui, WINDOW *win, int y, int x, const char *text,
		   int width, int indent, int rows, enum ui_style style)
{
	return ui_put_hanging_part(ui, win, y, x, text, width, indent, 0, rows, style);
}

/* Draw shown[start, end) at the window's cursor, the parts inside a match
 * in UI_MATCH added to style. */
static void put_marked(const struct ui *ui, WINDOW *win, const char *shown, size_t start,
		       size_t end, const struct text_matches *m, enum ui_style style)
{
	size_t at = start;
	for (size_t k = 0; k < m->count && at < end; k++) {
		const struct text_range *r = &m->range[k];
		if (r->end <= at || r->start >= end)
			continue;
		size_t from = r->start > at ? r->start : at, to = r->end < end ? r->end : end;
		put_bytes(win, shown + at, from - at);
		wattrset(win, ui->style[style] | ui->style[UI_MATCH]);
		put_bytes(win, shown + from, to - from);
		wattrset(win, ui->style[style]);
		at = to;
	}
	put_bytes(win, shown + at, end - at);
}

int ui_put_hanging_part(const struct ui *ui, WINDOW *win, int y, int x, const char *text,
			int width, int indent, int skip, int rows, enum ui_style style)
{
	if (rows <= 0 || skip < 0)
		return 0;
	struct text_lines lines;
	char *shown;
	int need = ui_wrap(ui, &lines, text, width, indent, &shown);
	struct text_matches matches = { 0 };
	if (ui->highlight && ui->highlight[0])
		text_search(&matches, shown, strlen(shown), ui->highlight);
	bool more = need > skip + rows; /* lines after the last drawn */
	int last = more ? skip + rows : need;
	wattrset(win, ui->style[style]);
	for (int i = skip; i < last; i++) {
		const struct text_line *line = &lines.line[i];
		wmove(win, y + i - skip, i ? x + indent : x);
		put_marked(ui, win, shown, line->start, line->end, &matches, style);
		if (i == last - 1 && more)
			waddwstr(win, ui->glyph.ellipsis);
	}
	wattrset(win, A_NORMAL);
	text_matches_finish(&matches);
	text_lines_finish(&lines);
	free(shown);
	return last > skip ? last - skip : 0;
}
