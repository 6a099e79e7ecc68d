/* The commands for peer review, progress and benchmarking: compare, plan,
 * benchmark.  Numbers come from core (score, plan, benchmark); this file
 * only formats them. */
#include <pthread.h>
#include <sys/stat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "benchmark.h"
#include "cli.h"
#include "csvio.h"
#include "organisation.h"
#include "outputs.h"
#include "plan.h"
#include "report.h"
#include "score.h"
#include "words.h"

/* Bytes of text's first characters, at most max bytes, never cutting a
 * UTF-8 sequence. */
static size_t utf8_prefix(const char *text, size_t max)
{
	size_t n = strnlen(text, max + 1);
	if (n <= max)
		return n;
	n = max;
	while (n > 0 && ((unsigned char)text[n] & 0xC0) == 0x80)
		n--;
	return n;
}

static const char *describe(const struct assessment *a, const char *file, char *buf, size_t size)
{
	snprintf(buf, size, "%s (%s%s%s%s%s)", file,
		 *a->organisation ? a->organisation : "organisation not given",
		 *a->type ? ", " : "", a->type, *a->date ? ", " : "", a->date);
	return buf;
}

/* compare --csv: every column but id and title is the program's own. */
#define COMPARE_COMPUTED (~(CSVIO_COMPUTED(1) | CSVIO_COMPUTED(2)))

int cmd_compare(const struct framework *fw, const struct cli_options *opt, char **files, int count)
{
	if (count != 2)
		return cli_usage_error("compare: expected two files, A and B");
	struct assessment **both = cli_load_all(fw, files, 2, false);
	if (!both)
		return CLI_EXIT_BAD_INPUT;
	const struct assessment *a = both[0], *b = both[1];
	char num[6][16];
	if (opt->csv) {
		cli_csv_begin(opt);
		const char *head[] = { "kind", "id", "title", "level_a", "level_b", "score_a",
				       "score_b", "change", "differs" };
		cli_csv_row(head, 9, 0);
	} else {
		char da[600], db[600];
		cli_print("A: %s\nB: %s\n\n", describe(a, files[0], da, sizeof da),
		          describe(b, files[1], db, sizeof db));
		cli_print("   %-36s %-24s %-24s %s\n", "Category", "A", "B", "B - A");
	}
	for (size_t c = 0; c < fw->category_count; c++) {
		struct score_result ra, rb;
		score_category(fw, a->levels, c, &ra);
		score_category(fw, b->levels, c, &rb);
		snprintf(num[0], sizeof num[0], "%d", ra.score);
		snprintf(num[1], sizeof num[1], "%d", rb.score);
		snprintf(num[2], sizeof num[2], "%+d", rb.score - ra.score);
		if (opt->csv) {
			const char *row[] = { "category", fw->categories[c].id, fw->categories[c].title,
					      framework_level_name(fw, ra.level), framework_level_name(fw, rb.level), num[0], num[1],
					      num[2], ra.level != rb.level ? "yes" : "no" };
			cli_csv_row(row, 9, COMPARE_COMPUTED);
			continue;
		}
		/* the level as far as each side assessed it, worded as score words it */
		char sa[256], sb[256];
		words_summary(fw, &ra, WORDS_BRIEF, sa, sizeof sa);
		words_summary(fw, &rb, WORDS_BRIEF, sb, sizeof sb);
		cli_print("%-2s %-36s %-24s %-24s %s%s\n", fw->categories[c].id, fw->categories[c].title,
		          sa, sb, num[2], ra.level != rb.level ? "  level differs" : "");
	}
	size_t differ = 0;
	for (size_t i = 0; i < fw->criterion_count; i++) {
		const struct framework_criterion *crit = &fw->criteria[i];
		bool differs = a->levels[i] != b->levels[i];
		differ += differs;
		int pa = framework_points(fw, a->levels[i]), pb = framework_points(fw, b->levels[i]);
		snprintf(num[0], sizeof num[0], "%d", pa);
		snprintf(num[1], sizeof num[1], "%d", pb);
		snprintf(num[2], sizeof num[2], "%+d", pb - pa);
		if (opt->csv) {
			const char *row[] = { "criterion", crit->id, fw->categories[crit->category].title,
					      framework_level_name(fw, a->levels[i]), framework_level_name(fw, b->levels[i]),
					      num[0], num[1], num[2], differs ? "yes" : "no" };
			cli_csv_row(row, 9, COMPARE_COMPUTED);
		}
	}
	if (!opt->csv) {
		cli_print("\n%zu of %zu criteria differ%s\n", differ, fw->criterion_count,
		          differ ? ":" : ".");
		for (size_t i = 0; i < fw->criterion_count; i++) {
			if (a->levels[i] == b->levels[i])
				continue;
			cli_print("  %-5s A: %-14s B: %-14s\n", fw->criteria[i].id,
			          words_level(fw, a->levels[i]), words_level(fw, b->levels[i]));
			const char *hist[2] = { a->answers[i].history, b->answers[i].history };
			for (int k = 0; k < 2; k++)
				if (*hist[k])
					cli_print("        history in %s: %s\n", k ? "B" : "A", hist[k]);
		}
	}
	cli_free_all(both, 2);
	return 0;
}

