/* session: the answers and what changes them — set a level, adopt, edit
 * texts and the plan, undo — each checked, saved at once, and worded for
 * people once for both front ends (struct session_reply). */
#include "session.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "actions.h"
#include "score.h"
#include "words.h"

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

void session_undo_step_free(struct session_undo *u)
{
	for (int k = 0; k < 6; k++)
		free(u->text[k]);
	actionlist_destroy(u->actions);
	free(u->moderation.moderators);
	free(u->moderation.date);
}

void session_finish(struct session *s)
{
	for (size_t i = 0; i < s->undo_count; i++)
		session_undo_step_free(&s->undo[i]);
	free(s->undo);
	assessment_destroy(s->a);
	assessment_destroy(s->base);
	assessment_destroy(s->other);
	actionlist_destroy(s->actions);
	actionlist_destroy(s->actions_base);
	free(s->actions_path);
	free(s->other_path);
	free(s->adoption_history);
	lockfile_destroy(s->lock);
	if (s->following && s->follow_fd >= 0)
		close(s->follow_fd);
	free(s->path);
	free(s->real_path);
	free(s->link_path);
	*s = (struct session){0};
}

/* How the front end names W: "W" in the wizard, "W FILE" in plain mode. */
static const char *save_as_key(const struct session *s, char *buffer, size_t size)
{
	return action_keys(action_get(ACTION_SAVE_AS), s->fw, s->plain, buffer, size);
}

void session_reply_set(struct session_reply *reply, enum session_tone tone, const char *format,
		       ...)
{
	if (!reply)
		return;
	va_list args;
	va_start(args, format);
	vsnprintf(reply->text, sizeof reply->text, format, args);
	va_end(args);
	reply->tone = tone;
}

void session_reply_change(const struct session *s, struct session_reply *reply,
			  const char *format, ...)
{
	if (!reply)
		return;
	char text[SESSION_REPLY_MAX - 64];
	va_list args;
	va_start(args, format);
	vsnprintf(text, sizeof text, format, args);
	va_end(args);
	if (s->save_failed) {
		char save_as[16];
		session_reply_set(reply, SESSION_UNSAVED, "%s, in memory only. %s: save to another "
				  "file.", text, save_as_key(s, save_as, sizeof save_as));
	} else {
		session_reply_set(reply, SESSION_DONE, "%s.", text);
	}
}

/* A failure of the core (err) as the reply's reason. */
static int refuse(struct session_reply *reply, const struct tri_error *err)
{
	session_reply_set(reply, SESSION_REFUSED, "%s", err->message);
	return -1;
}

/* Every change is refused, with the reason, while the file is read-only. */
int session_writable(struct session *s, struct session_reply *reply)
{
	if (!s->read_only[0])
		return 0;
	s->refused_read_only++;
	const char *slash = strrchr(s->path, '/');
	session_reply_set(reply, SESSION_REFUSED, "%s is read-only (%s); W FILE works on a copy",
			  slash && slash[1] ? slash + 1 : s->path, s->read_only);
	return -1;
}

/* Room for one more undo step; -1 when out of memory. */
static int undo_room(struct session *s)
{
	if (s->undo_count < s->undo_capacity)
		return 0;
	size_t cap = s->undo_capacity ? s->undo_capacity * 2 : 64;
	struct session_undo *grown = realloc(s->undo, cap * sizeof *grown);
	if (!grown)
		return -1;
	s->undo = grown;
	s->undo_capacity = cap;
	return 0;
}

int session_remember_actions(struct session *s, size_t criterion, struct session_reply *reply)
{
	struct actionlist *copy = undo_room(s) == 0 ? actionlist_copy(s->actions) : NULL;
	if (!copy) {
		session_reply_set(reply, SESSION_FAILED, "Out of memory: nothing changed.");
		return -1;
	}
	s->undo[s->undo_count++] = (struct session_undo){ .criterion = criterion,
							  .actions = copy };
	return 0;
}

/* Remember criterion's answer as it is now, before a change. */
static int remember(struct session *s, size_t criterion, struct session_reply *reply)
{
	if (undo_room(s) != 0)
		goto oom;
	const struct assessment_moderation *m = &s->a->moderation;
	struct session_undo u = { .criterion = criterion, .level = s->a->levels[criterion],
				  .target = s->a->answers[criterion].target,
				  .resolution = s->a->answers[criterion].resolution,
				  .moderation = { strdup(m->moderators), strdup(m->date), m->status } };
	bool copied = u.moderation.moderators && u.moderation.date;
	for (int k = 0; k < 6; k++)
		copied = (u.text[k] = strdup(*answer_slot(&s->a->answers[criterion], k))) && copied;
	if (!copied) {
		session_undo_step_free(&u);
		goto oom;
	}
	s->undo[s->undo_count++] = u;
	return 0;
oom:
	session_reply_set(reply, SESSION_FAILED, "Out of memory: nothing changed.");
	return -1;
}

