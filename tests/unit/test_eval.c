/* test_eval.c: the self-evaluation reproduces scores worked out by hand, for each indicator kind and each edge, and
 * refuses bad actuals with a message instead of scoring them as zero. The package is the clean fixture
 * tests/fixtures/check/base.json (2025; 残疾儿童康复救助 24.00万元 and 残疾人职业技能培训 16.10万元). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "jx/eval.h"
#include "jx/import.h"
#include "jx/json.h"
#include "testutil.h"

static jx_pkg *base(void)
{
	size_t len = 0;
	char *json = tu_read_file(JX_FIXTURES_DIR "/check/base.json", &len);
	assert_non_null(json);
	jx_pkg *pkg = NULL;
	assert_int_equal(jx_pkg_from_json(&pkg, json, len, "base.json"), 0);
	free(json);
	return pkg;
}

static jx_actuals *actuals(const char *json)
{
	jx_actuals *a = NULL;
	int rc = jx_actuals_from_json(&a, json, strlen(json), "actuals.json");
	if (rc)
		fail_msg("%s", jx_error_last());
	return a;
}

/* Project 1 (24.00万元): spent 22.80 → 95.00% → 9.50. Output 50 over four indicators: 12.50 each.
 *   救助儿童人数 ≥20人, actual 22人: full 12.50 (110%, not an overshoot).
 *   救助儿童达标率 ≥90%, actual 85%: 12.50 × 85 ÷ 90 = 11.8055… → 11.81.
 *   完成时间 2025年12月31日前, actual 2025年11月30日: on time, 12.50.
 *   补助标准 12000元/人, actual 12000元/人: 12.50.
 *   effect 对象生活改善情况 (qualitative, 30): 部分达成 with score 20 (band 18–24): 20.
 *   satisfaction ≥95%, actual 96%: 10.
 *   total 9.50 + 12.50 + 11.81 + 12.50 + 12.50 + 20 + 10 = 88.81 → 良.
 * Project 2 (16.10万元): spent 17.00 → 105.59%, capped: 10.
 *   培训人次 ≥200人次, actual 280人次: 12.50, and 140% ≥ 130%: target set too low.
 *   培训合格率 ≥90%, 95%: 12.50.   培训完成时间 2025年11月底前, 按时完成: 12.50.
 *   培训总成本 ≤16.10万元, actual 17.00万元: 12.50 × (2 × 16.10 − 17.00) ÷ 16.10 = 11.8012… → 11.80.
 *   参训人员就业增收 ≥10%, actual 8%: 30 × 8 ÷ 10 = 24.00.   参训人员满意度 ≥90%, 92%: 10.
 *   total 10 + 12.50 × 3 + 11.80 + 24 + 10 = 93.30 → 优.
 * Average (88.81 + 93.30) ÷ 2 = 91.055 → 91.06. */
static const char worked[] =
	"{\"year\": 2025, \"unit\": \"万元\", \"projects\": ["
	"{\"name\": \"残疾儿童康复救助\", \"budget_initial\": \"24.00\", \"budget\": \"24.00\", \"spent\": \"22.80\","
	" \"indicators\": ["
	"  {\"name\": \"救助儿童人数\", \"actual\": \"22人\"},"
	"  {\"name\": \"救助儿童达标率\", \"actual\": \"85%\", \"reason\": \"两名儿童中途转院\"},"
	"  {\"name\": \"救助儿童完成时间\", \"actual\": \"2025年11月30日\"},"
	"  {\"name\": \"救助儿童补助标准\", \"actual\": \"12000元/人\"},"
	"  {\"name\": \"救助儿童对象生活改善情况\", \"level\": \"部分达成\", \"score\": 20, \"reason\": \"评估未完成\"},"
	"  {\"name\": \"救助儿童对象满意度\", \"actual\": \"96%\"}]},"
	"{\"name\": \"残疾人职业技能培训\", \"budget\": \"16.10\", \"spent\": \"170000元\", \"indicators\": ["
	"  {\"name\": \"培训人次\", \"actual\": \"280人次\"},"
	"  {\"name\": \"培训合格率\", \"actual\": \"95%\"},"
	"  {\"name\": \"培训完成时间\", \"actual\": \"按时完成\"},"
	"  {\"name\": \"培训总成本\", \"actual\": \"17.00万元\", \"reason\": \"场地费上涨\"},"
	"  {\"name\": \"参训人员就业增收\", \"actual\": \"8%\", \"reason\": \"就业市场收缩\"},"
	"  {\"name\": \"参训人员满意度\", \"actual\": \"92%\"}]}]}";

static void assert_dec(const jx_decimal *d, const char *want)
{
	char buf[32];
	assert_string_equal(jx_decimal_format(d, buf), want);
}

static const jx_ind_score *ind(const jx_project_score *ps, const char *name)
{
	for (size_t i = 0; i < ps->indicators.n; i++)
		if (!strcmp(ps->indicators.v[i].ind->name, name))
			return &ps->indicators.v[i];
	fail_msg("no indicator %s", name);
	return NULL;
}

static bool has_note(const jx_project_score *ps, const char *code)
{
	for (size_t i = 0; i < ps->notes.n; i++)
		if (!strcmp(ps->notes.v[i].code, code))
			return true;
	return false;
}

static void test_worked_example(void **state)
{
	(void)state;
	jx_pkg *pkg = base();
	jx_actuals *a = actuals(worked);
	jx_evaluation *e = NULL;
	assert_int_equal(jx_eval(&e, pkg, a, NULL), 0);
	assert_int_equal(e->projects.n, 2);
	const jx_project_score *p1 = &e->projects.v[0], *p2 = &e->projects.v[1];
	assert_dec(&p1->rate, "95.00");
	assert_dec(&p1->budget_score, "9.50");
	assert_dec(&ind(p1, "救助儿童人数")->weight, "12.50");
	assert_dec(&ind(p1, "救助儿童人数")->score, "12.50");
	assert_dec(&ind(p1, "救助儿童达标率")->score, "11.81");
	assert_dec(&ind(p1, "救助儿童完成时间")->score, "12.50");
	assert_dec(&ind(p1, "救助儿童补助标准")->score, "12.50");
	assert_dec(&ind(p1, "救助儿童对象生活改善情况")->score, "20.00");
	assert_dec(&ind(p1, "救助儿童对象满意度")->score, "10.00");
	assert_dec(&p1->total, "88.81");
	assert_string_equal(p1->grade, "良");
	assert_int_equal(p1->rank, 2);
	assert_false(has_note(p1, "eval.overshoot"));
	assert_false(has_note(p1, "eval.reason-missing"));

	assert_dec(&p2->rate, "105.59");
	assert_dec(&p2->budget_score, "10.00");
	assert_true(has_note(p2, "eval.execution-over"));
	assert_dec(&ind(p2, "培训人次")->score, "12.50");
	assert_true(has_note(p2, "eval.overshoot"));
	assert_dec(&ind(p2, "培训完成时间")->score, "12.50");
	assert_dec(&ind(p2, "培训总成本")->score, "11.80");
	assert_dec(&ind(p2, "参训人员就业增收")->score, "24.00");
	assert_dec(&p2->total, "93.30");
	assert_string_equal(p2->grade, "优");
	assert_int_equal(p2->rank, 1);
	assert_dec(&e->average, "91.06");

	/* Every format renders; the text shows the scoring step by step. */
	char *out = NULL;
	size_t len = 0;
	assert_int_equal(jx_evaluation_render(e, JX_EVAL_TEXT, &out, &len), 0);
	assert_non_null(strstr(out, "未达到目标 ≥90%：12.50 × 85 ÷ 90 = 11.81"));
	assert_non_null(strstr(out, "超出上限 ≤16.10万元：12.50 × (2 × 16.10 − 17.00) ÷ 16.10 = 11.80"));
	free(out);
	assert_int_equal(jx_evaluation_render(e, JX_EVAL_JSON, &out, &len), 0);
	assert_non_null(strstr(out, "\"total\": 88.81"));
	free(out);
	assert_int_equal(jx_evaluation_render(e, JX_EVAL_HTML, &out, &len), 0);
	assert_non_null(strstr(out, "项目支出绩效自评表：残疾儿童康复救助"));
	free(out);
	jx_evaluation_free(e);

	/* Without the cap, 105.59% of 10 points is 10.56. */
	jx_eval_config cfg;
	jx_eval_config_init(&cfg);
	cfg.cap_budget = false;
	assert_int_equal(jx_eval(&e, pkg, a, &cfg), 0);
	assert_dec(&e->projects.v[1].budget_score, "10.56");
	jx_evaluation_free(e);
	jx_actuals_free(a);
	jx_pkg_free(pkg);
}

