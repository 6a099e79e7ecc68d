/* assessment: one organisation's answers against a framework, and the CSV
 * file that holds them (docs/file-formats.md).
 *
 * An assessment borrows its framework, which must outlive it.  Loading
 * accepts what spreadsheets write, repairs what they do to the file on a
 * round trip (other encodings and separators, ids made numbers, dates in
 * the UK order) and says so in read_notes, and refuses anything doubtful
 * with a message naming file, line (and spreadsheet row) and field; saving
 * writes the canonical form, atomically (atomicfile). */
#ifndef ASSESSMENT_H
#define ASSESSMENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "framework.h"
#include "level.h"
#include "spreadsheet.h"
#include "tri_error.h"

/* What a moderation decided about a criterion (the `resolution` column;
 * clarifications rule 8): the level the file states stays in `level`. */
enum assessment_resolution {
	ASSESSMENT_OPEN,      /* "": nothing decided yet */
	ASSESSMENT_ADOPTED,   /* "adopted": the other side's level taken */
	ASSESSMENT_KEPT,      /* "kept": this file's own level kept */
	ASSESSMENT_MODERATED, /* "moderated": a level both sides agreed */
	ASSESSMENT_DIFFER,    /* "differ": the two sides agreed to differ */
	ASSESSMENT_RESOLUTION_COUNT
};

/* How far a moderation recorded in this file has got (the
 * `moderation_status` column). */
enum assessment_moderation_status {
	ASSESSMENT_NOT_MODERATED, /* "": no decision recorded */
	ASSESSMENT_IN_PROGRESS,   /* "in_progress": decisions recorded, some open */
	ASSESSMENT_COMPLETED,     /* "completed": no disagreement left open */
};

/* The moderation's details, kept in the file (docs/file-formats.md). */
struct assessment_moderation {
	/* everyone who recorded a decision, in order, "; " between: never NULL */
	char *moderators;
	char *date;       /* YYYY-MM-DD of the last decision; "" none; never NULL */
	enum assessment_moderation_status status;
};

struct assessment_answer {
	char *evidence;  /* never NULL */
	char *notes;     /* never NULL */
	/* The action plan (docs/file-formats.md): a target level (a cell the
	 * row has; LEVEL_UNANSWERED when none is recorded, and the plan then
	 * aims at the next cell), and free text. */
	enum level target;
	char *action, *lead_officer, *timescale; /* never NULL */
	/* Changes recorded in a comparison, one per line:
	 * "YYYY-MM-DD HH:MM | who | old -> new | remark"; a moderation's
	 * decision starts its remark with its kind ("kept: ..."). Never NULL. */
	char *history;
	enum assessment_resolution resolution;
	char **extra;    /* extra_column_count values, never NULL */
};

struct assessment {
	const struct framework *framework; /* borrowed */
	char *organisation, *type, *assessors, *date; /* never NULL; "" unknown */
	struct assessment_moderation moderation;
	enum level *levels;                /* one per criterion, framework order */
	struct assessment_answer *answers; /* one per criterion */
	size_t extra_column_count;         /* columns this program does not know, */
	char **extra_columns;              /* kept and written back on save */
	/* From assessment_load_levels: every answer's texts are one shared
	 * empty string and its extra values absent; never change or write. */
	bool levels_only;
	/* The file starts with a UTF-8 byte-order mark (so that Excel reads its
	 * text as UTF-8): set when the file read had one, or was converted from
	 * UTF-16 or Windows-1252; kept on every save. */
	bool bom;
	/* What loading repaired, and what it doubts (a points value that is not
	 * the level's, a text that came back as a date), one message each
	 * naming file, line and spreadsheet row, in the order found; for the
	 * front ends to show before anything is saved.  Owned. */
	struct spreadsheet_notes read_notes;
};

/* A blank assessment (every row unanswered).  NULL if out of memory.
 * Release with assessment_destroy. */
