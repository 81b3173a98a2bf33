/* test_rec_word.c: the Word-layout forms of seeds 000, 002 and 003, and our own example, through jx_import_file. */
#include <stdlib.h>
#include <string.h>

#include "jx/import.h"
#include "testutil.h"

static jx_pkg *import_seed(const char *prefix)
{
	char *path = tu_seed_path(prefix);
	jx_pkg *pkg = NULL;
	int rc = jx_import_file(&pkg, path, NULL);
	free(path);
	assert_int_equal(rc, 0);
	assert_non_null(pkg);
	return pkg;
}

struct ind {
	jx_level1 l1;
	jx_level2 l2;
	const char *name;
	jx_op op;
	int64_t digits;
	int32_t scale;
	const char *unit;
	jx_value_kind kind;
};

static void check_indicators(const jx_project *p, const struct ind *want, size_t n)
{
	if (p->indicators.n != n)
		fail_msg("%s: %zu indicators, expected %zu", p->name, p->indicators.n, n);
	for (size_t i = 0; i < n; i++) {
		const jx_indicator *d = &p->indicators.v[i];
		if (d->l1 != want[i].l1 || d->l2 != want[i].l2 || strcmp(d->name, want[i].name) != 0 ||
		    d->value.op != want[i].op || d->value.kind != want[i].kind ||
		    (want[i].unit && strcmp(d->value.unit, want[i].unit) != 0) ||
		    (d->value.has_number &&
		     (d->value.number.digits != want[i].digits || d->value.number.scale != want[i].scale)))
			fail_msg("%s indicator %zu (%s = %s): l1 %d l2 %d op %d kind %d number %lld/%d unit %s", p->name, i,
				 d->name, d->value.text, d->l1, d->l2, d->value.op, d->value.kind,
				 (long long)d->value.number.digits, d->value.number.scale, d->value.unit);
		assert_true(d->src.line > 0);
	}
}

