/* Unit tests: the session's actions, which both front ends map their keys
 * and commands onto — set a level (refused levels, undo), evidence and
 * notes, the action plan, adopting from a compared file and its history,
 * search, saving elsewhere and exporting (with their questions), the
 * failure paths of saving, quitting, and the new-assessment details —
 * each with what it says to people. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "assessment.h"
#include "session.h"
#include "standard_levels.h"

static struct framework *fw;
static char dir[256];

static int setup(void **state)
{
	(void)state;
	struct tri_error err;
	fw = framework_load_embedded(&err);
	snprintf(dir, sizeof dir, "%s/tri-session-XXXXXX",
		 getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	return fw && mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	char command[512];
	snprintf(command, sizeof command, "rm -rf '%s'", dir);
	if (system(command) != 0)
		return -1;
	framework_destroy(fw);
	return 0;
}

/* dir/name, in a static buffer of four (a test holds a few at once). */
static const char *in_dir(const char *name)
{
	static char paths[4][512];
	static int next;
	char *path = paths[next++ % 4];
	snprintf(path, sizeof paths[0], "%s/%s", dir, name);
	return path;
}

static void write_text(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

/* The file's whole text (caller frees). */
static char *read_text(const char *path)
{
	FILE *f = fopen(path, "r");
	assert_non_null(f);
	static char buffer[1 << 16];
	size_t n = fread(buffer, 1, sizeof buffer - 1, f);
	fclose(f);
	buffer[n] = '\0';
	return strdup(buffer);
}

/* The level of criterion in the assessment file at path. */
static enum level level_on_disk(const char *path, const char *criterion)
{
	char *text = read_text(path);
	struct tri_error err;
	struct assessment *a = assessment_parse(fw, path, text, strlen(text), &err);
	free(text);
	if (!a)
		fail_msg("%s does not load: %s", path, err.message);
	enum level level = a->levels[framework_find_criterion(fw, criterion)];
	assessment_destroy(a);
	return level;
}

/* A session on dir/name holding the worked example's Category 1 (1.1 to
 * 1.8: 2 1 2 2 2 3 0 3) when example, else no answer. */
static void open_file(struct session *s, const char *name, bool example)
{
	const char *path = in_dir(name);
	unlink(path);
	if (example)
		write_text(path, "criterion_id,level,organisation,date\n"
			   "1.1,established,Camden,2026-11-23\n1.2,developing,,\n1.3,established,,\n"
			   "1.4,established,,\n1.5,established,,\n1.6,leading,,\n1.7,none,,\n"
			   "1.8,leading,,\n");
	else
		write_text(path, "criterion_id,level,organisation,date\n1.1,,Camden,2026-11-23\n");
	struct tri_error err;
	assert_int_equal(session_open(s, fw, path, &err), 0);
}

static size_t id(const char *criterion)
{
	long i = framework_find_criterion(fw, criterion);
	assert_true(i >= 0);
	return (size_t)i;
}

static void expect_reply(const struct session_reply *r, enum session_tone tone, const char *text)
{
	if (r->tone != tone || !strstr(r->text, text))
		fail_msg("expected tone %d with \"%s\", got tone %d: \"%s\"", tone, text, r->tone,
			 r->text);
}

/* Set a level: what is refused and what each change says. */
static void test_set_level(void **state)
{
	(void)state;
	static const struct {
		const char *criterion;
		enum level level;
		int rc;
		enum session_tone tone;
		const char *text;
	} cases[] = {
		{ "1.1", LEVEL_ESTABLISHED, 0, SESSION_DONE,
		  "1.1: Established. Category 1 score 2/22, Developing so far, 1 of 8 answered." },
		{ "1.3", LEVEL_DEVELOPING, -1, SESSION_REFUSED,
		  "criterion 1.3 has no developing cell; it can be none, established" },
		{ "1.7", LEVEL_DEVELOPING, -1, SESSION_REFUSED, "criterion 1.7 has no developing cell" },
		{ "1.2", LEVEL_NONE, 0, SESSION_DONE, "1.2: None. Category 1 score 2/22" },
		{ "2a.1", LEVEL_LEADING, 0, SESSION_DONE,
		  "2a.1: Leading. Category 2 score 3/76, Developing so far, 1 of 28 answered." },
		{ "1.1", LEVEL_ESTABLISHED, 0, SESSION_DONE, "1.1: Established." }, /* no change */
	};
	struct session s;
	open_file(&s, "levels.csv", false);
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct session_reply r;
		size_t c = id(cases[i].criterion);
		enum level before = s.a->levels[c];
		assert_int_equal(session_set_level(&s, c, cases[i].level, &r), cases[i].rc);
		expect_reply(&r, cases[i].tone, cases[i].text);
		assert_int_equal(s.a->levels[c], cases[i].rc == 0 ? cases[i].level : before);
	}
	/* three changes were made (the repeat of 1.1 is none): three undo steps */
	assert_int_equal(s.undo_count, 3);
	assert_int_equal(level_on_disk(s.path, "2a.1"), LEVEL_LEADING);
	assert_int_equal(level_on_disk(s.path, "1.2"), LEVEL_NONE);
	session_finish(&s);
}

