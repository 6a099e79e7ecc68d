/* Unit tests: reading and writing CSV as spreadsheets do. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

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
		{ "a,b|1,2|3,4|5,\"x\"y|", "f.csv:4: broken quoting" },
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
		{ "a,b\n1,\"x\"y\n", 0, "f.csv:2: broken quoting" },
		{ "a,b\n1,2\n3,\"open\n\nmore\n", 0, "f.csv:3: a quoted field opened here is never closed" },
		{ "a,b\n1,x\xff\n", 0, "f.csv:2: column 4: byte 0xFF is not UTF-8" },
		{ "a,b\n1,\xc0\x80\n", 0, "byte 0xC0 is not UTF-8" },
		{ "a,b\n1,\xed\xa0\x80\n", 0, "byte 0xED is not UTF-8" },
		{ "a,b\n\0,2\n", 9, "f.csv:2: column 1: a NUL byte" },
		{ "a,b,A\n", 0, "column \"A\" appears twice" },
		{ "a,,c\n", 0, "column 2 of the header is empty" },
		{ "a,b\n1,2,3\n", 0, "f.csv:2: 3 fields but the header has 2 columns" },
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
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
