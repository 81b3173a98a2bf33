/* recognise.h: recognisers find forms in a grid by their vocabulary and structure and fill the package.
 *
 * Each recogniser scans the whole grid for its own forms, fills pkg, and marks the rows it used in
 * ctx->claimed so that jx_recognise_all can report what nobody recognised. A recogniser never depends on a file
 * name, a department or a number of a particular document. It returns 0, or a negative JX_E* code on
 * operational failure (out of memory) only: a form it cannot fully read is imported as far as it goes, with a
 * note in pkg->notes saying what is missing.
 */
#ifndef JX_LIB_RECOGNISE_H
#define JX_LIB_RECOGNISE_H

#include "grid.h"

typedef struct jx_rec_ctx {
	jx_pkg *pkg;
	const jx_grid *g;
	unsigned char *claimed; /* g->rows.n entries; non-zero once a recogniser used the row */
} jx_rec_ctx;

/* Runs every recogniser in order, then notes unclaimed stretches of table rows as skipped. */
int jx_recognise_all(jx_pkg *pkg, const jx_grid *g);

/* Any layout with rows of cells: published self-evaluations (项目支出绩效自评表), with budget, spending, indicator
 * actuals, weights, scores and reasons. Runs first: its 项目名称 rows are not target tables.
 * src/lib/recognise/selfeval.c */
int jx_rec_selfeval(jx_rec_ctx *ctx);
/* True cells (XLSX): project target tables in the layout of jx's fill-in template and XLSX rendering (一级指标 | 二级指标 |
 * 三级指标 | 符号 | 指标值 | 计量单位). src/lib/recognise/template.c */
int jx_rec_template(jx_rec_ctx *ctx);
/* Word-cells layout: project target tables (项目编码/预算数/资金支出计划 tables; 项目支出预算绩效目标表;
 * 专项资金支出方向绩效目标表 with 支出明细及测算), 部门整体支出绩效目标表 (附表1 style), 专项资金绩效目标汇总表,
 * and the overall targets in prose (分项绩效目标 with amounts). src/lib/recognise/word_forms.c */
int jx_rec_word_forms(jx_rec_ctx *ctx);
/* Tab-separated overall target table (整体支出绩效目标表 with tasks × amounts, goals, 符号/值/单位 indicators).
 * src/lib/recognise/tsv_overall.c */
int jx_rec_tsv_overall(jx_rec_ctx *ctx);
/* PDF text: the disclosure tables 预算公开表1–13. src/lib/recognise/pdf_tables.c */
int jx_rec_pdf_tables(jx_rec_ctx *ctx);
/* PDF text: project target tables (实施期 | 年度 halves) and the 整体支出绩效目标申报表.
 * src/lib/recognise/pdf_targets.c */
int jx_rec_pdf_targets(jx_rec_ctx *ctx);
/* Any layout: narrative statements (情况说明 paragraphs) with their amounts, percentages and counts, and the
 * department overview (职责, 机构设置, staffing). src/lib/recognise/narrative.c */
int jx_rec_narrative(jx_rec_ctx *ctx);

#endif
