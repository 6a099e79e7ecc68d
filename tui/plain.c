#include "plain.h"

#include <ctype.h>
#include <errno.h>
#include <langinfo.h>
#include <poll.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "about.h"
#include "actions.h"
#include "dashboard.h"
#include "render.h"
#include "plan.h"
#include "sanitize.h"
#include "score.h"
#include "text.h"
#include "words.h"

void plain_printf(FILE *out, const char *format, ...)
{
	va_list args;
	va_start(args, format);
	char *shown = sanitize_vformat(format, args);
	va_end(args);
	/* the last display step (clarifications rule 17): in a locale that is
	 * not UTF-8, the locale's characters, transliterated ("Zoë" as "Zoe") */
	const char *codeset = nl_langinfo(CODESET);
	if (shown && codeset && strcmp(codeset, "UTF-8") != 0) {
		char *encoded = text_encode(shown, strlen(shown), codeset, NULL);
		if (encoded) {
			free(shown);
			shown = encoded;
		}
	}
	fputs(shown ? shown : "(out of memory)\n", out);
	free(shown);
}

/* The run: the session, the streams, and where input has got to. */
struct plain {
	struct session *s;
	FILE *in, *out;
	char *line;
	size_t size;
	unsigned long number; /* lines read so far */
	bool terminal;        /* input is a terminal (else a pipe or a file) */
	bool stopped;         /* a refused answer on a pipe ended the run */
	bool quit_armed;      /* q once after a failed save, at a terminal */
};

/* Read a line without its newline; NULL at end of input or on a signal. */
static char *read_line(struct plain *p)
{
	errno = 0;
	ssize_t n = getline(&p->line, &p->size, p->in);
	if (n < 0)
		return NULL;
	p->number++;
	while (n > 0 && (p->line[n - 1] == '\n' || p->line[n - 1] == '\r'))
		p->line[--n] = '\0';
	return p->line;
}

/* A refused or invalid answer about where (a criterion, or a field of the
 * form): why is the reason, said is what a terminal shows.  From a pipe
 * or a file the lines after it were written for rows that now come later:
 * the run ends there (exit 1), saying so on standard error.  At a
 * terminal it is said, and lines typed ahead are discarded. */
static void stop_or_say(struct plain *p, const char *where, const char *why, const char *said)
{
	if (!p->terminal) {
		/* (nothing was saved in a new, a read-only or an unsaved file) */
		bool saved = !p->s->is_new && !p->s->read_only[0] && !p->s->save_failed;
		plain_printf(stderr, "tri-assess: input line %lu, %s: %s. Stopped there: nothing after "
			"it was applied%s%s.\n", p->number, where, why,
			saved ? "; the answers before it are saved in " : "", saved ? p->s->path : "");
		p->stopped = true;
		return;
	}
	int fd = fileno(p->in), waiting = 0;
	if (ioctl(fd, FIONREAD, &waiting) != 0)
		waiting = 0;
	tcflush(fd, TCIFLUSH);
	plain_printf(p->out, "%s%s\n", said,
		waiting > 0 ? " (The lines typed after it were discarded.)" : "");
}

static void refuse(struct plain *p, const char *where, const char *format, ...)
	__attribute__((format(printf, 3, 4)));

static void refuse(struct plain *p, const char *where, const char *format, ...)
{
	char why[1200], said[1300];
	va_list args;
	va_start(args, format);
	vsnprintf(why, sizeof why, format, args);
	va_end(args);
	snprintf(said, sizeof said, "Refused: %s.", why);
	stop_or_say(p, where, why, said);
}

/* Say once what the session must say (outside changes, journal). */
static void say_notice(struct session *s, FILE *out)
{
	if (s->notice[0]) {
		plain_printf(out, "%s\n", s->notice);
		s->notice[0] = '\0';
	}
}

/* Show what an action replied: a refusal or a failure as refuse() does
 * (ending a piped run), an answer kept in memory only with why, anything
 * else as it is; then what the session must say once. */
static void show(struct plain *p, const char *where, const struct session_reply *r)
{
	switch (r->tone) {
	case SESSION_SILENT:
		break;
	case SESSION_REFUSED:
		refuse(p, where, "%s", r->text);
		break;
	case SESSION_FAILED: {
		char why[SESSION_REPLY_MAX];
		snprintf(why, sizeof why, "%s", r->text);
		size_t n = strlen(why);
		if (n && why[n - 1] == '.')
			why[n - 1] = '\0';
		stop_or_say(p, where, why, r->text);
		break;
	}
	case SESSION_UNSAVED:
		plain_printf(p->out, "%s\nCould not save: %s\n", r->text, p->s->save_error);
		break;
	default:
		plain_printf(p->out, "%s\n", r->text);
		break;
	}
	say_notice(p->s, p->out);
}

static char *trim(char *s)
{
	while (isspace((unsigned char)*s))
		s++;
	size_t n = strlen(s);
	while (n && isspace((unsigned char)s[n - 1]))
		s[--n] = '\0';
	return s;
}

