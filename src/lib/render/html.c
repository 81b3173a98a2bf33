/* html.c: placeholder until the HTML renderer lands. */
#include "render/render_int.h"

int jx_render_html_(const jx_pkg *pkg, const jx_render_opts *opts, char **out, size_t *len)
{
	(void)pkg;
	(void)opts;
	(void)out;
	(void)len;
	return jx_error_set(JX_EINVAL, "尚不支持 HTML 输出");
}
