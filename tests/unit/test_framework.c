/* Unit tests: the Standard as data, and the loader's refusals. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <stdio.h>
#include "timing.h"

#include "csvio.h"
#include "embedded.h"
#include "framework.h"
#include "standard_levels.h"


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
		assert_int_equal(fw->levels[l].points, points[l]);
	assert_string_equal(fw->levels[LEVEL_ESTABLISHED].title, "Established practice");
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
	assert_int_equal(a->about_count, b->about_count);
	assert_int_equal(a->footnote_count, b->footnote_count);
	for (size_t i = 0; i < a->footnote_count; i++)
		assert_string_equal(a->footnotes[i].text, b->footnotes[i].text);
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

/* The small framework with files replaced, added (a name it lacks) or,
 * where data is NULL, removed. */
struct change {
	const char *name, *data;
};

static struct framework *load_changed(const struct change *changes, size_t n,
				      struct tri_error *err)
{
	struct framework_file files[16] = {
		{ "framework.csv", good_framework, sizeof good_framework - 1 },
		{ "levels.csv", good_levels, sizeof good_levels - 1 },
		{ "categories.csv", good_categories, sizeof good_categories - 1 },
		{ "sections.csv", good_sections, sizeof good_sections - 1 },
		{ "criteria.csv", good_criteria, sizeof good_criteria - 1 },
		{ "glossary.csv", good_glossary, sizeof good_glossary - 1 },
	};
	size_t count = 6;
	for (size_t c = 0; c < n && changes[c].name; c++) {
		size_t i = 0;
		while (i < count && strcmp(files[i].name, changes[c].name) != 0)
			i++;
		if (!changes[c].data) {
			if (i < count)
				files[i] = files[--count];
			continue;
		}
		if (i == count)
			count++;
		files[i] = (struct framework_file){ changes[c].name, changes[c].data,
						    strlen(changes[c].data) };
	}
	return framework_load_files(files, count, "t", err);
}

static struct framework *load_with(const char *name, const char *replacement,
				   struct tri_error *err)
{
	const struct change change = { name, replacement };
	return load_changed(&change, name ? 1 : 0, err);
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
	/* Without the optional files: no introduction, no footnotes. */
	assert_int_equal(fw->about_count, 0);
	assert_int_equal(fw->footnote_count, 0);
	const struct framework_footnote *note;
	assert_int_equal(framework_footnotes_at(fw, FRAMEWORK_NOTE_CRITERION, 0, LEVEL_NONE,
						&note, 1), 0);
	framework_destroy(fw);
}

/* A file replaced by data, and part of the message refusing it. */
struct refusal {
	const char *file, *data, *expect;
};

static void expect_refusals(const struct refusal *cases, size_t count)
{
	for (size_t i = 0; i < count; i++) {
		struct tri_error err = {{0}};
		struct framework *fw = load_with(cases[i].file, cases[i].data, &err);
		if (fw)
			fail_msg("case %zu loaded; expected \"%s\"", i, cases[i].expect);
		if (!strstr(err.message, cases[i].expect))
			fail_msg("case %zu: message \"%s\"; expected it to contain \"%s\"", i,
				 err.message, cases[i].expect);
	}
}

static void test_malformed_frameworks(void **state)
{
	(void)state;
	static const struct refusal cases[] = {
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
		/* numbers are bounded: no sum or search can overflow or run long */
		{ "levels.csv", "level,points,name,descriptor\nnone,0,N,\ndeveloping,1,D,\n"
				"established,2,E,\nleading,1000000000,L,\n",
		  "t/levels.csv:5: field \"points\" is \"1000000000\"; expected a whole number "
		  "of points from 0 to 100" },
		{ "levels.csv", "level,points,name,descriptor\nnone,0,N,\ndeveloping,1,D,\n"
				"established,2,E,\nleading,101,L,\n", "field \"points\" is \"101\"" },
		{ "levels.csv", "level,points,name,descriptor\nnone,0,N,\ndeveloping,-1,D,\n",
		  "field \"points\" is \"-1\"" },
		{ "categories.csv", "category,title,description,developing_from,developing_to,"
				    "established_from,established_to,leading_from,leading_to\n"
				    "1,One,,0,1,2,3,4,2147483647\n",
		  "t/categories.csv:2: field \"leading_to\" is \"2147483647\"; expected a whole "
		  "number from 0 to 100000" },
		{ "categories.csv", "category,title,description,developing_from,developing_to,"
				    "established_from,established_to,leading_from,leading_to\n"
				    "1,One,,0,1,2,3,99999999999999999999,100000\n",
		  "field \"leading_from\" is \"99999999999999999999\"" },
	};
	expect_refusals(cases, sizeof cases / sizeof cases[0]);
}

/* ---- the scale: levels.csv declares the levels ---- */

