#include "report.h"

#include <errno.h>
#include <string.h>

#include "plan.h"
#include "score.h"

static void esc(FILE *out, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&': fputs("&amp;", out); break;
		case '<': fputs("&lt;", out); break;
		case '>': fputs("&gt;", out); break;
		case '"': fputs("&quot;", out); break;
		case '\'': fputs("&#39;", out); break;
		case '\r': break;
		case '\n': fputs("<br/>", out); break;
		default:
			/* XML 1.0 forbids most control characters */
			if ((unsigned char)*s < 0x20 && *s != '\t')
				fputc('?', out);
			else
				fputc(*s, out);
		}
	}
}

static const char *title_of(enum level l)
{
	return level_label(l, "Not assessed");
}

static const char style[] =
	"body{font-family:Arial,Helvetica,sans-serif;color:#111;max-width:60em;margin:1.5em auto;"
	"padding:0 1em;line-height:1.35}"
	"h1{font-size:1.5em;margin-bottom:.2em}h2{font-size:1.15em;border-bottom:2px solid #333;"
	"padding-bottom:.15em;margin-top:1.6em}h3{font-size:1em;margin:1em 0 .3em}"
	"table{border-collapse:collapse;width:100%;margin:.4em 0}"
	"th,td{border:1px solid #999;padding:.25em .4em;text-align:left;vertical-align:top;font-size:.9em}"
	"th{background:#eee}td.n{text-align:right;white-space:nowrap}"
	".meta{color:#444}.note{color:#444;font-size:.85em}"
	".L{font-weight:bold}.differs{font-weight:bold}"
	"svg text{font-family:Arial,Helvetica,sans-serif}"
	"@page{size:A4;margin:16mm}"
	"@media print{body{margin:0;max-width:none}h2{break-after:avoid}tr,svg{break-inside:avoid}}";

/* One category's chart: the three published ranges as labelled bands,
 * the score as a black marker and label (B's as an outlined one). */
static void chart(FILE *out, const struct framework *fw, size_t c, int score_a, int score_b,
		  int max, const char *a_label, const char *b_label)
{
	const struct framework_category *cat = &fw->categories[c];
	const int width = 560, left = 10, bar_y = 18, bar_h = 22;
	int top = max > cat->published[LEVEL_LEADING].to ? max : cat->published[LEVEL_LEADING].to;
	if (top <= 0)
		top = 1;
	fprintf(out, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
		"role=\"img\" aria-label=\"Category %s: ", width + 2 * left, score_b >= 0 ? 84 : 66,
		cat->id);
	fprintf(out, "%s %d", a_label, score_a);
	if (score_b >= 0)
		fprintf(out, "; %s %d", b_label, score_b);
	fprintf(out, " out of %d\">", max);
	static const char *const fills[LEVEL_COUNT] = { NULL, "#f4d6d6", "#f6ecc8", "#d5ecd5" };
	double label_end = 0; /* a narrow band's label moves right, clear of the last */
	for (int l = LEVEL_DEVELOPING; l <= LEVEL_LEADING; l++) {
		const struct framework_range *r = &cat->published[l];
		double x0 = left + (double)width * r->from / (top + 1);
		double x1 = left + (double)width * (r->to + 1) / (top + 1);
		fprintf(out, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\" "
			"stroke=\"#666\"/>", x0, bar_y, x1 - x0, bar_h, fills[l]);
		char label[64];
		int len = snprintf(label, sizeof label, "%s %d-%d", title_of((enum level)l), r->from, r->to);
		double x = x0 + 3 > label_end + 6 ? x0 + 3 : label_end + 6;
		label_end = x + len * 5.6; /* about 5.6 px a character at 10 px Arial */
		fprintf(out, "<text x=\"%.1f\" y=\"%d\" font-size=\"10\">%s</text>", x, bar_y - 4,
			label);
	}
	double xa = left + (double)width * (score_a + 0.5) / (top + 1);
	fprintf(out, "<rect x=\"%.1f\" y=\"%d\" width=\"4\" height=\"%d\" fill=\"#000\"/>",
		xa - 2, bar_y - 2, bar_h + 4);
	fprintf(out, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">",
		xa, bar_y + bar_h + 14);
	esc(out, a_label);
	fprintf(out, ": %d</text>", score_a);
	if (score_b >= 0) {
		double xb = left + (double)width * (score_b + 0.5) / (top + 1);
		fprintf(out, "<rect x=\"%.1f\" y=\"%d\" width=\"6\" height=\"%d\" fill=\"#fff\" "
			"stroke=\"#000\" stroke-width=\"1.5\"/>", xb - 3, bar_y - 2, bar_h + 4);
		fprintf(out, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">",
			xb, bar_y + bar_h + 30);
		esc(out, b_label);
		fprintf(out, ": %d</text>", score_b);
	}
	fputs("</svg>", out);
}

