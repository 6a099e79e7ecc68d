/* text: text as people read it, done by a library — the one place for
 * display width, line breaking, grapheme clusters, case- and
 * accent-insensitive search, and transliteration (libunistring; iconv from
 * the C library for character sets).  docs/style.md, "Text".
 *
 * Text is UTF-8 given as bytes and a size, and every position is a byte
 * offset into it, so callers draw, measure, highlight or place a cursor
 * without converting.  Nothing here alters text: results are new strings
 * or ranges.  A byte that is not UTF-8 is taken as one character.
 *
 * Widths are what a terminal gives each code point (uc_width, East Asian
 * ambiguous characters narrow, as in a UTF-8 locale; ncurses and the
 * terminal count code points the same way, so a cluster's width is the sum
 * of its code points').  Text is measured as the screens draw it: a Tab is
 * one column (drawn as a space); a code point sanitize.h shows in a visible
 * form (a control, a bidi control) counts that form's columns ("\e" is 2,
 * "\u202e" 6), a byte that is not UTF-8 the 4 of "\xNN"; a line break
 * (LF, CR LF, U+2028, U+2029) counts nothing.
 *
 * Grapheme clusters are UAX #29's extended clusters (u8_grapheme_breaks),
 * with rule GB9c of Unicode 15.1 added (libunistring 1.0 follows Unicode
 * 14): in Bengali, Devanagari, Gujarati, Malayalam, Oriya and Telugu a
 * consonant after a virama stays in the cluster, so the conjunct প্র is one.
 *
 * Pure: no I/O, no output, no global state (transliteration switches the
 * calling thread's locale for a moment and back). */
#ifndef TEXT_H
#define TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

/* ---- Columns ---- */

/* Display width of text[0..size) in columns (see above).  Never fails. */
int text_width(const char *text, size_t size);

/* The longest prefix of text[0..size) made of whole grapheme clusters that
 * fits in columns columns and holds no line break (it stops before one):
 * its length in bytes, and its width in *width (may be NULL).  0 when
 * columns < 1 or the first cluster does not fit.  Never fails (a text too
 * long to hold its cluster boundaries in memory is taken a code point at a
 * time). */
size_t text_fit(const char *text, size_t size, int columns, int *width);

/* ---- Grapheme clusters (an editor moves and deletes by these) ---- */

/* The end of the grapheme cluster that holds text[pos] (the start of the
 * next one): size when pos >= size.  Never fails: out of memory it steps
 * one code point. */
size_t text_cluster_next(const char *text, size_t size, size_t pos);

/* The start of the grapheme cluster before pos (the one pos ends, or holds
 * if pos is inside one): 0 when pos is 0.  pos is taken as at most size.
 * Never fails: out of memory it steps back one code point. */
size_t text_cluster_prev(const char *text, size_t size, size_t pos);

/* ---- Lines (the one line breaking function of the program) ---- */

/* One line of wrapped text; offsets into the text given to text_wrap. */
struct text_line {
	size_t start;  /* its first byte */
	size_t end;    /* after its last byte drawn: the spaces it ends with and
			* a line break are left out */
	size_t next;   /* the first byte of the next line (size for the last) */
	int width;     /* columns of [start, end) */
};

/* Lines of a text, caller-owned: text_wrap fills, text_lines_finish frees. */
struct text_lines {
	struct text_line *line;
	size_t count;  /* at least 1 after text_wrap succeeds */
};

/* Break text[0..size) into lines: the first at most first_width columns,
 * the others at most width (a hanging indent; both taken as at least 1).
 * Lines break where the Unicode line breaking algorithm (UAX #14,
 * u8_possible_linebreaks) allows, as late as the width allows: after a
 * space or a hyphen, never before a no-break space or inside a word; a
 * line break (LF, CR LF as one, U+2028, U+2029) always ends a line.  The
 * spaces where a line breaks hang past its end, uncounted.  A word longer
 * than a line (a URL) is broken where UAX #14 allows inside it (after
 * "/"), else between grapheme clusters; a cluster wider than a line has a
 * line to itself.  Empty text is one empty line, and so is what follows a
 * final line break.  Fills *lines (previous contents ignored) and returns
 * 0, or returns -1 when out of memory (lines then empty). */
