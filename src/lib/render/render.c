/* render.c: jx_render dispatches to the HTML or XLSX renderer. */
#include "render/render_int.h"

int jx_render(const jx_pkg *pkg, jx_render_format fmt, const jx_render_opts *opts, char **out, size_t *len)
{
	*out = NULL;
	*len = 0;
	jx_render_opts o = opts ? *opts : (jx_render_opts){0};
	if (!o.what)
		o.what = JX_RENDER_TABLES | JX_RENDER_TARGETS | JX_RENDER_OVERALL;
	switch (fmt) {
	case JX_RENDER_HTML:
		return jx_render_html_(pkg, &o, out, len);
	case JX_RENDER_XLSX:
		return jx_render_xlsx_(pkg, &o, out, len);
	case JX_RENDER_CSV:
		break;
	}
	return jx_error_set(JX_EINVAL, "CSV 每张表一个文件，请用 jx_render_csv");
}
