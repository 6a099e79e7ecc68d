/* Unit tests: the gap to the next level, and action-plan targets. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <stdio.h>
#include "timing.h"

#include "plan.h"
#include "score.h"
#include "levels_fixture.h"



static void set_example(void)
{
	static const enum level example[8] = {
		LEVEL_ESTABLISHED, LEVEL_DEVELOPING, LEVEL_ESTABLISHED, LEVEL_ESTABLISHED,
		LEVEL_ESTABLISHED, LEVEL_LEADING, LEVEL_NONE, LEVEL_LEADING,
	};
	for (size_t i = 0; i < fw->criterion_count; i++)
		levels[i] = i < 8 ? example[i] : LEVEL_UNANSWERED;
}

static void test_next_level(void **state)
{
	(void)state;
	static const struct { const char *id; enum level from, next; } cases[] = {
		{ "1.1", LEVEL_UNANSWERED, LEVEL_DEVELOPING }, { "1.1", LEVEL_DEVELOPING, LEVEL_ESTABLISHED },
		{ "1.1", LEVEL_LEADING, LEVEL_NONE }, { "1.3", LEVEL_NONE, LEVEL_ESTABLISHED },
		{ "1.3", LEVEL_ESTABLISHED, LEVEL_NONE }, { "1.7", LEVEL_NONE, LEVEL_LEADING },
		{ "2c.1", LEVEL_DEVELOPING, LEVEL_LEADING }, { "2c.2", LEVEL_DEVELOPING, LEVEL_NONE },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		long c = framework_find_criterion(fw, cases[i].id);
		assert_int_equal(plan_next_level(&fw->criteria[c], cases[i].from), cases[i].next);
	}
}

/* The worked example is 15, Established: 4 more for Leading (19). The
 * fewest steps: 1.7 None -> Leading (+3) and one +1 step, so 2 steps. */
static void test_gap_worked_example(void **state)
{
	(void)state;
	set_example();
	struct plan_gap gap;
	assert_int_equal(plan_gap(fw, levels, 0, &gap), 0);
	assert_int_equal(gap.next_level, LEVEL_LEADING);
	assert_int_equal(gap.points_needed, 4);
	assert_int_equal(gap.step_count, 2);
	assert_int_equal(gap.raise_count, 2);
	int gained = 0;
	bool has_17 = false;
	for (size_t i = 0; i < gap.raise_count; i++) {
		gained += gap.raises[i].gain;
		assert_true(fw->criteria[gap.raises[i].criterion].cell[gap.raises[i].to] != NULL);
		has_17 |= strcmp(fw->criteria[gap.raises[i].criterion].id, "1.7") == 0 &&
			  gap.raises[i].to == LEVEL_LEADING;
	}
	assert_true(has_17);
	assert_true(gained >= 4);
	/* Applying the plan reaches the level. */
	for (size_t i = 0; i < gap.raise_count; i++)
		levels[gap.raises[i].criterion] = gap.raises[i].to;
	struct score_result r;
	score_category(fw, levels, 0, &r);
	assert_int_equal(r.level, LEVEL_LEADING);
}

/* Every category from nothing: the plan is as short as any (checked by
 * brute force over single-step gains) and reaches the next level. */
static void test_gap_from_blank(void **state)
{
	(void)state;
	for (size_t c = 0; c < fw->category_count; c++) {
		for (size_t i = 0; i < fw->criterion_count; i++)
			levels[i] = LEVEL_UNANSWERED;
		struct plan_gap gap;
		assert_int_equal(plan_gap(fw, levels, c, &gap), 0);
		assert_int_equal(gap.next_level, LEVEL_ESTABLISHED);
		for (size_t i = 0; i < gap.raise_count; i++)
			levels[gap.raises[i].criterion] = gap.raises[i].to;
		struct score_result r;
		score_category(fw, levels, c, &r);
		assert_int_equal(r.level, LEVEL_ESTABLISHED);
		/* A lower bound: each step gains at most 3 points. */
		assert_true(gap.step_count * 3 >= (size_t)fw->categories[c].published[2].from);
	}
}

