/* template.c: fill-in workbooks. jx_template_targets_xlsx: an empty 项目支出绩效目标表 in the layout the XLSX
 * renderer uses for project target tables (so jx import reads both the same way), with drop-down lists for level-1
 * and level-2 names (the names import accepts) and comparators, number validation, input cells unlocked and the
 * labels locked, and a 说明 sheet. jx_template_eval_xlsx: the year-end actuals workbook of a package (money per
 * project, one row per indicator with its target), which jx eval reads back. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "jx/eval.h"
#include "jx/render.h"
#include "recognise/vocab.h"
#include "render/sheet.h"
#include "render/template_int.h"
#include "util/file.h"

typedef struct tfmt {
	lxw_format *title, *label, *head, *input, *input_num, *input_wrap, *text, *note, *fixed, *fixed_num;
} tfmt;

static lxw_format *mk(lxw_workbook *wb, bool bold, bool border, bool unlocked, const char *num, unsigned fill)
{
	lxw_format *f = workbook_add_format(wb);
	format_set_font_name(f, "宋体");
	format_set_font_size(f, 11);
	format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
	if (bold) {
		format_set_bold(f);
		format_set_align(f, LXW_ALIGN_CENTER);
	}
	if (border)
		format_set_border(f, LXW_BORDER_THIN);
	if (unlocked)
		format_set_unlocked(f);
	if (num)
		format_set_num_format(f, num);
	if (fill)
		format_set_bg_color(f, (lxw_color_t)fill);
	return f;
}

static void init_fmts(lxw_workbook *wb, tfmt *f)
{
	f->title = mk(wb, true, false, false, NULL, 0);
	format_set_font_size(f->title, 16);
	f->label = mk(wb, true, true, false, NULL, 0xF2F2F2);
	format_set_text_wrap(f->label);
	f->head = mk(wb, true, true, false, NULL, 0xDDDDDD);
	format_set_text_wrap(f->head);
	f->input = mk(wb, false, true, true, NULL, 0xFFFBE6);
	f->input_num = mk(wb, false, true, true, "0.00", 0xFFFBE6);
	f->input_wrap = mk(wb, false, true, true, NULL, 0xFFFBE6);
	format_set_text_wrap(f->input_wrap);
	format_set_align(f->input_wrap, LXW_ALIGN_VERTICAL_TOP);
	f->text = mk(wb, false, false, false, NULL, 0);
	format_set_text_wrap(f->text);
	f->note = mk(wb, false, false, false, NULL, 0);
	format_set_font_color(f->note, 0x666666);
	f->fixed = mk(wb, false, true, false, NULL, 0);
	format_set_text_wrap(f->fixed);
	f->fixed_num = mk(wb, false, true, false, "0.00", 0);
}

/* The hidden sheet holding the drop-down lists: A level 1, B level 2, C comparators, D money units, E levels. */
static const char *const comparators[] = {"≥", "≤", "=", ">", "<", "≈", "定性"};
static const char *const units[] = {"万元", "元"};
static const char *const levels[] = {"达成年度指标", "部分达成并具有一定效果", "未达成且效果较差"};

typedef struct lists {
	int n1, n2;              /* rows used in columns A and B */
	const char *l1[8], *l2[16]; /* the names */
} lists;

static lists options_sheet(lxw_workbook *wb, bool with_levels)
{
	lxw_worksheet *ws = workbook_add_worksheet(wb, TPL_OPTIONS_SHEET);
	lists l = {0};
	/* Names from the model's vocabulary, each checked against the importer's matcher, so a name picked from the
	 * list is always one jx import accepts. */
	for (int k = JX_L1_OUTPUT; k <= JX_L1_COST; k++) {
		const char *n = jx_level1_name((jx_level1)k);
		if (n && jx_vocab_level1(n, strlen(n), NULL) == (jx_level1)k && l.n1 < 8) {
			l.l1[l.n1] = n;
			worksheet_write_string(ws, (lxw_row_t)l.n1++, 0, n, NULL);
		}
	}
	for (int k = JX_L2_QUANTITY; k <= JX_L2_ECO_COST; k++) {
		const char *n = jx_level2_name((jx_level2)k);
		if (n && jx_vocab_level2(n, strlen(n), NULL) == (jx_level2)k && l.n2 < 16) {
			l.l2[l.n2] = n;
			worksheet_write_string(ws, (lxw_row_t)l.n2++, 1, n, NULL);
		}
	}
	for (size_t i = 0; i < sizeof comparators / sizeof *comparators; i++)
		worksheet_write_string(ws, (lxw_row_t)i, 2, comparators[i], NULL);
	for (size_t i = 0; i < sizeof units / sizeof *units; i++)
		worksheet_write_string(ws, (lxw_row_t)i, 3, units[i], NULL);
	if (with_levels)
		for (size_t i = 0; i < sizeof levels / sizeof *levels; i++)
			worksheet_write_string(ws, (lxw_row_t)i, 4, levels[i], NULL);
	worksheet_hide(ws);
	return l;
}

