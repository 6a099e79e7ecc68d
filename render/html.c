/* The HTML format: the report, one self-contained page for a leadership
 * team and a committee paper (no scripts, no external files, inline SVG
 * charts), well-formed XML (XHTML polyglot) so any parser can check it.
 * Written from report_content (core/report.h): nothing here scores.
 *
 * Accessible (WCAG 2.2 AA, checked by axe-core and pa11y in the 'report'
 * suite): one <main> landmark, headings in order (h1 the assessment, h2 a
 * section, h3 a category, h4 a section of a category), every table's
 * header cells with their scope, every chart a labelled image whose words
 * are also in its caption, sides named from their metadata (never a
 * file's path), nothing said by colour alone.  Printable on A4: a heading
 * is kept with what follows it, table heads repeat on each page, and the
 * evidence (<details open>) is printed open.  Readable on a phone: at
 * 320 px nothing scrolls sideways.
 *
 * The page is a list of sections (report_sections below), each a function
 * that writes its own heading and content. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "render.h"
#include "sanitize.h"
#include "words.h"

/* ---- Escapes: the only ways text from input reaches the page ---- */

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

/* In an attribute's value (between double quotes). */
static void put_attribute(FILE *out, const char *text)
{
	put_escaped(out, text, true);
}

/* ---- The page ---- */

/* Narrow screens (a phone is 320 px and up) get smaller tables and less
 * margin, so that nothing scrolls sideways.  The program's own words never
 * break inside (they are short); text from the files (in <bdi>: names,
 * evidence) may, where it has no other place to break, so that a long
 * name cannot widen a table past the screen.  In print: A4, a heading
 * never last on a page (break-after: avoid; a chart and its heading are
 * one block), table heads repeated (a thead is repeated by the browser),
 * rows and charts never split, every <details> shown open. */
static const char style[] =
	"body{font-family:Arial,Helvetica,'Liberation Sans',sans-serif;color:#111;max-width:60em;"
	"margin:1.5em auto;padding:0 1em;line-height:1.4;overflow-wrap:break-word}"
	"bdi{overflow-wrap:anywhere}"
	"h1{font-size:1.5em;margin:0 0 .3em}h2{font-size:1.2em;border-bottom:2px solid #333;"
	"padding-bottom:.15em;margin-top:1.8em}h3{font-size:1.05em;margin:1.2em 0 .3em}"
	"h4{font-size:1em;margin:.8em 0 .3em}"
	"table{border-collapse:collapse;width:100%;margin:.4em 0}"
	"caption{text-align:left;font-weight:bold;padding:.2em 0}"
	"th,td{border:1px solid #999;padding:.25em .4em;text-align:left;vertical-align:top;"
	"font-size:.9em}thead th{background:#eee}th[scope=row]{font-weight:normal}"
	"tfoot th[scope=row]{font-weight:bold}td.n{text-align:right}"
	".meta,.note{color:#444}.note{font-size:.9em}"
	".category-about{margin:.2em 0 .4em}.footnote{color:#444;font-size:.85em;display:block}"
	".differs{font-weight:bold}.incomplete{font-style:italic}"
	".assessed{border-left:4px solid #333;padding-left:.5em}"
	"td.green{background:#d5ecd5}td.amber{background:#f6ecc8}td.red{background:#f4d6d6}"
	"dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.1em 1em;margin:.5em 0}"
	"dl.facts dt{font-weight:bold}dl.facts dd{margin:0}"
	".wide{overflow-x:auto}svg.progress{max-width:100%;height:auto}"
	"figure{margin:.2em 0 1em}svg.chart{display:block;width:100%;max-width:580px;height:auto}"
	"svg text{font-family:Arial,Helvetica,'Liberation Sans',sans-serif}"
	"figcaption{font-size:.9em}figcaption p{margin:.15em 0}"
	"svg.key{vertical-align:middle;margin-right:.3em}"
	"details{border:1px solid #bbb;margin:.5em 0;padding:.3em .6em}"
	"summary{font-weight:bold;cursor:pointer}"
	"details dl{margin:.3em 0}details dt{font-weight:bold;margin-top:.3em}"
	"details dd{margin:0 0 0 1em}.statement{margin:.3em 0}"
	".sides{display:grid;gap:.2em 1.2em}.side-name{margin:.4em 0 0}"
	"@media (min-width:40em){.sides{grid-template-columns:1fr 1fr}}"
	"@media (max-width:30em){body{padding:0 .5em;margin:.8em auto}"
	"th,td{font-size:.8em;padding:.2em .25em}dl.facts{display:block}dl.facts dd{margin-bottom:.3em}"
	"details{padding:.2em .4em}details dd{margin-left:.5em}}"
	"@page{size:A4;margin:16mm}"
	"@media print{body{margin:0;max-width:none;font-size:10pt}"
	"h1,h2,h3,h4,caption,.intro{break-after:avoid}.keep,tr,summary,svg{break-inside:avoid}"
	"thead{display:table-header-group}}"
	"@media print{details::details-content{display:contents;content-visibility:visible}}";

/* "Self-assessment" or "Peer review". */
static const char *kind_of(const struct assessment *a)
{
	return strcmp(a->type, "peer") == 0 ? "Peer review" : "Self-assessment";
}

/* Side k's name in full: in a comparison the comparison's (words_side),
 * else the page's title.  From metadata, never a path. */
static const char *side_name(const struct report_content *m, size_t k)
{
	return m->b ? m->scores.names[k] : m->title;
}

/* Side k's label, the fewest words that tell the two sides apart, for
 * column heads and legends. */
static const char *side_label(const struct report_content *m, size_t k)
{
	return m->b ? m->scores.labels[k] : m->title;
}

/* The page's head, and the top of the page: the first side's name. */
static void write_head(FILE *out, const struct report_content *m)
{
	fputs("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en-GB\">\n"
	      "<head><meta charset=\"utf-8\"/>" RENDER_REPORT_GENERATOR "/>"
	      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/><title>",
	      out);
	put_plain(out, m->title);
	if (m->b) {
		fputs(" compared with ", out);
		put_plain(out, side_name(m, 1));
	}
	fprintf(out, "</title><style>%s</style></head>\n<body>\n<main>\n<h1>", style);
	put_text(out, m->title);
	fputs("</h1>\n", out);
}

