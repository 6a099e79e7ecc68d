#include "framework.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "csvio.h"
#include "embedded.h"
#include "fileid.h"

/* A table being read, with the names used in its messages. */
struct source_table {
	struct csvio_table table;
	char name[512]; /* "origin/criteria.csv" */
};

static int open_table(struct source_table *st, const struct framework_file *files,
		      size_t count, const char *origin, const char *file,
		      const char *const *required, size_t max_rows, struct tri_error *err)
{
	snprintf(st->name, sizeof st->name, "%s/%s", origin, file);
	const struct framework_file *found = NULL;
	for (size_t i = 0; i < count; i++)
		if (strcmp(files[i].name, file) == 0)
			found = &files[i];
	if (!found) {
		st->table = (struct csvio_table){0};
		tri_error_set(err, "%s: missing; a framework needs framework.csv, "
			      "levels.csv, categories.csv, sections.csv, criteria.csv "
			      "and glossary.csv", st->name);
		return -1;
	}
	/* A table beyond its bound is refused as soon as the parse passes it. */
	if (csvio_table_parse_limited(&st->table, st->name, found->data, found->size,
				      max_rows, err) != 0)
		return -1;
	for (const char *const *col = required; *col; col++) {
		if (csvio_table_column(&st->table, *col) < 0) {
			tri_error_set(err, "%s:%zu: no column \"%s\"; expected a header "
				      "naming it", st->name, st->table.header_line, *col);
			return -1;
		}
	}
	return 0;
}

static const char *field(const struct source_table *st, size_t row, const char *column)
{
	return csvio_row_field(&st->table.rows[row], csvio_table_column(&st->table, column));
}

/* A whole number from 0 to max (blanks around it allowed). */
static int parse_bounded(const char *text, int max, int *out)
{
	while (isspace((unsigned char)*text))
		text++;
	if (!isdigit((unsigned char)*text))
		return -1;
	errno = 0;
	char *end;
	long v = strtol(text, &end, 10);
	while (isspace((unsigned char)*end))
		end++;
	if (errno || *end || v > max)
		return -1;
	*out = (int)v;
	return 0;
}


/* Copy a required text field; an empty one is an error naming the line. */
static int take_text(char **out, const struct source_table *st, size_t row,
		     const char *column, bool required, struct tri_error *err)
{
	*out = csvio_trimmed(field(st, row, column));
	if (!*out) {
		tri_error_set(err, "%s: out of memory", st->name);
		return -1;
	}
	if (required && **out == '\0') {
		tri_error_set(err, "%s:%zu: field \"%s\" is empty; expected text",
			      st->name, st->table.rows[row].line, column);
		return -1;
	}
	return 0;
}

static int load_identity(struct framework *fw, struct source_table *st,
			 struct tri_error *err)
{
	for (size_t r = 0; r < st->table.row_count; r++) {
		const char *key = field(st, r, "key");
		char **slot = strcmp(key, "id") == 0 ? &fw->id
			    : strcmp(key, "version") == 0 ? &fw->version
			    : strcmp(key, "title") == 0 ? &fw->title
			    : strcmp(key, "publisher") == 0 ? &fw->publisher
			    : strcmp(key, "source") == 0 ? &fw->source : NULL;
		if (!slot)
			continue; /* later versions may add keys */
		if (*slot) {
			tri_error_set(err, "%s:%zu: key \"%s\" given twice; expected once",
				      st->name, st->table.rows[r].line, key);
			return -1;
		}
		if (take_text(slot, st, r, "value", true, err) != 0)
			return -1;
	}
	const char *need[] = { "id", "version" };
	const char *const have[] = { fw->id, fw->version };
	for (size_t i = 0; i < 2; i++) {
		if (!have[i]) {
			tri_error_set(err, "%s: no \"%s\" row; expected key,value rows for "
				      "id and version", st->name, need[i]);
			return -1;
		}
	}
	char **optional[] = { &fw->title, &fw->publisher, &fw->source };
	for (size_t i = 0; i < 3; i++)
		if (!*optional[i] && !(*optional[i] = strdup(""))) {
			tri_error_set(err, "%s: out of memory", st->name);
			return -1;
		}
	return 0;
}

/* Names a level may not take: they head other columns where level names
 * head columns (criteria.csv; criteria --csv and benchmark --csv), or are
 * what a history line says for no level. */
static const char *const reserved_level_names[] = {
	"criterion_id", "category", "section", "footnote", "title", "count", "min", "q1",
	"median", "q3", "max", "highlight_score", "highlight_level", "highlight_percentile",
	"incomplete", "left_out", "unanswered",
};

/* A level's name is a machine word: a-z, 0-9 and '_', a letter first. */
static bool level_name_valid(const char *name)
{
	size_t n = strlen(name);
	if (n == 0 || n > FRAMEWORK_MAX_LEVEL_NAME || name[0] < 'a' || name[0] > 'z')
		return false;
	for (size_t i = 0; i < n; i++)
		if (!((name[i] >= 'a' && name[i] <= 'z') || (name[i] >= '0' && name[i] <= '9') ||
		      name[i] == '_'))
			return false;
	return true;
}

/* "Developing", "Not met": the name with a capital, '_' as spaces. */
static char *level_word(const char *name)
{
	char *word = strdup(name);
	for (char *p = word; p && *p; p++)
		if (*p == '_')
			*p = ' ';
	if (word && word[0])
		word[0] = (char)(word[0] - 'a' + 'A');
	return word;
}

