#include "session.h"

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

static char **answer_slot(struct assessment_answer *ans, int k)
{
	char **slots[6] = { &ans->evidence, &ans->notes, &ans->action, &ans->lead_officer,
			    &ans->timescale, &ans->history };
	return slots[k];
}

static void free_undo(struct session_undo *u)
{
	for (int k = 0; k < 6; k++)
		free(u->text[k]);
}

void session_finish(struct session *s)
{
	for (size_t i = 0; i < s->undo_count; i++)
		free_undo(&s->undo[i]);
	free(s->undo);
	assessment_destroy(s->a);
	assessment_destroy(s->base);
	assessment_destroy(s->other);
	free(s->other_path);
	free(s->adoption_history);
	lockfile_destroy(s->lock);
	free(s->path);
	free(s->real_path);
	free(s->link_path);
	*s = (struct session){0};
}

/* Every change is refused, with the reason, while the file is read-only. */
static int writable(struct session *s, struct tri_error *err)
{
	if (!s->read_only[0])
		return 0;
	s->refused_read_only++;
	const char *slash = strrchr(s->path, '/');
	tri_error_set(err, "%s is read-only (%s); W FILE works on a copy",
		      slash && slash[1] ? slash + 1 : s->path, s->read_only);
	return -1;
}

/* Remember criterion's answer as it is now, before a change. */
static int remember(struct session *s, size_t criterion)
{
	if (s->undo_count == s->undo_capacity) {
		size_t cap = s->undo_capacity ? s->undo_capacity * 2 : 64;
		struct session_undo *grown = realloc(s->undo, cap * sizeof *grown);
		if (!grown)
			return -1;
		s->undo = grown;
		s->undo_capacity = cap;
	}
	struct session_undo u = { .criterion = criterion, .level = s->a->levels[criterion],
				  .target = s->a->answers[criterion].target };
	for (int k = 0; k < 6; k++) {
		u.text[k] = strdup(*answer_slot(&s->a->answers[criterion], k));
		if (!u.text[k]) {
			free_undo(&u);
			return -1;
		}
	}
	s->undo[s->undo_count++] = u;
	return 0;
}

static void forget_last(struct session *s)
{
	free_undo(&s->undo[--s->undo_count]);
}

static int change_level(struct session *s, size_t criterion, enum level level,
			const char *remark, struct tri_error *err)
{
	if (s->a->levels[criterion] == level &&
	    framework_has_level(&s->fw->criteria[criterion], level))
		return 0;
	if (writable(s, err) != 0)
		return -1;
	if (remember(s, criterion) != 0) {
		tri_error_set(err, "out of memory");
		return -1;
	}
	int rc = s->other ? assessment_record_change(s->a, criterion, level, s->who, remark, err)
			  : assessment_set_level(s->a, criterion, level, err);
	if (rc != 0) {
		forget_last(s);
		return -1;
	}
	session_save(s);
	return 0;
}

int session_set_level(struct session *s, size_t criterion, enum level level,
		      struct tri_error *err)
{
	char remark[600] = "";
	if (s->other)
		snprintf(remark, sizeof remark, "set while comparing with %s", s->other_path);
	return change_level(s, criterion, level, remark, err);
}

int session_adopt(struct session *s, size_t criterion, const char *remark,
		  struct tri_error *err)
{
	if (!s->other) {
		tri_error_set(err, "no other assessment to adopt from (start with --compare OTHER)");
		return -1;
	}
	if (session_refresh_other(s) < 0 || s->other_error[0]) {
		tri_error_set(err, "%s", s->other_error);
		return -1;
	}
	enum level level = s->other->levels[criterion];
	if (level == LEVEL_UNANSWERED) {
		tri_error_set(err, "%s has no level for %s", s->other_path,
			      s->fw->criteria[criterion].id);
		return -1;
	}
	char text[1200];
	snprintf(text, sizeof text, "adopted from %s%s%s", s->other_path, *remark ? ": " : "",
		 remark);
	size_t before = s->undo_count;
	if (change_level(s, criterion, level, text, err) != 0)
		return -1;
	free(s->adoption_history);
	s->adoption_history = strdup(s->a->answers[criterion].history);
	s->adoption_open = s->undo_count > before && s->adoption_history;
	s->adoption_undo = s->undo_count;
	return 0;
}

