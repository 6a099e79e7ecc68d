#include "report.h"

int report_content_init(struct report_content *r, const struct assessment *a,
			const char *a_label, const struct assessment *b, const char *b_label)
{
	*r = (struct report_content){ .a = a, .b = b, .a_label = a_label,
				      .b_label = b ? b_label : "" };
	if (comparison_init(&r->scores, a, b, COMPARISON_AUTO) != 0)
		return -1;
	if (plan_sheet_init(&r->plan, a, &r->scores.sheet_a) != 0) {
		comparison_finish(&r->scores);
		return -1;
	}
	const struct framework *fw = a->framework;
	enum level highest = framework_highest_level(fw);
	for (size_t i = 0; i < fw->criterion_count; i++) {
		r->strengths += a->levels[i] == highest;
		r->actions += report_has_action(r, i);
		r->changes += *a->answers[i].history != '\0';
	}
	return 0;
}

void report_content_finish(struct report_content *r)
{
	plan_sheet_finish(&r->plan);
	comparison_finish(&r->scores);
}

bool report_has_action(const struct report_content *r, size_t criterion)
{
	const struct assessment_answer *ans = &r->a->answers[criterion];
	return plan_target(r->a, criterion) != LEVEL_NONE &&
	       (*ans->action || *ans->lead_officer || *ans->timescale);
}
