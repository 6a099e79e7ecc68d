/* lockfile: one writer per assessment file.
 *
 * The lock is an flock(2) on ".NAME.lock" beside the file, so the kernel
 * releases it when the holder exits or is killed: a lock left by a killed
 * process never blocks anyone.  The holder's pid and host are written in it
 * so a refusal can say who holds it. */
#ifndef LOCKFILE_H
#define LOCKFILE_H

#include "tri_error.h"

struct lockfile;

/* Take the lock for path.  Returns a new lock (release with
 * lockfile_destroy), or NULL with err saying who holds it or why it could
 * not be taken. */
struct lockfile *lockfile_create(const char *path, struct tri_error *err);

/* Release the lock and remove the lock file.  Accepts NULL. */
void lockfile_destroy(struct lockfile *lock);

#endif
