/* ui: drawing helpers shared by the wizard's screens — text in its shown
 * form (sanitised, transliterated where the terminal is not UTF-8),
 * measured and wrapped by core/text, ASCII fallbacks, and attributes that
 * degrade to monochrome.  No model logic lives here. */
#ifndef UI_H
#define UI_H

#define _XOPEN_SOURCE_EXTENDED 1
#include <curses.h>
#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

#include "text.h"

/* Glyphs, with ASCII stand-ins where the locale is not UTF-8. */
struct ui_glyphs {
	const wchar_t *bar_full, *bar_empty, *bar_boundary, *ellipsis, *chosen,
		*not_chosen, *absent, *rule, *pointer;
};

enum ui_style {
	UI_NORMAL, UI_TITLE, UI_DIM, UI_SELECTED, UI_CHOSEN, UI_ERROR, UI_OK,
	UI_KEY, UI_DEVELOPING, UI_ESTABLISHED, UI_LEADING,
	UI_MATCH,     /* a search match (added to the text's own style) */
	UI_CURRENT,   /* the current row in a table */
	UI_STYLE_COUNT
};

struct ui {
	bool utf8;          /* nl_langinfo(CODESET) says UTF-8 */
	char codeset[32];   /* nl_langinfo(CODESET), for transliteration */
	/* a search to highlight in what ui_put_hanging_part draws, or NULL */
	const char *highlight;
	bool colour;        /* has_colors() and NO_COLOR unset */
	struct ui_glyphs glyph;
	attr_t style[UI_STYLE_COUNT];
};

/* Decide glyphs and attributes; call after initscr/newterm. */
void ui_init(struct ui *ui);

/* Text as this terminal shows it: its visible form (sanitize.h: controls,
 * C1 and bidi controls shown as \e, \u009b, \u202e; CRLF one line
 * break), Tab as a space, and in a locale that is not UTF-8 transliterated
 * (text.h: "Zoë" as "Zoe"; clarifications rule 17), as a new UTF-8 string
 * the caller frees, its length in *size (may be NULL).  Everything the
 * wizard draws from a string goes through here; widths and wrapping are
 * core/text's, on this form.  Never NULL. */
char *ui_shown(const struct ui *ui, const char *utf8, size_t *size);

/* Columns text[0..size) (stored text, not yet shown) takes when shown. */
int ui_shown_width(const struct ui *ui, const char *utf8, size_t size);

/* Draw shown[0..size) (from ui_shown) at (y, x), cut at a grapheme
 * cluster to width columns with an ellipsis if longer, or at a line
 * break. */
void ui_put_shown(const struct ui *ui, WINDOW *win, int y, int x, const char *shown,
		  size_t size, int width, enum ui_style style);

/* As ui_put_shown, for any UTF-8 string. */
void ui_put_utf8(const struct ui *ui, WINDOW *win, int y, int x, const char *text,
		 int width, enum ui_style style);

/* text shown (*shown, caller frees) and wrapped by text_wrap into lines
 * (caller finishes): the first line width columns, the others width -
 * indent.  Returns the number of lines. */
int ui_wrap(const struct ui *ui, struct text_lines *lines, const char *text, int width,
	    int indent, char **shown);

/* Draw wrapped text from row y, at most rows rows; returns rows used. */
int ui_put_wrapped(const struct ui *ui, WINDOW *win, int y, int x, const char *text,
		   int width, int rows, enum ui_style style);

/* As ui_put_wrapped, the lines after the first indented by indent
 * columns (and so width - indent wide). */
int ui_put_hanging(const struct ui *ui, WINDOW *win, int y, int x, const char *text,
		   int width, int indent, int rows, enum ui_style style);

/* As ui_put_hanging, from wrapped line skip on (the first skip lines not
 * drawn): a part of a text in a scrolled area.  The last line drawn while
 * more follow ends in an ellipsis.  Where ui->highlight is set, every
 * match of it (text_search: case and accents ignored) is drawn with
 * UI_MATCH added. */
int ui_put_hanging_part(const struct ui *ui, WINDOW *win, int y, int x, const char *text,
			int width, int indent, int skip, int rows, enum ui_style style);

/* Rows the wrapped text needs at width. */
int ui_wrapped_rows(const struct ui *ui, const char *text, int width);

/* Rows the text needs drawn by ui_put_hanging. */
int ui_hanging_rows(const struct ui *ui, const char *text, int width, int indent);

#endif
