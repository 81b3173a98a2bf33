/* test_check_rules.c: every rule fires on a small mutation of a clean package, and the clean package (and the
 * near misses) fire nothing. The base package, tests/fixtures/check/base.json, is consistent in every respect. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "check/check_int.h"
#include "jx/check.h"
#include "jx/json.h"
#include "testutil.h"
#include "util/arena.h"

static char *base_json;
static size_t base_len;

static jx_pkg *base(void)
{
	if (!base_json)
		base_json = tu_read_file(JX_FIXTURES_DIR "/check/base.json", &base_len);
	assert_non_null(base_json);
	jx_pkg *pkg = NULL;
	assert_int_equal(jx_pkg_from_json(&pkg, base_json, base_len, "base.json"), 0);
	return pkg;
}

static jx_report *run(jx_pkg *pkg, const jx_check_config *cfg)
{
	jx_report *r = jx_report_new();
	assert_non_null(r);
	assert_int_equal(jx_check(r, pkg, cfg), 0);
	return r;
}

static size_t count_rule(const jx_report *r, const char *id)
{
	size_t n = 0;
	for (size_t i = 0; i < jx_report_count(r); i++)
		n += !strcmp(jx_report_at(r, i)->rule->id, id);
	return n;
}

static void dump(const jx_report *r)
{
	for (size_t i = 0; i < jx_report_count(r); i++)
		fprintf(stderr, "  %s: %s\n", jx_report_at(r, i)->rule->id, jx_report_at(r, i)->message);
}

/* ---- mutation helpers ---- */

static jx_project *P(jx_pkg *pkg, size_t i) { return &pkg->projects.v[i]; }

static jx_indicator *ind_l2(jx_project *p, jx_level2 l2)
{
	for (size_t i = 0; i < p->indicators.n; i++)
		if (p->indicators.v[i].l2 == l2)
			return &p->indicators.v[i];
	fail_msg("no indicator of level 2 %d", (int)l2);
	return NULL;
}

static void set_value(jx_pkg *pkg, jx_indicator *ind, const char *text)
{
	assert_int_equal(jx_value_parse(&ind->value, text, strlen(text), pkg->arena), 0);
}

static void set_amount(jx_pkg *pkg, jx_amount *a, const char *text, jx_money_unit u)
{
	jx_src src = {"base.json", 0, 1, 0, 0};
	assert_int_equal(jx_amount_parse(pkg, a, text, strlen(text), u, src), 0);
}

static void drop_l2(jx_project *p, jx_level2 l2)
{
	size_t k = 0;
	for (size_t i = 0; i < p->indicators.n; i++)
		if (p->indicators.v[i].l2 != l2)
			p->indicators.v[k++] = p->indicators.v[i];
	p->indicators.n = k;
}

static void drop_l1(jx_project *p, jx_level1 l1)
{
	size_t k = 0;
	for (size_t i = 0; i < p->indicators.n; i++)
		if (p->indicators.v[i].l1 != l1)
			p->indicators.v[k++] = p->indicators.v[i];
	p->indicators.n = k;
}

static jx_table *T(jx_pkg *pkg, const char *id)
{
	for (size_t i = 0; i < pkg->tables.n; i++)
		if (!strcmp(pkg->tables.v[i].id, id))
			return &pkg->tables.v[i];
	fail_msg("no table %s", id);
	return NULL;
}

/* ---- the mutations, one per rule ---- */

#define M(name) static void name(jx_pkg *pkg)