static void show_scores(struct session *s, FILE *out)
{
	const struct framework *fw = s->fw;
	char line[1024];
	plain_printf(out, "\nSummary for %s\n", *s->a->organisation ? s->a->organisation : s->path);
	for (size_t c = 0; c < fw->category_count; c++) {
		struct score_result r;
		score_category(fw, s->a->levels, c, &r);
		plain_printf(out, "%s\n", words_category(fw, c, &r, WORDS_LINE_SENTENCE, line,
							  sizeof line));
	}
	plain_printf(out, "%s\n\n", words_totals(fw, s->a->levels, WORDS_LINE_PLAIN, line,
						  sizeof line));
}

/* Ask for one line; NULL at end of input. */
static char *ask(struct plain *p, const char *question)
{
	plain_printf(p->out, "%s", question);
	fflush(p->out);
	return read_line(p) ? trim(p->line) : NULL;
}

/* Ask for one detail of a new assessment until it is acceptable; a copy
 * of the answer, or NULL at end of input or when a piped run stopped. */
static char *ask_detail(struct plain *p, enum session_detail detail, const char *question)
{
	static const char *const names[SESSION_DETAIL_COUNT] = {
		"organisation", "assessment type", "assessors", "date",
	};
	struct session_reply reply;
	char *answer;
	while ((answer = ask(p, question)) &&
	       session_check_detail(detail, answer, &reply) != 0) {
		show(p, names[detail], &reply);
		if (p->stopped)
			return NULL;
	}
	return answer ? strdup(answer) : NULL;
}

static int ask_details(struct plain *p)
{
	char today[16], date_question[64];
	time_t now = time(NULL);
	struct tm tm;
	strftime(today, sizeof today, "%Y-%m-%d", localtime_r(&now, &tm));
	snprintf(date_question, sizeof date_question, "Date (YYYY-MM-DD) [%s]: ", today);
	const char *const questions[SESSION_DETAIL_COUNT] = {
		"Organisation: ", "Assessment type, self or peer [self]: ",
		"Assessors or participants: ", date_question,
	};
	char *details[SESSION_DETAIL_COUNT] = {0};
	int rc = -1;
	plain_printf(p->out, "New assessment %s against %s, version %s.\n", p->s->path,
		p->s->fw->title, p->s->fw->version);
	for (int d = 0; d < SESSION_DETAIL_COUNT; d++)
		if (!(details[d] = ask_detail(p, (enum session_detail)d, questions[d])))
			goto done;
	struct session_reply reply;
	enum session_detail wrong;
	rc = session_create(p->s, (const char *const *)details, &wrong, &reply);
	plain_printf(p->out, "%s\n", reply.text);
done:
	for (int d = 0; d < SESSION_DETAIL_COUNT; d++)
		free(details[d]);
	return rc;
}

/* In a comparison: the other side's level, named from its details, where
 * the row stands, and both sides' evidence and notes. */
static void show_compared(struct session *s, size_t i, FILE *out)
{
	struct comparison c;
	if (session_comparison(s, &c) != 0)
		return;
	const struct comparison_criterion *row = &c.criteria[i];
	const char *state = !row->differs ? " (agrees)"
			    : s->moderation ? " (open: a adopts it, m moderates)" : " (differs; a adopts it)";
	if (row->resolution != ASSESSMENT_OPEN)
		state = row->resolution == ASSESSMENT_ADOPTED ? " (resolved: adopted)"
			: row->resolution == ASSESSMENT_KEPT ? " (resolved: kept)"
			: row->resolution == ASSESSMENT_MODERATED ? " (resolved: moderated)"
			: " (resolved: agreed to differ)";
	plain_printf(out, "  %s: %s%s\n", c.labels[1], words_level(s->fw, s->other->levels[i]),
		     state);
	const struct assessment_answer *ans[2] = { &s->a->answers[i], &s->other->answers[i] };
	for (int k = 0; k < 2; k++) {
		if (*ans[k]->evidence)
			plain_printf(out, "  %s's evidence: %s\n", c.labels[k], ans[k]->evidence);
		if (*ans[k]->notes)
			plain_printf(out, "  %s's notes: %s\n", c.labels[k], ans[k]->notes);
	}
	comparison_finish(&c);
}

/* h: the row's history (both files', oldest first), and both sides'
 * evidence and notes. */
static void show_history(struct session *s, size_t i, FILE *out)
{
	struct comparison c;
	bool compared = session_comparison(s, &c) == 0;
	const char *history = compared ? c.criteria[i].history : s->a->answers[i].history;
	plain_printf(out, "History of %s (when | who | old -> new | remark):\n",
		     s->fw->criteria[i].id);
	if (!*history)
		plain_printf(out, "  none recorded\n");
	for (const char *p = history; *p;) {
		size_t n = strcspn(p, "\n");
		plain_printf(out, "  %.*s\n", (int)n, p);
		p += n + (p[n] == '\n');
	}
	if (compared)
		comparison_finish(&c);
	if (s->other)
		show_compared(s, i, out);
}

#define MAX_NOTES 8 /* notes at one place */
/* " [7]": the markers of the notes at one place (words.h), in buffer. */
#define MARKERS(place, index, level, buffer) \
	words_footnote_markers(fw, (place), (index), (level), (buffer), sizeof (buffer))

/* Each note at one place, "INDENT[7] text", a line each; prefix (or NULL)
 * on a line before them when there are any. */
