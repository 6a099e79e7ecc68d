#include "actionlist.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>

#include "csvio.h"
#include "plan.h"
#include "text.h"

/* Column order when writing: a reader wants the criterion and the
 * action's number first, its words next, its state last. */
enum column {
	COL_CRITERION, COL_ID, COL_CATEGORY, COL_OUTCOME, COL_ACTIVITY, COL_LEAD, COL_DUE,
	COL_DUE_NOTE, COL_STATUS, COL_PROGRESS, COLUMN_COUNT
};

static const char *const column_names[COLUMN_COUNT] = {
	"criterion_id", "action_id", "category", "outcome", "activity", "lead_officer", "due",
	"due_note", "status", "progress",
};

static const char *const status_names[ACTIONLIST_STATUS_COUNT] = {
	"not_started", "on_track", "at_risk", "off_track", "done",
};

/* An actions file holds at most this many actions (a number no plan comes
 * near; it bounds memory and the ids on hostile input). */
#define MAX_ACTIONS 100000u
#define MAX_FILE (64u << 20)

#define WHERE_SIZE 4200
#define WHERE(where, name, line, record) \
	csvio_where((where), sizeof(where), (name), (line), (record))

/* ---- Items ---- */

static void item_finish(struct actionlist_item *item, size_t extra_count)
{
	free(item->outcome);
	free(item->activity);
	free(item->lead);
	free(item->due_note);
	for (size_t u = 0; u < item->update_count; u++) {
		free(item->updates[u].who);
		free(item->updates[u].text);
	}
	free(item->updates);
	for (size_t j = 0; item->extra && j < extra_count; j++)
		free(item->extra[j]);
	free(item->extra);
	*item = (struct actionlist_item){0};
}

/* A blank item with room for extra_count extra values, all "". */
static int item_init(struct actionlist_item *item, size_t extra_count)
{
	*item = (struct actionlist_item){0};
	item->outcome = calloc(1, 1);
	item->activity = calloc(1, 1);
	item->lead = calloc(1, 1);
	item->due_note = calloc(1, 1);
	item->extra = calloc(extra_count ? extra_count : 1, sizeof *item->extra);
	if (!item->outcome || !item->activity || !item->lead || !item->due_note || !item->extra)
		goto fail;
	for (size_t j = 0; j < extra_count; j++)
		if (!(item->extra[j] = calloc(1, 1)))
			goto fail;
	return 0;
fail:
	item_finish(item, extra_count);
	return -1;
}

static int item_copy(struct actionlist_item *to, const struct actionlist_item *from,
		     size_t extra_count)
{
	*to = *from;
	to->outcome = strdup(from->outcome);
	to->activity = strdup(from->activity);
	to->lead = strdup(from->lead);
	to->due_note = strdup(from->due_note);
	to->updates = calloc(from->update_count ? from->update_count : 1, sizeof *to->updates);
	to->extra = calloc(extra_count ? extra_count : 1, sizeof *to->extra);
	if (!to->outcome || !to->activity || !to->lead || !to->due_note || !to->updates ||
	    !to->extra)
		goto fail;
	for (size_t u = 0; u < from->update_count; u++) {
		to->updates[u] = from->updates[u];
		to->updates[u].who = strdup(from->updates[u].who);
		to->updates[u].text = strdup(from->updates[u].text);
		if (!to->updates[u].who || !to->updates[u].text) {
			to->update_count = u + 1;
			goto fail;
		}
	}
	for (size_t j = 0; j < extra_count; j++)
		if (!(to->extra[j] = strdup(from->extra[j])))
			goto fail;
	return 0;
fail:
	item_finish(to, extra_count);
	return -1;
}

struct actionlist *actionlist_create(const struct framework *fw)
{
	struct actionlist *list = calloc(1, sizeof *list);
	if (list)
		list->framework = fw;
	return list;
}

void actionlist_destroy(struct actionlist *list)
{
	if (!list)
		return;
	for (size_t i = 0; i < list->count; i++)
		item_finish(&list->items[i], list->extra_column_count);
	free(list->items);
	for (size_t j = 0; j < list->extra_column_count; j++)
		free(list->extra_columns[j]);
	free(list->extra_columns);
	spreadsheet_notes_finish(&list->read_notes);
	free(list);
}

static int reserve(struct actionlist *list, size_t count)
{
	if (count <= list->capacity)
		return 0;
	size_t capacity = list->capacity ? list->capacity * 2 : 16;
	while (capacity < count)
		capacity *= 2;
	struct actionlist_item *grown = realloc(list->items, capacity * sizeof *grown);
	if (!grown)
		return -1;
	list->items = grown;
	list->capacity = capacity;
	return 0;
}

struct actionlist *actionlist_copy(const struct actionlist *from)
{
	struct actionlist *to = actionlist_create(from->framework);
	if (!to || reserve(to, from->count) != 0)
		goto fail;
	to->bom = from->bom;
	to->extra_columns = calloc(from->extra_column_count ? from->extra_column_count : 1,
				   sizeof *to->extra_columns);
	if (!to->extra_columns)
		goto fail;
	for (size_t j = 0; j < from->extra_column_count; j++) {
		if (!(to->extra_columns[j] = strdup(from->extra_columns[j])))
			goto fail;
		to->extra_column_count = j + 1;
	}
	for (size_t i = 0; i < from->count; i++) {
		if (item_copy(&to->items[i], &from->items[i], from->extra_column_count) != 0)
			goto fail;
		to->count = i + 1;
	}
	/* read_notes are about a file read, not the list: not copied */
	return to;
fail:
	actionlist_destroy(to);
	return NULL;
}

/* ---- Statuses, dates, names ---- */

const char *actionlist_status_name(enum actionlist_status status)
{
	return status < ACTIONLIST_STATUS_COUNT ? status_names[status] : "";
}

