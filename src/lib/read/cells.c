/* cells.c: what the structured readers (XLSX, XLS) share in turning a cell's value into grid text. */
#include <string.h>

#include "grid.h"
#include "util/arena.h"
#include "util/utf8.h"

const char *jx_grid_cell_text(jx_arena *a, const char *s, size_t len)
{
	char *t = jx_arena_alloc(a, len + 1);
	if (!t)
		return NULL;
	size_t n = 0;
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '\r')
			continue;
		t[n++] = s[i] == '\t' ? ' ' : s[i];
	}
	t[n] = '\0';
	size_t tl = n;
	const char *tr = jx_utf8_trim_keep_indent(t, &tl);
	if (tr != t)
		memmove(t, tr, tl);
	t[tl] = '\0';
	return t;
}