/* ---- Who assessed what, and how much ---- */

/* A fact about a side, or "not given". */
static const char *given(const char *text)
{
	return *text ? text : NULL;
}

/* One fact of each side: a row of the sides' table, or a term of the one
 * side's list.  NULL text is "not given". */
static void side_fact(FILE *out, const struct report_content *m, const char *what,
		      const char *text_a, const char *text_b)
{
	const char *texts[2] = { text_a, text_b };
	fprintf(out, m->b ? "<tr><th scope=\"row\">%s</th>" : "<dt>%s</dt>", what);
	for (size_t k = 0; k < (m->b ? 2u : 1u); k++) {
		fputs(m->b ? "<td>" : "<dd>", out);
		if (texts[k])
			put_text(out, texts[k]);
		else
			fputs("not given", out);
		fputs(m->b ? "</td>" : "</dd>", out);
	}
	fputs(m->b ? "</tr>\n" : "\n", out);
}

/* How much was assessed, said before any figure. */
static void assessed_summary(FILE *out, const struct report_content *m)
{
	const struct framework *fw = m->a->framework;
	const struct score_sheet *sheets[2] = { &m->scores.sheet_a, &m->scores.sheet_b };
	bool complete = true;
	for (size_t k = 0; k < (m->b ? 2u : 1u); k++)
		complete = complete && sheets[k]->progress.complete == fw->category_count;
	fprintf(out, "<p class=\"assessed%s\"><strong>Assessed:</strong> ",
		complete ? "" : " incomplete");
	for (size_t k = 0; k < (m->b ? 2u : 1u); k++) {
		char text[256];
		if (m->b) {
			fputs(k ? "; " : "", out);
			put_text(out, side_label(m, k));
			fputs(": ", out);
		}
		fputs(words_progress(&sheets[k]->progress, fw->category_count, text, sizeof text),
		      out);
	}
	fputs(".", out);
	if (!complete)
		fputs(" A category not assessed has no level; one partly assessed shows its "
		      "level so far, which its remaining rows can change.", out);
	fputs("</p>\n", out);
}

/* Who, when, against which version of the Standard; compared with whom;
 * how much is assessed. */
static void write_sides(FILE *out, const struct report_content *m)
{
	const struct assessment *a = m->a, *b = m->b ? m->b : m->a;
	const struct framework *fw = a->framework;
	fputs("<p class=\"meta\">Against the ", out);
	put_text(out, fw->title);
	fputs(", version ", out);
	put_text(out, fw->version);
	if (m->b) {
		fputs("; compared with ", out);
		put_text(out, side_name(m, 1));
	}
	fputs(".</p>\n", out);
	if (m->b) {
		fputs("<table class=\"sides-table\"><thead><tr><th scope=\"col\">Assessment</th>"
		      "<th scope=\"col\">", out);
		put_text(out, side_label(m, 0));
		fputs("</th><th scope=\"col\">", out);
		put_text(out, side_label(m, 1));
		fputs("</th></tr></thead>\n<tbody>\n", out);
	} else {
		fputs("<dl class=\"facts\">\n", out);
	}
	side_fact(out, m, "Organisation", given(a->organisation), given(b->organisation));
	side_fact(out, m, "Type", kind_of(a), kind_of(b));
	side_fact(out, m, "Assessors", given(a->assessors), given(b->assessors));
	side_fact(out, m, "Date", given(a->date), given(b->date));
	fputs(m->b ? "</tbody></table>\n" : "</dl>\n", out);
	assessed_summary(out, m);
}

/* ---- Scores and charts ---- */

