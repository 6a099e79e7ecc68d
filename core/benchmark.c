#include "benchmark.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "assessment.h"
#include "organisation.h"
#include "outputs.h"
#include "score.h"

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
	// NOLINTNEXTLINE(bugprone-sizeof-expression): an array of pointers
	struct benchmark_candidate **order = malloc((n ? n : 1) * sizeof *order);
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

/* ---- The statistics model: many files loaded on every core ---- */

struct load_job {
	struct benchmark_set *set;
	size_t stride, first;
};

/* Keep what the choice of files and the statistics need of file f. */
static void take(struct benchmark_set *set, size_t f, struct assessment *a)
{
	struct benchmark_file *file = &set->files[f];
	for (size_t c = 0; c < set->category_count; c++) {
		struct score_result r;
		score_category(set->fw, a->levels, c, &r);
		file->scores[c] = r.score;
		file->levels[c] = r.level;
		file->answered[c] = r.answered;
		file->total += r.score;
	}
	file->notes = a->read_notes; /* moved: the assessment is destroyed next */
	a->read_notes = (struct spreadsheet_notes){ 0 };
	file->organisation = strdup(a->organisation);
	set->keys[f] = organisation_key(a->organisation);
	snprintf(file->type, sizeof file->type, "%s", a->type);
	snprintf(file->date, sizeof file->date, "%s", a->date);
	struct stat st;
	if (stat(file->path, &st) == 0)
		set->candidates[f].mtime_ns = (long long)st.st_mtim.tv_sec * 1000000000LL +
					      st.st_mtim.tv_nsec;
}

/* Each worker takes every stride-th file. */
static void *load_worker(void *arg)
{
	struct load_job *job = arg;
	struct benchmark_set *set = job->set;
	for (size_t f = job->first; f < set->file_count; f += job->stride) {
		struct tri_error err;
		struct assessment *a = assessment_load_levels(set->fw, set->files[f].path, &err);
		if (!a) {
			/* one of tri-assess's own tables lying among the files is passed
			 * over; anything else is an error */
			if (!(set->files[f].own = outputs_file_kind(set->files[f].path)))
				set->files[f].error = strdup(err.message);
			continue;
		}
		take(set, f, a);
		assessment_destroy(a);
	}
	return NULL;
}

/* Load and score every file, on up to 16 threads; this one is worker 0,
 * and does the share of any worker that did not start. */
static void load_all(struct benchmark_set *set)
{
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	size_t workers = cores < 1 ? 1 : cores > 16 ? 16 : (size_t)cores;
	if (workers > set->file_count)
		workers = set->file_count ? set->file_count : 1;
	pthread_t threads[16];
	struct load_job jobs[16];
	for (size_t t = 0; t < 16; t++)
		jobs[t] = (struct load_job){ set, workers, t };
	size_t started = 1;
	while (started < workers &&
	       pthread_create(&threads[started], NULL, load_worker, &jobs[started]) == 0)
		started++;
	for (size_t t = started; t < workers; t++)
		load_worker(&jobs[t]);
	load_worker(&jobs[0]);
	for (size_t t = 1; t < started; t++)
		pthread_join(threads[t], NULL);
}

static int allocate(struct benchmark_set *set)
{
	size_t n = set->file_count, nc = set->category_count, cells = n * nc + 1;
	set->files = calloc(n + 1, sizeof *set->files);
	set->candidates = calloc(n + 1, sizeof *set->candidates);
	set->keys = calloc(n + 1, sizeof *set->keys);
	set->columns = calloc(nc + 1, sizeof *set->columns);
	set->profile = calloc(n + 1, sizeof *set->profile);
	set->score_cells = calloc(cells, sizeof *set->score_cells);
	set->level_cells = calloc(cells, sizeof *set->level_cells);
	set->answered_cells = calloc(cells, sizeof *set->answered_cells);
	if (!set->files || !set->candidates || !set->keys || !set->columns || !set->profile ||
	    !set->score_cells || !set->level_cells || !set->answered_cells)
		return -1;
	for (size_t f = 0; f < n; f++) {
		set->files[f].scores = set->score_cells + f * nc;
		set->files[f].levels = set->level_cells + f * nc;
		set->files[f].answered = set->answered_cells + f * nc;
	}
	return 0;
}

enum benchmark_use benchmark_set_use(const struct benchmark_set *set, size_t file,
				     size_t category)
{
	const struct benchmark_file *f = &set->files[file];
	if (f->own || f->error || set->candidates[file].verdict != BENCHMARK_COUNTED)
		return BENCHMARK_NOT_USED;
	if (f->answered[category] == set->fw->categories[category].criterion_count)
		return BENCHMARK_COMPLETE;
	return set->options.include_incomplete ? BENCHMARK_INCOMPLETE : BENCHMARK_NOT_USED;
}

/* Which files count: those loaded, of the type, the latest of each
 * organisation (unless all_files). */
