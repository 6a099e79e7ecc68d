/* organisation: when two assessments are of the same organisation.
 *
 * Names come from files typed by different people and spreadsheets: the
 * same authority may be "London Borough of Camden", "london borough of
 * camden " or written with a decomposed accent.  One definition, used by
 * every command that groups or matches organisations: the name in Unicode
 * NFC, case-folded, with every run of white space one space and none at
 * either end (libunistring). */
#ifndef ORGANISATION_H
#define ORGANISATION_H

#include <stdbool.h>

/* The key two names share when they name the same organisation: a new
 * heap string the caller frees; "" for a name that is only white space.
 * name must be UTF-8 (assessment files are checked on loading).  NULL if
 * out of memory or name is not UTF-8. */
char *organisation_key(const char *name);

/* True if a and b name the same organisation (their keys are equal); false
 * also when either key cannot be made (out of memory, not UTF-8). */
bool organisation_same(const char *a, const char *b);

#endif
