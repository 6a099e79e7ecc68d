/* libFuzzer harness: the framework loader.  The first byte picks which of
 * the six files the rest of the input replaces; the other five are the
 * built-in Standard's. */
#include <stdint.h>
#include <stdlib.h>

#include "embedded.h"
#include "framework.h"
#include "score.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	size_t n = embedded_framework_file_count;
	struct framework_file files[8];
	for (size_t i = 0; i < n && i < 8; i++)
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
	}
	framework_destroy(fw);
	return 0;
}