int cmd_plan(const struct framework *fw, const struct cli_options *opt, char **files, int count)
{
	if (count != 1)
		return cli_usage_error("plan: expected one FILE");
	struct assessment **one = cli_load_all(fw, files, 1, false);
	if (!one)
		return CLI_EXIT_BAD_INPUT;
	const struct assessment *a = one[0];
	if (opt->csv) {
		cli_csv_begin(opt);
		const char *head[] = { "criterion_id", "category", "current_level", "target_level",
				       "target_statement", "action", "lead_officer", "timescale" };
		cli_csv_row(head, 8, 0);
		for (size_t i = 0; i < fw->criterion_count; i++) {
			enum level target = plan_target(a, i);
			if (target == LEVEL_NONE)
				continue;
			const struct framework_criterion *c = &fw->criteria[i];
			const struct assessment_answer *ans = &a->answers[i];
			const char *row[] = { c->id, fw->categories[c->category].title,
					      framework_level_name(fw, a->levels[i]), framework_level_name(fw, target),
					      c->cell[target], ans->action, ans->lead_officer,
					      ans->timescale };
			cli_csv_row(row, 8, CSVIO_COMPUTED(2) | CSVIO_COMPUTED(3));
		}
		cli_free_all(one, 1);
		return 0;
	}
	char desc[600];
	cli_print("Action plan: %s\n", describe(a, files[0], desc, sizeof desc));
	for (size_t c = 0; c < fw->category_count; c++) {
		const struct framework_category *cat = &fw->categories[c];
		struct score_result r;
		score_category(fw, a->levels, c, &r);
		char line[512];
		cli_print("\n%s", words_category(fw, c, &r, WORDS_LINE_SENTENCE, line, sizeof line));
		struct plan_gap gap;
		if (r.state == SCORE_NOT_ASSESSED) {
			cli_print(" Its rows need levels before a plan can say what it takes.\n");
		} else if (r.next_level == LEVEL_NONE) {
			cli_print(" The top level.\n");
		} else if (plan_gap(fw, a->levels, c, &gap) == 0) {
			cli_print(" %d more point%s for %s; the fewest steps (%zu):\n", gap.points_needed,
			          gap.points_needed == 1 ? "" : "s", words_level(fw, gap.next_level),
			          gap.step_count);
			for (size_t k = 0; k < gap.raise_count; k++) {
				const struct plan_raise *rz = &gap.raises[k];
				cli_print("  %-5s %s -> %s (+%d): %s\n", fw->criteria[rz->criterion].id,
				          words_level(fw, rz->from), words_level(fw, rz->to), rz->gain,
				          fw->criteria[rz->criterion].cell[rz->to]);
			}
		} else {
			cli_print(" %s is out of reach from the rows as they stand.\n",
			          words_level(fw, r.next_level));
		}
		bool any = false;
		for (size_t i = cat->first_criterion; i < cat->first_criterion + cat->criterion_count; i++) {
			const struct assessment_answer *ans = &a->answers[i];
			if (!*ans->action && !*ans->lead_officer && !*ans->timescale &&
			    ans->target == LEVEL_UNANSWERED)
				continue;
			enum level target = plan_target(a, i);
			if (!any)
				cli_print("  Planned actions:\n");
			any = true;
			cli_print("  %-5s target %s: %s\n        lead: %s; by: %s\n", fw->criteria[i].id,
			          target == LEVEL_NONE ? "(reached)" : words_level(fw, target),
			          *ans->action ? ans->action : "(no action recorded)",
			          *ans->lead_officer ? ans->lead_officer : "-",
			          *ans->timescale ? ans->timescale : "-");
		}
	}
	cli_free_all(one, 1);
	return 0;
}

