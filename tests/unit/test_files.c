/* Unit tests: the file-handling layer — a save keeps what the file is
 * (mode, ACL, links), a crash at any step leaves one complete file (fault
 * injection), readers wait for or read the journal, one lock per file,
 * only regular files, the output rules, the three-way merge. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <sys/xattr.h>
#include <time.h>
#include <unistd.h>

#include "assessment.h"
#include "atomicfile.h"
#include "fileid.h"
#include "lockfile.h"
#include "merge.h"
#include "outfile.h"
#include "standard_levels.h"

static struct framework *fw;
static char dir[256];

static int setup(void **state)
{
	(void)state;
	struct tri_error err;
	fw = framework_load_embedded(&err);
	snprintf(dir, sizeof dir, "%s/tri-files-XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
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

static const char *in_dir(const char *name)
{
	static char paths[4][512];
	static int next;
	char *path = paths[next++ % 4];
	snprintf(path, 512, "%s/%s", dir, name);
	return path;
}

static char *slurp(const char *path, size_t *size)
{
	char *data;
	size_t ignored;
	struct tri_error err;
	if (fileid_read(path, 1 << 20, &data, size ? size : &ignored, NULL, &err) != 0)
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

static double seconds_since(const struct timespec *start)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - start->tv_sec) + (now.tv_nsec - start->tv_nsec) / 1e9;
}

/* Nothing of tri-assess's own is left beside name: no temporary file, no
 * journal. */
static void assert_no_leftovers(const char *name)
{
	char cmd[600];
	snprintf(cmd, sizeof cmd, "ls -A '%s' | grep -q '^\\.%s\\.tri-assess'", dir, name);
	assert_int_not_equal(system(cmd), 0);
}

/* A save keeps the mode and the POSIX ACL, and goes by rename when the new
 * file can carry them (one link). */
static void test_save_keeps_mode_and_acl(void **state)
{
	(void)state;
	const char *path = in_dir("acl.csv");
	write_text(path, "old\n");
	assert_int_equal(chmod(path, 0640), 0);
	char cmd[600];
	snprintf(cmd, sizeof cmd, "setfacl -m u:12345:rw '%s'", path);
	assert_int_equal(system(cmd), 0);
	char before[512], after_acl[512];
	ssize_t n = lgetxattr(path, "system.posix_acl_access", before, sizeof before);
	assert_true(n > 0);
	struct stat old, now;
	assert_int_equal(stat(path, &old), 0);

	enum atomicfile_method method;
	struct tri_error err;
	assert_int_equal(atomicfile_save(path, "new\n", 4, &method, NULL, &err), 0);
	assert_int_equal(method, ATOMICFILE_RENAMED);
	assert_int_equal(stat(path, &now), 0);
	assert_int_equal(now.st_mode & 07777, old.st_mode & 07777);
	assert_int_equal(now.st_uid, old.st_uid);
	assert_int_equal(now.st_gid, old.st_gid);
	assert_int_equal(lgetxattr(path, "system.posix_acl_access", after_acl, sizeof after_acl), n);
	assert_memory_equal(before, after_acl, (size_t)n);
	char *text = slurp(path, NULL);
	assert_string_equal(text, "new\n");
	free(text);
	assert_no_leftovers("acl.csv");
}

/* A file with hard links is saved in place: every name sees the change,
 * the inode and its link count stay. */
static void test_save_keeps_hard_links(void **state)
{
	(void)state;
	const char *path = in_dir("linked.csv"), *other = in_dir("other-name.csv");
	write_text(path, "one two three\n");
	assert_int_equal(link(path, other), 0);
	struct stat old, now;
	assert_int_equal(stat(path, &old), 0);
	enum atomicfile_method method;
	struct tri_error err;
	assert_int_equal(atomicfile_save(path, "four\n", 5, &method, NULL, &err), 0);
	assert_int_equal(method, ATOMICFILE_IN_PLACE);
	assert_int_equal(stat(other, &now), 0);
	assert_int_equal(now.st_ino, old.st_ino);
	assert_int_equal(now.st_nlink, 2);
	char *text = slurp(other, NULL);
	assert_string_equal(text, "four\n");
	free(text);
	assert_no_leftovers("linked.csv");
}

static int fault_step;

static void kill_at_step(int step)
{
	if (step == fault_step)
		raise(SIGKILL);
}

