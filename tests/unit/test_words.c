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

/* levels[] from "EDEE ELNL": a letter per row of category 1 (N none,
 * D developing, E established, L leading, - not answered); others
 * unanswered. */
static void set_category1(const char *rows)
{
	for (size_t i = 0; i < fw->criterion_count; i++)
		levels[i] = LEVEL_UNANSWERED;
	for (size_t i = 0; rows[i]; i++) {
		const char *at = strchr("NDEL", rows[i]);
		levels[i] = at ? (enum level)(at - "NDEL") : LEVEL_UNANSWERED;
	}
}

/* A category, its points and its state in each place that lists them. */
static void test_category_lines(void **state)
{
	(void)state;
	static const struct {
		const char *rows; /* category 1 */
		size_t category;
		enum words_line line;
		const char *text, *summary;
	} cases[] = {
		{ "EDEEELNL", 0, WORDS_LINE_TABLE,
		  "  1  Strategic Leadership and Management   15 / 22  Established",
		  "15/22 Established" },
		{ "EDEEELNL", 0, WORDS_LINE_PLAIN,
		  "  Category 1 Strategic Leadership and Management   15/22  Established",
		  "15/22 Established" },
		{ "EDEEELNL", 0, WORDS_LINE_SENTENCE,
		  "Category 1: Strategic Leadership and Management: 15/22, Established.",
		  "15/22 Established" },
		{ "ED-EN", 0, WORDS_LINE_TABLE,
		  "  1  Strategic Leadership and Management    5 / 22  Developing so far, 4 of 8 answered",
		  "5/22 Developing so far" },
		{ "", 1, WORDS_LINE_TABLE,
		  "  2  Employee Lifecycle                     0 / 76  not assessed", "0/76 not assessed" },
		{ "", 1, WORDS_LINE_PLAIN,
		  "  Category 2 Employee Lifecycle                     0/76  not assessed",
		  "0/76 not assessed" },
		{ "", 6, WORDS_LINE_SENTENCE,
		  "Category 7: Community Engagement: 0/21, not assessed.", "0/21 not assessed" },
	};
	for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
		set_category1(cases[k].rows);
		struct score_result r;
		score_category(fw, levels, cases[k].category, &r);
		char text[512], summary[128], points[16];
		assert_string_equal(words_category(fw, cases[k].category, &r, cases[k].line, text,
						   sizeof text), cases[k].text);
		assert_string_equal(words_summary(fw, &r, WORDS_BRIEF, summary, sizeof summary),
				    cases[k].summary);
		words_points(&r, points, sizeof points);
		assert_int_equal(strncmp(points, summary, strlen(points)), 0);
		assert_int_equal(summary[strlen(points)], ' ');
		assert_int_equal(strlen(words_category(fw, cases[k].category, &r, cases[k].line,
						       text, 12)), 11);
	}
}

/* Category 2's sections, and the totals, in score's and plain mode's
 * layouts. */
static void test_sections_and_totals(void **state)
{
	(void)state;
	for (size_t i = 0; i < fw->criterion_count; i++)
		levels[i] = LEVEL_UNANSWERED;
	levels[fw->sections[0].first_criterion] = framework_top_level(
		&fw->criteria[fw->sections[0].first_criterion]);
	for (size_t i = 0; i < fw->sections[3].criterion_count; i++)
		levels[fw->sections[3].first_criterion + i] = LEVEL_NONE;
	static const struct { size_t section; const char *text; } sections[] = {
		{ 0, "     2a  Recruitment                         3 / 25   1 of 9 answered" },
		{ 1, "     2b  Induction and Supervision           0 / 20   0 of 7 answered" },
		{ 3, "     2d  Retention and Reward                0 / 6  " },
	};
	for (size_t k = 0; k < sizeof sections / sizeof sections[0]; k++) {
		struct score_result r;
		score_section(fw, levels, sections[k].section, &r);
		char text[256];
		assert_string_equal(words_section(fw, sections[k].section, &r, text, sizeof text),
				    sections[k].text);
	}
	char text[512];
	assert_string_equal(words_totals(fw, levels, WORDS_LINE_TABLE, text, sizeof text),
			    "  Total points: 3 / 190 (the Standard sets levels per category, not "
			    "overall)\n  Assessed: 3 of 69 criteria answered; 0 of 7 categories "
			    "complete, 1 partly assessed, 6 not assessed");
	assert_string_equal(words_totals(fw, levels, WORDS_LINE_PLAIN, text, sizeof text),
			    "  Total points 3/190 (the Standard gives levels per category, not "
			    "overall)\n  Assessed: 3 of 69 criteria answered; 0 of 7 categories "
			    "complete, 1 partly assessed, 6 not assessed");
}

/* The same words from a framework of five levels and one of two. */
static void test_category_lines_other_scales(void **state)
{
	(void)state;
	static const struct {
		const char *fixture;
		const char *answers[4];
		const char *line, *summary;
	} cases[] = {
		{ "five-levels", { "established", "developing", "none", "emerging" },
		  "  1  Leadership                             7 / 18  Developing", "7/18 Developing" },
		{ "five-levels", { "leading", "leading", "established", NULL },
		  "  1  Leadership                            16 / 18  Established so far, 3 of 4 answered",
		  "16/18 Established so far" },
		{ "two-levels", { "met", "not_met", "met", NULL },
		  "  1  Governance                             2 / 3   Met", "2/3 Met" },
		{ "two-levels", { "not_met", NULL, NULL, NULL },
		  "  1  Governance                             0 / 3   Met so far, 1 of 3 answered",
		  "0/3 Met so far" },
	};
	for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
		struct framework *f = framework_named(cases[k].fixture);
		enum level *at = malloc(f->criterion_count * sizeof *at);
		assert_non_null(at);
		for (size_t i = 0; i < f->criterion_count; i++)
			at[i] = LEVEL_UNANSWERED;
		for (size_t i = 0; i < 4 && cases[k].answers[i]; i++)
			assert_true(framework_level_parse(f, cases[k].answers[i], &at[i]));
		struct score_result r;
		score_category(f, at, 0, &r);
		char text[512];
		assert_string_equal(words_category(f, 0, &r, WORDS_LINE_TABLE, text, sizeof text),
				    cases[k].line);
		assert_string_equal(words_summary(f, &r, WORDS_BRIEF, text, sizeof text),
				    cases[k].summary);
		free(at);
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
		cmocka_unit_test(test_category_lines),
		cmocka_unit_test(test_sections_and_totals),
		cmocka_unit_test(test_category_lines_other_scales),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
