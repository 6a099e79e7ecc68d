/* Unit tests: the writer interface and its formats (render/). */
#define _GNU_SOURCE /* open_memstream */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "csvio.h"
#include "render.h"
#include "standard_levels.h"

/* A fixture framework of tests/data/frameworks, or the built-in Standard. */
static struct framework *framework_named(const char *name)
{
	struct tri_error err = {{0}};
	struct framework *fw;
	if (!name) {
		fw = framework_load_embedded(&err);
	} else {
		char path[1024];
		snprintf(path, sizeof path, "%s/%s", getenv("TRI_FRAMEWORKS"), name);
		fw = framework_load_dir(path, &err);
	}
	if (!fw)
		fail_msg("%s: %s", name ? name : "built-in", err.message);
	return fw;
}

/* Output written into memory. */
struct capture {
	char *text;
	size_t size;
	FILE *file;
	struct render_out out;
};

static void capture_begin(struct capture *c, bool bom)
{
	c->text = NULL;
	c->size = 0;
	c->file = open_memstream(&c->text, &c->size);
	assert_non_null(c->file);
	render_out_init(&c->out, c->file, bom);
}

/* The text written; the caller frees it. */
static char *capture_end(struct capture *c)
{
	fclose(c->file);
	return c->text;
}

/* Each format has the outputs it can write, and no others. */
static void test_formats(void **state)
{
	(void)state;
	static const struct {
		const char *name;
		bool tables, report;
	} cases[] = {
		{ "text", true, false }, { "csv", true, false }, { "html", false, true },
	};
	for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
		const struct render_format *f = render_format_named(cases[k].name);
		assert_non_null(f);
		assert_string_equal(f->name, cases[k].name);
		bool tables[] = { f->criteria != NULL, f->validation != NULL, f->scores != NULL,
				  f->comparison != NULL, f->plan != NULL, f->benchmark != NULL };
		for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++)
			assert_int_equal(tables[i], cases[k].tables);
		assert_int_equal(f->report != NULL, cases[k].report);
		assert_int_equal(f->about != NULL, strcmp(cases[k].name, "text") == 0);
	}
	assert_null(render_format_named("xml"));
}

/* Text: the whole line in its visible form; CSV: each field visible and
 * guarded, a byte-order mark once; wrapping by display columns at word
 * boundaries (core/text). */
static void test_writers(void **state)
{
	(void)state;
	struct capture c;
	capture_begin(&c, false);
	render_printf(&c.out, "org %s\n", "A\x1b]0;x\x07 \xe2\x80\xae");
	render_wrapped(&c.out, "aa bbb c\xc3\xa9\xc3\xa9 dd", 2, 8);
	char *text = capture_end(&c);
	assert_string_equal(text, "org A\\e]0;x\\x07 \\u202e\naa bbb\n  c\xc3\xa9\xc3\xa9 dd\n");
	free(text);
	/* wide characters count two columns; a hyphen is a place to break */
	capture_begin(&c, false);
	render_wrapped(&c.out, "\xe4\xb8\x80\xe4\xb8\x80\xe4\xb8\x80 anti-racist", 2, 8);
	text = capture_end(&c);
	assert_string_equal(text, "\xe4\xb8\x80\xe4\xb8\x80\xe4\xb8\x80\n  anti-\n  racist\n");
	free(text);

	capture_begin(&c, true);
	const char *row[] = { "=1+1", "+4", "x\x1b" };
	render_csv_row(&c.out, row, 3, CSVIO_COMPUTED(1));
	render_csv_row(&c.out, row, 3, CSVIO_COMPUTED(1));
	assert_int_equal(render_status(&c.out), 0);
	text = capture_end(&c);
	assert_string_equal(text, "\xEF\xBB\xBF'=1+1,+4,x\\e\r\n'=1+1,+4,x\\e\r\n");
	free(text);
}

