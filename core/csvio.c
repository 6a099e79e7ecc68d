#include "csvio.h"

#include "fileid.h"

#include <csv.h>
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sanitize.h"

#define CSVIO_MAX_FILE (64u << 20)
/* libcsv's state for "between records"; the struct is public in csv.h. */
#define LIBCSV_ROW_NOT_BEGUN 0

/* While parsing, fields are appended to one growing arena and rows keep
 * offsets; pointers are made once at the end, when the arena stops moving.
 * One allocation per table instead of one per field. */
struct pending_row {
	size_t line, first_field, field_count;
};

struct parse_state {
	struct csvio_table *table;
	size_t record_line;   /* line the record being read started on */
	char *arena;
	size_t arena_used, arena_capacity;
	size_t *field_offsets;
	size_t field_count, field_capacity;
	struct pending_row *rows;
	size_t row_count, row_capacity;
	size_t row_first_field;  /* first field of the record being read */
	size_t max_rows;         /* records after the header, at most */
	bool out_of_memory;
};

static bool grow(void **buffer, size_t *capacity, size_t need, size_t item)
{
	if (need <= *capacity)
		return true;
	size_t cap = *capacity ? *capacity : 64;
	while (cap < need)
		cap *= 2;
	void *grown = realloc(*buffer, cap * item);
	if (!grown)
		return false;
	*buffer = grown;
	*capacity = cap;
	return true;
}

static void on_field(void *data, size_t len, void *ctx)
{
	struct parse_state *st = ctx;
	if (st->out_of_memory)
		return;
	if (!data)
		len = 0;
	if (!grow((void **)&st->arena, &st->arena_capacity, st->arena_used + len + 1, 1) ||
	    !grow((void **)&st->field_offsets, &st->field_capacity, st->field_count + 1,
		  sizeof *st->field_offsets)) {
		st->out_of_memory = true;
		return;
	}
	if (len)
		memcpy(st->arena + st->arena_used, data, len);
	st->arena[st->arena_used + len] = '\0';
	st->field_offsets[st->field_count++] = st->arena_used;
	st->arena_used += len + 1;
}

static void on_record(int terminator, void *ctx)
{
	(void)terminator;
	struct parse_state *st = ctx;
	size_t first = st->row_first_field, count = st->field_count - first;
	bool empty = true;
	for (size_t i = first; i < st->field_count && empty; i++)
		empty = st->arena[st->field_offsets[i]] == '\0';
	if (st->out_of_memory || empty) {
		st->field_count = first; /* drop an all-empty spreadsheet row */
		return;
	}
	if (!grow((void **)&st->rows, &st->row_capacity, st->row_count + 1, sizeof *st->rows)) {
		st->out_of_memory = true;
		return;
	}
	st->rows[st->row_count++] = (struct pending_row){ st->record_line, first, count };
	st->row_first_field = st->field_count;
}

static void trim_in_place(char *text)
{
	size_t start = 0, len = strlen(text);
	while (start < len && (text[start] == ' ' || text[start] == '\t'))
		start++;
	while (len > start && (text[len - 1] == ' ' || text[len - 1] == '\t'))
		len--;
	memmove(text, text + start, len - start);
	text[len - start] = '\0';
}

/* Turn the pending rows into the table: the first is the header. */
static int build_table(struct csvio_table *t, struct parse_state *st)
{
	t->field_pointers = malloc((st->field_count ? st->field_count : 1) * sizeof(char *));
	t->rows = calloc(st->row_count ? st->row_count : 1, sizeof *t->rows);
	if (!t->field_pointers || !t->rows)
		return -1;
	t->arena = st->arena;
	st->arena = NULL;
	for (size_t i = 0; i < st->field_count; i++)
		t->field_pointers[i] = t->arena + st->field_offsets[i];
	const struct pending_row *head = &st->rows[0];
	t->header = t->field_pointers + head->first_field;
	t->column_count = head->field_count;
	t->header_line = head->line;
	for (size_t i = 0; i < t->column_count; i++)
		trim_in_place(t->header[i]);
	for (size_t r = 1; r < st->row_count; r++)
		t->rows[t->row_count++] = (struct csvio_row){
			.line = st->rows[r].line,
			.field_count = st->rows[r].field_count,
			.fields = t->field_pointers + st->rows[r].first_field,
		};
	return 0;
}