/* Row r's name: well formed, not reserved, not given before. */
static int level_name_check(const struct framework *fw, const struct source_table *st,
			    size_t r, const char *name, struct tri_error *err)
{
	size_t line = st->table.rows[r].line;
	if (!level_name_valid(name)) {
		tri_error_set(err, "%s:%zu: field \"level\" is \"%s\"; expected a name of "
			      "lowercase letters a-z, digits and '_', a letter first, at most "
			      "%d bytes", st->name, line, name, FRAMEWORK_MAX_LEVEL_NAME);
		return -1;
	}
	for (size_t i = 0; i < sizeof reserved_level_names / sizeof reserved_level_names[0]; i++) {
		if (strcmp(name, reserved_level_names[i]) == 0) {
			tri_error_set(err, "%s:%zu: field \"level\" is \"%s\"; expected a name "
				      "that is not also a column's (criterion_id, category, "
				      "section, title, count, max, ...) or \"unanswered\"",
				      st->name, line, name);
			return -1;
		}
	}
	for (size_t l = 0; l < r; l++) {
		if (strcmp(fw->levels[l].name, name) == 0) {
			tri_error_set(err, "%s:%zu: level \"%s\" given twice; expected once",
				      st->name, line, name);
			return -1;
		}
	}
	return 0;
}

/* The levels in the file's order: the first is none, each later one scores
 * more.  Whether there is one above none is checked with categories.csv,
 * which names the levels it gives ranges for. */
static int load_levels(struct framework *fw, struct source_table *st,
		       struct tri_error *err)
{
	if (st->table.row_count == 0) {
		tri_error_set(err, "%s: no levels; expected a row for none, then one for each "
			      "level above it", st->name);
		return -1;
	}
	for (size_t r = 0; r < st->table.row_count; r++) {
		struct framework_level *level = &fw->levels[r];
		size_t line = st->table.rows[r].line;
		fw->level_count = r + 1; /* its texts are freed with the framework */
		if (take_text(&level->name, st, r, "level", true, err) != 0 ||
		    level_name_check(fw, st, r, level->name, err) != 0)
			return -1;
		if (parse_bounded(field(st, r, "points"), FRAMEWORK_MAX_POINTS,
				  &level->points) != 0) {
			tri_error_set(err, "%s:%zu: field \"points\" is \"%s\"; expected a "
				      "whole number of points from 0 to %d", st->name, line,
				      field(st, r, "points"), FRAMEWORK_MAX_POINTS);
			return -1;
		}
		if (take_text(&level->title, st, r, "name", true, err) != 0 ||
		    take_text(&level->descriptor, st, r, "descriptor", false, err) != 0)
			return -1;
		if (!(level->word = level_word(level->name))) {
			tri_error_set(err, "%s: out of memory", st->name);
			return -1;
		}
		if (r > 0 && level->points <= fw->levels[r - 1].points) {
			tri_error_set(err, "%s: %s scores %d points, not more than %s (%d); "
				      "expected points to rise with each level", st->name,
				      level->name, level->points, fw->levels[r - 1].name,
				      fw->levels[r - 1].points);
			return -1;
		}
	}
	return 0;
}

/* levels.csv's name beside table st's ("origin/levels.csv"). */
static void levels_file_name(const struct source_table *st, char *out, size_t size)
{
	const char *slash = strrchr(st->name, '/');
	int dir = slash ? (int)(slash - st->name) : 0;
	snprintf(out, size, "%.*s%slevels.csv", dir, st->name, slash ? "/" : "");
}

/* Every NAME_from and NAME_to column of categories.csv belongs to a level
 * above none (a range for a level levels.csv lacks is a level missing
 * there), and every level above none has both. */
static int check_range_columns(const struct framework *fw, const struct source_table *st,
			       struct tri_error *err)
{
	char levels_file[600];
	levels_file_name(st, levels_file, sizeof levels_file);
	for (size_t c = 0; c < st->table.column_count; c++) {
		const char *column = st->table.header[c];
		size_t n = strlen(column);
		size_t stem = n > 5 && strcasecmp(column + n - 5, "_from") == 0 ? n - 5
			    : n > 3 && strcasecmp(column + n - 3, "_to") == 0 ? n - 3 : 0;
		bool known = stem == 0;
		for (size_t l = 1; l < fw->level_count && !known; l++)
			known = strlen(fw->levels[l].name) == stem &&
				strncasecmp(column, fw->levels[l].name, stem) == 0;
		if (!known) {
			tri_error_set(err, "%s: no row for level \"%.*s\"; expected a row for "
				      "each level %s gives ranges for (column \"%s\")",
				      levels_file, (int)stem, column, st->name, column);
			return -1;
		}
	}
	if (fw->level_count < 2) {
		tri_error_set(err, "%s: only the level %s; expected it and at least one level "
			      "above it", levels_file, fw->levels[0].name);
		return -1;
	}
	for (size_t l = 1; l < fw->level_count; l++) {
		for (int end = 0; end < 2; end++) {
			char column[FRAMEWORK_MAX_LEVEL_NAME + 8];
			snprintf(column, sizeof column, "%s_%s", fw->levels[l].name,
				 end ? "to" : "from");
			if (csvio_table_column(&st->table, column) < 0) {
				tri_error_set(err, "%s:%zu: no column \"%s\"; expected a header "
					      "naming it", st->name, st->table.header_line, column);
				return -1;
			}
		}
	}
	return 0;
}

/* Category row r's published range for each level above none. */
static int load_ranges(const struct framework *fw, struct framework_category *cat,
		       const struct source_table *st, size_t r, struct tri_error *err)
{
	size_t line = st->table.rows[r].line;
	for (size_t l = 1; l < fw->level_count; l++) {
		struct framework_range *range = &cat->published[l];
		for (int end = 0; end < 2; end++) {
			char col[FRAMEWORK_MAX_LEVEL_NAME + 8];
			snprintf(col, sizeof col, "%s_%s", fw->levels[l].name, end ? "to" : "from");
			int *slot = end ? &range->to : &range->from;
			if (parse_bounded(field(st, r, col), FRAMEWORK_MAX_SCORE, slot) != 0) {
				tri_error_set(err, "%s:%zu: field \"%s\" is \"%s\"; expected a "
					      "whole number from 0 to %d", st->name, line, col,
					      field(st, r, col), FRAMEWORK_MAX_SCORE);
				return -1;
			}
		}
		if (range->from > range->to) {
			tri_error_set(err, "%s:%zu: %s range %d-%d runs backwards; expected "
				      "from <= to", st->name, line, fw->levels[l].name,
				      range->from, range->to);
			return -1;
		}
	}
	return 0;
}

