/* wizard: choose the front end, open the session, run, and restore the
 * terminal whatever happens. */
#include "wizard.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "plain.h"
#include "tui.h"


static bool terminal_is_dumb(void)
{
	const char *term = getenv("TERM");
	return !term || !*term || strcmp(term, "dumb") == 0;
}

/* The file is held by another wizard: at a terminal, name the holder and
 * offer to follow it read-only (--follow: without asking); without one,
 * refused as before (clarifications rule 2).  Returns 0 when following,
 * -1 (err says why) otherwise. */
static int follow_instead(struct wizard *w, const struct framework *fw, const char *path,
			  const struct wizard_options *options, struct tri_error *err)
{
	char holder[160];
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO) ||
	    !session_held_by(path, holder, sizeof holder))
		return -1;
	if (!options->follow) {
		plain_printf(stdout, "%s is open in another tri-assess (%s).\nFollow it read-only? "
			     "[Y/n] ", path, *holder ? holder : "holder unknown");
		fflush(stdout);
		char answer[64];
		if (!fgets(answer, sizeof answer, stdin) || (answer[0] != '\n' && answer[0] != 'y' &&
							    answer[0] != 'Y'))
			return -1;
	}
	struct tri_error follow_err;
	session_finish(&w->s);
	if (session_open_following(&w->s, fw, path, &follow_err) != 0) {
		*err = follow_err;
		return -1;
	}
	return 0;
}

int wizard_main(const struct framework *fw, const char *path,
		const struct wizard_options *options)
{
	setlocale(LC_ALL, "");
	if (!path)
		path = "assessment.csv";
	bool plain = options->plain || terminal_is_dumb() || !isatty(STDIN_FILENO) ||
		     !isatty(STDOUT_FILENO);
	struct wizard *w = calloc(1, sizeof *w);
	if (!w) {
		plain_printf(stderr, "tri-assess: out of memory\n");
		return 1;
	}
	struct tri_error err;
	if (session_open(&w->s, fw, path, &err) != 0 &&
	    follow_instead(w, fw, path, options, &err) != 0) {
		plain_printf(stderr, "tri-assess: %s\n", err.message);
		session_finish(&w->s);
		free(w);
		return 1;
	}
	w->s.bom = options->bom;
	if (options->bom)
		w->s.a->bom = true; /* the file gets one too, and keeps it */
	if (options->compare &&
	    session_open_other(&w->s, options->compare, options->who, &err) != 0) {
		plain_printf(stderr, "tri-assess: %s\n", err.message);
		session_finish(&w->s);
		free(w);
		return 1;
	}
	session_set_moderation(&w->s, options->moderate);
	session_install_signals();
	int rc;
	if (plain) {
		rc = plain_run(&w->s, stdin, stdout);
	} else {
		tui_install_signals();
		SCREEN *screen = newterm(NULL, stdout, stdin);
		if (!screen) {
			plain_printf(stderr, "tri-assess: this terminal (TERM=%s) cannot run the "
				     "full-screen wizard; using plain mode\n", getenv("TERM"));
			rc = plain_run(&w->s, stdin, stdout);
		} else {
			set_term(screen);
			rc = tui_run(w);
			endwin();
			delscreen(screen);
		}
	}
	if (session_signal && !w->s.save_failed && !w->s.read_only[0])
		plain_printf(stderr, "tri-assess: signal %d: every answer is saved in %s\n",
			     (int)session_signal, w->s.path);
	else if (w->s.save_failed)
		plain_printf(stderr, "tri-assess: NOT SAVED to %s: %s\n", w->s.path, w->s.save_error);
	else if (rc != 0 && w->s.refused_read_only)
		plain_printf(stderr, "tri-assess: NOT SAVED: %s is read-only (%s): %zu change%s "
			     "refused\n", w->s.path, w->s.read_only, w->s.refused_read_only,
			     w->s.refused_read_only == 1 ? "" : "s");
	else if (w->s.read_only[0])
		; /* nothing was saved, and nothing needed to be */
	else if (!w->s.is_new)
		plain_printf(stdout, "Saved: %s\n", w->s.path);
	session_finish(&w->s);
	free(w);
	return rc;
}
