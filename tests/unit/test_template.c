/* test_template.c: the fill-in workbooks. The targets template carries its drop-down lists, number validation and
 * protection in the XML; filled in (a workbook written here with libxlsxwriter in the template's layout, checked
 * against the template's own labels) it imports to exactly the project we wrote. The eval template lists every
 * indicator of the package with its target; filled in with the example actuals it reads back to the same actuals
 * and jx eval gives the same scores as from the JSON. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <xlsxwriter.h>

#include "eval/actuals_xlsx.h"
#include "grid.h"
#include "jx/eval.h"
#include "jx/import.h"
#include "jx/json.h"
#include "jx/render.h"
#include "recognise/vocab.h"
#include "render/sheet.h"
#include "testutil.h"
#include "util/arena.h"

static char *tmp_path(const char *tag)
{
	char *p = malloc(256);
	snprintf(p, 256, "%s/jx-test-%s-%d.xlsx", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp", tag, (int)getpid());
	return p;
}

static void write_file(const char *path, const char *data, size_t len)
{
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, len, f), len);
	fclose(f);
}

/* Output of a shell command (a second reader: unzip). */
static char *run(const char *cmd)
{
	FILE *p = popen(cmd, "r");
	assert_non_null(p);
	size_t cap = 1 << 20, n = 0;
	char *buf = malloc(cap);
	size_t got;
	while ((got = fread(buf + n, 1, cap - n - 1, p)) > 0)
		n += got;
	buf[n] = '\0';
	assert_int_equal(pclose(p), 0);
	return buf;
}

static size_t count(const char *hay, const char *needle)
{
	size_t n = 0;
	for (const char *p = hay; (p = strstr(p, needle)) != NULL; p += strlen(needle))
		n++;
	return n;
}

static jx_pkg *example(void)
{
	size_t len = 0;
	char *json = tu_read_file(JX_EXAMPLES_DIR "/qingshan-2025.json", &len);
	jx_pkg *pkg = NULL;
	assert_int_equal(jx_pkg_from_json(&pkg, json, len, "qingshan-2025.json"), 0);
	free(json);
	return pkg;
}

/* ---- the targets template ---- */