const char *actionlist_status_word(enum actionlist_status status)
{
	static const char *const words[ACTIONLIST_STATUS_COUNT] = {
		"Not started", "On track (green)", "At risk (amber)", "Off track (red)", "Done",
	};
	return status < ACTIONLIST_STATUS_COUNT ? words[status] : "";
}

const char *actionlist_status_names(void)
{
	return "not_started, on_track, at_risk, off_track, done";
}

bool actionlist_status_parse(const char *text, enum actionlist_status *status)
{
	char word[24] = "";
	size_t n = 0;
	while (isspace((unsigned char)*text))
		text++;
	for (; *text && n + 1 < sizeof word; text++) {
		unsigned char c = (unsigned char)*text;
		if (c == ' ' || c == '-' || c == '_') {
			if (n && word[n - 1] != '_')
				word[n++] = '_';
		} else {
			word[n++] = (char)tolower(c);
		}
	}
	while (n && word[n - 1] == '_')
		n--;
	word[n] = '\0';
	if (*text)
		return false; /* longer than any status */
	if (n == 0) {
		*status = ACTIONLIST_NOT_STARTED;
		return true;
	}
	for (int s = 0; s < ACTIONLIST_STATUS_COUNT; s++) {
		if (strcmp(word, status_names[s]) == 0) {
			*status = (enum actionlist_status)s;
			return true;
		}
	}
	return false;
}

void actionlist_today(char out[11])
{
	const char *given = getenv("TRI_ASSESS_TODAY");
	if (given && *given && strlen(given) == 10 && assessment_date_valid(given)) {
		memcpy(out, given, 11);
		return;
	}
	time_t now = time(NULL);
	struct tm tm;
	if (!localtime_r(&now, &tm) || strftime(out, 11, "%Y-%m-%d", &tm) != 10)
		snprintf(out, 11, "1970-01-01");
}

bool actionlist_overdue(const struct actionlist_item *item, const char *today)
{
	return item->status != ACTIONLIST_DONE && item->due[0] && strcmp(item->due, today) < 0;
}

int actionlist_path(const char *assessment_path, char *out, size_t size)
{
	size_t stem = strlen(assessment_path);
	const char *slash = strrchr(assessment_path, '/');
	const char *base = slash ? slash + 1 : assessment_path;
	/* "NAME.csv": the stem is NAME; a name that is only ".csv" keeps it */
	if (strlen(base) > 4 && strcasecmp(assessment_path + stem - 4, ".csv") == 0)
		stem -= 4;
	int n = snprintf(out, size, "%.*s-actions.csv", (int)stem, assessment_path);
	return n < 0 || (size_t)n >= size ? -1 : 0;
}

const char *actionlist_label(const struct actionlist *list, const struct actionlist_item *item,
			     char *buffer, size_t size)
{
	snprintf(buffer, size, "%s #%u", list->framework->criteria[item->criterion].id, item->id);
	return buffer;
}

const char *actionlist_outcome(const struct actionlist_item *item,
			       const struct assessment *a)
{
	if (*item->outcome)
		return item->outcome;
	enum level target = plan_target(a, item->criterion);
	const char *cell = target > LEVEL_NONE ? a->framework->criteria[item->criterion].cell[target]
					       : NULL;
	return cell ? cell : "";
}

const struct actionlist_update *actionlist_latest(const struct actionlist_item *item)
{
	const struct actionlist_update *latest = NULL;
	for (size_t u = 0; u < item->update_count; u++)
		if (!latest || strcmp(item->updates[u].date, latest->date) >= 0)
			latest = &item->updates[u];
	return latest;
}

/* ---- Finding and ordering ---- */

long actionlist_find(const struct actionlist *list, unsigned id)
{
	for (size_t i = 0; i < list->count; i++)
		if (list->items[i].id == id)
			return (long)i;
	return -1;
}

size_t actionlist_of_criterion(const struct actionlist *list, size_t criterion, size_t *first)
{
	size_t at = 0;
	while (at < list->count && list->items[at].criterion < criterion)
		at++;
	size_t n = 0;
	while (at + n < list->count && list->items[at + n].criterion == criterion)
		n++;
	if (first)
		*first = at;
	return n;
}

static int by_place(const void *x, const void *y)
{
	const struct actionlist_item *a = x, *b = y;
	if (a->criterion != b->criterion)
		return a->criterion < b->criterion ? -1 : 1;
	return a->id < b->id ? -1 : a->id > b->id;
}

static unsigned next_id(const struct actionlist *list)
{
	unsigned highest = 0;
	for (size_t i = 0; i < list->count; i++)
		if (list->items[i].id > highest)
			highest = list->items[i].id;
	return highest + 1;
}

/* For actionlist_select's sort: the list whose items are ordered. */
static const struct actionlist *sorting;

static int by_due(const void *x, const void *y)
{
	const struct actionlist_item *a = &sorting->items[*(const size_t *)x];
	const struct actionlist_item *b = &sorting->items[*(const size_t *)y];
	if (!a->due[0] != !b->due[0])
		return a->due[0] ? -1 : 1;
	int by_date = strcmp(a->due, b->due);
	return by_date ? by_date : by_place(a, b);
}

static bool passes(const struct actionlist *list, const struct actionlist_item *item,
		   const struct actionlist_filter *f)
{
	const struct framework *fw = list->framework;
	if (f->category >= 0 && fw->criteria[item->criterion].category != (size_t)f->category)
		return false;
	if (f->statuses && !(f->statuses & ACTIONLIST_STATUS_BIT(item->status)))
		return false;
	if (f->overdue && !actionlist_overdue(item, f->today))
		return false;
	return !f->lead || !*f->lead || text_contains(item->lead, f->lead);
}

size_t actionlist_select(const struct actionlist *list, const struct actionlist_filter *filter,
			 size_t *out)
{
	size_t n = 0;
	for (size_t i = 0; i < list->count; i++)
		if (passes(list, &list->items[i], filter))
			out[n++] = i;
	sorting = list;
	if (n) /* (out may be NULL for none) */
		qsort(out, n, sizeof *out, by_due);
	sorting = NULL;
	return n;
}