/* A fixture framework of tests/data/frameworks (TRI_FRAMEWORKS). */
static struct framework *fixture(const char *name)
{
	const char *dir = getenv("TRI_FRAMEWORKS");
	assert_non_null(dir);
	char path[1024];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	struct tri_error err = {{0}};
	struct framework *fw = framework_load_dir(path, &err);
	if (!fw)
		fail_msg("%s: %s", name, err.message);
	return fw;
}

/* Levels, their names, words, titles and points, cells by level and ranges,
 * from files: the built-in Standard, five levels, two. */
static void test_levels_from_files(void **state)
{
	(void)state;
	static const struct {
		const char *fixture; /* NULL: the built-in Standard */
		size_t count;
		const char *names, *words; /* "|" between levels */
		int points[LEVEL_MAX_COUNT];
		const char *title; /* the highest level's */
		const char *cell_of, *cell_text; /* a criterion's highest cell */
		int top_range[2];  /* category 1's highest range */
	} cases[] = {
		{ NULL, 4, "none|developing|established|leading", "None|Developing|Established|Leading",
		  { 0, 1, 2, 3 }, "Leading practice", "1.8", NULL, { 19, 22 } },
		{ "five-levels", 5, "none|emerging|developing|established|leading",
		  "None|Emerging|Developing|Established|Leading", { 0, 1, 2, 4, 6 },
		  "Leading practice", "1.1", "Other organisations adopt the plan.", { 17, 18 } },
		{ "two-levels", 2, "not_met|met", "Not met|Met", { 0, 1 }, "Met", "1.2",
		  "The checklist is reviewed every year.", { 0, 3 } },
	};
	for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
		struct framework *fw = cases[k].fixture ? fixture(cases[k].fixture) : embedded();
		assert_int_equal(fw->level_count, cases[k].count);
		char names[256] = "", words[256] = "";
		for (size_t l = 0; l < fw->level_count; l++) {
			snprintf(names + strlen(names), sizeof names - strlen(names), "%s%s",
				 l ? "|" : "", fw->levels[l].name);
			snprintf(words + strlen(words), sizeof words - strlen(words), "%s%s",
				 l ? "|" : "", fw->levels[l].word);
			assert_int_equal(fw->levels[l].points, cases[k].points[l]);
			enum level parsed;
			assert_true(framework_level_parse(fw, fw->levels[l].word, &parsed) ==
				    (strchr(fw->levels[l].name, '_') == NULL));
			assert_true(framework_level_parse(fw, fw->levels[l].name, &parsed));
			assert_int_equal(parsed, (enum level)l);
			assert_string_equal(framework_level_name(fw, (enum level)l), fw->levels[l].name);
		}
		assert_string_equal(names, cases[k].names);
		assert_string_equal(words, cases[k].words);
		enum level highest = framework_highest_level(fw);
		assert_int_equal(highest, (enum level)(cases[k].count - 1));
		assert_string_equal(fw->levels[highest].title, cases[k].title);
		assert_string_equal(framework_level_name(fw, LEVEL_UNANSWERED), "");
		assert_string_equal(framework_level_name(fw, (enum level)cases[k].count), "");
		assert_int_equal(framework_points(fw, (enum level)cases[k].count), 0);
		enum level parsed;
		assert_true(framework_level_parse(fw, "  ", &parsed));
		assert_int_equal(parsed, LEVEL_UNANSWERED);
		assert_false(framework_level_parse(fw, "excellent", &parsed));
		long c = framework_find_criterion(fw, cases[k].cell_of);
		assert_true(c >= 0);
		assert_int_equal(framework_top_level(&fw->criteria[c]), highest);
		if (cases[k].cell_text)
			assert_string_equal(fw->criteria[c].cell[highest], cases[k].cell_text);
		for (size_t l = fw->level_count; l < LEVEL_MAX_COUNT; l++)
			assert_null(fw->criteria[c].cell[l]);
		assert_int_equal(fw->categories[0].published[highest].from, cases[k].top_range[0]);
		assert_int_equal(fw->categories[0].published[highest].to, cases[k].top_range[1]);
		framework_destroy(fw);
	}
}

/* The five-level fixture's optional files name its levels: a footnote on
 * an emerging cell and one on the developing descriptor. */
static void test_levels_in_footnotes(void **state)
{
	(void)state;
	struct framework *fw = fixture("five-levels");
	const struct framework_footnote *note;
	assert_int_equal(framework_footnotes_at(fw, FRAMEWORK_NOTE_CRITERION, 0, (enum level)1,
						&note, 1), 1);
	assert_string_equal(note->marker, "1");
	assert_int_equal(framework_footnotes_at(fw, FRAMEWORK_NOTE_LEVEL, 0, (enum level)2,
						&note, 1), 1);
	assert_string_equal(note->marker, "3");
	char names[256];
	assert_string_equal(framework_level_names(fw, LEVEL_NONE, names, sizeof names),
			    "none, emerging, developing, established, leading");
	assert_string_equal(framework_level_names(fw, (enum level)3, names, sizeof names),
			    "established, leading");
	assert_string_equal(framework_level_names(fw, LEVEL_NONE, names, 10), "none, eme");
	framework_destroy(fw);
}

