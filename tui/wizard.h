/* wizard: the interactive front end on an assessment file.
 * Full-screen (ncursesw) on a capable terminal; numbered text prompts with
 * --plain or when TERM is dumb or unset. */
#ifndef WIZARD_H
#define WIZARD_H

#include <stdbool.h>

#include "framework.h"

/* Run the wizard on path (NULL: ask for a file name in plain mode, or use
 * "assessment.csv").  The framework is borrowed.  Returns the process exit
 * status: 0, or 1 when the file cannot be opened or saved. */
int wizard_main(const struct framework *fw, const char *path, bool plain);

#endif
