/* ui: drawing helpers shared by the wizard's screens — text decoding and
 * wrapping, ASCII fallbacks, and attributes that degrade to monochrome.
 * No model logic lives here. */
#ifndef UI_H
#define UI_H

#define _XOPEN_SOURCE_EXTENDED 1
#include <curses.h>
#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

/* Glyphs, with ASCII stand-ins where the locale is not UTF-8. */
struct ui_glyphs {
	const wchar_t *bar_full, *bar_empty, *bar_boundary, *ellipsis, *chosen,
		*not_chosen, *absent, *rule, *pointer;
};

enum ui_style {
	UI_NORMAL, UI_TITLE, UI_DIM, UI_SELECTED, UI_CHOSEN, UI_ERROR, UI_OK,
	UI_KEY, UI_DEVELOPING, UI_ESTABLISHED, UI_LEADING, UI_STYLE_COUNT
};

struct ui {
	bool utf8;          /* nl_langinfo(CODESET) says UTF-8 */
	bool colour;        /* has_colors() and NO_COLOR unset */
	struct ui_glyphs glyph;
	attr_t style[UI_STYLE_COUNT];
};

/* Decide glyphs and attributes; call after initscr/newterm. */
void ui_init(struct ui *ui);

/* A UTF-8 string in its visible form (sanitize.h: controls, C1 and bidi
 * controls shown as \e, \u009b, \u202e; CRLF one line break) decoded to
 * a new wide string (caller frees), Tab shown as a space, with typographic
 * punctuation folded to ASCII when the terminal is not UTF-8 and anything
 * else non-ASCII shown as '?'.  Everything the wizard draws from a string
 * goes through here.  Never NULL. */
wchar_t *ui_decode(const struct ui *ui, const char *utf8);

/* A UTF-8 string decoded exactly (data, for editing): a new wide string
 * the caller frees; an invalid byte becomes U+FFFD. */
wchar_t *ui_decode_exact(const char *utf8);

/* How one character of text being edited (kept exactly, see
 * ui_decode_exact) is drawn: its visible form in form[] (at most
 * UI_FORM_MAX wide characters: "\e", "\u202e" for what sanitize.h shows,
 * a space for Tab, a folded character in a non-UTF-8 terminal), and how
 * many characters that is; 0 for a newline (the caller lays it out). */
#define UI_FORM_MAX 8
int ui_display_form(const struct ui *ui, wchar_t c, wchar_t *form);

/* Display width of one character as drawn (at least 0; unknown counts as
 * 1; a control character the width of its visible form). */
int ui_char_width(wchar_t c);

/* Display width of a wide string. */
int ui_width(const wchar_t *text);

/* Split text into lines of at most width columns, breaking at spaces
 * (and at newlines); a word longer than width is cut.  Fills starts[] and
 * lengths[] for up to max lines; returns the number of lines needed. */
int ui_wrap(const wchar_t *text, int width, size_t *starts, size_t *lengths, int max);

/* As ui_wrap, the first line first_width wide and the others width (a
 * hanging indent). */
int ui_wrap_hanging(const wchar_t *text, int first_width, int width, size_t *starts,
		    size_t *lengths, int max);

/* Draw text at (y, x), cut to width columns with an ellipsis if longer. */
void ui_put(const struct ui *ui, WINDOW *win, int y, int x, const wchar_t *text,
	    int width, enum ui_style style);

/* As ui_put, for a UTF-8 string. */
void ui_put_utf8(const struct ui *ui, WINDOW *win, int y, int x, const char *text,
		 int width, enum ui_style style);

/* Draw wrapped text from row y, at most rows rows; returns rows used. */
int ui_put_wrapped(const struct ui *ui, WINDOW *win, int y, int x, const char *text,
		   int width, int rows, enum ui_style style);

/* As ui_put_wrapped, the lines after the first indented by indent
 * columns (and so width - indent wide). */
int ui_put_hanging(const struct ui *ui, WINDOW *win, int y, int x, const char *text,
		   int width, int indent, int rows, enum ui_style style);

/* As ui_put_hanging, from wrapped line skip on (the first skip lines not
 * drawn): a part of a text in a scrolled area.  A line cut short, or the
 * last one drawn while more follow, ends in an ellipsis. */
int ui_put_hanging_part(const struct ui *ui, WINDOW *win, int y, int x, const char *text,
			int width, int indent, int skip, int rows, enum ui_style style);

/* Rows the wrapped text needs at width. */
int ui_wrapped_rows(const struct ui *ui, const char *text, int width);

/* Rows the text needs drawn by ui_put_hanging. */
int ui_hanging_rows(const struct ui *ui, const char *text, int width, int indent);

#endif