void session_forget_last(struct session *s)
{
	session_undo_step_free(&s->undo[--s->undo_count]);
}

/* Put the answer (or the actions) the last undo step remembered back
 * (without saving); returns its criterion. */
static size_t restore_last(struct session *s)
{
	struct session_undo *u = &s->undo[--s->undo_count];
	if (u->actions) {
		actionlist_destroy(s->actions);
		s->actions = u->actions;
		return u->criterion;
	}
	struct assessment_answer *ans = &s->a->answers[u->criterion];
	s->a->levels[u->criterion] = u->level;
	ans->target = u->target;
	ans->resolution = u->resolution;
	for (int k = 0; k < 6; k++) {
		char **slot = answer_slot(ans, k);
		free(*slot);
		*slot = u->text[k];
	}
	struct assessment_moderation *m = &s->a->moderation;
	free(m->moderators);
	free(m->date);
	*m = u->moderation;
	return u->criterion;
}

static int change_level(struct session *s, size_t criterion, enum level level,
			const char *remark, struct session_reply *reply)
{
	if (s->a->levels[criterion] == level &&
	    framework_has_level(&s->fw->criteria[criterion], level))
		return 0;
	if (session_writable(s, reply) != 0 || remember(s, criterion, reply) != 0)
		return -1;
	struct tri_error err;
	int rc = s->other ? assessment_record_change(s->a, criterion, level, s->who, remark, &err)
			  : assessment_set_level(s->a, criterion, level, &err);
	if (rc != 0) {
		session_forget_last(s);
		return refuse(reply, &err);
	}
	if (s->moderation)
		comparison_update_status(s->a, s->other);
	session_save(s);
	return 0;
}

int session_set_level(struct session *s, size_t criterion, enum level level,
		      struct session_reply *reply)
{
	char remark[600] = "";
	if (s->other)
		snprintf(remark, sizeof remark, "set while comparing with %s", s->other_path);
	if (change_level(s, criterion, level, remark, reply) != 0)
		return -1;
	const struct framework *fw = s->fw;
	const struct framework_criterion *c = &fw->criteria[criterion];
	const char *word = words_level(fw, s->a->levels[criterion]);
	if (s->save_failed) {
		session_reply_change(s, reply, "%s: %s", c->id, word);
		return 0;
	}
	struct score_result r;
	score_category(fw, s->a->levels, c->category, &r);
	char state[96];
	session_reply_change(s, reply, "%s: %s. Category %s score %d/%d, %s", c->id, word,
			     fw->categories[c->category].id, r.score, r.max,
			     words_state(fw, &r, WORDS_FULL, state, sizeof state));
	return 0;
}

int session_adopt(struct session *s, size_t criterion, const char *remark,
		  struct session_reply *reply)
{
	const char *id = s->fw->criteria[criterion].id;
	if (!s->other) {
		session_reply_set(reply, SESSION_REFUSED, "no other assessment to adopt from "
				  "(start with --compare OTHER)");
		return -1;
	}
	if (session_refresh_other(s) < 0 || s->other_error[0]) {
		session_reply_set(reply, SESSION_REFUSED, "%s", s->other_error);
		return -1;
	}
	if (s->moderation) {
		int rc = session_decide(s, criterion, ASSESSMENT_ADOPTED, LEVEL_UNANSWERED, reply);
		if (rc == 0 && *remark && s->adoption_open)
			rc = session_adopt_remark(s, remark, reply);
		return rc;
	}
	enum level level = s->other->levels[criterion];
	if (level == LEVEL_UNANSWERED) {
		session_reply_set(reply, SESSION_REFUSED, "%s has no level for %s", s->other_path, id);
		return -1;
	}
	char text[1200];
	snprintf(text, sizeof text, "adopted from %s%s%s", s->other_path, *remark ? ": " : "",
		 remark);
	size_t before = s->undo_count;
	if (change_level(s, criterion, level, text, reply) != 0)
		return -1;
	free(s->adoption_history);
	s->adoption_history = strdup(s->a->answers[criterion].history);
	s->adoption_open = s->undo_count > before && s->adoption_history;
	s->adoption_undo = s->undo_count;
	snprintf(s->adoption_said, sizeof s->adoption_said, "%s: adopted %s", id,
		 words_level(s->fw, level));
	if (s->undo_count == before)
		session_reply_set(reply, SESSION_NOTE, "%s is already at the other's level.", id);
	else
		session_reply_change(s, reply, "%s (recorded in its history)", s->adoption_said);
	return 0;
}

