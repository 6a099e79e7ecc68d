#include "field.h"

#include <stdlib.h>
#include <string.h>
#include <unistr.h>

static void reserve(struct editor_field *f, size_t need)
{
	if (need + 1 <= f->capacity)
		return;
	size_t cap = f->capacity ? f->capacity : 64;
	while (cap < need + 1)
		cap *= 2;
	char *grown = realloc(f->text, cap);
	if (!grown)
		abort(); /* interactive text: cannot be large */
	f->text = grown;
	f->capacity = cap;
}

void field_set(struct editor_field *f, const char *utf8)
{
	size_t n = strlen(utf8);
	reserve(f, n);
	memcpy(f->text, utf8, n + 1);
	f->length = f->cursor = n;
	f->top = 0;
}

void field_finish(struct editor_field *f)
{
	free(f->text);
	*f = (struct editor_field){ 0 };
}

void field_insert(struct editor_field *f, const char *text, size_t size)
{
	reserve(f, f->length + size);
	memmove(f->text + f->cursor + size, f->text + f->cursor, f->length - f->cursor + 1);
	memcpy(f->text + f->cursor, text, size);
	f->cursor += size;
	f->length += size;
}

size_t field_characters(const struct editor_field *f)
{
	return f->length ? u8_mbsnlen((const uint8_t *)f->text, f->length) : 0;
}

/* Remove [from, to) and leave the cursor at from. */
static bool cut(struct editor_field *f, size_t from, size_t to)
{
	if (from >= to)
		return false;
	memmove(f->text + from, f->text + to, f->length - to + 1);
	f->length -= to - from;
	f->cursor = from;
	return true;
}

static size_t line_start(const struct editor_field *f)
{
	size_t i = f->cursor;
	while (i && f->text[i - 1] != '\n')
		i--;
	return i;
}

static size_t line_end(const struct editor_field *f)
{
	size_t i = f->cursor;
	while (i < f->length && f->text[i] != '\n')
		i++;
	return i;
}

/* Up or Down: the cluster boundary of the row above or below nearest
 * to the cursor's column, never past the row's last character. */
static bool vertical(struct editor_field *f, bool up, int width)
{
	struct text_lines lines;
	if (field_layout(f, width, &lines) != 0)
		return false;
	size_t row = field_cursor_row(f, &lines);
	bool moved = false;
	if (up ? row > 0 : row + 1 < lines.count) {
		const struct text_line *from = &lines.line[row];
		const struct text_line *to = &lines.line[up ? row - 1 : row + 1];
		int column = text_width(f->text + from->start, f->cursor - from->start), used = 0;
		size_t i = to->start;
		while (i < to->end) {
			size_t next = text_cluster_next(f->text, f->length, i);
			int w = text_width(f->text + i, next - i);
			if (used + w > column)
				break;
			used += w;
			i = next;
		}
		f->cursor = i;
		moved = true;
	}
	text_lines_finish(&lines);
	return moved;
}

bool field_edit(struct editor_field *f, enum field_edit edit, int width)
{
	size_t was = f->cursor;
	switch (edit) {
	case FIELD_LEFT: f->cursor = text_cluster_prev(f->text, f->length, f->cursor); break;
	case FIELD_RIGHT: f->cursor = text_cluster_next(f->text, f->length, f->cursor); break;
	case FIELD_UP: case FIELD_DOWN: return vertical(f, edit == FIELD_UP, width);
	case FIELD_LINE_START: f->cursor = line_start(f); break;
	case FIELD_LINE_END: f->cursor = line_end(f); break;
	case FIELD_DELETE:
		return cut(f, f->cursor, text_cluster_next(f->text, f->length, f->cursor));
	case FIELD_BACKSPACE:
		return cut(f, text_cluster_prev(f->text, f->length, f->cursor), f->cursor);
	case FIELD_KILL_END: {
		size_t end = line_end(f);
		if (end == f->cursor && end < f->length)
			end = text_cluster_next(f->text, f->length, end); /* the line break */
		return cut(f, f->cursor, end);
	}
	case FIELD_KILL_START: return cut(f, line_start(f), f->cursor);
	}
	return f->cursor != was;
}

int field_layout(const struct editor_field *f, int width, struct text_lines *lines)
{
	return text_wrap(lines, f->text ? f->text : "", f->length, width, width);
}

size_t field_cursor_row(const struct editor_field *f, const struct text_lines *lines)
{
	return text_line_of(lines, f->cursor);
}
