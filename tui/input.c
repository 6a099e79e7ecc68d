/* input: the input decoder (see input.h for the rules).  A state machine
 * over bytes; what it holds between reads is a few bytes of a sequence or
 * character, or the paste being received. */
#include "input.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#define ESC 0x1b
#define BEL 0x07
#define SEQUENCE_MAX 64    /* bytes of a CSI or SS3 kept (longer: swallowed) */
#define PASTE_MAX (1 << 20) /* characters of one paste kept */

static const unsigned char paste_end[] = "\x1b[201~";
#define PASTE_END_LENGTH (sizeof paste_end - 1)

enum state { GROUND, ESCAPE, SEQUENCE, STRING, PASTE };

struct key_sequence {
	unsigned char *bytes;
	size_t length;
	int code;
};

struct input_decoder {
	int escdelay;
	struct key_sequence *keys;
	size_t key_count, key_capacity;
	enum state state;
	long long last;        /* when the last byte held arrived */
	bool discard;          /* what is held produces no event */
	/* ESCAPE: how many ESC bytes are held (2: ESC ESC, a modifier) */
	int escapes;
	long long esc_arrival; /* when the last ESC byte arrived */
	bool esc_acted;        /* that ESC acted alone (a lone Esc) */
	/* SEQUENCE: the bytes so far, from the ESC */
	unsigned char seq[SEQUENCE_MAX];
	size_t seq_length;
	bool seq_overflow;
	bool meta;             /* after an extra ESC: a modified key, unknown */
	bool late;             /* its ESC has acted alone: swallowed */
	/* STRING (OSC, DCS): the previous byte was ESC */
	bool string_escape;
	/* a multibyte character in progress */
	mbstate_t mb;
	bool mb_partial;
	long long mb_since;
	/* PASTE */
	wchar_t *paste;
	size_t paste_length, paste_capacity;
	size_t end_match;      /* bytes of the end marker matched */
	bool paste_cr;         /* the previous character was CR */
	mbstate_t paste_mb;
};

/* ---- the event list ---- */

int input_events_add(struct input_events *events, enum input_kind kind, bool is_code,
		     wint_t key, const wchar_t *text, size_t length)
{
	if (events->count == events->capacity) {
		size_t cap = events->capacity ? events->capacity * 2 : 16;
		struct input_event *grown = realloc(events->event, cap * sizeof *grown);
		if (!grown)
			return -1;
		events->event = grown;
		events->capacity = cap;
	}
	struct input_event e = { .kind = kind, .is_code = is_code, .key = key };
	if (kind == INPUT_TEXT) {
		e.text = malloc((length + 1) * sizeof *e.text);
		if (!e.text)
			return -1;
		if (length)
			wmemcpy(e.text, text, length);
		e.text[length] = L'\0';
		e.length = length;
	}
	events->event[events->count++] = e;
	return 0;
}

void input_events_clear(struct input_events *events)
{
	for (size_t i = 0; i < events->count; i++)
		free(events->event[i].text);
	events->count = 0;
}

void input_events_finish(struct input_events *events)
{
	input_events_clear(events);
	free(events->event);
	*events = (struct input_events){0};
}

/* ---- creating ---- */

int input_escdelay(const char *value)
{
	if (!value || !*value)
		return INPUT_ESCDELAY_DEFAULT;
	long ms = 0;
	for (const char *p = value; *p; p++) {
		if (*p < '0' || *p > '9')
			return INPUT_ESCDELAY_DEFAULT;
		if (ms <= INPUT_ESCDELAY_MAX)
			ms = ms * 10 + (*p - '0');
	}
	return ms > INPUT_ESCDELAY_MAX ? INPUT_ESCDELAY_MAX : (int)ms;
}

struct input_decoder *input_create(int escdelay)
{
	struct input_decoder *d = calloc(1, sizeof *d);
	if (!d)
		return NULL;
	d->escdelay = escdelay < 0 ? 0 : escdelay > INPUT_ESCDELAY_MAX ? INPUT_ESCDELAY_MAX
		: escdelay;
	return d;
}