static void test_targets_template_xml(void **state)
{
	(void)state;
	char *data = NULL;
	size_t len = 0;
	assert_int_equal(jx_template_targets_xlsx(2025, &data, &len), 0);
	char *path = tmp_path("tpl");
	write_file(path, data, len);
	free(data);
	char cmd[512];
	snprintf(cmd, sizeof cmd,
		 "d=$(mktemp -d) && unzip -tqq %s && unzip -qq %s -d $d && find $d -name '*.xml' -o -name '*.rels' | "
		 "while read -r f; do xmllint --noout \"$f\" || exit 1; done; s=$?; rm -rf $d; exit $s",
		 path, path);
	free(run(cmd));
	snprintf(cmd, sizeof cmd, "unzip -p %s xl/workbook.xml", path);
	char *wb = run(cmd);
	assert_non_null(strstr(wb, "name=\"项目支出绩效目标表\""));
	assert_non_null(strstr(wb, "name=\"说明\""));
	assert_non_null(strstr(wb, "name=\"选项\" sheetId=\"3\" state=\"hidden\""));
	free(wb);
	snprintf(cmd, sizeof cmd, "unzip -p %s xl/worksheets/sheet1.xml", path);
	char *s1 = run(cmd);
	/* Drop-down lists for level 1 (A), level 2 (B) and comparators (D) over the 30 indicator rows, and the unit. */
	assert_non_null(strstr(s1, "<dataValidation type=\"list\" allowBlank=\"1\" showInputMessage=\"1\" showErrorMessage=\"1\" promptTitle=\"请选择\" prompt=\"一级指标\" sqref=\"A14:A43\"><formula1>\"产出指标,效益指标,满意度指标,成本指标\"</formula1>"));
	assert_non_null(strstr(s1, "sqref=\"B14:B43\"><formula1>\"数量指标,质量指标,时效指标,成本指标,经济效益指标,社会效益指标,生态效益指标,可持续影响指标,服务对象满意度指标,经济成本指标,社会成本指标,生态环境成本指标\"</formula1>"));
	assert_non_null(strstr(s1, "sqref=\"D14:D43\"><formula1>\"≥,≤,=,&gt;,&lt;,≈,定性\"</formula1>"));
	assert_non_null(strstr(s1, "sqref=\"E2:G2\"><formula1>\"万元,元\"</formula1>"));
	/* Numbers: 指标值 warns, amounts refuse, the year is a whole number. */
	assert_non_null(strstr(s1, "<dataValidation type=\"decimal\" operator=\"greaterThanOrEqual\" errorStyle=\"warning\""));
	assert_non_null(strstr(s1, "sqref=\"E14:E43\""));
	assert_non_null(strstr(s1, "sqref=\"D7:E9\"><formula1>0</formula1>"));
	assert_non_null(strstr(s1, "<dataValidation type=\"whole\""));
	assert_int_equal(count(s1, "<dataValidation "), 7);
	assert_non_null(strstr(s1, "<sheetProtection sheet=\"1\""));
	assert_non_null(strstr(s1, "<c r=\"B2\" s=\""));
	assert_non_null(strstr(s1, "<v>2025</v>"));
	assert_non_null(strstr(s1, "<pageSetup paperSize=\"9\""));
	assert_non_null(strstr(s1, "orientation=\"landscape\""));
	free(s1);
	/* Input cells unlocked, labels locked (the default). */
	snprintf(cmd, sizeof cmd, "unzip -p %s xl/styles.xml", path);
	char *st = run(cmd);
	assert_true(count(st, "<protection locked=\"0\"/>") >= 3);
	free(st);
	/* The lists hold exactly the names import accepts. */
	snprintf(cmd, sizeof cmd, "unzip -p %s xl/sharedStrings.xml", path);
	char *ss = run(cmd);
	for (int k = JX_L2_QUANTITY; k <= JX_L2_ECO_COST; k++) {
		const char *n = jx_level2_name((jx_level2)k);
		char t[128];
		snprintf(t, sizeof t, "<t>%s</t>", n);
		assert_non_null(strstr(ss, t));
		assert_int_equal(jx_vocab_level2(n, strlen(n), NULL), k);
	}
	for (int k = JX_L1_OUTPUT; k <= JX_L1_COST; k++) {
		char t[128];
		snprintf(t, sizeof t, "<t>%s</t>", jx_level1_name((jx_level1)k));
		assert_non_null(strstr(ss, t));
	}
	assert_non_null(strstr(ss, "<t>定性</t>"));
	assert_non_null(strstr(ss, "<t>≈</t>"));
	free(ss);
	unlink(path);
	free(path);
	assert_int_equal(jx_template_targets_xlsx(-1, &data, &len), JX_EINVAL);
}

/* The empty template imports without a project and without "skipped" noise. */
static void test_targets_template_empty_import(void **state)
{
	(void)state;
	char *data = NULL;
	size_t len = 0;
	assert_int_equal(jx_template_targets_xlsx(0, &data, &len), 0);
	jx_pkg *pkg = NULL;
	int rc = jx_import_buffer(&pkg, data, len, "template.xlsx", NULL);
	free(data);
	if (rc)
		fail_msg("%s", jx_error_last());
	assert_int_equal(pkg->projects.n, 0);
	bool empty_note = false;
	for (size_t i = 0; i < pkg->notes.n; i++) {
		assert_string_not_equal(pkg->notes.v[i].code, "import.skipped");
		empty_note |= !strcmp(pkg->notes.v[i].code, "import.template-empty");
	}
	assert_true(empty_note);
	jx_pkg_free(pkg);
}

/* A filled-in template, written the way a spreadsheet program would save it: the template's merges, numbers as
 * numbers, level-1/level-2 written once per group. */
