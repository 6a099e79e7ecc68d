/* Unit tests: the Standard as data, and the loader's refusals. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "embedded.h"
#include "framework.h"

static struct framework *embedded(void)
{
	struct tri_error err = {{0}};
	struct framework *fw = framework_load_embedded(&err);
	if (!fw)
		fail_msg("embedded framework failed to load: %s", err.message);
	return fw;
}

static void test_shape(void **state)
{
	(void)state;
	struct framework *fw = embedded();
	assert_string_equal(fw->id, "celc-tri-standard");
	assert_string_equal(fw->version, "14");
	assert_int_equal(fw->category_count, 7);
	assert_int_equal(fw->section_count, 5);
	assert_int_equal(fw->criterion_count, 69);
	static const struct { const char *id; const char *title; size_t rows; } cats[] = {
		{ "1", "Strategic Leadership and Management", 8 },
		{ "2", "Employee Lifecycle", 28 },
		{ "3", "Data Governance", 6 },
		{ "4", "Policies and Processes", 5 },
		{ "5", "Strategies and Action Plans", 4 },
		{ "6", "Staff Networks and Trade Unions", 11 },
		{ "7", "Community Engagement", 7 },
	};
	for (size_t i = 0; i < 7; i++) {
		assert_string_equal(fw->categories[i].id, cats[i].id);
		assert_string_equal(fw->categories[i].title, cats[i].title);
		assert_int_equal(fw->categories[i].criterion_count, cats[i].rows);
	}
	static const struct { const char *id, *title; size_t rows; } secs[] = {
		{ "2a", "Recruitment", 9 }, { "2b", "Induction and Supervision", 7 },
		{ "2c", "Training and Development", 7 }, { "2d", "Retention and Reward", 2 },
		{ "2e", "Disciplinary and Grievances", 3 },
	};
	for (size_t i = 0; i < 5; i++) {
		assert_string_equal(fw->sections[i].id, secs[i].id);
		assert_string_equal(fw->sections[i].title, secs[i].title);
		assert_int_equal(fw->sections[i].criterion_count, secs[i].rows);
		assert_int_equal(fw->sections[i].category, 1);
	}
	assert_int_equal(fw->categories[1].section_count, 5);
	int points[] = { 0, 1, 2, 3 };
	for (int l = 0; l < LEVEL_COUNT; l++)
		assert_int_equal(fw->points[l], points[l]);
	assert_string_equal(fw->level_title[LEVEL_ESTABLISHED], "Established practice");
	assert_int_equal(fw->term_count, 5);
	framework_destroy(fw);
}

static void test_published_ranges(void **state)
{
	(void)state;
	struct framework *fw = embedded();
	static const int ranges[7][6] = {
		{ 0, 10, 11, 18, 19, 22 }, { 0, 36, 37, 59, 60, 75 }, { 0, 10, 11, 12, 13, 18 },
		{ 0, 2, 3, 13, 14, 15 }, { 0, 5, 6, 9, 10, 11 }, { 0, 14, 15, 23, 24, 27 },
		{ 0, 9, 10, 16, 17, 21 },
	};
	for (size_t c = 0; c < 7; c++)
		for (int l = 1; l <= 3; l++) {
			assert_int_equal(fw->categories[c].published[l].from, ranges[c][2 * (l - 1)]);
			assert_int_equal(fw->categories[c].published[l].to, ranges[c][2 * (l - 1) + 1]);
		}
	framework_destroy(fw);
}

/* Which cells each row has, "DEL" style, in document order. */
static void test_cells_present(void **state)
{
	(void)state;
	static const char *const shape =
		"DEL DEL E E EL EL L L "                      /* 1 */
		"DEL EL EL EL E L L DEL E "                   /* 2a */
		"DEL EL E EL EL L L "                         /* 2b */
		"DL D D E EL EL L "                           /* 2c */
		"DEL EL "                                     /* 2d */
		"EL DEL EL "                                  /* 2e */
		"DEL EL EL EL EL DEL "                        /* 3 */
		"DEL L DEL L L "                              /* 4 */
		"DEL EL E L "                                 /* 5 */
		"D DEL E E EL E E L L DEL DEL "               /* 6 */
		"DEL EL EL EL EL L L ";                       /* 7 */
	struct framework *fw = embedded();
	const char *p = shape;
	for (size_t i = 0; i < fw->criterion_count; i++) {
		char got[4] = "";
		size_t n = 0;
		if (fw->criteria[i].cell[1]) got[n++] = 'D';
		if (fw->criteria[i].cell[2]) got[n++] = 'E';
		if (fw->criteria[i].cell[3]) got[n++] = 'L';
		got[n] = '\0';
		size_t len = strcspn(p, " ");
		if (strlen(got) != len || strncmp(got, p, len) != 0)
			fail_msg("criterion %s has cells %s; expected %.*s", fw->criteria[i].id,
				 got, (int)len, p);
		p += len + 1;
	}
	assert_int_equal(*p, '\0');
	framework_destroy(fw);
}

