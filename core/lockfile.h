/* lockfile: one writer per assessment file, whatever name it is opened by.
 *
 * The lock is an flock(2) on ".REALNAME.lock" beside the file's real path
 * (symlinks resolved by the caller), so the kernel releases it when the
 * holder exits or is killed.  It is created with the data file's group and
 * its mode less execute and world bits (0660 for a 0664 team file), so a
 * lock left by a killed holder is taken by any member of the group.  A file
 * with more than one hard link is also flocked itself: its other names
 * have other lock files, but one inode.  The lock file says who holds it
 * ("pid N on HOST user U") and, on a second line, the criterion the holder
 * is on (for followers). */
#ifndef LOCKFILE_H
#define LOCKFILE_H

#include <stdbool.h>
#include <stddef.h>

#include "tri_error.h"

struct lockfile;

/* Take the lock for real_path (the file need not exist yet).  Returns a
 * new lock (release with lockfile_destroy), or NULL with err saying who
 * holds it ("PATH is open in another tri-assess (pid N on HOST user U)")
 * or why it could not be taken. */
struct lockfile *lockfile_create(const char *real_path, struct tri_error *err);

/* Record the criterion the holder is on (the lock file's second line).
 * Best effort: a failure changes nothing else. */
void lockfile_set_current(struct lockfile *lock, const char *criterion);

/* Read real_path's lock file without taking the lock: its holder ("pid N
 * on HOST user U") and the criterion the holder is on ("2a.3", or ""),
 * into holder and current (NUL-terminated, cut to their sizes).  With
 * test_held, whether it is held is tested too (a shared flock attempt,
 * released at once).  Returns 1 when there is a lock file (held, when
 * tested), 0 when there is none (or it is not held), -1 when it cannot be
 * read.  For followers (clarifications rules 2 and 3). */
int lockfile_read(const char *real_path, bool test_held, char *holder, size_t holder_size,
		  char *current, size_t current_size);

/* Release the lock and remove the lock file.  Accepts NULL. */
void lockfile_destroy(struct lockfile *lock);

#endif