/* criteria --csv and validate --csv follow the framework's levels. */
static void test_csv_per_level(void **state)
{
	(void)state;
	static const struct {
		const char *fixture, *criteria, *validation;
	} cases[] = {
		{ NULL, "criterion_id,category,section,developing,established,leading,description\r\n",
		  "category,published_developing_max,published_established_max,published_max,"
		  "derived_developing_max,derived_established_max,derived_max,agrees\r\n"
		  "1,10,18,22,10,18,22,yes\r\n" },
		{ "two-levels", "criterion_id,category,section,met,description\r\n"
		  "1.1,1,,A named person answers for the checklist.,Who answers for the checklist.\r\n",
		  "category,published_max,derived_max,agrees\r\n1,3,3,yes\r\n2,2,2,yes\r\n" },
	};
	for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
		struct framework *fw = framework_named(cases[k].fixture);
		struct capture c;
		capture_begin(&c, false);
		assert_int_equal(render_csv.criteria(&c.out, fw), 0);
		char *text = capture_end(&c);
		assert_int_equal(strncmp(text, cases[k].criteria, strlen(cases[k].criteria)), 0);
		free(text);
		struct score_validation v;
		assert_int_equal(score_validation_init(&v, fw), 0);
		capture_begin(&c, false);
		assert_int_equal(render_csv.validation(&c.out, fw, &v), 0);
		text = capture_end(&c);
		assert_int_equal(strncmp(text, cases[k].validation, strlen(cases[k].validation)), 0);
		free(text);
		score_validation_finish(&v);
		framework_destroy(fw);
	}
}

/* score in text and CSV, from one sheet, on five levels. */
static void test_scores(void **state)
{
	(void)state;
	struct framework *fw = framework_named("five-levels");
	static const char data[] = "criterion_id,level,organisation\n1.1,established,B\n"
		"1.2,developing,\n1.3,none,\n1.4,emerging,\n2a.1,leading,\n";
	struct tri_error err = {{0}};
	struct assessment *a = assessment_parse(fw, "b.csv", data, sizeof data - 1, &err);
	if (!a)
		fail_msg("%s", err.message);
	struct score_sheet sheet;
	assert_int_equal(score_sheet_init(&sheet, fw, a->levels), 0);
	struct render_scores each = { "b.csv", a, &sheet };
	struct capture c;
	capture_begin(&c, false);
	assert_int_equal(render_text.scores(&c.out, fw, &each, 1), 0);
	char *text = capture_end(&c);
	assert_non_null(strstr(text, "b.csv: B\n  1  Leadership                             "
			       "7 / 18  Developing\n"));
	assert_non_null(strstr(text, "     2a  Hiring                              6 / 10   "
			       "1 of 2 answered\n"));
	assert_non_null(strstr(text, "  Total points: 13 / 57"));
	free(text);
	capture_begin(&c, false);
	assert_int_equal(render_csv.scores(&c.out, fw, &each, 1), 0);
	text = capture_end(&c);
	assert_non_null(strstr(text, "b.csv,1,Leadership,7,18,developing,B,,,4,4\r\n"
			       "b.csv,2,Workforce,6,23,developing,B,,,1,5\r\n"));
	free(text);
	score_sheet_finish(&sheet);
	assessment_destroy(a);
	framework_destroy(fw);
}

static int write_report(struct render_out *out, const void *model)
{
	return render_html.report(out, model);
}

/* The report: one band per level above none in each chart, the strengths
 * at the highest level, its own generator mark; saved atomically. */
/* The report's title: from the file's details, never its path. */
static void test_report_title(void **state)
{
	(void)state;
	static const struct {
		const char *data, *title;
	} cases[] = {
		{ "criterion_id,level,organisation,assessment_type,date\n"
		  "1.1,,London Borough of Camden,self,2026-11-23\n",
		  "London Borough of Camden self-assessment of 2026-11-23" },
		{ "criterion_id,level,organisation,assessment_type\n1.1,,Brent,peer\n",
		  "Brent peer review, undated" },
		{ "criterion_id,level,date\n1.1,,2026-11-23\n", "Self-assessment of 2026-11-23" },
		{ "criterion_id,level,assessment_type\n1.1,,peer\n", "Peer review, undated" },
	};
	struct framework *fw = framework_named(NULL);
	for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
		struct tri_error err = {{0}};
		struct assessment *a = assessment_parse(fw, "/home/x/camden.csv", cases[k].data,
							strlen(cases[k].data), &err);
		assert_non_null(a);
		char *title = report_title(a);
		assert_string_equal(title, cases[k].title);
		free(title);
		assessment_destroy(a);
	}
	framework_destroy(fw);
}

/* Every row with a plan is in the action plan, whatever its level; a
 * target at or below the row's level is reached (issue 18). */
