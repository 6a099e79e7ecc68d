#include "report.h"

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "plan.h"
#include "sanitize.h"
#include "score.h"
#include "words.h"

/* Text that did not come from the program (from a file, a path, an
 * argument) goes out only through these: its visible form first
 * (sanitize.h), then escaped for XHTML; in the body wrapped in <bdi>, so
 * a right-to-left name cannot reorder the words around it. */
static void put_escaped(FILE *out, const char *text, bool attribute)
{
	char *shown = sanitize_text(text, SANITIZE_TEXT);
	if (!shown) {
		fputs("(out of memory)", out);
		return;
	}
	for (const char *s = shown; *s; s++) {
		switch (*s) {
		case '&': fputs("&amp;", out); break;
		case '<': fputs("&lt;", out); break;
		case '>': fputs("&gt;", out); break;
		case '"': fputs("&quot;", out); break;
		case '\'': fputs("&#39;", out); break;
		case '\n': fputs(attribute ? "&#10;" : "<br/>", out); break;
		default:
			/* XML 1.0 has no U+FFFE or U+FFFF: shown like the controls */
			if (s[0] == '\xEF' && s[1] == '\xBF' && (s[2] == '\xBE' || s[2] == '\xBF')) {
				fputs(s[2] == '\xBE' ? "\\ufffe" : "\\uffff", out);
				s += 2;
			} else {
				fputc(*s, out);
			}
		}
	}
	free(shown);
}

/* In the title and other text-only places. */
static void put_plain(FILE *out, const char *text)
{
	put_escaped(out, text, false);
}

/* In the body. */
static void put_text(FILE *out, const char *text)
{
	fputs("<bdi>", out);
	put_escaped(out, text, false);
	fputs("</bdi>", out);
}

/* In SVG text, where <bdi> does not exist: an isolating tspan. */
static void put_svg_text(FILE *out, const char *text)
{
	fputs("<tspan unicode-bidi=\"isolate\">", out);
	put_escaped(out, text, false);
	fputs("</tspan>", out);
}

/* In an attribute's value (between double quotes). */
static void put_attribute(FILE *out, const char *text)
{
	put_escaped(out, text, true);
}

/* "15/22 <span>Established</span>", or for a category not complete its
 * state ("not assessed", "Developing so far, 1 of 8 answered"), marked. */
static void score_cell(FILE *out, const struct framework *fw, const struct score_result *r)
{
	char points[32], state[160];
	fprintf(out, "<td class=\"n\">%s <span class=\"L%s\">%s</span></td>",
		words_points(r, points, sizeof points), r->state == SCORE_COMPLETE ? "" : " incomplete",
		words_state(fw, r, WORDS_FULL, state, sizeof state));
}