static void notes_at(const struct framework *fw, enum framework_note_place place, size_t index,
		     enum level level, const char *indent, const char *prefix, FILE *out)
{
	const struct framework_footnote *notes[MAX_NOTES];
	size_t count = framework_footnotes_at(fw, place, index, level, notes, MAX_NOTES);
	if (count && prefix)
		plain_printf(out, "%s\n", prefix);
	for (size_t k = 0; k < count && k < MAX_NOTES; k++) {
		char marker[48];
		plain_printf(out, "%s%s %s\n", indent, words_footnote_marker(notes[k], marker,
			     sizeof marker), notes[k]->text);
	}
}

/* A category's heading as it starts: its title, its description (what
 * a room reads before scoring it), its ranges and its notes. */
static void show_category(const struct framework *fw, size_t category, FILE *out)
{
	const struct framework_category *cat = &fw->categories[category];
	char ranges[512], marks[256];
	plain_printf(out, "\nCategory %s of %zu: %s%s\n", cat->id, fw->category_count, cat->title,
		     MARKERS(FRAMEWORK_NOTE_CATEGORY, category, LEVEL_NONE, marks));
	if (*cat->description)
		plain_printf(out, "%s\n", cat->description);
	plain_printf(out, "Score ranges: %s\n", words_ranges(fw, cat, ranges, sizeof ranges));
	notes_at(fw, FRAMEWORK_NOTE_CATEGORY, category, LEVEL_NONE, "", NULL, out);
}

static void show_criterion(struct session *s, size_t i, FILE *out)
{
	const struct framework *fw = s->fw;
	const struct framework_criterion *c = &fw->criteria[i];
	const struct framework_category *cat = &fw->categories[c->category];
	char marks[256], section_marks[256] = "";
	if (i == cat->first_criterion)
		show_category(fw, c->category, out);
	if (c->section != FRAMEWORK_NO_SECTION) {
		MARKERS(FRAMEWORK_NOTE_SECTION, c->section, LEVEL_NONE, section_marks);
		if (i == fw->sections[c->section].first_criterion) {
			plain_printf(out, "\nSection %s: %s%s\n", fw->sections[c->section].id,
				     fw->sections[c->section].title, section_marks);
			notes_at(fw, FRAMEWORK_NOTE_SECTION, c->section, LEVEL_NONE, "", NULL, out);
		}
	}
	/* a row of a section with a note carries its marker (i shows the note) */
	plain_printf(out, "\n%s%s%s (now: %s)\n", c->id, section_marks,
		     MARKERS(FRAMEWORK_NOTE_CRITERION, i, LEVEL_NONE, marks),
		     words_level(s->fw, s->a->levels[i]));
	notes_at(fw, FRAMEWORK_NOTE_CRITERION, i, LEVEL_NONE, "  ", NULL, out);
	if (s->other)
		show_compared(s, i, out);
	for (size_t l = 1; l < fw->level_count; l++) {
		if (!c->cell[l])
			continue;
		plain_printf(out, "  %zu %s: %s%s\n", l, words_level(s->fw, (enum level)l), c->cell[l],
			     MARKERS(FRAMEWORK_NOTE_CRITERION, i, (enum level)l, marks));
		notes_at(fw, FRAMEWORK_NOTE_CRITERION, i, (enum level)l, "    ", NULL, out);
	}
	plain_printf(out, "  0 %s: no cell of this row is reached\n", words_level(s->fw, LEVEL_NONE));
}

/* What reading the file (and the compared one) repaired or doubts, in
 * full: the notice counts them, this names each. */
static void list_read_notes(const struct session *s, FILE *out)
{
	const struct assessment *files[] = { s->a, s->other };
	for (int f = 0; f < 2; f++)
		for (size_t i = 0; files[f] && i < files[f]->read_notes.count; i++)
			plain_printf(out, "  %s: %s\n", files[f]->read_notes.items[i].warning
				     ? "warning" : "repaired", files[f]->read_notes.items[i].text);
}

/* W FILE: save elsewhere and continue there; an existing file is replaced
 * only when confirmed at a terminal.  Refused from a pipe: the answers
 * after it were meant for the other file. */
static void save_elsewhere(struct plain *p, const char *typed)
{
	struct session_reply reply;
	if (!*typed) {
		refuse(p, "W", "expected W FILE: the file to save to");
		return;
	}
	char *path = strdup(typed); /* (typed is in the line the answer below replaces) */
	if (!path) {
		refuse(p, "W", "out of memory");
		return;
	}
	enum session_save_as_result r = session_save_as(p->s, path, SESSION_UNASKED, &reply);
	if (r == SESSION_SAVE_AS_EXISTS && !p->terminal) {
		refuse(p, "W", "%s; not replaced (a file tri-assess did not write is replaced only "
		       "when confirmed at a terminal)", reply.text);
	} else if (r == SESSION_SAVE_AS_EXISTS) {
		plain_printf(p->out, "%s. Replace it with these answers? [y/N] ", reply.text);
		fflush(p->out);
		bool yes = read_line(p) && (strcmp(trim(p->line), "y") == 0 ||
					    strcmp(trim(p->line), "yes") == 0);
		session_save_as(p->s, path, yes ? SESSION_YES : SESSION_NO, &reply);
		show(p, "W", &reply);
	} else {
		show(p, "W", &reply);
	}
	free(path);
}

