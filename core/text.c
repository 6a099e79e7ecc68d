#define _GNU_SOURCE /* memmem */
#include "text.h"

#include <errno.h>
#include <iconv.h>
#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <unicase.h>
#include <unictype.h>
#include <unigbrk.h>
#include <unilbrk.h>
#include <uninorm.h>
#include <unistr.h>
#include <uniwidth.h>

#include "sanitize.h"

#if !defined(__STDC_ISO_10646__)
#error "wchar_t must hold Unicode code points (text_to_wide)"
#endif

/* East Asian ambiguous characters narrow, as a UTF-8 locale has them. */
#define WIDTH_ENCODING "UTF-8"

enum { INVALID_BYTE_WIDTH = 4 }; /* "\xNN", as sanitize_text shows it */

/* The code point at s (left > 0 bytes): its length, *c set; a byte that is
 * not UTF-8 is one byte long, *c U+FFFD and *valid false. */
static size_t decode(const uint8_t *s, size_t left, ucs4_t *c, bool *valid)
{
	int n = u8_mbtoucr(c, s, left);
	*valid = n > 0;
	if (n > 0)
		return (size_t)n;
	*c = 0xFFFD;
	return 1;
}

static int code_point_width(ucs4_t c)
{
	char form[SANITIZE_FORM_MAX];
	if (c == '\t')
		return 1;
	if (c == '\n' || c == 0x2028 || c == 0x2029)
		return 0;
	if (sanitize_code_point(c, form))
		return (int)strlen(form);
	int w = uc_width(c, WIDTH_ENCODING);
	return w < 0 ? 1 : w;
}

int text_width(const char *text, size_t size)
{
	const uint8_t *s = (const uint8_t *)text;
	int width = 0;
	for (size_t i = 0; i < size;) {
		ucs4_t c;
		bool valid;
		size_t n = decode(s + i, size - i, &c, &valid);
		if (!valid)
			width += INVALID_BYTE_WIDTH;
		else if (!(c == '\r' && i + 1 < size && s[i + 1] == '\n'))
			width += code_point_width(c); /* CR LF is a line break */
		i += n;
	}
	return width;
}

/* ---- Grapheme clusters ---- */

/* The scripts whose virama links consonants into one cluster (UAX #29 of
 * Unicode 15.1, Indic_Conjunct_Break=Linker). */
static const char *const conjunct_scripts[] = {
	"Bengali", "Devanagari", "Gujarati", "Malayalam", "Oriya", "Telugu",
};

/* c's script if c is a letter of a conjunct script (a consonant, as near
 * as libunistring's properties tell), else NULL. */
static const uc_script_t *conjunct_letter(ucs4_t c)
{
	if (!uc_is_general_category(c, UC_OTHER_LETTER))
		return NULL;
	const uc_script_t *script = uc_script(c);
	for (size_t i = 0; script && i < sizeof conjunct_scripts / sizeof *conjunct_scripts; i++)
		if (strcmp(script->name, conjunct_scripts[i]) == 0)
			return script;
	return NULL;
}

/* Rule GB9c on top of u8_grapheme_breaks: consonant [extend|virama]*
 * virama [extend|virama]* × consonant, in one script. */
static void join_conjuncts(const uint8_t *s, size_t size, char *starts)
{
	const uc_script_t *script = NULL; /* of the consonant the run began with */
	bool linked = false;              /* a virama since that consonant */
	for (size_t i = 0; i < size;) {
		ucs4_t c;
		bool valid;
		size_t n = decode(s + i, size - i, &c, &valid);
		const uc_script_t *letter = conjunct_letter(c);
		if (linked && letter == script) {
			starts[i] = 0;
			linked = false;
		} else if (letter) {
			script = letter;
			linked = false;
		} else if (script && uc_combining_class(c) == UC_CCC_VR && uc_script(c) == script) {
			linked = true;
		} else if (!script || (uc_graphemeclusterbreak_property(c) != GBP_EXTEND &&
				       uc_graphemeclusterbreak_property(c) != GBP_ZWJ)) {
			script = NULL;
			linked = false;
		}
		i += n;
	}
}

/* Where clusters start in a text: start[i] != 0 for a cluster starting at
 * byte i; start NULL when memory ran out (then every code point is taken
 * as a cluster). */
struct clusters {
	char *start;
	char local[512];
};