bool actionlist_same_item(const struct actionlist *xl, const struct actionlist_item *x,
			  const struct actionlist *yl, const struct actionlist_item *y)
{
	if (x->id != y->id || x->criterion != y->criterion || x->status != y->status ||
	    strcmp(x->due, y->due) != 0 || strcmp(x->outcome, y->outcome) != 0 ||
	    strcmp(x->activity, y->activity) != 0 || strcmp(x->lead, y->lead) != 0 ||
	    strcmp(x->due_note, y->due_note) != 0 || x->update_count != y->update_count)
		return false;
	for (size_t u = 0; u < x->update_count; u++)
		if (strcmp(x->updates[u].date, y->updates[u].date) != 0 ||
		    strcmp(x->updates[u].who, y->updates[u].who) != 0 ||
		    strcmp(x->updates[u].text, y->updates[u].text) != 0)
			return false;
	/* extra values by column name: the lists may hold other columns */
	for (size_t j = 0; j < xl->extra_column_count; j++) {
		const char *other = "";
		for (size_t k = 0; k < yl->extra_column_count; k++)
			if (strcasecmp(xl->extra_columns[j], yl->extra_columns[k]) == 0)
				other = y->extra[k];
		if (strcmp(x->extra[j], other) != 0)
			return false;
	}
	for (size_t k = 0; k < yl->extra_column_count; k++) {
		bool in_x = false;
		for (size_t j = 0; j < xl->extra_column_count; j++)
			in_x |= strcasecmp(xl->extra_columns[j], yl->extra_columns[k]) == 0;
		if (!in_x && *y->extra[k])
			return false;
	}
	return true;
}

/* ---- Changes ---- */

static bool one_line(const char *text)
{
	return !strpbrk(text, "\r\n");
}

/* Check fields; fill err and return -1 when one is not what it must be. */
static int check_fields(const struct actionlist_fields *f, struct tri_error *err)
{
	const char *texts[] = { f->outcome, f->activity, f->lead, f->due, f->due_note };
	for (size_t k = 0; k < sizeof texts / sizeof texts[0]; k++) {
		if (!csvio_utf8_valid(texts[k], strlen(texts[k]))) {
			tri_error_set(err, "text is not valid UTF-8");
			return -1;
		}
	}
	if (*f->due && !assessment_date_valid(f->due)) {
		tri_error_set(err, "due date \"%.40s\": expected a date as YYYY-MM-DD (a "
			      "timescale in words, such as \"Sept 2027 review\", goes in the due "
			      "note)", f->due);
		return -1;
	}
	if (f->status >= ACTIONLIST_STATUS_COUNT) {
		tri_error_set(err, "status %d: expected one of %s", (int)f->status,
			      actionlist_status_names());
		return -1;
	}
	return 0;
}

/* Set item's texts from f (checked); -1 when out of memory (item as it was). */
static int set_fields(struct actionlist_item *item, const struct actionlist_fields *f,
		      struct tri_error *err)
{
	char *copies[4] = { strdup(f->outcome), strdup(f->activity), strdup(f->lead),
			    strdup(f->due_note) };
	if (!copies[0] || !copies[1] || !copies[2] || !copies[3]) {
		for (int k = 0; k < 4; k++)
			free(copies[k]);
		tri_error_set(err, "out of memory");
		return -1;
	}
	free(item->outcome);
	free(item->activity);
	free(item->lead);
	free(item->due_note);
	item->outcome = copies[0];
	item->activity = copies[1];
	item->lead = copies[2];
	item->due_note = copies[3];
	snprintf(item->due, sizeof item->due, "%s", f->due);
	item->status = f->status;
	return 0;
}

long actionlist_add(struct actionlist *list, size_t criterion,
		    const struct actionlist_fields *fields, struct tri_error *err)
{
	struct actionlist_item item;
	if (criterion >= list->framework->criterion_count) {
		tri_error_set(err, "no such criterion");
		return -1;
	}
	if (list->count >= MAX_ACTIONS) {
		tri_error_set(err, "the list already holds %u actions, as many as it can", MAX_ACTIONS);
		return -1;
	}
	if (check_fields(fields, err) != 0)
		return -1;
	if (reserve(list, list->count + 1) != 0 ||
	    item_init(&item, list->extra_column_count) != 0) {
		tri_error_set(err, "out of memory");
		return -1;
	}
	if (set_fields(&item, fields, err) != 0) {
		item_finish(&item, list->extra_column_count);
		return -1;
	}
	item.id = next_id(list);
	item.criterion = criterion;
	size_t first, n = actionlist_of_criterion(list, criterion, &first);
	size_t at = first + n; /* the highest id: after the criterion's others */
	memmove(&list->items[at + 1], &list->items[at], (list->count - at) * sizeof *list->items);
	list->items[at] = item;
	list->count++;
	return (long)at;
}

int actionlist_edit(struct actionlist *list, size_t index, const struct actionlist_fields *f,
		    struct tri_error *err)
{
	if (check_fields(f, err) != 0)
		return -1;
	return set_fields(&list->items[index], f, err);
}

void actionlist_set_status(struct actionlist *list, size_t index, enum actionlist_status status)
{
	if (status < ACTIONLIST_STATUS_COUNT)
		list->items[index].status = status;
}

