/* test_rec_narrative.c: 情况说明 statements with their amounts, shares, changes and counts; the 概况 overview. */
#include <stdlib.h>
#include <string.h>

#include "jx/import.h"
#include "recognise/recognise.h"
#include "util/arena.h"
#include "testutil.h"

/* Builds a PDF-text grid by hand (one row per non-empty line, cells split on spaces as the reader does), so the
 * recogniser is tested on its own while the reader is written. */
static jx_pkg *recognise_pdf_with(const char *text, bool targets_first)
{
	jx_pkg *pkg = jx_pkg_new();
	assert_non_null(pkg);
	jx_grid *g = jx_arena_zalloc(pkg->arena, sizeof *g);
	assert_non_null(g);
	g->arena = pkg->arena;
	g->file = "t.txt";
	g->layout = JX_LAYOUT_PDF_TEXT;
	size_t nl = 1;
	for (const char *p = text; *p; p++)
		nl += *p == '\n';
	g->lines = jx_arena_calloc(pkg->arena, nl, sizeof *g->lines);
	const char *p = text;
	uint32_t line = 0;
	while (*p) {
		const char *e = strchr(p, '\n');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		char *s = jx_arena_strndup(pkg->arena, p, len);
		g->lines[line++] = s;
		size_t b = 0;
		while (b < len && s[b] == ' ')
			b++;
		if (b < len) {
			jx_grid_row *row = jx_vec_push(pkg->arena, &g->rows);
			size_t nc = 1;
			for (size_t i = b; i < len; i++)
				nc += s[i] == ' ';
			row->cells = jx_arena_calloc(pkg->arena, nc, sizeof *row->cells);
			row->src = (jx_src){"t.txt", 0, line, (uint32_t)b + 1, 0};
			row->paragraph = nc == 1;
			const char *c = s + b;
			for (size_t k = 0; k < nc; k++) {
				const char *t = strchr(c, ' ');
				size_t cl = t ? (size_t)(t - c) : strlen(c);
				row->cells[k].text = jx_arena_strndup(pkg->arena, c, cl);
				row->cells[k].src = (jx_src){"t.txt", 0, line, (uint32_t)(c - s) + 1, (uint32_t)cl};
				c = t ? t + 1 : c + cl;
			}
			row->n = nc;
		}
		p = e ? e + 1 : p + len;
	}
	g->nlines = line;
	jx_rec_ctx ctx = {pkg, g, jx_arena_calloc(pkg->arena, g->rows.n + 1, 1)};
	if (targets_first) /* as in jx_recognise_all: the target tables are claimed before the prose is read */
		assert_int_equal(jx_rec_pdf_targets(&ctx), 0);
	assert_int_equal(jx_rec_narrative(&ctx), 0);
	return pkg;
}

static jx_pkg *recognise_pdf(const char *text)
{
	return recognise_pdf_with(text, false);
}

static jx_pkg *seed004_direct(bool targets_first)
{
	char *path = tu_seed_path("004");
	char *text = tu_read_file(path, NULL);
	jx_pkg *pkg = recognise_pdf_with(text, targets_first);
	free(text);
	free(path);
	return pkg;
}

static const jx_statement *find_stmt(const jx_pkg *pkg, const char *section, size_t nth)
{
	for (size_t i = 0; i < pkg->statements.n; i++)
		if (pkg->statements.v[i].section && strcmp(pkg->statements.v[i].section, section) == 0 && nth-- == 0)
			return &pkg->statements.v[i];
	fail_msg("no statement under %s", section);
	return NULL;
}

static void expect_amount(const jx_fact *f, const char *label, int64_t fen, uint32_t line)
{
	if (f->kind != JX_FACT_AMOUNT || !f->amount.present || f->amount.fen != fen || f->src.line != line ||
	    strcmp(f->label ? f->label : "", label) != 0 || strcmp(f->unit, "万元") != 0)
		fail_msg("amount fact %s: kind %d fen %lld line %u label %s", label, f->kind, (long long)f->amount.fen,
			 f->src.line, f->label ? f->label : "-");
}