static void write_filled_targets(const char *path)
{
	lxw_workbook *wb = workbook_new(path);
	lxw_worksheet *ws = workbook_add_worksheet(wb, "项目支出绩效目标表");
	workbook_add_worksheet(wb, "说明");
	worksheet_write_string(workbook_get_worksheet_by_name(wb, "说明"), 0, 0, "填表说明", NULL);
	worksheet_write_string(workbook_get_worksheet_by_name(wb, "说明"), 1, 0, "1. 黄色单元格为填写区", NULL);
	worksheet_merge_range(ws, 0, 0, 0, 6, "项目支出绩效目标表", NULL);
	worksheet_write_string(ws, 1, 0, "预算年度", NULL);
	worksheet_merge_range(ws, 1, 1, 1, 2, "", NULL);
	worksheet_write_number(ws, 1, 1, 2026, NULL);
	worksheet_write_string(ws, 1, 3, "金额单位", NULL);
	worksheet_merge_range(ws, 1, 4, 1, 6, "万元", NULL);
	worksheet_write_string(ws, 2, 0, "项目名称", NULL);
	worksheet_merge_range(ws, 2, 1, 2, 6, "盲人按摩培训", NULL);
	worksheet_write_string(ws, 3, 0, "主管部门", NULL);
	worksheet_merge_range(ws, 3, 1, 3, 2, "某县残疾人联合会", NULL);
	worksheet_write_string(ws, 3, 3, "实施单位", NULL);
	worksheet_merge_range(ws, 3, 4, 3, 6, "某县残疾人就业服务所", NULL);
	worksheet_write_string(ws, 4, 0, "项目属性", NULL);
	worksheet_merge_range(ws, 4, 1, 4, 2, "经常性项目", NULL);
	worksheet_write_string(ws, 4, 3, "项目期", NULL);
	worksheet_merge_range(ws, 4, 4, 4, 6, "1年", NULL);
	worksheet_merge_range(ws, 5, 0, 8, 0, "项目资金", NULL);
	worksheet_merge_range(ws, 5, 1, 5, 2, "资金来源", NULL);
	worksheet_write_string(ws, 5, 3, "实施期资金总额", NULL);
	worksheet_merge_range(ws, 5, 4, 5, 6, "年度资金总额", NULL);
	static const char *const src[] = {"合计", "财政资金", "其他资金"};
	static const double total[] = {36.5, 30.005, 6.495}, year[] = {12.3, 12.3, 0};
	for (lxw_row_t r = 6; r <= 8; r++) {
		worksheet_merge_range(ws, r, 1, r, 2, src[r - 6], NULL);
		worksheet_write_number(ws, r, 3, total[r - 6], NULL);
		worksheet_merge_range(ws, r, 4, r, 6, "", NULL);
		if (r < 8)
			worksheet_write_number(ws, r, 4, year[r - 6], NULL);
	}
	worksheet_merge_range(ws, 9, 0, 9, 2, "实施期目标", NULL);
	worksheet_merge_range(ws, 9, 3, 9, 6, "年度目标", NULL);
	worksheet_merge_range(ws, 10, 0, 10, 2, "三年培训盲人按摩师150名", NULL);
	worksheet_merge_range(ws, 10, 3, 10, 6, "培训盲人按摩师50名，取得证书率不低于85%", NULL);
	worksheet_merge_range(ws, 11, 0, 11, 6, "年度绩效指标", NULL);
	static const char *const ih[] = {"一级指标", "二级指标", "三级指标", "符号", "指标值", "计量单位", "指标解释"};
	for (lxw_col_t c = 0; c < 7; c++)
		worksheet_write_string(ws, 12, c, ih[c], NULL);
	static const struct {
		const char *l1, *l2, *name, *sym, *text;
		double num;
		const char *unit;
	} rows[] = {
		{"产出指标", "数量指标", "培训人数", "≥", NULL, 50, "人"},
		{"", "质量指标", "取得证书率", "≥", NULL, 85.5, "%"},
		{"", "时效指标", "培训完成时间", "≤", "2026年11月30日", 0, ""},
		{"", "成本指标", "人均培训成本", "≤", NULL, 2460, "元/人"},
		{"效益指标", "社会效益指标", "就业能力", "定性", "明显提高", 0, ""},
		{"满意度指标", "服务对象满意度指标", "学员满意度", ">", NULL, 90, "%"},
	};
	for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
		lxw_row_t r = (lxw_row_t)(13 + i);
		worksheet_write_string(ws, r, 0, rows[i].l1, NULL);
		worksheet_write_string(ws, r, 1, rows[i].l2, NULL);
		worksheet_write_string(ws, r, 2, rows[i].name, NULL);
		worksheet_write_string(ws, r, 3, rows[i].sym, NULL);
		if (rows[i].text)
			worksheet_write_string(ws, r, 4, rows[i].text, NULL);
		else
			worksheet_write_number(ws, r, 4, rows[i].num, NULL);
		worksheet_write_string(ws, r, 5, rows[i].unit, NULL);
		worksheet_write_blank(ws, r, 6, NULL);
	}
	assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
}