/* "1. Strategic Leadership and Management": a category's id and title. */
static void put_category(FILE *out, const struct framework_category *cat)
{
	put_text(out, cat->id);
	fputs(". ", out);
	put_text(out, cat->title);
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

/* "4 more for Leading", "at the top level", "not assessed". */
static void next_level_text(FILE *out, const struct framework *fw, const struct score_result *r)
{
	if (r->state == SCORE_NOT_ASSESSED)
		fputs("not assessed", out);
	else if (r->next_level == LEVEL_NONE)
		fputs("at the top level", out);
	else
		fprintf(out, "%d more for %s", r->points_to_next, words_level(fw, r->next_level));
}

/* ---- The Standard's guidance (issue 17) ---- */

#define MAX_NOTES 8 /* notes at one place */

/* "<sup>[6]</sup>" for each note at one place. */
static void put_markers(FILE *out, const struct framework *fw, enum framework_note_place place,
			size_t index, enum level level)
{
	const struct framework_footnote *notes[MAX_NOTES];
	size_t count = framework_footnotes_at(fw, place, index, level, notes, MAX_NOTES);
	for (size_t k = 0; k < count && k < MAX_NOTES; k++) {
		char marker[48];
		fputs("<sup>", out);
		put_text(out, words_footnote_marker(notes[k], marker, sizeof marker));
		fputs("</sup>", out);
	}
}

/* Each note at one place, "[6] text", a line of its own (a span shown
 * as a block, so that it can sit in a list item or a cell). */
static void put_notes(FILE *out, const struct framework *fw, enum framework_note_place place,
		      size_t index, enum level level)
{
	const struct framework_footnote *notes[MAX_NOTES];
	size_t count = framework_footnotes_at(fw, place, index, level, notes, MAX_NOTES);
	for (size_t k = 0; k < count && k < MAX_NOTES; k++) {
		char marker[48];
		fputs("<span class=\"footnote\">", out);
		put_text(out, words_footnote_marker(notes[k], marker, sizeof marker));
		fputs(" ", out);
		put_text(out, notes[k]->text);
		fputs("</span>", out);
	}
}

/* A criterion's id where a list shows a row, with the markers of its
 * section's and its own notes ("2a.1[7]"). */
static void put_row_id(FILE *out, const struct framework *fw, size_t criterion)
{
	put_text(out, fw->criteria[criterion].id);
	if (fw->criteria[criterion].section != FRAMEWORK_NO_SECTION)
		put_markers(out, fw, FRAMEWORK_NOTE_SECTION, fw->criteria[criterion].section,
			    LEVEL_NONE);
	put_markers(out, fw, FRAMEWORK_NOTE_CRITERION, criterion, LEVEL_NONE);
}

/* A cell's text where the report shows it, its marker after it and its
 * note below, then its row's notes.  (A section's notes are under its
 * category's heading; its rows carry the marker: put_row_id.) */
static void put_cell(FILE *out, const struct framework *fw, size_t criterion, enum level level)
{
	put_text(out, fw->criteria[criterion].cell[level]);
	put_markers(out, fw, FRAMEWORK_NOTE_CRITERION, criterion, level);
	put_notes(out, fw, FRAMEWORK_NOTE_CRITERION, criterion, level);
	put_notes(out, fw, FRAMEWORK_NOTE_CRITERION, criterion, LEVEL_NONE);
}

/* Under a category's heading: its description, what the category is
 * about, and the notes of the category and its sections ("2a
 * Recruitment[7]" and the note). */
static void write_guidance(FILE *out, const struct framework *fw, size_t c)
{
	const struct framework_category *cat = &fw->categories[c];
	if (*cat->description) {
		fputs("<p class=\"category-about\">", out);
		put_text(out, cat->description);
		put_markers(out, fw, FRAMEWORK_NOTE_CATEGORY, c, LEVEL_NONE);
		put_notes(out, fw, FRAMEWORK_NOTE_CATEGORY, c, LEVEL_NONE);
		fputs("</p>\n", out);
	}
	for (size_t s = cat->first_section; s < cat->first_section + cat->section_count; s++) {
		const struct framework_footnote *note;
		if (!framework_footnotes_at(fw, FRAMEWORK_NOTE_SECTION, s, LEVEL_NONE, &note, 1))
			continue;
		fputs("<p class=\"note\">Section ", out);
		put_text(out, fw->sections[s].id);
		fputs(" ", out);
		put_text(out, fw->sections[s].title);
		put_markers(out, fw, FRAMEWORK_NOTE_SECTION, s, LEVEL_NONE);
		put_notes(out, fw, FRAMEWORK_NOTE_SECTION, s, LEVEL_NONE);
		fputs("</p>\n", out);
	}
}

/* The scores table: a row per category, then the total.  One side: its
 * points and level, and what the next level takes; two: both sides and
 * the change (the next level is then in each chart's caption). */
static void write_score_table(FILE *out, const struct report_content *m)
{
	const struct framework *fw = m->a->framework;
	const struct comparison *cmp = &m->scores;
	fputs("<table><thead><tr><th scope=\"col\">Category</th>", out);
	for (size_t k = 0; k < (m->b ? 2u : 1u); k++) {
		fputs("<th scope=\"col\">", out);
		if (m->b)
			put_text(out, side_label(m, k));
		else
			fputs("Points and level", out);
		fputs("</th>", out);
	}
	fputs(m->b ? "<th scope=\"col\">Change</th>" : "<th scope=\"col\">Next level</th>", out);
	fputs("</tr></thead>\n<tbody>\n", out);
	for (size_t c = 0; c < fw->category_count; c++) {
		const struct score_result *ra = &cmp->sheet_a.categories[c];
		fputs("<tr><th scope=\"row\">", out);
		put_category(out, &fw->categories[c]);
		fputs("</th>", out);
		score_cell(out, fw, ra);
		if (m->b) {
			const struct score_result *rb = &cmp->sheet_b.categories[c];
			score_cell(out, fw, rb);
			fprintf(out, "<td class=\"n\">%+d%s</td></tr>\n", rb->score - ra->score,
				comparison_category_differs(cmp, c) ? " (level differs)" : "");
		} else {
			fputs("<td>", out);
			next_level_text(out, fw, ra);
			fputs("</td></tr>\n", out);
		}
	}
	fprintf(out, "</tbody>\n<tfoot><tr><th scope=\"row\">Total points</th><td class=\"n\">"
		"%d/%d</td>", cmp->sheet_a.total, cmp->sheet_a.max);
	if (m->b)
		fprintf(out, "<td class=\"n\">%d/%d</td><td class=\"n\">%+d</td>", cmp->sheet_b.total,
			cmp->sheet_b.max, cmp->sheet_b.total - cmp->sheet_a.total);
	else
		fputs("<td>the Standard gives no overall level</td>", out);
	fputs("</tr></tfoot></table>\n", out);
}

/* A band's fill: the lowest level red, the highest green, those between
 * in turn yellow and blue (each band is also labelled, and the caption
 * says the ranges in words: nothing is said by colour alone).  The
 * Standard's three: red, yellow, green. */
static const char *band_fill(enum level level, enum level highest)
{
	static const char *const between[] = { "#f6ecc8", "#dde6f4" };
	if (level == highest)
		return "#d5ecd5";
	if (level == 1)
		return "#f4d6d6";
	return between[(level - 2) % 2];
}

/* A chart's geometry, in the units of its viewBox (it is drawn as wide as
 * the page allows, up to CHART_VIEW pixels): the bar spans 0..top + 1
 * points over CHART_WIDTH; the bands' labels sit in rows above it. */
enum {
	CHART_VIEW = 580, CHART_WIDTH = 560, CHART_LEFT = 10,
	LABEL_ROW = 13, BAR_H = 22, MARKER_ROW = 14,
};

/* A band label's width: 10 px Arial averages under 6 px a character for
 * the level words and digits it holds (ASCII: framework_level_name). */
#define LABEL_CHAR_WIDTH 6.2

static double chart_x(int points, double offset, int top)
{
	return CHART_LEFT + (double)CHART_WIDTH * (points + offset) / (top + 1);
}

/* Where each band's label goes: at its band's start, moved left to stay
 * inside the chart, and on the first row above the bar where it clears
 * the labels already there.  Returns the rows used. */
static int place_band_labels(const struct framework *fw, const struct framework_category *cat,
			     int top, double x[], int row[])
{
	double row_end[LEVEL_MAX_COUNT] = { -CHART_VIEW }; /* the first row, empty */
	int rows = 1;
	enum level highest = framework_highest_level(fw);
	for (enum level l = 1; l <= highest; l++) {
		const struct framework_range *r = &cat->published[l];
		char label[64];
		int len = snprintf(label, sizeof label, "%s %d-%d", words_level(fw, l), r->from, r->to);
		double width = len * LABEL_CHAR_WIDTH;
		x[l] = chart_x(r->from, 0, top) + 3;
		if (x[l] + width > CHART_VIEW - 2)
			x[l] = CHART_VIEW - 2 - width;
		if (x[l] < 2)
			x[l] = 2;
		int k = 0;
		while (k < rows && x[l] < row_end[k] + 6)
			k++;
		if (k == rows)
			rows++;
		row_end[k] = x[l] + width;
		row[l] = k;
	}
	return rows;
}

/* The published ranges as labelled bands, each level above none, their
 * labels where place_band_labels put them (x, row). */
static void chart_bands(FILE *out, const struct framework *fw, const struct framework_category *cat,
			int top, int bar_y, const double x[], const int row[])
{
	enum level highest = framework_highest_level(fw);
	for (enum level l = 1; l <= highest; l++) {
		const struct framework_range *r = &cat->published[l];
		double x0 = chart_x(r->from, 0, top), x1 = chart_x(r->to + 1, 0, top);
		fprintf(out, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\" "
			"stroke=\"#666\"/>", x0, bar_y, x1 - x0, BAR_H, band_fill(l, highest));
		/* the level's word is its name (a-z, 0-9, spaces): nothing to escape */
		fprintf(out, "<text class=\"band\" x=\"%.1f\" y=\"%d\" font-size=\"10\">%s %d-%d"
			"</text>", x[l], bar_y - 4 - LABEL_ROW * row[l], words_level(fw, l), r->from,
			r->to);
	}
}

/* A score's marker and its points: the first side's filled, the second's
 * outlined and its number lower.  The names are in the caption. */
static void chart_marker(FILE *out, int score, int top, int bar_y, bool second)
{
	double x = chart_x(score, 0.5, top);
	if (second)
		fprintf(out, "<rect x=\"%.1f\" y=\"%d\" width=\"6\" height=\"%d\" fill=\"#fff\" "
			"stroke=\"#000\" stroke-width=\"1.5\"/>", x - 3, bar_y - 2, BAR_H + 4);
	else
		fprintf(out, "<rect x=\"%.1f\" y=\"%d\" width=\"4\" height=\"%d\" fill=\"#000\"/>",
			x - 2, bar_y - 2, BAR_H + 4);
	/* a number is at most a few characters: kept inside the chart */
	double text_x = x < 14 ? 14 : x > CHART_VIEW - 14 ? CHART_VIEW - 14 : x;
	fprintf(out, "<text class=\"score\" x=\"%.1f\" y=\"%d\" font-size=\"11\" "
		"text-anchor=\"middle\">%d</text>", text_x,
		bar_y + BAR_H + MARKER_ROW * (second ? 2 : 1), score);
}

/* The marker's key in a caption: a small copy of it, hidden from screen
 * readers (the words say whose it is). */
static void marker_key(FILE *out, bool second)
{
	fprintf(out, "<svg class=\"key\" xmlns=\"http://www.w3.org/2000/svg\" width=\"8\" "
		"height=\"14\" viewBox=\"0 0 8 14\" aria-hidden=\"true\">%s</svg>",
		second ? "<rect x=\"1\" y=\"1\" width=\"6\" height=\"12\" fill=\"#fff\" "
			 "stroke=\"#000\" stroke-width=\"1.5\"/>"
		       : "<rect x=\"2\" y=\"0\" width=\"4\" height=\"14\" fill=\"#000\"/>");
}

/* The chart's caption: each side's marker, name, points and level; the
 * ranges in words; in a comparison, what the next level takes. */
static void chart_caption(FILE *out, const struct report_content *m, size_t c)
{
	const struct framework *fw = m->a->framework;
	const struct score_result *r[2] = { &m->scores.sheet_a.categories[c],
					    m->b ? &m->scores.sheet_b.categories[c] : NULL };
	char text[512];
	fputs("<figcaption>", out);
	for (size_t k = 0; k < (m->b ? 2u : 1u); k++) {
		fputs("<p>", out);
		marker_key(out, k == 1);
		put_text(out, side_label(m, k));
		fprintf(out, ": %s %s", words_points(r[k], text, sizeof text),
			words_state(fw, r[k], WORDS_FULL, text + 64, sizeof text - 64));
		if (m->b && k == 0 && r[0]->state != SCORE_NOT_ASSESSED) {
			fputs(" (next level: ", out);
			next_level_text(out, fw, r[0]);
			fputs(")", out);
		}
		fputs(".</p>", out);
	}
	fprintf(out, "<p>Ranges: %s.</p></figcaption>",
		words_ranges(fw, &fw->categories[c], text, sizeof text));
}

/* One category's chart: the published ranges as labelled bands, each
 * side's score as a marker (the first filled, the second outlined). */
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
	double x[LEVEL_MAX_COUNT] = { 0 };
	int row[LEVEL_MAX_COUNT] = { 0 };
	int bar_y = 6 + LABEL_ROW * place_band_labels(fw, cat, top, x, row);
	int height = bar_y + BAR_H + MARKER_ROW * (rb ? 2 : 1) + 6;
	fprintf(out, "<figure><svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" "
		"width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"Chart "
		"of category ", CHART_VIEW, height, CHART_VIEW, height);
	put_attribute(out, cat->id);
	fputs(": ", out);
	put_attribute(out, side_label(m, 0));
	fprintf(out, " %d", ra->score);
	if (rb) {
		fputs(", ", out);
		put_attribute(out, side_label(m, 1));
		fprintf(out, " %d", rb->score);
	}
	fprintf(out, ", out of %d\">", ra->max);
	chart_bands(out, fw, cat, top, bar_y, x, row);
	chart_marker(out, ra->score, top, bar_y, false);
	if (rb)
		chart_marker(out, rb->score, top, bar_y, true);
	fputs("</svg>", out);
	chart_caption(out, m, c);
	fputs("</figure>", out);
}

