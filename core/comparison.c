#include "comparison.h"

#include <stdlib.h>
#include <string.h>

#include "organisation.h"
#include "words.h"

bool comparison_is_moderation(const struct assessment *a, const struct assessment *b)
{
	bool self_and_peer = (strcmp(a->type, "self") == 0 && strcmp(b->type, "peer") == 0) ||
			     (strcmp(a->type, "peer") == 0 && strcmp(b->type, "self") == 0);
	return self_and_peer && organisation_same(a->organisation, b->organisation);
}

/* A side's name or label in a heap string sized for its metadata. */
static char *side_words(const struct assessment *side, const struct assessment *other,
			int index, enum words_side_form form)
{
	size_t size = strlen(side->organisation) + strlen(side->assessors) +
		      strlen(side->date) + strlen(side->type) + 64;
	char *text = malloc(size);
	if (text)
		words_side(side, other, index, form, text, size);
	return text;
}

/* The length of line's "YYYY-MM-DD HH:MM" prefix to order it by (16), or 0
 * for a line that does not start with one (it keeps its place). */
static size_t stamp_length(const char *line)
{
	static const char shape[] = "dddd-dd-dd dd:dd";
	for (size_t i = 0; i < sizeof shape - 1; i++) {
		if (shape[i] == 'd' ? line[i] < '0' || line[i] > '9' : line[i] != shape[i])
			return 0;
	}
	return sizeof shape - 1;
}

/* Does the history text hold this exact line (length bytes)? */
static bool holds_line(const char *text, const char *line, size_t length)
{
	for (const char *p = text; *p;) {
		size_t n = strcspn(p, "\n");
		if (n == length && memcmp(p, line, length) == 0)
			return true;
		p += n + (p[n] == '\n');
	}
	return false;
}

/* Both histories' lines, oldest first, a line both hold once: a new heap
 * string, or NULL. */
static char *merged_history(const char *x, const char *y)
{
	size_t size = strlen(x) + strlen(y) + 2;
	char *out = malloc(size);
	if (!out)
		return NULL;
	size_t used = 0;
	while (*x || *y) {
		size_t nx = strcspn(x, "\n"), ny = strcspn(y, "\n");
		bool take_x = *x && (!*y || !stamp_length(x) || !stamp_length(y) ||
				     memcmp(x, y, stamp_length(x)) <= 0);
		const char *line = take_x ? x : y;
		size_t n = take_x ? nx : ny;
		out[used] = '\0';
		/* y's copy of one of x's lines: once */
		if (take_x || !holds_line(out, line, n)) {
			if (used)
				out[used++] = '\n';
			memcpy(out + used, line, n);
			used += n;
		}
		if (take_x)
			x += nx + (x[nx] == '\n');
		else
			y += ny + (y[ny] == '\n');
	}
	out[used] = '\0';
	return out;
}

/* The per-criterion and per-category model of a comparison with b. */
static int compare_rows(struct comparison *c)
{
	const struct framework *fw = c->fw;
	c->criteria = calloc(fw->criterion_count ? fw->criterion_count : 1, sizeof *c->criteria);
	c->categories = calloc(fw->category_count ? fw->category_count : 1,
			       sizeof *c->categories);
	if (!c->criteria || !c->categories)
		return -1;
	const struct assessment *record = c->record == 1 ? c->b : c->a;
	for (size_t i = 0; i < fw->criterion_count; i++) {
		struct comparison_criterion *row = &c->criteria[i];
		row->differs = c->a->levels[i] != c->b->levels[i];
		row->resolution = c->moderation ? record->answers[i].resolution : ASSESSMENT_OPEN;
		if (!(row->history = merged_history(c->a->answers[i].history,
						    c->b->answers[i].history)))
			return -1;
		bool resolved = row->resolution != ASSESSMENT_OPEN;
		struct comparison_count *counts[] = { &c->categories[fw->criteria[i].category],
						      &c->total };
		for (size_t k = 0; k < 2; k++) {
			counts[k]->differ += row->differs;
			counts[k]->disagreements += c->moderation && (row->differs || resolved);
			counts[k]->resolved += resolved;
			counts[k]->open += row->differs && !resolved;
		}
	}
	c->differ_count = c->total.differ;
	return 0;
}