/* Undo takes changes back, last first, to the disk too. */
static void test_undo(void **state)
{
	(void)state;
	struct session s;
	struct session_reply r;
	open_file(&s, "undo.csv", true);
	assert_int_equal(session_undo(&s, &r), -1);
	expect_reply(&r, SESSION_NOTE, "Nothing to undo.");
	assert_int_equal(session_set_level(&s, id("1.1"), LEVEL_LEADING, &r), 0);
	assert_int_equal(session_set_texts(&s, id("1.4"), "Board paper", "", &r), 0);
	assert_int_equal(session_undo(&s, &r), (long)id("1.4"));
	expect_reply(&r, SESSION_DONE, "Undid the last change to 1.4.");
	assert_string_equal(s.a->answers[id("1.4")].evidence, "");
	assert_int_equal(session_undo(&s, &r), (long)id("1.1"));
	assert_int_equal(s.a->levels[id("1.1")], LEVEL_ESTABLISHED);
	assert_int_equal(level_on_disk(s.path, "1.1"), LEVEL_ESTABLISHED);
	char *text = read_text(s.path);
	assert_null(strstr(text, "Board paper"));
	free(text);
	assert_int_equal(session_undo(&s, &r), -1);
	session_finish(&s);
}

/* Evidence and notes; an invalid text changes nothing, not even the
 * field before it. */
static void test_texts(void **state)
{
	(void)state;
	struct session s;
	struct session_reply r;
	open_file(&s, "texts.csv", true);
	size_t c = id("1.2");
	assert_int_equal(session_set_texts(&s, c, "Minutes of 3 May", "agreed", &r), 0);
	expect_reply(&r, SESSION_DONE, "Kept the evidence and notes for 1.2.");
	assert_int_equal(session_set_texts(&s, c, "Minutes of 3 May", "agreed", &r), 0);
	expect_reply(&r, SESSION_DONE, "Kept the evidence and notes for 1.2.");
	size_t steps = s.undo_count;
	assert_int_equal(session_set_texts(&s, c, "New evidence", "bad \xff byte", &r), -1);
	expect_reply(&r, SESSION_REFUSED, "text is not valid UTF-8");
	assert_string_equal(s.a->answers[c].evidence, "Minutes of 3 May");
	assert_int_equal(s.undo_count, steps);
	session_finish(&s);
}

/* The action plan: a target the row lacks is refused; undo restores the
 * plan as it was. */
static void test_plan(void **state)
{
	(void)state;
	struct session s;
	struct session_reply r;
	open_file(&s, "plan.csv", true);
	assert_int_equal(session_set_plan(&s, id("1.3"), LEVEL_DEVELOPING, "x", "", "", &r), -1);
	expect_reply(&r, SESSION_REFUSED, "criterion 1.3 has no developing cell");
	size_t c = id("1.2");
	assert_int_equal(session_set_plan(&s, c, LEVEL_LEADING, "Publish EQIA outcomes",
					  "Head of Policy", "March 2027", &r), 0);
	expect_reply(&r, SESSION_DONE, "Kept the action plan for 1.2.");
	assert_int_equal(s.a->answers[c].target, LEVEL_LEADING);
	char *text = read_text(s.path);
	assert_non_null(strstr(text, "Publish EQIA outcomes"));
	free(text);
	assert_int_equal(session_undo(&s, &r), (long)c);
	assert_int_equal(s.a->answers[c].target, LEVEL_UNANSWERED);
	assert_string_equal(s.a->answers[c].action, "");
	session_finish(&s);
}

