/* csvio: RFC 4180 tables read and written through libcsv.
 *
 * Reading keeps the line each record starts on and its record number (the
 * row a spreadsheet shows it on: a quoted line break makes them differ),
 * so every message can name file, line, spreadsheet row and field.  It
 * accepts what spreadsheets write: a UTF-8 byte-order mark; lines ended by
 * LF, CRLF or a CR alone (old Mac spreadsheets), each counted as one line;
 * quoted fields holding newlines; short rows.  It refuses text that is not
 * UTF-8, NUL bytes and broken quoting (in libcsv's words, csv_error).
 *
 * csvio_table_parse_spreadsheet also reads what spreadsheets write with
 * other settings (docs/file-formats.md, "Spreadsheets"): UTF-16 behind its
 * byte-order mark (Excel's "Unicode text"), Windows-1252 (only a file with
 * no UTF-8 in it), and semicolons or tabs between fields (detected from the
 * header row, set with csv_set_delim); table->format says what it read. */
#ifndef CSVIO_H
#define CSVIO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "tri_error.h"

struct csvio_row {
	size_t line;        /* 1-based line the record starts on */
	size_t record;      /* 1-based record number from the file's start, blank
			     * records and the header included: the row a
			     * spreadsheet shows it on */
	size_t field_count;
	char **fields;      /* owned by the table */
};

enum csvio_encoding {
	CSVIO_UTF8,
	CSVIO_UTF16LE,       /* behind FF FE: Excel's "Unicode text" */
	CSVIO_UTF16BE,       /* behind FE FF */
	CSVIO_WINDOWS_1252,  /* Excel's "CSV (Comma delimited)", older tools */
};

/* How the file was written; the table itself is always UTF-8. */
struct csvio_format {
	enum csvio_encoding encoding;
	bool bom;        /* it began with a byte-order mark (UTF-8 or UTF-16) */
	char delimiter;  /* ',', ';' or '\t' */
};

struct csvio_table {
	struct csvio_format format;
	size_t header_line;
	size_t column_count;
	char **header;      /* column names, blanks trimmed; owned */
	size_t row_count;
	struct csvio_row *rows; /* data records; all-empty records skipped */
	/* private: every field's bytes live in one arena, not a malloc each */
	char *arena;
	char **field_pointers;
};

/* Parse data[0..size) into *table (caller-owned storage, initialised here).
 * name is used in messages only.  The first non-empty record is the header;
 * a duplicate or empty header name is an error.  On error returns -1, fills
 * err, and leaves *table empty (csvio_table_finish is still safe). */
int csvio_table_parse(struct csvio_table *table, const char *name,
		      const char *data, size_t size, struct tri_error *err);

/* As csvio_table_parse, refusing more than max_rows records after the
 * header as soon as the parse reaches one more (a table with a known
 * bound is refused at once, however large the file). */
int csvio_table_parse_limited(struct csvio_table *table, const char *name,
			      const char *data, size_t size, size_t max_rows,
			      struct tri_error *err);

/* As csvio_table_parse, also reading a file a spreadsheet wrote in
 * another encoding or with another separator: UTF-16 behind its
 * byte-order mark, converted with iconv (invalid UTF-16 is refused,
 * naming it as UTF-16); Windows-1252, converted, only when the file holds
 * no valid multi-byte UTF-8 and none of the five bytes Windows-1252 leaves
 * undefined (a file mixing encodings is refused as not UTF-8); ';' or Tab
 * between fields where that makes a header field of anchor (a column
 * every such file has: "criterion_id"; commas first), else where the
 * header row has more of them than of commas outside quotes (anchor may be
 * NULL).  Messages name lines of the file as it is. */
int csvio_table_parse_spreadsheet(struct csvio_table *table, const char *name,
				  const char *data, size_t size, const char *anchor,
				  struct tri_error *err);

/* "UTF-8", "UTF-16", "Windows-1252", for messages.  Static storage. */
const char *csvio_encoding_name(enum csvio_encoding encoding);

/* "commas", "semicolons", "tabs": the delimiter, for messages. */
const char *csvio_delimiter_name(char delimiter);

/* Where a record is, for messages: "name:line", and when the record's
 * spreadsheet row differs from its line (a quoted line break or a blank
 * line before it), "name:line (spreadsheet row N)".  Writes into buffer
 * and returns it. */
const char *csvio_where(char *buffer, size_t size, const char *name, size_t line,
			size_t record);

/* Free what the table owns; the struct itself stays the caller's. */
void csvio_table_finish(struct csvio_table *table);

/* Index of the column named name (case-insensitive), or -1. */
long csvio_table_column(const struct csvio_table *table, const char *name);

/* The field at column of row, or "" where the column is -1 or the row is
 * short.  Borrowed from the table. */
const char *csvio_row_field(const struct csvio_row *row, long column);

/* Read a whole file into a new NUL-terminated heap buffer (caller frees).
 * Refuses files over 64 MiB (no assessment comes near, and it bounds
 * memory on hostile input) and anything but a regular file (a FIFO, device,
 * socket or directory, at once, naming what it is).  A file being saved in
 * place is waited for or read from its journal (fileid_read). */
int csvio_read_file(const char *path, char **data, size_t *size,
		    struct tri_error *err);

/* Write one record, quoting fields that need it, ending in CRLF.
 * Returns 0, or -1 with errno set by stdio. */
int csvio_write_record(FILE *out, const char *const *fields, size_t count);

/* As csvio_write_record, every field behind the formula guard
 * (csvio_guard), and quoted where a spreadsheet could take it for a
 * number or date and write back something else (spreadsheet_would_change:
 * LibreOffice keeps quoted fields as text when asked to): an assessment
 * file's records, which keep their exact text.  Returns 0, or -1 with
 * errno set (ENOMEM, or by stdio). */
int csvio_write_guarded(FILE *out, const char *const *fields, size_t count);

/* The column bit for csvio_write_output's computed mask (columns 0-63). */
#define CSVIO_COMPUTED(column) (UINT64_C(1) << (column))

/* Write one record of a machine output (every --csv output and the
 * summary export; never an assessment file, which keeps its exact text):
 * each field gets its visible form for CSV (sanitize.h: controls shown,
 * CR and LF kept as the quoted field's content) and, unless its bit is
 * set in computed, the formula guard (csvio_guard).  So nothing that came
 * from input can be a formula, and what the program computed, a number
 * such as "+4" or "-3", stays a number.  Returns 0, or -1 with errno set
 * (ENOMEM, or by stdio). */
int csvio_write_output(FILE *out, const char *const *fields, size_t count,
		       uint64_t computed);

/* CSV formula injection (OWASP): free text that a spreadsheet would run as
 * a formula (a leading = + - @ TAB or CR) is written behind an apostrophe.
 * A text that starts with an apostrophe followed by one of those, or by
 * another apostrophe, gets one more, so that csvio_unguard(csvio_guard(s))
 * == s for every s.  Both return a new heap string (NULL if out of memory). */
char *csvio_guard(const char *text);
char *csvio_unguard(const char *text);

/* A new heap copy of text without surrounding white space (caller frees;
 * NULL if out of memory).  Ids, levels and names in files are compared
 * trimmed: spreadsheets add blanks. */
char *csvio_trimmed(const char *text);

/* True if text is well-formed UTF-8 (no overlongs, no surrogates). */
bool csvio_utf8_valid(const char *text, size_t size);

#endif