/* A drop-down list. Written inline (the items joined, as Excel stores short lists), which keeps the workbook
 * self-describing; the hidden 选项 sheet holds the same items and serves as the list source when an inline list is
 * refused (Excel's 255-character limit). libxlsxwriter 1.1.4 does not free a list formula's copy, another reason to
 * prefer the inline form. */
static void list_validation(lxw_worksheet *ws, lxw_row_t r0, lxw_col_t c0, lxw_row_t r1, lxw_col_t c1, char col,
			    const char *const *items, size_t n, const char *prompt)
{
	char title[] = "请选择", msg[256];
	snprintf(msg, sizeof msg, "%s", prompt);
	char *copies[24] = {0};
	if (n > 23)
		n = 23;
	bool ok = true;
	for (size_t i = 0; i < n; i++)
		ok &= (copies[i] = strdup(items[i])) != NULL;
	lxw_data_validation v = {0};
	v.validate = LXW_VALIDATION_TYPE_LIST;
	v.value_list = copies;
	v.ignore_blank = LXW_VALIDATION_ON;
	v.input_title = title;
	v.input_message = msg;
	v.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
	lxw_error err = ok ? worksheet_data_validation_range(ws, r0, c0, r1, c1, &v) : LXW_ERROR_MEMORY_MALLOC_FAILED;
	for (size_t i = 0; i < n; i++)
		free(copies[i]);
	if (err == LXW_NO_ERROR)
		return;
	char formula[96];
	snprintf(formula, sizeof formula, "='%s'!$%c$1:$%c$%zu", TPL_OPTIONS_SHEET, col, col, n ? n : 1);
	v.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
	v.value_list = NULL;
	v.value_formula = formula;
	worksheet_data_validation_range(ws, r0, c0, r1, c1, &v);
}

/* Amounts: numbers not below zero; anything else is refused. */
static void money_validation(lxw_worksheet *ws, lxw_row_t r0, lxw_col_t c0, lxw_row_t r1, lxw_col_t c1)
{
	char title[] = "金额", msg[] = "请输入不小于 0 的数字（按所选金额单位，最多两位小数以外的精度也会保留）。";
	lxw_data_validation v = {0};
	v.validate = LXW_VALIDATION_TYPE_DECIMAL;
	v.criteria = LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO;
	v.value_number = 0;
	v.ignore_blank = LXW_VALIDATION_ON;
	v.error_title = title;
	v.error_message = msg;
	v.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
	worksheet_data_validation_range(ws, r0, c0, r1, c1, &v);
}

/* 指标值: a number, but dates and qualitative targets are text, so only warn. */
static void value_validation(lxw_worksheet *ws, lxw_row_t r0, lxw_col_t c0, lxw_row_t r1, lxw_col_t c1)
{
	char title[] = "指标值", msg[] = "定量指标请填数字，单位填在“计量单位”列；时效和定性指标可填文字，如“2025年12月31日前”“有效提高”。",
	     emsg[] = "这不是数字。定量指标的指标值应为数字；时效或定性指标可以继续。";
	lxw_data_validation v = {0};
	v.validate = LXW_VALIDATION_TYPE_DECIMAL;
	v.criteria = LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO;
	v.value_number = -1e15;
	v.ignore_blank = LXW_VALIDATION_ON;
	v.input_title = title;
	v.input_message = msg;
	v.error_title = title;
	v.error_message = emsg;
	v.error_type = LXW_VALIDATION_ERROR_TYPE_WARNING;
	worksheet_data_validation_range(ws, r0, c0, r1, c1, &v);
}

