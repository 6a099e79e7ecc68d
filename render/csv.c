/* The CSV format: the machine outputs of docs/file-formats.md.  Columns
 * are only ever appended (clarifications rule 16); a column per level is
 * named by the framework's level name, a machine word. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
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

/* A plan row's timescale: the due note, else the due date. */
static const char *timescale(const struct actionlist_item *item)
{
	return *item->due_note ? item->due_note : item->due;
}

/* plan --csv: each row below its highest cell, with its target, one row
 * per action (a row without actions once, its action fields empty); the
 * columns of earlier versions, then status and due. */
static int plan(struct render_out *out, const struct render_plan *m)
{
	const struct assessment *a = m->plan->a;
	const struct framework *fw = a->framework;
	const struct actionlist *list = m->actions;
	static const char *const head[] = { "criterion_id", "category", "current_level",
					    "target_level", "target_statement", "action",
					    "lead_officer", "timescale", "status", "due" };
	render_csv_row(out, head, 10, 0);
	for (size_t i = 0; i < fw->criterion_count; i++) {
		enum level target = plan_target(a, i);
		size_t first, n = actionlist_of_criterion(list, i, &first);
		if (target == LEVEL_NONE && n == 0)
			continue;
		const struct framework_criterion *c = &fw->criteria[i];
		const char *row[] = { c->id, fw->categories[c->category].title,
				      framework_level_name(fw, a->levels[i]),
				      target == LEVEL_NONE ? "" : framework_level_name(fw, target),
				      target == LEVEL_NONE ? "" : c->cell[target], "", "", "", "", "" };
		for (size_t k = first; k < first + (n ? n : 1); k++) {
			if (n) {
				const struct actionlist_item *item = &list->items[k];
				row[5] = item->activity;
				row[6] = item->lead;
				row[7] = timescale(item);
				row[8] = actionlist_status_name(item->status);
				row[9] = item->due;
			}
			render_csv_row(out, row, 10, CSVIO_COMPUTED(2) | CSVIO_COMPUTED(3) |
				       CSVIO_COMPUTED(8) | CSVIO_COMPUTED(9));
		}
	}
	return render_status(out);
}

/* plan --layout action-plan: a council's action plan (seed 003): outcome,
 * activities, lead officer/s, timescale, and status in words; a row with
 * the category's title before its actions, as the plan's headings. */
static int action_plan(struct render_out *out, const struct render_plan *m)
{
	const struct assessment *a = m->plan->a;
	const struct framework *fw = a->framework;
	const struct actionlist *list = m->actions;
	static const char *const head[] = { "Outcome", "Activities", "Lead officer/s",
					    "Timescale", "Status" };
	render_csv_row(out, head, 5, 0);
	size_t category = fw->category_count;
	for (size_t k = 0; k < list->count; k++) {
		const struct actionlist_item *item = &list->items[k];
		size_t c = fw->criteria[item->criterion].category;
		if (c != category) {
			const char *heading[] = { fw->categories[c].title, "", "", "", "" };
			render_csv_row(out, heading, 5, 0);
			category = c;
		}
		char when[600];
		snprintf(when, sizeof when, "%s%s%.500s", item->due,
			 *item->due && *item->due_note ? "; " : "", item->due_note);
		const char *row[] = { actionlist_outcome(item, a), item->activity, item->lead, when,
				      actionlist_status_word(item->status) };
		render_csv_row(out, row, 5, CSVIO_COMPUTED(4));
	}
	return render_status(out);
}

/* actions --csv: the actions file's columns (the outcome as people read
 * it), then whether each is overdue. */
static int actions(struct render_out *out, const struct render_actions *m)
{
	const struct framework *fw = m->a->framework;
	static const char *const head[] = { "criterion_id", "action_id", "category", "outcome",
					    "activity", "lead_officer", "due", "due_note", "status",
					    "progress", "overdue" };
	render_csv_row(out, head, 11, 0);
	for (size_t k = 0; k < m->count; k++) {
		const struct actionlist_item *item = &m->list->items[m->items[k]];
		const struct framework_criterion *c = &fw->criteria[item->criterion];
		char id[16];
		snprintf(id, sizeof id, "%u", item->id);
		char *updates = actionlist_progress_text(item);
		if (!updates) {
			errno = ENOMEM;
			return -1;
		}
		const char *row[] = { c->id, id, fw->categories[c->category].title,
				      actionlist_outcome(item, m->a), item->activity, item->lead,
				      item->due, item->due_note, actionlist_status_name(item->status),
				      updates, actionlist_overdue(item, m->today) ? "yes" : "no" };
		render_csv_row(out, row, 11, CSVIO_COMPUTED(1) | CSVIO_COMPUTED(6) |
			       CSVIO_COMPUTED(8) | CSVIO_COMPUTED(10));
		free(updates);
	}
	return render_status(out);
}

