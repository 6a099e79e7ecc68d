/* session: what both front ends (full-screen and plain) share — the open
 * assessment, its lock, saving after every change, undo, and the signal
 * flag.  No curses here. */
#ifndef SESSION_H
#define SESSION_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>

#include "assessment.h"
#include "framework.h"
#include "lockfile.h"

/* Set by the SIGHUP/SIGTERM/SIGINT handler; the loops poll it. */
extern volatile sig_atomic_t session_signal;

/* Undo keeps the whole answer as it was before a change. */
struct session_undo {
	size_t criterion;
	enum level level, target;
	char *text[6]; /* evidence, notes, action, lead officer, timescale, history */
};

struct session {
	const struct framework *fw;
	struct assessment *a;
	char *path;
	struct lockfile *lock;
	bool is_new;            /* no file yet: ask for details first */
	bool save_failed;       /* the last save did not reach the disk */
	char save_error[1024];
	struct session_undo *undo;
	size_t undo_count, undo_capacity;
	/* Comparison mode: another assessment shown beside this one (read
	 * only); every level change is recorded in history with who. */
	struct assessment *other;
	char *other_path;
	char who[128];
	bool bom;
};

/* Open path: load it if it exists, else start a blank assessment (saved
 * when the details are filled in).  Takes the file's lock.  Returns 0, or
 * -1 with err filled. */
int session_open(struct session *s, const struct framework *fw, const char *path,
		 struct tri_error *err);

/* Release everything; safe on a zeroed or failed session. */
void session_finish(struct session *s);

/* Install the signal handlers (no SA_RESTART, so blocking reads return). */
void session_install_signals(void);

/* Save now.  Returns 0, or -1 with s->save_failed and s->save_error set;
 * the answers stay in memory either way. */
int session_save(struct session *s);

/* Save to another path (after a failure); on success that path becomes the
 * session's file. */
int session_save_as(struct session *s, const char *path, struct tri_error *err);

/* Set a level (with undo) and save.  Returns 0, or -1 with err filled when
 * the row has no cell for the level (nothing changes then). */
int session_set_level(struct session *s, size_t criterion, enum level level,
		      struct tri_error *err);

/* Replace evidence and notes (with undo) and save. */
int session_set_texts(struct session *s, size_t criterion, const char *evidence,
		      const char *notes, struct tri_error *err);

/* Open the assessment to compare with (read only, not locked). */
int session_open_other(struct session *s, const char *path, const char *who,
		       struct tri_error *err);

/* Adopt the other assessment's level on criterion, recording remark. */
int session_adopt(struct session *s, size_t criterion, const char *remark,
		  struct tri_error *err);

/* Set the action plan of criterion (with undo) and save.  target is a
 * level the row has, or LEVEL_UNANSWERED for "the next cell". */
int session_set_plan(struct session *s, size_t criterion, enum level target,
		     const char *action, const char *lead_officer, const char *timescale,
		     struct tri_error *err);

/* Undo the last change and save.  Returns the criterion it touched, or -1
 * when there is nothing to undo. */
long session_undo(struct session *s);

/* First criterion without a level, or the criterion count when all have one. */
size_t session_first_open(const struct session *s);

/* How many criteria have a level (None counts: it is an answer). */
size_t session_answered(const struct session *s);

#endif
