#include "benchmark.h"

#include <stdlib.h>
#include <string.h>

static int compare_ints(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

double benchmark_quantile(const int *sorted, size_t n, double q)
{
	double pos = q * (double)(n - 1);
	size_t low = (size_t)pos;
	if (low + 1 >= n)
		return sorted[n - 1];
	double frac = pos - (double)low;
	return sorted[low] + frac * (sorted[low + 1] - sorted[low]);
}

void benchmark_summarise(int *scores, const enum level *levels, size_t n,
			 struct benchmark_stats *out)
{
	memset(out, 0, sizeof *out);
	out->count = n;
	if (n == 0)
		return;
	if (levels)
		for (size_t i = 0; i < n; i++)
			if (levels[i] >= LEVEL_NONE && levels[i] <= LEVEL_HIGHEST)
				out->at_level[levels[i]]++;
	qsort(scores, n, sizeof *scores, compare_ints);
	out->min = scores[0];
	out->max = scores[n - 1];
	out->q1 = benchmark_quantile(scores, n, 0.25);
	out->median = benchmark_quantile(scores, n, 0.5);
	out->q3 = benchmark_quantile(scores, n, 0.75);
}

double benchmark_percentile_rank(const int *scores, size_t n, int score)
{
	if (n == 0)
		return 0;
	size_t below = 0, equal = 0;
	for (size_t i = 0; i < n; i++) {
		below += scores[i] < score;
		equal += scores[i] == score;
	}
	return 100.0 * ((double)below + 0.5 * (double)equal) / (double)n;
}

bool benchmark_later(const struct benchmark_candidate *a, const struct benchmark_candidate *b)
{
	int by_date = strcmp(a->date, b->date); /* ISO dates sort as text; "" first */
	if (by_date != 0)
		return by_date > 0;
	if (a->mtime_ns != b->mtime_ns)
		return a->mtime_ns > b->mtime_ns;
	return a > b;
}

/* Organisation, then latest first. */
static int compare_candidates(const void *pa, const void *pb)
{
	const struct benchmark_candidate *a = *(struct benchmark_candidate *const *)pa;
	const struct benchmark_candidate *b = *(struct benchmark_candidate *const *)pb;
	int by_name = strcmp(a->organisation_key, b->organisation_key);
	if (by_name != 0)
		return by_name;
	if (a == b)
		return 0;
	return benchmark_later(a, b) ? -1 : 1;
}

int benchmark_choose(struct benchmark_candidate *files, size_t n, const char *type,
		     bool all_files)
{
	bool want_peer = strcmp(type, "peer") == 0;
	size_t counted = 0;
	struct benchmark_candidate **order = malloc((n ? n : 1) * sizeof *order); // NOLINT(bugprone-sizeof-expression)
	if (!order)
		return -1;
	for (size_t i = 0; i < n; i++) {
		bool peer = strcmp(files[i].type, "peer") == 0;
		bool self = strcmp(files[i].type, "self") == 0 || !*files[i].type;
		files[i].verdict = (want_peer ? peer : self) ? BENCHMARK_COUNTED
			: BENCHMARK_OTHER_TYPE;
		files[i].counted_instead = i;
		if (files[i].verdict == BENCHMARK_COUNTED)
			order[counted++] = &files[i];
	}
	if (!all_files && counted > 1) {
		qsort(order, counted, sizeof *order, compare_candidates); // NOLINT(bugprone-sizeof-expression)
		for (size_t k = 1; k < counted; k++) {
			const struct benchmark_candidate *first = order[k - 1];
			if (first->verdict == BENCHMARK_EARLIER)
				first = &files[first->counted_instead];
			if (!*order[k]->organisation_key ||
			    strcmp(order[k]->organisation_key, first->organisation_key) != 0)
				continue;
			order[k]->verdict = BENCHMARK_EARLIER;
			order[k]->counted_instead = (size_t)(first - files);
		}
	}
	free(order);
	return 0;
}
