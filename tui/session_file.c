/* session_file: the session's file: opening it (resolve, permission,
 * lock, journal), saving it (the outside-change check, merge or keep
 * both), saving elsewhere (W), and the compared file, re-read when it
 * changes.  No curses here. */
#include "session.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "atomicfile.h"
#include "csvio.h"
#include "merge.h"
#include "outfile.h"
#include "render.h"

#define SESSION_MAX_FILE (64u << 20)

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash && slash[1] ? slash + 1 : path;
}

/* Read path and parse it twice: the answers and the base to merge with. */
static int load(const struct session *s, const char *path, struct assessment **a,
		struct assessment **base, struct fileid *id, struct tri_error *err)
{
	char *data;
	size_t size;
	*a = *base = NULL;
	if (fileid_read(path, SESSION_MAX_FILE, &data, &size, id, err) != 0)
		return -1;
	*a = assessment_parse(s->fw, s->path, data, size, err);
	if (*a)
		*base = assessment_parse(s->fw, s->path, data, size, err);
	free(data);
	if (!*base) {
		assessment_destroy(*a);
		*a = NULL;
		return -1;
	}
	return 0;
}

/* Append to s->notice (after what it already says) that reading path
 * repaired or doubts something in a: how many, and where to see them
 * (the front ends list a->read_notes in full). */
static void say_read_notes(struct session *s, const struct assessment *a, const char *path)
{
	size_t count = a->read_notes.count, warnings = spreadsheet_warnings(&a->read_notes);
	if (count == 0)
		return;
	size_t used = strlen(s->notice);
	char repairs[40] = "", doubts[40] = "";
	if (count > warnings)
		snprintf(repairs, sizeof repairs, "%zu repair%s", count - warnings,
			 count - warnings == 1 ? "" : "s");
	if (warnings)
		snprintf(doubts, sizeof doubts, "%zu warning%s", warnings,
			 warnings == 1 ? "" : "s");
	snprintf(s->notice + used, sizeof s->notice - used, "%s%.300s came through a "
		 "spreadsheet: %s%s%s (? lists them)%s", used ? " " : "", base_name(path),
		 repairs, *repairs && *doubts ? ", " : "", doubts,
		 a == s->a && !s->read_only[0] && count > warnings
		 ? "; saving writes tri-assess's form." : ".");
	s->notice_is_warning = true;
}

/* Why the file at real (stat st) cannot be written, or "" if it can. */
static void find_read_only(const char *real, const struct stat *st, char *out, size_t size)
{
	out[0] = '\0';
	if (!fileid_writable(real, st, out, size))
		return;
	char dir[PATH_MAX];
	snprintf(dir, sizeof dir, "%.*s", (int)(strrchr(real, '/') - real) + (real[1] == '\0'),
		 real);
	if (!*dir)
		snprintf(dir, sizeof dir, "/");
	if (access(dir, W_OK | X_OK) != 0)
		snprintf(out, size, "%s in its folder %.120s (a save needs its lock and "
			 "temporary files there)", errno == EROFS ? "a read-only mount"
			 : "no write permission", dir);
}

/* Resolve path once: the real file, and the link that led there. */
static int resolve_path(struct session *s, struct stat *st, bool *exists,
			struct tri_error *err)
{
	char real[PATH_MAX];
	struct stat lst;
	*exists = lstat(s->path, &lst) == 0;
	if (*exists && stat(s->path, st) != 0) {
		tri_error_set(err, "%s is a symbolic link to a file that does not exist; "
			      "expected an assessment file", s->path);
		return -1;
	}
	if (*exists && !S_ISREG(st->st_mode)) {
		tri_error_set(err, "%s is %s; expected an assessment (a CSV file)", s->path,
			      fileid_kind(st->st_mode));
		return -1;
	}
	if (fileid_resolve(s->path, true, real) != 0) {
		tri_error_set(err, "%s: cannot open: %s", s->path, strerror(errno));
		return -1;
	}
	s->real_path = strdup(real);
	if (*exists && S_ISLNK(lst.st_mode)) {
		s->link_path = strdup(s->path);
		fileid_from_stat(&s->link_id, st);
		if (!s->link_path)
			goto oom;
	}
	if (!s->real_path)
		goto oom;
	return 0;
oom:
	tri_error_set(err, "out of memory");
	return -1;
}