/* False when memory ran out (the clusters are then code points). */
static bool clusters_init(struct clusters *cl, const uint8_t *s, size_t size)
{
	cl->start = size <= sizeof cl->local ? cl->local : malloc(size);
	if (!cl->start)
		return false;
	if (size) {
		u8_grapheme_breaks(s, size, cl->start);
		join_conjuncts(s, size, cl->start);
	}
	return true;
}

static void clusters_finish(struct clusters *cl)
{
	if (cl->start != cl->local)
		free(cl->start);
	cl->start = NULL;
}

/* The start of the cluster after the one that holds byte i (i < size). */
static size_t clusters_next(const struct clusters *cl, const uint8_t *s, size_t size, size_t i)
{
	if (!cl->start) {
		ucs4_t c;
		bool valid;
		return i + decode(s + i, size - i, &c, &valid);
	}
	do
		i++;
	while (i < size && !cl->start[i]);
	return i;
}

/* A line break (LF, CR LF, U+2028, U+2029) starts at s[i]: its length, or 0. */
static size_t hard_break_at(const uint8_t *s, size_t size, size_t i)
{
	if (s[i] == '\r')
		return i + 1 < size && s[i + 1] == '\n' ? 2 : 0;
	ucs4_t c;
	bool valid;
	size_t n = decode(s + i, size - i, &c, &valid);
	return c == '\n' || c == 0x2028 || c == 0x2029 ? n : 0;
}

size_t text_fit(const char *text, size_t size, int columns, int *width)
{
	const uint8_t *s = (const uint8_t *)text;
	if (columns < 1)
		size = 0;
	struct clusters cl;
	clusters_init(&cl, s, size);
	size_t i = 0;
	int used = 0;
	while (i < size && !hard_break_at(s, size, i)) {
		size_t next = clusters_next(&cl, s, size, i);
		int w = text_width(text + i, next - i);
		if (used + w > columns)
			break;
		used += w;
		i = next;
	}
	clusters_finish(&cl);
	if (width)
		*width = used;
	return i;
}

/* The line around pos: [*start, *end), *end past the LF that ends it. */
static void line_around(const uint8_t *s, size_t size, size_t pos, size_t *start, size_t *end)
{
	size_t a = pos;
	while (a > 0 && s[a - 1] != '\n')
		a--;
	size_t b = pos;
	while (b < size && s[b] != '\n')
		b++;
	*start = a;
	*end = b < size ? b + 1 : size;
}

size_t text_cluster_next(const char *text, size_t size, size_t pos)
{
	if (pos >= size)
		return size;
	const uint8_t *s = (const uint8_t *)text;
	size_t a, b;
	line_around(s, size, pos, &a, &b); /* no cluster holds an LF and more */
	struct clusters cl;
	clusters_init(&cl, s + a, b - a);
	size_t i = a;
	while (i <= pos)
		i = a + clusters_next(&cl, s + a, b - a, i - a);
	clusters_finish(&cl);
	return i;
}

size_t text_cluster_prev(const char *text, size_t size, size_t pos)
{
	if (pos > size)
		pos = size;
	if (pos == 0)
		return 0;
	const uint8_t *s = (const uint8_t *)text;
	size_t a, b;
	line_around(s, size, pos - 1, &a, &b);
	struct clusters cl;
	clusters_init(&cl, s + a, b - a);
	size_t i = a, last = a;
	while (i < pos) {
		last = i;
		i = a + clusters_next(&cl, s + a, b - a, i - a);
	}
	clusters_finish(&cl);
	return last;
}

/* ---- Lines ---- */

struct wrapper {
	const uint8_t *s;
	size_t size;
	char *breaks; /* UAX #14: u8_possible_linebreaks */
	struct clusters cl;
};

static bool may_break_before(const struct wrapper *w, size_t i)
{
	return w->breaks[i] == UC_BREAK_POSSIBLE || w->breaks[i] == UC_BREAK_HYPHENATION;
}

/* The line from pos, at most room columns (one cluster at least): fills
 * *line and returns true if a line break ends it.  The line breaks at the
 * last opportunity that fits, else before the cluster that does not. */
