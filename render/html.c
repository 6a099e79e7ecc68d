/* The HTML format: the report, one self-contained page for a leadership
 * team (no scripts, no external files, inline SVG charts, A4 print
 * styles), well-formed XML (XHTML polyglot) so any parser can check it.
 * Written from report_content (core/report.h): nothing here scores. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "render.h"
#include "sanitize.h"
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
static void assessed_summary(FILE *out, const struct framework *fw, const struct score_sheet *s)
{
	char text[256];
	fprintf(out, "<p class=\"assessed%s\"><strong>Assessed:</strong> %s.",
		s->progress.complete == fw->category_count ? "" : " incomplete",
		words_progress(&s->progress, fw->category_count, text, sizeof text));
	if (s->progress.complete < fw->category_count)
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
	"td.green{background:#d5ecd5}td.amber{background:#f6ecc8}td.red{background:#f4d6d6}"
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

/* A chart's geometry: the bar spans 0..top + 1 points over width pixels. */
enum { CHART_WIDTH = 560, CHART_LEFT = 10, BAR_Y = 18, BAR_H = 22 };

static double chart_x(int points, double offset, int top)
{
	return CHART_LEFT + (double)CHART_WIDTH * (points + offset) / (top + 1);
}

/* The published ranges as labelled bands, each level above none. */
static void chart_bands(FILE *out, const struct framework *fw, const struct framework_category *cat,
			int top)
{
	enum level highest = framework_highest_level(fw);
	double label_end = 0; /* a narrow band's label moves right, clear of the last */
	for (enum level l = 1; l <= highest; l++) {
		const struct framework_range *r = &cat->published[l];
		double x0 = chart_x(r->from, 0, top), x1 = chart_x(r->to + 1, 0, top);
		fprintf(out, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\" "
			"stroke=\"#666\"/>", x0, BAR_Y, x1 - x0, BAR_H, band_fill(l, highest));
		/* the level's word is its name (a-z, 0-9, spaces): nothing to escape */
		char label[64];
		int len = snprintf(label, sizeof label, "%s %d-%d", words_level(fw, l), r->from,
				   r->to);
		double x = x0 + 3 > label_end + 6 ? x0 + 3 : label_end + 6;
		label_end = x + len * 5.6; /* about 5.6 px a character at 10 px Arial */
		fprintf(out, "<text x=\"%.1f\" y=\"%d\" font-size=\"10\">%s</text>", x, BAR_Y - 4,
			label);
	}
}

/* A score's marker and label: A's filled, B's (second) outlined, lower. */
static void chart_marker(FILE *out, int score, int top, const char *label, bool second)
{
	double x = chart_x(score, 0.5, top);
	if (second)
		fprintf(out, "<rect x=\"%.1f\" y=\"%d\" width=\"6\" height=\"%d\" fill=\"#fff\" "
			"stroke=\"#000\" stroke-width=\"1.5\"/>", x - 3, BAR_Y - 2, BAR_H + 4);
	else
		fprintf(out, "<rect x=\"%.1f\" y=\"%d\" width=\"4\" height=\"%d\" fill=\"#000\"/>",
			x - 2, BAR_Y - 2, BAR_H + 4);
	fprintf(out, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">", x,
		BAR_Y + BAR_H + (second ? 30 : 14));
	put_svg_text(out, label);
	fprintf(out, ": %d</text>", score);
}

/* One category's chart: the published ranges as labelled bands, the
 * score as a black marker and label (B's as an outlined one). */
