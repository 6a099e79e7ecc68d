/* Unit tests: the comparison model and the moderation recorded in an
 * assessment (clarifications rule 8): when two files are a moderation,
 * sides named from their metadata, counts per category, the next open
 * disagreement, each kind of decision with its history line and
 * resolution, the moderation's status and details, and the columns that
 * keep them on disk (old files load). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assessment.h"
#include "comparison.h"
#include "csvio.h"
#include "standard_levels.h"
#include "words.h"

static struct framework *fw;

static int setup(void **state)
{
	(void)state;
	struct tri_error err;
	fw = framework_load_embedded(&err);
	return fw ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	framework_destroy(fw);
	return 0;
}

static size_t id(const char *criterion)
{
	long i = framework_find_criterion(fw, criterion);
	assert_true(i >= 0);
	return (size_t)i;
}

static struct assessment *made(const char *organisation, const char *type, const char *date,
			       const char *assessors)
{
	struct tri_error err;
	struct assessment *a = assessment_create(fw);
	assert_non_null(a);
	assert_int_equal(assessment_set_text(&a->organisation, organisation, &err), 0);
	assert_int_equal(assessment_set_text(&a->type, type, &err), 0);
	assert_int_equal(assessment_set_text(&a->date, date, &err), 0);
	assert_int_equal(assessment_set_text(&a->assessors, assessors, &err), 0);
	return a;
}

static void set(struct assessment *a, const char *criterion, enum level level)
{
	struct tri_error err;
	if (assessment_set_level(a, id(criterion), level, &err) != 0)
		fail_msg("%s", err.message);
}

/* When two files are a moderation, and what each side is called. */
static void test_sides(void **state)
{
	(void)state;
	static const struct {
		const char *org[2], *type[2], *date[2], *assessors[2];
		bool moderation;
		int record;
		const char *label[2], *name[2];
	} cases[] = {
		{ { "London Borough of Camden", "  london  borough of CAMDEN " }, { "self", "peer" },
		  { "2026-11-20", "2026-11-24" }, { "A. Facilitator", "B. Reviewer (Brent)" },
		  true, 0, { "Self-assessment", "Peer review" },
		  { "London Borough of Camden: self-assessment, 2026-11-20, by A. Facilitator",
		    "  london  borough of CAMDEN : peer review, 2026-11-24, by B. Reviewer (Brent)" } },
		{ { "Camden", "Camden" }, { "peer", "self" }, { "", "" }, { "", "" },
		  true, 1, { "Peer review", "Self-assessment" },
		  { "Camden: peer review", "Camden: self-assessment" } },
		/* last year's file: no moderation; the dates tell them apart */
		{ { "Camden", "Camden" }, { "self", "self" }, { "2025-11-20", "2026-11-20" },
		  { "", "" }, false, -1, { "Self-assessment 2025-11-20", "Self-assessment 2026-11-20" },
		  { "Camden: self-assessment, 2025-11-20", "Camden: self-assessment, 2026-11-20" } },
		/* two organisations: no moderation, even self and peer */
		{ { "Camden", "Brent" }, { "self", "peer" }, { "", "" }, { "", "" }, false, -1,
		  { "Self-assessment", "Peer review" }, { "Camden: self-assessment",
		  "Brent: peer review" } },
		{ { "Camden", "Brent" }, { "self", "self" }, { "", "" }, { "", "" }, false, -1,
		  { "Camden", "Brent" }, { "Camden: self-assessment", "Brent: self-assessment" } },
		{ { "Camden", "Camden" }, { "", "" }, { "", "" }, { "Ada", "Ngozi" }, false, -1,
		  { "Assessment by Ada", "Assessment by Ngozi" },
		  { "Camden: assessment, by Ada", "Camden: assessment, by Ngozi" } },
		/* nothing tells them apart: never "Other", never a path */
		{ { "", "" }, { "", "" }, { "", "" }, { "", "" }, false, -1,
		  { "First assessment", "Second assessment" },
		  { "organisation not named: assessment", "organisation not named: assessment" } },
	};
	for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
		struct assessment *side[2];
		for (int s = 0; s < 2; s++)
			side[s] = made(cases[k].org[s], cases[k].type[s], cases[k].date[s],
				       cases[k].assessors[s]);
		assert_int_equal(comparison_is_moderation(side[0], side[1]), cases[k].moderation);
		struct comparison c;
		assert_int_equal(comparison_init(&c, side[0], side[1], COMPARISON_AUTO), 0);
		assert_int_equal(c.moderation, cases[k].moderation);
		assert_int_equal(c.record, cases[k].record);
		for (int s = 0; s < 2; s++) {
			assert_string_equal(c.labels[s], cases[k].label[s]);
			assert_string_equal(c.names[s], cases[k].name[s]);
		}
		comparison_finish(&c);
		/* --moderate: a moderation whatever the types, recorded in a
		 * unless b alone is the self-assessment */
		assert_int_equal(comparison_init(&c, side[0], side[1], COMPARISON_MODERATE), 0);
		assert_true(c.moderation);
		assert_int_equal(c.record, cases[k].record == 1 ? 1 : 0);
		comparison_finish(&c);
		assessment_destroy(side[0]);
		assessment_destroy(side[1]);
	}
}

