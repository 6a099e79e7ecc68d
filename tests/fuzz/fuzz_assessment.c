/* libFuzzer harness: the assessment loader, and the sanitiser.
 *
 * Oracles beyond "no crash": whatever loads must write out and load back
 * to the same answers (the round trip the wizard relies on at every save);
 * the input's visible form (sanitize.h), for people and for CSV, never
 * holds a character a terminal acts on and always reads back to it. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assessment.h"
#include "../unit/sanitize_oracle.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct framework *fw;
	struct tri_error err;
	if (!fw && !(fw = framework_load_embedded(&err)))
		abort();
	for (unsigned flags = 0; flags < 2; flags++) {
		const char *why = oracle_check((const char *)data, size, flags);
		if (why) {
			fprintf(stderr, "sanitize (flags %u): %s\n", flags, why);
			abort();
		}
	}
	struct assessment *a = assessment_parse(fw, "fuzz.csv", (const char *)data, size, &err);
	if (!a)
		return 0;
	char *text = NULL;
	size_t length = 0;
	FILE *out = open_memstream(&text, &length);
	if (!out || assessment_write(a, out, &err) != 0)
		abort();
	fclose(out);
	struct assessment *b = assessment_parse(fw, "again.csv", text, length, &err);
	if (!b) {
		fprintf(stderr, "round trip failed: %s\n", err.message);
		abort();
	}
	if (strcmp(a->organisation, b->organisation) || strcmp(a->type, b->type) ||
	    strcmp(a->assessors, b->assessors) || strcmp(a->date, b->date) ||
	    a->extra_column_count != b->extra_column_count)
		abort();
	for (size_t i = 0; i < fw->criterion_count; i++) {
		if (a->levels[i] != b->levels[i] ||
		    strcmp(a->answers[i].evidence, b->answers[i].evidence) ||
		    strcmp(a->answers[i].notes, b->answers[i].notes) ||
		    a->answers[i].target != b->answers[i].target ||
		    strcmp(a->answers[i].action, b->answers[i].action) ||
		    strcmp(a->answers[i].lead_officer, b->answers[i].lead_officer) ||
		    strcmp(a->answers[i].timescale, b->answers[i].timescale) ||
		    strcmp(a->answers[i].history, b->answers[i].history))
			abort();
		for (size_t j = 0; j < a->extra_column_count; j++)
			if (strcmp(a->answers[i].extra[j], b->answers[i].extra[j]))
				abort();
	}
	assessment_destroy(a);
	assessment_destroy(b);
	free(text);
	return 0;
}
