#include "spreadsheet.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

int spreadsheet_note(struct spreadsheet_notes *notes, bool warning, const char *format, ...)
{
	if (notes->count == notes->capacity) {
		size_t capacity = notes->capacity ? notes->capacity * 2 : 8;
		struct spreadsheet_note *grown = realloc(notes->items, capacity * sizeof *grown);
		if (!grown)
			return -1;
		notes->items = grown;
		notes->capacity = capacity;
	}
	va_list args;
	va_start(args, format);
	int length = vsnprintf(NULL, 0, format, args);
	va_end(args);
	struct spreadsheet_note *note = &notes->items[notes->count];
	note->warning = warning;
	note->text = length < 0 ? NULL : malloc((size_t)length + 1);
	if (!note->text)
		return -1;
	va_start(args, format);
	vsnprintf(note->text, (size_t)length + 1, format, args);
	va_end(args);
	notes->count++;
	return 0;
}

void spreadsheet_notes_finish(struct spreadsheet_notes *notes)
{
	for (size_t i = 0; i < notes->count; i++)
		free(notes->items[i].text);
	free(notes->items);
	*notes = (struct spreadsheet_notes){0};
}

size_t spreadsheet_warnings(const struct spreadsheet_notes *notes)
{
	size_t n = 0;
	for (size_t i = 0; i < notes->count; i++)
		n += notes->items[i].warning;
	return n;
}

/* text without the blanks around it, as [*start, *end). */
static void span(const char *text, const char **start, const char **end)
{
	while (*text == ' ' || *text == '\t')
		text++;
	const char *stop = text + strlen(text);
	while (stop > text && (stop[-1] == ' ' || stop[-1] == '\t'))
		stop--;
	*start = text;
	*end = stop;
}

/* Digits at *s (at most max of them), their value in *value; returns how
 * many, and moves *s past them. */
static int digits(const char **s, const char *end, int max, int *value)
{
	int n = 0;
	*value = 0;
	while (*s < end && isdigit((unsigned char)**s) && n < max + 1) {
		*value = *value * 10 + (**s - '0');
		(*s)++;
		n++;
	}
	return n;
}

