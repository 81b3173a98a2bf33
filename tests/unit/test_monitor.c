/* test_monitor.c: mid-year monitoring (jx_monitor): worked examples computed by hand, every light boundary, each
 * indicator kind, projects without actuals or schedule, bad actuals, and the three renderings. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jx/eval.h"
#include "jx/json.h"
#include "testutil.h"

/* 甲项目: 100万元, schedule 25/50/75/100 % at the end of months 3/6/10/12, one indicator of each kind.
 * 乙项目: 12万元, no schedule (linear spending), one quantity. 丙项目: never gets actuals. */
static const char PKG[] =
	"{\"department\": {\"name\": \"测试<部门>\"}, \"year\": 2025, \"projects\": ["
	"{\"name\": \"甲项目\", \"code\": \"A1\", \"amount\": {\"text\": \"100.00\", \"unit\": \"万元\"},"
	" \"schedule\": [{\"label\": \"3月底\", \"month\": 3, \"percent\": \"25\"}, {\"label\": \"6月底\", \"month\": 6, "
	"\"percent\": \"50\"}, {\"label\": \"10月底\", \"month\": 10, \"percent\": \"75\"}, {\"label\": \"12月底\", "
	"\"month\": 12, \"percent\": \"100\"}],"
	" \"indicators\": ["
	"  {\"level1\": \"产出指标\", \"level2\": \"数量指标\", \"name\": \"人数\", \"value\": \"≥120人\"},"
	"  {\"level1\": \"产出指标\", \"level2\": \"质量指标\", \"name\": \"合格率\", \"value\": \"≥95%\"},"
	"  {\"level1\": \"产出指标\", \"level2\": \"数量指标\", \"name\": \"上限人数\", \"value\": \"≤500人\"},"
	"  {\"level1\": \"产出指标\", \"level2\": \"质量指标\", \"name\": \"事故\", \"value\": \"0起\"},"
	"  {\"level1\": \"产出指标\", \"level2\": \"时效指标\", \"name\": \"完成时间\", \"value\": \"2025年6月30日前\"},"
	"  {\"level1\": \"产出指标\", \"level2\": \"成本指标\", \"name\": \"经费\", \"value\": \"≤60万元\"},"
	"  {\"level1\": \"产出指标\", \"level2\": \"成本指标\", \"name\": \"标准\", \"value\": \"500元/人\"},"
	"  {\"level1\": \"效益指标\", \"level2\": \"社会效益指标\", \"name\": \"效果\", \"value\": \"有效提高\"}]},"
	"{\"name\": \"乙项目\", \"amount\": {\"text\": \"12.00\", \"unit\": \"万元\"},"
	" \"indicators\": [{\"level1\": \"产出指标\", \"level2\": \"数量指标\", \"name\": \"户数\", \"value\": \"≥24户\"}]},"
	"{\"name\": \"丙项目\", \"amount\": {\"text\": \"5.00\", \"unit\": \"万元\"},"
	" \"indicators\": [{\"level1\": \"产出指标\", \"level2\": \"数量指标\", \"name\": \"次数\", \"value\": \"≥4次\"}]}"
	"]}";

static jx_pkg *load_pkg(void)
{
	jx_pkg *pkg = NULL;
	int rc = jx_pkg_from_json(&pkg, PKG, strlen(PKG), "pkg.json");
	if (rc)
		fprintf(stderr, "%s\n", jx_error_last());
	assert_int_equal(rc, 0);
	assert_int_equal(pkg->year, 2025);
	return pkg;
}

static jx_actuals *load_act(const char *json)
{
	jx_actuals *a = NULL;
	int rc = jx_actuals_from_json(&a, json, strlen(json), "act.json");
	if (rc)
		fprintf(stderr, "%s\n", jx_error_last());
	assert_int_equal(rc, 0);
	return a;
}

static jx_date day(int m, int d)
{
	return (jx_date){2025, (int8_t)m, (int8_t)d};
}

static void assert_dec(const jx_decimal *d, const char *want)
{
	char buf[32];
	assert_string_equal(jx_decimal_format(d, buf), want);
}

static const jx_project_progress *project(const jx_monitoring *m, const char *name)
{
	for (size_t i = 0; i < m->projects.n; i++)
		if (!strcmp(m->projects.v[i].project->name, name))
			return &m->projects.v[i];
	fail_msg("no project %s", name);
	return NULL;
}

static const jx_ind_progress *indicator(const jx_project_progress *pp, const char *name)
{
	for (size_t i = 0; i < pp->indicators.n; i++)
		if (!strcmp(pp->indicators.v[i].ind->name, name))
			return &pp->indicators.v[i];
	fail_msg("no indicator %s", name);
	return NULL;
}

