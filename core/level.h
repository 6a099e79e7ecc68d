/* level: the Standard's practice levels and their names in files. */
#ifndef LEVEL_H
#define LEVEL_H

#include <stdbool.h>

enum level {
	LEVEL_UNANSWERED = -1, /* not yet assessed: scores 0, counted as open */
	LEVEL_NONE = 0,        /* assessed: no cell reached */
	LEVEL_DEVELOPING = 1,
	LEVEL_ESTABLISHED = 2,
	LEVEL_LEADING = 3,
};

#define LEVEL_COUNT 4 /* none, developing, established, leading */

/* The name used in files and on the command line: "none", "developing",
 * "established", "leading"; "" for LEVEL_UNANSWERED.  Static storage. */
const char *level_name(enum level level);

/* The level for people, as words_level (words.h) says it: "None",
 * "Developing", "Established", "Leading"; or_else for LEVEL_UNANSWERED.
 * Prefer words_level, which words that as "not assessed". Static storage. */
const char *level_label(enum level level, const char *or_else);

/* Parse a level name (case-insensitive, surrounding blanks ignored); an
 * empty text is LEVEL_UNANSWERED.  Returns false for anything else. */
bool level_parse(const char *text, enum level *out);

#endif
