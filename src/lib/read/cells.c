/* cells.c: what the readers share: a cell's value as grid text (XLSX, XLS), and the source record of the document
 * read (every reader). */
#include <string.h>

#include "grid.h"
#include "util/arena.h"
#include "util/sha256.h"
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

int jx_grid_start(jx_grid *g, jx_pkg *pkg, const char *file, jx_layout layout)
{
	memset(g, 0, sizeof *g);
	g->arena = pkg->arena;
	g->layout = layout;
	if (!file)
		file = "<input>";
	g->file = jx_arena_strdup(pkg->arena, file);
	return g->file ? 0 : jx_error_set(JX_ENOMEM, "%s: 内存不足", file);
}

int jx_grid_add_source(jx_pkg *pkg, const jx_grid *g, const char *data, size_t len, const char *format,
		       const char *encoding)
{
	jx_source *src = jx_vec_push(pkg->arena, &pkg->sources);
	if (!src)
		return jx_error_set(JX_ENOMEM, "%s: 内存不足", g->file);
	char hex[65];
	jx_sha256_hex(data, len, hex);
	src->file = g->file;
	src->sha256 = jx_arena_strdup(pkg->arena, hex);
	src->format = format;
	src->encoding = encoding;
	return src->sha256 ? 0 : jx_error_set(JX_ENOMEM, "%s: 内存不足", g->file);
}
