/* Unit tests: what spreadsheets write, recognised. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "spreadsheet.h"

/* Dates in the day-first order a UK spreadsheet writes. */
static void test_uk_dates(void **state)
{
	(void)state;
	static const struct { const char *text, *iso; bool two_digit; } cases[] = {
		{ "24/11/2026", "2026-11-24", false },
		{ " 1/2/2027 ", "2027-02-01", false },
		{ "24/11/26", "2026-11-24", true },
		{ "29/02/2028", "2028-02-29", false },
		{ "24.11.2026", "2026-11-24", false },
		{ "24-11-2026", "2026-11-24", false },
		{ "11/24/2026", NULL, false },  /* the US order: no month 24 */
		{ "29/02/2027", NULL, false },  /* no such day */
		{ "2026-11-24", NULL, false },  /* ISO: not this form (read as it is) */
		{ "24/11/2026 10:00", NULL, false },
		{ "24/11", NULL, false },
		{ "24/11/226", NULL, false },
		{ "24/11-2026", NULL, false },
		{ "01/01/1899", NULL, false },
		{ "", NULL, false },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char iso[11] = "";
		bool two = false;
		bool ok = spreadsheet_uk_date(cases[i].text, iso, &two);
		if (ok != (cases[i].iso != NULL))
			fail_msg("case %zu (%s): %s", i, cases[i].text, ok ? "read" : "refused");
		if (ok) {
			assert_string_equal(iso, cases[i].iso);
			assert_int_equal(two, cases[i].two_digit);
		}
	}
}

static void test_bare_dates(void **state)
{
	(void)state;
	static const struct { const char *text; bool date; } cases[] = {
		{ "03/01/27", true }, { "01/03/2027", true }, { " 24.11.2026 ", true },
		{ "Mar-27", true }, { "1-Mar-27", true }, { "01-Mar-2027", true }, { "1-Mar", true },
		{ "12/31/2027", true }, /* month first: still a date a spreadsheet wrote */
		{ "2027-03-01", false }, { "March 2027", false }, { "Q3 2026", false },
		{ "31/31/27", false }, { "by 03/01/27", false }, { "3/1", false },
		{ "Marc-27", false }, { "6.10", false }, { "", false }, { "1-Xyz-27", false },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		if (spreadsheet_bare_date(cases[i].text) != cases[i].date)
			fail_msg("case %zu (%s): expected %s", i, cases[i].text,
				 cases[i].date ? "a date" : "text");
}

static void test_would_change(void **state)
{
	(void)state;
	static const struct { const char *text; bool changes; } cases[] = {
		/* numbers written back otherwise */
		{ "6.10", true }, { "007", true }, { "1,000", true }, { "1e5", true },
		{ ".5", true }, { "5.", true }, { "\xc2\xa3" "5", true }, { "$5", true },
		{ "1234567890123456", true }, { "TRUE", true }, { "false", true },
		/* dates and times, in numbers or words */
		{ "March 2027", true }, { "1 March", true }, { "1st March 2027", true },
		{ "Mar-27", true }, { "03/01/27", true }, { "1/2", true }, { "24.11.2026", true },
		{ "12:30", true }, { "9:00 am", true }, { "Sept 2027", true },
		/* written back as they are, or text */
		{ "1.1", false }, { "14", false }, { "0", false }, { "0.5", false }, { "10%", false },
		{ "2026-11-24", false }, { "Q3 2026", false }, { "March", false }, { "", false },
		{ "'-3", false }, { "March 2027\nand later", false }, { "6.1.2", false },
		{ "2 staff", false }, { "May we", false }, { "3-4 weeks", false }, { "2a.10", false },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		if (spreadsheet_would_change(cases[i].text) != cases[i].changes)
			fail_msg("case %zu (%s): expected %s", i, cases[i].text,
				 cases[i].changes ? "changed" : "kept");
}

static void test_number_keys(void **state)
{
	(void)state;
	static const struct { const char *text, *key; } cases[] = {
		{ "6.10", "6.1" }, { "6.1", "6.1" }, { " 6.100 ", "6.1" }, { "06.1", "6.1" },
		{ "7", "7" }, { "7.0", "7" }, { "0.5", "0.5" }, { "2a.1", NULL }, { "6.", NULL },
		{ ".5", NULL }, { "", NULL }, { "6.1.2", NULL }, { "-6.1", NULL },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char key[16];
		bool ok = spreadsheet_number_key(cases[i].text, key, sizeof key);
		if (ok != (cases[i].key != NULL))
			fail_msg("case %zu (%s)", i, cases[i].text);
		if (ok)
			assert_string_equal(key, cases[i].key);
	}
	char small[3];
	assert_false(spreadsheet_number_key("6.10", small, sizeof small));
}

static void test_notes(void **state)
{
	(void)state;
	struct spreadsheet_notes notes = {0};
	for (int i = 0; i < 20; i++)
		assert_int_equal(spreadsheet_note(&notes, i % 3 == 0, "note %d of %s", i, "f.csv"), 0);
	assert_int_equal(notes.count, 20);
	assert_int_equal(spreadsheet_warnings(&notes), 7);
	assert_string_equal(notes.items[19].text, "note 19 of f.csv");
	spreadsheet_notes_finish(&notes);
	assert_int_equal(notes.count, 0);
	spreadsheet_notes_finish(&notes);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_uk_dates),
		cmocka_unit_test(test_bare_dates),
		cmocka_unit_test(test_would_change),
		cmocka_unit_test(test_number_keys),
		cmocka_unit_test(test_notes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
