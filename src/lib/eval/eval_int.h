/* eval_int.h: what the evaluation, the monitoring and their renderers share inside the library. */
#ifndef JX_EVAL_INT_H
#define JX_EVAL_INT_H

#include <stdarg.h>

#include "jx/eval.h"
#include "util/arena.h"
#include "util/buf.h"

/* round(a × b / c) to `scale` decimals, half away from zero; false on overflow or division by zero. */
bool jx_dec_muldiv(const jx_decimal *a, const jx_decimal *b, const jx_decimal *c, int scale, jx_decimal *out);
/* a + sign × b at the larger scale; false on overflow. */
bool jx_dec_add(const jx_decimal *a, const jx_decimal *b, int sign, jx_decimal *out);
/* Brings an actual into its target's unit (money converted exactly to fen; % with %; counts the same unit; a bare
 * number in the target's unit). Returns 0, or JX_EINVAL with a message starting with `where`. */
int jx_eval_align(const jx_value *target, const jx_value *actual, jx_decimal *t, jx_decimal *a, const char *where);

/* Does a project's progress have a ratio (spending or an indicator) to rank it by? `behind` means nothing
 * otherwise; the ranking and the renderings both ask. */
bool jx_progress_has_behind(const jx_project_progress *pp);

/* The evaluation as an XLSX workbook, written to `path` / returned in memory (malloc'ed). */
int jx_eval_write_xlsx(const jx_evaluation *e, const char *path);
int jx_eval_xlsx_bytes(const jx_evaluation *e, char **out, size_t *len);

#endif