static int never_space(unsigned char c)
{
	(void)c; /* keep every blank: free text round-trips exactly */
	return 0;
}

static size_t utf8_sequence_length(const unsigned char *s, size_t left)
{
	unsigned char c = s[0];
	if (c < 0x80)
		return c ? 1 : 0;
	size_t n;
	uint32_t cp;
	if (c >= 0xC2 && c <= 0xDF) {
		n = 2;
		cp = c & 0x1F;
	} else if (c >= 0xE0 && c <= 0xEF) {
		n = 3;
		cp = c & 0x0F;
	} else if (c >= 0xF0 && c <= 0xF4) {
		n = 4;
		cp = c & 0x07;
	} else {
		return 0;
	}
	if (left < n)
		return 0;
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3F);
	}
	if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
	    (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	return n;
}

/* Offset of the first byte that is not UTF-8 (or a NUL), or size. ASCII
 * runs go eight bytes at a time: most of a CSV file is ASCII. */
static size_t first_invalid(const unsigned char *s, size_t size)
{
	size_t i = 0;
	while (i < size) {
		while (i + 8 <= size) {
			uint64_t word;
			memcpy(&word, s + i, 8);
			/* any high bit, or any zero byte, ends the fast path */
			if ((word & 0x8080808080808080ull) ||
			    ((word - 0x0101010101010101ull) & ~word & 0x8080808080808080ull))
				break;
			i += 8;
		}
		if (i >= size)
			break;
		size_t n = utf8_sequence_length(s + i, size - i);
		if (n == 0)
			return i;
		i += n;
	}
	return size;
}

bool csvio_utf8_valid(const char *text, size_t size)
{
	return first_invalid((const unsigned char *)text, size) == size;
}

/* Name the first byte that is not UTF-8 (or a NUL) by line and column;
 * lines and columns are counted only when there is such a byte. */
static int check_encoding(const char *name, const char *data, size_t size,
			  struct tri_error *err)
{
	const unsigned char *s = (const unsigned char *)data;
	if (first_invalid(s, size) == size)
		return 0;
	size_t line = 1, column = 1;
	for (size_t i = 0; i < size;) {
		size_t n = utf8_sequence_length(s + i, size - i);
		if (n == 0) {
			if (s[i] == 0)
				tri_error_set(err, "%s:%zu: column %zu: a NUL byte; expected "
					      "text (is this a spreadsheet's own format "
					      "rather than CSV?)", name, line, column);
			else
				tri_error_set(err, "%s:%zu: column %zu: byte 0x%02X is not "
					      "UTF-8; expected UTF-8 text (save as \"CSV "
					      "UTF-8\")", name, line, column, s[i]);
			return -1;
		}
		if (s[i] == '\n' || (s[i] == '\r' && (i + 1 >= size || s[i + 1] != '\n'))) {
			line++; /* LF, CRLF (at its LF) or a lone CR ends a line */
			column = 1;
		} else {
			column++;
		}
		i += n;
	}
	return 0;
}

/* Bytes of the physical line at data[0..size), its end included: LF,
 * CRLF, or a lone CR (old Mac spreadsheets write CR alone). */
static size_t line_length(const char *data, size_t size)
{
	const char *lf = memchr(data, '\n', size);
	size_t before_lf = lf ? (size_t)(lf - data) : size;
	const char *cr = memchr(data, '\r', before_lf);
	if (cr) {
		size_t at = (size_t)(cr - data);
		return at + 1 < size && data[at + 1] == '\n' ? at + 2 : at + 1;
	}
	return lf ? before_lf + 1 : size;
}

/* Feed data to libcsv one physical line at a time, so a record's first
 * line is the line being fed when the parser was between records; stop
 * as soon as there are more records than st->max_rows allows. */
