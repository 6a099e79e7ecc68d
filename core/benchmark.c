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
			if (levels[i] >= LEVEL_NONE && levels[i] <= LEVEL_LEADING)
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
