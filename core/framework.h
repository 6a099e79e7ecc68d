/* framework: the Standard as data — categories, sections, criterion rows,
 * points per level, level descriptors, glossary, the introduction and the
 * footnotes.
 *
 * One loader reads the CSV files (six required, two optional; see
 * docs/file-formats.md) either from the copy embedded at build time or from
 * a directory, so a revised Standard is a matter of data.  A loaded
 * framework is immutable. */
#ifndef FRAMEWORK_H
#define FRAMEWORK_H

#include <stdbool.h>
#include <stddef.h>

#include "level.h"
#include "tri_error.h"

#define FRAMEWORK_NO_SECTION ((size_t)-1)

/* A framework's numbers are bounded (docs/file-formats.md), so that no
 * sum, range or search over them can overflow or run long; the loader
 * refuses a framework beyond them.  The built-in Standard: 3 points at
 * most, 69 criteria, 7 categories, 5 sections, 5 terms. */
#define FRAMEWORK_MAX_POINTS 100     /* a level's points: 0 to this */
#define FRAMEWORK_MAX_CRITERIA 1000
#define FRAMEWORK_MAX_CATEGORIES 100
#define FRAMEWORK_MAX_SECTIONS 1000
#define FRAMEWORK_MAX_TERMS 1000
#define FRAMEWORK_MAX_LEVELS LEVEL_MAX_COUNT /* rows of levels.csv (none included) */
#define FRAMEWORK_MAX_LEVEL_NAME 32  /* bytes of a level's name */
#define FRAMEWORK_MAX_KEYS 100       /* rows of framework.csv */
#define FRAMEWORK_MAX_PARAGRAPHS 1000 /* rows of about.csv */
#define FRAMEWORK_MAX_FOOTNOTES 1000  /* rows of footnotes.csv */
/* Every score a framework can give, and so every published range bound. */
#define FRAMEWORK_MAX_SCORE (FRAMEWORK_MAX_POINTS * FRAMEWORK_MAX_CRITERIA)

struct framework_range {
	int from, to; /* inclusive, as published */
};

/* One level of the framework's scale (levels.csv, one row each, in
 * order): level 0 is none (no cell reached), each after it scores more. */
struct framework_level {
	char *name;       /* "developing": the word in files and on the command
			     line, and the name of its columns in criteria.csv
			     and categories.csv (a-z, 0-9, '_'; a letter first) */
	char *word;       /* "Developing": the short word for people, the name
			     with a capital and spaces for '_' (words_level) */
	char *title;      /* "Developing practice": beside the descriptor only */
	char *descriptor; /* "" where the framework gives none */
	int points;       /* 0 to FRAMEWORK_MAX_POINTS, rising with the level */
};

struct framework_criterion {
	char *id;                  /* "1.1", "2a.3": stable, in document order */
	size_t category;           /* index into categories */
	size_t section;            /* index into sections, or FRAMEWORK_NO_SECTION */
	char *cell[LEVEL_MAX_COUNT]; /* cell text by level; NULL where the row has
					no cell, at LEVEL_NONE and beyond the
					framework's levels */
};

struct framework_section {
	char *id;      /* "2a" */
	char *title;   /* "Recruitment" */
	size_t category;
	size_t first_criterion, criterion_count;
};

struct framework_category {
	char *id;          /* "1" ... "7" */
	char *title;
	char *description;
	/* Published score ranges, indexed by level from 1 to level_count - 1;
	 * [LEVEL_NONE] and the rest are unused. */
	struct framework_range published[LEVEL_MAX_COUNT];
	size_t first_criterion, criterion_count;
	size_t first_section, section_count;
};

struct framework_term {
	char *term;
	char *definition; /* "" where the source gives none */
};

/* What an about.csv row stands for besides its own text: text that
 * levels.csv already holds, so the introduction does not copy it twice. */
enum framework_insert {
	FRAMEWORK_INSERT_NONE,   /* the row's own text */
	FRAMEWORK_INSERT_LEVELS, /* each level above none: its title and descriptor */
	FRAMEWORK_INSERT_POINTS, /* each level: its title and points */
};

/* One paragraph of the Standard's introduction (about.csv), in reading
 * order.  Rows of one section are consecutive and share its heading. */
struct framework_paragraph {
	char *section;  /* "duty": letters, digits, '-' and '_' */
	char *heading;  /* "Our Duty" */
	char *text;     /* verbatim; "" where insert is not FRAMEWORK_INSERT_NONE */
	enum framework_insert insert;
};

/* Where a footnote is attached. */
enum framework_note_place {
	FRAMEWORK_NOTE_CRITERION, /* a cell (level) or, with LEVEL_NONE, the whole row */
	FRAMEWORK_NOTE_SECTION,   /* a section's heading ("Recruitment") */
	FRAMEWORK_NOTE_CATEGORY,  /* a category's heading */
	FRAMEWORK_NOTE_ABOUT,     /* a section of the introduction */
	FRAMEWORK_NOTE_LEVEL,     /* a level's descriptor (levels.csv) */
};