static void test_gap_at_top(void **state)
{
	(void)state;
	for (size_t i = 0; i < fw->criterion_count; i++)
		levels[i] = framework_top_level(&fw->criteria[i]);
	struct plan_gap gap;
	assert_int_equal(plan_gap(fw, levels, 0, &gap), 0);
	assert_int_equal(gap.next_level, LEVEL_NONE);
	assert_int_equal(gap.raise_count, 0);
}

static void test_target(void **state)
{
	(void)state;
	struct assessment *a = assessment_create(fw);
	long i = framework_find_criterion(fw, "1.1");
	assert_int_equal(plan_target(a, (size_t)i), LEVEL_DEVELOPING);
	a->levels[i] = LEVEL_DEVELOPING;
	assert_int_equal(plan_target(a, (size_t)i), LEVEL_ESTABLISHED);
	a->answers[i].target = LEVEL_LEADING;
	assert_int_equal(plan_target(a, (size_t)i), LEVEL_LEADING);
	a->levels[i] = LEVEL_LEADING; /* reached: nothing left to aim at */
	assert_int_equal(plan_target(a, (size_t)i), LEVEL_NONE);
	assessment_destroy(a);
}

/* A framework at its bounds: FRAMEWORK_MAX_CRITERIA rows in one category,
 * points up to FRAMEWORK_MAX_POINTS, ranges up to FRAMEWORK_MAX_SCORE.
 * (leading = 10^9 points made plan run 108 s in 6.6 GB; such a framework
 * no longer loads, and this one, which does, must plan at once.) */
static struct framework *largest_framework(void)
{
	static const char identity[] = "key,value\nid,big\nversion,1\n";
	static const char level_rows[] = "level,points,name,descriptor\nnone,0,None,\n"
		"developing,1,Developing practice,\nestablished,50,Established practice,\n"
		"leading,100,Leading practice,\n";
	static const char category_rows[] = "category,title,description,developing_from,"
		"developing_to,established_from,established_to,leading_from,leading_to\n"
		"1,All,,0,1000,1001,99999,100000,100000\n";
	static const char none[] = "section,category,title\n";
	static const char terms[] = "term,definition\n";
	size_t size = 80 + FRAMEWORK_MAX_CRITERIA * 32, used = 0;
	char *criteria = malloc(size);
	assert_non_null(criteria);
	used += (size_t)snprintf(criteria, size,
				 "criterion_id,category,section,developing,established,leading\n");
	for (size_t i = 1; i <= FRAMEWORK_MAX_CRITERIA; i++)
		used += (size_t)snprintf(criteria + used, size - used, "1.%zu,1,,d,e,l\n", i);
	struct framework_file files[] = {
		{ "framework.csv", identity, sizeof identity - 1 },
		{ "levels.csv", level_rows, sizeof level_rows - 1 },
		{ "categories.csv", category_rows, sizeof category_rows - 1 },
		{ "sections.csv", none, sizeof none - 1 },
		{ "criteria.csv", criteria, used },
		{ "glossary.csv", terms, sizeof terms - 1 },
	};
	struct tri_error err = {{0}};
	struct framework *big = framework_load_files(files, 6, "big", &err);
	free(criteria);
	if (!big)
		fail_msg("%s", err.message);
	return big;
}

static void test_gap_at_the_bounds(void **state)
{
	(void)state;
	struct framework *big = largest_framework();
	enum level *at = malloc(FRAMEWORK_MAX_CRITERIA * sizeof *at);
	struct plan_gap *gap = malloc(sizeof *gap);
	assert_non_null(at);
	assert_non_null(gap);
	static const struct {
		enum level from;
		enum level next;
		int needed;
		size_t steps, raises;
	} cases[] = {
		/* 1001 points: ten rows to Leading (3 steps, +100 each) and one
		 * to Developing (+1): 31 steps, not 33 */
		{ LEVEL_UNANSWERED, LEVEL_ESTABLISHED, 1001, 31, 11 },
		/* every row Established (50 000): the last 50 000 points are
		 * every row's one step to Leading, all 1000 of them listed */
		{ LEVEL_ESTABLISHED, LEVEL_LEADING, 50000, 1000, 1000 },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		for (size_t r = 0; r < FRAMEWORK_MAX_CRITERIA; r++)
			at[r] = cases[i].from;
		struct timespec start;
		clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &start);
		assert_int_equal(plan_gap(big, at, 0, gap), 0);
		double took = seconds_since(&start);
		if (took > TIMING_SLOWDOWN)
			fail_msg("case %zu: planned in %.2f s; expected well within a second", i, took);
		assert_int_equal(gap->next_level, cases[i].next);
		assert_int_equal(gap->points_needed, cases[i].needed);
		assert_int_equal(gap->step_count, cases[i].steps);
		assert_int_equal(gap->raise_count, cases[i].raises);
		for (size_t k = 0; k < gap->raise_count; k++)
			at[gap->raises[k].criterion] = gap->raises[k].to;
		struct score_result r;
		score_category(big, at, 0, &r);
		assert_int_equal(r.level, cases[i].next);
	}
	free(gap);
	free(at);
	framework_destroy(big);
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