int actionlist_add_update(struct actionlist *list, size_t index, const char *date,
			  const char *who, const char *text, struct tri_error *err)
{
	struct actionlist_item *item = &list->items[index];
	if (strlen(date) != 10 || !assessment_date_valid(date)) {
		tri_error_set(err, "update date \"%.20s\": expected YYYY-MM-DD", date);
		return -1;
	}
	if (!one_line(who) || strchr(who, '|')) {
		tri_error_set(err, "who \"%.80s\": expected a name without '|' or a line break "
			      "(they separate an update's parts)", who);
		return -1;
	}
	if (!one_line(text)) {
		tri_error_set(err, "an update is one line of text");
		return -1;
	}
	if (!csvio_utf8_valid(who, strlen(who)) || !csvio_utf8_valid(text, strlen(text))) {
		tri_error_set(err, "text is not valid UTF-8");
		return -1;
	}
	if (strspn(text, " \t") == strlen(text)) {
		tri_error_set(err, "an update needs some text");
		return -1;
	}
	struct actionlist_update *grown = realloc(item->updates,
						  (item->update_count + 1) * sizeof *grown);
	if (!grown) {
		tri_error_set(err, "out of memory");
		return -1;
	}
	item->updates = grown;
	struct actionlist_update *u = &grown[item->update_count];
	/* stored as the file reads it back: blanks around each part go */
	u->who = csvio_trimmed(who);
	u->text = csvio_trimmed(text);
	if (!u->who || !u->text) {
		free(u->who);
		free(u->text);
		tri_error_set(err, "out of memory");
		return -1;
	}
	memcpy(u->date, date, 11);
	item->update_count++;
	return 0;
}

void actionlist_remove(struct actionlist *list, size_t index)
{
	item_finish(&list->items[index], list->extra_column_count);
	memmove(&list->items[index], &list->items[index + 1],
		(list->count - index - 1) * sizeof *list->items);
	list->count--;
}

/* ---- Merging ---- */

static bool same_columns(const struct actionlist *x, const struct actionlist *y)
{
	if (x->extra_column_count != y->extra_column_count)
		return false;
	for (size_t j = 0; j < x->extra_column_count; j++)
		if (strcmp(x->extra_columns[j], y->extra_columns[j]) != 0)
			return false;
	return true;
}

/* Put a copy of item into list, in its place (criterion, then id). */
static int put_copy(struct actionlist *list, const struct actionlist_item *item)
{
	struct actionlist_item copy;
	if (reserve(list, list->count + 1) != 0 ||
	    item_copy(&copy, item, list->extra_column_count) != 0)
		return -1;
	size_t at = 0;
	while (at < list->count && by_place(&list->items[at], &copy) < 0)
		at++;
	memmove(&list->items[at + 1], &list->items[at], (list->count - at) * sizeof *list->items);
	list->items[at] = copy;
	list->count++;
	return 0;
}

/* Apply ours's change to item o (an id of base or not) onto merged. */
static int merge_one(const struct actionlist *base, const struct actionlist *ours,
		     const struct actionlist_item *o, struct actionlist *merged, bool *conflict)
{
	long b = actionlist_find(base, o->id), t = actionlist_find(merged, o->id);
	if (b < 0) { /* added by ours */
		struct actionlist_item added = *o;
		if (t >= 0)
			added.id = next_id(merged);
		return put_copy(merged, &added);
	}
	if (actionlist_same_item(base, &base->items[b], ours, o))
		return 0; /* unchanged by ours */
	if (t < 0 || !actionlist_same_item(base, &base->items[b], merged, &merged->items[t])) {
		*conflict = true; /* changed (or removed) by both: theirs kept */
		return 0;
	}
	actionlist_remove(merged, (size_t)t);
	return put_copy(merged, o);
}

struct actionlist *actionlist_merge(const struct actionlist *base, const struct actionlist *ours,
				    const struct actionlist *theirs, bool *conflict,
				    struct tri_error *err)
{
	*conflict = !same_columns(base, theirs) || !same_columns(ours, theirs);
	struct actionlist *merged = actionlist_copy(theirs);
	if (!merged)
		goto oom;
	merged->bom = theirs->bom;
	for (size_t i = 0; i < ours->count && !*conflict; i++)
		if (merge_one(base, ours, &ours->items[i], merged, conflict) != 0)
			goto oom;
	return merged;
oom:
	actionlist_destroy(merged);
	tri_error_set(err, "out of memory");
	return NULL;
}

/* ---- Migration from an assessment's own action columns ---- */

bool actionlist_has_legacy(const struct assessment *a)
{
	for (size_t i = 0; a->answers && !a->levels_only && i < a->framework->criterion_count; i++) {
		const struct assessment_answer *ans = &a->answers[i];
		if (*ans->action || *ans->lead_officer || *ans->timescale)
			return true;
	}
	return false;
}

/* The action a criterion's old columns make: due or due note. */
static void legacy_fields(const struct assessment_answer *ans, struct actionlist_fields *f)
{
	bool dated = strlen(ans->timescale) == 10 && assessment_date_valid(ans->timescale);
	*f = (struct actionlist_fields){ .outcome = "", .activity = ans->action,
					 .lead = ans->lead_officer,
					 .due = dated ? ans->timescale : "",
					 .due_note = dated ? "" : ans->timescale,
					 .status = ACTIONLIST_NOT_STARTED };
}

static bool already_there(const struct actionlist *list, size_t criterion,
			  const struct actionlist_fields *f)
{
	size_t first, n = actionlist_of_criterion(list, criterion, &first);
	for (size_t k = first; list->items && k < first + n; k++) {
		const struct actionlist_item *item = &list->items[k];
		if (strcmp(item->activity, f->activity) == 0 && strcmp(item->lead, f->lead) == 0 &&
		    strcmp(item->due, f->due) == 0 && strcmp(item->due_note, f->due_note) == 0)
			return true;
	}
	return false;
}