static void year_validation(lxw_worksheet *ws, lxw_row_t r, lxw_col_t c)
{
	char title[] = "预算年度", msg[] = "请填写四位年份，如 2025。";
	lxw_data_validation v = {0};
	v.validate = LXW_VALIDATION_TYPE_INTEGER;
	v.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
	v.minimum_number = 2000;
	v.maximum_number = 2100;
	v.ignore_blank = LXW_VALIDATION_ON;
	v.error_title = title;
	v.error_message = msg;
	worksheet_data_validation_cell(ws, r, c, &v);
}

static void protect(lxw_worksheet *ws)
{
	/* Locked labels keep the layout the importer expects; rows and columns may still be resized. */
	lxw_protection p = {0};
	p.format_columns = 1;
	p.format_rows = 1;
	worksheet_protect(ws, NULL, &p);
}

static void notes_sheet(lxw_workbook *wb, const tfmt *f, const char *const *lines, size_t n)
{
	lxw_worksheet *ws = workbook_add_worksheet(wb, TPL_NOTES_SHEET);
	worksheet_set_column(ws, 0, 0, 100, NULL);
	worksheet_write_string(ws, 0, 0, TPL_NOTES_TITLE, f->title);
	for (size_t i = 0; i < n; i++)
		worksheet_write_string(ws, (lxw_row_t)(i + 1), 0, lines[i], f->text);
	protect(ws);
}

static const char *const target_notes[] = {
	"1. 黄色单元格为填写区，其余单元格已锁定（工作表保护无密码，如需调整版式可撤销保护，但请勿改动标签文字）。",
	"2. 预算年度填四位年份；金额单位在“万元”“元”中选择，表中全部金额均按此单位填写，只填数字。",
	"3. 项目资金：合计行填项目的实施期资金总额和年度资金总额；财政资金、其他资金分别填写（没有的填 0 或留空）。",
	"4. 绩效指标每行一个三级指标：一级指标、二级指标从下拉列表选择（产出指标下为数量、质量、时效、成本指标，效益指标下为经济、社会、生态效益和可持续影响指标，满意度指标下为服务对象满意度指标）；同一一级或二级指标的连续各行可只在第一行填写。",
	"5. 符号选择 ≥、≤、=、>、<、≈ 或“定性”；指标值填数字，计量单位单独填写（如 人、%、万元、元/人）；时效指标可填“2025年12月31日前”，定性指标填“有效提高”等文字。",
	"6. 填好后用 jx import 读取本工作簿即可得到预算包，可再用 jx check 审核。",
};

enum { IND_ROWS = 30 };