static void expect_percent(const jx_fact *f, const char *label, int64_t digits, int32_t scale, uint32_t line)
{
	if (f->kind != JX_FACT_PERCENT || f->number.digits != digits || f->number.scale != scale ||
	    f->src.line != line || strcmp(f->label ? f->label : "", label) != 0 || strcmp(f->unit, "%") != 0)
		fail_msg("percent fact %s: kind %d %lld/%d line %u label %s", label, f->kind, (long long)f->number.digits,
			 f->number.scale, f->src.line, f->label ? f->label : "-");
}

static void expect_count(const jx_fact *f, const char *label, int64_t n, const char *unit)
{
	if (f->kind != JX_FACT_COUNT || f->number.digits != n || f->number.scale != 0 ||
	    strcmp(f->label ? f->label : "", label) != 0 || strcmp(f->unit, unit) != 0)
		fail_msg("count fact %s: kind %d %lld label %s unit %s", label, f->kind, (long long)f->number.digits,
			 f->label ? f->label : "-", f->unit);
}

static void check_income(const jx_pkg *pkg)
{
	const jx_statement *s = find_stmt(pkg, "二、收入预算情况说明", 0);
	assert_int_equal(s->src.line, 787);
	assert_true(strstr(s->text, "主要包括一般公共预算拨款收入1,632.76万元，占90.40%") != NULL); /* joined */
	assert_int_equal(s->facts.n, 13);
	expect_amount(&s->facts.v[0], "预算收入", 1806230000, 787);
	assert_string_equal(s->facts.v[0].amount.text, "1,806.23");
	expect_amount(&s->facts.v[1], "一般公共预算拨款收入", 1632760000, 789);
	expect_percent(&s->facts.v[2], "一般公共预算拨款收入", 9040, 2, 789);
	expect_amount(&s->facts.v[3], "政府性基金预算拨款收入", 167660000, 789);
	expect_percent(&s->facts.v[4], "政府性基金预算拨款收入", 928, 2, 791);
	expect_amount(&s->facts.v[5], "国有资本经营预算拨款收入", 0, 791);
	expect_percent(&s->facts.v[6], "国有资本经营预算拨款收入", 0, 0, 791);
	expect_amount(&s->facts.v[11], "上年结转", 5810000, 793);
	expect_percent(&s->facts.v[12], "上年结转", 32, 2, 793);
	assert_string_equal(s->facts.v[12].text, "占0.32%");
}

static void check_spending(const jx_pkg *pkg)
{
	const jx_statement *s = find_stmt(pkg, "三、支出预算情况说明", 0);
	assert_int_equal(s->facts.n, 5);
	expect_amount(&s->facts.v[0], "支出预算", 1806230000, 797);
	expect_amount(&s->facts.v[1], "基本支出", 294840000, 797);
	expect_percent(&s->facts.v[2], "基本支出", 1632, 2, 799);
	expect_amount(&s->facts.v[3], "项目支出", 1511390000, 799);
	expect_percent(&s->facts.v[4], "项目支出", 8368, 2, 799);
}

static void check_changes(const jx_pkg *pkg)
{
	const jx_statement *s = find_stmt(pkg, "一、部门预算收支数据变动情况及原因", 0);
	assert_int_equal(s->facts.n, 10);
	const jx_fact *f = &s->facts.v[3];
	assert_int_equal(f->kind, JX_FACT_CHANGE);
	assert_int_equal(f->sign, 1);
	assert_int_equal(f->amount.fen, 59630000);
	assert_string_equal(f->label, "预算收入总计");
	assert_string_equal(f->text, "比上年增加59.63万元");
	f = &s->facts.v[4];
	assert_int_equal(f->kind, JX_FACT_PERCENT);
	assert_int_equal(f->sign, 1);
	assert_int_equal(f->number.digits, 341);
	assert_string_equal(f->label, "预算收入总计");

	s = find_stmt(pkg, "（一）一般公共预算当年支出规模变化情况", 0);
	assert_int_equal(s->facts.n, 3);
	expect_amount(&s->facts.v[0], "一般公共预算当年支出", 1632760000, 816);
	f = &s->facts.v[1];
	assert_int_equal(f->kind, JX_FACT_CHANGE);
	assert_int_equal(f->sign, -1);
	assert_int_equal(f->amount.fen, 38630000);
	assert_int_equal(f->src.line, 818); /* "比上年减" ends line 816, "少38.63万元" is on 818 */
	assert_int_equal(s->facts.v[2].sign, -1);
	assert_int_equal(s->facts.v[2].number.digits, 231);
}

