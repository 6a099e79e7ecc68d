#define _GNU_SOURCE /* vasprintf */
#include "about.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "words.h"

#define MAX_NOTES 16 /* notes at one place */

static int add(struct about_page *page, enum about_kind kind, const char *format, ...)
	__attribute__((format(printf, 3, 4)));

static int add(struct about_page *page, enum about_kind kind, const char *format, ...)
{
	if (page->count == page->capacity) {
		size_t capacity = page->capacity ? page->capacity * 2 : 64;
		struct about_block *blocks = realloc(page->blocks, capacity * sizeof *blocks);
		if (!blocks)
			return -1;
		page->blocks = blocks;
		page->capacity = capacity;
	}
	va_list args;
	va_start(args, format);
	char *text = NULL;
	int n = vasprintf(&text, format, args);
	va_end(args);
	if (n < 0)
		return -1;
	page->blocks[page->count++] = (struct about_block){ kind, text };
	return 0;
}

/* The notes at one place, a block each. */
static int add_notes(struct about_page *page, const struct framework *fw,
		     enum framework_note_place place, size_t index, enum level level)
{
	const struct framework_footnote *notes[MAX_NOTES];
	size_t count = framework_footnotes_at(fw, place, index, level, notes, MAX_NOTES);
	for (size_t k = 0; k < count && k < MAX_NOTES; k++) {
		char marker[48];
		if (add(page, ABOUT_NOTE, "%s %s", words_footnote_marker(notes[k], marker,
			sizeof marker), notes[k]->text) != 0)
			return -1;
	}
	return 0;
}

/* An insert: each level above none with its descriptor (and its notes),
 * or each level with its points; the full title, beside the descriptor
 * or the points, as the Standard lists them (rule 13). */
static int add_insert(struct about_page *page, const struct framework *fw,
		      enum framework_insert insert)
{
	for (size_t l = insert == FRAMEWORK_INSERT_LEVELS; l < fw->level_count; l++) {
		const struct framework_level *level = &fw->levels[l];
		char marks[256];
		if (insert == FRAMEWORK_INSERT_POINTS) {
			if (add(page, ABOUT_ITEM, "%s: %d point%s", level->title, level->points,
				level->points == 1 ? "" : "s") != 0)
				return -1;
			continue;
		}
		words_footnote_markers(fw, FRAMEWORK_NOTE_LEVEL, 0, (enum level)l, marks,
				       sizeof marks);
		if (add(page, ABOUT_ITEM, "%s \u2013 %s%s", level->title, *level->descriptor
			? level->descriptor : "(the framework gives no descriptor)", marks) != 0)
			return -1;
	}
	if (insert == FRAMEWORK_INSERT_LEVELS)
		for (size_t l = 1; l < fw->level_count; l++)
			if (add_notes(page, fw, FRAMEWORK_NOTE_LEVEL, 0, (enum level)l) != 0)
				return -1;
	return 0;
}

/* The introduction, a section at a time: its heading, its paragraphs,
 * then its notes. */
static int add_introduction(struct about_page *page, const struct framework *fw)
{
	for (size_t i = 0; i < fw->about_count; i++) {
		const struct framework_paragraph *p = &fw->about[i];
		bool first = i == 0 || strcmp(p->section, fw->about[i - 1].section) != 0;
		bool last = i + 1 == fw->about_count ||
			strcmp(p->section, fw->about[i + 1].section) != 0;
		if (first && *p->heading) {
			char marks[256];
			words_footnote_markers(fw, FRAMEWORK_NOTE_ABOUT, i, LEVEL_NONE, marks,
					       sizeof marks);
			if (add(page, ABOUT_HEADING, "%s%s", p->heading, marks) != 0)
				return -1;
		}
		if (p->insert != FRAMEWORK_INSERT_NONE ? add_insert(page, fw, p->insert) != 0
		    : add(page, ABOUT_PARAGRAPH, "%s", p->text) != 0)
			return -1;
		if (last) {
			size_t start = i;
			while (start > 0 && strcmp(fw->about[start - 1].section, p->section) == 0)
				start--;
			if (add_notes(page, fw, FRAMEWORK_NOTE_ABOUT, start, LEVEL_NONE) != 0)
				return -1;
		}
	}
	return 0;
}

int about_page_init(struct about_page *page, const struct framework *fw,
		    struct tri_error *err)
{
	*page = (struct about_page){ 0 };
	bool levels = false, points = false;
	for (size_t i = 0; i < fw->about_count; i++) {
		levels |= fw->about[i].insert == FRAMEWORK_INSERT_LEVELS;
		points |= fw->about[i].insert == FRAMEWORK_INSERT_POINTS;
	}
	int rc = add(page, ABOUT_PARAGRAPH, "%s, version %s%s%s.", fw->title, fw->version,
		     *fw->publisher ? ", " : "", fw->publisher);
	if (rc == 0)
		rc = add_introduction(page, fw);
	/* (a framework whose introduction does not list its levels: they
	 * follow it, as the scale the screens use) */
	if (rc == 0 && !levels && (rc = add(page, ABOUT_HEADING, "Levels of practice")) == 0)
		rc = add_insert(page, fw, FRAMEWORK_INSERT_LEVELS);
	if (rc == 0 && !points && (rc = add(page, ABOUT_HEADING, "Points per level")) == 0)
		rc = add_insert(page, fw, FRAMEWORK_INSERT_POINTS);
	if (rc == 0)
		rc = add(page, ABOUT_HEADING, "Where this text comes from");
	/* (the built-in Standard's repairs are documented; another
	 * framework's text is its own files') */
	bool builtin = strcmp(fw->id, "celc-tri-standard") == 0;
	if (rc == 0)
		rc = add(page, ABOUT_PARAGRAPH, "Source: %s. %s A row scores the points of the "
			 "level reached, a category the sum of its rows, and the published score "
			 "ranges give the category's level (docs/scoring.md).",
			 *fw->source ? fw->source : fw->title, builtin
			 ? "tri-assess shows the Standard's words as published; "
			 "docs/standard-notes.md lists where each text comes from in the source, "
			 "every repair made to it (footnote markers, page breaks, markup), and "
			 "where the document disagrees with itself."
			 : "This text is the framework's own (its about.csv, levels.csv and "
			 "footnotes.csv).");
	if (rc != 0)
		tri_error_set(err, "out of memory building the About page");
	return rc;
}

void about_page_finish(struct about_page *page)
{
	for (size_t i = 0; i < page->count; i++)
		free(page->blocks[i].text);
	free(page->blocks);
	*page = (struct about_page){ 0 };
}
