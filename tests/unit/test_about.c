/* core/about: the About page as a model, on the built-in Standard and on
 * the test frameworks (one with its own about.csv and a note on a
 * descriptor, one without about.csv). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "about.h"

static struct framework *framework_named(const char *name)
{
	struct tri_error err = {{0}};
	struct framework *fw;
	if (!name) {
		fw = framework_load_embedded(&err);
	} else {
		char path[1024];
		snprintf(path, sizeof path, "%s/%s", getenv("TRI_FRAMEWORKS"), name);
		fw = framework_load_dir(path, &err);
	}
	if (!fw)
		fail_msg("%s: %s", name ? name : "built-in", err.message);
	return fw;
}

/* The index of the first block of kind whose text starts with prefix, or
 * -1. */
static long find(const struct about_page *page, enum about_kind kind, const char *prefix)
{
	for (size_t i = 0; i < page->count; i++)
		if (page->blocks[i].kind == kind &&
		    strncmp(page->blocks[i].text, prefix, strlen(prefix)) == 0)
			return (long)i;
	return -1;
}

/* Each case: blocks that must be there, in this order. */
static void test_pages(void **state)
{
	(void)state;
	static const struct {
		const char *fixture;
		struct { enum about_kind kind; const char *prefix; } blocks[6];
	} cases[] = {
		{ NULL, {
			{ ABOUT_HEADING, "Strategic Context [1] [2]" },
			{ ABOUT_NOTE, "[1] The London local government Tackling Racial" },
			{ ABOUT_HEADING, "Our Duty [3]" },
			{ ABOUT_ITEM, "Developing practice \u2013 Limited or no compliance" },
			{ ABOUT_ITEM, "Leading practice: 3 points" },
			{ ABOUT_HEADING, "Where this text comes from" } } },
		{ "five-levels", {
			{ ABOUT_HEADING, "Purpose" },
			{ ABOUT_PARAGRAPH, "A framework made up for tri-assess's tests" },
			{ ABOUT_NOTE, "[3] Under way means started" },
			{ ABOUT_HEADING, "Scoring" },
			{ ABOUT_ITEM, "None: 0 points" },
			{ ABOUT_HEADING, "Where this text comes from" } } },
		{ "two-levels", { /* no about.csv: the scale, then the source */
			{ ABOUT_PARAGRAPH, "Two-level test checklist, version 2" },
			{ ABOUT_HEADING, "Levels of practice" },
			{ ABOUT_HEADING, "Points per level" },
			{ ABOUT_ITEM, "Not met: 0 points" },
			{ ABOUT_HEADING, "Where this text comes from" },
			{ ABOUT_PARAGRAPH, "Source: " } } },
	};
	for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
		struct framework *fw = framework_named(cases[k].fixture);
		struct about_page page;
		assert_int_equal(about_page_init(&page, fw, NULL), 0);
		long previous = -1;
		for (size_t b = 0; b < 6; b++) {
			long at = find(&page, cases[k].blocks[b].kind, cases[k].blocks[b].prefix);
			if (at <= previous)
				fail_msg("%s: block %zu \"%s\" at %ld, after %ld",
					 cases[k].fixture ? cases[k].fixture : "built-in", b,
					 cases[k].blocks[b].prefix, at, previous);
			previous = at;
		}
		/* every paragraph of about.csv is a block, verbatim */
		for (size_t i = 0; i < fw->about_count; i++)
			if (fw->about[i].insert == FRAMEWORK_INSERT_NONE)
				assert_true(find(&page, ABOUT_PARAGRAPH, fw->about[i].text) >= 0);
		about_page_finish(&page);
		about_page_finish(&page); /* (finish twice is harmless) */
		framework_destroy(fw);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pages),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