/* Adopting from a compared file: recorded in history with who and the
 * remark; the remark replaced while it is the last change; taken back. */
static void test_adopt_and_history(void **state)
{
	(void)state;
	struct session s;
	struct session_reply r;
	open_file(&s, "self.csv", true);
	assert_int_equal(session_adopt(&s, id("1.1"), "", &r), -1);
	expect_reply(&r, SESSION_REFUSED, "no other assessment to adopt from");
	const char *peer = in_dir("peer.csv");
	write_text(peer, "criterion_id,level\n1.1,leading\n1.2,developing\n");
	struct tri_error err;
	assert_int_equal(session_open_other(&s, peer, "Peer: B. Name", &err), 0);

	size_t c = id("1.1");
	assert_int_equal(session_adopt(&s, c, "", &r), 0);
	expect_reply(&r, SESSION_DONE, "1.1: adopted Leading (recorded in its history).");
	assert_true(s.adoption_open);
	assert_int_equal(s.a->levels[c], LEVEL_LEADING);
	assert_int_equal(session_adopt_remark(&s, "first words", &r), 0);
	assert_int_equal(session_adopt_remark(&s, "agreed after discussion", &r), 0);
	expect_reply(&r, SESSION_DONE, "1.1: adopted Leading");
	const char *history = s.a->answers[c].history;
	assert_non_null(strstr(history, "| Peer: B. Name | established -> leading | adopted from "));
	assert_non_null(strstr(history, "peer.csv: agreed after discussion"));
	assert_null(strstr(history, "first words"));
	assert_null(strchr(history, '\n'));

	/* already at the other's level: nothing recorded */
	assert_int_equal(session_adopt(&s, id("1.2"), "", &r), 0);
	expect_reply(&r, SESSION_NOTE, "1.2 is already at the other's level.");
	/* no level there */
	assert_int_equal(session_adopt(&s, id("1.3"), "", &r), -1);
	expect_reply(&r, SESSION_REFUSED, "has no level for 1.3");

	/* a level set in a comparison is recorded too; then the adoption is
	 * no longer the last change: its remark is refused */
	assert_int_equal(session_set_level(&s, id("1.2"), LEVEL_ESTABLISHED, &r), 0);
	assert_non_null(strstr(s.a->answers[id("1.2")].history,
			       "| developing -> established | set while comparing with"));
	assert_int_equal(session_adopt_remark(&s, "late", &r), -1);
	expect_reply(&r, SESSION_REFUSED, "no longer the row's last");
	assert_int_equal(session_take_back_adoption(&s, &r), -1);

	/* taken back as u would: level and history as before */
	char *before = strdup(s.a->answers[id("1.5")].history);
	write_text(peer, "criterion_id,level\n1.5,none\n"); /* re-read at the adoption */
	if (session_adopt(&s, id("1.5"), "", &r) != 0)
		fail_msg("adopting 1.5: %s", r.text);
	expect_reply(&r, SESSION_DONE, "1.5: adopted None");
	assert_int_equal(session_take_back_adoption(&s, &r), (long)id("1.5"));
	expect_reply(&r, SESSION_DONE, "Took back the adoption for 1.5.");
	assert_int_equal(s.a->levels[id("1.5")], LEVEL_ESTABLISHED);
	assert_string_equal(s.a->answers[id("1.5")].history, before);
	free(before);
	session_finish(&s);
}

/* A moderation (a self-assessment compared with its peer review): each
 * decision recorded with its kind and the row resolved, the remark after
 * it, undo taking back resolution and the moderation's details, adopting
 * a level both already state records nothing, next/previous open
 * disagreement across categories. */