/* What the scale's files must say, and the refusal of anything else. */
static void test_malformed_scales(void **state)
{
	(void)state;
	static const struct change two_levels[] = {
		{ "levels.csv", "level,points,name,descriptor\nno,0,No,\nyes,5,Yes,y\n" },
		{ "categories.csv", "category,title,description,yes_from,yes_to\n1,One,,0,10\n"
				    "2,Two,,0,15\n" },
		{ "criteria.csv", "criterion_id,category,section,yes\n1.1,1,,a\n1.2,1,,b\n"
				  "2a.1,2,2a,x\n2b.1,2,2b,y\n" },
	};
	struct tri_error err = {{0}};
	struct framework *fw = load_changed(two_levels, 3, &err);
	if (!fw)
		fail_msg("two levels: %s", err.message);
	assert_int_equal(fw->level_count, 2);
	assert_string_equal(fw->levels[0].word, "No");
	assert_string_equal(fw->criteria[2].cell[1], "x");
	framework_destroy(fw);

	static const char *const cats = "category,title,description,a_from,a_to\n1,One,,0,3\n"
		"2,Two,,0,3\n";
	static const struct refusal cases[] = {
		{ "levels.csv", "level,points,name,descriptor\n", "t/levels.csv: no levels" },
		{ "levels.csv", "level,points,name,descriptor\nnone,0,None,\nDeveloping,1,D,\n",
		  "t/levels.csv:3: field \"level\" is \"Developing\"; expected a name of lowercase "
		  "letters a-z, digits and '_', a letter first" },
		{ "levels.csv", "level,points,name,descriptor\nnone,0,None,\n2nd,1,D,\n",
		  "field \"level\" is \"2nd\"" },
		{ "levels.csv", "level,points,name,descriptor\nnone,0,None,\nwell-placed,1,D,\n",
		  "field \"level\" is \"well-placed\"" },
		{ "levels.csv", "level,points,name,descriptor\nnone,0,None,\n"
				"abcdefghijklmnopqrstuvwxyzabcdefg,1,D,\n", "at most 32 bytes" },
		{ "levels.csv", "level,points,name,descriptor\nnone,0,None,\nsection,1,D,\n",
		  "t/levels.csv:3: field \"level\" is \"section\"; expected a name that is not "
		  "also a column's" },
		{ "levels.csv", "level,points,name,descriptor\nnone,0,None,\nmax,1,D,\n",
		  "field \"level\" is \"max\"" },
		{ "levels.csv", "level,points,name,descriptor\nnone,0,None,\nunanswered,1,D,\n",
		  "field \"level\" is \"unanswered\"" },
		{ "levels.csv", "level,points,name,descriptor\nnone,0,None,\ndeveloping,1,D,\n"
				"developing,2,E,\n", "t/levels.csv:4: level \"developing\" given twice" },
		{ "levels.csv", "level,points,name,descriptor\nnone,0,None,\ndeveloping,1,,\n",
		  "t/levels.csv:3: field \"name\" is empty" },
		{ "levels.csv", "level,points,name,descriptor\nnone,0,None,\nleading,3,L,\n"
				"developing,1,D,\nestablished,2,E,\n",
		  "t/levels.csv: developing scores 1 points, not more than leading (3)" },
		/* a range for a level levels.csv lacks: the level is missing there */
		{ "levels.csv", "level,points,name,descriptor\nnone,0,None,\ndeveloping,1,D,\n"
				"leading,3,L,\n", "t/levels.csv: no row for level \"established\"; "
		  "expected a row for each level t/categories.csv gives ranges for (column "
		  "\"established_from\")" },
		/* a level with no range, or no cell column */
		{ "levels.csv", "level,points,name,descriptor\nnone,0,None,\ndeveloping,1,D,\n"
				"established,2,E,\nleading,3,L,\nbeyond,4,B,\n",
		  "t/categories.csv:1: no column \"beyond_from\"" },
		{ "categories.csv", cats, "t/levels.csv: no row for level \"a\"" },
		{ "categories.csv", "category,title,description,developing_from,developing_to,"
				    "leading_from,leading_to\n1,One,,0,1,2,3\n",
		  "t/categories.csv:1: no column \"established_from\"" },
	};
	expect_refusals(cases, sizeof cases / sizeof cases[0]);
	static const struct change no_cells[] = {
		{ "levels.csv", "level,points,name,descriptor\nnone,0,None,\na,1,A,\n" },
		{ "categories.csv", cats },
	};
	fw = load_changed(no_cells, 2, &err);
	assert_null(fw);
	assert_non_null(strstr(err.message, "t/criteria.csv:1: no column \"a\"; expected a header "
				"naming it (a column for each level above none)"));
	static const struct change one_level[] = {
		{ "levels.csv", "level,points,name,descriptor\nnone,0,None,\n" },
		{ "categories.csv", "category,title,description\n1,One,\n" },
	};
	fw = load_changed(one_level, 2, &err);
	assert_null(fw);
	assert_non_null(strstr(err.message, "t/levels.csv: only the level none; expected it and "
				"at least one level above it"));
	static const struct change note_level[] = {
		{ "footnotes.csv", "marker,target,level,text\n1,1.1,excellent,N.\n" },
	};
	fw = load_changed(note_level, 1, &err);
	assert_null(fw);
	assert_non_null(strstr(err.message, "t/footnotes.csv:2: field \"level\" is \"excellent\"; "
				"expected developing, established, leading or empty"));
}

