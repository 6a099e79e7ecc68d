/* comparison: two assessments of one framework side by side, worked out
 * once: each one's scores, where their levels differ, and, when the two
 * are a self-assessment and a peer review of one organisation, the
 * moderation between them (clarifications rule 8).  The model that
 * `compare`, the wizard's moderation view and the report's comparison are
 * written from.
 *
 * A moderation is recorded in one of the two files (the self-assessment:
 * the peer review is never written): each decision (adopt the other
 * side's level, keep its own, a moderated level, agree to differ) sets
 * the row's `resolution` and adds a line to its history; `level` stays
 * the level the file now states.  Any other comparison (last year's file)
 * has no resolutions and works as before.
 *
 * Per criterion, each side's evidence and notes are the assessments' own
 * (c->a->answers[i], c->b->answers[i]); the model adds what needs both. */
#ifndef COMPARISON_H
#define COMPARISON_H

#include <stdbool.h>
#include <stddef.h>

#include "assessment.h"
#include "score.h"

/* Whether the comparison is a moderation. */
enum comparison_kind {
	COMPARISON_AUTO,     /* when the files say so: one organisation, self and peer */
	COMPARISON_MODERATE, /* asked for (--moderate), whatever the files say */
};

/* How far a moderation has got, over a category or the whole framework. */
struct comparison_count {
	size_t differ;        /* criteria at different levels now */
	size_t disagreements; /* at different levels now, or decided: what the
				 moderation is about (0 outside a moderation) */
	size_t resolved;      /* decided (a resolution recorded) */
	size_t open;          /* at different levels and not decided: the
				 unresolved disagreements (`>` goes to them) */
};

/* One criterion, as both sides see it. */
struct comparison_criterion {
	bool differs;                          /* the two levels differ */
	enum assessment_resolution resolution; /* the recording side's; OPEN outside a moderation */
	/* Every history line of both files for the row, oldest first (by the
	 * "YYYY-MM-DD HH:MM" each starts with), a line both hold once; ""
	 * when none.  Owned by the comparison. */
	char *history;
};

struct comparison {
	const struct framework *fw;       /* borrowed */
	const struct assessment *a, *b;   /* borrowed; b may be NULL (nothing compared) */
	struct score_sheet sheet_a, sheet_b; /* sheet_b empty without b */
	size_t differ_count;              /* criteria at different levels */
	/* A moderation: the two are of one organisation (organisation.h), one
	 * a self-assessment and one a peer review, or one was asked for. */
	bool moderation;
	/* The side whose file records the moderation (0 for a, 1 for b; the
	 * self-assessment, else a); -1 outside a moderation. */
	int record;
	/* Each side named from its metadata, never "Other" or a path
	 * (words_side): names[k] in full ("London Borough of Camden: peer
	 * review, 2026-11-24, by B. Reviewer"), labels[k] short, the words
	 * that tell the two apart ("Peer review").  Owned; NULL without b. */
	char *names[2], *labels[2];
	struct comparison_criterion *criteria; /* one per criterion; NULL without b */
	struct comparison_count *categories;   /* one per category; NULL without b */
	struct comparison_count total;         /* over every criterion */
};

/* Compare a with b (of the same framework; b may be NULL, for a's scores
 * alone); kind says whether it is a moderation.  The assessments must
 * outlive c, and c must be made again when either changes.  Returns 0, or
 * -1 when out of memory (c is then empty). */
int comparison_init(struct comparison *c, const struct assessment *a,
		    const struct assessment *b, enum comparison_kind kind);

/* Release what comparison_init allocated.  Accepts an empty c. */
void comparison_finish(struct comparison *c);

/* True if the two give criterion different levels (never without b). */
bool comparison_criterion_differs(const struct comparison *c, size_t criterion);

/* True if the two give category different levels (never without b). */
bool comparison_category_differs(const struct comparison *c, size_t category);

/* True if criterion is an unresolved disagreement: the levels differ and
 * no resolution is recorded (in any comparison: outside a moderation,
 * every difference is open). */
bool comparison_criterion_open(const struct comparison *c, size_t criterion);

/* The next (step 1) or previous (step -1) unresolved disagreement after
 * criterion from, across categories, wrapping round (from itself comes
 * last).  Returns its index, or -1 when there is none. */
long comparison_next_open(const struct comparison *c, size_t from, int step);

/* True if a and b make a moderation by themselves: one organisation
 * (organisation_same), one type self and the other peer. */
bool comparison_is_moderation(const struct assessment *a, const struct assessment *b);

/* Record a moderation's decision on criterion in record, the recording
 * side, against other (the other side, never written): kind
 * ASSESSMENT_ADOPTED takes other's level (level is ignored), MODERATED
 * sets level, KEPT and DIFFER keep record's own; each sets the row's
 * resolution and history line (assessment_record_decision), and the
 * moderation's status: completed when no disagreement is left open, else
 * in progress.  Returns 0 when recorded; 1 when there is nothing to
 * record (the row already states the level it would get, and agrees with
 * other: nothing changes); -1 with err filled (a level the row has no
 * cell for, adopting a row other has not assessed, out of memory; nothing
 * changes). */
int comparison_decide(struct assessment *record, const struct assessment *other,
		      size_t criterion, enum assessment_resolution kind, enum level level,
		      const char *who, const char *remark, struct tri_error *err);

/* Set record's moderation status from its open disagreements with other:
 * completed when none is open, in progress otherwise; left alone while no
 * decision is recorded (ASSESSMENT_NOT_MODERATED).  For after a change
 * that is not a decision (a level set, an undo). */
void comparison_update_status(struct assessment *record, const struct assessment *other);

#endif