void input_destroy(struct input_decoder *d)
{
	if (!d)
		return;
	for (size_t i = 0; i < d->key_count; i++)
		free(d->keys[i].bytes);
	free(d->keys);
	free(d->paste);
	free(d);
}

int input_add_key(struct input_decoder *d, const char *seq, int code)
{
	size_t length = strlen(seq);
	if (length < 2 || seq[0] != ESC)
		return 0;
	for (size_t i = 0; i < d->key_count; i++)
		if (d->keys[i].length == length && memcmp(d->keys[i].bytes, seq, length) == 0)
			return 0;
	if (d->key_count == d->key_capacity) {
		size_t cap = d->key_capacity ? d->key_capacity * 2 : 128;
		struct key_sequence *grown = realloc(d->keys, cap * sizeof *grown);
		if (!grown)
			return -1;
		d->keys = grown;
		d->key_capacity = cap;
	}
	unsigned char *bytes = malloc(length + 1);
	if (!bytes)
		return -1;
	memcpy(bytes, seq, length + 1);
	d->keys[d->key_count++] = (struct key_sequence){ bytes, length, code };
	return 0;
}

/* ---- emitting ---- */

/* An event for what was held, unless it is being discarded.  Out of
 * memory loses the event: a key not acted on, never a wrong one. */
static void emit(struct input_decoder *d, struct input_events *out, enum input_kind kind,
		 bool is_code, wint_t key)
{
	if (!d->discard)
		(void)input_events_add(out, kind, is_code, key, NULL, 0);
}

static void emit_escapes(struct input_decoder *d, struct input_events *out, int count)
{
	for (int i = 0; i < count; i++)
		emit(d, out, INPUT_KEY, false, ESC);
}

/* Back to the ground state: nothing held. */
static void settle(struct input_decoder *d)
{
	d->state = GROUND;
	d->discard = false;
}

static void feed_byte(struct input_decoder *d, unsigned char b, long long now,
		      struct input_events *out);

/* ---- registered sequences and the syntax of CSI and SS3 ---- */

/* Looks the held bytes up: sets *exact (and *code) on a registered
 * sequence, and returns whether a longer one begins with them. */
static bool lookup(const struct input_decoder *d, bool *exact, int *code)
{
	bool prefix = false;
	*exact = false;
	for (size_t i = 0; i < d->key_count; i++) {
		const struct key_sequence *k = &d->keys[i];
		if (k->length < d->seq_length || memcmp(k->bytes, d->seq, d->seq_length) != 0)
			continue;
		if (k->length == d->seq_length) {
			*exact = true;
			*code = k->code;
		} else {
			prefix = true;
		}
	}
	return prefix;
}

static bool starts_registered(const struct input_decoder *d, unsigned char b)
{
	unsigned char two[2] = { ESC, b };
	for (size_t i = 0; i < d->key_count; i++)
		if (d->keys[i].length > 1 && memcmp(d->keys[i].bytes, two, 2) == 0)
			return true;
	return false;
}

enum verdict {
	MORE,        /* not complete yet */
	KEY,         /* a registered sequence */
	UNKNOWN_END, /* a complete sequence nobody registered */
	PASTE_START, /* ESC [ 200 ~ */
	PASTE_STRAY, /* ESC [ 201 ~ outside a paste (the end of a cut one) */
	NOT_SEQUENCE,/* ESC then a byte that starts nothing */
	ABORT,       /* the last byte cannot be part of it */
};