static int load_categories(struct framework *fw, struct source_table *st,
			   struct tri_error *err)
{
	size_t n = st->table.row_count;
	if (check_range_columns(fw, st, err) != 0)
		return -1;
	if (n == 0) {
		tri_error_set(err, "%s: no categories; expected at least one row", st->name);
		return -1;
	}
	fw->categories = calloc(n, sizeof *fw->categories);
	if (!fw->categories) {
		tri_error_set(err, "%s: out of memory", st->name);
		return -1;
	}
	fw->category_count = n;
	for (size_t r = 0; r < n; r++) {
		struct framework_category *cat = &fw->categories[r];
		size_t line = st->table.rows[r].line;
		if (take_text(&cat->id, st, r, "category", true, err) != 0 ||
		    take_text(&cat->title, st, r, "title", true, err) != 0 ||
		    take_text(&cat->description, st, r, "description", false, err) != 0)
			return -1;
		for (size_t i = 0; cat->id[i]; i++) {
			if (!isalnum((unsigned char)cat->id[i])) {
				tri_error_set(err, "%s:%zu: field \"category\" is \"%s\"; "
					      "expected letters and digits only", st->name,
					      line, cat->id);
				return -1;
			}
		}
		for (size_t p = 0; p < r; p++) {
			if (strcmp(fw->categories[p].id, cat->id) == 0) {
				tri_error_set(err, "%s:%zu: category \"%s\" given twice; "
					      "expected each once", st->name, line, cat->id);
				return -1;
			}
		}
		if (load_ranges(fw, cat, st, r, err) != 0)
			return -1;
	}
	return 0;
}

static int load_sections(struct framework *fw, struct source_table *st,
			 struct tri_error *err)
{
	size_t n = st->table.row_count;
	fw->sections = calloc(n ? n : 1, sizeof *fw->sections);
	if (!fw->sections) {
		tri_error_set(err, "%s: out of memory", st->name);
		return -1;
	}
	fw->section_count = n;
	for (size_t r = 0; r < n; r++) {
		struct framework_section *sec = &fw->sections[r];
		size_t line = st->table.rows[r].line;
		char *category = NULL;
		if (take_text(&sec->id, st, r, "section", true, err) != 0 ||
		    take_text(&sec->title, st, r, "title", true, err) != 0 ||
		    take_text(&category, st, r, "category", true, err) != 0) {
			free(category);
			return -1;
		}
		long c = framework_find_category(fw, category);
		if (c < 0) {
			tri_error_set(err, "%s:%zu: field \"category\" is \"%s\"; expected "
				      "a category of categories.csv", st->name, line, category);
			free(category);
			return -1;
		}
		size_t cat_len = strlen(category);
		free(category);
		if (strncmp(sec->id, fw->categories[c].id, cat_len) != 0 ||
		    !isalpha((unsigned char)sec->id[cat_len]) || sec->id[cat_len + 1]) {
			tri_error_set(err, "%s:%zu: section \"%s\"; expected the category "
				      "id followed by one letter, as in \"%sa\"", st->name,
				      line, sec->id, fw->categories[c].id);
			return -1;
		}
		for (size_t p = 0; p < r; p++) {
			if (strcmp(fw->sections[p].id, sec->id) == 0) {
				tri_error_set(err, "%s:%zu: section \"%s\" given twice; "
					      "expected each once", st->name, line, sec->id);
				return -1;
			}
		}
		if (r > 0 && fw->sections[r - 1].category > (size_t)c) {
			tri_error_set(err, "%s:%zu: section \"%s\" comes after a section of "
				      "a later category; expected the order of "
				      "categories.csv", st->name, line, sec->id);
			return -1;
		}
		sec->category = (size_t)c;
	}
	return 0;
}

static long find_section(const struct framework *fw, const char *id)
{
	for (size_t i = 0; i < fw->section_count; i++)
		if (strcmp(fw->sections[i].id, id) == 0)
			return (long)i;
	return -1;
}

/* Row r's category and section (a category with sections needs one). */
static int criterion_place(struct framework *fw, struct framework_criterion *crit,
			   const struct source_table *st, size_t r, struct tri_error *err)
{
	size_t line = st->table.rows[r].line;
	const char *cat_id = field(st, r, "category");
	long c = framework_find_category(fw, cat_id);
	if (c < 0) {
		tri_error_set(err, "%s:%zu: field \"category\" is \"%s\"; expected "
			      "a category of categories.csv", st->name, line, cat_id);
		return -1;
	}
	crit->category = (size_t)c;
	const struct framework_category *cat = &fw->categories[c];
	const char *sec_id = field(st, r, "section");
	crit->section = FRAMEWORK_NO_SECTION;
	if (sec_id[0]) {
		long s = find_section(fw, sec_id);
		if (s < 0 || fw->sections[s].category != (size_t)c) {
			tri_error_set(err, "%s:%zu: field \"section\" is \"%s\"; "
				      "expected a section of category %s in "
				      "sections.csv", st->name, line, sec_id, cat->id);
			return -1;
		}
		crit->section = (size_t)s;
	}
	bool category_has_sections = false;
	for (size_t s = 0; s < fw->section_count; s++)
		category_has_sections |= fw->sections[s].category == (size_t)c;
	if (category_has_sections && crit->section == FRAMEWORK_NO_SECTION) {
		tri_error_set(err, "%s:%zu: field \"section\" is empty; expected one "
			      "of category %s's sections", st->name, line, cat->id);
		return -1;
	}
	return 0;
}

/* Row r comes in document order, and its id numbers it: *number counts
 * the rows of the previous row's group (category and section). */
