#include "plain.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "sanitize.h"
#include "score.h"
#include "words.h"

void plain_printf(FILE *out, const char *format, ...)
{
	va_list args;
	va_start(args, format);
	char *shown = sanitize_vformat(format, args);
	va_end(args);
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
 * form).  From a pipe or a file the lines after it were written for rows
 * that now come later: the run ends there (exit 1), saying so on standard
 * error.  At a terminal it is said, and lines typed ahead are discarded. */
static void refuse(struct plain *p, const char *where, const char *format, ...)
	__attribute__((format(printf, 3, 4)));

static void refuse(struct plain *p, const char *where, const char *format, ...)
{
	char why[1200];
	va_list args;
	va_start(args, format);
	vsnprintf(why, sizeof why, format, args);
	va_end(args);
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
	plain_printf(p->out, "Refused: %s.%s\n", why,
		waiting > 0 ? " (The lines typed after it were discarded.)" : "");
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
		plain_printf(out, "%s\n", words_category(fw, c, &r, WORDS_LINE_PLAIN, line, sizeof line));
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

static int ask_details(struct plain *p)
{
	struct assessment *a = p->s->a;
	struct tri_error err;
	char *answer;
	plain_printf(p->out, "New assessment %s against %s, version %s.\n", p->s->path,
		p->s->fw->title, p->s->fw->version);
	while ((answer = ask(p, "Organisation: ")) && !*answer) {
		refuse(p, "organisation", "expected the authority's name");
		if (p->stopped)
			return -1;
	}
	if (!answer)
		return -1;
	assessment_set_text(&a->organisation, answer, &err);
	while ((answer = ask(p, "Assessment type, self or peer [self]: ")) && *answer &&
	       strcmp(answer, "self") != 0 && strcmp(answer, "peer") != 0) {
		refuse(p, "assessment type", "\"%s\": expected self or peer", answer);
		if (p->stopped)
			return -1;
	}
	if (!answer)
		return -1;
	assessment_set_text(&a->type, *answer ? answer : "self", &err);
	if (!(answer = ask(p, "Assessors or participants: ")))
		return -1;
	assessment_set_text(&a->assessors, answer, &err);
	char today[16], question[64];
	time_t now = time(NULL);
	struct tm tm;
	strftime(today, sizeof today, "%Y-%m-%d", localtime_r(&now, &tm));
	snprintf(question, sizeof question, "Date (YYYY-MM-DD) [%s]: ", today);
	while ((answer = ask(p, question)) && *answer && !assessment_date_valid(answer)) {
		refuse(p, "date", "\"%s\": expected a date as YYYY-MM-DD", answer);
		if (p->stopped)
			return -1;
	}
	if (!answer)
		return -1;
	assessment_set_text(&a->date, *answer ? answer : today, &err);
	if (session_save(p->s) != 0) {
		plain_printf(p->out, "Could not create %s: %s\n", p->s->path, p->s->save_error);
		return -1;
	}
	plain_printf(p->out, "Created %s.\n", p->s->path);
	return 0;
}

static void show_criterion(struct session *s, size_t i, FILE *out)
{
	const struct framework *fw = s->fw;
	const struct framework_criterion *c = &fw->criteria[i];
	const struct framework_category *cat = &fw->categories[c->category];
	if (i == cat->first_criterion) {
		char ranges[512];
		plain_printf(out, "\nCategory %s of %zu: %s\nScore ranges: %s\n", cat->id,
			fw->category_count, cat->title,
			words_ranges(fw, cat, ranges, sizeof ranges));
	}
	if (c->section != FRAMEWORK_NO_SECTION &&
	    i == fw->sections[c->section].first_criterion)
		plain_printf(out, "\nSection %s: %s\n", fw->sections[c->section].id,
			fw->sections[c->section].title);
	plain_printf(out, "\n%s (now: %s)\n", c->id, words_level(s->fw, s->a->levels[i]));
	if (s->other)
		plain_printf(out, "  Other assessment (%s): %s%s\n", s->other_path,
			words_level(s->fw, s->other->levels[i]),
			s->other->levels[i] != s->a->levels[i] ? " (differs; a adopts it)" : " (agrees)");
	for (size_t l = 1; l < fw->level_count; l++)
		if (c->cell[l])
			plain_printf(out, "  %zu %s: %s\n", l, words_level(s->fw, (enum level)l), c->cell[l]);
	plain_printf(out, "  0 None of these\n"); /* level 0, whatever its word: no cell */
}

/* Say once what the session must say (outside changes, journal). */
static void say_notice(struct session *s, FILE *out)
{
	if (s->notice[0]) {
		plain_printf(out, "%s\n", s->notice);
		s->notice[0] = '\0';
	}
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
	struct session *s = p->s;
	struct tri_error err;
	bool was_read_only = s->read_only[0] != '\0';
	if (!*typed) {
		refuse(p, "W", "expected W FILE: the file to save to");
		return;
	}
	char *path = strdup(typed); /* (typed is in the line the answer below replaces) */
	if (!path) {
		refuse(p, "W", "out of memory");
		return;
	}
	enum session_save_as_result r = session_save_as(s, path, false, &err);
	if (r == SESSION_SAVE_AS_EXISTS && !p->terminal) {
		refuse(p, "W", "%s; not replaced (a file tri-assess did not write is replaced only "
		       "when confirmed at a terminal)", err.message);
		goto done;
	}
	if (r == SESSION_SAVE_AS_EXISTS) {
		plain_printf(p->out, "%s. Replace it with these answers? [y/N] ", err.message);
		fflush(p->out);
		if (!read_line(p) || (strcmp(trim(p->line), "y") != 0 &&
				      strcmp(trim(p->line), "yes") != 0)) {
			plain_printf(p->out, "Not saved: %s is unchanged.\n", path);
			goto done;
		}
		r = session_save_as(s, path, true, &err);
	}
	if (r == SESSION_SAVE_AS_FAILED)
		refuse(p, "W", "could not save: %s", err.message);
	else
		plain_printf(p->out, "Saved to %s; changes now go there%s.\n", s->path,
			     was_read_only ? " (a copy you can change)" : "");
done:
	free(path);
}

/* Say on the first screen that the file is read-only, and why. */
static void say_read_only(const struct session *s, FILE *out)
{
	if (s->read_only[0])
		plain_printf(out, "READ-ONLY (%s): answers cannot change %s. W FILE continues on "
			"a copy.\n", s->read_only, s->path);
}

static void plain_help(const struct session *s, FILE *out)
{
	const struct framework *fw = s->fw;
	char keys[FRAMEWORK_MAX_LEVELS * (FRAMEWORK_MAX_LEVEL_NAME + 4)];
	size_t used = 0;
	for (size_t l = 0; l < fw->level_count && used < sizeof keys; l++)
		used += (size_t)snprintf(keys + used, sizeof keys - used, "%s%zu %s", l ? ", " : "",
					 l, words_level(fw, (enum level)l));
	plain_printf(out, "\nAt each criterion type a number and Enter:\n"
		"  %s (only the levels shown)\n"
		"  Enter alone keeps the current level and moves on\n"
		"  b  back one criterion      g ID  go to a criterion (g 2a.1)\n"
		"  e  evidence and notes      s     scores so far\n"
		"  u  undo the last change    q     quit (everything is already saved)\n"
		"  W FILE    save to another file and continue there\n"
		"  a REMARK  adopt the other assessment's level (with --compare)\n\n", keys);
	for (size_t l = 1; l < fw->level_count; l++)
		plain_printf(out, "%s (%d): %s\n\n", fw->levels[l].title, fw->levels[l].points,
			fw->levels[l].descriptor);
	if ((s->a && s->a->read_notes.count) || (s->other && s->other->read_notes.count)) {
		plain_printf(out, "What reading the file repaired or doubts:\n");
		list_read_notes(s, out);
		plain_printf(out, "\n");
	}
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
	const struct framework *fw = p->s->fw;
	const struct framework_criterion *c = &fw->criteria[i];
	struct tri_error err;
	char where[64];
	snprintf(where, sizeof where, "criterion %s", c->id);
	if (session_set_level(p->s, i, level, &err) != 0) {
		refuse(p, where, "%s", err.message);
		return i;
	}
	struct score_result r;
	score_category(fw, p->s->a->levels, c->category, &r);
	char state[96];
	plain_printf(p->out, "%s: %s. Category %s score %d/%d, %s.%s\n", c->id,
		words_level(p->s->fw, p->s->a->levels[i]), fw->categories[c->category].id, r.score, r.max,
		words_state(fw, &r, WORDS_FULL, state, sizeof state),
		p->s->save_failed ? " NOT SAVED: see below." : "");
	if (p->s->save_failed)
		plain_printf(p->out, "Could not save: %s\n", p->s->save_error);
	say_notice(p->s, p->out);
	*shown = false;
	return i + 1;
}

/* e: evidence, then notes, one line each (Enter keeps). */
static void edit_texts(struct plain *p, size_t i)
{
	struct assessment_answer *ans = &p->s->a->answers[i];
	struct tri_error err;
	plain_printf(p->out, "Evidence (one line; Enter keeps \"%s\"): ", ans->evidence);
	fflush(p->out);
	if (!read_line(p))
		return;
	char *evidence = strdup(*trim(p->line) ? trim(p->line) : ans->evidence);
	plain_printf(p->out, "Notes (one line; Enter keeps \"%s\"): ", ans->notes);
	fflush(p->out);
	char *notes = NULL;
	if (read_line(p))
		notes = strdup(*trim(p->line) ? trim(p->line) : ans->notes);
	if (evidence && notes && session_set_texts(p->s, i, evidence, notes, &err) != 0)
		plain_printf(p->out, "Refused: %s\n", err.message);
	else if (evidence && notes)
		plain_printf(p->out, "Kept.\n");
	say_notice(p->s, p->out);
	free(evidence);
	free(notes);
}

/* One answer at criterion i; returns the criterion to go to (past the
 * last: the walk is over; one more: quit). */
static size_t command(struct plain *p, size_t i, char *cmd, bool *shown)
{
	const struct framework *fw = p->s->fw;
	const struct framework_criterion *c = &fw->criteria[i];
	struct tri_error err;
	char where[64], keys[32];
	snprintf(where, sizeof where, "criterion %s", c->id);
	if (!*cmd) {
		*shown = false;
		return i + 1;
	}
	bool alone = !cmd[1], with_argument = alone || cmd[1] == ' ';
	bool armed = p->quit_armed;
	p->quit_armed = false;
	if (alone && *cmd >= '0' && (size_t)(*cmd - '0') < fw->level_count)
		return set_level(p, i, (enum level)(*cmd - '0'), shown);
	if (alone && *cmd == '?') {
		plain_help(p->s, p->out);
		*shown = false;
	} else if (alone && *cmd == 'q') {
		if (!p->s->save_failed || !p->terminal || armed)
			return fw->criterion_count + 1;
		p->quit_armed = true;
		plain_printf(p->out, "Answers are NOT saved (%s). W FILE: save elsewhere; q again: "
			     "quit and lose them.\n", p->s->save_error);
	} else if (with_argument && *cmd == 'W') {
		save_elsewhere(p, trim(cmd + 1));
	} else if (alone && *cmd == 's') {
		show_scores(p->s, p->out);
	} else if (alone && *cmd == 'b') {
		*shown = false;
		return i ? i - 1 : 0;
	} else if (alone && *cmd == 'u') {
		long back = session_undo(p->s);
		if (back < 0) {
			plain_printf(p->out, "Nothing to undo.\n");
			return i;
		}
		plain_printf(p->out, "Undid the last change to %s.\n", fw->criteria[back].id);
		*shown = false;
		return (size_t)back;
	} else if (with_argument && *cmd == 'a') {
		if (session_adopt(p->s, i, trim(cmd + 1), &err) != 0) {
			refuse(p, where, "%s", err.message);
			return i;
		}
		plain_printf(p->out, "%s: adopted %s (recorded in its history).\n", c->id,
			words_level(p->s->fw, p->s->a->levels[i]));
		say_notice(p->s, p->out);
		*shown = false;
		return i + 1;
	} else if (with_argument && *cmd == 'g') {
		long to = framework_find_criterion(fw, trim(cmd + 1));
		if (to < 0) {
			refuse(p, where, "no criterion \"%s\"; expected an id such as 1.1 or 2a.3",
			       trim(cmd + 1));
			return i;
		}
		*shown = false;
		return (size_t)to;
	} else if (alone && *cmd == 'e') {
		edit_texts(p, i);
	} else {
		refuse(p, where, "\"%s\": expected %s, Enter, or one of ? a b g e s u q W", cmd,
		       level_keys(c, keys, sizeof keys));
	}
	return i;
}

int plain_run(struct session *s, FILE *in, FILE *out)
{
	const struct framework *fw = s->fw;
	struct plain p = { .s = s, .in = in, .out = out, .terminal = isatty(fileno(in)) };
	if (s->is_new && ask_details(&p) != 0) {
		free(p.line);
		return s->save_failed || p.stopped ? 1 : 0;
	}
	size_t i = session_first_open(s);
	if (i == fw->criterion_count) {
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
