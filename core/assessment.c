#include "assessment.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "atomicfile.h"
#include "csvio.h"
#include "idmatch.h"

/* Column order when writing: the columns a reader wants first. */
enum column {
	COL_CRITERION, COL_CATEGORY, COL_SECTION, COL_LEVEL, COL_POINTS,
	COL_STATEMENT, COL_EVIDENCE, COL_NOTES, COL_TARGET, COL_ACTION,
	COL_LEAD, COL_TIMESCALE, COL_HISTORY, COL_ORGANISATION, COL_TYPE,
	COL_ASSESSORS, COL_DATE, COL_FRAMEWORK_ID, COL_FRAMEWORK_VERSION,
	/* appended for moderation (clarifications rule 8): older files lack them */
	COL_RESOLUTION, COL_MODERATORS, COL_MODERATION_DATE, COL_MODERATION_STATUS,
	COLUMN_COUNT
};

static const char *const column_names[COLUMN_COUNT] = {
	"criterion_id", "category", "section", "level", "points", "statement",
	"evidence", "notes", "target_level", "action", "lead_officer", "timescale",
	"history", "organisation", "assessment_type", "assessors", "date",
	"framework_id", "framework_version", "resolution", "moderators", "moderation_date",
	"moderation_status",
};

static const char *const resolution_names[ASSESSMENT_RESOLUTION_COUNT] = {
	"", "adopted", "kept", "moderated", "differ",
};

static const char *const status_names[] = { "", "in_progress", "completed" };

/* The free-text columns of a row, in the answer, in column order from
 * COL_EVIDENCE (COL_TARGET, a level, is handled on its own). */
static char **answer_text(struct assessment_answer *ans, int column)
{
	switch (column) {
	case COL_EVIDENCE: return &ans->evidence;
	case COL_NOTES: return &ans->notes;
	case COL_ACTION: return &ans->action;
	case COL_LEAD: return &ans->lead_officer;
	case COL_TIMESCALE: return &ans->timescale;
	case COL_HISTORY: return &ans->history;
	default: return NULL;
	}
}

static char *empty_string(void)
{
	return calloc(1, 1);
}

/* The texts of a levels-only assessment's answers: thousands of files
 * are counted without one allocation per text. */
static char shared_empty[1];
static char *no_extra[1];

/* A blank assessment; with levels_only, its answers' texts are shared. */
static struct assessment *create(const struct framework *fw, bool levels_only)
{
	struct assessment *a = calloc(1, sizeof *a);
	if (!a)
		return NULL;
	a->framework = fw;
	a->levels_only = levels_only;
	a->organisation = empty_string();
	a->type = empty_string();
	a->assessors = empty_string();
	a->date = empty_string();
	a->moderation.moderators = empty_string();
	a->moderation.date = empty_string();
	size_t n = fw->criterion_count;
	a->levels = malloc((n ? n : 1) * sizeof *a->levels);
	a->answers = calloc(n ? n : 1, sizeof *a->answers);
	if (!a->organisation || !a->type || !a->assessors || !a->date || !a->levels ||
	    !a->answers || !a->moderation.moderators || !a->moderation.date)
		goto fail;
	for (size_t i = 0; i < n; i++) {
		a->levels[i] = LEVEL_UNANSWERED;
		struct assessment_answer *ans = &a->answers[i];
		ans->target = LEVEL_UNANSWERED;
		for (int c = COL_EVIDENCE; c <= COL_HISTORY; c++) {
			char **slot = answer_text(ans, c);
			if (slot && !(*slot = levels_only ? shared_empty : empty_string()))
				goto fail;
		}
		ans->extra = levels_only ? no_extra : calloc(1, sizeof(char *));
		if (!ans->extra)
			goto fail;
	}
	return a;
fail:
	assessment_destroy(a);
	return NULL;
}

struct assessment *assessment_create(const struct framework *fw)
{
	return create(fw, false);
}

void assessment_destroy(struct assessment *a)
{
	if (!a)
		return;
	free(a->organisation);
	free(a->type);
	free(a->assessors);
	free(a->date);
	free(a->moderation.moderators);
	free(a->moderation.date);
	for (size_t i = 0; a->answers && !a->levels_only && i < a->framework->criterion_count; i++) {
		for (int c = COL_EVIDENCE; c <= COL_HISTORY; c++) {
			char **slot = answer_text(&a->answers[i], c);
			if (slot)
				free(*slot);
		}
		for (size_t j = 0; a->answers[i].extra && j < a->extra_column_count; j++)
			free(a->answers[i].extra[j]);
		free(a->answers[i].extra);
	}
	for (size_t j = 0; j < a->extra_column_count; j++)
		free(a->extra_columns[j]);
	free(a->extra_columns);
	spreadsheet_notes_finish(&a->read_notes);
	free(a->answers);
	free(a->levels);
	free(a);
}

int assessment_set_text(char **slot, const char *text, struct tri_error *err)
{
	if (!csvio_utf8_valid(text, strlen(text))) {
		tri_error_set(err, "text is not valid UTF-8");
		return -1;
	}
	char *copy = strdup(text);
	if (!copy) {
		tri_error_set(err, "out of memory");
		return -1;
	}
	free(*slot);
	*slot = copy;
	return 0;
}