static int feed(struct csv_parser *parser, struct parse_state *st, const char *name,
		const char *data, size_t size, struct tri_error *err)
{
	size_t line = 1;
	for (size_t pos = 0; pos < size; line++) {
		size_t len = line_length(data + pos, size - pos);
		if (parser->pstate == LIBCSV_ROW_NOT_BEGUN)
			st->record_line = line;
		if (csv_parse(parser, data + pos, len, on_field, on_record, st) != len) {
			tri_error_set(err, "%s:%zu: broken quoting; expected a quoted field "
				      "to be quoted from start to end, with any quote "
				      "inside it doubled (\"\")", name, line);
			return -1;
		}
		if (st->out_of_memory)
			break;
		if (st->row_count > st->max_rows + 1) { /* + 1: the header */
			tri_error_set(err, "%s:%zu: more than %zu rows after the header; "
				      "expected at most %zu", name, st->record_line,
				      st->max_rows, st->max_rows);
			return -1;
		}
		pos += len;
	}
	if (!st->out_of_memory && csv_fini(parser, on_field, on_record, st) != 0) {
		tri_error_set(err, "%s:%zu: a quoted field opened here is never closed; "
			      "expected a closing quote (\")", name, st->record_line);
		return -1;
	}
	if (st->out_of_memory) {
		tri_error_set(err, "%s: out of memory", name);
		return -1;
	}
	return 0;
}

/* A header names each column once; no record is wider than it. */
static int check_shape(const struct csvio_table *table, const char *name,
		       struct tri_error *err)
{
	for (size_t i = 0; i < table->column_count; i++) {
		if (table->header[i][0] == '\0') {
			tri_error_set(err, "%s:%zu: column %zu of the header is empty; "
				      "expected a column name", name, table->header_line, i + 1);
			return -1;
		}
		for (size_t j = 0; j < i; j++) {
			if (strcasecmp(table->header[i], table->header[j]) == 0) {
				tri_error_set(err, "%s:%zu: column \"%s\" appears twice in "
					      "the header; expected each column once", name,
					      table->header_line, table->header[i]);
				return -1;
			}
		}
	}
	for (size_t r = 0; r < table->row_count; r++) {
		if (table->rows[r].field_count > table->column_count) {
			tri_error_set(err, "%s:%zu: %zu fields but the header has %zu "
				      "columns; expected at most %zu (an unquoted comma?)",
				      name, table->rows[r].line, table->rows[r].field_count,
				      table->column_count, table->column_count);
			return -1;
		}
	}
	return 0;
}

int csvio_table_parse_limited(struct csvio_table *table, const char *name,
			      const char *data, size_t size, size_t max_rows,
			      struct tri_error *err)
{
	*table = (struct csvio_table){0};
	if (size >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
		data += 3;
		size -= 3;
	}
	if (check_encoding(name, data, size, err) != 0)
		return -1;

	struct csv_parser parser;
	if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) {
		tri_error_set(err, "%s: out of memory", name);
		return -1;
	}
	csv_set_space_func(&parser, never_space);
	struct parse_state st = { .table = table, .record_line = 1,
				  .max_rows = max_rows < SIZE_MAX - 1 ? max_rows : SIZE_MAX - 2 };
	int rc = -1;
	if (feed(&parser, &st, name, data, size, err) != 0)
		goto cleanup;
	if (st.row_count == 0) {
		tri_error_set(err, "%s: the file is empty; expected a header row", name);
		goto cleanup;
	}
	if (build_table(table, &st) != 0) {
		tri_error_set(err, "%s: out of memory", name);
		goto cleanup;
	}
	rc = check_shape(table, name, err);
cleanup:
	free(st.arena);
	free(st.field_offsets);
	free(st.rows);
	csv_free(&parser);
	if (rc != 0)
		csvio_table_finish(table);
	return rc;
}

int csvio_table_parse(struct csvio_table *table, const char *name,
		      const char *data, size_t size, struct tri_error *err)
{
	return csvio_table_parse_limited(table, name, data, size, SIZE_MAX, err);
}