/* The fewest steps for rows first..first+count-1 of at to gain need
 * points, tried every way (each row raised through 0 or more of its
 * cells). */
static int brute_fewest(const struct framework *f, const enum level *at, size_t first,
			size_t count, int need)
{
	if (need <= 0)
		return 0;
	if (count == 0)
		return 1 << 20;
	int best = brute_fewest(f, at, first + 1, count - 1, need);
	enum level from = at[first] < LEVEL_NONE ? LEVEL_NONE : at[first];
	int steps = 0;
	for (enum level next = plan_next_level(&f->criteria[first], from); next != LEVEL_NONE;
	     next = plan_next_level(&f->criteria[first], next)) {
		steps++;
		int gain = framework_points(f, next) - framework_points(f, from);
		int rest = brute_fewest(f, at, first + 1, count - 1, need - gain);
		if (steps + rest < best)
			best = steps + rest;
	}
	return best;
}

/* On five levels (points 1, 2, 4, 6, so a step's gain varies) and on two:
 * from no answers and from a mixed start, every category's plan is as
 * short as any (brute force) and reaches the next level; at the highest
 * level there is nothing to plan. */
static void test_gap_other_scales(void **state)
{
	(void)state;
	static const struct {
		const char *fixture;
		const char *start; /* levels by row, '-' unanswered, a digit a level */
	} cases[] = {
		{ "five-levels", "------------" },
		{ "five-levels", "310120010020" },
		{ "five-levels", "000000000000" },
		{ "two-levels", "-----" },
		{ "two-levels", "01000" },
	};
	for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
		struct framework *f = fixture(cases[k].fixture);
		enum level *at = malloc(f->criterion_count * sizeof *at);
		assert_non_null(at);
		struct plan_gap *gap = malloc(sizeof *gap);
		assert_non_null(gap);
		for (size_t c = 0; c < f->category_count; c++) {
			for (size_t i = 0; i < f->criterion_count; i++) {
				char ch = cases[k].start[i];
				at[i] = ch == '-' ? LEVEL_UNANSWERED : (enum level)(ch - '0');
				if (!framework_has_level(&f->criteria[i], at[i]))
					at[i] = LEVEL_NONE;
			}
			struct score_result r;
			score_category(f, at, c, &r);
			assert_int_equal(plan_gap(f, at, c, gap), 0);
			assert_int_equal(gap->next_level, r.next_level);
			if (r.next_level == LEVEL_NONE) {
				assert_int_equal(gap->raise_count, 0);
				continue;
			}
			const struct framework_category *cat = &f->categories[c];
			int fewest = brute_fewest(f, at, cat->first_criterion, cat->criterion_count,
						  r.points_to_next);
			if ((int)gap->step_count != fewest)
				fail_msg("%s start %s category %s: %zu steps; expected %d",
					 cases[k].fixture, cases[k].start, cat->id, gap->step_count,
					 fewest);
			for (size_t i = 0; i < gap->raise_count; i++)
				at[gap->raises[i].criterion] = gap->raises[i].to;
			score_category(f, at, c, &r);
			assert_true(r.level >= gap->next_level);
		}
		free(gap);
		free(at);
		framework_destroy(f);
	}
}