static const jx_grid_row *grid_row(const jx_grid *g, size_t i)
{
	assert_true(i < g->rows.n);
	return &g->rows.v[i];
}

static void test_targets_filled_import(void **state)
{
	(void)state;
	char *path = tmp_path("filled");
	write_filled_targets(path);
	size_t len = 0;
	char *data = tu_read_file(path, &len);
	/* The filled workbook has the template's labels where the template has them. */
	char *tpl = NULL;
	size_t tlen = 0;
	assert_int_equal(jx_template_targets_xlsx(0, &tpl, &tlen), 0);
	jx_pkg *a = jx_pkg_new(), *b = jx_pkg_new();
	jx_grid ga = {0}, gb = {0};
	assert_int_equal(jx_grid_read_xlsx(&ga, a, tpl, tlen, "template.xlsx"), 0);
	assert_int_equal(jx_grid_read_xlsx(&gb, b, data, len, "filled.xlsx"), 0);
	/* Blank rows are not in a grid: match the template's rows of the first sheet with the filled ones by their
	 * first label. */
	size_t compared = 0;
	for (size_t i = 0; i < ga.rows.n && ga.rows.v[i].src.page == 1; i++) {
		const jx_grid_row *ra = grid_row(&ga, i), *rb = NULL;
		const char *key = ra->cells[0].text[0] || ra->n < 2 ? ra->cells[0].text : ra->cells[1].text;
		for (size_t j = 0; j < gb.rows.n && !rb; j++) {
			const jx_grid_row *c = &gb.rows.v[j];
			if (c->src.page == 1 && c->n && !strcmp(c->cells[0].text[0] || c->n < 2 ? c->cells[0].text : c->cells[1].text, key))
				rb = c;
		}
		assert_non_null(rb);
		/* (a blank input cell at the end of a row may or may not be in the grid: compare the labels) */
		for (size_t k = 0; k < ra->n; k++)
			if (*ra->cells[k].text && strcmp(ra->cells[k].text, "万元")) {
				assert_true(k < rb->n);
				assert_string_equal(ra->cells[k].text, rb->cells[k].text);
				compared++;
			}
	}
	assert_int_equal(compared, 25);
	jx_pkg_free(a);
	jx_pkg_free(b);
	free(tpl);

	jx_pkg *pkg = NULL;
	if (jx_import_buffer(&pkg, data, len, "filled.xlsx", NULL))
		fail_msg("%s", jx_error_last());
	free(data);
	unlink(path);
	free(path);
	for (size_t i = 0; i < pkg->notes.n; i++)
		if (pkg->notes.v[i].level >= JX_NOTE_WARNING)
			fail_msg("unexpected note %s: %s", pkg->notes.v[i].code, pkg->notes.v[i].message);
	assert_int_equal(pkg->year, 2026);
	assert_int_equal(pkg->projects.n, 1);
	const jx_project *p = &pkg->projects.v[0];
	assert_string_equal(p->name, "盲人按摩培训");
	assert_string_equal(p->supervisor, "某县残疾人联合会");
	assert_string_equal(p->implementer, "某县残疾人就业服务所");
	assert_string_equal(p->attribute, "经常性项目");
	assert_string_equal(p->duration, "1年");
	assert_true(p->amount.present && p->amount_total.present);
	assert_int_equal(p->amount.fen, 12300000);
	assert_int_equal(p->amount.unit, JX_MU_WANYUAN);
	assert_int_equal(p->amount_total.fen, 36500000);
	assert_int_equal(p->funding.n, 2);
	assert_string_equal(p->funding.v[0].source, "财政资金");
	assert_int_equal(p->funding.v[0].total.fen, 30005000); /* 30.005万元: three decimals survive */
	assert_int_equal(p->funding.v[0].year.fen, 12300000);
	assert_string_equal(p->funding.v[1].source, "其他资金");
	assert_int_equal(p->funding.v[1].total.fen, 6495000);
	assert_false(p->funding.v[1].year.present); /* left blank */
	assert_string_equal(p->goal_total.s, "三年培训盲人按摩师150名");
	assert_string_equal(p->goal_year.s, "培训盲人按摩师50名，取得证书率不低于85%");
	assert_int_equal(p->indicators.n, 6);
	const jx_indicator *in = p->indicators.v;
	assert_int_equal(in[0].l1, JX_L1_OUTPUT);
	assert_int_equal(in[0].l2, JX_L2_QUANTITY);
	assert_string_equal(in[0].name, "培训人数");
	assert_int_equal(in[0].value.op, JX_OP_GE);
	assert_int_equal(in[0].value.kind, JX_KIND_COUNT);
	assert_int_equal(in[0].value.number.digits, 50);
	assert_string_equal(in[0].value.unit, "人");
	assert_int_equal(in[1].l1, JX_L1_OUTPUT); /* written once for the group */
	assert_int_equal(in[1].l2, JX_L2_QUALITY);
	assert_int_equal(in[1].value.kind, JX_KIND_PERCENT);
	assert_int_equal(in[1].value.number.digits, 855);
	assert_int_equal(in[1].value.number.scale, 1);
	assert_int_equal(in[2].l2, JX_L2_TIMELINESS);
	assert_int_equal(in[2].value.kind, JX_KIND_DATE);
	assert_int_equal(in[2].value.op, JX_OP_LE);
	assert_int_equal(in[2].value.to.year, 2026);
	assert_int_equal(in[2].value.to.month, 11);
	assert_int_equal(in[2].value.to.day, 30);
	assert_int_equal(in[3].l2, JX_L2_COST);
	assert_int_equal(in[3].value.kind, JX_KIND_MONEY_PER_UNIT);
	assert_int_equal(in[3].value.fen, 246000);
	assert_int_equal(in[3].value.op, JX_OP_LE);
	assert_int_equal(in[4].l1, JX_L1_EFFECT);
	assert_int_equal(in[4].l2, JX_L2_SOCIAL);
	assert_int_equal(in[4].value.kind, JX_KIND_QUALITATIVE);
	assert_string_equal(in[4].value.text, "明显提高");
	assert_int_equal(in[5].l1, JX_L1_SATISFACTION);
	assert_int_equal(in[5].l2, JX_L2_SATISFACTION);
	assert_int_equal(in[5].value.op, JX_OP_GT);
	assert_int_equal(in[5].value.number.digits, 90);
	for (size_t i = 0; i < 6; i++) {
		assert_int_equal(in[i].repairs, 0);
		assert_int_equal(in[i].src.page, 1);
		assert_int_equal(in[i].src.line, 14 + i);
	}
	jx_pkg_free(pkg);
}