static bool wrap_line(const struct wrapper *w, size_t pos, int room, struct text_line *line)
{
	struct text_line fit = { 0 };
	bool have_fit = false;
	size_t i = pos, content_end = pos;
	int used = 0, content = 0; /* columns with and without the spaces at the end */
	while (i < w->size) {
		size_t hard = hard_break_at(w->s, w->size, i);
		if (hard) {
			*line = (struct text_line){ pos, content_end, i + hard, content };
			return true;
		}
		if (i > pos && may_break_before(w, i)) {
			fit = (struct text_line){ pos, content_end, i, content };
			have_fit = true;
		}
		size_t next = clusters_next(&w->cl, w->s, w->size, i);
		int cluster_width = text_width((const char *)w->s + i, next - i);
		bool space = w->s[i] == ' ' && next == i + 1; /* spaces hang */
		if (!space && used + cluster_width > room && i > pos) {
			*line = have_fit ? fit : (struct text_line){ pos, content_end, i, content };
			return false;
		}
		used += cluster_width;
		if (!space) {
			content_end = next;
			content = used;
		}
		i = next;
	}
	*line = (struct text_line){ pos, content_end, w->size, content };
	return false;
}

static int append_line(struct text_lines *lines, size_t *capacity, struct text_line line)
{
	if (lines->count == *capacity) {
		size_t grown = *capacity ? *capacity * 2 : 8;
		struct text_line *more = realloc(lines->line, grown * sizeof *more);
		if (!more)
			return -1;
		lines->line = more;
		*capacity = grown;
	}
	lines->line[lines->count++] = line;
	return 0;
}

int text_wrap(struct text_lines *lines, const char *text, size_t size, int first_width,
	      int width)
{
	*lines = (struct text_lines){ 0 };
	struct wrapper w = { .s = (const uint8_t *)text, .size = size };
	size_t capacity = 0;
	int result = -1;
	w.breaks = malloc(size ? size : 1);
	bool clustered = clusters_init(&w.cl, w.s, size);
	if (!w.breaks || !clustered)
		goto out;
	if (size)
		u8_possible_linebreaks(w.s, size, WIDTH_ENCODING, w.breaks);
	for (size_t pos = 0;;) {
		struct text_line line;
		int room = lines->count ? width : first_width;
		bool hard = wrap_line(&w, pos, room < 1 ? 1 : room, &line);
		if (append_line(lines, &capacity, line) < 0)
			goto out;
		if (line.next >= size && !hard)
			break;
		pos = line.next;
	}
	result = 0;
out:
	free(w.breaks);
	clusters_finish(&w.cl);
	if (result < 0)
		text_lines_finish(lines);
	return result;
}

size_t text_line_of(const struct text_lines *lines, size_t pos)
{
	size_t low = 0, high = lines->count; /* the answer is in [low, high) */
	while (high - low > 1) {
		size_t mid = low + (high - low) / 2;
		if (lines->line[mid].start <= pos)
			low = mid;
		else
			high = mid;
	}
	return low;
}

void text_lines_finish(struct text_lines *lines)
{
	free(lines->line);
	*lines = (struct text_lines){ 0 };
}

/* ---- Search ---- */

/* Text in its search form, each byte of it knowing the grapheme cluster of
 * the original text it came from. */
struct folded {
	uint8_t *key;
	struct text_range *origin;
	size_t size, capacity;
};

static int folded_append(struct folded *f, const uint8_t *bytes, size_t n,
			 struct text_range origin)
{
	if (n == 0)
		return 0;
	if (f->size + n > f->capacity) {
		size_t grown = f->capacity ? f->capacity : 64;
		while (grown < f->size + n)
			grown *= 2;
		uint8_t *key = realloc(f->key, grown);
		if (!key)
			return -1;
		f->key = key;
		struct text_range *more = realloc(f->origin, grown * sizeof *more);
		if (!more)
			return -1;
		f->origin = more;
		f->capacity = grown;
	}
	memcpy(f->key + f->size, bytes, n);
	for (size_t k = 0; k < n; k++)
		f->origin[f->size + k] = origin;
	f->size += n;
	return 0;
}

static void folded_finish(struct folded *f)
{
	free(f->key);
	free(f->origin);
	*f = (struct folded){ 0 };
}

/* An accent: a nonspacing mark that is a diacritic, but not a virama or a
 * nukta (in Indic scripts these spell another letter). */
static bool is_accent(ucs4_t c)
{
	if (!uc_is_general_category(c, UC_NON_SPACING_MARK) || !uc_is_property_diacritic(c))
		return false;
	int ccc = uc_combining_class(c);
	return ccc != UC_CCC_VR && ccc != UC_CCC_NK;
}

/* s[0..*n) without its accents, in place. */
static void drop_accents(uint8_t *s, size_t *n)
{
	size_t kept = 0;
	for (size_t i = 0; i < *n;) {
		ucs4_t c;
		bool valid;
		size_t len = decode(s + i, *n - i, &c, &valid);
		if (!valid || !is_accent(c)) {
			memmove(s + kept, s + i, len);
			kept += len;
		}
		i += len;
	}
	*n = kept;
}

