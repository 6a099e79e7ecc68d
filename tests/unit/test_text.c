/* Unit tests: core/text (libunistring): widths, grapheme clusters, line
 * breaking, folding search, transliteration, wide strings. */
#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <unicase.h>
#include <uninorm.h>

#include "text.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define END ((size_t)-1)

/* Text used in several tables. */
#define ZOE_NFC "Zo\u00eb"                  /* Zoë, precomposed */
#define ZOE_NFD "Zoe\u0308"                 /* Zoë, e + combining diaeresis */
#define PRA "\u09aa\u09cd\u09b0"            /* Bengali conjunct প্র: pa, virama, ra */
#define THUMBS "\U0001f44d\U0001f3fd"       /* thumbs up, medium skin tone */
#define FAMILY "\U0001f468\u200d\U0001f469\u200d\U0001f467" /* ZWJ sequence */
#define FLAGS "\U0001f1ec\U0001f1e7\U0001f1eb\U0001f1f7"    /* GB, FR */

static void test_width(void **state)
{
	(void)state;
	static const struct {
		const char *text;
		int width;
	} cases[] = {
		{ "", 0 },
		{ "Camden", 6 },
		{ ZOE_NFC, 3 },
		{ ZOE_NFD, 3 },                  /* a combining mark takes no column */
		{ "\u0141\u00f3d\u017a", 4 },    /* Łódź */
		{ "\u6f22\u5b57", 4 },           /* 漢字: wide */
		{ "\uff21", 2 },                 /* fullwidth A */
		{ PRA, 2 },                      /* two consonants, the virama none */
		{ "\u0645\u0631\u062d\u0628\u0627", 5 }, /* Arabic مرحبا */
		{ THUMBS, 4 },                   /* as ncurses and wcwidth count it */
		{ FAMILY, 6 },
		{ "a\tb", 3 },                   /* Tab drawn as a space */
		{ "a\r\nb", 2 },                 /* a line break takes no column */
		{ "a\u2028b", 2 },
		{ "\x1b[2J", 5 },                /* "\e[2J" as sanitize.h shows it */
		{ "\u202e", 6 },                 /* "\u202e" */
		{ "a\xff", 5 },                  /* "a\xff" */
		{ "\u00e9\u0301\u0301", 1 },
	};
	for (size_t i = 0; i < COUNT(cases); i++) {
		int w = text_width(cases[i].text, strlen(cases[i].text));
		if (w != cases[i].width)
			fail_msg("case %zu \"%s\": width %d, expected %d", i, cases[i].text, w,
				 cases[i].width);
	}
}

static void test_fit(void **state)
{
	(void)state;
	static const struct {
		const char *text;
		int columns;
		size_t bytes;
		int width;
	} cases[] = {
		{ "Camden", 3, 3, 3 },
		{ "Camden", 10, 6, 6 },
		{ "Camden", 0, 0, 0 },
		{ "\u6f22\u5b57", 3, 3, 2 },      /* a wide character never half shown */
		{ ZOE_NFD "x", 3, 5, 3 },         /* the accent goes with its letter */
		{ PRA PRA, 3, 9, 2 },             /* the conjunct whole */
		{ FAMILY "x", 5, 0, 0 },          /* the sequence whole or not at all */
		{ FAMILY "x", 6, 18, 6 },
		{ THUMBS "x", 3, 0, 0 },
		{ "ab\ncd", 10, 2, 2 },           /* stops at a line break */
		{ "ab\r\ncd", 10, 2, 2 },
		{ "\x1b" "ab", 3, 2, 3 },         /* "\ea" */
	};
	for (size_t i = 0; i < COUNT(cases); i++) {
		int width = -1;
		size_t n = text_fit(cases[i].text, strlen(cases[i].text), cases[i].columns, &width);
		if (n != cases[i].bytes || width != cases[i].width)
			fail_msg("case %zu \"%s\" in %d: %zu bytes, %d wide; expected %zu, %d", i,
				 cases[i].text, cases[i].columns, n, width, cases[i].bytes,
				 cases[i].width);
	}
}