/* ---- the eval template ---- */

static void test_eval_template(void **state)
{
	(void)state;
	jx_pkg *pkg = example();
	char *data = NULL;
	size_t len = 0;
	assert_int_equal(jx_template_eval_xlsx(pkg, &data, &len), 0);
	jx_pkg *tmp = jx_pkg_new();
	jx_grid g = {0};
	assert_int_equal(jx_grid_read_xlsx(&g, tmp, data, len, "eval.xlsx"), 0);
	/* 资金执行: a header, then one row per project with 年初预算数 filled in. */
	const jx_grid_row *h = grid_row(&g, 1);
	assert_int_equal(h->n, 7);
	assert_string_equal(h->cells[4].text, "年初预算数");
	assert_string_equal(h->cells[6].text, "全年执行数");
	for (size_t i = 0; i < pkg->projects.n; i++) {
		const jx_grid_row *r = grid_row(&g, 2 + i);
		assert_string_equal(r->cells[1].text, pkg->projects.v[i].name);
		jx_decimal d;
		const char *t = r->cells[4].text;
		assert_int_equal(jx_decimal_parse(&d, t, strlen(t)), (int)strlen(t));
		int64_t fen;
		jx_money_unit u = jx_money_unit_parse(r->cells[3].text);
		assert_int_equal(jx_decimal_to_fen(&d, jx_money_unit_fen_per(u), &fen), 0);
		assert_int_equal(fen, pkg->projects.v[i].amount.fen);
		assert_string_equal(r->cells[6].text, "");
	}
	/* Then the department as a whole, with its 资金总额. */
	const jx_grid_row *ov = grid_row(&g, 2 + pkg->projects.n);
	assert_string_equal(ov->cells[1].text, JX_EVAL_OVERALL_NAME);
	assert_string_equal(ov->cells[3].text, "万元");
	assert_string_equal(ov->cells[4].text, "118.60"); /* shown with the 0.00 format of the input cells */
	/* 指标完成: every indicator with its target. */
	size_t k = 0;
	while (k < g.rows.n && !(g.rows.v[k].n > 6 && !strcmp(g.rows.v[k].cells[6].text, "实际完成值")))
		k++;
	assert_true(k < g.rows.n);
	size_t n = 0;
	for (size_t i = 0; i < pkg->projects.n; i++)
		for (size_t j = 0; j < pkg->projects.v[i].indicators.n; j++, n++) {
			const jx_grid_row *r = grid_row(&g, k + 1 + n);
			assert_string_equal(r->cells[1].text, pkg->projects.v[i].name);
			assert_string_equal(r->cells[4].text, pkg->projects.v[i].indicators.v[j].name);
			assert_string_equal(r->cells[5].text, pkg->projects.v[i].indicators.v[j].value.text);
		}
	assert_true(n >= 15);
	for (size_t j = 0; j < pkg->overall.indicators.n; j++, n++) {
		const jx_grid_row *r = grid_row(&g, k + 1 + n);
		assert_string_equal(r->cells[1].text, JX_EVAL_OVERALL_NAME);
		assert_string_equal(r->cells[4].text, pkg->overall.indicators.v[j].name);
	}
	assert_int_equal(pkg->overall.indicators.n, 8);
	/* Unfilled: no actuals, a clear error. */
	jx_actuals *act = NULL;
	assert_int_equal(jx_actuals_from_grid(&act, &g, "eval.xlsx"), JX_EINVAL);
	assert_non_null(strstr(jx_error_last(), "还没有填写"));
	jx_pkg_free(tmp);
	free(data);
	jx_pkg_free(pkg);
}