static int criterion_order(const struct framework *fw, const struct framework_criterion *crit,
			   const struct source_table *st, size_t r, size_t *number,
			   struct tri_error *err)
{
	size_t line = st->table.rows[r].line;
	const struct framework_criterion *prev = r > 0 ? crit - 1 : NULL;
	/* Rows come grouped, in the order of categories and sections. */
	bool same_group = prev && crit->category == prev->category &&
			  crit->section == prev->section;
	bool later_group = !prev || crit->category > prev->category ||
			   (crit->category == prev->category && crit->section != FRAMEWORK_NO_SECTION &&
			    (prev->section == FRAMEWORK_NO_SECTION || crit->section > prev->section));
	if (!same_group && !later_group) {
		tri_error_set(err, "%s:%zu: criterion \"%s\" is out of order; "
			      "expected rows grouped by category and section, in "
			      "the order of categories.csv and sections.csv",
			      st->name, line, crit->id);
		return -1;
	}
	*number = same_group ? *number + 1 : 1;
	char expected[64];
	snprintf(expected, sizeof expected, "%s.%zu",
		 crit->section == FRAMEWORK_NO_SECTION ? fw->categories[crit->category].id
			 : fw->sections[crit->section].id, *number);
	if (strcmp(crit->id, expected) != 0) {
		tri_error_set(err, "%s:%zu: field \"criterion_id\" is \"%s\"; "
			      "expected \"%s\" (ids number the rows of each "
			      "category or section from 1, in order)", st->name,
			      line, crit->id, expected);
		return -1;
	}
	return 0;
}

/* Row r's cells, one column per level above none, at least one given. */
static int criterion_cells(const struct framework *fw, struct framework_criterion *crit,
			   const struct source_table *st, size_t r, struct tri_error *err)
{
	bool any = false;
	for (size_t l = 1; l < fw->level_count; l++) {
		char *cell;
		if (take_text(&cell, st, r, fw->levels[l].name, false, err) != 0)
			return -1;
		if (cell[0] == '\0') {
			free(cell);
			cell = NULL;
		}
		crit->cell[l] = cell;
		any |= cell != NULL;
	}
	if (!any) {
		char names[FRAMEWORK_MAX_LEVELS * (FRAMEWORK_MAX_LEVEL_NAME + 2)];
		tri_error_set(err, "%s:%zu: criterion \"%s\" has no cell; expected "
			      "text in at least one of %s", st->name, st->table.rows[r].line,
			      crit->id, framework_level_names(fw, 1, names, sizeof names));
		return -1;
	}
	return 0;
}

/* Each category and section: where its rows start, how many; each has
 * at least one. */
static int count_rows(struct framework *fw, const struct source_table *st,
		      struct tri_error *err)
{
	for (size_t i = 0; i < fw->category_count; i++)
		fw->categories[i].first_criterion = SIZE_MAX;
	for (size_t i = 0; i < fw->section_count; i++)
		fw->sections[i].first_criterion = SIZE_MAX;
	for (size_t r = 0; r < fw->criterion_count; r++) {
		struct framework_category *cat = &fw->categories[fw->criteria[r].category];
		if (cat->first_criterion == SIZE_MAX)
			cat->first_criterion = r;
		cat->criterion_count++;
		if (fw->criteria[r].section != FRAMEWORK_NO_SECTION) {
			struct framework_section *sec = &fw->sections[fw->criteria[r].section];
			if (sec->first_criterion == SIZE_MAX)
				sec->first_criterion = r;
			sec->criterion_count++;
		}
	}
	for (size_t i = 0; i < fw->category_count; i++) {
		if (fw->categories[i].criterion_count == 0) {
			tri_error_set(err, "%s: category \"%s\" has no criteria; expected at "
				      "least one row", st->name, fw->categories[i].id);
			return -1;
		}
	}
	for (size_t i = 0; i < fw->section_count; i++) {
		struct framework_section *sec = &fw->sections[i];
		if (sec->criterion_count == 0) {
			tri_error_set(err, "%s: section \"%s\" has no criteria; expected at "
				      "least one row", st->name, sec->id);
			return -1;
		}
		struct framework_category *cat = &fw->categories[sec->category];
		if (cat->section_count == 0)
			cat->first_section = i;
		cat->section_count++;
	}
	return 0;
}

static int load_criteria(struct framework *fw, struct source_table *st,
			 struct tri_error *err)
{
	for (size_t l = 1; l < fw->level_count; l++) {
		if (csvio_table_column(&st->table, fw->levels[l].name) < 0) {
			tri_error_set(err, "%s:%zu: no column \"%s\"; expected a header naming "
				      "it (a column for each level above %s)", st->name,
				      st->table.header_line, fw->levels[l].name, fw->levels[0].name);
			return -1;
		}
	}
	size_t n = st->table.row_count;
	fw->criteria = calloc(n ? n : 1, sizeof *fw->criteria);
	if (!fw->criteria) {
		tri_error_set(err, "%s: out of memory", st->name);
		return -1;
	}
	fw->criterion_count = n;
	size_t number = 0; /* of the row in its category or section */
	for (size_t r = 0; r < n; r++) {
		struct framework_criterion *crit = &fw->criteria[r];
		if (take_text(&crit->id, st, r, "criterion_id", true, err) != 0 ||
		    criterion_place(fw, crit, st, r, err) != 0 ||
		    criterion_order(fw, crit, st, r, &number, err) != 0 ||
		    criterion_cells(fw, crit, st, r, err) != 0)
			return -1;
	}
	return count_rows(fw, st, err);
}

static int load_glossary(struct framework *fw, struct source_table *st,
			 struct tri_error *err)
{
	size_t n = st->table.row_count;
	fw->glossary = calloc(n ? n : 1, sizeof *fw->glossary);
	if (!fw->glossary) {
		tri_error_set(err, "%s: out of memory", st->name);
		return -1;
	}
	fw->term_count = n;
	for (size_t r = 0; r < n; r++)
		if (take_text(&fw->glossary[r].term, st, r, "term", true, err) != 0 ||
		    take_text(&fw->glossary[r].definition, st, r, "definition", false, err) != 0)
			return -1;
	return 0;
}

