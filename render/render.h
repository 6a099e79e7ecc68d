/* render: the outputs for people and machines, written from the core's
 * models.  One writer interface for every output format (as ncdu 1.x's
 * dir_output): a format is a table of functions, one per kind of output;
 * text, CSV and HTML are three tables.  A command builds its model in the
 * core (score.h, comparison.h, plan.h, benchmark.h, report.h) and hands it
 * to the chosen format; the format writes it to a render_out.
 *
 * Everything from a file, a path or an argument reaches the output only
 * through this library's writers, which give it its visible form
 * (sanitize.h) and then escape it for the format: text is sanitised as a
 * whole line, CSV field by field with the formula guard
 * (csvio_write_output), HTML escaped and isolated (<bdi>).  Nothing here
 * computes a score: the models hold every number. */
#ifndef RENDER_H
#define RENDER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "about.h"
#include "actionlist.h"
#include "assessment.h"
#include "benchmark.h"
#include "comparison.h"
#include "framework.h"
#include "outfile.h"
#include "dashboard.h"
#include "plan.h"
#include "progress.h"
#include "report.h"
#include "score.h"
#include "tri_error.h"

/* Where a format writes.  Caller-owned; render_out_init sets it up. */
struct render_out {
	FILE *file;      /* borrowed */
	bool bom;        /* CSV: start with a UTF-8 byte-order mark */
	bool started;    /* private: the byte-order mark is written */
};

/* Write to file; with bom, CSV output starts with a byte-order mark. */
void render_out_init(struct render_out *out, FILE *file, bool bom);

/* One assessment's scores, labelled (its file name), for `score`. */
struct render_scores {
	const char *label;               /* borrowed */
	const struct assessment *a;      /* borrowed */
	const struct score_sheet *sheet; /* a's, borrowed */
};

/* Two assessments compared, for `compare`. */
struct render_comparison {
	const char *labels[2];           /* their file names */
	const struct comparison *c;
};

/* An assessment's plan, for `plan`: its gaps and its actions (one row per
 * action in CSV). */
struct render_plan {
	const char *label;
	const struct plan_sheet *plan;
	const struct actionlist *actions; /* the assessment's; never NULL */
};

/* Actions chosen by a filter, for `actions`. */
struct render_actions {
	const char *label;
	const struct assessment *a;
	const struct actionlist *list;
	const size_t *items;  /* count indexes into list, in the order shown */
	size_t count;
	const char *filter;   /* what chose them, for people ("" for every action) */
	const char *today;    /* YYYY-MM-DD: what "overdue" counts from */
};

/* A dashboard, for `dashboard`. */
struct render_dashboard {
	const char *label;
	const struct dashboard *d;
};

/* A benchmark, for `benchmark`. */
struct render_benchmark {
	const struct benchmark_set *set;
	bool named;              /* name every organisation (else anonymised) */
};

/* A format: a table of writers, one per kind of output, each NULL where
 * the format has none.  Each returns 0, or -1 when writing failed (errno
 * says why).  To add a format, fill a table (render_text is the model);
 * to add an output, add a slot and a writer to each format that has it. */
struct render_format {
	const char *name; /* "text", "csv", "html" */
	int (*criteria)(struct render_out *out, const struct framework *fw);
	int (*validation)(struct render_out *out, const struct framework *fw,
			  const struct score_validation *v);
	int (*scores)(struct render_out *out, const struct framework *fw,
		      const struct render_scores *each, size_t count);
	int (*comparison)(struct render_out *out, const struct render_comparison *m);
	int (*plan)(struct render_out *out, const struct render_plan *m);
	/* plan --layout action-plan: seed 003's columns, plus status */
	int (*action_plan)(struct render_out *out, const struct render_plan *m);
	int (*actions)(struct render_out *out, const struct render_actions *m);
	int (*dashboard)(struct render_out *out, const struct render_dashboard *m);
	int (*progress)(struct render_out *out, const struct progress *m);
	int (*benchmark)(struct render_out *out, const struct render_benchmark *m);
	int (*report)(struct render_out *out, const struct report_content *m);
	int (*about)(struct render_out *out, const struct about_page *m);
};

/* For people: fixed-width text (as a terminal shows it). */
extern const struct render_format render_text;
/* For spreadsheets and scripts (docs/file-formats.md, "Machine outputs"). */
extern const struct render_format render_csv;
/* A self-contained XHTML page: the report. */
extern const struct render_format render_html;

/* The format called name ("text", "csv", "html"), or NULL. */
const struct render_format *render_format_named(const char *name);

/* Write model with writer into the file at path, atomically, as
 * outfile_check's verdict allows (the caller has asked about someone
 * else's file).  Returns 0, or -1 with err filled (path untouched). */
int render_save(const char *path, enum outfile_verdict verdict,
		int (*writer)(struct render_out *out, const void *model), const void *model,
		bool bom, struct tri_error *err);

/* ---- The category summary (score --csv, the wizard's x export) ---- */

/* Write the summary's header and a's rows, labelled file_label, to path
 * atomically as the verdict allows; with bom, behind a byte-order mark. */
int render_summary_save(const struct assessment *a, const char *file_label, const char *path,
			enum outfile_verdict verdict, bool bom, struct tri_error *err);

/* How a summary export is recognised as tri-assess's own (outfile): its
 * exact header line. */
const struct outfile_signature *render_summary_signature(void);

/* ---- The report (HTML) ---- */

/* In the head of every report, so a later run knows the file as its own
 * (without the closing "/>", so an HTML-style ">" matches too). */
#define RENDER_REPORT_GENERATOR "<meta name=\"generator\" content=\"tri-assess\""

/* How a file is recognised as a report (outfile_check). */
extern const struct outfile_signature render_report_signature;

/* ---- Writers the formats share (render.c) ---- */

/* Text: format, give the whole result its visible form, write it. */
void render_printf(struct render_out *out, const char *format, ...)
	__attribute__((format(printf, 2, 3)));

/* Text: text in its visible form (sanitize.h) wrapped by text_wrap (the
 * program's one wrapping function: display columns, UAX #14 breaks) to
 * width - indent columns, each line after the first indented by indent
 * spaces, and a newline. */
void render_wrapped(struct render_out *out, const char *text, int indent, int width);

/* CSV: one record, every field in its visible form, guarded against
 * formulas unless its bit is set in computed (CSVIO_COMPUTED(column):
 * what the program computed).  The first record follows the byte-order
 * mark when there is one. */
void render_csv_row(struct render_out *out, const char *const *fields, size_t count,
		    uint64_t computed);

/* 0, or -1 when a write to out failed. */
int render_status(const struct render_out *out);

#endif