/* Runs one project with one changed actual and returns the score of that indicator (and the project's total). */
static void one(const char *name, const char *actual_json, const char *want_score, const char *want_note)
{
	char json[1024];
	snprintf(json, sizeof json,
		 "{\"projects\": [{\"name\": \"残疾人职业技能培训\", \"budget\": \"16.10\", \"spent\": \"16.10\","
		 " \"indicators\": [{\"name\": \"%s\", %s}]}]}",
		 name, actual_json);
	jx_pkg *pkg = base();
	jx_actuals *a = actuals(json);
	jx_evaluation *e = NULL;
	assert_int_equal(jx_eval(&e, pkg, a, NULL), 0);
	assert_dec(&ind(&e->projects.v[0], name)->score, want_score);
	if (want_note)
		assert_true(has_note(&e->projects.v[0], want_note));
	jx_evaluation_free(e);
	jx_actuals_free(a);
	jx_pkg_free(pkg);
}

static void test_edges(void **state)
{
	(void)state;
	/* Upper bound: at twice the target, 0; just over it, linear. */
	one("培训总成本", "\"actual\": \"32.20万元\"", "0.00", NULL);
	one("培训总成本", "\"actual\": \"16.10万元\"", "12.50", NULL);
	one("培训总成本", "\"actual\": \"161000元\"", "12.50", NULL); /* 元 converts exactly to the target's 万元 */
	/* Missing actual: 0 and a note. */
	one("培训人次", "\"reason\": \"未统计\"", "0.00", "eval.no-actual");
	/* Short of the target without a reason: a note. 12.50 × 150 ÷ 200 = 9.375 → 9.38. */
	one("培训人次", "\"actual\": \"150人次\"", "9.38", "eval.reason-missing");
	/* A report claiming the target met when it was not. */
	one("培训人次", "\"actual\": \"150人次\", \"level\": \"达成\", \"reason\": \"x\"", "9.38", "eval.claim");
	/* Late: 0. */
	one("培训完成时间", "\"actual\": \"2025年12月20日\", \"reason\": \"延期\"", "0.00", NULL);
	/* Finished in the following year: late, not an error. */
	one("培训完成时间", "\"actual\": \"2026年1月15日\", \"reason\": \"延期\"", "0.00", NULL);
	/* A negative actual counts as zero. */
	one("参训人员就业增收", "\"actual\": \"-5%\", \"reason\": \"x\"", "0.00", NULL);
	/* A satisfaction rate met: full marks. */
	one("参训人员满意度", "\"actual\": \"92%\"", "10.00", NULL);
	/* 部分达成 without a score takes the middle of the exact band: 5.56 × 70% = 3.892 → 3.89 (the rounded band
	 * ends 3.34–4.45 would give 3.895 → 3.90); 12.50 × 70% = 8.75; 未达成: 12.50 × 30% = 3.75. */
	one("培训合格率", "\"level\": \"部分达成\", \"weight\": \"5.56\", \"reason\": \"x\"", "3.89", NULL);
	one("培训合格率", "\"level\": \"部分达成\", \"reason\": \"x\"", "8.75", NULL);
	one("培训合格率", "\"level\": \"未达成\", \"reason\": \"x\"", "3.75", NULL);
}

static void test_zero_target_and_rescale(void **state)
{
	(void)state;
	jx_pkg *pkg = base();
	/* 培训完成时间 becomes "安全事故 = 0次"; no satisfaction indicators at all. */
	jx_project *p = &pkg->projects.v[1];
	jx_indicator *t = &p->indicators.v[2];
	t->name = "安全事故发生次数";
	assert_int_equal(jx_value_parse(&t->value, "=0次", strlen("=0次"), pkg->arena), 0);
	p->indicators.n = 5; /* drop the satisfaction indicator (the last) */
	const char *json = "{\"projects\": [{\"name\": \"残疾人职业技能培训\", \"budget\": \"16.10\", \"spent\": \"16.10\","
			   " \"indicators\": [{\"name\": \"安全事故发生次数\", \"actual\": \"1次\", \"reason\": \"x\"},"
			   " {\"name\": \"培训人次\", \"actual\": \"200人次\"}, {\"name\": \"培训合格率\", \"actual\": \"90%\"},"
			   " {\"name\": \"培训总成本\", \"actual\": \"16.10万元\"}, {\"name\": \"参训人员就业增收\", \"actual\": \"10%\"}]}]}";
	jx_actuals *a = actuals(json);
	jx_evaluation *e = NULL;
	assert_int_equal(jx_eval(&e, pkg, a, NULL), 0);
	const jx_project_score *ps = &e->projects.v[0];
	assert_dec(&ind(ps, "安全事故发生次数")->score, "0.00");
	/* Earned 10 + 12.50 × 3 + 0 + 30 = 77.50 of the 90 available: 77.50 × 100 ÷ 90 = 86.11. */
	assert_true(has_note(ps, "eval.rescaled"));
	assert_dec(&ps->total, "86.11");
	assert_string_equal(ps->grade, "良");
	jx_evaluation_free(e);
	jx_actuals_free(a);
	jx_pkg_free(pkg);
}

static void test_weights(void **state)
{
	(void)state;
	jx_pkg *pkg = base();
	/* Output weights given as 20 + 20 + 5 + 10 = 55 ≠ 50: used as given, with a note. */
	const char *json = "{\"projects\": [{\"name\": \"残疾人职业技能培训\", \"budget\": \"16.10\", \"spent\": \"16.10\","
			   " \"indicators\": [{\"name\": \"培训人次\", \"actual\": \"200人次\", \"weight\": 20},"
			   " {\"name\": \"培训合格率\", \"actual\": \"90%\", \"weight\": 20},"
			   " {\"name\": \"培训完成时间\", \"actual\": \"按时完成\", \"weight\": 5},"
			   " {\"name\": \"培训总成本\", \"actual\": \"16.10万元\", \"weight\": 10}]}]}";
	jx_actuals *a = actuals(json);
	jx_evaluation *e = NULL;
	assert_int_equal(jx_eval(&e, pkg, a, NULL), 0);
	assert_true(has_note(&e->projects.v[0], "eval.weights"));
	assert_dec(&ind(&e->projects.v[0], "培训人次")->weight, "20");
	jx_evaluation_free(e);
	jx_actuals_free(a);
	/* Three-way split of 50 in cents adds up exactly: 16.67 + 16.67 + 16.66. */
	pkg->projects.v[1].indicators.v[3].l2 = JX_L2_SOCIAL;
	pkg->projects.v[1].indicators.v[3].l1 = JX_L1_EFFECT;
	a = actuals("{\"projects\": [{\"name\": \"残疾人职业技能培训\", \"spent\": \"16.10\", \"indicators\": []}]}");
	assert_int_equal(jx_eval(&e, pkg, a, NULL), 0);
	const jx_project_score *ps = &e->projects.v[0];
	assert_dec(&ps->indicators.v[0].weight, "16.67");
	assert_dec(&ps->indicators.v[1].weight, "16.67");
	assert_dec(&ps->indicators.v[2].weight, "16.66");
	jx_evaluation_free(e);
	jx_actuals_free(a);
	jx_pkg_free(pkg);
}

static void refuses(const char *json, const char *message_part)
{
	jx_pkg *pkg = base();
	jx_actuals *a = NULL;
	jx_evaluation *e = NULL;
	int rc = jx_actuals_from_json(&a, json, strlen(json), "actuals.json");
	if (rc == 0)
		rc = jx_eval(&e, pkg, a, NULL);
	assert_int_not_equal(rc, 0);
	assert_null(e);
	if (!strstr(jx_error_last(), message_part))
		fail_msg("message “%s” lacks “%s”", jx_error_last(), message_part);
	jx_actuals_free(a);
	jx_pkg_free(pkg);
}

