/* Unit tests: the actions table both front ends read (clarifications
 * rule 12) — each action once, no key or command meaning two things, the
 * reserved keys kept free on every browsing screen, and the user guide's
 * key table listing every key the table binds. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actions.h"
#include "tui.h"

static const struct action *table;
static size_t count;

static int setup(void **state)
{
	(void)state;
	table = action_table(&count);
	return 0;
}

/* Every id has one entry; action_get finds it. */
static void test_each_action_once(void **state)
{
	(void)state;
	for (int id = 0; id < ACTION_COUNT; id++) {
		size_t seen = 0;
		for (size_t i = 0; i < count; i++)
			seen += table[i].id == (enum action_id)id;
		assert_int_equal(seen, 1);
		assert_int_equal(action_get((enum action_id)id)->id, id);
	}
	assert_int_equal(count, ACTION_COUNT);
}

/* A key, or a command, belongs to one action only; global and reserved
 * keys are keys of the wizard; reserved ones say what brings them. */
static void test_one_meaning(void **state)
{
	(void)state;
	for (size_t i = 0; i < count; i++) {
		const struct action *a = &table[i];
		for (const wchar_t *c = a->chars; c && *c; c++)
			assert_ptr_equal(action_for_key((wint_t)*c, false), a);
		for (const int *code = a->codes; code && *code; code++)
			assert_ptr_equal(action_for_key((wint_t)*code, true), a);
		if (a->command)
			assert_ptr_equal(action_for_command(a->command), a);
		if (a->scope != ACTION_ROW)
			assert_true(a->chars != NULL);
		assert_true((a->scope == ACTION_COMING) == (a->coming != NULL));
		assert_true(a->scope != ACTION_COMING || !a->command);
		assert_true(!a->command || a->usage); /* a command is listed by ? */
		assert_true(a->id == ACTION_LEVEL || a->help);
	}
	for (char d = '0'; d <= '9'; d++)
		assert_int_equal(action_for_command(d)->id, ACTION_LEVEL);
	char commands[64];
	assert_string_equal(action_commands(commands, sizeof commands),
			    "b e p a m h g s x / n N u W i ? q > < A d");
}

/* A browsing screen never takes a global or a reserved key for itself:
 * the loop handles the global ones and refuses the reserved ones before
 * the screen sees a key. */
static void test_screens_leave_global_keys(void **state)
{
	(void)state;
	struct tri_error err;
	struct framework *fw = framework_load_embedded(&err);
	assert_non_null(fw);
	struct wizard *w = calloc(1, sizeof *w);
	assert_non_null(w);
	w->s.fw = fw;
	const struct view *screens[] = { &view_category, &view_overview, &view_summary,
					 &view_moderation };
	for (size_t v = 0; v < sizeof screens / sizeof screens[0]; v++) {
		assert_true(screens[v]->browsing);
		void *own = calloc(1, screens[v]->state_size + 1);
		assert_non_null(own);
		for (size_t i = 0; i < count; i++) {
			if (table[i].scope == ACTION_ROW)
				continue;
			for (const wchar_t *c = table[i].chars; c && *c; c++)
				if (screens[v]->binds(w, own, (wint_t)*c, false) != TUI_UNBOUND)
					fail_msg("%s takes %lc, a global key", screens[v]->name, (wint_t)*c);
			for (const int *code = table[i].codes; code && *code; code++)
				assert_int_equal(screens[v]->binds(w, own, (wint_t)*code, true),
						 TUI_UNBOUND);
		}
		free(own);
	}
	assert_false(view_help.browsing || view_edit.browsing || view_plan.browsing ||
		     view_start.browsing || view_history.browsing);
	free(w);
	framework_destroy(fw);
}

/* docs/user-guide.md's "## Keys" section lists every printable key of the
 * table in backquotes, the reserved ones marked as coming. */
static void test_user_guide_lists_keys(void **state)
{
	(void)state;
	const char *docs = getenv("TRI_DOCS");
	assert_non_null(docs);
	char path[1024];
	snprintf(path, sizeof path, "%s/user-guide.md", docs);
	FILE *f = fopen(path, "r");
	assert_non_null(f);
	static char text[1 << 17];
	text[fread(text, 1, sizeof text - 1, f)] = '\0';
	fclose(f);
	char *start = strstr(text, "\n## Keys\n");
	assert_non_null(start);
	char *end = strstr(start + 1, "\n## ");
	if (end)
		*end = '\0';
	for (size_t i = 0; i < count; i++) {
		for (const wchar_t *c = table[i].chars; c && *c; c++) {
			if (*c <= L' ' || *c >= 127)
				continue;
			if (table[i].id == ACTION_LEVEL && *c != L'0' && *c != L'9')
				continue; /* ("`0` `1` `2` `3` ... up to `9`") */
			char quoted[8];
			snprintf(quoted, sizeof quoted, "`%c`", (char)*c);
			char *at = strstr(start, quoted);
			if (!at)
				fail_msg("the user guide's key table lacks %s (%s)", quoted, table[i].name);
			if (table[i].scope == ACTION_COMING) {
				char *line = at, *line_end = strchr(at, '\n');
				while (line > start && line[-1] != '\n')
					line--;
				if (line_end)
					*line_end = '\0';
				if (!strstr(line, "coming"))
					fail_msg("the user guide does not mark %s as coming", quoted);
				if (line_end)
					*line_end = '\n';
			}
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_each_action_once),
		cmocka_unit_test(test_one_meaning),
		cmocka_unit_test(test_screens_leave_global_keys),
		cmocka_unit_test(test_user_guide_lists_keys),
	};
	return cmocka_run_group_tests(tests, setup, NULL);
}
