/* Unit tests: the wizard's text helpers that need no terminal — wrapping
 * (with a hanging indent, as the category screen draws cells, by
 * core/text) and the shown form of text. */
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
	const char *text;
	int width, indent;
	const char *lines; /* the lines joined with '|' */
};

/* The screens wrap with core/text (UAX #14) on the shown form. */
static const struct wrap_case wrap_cases[] = {
	/* words break at spaces; the space at a break is not drawn */
	{ "one two three", 13, 0, "one two three" },
	{ "one two three", 7, 0, "one two|three" },
	/* a hanging indent: the first line wider than the rest */
	{ "(*) 3 Leading: Senior leaders and managers", 20, 8,
	  "(*) 3 Leading:|Senior|leaders and|managers" },
	/* never inside a word: "publicly" stays whole */
	{ "is publicly committed", 10, 0, "is|publicly|committed" },
	/* a hyphen is a place to break; a no-break space is not */
	{ "anti-racist work", 9, 0, "anti-|racist|work" },
	{ "to Category\xc2\xa0" "two", 13, 0, "to|Category\xc2\xa0" "two" },
	/* a URL longer than the line breaks after a slash */
	{ "see https://example.org/standard/v14", 20, 0, "see https://example.|org/standard/v14" },
	/* line breaks end lines; an empty text is one empty line */
	{ "a\nb", 10, 0, "a|b" },
	{ "", 10, 0, "" },
	/* wide characters count two columns */
	{ "\xe4\xb8\x80\xe4\xb8\x80 \xe4\xb8\x80", 4, 0, "\xe4\xb8\x80\xe4\xb8\x80|\xe4\xb8\x80" },
	/* a control takes its visible form's columns */
	{ "a\x1b" "bc de", 5, 0, "a\\ebc|de" },
};

static void test_wrap(void **state)
{
	(void)state;
	struct ui ui = { .utf8 = true, .codeset = "UTF-8" };
	for (size_t i = 0; i < sizeof wrap_cases / sizeof wrap_cases[0]; i++) {
		const struct wrap_case *c = &wrap_cases[i];
		struct text_lines lines;
		char *shown;
		int n = ui_wrap(&ui, &lines, c->text, c->width, c->indent, &shown);
		char got[256] = "";
		for (int k = 0; k < n; k++) {
			if (k)
				strcat(got, "|");
			strncat(got, shown + lines.line[k].start,
				lines.line[k].end - lines.line[k].start);
		}
		if (strcmp(got, c->lines) != 0)
			fail_msg("case %zu: expected [%s], got [%s]", i, c->lines, got);
		assert_int_equal(ui_hanging_rows(&ui, c->text, c->width, c->indent), n);
		text_lines_finish(&lines);
		free(shown);
	}
}

/* What the wizard draws from a file's text: the visible form of
 * sanitize.h, so nothing can drive the terminal or reorder the screen;
 * in a locale that is not UTF-8, transliterated (rule 17). */
static void test_shown(void **state)
{
	(void)state;
	static const struct { bool utf8; const char *text; const char *shown; } cases[] = {
		{ true, "Evil\x1b]0;PWNED\x07" "Borough", "Evil\\e]0;PWNED\\x07Borough" },
		{ true, "a\xc2\x9b" "2J", "a\\u009b2J" },
		{ true, "\xe2\x80\xae" "evil", "\\u202eevil" },
		{ true, "x\xff", "x\\xff" },
		{ true, "one\r\ntwo\tthree", "one\ntwo three" },
		{ true, "caf\xc3\xa9 \xe2\x80\x93", "caf\xc3\xa9 \xe2\x80\x93" },
		{ false, "Zo\xc3\xab \xc5\x81\xc3\xb3" "d\xc5\xba \xe2\x80\x93 \x1b", "Zoe Lodz - \\e" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct ui ui = { .utf8 = cases[i].utf8 };
		snprintf(ui.codeset, sizeof ui.codeset, "%s", cases[i].utf8 ? "UTF-8"
			 : "ANSI_X3.4-1968");
		size_t n;
		char *got = ui_shown(&ui, cases[i].text, &n);
		if (strcmp(got, cases[i].shown) != 0)
			fail_msg("case %zu: [%s]; expected [%s]", i, got, cases[i].shown);
		assert_int_equal(n, strlen(got));
		free(got);
	}
	/* widths are of the shown form: "\e" is two columns, "Zoë" three */
	struct ui ui = { .utf8 = true, .codeset = "UTF-8" };
	assert_int_equal(ui_shown_width(&ui, "a\x1b", 2), 3);
	assert_int_equal(ui_shown_width(&ui, "Zo\xc3\xab", 4), 3);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_wrap),
		cmocka_unit_test(test_shown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