/* Holding the lock: clear what a killed writer left. */
static int clean_up_after_crash(struct session *s, struct tri_error *err)
{
	atomicfile_remove_stale(s->real_path);
	int recovered = atomicfile_recover(s->real_path, err);
	if (recovered < 0)
		return -1;
	if (recovered == ATOMICFILE_JOURNAL_RESTORED) {
		snprintf(s->notice, sizeof s->notice, "A save of %s was interrupted; it was "
			 "completed from its journal.", s->path);
		s->notice_is_warning = true;
	}
	return 0;
}

/* The start of an open: the session blank, its path as named and
 * resolved. */
static int start_open(struct session *s, const struct framework *fw, const char *path,
		      struct stat *st, bool *exists, struct tri_error *err)
{
	*s = (struct session){ .fw = fw, .follow_fd = -1 };
	s->path = strdup(path);
	if (!s->path) {
		tri_error_set(err, "out of memory");
		return -1;
	}
	return resolve_path(s, st, exists, err);
}

int session_open(struct session *s, const struct framework *fw, const char *path,
		 struct tri_error *err)
{
	struct stat st;
	bool exists;
	if (start_open(s, fw, path, &st, &exists, err) != 0)
		return -1;
	if (exists)
		find_read_only(s->real_path, &st, s->read_only, sizeof s->read_only);
	if (!s->read_only[0]) {
		s->lock = lockfile_create(s->real_path, err);
		if (!s->lock || clean_up_after_crash(s, err) != 0)
			return -1;
		exists = access(s->real_path, F_OK) == 0;
	}
	if (exists) {
		if (load(s, s->real_path, &s->a, &s->base, &s->disk, err) != 0)
			return -1;
		say_read_notes(s, s->a, s->path);
		return session_open_actions(s, err);
	}
	s->is_new = true;
	s->a = assessment_create(fw);
	s->base = assessment_create(fw);
	if (!s->a || !s->base) {
		tri_error_set(err, "out of memory");
		return -1;
	}
	/* a new file starts with a byte-order mark, so that Excel reads the
	 * Standard's text as UTF-8 on a double-click (docs/file-formats.md) */
	s->a->bom = true;
	return session_open_actions(s, err);
}

static int write_assessment(FILE *out, void *context, struct tri_error *err)
{
	return assessment_write(context, out, err);
}

/* Write a to real (the session's file, or W's new one); on success it is
 * the session's new base and known identity.  With replace_link, real is a
 * symlink that is itself replaced (never followed). */
static int write_file(struct session *s, const char *real, bool replace_link,
		      struct assessment *a, struct tri_error *err)
{
	char *data;
	size_t size;
	if (atomicfile_render(write_assessment, a, &data, &size, err) != 0)
		return -1;
	struct stat after;
	int rc = replace_link ? atomicfile_replace(real, false, write_assessment, a, err)
			      : atomicfile_save(real, data, size, NULL, &after, err);
	if (rc == 0 && replace_link && stat(real, &after) != 0)
		after = (struct stat){0};
	if (rc == 0) {
		fileid_from_stat(&s->disk, &after);
		s->disk.hash = fileid_hash(data, size);
		s->disk.hashed = true;
		if (s->link_path)
			s->link_id = s->disk; /* a rename gave the file a new inode */
		struct assessment *base = assessment_parse(s->fw, s->path, data, size, err);
		if (base) {
			assessment_destroy(s->base);
			s->base = base;
		} else {
			rc = -1;
		}
	}
	free(data);
	return rc;
}

/* Is the file on disk still what the session last read or wrote? */
static bool disk_unchanged(struct session *s)
{
	if (s->link_path) {
		struct fileid now;
		fileid_of_path(&now, s->link_path);
		if (!fileid_same_file(&now, &s->link_id))
			return false;
	}
	struct fileid now;
	fileid_of_path(&now, s->real_path);
	if (s->is_new)
		return !now.exists;
	bool doubt;
	if (!fileid_unchanged(&s->disk, &now, &doubt))
		return false;
	if (!doubt)
		return true;
	char *data;
	size_t size;
	struct fileid read;
	struct tri_error ignored;
	if (fileid_read(s->real_path, SESSION_MAX_FILE, &data, &size, &read, &ignored) != 0)
		return false;
	free(data);
	return read.hash == s->disk.hash;
}

