/* The text format: what the commands print for people, at 80 columns.
 * Levels, scores and categories are worded by core/words.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render.h"
#include "text.h"
#include "words.h"

/* The notes attached at one place, each "[7] text" wrapped under indent
 * spaces. */
static void notes_at(struct render_out *out, const struct framework *fw,
		     enum framework_note_place place, size_t index, enum level level, int indent)
{
	const struct framework_footnote *notes[8];
	size_t count = framework_footnotes_at(fw, place, index, level, notes, 8);
	for (size_t k = 0; k < count && k < 8; k++) {
		char marker[48];
		size_t size = strlen(notes[k]->text) + sizeof marker + 2;
		char *line = malloc(size);
		if (!line)
			continue; /* (render_status reports nothing for it: a note is short) */
		words_footnote_marker(notes[k], marker, sizeof marker);
		snprintf(line, size, "%s %s", marker, notes[k]->text);
		render_printf(out, "%*s", indent, "");
		render_wrapped(out, line, indent, 79);
		free(line);
	}
}

/* " [6]": the markers of the notes at one place (words.h), in buffer. */
#define MARKERS(place, index, level, buffer) \
	words_footnote_markers(fw, (place), (index), (level), (buffer), sizeof (buffer))

/* "Category 1: title", its description, its ranges and its notes. */
static void criteria_category(struct render_out *out, const struct framework *fw, size_t c)
{
	const struct framework_category *cat = &fw->categories[c];
	char ranges[512], markers[256];
	render_printf(out, "\nCategory %s: %s%s\n", cat->id, cat->title,
		      MARKERS(FRAMEWORK_NOTE_CATEGORY, c, LEVEL_NONE, markers));
	if (*cat->description) {
		render_printf(out, "  ");
		render_wrapped(out, cat->description, 2, 79);
	}
	render_printf(out, "  Score ranges: %s\n", words_ranges(fw, cat, ranges, sizeof ranges));
	notes_at(out, fw, FRAMEWORK_NOTE_CATEGORY, c, LEVEL_NONE, 2);
}

/* A row: its id (and its notes), each cell with its points, its marker
 * and its note. */
static int criteria_row(struct render_out *out, const struct framework *fw, size_t i)
{
	const struct framework_criterion *c = &fw->criteria[i];
	char markers[256];
	render_printf(out, "\n  %s%s\n", c->id, MARKERS(FRAMEWORK_NOTE_CRITERION, i, LEVEL_NONE,
							 markers));
	notes_at(out, fw, FRAMEWORK_NOTE_CRITERION, i, LEVEL_NONE, 4);
	for (size_t l = 1; l < fw->level_count; l++) {
		if (!c->cell[l])
			continue;
		const struct framework_level *level = &fw->levels[l];
		size_t size = strlen(c->cell[l]) + sizeof markers;
		char *cell = malloc(size);
		if (!cell)
			return -1;
		snprintf(cell, size, "%s%s", c->cell[l], MARKERS(FRAMEWORK_NOTE_CRITERION, i,
								 (enum level)l, markers));
		render_printf(out, "    %s (%d point%s):\n      ", level->title, level->points,
			      level->points == 1 ? "" : "s");
		render_wrapped(out, cell, 6, 79);
		free(cell);
		notes_at(out, fw, FRAMEWORK_NOTE_CRITERION, i, (enum level)l, 6);
	}
	return 0;
}

static int criteria(struct render_out *out, const struct framework *fw)
{
	render_printf(out, "%s, version %s: %zu categories, %zu criteria\n", fw->title,
		      fw->version, fw->category_count, fw->criterion_count);
	size_t last_section = FRAMEWORK_NO_SECTION;
	char markers[256];
	for (size_t i = 0; i < fw->criterion_count; i++) {
		const struct framework_criterion *c = &fw->criteria[i];
		if (i == fw->categories[c->category].first_criterion)
			criteria_category(out, fw, c->category);
		if (c->section != last_section && c->section != FRAMEWORK_NO_SECTION) {
			render_printf(out, "\n Section %s: %s%s\n", fw->sections[c->section].id,
				      fw->sections[c->section].title,
				      MARKERS(FRAMEWORK_NOTE_SECTION, c->section, LEVEL_NONE, markers));
			notes_at(out, fw, FRAMEWORK_NOTE_SECTION, c->section, LEVEL_NONE, 2);
		}
		last_section = c->section;
		if (criteria_row(out, fw, i) != 0)
			return -1;
	}
	return render_status(out);
}

