/* A cmocka group fixture shared by the unit tests that score level
 * arrays: the embedded Standard in fw, and levels, one per criterion
 * (each test fills it).  Include once, after cmocka.h. */
#ifndef LEVELS_FIXTURE_H
#define LEVELS_FIXTURE_H

#include <stdlib.h>

#include "framework.h"
#include "standard_levels.h"

static struct framework *fw;
static enum level *levels;

static int setup(void **state)
{
	(void)state;
	struct tri_error err;
	fw = framework_load_embedded(&err);
	levels = fw ? malloc(fw->criterion_count * sizeof *levels) : NULL;
	return fw && levels ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	free(levels);
	framework_destroy(fw);
	return 0;
}

#endif
