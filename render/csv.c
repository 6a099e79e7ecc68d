/* The CSV format: the machine outputs of docs/file-formats.md.  Columns
 * are only ever appended (clarifications rule 16); a column per level is
 * named by the framework's level name, a machine word. */
#include <stdio.h>
#include <string.h>

#include "csvio.h"
#include "render.h"

/* criteria --csv: criteria.csv's own shape, a column per level above none,
 * then (appended, rule 16) the category's description. */
static int criteria(struct render_out *out, const struct framework *fw)
{
	const char *row[4 + LEVEL_MAX_COUNT] = { "criterion_id", "category", "section" };
	size_t n = 3;
	for (size_t l = 1; l < fw->level_count; l++)
		row[n++] = fw->levels[l].name;
	row[n++] = "description";
	render_csv_row(out, row, n, 0);
	for (size_t i = 0; i < fw->criterion_count; i++) {
		const struct framework_criterion *c = &fw->criteria[i];
		row[0] = c->id;
		row[1] = fw->categories[c->category].id;
		row[2] = c->section == FRAMEWORK_NO_SECTION ? "" : fw->sections[c->section].id;
		for (size_t l = 1; l < fw->level_count; l++)
			row[2 + l] = c->cell[l] ? c->cell[l] : "";
		row[n - 1] = fw->categories[c->category].description;
		render_csv_row(out, row, n, 0); /* all from the framework's files */
	}
	return render_status(out);
}

/* validate --csv: published_NAME_max for each level below the highest,
 * published_max, the same derived_, agrees.  Without ranges, the header. */
static void validation_row(struct render_out *out, const struct framework *fw, const char *id,
			   const struct framework_range *pub, const struct framework_range *der,
			   const char *agrees)
{
	char fields[2 * LEVEL_MAX_COUNT][FRAMEWORK_MAX_LEVEL_NAME + 24];
	const char *row[2 + 2 * LEVEL_MAX_COUNT] = { id ? id : "category" };
	size_t n = 1;
	for (int side = 0; side < 2; side++) {
		const struct framework_range *r = side ? der : pub;
		for (size_t l = 1; l < fw->level_count; l++, n++) {
			bool top = l + 1 == fw->level_count;
			if (id)
				snprintf(fields[n - 1], sizeof fields[0], "%d", r[l].to);
			else
				snprintf(fields[n - 1], sizeof fields[0], "%s_%s%smax",
					 side ? "derived" : "published", top ? "" : fw->levels[l].name,
					 top ? "" : "_");
			row[n] = fields[n - 1];
		}
	}
	row[n++] = agrees;
	/* the numbers are computed; "1" and "-1" alike stay numbers */
	render_csv_row(out, row, n, id ? ~CSVIO_COMPUTED(0) : 0);
}

static int validation(struct render_out *out, const struct framework *fw,
		      const struct score_validation *v)
{
	validation_row(out, fw, NULL, NULL, NULL, "agrees");
	for (size_t c = 0; c < fw->category_count; c++)
		validation_row(out, fw, fw->categories[c].id, fw->categories[c].published,
			       v->derived[c], v->agrees[c] ? "yes" : "no");
	return render_status(out);
}

static void summary_header(struct render_out *out)
{
	static const char *const head[] = { "file", "category", "title", "score", "max", "level",
					    "organisation", "assessment_type", "date", "answered",
					    "criteria" };
	render_csv_row(out, head, sizeof head / sizeof head[0], 0);
}

/* One row per category of one assessment (the category summary). */
static void summary_rows(struct render_out *out, const struct render_scores *s)
{
	const struct framework *fw = s->a->framework;
	for (size_t c = 0; c < fw->category_count; c++) {
		const struct score_result *r = &s->sheet->categories[c];
		char score[16], max[16], answered[24], criteria_count[24];
		snprintf(score, sizeof score, "%d", r->score);
		snprintf(max, sizeof max, "%d", r->max);
		snprintf(answered, sizeof answered, "%zu", r->answered);
		snprintf(criteria_count, sizeof criteria_count, "%zu", r->total);
		const char *row[] = { s->label, fw->categories[c].id, fw->categories[c].title,
				      score, max, framework_level_name(fw, r->level),
				      s->a->organisation, s->a->type, s->a->date, answered,
				      criteria_count };
		/* file, category, title and organisation came from input: guarded */
		render_csv_row(out, row, sizeof row / sizeof row[0],
			       CSVIO_COMPUTED(3) | CSVIO_COMPUTED(4) | CSVIO_COMPUTED(9) |
			       CSVIO_COMPUTED(10));
	}
}

