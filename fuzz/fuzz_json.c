/* fuzz_json.c: the canonical JSON reader on arbitrary bytes. What it accepts must write back and read back to the
 * same bytes (the round trip is lossless), and what it refuses must say why. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "jx/common.h"
#include "jx/json.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	jx_pkg *p = NULL;
	if (jx_pkg_from_json(&p, (const char *)data, size, "fuzz.json") != 0) {
		if (p || jx_error_last()[0] == '\0')
			abort();
		return 0;
	}
	char *a = NULL, *b = NULL;
	size_t al = 0, bl = 0;
	if (jx_pkg_to_json(p, 0, &a, &al) != 0)
		abort();
	jx_pkg *q = NULL;
	if (jx_pkg_from_json(&q, a, al, "a.json") != 0)
		abort();
	if (jx_pkg_to_json(q, 0, &b, &bl) != 0 || al != bl || memcmp(a, b, al) != 0)
		abort();
	free(a);
	free(b);
	jx_pkg_free(p);
	jx_pkg_free(q);
	return 0;
}
