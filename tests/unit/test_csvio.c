/* Unit tests: reading and writing CSV as spreadsheets do. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <iconv.h>

#include "csvio.h"

static void parse_ok(struct csvio_table *t, const char *data)
{
	struct tri_error err = {{0}};
	if (csvio_table_parse(t, "f.csv", data, strlen(data), &err) != 0)
		fail_msg("%s", err.message);
}

static void test_bom_crlf_and_quoted_newlines(void **state)
{
	(void)state;
	struct csvio_table t;
	parse_ok(&t, "\xEF\xBB\xBF" "a, B ,c\r\n1,\"two\r\nlines\",3\r\n\r\nx,\"y \"\"q\"\"\",z\r\n");
	assert_int_equal(t.column_count, 3);
	assert_string_equal(t.header[1], "B"); /* header names trimmed */
	assert_int_equal(csvio_table_column(&t, "b"), 1);
	assert_int_equal(t.row_count, 2);
	assert_int_equal(t.rows[0].line, 2);
	assert_string_equal(t.rows[0].fields[1], "two\r\nlines");
	assert_int_equal(t.rows[1].line, 5); /* counts the quoted newline and blank line */
	assert_string_equal(t.rows[1].fields[1], "y \"q\"");
	csvio_table_finish(&t);
}

static void test_short_rows_and_blank_records(void **state)
{
	(void)state;
	struct csvio_table t;
	parse_ok(&t, "a,b,c\n1\n,,\n 2 ,x");
	assert_int_equal(t.row_count, 2); /* ",," is an empty spreadsheet row */
	assert_string_equal(csvio_row_field(&t.rows[0], 2), "");
	assert_string_equal(csvio_row_field(&t.rows[1], 0), " 2 "); /* blanks kept */
	assert_string_equal(csvio_row_field(&t.rows[1], -1), "");
	assert_int_equal(t.rows[1].line, 4);
	csvio_table_finish(&t);
}

/* template with each '|' replaced by the line end nl. */
static void with_ends(char *out, size_t size, const char *template, const char *nl)
{
	size_t used = 0;
	for (const char *t = template; *t && used + 3 < size; t++) {
		const char *piece = *t == '|' ? nl : (char[2]){ *t, 0 };
		used += (size_t)snprintf(out + used, size - used, "%s", piece);
	}
}

/* LF, CRLF and CR alone all end lines, and every line is counted, for
 * records and for refusals alike. */
static void test_line_ends(void **state)
{
	(void)state;
	static const char *const ends[] = { "\n", "\r\n", "\r" };
	static const struct { const char *data, *expect; } refusals[] = {
		{ "a,b|1,2|3,4|5,\"x\"y|", "f.csv:4: libcsv: error parsing data" },
		{ "a,b|1,2||3,\"open|", "f.csv:4: a quoted field opened here" },
		{ "a,b|1,2|3,4|5,\xff|", "f.csv:4: column 3: byte 0xFF" },
		{ "a,b|1,2|3,4|5,6,7|", "f.csv:4: 3 fields but the header has 2" },
	};
	for (size_t e = 0; e < 3; e++) {
		char data[256];
		with_ends(data, sizeof data, "a,b|1,x||2,\"two|lines\"|3,y|", ends[e]);
		struct csvio_table t;
		parse_ok(&t, data);
		assert_int_equal(t.row_count, 3);
		assert_int_equal(t.rows[0].line, 2);
		assert_int_equal(t.rows[1].line, 4); /* after the blank line 3 */
		char lines[16];
		with_ends(lines, sizeof lines, "two|lines", ends[e]);
		assert_string_equal(t.rows[1].fields[1], lines);
		assert_int_equal(t.rows[2].line, 6); /* the quoted line break counts */
		csvio_table_finish(&t);
		for (size_t i = 0; i < sizeof refusals / sizeof refusals[0]; i++) {
			struct tri_error err = {{0}};
			with_ends(data, sizeof data, refusals[i].data, ends[e]);
			assert_int_equal(csvio_table_parse(&t, "f.csv", data, strlen(data), &err), -1);
			if (!strstr(err.message, refusals[i].expect))
				fail_msg("line end %zu, case %zu: \"%s\" lacks \"%s\"", e, i,
					 err.message, refusals[i].expect);
			csvio_table_finish(&t);
		}
	}
}