/* Save new_text over path in a child killed at step; true if it died. */
static bool save_killed_at(const char *path, const char *new_text, int step)
{
	fflush(NULL);
	pid_t pid = fork();
	if (pid == 0) {
		fault_step = step;
		atomicfile_fault_hook = kill_at_step;
		struct tri_error err;
		atomicfile_save(path, new_text, strlen(new_text), NULL, NULL, &err);
		_exit(0);
	}
	int status;
	waitpid(pid, &status, 0);
	return WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
}

/* SIGKILL between every two steps of both ways of saving: the next open
 * (remove stale temporary files, recover the journal) finds one complete
 * file, old or new, never a torn one; once the journal is in place, the
 * new one. */
static void test_crash_at_every_step(void **state)
{
	(void)state;
	static const struct { int step; bool linked; bool must_be_new; } cases[] = {
		{ 1, false, false }, { 2, false, true },
		{ 10, true, false }, { 11, true, true }, { 12, true, true },
		{ 13, true, true }, { 14, true, true }, { 15, true, true },
	};
	const char *old_text = "criterion_id,level\n1.1,developing\n1.2,established\n";
	const char *new_text = "criterion_id,level\n1.1,leading\n1.2,leading\n1.3,none\n";
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const char *path = in_dir("crash.csv"), *other = in_dir("crash-link.csv");
		unlink(path);
		unlink(other);
		write_text(path, old_text);
		if (cases[i].linked)
			assert_int_equal(link(path, other), 0);
		assert_true(save_killed_at(path, new_text, cases[i].step));

		/* the next open */
		struct tri_error err;
		atomicfile_remove_stale(path);
		int recovered = atomicfile_recover(path, &err);
		assert_true(recovered >= 0);
		char *text = slurp(path, NULL);
		if (cases[i].must_be_new || strcmp(text, old_text) != 0)
			assert_string_equal(text, new_text);
		free(text);
		assert_no_leftovers("crash.csv");
		if (cases[i].linked) {
			struct stat a, b;
			assert_int_equal(stat(path, &a), 0);
			assert_int_equal(stat(other, &b), 0);
			assert_int_equal(a.st_ino, b.st_ino);
		}
	}
}

/* A reader meeting a torn in-place save (its writer killed half way)
 * retries for a second, then reads the journal's complete copy. */
static void test_reader_reads_journal(void **state)
{
	(void)state;
	const char *path = in_dir("torn.csv"), *other = in_dir("torn-link.csv");
	const char *new_text = "criterion_id,level\n1.1,leading\n1.2,leading\n";
	write_text(path, "criterion_id,level\n1.1,developing\n1.2,developing\n1.3,none\n");
	assert_int_equal(link(path, other), 0);
	assert_true(save_killed_at(path, new_text, 12));
	struct timespec start;
	clock_gettime(CLOCK_MONOTONIC, &start);
	size_t size;
	char *text = slurp(path, &size);
	double took = seconds_since(&start);
	assert_string_equal(text, new_text);
	assert_true(took >= 0.9 && took < 5);
	free(text);
	struct tri_error err;
	assert_int_equal(atomicfile_recover(path, &err), ATOMICFILE_JOURNAL_RESTORED);
}