static bool real_day(int year, int month, int day)
{
	static const int days[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (month < 1 || month > 12 || day < 1 || day > days[month - 1])
		return false;
	bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
	return !(month == 2 && day == 29 && !leap);
}

/* A numeric date of three parts, first and second of 1-2 digits, the
 * third of 2 or 4, one separator from seps between them. */
struct numeric_date {
	int first, second, year;
	bool two_digit_year;
};

static bool numeric_date(const char *start, const char *end, const char *seps,
			 struct numeric_date *d)
{
	const char *s = start;
	int n1 = digits(&s, end, 2, &d->first);
	if (n1 < 1 || n1 > 2 || s >= end || !strchr(seps, *s))
		return false;
	char sep = *s++;
	int n2 = digits(&s, end, 2, &d->second);
	if (n2 < 1 || n2 > 2 || s >= end || *s != sep)
		return false;
	s++;
	int n3 = digits(&s, end, 4, &d->year);
	if ((n3 != 2 && n3 != 4) || s != end)
		return false;
	d->two_digit_year = n3 == 2;
	if (d->two_digit_year)
		d->year += 2000;
	return true;
}

bool spreadsheet_uk_date(const char *text, char iso[11], bool *two_digit_year)
{
	const char *start, *end;
	span(text, &start, &end);
	struct numeric_date d;
	if (!numeric_date(start, end, "/.-", &d) || d.year < 1900 ||
	    !real_day(d.year, d.second, d.first))
		return false;
	char formatted[32]; /* the parts are checked: always ten characters */
	snprintf(formatted, sizeof formatted, "%04d-%02d-%02d", d.year % 10000, d.second,
		 d.first);
	memcpy(iso, formatted, 11);
	if (two_digit_year)
		*two_digit_year = d.two_digit_year;
	return true;
}

static const char *const months[] = {
	"january", "february", "march", "april", "may", "june", "july", "august",
	"september", "october", "november", "december",
};

/* The month token s[0..n) names: its full English name or its first three
 * (or, for September, four) letters.  Returns 1-12, or 0. */
static int month_token(const char *s, size_t n)
{
	for (int m = 0; m < 12; m++) {
		size_t full = strlen(months[m]);
		if ((n == full || n == 3 || (m == 8 && n == 4)) && n <= full &&
		    strncasecmp(s, months[m], n) == 0)
			return m + 1;
	}
	return 0;
}

/* Excel's forms for a cell it took for a date: Mon-YY, D-Mon, D-Mon-YY,
 * D-Mon-YYYY (as its default formats show them). */
static bool excel_month_date(const char *start, const char *end)
{
	const char *s = start;
	int day = 0, year;
	int n = digits(&s, end, 2, &day);
	if (n > 2 || (n > 0 && (s >= end || *s++ != '-')))
		return false;
	const char *word = s;
	while (s < end && isalpha((unsigned char)*s))
		s++;
	if (!month_token(word, (size_t)(s - word)) || s - word != 3)
		return false;
	if (s == end)
		return n > 0 && day >= 1 && day <= 31;
	if (*s++ != '-')
		return false;
	int ny = digits(&s, end, 4, &year);
	return (ny == 2 || ny == 4) && s == end && (n == 0 || (day >= 1 && day <= 31));
}

bool spreadsheet_bare_date(const char *text)
{
	/* at once for most text: a date starts with a digit or a month's
	 * first letter, and is short */
	while (*text == ' ' || *text == '\t')
		text++;
	bool digit = isdigit((unsigned char)*text);
	if (!*text || (digit ? !isdigit((unsigned char)text[1]) && !strchr("/.-", text[1])
			     : !strchr("JFMASONDjfmasond", *text) || !text[1] || !text[2] ||
			       text[3] != '-'))
		return false; /* neither 1/, 12, 1-, 01. ... nor Mar- */
	if (strnlen(text, 64) == 64)
		return false;
	const char *start, *end;
	span(text, &start, &end);
	struct numeric_date d;
	if (numeric_date(start, end, "/.-", &d))
		return real_day(d.year, d.second, d.first) || real_day(d.year, d.first, d.second);
	return excel_month_date(start, end);
}

/* A date or time in words or numbers, as a spreadsheet would take it:
 * tokens (split at blanks, - / , .) that are numbers, ordinals (1st) or
 * month names, at least one number and one month; or digits joined by
 * / or - (1/2, 03/01/27), or by . with a year; or a time (12:30). */
static bool date_or_time(const char *start, const char *end)
{
	struct numeric_date d;
	if (numeric_date(start, end, ".", &d))
		return true;
	const char *s = start;
	int value;
	int n1 = digits(&s, end, 4, &value);
	if (n1 >= 1 && n1 <= 4 && s < end && (*s == '/' || *s == '-')) {
		char sep = *s++;
		int n2 = digits(&s, end, 2, &value);
		if (n2 >= 1 && n2 <= 2 && s == end)
			return true;
		if (n2 >= 1 && n2 <= 2 && *s == sep) {
			s++;
			int n3 = digits(&s, end, 4, &value);
			bool iso = n1 == 4 && n2 == 2 && n3 == 2 && sep == '-';
			return n3 >= 1 && n3 <= 4 && s == end && !iso;
		}
	}
	s = start;
	if (digits(&s, end, 2, &value) >= 1 && s < end && *s == ':') {
		s++;
		if (digits(&s, end, 2, &value) != 2)
			return false;
		if (s < end && *s == ':' && (s++, digits(&s, end, 2, &value) != 2))
			return false;
		while (s < end && *s == ' ')
			s++;
		return s == end || (end - s == 2 && (strncasecmp(s, "am", 2) == 0 ||
						     strncasecmp(s, "pm", 2) == 0));
	}
	int numbers = 0, month_names = 0, tokens = 0;
	for (s = start; s < end;) {
		while (s < end && strchr(" -/,.", *s))
			s++;
		const char *token = s;
		while (s < end && !strchr(" -/,.", *s))
			s++;
		size_t n = (size_t)(s - token);
		if (n == 0)
			break;
		size_t lead = 0;
		while (lead < n && isdigit((unsigned char)token[lead]))
			lead++;
		bool ordinal = lead > 0 && lead <= 2 && n == lead + 2 &&
			       (strncasecmp(token + lead, "st", 2) == 0 ||
				strncasecmp(token + lead, "nd", 2) == 0 ||
				strncasecmp(token + lead, "rd", 2) == 0 ||
				strncasecmp(token + lead, "th", 2) == 0);
		if ((lead == n && n <= 4) || ordinal)
			numbers++;
		else if (month_token(token, n))
			month_names++;
		else
			return false;
		tokens++;
	}
	return numbers > 0 && month_names > 0 && tokens <= 4;
}

/* A number a spreadsheet would write back differently: grouping commas,
 * an exponent, a currency sign, a bare or trailing decimal point, leading
 * zeros, trailing zeros after the point, more than 15 digits. */
static bool number_changes(const char *start, const char *end)
{
	const char *s = start;
	bool currency = false;
	if (end - s >= 2 && (unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA3) {
		currency = true; /* £ */
		s += 2;
	} else if (end - s >= 3 && memcmp(s, "\xE2\x82\xAC", 3) == 0) {
		currency = true; /* € */
		s += 3;
	} else if (s < end && *s == '$') {
		currency = true;
		s++;
	}
	const char *int_start = s;
	size_t significant = 0;
	bool grouped = false;
	while (s < end && (isdigit((unsigned char)*s) || (*s == ',' && s > int_start))) {
		grouped |= *s == ',';
		significant += *s != ',';
		s++;
	}
	size_t int_digits = (size_t)(s - int_start);
	bool point = s < end && *s == '.';
	size_t fraction = 0;
	char last = 0;
	if (point) {
		for (s++; s < end && isdigit((unsigned char)*s); s++, fraction++)
			last = *s;
	}
	bool exponent = false;
	if (s < end && (*s == 'e' || *s == 'E') && int_digits + fraction > 0) {
		const char *e = s + 1;
		if (e < end && (*e == '+' || *e == '-'))
			e++;
		if (e < end && isdigit((unsigned char)*e)) {
			while (e < end && isdigit((unsigned char)*e))
				e++;
			exponent = true;
			s = e;
		}
	}
	if (s < end && *s == '%')
		s++;
	if (s != end || int_digits + fraction == 0)
		return false;
	bool leading_zero = int_digits > 1 && *int_start == '0';
	return currency || grouped || exponent || leading_zero || (point && fraction == 0) ||
	       (point && int_digits == 0) || (fraction && last == '0') ||
	       significant + fraction > 15;
}

bool spreadsheet_would_change(const char *text)
{
	if (strpbrk(text, "\r\n"))
		return false; /* a spreadsheet keeps text with line breaks as text */
	const char *start, *end;
	span(text, &start, &end);
	if (start == end)
		return false;
	size_t n = (size_t)(end - start);
	if ((n == 4 && strncasecmp(start, "true", 4) == 0) ||
	    (n == 5 && strncasecmp(start, "false", 5) == 0))
		return true;
	return number_changes(start, end) || date_or_time(start, end);
}

bool spreadsheet_number_key(const char *text, char *key, size_t size)
{
	const char *start, *end;
	span(text, &start, &end);
	const char *s = start;
	while (s < end && isdigit((unsigned char)*s))
		s++;
	const char *int_end = s;
	const char *frac = s, *frac_end = s;
	if (s < end && *s == '.') {
		frac = ++s;
		while (s < end && isdigit((unsigned char)*s))
			s++;
		frac_end = s;
		if (frac_end == frac)
			return false;
	}
	if (s != end || int_end == start)
		return false;
	while (start + 1 < int_end && *start == '0')
		start++;
	while (frac_end > frac && frac_end[-1] == '0')
		frac_end--;
	int length = frac_end > frac
		? snprintf(key, size, "%.*s.%.*s", (int)(int_end - start), start,
			   (int)(frac_end - frac), frac)
		: snprintf(key, size, "%.*s", (int)(int_end - start), start);
	return length >= 0 && (size_t)length < size;
}
