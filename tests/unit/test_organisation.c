/* Unit tests: one definition of "same organisation" (NFC, case-folded,
 * white space collapsed). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "organisation.h"

static void test_keys(void **state)
{
	(void)state;
	static const struct {
		const char *name, *key;
	} cases[] = {
		{ "London Borough of Camden", "london borough of camden" },
		{ "  London  Borough of\tCamden \r\n", "london borough of camden" },
		{ "LONDON BOROUGH OF CAMDEN", "london borough of camden" },
		{ "Royal\u00a0Borough of Greenwich", "royal borough of greenwich" }, /* no-break space */
		{ "Cafe\u0301 Council", "caf\u00e9 council" },  /* decomposed accent: NFC */
		{ "Caf\u00e9 Council", "caf\u00e9 council" },
		{ "Stra\u00dfe", "strasse" },                   /* full case folding */
		{ "", "" },
		{ " \t ", "" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *key = organisation_key(cases[i].name);
		assert_non_null(key);
		if (strcmp(key, cases[i].key) != 0)
			fail_msg("\"%s\": key \"%s\", expected \"%s\"", cases[i].name, key,
				 cases[i].key);
		free(key);
	}
	assert_null(organisation_key("bad \xff byte"));
}

static void test_same(void **state)
{
	(void)state;
	static const struct {
		const char *a, *b;
		bool same;
	} cases[] = {
		{ "London Borough of Camden", "london borough of  camden ", true },
		{ "Caf\u00e9", "CAFE\u0301", true },
		{ "London Borough of Camden", "London Borough of Brent", false },
		{ "Camden", "Camden Council", false },
		{ "Borough 1", "Borough 01", false },
		{ "", "", true },
		{ "bad \xff", "bad \xff", false },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		if (organisation_same(cases[i].a, cases[i].b) != cases[i].same)
			fail_msg("\"%s\" and \"%s\": expected %s", cases[i].a, cases[i].b,
				 cases[i].same ? "the same" : "different");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_keys),
		cmocka_unit_test(test_same),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