/* about: the About page, headings and paragraphs wrapped at 79 columns,
 * list items and notes with a hanging indent, a blank line between
 * blocks. */
static int about(struct render_out *out, const struct about_page *m)
{
	render_printf(out, "About the Standard\n\n");
	for (size_t i = 0; i < m->count; i++) {
		const struct about_block *b = &m->blocks[i];
		bool list = b->kind == ABOUT_ITEM || b->kind == ABOUT_NOTE;
		if (list)
			render_printf(out, "  ");
		render_wrapped(out, b->text, list ? 4 : 0, 79);
		bool list_goes_on = i + 1 < m->count && m->blocks[i + 1].kind == b->kind && list;
		if (b->kind != ABOUT_HEADING && !list_goes_on)
			render_printf(out, "\n");
	}
	return render_status(out);
}

/* "dev/est/max": each level's top below the highest by the first three
 * letters of its name, then the maximum; with ranges, "10 / 18 / 22". */
static void tops(const struct framework *fw, const struct framework_range *ranges, char *text,
		 size_t size)
{
	size_t used = 0;
	text[0] = '\0';
	for (size_t l = 1; l < fw->level_count && used < size; l++) {
		const char *sep = l == 1 ? "" : ranges ? " / " : "/";
		if (ranges)
			used += (size_t)snprintf(text + used, size - used, "%s%d", sep, ranges[l].to);
		else if (l + 1 < fw->level_count)
			used += (size_t)snprintf(text + used, size - used, "%s%.3s", sep,
						 fw->levels[l].name);
		else
			used += (size_t)snprintf(text + used, size - used, "%smax", sep);
	}
}

static int validation(struct render_out *out, const struct framework *fw,
		      const struct score_validation *v)
{
	size_t parts = 0;
	for (size_t i = 0; i < fw->about_count; i++)
		parts += i == 0 || strcmp(fw->about[i].section, fw->about[i - 1].section) != 0;
	render_printf(out, "%s, version %s: well-formed (%zu categories, %zu sections, %zu "
		      "criteria, %zu glossary terms, %zu footnotes, introduction in %zu "
		      "parts)\n\n", fw->title, fw->version, fw->category_count, fw->section_count,
		      fw->criterion_count, fw->term_count, fw->footnote_count, parts);
	char names[256], head[2][300], pub[256], der[256];
	tops(fw, NULL, names, sizeof names);
	snprintf(head[0], sizeof head[0], "published %s", names);
	snprintf(head[1], sizeof head[1], "derived %s", names);
	int width = (int)strlen(head[0]) + 3 < 24 ? 24 : (int)strlen(head[0]) + 3;
	render_printf(out, "%-9s %-*s %-*s %s\n", "category", width, head[0], width, head[1],
		      "agrees");
	for (size_t c = 0; c < fw->category_count; c++) {
		tops(fw, fw->categories[c].published, pub, sizeof pub);
		tops(fw, v->derived[c], der, sizeof der);
		render_printf(out, "%-9s %-*s %-*s %s\n", fw->categories[c].id, width, pub, width,
			      der, v->agrees[c] ? "yes" : "NO");
	}
	if (v->finding_count)
		render_printf(out, "\n%zu disagreement%s between the published ranges and the "
			      "tables (see docs/standard-notes.md); scoring uses the published "
			      "ranges.\n", v->finding_count, v->finding_count == 1 ? "" : "s");
	return render_status(out);
}

/* "camden.csv (London Borough of Camden, peer, 2026-11-23)" */
static const char *describe(const struct assessment *a, const char *file, char *buf,
			    size_t size)
{
	snprintf(buf, size, "%s (%s%s%s%s%s)", file,
		 *a->organisation ? a->organisation : "organisation not given",
		 *a->type ? ", " : "", a->type, *a->date ? ", " : "", a->date);
	return buf;
}