/* The table, then a chart per category under its heading (one block in
 * print), the heading marked while the category is incomplete. */
static void write_scores(FILE *out, const struct report_content *m)
{
	const struct framework *fw = m->a->framework;
	fputs("<h2>Scores by category</h2>\n<p class=\"note intro\">Each category's points "
	      "against the Standard's published score ranges. The Standard gives a level for "
	      "each category and no overall level.</p>\n", out);
	write_score_table(out, m);
	for (size_t c = 0; c < fw->category_count; c++) {
		const struct score_result *ra = &m->scores.sheet_a.categories[c];
		fputs("<div class=\"keep\"><h3>", out);
		put_category(out, &fw->categories[c]);
		if (ra->state != SCORE_COMPLETE) {
			char state[160];
			fprintf(out, " <span class=\"incomplete\">(incomplete: %s)</span>",
				words_state(fw, ra, WORDS_FULL, state, sizeof state));
		}
		fputs("</h3>\n", out);
		write_guidance(out, fw, c);
		chart(out, m, c);
		fputs("</div>\n", out);
	}
}

/* ---- Strengths, gaps, the action plan ---- */

/* The rows at the highest level (Leading). */
static void write_strengths(FILE *out, const struct report_content *m)
{
	const struct assessment *a = m->a;
	const struct framework *fw = a->framework;
	enum level highest = framework_highest_level(fw);
	fputs("<h2>Strengths</h2>\n<p class=\"intro\">Criteria at ", out);
	put_text(out, words_level_title(fw, highest));
	fputs(":</p>\n<ul>\n", out);
	for (size_t i = 0; i < fw->criterion_count; i++) {
		if (a->levels[i] != highest)
			continue;
		fputs("<li><strong>", out);
		put_row_id(out, fw, i);
		fputs("</strong> ", out);
		put_cell(out, fw, i, highest);
		fputs("</li>\n", out);
	}
	if (!m->strengths)
		fputs("<li>None yet.</li>\n", out);
	fputs("</ul>\n", out);
}

