#define _GNU_SOURCE /* mkostemp */
#include "atomicfile.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/xattr.h>
#include <unistd.h>

#include "fileid.h"

#define TEMP_MARK ".tri-assess-"
#define ACL_XATTR "system.posix_acl_access"

void (*atomicfile_fault_hook)(int step);

/* The steps a test may stop at (atomicfile_fault_hook). */
enum {
	STEP_TEMP_WRITTEN = 1,      /* rename: temporary file complete */
	STEP_RENAMED = 2,           /* rename: in place, directory not yet synced */
	STEP_JOURNAL_WRITTEN = 10,  /* in place: journal complete, not yet named */
	STEP_JOURNAL_NAMED = 11,    /* in place: journal in place */
	STEP_HALF_WRITTEN = 12,     /* in place: the file half overwritten */
	STEP_WRITTEN = 13,          /* in place: written, not yet cut to size */
	STEP_SYNCED = 14,           /* in place: file complete, journal still there */
	STEP_DONE = 15,             /* in place: journal removed */
};

static void step(int n)
{
	if (atomicfile_fault_hook)
		atomicfile_fault_hook(n);
}

static void split_path(const char *path, char *dir, size_t dir_size, const char **base)
{
	const char *slash = strrchr(path, '/');
	if (!slash) {
		snprintf(dir, dir_size, ".");
		*base = path;
	} else if (slash == path) {
		snprintf(dir, dir_size, "/");
		*base = slash + 1;
	} else {
		snprintf(dir, dir_size, "%.*s", (int)(slash - path), path);
		*base = slash + 1;
	}
}

static const char *why(int error)
{
	switch (error) {
	case ENOSPC:
	case EDQUOT:
		return "the disk is full (or over quota)";
	case EFBIG:
		return "the file size limit was reached";
	case EACCES:
	case EPERM:
		return "permission denied";
	case EROFS:
		return "the file system is read-only";
	default:
		return strerror(error);
	}
}

static mode_t new_file_mode(void)
{
	mode_t mask = umask(0);
	umask(mask);
	return 0666 & ~mask;
}

/* A new temporary file beside path; fills temp.  Returns the fd or -1. */
static int make_temp(const char *path, char *temp, size_t size, struct tri_error *err)
{
	char dir[PATH_MAX];
	const char *base;
	split_path(path, dir, sizeof dir, &base);
	if (*base == '\0') {
		tri_error_set(err, "%s: expected a file name, not a directory", path);
		return -1;
	}
	if (fileid_sibling(path, TEMP_MARK "XXXXXX", temp, size) != 0) {
		tri_error_set(err, "%s: path too long", path);
		return -1;
	}
	int fd = mkostemp(temp, O_CLOEXEC); /* O_CREAT|O_EXCL: never follows a symlink */
	if (fd < 0)
		tri_error_set(err, "%s: cannot create a file in %s: %s", path, dir, why(errno));
	return fd;
}

static void sync_directory_of(const char *path)
{
	char dir[PATH_MAX];
	const char *base;
	split_path(path, dir, sizeof dir, &base);
	int dirfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dirfd >= 0) {
		fsync(dirfd); /* best effort: the rename itself has happened */
		close(dirfd);
	}
}

/* Write all of data at offset; returns 0 or -1 with errno. */
static int write_at(int fd, const char *data, size_t size, off_t offset)
{
	while (size > 0) {
		ssize_t n = pwrite(fd, data, size, offset);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		data += n;
		size -= (size_t)n;
		offset += n;
	}
	return 0;
}

/* A write past RLIMIT_FSIZE must fail with EFBIG, not kill the process
 * holding the only copy of the room's work. */
static void ignore_sigxfsz(struct sigaction *previous)
{
	struct sigaction ignore = { .sa_handler = SIG_IGN };
	sigemptyset(&ignore.sa_mask);
	sigaction(SIGXFSZ, &ignore, previous);
}

int atomicfile_render(atomicfile_writer write, void *context, char **data, size_t *size,
		      struct tri_error *err)
{
	*data = NULL;
	*size = 0;
	FILE *out = open_memstream(data, size);
	if (!out) {
		tri_error_set(err, "out of memory");
		return -1;
	}
	struct tri_error inner = {{0}};
	int rc = write(out, context, &inner);
	bool stream_failed = ferror(out) != 0;
	if (fclose(out) != 0)
		stream_failed = true;
	if (rc != 0 || stream_failed) {
		tri_error_set(err, "%s", inner.message[0] ? inner.message : "out of memory");
		free(*data);
		*data = NULL;
		*size = 0;
		return -1;
	}
	return 0;
}