/* Each assessment: who, then each category's line, Category 2's sections,
 * the totals. */
static int scores(struct render_out *out, const struct framework *fw,
		  const struct render_scores *each, size_t count)
{
	char line[1024];
	for (size_t i = 0; i < count; i++) {
		const struct assessment *a = each[i].a;
		const struct score_sheet *sheet = each[i].sheet;
		render_printf(out, "%s%s: %s%s%s%s%s\n", i ? "\n" : "", each[i].label,
			      *a->organisation ? a->organisation : "(organisation not given)",
			      *a->type ? ", " : "", a->type, *a->date ? ", " : "", a->date);
		for (size_t c = 0; c < fw->category_count; c++) {
			const struct framework_category *cat = &fw->categories[c];
			render_printf(out, "%s\n", words_category(fw, c, &sheet->categories[c],
								  WORDS_LINE_TABLE, line, sizeof line));
			for (size_t s = cat->first_section; s < cat->first_section + cat->section_count;
			     s++)
				render_printf(out, "%s\n", words_section(fw, s, &sheet->sections[s], line,
									 sizeof line));
		}
		render_printf(out, "%s\n", words_totals(fw, a->levels, WORDS_LINE_TABLE, line,
							 sizeof line));
	}
	return render_status(out);
}

/* Whether compare lists criterion i: its levels differ, or it has a
 * history or a resolution (a resolved row keeps its place). */
static bool listed(const struct comparison *cmp, size_t i)
{
	return cmp->criteria[i].differs || *cmp->criteria[i].history ||
	       cmp->criteria[i].resolution != ASSESSMENT_OPEN;
}

/* "        Peer review's evidence:" and the text below it, when there is
 * text. */
static void side_text(struct render_out *out, const char *label, const char *what,
		      const char *text)
{
	if (!*text)
		return;
	render_printf(out, "        %s's %s:\n          ", label, what);
	render_wrapped(out, text, 10, 79);
}

/* A listed criterion: both levels and where it stands (its resolution in
 * a moderation), both sides' evidence and notes, both files' history. */
static void difference(struct render_out *out, const struct comparison *cmp, size_t i)
{
	const struct framework *fw = cmp->fw;
	const struct comparison_criterion *row = &cmp->criteria[i];
	const char *state = row->differs ? "differ" : "agree";
	if (cmp->moderation && (row->differs || row->resolution != ASSESSMENT_OPEN))
		state = words_resolution(row->resolution);
	render_printf(out, "  %-5s %s: %-14s %s: %-14s %s\n", fw->criteria[i].id, cmp->labels[0],
		      words_level(fw, cmp->a->levels[i]), cmp->labels[1],
		      words_level(fw, cmp->b->levels[i]), state);
	const struct assessment *sides[2] = { cmp->a, cmp->b };
	for (int k = 0; k < 2; k++) {
		side_text(out, cmp->labels[k], "evidence", sides[k]->answers[i].evidence);
		side_text(out, cmp->labels[k], "notes", sides[k]->answers[i].notes);
	}
	for (const char *line = row->history; *line;) {
		size_t n = strcspn(line, "\n");
		render_printf(out, "        history: %.*s\n", (int)n, line);
		line += n + (line[n] == '\n');
	}
}

/* The criteria that differ, and those with a history or a resolution. */
static void differences(struct render_out *out, const struct comparison *cmp)
{
	const struct framework *fw = cmp->fw;
	size_t more = 0;
	for (size_t i = 0; i < fw->criterion_count; i++)
		more += !cmp->criteria[i].differs && listed(cmp, i);
	render_printf(out, "\n%zu of %zu criteria differ", cmp->differ_count, fw->criterion_count);
	if (more)
		render_printf(out, "; %zu more agree and have a history", more);
	render_printf(out, "%s\n", (cmp->differ_count + more) ? ":" : ".");
	for (size_t i = 0; i < fw->criterion_count; i++)
		if (listed(cmp, i))
			difference(out, cmp, i);
}