/* Appends the search form of the cluster s[0..n) (valid UTF-8, not white
 * space) to f. */
static int fold_cluster(struct folded *f, const uint8_t *s, size_t n, struct text_range origin)
{
	if (n == 1 && s[0] < 0x80) { /* ASCII: its case folding is its lower case */
		uint8_t lower = (uint8_t)uc_tolower(s[0]);
		return folded_append(f, &lower, 1, origin);
	}
	uint8_t buffer[64];
	size_t length = sizeof buffer;
	uint8_t *decomposed = u8_casefold(s, n, NULL, UNINORM_NFKD, buffer, &length);
	if (!decomposed)
		return -1;
	drop_accents(decomposed, &length);
	int result = 0;
	if (length) {
		uint8_t composed[64];
		size_t composed_length = sizeof composed;
		uint8_t *nfc = u8_normalize(UNINORM_NFC, decomposed, length, composed,
					    &composed_length);
		result = nfc ? folded_append(f, nfc, composed_length, origin) : -1;
		if (nfc != composed)
			free(nfc);
	}
	if (decomposed != buffer)
		free(decomposed);
	return result;
}

/* The search form of s[0..size) into f (emptied first). */
static int fold_text(struct folded *f, const uint8_t *s, size_t size)
{
	static const uint8_t replacement[] = { 0xEF, 0xBF, 0xBD }; /* U+FFFD */
	*f = (struct folded){ 0 };
	struct clusters cl;
	int result = clusters_init(&cl, s, size) ? 0 : -1;
	for (size_t i = 0; result == 0 && i < size;) {
		size_t next = clusters_next(&cl, s, size, i);
		struct text_range origin = { i, next };
		ucs4_t c;
		bool valid;
		decode(s + i, size - i, &c, &valid);
		if (valid && uc_is_property_white_space(c)) {
			if (!f->size || f->key[f->size - 1] != ' ')
				result = folded_append(f, (const uint8_t *)" ", 1, origin);
		} else if (u8_check(s + i, next - i)) {
			result = folded_append(f, replacement, sizeof replacement, origin);
		} else {
			result = fold_cluster(f, s + i, next - i, origin);
		}
		i = next;
	}
	clusters_finish(&cl);
	if (result < 0)
		folded_finish(f);
	return result;
}

static int append_match(struct text_matches *m, size_t *capacity, struct text_range r)
{
	if (m->count && r.start < m->range[m->count - 1].end) { /* within one cluster */
		if (r.end > m->range[m->count - 1].end)
			m->range[m->count - 1].end = r.end;
		return 0;
	}
	if (m->count == *capacity) {
		size_t grown = *capacity ? *capacity * 2 : 8;
		struct text_range *more = realloc(m->range, grown * sizeof *more);
		if (!more)
			return -1;
		m->range = more;
		*capacity = grown;
	}
	m->range[m->count++] = r;
	return 0;
}

/* Every match of needle's search form in the haystack's, as ranges of the
 * original haystack; stops at the first when first_only. */
static int find_matches(const struct folded *hay, const struct folded *needle,
			struct text_matches *m, bool first_only)
{
	size_t capacity = 0;
	for (size_t k = 0; needle->size && k + needle->size <= hay->size;) {
		const uint8_t *hit = memmem(hay->key + k, hay->size - k, needle->key, needle->size);
		if (!hit)
			break;
		size_t at = (size_t)(hit - hay->key);
		struct text_range r = { hay->origin[at].start,
					hay->origin[at + needle->size - 1].end };
		if (append_match(m, &capacity, r) < 0)
			return -1;
		if (first_only)
			break;
		k = at + needle->size;
	}
	return 0;
}

static int search(struct text_matches *matches, const char *haystack, size_t size,
		  const char *needle, bool first_only)
{
	*matches = (struct text_matches){ 0 };
	struct folded hay, wanted;
	if (fold_text(&wanted, (const uint8_t *)needle, strlen(needle)) < 0)
		return -1;
	int result = fold_text(&hay, (const uint8_t *)haystack, size);
	if (result == 0)
		result = find_matches(&hay, &wanted, matches, first_only);
	folded_finish(&hay);
	folded_finish(&wanted);
	if (result < 0)
		text_matches_finish(matches);
	return result;
}

int text_search(struct text_matches *matches, const char *haystack, size_t size,
		const char *needle)
{
	return search(matches, haystack, size, needle, false);
}