/* What benchmark keeps of each file: loaded and scored on every core,
 * each worker taking every n-th file, and only what the choice of files
 * and the statistics need. */
struct bench_data {
	size_t n, nc;
	int *scores;            /* n x nc */
	enum level *levels;     /* n x nc */
	size_t *answered;       /* n x nc */
	char **organisations;   /* n: as written in the file */
	char **keys;            /* n: organisation_key */
	char (*types)[8];       /* n */
	char (*dates)[16];      /* n */
	long long *mtimes;      /* n: nanoseconds */
	char **errors;          /* n: why it did not load, or NULL */
	char **read_notes;      /* n: what loading repaired or doubts, or NULL */
	const char **own;       /* n: which of tri-assess's own tables it is, or NULL */
	struct benchmark_candidate *candidates; /* n */
};

struct bench_job {
	const struct framework *fw;
	char **files;
	size_t stride, first;
	struct bench_data *d;
};

static void bench_take(struct bench_job *job, size_t f, const struct assessment *a)
{
	struct bench_data *d = job->d;
	for (size_t c = 0; c < d->nc; c++) {
		struct score_result r;
		score_category(job->fw, a->levels, c, &r);
		d->scores[f * d->nc + c] = r.score;
		d->levels[f * d->nc + c] = r.level;
		d->answered[f * d->nc + c] = r.answered;
	}
	d->organisations[f] = strdup(a->organisation);
	d->keys[f] = organisation_key(a->organisation);
	snprintf(d->types[f], sizeof d->types[f], "%s", a->type);
	snprintf(d->dates[f], sizeof d->dates[f], "%s", a->date);
	struct stat st;
	if (stat(job->files[f], &st) == 0)
		d->mtimes[f] = (long long)st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec;
}

static void *bench_worker(void *arg)
{
	struct bench_job *job = arg;
	for (size_t f = job->first; f < job->d->n; f += job->stride) {
		struct tri_error err;
		struct assessment *a = assessment_load_levels(job->fw, job->files[f], &err);
		if (!a) {
			/* one of tri-assess's own tables lying among the files is passed
			 * over (said later, in order); anything else is an error */
			if (!(job->d->own[f] = outputs_file_kind(job->files[f])))
				job->d->errors[f] = strdup(err.message);
			continue;
		}
		job->d->read_notes[f] = cli_read_notes_text(a);
		bench_take(job, f, a);
		assessment_destroy(a);
	}
	return NULL;
}

static void bench_finish(struct bench_data *d)
{
	for (size_t f = 0; f < d->n && d->organisations && d->keys && d->errors &&
	     d->read_notes; f++) {
		free(d->organisations[f]);
		free(d->keys[f]);
		free(d->errors[f]);
		free(d->read_notes[f]);
	}
	free(d->read_notes);
	free(d->scores);
	free(d->levels);
	free(d->answered);
	free(d->organisations);
	free(d->keys);
	free(d->types);
	free(d->dates);
	free(d->mtimes);
	free(d->errors);
	free(d->own);
	free(d->candidates);
}

