/* render.h: publish a package again, correct: the thirteen disclosure tables (预算公开表1–13), every project's
 * performance target table, the overall target table and the review report, as one HTML page, one XLSX workbook
 * or one CSV file per table; and the fill-in workbooks departments write their targets (and year-end actuals) in.
 *
 * Ownership: whole outputs are malloc'ed and owned by the caller (free); CSV files are handed to a callback one by
 * one and not kept.
 */
#ifndef JX_RENDER_H
#define JX_RENDER_H

#include <stdbool.h>
#include <stddef.h>

#include "jx/model.h"

#ifdef __cplusplus
extern "C" {
#endif

struct jx_report;

typedef enum jx_render_format { JX_RENDER_HTML = 1, JX_RENDER_XLSX, JX_RENDER_CSV } jx_render_format;

/* What to render (a bit set). */
enum {
	JX_RENDER_TABLES = 1u << 0,  /* 预算公开表 */
	JX_RENDER_TARGETS = 1u << 1, /* project target tables */
	JX_RENDER_OVERALL = 1u << 2, /* 部门整体支出绩效目标表 */
	JX_RENDER_REPORT = 1u << 3,  /* review findings (needs opts.report) */
};

typedef struct jx_render_opts {
	unsigned what;                  /* JX_RENDER_* bits; 0 = tables | targets | overall */
	bool no_charts;                 /* HTML: leave out the SVG charts */
	const struct jx_report *report; /* findings of jx check on this package, for JX_RENDER_REPORT, or NULL */
} jx_render_opts;

/* HTML (one standalone page) or XLSX (one workbook). Errors: JX_EINVAL (CSV asked here, or nothing to render),
 * JX_ENOMEM, JX_EIO (XLSX temporary file). */
int jx_render(const jx_pkg *pkg, jx_render_format fmt, const jx_render_opts *opts, char **out, size_t *len);

/* CSV, UTF-8 with BOM, one file per table: calls emit(ud, name, data, len) with a file name such as
 * "表01-收支总表.csv" or "项目03-残疾儿童康复救助.csv"; a non-zero return from emit stops and is returned. */
typedef int (*jx_render_file_fn)(void *ud, const char *name, const char *data, size_t len);
int jx_render_csv(const jx_pkg *pkg, const jx_render_opts *opts, jx_render_file_fn emit, void *ud);

/* An empty fill-in workbook for a department's targets (drop-down lists for level-1 and level-2 names and
 * comparators, number validation), which jx import reads back. `year` 0 leaves the year blank. */
int jx_template_targets_xlsx(int year, char **out, size_t *len);
/* A fill-in workbook for year-end actuals of `pkg` (one row per indicator, targets filled in), read back as
 * actuals by jx eval. */
int jx_template_eval_xlsx(const jx_pkg *pkg, char **out, size_t *len);

#ifdef __cplusplus
}
#endif
#endif
