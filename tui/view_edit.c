/* The editor: evidence and notes for the current criterion, two
 * multi-line UTF-8 fields.  The text is committed (and saved) on Esc/F10,
 * and also on a signal or when the terminal goes (the commit hook), so
 * nothing typed is lost to a dropped link. */
#include "tui.h"
#include "words.h"

#include <stdlib.h>

static void edit_draw(struct wizard *w)
{
	const struct framework_criterion *c = &w->s.fw->criteria[w->criterion];
	char line[256];
	snprintf(line, sizeof line, "Evidence and notes for %s (%s)", c->id,
		 words_level(w->s.fw, w->s.a->levels[w->criterion]));
	ui_put_utf8(&w->ui, w->header, 0, 0, line, w->cols, UI_TITLE);
	tui_put_fitting(w, w->header, 1, "Tab switches field. Esc or F10 keeps the text; "
			"Ctrl-G discards this edit.\nTab: field. Esc or F10 keeps; Ctrl-G "
			"discards.", UI_DIM);
	int height = getmaxy(w->body);
	int half = (height - 2) / 2;
	const char *labels[2] = { "Evidence:", "Notes:" };
	int y = 0;
	for (int i = 0; i < 2; i++) {
		int rows = i == 0 ? half : height - 2 - half;
		ui_put_utf8(&w->ui, w->body, y, 0, labels[i], w->cols,
			    w->field_focus == i ? UI_SELECTED : UI_TITLE);
		tui_field_draw(w, w->body, &w->field[i], y + 1, 2, w->cols - 3, rows,
			       w->field_focus == i);
		y += rows + 1;
	}
	tui_hints(w, "Tab field  Enter new line  Ctrl-K cut line  Esc/F10 keep  Ctrl-G discard\n"
		  "Tab field  Ctrl-K cut line  Esc keep  Ctrl-G discard");
}

static void leave(struct wizard *w, bool keep)
{
	if (keep) {
		char *evidence = tui_field_utf8(&w->field[0]);
		char *notes = tui_field_utf8(&w->field[1]);
		struct session_reply reply;
		session_set_texts(&w->s, w->criterion, evidence, notes, &reply);
		tui_reply(w, &reply);
		free(evidence);
		free(notes);
	} else {
		tui_message(w, UI_NORMAL, "Edit discarded.");
	}
	w->view = w->back ? w->back : &view_category;
}

static void edit_key(struct wizard *w, wint_t ch, bool is_code)
{
	enum tui_close close = tui_close_key(ch, is_code);
	if (close != TUI_CLOSE_NO) {
		leave(w, close == TUI_CLOSE_KEEP);
		return;
	}
	if ((!is_code && ch == L'\t') || (is_code && ch == KEY_BTAB)) {
		w->field_focus ^= 1;
		return;
	}
	tui_field_key(&w->field[w->field_focus], ch, is_code, w->cols - 3);
}

static enum tui_binding edit_binds(const struct wizard *w, wint_t ch, bool is_code)
{
	(void)w;
	if (tui_is_close_key(ch, is_code) || tui_key_listed(ch, is_code, L"\t",
							     (const int[]){ KEY_BTAB, 0 }))
		return TUI_BOUND;
	return tui_field_binds(ch, is_code, true) ? TUI_BOUND : TUI_UNBOUND;
}

static struct editor_field *edit_text_field(struct wizard *w, bool *lines)
{
	*lines = true;
	return &w->field[w->field_focus];
}

/* What the editor holds goes into the assessment (and is saved). */
static void edit_commit(struct wizard *w)
{
	char *evidence = tui_field_utf8(&w->field[0]);
	char *notes = tui_field_utf8(&w->field[1]);
	session_set_texts(&w->s, w->criterion, evidence, notes, NULL);
	free(evidence);
	free(notes);
}

const struct view view_edit = {
	.name = "edit", .draw = edit_draw, .key = edit_key,
	.binds = edit_binds, .text_field = edit_text_field, .commit = edit_commit,
};