/* ---- about.csv and footnotes.csv ---- */

static const char small_about[] = "section,heading,text,insert\n"
	"intro,Introduction,First paragraph.,\n"
	"intro,,Second paragraph.,\n"
	"levels,The levels,There are three.,\n"
	"levels,The levels,,levels\n"
	"scoring,Scoring,,POINTS\n";
static const char small_notes[] = "marker,target,level,text\n"
	"1,about:intro,,On the introduction.\n"
	"2,levels,developing,On a descriptor.\n"
	"3,1.1,established,On a cell.\n"
	"4,1.2,,On a row.\n"
	"5,2a,,On a section.\n"
	"a,1,,On a category.\n";

static void test_about_loads(void **state)
{
	(void)state;
	struct tri_error err = {{0}};
	const struct change changes[] = { { "about.csv", small_about } };
	struct framework *fw = load_changed(changes, 1, &err);
	if (!fw)
		fail_msg("%s", err.message);
	static const struct {
		const char *section, *heading, *text;
		enum framework_insert insert;
	} want[] = {
		{ "intro", "Introduction", "First paragraph.", FRAMEWORK_INSERT_NONE },
		{ "intro", "Introduction", "Second paragraph.", FRAMEWORK_INSERT_NONE },
		{ "levels", "The levels", "There are three.", FRAMEWORK_INSERT_NONE },
		{ "levels", "The levels", "", FRAMEWORK_INSERT_LEVELS },
		{ "scoring", "Scoring", "", FRAMEWORK_INSERT_POINTS },
	};
	assert_int_equal(fw->about_count, 5);
	for (size_t i = 0; i < 5; i++) {
		assert_string_equal(fw->about[i].section, want[i].section);
		assert_string_equal(fw->about[i].heading, want[i].heading);
		assert_string_equal(fw->about[i].text, want[i].text);
		assert_int_equal(fw->about[i].insert, want[i].insert);
	}
	framework_destroy(fw);
}

static void test_footnotes_load(void **state)
{
	(void)state;
	struct tri_error err = {{0}};
	const struct change changes[] = { { "about.csv", small_about },
					  { "footnotes.csv", small_notes } };
	struct framework *fw = load_changed(changes, 2, &err);
	if (!fw)
		fail_msg("%s", err.message);
	static const struct {
		enum framework_note_place place;
		size_t index;
		enum level level;
		const char *marker, *text;
	} want[] = {
		{ FRAMEWORK_NOTE_ABOUT, 0, LEVEL_NONE, "1", "On the introduction." },
		{ FRAMEWORK_NOTE_LEVEL, 0, LEVEL_DEVELOPING, "2", "On a descriptor." },
		{ FRAMEWORK_NOTE_CRITERION, 0, LEVEL_ESTABLISHED, "3", "On a cell." },
		{ FRAMEWORK_NOTE_CRITERION, 1, LEVEL_NONE, "4", "On a row." },
		{ FRAMEWORK_NOTE_SECTION, 0, LEVEL_NONE, "5", "On a section." },
		{ FRAMEWORK_NOTE_CATEGORY, 0, LEVEL_NONE, "a", "On a category." },
	};
	assert_int_equal(fw->footnote_count, 6);
	for (size_t i = 0; i < 6; i++) {
		const struct framework_footnote *got[2];
		assert_int_equal(framework_footnotes_at(fw, want[i].place, want[i].index,
							want[i].level, got, 2), 1);
		assert_string_equal(got[0]->marker, want[i].marker);
		assert_string_equal(got[0]->text, want[i].text);
	}
	/* A cell's note is not its row's, nor another cell's. */
	const struct framework_footnote *got[2];
	assert_int_equal(framework_footnotes_at(fw, FRAMEWORK_NOTE_CRITERION, 0, LEVEL_NONE,
						got, 2), 0);
	assert_int_equal(framework_footnotes_at(fw, FRAMEWORK_NOTE_CRITERION, 0,
						LEVEL_DEVELOPING, got, 2), 0);
	framework_destroy(fw);
}

/* The format before footnotes.csv: a footnote column on sections and
 * criteria still loads, as notes on the row or section without a marker;
 * beside footnotes.csv it is refused. */