/* Load and score every file on every core. */
static int bench_load(const struct framework *fw, char **files, size_t n, struct bench_data *d)
{
	size_t nc = fw->category_count;
	*d = (struct bench_data){ .n = n, .nc = nc };
	d->scores = calloc(n * nc, sizeof *d->scores);
	d->levels = calloc(n * nc, sizeof *d->levels);
	d->answered = calloc(n * nc, sizeof *d->answered);
	d->organisations = calloc(n, sizeof *d->organisations);
	d->keys = calloc(n, sizeof *d->keys);
	d->types = calloc(n, sizeof *d->types);
	d->dates = calloc(n, sizeof *d->dates);
	d->mtimes = calloc(n, sizeof *d->mtimes);
	d->errors = calloc(n, sizeof *d->errors);
	d->read_notes = calloc(n, sizeof *d->read_notes);
	d->own = calloc(n, sizeof *d->own);
	d->candidates = calloc(n, sizeof *d->candidates);
	if (!d->scores || !d->levels || !d->answered || !d->organisations || !d->keys ||
	    !d->types || !d->dates || !d->mtimes || !d->errors || !d->read_notes || !d->own ||
	    !d->candidates)
		return -1;
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	size_t workers = cores < 1 ? 1 : cores > 16 ? 16 : (size_t)cores;
	if (workers > n)
		workers = n;
	pthread_t threads[16];
	struct bench_job jobs[16];
	for (size_t t = 0; t < 16; t++)
		jobs[t] = (struct bench_job){ fw, files, workers, t, d };
	size_t started = 1; /* this thread is worker 0 */
	while (started < workers &&
	       pthread_create(&threads[started], NULL, bench_worker, &jobs[started]) == 0)
		started++;
	/* This thread does the first share; a worker that did not start is
	 * done here too. */
	for (size_t t = started; t < workers; t++)
		bench_worker(&jobs[t]);
	bench_worker(&jobs[0]);
	for (size_t t = 1; t < started; t++)
		pthread_join(threads[t], NULL);
	return 0;
}

/* Every failure, in the order given; a table of tri-assess's own is
 * passed over with a note.  Returns 0, or CLI_EXIT_BAD_INPUT. */
static int bench_check(char **files, const struct bench_data *d)
{
	int rc = 0;
	for (size_t f = 0; f < d->n; f++) {
		cli_say_lines(d->read_notes[f]);
		if (d->own[f]) {
			cli_error("passed over %s: %s written by tri-assess, not "
				"an assessment", files[f], d->own[f]);
		} else if (d->errors[f]) {
			cli_error("%s", d->errors[f]);
			rc = CLI_EXIT_BAD_INPUT;
		} else if (!d->organisations[f] || !d->keys[f]) {
			cli_error("out of memory");
			rc = CLI_EXIT_BAD_INPUT;
		}
	}
	return rc;
}

/* How a counted file's category enters the statistics. */
enum bench_use { USE_NOT, USE_COMPLETE, USE_INCOMPLETE };

static enum bench_use bench_use(const struct framework *fw, const struct bench_data *d,
				size_t f, size_t c, bool include_incomplete)
{
	if (d->own[f] || d->candidates[f].verdict != BENCHMARK_COUNTED)
		return USE_NOT;
	if (d->answered[f * d->nc + c] == fw->categories[c].criterion_count)
		return USE_COMPLETE;
	return include_incomplete ? USE_INCOMPLETE : USE_NOT;
}

/* The files set aside and the categories left out, and why, on standard
 * error (clarifications rule 19); returns the number of files counted. */
