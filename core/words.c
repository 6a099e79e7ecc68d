#include "words.h"

#include <stdio.h>
#include <string.h>

static const char *const short_words[LEVEL_COUNT] = {
	"None", "Developing", "Established", "Leading",
};

static const char not_assessed[] = "not assessed";

const char *words_level(enum level level)
{
	if (level < LEVEL_NONE || level > LEVEL_LEADING)
		return not_assessed;
	return short_words[level];
}

const char *words_level_title(const struct framework *fw, enum level level)
{
	if (level < LEVEL_DEVELOPING || level > LEVEL_LEADING || !*fw->level_title[level])
		return words_level(level);
	return fw->level_title[level];
}

const char *words_state(const struct score_result *r, enum words_form form, char *buffer,
			size_t size)
{
	if (size == 0)
		return buffer;
	switch (r->state) {
	case SCORE_NOT_ASSESSED:
		snprintf(buffer, size, "%s", not_assessed);
		break;
	case SCORE_PROVISIONAL:
		if (form == WORDS_BRIEF)
			snprintf(buffer, size, "%s so far", words_level(r->level));
		else
			snprintf(buffer, size, "%s so far, %zu of %zu answered",
				 words_level(r->level), r->answered, r->total);
		break;
	case SCORE_COMPLETE:
		snprintf(buffer, size, "%s", words_level(r->level));
		break;
	}
	return buffer;
}

int words_state_width(size_t total, enum words_form form)
{
	int widest = 0;
	for (int l = LEVEL_NONE; l <= LEVEL_LEADING; l++) {
		char text[96];
		/* the most digits a count can have is total's */
		struct score_result r = { .state = SCORE_PROVISIONAL, .level = (enum level)l,
					  .answered = total, .total = total };
		int n = (int)strlen(words_state(&r, form, text, sizeof text));
		if (n > widest)
			widest = n;
	}
	int none = (int)sizeof not_assessed - 1;
	return widest > none ? widest : none;
}

const char *words_progress(const struct score_progress *p, size_t category_count,
			   char *buffer, size_t size)
{
	int n = snprintf(buffer, size, "%zu of %zu criteria answered; %zu of %zu categories "
			 "complete", p->answered, p->criteria, p->complete, category_count);
	if (n > 0 && (size_t)n < size && p->provisional)
		n += snprintf(buffer + n, size - (size_t)n, ", %zu partly assessed", p->provisional);
	if (n > 0 && (size_t)n < size && p->not_assessed)
		snprintf(buffer + n, size - (size_t)n, ", %zu not assessed", p->not_assessed);
	return buffer;
}