int jx_template_targets_write(int year, const char *path)
{
	lxw_workbook *wb = workbook_new(path);
	if (!wb)
		return jx_error_set(JX_EIO, "%s: 无法创建工作簿", path);
	tfmt f;
	init_fmts(wb, &f);
	lxw_worksheet *ws = workbook_add_worksheet(wb, TPL_TARGETS_SHEET);
	notes_sheet(wb, &f, target_notes, sizeof target_notes / sizeof *target_notes);
	lists l = options_sheet(wb, false);
	worksheet_activate(ws);
	static const double widths[] = {14, 14, 26, 8, 14, 12, 30};
	for (lxw_col_t c = 0; c < 7; c++)
		worksheet_set_column(ws, c, c, widths[c], NULL);
	worksheet_merge_range(ws, 0, 0, 0, 6, "项目支出绩效目标表", f.title);
	worksheet_set_row(ws, 0, 28, NULL);
	/* Row 1: year and unit. */
	worksheet_write_string(ws, 1, 0, "预算年度", f.label);
	worksheet_merge_range(ws, 1, 1, 1, 2, "", f.input);
	if (year > 0)
		worksheet_write_number(ws, 1, 1, year, f.input);
	year_validation(ws, 1, 1);
	worksheet_write_string(ws, 1, 3, "金额单位", f.label);
	worksheet_merge_range(ws, 1, 4, 1, 6, "万元", f.input);
	list_validation(ws, 1, 4, 1, 6, 'D', units, sizeof units / sizeof *units, "全表金额的单位");
	/* Rows 2–4: project fields. */
	worksheet_write_string(ws, 2, 0, "项目名称", f.label);
	worksheet_merge_range(ws, 2, 1, 2, 6, "", f.input);
	static const char *const pairs[2][2] = {{"主管部门", "实施单位"}, {"项目属性", "项目期"}};
	for (lxw_row_t r = 3; r <= 4; r++) {
		worksheet_write_string(ws, r, 0, pairs[r - 3][0], f.label);
		worksheet_merge_range(ws, r, 1, r, 2, "", f.input);
		worksheet_write_string(ws, r, 3, pairs[r - 3][1], f.label);
		worksheet_merge_range(ws, r, 4, r, 6, "", f.input);
	}
	/* Rows 5–8: 项目资金. */
	worksheet_merge_range(ws, 5, 0, 8, 0, "项目资金", f.label);
	worksheet_merge_range(ws, 5, 1, 5, 2, "资金来源", f.head);
	worksheet_write_string(ws, 5, 3, "实施期资金总额", f.head);
	worksheet_merge_range(ws, 5, 4, 5, 6, "年度资金总额", f.head);
	static const char *const sources[] = {"合计", "财政资金", "其他资金"};
	for (lxw_row_t r = 6; r <= 8; r++) {
		worksheet_merge_range(ws, r, 1, r, 2, sources[r - 6], f.label);
		worksheet_write_blank(ws, r, 3, f.input_num);
		worksheet_merge_range(ws, r, 4, r, 6, "", f.input_num);
	}
	money_validation(ws, 6, 3, 8, 4);
	/* Rows 9–10: goals. */
	worksheet_merge_range(ws, 9, 0, 9, 2, "实施期目标", f.head);
	worksheet_merge_range(ws, 9, 3, 9, 6, "年度目标", f.head);
	worksheet_merge_range(ws, 10, 0, 10, 2, "", f.input_wrap);
	worksheet_merge_range(ws, 10, 3, 10, 6, "", f.input_wrap);
	worksheet_set_row(ws, 10, 90, NULL);
	/* Rows 11–: indicators. */
	worksheet_merge_range(ws, 11, 0, 11, 6, "年度绩效指标", f.head);
	static const char *const ih[] = {"一级指标", "二级指标", "三级指标", "符号", "指标值", "计量单位", "指标解释"};
	for (lxw_col_t c = 0; c < 7; c++)
		worksheet_write_string(ws, 12, c, ih[c], f.head);
	lxw_row_t first = 13, last = (lxw_row_t)(13 + IND_ROWS - 1);
	for (lxw_row_t r = first; r <= last; r++)
		for (lxw_col_t c = 0; c < 7; c++)
			worksheet_write_blank(ws, r, c, c == 4 ? f.input_num : c == 6 ? f.input_wrap : f.input);
	list_validation(ws, first, 0, last, 0, 'A', l.l1, (size_t)l.n1, "一级指标");
	list_validation(ws, first, 1, last, 1, 'B', l.l2, (size_t)l.n2, "二级指标");
	list_validation(ws, first, 3, last, 3, 'C', comparators, sizeof comparators / sizeof *comparators, "比较符号或“定性”");
	value_validation(ws, first, 4, last, 4);
	worksheet_freeze_panes(ws, 13, 0);
	worksheet_set_paper(ws, 9);
	worksheet_set_landscape(ws);
	worksheet_repeat_rows(ws, 12, 12);
	worksheet_fit_to_pages(ws, 1, 0);
	protect(ws);
	lxw_error err = workbook_close(wb);
	if (err)
		return jx_error_set(JX_EIO, "%s: 工作簿写出失败：%s", path, lxw_strerror(err));
	return 0;
}

/* ---- the eval template ---- */

static const char *const eval_notes[] = {
	"1. 本工作簿由 jx template --eval 按预算包生成，用于填写年度实际完成情况，填好后用 jx eval 预算包 本工作簿 计分。",
	"2. “资金执行”表：每个项目一行，年初预算数已按预算包填好，请填写全年预算数和全年执行数（按该行的金额单位，只填数字）。",
	"3. “指标完成”表：每个三级指标一行，年度指标值已填好；请填写实际完成值（写法同指标值，如 22人、96%、2025年11月30日）。",
	"4. 定性指标在“完成等级”列选择 达成年度指标、部分达成并具有一定效果 或 未达成且效果较差，并可在“得分”列填写该档内的分值；分值留空则在一级指标内平均分配。",
	"5. 未完成目标的指标请填写偏差原因分析及改进措施，否则 jx eval 会提示缺少原因。",
	"6. 灰色单元格已锁定，请勿改动项目名称和指标名称，jx eval 按名称对应预算包中的项目和指标。",
	"7. 项目名称为“部门整体”的各行是部门整体支出绩效目标：填写后 jx eval 同样计分（部门整体支出绩效自评），不参与项目排名；不填则不评。",
};

