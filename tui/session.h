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
#include "fileid.h"
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
	char *path;             /* as the user named it (for messages) */
	char *real_path;        /* resolved once at open: what is locked and saved */
	char *link_path;        /* path, when it was a symlink (checked before saves) */
	struct fileid link_id;  /* what link_path led to at open */
	struct fileid disk;     /* the file as the session last read or wrote it */
	struct assessment *base; /* the answers as last read or written (to merge) */
	struct lockfile *lock;
	bool is_new;            /* no file yet: ask for details first */
	bool save_failed;       /* the last save did not reach the disk */
	char save_error[1024];
	/* The one read-only state: "" when the file may be written, else why
	 * not ("no write permission", "a read-only mount", ...).  Every change
	 * is refused with it; W FILE continues on a copy. */
	char read_only[256];
	size_t refused_read_only; /* changes refused for it */
	/* Something the front end must say once, then clear: an outside change
	 * merged or kept beside, a save finished from its journal. */
	char notice[1200];
	bool notice_is_warning;
	struct session_undo *undo;
	size_t undo_count, undo_capacity;
	/* Comparison mode: another assessment shown beside this one (read
	 * only, re-read when it changes on disk); every level change is
	 * recorded in history with who. */
	struct assessment *other;
	char *other_path;
	struct fileid other_id;
	char other_error[1100]; /* it changed and no longer loads: adopt refused */
	char who[128];
	bool bom;
	char current[32];       /* the criterion named in the lock file */
	/* The record the last adoption made, while it is still the last
	 * change: its remark may be written after it (the wizard asks for the
	 * remark once the adoption is recorded). */
	bool adoption_open;
	size_t adoption_undo;    /* undo_count right after the adoption */
	char *adoption_history;  /* the row's history as the adoption left it */
};

/* Open path: load it if it exists, else start a blank assessment (saved
 * when the details are filled in).  A symlink is resolved once, here.
 * Only a regular file opens (a FIFO, device, socket or directory is
 * refused at once, naming what it is).  A file this user may not write
 * opens read-only (s->read_only says why) without a lock; otherwise the
 * file's lock is taken (refused, naming the holder, while another
 * tri-assess holds it), temporary files a killed writer left are removed,
 * and a save interrupted in place is finished from its journal (said in
 * s->notice).  Returns 0, or -1 with err filled. */
int session_open(struct session *s, const struct framework *fw, const char *path,
		 struct tri_error *err);

/* Release everything; safe on a zeroed or failed session. */
void session_finish(struct session *s);

/* Install the signal handlers (no SA_RESTART, so blocking reads return). */
void session_install_signals(void);

/* Save now.  First checks the file on disk is the one last read or
 * written (device, inode, size, time, and a hash when those cannot tell;
 * through a symlink, that it still leads there).  If it changed outside:
 * changes to other criteria are merged and saved; a change to the same
 * criterion keeps both (the outside file as it is; this version as
 * NAME.conflict-YYYYMMDD-HHMMSS.csv, created exclusively) and the session
 * continues on the outside version; s->notice says which.  Returns 0, or
 * -1 with s->save_failed and s->save_error set; the answers stay in memory
 * either way.  A read-only session is never saved (returns -1). */
int session_save(struct session *s);

enum session_save_as_result { SESSION_SAVED_AS = 0, SESSION_SAVE_AS_FAILED = -1,
			      SESSION_SAVE_AS_EXISTS = 1 };

/* W: save to path and continue there (the lock moves; a read-only session
 * becomes a writable copy).  path naming the open file is a retry of the
 * save; the compared file is refused.  An existing file is replaced only
 * with replace (the front end asks first); without it the result is
 * SESSION_SAVE_AS_EXISTS and err says what is there.  A symlink at path is
 * replaced, never followed. */
enum session_save_as_result session_save_as(struct session *s, const char *path, bool replace,
					    struct tri_error *err);

/* Say in the lock file which criterion the session is on (for followers);
 * writes only when it changed. */
void session_set_current(struct session *s, size_t criterion);

/* Re-read the compared file if it changed on disk.  Returns 1 when it was
 * re-read, 0 when unchanged, -1 when it changed and does not load (the
 * last good copy stays; s->other_error says why until it loads again, and
 * adopting is refused meanwhile). */
int session_refresh_other(struct session *s);

/* Set a level (with undo) and save.  Returns 0, or -1 with err filled when
 * the row has no cell for the level (nothing changes then). */
int session_set_level(struct session *s, size_t criterion, enum level level,
		      struct tri_error *err);

/* Replace evidence and notes (with undo) and save. */
int session_set_texts(struct session *s, size_t criterion, const char *evidence,
		      const char *notes, struct tri_error *err);

/* Open the assessment to compare with (read only, not locked, never
 * written; re-read when it changes: session_refresh_other). */
int session_open_other(struct session *s, const char *path, const char *who,
		       struct tri_error *err);

/* Adopt the other assessment's level on criterion, recording remark, and
 * save.  The other file is re-read first if it changed: what is adopted is
 * what it says now.  Sets s->adoption_open when it recorded a change (not
 * when the level was already the other's).  Returns 0, or -1 with err
 * filled. */
int session_adopt(struct session *s, size_t criterion, const char *remark,
		  struct tri_error *err);

/* Give the adoption just recorded (s->adoption_open, and still the last
 * change) the remark (one line; empty: none), replacing any given before,
 * and save.  Returns 0, or -1 with err (may be NULL) filled when there is
 * no such adoption. */
int session_adopt_remark(struct session *s, const char *remark, struct tri_error *err);

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