void text_matches_finish(struct text_matches *matches)
{
	free(matches->range);
	*matches = (struct text_matches){ 0 };
}

bool text_contains(const char *haystack, const char *needle)
{
	struct text_matches m;
	bool found = search(&m, haystack, strlen(haystack), needle, true) == 0 && m.count;
	text_matches_finish(&m);
	return found;
}

/* ---- Character sets ---- */

/* iconv_open's failure, (iconv_t)-1 as POSIX has it. */
static bool iconv_failed(iconv_t cd)
{
	return cd == (iconv_t)-1; // NOLINT(performance-no-int-to-ptr)
}

static bool codeset_is_utf8(const char *codeset)
{
	return strcasecmp(codeset, "UTF-8") == 0 || strcasecmp(codeset, "UTF8") == 0;
}

struct bytes {
	char *data;
	size_t size, capacity; /* capacity keeps a byte for a final NUL */
};

static int bytes_reserve(struct bytes *b, size_t more)
{
	if (b->size + more < b->capacity)
		return 0;
	size_t grown = b->capacity ? b->capacity : 64;
	while (grown <= b->size + more)
		grown *= 2;
	char *data = realloc(b->data, grown);
	if (!data)
		return -1;
	b->data = data;
	b->capacity = grown;
	return 0;
}

/* in[0..n) converted by cd, appended to out: 0; 1 when iconv refuses it
 * (out as it was); -1 when out of memory. */
static int convert_all(iconv_t cd, const char *in, size_t n, struct bytes *out)
{
	size_t mark = out->size, want = n * 2 + 16;
	char *next_in = (char *)in;
	size_t left = n;
	for (;;) {
		if (bytes_reserve(out, want) < 0)
			return -1;
		char *next_out = out->data + out->size;
		size_t room = out->capacity - out->size - 1;
		size_t done = iconv(cd, &next_in, &left, &next_out, &room);
		out->size = (size_t)(next_out - out->data);
		if (done != (size_t)-1)
			return 0;
		if (errno != E2BIG) {
			out->size = mark;
			iconv(cd, NULL, NULL, NULL, NULL);
			return 1;
		}
		want = out->capacity; /* doubles it */
	}
}

static size_t count_questions(const char *s, size_t n)
{
	size_t count = 0;
	for (size_t i = 0; i < n; i++)
		count += s[i] == '?';
	return count;
}

/* As convert_all, and 1 also when the result has more "?" than in had
 * (iconv put its default for what it could not transliterate). */
static int convert(iconv_t cd, const char *in, size_t n, struct bytes *out)
{
	size_t mark = out->size;
	int result = convert_all(cd, in, n, out);
	if (result == 0 && count_questions(out->data + mark, out->size - mark) >
			   count_questions(in, n)) {
		out->size = mark;
		result = 1;
	}
	return result;
}

struct encoder {
	iconv_t cd;
	locale_t fallback; /* C.UTF-8's, once needed; (locale_t)0 if there is none */
	bool fallback_tried;
	struct bytes out;
};

/* As convert, with the transliteration tables of glibc's C.UTF-8 locale
 * (the C locale has none) for this thread for the moment. */
static int convert_by_fallback(struct encoder *e, const char *in, size_t n)
{
	if (!e->fallback_tried) {
		e->fallback = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
		e->fallback_tried = true;
	}
	if (e->fallback == (locale_t)0)
		return 1;
	locale_t previous = uselocale(e->fallback);
	int result = convert(e->cd, in, n, &e->out);
	uselocale(previous);
	return result;
}

/* s[0..n) in this locale, else by the fallback tables. */
static int convert_either(struct encoder *e, const char *s, size_t n)
{
	int result = convert(e->cd, s, n, &e->out);
	return result == 1 ? convert_by_fallback(e, s, n) : result;
}

/* One grapheme cluster: as iconv transliterates it, else its letters
 * without accents (NFKD), else "?". */
static int encode_cluster(struct encoder *e, const char *s, size_t n)
{
	int result = convert_either(e, s, n);
	if (result == 1) {
		uint8_t buffer[64];
		size_t length = sizeof buffer;
		uint8_t *plain = u8_normalize(UNINORM_NFKD, (const uint8_t *)s, n, buffer, &length);
		if (plain) {
			drop_accents(plain, &length);
			if (length && (length != n || memcmp(plain, s, n) != 0))
				result = convert_either(e, (const char *)plain, length);
			if (plain != buffer)
				free(plain);
		}
	}
	if (result == 1)
		result = convert_all(e->cd, "?", 1, &e->out);
	return result < 0 ? -1 : 0;
}

