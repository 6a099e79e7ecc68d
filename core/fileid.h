/* fileid: what a file on disk is, and reading it safely.
 *
 * Only regular files are read: a named pipe, a device, a socket or a
 * directory given where a file is expected is refused at once, naming what
 * it is (the file is opened with O_NONBLOCK, so a FIFO never blocks, then
 * checked with fstat).  A file is "the same file" when its device and
 * inode agree; it is "unchanged" when its size and modification time (to
 * the nanosecond) agree as well.  Where those agree but the time is too
 * recent to trust (timestamps have a coarse tick), a content hash decides.
 *
 * Readers cooperate with an in-place save (atomicfile): a file whose
 * journal (".NAME.tri-assess.journal") is present, or whose size or time
 * changes while it is read, is being written; fileid_read retries for up to
 * a second, then reads the journal's complete copy instead. */
#ifndef FILEID_H
#define FILEID_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>
#include <time.h>

#include "tri_error.h"

struct fileid {
	bool exists;
	dev_t dev;
	ino_t ino;
	off_t size;
	struct timespec mtime;
	uint64_t hash;      /* of the content, when hashed is true */
	bool hashed;
	struct timespec seen; /* when this identity was taken (CLOCK_REALTIME) */
};

/* "a directory", "a named pipe (FIFO)", "a character device", ... for
 * messages; "a regular file" for a regular file. */
const char *fileid_kind(mode_t mode);

/* Open path for reading (extra_flags may add O_NOFOLLOW), refusing
 * anything but a regular file with "PATH is a named pipe (FIFO); expected
 * a regular file" in err.  Never blocks on a FIFO.  Fills *st (may be NULL)
 * and returns the descriptor (caller closes), or -1 with err filled. */
int fileid_open_regular(const char *path, int extra_flags, struct stat *st,
			struct tri_error *err);

/* May this process write the existing file at path (st: its stat)?  By
 * its mode, owner and ACL (access(2)), a read-only mount, and for root too
 * a file with no write bit at all (its owner made it read-only).  If not,
 * writes the reason into reason ("no write permission", "a read-only
 * mount", "mode 0444: no one may write it") and returns false. */
bool fileid_writable(const char *path, const struct stat *st, char *reason, size_t size);

/* The absolute path of path with every directory resolved (symlinks,
 * "..", "."); the last component is resolved too when follow_last and it
 * exists.  out has PATH_MAX bytes.  Returns 0, or -1 (errno set) when the
 * directory does not exist. */
int fileid_resolve(const char *path, bool follow_last, char *out);

/* The identity of what stat says (exists), without a hash. */
void fileid_from_stat(struct fileid *id, const struct stat *st);

/* The identity of the file at path now (following links); exists is false
 * when there is none.  Never reads its content. */
void fileid_of_path(struct fileid *id, const char *path);

/* True when a and b are one file: both exist, same device and inode. */
bool fileid_same_file(const struct fileid *a, const struct fileid *b);

/* True when a and b agree on device, inode, size and time.  Sets *doubt
 * (may be NULL) when they agree but the time was within the file system's
 * timestamp tick of when it was seen, so only a hash can tell. */
bool fileid_unchanged(const struct fileid *known, const struct fileid *now, bool *doubt);

/* A 64-bit FNV-1a hash of data (detects changes; not a defence against an
 * adversary, who can change the file anyway). */
uint64_t fileid_hash(const char *data, size_t size);

/* Write into out the path of a sibling of path named "." BASENAME suffix
 * (".a.csv.lock" for "dir/a.csv" and ".lock").  Returns 0, or -1 when it
 * does not fit. */
int fileid_sibling(const char *path, const char *suffix, char *out, size_t size);

/* The journal of an in-place save of path: ".NAME.tri-assess.journal". */
int fileid_journal_path(const char *path, char *out, size_t size);

/* Read the whole regular file at path into a new NUL-terminated heap
 * buffer (caller frees), refusing files over max bytes.  While the file is
 * being written (journal present, or size or time changing during the
 * read) it retries for up to a second, then reads the journal instead.
 * Fills *id (may be NULL) with the identity of what was read, hashed.
 * Returns 0, or -1 with err filled ("PATH: cannot open: ..."). */
int fileid_read(const char *path, size_t max, char **data, size_t *size,
		struct fileid *id, struct tri_error *err);

#endif