static int scores(struct render_out *out, const struct framework *fw,
		  const struct render_scores *each, size_t count)
{
	(void)fw;
	summary_header(out);
	for (size_t i = 0; i < count; i++)
		summary_rows(out, &each[i]);
	return render_status(out);
}

/* compare --csv: every column but id, title, both evidence texts and the
 * history is the program's own.  evidence_a, evidence_b, resolution and
 * history were appended (clarifications rule 16); empty on a category's
 * row. */
#define COMPARE_COLUMNS 13
#define COMPARE_COMPUTED (~(CSVIO_COMPUTED(1) | CSVIO_COMPUTED(2) | CSVIO_COMPUTED(9) | \
			    CSVIO_COMPUTED(10) | CSVIO_COMPUTED(12)))

static int comparison(struct render_out *out, const struct render_comparison *m)
{
	const struct comparison *cmp = m->c;
	const struct framework *fw = cmp->fw;
	static const char *const head[COMPARE_COLUMNS] = {
		"kind", "id", "title", "level_a", "level_b", "score_a", "score_b", "change",
		"differs", "evidence_a", "evidence_b", "resolution", "history" };
	render_csv_row(out, head, COMPARE_COLUMNS, 0);
	char num[3][16];
	for (size_t c = 0; c < fw->category_count; c++) {
		const struct score_result *ra = &cmp->sheet_a.categories[c];
		const struct score_result *rb = &cmp->sheet_b.categories[c];
		snprintf(num[0], sizeof num[0], "%d", ra->score);
		snprintf(num[1], sizeof num[1], "%d", rb->score);
		snprintf(num[2], sizeof num[2], "%+d", rb->score - ra->score);
		const char *row[COMPARE_COLUMNS] = {
			"category", fw->categories[c].id, fw->categories[c].title,
			framework_level_name(fw, ra->level), framework_level_name(fw, rb->level),
			num[0], num[1], num[2], comparison_category_differs(cmp, c) ? "yes" : "no",
			"", "", "", "" };
		render_csv_row(out, row, COMPARE_COLUMNS, COMPARE_COMPUTED);
	}
	for (size_t i = 0; i < fw->criterion_count; i++) {
		const struct framework_criterion *crit = &fw->criteria[i];
		enum level la = cmp->a->levels[i], lb = cmp->b->levels[i];
		int pa = framework_points(fw, la), pb = framework_points(fw, lb);
		snprintf(num[0], sizeof num[0], "%d", pa);
		snprintf(num[1], sizeof num[1], "%d", pb);
		snprintf(num[2], sizeof num[2], "%+d", pb - pa);
		const char *row[COMPARE_COLUMNS] = {
			"criterion", crit->id, fw->categories[crit->category].title,
			framework_level_name(fw, la), framework_level_name(fw, lb), num[0], num[1],
			num[2], comparison_criterion_differs(cmp, i) ? "yes" : "no",
			cmp->a->answers[i].evidence, cmp->b->answers[i].evidence,
			assessment_resolution_name(cmp->criteria[i].resolution),
			cmp->criteria[i].history };
		render_csv_row(out, row, COMPARE_COLUMNS, COMPARE_COMPUTED);
	}
	return render_status(out);
}

/* plan --csv: each row below its highest cell, with its target. */
static int plan(struct render_out *out, const struct render_plan *m)
{
	const struct assessment *a = m->plan->a;
	const struct framework *fw = a->framework;
	static const char *const head[] = { "criterion_id", "category", "current_level",
					    "target_level", "target_statement", "action",
					    "lead_officer", "timescale" };
	render_csv_row(out, head, 8, 0);
	for (size_t i = 0; i < fw->criterion_count; i++) {
		enum level target = plan_target(a, i);
		if (target == LEVEL_NONE)
			continue;
		const struct framework_criterion *c = &fw->criteria[i];
		const struct assessment_answer *ans = &a->answers[i];
		const char *row[] = { c->id, fw->categories[c->category].title,
				      framework_level_name(fw, a->levels[i]),
				      framework_level_name(fw, target), c->cell[target], ans->action,
				      ans->lead_officer, ans->timescale };
		render_csv_row(out, row, 8, CSVIO_COMPUTED(2) | CSVIO_COMPUTED(3));
	}
	return render_status(out);
}