/* What a decision did, for its reply: "1.2: kept Established". */
static void decision_said(struct session *s, size_t criterion, enum assessment_resolution kind)
{
	const char *id = s->fw->criteria[criterion].id;
	const char *level = words_level(s->fw, s->a->levels[criterion]);
	if (kind == ASSESSMENT_DIFFER)
		snprintf(s->adoption_said, sizeof s->adoption_said, "%s: agreed to differ, %s vs %s",
			 id, level, words_level(s->fw, s->other->levels[criterion]));
	else
		snprintf(s->adoption_said, sizeof s->adoption_said, "%s: %s %s%s", id,
			 words_resolution(kind), kind == ASSESSMENT_MODERATED ? "to " : "", level);
}

int session_decide(struct session *s, size_t criterion, enum assessment_resolution kind,
		   enum level level, struct session_reply *reply)
{
	const char *id = s->fw->criteria[criterion].id;
	if (!s->other || !s->moderation) {
		session_reply_set(reply, SESSION_REFUSED, "no moderation here (start with --compare "
				  "PEER on the self-assessment, or --moderate)");
		return -1;
	}
	if (session_refresh_other(s) < 0 || s->other_error[0]) {
		session_reply_set(reply, SESSION_REFUSED, "%s", s->other_error);
		return -1;
	}
	if (session_writable(s, reply) != 0 || remember(s, criterion, reply) != 0)
		return -1;
	struct tri_error err;
	int rc = comparison_decide(s->a, s->other, criterion, kind, level, s->who, "", &err);
	s->adoption_open = false;
	if (rc != 0) {
		session_forget_last(s);
		if (rc < 0)
			return refuse(reply, &err);
		session_reply_set(reply, SESSION_NOTE, "%s: both sides say %s; nothing recorded.", id,
				  words_level(s->fw, s->a->levels[criterion]));
		return 0;
	}
	session_save(s);
	free(s->adoption_history);
	s->adoption_history = strdup(s->a->answers[criterion].history);
	s->adoption_open = s->adoption_history != NULL;
	s->adoption_undo = s->undo_count;
	decision_said(s, criterion, kind);
	session_reply_change(s, reply, "%s (recorded in its history)", s->adoption_said);
	return 0;
}

void session_set_moderation(struct session *s, bool asked)
{
	/* the recording side is the self-assessment (comparison.h): never a
	 * peer review compared with its self-assessment */
	bool peer_on_self = s->other && strcmp(s->a->type, "peer") == 0 &&
			    strcmp(s->other->type, "self") == 0;
	s->moderation = s->other && !peer_on_self &&
			(asked || comparison_is_moderation(s->a, s->other));
}

int session_comparison(const struct session *s, struct comparison *c)
{
	if (!s->other) {
		*c = (struct comparison){ .fw = s->fw, .record = -1 };
		return -1;
	}
	return comparison_init(c, s->a, s->other,
			       s->moderation ? COMPARISON_MODERATE : COMPARISON_AUTO);
}

long session_next_disagreement(const struct session *s, size_t from, int step,
			       struct session_reply *reply)
{
	struct comparison c;
	if (!s->other) {
		session_reply_set(reply, SESSION_REFUSED, "nothing is compared (start with "
				  "--compare PEER)");
		return -1;
	}
	if (session_comparison(s, &c) != 0) {
		session_reply_set(reply, SESSION_FAILED, "Out of memory.");
		return -1;
	}
	long next = comparison_next_open(&c, from, step);
	if (next < 0) {
		session_reply_set(reply, SESSION_NOTE, "No open disagreement%s: %zu resolved.",
				  s->moderation ? "" : " (every level agrees)", c.total.resolved);
	} else {
		size_t index = 0; /* its place among the open ones, in framework order */
		for (size_t i = 0; i <= (size_t)next; i++)
			index += comparison_criterion_open(&c, i);
		session_reply_set(reply, SESSION_NOTE, "%s: open disagreement %zu of %zu.",
				  s->fw->criteria[next].id, index, c.total.open);
	}
	comparison_finish(&c);
	return next;
}

/* Whether the adoption just recorded is still the last change, and its
 * record still the row's last (an outside change merged meanwhile may
 * have replaced the history). */
static bool adoption_still_last(const struct session *s)
{
	if (!s->adoption_open || s->undo_count != s->adoption_undo || s->undo_count == 0)
		return false;
	const char *history = s->a->answers[s->undo[s->undo_count - 1].criterion].history;
	size_t recorded = strlen(s->adoption_history);
	return strncmp(history, s->adoption_history, recorded) == 0 &&
	       (!history[recorded] || strncmp(history + recorded, ": ", 2) == 0) &&
	       !strchr(history + recorded, '\n');
}

