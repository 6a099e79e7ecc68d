/* session_find: finding where to go — a search through the criteria's
 * cells and the answers' texts, a criterion by its id, and the fewest
 * steps to a category's next level.  No curses here. */
#include "session.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "score.h"
#include "text.h"
#include "words.h"

/* Whether criterion i mentions text: its id exactly, or its cells,
 * evidence or notes containing it (case and accents ignored: text.h). */
static bool mentions(const struct session *s, size_t i, const char *text)
{
	const struct framework_criterion *c = &s->fw->criteria[i];
	if (strcasecmp(c->id, text) == 0)
		return true;
	for (size_t l = 1; l < s->fw->level_count; l++)
		if (c->cell[l] && text_contains(c->cell[l], text))
			return true;
	return text_contains(s->a->answers[i].evidence, text) ||
	       text_contains(s->a->answers[i].notes, text);
}

long session_find(struct session *s, const char *text, size_t from, int step,
		  struct session_reply *reply)
{
	if (text && !*text) {
		s->search[0] = '\0'; /* and its matches no longer highlighted */
		session_reply_set(reply, SESSION_NOTE, "Search cancelled.");
		return -1;
	}
	if (text)
		snprintf(s->search, sizeof s->search, "%s", text);
	if (!s->search[0]) {
		session_reply_set(reply, SESSION_NOTE, "Nothing searched for yet: / finds text.");
		return -1;
	}
	const struct framework *fw = s->fw;
	size_t n = fw->criterion_count, matches = 0, first = n;
	for (size_t k = 1; k <= n; k++) {
		size_t i = step < 0 ? (from + n - k) % n : (from + k) % n;
		if (mentions(s, i, s->search)) {
			matches++;
			if (first == n)
				first = i;
		}
	}
	if (first == n) {
		session_reply_set(reply, SESSION_FAILED, "No criterion mentions \"%s\".", s->search);
		return -1;
	}
	session_reply_set(reply, SESSION_DONE, "\"%s\": %s, %zu matching criteri%s. n/N: next/previous.",
			  s->search, fw->criteria[first].id, matches, matches == 1 ? "on" : "a");
	return (long)first;
}

long session_find_id(const struct session *s, const char *id, struct session_reply *reply)
{
	long found = framework_find_criterion(s->fw, id);
	if (found < 0)
		session_reply_set(reply, SESSION_REFUSED, "no criterion \"%s\"; expected an id such "
				  "as 1.1 or 2a.3", id);
	return found;
}

int session_steps(const struct session *s, size_t category, struct plan_gap *gap,
		  char *heading, size_t size)
{
	const struct framework *fw = s->fw;
	const struct framework_category *cat = &fw->categories[category];
	struct score_result r;
	score_category(fw, s->a->levels, category, &r);
	if (r.state == SCORE_NOT_ASSESSED) {
		snprintf(heading, size, "Category %s is not assessed: its rows need levels first.",
			 cat->id);
		return 0;
	}
	if (plan_gap(fw, s->a->levels, category, gap) != 0) {
		snprintf(heading, size, "Category %s: the steps could not be worked out.", cat->id);
		return 0;
	}
	if (gap->next_level == LEVEL_NONE) {
		snprintf(heading, size, "Category %s is %s%s.", cat->id,
			 words_level(fw, framework_highest_level(fw)),
			 r.state == SCORE_PROVISIONAL ? " so far" : "");
		return 0;
	}
	snprintf(heading, size, "Category %s: %d more for %s; the fewest steps (%zu):", cat->id,
		 gap->points_needed, words_level(s->fw, gap->next_level), gap->step_count);
	return (int)gap->raise_count;
}

const char *session_step_line(const struct session *s, const struct plan_raise *raise,
			      char *buffer, size_t size)
{
	const struct framework_criterion *c = &s->fw->criteria[raise->criterion];
	snprintf(buffer, size, "  %-5s to %s (+%d): %s", c->id, words_level(s->fw, raise->to), raise->gain,
		 c->cell[raise->to]);
	return buffer;
}
