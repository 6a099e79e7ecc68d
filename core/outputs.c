#include "outputs.h"

#include <stdlib.h>
#include <string.h>

#include "csvio.h"

/* Each output's first columns, as the command that writes it writes them. */
static const struct {
	const char *kind;
	const char *columns[6];
} known[] = {
	{ "a category summary (score --csv, the wizard's x export)",
	  { "file", "category", "title", "score", "max", "level" } },
	{ "a comparison (compare --csv)",
	  { "kind", "id", "title", "level_a", "level_b", "score_a" } },
	{ "an action plan (plan --csv)",
	  { "criterion_id", "category", "current_level", "target_level", "target_statement",
	    "action" } },
	{ "an actions file (NAME-actions.csv, actions --csv)",
	  { "criterion_id", "action_id", "category", "outcome", "activity", "lead_officer" } },
	{ "the Standard's criteria (criteria --csv)",
	  { "criterion_id", "category", "section", "developing", "established", "leading" } },
	{ "the Standard's ranges (validate --csv)",
	  { "category", "published_developing_max", "published_established_max",
	    "published_max", "derived_developing_max", "derived_established_max" } },
	{ "a benchmark (benchmark --csv)",
	  { "category", "title", "count", "min", "q1", "median" } },
	{ "a dashboard (dashboard --csv)",
	  { "category", "title", "level", "target_level", "overall", "delivery" } },
	{ "progress over time (progress --csv)",
	  { "kind", "id", "title", "file", "date", "score" } },
	{ "an action plan (plan --layout action-plan)",
	  { "Outcome", "Activities", "Lead officer/s", "Timescale", "Status" } },
};

const char *outputs_kind(const char *const *header, size_t count)
{
	for (size_t k = 0; k < sizeof known / sizeof known[0]; k++) {
		size_t n = 0; /* the columns given (an output may have fewer than six) */
		while (n < sizeof known[k].columns / sizeof known[k].columns[0] &&
		       known[k].columns[n])
			n++;
		if (count < n)
			continue;
		size_t i = 0;
		while (i < n && strcmp(header[i], known[k].columns[i]) == 0)
			i++;
		if (i == n)
			return known[k].kind;
	}
	return NULL;
}

const char *outputs_file_kind(const char *path)
{
	char *data;
	size_t size;
	if (csvio_read_file(path, &data, &size, NULL) != 0)
		return NULL;
	/* the header is the first line: none of these has a line break in it */
	const char *end = memchr(data, '\n', size);
	struct csvio_table t;
	const char *kind = NULL;
	if (csvio_table_parse(&t, path, data, end ? (size_t)(end - data) + 1 : size, NULL) == 0)
		kind = outputs_kind((const char *const *)t.header, t.column_count);
	csvio_table_finish(&t);
	free(data);
	return kind;
}
