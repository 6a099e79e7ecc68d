/* spreadsheet: what Excel, LibreOffice Calc and other spreadsheets do to
 * the text of a CSV file they open and save again (docs/file-formats.md,
 * "Spreadsheets"), recognised so that loading can repair or question it,
 * and the list of what loading repaired and doubts.
 *
 * Pure text functions: no I/O, no global state, no framework. */
#ifndef SPREADSHEET_H
#define SPREADSHEET_H

#include <stdbool.h>
#include <stddef.h>

/* One thing loading repaired (a Windows-1252 file converted, an id a
 * spreadsheet made a number read back as the id it was) or doubts (a
 * points value that disagrees with the level, a text that came back as a
 * date).  The text names file, line and spreadsheet row. */
struct spreadsheet_note {
	bool warning;   /* a doubt the user should check, not a repair */
	char *text;     /* owned */
};

struct spreadsheet_notes {
	struct spreadsheet_note *items;
	size_t count, capacity;
};

/* Append a note (printf-style).  Returns 0, or -1 when out of memory
 * (the list is left as it was). */
int spreadsheet_note(struct spreadsheet_notes *notes, bool warning, const char *format, ...)
	__attribute__((format(printf, 3, 4)));

/* Free the notes; the struct is the caller's and is left empty. */
void spreadsheet_notes_finish(struct spreadsheet_notes *notes);

/* How many notes are warnings. */
size_t spreadsheet_warnings(const struct spreadsheet_notes *notes);

/* Read text as a date in the day-first order UK spreadsheets write:
 * D/M/YYYY, DD/MM/YYYY, D/M/YY or DD/MM/YY (a two-digit year is 20YY;
 * "/", "." or "-" between the parts).  On success fills iso with
 * "YYYY-MM-DD" and *two_digit_year (may be NULL), and returns true; false
 * when text is no such date, or names no real day (31/02/2026, a month
 * above 12 such as the US order's 11/24/2026). */
bool spreadsheet_uk_date(const char *text, char iso[11], bool *two_digit_year);

/* True if text, as a whole (blanks around it aside), is a date in a form
 * a spreadsheet writes for a cell it took for a date, and a person rarely
 * types as free text: 03/01/27, 01/03/2027, 24.11.2026 (with a year), or
 * Excel's Mar-27, 1-Mar-27, 01-Mar-2027.  ISO dates (2027-03-01) are not:
 * a spreadsheet keeps them as they are. */
bool spreadsheet_bare_date(const char *text);

/* True if a spreadsheet opening text as a CSV field could take it for a
 * number, date, time or truth value and write back something else:
 * 6.10 (written back 6.1), 007, 1,000, 1e5, .5, March 2027, 1 March,
 * 03/01/27, 1/2, 12:30, true.  Such fields are written quoted, which
 * LibreOffice keeps as text when "Format quoted field as text" is set.
 * Canonical numbers (1.1, 14, 0.5) and ISO dates round-trip unchanged and
 * are not flagged. */
bool spreadsheet_would_change(const char *text);

/* The value of text read as a decimal number, as a canonical key: "6.10"
 * and "6.1" both give "6.1", "007" gives "7".  Returns false when text is
 * not digits with at most one decimal point (or the key does not fit). */
bool spreadsheet_number_key(const char *text, char *key, size_t size);

#endif