static size_t bench_say_choice(const struct framework *fw, char **files,
			       const struct bench_data *d, const struct cli_options *opt,
			       size_t *left_out)
{
	const char *type = opt->type ? opt->type : "self";
	size_t counted = 0, aside = 0;
	*left_out = 0;
	for (size_t f = 0; f < d->n; f++) {
		const struct benchmark_candidate *b = &d->candidates[f];
		if (d->own[f])
			continue;
		if (b->verdict == BENCHMARK_OTHER_TYPE) {
			aside++;
			cli_error("set aside %s: %s (benchmarking %s; --type %s "
				"for those)", files[f], !*d->types[f] ? "no assessment type given"
				: strcmp(d->types[f], "peer") == 0 ? "a peer review" : "a self-assessment",
				strcmp(type, "peer") == 0 ? "peer reviews" : "self-assessments",
				strcmp(type, "peer") == 0 ? "self" : "peer");
			continue;
		}
		if (b->verdict == BENCHMARK_EARLIER) {
			aside++;
			cli_error("set aside %s: an earlier assessment of %s than "
				"%s (%s); one per organisation, --all-files counts every file",
				files[f], d->organisations[f], files[b->counted_instead],
				*d->dates[b->counted_instead] ? d->dates[b->counted_instead] : "no date");
			continue;
		}
		counted++;
		if (!*d->types[f])
			cli_error("%s gives no assessment type: counted as a "
				"self-assessment", files[f]);
		char list[512] = "";
		size_t used = 0, incomplete = 0;
		for (size_t c = 0; c < d->nc; c++) {
			size_t answered = d->answered[f * d->nc + c];
			if (answered == fw->categories[c].criterion_count)
				continue;
			incomplete++;
			char part[96];
			if (answered)
				snprintf(part, sizeof part, "%s (%zu of %zu answered)", fw->categories[c].id,
					 answered, fw->categories[c].criterion_count);
			else
				snprintf(part, sizeof part, "%s (not assessed)", fw->categories[c].id);
			used += (size_t)snprintf(list + used, used < sizeof list ? sizeof list - used : 0,
						 "%s%s", used ? ", " : "", part);
		}
		if (!incomplete)
			continue;
		if (opt->include_incomplete) {
			cli_error("%s: incomplete categories counted, marked *: %s",
				files[f], list);
		} else {
			*left_out += incomplete;
			cli_error("%s: incomplete categories left out: %s "
				"(--include-incomplete counts them, marked)", files[f], list);
		}
	}
	if (aside || *left_out)
		cli_error("benchmark counts %zu of %zu assessments; set aside %zu, "
			"left out %zu incomplete categor%s", counted, counted + aside, aside,
			*left_out, *left_out == 1 ? "y" : "ies");
	return counted;
}

/* The organisation to highlight: its file counted (the latest, with
 * --all-files), or -1. */
static long bench_highlighted(const struct bench_data *d, const char *name)
{
	char *key = organisation_key(name);
	long found = -1;
	for (size_t f = 0; key && f < d->n; f++)
		if (!d->own[f] && d->candidates[f].verdict == BENCHMARK_COUNTED &&
		    strcmp(d->keys[f], key) == 0 &&
		    (found < 0 || benchmark_later(&d->candidates[f], &d->candidates[found])))
			found = (long)f;
	free(key);
	return found;
}

/* A box plot of scores on 0..max in width columns; '*' marks the
 * highlighted score (if >= 0). */
static void print_box(const struct benchmark_stats *s, int max, int highlight, int width)
{
	char line[128];
	if (width > 120)
		width = 120;
	for (int i = 0; i < width; i++)
		line[i] = ' ';
#define COL(v) ((int)((v) * (width - 1) / (max > 0 ? max : 1) + 0.5))
	for (int i = COL(s->min); i <= COL(s->max); i++)
		line[i] = '-';
	for (int i = COL(s->q1); i <= COL(s->q3); i++)
		line[i] = '=';
	line[COL(s->min)] = '|';
	line[COL(s->max)] = '|';
	line[COL(s->median)] = 'M';
	if (highlight >= 0)
		line[COL((double)highlight)] = '*';
#undef COL
	line[width] = '\0';
	cli_print("    0 [%s] %d\n", line, max);
}

/* One category's statistics over what is counted of it. */
struct bench_column {
	struct benchmark_stats st;
	size_t incomplete, left_out;
	enum bench_use highlight_use;
	int highlight_score;
	double rank;
};

static void bench_column(const struct framework *fw, const struct bench_data *d, size_t c,
			 bool include_incomplete, long highlighted, int *scores,
			 enum level *levels, struct bench_column *out)
{
	size_t m = 0;
	*out = (struct bench_column){ .highlight_use = USE_NOT };
	for (size_t f = 0; f < d->n; f++) {
		if (d->own[f] || d->candidates[f].verdict != BENCHMARK_COUNTED)
			continue;
		enum bench_use use = bench_use(fw, d, f, c, include_incomplete);
		if (use == USE_NOT) {
			out->left_out++;
			continue;
		}
		out->incomplete += use == USE_INCOMPLETE;
		scores[m] = d->scores[f * d->nc + c];
		levels[m++] = d->levels[f * d->nc + c];
	}
	if (highlighted >= 0) {
		out->highlight_use = bench_use(fw, d, (size_t)highlighted, c, include_incomplete);
		out->highlight_score = d->scores[(size_t)highlighted * d->nc + c];
		if (out->highlight_use != USE_NOT)
			out->rank = benchmark_percentile_rank(scores, m, out->highlight_score);
	}
	benchmark_summarise(scores, levels, m, &out->st);
}

