/* Unit tests: the input decoder, with a fake clock.  The matrix of issue
 * 10: every key sequence of the terminfo entries of xterm-256color, vt100,
 * linux, screen and putty, plus unknown CSI, SS3, OSC and DCS sequences,
 * sent whole, split at every byte boundary, and byte by byte, with gaps of
 * 0, 50, 200 and 600 ms: each gives its key once (or one "unknown"), and
 * no byte of it is ever a key of its own.  The only exception is the one
 * the rules allow: split right after the ESC by more than ESCDELAY, the
 * Esc acts alone and the rest is swallowed. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "input.h"
#include "keymap.h"
#include "ui.h"
#include <term.h>

#define ESCDELAY_MS 100

static const long long gaps[] = { 0, 50, 200, 600 };
#define GAP_COUNT (sizeof gaps / sizeof gaps[0])

/* terminfo key capabilities and the codes they must decode to */
static const struct { const char *cap; int code; } caps[] = {
	{ "kcuu1", KEY_UP }, { "kcud1", KEY_DOWN }, { "kcub1", KEY_LEFT },
	{ "kcuf1", KEY_RIGHT }, { "khome", KEY_HOME }, { "kend", KEY_END },
	{ "kich1", KEY_IC }, { "kdch1", KEY_DC }, { "knp", KEY_NPAGE }, { "kpp", KEY_PPAGE },
	{ "kcbt", KEY_BTAB }, { "kent", KEY_ENTER }, { "kri", KEY_SR }, { "kind", KEY_SF },
	{ "kLFT", KEY_SLEFT }, { "kRIT", KEY_SRIGHT }, { "kHOM", KEY_SHOME },
	{ "kEND", KEY_SEND }, { "kDC", KEY_SDC }, { "kIC", KEY_SIC }, { "kNXT", KEY_SNEXT },
	{ "kPRV", KEY_SPREVIOUS }, { "ka1", KEY_A1 }, { "ka3", KEY_A3 }, { "kb2", KEY_B2 },
	{ "kc1", KEY_C1 }, { "kc3", KEY_C3 }, { "kbeg", KEY_BEG },
};

static const char *const terms[] = { "xterm-256color", "vt100", "linux", "screen", "putty" };

/* Sequences no terminal registers: each must be one INPUT_UNKNOWN. */
static const char *const unknown[] = {
	"\033[99;99~",              /* CSI with parameters */
	"\033[?1;2c",               /* a device attributes report */
	"\033[1;5A",                /* Ctrl-Up (not in every terminfo) */
	"\033[200;1x",              /* CSI, another final byte */
	"\033Oz",                   /* SS3 */
	"\033O5P",                  /* SS3 with a parameter */
	"\033]11;rgb:0000/0000/0000\007", /* OSC ended by BEL */
	"\033]0;title\033\\",       /* OSC ended by ST */
	"\033P1$r0m\033\\",         /* DCS */
};

static struct input_decoder *decoder_for(void)
{
	struct input_decoder *d = input_create(ESCDELAY_MS);
	assert_non_null(d);
	assert_int_equal(keymap_load(d), 0);
	return d;
}

/* Feed seq in pieces: cut[] are the byte offsets where it is split, each
 * piece arriving gap ms after the one before; then wait long enough for
 * every timeout. */
static void feed_pieces(struct input_decoder *d, const char *seq, size_t length,
			const size_t *cut, size_t cuts, long long gap, struct input_events *out)
{
	long long now = 1000000;
	size_t from = 0;
	for (size_t k = 0; k <= cuts; k++) {
		size_t to = k < cuts ? cut[k] : length;
		input_feed(d, (const unsigned char *)seq + from, to - from, now, out);
		from = to;
		now += gap;
	}
	input_tick(d, now + 5000, out);
}

/* What seq must decode to, cut as given: the key (code, or -1 for an
 * unknown sequence), or, when it is cut right after its ESC by at least
 * ESCDELAY, a lone Esc then one unknown (the rest swallowed). */
static void check_events(const struct input_events *out, int code, bool esc_acted,
			 const char *what)
{
	size_t want = esc_acted ? 2 : 1;
	if (out->count != want)
		fail_msg("%s: %zu events, expected %zu", what, out->count, want);
	size_t i = 0;
	if (esc_acted) {
		const struct input_event *e = &out->event[i++];
		if (e->kind != INPUT_KEY || e->is_code || e->key != 27)
			fail_msg("%s: expected a lone Esc first", what);
		code = -1;
	}
	const struct input_event *e = &out->event[i];
	if (code < 0) {
		if (e->kind != INPUT_UNKNOWN)
			fail_msg("%s: expected the sequence swallowed as unknown, got kind %d key %u",
				 what, e->kind, (unsigned)e->key);
	} else if (e->kind != INPUT_KEY || !e->is_code || e->key != (wint_t)code) {
		fail_msg("%s: expected key code %d, got kind %d key %u code %d", what, code,
			 e->kind, (unsigned)e->key, e->is_code);
	}
}

