#include "score.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

enum level score_level_for(const struct framework *fw, const struct framework_category *category,
			   int score)
{
	size_t level = 1;
	for (size_t l = 2; l < fw->level_count; l++)
		if (score >= category->published[l].from)
			level = l;
	return (enum level)level;
}

int score_criterion_max(const struct framework *fw, const struct framework_criterion *crit)
{
	return framework_points(fw, framework_top_level(crit));
}

int score_category_max(const struct framework *fw, size_t category)
{
	const struct framework_category *cat = &fw->categories[category];
	int max = 0;
	for (size_t i = cat->first_criterion; i < cat->first_criterion + cat->criterion_count; i++)
		max += score_criterion_max(fw, &fw->criteria[i]);
	return max;
}

static void sum_rows(const struct framework *fw, const enum level *levels,
		     size_t first, size_t count, struct score_result *out)
{
	*out = (struct score_result){ .total = count, .level = LEVEL_NONE,
				      .next_level = LEVEL_NONE };
	for (size_t i = first; i < first + count; i++) {
		out->score += framework_points(fw, levels[i]);
		out->max += score_criterion_max(fw, &fw->criteria[i]);
		if (levels[i] != LEVEL_UNANSWERED)
			out->answered++;
	}
	out->state = out->answered == 0 ? SCORE_NOT_ASSESSED
		: out->answered < count ? SCORE_PROVISIONAL : SCORE_COMPLETE;
}

void score_category(const struct framework *fw, const enum level *levels,
		    size_t category, struct score_result *out)
{
	const struct framework_category *cat = &fw->categories[category];
	sum_rows(fw, levels, cat->first_criterion, cat->criterion_count, out);
	enum level band = score_level_for(fw, cat, out->score);
	out->level = out->state == SCORE_NOT_ASSESSED ? LEVEL_UNANSWERED : band;
	if (band < framework_highest_level(fw)) {
		out->next_level = (enum level)(band + 1);
		out->points_to_next = cat->published[out->next_level].from - out->score;
	}
}

void score_section(const struct framework *fw, const enum level *levels,
		   size_t section, struct score_result *out)
{
	const struct framework_section *sec = &fw->sections[section];
	sum_rows(fw, levels, sec->first_criterion, sec->criterion_count, out);
}

void score_total(const struct framework *fw, const enum level *levels,
		 int *score, int *max)
{
	struct score_result all;
	sum_rows(fw, levels, 0, fw->criterion_count, &all);
	*score = all.score;
	*max = all.max;
}

void score_progress(const struct framework *fw, const enum level *levels,
		    struct score_progress *out)
{
	*out = (struct score_progress){ .criteria = fw->criterion_count };
	for (size_t c = 0; c < fw->category_count; c++) {
		struct score_result r;
		score_category(fw, levels, c, &r);
		out->answered += r.answered;
		out->complete += r.state == SCORE_COMPLETE;
		out->provisional += r.state == SCORE_PROVISIONAL;
		out->not_assessed += r.state == SCORE_NOT_ASSESSED;
	}
}

int score_sheet_init(struct score_sheet *sheet, const struct framework *fw,
		     const enum level *levels)
{
	*sheet = (struct score_sheet){ .fw = fw };
	sheet->categories = calloc(fw->category_count + 1, sizeof *sheet->categories);
	sheet->sections = calloc(fw->section_count + 1, sizeof *sheet->sections);
	if (!sheet->categories || !sheet->sections) {
		score_sheet_finish(sheet);
		return -1;
	}
	for (size_t c = 0; c < fw->category_count; c++)
		score_category(fw, levels, c, &sheet->categories[c]);
	for (size_t s = 0; s < fw->section_count; s++)
		score_section(fw, levels, s, &sheet->sections[s]);
	score_total(fw, levels, &sheet->total, &sheet->max);
	score_progress(fw, levels, &sheet->progress);
	return 0;
}

void score_sheet_finish(struct score_sheet *sheet)
{
	free(sheet->categories);
	free(sheet->sections);
	*sheet = (struct score_sheet){ .fw = sheet->fw };
}

/* The points a row counts for level k's top (docs/scoring.md): its cell
 * k, else its cell k + 1, else its highest cell below k (or nothing).
 * For the top level that is the row's highest cell. */
static int row_top(const struct framework *fw, const struct framework_criterion *crit, size_t k)
{
	if (crit->cell[k])
		return fw->levels[k].points;
	if (k + 1 < fw->level_count && crit->cell[k + 1])
		return fw->levels[k + 1].points;
	for (size_t l = k; l-- > 1;)
		if (crit->cell[l])
			return fw->levels[l].points;
	return 0;
}

/* What one row adds to each derived top, indexed like the ranges. */
static void row_tops(const struct framework *fw, const struct framework_criterion *crit,
		     int tops[LEVEL_MAX_COUNT])
{
	for (size_t k = 0; k < LEVEL_MAX_COUNT; k++)
		tops[k] = k > 0 && k < fw->level_count ? row_top(fw, crit, k) : 0;
}

static void category_tops(const struct framework *fw, size_t category, int tops[LEVEL_MAX_COUNT])
{
	const struct framework_category *cat = &fw->categories[category];
	for (size_t l = 0; l < LEVEL_MAX_COUNT; l++)
		tops[l] = 0;
	for (size_t i = cat->first_criterion; i < cat->first_criterion + cat->criterion_count; i++) {
		int row[LEVEL_MAX_COUNT];
		row_tops(fw, &fw->criteria[i], row);
		for (size_t l = 0; l < LEVEL_MAX_COUNT; l++)
			tops[l] += row[l];
	}
}