/* "YYYY-MM-DD HH:MM | who | old -> new | remark", the line's last. */
static void assert_last_line(const char *history, const char *rest)
{
	const char *last = strrchr(history, '\n');
	last = last ? last + 1 : history;
	regex_t re;
	assert_int_equal(regcomp(&re, "^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2} \\| ",
				 REG_EXTENDED | REG_NOSUB), 0);
	int matched = regexec(&re, last, 0, NULL, 0);
	regfree(&re);
	assert_int_equal(matched, 0);
	assert_string_equal(last + 19, rest);
}

/* A pairing session: ten disagreements in two categories, each kind of
 * decision, the counts and the status after each. */
static void test_decisions(void **state)
{
	(void)state;
	struct tri_error err;
	struct assessment *self = made("Camden", "self", "2026-11-20", "A. Facilitator");
	struct assessment *peer = made("Camden", "peer", "2026-11-24", "B. Reviewer");
	static const char *const rows[] = { "1.1", "1.2", "1.4", "1.5", "1.6", "1.7", "1.8",
					    "4.1", "4.2", "4.3" };
	for (size_t r = 0; r < 10; r++) {
		set(self, rows[r], LEVEL_NONE);
		set(peer, rows[r], framework_top_level(&fw->criteria[id(rows[r])]));
	}
	set(self, "1.3", LEVEL_ESTABLISHED);
	set(peer, "1.3", LEVEL_ESTABLISHED);
	set(self, "4.4", LEVEL_NONE); /* the peer did not assess it */

	struct comparison c;
	assert_int_equal(comparison_init(&c, self, peer, COMPARISON_AUTO), 0);
	assert_int_equal(c.differ_count, 11);
	assert_int_equal(c.total.disagreements, 11);
	assert_int_equal(c.total.open, 11);
	assert_int_equal(c.categories[0].differ, 7);
	assert_int_equal(c.categories[3].differ, 4);
	assert_int_equal(comparison_next_open(&c, id("1.8"), 1), (long)id("4.1"));
	assert_int_equal(comparison_next_open(&c, id("4.1"), -1), (long)id("1.8"));
	assert_int_equal(comparison_next_open(&c, id("1.1"), -1), (long)id("4.4")); /* wraps */
	assert_int_equal(comparison_next_open(&c, id("1.2"), 1), (long)id("1.4")); /* 1.3 agrees */
	comparison_finish(&c);
	assert_int_equal(self->moderation.status, ASSESSMENT_NOT_MODERATED);

	/* adopt: the peer's level, recorded; then nothing more to adopt */
	assert_int_equal(comparison_decide(self, peer, id("1.1"), ASSESSMENT_ADOPTED, LEVEL_NONE,
					   "A. Facilitator", "their minutes convinced us", &err), 0);
	assert_int_equal(self->levels[id("1.1")], LEVEL_LEADING);
	assert_int_equal(self->answers[id("1.1")].resolution, ASSESSMENT_ADOPTED);
	assert_last_line(self->answers[id("1.1")].history, "A. Facilitator | none -> leading | "
			 "adopted: their minutes convinced us");
	char *before = strdup(self->answers[id("1.1")].history);
	assert_int_equal(comparison_decide(self, peer, id("1.1"), ASSESSMENT_ADOPTED, LEVEL_NONE,
					   "A. Facilitator", "", &err), 1);
	assert_string_equal(self->answers[id("1.1")].history, before);
	free(before);
	assert_int_equal(comparison_decide(self, peer, id("1.3"), ASSESSMENT_KEPT, LEVEL_NONE,
					   "A. Facilitator", "", &err), 1); /* agreeing: nothing */
	assert_string_equal(self->answers[id("1.3")].history, "");
	assert_int_equal(self->moderation.status, ASSESSMENT_IN_PROGRESS);
	assert_string_equal(self->moderation.moderators, "A. Facilitator");
	assert_true(assessment_date_valid(self->moderation.date) && *self->moderation.date);

	/* keep, a moderated level, agree to differ: each by its own kind */
	assert_int_equal(comparison_decide(self, peer, id("1.2"), ASSESSMENT_KEPT, LEVEL_NONE,
					   "B. Reviewer", "", &err), 0);
	assert_int_equal(self->levels[id("1.2")], LEVEL_NONE);
	assert_last_line(self->answers[id("1.2")].history, "B. Reviewer | none -> none | kept");
	assert_int_equal(comparison_decide(self, peer, id("1.5"), ASSESSMENT_MODERATED,
					   LEVEL_ESTABLISHED, "A. Facilitator", "between the two",
					   &err), 0);
	assert_int_equal(self->levels[id("1.5")], LEVEL_ESTABLISHED);
	assert_last_line(self->answers[id("1.5")].history, "A. Facilitator | none -> "
			 "established | moderated: between the two");
	assert_int_equal(comparison_decide(self, peer, id("4.1"), ASSESSMENT_DIFFER, LEVEL_NONE,
					   "A. Facilitator", "no evidence either way", &err), 0);
	assert_last_line(self->answers[id("4.1")].history, "A. Facilitator | none -> none | "
			 "differ: no evidence either way");
	assert_string_equal(self->moderation.moderators, "A. Facilitator; B. Reviewer");

	/* refused, nothing changed: no cell, nothing to adopt or keep */
	size_t no_cell = fw->criterion_count;
	for (size_t i = 0; i < fw->criterion_count && no_cell == fw->criterion_count; i++)
		if (!framework_has_level(&fw->criteria[i], LEVEL_DEVELOPING))
			no_cell = i;
	assert_true(no_cell < fw->criterion_count);
	assert_int_equal(comparison_decide(self, peer, no_cell, ASSESSMENT_MODERATED,
					   LEVEL_DEVELOPING, "A. Facilitator", "", &err), -1);
	assert_non_null(strstr(err.message, "has no developing cell"));
	assert_int_equal(comparison_decide(self, peer, id("4.4"), ASSESSMENT_ADOPTED, LEVEL_NONE,
					   "A. Facilitator", "", &err), -1);
	assert_non_null(strstr(err.message, "4.4 is not assessed on the other side"));
	assert_int_equal(comparison_decide(self, peer, id("5.1"), ASSESSMENT_KEPT, LEVEL_NONE,
					   "A. Facilitator", "", &err), 1); /* neither assessed */
	set(peer, "5.1", LEVEL_LEADING);
	assert_int_equal(comparison_decide(self, peer, id("5.1"), ASSESSMENT_KEPT, LEVEL_NONE,
					   "A. Facilitator", "", &err), -1);
	assert_non_null(strstr(err.message, "5.1 has no level here to keep"));
	set(peer, "5.1", LEVEL_UNANSWERED);
	assert_string_equal(self->answers[id("4.4")].history, "");
	assert_int_equal(self->answers[no_cell].resolution, ASSESSMENT_OPEN);

	/* the counts: adopted 1.1 agrees now, and still counts as decided */
	assert_int_equal(comparison_init(&c, self, peer, COMPARISON_AUTO), 0);
	assert_int_equal(c.categories[0].disagreements, 7);
	assert_int_equal(c.categories[0].resolved, 3);
	assert_int_equal(c.categories[0].open, 4);
	assert_int_equal(c.categories[0].differ, 6);
	assert_int_equal(c.categories[3].disagreements, 4);
	assert_int_equal(c.categories[3].resolved, 1);
	assert_int_equal(c.total.open, 7);
	assert_int_equal(c.criteria[id("1.5")].resolution, ASSESSMENT_MODERATED);
	assert_int_equal(comparison_next_open(&c, id("1.1"), 1), (long)id("1.4"));
	assert_int_equal(comparison_next_open(&c, id("1.8"), 1), (long)id("4.2"));
	char words[128];
	assert_string_equal(words_disagreements(&c.categories[0], true, words, sizeof words),
			    "7 disagreements, 3 resolved, 4 open");
	assert_string_equal(words_disagreements(&c.categories[2], true, words, sizeof words),
			    "no disagreements");
	comparison_finish(&c);

	/* the last open one resolved: completed; a level changed since: open again */
	static const char *const rest[] = { "1.4", "1.6", "1.7", "1.8", "4.2", "4.3", "4.4" };
	for (size_t r = 0; r < 7; r++) {
		assert_int_equal(self->moderation.status, ASSESSMENT_IN_PROGRESS);
		assert_int_equal(comparison_decide(self, peer, id(rest[r]), ASSESSMENT_DIFFER,
						   LEVEL_NONE, "A. Facilitator", "", &err), 0);
	}
	assert_int_equal(self->moderation.status, ASSESSMENT_COMPLETED);
	assert_int_equal(comparison_init(&c, self, peer, COMPARISON_AUTO), 0);
	assert_string_equal(words_disagreements(&c.total, true, words, sizeof words),
			    "11 disagreements, all resolved");
	assert_int_equal(comparison_next_open(&c, 0, 1), -1);
	comparison_finish(&c);
	set(self, "3.1", LEVEL_LEADING); /* the peer has not assessed 3.1 */
	comparison_update_status(self, peer);
	assert_int_equal(self->moderation.status, ASSESSMENT_IN_PROGRESS);

	/* the same two files compared as something else: no resolutions */
	assert_int_equal(assessment_set_text(&peer->organisation, "Brent", &err), 0);
	assert_int_equal(comparison_init(&c, self, peer, COMPARISON_AUTO), 0);
	assert_false(c.moderation);
	assert_int_equal(c.total.disagreements, 0);
	assert_int_equal(c.total.resolved, 0);
	assert_int_equal(c.total.open, c.differ_count);
	assert_int_equal(c.criteria[id("1.2")].resolution, ASSESSMENT_OPEN);
	assert_string_equal(words_disagreements(&c.total, false, words, sizeof words), "11 differ");
	comparison_finish(&c);
	assessment_destroy(self);
	assessment_destroy(peer);
}