int session_adopt_remark(struct session *s, const char *remark, struct tri_error *err)
{
	if (!s->adoption_open || s->undo_count != s->adoption_undo || s->undo_count == 0) {
		tri_error_set(err, "there is no adoption to give a remark");
		return -1;
	}
	/* the record must still be the row's last (an outside change merged
	 * meanwhile may have replaced the history) */
	char **history = &s->a->answers[s->undo[s->undo_count - 1].criterion].history;
	size_t recorded = strlen(s->adoption_history);
	if (strncmp(*history, s->adoption_history, recorded) != 0 ||
	    ((*history)[recorded] && strncmp(*history + recorded, ": ", 2) != 0) ||
	    strchr(*history + recorded, '\n')) {
		tri_error_set(err, "the adoption's record is no longer the row's last");
		return -1;
	}
	size_t size = recorded + strlen(remark) + 3;
	char *text = malloc(size);
	if (!text) {
		tri_error_set(err, "out of memory");
		return -1;
	}
	snprintf(text, size, "%s%s%s", s->adoption_history, *remark ? ": " : "", remark);
	int rc = assessment_set_text(history, text, err);
	free(text);
	if (rc == 0)
		session_save(s);
	return rc;
}

int session_set_texts(struct session *s, size_t criterion, const char *evidence,
		      const char *notes, struct tri_error *err)
{
	struct assessment_answer *ans = &s->a->answers[criterion];
	if (strcmp(ans->evidence, evidence) == 0 && strcmp(ans->notes, notes) == 0)
		return 0;
	if (writable(s, err) != 0)
		return -1;
	if (remember(s, criterion) != 0) {
		tri_error_set(err, "out of memory");
		return -1;
	}
	if (assessment_set_text(&ans->evidence, evidence, err) != 0 ||
	    assessment_set_text(&ans->notes, notes, err) != 0) {
		forget_last(s);
		return -1;
	}
	session_save(s);
	return 0;
}

int session_set_plan(struct session *s, size_t criterion, enum level target,
		     const char *action, const char *lead_officer, const char *timescale,
		     struct tri_error *err)
{
	struct assessment_answer *ans = &s->a->answers[criterion];
	if (target > LEVEL_NONE && !framework_has_level(&s->fw->criteria[criterion], target)) {
		tri_error_set(err, "criterion %s has no %s cell", s->fw->criteria[criterion].id,
			      framework_level_name(s->fw, target));
		return -1;
	}
	if (ans->target == target && strcmp(ans->action, action) == 0 &&
	    strcmp(ans->lead_officer, lead_officer) == 0 && strcmp(ans->timescale, timescale) == 0)
		return 0;
	if (writable(s, err) != 0)
		return -1;
	if (remember(s, criterion) != 0) {
		tri_error_set(err, "out of memory");
		return -1;
	}
	if (assessment_set_text(&ans->action, action, err) != 0 ||
	    assessment_set_text(&ans->lead_officer, lead_officer, err) != 0 ||
	    assessment_set_text(&ans->timescale, timescale, err) != 0) {
		forget_last(s);
		return -1;
	}
	ans->target = target;
	session_save(s);
	return 0;
}

long session_undo(struct session *s)
{
	if (s->undo_count == 0)
		return -1;
	struct session_undo *u = &s->undo[--s->undo_count];
	struct assessment_answer *ans = &s->a->answers[u->criterion];
	s->a->levels[u->criterion] = u->level;
	ans->target = u->target;
	for (int k = 0; k < 6; k++) {
		char **slot = answer_slot(ans, k);
		free(*slot);
		*slot = u->text[k];
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

size_t session_answered(const struct session *s)
{
	size_t n = 0;
	for (size_t i = 0; i < s->fw->criterion_count; i++)
		n += s->a->levels[i] != LEVEL_UNANSWERED;
	return n;
}
