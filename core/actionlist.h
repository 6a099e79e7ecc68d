/* actionlist: an assessment's actions, tracked to delivery, and the file
 * that holds them, NAME-actions.csv beside the assessment NAME.csv
 * (docs/file-formats.md, "Actions files").
 *
 * Any number of actions per criterion, each with the outcome it serves
 * (empty: the statement of the row's target cell), the activity, lead
 * officer(s), a due date (a real date, YYYY-MM-DD) and a due note (free
 * text such as "Sept 2019 review", never read as a date), a status, and
 * dated progress updates (who, when, text).  The row's target level stays
 * in the assessment (target_level).
 *
 * An action list borrows its framework, which must outlive it.  Loading
 * accepts what spreadsheets write (csvio), repairs UK dates and says so in
 * read_notes, and refuses anything doubtful with a message naming file,
 * line (and spreadsheet row) and field; writing gives the canonical form,
 * every field behind the formula guard, rows in the framework's order.
 * Columns this program does not know round-trip.  The file is saved by
 * the front ends as the assessment is (atomicfile_save, under the
 * assessment's lock). */
#ifndef ACTIONLIST_H
#define ACTIONLIST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "assessment.h"
#include "fileid.h"
#include "framework.h"
#include "spreadsheet.h"
#include "tri_error.h"

/* Where an action stands, as a programme board rates it (RAG, with words:
 * never by colour alone; core/words.h words them). */
enum actionlist_status {
	ACTIONLIST_NOT_STARTED,
	ACTIONLIST_ON_TRACK,   /* green */
	ACTIONLIST_AT_RISK,    /* amber */
	ACTIONLIST_OFF_TRACK,  /* red */
	ACTIONLIST_DONE,       /* closed */
	ACTIONLIST_STATUS_COUNT
};

/* A set of statuses, for filters: bit 1 << status; 0 is every status. */
#define ACTIONLIST_STATUS_BIT(status) (1u << (status))
#define ACTIONLIST_OPEN (~ACTIONLIST_STATUS_BIT(ACTIONLIST_DONE) & \
			 ((1u << ACTIONLIST_STATUS_COUNT) - 1u))

/* One progress update: "2026-11-20 | A. Smith | Draft agreed at board". */
struct actionlist_update {
	char date[11];  /* YYYY-MM-DD */
	char *who;      /* never NULL; may be "" */
	char *text;     /* never NULL; one line */
};

struct actionlist_item {
	unsigned id;           /* action_id: unique in the list, 1 or more */
	size_t criterion;      /* index into the framework's criteria */
	char *outcome;         /* never NULL; "" is the target cell's statement */
	char *activity;        /* never NULL */
	char *lead;            /* lead officer(s); never NULL */
	char due[11];          /* "" or YYYY-MM-DD */
	char *due_note;        /* never NULL */
	enum actionlist_status status;
	struct actionlist_update *updates; /* update_count, in the order recorded */
	size_t update_count;
	char **extra;          /* the list's extra_column_count values, never NULL */
};

struct actionlist {
	const struct framework *framework; /* borrowed */
	/* In the framework's order of criteria, then by id: a criterion's
	 * actions are next to each other (actionlist_of_criterion). */
	struct actionlist_item *items;
	size_t count, capacity;
	size_t extra_column_count; /* columns this program does not know, */
	char **extra_columns;      /* kept and written back */
	bool bom;                  /* written behind a UTF-8 byte-order mark */
	/* What loading repaired and doubts, for the front ends to show before
	 * anything is saved (as an assessment's).  Owned. */
	struct spreadsheet_notes read_notes;
};

/* What a person gives an action (each text UTF-8; due "" or YYYY-MM-DD). */
struct actionlist_fields {
	const char *outcome, *activity, *lead, *due, *due_note;
	enum actionlist_status status;
};

/* An empty list.  NULL if out of memory.  Release with actionlist_destroy. */
struct actionlist *actionlist_create(const struct framework *framework);