/* ---- The introduction (about.csv) and the footnotes (footnotes.csv) ---- */

static const struct framework_file *find_file(const struct framework_file *files,
					      size_t count, const char *name)
{
	for (size_t i = 0; i < count; i++)
		if (strcmp(files[i].name, name) == 0)
			return &files[i];
	return NULL;
}

/* Section ids are short names a footnote can point at ("about:duty"). */
static bool about_id_valid(const char *id)
{
	for (const char *p = id; *p; p++)
		if (!isalnum((unsigned char)*p) && *p != '-' && *p != '_')
			return false;
	return true;
}

/* Row r begins or continues a section: ids are well formed, a section's
 * rows come together, and its heading is given once or repeated exactly. */
static int about_section(struct framework *fw, const struct source_table *st, size_t r,
			 struct tri_error *err)
{
	struct framework_paragraph *p = &fw->about[r];
	size_t line = st->table.rows[r].line;
	if (!about_id_valid(p->section)) {
		tri_error_set(err, "%s:%zu: field \"section\" is \"%s\"; expected letters, "
			      "digits, '-' or '_'", st->name, line, p->section);
		return -1;
	}
	size_t first = r;
	while (first > 0 && strcmp(fw->about[first - 1].section, p->section) == 0)
		first--;
	for (size_t q = 0; first == r && q < r; q++) {
		if (strcmp(fw->about[q].section, p->section) == 0) {
			tri_error_set(err, "%s:%zu: section \"%s\" resumes after section \"%s\"; "
				      "expected each section's rows together", st->name, line,
				      p->section, fw->about[r - 1].section);
			return -1;
		}
	}
	if (first == r) {
		if (p->heading[0] == '\0') {
			tri_error_set(err, "%s:%zu: field \"heading\" is empty; expected the "
				      "heading of section \"%s\" on its first row", st->name,
				      line, p->section);
			return -1;
		}
		return 0;
	}
	const char *heading = fw->about[first].heading;
	if (p->heading[0] == '\0') {
		char *copy = strdup(heading);
		if (!copy) {
			tri_error_set(err, "%s: out of memory", st->name);
			return -1;
		}
		free(p->heading);
		p->heading = copy;
	} else if (strcmp(p->heading, heading) != 0) {
		tri_error_set(err, "%s:%zu: field \"heading\" is \"%s\"; expected \"%s\" "
			      "(section \"%s\", line %zu) or empty", st->name, line, p->heading,
			      heading, p->section, st->table.rows[first].line);
		return -1;
	}
	return 0;
}

/* Row r holds either its own text or an insert, never both or neither. */
static int about_insert(struct framework_paragraph *p, const struct source_table *st,
			size_t r, struct tri_error *err)
{
	size_t line = st->table.rows[r].line;
	char *insert = csvio_trimmed(field(st, r, "insert"));
	if (!insert) {
		tri_error_set(err, "%s: out of memory", st->name);
		return -1;
	}
	int rc = -1;
	if (insert[0] == '\0')
		p->insert = FRAMEWORK_INSERT_NONE;
	else if (strcasecmp(insert, "levels") == 0)
		p->insert = FRAMEWORK_INSERT_LEVELS;
	else if (strcasecmp(insert, "points") == 0)
		p->insert = FRAMEWORK_INSERT_POINTS;
	else {
		tri_error_set(err, "%s:%zu: field \"insert\" is \"%s\"; expected levels, "
			      "points or empty", st->name, line, insert);
		goto done;
	}
	if (p->insert == FRAMEWORK_INSERT_NONE && p->text[0] == '\0') {
		tri_error_set(err, "%s:%zu: field \"text\" is empty; expected the paragraph's "
			      "text, or an insert", st->name, line);
		goto done;
	}
	if (p->insert != FRAMEWORK_INSERT_NONE && p->text[0] != '\0') {
		tri_error_set(err, "%s:%zu: field \"text\" holds text and field \"insert\" is "
			      "\"%s\"; expected one of them", st->name, line, insert);
		goto done;
	}
	rc = 0;
done:
	free(insert);
	return rc;
}

static int load_about(struct framework *fw, struct source_table *st, struct tri_error *err)
{
	size_t n = st->table.row_count;
	fw->about = calloc(n ? n : 1, sizeof *fw->about);
	if (!fw->about) {
		tri_error_set(err, "%s: out of memory", st->name);
		return -1;
	}
	fw->about_count = n;
	for (size_t r = 0; r < n; r++) {
		struct framework_paragraph *p = &fw->about[r];
		if (take_text(&p->section, st, r, "section", true, err) != 0 ||
		    take_text(&p->heading, st, r, "heading", false, err) != 0 ||
		    take_text(&p->text, st, r, "text", false, err) != 0 ||
		    about_section(fw, st, r, err) != 0 || about_insert(p, st, r, err) != 0)
			return -1;
	}
	return 0;
}

/* The level a footnote names: empty is LEVEL_NONE ("no level"). */
static int note_level(const struct framework *fw, const struct source_table *st, size_t r,
		      enum level *level, struct tri_error *err)
{
	const char *text = field(st, r, "level");
	if (!framework_level_parse(fw, text, level) || *level == LEVEL_NONE) {
		char names[FRAMEWORK_MAX_LEVELS * (FRAMEWORK_MAX_LEVEL_NAME + 2)];
		tri_error_set(err, "%s:%zu: field \"level\" is \"%s\"; expected %s or empty",
			      st->name, st->table.rows[r].line, text,
			      framework_level_names(fw, 1, names, sizeof names));
		return -1;
	}
	if (*level == LEVEL_UNANSWERED)
		*level = LEVEL_NONE;
	return 0;
}

