#include "outfile.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fileid.h"

#define OUTFILE_SNIFF 4096

bool outfile_same_file(const char *a, const char *b)
{
	struct stat sa, sb;
	if (stat(a, &sa) == 0 && stat(b, &sb) == 0)
		return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
	char ra[PATH_MAX], rb[PATH_MAX];
	return fileid_resolve(a, true, ra) == 0 && fileid_resolve(b, true, rb) == 0 &&
	       strcmp(ra, rb) == 0;
}

static bool recognised(const char *path, const struct outfile_signature *sig)
{
	struct tri_error ignored;
	int fd = fileid_open_regular(path, O_NOFOLLOW, NULL, &ignored);
	if (fd < 0)
		return false;
	char head[OUTFILE_SNIFF + 1];
	ssize_t n = read(fd, head, OUTFILE_SNIFF);
	close(fd);
	if (n <= 0)
		return false;
	head[n] = '\0';
	const char *start = strncmp(head, "\xEF\xBB\xBF", 3) == 0 ? head + 3 : head;
	if (sig->at_start)
		return strncmp(start, sig->text, strlen(sig->text)) == 0;
	return memchr(head, '\0', (size_t)n) == NULL && strstr(head, sig->text) != NULL;
}

enum outfile_verdict outfile_check(const char *path, const struct outfile_signature *sig,
				   const char *const *inputs, size_t input_count,
				   struct tri_error *err)
{
	if (!*path) {
		tri_error_set(err, "expected an output file name");
		return OUTFILE_REFUSED;
	}
	for (size_t i = 0; i < input_count; i++) {
		if (inputs[i] && outfile_same_file(path, inputs[i])) {
			bool same_name = strcmp(path, inputs[i]) == 0;
			tri_error_set(err, "%s is one of the input files%s%s%s; refusing to "
				      "write over it: name another output file", path,
				      same_name ? "" : " (", same_name ? "" : inputs[i],
				      same_name ? "" : ")");
			return OUTFILE_REFUSED;
		}
	}
	struct stat st;
	if (lstat(path, &st) != 0) {
		if (errno == ENOENT)
			return OUTFILE_NEW;
		tri_error_set(err, "%s: %s", path, strerror(errno));
		return OUTFILE_REFUSED;
	}
	if (S_ISLNK(st.st_mode)) {
		tri_error_set(err, "%s exists (a symbolic link) and is not %s", path, sig->what);
		return OUTFILE_OTHER;
	}
	if (!S_ISREG(st.st_mode)) {
		tri_error_set(err, "%s is %s; expected a regular file to write%s", path,
			      fileid_kind(st.st_mode),
			      S_ISDIR(st.st_mode) ? "" : " (\"-o -\" writes to standard output)");
		return OUTFILE_REFUSED;
	}
	char reason[128];
	if (!fileid_writable(path, &st, reason, sizeof reason)) {
		tri_error_set(err, "%s: %s; not replaced", path, reason);
		return OUTFILE_REFUSED;
	}
	if (recognised(path, sig))
		return OUTFILE_OURS;
	tri_error_set(err, "%s exists and is not %s", path, sig->what);
	return OUTFILE_OTHER;
}

int outfile_write(const char *path, enum outfile_verdict verdict, atomicfile_writer write,
		  void *context, struct tri_error *err)
{
	if (verdict == OUTFILE_REFUSED) {
		tri_error_set(err, "%s: refused", path);
		return -1;
	}
	return atomicfile_replace(path, verdict == OUTFILE_NEW, write, context, err);
}
