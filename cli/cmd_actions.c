/* The commands on an action plan and its delivery: plan, actions,
 * dashboard, progress.  The numbers come from core models (plan,
 * actionlist, dashboard, progress); render/ writes them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actionlist.h"
#include "cli.h"
#include "dashboard.h"
#include "plan.h"
#include "progress.h"

/* One assessment and its actions, loaded for a command named name. */
struct loaded {
	struct assessment **one;
	struct actionlist *list;
};

static int load_one(const struct cli_call *call, const char *name, struct loaded *l)
{
	*l = (struct loaded){0};
	if (call->count != 1) {
		cli_usage_error("%s: expected one FILE", name);
		return CLI_EXIT_USAGE;
	}
	l->one = cli_load_all(call->fw, call->files, 1, false);
	if (!l->one || !l->one[0])
		return CLI_EXIT_BAD_INPUT;
	l->list = cli_load_actions(l->one[0], call->files[0]);
	if (!l->list)
		return CLI_EXIT_BAD_INPUT;
	return 0;
}

static void unload(struct loaded *l)
{
	actionlist_destroy(l->list);
	cli_free_all(l->one, 1);
}

static int write_plan(const struct cli_call *call, const struct plan_sheet *plan,
		       const struct actionlist *list)
{
	struct render_plan model = { call->files[0], plan, list };
	struct render_out out;
	const struct render_format *format = cli_output(call->opt, &out);
	if (call->opt->layout) /* a layout is a table to paste: CSV */
		return cli_written(render_csv.action_plan(&out, &model));
	return cli_written(format->plan(&out, &model));
}

int cmd_plan(const struct cli_call *call)
{
	const char *layout = call->opt->layout;
	if (layout && strcmp(layout, "action-plan") != 0)
		return cli_usage_error("plan: --layout is '%s'; expected action-plan", layout);
	struct loaded l;
	int rc = load_one(call, "plan", &l);
	if (rc != 0)
		goto done;
	struct score_sheet scores;
	struct plan_sheet plan;
	rc = CLI_EXIT_BAD_INPUT;
	if (score_sheet_init(&scores, call->fw, l.one[0]->levels) != 0) {
		cli_error("out of memory");
		goto done;
	}
	if (plan_sheet_init(&plan, l.one[0], &scores) != 0) {
		cli_error("out of memory");
	} else {
		rc = write_plan(call, &plan, l.list);
		plan_sheet_finish(&plan);
	}
	score_sheet_finish(&scores);
done:
	unload(&l);
	return rc;
}

int cmd_actions(const struct cli_call *call)
{
	const struct cli_options *opt = call->opt;
	struct loaded l;
	int rc = load_one(call, "actions", &l);
	if (rc != 0)
		goto done;
	char today[11], filter[600] = "";
	actionlist_today(today);
	struct actionlist_filter f = { .category = -1, .lead = opt->lead, .overdue = opt->overdue,
				       .today = today };
	snprintf(filter, sizeof filter, "%s%s%s%.500s%s", opt->overdue ? "overdue" : "",
		 opt->overdue && opt->lead ? ", " : "", opt->lead ? "lead \"" : "",
		 opt->lead ? opt->lead : "", opt->lead ? "\"" : "");
	size_t *items = malloc((l.list->count ? l.list->count : 1) * sizeof *items);
	rc = CLI_EXIT_BAD_INPUT;
	if (!items) {
		cli_error("out of memory");
		goto done;
	}
	struct render_actions model = { call->files[0], l.one[0], l.list, items,
					actionlist_select(l.list, &f, items), filter, today };
	struct render_out out;
	rc = cli_written(cli_output(opt, &out)->actions(&out, &model));
	free(items);
done:
	unload(&l);
	return rc;
}

int cmd_dashboard(const struct cli_call *call)
{
	struct loaded l;
	int rc = load_one(call, "dashboard", &l);
	if (rc != 0)
		goto done;
	char today[11];
	actionlist_today(today);
	struct dashboard d;
	rc = CLI_EXIT_BAD_INPUT;
	if (dashboard_init(&d, l.one[0], l.list, today) != 0) {
		cli_error("out of memory");
		goto done;
	}
	struct render_dashboard model = { call->files[0], &d };
	struct render_out out;
	rc = cli_written(cli_output(call->opt, &out)->dashboard(&out, &model));
	dashboard_finish(&d);
done:
	unload(&l);
	return rc;
}

int cmd_progress(const struct cli_call *call)
{
	if (call->count < 2)
		return cli_usage_error("%s", "progress: expected two or more FILEs, one "
				       "organisation's assessments at different dates");
	size_t n_files = (size_t)call->count;
	// NOLINTNEXTLINE(bugprone-sizeof-expression): an array of pointers
	struct assessment **loaded = calloc(n_files, sizeof *loaded);
	// NOLINTNEXTLINE(bugprone-sizeof-expression)
	const char **labels = calloc(n_files, sizeof *labels);
	int rc = CLI_EXIT_BAD_INPUT, n = -1;
	struct progress p;
	struct tri_error err;
	if (!loaded || !labels) {
		cli_error("out of memory");
	} else if ((n = cli_load_many(call->fw, call->files, call->count, loaded, labels)) < 0) {
		/* said */
	} else if (progress_init(&p, (const struct assessment *const *)loaded, labels,
				 (size_t)n, &err) != 0) {
		cli_error("progress: %s", err.message);
	} else {
		struct render_out out;
		rc = cli_written(cli_output(call->opt, &out)->progress(&out, &p));
		progress_finish(&p);
	}
	for (int i = 0; i < n; i++)
		assessment_destroy(loaded[i]);
	free(loaded);
	free(labels);
	return rc;
}