/* Both files' history lines of a row, oldest first, a shared line once. */
static void test_history_merged(void **state)
{
	(void)state;
	struct tri_error err;
	struct assessment *a = made("Camden", "self", "", "");
	struct assessment *b = made("Camden", "self", "", "");
	static const struct {
		const char *a, *b, *merged;
	} cases[] = {
		{ "", "", "" },
		{ "2026-01-01 10:00 | A | none -> leading | x", "",
		  "2026-01-01 10:00 | A | none -> leading | x" },
		{ "", "2026-01-01 10:00 | B | none -> none | y",
		  "2026-01-01 10:00 | B | none -> none | y" },
		{ "2026-01-01 10:00 | A | a\n2026-03-01 09:00 | A | c",
		  "2026-02-01 10:00 | B | b\n2026-04-01 00:00 | B | d",
		  "2026-01-01 10:00 | A | a\n2026-02-01 10:00 | B | b\n2026-03-01 09:00 | A | c\n"
		  "2026-04-01 00:00 | B | d" },
		{ "2026-01-01 10:00 | A | shared\n2026-03-01 09:00 | A | mine",
		  "2026-01-01 10:00 | A | shared",
		  "2026-01-01 10:00 | A | shared\n2026-03-01 09:00 | A | mine" },
		{ "edited by hand", "2026-01-01 10:00 | B | b",
		  "edited by hand\n2026-01-01 10:00 | B | b" },
	};
	for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
		assert_int_equal(assessment_set_text(&a->answers[0].history, cases[k].a, &err), 0);
		assert_int_equal(assessment_set_text(&b->answers[0].history, cases[k].b, &err), 0);
		struct comparison c;
		assert_int_equal(comparison_init(&c, a, b, COMPARISON_AUTO), 0);
		assert_string_equal(c.criteria[0].history, cases[k].merged);
		comparison_finish(&c);
	}
	/* without b: a's scores alone, no rows, no names */
	struct comparison c;
	assert_int_equal(comparison_init(&c, a, NULL, COMPARISON_MODERATE), 0);
	assert_null(c.criteria);
	assert_null(c.names[0]);
	assert_false(c.moderation);
	assert_false(comparison_criterion_open(&c, 0));
	assert_int_equal(comparison_next_open(&c, 0, 1), -1);
	comparison_finish(&c);
	assessment_destroy(a);
	assessment_destroy(b);
}

