/* Unit tests: which files a benchmark counts (clarifications rule 19), and
 * its statistics. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "benchmark.h"
#include "standard_levels.h"

#define C BENCHMARK_COUNTED
#define T BENCHMARK_OTHER_TYPE
#define E BENCHMARK_EARLIER

struct file {
	const char *key, *type, *date;
	long long mtime;
	enum benchmark_verdict verdict; /* expected */
	size_t instead;                 /* expected, for E */
};

static void check(const char *name, const struct file *f, size_t n, const char *type,
		  bool all_files)
{
	struct benchmark_candidate c[16];
	assert_true(n <= 16);
	for (size_t i = 0; i < n; i++)
		c[i] = (struct benchmark_candidate){ f[i].key, f[i].type, f[i].date, f[i].mtime,
						     C, 0 };
	assert_int_equal(benchmark_choose(c, n, type, all_files), 0);
	for (size_t i = 0; i < n; i++)
		if (c[i].verdict != f[i].verdict ||
		    (f[i].verdict == E && c[i].counted_instead != f[i].instead))
			fail_msg("%s: file %zu: verdict %d (instead of %zu); expected %d (%zu)", name,
				 i, c[i].verdict, c[i].counted_instead, f[i].verdict, f[i].instead);
}

static void test_one_per_organisation(void **state)
{
	(void)state;
	/* two files of one organisation count one: the later date */
	const struct file two[] = {
		{ "camden", "self", "2025-11-01", 9, E, 1 },
		{ "camden", "self", "2026-11-01", 1, C, 0 },
		{ "brent", "self", "2026-10-01", 5, C, 0 },
	};
	check("two of camden", two, 3, "self", false);
	/* --all-files counts both */
	const struct file all[] = {
		{ "camden", "self", "2025-11-01", 9, C, 0 },
		{ "camden", "self", "2026-11-01", 1, C, 0 },
	};
	check("all files", all, 2, "self", true);
	/* a tie of dates goes to the later modification time, then the later file */
	const struct file tie[] = {
		{ "camden", "self", "2026-11-01", 7, C, 0 },
		{ "camden", "self", "2026-11-01", 3, E, 0 },
		{ "brent", "self", "2026-11-01", 4, E, 3 },
		{ "brent", "self", "2026-11-01", 4, C, 0 },
	};
	check("ties", tie, 4, "self", false);
	/* no date is earlier than any date; no name is an organisation of its own */
	const struct file undated[] = {
		{ "camden", "self", "", 99, E, 1 },
		{ "camden", "self", "2020-01-01", 1, C, 0 },
		{ "", "self", "2026-01-01", 1, C, 0 },
		{ "", "self", "2026-01-01", 1, C, 0 },
	};
	check("undated and unnamed", undated, 4, "self", false);
	/* three of one organisation: the two earlier both name the latest */
	const struct file three[] = {
		{ "x", "self", "2024-01-01", 1, E, 2 },
		{ "x", "self", "2025-01-01", 1, E, 2 },
		{ "x", "self", "2026-01-01", 1, C, 0 },
	};
	check("three", three, 3, "self", false);
}

static void test_types(void **state)
{
	(void)state;
	/* self by default: peer reviews set aside, a file without a type counted
	 * as a self-assessment; a later peer review never displaces the self */
	const struct file self[] = {
		{ "camden", "self", "2026-01-01", 1, C, 0 },
		{ "camden", "peer", "2026-06-01", 1, T, 0 },
		{ "brent", "", "2026-01-01", 1, C, 0 },
	};
	check("self", self, 3, "self", false);
	const struct file peer[] = {
		{ "camden", "self", "2026-01-01", 1, T, 0 },
		{ "camden", "peer", "2026-06-01", 1, C, 0 },
		{ "camden", "peer", "2026-02-01", 1, E, 1 },
		{ "brent", "", "2026-01-01", 1, T, 0 },
	};
	check("peer", peer, 4, "peer", false);
}

static void test_later(void **state)
{
	(void)state;
	struct benchmark_candidate c[2] = {
		{ "a", "self", "2026-01-02", 1, C, 0 }, { "a", "self", "2026-01-01", 5, C, 0 },
	};
	assert_true(benchmark_later(&c[0], &c[1]));
	assert_false(benchmark_later(&c[1], &c[0]));
	c[1].date = "2026-01-02";
	assert_true(benchmark_later(&c[1], &c[0]));
	c[1].mtime_ns = 1;
	assert_true(benchmark_later(&c[1], &c[0])); /* the later in the list */
}

static void test_quartiles(void **state)
{
	(void)state;
	int scores[] = { 7, 1, 3, 5 };
	enum level levels[] = { LEVEL_LEADING, LEVEL_DEVELOPING, LEVEL_UNANSWERED,
				LEVEL_DEVELOPING };
	struct benchmark_stats st;
	benchmark_summarise(scores, levels, 4, &st);
	assert_int_equal(st.count, 4);
	assert_true(st.min == 1 && st.max == 7 && st.median == 4);
	assert_true(st.q1 == 2.5 && st.q3 == 5.5);
	assert_int_equal(st.at_level[LEVEL_DEVELOPING], 2);
	assert_int_equal(st.at_level[LEVEL_LEADING], 1);
	benchmark_summarise(scores, NULL, 0, &st);
	assert_int_equal(st.count, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_one_per_organisation),
		cmocka_unit_test(test_types),
		cmocka_unit_test(test_later),
		cmocka_unit_test(test_quartiles),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