static void bench_csv_row(const struct framework *fw, const struct bench_data *d, size_t c,
			  long highlighted, const struct bench_column *k)
{
	char v[6 + LEVEL_MAX_COUNT + 4][32];
	const char *row[8 + LEVEL_MAX_COUNT + 5];
	size_t n = 0, m = 0;
	row[n++] = fw->categories[c].id;
	row[n++] = fw->categories[c].title;
	snprintf(v[m], 32, "%zu", k->st.count);
	row[n++] = v[m++];
	double nums[5] = { k->st.min, k->st.q1, k->st.median, k->st.q3, k->st.max };
	for (int i = 0; i < 5; i++) { /* no figures of nothing */
		v[m][0] = '\0';
		if (k->st.count)
			snprintf(v[m], 32, "%g", nums[i]);
		row[n++] = v[m++];
	}
	for (size_t l = 1; l < fw->level_count; l++) {
		snprintf(v[m], 32, "%zu", k->st.at_level[l]);
		row[n++] = v[m++];
	}
	bool shown = k->highlight_use != USE_NOT;
	snprintf(v[m], 32, "%d", k->highlight_score);
	row[n++] = shown ? v[m] : "";
	m++;
	row[n++] = shown ? framework_level_name(fw, d->levels[(size_t)highlighted * d->nc + c]) : "";
	snprintf(v[m], 32, "%.1f", k->rank);
	row[n++] = shown ? v[m] : "";
	m++;
	snprintf(v[m], 32, "%zu", k->incomplete);
	row[n++] = v[m++];
	snprintf(v[m], 32, "%zu", k->left_out);
	row[n++] = v[m++];
	/* the category's id and title came from the framework's files: guarded */
	cli_csv_row(row, n, ~(CSVIO_COMPUTED(0) | CSVIO_COMPUTED(1)));
}

static void bench_text_category(const struct framework *fw, const struct bench_data *d,
				size_t c, const struct cli_options *opt, long highlighted,
				const struct bench_column *k)
{
	const struct benchmark_stats *st = &k->st;
	int category_max = score_category_max(fw, c);
	cli_print("\n%s %s (max %d): %zu assessment%s", fw->categories[c].id, fw->categories[c].title,
	       category_max, st->count, st->count == 1 ? "" : "s");
	if (k->incomplete)
		cli_print(", %zu of them incomplete", k->incomplete);
	if (k->left_out)
		cli_print("; %zu incomplete left out", k->left_out);
	cli_print("\n");
	if (!st->count) {
		cli_print("    none complete: nothing to compare\n");
	} else {
		cli_print("    min %g  q1 %g  median %g  q3 %g  max %g\n", st->min, st->q1, st->median,
		       st->q3, st->max);
		print_box(st, category_max, k->highlight_use != USE_NOT ? k->highlight_score : -1, 60);
		for (size_t l = 1; l < fw->level_count; l++) {
			int bar = (int)(st->at_level[l] * 40 / st->count);
			cli_print("    %-11s %4zu %.*s\n", words_level(fw, (enum level)l), st->at_level[l],
				  bar, "########################################");
		}
	}
	if (highlighted < 0)
		return;
	size_t at = (size_t)highlighted * d->nc + c;
	if (k->highlight_use == USE_NOT)
		cli_print("    %s: left out, incomplete (%zu of %zu answered)\n", opt->highlight,
		       d->answered[at], fw->categories[c].criterion_count);
	else
		cli_print("    %s: %d, %s%s, percentile rank %.0f\n", opt->highlight, k->highlight_score,
		       k->highlight_use == USE_INCOMPLETE ? "incomplete, " : "",
		       words_level(fw, d->levels[at]), k->rank);
}

/* Each counted assessment's profile: named, or anonymised by a letter
 * code in order of total points (which says nothing the scores don't). */