static long find_about_section(const struct framework *fw, const char *id)
{
	for (size_t i = 0; i < fw->about_count; i++)
		if (strcmp(fw->about[i].section, id) == 0)
			return (long)i;
	return -1;
}

/* Criteria are not indexed by id yet while the optional files load. */
static long find_criterion_in_order(const struct framework *fw, const char *id)
{
	for (size_t i = 0; i < fw->criterion_count; i++)
		if (strcmp(fw->criteria[i].id, id) == 0)
			return (long)i;
	return -1;
}

/* Attach note to the place its target names; the level must suit it. */
static int note_place(const struct framework *fw, struct framework_footnote *note,
		      const char *target, const struct source_table *st, size_t r,
		      struct tri_error *err)
{
	size_t line = st->table.rows[r].line;
	long i;
	bool wants_level = false, allows_level = false;
	if (strncmp(target, "about:", 6) == 0 && (i = find_about_section(fw, target + 6)) >= 0) {
		note->place = FRAMEWORK_NOTE_ABOUT;
	} else if (strcmp(target, "levels") == 0) {
		note->place = FRAMEWORK_NOTE_LEVEL;
		i = 0;
		wants_level = allows_level = true;
	} else if ((i = find_criterion_in_order(fw, target)) >= 0) {
		note->place = FRAMEWORK_NOTE_CRITERION;
		allows_level = true;
	} else if ((i = find_section(fw, target)) >= 0) {
		note->place = FRAMEWORK_NOTE_SECTION;
	} else if ((i = framework_find_category(fw, target)) >= 0) {
		note->place = FRAMEWORK_NOTE_CATEGORY;
	} else {
		tri_error_set(err, "%s:%zu: field \"target\" is \"%s\"; expected a criterion "
			      "(1.2), a section (2a), a category (1), levels, or about: and a "
			      "section of about.csv", st->name, line, target);
		return -1;
	}
	note->index = (size_t)i;
	if (note->level != LEVEL_NONE && !allows_level) {
		tri_error_set(err, "%s:%zu: field \"level\" is \"%s\"; expected it empty for "
			      "target \"%s\" (levels name cells of a criterion, or "
			      "descriptors with target levels)", st->name, line,
			      framework_level_name(fw, note->level), target);
		return -1;
	}
	if (wants_level && note->level == LEVEL_NONE) {
		tri_error_set(err, "%s:%zu: field \"level\" is empty; expected the level whose "
			      "descriptor the note marks", st->name, line);
		return -1;
	}
	if (note->place == FRAMEWORK_NOTE_CRITERION && note->level != LEVEL_NONE &&
	    !fw->criteria[i].cell[note->level]) {
		tri_error_set(err, "%s:%zu: criterion \"%s\" has no %s cell; expected a level "
			      "it has a cell for, or empty for the whole row", st->name, line,
			      target, framework_level_name(fw, note->level));
		return -1;
	}
	return 0;
}

static int load_footnotes(struct framework *fw, struct source_table *st,
			  struct tri_error *err)
{
	size_t n = st->table.row_count;
	fw->footnotes = calloc(n ? n : 1, sizeof *fw->footnotes);
	if (!fw->footnotes) {
		tri_error_set(err, "%s: out of memory", st->name);
		return -1;
	}
	fw->footnote_count = n;
	for (size_t r = 0; r < n; r++) {
		struct framework_footnote *note = &fw->footnotes[r];
		char *target = NULL;
		int rc = take_text(&note->marker, st, r, "marker", true, err);
		if (rc == 0)
			rc = take_text(&note->text, st, r, "text", true, err);
		if (rc == 0)
			rc = take_text(&target, st, r, "target", true, err);
		if (rc == 0)
			rc = note_level(fw, st, r, &note->level, err);
		if (rc == 0)
			rc = note_place(fw, note, target, st, r, err);
		free(target);
		if (rc != 0)
			return -1;
		for (size_t p = 0; p < r; p++) {
			if (strcmp(fw->footnotes[p].marker, note->marker) == 0) {
				tri_error_set(err, "%s:%zu: marker \"%s\" given twice (line %zu); "
					      "expected each once", st->name,
					      st->table.rows[r].line, note->marker,
					      st->table.rows[p].line);
				return -1;
			}
		}
	}
	return 0;
}

/* Append a note read from an old `footnote` column; takes text. */
static int add_old_note(struct framework *fw, enum framework_note_place place, size_t index,
			char *text, const struct source_table *st, struct tri_error *err)
{
	char *marker = strdup("");
	struct framework_footnote *grown =
		realloc(fw->footnotes, (fw->footnote_count + 1) * sizeof *grown);
	if (grown)
		fw->footnotes = grown;
	if (!marker || !grown) {
		free(marker);
		free(text);
		tri_error_set(err, "%s: out of memory", st->name);
		return -1;
	}
	fw->footnotes[fw->footnote_count++] = (struct framework_footnote){
		.marker = marker, .place = place, .index = index, .level = LEVEL_NONE,
		.text = text,
	};
	return 0;
}

/* The format before footnotes.csv: a `footnote` column in sections.csv and
 * criteria.csv, one note per row without a marker.  Read only when
 * footnotes.csv is absent; beside it, text there is refused, so a note never
 * has two places to be edited. */