/* Monitors 甲项目 with one actual for indicator `name` at `as_of`; returns the monitoring (caller frees). */
static jx_monitoring *one(jx_pkg *pkg, jx_actuals **act, const char *name, const char *actual, jx_date as_of,
			  const jx_monitor_config *cfg)
{
	char json[512];
	snprintf(json, sizeof json,
		 "{\"projects\": [{\"name\": \"甲项目\", \"spent\": \"50.00\", \"indicators\": [{\"name\": \"%s\", %s}]}]}",
		 name, actual);
	*act = load_act(json);
	jx_monitoring *m = NULL;
	int rc = jx_monitor(&m, pkg, *act, as_of, cfg);
	if (rc)
		fprintf(stderr, "%s\n", jx_error_last());
	assert_int_equal(rc, 0);
	return m;
}

static void test_light_names(void **state)
{
	(void)state;
	assert_string_equal(jx_light_name(JX_LIGHT_RED), "red");
	assert_string_equal(jx_light_name(JX_LIGHT_BLUE), "blue");
	assert_string_equal(jx_light_name(JX_LIGHT_NONE), "none");
	assert_string_equal(jx_light_zh(JX_LIGHT_RED), "红灯");
	assert_string_equal(jx_light_zh(JX_LIGHT_YELLOW), "黄灯");
	assert_string_equal(jx_light_zh(JX_LIGHT_GREEN), "绿灯");
	assert_string_equal(jx_light_zh(JX_LIGHT_BLUE), "蓝灯");
	jx_monitor_config cfg;
	jx_monitor_config_init(&cfg);
	assert_int_equal(cfg.red_below, 60);
	assert_int_equal(cfg.yellow_below, 80);
	assert_int_equal(cfg.blue_from, 120);
}

/* as of 2025-08-15: m = 7 + 15/31 = 232/31 ≈ 7.4839.
 * 甲 (schedule 25/50/75/100 at 3/6/10/12): between 6月底 (50%) and 10月底 (75%):
 *   expected = 50 + 25 × (232/31 − 6) / 4 = 50 + 25 × 46/124 = 7350/124 = 59.2742% → 59.27;
 *   spent 40万元 of 100万元 = 40.00%; ratio = 40 / (7350/124) = 4960/7350 = 67.48% → 67.5 → yellow.
 *   人数 ≥120人: expected = 120 × (232/31) / 12 = 27840/372 = 74.8387 → 74.84人; actual 60人:
 *   ratio = 60 × 372 × 100 / 27840 = 80.17% → 80.2 → green.
 * 乙 (no schedule): expected = (232/31)/12 × 100 = 23200/372 = 62.3656% → 62.37; spent 6万元 of 12万元 = 50.00%;
 *   ratio = 50 / 62.3656 = 18600/23200 = 80.17% → 80.2 → green.
 *   户数 ≥24户: expected = 24 × 232/372 = 14.9677 → 14.97户; actual 10户: ratio = 1000 × 372 / (24 × 232) =
 *   372000/5568 = 66.81% → 66.8 → yellow.
 * behind: 甲 min(67.5, 80.2) = 67.5; 乙 min(80.2, 66.8) = 66.8; 丙 has no actuals. Order 乙, 甲, 丙. */
static void test_worked_example(void **state)
{
	(void)state;
	jx_pkg *pkg = load_pkg();
	jx_actuals *act = load_act("{\"year\": 2025, \"as_of\": \"2025-08-15\", \"projects\": ["
				   "{\"name\": \"甲项目\", \"spent\": \"400000元\", \"indicators\": [{\"name\": \"人数\", "
				   "\"actual\": \"60人\"}]},"
				   "{\"name\": \"乙项目\", \"budget\": \"12.00\", \"spent\": \"6.00\", \"indicators\": "
				   "[{\"name\": \"户数\", \"actual\": 10}]}]}");
	jx_monitoring *m = NULL;
	assert_int_equal(jx_monitor(&m, pkg, act, day(8, 15), NULL), 0);
	assert_int_equal(m->projects.n, 3);
	assert_string_equal(m->projects.v[0].project->name, "乙项目");
	assert_string_equal(m->projects.v[1].project->name, "甲项目");
	assert_string_equal(m->projects.v[2].project->name, "丙项目");

	const jx_project_progress *a = project(m, "甲项目");
	assert_true(a->has_spending);
	assert_dec(&a->expected_percent, "59.27");
	assert_dec(&a->spent_percent, "40.00");
	assert_dec(&a->spending_ratio, "67.5");
	assert_int_equal(a->spending_light, JX_LIGHT_YELLOW);
	const jx_ind_progress *n = indicator(a, "人数");
	assert_true(n->has_ratio);
	assert_dec(&n->expected, "74.84");
	assert_dec(&n->ratio, "80.2");
	assert_int_equal(n->light, JX_LIGHT_GREEN);
	assert_non_null(strstr(n->how, "74.84人"));
	assert_dec(&a->behind, "67.5");
	/* no actual for 合格率: no light; the deadline 6月30日 has passed without completion: red */
	assert_int_equal(indicator(a, "合格率")->light, JX_LIGHT_NONE);
	assert_int_equal(indicator(a, "完成时间")->light, JX_LIGHT_RED);
	assert_int_equal(a->worst, JX_LIGHT_RED);

	const jx_project_progress *b = project(m, "乙项目");
	assert_dec(&b->expected_percent, "62.37");
	assert_dec(&b->spent_percent, "50.00");
	assert_dec(&b->spending_ratio, "80.2");
	assert_int_equal(b->spending_light, JX_LIGHT_GREEN);
	const jx_ind_progress *h = indicator(b, "户数");
	assert_dec(&h->expected, "14.97");
	assert_dec(&h->ratio, "66.8");
	assert_int_equal(h->light, JX_LIGHT_YELLOW);
	assert_dec(&b->behind, "66.8");
	assert_int_equal(b->worst, JX_LIGHT_YELLOW);

	/* 丙: listed without light, with a note */
	const jx_project_progress *c = project(m, "丙项目");
	assert_null(c->act);
	assert_int_equal(c->worst, JX_LIGHT_NONE);
	assert_false(c->has_spending);
	bool noted = false;
	for (size_t i = 0; i < m->notes.n; i++)
		noted |= !strcmp(m->notes.v[i].code, "monitor.no-actual") && strstr(m->notes.v[i].message, "丙项目");
	assert_true(noted);
	jx_monitoring_free(m);
	jx_actuals_free(act);
	jx_pkg_free(pkg);
}