/* In a moderation: where it is recorded, how far it has got, by whom. */
static void moderation(struct render_out *out, const struct render_comparison *rc)
{
	const struct comparison *cmp = rc->c;
	const struct assessment *record = cmp->record == 1 ? cmp->b : cmp->a;
	const struct assessment_moderation *m = &record->moderation;
	char count[160];
	render_printf(out, "\nModeration (recorded in %s): %s", rc->labels[cmp->record],
		      words_disagreements(&cmp->total, true, count, sizeof count));
	if (*m->moderators)
		render_printf(out, "; moderators %s", m->moderators);
	if (*m->date)
		render_printf(out, "; last decision %s", m->date);
	render_printf(out, "%s.\n", m->status == ASSESSMENT_COMPLETED ? "; completed" : "");
}

static int comparison(struct render_out *out, const struct render_comparison *m)
{
	const struct comparison *cmp = m->c;
	const struct framework *fw = cmp->fw;
	for (int k = 0; k < 2; k++)
		render_printf(out, "%s: %s (file %s)\n", cmp->labels[k], cmp->names[k], m->labels[k]);
	render_printf(out, "\n   %-36s %-24s %-24s %s\n", "Category", cmp->labels[0],
		      cmp->labels[1], "change");
	for (size_t c = 0; c < fw->category_count; c++) {
		const struct score_result *ra = &cmp->sheet_a.categories[c];
		const struct score_result *rb = &cmp->sheet_b.categories[c];
		/* the level as far as each side assessed it, worded as score words it */
		char sa[256], sb[256];
		render_printf(out, "%-2s %-36s %-24s %-24s %+d%s\n", fw->categories[c].id,
			      fw->categories[c].title, words_summary(fw, ra, WORDS_BRIEF, sa, sizeof sa),
			      words_summary(fw, rb, WORDS_BRIEF, sb, sizeof sb), rb->score - ra->score,
			      comparison_category_differs(cmp, c) ? "  level differs" : "");
	}
	if (cmp->moderation)
		moderation(out, m);
	differences(out, cmp);
	return render_status(out);
}

/* After a category's line: what it takes to reach the next level. */
static void plan_gap_text(struct render_out *out, const struct plan_sheet *p, size_t c)
{
	const struct framework *fw = p->a->framework;
	const struct score_result *r = &p->scores->categories[c];
	const struct plan_gap *gap = &p->gaps[c];
	if (r->state == SCORE_NOT_ASSESSED) {
		render_printf(out, " Its rows need levels before a plan can say what it takes.\n");
	} else if (r->next_level == LEVEL_NONE) {
		render_printf(out, " The top level.\n");
	} else if (p->reachable[c]) {
		render_printf(out, " %d more point%s for %s; the fewest steps (%zu):\n",
			      gap->points_needed, gap->points_needed == 1 ? "" : "s",
			      words_level(fw, gap->next_level), gap->step_count);
		for (size_t k = 0; k < gap->raise_count; k++) {
			const struct plan_raise *rz = &gap->raises[k];
			render_printf(out, "  %-5s %s -> %s (+%d): %s\n", fw->criteria[rz->criterion].id,
				      words_level(fw, rz->from), words_level(fw, rz->to), rz->gain,
				      fw->criteria[rz->criterion].cell[rz->to]);
		}
	} else {
		render_printf(out, " %s is out of reach from the rows as they stand.\n",
			      words_level(fw, r->next_level));
	}
}

/* One action, as people read it: label, status in words, due; then
 * outcome, activity, lead and the latest update, indented. */
static void action_text(struct render_out *out, const struct assessment *a,
			const struct actionlist *list, const struct actionlist_item *item,
			const char *today)
{
	char label[48];
	render_printf(out, "  %-9s %s; due %s%s%s%s\n", actionlist_label(list, item, label,
									  sizeof label),
		      actionlist_status_word(item->status), *item->due ? item->due : "-",
		      *item->due_note ? " (" : "", item->due_note, *item->due_note ? ")" : "");
	if (today && actionlist_overdue(item, today))
		render_printf(out, "            OVERDUE: due %s, today is %s\n", item->due, today);
	const char *outcome = actionlist_outcome(item, a);
	render_printf(out, "            Outcome:  ");
	render_wrapped(out, *outcome ? outcome : "-", 22, 79);
	render_printf(out, "            Activity: ");
	render_wrapped(out, *item->activity ? item->activity : "-", 22, 79);
	render_printf(out, "            Lead:     %s\n", *item->lead ? item->lead : "-");
	const struct actionlist_update *u = actionlist_latest(item);
	if (u) {
		render_printf(out, "            Latest:   ");
		char line[1200];
		snprintf(line, sizeof line, "%s %s%s%s", u->date, u->who, *u->who ? ": " : "",
			 u->text);
		render_wrapped(out, line, 22, 79);
	}
}