/* Text is the Standard's, verbatim, including the repaired rows. */
static void test_verbatim_cells(void **state)
{
	(void)state;
	static const struct { const char *id; int level; const char *text; } cases[] = {
		{ "1.1", 1, "Senior leadership (executive and political) have publicly committed "
			    "to reducing inequality, fostering good relations and challenging "
			    "discrimination." },
		{ "1.2", 3, "Roles and responsibilities addressing racial inequalities are clearly "
			    "defined and the impact of organisational decisions has improved "
			    "outcomes for diverse communities as evidenced by Equality Impact "
			    "Assessments (EQIA)." },
		{ "1.7", 3, "Dedicated leadership meetings focus on EDI, creating actions, "
			    "identifying racial inequalities, tracking progress, and ensuring "
			    "accountability." },
		{ "2a.5", 2, "An annual review of appointments against organisational recruitment "
			     "targets, including a comparison of appointments' diversity make-up "
			     "against the longlist of applicants." },
		{ "2a.8", 1, "The workforce is not reflective of the local community at any level "
			     "of the organisation" },
		{ "2c.2", 1, "Black, Asian and Ethnic Multi-Ethnic staff and line managers have "
			     "regular 1-2-1 meetings, which focus on career aspirations and "
			     "development." },
		{ "4.5", 3, "Exploratory work encompassing the voice of affected communities has "
			    "established clear guidance on the appropriate language and terminology "
			    "for referring to Black, Asian and Multi-Ethnic communities in the "
			    "workplace." },
		{ "6.9", 3, "Staff networks hold senior leadership accountable to the Chief Executive" },
		{ "7.7", 3, "Promote a culture of sustained engagement and participation within all "
			    "areas of the organisation that supports ongoing equity in community "
			    "engagement." },
	};
	struct framework *fw = embedded();
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		long index = framework_find_criterion(fw, cases[i].id);
		assert_true(index >= 0);
		assert_non_null(fw->criteria[index].cell[cases[i].level]);
		assert_string_equal(fw->criteria[index].cell[cases[i].level], cases[i].text);
	}
	assert_int_equal(framework_find_criterion(fw, "8.1"), -1);
	assert_int_equal(framework_find_criterion(fw, "2.1"), -1);
	assert_int_equal(framework_find_criterion(fw, "7.7"), 68);
	framework_destroy(fw);
}

/* The directory loader reads data/ exactly as the embedded copy. */
static void test_load_dir_matches_embedded(void **state)
{
	(void)state;
	const char *dir = getenv("TRI_DATA_DIR");
	assert_non_null(dir);
	struct tri_error err = {{0}};
	struct framework *a = framework_load_dir(dir, &err);
	if (!a)
		fail_msg("%s", err.message);
	struct framework *b = embedded();
	assert_int_equal(a->criterion_count, b->criterion_count);
	for (size_t i = 0; i < a->criterion_count; i++)
		for (int l = 1; l < LEVEL_COUNT; l++)
			assert_true((a->criteria[i].cell[l] == NULL) == (b->criteria[i].cell[l] == NULL));
	framework_destroy(a);
	framework_destroy(b);
	struct framework *missing = framework_load_dir("/nonexistent-dir", &err);
	assert_null(missing);
	assert_non_null(strstr(err.message, "/nonexistent-dir/framework.csv: cannot open"));
}

/* A framework in memory, with one file swapped for a broken one. */
static const char good_framework[] = "key,value\nid,test\nversion,1\n";
static const char good_levels[] = "level,points,name,descriptor\nnone,0,None,\n"
	"developing,1,Developing practice,d\nestablished,2,Established practice,e\n"
	"leading,3,Leading practice,l\n";
static const char good_categories[] =
	"category,title,description,developing_from,developing_to,established_from,"
	"established_to,leading_from,leading_to\n1,One,,0,1,2,3,4,5\n2,Two,,0,1,2,3,4,6\n";
static const char good_sections[] = "section,category,title\n2a,2,Two A\n2b,2,Two B\n";
static const char good_criteria[] = "criterion_id,category,section,developing,established,leading\n"
	"1.1,1,,a,b,\n1.2,1,,,,c\n2a.1,2,2a,x,y,z\n2b.1,2,2b,,y,\n";
static const char good_glossary[] = "term,definition\n";

static struct framework *load_with(const char *name, const char *replacement,
				   struct tri_error *err)
{
	struct framework_file files[] = {
		{ "framework.csv", good_framework, sizeof good_framework - 1 },
		{ "levels.csv", good_levels, sizeof good_levels - 1 },
		{ "categories.csv", good_categories, sizeof good_categories - 1 },
		{ "sections.csv", good_sections, sizeof good_sections - 1 },
		{ "criteria.csv", good_criteria, sizeof good_criteria - 1 },
		{ "glossary.csv", good_glossary, sizeof good_glossary - 1 },
	};
	size_t count = 6;
	for (size_t i = 0; i < count; i++) {
		if (name && strcmp(files[i].name, name) == 0) {
			if (replacement) {
				files[i].data = replacement;
				files[i].size = strlen(replacement);
			} else {
				files[i] = files[--count];
			}
		}
	}
	return framework_load_files(files, count, "t", err);
}