/* Spending at checkpoints and between them: 2025-03-31 → m = 3 → 25.00% exactly; 2025-01-31 → m = 1 →
 * 25 × 1/3 = 8.33%; 2025-11-15 → m = 10 + 15/30 = 10.5 → 75 + 25 × 0.5/2 = 81.25%; 2025-12-31 → 100%. */
static void test_schedule_points(void **state)
{
	(void)state;
	jx_pkg *pkg = load_pkg();
	jx_actuals *act = load_act("{\"projects\": [{\"name\": \"甲项目\", \"spent\": \"25.00\"}]}");
	static const struct {
		int m, d;
		const char *expected, *ratio;
		jx_light light;
	} cases[] = {
		{3, 31, "25.00", "100.0", JX_LIGHT_GREEN},
		{1, 31, "8.33", "300.0", JX_LIGHT_BLUE},   /* 25 / (25/3) = 300% */
		{11, 15, "81.25", "30.8", JX_LIGHT_RED},  /* 25 / 81.25 = 30.77% */
		{12, 31, "100.00", "25.0", JX_LIGHT_RED},
		{6, 30, "50.00", "50.0", JX_LIGHT_RED},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		jx_monitoring *m = NULL;
		assert_int_equal(jx_monitor(&m, pkg, act, day(cases[i].m, cases[i].d), NULL), 0);
		const jx_project_progress *a = project(m, "甲项目");
		assert_dec(&a->expected_percent, cases[i].expected);
		assert_dec(&a->spent_percent, "25.00");
		assert_dec(&a->spending_ratio, cases[i].ratio);
		assert_int_equal(a->spending_light, cases[i].light);
		jx_monitoring_free(m);
	}
	jx_actuals_free(act);
	jx_pkg_free(pkg);
}

/* No schedule: 2025-06-30 → m = 6 → 50.00%; 2025-02-28 → m = 2 → 16.67% (2025 is not a leap year);
 * 乙 spent 3万元 of 12万元 = 25%: ratios 50.0 (red) and 25/16.6667 = 150.0 (blue). */
static void test_no_schedule(void **state)
{
	(void)state;
	jx_pkg *pkg = load_pkg();
	jx_actuals *act = load_act("{\"projects\": [{\"name\": \"乙项目\", \"spent\": 3}]}");
	jx_monitoring *m = NULL;
	assert_int_equal(jx_monitor(&m, pkg, act, day(6, 30), NULL), 0);
	const jx_project_progress *b = project(m, "乙项目");
	assert_dec(&b->expected_percent, "50.00");
	assert_dec(&b->spending_ratio, "50.0");
	assert_int_equal(b->spending_light, JX_LIGHT_RED);
	/* the project's own amount is the budget when the actuals give none */
	assert_dec(&b->spent_percent, "25.00");
	/* 户数 has no actual: no light, so only spending counts */
	assert_int_equal(indicator(b, "户数")->light, JX_LIGHT_NONE);
	assert_dec(&b->behind, "50.0");
	jx_monitoring_free(m);
	assert_int_equal(jx_monitor(&m, pkg, act, day(2, 28), NULL), 0);
	b = project(m, "乙项目");
	assert_dec(&b->expected_percent, "16.67");
	assert_dec(&b->spending_ratio, "150.0");
	assert_int_equal(b->spending_light, JX_LIGHT_BLUE);
	jx_monitoring_free(m);
	jx_actuals_free(act);
	jx_pkg_free(pkg);
}

