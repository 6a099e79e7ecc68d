/* words: how levels and how far an assessment has got read for people,
 * in one place, so that the wizard, plain mode, every command and the
 * report say the same thing the same way (docs/user-guide.md, "Levels
 * and states").  Machine words ("developing", "" when not assessed) stay
 * in level.h, for files and CSV output.
 *
 * Human output uses the short word ("Established"); the framework's full
 * title ("Established practice") only beside the Standard's descriptor
 * (help, report headings).  All text returned is English, UTF-8. */
#ifndef WORDS_H
#define WORDS_H

#include <stddef.h>

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

/* How much of an assessment is assessed: "1 of 69 criteria answered; 0 of
 * 7 categories complete, 1 partly assessed, 6 not assessed" (the last two
 * only when not zero).  Writes into buffer and returns it. */
const char *words_progress(const struct score_progress *p, size_t category_count,
			   char *buffer, size_t size);

#endif