/* Say on the first screen that the file is read-only, and why. */
static void say_read_only(const struct session *s, FILE *out)
{
	if (s->read_only[0])
		plain_printf(out, "READ-ONLY (%s): answers cannot change %s. W FILE continues on "
			"a copy.\n", s->read_only, s->path);
}

/* ?: the commands (from the actions table), the levels, and what reading
 * the file repaired or doubts. */
static void plain_help(const struct session *s, FILE *out)
{
	const struct framework *fw = s->fw;
	size_t count;
	const struct action *table = action_table(&count);
	char keys[64], help[512];
	plain_printf(out, "\nAt each criterion type a level or a command, then Enter:\n");
	for (size_t i = 0; i < count; i++) {
		const struct action *a = &table[i];
		if (a->id == ACTION_LEVEL)
			plain_printf(out, "  %s\n", action_help(a, fw, true, help, sizeof help));
		else if (a->usage)
			plain_printf(out, "%s: %s\n", action_keys(a, fw, true, keys, sizeof keys),
				     action_help(a, fw, true, help, sizeof help));
	}
	plain_printf(out, "\n");
	for (size_t l = 1; l < fw->level_count; l++)
		plain_printf(out, "%s (%d): %s\n\n", fw->levels[l].title, fw->levels[l].points,
			fw->levels[l].descriptor);
	plain_printf(out, "Glossary (from the Standard):\n");
	for (size_t t = 0; t < fw->term_count; t++)
		plain_printf(out, "%s: %s\n", fw->glossary[t].term, *fw->glossary[t].definition
			     ? fw->glossary[t].definition
			     : "(the source document gives no text for this term)");
	plain_printf(out, "\n");
	if ((s->a && s->a->read_notes.count) || (s->other && s->other->read_notes.count)) {
		plain_printf(out, "What reading the file repaired or doubts:\n");
		list_read_notes(s, out);
		plain_printf(out, "\n");
	}
}

/* i: the current category's guidance in full (its description, ranges,
 * every note of it, its sections and its cells); i about: the About
 * page. */
static void show_guidance(const struct session *s, size_t i, const char *argument, FILE *out)
{
	const struct framework *fw = s->fw;
	if (*argument) {
		struct about_page page;
		struct tri_error err;
		if (about_page_init(&page, fw, &err) == 0) {
			struct render_out r;
			render_out_init(&r, out, false);
			plain_printf(out, "\n");
			render_text.about(&r, &page);
		} else {
			plain_printf(out, "%s\n", err.message);
		}
		about_page_finish(&page);
		return;
	}
	size_t category = fw->criteria[i].category;
	const struct framework_category *cat = &fw->categories[category];
	plain_printf(out, "\nGuidance for category %s (i about: About the Standard):\n", cat->id);
	show_category(fw, category, out);
	for (size_t k = cat->first_section; k < cat->first_section + cat->section_count; k++) {
		char title[512];
		snprintf(title, sizeof title, "Section %s: %s", fw->sections[k].id,
			 fw->sections[k].title);
		notes_at(fw, FRAMEWORK_NOTE_SECTION, k, LEVEL_NONE, "  ", title, out);
	}
	for (size_t r = cat->first_criterion; r < cat->first_criterion + cat->criterion_count; r++)
		for (size_t l = 0; l < fw->level_count; l++) {
			char title[512];
			snprintf(title, sizeof title, "%s%s%s", fw->criteria[r].id, l ? " " : "",
				 l ? words_level(fw, (enum level)l) : "");
			notes_at(fw, FRAMEWORK_NOTE_CRITERION, r, (enum level)l, "  ", title, out);
		}
	plain_printf(out, "\n");
}

/* "0, 2": the levels criterion c has, as keys. */
static const char *level_keys(const struct framework_criterion *c, char *buffer, size_t size)
{
	size_t n = 0;
	buffer[0] = '\0';
	for (int l = LEVEL_NONE; l <= LEVEL_HIGHEST; l++)
		if (framework_has_level(c, (enum level)l) && n + 4 < size)
			n += (size_t)snprintf(buffer + n, size - n, "%s%d", n ? ", " : "", l);
	return buffer;
}

static size_t set_level(struct plain *p, size_t i, enum level level, bool *shown)
{
	struct session_reply reply;
	char where[64];
	snprintf(where, sizeof where, "criterion %s", p->s->fw->criteria[i].id);
	int rc = session_set_level(p->s, i, level, &reply);
	show(p, where, &reply);
	if (rc != 0)
		return i;
	*shown = false;
	return i + 1;
}

/* How a text now reads in a prompt: its first line and how many more,
 * never the whole text ("none" when empty). */
static void text_summary(const char *text, char *buffer, size_t size)
{
	if (!*text) {
		snprintf(buffer, size, "none");
		return;
	}
	size_t first = strcspn(text, "\n");
	size_t more = 0;
	for (const char *c = text + first; *c; c++)
		more += *c == '\n' && c[1];
	snprintf(buffer, size, "\"%.*s\"", (int)(first < 200 ? first : 200), text);
	if (more)
		snprintf(buffer + strlen(buffer), size - strlen(buffer), " and %zu more line%s",
			 more, more == 1 ? "" : "s");
}

