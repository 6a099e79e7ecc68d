#include "plain.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
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

static const char *plain_label(enum level level)
{
	return words_level(level);
}

/* Read a line without its newline; NULL at end of input or on a signal. */
static char *read_line(FILE *in, char **buffer, size_t *size)
{
	errno = 0;
	ssize_t n = getline(buffer, size, in);
	if (n < 0)
		return NULL;
	while (n > 0 && ((*buffer)[n - 1] == '\n' || (*buffer)[n - 1] == '\r'))
		(*buffer)[--n] = '\0';
	return *buffer;
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
	plain_printf(out, "\nSummary for %s\n", *s->a->organisation ? s->a->organisation : s->path);
	for (size_t c = 0; c < fw->category_count; c++) {
		struct score_result r;
		score_category(fw, s->a->levels, c, &r);
		char state[96];
		plain_printf(out, "  Category %s %-36s %3d/%-3d %s\n", fw->categories[c].id,
			fw->categories[c].title, r.score, r.max,
			words_state(&r, WORDS_FULL, state, sizeof state));
	}
	int total, max;
	score_total(fw, s->a->levels, &total, &max);
	struct score_progress p;
	score_progress(fw, s->a->levels, &p);
	char progress[256];
	plain_printf(out, "  Total points %d/%d (the Standard gives levels per category, not "
		"overall)\n  Assessed: %s\n\n", total, max,
		words_progress(&p, fw->category_count, progress, sizeof progress));
}

static int ask_details(struct session *s, FILE *in, FILE *out, char **line, size_t *size)
{
	struct assessment *a = s->a;
	struct tri_error err;
	plain_printf(out, "New assessment %s against %s, version %s.\n", s->path, s->fw->title,
		s->fw->version);
	for (;;) {
		plain_printf(out, "Organisation: ");
		fflush(out);
		if (!read_line(in, line, size))
			return -1;
		if (*trim(*line))
			break;
		plain_printf(out, "Expected the authority's name.\n");
	}
	assessment_set_text(&a->organisation, trim(*line), &err);
	for (;;) {
		plain_printf(out, "Assessment type, self or peer [self]: ");
		fflush(out);
		if (!read_line(in, line, size))
			return -1;
		char *t = trim(*line);
		if (!*t)
			t = "self";
		if (strcmp(t, "self") == 0 || strcmp(t, "peer") == 0) {
			assessment_set_text(&a->type, t, &err);
			break;
		}
		plain_printf(out, "Expected self or peer.\n");
	}
	plain_printf(out, "Assessors or participants: ");
	fflush(out);
	if (!read_line(in, line, size))
		return -1;
	assessment_set_text(&a->assessors, trim(*line), &err);
	char today[16];
	time_t now = time(NULL);
	struct tm tm;
	strftime(today, sizeof today, "%Y-%m-%d", localtime_r(&now, &tm));
	for (;;) {
		plain_printf(out, "Date (YYYY-MM-DD) [%s]: ", today);
		fflush(out);
		if (!read_line(in, line, size))
			return -1;
		char *d = trim(*line);
		if (!*d)
			d = today;
		if (assessment_date_valid(d)) {
			assessment_set_text(&a->date, d, &err);
			break;
		}
		plain_printf(out, "Expected a date as YYYY-MM-DD.\n");
	}
	if (session_save(s) != 0) {
		plain_printf(out, "Could not create %s: %s\n", s->path, s->save_error);
		return -1;
	}
	plain_printf(out, "Created %s.\n", s->path);
	return 0;
}