void csvio_table_finish(struct csvio_table *table)
{
	if (!table)
		return;
	free(table->arena);
	free(table->field_pointers);
	free(table->rows);
	*table = (struct csvio_table){0};
}

long csvio_table_column(const struct csvio_table *table, const char *name)
{
	for (size_t i = 0; i < table->column_count; i++)
		if (strcasecmp(table->header[i], name) == 0)
			return (long)i;
	return -1;
}

const char *csvio_row_field(const struct csvio_row *row, long column)
{
	if (column < 0 || (size_t)column >= row->field_count)
		return "";
	return row->fields[column];
}

int csvio_read_file(const char *path, char **data, size_t *size, struct tri_error *err)
{
	return fileid_read(path, CSVIO_MAX_FILE, data, size, NULL, err);
}

char *csvio_trimmed(const char *text)
{
	while (isspace((unsigned char)*text))
		text++;
	size_t len = strlen(text);
	while (len && isspace((unsigned char)text[len - 1]))
		len--;
	char *copy = malloc(len + 1);
	if (copy) {
		memcpy(copy, text, len);
		copy[len] = '\0';
	}
	return copy;
}

static bool needs_quotes(const char *s)
{
	if (*s == ' ' || *s == '\t')
		return true;
	size_t len = strlen(s);
	if (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		return true;
	return strpbrk(s, ",\"\r\n") != NULL;
}

int csvio_write_record(FILE *out, const char *const *fields, size_t count)
{
	for (size_t i = 0; i < count; i++) {
		const char *s = fields[i] ? fields[i] : "";
		if (i > 0 && fputc(',', out) == EOF)
			return -1;
		if (needs_quotes(s)) {
			if (csv_fwrite(out, s, strlen(s)) != 0)
				return -1;
		} else if (fputs(s, out) == EOF) {
			return -1;
		}
	}
	return fputs("\r\n", out) == EOF ? -1 : 0;
}

/* Write fields as one record: each in its visible form first when
 * visible, then behind the formula guard unless computed exempts it. */
static int write_transformed(FILE *out, const char *const *fields, size_t count,
			     bool visible, uint64_t computed)
{
	char **copies = calloc(count ? count : 1, sizeof *copies);
	int rc = -1;
	if (!copies)
		goto out_of_memory;
	for (size_t i = 0; i < count; i++) {
		const char *field = fields[i] ? fields[i] : "";
		char *shown = visible ? sanitize_text(field, SANITIZE_CSV_FIELD) : NULL;
		if (visible && !shown)
			goto out_of_memory;
		bool exempt = i < 64 && (computed & CSVIO_COMPUTED(i));
		if (exempt)
			copies[i] = shown ? shown : strdup(field);
		else
			copies[i] = csvio_guard(shown ? shown : field);
		if (copies[i] != shown)
			free(shown);
		if (!copies[i])
			goto out_of_memory;
	}
	rc = csvio_write_record(out, (const char *const *)copies, count);
	goto done;
out_of_memory:
	errno = ENOMEM;
done:
	for (size_t i = 0; copies && i < count; i++)
		free(copies[i]);
	free(copies);
	return rc;
}

int csvio_write_guarded(FILE *out, const char *const *fields, size_t count)
{
	return write_transformed(out, fields, count, false, 0);
}

int csvio_write_output(FILE *out, const char *const *fields, size_t count,
		       uint64_t computed)
{
	return write_transformed(out, fields, count, true, computed);
}

static bool is_trigger(char c)
{
	return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

char *csvio_guard(const char *text)
{
	bool guard = is_trigger(text[0]) ||
		     (text[0] == '\'' && (is_trigger(text[1]) || text[1] == '\''));
	size_t len = strlen(text);
	char *out = malloc(len + 2);
	if (!out)
		return NULL;
	size_t at = 0;
	if (guard)
		out[at++] = '\'';
	memcpy(out + at, text, len + 1);
	return out;
}

char *csvio_unguard(const char *text)
{
	bool guarded = text[0] == '\'' && (is_trigger(text[1]) || text[1] == '\'');
	return strdup(text + (guarded ? 1 : 0));
}