static void test_seed_000(void **state)
{
	(void)state;
	jx_pkg *pkg = import_seed("000");
	assert_int_equal(pkg->projects.n, 12);
	assert_string_equal(pkg->dept.name, "乐亭县残疾人联合会");
	assert_string_equal(pkg->dept.code, "762001");
	assert_int_equal(pkg->year, 2024);
	static const struct {
		const char *code;
		int64_t fen;
	} amounts[12] = {{"13022524P00X0N010030U", 30410000}, {"13022524P00X0N010035X", 17000000},
		{"13022524P00X0N010036H", 3300000}, {"13022524P00415810004G", 15000000},
		{"13022524P00X0N0100279", 25000000}, {"13022524P00X0N010028W", 29040000},
		{"13022524P00X0N010042Y", 46450000}, {"13022524P00X0N010040P", 1900000},
		{"13022524P00X0N010029G", 3850000}, {"13022524P00X0N010041B", 4200000},
		{"13022524P00X0N0100375", 16620000}, {"13022524P00X0N010038Q", 13770000}};
	for (size_t i = 0; i < 12; i++) {
		const jx_project *p = &pkg->projects.v[i];
		assert_string_equal(p->code, amounts[i].code);
		assert_int_equal(p->amount.fen, amounts[i].fen);
		assert_int_equal(p->amount.unit, JX_MU_WANYUAN);
		assert_int_equal(p->amount.scale, 2);
		assert_int_equal(p->funding.n, 2);
		assert_string_equal(p->funding.v[0].source, "财政资金");
		assert_int_equal(p->funding.v[0].year.fen, amounts[i].fen);
		assert_false(p->funding.v[1].year.present);
		assert_int_equal(p->schedule.n, 4);
		assert_int_equal(p->schedule.v[0].month, 3);
		assert_int_equal(p->schedule.v[3].month, 12);
		assert_int_equal(p->schedule.v[3].percent.digits, 100);
		assert_non_null(p->goal_year.s);
		assert_true(p->indicators.n >= 6);
	}
	const jx_project *p1 = &pkg->projects.v[0];
	assert_string_equal(p1->name, "2023年市级残疾人事业发展补助资金—精准康复服务经费（唐财社[2023]19号）");
	assert_int_equal(p1->schedule.v[2].percent.digits, 70);
	assert_string_equal(p1->usage.s, "残疾人康复服务");
	static const struct ind want1[] = {
		{JX_L1_OUTPUT, JX_L2_QUANTITY, "残疾儿童康复训练比例", JX_OP_GE, 5, 0, "人", JX_KIND_COUNT},
		{JX_L1_OUTPUT, JX_L2_QUALITY, "残疾人康复服务质量", JX_OP_NONE, 100, 0, "%", JX_KIND_PERCENT},
		{JX_L1_OUTPUT, JX_L2_TIMELINESS, "及时率", JX_OP_LE, 12, 0, NULL, JX_KIND_DATE},
		{JX_L1_OUTPUT, JX_L2_COST, "成本指标", JX_OP_LE, 3041, 2, "万元", JX_KIND_MONEY},
		{JX_L1_EFFECT, JX_L2_SOCIAL, "残疾人的康复服务水平、覆盖率", JX_OP_GE, 98, 0, "%", JX_KIND_PERCENT},
		{JX_L1_SATISFACTION, JX_L2_SATISFACTION, "残疾人满意率", JX_OP_GE, 98, 0, "%", JX_KIND_PERCENT},
	};
	check_indicators(p1, want1, 6);
	assert_string_equal(p1->indicators.v[0].basis, "唐财社2023]19号");
	assert_string_equal(p1->indicators.v[3].desc, "财政投入");
	/* Project 7: the cost indicator 5.32万元 on a 46.45万元 project (the checker's business, imported as printed). */
	const jx_project *p7 = &pkg->projects.v[6];
	assert_string_equal(p7->name, "省级残疾人事业发展补助资金");
	assert_string_equal(p7->indicators.v[3].value.text, "5.32万元");
	assert_int_equal(p7->indicators.v[3].value.fen, 5320000);
	static const struct ind want2[] = {
		{JX_L1_OUTPUT, JX_L2_QUANTITY, "残疾人探访人数", JX_OP_GE, 6, 0, "人", JX_KIND_COUNT},
		{JX_L1_OUTPUT, JX_L2_QUALITY, "残疾人康复服务质量", JX_OP_GE, 95, 0, "%", JX_KIND_PERCENT},
		{JX_L1_OUTPUT, JX_L2_COST, "完成工作所需成本", JX_OP_NONE, 17, 0, "万元", JX_KIND_MONEY},
		{JX_L1_EFFECT, JX_L2_SOCIAL, "残疾人需求调查准确率", JX_OP_GE, 95, 0, "%", JX_KIND_PERCENT},
		{JX_L1_EFFECT, JX_L2_SOCIAL, "残疾人的康复服务水平、覆盖率", JX_OP_GE, 94, 0, "%", JX_KIND_PERCENT},
		{JX_L1_EFFECT, JX_L2_SOCIAL, "残疾人需求调查评估抽查核实准确", JX_OP_GE, 95, 0, "%", JX_KIND_PERCENT},
		{JX_L1_SATISFACTION, JX_L2_SATISFACTION, "服务群体满意度（%）", JX_OP_GE, 94, 0, "%", JX_KIND_PERCENT},
		{JX_L1_SATISFACTION, JX_L2_SATISFACTION, "贫困残疾人救助对象满意度", JX_OP_GE, 94, 0, "%", JX_KIND_PERCENT},
		{JX_L1_SATISFACTION, JX_L2_SATISFACTION, "残疾人或其家属对残疾人康复服务", JX_OP_GE, 92, 0, "%",
		 JX_KIND_PERCENT},
	};
	check_indicators(&pkg->projects.v[1], want2, 9);
	/* The cell split over blank lines in project 5 is read whole. */
	assert_string_equal(pkg->projects.v[4].indicators.v[1].name, "残疾人康复服务质量");
	assert_string_equal(pkg->projects.v[4].indicators.v[1].value.text, "≥95%");
	/* The overall targets in prose: three items with their amounts and goals. */
	assert_int_equal(pkg->overall.tasks.n, 3);
	assert_string_equal(pkg->overall.tasks.v[0].name, "残疾人工作经费");
	assert_int_equal(pkg->overall.tasks.v[0].total.fen, 15000000);
	assert_int_equal(pkg->overall.tasks.v[1].total.fen, 111790000);
	assert_int_equal(pkg->overall.tasks.v[2].total.fen, 29040000);
	assert_int_equal(pkg->overall.goals.n, 3);
	assert_string_equal(pkg->overall.goals.v[2].task, "残疾人意外伤害险");
	jx_pkg_free(pkg);
}