static double num(const jx_amount *a, int64_t per)
{
	char buf[48];
	return strtod(jx_sheet_money_text(a->fen, per, 0, buf), NULL);
}

/* The eval template filled with the example actuals (written here as a person would: numbers as numbers). */
static void write_filled_eval(const char *path, const jx_pkg *pkg, const jx_actuals *act)
{
	lxw_workbook *wb = workbook_new(path);
	lxw_worksheet *m = workbook_add_worksheet(wb, "资金执行");
	lxw_worksheet *s = workbook_add_worksheet(wb, "指标完成");
	worksheet_merge_range(m, 0, 0, 0, 6, "青山县残疾人联合会2025年项目支出实际完成情况（绩效自评填报）", NULL);
	static const char *const mh[] = {"序号", "项目名称", "项目编码", "金额单位", "年初预算数", "全年预算数", "全年执行数"};
	for (lxw_col_t c = 0; c < 7; c++)
		worksheet_write_string(m, 1, c, mh[c], NULL);
	for (size_t i = 0; i < act->projects.n; i++) {
		const jx_actual_project *p = &act->projects.v[i];
		lxw_row_t r = (lxw_row_t)(2 + i);
		jx_money_unit u = p->budget.present ? p->budget.unit : JX_MU_WANYUAN;
		int64_t per = jx_money_unit_fen_per(u);
		worksheet_write_number(m, r, 0, (double)(i + 1), NULL);
		worksheet_write_string(m, r, 1, p->name, NULL);
		worksheet_write_string(m, r, 3, jx_money_unit_name(u), NULL);
		/* A project of the package, or the department as a whole (its 资金总额). */
		const jx_amount *amount = NULL;
		for (size_t j = 0; j < pkg->projects.n; j++)
			if (!strcmp(pkg->projects.v[j].name, p->name))
				amount = &pkg->projects.v[j].amount;
		if (!strcmp(p->name, JX_EVAL_OVERALL_NAME))
			amount = &pkg->overall.total;
		assert_non_null(amount);
		worksheet_write_number(m, r, 4, num(p->budget_initial.present ? &p->budget_initial : amount, per), NULL);
		if (p->budget.present)
			worksheet_write_number(m, r, 5, num(&p->budget, per), NULL);
		if (p->spent.present)
			worksheet_write_number(m, r, 6, num(&p->spent, per), NULL);
	}
	static const char *const ih[] = {"序号", "项目名称", "一级指标", "二级指标", "三级指标", "年度指标值",
					 "实际完成值", "完成等级", "分值", "得分", "偏差原因分析及改进措施"};
	worksheet_merge_range(s, 0, 0, 0, 10, "青山县残疾人联合会2025年项目支出实际完成情况（绩效自评填报）", NULL);
	for (lxw_col_t c = 0; c < 11; c++)
		worksheet_write_string(s, 1, c, ih[c], NULL);
	lxw_row_t r = 2;
	for (size_t i = 0; i < act->projects.n; i++)
		for (size_t j = 0; j < act->projects.v[i].indicators.n; j++, r++) {
			const jx_actual_ind *ind = &act->projects.v[i].indicators.v[j];
			worksheet_write_number(s, r, 0, r - 1, NULL);
			worksheet_write_string(s, r, 1, act->projects.v[i].name, NULL);
			worksheet_write_string(s, r, 4, ind->name, NULL);
			worksheet_write_string(s, r, 5, "（目标）", NULL);
			if (ind->has_actual)
				worksheet_write_string(s, r, 6, ind->actual.text, NULL);
			if (ind->level)
				worksheet_write_string(s, r, 7, jx_level_zh(ind->level), NULL);
			char buf[32];
			if (ind->has_weight)
				worksheet_write_number(s, r, 8, strtod(jx_decimal_format(&ind->weight, buf), NULL), NULL);
			if (ind->has_score)
				worksheet_write_number(s, r, 9, strtod(jx_decimal_format(&ind->score, buf), NULL), NULL);
			if (ind->reason)
				worksheet_write_string(s, r, 10, ind->reason, NULL);
		}
	assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
}