static void fail(struct session *s, const char *format, ...)
	__attribute__((format(printf, 2, 3)));

static void fail(struct session *s, const char *format, ...)
{
	va_list args;
	va_start(args, format);
	vsnprintf(s->save_error, sizeof s->save_error, format, args);
	va_end(args);
	s->save_failed = true;
}

/* Forget undo steps of criteria the outside change touched: undoing them
 * would silently write over that change. */
static void drop_undo_touched(struct session *s, const struct assessment *theirs)
{
	size_t kept = 0;
	for (size_t i = 0; i < s->undo_count; i++) {
		struct session_undo *u = &s->undo[i];
		if (!merge_same_answer(theirs, s->base, u->criterion))
			session_undo_step_free(u);
		else
			s->undo[kept++] = *u;
	}
	s->undo_count = kept;
}

/* The wizard's version beside the file: NAME.conflict-YYYYMMDD-HHMMSS.csv,
 * created exclusively, with the file's group and mode.  Fills name. */
static int keep_conflict_copy(struct session *s, char *name, size_t size,
			      struct tri_error *err)
{
	char stamp[32];
	time_t now = time(NULL);
	struct tm tm;
	strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", localtime_r(&now, &tm));
	size_t stem = strlen(s->real_path);
	if (stem > 4 && strcmp(s->real_path + stem - 4, ".csv") == 0)
		stem -= 4;
	struct stat st;
	bool have_st = stat(s->real_path, &st) == 0;
	for (int n = 1; n < 100; n++) {
		char suffix[8] = "";
		if (n > 1)
			snprintf(suffix, sizeof suffix, "-%d", n);
		if ((size_t)snprintf(name, size, "%.*s.conflict-%s%s.csv", (int)stem, s->real_path,
				     stamp, suffix) >= size) {
			tri_error_set(err, "%s: path too long", s->path);
			return -1;
		}
		struct tri_error e;
		if (atomicfile_replace(name, true, write_assessment, s->a, &e) == 0) {
			if (have_st) { /* best effort: the team reads it as it reads the file */
				(void)!chown(name, (uid_t)-1, st.st_gid);
				(void)!chmod(name, st.st_mode & 0664);
			}
			return 0;
		}
		if (access(name, F_OK) != 0) {
			tri_error_set(err, "%s", e.message);
			return -1;
		}
	}
	tri_error_set(err, "%s: too many conflict copies this second", s->path);
	return -1;
}

/* Both sides changed one criterion: keep both, continue on theirs. */
static int keep_both(struct session *s, struct assessment *theirs, struct assessment *base,
		     const struct fileid *id, const struct merge_report *r)
{
	char name[PATH_MAX + 64];
	struct tri_error err;
	if (keep_conflict_copy(s, name, sizeof name, &err) != 0) {
		fail(s, "%s was changed outside tri-assess, at %s too, and your version "
		     "could not be kept beside it: %s", s->path, r->conflict_ids, err.message);
		return -1;
	}
	for (size_t i = 0; i < s->undo_count; i++)
		session_undo_step_free(&s->undo[i]);
	s->undo_count = 0;
	assessment_destroy(s->a);
	assessment_destroy(s->base);
	s->a = theirs;
	s->base = base;
	s->disk = *id;
	s->is_new = false;
	snprintf(s->notice, sizeof s->notice, "%.200s was changed outside tri-assess at %s "
		 "too. Your version is kept in %.200s; this is the file's version.",
		 base_name(s->path), r->conflict_ids, base_name(name));
	s->notice_is_warning = true;
	say_read_notes(s, s->a, s->path);
	return 0;
}

