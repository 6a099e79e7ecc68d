/* wizard: the interactive front end on an assessment file.
 * Full-screen (ncursesw) on a capable terminal; numbered text prompts with
 * --plain or when TERM is dumb or unset. */
#ifndef WIZARD_H
#define WIZARD_H

#include <stdbool.h>

#include "framework.h"

struct wizard_options {
	bool plain;          /* numbered text prompts instead of full screen */
	bool bom;            /* exported CSV starts with a UTF-8 byte-order mark */
	const char *compare; /* another assessment to show beside this one */
	const char *who;     /* who makes changes in a comparison ($USER) */
	bool moderate;       /* the comparison is a moderation (--moderate) */
	bool follow;         /* follow the file another wizard holds, without asking */
};

/* Run the wizard on path (NULL: "assessment.csv").  The framework and
 * options are borrowed.  Returns the process exit status: 0, or 1 when a
 * file cannot be opened or the answers could not be saved. */
int wizard_main(const struct framework *fw, const char *path,
		const struct wizard_options *options);

#endif
