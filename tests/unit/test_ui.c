/* Unit tests: the wizard's text helpers that need no terminal — wrapping
 * (with a hanging indent, as the category screen draws cells) and display
 * widths. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <locale.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "ui.h"

struct wrap_case {
	const wchar_t *text;
	int first_width, width;
	const wchar_t *lines; /* the lines joined with '|' */
};

static const struct wrap_case wrap_cases[] = {
	/* words break at spaces; the space at a break is dropped */
	{ L"one two three", 13, 13, L"one two three" },
	{ L"one two three", 7, 7, L"one two|three" },
	/* a hanging indent: the first line wider than the rest */
	{ L"(*) 3 Leading: Senior leaders and managers", 20, 12,
	  L"(*) 3 Leading:|Senior|leaders and|managers" },
	{ L"abc def", 3, 7, L"abc|def" },
	/* a word longer than the line is cut */
	{ L"abcdefghij", 4, 4, L"abcd|efgh|ij" },
	/* newlines end lines; an empty text is one empty line */
	{ L"a\nb", 10, 10, L"a|b" },
	{ L"", 10, 10, L"" },
	/* wide characters count two columns */
	{ L"\u4e00\u4e00 \u4e00", 4, 4, L"\u4e00\u4e00|\u4e00" },
	/* widths below one are taken as one */
	{ L"ab", 0, 0, L"a|b" },
};

static void test_wrap_hanging(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof wrap_cases / sizeof wrap_cases[0]; i++) {
		const struct wrap_case *c = &wrap_cases[i];
		size_t starts[16], lengths[16];
		int n = ui_wrap_hanging(c->text, c->first_width, c->width, starts, lengths, 16);
		wchar_t got[256] = L"";
		for (int k = 0; k < n && k < 16; k++) {
			if (k)
				wcscat(got, L"|");
			wcsncat(got, c->text + starts[k], lengths[k]);
		}
		if (wcscmp(got, c->lines) != 0)
			fail_msg("case %zu: expected [%ls], got [%ls]", i, c->lines, got);
		/* counting alone (no arrays) gives the same number of lines */
		assert_int_equal(ui_wrap_hanging(c->text, c->first_width, c->width, NULL, NULL, 0), n);
		/* equal widths: the same as ui_wrap */
		if (c->first_width == c->width)
			assert_int_equal(ui_wrap(c->text, c->width, starts, lengths, 16), n);
	}
}

static void test_widths(void **state)
{
	(void)state;
	assert_int_equal(ui_width(L"abc"), 3);
	assert_int_equal(ui_width(L"\u4e00b"), 3);
	assert_int_equal(ui_char_width(L'\t') >= 0, 1);
}

/* What the wizard draws from a file's text: the visible form of
 * sanitize.h, so nothing can drive the terminal or reorder the screen. */
static void test_decode_visible(void **state)
{
	(void)state;
	static const struct { bool utf8; const char *text; const wchar_t *shown; } cases[] = {
		{ true, "Evil\x1b]0;PWNED\x07" "Borough", L"Evil\\e]0;PWNED\\x07Borough" },
		{ true, "a\xc2\x9b" "2J", L"a\\u009b2J" },
		{ true, "\xe2\x80\xae" "evil", L"\\u202eevil" },
		{ true, "x\xff", L"x\\xff" },
		{ true, "one\r\ntwo\tthree", L"one\ntwo three" },
		{ true, "caf\xc3\xa9 \xe2\x80\x93", L"caf\u00e9 \u2013" },
		{ false, "caf\xc3\xa9 \xe2\x80\x93 \x1b", L"caf? - \\e" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct ui ui = { .utf8 = cases[i].utf8 };
		wchar_t *got = ui_decode(&ui, cases[i].text);
		if (wcscmp(got, cases[i].shown) != 0)
			fail_msg("case %zu: [%ls]; expected [%ls]", i, got, cases[i].shown);
		free(got);
	}
}

/* The editors keep the exact text and draw each character in its form;
 * widths follow the forms, so the cursor lands where the text is. */
static void test_display_forms(void **state)
{
	(void)state;
	static const struct { wchar_t c; const wchar_t *form; int width; } cases[] = {
		{ 0x1B, L"\\e", 2 }, { 0x07, L"\\x07", 4 }, { 0x9B, L"\\u009b", 6 },
		{ 0x202E, L"\\u202e", 6 }, { 0x2066, L"\\u2066", 6 }, { L'\t', L" ", 1 },
		{ L'a', L"a", 1 }, { 0x4E00, L"\u4e00", 2 }, { L'\n', L"", 1 },
	};
	struct ui ui = { .utf8 = true };
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		wchar_t form[UI_FORM_MAX + 1] = {0};
		int n = ui_display_form(&ui, cases[i].c, form);
		form[n] = L'\0';
		if (wcscmp(form, cases[i].form) != 0)
			fail_msg("case %zu: [%ls]; expected [%ls]", i, form, cases[i].form);
		assert_int_equal(ui_char_width(cases[i].c), cases[i].width);
	}
	wchar_t *exact = ui_decode_exact("a\x1b\xe2\x80\xae");
	assert_true(wcscmp(exact, L"a\x1b\u202e") == 0); /* data stays data */
	free(exact);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_wrap_hanging),
		cmocka_unit_test(test_widths),
		cmocka_unit_test(test_decode_visible),
		cmocka_unit_test(test_display_forms),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