/* The file changed on disk since the session last read or wrote it. */
static int reconcile(struct session *s)
{
	struct assessment *theirs, *base;
	struct fileid id;
	struct tri_error err;
	if (access(s->real_path, F_OK) != 0 && errno == ENOENT && !s->is_new) {
		snprintf(s->notice, sizeof s->notice, "%s was removed outside tri-assess; it "
			 "was written again with every answer.", s->path);
		s->notice_is_warning = true;
		s->is_new = true;
		return 0; /* the caller writes it */
	}
	if (s->link_path) {
		fail(s, "%s no longer leads to the file that was opened (%s); answers kept "
		     "in memory: W saves them", s->path, s->real_path);
		return -1;
	}
	if (load(s, s->real_path, &theirs, &base, &id, &err) != 0) {
		fail(s, "%s was changed outside tri-assess and does not load now (%s); "
		     "answers kept in memory: W saves them elsewhere", s->path, err.message);
		return -1;
	}
	struct merge_report r;
	int merged = merge_into(theirs, s->base, s->a, &r, &err);
	if (merged == 1)
		return keep_both(s, theirs, base, &id, &r) == 0 ? 1 : -1;
	if (merged < 0) {
		assessment_destroy(theirs);
		assessment_destroy(base);
		fail(s, "%s: %s", s->path, err.message);
		return -1;
	}
	drop_undo_touched(s, theirs);
	assessment_destroy(s->a);
	assessment_destroy(s->base);
	s->a = theirs;
	s->base = base;
	s->disk = id;
	s->is_new = false;
	if (r.theirs && r.mine) {
		snprintf(s->notice, sizeof s->notice, "%s was changed outside tri-assess (%s); "
			 "merged with your change%s (%s) and saved.", base_name(s->path),
			 r.theirs_ids, r.mine == 1 ? "" : "s", r.mine_ids);
		s->notice_is_warning = true;
	} else if (r.theirs) {
		snprintf(s->notice, sizeof s->notice, "%s was changed outside tri-assess (%s); "
			 "this is the file's version.", base_name(s->path), r.theirs_ids);
		s->notice_is_warning = true;
	}
	say_read_notes(s, s->a, s->path);
	return r.mine ? 0 : 1;
}

int session_save(struct session *s)
{
	if (s->read_only[0])
		return -1;
	if (!disk_unchanged(s)) {
		int rc = reconcile(s);
		if (rc != 0)
			return rc > 0 ? 0 : -1;
	}
	/* the old action columns: into the actions file before they leave
	 * the assessment (rule 7) */
	if (session_finish_migration(s) != 0)
		return -1;
	struct tri_error err;
	if (write_file(s, s->real_path, false, s->a, &err) != 0) {
		fail(s, "%s", err.message);
		return -1;
	}
	s->save_failed = false;
	s->is_new = false;
	s->save_error[0] = '\0';
	return 0;
}

/* Where W should go: the open file, the compared file, or elsewhere. */
static enum session_save_as_result check_target(struct session *s, const char *path,
						bool replace, bool *retry,
						struct tri_error *err)
{
	*retry = false;
	if (!*path) {
		tri_error_set(err, "expected a file name");
		return SESSION_SAVE_AS_FAILED;
	}
	if (outfile_same_file(path, s->real_path)) {
		*retry = true;
		return SESSION_SAVED_AS;
	}
	if (s->other_path && outfile_same_file(path, s->other_path)) {
		tri_error_set(err, "%s is the file being compared with; it is never written",
			      path);
		return SESSION_SAVE_AS_FAILED;
	}
	struct stat st;
	if (lstat(path, &st) != 0)
		return SESSION_SAVED_AS;
	if (!S_ISREG(st.st_mode) && !S_ISLNK(st.st_mode)) {
		tri_error_set(err, "%s is %s; expected a file name", path, fileid_kind(st.st_mode));
		return SESSION_SAVE_AS_FAILED;
	}
	char reason[128];
	if (S_ISREG(st.st_mode) && !fileid_writable(path, &st, reason, sizeof reason)) {
		tri_error_set(err, "%s: %s; not replaced", path, reason);
		return SESSION_SAVE_AS_FAILED;
	}
	if (!replace) {
		tri_error_set(err, "%s already exists%s", path,
			      S_ISLNK(st.st_mode) ? " (a symbolic link)" : "");
		return SESSION_SAVE_AS_EXISTS;
	}
	return SESSION_SAVED_AS;
}

/* The session now works on path (written, locked with lock). */
static int move_to(struct session *s, const char *path, const char *real,
		   struct lockfile *lock, struct tri_error *err)
{
	char *path_copy = strdup(path), *real_copy = strdup(real);
	if (!path_copy || !real_copy) {
		free(path_copy);
		free(real_copy);
		tri_error_set(err, "out of memory");
		return -1;
	}
	lockfile_destroy(s->lock);
	s->lock = lock;
	free(s->path);
	free(s->real_path);
	free(s->link_path);
	s->path = path_copy;
	s->real_path = real_copy;
	s->link_path = NULL;
	s->read_only[0] = '\0';
	s->current[0] = '\0';
	s->is_new = false;
	if (s->following) { /* a copy of a followed file: it stops following */
		if (s->follow_fd >= 0)
			close(s->follow_fd);
		s->following = false;
		s->follow_fd = -1;
	}
	s->save_failed = false;
	s->save_error[0] = '\0';
	return 0;
}