static void check_projects(const jx_pkg *pkg)
{
	const jx_statement *s = find_stmt(pkg, "2、项目绩效目标", 0);
	expect_count(&s->facts.v[0], "二级项目", 22, "个");
	assert_int_equal(s->facts.v[0].src.line, 875);
	expect_amount(&s->facts.v[1], "金额", 1511390000, 877);
	expect_count(&s->facts.v[2], "其他运转类项目", 1, "个");
	expect_count(&s->facts.v[4], "特定目标类项目", 21, "个");
	expect_count(&s->facts.v[6], "公开项目绩效目标", 22, "个");
	expect_percent(&s->facts.v[8], "部门（单位）项目支出总额", 100, 0, 881);
	s = find_stmt(pkg, "八、机关运行经费增减变动原因说明", 0);
	expect_count(&s->facts.v[0], "等", 1, "家");
}

static void check_assets(const jx_pkg *pkg)
{
	const jx_statement *s = find_stmt(pkg, "1、车辆情况：", 0);
	assert_int_equal(s->facts.n, 9); /* the date 2023年12月31日 is not a count */
	expect_count(&s->facts.v[0], "公务用车编制", 1, "辆");
	expect_count(&s->facts.v[8], "其他公务用车", 1, "辆");
	s = find_stmt(pkg, "2、房屋情况：", 0);
	assert_int_equal(s->facts.n, 1);
	expect_count(&s->facts.v[0], "办公用房建筑总面积", 13000, "平方米"); /* "13000平" / "方米" joined */
	assert_int_equal(s->facts.v[0].src.line, 3656);
	/* document numbers (晋财综(2023)43号) and codes (A0406) are not counts */
	s = find_stmt(pkg, "（一）政府购买服务指导性目录", 0);
	assert_int_equal(s->facts.n, 1);
	expect_amount(&s->facts.v[0], "政府购买服务指导性目录预算支出", 365500000, 3678);
	for (size_t i = 0; i < pkg->statements.n; i++)
		for (size_t j = 0; j < pkg->statements.v[i].facts.n; j++) {
			const char *u = pkg->statements.v[i].facts.v[j].unit;
			assert_true(strcmp(u, "年") != 0 && strcmp(u, "月") != 0 && strcmp(u, "日") != 0 &&
				    strcmp(u, "号") != 0);
		}
}

/* `alone`: only this recogniser ran. After the 申报表 recogniser, its 部门职责 and 内设职能部门数 (0个) come
 * first and the overview's differing count is noted instead. */
static void check_overview(const jx_pkg *pkg, bool alone)
{
	assert_true(strncmp(pkg->dept.duties.s, "协助县政府研究制定实施残疾人事业的法规、政策",
			    strlen("协助县政府研究制定实施残疾人事业的法规、政策")) == 0);
	if (alone) {
		assert_string_equal(pkg->dept.duties.s, "协助县政府研究制定实施残疾人事业的法规、政策，发展和管理残疾人事业。");
		assert_int_equal(pkg->dept.duties.src.line, 5);
		assert_int_equal(pkg->dept.internal_units, 5);
	} else {
		bool noted = false;
		for (size_t i = 0; i < pkg->notes.n; i++)
			noted |= strcmp(pkg->notes.v[i].code, "import.conflict") == 0 && pkg->notes.v[i].src.line == 9;
		assert_true(pkg->dept.internal_units == 5 || noted);
	}
	assert_true(strstr(pkg->dept.structure.s, "我单位内设办公室、康复科、维权科、组联科、劳动服务所5个股室。") != NULL);
	assert_int_equal(pkg->dept.structure.src.line, 9);
	assert_int_equal(pkg->dept.staff_actual, 20);
	assert_int_equal(pkg->dept.retired, 12);
	if (alone)
		assert_int_equal(pkg->dept.staff_authorized, -1); /* not stated in the prose */
}

