#include "lockfile.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fileid.h"

struct lockfile {
	int fd;
	int data_fd;        /* the data file itself, flocked when it has links */
	char path[PATH_MAX];
	char holder[192];   /* "pid N on HOST user U" */
};

static void describe_self(char *out, size_t size)
{
	char host[64] = "";
	gethostname(host, sizeof host - 1);
	struct passwd *pw = getpwuid(geteuid());
	char user[64];
	if (pw)
		snprintf(user, sizeof user, "%s", pw->pw_name);
	else
		snprintf(user, sizeof user, "uid %ld", (long)geteuid());
	snprintf(out, size, "pid %ld on %s user %s", (long)getpid(), host, user);
}

/* The first line of a lock file: who holds it. */
static void read_holder(int fd, char *out, size_t size)
{
	ssize_t n = pread(fd, out, size - 1, 0);
	out[n > 0 ? n : 0] = '\0';
	out[strcspn(out, "\r\n")] = '\0';
}

static void held_error(const char *path, const char *holder, struct tri_error *err)
{
	tri_error_set(err, "%s is open in another tri-assess (%s); close it there "
		      "first, or open a copy", path, *holder ? holder : "holder unknown");
}

/* A hard-linked file is held through another of its names: find that
 * name's lock in the same folder to say who holds it. */
static void find_linked_holder(const char *path, const struct stat *data, char *out,
			       size_t size)
{
	char dir[PATH_MAX];
	const char *slash = strrchr(path, '/');
	snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash - path) : 1, slash ? path : ".");
	snprintf(out, size, "through another of its names");
	DIR *d = opendir(dir);
	if (!d)
		return;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		size_t len = strlen(e->d_name);
		if (e->d_name[0] != '.' || len < 7 || strcmp(e->d_name + len - 5, ".lock") != 0)
			continue;
		char name[NAME_MAX + 1];
		snprintf(name, sizeof name, "%.*s", (int)(len - 6), e->d_name + 1);
		struct stat st;
		if (fstatat(dirfd(d), name, &st, 0) != 0 || st.st_dev != data->st_dev ||
		    st.st_ino != data->st_ino)
			continue;
		int fd = openat(dirfd(d), e->d_name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
		if (fd >= 0) {
			char holder[160];
			read_holder(fd, holder, sizeof holder);
			close(fd);
			if (*holder) {
				snprintf(out, size, "%.159s, as %.80s", holder, name);
				break;
			}
		}
	}
	closedir(d);
}

/* Flock the data file itself when it has more than one link. */
static int lock_data(struct lockfile *lock, const char *path, struct tri_error *err)
{
	struct stat st;
	if (stat(path, &st) != 0 || st.st_nlink < 2)
		return 0;
	lock->data_fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (lock->data_fd < 0)
		return 0; /* unreadable: nothing more can be done here */
	if (flock(lock->data_fd, LOCK_EX | LOCK_NB) == 0)
		return 0;
	char holder[256];
	find_linked_holder(path, &st, holder, sizeof holder);
	held_error(path, holder, err);
	return -1;
}