static void test_report_targets(void **state)
{
	(void)state;
	static const char data[] =
		"criterion_id,level,target_level,action,lead_officer,timescale\n"
		"1.1,developing,leading,Publish,,\n"   /* a target to reach */
		"1.2,leading,established,,,\n"        /* a target already passed */
		"1.3,established,,Keep it,,\n"        /* 1.3's only cell: nowhere to go */
		"1.4,,,,Head of HR,\n"                /* not assessed: its first cell */
		"1.5,established,,,,\n";              /* no plan */
	static const struct {
		size_t row;
		bool listed;
		enum level level;
		bool reached;
	} cases[] = {
		{ 0, true, LEVEL_LEADING, false },
		{ 1, true, LEVEL_ESTABLISHED, true },
		{ 2, true, LEVEL_ESTABLISHED, true },
		{ 3, true, LEVEL_ESTABLISHED, false },
		{ 4, false, LEVEL_LEADING, false },
	};
	struct framework *fw = framework_named(NULL);
	struct tri_error err = {{0}};
	struct assessment *a = assessment_parse(fw, "a.csv", data, strlen(data), &err);
	assert_non_null(a);
	/* The action columns move to the actions file (rule 7); the report
	 * reads the actions from there and the targets from the assessment. */
	struct actionlist *list = actionlist_create(fw);
	assert_non_null(list);
	size_t moved = 0;
	assert_int_equal(actionlist_migrate(list, a, &moved, &err), 0);
	assert_int_equal(moved, 3);
	struct report_content content;
	assert_int_equal(report_content_init(&content, a, NULL, COMPARISON_AUTO, list, "2026-01-01"), 0);
	for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
		struct report_target t = report_action_target(a, cases[k].row);
		assert_int_equal(report_has_action(&content, cases[k].row), cases[k].listed);
		assert_int_equal(t.level, cases[k].level);
		assert_int_equal(t.reached, cases[k].reached);
	}
	assert_int_equal(content.actions, 3);
	assert_int_equal(content.reached, 2);
	report_content_finish(&content);
	actionlist_destroy(list);
	assessment_destroy(a);
	framework_destroy(fw);
}

static void test_report(void **state)
{
	(void)state;
	static const struct {
		const char *fixture, *data, *strengths;
		size_t bands;
	} cases[] = {
		{ NULL, "criterion_id,level\n1.6,leading\n", "Criteria at <bdi>Leading practice</bdi>", 21 },
		{ "five-levels", "criterion_id,level\n1.1,leading\n",
		  "Criteria at <bdi>Leading practice</bdi>", 12 },
		{ "two-levels", "criterion_id,level\n1.1,met\n", "Criteria at <bdi>Met</bdi>", 2 },
	};
	for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
		struct framework *fw = framework_named(cases[k].fixture);
		struct tri_error err = {{0}};
		struct assessment *a = assessment_parse(fw, "a.csv", cases[k].data,
							strlen(cases[k].data), &err);
		assert_non_null(a);
		struct report_content content;
		struct actionlist *list = actionlist_create(fw);
		assert_non_null(list);
		assert_int_equal(report_content_init(&content, a, NULL, COMPARISON_AUTO, list, "2026-01-01"), 0);
		assert_int_equal(content.strengths, 1);
		struct capture c;
		capture_begin(&c, false);
		assert_int_equal(render_html.report(&c.out, &content), 0);
		char *text = capture_end(&c);
		assert_non_null(strstr(text, RENDER_REPORT_GENERATOR));
		assert_non_null(strstr(text, cases[k].strengths));
		size_t bands = 0;
		for (const char *p = text; (p = strstr(p, "stroke=\"#666\"")); p++)
			bands++;
		assert_int_equal(bands, cases[k].bands);
		assert_non_null(strstr(text, "</body>\n</html>\n"));
		free(text);
		char path[] = "/tmp/test_render_XXXXXX";
		int fd = mkstemp(path);
		assert_true(fd >= 0);
		close(fd);
		unlink(path);
		assert_int_equal(render_save(path, OUTFILE_NEW, write_report, &content, false, &err), 0);
		FILE *saved = fopen(path, "r");
		assert_non_null(saved);
		char head[64] = "";
		assert_non_null(fgets(head, sizeof head, saved));
		assert_string_equal(head, "<!DOCTYPE html>\n");
		fclose(saved);
		unlink(path);
		report_content_finish(&content);
		actionlist_destroy(list);
		assessment_destroy(a);
		framework_destroy(fw);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_formats),
		cmocka_unit_test(test_writers),
		cmocka_unit_test(test_csv_per_level),
		cmocka_unit_test(test_scores),
		cmocka_unit_test(test_report_title),
		cmocka_unit_test(test_report_targets),
		cmocka_unit_test(test_report),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
