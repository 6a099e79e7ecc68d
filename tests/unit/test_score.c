/* Unit tests: scoring as the Standard defines it. */
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
#include "levels_fixture.h"


static void set_all(enum level level)
{
	for (size_t i = 0; i < fw->criterion_count; i++)
		levels[i] = level;
}

/* The Standard's worked example: Category 1 scores 15, Established. */
static void test_worked_example(void **state)
{
	(void)state;
	set_all(LEVEL_UNANSWERED);
	static const enum level example[8] = {
		LEVEL_ESTABLISHED, LEVEL_DEVELOPING, LEVEL_ESTABLISHED, LEVEL_ESTABLISHED,
		LEVEL_ESTABLISHED, LEVEL_LEADING, LEVEL_NONE, LEVEL_LEADING,
	};
	static const int row_points[8] = { 2, 1, 2, 2, 2, 3, 0, 3 };
	for (size_t i = 0; i < 8; i++) {
		assert_true(framework_has_level(&fw->criteria[i], example[i]));
		levels[i] = example[i];
		assert_int_equal(framework_points(fw, levels[i]), row_points[i]);
	}
	struct score_result r;
	score_category(fw, levels, 0, &r);
	assert_int_equal(r.score, 15);
	assert_int_equal(r.level, LEVEL_ESTABLISHED);
	assert_int_equal(r.max, 22);
	assert_int_equal(r.answered, 8);
	assert_int_equal(r.next_level, LEVEL_LEADING);
	assert_int_equal(r.points_to_next, 4);
}

/* Every row at its highest cell gives each category's maximum. */
static void test_category_maxima(void **state)
{
	(void)state;
	static const int max[7] = { 22, 76, 18, 15, 11, 27, 21 };
	static const int section_max[5] = { 25, 20, 16, 6, 9 };
	for (size_t i = 0; i < fw->criterion_count; i++)
		levels[i] = framework_top_level(&fw->criteria[i]);
	for (size_t c = 0; c < 7; c++) {
		struct score_result r;
		score_category(fw, levels, c, &r);
		assert_int_equal(r.score, max[c]);
		assert_int_equal(r.max, max[c]);
		assert_int_equal(r.level, LEVEL_LEADING);
		assert_int_equal(r.points_to_next, 0);
	}
	for (size_t s = 0; s < 5; s++) {
		struct score_result r;
		score_section(fw, levels, s, &r);
		assert_int_equal(r.score, section_max[s]);
	}
	int total, total_max;
	score_total(fw, levels, &total, &total_max);
	assert_int_equal(total, 190);
	assert_int_equal(total_max, 190);
}

/* Each published boundary, and a score beyond the published maximum. */
static void test_range_boundaries(void **state)
{
	(void)state;
	for (size_t c = 0; c < fw->category_count; c++) {
		const struct framework_category *cat = &fw->categories[c];
		const struct framework_range *p = cat->published;
		const struct { int score; enum level level; } cases[] = {
			{ 0, LEVEL_DEVELOPING },
			{ p[1].to, LEVEL_DEVELOPING },
			{ p[1].to + 1, LEVEL_ESTABLISHED },
			{ p[2].from, LEVEL_ESTABLISHED },
			{ p[2].to, LEVEL_ESTABLISHED },
			{ p[2].to + 1, LEVEL_LEADING },
			{ p[3].to, LEVEL_LEADING },
			{ p[3].to + 1, LEVEL_LEADING },
		};
		for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
			if (score_level_for(fw, cat, cases[i].score) != cases[i].level)
				fail_msg("category %s score %d: level %d, expected %d", cat->id,
					 cases[i].score, score_level_for(fw, cat, cases[i].score),
					 cases[i].level);
	}
}

/* Category 2 all leading scores 76, above its published maximum 75: Leading. */
static void test_category2_above_published_max(void **state)
{
	(void)state;
	for (size_t i = 0; i < fw->criterion_count; i++)
		levels[i] = framework_top_level(&fw->criteria[i]);
	struct score_result r;
	score_category(fw, levels, 1, &r);
	assert_int_equal(r.score, 76);
	assert_true(r.score > fw->categories[1].published[LEVEL_LEADING].to);
	assert_int_equal(r.level, LEVEL_LEADING);
}