static void test_bad_input(void **state)
{
	(void)state;
	refuses("{\"projects\": [{\"name\": \"残疾人托养服务\"}]}", "没有项目“残疾人托养服务”");
	refuses("{\"projects\": [{\"name\": \"残疾人职业技能培训\", \"indicators\": [{\"name\": \"培训天数\", \"actual\": \"5天\"}]}]}",
		"没有名为“培训天数”的绩效指标");
	refuses("{\"projects\": [{\"name\": \"残疾人职业技能培训\", \"indicators\": [{\"name\": \"培训合格率\", \"actual\": \"95人\"}]}]}",
		"单位");
	refuses("{\"projects\": [{\"name\": \"残疾人职业技能培训\", \"indicators\": [{\"name\": \"培训人次\", \"actual\": \"95%\"}]}]}",
		"单位");
	refuses("{\"projects\": [{\"name\": \"残疾人职业技能培训\", \"indicators\": [{\"name\": \"培训完成时间\", \"actual\": \"2027年3月1日\"}]}]}",
		"不在预算年度 2025 年内");
	refuses("{\"projects\": [{\"name\": \"残疾儿童康复救助\", \"indicators\": [{\"name\": \"救助儿童对象生活改善情况\", \"level\": \"部分达成\", \"score\": 25}]}]}",
		"之间");
	refuses("{\"projects\": [{\"name\": \"残疾儿童康复救助\", \"indicators\": [{\"name\": \"救助儿童对象生活改善情况\", \"actual\": \"有所改善\"}]}]}",
		"完成档次");
	refuses("{\"projects\": [{\"name\": \"残疾儿童康复救助\", \"spent\": \"abc\"}]}", "projects[0].spent");
	refuses("{\"projects\": [{\"name\": \"残疾儿童康复救助\", \"indicators\": [{\"name\": \"x\", \"level\": \"很好\"}]}]}",
		"level");
	refuses("{\"projects\": 3}", "projects");
	refuses("{\"projects\": [", "actuals.json:1");
}

/* Seed 003 (2026, four projects in 元) with actuals we wrote (tests/fixtures/eval/seed-003-actuals.json).
 * 政府长聘人员经费, worked by hand: 540000 ÷ 553320 = 97.59% → 9.76 (9.7593…); output 50 over nine indicators in
 * cents: five of 5.56 and four of 5.55, all met (295920 under the 309120 ceiling); effect 30 over two: 达成 15 and
 * 部分达成 scored 10 (band 9–12); satisfaction 10. Total 9.76 + 27.80 + 22.20 + 15 + 10 + 10 = 94.76 (优).
 * 残疾人就业: 85.00% → 8.50; 90户 of ≥100户: 12.50 × 90 ÷ 100 = 11.25; three more output 12.50 (8.5万 under the
 * 10万 ceiling); 未达成 scored 6 (band 0–9); 部分达成 without a score: middle of 9–12 = 10.50; satisfaction 10.
 * Total 8.50 + 11.25 + 37.50 + 6 + 10.50 + 10 = 83.75 (良), with a note for the missing reason. */
static void test_seed_003(void **state)
{
	(void)state;
	char *path = tu_seed_path("003");
	jx_pkg *pkg = NULL;
	assert_int_equal(jx_import_file(&pkg, path, NULL), 0);
	free(path);
	jx_actuals *a = NULL;
	assert_int_equal(jx_actuals_load(&a, JX_FIXTURES_DIR "/eval/seed-003-actuals.json"), 0);
	jx_evaluation *e = NULL;
	assert_int_equal(jx_eval(&e, pkg, a, NULL), 0);
	assert_int_equal(e->projects.n, 4);
	const jx_project_score *p1 = &e->projects.v[0], *p3 = &e->projects.v[2];
	assert_dec(&p1->rate, "97.59");
	assert_dec(&p1->budget_score, "9.76");
	assert_dec(&p1->indicators.v[0].weight, "5.56");
	assert_dec(&p1->indicators.v[8].weight, "5.55");
	assert_dec(&p1->total, "94.76");
	assert_string_equal(p1->grade, "优");
	assert_dec(&ind(p3, "实施阳光助残小康计划帮扶户数")->score, "11.25");
	assert_dec(&ind(p3, "增加残疾人收入，提高生活水平")->score, "10.50");
	assert_dec(&p3->total, "83.75");
	assert_string_equal(p3->grade, "良");
	assert_int_equal(p3->rank, 4);
	assert_true(has_note(p3, "eval.reason-missing"));
	jx_evaluation_free(e);
	jx_actuals_free(a);
	jx_pkg_free(pkg);
}

/* Seed 000 (2024, amounts in 万元) with actuals we wrote for two of its twelve projects
 * (tests/fixtures/eval/seed-000-actuals.json), worked by hand:
 * 精准康复服务经费 (30.41万元): 28.90 ÷ 30.41 = 95.03% → 9.50; output 50 over four: 12.50 × 4 ÷ 5 = 10.00 for 4 of ≥5人,
 * the other three full (100% of 100%, done 2024-11-30 against ≤12月份, 28.90万 under the 30.41万 ceiling); effect
 * 30 × 96 ÷ 98 = 29.39; satisfaction 10. Total 9.50 + 47.50 + 29.39 + 10 = 96.39 (优).
 * 中央补助资金 [2022]108号 (17.00万元): 100% → 10; output 16.67 + 16.67 + 16.66 all full (8 of ≥6人 is 133%: an
 * overshoot note); effect 10 + 10 × 90 ÷ 94 = 9.57 + 10; satisfaction 3.34 + 3.33 + 3.33 × 91 ÷ 92 = 3.29.
 * Total 10 + 50 + 29.57 + 9.96 = 99.53 (优), ranked first; the ten projects without actuals are not scored. */
static void test_seed_000(void **state)
{
	(void)state;
	char *path = tu_seed_path("000");
	jx_pkg *pkg = NULL;
	assert_int_equal(jx_import_file(&pkg, path, NULL), 0);
	free(path);
	jx_actuals *a = NULL;
	assert_int_equal(jx_actuals_load(&a, JX_FIXTURES_DIR "/eval/seed-000-actuals.json"), 0);
	jx_evaluation *e = NULL;
	assert_int_equal(jx_eval(&e, pkg, a, NULL), 0);
	const jx_project_score *p1 = NULL, *p2 = NULL;
	size_t scored = 0;
	for (size_t i = 0; i < e->projects.n; i++) {
		const jx_project_score *ps = &e->projects.v[i];
		if (!ps->act)
			continue;
		scored++;
		if (strstr(ps->project->name, "[2023]19号"))
			p1 = ps;
		else if (strstr(ps->project->name, "[2022]108号"))
			p2 = ps;
	}
	assert_int_equal(scored, 2);
	assert_non_null(p1);
	assert_non_null(p2);
	assert_dec(&p1->rate, "95.03");
	assert_dec(&p1->budget_score, "9.50");
	assert_dec(&ind(p1, "残疾儿童康复训练比例")->score, "10.00");
	assert_dec(&ind(p1, "及时率")->score, "12.50");
	assert_dec(&ind(p1, "残疾人的康复服务水平、覆盖率")->score, "29.39");
	assert_dec(&p1->total, "96.39");
	assert_string_equal(p1->grade, "优");
	assert_dec(&ind(p2, "完成工作所需成本")->weight, "16.66");
	assert_dec(&ind(p2, "服务群体满意度（%）")->weight, "3.34");
	assert_dec(&ind(p2, "残疾人或其家属对残疾人康复服务")->score, "3.29");
	assert_dec(&p2->total, "99.53");
	assert_int_equal(p2->rank, 1);
	assert_true(has_note(p2, "eval.overshoot"));
	assert_false(has_note(p1, "eval.reason-missing"));
	jx_evaluation_free(e);
	jx_actuals_free(a);
	jx_pkg_free(pkg);
}

static size_t count_notes(const jx_project_score *ps, const char *code)
{
	size_t n = 0;
	for (size_t i = 0; i < ps->notes.n; i++)
		n += !strcmp(ps->notes.v[i].code, code);
	return n;
}

