/* session: what both front ends (full-screen and plain) share — the open
 * assessment, its lock, saving after every change, undo, the signal flag,
 * and every action a person can take on the answers, each with its checks
 * and its words for people (struct session_reply): the front ends only
 * map keys or commands onto these (actions.h) and show the reply.  No
 * curses here. */
#ifndef SESSION_H
#define SESSION_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>

#include "assessment.h"
#include "framework.h"
#include "fileid.h"
#include "lockfile.h"
#include "plan.h"
#include "comparison.h"

/* Set by the SIGHUP/SIGTERM/SIGINT handler; the loops poll it. */
extern volatile sig_atomic_t session_signal;

/* Undo keeps the whole answer as it was before a change. */
struct session_undo {
	size_t criterion;
	enum level level, target;
	char *text[6]; /* evidence, notes, action, lead officer, timescale, history */
	enum assessment_resolution resolution;
	struct assessment_moderation moderation; /* the file's, before the change (owned) */
};

/* Release what an undo step holds (not the step itself). */
void session_undo_step_free(struct session_undo *u);

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
	/* A moderation (clarifications rule 8; session_set_moderation): this
	 * file records the decisions (adopt, keep, moderate, differ) taken
	 * against the compared one, which is never written. */
	bool moderation;
	bool bom;
	char current[32];       /* the criterion named in the lock file */
	/* Follow mode (clarifications rules 2, 3, 9): another wizard holds the
	 * file; this session shows it read-only (read_only "following"),
	 * re-reads it as the holder saves and follows the criterion its lock
	 * names.  follow_fd watches the folder (inotify), -1 where it cannot
	 * (session_follow_update then polls). */
	bool following;
	int follow_fd;
	char holder[160];       /* the lock's holder, as last read ("" when none) */
	/* The record the last adoption (or moderation decision) made, while
	 * it is still the last change: its remark may be written after it
	 * (the wizard asks for the remark once the decision is recorded;
	 * clarifications rule 22). */
	bool adoption_open;
	size_t adoption_undo;    /* undo_count right after the adoption */
	char *adoption_history;  /* the row's history as the adoption left it */
	char adoption_said[200]; /* what the decision's reply said, without its full stop */
	/* The front end (set after session_open): messages name its keys and
	 * commands ("W" in the wizard, "W FILE" in plain mode). */
	bool plain;
	char search[256];        /* the last text searched for (session_find) */
	char question_path[4096]; /* the file the last SESSION_ASK reply is about */
};

/* What an action says to people, worded once here for both front ends:
 * the wizard shows it in its footer, plain mode as a line.  A refusal's
 * text is the reason alone ("criterion 1.3 has no developing cell; it can
 * be none, established"): each front end says it as a refusal in its own
 * way ("Refused: ....", or, reading a pipe, naming the input line). */
enum session_tone {
	SESSION_SILENT,  /* nothing to say */
	SESSION_DONE,    /* it worked: "Kept the action plan for 1.2." */
	SESSION_NOTE,    /* nothing changed, and no fault: "Nothing to undo." */
	SESSION_UNSAVED, /* it worked in memory, but the save failed (s->save_error) */
	SESSION_WARNING, /* nothing done, and a danger to say: "Answers are NOT saved..." */
	SESSION_REFUSED, /* nothing changed: the text says why ("criterion ...") */
	SESSION_FAILED,  /* it could not be done: the text is a sentence ("Could not save: ...") */
	SESSION_ASK,     /* a question first: the text says what is there */
};

#define SESSION_REPLY_MAX 1400

struct session_reply {
	enum session_tone tone;
	char text[SESSION_REPLY_MAX];
};

/* What a person answered to "replace it?" (a question a front end asks
 * when an action's reply is SESSION_ASK): not asked yet, yes, no. */
enum session_answer { SESSION_UNASKED, SESSION_YES, SESSION_NO };

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

/* Whether path is held by another tri-assess: 1, with holder filled ("pid
 * N on HOST user U"); 0 when it is not (or cannot be told). */
int session_held_by(const char *path, char *holder, size_t size);

/* Open path to follow it (session_held_by says another wizard holds it):
 * loaded without the lock, read-only with the reason "following" (every
 * change refused; W FILE continues on a copy and stops following), the
 * folder watched with inotify where it can be.  Returns 0, or -1 with err
 * filled. */
int session_open_following(struct session *s, const struct framework *fw, const char *path,
			   struct tri_error *err);

/* What changed for a follower since the last call (a bit each): the file
 * was re-read (SESSION_FOLLOW_FILE), the holder moved to another
 * criterion (SESSION_FOLLOW_MOVED, *criterion set), the holder closed the
 * file or a new one took it (SESSION_FOLLOW_HOLDER, s->holder says who;
 * "" none).  A file that is being written is read when it is complete
 * (rule 9); one that does not load is kept as last read.  0 when not
 * following. */
