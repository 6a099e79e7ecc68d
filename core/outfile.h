/* outfile: may tri-assess write this output file? (docs/security.md)
 *
 * Every writer of an output (report -o, the summary export, and any later
 * one) asks here first.  An output is never one of the command's inputs
 * (same device and inode, or the same resolved path): refused, no
 * override.  A file tri-assess recognises as its own output of the same
 * kind (a signature near its start) is replaced.  Any other existing file,
 * a symlink included, is the user's: the front end asks (default No) at a
 * terminal and refuses otherwise unless --force.  Only regular files are
 * replaced, only with write permission, and always atomically, never
 * following a link. */
#ifndef OUTFILE_H
#define OUTFILE_H

#include <stdbool.h>
#include <stddef.h>

#include "atomicfile.h"
#include "tri_error.h"

/* How tri-assess recognises its own output of one kind: text found at
 * the start (after a UTF-8 byte-order mark) or within the first 4 KiB. */
struct outfile_signature {
	const char *what;  /* "a tri-assess report", for messages */
	const char *text;
	bool at_start;
};

enum outfile_verdict {
	OUTFILE_NEW,      /* nothing there: created exclusively */
	OUTFILE_OURS,     /* tri-assess's own output of this kind: replaced */
	OUTFILE_OTHER,    /* someone's file: replace only when confirmed */
	OUTFILE_REFUSED,  /* an input, not a regular file, not writable */
};

/* Decide about path.  inputs (input_count, entries may be NULL) are the
 * files the command reads.  err says why for OUTFILE_REFUSED and what is
 * there for OUTFILE_OTHER ("PATH exists and is not a tri-assess report"). */
enum outfile_verdict outfile_check(const char *path, const struct outfile_signature *signature,
				   const char *const *inputs, size_t input_count,
				   struct tri_error *err);

/* Write path with what write() produces, as verdict allows: NEW is
 * created exclusively (a file that appeared meanwhile is not replaced),
 * OURS and a confirmed OTHER are replaced atomically (a symlink itself,
 * never its target); REFUSED fails.  Returns 0, or -1 with err filled. */
int outfile_write(const char *path, enum outfile_verdict verdict, atomicfile_writer write,
		  void *context, struct tri_error *err);

/* True if a and b name one file (device and inode, or resolved path). */
bool outfile_same_file(const char *a, const char *b);

#endif