static void test_moderation(void **state)
{
	(void)state;
	struct session s;
	struct session_reply r;
	struct tri_error err;
	const char *self = in_dir("mod-self.csv"), *peer = in_dir("mod-peer.csv");
	write_text(self, "criterion_id,level,organisation,assessment_type\n"
		   "1.1,developing,Camden,self\n1.2,established,,\n1.3,established,,\n"
		   "4.1,established,,\n");
	write_text(peer, "criterion_id,level,organisation,assessment_type\n"
		   "1.1,leading,camden ,peer\n1.2,developing,,\n1.3,established,,\n"
		   "4.1,leading,,\n");
	assert_int_equal(session_open(&s, fw, self, &err), 0);
	assert_int_equal(session_decide(&s, id("1.1"), ASSESSMENT_KEPT, LEVEL_UNANSWERED, &r), -1);
	expect_reply(&r, SESSION_REFUSED, "no moderation here");
	assert_int_equal(session_open_other(&s, peer, "A. Facilitator", &err), 0);
	session_set_moderation(&s, false);
	assert_true(s.moderation); /* one organisation (case, spaces), self and peer */

	/* > from 1.1: 1.2, then across categories to 4.1; < wraps back */
	assert_int_equal(session_next_disagreement(&s, id("1.1"), 1, &r), (long)id("1.2"));
	expect_reply(&r, SESSION_NOTE, "1.2: open disagreement 2 of 3.");
	assert_int_equal(session_next_disagreement(&s, id("1.2"), 1, &r), (long)id("4.1"));
	assert_int_equal(session_next_disagreement(&s, id("1.1"), -1, &r), (long)id("4.1"));

	/* keep, with a remark after it (rule 22) */
	assert_int_equal(session_decide(&s, id("1.2"), ASSESSMENT_KEPT, LEVEL_UNANSWERED, &r), 0);
	expect_reply(&r, SESSION_DONE, "1.2: kept Established (recorded in its history).");
	assert_int_equal(session_adopt_remark(&s, "board minutes", &r), 0);
	expect_reply(&r, SESSION_DONE, "1.2: kept Established (recorded in its history).");
	assert_int_equal(s.a->answers[id("1.2")].resolution, ASSESSMENT_KEPT);
	assert_non_null(strstr(s.a->answers[id("1.2")].history,
			       "| A. Facilitator | established -> established | kept: board minutes"));
	assert_int_equal(s.a->moderation.status, ASSESSMENT_IN_PROGRESS);
	assert_string_equal(s.a->moderation.moderators, "A. Facilitator");

	/* a moderated level; then agree to differ, taken back with Ctrl-G */
	assert_int_equal(session_decide(&s, id("1.1"), ASSESSMENT_MODERATED, LEVEL_ESTABLISHED,
					&r), 0);
	expect_reply(&r, SESSION_DONE, "1.1: moderated to Established");
	assert_int_equal(s.a->levels[id("1.1")], LEVEL_ESTABLISHED);
	assert_int_equal(session_decide(&s, id("4.1"), ASSESSMENT_DIFFER, LEVEL_UNANSWERED, &r), 0);
	expect_reply(&r, SESSION_DONE, "4.1: agreed to differ, Established vs Leading (recorded");
	assert_int_equal(s.a->moderation.status, ASSESSMENT_COMPLETED);
	assert_int_equal(session_next_disagreement(&s, 0, 1, &r), -1);
	expect_reply(&r, SESSION_NOTE, "No open disagreement: 3 resolved.");
	assert_int_equal(session_take_back_adoption(&s, &r), (long)id("4.1"));
	expect_reply(&r, SESSION_DONE, "Took back the decision for 4.1.");
	assert_int_equal(s.a->answers[id("4.1")].resolution, ASSESSMENT_OPEN);
	assert_string_equal(s.a->answers[id("4.1")].history, "");
	assert_int_equal(s.a->moderation.status, ASSESSMENT_IN_PROGRESS);

	/* adopt in a moderation: a decision too, with its remark */
	assert_int_equal(session_adopt(&s, id("4.1"), "their interviews", &r), 0);
	expect_reply(&r, SESSION_DONE, "4.1: adopted Leading (recorded in its history).");
	assert_int_equal(s.a->answers[id("4.1")].resolution, ASSESSMENT_ADOPTED);
	assert_non_null(strstr(s.a->answers[id("4.1")].history,
			       "| established -> leading | adopted: their interviews"));
	/* adopting a level both already state records nothing, and says so */
	char *before = strdup(s.a->answers[id("1.3")].history);
	assert_int_equal(session_adopt(&s, id("1.3"), "", &r), 0);
	expect_reply(&r, SESSION_NOTE, "1.3: both sides say Established; nothing recorded.");
	assert_false(s.adoption_open);
	assert_int_equal(s.a->answers[id("1.3")].resolution, ASSESSMENT_OPEN);
	assert_string_equal(s.a->answers[id("1.3")].history, before);
	free(before);

	/* undo takes a decision back whole, the moderation's details with it */
	assert_int_equal(session_undo(&s, &r), (long)id("4.1"));
	assert_int_equal(s.a->answers[id("4.1")].resolution, ASSESSMENT_OPEN);
	assert_int_equal(s.a->levels[id("4.1")], LEVEL_ESTABLISHED);
	assert_int_equal(session_undo(&s, &r), (long)id("1.1"));
	assert_int_equal(session_undo(&s, &r), (long)id("1.2"));
	assert_int_equal(s.a->moderation.status, ASSESSMENT_NOT_MODERATED);
	assert_string_equal(s.a->moderation.moderators, "");
	/* the file says so too, and the peer review was never written */
	session_finish(&s);
	struct assessment *back = assessment_load(fw, self, &err);
	assert_non_null(back);
	assert_int_equal(back->answers[id("1.2")].resolution, ASSESSMENT_OPEN);
	assessment_destroy(back);
	back = assessment_load(fw, peer, &err);
	assert_non_null(back);
	assert_string_equal(back->moderation.moderators, "");
	assessment_destroy(back);

	/* opened on the peer review, it is a comparison as before */
	assert_int_equal(session_open(&s, fw, peer, &err), 0);
	assert_int_equal(session_open_other(&s, self, "A. Facilitator", &err), 0);
	session_set_moderation(&s, false);
	assert_false(s.moderation);
	session_set_moderation(&s, true); /* --moderate too: never recorded in the peer review */
	assert_false(s.moderation);
	session_finish(&s);
}

