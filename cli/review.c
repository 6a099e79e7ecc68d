/* The commands for peer review, progress and benchmarking: compare, plan,
 * benchmark.  Numbers come from core (score, plan, benchmark); this file
 * only formats them. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "benchmark.h"
#include "cli.h"
#include "csvio.h"
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
					      level_name(ra.level), level_name(rb.level), num[0], num[1],
					      num[2], ra.level != rb.level ? "yes" : "no" };
			cli_csv_row(row, 9, COMPARE_COMPUTED);
			continue;
		}
		/* the level as far as each side assessed it, worded as score words it */
		char sa[128], sb[128], state[96];
		snprintf(sa, sizeof sa, "%d/%d %s", ra.score, ra.max,
			 words_state(&ra, WORDS_BRIEF, state, sizeof state));
		snprintf(sb, sizeof sb, "%d/%d %s", rb.score, rb.max,
			 words_state(&rb, WORDS_BRIEF, state, sizeof state));
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
					      level_name(a->levels[i]), level_name(b->levels[i]),
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
			          words_level(a->levels[i]), words_level(b->levels[i]));
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
					      level_name(a->levels[i]), level_name(target),
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
		char state[96];
		cli_print("\nCategory %s: %s: %d/%d, %s.", cat->id, cat->title, r.score, r.max,
		          words_state(&r, WORDS_FULL, state, sizeof state));
		struct plan_gap gap;
		if (r.state == SCORE_NOT_ASSESSED) {
			cli_print(" Its rows need levels before a plan can say what it takes.\n");
		} else if (r.next_level == LEVEL_NONE) {
			cli_print(" The top level.\n");
		} else if (plan_gap(fw, a->levels, c, &gap) == 0) {
			cli_print(" %d more point%s for %s; the fewest steps (%zu):\n", gap.points_needed,
			          gap.points_needed == 1 ? "" : "s", words_level(gap.next_level),
			          gap.step_count);
			for (size_t k = 0; k < gap.raise_count; k++) {
				const struct plan_raise *rz = &gap.raises[k];
				cli_print("  %-5s %s -> %s (+%d): %s\n", fw->criteria[rz->criterion].id,
				          words_level(rz->from), words_level(rz->to), rz->gain,
				          fw->criteria[rz->criterion].cell[rz->to]);
			}
		} else {
			cli_print(" %s is out of reach from the rows as they stand.\n",
			          words_level(r.next_level));
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
			          target == LEVEL_NONE ? "(reached)" : words_level(target),
			          *ans->action ? ans->action : "(no action recorded)",
			          *ans->lead_officer ? ans->lead_officer : "-",
			          *ans->timescale ? ans->timescale : "-");
		}
	}
	cli_free_all(one, 1);
	return 0;
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

/* Benchmark input is loaded and scored on every core, keeping only what
 * the statistics need; each worker takes every n-th file. */
struct bench_job {
	const struct framework *fw;
	char **files;
	size_t count, stride, first;
	int *scores;           /* count x categories */
	enum level *levels;    /* count x categories */
	char **organisations;  /* count */
	char **errors;         /* count: a message, or NULL */
};

static void *bench_worker(void *arg)
{
	struct bench_job *job = arg;
	size_t nc = job->fw->category_count;
	for (size_t f = job->first; f < job->count; f += job->stride) {
		struct tri_error err;
		struct assessment *a = assessment_load_levels(job->fw, job->files[f], &err);
		if (!a) {
			job->errors[f] = strdup(err.message);
			continue;
		}
		for (size_t c = 0; c < nc; c++) {
			struct score_result r;
			score_category(job->fw, a->levels, c, &r);
			job->scores[f * nc + c] = r.score;
			job->levels[f * nc + c] = r.level;
		}
		job->organisations[f] = strdup(a->organisation);
		assessment_destroy(a);
	}
	return NULL;
}