int comparison_init(struct comparison *c, const struct assessment *a,
		    const struct assessment *b, enum comparison_kind kind)
{
	*c = (struct comparison){ .fw = a->framework, .a = a, .b = b, .record = -1 };
	if (score_sheet_init(&c->sheet_a, c->fw, a->levels) != 0)
		goto fail;
	if (!b)
		return 0;
	if (score_sheet_init(&c->sheet_b, c->fw, b->levels) != 0)
		goto fail;
	c->moderation = kind == COMPARISON_MODERATE || comparison_is_moderation(a, b);
	if (c->moderation)
		c->record = strcmp(b->type, "self") == 0 && strcmp(a->type, "self") != 0 ? 1 : 0;
	const struct assessment *sides[2] = { a, b };
	for (int k = 0; k < 2; k++) {
		c->names[k] = side_words(sides[k], sides[1 - k], k, WORDS_SIDE_NAME);
		c->labels[k] = side_words(sides[k], sides[1 - k], k, WORDS_SIDE_LABEL);
		if (!c->names[k] || !c->labels[k])
			goto fail;
	}
	if (compare_rows(c) != 0)
		goto fail;
	return 0;
fail:
	comparison_finish(c);
	return -1;
}

void comparison_finish(struct comparison *c)
{
	score_sheet_finish(&c->sheet_a);
	score_sheet_finish(&c->sheet_b);
	for (size_t i = 0; c->criteria && i < c->fw->criterion_count; i++)
		free(c->criteria[i].history);
	free(c->criteria);
	free(c->categories);
	for (int k = 0; k < 2; k++) {
		free(c->names[k]);
		free(c->labels[k]);
	}
	*c = (struct comparison){ .fw = c->fw, .record = -1 };
}

bool comparison_criterion_differs(const struct comparison *c, size_t criterion)
{
	return c->b && c->a->levels[criterion] != c->b->levels[criterion];
}

bool comparison_category_differs(const struct comparison *c, size_t category)
{
	return c->b && c->sheet_a.categories[category].level != c->sheet_b.categories[category].level;
}

bool comparison_criterion_open(const struct comparison *c, size_t criterion)
{
	return c->criteria && c->criteria[criterion].differs &&
	       c->criteria[criterion].resolution == ASSESSMENT_OPEN;
}

long comparison_next_open(const struct comparison *c, size_t from, int step)
{
	size_t n = c->fw->criterion_count;
	for (size_t k = 1; c->criteria && k <= n; k++) {
		size_t i = step > 0 ? (from + k) % n : (from + n - k % n) % n;
		if (comparison_criterion_open(c, i))
			return (long)i;
	}
	return -1;
}

/* Disagreements of record with other that no resolution settles. */
static size_t open_count(const struct assessment *record, const struct assessment *other)
{
	size_t open = 0;
	for (size_t i = 0; i < record->framework->criterion_count; i++)
		open += record->levels[i] != other->levels[i] &&
			record->answers[i].resolution == ASSESSMENT_OPEN;
	return open;
}

void comparison_update_status(struct assessment *record, const struct assessment *other)
{
	if (record->moderation.status == ASSESSMENT_NOT_MODERATED)
		return;
	record->moderation.status = open_count(record, other) ? ASSESSMENT_IN_PROGRESS
							      : ASSESSMENT_COMPLETED;
}

int comparison_decide(struct assessment *record, const struct assessment *other,
		      size_t criterion, enum assessment_resolution kind, enum level level,
		      const char *who, const char *remark, struct tri_error *err)
{
	const char *id = record->framework->criteria[criterion].id;
	enum level own = record->levels[criterion], theirs = other->levels[criterion];
	if (kind == ASSESSMENT_ADOPTED)
		level = theirs;
	else if (kind != ASSESSMENT_MODERATED)
		level = own;
	if (level == own && own == theirs)
		return 1;
	if (kind == ASSESSMENT_ADOPTED && theirs == LEVEL_UNANSWERED && own != LEVEL_UNANSWERED) {
		tri_error_set(err, "%s is not assessed on the other side: there is no level to "
			      "adopt", id);
		return -1;
	}
	if ((kind == ASSESSMENT_KEPT || kind == ASSESSMENT_DIFFER) && own == LEVEL_UNANSWERED) {
		tri_error_set(err, "%s has no level here to %s; give it one, or adopt the other "
			      "side's", id, kind == ASSESSMENT_KEPT ? "keep" : "differ on");
		return -1;
	}
	if (kind == ASSESSMENT_MODERATED && level == LEVEL_UNANSWERED) {
		tri_error_set(err, "a moderated level for %s must be a level", id);
		return -1;
	}
	if (assessment_record_decision(record, criterion, kind, level, who, remark, err) != 0)
		return -1;
	comparison_update_status(record, other);
	return 0;
}
