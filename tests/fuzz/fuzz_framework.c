/* libFuzzer harness: the framework loader.  The first byte picks which of
 * the built-in Standard's files (data/meson.build order: the six required,
 * then about.csv and footnotes.csv) the rest of the input replaces; the
 * others are the built-in Standard's.  Whatever loads is within the bounds
 * on its numbers, and its texts' visible forms hold nothing a terminal
 * acts on. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "embedded.h"
#include "framework.h"
#include "plan.h"
#include "score.h"
#include "../unit/sanitize_oracle.h"

static void check_text(const char *text)
{
	for (unsigned flags = 0; flags < 2; flags++) {
		const char *why = oracle_check(text, strlen(text), flags);
		if (why) {
			fprintf(stderr, "sanitize (flags %u): %s\n", flags, why);
			abort();
		}
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	size_t n = embedded_framework_file_count;
	struct framework_file files[16];
	for (size_t i = 0; i < n && i < 16; i++)
		files[i] = embedded_framework_files[i];
	size_t pick = data[0] % n;
	files[pick].data = (const char *)data + 1;
	files[pick].size = size - 1;
	struct tri_error err;
	struct framework *fw = framework_load_files(files, n, "fuzz", &err);
	if (fw) {
		/* Everything downstream must cope with any framework that loads. */
		struct score_disagreement found[8];
		score_check_ranges(fw, found, 8);
		for (size_t i = 0; i < fw->criterion_count; i++)
			if (framework_find_criterion(fw, fw->criteria[i].id) != (long)i)
				abort();
		/* Every note points at something that exists. */
		const size_t limit[] = { fw->criterion_count, fw->section_count,
					 fw->category_count, fw->about_count, 1 };
		for (size_t i = 0; i < fw->footnote_count; i++) {
			if (fw->footnotes[i].index >= limit[fw->footnotes[i].place] ||
			    !fw->footnotes[i].text[0])
				abort();
			check_text(fw->footnotes[i].text);
		}
		/* two to ten levels, their points bounded and rising, names machine words */
		if (fw->level_count < 2 || fw->level_count > LEVEL_MAX_COUNT)
			abort();
		for (size_t l = 0; l < fw->level_count; l++) {
			if (fw->levels[l].points < 0 || fw->levels[l].points > FRAMEWORK_MAX_POINTS ||
			    (l > 0 && fw->levels[l].points <= fw->levels[l - 1].points))
				abort();
			for (const char *p = fw->levels[l].name; *p; p++)
				if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_'))
					abort();
			check_text(fw->levels[l].title);
		}
		check_text(fw->title);
		check_text(fw->version);
		for (size_t c = 0; c < fw->category_count; c++) {
			check_text(fw->categories[c].title);
			for (size_t l = 1; l < fw->level_count; l++)
				if (fw->categories[c].published[l].to > FRAMEWORK_MAX_SCORE)
					abort();
		}
		/* and a plan from nothing, in every category, within bounds */
		enum level *levels = malloc((fw->criterion_count + 1) * sizeof *levels);
		struct plan_gap *gap = malloc(sizeof *gap);
		if (!levels || !gap)
			abort();
		for (size_t i = 0; i < fw->criterion_count; i++)
			levels[i] = LEVEL_UNANSWERED;
		for (size_t c = 0; c < fw->category_count; c++)
			plan_gap(fw, levels, c, gap);
		free(levels);
		free(gap);
	}
	framework_destroy(fw);
	return 0;
}