static double money_num(const jx_amount *a, int64_t per)
{
	char buf[48];
	return strtod(jx_sheet_money_text(a->fen, per, 0, buf), NULL); /* correctly rounded from the exact text */
}

int jx_template_eval_write(const jx_pkg *pkg, const char *path)
{
	lxw_workbook *wb = workbook_new(path);
	if (!wb)
		return jx_error_set(JX_EIO, "%s: 无法创建工作簿", path);
	tfmt f;
	init_fmts(wb, &f);
	lxw_worksheet *money = workbook_add_worksheet(wb, TPL_MONEY_SHEET);
	lxw_worksheet *inds = workbook_add_worksheet(wb, TPL_ACTUALS_SHEET);
	notes_sheet(wb, &f, eval_notes, sizeof eval_notes / sizeof *eval_notes);
	options_sheet(wb, true);
	char title[256];
	if (pkg->year)
		snprintf(title, sizeof title, "%s%d年项目支出实际完成情况（%s）", pkg->dept.name ? pkg->dept.name : "",
			 pkg->year, TPL_EVAL_MARK);
	else
		snprintf(title, sizeof title, "%s项目支出实际完成情况（%s）", pkg->dept.name ? pkg->dept.name : "",
			 TPL_EVAL_MARK);
	/* 资金执行: 序号 | 项目名称 | 项目编码 | 金额单位 | 年初预算数 | 全年预算数 | 全年执行数. */
	worksheet_merge_range(money, 0, 0, 0, 6, title, f.title);
	worksheet_set_row(money, 0, 28, NULL);
	static const char *const mh[] = {"序号", "项目名称", "项目编码", "金额单位", "年初预算数", "全年预算数", "全年执行数"};
	static const double mw[] = {6, 40, 14, 10, 14, 14, 14};
	for (lxw_col_t c = 0; c < 7; c++) {
		worksheet_write_string(money, 1, c, mh[c], f.head);
		worksheet_set_column(money, c, c, mw[c], NULL);
	}
	/* The projects, then the department as a whole when the package has an overall table with indicators (a
	 * stand-in project named JX_EVAL_OVERALL_NAME, which jx eval scores apart from the projects). */
	jx_project overall = {0};
	bool with_overall = pkg->overall.present && pkg->overall.indicators.n > 0;
	if (with_overall) {
		overall.name = JX_EVAL_OVERALL_NAME;
		overall.amount = pkg->overall.total;
		overall.indicators = pkg->overall.indicators;
	}
	size_t nrows = pkg->projects.n + (with_overall ? 1 : 0);
	for (size_t i = 0; i < nrows; i++) {
		const jx_project *p = i < pkg->projects.n ? &pkg->projects.v[i] : &overall;
		lxw_row_t r = (lxw_row_t)(i + 2);
		jx_money_unit u = p->amount.present && p->amount.unit ? p->amount.unit : JX_MU_WANYUAN;
		int64_t per = jx_money_unit_fen_per(u);
		worksheet_write_number(money, r, 0, (double)(i + 1), f.fixed);
		worksheet_write_string(money, r, 1, p->name ? p->name : "", f.fixed);
		worksheet_write_string(money, r, 2, p->code ? p->code : "", f.fixed);
		worksheet_write_string(money, r, 3, jx_money_unit_name(u), f.fixed);
		const jx_amount *init = p->budget_initial.present ? &p->budget_initial : &p->amount;
		if (init->present)
			worksheet_write_number(money, r, 4, money_num(init, per), f.input_num);
		else
			worksheet_write_blank(money, r, 4, f.input_num);
		if (p->budget_full.present)
			worksheet_write_number(money, r, 5, money_num(&p->budget_full, per), f.input_num);
		else
			worksheet_write_blank(money, r, 5, f.input_num);
		if (p->spent.present)
			worksheet_write_number(money, r, 6, money_num(&p->spent, per), f.input_num);
		else
			worksheet_write_blank(money, r, 6, f.input_num);
	}
	if (nrows)
		money_validation(money, 2, 4, (lxw_row_t)(nrows + 1), 6);
	worksheet_freeze_panes(money, 2, 2);
	worksheet_set_paper(money, 9);
	worksheet_set_landscape(money);
	worksheet_repeat_rows(money, 1, 1);
	worksheet_fit_to_pages(money, 1, 0);
	protect(money);
	/* 指标完成: 序号 | 项目名称 | 一级 | 二级 | 三级 | 年度指标值 | 实际完成值 | 完成等级 | 分值 | 得分 | 偏差原因. */
	worksheet_merge_range(inds, 0, 0, 0, 10, title, f.title);
	worksheet_set_row(inds, 0, 28, NULL);
	static const char *const ih[] = {"序号", "项目名称", "一级指标", "二级指标", "三级指标", "年度指标值",
					 "实际完成值", "完成等级", "分值", "得分", "偏差原因分析及改进措施"};
	static const double iw[] = {6, 28, 12, 16, 28, 16, 16, 14, 8, 8, 36};
	for (lxw_col_t c = 0; c < 11; c++) {
		worksheet_write_string(inds, 1, c, ih[c], f.head);
		worksheet_set_column(inds, c, c, iw[c], NULL);
	}
	lxw_row_t r = 2;
	for (size_t i = 0; i < nrows; i++) {
		const jx_project *p = i < pkg->projects.n ? &pkg->projects.v[i] : &overall;
		for (size_t k = 0; k < p->indicators.n; k++, r++) {
			const jx_indicator *ind = &p->indicators.v[k];
			worksheet_write_number(inds, r, 0, (double)(r - 1), f.fixed);
			worksheet_write_string(inds, r, 1, p->name ? p->name : "", f.fixed);
			worksheet_write_string(inds, r, 2, ind->level1 ? ind->level1 : "", f.fixed);
			worksheet_write_string(inds, r, 3, ind->level2 ? ind->level2 : "", f.fixed);
			worksheet_write_string(inds, r, 4, ind->name ? ind->name : "", f.fixed);
			worksheet_write_string(inds, r, 5, ind->value.text ? ind->value.text : "", f.fixed);
			for (lxw_col_t c = 6; c < 11; c++)
				worksheet_write_blank(inds, r, c, c == 8 || c == 9 ? f.input_num : f.input_wrap);
		}
	}
	if (r > 2) {
		list_validation(inds, 2, 7, r - 1, 7, 'E', levels, sizeof levels / sizeof *levels, "定性指标的完成等级");
		money_validation(inds, 2, 8, r - 1, 9);
	}
	worksheet_freeze_panes(inds, 2, 0);
	worksheet_set_paper(inds, 9);
	worksheet_set_landscape(inds);
	worksheet_repeat_rows(inds, 1, 1);
	worksheet_fit_to_pages(inds, 1, 0);
	protect(inds);
	lxw_error err = workbook_close(wb);
	if (err)
		return jx_error_set(JX_EIO, "%s: 工作簿写出失败：%s", path, lxw_strerror(err));
	return 0;
}

typedef struct job {
	int year;
	const jx_pkg *pkg;
} job;

static int write_job(const void *ud, const char *path)
{
	const job *j = ud;
	return j->pkg ? jx_template_eval_write(j->pkg, path) : jx_template_targets_write(j->year, path);
}

static int to_bytes(const job *j, char **out, size_t *len)
{
	return jx_file_through_temp("template", write_job, j, out, len);
}

int jx_template_targets_xlsx(int year, char **out, size_t *len)
{
	if (year < 0 || year > 9999)
		return jx_error_set(JX_EINVAL, "年度 %d 不合理", year);
	job j = {year, NULL};
	return to_bytes(&j, out, len);
}

int jx_template_eval_xlsx(const jx_pkg *pkg, char **out, size_t *len)
{
	if (!pkg)
		return jx_error_set(JX_EINVAL, "缺少预算包");
	if (!pkg->projects.n)
		return jx_error_set(JX_EINVAL, "预算包中没有项目，无法生成实际完成情况填报表");
	job j = {0, pkg};
	return to_bytes(&j, out, len);
}