/* How much was assessed, said before any figure. */
static void assessed_summary(FILE *out, const struct assessment *a)
{
	const struct framework *fw = a->framework;
	struct score_progress p;
	score_progress(fw, a->levels, &p);
	char text[256];
	fprintf(out, "<p class=\"assessed%s\"><strong>Assessed:</strong> %s.",
		p.complete == fw->category_count ? "" : " incomplete",
		words_progress(&p, fw->category_count, text, sizeof text));
	if (p.complete < fw->category_count)
		fputs(" A category not assessed has no level; one partly assessed shows its "
		      "level so far, which its remaining rows can change.", out);
	fputs("</p>\n", out);
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
	".L{font-weight:bold}.differs{font-weight:bold}.incomplete{font-style:italic}"
	".assessed{border-left:4px solid #333;padding-left:.5em}"
	"svg text{font-family:Arial,Helvetica,sans-serif}"
	"@page{size:A4;margin:16mm}"
	"@media print{body{margin:0;max-width:none}h2{break-after:avoid}tr,svg{break-inside:avoid}}";

/* A band's fill: the lowest level red, the highest green, those between
 * in turn yellow and blue (each band is also labelled: nothing is said by
 * colour alone).  The Standard's three: red, yellow, green. */
static const char *band_fill(enum level level, enum level highest)
{
	static const char *const between[] = { "#f6ecc8", "#dde6f4" };
	if (level == highest)
		return "#d5ecd5";
	if (level == 1)
		return "#f4d6d6";
	return between[(level - 2) % 2];
}

/* One category's chart: the published ranges as labelled bands,
 * the score as a black marker and label (B's as an outlined one). */
static void chart(FILE *out, const struct framework *fw, size_t c, int score_a, int score_b,
		  int max, const char *a_label, const char *b_label)
{
	const struct framework_category *cat = &fw->categories[c];
	const int width = 560, left = 10, bar_y = 18, bar_h = 22;
	enum level highest = framework_highest_level(fw);
	int top = max > cat->published[highest].to ? max : cat->published[highest].to;
	if (top <= 0)
		top = 1;
	fprintf(out, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
		"role=\"img\" aria-label=\"Category ", width + 2 * left, score_b >= 0 ? 84 : 66);
	put_attribute(out, cat->id);
	fputs(": ", out);
	put_attribute(out, a_label);
	fprintf(out, " %d", score_a);
	if (score_b >= 0) {
		fputs("; ", out);
		put_attribute(out, b_label);
		fprintf(out, " %d", score_b);
	}
	fprintf(out, " out of %d\">", max);
	double label_end = 0; /* a narrow band's label moves right, clear of the last */
	for (enum level l = 1; l <= highest; l++) {
		const struct framework_range *r = &cat->published[l];
		double x0 = left + (double)width * r->from / (top + 1);
		double x1 = left + (double)width * (r->to + 1) / (top + 1);
		fprintf(out, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\" "
			"stroke=\"#666\"/>", x0, bar_y, x1 - x0, bar_h, band_fill(l, highest));
		char label[64];
		int len = snprintf(label, sizeof label, "%s %d-%d", words_level(fw, l), r->from, r->to);
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
	put_svg_text(out, a_label);
	fprintf(out, ": %d</text>", score_a);
	if (score_b >= 0) {
		double xb = left + (double)width * (score_b + 0.5) / (top + 1);
		fprintf(out, "<rect x=\"%.1f\" y=\"%d\" width=\"6\" height=\"%d\" fill=\"#fff\" "
			"stroke=\"#000\" stroke-width=\"1.5\"/>", xb - 3, bar_y - 2, bar_h + 4);
		fprintf(out, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">",
			xb, bar_y + bar_h + 30);
		put_svg_text(out, b_label);
		fprintf(out, ": %d</text>", score_b);
	}
	fputs("</svg>", out);
}

/* What the report is about: the page's head, the title, and who, when,
 * against which version, compared with what. */
static void write_heading(FILE *out, const struct assessment *a, const char *a_label,
			  const struct assessment *b, const char *b_label)
{
	const struct framework *fw = a->framework;
	const char *who = a->type[0] && strcmp(a->type, "peer") == 0 ? "Peer review" : "Self-assessment";
	fprintf(out, "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en-GB\">\n"
		"<head><meta charset=\"utf-8\"/>" REPORT_GENERATOR "/><title>%s: ", who);
	put_plain(out, *a->organisation ? a->organisation : a_label);
	fprintf(out, "</title><style>%s</style></head>\n<body>\n<h1>", style);
	put_text(out, fw->title);
	fprintf(out, "</h1>\n<p class=\"meta\">%s of <strong>", who);
	if (*a->organisation)
		put_text(out, a->organisation);
	else
		fputs("(organisation not given)", out);
	fputs("</strong>", out);
	if (*a->date) {
		fputs(", ", out);
		put_text(out, a->date);
	}
	if (*a->assessors) {
		fputs(". Assessors: ", out);
		put_text(out, a->assessors);
	}
	fputs(". Version ", out);
	put_text(out, fw->version);
	fputs(" of the Standard", out);
	if (b) {
		fputs(", compared with ", out);
		put_text(out, b_label);
		if (*b->organisation || *b->date) {
			fputs(b->type[0] && strcmp(b->type, "peer") == 0 ? " (peer review"
			      : " (self-assessment", out);
			if (*b->date) {
				fputs(", ", out);
				put_text(out, b->date);
			}
			fputs(")", out);
		}
	}
	fputs(".</p>\n", out);
	assessed_summary(out, a);
}

/* "1. Strategic Leadership and Management": a category's id and title. */
static void put_category(FILE *out, const struct framework_category *cat)
{
	put_text(out, cat->id);
	fputs(". ", out);
	put_text(out, cat->title);
}

/* The scores table, then a chart per category. */
static void write_scores(FILE *out, const struct assessment *a, const char *a_label,
			 const struct assessment *b, const char *b_label)
{
	const struct framework *fw = a->framework;
	fputs("<h2>Scores by category</h2>\n<p class=\"note\">Each category's points against "
	      "the Standard's published score ranges. The Standard gives a level for each "
	      "category and no overall level.</p>\n<table><tr><th>Category</th><th>", out);
	put_text(out, a_label);
	fputs("</th>", out);
	if (b) {
		fputs("<th>", out);
		put_text(out, b_label);
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
		fputs("<tr><td>", out);
		put_category(out, &fw->categories[c]);
		fputs("</td>", out);
		score_cell(out, fw, &ra);
		if (b) {
			score_category(fw, b->levels, c, &rb);
			score_cell(out, fw, &rb);
			fprintf(out, "<td class=\"n\">%+d%s</td>", rb.score - ra.score,
				rb.level != ra.level ? " (level differs)" : "");
		}
		if (ra.state == SCORE_NOT_ASSESSED)
			fputs("<td>not assessed</td></tr>\n", out);
		else if (ra.next_level == LEVEL_NONE)
			fputs("<td>at the top level</td></tr>\n", out);
		else
			fprintf(out, "<td>%d more for %s</td></tr>\n", ra.points_to_next,
				words_level(fw, ra.next_level));
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
		fputs("<h3>", out);
		put_category(out, &fw->categories[c]);
		if (ra.state != SCORE_COMPLETE) {
			char state[96];
			fprintf(out, " <span class=\"incomplete\">(incomplete: %s)</span>",
				words_state(fw, &ra, WORDS_FULL, state, sizeof state));
		}
		fputs("</h3>\n", out);
		chart(out, fw, c, ra.score, b ? rb.score : -1, ra.max, a_label, b ? b_label : "");
		fputs("\n", out);
	}
}

/* The rows at Leading, then each category's fewest steps up. */
static void write_strengths_and_gaps(FILE *out, const struct assessment *a)
{
	const struct framework *fw = a->framework;
	enum level highest = framework_highest_level(fw);
	fputs("<h2>Strengths</h2>\n<p>Criteria at ", out);
	put_text(out, words_level_title(fw, highest));
	fputs(":</p>\n<ul>\n", out);
	size_t strengths = 0;
	for (size_t i = 0; i < fw->criterion_count; i++) {
		if (a->levels[i] != highest)
			continue;
		strengths++;
		fputs("<li><strong>", out);
		put_text(out, fw->criteria[i].id);
		fputs("</strong> ", out);
		put_text(out, fw->criteria[i].cell[highest]);
		fputs("</li>\n", out);
	}
	if (!strengths)
		fputs("<li>None yet.</li>\n", out);
	fputs("</ul>\n<h2>Gaps: the fewest steps to each category's next level</h2>\n", out);
	for (size_t c = 0; c < fw->category_count; c++) {
		struct plan_gap gap;
		struct score_result r;
		score_category(fw, a->levels, c, &r);
		if (r.state == SCORE_NOT_ASSESSED || plan_gap(fw, a->levels, c, &gap) != 0 ||
		    gap.next_level == LEVEL_NONE)
			continue;
		fputs("<h3>", out);
		put_category(out, &fw->categories[c]);
		fprintf(out, ": %d more point%s for %s, in %zu step%s</h3>\n<ul>\n", gap.points_needed,
			gap.points_needed == 1 ? "" : "s", words_level(fw, gap.next_level), gap.step_count,
			gap.step_count == 1 ? "" : "s");
		for (size_t k = 0; k < gap.raise_count; k++) {
			const struct plan_raise *rz = &gap.raises[k];
			fputs("<li><strong>", out);
			put_text(out, fw->criteria[rz->criterion].id);
			fprintf(out, "</strong> %s to %s (+%d): ", words_level(fw, rz->from), words_level(fw, rz->to),
				rz->gain);
			put_text(out, fw->criteria[rz->criterion].cell[rz->to]);
			fputs("</li>\n", out);
		}
		fputs("</ul>\n", out);
	}
}

static void write_action_plan(FILE *out, const struct assessment *a)
{
	const struct framework *fw = a->framework;
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
		fputs("<tr><td>", out);
		put_text(out, fw->criteria[i].id);
		fprintf(out, "</td><td>%s</td><td>%s: ", words_level(fw, a->levels[i]), words_level(fw, target));
		put_text(out, fw->criteria[i].cell[target]);
		const char *const texts[] = { ans->action, ans->lead_officer, ans->timescale };
		for (size_t k = 0; k < 3; k++) {
			fputs("</td><td>", out);
			put_text(out, texts[k]);
		}
		fputs("</td></tr>\n", out);
	}
	if (actions)
		fputs("</table>\n", out);
	else
		fputs("<p>No actions recorded yet (the wizard's <code>p</code> key, or the "
		      "action columns of the assessment file).</p>\n", out);
}

/* Where two assessments differ, with what was recorded about it. */
static void write_differences(FILE *out, const struct assessment *a, const char *a_label,
			      const struct assessment *b, const char *b_label)
{
	const struct framework *fw = a->framework;
	fputs("<h2>Where the two assessments differ</h2>\n", out);
	size_t differ = 0;
	for (size_t i = 0; i < fw->criterion_count; i++) {
		if (a->levels[i] == b->levels[i])
			continue;
		if (!differ++) {
			fputs("<table><tr><th>Criterion</th><th>", out);
			put_text(out, a_label);
			fputs("</th><th>", out);
			put_text(out, b_label);
			fputs("</th><th>Recorded changes</th></tr>\n", out);
		}
		fputs("<tr><td>", out);
		put_text(out, fw->criteria[i].id);
		fprintf(out, "</td><td class=\"differs\">%s</td><td class=\"differs\">%s</td><td>",
			words_level(fw, a->levels[i]), words_level(fw, b->levels[i]));
		put_text(out, a->answers[i].history);
		fputs("</td></tr>\n", out);
	}
	if (differ)
		fputs("</table>\n", out);
	else
		fputs("<p>The two agree on every criterion.</p>\n", out);
}

static void write_history(FILE *out, const struct assessment *a)
{
	const struct framework *fw = a->framework;
	fputs("<h2>Changes recorded in comparisons</h2>\n", out);
	size_t changes = 0;
	for (size_t i = 0; i < fw->criterion_count; i++) {
		if (!*a->answers[i].history)
			continue;
		if (!changes++)
			fputs("<table><tr><th>Criterion</th><th>When | who | old -&gt; new | remark"
			      "</th></tr>\n", out);
		fputs("<tr><td>", out);
		put_text(out, fw->criteria[i].id);
		fputs("</td><td>", out);
		put_text(out, a->answers[i].history);
		fputs("</td></tr>\n", out);
	}
	if (changes)
		fputs("</table>\n", out);
	else
		fputs("<p>None.</p>\n", out);
}

int report_write(FILE *out, const struct assessment *a, const char *a_label,
		 const struct assessment *b, const char *b_label, struct tri_error *err)
{
	write_heading(out, a, a_label, b, b_label);
	write_scores(out, a, a_label, b, b_label);
	write_strengths_and_gaps(out, a);
	write_action_plan(out, a);
	if (b)
		write_differences(out, a, a_label, b, b_label);
	write_history(out, a);
	fputs("<p class=\"note\">Made with tri-assess from ", out);
	put_text(out, a_label);
	fputs(". Source: ", out);
	put_text(out, a->framework->source);
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
