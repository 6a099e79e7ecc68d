#include "atomicfile.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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

int atomicfile_replace(const char *path, bool exclusive, atomicfile_writer write,
		       void *context, struct tri_error *err)
{
	char dir[PATH_MAX];
	const char *base;
	split_path(path, dir, sizeof dir, &base);
	if (*base == '\0') {
		tri_error_set(err, "%s: expected a file name, not a directory", path);
		return -1;
	}
	char temp[PATH_MAX];
	if ((size_t)snprintf(temp, sizeof temp, "%s/.%s.XXXXXX", dir, base) >= sizeof temp) {
		tri_error_set(err, "%s: path too long", path);
		return -1;
	}

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
			tri_error_set(err, "%s: not a regular file; refusing to replace it", path);
			return -1;
		}
	}
	mode &= ~(mode_t)S_IWOTH;

	int fd = mkstemp(temp); /* O_CREAT|O_EXCL: never follows a symlink */
	if (fd < 0) {
		tri_error_set(err, "%s: cannot create a file in %s: %s", path, dir, why(errno));
		return -1;
	}
	FILE *out = fdopen(fd, "w");
	if (!out) {
		int e = errno;
		close(fd);
		unlink(temp);
		tri_error_set(err, "%s: %s", path, why(e));
		return -1;
	}
	/* A write past RLIMIT_FSIZE must fail with EFBIG, not kill the process
	 * holding the only copy of the room's work. */
	struct sigaction ignore = { .sa_handler = SIG_IGN }, previous;
	sigemptyset(&ignore.sa_mask);
	sigaction(SIGXFSZ, &ignore, &previous);

	int rc = -1;
	errno = 0;
	struct tri_error inner = {{0}};
	if (fchmod(fd, mode) != 0) {
		tri_error_set(err, "%s: %s", path, why(errno));
		goto fail;
	}
	if (write(out, context, &inner) != 0 || ferror(out)) {
		int e = errno;
		if (ferror(out) || !inner.message[0])
			tri_error_set(err, "%s: cannot write: %s", path, why(e ? e : EIO));
		else
			tri_error_set(err, "%s: %s", path, inner.message);
		goto fail;
	}
	if (fflush(out) != 0 || fsync(fd) != 0) {
		tri_error_set(err, "%s: cannot write: %s", path, why(errno));
		goto fail;
	}
	if (fclose(out) != 0) {
		out = NULL;
		tri_error_set(err, "%s: cannot write: %s", path, why(errno));
		goto fail;
	}
	out = NULL;
	if (exclusive) {
		if (link(temp, path) != 0) {
			tri_error_set(err, "%s: %s", path, errno == EEXIST
				      ? "already exists; refusing to overwrite it" : why(errno));
			goto fail;
		}
		unlink(temp);
	} else if (rename(temp, path) != 0) {
		tri_error_set(err, "%s: cannot replace: %s", path, why(errno));
		goto fail;
	}
	int dirfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dirfd >= 0) {
		fsync(dirfd); /* best effort: the rename itself has happened */
		close(dirfd);
	}
	rc = 0;
	goto done;
fail:
	if (out)
		fclose(out);
	unlink(temp);
done:
	sigaction(SIGXFSZ, &previous, NULL);
	return rc;
}

int atomicfile_remove_stale(const char *path)
{
	char dir[PATH_MAX];
	const char *base;
	split_path(path, dir, sizeof dir, &base);
	size_t base_len = strlen(base);
	DIR *d = opendir(dir);
	if (!d)
		return 0;
	int removed = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		const char *name = e->d_name;
		/* exactly "." base "." and the six characters mkstemp fills in */
		if (name[0] != '.' || strncmp(name + 1, base, base_len) != 0 ||
		    name[1 + base_len] != '.' || strlen(name + 2 + base_len) != 6)
			continue;
		if (unlinkat(dirfd(d), name, 0) == 0)
			removed++;
	}
	closedir(d);
	return removed;
}