/* Each boundary, as of 2025-06-30 (m = 6): 人数 ≥120人 → expected 60人. The light is decided on the ratio as shown
 * (one decimal): 35.97 / 60 = 59.95% shows 60.0 and is yellow; 35.94 / 60 = 59.9% is red. */
static void test_light_boundaries(void **state)
{
	(void)state;
	jx_pkg *pkg = load_pkg();
	static const struct {
		const char *actual, *ratio;
		jx_light light;
	} cases[] = {
		{"35.94人", "59.9", JX_LIGHT_RED},     {"35.97人", "60.0", JX_LIGHT_YELLOW}, {"36人", "60.0", JX_LIGHT_YELLOW},
		{"47.96人", "79.9", JX_LIGHT_YELLOW},  {"48人", "80.0", JX_LIGHT_GREEN},     {"71.96人", "119.9", JX_LIGHT_GREEN},
		{"72人", "120.0", JX_LIGHT_BLUE},      {"0人", "0.0", JX_LIGHT_RED},         {"150人", "250.0", JX_LIGHT_BLUE},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char actual[64];
		snprintf(actual, sizeof actual, "\"actual\": \"%s\"", cases[i].actual);
		jx_actuals *act;
		jx_monitoring *m = one(pkg, &act, "人数", actual, day(6, 30), NULL);
		const jx_ind_progress *ip = indicator(project(m, "甲项目"), "人数");
		assert_dec(&ip->expected, "60");
		assert_dec(&ip->ratio, cases[i].ratio);
		assert_int_equal(ip->light, cases[i].light);
		jx_monitoring_free(m);
		jx_actuals_free(act);
	}
	/* configured thresholds 50/70/110: 60% is yellow, 110% is blue, 49.9% red, 70% green */
	jx_monitor_config cfg = {50, 70, 110};
	static const struct {
		const char *actual;
		jx_light light;
	} conf[] = {{"36人", JX_LIGHT_YELLOW}, {"66人", JX_LIGHT_BLUE}, {"29.94人", JX_LIGHT_RED}, {"42人", JX_LIGHT_GREEN}};
	for (size_t i = 0; i < sizeof conf / sizeof conf[0]; i++) {
		char actual[64];
		snprintf(actual, sizeof actual, "\"actual\": \"%s\"", conf[i].actual);
		jx_actuals *act;
		jx_monitoring *m = one(pkg, &act, "人数", actual, day(6, 30), &cfg);
		assert_int_equal(indicator(project(m, "甲项目"), "人数")->light, conf[i].light);
		jx_monitoring_free(m);
		jx_actuals_free(act);
	}
	jx_pkg_free(pkg);
}

/* Within-range checks, as of 2025-06-30 (m = 6). */
static void test_ranges(void **state)
{
	(void)state;
	jx_pkg *pkg = load_pkg();
	static const struct {
		const char *name, *actual;
		jx_light light;
		const char *ratio;    /* NULL: no ratio */
		const char *expected; /* NULL: not checked */
	} cases[] = {
		/* a rate ≥ 95%: met or not at the date; ratio actual / target */
		{"合格率", "\"actual\": \"95%\"", JX_LIGHT_GREEN, "100.0", "95"},
		{"合格率", "\"actual\": \"94.9%\"", JX_LIGHT_RED, "99.9", "95"},
		{"合格率", "\"actual\": \"100%\"", JX_LIGHT_GREEN, "105.3", "95"},
		/* a cost ceiling ≤ 60万元: pro rata 30万元 by June; 万元 and 元 compare exactly */
		{"经费", "\"actual\": \"300000元\"", JX_LIGHT_GREEN, NULL, "30"},
		{"经费", "\"actual\": \"30.01万元\"", JX_LIGHT_YELLOW, NULL, "30"},
		{"经费", "\"actual\": \"60万元\"", JX_LIGHT_YELLOW, NULL, "30"},
		{"经费", "\"actual\": \"60.01万元\"", JX_LIGHT_RED, NULL, "30"},
		/* a capped count may be reached early: green up to the cap (300 > 500 × 6/12 is still green), red over it */
		{"上限人数", "\"actual\": \"300人\"", JX_LIGHT_GREEN, NULL, "500"},
		{"上限人数", "\"actual\": \"500人\"", JX_LIGHT_GREEN, NULL, "500"},
		{"上限人数", "\"actual\": \"501人\"", JX_LIGHT_RED, NULL, "500"},
		/* a cost standard (no comparator) is a ceiling on a rate */
		{"标准", "\"actual\": \"480元/人\"", JX_LIGHT_GREEN, NULL, "500"},
		{"标准", "\"actual\": \"500元/人\"", JX_LIGHT_GREEN, NULL, "500"},
		{"标准", "\"actual\": \"520元/人\"", JX_LIGHT_RED, NULL, "500"},
		/* a zero target: green only at zero */
		{"事故", "\"actual\": \"0起\"", JX_LIGHT_GREEN, NULL, NULL},
		{"事故", "\"actual\": \"1起\"", JX_LIGHT_RED, NULL, NULL},
		/* qualitative: by level; no level, no light */
		{"效果", "\"actual\": \"明显提高\", \"level\": \"达成\"", JX_LIGHT_GREEN, NULL, NULL},
		{"效果", "\"level\": \"部分达成\"", JX_LIGHT_YELLOW, NULL, NULL},
		{"效果", "\"actual\": \"没有提高\", \"level\": \"未达成\"", JX_LIGHT_RED, NULL, NULL},
		{"效果", "\"actual\": \"有所提高\"", JX_LIGHT_NONE, NULL, NULL},
		/* a deadline of 2025-06-30, as of the same day */
		{"完成时间", "\"actual\": \"2025年6月20日\"", JX_LIGHT_GREEN, NULL, NULL},
		{"完成时间", "\"actual\": \"进行中\"", JX_LIGHT_GREEN, NULL, NULL},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		jx_actuals *act;
		jx_monitoring *m = one(pkg, &act, cases[i].name, cases[i].actual, day(6, 30), NULL);
		const jx_ind_progress *ip = indicator(project(m, "甲项目"), cases[i].name);
		if (ip->light != cases[i].light)
			fail_msg("%s %s: light %s (%s)", cases[i].name, cases[i].actual, jx_light_name(ip->light), ip->how);
		assert_int_equal(ip->has_ratio, cases[i].ratio != NULL);
		if (cases[i].ratio)
			assert_dec(&ip->ratio, cases[i].ratio);
		if (cases[i].expected)
			assert_dec(&ip->expected, cases[i].expected);
		assert_non_null(ip->how);
		jx_monitoring_free(m);
		jx_actuals_free(act);
	}
	jx_pkg_free(pkg);
}

