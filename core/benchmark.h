/* benchmark: which assessments a benchmark counts, and statistics of
 * category scores across them.  benchmark_set_init loads and scores many
 * files on every core and returns the model `benchmark` is written from. */
#ifndef BENCHMARK_H
#define BENCHMARK_H

#include <stdbool.h>
#include <stddef.h>

#include "framework.h"
#include "level.h"
#include "spreadsheet.h"

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

/* How a counted file's category enters the statistics. */
enum benchmark_use {
	BENCHMARK_NOT_USED,   /* the file is not counted, or the category is left out */
	BENCHMARK_COMPLETE,
	BENCHMARK_INCOMPLETE, /* counted, marked, with include_incomplete */
};

struct benchmark_options {
	const char *type;        /* "self" (files without a type too) or "peer" */
	bool all_files;          /* every file, not each organisation's latest */
	bool include_incomplete; /* count incomplete categories, marked */
	const char *highlight;   /* an organisation to place, or NULL */
};

/* One file given to a benchmark. */
struct benchmark_file {
	const char *path;       /* borrowed */
	char *error;            /* why it did not load, or NULL */
	const char *own;        /* it is one of tri-assess's own tables (outputs.h):
				   which; passed over, not an error */
	char *organisation;     /* as written in the file */
	char type[8], date[16];
	/* what loading it repaired or doubts (the assessment's read_notes),
	 * for the caller to say in the files' order */
	struct spreadsheet_notes notes;
	int total;              /* points over every category */
	/* per category (category_count each) */
	int *scores;
	enum level *levels;     /* as score_category gives it */
	size_t *answered;
};

/* One category's statistics over what is counted of it. */
struct benchmark_column {
	struct benchmark_stats stats;
	size_t incomplete;   /* counted, incomplete (include_incomplete) */
	size_t left_out;     /* counted files whose category is incomplete */
	enum benchmark_use highlight_use;
	int highlight_score;
	enum level highlight_level;
	double highlight_rank; /* percentile rank, where used */
};

/* The statistics model of a benchmark. */
struct benchmark_set {
	const struct framework *fw;  /* borrowed */
	struct benchmark_options options;
	size_t file_count, category_count;
	struct benchmark_file *files;              /* in the order given */
	struct benchmark_candidate *candidates;    /* per file: its verdict */
	bool out_of_memory;     /* a file's texts could not be kept */
	size_t counted;         /* files counted (loaded, of the type, latest) */
	size_t set_aside;       /* files loaded but not counted */
	size_t left_out;        /* categories left out of counted files */
	long highlighted;       /* the highlighted organisation's counted file, or -1 */
	struct benchmark_column *columns;          /* per category */
	size_t *profile;        /* counted files by total points, highest first */
	/* private */
	int *score_cells;
	enum level *level_cells;
	size_t *answered_cells;
	char **keys;            /* per file: organisation_key */
};

/* Load and score files[0..n) on every core (up to 16 threads), choose the
 * files to count (benchmark_choose) and compute each category's statistics
 * and the highlighted organisation's place.  A file that does not load has
 * its error (or, being one of tri-assess's own tables, own) set, and is
 * not counted; the caller decides whether that fails the run.  The paths
 * and framework must outlive set; release it with benchmark_set_finish.
 * Returns 0, or -1 when out of memory (set is then empty). */
int benchmark_set_init(struct benchmark_set *set, const struct framework *fw,
		       char *const *paths, size_t n, const struct benchmark_options *options);

/* Release what benchmark_set_init allocated. */
void benchmark_set_finish(struct benchmark_set *set);

/* How file f's category c enters the statistics. */
enum benchmark_use benchmark_set_use(const struct benchmark_set *set, size_t file,
				     size_t category);

#endif