/* Append line and a line break to a growing text. */
static int append_line(char **text, size_t *length, const char *line)
{
	size_t n = strlen(line);
	char *grown = realloc(*text, *length + n + 2);
	if (!grown)
		return -1;
	*text = grown;
	if (*length)
		grown[(*length)++] = '\n';
	memcpy(grown + *length, line, n + 1);
	*length += n;
	return 0;
}

/* The lines of a multi-line text (clarifications rule 18): every line is
 * text except exactly "." (the end; ".." is a line holding a dot) and, as
 * the first line, "-" (clear) or nothing (keep).  *text is the new text
 * (caller frees), or NULL to keep the old one.  Returns 0, or 1 when the
 * input ended inside it (*text then holds what was typed), or -1 when
 * memory ran out. */
static int read_text(struct plain *p, const char *label, const char *now, char **text)
{
	char summary[300];
	text_summary(now, summary, sizeof summary);
	plain_printf(p->out, "%s, now %s. Type its lines, then a line with only a dot. A dash "
		     "alone clears it, Enter keeps it.\n", label, summary);
	fflush(p->out);
	size_t length = 0;
	*text = NULL;
	for (bool first = true;; first = false) {
		if (!read_line(p))
			return 1; /* (*text: the lines typed, or NULL for none) */
		if (strcmp(p->line, ".") == 0)
			break;
		if (first && (!p->line[0] || strcmp(p->line, "-") == 0)) {
			if (!p->line[0])
				return 0; /* keep */
			*text = strdup("");
			return *text ? 0 : -1;
		}
		const char *line = strcmp(p->line, "..") == 0 ? "." : p->line;
		if (append_line(text, &length, line) != 0)
			return -1;
	}
	if (!*text)
		*text = strdup("");
	return *text ? 0 : -1;
}

/* e: evidence, then notes, each of several lines (rule 18).  Input
 * ending inside a text keeps what was typed, saves it, and ends the run
 * (exit 1) naming the criterion. */
static void edit_texts(struct plain *p, size_t i)
{
	struct assessment_answer *ans = &p->s->a->answers[i];
	const char *id = p->s->fw->criteria[i].id;
	struct session_reply reply;
	char where[64];
	snprintf(where, sizeof where, "criterion %s", id);
	char *evidence = NULL, *notes = NULL;
	const char *inside = "evidence";
	int ended = read_text(p, "Evidence", ans->evidence, &evidence);
	if (ended == 0) {
		inside = "notes";
		ended = read_text(p, "Notes", ans->notes, &notes);
	}
	if (ended < 0) {
		refuse(p, where, "out of memory; the evidence and notes are unchanged");
	} else if (evidence || notes) {
		session_set_texts(p->s, i, evidence ? evidence : ans->evidence,
				  notes ? notes : ans->notes, &reply);
		show(p, where, &reply);
	}
	if (ended == 1 && !p->stopped) {
		plain_printf(stderr, "tri-assess: input ended inside the %s of criterion %s: what "
			     "was typed is kept%s.\n", inside, id, p->s->save_failed || p->s->read_only[0] ? " in memory only"
			     : " and saved");
		p->stopped = true;
	}
	free(evidence);
	free(notes);
}

/* ---- Actions (p, A, d) ---- */

/* The criterion's actions, numbered by action_id. */
static void list_row_actions(struct plain *p, size_t i)
{
	const struct session *s = p->s;
	size_t first, n = actionlist_of_criterion(s->actions, i, &first);
	char today[11];
	actionlist_today(today);
	plain_printf(p->out, "Actions for %s: %zu\n", s->fw->criteria[i].id, n);
	for (size_t k = first; k < first + n; k++) {
		const struct actionlist_item *item = &s->actions->items[k];
		plain_printf(p->out, "  #%u  %s; %s %s%s%s: %s\n", item->id,
			actionlist_status_word(item->status),
			actionlist_overdue(item, today) ? "OVERDUE, due" : "due",
			*item->due ? item->due : "-", *item->due_note ? " / " : "", item->due_note,
			item->activity);
	}
}

/* The action of criterion i numbered by the text, or -1 (said). */
static long row_action(struct plain *p, size_t i, const char *number, const char *where)
{
	char *end;
	unsigned long id = strtoul(number, &end, 10);
	long index = end != number ? actionlist_find(p->s->actions, (unsigned)id) : -1;
	if (index < 0 || p->s->actions->items[index].criterion != i) {
		refuse(p, where, "\"%s\": expected the number of one of %s's actions", number,
		       p->s->fw->criteria[i].id);
		return -1;
	}
	return index;
}

/* a: the new action's fields, one line each (Enter: empty). */
static void add_action(struct plain *p, size_t i, const char *where)
{
	static const char *const questions[5] = {
		"Activity: ", "Lead officer(s): ", "Due date (YYYY-MM-DD, Enter: none): ",
		"Due note (a timescale in words, Enter: none): ",
		"Outcome (Enter: the target cell's statement): ",
	};
	char *answers[5] = { NULL };
	bool complete = true;
	for (int k = 0; k < 5 && complete; k++) {
		const char *answer = ask(p, questions[k]);
		complete = answer && (answers[k] = strdup(answer));
	}
	if (complete) {
		struct actionlist_fields f = { answers[4], answers[0], answers[1], answers[2],
					       answers[3], ACTIONLIST_NOT_STARTED };
		struct session_reply reply;
		session_action_add(p->s, i, &f, &reply);
		show(p, where, &reply);
	}
	for (int k = 0; k < 5; k++)
		free(answers[k]);
}