static void test_eval_filled_scores(void **state)
{
	(void)state;
	jx_pkg *pkg = example();
	/* The example's actuals and the department as a whole (test_eval.c: test_overall). */
	jx_actuals *json = NULL;
	assert_int_equal(jx_actuals_load(&json, JX_FIXTURES_DIR "/eval/example-overall-actuals.json"), 0);
	char *path = tmp_path("eval");
	write_filled_eval(path, pkg, json);
	size_t len = 0;
	char *data = tu_read_file(path, &len);
	unlink(path);
	free(path);
	jx_actuals *x = NULL;
	if (jx_actuals_from_xlsx(&x, data, len, "filled-eval.xlsx"))
		fail_msg("%s", jx_error_last());
	free(data);
	assert_int_equal(x->year, 2025);
	assert_int_equal(x->projects.n, json->projects.n);
	for (size_t i = 0; i < json->projects.n; i++) {
		const jx_actual_project *a = &json->projects.v[i], *b = &x->projects.v[i];
		assert_string_equal(a->name, b->name);
		assert_int_equal(a->spent.fen, b->spent.fen);
		assert_int_equal(a->budget.fen, b->budget.fen);
		assert_int_equal(b->budget_initial.present, true);
		assert_int_equal(a->indicators.n, b->indicators.n);
		for (size_t j = 0; j < a->indicators.n; j++) {
			const jx_actual_ind *p = &a->indicators.v[j], *q = &b->indicators.v[j];
			assert_string_equal(p->name, q->name);
			assert_int_equal(p->has_actual, q->has_actual);
			if (p->has_actual)
				assert_string_equal(p->actual.text, q->actual.text);
			assert_int_equal(p->level, q->level);
			assert_int_equal(p->has_score, q->has_score);
			if (p->has_score)
				assert_int_equal(jx_decimal_cmp(&p->score, &q->score), 0);
			assert_int_equal(p->reason != NULL, q->reason != NULL);
			if (p->reason)
				assert_string_equal(p->reason, q->reason);
			assert_int_equal(q->src.page, 2);
		}
	}
	/* The same scores as from the JSON. */
	jx_eval_config cfg;
	jx_eval_config_init(&cfg);
	jx_evaluation *e1 = NULL, *e2 = NULL;
	assert_int_equal(jx_eval(&e1, pkg, json, &cfg), 0);
	if (jx_eval(&e2, pkg, x, &cfg))
		fail_msg("%s", jx_error_last());
	assert_int_equal(e1->projects.n, e2->projects.n);
	assert_int_equal(e1->projects.n, 4);
	for (size_t i = 0; i < e1->projects.n; i++) {
		assert_int_equal(jx_decimal_cmp(&e1->projects.v[i].total, &e2->projects.v[i].total), 0);
		assert_string_equal(e1->projects.v[i].grade, e2->projects.v[i].grade);
		assert_int_equal(e1->projects.v[i].overall, e2->projects.v[i].overall);
	}
	assert_true(e2->projects.v[3].overall);
	assert_string_equal(e2->projects.v[3].grade, "良");
	assert_int_equal(jx_decimal_cmp(&e1->average, &e2->average), 0);
	jx_evaluation_free(e1);
	jx_evaluation_free(e2);
	jx_actuals_free(x);
	jx_actuals_free(json);
	jx_pkg_free(pkg);
}