static int load_old_footnotes(struct framework *fw, const struct framework_file *files,
			      size_t count, const char *origin, struct tri_error *err)
{
	static const struct {
		const char *file;
		enum framework_note_place place;
		size_t max_rows;
	} olds[] = {
		{ "sections.csv", FRAMEWORK_NOTE_SECTION, FRAMEWORK_MAX_SECTIONS },
		{ "criteria.csv", FRAMEWORK_NOTE_CRITERION, FRAMEWORK_MAX_CRITERIA },
	};
	static const char *const no_columns[] = { NULL };
	bool have_file = find_file(files, count, "footnotes.csv") != NULL;
	for (size_t o = 0; o < sizeof olds / sizeof olds[0]; o++) {
		struct source_table st = {0};
		int rc = open_table(&st, files, count, origin, olds[o].file, no_columns,
				    olds[o].max_rows, err);
		for (size_t r = 0; rc == 0 && r < st.table.row_count; r++) {
			const char *text = field(&st, r, "footnote");
			char *trimmed = csvio_trimmed(text);
			if (!trimmed) {
				tri_error_set(err, "%s: out of memory", st.name);
				rc = -1;
			} else if (trimmed[0] != '\0' && have_file) {
				tri_error_set(err, "%s:%zu: field \"footnote\" holds text and "
					      "footnotes.csv is present; expected footnotes in "
					      "footnotes.csv only", st.name, st.table.rows[r].line);
				rc = -1;
			} else if (trimmed[0] != '\0') {
				rc = add_old_note(fw, olds[o].place, r, trimmed, &st, err);
				trimmed = NULL; /* owned by the note (or freed there) */
			}
			free(trimmed);
		}
		csvio_table_finish(&st.table);
		if (rc != 0)
			return -1;
	}
	return 0;
}

static const struct framework *sort_context;

static int compare_ids(const void *a, const void *b)
{
	return strcmp(sort_context->criteria[*(const size_t *)a].id,
		      sort_context->criteria[*(const size_t *)b].id);
}

static int index_criteria(struct framework *fw, struct tri_error *err)
{
	fw->criteria_by_id = malloc((fw->criterion_count + 1) * sizeof *fw->criteria_by_id);
	if (!fw->criteria_by_id) {
		tri_error_set(err, "out of memory");
		return -1;
	}
	for (size_t i = 0; i < fw->criterion_count; i++)
		fw->criteria_by_id[i] = i;
	sort_context = fw; /* loading happens on one thread */
	qsort(fw->criteria_by_id, fw->criterion_count, sizeof *fw->criteria_by_id, compare_ids);
	sort_context = NULL;
	return 0;
}

struct framework *framework_load_files(const struct framework_file *files,
				       size_t count, const char *origin,
				       struct tri_error *err)
{
	static const char *const identity_cols[] = { "key", "value", NULL };
	static const char *const level_cols[] = { "level", "points", "name", "descriptor", NULL };
	/* and a column per level: NAME_from and NAME_to, NAME */
	static const char *const category_cols[] = { "category", "title", "description", NULL };
	static const char *const section_cols[] = { "section", "category", "title", NULL };
	static const char *const criterion_cols[] = { "criterion_id", "category", "section", NULL };
	static const char *const term_cols[] = { "term", "definition", NULL };
	static const char *const about_cols[] = { "section", "heading", "text", NULL };
	static const char *const note_cols[] = { "marker", "target", "level", "text", NULL };
	static const struct step {
		const char *file;
		const char *const *columns;
		size_t max_rows;
		int (*load)(struct framework *, struct source_table *, struct tri_error *);
		bool optional;
	} steps[] = {
		{ "framework.csv", identity_cols, FRAMEWORK_MAX_KEYS, load_identity, false },
		{ "levels.csv", level_cols, FRAMEWORK_MAX_LEVELS, load_levels, false },
		{ "categories.csv", category_cols, FRAMEWORK_MAX_CATEGORIES, load_categories, false },
		{ "sections.csv", section_cols, FRAMEWORK_MAX_SECTIONS, load_sections, false },
		{ "criteria.csv", criterion_cols, FRAMEWORK_MAX_CRITERIA, load_criteria, false },
		{ "glossary.csv", term_cols, FRAMEWORK_MAX_TERMS, load_glossary, false },
		{ "about.csv", about_cols, FRAMEWORK_MAX_PARAGRAPHS, load_about, true },
		{ "footnotes.csv", note_cols, FRAMEWORK_MAX_FOOTNOTES, load_footnotes, true },
	};

	struct framework *fw = calloc(1, sizeof *fw);
	if (!fw) {
		tri_error_set(err, "out of memory");
		return NULL;
	}
	for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++) {
		if (steps[i].optional && !find_file(files, count, steps[i].file))
			continue;
		struct source_table st = {0};
		int rc = open_table(&st, files, count, origin, steps[i].file,
				    steps[i].columns, steps[i].max_rows, err);
		if (rc == 0)
			rc = steps[i].load(fw, &st, err);
		csvio_table_finish(&st.table);
		if (rc != 0)
			goto fail;
	}
	if (load_old_footnotes(fw, files, count, origin, err) != 0 ||
	    index_criteria(fw, err) != 0)
		goto fail;
	for (size_t i = 1; i < fw->criterion_count; i++) {
		size_t a = fw->criteria_by_id[i - 1], b = fw->criteria_by_id[i];
		if (strcmp(fw->criteria[a].id, fw->criteria[b].id) == 0) {
			tri_error_set(err, "%s/criteria.csv: criterion \"%s\" given twice; "
				      "expected each id once", origin, fw->criteria[a].id);
			goto fail;
		}
	}
	return fw;
fail:
	framework_destroy(fw);
	return NULL;
}

struct framework *framework_load_embedded(struct tri_error *err)
{
	return framework_load_files(embedded_framework_files, embedded_framework_file_count,
				    "(built-in)", err);
}