/* Where each grapheme cluster starts (then the end), for cursor movement. */
static const struct {
	const char *name, *text;
	size_t starts[12];
} cluster_cases[] = {
	{ "ASCII", "ab c", { 0, 1, 2, 3, 4, END } },
	{ "Latin precomposed", ZOE_NFC, { 0, 1, 2, 4, END } },
	{ "Latin combining", ZOE_NFD, { 0, 1, 2, 5, END } },
	{ "two combining marks", "a\u0301\u0323b", { 0, 5, 6, END } },
	{ "Polish", "\u0141\u00f3d\u017a", { 0, 2, 4, 5, 7, END } },
	{ "Bengali conjunct", PRA "\u09a5\u09ae", { 0, 9, 12, 15, END } },    /* প্র থ ম */
	{ "Bengali vowel sign", "\u0995\u09bf\u09a4", { 0, 6, 9, END } },      /* কি ত */
	{ "Devanagari conjuncts", "\u0915\u094d\u0937\u0924\u094d\u0930\u093f\u092f",
	  { 0, 9, 21, 24, END } },                                           /* क्ष त्रि य */
	{ "Tamil: no conjunct", "\u0b95\u0bcd\u0b95", { 0, 6, 9, END } },      /* க் க */
	{ "Arabic", "\u0645\u0631\u062d\u0628\u0627", { 0, 2, 4, 6, 8, 10, END } },
	{ "Arabic with vowel marks", "\u0645\u064e\u0631\u0652", { 0, 4, 8, END } },
	{ "CJK", "\u6f22\u5b57", { 0, 3, 6, END } },
	{ "Hangul jamo", "\u1100\u1161\u11a8x", { 0, 9, 10, END } },
	{ "emoji modifier", THUMBS "!", { 0, 8, 9, END } },
	{ "ZWJ sequence", FAMILY "!", { 0, 18, 19, END } },
	{ "flags", FLAGS, { 0, 8, 16, END } },
	{ "CR LF", "a\r\nb", { 0, 1, 3, 4, END } },
	{ "byte not UTF-8", "a\xff\xfe" "b", { 0, 1, 2, 3, 4, END } },
	{ "empty", "", { 0, END } },
};

static void check_clusters(const char *name, const char *text, size_t size, const size_t *starts,
			   size_t count)
{
	for (size_t k = 0; k + 1 < count; k++) {
		for (size_t pos = starts[k]; pos < starts[k + 1]; pos++) {
			size_t next = text_cluster_next(text, size, pos);
			if (next != starts[k + 1])
				fail_msg("%s: next from %zu is %zu, expected %zu", name, pos, next,
					 starts[k + 1]);
			size_t prev = text_cluster_prev(text, size, pos + 1);
			if (prev != starts[k])
				fail_msg("%s: previous from %zu is %zu, expected %zu", name, pos + 1,
					 prev, starts[k]);
		}
	}
	assert_int_equal(text_cluster_next(text, size, size), size);
	assert_int_equal(text_cluster_prev(text, size, 0), 0);
	assert_int_equal(text_cluster_prev(text, size, size + 5), count > 1 ? starts[count - 2] : 0);
}

static void test_clusters(void **state)
{
	(void)state;
	for (size_t i = 0; i < COUNT(cluster_cases); i++) {
		size_t count = 0;
		while (cluster_cases[i].starts[count] != END)
			count++;
		const char *text = cluster_cases[i].text;
		assert_int_equal(cluster_cases[i].starts[count - 1], strlen(text));
		check_clusters(cluster_cases[i].name, text, strlen(text), cluster_cases[i].starts,
			       count);
	}
}

/* A line longer than the clusters' buffer on the stack: the same clusters. */
static void test_clusters_long_line(void **state)
{
	(void)state;
	enum { REPEAT = 200 };
	char text[REPEAT * 9 + 1] = "";
	size_t starts[REPEAT + 1];
	for (size_t k = 0; k < REPEAT; k++) {
		memcpy(text + k * 9, PRA, 9);
		starts[k] = k * 9;
	}
	text[REPEAT * 9] = '\0';
	starts[REPEAT] = REPEAT * 9;
	check_clusters("long Bengali line", text, REPEAT * 9, starts, REPEAT + 1);
}