static enum verdict judge(const struct input_decoder *d, int *code)
{
	const unsigned char *s = d->seq;
	size_t n = d->seq_length;
	unsigned char last = s[n - 1];
	if (!d->seq_overflow) {
		bool exact;
		bool prefix = lookup(d, &exact, code);
		if (exact && !prefix)
			return KEY;
		if (prefix)
			return MORE; /* (an exact match that is also a prefix: the timeout decides) */
	}
	if (s[1] != '[' && s[1] != 'O')
		return NOT_SEQUENCE;
	if (n == 2)
		return MORE;
	if (last >= 0x40 && last <= 0x7e) {
		if (n == 6 && memcmp(s, "\x1b[200~", 6) == 0)
			return PASTE_START;
		if (n == 6 && memcmp(s, paste_end, 6) == 0)
			return PASTE_STRAY;
		return UNKNOWN_END;
	}
	/* rxvt ends its shifted editing keys with '$' (an intermediate byte
	 * in ECMA-48): waiting for a final byte would swallow the next key */
	if (s[1] == '[' && last == '$' && n > 3)
		return UNKNOWN_END;
	if (last >= 0x20 && last <= 0x3f)
		return MORE;
	return ABORT;
}

static void start_paste(struct input_decoder *d, long long now)
{
	bool discard = d->discard;
	d->state = PASTE;
	d->discard = discard;
	d->paste_length = 0;
	d->end_match = 0;
	d->paste_cr = false;
	memset(&d->paste_mb, 0, sizeof d->paste_mb);
	d->last = now;
}

/* The held sequence has its last byte: act on the verdict. */
static void sequence_step(struct input_decoder *d, long long now, struct input_events *out)
{
	int code = 0;
	enum verdict v = judge(d, &code);
	switch (v) {
	case MORE:
		return;
	case KEY:
		if (d->meta || d->late)
			emit(d, out, INPUT_UNKNOWN, false, 0);
		else
			emit(d, out, INPUT_KEY, true, (wint_t)code);
		settle(d);
		return;
	case UNKNOWN_END:
		emit(d, out, INPUT_UNKNOWN, false, 0);
		settle(d);
		return;
	case PASTE_START:
		start_paste(d, now);
		return;
	case PASTE_STRAY:
		settle(d);
		return;
	case NOT_SEQUENCE: {
		/* A registered sequence that is not CSI or SS3 went astray (or
		 * never began): the Esc acted alone, then its bytes are keys. */
		unsigned char rest[SEQUENCE_MAX];
		size_t n = d->seq_length - 1;
		memcpy(rest, d->seq + 1, n);
		bool discard = d->discard;
		emit_escapes(d, out, d->meta ? 2 : 1);
		settle(d);
		for (size_t i = 0; i < n && !discard; i++)
			feed_byte(d, rest[i], now, out);
		return;
	}
	case ABORT: {
		unsigned char b = d->seq[d->seq_length - 1];
		d->seq_length--;
		emit(d, out, INPUT_UNKNOWN, false, 0);
		settle(d);
		feed_byte(d, b, now, out);
		return;
	}
	}
}

static void start_sequence(struct input_decoder *d, unsigned char b, bool meta, bool late,
			   long long now, struct input_events *out)
{
	d->last = now;
	d->meta = meta;
	d->late = late;
	if (b == ']' || b == 'P') {
		d->state = STRING;
		d->string_escape = false;
		return;
	}
	d->state = SEQUENCE;
	d->seq[0] = ESC;
	d->seq[1] = b;
	d->seq_length = 2;
	d->seq_overflow = false;
	sequence_step(d, now, out);
}

static bool introducer(unsigned char b)
{
	return b == '[' || b == 'O' || b == ']' || b == 'P';
}

/* ---- the states ---- */

static void ground(struct input_decoder *d, unsigned char b, long long now,
		   struct input_events *out)
{
	bool late_window = d->esc_acted && now - d->esc_arrival <= INPUT_SEQUENCE_GAP;
	d->esc_acted = false;
	if (d->mb_partial && b < 0x80) {
		d->mb_partial = false;
		memset(&d->mb, 0, sizeof d->mb);
		emit(d, out, INPUT_KEY, false, 0xFFFD);
		d->discard = false;
	}
	if (b == ESC) {
		d->state = ESCAPE;
		d->escapes = 1;
		d->last = d->esc_arrival = now;
		return;
	}
	if (late_window && (introducer(b) || starts_registered(d, b))) {
		start_sequence(d, b, false, true, now, out);
		return;
	}
	if (b < 0x80) {
		emit(d, out, INPUT_KEY, false, b);
		return;
	}
	char c = (char)b;
	wchar_t wc;
	size_t r = mbrtowc(&wc, &c, 1, &d->mb);
	if (r == (size_t)-2) {
		if (!d->mb_partial)
			d->mb_since = now;
		d->mb_partial = true;
		return;
	}
	d->mb_partial = false;
	if (r == (size_t)-1) {
		memset(&d->mb, 0, sizeof d->mb);
		wc = 0xFFFD;
	}
	emit(d, out, INPUT_KEY, false, (wint_t)wc);
	d->discard = false;
}

