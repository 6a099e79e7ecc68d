#include "fileid.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Timestamps advance in ticks (a few ms on Linux, 2 s on FAT and some
 * network shares): a change within this long of a known time may not show
 * in the time at all. */
#define FILEID_TICK_NS 2000000000LL
#define FILEID_RETRY_NS 1000000000LL
#define FILEID_RETRY_STEP_NS 20000000L

const char *fileid_kind(mode_t mode)
{
	if (S_ISREG(mode))
		return "a regular file";
	if (S_ISDIR(mode))
		return "a directory";
	if (S_ISFIFO(mode))
		return "a named pipe (FIFO)";
	if (S_ISCHR(mode))
		return "a character device";
	if (S_ISBLK(mode))
		return "a block device";
	if (S_ISSOCK(mode))
		return "a socket";
	if (S_ISLNK(mode))
		return "a symbolic link";
	return "not a regular file";
}

static void refuse_kind(const char *path, mode_t mode, struct tri_error *err)
{
	tri_error_set(err, "%s is %s; expected a regular file", path, fileid_kind(mode));
}

int fileid_open_regular(const char *path, int extra_flags, struct stat *st,
			struct tri_error *err)
{
	struct stat before;
	/* A socket cannot be opened at all, and opening some devices acts on
	 * them: look first. */
	int rc = (extra_flags & O_NOFOLLOW) ? lstat(path, &before) : stat(path, &before);
	if (rc != 0) {
		tri_error_set(err, "%s: cannot open: %s", path, strerror(errno));
		return -1;
	}
	if (!S_ISREG(before.st_mode)) {
		refuse_kind(path, before.st_mode, err);
		return -1;
	}
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | extra_flags);
	if (fd < 0) {
		tri_error_set(err, "%s: cannot open: %s", path, strerror(errno));
		return -1;
	}
	struct stat now;
	if (fstat(fd, &now) != 0) {
		tri_error_set(err, "%s: cannot read: %s", path, strerror(errno));
		close(fd);
		return -1;
	}
	if (!S_ISREG(now.st_mode)) { /* replaced between the look and the open */
		refuse_kind(path, now.st_mode, err);
		close(fd);
		return -1;
	}
	fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
	if (st)
		*st = now;
	return fd;
}

bool fileid_writable(const char *path, const struct stat *st, char *reason, size_t size)
{
	if (access(path, W_OK) != 0) {
		int e = errno;
		snprintf(reason, size, "%s", e == EROFS ? "a read-only mount"
			 : e == EACCES || e == EPERM ? "no write permission" : strerror(e));
		return false;
	}
	if ((st->st_mode & 0222) == 0) { /* root passes access(): honour the mode */
		snprintf(reason, size, "mode %04o: no one may write it",
			 (unsigned)(st->st_mode & 07777));
		return false;
	}
	return true;
}

int fileid_resolve(const char *path, bool follow_last, char *out)
{
	struct stat st;
	if (follow_last && stat(path, &st) == 0)
		return realpath(path, out) ? 0 : -1;
	const char *slash = strrchr(path, '/');
	const char *base = slash ? slash + 1 : path;
	char dir[PATH_MAX], real_dir[PATH_MAX];
	snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash - path) + (slash == path) : 1,
		 slash ? path : ".");
	if (!*base || strcmp(base, ".") == 0 || strcmp(base, "..") == 0) {
		errno = EISDIR;
		return -1;
	}
	if (!realpath(dir, real_dir))
		return -1;
	if ((size_t)snprintf(out, PATH_MAX, "%s/%s", strcmp(real_dir, "/") ? real_dir : "",
			     base) >= PATH_MAX) {
		errno = ENAMETOOLONG;
		return -1;
	}
	return 0;
}

static struct timespec now_realtime(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	return ts;
}

static long long ns_between(struct timespec from, struct timespec to)
{
	return (long long)(to.tv_sec - from.tv_sec) * 1000000000LL + (to.tv_nsec - from.tv_nsec);
}

void fileid_from_stat(struct fileid *id, const struct stat *st)
{
	*id = (struct fileid){
		.exists = true, .dev = st->st_dev, .ino = st->st_ino, .size = st->st_size,
		.mtime = st->st_mtim, .seen = now_realtime(),
	};
}

void fileid_of_path(struct fileid *id, const char *path)
{
	struct stat st;
	if (stat(path, &st) == 0)
		fileid_from_stat(id, &st);
	else
		*id = (struct fileid){ .seen = now_realtime() };
}

bool fileid_same_file(const struct fileid *a, const struct fileid *b)
{
	return a->exists && b->exists && a->dev == b->dev && a->ino == b->ino;
}