static void test_old_footnote_columns(void **state)
{
	(void)state;
	static const char old_sections[] = "section,category,title,footnote\n"
		"2a,2,Two A,On section 2a.\n2b,2,Two B,\n";
	static const char old_criteria[] =
		"criterion_id,category,section,developing,established,leading,footnote\n"
		"1.1,1,,a,b,,\n1.2,1,,,,c,On row 1.2.\n2a.1,2,2a,x,y,z,\n2b.1,2,2b,,y,\n";
	struct tri_error err = {{0}};
	const struct change old[] = { { "sections.csv", old_sections },
				      { "criteria.csv", old_criteria } };
	struct framework *fw = load_changed(old, 2, &err);
	if (!fw)
		fail_msg("%s", err.message);
	assert_int_equal(fw->footnote_count, 2);
	const struct framework_footnote *got[2];
	assert_int_equal(framework_footnotes_at(fw, FRAMEWORK_NOTE_CRITERION, 1, LEVEL_NONE,
						got, 2), 1);
	assert_string_equal(got[0]->text, "On row 1.2.");
	assert_string_equal(got[0]->marker, "");
	assert_int_equal(framework_footnotes_at(fw, FRAMEWORK_NOTE_SECTION, 0, LEVEL_NONE,
						got, 2), 1);
	assert_string_equal(got[0]->text, "On section 2a.");
	framework_destroy(fw);

	const struct change both[] = { { "sections.csv", old_sections },
				       { "criteria.csv", old_criteria },
				       { "footnotes.csv", "marker,target,level,text\n" } };
	fw = load_changed(both, 3, &err);
	assert_null(fw);
	assert_string_equal(err.message, "t/sections.csv:2: field \"footnote\" holds text and "
			    "footnotes.csv is present; expected footnotes in footnotes.csv only");
	/* An old column left empty beside footnotes.csv is harmless. */
	static const char empty_column[] = "section,category,title,footnote\n2a,2,A,\n2b,2,B,\n";
	const struct change empty_ok[] = { { "sections.csv", empty_column },
					   { "footnotes.csv", "marker,target,level,text\n7,2a,,n\n" } };
	fw = load_changed(empty_ok, 2, &err);
	if (!fw)
		fail_msg("%s", err.message);
	assert_int_equal(fw->footnote_count, 1);
	framework_destroy(fw);
}

/* Every malformed about.csv or footnotes.csv is refused naming file, line
 * and field, and saying what was expected. */
static void test_malformed_guidance(void **state)
{
	(void)state;
	static const struct refusal cases[] = {
		{ "about.csv", "section,heading\nintro,Intro\n",
		  "t/about.csv:1: no column \"text\"; expected a header naming it" },
		{ "about.csv", "section,heading,text\n,Intro,Words.\n",
		  "t/about.csv:2: field \"section\" is empty; expected text" },
		{ "about.csv", "section,heading,text\nour duty,Intro,Words.\n",
		  "t/about.csv:2: field \"section\" is \"our duty\"; expected letters, digits, "
		  "'-' or '_'" },
		{ "about.csv", "section,heading,text\nintro,,Words.\n",
		  "t/about.csv:2: field \"heading\" is empty; expected the heading of section "
		  "\"intro\" on its first row" },
		{ "about.csv", "section,heading,text\nintro,Intro,A.\nintro,Other,B.\n",
		  "t/about.csv:3: field \"heading\" is \"Other\"; expected \"Intro\" (section "
		  "\"intro\", line 2) or empty" },
		{ "about.csv", "section,heading,text\na,A,1.\nb,B,2.\na,A,3.\n",
		  "t/about.csv:4: section \"a\" resumes after section \"b\"; expected each "
		  "section's rows together" },
		{ "about.csv", "section,heading,text,insert\nintro,Intro,,\n",
		  "t/about.csv:2: field \"text\" is empty; expected the paragraph's text, or an "
		  "insert" },
		{ "about.csv", "section,heading,text,insert\nintro,Intro,Words.,levels\n",
		  "t/about.csv:2: field \"text\" holds text and field \"insert\" is \"levels\"; "
		  "expected one of them" },
		{ "about.csv", "section,heading,text,insert\nintro,Intro,,glossary\n",
		  "t/about.csv:2: field \"insert\" is \"glossary\"; expected levels, points or "
		  "empty" },
		{ "about.csv", "section,heading,text\nintro,Intro,\"Words.\n",
		  "t/about.csv:2: a quoted field opened here is never closed" },
		{ "footnotes.csv", "marker,target,text\n1,1.1,x\n",
		  "t/footnotes.csv:1: no column \"level\"; expected a header naming it" },
		{ "footnotes.csv", "marker,target,level,text\n,1.1,,x\n",
		  "t/footnotes.csv:2: field \"marker\" is empty; expected text" },
		{ "footnotes.csv", "marker,target,level,text\n1,1.1,,\n",
		  "t/footnotes.csv:2: field \"text\" is empty; expected text" },
		{ "footnotes.csv", "marker,target,level,text\n1,,,x\n",
		  "t/footnotes.csv:2: field \"target\" is empty; expected text" },
		{ "footnotes.csv", "marker,target,level,text\n1,9.9,,x\n",
		  "t/footnotes.csv:2: field \"target\" is \"9.9\"; expected a criterion (1.2), a "
		  "section (2a), a category (1), levels, or about: and a section of about.csv" },
		{ "footnotes.csv", "marker,target,level,text\n1,about:intro,,x\n",
		  "t/footnotes.csv:2: field \"target\" is \"about:intro\"" },
		{ "footnotes.csv", "marker,target,level,text\n1,1.1,expert,x\n",
		  "t/footnotes.csv:2: field \"level\" is \"expert\"; expected developing, "
		  "established, leading or empty" },
		{ "footnotes.csv", "marker,target,level,text\n1,1.1,none,x\n",
		  "t/footnotes.csv:2: field \"level\" is \"none\"" },
		{ "footnotes.csv", "marker,target,level,text\n1,1.1,leading,x\n",
		  "t/footnotes.csv:2: criterion \"1.1\" has no leading cell; expected a level it "
		  "has a cell for, or empty for the whole row" },
		{ "footnotes.csv", "marker,target,level,text\n1,2a,leading,x\n",
		  "t/footnotes.csv:2: field \"level\" is \"leading\"; expected it empty for "
		  "target \"2a\"" },
		{ "footnotes.csv", "marker,target,level,text\n1,levels,,x\n",
		  "t/footnotes.csv:2: field \"level\" is empty; expected the level whose "
		  "descriptor the note marks" },
		{ "footnotes.csv", "marker,target,level,text\n6,1.1,,x\n6,1.2,,y\n",
		  "t/footnotes.csv:3: marker \"6\" given twice (line 2); expected each once" },
		{ "footnotes.csv", "marker,target,level,text\n1,1.1,,caf\xe9\n",
		  "t/footnotes.csv:2: column 11: byte 0xE9 is not UTF-8" },
	};
	expect_refusals(cases, sizeof cases / sizeof cases[0]);
}

