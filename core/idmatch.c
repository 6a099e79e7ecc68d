#include "idmatch.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csvio.h"

#define KEY_SIZE 32
#define WHERE_SIZE 4200

/* What a match needs, made once per file. */
struct matching {
	const struct framework *fw;
	const char *name;
	const struct idmatch_row *rows;
	size_t count;
	char (*crit_key)[KEY_SIZE];  /* each criterion's id read as a number, or "" */
	char (*row_key)[KEY_SIZE];   /* each row's id read as a number, or "" */
};

/* Does row r's id, read as a number where it is one, name criterion k? */
static bool names(const struct matching *m, size_t r, size_t k)
{
	if (m->row_key[r][0] && m->crit_key[k][0])
		return strcmp(m->row_key[r], m->crit_key[k]) == 0;
	return strcmp(m->rows[r].id, m->fw->criteria[k].id) == 0;
}

/* Could a spreadsheet have made criterion c's id out of another one's?
 * Both are numbers with one value (6.1 and 6.10). */
static bool has_twin(const struct matching *m, size_t c)
{
	for (size_t k = 0; k < m->fw->criterion_count && m->crit_key[c][0]; k++)
		if (k != c && strcmp(m->crit_key[k], m->crit_key[c]) == 0)
			return true;
	return false;
}

/* The rows' order: each row, read as a number, matched to the earliest
 * criterion after the previous row's.  Fills at[] and returns true when
 * every row with a known id finds one, so the column is in the
 * framework's order and at[] is the only such reading of it. */
static bool by_order(const struct matching *m, const long *criterion, long *at)
{
	size_t next = 0;
	for (size_t r = 0; r < m->count; r++) {
		at[r] = -1;
		if (criterion[r] < 0)
			continue;
		size_t k = next;
		while (k < m->fw->criterion_count && !names(m, r, k))
			k++;
		if (k == m->fw->criterion_count)
			return false;
		at[r] = (long)k;
		next = k + 1;
	}
	return true;
}

/* The one candidate (a criterion row r's id names, read as a number)
 * whose cell at the row's level is the row's statement, or -1. */
static long by_statement(const struct matching *m, size_t r)
{
	enum level level;
	if (!framework_level_parse(m->fw, m->rows[r].level, &level) || level <= LEVEL_NONE)
		return -1;
	char *statement = csvio_unguard(m->rows[r].statement);
	long found = -1;
	int matches = 0;
	for (size_t k = 0; statement && k < m->fw->criterion_count; k++) {
		const char *cell = m->fw->criteria[k].cell[level];
		if (names(m, r, k) && cell && strcmp(cell, statement) == 0) {
			found = (long)k;
			matches++;
		}
	}
	free(statement);
	return matches == 1 ? found : -1;
}

/* ", spreadsheet row N" when the row's record is not its line. */
static const char *row_suffix(const struct idmatch_row *row, char *buffer, size_t size)
{
	buffer[0] = '\0';
	if (row->record && row->record != row->line)
		snprintf(buffer, size, ", spreadsheet row %zu", row->record);
	return buffer;
}

static int refuse_again(const struct matching *m, size_t first, size_t again, long c,
			struct tri_error *err)
{
	char where[WHERE_SIZE], suffix[48], written[80] = "";
	const char *id = m->fw->criteria[c].id;
	if (strcmp(id, m->rows[again].id) != 0)
		snprintf(written, sizeof written, " (written \"%.40s\")", m->rows[again].id);
	tri_error_set(err, "%s: criterion \"%s\"%s is given again (first on line %zu%s); "
		      "expected each criterion once",
		      csvio_where(where, sizeof where, m->name, m->rows[again].line,
				  m->rows[again].record),
		      id, written, m->rows[first].line,
		      row_suffix(&m->rows[first], suffix, sizeof suffix));
	return -1;
}

/* Two rows a spreadsheet may have made one id, and nothing says which
 * row is which: name both, and both ids it could have been. */
static int refuse_ambiguous(const struct matching *m, size_t r, size_t other, long c,
			    struct tri_error *err)
{
	char where[WHERE_SIZE], suffix[48], twins[256] = "";
	size_t used = 0;
	for (size_t k = 0; k < m->fw->criterion_count && used < sizeof twins; k++)
		if (strcmp(m->crit_key[k], m->crit_key[c]) == 0)
			used += (size_t)snprintf(twins + used, sizeof twins - used, "%s%s",
						 used ? " or " : "", m->fw->criteria[k].id);
	tri_error_set(err, "%s: criterion_id \"%s\" is also on line %zu%s: a spreadsheet may "
		      "have turned an id into a number (%s), and neither the rows' order nor "
		      "their statements say which row is which; expected each id as text, "
		      "in the framework's order (see docs/file-formats.md, \"Spreadsheets\")",
		      csvio_where(where, sizeof where, m->name, m->rows[r].line, m->rows[r].record),
		      m->rows[r].id, m->rows[other].line,
		      row_suffix(&m->rows[other], suffix, sizeof suffix), twins);
	return -1;
}