/* Deadlines: not due yet is green without an actual; passed without completion is red; done late is red. */
static void test_deadlines(void **state)
{
	(void)state;
	jx_pkg *pkg = load_pkg();
	jx_actuals *act = load_act("{\"projects\": [{\"name\": \"甲项目\", \"spent\": 50}]}");
	jx_monitoring *m = NULL;
	assert_int_equal(jx_monitor(&m, pkg, act, day(6, 30), NULL), 0);
	assert_int_equal(indicator(project(m, "甲项目"), "完成时间")->light, JX_LIGHT_GREEN);
	jx_monitoring_free(m);
	assert_int_equal(jx_monitor(&m, pkg, act, day(7, 1), NULL), 0);
	const jx_ind_progress *ip = indicator(project(m, "甲项目"), "完成时间");
	assert_int_equal(ip->light, JX_LIGHT_RED);
	assert_non_null(strstr(ip->how, "已过"));
	jx_monitoring_free(m);
	jx_actuals_free(act);

	m = one(pkg, &act, "完成时间", "\"actual\": \"2025年7月1日\"", day(7, 10), NULL);
	ip = indicator(project(m, "甲项目"), "完成时间");
	assert_int_equal(ip->light, JX_LIGHT_RED);
	assert_non_null(strstr(ip->how, "晚于"));
	jx_monitoring_free(m);
	jx_actuals_free(act);
	m = one(pkg, &act, "完成时间", "\"actual\": \"已完成\"", day(9, 1), NULL);
	assert_int_equal(indicator(project(m, "甲项目"), "完成时间")->light, JX_LIGHT_GREEN);
	jx_monitoring_free(m);
	jx_actuals_free(act);
	jx_pkg_free(pkg);
}

/* Nothing expected yet (a 0% checkpoint): no ratio; green when nothing is spent, blue when something is. */
static void test_nothing_expected(void **state)
{
	(void)state;
	static const char pkg_json[] =
		"{\"year\": 2025, \"projects\": [{\"name\": \"丁项目\", \"amount\": {\"text\": \"10\", \"unit\": \"万元\"},"
		" \"schedule\": [{\"month\": 3, \"percent\": \"0\"}, {\"month\": 12, \"percent\": \"100\"}]}]}";
	jx_pkg *pkg = NULL;
	assert_int_equal(jx_pkg_from_json(&pkg, pkg_json, strlen(pkg_json), "p.json"), 0);
	jx_actuals *act = load_act("{\"projects\": [{\"name\": \"丁项目\", \"spent\": 0}]}");
	jx_monitoring *m = NULL;
	assert_int_equal(jx_monitor(&m, pkg, act, day(2, 15), NULL), 0);
	assert_dec(&m->projects.v[0].expected_percent, "0.00");
	assert_int_equal(m->projects.v[0].spending_light, JX_LIGHT_GREEN);
	jx_monitoring_free(m);
	/* 2025-06-30: 0 + 100 × (6 − 3)/9 = 33.33%; spent 0 → ratio 0.0, red */
	assert_int_equal(jx_monitor(&m, pkg, act, day(6, 30), NULL), 0);
	assert_dec(&m->projects.v[0].expected_percent, "33.33");
	assert_dec(&m->projects.v[0].spending_ratio, "0.0");
	assert_int_equal(m->projects.v[0].spending_light, JX_LIGHT_RED);
	jx_monitoring_free(m);
	jx_actuals_free(act);
	act = load_act("{\"projects\": [{\"name\": \"丁项目\", \"spent\": 1}]}");
	assert_int_equal(jx_monitor(&m, pkg, act, day(2, 15), NULL), 0);
	assert_int_equal(m->projects.v[0].spending_light, JX_LIGHT_BLUE);
	jx_monitoring_free(m);
	jx_actuals_free(act);
	jx_pkg_free(pkg);
}

