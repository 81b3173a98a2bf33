/* fuzz_check.c: import (text or JSON, detected by content) then review with every rule and render the findings in
 * all four formats. Any package the importer accepts, however odd its numbers, must be checked without a crash,
 * an overflow or a leak. */
#include <stdint.h>
#include <stdlib.h>

#include "jx/check.h"
#include "jx/import.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	jx_pkg *pkg = NULL;
	if (jx_import_buffer(&pkg, (const char *)data, size, "fuzz.txt", NULL) != 0)
		return 0;
	jx_report *r = jx_report_new();
	if (!r || jx_check(r, pkg, NULL) != 0)
		abort();
	jx_report_attach_source(r, "fuzz.txt", (const char *)data, size);
	jx_report_sort(r);
	for (int fmt = JX_REPORT_TEXT; fmt <= JX_REPORT_HTML; fmt++) {
		char *out = NULL;
		size_t len = 0;
		if (jx_report_render(r, (jx_report_format)fmt, JX_REPORT_COLOR, &out, &len) != 0)
			abort();
		free(out);
	}
	jx_report_free(r);
	jx_pkg_free(pkg);
	return 0;
}
