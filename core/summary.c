#include "summary.h"

#include <errno.h>
#include <string.h>

#include "csvio.h"
#include "score.h"

int summary_write_header(FILE *out)
{
	static const char *const head[] = { "file", "category", "title", "score", "max", "level",
					    "organisation", "assessment_type", "date", "answered",
					    "criteria" };
	return csvio_write_output(out, head, sizeof head / sizeof head[0], 0);
}

int summary_write_rows(FILE *out, const struct assessment *a, const char *file_label,
		       struct tri_error *err)
{
	const struct framework *fw = a->framework;
	for (size_t c = 0; c < fw->category_count; c++) {
		struct score_result r;
		score_category(fw, a->levels, c, &r);
		char score[16], max[16], answered[24], criteria[24];
		snprintf(score, sizeof score, "%d", r.score);
		snprintf(max, sizeof max, "%d", r.max);
		snprintf(answered, sizeof answered, "%zu", r.answered);
		snprintf(criteria, sizeof criteria, "%zu", r.total);
		const char *row[] = { file_label, fw->categories[c].id, fw->categories[c].title,
				      score, max, framework_level_name(fw, r.level), a->organisation, a->type,
				      a->date, answered, criteria };
		/* file, category, title and organisation came from input: guarded */
		if (csvio_write_output(out, row, sizeof row / sizeof row[0],
				       CSVIO_COMPUTED(3) | CSVIO_COMPUTED(4) | CSVIO_COMPUTED(9) |
				       CSVIO_COMPUTED(10)) != 0) {
			tri_error_set(err, "cannot write: %s", strerror(errno));
			return -1;
		}
	}
	return 0;
}

struct summary_job {
	const struct assessment *a;
	const char *label;
	bool bom;
};

static int write_summary(FILE *out, void *context, struct tri_error *err)
{
	const struct summary_job *job = context;
	if ((job->bom && fputs("\xEF\xBB\xBF", out) == EOF) || summary_write_header(out) != 0) {
		tri_error_set(err, "cannot write: %s", strerror(errno));
		return -1;
	}
	return summary_write_rows(out, job->a, job->label, err);
}

const struct outfile_signature *summary_signature(void)
{
	static char header[256];
	static struct outfile_signature signature = {
		.what = "a tri-assess category summary", .text = header, .at_start = true,
	};
	if (!header[0]) {
		FILE *out = fmemopen(header, sizeof header - 1, "w");
		if (out) {
			summary_write_header(out);
			fclose(out);
		}
	}
	return &signature;
}

int summary_save(const struct assessment *a, const char *file_label, const char *path,
		 enum outfile_verdict verdict, bool bom, struct tri_error *err)
{
	struct summary_job job = { a, file_label, bom };
	return outfile_write(path, verdict, write_summary, &job, err);
}