/* Open (creating) the lock file with the data file's group and mode. */
static int open_lock_file(const char *lock_path, const char *data_path)
{
	mode_t mode = 0660;
	gid_t gid = (gid_t)-1;
	struct stat data;
	if (stat(data_path, &data) == 0) {
		mode = (data.st_mode & 0660) | 0600;
		gid = data.st_gid;
	}
	int fd = open(lock_path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, mode);
	if (fd < 0 && errno == EACCES) /* a stale lock we may not write: flock works read-only */
		fd = open(lock_path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	struct stat st;
	if (fd >= 0 && fstat(fd, &st) == 0 && st.st_uid == geteuid()) {
		(void)!fchown(fd, (uid_t)-1, gid); /* best effort: a group we belong to */
		(void)!fchmod(fd, mode);            /* the umask may have taken bits */
	}
	return fd;
}

/* Holding the lock: write who we are.  A lock file we may not write (left
 * by another user without group write) is replaced by our own. */
static int claim(struct lockfile *lock)
{
	int flags = fcntl(lock->fd, F_GETFL);
	if ((flags & O_ACCMODE) == O_RDONLY) {
		if (unlink(lock->path) == 0)
			return 1; /* try again with a fresh file */
		return 0; /* we hold it; its text still names the old holder */
	}
	char text[256];
	int len = snprintf(text, sizeof text, "%s\n\n", lock->holder);
	if (len > 0 && pwrite(lock->fd, text, (size_t)len, 0) == len)
		(void)!ftruncate(lock->fd, len);
	return 0;
}

struct lockfile *lockfile_create(const char *path, struct tri_error *err)
{
	struct lockfile *lock = calloc(1, sizeof *lock);
	if (!lock) {
		tri_error_set(err, "out of memory");
		return NULL;
	}
	lock->fd = lock->data_fd = -1;
	describe_self(lock->holder, sizeof lock->holder);
	if (fileid_sibling(path, ".lock", lock->path, sizeof lock->path) != 0) {
		tri_error_set(err, "%s: path too long", path);
		goto fail;
	}
	if (lock_data(lock, path, err) != 0)
		goto fail;
	/* Retry if the file we locked was removed by its previous holder
	 * between our open and our flock: we must lock the file at the path. */
	for (int attempt = 0; attempt < 10; attempt++) {
		lock->fd = open_lock_file(lock->path, path);
		if (lock->fd < 0) {
			tri_error_set(err, "%s: cannot create lock file %s: %s", path,
				      lock->path, strerror(errno));
			goto fail;
		}
		if (flock(lock->fd, LOCK_EX | LOCK_NB) != 0) {
			char holder[160];
			read_holder(lock->fd, holder, sizeof holder);
			held_error(path, holder, err);
			goto fail;
		}
		struct stat held, named;
		if (fstat(lock->fd, &held) == 0 && lstat(lock->path, &named) == 0 &&
		    held.st_ino == named.st_ino && held.st_dev == named.st_dev &&
		    claim(lock) == 0)
			return lock;
		close(lock->fd);
		lock->fd = -1;
	}
	tri_error_set(err, "%s: could not take the lock %s", path, lock->path);
fail:
	if (lock->fd >= 0)
		close(lock->fd);
	if (lock->data_fd >= 0)
		close(lock->data_fd);
	free(lock);
	return NULL;
}

void lockfile_set_current(struct lockfile *lock, const char *criterion)
{
	if (!lock)
		return;
	char text[320];
	int len = snprintf(text, sizeof text, "%s\n%s\n", lock->holder, criterion);
	/* write, then cut: a reader never sees an empty lock file */
	if (len > 0 && (size_t)len < sizeof text && pwrite(lock->fd, text, (size_t)len, 0) == len)
		(void)!ftruncate(lock->fd, len);
}

int lockfile_read(const char *real_path, bool test_held, char *holder, size_t holder_size,
		  char *current, size_t current_size)
{
	char path[PATH_MAX], text[512];
	holder[0] = current[0] = '\0';
	if (fileid_sibling(real_path, ".lock", path, sizeof path) != 0)
		return -1;
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0)
		return errno == ENOENT ? 0 : -1;
	int rc = 1;
	if (test_held && flock(fd, LOCK_SH | LOCK_NB) == 0) {
		flock(fd, LOCK_UN);
		rc = 0; /* a lock file nobody holds: left by a killed holder */
	}
	ssize_t n = pread(fd, text, sizeof text - 1, 0);
	close(fd);
	text[n > 0 ? n : 0] = '\0';
	size_t first = strcspn(text, "\r\n");
	snprintf(holder, holder_size, "%.*s", (int)first, text);
	const char *second = text + first;
	second += *second == '\r';
	second += *second == '\n';
	snprintf(current, current_size, "%.*s", (int)strcspn(second, "\r\n"), second);
	return rc;
}

void lockfile_destroy(struct lockfile *lock)
{
	if (!lock)
		return;
	unlink(lock->path); /* while still held: see the retry above */
	close(lock->fd);
	if (lock->data_fd >= 0)
		close(lock->data_fd);
	free(lock);
}