/* One category's fewest steps to its next level, or why there is none. */
static void write_gap(FILE *out, const struct report_content *m, size_t c)
{
	const struct framework *fw = m->a->framework;
	const struct plan_gap *gap = &m->plan.gaps[c];
	fputs("<h3>", out);
	put_category(out, &fw->categories[c]);
	if (!m->plan.reachable[c]) {
		fprintf(out, "</h3>\n<p>%s is out of reach from the rows as they stand.</p>\n",
			words_level(fw, m->scores.sheet_a.categories[c].next_level));
		return;
	}
	fprintf(out, ": %d more point%s for %s, in %zu step%s</h3>\n<ul>\n", gap->points_needed,
		gap->points_needed == 1 ? "" : "s", words_level(fw, gap->next_level),
		gap->step_count, gap->step_count == 1 ? "" : "s");
	for (size_t k = 0; k < gap->raise_count; k++) {
		const struct plan_raise *rz = &gap->raises[k];
		fputs("<li><strong>", out);
		put_row_id(out, fw, rz->criterion);
		fprintf(out, "</strong> %s to %s (+%d): ", words_level(fw, rz->from),
			words_level(fw, rz->to), rz->gain);
		put_cell(out, fw, rz->criterion, rz->to);
		fputs("</li>\n", out);
	}
	fputs("</ul>\n", out);
}

/* Each category's fewest steps up, where it has a next level. */
static void write_gaps(FILE *out, const struct report_content *m)
{
	const struct framework *fw = m->a->framework;
	bool any = false;
	fputs("<h2>Gaps: the fewest steps to each category's next level</h2>\n", out);
	for (size_t c = 0; c < fw->category_count; c++) {
		if (!m->plan.planned[c])
			continue;
		write_gap(out, m, c);
		any = true;
	}
	if (!any)
		fputs("<p>None: every category assessed is at its highest level.</p>\n", out);
}

/* One action of the plan, after its row's first cells: what it serves
 * and where it stands, the status in words. */
