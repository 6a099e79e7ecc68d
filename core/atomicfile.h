/* atomicfile: write a file so that a crash at any instant leaves one
 * complete file, never a torn one, and a save keeps what the file is.
 *
 * Temporary files are named ".NAME.tri-assess-XXXXXX" (a name no person
 * would choose), created exclusively (O_EXCL, so no symlink is ever
 * followed) in the directory of the file, flushed and fsync'd.
 *
 * Two ways to save an existing file (atomicfile_save):
 * - rename: when the new file can carry everything the old one has (its
 *   owner, group, mode and POSIX ACL, set with fchown/fchmod/fsetxattr,
 *   and a single link), the temporary file is renamed over it;
 * - in place: otherwise (a colleague's file in a shared folder, a file with
 *   hard links) the new contents first go to a journal beside it,
 *   ".NAME.tri-assess.journal" (a complete copy, fsync'd, renamed into
 *   place), then over the file itself, which is fsync'd before the journal
 *   is removed.  The inode, and so its owner, mode, ACL and links, stay.  A
 *   journal found later is the complete version of an interrupted save:
 *   atomicfile_recover puts it in place; readers read it (fileid_read). */
#ifndef ATOMICFILE_H
#define ATOMICFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/stat.h>

#include "tri_error.h"

/* Writes the whole contents to out; returns 0, or -1 with err filled.
 * Stream errors (errno) are caught by atomicfile_replace as well. */
typedef int (*atomicfile_writer)(FILE *out, void *context, struct tri_error *err);

/* Replace path with what write() produces, never following a link at
 * path (a symlink there is itself replaced).  With exclusive, refuse if
 * path already exists (the check and the creation are one atomic link()).
 * An existing file keeps its permission bits; a new file gets 0666 less
 * the umask; neither is ever world-writable.  On failure the temporary
 * file is removed, path is untouched, and err says why (disk full,
 * permission denied, file size limit, ...).  For outputs and new files;
 * an assessment being worked on is saved with atomicfile_save. */
int atomicfile_replace(const char *path, bool exclusive, atomicfile_writer write,
		       void *context, struct tri_error *err);

/* Render what write() produces into a new heap buffer (caller frees
 * *data).  Returns 0, or -1 with err filled. */
int atomicfile_render(atomicfile_writer write, void *context, char **data, size_t *size,
		      struct tri_error *err);

enum atomicfile_method { ATOMICFILE_CREATED, ATOMICFILE_RENAMED, ATOMICFILE_IN_PLACE };

/* Save data[0..size) as the file at path, which must be the file's real
 * path (no symlink in its last component).  A missing file is created
 * exclusively (0666 less the umask, never world-writable).  An existing
 * regular file keeps its owner, group, mode, ACL and hard links: by rename
 * where the new file can carry them all, else in place behind a journal
 * (see above).  Fills *method and *after (the file's stat as written; both
 * may be NULL).  Returns 0, or -1 with err filled and the file as it was
 * (an in-place write that fails is rolled back; if even that fails, the
 * journal keeps the complete new version and err says so). */
int atomicfile_save(const char *path, const char *data, size_t size,
		    enum atomicfile_method *method, struct stat *after, struct tri_error *err);

enum atomicfile_recovery { ATOMICFILE_NO_JOURNAL, ATOMICFILE_JOURNAL_DISCARDED,
			   ATOMICFILE_JOURNAL_RESTORED };

/* Finish a save that was interrupted: if path has a journal, put its
 * complete contents in place (unless the file already holds them) and
 * remove it.  Call only while holding the file's lock.  Returns what it
 * did, or -1 with err filled (the journal is then left alone). */
int atomicfile_recover(const char *path, struct tri_error *err);

/* Remove temporary files that a killed writer left beside path (named
 * ".NAME.tri-assess-XXXXXX", exactly).  Call only while holding the file's
 * lock (lockfile), so no live writer owns them.  No other file is ever
 * removed.  Returns how many were removed. */
int atomicfile_remove_stale(const char *path);

/* For tests only: when set, called between the steps of a save with the
 * step's number (see atomicfile.c), so a test can kill the process there.
 * NULL (inert) in the program. */
extern void (*atomicfile_fault_hook)(int step);

#endif
