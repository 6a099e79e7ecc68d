/* actions: the table of what a person can do, with the keys and the
 * commands that do it, read by both front ends.  The wizard's loop binds
 * the global keys from it on every browsing screen (a screen never sees
 * them, so it cannot give one another meaning: clarifications rule 12),
 * the category screen its own keys, plain mode its commands; the help
 * screen and plain mode's ? list them from here, and docs/user-guide.md's
 * key table lists the same keys (a unit test holds the two together).
 * Keys reserved for features to come are in the table too, bound nowhere
 * yet.  No curses in this header; the table's key codes are curses'. */
#ifndef ACTIONS_H
#define ACTIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

#include "framework.h"

enum action_id {
	/* where there is a current row: the category screen, plain mode's prompt */
	ACTION_LEVEL,             /* 0-9 */
	ACTION_MOVE,              /* j k, Up Down */
	ACTION_ROW_ENDS,          /* Home End */
	ACTION_KEEP,              /* plain mode's Enter: keep the level, move on */
	ACTION_BACK,              /* plain mode's b */
	ACTION_SCROLL_CELLS,      /* J K */
	ACTION_NEXT_CATEGORY,
	ACTION_PREVIOUS_CATEGORY,
	ACTION_EDIT,              /* evidence and notes */
	ACTION_PLAN,
	ACTION_ADOPT,
	ACTION_MODERATE,
	ACTION_HISTORY,
	/* global: the same on every browsing screen and in plain mode */
	ACTION_GO,                /* g: the overview; plain mode's g ID */
	ACTION_SUMMARY,
	ACTION_EXPORT,
	ACTION_FIND,
	ACTION_FIND_NEXT,
	ACTION_FIND_PREVIOUS,
	ACTION_UNDO,
	ACTION_SAVE_AS,
	ACTION_GUIDANCE,          /* i: the category's description and notes */
	ACTION_HELP,
	ACTION_QUIT,
	ACTION_NEXT_DISAGREEMENT,
	ACTION_PREVIOUS_DISAGREEMENT,
	/* reserved for what is coming (rule 12): bound nowhere yet */
	ACTION_ACTIONS_SCREEN,
	ACTION_DASHBOARD,
	ACTION_COUNT
};

enum action_scope {
	ACTION_ROW,    /* acts on the current row: where there is one */
	ACTION_GLOBAL, /* every browsing screen and plain mode */
	ACTION_COMING, /* reserved: bound nowhere yet; no screen may take the key */
};

struct action {
	enum action_id id;
	enum action_scope scope;
	const char *name;      /* "undo": in messages */
	/* the wizard's keys, or NULL/NULL where it has none */
	const wchar_t *chars;  /* characters */
	const int *codes;      /* curses key codes, ending with 0 */
	const char *keys;      /* as help shows them ("Tab ] PgDn"); NULL: made from the framework */
	bool opens_text;       /* opens an editor or a prompt: keys after it are text */
	/* plain mode's command, or 0/NULL where it has none */
	char command;          /* its letter */
	const char *usage;     /* as help shows it ("W FILE") */
	bool argument;         /* takes a word after a space (W FILE, g ID, a REMARK) */
	const char *help;      /* what it does (NULL: made from the framework) */
	const char *plain_help; /* in plain mode, where that says it differently */
	const char *coming;    /* ACTION_COMING: what brings it ("issue 13") */
};

/* The table, in the order help lists it; *count entries. */
const struct action *action_table(size_t *count);

/* The action with this id. */
const struct action *action_get(enum action_id id);

/* The action the wizard's key ch (a KEY_* code when is_code) belongs to,
 * or NULL. */
const struct action *action_for_key(wint_t ch, bool is_code);

/* The action plain mode's command letter belongs to (the digits: the
 * level), or NULL. */
const struct action *action_for_command(char letter);

/* The keys of a as the help screen shows them (plain false), or its
 * command as plain mode's ? does, written into buffer: the level keys
 * from the framework ("0 1 2 3"); others as the table has them ("" for
 * none). */
const char *action_keys(const struct action *a, const struct framework *fw, bool plain,
			char *buffer, size_t size);

/* What a does, for the help screen (plain false) or plain mode's ?,
 * written into buffer: the level keys name the framework's levels. */
const char *action_help(const struct action *a, const struct framework *fw, bool plain,
			char *buffer, size_t size);

/* Plain mode's commands as a refusal lists them: "? a b g e s u q W". */
const char *action_commands(char *buffer, size_t size);

#endif