static void test_unanswered_and_none(void **state)
{
	(void)state;
	set_all(LEVEL_UNANSWERED);
	struct score_result r;
	score_category(fw, levels, 3, &r);
	assert_int_equal(r.score, 0);
	assert_int_equal(r.answered, 0);
	assert_int_equal(r.total, 5);
	/* no answers, no level (issue 10): not Developing */
	assert_int_equal(r.state, SCORE_NOT_ASSESSED);
	assert_int_equal(r.level, LEVEL_UNANSWERED);
	assert_int_equal(r.points_to_next, 3);
	set_all(LEVEL_NONE);
	score_category(fw, levels, 3, &r);
	assert_int_equal(r.score, 0);
	assert_int_equal(r.answered, 5);
	assert_int_equal(r.state, SCORE_COMPLETE);
	assert_int_equal(r.level, LEVEL_DEVELOPING);
}

/* The state of a category, from how many rows have an answer: category 1
 * (8 rows) with the worked example's first n answers. */
static void test_category_state(void **state)
{
	(void)state;
	static const enum level example[8] = {
		LEVEL_ESTABLISHED, LEVEL_DEVELOPING, LEVEL_ESTABLISHED, LEVEL_ESTABLISHED,
		LEVEL_ESTABLISHED, LEVEL_LEADING, LEVEL_NONE, LEVEL_LEADING,
	};
	static const struct {
		size_t answered;
		int score;
		enum score_state state;
		enum level level;
	} cases[] = {
		{ 0, 0, SCORE_NOT_ASSESSED, LEVEL_UNANSWERED },
		{ 1, 2, SCORE_PROVISIONAL, LEVEL_DEVELOPING },
		{ 5, 9, SCORE_PROVISIONAL, LEVEL_DEVELOPING },
		{ 6, 12, SCORE_PROVISIONAL, LEVEL_ESTABLISHED },
		{ 7, 12, SCORE_PROVISIONAL, LEVEL_ESTABLISHED },
		{ 8, 15, SCORE_COMPLETE, LEVEL_ESTABLISHED },
	};
	for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
		set_all(LEVEL_UNANSWERED);
		for (size_t i = 0; i < cases[k].answered; i++)
			levels[i] = example[i];
		struct score_result r;
		score_category(fw, levels, 0, &r);
		if (r.answered != cases[k].answered || r.score != cases[k].score ||
		    r.state != cases[k].state || r.level != cases[k].level)
			fail_msg("%zu answered: answered %zu score %d state %d level %d; expected "
				 "score %d state %d level %d", cases[k].answered, r.answered, r.score,
				 r.state, r.level, cases[k].score, cases[k].state, cases[k].level);
	}
	/* a single None answer is an answer: the category is provisional */
	set_all(LEVEL_UNANSWERED);
	levels[6] = LEVEL_NONE;
	struct score_result r;
	score_category(fw, levels, 0, &r);
	assert_int_equal(r.state, SCORE_PROVISIONAL);
	assert_int_equal(r.level, LEVEL_DEVELOPING);
	/* a section has its state too (and no level) */
	set_all(LEVEL_UNANSWERED);
	levels[fw->sections[0].first_criterion] = LEVEL_LEADING;
	score_section(fw, levels, 0, &r);
	assert_int_equal(r.state, SCORE_PROVISIONAL);
	assert_int_equal(r.answered, 1);
	score_section(fw, levels, 1, &r);
	assert_int_equal(r.state, SCORE_NOT_ASSESSED);
}

/* Counting a whole assessment: rows, and categories by state. */
static void test_progress(void **state)
{
	(void)state;
	struct score_progress p;
	set_all(LEVEL_UNANSWERED);
	score_progress(fw, levels, &p);
	assert_int_equal(p.answered, 0);
	assert_int_equal(p.criteria, 69);
	assert_int_equal(p.not_assessed, 7);
	levels[0] = LEVEL_DEVELOPING; /* 1 of 69: issue 10's report */
	score_progress(fw, levels, &p);
	assert_int_equal(p.answered, 1);
	assert_int_equal(p.provisional, 1);
	assert_int_equal(p.not_assessed, 6);
	assert_int_equal(p.complete, 0);
	set_all(LEVEL_NONE);
	score_progress(fw, levels, &p);
	assert_int_equal(p.answered, 69);
	assert_int_equal(p.complete, 7);
}

static void test_derived_ranges(void **state)
{
	(void)state;
	static const int derived[7][3] = {
		{ 10, 18, 22 }, { 38, 60, 76 }, { 10, 12, 18 }, { 2, 13, 15 },
		{ 5, 9, 11 }, { 14, 23, 27 }, { 9, 16, 21 },
	};
	for (size_t c = 0; c < 7; c++) {
		struct framework_range r[LEVEL_MAX_COUNT];
		score_derived_ranges(fw, c, r);
		for (int l = 1; l <= 3; l++)
			if (r[l].to != derived[c][l - 1])
				fail_msg("category %zu level %d: derived top %d, expected %d",
					 c + 1, l, r[l].to, derived[c][l - 1]);
		assert_int_equal(r[2].from, r[1].to + 1);
	}
}