/* Write data to the new temporary file fd, flush it to the disk. */
static int fill_temp(int fd, const char *path, const char *data, size_t size,
		     struct tri_error *err)
{
	if (write_at(fd, data, size, 0) != 0 || fsync(fd) != 0) {
		tri_error_set(err, "%s: cannot write: %s", path, why(errno));
		return -1;
	}
	return 0;
}

int atomicfile_replace(const char *path, bool exclusive, atomicfile_writer write,
		       void *context, struct tri_error *err)
{
	mode_t mode = new_file_mode();
	struct stat st;
	if (lstat(path, &st) == 0) {
		if (exclusive) {
			tri_error_set(err, "%s: already exists; refusing to overwrite it", path);
			return -1;
		}
		if (S_ISREG(st.st_mode))
			mode = st.st_mode & 0777;
		else if (!S_ISLNK(st.st_mode)) {
			tri_error_set(err, "%s is %s; refusing to replace it", path,
				      fileid_kind(st.st_mode));
			return -1;
		}
	}
	mode &= ~(mode_t)S_IWOTH;

	char *data;
	size_t size;
	struct tri_error inner;
	if (atomicfile_render(write, context, &data, &size, &inner) != 0) {
		tri_error_set(err, "%s: %s", path, inner.message);
		return -1;
	}
	char temp[PATH_MAX];
	int fd = make_temp(path, temp, sizeof temp, err);
	if (fd < 0) {
		free(data);
		return -1;
	}
	struct sigaction previous;
	ignore_sigxfsz(&previous);
	int rc = -1;
	if (fchmod(fd, mode) != 0) {
		tri_error_set(err, "%s: %s", path, why(errno));
		goto done;
	}
	if (fill_temp(fd, path, data, size, err) != 0)
		goto done;
	if (exclusive) {
		if (link(temp, path) != 0) {
			tri_error_set(err, "%s: %s", path, errno == EEXIST
				      ? "already exists; refusing to overwrite it" : why(errno));
			goto done;
		}
	} else if (rename(temp, path) != 0) {
		tri_error_set(err, "%s: cannot replace: %s", path, why(errno));
		goto done;
	}
	sync_directory_of(path);
	rc = 0;
done:
	close(fd);
	if (rc != 0 || exclusive)
		unlink(temp); /* after link(), the temporary name is a second name */
	sigaction(SIGXFSZ, &previous, NULL);
	free(data);
	return rc;
}

/* Give the temporary file fd the POSIX ACL of path, or none if path has
 * none (a folder's default ACL may have given it one). */
static bool carry_acl(int fd, const char *path)
{
	char acl[4096];
	ssize_t n = lgetxattr(path, ACL_XATTR, acl, sizeof acl);
	if (n > 0)
		return fsetxattr(fd, ACL_XATTR, acl, (size_t)n, 0) == 0;
	if (n < 0 && errno != ENODATA && errno != ENOTSUP)
		return false; /* an ACL we cannot read (too large?): keep the inode */
	return fremovexattr(fd, ACL_XATTR) == 0 || errno == ENODATA || errno == ENOTSUP;
}

/* Give the temporary file fd everything old has: mode, ACL, owner, group.
 * Returns false when it cannot (the save then goes in place). */
static bool carry_identity(int fd, const char *path, const struct stat *old)
{
	mode_t mode = old->st_mode & 07777;
	if (fchmod(fd, mode) != 0)
		return false;
	if (!carry_acl(fd, path))
		return false;
	struct stat now;
	if (fstat(fd, &now) != 0)
		return false;
	if ((now.st_uid != old->st_uid || now.st_gid != old->st_gid) &&
	    fchown(fd, old->st_uid, old->st_gid) != 0)
		return false;
	if (fstat(fd, &now) != 0)
		return false;
	if ((now.st_mode & 07777) != mode)
		(void)!fchmod(fd, mode); /* a chown may clear set-id bits */
	return fstat(fd, &now) == 0 && now.st_uid == old->st_uid && now.st_gid == old->st_gid &&
	       (now.st_mode & 07777) == mode;
}

/* Save by renaming a temporary file over path.  Returns 0, -1 with err, or
 * 1 when the new file cannot carry what the old one has. */