/* The lines text_wrap makes, as drawn ([start, end)), joined by "|". */
static char *wrapped(const char *text, int first_width, int width)
{
	struct text_lines lines;
	size_t size = strlen(text);
	assert_int_equal(text_wrap(&lines, text, size, first_width, width), 0);
	assert_true(lines.count >= 1);
	char *out = calloc(size + lines.count + 1, 1);
	assert_non_null(out);
	size_t n = 0;
	for (size_t k = 0; k < lines.count; k++) {
		const struct text_line *l = &lines.line[k];
		assert_true(l->start <= l->end && l->end <= l->next && l->next <= size);
		assert_int_equal(l->width, text_width(text + l->start, l->end - l->start));
		if (k + 1 < lines.count)
			assert_int_equal(l->next, lines.line[k + 1].start);
		else
			assert_int_equal(l->next, size);
		if (k)
			out[n++] = '|';
		memcpy(out + n, text + l->start, l->end - l->start);
		n += l->end - l->start;
	}
	text_lines_finish(&lines);
	assert_null(lines.line);
	return out;
}

static void test_wrap(void **state)
{
	(void)state;
	static const struct {
		const char *name, *text;
		int first_width, width;
		const char *lines;
	} cases[] = {
		{ "empty", "", 10, 10, "" },
		{ "fits", "Camden", 10, 10, "Camden" },
		{ "words", "the council publishes its data", 12, 12,
		  "the council|publishes|its data" },
		{ "a line as long as the width", "abc def", 3, 3, "abc|def" },
		{ "spaces hang at a break", "ab    cd", 4, 4, "ab|cd" },
		{ "a word is never broken where it need not be", "publicly committed", 10, 10,
		  "publicly|committed" },
		{ "hyphen", "well-known self-assessment", 10, 10, "well-known|self-|assessment" },
		{ "after a hyphen", "anti-racist practice", 8, 8, "anti-|racist|practice" },
		{ "non-breaking hyphen", "anti\u2011racist plan", 8, 8,
		  "anti\u2011rac|ist plan" },
		{ "no-break space", "at 10\u00a0am today", 6, 6, "at|10\u00a0am|today" },
		{ "URL longer than the line", "see https://example.org/racial/equality/standard", 16,
		  16, "see https://|example.org/|racial/equality/|standard" },
		{ "word longer than the line", "Supercalifragilistic", 8, 8,
		  "Supercal|ifragili|stic" },
		{ "LF", "one\ntwo", 20, 20, "one|two" },
		{ "CRLF as one break", "one\r\ntwo\nthree", 20, 20, "one|two|three" },
		{ "blank line", "a\n\nb", 5, 5, "a||b" },
		{ "final line break", "a\n", 5, 5, "a|" },
		{ "line separator", "a\u2028b", 5, 5, "a|b" },
		{ "hanging indent", "The council publishes data", 12, 9,
		  "The council|publishes|data" },
		{ "first line narrower", "The council publishes data", 5, 20,
		  "The|council publishes|data" },
		{ "Latin combining", ZOE_NFD " " ZOE_NFD " " ZOE_NFD, 7, 7,
		  ZOE_NFD " " ZOE_NFD "|" ZOE_NFD },
		{ "accent kept with its letter", "abcde\u0308fg", 5, 5, "abcde\u0308|fg" },
		{ "Bengali conjuncts", PRA PRA PRA, 3, 3, PRA "|" PRA "|" PRA },
		{ "Bengali words", "\u0986\u09ae\u09b0\u09be " PRA "\u09a5\u09ae", 4, 4,
		  "\u0986\u09ae\u09b0\u09be|" PRA "\u09a5\u09ae" },
		{ "Arabic words", "\u0645\u0631\u062d\u0628\u0627 \u0628\u0627\u0644\u0639\u0627\u0644\u0645",
		  7, 7, "\u0645\u0631\u062d\u0628\u0627|\u0628\u0627\u0644\u0639\u0627\u0644\u0645" },
		{ "CJK between ideographs", "\u6f22\u5b57\u6f22\u5b57\u6f22\u5b57", 5, 5,
		  "\u6f22\u5b57|\u6f22\u5b57|\u6f22\u5b57" },
		{ "CJK: a full stop never starts a line", "\u6f22\u5b57\u3002\u6f22", 4, 4,
		  "\u6f22|\u5b57\u3002|\u6f22" },
		{ "wider than the line", "\u6f22\u5b57", 1, 1, "\u6f22|\u5b57" },
		{ "emoji modifiers", THUMBS THUMBS, 5, 5, THUMBS "|" THUMBS },
		{ "ZWJ sequences", FAMILY FAMILY, 7, 7, FAMILY "|" FAMILY },
		{ "widths below 1", "ab", 0, -3, "a|b" },
	};
	for (size_t i = 0; i < COUNT(cases); i++) {
		char *got = wrapped(cases[i].text, cases[i].first_width, cases[i].width);
		if (strcmp(got, cases[i].lines) != 0)
			fail_msg("%s: \"%s\", expected \"%s\"", cases[i].name, got, cases[i].lines);
		free(got);
	}
}