/* W onto the open file: a retry of the save. */
static enum session_save_as_result save_again(struct session *s, struct tri_error *err)
{
	if (s->read_only[0]) {
		tri_error_set(err, "%s is read-only (%s); name another file", s->path,
			      s->read_only);
		return SESSION_SAVE_AS_FAILED;
	}
	if (session_save(s) != 0) {
		tri_error_set(err, "%s", s->save_error);
		return SESSION_SAVE_AS_FAILED;
	}
	return SESSION_SAVED_AS;
}

/* Write the answers to path (checked: new, or to be replaced) and move
 * the session there. */
static enum session_save_as_result save_elsewhere(struct session *s, const char *path,
						  struct tri_error *err)
{
	char real[PATH_MAX];
	struct stat st;
	bool link = lstat(path, &st) == 0 && S_ISLNK(st.st_mode);
	if (fileid_resolve(path, false, real) != 0) {
		tri_error_set(err, "%s: %s", path, strerror(errno));
		return SESSION_SAVE_AS_FAILED;
	}
	struct lockfile *lock = lockfile_create(real, err);
	if (!lock)
		return SESSION_SAVE_AS_FAILED;
	/* The old contents there are replaced on purpose (asked, or new). */
	if (write_file(s, real, link, s->a, err) != 0 || move_to(s, path, real, lock, err) != 0) {
		lockfile_destroy(lock);
		return SESSION_SAVE_AS_FAILED;
	}
	session_move_actions(s); /* a failure is s->save_failed, said as any */
	return SESSION_SAVED_AS;
}

enum session_save_as_result session_save_as(struct session *s, const char *path,
					    enum session_answer answer,
					    struct session_reply *reply)
{
	struct tri_error err;
	bool retry, was_read_only = s->read_only[0] != '\0';
	if (path != s->question_path)
		snprintf(s->question_path, sizeof s->question_path, "%s", path);
	if (answer == SESSION_NO) {
		session_reply_set(reply, SESSION_NOTE, "Not saved: %s is unchanged.", path);
		return SESSION_SAVE_AS_DECLINED;
	}
	enum session_save_as_result verdict = check_target(s, path, answer == SESSION_YES, &retry,
							   &err);
	if (verdict == SESSION_SAVED_AS)
		verdict = retry ? save_again(s, &err) : save_elsewhere(s, s->question_path, &err);
	switch (verdict) {
	case SESSION_SAVE_AS_EXISTS:
		session_reply_set(reply, SESSION_ASK, "%s", err.message);
		break;
	case SESSION_SAVE_AS_FAILED:
		session_reply_set(reply, SESSION_FAILED, "Could not save: %s", err.message);
		break;
	default:
		session_reply_set(reply, SESSION_DONE, "Saved to %s; changes now go there%s.",
				  s->path, was_read_only ? " (a copy you can change)" : "");
		break;
	}
	return verdict;
}

/* NAME-summary.csv beside the file (NAME without its extension). */
static void summary_path(const struct session *s, char *out, size_t size)
{
	const char *dot = strrchr(s->path, '.');
	const char *slash = strrchr(s->path, '/');
	int stem = dot && (!slash || dot > slash) ? (int)(dot - s->path) : (int)strlen(s->path);
	snprintf(out, size, "%.*s-summary.csv", stem, s->path);
}

int session_export_summary(struct session *s, enum session_answer answer,
			   struct session_reply *reply)
{
	char *path = s->question_path;
	summary_path(s, path, sizeof s->question_path);
	if (answer == SESSION_NO) {
		session_reply_set(reply, SESSION_NOTE, "Not exported: %s is unchanged.", path);
		return 1;
	}
	const char *inputs[] = { s->real_path, s->other_path };
	struct tri_error err;
	enum outfile_verdict verdict = outfile_check(path, render_summary_signature(), inputs, 2, &err);
	if (verdict == OUTFILE_REFUSED) {
		session_reply_set(reply, SESSION_REFUSED, "%s", err.message);
		return -1;
	}
	if (verdict == OUTFILE_OTHER && answer != SESSION_YES) {
		session_reply_set(reply, SESSION_ASK, "%s", err.message);
		return 1;
	}
	if (render_summary_save(s->a, s->path, path, verdict, s->bom, &err) != 0) {
		session_reply_set(reply, SESSION_FAILED, "Export failed: %s", err.message);
		return -1;
	}
	session_reply_set(reply, SESSION_DONE, "Exported the category summary to %s (the answers "
			  "are in %s).", path, s->path);
	return 0;
}

