/* Unit tests: the claims of docs/standard-notes.md, checked by computation
 * on the built-in Standard and on variants of it (criteria.csv with rows
 * moved or merged, made here from the built-in file, so they never go
 * stale). */
#define _GNU_SOURCE /* open_memstream */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "csvio.h"
#include "embedded.h"
#include "framework.h"
#include "score.h"

enum { COLUMNS = 6 }; /* criterion_id,category,section,developing,established,leading */

/* A criteria.csv row being rewritten: fields borrowed or static. */
struct row {
	const char *field[COLUMNS];
};

/* Rewrites the rows (may drop one by returning false). */
typedef bool (*edit_fn)(struct row *row, const void *arg);

static struct framework *embedded(void)
{
	struct tri_error err = {{0}};
	struct framework *fw = framework_load_embedded(&err);
	if (!fw)
		fail_msg("%s", err.message);
	return fw;
}

/* The built-in Standard with its criteria.csv passed through edit. */
static struct framework *variant(edit_fn edit, const void *arg, struct tri_error *err)
{
	struct framework_file files[16];
	size_t n = embedded_framework_file_count, crit = n;
	assert_true(n <= 16);
	for (size_t i = 0; i < n; i++) {
		files[i] = embedded_framework_files[i];
		if (strcmp(files[i].name, "criteria.csv") == 0)
			crit = i;
	}
	assert_true(crit < n);
	struct csvio_table table;
	assert_int_equal(csvio_table_parse(&table, "criteria.csv", files[crit].data,
					   files[crit].size, err), 0);
	assert_int_equal(table.column_count, COLUMNS);
	char *text = NULL;
	size_t size = 0;
	FILE *out = open_memstream(&text, &size);
	assert_non_null(out);
	assert_int_equal(csvio_write_record(out, (const char *const *)table.header, COLUMNS), 0);
	for (size_t r = 0; r < table.row_count; r++) {
		struct row row;
		for (size_t c = 0; c < COLUMNS; c++)
			row.field[c] = csvio_row_field(&table.rows[r], (long)c);
		if (edit(&row, arg))
			assert_int_equal(csvio_write_record(out, row.field, COLUMNS), 0);
	}
	assert_int_equal(fclose(out), 0);
	files[crit].data = text;
	files[crit].size = size;
	struct framework *fw = framework_load_files(files, n, "variant", err);
	csvio_table_finish(&table);
	free(text);
	return fw;
}

/* ---- R3: the placement of 4.5 and 7.7, whose column was lost ---- */

struct placement {
	const char *id;
	int column; /* 3 developing, 4 established, 5 leading, 0 left out */
};

static bool place_row(struct row *row, const void *arg)
{
	const struct placement *p = arg;
	if (strcmp(row->field[0], p->id) != 0)
		return true;
	if (p->column == 0)
		return false;
	const char *text = row->field[5]; /* the built-in file has it as Leading */
	for (int c = 3; c < COLUMNS; c++)
		row->field[c] = c == p->column ? text : "";
	return true;
}

/* Every placement of each row, with the tops the table then gives (the
 * tables in docs/standard-notes.md, R3): only Leading agrees with all three
 * published ranges. */
static void test_r3_placements(void **state)
{
	(void)state;
	static const struct {
		struct placement place;
		size_t category;
		int dev, est, max;
	} cases[] = {
		{ { "4.5", 5 }, 3, 2, 13, 15 },
		{ { "4.5", 4 }, 3, 4, 12, 14 },
		{ { "4.5", 3 }, 3, 3, 11, 13 },
		{ { "4.5", 0 }, 3, 2, 10, 12 },
		{ { "7.7", 5 }, 6, 9, 16, 21 },
		{ { "7.7", 4 }, 6, 11, 15, 20 },
		{ { "7.7", 3 }, 6, 10, 14, 19 },
		{ { "7.7", 0 }, 6, 9, 13, 18 },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct tri_error err = {{0}};
		struct framework *fw = variant(place_row, &cases[i].place, &err);
		if (!fw)
			fail_msg("case %zu: %s", i, err.message);
		struct framework_range derived[LEVEL_COUNT];
		score_derived_ranges(fw, cases[i].category, derived);
		if (derived[LEVEL_DEVELOPING].to != cases[i].dev ||
		    derived[LEVEL_ESTABLISHED].to != cases[i].est ||
		    derived[LEVEL_LEADING].to != cases[i].max)
			fail_msg("%s in column %d: %d / %d / %d; expected %d / %d / %d",
				 cases[i].place.id, cases[i].place.column,
				 derived[LEVEL_DEVELOPING].to, derived[LEVEL_ESTABLISHED].to,
				 derived[LEVEL_LEADING].to, cases[i].dev, cases[i].est, cases[i].max);
		struct score_disagreement found[16];
		size_t count = score_check_ranges(fw, found, 16);
		size_t here = 0;
		for (size_t f = 0; f < count; f++)
			here += found[f].category == cases[i].category;
		assert_int_equal(here == 0, cases[i].place.column == 5);
		framework_destroy(fw);
	}
}

/* ---- Quirks kept verbatim ---- */

/* The cells that do not end in a full stop are exactly those the notes
 * list, with the endings they list. */
static void test_cells_without_full_stop(void **state)
{
	(void)state;
	static const struct { const char *id; enum level level; const char *ends; } listed[] = {
		{ "2a.3", LEVEL_LEADING, "facilitate this/" },
		{ "2a.8", LEVEL_DEVELOPING, "of the organisation" },
		{ "3.2", LEVEL_ESTABLISHED, "and improve practice" },
		{ "3.5", LEVEL_LEADING, "available to mitigate them" },
		{ "6.9", LEVEL_LEADING, "accountable to the Chief Executive" },
	};
	enum { LISTED = sizeof listed / sizeof listed[0] };
	struct framework *fw = embedded();
	size_t found = 0;
	for (size_t i = 0; i < fw->criterion_count; i++) {
		for (int l = LEVEL_DEVELOPING; l <= LEVEL_LEADING; l++) {
			const char *cell = fw->criteria[i].cell[l];
			if (!cell || cell[strlen(cell) - 1] == '.')
				continue;
			size_t k = 0;
			while (k < LISTED && !(strcmp(listed[k].id, fw->criteria[i].id) == 0 &&
					       listed[k].level == l))
				k++;
			if (k == LISTED)
				fail_msg("%s %d has no full stop and is not listed",
					 fw->criteria[i].id, l);
			size_t len = strlen(cell), tail = strlen(listed[k].ends);
			assert_true(len >= tail);
			assert_string_equal(cell + len - tail, listed[k].ends);
			found++;
		}
	}
	assert_int_equal(found, LISTED);
	framework_destroy(fw);
}

/* Category 7 is "Community Engagement" over its table, which is what the
 * data uses, and "Community engagement" in the introduction's list. */
static void test_category_7_title(void **state)
{
	(void)state;
	struct framework *fw = embedded();
	assert_string_equal(fw->categories[6].title, "Community Engagement");
	size_t found = 0;
	for (size_t i = 0; i < fw->about_count; i++)
		found += strncmp(fw->about[i].text, "7. Community engagement: ", 25) == 0;
	assert_int_equal(found, 1);
	framework_destroy(fw);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_r3_placements),
		cmocka_unit_test(test_cells_without_full_stop),
		cmocka_unit_test(test_category_7_title),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