/* Every way of cutting seq, with every gap. */
static void check_matrix(const char *seq, int code, const char *name)
{
	size_t length = strlen(seq);
	char what[256];
	struct input_events out = {0};
	for (size_t g = 0; g < GAP_COUNT; g++) {
		bool esc_split_acts = gaps[g] >= ESCDELAY_MS;
		/* whole */
		struct input_decoder *d = decoder_for();
		snprintf(what, sizeof what, "%s whole", name);
		feed_pieces(d, seq, length, NULL, 0, gaps[g], &out);
		check_events(&out, code, false, what);
		input_events_clear(&out);
		input_destroy(d);
		/* split at each boundary */
		for (size_t at = 1; at < length; at++) {
			d = decoder_for();
			snprintf(what, sizeof what, "%s split at %zu, gap %lld ms", name, at, gaps[g]);
			feed_pieces(d, seq, length, &at, 1, gaps[g], &out);
			check_events(&out, code, at == 1 && esc_split_acts, what);
			input_events_clear(&out);
			input_destroy(d);
		}
		/* byte by byte */
		size_t cut[64];
		size_t cuts = 0;
		for (size_t at = 1; at < length && cuts < 64; at++)
			cut[cuts++] = at;
		d = decoder_for();
		snprintf(what, sizeof what, "%s byte by byte, gap %lld ms", name, gaps[g]);
		feed_pieces(d, seq, length, cut, cuts, gaps[g], &out);
		check_events(&out, code, length > 1 && esc_split_acts, what);
		input_events_clear(&out);
		input_destroy(d);
	}
	input_events_finish(&out);
}

static void test_terminfo_matrix(void **state)
{
	(void)state;
	for (size_t t = 0; t < sizeof terms / sizeof terms[0]; t++) {
		int status;
		if (setupterm(terms[t], 1, &status) != OK)
			fail_msg("no terminfo entry for %s (package ncurses-term)", terms[t]);
		size_t checked = 0, named = sizeof caps / sizeof caps[0];
		for (size_t k = 0; k < named + 64; k++) {
			char name[16];
			const char *cap = name;
			int code;
			if (k < named) {
				cap = caps[k].cap;
				code = caps[k].code;
			} else {
				snprintf(name, sizeof name, "kf%zu", k - named);
				code = KEY_F((int)(k - named));
			}
			const char *seq = tigetstr(cap);
			if (!seq || seq == (char *)-1 || seq[0] != 27)
				continue;
			char what[64];
			snprintf(what, sizeof what, "%s %s", terms[t], cap);
			check_matrix(seq, code, what);
			checked++;
		}
		/* each of these terminals has arrows and at least four F keys */
		if (checked < 8)
			fail_msg("%s: only %zu key sequences found", terms[t], checked);
		for (size_t u = 0; u < sizeof unknown / sizeof unknown[0]; u++) {
			char what[64];
			snprintf(what, sizeof what, "%s unknown #%zu", terms[t], u);
			check_matrix(unknown[u], -1, what);
		}
		/* xterm's F10 with TERM=vt100 (issue 10: it went back a category
		 * and set a level): F10, from the common forms */
		char what[64];
		snprintf(what, sizeof what, "%s xterm F10", terms[t]);
		check_matrix("\033[21~", KEY_F(10), what);
		del_curterm(cur_term);
	}
}

/* Single-byte keys (levels, moves, commands) are themselves, at once. */
static void test_plain_keys(void **state)
{
	(void)state;
	struct input_decoder *d = decoder_for();
	struct input_events out = {0};
	const char *keys = "0123jk\t][eapgs/nxWuq?\r";
	input_feed(d, (const unsigned char *)keys, strlen(keys), 0, &out);
	assert_int_equal(out.count, strlen(keys));
	for (size_t i = 0; i < out.count; i++) {
		assert_int_equal(out.event[i].kind, INPUT_KEY);
		assert_false(out.event[i].is_code);
		assert_int_equal(out.event[i].key, (wint_t)(unsigned char)keys[i]);
	}
	assert_false(input_pending(d));
	input_events_finish(&out);
	input_destroy(d);
}

/* A lone Esc acts after ESCDELAY, not before; then, within 1 s of it, [
 * starts a sequence that is swallowed; after 1 s, [ is a key again. */