int session_check_detail(enum session_detail detail, const char *value,
			 struct session_reply *reply)
{
	switch (detail) {
	case SESSION_ORGANISATION:
		if (*value)
			return 0;
		session_reply_set(reply, SESSION_REFUSED, "expected the authority's name");
		return -1;
	case SESSION_TYPE:
		if (assessment_type_valid(value))
			return 0;
		session_reply_set(reply, SESSION_REFUSED, "\"%s\": expected self or peer", value);
		return -1;
	case SESSION_DATE:
		if (assessment_date_valid(value))
			return 0;
		session_reply_set(reply, SESSION_REFUSED, "\"%s\": expected a date as YYYY-MM-DD",
				  value);
		return -1;
	default:
		return 0;
	}
}

int session_create(struct session *s, const char *const details[SESSION_DETAIL_COUNT],
		   enum session_detail *wrong, struct session_reply *reply)
{
	*wrong = SESSION_DETAIL_COUNT;
	for (int d = 0; d < SESSION_DETAIL_COUNT; d++)
		if (session_check_detail((enum session_detail)d, details[d], reply) != 0) {
			*wrong = (enum session_detail)d;
			return -1;
		}
	char today[16];
	time_t now = time(NULL);
	struct tm tm;
	strftime(today, sizeof today, "%Y-%m-%d", localtime_r(&now, &tm));
	struct assessment *a = s->a;
	struct tri_error err;
	if (assessment_set_text(&a->organisation, details[SESSION_ORGANISATION], &err) != 0 ||
	    assessment_set_text(&a->type, *details[SESSION_TYPE] ? details[SESSION_TYPE] : "self",
				&err) != 0 ||
	    assessment_set_text(&a->assessors, details[SESSION_ASSESSORS], &err) != 0 ||
	    assessment_set_text(&a->date, *details[SESSION_DATE] ? details[SESSION_DATE] : today,
				&err) != 0) {
		session_reply_set(reply, SESSION_FAILED, "Could not create %s: %s", s->path,
				  err.message);
		return -1;
	}
	if (session_save(s) != 0) {
		session_reply_set(reply, SESSION_FAILED, "Could not create %s: %s", s->path,
				  s->save_error);
		return -1;
	}
	session_reply_set(reply, SESSION_DONE, "Created %s.", s->path);
	return 0;
}

void session_set_current(struct session *s, size_t criterion)
{
	const char *id = s->fw->criteria[criterion].id;
	if (!s->lock || strcmp(s->current, id) == 0)
		return;
	snprintf(s->current, sizeof s->current, "%s", id);
	lockfile_set_current(s->lock, id);
}

int session_open_other(struct session *s, const char *path, const char *who,
		       struct tri_error *err)
{
	struct assessment *spare;
	s->other_path = strdup(path);
	if (!s->other_path) {
		tri_error_set(err, "out of memory");
		return -1;
	}
	if (load(s, path, &s->other, &spare, &s->other_id, err) != 0)
		return -1;
	assessment_destroy(spare);
	say_read_notes(s, s->other, path);
	const char *user = getenv("USER");
	snprintf(s->who, sizeof s->who, "%s", who && *who ? who : user && *user ? user : "");
	return 0;
}

int session_refresh_other(struct session *s)
{
	if (!s->other)
		return 0;
	struct fileid now;
	fileid_of_path(&now, s->other_path);
	bool doubt;
	if (fileid_unchanged(&s->other_id, &now, &doubt) && !doubt)
		return 0;
	struct assessment *fresh, *spare;
	struct fileid id;
	struct tri_error err;
	if (load(s, s->other_path, &fresh, &spare, &id, &err) != 0) {
		snprintf(s->other_error, sizeof s->other_error, "%s changed and does not load "
			 "now: %s", s->other_path, err.message);
		s->other_id = now; /* say it once per change */
		s->other_id.hashed = false;
		return -1;
	}
	assessment_destroy(spare);
	s->other_error[0] = '\0';
	bool same_content = s->other_id.hashed && id.hash == s->other_id.hash;
	s->other_id = id;
	if (same_content) {
		assessment_destroy(fresh);
		return 0;
	}
	assessment_destroy(s->other);
	s->other = fresh;
	return 1;
}

