#include "words.h"

#include "comparison.h"
#include "organisation.h"

#include <stdio.h>
#include <string.h>

static const char not_assessed[] = "not assessed";

static bool known(const struct framework *fw, enum level level)
{
	return level >= LEVEL_NONE && level <= LEVEL_HIGHEST && (size_t)level < fw->level_count;
}

const char *words_level(const struct framework *fw, enum level level)
{
	return known(fw, level) ? fw->levels[level].word : not_assessed;
}

const char *words_level_title(const struct framework *fw, enum level level)
{
	/* none's title, and a missing one, are the level's word */
	if (level <= LEVEL_NONE || level > LEVEL_HIGHEST || (size_t)level >= fw->level_count)
		return words_level(fw, level);
	const char *title = fw->levels[level].title;
	return *title ? title : words_level(fw, level);
}

const char *words_ranges(const struct framework *fw, const struct framework_category *category,
			 char *buffer, size_t size)
{
	size_t used = 0;
	if (size == 0)
		return buffer;
	buffer[0] = '\0';
	for (size_t l = 1; l < fw->level_count && used < size; l++)
		used += (size_t)snprintf(buffer + used, size - used, "%s%s %d-%d", l > 1 ? ", " : "",
					 fw->levels[l].word, category->published[l].from,
					 category->published[l].to);
	return buffer;
}

const char *words_state(const struct framework *fw, const struct score_result *r,
			enum words_form form, char *buffer, size_t size)
{
	if (size == 0)
		return buffer;
	switch (r->state) {
	case SCORE_NOT_ASSESSED:
		snprintf(buffer, size, "%s", not_assessed);
		break;
	case SCORE_PROVISIONAL:
		if (form == WORDS_BRIEF)
			snprintf(buffer, size, "%s so far", words_level(fw, r->level));
		else
			snprintf(buffer, size, "%s so far, %zu of %zu answered",
				 words_level(fw, r->level), r->answered, r->total);
		break;
	case SCORE_COMPLETE:
		snprintf(buffer, size, "%s", words_level(fw, r->level));
		break;
	}
	return buffer;
}

int words_state_width(const struct framework *fw, size_t total, enum words_form form)
{
	int widest = 0;
	for (size_t l = 0; l < fw->level_count; l++) {
		char text[96];
		/* the most digits a count can have is total's */
		struct score_result r = { .state = SCORE_PROVISIONAL, .level = (enum level)l,
					  .answered = total, .total = total };
		int n = (int)strlen(words_state(fw, &r, form, text, sizeof text));
		if (n > widest)
			widest = n;
	}
	int none = (int)sizeof not_assessed - 1;
	return widest > none ? widest : none;
}

const char *words_progress(const struct score_progress *p, size_t category_count,
			   char *buffer, size_t size)
{
	int n = snprintf(buffer, size, "%zu of %zu criteria answered; %zu of %zu categories "
			 "complete", p->answered, p->criteria, p->complete, category_count);
	if (n > 0 && (size_t)n < size && p->provisional)
		n += snprintf(buffer + n, size - (size_t)n, ", %zu partly assessed", p->provisional);
	if (n > 0 && (size_t)n < size && p->not_assessed)
		snprintf(buffer + n, size - (size_t)n, ", %zu not assessed", p->not_assessed);
	return buffer;
}

const char *words_points(const struct score_result *r, char *buffer, size_t size)
{
	snprintf(buffer, size, "%d/%d", r->score, r->max);
	return buffer;
}

const char *words_summary(const struct framework *fw, const struct score_result *r,
			  enum words_form form, char *buffer, size_t size)
{
	char state[160];
	snprintf(buffer, size, "%d/%d %s", r->score, r->max,
		 words_state(fw, r, form, state, sizeof state));
	return buffer;
}

const char *words_category(const struct framework *fw, size_t category,
			   const struct score_result *r, enum words_line line, char *buffer,
			   size_t size)
{
	const struct framework_category *cat = &fw->categories[category];
	char state[160];
	words_state(fw, r, WORDS_FULL, state, sizeof state);
	switch (line) {
	case WORDS_LINE_TABLE:
		snprintf(buffer, size, "  %-2s %-36s %3d / %-3d %s", cat->id, cat->title, r->score,
			 r->max, state);
		break;
	case WORDS_LINE_PLAIN:
		snprintf(buffer, size, "  Category %s %-36s %3d/%-3d %s", cat->id, cat->title,
			 r->score, r->max, state);
		break;
	case WORDS_LINE_SENTENCE:
		snprintf(buffer, size, "Category %s: %s: %d/%d, %s.", cat->id, cat->title, r->score,
			 r->max, state);
		break;
	}
	return buffer;
}