/* One command of the row's actions prompt; false to go back. */
static bool row_actions_command(struct plain *p, size_t i, char *cmd, const char *where)
{
	struct session_reply reply;
	char *rest = cmd + 1;
	if (!*cmd)
		return false;
	if (strcmp(cmd, "a") == 0) {
		add_action(p, i, where);
		return true;
	}
	char *number = trim(rest), *text = number;
	while (*text && !isspace((unsigned char)*text))
		text++;
	if (*text)
		*text++ = '\0';
	text = trim(text);
	enum actionlist_status status;
	long index = (*cmd == 's' || *cmd == 'r') && cmd[1] == ' ' && *number
		     ? row_action(p, i, number, where) : -2;
	if (index == -1)
		return !p->stopped;
	if (index >= 0 && *cmd == 's' && actionlist_status_parse(text, &status) && *text) {
		session_action_status(p->s, (size_t)index, status, &reply);
		show(p, where, &reply);
	} else if (index >= 0 && *cmd == 'r') {
		session_action_update(p->s, (size_t)index, text, &reply);
		show(p, where, &reply);
	} else {
		refuse(p, where, "\"%s\": expected a (add), s NUMBER STATUS (%s), r NUMBER "
		       "TEXT (a progress update), or Enter", cmd, actionlist_status_names());
	}
	return !p->stopped;
}

/* p: the criterion's actions, and a prompt for changes to them. */
static void row_actions(struct plain *p, size_t i)
{
	char where[64];
	snprintf(where, sizeof where, "the actions of %s", p->s->fw->criteria[i].id);
	do {
		list_row_actions(p, i);
		say_notice(p->s, p->out);
	} while (ask(p, "Actions [a add, s N STATUS, r N TEXT, Enter back]: ") &&
		 row_actions_command(p, i, p->line, where));
}

/* A and d: written by render/'s text format, as the commands write them. */
static void show_actions(struct plain *p, const char *argument, bool dashboard)
{
	struct session *s = p->s;
	char today[11];
	actionlist_today(today);
	struct render_out out;
	render_out_init(&out, p->out, false);
	if (dashboard) {
		struct dashboard d;
		if (dashboard_init(&d, s->a, s->actions, today) != 0)
			return;
		struct render_dashboard model = { s->path, &d };
		render_text.dashboard(&out, &model);
		dashboard_finish(&d);
		return;
	}
	bool overdue = strcmp(argument, "overdue") == 0;
	struct actionlist_filter f = { .category = -1, .overdue = overdue, .today = today };
	size_t *items = malloc((s->actions->count ? s->actions->count : 1) * sizeof *items);
	if (!items)
		return;
	struct render_actions model = { s->path, s->a, s->actions, items,
					actionlist_select(s->actions, &f, items),
					overdue ? "overdue" : "", today };
	render_text.actions(&out, &model);
	free(items);
}

/* m k|LEVEL|d REMARK: the moderation's decision, then its remark.
 * Returns the next criterion, or -1 when refused (reply says why). */
static long moderate(struct plain *p, size_t i, const char *argument,
		     struct session_reply *reply)
{
	const struct framework *fw = p->s->fw;
	char key = argument[0];
	bool level = key >= '0' && key <= '9' && (size_t)(key - '0') < fw->level_count;
	if ((key != 'k' && key != 'd' && !level) || (argument[1] && argument[1] != ' ')) {
		session_reply_set(reply, SESSION_REFUSED, "\"m %s\": expected m k (keep yours), m "
				  "and a level 0-%zu (a moderated level) or m d (agree to differ), "
				  "then the remark", argument, fw->level_count - 1);
		return -1;
	}
	enum assessment_resolution kind = key == 'k' ? ASSESSMENT_KEPT
					  : key == 'd' ? ASSESSMENT_DIFFER : ASSESSMENT_MODERATED;
	const char *remark = trim((char *)argument + 1);
	if (session_decide(p->s, i, kind, level ? (enum level)(key - '0') : LEVEL_UNANSWERED,
			   reply) != 0)
		return -1;
	if (*remark && p->s->adoption_open && session_adopt_remark(p->s, remark, reply) != 0)
		return -1;
	return (long)i + 1;
}

/* s: the scores, then for each category the fewest steps to its next
 * level, one plain line each. */
static void show_summary(struct plain *p)
{
	show_scores(p->s, p->out);
	struct plan_gap *gap = malloc(sizeof *gap);
	if (!gap)
		return;
	char heading[256];
	for (size_t c = 0; c < p->s->fw->category_count; c++) {
		int steps = session_steps(p->s, c, gap, heading, sizeof heading);
		plain_printf(p->out, "%s\n", heading);
		for (int k = 0; k < steps; k++) {
			const struct plan_raise *r = &gap->raises[k];
			const struct framework_criterion *crit = &p->s->fw->criteria[r->criterion];
			plain_printf(p->out, "%s to %s, %d more point%s: %s\n", crit->id,
				     words_level(p->s->fw, r->to), r->gain, r->gain == 1 ? "" : "s",
				     crit->cell[r->to]);
		}
	}
	plain_printf(p->out, "\n");
	free(gap);
}

