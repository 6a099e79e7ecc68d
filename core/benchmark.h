/* benchmark: which assessments a benchmark counts, and statistics of
 * category scores across them. */
#ifndef BENCHMARK_H
#define BENCHMARK_H

#include <stdbool.h>
#include <stddef.h>

#include "level.h"

struct benchmark_stats {
	size_t count;
	double min, q1, median, q3, max;
	size_t at_level[LEVEL_MAX_COUNT]; /* by level (categories are counted from 1) */
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

/* Which files count (clarifications rule 19).  First one file per
 * organisation, then that file's incomplete categories are left out (by
 * the caller: there is no falling back to an older file). */
enum benchmark_verdict {
	BENCHMARK_COUNTED,
	BENCHMARK_OTHER_TYPE, /* not of the assessment type benchmarked */
	BENCHMARK_EARLIER,    /* its organisation has a later file, counted instead */
};

struct benchmark_candidate {
	const char *organisation_key; /* organisation_key(); "" when not given: a file
					 without a name is an organisation of its own */
	const char *type;             /* "self", "peer", or "" (not given) */
	const char *date;             /* "YYYY-MM-DD", or "" (earlier than any date) */
	long long mtime_ns;           /* modification time: breaks a tie of dates */
	/* set by benchmark_choose */
	enum benchmark_verdict verdict;
	size_t counted_instead;       /* for BENCHMARK_EARLIER: the file counted */
};

/* True if a is later than b: by date, then by modification time, then by
 * place in the list (a later argument wins, so the choice is always the
 * same). */
bool benchmark_later(const struct benchmark_candidate *a, const struct benchmark_candidate *b);

/* Decide the verdict of each of files[0..n): those of type ("self", which
 * takes in files that give no type, or "peer") count; then, unless
 * all_files, only the latest (benchmark_later) of each organisation.
 * Returns 0, or -1 when out of memory (verdicts then undefined). */
int benchmark_choose(struct benchmark_candidate *files, size_t n, const char *type,
		     bool all_files);

#endif
