/* xlsx_eval.c: the self-evaluation as a workbook the way finance staff expect it (libxlsxwriter): a summary sheet
 * with the ranking, then one sheet per project laid out like the 项目支出绩效自评表, merged header cells, numbers stored
 * as numbers with two decimals, frozen headers and column widths that fit Chinese. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "eval/eval_int.h"
#include "util/file.h"

typedef struct fmts {
	lxw_format *title, *head, *text, *num, *int0, *pct, *how;
} fmts;

/* Exact decimals become the nearest double in one correctly rounded division (digits ÷ 10^scale), so a reader
 * that shows 15 significant digits shows the decimal. */
static double dec(const jx_decimal *d) { return jx_decimal_to_double(d); }

/* A percentage (98.74) as the fraction Excel's 0.00% format expects (0.9874), divided once, not twice. */
static double fraction(const jx_decimal *pct)
{
	jx_decimal f = *pct;
	f.scale += 2;
	return f.scale <= 18 ? jx_decimal_to_double(&f) : jx_decimal_to_double(pct) / 100.0;
}

/* Money in the unit it was printed in, as a number. */
static double money(const jx_amount *a)
{
	int64_t per = jx_money_unit_fen_per(a->unit);
	if (per <= 0)
		per = 100;
	return (double)a->fen / (double)per;
}

static const char *unit_name(const jx_amount *a)
{
	const char *u = jx_money_unit_name(a->unit);
	return u ? u : "元";
}

/* Sheet names: at most 31 characters, none of []:*?/\ , unique. */
static void sheet_name(char out[128], size_t i, const char *project)
{
	char clean[96];
	size_t n = 0, chars = 0;
	for (const char *p = project ? project : ""; *p && n + 4 < sizeof clean && chars < 24;) {
		unsigned char c = (unsigned char)*p;
		size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
		if (len == 1 && strchr("[]:*?/\\'", *p)) {
			p++;
			continue;
		}
		memcpy(clean + n, p, len);
		n += len;
		p += len;
		chars++;
	}
	clean[n] = '\0';
	snprintf(out, 128, "%zu %s", i + 1, clean);
}

/* A summary row after its first cell (the rank): 项目名称, 得分, 等级, 执行率. */
static void summary_cells(lxw_worksheet *ws, lxw_row_t row, const jx_project_score *ps, const fmts *f)
{
	worksheet_write_string(ws, row, 1, ps->project->name ? ps->project->name : "", f->text);
	worksheet_write_number(ws, row, 2, dec(&ps->total), f->num);
	worksheet_write_string(ws, row, 3, ps->grade, f->text);
	if (ps->has_rate)
		worksheet_write_number(ws, row, 4, fraction(&ps->rate), f->pct);
	else
		worksheet_write_blank(ws, row, 4, f->text);
}

static void summary_sheet(lxw_workbook *wb, const jx_evaluation *e, const fmts *f)
{
	lxw_worksheet *ws = workbook_add_worksheet(wb, "汇总");
	char title[256];
	snprintf(title, sizeof title, "%s%d年项目支出绩效自评汇总", e->pkg->dept.name ? e->pkg->dept.name : "", e->pkg->year);
	worksheet_merge_range(ws, 0, 0, 0, 4, title, f->title);
	static const char *const head[] = {"排名", "项目名称", "得分", "等级", "执行率"};
	for (lxw_col_t c = 0; c < 5; c++)
		worksheet_write_string(ws, 1, c, head[c], f->head);
	lxw_row_t row = 2;
	for (int rank = 1; rank <= (int)e->projects.n; rank++)
		for (size_t i = 0; i < e->projects.n; i++) {
			const jx_project_score *ps = &e->projects.v[i];
			if (ps->rank != rank)
				continue;
			worksheet_write_number(ws, row, 0, rank, f->int0);
			summary_cells(ws, row++, ps, f);
		}
	worksheet_write_string(ws, row, 1, "平均", f->head);
	worksheet_write_number(ws, row, 2, dec(&e->average), f->num);
	/* The department as a whole is scored apart from the projects: below the average, without a rank. */
	for (size_t i = 0; i < e->projects.n; i++) {
		const jx_project_score *ps = &e->projects.v[i];
		if (!ps->overall)
			continue;
		row++;
		worksheet_write_string(ws, row, 0, "整体", f->text);
		summary_cells(ws, row, ps, f);
	}
	worksheet_set_column(ws, 0, 0, 6, NULL);
	worksheet_set_column(ws, 1, 1, 36, NULL);
	worksheet_set_column(ws, 2, 4, 10, NULL);
	worksheet_freeze_panes(ws, 2, 0);
}