/* A published 项目支出绩效自评表 (our fixture, Word-cells layout, two projects) imports with its money, actuals,
 * weights, scores and reasons; jx eval re-scores it from the table alone and finds the printed scores that do not
 * follow the method. Project 2, by hand: 9.00 ÷ 12.00 = 75.00% → 7.50 (printed 8.00); 45 of ≥60人 with weight 30:
 * 30 × 45 ÷ 60 = 22.50 (printed 30); 20 + 21 + 10 for the rest; total 81.00 (printed 89.00). Project 1 agrees with
 * its printed 98.50. */
static void test_published_selfeval(void **state)
{
	(void)state;
	jx_pkg *pkg = NULL;
	assert_int_equal(jx_import_file(&pkg, JX_FIXTURES_DIR "/eval/selfeval-word.txt", NULL), 0);
	assert_int_equal(pkg->year, 2025);
	assert_string_equal(pkg->dept.name, "青山县残疾人联合会");
	assert_int_equal(pkg->projects.n, 2);
	const jx_project *p1 = &pkg->projects.v[0];
	assert_string_equal(p1->name, "残疾人辅助器具适配");
	assert_string_equal(p1->implementer, "青山县残疾人康复中心");
	assert_int_equal(p1->budget_initial.fen, 20000000);
	assert_int_equal(p1->budget_full.fen, 20000000);
	assert_int_equal(p1->spent.fen, 19000000);
	assert_int_equal(p1->amount.fen, 20000000);
	assert_dec(&p1->score_budget, "9.50");
	assert_dec(&p1->score_total, "98.50");
	assert_int_equal(p1->indicators.n, 6);
	const jx_indicator *q = &p1->indicators.v[0];
	assert_int_equal(q->l1, JX_L1_OUTPUT);
	assert_int_equal(q->l2, JX_L2_QUANTITY);
	assert_string_equal(q->name, "辅具适配人数");
	assert_string_equal(q->value.text, "≥200人");
	assert_true(q->has_actual);
	assert_string_equal(q->actual.text, "190人");
	assert_dec(&q->weight, "20");
	assert_dec(&q->score, "19");
	assert_string_equal(q->reason, "3户搬离本县，适配中止");
	/* Blank level-1 cells continue the row above; the next level 1 carries its points in brackets. */
	assert_int_equal(p1->indicators.v[3].l1, JX_L1_OUTPUT);
	assert_int_equal(p1->indicators.v[4].l1, JX_L1_EFFECT);
	assert_int_equal(p1->indicators.v[5].l1, JX_L1_SATISFACTION);
	/* Nothing of it was taken for a target table or skipped. */
	for (size_t i = 0; i < pkg->notes.n; i++)
		if (pkg->notes.v[i].level >= JX_NOTE_WARNING)
			fail_msg("note: %s", pkg->notes.v[i].message);

	jx_actuals *a = NULL;
	assert_int_equal(jx_actuals_from_pkg(&a, pkg), 0);
	jx_evaluation *e = NULL;
	assert_int_equal(jx_eval(&e, pkg, a, NULL), 0);
	const jx_project_score *s1 = &e->projects.v[0], *s2 = &e->projects.v[1];
	assert_dec(&s1->total, "98.50");
	assert_int_equal(count_notes(s1, "eval.published-differs"), 0);
	assert_dec(&s2->budget_score, "7.50");
	assert_dec(&ind(s2, "托养补贴人数")->score, "22.50");
	assert_dec(&ind(s2, "减轻残疾人家庭照护负担")->score, "21.00");
	assert_dec(&s2->total, "81.00");
	assert_int_equal(count_notes(s2, "eval.published-differs"), 3);
	jx_evaluation_free(e);
	jx_actuals_free(a);

	/* A package with no actuals in it has nothing to score. */
	jx_pkg *plain = base();
	assert_int_equal(jx_actuals_from_pkg(&a, plain), JX_ENOTFOUND);
	assert_null(a);
	jx_pkg_free(plain);
	jx_pkg_free(pkg);
}

/* The scored project of `e` named exactly `name` (seed 004 has several projects whose names start alike). */
static const jx_project_score *scored_named(const jx_evaluation *e, const char *name)
{
	for (size_t i = 0; i < e->projects.n; i++)
		if (e->projects.v[i].act && !strcmp(e->projects.v[i].project->name, name))
			return &e->projects.v[i];
	fail_msg("no scored project %s", name);
	return NULL;
}

/* Does `ps` carry a note `code` whose message names `what`? */
static bool note_about(const jx_project_score *ps, const char *code, const char *what)
{
	for (size_t i = 0; i < ps->notes.n; i++)
		if (!strcmp(ps->notes.v[i].code, code) && strstr(ps->notes.v[i].message, what))
			return true;
	return false;
}

/* Seed 004 (2024, project tables in 元, 实施期 and 年度 columns side by side: only the 年度 indicators are scored) with
 * actuals we wrote for four of its 22 projects (tests/fixtures/eval/seed-004-actuals.json), worked by hand:
 * 残疾人事业综合业务经费 (240000元, 20 year indicators of the 40): 236970 ÷ 240000 = 98.7375% → 98.74 → 9.87.
 *   Output 50 over 18 indicators in cents: 5000 = 18 × 277 + 14, so the first fourteen (办公经费使用人员 … 暖气费) get
 *   2.78 and the last four (水电费成本, 办公用品, 办公耗材, A4纸及复印纸) 2.77. Full: 20 of 20人; 2150 of ≥2000平米;
 *   6 of ≥5种 (120%, no overshoot); 100% of 100%; bought 2024-11-20 within 2024年3至11月; eight cost ceilings met
 *   (4860 ≤ 5000, 8000 ≤ 8000, 16800 ≤ 17000, 9620 ≤ 10000, 98400 ≤ 100000, 40000 ≤ 40000, 23100 ≤ 25000, 8740 ≤ 9000,
 *   4900 ≤ 5000). Partial: 办公设备购置合格率 98% of 100%: 2.78 × 98 ÷ 100 = 2.7244 → 2.72; 缴水电费时间 (每月, no
 *   date: judged as qualitative) 部分达成 without a score: middle of 60–80% of 2.78 = 2.78 × 0.7 = 1.946 → 1.95;
 *   档案袋、盒 1250 over ≤1000: 2.78 × (2000 − 1250) ÷ 1000 = 2.085 → 2.09 (exact half, away from zero), and no
 *   reason given: eval.reason-missing; 水电费成本 21300 over ≤20000: 2.77 × 18700 ÷ 20000 = 2.58995 → 2.59.
 *   Output = 11 × 2.78 + 2.72 + 1.95 + 2.09 + 2.59 + 3 × 2.77 = 30.58 + 9.35 + 8.31 = 48.24.
 *   Effect 保障各项业务正常运行 达成 scored 28 (band 24–30): 28. Satisfaction 95% of ≥90%: 10.
 *   Total 9.87 + 48.24 + 28 + 10 = 96.11 (优), rank 3.
 * 残疾儿童康复救助 (443600元): 416400 ÷ 443600 = 93.8683% → 93.87 → 9.39. Output 50 over six: 5000 = 6 × 833 + 2:
 *   8.34, 8.34, 8.33 × 4. 救助人数 25 of ≥27人: 8.34 × 25 ÷ 27 = 7.7222 → 7.72; 筛查诊断 41 of 29人: 8.34 (141%:
 *   eval.overshoot); 功能改善 部分达成 scored 6.20 (band 5.00–6.66 of 8.33); 完成 2024-12-25 within 2024年1月至12月:
 *   8.33; 16000 ≤ 16000元/人/年: 8.33; 400元/人 (a cost without comparator: a ceiling) at 400: 8.33.
 *   Output = 7.72 + 8.34 + 6.20 + 3 × 8.33 = 47.25. Effect 达成 without a score: 30. Satisfaction 88% of ≥90%:
 *   10 × 88 ÷ 90 = 9.777… → 9.78. Total 9.39 + 47.25 + 30 + 9.78 = 96.42 (优), rank 2.
 * 公益性岗位补贴资金 (172800元): 169200 ÷ 172800 = 97.9167% → 97.92 → 9.79. Output 8.34, 8.34, 8.33 × 4: 16 of 16人
 *   8.34; 46 of 48人: 8.34 × 46 ÷ 48 = 7.9925 → 7.99; 100%, 2024-12-20 before 2024年12月31日前, 5400 and 1800元/人 at
 *   their standards: 4 × 8.33. Output 8.34 + 7.99 + 33.32 = 49.65. Effect 达成 scored 27: 27. Satisfaction 96%: 10.
 *   Total 9.79 + 49.65 + 27 + 10 = 96.44 (优), rank 1 (two cents ahead of 残疾儿童康复救助).
 * 社会保障经费 (715200元): 684350 ÷ 715200 = 95.6865% → 95.69 → 9.57. Output 50 over ten: 5.00 each. Full: 66 under
 *   ≤70人, 1012 of 1000人 (101%), 100%, 补助发放 2024-11-28 before 2024年12月前, 1500 of ≥1500元/人 and 1000 of
 *   ≥1000元/人 (costs with ≥ score like quantities), 300 at the 300元/人 ceiling. Partial: 186 of ≥200人:
 *   5 × 186 ÷ 200 = 4.65; 95% of 100%: 4.75; 培训 finished 2024-12-10, after 2024年5月至11月: 0.
 *   Output 7 × 5 + 4.65 + 4.75 + 0 = 44.40. Effect 部分达成 without a score: middle of 18–24 = 21.
 *   Satisfaction 93%: 10. Total 9.57 + 44.40 + 21 + 10 = 84.97 (良), rank 4.
 * Average (96.11 + 96.42 + 96.44 + 84.97) ÷ 4 = 373.94 ÷ 4 = 93.485 → 93.49. Every shortfall but 档案袋、盒 has a
 * reason; the other 18 projects are not scored. */