/* Accepts NULL. */
void actionlist_destroy(struct actionlist *list);

/* A deep copy of list (for undo, and the base a merge needs).  NULL if out
 * of memory. */
struct actionlist *actionlist_copy(const struct actionlist *list);

/* Parse an actions file from memory; name is used in messages.  Returns a
 * new list, or NULL with err filled ("a-actions.csv:3: field \"due\" is
 * \"March 2027\"; expected ..."). */
struct actionlist *actionlist_parse(const struct framework *framework, const char *name,
				    const char *data, size_t size, struct tri_error *err);

/* Write into out the path of the actions file of the assessment at
 * assessment_path: "dir/NAME-actions.csv" for "dir/NAME.csv" (and for
 * "dir/NAME").  The caller resolves links first: the actions file lives
 * beside the real assessment.  Returns 0, or -1 when it does not fit. */
int actionlist_path(const char *assessment_path, char *out, size_t size);

/* Read the actions file at path: a new list (empty when there is no file
 * there), *exists saying whether there was one, *id (may be NULL) its
 * identity as read (fileid_read).  Only a regular file is read, never
 * through a symbolic link (tri-assess writes this file itself: a link
 * there is refused, naming it).  Returns NULL with err filled on any
 * fault. */
struct actionlist *actionlist_read(const struct framework *framework, const char *path,
				   bool *exists, struct fileid *id, struct tri_error *err);

/* The actions of the assessment at assessment_path, as the commands read
 * them: its actions file (links in assessment_path resolved first, so
 * it is the one beside the real file), if any, with the action columns of
 * an assessment written before actions files moved into it (in memory
 * only: actionlist_migrate).  NULL with err filled on a fault. */
struct actionlist *actionlist_load_for(struct assessment *assessment,
				       const char *assessment_path, struct tri_error *err);

/* Write the list as CSV to out (a byte-order mark when bom, a header, one
 * row per action).  Returns 0, or -1 with err filled. */
int actionlist_write(const struct actionlist *list, FILE *out, struct tri_error *err);

/* Move the action plan columns of an assessment file written before
 * actions files (the answers' action, lead_officer, timescale) into list,
 * one action per criterion that has any of them: the action is the
 * activity, lead_officer the lead, and the timescale the due date when it
 * is exactly a date (YYYY-MM-DD), else the due note (never a guessed
 * date).  An action already in list with the same criterion, activity,
 * lead and timescale is not added again (a migration interrupted between
 * writing the two files is finished, not doubled).  Clears those texts in
 * the assessment.  Sets *moved (may be NULL) to how many criteria had
 * them.  Returns 0, or -1 with err filled (out of memory: both unchanged). */
int actionlist_migrate(struct actionlist *list, struct assessment *assessment, size_t *moved,
		       struct tri_error *err);

/* A three-way merge for a file changed by two writers: theirs, with the
 * changes ours made since base applied, by action_id: an action ours
 * added (an id base lacks) is added (renumbered when theirs has that id);
 * an action ours changed replaces theirs where theirs is still as in base.
 * Where theirs changed or removed an action ours changed too, or the
 * lists' own columns differ, *conflict is set and theirs is kept for it
 * (the caller keeps ours beside).  Returns a new list, or NULL with err
 * filled (out of memory). */
struct actionlist *actionlist_merge(const struct actionlist *base, const struct actionlist *ours,
				    const struct actionlist *theirs, bool *conflict,
				    struct tri_error *err);

/* True if the assessment holds action plan columns still to migrate. */
bool actionlist_has_legacy(const struct assessment *assessment);

/* Add an action to criterion with fields (the status as given); its id is
 * one more than the highest in the list.  Returns the new item's index
 * (indexes after it move up one), or -1 with err filled (a due date that is
 * not YYYY-MM-DD, text that is not UTF-8, out of memory: list unchanged). */
long actionlist_add(struct actionlist *list, size_t criterion,
		    const struct actionlist_fields *fields, struct tri_error *err);