M(m_no_amount) { P(pkg, 0)->amount.present = false; P(pkg, 0)->funding.n = 0; P(pkg, 0)->lines.n = 0; }
M(m_no_goal) { P(pkg, 0)->goal_year.s = NULL; P(pkg, 0)->goal_total.s = NULL; }
M(m_short_goal) { P(pkg, 0)->goal_year.s = "做好康复工作"; }
M(m_no_indicators) { P(pkg, 0)->indicators.n = 0; }
M(m_no_output)
{
	drop_l1(P(pkg, 0), JX_L1_OUTPUT);
}
M(m_no_effect) { drop_l1(P(pkg, 0), JX_L1_EFFECT); }
M(m_no_satisfaction) { drop_l1(P(pkg, 0), JX_L1_SATISFACTION); }
M(m_no_quantity) { drop_l2(P(pkg, 0), JX_L2_QUANTITY); }
M(m_no_quality) { drop_l2(P(pkg, 0), JX_L2_QUALITY); }
M(m_no_timeliness) { drop_l2(P(pkg, 0), JX_L2_TIMELINESS); }
M(m_no_cost) { drop_l2(P(pkg, 0), JX_L2_COST); }
M(m_no_value) { set_value(pkg, ind_l2(P(pkg, 0), JX_L2_QUALITY), ""); }
M(m_no_name) { ind_l2(P(pkg, 0), JX_L2_QUALITY)->name = ""; }
M(m_no_basis) { P(pkg, 1)->basis.n = 0; }
M(m_basis_no_doc) { P(pkg, 1)->basis.v[0].text = "上级安排"; }
M(m_no_field)
{
	/* Two of three projects give 实施单位: the form has the field, the third left it blank. */
	jx_project copy = *P(pkg, 1);
	jx_project *p = jx_vec_push(pkg->arena, &pkg->projects);
	*p = copy;
	p->name = "残疾人托养服务";
	P(pkg, 1)->implementer = NULL;
}
M(m_placeholder) { P(pkg, 0)->overview.s = "为XX名残疾儿童提供康复救助。"; }
M(m_term_conflict) { P(pkg, 0)->attribute = "一年期项目"; P(pkg, 0)->duration = "99年"; }
M(m_calc_no_numbers) { P(pkg, 0)->lines.v[0].calc = "根据实际需求测算"; }
M(m_overall_no_goal) { pkg->overall.goals.n = 0; pkg->overall.tasks.n = 0; pkg->overall.goal.s = NULL; }
M(m_overall_no_indicators) { pkg->overall.indicators.n = 0; }
M(m_unknown_l1)
{
	jx_indicator *i = ind_l2(P(pkg, 0), JX_L2_QUALITY);
	i->l1 = JX_L1_UNKNOWN;
	i->level1_text = "投入指标";
}
M(m_unknown_l2)
{
	jx_indicator *i = ind_l2(P(pkg, 0), JX_L2_QUALITY);
	i->l2 = JX_L2_UNKNOWN;
	i->level2_text = "过程指标";
}
M(m_wrong_parent)
{
	jx_indicator *i = ind_l2(P(pkg, 0), JX_L2_SOCIAL);
	i->l1 = JX_L1_OUTPUT;
	i->level1_text = "产出指标";
}
M(m_ocr)
{
	jx_indicator *i = ind_l2(P(pkg, 0), JX_L2_QUANTITY);
	i->repairs |= JX_REPAIR_L2_OCR;
	i->level2_text = "数量指程";
}
M(m_name_is_category) { ind_l2(P(pkg, 0), JX_L2_COST)->name = "成本指标"; }
M(m_duplicate_indicator)
{
	/* A second quality indicator with the same name as the first. */
	jx_project *p = P(pkg, 0);
	jx_indicator copy = *ind_l2(p, JX_L2_QUALITY);
	jx_indicator *n = jx_vec_push(pkg->arena, &p->indicators);
	*n = copy;
	set_value(pkg, n, "≥95%");
}
M(m_satisfaction_misplaced) { ind_l2(P(pkg, 0), JX_L2_SOCIAL)->name = "社会公众满意度"; set_value(pkg, ind_l2(P(pkg, 0), JX_L2_SOCIAL), "≥90%"); }
M(m_effect_misclassified)
{
	jx_indicator *i = ind_l2(P(pkg, 0), JX_L2_SOCIAL);
	i->l2 = JX_L2_ECONOMIC;
	i->level2 = "经济效益指标";
	i->name = "残疾人家庭的幸福感";
}
M(m_long_name) { ind_l2(P(pkg, 0), JX_L2_QUALITY)->name = "接受康复训练的残疾儿童在年度评估中功能改善达到标准的比率"; }
M(m_quantity_no_number) { set_value(pkg, ind_l2(P(pkg, 0), JX_L2_QUANTITY), "稳步提高"); }
M(m_rate_not_percent) { set_value(pkg, ind_l2(P(pkg, 0), JX_L2_QUALITY), "≥90人"); }
M(m_count_in_percent) { set_value(pkg, ind_l2(P(pkg, 0), JX_L2_QUANTITY), "100%"); }
M(m_quantity_in_percent)
{
	jx_indicator *i = ind_l2(P(pkg, 0), JX_L2_QUANTITY);
	i->name = "政策落实情况";
	set_value(pkg, i, "100%");
}
M(m_unit_mismatch) { set_value(pkg, ind_l2(P(pkg, 0), JX_L2_QUANTITY), "≥20户"); }
M(m_percent_over_100) { set_value(pkg, ind_l2(P(pkg, 0), JX_L2_QUALITY), "≥120%"); }
M(m_no_unit) { set_value(pkg, ind_l2(P(pkg, 0), JX_L2_QUANTITY), "≥20"); }
M(m_date_outside_year) { set_value(pkg, ind_l2(P(pkg, 0), JX_L2_TIMELINESS), "2026年6月底前"); }
M(m_measure_placeholder) { set_value(pkg, ind_l2(P(pkg, 0), JX_L2_QUALITY), "无"); }
M(m_le_on_quantity) { set_value(pkg, ind_l2(P(pkg, 0), JX_L2_QUANTITY), "≤20人"); }
M(m_ge_on_cost) { set_value(pkg, ind_l2(P(pkg, 0), JX_L2_COST), "≥12000元/人"); }
M(m_cost_not_money) { set_value(pkg, ind_l2(P(pkg, 0), JX_L2_COST), "控制在预算内"); }
M(m_satisfaction_low) { set_value(pkg, ind_l2(P(pkg, 0), JX_L2_SATISFACTION), "≥60%"); }
M(m_zero_target) { set_value(pkg, ind_l2(P(pkg, 0), JX_L2_QUANTITY), "≥0人"); }
M(m_timeliness_no_date) { set_value(pkg, ind_l2(P(pkg, 0), JX_L2_TIMELINESS), "及时完成"); }
M(m_funding_sum) { set_amount(pkg, &P(pkg, 1)->funding.v[1].year, "0.20", JX_MU_WANYUAN); }
M(m_period_below_year) { set_amount(pkg, &P(pkg, 0)->amount_total, "20.00", JX_MU_WANYUAN); }
M(m_schedule_decreasing) { P(pkg, 0)->schedule.v[2].percent = (jx_decimal){40, 0}; }
M(m_schedule_end) { P(pkg, 0)->schedule.v[3].percent = (jx_decimal){90, 0}; }
M(m_lines_sum) { set_amount(pkg, &P(pkg, 1)->lines.v[0].amount, "15.00", JX_MU_WANYUAN); P(pkg, 1)->lines.v[0].calc = "按实际"; }
M(m_count_times_standard) { P(pkg, 0)->overview.s = "为11名残疾儿童提供康复救助，补贴每人16000元，计190000元。"; }
M(m_parts_sum) { P(pkg, 1)->overview.s = "一是培训补贴30万元；二是场地租金7万元；三是教材23万元；共计71.52万元。"; }
M(m_cost_over_amount) { set_value(pkg, ind_l2(P(pkg, 1), JX_L2_COST), "≤18.00万元"); }
M(m_cost_below_amount) { set_value(pkg, ind_l2(P(pkg, 1), JX_L2_COST), "≤5.32万元"); }
M(m_unit_cost_product) { set_value(pkg, ind_l2(P(pkg, 0), JX_L2_QUANTITY), "≥25人"); }
M(m_task_sum) { set_amount(pkg, &pkg->overall.tasks.v[1].project, "20.00", JX_MU_WANYUAN); }
M(m_tasks_total) { set_amount(pkg, &pkg->overall.tasks.v[0].total, "70.00", JX_MU_WANYUAN); set_amount(pkg, &pkg->overall.tasks.v[0].basic, "70.00", JX_MU_WANYUAN); }
M(m_budget_split) { set_amount(pkg, &pkg->overall.budget.v[1].amount, "77.50", JX_MU_WANYUAN); }
M(m_fund_summary_sum)
{
	jx_fund_summary *f = jx_vec_push(pkg->arena, &pkg->funds);
	f->title = "专项资金绩效目标汇总表";
	set_amount(pkg, &f->total, "40.10", JX_MU_WANYUAN);
	jx_fund_item *a = jx_vec_push(pkg->arena, &f->items), *b = jx_vec_push(pkg->arena, &f->items);
	a->name = "康复";
	b->name = "培训";
	set_amount(pkg, &a->amount, "24.00", JX_MU_WANYUAN);
	set_amount(pkg, &b->amount, "15.10", JX_MU_WANYUAN);
}
M(m_rounding) { set_amount(pkg, &P(pkg, 1)->funding.v[0].year, "16.01", JX_MU_WANYUAN); }
M(m_staff_sum)
{
	pkg->dept.staff_actual = 20;
	pkg->dept.staff_on_books = 15;
	pkg->dept.staff_other = 4;
}
M(m_parent_sum) { set_amount(pkg, &T(pkg, "t3")->rows.v[4].amounts[0], "25.00", JX_MU_WANYUAN); set_amount(pkg, &T(pkg, "t3")->rows.v[4].amounts[2], "25.00", JX_MU_WANYUAN); }
M(m_total_row) { set_amount(pkg, &T(pkg, "t3")->rows.v[0].amounts[1], "78.00", JX_MU_WANYUAN); set_amount(pkg, &T(pkg, "t3")->rows.v[0].amounts[0], "118.10", JX_MU_WANYUAN); }
M(m_row_total) { set_amount(pkg, &T(pkg, "t3")->rows.v[5].amounts[0], "16.50", JX_MU_WANYUAN); }
M(m_balance)
{
	jx_table *t = jx_vec_push(pkg->arena, &pkg->tables);
	t->id = "t1";
	t->title = "2025年预算收支总表";
	t->unit = JX_MU_WANYUAN;
	jx_column *c0 = jx_vec_push(pkg->arena, &t->columns), *c1 = jx_vec_push(pkg->arena, &t->columns);
	c0->name = "金额";
	c1->name = "金额";
	c1->side = 1;
	const char *names[] = {"一般公共预算", "社会保障和就业支出", "收入总计", "支出总计"};
	const char *amts[] = {"118.60", "118.60", "118.60", "118.00"};
	for (int i = 0; i < 4; i++) {
		jx_row *r = jx_vec_push(pkg->arena, &t->rows);
		r->name = names[i];
		r->side = i % 2;
		r->kind = i >= 2 ? JX_ROW_TOTAL : JX_ROW_ITEM;
		r->amounts = jx_arena_calloc(pkg->arena, 2, sizeof *r->amounts);
		set_amount(pkg, &r->amounts[i % 2], amts[i], JX_MU_WANYUAN);
	}
}
M(m_cross)
{
	/* 项目支出表 says 41.10 in all; the 支出总表 says 40.10 for projects. */
	set_amount(pkg, &T(pkg, "t12")->rows.v[0].amounts[0], "41.10", JX_MU_WANYUAN);
}
M(m_code_orphan) { T(pkg, "t3")->rows.v[5].code = "2081205"; }
M(m_empty_with_data) { T(pkg, "t3")->note = "注：本表无数据"; }
M(m_narrative_amount) { set_amount(pkg, &pkg->statements.v[0].facts.v[1].amount, "78.00", JX_MU_WANYUAN); }
M(m_narrative_percent) { pkg->statements.v[0].facts.v[2].number = (jx_decimal){6200, 2}; }
M(m_narrative_parts)
{
	jx_statement *st = &pkg->statements.v[0];
	st->text = "项目支出40.10万元。其中：康复类项目涉及金额24.00万元；就业类项目涉及金额15.00万元。";
}
M(m_narrative_count) { pkg->statements.v[0].facts.v[5].number = (jx_decimal){3, 0}; }
M(m_duplicate_project) { P(pkg, 1)->name = P(pkg, 0)->name; }
M(m_copied_indicators)
{
	jx_project *a = P(pkg, 0), *b = P(pkg, 1);
	b->indicators = a->indicators;
}
M(m_project_amount) { set_amount(pkg, &T(pkg, "t12")->rows.v[2].amounts[0], "16.00", JX_MU_WANYUAN); set_amount(pkg, &T(pkg, "t12")->rows.v[0].amounts[0], "40.00", JX_MU_WANYUAN); }
M(m_project_missing) { T(pkg, "t12")->rows.v[2].name = "残疾人托养服务"; }
M(m_projects_over_total) { set_amount(pkg, &pkg->overall.budget.v[2].amount, "30.00", JX_MU_WANYUAN); }
M(m_stated_twice)
{
	pkg->overall.indicators.v[0].name = "救助儿童人数";
	set_value(pkg, &pkg->overall.indicators.v[0], "≥25人");
}
M(m_year_mismatch) { P(pkg, 0)->duration = "2024年度"; }
M(m_import_note)
{
	jx_src src = {"base.json", 0, 9, 0, 0};
	assert_int_equal(jx_pkg_note(pkg, JX_NOTE_INFO, "import.skipped", NULL, src, "第9行起的内容未能识别，已跳过"), 0);
}