/* Money edge cases: spent over the budget (120万元 of 100万元 by June: 120% spent, 50% expected → 240.0%, blue, and a
 * note), the actuals' 全年预算数 preferred to the package's amount (80万元: 40 / 80 = 50% → 100.0%), and a project
 * with no budget anywhere (no spending light, a note). */
static void test_money_edges(void **state)
{
	(void)state;
	jx_pkg *pkg = load_pkg();
	jx_actuals *act = load_act("{\"projects\": [{\"name\": \"甲项目\", \"spent\": \"120\"}]}");
	jx_monitoring *m = NULL;
	assert_int_equal(jx_monitor(&m, pkg, act, day(6, 30), NULL), 0);
	const jx_project_progress *a = project(m, "甲项目");
	assert_dec(&a->spent_percent, "120.00");
	assert_dec(&a->spending_ratio, "240.0");
	assert_int_equal(a->spending_light, JX_LIGHT_BLUE);
	bool over = false;
	for (size_t i = 0; i < m->notes.n; i++)
		over |= !strcmp(m->notes.v[i].code, "monitor.over-budget");
	assert_true(over);
	jx_monitoring_free(m);
	jx_actuals_free(act);

	act = load_act("{\"projects\": [{\"name\": \"甲项目\", \"budget_initial\": \"100\", \"budget\": \"80\", "
		       "\"spent\": \"40\"}]}");
	assert_int_equal(jx_monitor(&m, pkg, act, day(6, 30), NULL), 0);
	assert_dec(&project(m, "甲项目")->spent_percent, "50.00");
	assert_dec(&project(m, "甲项目")->spending_ratio, "100.0");
	assert_int_equal(project(m, "甲项目")->spending_light, JX_LIGHT_GREEN);
	jx_monitoring_free(m);
	jx_actuals_free(act);
	jx_pkg_free(pkg);

	static const char pkg_json[] = "{\"year\": 2025, \"projects\": [{\"name\": \"戊项目\"}]}";
	assert_int_equal(jx_pkg_from_json(&pkg, pkg_json, strlen(pkg_json), "p.json"), 0);
	act = load_act("{\"projects\": [{\"name\": \"戊项目\", \"spent\": 3}]}");
	assert_int_equal(jx_monitor(&m, pkg, act, day(6, 30), NULL), 0);
	assert_false(m->projects.v[0].has_spending);
	assert_int_equal(m->projects.v[0].worst, JX_LIGHT_NONE);
	assert_int_equal(m->notes.n, 1);
	assert_string_equal(m->notes.v[0].code, "monitor.no-budget");
	jx_monitoring_free(m);
	jx_actuals_free(act);
	jx_pkg_free(pkg);
}

static void expect_einval(jx_pkg *pkg, const char *json, jx_date as_of, const char *words)
{
	jx_actuals *act = load_act(json);
	jx_monitoring *m = (jx_monitoring *)1;
	assert_int_equal(jx_monitor(&m, pkg, act, as_of, NULL), JX_EINVAL);
	assert_null(m);
	if (!strstr(jx_error_last(), words))
		fail_msg("message “%s” lacks “%s”", jx_error_last(), words);
	jx_actuals_free(act);
}

