/* session_actions: the actions file of the session's assessment,
 * NAME-actions.csv beside the real file (docs/file-formats.md), under the
 * assessment's lock: opened (and the assessment's old action columns
 * migrated into it) with the assessment, saved after every change as the
 * assessment is, checked for outside changes, and the changes a person
 * makes to actions, each worded once for both front ends.  No curses. */
#include "session.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "atomicfile.h"

static int write_actions(FILE *out, void *context, struct tri_error *err)
{
	return actionlist_write(context, out, err);
}

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash && slash[1] ? slash + 1 : path;
}

/* Point the session's actions file at the sibling of its real path. */
static int place(struct session *s, struct tri_error *err)
{
	char path[PATH_MAX + 16];
	if (actionlist_path(s->real_path, path, sizeof path) != 0) {
		tri_error_set(err, "%s: path too long", s->path);
		return -1;
	}
	char *copy = strdup(path);
	if (!copy) {
		tri_error_set(err, "out of memory");
		return -1;
	}
	free(s->actions_path);
	s->actions_path = copy;
	return 0;
}

/* The list as it is now is what the file holds (the base of a merge). */
static int set_base(struct session *s, struct tri_error *err)
{
	struct actionlist *base = actionlist_copy(s->actions);
	if (!base) {
		tri_error_set(err, "out of memory");
		return -1;
	}
	actionlist_destroy(s->actions_base);
	s->actions_base = base;
	return 0;
}

/* Write the list to the actions file; its identity as written is the
 * session's known one, the list written its base. */
static int write_list(struct session *s, struct tri_error *err)
{
	char *data;
	size_t size;
	if (atomicfile_render(write_actions, s->actions, &data, &size, err) != 0)
		return -1;
	struct stat after;
	int rc = atomicfile_save(s->actions_path, data, size, NULL, &after, err);
	if (rc == 0) {
		fileid_from_stat(&s->actions_disk, &after);
		s->actions_disk.hash = fileid_hash(data, size);
		s->actions_disk.hashed = true;
		rc = set_base(s, err);
	}
	free(data);
	return rc;
}

/* Move the assessment's old action columns into the list, in memory:
 * the first save writes them (migration_pending). */
static int migrate(struct session *s, struct tri_error *err)
{
	size_t moved = 0;
	if (actionlist_migrate(s->actions, s->a, &moved, err) != 0)
		return -1;
	if (moved == 0)
		return 0;
	size_t used = strlen(s->notice);
	s->migration_pending = !s->read_only[0];
	snprintf(s->notice + used, sizeof s->notice - used, "%s%zu action%s from the old "
		 "action columns; %s%s.", used ? " " : "", moved, moved == 1 ? "" : "s",
		 s->read_only[0] ? "read-only: the file keeps them"
		 : "the first change saves ", s->read_only[0] ? "" : base_name(s->actions_path));
	return 0;
}

int session_open_actions(struct session *s, struct tri_error *err)
{
	if (place(s, err) != 0)
		return -1;
	if (!s->read_only[0]) {
		atomicfile_remove_stale(s->actions_path);
		if (atomicfile_recover(s->actions_path, err) < 0)
			return -1;
	}
	bool exists;
	s->actions = actionlist_read(s->fw, s->actions_path, &exists, &s->actions_disk, err);
	if (!s->actions || set_base(s, err) != 0)
		return -1;
	return migrate(s, err);
}

/* Our version beside theirs, NAME-actions.conflict-YYYYMMDD-HHMMSS.csv,
 * created exclusively.  Writes its name into name. */
static int keep_ours(struct session *s, char *name, size_t size, struct tri_error *err)
{
	char stamp[32];
	time_t now = time(NULL);
	struct tm tm;
	strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", localtime_r(&now, &tm));
	size_t stem = strlen(s->actions_path) - 4; /* ".csv" */
	for (int n = 1; n < 100; n++) {
		char suffix[8] = "";
		if (n > 1)
			snprintf(suffix, sizeof suffix, "-%d", n);
		if ((size_t)snprintf(name, size, "%.*s.conflict-%s%s.csv", (int)stem,
				     s->actions_path, stamp, suffix) >= size) {
			tri_error_set(err, "%s: path too long", s->actions_path);
			return -1;
		}
		struct tri_error e;
		if (atomicfile_replace(name, true, write_actions, s->actions, &e) == 0)
			return 0;
		if (access(name, F_OK) != 0) {
			tri_error_set(err, "%s", e.message);
			return -1;
		}
	}
	tri_error_set(err, "%s: too many conflict copies this second", s->actions_path);
	return -1;
}

