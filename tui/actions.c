/* actions: the table (see actions.h). */
#include "actions.h"

#include <stdio.h>
#include <string.h>

#include "ui.h" /* curses' key codes */
#include "words.h"

static const int move_codes[] = { KEY_DOWN, KEY_UP, 0 };
static const int ends_codes[] = { KEY_HOME, KEY_END, 0 };
static const int next_codes[] = { KEY_NPAGE, 0 };
static const int previous_codes[] = { KEY_PPAGE, KEY_BTAB, 0 };
static const int edit_codes[] = { KEY_ENTER, KEY_F(2), 0 };
static const int help_codes[] = { KEY_F(1), 0 };
static const int quit_codes[] = { KEY_F(10), 0 };

/* The order is help's.  The level keys' words come from the framework. */
static const struct action table[] = {
	{ .id = ACTION_LEVEL, .scope = ACTION_ROW, .name = "set the level",
	  .chars = L"0123456789" },
	{ .id = ACTION_KEEP, .scope = ACTION_ROW, .name = "keep",
	  .usage = "Enter", .help = "keep the current level and move on" },
	{ .id = ACTION_MOVE, .scope = ACTION_ROW, .name = "move", .chars = L"jk",
	  .codes = move_codes, .keys = "j k, Up Down",
	  .help = "move between criteria (on the overview: between categories)" },
	{ .id = ACTION_BACK, .scope = ACTION_ROW, .name = "back", .command = 'b', .usage = "b",
	  .help = "back one criterion" },
	{ .id = ACTION_ROW_ENDS, .scope = ACTION_ROW, .name = "first or last row",
	  .codes = ends_codes, .keys = "Home End",
	  .help = "the category's first or last criterion" },
	{ .id = ACTION_SCROLL_CELLS, .scope = ACTION_ROW, .name = "more cells", .chars = L"JK",
	  .keys = "J K", .help = "more of the current criterion's cells, when they do not all fit "
	  "the window; else more of its evidence and notes" },
	{ .id = ACTION_NEXT_CATEGORY, .scope = ACTION_ROW, .name = "next category",
	  .chars = L"\t]", .codes = next_codes, .keys = "Tab ] PgDn",
	  .help = "next category (after the last: the summary)" },
	{ .id = ACTION_PREVIOUS_CATEGORY, .scope = ACTION_ROW, .name = "previous category",
	  .chars = L"[", .codes = previous_codes, .keys = "S-Tab [ PgUp",
	  .help = "previous category (before the first: the overview)" },
	{ .id = ACTION_EDIT, .scope = ACTION_ROW, .name = "evidence and notes",
	  .chars = L"e\r\n", .codes = edit_codes, .keys = "Enter, e, F2", .opens_text = true,
	  .command = 'e', .usage = "e", .help = "evidence and notes for the current criterion" },
	{ .id = ACTION_PLAN, .scope = ACTION_ROW, .name = "the row's actions", .chars = L"p",
	  .keys = "p", .command = 'p', .usage = "p",
	  .help = "the current criterion's target and actions: add, edit, status, progress",
	  .plain_help = "the criterion's actions: list, add, edit, status, progress" },
	{ .id = ACTION_ADOPT, .scope = ACTION_ROW, .name = "adopt", .chars = L"a", .keys = "a",
	  .opens_text = true, .command = 'a', .usage = "a REMARK", .argument = true,
	  .help = "adopt the compared file's level (with --compare), then type a remark "
	  "(Ctrl-G takes the adoption back)",
	  .plain_help = "adopt the other assessment's level (with --compare)" },
	{ .id = ACTION_MODERATE, .scope = ACTION_ROW, .name = "moderate", .chars = L"m",
	  .keys = "m", .opens_text = true, .command = 'm', .usage = "m k|LEVEL|d REMARK",
	  .argument = true, .help = "in a moderation: k keep your own level, a digit a moderated "
	  "level, d agree to differ; recorded at once, then type a remark (Ctrl-G takes it back)",
	  .plain_help = "in a moderation: keep your level (k), a moderated level (a digit), or "
	  "agree to differ (d), with a remark" },
	{ .id = ACTION_HISTORY, .scope = ACTION_ROW, .name = "history", .chars = L"h",
	  .keys = "h", .command = 'h', .usage = "h",
	  .help = "the current criterion's history, both sides' evidence and notes",
	  .plain_help = "the current criterion's history and both sides' evidence" },
	{ .id = ACTION_GO, .scope = ACTION_GLOBAL, .name = "go to", .chars = L"g", .keys = "g",
	  .command = 'g', .usage = "g ID", .argument = true,
	  .help = "overview: every category; Enter opens the one selected",
	  .plain_help = "go to a criterion (g 2a.1)" },
	{ .id = ACTION_SUMMARY, .scope = ACTION_GLOBAL, .name = "summary", .chars = L"s",
	  .keys = "s", .command = 's', .usage = "s",
	  .help = "summary: every category's score and level, and the fewest steps to the next "
	  "level", .plain_help = "scores so far, and the fewest steps to each category's next level" },
	{ .id = ACTION_EXPORT, .scope = ACTION_GLOBAL, .name = "export", .chars = L"x",
	  .keys = "x", .command = 'x', .usage = "x",
	  .help = "export the summary CSV (NAME-summary.csv)" },
	{ .id = ACTION_FIND, .scope = ACTION_GLOBAL, .name = "find", .chars = L"/", .keys = "/",
	  .opens_text = true, .command = '/', .usage = "/TEXT", .argument = true,
	  .help = "find text in criteria, evidence and notes (case and accents ignored)" },
	{ .id = ACTION_FIND_NEXT, .scope = ACTION_GLOBAL, .name = "find next", .chars = L"n",
	  .keys = "n", .command = 'n', .usage = "n", .help = "the next match of the last search" },
	{ .id = ACTION_FIND_PREVIOUS, .scope = ACTION_GLOBAL, .name = "find previous",
	  .chars = L"N", .keys = "N", .command = 'N', .usage = "N",
	  .help = "the previous match of the last search" },
	{ .id = ACTION_UNDO, .scope = ACTION_GLOBAL, .name = "undo", .chars = L"u", .keys = "u",
	  .command = 'u', .usage = "u", .help = "undo the last change (as many times as you like)" },
	{ .id = ACTION_SAVE_AS, .scope = ACTION_GLOBAL, .name = "save elsewhere", .chars = L"W",
	  .keys = "W", .opens_text = true, .command = 'W', .usage = "W FILE", .argument = true,
	  .help = "save to another file and continue there (asks before replacing one)" },
	{ .id = ACTION_GUIDANCE, .scope = ACTION_GLOBAL, .name = "guidance", .chars = L"i",
	  .keys = "i", .command = 'i', .usage = "i [about]", .argument = true, .help = "the current category's guidance in "
	  "full: its description and every note of its sections and cells (the screen shows the "
	  "first line of each when space is short; on the overview, the selected category's)",
	  .plain_help = "the current category's guidance in full: its description and notes; "
	  "i about: About the Standard" },
	{ .id = ACTION_HELP, .scope = ACTION_GLOBAL, .name = "help", .chars = L"?",
	  .codes = help_codes, .keys = "?, F1", .command = '?', .usage = "?", .help = "this help" },
	{ .id = ACTION_QUIT, .scope = ACTION_GLOBAL, .name = "quit", .chars = L"q",
	  .codes = quit_codes, .keys = "q, F10", .command = 'q', .usage = "q",
	  .help = "quit (every change is already saved)" },
	{ .id = ACTION_NEXT_DISAGREEMENT, .scope = ACTION_GLOBAL, .name = "next disagreement",
	  .chars = L">", .keys = ">", .command = '>', .usage = ">",
	  .help = "the next open disagreement in a comparison, across categories" },
	{ .id = ACTION_PREVIOUS_DISAGREEMENT, .scope = ACTION_GLOBAL,
	  .name = "previous disagreement", .chars = L"<", .keys = "<", .command = '<',
	  .usage = "<", .help = "the previous open disagreement" },
	{ .id = ACTION_ACTIONS_SCREEN, .scope = ACTION_GLOBAL, .name = "actions screen",
	  .chars = L"A", .keys = "A", .command = 'A', .usage = "A",
	  .help = "every action by due date, filtered by overdue, category, status or lead",
	  .plain_help = "every action by due date (A overdue: the overdue ones)",
	  .argument = true },
	{ .id = ACTION_DASHBOARD, .scope = ACTION_GLOBAL, .name = "dashboard", .chars = L"d",
	  .keys = "d", .command = 'd', .usage = "d",
	  .help = "the dashboard: per category level, target, RAG ratings, overdue, progress" },
};