/* ---- The Standard's own introduction and footnotes, built in ---- */

/* The eight footnotes of Annex 2 before the worked example, each where the
 * source puts its marker (docs/standard-notes.md, R1). */
static void test_builtin_footnotes(void **state)
{
	(void)state;
	struct framework *fw = embedded();
	static const struct {
		const char *marker;
		enum framework_note_place place;
		const char *target; /* criterion, section or about section id */
		enum level level;
		const char *starts;
	} want[] = {
		{ "1", FRAMEWORK_NOTE_ABOUT, "context", LEVEL_NONE,
		  "The London local government Tackling Racial Inequality programme recognises "
		  "the importance of language and terminology." },
		{ "2", FRAMEWORK_NOTE_ABOUT, "context", LEVEL_NONE,
		  "See The London Recovery Board's report Building a Fairer City" },
		{ "3", FRAMEWORK_NOTE_ABOUT, "duty", LEVEL_NONE, "See range of sources" },
		{ "4", FRAMEWORK_NOTE_ABOUT, "purpose", LEVEL_NONE,
		  "Compliance vs Value-Based organisation: See glossary for definition" },
		{ "5", FRAMEWORK_NOTE_LEVEL, NULL, LEVEL_DEVELOPING,
		  "Diverse and inclusive organisation: See glossary for definition" },
		{ "6", FRAMEWORK_NOTE_CRITERION, "1.2", LEVEL_LEADING,
		  "An Equality Impact Assessment (EQIA): see glossary for definition." },
		{ "7", FRAMEWORK_NOTE_SECTION, "2a", LEVEL_NONE,
		  "At a regional level the latest ONS data (2019) estimates 43% of Londoner's are "
		  "from White British backgrounds, this could act as an informal target" },
		{ "8", FRAMEWORK_NOTE_CRITERION, "2b.3", LEVEL_ESTABLISHED,
		  "Business in the Community: Race at Work Charter" },
	};
	assert_int_equal(fw->footnote_count, 8);
	for (size_t i = 0; i < 8; i++) {
		const struct framework_footnote *note = &fw->footnotes[i];
		assert_string_equal(note->marker, want[i].marker);
		assert_int_equal(note->place, want[i].place);
		assert_int_equal(note->level, want[i].level);
		assert_true(strncmp(note->text, want[i].starts, strlen(want[i].starts)) == 0);
		const char *at = NULL;
		switch (note->place) {
		case FRAMEWORK_NOTE_ABOUT: at = fw->about[note->index].section; break;
		case FRAMEWORK_NOTE_CRITERION: at = fw->criteria[note->index].id; break;
		case FRAMEWORK_NOTE_SECTION: at = fw->sections[note->index].id; break;
		default: break;
		}
		if (want[i].target)
			assert_string_equal(at, want[i].target);
	}
	/* Footnote 7 is the whole ONS note, Standard's apostrophes and all. */
	assert_string_equal(fw->footnotes[6].text, "At a regional level the latest ONS data "
		"(2019) estimates 43% of Londoner's are from White British backgrounds, this could "
		"act as an informal target for the London local government workforce, although "
		"borough's should also assess themselves against their local population.");
	framework_destroy(fw);
}