int cmd_benchmark(const struct framework *fw, const struct cli_options *opt, char **files, int count)
{
	if (count < 1)
		return cli_usage_error("benchmark: expected at least one FILE");
	size_t n = (size_t)count, nc = fw->category_count;
	int *scores = malloc(n * nc * sizeof *scores);
	enum level *levels = malloc(n * nc * sizeof *levels);
	char **organisations = calloc(n, sizeof *organisations);
	char **errors = calloc(n, sizeof *errors);
	int *column = malloc(n * sizeof *column);
	enum level *column_levels = malloc(n * sizeof *column_levels);
	long highlighted = -1;
	int rc = 0;
	if (!scores || !levels || !organisations || !errors || !column || !column_levels) {
		cli_error("out of memory");
		rc = CLI_EXIT_BAD_INPUT;
		goto done;
	}
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	size_t workers = cores < 1 ? 1 : cores > 16 ? 16 : (size_t)cores;
	if (workers > n)
		workers = n;
	pthread_t threads[16];
	struct bench_job jobs[16];
	for (size_t t = 0; t < 16; t++)
		jobs[t] = (struct bench_job){ fw, files, n, workers, t, scores, levels,
					      organisations, errors };
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
	for (size_t f = 0; f < n; f++) {
		if (errors[f]) {
			cli_error("%s", errors[f]);
			rc = CLI_EXIT_BAD_INPUT;
		} else if (!organisations[f]) {
			cli_error("out of memory");
			rc = CLI_EXIT_BAD_INPUT;
		}
	}
	if (rc != 0)
		goto done;
	for (size_t f = 0; f < n; f++)
		if (opt->highlight && strcmp(organisations[f], opt->highlight) == 0)
			highlighted = (long)f;
	if (opt->highlight && highlighted < 0) {
		cli_error("--highlight: no assessment of \"%s\" among the %zu files; expected an "
			  "organisation as written in the files", opt->highlight, n);
		rc = CLI_EXIT_BAD_INPUT;
		goto done;
	}
	if (opt->csv) {
		cli_csv_begin(opt);
		const char *head[] = { "category", "title", "count", "min", "q1", "median", "q3", "max",
				       "developing", "established", "leading", "highlight_score",
				       "highlight_level", "highlight_percentile" };
		cli_csv_row(head, 14, 0);
	} else {
		cli_print("Benchmark of %zu assessment%s against %s, version %s%s%s.\n", n,
		          n == 1 ? "" : "s", fw->title, fw->version,
		          highlighted >= 0 ? "; * marks " : "", highlighted >= 0 ? opt->highlight : "");
		cli_print("Quartiles by linear interpolation (as NumPy and Excel's QUARTILE.INC). "
		          "M median, = middle half, |-| range.\n");
	}
	for (size_t c = 0; c < nc; c++) {
		for (size_t f = 0; f < n; f++) {
			column[f] = scores[f * nc + c];
			column_levels[f] = levels[f * nc + c];
		}
		int hs = highlighted >= 0 ? scores[(size_t)highlighted * nc + c] : -1;
		double rank = highlighted >= 0 ? benchmark_percentile_rank(column, n, hs) : 0;
		struct benchmark_stats st;
		benchmark_summarise(column, column_levels, n, &st);
		int category_max = score_category_max(fw, c);
		if (opt->csv) {
			char v[12][32];
			double nums[5] = { st.min, st.q1, st.median, st.q3, st.max };
			snprintf(v[0], 32, "%zu", st.count);
			for (int k = 0; k < 5; k++)
				snprintf(v[1 + k], 32, "%g", nums[k]);
			for (int l = 1; l <= 3; l++)
				snprintf(v[5 + l], 32, "%zu", st.at_level[l]);
			snprintf(v[9], 32, "%d", hs);
			snprintf(v[10], 32, "%.1f", rank);
			const char *row[] = { fw->categories[c].id, fw->categories[c].title, v[0], v[1],
					      v[2], v[3], v[4], v[5], v[6], v[7], v[8],
					      highlighted >= 0 ? v[9] : "",
					      highlighted >= 0 ? level_name(levels[(size_t)highlighted * nc + c]) : "",
					      highlighted >= 0 ? v[10] : "" };
			cli_csv_row(row, 14, ~(CSVIO_COMPUTED(0) | CSVIO_COMPUTED(1)));
			continue;
		}
		cli_print("\n%s %s (max %d)\n", fw->categories[c].id, fw->categories[c].title, category_max);
		cli_print("    min %g  q1 %g  median %g  q3 %g  max %g\n", st.min, st.q1, st.median,
		          st.q3, st.max);
		print_box(&st, category_max, hs, 60);
		for (int l = LEVEL_DEVELOPING; l <= LEVEL_LEADING; l++) {
			int bar = n ? (int)(st.at_level[l] * 40 / n) : 0;
			cli_print("    %-11s %4zu %.*s\n", words_level((enum level)l),
			          st.at_level[l], bar, "########################################");
		}
		if (highlighted >= 0)
			cli_print("    %s: %d, %s, percentile rank %.0f\n", opt->highlight, hs,
			          words_level(levels[(size_t)highlighted * nc + c]), rank);
	}
	if (!opt->csv && n <= 200) {
		/* Each assessment's profile: named, or anonymised by a letter code
		 * in order of total points (which says nothing the scores don't). */
		size_t *order = malloc(n * sizeof *order);
		int *totals = malloc(n * sizeof *totals);
		if (order && totals) {
			for (size_t f = 0; f < n; f++) {
				order[f] = f;
				int t = 0;
				for (size_t c = 0; c < nc; c++)
					t += scores[f * nc + c];
				totals[f] = t;
			}
			for (size_t i = 1; i < n; i++)
				for (size_t j = i; j > 0 && totals[order[j]] > totals[order[j - 1]]; j--) {
					size_t t = order[j];
					order[j] = order[j - 1];
					order[j - 1] = t;
				}
			cli_print("\nProfiles (category scores; %s):\n", opt->named ? "named"
			          : "organisations anonymised, --named to show them");
			for (size_t i = 0; i < n; i++) {
				size_t f = order[i];
				char label[64];
				if (opt->named || (long)f == highlighted)
					snprintf(label, sizeof label, "%.*s",
						 (int)utf8_prefix(organisations[f], 40), organisations[f]);
				else
					snprintf(label, sizeof label, "Assessment %zu", i + 1);
				char row[16 * 64] = "";
				size_t used = 0;
				for (size_t c = 0; c < nc && used < sizeof row - 16; c++)
					used += (size_t)snprintf(row + used, sizeof row - used, " %3d",
								 scores[f * nc + c]);
				cli_print("  %-40s%s  total %d%s\n", label, row, totals[f],
				          (long)f == highlighted ? "  *" : "");
			}
		}
		free(order);
		free(totals);
	}
done:
	for (size_t f = 0; f < n && organisations && errors; f++) {
		free(organisations[f]);
		free(errors[f]);
	}
	free(organisations);
	free(errors);
	free(scores);
	free(levels);
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