static void test_bad_input(void **state)
{
	(void)state;
	jx_pkg *pkg = load_pkg();
	const char *ok = "{\"projects\": [{\"name\": \"甲项目\", \"spent\": 1}]}";
	/* an indicator the project does not have */
	expect_einval(pkg, "{\"projects\": [{\"name\": \"甲项目\", \"indicators\": [{\"name\": \"不存在的指标\", \"actual\": \"3人\"}]}]}",
		      day(6, 30), "不存在的指标");
	/* a project the package does not have */
	expect_einval(pkg, "{\"projects\": [{\"name\": \"戊项目\", \"spent\": 1}]}", day(6, 30), "戊项目");
	/* the same project twice */
	expect_einval(pkg, "{\"projects\": [{\"name\": \"甲项目\"}, {\"code\": \"A1\"}]}", day(6, 30), "重复");
	/* the same indicator twice */
	expect_einval(pkg, "{\"projects\": [{\"name\": \"乙项目\", \"indicators\": [{\"name\": \"户数\", \"actual\": 3}, "
		      "{\"name\": \"户数\", \"actual\": 4}]}]}", day(6, 30), "两次");
	/* % against a count, a count against %, people against 户, money against a count */
	expect_einval(pkg, "{\"projects\": [{\"name\": \"甲项目\", \"indicators\": [{\"name\": \"人数\", \"actual\": \"60%\"}]}]}",
		      day(6, 30), "人数");
	expect_einval(pkg, "{\"projects\": [{\"name\": \"甲项目\", \"indicators\": [{\"name\": \"合格率\", \"actual\": \"95人\"}]}]}",
		      day(6, 30), "合格率");
	expect_einval(pkg, "{\"projects\": [{\"name\": \"乙项目\", \"indicators\": [{\"name\": \"户数\", \"actual\": \"10人\"}]}]}",
		      day(6, 30), "户数");
	expect_einval(pkg, "{\"projects\": [{\"name\": \"甲项目\", \"indicators\": [{\"name\": \"经费\", \"actual\": \"30人\"}]}]}",
		      day(6, 30), "经费");
	/* words where a number is due */
	expect_einval(pkg, "{\"projects\": [{\"name\": \"甲项目\", \"indicators\": [{\"name\": \"人数\", \"actual\": \"很多\"}]}]}",
		      day(6, 30), "不是数值");
	/* dates outside the budget year or not a date at all */
	expect_einval(pkg, ok, (jx_date){2024, 12, 31}, "2024-12-31");
	expect_einval(pkg, ok, (jx_date){2026, 1, 1}, "预算年度 2025");
	expect_einval(pkg, ok, day(2, 29), "2025-02-29");
	expect_einval(pkg, ok, day(13, 1), "不是预算年度");
	/* actuals of another year */
	expect_einval(pkg, "{\"year\": 2024, \"projects\": []}", day(6, 30), "2024");
	/* a completion date in another year */
	expect_einval(pkg, "{\"projects\": [{\"name\": \"甲项目\", \"indicators\": [{\"name\": \"完成时间\", \"actual\": \"2024年6月1日\"}]}]}",
		      day(6, 30), "不在预算年度");
	/* thresholds out of order */
	jx_actuals *act = load_act(ok);
	jx_monitor_config cfg = {80, 60, 120};
	jx_monitoring *m = NULL;
	assert_int_equal(jx_monitor(&m, pkg, act, day(6, 30), &cfg), JX_EINVAL);
	jx_actuals_free(act);
	jx_pkg_free(pkg);
}

