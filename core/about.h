/* about: the "About the Standard" page as a model, for every front end
 * that shows it (the help screen, plain mode's `i about`, the `about`
 * command): the framework's introduction (about.csv) in reading order, its
 * inserts written out from levels.csv (each level's full title beside its
 * descriptor, the points per level), each footnote of the introduction
 * and of the descriptors after the part that carries its marker, and
 * where the text and its repairs are documented.  The texts are the
 * framework's, verbatim; the front ends wrap and sanitise them. */
#ifndef ABOUT_H
#define ABOUT_H

#include <stddef.h>

#include "framework.h"
#include "tri_error.h"

enum about_kind {
	ABOUT_HEADING,   /* "Our Duty", with the markers of its notes: "Our Duty [3]" */
	ABOUT_PARAGRAPH, /* a paragraph of the introduction */
	ABOUT_ITEM,      /* one of a list: "Developing practice – descriptor [5]",
			    "Developing practice: 1 point" */
	ABOUT_NOTE,      /* a footnote: "[5] Diverse and inclusive organisation: ..." */
};

struct about_block {
	enum about_kind kind;
	char *text; /* owned by the page */
};

struct about_page {
	struct about_block *blocks;
	size_t count, capacity;
};

/* Build fw's About page into page (caller-owned, released with
 * about_page_finish even on failure).  A framework without about.csv has
 * a page of its levels, their descriptors and points.  Returns 0, or -1
 * with err filled (out of memory). */
int about_page_init(struct about_page *page, const struct framework *fw,
		    struct tri_error *err);

void about_page_finish(struct about_page *page);

#endif
