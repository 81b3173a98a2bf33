/* fuzz_template.c: the fill-in template readers on arbitrary grids: the targets recogniser (jx_rec_template) and the
 * actuals reader of the eval workbook (jx_actuals_from_grid). The input is a grid written as text — rows split at
 * '\n', cells at '\t', a '\f' starts the next sheet — so mutations reach the readers' logic directly instead of the
 * zip and XML layers (fuzz_xlsx covers those). Must never crash, hang or leak. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "eval/actuals_xlsx.h"
#include "grid.h"
#include "recognise/recognise.h"
#include "util/arena.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

enum { MAX_INPUT = 1 << 16, MAX_CELLS = 64 };

static int build(jx_grid *g, jx_pkg *pkg, const char *s, size_t n)
{
	g->arena = pkg->arena;
	g->file = "fuzz.xlsx";
	g->layout = JX_LAYOUT_CELLS;
	uint32_t page = 1, line = 0;
	size_t i = 0;
	while (i < n) {
		size_t end = i;
		while (end < n && s[end] != '\n')
			end++;
		line++;
		jx_grid_row *r = jx_vec_push(pkg->arena, &g->rows);
		if (!r)
			return -1;
		r->cells = jx_arena_calloc(pkg->arena, MAX_CELLS, sizeof *r->cells);
		if (!r->cells)
			return -1;
		r->src = (jx_src){g->file, page, line, 1, 0};
		size_t c = i;
		while (c <= end && r->n < MAX_CELLS) {
			size_t e = c;
			while (e < end && s[e] != '\t' && s[e] != '\f')
				e++;
			char *t = jx_arena_strndup(pkg->arena, s + c, e - c);
			if (!t)
				return -1;
			r->cells[r->n].text = t;
			r->cells[r->n].src = (jx_src){g->file, page, line, (uint32_t)(c - i + 1), (uint32_t)(e - c)};
			r->n++;
			if (e < end && s[e] == '\f')
				page++;
			c = e + 1;
		}
		i = end + 1;
	}
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > MAX_INPUT)
		return 0;
	jx_pkg *pkg = jx_pkg_new();
	if (!pkg)
		return 0;
	jx_grid g = {0};
	if (build(&g, pkg, (const char *)data, size) == 0) {
		jx_actuals *a = NULL;
		if (jx_actuals_from_grid(&a, &g, "fuzz.xlsx") == 0)
			jx_actuals_free(a);
		jx_recognise_all(pkg, &g);
	}
	jx_pkg_free(pkg);
	return 0;
}