typedef struct rcase {
	const char *rule;
	void (*mutate)(jx_pkg *);
} rcase;

static const rcase cases[] = {
	{"complete.no-amount", m_no_amount},
	{"complete.no-goal", m_no_goal},
	{"complete.short-goal", m_short_goal},
	{"complete.no-indicators", m_no_indicators},
	{"complete.no-output", m_no_output},
	{"complete.no-effect", m_no_effect},
	{"complete.no-satisfaction", m_no_satisfaction},
	{"complete.no-quantity", m_no_quantity},
	{"complete.no-quality", m_no_quality},
	{"complete.no-timeliness", m_no_timeliness},
	{"complete.no-cost", m_no_cost},
	{"complete.no-value", m_no_value},
	{"complete.no-name", m_no_name},
	{"complete.no-basis", m_no_basis},
	{"complete.basis-no-document", m_basis_no_doc},
	{"complete.no-field", m_no_field},
	{"complete.placeholder", m_placeholder},
	{"complete.term-conflict", m_term_conflict},
	{"complete.calc-no-numbers", m_calc_no_numbers},
	{"complete.overall-no-goal", m_overall_no_goal},
	{"complete.overall-no-indicators", m_overall_no_indicators},
	{"frame.unknown-level1", m_unknown_l1},
	{"frame.unknown-level2", m_unknown_l2},
	{"frame.wrong-parent", m_wrong_parent},
	{"frame.ocr-repaired", m_ocr},
	{"frame.name-is-category", m_name_is_category},
	{"frame.duplicate-indicator", m_duplicate_indicator},
	{"frame.satisfaction-misplaced", m_satisfaction_misplaced},
	{"frame.effect-misclassified", m_effect_misclassified},
	{"frame.long-name", m_long_name},
	{"measure.quantity-no-number", m_quantity_no_number},
	{"measure.rate-not-percent", m_rate_not_percent},
	{"measure.count-in-percent", m_count_in_percent},
	{"measure.quantity-in-percent", m_quantity_in_percent},
	{"measure.unit-mismatch", m_unit_mismatch},
	{"measure.percent-over-100", m_percent_over_100},
	{"measure.no-unit", m_no_unit},
	{"measure.date-outside-year", m_date_outside_year},
	{"measure.placeholder", m_measure_placeholder},
	{"measure.le-on-quantity", m_le_on_quantity},
	{"measure.ge-on-cost", m_ge_on_cost},
	{"measure.cost-not-money", m_cost_not_money},
	{"measure.satisfaction-low", m_satisfaction_low},
	{"measure.zero-target", m_zero_target},
	{"measure.timeliness-no-date", m_timeliness_no_date},
	{"calc.funding-sum", m_funding_sum},
	{"calc.period-below-year", m_period_below_year},
	{"calc.schedule-decreasing", m_schedule_decreasing},
	{"calc.schedule-end", m_schedule_end},
	{"calc.lines-sum", m_lines_sum},
	{"calc.count-times-standard", m_count_times_standard},
	{"calc.parts-sum", m_parts_sum},
	{"calc.cost-over-amount", m_cost_over_amount},
	{"calc.cost-below-amount", m_cost_below_amount},
	{"calc.unit-cost-product", m_unit_cost_product},
	{"calc.task-sum", m_task_sum},
	{"calc.tasks-total", m_tasks_total},
	{"calc.budget-split", m_budget_split},
	{"calc.fund-summary-sum", m_fund_summary_sum},
	{"calc.rounding", m_rounding},
	{"calc.staff-sum", m_staff_sum},
	{"table.parent-sum", m_parent_sum},
	{"table.total-row", m_total_row},
	{"table.row-total", m_row_total},
	{"table.balance", m_balance},
	{"table.cross", m_cross},
	{"table.code-orphan", m_code_orphan},
	{"table.empty-note-with-data", m_empty_with_data},
	{"table.narrative-amount", m_narrative_amount},
	{"table.narrative-percent", m_narrative_percent},
	{"table.narrative-parts", m_narrative_parts},
	{"table.narrative-count", m_narrative_count},
	{"pkg.duplicate-project", m_duplicate_project},
	{"pkg.copied-indicators", m_copied_indicators},
	{"pkg.project-amount", m_project_amount},
	{"pkg.project-missing", m_project_missing},
	{"pkg.projects-over-total", m_projects_over_total},
	{"pkg.stated-twice", m_stated_twice},
	{"pkg.year-mismatch", m_year_mismatch},
	{"pkg.import-note", m_import_note},
};