static void test_seed_004(void **state)
{
	(void)state;
	char *path = tu_seed_path("004");
	jx_pkg *pkg = NULL;
	assert_int_equal(jx_import_file(&pkg, path, NULL), 0);
	free(path);
	jx_actuals *a = NULL;
	assert_int_equal(jx_actuals_load(&a, JX_FIXTURES_DIR "/eval/seed-004-actuals.json"), 0);
	jx_evaluation *e = NULL;
	assert_int_equal(jx_eval(&e, pkg, a, NULL), 0);
	assert_int_equal(e->projects.n, 4);
	assert_dec(&e->average, "93.49");

	const jx_project_score *ops = scored_named(e, "残疾人事业综合业务经费");
	assert_int_equal(ops->indicators.n, 20);
	assert_dec(&ops->rate, "98.74");
	assert_dec(&ops->budget_score, "9.87");
	assert_dec(&ind(ops, "办公经费使用人员")->weight, "2.78");
	assert_dec(&ind(ops, "暖气费")->weight, "2.78");
	assert_dec(&ind(ops, "水电费成本")->weight, "2.77");
	assert_dec(&ind(ops, "A4纸及复印纸")->weight, "2.77");
	assert_dec(&ind(ops, "A4纸及复印纸")->score, "2.77");
	assert_dec(&ind(ops, "保障各项业务正常运行")->weight, "30.00");
	assert_dec(&ind(ops, "职工满意度")->weight, "10.00");
	assert_dec(&ind(ops, "办公耗材购置种类")->score, "2.78");
	assert_dec(&ind(ops, "办公设备购置合格率")->score, "2.72");
	assert_dec(&ind(ops, "设备及用品购置时间")->score, "2.78");
	assert_dec(&ind(ops, "缴水电费时间")->score, "1.95");
	assert_dec(&ind(ops, "档案袋、盒")->score, "2.09");
	assert_dec(&ind(ops, "水电费成本")->score, "2.59");
	assert_dec(&ind(ops, "宽带费")->score, "2.78");
	assert_dec(&ind(ops, "保障各项业务正常运行")->score, "28.00");
	assert_dec(&ind(ops, "职工满意度")->score, "10.00");
	assert_dec(&ops->total, "96.11");
	assert_string_equal(ops->grade, "优");
	assert_int_equal(ops->rank, 3);
	assert_int_equal(count_notes(ops, "eval.reason-missing"), 1);
	assert_true(note_about(ops, "eval.reason-missing", "档案袋、盒"));
	assert_false(has_note(ops, "eval.overshoot"));
	assert_false(has_note(ops, "eval.weights"));
	assert_false(has_note(ops, "eval.no-actual"));
	assert_false(has_note(ops, "eval.execution-over"));

	const jx_project_score *kids = scored_named(e, "残疾儿童康复救助");
	assert_int_equal(kids->indicators.n, 8);
	assert_dec(&kids->rate, "93.87");
	assert_dec(&kids->budget_score, "9.39");
	assert_dec(&ind(kids, "残疾儿童康复救助人数")->weight, "8.34");
	assert_dec(&ind(kids, "0-6岁儿童残疾筛查诊断人数")->weight, "8.34");
	assert_dec(&ind(kids, "接受康复救助儿童功能改善情况")->weight, "8.33");
	assert_dec(&ind(kids, "0-6岁儿童残疾筛查诊断补助标准")->weight, "8.33");
	assert_dec(&ind(kids, "残疾儿童康复救助人数")->score, "7.72");
	assert_dec(&ind(kids, "0-6岁儿童残疾筛查诊断人数")->score, "8.34");
	assert_dec(&ind(kids, "接受康复救助儿童功能改善情况")->score, "6.20");
	assert_dec(&ind(kids, "项目完成时间")->score, "8.33");
	assert_dec(&ind(kids, "残疾儿童康复救助补助标准")->score, "8.33");
	assert_dec(&ind(kids, "减轻残疾儿童家庭负担")->score, "30.00");
	assert_dec(&ind(kids, "受益残疾人满意度")->score, "9.78");
	assert_dec(&kids->total, "96.42");
	assert_string_equal(kids->grade, "优");
	assert_int_equal(kids->rank, 2);
	assert_int_equal(count_notes(kids, "eval.overshoot"), 1);
	assert_true(note_about(kids, "eval.overshoot", "0-6岁儿童残疾筛查诊断人数"));
	assert_false(has_note(kids, "eval.reason-missing"));

	const jx_project_score *posts = scored_named(e, "公益性岗位补贴资金");
	assert_dec(&posts->rate, "97.92");
	assert_dec(&posts->budget_score, "9.79");
	assert_dec(&ind(posts, "专职委员人数")->weight, "8.34");
	assert_dec(&ind(posts, "专职委员人数")->score, "7.99");
	assert_dec(&ind(posts, "项目完成时间")->score, "8.33");
	assert_dec(&ind(posts, "专职委员补助标准")->score, "8.33");
	assert_dec(&ind(posts, "提高残疾人生活水平")->score, "27.00");
	assert_dec(&posts->total, "96.44");
	assert_string_equal(posts->grade, "优");
	assert_int_equal(posts->rank, 1);
	assert_int_equal(posts->notes.n, 0);

	const jx_project_score *social = scored_named(e, "社会保障经费");
	assert_int_equal(social->indicators.n, 12);
	assert_dec(&social->rate, "95.69");
	assert_dec(&social->budget_score, "9.57");
	assert_dec(&ind(social, "临时救济人数")->weight, "5.00");
	assert_dec(&ind(social, "资助残疾学生及残疾子女上学人数")->score, "5.00");
	assert_dec(&ind(social, "实用技术培训人数")->score, "4.65");
	assert_dec(&ind(social, "实用技术培训完成率")->score, "4.75");
	assert_dec(&ind(social, "实用技术培训时间")->score, "0.00");
	assert_dec(&ind(social, "补助发放时间")->score, "5.00");
	assert_dec(&ind(social, "就业创业扶持资金补贴标准")->score, "5.00");
	assert_dec(&ind(social, "提高残疾人生活水平")->score, "21.00");
	assert_dec(&social->total, "84.97");
	assert_string_equal(social->grade, "良");
	assert_int_equal(social->rank, 4);
	assert_int_equal(social->notes.n, 0);
	jx_evaluation_free(e);
	jx_actuals_free(a);
	jx_pkg_free(pkg);
}