/* A category's actions, in the framework's order. */
static void planned_actions(struct render_out *out, const struct render_plan *m, size_t c)
{
	const struct assessment *a = m->plan->a;
	const struct framework *fw = a->framework;
	const struct framework_category *cat = &fw->categories[c];
	bool any = false;
	for (size_t k = 0; k < m->actions->count; k++) {
		const struct actionlist_item *item = &m->actions->items[k];
		if (item->criterion < cat->first_criterion ||
		    item->criterion >= cat->first_criterion + cat->criterion_count)
			continue;
		if (!any)
			render_printf(out, "  Actions:\n");
		any = true;
		action_text(out, a, m->actions, item, NULL);
	}
}

static int plan(struct render_out *out, const struct render_plan *m)
{
	const struct plan_sheet *p = m->plan;
	const struct framework *fw = p->a->framework;
	char desc[600], line[512];
	render_printf(out, "Action plan: %s\n", describe(p->a, m->label, desc, sizeof desc));
	for (size_t c = 0; c < fw->category_count; c++) {
		render_printf(out, "\n%s", words_category(fw, c, &p->scores->categories[c],
							  WORDS_LINE_SENTENCE, line, sizeof line));
		plan_gap_text(out, p, c);
		planned_actions(out, m, c);
	}
	return render_status(out);
}

/* ---- benchmark ---- */

/* Bytes of text's first grapheme clusters, at most max bytes: a cut
 * never splits a character or a cluster (an accent from its letter). */
static size_t cluster_prefix(const char *text, size_t max)
{
	size_t size = strlen(text), n = 0;
	for (size_t next; n < size && (next = text_cluster_next(text, size, n)) <= max;)
		n = next;
	return n;
}

/* A box plot of scores on 0..max in width columns; '*' marks the
 * highlighted score (if >= 0). */
static void box(struct render_out *out, const struct benchmark_stats *s, int max, int highlight,
		int width)
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
	render_printf(out, "    0 [%s] %d\n", line, max);
}

static void benchmark_head(struct render_out *out, const struct benchmark_set *set)
{
	const struct framework *fw = set->fw;
	const struct benchmark_options *opt = &set->options;
	bool peer = strcmp(opt->type, "peer") == 0;
	render_printf(out, "Benchmark of %zu %s%s%s against %s, version %s%s%s.\n", set->counted,
		      peer ? "peer review" : "self-assessment", set->counted == 1 ? "" : "s",
		      opt->all_files ? "" : " (the latest of each organisation)", fw->title,
		      fw->version, opt->highlight ? "; * marks " : "",
		      opt->highlight ? opt->highlight : "");
	if (set->left_out)
		render_printf(out, "Incomplete categories are left out (%zu; --include-incomplete "
			      "counts them). ", set->left_out);
	render_printf(out, "Quartiles by linear interpolation (as NumPy and Excel's "
		      "QUARTILE.INC). M median, = middle half, |-| range.\n");
}

