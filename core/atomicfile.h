/* atomicfile: replace a file so that a crash at any instant leaves either
 * the old contents or the new, never a torn file.
 *
 * The new contents go to a temporary file created exclusively (O_EXCL, so
 * no symlink is ever followed) in the same directory; it is flushed,
 * fsync'd, and renamed over the target; then the directory is fsync'd. */
#ifndef ATOMICFILE_H
#define ATOMICFILE_H

#include <stdbool.h>
#include <stdio.h>

#include "tri_error.h"

/* Writes the whole contents to out; returns 0, or -1 with err filled.
 * Stream errors (errno) are caught by atomicfile_replace as well. */
typedef int (*atomicfile_writer)(FILE *out, void *context, struct tri_error *err);

/* Replace path with what write() produces.  With exclusive, refuse if path
 * already exists (the check and the creation are one atomic link()).
 * An existing file keeps its permission bits; a new file gets 0666 less
 * the umask; neither is ever world-writable.  On failure the temporary
 * file is removed, path is untouched, and err says why (disk full,
 * permission denied, file size limit, ...). */
int atomicfile_replace(const char *path, bool exclusive, atomicfile_writer write,
		       void *context, struct tri_error *err);

/* Remove temporary files that a killed writer left beside path (named
 * ".NAME.XXXXXX" by atomicfile_replace).  Call only while holding the
 * file's lock (lockfile), so no live writer owns them.  Returns how many
 * were removed. */
int atomicfile_remove_stale(const char *path);

#endif