/* Text that source lines hold, compared with whitespace normalised: the
 * extraction's markup (bold, links, emphasis, "- " bullets) and footnote
 * markers are not text (docs/standard-notes.md, R1 and R4). */
static char *source_text(const char *line)
{
	char *out = malloc(strlen(line) + 1);
	assert_non_null(out);
	size_t n = 0;
	if (strncmp(line, "- ", 2) == 0)
		line += 2;
	for (const unsigned char *p = (const unsigned char *)line; *p;) {
		if (*p == '*' || *p == '[') {
			p++;
		} else if (strncmp((const char *)p, "](#)", 4) == 0) {
			p += 4;
		} else if (p[0] == 0xC2 && (p[1] == 0xB9 || p[1] == 0xB2 || p[1] == 0xB3)) {
			p += 2; /* superscript one, two, three */
		} else if (p[0] == 0xE2 && p[1] == 0x81 && p[2] >= 0xB0 && p[2] <= 0xB9) {
			p += 3; /* superscript zero, four to nine */
		} else if (*p == ' ' || *p == '\t') {
			if (n > 0 && out[n - 1] != ' ')
				out[n++] = ' ';
			p++;
		} else {
			out[n++] = (char)*p++;
		}
	}
	while (n > 0 && out[n - 1] == ' ')
		n--;
	out[n] = '\0';
	return out;
}

static bool is_footnote_line(const char *line)
{
	const unsigned char *p = (const unsigned char *)line;
	return (p[0] == 0xC2 && (p[1] == 0xB9 || p[1] == 0xB2 || p[1] == 0xB3)) ||
	       (p[0] == 0xE2 && p[1] == 0x81 && p[2] >= 0xB0 && p[2] <= 0xB9);
}

/* The source's introduction (Annex 2, from "Strategic Context" to the first
 * table) as its headings and paragraphs: blank lines and footnotes dropped,
 * a paragraph a page break split (a line starting in lower case) joined. */
static size_t source_intro(char *seed, char **items, size_t capacity)
{
	size_t n = 0;
	bool started = false;
	for (char *line = strtok(seed, "\n"); line; line = strtok(NULL, "\n")) {
		if (!started && strcmp(line, "Strategic Context") != 0)
			continue;
		started = true;
		if (strncmp(line, "Category 1:", 11) == 0)
			break;
		char *text = source_text(line);
		if (!*text || is_footnote_line(line)) {
			free(text);
			continue;
		}
		if (n > 0 && *text >= 'a' && *text <= 'z') {
			char *joined = malloc(strlen(items[n - 1]) + strlen(text) + 2);
			assert_non_null(joined);
			sprintf(joined, "%s %s", items[n - 1], text);
			free(items[n - 1]);
			free(text);
			items[n - 1] = joined;
			continue;
		}
		assert_true(n < capacity);
		items[n++] = text;
	}
	return n;
}

/* The About text (about.csv, with its inserts from levels.csv) is the
 * source's introduction, paragraph for paragraph, read from the seed file. */
static void test_about_matches_source(void **state)
{
	(void)state;
	const char *path = getenv("TRI_SOURCE");
	assert_non_null(path);
	struct tri_error err = {{0}};
	char *seed;
	size_t size;
	if (csvio_read_file(path, &seed, &size, &err) != 0)
		fail_msg("%s", err.message);
	char *items[128];
	size_t count = source_intro(seed, items, 128);
	struct framework *fw = embedded();
	assert_true(fw->about_count > 0);
	size_t at = 0;
	char buf[4096];
	for (size_t i = 0; i < fw->about_count; i++) {
		const struct framework_paragraph *p = &fw->about[i];
		if (i == 0 || strcmp(p->heading, fw->about[i - 1].heading) != 0) {
			assert_true(at < count);
			assert_string_equal(p->heading, items[at++]);
		}
		if (p->insert == FRAMEWORK_INSERT_NONE) {
			assert_true(at < count);
			char *text = source_text(p->text);
			assert_string_equal(text, items[at++]);
			free(text);
			continue;
		}
		for (int l = p->insert == FRAMEWORK_INSERT_LEVELS ? LEVEL_DEVELOPING : LEVEL_NONE;
		     l <= LEVEL_LEADING; l++) {
			assert_true(at < count);
			const char *item = items[at++];
			if (p->insert == FRAMEWORK_INSERT_POINTS) {
				snprintf(buf, sizeof buf, "%s: %d point%s", fw->levels[l].title,
					 fw->levels[l].points, fw->levels[l].points == 1 ? "" : "s");
				assert_string_equal(item, buf);
				continue;
			}
			/* "Title – descriptor"; Established's dash is a hyphen. */
			size_t title = strlen(fw->levels[l].title);
			assert_true(strncmp(item, fw->levels[l].title, title) == 0);
			const char *rest = item + title;
			if (strncmp(rest, " \u2013 ", 5) == 0)
				rest += 5;
			else if (strncmp(rest, " - ", 3) == 0)
				rest += 3;
			else
				fail_msg("no dash after \"%s\" in \"%s\"", fw->levels[l].title, item);
			assert_string_equal(rest, fw->levels[l].descriptor);
		}
	}
	assert_int_equal(at, count); /* nothing of the introduction left out */
	for (size_t i = 0; i < count; i++)
		free(items[i]);
	free(seed);
	framework_destroy(fw);
}

