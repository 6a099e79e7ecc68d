#include "ui.h"

#include <langinfo.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "level.h"
#include "sanitize.h"

static const struct ui_glyphs utf8_glyphs = {
	L"\u2588", L"\u2591", L"\u2502", L"\u2026", L"(*)", L"( )", L"\u2014", L"\u2500", L"\u25b6",
};
static const struct ui_glyphs ascii_glyphs = {
	L"#", L"-", L"|", L"~", L"(*)", L"( )", L"-", L"-", L">",
};

void ui_init(struct ui *ui)
{
	const char *codeset = nl_langinfo(CODESET);
	ui->utf8 = codeset && strcmp(codeset, "UTF-8") == 0;
	ui->glyph = ui->utf8 ? utf8_glyphs : ascii_glyphs;
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
	if (!ui->colour)
		return;
	start_color();
	use_default_colors();
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

static wchar_t ascii_fold(wchar_t c)
{
	switch (c) {
	case 0x2013: case 0x2014: case 0x2212: return L'-';
	case 0x2018: case 0x2019: case 0x2032: return L'\'';
	case 0x201C: case 0x201D: return L'"';
	case 0x00A0: return L' ';
	case 0x2026: return L'.';
	default: return c < 0x80 ? c : L'?';
	}
}

wchar_t *ui_decode_exact(const char *utf8)
{
	size_t len = strlen(utf8);
	wchar_t *out = calloc(len + 1, sizeof *out);
	if (!out)
		abort(); /* a few KiB at most; nothing sensible to show instead */
	size_t n = 0;
	const uint8_t *s = (const uint8_t *)utf8;
	for (size_t i = 0; i < len;) {
		ucs4_t cp;
		i += (size_t)u8_mbtouc(&cp, s + i, len - i); /* U+FFFD where invalid */
		out[n++] = (wchar_t)cp;
	}
	out[n] = L'\0';
	return out;
}

/* A character of text already in its visible form, for this terminal. */
static wchar_t fold(const struct ui *ui, wchar_t c)
{
	if (c == L'\t')
		return L' ';
	if ((c < 0x20 && c != L'\n') || (c >= 0x7F && c < 0xA0))
		return L'?'; /* never reached after sanitize_text; kept as a guard */
	return ui->utf8 ? c : ascii_fold(c);
}

_Static_assert(UI_FORM_MAX >= SANITIZE_FORM_MAX, "a visible form fits in UI_FORM_MAX");

int ui_display_form(const struct ui *ui, wchar_t c, wchar_t *form)
{
	char visible[SANITIZE_FORM_MAX];
	if (c == L'\n')
		return 0;
	if (c >= 0 && sanitize_code_point((uint32_t)c, visible)) {
		int n = 0;
		for (; visible[n]; n++)
			form[n] = (wchar_t)visible[n];
		return n;
	}
	form[0] = fold(ui, c);
	return 1;
}

wchar_t *ui_decode(const struct ui *ui, const char *utf8)
{
	/* The one sanitising function: controls, C1 and bidi controls shown
	 * as \e, \u009b, \u202e; CRLF from spreadsheets one line break. */
	char *shown = sanitize_text(utf8, SANITIZE_TEXT);
	if (!shown)
		abort();
	wchar_t *out = ui_decode_exact(shown);
	free(shown);
	for (size_t i = 0; out[i]; i++)
		out[i] = fold(ui, out[i]);
	return out;
}

int ui_char_width(wchar_t c)
{
	char visible[SANITIZE_FORM_MAX];
	if (c == L'\t')
		return 1;
	if (c >= 0 && sanitize_code_point((uint32_t)c, visible))
		return (int)strlen(visible);
	int w = wcwidth(c);
	return w < 0 ? 1 : w;
}

int ui_width(const wchar_t *text)
{
	int w = 0;
	for (; *text; text++)
		w += ui_char_width(*text);
	return w;
}

int ui_wrap(const wchar_t *text, int width, size_t *starts, size_t *lengths, int max)
{
	return ui_wrap_hanging(text, width, width, starts, lengths, max);
}

int ui_wrap_hanging(const wchar_t *text, int first_width, int width, size_t *starts,
		    size_t *lengths, int max)
{
	int lines = 0;
	size_t pos = 0, len = wcslen(text);
	if (width < 1)
		width = 1;
	if (first_width < 1)
		first_width = 1;
	while (pos < len || lines == 0) {
		size_t end = pos, last_space = (size_t)-1;
		int used = 0, room = lines == 0 ? first_width : width;
		while (end < len && text[end] != L'\n') {
			int w = ui_char_width(text[end]);
			if (used + w > room)
				break;
			if (text[end] == L' ')
				last_space = end;
			used += w;
			end++;
		}
		size_t next;
		if (end < len && (text[end] == L' ' || text[end] == L'\n')) {
			next = end + 1; /* full up to a space, or a line break: end here */
		} else if (end < len && last_space != (size_t)-1 && last_space > pos) {
			end = last_space;
			next = last_space + 1;
		} else {
			next = end;
		}
		if (lines < max) {
			starts[lines] = pos;
			lengths[lines] = end - pos;
		}
		lines++;
		if (next == pos)
			next++; /* a character wider than the line: skip it */
		pos = next;
		if (pos >= len && (len == 0 || text[len - 1] != L'\n'))
			break;
	}
	return lines;
}

void ui_put(const struct ui *ui, WINDOW *win, int y, int x, const wchar_t *text,
	    int width, enum ui_style style)
{
	if (width <= 0)
		return;
	wattrset(win, ui->style[style]);
	int used = 0;
	size_t n = 0, len = wcslen(text);
	bool cut = ui_width(text) > width;
	int room = cut ? width - ui_char_width(ui->glyph.ellipsis[0]) : width;
	while (n < len && text[n] != L'\n' && used + ui_char_width(text[n]) <= room)
		used += ui_char_width(text[n++]);
	mvwaddnwstr(win, y, x, text, (int)n);
	if (cut || (n < len && text[n] == L'\n'))
		waddwstr(win, ui->glyph.ellipsis);
	wattrset(win, A_NORMAL);
}

void ui_put_utf8(const struct ui *ui, WINDOW *win, int y, int x, const char *text,
		 int width, enum ui_style style)
{
	wchar_t *w = ui_decode(ui, text);
	ui_put(ui, win, y, x, w, width, style);
	free(w);
}

int ui_wrapped_rows(const struct ui *ui, const char *text, int width)
{
	return ui_hanging_rows(ui, text, width, 0);
}

int ui_hanging_rows(const struct ui *ui, const char *text, int width, int indent)
{
	wchar_t *w = ui_decode(ui, text);
	int rows = ui_wrap_hanging(w, width, width - indent, NULL, NULL, 0);
	free(w);
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

int ui_put_hanging_part(const struct ui *ui, WINDOW *win, int y, int x, const char *text,
			int width, int indent, int skip, int rows, enum ui_style style)
{
	if (rows <= 0 || skip < 0)
		return 0;
	wchar_t *w = ui_decode(ui, text);
	enum { MAX_LINES = 64 };
	size_t starts[MAX_LINES], lengths[MAX_LINES];
	int need = ui_wrap_hanging(w, width, width - indent, starts, lengths, MAX_LINES);
	int last = need < skip + rows ? need : skip + rows;
	if (last > MAX_LINES)
		last = MAX_LINES;
	wattrset(win, ui->style[style]);
	for (int i = skip; i < last; i++) {
		mvwaddnwstr(win, y + i - skip, i ? x + indent : x, w + starts[i], (int)lengths[i]);
		if (i == last - 1 && need > last)
			waddwstr(win, ui->glyph.ellipsis);
	}
	wattrset(win, A_NORMAL);
	free(w);
	return last > skip ? last - skip : 0;
}