const char *assessment_levels_available(const struct framework *fw,
					const struct framework_criterion *crit,
					char *buffer, size_t size)
{
	size_t used = (size_t)snprintf(buffer, size, "%s", framework_level_name(fw, LEVEL_NONE));
	for (size_t l = 1; l < fw->level_count && used < size; l++)
		if (crit->cell[l])
			used += (size_t)snprintf(buffer + used, size - used, ", %s",
						 fw->levels[l].name);
	return buffer;
}

int assessment_set_level(struct assessment *a, size_t criterion, enum level level,
			 struct tri_error *err)
{
	const struct framework *fw = a->framework;
	const struct framework_criterion *crit = &fw->criteria[criterion];
	char available[FRAMEWORK_MAX_LEVELS * (FRAMEWORK_MAX_LEVEL_NAME + 2)];
	if (level != LEVEL_UNANSWERED && (level < LEVEL_NONE || (size_t)level >= fw->level_count)) {
		tri_error_set(err, "criterion %s has no level %d; it can be %s", crit->id,
			      (int)level, assessment_levels_available(fw, crit, available,
								      sizeof available));
		return -1;
	}
	if (!framework_has_level(crit, level)) {
		tri_error_set(err, "criterion %s has no %s cell; it can be %s", crit->id,
			      framework_level_name(fw, level),
			      assessment_levels_available(fw, crit, available, sizeof available));
		return -1;
	}
	a->levels[criterion] = level;
	return 0;
}

/* "YYYY-MM-DD HH:MM" (when) and "YYYY-MM-DD" (day) of now, local time. */
static void now_text(char *when, size_t when_size, char *day, size_t day_size)
{
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	strftime(when, when_size, "%Y-%m-%d %H:%M", &tm);
	strftime(day, day_size, "%Y-%m-%d", &tm);
}

/* The row's history with a line appended: "when | who | old -> new |
 * remark".  A new heap string, or NULL. */
static char *history_with(const struct assessment *a, size_t criterion, enum level old,
			  enum level level, const char *who, const char *remark)
{
	char when[32], day[16];
	now_text(when, sizeof when, day, sizeof day);
	const char *history = a->answers[criterion].history;
	size_t size = strlen(history) + strlen(who) + strlen(remark) + 96 +
		      2 * (size_t)FRAMEWORK_MAX_LEVEL_NAME;
	char *line = malloc(size);
	if (line)
		snprintf(line, size, "%s%s%s | %s | %s -> %s | %s", history, *history ? "\n" : "",
			 when, *who ? who : "(unknown)",
			 old == LEVEL_UNANSWERED ? "unanswered" : framework_level_name(a->framework,
										      old),
			 framework_level_name(a->framework, level), remark);
	return line;
}

int assessment_record_change(struct assessment *a, size_t criterion, enum level level,
			     const char *who, const char *remark, struct tri_error *err)
{
	enum level old = a->levels[criterion];
	char *history = history_with(a, criterion, old, level, who, remark);
	if (!history) {
		tri_error_set(err, "out of memory");
		return -1;
	}
	if (assessment_set_level(a, criterion, level, err) != 0) {
		free(history);
		return -1;
	}
	free(a->answers[criterion].history);
	a->answers[criterion].history = history;
	return 0;
}

/* True if who is one of the names in list ("A; B"). */
static bool listed(const char *list, const char *who)
{
	size_t length = strlen(who);
	for (const char *p = list; *p;) {
		size_t n = strcspn(p, ";");
		const char *end = p + n;
		while (p < end && *p == ' ')
			p++;
		if ((size_t)(end - p) == length && strncmp(p, who, length) == 0)
			return true;
		p = *end ? end + 1 : end;
	}
	return false;
}

/* The moderators with who added (once); a new heap string, or NULL. */
static char *moderators_with(const char *list, const char *who)
{
	if (!*who || listed(list, who))
		return strdup(list);
	size_t size = strlen(list) + strlen(who) + 3;
	char *out = malloc(size);
	if (out)
		snprintf(out, size, "%s%s%s", list, *list ? "; " : "", who);
	return out;
}