static void test_wrap_positions(void **state)
{
	(void)state;
	/* CR LF ends "one" at 3 and the next line starts at 5. */
	struct text_lines lines;
	const char *text = "one\r\ntwo words";
	assert_int_equal(text_wrap(&lines, text, strlen(text), 9, 5), 0);
	assert_int_equal(lines.count, 3);
	const struct text_line want[] = { { 0, 3, 5, 3 }, { 5, 8, 9, 3 }, { 9, 14, 14, 5 } };
	for (size_t k = 0; k < COUNT(want); k++) {
		assert_int_equal(lines.line[k].start, want[k].start);
		assert_int_equal(lines.line[k].end, want[k].end);
		assert_int_equal(lines.line[k].next, want[k].next);
		assert_int_equal(lines.line[k].width, want[k].width);
	}
	/* A cursor: a position where a line breaks is the next line's start. */
	static const struct { size_t pos, line; } at[] = {
		{ 0, 0 }, { 3, 0 }, { 4, 0 }, { 5, 1 }, { 8, 1 }, { 9, 2 }, { 14, 2 }, { 99, 2 },
	};
	for (size_t k = 0; k < COUNT(at); k++)
		if (text_line_of(&lines, at[k].pos) != at[k].line)
			fail_msg("position %zu: line %zu, expected %zu", at[k].pos,
				 text_line_of(&lines, at[k].pos), at[k].line);
	text_lines_finish(&lines);
	text_lines_finish(&lines); /* an emptied struct is accepted */
}

/* The matches of a search as "start-end ..." */
static char *matches_of(const char *haystack, const char *needle)
{
	struct text_matches m;
	assert_int_equal(text_search(&m, haystack, strlen(haystack), needle), 0);
	char *out = calloc(m.count * 24 + 1, 1);
	assert_non_null(out);
	size_t n = 0;
	for (size_t k = 0; k < m.count; k++)
		n += (size_t)sprintf(out + n, "%s%zu-%zu", k ? " " : "", m.range[k].start,
				     m.range[k].end);
	bool found = text_contains(haystack, needle);
	if (found != (m.count > 0))
		fail_msg("\"%s\" in \"%s\": text_contains disagrees with text_search", needle,
			 haystack);
	text_matches_finish(&m);
	return out;
}

