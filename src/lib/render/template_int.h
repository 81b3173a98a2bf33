/* template_int.h: the names the fill-in workbooks are written with and read back by (the targets recogniser in
 * src/lib/recognise/template.c and the actuals reader in src/lib/eval/actuals_xlsx.c). Private to the library. */
#ifndef JX_LIB_RENDER_TEMPLATE_INT_H
#define JX_LIB_RENDER_TEMPLATE_INT_H

#include "jx/model.h"

#define TPL_TARGETS_SHEET "项目支出绩效目标表"
#define TPL_MONEY_SHEET "资金执行"
#define TPL_ACTUALS_SHEET "指标完成"
#define TPL_NOTES_SHEET "说明"
#define TPL_NOTES_TITLE "填表说明"
#define TPL_OPTIONS_SHEET "选项"
/* In the title of the eval template: marks the workbook as actuals (jx eval chooses the reader by content). */
#define TPL_EVAL_MARK "绩效自评填报"

/* Write the workbooks to a file (jx_template_*_xlsx return the bytes). */
int jx_template_targets_write(int year, const char *path);
int jx_template_eval_write(const jx_pkg *pkg, const char *path);

#endif
