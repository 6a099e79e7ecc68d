/* score: the Standard's scoring, exactly as its "Scoring against the
 * categories" section defines it.
 *
 * A row scores the points of the level chosen for it; a category (or a
 * section of Category 2) scores the sum over its rows; the published
 * ranges turn a category's sum into a level.  There is no overall level
 * across categories: the Standard defines none. */
#ifndef SCORE_H
#define SCORE_H

#include <stdbool.h>
#include <stddef.h>

#include "framework.h"
#include "level.h"

/* levels[] holds one level per criterion of the framework, in framework
 * order (an assessment's answers).  Borrowed for the call. */

/* How much of a category (or section) has an answer.  A category with no
 * answers has no level; one partly answered has a provisional level; the
 * published ranges decide the level once every row has an answer. */
enum score_state {
	SCORE_NOT_ASSESSED, /* no row has a level (none counts as a level) */
	SCORE_PROVISIONAL,  /* some rows have one: the level so far */
	SCORE_COMPLETE,     /* every row has one */
};

struct score_result {
	int score;            /* sum of points over the rows (always shown) */
	int max;              /* sum of each row's highest cell */
	size_t answered;      /* rows with a level (none counts as answered) */
	size_t total;         /* rows */
	enum score_state state;
	/* From the published ranges (categories only): LEVEL_UNANSWERED when
	 * not assessed, so that nothing can show a level nobody assessed;
	 * provisional until state is SCORE_COMPLETE. */
	enum level level;
	/* The level above the score's range and the points still needed for
	 * it, from the score whatever the state (for a category not assessed,
	 * what its first answers must reach); LEVEL_NONE and 0 at the highest
	 * level. */
	enum level next_level;
	int points_to_next;
};

/* The level the published ranges give a category score: the highest level
 * whose range starts at or below the score.  So a score above the published
 * maximum is the highest level (Leading), and a score in a gap between
 * ranges keeps the level below the gap.  Scores below the lowest range's
 * start are at the lowest level above none too (Developing): the
 * Standard's lowest band starts at 0. */
enum level score_level_for(const struct framework *fw, const struct framework_category *category,
			   int score);

/* Score category c.  The state, and with it whether there is a level, comes
 * from how many rows have an answer. */
void score_category(const struct framework *fw, const enum level *levels,
		    size_t category, struct score_result *out);

/* Score section s (a subtotal with its state: level, next_level and
 * points_to_next are left LEVEL_NONE / 0, since the Standard publishes no
 * section ranges). */
void score_section(const struct framework *fw, const enum level *levels,
		   size_t section, struct score_result *out);

/* Points over all categories, and their maximum. */
void score_total(const struct framework *fw, const enum level *levels,
		 int *score, int *max);

/* How much of a whole assessment has answers. */
struct score_progress {
	size_t answered, criteria;                    /* rows */
	size_t complete, provisional, not_assessed;   /* categories */
};

/* Count answered rows and categories by state. */
void score_progress(const struct framework *fw, const enum level *levels,
		    struct score_progress *out);

/* An assessment's scores, worked out once: the model that every output of
 * scores (score, the report, the summary export, a comparison) is written
 * from. */
struct score_sheet {
	const struct framework *fw;      /* borrowed */
	struct score_result *categories; /* one per category */
	struct score_result *sections;   /* one per section */
	int total, max;                  /* points over all categories */
	struct score_progress progress;
};

/* Score every category and section of levels[] (one per criterion) into
 * sheet.  Returns 0, or -1 when out of memory (sheet is then empty, and
 * finishing it does nothing). */
int score_sheet_init(struct score_sheet *sheet, const struct framework *fw,
		     const enum level *levels);

/* Release what score_sheet_init allocated. */
void score_sheet_finish(struct score_sheet *sheet);

/* Highest points category c can score (every row at its highest cell). */
int score_category_max(const struct framework *fw, size_t category);

/* Highest points a criterion can score. */
int score_criterion_max(const struct framework *fw, const struct framework_criterion *crit);

/* The ranges the methodology derives from category c's table: the top of
 * level k's range is the sum over the rows of the points each counts for
 * k, its cell k, else its cell k + 1, else its highest cell below k (a row
 * with none of these adds nothing).  So the highest level's top is every
 * row's highest cell; for the Standard's three levels:
 *  developing top  = every row's developing cell, or its established cell
 *                    where it has no developing cell (rows with only a
 *                    leading cell add nothing);
 *  established top = every row's established cell, or its leading cell
 *                    where it has no established cell, or its developing
 *                    cell where it has neither;
 *  leading top     = every row's highest cell.
 * The lowest range starts at 0, each other one after the top below it.
 * out[] is indexed like framework_category.published (levels 1 to
 * level_count - 1; the rest are 0-0).  See docs/scoring.md for why a
 * developing-only row counts at established. */
void score_derived_ranges(const struct framework *fw, size_t category,
			  struct framework_range out[LEVEL_MAX_COUNT]);

/* One way a category's published ranges differ from what the tables give. */
struct score_disagreement {
	size_t category;
	char message[256];
};

/* Compare published with derived ranges, and check the published ranges
 * are contiguous from 0 to the table's maximum.  Writes up to capacity
 * findings to out and returns how many there are in all. */
size_t score_check_ranges(const struct framework *fw,
			  struct score_disagreement *out, size_t capacity);

/* What `validate` reports: each category's derived ranges and whether they
 * agree with the published ones, and every finding (score_check_ranges). */
struct score_validation {
	size_t category_count;
	struct framework_range (*derived)[LEVEL_MAX_COUNT]; /* per category */
	bool *agrees;                                        /* per category */
	size_t finding_count;
	struct score_disagreement *findings;                 /* finding_count */
};

/* Check fw's ranges into v.  Returns 0, or -1 when out of memory (v is
 * then empty). */
int score_validation_init(struct score_validation *v, const struct framework *fw);

/* Release what score_validation_init allocated. */
void score_validation_finish(struct score_validation *v);

/* Two neighbouring rows that, read as one, would reconcile a category's
 * table with its published ranges. */
struct score_merge {
	size_t first; /* criterion index: the rows are first and first + 1 */
	int extra;    /* the most points the two rows score beyond the one: an
			 answer at a cell of each scores both cells' points,
			 one row only the higher cell's */
};

/* Where category c's published ranges disagree with its table: the pairs
 * of neighbouring rows (in one section, or both in none) with no level in
 * common whose reading as one row would make all three derived tops equal
 * the published ones.  A hint for `validate` (docs/standard-notes.md, D1);
 * nothing is scored that way.  Writes up to capacity pairs to out and
 * returns how many there are in all (0 where the category agrees). */
size_t score_find_merges(const struct framework *fw, size_t category,
			 struct score_merge *out, size_t capacity);

#endif