static void test_search(void **state)
{
	(void)state;
	static const struct {
		const char *haystack, *needle, *matches;
	} cases[] = {
		{ ZOE_NFC " Smith", "zoe", "0-4" },
		{ ZOE_NFD " Smith", "zoe", "0-5" },           /* decomposed in the text */
		{ ZOE_NFC, "ZO\u00cb", "0-4" },                /* the accent in the search */
		{ "Zoe", ZOE_NFC, "0-3" },
		{ "\u0141ukasz Nowak", "\u0142ukasz", "0-7" }, /* Łukasz */
		{ "\u0141\u00f3d\u017a", "\u0142od\u017a", "0-7" },
		{ "stra\u00dfe", "STRASSE", "0-7" },          /* ß is ss */
		{ "STRASSE", "stra\u00dfe", "0-7" },
		{ "stra\u00dfe", "s", "0-1 4-6" },            /* all of ß, once */
		{ ZOE_NFC " met zoe and ZOE", "zoe", "0-4 9-12 17-20" },
		{ "racial\nequality", "racial equality", "0-15" },
		{ "racial  \r\n equality", "racial equality", "0-19" },
		{ "Royal\u00a0Borough", "royal borough", "0-14" },
		{ "\ufb01nance", "fin", "0-4" },              /* the ligature ﬁ */
		{ "\uff21\uff22C", "abc", "0-7" },            /* fullwidth */
		{ "\u0130stanbul", "istanbul", "0-9" },       /* İ */
		{ "\u039f\u0394\u039f\u03a3", "\u03bf\u03b4\u03bf\u03c2", "0-8" }, /* ΟΔΟΣ, οδος */
		{ "\u0645\u064e\u0631\u0652\u062d\u064e\u0628\u064b\u0627",
		  "\u0645\u0631\u062d\u0628\u0627", "0-18" },  /* Arabic vowel marks ignored */
		{ PRA "\u09a5\u09ae", PRA, "0-9" },
		{ PRA, "\u09aa\u09b0", "" },                   /* the virama spells */
		{ "\u6f22\u5b57\u30c6\u30b9\u30c8", "\u30c6\u30b9\u30c8", "6-15" },
		{ "\uac01", "\uac00", "" },                     /* 각 is not 가 */
		{ "x " THUMBS " y", THUMBS, "2-10" },
		{ FAMILY, "\U0001f469", "0-18" },              /* within a sequence: all of it */
		{ ZOE_NFC, "zoey", "" },
		{ ZOE_NFC, "", "" },
		{ ZOE_NFC, "\u0308", "" },                     /* only an accent: nothing */
		{ "", "zoe", "" },
		{ "a\xff" "b", "a\xef\xbf\xbd" "b", "0-3" },   /* a stray byte as U+FFFD */
		{ "aaa", "aa", "0-2" },
	};
	for (size_t i = 0; i < COUNT(cases); i++) {
		char *got = matches_of(cases[i].haystack, cases[i].needle);
		if (strcmp(got, cases[i].matches) != 0)
			fail_msg("\"%s\" in \"%s\": \"%s\", expected \"%s\"", cases[i].needle,
				 cases[i].haystack, got, cases[i].matches);
		free(got);
	}
}

/* The search's quick way with ASCII gives what libunistring's folding gives. */
static void test_search_ascii_as_library(void **state)
{
	(void)state;
	for (int c = 1; c < 0x80; c++) {
		if (c == ' ' || (c >= '\t' && c <= '\r'))
			continue;
		char one[2] = { (char)c, '\0' };
		uint8_t buffer[8];
		size_t n = sizeof buffer;
		uint8_t *folded = u8_casefold((const uint8_t *)one, 1, NULL, UNINORM_NFKD, buffer, &n);
		assert_ptr_equal(folded, buffer);
		char needle[9];
		memcpy(needle, folded, n);
		needle[n] = '\0';
		if (!text_contains(one, needle) || !text_contains(needle, one))
			fail_msg("0x%02x: the library folds it to \"%s\"", c, needle);
	}
}

/* Transliterated for codeset in the current locale, compared with want. */
static void check_transliteration(const char *text, size_t size, const char *codeset,
				  const char *want)
{
	char *copy = malloc(size + 1);
	assert_non_null(copy);
	memcpy(copy, text, size + 1);
	char *got = text_transliterate(text, size, codeset);
	assert_non_null(got);
	if (strcmp(got, want) != 0)
		fail_msg("\"%s\" in %s (locale %s): \"%s\", expected \"%s\"", text, codeset,
			 setlocale(LC_CTYPE, NULL), got, want);
	assert_memory_equal(copy, text, size + 1); /* the text itself is never altered */
	free(got);
	free(copy);
}