/* The clean package fires nothing: the non-trigger case of every rule. */
static void test_base_is_clean(void **state)
{
	(void)state;
	jx_pkg *pkg = base();
	jx_report *r = run(pkg, NULL);
	if (jx_report_count(r))
		dump(r);
	assert_int_equal(jx_report_count(r), 0);
	jx_report_free(r);
	jx_pkg_free(pkg);
}

/* Each mutation triggers its rule; and with that rule switched off, it no longer appears. */
static void test_each_rule_triggers(void **state)
{
	(void)state;
	size_t covered = 0;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		assert_non_null(jx_rule_find(cases[i].rule));
		jx_pkg *pkg = base();
		cases[i].mutate(pkg);
		jx_report *r = run(pkg, NULL);
		if (!count_rule(r, cases[i].rule)) {
			fprintf(stderr, "rule %s did not fire; findings:\n", cases[i].rule);
			dump(r);
		}
		assert_true(count_rule(r, cases[i].rule) > 0);
		jx_report_free(r);
		jx_check_config *cfg = jx_check_config_new();
		assert_int_equal(jx_check_config_set(cfg, "rules", cases[i].rule, "off"), 0);
		r = run(pkg, cfg);
		assert_int_equal(count_rule(r, cases[i].rule), 0);
		jx_report_free(r);
		jx_check_config_free(cfg);
		jx_pkg_free(pkg);
		covered++;
	}
	/* Every rule of the registry has its case. */
	for (size_t k = 0; k < jx_rule_count(); k++) {
		bool found = false;
		for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
			found |= !strcmp(cases[i].rule, jx_rule_at(k)->id);
		if (!found)
			fail_msg("rule %s has no test case", jx_rule_at(k)->id);
	}
	assert_int_equal(covered, jx_rule_count());
}