/* Seed 004 has two projects named 困难重度残疾人家庭无障碍改造 (34,000元 and 18,000元) and no codes: the first
 * actuals entry of that name goes to the first, the second to the second (34,000 of 34,000: 100% → 10.00;
 * 9,000 of 18,000: 50% → 5.00). */
static void test_same_name_in_order(void **state)
{
	(void)state;
	char *path = tu_seed_path("004");
	jx_pkg *pkg = NULL;
	assert_int_equal(jx_import_file(&pkg, path, NULL), 0);
	free(path);
	jx_actuals *a = actuals("{\"unit\": \"元\", \"projects\": ["
				"{\"name\": \"困难重度残疾人家庭无障碍改造\", \"spent\": \"34000\", \"indicators\": []},"
				"{\"name\": \"困难重度残疾人家庭无障碍改造\", \"spent\": \"9000\", \"indicators\": []}]}");
	jx_evaluation *e = NULL;
	assert_int_equal(jx_eval(&e, pkg, a, NULL), 0);
	assert_int_equal(e->projects.n, 2);
	const jx_project_score *first = &e->projects.v[0], *second = &e->projects.v[1];
	assert_true(first->project < second->project); /* in document order */
	assert_int_equal(first->project->amount.fen, 3400000);
	assert_dec(&first->rate, "100.00");
	assert_dec(&first->budget_score, "10.00");
	assert_int_equal(second->project->amount.fen, 1800000);
	assert_dec(&second->rate, "50.00");
	assert_dec(&second->budget_score, "5.00");
	jx_evaluation_free(e);
	jx_actuals_free(a);
	jx_pkg_free(pkg);
}

/* The department as a whole (部门整体) is scored from the overall target table when the actuals name it
 * (tests/fixtures/eval/example-overall-actuals.json: the example's project actuals plus an entry "部门整体"),
 * by the same method, worked by hand: 112.30 ÷ 118.60 = 94.69% → 9.47; output 50 over six: 8.34, 8.34, 8.33 × 4;
 * 22 of ≥20人 full 8.34; 180 of ≥200人次: 8.34 × 180 ÷ 200 = 7.506 → 7.51; 35户, 92%, done 2026-05-20 against
 * 2026年6月底前, 平均每户1750元 under the 1800元 ceiling: full; effect 30, 部分达成 without a score: 30 × 70% = 21.00;
 * satisfaction 10, 达成: 10. Total 9.47 + 49.17 + 21.00 + 10 = 89.64 (良). It is not ranked and stays out of the
 * average: the three projects rank 1–3 and average (99.24 + 75.91 + 99.07) ÷ 3 = 91.41 as without it. */
static void test_overall(void **state)
{
	(void)state;
	size_t len = 0;
	char *json = tu_read_file(JX_EXAMPLES_DIR "/qingshan-2025.json", &len);
	jx_pkg *pkg = NULL;
	assert_int_equal(jx_pkg_from_json(&pkg, json, len, "qingshan-2025.json"), 0);
	free(json);
	jx_actuals *a = NULL;
	assert_int_equal(jx_actuals_load(&a, JX_FIXTURES_DIR "/eval/example-overall-actuals.json"), 0);
	jx_evaluation *e = NULL;
	assert_int_equal(jx_eval(&e, pkg, a, NULL), 0);
	assert_int_equal(e->projects.n, 4);
	const jx_project_score *ov = NULL;
	int ranks = 0;
	for (size_t i = 0; i < e->projects.n; i++) {
		if (e->projects.v[i].overall) {
			assert_null(ov);
			ov = &e->projects.v[i];
		} else {
			ranks |= 1 << e->projects.v[i].rank;
		}
	}
	assert_non_null(ov);
	assert_int_equal(ranks, (1 << 1) | (1 << 2) | (1 << 3));
	assert_int_equal(ov->rank, 0);
	assert_dec(&ov->rate, "94.69");
	assert_dec(&ov->budget_score, "9.47");
	assert_dec(&ind(ov, "康复救助儿童人数")->weight, "8.34");
	assert_dec(&ind(ov, "培训人次")->score, "7.51");
	assert_dec(&ind(ov, "户均改造标准")->score, "8.33");
	assert_dec(&ind(ov, "改造完成时间")->score, "8.33");
	assert_dec(&ind(ov, "残疾人生活质量")->score, "21.00");
	assert_dec(&ind(ov, "服务对象满意度")->score, "10.00");
	assert_dec(&ov->total, "89.64");
	assert_string_equal(ov->grade, "良");
	assert_dec(&e->average, "91.41");
	assert_int_equal(ov->notes.n, 0);
	/* The renderings say which is which. */
	char *out = NULL;
	size_t olen = 0;
	assert_int_equal(jx_evaluation_render(e, JX_EVAL_TEXT, &out, &olen), 0);
	assert_non_null(strstr(out, "评分项目 3 个，平均 91.41 分；另评部门整体"));
	assert_non_null(strstr(out, "部门整体“2025年部门整体支出绩效目标表”：89.64 分，良\n"));
	free(out);
	assert_int_equal(jx_evaluation_render(e, JX_EVAL_JSON, &out, &olen), 0);
	assert_non_null(strstr(out, "\"overall\": true"));
	assert_non_null(strstr(out, "\"rank\": null"));
	free(out);
	jx_evaluation_free(e);
	jx_actuals_free(a);
	/* Actuals for the department as a whole on a package without an overall table: refused. */
	pkg->overall.present = false;
	assert_int_equal(jx_actuals_load(&a, JX_FIXTURES_DIR "/eval/example-overall-actuals.json"), 0);
	assert_int_equal(jx_eval(&e, pkg, a, NULL), JX_EINVAL);
	assert_null(e);
	assert_non_null(strstr(jx_error_last(), "没有部门整体绩效目标"));
	jx_actuals_free(a);
	jx_pkg_free(pkg);
}

/* Seed 001 (天津, 2023) has no projects, only the 整体支出绩效目标表 (6 goals, 79 indicators), so the department as a
 * whole is all there is to score: tests/fixtures/eval/seed-001-actuals.json has one entry "部门整体" with an actual for
 * every indicator (no two share a name). The seed prints no 资金总额; we took the six tasks' 总额 added up,
 * 10783.40万元, and spent 10529.62万元. Worked by hand:
 * Execution 10529.62 ÷ 10783.40 = 97.6466% → 97.65%; 97.65 × 10 ÷ 100 = 9.765 → 9.77 (from the printed rate; the
 *   unrounded ratio would give 9.76).
 * Output 50 over 48 indicators in cents: 5000 = 48 × 104 + 8, so the first eight (goal 1 from 残疾人职业技能培训人数
 *   to 全国盲人医疗按摩人员考试按时完成时间) get 1.05 and the other forty (完成全国残疾人职业技能大赛赛前强化培训时间 …
 *   市残联各机构运行经费预算) 1.04. Not full:
 *   参加全国残疾人职业技能竞赛人数 13 of ≥15人: 1.05 × 13 ÷ 15 = 0.91;
 *   享受免费体检的残疾人数量 6512 of ≥6700人: 1.04 × 6512 ÷ 6700 = 1.0108… → 1.01;
 *   残疾人法律援助案件数量 38 of ≥42件: 1.04 × 38 ÷ 42 = 0.9409… → 0.94, with no reason: eval.reason-missing;
 *   残疾人权益保障和社会工作预算 2286500 over ≤2211000元: 1.04 × (4422000 − 2286500) ÷ 2211000 = 1.0044… → 1.00;
 *   各项残疾人宣传、交流、培训工作任务有序开展 (qualitative) 部分达成 without a score: 1.04 × 70% = 0.728 → 0.73;
 *   残疾人运动员按时完成训练计划达标率 88% of ≥95%: 1.04 × 88 ÷ 95 = 0.9633… → 0.96;
 *   市残联信息系统升级改造数量 3 of =4个: 1.04 × 3 ÷ 4 = 0.78.
 *   Everything else full: counts and rates at or over target (举办残疾人群众体育活动参与人数 1050 of ≥700人 is 150%:
 *   eval.overshoot; 开展残疾人无障碍督导体验 5 of ≥4次 is 125%, no note), bare 86519 against the unit-less ≥86519,
 *   dates on time (2023年9月20日 within 2023年5-9月, 按时完成 against 2023年9月底前, 2023年12月31日 for 2023年全年),
 *   five cost ceilings met (1839650元, 1642.38万元 = 16423800元, 1176400元, 3583200元, 2131.45万元), 残疾人咨询信访响应及时性
 *   达成. Losses 0.14 + 0.03 + 0.10 + 0.04 + 0.31 + 0.08 + 0.26 = 0.96: output 49.04.
 * Effect 30 over 19 (all qualitative): 3000 = 19 × 157 + 17, the first seventeen 1.58 (提升残疾人就业能力和职业技能水平
 *   … 促进残疾人体育事业发展), the last two (提高市残联政务服务能力, 保障市残联各机构稳定运行) 1.57. Not full:
 *   提升盲人医疗按摩人员技术素养 and 掌握残疾人的身体健康状况 部分达成 without a score: 1.58 × 70% = 1.106 → 1.11 each;
 *   提高参赛残疾人运动员运动水平 部分达成 scored 1.20 (band 0.95–1.26); 提高市残联政务服务能力 达成 scored 1.50
 *   (band 1.26–1.57). Effect 30 − 0.47 − 0.47 − 0.38 − 0.07 = 28.61.
 * Satisfaction 10 over 12: 1000 = 12 × 83 + 4, the first four (goals 1–2) 0.84, the other eight 0.83. Not full:
 *   残疾儿童家庭对康复机构满意度 83% of ≥85%: 0.84 × 83 ÷ 85 = 0.8202… → 0.82. Satisfaction 9.98.
 * Total 9.77 + 49.04 + 28.61 + 9.98 = 97.40 (优), without a rank. Every shortfall but 法律援助案件数量 has a reason. */