/* A read-only file: every change refused with the reason, and counted. */
static void test_read_only(void **state)
{
	(void)state;
	struct session s;
	struct session_reply r;
	const char *path = in_dir("locked.csv");
	write_text(path, "criterion_id,level\n1.1,established\n");
	assert_int_equal(chmod(path, 0444), 0);
	struct tri_error err;
	assert_int_equal(session_open(&s, fw, path, &err), 0);
	assert_string_equal(s.read_only, "mode 0444: no one may write it");
	assert_int_equal(session_set_level(&s, id("1.2"), LEVEL_LEADING, &r), -1);
	expect_reply(&r, SESSION_REFUSED,
		     "locked.csv is read-only (mode 0444: no one may write it); W FILE works on a copy");
	assert_int_equal(session_set_texts(&s, id("1.2"), "x", "", &r), -1);
	assert_int_equal(session_set_plan(&s, id("1.2"), LEVEL_UNANSWERED, "x", "", "", &r), -1);
	assert_int_equal(s.refused_read_only, 3);
	assert_int_equal(s.undo_count, 0);
	/* W continues on a copy that can change */
	assert_int_equal(session_save_as(&s, in_dir("copy.csv"), SESSION_UNASKED, &r),
			 SESSION_SAVED_AS);
	expect_reply(&r, SESSION_DONE, "changes now go there (a copy you can change).");
	assert_int_equal(session_set_level(&s, id("1.2"), LEVEL_LEADING, &r), 0);
	session_finish(&s);
}

/* A save that fails: the change stays in memory and says so; q warns
 * once; W saves elsewhere and the session continues there. */