static void check_regions(const jx_pkg *pkg)
{
	/* Statements only from prose: 18 in 情况说明 and the 12 entries of 名词解释; none from the tables (lines
	 * 16–768) or the target tables (888–3643). */
	assert_int_equal(pkg->statements.n, 30);
	size_t glossary = 0;
	for (size_t i = 0; i < pkg->statements.n; i++) {
		uint32_t l = pkg->statements.v[i].src.line;
		assert_true((l > 768 && l < 888) || (l > 3643 && l <= 3747));
		if (l > 3685) {
			assert_string_equal(pkg->statements.v[i].section, "第四部分 名词解释");
			glossary++;
		}
	}
	assert_int_equal(glossary, 12);
	assert_true(strncmp(pkg->statements.v[29].text, "十二、财政拨款：", strlen("十二、财政拨款：")) == 0);
}

static void check_all(const jx_pkg *pkg, bool alone)
{
	check_income(pkg);
	check_spending(pkg);
	check_changes(pkg);
	check_projects(pkg);
	check_assets(pkg);
	check_overview(pkg, alone);
	check_regions(pkg);
}

static void test_seed_direct(void **state)
{
	(void)state;
	jx_pkg *pkg = seed004_direct(false);
	check_all(pkg, true);
	jx_pkg_free(pkg);
}

/* With the rows of the target tables already claimed, the same statements come out. */
static void test_seed_after_targets(void **state)
{
	(void)state;
	jx_pkg *pkg = seed004_direct(true);
	check_all(pkg, false);
	jx_pkg_free(pkg);
}

/* The whole import path; skipped while the import is a placeholder. With the table recognisers in place, the
 * statements must be the same. */
static void test_seed_import(void **state)
{
	(void)state;
	char *path = tu_seed_path("004");
	jx_pkg *pkg = NULL;
	int rc = jx_import_file(&pkg, path, NULL);
	free(path);
	assert_int_equal(rc, 0);
	check_all(pkg, false);
	jx_pkg_free(pkg);
}

/* A report without part headings: the section heading alone opens the prose; a table title closes it. */
static void test_fixture_sections(void **state)
{
	(void)state;
	jx_pkg *pkg = recognise_pdf("某某文件\n"
				    "二、收入预算情况说明\n"
				    "本年收入合计 200.00万元，其中：一般公共预算拨款收入150万元，占75%；\n"
				    "单位资金50万元，占25%。\n"
				    "三、支出预算情况说明\n"
				    "支出比上年减少3.5万元，下降1.5%。\n"
				    "项目支出绩效目标表\n"
				    "二级项目 3 个 100万元\n"
				    "四、其他\n"
				    "全年开展活动12次。\n");
	assert_int_equal(pkg->statements.n, 3);
	const jx_statement *s = &pkg->statements.v[0];
	assert_string_equal(s->section, "二、收入预算情况说明");
	assert_int_equal(s->facts.n, 5);
	expect_amount(&s->facts.v[0], "本年收入合计", 200000000, 3);
	expect_amount(&s->facts.v[1], "一般公共预算拨款收入", 150000000, 3);
	expect_percent(&s->facts.v[2], "一般公共预算拨款收入", 75, 0, 3);
	expect_amount(&s->facts.v[3], "单位资金", 50000000, 4);
	expect_percent(&s->facts.v[4], "单位资金", 25, 0, 4);
	s = &pkg->statements.v[1];
	assert_int_equal(s->facts.n, 2);
	assert_int_equal(s->facts.v[0].kind, JX_FACT_CHANGE);
	assert_int_equal(s->facts.v[0].sign, -1);
	assert_int_equal(s->facts.v[0].amount.fen, 3500000);
	assert_string_equal(s->facts.v[0].label, "支出");
	assert_int_equal(s->facts.v[1].sign, -1);
	/* the table after its title is not prose; the next numbered section is */
	s = &pkg->statements.v[2];
	assert_string_equal(s->section, "四、其他");
	expect_count(&s->facts.v[0], "全年开展活动", 12, "次");
	jx_pkg_free(pkg);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_seed_direct),
		cmocka_unit_test(test_seed_after_targets),
		cmocka_unit_test(test_seed_import),
		cmocka_unit_test(test_fixture_sections),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
