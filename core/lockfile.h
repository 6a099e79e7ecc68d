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

/* Release the lock and remove the lock file.  Accepts NULL. */
void lockfile_destroy(struct lockfile *lock);

#endif
