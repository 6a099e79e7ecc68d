/* report: one self-contained HTML page to hand to a leadership team —
 * no scripts, no external files, inline SVG charts, A4 print styles.
 * Well-formed XML (XHTML polyglot), so it can be checked by any parser. */
#ifndef REPORT_H
#define REPORT_H

#include <stdio.h>

#include "assessment.h"

/* Write the report on a (labelled a_label), compared with b (may be NULL).
 * Everything that came from a file, a path or an argument (labels, the
 * framework's id, version and texts, every field) is written in its
 * visible form (sanitize.h), escaped for its place (text, attribute, SVG),
 * and in the body wrapped in <bdi>: the page has no element or attribute
 * the program did not write, whatever the files hold. */
int report_write(FILE *out, const struct assessment *a, const char *a_label,
		 const struct assessment *b, const char *b_label, struct tri_error *err);

/* The same, saved atomically to path. */
int report_save(const char *path, const struct assessment *a, const char *a_label,
		const struct assessment *b, const char *b_label, struct tri_error *err);

#endif
