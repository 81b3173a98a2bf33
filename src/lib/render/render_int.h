/* render_int.h: the renderers behind jx_render, one file each (html.c, xlsx.c, csv.c). */
#ifndef JX_LIB_RENDER_INT_H
#define JX_LIB_RENDER_INT_H

#include <stddef.h>

#include "jx/model.h"
#include "jx/render.h"

int jx_render_html_(const jx_pkg *pkg, const jx_render_opts *opts, char **out, size_t *len);
int jx_render_xlsx_(const jx_pkg *pkg, const jx_render_opts *opts, char **out, size_t *len);

/* How the two sides of a two-sided table (收支总表) line up, as on the printed form: the lengths of the four runs
 * of `side` (which has nrows rows): the items before the first total, the first total (本年收入合计 | 本年支出合计),
 * the rows up to the last total, and the last total (收入总计 | 支出总计). Runs k of both sides share rows, so the
 * totals sit side by side. A side without totals is one run. */
void jx_render_side_runs(const jx_table *t, int side, size_t nrows, size_t seg[4]);

#endif