static void test_refusals(void **state)
{
	(void)state;
	static const struct { const char *data; size_t size; const char *expect; } cases[] = {
		{ "a,b\n1,\"x\"y\n", 0, "f.csv:2: libcsv: error parsing data while strict "
		  "checking enabled, with fields separated by commas (as in the header row)" },
		{ "a,b\n1,2\n3,\"open\n\nmore\n", 0, "f.csv:3: a quoted field opened here is never closed" },
		{ "a,b\n1,x\xff\n", 0, "f.csv:2: column 4: byte 0xFF is not UTF-8" },
		{ "a,b\n1,\xc0\x80\n", 0, "byte 0xC0 is not UTF-8" },
		{ "a,b\n1,\xed\xa0\x80\n", 0, "byte 0xED is not UTF-8" },
		{ "a,b\n\0,2\n", 9, "f.csv:2: column 1: a NUL byte" },
		{ "a,b,A\n", 0, "column \"A\" appears twice" },
		{ "a,,c\n", 0, "column 2 of the header is empty" },
		{ "a,b\n1,2,3\n", 0, "f.csv:2: 3 fields but the header has 2 columns; "
		  "expected at most 2 (an unquoted comma?)" },
		/* a record after a multi-line one: its line and its spreadsheet row */
		{ "a,b\n1,\"two\nlines\"\n3,\"x\"y\n", 0, "f.csv:4 (spreadsheet row 3): libcsv" },
		{ "a,b\n\n1,\"two\nlines\"\n3,4,5\n", 0,
		  "f.csv:5 (spreadsheet row 4): 3 fields" },
		/* UTF-16 and other encodings are named; the strict parse reads none */
		{ "\xff\xfe" "a\0,\0b\0", 8, "f.csv: UTF-16 text (it starts with a UTF-16 "
		  "byte-order mark); expected UTF-8" },
		{ "a\0,\0b\0\n\0", 8, "f.csv: UTF-16 text without its byte-order mark" },
		{ "a,b\n\xe9t\xe9,2\n", 0, "f.csv:2: column 1: byte 0xE9 is not UTF-8; expected "
		  "UTF-8 text" },
		{ "", 0, "f.csv: the file is empty" },
		{ "\n\n,,\n", 0, "f.csv: the file is empty" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct csvio_table t;
		struct tri_error err = {{0}};
		size_t size = cases[i].size ? cases[i].size : strlen(cases[i].data);
		assert_int_equal(csvio_table_parse(&t, "f.csv", cases[i].data, size, &err), -1);
		if (!strstr(err.message, cases[i].expect))
			fail_msg("case %zu: \"%s\" lacks \"%s\"", i, err.message, cases[i].expect);
		assert_int_equal(t.row_count, 0);
		csvio_table_finish(&t);
	}
}

static void test_guard_round_trip(void **state)
{
	(void)state;
	static const struct { const char *plain, *stored; } cases[] = {
		{ "=1+2", "'=1+2" }, { "+44 20", "'+44 20" }, { "-3", "'-3" },
		{ "@SUM(A1)", "'@SUM(A1)" }, { "\tx", "'\tx" }, { "\rx", "'\rx" },
		{ "'=x", "''=x" }, { "''", "'''" }, { "'tis", "'tis" }, { "'", "'" },
		{ "plain", "plain" }, { "", "" }, { "a=b", "a=b" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *stored = csvio_guard(cases[i].plain);
		assert_string_equal(stored, cases[i].stored);
		char *back = csvio_unguard(stored);
		assert_string_equal(back, cases[i].plain);
		free(stored);
		free(back);
	}
}

static void test_write_then_read(void **state)
{
	(void)state;
	char *buffer = NULL;
	size_t size = 0;
	FILE *out = open_memstream(&buffer, &size);
	const char *row[] = { "plain", "with, comma", "with \"quote\"", "two\nlines",
			      " padded ", "" };
	const char *head[] = { "a", "b", "c", "d", "e", "f" };
	assert_int_equal(csvio_write_record(out, head, 6), 0);
	assert_int_equal(csvio_write_record(out, row, 6), 0);
	fclose(out);
	assert_non_null(strstr(buffer, "a,b,c,d,e,f\r\nplain,\"with, comma\","));
	struct csvio_table t;
	parse_ok(&t, buffer);
	for (size_t i = 0; i < 6; i++)
		assert_string_equal(t.rows[0].fields[i], row[i]);
	csvio_table_finish(&t);
	free(buffer);
}

/* Machine outputs: every field in its visible form, and guarded unless
 * the program computed it; assessment records: guarded, exact text. */
static void test_output_records(void **state)
{
	(void)state;
	static const struct {
		const char *fields[3];
		uint64_t computed;
		const char *output, *guarded;
	} cases[] = {
		{ { "=HYPERLINK(\"http://x\")", "+4", "-3" }, CSVIO_COMPUTED(1) | CSVIO_COMPUTED(2),
		  "\"'=HYPERLINK(\"\"http://x\"\")\",+4,-3\r\n",
		  "\"'=HYPERLINK(\"\"http://x\"\")\",'+4,'-3\r\n" },
		{ { "+cmd|' /C calc'!A0", "@SUM(1)", "-2+3" }, 0,
		  "'+cmd|' /C calc'!A0,'@SUM(1),'-2+3\r\n", "'+cmd|' /C calc'!A0,'@SUM(1),'-2+3\r\n" },
		{ { "Evil\x1b]0;PWNED\x07", "\xe2\x80\xae" "x", "two\r\nlines" }, 0,
		  "Evil\\e]0;PWNED\\x07,\\u202ex,\"two\r\nlines\"\r\n",
		  "Evil\x1b]0;PWNED\x07,\xe2\x80\xae" "x,\"two\r\nlines\"\r\n" },
		/* Tab and CR pass (and are guarded); ESC's form starts with a backslash */
		{ { "\t=1", "\r=1", "\x1b=1" }, 0, "'\t=1,\"'\r=1\",\\e=1\r\n",
		  "'\t=1,\"'\r=1\",\x1b=1\r\n" },
		{ { "plain", "", NULL }, 0, "plain,,\r\n", "plain,,\r\n" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		for (int kind = 0; kind < 2; kind++) {
			char *buffer = NULL;
			size_t size = 0;
			FILE *out = open_memstream(&buffer, &size);
			assert_non_null(out);
			int rc = kind ? csvio_write_guarded(out, cases[i].fields, 3)
				      : csvio_write_output(out, cases[i].fields, 3, cases[i].computed);
			fclose(out);
			assert_int_equal(rc, 0);
			const char *want = kind ? cases[i].guarded : cases[i].output;
			if (strcmp(buffer, want) != 0)
				fail_msg("case %zu kind %d: [%s]; expected [%s]", i, kind, buffer, want);
			free(buffer);
		}
	}
}

/* utf8 as UTF-16 (little-endian or big) behind its byte-order mark, into
 * out; returns the size. */
static size_t utf16(const char *utf8, bool little, char *out, size_t size)
{
	iconv_t cd = iconv_open(little ? "UTF-16LE" : "UTF-16BE", "UTF-8");
	assert_true(cd != (iconv_t)-1);
	memcpy(out, little ? "\xff\xfe" : "\xfe\xff", 2);
	char *in = (char *)utf8, *at = out + 2;
	size_t in_left = strlen(utf8), room = size - 2;
	assert_int_not_equal(iconv(cd, &in, &in_left, &at, &room), (size_t)-1);
	iconv_close(cd);
	return (size_t)(at - out);
}

/* What spreadsheets write with other settings: each read as UTF-8 text
 * with its separator, and the format said. */
static void test_spreadsheet_formats(void **state)
{
	(void)state;
	static const char text[] = "criterion_id\tlevel\tnotes\r\n1.1\testablished\t"
		"\"Zo\xc3\xab, \xe2\x80\x9cquoted\xe2\x80\x9d \xe2\x82\xac\n\xf0\x9f\x98\x80\"\r\n";
	static const char notes[] = "Zo\xc3\xab, \xe2\x80\x9cquoted\xe2\x80\x9d \xe2\x82\xac\n"
		"\xf0\x9f\x98\x80";
	static const struct {
		const char *data; /* NULL: text in UTF-16 */
		bool little;
		enum csvio_encoding encoding;
		bool bom;
		char delimiter;
		const char *field; /* row 1, column 3 */
	} cases[] = {
		{ NULL, true, CSVIO_UTF16LE, true, '\t', notes },
		{ NULL, false, CSVIO_UTF16BE, true, '\t', notes },
		{ "a;b;c\r\n1;2;caf\xe9 \x93quoted\x94 \x80\r\n", false, CSVIO_WINDOWS_1252,
		  false, ';', "caf\xc3\xa9 \xe2\x80\x9cquoted\xe2\x80\x9d \xe2\x82\xac" },
		{ "\xef\xbb\xbf" "a;b;c\n1;2;\"x;y,z\"\n", false, CSVIO_UTF8, true, ';', "x;y,z" },
		{ "\n\na\tb\tc\n1\t2\t3\n", false, CSVIO_UTF8, false, '\t', "3" },
		{ "\"x;y\",c,d\n1,2,3\n", false, CSVIO_UTF8, false, ',', "3" },
		{ "a;b,c;d\n1;2,x;3\n", false, CSVIO_UTF8, false, ';', "3" },
		/* the anchor decides, however many of another a header name holds */
		{ "a,b;;;,c\n1,2,3\n", false, CSVIO_UTF8, false, ',', "3" },
		{ "\"A\"\t\"b,,,\"\tc\n1\t2\t3\n", false, CSVIO_UTF8, false, '\t', "3" },
		{ "a\n1\n", false, CSVIO_UTF8, false, ',', "" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char data[512];
		size_t size = cases[i].data ? strlen(cases[i].data)
					    : utf16(text, cases[i].little, data, sizeof data);
		if (cases[i].data)
			memcpy(data, cases[i].data, size);
		struct csvio_table t;
		struct tri_error err = {{0}};
		if (csvio_table_parse_spreadsheet(&t, "f.csv", data, size, "a", &err) != 0)
			fail_msg("case %zu: %s", i, err.message);
		assert_int_equal(t.format.encoding, cases[i].encoding);
		assert_int_equal(t.format.bom, cases[i].bom);
		assert_int_equal(t.format.delimiter, cases[i].delimiter);
		assert_int_equal(t.row_count, 1);
		assert_string_equal(csvio_row_field(&t.rows[0], 2), cases[i].field);
		csvio_table_finish(&t);
	}
}

/* Refused even by the spreadsheet reader: a mix of encodings, a byte no
 * encoding here defines, broken UTF-16, a row separated otherwise than
 * its header; each in words that say so (never "broken quoting"). */
static void test_spreadsheet_refusals(void **state)
{
	(void)state;
	static const struct { const char *data; size_t size; const char *expect; } cases[] = {
		{ "a,b\n\xc3\xa9,x\n\xe9,y\n", 0, "f.csv:3: column 1: byte 0xE9 is not UTF-8, yet "
		  "line 2 is: the file mixes UTF-8 with another encoding" },
		{ "a,b\n\xe9,\x81\n", 0, "f.csv:2: column 1: byte 0xE9 is not UTF-8; expected" },
		{ "\xef\xbb\xbf" "a,b\n\xe9,x\n", 0, "f.csv:2: column 1: byte 0xE9 is not UTF-8" },
		{ "a,b\n\xe9,\0\n", 8, "f.csv:2: column 3: a NUL byte" },
		{ "\xff\xfe" "a\0,\0b\0\n\0\x00\xd8" "x\0", 14, "f.csv:2: column 1: not UTF-16 "
		  "at byte offset 10 (half a surrogate pair)" },
		{ "\xff\xfe" "a\0,\0b\0\n\0x", 11, "f.csv:2: column 1: not UTF-16 at byte offset 10 "
		  "(an odd number of bytes)" },
		{ "a;b\n1,\"x\"\n", 0, "f.csv:2: libcsv: error parsing data while strict checking "
		  "enabled, with fields separated by semicolons (as in the header row); expected "
		  "every row separated as the header row is" },
		{ "a\tb\n1\t2\t3\n", 0, "f.csv:2: 3 fields but the header has 2 columns; expected "
		  "at most 2 (an unquoted tab?)" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct csvio_table t;
		struct tri_error err = {{0}};
		size_t size = cases[i].size ? cases[i].size : strlen(cases[i].data);
		assert_int_equal(csvio_table_parse_spreadsheet(&t, "f.csv", cases[i].data, size,
							       "a", &err), -1);
		if (!strstr(err.message, cases[i].expect) || strstr(err.message, "broken quoting"))
			fail_msg("case %zu: \"%s\" lacks \"%s\"", i, err.message, cases[i].expect);
		csvio_table_finish(&t);
	}
}

/* A record's spreadsheet row counts records from the file's start, blank
 * ones and the header included; messages name it when it is not the line. */
static void test_records(void **state)
{
	(void)state;
	struct csvio_table t;
	parse_ok(&t, "a,b\n\n1,\"two\nlines\"\n3,4\n,,\n5,6");
	assert_int_equal(t.row_count, 3);
	assert_int_equal(t.rows[0].line, 3);
	assert_int_equal(t.rows[0].record, 3);
	assert_int_equal(t.rows[1].line, 5);
	assert_int_equal(t.rows[1].record, 4);
	assert_int_equal(t.rows[2].line, 7);
	assert_int_equal(t.rows[2].record, 6);
	csvio_table_finish(&t);
	char where[64];
	assert_string_equal(csvio_where(where, sizeof where, "f.csv", 5, 4),
			    "f.csv:5 (spreadsheet row 4)");
	assert_string_equal(csvio_where(where, sizeof where, "f.csv", 5, 5), "f.csv:5");
}

/* An assessment's records quote what a spreadsheet would take for a
 * number or date and write back otherwise; machine outputs do not. */
static void test_quoted_for_spreadsheets(void **state)
{
	(void)state;
	const char *fields[] = { "6.10", "March 2027", "1.1", "2026-11-24", "-3", "03/01/27",
				 "Q3 2026", "007" };
	char *buffer = NULL;
	size_t size = 0;
	FILE *out = open_memstream(&buffer, &size);
	assert_int_equal(csvio_write_guarded(out, fields, 8), 0);
	assert_int_equal(csvio_write_output(out, fields, 8, 0), 0);
	fclose(out);
	assert_string_equal(buffer, "\"6.10\",\"March 2027\",1.1,2026-11-24,'-3,\"03/01/27\","
			    "Q3 2026,\"007\"\r\n"
			    "6.10,March 2027,1.1,2026-11-24,'-3,03/01/27,Q3 2026,007\r\n");
	struct csvio_table t;
	parse_ok(&t, buffer);
	assert_string_equal(t.header[0], "6.10");
	assert_string_equal(t.rows[0].fields[0], "6.10");
	csvio_table_finish(&t);
	free(buffer);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bom_crlf_and_quoted_newlines),
		cmocka_unit_test(test_short_rows_and_blank_records),
		cmocka_unit_test(test_line_ends),
		cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_guard_round_trip),
		cmocka_unit_test(test_write_then_read),
		cmocka_unit_test(test_output_records),
		cmocka_unit_test(test_spreadsheet_formats),
		cmocka_unit_test(test_spreadsheet_refusals),
		cmocka_unit_test(test_records),
		cmocka_unit_test(test_quoted_for_spreadsheets),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