static void test_seed_002(void **state)
{
	(void)state;
	jx_pkg *pkg = import_seed("002");
	assert_string_equal(pkg->dept.name, "株洲市石峰区残疾人联合会");
	assert_null(pkg->dept.code);
	assert_int_equal(pkg->year, 2023);
	/* 附表1: the department-wide table. */
	const jx_overall *o = &pkg->overall;
	assert_true(o->present);
	assert_int_equal(o->total.fen, 388880000);
	assert_int_equal(o->budget.n, 5);
	assert_string_equal(o->budget.v[0].name, "一般公共预算拨款");
	assert_int_equal(o->budget.v[0].amount.fen, 388880000);
	assert_string_equal(o->budget.v[1].name, "基本支出");
	assert_int_equal(o->budget.v[1].amount.fen, 74670000);
	assert_string_equal(o->budget.v[3].name, "项目支出");
	assert_int_equal(o->budget.v[3].amount.fen, 314210000);
	assert_int_equal(o->tasks.n, 1);
	assert_int_equal(o->indicators.n, 6);
	assert_string_equal(o->indicators.v[0].value.text, "惠及500人");
	assert_int_equal(o->indicators.v[0].value.number.digits, 500);
	/* The satisfaction row sits under a blank level-1 cell after 效益指标: repaired and noted. */
	assert_int_equal(o->indicators.v[5].l1, JX_L1_SATISFACTION);
	assert_true(o->indicators.v[5].repairs & JX_REPAIR_L1_INFERRED);
	/* 附表2: the fund summary. */
	assert_int_equal(pkg->funds.n, 1);
	const jx_fund_summary *f = &pkg->funds.v[0];
	assert_int_equal(f->items.n, 5);
	assert_int_equal(f->total.fen, 314210000);
	static const int64_t items[5] = {23420000, 140000000, 68600000, 9000000, 73190000};
	int64_t sum = 0;
	for (size_t i = 0; i < 5; i++) {
		assert_int_equal(f->items.v[i].amount.fen, items[i]);
		sum += f->items.v[i].amount.fen;
	}
	assert_int_equal(sum, f->total.fen);
	assert_string_equal(f->items.v[2].name, "困难帮扶-残联专项");
	/* 附表3: five spending directions. */
	assert_int_equal(pkg->projects.n, 5);
	const jx_project *p0 = &pkg->projects.v[0];
	assert_string_equal(p0->name, "提退人员经费");
	assert_string_equal(p0->fund, "提退人员经费");
	assert_int_equal(p0->amount.fen, 23420000);
	assert_string_equal(p0->duration, "2023年度");
	static const struct ind want0[] = {
		{JX_L1_OUTPUT, JX_L2_QUANTITY, "提退休人员", JX_OP_NONE, 1, 0, "人", JX_KIND_COUNT},
		{JX_L1_OUTPUT, JX_L2_QUALITY, "无", JX_OP_NONE, 0, 0, NULL, JX_KIND_PLACEHOLDER},
		{JX_L1_OUTPUT, JX_L2_TIMELINESS, "完成时限", JX_OP_NONE, 0, 0, NULL, JX_KIND_DATE},
		{JX_L1_OUTPUT, JX_L2_COST, "年初预算数", JX_OP_NONE, 2145, 2, "万元", JX_KIND_MONEY},
		{JX_L1_EFFECT, JX_L2_ECONOMIC, "无直接经济效益", JX_OP_NONE, 0, 0, NULL, JX_KIND_PLACEHOLDER},
		{JX_L1_EFFECT, JX_L2_SOCIAL, "做好提退休人员的管理工作", JX_OP_NONE, 0, 0, NULL, JX_KIND_QUALITATIVE},
		{JX_L1_EFFECT, JX_L2_SUSTAINABLE, "为提退休人员做好服务工作", JX_OP_NONE, 0, 0, NULL, JX_KIND_QUALITATIVE},
		{JX_L1_SATISFACTION, JX_L2_SATISFACTION, "提高提退休人员对工作的满意度", JX_OP_NONE, 100, 0, "%",
		 JX_KIND_PERCENT},
	};
	check_indicators(p0, want0, 8);
	assert_string_equal(p0->indicators.v[0].standard, "计划标准");
	assert_int_equal(p0->lines.n, 1);
	assert_int_equal(p0->lines.v[0].amount.fen, 23420000);
	const jx_project *p1 = &pkg->projects.v[1];
	assert_string_equal(p1->name, "残疾人事业补助");
	assert_int_equal(p1->lines.n, 4);
	static const int64_t lines[4] = {13000000, 44000000, 43000000, 40000000};
	static const char *const names[4] = {"残疾人体育", "残疾人居家托养服务", "残疾人帮扶", "残疾儿童康复救助"};
	for (size_t i = 0; i < 4; i++) {
		assert_int_equal(p1->lines.v[i].amount.fen, lines[i]);
		assert_string_equal(p1->lines.v[i].name, names[i]);
	}
	assert_non_null(strstr(p1->lines.v[3].calc, "45名残疾儿童×1.5万元/人/年"));
	/* 业务性专项经费 has no 效益指标 row: its 社会效益指标 is repaired into 效益指标. */
	const jx_project *p3 = &pkg->projects.v[3];
	assert_string_equal(p3->name, "业务性专项经费");
	assert_int_equal(p3->indicators.v[3].l2, JX_L2_SOCIAL);
	assert_int_equal(p3->indicators.v[3].l1, JX_L1_EFFECT);
	assert_true(p3->indicators.v[3].repairs & JX_REPAIR_L1_INFERRED);
	assert_int_equal(p3->lines.n, 3);
	/* 经开区: lines printed with their own unit. */
	const jx_project *p4 = &pkg->projects.v[4];
	assert_int_equal(p4->lines.n, 3);
	assert_int_equal(p4->lines.v[0].amount.fen, 45000000);
	assert_int_equal(p4->lines.v[2].amount.fen, 3190000);
	size_t inferred = 0;
	for (size_t i = 0; i < pkg->notes.n; i++)
		inferred += strcmp(pkg->notes.v[i].code, "import.level1-inferred") == 0;
	assert_int_equal(inferred, 6);
	jx_pkg_free(pkg);
}