struct framework_footnote {
	char *marker;   /* "6": the source's superscript, as plain text; "" for
			   a note read from an old `footnote` column */
	enum framework_note_place place;
	size_t index;   /* criterion, section or category index; for ABOUT the
			   index of the section's first paragraph; 0 for LEVEL */
	enum level level; /* CRITERION: the cell's level, LEVEL_NONE for the row;
			     LEVEL: whose descriptor; otherwise LEVEL_NONE */
	char *text;     /* verbatim, never "" */
};

struct framework {
	char *id;          /* "celc-tri-standard" */
	char *version;     /* "14" */
	char *title;
	char *publisher;
	char *source;
	size_t level_count;                 /* 2 to LEVEL_MAX_COUNT, none included */
	struct framework_level levels[LEVEL_MAX_COUNT]; /* by level; [0] is none */
	size_t category_count, section_count, criterion_count, term_count;
	struct framework_category *categories;
	struct framework_section *sections;
	struct framework_criterion *criteria;
	struct framework_term *glossary;
	size_t about_count;                  /* 0 without about.csv */
	struct framework_paragraph *about;
	size_t footnote_count;
	struct framework_footnote *footnotes; /* in file order */
	size_t *criteria_by_id; /* private: criterion indexes sorted by id */
};

/* One file of a framework held in memory.  Borrowed by the loader. */
struct framework_file {
	const char *name; /* "criteria.csv" */
	const char *data;
	size_t size;
};

/* Load the framework built into the binary.  Returns a new framework that
 * the caller releases with framework_destroy, or NULL with err filled. */
struct framework *framework_load_embedded(struct tri_error *err);

/* Load the CSV files from directory dir (same checks, same code); the
 * optional about.csv and footnotes.csv are read when they exist. */
struct framework *framework_load_dir(const char *dir, struct tri_error *err);

/* Load from files held in memory; origin prefixes file names in messages.
 * Every structural fault (missing file or column, unknown category, a row
 * with no cell, an id out of order, a malformed range) is an error, and so
 * is every number beyond the bounds above (points, counts of rows, range
 * bounds) and a range whose end is before its start.  Ranges that leave
 * gaps, overlap or disagree with the tables load (score_check_ranges
 * reports them).
 * about.csv and footnotes.csv are optional.  Without footnotes.csv, the
 * `footnote` columns of criteria.csv and sections.csv (the format before
 * footnotes.csv) become notes without a marker; with it, text in those
 * columns is an error (the notes have one place). */
struct framework *framework_load_files(const struct framework_file *files,
				       size_t count, const char *origin,
				       struct tri_error *err);

/* Accepts NULL. */
void framework_destroy(struct framework *framework);

/* Index of the criterion with this id, or -1.  O(log n). */
long framework_find_criterion(const struct framework *framework, const char *id);

/* Index of the category with this id ("1".."7"), or -1. */
long framework_find_category(const struct framework *framework, const char *id);

/* Points for a level (0 for LEVEL_UNANSWERED and beyond the levels). */
int framework_points(const struct framework *framework, enum level level);

/* The highest level of the framework (level_count - 1). */
enum level framework_highest_level(const struct framework *framework);

/* The level's name as files and the command line write it ("developing");
 * "" for LEVEL_UNANSWERED and beyond the framework's levels.  Borrowed. */
const char *framework_level_name(const struct framework *framework, enum level level);

/* Parse a level's name (case-insensitive, surrounding blanks ignored); an
 * empty text is LEVEL_UNANSWERED.  Returns false for anything else. */
bool framework_level_parse(const struct framework *framework, const char *text,
			   enum level *out);

/* "none, developing, established, leading": the names of the levels from
 * first on, for messages.  Writes into buffer (size bytes, cut if short)
 * and returns it. */
const char *framework_level_names(const struct framework *framework, enum level first,
				  char *buffer, size_t size);

/* True if the criterion has a cell at level (LEVEL_NONE and
 * LEVEL_UNANSWERED are always available; nothing beyond LEVEL_HIGHEST). */
int framework_has_level(const struct framework_criterion *criterion, enum level level);

/* The highest level the criterion has a cell for. */
enum level framework_top_level(const struct framework_criterion *criterion);

/* The footnotes attached at one place (see struct framework_footnote for
 * index and level), in file order: stores up to capacity pointers in out
 * (borrowed from the framework) and returns how many there are in all.
 * A cell's screen asks for (CRITERION, row, level) and (CRITERION, row,
 * LEVEL_NONE). */
size_t framework_footnotes_at(const struct framework *framework,
			      enum framework_note_place place, size_t index,
			      enum level level, const struct framework_footnote **out,
			      size_t capacity);

#endif
