/* Unit tests: the gap to the next level, and action-plan targets. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_next_level),
		cmocka_unit_test(test_gap_worked_example),
		cmocka_unit_test(test_gap_from_blank),
		cmocka_unit_test(test_gap_at_top),
		cmocka_unit_test(test_target),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
