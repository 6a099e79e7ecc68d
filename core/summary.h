/* summary: one row per category — the table behind `score --csv` and the
 * wizard's export, written by one function so the two never differ. */
#ifndef SUMMARY_H
#define SUMMARY_H

#include <stdbool.h>
#include <stdio.h>

#include "assessment.h"

/* Write the header row "file,category,title,score,max,level" to out. */
int summary_write_header(FILE *out);

/* Write one row per category of assessment a, labelled with file_label.
 * Every field from input (the label, category ids and titles) is written
 * in its visible form and guarded against formulas (csvio_write_output).
 * Returns 0, or -1 with err filled. */
int summary_write_rows(FILE *out, const struct assessment *a, const char *file_label,
		       struct tri_error *err);

/* Write the header and a's rows to path atomically; with bom, start with
 * a UTF-8 byte-order mark (for older spreadsheet software). */
int summary_save(const struct assessment *a, const char *file_label, const char *path,
		 bool bom, struct tri_error *err);

#endif