int actionlist_migrate(struct actionlist *list, struct assessment *a, size_t *moved,
		       struct tri_error *err)
{
	const struct framework *fw = a->framework;
	size_t count = 0;
	struct actionlist *before = actionlist_copy(list);
	if (!before) {
		tri_error_set(err, "out of memory");
		return -1;
	}
	for (size_t i = 0; i < fw->criterion_count && !a->levels_only; i++) {
		const struct assessment_answer *ans = &a->answers[i];
		if (!*ans->action && !*ans->lead_officer && !*ans->timescale)
			continue;
		struct actionlist_fields f;
		legacy_fields(ans, &f);
		count++;
		if (!already_there(list, i, &f) && actionlist_add(list, i, &f, err) < 0)
			goto fail;
	}
	actionlist_destroy(before);
	/* Every action is in the list: only now are the old texts cleared (a
	 * text left by running out of memory here is found there next time) */
	int rc = 0;
	for (size_t i = 0; i < fw->criterion_count && !a->levels_only; i++) {
		struct assessment_answer *ans = &a->answers[i];
		char **slots[3] = { &ans->action, &ans->lead_officer, &ans->timescale };
		for (int k = 0; k < 3; k++)
			if (**slots[k] && assessment_set_text(slots[k], "", err) != 0)
				rc = -1;
	}
	if (moved)
		*moved = count;
	return rc;
fail:
	/* the list as it was; the assessment's texts are only cleared after
	 * every action is in */
	for (size_t i = 0; i < list->count; i++)
		item_finish(&list->items[i], list->extra_column_count);
	list->count = 0;
	for (size_t i = 0; i < before->count; i++)
		list->items[list->count++] = before->items[i];
	before->count = 0;
	actionlist_destroy(before);
	return -1;
}

/* ---- Reading ---- */

/* What reading one file needs. */
struct reader {
	struct actionlist *list;
	const char *name;
	long cols[COLUMN_COUNT];
	long *extra_index;
	size_t *lines, *records; /* per item: where it was read (for messages) */
	struct tri_error *err;
};

static int out_of_memory(const struct reader *r)
{
	tri_error_set(r->err, "%s: out of memory", r->name);
	return -1;
}

static bool known_column(const char *header)
{
	for (int k = 0; k < COLUMN_COUNT; k++)
		if (strcasecmp(header, column_names[k]) == 0)
			return true;
	return false;
}

/* Columns this program does not know are kept, their names and values
 * read without the formula guard (as an assessment's). */
static int adopt_extra_columns(struct reader *r, const struct csvio_table *t)
{
	struct actionlist *list = r->list;
	size_t n = 0;
	for (size_t c = 0; c < t->column_count; c++)
		n += !known_column(t->header[c]);
	r->extra_index = malloc((n ? n : 1) * sizeof *r->extra_index);
	list->extra_columns = calloc(n ? n : 1, sizeof *list->extra_columns);
	if (!r->extra_index || !list->extra_columns)
		return out_of_memory(r);
	for (size_t c = 0, j = 0; c < t->column_count; c++) {
		if (known_column(t->header[c]))
			continue;
		r->extra_index[j] = (long)c;
		if (!(list->extra_columns[j] = csvio_unguard(t->header[c])))
			return out_of_memory(r);
		list->extra_column_count = ++j;
		for (size_t k = 0; k + 1 < j; k++) {
			if (strcasecmp(list->extra_columns[k], list->extra_columns[j - 1]) == 0) {
				tri_error_set(r->err, "%s:%zu: columns \"%s\" and \"%s\" are one "
					      "column, with and without the apostrophe that keeps a "
					      "formula inert; expected each column once", r->name,
					      t->header_line, t->header[r->extra_index[k]],
					      t->header[c]);
				return -1;
			}
		}
	}
	return 0;
}

/* The file's bytes were not what tri-assess writes: said (a save writes
 * UTF-8 with commas). */
static int note_format(struct reader *r, const struct csvio_format *f)
{
	struct spreadsheet_notes *notes = &r->list->read_notes;
	if (f->encoding != CSVIO_UTF8 &&
	    spreadsheet_note(notes, false, "%s: %s text, read as UTF-8 (a save writes UTF-8, "
			     "behind a byte-order mark)", r->name,
			     csvio_encoding_name(f->encoding)) != 0)
		return out_of_memory(r);
	if (f->delimiter != ',' &&
	    spreadsheet_note(notes, false, "%s: fields separated by %s, as its header row is "
			     "(a save separates them with commas)", r->name,
			     csvio_delimiter_name(f->delimiter)) != 0)
		return out_of_memory(r);
	return 0;
}

/* The row's criterion: an id of the framework.  An id that a spreadsheet
 * could have made of another ("6.1" of "6.10") is doubted. */
static int read_criterion(struct reader *r, const struct csvio_row *row, size_t *criterion)
{
	const struct framework *fw = r->list->framework;
	char where[WHERE_SIZE];
	char *id = csvio_trimmed(csvio_row_field(row, r->cols[COL_CRITERION]));
	if (!id)
		return out_of_memory(r);
	long found = *id ? framework_find_criterion(fw, id) : -1;
	if (found < 0) {
		tri_error_set(r->err, "%s: field \"criterion_id\" is \"%.40s\"; expected the "
			      "criterion the action serves, of %s version %s, such as \"1.1\" or "
			      "\"2a.3\" (see: tri-assess criteria)%s",
			      WHERE(where, r->name, row->line, row->record), id, fw->id,
			      fw->version, spreadsheet_bare_date(id) ? "; a spreadsheet may have "
			      "read the id as a date" : "");
		free(id);
		return -1;
	}
	*criterion = (size_t)found;
	char key[64];
	int rc = 0;
	if (spreadsheet_number_key(id, key, sizeof key)) {
		for (size_t i = 0; i < fw->criterion_count && rc == 0; i++) {
			char other[64];
			if (i == *criterion || !spreadsheet_number_key(fw->criteria[i].id, other,
								       sizeof other) ||
			    strcmp(key, other) != 0)
				continue;
			if (spreadsheet_note(&r->list->read_notes, true, "%s: field \"criterion_id\" "
					     "is \"%s\", which a spreadsheet also writes for %s (it "
					     "reads ids as numbers); kept as %s, but check it",
					     WHERE(where, r->name, row->line, row->record), id,
					     fw->criteria[i].id, id) != 0)
				rc = out_of_memory(r);
		}
	}
	free(id);
	return rc;
}