static void chart(FILE *out, const struct report_content *m, size_t c)
{
	const struct framework *fw = m->a->framework;
	const struct framework_category *cat = &fw->categories[c];
	const struct score_result *ra = &m->scores.sheet_a.categories[c];
	const struct score_result *rb = m->b ? &m->scores.sheet_b.categories[c] : NULL;
	int last = cat->published[framework_highest_level(fw)].to;
	int top = ra->max > last ? ra->max : last;
	if (top <= 0)
		top = 1;
	fprintf(out, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
		"role=\"img\" aria-label=\"Category ", CHART_WIDTH + 2 * CHART_LEFT, rb ? 84 : 66);
	put_attribute(out, cat->id);
	fputs(": ", out);
	put_attribute(out, m->a_label);
	fprintf(out, " %d", ra->score);
	if (rb) {
		fputs("; ", out);
		put_attribute(out, m->b_label);
		fprintf(out, " %d", rb->score);
	}
	fprintf(out, " out of %d\">", ra->max);
	chart_bands(out, fw, cat, top);
	chart_marker(out, ra->score, top, m->a_label, false);
	if (rb)
		chart_marker(out, rb->score, top, m->b_label, true);
	fputs("</svg>", out);
}

/* "Self-assessment" or "Peer review". */
static const char *kind_of(const struct assessment *a)
{
	return a->type[0] && strcmp(a->type, "peer") == 0 ? "Peer review" : "Self-assessment";
}

/* The page's head and the title. */
static void write_head(FILE *out, const struct report_content *m)
{
	const struct assessment *a = m->a;
	fprintf(out, "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en-GB\">\n"
		"<head><meta charset=\"utf-8\"/>" RENDER_REPORT_GENERATOR "/><title>%s: ",
		kind_of(a));
	put_plain(out, *a->organisation ? a->organisation : m->a_label);
	fprintf(out, "</title><style>%s</style></head>\n<body>\n<h1>", style);
	put_text(out, a->framework->title);
	fputs("</h1>\n", out);
}

/* Who, when, against which version, compared with what; how much is
 * assessed. */
