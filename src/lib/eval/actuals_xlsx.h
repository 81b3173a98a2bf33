/* actuals_xlsx.h: reading the actuals workbook made by `jx template --eval` from a grid of cells (private; the
 * public entry point is jx_actuals_from_xlsx in jx/eval.h). */
#ifndef JX_LIB_EVAL_ACTUALS_XLSX_H
#define JX_LIB_EVAL_ACTUALS_XLSX_H

#include "grid.h"
#include "jx/eval.h"

/* Reads the 资金执行 and 指标完成 tables of `g` (a JX_LAYOUT_CELLS grid). JX_EFORMAT when the grid holds neither. */
int jx_actuals_from_grid(jx_actuals **out, const jx_grid *g, const char *file);

#endif
