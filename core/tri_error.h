/* tri_error: an error value carrying a message for people.
 *
 * core/ never prints: a failing function fills a caller-owned tri_error and
 * returns -1; the front end decides how to show the message.  Messages name
 * the file, line and field where there is one, and say what was expected. */
#ifndef TRI_ERROR_H
#define TRI_ERROR_H

#define TRI_ERROR_MAX 1024

struct tri_error {
	char message[TRI_ERROR_MAX];
};

/* Set err's message (printf-style).  err may be NULL: the message is dropped.
 * A message longer than TRI_ERROR_MAX is cut, never overflowed. */
void tri_error_set(struct tri_error *err, const char *format, ...)
	__attribute__((format(printf, 2, 3)));

#endif