static void test_seed_001(void **state)
{
	(void)state;
	char *path = tu_seed_path("001");
	jx_pkg *pkg = NULL;
	assert_int_equal(jx_import_file(&pkg, path, NULL), 0);
	free(path);
	assert_int_equal(pkg->projects.n, 0);
	jx_actuals *a = NULL;
	assert_int_equal(jx_actuals_load(&a, JX_FIXTURES_DIR "/eval/seed-001-actuals.json"), 0);
	jx_evaluation *e = NULL;
	assert_int_equal(jx_eval(&e, pkg, a, NULL), 0);
	assert_int_equal(e->projects.n, 1);
	const jx_project_score *ov = &e->projects.v[0];
	assert_true(ov->overall);
	assert_int_equal(ov->rank, 0);
	assert_int_equal(ov->indicators.n, 79);
	assert_dec(&ov->rate, "97.65");
	assert_dec(&ov->budget_score, "9.77");

	/* Weights: first and last of each level 1, and where the extra cent stops. */
	assert_dec(&ind(ov, "残疾人职业技能培训人数")->weight, "1.05");
	assert_dec(&ind(ov, "全国盲人医疗按摩人员考试按时完成时间")->weight, "1.05");
	assert_dec(&ind(ov, "完成全国残疾人职业技能大赛赛前强化培训时间")->weight, "1.04");
	assert_dec(&ind(ov, "市残联各机构运行经费预算")->weight, "1.04");
	assert_dec(&ind(ov, "提升残疾人就业能力和职业技能水平")->weight, "1.58");
	assert_dec(&ind(ov, "促进残疾人体育事业发展")->weight, "1.58");
	assert_dec(&ind(ov, "提高市残联政务服务能力")->weight, "1.57");
	assert_dec(&ind(ov, "保障市残联各机构稳定运行")->weight, "1.57");
	assert_dec(&ind(ov, "参加全国残疾人职业技能大赛人员满意度")->weight, "0.84");
	assert_dec(&ind(ov, "享受体检和康复服务的残疾人满意度")->weight, "0.84");
	assert_dec(&ind(ov, "残疾人维稳及救助对象满意度")->weight, "0.83");
	assert_dec(&ind(ov, "各机构工作人员和服务对象满意度")->weight, "0.83");

	/* Every score short of its weight. */
	assert_dec(&ind(ov, "参加全国残疾人职业技能竞赛人数")->score, "0.91");
	assert_dec(&ind(ov, "享受免费体检的残疾人数量")->score, "1.01");
	assert_dec(&ind(ov, "残疾人法律援助案件数量")->score, "0.94");
	assert_dec(&ind(ov, "残疾人权益保障和社会工作预算")->score, "1.00");
	assert_dec(&ind(ov, "各项残疾人宣传、交流、培训工作任务有序开展")->score, "0.73");
	assert_dec(&ind(ov, "残疾人运动员按时完成训练计划达标率")->score, "0.96");
	assert_dec(&ind(ov, "市残联信息系统升级改造数量")->score, "0.78");
	assert_dec(&ind(ov, "提升盲人医疗按摩人员技术素养")->score, "1.11");
	assert_dec(&ind(ov, "掌握残疾人的身体健康状况")->score, "1.11");
	assert_dec(&ind(ov, "提高参赛残疾人运动员运动水平")->score, "1.20");
	assert_dec(&ind(ov, "提高市残联政务服务能力")->score, "1.50");
	assert_dec(&ind(ov, "残疾儿童家庭对康复机构满意度")->score, "0.82");
	size_t partial = 0;
	for (size_t i = 0; i < ov->indicators.n; i++)
		partial += jx_decimal_cmp(&ov->indicators.v[i].score, &ov->indicators.v[i].weight) < 0;
	assert_int_equal(partial, 12);
	/* A few of the full ones, of each kind. */
	assert_dec(&ind(ov, "举办残疾人群众体育活动参与人数")->score, "1.04");
	assert_dec(&ind(ov, "市残联全系统物业管理保障面积")->score, "1.04");
	assert_dec(&ind(ov, "完成全国残疾人职业技能大赛赛前强化培训时间")->score, "1.04");
	assert_dec(&ind(ov, "机构稳定运行时间")->score, "1.04");
	assert_dec(&ind(ov, "残疾人康复服务相关工作预算")->score, "1.04");
	assert_dec(&ind(ov, "残疾人咨询信访响应及时性")->score, "1.04");
	assert_dec(&ind(ov, "保障市残联各机构稳定运行")->score, "1.57");

	assert_dec(&ov->total, "97.40");
	assert_string_equal(ov->grade, "优");
	assert_int_equal(count_notes(ov, "eval.reason-missing"), 1);
	assert_true(note_about(ov, "eval.reason-missing", "残疾人法律援助案件数量"));
	assert_int_equal(count_notes(ov, "eval.overshoot"), 1);
	assert_true(note_about(ov, "eval.overshoot", "举办残疾人群众体育活动参与人数"));
	assert_int_equal(ov->notes.n, 2);
	assert_false(has_note(ov, "eval.execution-over"));
	assert_false(has_note(ov, "eval.no-actual"));
	assert_false(has_note(ov, "eval.weights"));
	assert_false(has_note(ov, "eval.rescaled"));
	assert_false(has_note(ov, "eval.claim"));
	assert_false(has_note(ov, "eval.published-differs"));
	jx_evaluation_free(e);
	jx_actuals_free(a);
	jx_pkg_free(pkg);
}

/* Indicators of one project that share a name take the actuals of that name in order, as projects do; one actual
 * too many is a note, not silently dropped. Base project 2 with 培训合格率 (≥90%) renamed 培训人次: the first 培训人次
 * (≥200人次) gets 200人次, full 12.50; the second gets 81%: 12.50 × 81 ÷ 90 = 11.25. */
