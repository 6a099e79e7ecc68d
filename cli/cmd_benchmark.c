/* benchmark: category scores across many assessments.  The core loads,
 * chooses and counts (benchmark_set_init); this file says on standard
 * error what was set aside and why (clarifications rule 19) and hands the
 * statistics to the format. */
#include <stdio.h>
#include <string.h>

#include "benchmark.h"
#include "cli.h"

/* Every failure, in the order given; a table of tri-assess's own is
 * passed over with a note.  Returns 0, or CLI_EXIT_BAD_INPUT. */
static int check_files(const struct benchmark_set *set)
{
	int rc = 0;
	for (size_t f = 0; f < set->file_count; f++) {
		const struct benchmark_file *file = &set->files[f];
		cli_say_notes(&file->notes);
		if (cli_pass_over_own(file->path, file->own))
			continue;
		if (file->error) {
			cli_error("%s", file->error);
			rc = CLI_EXIT_BAD_INPUT;
		}
	}
	if (set->out_of_memory) {
		cli_error("out of memory");
		rc = CLI_EXIT_BAD_INPUT;
	}
	return rc;
}

/* Why file f, loaded, is not counted. */
static void say_set_aside(const struct benchmark_set *set, size_t f)
{
	const struct benchmark_file *file = &set->files[f];
	const struct benchmark_candidate *b = &set->candidates[f];
	bool peer = strcmp(set->options.type, "peer") == 0;
	if (b->verdict == BENCHMARK_OTHER_TYPE) {
		cli_error("set aside %s: %s (benchmarking %s; --type %s for those)", file->path,
			  !*file->type ? "no assessment type given"
			  : strcmp(file->type, "peer") == 0 ? "a peer review" : "a self-assessment",
			  peer ? "peer reviews" : "self-assessments", peer ? "self" : "peer");
	} else {
		const struct benchmark_file *instead = &set->files[b->counted_instead];
		cli_error("set aside %s: an earlier assessment of %s than %s (%s); one per "
			  "organisation, --all-files counts every file", file->path,
			  file->organisation, instead->path,
			  *instead->date ? instead->date : "no date");
	}
}

/* A counted file's incomplete categories: counted, marked, or left out. */
static void say_incomplete(const struct benchmark_set *set, size_t f)
{
	const struct framework *fw = set->fw;
	const struct benchmark_file *file = &set->files[f];
	char list[512] = "";
	size_t used = 0, incomplete = 0;
	for (size_t c = 0; c < set->category_count; c++) {
		size_t answered = file->answered[c], rows = fw->categories[c].criterion_count;
		if (answered == rows)
			continue;
		incomplete++;
		char part[96];
		if (answered)
			snprintf(part, sizeof part, "%s (%zu of %zu answered)", fw->categories[c].id,
				 answered, rows);
		else
			snprintf(part, sizeof part, "%s (not assessed)", fw->categories[c].id);
		used += (size_t)snprintf(list + used, used < sizeof list ? sizeof list - used : 0,
					 "%s%s", used ? ", " : "", part);
	}
	if (!incomplete)
		return;
	if (set->options.include_incomplete)
		cli_error("%s: incomplete categories counted, marked *: %s", file->path, list);
	else
		cli_error("%s: incomplete categories left out: %s (--include-incomplete counts "
			  "them, marked)", file->path, list);
}

/* What was set aside and left out, and why, on standard error. */
static void say_choice(const struct benchmark_set *set)
{
	for (size_t f = 0; f < set->file_count; f++) {
		const struct benchmark_file *file = &set->files[f];
		if (file->own || file->error)
			continue;
		if (set->candidates[f].verdict != BENCHMARK_COUNTED) {
			say_set_aside(set, f);
			continue;
		}
		if (!*file->type)
			cli_error("%s gives no assessment type: counted as a self-assessment",
				  file->path);
		say_incomplete(set, f);
	}
	if (set->set_aside || set->left_out)
		cli_error("benchmark counts %zu of %zu assessments; set aside %zu, left out %zu "
			  "incomplete categor%s", set->counted, set->counted + set->set_aside,
			  set->set_aside, set->left_out, set->left_out == 1 ? "y" : "ies");
}

int cmd_benchmark(const struct cli_call *call)
{
	const struct cli_options *opt = call->opt;
	if (call->count < 1)
		return cli_usage_error("benchmark: expected at least one FILE");
	if (opt->type && strcmp(opt->type, "self") != 0 && strcmp(opt->type, "peer") != 0)
		return cli_usage_error("benchmark: --type is '%s'; expected self or peer", opt->type);
	struct benchmark_options options = { opt->type ? opt->type : "self", opt->all_files,
					     opt->include_incomplete, opt->highlight };
	struct benchmark_set set;
	if (benchmark_set_init(&set, call->fw, call->files, (size_t)call->count, &options) != 0) {
		cli_error("out of memory");
		return CLI_EXIT_BAD_INPUT;
	}
	int rc = check_files(&set);
	if (rc != 0)
		goto done;
	rc = CLI_EXIT_BAD_INPUT;
	say_choice(&set);
	if (set.counted == 0) {
		cli_error("benchmark: no %s among the files to count",
			  strcmp(options.type, "peer") == 0 ? "peer review" : "self-assessment");
		goto done;
	}
	if (opt->highlight && set.highlighted < 0) {
		cli_error("--highlight: no assessment of \"%s\" among the %zu counted; expected an "
			  "organisation as written in the files", opt->highlight, set.counted);
		goto done;
	}
	struct render_out out;
	const struct render_format *format = cli_output(opt, &out);
	rc = cli_written(format->benchmark(&out, &(struct render_benchmark){ &set, opt->named }));
done:
	benchmark_set_finish(&set);
	return rc;
}