/* A FIFO, a directory, a device: refused at once, naming what it is. */
static void test_only_regular_files(void **state)
{
	(void)state;
	const char *fifo = in_dir("pipe.csv");
	assert_int_equal(mkfifo(fifo, 0600), 0);
	static const struct { const char *path; const char *says; } cases[] = {
		{ NULL, "is a named pipe (FIFO); expected a regular file" },
		{ "/dev/null", "/dev/null is a character device" },
		{ "/", "/ is a directory" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct timespec start;
		clock_gettime(CLOCK_MONOTONIC, &start);
		char *data;
		size_t size;
		struct tri_error err;
		const char *path = cases[i].path ? cases[i].path : fifo;
		assert_int_equal(fileid_read(path, 1 << 20, &data, &size, NULL, &err), -1);
		assert_true(seconds_since(&start) < 1.0);
		assert_non_null(strstr(err.message, cases[i].says));
	}
}

/* One lock per file: the lock file has the data file's group and its mode
 * less execute and world bits, says who holds it and where; a hard link's
 * other name is the same lock. */
static void test_lock(void **state)
{
	(void)state;
	const char *path = in_dir("team.csv"), *other = in_dir("team-link.csv");
	write_text(path, "x\n");
	assert_int_equal(chmod(path, 0664), 0);
	gid_t group = geteuid() == 0 ? 4242 : getegid(); /* root: any group */
	assert_int_equal(chown(path, (uid_t)-1, group), 0);
	struct tri_error err;
	struct lockfile *lock = lockfile_create(path, &err);
	assert_non_null(lock);
	struct stat st;
	assert_int_equal(stat(in_dir(".team.csv.lock"), &st), 0);
	assert_int_equal(st.st_mode & 0777, 0660);
	assert_int_equal(st.st_gid, group);
	lockfile_set_current(lock, "2a.3");
	char *text = slurp(in_dir(".team.csv.lock"), NULL);
	assert_non_null(strstr(text, "pid "));
	assert_non_null(strstr(text, " user "));
	assert_non_null(strstr(text, "\n2a.3\n"));
	free(text);
	/* a follower reads who holds it and where, without taking it */
	char holder[160], current[32];
	assert_int_equal(lockfile_read(path, true, holder, sizeof holder, current, sizeof current), 1);
	assert_non_null(strstr(holder, "pid "));
	assert_null(strchr(holder, '\n'));
	assert_string_equal(current, "2a.3");
	assert_null(lockfile_create(path, &err));
	assert_non_null(strstr(err.message, "is open in another tri-assess (pid "));
	assert_non_null(strstr(err.message, holder));
	lockfile_destroy(lock);
	assert_int_equal(lockfile_read(path, true, holder, sizeof holder, current, sizeof current), 0);
	assert_string_equal(current, "");
	/* a lock file left by a killed holder is not held */
	path = in_dir("team.csv"); /* (in_dir's buffers go round) */
	write_text(in_dir(".team.csv.lock"), "pid 1 on gone user nobody\n1.1\n");
	assert_int_equal(lockfile_read(path, true, holder, sizeof holder, current, sizeof current), 0);
	assert_int_equal(lockfile_read(path, false, holder, sizeof holder, current, sizeof current), 1);
	assert_string_equal(holder, "pid 1 on gone user nobody");
	assert_string_equal(current, "1.1");
	assert_int_equal(unlink(in_dir(".team.csv.lock")), 0);
	path = in_dir("team.csv");
	other = in_dir("team-link.csv");

	assert_int_equal(link(path, other), 0);
	lock = lockfile_create(path, &err);
	assert_non_null(lock);
	assert_null(lockfile_create(other, &err));
	assert_non_null(strstr(err.message, "is open in another tri-assess (pid "));
	assert_non_null(strstr(err.message, "as team.csv"));
	lockfile_destroy(lock);
	struct lockfile *again = lockfile_create(other, &err);
	assert_non_null(again);
	lockfile_destroy(again);
}

/* The output rules: never an input, never a non-file, our own output
 * replaced, anyone else's only when confirmed. */
static void test_output_rules(void **state)
{
	(void)state;
	const struct outfile_signature sig = { "a tri-assess report",
					       "<meta name=\"generator\" content=\"tri-assess\"",
					       false };
	char input[512], ours[512], theirs[512], link_name[512];
	snprintf(input, sizeof input, "%s", in_dir("in.csv"));
	snprintf(ours, sizeof ours, "%s", in_dir("ours.html"));
	snprintf(theirs, sizeof theirs, "%s", in_dir("theirs.html"));
	snprintf(link_name, sizeof link_name, "%s", in_dir("link.html"));
	write_text(input, "criterion_id,level\n");
	write_text(ours, "<html><head><meta charset=\"utf-8\"/><meta name=\"generator\" "
		   "content=\"tri-assess\"/></head></html>\n");
	write_text(theirs, "<html>precious</html>\n");
	assert_int_equal(symlink(ours, link_name), 0);
	mkdir(in_dir("folder"), 0700);
	const char *inputs[] = { input, NULL };
	static const struct { const char *name; enum outfile_verdict verdict; const char *says; }
	cases[] = {
		{ "in.csv", OUTFILE_REFUSED, "is one of the input files" },
		{ "./in.csv", OUTFILE_REFUSED, "is one of the input files" },
		{ "new.html", OUTFILE_NEW, "" },
		{ "ours.html", OUTFILE_OURS, "" },
		{ "theirs.html", OUTFILE_OTHER, "exists and is not a tri-assess report" },
		{ "link.html", OUTFILE_OTHER, "(a symbolic link)" },
		{ "folder", OUTFILE_REFUSED, "is a directory" },
		{ "readonly.html", OUTFILE_REFUSED, "; not replaced" },
	};
	write_text(in_dir("readonly.html"), "<html/>");
	assert_int_equal(chmod(in_dir("readonly.html"), 0444), 0);
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char path[600];
		snprintf(path, sizeof path, "%s/%s", dir, cases[i].name);
		struct tri_error err = {{0}};
		enum outfile_verdict got = outfile_check(path, &sig, inputs, 2, &err);
		if (got != cases[i].verdict)
			fail_msg("%s: %d, %s", cases[i].name, (int)got, err.message);
		assert_non_null(strstr(err.message, cases[i].says));
	}
	struct tri_error err;
	assert_int_equal(outfile_write(input, OUTFILE_REFUSED, NULL, NULL, &err), -1);
	char *text = slurp(input, NULL);
	assert_string_equal(text, "criterion_id,level\n");
	free(text);
}

