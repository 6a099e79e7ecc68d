/* Unit tests: the one wording of levels and states (rule 13). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_level_words),
		cmocka_unit_test(test_state_words),
		cmocka_unit_test(test_progress_words),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
