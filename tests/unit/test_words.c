/* Unit tests: the one wording of levels and states (rule 13). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "framework.h"
#include "score.h"
#include "words.h"
#include "levels_fixture.h"

static void test_level_words(void **state)
{
	(void)state;
	static const struct {
		enum level level;
		const char *word, *title, *machine;
	} cases[] = {
		{ LEVEL_UNANSWERED, "not assessed", "not assessed", "" },
		{ LEVEL_NONE, "None", "None", "none" },
		{ LEVEL_DEVELOPING, "Developing", "Developing practice", "developing" },
		{ LEVEL_ESTABLISHED, "Established", "Established practice", "established" },
		{ LEVEL_LEADING, "Leading", "Leading practice", "leading" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		assert_string_equal(words_level(fw, cases[i].level), cases[i].word);
		assert_string_equal(words_level_title(fw, cases[i].level), cases[i].title);
		assert_string_equal(framework_level_name(fw, cases[i].level), cases[i].machine);
	}
}

/* Category 1 (8 rows) and Category 2 (28), from no answers to all. */
static void test_state_words(void **state)
{
	(void)state;
	static const struct {
		size_t category, answered;
		enum level each;
		const char *full, *brief;
	} cases[] = {
		{ 0, 0, LEVEL_NONE, "not assessed", "not assessed" },
		{ 0, 5, LEVEL_DEVELOPING, "Developing so far, 5 of 8 answered", "Developing so far" },
		{ 0, 7, LEVEL_LEADING, "Leading so far, 7 of 8 answered", "Leading so far" },
		{ 0, 8, LEVEL_NONE, "Developing", "Developing" },
		{ 0, 8, LEVEL_DEVELOPING, "Developing", "Developing" },
		{ 1, 1, LEVEL_NONE, "Developing so far, 1 of 28 answered", "Developing so far" },
		{ 1, 28, LEVEL_LEADING, "Leading", "Leading" },
	};
	for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
		for (size_t i = 0; i < fw->criterion_count; i++)
			levels[i] = LEVEL_UNANSWERED;
		const struct framework_category *cat = &fw->categories[cases[k].category];
		for (size_t i = 0; i < cases[k].answered; i++) {
			size_t row = cat->first_criterion + i;
			/* the row's nearest cell at or below the wanted level */
			enum level l = cases[k].each;
			while (!framework_has_level(&fw->criteria[row], l))
				l = (enum level)(l - 1);
			if (cases[k].each == LEVEL_LEADING)
				l = framework_top_level(&fw->criteria[row]);
			levels[row] = l;
		}
		struct score_result r;
		score_category(fw, levels, cases[k].category, &r);
		char full[96], brief[96];
		words_state(fw, &r, WORDS_FULL, full, sizeof full);
		words_state(fw, &r, WORDS_BRIEF, brief, sizeof brief);
		if (strcmp(full, cases[k].full) != 0 || strcmp(brief, cases[k].brief) != 0)
			fail_msg("case %zu: \"%s\" / \"%s\"; expected \"%s\" / \"%s\"", k, full,
				 brief, cases[k].full, cases[k].brief);
		assert_true((int)strlen(full) <= words_state_width(fw, r.total, WORDS_FULL));
		assert_true((int)strlen(brief) <= words_state_width(fw, r.total, WORDS_BRIEF));
	}
	assert_int_equal(words_state_width(fw, 8, WORDS_FULL),
			 (int)strlen("Established so far, 8 of 8 answered"));
	assert_int_equal(words_state_width(fw, 28, WORDS_BRIEF), (int)strlen("Established so far"));
	/* a short buffer is cut, never overflowed */
	struct score_result r = { .state = SCORE_PROVISIONAL, .level = LEVEL_DEVELOPING,
				  .answered = 5, .total = 8 };
	char tiny[8];
	assert_string_equal(words_state(fw, &r, WORDS_FULL, tiny, sizeof tiny), "Develop");
}

static void test_progress_words(void **state)
{
	(void)state;
	static const struct {
		struct score_progress p;
		const char *text;
	} cases[] = {
		{ { 0, 69, 0, 0, 7 }, "0 of 69 criteria answered; 0 of 7 categories complete, "
		  "7 not assessed" },
		{ { 1, 69, 0, 1, 6 }, "1 of 69 criteria answered; 0 of 7 categories complete, "
		  "1 partly assessed, 6 not assessed" },
		{ { 60, 69, 5, 2, 0 }, "60 of 69 criteria answered; 5 of 7 categories complete, "
		  "2 partly assessed" },
		{ { 69, 69, 7, 0, 0 }, "69 of 69 criteria answered; 7 of 7 categories complete" },
	};
	for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
		char text[256];
		assert_string_equal(words_progress(&cases[k].p, 7, text, sizeof text), cases[k].text);
	}
}

/* A framework: the built-in Standard (fw), or a fixture of
 * tests/data/frameworks (TRI_FRAMEWORKS), which the caller destroys. */
static struct framework *framework_named(const char *name)
{
	if (!name)
		return fw;
	char path[1024];
	snprintf(path, sizeof path, "%s/%s", getenv("TRI_FRAMEWORKS"), name);
	struct tri_error err = {{0}};
	struct framework *other = framework_load_dir(path, &err);
	if (!other)
		fail_msg("%s: %s", name, err.message);
	return other;
}

/* Words and ranges come from the framework's levels: five, two, the
 * Standard's four. */
static void test_words_of_other_scales(void **state)
{
	(void)state;
	static const struct {
		const char *fixture;
		enum level level;
		const char *word, *title;
		size_t category;
		const char *ranges;
	} cases[] = {
		{ NULL, (enum level)3, "Leading", "Leading practice", 0,
		  "Developing 0-10, Established 11-18, Leading 19-22" },
		{ "five-levels", (enum level)1, "Emerging", "Emerging practice", 0,
		  "Emerging 0-4, Developing 5-10, Established 11-16, Leading 17-18" },
		{ "five-levels", (enum level)2, "Developing", "Developing practice", 2,
		  "Emerging 0-4, Developing 5-5, Established 6-14, Leading 15-16" },
		{ "two-levels", LEVEL_NONE, "Not met", "Not met", 1, "Met 0-2" },
		{ "two-levels", (enum level)1, "Met", "Met", 0, "Met 0-3" },
		{ "two-levels", (enum level)2, "not assessed", "not assessed", 0, "Met 0-3" },
	};
	for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
		struct framework *f = framework_named(cases[k].fixture);
		char text[256];
		assert_string_equal(words_level(f, cases[k].level), cases[k].word);
		assert_string_equal(words_level_title(f, cases[k].level), cases[k].title);
		assert_string_equal(words_ranges(f, &f->categories[cases[k].category], text,
						 sizeof text), cases[k].ranges);
		/* cut, never overflowed */
		assert_int_equal(strlen(words_ranges(f, &f->categories[cases[k].category], text, 6)),
				 5);
		if (f != fw)
			framework_destroy(f);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_level_words),
		cmocka_unit_test(test_state_words),
		cmocka_unit_test(test_progress_words),
		cmocka_unit_test(test_words_of_other_scales),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
