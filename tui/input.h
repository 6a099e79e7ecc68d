/* input: the one input decoder every screen shares.  Bytes read from the
 * terminal, each read with its arrival time in milliseconds, go in; events
 * come out: a key (a character, or a key code for an escape sequence the
 * decoder knows), a text (a bracketed paste), or an unknown sequence that
 * was swallowed whole.  Pure: no curses, no clock, no terminal; the caller
 * says what time it is, so a test can drive it with a fake clock.
 *
 * The rules (docs/reliability.md):
 * - A lone Esc is a key once escdelay ms pass with nothing after it.
 * - ESC then [, O, ] or P starts a sequence; so does ESC then a byte that
 *   continues a registered sequence.  Bytes of a sequence may arrive up
 *   to 1 s apart; it ends at its final byte (CSI, SS3) or at its
 *   terminator (OSC, DCS: BEL or ESC \).  A registered sequence is its key,
 *   once; anything else is one INPUT_UNKNOWN; no byte of it is a key.
 * - [, O, ] or P (or a byte that continues a registered sequence)
 *   arriving within 1 s of an Esc byte that has already acted alone (a
 *   sequence split by a slow link) starts a sequence that is swallowed
 *   whatever it is: its head has acted already.
 * - ESC [ 200 ~ ... ESC [ 201 ~ is one INPUT_TEXT: CR LF, CR and LF are
 *   each one line break (L'\n'), Tab stays, other control characters are
 *   dropped.  A paste with no end marker ends after 1 s of silence.
 * - Other bytes are characters in the locale's encoding (mbrtowc); an
 *   invalid or unfinished one is U+FFFD. */
#ifndef INPUT_H
#define INPUT_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

#define INPUT_ESCDELAY_DEFAULT 100 /* ms */
#define INPUT_ESCDELAY_MAX 1000
#define INPUT_SEQUENCE_GAP 1000    /* ms a sequence may pause between bytes */

enum input_kind {
	INPUT_KEY,     /* key (a character, or a code when is_code) */
	INPUT_TEXT,    /* text, length characters, NUL-terminated */
	INPUT_UNKNOWN, /* a sequence nobody registered, swallowed */
};

struct input_event {
	enum input_kind kind;
	bool is_code;
	wint_t key;
	wchar_t *text; /* INPUT_TEXT: owned by the event list */
	size_t length;
};

/* A caller-owned list of events; input_events_finish frees it. */
struct input_events {
	struct input_event *event;
	size_t count, capacity;
};

struct input_decoder;

/* A decoder whose lone Esc waits escdelay ms (clamped to 0..1000).
 * Returns NULL when out of memory; input_destroy frees it. */
struct input_decoder *input_create(int escdelay);

/* Free the decoder; accepts NULL. */
void input_destroy(struct input_decoder *decoder);

/* Register the escape sequence seq (it must begin with ESC; other strings
 * are ignored) as key code.  The first registration of a sequence wins
 * (so terminfo is registered before the common forms).  Returns 0, or -1
 * when out of memory. */
int input_add_key(struct input_decoder *decoder, const char *seq, int code);

/* Decode n bytes that arrived at now (ms, any monotonic origin, never
 * decreasing), appending events to out.  Whatever timed out before now
 * is decoded first (as input_tick would). */
void input_feed(struct input_decoder *decoder, const unsigned char *bytes, size_t n,
		long long now, struct input_events *out);

/* Decode what has timed out by now (a lone Esc, a sequence or paste that
 * stopped), appending to out. */
void input_tick(struct input_decoder *decoder, long long now, struct input_events *out);

/* When input_tick must next be called (ms, same origin), or -1 when
 * nothing is waiting. */
long long input_deadline(const struct input_decoder *decoder);

/* True while part of a key, sequence, character or paste is held. */
bool input_pending(const struct input_decoder *decoder);

/* Whatever is held now (a sequence or paste half received) produces no
 * event when it completes: for keys typed ahead that are being thrown
 * away. */
void input_discard(struct input_decoder *decoder);

/* ESCDELAY from the environment's value (NULL or invalid: the default). */
int input_escdelay(const char *value);

/* Append an event (text is copied).  Returns 0, or -1 when out of memory. */
int input_events_add(struct input_events *events, enum input_kind kind, bool is_code,
		     wint_t key, const wchar_t *text, size_t length);

/* Empty the list (freeing texts), keeping its storage. */
void input_events_clear(struct input_events *events);

/* Free the list's storage; the list is empty and reusable afterwards. */
void input_events_finish(struct input_events *events);

/* Whether one read's events, from index from, look like a paste rather
 * than typing (judged by keys, not bytes): more than 3 keys
 * and among them a key the screen does not bind (binds() false), or a
 * line break followed by more keys when line breaks are not text here
 * (breaks_are_text false).  binds() is asked about key events only. */
bool input_looks_pasted(const struct input_events *events, size_t from,
			bool (*binds)(void *context, wint_t key, bool is_code), void *context,
			bool breaks_are_text);

#endif
