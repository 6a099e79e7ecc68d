/* benchmark: statistics of category scores across assessments. */
#ifndef BENCHMARK_H
#define BENCHMARK_H

#include <stddef.h>

#include "level.h"

struct benchmark_stats {
	size_t count;
	double min, q1, median, q3, max;
	size_t at_level[LEVEL_COUNT]; /* by level (developing..leading) */
};

/* Quantile q (0..1) of sorted[0..n) by linear interpolation between
 * closest ranks (Hyndman-Fan type 7: NumPy's default, Excel's
 * QUARTILE.INC).  n must be at least 1. */
double benchmark_quantile(const int *sorted, size_t n, double q);

/* Sort scores[] in place and fill out; levels[] (same order as given,
 * may be NULL) are counted by level. */
void benchmark_summarise(int *scores, const enum level *levels, size_t n,
			 struct benchmark_stats *out);

/* Percentile rank of score among scores[0..n) (any order): the share
 * below it plus half the share equal to it, 0..100. */
double benchmark_percentile_rank(const int *scores, size_t n, int score);

#endif