static struct assessment *parse(const char *text)
{
	struct tri_error err;
	struct assessment *a = assessment_parse(fw, "t.csv", text, strlen(text), &err);
	if (!a)
		fail_msg("%s", err.message);
	return a;
}

/* Changes to different criteria merge; the same criterion changed two
 * ways is a conflict (nothing merged); the same change twice is not. */
static void test_merge(void **state)
{
	(void)state;
	const char *base_text = "criterion_id,level,notes\n1.1,developing,\n1.2,developing,\n";
	static const struct { const char *mine, *theirs; int rc; const char *conflicts; }
	cases[] = {
		{ "criterion_id,level,notes\n1.1,leading,\n1.2,developing,\n",
		  "criterion_id,level,notes\n1.1,developing,\n1.2,developing,room said so\n", 0, "" },
		{ "criterion_id,level,notes\n1.1,leading,\n1.2,developing,\n",
		  "criterion_id,level,notes\n1.1,established,\n1.2,developing,\n", 1, "1.1" },
		{ "criterion_id,level,notes\n1.1,leading,\n1.2,developing,\n",
		  "criterion_id,level,notes\n1.1,leading,\n1.2,developing,\n", 0, "" },
		/* a resolution is part of its row; the moderation's details a unit */
		{ "criterion_id,level,resolution,moderators,moderation_status\n"
		  "1.1,developing,kept,Ada,in_progress\n1.2,developing,,,\n",
		  "criterion_id,level,notes\n1.1,developing,\n1.2,developing,room said so\n", 0, "" },
		{ "criterion_id,level,resolution\n1.1,developing,kept\n1.2,developing,\n",
		  "criterion_id,level,resolution\n1.1,developing,differ\n1.2,developing,\n", 1,
		  "1.1" },
		{ "criterion_id,level,moderators\n1.1,developing,Ada\n",
		  "criterion_id,level,moderators\n1.1,developing,Ngozi\n", 1, "moderation" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct assessment *base = parse(base_text), *mine = parse(cases[i].mine),
				  *theirs = parse(cases[i].theirs);
		struct merge_report r;
		struct tri_error err;
		assert_int_equal(merge_into(theirs, base, mine, &r, &err), cases[i].rc);
		assert_string_equal(r.conflict_ids, cases[i].conflicts);
		if (i == 0) {
			assert_int_equal(theirs->levels[0], LEVEL_LEADING);
			assert_string_equal(theirs->answers[1].notes, "room said so");
			assert_string_equal(r.mine_ids, "1.1");
			assert_string_equal(r.theirs_ids, "1.2");
		}
		if (i == 1)
			assert_int_equal(theirs->levels[0], LEVEL_ESTABLISHED);
		if (i == 3) {
			assert_int_equal(theirs->answers[0].resolution, ASSESSMENT_KEPT);
			assert_string_equal(theirs->moderation.moderators, "Ada");
			assert_int_equal(theirs->moderation.status, ASSESSMENT_IN_PROGRESS);
			assert_string_equal(theirs->answers[1].notes, "room said so");
			assert_string_equal(r.mine_ids, "moderation, 1.1");
		}
		assessment_destroy(base);
		assessment_destroy(mine);
		assessment_destroy(theirs);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_save_keeps_mode_and_acl),
		cmocka_unit_test(test_save_keeps_hard_links),
		cmocka_unit_test(test_crash_at_every_step),
		cmocka_unit_test(test_reader_reads_journal),
		cmocka_unit_test(test_only_regular_files),
		cmocka_unit_test(test_lock),
		cmocka_unit_test(test_output_rules),
		cmocka_unit_test(test_merge),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
