#include "comparison.h"

int comparison_init(struct comparison *c, const struct assessment *a,
		    const struct assessment *b)
{
	*c = (struct comparison){ .fw = a->framework, .a = a, .b = b };
	if (score_sheet_init(&c->sheet_a, c->fw, a->levels) != 0)
		goto fail;
	if (b && score_sheet_init(&c->sheet_b, c->fw, b->levels) != 0)
		goto fail;
	for (size_t i = 0; b && i < c->fw->criterion_count; i++)
		c->differ_count += a->levels[i] != b->levels[i];
	return 0;
fail:
	comparison_finish(c);
	return -1;
}

void comparison_finish(struct comparison *c)
{
	score_sheet_finish(&c->sheet_a);
	score_sheet_finish(&c->sheet_b);
}

bool comparison_criterion_differs(const struct comparison *c, size_t criterion)
{
	return c->b && c->a->levels[criterion] != c->b->levels[criterion];
}

bool comparison_category_differs(const struct comparison *c, size_t category)
{
	return c->b && c->sheet_a.categories[category].level != c->sheet_b.categories[category].level;
}
