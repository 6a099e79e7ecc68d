/* level: a practice level, as an index into the framework's table of
 * levels (levels.csv, in its order; framework.h): 0 is none (assessed, no
 * cell reached), each level after it scores more, and the highest is the
 * framework's level_count - 1.  Names, words and points are the
 * framework's. */
#ifndef LEVEL_H
#define LEVEL_H

#include <stdbool.h>

enum level {
	LEVEL_UNANSWERED = -1, /* not yet assessed: scores 0, counted as open */
	LEVEL_NONE = 0,        /* assessed: no cell reached */
	LEVEL_HIGHEST = 9,     /* the highest any framework can have: digits are
				  levels (clarifications rule 12) */
};

/* Levels a framework can have, none included. */
#define LEVEL_MAX_COUNT (LEVEL_HIGHEST + 1)

#endif
