#include "sanitize.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

/* Code points that are never sent as they are (see sanitize.h). */
static bool forbidden(uint32_t cp)
{
	return (cp < 0x20 && cp != '\n' && cp != '\t') || (cp >= 0x7F && cp <= 0x9F) ||
	       (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

const char *sanitize_code_point(uint32_t cp, char *buffer)
{
	if (!forbidden(cp))
		return NULL;
	if (cp == 0x1B)
		snprintf(buffer, SANITIZE_FORM_MAX, "\\e");
	else if (cp < 0x80)
		snprintf(buffer, SANITIZE_FORM_MAX, "\\x%02x", (unsigned)cp);
	else
		snprintf(buffer, SANITIZE_FORM_MAX, "\\u%04x", (unsigned)cp & 0xFFFFu); /* <= U+2069 */
	return buffer;
}

/* One unit of input (a byte, a character, or CRLF) and how it is shown. */
struct unit {
	size_t length;      /* input bytes it takes */
	const char *shown;  /* its visible form, or NULL: copy the input bytes */
	char form[SANITIZE_FORM_MAX];
};

static void next_unit(const unsigned char *s, size_t left, unsigned flags, struct unit *u)
{
	u->length = 1;
	u->shown = NULL;
	if (s[0] == '\r' && !(flags & SANITIZE_CSV_FIELD)) {
		if (left > 1 && s[1] == '\n') {
			u->length = 2;  /* CRLF: the line break alone */
			u->shown = "\n";
		} else {
			u->shown = "\\x0d";
		}
		return;
	}
	if (s[0] == '\r' || s[0] == '\n')
		return;
	if (s[0] < 0x80) {
		u->shown = sanitize_code_point(s[0], u->form);
		return;
	}
	ucs4_t cp;
	int n = u8_mbtoucr(&cp, s, left);
	if (n < 1) {
		snprintf(u->form, sizeof u->form, "\\x%02x", s[0]);
		u->shown = u->form;
		return;
	}
	u->length = (size_t)n;
	u->shown = sanitize_code_point(cp, u->form);
}

/* A backslash is doubled where the text after it would read as a form:
 * before e, x, u, a backslash, or anything shown as a form. */
static bool backslash_needs_doubling(const unsigned char *rest, size_t left, unsigned flags)
{
	if (left == 0)
		return false;
	if (rest[0] == 'e' || rest[0] == 'x' || rest[0] == 'u' || rest[0] == '\\')
		return true;
	struct unit next;
	next_unit(rest, left, flags, &next);
	return next.shown && next.shown[0] == '\\';
}

char *sanitize_bytes(const char *data, size_t size, unsigned flags)
{
	const unsigned char *s = (const unsigned char *)data;
	/* An input byte becomes at most 4 output bytes ("\x01" from one;
	 * "\u0080" takes two, "\u202e" three). */
	if (size > (SIZE_MAX - 1) / 4)
		return NULL;
	char *out = malloc(size * 4 + 1);
	if (!out)
		return NULL;
	size_t used = 0;
	for (size_t i = 0; i < size;) {
		if (s[i] >= 0x20 && s[i] < 0x7F) {
			out[used++] = (char)s[i];
			if (s[i] == '\\' && backslash_needs_doubling(s + i + 1, size - i - 1, flags))
				out[used++] = '\\';
			i++;
			continue;
		}
		struct unit u;
		next_unit(s + i, size - i, flags, &u);
		if (u.shown) {
			size_t n = strlen(u.shown);
			memcpy(out + used, u.shown, n);
			used += n;
		} else {
			memcpy(out + used, s + i, u.length);
			used += u.length;
		}
		i += u.length;
	}
	out[used] = '\0';
	return out;
}

char *sanitize_text(const char *text, unsigned flags)
{
	return sanitize_bytes(text, strlen(text), flags);
}

char *sanitize_vformat(const char *format, va_list args)
{
	va_list again;
	va_copy(again, args);
	int n = vsnprintf(NULL, 0, format, args);
	char *raw = n >= 0 ? malloc((size_t)n + 1) : NULL;
	if (raw)
		vsnprintf(raw, (size_t)n + 1, format, again);
	va_end(again);
	if (!raw)
		return NULL;
	char *shown = sanitize_bytes(raw, (size_t)n, SANITIZE_TEXT);
	free(raw);
	return shown;
}