static void escape(struct input_decoder *d, unsigned char b, long long now,
		   struct input_events *out)
{
	if (b == ESC) {
		if (d->escapes == 2)
			emit_escapes(d, out, 1); /* three in a row: the first acted alone */
		d->escapes = 2;
		d->last = d->esc_arrival = now;
		return;
	}
	if (introducer(b) || starts_registered(d, b)) {
		start_sequence(d, b, d->escapes == 2, false, now, out);
		return;
	}
	/* Esc, then an ordinary key typed quickly after it */
	emit_escapes(d, out, d->escapes);
	settle(d);
	ground(d, b, now, out);
}

static void sequence(struct input_decoder *d, unsigned char b, long long now,
		     struct input_events *out)
{
	d->last = now;
	if (d->seq_length < SEQUENCE_MAX) {
		d->seq[d->seq_length++] = b;
	} else {
		d->seq_overflow = true;
		d->seq[SEQUENCE_MAX - 1] = b;
	}
	sequence_step(d, now, out);
}

static void string(struct input_decoder *d, unsigned char b, long long now,
		   struct input_events *out)
{
	d->last = now;
	if (d->string_escape) {
		d->string_escape = false;
		emit(d, out, INPUT_UNKNOWN, false, 0);
		settle(d);
		if (b != '\\') {
			/* an ESC ended the string: it begins what follows */
			ground(d, ESC, now, out);
			feed_byte(d, b, now, out);
		}
		return;
	}
	if (b == BEL) {
		emit(d, out, INPUT_UNKNOWN, false, 0);
		settle(d);
	} else if (b == ESC) {
		d->string_escape = true;
	}
}

static void paste_add(struct input_decoder *d, wchar_t c)
{
	if (d->paste_length + 1 >= PASTE_MAX)
		return;
	if (d->paste_length + 1 >= d->paste_capacity) {
		size_t cap = d->paste_capacity ? d->paste_capacity * 2 : 256;
		wchar_t *grown = realloc(d->paste, cap * sizeof *grown);
		if (!grown)
			return; /* the rest of the paste is lost, never mistaken for keys */
		d->paste = grown;
		d->paste_capacity = cap;
	}
	d->paste[d->paste_length++] = c;
}

/* One byte of pasted content: line breaks as L'\n', Tab kept, other
 * control characters dropped. */
static void paste_content(struct input_decoder *d, unsigned char b)
{
	bool after_cr = d->paste_cr;
	d->paste_cr = false;
	if (b < 0x80) {
		memset(&d->paste_mb, 0, sizeof d->paste_mb);
		if (b == '\r') {
			paste_add(d, L'\n');
			d->paste_cr = true;
		} else if (b == '\n') {
			if (!after_cr)
				paste_add(d, L'\n');
		} else if (b == '\t' || (b >= 0x20 && b != 0x7f)) {
			paste_add(d, (wchar_t)b);
		}
		return;
	}
	char c = (char)b;
	wchar_t wc;
	size_t r = mbrtowc(&wc, &c, 1, &d->paste_mb);
	if (r == (size_t)-2)
		return;
	if (r == (size_t)-1) {
		memset(&d->paste_mb, 0, sizeof d->paste_mb);
		wc = 0xFFFD;
	}
	if (!iswcntrl((wint_t)wc))
		paste_add(d, wc);
}