/* The resolution and the moderation's details on disk: appended columns,
 * read back; a file from before them loads, open and not moderated. */
static void test_columns(void **state)
{
	(void)state;
	struct tri_error err;
	struct assessment *self = made("Camden", "self", "2026-11-20", "");
	struct assessment *peer = made("Camden", "peer", "2026-11-24", "");
	set(self, "1.1", LEVEL_DEVELOPING);
	set(peer, "1.1", LEVEL_LEADING);
	set(self, "1.2", LEVEL_DEVELOPING);
	set(peer, "1.2", LEVEL_LEADING);
	assert_int_equal(comparison_decide(self, peer, id("1.1"), ASSESSMENT_DIFFER, LEVEL_NONE,
					   "=Zoë", "", &err), 0);
	char *text = NULL;
	size_t size = 0;
	FILE *out = open_memstream(&text, &size);
	assert_int_equal(assessment_write(self, out, &err), 0);
	fclose(out);
	/* No action columns: the actions live in the actions file (rule 7). */
	const char *header = "criterion_id,category,section,level,points,statement,evidence,"
			     "notes,target_level,history,"
			     "organisation,assessment_type,assessors,date,framework_id,"
			     "framework_version,resolution,moderators,moderation_date,"
			     "moderation_status\r\n";
	assert_memory_equal(text, header, strlen(header));
	assert_non_null(strstr(text, ",differ,'=Zoë,"));
	assert_non_null(strstr(text, ",in_progress\r\n"));
	struct assessment *back = assessment_parse(fw, "back.csv", text, size, &err);
	if (!back)
		fail_msg("%s", err.message);
	assert_int_equal(back->answers[id("1.1")].resolution, ASSESSMENT_DIFFER);
	assert_int_equal(back->answers[id("1.2")].resolution, ASSESSMENT_OPEN);
	assert_string_equal(back->moderation.moderators, "=Zoë");
	assert_string_equal(back->moderation.date, self->moderation.date);
	assert_int_equal(back->moderation.status, ASSESSMENT_IN_PROGRESS);
	assessment_destroy(back);
	free(text);

	/* what a spreadsheet does to the date and the words; an old file */
	static const struct {
		const char *file;
		enum assessment_resolution resolution;
		const char *date;
		enum assessment_moderation_status status;
	} cases[] = {
		{ "criterion_id,level\n1.1,leading\n", ASSESSMENT_OPEN, "",
		  ASSESSMENT_NOT_MODERATED },
		{ "criterion_id,level,resolution,moderation_date,moderation_status\n"
		  "1.1,leading, Adopted ,24/11/2026,Completed\n", ASSESSMENT_ADOPTED, "2026-11-24",
		  ASSESSMENT_COMPLETED },
		{ "criterion_id,level,resolution,moderation_status\n1.1,leading,kept,\n"
		  "1.2,developing,,in_progress\n", ASSESSMENT_KEPT, "", ASSESSMENT_IN_PROGRESS },
	};
	for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
		struct assessment *a = assessment_parse(fw, "a.csv", cases[k].file,
							strlen(cases[k].file), &err);
		if (!a)
			fail_msg("%s", err.message);
		assert_int_equal(a->answers[0].resolution, cases[k].resolution);
		assert_string_equal(a->moderation.date, cases[k].date);
		assert_int_equal(a->moderation.status, cases[k].status);
		assessment_destroy(a);
	}
	assessment_destroy(self);
	assessment_destroy(peer);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sides),
		cmocka_unit_test(test_decisions),
		cmocka_unit_test(test_history_merged),
		cmocka_unit_test(test_columns),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