static void test_lone_escape(void **state)
{
	(void)state;
	struct input_decoder *d = decoder_for();
	struct input_events out = {0};
	input_feed(d, (const unsigned char *)"\033", 1, 0, &out);
	assert_true(input_pending(d));
	assert_int_equal(input_deadline(d), ESCDELAY_MS);
	input_tick(d, ESCDELAY_MS - 1, &out);
	assert_int_equal(out.count, 0);
	input_tick(d, ESCDELAY_MS, &out);
	assert_int_equal(out.count, 1);
	assert_int_equal(out.event[0].key, 27);
	input_events_clear(&out);
	/* a late "[A": swallowed, not [ (previous category) and A */
	input_feed(d, (const unsigned char *)"[", 1, 900, &out);
	input_feed(d, (const unsigned char *)"A", 1, 950, &out);
	assert_int_equal(out.count, 1);
	assert_int_equal(out.event[0].kind, INPUT_UNKNOWN);
	input_events_clear(&out);
	/* more than 1 s after an Esc, [ is the key [ */
	input_feed(d, (const unsigned char *)"\033", 1, 5000, &out);
	input_tick(d, 5000 + ESCDELAY_MS, &out);
	input_feed(d, (const unsigned char *)"[", 1, 6200, &out);
	assert_int_equal(out.count, 2);
	assert_int_equal(out.event[1].kind, INPUT_KEY);
	assert_int_equal(out.event[1].key, L'[');
	input_events_clear(&out);
	/* Esc then an ordinary key in the same read: both act */
	input_feed(d, (const unsigned char *)"\033j", 2, 9000, &out);
	assert_int_equal(out.count, 2);
	assert_int_equal(out.event[0].key, 27);
	assert_int_equal(out.event[1].key, L'j');
	input_events_clear(&out);
	/* Alt-Up (ESC ESC [ A): one unknown key, nothing acts */
	input_feed(d, (const unsigned char *)"\033\033[A", 4, 12000, &out);
	assert_int_equal(out.count, 1);
	assert_int_equal(out.event[0].kind, INPUT_UNKNOWN);
	input_events_finish(&out);
	input_destroy(d);
}

