/* sanitize: the safe visible form of text that came from a file, an
 * argument or the environment (docs/security.md, "Untrusted files").
 *
 * Every output path calls it, then escapes for its own format (HTML,
 * CSV, the screen): nothing a file holds can drive a terminal, reorder
 * what a room reads, or hide itself.  These are shown instead of sent:
 *
 *   ESC                                   \e
 *   other C0 controls but newline and tab, DEL
 *                                         \x01 ... \x1f, \x7f
 *   C1 controls U+0080-U+009F             \u0080 ... \u009f
 *   bidi embeddings, overrides, isolates  \u202a ... \u202e, \u2066 ... \u2069
 *   a byte that is not UTF-8              \x80 ... \xff
 *
 * So \xNN below 80 is a control character and from 80 a byte that is not
 * UTF-8 (never a C1 control, which is \u00NN).  A literal backslash stays
 * one backslash (a Windows path reads as it is), except where it would
 * otherwise start one of these forms: before e, x, u or another
 * backslash (or a character shown in one of these forms) it is doubled.
 * So the visible form can always be read back to the exact text.
 *
 * Pure: no I/O, no global state. */
#ifndef SANITIZE_H
#define SANITIZE_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

enum sanitize_flags {
	/* For people: newline and tab pass; a CR directly before a newline
	 * is part of that line break (spreadsheets write CRLF) and dropped;
	 * any other CR is shown as \x0d (it could overwrite a line). */
	SANITIZE_TEXT = 0,
	/* A CSV field's content: CR and LF both pass (the field is quoted). */
	SANITIZE_CSV_FIELD = 1,
};

/* The visible form of text (NUL-terminated), as a new heap string the
 * caller frees; NULL only when out of memory.  flags: SANITIZE_*. */
char *sanitize_text(const char *text, unsigned flags);

/* As sanitize_text for size bytes that may hold NUL (shown as \x00). */
char *sanitize_bytes(const char *data, size_t size, unsigned flags);

/* Format as vsnprintf does, then give the whole result its visible form:
 * the one step for human output (the format itself holds only printable
 * text, newline and tab).  A new heap string; NULL when out of memory. */
char *sanitize_vformat(const char *format, va_list args)
	__attribute__((format(printf, 1, 0)));

/* The visible form of one code point in text being edited (where each
 * character is kept apart): "\e", "\x07", "\u202e", written into buffer
 * (at least SANITIZE_FORM_MAX bytes) and returned; or NULL when the code
 * point is shown as it is.  Newline and tab return NULL: the caller lays
 * them out. */
#define SANITIZE_FORM_MAX 8
const char *sanitize_code_point(uint32_t code_point, char *buffer);

#endif