bool fileid_unchanged(const struct fileid *known, const struct fileid *now, bool *doubt)
{
	if (doubt)
		*doubt = false;
	if (known->exists != now->exists)
		return false;
	if (!known->exists)
		return true;
	if (!fileid_same_file(known, now) || known->size != now->size ||
	    known->mtime.tv_sec != now->mtime.tv_sec || known->mtime.tv_nsec != now->mtime.tv_nsec)
		return false;
	if (doubt)
		*doubt = ns_between(known->mtime, known->seen) < FILEID_TICK_NS;
	return true;
}

uint64_t fileid_hash(const char *data, size_t size)
{
	uint64_t h = 14695981039346656037ull;
	for (size_t i = 0; i < size; i++) {
		h ^= (unsigned char)data[i];
		h *= 1099511628211ull;
	}
	return h;
}

int fileid_sibling(const char *path, const char *suffix, char *out, size_t size)
{
	const char *slash = strrchr(path, '/');
	int n = slash ? snprintf(out, size, "%.*s/.%s%s", (int)(slash - path), path, slash + 1,
				 suffix)
		      : snprintf(out, size, ".%s%s", path, suffix);
	return n < 0 || (size_t)n >= size ? -1 : 0;
}

int fileid_journal_path(const char *path, char *out, size_t size)
{
	return fileid_sibling(path, ".tri-assess.journal", out, size);
}

/* Read all of fd (at most max bytes) into a new buffer. */
static int read_all(int fd, const char *path, size_t max, char **data, size_t *size,
		    struct tri_error *err)
{
	size_t used = 0, capacity = 4096;
	char *buffer = malloc(capacity);
	if (!buffer)
		goto oom;
	for (;;) {
		if (used + 1 >= capacity) {
			if (capacity > max) {
				tri_error_set(err, "%s: larger than %zu MiB; expected an "
					      "assessment or framework file", path, max >> 20);
				goto fail;
			}
			char *grown = realloc(buffer, capacity * 2);
			if (!grown)
				goto oom;
			buffer = grown;
			capacity *= 2;
		}
		ssize_t n = read(fd, buffer + used, capacity - 1 - used);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			tri_error_set(err, "%s: cannot read: %s", path, strerror(errno));
			goto fail;
		}
		if (n == 0)
			break;
		used += (size_t)n;
	}
	if (used > max) {
		tri_error_set(err, "%s: larger than %zu MiB; expected an assessment or "
			      "framework file", path, max >> 20);
		goto fail;
	}
	buffer[used] = '\0';
	*data = buffer;
	*size = used;
	return 0;
oom:
	tri_error_set(err, "%s: out of memory", path);
fail:
	free(buffer);
	return -1;
}

/* One attempt: read path; *stable says it was not being written. */
static int read_once(const char *path, size_t max, char **data, size_t *size,
		     struct stat *st, bool *stable, struct tri_error *err)
{
	int fd = fileid_open_regular(path, 0, st, err);
	if (fd < 0)
		return -1;
	if ((uint64_t)st->st_size > max) {
		tri_error_set(err, "%s: %lld bytes; expected at most %zu MiB", path,
			      (long long)st->st_size, max >> 20);
		close(fd);
		return -1;
	}
	int rc = read_all(fd, path, max, data, size, err);
	struct stat after;
	*stable = rc == 0 && fstat(fd, &after) == 0 && after.st_size == st->st_size &&
		  after.st_mtim.tv_sec == st->st_mtim.tv_sec &&
		  after.st_mtim.tv_nsec == st->st_mtim.tv_nsec && (size_t)after.st_size == *size;
	close(fd);
	return rc;
}

int fileid_read(const char *path, size_t max, char **data, size_t *size,
		struct fileid *id, struct tri_error *err)
{
	*data = NULL;
	*size = 0;
	char journal[PATH_MAX];
	bool have_journal_name = fileid_journal_path(path, journal, sizeof journal) == 0;
	struct timespec start = now_realtime();
	for (;;) {
		struct stat st, jst;
		bool stable;
		if (read_once(path, max, data, size, &st, &stable, err) != 0)
			return -1;
		bool journal_present = have_journal_name && lstat(journal, &jst) == 0;
		if (stable && !journal_present) {
			if (id) {
				fileid_from_stat(id, &st);
				id->hash = fileid_hash(*data, *size);
				id->hashed = true;
			}
			return 0;
		}
		free(*data);
		*data = NULL;
		if (ns_between(start, now_realtime()) < FILEID_RETRY_NS) {
			struct timespec step = { 0, FILEID_RETRY_STEP_NS };
			nanosleep(&step, NULL);
			continue;
		}
		if (!journal_present) {
			tri_error_set(err, "%s: the file kept changing for a second while it "
				      "was read; expected it to settle (is another program "
				      "writing it?)", path);
			return -1;
		}
		/* A save in place was interrupted or is slow: the journal holds
		 * the complete version being saved. */
		struct stat journal_st;
		if (read_once(journal, max, data, size, &journal_st, &stable, err) != 0)
			return -1;
		if (id) {
			fileid_from_stat(id, &st);
			id->hash = fileid_hash(*data, *size);
			id->hashed = true;
		}
		return 0;
	}
}