/* Near misses that must not fire. */
static void test_near_misses(void **state)
{
	(void)state;
	jx_pkg *pkg = base();
	/* A growth rate may exceed 100%; an upper bound on a cost is right; 0 as an upper bound is fine. */
	jx_indicator *q = ind_l2(P(pkg, 1), JX_L2_QUALITY);
	q->name = "就业人数增长率";
	set_value(pkg, q, "≥120%");
	set_value(pkg, ind_l2(P(pkg, 0), JX_L2_TIMELINESS), "2025年6至11月");
	/* Monthly standard × 12 months = total is right. */
	P(pkg, 0)->goal_total.s = "为10名残疾人发放补贴，每人每月100元，计12000元。";
	/* 效率 is not a rate. */
	ind_l2(P(pkg, 0), JX_L2_QUALITY)->name = "康复训练工作效率";
	set_value(pkg, ind_l2(P(pkg, 0), JX_L2_QUALITY), "有效提高");
	jx_report *r = run(pkg, NULL);
	assert_int_equal(count_rule(r, "measure.percent-over-100"), 0);
	assert_int_equal(count_rule(r, "measure.date-outside-year"), 0);
	assert_int_equal(count_rule(r, "calc.count-times-standard"), 0);
	assert_int_equal(count_rule(r, "measure.rate-not-percent"), 0);
	jx_report_free(r);
	jx_pkg_free(pkg);
}