static void test_small_framework_loads(void **state)
{
	(void)state;
	struct tri_error err = {{0}};
	struct framework *fw = load_with(NULL, NULL, &err);
	if (!fw)
		fail_msg("%s", err.message);
	assert_int_equal(fw->criterion_count, 4);
	assert_int_equal(fw->categories[1].section_count, 2);
	framework_destroy(fw);
}

static void test_malformed_frameworks(void **state)
{
	(void)state;
	static const struct { const char *file, *data, *expect; } cases[] = {
		{ "criteria.csv", NULL, "t/criteria.csv: missing" },
		{ "framework.csv", "key,value\nid,test\n", "t/framework.csv: no \"version\" row" },
		{ "levels.csv", "level,points,name,descriptor\nnone,0,None,\n",
		  "no row for level \"developing\"" },
		{ "levels.csv", "level,points,name,descriptor\nnone,0,N,\ndeveloping,x,D,\n",
		  "t/levels.csv:3: field \"points\" is \"x\"" },
		{ "levels.csv", "level,points,name,descriptor\nnone,0,N,\ndeveloping,1,D,\n"
				"established,1,E,\nleading,3,L,\n", "expected points to rise" },
		{ "categories.csv", "category,title\n1,One\n", "t/categories.csv:1: no column \"description\"" },
		{ "categories.csv", "category,title,description,developing_from,developing_to,"
				    "established_from,established_to,leading_from,leading_to\n"
				    "1,One,,0,1,2,3,5,4\n2,T,,0,1,2,3,4,6\n",
		  "t/categories.csv:2: leading range 5-4 runs backwards" },
		{ "categories.csv", "category,title,description,developing_from,developing_to,"
				    "established_from,established_to,leading_from,leading_to\n"
				    "1,One,,0,one,2,3,4,5\n",
		  "t/categories.csv:2: field \"developing_to\" is \"one\"" },
		{ "sections.csv", "section,category,title\n2a,9,X\n",
		  "t/sections.csv:2: field \"category\" is \"9\"" },
		{ "criteria.csv", "criterion_id,category,section,developing,established,leading\n"
				  "1.1,1,,a,,\n1.3,1,,b,,\n2a.1,2,2a,x,,\n2b.1,2,2b,y,,\n",
		  "t/criteria.csv:3: field \"criterion_id\" is \"1.3\"; expected \"1.2\"" },
		{ "criteria.csv", "criterion_id,category,section,developing,established,leading\n"
				  "1.1,1,,,,\n", "t/criteria.csv:2: criterion \"1.1\" has no cell" },
		{ "criteria.csv", "criterion_id,category,section,developing,established,leading\n"
				  "1.1,3,,a,,\n", "t/criteria.csv:2: field \"category\" is \"3\"" },
		{ "criteria.csv", "criterion_id,category,section,developing,established,leading\n"
				  "1.1,1,,a,,\n2a.1,2,,x,,\n", "t/criteria.csv:3: field \"section\" is empty" },
		{ "criteria.csv", "criterion_id,category,section,developing,established,leading\n"
				  "2a.1,2,2a,x,,\n1.1,1,,a,,\n2b.1,2,2b,y,,\n", "is out of order" },
		{ "criteria.csv", "criterion_id,category,section,developing,established,leading\n"
				  "1.1,1,,a,,\n2a.1,2,2a,x,,\n", "section \"2b\" has no criteria" },
		{ "criteria.csv", "criterion_id,category,section,developing,established,leading\n"
				  "1.1,1,,\"a,,\n", "t/criteria.csv:2: a quoted field opened here is never closed" },
		{ "criteria.csv", "criterion_id,category,section,developing,established,leading\n"
				  "1.1,1,,caf\xe9,,\n", "t/criteria.csv:2: column 11: byte 0xE9 is not UTF-8" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct tri_error err = {{0}};
		struct framework *fw = load_with(cases[i].file, cases[i].data, &err);
		if (fw)
			fail_msg("case %zu loaded; expected \"%s\"", i, cases[i].expect);
		if (!strstr(err.message, cases[i].expect))
			fail_msg("case %zu: message \"%s\"; expected it to contain \"%s\"", i,
				 err.message, cases[i].expect);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_shape),
		cmocka_unit_test(test_published_ranges),
		cmocka_unit_test(test_cells_present),
		cmocka_unit_test(test_verbatim_cells),
		cmocka_unit_test(test_load_dir_matches_embedded),
		cmocka_unit_test(test_small_framework_loads),
		cmocka_unit_test(test_malformed_frameworks),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