/* x: export the summary; a file tri-assess did not write there is
 * replaced only when confirmed at a terminal (rule 11). */
static void export_summary(struct plain *p)
{
	struct session_reply reply;
	if (session_export_summary(p->s, SESSION_UNASKED, &reply) != 1 ||
	    reply.tone != SESSION_ASK) {
		show(p, "x", &reply);
		return;
	}
	if (!p->terminal) {
		refuse(p, "x", "%s; not replaced (a file tri-assess did not write is replaced only "
		       "when confirmed at a terminal)", reply.text);
		return;
	}
	plain_printf(p->out, "%s. Replace it with the summary? [y/N] ", reply.text);
	fflush(p->out);
	bool yes = read_line(p) && (strcmp(trim(p->line), "y") == 0 ||
				    strcmp(trim(p->line), "yes") == 0);
	session_export_summary(p->s, yes ? SESSION_YES : SESSION_NO, &reply);
	show(p, "x", &reply);
}

/* The actions that show something or edit, and stay at criterion i (where:
 * "criterion ID", for a refusal); false for any other action. */
static bool act_in_place(struct plain *p, const struct action *a, size_t i, const char *cmd,
			 const char *argument, const char *where)
{
	switch (a->id) {
	case ACTION_SAVE_AS:
		save_elsewhere(p, argument);
		return true;
	case ACTION_SUMMARY:
		show_summary(p);
		return true;
	case ACTION_HISTORY:
		show_history(p->s, i, p->out);
		return true;
	case ACTION_EDIT:
		edit_texts(p, i);
		return true;
	case ACTION_GUIDANCE:
		if (*argument && strcmp(argument, "about") != 0) {
			refuse(p, where, "\"i %s\": expected i (the category's guidance) or i about",
			       argument);
			return true;
		}
		show_guidance(p->s, i, argument, p->out);
		return true;
	case ACTION_ACTIONS_SCREEN:
		if (*argument && strcmp(argument, "overdue") != 0) {
			refuse(p, where, "\"%s\": expected A, or A overdue", cmd);
			return true;
		}
		show_actions(p, argument, false);
		return true;
	case ACTION_DASHBOARD:
		show_actions(p, argument, true);
		return true;
	case ACTION_EXPORT:
		export_summary(p);
		return true;
	default:
		return false;
	}
}

/* Do action a at criterion i (argument: the word after the command, or
 * ""); returns the criterion to go to (past the last: the walk is over;
 * one more: quit). */
static size_t act(struct plain *p, const struct action *a, size_t i, const char *cmd,
		  const char *argument, bool armed, bool *shown)
{
	const struct framework *fw = p->s->fw;
	struct session_reply reply;
	char where[64];
	snprintf(where, sizeof where, "criterion %s", fw->criteria[i].id);
	long to;
	if (act_in_place(p, a, i, cmd, argument, where))
		return i;
	switch (a->id) {
	case ACTION_LEVEL:
		return set_level(p, i, (enum level)(*cmd - '0'), shown);
	case ACTION_HELP:
		plain_help(p->s, p->out);
		*shown = false;
		return i;
	case ACTION_QUIT:
		if (session_quit(p->s, armed || !p->terminal, &reply))
			return fw->criterion_count + 1;
		p->quit_armed = true;
		show(p, where, &reply);
		return i;
	case ACTION_BACK:
		*shown = false;
		return i ? i - 1 : 0;
	case ACTION_UNDO:
		to = session_undo(p->s, &reply);
		break;
	case ACTION_ADOPT:
		to = session_adopt(p->s, i, argument, &reply) == 0 ? (long)i + 1 : -1;
		break;
	case ACTION_MODERATE:
		to = moderate(p, i, argument, &reply);
		break;
	case ACTION_NEXT_DISAGREEMENT:
	case ACTION_PREVIOUS_DISAGREEMENT:
		to = session_next_disagreement(p->s, i, a->id == ACTION_NEXT_DISAGREEMENT ? 1 : -1,
					       &reply);
		break;
	case ACTION_GO:
		to = session_find_id(p->s, argument, &reply);
		reply.tone = to < 0 ? reply.tone : SESSION_SILENT;
		break;
	case ACTION_PLAN:
		row_actions(p, i);
		*shown = false;
		return i;
	case ACTION_FIND:
	case ACTION_FIND_NEXT:
	case ACTION_FIND_PREVIOUS:
		to = session_find(p->s, a->id == ACTION_FIND ? argument : NULL, i,
				  a->id == ACTION_FIND_PREVIOUS ? -1 : 1, &reply);
		if (reply.tone == SESSION_FAILED)
			reply.tone = SESSION_NOTE; /* nothing found: said, and the run goes on */
		break;
	default:
		return i; /* (no other action has a command) */
	}
	show(p, where, &reply);
	if (to < 0)
		return i;
	*shown = false;
	return (size_t)to;
}