/* The row's action_id: a whole number, or empty (0: numbered later). */
static int read_id(struct reader *r, const struct csvio_row *row, unsigned *id)
{
	char *text = csvio_trimmed(csvio_row_field(row, r->cols[COL_ID]));
	if (!text)
		return out_of_memory(r);
	unsigned long value = 0;
	bool ok = true;
	for (const char *c = text; *c && ok; c++) {
		ok = *c >= '0' && *c <= '9';
		value = value * 10 + (unsigned long)(*c - '0');
		ok = ok && value <= MAX_ACTIONS;
	}
	if (!ok || (*text && value == 0)) {
		char where[WHERE_SIZE];
		tri_error_set(r->err, "%s: field \"action_id\" is \"%.40s\"; expected a whole "
			      "number from 1 to %u, or empty for a new action",
			      WHERE(where, r->name, row->line, row->record), text, MAX_ACTIONS);
		free(text);
		return -1;
	}
	free(text);
	*id = (unsigned)value;
	return 0;
}

/* The due date: YYYY-MM-DD, or a UK spreadsheet's DD/MM/YYYY (repaired
 * and said); words belong in the due note. */
static int read_due(struct reader *r, const struct csvio_row *row, char due[11])
{
	char where[WHERE_SIZE], iso[11];
	bool two_digit;
	char *text = csvio_trimmed(csvio_row_field(row, r->cols[COL_DUE]));
	if (!text)
		return out_of_memory(r);
	int rc = 0;
	if (!*text || (strlen(text) == 10 && assessment_date_valid(text))) {
		snprintf(due, 11, "%s", text);
	} else if (spreadsheet_uk_date(text, iso, &two_digit)) {
		memcpy(due, iso, 11);
		if (spreadsheet_note(&r->list->read_notes, false, "%s: field \"due\" \"%s\" read "
				     "as %s (day/month/year, as a UK spreadsheet writes it%s)",
				     WHERE(where, r->name, row->line, row->record), text, iso,
				     two_digit ? "; a two-digit year is 20YY" : "") != 0)
			rc = out_of_memory(r);
	} else {
		tri_error_set(r->err, "%s: field \"due\" is \"%.80s\"; expected a date as "
			      "YYYY-MM-DD (or DD/MM/YYYY as a UK spreadsheet writes it), or empty; "
			      "a timescale in words, such as \"Sept 2027 review\", goes in due_note",
			      WHERE(where, r->name, row->line, row->record), text);
		rc = -1;
	}
	free(text);
	return rc;
}

static int read_status(struct reader *r, const struct csvio_row *row,
		       enum actionlist_status *status)
{
	char where[WHERE_SIZE];
	const char *text = csvio_row_field(row, r->cols[COL_STATUS]);
	if (actionlist_status_parse(text, status))
		return 0;
	tri_error_set(r->err, "%s: field \"status\" is \"%.40s\"; expected %s (or the same in "
		      "words, \"On track\"), or empty for not started",
		      WHERE(where, r->name, row->line, row->record), text,
		      actionlist_status_names());
	return -1;
}

/* Text with blanks around it removed, as a new string in *out. */
static int trimmed_part(const char *from, size_t length, char **out)
{
	while (length && isspace((unsigned char)*from)) {
		from++;
		length--;
	}
	while (length && isspace((unsigned char)from[length - 1]))
		length--;
	*out = strndup(from, length);
	return *out ? 0 : -1;
}

/* One line of the progress field: "YYYY-MM-DD | who | text".  Returns 0,
 * 1 when it is not such a line, -1 when out of memory. */
static int parse_update(const char *line, size_t length, struct actionlist_update *u)
{
	while (length && isspace((unsigned char)*line)) {
		line++;
		length--;
	}
	if (length < 10)
		return 1;
	memcpy(u->date, line, 10);
	u->date[10] = '\0';
	if (!assessment_date_valid(u->date))
		return 1;
	const char *end = line + length, *bar1 = line + 10;
	while (bar1 < end && (*bar1 == ' ' || *bar1 == '\t'))
		bar1++;
	if (bar1 == end || *bar1 != '|')
		return 1;
	const char *bar2 = memchr(bar1 + 1, '|', (size_t)(end - bar1 - 1));
	if (!bar2)
		return 1;
	u->who = u->text = NULL;
	if (trimmed_part(bar1 + 1, (size_t)(bar2 - bar1 - 1), &u->who) != 0 ||
	    trimmed_part(bar2 + 1, (size_t)(end - bar2 - 1), &u->text) != 0) {
		free(u->who);
		return -1;
	}
	return 0;
}

/* One line (length bytes, not blank) of the progress field, the number-th
 * update: appended to item's updates.  Returns 0, or -1 with r->err filled. */
static int read_update(struct reader *r, const struct csvio_row *row,
		       struct actionlist_item *item, const char *line, size_t length,
		       size_t number)
{
	struct actionlist_update u;
	struct actionlist_update *grown = realloc(item->updates, (item->update_count + 1) *
						  sizeof *grown);
	if (!grown)
		return out_of_memory(r);
	item->updates = grown;
	int rc = parse_update(line, length, &u);
	if (rc < 0)
		return out_of_memory(r);
	if (rc == 0) {
		grown[item->update_count++] = u;
		return 0;
	}
	char where[WHERE_SIZE];
	tri_error_set(r->err, "%s: field \"progress\", update %zu, is \"%.60s\"; expected "
		      "\"YYYY-MM-DD | who | what happened\", one update a line",
		      WHERE(where, r->name, row->line, row->record), number, line);
	return -1;
}