/* Rows of criteria given more than once: repair those a spreadsheet may
 * have made (by order, else by statement), refuse the rest. */
static int repair(const struct matching *m, long *criterion, const long *first_row,
		  const bool *repeated, struct spreadsheet_notes *notes, struct tri_error *err)
{
	long *at = malloc((m->count ? m->count : 1) * sizeof *at);
	long *fixed = malloc((m->count ? m->count : 1) * sizeof *fixed);
	int rc = -1;
	if (!at || !fixed) {
		tri_error_set(err, "%s: out of memory", m->name);
		goto done;
	}
	bool ordered = by_order(m, criterion, at);
	for (size_t r = 0; r < m->count; r++) {
		long c = criterion[r];
		fixed[r] = c;
		if (c < 0 || !repeated[c])
			continue;
		fixed[r] = ordered ? at[r] : by_statement(m, r);
		if (fixed[r] < 0) {
			size_t other = (size_t)first_row[c] != r ? (size_t)first_row[c] : r;
			for (size_t o = 0; other == r && o < m->count; o++)
				if (o != r && criterion[o] == c)
					other = o;
			rc = refuse_ambiguous(m, r, other, c, err);
			goto done;
		}
	}
	/* every criterion on one row at most, once repaired */
	for (size_t r = 0; r < m->count; r++)
		for (size_t o = 0; o < r && fixed[r] >= 0; o++)
			if (fixed[o] == fixed[r]) {
				rc = refuse_again(m, o, r, fixed[r], err);
				goto done;
			}
	for (size_t r = 0; r < m->count; r++) {
		if (fixed[r] == criterion[r])
			continue;
		char where[WHERE_SIZE];
		const char *id = m->fw->criteria[fixed[r]].id;
		if (spreadsheet_note(notes, false, "%s: criterion_id \"%s\" read as %s, by %s "
				     "(a spreadsheet wrote the id %s as the number %s)",
				     csvio_where(where, sizeof where, m->name, m->rows[r].line,
						 m->rows[r].record), m->rows[r].id, id,
				     ordered ? "the rows' order" : "its statement, the text of that "
				     "criterion's cell at its level", id, m->rows[r].id) != 0) {
			tri_error_set(err, "%s: out of memory", m->name);
			goto done;
		}
		criterion[r] = fixed[r];
	}
	rc = 0;
done:
	free(at);
	free(fixed);
	return rc;
}

int idmatch_rows(const struct framework *fw, const char *name, const struct idmatch_row *rows,
		 size_t count, long *criterion, struct spreadsheet_notes *notes,
		 struct tri_error *err)
{
	size_t n = fw->criterion_count;
	long *first_row = malloc((n ? n : 1) * sizeof *first_row);
	bool *repeated = calloc(n ? n : 1, sizeof *repeated);
	struct matching m = { fw, name, rows, count, NULL, NULL };
	int rc = -1;
	if (!first_row || !repeated) {
		tri_error_set(err, "%s: out of memory", name);
		goto done;
	}
	for (size_t k = 0; k < n; k++)
		first_row[k] = -1;
	bool any = false;
	for (size_t r = 0; r < count; r++) {
		long c = criterion[r] = framework_find_criterion(fw, rows[r].id);
		if (c < 0)
			continue;
		if (first_row[c] < 0)
			first_row[c] = (long)r;
		else
			any = repeated[c] = true;
	}
	rc = 0;
	if (!any)
		goto done; /* the common case: every id once, nothing to read as numbers */
	rc = -1;
	m.crit_key = calloc(n ? n : 1, sizeof *m.crit_key);
	m.row_key = calloc(count ? count : 1, sizeof *m.row_key);
	if (!m.crit_key || !m.row_key) {
		tri_error_set(err, "%s: out of memory", name);
		goto done;
	}
	for (size_t k = 0; k < n; k++)
		if (!spreadsheet_number_key(fw->criteria[k].id, m.crit_key[k], KEY_SIZE))
			m.crit_key[k][0] = '\0';
	for (size_t r = 0; r < count; r++)
		if (!spreadsheet_number_key(rows[r].id, m.row_key[r], KEY_SIZE))
			m.row_key[r][0] = '\0';
	for (size_t r = 0; r < count; r++) {
		long c = criterion[r];
		if (c < 0 || !repeated[c] || (size_t)first_row[c] == r)
			continue;
		size_t first = (size_t)first_row[c];
		if (!has_twin(&m, (size_t)c) || !m.row_key[r][0] || !m.row_key[first][0]) {
			rc = refuse_again(&m, first, r, c, err);
			goto done;
		}
	}
	rc = repair(&m, criterion, first_row, repeated, notes, err);
done:
	free(first_row);
	free(repeated);
	free(m.crit_key);
	free(m.row_key);
	return rc;
}