static void write_heading(FILE *out, const struct report_content *m)
{
	const struct assessment *a = m->a, *b = m->b;
	write_head(out, m);
	fprintf(out, "<p class=\"meta\">%s of <strong>", kind_of(a));
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
	put_text(out, a->framework->version);
	fputs(" of the Standard", out);
	if (b) {
		fputs(", compared with ", out);
		put_text(out, m->b_label);
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
	assessed_summary(out, a->framework, &m->scores.sheet_a);
}

/* "1. Strategic Leadership and Management": a category's id and title. */
static void put_category(FILE *out, const struct framework_category *cat)
{
	put_text(out, cat->id);
	fputs(". ", out);
	put_text(out, cat->title);
}

/* The scores table: a row per category, then the total. */
static void write_score_table(FILE *out, const struct report_content *m)
{
	const struct framework *fw = m->a->framework;
	const struct comparison *cmp = &m->scores;
	fputs("<h2>Scores by category</h2>\n<p class=\"note\">Each category's points against "
	      "the Standard's published score ranges. The Standard gives a level for each "
	      "category and no overall level.</p>\n<table><tr><th>Category</th><th>", out);
	put_text(out, m->a_label);
	fputs("</th>", out);
	if (m->b) {
		fputs("<th>", out);
		put_text(out, m->b_label);
		fputs("</th><th>Change</th>", out);
	}
	fputs("<th>Next level</th></tr>\n", out);
	for (size_t c = 0; c < fw->category_count; c++) {
		const struct score_result *ra = &cmp->sheet_a.categories[c];
		fputs("<tr><td>", out);
		put_category(out, &fw->categories[c]);
		fputs("</td>", out);
		score_cell(out, fw, ra);
		if (m->b) {
			const struct score_result *rb = &cmp->sheet_b.categories[c];
			score_cell(out, fw, rb);
			fprintf(out, "<td class=\"n\">%+d%s</td>", rb->score - ra->score,
				comparison_category_differs(cmp, c) ? " (level differs)" : "");
		}
		if (ra->state == SCORE_NOT_ASSESSED)
			fputs("<td>not assessed</td></tr>\n", out);
		else if (ra->next_level == LEVEL_NONE)
			fputs("<td>at the top level</td></tr>\n", out);
		else
			fprintf(out, "<td>%d more for %s</td></tr>\n", ra->points_to_next,
				words_level(fw, ra->next_level));
	}
	fprintf(out, "<tr><th>Total points</th><td class=\"n\">%d/%d</td>", cmp->sheet_a.total,
		cmp->sheet_a.max);
	if (m->b)
		fprintf(out, "<td class=\"n\">%d/%d</td><td class=\"n\">%+d</td>", cmp->sheet_b.total,
			cmp->sheet_b.max, cmp->sheet_b.total - cmp->sheet_a.total);
	fputs("<td></td></tr></table>\n", out);
}

/* The table, then a chart per category, its heading marked while the
 * category is incomplete. */
static void write_scores(FILE *out, const struct report_content *m)
{
	const struct framework *fw = m->a->framework;
	write_score_table(out, m);
	for (size_t c = 0; c < fw->category_count; c++) {
		const struct score_result *ra = &m->scores.sheet_a.categories[c];
		fputs("<h3>", out);
		put_category(out, &fw->categories[c]);
		if (ra->state != SCORE_COMPLETE) {
			char state[160];
			fprintf(out, " <span class=\"incomplete\">(incomplete: %s)</span>",
				words_state(fw, ra, WORDS_FULL, state, sizeof state));
		}
		fputs("</h3>\n", out);
		chart(out, m, c);
		fputs("\n", out);
	}
}

/* The rows at the highest level (Leading). */
static void write_strengths(FILE *out, const struct report_content *m)
{
	const struct assessment *a = m->a;
	const struct framework *fw = a->framework;
	enum level highest = framework_highest_level(fw);
	fputs("<h2>Strengths</h2>\n<p>Criteria at ", out);
	put_text(out, words_level_title(fw, highest));
	fputs(":</p>\n<ul>\n", out);
	for (size_t i = 0; i < fw->criterion_count; i++) {
		if (a->levels[i] != highest)
			continue;
		fputs("<li><strong>", out);
		put_text(out, fw->criteria[i].id);
		fputs("</strong> ", out);
		put_text(out, fw->criteria[i].cell[highest]);
		fputs("</li>\n", out);
	}
	if (!m->strengths)
		fputs("<li>None yet.</li>\n", out);
	fputs("</ul>\n", out);
}

/* Each category's fewest steps up, where there is a way. */
static void write_gaps(FILE *out, const struct report_content *m)
{
	const struct framework *fw = m->a->framework;
	fputs("<h2>Gaps: the fewest steps to each category's next level</h2>\n", out);
	for (size_t c = 0; c < fw->category_count; c++) {
		const struct plan_gap *gap = &m->plan.gaps[c];
		if (!m->plan.planned[c] || !m->plan.reachable[c])
			continue;
		fputs("<h3>", out);
		put_category(out, &fw->categories[c]);
		fprintf(out, ": %d more point%s for %s, in %zu step%s</h3>\n<ul>\n", gap->points_needed,
			gap->points_needed == 1 ? "" : "s", words_level(fw, gap->next_level),
			gap->step_count, gap->step_count == 1 ? "" : "s");
		for (size_t k = 0; k < gap->raise_count; k++) {
			const struct plan_raise *rz = &gap->raises[k];
			fputs("<li><strong>", out);
			put_text(out, fw->criteria[rz->criterion].id);
			fprintf(out, "</strong> %s to %s (+%d): ", words_level(fw, rz->from),
				words_level(fw, rz->to), rz->gain);
			put_text(out, fw->criteria[rz->criterion].cell[rz->to]);
			fputs("</li>\n", out);
		}
		fputs("</ul>\n", out);
	}
}

/* The actions, in the framework's order: what each serves and where it
 * stands, the status in words. */
static void write_action_plan(FILE *out, const struct report_content *m)
{
	const struct assessment *a = m->a;
	const struct framework *fw = a->framework;
	const struct actionlist *list = m->list;
	fputs("<h2>Action plan</h2>\n", out);
	if (!m->actions) {
		fputs("<p>No actions recorded yet (the wizard's <code>p</code> key, or the "
		      "actions file beside the assessment).</p>\n", out);
		return;
	}
	fputs("<table><tr><th scope=\"col\">Criterion</th><th scope=\"col\">Now</th>"
	      "<th scope=\"col\">Outcome</th><th scope=\"col\">Activity</th>"
	      "<th scope=\"col\">Lead officer</th><th scope=\"col\">Timescale</th>"
	      "<th scope=\"col\">Status</th></tr>\n", out);
	for (size_t k = 0; k < list->count; k++) {
		const struct actionlist_item *item = &list->items[k];
		fputs("<tr><td>", out);
		put_text(out, fw->criteria[item->criterion].id);
		fprintf(out, "</td><td>%s</td><td>", words_level(fw, a->levels[item->criterion]));
		put_text(out, actionlist_outcome(item, a));
		fputs("</td><td>", out);
		put_text(out, item->activity);
		fputs("</td><td>", out);
		put_text(out, item->lead);
		fputs("</td><td>", out);
		put_text(out, item->due);
		if (*item->due && *item->due_note)
			fputs("; ", out);
		put_text(out, item->due_note);
		fprintf(out, "</td><td>%s%s</td></tr>\n", actionlist_status_word(item->status),
			actionlist_overdue(item, m->dashboard.today) ? ", overdue" : "");
	}
	fputs("</table>\n", out);
}

/* A rating cell: the word always, a background as well (never colour
 * alone). */
static void rag_cell(FILE *out, enum dashboard_rag rag)
{
	if (rag == DASHBOARD_NONE)
		fputs("<td>-</td>", out);
	else
		fprintf(out, "<td class=\"%s\">%s</td>", dashboard_rag_name(rag),
			dashboard_rag_word(rag));
}

/* The category's overdue actions, then its latest progress, in a cell. */
static void dashboard_notes(FILE *out, const struct dashboard *d, const struct dashboard_row *r)
{
	char label[48];
	for (size_t k = 0; k < r->overdue_count; k++) {
		const struct actionlist_item *item = &d->list->items[r->overdue[k]];
		fprintf(out, "%sOverdue: ", k ? "<br/>" : "");
		put_text(out, actionlist_label(d->list, item, label, sizeof label));
		fputs(", due ", out);
		put_text(out, item->due);
		fputs(": ", out);
		put_text(out, item->activity);
	}
	for (size_t k = 0; k < r->latest_count; k++) {
		const struct actionlist_item *item = &d->list->items[r->latest[k]];
		const struct actionlist_update *u = actionlist_latest(item);
		fputs(r->overdue_count || k ? "<br/>" : "", out);
		put_text(out, u->date);
		fputs(" ", out);
		put_text(out, actionlist_label(d->list, item, label, sizeof label));
		fputs(" ", out);
		put_text(out, u->who);
		fputs(": ", out);
		put_text(out, u->text);
	}
}

/* The dashboard: one row per category, as a programme board's (seed
 * 004): level now and target, ratings with words, actions by status,
 * overdue actions and the latest progress. */
static void write_dashboard(FILE *out, const struct report_content *m)
{
	const struct dashboard *d = &m->dashboard;
	const struct framework *fw = m->a->framework;
	fputs("<h2>Dashboard</h2>\n<p>As of ", out);
	put_text(out, d->today);
	fputs(". Delivery: Red when an action is off track, Amber when one is at risk; "
	      "Schedule: Red when an action is overdue; Overall: the worse of the two; "
	      "- where a category has no open action.</p>\n", out);
	fputs("<table><tr><th scope=\"col\">Category</th><th scope=\"col\">Level now</th>"
	      "<th scope=\"col\">Target</th><th scope=\"col\">Overall</th>"
	      "<th scope=\"col\">Delivery</th><th scope=\"col\">Schedule</th>"
	      "<th scope=\"col\">Actions</th><th scope=\"col\">Overdue and recent "
	      "progress</th></tr>\n", out);
	for (size_t c = 0; c < fw->category_count; c++) {
		const struct dashboard_row *r = &d->rows[c];
		fputs("<tr><th scope=\"row\">", out);
		put_category(out, &fw->categories[c]);
		fprintf(out, "</th><td>%s</td><td>%s</td>", words_level(fw, r->now->level),
			words_level(fw, r->target));
		rag_cell(out, r->overall);
		rag_cell(out, r->delivery);
		rag_cell(out, r->schedule);
		fputs("<td>", out);
		bool any = false;
		for (int st = 0; st < ACTIONLIST_STATUS_COUNT; st++) {
			if (!r->by_status[st])
				continue;
			fprintf(out, "%s%zu %s", any ? ", " : "", r->by_status[st],
				actionlist_status_word((enum actionlist_status)st));
			any = true;
		}
		fputs(any ? "</td><td>" : "none</td><td>", out);
		dashboard_notes(out, d, r);
		fputs("</td></tr>\n", out);
	}
	fputs("</table>\n", out);
}

/* Progress over time: a bar per assessment for each category (its score
 * out of the category's maximum, labelled), and beside it the same in a
 * table for screen readers, and the criteria that moved. */
enum { PROGRESS_LABEL = 40, PROGRESS_BAR = 420, PROGRESS_ROW = 16 };

static void progress_chart(FILE *out, const struct progress *p)
{
	const struct framework *fw = p->fw;
	int height = (int)(fw->category_count * (p->count * PROGRESS_ROW + 8)) + 8;
	fprintf(out, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
		"role=\"img\" aria-label=\"Each category's score at each date; the table "
		"that follows gives the same\">", PROGRESS_LABEL + PROGRESS_BAR + 140, height);
	int y = 8;
	for (size_t c = 0; c < fw->category_count; c++) {
		fprintf(out, "<text x=\"0\" y=\"%d\" font-size=\"11\">", y + 12);
		put_svg_text(out, fw->categories[c].id);
		fputs("</text>", out);
		for (size_t k = 0; k < p->count; k++, y += PROGRESS_ROW) {
			const struct score_result *r = &p->points[k].scores.categories[c];
			double w = r->max ? (double)PROGRESS_BAR * r->score / r->max : 0;
			fprintf(out, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" "
				"fill=\"%s\" stroke=\"#333\"/>", PROGRESS_LABEL, y, w,
				PROGRESS_ROW - 3, k + 1 == p->count ? "#555" : "#bbb");
			fprintf(out, "<text x=\"%.1f\" y=\"%d\" font-size=\"10\">", PROGRESS_LABEL +
				w + 4, y + 10);
			put_svg_text(out, p->points[k].a->date);
			fprintf(out, ": %d/%d</text>", r->score, r->max);
		}
		y += 8;
	}
	fputs("</svg>\n", out);
}

static void write_progress(FILE *out, const struct report_content *m)
{
	const struct progress *p = &m->progress;
	const struct framework *fw = p->fw;
	fputs("<h2>Progress over time</h2>\n<figure>", out);
	progress_chart(out, p);
	fputs("<figcaption>Scores at each date (darker: the latest).</figcaption></figure>\n"
	      "<table><tr><th scope=\"col\">Category</th>", out);
	for (size_t k = 0; k < p->count; k++) {
		fputs("<th scope=\"col\">", out);
		put_text(out, p->points[k].a->date);
		fputs("</th>", out);
	}
	fputs("<th scope=\"col\">Change</th></tr>\n", out);
	for (size_t c = 0; c < fw->category_count; c++) {
		fputs("<tr><th scope=\"row\">", out);
		put_category(out, &fw->categories[c]);
		fputs("</th>", out);
		for (size_t k = 0; k < p->count; k++)
			score_cell(out, fw, &p->points[k].scores.categories[c]);
		fprintf(out, "<td class=\"n\">%+d</td></tr>\n",
			p->points[p->count - 1].scores.categories[c].score -
			p->points[0].scores.categories[c].score);
	}
	fprintf(out, "</table>\n<p>Criteria that moved: %zu.</p>\n", p->moved_count);
	if (!p->moved_count)
		return;
	fputs("<ul>\n", out);
	for (size_t i = 0; i < fw->criterion_count; i++) {
		if (!p->moved[i])
			continue;
		fputs("<li><strong>", out);
		put_text(out, fw->criteria[i].id);
		fputs("</strong>", out);
		for (size_t k = 0; k < p->count; k++) {
			int change = k ? progress_criterion_change(p, k, i) : 0;
			fprintf(out, "%s%s%s", k ? " to " : " ", words_level(fw, p->points[k].a->levels[i]),
				change > 0 ? " (up)" : change < 0 ? " (down)" : "");
		}
		fputs("</li>\n", out);
	}
	fputs("</ul>\n", out);
}

/* Where two assessments differ, with what was recorded about it. */
static void write_differences(FILE *out, const struct report_content *m)
{
	const struct framework *fw = m->a->framework;
	fputs("<h2>Where the two assessments differ</h2>\n", out);
	if (!m->scores.differ_count) {
		fputs("<p>The two agree on every criterion.</p>\n", out);
		return;
	}
	fputs("<table><tr><th>Criterion</th><th>", out);
	put_text(out, m->a_label);
	fputs("</th><th>", out);
	put_text(out, m->b_label);
	fputs("</th><th>Recorded changes</th></tr>\n", out);
	for (size_t i = 0; i < fw->criterion_count; i++) {
		if (!comparison_criterion_differs(&m->scores, i))
			continue;
		fputs("<tr><td>", out);
		put_text(out, fw->criteria[i].id);
		fprintf(out, "</td><td class=\"differs\">%s</td><td class=\"differs\">%s</td><td>",
			words_level(fw, m->a->levels[i]), words_level(fw, m->b->levels[i]));
		put_text(out, m->a->answers[i].history);
		fputs("</td></tr>\n", out);
	}
	fputs("</table>\n", out);
}

static void write_history(FILE *out, const struct report_content *m)
{
	const struct assessment *a = m->a;
	const struct framework *fw = a->framework;
	fputs("<h2>Changes recorded in comparisons</h2>\n", out);
	if (!m->changes) {
		fputs("<p>None.</p>\n", out);
		return;
	}
	fputs("<table><tr><th>Criterion</th><th>When | who | old -&gt; new | remark"
	      "</th></tr>\n", out);
	for (size_t i = 0; i < fw->criterion_count; i++) {
		if (!*a->answers[i].history)
			continue;
		fputs("<tr><td>", out);
		put_text(out, fw->criteria[i].id);
		fputs("</td><td>", out);
		put_text(out, a->answers[i].history);
		fputs("</td></tr>\n", out);
	}
	fputs("</table>\n", out);
}

static int report(struct render_out *ro, const struct report_content *m)
{
	FILE *out = ro->file;
	write_heading(out, m);
	write_scores(out, m);
	write_strengths(out, m);
	write_gaps(out, m);
	write_dashboard(out, m);
	write_action_plan(out, m);
	if (m->progress.count)
		write_progress(out, m);
	if (m->b)
		write_differences(out, m);
	write_history(out, m);
	fputs("<p class=\"note\">Made with tri-assess from ", out);
	put_text(out, m->a_label);
	fputs(". Source: ", out);
	put_text(out, m->a->framework->source);
	fputs(".</p>\n</body>\n</html>\n", out);
	return render_status(ro);
}

const struct render_format render_html = {
	.name = "html",
	.criteria = NULL,
	.validation = NULL,
	.scores = NULL,
	.comparison = NULL,
	.plan = NULL,
	.benchmark = NULL,
	.report = report,
};

const struct outfile_signature render_report_signature = {
	.what = "a tri-assess report", .text = RENDER_REPORT_GENERATOR, .at_start = false,
};