enum { SESSION_FOLLOW_FILE = 1, SESSION_FOLLOW_MOVED = 2, SESSION_FOLLOW_HOLDER = 4 };
int session_follow_update(struct session *s, size_t *criterion);

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

/* Say in the lock file which criterion the session is on (for followers);
 * writes only when it changed. */
void session_set_current(struct session *s, size_t criterion);

/* Open the assessment to compare with (read only, not locked, never
 * written; re-read when it changes: session_refresh_other). */
int session_open_other(struct session *s, const char *path, const char *who,
		       struct tri_error *err);

/* After session_open_other: make the comparison a moderation when asked
 * (--moderate), or when the two are a self-assessment (this file) and a
 * peer review of one organisation (comparison_is_moderation).  Opened on
 * a peer review compared with a self-assessment, it stays a comparison as
 * before, asked or not: a moderation is recorded in the self-assessment
 * and the peer review is never written (rule 8). */
void session_set_moderation(struct session *s, bool asked);

/* The comparison of this file with the compared one (comparison.h), as a
 * moderation when the session is one.  Returns 0, or -1 (no compared
 * file, out of memory: c is then empty). */
int session_comparison(const struct session *s, struct comparison *c);

/* Re-read the compared file if it changed on disk.  Returns 1 when it was
 * re-read, 0 when unchanged, -1 when it changed and does not load (the
 * last good copy stays; s->other_error says why until it loads again, and
 * adopting is refused meanwhile). */
int session_refresh_other(struct session *s);

/* Set reply (which may be NULL) to tone and the formatted text. */
void session_reply_set(struct session_reply *reply, enum session_tone tone, const char *format,
		       ...) __attribute__((format(printf, 3, 4)));

/* A change has been made: reply DONE with the text, or UNSAVED ("TEXT, in
 * memory only. W: save to another file.", the front end's key for W) when
 * the save that followed it failed. */
void session_reply_change(const struct session *s, struct session_reply *reply,
			  const char *format, ...) __attribute__((format(printf, 3, 4)));

/* Every action below takes a reply (may be NULL: on a signal nobody reads
 * it), returns 0 (or what it names) when it did what was asked and -1
 * when it refused (nothing changed; reply says why).  Each change is
 * remembered for undo and saved at once (session_save). */

/* Set a level and reply with the row's new level and its category's
 * score ("1.8: Leading. Category 1 score 15/22, Established.").  Refused
 * for a level the row has no cell for, and in a read-only session. */
int session_set_level(struct session *s, size_t criterion, enum level level,
		      struct session_reply *reply);

/* Replace evidence and notes: "Kept the evidence and notes for 1.1." */
int session_set_texts(struct session *s, size_t criterion, const char *evidence,
		      const char *notes, struct session_reply *reply);

/* Set the action plan of criterion: "Kept the action plan for 1.2."
 * target is a level the row has, or LEVEL_UNANSWERED for "the next
 * cell"; any other is refused. */
int session_set_plan(struct session *s, size_t criterion, enum level target,
		     const char *action, const char *lead_officer, const char *timescale,
		     struct session_reply *reply);

/* Adopt the other assessment's level on criterion, recording remark:
 * "1.7: adopted Leading (recorded in its history)."  The other file is
 * re-read first if it changed: what is adopted is what it says now.  Sets
 * s->adoption_open when it recorded a change; a row already at the
 * other's level is a NOTE ("1.1 is already at the other's level."). */
int session_adopt(struct session *s, size_t criterion, const char *remark,
		  struct session_reply *reply);

/* Record a moderation's decision on criterion (comparison_decide):
 * ASSESSMENT_ADOPTED the compared file's level, ASSESSMENT_KEPT this
 * file's, ASSESSMENT_MODERATED level, ASSESSMENT_DIFFER agree to differ;
 * in history with who and when, the row marked resolved: "1.2: kept
 * Established (recorded in its history)."  The remark follows with
 * session_adopt_remark (or is taken back with
 * session_take_back_adoption).  Adopting a level the row already states,
 * when the two agree, records nothing and says so (a NOTE: "1.3: both
 * sides say Established; nothing recorded.").  Refused outside a
 * moderation, in a read-only session, and where the core refuses. */
int session_decide(struct session *s, size_t criterion, enum assessment_resolution kind,
		   enum level level, struct session_reply *reply);

/* The next (step 1) or previous (step -1) unresolved disagreement from
 * criterion from, across categories: "1.5: open disagreement 3 of 11."
 * Returns the criterion, or -1: a NOTE when none is left ("No open
 * disagreement: 13 resolved."), REFUSED when nothing is compared. */
long session_next_disagreement(const struct session *s, size_t from, int step,
			       struct session_reply *reply);

/* Give the adoption just recorded (s->adoption_open, and still the last
 * change) the remark (one line; empty: none), replacing any given before,
 * and save.  Refused when there is no such adoption. */