void score_derived_ranges(const struct framework *fw, size_t category,
			  struct framework_range out[LEVEL_MAX_COUNT])
{
	int tops[LEVEL_MAX_COUNT];
	category_tops(fw, category, tops);
	for (size_t l = 0; l < LEVEL_MAX_COUNT; l++)
		out[l] = (struct framework_range){ 0, 0 };
	for (size_t l = 1; l < fw->level_count; l++)
		out[l] = (struct framework_range){ l == 1 ? 0 : tops[l - 1] + 1, tops[l] };
}

static void add(struct score_disagreement *out, size_t capacity, size_t *count,
		size_t category, const char *format, ...)
	__attribute__((format(printf, 5, 6)));

static void add(struct score_disagreement *out, size_t capacity, size_t *count,
		size_t category, const char *format, ...)
{
	if (*count < capacity) {
		out[*count].category = category;
		va_list args;
		va_start(args, format);
		vsnprintf(out[*count].message, sizeof out[*count].message, format, args);
		va_end(args);
	}
	(*count)++;
}

size_t score_check_ranges(const struct framework *fw,
			  struct score_disagreement *out, size_t capacity)
{
	size_t count = 0, top = fw->level_count - 1;
	for (size_t c = 0; c < fw->category_count; c++) {
		const struct framework_range *pub = fw->categories[c].published;
		struct framework_range derived[LEVEL_MAX_COUNT];
		score_derived_ranges(fw, c, derived);
		for (size_t l = 1; l <= top; l++)
			if (pub[l].to != derived[l].to)
				add(out, capacity, &count, c, "%s top%s: published %d, derived "
				    "from the table %d", fw->levels[l].name,
				    l == top ? " (the maximum)" : "", pub[l].to, derived[l].to);
		if (pub[1].from != 0)
			add(out, capacity, &count, c,
			    "%s starts at %d; expected %d", fw->levels[1].name, pub[1].from, 0);
		for (size_t l = 2; l <= top; l++)
			if (pub[l].from != pub[l - 1].to + 1)
				add(out, capacity, &count, c,
				    "published ranges are not contiguous: a range starts at %d "
				    "after one ending at %d", pub[l].from, pub[l - 1].to);
	}
	return count;
}

int score_validation_init(struct score_validation *v, const struct framework *fw)
{
	size_t n = fw->category_count;
	*v = (struct score_validation){ .category_count = n };
	v->finding_count = score_check_ranges(fw, NULL, 0);
	v->derived = calloc(n + 1, sizeof *v->derived);
	v->agrees = calloc(n + 1, sizeof *v->agrees);
	v->findings = calloc(v->finding_count + 1, sizeof *v->findings);
	if (!v->derived || !v->agrees || !v->findings) {
		score_validation_finish(v);
		return -1;
	}
	score_check_ranges(fw, v->findings, v->finding_count);
	for (size_t c = 0; c < n; c++) {
		score_derived_ranges(fw, c, v->derived[c]);
		v->agrees[c] = true;
	}
	for (size_t i = 0; i < v->finding_count; i++)
		v->agrees[v->findings[i].category] = false;
	return 0;
}

void score_validation_finish(struct score_validation *v)
{
	free(v->derived);
	free(v->agrees);
	free(v->findings);
	*v = (struct score_validation){ 0 };
}

/* Rows a and b read as one: each cell from whichever row has it. */
static bool merge_rows(const struct framework_criterion *a, const struct framework_criterion *b,
		       struct framework_criterion *merged)
{
	*merged = *a;
	for (size_t l = 1; l < LEVEL_MAX_COUNT; l++) {
		if (a->cell[l] && b->cell[l])
			return false;
		merged->cell[l] = a->cell[l] ? a->cell[l] : b->cell[l];
	}
	return true;
}

size_t score_find_merges(const struct framework *fw, size_t category,
			 struct score_merge *out, size_t capacity)
{
	const struct framework_category *cat = &fw->categories[category];
	const struct framework_range *pub = cat->published;
	int tops[LEVEL_MAX_COUNT];
	category_tops(fw, category, tops);
	bool agree = true;
	for (size_t l = 1; l < fw->level_count; l++)
		agree &= tops[l] == pub[l].to;
	if (agree)
		return 0;
	size_t count = 0;
	for (size_t i = cat->first_criterion; i + 1 < cat->first_criterion + cat->criterion_count;
	     i++) {
		const struct framework_criterion *a = &fw->criteria[i], *b = &fw->criteria[i + 1];
		struct framework_criterion merged;
		if (a->section != b->section || !merge_rows(a, b, &merged))
			continue;
		int row_a[LEVEL_MAX_COUNT], row_b[LEVEL_MAX_COUNT], row_m[LEVEL_MAX_COUNT];
		row_tops(fw, a, row_a);
		row_tops(fw, b, row_b);
		row_tops(fw, &merged, row_m);
		bool agrees = true;
		for (size_t l = 1; l < fw->level_count; l++)
			agrees &= tops[l] - row_a[l] - row_b[l] + row_m[l] == pub[l].to;
		if (!agrees)
			continue;
		if (count < capacity) {
			enum level low = framework_top_level(a) < framework_top_level(b)
					 ? framework_top_level(a) : framework_top_level(b);
			out[count] = (struct score_merge){ .first = i,
							   .extra = framework_points(fw, low) };
		}
		count++;
	}
	return count;
}