#define TABLE_SIZE (sizeof table / sizeof table[0])

const struct action *action_table(size_t *count)
{
	*count = TABLE_SIZE;
	return table;
}

const struct action *action_get(enum action_id id)
{
	for (size_t i = 0; i < TABLE_SIZE; i++)
		if (table[i].id == id)
			return &table[i];
	return NULL; /* (every id has its entry: a unit test says so) */
}

const struct action *action_for_key(wint_t ch, bool is_code)
{
	for (size_t i = 0; i < TABLE_SIZE; i++) {
		const struct action *a = &table[i];
		if (!is_code && ch && a->chars && wcschr(a->chars, (wchar_t)ch))
			return a;
		for (const int *code = a->codes; is_code && code && *code; code++)
			if ((wint_t)*code == ch)
				return a;
	}
	return NULL;
}

const struct action *action_for_command(char letter)
{
	if (letter >= '0' && letter <= '9')
		return action_get(ACTION_LEVEL);
	for (size_t i = 0; i < TABLE_SIZE; i++)
		if (letter && table[i].command == letter)
			return &table[i];
	return NULL;
}

const char *action_keys(const struct action *a, const struct framework *fw, bool plain,
			char *buffer, size_t size)
{
	if (a->id != ACTION_LEVEL) {
		const char *keys = plain ? a->usage : a->keys;
		snprintf(buffer, size, "%s", keys ? keys : "");
		return buffer;
	}
	size_t used = 0;
	buffer[0] = '\0';
	for (size_t l = 0; l < fw->level_count && used < size; l++)
		used += (size_t)snprintf(buffer + used, size - used, "%s%zu", l ? " " : "", l);
	return buffer;
}

