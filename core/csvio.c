#include "csvio.h"

#include "fileid.h"

#include <csv.h>
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sanitize.h"
#include "spreadsheet.h"

#define CSVIO_MAX_FILE (64u << 20)
/* libcsv's state for "between records"; the struct is public in csv.h. */
#define LIBCSV_ROW_NOT_BEGUN 0

/* While parsing, fields are appended to one growing arena and rows keep
 * offsets; pointers are made once at the end, when the arena stops moving.
 * One allocation per table instead of one per field. */
struct pending_row {
	size_t line, record, first_field, field_count;
};

struct parse_state {
	struct csvio_table *table;
	size_t record_line;   /* line the record being read started on */
	size_t records;       /* records begun so far, blank ones included */
	char delimiter;
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
	st->rows[st->row_count++] = (struct pending_row){ st->record_line, st->records, first,
							  count };
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
			.record = st->rows[r].record,
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

const char *csvio_encoding_name(enum csvio_encoding encoding)
{
	switch (encoding) {
	case CSVIO_UTF16LE:
	case CSVIO_UTF16BE: return "UTF-16";
	case CSVIO_WINDOWS_1252: return "Windows-1252";
	default: return "UTF-8";
	}
}

const char *csvio_delimiter_name(char delimiter)
{
	return delimiter == ';' ? "semicolons" : delimiter == '\t' ? "tabs" : "commas";
}

const char *csvio_where(char *buffer, size_t size, const char *name, size_t line,
			size_t record)
{
	if (record && record != line)
		snprintf(buffer, size, "%s:%zu (spreadsheet row %zu)", name, line, record);
	else
		snprintf(buffer, size, "%s:%zu", name, line);
	return buffer;
}

/* The line and column of data[at]: lines end in LF, CRLF or a lone CR. */
static void position(const char *data, size_t at, size_t *line, size_t *column)
{
	const unsigned char *s = (const unsigned char *)data;
	*line = *column = 1;
	for (size_t i = 0; i < at;) {
		size_t n = utf8_sequence_length(s + i, at - i);
		if (n == 0)
			n = 1;
		if (s[i] == '\n' || (s[i] == '\r' && (i + 1 >= at || s[i + 1] != '\n'))) {
			(*line)++; /* LF, CRLF (at its LF) or a lone CR ends a line */
			*column = 1;
		} else {
			(*column)++;
		}
		i += n;
	}
}

/* What the bytes of a file are, in one pass. */
struct byte_scan {
	size_t first_invalid;   /* first byte that is not UTF-8 (or a NUL); size if none */
	size_t first_multibyte; /* first valid multi-byte UTF-8 sequence; size if none */
	size_t first_undefined; /* first byte Windows-1252 leaves undefined; size if none */
	size_t first_nul;       /* size if none */
};

static void scan_bytes(const char *data, size_t size, struct byte_scan *scan)
{
	const unsigned char *s = (const unsigned char *)data;
	*scan = (struct byte_scan){ size, size, size, size };
	size_t i = first_invalid(s, size); /* fast over ASCII and UTF-8 alike */
	if (i == size)
		return; /* UTF-8 throughout: nothing more to know */
	for (size_t j = 0; j < i && scan->first_multibyte == size; j++)
		if (s[j] >= 0x80)
			scan->first_multibyte = j;
	while (i < size) {
		size_t n = utf8_sequence_length(s + i, size - i);
		if (n >= 2 && scan->first_multibyte == size)
			scan->first_multibyte = i;
		if (n == 0) {
			if (scan->first_invalid == size)
				scan->first_invalid = i;
			if (s[i] == 0 && scan->first_nul == size)
				scan->first_nul = i;
			bool undefined = s[i] == 0x81 || s[i] == 0x8D || s[i] == 0x8F ||
					 s[i] == 0x90 || s[i] == 0x9D;
			if (undefined && scan->first_undefined == size)
				scan->first_undefined = i;
			n = 1;
		}
		i += n;
	}
}

/* A file that is not UTF-8: name its first bad byte by line and column,
 * and what the file seems to be instead. */
static int refuse_encoding(const char *name, const char *data, size_t size,
			   const struct byte_scan *scan, struct tri_error *err)
{
	const unsigned char *s = (const unsigned char *)data;
	size_t at = scan->first_nul < size ? scan->first_nul : scan->first_invalid, line, column;
	position(data, at, &line, &column);
	if (size >= 2 && ((s[0] == 0xFF && s[1] == 0xFE) || (s[0] == 0xFE && s[1] == 0xFF))) {
		tri_error_set(err, "%s: UTF-16 text (it starts with a UTF-16 byte-order mark); "
			      "expected UTF-8 (save as \"CSV UTF-8\")", name);
	} else if (s[at] == 0 && size >= 4 && ((s[0] && !s[1] && s[2] && !s[3]) ||
					       (!s[0] && s[1] && !s[2] && s[3]))) {
		tri_error_set(err, "%s: UTF-16 text without its byte-order mark (every other "
			      "byte is NUL); expected UTF-8 (save as \"CSV UTF-8\"), or UTF-16 "
			      "that starts with its byte-order mark (Excel's \"Unicode text\")",
			      name);
	} else if (s[at] == 0) {
		tri_error_set(err, "%s:%zu: column %zu: a NUL byte; expected text (is this a "
			      "spreadsheet's own format rather than CSV?)", name, line, column);
	} else if (scan->first_multibyte < size) {
		size_t utf8_line, utf8_column;
		position(data, scan->first_multibyte, &utf8_line, &utf8_column);
		tri_error_set(err, "%s:%zu: column %zu: byte 0x%02X is not UTF-8, yet line %zu "
			      "is: the file mixes UTF-8 with another encoding; expected UTF-8 "
			      "text throughout (save as \"CSV UTF-8\")", name, line, column,
			      s[at], utf8_line);
	} else {
		tri_error_set(err, "%s:%zu: column %zu: byte 0x%02X is not UTF-8; expected UTF-8 "
			      "text (save as \"CSV UTF-8\")", name, line, column, s[at]);
	}
	return -1;
}

/* Convert data[0..size) from the encoding from to UTF-8 with iconv, into a
 * new heap buffer.  Returns 0, or -1 with *failed_at the offset of the
 * input that does not convert (SIZE_MAX: out of memory). */
static int to_utf8(const char *from, const char *data, size_t size, char **out,
		   size_t *out_size, size_t *failed_at)
{
	*out = NULL;
	*failed_at = SIZE_MAX;
	iconv_t cd = iconv_open("UTF-8", from);
	if (cd == (iconv_t)-1) // NOLINT(performance-no-int-to-ptr): iconv_open's failure value
		return -1;
	size_t capacity = size * 2 + 16, used = 0;
	char *buffer = malloc(capacity);
	char *in = (char *)data;
	size_t in_left = size;
	int rc = -1;
	while (buffer) {
		char *at = buffer + used;
		size_t room = capacity - used - 1;
		size_t r = iconv(cd, &in, &in_left, &at, &room);
		used = (size_t)(at - buffer);
		if (r != (size_t)-1) {
			rc = 0;
			break;
		}
		if (errno != E2BIG) {
			*failed_at = (size_t)(in - data);
			break;
		}
		capacity *= 2;
		char *grown = realloc(buffer, capacity);
		if (!grown)
			break;
		buffer = grown;
	}
	iconv_close(cd);
	if (rc != 0 || !buffer) {
		free(buffer);
		*out = NULL;
		return -1;
	}
	buffer[used] = '\0';
	*out = buffer;
	*out_size = used;
	return 0;
}

/* A UTF-16 file (its byte-order mark already read) as UTF-8. */
static int from_utf16(const char *name, const char *data, size_t size, bool little_endian,
		      char **out, size_t *out_size, struct tri_error *err)
{
	size_t failed_at;
	if (to_utf8(little_endian ? "UTF-16LE" : "UTF-16BE", data, size, out, out_size,
		    &failed_at) == 0)
		return 0;
	if (failed_at == SIZE_MAX) {
		tri_error_set(err, "%s: out of memory", name);
		return -1;
	}
	/* the lines before the bad unit: convert them alone to count them */
	char *before;
	size_t before_size, line = 1, column = 1, ignored;
	if (to_utf8(little_endian ? "UTF-16LE" : "UTF-16BE", data, failed_at & ~(size_t)1,
		    &before, &before_size, &ignored) == 0) {
		position(before, before_size, &line, &column);
		free(before);
	}
	tri_error_set(err, "%s:%zu: column %zu: not UTF-16 at byte offset %zu (%s); the file "
		      "starts with a UTF-16 byte-order mark, as Excel's \"Unicode text\" does, "
		      "so expected UTF-16 throughout", name, line, column, failed_at + 2,
		      failed_at + 1 >= size ? "an odd number of bytes" : "half a surrogate pair");
	return -1;
}

/* Does the first non-blank record, split at delimiter outside quotes,
 * have a field that is anchor (blanks and surrounding quotes aside,
 * case-insensitive)? */
static bool header_has(const char *data, size_t size, char delimiter, const char *anchor)
{
	size_t i = 0, anchor_length = strlen(anchor);
	while (i < size && (data[i] == '\n' || data[i] == '\r'))
		i++;
	while (i <= size) {
		size_t start = i;
		bool quoted = false;
		while (i < size && (quoted || (data[i] != delimiter && data[i] != '\n' &&
					       data[i] != '\r'))) {
			quoted ^= data[i] == '"';
			i++;
		}
		const char *field = data + start;
		size_t length = i - start;
		while (length && (*field == ' ' || *field == '\t')) {
			field++;
			length--;
		}
		while (length && (field[length - 1] == ' ' || field[length - 1] == '\t'))
			length--;
		bool in_quotes = length >= 2 && field[0] == '"' && field[length - 1] == '"';
		if (in_quotes) {
			field++;
			length -= 2;
		}
		if (length == anchor_length && strncasecmp(field, anchor, anchor_length) == 0)
			return true;
		if (i >= size || data[i] != delimiter)
			return false;
		i++;
	}
	return false;
}

/* The delimiter of the header row: of , ; Tab the one that makes a field
 * of anchor (commas first), else the most frequent outside quotes on the
 * first non-blank record (commas on a tie, or none). */
static char detect_delimiter(const char *data, size_t size, const char *anchor)
{
	static const char candidates[] = { ',', ';', '\t' };
	for (int k = 0; anchor && k < 3; k++)
		if (header_has(data, size, candidates[k], anchor))
			return candidates[k];
	size_t count[3] = { 0 };
	bool quoted = false, started = false;
	for (size_t i = 0; i < size; i++) {
		char c = data[i];
		if (c == '"') {
			quoted = !quoted;
			started = true;
		} else if (quoted) {
			continue;
		} else if (c == '\n' || c == '\r') {
			if (started)
				break;
		} else {
			started = true;
			for (int k = 0; k < 3; k++)
				count[k] += c == candidates[k];
		}
	}
	int best = 0;
	for (int k = 1; k < 3; k++)
		if (count[k] > count[best])
			best = k;
	return candidates[best];
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
 * line is the line being fed when the parser was between records (and
 * every line begun between records is a spreadsheet row, blank or not);
 * stop as soon as there are more records than st->max_rows allows. */
static int feed(struct csv_parser *parser, struct parse_state *st, const char *name,
		const char *data, size_t size, struct tri_error *err)
{
	char where[4200];
	size_t line = 1;
	for (size_t pos = 0; pos < size; line++) {
		size_t len = line_length(data + pos, size - pos);
		if (parser->pstate == LIBCSV_ROW_NOT_BEGUN) {
			st->record_line = line;
			st->records++;
		}
		if (csv_parse(parser, data + pos, len, on_field, on_record, st) != len) {
			int code = csv_error(parser);
			csvio_where(where, sizeof where, name, line, st->records);
			if (code == CSV_EPARSE)
				tri_error_set(err, "%s: libcsv: %s, with fields separated by %s (as "
					      "in the header row); expected every row separated as "
					      "the header row is, and a quoted field quoted from start "
					      "to end with any quote inside it doubled (\"\")", where,
					      csv_strerror(code), csvio_delimiter_name(st->delimiter));
			else
				tri_error_set(err, "%s: libcsv: %s", where, csv_strerror(code));
			return -1;
		}
		if (st->out_of_memory)
			break;
		if (st->row_count > st->max_rows + 1) { /* + 1: the header */
			csvio_where(where, sizeof where, name, st->record_line, st->records);
			tri_error_set(err, "%s: more than %zu rows after the header; expected at "
				      "most %zu", where, st->max_rows, st->max_rows);
			return -1;
		}
		pos += len;
	}
	if (!st->out_of_memory && csv_fini(parser, on_field, on_record, st) != 0) {
		csvio_where(where, sizeof where, name, st->record_line, st->records);
		tri_error_set(err, "%s: a quoted field opened here is never closed; expected a "
			      "closing quote (\")", where);
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
		const struct csvio_row *row = &table->rows[r];
		if (row->field_count > table->column_count) {
			char where[4200];
			const char *name_of = csvio_delimiter_name(table->format.delimiter);
			tri_error_set(err, "%s: %zu fields but the header has %zu columns; "
				      "expected at most %zu (an unquoted %.*s?)",
				      csvio_where(where, sizeof where, name, row->line, row->record),
				      row->field_count, table->column_count, table->column_count,
				      (int)strlen(name_of) - 1, name_of);
			return -1;
		}
	}
	return 0;
}

/* The file's bytes as UTF-8 text: its byte-order mark read, and for a
 * spreadsheet's file, UTF-16 or Windows-1252 converted into *converted
 * (caller frees).  Fills table->format's encoding and bom. */
static int decode(struct csvio_table *table, const char *name, const char **data,
		  size_t *size, bool spreadsheet, char **converted, struct tri_error *err)
{
	const unsigned char *s = (const unsigned char *)*data;
	*converted = NULL;
	if (*size >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
		table->format.bom = true;
		*data += 3;
		*size -= 3;
	} else if (spreadsheet && *size >= 2 && ((s[0] == 0xFF && s[1] == 0xFE) ||
						 (s[0] == 0xFE && s[1] == 0xFF))) {
		bool little = s[0] == 0xFF;
		table->format.bom = true;
		table->format.encoding = little ? CSVIO_UTF16LE : CSVIO_UTF16BE;
		if (from_utf16(name, *data + 2, *size - 2, little, converted, size, err) != 0)
			return -1;
		*data = *converted;
	}
	struct byte_scan scan;
	scan_bytes(*data, *size, &scan);
	if (scan.first_invalid == *size)
		return 0;
	bool windows_1252 = spreadsheet && table->format.encoding == CSVIO_UTF8 &&
			    !table->format.bom && scan.first_nul == *size && scan.first_multibyte == *size &&
			    scan.first_undefined == *size;
	size_t failed_at;
	if (windows_1252 && to_utf8("WINDOWS-1252", *data, *size, converted, size,
				    &failed_at) == 0) {
		table->format.encoding = CSVIO_WINDOWS_1252;
		*data = *converted;
		return 0;
	}
	return refuse_encoding(name, *data, *size, &scan, err);
}

static int parse(struct csvio_table *table, const char *name, const char *data, size_t size,
		 size_t max_rows, bool spreadsheet, const char *anchor, struct tri_error *err)
{
	*table = (struct csvio_table){ .format = { CSVIO_UTF8, false, ',' } };
	char *converted;
	if (decode(table, name, &data, &size, spreadsheet, &converted, err) != 0) {
		free(converted);
		csvio_table_finish(table);
		return -1;
	}
	if (spreadsheet)
		table->format.delimiter = detect_delimiter(data, size, anchor);

	struct csv_parser parser;
	if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) {
		free(converted);
		tri_error_set(err, "%s: out of memory", name);
		return -1;
	}
	csv_set_space_func(&parser, never_space);
	csv_set_delim(&parser, (unsigned char)table->format.delimiter);
	struct parse_state st = { .table = table, .record_line = 1,
				  .delimiter = table->format.delimiter,
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
	free(converted);
	free(st.arena);
	free(st.field_offsets);
	free(st.rows);
	csv_free(&parser);
	if (rc != 0) {
		struct csvio_format format = table->format;
		csvio_table_finish(table);
		table->format = format;
	}
	return rc;
}

int csvio_table_parse_limited(struct csvio_table *table, const char *name,
			      const char *data, size_t size, size_t max_rows,
			      struct tri_error *err)
{
	return parse(table, name, data, size, max_rows, false, NULL, err);
}

int csvio_table_parse_spreadsheet(struct csvio_table *table, const char *name,
				  const char *data, size_t size, const char *anchor,
				  struct tri_error *err)
{
	return parse(table, name, data, size, SIZE_MAX, true, anchor, err);
}

int csvio_table_parse(struct csvio_table *table, const char *name,
		      const char *data, size_t size, struct tri_error *err)
{
	return parse(table, name, data, size, SIZE_MAX, false, NULL, err);
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

/* Write one record; a field is quoted when it needs to be, or when
 * quote (may be NULL) says so. */
static int write_fields(FILE *out, const char *const *fields, size_t count, const bool *quote)
{
	for (size_t i = 0; i < count; i++) {
		const char *s = fields[i] ? fields[i] : "";
		if (i > 0 && fputc(',', out) == EOF)
			return -1;
		if ((quote && quote[i]) || needs_quotes(s)) {
			if (csv_fwrite(out, s, strlen(s)) != 0)
				return -1;
		} else if (fputs(s, out) == EOF) {
			return -1;
		}
	}
	return fputs("\r\n", out) == EOF ? -1 : 0;
}

int csvio_write_record(FILE *out, const char *const *fields, size_t count)
{
	return write_fields(out, fields, count, NULL);
}

/* Write fields as one record: each in its visible form first when
 * visible, then behind the formula guard unless computed exempts it.  An
 * assessment file's record (not visible) also quotes every field that a
 * spreadsheet could take for a number or date. */
static int write_transformed(FILE *out, const char *const *fields, size_t count,
			     bool visible, uint64_t computed)
{
	char **copies = calloc(count ? count : 1, sizeof *copies);
	bool *quote = calloc(count ? count : 1, sizeof *quote);
	int rc = -1;
	if (!copies || !quote)
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
		quote[i] = !visible && spreadsheet_would_change(copies[i]);
	}
	rc = write_fields(out, (const char *const *)copies, count, quote);
	goto done;
out_of_memory:
	errno = ENOMEM;
done:
	for (size_t i = 0; copies && i < count; i++)
		free(copies[i]);
	free(copies);
	free(quote);
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
