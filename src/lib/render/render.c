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

/* See render_int.h. */
void jx_render_side_runs(const jx_table *t, int side, size_t nrows, size_t seg[4])
{
	size_t first = nrows, last = nrows, k = 0;
	for (size_t i = 0; i < t->rows.n; i++) {
		if (t->rows.v[i].side != side)
			continue;
		if (t->rows.v[i].kind == JX_ROW_TOTAL) {
			if (first == nrows)
				first = k;
			last = k;
		}
		k++;
	}
	if (first == nrows) {
		seg[0] = nrows;
		seg[1] = seg[2] = seg[3] = 0;
		return;
	}
	seg[0] = first;
	seg[1] = 1;
	if (last > first) {
		seg[2] = last - first - 1;
		seg[3] = 1;
	} else {
		seg[2] = nrows - first - 1;
		seg[3] = 0;
	}
	if (last > first && last + 1 < nrows) /* rows after the last total stay in the middle run's order */
		seg[3] = nrows - last;
}