/* A file of header and then rows copies of row (ids numbered from 1 where
 * row holds %zu), in a new heap buffer. */
static char *repeat(const char *header, const char *row, size_t rows)
{
	size_t size = strlen(header) + rows * (strlen(row) + 16) + 1, used = 0;
	char *text = malloc(size);
	assert_non_null(text);
	used += (size_t)snprintf(text, size, "%s", header);
	for (size_t i = 0; i < rows; i++) {
		char line[128];
		const char *hole = strstr(row, "%zu");
		if (hole)
			snprintf(line, sizeof line, "%.*s%zu%s", (int)(hole - row), row, i + 1, hole + 3);
		else
			snprintf(line, sizeof line, "%s", row);
		used += (size_t)snprintf(text + used, size - used, "%s", line);
	}
	return text;
}

/* Every table has a bound on its rows, refused as soon as the parse
 * passes it: a framework built to make the sums overflow (millions of
 * rows) is refused within a second, however large its file. */
static void test_row_bounds(void **state)
{
	(void)state;
	static const struct {
		const char *file, *header, *row;
		size_t rows;
		const char *expect;
	} cases[] = {
		{ "criteria.csv", "criterion_id,category,section,developing,established,leading\n",
		  "1.%zu,1,,a,b,c\n", FRAMEWORK_MAX_CRITERIA + 1,
		  "t/criteria.csv:1002: more than 1000 rows after the header; expected at most 1000" },
		{ "categories.csv", "category,title,description,developing_from,developing_to,"
		  "established_from,established_to,leading_from,leading_to\n",
		  "%zu,C,,0,1,2,3,4,5\n", FRAMEWORK_MAX_CATEGORIES + 1,
		  "t/categories.csv:102: more than 100 rows after the header" },
		{ "glossary.csv", "term,definition\n", "t%zu,d\n", FRAMEWORK_MAX_TERMS + 1,
		  "t/glossary.csv:1002: more than 1000 rows" },
		{ "levels.csv", "level,points,name,descriptor\n", "none,0,N,\n", 11,
		  "t/levels.csv:12: more than 10 rows" },
		{ "about.csv", "section,heading,text,insert\n", "intro,H,Paragraph %zu.,\n",
		  FRAMEWORK_MAX_PARAGRAPHS + 1, "t/about.csv:1002: more than 1000 rows" },
		{ "footnotes.csv", "marker,target,level,text\n", "%zu,1.1,,A note.\n",
		  FRAMEWORK_MAX_FOOTNOTES + 1, "t/footnotes.csv:1002: more than 1000 rows" },
		/* 20 MB of rows: 700 000 criteria of 100 points would overflow */
		{ "criteria.csv", "criterion_id,category,section,developing,established,leading\n",
		  "1.%zu,1,,a,b,c\n", 700000, "t/criteria.csv:1002: more than 1000 rows" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *text = repeat(cases[i].header, cases[i].row, cases[i].rows);
		struct tri_error err = {{0}};
		struct timespec start;
		clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &start);
		struct framework *fw = load_with(cases[i].file, text, &err);
		double took = seconds_since(&start);
		free(text);
		if (fw)
			fail_msg("case %zu loaded; expected \"%s\"", i, cases[i].expect);
		if (!strstr(err.message, cases[i].expect))
			fail_msg("case %zu: \"%s\" lacks \"%s\"", i, err.message, cases[i].expect);
		if (took > TIMING_SLOWDOWN)
			fail_msg("case %zu: refused after %.2f s; expected within a second", i, took);
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
		cmocka_unit_test(test_levels_from_files),
		cmocka_unit_test(test_levels_in_footnotes),
		cmocka_unit_test(test_malformed_scales),
		cmocka_unit_test(test_about_loads),
		cmocka_unit_test(test_footnotes_load),
		cmocka_unit_test(test_old_footnote_columns),
		cmocka_unit_test(test_malformed_guidance),
		cmocka_unit_test(test_builtin_footnotes),
		cmocka_unit_test(test_about_matches_source),
		cmocka_unit_test(test_row_bounds),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
