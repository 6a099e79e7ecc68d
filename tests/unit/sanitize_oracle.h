/* What every output of sanitize_bytes must be, whatever its input: valid
 * UTF-8, free of every character a terminal acts on or that reorders
 * text, and readable back to the exact input (so the visible form is
 * unambiguous).  Shared by the unit test and the fuzz harnesses; include
 * once. */
#ifndef SANITIZE_ORACLE_H
#define SANITIZE_ORACLE_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "sanitize.h"

/* The first character of out that must never be sent, or NULL. */
static const uint8_t *oracle_forbidden(const char *out, unsigned flags)
{
	size_t size = strlen(out);
	const uint8_t *s = (const uint8_t *)out;
	if (u8_check(s, size))
		return u8_check(s, size);
	for (size_t i = 0; i < size;) {
		ucs4_t cp;
		int n = u8_mbtoucr(&cp, s + i, size - i);
		bool line = cp == '\n' || cp == '\t' || (cp == '\r' && (flags & SANITIZE_CSV_FIELD));
		if ((cp < 0x20 && !line) || (cp >= 0x7F && cp <= 0x9F) ||
		    (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069))
			return s + i;
		i += (size_t)n;
	}
	return NULL;
}

static int oracle_hex(const char *s, size_t digits, unsigned long *value)
{
	char buffer[8] = {0};
	for (size_t i = 0; i < digits; i++) {
		if (!strchr("0123456789abcdef", s[i]) || !s[i])
			return -1;
		buffer[i] = s[i];
	}
	*value = strtoul(buffer, NULL, 16);
	return 0;
}

/* Read a visible form back to the bytes it shows (a new heap buffer of
 * *size bytes). */
static char *oracle_read_back(const char *shown, size_t *size)
{
	size_t len = strlen(shown), n = 0;
	char *out = malloc(len + 1);
	if (!out)
		abort();
	for (size_t i = 0; i < len;) {
		unsigned long v;
		if (shown[i] != '\\' || i + 1 >= len) {
			out[n++] = shown[i++];
		} else if (shown[i + 1] == '\\') {
			out[n++] = '\\';
			i += 2;
		} else if (shown[i + 1] == 'e') {
			out[n++] = 0x1B;
			i += 2;
		} else if (shown[i + 1] == 'x' && oracle_hex(shown + i + 2, 2, &v) == 0) {
			out[n++] = (char)v;
			i += 4;
		} else if (shown[i + 1] == 'u' && oracle_hex(shown + i + 2, 4, &v) == 0) {
			int k = u8_uctomb((uint8_t *)out + n, (ucs4_t)v, 4); /* 6 chars in, <= 3 out */
			n += k > 0 ? (size_t)k : 0;
			i += 6;
		} else {
			out[n++] = shown[i++];
		}
	}
	*size = n;
	return out;
}

/* Check sanitize_bytes on data (size bytes) with flags; NULL when every
 * property holds, else what failed (static storage). */
static const char *oracle_check(const char *data, size_t size, unsigned flags)
{
	char *shown = sanitize_bytes(data, size, flags);
	if (!shown)
		return "out of memory";
	const uint8_t *bad = oracle_forbidden(shown, flags);
	if (bad) {
		static char why[160];
		snprintf(why, sizeof why, "byte 0x%02X at %zu of the output is sent raw",
			 *bad, (size_t)(bad - (const uint8_t *)shown));
		free(shown);
		return why;
	}
	/* Read back, it is the input (in text, with CRLF as LF). */
	char *expected = malloc(size + 1);
	if (!expected)
		abort();
	size_t want = 0;
	for (size_t i = 0; i < size; i++)
		if (flags & SANITIZE_CSV_FIELD || data[i] != '\r' || i + 1 >= size || data[i + 1] != '\n')
			expected[want++] = data[i];
	size_t got;
	char *back = oracle_read_back(shown, &got);
	const char *result = got == want && memcmp(back, expected, want) == 0 ? NULL
			     : "the visible form does not read back to the input";
	free(back);
	free(expected);
	free(shown);
	return result;
}

#endif