static const struct {
	const char *text, *ascii;
} ascii_cases[] = {
	{ ZOE_NFC, "Zoe" },
	{ ZOE_NFD, "Zoe" },
	{ "\u0141\u00f3d\u017a", "Lodz" },
	{ "\u0141ukasz", "Lukasz" },
	{ "stra\u00dfe", "strasse" },
	{ "\u201cquoted\u201d \u2013 \u2026", "\"quoted\" - ..." },
	{ "5 \u20ac", "5 EUR" },
	{ "\u01c5", "Dz" },                  /* no table has it: its letters, unaccented */
	{ "\u6f22\u5b57", "??" },
	{ PRA "\u09a5\u09ae", "???" },       /* one "?" a cluster */
	{ "x " FAMILY " " THUMBS, "x ? ?" },
	{ "a?b", "a?b" },
	{ "line\n\tnext", "line\n\tnext" },
	{ "a\xff" "b", "a?b" },
	{ "", "" },
};

static void test_transliterate(void **state)
{
	(void)state;
	static const char *const locales[] = { "C", "POSIX", "C.UTF-8" };
	char *saved = strdup(setlocale(LC_ALL, NULL));
	assert_non_null(saved);
	for (size_t l = 0; l < COUNT(locales); l++) {
		assert_non_null(setlocale(LC_ALL, locales[l]));
		for (size_t i = 0; i < COUNT(ascii_cases); i++) {
			const char *text = ascii_cases[i].text;
			check_transliteration(text, strlen(text), "ANSI_X3.4-1968",
					      ascii_cases[i].ascii);
			check_transliteration(text, strlen(text), "ASCII", ascii_cases[i].ascii);
			check_transliteration(text, strlen(text), "UTF-8", text); /* unchanged */
		}
	}
	/* What the codeset holds is kept: Latin-1 has ë and ó, not Ł or ź. */
	assert_non_null(setlocale(LC_ALL, "C"));
	const char *polish = ZOE_NFC " \u0141\u00f3d\u017a";
	check_transliteration(polish, strlen(polish), "ISO-8859-1", ZOE_NFC " L\u00f3dz");
	size_t n;
	char *latin1 = text_encode(polish, strlen(polish), "ISO-8859-1", &n);
	assert_non_null(latin1);
	assert_int_equal(n, 8);
	assert_memory_equal(latin1, "Zo\xeb L\xf3" "dz", 9);
	free(latin1);
	/* Bytes in the locale's own codeset, for printing. */
	char *ascii = text_encode("Zo\u00eb\0x", 6, nl_langinfo(CODESET), &n);
	assert_non_null(ascii);
	assert_int_equal(n, 5);
	assert_memory_equal(ascii, "Zoe\0x", 6);
	free(ascii);
	errno = 0;
	assert_null(text_encode("x", 1, "NO-SUCH-CHARSET", NULL));
	assert_int_equal(errno, EINVAL);
	setlocale(LC_ALL, saved);
	free(saved);
}

static void test_wide(void **state)
{
	(void)state;
	const char *text = ZOE_NFC " " PRA " " FAMILY " \u6f22";
	size_t length, size;
	wchar_t *wide = text_to_wide(text, strlen(text), &length);
	assert_non_null(wide);
	assert_int_equal(length, 15);
	assert_int_equal(wide[2], 0xEB);
	assert_int_equal(wide[length], L'\0');
	char *back = text_from_wide(wide, length, &size);
	assert_non_null(back);
	assert_int_equal(size, strlen(text));
	assert_string_equal(back, text);
	free(wide);
	free(back);

	wide = text_to_wide("a\xff" "b", 3, &length);
	assert_non_null(wide);
	assert_int_equal(length, 3);
	assert_int_equal(wide[1], 0xFFFD);
	free(wide);

	const wchar_t odd[] = { L'a', (wchar_t)0xD800, (wchar_t)0x110000, L'b' };
	back = text_from_wide(odd, COUNT(odd), &size);
	assert_non_null(back);
	assert_string_equal(back, "a\ufffd\ufffdb");
	assert_int_equal(size, 8);
	free(back);
}

/* Texts made of the pieces above in random order: every line, cluster
 * and search holds its promises. */
