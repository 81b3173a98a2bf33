/* text.c: placeholder; the text reader is being written. */
#include "grid.h"

int jx_grid_read_text(jx_grid *g, jx_pkg *pkg, const char *data, size_t len, const char *file)
{
	(void)g; (void)pkg; (void)data; (void)len; (void)file;
	return jx_error_set(JX_EFORMAT, "not yet");
}
const char *jx_grid_line(const jx_grid *g, uint32_t line)
{
	return (line >= 1 && line <= g->nlines) ? g->lines[line - 1] : NULL;
}
