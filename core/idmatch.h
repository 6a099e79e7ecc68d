/* idmatch: which criterion each row of an assessment file is, when a
 * spreadsheet may have turned its ids into numbers (clarification rule 20).
 *
 * Excel and LibreOffice read an id such as 6.10 as the number 6.1 and
 * write it back so: the file then gives 6.1 twice and 6.10 not at all.
 * Such a pair is told apart by the rows' order where the whole id column,
 * read as numbers, is in the framework's order; otherwise by each row's
 * statement, where it is exactly one candidate's cell at the row's level;
 * else it is refused, naming both rows.  Nothing is ever guessed. */
#ifndef IDMATCH_H
#define IDMATCH_H

#include <stddef.h>

#include "framework.h"
#include "spreadsheet.h"
#include "tri_error.h"

/* One data row of the file, its fields borrowed. */
struct idmatch_row {
	const char *id;         /* criterion_id, blanks trimmed */
	const char *level;      /* the level field as the file gives it */
	const char *statement;  /* the statement field as stored (formula-guarded) */
	size_t line, record;    /* where it is (csvio_where) */
};

/* Fill criterion[r] for each of the count rows with the framework index of
 * its criterion, or -1 where its id is none of the framework's (the caller
 * refuses that row).  Ids a spreadsheet made numbers are repaired as above,
 * each repair added to notes ("f.csv:71: criterion_id "6.1" read as 6.10,
 * by the rows' order ...").  A criterion given twice otherwise, or a pair
 * nothing tells apart, is refused naming both rows.  name is for messages.
 * Returns 0, or -1 with err filled. */
int idmatch_rows(const struct framework *framework, const char *name,
		 const struct idmatch_row *rows, size_t count, long *criterion,
		 struct spreadsheet_notes *notes, struct tri_error *err);

#endif