static int encode_clusters(struct encoder *e, const char *text, size_t size)
{
	const uint8_t *s = (const uint8_t *)text;
	struct clusters cl;
	clusters_init(&cl, s, size); /* out of memory: code point by code point */
	int result = 0;
	for (size_t i = 0; result == 0 && i < size;) {
		size_t next = clusters_next(&cl, s, size, i);
		result = encode_cluster(e, text + i, next - i);
		i = next;
	}
	clusters_finish(&cl);
	return result;
}

static char *copy_bytes(const char *text, size_t size, size_t *out_size)
{
	char *copy = malloc(size + 1);
	if (!copy)
		return NULL;
	memcpy(copy, text, size);
	copy[size] = '\0';
	if (out_size)
		*out_size = size;
	return copy;
}

/* The shift state back to the initial one (for a stateful codeset). */
static int finish_state(struct encoder *e)
{
	if (bytes_reserve(&e->out, 16) < 0)
		return -1;
	char *next_out = e->out.data + e->out.size;
	size_t room = e->out.capacity - e->out.size - 1;
	iconv(e->cd, NULL, NULL, &next_out, &room);
	e->out.size = (size_t)(next_out - e->out.data);
	return 0;
}

char *text_encode(const char *text, size_t size, const char *codeset, size_t *out_size)
{
	if (codeset_is_utf8(codeset))
		return copy_bytes(text, size, out_size);
	char target[128];
	if ((size_t)snprintf(target, sizeof target, "%s//TRANSLIT", codeset) >= sizeof target) {
		errno = EINVAL;
		return NULL;
	}
	struct encoder e = { .cd = iconv_open(target, "UTF-8") };
	if (iconv_failed(e.cd))
		return NULL;
	int result = convert(e.cd, text, size, &e.out); /* the whole text, as a rule */
	if (result == 1)
		result = encode_clusters(&e, text, size);
	if (result == 0)
		result = finish_state(&e);
	iconv_close(e.cd);
	if (e.fallback != (locale_t)0)
		freelocale(e.fallback);
	if (result == 0 && bytes_reserve(&e.out, 0) == 0) {
		e.out.data[e.out.size] = '\0';
		if (out_size)
			*out_size = e.out.size;
		return e.out.data;
	}
	free(e.out.data);
	errno = ENOMEM;
	return NULL;
}

char *text_transliterate(const char *text, size_t size, const char *codeset)
{
	size_t length;
	char *encoded = text_encode(text, size, codeset, &length);
	if (!encoded || codeset_is_utf8(codeset))
		return encoded;
	struct bytes out = { 0 };
	iconv_t cd = iconv_open("UTF-8", codeset);
	int result = iconv_failed(cd) ? -1 : convert_all(cd, encoded, length, &out);
	if (!iconv_failed(cd))
		iconv_close(cd);
	free(encoded);
	if (result == 0 && bytes_reserve(&out, 0) == 0) {
		out.data[out.size] = '\0';
		return out.data;
	}
	free(out.data);
	errno = result == 1 ? EILSEQ : ENOMEM;
	return NULL;
}

/* ---- Wide strings ---- */

wchar_t *text_to_wide(const char *text, size_t size, size_t *length)
{
	if (size >= SIZE_MAX / sizeof(wchar_t))
		return NULL;
	wchar_t *wide = malloc((size + 1) * sizeof *wide);
	if (!wide)
		return NULL;
	const uint8_t *s = (const uint8_t *)text;
	size_t n = 0;
	for (size_t i = 0; i < size;) {
		ucs4_t c;
		bool valid;
		i += decode(s + i, size - i, &c, &valid);
		wide[n++] = (wchar_t)c;
	}
	wide[n] = L'\0';
	if (length)
		*length = n;
	return wide;
}

char *text_from_wide(const wchar_t *wide, size_t length, size_t *size)
{
	if (length >= SIZE_MAX / 4)
		return NULL;
	char *text = malloc(length * 4 + 1);
	if (!text)
		return NULL;
	size_t n = 0;
	for (size_t i = 0; i < length; i++) {
		ucs4_t c = (ucs4_t)wide[i];
		if (wide[i] < 0 || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
			c = 0xFFFD;
		n += (size_t)u8_uctomb((uint8_t *)text + n, c, 4);
	}
	text[n] = '\0';
	if (size)
		*size = n;
	return text;
}