/* The progress field: one update a line (blank lines aside). */
static int read_progress(struct reader *r, const struct csvio_row *row,
			 struct actionlist_item *item)
{
	char *text = csvio_unguard(csvio_row_field(row, r->cols[COL_PROGRESS]));
	if (!text)
		return out_of_memory(r);
	int rc = 0;
	size_t number = 0;
	for (const char *line = text; *line && rc == 0;) {
		size_t length = strcspn(line, "\r\n");
		const char *next = line + length + (line[length] == '\r' && line[length + 1] == '\n'
						     ? 2 : line[length] ? 1 : 0);
		if (strspn(line, " \t") < length)
			rc = read_update(r, row, item, line, length, ++number);
		line = next;
	}
	free(text);
	return rc;
}

/* Replace *slot with the stored text without its formula guard. */
static int take_text(char **slot, const char *stored)
{
	char *text = csvio_unguard(stored);
	if (!text)
		return -1;
	free(*slot);
	*slot = text;
	return 0;
}

/* Free text a spreadsheet turned into a date: kept, and doubted. */
static int doubt_texts(struct reader *r, const struct csvio_row *row)
{
	char where[WHERE_SIZE];
	static const int columns[] = { COL_OUTCOME, COL_ACTIVITY, COL_LEAD, COL_DUE_NOTE };
	for (size_t i = 0; i < sizeof columns / sizeof columns[0]; i++) {
		const char *text = csvio_row_field(row, r->cols[columns[i]]);
		if (spreadsheet_bare_date(text) &&
		    spreadsheet_note(&r->list->read_notes, true, "%s: field \"%s\" is \"%s\", a "
				     "bare date as a spreadsheet writes one; kept as text, but "
				     "check it: a spreadsheet turns a text such as \"March 2027\" "
				     "into such a date", WHERE(where, r->name, row->line,
				     row->record), column_names[columns[i]], text) != 0)
			return out_of_memory(r);
	}
	return 0;
}

/* One data row: a new item at the end of the list. */
static int read_row(struct reader *r, const struct csvio_row *row)
{
	struct actionlist *list = r->list;
	if (list->count >= MAX_ACTIONS) {
		char where[WHERE_SIZE];
		tri_error_set(r->err, "%s: more than %u actions; expected at most %u",
			      WHERE(where, r->name, row->line, row->record), MAX_ACTIONS,
			      MAX_ACTIONS);
		return -1;
	}
	if (reserve(list, list->count + 1) != 0)
		return out_of_memory(r);
	struct actionlist_item *item = &list->items[list->count];
	if (item_init(item, list->extra_column_count) != 0)
		return out_of_memory(r);
	r->lines[list->count] = row->line;
	r->records[list->count] = row->record;
	list->count++; /* from here the list owns it */
	if (read_criterion(r, row, &item->criterion) != 0 || read_id(r, row, &item->id) != 0 ||
	    read_due(r, row, item->due) != 0 || read_status(r, row, &item->status) != 0 ||
	    read_progress(r, row, item) != 0 || doubt_texts(r, row) != 0)
		return -1;
	char **slots[4] = { &item->outcome, &item->activity, &item->lead, &item->due_note };
	const int columns[4] = { COL_OUTCOME, COL_ACTIVITY, COL_LEAD, COL_DUE_NOTE };
	for (int k = 0; k < 4; k++)
		if (take_text(slots[k], csvio_row_field(row, r->cols[columns[k]])) != 0)
			return out_of_memory(r);
	for (size_t j = 0; j < list->extra_column_count; j++)
		if (take_text(&item->extra[j], csvio_row_field(row, r->extra_index[j])) != 0)
			return out_of_memory(r);
	return 0;
}

/* Each id once; rows without one get the next free numbers, said. */
static int number_items(struct reader *r)
{
	struct actionlist *list = r->list;
	char where[WHERE_SIZE];
	for (size_t i = 0; i < list->count; i++) {
		for (size_t k = 0; k < i && list->items[i].id; k++) {
			if (list->items[k].id != list->items[i].id)
				continue;
			tri_error_set(r->err, "%s: field \"action_id\" is %u, as on line %zu; "
				      "expected each action's number once",
				      WHERE(where, r->name, r->lines[i], r->records[i]),
				      list->items[i].id, r->lines[k]);
			return -1;
		}
	}
	unsigned next = next_id(list);
	for (size_t i = 0; i < list->count; i++) {
		if (list->items[i].id)
			continue;
		list->items[i].id = next++;
		if (spreadsheet_note(&list->read_notes, false, "%s: an action without an "
				     "action_id, numbered %u", WHERE(where, r->name, r->lines[i],
				     r->records[i]), list->items[i].id) != 0)
			return out_of_memory(r);
	}
	if (list->count) /* (qsort's items may not be NULL, even for none) */
		qsort(list->items, list->count, sizeof *list->items, by_place);
	return 0;
}

struct actionlist *actionlist_parse(const struct framework *fw, const char *name,
				    const char *data, size_t size, struct tri_error *err)
{
	struct csvio_table t;
	struct reader r = { .name = name, .err = err };
	if (csvio_table_parse_spreadsheet(&t, name, data, size, column_names[COL_CRITERION],
					  err) != 0)
		return NULL;
	for (int c = 0; c < COLUMN_COUNT; c++)
		r.cols[c] = csvio_table_column(&t, column_names[c]);
	if (r.cols[COL_CRITERION] < 0 || r.cols[COL_ACTIVITY] < 0) {
		tri_error_set(err, "%s:%zu: no column \"%s\"; expected an actions file, a header "
			      "with at least criterion_id and activity", name, t.header_line,
			      r.cols[COL_CRITERION] < 0 ? "criterion_id" : "activity");
		goto fail;
	}
	r.list = actionlist_create(fw);
	r.lines = malloc((t.row_count ? t.row_count : 1) * sizeof *r.lines);
	r.records = malloc((t.row_count ? t.row_count : 1) * sizeof *r.records);
	if (!r.list || !r.lines || !r.records) {
		out_of_memory(&r);
		goto fail;
	}
	r.list->bom = t.format.bom || t.format.encoding != CSVIO_UTF8;
	if (note_format(&r, &t.format) != 0 || adopt_extra_columns(&r, &t) != 0)
		goto fail;
	for (size_t i = 0; i < t.row_count; i++)
		if (read_row(&r, &t.rows[i]) != 0)
			goto fail;
	if (number_items(&r) != 0)
		goto fail;
	goto done;
fail:
	actionlist_destroy(r.list);
	r.list = NULL;
done:
	free(r.lines);
	free(r.records);
	free(r.extra_index);
	csvio_table_finish(&t);
	return r.list;
}