const char *action_help(const struct action *a, const struct framework *fw, bool plain,
			char *buffer, size_t size)
{
	if (a->id != ACTION_LEVEL) {
		snprintf(buffer, size, "%s", plain && a->plain_help ? a->plain_help : a->help);
		return buffer;
	}
	size_t used = (size_t)snprintf(buffer, size, "%s", plain ? "" : "set ");
	for (size_t l = 0; l < fw->level_count && used < size; l++) {
		if (plain)
			used += (size_t)snprintf(buffer + used, size - used, "%s%zu %s", l ? ", " : "",
						 l, words_level(fw, (enum level)l));
		else
			used += (size_t)snprintf(buffer + used, size - used, "%s%s", l ? " / " : "",
						 words_level(fw, (enum level)l));
	}
	if (used < size)
		snprintf(buffer + used, size - used, "%s", plain ? " (only the levels shown)"
			 : " on the current criterion and move to the next (a level the row lacks "
			 "is refused)");
	return buffer;
}

const char *action_commands(char *buffer, size_t size)
{
	size_t used = 0;
	buffer[0] = '\0';
	for (size_t i = 0; i < TABLE_SIZE && used + 3 < size; i++)
		if (table[i].command)
			used += (size_t)snprintf(buffer + used, size - used, "%s%c", used ? " " : "",
						 table[i].command);
	return buffer;
}