static void test_save_failure(void **state)
{
	(void)state;
	struct session s;
	struct session_reply r;
	open_file(&s, "failing.csv", true);
	for (int plain = 0; plain < 2; plain++) {
		s.plain = plain;
		assert_true(session_quit(&s, false, &r)); /* nothing unsaved */
	}
	s.plain = false;
	/* changed outside into something that does not load: not written over */
	write_text(s.path, "not,an\n\"assessment\n");
	assert_int_equal(session_set_level(&s, id("1.2"), LEVEL_ESTABLISHED, &r), 0);
	expect_reply(&r, SESSION_UNSAVED, "1.2: Established, in memory only. W: save to another file.");
	assert_true(s.save_failed);
	assert_non_null(strstr(s.save_error, "does not load now"));
	s.plain = true;
	assert_int_equal(session_set_texts(&s, id("1.2"), "kept", "", &r), 0);
	expect_reply(&r, SESSION_UNSAVED, "in memory only. W FILE: save to another file.");
	static const struct { bool plain, again, quits; const char *text; } quits[] = {
		{ false, false, false, "Answers are NOT saved. W: save elsewhere; q again" },
		{ true, false, false, "Answers are NOT saved (" },
		{ false, true, true, "" },
		{ true, true, true, "" },
	};
	for (size_t i = 0; i < sizeof quits / sizeof quits[0]; i++) {
		s.plain = quits[i].plain;
		r.tone = SESSION_SILENT;
		assert_int_equal(session_quit(&s, quits[i].again, &r), quits[i].quits);
		if (!quits[i].quits)
			expect_reply(&r, SESSION_WARNING, quits[i].text);
	}
	char *outside = read_text(s.path);
	assert_string_equal(outside, "not,an\n\"assessment\n");
	free(outside);
	/* W onto the open file retries the save, and fails again */
	assert_int_equal(session_save_as(&s, s.path, SESSION_UNASKED, &r), SESSION_SAVE_AS_FAILED);
	expect_reply(&r, SESSION_FAILED, "Could not save: ");
	const char *elsewhere = in_dir("elsewhere.csv");
	unlink(elsewhere);
	assert_int_equal(session_save_as(&s, elsewhere, SESSION_UNASKED, &r), SESSION_SAVED_AS);
	expect_reply(&r, SESSION_DONE, "elsewhere.csv; changes now go there.");
	assert_false(s.save_failed);
	assert_int_equal(session_set_level(&s, id("1.3"), LEVEL_NONE, &r), 0);
	assert_int_equal(level_on_disk(elsewhere, "1.2"), LEVEL_ESTABLISHED);
	assert_int_equal(level_on_disk(elsewhere, "1.3"), LEVEL_NONE);
	session_finish(&s);
}

/* The file size limit: every save fails with why; the old file intact. */
static void test_size_limit(void **state)
{
	(void)state;
	struct session s;
	struct session_reply r;
	open_file(&s, "limit.csv", true);
	char *before = read_text(s.path);
	struct rlimit old, tiny = { 64, 64 };
	assert_int_equal(getrlimit(RLIMIT_FSIZE, &old), 0);
	tiny.rlim_max = old.rlim_max;
	void (*handler)(int) = signal(SIGXFSZ, SIG_IGN);
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &tiny), 0);
	int rc = session_set_level(&s, id("1.2"), LEVEL_ESTABLISHED, &r);
	setrlimit(RLIMIT_FSIZE, &old);
	signal(SIGXFSZ, handler);
	assert_int_equal(rc, 0);
	expect_reply(&r, SESSION_UNSAVED, "1.2: Established, in memory only.");
	assert_non_null(strstr(s.save_error, "the file size limit was reached"));
	char *after = read_text(s.path);
	assert_string_equal(before, after);
	free(before);
	free(after);
	/* the next save that works clears it */
	assert_int_equal(session_set_level(&s, id("1.3"), LEVEL_NONE, &r), 0);
	expect_reply(&r, SESSION_DONE, "1.3: None.");
	assert_false(s.save_failed);
	session_finish(&s);
}

/* W onto an existing file asks first; no leaves it; yes replaces it. */
static void test_save_as_questions(void **state)
{
	(void)state;
	struct session s;
	struct session_reply r;
	open_file(&s, "mine.csv", true);
	const char *other = in_dir("someone.csv");
	write_text(other, "my,own\n");
	assert_int_equal(session_save_as(&s, "", SESSION_UNASKED, &r), SESSION_SAVE_AS_FAILED);
	expect_reply(&r, SESSION_FAILED, "Could not save: expected a file name");
	assert_int_equal(session_save_as(&s, other, SESSION_UNASKED, &r), SESSION_SAVE_AS_EXISTS);
	expect_reply(&r, SESSION_ASK, "someone.csv already exists");
	assert_string_equal(s.question_path, other);
	assert_int_equal(session_save_as(&s, s.question_path, SESSION_NO, &r),
			 SESSION_SAVE_AS_DECLINED);
	expect_reply(&r, SESSION_NOTE, "Not saved: ");
	char *text = read_text(other);
	assert_string_equal(text, "my,own\n");
	free(text);
	assert_int_equal(session_save_as(&s, s.question_path, SESSION_YES, &r), SESSION_SAVED_AS);
	assert_string_equal(s.path, other);
	assert_int_equal(level_on_disk(other, "1.8"), LEVEL_LEADING);
	/* the compared file is never written */
	const char *peer = in_dir("peer2.csv");
	write_text(peer, "criterion_id,level\n1.1,leading\n");
	struct tri_error err;
	assert_int_equal(session_open_other(&s, peer, "", &err), 0);
	assert_int_equal(session_save_as(&s, peer, SESSION_YES, &r), SESSION_SAVE_AS_FAILED);
	expect_reply(&r, SESSION_FAILED, "is the file being compared with; it is never written");
	session_finish(&s);
}