int assessment_record_decision(struct assessment *a, size_t criterion,
			       enum assessment_resolution kind, enum level level,
			       const char *who, const char *remark, struct tri_error *err)
{
	enum level old = a->levels[criterion];
	if (kind != ASSESSMENT_ADOPTED && kind != ASSESSMENT_MODERATED)
		level = old;
	if (kind == ASSESSMENT_OPEN || kind >= ASSESSMENT_RESOLUTION_COUNT) {
		tri_error_set(err, "internal error: a decision must be adopted, kept, moderated "
			      "or differ");
		return -1;
	}
	size_t size = strlen(remark) + 16;
	char *said = malloc(size);
	char day[16], when[32];
	now_text(when, sizeof when, day, sizeof day);
	char *date = strdup(day);
	char *moderators = moderators_with(a->moderation.moderators, who);
	char *history = NULL;
	if (said) {
		snprintf(said, size, "%s%s%s", resolution_names[kind], *remark ? ": " : "", remark);
		history = history_with(a, criterion, old, level, who, said);
	}
	if (!said || !date || !moderators || !history) {
		tri_error_set(err, "out of memory");
		goto fail;
	}
	if (assessment_set_level(a, criterion, level, err) != 0)
		goto fail;
	free(said);
	free(a->answers[criterion].history);
	a->answers[criterion].history = history;
	a->answers[criterion].resolution = kind;
	free(a->moderation.moderators);
	a->moderation.moderators = moderators;
	free(a->moderation.date);
	a->moderation.date = date;
	if (a->moderation.status == ASSESSMENT_NOT_MODERATED)
		a->moderation.status = ASSESSMENT_IN_PROGRESS;
	return 0;
fail:
	free(said);
	free(date);
	free(moderators);
	free(history);
	return -1;
}

const char *assessment_resolution_name(enum assessment_resolution resolution)
{
	return resolution > ASSESSMENT_OPEN && resolution < ASSESSMENT_RESOLUTION_COUNT
	       ? resolution_names[resolution] : "";
}

bool assessment_resolution_parse(const char *text, enum assessment_resolution *resolution)
{
	for (int r = 0; r < ASSESSMENT_RESOLUTION_COUNT; r++) {
		if (strcasecmp(text, resolution_names[r]) == 0) {
			*resolution = (enum assessment_resolution)r;
			return true;
		}
	}
	return false;
}

const char *assessment_moderation_status_name(enum assessment_moderation_status status)
{
	return status_names[status <= ASSESSMENT_COMPLETED ? status : 0];
}