static void test_render(void **state)
{
	(void)state;
	jx_pkg *pkg = load_pkg();
	jx_actuals *act = load_act("{\"as_of\": \"2025-08-15\", \"projects\": ["
				   "{\"name\": \"甲项目\", \"spent\": \"40\", \"indicators\": [{\"name\": \"人数\", "
				   "\"actual\": \"60人\", \"reason\": \"<延期>\"}]},"
				   "{\"name\": \"乙项目\", \"spent\": \"6.00\", \"indicators\": [{\"name\": \"户数\", \"actual\": 10}]}]}");
	jx_monitoring *m = NULL;
	assert_int_equal(jx_monitor(&m, pkg, act, day(8, 15), NULL), 0);
	char *out = NULL;
	size_t len = 0;

	assert_int_equal(jx_monitoring_render(m, JX_EVAL_TEXT, &out, &len), 0);
	assert_int_equal(strlen(out), len);
	assert_non_null(strstr(out, "监控日期：2025-08-15（第 7.48 个月）"));
	char *p1 = strstr(out, "1. 乙项目  黄灯  最低完成比 66.8%"), *p2 = strstr(out, "2. 甲项目  红灯  最低完成比 67.5%");
	assert_non_null(p1);
	assert_non_null(p2);
	assert_true(p1 < p2);
	assert_non_null(strstr(out, "3. 丙项目  无灯"));
	assert_non_null(strstr(out, "黄灯 资金：应支出 59.27%（按支出计划），实际支出 40.00%（已支出 400000元，预算 1000000元），为计划的 67.5%"));
	assert_non_null(strstr(out, "绿灯 资金：应支出 62.37%（无支出计划，按全年均衡）"));
	assert_non_null(strstr(out, "黄灯 户数：应完成 14.97户（全年 ≥24户 × 7.48/12），实际 10户，为应完成的 66.8%"));
	assert_non_null(strstr(out, "原因及措施：<延期>"));
	free(out);

	assert_int_equal(jx_monitoring_render(m, JX_EVAL_JSON, &out, &len), 0);
	json_error_t err;
	json_t *root = json_loads(out, 0, &err);
	assert_non_null(root);
	assert_string_equal(json_string_value(json_object_get(root, "as_of")), "2025-08-15");
	assert_string_equal(json_string_value(json_object_get(root, "month")), "7.48");
	json_t *projects = json_object_get(root, "projects");
	assert_int_equal(json_array_size(projects), 3);
	json_t *first = json_array_get(projects, 0);
	assert_string_equal(json_string_value(json_object_get(first, "name")), "乙项目");
	assert_string_equal(json_string_value(json_object_get(first, "light")), "yellow");
	assert_string_equal(json_string_value(json_object_get(first, "behind")), "66.8");
	json_t *sp = json_object_get(json_array_get(projects, 1), "spending");
	assert_string_equal(json_string_value(json_object_get(sp, "expected_percent")), "59.27");
	assert_string_equal(json_string_value(json_object_get(sp, "ratio")), "67.5");
	assert_string_equal(json_string_value(json_object_get(sp, "light_zh")), "黄灯");
	json_t *third = json_array_get(projects, 2);
	assert_true(json_is_false(json_object_get(third, "has_actuals")));
	assert_true(json_is_null(json_object_get(third, "behind")));
	assert_true(json_is_null(json_object_get(third, "spending")));
	json_t *ind = json_array_get(json_object_get(first, "indicators"), 0);
	assert_string_equal(json_string_value(json_object_get(ind, "expected")), "14.97");
	assert_string_equal(json_string_value(json_object_get(ind, "ratio")), "66.8");
	assert_int_equal(json_integer_value(json_object_get(json_object_get(root, "counts"), "red")), 1);
	json_decref(root);
	free(out);

	assert_int_equal(jx_monitoring_render(m, JX_EVAL_HTML, &out, &len), 0);
	assert_true(!strncmp(out, "<!DOCTYPE html>", 15));
	assert_non_null(strstr(out, "测试&lt;部门&gt;"));
	assert_null(strstr(out, "<部门>"));
	assert_non_null(strstr(out, "&lt;延期&gt;"));
	assert_non_null(strstr(out, "<span class=\"light yellow\">黄灯</span>"));
	assert_non_null(strstr(out, "<span class=\"light red\">红灯</span>"));
	assert_non_null(strstr(out, "</html>\n"));
	free(out);

	assert_int_equal(jx_monitoring_render(m, (jx_eval_format)9, &out, &len), JX_EINVAL);
	jx_monitoring_free(m);
	jx_actuals_free(act);
	jx_pkg_free(pkg);
}

/* The example shipped in examples/: 2025-06-30 (m = 6). 职业技能培训: schedule 40% by 6月底, spent 1.96 of 9.80万元 =
 * 20% → 50.0%, red; 培训人次 ≥200 → 100 expected, 70 → 70.0% yellow. 康复救助: 50% expected, 10.80 of 24.00 =
 * 45% → 90.0% green; 救助人数 ≥20 → 10 expected, 13 → 130.0% blue. */
static void test_example(void **state)
{
	(void)state;
	size_t len;
	char *data = tu_read_file(JX_EXAMPLES_DIR "/qingshan-2025.json", &len);
	jx_pkg *pkg = NULL;
	assert_int_equal(jx_pkg_from_json(&pkg, data, len, "qingshan-2025.json"), 0);
	free(data);
	jx_actuals *act = NULL;
	assert_int_equal(jx_actuals_load(&act, JX_EXAMPLES_DIR "/qingshan-2025-midyear.json"), 0);
	jx_monitoring *m = NULL;
	assert_int_equal(jx_monitor(&m, pkg, act, day(6, 30), NULL), 0);
	assert_int_equal(m->projects.n, 3);
	const jx_project_progress *a = &m->projects.v[0];
	assert_string_equal(a->project->name, "残疾人职业技能培训");
	assert_dec(&a->spending_ratio, "50.0");
	assert_int_equal(a->worst, JX_LIGHT_RED);
	assert_dec(&indicator(a, "培训人次")->ratio, "70.0");
	const jx_project_progress *b = &m->projects.v[1];
	assert_string_equal(b->project->name, "残疾儿童康复救助");
	assert_dec(&b->spending_ratio, "90.0");
	assert_int_equal(indicator(b, "救助残疾儿童人数")->light, JX_LIGHT_BLUE);
	assert_null(m->projects.v[2].act);
	jx_monitoring_free(m);
	jx_actuals_free(act);
	jx_pkg_free(pkg);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_light_names),     cmocka_unit_test(test_worked_example),
		cmocka_unit_test(test_schedule_points), cmocka_unit_test(test_no_schedule),
		cmocka_unit_test(test_light_boundaries), cmocka_unit_test(test_ranges),
		cmocka_unit_test(test_deadlines),       cmocka_unit_test(test_nothing_expected),
		cmocka_unit_test(test_money_edges),
		cmocka_unit_test(test_bad_input),       cmocka_unit_test(test_render),
		cmocka_unit_test(test_example),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
