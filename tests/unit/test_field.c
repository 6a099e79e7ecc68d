/* Unit tests: an editor field's edits, by grapheme cluster, and its
 * layout at word boundaries (field.h, on core/text). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "field.h"

/* Bengali প্র (pa, virama, ra: one conjunct), ক (ka) */
#define PRA "\xe0\xa6\xaa\xe0\xa7\x8d\xe0\xa6\xb0"
#define KA "\xe0\xa6\x95"
/* e and a combining acute accent */
#define E_ACUTE "e\xcc\x81"
/* Arabic beh with kasra, then reh */
#define BEH_KASRA "\xd8\xa8\xd9\x90"
#define REH "\xd8\xb1"
/* CJK 一 (two columns) */
#define YI "\xe4\xb8\x80"
/* thumbs up with a skin tone; a family joined by ZWJs */
#define THUMB "\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd"
#define FAMILY "\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7"

struct edit_case {
	const char *name;
	const char *text;
	size_t cursor;               /* where the cursor starts */
	int width;                   /* of the field, for up and down */
	enum field_edit edits[4];
	int count;
	const char *after;           /* the text after the edits */
	size_t at;                   /* the cursor after them */
};

static const struct edit_case edit_cases[] = {
	{ "right over a combining accent", E_ACUTE "x", 0, 20, { FIELD_RIGHT }, 1, E_ACUTE "x", 3 },
	{ "left over a combining accent", "x" E_ACUTE, 4, 20, { FIELD_LEFT }, 1, "x" E_ACUTE, 1 },
	{ "backspace takes the accented letter", "x" E_ACUTE, 4, 20, { FIELD_BACKSPACE }, 1,
	  "x", 1 },
	{ "right over a Bengali conjunct", PRA KA, 0, 20, { FIELD_RIGHT }, 1, PRA KA, 9 },
	{ "left over a Bengali conjunct", KA PRA, 12, 20, { FIELD_LEFT }, 1, KA PRA, 3 },
	{ "backspace takes the conjunct whole", KA PRA, 12, 20, { FIELD_BACKSPACE }, 1, KA, 3 },
	{ "delete takes the conjunct whole", PRA KA, 0, 20, { FIELD_DELETE }, 1, KA, 0 },
	{ "Arabic letter with its vowel mark", BEH_KASRA REH, 0, 20, { FIELD_RIGHT }, 1,
	  BEH_KASRA REH, 4 },
	{ "CJK wide characters", YI YI, 6, 20, { FIELD_LEFT, FIELD_LEFT }, 2, YI YI, 0 },
	{ "emoji with a skin tone", THUMB "!", 0, 20, { FIELD_RIGHT }, 1, THUMB "!", 8 },
	{ "a ZWJ family deleted whole", FAMILY "!", 0, 20, { FIELD_DELETE }, 1, "!", 0 },
	{ "a ZWJ family left whole", "a" FAMILY, 19, 20, { FIELD_LEFT }, 1, "a" FAMILY, 1 },
	/* "publicly committed" at 10 columns: two rows, never "publicl/y" */
	{ "down keeps the column", "publicly committed", 3, 10, { FIELD_DOWN }, 1,
	  "publicly committed", 12 },
	{ "up keeps the column", "publicly committed", 12, 10, { FIELD_UP }, 1,
	  "publicly committed", 3 },
	{ "down past a shorter row's end", "committed to it", 8, 10, { FIELD_DOWN }, 1,
	  "committed to it", 15 },
	{ "down by columns over wide characters", YI YI YI "\n" "abcd", 6, 20, { FIELD_DOWN }, 1,
	  YI YI YI "\n" "abcd", 14 },
	{ "up at the top row changes nothing", "ab", 1, 10, { FIELD_UP }, 1, "ab", 1 },
	{ "line start and end", "ab\ncd", 4, 10, { FIELD_LINE_START, FIELD_RIGHT,
	  FIELD_LINE_END }, 3, "ab\ncd", 5 },
	{ "kill to the end of the line", "ab\ncd", 1, 10, { FIELD_KILL_END }, 1, "a\ncd", 1 },
	{ "kill at a line's end joins the lines", "ab\ncd", 2, 10, { FIELD_KILL_END }, 1,
	  "abcd", 2 },
	{ "kill to the start of the line", "ab\ncd", 4, 10, { FIELD_KILL_START }, 1, "ab\nd", 3 },
	{ "right at the end changes nothing", "ab", 2, 10, { FIELD_RIGHT }, 1, "ab", 2 },
};

