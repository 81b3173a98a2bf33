/* fuzz_xls.c: the XLS reader on arbitrary bytes, then every recogniser on the grid it makes. Must never crash,
 * hang or leak; a refusal must come with a message naming the file, and never leave a half-built grid behind. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "grid.h"
#include "recognise/recognise.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	jx_pkg *pkg = jx_pkg_new();
	if (!pkg)
		return 0;
	jx_grid g;
	jx_error_clear();
	int rc = jx_grid_read_xls(&g, pkg, (const char *)data, size, "fuzz.xls");
	if (rc == 0) {
		if (g.layout != JX_LAYOUT_CELLS || g.rows.n == 0 || g.nlines != g.rows.n)
			abort();
		for (size_t i = 0; i < g.rows.n; i++)
			for (size_t k = 0; k < g.rows.v[i].n; k++)
				if (!g.rows.v[i].cells[k].text || g.rows.v[i].cells[k].src.line != i + 1)
					abort();
		if (jx_recognise_all(pkg, &g) != 0)
			abort();
	} else if (!strstr(jx_error_last(), "fuzz.xls")) {
		abort();
	}
	jx_pkg_free(pkg);
	return 0;
}