static void action_cells(FILE *out, const struct report_content *m,
			 const struct actionlist_item *item)
{
	/* the default outcome is the target cell: with its footnote, as
	 * wherever the report shows a cell */
	enum level target = plan_target(m->a, item->criterion);
	if (!*item->outcome && target > LEVEL_NONE &&
	    m->a->framework->criteria[item->criterion].cell[target])
		put_cell(out, m->a->framework, item->criterion, target);
	else
		put_text(out, actionlist_outcome(item, m->a));
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

/* A row with a target and no action yet: its outcome, the target cell
 * (with its footnote), and the empty columns. */
static void no_action_cells(FILE *out, const struct framework *fw, size_t criterion,
			    struct report_target target)
{
	if (!target.reached && target.level > LEVEL_NONE && fw->criteria[criterion].cell[target.level])
		put_cell(out, fw, criterion, target.level);
	fputs("</td><td>(no action recorded)</td><td></td><td></td><td></td></tr>\n", out);
}

/* Every row with a plan (report_has_action), whatever its level now, in
 * the framework's order: its level, the target (said to be reached when
 * it is), then a line per action of the actions file. */
static void write_action_plan(FILE *out, const struct report_content *m)
{
	const struct assessment *a = m->a;
	const struct framework *fw = a->framework;
	const struct actionlist *list = m->list;
	fputs("<h2>Action plan</h2>\n", out);
	size_t rows = 0;
	for (size_t i = 0; i < fw->criterion_count; i++)
		rows += report_has_action(m, i);
	if (!rows) {
		fputs("<p>No actions recorded yet (the wizard's <code>p</code> key, or the "
		      "actions file beside the assessment).</p>\n", out);
		return;
	}
	fprintf(out, "<p class=\"intro\">%zu action%s recorded; %zu of the %zu row%s with a "
		"plan at %s target already.</p>\n", m->actions, m->actions == 1 ? "" : "s",
		m->reached, rows, rows == 1 ? "" : "s", rows == 1 ? "its" : "their");
	/* eight columns: on a phone the table scrolls in its own region, the
	 * page does not (WCAG 1.4.10's exception for data tables) */
	fputs("<div class=\"wide\" role=\"region\" aria-label=\"Action plan table\" "
	      "tabindex=\"0\"><table><thead><tr><th scope=\"col\">Criterion</th>"
	      "<th scope=\"col\">Now</th>"
	      "<th scope=\"col\">Target</th><th scope=\"col\">Outcome</th>"
	      "<th scope=\"col\">Activity</th><th scope=\"col\">Lead officer</th>"
	      "<th scope=\"col\">Timescale</th><th scope=\"col\">Status</th></tr></thead>\n"
	      "<tbody>\n", out);
	for (size_t i = 0; i < fw->criterion_count; i++) {
		if (!report_has_action(m, i))
			continue;
		struct report_target target = report_action_target(a, i);
		size_t first = 0, n = actionlist_of_criterion(list, i, &first);
		for (size_t k = 0; k < (n ? n : 1); k++) {
			fputs("<tr><th scope=\"row\">", out);
			put_row_id(out, fw, i);
			fprintf(out, "</th><td>%s</td><td>%s%s</td><td>", words_level(fw, a->levels[i]),
				words_level(fw, target.level),
				target.reached ? ": <strong>reached</strong>" : "");
			if (n)
				action_cells(out, m, &list->items[first + k]);
			else
				no_action_cells(out, fw, i, target);
		}
	}
	fputs("</tbody></table></div>\n", out);
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
	fputs("<div class=\"wide\" role=\"region\" aria-label=\"Dashboard table\" "
	      "tabindex=\"0\"><table><thead><tr><th scope=\"col\">Category</th>"
	      "<th scope=\"col\">Level now</th>"
	      "<th scope=\"col\">Target</th><th scope=\"col\">Overall</th>"
	      "<th scope=\"col\">Delivery</th><th scope=\"col\">Schedule</th>"
	      "<th scope=\"col\">Actions</th><th scope=\"col\">Overdue and recent "
	      "progress</th></tr></thead>\n<tbody>\n", out);
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
	fputs("</tbody></table></div>\n", out);
}

/* Progress over time: a bar per assessment for each category (its score
 * out of the category's maximum, labelled), and beside it the same in a
 * table for screen readers, and the criteria that moved. */
enum { PROGRESS_LABEL = 40, PROGRESS_BAR = 420, PROGRESS_ROW = 16 };

static void progress_chart(FILE *out, const struct progress *p)
{
	const struct framework *fw = p->fw;
	int height = (int)(fw->category_count * (p->count * PROGRESS_ROW + 8)) + 8;
	/* (a viewBox, so that on a phone it scales to the page's width; the
	 * table that follows has the same figures in text) */
	int width = PROGRESS_LABEL + PROGRESS_BAR + 140;
	fprintf(out, "<svg class=\"progress\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" "
		"height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"Each category's "
		"score at each date; the table that follows gives the same\">", width, height, width,
		height);
	int y = 8;
	for (size_t c = 0; c < fw->category_count; c++) {
		fprintf(out, "<text x=\"0\" y=\"%d\" font-size=\"11\">", y + 12);
		put_plain(out, fw->categories[c].id);
		fputs("</text>", out);
		for (size_t k = 0; k < p->count; k++, y += PROGRESS_ROW) {
			const struct score_result *r = &p->points[k].scores.categories[c];
			double w = r->max ? (double)PROGRESS_BAR * r->score / r->max : 0;
			fprintf(out, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" "
				"fill=\"%s\" stroke=\"#333\"/>", PROGRESS_LABEL, y, w,
				PROGRESS_ROW - 3, k + 1 == p->count ? "#555" : "#bbb");
			fprintf(out, "<text x=\"%.1f\" y=\"%d\" font-size=\"10\">", PROGRESS_LABEL +
				w + 4, y + 10);
			put_plain(out, p->points[k].a->date);
			fprintf(out, ": %d/%d</text>", r->score, r->max);
		}
		y += 8;
	}
	fputs("</svg>\n", out);
}

static void write_progress(FILE *out, const struct report_content *m)
{
	const struct progress *p = &m->progress;
	if (!p->count) /* b is not a at another date */
		return;
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
/* ---- A comparison ---- */

/* True if row i belongs in the differences' table: the levels differ,
 * or (in a moderation) a decision is recorded. */
static bool row_disputed(const struct report_content *m, size_t i)
{
	const struct comparison_criterion *row = &m->scores.criteria[i];
	return row->differs || (m->scores.moderation && row->resolution != ASSESSMENT_OPEN);
}

/* Who moderated, when, how far it has got; and per category the
 * disagreements, resolved and open. */
static void moderation_facts(FILE *out, const struct report_content *m)
{
	const struct comparison *cmp = &m->scores;
	const struct framework *fw = cmp->fw;
	const struct assessment_moderation *mod = &(cmp->record ? m->b : m->a)->moderation;
	static const char *const status[] = { "not started", "in progress", "completed" };
	fputs("<dl class=\"facts\"><dt>Recorded in</dt><dd>", out);
	put_text(out, side_name(m, (size_t)cmp->record));
	fputs("</dd><dt>Moderators</dt><dd>", out);
	if (*mod->moderators)
		put_text(out, mod->moderators);
	else
		fputs("none recorded", out);
	fputs("</dd><dt>Last decision</dt><dd>", out);
	if (*mod->date)
		put_text(out, mod->date);
	else
		fputs("none recorded", out);
	fprintf(out, "</dd><dt>Status</dt><dd>%s</dd></dl>\n", status[mod->status]);
	fputs("<table><caption>Disagreements by category</caption><thead><tr>"
	      "<th scope=\"col\">Category</th><th scope=\"col\">Disagreements</th>"
	      "<th scope=\"col\">Resolved</th><th scope=\"col\">Open</th></tr></thead>\n<tbody>\n",
	      out);
	for (size_t c = 0; c < fw->category_count; c++) {
		const struct comparison_count *n = &cmp->categories[c];
		fputs("<tr><th scope=\"row\">", out);
		put_category(out, &fw->categories[c]);
		fprintf(out, "</th><td class=\"n\">%zu</td><td class=\"n\">%zu</td>"
			"<td class=\"n\">%zu</td></tr>\n", n->disagreements, n->resolved, n->open);
	}
	fprintf(out, "</tbody>\n<tfoot><tr><th scope=\"row\">All criteria</th><td class=\"n\">"
		"%zu</td><td class=\"n\">%zu</td><td class=\"n\">%zu</td></tr></tfoot></table>\n",
		cmp->total.disagreements, cmp->total.resolved, cmp->total.open);
}

/* Where two assessments differ, criterion by criterion; in a moderation
 * (a self-assessment and a peer review of one organisation) how each
 * disagreement was resolved, and who moderated. */
static void write_differences(FILE *out, const struct report_content *m)
{
	const struct comparison *cmp = &m->scores;
	const struct framework *fw = m->a->framework;
	if (!m->b)
		return;
	char text[160];
	fprintf(out, "<h2>%s</h2>\n<p class=\"intro\">Over all %zu criteria: %s; each is "
		"shown in full under &#8220;Criteria&#8221; below.</p>\n",
		cmp->moderation ? "Moderation" : "Where the two assessments differ",
		fw->criterion_count,
		words_disagreements(&cmp->total, cmp->moderation, text, sizeof text));
	if (cmp->moderation)
		moderation_facts(out, m);
	if (!cmp->total.differ && !cmp->total.resolved) {
		fputs("<p>The two agree on every criterion.</p>\n", out);
		return;
	}
	fputs("<table><caption>Criteria that differ", out);
	fputs(cmp->moderation ? " or were decided" : "", out);
	fputs("</caption><thead><tr><th scope=\"col\">Criterion</th><th scope=\"col\">", out);
	put_text(out, side_label(m, 0));
	fputs("</th><th scope=\"col\">", out);
	put_text(out, side_label(m, 1));
	fputs(cmp->moderation ? "</th><th scope=\"col\">Resolution</th></tr></thead>\n<tbody>\n"
			      : "</th></tr></thead>\n<tbody>\n", out);
	for (size_t i = 0; i < fw->criterion_count; i++) {
		if (!row_disputed(m, i))
			continue;
		const char *mark = cmp->criteria[i].differs ? " class=\"differs\"" : "";
		fputs("<tr><th scope=\"row\">", out);
		put_text(out, fw->criteria[i].id);
		fprintf(out, "</th><td%s>%s</td><td%s>%s</td>", mark,
			words_level(fw, m->a->levels[i]), mark, words_level(fw, m->b->levels[i]));
		if (cmp->moderation)
			fprintf(out, "<td>%s</td>", words_resolution(cmp->criteria[i].resolution));
		fputs("</tr>\n", out);
	}
	fputs("</tbody></table>\n", out);
}

/* ---- Criteria: the statement chosen, evidence, notes, history ---- */

/* True if either side has anything to show for row i: a level or text. */
static bool criterion_has_content(const struct report_content *m, size_t i)
{
	for (size_t k = 0; k < (m->b ? 2u : 1u); k++) {
		const struct assessment *s = k ? m->b : m->a;
		const struct assessment_answer *ans = &s->answers[i];
		if (s->levels[i] != LEVEL_UNANSWERED || *ans->evidence || *ans->notes ||
		    *ans->history)
			return true;
	}
	return false;
}

/* A side's level for row i and the statement it chose. */
static void side_statement(FILE *out, const struct assessment *s, size_t i)
{
	const struct framework *fw = s->framework;
	enum level level = s->levels[i];
	fputs("<p class=\"statement\">", out);
	if (level == LEVEL_UNANSWERED)
		fputs("Not assessed.", out);
	else if (level == LEVEL_NONE || !fw->criteria[i].cell[level])
		fprintf(out, "%s: no statement reached.", words_level(fw, level));
	else {
		fprintf(out, "%s: ", words_level_title(fw, level));
		put_cell(out, fw, i, level);
	}
	fputs("</p>\n", out);
}

/* Evidence and notes, each said to be absent when it is. */
static void side_texts(FILE *out, const struct assessment_answer *ans)
{
	const char *const what[] = { "Evidence", "Notes" };
	const char *const texts[] = { ans->evidence, ans->notes };
	fputs("<dl>", out);
	for (size_t k = 0; k < 2; k++) {
		fprintf(out, "<dt>%s</dt><dd>", what[k]);
		if (*texts[k])
			put_text(out, texts[k]);
		else
			fputs("none recorded", out);
		fputs("</dd>", out);
	}
	fputs("</dl>\n", out);
}

/* One line of a history into a table row: "when | who | old -> new |
 * remark"; a line not of that shape (edited by hand) in one cell. */
static void history_row(FILE *out, const char *line, size_t length)
{
	char *copy = strndup(line, length);
	if (!copy)
		return;
	char *fields[4] = { copy, NULL, NULL, NULL };
	size_t count = 1;
	for (char *s = copy; count < 4 && (s = strstr(s, " | ")); count++) {
		*s = '\0';
		s += 3;
		fields[count] = s;
	}
	if (count < 4) {
		fputs("<tr><td colspan=\"4\">", out);
		put_text(out, copy);
		fputs("</td></tr>\n", out);
	} else {
		fputs("<tr>", out);
		for (size_t k = 0; k < 4; k++) {
			fputs("<td>", out);
			put_text(out, fields[k]);
			fputs("</td>", out);
		}
		fputs("</tr>\n", out);
	}
	free(copy);
}

/* Row i's history as a table (nothing when it has none): in a
 * comparison both files' lines, merged in time order (comparison.h). */
static void row_history(FILE *out, const struct report_content *m, size_t i)
{
	const char *history = m->b ? m->scores.criteria[i].history : m->a->answers[i].history;
	if (!*history)
		return;
	fputs("<table class=\"history\"><caption>Changes recorded", out);
	if (m->b)
		fputs(" in either file", out);
	fputs("</caption><thead><tr><th scope=\"col\">When</th><th scope=\"col\">Who</th>"
	      "<th scope=\"col\">Change</th><th scope=\"col\">Remark</th></tr></thead>\n<tbody>\n",
	      out);
	for (const char *line = history; *line;) {
		size_t length = strcspn(line, "\n");
		history_row(out, line, length);
		line += length + (line[length] == '\n');
	}
	fputs("</tbody></table>\n", out);
}

/* How row i stands between the two sides, in words: "levels differ",
 * "levels differ, open", "adopted", "agreed to differ"; NULL when the two
 * agree and nothing was decided. */
static const char *row_standing(const struct report_content *m, size_t i)
{
	const struct comparison_criterion *row = &m->scores.criteria[i];
	if (m->scores.moderation && row->resolution != ASSESSMENT_OPEN)
		return words_resolution(row->resolution);
	if (!row->differs)
		return NULL;
	return m->scores.moderation ? "levels differ, open" : "levels differ";
}

/* The summary line of row i: its id and each side's level. */
static void criterion_summary(FILE *out, const struct report_content *m, size_t i)
{
	const struct framework *fw = m->a->framework;
	fputs("<summary>", out);
	put_text(out, fw->criteria[i].id);
	if (!m->b) {
		fprintf(out, ": %s</summary>\n", words_level(fw, m->a->levels[i]));
		return;
	}
	for (size_t k = 0; k < 2; k++) {
		fputs(k ? "; " : ": ", out);
		put_text(out, side_label(m, k));
		fprintf(out, " %s", words_level(fw, (k ? m->b : m->a)->levels[i]));
	}
	const char *standing = row_standing(m, i);
	fprintf(out, "%s%s%s</summary>\n", standing ? " (" : "", standing ? standing : "",
		standing ? ")" : "");
}

/* Row i in full: each side's statement, evidence and notes (side by side
 * on a wide page), then the changes recorded.  Open: everything is
 * visible, and printed, without a script. */
static void write_criterion(FILE *out, const struct report_content *m, size_t i)
{
	fputs("<details open=\"open\">", out);
	criterion_summary(out, m, i);
	if (m->b)
		fputs("<div class=\"sides\">", out);
	for (size_t k = 0; k < (m->b ? 2u : 1u); k++) {
		const struct assessment *s = k ? m->b : m->a;
		if (m->b) {
			fputs("<div class=\"side\"><p class=\"side-name\"><strong>", out);
			put_text(out, side_label(m, k));
			fputs("</strong></p>", out);
		}
		side_statement(out, s, i);
		side_texts(out, &s->answers[i]);
		if (m->b)
			fputs("</div>", out);
	}
	if (m->b)
		fputs("</div>\n", out);
	row_history(out, m, i);
	fputs("</details>\n", out);
}

/* The ids of rows first..last that have nothing to show, in one line. */
static void write_empty_rows(FILE *out, const struct report_content *m, size_t first,
			     size_t count)
{
	const struct framework *fw = m->a->framework;
	bool any = false;
	for (size_t i = first; i < first + count; i++) {
		if (criterion_has_content(m, i))
			continue;
		fputs(any ? ", " : "<p class=\"note\">Not assessed, nothing recorded: ", out);
		put_text(out, fw->criteria[i].id);
		any = true;
	}
	if (any)
		fputs(".</p>\n", out);
}

/* Every criterion by category (and section), those with a level or text
 * in full, the others named in one line. */
static void write_criteria(FILE *out, const struct report_content *m)
{
	const struct framework *fw = m->a->framework;
	fputs("<h2>Criteria: levels, evidence and notes</h2>\n<p class=\"intro\">For each "
	      "criterion, the statement chosen, its evidence and notes", out);
	fputs(m->b ? " on each side, and the changes recorded.</p>\n"
		   : ", and the changes recorded.</p>\n", out);
	for (size_t c = 0; c < fw->category_count; c++) {
		const struct framework_category *cat = &fw->categories[c];
		fputs("<h3>", out);
		put_category(out, cat);
		fputs("</h3>\n", out);
		size_t run = cat->first_criterion, end = cat->first_criterion + cat->criterion_count;
		for (size_t i = run; i < end; i++) {
			size_t section = fw->criteria[i].section;
			if (section != FRAMEWORK_NO_SECTION && (i == cat->first_criterion ||
							       fw->criteria[i - 1].section != section)) {
				write_empty_rows(out, m, run, i - run);
				run = i;
				fputs("<h4>", out);
				put_text(out, fw->sections[section].id);
				fputs(". ", out);
				put_text(out, fw->sections[section].title);
				fputs("</h4>\n", out);
			}
			if (criterion_has_content(m, i))
				write_criterion(out, m, i);
		}
		write_empty_rows(out, m, run, end - run);
	}
}

/* ---- The report ---- */

/* The sections, in the page's order: each writes its own h2 (or, for
 * the first, what follows the h1) and content. */
static void (*const report_sections[])(FILE *out, const struct report_content *m) = {
	write_sides, write_scores, write_strengths, write_gaps, write_dashboard, write_action_plan,
	write_progress, write_differences, write_criteria,
};

static int report(struct render_out *ro, const struct report_content *m)
{
	FILE *out = ro->file;
	write_head(out, m);
	for (size_t k = 0; k < sizeof report_sections / sizeof report_sections[0]; k++)
		report_sections[k](out, m);
	fputs("</main>\n<footer><p class=\"note\">Made with tri-assess. Source of the "
	      "Standard: ", out);
	put_text(out, m->a->framework->source);
	fputs(".</p></footer>\n</body>\n</html>\n", out);
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