/* Rounding: 0.01万元 off across two parts is info; in 元 there is no slack; strict makes it an error. */
static void test_rounding(void **state)
{
	(void)state;
	jx_pkg *pkg = base();
	m_rounding(pkg);
	jx_report *r = run(pkg, NULL);
	assert_int_equal(count_rule(r, "calc.rounding"), 1);
	assert_int_equal(count_rule(r, "calc.funding-sum"), 0);
	assert_int_equal(jx_report_count_severity(r, JX_SEV_ERROR), 0);
	jx_report_free(r);
	jx_check_config *cfg = jx_check_config_new();
	assert_int_equal(jx_check_config_set(cfg, "tolerance", "rounding", "strict"), 0);
	r = run(pkg, cfg);
	assert_int_equal(count_rule(r, "calc.funding-sum"), 1);
	jx_report_free(r);
	jx_check_config_free(cfg);
	jx_pkg_free(pkg);

	pkg = base();
	/* The same 1-unit difference printed in 元 is an error. */
	set_amount(pkg, &P(pkg, 1)->amount, "161000", JX_MU_YUAN);
	set_amount(pkg, &P(pkg, 1)->funding.v[0].year, "160001", JX_MU_YUAN);
	set_amount(pkg, &P(pkg, 1)->funding.v[1].year, "1000", JX_MU_YUAN);
	r = run(pkg, NULL);
	assert_int_equal(count_rule(r, "calc.funding-sum"), 1);
	const jx_finding *f = NULL;
	for (size_t i = 0; i < jx_report_count(r); i++)
		if (!strcmp(jx_report_at(r, i)->rule->id, "calc.funding-sum"))
			f = jx_report_at(r, i);
	assert_non_null(f);
	assert_true(f->numeric);
	assert_int_equal(f->expected.digits, 16100100); /* 161001.00 yuan */
	assert_int_equal(f->actual.digits, 16100000);
	jx_report_free(r);
	jx_pkg_free(pkg);
}