/* The only disagreements in Version 14 are Category 2's three tops. */
static void test_check_ranges(void **state)
{
	(void)state;
	struct score_disagreement found[16];
	size_t n = score_check_ranges(fw, found, 16);
	assert_int_equal(n, 3);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(found[i].category, 1);
	assert_non_null(strstr(found[0].message, "published 36, derived from the table 38"));
	assert_non_null(strstr(found[1].message, "published 59, derived from the table 60"));
	assert_non_null(strstr(found[2].message, "published 75, derived from the table 76"));
}

/* A fixture framework of tests/data/frameworks (TRI_FRAMEWORKS). */
static struct framework *fixture(const char *name)
{
	char path[1024];
	snprintf(path, sizeof path, "%s/%s", getenv("TRI_FRAMEWORKS"), name);
	struct tri_error err = {{0}};
	struct framework *other = framework_load_dir(path, &err);
	if (!other)
		fail_msg("%s: %s", name, err.message);
	return other;
}

/* Scores, levels and the next level on scales of five levels (points 0,
 * 1, 2, 4, 6) and of two (not_met, met): category 1's rows as given, "-"
 * for not answered. */
static void test_other_scales(void **state)
{
	(void)state;
	static const struct {
		const char *fixture;
		const char *answers[4];
		int score;
		enum score_state state;
		enum level level, next;
		int to_next;
	} cases[] = {
		{ "five-levels", { "established", "developing", "none", "emerging" }, 7,
		  SCORE_COMPLETE, 2, 3, 4 },
		{ "five-levels", { "leading", "leading", "established", "developing" }, 18,
		  SCORE_COMPLETE, 4, LEVEL_NONE, 0 },
		{ "five-levels", { "emerging", "none", "none", "emerging" }, 2,
		  SCORE_COMPLETE, 1, 2, 3 },
		{ "five-levels", { "leading", "-", "-", "-" }, 6, SCORE_PROVISIONAL, 2, 3, 5 },
		{ "five-levels", { "-", "-", "-", "-" }, 0, SCORE_NOT_ASSESSED, LEVEL_UNANSWERED, 2, 5 },
		{ "two-levels", { "met", "not_met", "met" }, 2, SCORE_COMPLETE, 1, LEVEL_NONE, 0 },
		{ "two-levels", { "not_met", "-", "-" }, 0, SCORE_PROVISIONAL, 1, LEVEL_NONE, 0 },
		{ "two-levels", { "-", "-", "-" }, 0, SCORE_NOT_ASSESSED, LEVEL_UNANSWERED,
		  LEVEL_NONE, 0 },
	};
	for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
		struct framework *other = fixture(cases[k].fixture);
		enum level *at = malloc(other->criterion_count * sizeof *at);
		assert_non_null(at);
		for (size_t i = 0; i < other->criterion_count; i++)
			at[i] = LEVEL_UNANSWERED;
		for (size_t i = 0; i < 4 && cases[k].answers[i]; i++)
			assert_true(strcmp(cases[k].answers[i], "-") == 0 ||
				    framework_level_parse(other, cases[k].answers[i], &at[i]));
		struct score_result r;
		score_category(other, at, 0, &r);
		if (r.score != cases[k].score || r.state != cases[k].state ||
		    r.level != cases[k].level || r.next_level != cases[k].next ||
		    r.points_to_next != cases[k].to_next)
			fail_msg("case %zu: %d, state %d, level %d, next %d (+%d)", k, r.score,
				 r.state, r.level, r.next_level, r.points_to_next);
		free(at);
		framework_destroy(other);
	}
}

/* On five levels, each published boundary gives its level; the fixture's
 * published ranges were made by the derived-range rule independently
 * (Python), so the derived ranges agree with them in every category. */