/* Replace item index's fields.  Returns 0, or -1 with err filled (as
 * actionlist_add; the item unchanged). */
int actionlist_edit(struct actionlist *list, size_t index,
		    const struct actionlist_fields *fields, struct tri_error *err);

/* Set item index's status. */
void actionlist_set_status(struct actionlist *list, size_t index,
			   enum actionlist_status status);

/* Record a progress update on item index: date YYYY-MM-DD, who (no line
 * break or '|'), text (one line, not empty).  Returns 0, or -1 with err
 * filled (the item unchanged). */
int actionlist_add_update(struct actionlist *list, size_t index, const char *date,
			  const char *who, const char *text, struct tri_error *err);

/* Remove item index (indexes after it move down one). */
void actionlist_remove(struct actionlist *list, size_t index);

/* The index of the action with this id, or -1. */
long actionlist_find(const struct actionlist *list, unsigned id);

/* How many actions criterion has; *first (may be NULL) is the first one's
 * index (where a new one would go when there are none). */
size_t actionlist_of_criterion(const struct actionlist *list, size_t criterion,
			       size_t *first);

/* True if items x and y say the same (every field, id and extra values). */
bool actionlist_same_item(const struct actionlist *xl, const struct actionlist_item *x,
			  const struct actionlist *yl, const struct actionlist_item *y);

/* The outcome item serves as people read it: its own text, else the
 * statement of its criterion's target cell in assessment (plan_target),
 * else "" (the row is at its highest cell).  Borrowed. */
const char *actionlist_outcome(const struct actionlist_item *item,
			       const struct assessment *assessment);

/* The machine word of a status ("on_track"), as files and --csv write it. */
const char *actionlist_status_name(enum actionlist_status status);

/* Read a status as people and spreadsheets write it: its machine word or
 * its words, case, spaces, hyphens and underscores aside ("On track",
 * "on-track", "ON_TRACK"); empty is not started.  Returns false for
 * anything else. */
bool actionlist_status_parse(const char *text, enum actionlist_status *status);

/* How people read a status, RAG with its words: "Not started", "On track
 * (green)", "At risk (amber)", "Off track (red)", "Done".  Static. */
const char *actionlist_status_word(enum actionlist_status status);

/* "not_started, on_track, at_risk, off_track, done", for messages. */
const char *actionlist_status_names(void);

/* Today as YYYY-MM-DD, in the local time zone; for tests, the environment
 * variable TRI_ASSESS_TODAY (a valid YYYY-MM-DD) stands in for the
 * clock. */
void actionlist_today(char out[11]);

/* True if item is open (not done) and its due date is before today. */
bool actionlist_overdue(const struct actionlist_item *item, const char *today);

/* Which actions a list or screen shows. */
struct actionlist_filter {
	long category;      /* a category index, or -1 for every category */
	unsigned statuses;  /* ACTIONLIST_STATUS_BIT()s; 0 for every status */
	const char *lead;   /* NULL or "" for any; else the lead must contain it
			       (case and accents ignored: text_contains) */
	bool overdue;       /* only open actions past their due date */
	const char *today;  /* YYYY-MM-DD: what "overdue" counts from */
};

/* The indexes of the actions filter lets through, into out (room for
 * list->count), sorted by due date (the earliest first; actions without
 * a date last), then in the framework's order.  Returns how many. */
size_t actionlist_select(const struct actionlist *list, const struct actionlist_filter *filter,
			 size_t *out);

/* item's updates as the progress field holds them, one a line:
 * "YYYY-MM-DD | who | text".  A new string the caller frees; NULL when out
 * of memory. */
char *actionlist_progress_text(const struct actionlist_item *item);

/* The latest update of item (by date, the last recorded on a day), or
 * NULL when it has none. */
const struct actionlist_update *actionlist_latest(const struct actionlist_item *item);

/* "1.2 #3": how an action is named for people, written into buffer. */
const char *actionlist_label(const struct actionlist *list, const struct actionlist_item *item,
			     char *buffer, size_t size);

#endif