static void show_criterion(struct session *s, size_t i, FILE *out)
{
	const struct framework *fw = s->fw;
	const struct framework_criterion *c = &fw->criteria[i];
	const struct framework_category *cat = &fw->categories[c->category];
	if (i == cat->first_criterion)
		plain_printf(out, "\nCategory %s of %zu: %s\nScore ranges: Developing %d-%d, "
			"Established %d-%d, Leading %d-%d\n", cat->id, fw->category_count,
			cat->title, cat->published[1].from, cat->published[1].to,
			cat->published[2].from, cat->published[2].to, cat->published[3].from,
			cat->published[3].to);
	if (c->section != FRAMEWORK_NO_SECTION &&
	    i == fw->sections[c->section].first_criterion)
		plain_printf(out, "\nSection %s: %s\n", fw->sections[c->section].id,
			fw->sections[c->section].title);
	plain_printf(out, "\n%s (now: %s)\n", c->id, plain_label(s->a->levels[i]));
	if (s->other)
		plain_printf(out, "  Other assessment (%s): %s%s\n", s->other_path,
			plain_label(s->other->levels[i]),
			s->other->levels[i] != s->a->levels[i] ? " (differs; a adopts it)" : " (agrees)");
	for (int l = LEVEL_DEVELOPING; l <= LEVEL_LEADING; l++)
		if (c->cell[l])
			plain_printf(out, "  %d %s: %s\n", l, plain_label((enum level)l), c->cell[l]);
	plain_printf(out, "  0 None of these\n");
}

/* Say once what the session must say (outside changes, journal). */
static void say_notice(struct session *s, FILE *out)
{
	if (s->notice[0]) {
		plain_printf(out, "%s\n", s->notice);
		s->notice[0] = '\0';
	}
}

/* W FILE: save elsewhere and continue there; an existing file is replaced
 * only when confirmed at a terminal. */
static void save_elsewhere(struct session *s, const char *path, bool interactive, FILE *in,
			   FILE *out, char **line, size_t *size)
{
	struct tri_error err;
	bool was_read_only = s->read_only[0] != '\0';
	if (!*path) {
		plain_printf(out, "Expected W FILE: the file to save to.\n");
		return;
	}
	enum session_save_as_result r = session_save_as(s, path, false, &err);
	if (r == SESSION_SAVE_AS_EXISTS) {
		if (!interactive) {
			plain_printf(out, "Refused: %s; not replaced (a file tri-assess did not write "
				"is replaced only when confirmed at a terminal).\n", err.message);
			return;
		}
		plain_printf(out, "%s. Replace it with these answers? [y/N] ", err.message);
		fflush(out);
		if (!read_line(in, line, size) || (strcmp(trim(*line), "y") != 0 &&
						   strcmp(trim(*line), "yes") != 0)) {
			plain_printf(out, "Not saved: %s is unchanged.\n", path);
			return;
		}
		r = session_save_as(s, path, true, &err);
	}
	if (r == SESSION_SAVE_AS_FAILED)
		plain_printf(out, "Could not save: %s\n", err.message);
	else
		plain_printf(out, "Saved to %s; changes now go there%s.\n", s->path,
			was_read_only ? " (a copy you can change)" : "");
}

/* Say on the first screen that the file is read-only, and why. */
static void say_read_only(const struct session *s, FILE *out)
{
	if (s->read_only[0])
		plain_printf(out, "READ-ONLY (%s): answers cannot change %s. W FILE continues on "
			"a copy.\n", s->read_only, s->path);
}

static void plain_help(const struct framework *fw, FILE *out)
{
	plain_printf(out, "\nAt each criterion type a number and Enter:\n"
		"  0 None, 1 Developing, 2 Established, 3 Leading (only the levels shown)\n"
		"  Enter alone keeps the current level and moves on\n"
		"  b  back one criterion      g ID  go to a criterion (g 2a.1)\n"
		"  e  evidence and notes      s     scores so far\n"
		"  u  undo the last change    q     quit (everything is already saved)\n"
		"  W FILE    save to another file and continue there\n"
		"  a REMARK  adopt the other assessment's level (with --compare)\n\n");
	for (int l = LEVEL_DEVELOPING; l <= LEVEL_LEADING; l++)
		plain_printf(out, "%s (%d): %s\n\n", fw->level_title[l], fw->points[l],
			fw->level_descriptor[l]);
}

