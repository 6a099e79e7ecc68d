#include "score.h"

#include <stdarg.h>
#include <stdio.h>

enum level score_level_for(const struct framework_category *category, int score)
{
	enum level level = LEVEL_DEVELOPING;
	for (int l = LEVEL_ESTABLISHED; l <= LEVEL_LEADING; l++)
		if (score >= category->published[l].from)
			level = (enum level)l;
	return level;
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
}

void score_category(const struct framework *fw, const enum level *levels,
		    size_t category, struct score_result *out)
{
	const struct framework_category *cat = &fw->categories[category];
	sum_rows(fw, levels, cat->first_criterion, cat->criterion_count, out);
	out->level = score_level_for(cat, out->score);
	if (out->level < LEVEL_LEADING) {
		out->next_level = (enum level)(out->level + 1);
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

void score_derived_ranges(const struct framework *fw, size_t category,
			  struct framework_range out[LEVEL_COUNT])
{
	const struct framework_category *cat = &fw->categories[category];
	int dev_top = 0, est_top = 0, lead_top = 0;
	for (size_t i = cat->first_criterion; i < cat->first_criterion + cat->criterion_count; i++) {
		char *const *cell = fw->criteria[i].cell;
		if (cell[LEVEL_DEVELOPING])
			dev_top += fw->points[LEVEL_DEVELOPING];
		else if (cell[LEVEL_ESTABLISHED])
			dev_top += fw->points[LEVEL_ESTABLISHED];

		if (cell[LEVEL_ESTABLISHED])
			est_top += fw->points[LEVEL_ESTABLISHED];
		else if (cell[LEVEL_LEADING])
			est_top += fw->points[LEVEL_LEADING];
		else if (cell[LEVEL_DEVELOPING])
			est_top += fw->points[LEVEL_DEVELOPING];

		lead_top += score_criterion_max(fw, &fw->criteria[i]);
	}
	out[LEVEL_NONE] = (struct framework_range){ 0, 0 };
	out[LEVEL_DEVELOPING] = (struct framework_range){ 0, dev_top };
	out[LEVEL_ESTABLISHED] = (struct framework_range){ dev_top + 1, est_top };
	out[LEVEL_LEADING] = (struct framework_range){ est_top + 1, lead_top };
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
	static const char *const tops[LEVEL_COUNT] = {
		NULL, "developing top", "established top", "leading top (the maximum)",
	};
	size_t count = 0;
	for (size_t c = 0; c < fw->category_count; c++) {
		const struct framework_range *pub = fw->categories[c].published;
		struct framework_range derived[LEVEL_COUNT];
		score_derived_ranges(fw, c, derived);
		for (int l = LEVEL_DEVELOPING; l <= LEVEL_LEADING; l++)
			if (pub[l].to != derived[l].to)
				add(out, capacity, &count, c, "%s: published %d, derived from "
				    "the table %d", tops[l], pub[l].to, derived[l].to);
		if (pub[LEVEL_DEVELOPING].from != 0)
			add(out, capacity, &count, c,
			    "developing starts at %d; expected %d", pub[LEVEL_DEVELOPING].from, 0);
		for (int l = LEVEL_ESTABLISHED; l <= LEVEL_LEADING; l++)
			if (pub[l].from != pub[l - 1].to + 1)
				add(out, capacity, &count, c,
				    "published ranges are not contiguous: a range starts at %d "
				    "after one ending at %d", pub[l].from, pub[l - 1].to);
	}
	return count;
}
