/* dashboard: where an assessment's action plan stands, per category, in
 * the style of a programme board's dashboard (one row per workstream, a
 * RAG rating per dimension the plan tracks, with words, and a summary of
 * recent progress): the level now, the level the plan aims at, its
 * actions by status, the overdue ones, and the latest progress updates.
 * The model that `dashboard` is written from. */
#ifndef DASHBOARD_H
#define DASHBOARD_H

#include <stdbool.h>
#include <stddef.h>

#include "actionlist.h"
#include "assessment.h"
#include "score.h"

/* A rating: red, amber, green, always shown with its word; NONE where the
 * category has no open action to rate. */
enum dashboard_rag { DASHBOARD_NONE, DASHBOARD_GREEN, DASHBOARD_AMBER, DASHBOARD_RED };

/* The latest progress updates a category's row shows. */
#define DASHBOARD_LATEST 3

struct dashboard_row {
	size_t category;
	const struct score_result *now;  /* the category's score (the sheet's) */
	/* The level the category reaches when every row with a recorded
	 * target, or an open action, reaches its target (plan_target); the
	 * level now when nothing is planned.  LEVEL_UNANSWERED when neither
	 * the category nor its plan has an answer. */
	enum level target;
	size_t by_status[ACTIONLIST_STATUS_COUNT];
	size_t action_count;
	/* Open actions past their due date: overdue_count indexes into the
	 * list, the earliest due first.  Owned. */
	size_t *overdue;
	size_t overdue_count;
	/* The actions with the latest updates, newest first: latest_count
	 * indexes into the list (their actionlist_latest is the update). */
	size_t latest[DASHBOARD_LATEST];
	size_t latest_count;
	/* Delivery: off track -> red, at risk -> amber, else green.
	 * Schedule: an overdue action -> red, else green.  Overall: the worse
	 * of the two.  NONE when the category has no open action. */
	enum dashboard_rag overall, delivery, schedule;
};

struct dashboard {
	const struct assessment *a;     /* borrowed */
	const struct actionlist *list;  /* borrowed */
	struct score_sheet scores;      /* a's levels */
	struct dashboard_row *rows;     /* one per category */
	char today[11];
};

/* Work out the dashboard of a and its actions list as of today
 * (YYYY-MM-DD).  a and list must outlive d.  Returns 0, or -1 when out of
 * memory (d is then empty). */
int dashboard_init(struct dashboard *d, const struct assessment *a,
		   const struct actionlist *list, const char *today);

/* Release what dashboard_init allocated.  Accepts an empty d. */
void dashboard_finish(struct dashboard *d);

/* "red", "amber", "green", "" (NONE): the machine word, as --csv writes
 * it.  Static. */
const char *dashboard_rag_name(enum dashboard_rag rag);

/* "2 on track, 1 at risk" (the row's actions by status, in people's
 * words), or "no actions", written into text.  Returns text. */
const char *dashboard_counts(const struct dashboard_row *row, char *text, size_t size);

/* "Red", "Amber", "Green", "-": the word people read.  Static. */
const char *dashboard_rag_word(enum dashboard_rag rag);

#endif