int session_adopt_remark(struct session *s, const char *remark, struct session_reply *reply)
{
	if (!adoption_still_last(s)) {
		session_reply_set(reply, SESSION_REFUSED, "the adoption's record is no longer the "
				  "row's last; the remark was not kept");
		return -1;
	}
	size_t criterion = s->undo[s->undo_count - 1].criterion;
	char **history = &s->a->answers[criterion].history;
	size_t size = strlen(s->adoption_history) + strlen(remark) + 3;
	char *text = malloc(size);
	if (!text) {
		session_reply_set(reply, SESSION_FAILED, "Out of memory: the remark was not kept.");
		return -1;
	}
	snprintf(text, size, "%s%s%s", s->adoption_history, *remark ? ": " : "", remark);
	struct tri_error err;
	int rc = assessment_set_text(history, text, &err);
	free(text);
	if (rc != 0)
		return refuse(reply, &err);
	session_save(s);
	session_reply_change(s, reply, "%s (recorded in its history)", s->adoption_said);
	return 0;
}

long session_take_back_adoption(struct session *s, struct session_reply *reply)
{
	if (!adoption_still_last(s)) {
		session_reply_set(reply, SESSION_NOTE, "The adoption is no longer the last change: "
				  "u undoes the last change.");
		return -1;
	}
	long criterion = session_undo(s, NULL);
	s->adoption_open = false;
	session_reply_change(s, reply, "Took back the %s for %s",
			     s->moderation ? "decision" : "adoption", s->fw->criteria[criterion].id);
	return criterion;
}

int session_set_texts(struct session *s, size_t criterion, const char *evidence,
		      const char *notes, struct session_reply *reply)
{
	struct assessment_answer *ans = &s->a->answers[criterion];
	const char *id = s->fw->criteria[criterion].id;
	if (strcmp(ans->evidence, evidence) == 0 && strcmp(ans->notes, notes) == 0) {
		session_reply_set(reply, SESSION_DONE, "Kept the evidence and notes for %s.", id);
		return 0;
	}
	if (session_writable(s, reply) != 0 || remember(s, criterion, reply) != 0)
		return -1;
	struct tri_error err;
	if (assessment_set_text(&ans->evidence, evidence, &err) != 0 ||
	    assessment_set_text(&ans->notes, notes, &err) != 0) {
		restore_last(s); /* the evidence may have changed already */
		return refuse(reply, &err);
	}
	session_save(s);
	session_reply_change(s, reply, "Kept the evidence and notes for %s", id);
	return 0;
}

int session_set_plan(struct session *s, size_t criterion, enum level target,
		     const char *action, const char *lead_officer, const char *timescale,
		     struct session_reply *reply)
{
	struct assessment_answer *ans = &s->a->answers[criterion];
	const struct framework_criterion *c = &s->fw->criteria[criterion];
	if (target > LEVEL_NONE && !framework_has_level(c, target)) {
		session_reply_set(reply, SESSION_REFUSED, "criterion %s has no %s cell", c->id,
				  framework_level_name(s->fw, target));
		return -1;
	}
	if (ans->target == target && strcmp(ans->action, action) == 0 &&
	    strcmp(ans->lead_officer, lead_officer) == 0 && strcmp(ans->timescale, timescale) == 0) {
		session_reply_set(reply, SESSION_DONE, "Kept the action plan for %s.", c->id);
		return 0;
	}
	if (session_writable(s, reply) != 0 || remember(s, criterion, reply) != 0)
		return -1;
	struct tri_error err;
	if (assessment_set_text(&ans->action, action, &err) != 0 ||
	    assessment_set_text(&ans->lead_officer, lead_officer, &err) != 0 ||
	    assessment_set_text(&ans->timescale, timescale, &err) != 0) {
		restore_last(s); /* (some texts may have changed already) */
		return refuse(reply, &err);
	}
	ans->target = target;
	session_save(s);
	session_reply_change(s, reply, "Kept the action plan for %s", c->id);
	return 0;
}

long session_undo(struct session *s, struct session_reply *reply)
{
	if (s->undo_count == 0) {
		session_reply_set(reply, SESSION_NOTE, "Nothing to undo.");
		return -1;
	}
	bool actions = s->undo[s->undo_count - 1].actions != NULL;
	long criterion = (long)restore_last(s);
	if (actions)
		session_save_actions(s);
	else
		session_save(s);
	session_reply_change(s, reply, "Undid the last change to %s", s->fw->criteria[criterion].id);
	return criterion;
}

bool session_quit(const struct session *s, bool again, struct session_reply *reply)
{
	if (!s->save_failed || again)
		return true;
	/* (the wizard's footer says why already; plain mode says it here) */
	char save_as[16], why[sizeof s->save_error + 4] = "";
	if (s->plain)
		snprintf(why, sizeof why, " (%s)", s->save_error);
	session_reply_set(reply, SESSION_WARNING, "Answers are NOT saved%s. %s: save elsewhere; "
			  "q again: quit and lose them.", why, save_as_key(s, save_as, sizeof save_as));
	return false;
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