const char *words_section(const struct framework *fw, size_t section,
			  const struct score_result *r, char *buffer, size_t size)
{
	char answered[64] = "";
	if (r->state != SCORE_COMPLETE)
		snprintf(answered, sizeof answered, "  %zu of %zu answered", r->answered, r->total);
	snprintf(buffer, size, "     %-3s %-33s %3d / %-3d%s", fw->sections[section].id,
		 fw->sections[section].title, r->score, r->max, answered);
	return buffer;
}

const char *words_totals(const struct framework *fw, const enum level *levels,
			 enum words_line line, char *buffer, size_t size)
{
	int total, max;
	score_total(fw, levels, &total, &max);
	struct score_progress p;
	score_progress(fw, levels, &p);
	char progress[256];
	words_progress(&p, fw->category_count, progress, sizeof progress);
	if (line == WORDS_LINE_PLAIN)
		snprintf(buffer, size, "  Total points %d/%d (the Standard gives levels per "
			 "category, not overall)\n  Assessed: %s", total, max, progress);
	else
		snprintf(buffer, size, "  Total points: %d / %d (the Standard sets levels per "
			 "category, not overall)\n  Assessed: %s", total, max, progress);
	return buffer;
}

/* An assessment's type for people, with a capital to start a label. */
static const char *type_word(const char *type, bool capital)
{
	if (strcmp(type, "self") == 0)
		return capital ? "Self-assessment" : "self-assessment";
	if (strcmp(type, "peer") == 0)
		return capital ? "Peer review" : "peer review";
	return capital ? "Assessment" : "assessment";
}

/* The label: the first of type, organisation, date, assessors that tells
 * side from other. */
static void side_label(const struct assessment *side, const struct assessment *other,
		       int index, char *buffer, size_t size)
{
	const char *type = type_word(side->type, true);
	if (strcmp(side->type, other->type) != 0)
		snprintf(buffer, size, "%s", type);
	else if (!organisation_same(side->organisation, other->organisation))
		snprintf(buffer, size, "%s", *side->organisation ? side->organisation
			 : "Organisation not named");
	else if (strcmp(side->date, other->date) != 0)
		snprintf(buffer, size, "%s %s", type, *side->date ? side->date : "undated");
	else if (strcmp(side->assessors, other->assessors) != 0 && *side->assessors)
		snprintf(buffer, size, "%s by %s", type, side->assessors);
	else
		snprintf(buffer, size, "%s assessment", index ? "Second" : "First");
}

const char *words_side(const struct assessment *side, const struct assessment *other,
		       int index, enum words_side_form form, char *buffer, size_t size)
{
	if (size == 0)
		return buffer;
	if (form == WORDS_SIDE_LABEL) {
		side_label(side, other, index, buffer, size);
		return buffer;
	}
	snprintf(buffer, size, "%s: %s%s%s%s%s",
		 *side->organisation ? side->organisation : "organisation not named",
		 type_word(side->type, false), *side->date ? ", " : "", side->date,
		 *side->assessors ? ", by " : "", side->assessors);
	return buffer;
}

const char *words_resolution(enum assessment_resolution resolution)
{
	switch (resolution) {
	case ASSESSMENT_ADOPTED: return "adopted";
	case ASSESSMENT_KEPT: return "kept";
	case ASSESSMENT_MODERATED: return "moderated";
	case ASSESSMENT_DIFFER: return "agreed to differ";
	default: return "open";
	}
}

const char *words_disagreements(const struct comparison_count *count, bool moderation,
				char *buffer, size_t size)
{
	if (!moderation) {
		if (count->differ)
			snprintf(buffer, size, "%zu differ", count->differ);
		else
			snprintf(buffer, size, "no differences");
	} else if (!count->disagreements) {
		snprintf(buffer, size, "no disagreements");
	} else if (!count->open) {
		snprintf(buffer, size, "%zu disagreement%s, all resolved", count->disagreements,
			 count->disagreements == 1 ? "" : "s");
	} else {
		snprintf(buffer, size, "%zu disagreement%s, %zu resolved, %zu open",
			 count->disagreements, count->disagreements == 1 ? "" : "s",
			 count->resolved, count->open);
	}
	return buffer;
}

const char *words_footnote_marker(const struct framework_footnote *note, char *buffer,
				  size_t size)
{
	snprintf(buffer, size, "[%s]", *note->marker ? note->marker : "*");
	return buffer;
}

const char *words_footnote_markers(const struct framework *fw, enum framework_note_place place,
				   size_t index, enum level level, char *buffer, size_t size)
{
	enum { MAX_NOTES = 16 };
	const struct framework_footnote *notes[MAX_NOTES];
	size_t count = framework_footnotes_at(fw, place, index, level, notes, MAX_NOTES);
	size_t used = 0;
	buffer[0] = '\0';
	for (size_t k = 0; k < count && k < MAX_NOTES && used < size; k++) {
		char marker[48];
		used += (size_t)snprintf(buffer + used, size - used, " %s",
					 words_footnote_marker(notes[k], marker, sizeof marker));
	}
	return buffer;
}
