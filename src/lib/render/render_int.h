/* render_int.h: the renderers behind jx_render, one file each (html.c, xlsx.c, csv.c). */
#ifndef JX_LIB_RENDER_INT_H
#define JX_LIB_RENDER_INT_H

#include "jx/render.h"

int jx_render_html_(const jx_pkg *pkg, const jx_render_opts *opts, char **out, size_t *len);
int jx_render_xlsx_(const jx_pkg *pkg, const jx_render_opts *opts, char **out, size_t *len);

#endif