static void test_same_name_indicators(void **state)
{
	(void)state;
	jx_pkg *pkg = base();
	pkg->projects.v[1].indicators.v[1].name = "培训人次";
	jx_actuals *a = actuals("{\"projects\": [{\"name\": \"残疾人职业技能培训\", \"budget\": \"16.10\", \"spent\": \"16.10\","
				" \"indicators\": [{\"name\": \"培训人次\", \"actual\": \"200人次\"},"
				" {\"name\": \"培训人次\", \"actual\": \"81%\", \"reason\": \"两人缺考\"},"
				" {\"name\": \"培训人次\", \"actual\": \"210人次\"}]}]}");
	jx_evaluation *e = NULL;
	if (jx_eval(&e, pkg, a, NULL))
		fail_msg("%s", jx_error_last());
	const jx_project_score *ps = &e->projects.v[0];
	assert_string_equal(ps->indicators.v[0].act->actual.text, "200人次");
	assert_dec(&ps->indicators.v[0].score, "12.50");
	assert_string_equal(ps->indicators.v[1].act->actual.text, "81%");
	assert_dec(&ps->indicators.v[1].score, "11.25");
	assert_true(has_note(ps, "eval.actual-unused"));
	jx_evaluation_free(e);
	jx_actuals_free(a);
	jx_pkg_free(pkg);
}

/* An overall table that prints no 资金总额 (seed 001) takes the sum of its tasks' 总额 as the department's budget when
 * the actuals give none: 10783.40万元, and the same 97.65% → 9.77 as with the budget written out. */
static void test_overall_budget_from_tasks(void **state)
{
	(void)state;
	char *path = tu_seed_path("001");
	jx_pkg *pkg = NULL;
	assert_int_equal(jx_import_file(&pkg, path, NULL), 0);
	free(path);
	assert_false(pkg->overall.total.present);
	jx_actuals *a = NULL;
	assert_int_equal(jx_actuals_load(&a, JX_FIXTURES_DIR "/eval/seed-001-actuals.json"), 0);
	a->projects.v[0].budget.present = false;
	jx_evaluation *e = NULL;
	assert_int_equal(jx_eval(&e, pkg, a, NULL), 0);
	const jx_project_score *ov = &e->projects.v[0];
	assert_true(ov->budget.present);
	assert_int_equal(ov->budget.fen, 10783400000); /* 10783.40万元 in fen */
	assert_dec(&ov->rate, "97.65");
	assert_dec(&ov->budget_score, "9.77");
	assert_dec(&ov->total, "97.40");
	/* No project was scored: no average in the JSON. */
	char *out = NULL;
	size_t olen = 0;
	assert_int_equal(jx_evaluation_render(e, JX_EVAL_JSON, &out, &olen), 0);
	assert_non_null(strstr(out, "\"average\": null"));
	free(out);
	jx_evaluation_free(e);
	jx_actuals_free(a);
	jx_pkg_free(pkg);
}

/* Seed 002 (2023, amounts in 万元, 附表3 支出方向绩效目标表 with 绩效标准) with actuals we wrote for two of its five
 * spending directions (tests/fixtures/eval/seed-002-actuals.json), worked by hand. Rows that only say 无 (质量指标 无,
 * 无直接经济效益) are not indicators.
 * 提退人员经费 (23.42万元): 23.18 ÷ 23.42 = 98.9752% → 98.98 → 9.90. Output 50 over three: 16.67, 16.67, 16.66.
 *   提退休人员 1 of 1人: 16.67; done 2023-12-25 by 2023年底: 16.67; 年初预算数 (a 成本 without comparator: a ceiling)
 *   21.45万元, actual 22.05万元: 16.66 × (2 × 21.45 − 22.05) ÷ 21.45 = 16.66 × 20.85 ÷ 21.45 = 16.1939… → 16.19.
 *   Effect 30 over two: 15 each; 达成 without a score: 15; 达成 scored 13.5 (band 12–15): 13.50.
 *   Satisfaction 100% of 100%: 10. Total 9.90 + 16.67 + 16.67 + 16.19 + 15 + 13.50 + 10 = 97.93 (优), rank 1.
 * 残疾人事业补助 (140万元): 131.60 ÷ 140 = 94.00% → 9.40. Output 16.67, 16.67, 16.66: 162 of 150人 (108%): 16.67;
 *   居家服务水平 部分达成 scored 11 (band 10.00–13.34); 各项工作完成时限 2023年12月, 按时完成: 16.66.
 *   Effect 15 + 15: 达成 15; 未达成 without a score: middle of 0–9 = 4.50. Satisfaction 86% of 90%: 10 × 86 ÷ 90 =
 *   9.555… → 9.56, with no reason: eval.reason-missing. Total 9.40 + 16.67 + 11 + 16.66 + 15 + 4.50 + 9.56 = 82.79
 *   (良), rank 2. Average (97.93 + 82.79) ÷ 2 = 90.36. */
static void test_seed_002(void **state)
{
	(void)state;
	char *path = tu_seed_path("002");
	jx_pkg *pkg = NULL;
	assert_int_equal(jx_import_file(&pkg, path, NULL), 0);
	free(path);
	jx_actuals *a = NULL;
	assert_int_equal(jx_actuals_load(&a, JX_FIXTURES_DIR "/eval/seed-002-actuals.json"), 0);
	jx_evaluation *e = NULL;
	assert_int_equal(jx_eval(&e, pkg, a, NULL), 0);
	assert_int_equal(e->projects.n, 2);
	assert_dec(&e->average, "90.36");

	const jx_project_score *retired = scored_named(e, "提退人员经费");
	assert_int_equal(retired->indicators.n, 6);
	assert_dec(&retired->rate, "98.98");
	assert_dec(&retired->budget_score, "9.90");
	assert_dec(&ind(retired, "提退休人员")->weight, "16.67");
	assert_dec(&ind(retired, "完成时限")->weight, "16.67");
	assert_dec(&ind(retired, "年初预算数")->weight, "16.66");
	assert_dec(&ind(retired, "做好提退休人员的管理工作")->weight, "15.00");
	assert_dec(&ind(retired, "完成时限")->score, "16.67");
	assert_dec(&ind(retired, "年初预算数")->score, "16.19");
	assert_dec(&ind(retired, "做好提退休人员的管理工作")->score, "15.00");
	assert_dec(&ind(retired, "为提退休人员做好服务工作")->score, "13.50");
	assert_dec(&ind(retired, "提高提退休人员对工作的满意度")->score, "10.00");
	assert_dec(&retired->total, "97.93");
	assert_string_equal(retired->grade, "优");
	assert_int_equal(retired->rank, 1);
	assert_int_equal(retired->notes.n, 0);

	const jx_project_score *aid = scored_named(e, "残疾人事业补助");
	assert_int_equal(aid->indicators.n, 6);
	assert_dec(&aid->rate, "94.00");
	assert_dec(&aid->budget_score, "9.40");
	assert_dec(&ind(aid, "居家服务水平")->weight, "16.67");
	assert_dec(&ind(aid, "各项工作完成时限")->weight, "16.66");
	assert_dec(&ind(aid, "残疾人居家托养等项目服务")->score, "16.67");
	assert_dec(&ind(aid, "居家服务水平")->score, "11.00");
	assert_dec(&ind(aid, "各项工作完成时限")->score, "16.66");
	assert_dec(&ind(aid, "残疾人保障体系")->score, "4.50");
	assert_dec(&ind(aid, "服务对象满意度")->score, "9.56");
	assert_dec(&aid->total, "82.79");
	assert_string_equal(aid->grade, "良");
	assert_int_equal(aid->rank, 2);
	assert_int_equal(count_notes(aid, "eval.reason-missing"), 1);
	assert_true(note_about(aid, "eval.reason-missing", "服务对象满意度"));
	assert_false(has_note(aid, "eval.overshoot"));
	assert_false(has_note(aid, "eval.claim"));
	jx_evaluation_free(e);
	jx_actuals_free(a);
	jx_pkg_free(pkg);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_worked_example), cmocka_unit_test(test_edges),
		cmocka_unit_test(test_zero_target_and_rescale), cmocka_unit_test(test_weights),
		cmocka_unit_test(test_bad_input), cmocka_unit_test(test_seed_003), cmocka_unit_test(test_seed_000),
		cmocka_unit_test(test_published_selfeval), cmocka_unit_test(test_seed_004),
		cmocka_unit_test(test_seed_002),
		cmocka_unit_test(test_same_name_in_order),
		cmocka_unit_test(test_overall),
		cmocka_unit_test(test_same_name_indicators),
		cmocka_unit_test(test_overall_budget_from_tasks),
		cmocka_unit_test(test_seed_001),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