int text_wrap(struct text_lines *lines, const char *text, size_t size, int first_width,
	      int width);

/* The line of lines that holds byte offset pos: the last whose start is at
 * most pos (a position where a line breaks is the next line's start).
 * lines must be from text_wrap. */
size_t text_line_of(const struct text_lines *lines, size_t pos);

/* Free what text_wrap allocated and empty lines; accepts an emptied
 * struct. */
void text_lines_finish(struct text_lines *lines);

/* ---- Search: case and accents ignored ---- */

struct text_range {
	size_t start, end;  /* bytes [start, end) of the searched text */
};

/* Matches of a search, caller-owned: text_search fills,
 * text_matches_finish frees. */
struct text_matches {
	struct text_range *range;  /* in order, not overlapping */
	size_t count;
};

/* Every place needle (UTF-8, NUL-terminated) occurs in haystack[0..size)
 * with case and accents ignored: both compared in their search form, which
 * is case-folded (u8_casefold: "STRASSE" and "straße" agree), compatibility
 * decomposed (NFKD: "ﬁ" is "fi"), without accents (nonspacing marks that
 * are diacritics, so "zoe" finds "Zoë"; a virama or nukta is part of the
 * spelling and kept), recomposed (NFC), with every run of white space one
 * space.  Each match is a range of whole grapheme clusters of the original
 * haystack, for highlighting ("s" finds all of "ß").  A needle whose search
 * form is empty finds nothing.  Fills *matches and returns 0, or returns
 * -1 when out of memory (matches then empty). */
int text_search(struct text_matches *matches, const char *haystack, size_t size,
		const char *needle);

/* Free what text_search allocated and empty matches. */
void text_matches_finish(struct text_matches *matches);

/* True if needle occurs in haystack (both NUL-terminated) as text_search
 * finds it; false also when out of memory. */
bool text_contains(const char *haystack, const char *needle);

/* ---- Character sets: the last display step in a non-UTF-8 locale ---- */

/* text[0..size) in the character set codeset (as nl_langinfo(CODESET)
 * names it: "ANSI_X3.4-1968" in the C locale, "ISO-8859-1", ...), for
 * human output only (files and CSV stay UTF-8).  What codeset holds is
 * converted; anything else is transliterated by iconv's //TRANSLIT with
 * this locale's tables ("Zoë" as "Zoe" in ASCII, "€" as "EUR"), else with
 * glibc's C.UTF-8 tables (the C locale has none: "Łódź" is "Lodz" there
 * too), else as its letters without accents; a grapheme cluster with no
 * transliteration is one "?" (and so is a byte that is not UTF-8).  With a
 * UTF-8 codeset, a copy of text.  A new heap string, NUL-terminated, its
 * length in *out_size (may be NULL); NULL when out of memory or iconv does
 * not know codeset (errno EINVAL). */
char *text_encode(const char *text, size_t size, const char *codeset, size_t *out_size);

/* As text_encode, then back to UTF-8: text as it will read in codeset, for
 * a front end that measures and wraps it (widths change: "…" is "...").
 * A new NUL-terminated heap string; NULL as text_encode fails. */
char *text_transliterate(const char *text, size_t size, const char *codeset);

/* ---- Wide strings (the wizard's editor works in wchar_t) ---- */

/* text[0..size) as wide characters (UCS-4): a new heap string the caller
 * frees, NUL-terminated, its length in *length (may be NULL); a byte that
 * is not UTF-8 becomes U+FFFD.  NULL when out of memory. */
wchar_t *text_to_wide(const char *text, size_t size, size_t *length);

/* wide[0..length) as UTF-8: a new heap string the caller frees,
 * NUL-terminated, its size in *size (may be NULL); a value that is not a
 * Unicode scalar value (a surrogate, beyond U+10FFFF) becomes U+FFFD.  NULL
 * when out of memory. */
char *text_from_wide(const wchar_t *wide, size_t length, size_t *size);

#endif