/* One answer at criterion i: a level, Enter, or a command (the actions
 * table's); returns the criterion to go to, as act() does. */
static size_t command(struct plain *p, size_t i, char *cmd, bool *shown)
{
	const struct framework *fw = p->s->fw;
	if (!*cmd) { /* Enter: keep the level, move on */
		*shown = false;
		return i + 1;
	}
	const struct action *a = action_for_command(*cmd);
	const char *argument = !cmd[1] ? "" : cmd[1] == ' ' ? trim(cmd + 1) : NULL;
	if (a && a->id == ACTION_FIND)
		argument = trim(cmd + 1); /* "/TEXT" or "/ TEXT" */
	if (a && a->id == ACTION_LEVEL && (cmd[1] || (size_t)(*cmd - '0') >= fw->level_count))
		a = NULL;
	if (a && cmd[1] && !(a->argument && argument))
		a = NULL;
	bool armed = p->quit_armed;
	p->quit_armed = false;
	if (a)
		return act(p, a, i, cmd, argument, armed, shown);
	char where[64], keys[32], commands[64];
	snprintf(where, sizeof where, "criterion %s", fw->criteria[i].id);
	refuse(p, where, "\"%s\": expected %s, Enter, or one of %s", cmd,
	       level_keys(&fw->criteria[i], keys, sizeof keys),
	       action_commands(commands, sizeof commands));
	return i;
}

/* A follower waits for a line, or for the holder to move or save: 1 when
 * a line can be read; 0 when the holder moved to criterion *i or saved
 * (*i shown again), said first; -1 on a signal. */
static int follow_wait(struct plain *p, size_t *i)
{
	while (!session_signal) {
		struct pollfd fds[2] = { { .fd = fileno(p->in), .events = POLLIN },
					 { .fd = p->s->follow_fd, .events = POLLIN } };
		int r = poll(fds, p->s->follow_fd >= 0 ? 2 : 1, 250);
		if (r > 0 && (fds[0].revents & (POLLIN | POLLHUP | POLLERR)))
			return 1;
		size_t moved;
		int changed = session_follow_update(p->s, &moved);
		if (changed & SESSION_FOLLOW_HOLDER)
			plain_printf(p->out, "\n%s%s%s\n", p->s->holder[0] ? "Following " :
				     "The file is closed in the other wizard; still showing it as saved.",
				     p->s->holder, p->s->holder[0] ? "." : "");
		if (changed & SESSION_FOLLOW_MOVED)
			*i = moved;
		if (changed & (SESSION_FOLLOW_MOVED | SESSION_FOLLOW_FILE)) {
			plain_printf(p->out, "\n%s:", changed & SESSION_FOLLOW_MOVED ? "The other wizard "
				     "moved" : "The other wizard saved");
			return 0;
		}
	}
	return -1;
}

int plain_run(struct session *s, FILE *in, FILE *out)
{
	const struct framework *fw = s->fw;
	struct plain p = { .s = s, .in = in, .out = out, .terminal = isatty(fileno(in)) };
	s->plain = true;
	if (s->is_new && ask_details(&p) != 0) {
		free(p.line);
		return s->save_failed || p.stopped ? 1 : 0;
	}
	size_t i = session_first_open(s);
	long held = s->following ? framework_find_criterion(fw, s->current) : -1;
	long disagreement = s->moderation ? session_next_disagreement(s, fw->criterion_count - 1, 1,
								      NULL) : -1;
	if (held >= 0) {
		i = (size_t)held; /* a follower starts where the holder is */
		plain_printf(out, "Following %s: read-only; this shows what it saves and where it "
			     "is.\n", s->holder);
	} else if (disagreement >= 0) {
		i = (size_t)disagreement; /* a moderation starts at its first open disagreement */
		plain_printf(out, "Pairing session: the first open disagreement; > the next.\n");
	} else if (i == fw->criterion_count) {
		plain_printf(out, "Every criterion has a level; walking through from the start "
			"(Enter keeps a level).\n");
		i = 0;
	}
	plain_printf(out, "Plain mode: ? for help.%s\n", s->read_only[0] ? ""
		: " Every answer is saved as you give it.");
	say_read_only(s, out);
	say_notice(s, out);
	list_read_notes(s, out);
	bool shown = false;
	char keys[32];
	while (i < fw->criterion_count && !session_signal && !p.stopped) {
		const struct framework_criterion *c = &fw->criteria[i];
		session_set_current(s, i);
		if (session_refresh_other(s) != 0)
			shown = false;
		if (!shown)
			show_criterion(s, i, out);
		shown = true;
		plain_printf(out, "Level for %s [%s, Enter keeps, ? help]: ", c->id,
			level_keys(c, keys, sizeof keys));
		fflush(out);
		int ready = s->following ? follow_wait(&p, &i) : 1;
		if (ready < 0)
			break;
		if (ready == 0) {
			shown = false;
			continue;
		}
		if (!read_line(&p))
			break;
		i = command(&p, i, trim(p.line), &shown);
	}
	if (i == fw->criterion_count)
		show_scores(s, out);
	free(p.line);
	/* A script whose answers were refused (a read-only file too) must not
	 * look done. */
	return s->save_failed || p.stopped || (s->refused_read_only && !p.terminal) ? 1 : 0;
}