static void test_five_level_ranges(void **state)
{
	(void)state;
	struct framework *other = fixture("five-levels");
	for (size_t c = 0; c < other->category_count; c++) {
		const struct framework_category *cat = &other->categories[c];
		for (size_t l = 1; l < other->level_count; l++) {
			assert_int_equal(score_level_for(other, cat, cat->published[l].from),
					 (enum level)l);
			assert_int_equal(score_level_for(other, cat, cat->published[l].to),
					 (enum level)l);
		}
		assert_int_equal(score_level_for(other, cat, 100000), (enum level)4);
		struct framework_range derived[LEVEL_MAX_COUNT];
		score_derived_ranges(other, c, derived);
		for (size_t l = 1; l < other->level_count; l++) {
			assert_int_equal(derived[l].from, cat->published[l].from);
			assert_int_equal(derived[l].to, cat->published[l].to);
		}
		assert_int_equal(derived[other->level_count - 1].to, score_category_max(other, c));
	}
	struct score_disagreement found[4];
	assert_int_equal(score_check_ranges(other, found, 4), 0);
	framework_destroy(other);
}

/* The derived-range rule row by row on five levels (points 1, 2, 4, 6):
 * a row counts for level k by its cell k, else k + 1, else its highest
 * below k.  One row per category, cells as letters E D S L. */
static void test_derived_rule(void **state)
{
	(void)state;
	static const struct {
		const char *cells;
		int tops[4]; /* emerging, developing, established, leading */
	} cases[] = {
		{ "EDSL", { 1, 2, 4, 6 } },
		{ "D", { 2, 2, 2, 2 } },      /* no E: its D; then its highest below */
		{ "S", { 0, 4, 4, 4 } },      /* nothing at or above E's next, none below */
		{ "L", { 0, 0, 6, 6 } },
		{ "EL", { 1, 1, 6, 6 } },
		{ "DL", { 2, 2, 6, 6 } },
		{ "ES", { 1, 4, 4, 4 } },
	};
	char categories[2048] = "category,title,description,emerging_from,emerging_to,"
		"developing_from,developing_to,established_from,established_to,leading_from,"
		"leading_to\n";
	char criteria[2048] = "criterion_id,category,section,emerging,developing,established,"
		"leading\n";
	size_t n = sizeof cases / sizeof cases[0];
	for (size_t k = 0; k < n; k++) {
		snprintf(categories + strlen(categories), sizeof categories - strlen(categories),
			 "%zu,C,,0,1,2,3,4,5,6,7\n", k + 1);
		const char *c = cases[k].cells;
		snprintf(criteria + strlen(criteria), sizeof criteria - strlen(criteria),
			 "%zu.1,%zu,,%s,%s,%s,%s\n", k + 1, k + 1, strchr(c, 'E') ? "e" : "",
			 strchr(c, 'D') ? "d" : "", strchr(c, 'S') ? "s" : "", strchr(c, 'L') ? "l" : "");
	}
	static const char identity[] = "key,value\nid,rule\nversion,1\n";
	static const char scale[] = "level,points,name,descriptor\nnone,0,None,\n"
		"emerging,1,E,\ndeveloping,2,D,\nestablished,4,S,\nleading,6,L,\n";
	static const char none[] = "section,category,title\n", terms[] = "term,definition\n";
	struct framework_file files[] = {
		{ "framework.csv", identity, sizeof identity - 1 },
		{ "levels.csv", scale, sizeof scale - 1 },
		{ "categories.csv", categories, strlen(categories) },
		{ "sections.csv", none, sizeof none - 1 },
		{ "criteria.csv", criteria, strlen(criteria) },
		{ "glossary.csv", terms, sizeof terms - 1 },
	};
	struct tri_error err = {{0}};
	struct framework *other = framework_load_files(files, 6, "rule", &err);
	if (!other)
		fail_msg("%s", err.message);
	for (size_t k = 0; k < n; k++) {
		struct framework_range derived[LEVEL_MAX_COUNT];
		score_derived_ranges(other, k, derived);
		for (size_t l = 1; l <= 4; l++)
			if (derived[l].to != cases[k].tops[l - 1])
				fail_msg("row %s, level %zu: top %d; expected %d", cases[k].cells, l,
					 derived[l].to, cases[k].tops[l - 1]);
	}
	framework_destroy(other);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_worked_example),
		cmocka_unit_test(test_category_maxima),
		cmocka_unit_test(test_range_boundaries),
		cmocka_unit_test(test_category2_above_published_max),
		cmocka_unit_test(test_unanswered_and_none),
		cmocka_unit_test(test_category_state),
		cmocka_unit_test(test_progress),
		cmocka_unit_test(test_derived_ranges),
		cmocka_unit_test(test_check_ranges),
		cmocka_unit_test(test_other_scales),
		cmocka_unit_test(test_five_level_ranges),
		cmocka_unit_test(test_derived_rule),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
