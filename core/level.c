#include "level.h"

#include <ctype.h>
#include <stddef.h>
#include <strings.h>

#include "words.h"

static const char *const names[LEVEL_COUNT] = {
	"none", "developing", "established", "leading",
};

const char *level_name(enum level level)
{
	if (level < LEVEL_NONE || level > LEVEL_LEADING)
		return "";
	return names[level];
}

const char *level_label(enum level level, const char *or_else)
{
	if (level < LEVEL_NONE || level > LEVEL_LEADING)
		return or_else;
	return words_level(level);
}

bool level_parse(const char *text, enum level *out)
{
	while (isspace((unsigned char)*text))
		text++;
	size_t len = 0;
	while (text[len])
		len++;
	while (len > 0 && isspace((unsigned char)text[len - 1]))
		len--;
	if (len == 0) {
		*out = LEVEL_UNANSWERED;
		return true;
	}
	for (int i = 0; i < LEVEL_COUNT; i++) {
		size_t n = 0;
		while (names[i][n])
			n++;
		if (n == len && strncasecmp(text, names[i], len) == 0) {
			*out = (enum level)i;
			return true;
		}
	}
	return false;
}