/* Is the actions file on disk what the session last read or wrote? */
static bool unchanged(const struct session *s)
{
	struct fileid now;
	fileid_of_path(&now, s->actions_path);
	if (!s->actions_disk.exists || !now.exists)
		return s->actions_disk.exists == now.exists;
	bool doubt;
	if (!fileid_unchanged(&s->actions_disk, &now, &doubt))
		return false;
	if (!doubt)
		return true;
	char *data;
	size_t size;
	struct fileid read;
	struct tri_error ignored;
	if (fileid_read(s->actions_path, 64u << 20, &data, &size, &read, &ignored) != 0)
		return false;
	free(data);
	return read.hash == s->actions_disk.hash;
}

/* Keep both: ours beside the file (created exclusively), the session on
 * theirs (read as id; may be NULL when it could not be read).  Returns 1,
 * or -1 (failed: s->save_error; nothing changed). */
static int keep_both(struct session *s, struct actionlist *theirs, const struct fileid *id,
		     const char *why)
{
	char name[PATH_MAX + 64];
	struct tri_error err = {{0}};
	if (!theirs || keep_ours(s, name, sizeof name, &err) != 0) {
		actionlist_destroy(theirs);
		snprintf(s->save_error, sizeof s->save_error, "%.200s %s, and your actions could "
			 "not be kept beside it: %.600s", base_name(s->actions_path), why,
			 err.message);
		s->save_failed = true;
		return -1;
	}
	actionlist_destroy(s->actions);
	s->actions = theirs;
	s->actions_disk = *id;
	snprintf(s->notice, sizeof s->notice, "%.300s %s: it is kept as it is, and your "
		 "version of the actions is in %.400s.", base_name(s->actions_path), why,
		 base_name(name));
	s->notice_is_warning = true;
	return set_base(s, &err) == 0 ? 1 : -1;
}

/* Someone changed the actions file outside: our changes since the base
 * merged into theirs, by action_id (returns 0: the caller writes the
 * merged list); where both changed one action, keep both (returns 1).
 * -1: failed (s->save_error). */
static int reconcile(struct session *s)
{
	struct tri_error err = {{0}};
	bool exists, conflict = false;
	struct fileid id;
	struct actionlist *theirs = actionlist_read(s->fw, s->actions_path, &exists, &id, &err);
	struct actionlist *merged = theirs ? actionlist_merge(s->actions_base, s->actions, theirs,
							      &conflict, &err) : NULL;
	if (theirs && !merged) {
		actionlist_destroy(theirs);
		snprintf(s->save_error, sizeof s->save_error, "%.1000s", err.message);
		s->save_failed = true;
		return -1;
	}
	if (!merged || conflict) {
		actionlist_destroy(merged);
		return keep_both(s, theirs, &id, "was changed outside tri-assess, the same "
				 "action too");
	}
	actionlist_destroy(theirs);
	actionlist_destroy(s->actions);
	s->actions = merged;
	s->actions_disk = id;
	snprintf(s->notice, sizeof s->notice, "%.300s was changed outside tri-assess; your "
		 "changes to other actions were merged into it.", base_name(s->actions_path));
	s->notice_is_warning = true;
	return 0;
}

int session_save_actions(struct session *s)
{
	if (s->read_only[0])
		return -1;
	if (s->migration_pending)
		return session_save(s); /* writes this file first */
	if (!unchanged(s)) {
		int rc = reconcile(s);
		if (rc != 0)
			return rc > 0 ? 0 : -1;
	}
	struct tri_error err;
	if (write_list(s, &err) != 0) {
		snprintf(s->save_error, sizeof s->save_error, "%.1000s", err.message);
		s->save_failed = true;
		return -1;
	}
	s->save_failed = false;
	s->save_error[0] = '\0';
	return 0;
}

int session_finish_migration(struct session *s)
{
	if (!s->migration_pending)
		return 0;
	s->migration_pending = false;
	if (session_save_actions(s) != 0) {
		s->migration_pending = true;
		return -1;
	}
	return 0;
}