/* Ten levels (the most), 1000 rows in one category, every cell: the
 * step table is at its largest (1000 x 9001), and plans at once. */
static void test_gap_ten_levels(void **state)
{
	(void)state;
	static const char identity[] = "key,value\nid,ten\nversion,1\n";
	static const char scale[] = "level,points,name,descriptor\nnone,0,None,\n"
		"l1,1,L1,\nl2,2,L2,\nl3,3,L3,\nl4,5,L4,\nl5,8,L5,\nl6,13,L6,\nl7,21,L7,\n"
		"l8,34,L8,\nl9,55,L9,\n";
	char categories[512] = "category,title,description";
	for (int l = 1; l <= 9; l++)
		snprintf(categories + strlen(categories), sizeof categories - strlen(categories),
			 ",l%d_from,l%d_to", l, l);
	snprintf(categories + strlen(categories), sizeof categories - strlen(categories),
		 "\n1,All,,0,999,1000,1999,2000,2999,3000,4999,5000,7999,8000,12999,"
		 "13000,20999,21000,33999,34000,55000\n");
	static const char none[] = "section,category,title\n", terms[] = "term,definition\n";
	size_t size = 128 + FRAMEWORK_MAX_CRITERIA * 40, used = 0;
	char *criteria = malloc(size);
	assert_non_null(criteria);
	used += (size_t)snprintf(criteria, size, "criterion_id,category,section,l1,l2,l3,l4,l5,"
				 "l6,l7,l8,l9\n");
	for (size_t i = 1; i <= FRAMEWORK_MAX_CRITERIA; i++)
		used += (size_t)snprintf(criteria + used, size - used, "1.%zu,1,,a,b,c,d,e,f,g,h,i\n", i);
	struct framework_file files[] = {
		{ "framework.csv", identity, sizeof identity - 1 },
		{ "levels.csv", scale, sizeof scale - 1 },
		{ "categories.csv", categories, strlen(categories) },
		{ "sections.csv", none, sizeof none - 1 },
		{ "criteria.csv", criteria, used },
		{ "glossary.csv", terms, sizeof terms - 1 },
	};
	struct tri_error err = {{0}};
	struct framework *ten = framework_load_files(files, 6, "ten", &err);
	free(criteria);
	if (!ten)
		fail_msg("%s", err.message);
	assert_int_equal(ten->level_count, 10);
	enum level *at = malloc(FRAMEWORK_MAX_CRITERIA * sizeof *at);
	struct plan_gap *gap = malloc(sizeof *gap);
	assert_non_null(at);
	assert_non_null(gap);
	static const struct {
		enum level from, next;
		int needed;
		size_t steps;
	} cases[] = {
		/* 1000 points from nothing: 18 rows to l9 (9 steps, +55 each) and
		 * one more to l6 (6 steps, +13): 168 steps */
		{ LEVEL_UNANSWERED, 2, 1000, 168 },
		/* every row at l7 (21 000, so l8): 13 000 more for l9, two steps
		 * (+34) on 382 rows and one (+13) on another: 765 */
		{ 7, 9, 13000, 765 },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		for (size_t r = 0; r < FRAMEWORK_MAX_CRITERIA; r++)
			at[r] = cases[i].from;
		struct timespec start;
		clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &start);
		assert_int_equal(plan_gap(ten, at, 0, gap), 0);
		double took = seconds_since(&start);
		if (took > TIMING_SLOWDOWN)
			fail_msg("case %zu: planned in %.2f s; expected well within a second", i, took);
		assert_int_equal(gap->next_level, cases[i].next);
		assert_int_equal(gap->points_needed, cases[i].needed);
		assert_int_equal(gap->step_count, cases[i].steps);
	}
	free(gap);
	free(at);
	framework_destroy(ten);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_next_level),
		cmocka_unit_test(test_gap_worked_example),
		cmocka_unit_test(test_gap_from_blank),
		cmocka_unit_test(test_gap_at_top),
		cmocka_unit_test(test_target),
		cmocka_unit_test(test_gap_at_the_bounds),
		cmocka_unit_test(test_gap_other_scales),
		cmocka_unit_test(test_gap_ten_levels),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