struct assessment *assessment_create(const struct framework *framework);

/* Accepts NULL. */
void assessment_destroy(struct assessment *assessment);

/* Parse an assessment from memory; name is used in messages.  Returns a
 * new assessment or NULL with err filled (file:line: field "x" ...). */
struct assessment *assessment_parse(const struct framework *framework,
				    const char *name, const char *data,
				    size_t size, struct tri_error *err);

/* Read and parse the file at path. */
struct assessment *assessment_load(const struct framework *framework,
				   const char *path, struct tri_error *err);

/* As assessment_load, with every check, but keeping only the metadata and
 * the levels (evidence, notes, plans, history and extra columns are left
 * empty): for commands that only count points, over thousands of files.
 * Never save what this returns. */
struct assessment *assessment_load_levels(const struct framework *framework,
					  const char *path, struct tri_error *err);

/* Write the assessment as CSV to out (a byte-order mark when bom, a header
 * and one row per criterion): UTF-8, commas, ISO dates, each id as it is,
 * text a spreadsheet would read as a number or date quoted (csvio).
 * Returns 0, or -1 with err filled. */
int assessment_write(const struct assessment *assessment, FILE *out,
		     struct tri_error *err);

/* Save atomically to path; with exclusive, refuse to replace a file.
 * On failure path is untouched and the assessment unchanged in memory. */
int assessment_save(const struct assessment *assessment, const char *path,
		    bool exclusive, struct tri_error *err);

/* Set criterion's level, refusing a level the row has no cell for, or
 * one beyond the framework's levels (err says which levels it has).
 * Returns 0 or -1. */
int assessment_set_level(struct assessment *assessment, size_t criterion,
			 enum level level, struct tri_error *err);

/* Replace *slot (one of the assessment's strings) with a copy of text.
 * Text must be UTF-8 without NUL.  Returns 0, or -1 leaving *slot as it
 * was. */
int assessment_set_text(char **slot, const char *text, struct tri_error *err);

/* Set the criterion's level and append a line to its history saying who
 * changed it, when, from what, and why (remark may be empty).  For changes
 * made while comparing with another assessment.  Returns 0 or -1. */
int assessment_record_change(struct assessment *assessment, size_t criterion,
			     enum level level, const char *who, const char *remark,
			     struct tri_error *err);

/* Record a moderation's decision on criterion: set its level (for
 * ASSESSMENT_ADOPTED and ASSESSMENT_MODERATED; kept for the others), its
 * resolution, and a history line "when | who | old -> new | kind: remark"
 * (the kind's machine word alone when remark is empty); add who to the
 * moderators (once) and make today the moderation's date.  The status is
 * the caller's (comparison_decide knows the other side).  Returns 0, or -1
 * with err filled and the assessment unchanged. */
int assessment_record_decision(struct assessment *assessment, size_t criterion,
			       enum assessment_resolution kind, enum level level,
			       const char *who, const char *remark, struct tri_error *err);

/* The resolution's machine word ("adopted", "kept", "moderated",
 * "differ"; "" for open): the `resolution` column.  Static. */
const char *assessment_resolution_name(enum assessment_resolution resolution);

/* The resolution a machine word names (case ignored, "" for open).
 * Returns false for any other text. */
bool assessment_resolution_parse(const char *text, enum assessment_resolution *resolution);

/* The status's machine word ("", "in_progress", "completed").  Static. */
const char *assessment_moderation_status_name(enum assessment_moderation_status status);

/* True if text is a valid YYYY-MM-DD date (or empty). */
bool assessment_date_valid(const char *text);

/* True if text names an assessment type: "self", "peer" (or empty). */
bool assessment_type_valid(const char *text);

/* "none, established": the levels criterion can take (its framework's
 * names), for messages.  Writes into buffer (size bytes) and returns it. */
const char *assessment_levels_available(const struct framework *framework,
					const struct framework_criterion *criterion,
					char *buffer, size_t size);

#endif
