/* plain: the wizard as numbered text prompts on a line-based stream, for
 * screen-reader users, teletype links and scripts.  Same session, same
 * file, same scoring as the full-screen wizard. */
#ifndef PLAIN_H
#define PLAIN_H

#include <stdio.h>

#include "session.h"

/* Text for people on out: format, then give the whole result its visible
 * form (sanitize.h), in a locale that is not UTF-8 transliterated into the
 * locale's character set (text_encode: "Zoë" as "Zoe"), then write.  Every line plain mode and the wizard's
 * messages print goes through here: organisations, evidence, notes and
 * file names reach the terminal only in their visible form. */
void plain_printf(FILE *out, const char *format, ...) __attribute__((format(printf, 2, 3)));

/* Run until the walk ends, q, end of input, or a signal.  Returns 0, or 1
 * if the answers could not be saved. */
int plain_run(struct session *s, FILE *in, FILE *out);

#endif