static void benchmark_category(struct render_out *out, const struct benchmark_set *set,
			       size_t c)
{
	const struct framework *fw = set->fw;
	const struct benchmark_column *k = &set->columns[c];
	const struct benchmark_stats *st = &k->stats;
	int category_max = score_category_max(fw, c);
	render_printf(out, "\n%s %s (max %d): %zu assessment%s", fw->categories[c].id,
		      fw->categories[c].title, category_max, st->count, st->count == 1 ? "" : "s");
	if (k->incomplete)
		render_printf(out, ", %zu of them incomplete", k->incomplete);
	if (k->left_out)
		render_printf(out, "; %zu incomplete left out", k->left_out);
	render_printf(out, "\n");
	if (!st->count) {
		render_printf(out, "    none complete: nothing to compare\n");
	} else {
		render_printf(out, "    min %g  q1 %g  median %g  q3 %g  max %g\n", st->min, st->q1,
			      st->median, st->q3, st->max);
		box(out, st, category_max,
		    k->highlight_use != BENCHMARK_NOT_USED ? k->highlight_score : -1, 60);
		for (size_t l = 1; l < fw->level_count; l++) {
			int bar = (int)(st->at_level[l] * 40 / st->count);
			render_printf(out, "    %-11s %4zu %.*s\n", words_level(fw, (enum level)l),
				      st->at_level[l], bar, "########################################");
		}
	}
	if (set->highlighted < 0)
		return;
	const char *name = set->options.highlight;
	if (k->highlight_use == BENCHMARK_NOT_USED)
		render_printf(out, "    %s: left out, incomplete (%zu of %zu answered)\n", name,
			      set->files[set->highlighted].answered[c],
			      fw->categories[c].criterion_count);
	else
		render_printf(out, "    %s: %d, %s%s, percentile rank %.0f\n", name,
			      k->highlight_score,
			      k->highlight_use == BENCHMARK_INCOMPLETE ? "incomplete, " : "",
			      words_level(fw, k->highlight_level), k->highlight_rank);
}

/* Each counted assessment's profile: named, or anonymised by its place in
 * order of total points (which says nothing the scores don't). */
static void benchmark_profiles(struct render_out *out, const struct render_benchmark *m)
{
	const struct benchmark_set *set = m->set;
	render_printf(out, "\nProfiles (category scores; %s; - left out, * incomplete):\n",
		      m->named ? "named" : "organisations anonymised, --named to show them");
	for (size_t i = 0; i < set->counted; i++) {
		size_t f = set->profile[i];
		const struct benchmark_file *file = &set->files[f];
		char label[64];
		if (m->named || (long)f == set->highlighted)
			snprintf(label, sizeof label, "%.*s",
				 (int)cluster_prefix(file->organisation, 40), file->organisation);
		else
			snprintf(label, sizeof label, "Assessment %zu", i + 1);
		char row[16 * 64] = "";
		size_t used = 0;
		for (size_t c = 0; c < set->category_count && used < sizeof row - 16; c++) {
			enum benchmark_use use = benchmark_set_use(set, f, c);
			if (use == BENCHMARK_NOT_USED)
				used += (size_t)snprintf(row + used, sizeof row - used, "   - ");
			else
				used += (size_t)snprintf(row + used, sizeof row - used, " %3d%s",
							 file->scores[c],
							 use == BENCHMARK_INCOMPLETE ? "*" : " ");
		}
		render_printf(out, "  %-40s%s  total %d%s\n", label, row, file->total,
			      (long)f == set->highlighted ? "  (highlighted)" : "");
	}
}

static int benchmark(struct render_out *out, const struct render_benchmark *m)
{
	benchmark_head(out, m->set);
	for (size_t c = 0; c < m->set->category_count; c++)
		benchmark_category(out, m->set, c);
	if (m->set->counted <= 200)
		benchmark_profiles(out, m);
	return render_status(out);
}

/* ---- actions, dashboard, progress ---- */

static int actions(struct render_out *out, const struct render_actions *m)
{
	char desc[600];
	render_printf(out, "Actions: %s\n%zu action%s%s%s, by due date (today: %s)\n",
		      describe(m->a, m->label, desc, sizeof desc), m->count,
		      m->count == 1 ? "" : "s", *m->filter ? ": " : "", m->filter, m->today);
	for (size_t k = 0; k < m->count; k++) {
		render_printf(out, "\n");
		action_text(out, m->a, m->list, &m->list->items[m->items[k]], m->today);
	}
	return render_status(out);
}