/* "1.2 #2 (due 2026-01-15)", one per line, or the latest updates. */
static char *dashboard_list(const struct dashboard *d, const size_t *items, size_t count,
			    bool updates)
{
	size_t size = 1;
	for (size_t k = 0; k < count; k++) {
		const struct actionlist_update *u = actionlist_latest(&d->list->items[items[k]]);
		size += 64 + (updates ? strlen(u->who) + strlen(u->text) : 0);
	}
	char *text = malloc(size), label[48];
	if (!text)
		return NULL;
	size_t used = 0;
	text[0] = '\0';
	for (size_t k = 0; k < count; k++) {
		const struct actionlist_item *item = &d->list->items[items[k]];
		const struct actionlist_update *u = actionlist_latest(item);
		actionlist_label(d->list, item, label, sizeof label);
		used += (size_t)(updates ? snprintf(text + used, size - used, "%s%s %s %s: %s",
						    k ? "\n" : "", u->date, label, u->who, u->text)
				 : snprintf(text + used, size - used, "%s%s (due %s)",
					    k ? "\n" : "", label, item->due));
	}
	return text;
}

/* dashboard --csv: one row per category. */
static int dashboard(struct render_out *out, const struct render_dashboard *m)
{
	const struct dashboard *d = m->d;
	const struct framework *fw = d->a->framework;
	static const char *const head[] = { "category", "title", "level", "target_level",
					    "overall", "delivery", "schedule", "not_started",
					    "on_track", "at_risk", "off_track", "done", "overdue",
					    "overdue_actions", "latest_progress" };
	render_csv_row(out, head, 15, 0);
	for (size_t c = 0; c < fw->category_count; c++) {
		const struct dashboard_row *r = &d->rows[c];
		char n[6][24];
		for (int s = 0; s < ACTIONLIST_STATUS_COUNT; s++)
			snprintf(n[s], sizeof n[s], "%zu", r->by_status[s]);
		snprintf(n[5], sizeof n[5], "%zu", r->overdue_count);
		char *late = dashboard_list(d, r->overdue, r->overdue_count, false);
		char *latest = dashboard_list(d, r->latest, r->latest_count, true);
		if (late && latest) {
			const char *row[] = { fw->categories[c].id, fw->categories[c].title,
					      framework_level_name(fw, r->now->level),
					      framework_level_name(fw, r->target),
					      dashboard_rag_name(r->overall),
					      dashboard_rag_name(r->delivery),
					      dashboard_rag_name(r->schedule), n[0], n[1], n[2], n[3],
					      n[4], n[5], late, latest };
			/* levels, ratings and counts: bits 2-12 */
			render_csv_row(out, row, 15, CSVIO_COMPUTED(13) - CSVIO_COMPUTED(2));
		}
		free(late);
		free(latest);
		if (!late || !latest) {
			errno = ENOMEM;
			return -1;
		}
	}
	return render_status(out);
}

/* progress --csv: per category, then per criterion that moved, one row
 * per assessment in date order; change from the one before. */
static void progress_row(struct render_out *out, const char *kind, const char *id,
			 const char *title, const struct progress_point *pt, int score, int max,
			 const char *level, bool first, int change)
{
	char s[16], mx[16], ch[16] = "";
	snprintf(s, sizeof s, "%d", score);
	snprintf(mx, sizeof mx, "%d", max);
	if (!first)
		snprintf(ch, sizeof ch, "%+d", change);
	const char *row[] = { kind, id, title, pt->label, pt->a->date, s, mx, level, ch };
	render_csv_row(out, row, 9, CSVIO_COMPUTED(0) | CSVIO_COMPUTED(5) | CSVIO_COMPUTED(6) |
		       CSVIO_COMPUTED(7) | CSVIO_COMPUTED(8));
}

static int progress(struct render_out *out, const struct progress *p)
{
	const struct framework *fw = p->fw;
	static const char *const head[] = { "kind", "id", "title", "file", "date", "score", "max",
					    "level", "change" };
	render_csv_row(out, head, 9, 0);
	for (size_t c = 0; c < fw->category_count; c++) {
		for (size_t k = 0; k < p->count; k++) {
			const struct score_result *r = &p->points[k].scores.categories[c];
			progress_row(out, "category", fw->categories[c].id, fw->categories[c].title,
				     &p->points[k], r->score, r->max, framework_level_name(fw, r->level),
				     k == 0, k ? r->score - p->points[k - 1].scores.categories[c].score
					       : 0);
		}
	}
	for (size_t i = 0; i < fw->criterion_count; i++) {
		if (!p->moved[i])
			continue;
		const struct framework_criterion *crit = &fw->criteria[i];
		for (size_t k = 0; k < p->count; k++) {
			enum level l = p->points[k].a->levels[i];
			progress_row(out, "criterion", crit->id, fw->categories[crit->category].title,
				     &p->points[k], framework_points(fw, l),
				     score_criterion_max(fw, crit), framework_level_name(fw, l), k == 0,
				     k ? progress_criterion_change(p, k, i) : 0);
		}
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
	.action_plan = action_plan,
	.actions = actions,
	.dashboard = dashboard,
	.progress = progress,
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