/* benchmark --csv: the columns before and after the counts per level. */
static const char *const bench_first[] = { "category", "title", "count", "min", "q1",
					   "median", "q3", "max" };
static const char *const bench_last[] = { "highlight_score", "highlight_level",
					  "highlight_percentile", "incomplete", "left_out" };
enum { BENCH_WIDTH = 8 + LEVEL_MAX_COUNT + 5 };

static void benchmark_header(struct render_out *out, const struct framework *fw)
{
	const char *head[BENCH_WIDTH];
	size_t n = 0;
	for (size_t i = 0; i < 8; i++)
		head[n++] = bench_first[i];
	for (size_t l = 1; l < fw->level_count; l++)
		head[n++] = fw->levels[l].name;
	for (size_t i = 0; i < 5; i++)
		head[n++] = bench_last[i];
	render_csv_row(out, head, n, 0);
}

static void benchmark_row(struct render_out *out, const struct framework *fw, size_t c,
			  const struct benchmark_column *k)
{
	char v[BENCH_WIDTH][32];
	const char *row[BENCH_WIDTH];
	size_t n = 0;
	row[n++] = fw->categories[c].id;
	row[n++] = fw->categories[c].title;
	const struct benchmark_stats *st = &k->stats;
	double nums[5] = { st->min, st->q1, st->median, st->q3, st->max };
	snprintf(v[n], 32, "%zu", st->count);
	row[n] = v[n];
	n++;
	for (int i = 0; i < 5; i++, n++) { /* no figures of nothing */
		v[n][0] = '\0';
		if (st->count)
			snprintf(v[n], 32, "%g", nums[i]);
		row[n] = v[n];
	}
	for (size_t l = 1; l < fw->level_count; l++, n++) {
		snprintf(v[n], 32, "%zu", st->at_level[l]);
		row[n] = v[n];
	}
	bool shown = k->highlight_use != BENCHMARK_NOT_USED;
	snprintf(v[n], 32, "%d", k->highlight_score);
	row[n] = shown ? v[n] : "";
	n++;
	row[n++] = shown ? framework_level_name(fw, k->highlight_level) : "";
	snprintf(v[n], 32, "%.1f", k->highlight_rank);
	row[n] = shown ? v[n] : "";
	n++;
	snprintf(v[n], 32, "%zu", k->incomplete);
	row[n] = v[n];
	n++;
	snprintf(v[n], 32, "%zu", k->left_out);
	row[n] = v[n];
	n++;
	/* the category's id and title came from the framework's files: guarded */
	render_csv_row(out, row, n, ~(CSVIO_COMPUTED(0) | CSVIO_COMPUTED(1)));
}

static int benchmark(struct render_out *out, const struct render_benchmark *m)
{
	const struct framework *fw = m->set->fw;
	benchmark_header(out, fw);
	for (size_t c = 0; c < fw->category_count; c++)
		benchmark_row(out, fw, c, &m->set->columns[c]);
	return render_status(out);
}

const struct render_format render_csv = {
	.name = "csv",
	.criteria = criteria,
	.validation = validation,
	.scores = scores,
	.comparison = comparison,
	.plan = plan,
	.benchmark = benchmark,
	.report = NULL,
};

/* ---- The category summary export (the wizard's x) ---- */

struct summary_job {
	struct score_sheet sheet;
	struct render_scores scores;
};

static int write_summary(struct render_out *out, const void *model)
{
	const struct summary_job *job = model;
	return scores(out, job->scores.a->framework, &job->scores, 1);
}

int render_summary_save(const struct assessment *a, const char *file_label, const char *path,
			enum outfile_verdict verdict, bool bom, struct tri_error *err)
{
	struct summary_job job;
	if (score_sheet_init(&job.sheet, a->framework, a->levels) != 0) {
		tri_error_set(err, "out of memory");
		return -1;
	}
	job.scores = (struct render_scores){ file_label, a, &job.sheet };
	int rc = render_save(path, verdict, write_summary, &job, bom, err);
	score_sheet_finish(&job.sheet);
	return rc;
}

const struct outfile_signature *render_summary_signature(void)
{
	static char header[256];
	static struct outfile_signature signature = {
		.what = "a tri-assess category summary", .text = header, .at_start = true,
	};
	if (!header[0]) {
		FILE *file = fmemopen(header, sizeof header - 1, "w");
		if (file) {
			struct render_out out;
			render_out_init(&out, file, false);
			summary_header(&out);
			fclose(file);
		}
	}
	return &signature;
}
