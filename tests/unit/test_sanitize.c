/* Unit tests: the visible form of untrusted text (core/sanitize.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "sanitize.h"
#include "sanitize_oracle.h"

static const struct {
	const char *in;
	size_t size;       /* 0: strlen(in) */
	const char *text;  /* SANITIZE_TEXT */
	const char *csv;   /* SANITIZE_CSV_FIELD; NULL: as text */
} cases[] = {
	{ "London Borough of Camden", 0, "London Borough of Camden", NULL },
	{ "caf\xc3\xa9 \xe2\x80\x93 \xe2\x9c\x93", 0, "caf\xc3\xa9 \xe2\x80\x93 \xe2\x9c\x93", NULL },
	/* the organisation: OSC 0 sets the window title */
	{ "Evil\x1b]0;PWNED\x07" "Borough", 0, "Evil\\e]0;PWNED\\x07Borough", NULL },
	/* OSC 52 writes the clipboard */
	{ "\x1b]52;c;cm0gLXJmIH4=\x1b\\", 0, "\\e]52;c;cm0gLXJmIH4=\\e\\", NULL },
	{ "\x1b[2J\x1b[H", 0, "\\e[2J\\e[H", NULL },
	/* C1 CSI (U+009B) and a C1 control in general */
	{ "a\xc2\x9b" "31mb", 0, "a\\u009b31mb", NULL },
	{ "\xc2\x80\xc2\x9f", 0, "\\u0080\\u009f", NULL },
	/* bidi embeddings, overrides and isolates; marks (U+200F) pass */
	{ "\xe2\x80\xae" "evil", 0, "\\u202eevil", NULL },
	{ "\xe2\x80\xaa\xe2\x80\xab\xe2\x80\xac\xe2\x80\xad", 0, "\\u202a\\u202b\\u202c\\u202d", NULL },
	{ "\xe2\x81\xa6\xe2\x81\xa7\xe2\x81\xa8\xe2\x81\xa9", 0, "\\u2066\\u2067\\u2068\\u2069", NULL },
	{ "\xe2\x80\x8f", 0, "\xe2\x80\x8f", NULL },
	/* invalid UTF-8: each byte that is not UTF-8 */
	{ "x\xff\xfe", 0, "x\\xff\\xfe", NULL },
	{ "\xc0\x80", 0, "\\xc0\\x80", NULL },           /* overlong NUL */
	{ "\xed\xa0\x80", 0, "\\xed\\xa0\\x80", NULL },  /* a surrogate */
	{ "end\xe2\x80", 0, "end\\xe2\\x80", NULL },     /* cut short */
	{ "\x9b", 0, "\\x9b", NULL },                    /* a lone byte, not U+009B */
	/* C0, DEL and NUL */
	{ "a\x01" "b\x7f" "c", 0, "a\\x01b\\x7fc", NULL },
	{ "a\0b", 3, "a\\x00b", NULL },
	{ "\b\b\bok", 0, "\\x08\\x08\\x08ok", NULL },
	/* newline and tab pass; CRLF is a line break; a lone CR is shown */
	{ "one\ntwo\tthree", 0, "one\ntwo\tthree", NULL },
	{ "one\r\ntwo", 0, "one\ntwo", "one\r\ntwo" },
	{ "100%\rFAKE", 0, "100%\\x0dFAKE", "100%\rFAKE" },
	/* a backslash stays one, unless it would start a form */
	{ "C:\\Users\\Jane\\Documents\\2026", 0, "C:\\Users\\Jane\\Documents\\2026", NULL },
	{ "C:\\evidence\\x.docx", 0, "C:\\\\evidence\\\\x.docx", NULL },
	{ "\\\\server\\share", 0, "\\\\\\server\\share", NULL },
	{ "\\u202e is text", 0, "\\\\u202e is text", NULL },
	{ "\\\x1b", 0, "\\\\\\e", NULL },
	{ "ends with \\", 0, "ends with \\", NULL },
	{ "", 0, "", NULL },
};

static void test_visible_forms(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		size_t size = cases[i].size ? cases[i].size : strlen(cases[i].in);
		for (unsigned flags = 0; flags < 2; flags++) {
			const char *want = flags && cases[i].csv ? cases[i].csv : cases[i].text;
			char *got = sanitize_bytes(cases[i].in, size, flags);
			assert_non_null(got);
			if (strcmp(got, want) != 0)
				fail_msg("case %zu flags %u: \"%s\"; expected \"%s\"", i, flags, got, want);
			const char *why = oracle_check(cases[i].in, size, flags);
			if (why)
				fail_msg("case %zu flags %u: %s", i, flags, why);
			free(got);
		}
	}
}

static void test_text_equals_bytes(void **state)
{
	(void)state;
	char *a = sanitize_text("Evil\x1b]0;x\x07", SANITIZE_TEXT);
	char *b = sanitize_bytes("Evil\x1b]0;x\x07", 10, SANITIZE_TEXT);
	assert_string_equal(a, b);
	free(a);
	free(b);
}

/* Every single byte and every pair of bytes: nothing forbidden passes,
 * and every form reads back (the fuzzers go further). */
static void test_every_byte_pair(void **state)
{
	(void)state;
	for (unsigned a = 0; a < 256; a++) {
		for (unsigned b = 0; b < 256; b++) {
			char pair[2] = { (char)a, (char)b };
			for (unsigned flags = 0; flags < 2; flags++) {
				const char *why = oracle_check(pair, 2, flags);
				if (why)
					fail_msg("bytes %02x %02x flags %u: %s", a, b, flags, why);
			}
		}
	}
}

static void test_code_point_forms(void **state)
{
	(void)state;
	static const struct { uint32_t cp; const char *form; } forms[] = {
		{ 0x1B, "\\e" }, { 0x07, "\\x07" }, { 0x0D, "\\x0d" }, { 0x7F, "\\x7f" },
		{ 0x9B, "\\u009b" }, { 0x202E, "\\u202e" }, { 0x2069, "\\u2069" },
		{ 'a', NULL }, { '\n', NULL }, { '\t', NULL }, { 0xE9, NULL }, { 0x200F, NULL },
		{ 0x2065, NULL }, { 0x202F, NULL }, { 0xA0, NULL },
	};
	for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
		char buffer[SANITIZE_FORM_MAX];
		const char *got = sanitize_code_point(forms[i].cp, buffer);
		if (forms[i].form)
			assert_string_equal(got, forms[i].form);
		else
			assert_null(got);
	}
}

static char *format(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static char *format(const char *fmt, ...)
{
	va_list args;
	va_start(args, fmt);
	char *out = sanitize_vformat(fmt, args);
	va_end(args);
	return out;
}

static void test_vformat(void **state)
{
	(void)state;
	char *out = format("%s:%d: field \"%s\"\n", "a\x1b[31m.csv", 5, "\xe2\x80\xae" "x");
	assert_string_equal(out, "a\\e[31m.csv:5: field \"\\u202ex\"\n");
	free(out);
	out = format("%c", 0);
	assert_string_equal(out, "\\x00");
	free(out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_visible_forms),
		cmocka_unit_test(test_text_equals_bytes),
		cmocka_unit_test(test_every_byte_pair),
		cmocka_unit_test(test_code_point_forms),
		cmocka_unit_test(test_vformat),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