struct framework *framework_load_dir(const char *dir, struct tri_error *err)
{
	static const char *const names[] = {
		"framework.csv", "levels.csv", "categories.csv", "sections.csv",
		"criteria.csv", "glossary.csv", "about.csv", "footnotes.csv",
	};
	enum { N = sizeof names / sizeof names[0], REQUIRED = 6 };
	struct framework_file files[N];
	char *buffers[N] = {0};
	size_t loaded = 0;
	struct framework *fw = NULL;
	struct stat dir_st;
	if (stat(dir, &dir_st) == 0 && !S_ISDIR(dir_st.st_mode)) {
		tri_error_set(err, "%s is %s; expected a directory of framework CSV files", dir,
			      fileid_kind(dir_st.st_mode));
		return NULL;
	}
	for (size_t i = 0; i < N; i++) {
		char path[4096];
		if ((size_t)snprintf(path, sizeof path, "%s/%s", dir, names[i]) >= sizeof path) {
			tri_error_set(err, "%s: path too long", dir);
			goto cleanup;
		}
		struct stat st;
		if (i >= REQUIRED && lstat(path, &st) != 0 && errno == ENOENT)
			continue; /* optional, and absent */
		size_t size;
		if (csvio_read_file(path, &buffers[i], &size, err) != 0)
			goto cleanup;
		files[loaded++] = (struct framework_file){ names[i], buffers[i], size };
	}
	fw = framework_load_files(files, loaded, dir, err);
cleanup:
	for (size_t i = 0; i < N; i++)
		free(buffers[i]);
	return fw;
}

void framework_destroy(struct framework *fw)
{
	if (!fw)
		return;
	free(fw->id);
	free(fw->version);
	free(fw->title);
	free(fw->publisher);
	free(fw->source);
	for (size_t l = 0; l < LEVEL_MAX_COUNT; l++) {
		free(fw->levels[l].name);
		free(fw->levels[l].word);
		free(fw->levels[l].title);
		free(fw->levels[l].descriptor);
	}
	for (size_t i = 0; i < fw->category_count && fw->categories; i++) {
		free(fw->categories[i].id);
		free(fw->categories[i].title);
		free(fw->categories[i].description);
	}
	for (size_t i = 0; i < fw->section_count && fw->sections; i++) {
		free(fw->sections[i].id);
		free(fw->sections[i].title);
	}
	for (size_t i = 0; i < fw->criterion_count && fw->criteria; i++) {
		free(fw->criteria[i].id);
		for (size_t l = 0; l < LEVEL_MAX_COUNT; l++)
			free(fw->criteria[i].cell[l]);
	}
	for (size_t i = 0; i < fw->term_count && fw->glossary; i++) {
		free(fw->glossary[i].term);
		free(fw->glossary[i].definition);
	}
	for (size_t i = 0; i < fw->about_count && fw->about; i++) {
		free(fw->about[i].section);
		free(fw->about[i].heading);
		free(fw->about[i].text);
	}
	for (size_t i = 0; i < fw->footnote_count && fw->footnotes; i++) {
		free(fw->footnotes[i].marker);
		free(fw->footnotes[i].text);
	}
	free(fw->about);
	free(fw->footnotes);
	free(fw->categories);
	free(fw->sections);
	free(fw->criteria);
	free(fw->glossary);
	free(fw->criteria_by_id);
	free(fw);
}

long framework_find_criterion(const struct framework *fw, const char *id)
{
	size_t lo = 0, hi = fw->criterion_count;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		size_t index = fw->criteria_by_id[mid];
		int cmp = strcmp(id, fw->criteria[index].id);
		if (cmp == 0)
			return (long)index;
		if (cmp < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return -1;
}

long framework_find_category(const struct framework *fw, const char *id)
{
	for (size_t i = 0; i < fw->category_count; i++)
		if (fw->categories[i].id && strcmp(fw->categories[i].id, id) == 0)
			return (long)i;
	return -1;
}

int framework_points(const struct framework *fw, enum level level)
{
	if (level < LEVEL_NONE || (size_t)level >= fw->level_count)
		return 0;
	return fw->levels[level].points;
}

enum level framework_highest_level(const struct framework *fw)
{
	return (enum level)(fw->level_count - 1);
}

const char *framework_level_name(const struct framework *fw, enum level level)
{
	if (level < LEVEL_NONE || (size_t)level >= fw->level_count)
		return "";
	return fw->levels[level].name;
}

bool framework_level_parse(const struct framework *fw, const char *text, enum level *out)
{
	while (isspace((unsigned char)*text))
		text++;
	size_t len = strlen(text);
	while (len > 0 && isspace((unsigned char)text[len - 1]))
		len--;
	if (len == 0) {
		*out = LEVEL_UNANSWERED;
		return true;
	}
	for (size_t l = 0; l < fw->level_count; l++) {
		if (strlen(fw->levels[l].name) == len &&
		    strncasecmp(text, fw->levels[l].name, len) == 0) {
			*out = (enum level)l;
			return true;
		}
	}
	return false;
}

const char *framework_level_names(const struct framework *fw, enum level first,
				  char *buffer, size_t size)
{
	size_t used = 0;
	if (size == 0)
		return buffer;
	buffer[0] = '\0';
	for (size_t l = first < LEVEL_NONE ? 0 : (size_t)first; l < fw->level_count; l++) {
		if (used >= size)
			break;
		used += (size_t)snprintf(buffer + used, size - used, "%s%s",
					 used ? ", " : "", fw->levels[l].name);
	}
	return buffer;
}

int framework_has_level(const struct framework_criterion *criterion, enum level level)
{
	if (level == LEVEL_NONE || level == LEVEL_UNANSWERED)
		return 1;
	if (level < LEVEL_NONE || level > LEVEL_HIGHEST)
		return 0;
	return criterion->cell[level] != NULL;
}

enum level framework_top_level(const struct framework_criterion *criterion)
{
	for (int l = LEVEL_HIGHEST; l > LEVEL_NONE; l--)
		if (criterion->cell[l])
			return (enum level)l;
	return LEVEL_NONE;
}

size_t framework_footnotes_at(const struct framework *fw, enum framework_note_place place,
			      size_t index, enum level level,
			      const struct framework_footnote **out, size_t capacity)
{
	size_t found = 0;
	for (size_t i = 0; i < fw->footnote_count; i++) {
		const struct framework_footnote *note = &fw->footnotes[i];
		if (note->place != place || note->index != index || note->level != level)
			continue;
		if (found < capacity)
			out[found] = note;
		found++;
	}
	return found;
}