static void bench_profiles(const struct framework *fw, const struct bench_data *d,
			   const struct cli_options *opt, long highlighted)
{
	size_t *order = malloc(d->n * sizeof *order);
	int *totals = malloc(d->n * sizeof *totals);
	size_t m = 0;
	for (size_t f = 0; order && totals && f < d->n; f++) {
		if (d->own[f] || d->candidates[f].verdict != BENCHMARK_COUNTED)
			continue;
		order[m++] = f;
		totals[f] = 0;
		for (size_t c = 0; c < d->nc; c++)
			totals[f] += d->scores[f * d->nc + c];
	}
	for (size_t i = 1; i < m; i++)
		for (size_t j = i; j > 0 && totals[order[j]] > totals[order[j - 1]]; j--) {
			size_t t = order[j];
			order[j] = order[j - 1];
			order[j - 1] = t;
		}
	if (order && totals)
		cli_print("\nProfiles (category scores; %s; - left out, * incomplete):\n", opt->named
		       ? "named" : "organisations anonymised, --named to show them");
	for (size_t i = 0; order && totals && i < m; i++) {
		size_t f = order[i];
		char label[64];
		if (opt->named || (long)f == highlighted)
			snprintf(label, sizeof label, "%.*s",
				 (int)utf8_prefix(d->organisations[f], 40), d->organisations[f]);
		else
			snprintf(label, sizeof label, "Assessment %zu", i + 1);
		char row[16 * 64] = "";
		size_t used = 0;
		for (size_t c = 0; c < d->nc && used < sizeof row - 16; c++) {
			enum bench_use use = bench_use(fw, d, f, c, opt->include_incomplete);
			if (use == USE_NOT)
				used += (size_t)snprintf(row + used, sizeof row - used, "   - ");
			else
				used += (size_t)snprintf(row + used, sizeof row - used, " %3d%s",
							 d->scores[f * d->nc + c],
							 use == USE_INCOMPLETE ? "*" : " ");
		}
		cli_print("  %-40s%s  total %d%s\n", label, row, totals[f],
			  (long)f == highlighted ? "  (highlighted)" : "");
	}
	free(order);
	free(totals);
}

static void bench_head(const struct framework *fw, const struct cli_options *opt, size_t counted,
		       size_t left_out)
{
	if (opt->csv) {
		cli_csv_begin(opt);
		/* a column per level above none, named as the framework names it */
		static const char *const first[] = { "category", "title", "count", "min", "q1",
						     "median", "q3", "max" };
		static const char *const last[] = { "highlight_score", "highlight_level",
						    "highlight_percentile", "incomplete", "left_out" };
		const char *head[8 + LEVEL_MAX_COUNT + 5];
		size_t n = 0;
		for (size_t i = 0; i < 8; i++)
			head[n++] = first[i];
		for (size_t l = 1; l < fw->level_count; l++)
			head[n++] = fw->levels[l].name;
		for (size_t i = 0; i < 5; i++)
			head[n++] = last[i];
		cli_csv_row(head, n, 0);
		return;
	}
	bool peer = opt->type && strcmp(opt->type, "peer") == 0;
	cli_print("Benchmark of %zu %s%s%s against %s, version %s%s%s.\n", counted,
	       peer ? "peer review" : "self-assessment", counted == 1 ? "" : "s",
	       opt->all_files ? "" : " (the latest of each organisation)", fw->title, fw->version,
	       opt->highlight ? "; * marks " : "", opt->highlight ? opt->highlight : "");
	if (left_out)
		cli_print("Incomplete categories are left out (%zu; --include-incomplete counts them). ",
		       left_out);
	cli_print("Quartiles by linear interpolation (as NumPy and Excel's QUARTILE.INC). "
	       "M median, = middle half, |-| range.\n");
}

