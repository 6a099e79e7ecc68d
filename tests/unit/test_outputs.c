/* Unit tests: tri-assess's own CSV outputs are known by their header. */
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
#include "outputs.h"
#include "render.h"

static const char *kind_of(const char *csv)
{
	struct csvio_table t;
	const char *kind = NULL;
	if (csvio_table_parse(&t, "test", csv, strlen(csv), NULL) == 0)
		kind = outputs_kind((const char *const *)t.header, t.column_count);
	csvio_table_finish(&t);
	return kind;
}

static void test_headers(void **state)
{
	(void)state;
	static const struct {
		const char *csv, *kind; /* kind: a word of the description, or NULL */
	} cases[] = {
		{ "file,category,title,score,max,level\r\n", "summary" },
		{ "\xEF\xBB\xBF" "file,category,title,score,max,level,organisation,assessment_type,"
		  "date,answered,criteria\r\n", "summary" },
		{ "file,category,title,score,max,level,some_later_column\n", "summary" },
		{ "kind,id,title,level_a,level_b,score_a,score_b,change,differs\n", "comparison" },
		{ "kind,id,title,level_a,level_b,score_a,score_b,change,differs,evidence_a,"
		  "evidence_b,resolution,history\n", "comparison" },
		{ "criterion_id,category,current_level,target_level,target_statement,action,"
		  "lead_officer,timescale\n", "plan" },
		{ "criterion_id,action_id,category,outcome,activity,lead_officer,due,due_note,"
		  "status,progress\r\n", "actions file" },
		{ "criterion_id,category,section,developing,established,leading\n", "criteria" },
		{ "category,published_developing_max,published_established_max,published_max,"
		  "derived_developing_max,derived_established_max,derived_max,agrees\n", "ranges" },
		{ "category,title,count,min,q1,median,q3,max\n", "benchmark" },
		{ "category,title,level,target_level,overall,delivery,schedule\r\n", "dashboard" },
		{ "kind,id,title,file,date,score,max,level,change\r\n", "progress" },
		{ "Outcome,Activities,Lead officer/s,Timescale,Status\r\n", "action plan" },
		{ "Outcome,Activities,Lead officer/s,Timescale\r\n", NULL },
		/* assessments and anything else are not */
		{ "criterion_id,level\n1.1,leading\n", NULL },
		{ "criterion_id,category,section,level,points,statement\n", NULL },
		{ "file,category,title,score,max\n", NULL },
		{ "category,title,score,max,level,file\n", NULL },
		{ "FILE,category,title,score,max,level\n", NULL },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const char *kind = kind_of(cases[i].csv);
		if (cases[i].kind ? !kind || !strstr(kind, cases[i].kind) : kind != NULL)
			fail_msg("case %zu: \"%s\"; expected %s", i, kind ? kind : "(none)",
				 cases[i].kind ? cases[i].kind : "none");
	}
}

/* The summary's header as the CSV format writes it is recognised. */
static void test_summary_header(void **state)
{
	(void)state;
	const char *buffer = render_summary_signature()->text;
	const char *kind = kind_of(buffer);
	assert_non_null(kind);
	assert_non_null(strstr(kind, "summary"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_headers),
		cmocka_unit_test(test_summary_header),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