static const char *const pieces[] = {
	"a", "Zoe", " ", "  ", "\u00a0", "-", "\u2011", "\n", "\r\n", "\u0308", ZOE_NFC, PRA,
	"\u0645\u064e", "\u6f22", "\u3002", THUMBS, FAMILY, "\U0001f1ec\U0001f1e7", "\xff",
	"\x1b", "\t", "https://x.org/a/b", "Supercalifragilistic", "\u00df",
};

static uint32_t next_random(uint32_t *seed)
{
	*seed = *seed * 1103515245u + 12345u;
	return *seed >> 8;
}

static void check_invariants(const char *text, size_t size, int width)
{
	struct text_lines lines;
	assert_int_equal(text_wrap(&lines, text, size, width, width), 0);
	for (size_t k = 0; k < lines.count; k++) {
		const struct text_line *l = &lines.line[k];
		assert_true(l->start <= l->end && l->end <= l->next);
		assert_int_equal(l->next, k + 1 < lines.count ? lines.line[k + 1].start : size);
		bool one_cluster = text_cluster_next(text, size, l->start) >= l->end;
		if (l->width > width && !one_cluster)
			fail_msg("a line %d wide at width %d in \"%s\"", l->width, width, text);
		if (l->end > l->start && text_cluster_prev(text, size, l->end) < l->start)
			fail_msg("a line ends inside a cluster in \"%s\"", text);
	}
	text_lines_finish(&lines);
	size_t clusters = 0, pos = 0, back = size;
	while (pos < size) {
		size_t next = text_cluster_next(text, size, pos);
		assert_true(next > pos);
		assert_int_equal(text_cluster_prev(text, size, next), pos);
		pos = next;
		clusters++;
	}
	while (back > 0) {
		back = text_cluster_prev(text, size, back);
		clusters--;
	}
	assert_int_equal(clusters, 0);
}

static void test_invariants(void **state)
{
	(void)state;
	uint32_t seed = 15;
	for (int round = 0; round < 500; round++) {
		char text[512] = "";
		size_t size = 0, count = 1 + next_random(&seed) % 12;
		for (size_t k = 0; k < count; k++) {
			size_t pick = next_random(&seed) % (COUNT(pieces) + 4);
			if (pick >= COUNT(pieces)) { /* bytes at random, NUL aside */
				for (size_t b = 0; b < pick - COUNT(pieces) + 1; b++)
					text[size++] = (char)(1 + next_random(&seed) % 255);
				continue;
			}
			memcpy(text + size, pieces[pick], strlen(pieces[pick]));
			size += strlen(pieces[pick]);
		}
		text[size] = '\0';
		check_invariants(text, size, 1 + (int)(next_random(&seed) % 12));
		/* any run of whole clusters is found in its text */
		size_t a = text_cluster_prev(text, size, next_random(&seed) % (size + 1));
		size_t b = text_cluster_next(text, size, a + next_random(&seed) % (size - a + 1));
		char needle[512];
		memcpy(needle, text + a, b - a);
		needle[b - a] = '\0';
		struct text_matches m;
		assert_int_equal(text_search(&m, text, size, needle), 0);
		for (size_t k = 0; k < m.count; k++) {
			assert_true(m.range[k].start < m.range[k].end && m.range[k].end <= size);
			if (k)
				assert_true(m.range[k - 1].end <= m.range[k].start);
		}
		text_matches_finish(&m);
		struct text_matches own;
		assert_int_equal(text_search(&own, needle, b - a, needle), 0);
		if (own.count && !text_contains(text, needle))
			fail_msg("\"%s\" not found in \"%s\"", needle, text);
		text_matches_finish(&own);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_width),
		cmocka_unit_test(test_fit),
		cmocka_unit_test(test_clusters),
		cmocka_unit_test(test_clusters_long_line),
		cmocka_unit_test(test_wrap),
		cmocka_unit_test(test_wrap_positions),
		cmocka_unit_test(test_search),
		cmocka_unit_test(test_search_ascii_as_library),
		cmocka_unit_test(test_transliterate),
		cmocka_unit_test(test_wide),
		cmocka_unit_test(test_invariants),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
