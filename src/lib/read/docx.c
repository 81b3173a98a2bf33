/* docx.c: placeholder until the DOCX reader lands; refuses the file clearly. */
#include "grid.h"

int jx_grid_read_docx(jx_grid *g, jx_pkg *pkg, const char *data, size_t len, const char *file)
{
	(void)g;
	(void)pkg;
	(void)data;
	(void)len;
	return jx_error_set(JX_EFORMAT, "%s: 尚不支持直接读取 DOCX 文件；请先导出为文本", file);
}
