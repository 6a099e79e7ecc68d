/* report: one self-contained HTML page to hand to a leadership team —
 * no scripts, no external files, inline SVG charts, A4 print styles.
 * Well-formed XML (XHTML polyglot), so it can be checked by any parser. */
#ifndef REPORT_H
#define REPORT_H

#include <stdio.h>

#include "assessment.h"
#include "outfile.h"

/* Write the report on a (labelled a_label), compared with b (may be NULL).
 * Everything that came from a file, a path or an argument (labels, the
 * framework's id, version and texts, every field) is written in its
 * visible form (sanitize.h), escaped for its place (text, attribute, SVG),
 * and in the body wrapped in <bdi>: the page has no element or attribute
 * the program did not write, whatever the files hold. */
int report_write(FILE *out, const struct assessment *a, const char *a_label,
		 const struct assessment *b, const char *b_label, struct tri_error *err);

/* In the head of every report, so a later run knows the file as its own
 * (without the closing "/>", so an HTML-style ">" matches too). */
#define REPORT_GENERATOR "<meta name=\"generator\" content=\"tri-assess\""

/* How a file is recognised as a report (outfile_check). */
extern const struct outfile_signature report_signature;

/* The same, saved atomically to path as outfile_check's verdict allows
 * (the caller decides about someone else's file: --force). */
int report_save(const char *path, enum outfile_verdict verdict, const struct assessment *a,
		const char *a_label, const struct assessment *b, const char *b_label,
		struct tri_error *err);

#endif