static int save_by_rename(const char *path, const char *data, size_t size,
			  const struct stat *old, struct stat *after, struct tri_error *err)
{
	char temp[PATH_MAX];
	int fd = make_temp(path, temp, sizeof temp, err);
	if (fd < 0)
		return -1;
	int rc = -1;
	if (!carry_identity(fd, path, old)) {
		rc = 1;
		goto done;
	}
	if (fill_temp(fd, path, data, size, err) != 0)
		goto done;
	step(STEP_TEMP_WRITTEN);
	if (fstat(fd, after) != 0 || rename(temp, path) != 0) {
		tri_error_set(err, "%s: cannot replace: %s", path, why(errno));
		goto done;
	}
	step(STEP_RENAMED);
	sync_directory_of(path);
	close(fd);
	return 0;
done:
	close(fd);
	unlink(temp);
	return rc;
}

/* Put a complete copy of data beside path as its journal. */
static int write_journal(const char *path, const char *journal, const char *data, size_t size,
			 const struct stat *old, struct tri_error *err)
{
	char temp[PATH_MAX];
	int fd = make_temp(path, temp, sizeof temp, err);
	if (fd < 0)
		return -1;
	/* Readable by whoever may read the file; written only by the team. */
	(void)!fchmod(fd, old->st_mode & 0664);
	(void)!fchown(fd, (uid_t)-1, old->st_gid);
	if (fill_temp(fd, path, data, size, err) != 0) {
		close(fd);
		unlink(temp);
		return -1;
	}
	close(fd);
	step(STEP_JOURNAL_WRITTEN);
	if (rename(temp, journal) != 0) {
		tri_error_set(err, "%s: cannot write its journal %s: %s", path, journal, why(errno));
		unlink(temp);
		return -1;
	}
	sync_directory_of(path);
	step(STEP_JOURNAL_NAMED);
	return 0;
}

/* Overwrite the file fd with data: the first half, then the rest, then cut
 * to size, then to the disk. */
static int overwrite(int fd, const char *data, size_t size)
{
	size_t half = size / 2;
	if (write_at(fd, data, half, 0) != 0)
		return -1;
	step(STEP_HALF_WRITTEN);
	if (write_at(fd, data + half, size - half, (off_t)half) != 0)
		return -1;
	step(STEP_WRITTEN);
	if (ftruncate(fd, (off_t)size) != 0 || fsync(fd) != 0)
		return -1;
	return 0;
}

static int read_fd(int fd, char **data, size_t *size)
{
	struct stat st;
	if (fstat(fd, &st) != 0)
		return -1;
	*size = (size_t)st.st_size;
	*data = malloc(*size + 1);
	if (!*data)
		return -1;
	size_t used = 0;
	while (used < *size) {
		ssize_t n = pread(fd, *data + used, *size - used, (off_t)used);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			free(*data);
			*data = NULL;
			return -1;
		}
		used += (size_t)n;
	}
	return 0;
}

/* Save in place behind a journal (see atomicfile.h). */
static int save_in_place(const char *path, const char *data, size_t size,
			 struct stat *after, struct tri_error *err)
{
	char journal[PATH_MAX];
	if (fileid_journal_path(path, journal, sizeof journal) != 0) {
		tri_error_set(err, "%s: path too long", path);
		return -1;
	}
	int fd = open(path, O_RDWR | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0) {
		tri_error_set(err, "%s: cannot write: %s", path, why(errno));
		return -1;
	}
	struct stat old;
	char *before = NULL;
	size_t before_size = 0;
	int rc = -1;
	if (fstat(fd, &old) != 0 || !S_ISREG(old.st_mode)) {
		tri_error_set(err, "%s: not a regular file; refusing to write it", path);
		goto done;
	}
	if (read_fd(fd, &before, &before_size) != 0) {
		tri_error_set(err, "%s: cannot read: %s", path, why(errno));
		goto done;
	}
	if (write_journal(path, journal, data, size, &old, err) != 0)
		goto done;
	if (overwrite(fd, data, size) != 0) {
		int e = errno;
		/* Put the old contents back (never larger than what was
		 * there); if that fails too, the journal is the complete file. */
		if (write_at(fd, before, before_size, 0) == 0 &&
		    ftruncate(fd, (off_t)before_size) == 0 && fsync(fd) == 0) {
			unlink(journal);
			tri_error_set(err, "%s: cannot write: %s", path, why(e));
		} else {
			tri_error_set(err, "%s: cannot write: %s; the complete new version is "
				      "in %s, and the next open puts it in place", path, why(e),
				      journal);
		}
		goto done;
	}
	step(STEP_SYNCED);
	if (unlink(journal) != 0 && errno != ENOENT) {
		tri_error_set(err, "%s: saved, but its journal %s could not be removed: %s",
			      path, journal, why(errno));
		goto done;
	}
	sync_directory_of(path);
	step(STEP_DONE);
	if (after && fstat(fd, after) != 0)
		goto done;
	rc = 0;
done:
	free(before);
	close(fd);
	return rc;
}

