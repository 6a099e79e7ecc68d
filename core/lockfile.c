#include "lockfile.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

struct lockfile {
	int fd;
	char path[PATH_MAX];
};

static int lock_path(const char *path, char *out, size_t size)
{
	const char *slash = strrchr(path, '/');
	int n = slash ? snprintf(out, size, "%.*s/.%s.lock", (int)(slash - path), path, slash + 1)
		      : snprintf(out, size, ".%s.lock", path);
	return n < 0 || (size_t)n >= size ? -1 : 0;
}

struct lockfile *lockfile_create(const char *path, struct tri_error *err)
{
	struct lockfile *lock = calloc(1, sizeof *lock);
	if (!lock) {
		tri_error_set(err, "out of memory");
		return NULL;
	}
	lock->fd = -1;
	if (lock_path(path, lock->path, sizeof lock->path) != 0) {
		tri_error_set(err, "%s: path too long", path);
		goto fail;
	}
	/* Retry if the file we locked was removed by its previous holder
	 * between our open and our flock: we must lock the file at the path. */
	for (int attempt = 0; attempt < 10; attempt++) {
		lock->fd = open(lock->path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
		if (lock->fd < 0) {
			tri_error_set(err, "%s: cannot create lock file %s: %s", path,
				      lock->path, strerror(errno));
			goto fail;
		}
		if (flock(lock->fd, LOCK_EX | LOCK_NB) != 0) {
			char holder[128] = "";
			ssize_t n = pread(lock->fd, holder, sizeof holder - 1, 0);
			holder[n > 0 ? n : 0] = '\0';
			holder[strcspn(holder, "\r\n")] = '\0';
			tri_error_set(err, "%s is open in another tri-assess (%s); close it "
				      "there first, or open a copy", path,
				      holder[0] ? holder : "holder unknown");
			goto fail;
		}
		struct stat held, named;
		if (fstat(lock->fd, &held) == 0 && stat(lock->path, &named) == 0 &&
		    held.st_ino == named.st_ino && held.st_dev == named.st_dev) {
			char host[64] = "";
			gethostname(host, sizeof host - 1);
			char text[128];
			int len = snprintf(text, sizeof text, "pid %ld on %s\n", (long)getpid(), host);
			if (ftruncate(lock->fd, 0) == 0 && len > 0)
				(void)!pwrite(lock->fd, text, (size_t)len, 0);
			return lock;
		}
		close(lock->fd);
		lock->fd = -1;
	}
	tri_error_set(err, "%s: could not take the lock %s", path, lock->path);
fail:
	if (lock->fd >= 0)
		close(lock->fd);
	free(lock);
	return NULL;
}

void lockfile_destroy(struct lockfile *lock)
{
	if (!lock)
		return;
	unlink(lock->path); /* while still held: see the retry above */
	close(lock->fd);
	free(lock);
}