static void test_escdelay(void **state)
{
	(void)state;
	static const struct { const char *value; int ms; } cases[] = {
		{ NULL, 100 }, { "", 100 }, { "25", 25 }, { "0", 0 }, { "250", 250 },
		{ "1000", 1000 }, { "5000", 1000 }, { "99999999999999999999", 1000 },
		{ "abc", 100 }, { "-5", 100 }, { "10ms", 100 },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		assert_int_equal(input_escdelay(cases[i].value), cases[i].ms);
	struct input_decoder *d = input_create(250);
	struct input_events out = {0};
	input_feed(d, (const unsigned char *)"\033", 1, 0, &out);
	input_tick(d, 200, &out);
	assert_int_equal(out.count, 0);
	input_tick(d, 250, &out);
	assert_int_equal(out.count, 1);
	input_events_finish(&out);
	input_destroy(d);
}

/* A bracketed paste is one text: CR LF, CR and LF are each one line
 * break, Tab stays, other control characters go; nothing in it is a key;
 * cut anywhere, with any gap, the same text (only a cut right after the
 * start marker's ESC by more than ESCDELAY lets that Esc act first). */
static void test_paste(void **state)
{
	(void)state;
	const char *seq = "\033[200~see the 2013 report\tp. 4\r\nline\rtwo\nthree\001\033x\303\251"
			  "\033[201~";
	/* (the ESC inside is dropped; "x" after it is text) */
	const wchar_t *want = L"see the 2013 report\tp. 4\nline\ntwo\nthreex\u00e9";
	size_t length = strlen(seq);
	struct input_events out = {0};
	for (size_t g = 0; g < GAP_COUNT; g++) {
		for (size_t at = 0; at < length; at++) {
			struct input_decoder *d = decoder_for();
			feed_pieces(d, seq, length, &at, at ? 1 : 0, gaps[g], &out);
			size_t first = 0;
			if (at == 1 && gaps[g] >= ESCDELAY_MS) {
				assert_int_equal(out.event[0].key, 27);
				first = 1;
			}
			if (out.count != first + 1)
				fail_msg("paste cut at %zu gap %lld: %zu events", at, gaps[g], out.count);
			assert_int_equal(out.event[first].kind, INPUT_TEXT);
			if (wcscmp(out.event[first].text, want) != 0)
				fail_msg("paste cut at %zu gap %lld: [%ls]", at, gaps[g],
					 out.event[first].text);
			input_events_clear(&out);
			input_destroy(d);
		}
	}
	/* a paste whose end marker never comes ends after 1 s of silence */
	struct input_decoder *d = decoder_for();
	input_feed(d, (const unsigned char *)"\033[200~abc", 9, 0, &out);
	input_tick(d, 1000, &out);
	assert_int_equal(out.count, 0);
	input_tick(d, INPUT_SEQUENCE_GAP + 1, &out);
	assert_int_equal(out.count, 1);
	assert_int_equal(wcscmp(out.event[0].text, L"abc"), 0);
	input_events_clear(&out);
	/* and a stray end marker is nothing */
	input_feed(d, (const unsigned char *)"\033[201~", 6, 5000, &out);
	assert_int_equal(out.count, 0);
	assert_false(input_pending(d));
	input_events_finish(&out);
	input_destroy(d);
}

/* Characters in the locale's encoding, whole or cut between reads. */
static void test_characters(void **state)
{
	(void)state;
	struct input_decoder *d = decoder_for();
	struct input_events out = {0};
	input_feed(d, (const unsigned char *)"\303", 1, 0, &out);
	assert_true(input_pending(d));
	input_feed(d, (const unsigned char *)"\251\342\234\223", 4, 500, &out);
	assert_int_equal(out.count, 2);
	assert_int_equal(out.event[0].key, 0xe9);
	assert_int_equal(out.event[1].key, 0x2713);
	input_events_clear(&out);
	/* an invalid byte, and an unfinished character after 1 s */
	input_feed(d, (const unsigned char *)"\377a\303", 3, 1000, &out);
	input_tick(d, 1000 + INPUT_SEQUENCE_GAP + 1, &out);
	assert_int_equal(out.count, 3);
	assert_int_equal(out.event[0].key, 0xfffd);
	assert_int_equal(out.event[1].key, L'a');
	assert_int_equal(out.event[2].key, 0xfffd);
	input_events_finish(&out);
	input_destroy(d);
}

/* After a refusal, a sequence half received is thrown away whole: its
 * tail does not become keys. */
static void test_discard(void **state)
{
	(void)state;
	struct input_decoder *d = decoder_for();
	struct input_events out = {0};
	input_feed(d, (const unsigned char *)"\033[", 2, 0, &out);
	input_discard(d);
	input_feed(d, (const unsigned char *)"3~j", 3, 300, &out);
	assert_int_equal(out.count, 1);
	assert_int_equal(out.event[0].key, L'j');
	input_events_clear(&out);
	input_feed(d, (const unsigned char *)"\033[200~abc", 9, 1000, &out);
	input_discard(d);
	input_feed(d, (const unsigned char *)"def\033[201~k", 10, 1100, &out);
	assert_int_equal(out.count, 1);
	assert_int_equal(out.event[0].key, L'k');
	input_events_finish(&out);
	input_destroy(d);
}

static bool category_binds(void *context, wint_t key, bool is_code)
{
	(void)context;
	return !is_code && key && wcschr(L"0123jk\t][eapgs/nxWuq?\r", (wchar_t)key);
}

/* Typing or a paste: judged by keys, not bytes. */
static void test_looks_pasted(void **state)
{
	(void)state;
	static const struct { const char *bytes; bool breaks_are_text, pasted; } cases[] = {
		{ "22122233", false, false },   /* fast typing: all bound */
		{ "see the 2013 report", false, true }, /* a space is not bound */
		{ "2 2", false, false },        /* three keys are not a burst */
		{ "2\r22", false, true },       /* a line break followed by more */
		{ "222\r", false, false },      /* a line break at the end */
		{ "ab\rcd", true, true },       /* unbound letters, even in text */
		{ "jj\rj", true, false },       /* line breaks are text here */
		{ "\033[A\033[A\033[B22", false, false }, /* decoded keys, not bytes */
	};
	struct input_decoder *d = decoder_for();
	struct input_events out = {0};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		input_feed(d, (const unsigned char *)cases[i].bytes, strlen(cases[i].bytes), 0, &out);
		for (size_t k = 0; k < out.count; k++)
			if (out.event[k].is_code) { /* arrows are bound here */
				out.event[k].key = L'j';
				out.event[k].is_code = false;
			}
		if (input_looks_pasted(&out, 0, category_binds, NULL, cases[i].breaks_are_text) !=
		    cases[i].pasted)
			fail_msg("case %zu (%s)", i, cases[i].bytes);
		input_events_clear(&out);
	}
	input_events_finish(&out);
	input_destroy(d);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_terminfo_matrix),
		cmocka_unit_test(test_plain_keys),
		cmocka_unit_test(test_lone_escape),
		cmocka_unit_test(test_escdelay),
		cmocka_unit_test(test_paste),
		cmocka_unit_test(test_characters),
		cmocka_unit_test(test_discard),
		cmocka_unit_test(test_looks_pasted),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