int plain_run(struct session *s, FILE *in, FILE *out)
{
	const struct framework *fw = s->fw;
	char *line = NULL;
	size_t size = 0;
	struct tri_error err;
	if (s->is_new && ask_details(s, in, out, &line, &size) != 0) {
		free(line);
		return s->save_failed ? 1 : 0;
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
	bool interactive = isatty(fileno(in)), quit_armed = false, shown = false;
	while (i < fw->criterion_count && !session_signal) {
		const struct framework_criterion *c = &fw->criteria[i];
		session_set_current(s, i);
		if (session_refresh_other(s) != 0)
			shown = false;
		if (!shown)
			show_criterion(s, i, out);
		shown = true;
		plain_printf(out, "Level for %s [0-3, Enter keeps, ? help]: ", c->id);
		fflush(out);
		if (!read_line(in, &line, &size))
			break;
		char *cmd = trim(line);
		if (*cmd != 'q')
			quit_armed = false;
		if (!*cmd) {
			i++;
			shown = false;
			continue;
		}
		if (strlen(cmd) == 1 && *cmd >= '0' && *cmd <= '3') {
			if (session_set_level(s, i, (enum level)(*cmd - '0'), &err) != 0) {
				plain_printf(out, "Refused: %s.\n", err.message);
				continue;
			}
			say_notice(s, out);
			struct score_result r;
			score_category(fw, s->a->levels, c->category, &r);
			char state[96];
			plain_printf(out, "%s: %s. Category %s score %d/%d, %s.%s\n", c->id,
				plain_label(s->a->levels[i]), fw->categories[c->category].id,
				r.score, r.max, words_state(&r, WORDS_FULL, state, sizeof state),
				s->save_failed ? " NOT SAVED: see below." : "");
			if (s->save_failed)
				plain_printf(out, "Could not save: %s\n", s->save_error);
			i++;
			shown = false;
			continue;
		}
		switch (*cmd) {
		case '?': plain_help(fw, out); shown = false; break;
		case 'q':
			if (s->save_failed && interactive && !quit_armed) {
				quit_armed = true;
				plain_printf(out, "Answers are NOT saved (%s). W FILE: save elsewhere; "
					"q again: quit and lose them.\n", s->save_error);
				break;
			}
			i = fw->criterion_count + 1;
			break;
		case 'W':
			save_elsewhere(s, trim(cmd + 1), interactive, in, out, &line, &size);
			break;
		case 's': show_scores(s, out); break;
		case 'b': if (i) i--; shown = false; break;
		case 'u': {
			long back = session_undo(s);
			if (back < 0) {
				plain_printf(out, "Nothing to undo.\n");
			} else {
				plain_printf(out, "Undid the last change to %s.\n", fw->criteria[back].id);
				i = (size_t)back;
				shown = false;
			}
			break;
		}
		case 'a': {
			if (session_adopt(s, i, trim(cmd + 1), &err) != 0) {
				plain_printf(out, "Refused: %s.\n", err.message);
				break;
			}
			plain_printf(out, "%s: adopted %s (recorded in its history).\n", c->id,
				plain_label(s->a->levels[i]));
			say_notice(s, out);
			i++;
			shown = false;
			break;
		}
		case 'g': {
			long to = framework_find_criterion(fw, trim(cmd + 1));
			if (to < 0)
				plain_printf(out, "No criterion \"%s\"; expected an id such as 1.1 "
					"or 2a.3.\n", trim(cmd + 1));
			else {
				i = (size_t)to;
				shown = false;
			}
			break;
		}
		case 'e': {
			struct assessment_answer *ans = &s->a->answers[i];
			plain_printf(out, "Evidence (one line; Enter keeps \"%s\"): ", ans->evidence);
			fflush(out);
			if (!read_line(in, &line, &size))
				break;
			char *evidence = strdup(*trim(line) ? trim(line) : ans->evidence);
			plain_printf(out, "Notes (one line; Enter keeps \"%s\"): ", ans->notes);
			fflush(out);
			char *notes = NULL;
			if (read_line(in, &line, &size))
				notes = strdup(*trim(line) ? trim(line) : ans->notes);
			if (evidence && notes && session_set_texts(s, i, evidence, notes, &err) != 0)
				plain_printf(out, "Refused: %s\n", err.message);
			else if (evidence && notes)
				plain_printf(out, "Kept.\n");
			say_notice(s, out);
			free(evidence);
			free(notes);
			break;
		}
		default:
			plain_printf(out, "\"%s\": expected 0-3, Enter, or one of ? a b g e s u q W.\n", cmd);
		}
	}
	if (i == fw->criterion_count)
		show_scores(s, out);
	free(line);
	/* A script whose answers a read-only file refused must not look done. */
	return s->save_failed || (s->refused_read_only && !interactive) ? 1 : 0;
}
