/* summary: one row per category — the table behind `score --csv` and the
 * wizard's export, written by one function so the two never differ. */
#ifndef SUMMARY_H
#define SUMMARY_H

#include <stdbool.h>
#include <stdio.h>

#include "assessment.h"
#include "outfile.h"

/* Write the header row to out: "file,category,title,score,max,level,
 * organisation,assessment_type,date,answered,criteria" (docs/file-formats.md;
 * new columns are only ever appended). */
int summary_write_header(FILE *out);

/* Write one row per category of assessment a, labelled with file_label:
 * level is the machine word, empty when the category is not assessed (and
 * provisional while answered < criteria).  Every field from input (the
 * label, category ids and titles, the organisation) is written in its
 * visible form and guarded against formulas (csvio_write_output).
 * Returns 0, or -1 with err filled. */
int summary_write_rows(FILE *out, const struct assessment *a, const char *file_label,
		       struct tri_error *err);

/* How an export is recognised as tri-assess's own (outfile): its exact
 * header line, as summary_write_header writes it. */
const struct outfile_signature *summary_signature(void);

/* Write the header and a's rows to path atomically, as outfile_check's
 * verdict allows (the caller asks before replacing someone's file); with
 * bom, start with a UTF-8 byte-order mark (for older spreadsheet
 * software). */
int summary_save(const struct assessment *a, const char *file_label, const char *path,
		 enum outfile_verdict verdict, bool bom, struct tri_error *err);

#endif
