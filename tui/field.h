/* field: the text of an editor field (the evidence editor, the action
 * plan, the form, the footer prompt) and the edits made to it, by grapheme
 * cluster and laid out by core/text's one wrapping function.  The text is
 * kept exactly as stored (UTF-8): what the screen shows of it is the
 * drawing's business (tui.c), so an edit never alters the rest.  No
 * curses here. */
#ifndef FIELD_H
#define FIELD_H

#include <stdbool.h>
#include <stddef.h>

#include "text.h"

struct editor_field {
	char *text;               /* UTF-8, NUL-terminated, never NULL once set */
	size_t length, capacity;  /* bytes */
	size_t cursor;            /* a byte offset at a cluster boundary */
	int top;                  /* first display row shown */
};

/* What an edit does. */
enum field_edit {
	FIELD_LEFT, FIELD_RIGHT,            /* a grapheme cluster */
	FIELD_UP, FIELD_DOWN,               /* a display row, keeping the column */
	FIELD_LINE_START, FIELD_LINE_END,   /* of the line (between line breaks) */
	FIELD_DELETE, FIELD_BACKSPACE,      /* the cluster after, before the cursor */
	FIELD_KILL_END, FIELD_KILL_START,   /* to the end, the start of the line */
};

/* Set f's text to a copy of utf8, the cursor at its end.  f is zeroed or
 * set before; field_finish frees. */
void field_set(struct editor_field *f, const char *utf8);

/* Free f's text and empty it (a zeroed f is fine). */
void field_finish(struct editor_field *f);

/* Insert text[0..size) (UTF-8) at the cursor, which moves past it. */
void field_insert(struct editor_field *f, const char *text, size_t size);

/* Code points in f (what the prompt's limit counts). */
size_t field_characters(const struct editor_field *f);

/* Do edit; width is the field's width in columns (for FIELD_UP and
 * FIELD_DOWN).  Returns false when it changes nothing (at an end). */
bool field_edit(struct editor_field *f, enum field_edit edit, int width);

/* f laid out at width columns (text_wrap: at word boundaries); the
 * caller finishes lines.  -1 when out of memory. */
int field_layout(const struct editor_field *f, int width, struct text_lines *lines);

/* The display row of lines (from field_layout) that holds the cursor. */
size_t field_cursor_row(const struct editor_field *f, const struct text_lines *lines);

#endif