static void test_config(void **state)
{
	(void)state;
	jx_check_config *cfg = jx_check_config_new();
	assert_int_equal(jx_check_config_set(cfg, "rules", "measure", "error"), 0);
	assert_int_equal(jx_check_config_severity(cfg, jx_rule_find("measure.le-on-quantity")), JX_SEV_ERROR);
	assert_int_equal(jx_check_config_set(cfg, "rules", "calc.rounding", "关闭"), 0);
	assert_int_equal(jx_check_config_severity(cfg, jx_rule_find("calc.rounding")), JX_SEV_OFF);
	assert_int_not_equal(jx_check_config_set(cfg, "rules", "no.such-rule", "off"), 0);
	assert_int_not_equal(jx_check_config_set(cfg, "rules", "calc.rounding", "loud"), 0);
	assert_int_not_equal(jx_check_config_set(cfg, "tolerance", "cost-share-min", "150"), 0);
	assert_int_not_equal(jx_check_config_set(cfg, "colours", "x", "y"), 0);
	/* A file with an error names its line. */
	char path[] = "/tmp/jx-check-config-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	FILE *f = fdopen(fd, "w");
	fputs("[rules]\ncalc.rounding = off\n[tolerance]\nsatisfaction-min = 85\nbogus = 1\n", f);
	fclose(f);
	assert_int_equal(jx_check_config_load(cfg, path), JX_EPARSE);
	assert_non_null(strstr(jx_error_last(), ":5:"));
	assert_int_equal(cfg->satisfaction_min, 85);
	remove(path);
	assert_int_equal(jx_check_config_load(cfg, "/nonexistent/jx.ini"), JX_EIO);
	jx_check_config_free(cfg);
}

static void test_registry(void **state)
{
	(void)state;
	assert_true(jx_rule_count() >= 50);
	for (size_t i = 0; i < jx_rule_count(); i++) {
		const jx_rule *r = jx_rule_at(i);
		assert_ptr_equal(jx_rule_find(r->id), r);
		assert_non_null(jx_family_title(r->family));
		/* Every rule has its page, built in from docs/rules/<id>.md, with the sections users rely on. */
		const char *doc = jx_rule_doc(r);
		if (!doc)
			fail_msg("rule %s has no docs/rules page", r->id);
		assert_non_null(strstr(doc, "## 检查什么"));
		assert_non_null(strstr(doc, "## 示例"));
		assert_non_null(strstr(doc, "## 如何修改"));
		assert_int_equal(strncmp(r->id, r->family, strlen(r->family)), 0);
		for (size_t k = 0; k < i; k++)
			assert_string_not_equal(jx_rule_at(k)->id, r->id);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_registry),
		cmocka_unit_test(test_base_is_clean),
		cmocka_unit_test(test_each_rule_triggers),
		cmocka_unit_test(test_near_misses),
		cmocka_unit_test(test_rounding),
		cmocka_unit_test(test_config),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	free(base_json);
	return rc;
}