int session_adopt_remark(struct session *s, const char *remark, struct session_reply *reply);

/* Take back the adoption just recorded (as undo would, while it is the
 * last change): "Took back the adoption for 1.2."  Returns its criterion,
 * or -1 when there is none to take back (a NOTE). */
long session_take_back_adoption(struct session *s, struct session_reply *reply);

/* Undo the last change and save: "Undid the last change to 1.1."
 * Returns the criterion it touched, or -1 when there is nothing to undo
 * (a NOTE: "Nothing to undo."). */
long session_undo(struct session *s, struct session_reply *reply);

/* Find the next criterion after from (step 1) or the previous one before
 * it (step -1), wrapping round, whose id is text, or whose cells,
 * evidence or notes contain it with case and accents ignored (text.h:
 * "zoe" finds "Zoë"): '"trade union": 6.10, 2 matching criteria. n/N:
 * next/previous.'  text NULL finds the last search again.  The text is kept for the next time.  Returns the
 * criterion, or -1 (REFUSED when nothing matches; NOTE "Search
 * cancelled." for an empty text, which forgets the last search, or when
 * there was no search before). */
long session_find(struct session *s, const char *text, size_t from, int step,
		  struct session_reply *reply);

/* The criterion with this id (plain mode's g ID), or -1, refused with
 * what an id looks like. */
long session_find_id(const struct session *s, const char *id, struct session_reply *reply);

/* The summary's next steps for category: writes the heading into
 * heading ("Category 1: 4 more for Leading; the fewest steps (2):", or
 * why there are none: not assessed, at the top) and fills gap.  Returns
 * how many raises of gap to list under it (session_step_line). */
int session_steps(const struct session *s, size_t category, struct plan_gap *gap,
		  char *heading, size_t size);

/* One step: "  1.7   to Leading (+3): CELL TEXT", written into buffer. */
const char *session_step_line(const struct session *s, const struct plan_raise *raise,
			      char *buffer, size_t size);

enum session_save_as_result { SESSION_SAVED_AS = 0, SESSION_SAVE_AS_FAILED = -1,
			      SESSION_SAVE_AS_EXISTS = 1, SESSION_SAVE_AS_DECLINED = 2 };

/* W: save to path and continue there (the lock moves; a read-only session
 * becomes a writable copy): "Saved to P; changes now go there."  path
 * naming the open file is a retry of the save; the compared file is
 * refused.  An existing file is replaced only when answer is SESSION_YES:
 * unasked, the result is SESSION_SAVE_AS_EXISTS and the reply (ASK) says
 * what is there (s->question_path is the path); SESSION_NO declines ("Not
 * saved: P is unchanged.").  A symlink at path is replaced, never
 * followed. */
enum session_save_as_result session_save_as(struct session *s, const char *path,
					    enum session_answer answer,
					    struct session_reply *reply);

/* x: export the category summary to NAME-summary.csv beside the file
 * (docs/file-formats.md): "Exported the category summary to P (the
 * answers are in F)."  An earlier export is replaced; another file there
 * is replaced only when answer is SESSION_YES: unasked, the reply is ASK
 * (naming what is there; s->question_path is the file); SESSION_NO
 * replies "Not exported: P is unchanged.".  Returns 0 when exported, 1
 * when it asks or was declined, -1 when refused or failed. */
int session_export_summary(struct session *s, enum session_answer answer,
			   struct session_reply *reply);

/* q: whether the front end may end now.  After a failed save the first q
 * only warns (WARNING: "Answers are NOT saved. W: save elsewhere; q again:
 * quit and lose them."); again says the previous key or command was q
 * too (or nobody can answer: a pipe). */
bool session_quit(const struct session *s, bool again, struct session_reply *reply);

/* The details of a new assessment, in the order the front ends ask. */
enum session_detail { SESSION_ORGANISATION, SESSION_TYPE, SESSION_ASSESSORS, SESSION_DATE,
		      SESSION_DETAIL_COUNT };

/* Check one detail as typed (surrounding blanks ignored): 0, or -1 with
 * reply saying what was expected ("\"peer-review\": expected self or
 * peer").  Empty is fine for all but the organisation (the type is then
 * self, the date today). */
int session_check_detail(enum session_detail detail, const char *value,
			 struct session_reply *reply);

/* Create the new assessment's file with these details (indexed by enum
 * session_detail; each checked as above): "Created F.".  Returns 0, or -1
 * with reply saying why: *wrong is the detail that is wrong, or
 * SESSION_DETAIL_COUNT when the file could not be written. */
int session_create(struct session *s, const char *const details[SESSION_DETAIL_COUNT],
		   enum session_detail *wrong, struct session_reply *reply);

/* First criterion without a level, or the criterion count when all have one. */
size_t session_first_open(const struct session *s);

/* How many criteria have a level (None counts: it is an answer). */
size_t session_answered(const struct session *s);

#endif