static void test_seed_003(void **state)
{
	(void)state;
	jx_pkg *pkg = import_seed("003");
	assert_int_equal(pkg->projects.n, 4);
	assert_string_equal(pkg->dept.name, "平罗县残疾人联合会");
	assert_int_equal(pkg->year, 2026);
	static const struct {
		const char *name;
		int64_t fen;
		size_t n;
	} want[4] = {{"政府长聘人员经费", 55332000, 14}, {"残疾人康复", 60000000, 10}, {"残疾人就业", 10000000, 9},
		{"残疾人就业保障金", 100000000, 10}};
	for (size_t i = 0; i < 4; i++) {
		const jx_project *p = &pkg->projects.v[i];
		assert_string_equal(p->name, want[i].name);
		assert_int_equal(p->amount.fen, want[i].fen);
		assert_int_equal(p->amount.unit, JX_MU_YUAN);
		assert_int_equal(p->indicators.n, want[i].n);
		assert_string_equal(p->attribute, "一年期项目");
		assert_string_equal(p->duration, "99年");
		assert_string_equal(p->supervisor, "平罗县残疾人联合会");
		assert_string_equal(p->implementer, "平罗县残疾人联合会本级");
		assert_string_equal(p->office, "社会保障室");
	}
	static const struct ind want0[] = {
		{JX_L1_OUTPUT, JX_L2_QUANTITY, "村残疾人联络员人数", JX_OP_LE, 144, 0, "人", JX_KIND_COUNT},
		{JX_L1_OUTPUT, JX_L2_QUANTITY, "社区残疾人联络员人数", JX_OP_LE, 29, 0, "人", JX_KIND_COUNT},
		{JX_L1_OUTPUT, JX_L2_QUANTITY, "乡镇残疾人专职委员人数", JX_OP_LE, 9, 0, "人", JX_KIND_COUNT},
		{JX_L1_OUTPUT, JX_L2_QUALITY, "提高服务残疾人工作覆盖面，优化办事流程", JX_OP_GE, 95, 0, "%",
		 JX_KIND_PERCENT},
		{JX_L1_OUTPUT, JX_L2_TIMELINESS, "项目完成时间", JX_OP_NONE, 0, 0, NULL, JX_KIND_DATE},
		{JX_L1_OUTPUT, JX_L2_COST, "村残疾人联络员补助", JX_OP_NONE, 172800, 0, NULL, JX_KIND_MONEY_PER_UNIT},
		{JX_L1_OUTPUT, JX_L2_COST, "大石头煤矿人员补助", JX_OP_NONE, 19200, 0, NULL, JX_KIND_MONEY_PER_UNIT},
		{JX_L1_OUTPUT, JX_L2_COST, "社区残疾人联络员补助", JX_OP_NONE, 52200, 0, NULL, JX_KIND_MONEY_PER_UNIT},
		{JX_L1_OUTPUT, JX_L2_COST, "乡镇残疾人专职委员工资", JX_OP_NONE, 309120, 0, NULL, JX_KIND_MONEY_PER_UNIT},
		{JX_L1_EFFECT, JX_L2_ECONOMIC, "无", JX_OP_NONE, 0, 0, NULL, JX_KIND_PLACEHOLDER},
		{JX_L1_EFFECT, JX_L2_SOCIAL, "提高服务残疾人工作覆盖面", JX_OP_NONE, 0, 0, NULL, JX_KIND_QUALITATIVE},
		{JX_L1_EFFECT, JX_L2_ECOLOGICAL, "无", JX_OP_NONE, 0, 0, NULL, JX_KIND_PLACEHOLDER},
		{JX_L1_EFFECT, JX_L2_SUSTAINABLE, "进一步推进基层残疾人组织建设", JX_OP_NONE, 0, 0, NULL, JX_KIND_PERIOD},
		{JX_L1_SATISFACTION, JX_L2_SATISFACTION, "被服务残疾人满意度", JX_OP_GE, 95, 0, "%", JX_KIND_PERCENT},
	};
	check_indicators(&pkg->projects.v[0], want0, 14);
	/* The four cost lines of project 1 add up to its amount: 172800 + 19200 + 52200 + 309120 = 553320. */
	int64_t sum = 0;
	for (size_t i = 5; i < 9; i++)
		sum += pkg->projects.v[0].indicators.v[i].value.fen;
	assert_int_equal(sum, pkg->projects.v[0].amount.fen);
	/* Project 4's second 社会效益 row continues both level cells. */
	const jx_indicator *d = &pkg->projects.v[3].indicators.v[6];
	assert_string_equal(d->name, "推动残疾人就业创业，提高残疾人生活水平。");
	assert_int_equal(d->l2, JX_L2_SOCIAL);
	assert_int_equal(pkg->notes.n, 0);
	jx_pkg_free(pkg);
}

static void test_example(void **state)
{
	(void)state;
	jx_pkg *pkg = NULL;
	assert_int_equal(jx_import_file(&pkg, JX_EXAMPLES_DIR "/qingshan-2025-targets.txt", NULL), 0);
	assert_string_equal(pkg->dept.name, "青山县残疾人联合会");
	assert_string_equal(pkg->dept.code, "301001");
	assert_int_equal(pkg->year, 2025);
	assert_int_equal(pkg->projects.n, 3);
	assert_int_equal(pkg->projects.v[0].amount.fen, 24000000);
	assert_int_equal(pkg->projects.v[0].indicators.n, 7);
	assert_int_equal(pkg->projects.v[2].schedule.v[1].percent.digits, 50);
	assert_int_equal(pkg->notes.n, 0);
	jx_pkg_free(pkg);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_seed_000),
		cmocka_unit_test(test_seed_002),
		cmocka_unit_test(test_seed_003),
		cmocka_unit_test(test_example),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