struct actionlist *actionlist_read(const struct framework *fw, const char *path, bool *exists,
				   struct fileid *id, struct tri_error *err)
{
	struct stat st;
	*exists = false;
	if (lstat(path, &st) != 0) {
		if (errno != ENOENT) {
			tri_error_set(err, "%s: cannot open: %s", path, strerror(errno));
			return NULL;
		}
		if (id)
			*id = (struct fileid){0};
		struct actionlist *list = actionlist_create(fw);
		if (!list)
			tri_error_set(err, "out of memory");
		return list;
	}
	if (S_ISLNK(st.st_mode)) {
		tri_error_set(err, "%s is a symbolic link; expected the actions file itself "
			      "(tri-assess writes it, and never through a link)", path);
		return NULL;
	}
	char *data;
	size_t size;
	if (fileid_read(path, MAX_FILE, &data, &size, id, err) != 0)
		return NULL;
	*exists = true;
	struct actionlist *list = actionlist_parse(fw, path, data, size, err);
	free(data);
	return list;
}

struct actionlist *actionlist_load_for(struct assessment *a, const char *assessment_path,
				       struct tri_error *err)
{
	char real[PATH_MAX], path[PATH_MAX + 16];
	if (fileid_resolve(assessment_path, true, real) != 0) {
		tri_error_set(err, "%s: %s", assessment_path, strerror(errno));
		return NULL;
	}
	if (actionlist_path(real, path, sizeof path) != 0) {
		tri_error_set(err, "%s: path too long", assessment_path);
		return NULL;
	}
	bool exists;
	struct actionlist *list = actionlist_read(a->framework, path, &exists, NULL, err);
	size_t moved = 0;
	if (list && actionlist_migrate(list, a, &moved, err) != 0) {
		actionlist_destroy(list);
		return NULL;
	}
	char named[PATH_MAX + 16];
	if (actionlist_path(assessment_path, named, sizeof named) != 0)
		snprintf(named, sizeof named, "%s", path);
	if (list && moved &&
	    spreadsheet_note(&list->read_notes, false, "%s: the action plan columns of %zu "
			     "criteri%s (action, lead_officer, timescale) read as actions; the "
			     "wizard moves them into %s when it opens the file", assessment_path,
			     moved, moved == 1 ? "on" : "a", named) != 0) {
		tri_error_set(err, "out of memory");
		actionlist_destroy(list);
		return NULL;
	}
	return list;
}

/* ---- Writing ---- */

char *actionlist_progress_text(const struct actionlist_item *item)
{
	size_t size = 1;
	for (size_t u = 0; u < item->update_count; u++)
		size += strlen(item->updates[u].who) + strlen(item->updates[u].text) + 20;
	char *text = malloc(size);
	if (!text)
		return NULL;
	size_t used = 0;
	text[0] = '\0';
	for (size_t u = 0; u < item->update_count; u++)
		used += (size_t)snprintf(text + used, size - used, "%s%s | %s | %s", u ? "\n" : "",
					 item->updates[u].date, item->updates[u].who,
					 item->updates[u].text);
	return text;
}

static int write_item(const struct actionlist *list, const struct actionlist_item *item,
		      const char **fields, FILE *out)
{
	const struct framework *fw = list->framework;
	const struct framework_criterion *crit = &fw->criteria[item->criterion];
	char id[16];
	snprintf(id, sizeof id, "%u", item->id);
	char *progress = actionlist_progress_text(item);
	if (!progress) {
		errno = ENOMEM;
		return -1;
	}
	fields[COL_CRITERION] = crit->id;
	fields[COL_ID] = id;
	fields[COL_CATEGORY] = fw->categories[crit->category].title;
	fields[COL_OUTCOME] = item->outcome;
	fields[COL_ACTIVITY] = item->activity;
	fields[COL_LEAD] = item->lead;
	fields[COL_DUE] = item->due;
	fields[COL_DUE_NOTE] = item->due_note;
	fields[COL_STATUS] = status_names[item->status];
	fields[COL_PROGRESS] = progress;
	for (size_t j = 0; j < list->extra_column_count; j++)
		fields[COLUMN_COUNT + j] = item->extra[j];
	int rc = csvio_write_guarded(out, fields, COLUMN_COUNT + list->extra_column_count);
	free(progress);
	return rc;
}

int actionlist_write(const struct actionlist *list, FILE *out, struct tri_error *err)
{
	size_t width = COLUMN_COUNT + list->extra_column_count;
	const char **fields = calloc(width, sizeof *fields);
	int rc = -1;
	if (!fields) {
		tri_error_set(err, "out of memory");
		return -1;
	}
	for (int c = 0; c < COLUMN_COUNT; c++)
		fields[c] = column_names[c];
	for (size_t j = 0; j < list->extra_column_count; j++)
		fields[COLUMN_COUNT + j] = list->extra_columns[j];
	errno = 0;
	if ((list->bom && fputs("\xEF\xBB\xBF", out) == EOF) ||
	    csvio_write_guarded(out, fields, width) != 0)
		goto io;
	for (size_t i = 0; i < list->count; i++)
		if (write_item(list, &list->items[i], fields, out) != 0)
			goto io;
	rc = 0;
	goto done;
io:
	tri_error_set(err, errno == ENOMEM ? "out of memory" : "cannot write");
done:
	free(fields);
	return rc;
}
