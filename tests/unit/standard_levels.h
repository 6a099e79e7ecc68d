/* The built-in Standard's levels, as indexes into its table of levels
 * (levels.csv, in order).  The core knows no level by name: a framework
 * declares its own; the tests of the Standard's scoring name its three. */
#ifndef STANDARD_LEVELS_H
#define STANDARD_LEVELS_H

#include "level.h"

#define LEVEL_DEVELOPING ((enum level)1)
#define LEVEL_ESTABLISHED ((enum level)2)
#define LEVEL_LEADING ((enum level)3)
#define LEVEL_COUNT 4 /* none included */

#endif