static void test_edits(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof edit_cases / sizeof edit_cases[0]; i++) {
		const struct edit_case *c = &edit_cases[i];
		struct editor_field f = { 0 };
		field_set(&f, c->text);
		f.cursor = c->cursor;
		for (int k = 0; k < c->count; k++)
			field_edit(&f, c->edits[k], c->width);
		if (strcmp(f.text, c->after) != 0 || f.cursor != c->at)
			fail_msg("%s: text [%s] cursor %zu; expected [%s] cursor %zu", c->name,
				 f.text, f.cursor, c->after, c->at);
		assert_int_equal(f.length, strlen(f.text));
		field_finish(&f);
	}
}

struct layout_case {
	const char *text;
	int width;
	const char *rows; /* joined with '|' */
};

/* The editor lays out as every screen wraps: at word boundaries. */
static const struct layout_case layout_cases[] = {
	{ "the council is publicly committed", 16, "the council is|publicly|committed" },
	{ "\xd8\xa7\xd9\x84\xd8\xb9\xd8\xb1\xd8\xa8\xd9\x8a\xd8\xa9 \xd9\x88\xd8\xa7\xd9\x84", 8,
	  "\xd8\xa7\xd9\x84\xd8\xb9\xd8\xb1\xd8\xa8\xd9\x8a\xd8\xa9|\xd9\x88\xd8\xa7\xd9\x84" },
	{ "see https://example.org/a/b", 12, "see https://|example.org/|a/b" },
	{ "well-led teams", 6, "well-|led|teams" },
	{ "Category\xc2\xa0one", 10, "Category\xc2\xa0o|ne" },
	{ YI YI YI, 4, YI YI "|" YI },
	{ "Zo" E_ACUTE " " PRA KA, 3, "Zo" E_ACUTE "|" PRA KA },
	{ "a\n", 10, "a|" },
};

static void test_layout(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof layout_cases / sizeof layout_cases[0]; i++) {
		const struct layout_case *c = &layout_cases[i];
		struct editor_field f = { 0 };
		field_set(&f, c->text);
		struct text_lines lines;
		assert_int_equal(field_layout(&f, c->width, &lines), 0);
		char got[256] = "";
		for (size_t k = 0; k < lines.count; k++) {
			if (k)
				strcat(got, "|");
			strncat(got, f.text + lines.line[k].start,
				lines.line[k].end - lines.line[k].start);
		}
		if (strcmp(got, c->rows) != 0)
			fail_msg("case %zu: [%s]; expected [%s]", i, got, c->rows);
		/* the cursor at the end is on the last row */
		assert_int_equal(field_cursor_row(&f, &lines), lines.count - 1);
		text_lines_finish(&lines);
		field_finish(&f);
	}
}

/* Typing: text goes in at the cursor, which moves past it. */
static void test_insert(void **state)
{
	(void)state;
	struct editor_field f = { 0 };
	field_set(&f, "Zo");
	field_insert(&f, "\xc3\xab", 2);
	f.cursor = 0;
	field_insert(&f, "\xc5\x81", 2);
	assert_string_equal(f.text, "\xc5\x81Zo\xc3\xab");
	assert_int_equal(f.cursor, 2);
	assert_int_equal(field_characters(&f), 4);
	field_finish(&f);
	field_finish(&f); /* a finished field can be finished again */
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_edits),
		cmocka_unit_test(test_layout),
		cmocka_unit_test(test_insert),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