/* x: the summary beside the file; someone's file there is asked about. */
static void test_export(void **state)
{
	(void)state;
	struct session s;
	struct session_reply r;
	open_file(&s, "camden.csv", true);
	const char *summary = in_dir("camden-summary.csv");
	unlink(summary);
	assert_int_equal(session_export_summary(&s, SESSION_UNASKED, &r), 0);
	expect_reply(&r, SESSION_DONE, "Exported the category summary to ");
	assert_non_null(strstr(r.text, "camden-summary.csv (the answers are in "));
	char *text = read_text(summary);
	assert_non_null(strstr(text, "1,Strategic Leadership and Management,15,22,established"));
	free(text);
	/* its own earlier export is replaced without a question */
	assert_int_equal(session_export_summary(&s, SESSION_UNASKED, &r), 0);
	write_text(summary, "my,own\n");
	assert_int_equal(session_export_summary(&s, SESSION_UNASKED, &r), 1);
	assert_int_equal(r.tone, SESSION_ASK);
	assert_string_equal(s.question_path, summary);
	assert_int_equal(session_export_summary(&s, SESSION_NO, &r), 1);
	expect_reply(&r, SESSION_NOTE, "Not exported: ");
	text = read_text(summary);
	assert_string_equal(text, "my,own\n");
	free(text);
	assert_int_equal(session_export_summary(&s, SESSION_YES, &r), 0);
	text = read_text(summary);
	assert_non_null(strstr(text, "established"));
	free(text);
	session_finish(&s);
}

/* Search: ids, cells, evidence; the next match from where one is; none. */
static void test_find(void **state)
{
	(void)state;
	struct session s;
	struct session_reply r;
	open_file(&s, "find.csv", true);
	assert_int_equal(session_find(&s, NULL, 0, 1, &r), -1);
	expect_reply(&r, SESSION_NOTE, "Nothing searched for yet");
	assert_int_equal(session_find(&s, "", 0, 1, &r), -1);
	expect_reply(&r, SESSION_NOTE, "Search cancelled.");
	long at = session_find(&s, "trade union", 0, 1, &r);
	assert_int_equal(at, (long)id("6.10"));
	expect_reply(&r, SESSION_DONE, "\"trade union\": 6.10, 2 matching criteria. n/N: "
		     "next/previous.");
	assert_int_equal(session_find(&s, NULL, (size_t)at, 1, &r), (long)id("6.11"));
	assert_int_equal(session_find(&s, NULL, id("6.11"), 1, &r), (long)id("6.10")); /* wraps */
	/* N: the previous match, wrapping round the other way */
	assert_int_equal(session_find(&s, NULL, id("6.11"), -1, &r), (long)id("6.10"));
	assert_int_equal(session_find(&s, NULL, id("6.10"), -1, &r), (long)id("6.11"));
	assert_int_equal(session_find(&s, NULL, 0, -1, &r), (long)id("6.11"));
	assert_int_equal(session_find(&s, "2A.3", 0, 1, &r), (long)id("2a.3"));
	expect_reply(&r, SESSION_DONE, "1 matching criterion.");
	assert_int_equal(session_set_texts(&s, id("4.2"), "Zanzibar minutes", "", &r), 0);
	assert_int_equal(session_find(&s, "zanzibar", 0, 1, &r), (long)id("4.2"));
	/* case and accents ignored, beyond ASCII (core/text) */
	assert_int_equal(session_set_texts(&s, id("3.1"), "Met Zo\xc3\xab and \xc5\x81ukasz",
					   "Stra\xc3\x9f" "e", &r), 0);
	assert_int_equal(session_find(&s, "zoe", 0, 1, &r), (long)id("3.1"));
	assert_int_equal(session_find(&s, "\xc5\x82ukasz", 0, 1, &r), (long)id("3.1"));
	assert_int_equal(session_find(&s, "STRASSE", 0, 1, &r), (long)id("3.1"));
	assert_int_equal(session_find(&s, "no such words anywhere", 0, 1, &r), -1);
	expect_reply(&r, SESSION_FAILED, "No criterion mentions \"no such words anywhere\".");
	assert_int_equal(session_find_id(&s, "2a.3", &r), (long)id("2a.3"));
	assert_int_equal(session_find_id(&s, "9.9", &r), -1);
	expect_reply(&r, SESSION_REFUSED, "no criterion \"9.9\"; expected an id such as 1.1");
	session_finish(&s);
}

