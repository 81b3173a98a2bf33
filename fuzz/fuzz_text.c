/* fuzz_text.c: the whole import of a text document (decoding, layout detection, grid, every recogniser) on
 * arbitrary bytes. Must never crash, hang or leak; failures must come with a message. */
#include <stdint.h>
#include <stdlib.h>

#include "jx/import.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	jx_import_opts opts = {"text"};
	jx_pkg *pkg = NULL;
	int rc = jx_import_buffer(&pkg, (const char *)data, size, "fuzz.txt", &opts);
	if (rc == 0) {
		if (!pkg)
			abort();
		jx_pkg_free(pkg);
	} else if (pkg || jx_error_last()[0] == '\0') {
		abort();
	}
	return 0;
}
