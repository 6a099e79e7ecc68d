/* outputs: the CSV tables tri-assess writes besides assessments, known by
 * their header.  A command given a folder's files (score *.csv, benchmark
 * *.csv) passes over, say, the wizard's x export lying beside the
 * assessments, saying so, rather than refusing the whole set. */
#ifndef OUTPUTS_H
#define OUTPUTS_H

#include <stddef.h>

/* What a table with this header is, when tri-assess writes tables so
 * headed ("a category summary (score --csv, the wizard's x export)"), or
 * NULL.  A header matches when it begins with that output's columns, in
 * order and exactly (later versions only append columns).  Static. */
const char *outputs_kind(const char *const *header, size_t count);

/* outputs_kind of the first record of the CSV file at path; NULL when it
 * is none of them, or the file cannot be read. */
const char *outputs_file_kind(const char *path);

#endif
