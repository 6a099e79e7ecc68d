#include "session.h"

#include "atomicfile.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

volatile sig_atomic_t session_signal;

static void on_signal(int signo)
{
	session_signal = signo;
}

void session_install_signals(void)
{
	struct sigaction sa = { .sa_handler = on_signal };
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0; /* no SA_RESTART: a blocked read returns so we can save */
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
}

int session_open(struct session *s, const struct framework *fw, const char *path,
		 struct tri_error *err)
{
	*s = (struct session){ .fw = fw };
	s->path = strdup(path);
	if (!s->path) {
		tri_error_set(err, "out of memory");
		return -1;
	}
	s->lock = lockfile_create(path, err);
	if (!s->lock)
		return -1;
	atomicfile_remove_stale(path); /* left by a writer killed mid-save */
	struct stat st;
	if (stat(path, &st) == 0 || errno != ENOENT) {
		s->a = assessment_load(fw, path, err);
		return s->a ? 0 : -1;
	}
	s->is_new = true;
	s->a = assessment_create(fw);
	if (!s->a) {
		tri_error_set(err, "out of memory");
		return -1;
	}
	return 0;
}

static void free_undo(struct session_undo *u)
{
	free(u->evidence);
	free(u->notes);
}

void session_finish(struct session *s)
{
	for (size_t i = 0; i < s->undo_count; i++)
		free_undo(&s->undo[i]);
	free(s->undo);
	assessment_destroy(s->a);
	lockfile_destroy(s->lock);
	free(s->path);
	*s = (struct session){0};
}

int session_save(struct session *s)
{
	struct tri_error err;
	if (assessment_save(s->a, s->path, false, &err) != 0) {
		s->save_failed = true;
		snprintf(s->save_error, sizeof s->save_error, "%s", err.message);
		return -1;
	}
	s->save_failed = false;
	s->is_new = false;
	s->save_error[0] = '\0';
	return 0;
}

int session_save_as(struct session *s, const char *path, struct tri_error *err)
{
	struct lockfile *lock = lockfile_create(path, err);
	if (!lock)
		return -1;
	char *copy = strdup(path);
	if (!copy || assessment_save(s->a, path, false, err) != 0) {
		if (!copy)
			tri_error_set(err, "out of memory");
		free(copy);
		lockfile_destroy(lock);
		return -1;
	}
	lockfile_destroy(s->lock);
	s->lock = lock;
	free(s->path);
	s->path = copy;
	s->save_failed = false;
	s->save_error[0] = '\0';
	return 0;
}

static struct session_undo *push_undo(struct session *s)
{
	if (s->undo_count == s->undo_capacity) {
		size_t cap = s->undo_capacity ? s->undo_capacity * 2 : 64;
		struct session_undo *grown = realloc(s->undo, cap * sizeof *grown);
		if (!grown)
			return NULL;
		s->undo = grown;
		s->undo_capacity = cap;
	}
	struct session_undo *u = &s->undo[s->undo_count++];
	*u = (struct session_undo){0};
	return u;
}

int session_set_level(struct session *s, size_t criterion, enum level level,
		      struct tri_error *err)
{
	enum level old = s->a->levels[criterion];
	if (assessment_set_level(s->a, criterion, level, err) != 0)
		return -1;
	if (old == level)
		return 0;
	struct session_undo *u = push_undo(s);
	if (u) {
		u->criterion = criterion;
		u->level = old;
	}
	session_save(s);
	return 0;
}

int session_set_texts(struct session *s, size_t criterion, const char *evidence,
		      const char *notes, struct tri_error *err)
{
	struct assessment_answer *ans = &s->a->answers[criterion];
	if (strcmp(ans->evidence, evidence) == 0 && strcmp(ans->notes, notes) == 0)
		return 0;
	char *old_evidence = strdup(ans->evidence), *old_notes = strdup(ans->notes);
	if (!old_evidence || !old_notes ||
	    assessment_set_text(&ans->evidence, evidence, err) != 0 ||
	    assessment_set_text(&ans->notes, notes, err) != 0) {
		if (!old_evidence || !old_notes)
			tri_error_set(err, "out of memory");
		free(old_evidence);
		free(old_notes);
		return -1;
	}
	struct session_undo *u = push_undo(s);
	if (u) {
		u->criterion = criterion;
		u->level = s->a->levels[criterion];
		u->evidence = old_evidence;
		u->notes = old_notes;
	} else {
		free(old_evidence);
		free(old_notes);
	}
	session_save(s);
	return 0;
}

long session_undo(struct session *s)
{
	if (s->undo_count == 0)
		return -1;
	struct session_undo *u = &s->undo[--s->undo_count];
	if (u->evidence) {
		struct assessment_answer *ans = &s->a->answers[u->criterion];
		free(ans->evidence);
		free(ans->notes);
		ans->evidence = u->evidence;
		ans->notes = u->notes;
	} else {
		s->a->levels[u->criterion] = u->level;
	}
	long criterion = (long)u->criterion;
	session_save(s);
	return criterion;
}

size_t session_first_open(const struct session *s)
{
	for (size_t i = 0; i < s->fw->criterion_count; i++)
		if (s->a->levels[i] == LEVEL_UNANSWERED)
			return i;
	return s->fw->criterion_count;
}