static void test_eval_bad_cells(void **state)
{
	(void)state;
	jx_pkg *tmp = jx_pkg_new();
	jx_grid g = {.arena = tmp->arena, .file = "x.xlsx", .layout = JX_LAYOUT_CELLS};
	static const char *const head[] = {"序号", "项目名称", "三级指标", "实际完成值", "完成等级", "分值", "得分", "偏差原因分析及改进措施"};
	static const char *const row[] = {"1", "项目甲", "人数", "", "差不多", "", "", ""};
	for (int r = 0; r < 2; r++) {
		jx_grid_row *gr = jx_vec_push(tmp->arena, &g.rows);
		gr->n = 8;
		gr->cells = jx_arena_calloc(tmp->arena, 8, sizeof *gr->cells);
		gr->src = (jx_src){"x.xlsx", 2, (uint32_t)r + 1, 0, 0};
		for (size_t k = 0; k < 8; k++) {
			gr->cells[k].text = r ? row[k] : head[k];
			gr->cells[k].src = gr->src;
		}
	}
	jx_actuals *a = NULL;
	assert_int_equal(jx_actuals_from_grid(&a, &g, "x.xlsx"), JX_EPARSE);
	assert_string_equal(jx_error_last(),
			    "x.xlsx:2（第2个工作表）: 完成等级只能是 达成年度指标、部分达成并具有一定效果 或 未达成且效果较差，而不是“差不多”");
	g.rows.n = 1; /* a header with nothing under it */
	g.rows.v[0].cells[3].text = "其他";
	assert_int_equal(jx_actuals_from_grid(&a, &g, "x.xlsx"), JX_EFORMAT);
	jx_pkg_free(tmp);
	/* A package is not actuals. */
	char *pkgdata = NULL;
	size_t len = 0;
	assert_int_equal(jx_template_targets_xlsx(2025, &pkgdata, &len), 0);
	assert_int_equal(jx_actuals_from_xlsx(&a, pkgdata, len, "t.xlsx"), JX_EFORMAT);
	free(pkgdata);
}

static const struct CMUnitTest tests[] = {
	cmocka_unit_test(test_targets_template_xml),
	cmocka_unit_test(test_targets_template_empty_import),
	cmocka_unit_test(test_targets_filled_import),
	cmocka_unit_test(test_eval_template),
	cmocka_unit_test(test_eval_filled_scores),
	cmocka_unit_test(test_eval_bad_cells),
};

int main(void) { return cmocka_run_group_tests(tests, NULL, NULL); }