int cmd_benchmark(const struct framework *fw, const struct cli_options *opt, char **files, int count)
{
	if (count < 1)
		return cli_usage_error("benchmark: expected at least one FILE");
	if (opt->type && strcmp(opt->type, "self") != 0 && strcmp(opt->type, "peer") != 0)
		return cli_usage_error("benchmark: --type is '%s'; expected self or peer", opt->type);
	size_t n = (size_t)count, left_out = 0;
	struct bench_data d;
	int *column = malloc(n * sizeof *column);
	enum level *column_levels = malloc(n * sizeof *column_levels);
	int rc = CLI_EXIT_BAD_INPUT;
	if (bench_load(fw, files, n, &d) != 0 || !column || !column_levels) {
		cli_error("out of memory");
		goto done;
	}
	if (bench_check(files, &d) != 0)
		goto done;
	for (size_t f = 0; f < n; f++)
		d.candidates[f] = (struct benchmark_candidate){ d.keys[f] ? d.keys[f] : "",
			d.types[f], d.dates[f], d.mtimes[f], BENCHMARK_COUNTED, f };
	if (benchmark_choose(d.candidates, n, opt->type ? opt->type : "self", opt->all_files) != 0) {
		cli_error("out of memory");
		goto done;
	}
	size_t counted = bench_say_choice(fw, files, &d, opt, &left_out);
	if (counted == 0) {
		cli_error("benchmark: no %s among the files to count",
			opt->type && strcmp(opt->type, "peer") == 0 ? "peer review" : "self-assessment");
		goto done;
	}
	long highlighted = opt->highlight ? bench_highlighted(&d, opt->highlight) : -1;
	if (opt->highlight && highlighted < 0) {
		cli_error("--highlight: no assessment of \"%s\" among the %zu "
			"counted; expected an organisation as written in the files", opt->highlight,
			counted);
		goto done;
	}
	bench_head(fw, opt, counted, left_out);
	for (size_t c = 0; c < d.nc; c++) {
		struct bench_column k;
		bench_column(fw, &d, c, opt->include_incomplete, highlighted, column, column_levels,
			     &k);
		if (opt->csv)
			bench_csv_row(fw, &d, c, highlighted, &k);
		else
			bench_text_category(fw, &d, c, opt, highlighted, &k);
	}
	if (!opt->csv && counted <= 200)
		bench_profiles(fw, &d, opt, highlighted);
	rc = 0;
done:
	bench_finish(&d);
	free(column);
	free(column_levels);
	return rc;
}

/* Where the report may go: refused onto an input, or onto a file that is
 * not a report without --force.  Returns 0 with *verdict, or an exit code. */
static int check_output(const struct cli_options *opt, char **files,
			enum outfile_verdict *verdict)
{
	const char *inputs[] = { files[0], opt->compare };
	struct tri_error err;
	*verdict = outfile_check(opt->output, &report_signature, inputs, 2, &err);
	if (*verdict == OUTFILE_REFUSED) {
		cli_error("report: %s", err.message);
		return CLI_EXIT_BAD_INPUT;
	}
	if (*verdict == OUTFILE_OTHER && !opt->force) {
		cli_error("report: %s; not replaced (--force replaces it)", err.message);
		return CLI_EXIT_BAD_INPUT;
	}
	return 0;
}

int cmd_report(const struct framework *fw, const struct cli_options *opt, char **files, int count)
{
	if (count != 1)
		return cli_usage_error("report: expected one FILE");
	if (!opt->output)
		return cli_usage_error("report: expected -o REPORT.html (or -o - for standard "
				       "output)");
	bool to_stdout = strcmp(opt->output, "-") == 0;
	enum outfile_verdict verdict = OUTFILE_NEW;
	int rc = to_stdout ? 0 : check_output(opt, files, &verdict);
	if (rc != 0)
		return rc;
	char *names[2] = { files[0], (char *)opt->compare };
	struct assessment **loaded = cli_load_all(fw, names, opt->compare ? 2 : 1, false);
	if (!loaded)
		return CLI_EXIT_BAD_INPUT;
	struct tri_error err;
	const struct assessment *b = opt->compare ? loaded[1] : NULL;
	const char *b_label = opt->compare ? opt->compare : "";
	if (to_stdout) {
		if (report_write(stdout, loaded[0], files[0], b, b_label, &err) != 0 ||
		    fflush(stdout) != 0) {
			cli_error("report: cannot write to standard output");
			rc = CLI_EXIT_BAD_INPUT;
		}
	} else if (report_save(opt->output, verdict, loaded[0], files[0], b, b_label, &err) != 0) {
		cli_error("%s", err.message);
		rc = CLI_EXIT_BAD_INPUT;
	} else {
		cli_print("Wrote %s\n", opt->output);
	}
	cli_free_all(loaded, opt->compare ? 2 : 1);
	return rc;
}