static void dashboard_row_text(struct render_out *out, const struct dashboard *d,
			       const struct dashboard_row *r)
{
	const struct framework *fw = d->a->framework;
	char counts[200], label[48];
	render_printf(out, "\n%s %s\n", fw->categories[r->category].id,
		      fw->categories[r->category].title);
	render_printf(out, "  Level now: %s; target: %s\n", words_level(fw, r->now->level),
		      words_level(fw, r->target));
	render_printf(out, "  Overall: %s   Delivery: %s   Schedule: %s\n",
		      dashboard_rag_word(r->overall), dashboard_rag_word(r->delivery),
		      dashboard_rag_word(r->schedule));
	render_printf(out, "  Actions: %s\n", dashboard_counts(r, counts, sizeof counts));
	for (size_t k = 0; k < r->overdue_count; k++) {
		const struct actionlist_item *item = &d->list->items[r->overdue[k]];
		render_printf(out, "  Overdue: %s, due %s: ", actionlist_label(d->list, item, label,
									    sizeof label), item->due);
		render_wrapped(out, *item->activity ? item->activity : "-", 4, 79);
	}
	for (size_t k = 0; k < r->latest_count; k++) {
		const struct actionlist_item *item = &d->list->items[r->latest[k]];
		const struct actionlist_update *u = actionlist_latest(item);
		char line[1200];
		snprintf(line, sizeof line, "%s %s %s%s%s", u->date,
			 actionlist_label(d->list, item, label, sizeof label), u->who,
			 *u->who ? ": " : "", u->text);
		render_printf(out, "  Progress: ");
		render_wrapped(out, line, 4, 79);
	}
}

static int dashboard(struct render_out *out, const struct render_dashboard *m)
{
	const struct dashboard *d = m->d;
	char desc[600];
	render_printf(out, "Dashboard: %s\nToday: %s. Ratings: Red, Amber, Green "
		      "(\"-\": no open actions).\n", describe(d->a, m->label, desc, sizeof desc),
		      d->today);
	for (size_t c = 0; c < d->a->framework->category_count; c++)
		dashboard_row_text(out, d, &d->rows[c]);
	return render_status(out);
}

static int progress(struct render_out *out, const struct progress *p)
{
	const struct framework *fw = p->fw;
	const struct assessment *first = p->points[0].a;
	render_printf(out, "Progress: %s, %zu assessments\n", *first->organisation
		      ? first->organisation : "(organisation not given)", p->count);
	for (size_t k = 0; k < p->count; k++)
		render_printf(out, "  %s  %s%s%s\n", p->points[k].a->date, p->points[k].label,
			      *p->points[k].a->type ? ", " : "", p->points[k].a->type);
	for (size_t c = 0; c < fw->category_count; c++) {
		render_printf(out, "\n%s %s\n", fw->categories[c].id, fw->categories[c].title);
		for (size_t k = 0; k < p->count; k++) {
			const struct score_result *r = &p->points[k].scores.categories[c];
			char change[32] = "";
			if (k)
				snprintf(change, sizeof change, "  (%+d)",
					 r->score - p->points[k - 1].scores.categories[c].score);
			render_printf(out, "  %s  %2d of %2d  %s%s\n", p->points[k].a->date, r->score,
				      r->max, words_level(fw, r->level), change);
		}
	}
	render_printf(out, "\nCriteria that moved: %zu\n", p->moved_count);
	for (size_t i = 0; i < fw->criterion_count; i++) {
		if (!p->moved[i])
			continue;
		render_printf(out, "  %-5s", fw->criteria[i].id);
		for (size_t k = 0; k < p->count; k++) {
			int change = k ? progress_criterion_change(p, k, i) : 0;
			render_printf(out, "%s%s%s", k ? " -> " : " ",
				      words_level(fw, p->points[k].a->levels[i]),
				      change > 0 ? " (up)" : change < 0 ? " (down)" : "");
		}
		render_printf(out, "\n");
	}
	return render_status(out);
}

const struct render_format render_text = {
	.name = "text",
	.criteria = criteria,
	.about = about,
	.validation = validation,
	.scores = scores,
	.comparison = comparison,
	.plan = plan,
	.action_plan = NULL,
	.actions = actions,
	.dashboard = dashboard,
	.progress = progress,
	.benchmark = benchmark,
	.report = NULL,
};