int report_write(FILE *out, const struct assessment *a, const char *a_label,
		 const struct assessment *b, const char *b_label, struct tri_error *err)
{
	const struct framework *fw = a->framework;
	const char *who = a->type[0] && strcmp(a->type, "peer") == 0 ? "Peer review" : "Self-assessment";
	fputs("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en-GB\">\n"
	      "<head><meta charset=\"utf-8\"/>" REPORT_GENERATOR "/><title>", out);
	esc(out, who);
	fputs(": ", out);
	esc(out, *a->organisation ? a->organisation : a_label);
	fprintf(out, "</title><style>%s</style></head>\n<body>\n<h1>", style);
	esc(out, fw->title);
	fputs("</h1>\n<p class=\"meta\">", out);
	esc(out, who);
	fputs(" of <strong>", out);
	esc(out, *a->organisation ? a->organisation : "(organisation not given)");
	fputs("</strong>", out);
	if (*a->date) {
		fputs(", ", out);
		esc(out, a->date);
	}
	if (*a->assessors) {
		fputs(". Assessors: ", out);
		esc(out, a->assessors);
	}
	fprintf(out, ". Version %s of the Standard", fw->version);
	if (b) {
		fputs(", compared with ", out);
		esc(out, b_label);
		if (*b->organisation || *b->date) {
			fputs(" (", out);
			esc(out, b->type[0] && strcmp(b->type, "peer") == 0 ? "peer review" : "self-assessment");
			if (*b->date) {
				fputs(", ", out);
				esc(out, b->date);
			}
			fputs(")", out);
		}
	}
	fputs(".</p>\n", out);

	/* Scores against the ranges. */
	fputs("<h2>Scores by category</h2>\n<p class=\"note\">Each category's points against "
	      "the Standard's published score ranges. The Standard gives a level for each "
	      "category and no overall level.</p>\n<table><tr><th>Category</th><th>", out);
	esc(out, a_label);
	fputs("</th>", out);
	if (b) {
		fputs("<th>", out);
		esc(out, b_label);
		fputs("</th><th>Change</th>", out);
	}
	fputs("<th>Next level</th></tr>\n", out);
	int total_a, total_b = 0, max_total;
	score_total(fw, a->levels, &total_a, &max_total);
	if (b)
		score_total(fw, b->levels, &total_b, &max_total);
	for (size_t c = 0; c < fw->category_count; c++) {
		struct score_result ra, rb;
		score_category(fw, a->levels, c, &ra);
		fprintf(out, "<tr><td>%s. ", fw->categories[c].id);
		esc(out, fw->categories[c].title);
		fprintf(out, "</td><td class=\"n\">%d/%d <span class=\"L\">%s</span></td>", ra.score,
			ra.max, title_of(ra.level));
		if (b) {
			score_category(fw, b->levels, c, &rb);
			fprintf(out, "<td class=\"n\">%d/%d <span class=\"L\">%s</span></td>"
				"<td class=\"n\">%+d%s</td>", rb.score, rb.max, title_of(rb.level),
				rb.score - ra.score, rb.level != ra.level ? " (level differs)" : "");
		}
		if (ra.next_level == LEVEL_NONE)
			fputs("<td>at the top level</td></tr>\n", out);
		else
			fprintf(out, "<td>%d more for %s</td></tr>\n", ra.points_to_next,
				title_of(ra.next_level));
	}
	fprintf(out, "<tr><th>Total points</th><td class=\"n\">%d/%d</td>", total_a, max_total);
	if (b)
		fprintf(out, "<td class=\"n\">%d/%d</td><td class=\"n\">%+d</td>", total_b, max_total,
			total_b - total_a);
	fputs("<td></td></tr></table>\n", out);
	for (size_t c = 0; c < fw->category_count; c++) {
		struct score_result ra, rb = { .score = -1 };
		score_category(fw, a->levels, c, &ra);
		if (b)
			score_category(fw, b->levels, c, &rb);
		fprintf(out, "<h3>%s. ", fw->categories[c].id);
		esc(out, fw->categories[c].title);
		fputs("</h3>\n", out);
		chart(out, fw, c, ra.score, b ? rb.score : -1, ra.max, a_label, b ? b_label : "");
		fputs("\n", out);
	}

	/* Strengths and gaps. */
	fputs("<h2>Strengths</h2>\n<p>Criteria at Leading practice:</p>\n<ul>\n", out);
	size_t strengths = 0;
	for (size_t i = 0; i < fw->criterion_count; i++) {
		if (a->levels[i] != LEVEL_LEADING)
			continue;
		strengths++;
		fprintf(out, "<li><strong>%s</strong> ", fw->criteria[i].id);
		esc(out, fw->criteria[i].cell[LEVEL_LEADING]);
		fputs("</li>\n", out);
	}
	if (!strengths)
		fputs("<li>None yet.</li>\n", out);
	fputs("</ul>\n<h2>Gaps: the fewest steps to each category's next level</h2>\n", out);
	for (size_t c = 0; c < fw->category_count; c++) {
		struct plan_gap gap;
		if (plan_gap(fw, a->levels, c, &gap) != 0 || gap.next_level == LEVEL_NONE)
			continue;
		fprintf(out, "<h3>%s. ", fw->categories[c].id);
		esc(out, fw->categories[c].title);
		fprintf(out, ": %d more point%s for %s, in %zu step%s</h3>\n<ul>\n", gap.points_needed,
			gap.points_needed == 1 ? "" : "s", title_of(gap.next_level), gap.step_count,
			gap.step_count == 1 ? "" : "s");
		for (size_t k = 0; k < gap.raise_count; k++) {
			const struct plan_raise *rz = &gap.raises[k];
			fprintf(out, "<li><strong>%s</strong> %s to %s (+%d): ",
				fw->criteria[rz->criterion].id, title_of(rz->from), title_of(rz->to),
				rz->gain);
			esc(out, fw->criteria[rz->criterion].cell[rz->to]);
			fputs("</li>\n", out);
		}
		fputs("</ul>\n", out);
	}

	/* The action plan. */
	fputs("<h2>Action plan</h2>\n", out);
	size_t actions = 0;
	for (size_t i = 0; i < fw->criterion_count; i++) {
		const struct assessment_answer *ans = &a->answers[i];
		enum level target = plan_target(a, i);
		if (target == LEVEL_NONE || (!*ans->action && !*ans->lead_officer && !*ans->timescale))
			continue;
		if (!actions++)
			fputs("<table><tr><th>Criterion</th><th>Now</th><th>Target</th><th>Action</th>"
			      "<th>Lead officer</th><th>Timescale</th></tr>\n", out);
		fprintf(out, "<tr><td>%s</td><td>%s</td><td>%s: ", fw->criteria[i].id,
			title_of(a->levels[i]), title_of(target));
		esc(out, fw->criteria[i].cell[target]);
		fputs("</td><td>", out);
		esc(out, ans->action);
		fputs("</td><td>", out);
		esc(out, ans->lead_officer);
		fputs("</td><td>", out);
		esc(out, ans->timescale);
		fputs("</td></tr>\n", out);
	}
	if (actions)
		fputs("</table>\n", out);
	else
		fputs("<p>No actions recorded yet (the wizard's <code>p</code> key, or the "
		      "action columns of the assessment file).</p>\n", out);

	if (b) {
		fputs("<h2>Where the two assessments differ</h2>\n", out);
		size_t differ = 0;
		for (size_t i = 0; i < fw->criterion_count; i++) {
			if (a->levels[i] == b->levels[i])
				continue;
			if (!differ++) {
				fputs("<table><tr><th>Criterion</th><th>", out);
				esc(out, a_label);
				fputs("</th><th>", out);
				esc(out, b_label);
				fputs("</th><th>Recorded changes</th></tr>\n", out);
			}
			fprintf(out, "<tr><td>%s</td><td class=\"differs\">%s</td>"
				"<td class=\"differs\">%s</td><td>", fw->criteria[i].id,
				title_of(a->levels[i]), title_of(b->levels[i]));
			esc(out, a->answers[i].history);
			fputs("</td></tr>\n", out);
		}
		if (differ)
			fputs("</table>\n", out);
		else
			fputs("<p>The two agree on every criterion.</p>\n", out);
	}
	fputs("<h2>Changes recorded in comparisons</h2>\n", out);
	size_t changes = 0;
	for (size_t i = 0; i < fw->criterion_count; i++) {
		if (!*a->answers[i].history)
			continue;
		if (!changes++)
			fputs("<table><tr><th>Criterion</th><th>When | who | old -&gt; new | remark"
			      "</th></tr>\n", out);
		fprintf(out, "<tr><td>%s</td><td>", fw->criteria[i].id);
		esc(out, a->answers[i].history);
		fputs("</td></tr>\n", out);
	}
	if (changes)
		fputs("</table>\n", out);
	else
		fputs("<p>None.</p>\n", out);
	fprintf(out, "<p class=\"note\">Made with tri-assess from ");
	esc(out, a_label);
	fputs(". Source: ", out);
	esc(out, fw->source);
	fputs(".</p>\n</body>\n</html>\n", out);
	if (ferror(out)) {
		tri_error_set(err, "cannot write: %s", strerror(errno));
		return -1;
	}
	return 0;
}

struct report_job {
	const struct assessment *a, *b;
	const char *a_label, *b_label;
};

static int write_job(FILE *out, void *context, struct tri_error *err)
{
	const struct report_job *job = context;
	return report_write(out, job->a, job->a_label, job->b, job->b_label, err);
}

const struct outfile_signature report_signature = {
	.what = "a tri-assess report", .text = REPORT_GENERATOR, .at_start = false,
};

int report_save(const char *path, enum outfile_verdict verdict, const struct assessment *a,
		const char *a_label, const struct assessment *b, const char *b_label,
		struct tri_error *err)
{
	struct report_job job = { a, b, a_label, b_label };
	return outfile_write(path, verdict, write_job, &job, err);
}