static int choose(struct benchmark_set *set)
{
	size_t n = set->file_count;
	for (size_t f = 0; f < n; f++) {
		struct benchmark_candidate *b = &set->candidates[f];
		const struct benchmark_file *file = &set->files[f];
		bool loaded = !file->error && !file->own;
		if (loaded && (!file->organisation || !set->keys[f]))
			set->out_of_memory = true;
		b->organisation_key = loaded && set->keys[f] ? set->keys[f] : "";
		b->type = file->type;
		b->date = file->date;
	}
	if (benchmark_choose(set->candidates, n, set->options.type, set->options.all_files) != 0)
		return -1;
	for (size_t f = 0; f < n; f++) {
		const struct benchmark_file *file = &set->files[f];
		if (file->error || file->own)
			continue;
		if (set->candidates[f].verdict != BENCHMARK_COUNTED) {
			set->set_aside++;
			continue;
		}
		set->counted++;
		for (size_t c = 0; c < set->category_count; c++)
			set->left_out += benchmark_set_use(set, f, c) == BENCHMARK_NOT_USED;
	}
	return 0;
}

/* The organisation to highlight: its counted file (the latest, with
 * all_files), or -1. */
static long find_highlighted(const struct benchmark_set *set)
{
	char *key = organisation_key(set->options.highlight);
	long found = -1;
	for (size_t f = 0; key && f < set->file_count; f++)
		if (!set->files[f].error && !set->files[f].own &&
		    set->candidates[f].verdict == BENCHMARK_COUNTED &&
		    strcmp(set->keys[f], key) == 0 &&
		    (found < 0 || benchmark_later(&set->candidates[f], &set->candidates[found])))
			found = (long)f;
	free(key);
	return found;
}

/* Category c's statistics over what is counted of it; scores and levels
 * are scratch space for file_count values each. */
static void column(struct benchmark_set *set, size_t c, int *scores, enum level *levels)
{
	struct benchmark_column *out = &set->columns[c];
	size_t m = 0;
	*out = (struct benchmark_column){ .highlight_use = BENCHMARK_NOT_USED,
					  .highlight_level = LEVEL_UNANSWERED };
	for (size_t f = 0; f < set->file_count; f++) {
		if (set->files[f].error || set->files[f].own ||
		    set->candidates[f].verdict != BENCHMARK_COUNTED)
			continue;
		enum benchmark_use use = benchmark_set_use(set, f, c);
		if (use == BENCHMARK_NOT_USED) {
			out->left_out++;
			continue;
		}
		out->incomplete += use == BENCHMARK_INCOMPLETE;
		scores[m] = set->files[f].scores[c];
		levels[m++] = set->files[f].levels[c];
	}
	if (set->highlighted >= 0) {
		const struct benchmark_file *h = &set->files[set->highlighted];
		out->highlight_use = benchmark_set_use(set, (size_t)set->highlighted, c);
		out->highlight_score = h->scores[c];
		out->highlight_level = h->levels[c];
		if (out->highlight_use != BENCHMARK_NOT_USED)
			out->highlight_rank = benchmark_percentile_rank(scores, m, out->highlight_score);
	}
	benchmark_summarise(scores, levels, m, &out->stats);
}

static const struct benchmark_set *profile_context;

/* Higher total first; equal totals in the order given. */
static int compare_profiles(const void *pa, const void *pb)
{
	size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
	int ta = profile_context->files[a].total, tb = profile_context->files[b].total;
	if (ta != tb)
		return ta > tb ? -1 : 1;
	return (a > b) - (a < b);
}

/* The counted files by total points, highest first; files of equal totals
 * in the order given.  O(n log n): a benchmark may count 10 000 files. */
static void order_profiles(struct benchmark_set *set)
{
	size_t m = 0;
	for (size_t f = 0; f < set->file_count; f++)
		if (!set->files[f].error && !set->files[f].own &&
		    set->candidates[f].verdict == BENCHMARK_COUNTED)
			set->profile[m++] = f;
	profile_context = set; /* sorting happens on one thread */
	qsort(set->profile, m, sizeof *set->profile, compare_profiles);
	profile_context = NULL;
}

int benchmark_set_init(struct benchmark_set *set, const struct framework *fw,
		       char *const *paths, size_t n, const struct benchmark_options *options)
{
	*set = (struct benchmark_set){ .fw = fw, .options = *options, .file_count = n,
				       .category_count = fw->category_count, .highlighted = -1 };
	if (!set->options.type)
		set->options.type = "self";
	int *scores = malloc((n + 1) * sizeof *scores);
	enum level *levels = malloc((n + 1) * sizeof *levels);
	if (!scores || !levels || allocate(set) != 0)
		goto fail;
	for (size_t f = 0; f < n; f++) {
		set->files[f].path = paths[f];
		set->candidates[f].counted_instead = f;
	}
	load_all(set);
	if (choose(set) != 0)
		goto fail;
	if (set->options.highlight)
		set->highlighted = find_highlighted(set);
	for (size_t c = 0; c < set->category_count; c++)
		column(set, c, scores, levels);
	order_profiles(set);
	free(scores);
	free(levels);
	return 0;
fail:
	free(scores);
	free(levels);
	benchmark_set_finish(set);
	return -1;
}

void benchmark_set_finish(struct benchmark_set *set)
{
	for (size_t f = 0; set->files && f < set->file_count; f++) {
		free(set->files[f].error);
		free(set->files[f].organisation);
		spreadsheet_notes_finish(&set->files[f].notes);
		if (set->keys)
			free(set->keys[f]);
	}
	free(set->files);
	free(set->candidates);
	free(set->keys);
	free(set->columns);
	free(set->profile);
	free(set->score_cells);
	free(set->level_cells);
	free(set->answered_cells);
	*set = (struct benchmark_set){ .fw = set->fw };
}