struct buffer {
	const char *data;
	size_t size;
};

static int write_buffer(FILE *out, void *context, struct tri_error *err)
{
	(void)err;
	const struct buffer *b = context;
	return fwrite(b->data, 1, b->size, out) == b->size ? 0 : -1;
}

int atomicfile_save(const char *path, const char *data, size_t size,
		    enum atomicfile_method *method, struct stat *after, struct tri_error *err)
{
	struct stat old, ignored;
	if (!after)
		after = &ignored;
	struct sigaction previous;
	ignore_sigxfsz(&previous);
	int rc;
	if (lstat(path, &old) != 0 && errno == ENOENT) {
		if (method)
			*method = ATOMICFILE_CREATED;
		struct buffer b = { data, size };
		rc = atomicfile_replace(path, true, write_buffer, &b, err);
		if (rc == 0 && stat(path, after) != 0)
			*after = (struct stat){0};
		goto done;
	}
	if (!S_ISREG(old.st_mode)) {
		tri_error_set(err, "%s is %s; refusing to replace it", path, fileid_kind(old.st_mode));
		rc = -1;
		goto done;
	}
	rc = old.st_nlink == 1 ? save_by_rename(path, data, size, &old, after, err) : 1;
	if (method)
		*method = ATOMICFILE_RENAMED;
	if (rc == 1) {
		if (method)
			*method = ATOMICFILE_IN_PLACE;
		rc = save_in_place(path, data, size, after, err);
	}
done:
	sigaction(SIGXFSZ, &previous, NULL);
	return rc;
}

int atomicfile_recover(const char *path, struct tri_error *err)
{
	char journal[PATH_MAX];
	if (fileid_journal_path(path, journal, sizeof journal) != 0) {
		tri_error_set(err, "%s: path too long", path);
		return -1;
	}
	struct stat st;
	if (lstat(journal, &st) != 0)
		return ATOMICFILE_NO_JOURNAL;
	int fd = fileid_open_regular(journal, O_NOFOLLOW, &st, err);
	if (fd < 0)
		return -1;
	char *complete = NULL, *current = NULL;
	size_t complete_size, current_size;
	int rc = -1;
	if (read_fd(fd, &complete, &complete_size) != 0) {
		tri_error_set(err, "%s: cannot read: %s", journal, strerror(errno));
		goto done;
	}
	int data_fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	if (data_fd < 0) {
		tri_error_set(err, "%s: cannot open (%s); its journal %s holds the last "
			      "complete version", path, strerror(errno), journal);
		goto done;
	}
	int read_rc = read_fd(data_fd, &current, &current_size);
	close(data_fd);
	if (read_rc == 0 && current_size == complete_size &&
	    memcmp(current, complete, current_size) == 0) {
		unlink(journal);
		rc = ATOMICFILE_JOURNAL_DISCARDED;
	} else if (save_in_place(path, complete, complete_size, NULL, err) == 0) {
		rc = ATOMICFILE_JOURNAL_RESTORED;
	}
done:
	free(complete);
	free(current);
	close(fd);
	return rc;
}

int atomicfile_remove_stale(const char *path)
{
	char dir[PATH_MAX];
	const char *base;
	split_path(path, dir, sizeof dir, &base);
	size_t base_len = strlen(base), mark_len = strlen(TEMP_MARK);
	DIR *d = opendir(dir);
	if (!d)
		return 0;
	int removed = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		const char *name = e->d_name;
		/* exactly "." base ".tri-assess-" and the six characters mkstemp
		 * fills in: nothing a person would name a file */
		if (name[0] != '.' || strncmp(name + 1, base, base_len) != 0 ||
		    strncmp(name + 1 + base_len, TEMP_MARK, mark_len) != 0 ||
		    strlen(name + 1 + base_len + mark_len) != 6)
			continue;
		struct stat st;
		if (fstatat(dirfd(d), name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(st.st_mode) &&
		    unlinkat(dirfd(d), name, 0) == 0)
			removed++;
	}
	closedir(d);
	return removed;
}