int session_move_actions(struct session *s)
{
	struct tri_error err;
	if (place(s, &err) != 0)
		return -1;
	s->actions_disk = (struct fileid){0};
	if (s->migration_pending || !s->actions->count)
		return s->actions->count ? session_save_actions(s) : 0;
	/* a file already there is someone else's: never merged into, never
	 * replaced */
	bool exists;
	struct fileid id;
	struct actionlist *theirs = actionlist_read(s->fw, s->actions_path, &exists, &id, &err);
	if (theirs && !exists) {
		actionlist_destroy(theirs);
		return session_save_actions(s);
	}
	return keep_both(s, theirs, &id, "was already there") > 0 ? 0 : -1;
}

/* ---- Changes ---- */

/* "1.2 #3": an action's name for people. */
static const char *label(const struct session *s, size_t index, char *buffer, size_t size)
{
	return actionlist_label(s->actions, &s->actions->items[index], buffer, size);
}

/* Remember the list for undo, or reply why not (read-only, memory). */
static int before_change(struct session *s, size_t criterion, struct session_reply *reply)
{
	if (session_writable(s, reply) != 0)
		return -1;
	return session_remember_actions(s, criterion, reply);
}

static int refused(struct session *s, const struct tri_error *err, struct session_reply *reply)
{
	session_forget_last(s);
	session_reply_set(reply, SESSION_REFUSED, "%s", err->message);
	return -1;
}

long session_action_add(struct session *s, size_t criterion, const struct actionlist_fields *f,
			struct session_reply *reply)
{
	if (before_change(s, criterion, reply) != 0)
		return -1;
	struct tri_error err;
	long index = actionlist_add(s->actions, criterion, f, &err);
	if (index < 0)
		return refused(s, &err, reply);
	session_save_actions(s);
	char name[48];
	session_reply_change(s, reply, "Added action %s", label(s, (size_t)index, name,
								   sizeof name));
	return actionlist_find(s->actions, s->actions->items[index].id);
}

int session_action_edit(struct session *s, size_t index, const struct actionlist_fields *f,
			struct session_reply *reply)
{
	if (before_change(s, s->actions->items[index].criterion, reply) != 0)
		return -1;
	struct tri_error err;
	if (actionlist_edit(s->actions, index, f, &err) != 0)
		return refused(s, &err, reply);
	session_save_actions(s);
	char name[48];
	session_reply_change(s, reply, "Kept action %s", label(s, index, name, sizeof name));
	return 0;
}

int session_action_status(struct session *s, size_t index, enum actionlist_status status,
			  struct session_reply *reply)
{
	char name[48];
	if (before_change(s, s->actions->items[index].criterion, reply) != 0)
		return -1;
	actionlist_set_status(s->actions, index, status);
	session_save_actions(s);
	session_reply_change(s, reply, "%s: %s", label(s, index, name, sizeof name),
			     actionlist_status_word(status));
	return 0;
}

int session_action_update(struct session *s, size_t index, const char *text,
			  struct session_reply *reply)
{
	char today[11], name[48];
	actionlist_today(today);
	const char *user = getenv("USER");
	const char *who = s->who[0] ? s->who : user ? user : "";
	if (before_change(s, s->actions->items[index].criterion, reply) != 0)
		return -1;
	struct tri_error err;
	if (actionlist_add_update(s->actions, index, today, who, text, &err) != 0)
		return refused(s, &err, reply);
	session_save_actions(s);
	session_reply_change(s, reply, "%s: progress recorded (%s)", label(s, index, name,
									   sizeof name), today);
	return 0;
}

bool session_follow_actions(struct session *s)
{
	struct fileid now;
	bool doubt;
	fileid_of_path(&now, s->actions_path);
	if (fileid_unchanged(&s->actions_disk, &now, &doubt) && !doubt)
		return false;
	bool exists;
	struct fileid id;
	struct tri_error err;
	struct actionlist *fresh = actionlist_read(s->fw, s->actions_path, &exists, &id, &err);
	if (!fresh)
		return false; /* (kept as last read; tried again at the next change) */
	bool same = s->actions_disk.hashed && id.hashed && id.hash == s->actions_disk.hash &&
		    s->actions_disk.exists == id.exists;
	s->actions_disk = id;
	if (same) {
		actionlist_destroy(fresh);
		return false;
	}
	actionlist_destroy(s->actions);
	s->actions = fresh;
	if (set_base(s, &err) != 0)
		return true; /* (the base is only for a merge: a follower never saves) */
	size_t moved;
	(void)actionlist_migrate(s->actions, s->a, &moved, &err); /* old columns, shown */
	return true;
}