static void project_sheet(lxw_workbook *wb, size_t i, const jx_project_score *ps, const fmts *f)
{
	char name[128];
	sheet_name(name, i, ps->project->name);
	lxw_worksheet *ws = workbook_add_worksheet(wb, name);
	char title[512];
	snprintf(title, sizeof title, "%s：%s", ps->overall ? "部门整体支出绩效自评表" : "项目支出绩效自评表",
		 ps->project->name ? ps->project->name : "");
	worksheet_merge_range(ws, 0, 0, 0, 7, title, f->title);
	/* Money: 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分. */
	char money_head[64];
	snprintf(money_head, sizeof money_head, "项目资金（%s）", unit_name(&ps->budget));
	worksheet_merge_range(ws, 1, 0, 1, 1, money_head, f->head);
	static const char *const mh[] = {"年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"};
	for (lxw_col_t c = 0; c < 6; c++)
		worksheet_write_string(ws, 1, (lxw_col_t)(c + 2), mh[c], f->head);
	worksheet_merge_range(ws, 2, 0, 2, 1, "年度资金总额", f->text);
	const jx_amount *init = ps->act && ps->act->budget_initial.present ? &ps->act->budget_initial : NULL;
	if (init)
		worksheet_write_number(ws, 2, 2, money(init), f->num);
	else
		worksheet_write_blank(ws, 2, 2, f->num);
	if (ps->budget.present)
		worksheet_write_number(ws, 2, 3, money(&ps->budget), f->num);
	else
		worksheet_write_blank(ws, 2, 3, f->num);
	if (ps->spent.present) {
		jx_amount shown = ps->spent;
		shown.unit = ps->budget.present ? ps->budget.unit : shown.unit;
		worksheet_write_number(ws, 2, 4, money(&shown), f->num);
	} else {
		worksheet_write_blank(ws, 2, 4, f->num);
	}
	worksheet_write_number(ws, 2, 5, 10, f->int0);
	if (ps->has_rate)
		worksheet_write_number(ws, 2, 6, fraction(&ps->rate), f->pct);
	else
		worksheet_write_blank(ws, 2, 6, f->pct);
	worksheet_write_number(ws, 2, 7, dec(&ps->budget_score), f->num);

	static const char *const ih[] = {"一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
					 "偏差原因分析及改进措施"};
	for (lxw_col_t c = 0; c < 8; c++)
		worksheet_write_string(ws, 4, c, ih[c], f->head);
	lxw_row_t row = 5;
	for (size_t k = 0; k < ps->indicators.n; k++, row++) {
		const jx_ind_score *is = &ps->indicators.v[k];
		const char *l1 = jx_level1_name(is->l1);
		worksheet_write_string(ws, row, 0, l1 ? l1 : "", f->text);
		worksheet_write_string(ws, row, 1, is->ind->level2 ? is->ind->level2 : "", f->text);
		worksheet_write_string(ws, row, 2, is->ind->name ? is->ind->name : "", f->text);
		worksheet_write_string(ws, row, 3, is->ind->value.text ? is->ind->value.text : "", f->text);
		const char *actual = !is->act ? "" : is->act->has_actual ? is->act->actual.text : jx_level_zh(is->act->level);
		worksheet_write_string(ws, row, 4, actual ? actual : "", f->text);
		worksheet_write_number(ws, row, 5, dec(&is->weight), f->num);
		worksheet_write_number(ws, row, 6, dec(&is->score), f->num);
		worksheet_write_string(ws, row, 7, is->act && is->act->reason ? is->act->reason : "", f->text);
		/* The scoring step, as a cell comment a reviewer can open. */
		if (is->how)
			worksheet_write_comment(ws, row, 6, is->how);
	}
	worksheet_merge_range(ws, row, 0, row, 5, "总分", f->head);
	worksheet_write_number(ws, row, 6, dec(&ps->total), f->num);
	worksheet_write_string(ws, row, 7, ps->grade, f->text);
	row += 2;
	for (size_t k = 0; k < ps->notes.n; k++, row++)
		worksheet_merge_range(ws, row, 0, row, 7, ps->notes.v[k].message, f->how);
	worksheet_set_column(ws, 0, 1, 12, NULL);
	worksheet_set_column(ws, 2, 2, 28, NULL);
	worksheet_set_column(ws, 3, 4, 16, NULL);
	worksheet_set_column(ws, 5, 6, 9, NULL);
	worksheet_set_column(ws, 7, 7, 30, NULL);
	worksheet_freeze_panes(ws, 5, 0);
}

static lxw_format *fmt(lxw_workbook *wb, bool bold, bool border, bool wrap, const char *num)
{
	lxw_format *f = workbook_add_format(wb);
	format_set_font_name(f, "宋体");
	format_set_font_size(f, 11);
	format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
	if (bold) {
		format_set_bold(f);
		format_set_align(f, LXW_ALIGN_CENTER);
		format_set_bg_color(f, 0xEEEEEE);
	}
	if (border)
		format_set_border(f, LXW_BORDER_THIN);
	if (wrap)
		format_set_text_wrap(f);
	if (num)
		format_set_num_format(f, num);
	return f;
}

int jx_eval_write_xlsx(const jx_evaluation *e, const char *path)
{
	lxw_workbook *wb = workbook_new(path);
	if (!wb)
		return jx_error_set(JX_EIO, "%s: 无法创建工作簿", path);
	fmts f = {
		.title = fmt(wb, true, false, false, NULL),
		.head = fmt(wb, true, true, true, NULL),
		.text = fmt(wb, false, true, true, NULL),
		.num = fmt(wb, false, true, false, "0.00"),
		.int0 = fmt(wb, false, true, false, "0"),
		.pct = fmt(wb, false, true, false, "0.00%"),
		.how = fmt(wb, false, false, true, NULL),
	};
	format_set_font_size(f.title, 14);
	format_set_bg_color(f.title, LXW_COLOR_WHITE);
	summary_sheet(wb, e, &f);
	for (size_t i = 0; i < e->projects.n; i++)
		project_sheet(wb, i, &e->projects.v[i], &f);
	lxw_error err = workbook_close(wb);
	if (err)
		return jx_error_set(JX_EIO, "%s: 工作簿写出失败：%s", path, lxw_strerror(err));
	return 0;
}

static int write_eval(const void *ud, const char *path)
{
	return jx_eval_write_xlsx(ud, path);
}

/* The workbook in memory: libxlsxwriter writes files. */
int jx_eval_xlsx_bytes(const jx_evaluation *e, char **out, size_t *len)
{
	return jx_file_through_temp("eval", write_eval, e, out, len);
}