/* The summary's next steps. */
static void test_steps(void **state)
{
	(void)state;
	struct session s;
	open_file(&s, "steps.csv", true);
	struct plan_gap gap;
	char heading[256], line[1024];
	int n = session_steps(&s, 0, &gap, heading, sizeof heading);
	assert_string_equal(heading, "Category 1: 4 more for Leading; the fewest steps (2):");
	assert_int_equal(n, 2);
	bool seen = false;
	for (int k = 0; k < n; k++)
		seen |= strncmp(session_step_line(&s, &gap.raises[k], line, sizeof line),
				"  1.7   to Leading (+3): ", 25) == 0;
	assert_true(seen);
	assert_int_equal(session_steps(&s, 1, &gap, heading, sizeof heading), 0);
	assert_string_equal(heading, "Category 2 is not assessed: its rows need levels first.");
	session_finish(&s);
}

/* The new assessment's details, each checked, then the file created. */
static void test_details(void **state)
{
	(void)state;
	static const struct {
		enum session_detail detail;
		const char *value;
		int rc;
		const char *text;
	} cases[] = {
		{ SESSION_ORGANISATION, "", -1, "expected the authority's name" },
		{ SESSION_ORGANISATION, "Camden", 0, "" },
		{ SESSION_TYPE, "", 0, "" },
		{ SESSION_TYPE, "peer", 0, "" },
		{ SESSION_TYPE, "peer-review", -1, "\"peer-review\": expected self or peer" },
		{ SESSION_ASSESSORS, "", 0, "" },
		{ SESSION_DATE, "", 0, "" },
		{ SESSION_DATE, "2026-11-23", 0, "" },
		{ SESSION_DATE, "2026-13-01", -1, "\"2026-13-01\": expected a date as YYYY-MM-DD" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct session_reply r = { .tone = SESSION_SILENT };
		assert_int_equal(session_check_detail(cases[i].detail, cases[i].value, &r), cases[i].rc);
		if (cases[i].rc)
			expect_reply(&r, SESSION_REFUSED, cases[i].text);
	}
	struct session s;
	struct session_reply r;
	struct tri_error err;
	const char *path = in_dir("new.csv");
	unlink(path);
	assert_int_equal(session_open(&s, fw, path, &err), 0);
	assert_true(s.is_new);
	enum session_detail wrong;
	const char *bad[SESSION_DETAIL_COUNT] = { "Camden", "self", "A. Facilitator", "23/11/2026" };
	assert_int_equal(session_create(&s, bad, &wrong, &r), -1);
	assert_int_equal(wrong, SESSION_DATE);
	assert_int_equal(access(path, F_OK), -1); /* nothing created */
	const char *good[SESSION_DETAIL_COUNT] = { "Camden", "", "A. Facilitator", "2026-11-23" };
	assert_int_equal(session_create(&s, good, &wrong, &r), 0);
	expect_reply(&r, SESSION_DONE, "Created ");
	assert_false(s.is_new);
	assert_string_equal(s.a->type, "self");
	char *text = read_text(path);
	assert_non_null(strstr(text, "Camden,self,A. Facilitator,2026-11-23"));
	free(text);
	session_finish(&s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_set_level),
		cmocka_unit_test(test_undo),
		cmocka_unit_test(test_texts),
		cmocka_unit_test(test_plan),
		cmocka_unit_test(test_adopt_and_history),
		cmocka_unit_test(test_moderation),
		cmocka_unit_test(test_read_only),
		cmocka_unit_test(test_save_failure),
		cmocka_unit_test(test_size_limit),
		cmocka_unit_test(test_save_as_questions),
		cmocka_unit_test(test_export),
		cmocka_unit_test(test_find),
		cmocka_unit_test(test_steps),
		cmocka_unit_test(test_details),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
