/* Unit tests: which files a benchmark counts (clarifications rule 19), and
 * its statistics. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "benchmark.h"
#include "framework.h"
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

/* ---- the statistics model: files loaded, chosen and counted ---- */

/* A folder of two-level assessments (tests/data/frameworks/two-levels:
 * category 1 has rows 1.1-1.3, category 2 rows 2.1-2.2; met scores 1). */
static const struct {
	const char *name, *text;
} folder[] = {
	{ "a1.csv", "criterion_id,level,organisation,assessment_type,date\n"
		    "1.1,met,Alpha,self,2025-01-01\n1.2,met,,,\n1.3,met,,,\n2.1,met,,,\n2.2,not_met,,,\n" },
	{ "a2.csv", "criterion_id,level,organisation,assessment_type,date\n"
		    "1.1,not_met,ALPHA,self,2026-01-01\n1.2,not_met,,,\n1.3,not_met,,,\n"
		    "2.1,not_met,,,\n2.2,not_met,,,\n" },
	{ "b.csv", "criterion_id,level,organisation,date\n1.1,met,Beta,2026-02-01\n1.2,met,,\n"
		   "1.3,not_met,,\n" },
	{ "c.csv", "criterion_id,level,organisation,assessment_type\n1.1,met,Gamma,peer\n" },
	{ "d.csv", "criterion_id,level,organisation,assessment_type\n1.1,met,Delta,self\n"
		   "2.1,met,,\n2.2,met,,\n" },
	{ "own.csv", "file,category,title,score,max,level\nx,1,Governance,0,3,\n" },
	{ "bad.csv", "criterion_id,level\n1.1,excellent\n" },
};
enum { A1, A2, B, GAMMA, D, OWN, BAD, FILES };

static char folder_dir[] = "/tmp/test_benchmark_XXXXXX";
static char *paths[FILES];

static struct framework *two_levels(void)
{
	char path[1024];
	snprintf(path, sizeof path, "%s/two-levels", getenv("TRI_FRAMEWORKS"));
	struct tri_error err = {{0}};
	struct framework *fw = framework_load_dir(path, &err);
	if (!fw)
		fail_msg("%s", err.message);
	return fw;
}

static void write_folder(void)
{
	assert_non_null(mkdtemp(folder_dir));
	for (size_t i = 0; i < FILES; i++) {
		paths[i] = malloc(strlen(folder_dir) + strlen(folder[i].name) + 2);
		assert_non_null(paths[i]);
		sprintf(paths[i], "%s/%s", folder_dir, folder[i].name);
		FILE *f = fopen(paths[i], "w");
		assert_non_null(f);
		fputs(folder[i].text, f);
		fclose(f);
	}
}

static void remove_folder(void)
{
	for (size_t i = 0; i < FILES; i++) {
		remove(paths[i]);
		free(paths[i]);
	}
	remove(folder_dir);
}

/* Each way of counting: the files counted and set aside, each category's
 * statistics, the highlighted organisation's place, the profiles' order. */
static void test_set(void **state)
{
	(void)state;
	static const struct {
		struct benchmark_options options;
		size_t counted, set_aside, left_out;
		enum benchmark_verdict verdicts[5]; /* a1, a2, b, gamma, d */
		size_t count[2], incomplete[2], left[2], at_met[2];
		double min[2], median[2], max[2];
		long highlighted;
		enum benchmark_use use[2];
		int score[2];
		double rank[2];
		size_t profile[4];
	} cases[] = {
		/* the latest of each organisation; incomplete categories left out */
		{ { "self", false, false, "BETA" }, 3, 2, 2, { E, C, C, T, C },
		  { 2, 2 }, { 0, 0 }, { 1, 1 }, { 2, 2 }, { 0, 0 }, { 1, 1 }, { 2, 2 },
		  B, { BENCHMARK_COMPLETE, BENCHMARK_NOT_USED }, { 2, 0 }, { 75, 0 }, { D, B, A2 } },
		/* every file, incomplete categories counted and marked (b's category 2,
		 * not assessed, has no level to count) */
		{ { "self", true, true, "alpha" }, 4, 1, 0, { C, C, C, T, C },
		  { 4, 4 }, { 1, 1 }, { 0, 0 }, { 4, 3 }, { 0, 0 }, { 1.5, 0.5 }, { 3, 2 },
		  A2, { BENCHMARK_COMPLETE, BENCHMARK_COMPLETE }, { 0, 0 }, { 12.5, 25 },
		  { A1, D, B, A2 } },
		/* peer reviews: Gamma's alone, both its categories incomplete */
		{ { "peer", false, false, NULL }, 1, 4, 2, { T, T, T, C, T },
		  { 0, 0 }, { 0, 0 }, { 1, 1 }, { 0, 0 }, { 0, 0 }, { 0, 0 }, { 0, 0 },
		  -1, { BENCHMARK_NOT_USED, BENCHMARK_NOT_USED }, { 0, 0 }, { 0, 0 }, { GAMMA } },
	};
	struct framework *fw = two_levels();
	write_folder();
	for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
		struct benchmark_set set;
		assert_int_equal(benchmark_set_init(&set, fw, paths, FILES, &cases[k].options), 0);
		assert_int_equal(set.counted, cases[k].counted);
		assert_int_equal(set.set_aside, cases[k].set_aside);
		assert_int_equal(set.left_out, cases[k].left_out);
		for (size_t f = 0; f < 5; f++)
			assert_int_equal(set.candidates[f].verdict, cases[k].verdicts[f]);
		assert_non_null(set.files[OWN].own);
		assert_non_null(strstr(set.files[OWN].own, "summary"));
		assert_non_null(set.files[BAD].error);
		assert_non_null(strstr(set.files[BAD].error, "\"excellent\""));
		assert_string_equal(set.files[A2].organisation, "ALPHA");
		for (size_t c = 0; c < 2; c++) {
			const struct benchmark_column *col = &set.columns[c];
			if (col->stats.count != cases[k].count[c])
				fail_msg("case %zu category %zu: count %zu", k, c, col->stats.count);
			assert_int_equal(col->incomplete, cases[k].incomplete[c]);
			assert_int_equal(col->left_out, cases[k].left[c]);
			assert_int_equal(col->stats.at_level[1], cases[k].at_met[c]);
			if (col->stats.count) {
				assert_true(col->stats.min == cases[k].min[c]);
				assert_true(col->stats.median == cases[k].median[c]);
				assert_true(col->stats.max == cases[k].max[c]);
			}
			assert_int_equal(col->highlight_use, cases[k].use[c]);
			if (cases[k].highlighted >= 0) {
				assert_int_equal(col->highlight_score, cases[k].score[c]);
				assert_true(col->highlight_rank == cases[k].rank[c]);
			}
		}
		assert_int_equal(set.highlighted, cases[k].highlighted);
		for (size_t i = 0; i < set.counted; i++)
			assert_int_equal(set.profile[i], cases[k].profile[i]);
		benchmark_set_finish(&set);
	}
	remove_folder();
	framework_destroy(fw);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_one_per_organisation),
		cmocka_unit_test(test_types),
		cmocka_unit_test(test_later),
		cmocka_unit_test(test_quartiles),
		cmocka_unit_test(test_set),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