/* ---- follow mode ---- */

int session_held_by(const char *path, char *holder, size_t size)
{
	char real[PATH_MAX], current[32];
	if (fileid_resolve(path, true, real) != 0)
		return 0;
	return lockfile_read(real, true, holder, size, current, sizeof current) == 1;
}

/* Watch the folder of real (a save renames a new file over the old one,
 * so the file's own inode is not the one to watch): an inotify fd, or -1
 * (the follower polls). */
static int watch_folder(const char *real)
{
	char dir[PATH_MAX];
	const char *slash = strrchr(real, '/');
	snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash - real) : 1, slash ? real : ".");
	if (!*dir)
		snprintf(dir, sizeof dir, "/");
	int fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
	if (fd >= 0 && inotify_add_watch(fd, dir, IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE |
					 IN_MODIFY | IN_DELETE) < 0) {
		close(fd);
		fd = -1;
	}
	return fd;
}

int session_open_following(struct session *s, const struct framework *fw, const char *path,
			   struct tri_error *err)
{
	struct stat st;
	bool exists;
	if (start_open(s, fw, path, &st, &exists, err) != 0)
		return -1;
	if (!exists) {
		tri_error_set(err, "%s does not exist: there is nothing to follow", path);
		return -1;
	}
	if (load(s, s->real_path, &s->a, &s->base, &s->disk, err) != 0)
		return -1;
	say_read_notes(s, s->a, s->path);
	s->following = true;
	snprintf(s->read_only, sizeof s->read_only, "following");
	if (session_open_actions(s, err) != 0) /* read only, as the assessment */
		return -1;
	s->follow_fd = watch_folder(s->real_path);
	size_t criterion;
	session_follow_update(s, &criterion); /* the holder, and where it is */
	return 0;
}

/* Re-read the followed file if it is not what was last read. */
static bool follow_file(struct session *s)
{
	struct fileid now;
	bool doubt;
	fileid_of_path(&now, s->real_path);
	if (fileid_unchanged(&s->disk, &now, &doubt) && !doubt)
		return false;
	struct assessment *fresh, *spare;
	struct fileid id;
	struct tri_error err;
	if (load(s, s->real_path, &fresh, &spare, &id, &err) != 0)
		return false; /* (kept as last read; tried again at the next change) */
	bool same = s->disk.hashed && id.hashed && id.hash == s->disk.hash;
	s->disk = id;
	if (same) {
		assessment_destroy(fresh);
		assessment_destroy(spare);
		return false;
	}
	assessment_destroy(s->a);
	assessment_destroy(s->base);
	s->a = fresh;
	s->base = spare;
	return true;
}

int session_follow_update(struct session *s, size_t *criterion)
{
	if (!s->following)
		return 0;
	char events[4096];
	while (s->follow_fd >= 0 && read(s->follow_fd, events, sizeof events) > 0)
		; /* (what changed is found by looking: the file, the lock) */
	int changed = follow_file(s) ? SESSION_FOLLOW_FILE : 0;
	if (session_follow_actions(s))
		changed |= SESSION_FOLLOW_FILE;
	char holder[sizeof s->holder], current[sizeof s->current];
	if (lockfile_read(s->real_path, false, holder, sizeof holder, current,
			  sizeof current) != 1)
		holder[0] = current[0] = '\0';
	if (strcmp(holder, s->holder) != 0) {
		snprintf(s->holder, sizeof s->holder, "%s", holder);
		changed |= SESSION_FOLLOW_HOLDER;
	}
	if (*current && strcmp(current, s->current) != 0) {
		long i = framework_find_criterion(s->fw, current);
		snprintf(s->current, sizeof s->current, "%s", current);
		if (i >= 0) {
			*criterion = (size_t)i;
			changed |= SESSION_FOLLOW_MOVED;
		}
	}
	return changed;
}