static void paste_done(struct input_decoder *d, struct input_events *out)
{
	if (!d->discard)
		(void)input_events_add(out, INPUT_TEXT, false, 0, d->paste, d->paste_length);
	settle(d);
}

static void paste(struct input_decoder *d, unsigned char b, long long now,
		  struct input_events *out)
{
	d->last = now;
	if (b == paste_end[d->end_match]) {
		if (++d->end_match == PASTE_END_LENGTH)
			paste_done(d, out);
		return;
	}
	/* what looked like the end marker was content after all */
	for (size_t i = 0; i < d->end_match; i++)
		paste_content(d, paste_end[i]);
	d->end_match = 0;
	if (b == paste_end[0])
		d->end_match = 1;
	else
		paste_content(d, b);
}

static void feed_byte(struct input_decoder *d, unsigned char b, long long now,
		      struct input_events *out)
{
	switch (d->state) {
	case GROUND: ground(d, b, now, out); return;
	case ESCAPE: escape(d, b, now, out); return;
	case SEQUENCE: sequence(d, b, now, out); return;
	case STRING: string(d, b, now, out); return;
	case PASTE: paste(d, b, now, out); return;
	}
}

/* ---- time ---- */

long long input_deadline(const struct input_decoder *d)
{
	switch (d->state) {
	case ESCAPE: return d->last + d->escdelay;
	case SEQUENCE: case STRING: case PASTE: return d->last + INPUT_SEQUENCE_GAP + 1;
	case GROUND: break;
	}
	return d->mb_partial ? d->mb_since + INPUT_SEQUENCE_GAP + 1 : -1;
}

void input_tick(struct input_decoder *d, long long now, struct input_events *out)
{
	long long deadline = input_deadline(d);
	if (deadline < 0 || now < deadline)
		return;
	int code = 0;
	bool exact = false;
	switch (d->state) {
	case ESCAPE:
		emit_escapes(d, out, d->escapes);
		settle(d);
		d->esc_acted = true;
		return;
	case SEQUENCE:
		if (!d->seq_overflow)
			(void)lookup(d, &exact, &code);
		if (exact && !d->meta && !d->late)
			emit(d, out, INPUT_KEY, true, (wint_t)code);
		else
			emit(d, out, INPUT_UNKNOWN, false, 0);
		settle(d);
		return;
	case STRING:
		emit(d, out, INPUT_UNKNOWN, false, 0);
		settle(d);
		return;
	case PASTE:
		paste_done(d, out);
		return;
	case GROUND:
		d->mb_partial = false;
		memset(&d->mb, 0, sizeof d->mb);
		emit(d, out, INPUT_KEY, false, 0xFFFD);
		d->discard = false;
		return;
	}
}

void input_feed(struct input_decoder *d, const unsigned char *bytes, size_t n, long long now,
		struct input_events *out)
{
	input_tick(d, now, out);
	for (size_t i = 0; i < n; i++)
		feed_byte(d, bytes[i], now, out);
}

bool input_pending(const struct input_decoder *d)
{
	return d->state != GROUND || d->mb_partial;
}

void input_discard(struct input_decoder *d)
{
	d->discard = input_pending(d);
	/* (a lone Esc that acted stays noted: the rest of its sequence, if
	 * it comes, is still swallowed) */
}

/* ---- typing or a paste? ---- */

bool input_looks_pasted(const struct input_events *events, size_t from,
			bool (*binds)(void *context, wint_t key, bool is_code), void *context,
			bool breaks_are_text)
{
	size_t keys = 0;
	bool unbound = false, break_then_more = false, seen_break = false;
	for (size_t i = from; i < events->count; i++) {
		const struct input_event *e = &events->event[i];
		if (e->kind != INPUT_KEY)
			continue;
		keys++;
		break_then_more |= seen_break;
		unbound |= !binds(context, e->key, e->is_code);
		seen_break |= !e->is_code && (e->key == L'\r' || e->key == L'\n');
	}
	return keys > 3 && (unbound || (!breaks_are_text && break_then_more));
}
