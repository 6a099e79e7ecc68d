/* words: the vocabulary.  How levels, ranges, scores, categories and how
 * far an assessment has got read for people, in one place, so that the
 * wizard, plain mode, every command and the report say the same thing the
 * same way (docs/user-guide.md, "Levels and states").  Machine words
 * ("developing", "" when not assessed) are the framework's level names
 * (framework_level_name), for files and CSV output.
 *
 * Human output uses the short word ("Established"); the framework's full
 * title ("Established practice") only beside its descriptor (help, About,
 * report headings; clarifications rule 13).  All text returned is
 * English, UTF-8; text from the framework (a category's title) is in it
 * as it is, for each front end to give its visible form as it prints.
 * Every function writing into buffer (size bytes) cuts what does not fit,
 * never overflows, and returns buffer. */
#ifndef WORDS_H
#define WORDS_H

#include <stdbool.h>
#include <stddef.h>

#include "assessment.h"
#include "framework.h"
#include "level.h"
#include "score.h"

/* The level's short word from the framework ("None", "Developing",
 * "Established", "Leading" for the Standard); "not assessed" for
 * LEVEL_UNANSWERED (a row, or a category, nobody has assessed) and beyond
 * the framework's levels.  Borrowed from fw or static. */
const char *words_level(const struct framework *fw, enum level level);

/* The framework's full title of a level ("Established practice"), for use
 * beside its descriptor only; words_level for anything that is not a
 * practice level.  Borrowed from fw. */
const char *words_level_title(const struct framework *fw, enum level level);

/* A category's published ranges, each level above none with its range:
 * "Developing 0-10, Established 11-18, Leading 19-22".  Writes into buffer
 * (size bytes, cut if short) and returns it. */
const char *words_ranges(const struct framework *fw, const struct framework_category *category,
			 char *buffer, size_t size);

enum words_form {
	WORDS_FULL,  /* "Developing so far, 5 of 8 answered" */
	WORDS_BRIEF, /* "Developing so far", where the count is shown beside it */
};

/* A category's level as its state allows: "not assessed"; provisional
 * "Developing so far, 5 of 8 answered" (WORDS_BRIEF: "Developing so far");
 * complete "Developing".  r comes from score_category on fw.  Writes into
 * buffer (size bytes, cut if short) and returns it. */
const char *words_state(const struct framework *fw, const struct score_result *r,
			enum words_form form, char *buffer, size_t size);

/* Longest text words_state can give for a category of total rows, in
 * bytes (level names are ASCII, so also in columns): for fixed-width
 * fields. */
int words_state_width(const struct framework *fw, size_t total, enum words_form form);

/* "15/22": the points of a category or section out of its maximum. */
const char *words_points(const struct score_result *r, char *buffer, size_t size);

/* A category's points and its level as its state allows, as a comparison
 * shows each side: "15/22 Established", "3/76 Developing so far"
 * (WORDS_BRIEF; WORDS_FULL adds the count), "0/18 not assessed". */
const char *words_summary(const struct framework *fw, const struct score_result *r,
			  enum words_form form, char *buffer, size_t size);

/* The places that show one line per category, and their layouts. */
enum words_line {
	WORDS_LINE_TABLE,    /* score: "  1  Strategic ... Management   15 / 22  Established" */
	WORDS_LINE_PLAIN,    /* plain mode: "  Category 1 Strategic ...   15/22  Established" */
	WORDS_LINE_SENTENCE, /* plan: "Category 1: Strategic ... Management: 15/22, Established." */
};

/* Category c's line: its id, title, points and state in full (r from
 * score_category on c).  No newline. */
const char *words_category(const struct framework *fw, size_t category,
			   const struct score_result *r, enum words_line line, char *buffer,
			   size_t size);

/* Section s's line under its category in a WORDS_LINE_TABLE list:
 * "     2a  Recruitment   10 / 25  3 of 9 answered" (the count only while
 * not every row is answered; r from score_section).  No newline. */
const char *words_section(const struct framework *fw, size_t section,
			  const struct score_result *r, char *buffer, size_t size);

/* The total points of an assessment (levels[], one per criterion) and how
 * much of it is answered, two lines in line's layout (TABLE or PLAIN):
 * "  Total points: 15 / 190 (the Standard sets levels per category, not
 * overall)" and "  Assessed: 8 of 69 criteria answered; ...".  No newline
 * after the second. */
const char *words_totals(const struct framework *fw, const enum level *levels,
			 enum words_line line, char *buffer, size_t size);

/* How much of an assessment is assessed: "1 of 69 criteria answered; 0 of
 * 7 categories complete, 1 partly assessed, 6 not assessed" (the last two
 * only when not zero).  Writes into buffer and returns it. */
const char *words_progress(const struct score_progress *p, size_t category_count,
			   char *buffer, size_t size);

/* ---- Comparisons and moderation ---- */

struct comparison_count;

enum words_side_form {
	WORDS_SIDE_NAME,  /* in full: "London Borough of Camden: peer review,
			     2026-11-24, by B. Reviewer" */
	WORDS_SIDE_LABEL, /* the words that tell it from other: "Peer review" */
};

/* One side of a comparison named from its metadata (organisation, type,
 * date, assessors), never a path: "self-assessment", "peer review", or
 * "assessment" (no type); "organisation not named" for none.  The label
 * is the first of type, organisation, date and assessors that tells side
 * from other, or "First assessment" / "Second assessment" (index 0 or 1)
 * when nothing does.  Text from the files is in it as it is.  Writes into
 * buffer (size bytes, cut if short) and returns it. */
const char *words_side(const struct assessment *side, const struct assessment *other,
		       int index, enum words_side_form form, char *buffer, size_t size);

/* How a moderation decided a row, for people: "adopted", "kept",
 * "moderated", "agreed to differ"; "open" for none.  Static. */
const char *words_resolution(enum assessment_resolution resolution);

/* A moderation's count: "no disagreements", "4 disagreements, all
 * resolved", "4 disagreements, 3 resolved, 1 open"; outside a moderation
 * (moderation false): "no differences", "3 differ". */
const char *words_disagreements(const struct comparison_count *count, bool moderation,
				char *buffer, size_t size);

/* A footnote's marker as every text output shows it beside the cell,
 * section or paragraph it belongs to, and before the note's text: "[6]"
 * (the source's superscript six, readable at the back of a room and by a
 * screen reader); "[*]" for a note without a marker (an old framework's
 * `footnote` column). */
const char *words_footnote_marker(const struct framework_footnote *note, char *buffer,
				  size_t size);

/* The markers of the notes at one place (framework_footnotes_at), each
 * after a space: " [6]", " [1] [2]"; "" where there is none. */
const char *words_footnote_markers(const struct framework *fw, enum framework_note_place place,
				   size_t index, enum level level, char *buffer, size_t size);

#endif