bool assessment_date_valid(const char *s)
{
	if (*s == '\0')
		return true;
	for (int i = 0; i < 10; i++) {
		bool dash = i == 4 || i == 7;
		if (dash ? s[i] != '-' : !isdigit((unsigned char)s[i]))
			return false;
	}
	if (s[10] != '\0')
		return false;
	int year = atoi(s), month = atoi(s + 5), day = atoi(s + 8);
	static const int days[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (month < 1 || month > 12 || day < 1 || day > days[month - 1] || year < 1900)
		return false;
	bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
	return !(month == 2 && day == 29 && !leap);
}

bool assessment_type_valid(const char *text)
{
	return !*text || strcmp(text, "self") == 0 || strcmp(text, "peer") == 0;
}

/* The metadata columns: where they live in the struct, once per file. */
struct meta_seen {
	const char *value;  /* first non-empty value, borrowed from the table */
	size_t line, record;
};

/* "name:line" or "name:line (spreadsheet row N)", into where. */
#define WHERE_SIZE 4200
#define WHERE(where, name, line, record) \
	csvio_where((where), sizeof(where), (name), (line), (record))

static int check_meta(const char *name, const struct csvio_table *t, long column,
		      const char *label, struct meta_seen *seen, struct tri_error *err)
{
	for (size_t r = 0; column >= 0 && r < t->row_count; r++) {
		const char *v = csvio_row_field(&t->rows[r], column);
		if (!*v)
			continue;
		if (!seen->value) {
			seen->value = v;
			seen->line = t->rows[r].line;
			seen->record = t->rows[r].record;
		} else if (strcmp(seen->value, v) != 0) {
			char where[WHERE_SIZE];
			tri_error_set(err, "%s: field \"%s\" is \"%.80s\" but line %zu says "
				      "\"%.80s\"; expected the same value on every row",
				      WHERE(where, name, t->rows[r].line, t->rows[r].record), label,
				      v, seen->line, seen->value);
			return -1;
		}
	}
	return 0;
}

static int take_meta(char **slot, const struct meta_seen *seen, struct tri_error *err)
{
	char *plain = csvio_unguard(seen->value ? seen->value : "");
	char *value = plain ? csvio_trimmed(plain) : NULL;
	free(plain);
	if (!value) {
		tri_error_set(err, "out of memory");
		return -1;
	}
	free(*slot);
	*slot = value;
	return 0;
}

/* True if a stored value (written behind the formula guard) says expected. */
static bool meta_matches(const char *stored, const char *expected)
{
	char *plain = csvio_unguard(stored);
	bool same = plain && strcmp(plain, expected) == 0;
	free(plain);
	return same;
}

static int out_of_memory(const char *name, struct tri_error *err)
{
	tri_error_set(err, "%s: out of memory", name);
	return -1;
}

/* A spreadsheet writes a date (*date, the field label's value) in its own
 * order: the UK's DD/MM/YYYY (or DD/MM/YY) is read back as ISO, and said;
 * anything else is refused. */
static int read_date(struct assessment *a, char **date, const char *label, const char *name,
		     const struct meta_seen *seen, struct tri_error *err)
{
	char where[WHERE_SIZE], iso[11];
	bool two_digit;
	if (assessment_date_valid(*date))
		return 0;
	WHERE(where, name, seen->line, seen->record);
	if (!spreadsheet_uk_date(*date, iso, &two_digit)) {
		tri_error_set(err, "%s: field \"%s\" is \"%.80s\"; expected a date as "
			      "YYYY-MM-DD, or DD/MM/YYYY as a UK spreadsheet writes it (a US "
			      "month-first date is not read: write it as YYYY-MM-DD)", where,
			      label, *date);
		return -1;
	}
	if (spreadsheet_note(&a->read_notes, false, "%s: field \"%s\" \"%s\" read as %s "
			     "(day/month/year, as a UK spreadsheet writes it%s)", where, label,
			     *date, iso, two_digit ? "; a two-digit year is 20YY" : "") != 0)
		return out_of_memory(name, err);
	free(*date);
	if (!(*date = strdup(iso)))
		return out_of_memory(name, err);
	return 0;
}

/* The moderation's details: who, when, how far (a status word). */
static int read_moderation(struct assessment *a, const char *name,
			   const struct meta_seen *seen, struct tri_error *err)
{
	struct assessment_moderation *m = &a->moderation;
	const struct meta_seen *status = &seen[COL_MODERATION_STATUS];
	if (take_meta(&m->moderators, &seen[COL_MODERATORS], err) != 0 ||
	    take_meta(&m->date, &seen[COL_MODERATION_DATE], err) != 0)
		return -1;
	if (read_date(a, &m->date, column_names[COL_MODERATION_DATE], name,
		      &seen[COL_MODERATION_DATE], err) != 0)
		return -1;
	char *word = csvio_trimmed(status->value ? status->value : "");
	if (!word)
		return out_of_memory(name, err);
	size_t s = 0;
	while (s < sizeof status_names / sizeof status_names[0] &&
	       strcasecmp(word, status_names[s]) != 0)
		s++;
	if (s == sizeof status_names / sizeof status_names[0]) {
		char where[WHERE_SIZE];
		tri_error_set(err, "%s: field \"moderation_status\" is \"%.80s\"; expected "
			      "in_progress, completed, or empty (no moderation recorded)",
			      WHERE(where, name, status->line, status->record), word);
		free(word);
		return -1;
	}
	free(word);
	m->status = (enum assessment_moderation_status)s;
	return 0;
}

/* Text a spreadsheet turned into a date, in a metadata field: said once. */
static int doubt_meta(struct assessment *a, const char *name, const char *label,
		      const struct meta_seen *seen)
{
	char where[WHERE_SIZE];
	if (!seen->value || !spreadsheet_bare_date(seen->value))
		return 0;
	return spreadsheet_note(&a->read_notes, true, "%s: field \"%s\" is \"%s\", a bare "
				"date as a spreadsheet writes one; kept as it is, but check it: "
				"a spreadsheet may have turned other text into this date", WHERE(
				where, name, seen->line, seen->record), label, seen->value);
}

static int read_metadata(struct assessment *a, const char *name,
			 const struct csvio_table *t, const long *cols,
			 struct tri_error *err)
{
	const struct framework *fw = a->framework;
	struct meta_seen seen[COLUMN_COUNT] = {{0}};
	char where[WHERE_SIZE];
	for (int c = COL_ORGANISATION; c < COLUMN_COUNT; c++)
		if (c != COL_RESOLUTION &&
		    check_meta(name, t, cols[c], column_names[c], &seen[c], err) != 0)
			return -1;
	const struct meta_seen *id = &seen[COL_FRAMEWORK_ID];
	const struct meta_seen *ver = &seen[COL_FRAMEWORK_VERSION];
	if (id->value && !meta_matches(id->value, fw->id)) {
		tri_error_set(err, "%s: field \"framework_id\" is \"%.80s\"; expected \"%s\", the "
			      "framework in use", WHERE(where, name, id->line, id->record),
			      id->value, fw->id);
		return -1;
	}
	if (ver->value && !meta_matches(ver->value, fw->version)) {
		tri_error_set(err, "%s: field \"framework_version\" is \"%.80s\": the file was "
			      "made for another version of the Standard; expected version %s (use "
			      "--framework DIR to load the version it was made for)",
			      WHERE(where, name, ver->line, ver->record), ver->value, fw->version);
		return -1;
	}
	if (take_meta(&a->organisation, &seen[COL_ORGANISATION], err) != 0 ||
	    take_meta(&a->type, &seen[COL_TYPE], err) != 0 ||
	    take_meta(&a->assessors, &seen[COL_ASSESSORS], err) != 0 ||
	    take_meta(&a->date, &seen[COL_DATE], err) != 0)
		return -1;
	if (!assessment_type_valid(a->type)) {
		tri_error_set(err, "%s: field \"assessment_type\" is \"%.80s\"; expected self or "
			      "peer", WHERE(where, name, seen[COL_TYPE].line, seen[COL_TYPE].record),
			      a->type);
		return -1;
	}
	if (read_date(a, &a->date, column_names[COL_DATE], name, &seen[COL_DATE], err) != 0 ||
	    read_moderation(a, name, seen, err) != 0)
		return -1;
	if (doubt_meta(a, name, "organisation", &seen[COL_ORGANISATION]) != 0 ||
	    doubt_meta(a, name, "assessors", &seen[COL_ASSESSORS]) != 0 ||
	    doubt_meta(a, name, "moderators", &seen[COL_MODERATORS]) != 0)
		return out_of_memory(name, err);
	return 0;
}

static bool known_column(const char *header)
{
	for (int k = 0; k < COLUMN_COUNT; k++)
		if (strcasecmp(header, column_names[k]) == 0)
			return true;
	return false;
}

/* Columns this program does not know are kept: their names and values
 * are written back guarded against formulas like every text, and read
 * back without the guard. */
static int adopt_extra_columns(struct assessment *a, const char *name,
			       const struct csvio_table *t, long **extra_index,
			       struct tri_error *err)
{
	size_t n = 0;
	for (size_t c = 0; c < t->column_count; c++)
		n += !known_column(t->header[c]);
	*extra_index = malloc((n ? n : 1) * sizeof **extra_index);
	a->extra_columns = calloc(n ? n : 1, sizeof *a->extra_columns);
	if (!*extra_index || !a->extra_columns)
		goto oom;
	/* Every answer has room for n values before there are n names
	 * (assessment_destroy frees that many). */
	for (size_t i = 0; i < a->framework->criterion_count && !a->levels_only; i++) {
		free(a->answers[i].extra);
		if (!(a->answers[i].extra = calloc(n ? n : 1, sizeof(char *))))
			goto oom;
	}
	for (size_t c = 0, j = 0; c < t->column_count; c++) {
		if (known_column(t->header[c]))
			continue;
		(*extra_index)[j] = (long)c;
		if (!(a->extra_columns[j] = csvio_unguard(t->header[c])))
			goto oom;
		a->extra_column_count = ++j;
		for (size_t k = 0; k + 1 < j; k++) {
			if (strcasecmp(a->extra_columns[k], a->extra_columns[j - 1]) == 0) {
				tri_error_set(err, "%s:%zu: columns \"%s\" and \"%s\" are one "
					      "column, with and without the apostrophe that "
					      "keeps a formula inert; expected each column once",
					      name, t->header_line, t->header[(*extra_index)[k]],
					      t->header[c]);
				return -1;
			}
		}
	}
	for (size_t i = 0; i < a->framework->criterion_count && !a->levels_only; i++)
		for (size_t j = 0; j < n; j++)
			if (!(a->answers[i].extra[j] = empty_string()))
				goto oom;
	return 0;
oom:
	tri_error_set(err, "out of memory");
	return -1;
}

/* What the file's bytes were, when not what tri-assess writes: said, and
 * written back in the canonical form by the next save. */
static int note_format(struct assessment *a, const char *name, const struct csvio_format *f)
{
	if (f->encoding != CSVIO_UTF8 &&
	    spreadsheet_note(&a->read_notes, false, "%s: %s text, read as UTF-8 (a save writes "
			     "UTF-8, behind a byte-order mark)", name,
			     csvio_encoding_name(f->encoding)) != 0)
		return -1;
	if (f->delimiter != ',' &&
	    spreadsheet_note(&a->read_notes, false, "%s: fields separated by %s, as its header "
			     "row is (a save separates them with commas)", name,
			     csvio_delimiter_name(f->delimiter)) != 0)
		return -1;
	return 0;
}

/* Which criterion each row is (idmatch: ids a spreadsheet made numbers
 * repaired, repeats refused); -1 for an id the framework lacks.  The ids
 * are trimmed in place (the table is parse's own). */
static long *match_rows(struct assessment *a, const char *name, struct csvio_table *t,
			const long *cols, struct tri_error *err)
{
	struct idmatch_row *rows = malloc((t->row_count ? t->row_count : 1) * sizeof *rows);
	long *criterion = malloc((t->row_count ? t->row_count : 1) * sizeof *criterion);
	if (!rows || !criterion) {
		out_of_memory(name, err);
		goto fail;
	}
	for (size_t r = 0; r < t->row_count; r++) {
		struct csvio_row *row = &t->rows[r];
		char *id = (char *)csvio_row_field(row, cols[COL_CRITERION]);
		while (isspace((unsigned char)*id))
			id++;
		size_t length = strlen(id);
		while (length && isspace((unsigned char)id[length - 1]))
			id[--length] = '\0'; /* never the shared "" of a short row: it is empty */
		rows[r] = (struct idmatch_row){ id, csvio_row_field(row, cols[COL_LEVEL]),
			csvio_row_field(row, cols[COL_STATEMENT]), row->line, row->record };
	}
	if (idmatch_rows(a->framework, name, rows, t->row_count, criterion, &a->read_notes,
			 err) != 0)
		goto fail;
	free(rows);
	return criterion;
fail:
	free(rows);
	free(criterion);
	return NULL;
}

/* A points value that is not the level's points: the level counts. */
static int doubt_points(struct assessment *a, const char *name, const struct csvio_row *row,
			const char *points, enum level level)
{
	char where[WHERE_SIZE];
	while (*points == ' ' || *points == '\t')
		points++;
	if (!*points)
		return 0; /* none given: nothing to doubt */
	int expected = framework_points(a->framework, level);
	int whole = 0;
	const char *digit = points;
	while (*digit >= '0' && *digit <= '9' && whole <= FRAMEWORK_MAX_POINTS)
		whole = whole * 10 + (*digit++ - '0');
	if (level != LEVEL_UNANSWERED && digit != points && whole == expected &&
	    strspn(digit, " \t") == strlen(digit))
		return 0; /* what tri-assess wrote: most rows, at once */
	char *end;
	double value = strtod(points, &end);
	while (*end == ' ' || *end == '\t')
		end++;
	bool agrees = level != LEVEL_UNANSWERED && !*end && end != points &&
		      value == (double)expected;
	if (agrees)
		return 0;
	WHERE(where, name, row->line, row->record);
	if (level == LEVEL_UNANSWERED)
		return spreadsheet_note(&a->read_notes, true, "%s: field \"points\" is \"%.40s\" "
					"but no level is given; the level counts (the row is not "
					"yet assessed): points are worked out from the level",
					where, points);
	return spreadsheet_note(&a->read_notes, true, "%s: field \"points\" is \"%.40s\" but "
				"level \"%s\" gives %d point%s; the level counts: points are "
				"worked out from the level", where, points,
				framework_level_name(a->framework, level),
				expected, expected == 1 ? "" : "s");
}

/* The free text of a row: what a spreadsheet turned into a date is kept,
 * and doubted. */
static int doubt_texts(struct assessment *a, const char *name, const struct csvio_row *row,
		       const long *cols)
{
	char where[WHERE_SIZE];
	static const int columns[] = { COL_EVIDENCE, COL_NOTES, COL_ACTION, COL_LEAD,
				       COL_TIMESCALE };
	for (size_t i = 0; i < sizeof columns / sizeof columns[0]; i++) {
		const char *text = csvio_row_field(row, cols[columns[i]]);
		if (spreadsheet_bare_date(text) &&
		    spreadsheet_note(&a->read_notes, true, "%s: field \"%s\" is \"%s\", a bare "
				     "date as a spreadsheet writes one; kept as text, but check "
				     "it: a spreadsheet turns a text such as \"March 2027\" into "
				     "such a date", WHERE(where, name, row->line, row->record),
				     column_names[columns[i]], text) != 0)
			return -1;
	}
	return 0;
}

/* The row's target level: a cell the row has, or none. */
static int read_target(const struct framework *fw, size_t index, const char *name,
		       const struct csvio_row *row, const char *target_text, enum level *target,
		       struct tri_error *err)
{
	char where[WHERE_SIZE];
	char names[FRAMEWORK_MAX_LEVELS * (FRAMEWORK_MAX_LEVEL_NAME + 2)];
	if (!framework_level_parse(fw, target_text, target)) {
		WHERE(where, name, row->line, row->record);
		tri_error_set(err, "%s: field \"target_level\" is \"%.40s\"; expected %s, or empty",
			      where, target_text, framework_level_names(fw, 1, names, sizeof names));
		return -1;
	}
	if (*target > LEVEL_NONE && !framework_has_level(&fw->criteria[index], *target)) {
		WHERE(where, name, row->line, row->record);
		tri_error_set(err, "%s: field \"target_level\": criterion %s has no %s cell; it "
			      "can be %s", where, fw->criteria[index].id,
			      framework_level_name(fw, *target),
			      assessment_levels_available(fw, &fw->criteria[index], names,
							  sizeof names));
		return -1;
	}
	if (*target == LEVEL_NONE)
		*target = LEVEL_UNANSWERED; /* "none" is no target */
	return 0;
}

/* The row's resolution: a machine word, or empty for open. */
static int read_resolution(const char *name, const struct csvio_row *row, const char *text,
			   enum assessment_resolution *resolution, struct tri_error *err)
{
	if (!*text) { /* most rows: at once, without a copy (thousands of files are read) */
		*resolution = ASSESSMENT_OPEN;
		return 0;
	}
	char *word = csvio_trimmed(text);
	if (!word)
		return out_of_memory(name, err);
	bool known = assessment_resolution_parse(word, resolution);
	if (!known) {
		char where[WHERE_SIZE];
		tri_error_set(err, "%s: field \"resolution\" is \"%.40s\"; expected adopted, "
			      "kept, moderated, differ, or empty (open)",
			      WHERE(where, name, row->line, row->record), word);
	}
	free(word);
	return known ? 0 : -1;
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

/* One data row into criterion index's answer. */
static int read_row(struct assessment *a, const char *name, const struct csvio_row *row,
		    long index, const long *cols, const long *extra_index, struct tri_error *err)
{
	const struct framework *fw = a->framework;
	char where[WHERE_SIZE]; /* made only for a message: thousands of files are read */
	if (index < 0) {
		WHERE(where, name, row->line, row->record);
		char *id = csvio_trimmed(csvio_row_field(row, cols[COL_CRITERION]));
		if (!id)
			return out_of_memory(name, err);
		tri_error_set(err, "%s: field \"criterion_id\" is \"%.40s\"; expected a criterion "
			      "of %s version %s, such as \"1.1\" or \"2a.3\" (see: tri-assess "
			      "criteria)%s", where, id, fw->id, fw->version,
			      spreadsheet_bare_date(id) ? "; a spreadsheet may have read the id "
			      "as a date" : "");
		free(id);
		return -1;
	}
	const char *level_text = csvio_row_field(row, cols[COL_LEVEL]);
	enum level level;
	if (!framework_level_parse(fw, level_text, &level)) {
		char names[FRAMEWORK_MAX_LEVELS * (FRAMEWORK_MAX_LEVEL_NAME + 2)];
		tri_error_set(err, "%s: field \"level\" is \"%.40s\"; expected %s, or empty for "
			      "not yet assessed", WHERE(where, name, row->line, row->record),
			      level_text, framework_level_names(fw, LEVEL_NONE, names, sizeof names));
		return -1;
	}
	struct tri_error why;
	if (assessment_set_level(a, (size_t)index, level, &why) != 0) {
		tri_error_set(err, "%s: field \"level\": %s", WHERE(where, name, row->line,
			      row->record), why.message);
		return -1;
	}
	struct assessment_answer *ans = &a->answers[index];
	if (read_resolution(name, row, csvio_row_field(row, cols[COL_RESOLUTION]),
			    &ans->resolution, err) != 0)
		return -1;
	if (read_target(fw, (size_t)index, name, row, csvio_row_field(row, cols[COL_TARGET]),
			&ans->target, err) != 0)
		return -1;
	if (doubt_points(a, name, row, csvio_row_field(row, cols[COL_POINTS]), level) != 0 ||
	    doubt_texts(a, name, row, cols) != 0)
		return out_of_memory(name, err);
	for (int c = COL_EVIDENCE; c <= COL_HISTORY && !a->levels_only; c++) {
		char **slot = answer_text(ans, c);
		if (slot && take_text(slot, csvio_row_field(row, cols[c])) != 0)
			return out_of_memory(name, err);
	}
	for (size_t j = 0; j < a->extra_column_count && !a->levels_only; j++)
		if (take_text(&ans->extra[j], csvio_row_field(row, extra_index[j])) != 0)
			return out_of_memory(name, err);
	return 0;
}

static struct assessment *parse(const struct framework *fw, const char *name,
				const char *data, size_t size, bool levels_only,
				struct tri_error *err)
{
	struct csvio_table t;
	struct assessment *a = NULL;
	long *extra_index = NULL;
	long *criterion = NULL; /* per row: its criterion, or -1 */
	if (csvio_table_parse_spreadsheet(&t, name, data, size, column_names[COL_CRITERION],
					  err) != 0)
		return NULL;
	long cols[COLUMN_COUNT];
	for (int c = 0; c < COLUMN_COUNT; c++)
		cols[c] = csvio_table_column(&t, column_names[c]);
	if (cols[COL_CRITERION] < 0 || cols[COL_LEVEL] < 0) {
		tri_error_set(err, "%s:%zu: no column \"%s\"; expected a header with at "
			      "least criterion_id and level", name, t.header_line,
			      cols[COL_CRITERION] < 0 ? "criterion_id" : "level");
		goto fail;
	}
	a = create(fw, levels_only);
	if (!a) {
		out_of_memory(name, err);
		goto fail;
	}
	/* a converted file goes back as UTF-8 behind a byte-order mark, so the
	 * spreadsheet that wrote it reads its text the same way again */
	a->bom = t.format.bom || t.format.encoding != CSVIO_UTF8;
	if (note_format(a, name, &t.format) != 0) {
		out_of_memory(name, err);
		goto fail;
	}
	if (read_metadata(a, name, &t, cols, err) != 0 ||
	    adopt_extra_columns(a, name, &t, &extra_index, err) != 0 ||
	    !(criterion = match_rows(a, name, &t, cols, err)))
		goto fail;
	for (size_t r = 0; r < t.row_count; r++)
		if (read_row(a, name, &t.rows[r], criterion[r], cols, extra_index, err) != 0)
			goto fail;
	goto done;
fail:
	assessment_destroy(a);
	a = NULL;
done:
	free(criterion);
	free(extra_index);
	csvio_table_finish(&t);
	return a;
}

struct assessment *assessment_parse(const struct framework *fw, const char *name,
				    const char *data, size_t size, struct tri_error *err)
{
	return parse(fw, name, data, size, false, err);
}

static struct assessment *load(const struct framework *fw, const char *path,
			       bool levels_only, struct tri_error *err)
{
	char *data;
	size_t size;
	if (csvio_read_file(path, &data, &size, err) != 0)
		return NULL;
	struct assessment *a = parse(fw, path, data, size, levels_only, err);
	free(data);
	return a;
}

struct assessment *assessment_load(const struct framework *fw, const char *path,
				   struct tri_error *err)
{
	return load(fw, path, false, err);
}

struct assessment *assessment_load_levels(const struct framework *fw, const char *path,
					  struct tri_error *err)
{
	return load(fw, path, true, err);
}

/* Criterion i's record: borrowed texts, and its points in points[]. */
static void row_fields(const struct assessment *a, size_t i, const char **fields,
		       char *points, size_t points_size)
{
	const struct framework *fw = a->framework;
	const struct framework_criterion *crit = &fw->criteria[i];
	struct assessment_answer *ans = &a->answers[i];
	enum level level = a->levels[i];
	points[0] = '\0';
	if (level != LEVEL_UNANSWERED)
		snprintf(points, points_size, "%d", framework_points(fw, level));
	const char *statement = level > LEVEL_NONE ? crit->cell[level] : "";
	fields[COL_CRITERION] = crit->id;
	fields[COL_CATEGORY] = fw->categories[crit->category].title;
	fields[COL_SECTION] = crit->section == FRAMEWORK_NO_SECTION
			      ? "" : fw->sections[crit->section].title;
	fields[COL_LEVEL] = framework_level_name(fw, level);
	fields[COL_POINTS] = points;
	fields[COL_STATEMENT] = statement ? statement : "";
	for (int c = COL_EVIDENCE; c <= COL_HISTORY; c++) {
		char **slot = answer_text(ans, c);
		if (slot)
			fields[c] = *slot;
	}
	fields[COL_TARGET] = ans->target > LEVEL_NONE ? framework_level_name(fw, ans->target) : "";
	fields[COL_ORGANISATION] = a->organisation;
	fields[COL_TYPE] = a->type;
	fields[COL_ASSESSORS] = a->assessors;
	fields[COL_DATE] = a->date;
	fields[COL_FRAMEWORK_ID] = fw->id;
	fields[COL_FRAMEWORK_VERSION] = fw->version;
	fields[COL_RESOLUTION] = assessment_resolution_name(ans->resolution);
	fields[COL_MODERATORS] = a->moderation.moderators;
	fields[COL_MODERATION_DATE] = a->moderation.date;
	fields[COL_MODERATION_STATUS] = assessment_moderation_status_name(a->moderation.status);
	for (size_t j = 0; j < a->extra_column_count; j++)
		fields[COLUMN_COUNT + j] = ans->extra[j];
}

/* Whether a row still holds the action plan columns of a file written
 * before actions files (actionlist_migrate moves them out). */
static bool has_legacy_plan(const struct assessment *a)
{
	for (size_t i = 0; i < a->framework->criterion_count; i++) {
		const struct assessment_answer *ans = &a->answers[i];
		if (*ans->action || *ans->lead_officer || *ans->timescale)
			return true;
	}
	return false;
}

/* The fields of a record (width of them) that are written, into record:
 * all, or without the old action plan columns once nothing is in them
 * (the actions are in NAME-actions.csv).  Returns how many. */
static size_t written(const char **fields, size_t width, bool legacy, const char **record)
{
	size_t n = 0;
	for (size_t c = 0; c < width; c++)
		if (legacy || (c != COL_ACTION && c != COL_LEAD && c != COL_TIMESCALE))
			record[n++] = fields[c];
	return n;
}

int assessment_write(const struct assessment *a, FILE *out, struct tri_error *err)
{
	if (a->levels_only) {
		/* its texts were never read: writing it would lose them */
		tri_error_set(err, "internal error: an assessment loaded for its levels "
			      "only cannot be written");
		return -1;
	}
	size_t width = COLUMN_COUNT + a->extra_column_count;
	const char **fields = calloc(width, sizeof *fields);
	const char **record = calloc(width, sizeof *record);
	int rc = -1;
	if (!fields || !record) {
		tri_error_set(err, "out of memory");
		goto done;
	}
	/* Every field, header names included, goes out guarded against
	 * formulas: text from a file (an extra column's name, a framework's
	 * title) can hold one.  Points are never negative: unchanged. */
	for (int c = 0; c < COLUMN_COUNT; c++)
		fields[c] = column_names[c];
	for (size_t j = 0; j < a->extra_column_count; j++)
		fields[COLUMN_COUNT + j] = a->extra_columns[j];
	bool legacy = has_legacy_plan(a);
	size_t count = written(fields, width, legacy, record);
	if ((a->bom && fputs("\xEF\xBB\xBF", out) == EOF) ||
	    csvio_write_guarded(out, record, count) != 0)
		goto io;
	for (size_t i = 0; i < a->framework->criterion_count; i++) {
		char points[16];
		row_fields(a, i, fields, points, sizeof points);
		written(fields, width, legacy, record);
		if (csvio_write_guarded(out, record, count) != 0)
			goto io;
	}
	rc = 0;
	goto done;
io:
	tri_error_set(err, errno == ENOMEM ? "out of memory" : "cannot write");
done:
	free(fields);
	free(record);
	return rc;
}

static int write_assessment(FILE *out, void *context, struct tri_error *err)
{
	return assessment_write(context, out, err);
}

int assessment_save(const struct assessment *a, const char *path, bool exclusive,
		    struct tri_error *err)
{
	return atomicfile_replace(path, exclusive, write_assessment, (void *)a, err);
}
