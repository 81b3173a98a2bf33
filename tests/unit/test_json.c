/* test_json.c: canonical JSON: lossless round trips, hand-written input, and clear errors for bad input. */
#include <stdlib.h>
#include <string.h>

#include "jx/import.h"
#include "jx/json.h"
#include "testutil.h"
#include "util/arena.h"

static char *to_json(const jx_pkg *p, unsigned flags)
{
	char *s = NULL;
	size_t len = 0;
	assert_int_equal(jx_pkg_to_json(p, flags, &s, &len), 0);
	assert_int_equal(strlen(s), len);
	assert_int_equal(s[len - 1], '\n');
	return s;
}

/* JSON → package → JSON must give the same bytes. */
static void assert_round_trip(const jx_pkg *p)
{
	char *a = to_json(p, 0);
	jx_pkg *q = NULL;
	assert_int_equal(jx_pkg_from_json(&q, a, strlen(a), "a.json"), 0);
	char *b = to_json(q, 0);
	assert_string_equal(a, b);
	char *c = to_json(q, JX_JSON_COMPACT);
	assert_null(strchr(c, '\n') == c + strlen(c) - 1 ? NULL : strchr(c, '\n'));
	jx_pkg *r = NULL;
	assert_int_equal(jx_pkg_from_json(&r, c, strlen(c), "c.json"), 0);
	char *d = to_json(r, 0);
	assert_string_equal(a, d);
	free(a);
	free(b);
	free(c);
	free(d);
	jx_pkg_free(q);
	jx_pkg_free(r);
}

static void test_seeds_round_trip(void **state)
{
	(void)state;
	static const char *const seeds[] = {"000", "001", "002", "003", "004"};
	for (size_t i = 0; i < 5; i++) {
		char *path = tu_seed_path(seeds[i]);
		jx_pkg *p = NULL;
		assert_int_equal(jx_import_file(&p, path, NULL), 0);
		assert_round_trip(p);
		jx_pkg_free(p);
		free(path);
	}
}

static jx_src at(unsigned line)
{
	jx_src s = {"built.txt", 2, line, 3, 4};
	return s;
}

/* A package built by hand that sets fields of every struct, including the rarely used ones. */
static void test_every_field(void **state)
{
	(void)state;
	jx_pkg *p = jx_pkg_new();
	jx_arena *a = p->arena;
	p->dept.name = "某县某局";
	p->dept.code = "007";
	p->dept.region = "某县";
	p->dept.level = "本级";
	p->dept.duties = (jx_text){"职责", at(1)};
	p->dept.structure = (jx_text){"机构", at(2)};
	p->dept.internal_units = 5;
	p->dept.staff_actual = 20;
	p->dept.retired = 0;
	p->dept.src = at(3);
	p->year = 2025;
	p->title = "标题";
	jx_source *so = jx_vec_push(a, &p->sources);
	*so = (jx_source){"x.txt", "ab12", "text/pdf", "GB18030"};
	p->overall.present = true;
	p->overall.title = "整体";
	assert_int_equal(jx_amount_parse(p, &p->overall.total, "100.50", 6, JX_MU_WANYUAN, at(4)), 0);
	jx_named_amount *na = jx_vec_push(a, &p->overall.budget);
	na->group = "source";
	na->name = "一般公共预算";
	assert_int_equal(jx_amount_parse(p, &na->amount, "100.50", 6, JX_MU_WANYUAN, at(5)), 0);
	p->overall.goal = (jx_text){"目标", at(6)};
	p->overall.strategy = (jx_text){"战略", at(7)};
	jx_task *t = jx_vec_push(a, &p->overall.tasks);
	*t = (jx_task){"1", "任务", "职能", "办公室", {0}, {0}, {0}, {0}, at(8)};
	assert_int_equal(jx_amount_parse(p, &t->other, "1.0", 3, JX_MU_WANYUAN, at(8)), 0);
	jx_goal *g = jx_vec_push(a, &p->overall.goals);
	*g = (jx_goal){"1", "目标一", "任务1", at(9)};
	jx_project *pr = jx_vec_push(a, &p->projects);
	pr->name = "项目";
	pr->code = "P1";
	pr->attribute = "一次性项目";
	pr->duration = "1年";
	pr->supervisor = "主管";
	pr->supervisor_code = "059";
	pr->implementer = "实施";
	pr->office = "科室";
	pr->unit_label = "单位：元";
	pr->fund = "专项";
	pr->category = "特定目标类";
	assert_int_equal(jx_amount_parse(p, &pr->amount, "190,000", 7, JX_MU_YUAN, at(10)), 0);
	assert_int_equal(jx_amount_parse(p, &pr->amount_total, "380,000", 7, JX_MU_YUAN, at(11)), 0);
	assert_int_equal(jx_amount_parse(p, &pr->budget_initial, "190,000", 7, JX_MU_YUAN, at(11)), 0);
	assert_int_equal(jx_amount_parse(p, &pr->budget_full, "200,000", 7, JX_MU_YUAN, at(11)), 0);
	assert_int_equal(jx_amount_parse(p, &pr->spent, "196,000", 7, JX_MU_YUAN, at(11)), 0);
	pr->score_budget = (jx_decimal){980, 2};
	pr->score_total = (jx_decimal){9124, 2};
	jx_funding *f = jx_vec_push(a, &pr->funding);
	f->source = "市县财政资金";
	assert_int_equal(jx_amount_parse(p, &f->total, "380,000", 7, JX_MU_YUAN, at(12)), 0);
	assert_int_equal(jx_amount_parse(p, &f->year, "190,000", 7, JX_MU_YUAN, at(12)), 0);
	jx_schedule_point *sp = jx_vec_push(a, &pr->schedule);
	*sp = (jx_schedule_point){"3月底", 3, {2000, 2}, true, at(13)};
	pr->usage = (jx_text){"用途", at(14)};
	pr->overview = (jx_text){"概况", at(15)};
	jx_basis *b = jx_vec_push(a, &pr->basis);
	*b = (jx_basis){"依据", "晋市财社【2023】189号", at(16)};
	pr->necessity = (jx_text){"必要性", at(17)};
	pr->measures = (jx_text){"措施", at(18)};
	pr->plan = (jx_text){"计划", at(19)};
	pr->goal_total = (jx_text){"总目标", at(20)};
	pr->goal_year = (jx_text){"年度目标", at(21)};
	jx_indicator *d = jx_vec_push(a, &pr->indicators);
	d->l1 = JX_L1_OUTPUT;
	d->l2 = JX_L2_COST;
	d->level1 = "产出指标";
	d->level2 = "成本指标";
	d->level1_text = "产出";
	d->level2_text = "或本指标";
	d->name = "补助标准";
	d->desc = "描述";
	assert_int_equal(jx_value_parse(&d->value, "≤16000元/人/年", strlen("≤16000元/人/年"), a), 0);
	d->basis = "依据";
	d->standard = "计划标准";
	d->scope = JX_SCOPE_PERIOD;
	d->goal = 2;
	d->repairs = JX_REPAIR_L2_OCR | JX_REPAIR_NAME_JOINED;
	d->has_actual = true;
	assert_int_equal(jx_value_parse(&d->actual, "15000元/人/年", strlen("15000元/人/年"), a), 0);
	d->weight = (jx_decimal){1250, 2};
	d->score = (jx_decimal){1000, 2};
	d->reason = "原因";
	d->src = at(22);
	jx_line *l = jx_vec_push(a, &pr->lines);
	l->name = "明细";
	l->detail = "细节";
	assert_int_equal(jx_amount_parse(p, &l->amount, "45万元", strlen("45万元"), JX_MU_YUAN, at(23)), 0);
	l->calc = "3人*15000元";
	jx_fund_summary *fs = jx_vec_push(a, &p->funds);
	fs->title = "汇总";
	jx_fund_item *fi = jx_vec_push(a, &fs->items);
	fi->no = "一";
	fi->name = "专项";
	fi->goal_period = "实施期";
	fi->goal_year = "年度";
	jx_table *tb = jx_vec_push(a, &p->tables);
	tb->number = 1;
	tb->id = "t1";
	tb->title = "收支总表";
	tb->unit = JX_MU_WANYUAN;
	tb->unit_text = "万元";
	tb->note = "注：本表无数据";
	jx_column *c0 = jx_vec_push(a, &tb->columns), *c1 = jx_vec_push(a, &tb->columns);
	c0->name = "本年";
	c1->name = "合计";
	c1->side = 1;
	jx_row *rw = jx_vec_push(a, &tb->rows);
	rw->name = "八、社会保障和就业支出";
	rw->name2 = "第二名称";
	rw->side = 1;
	rw->level = 1;
	rw->kind = JX_ROW_TOTAL;
	rw->amounts = jx_arena_calloc(a, 2, sizeof(jx_amount));
	assert_int_equal(jx_amount_parse(p, &rw->amounts[1], "1557.08", 7, JX_MU_WANYUAN, at(24)), 0);
	jx_statement *st = jx_vec_push(a, &p->statements);
	st->section = "二、收入";
	st->text = "收入1,806.23万元，比上年增加59.63万元";
	jx_fact *fa = jx_vec_push(a, &st->facts);
	fa->kind = JX_FACT_CHANGE;
	fa->label = "收入";
	fa->sign = -1;
	fa->number = (jx_decimal){5963, 2};
	fa->unit = "万元";
	fa->text = "增加59.63万元";
	assert_int_equal(jx_pkg_note(p, JX_NOTE_ERROR, "import.x", "项目", at(25), "提示%d", 1), 0);

	assert_round_trip(p);
	char *s = to_json(p, 0);
	jx_pkg *q = NULL;
	assert_int_equal(jx_pkg_from_json(&q, s, strlen(s), "s.json"), 0);
	assert_int_equal(q->dept.internal_units, 5);
	assert_int_equal(q->dept.retired, 0);
	assert_int_equal(q->dept.staff_other, -1);
	assert_string_equal(q->sources.v[0].encoding, "GB18030");
	const jx_project *qp = &q->projects.v[0];
	assert_int_equal(qp->amount.fen, 19000000);
	assert_int_equal(qp->amount.unit, JX_MU_YUAN);
	assert_string_equal(qp->amount.text, "190,000");
	assert_int_equal(qp->amount.src.page, 2);
	assert_int_equal(qp->amount.src.col, 3);
	assert_int_equal(qp->funding.v[0].total.fen, 38000000);
	assert_int_equal(qp->budget_initial.fen, 19000000);
	assert_int_equal(qp->budget_full.fen, 20000000);
	assert_int_equal(qp->spent.fen, 19600000);
	assert_int_equal(qp->score_budget.digits, 980);
	assert_int_equal(qp->score_total.scale, 2);
	assert_string_equal(qp->funding.v[0].source, "市县财政资金");
	assert_int_equal(qp->schedule.v[0].percent.digits, 2000);
	assert_int_equal(qp->schedule.v[0].percent.scale, 2);
	const jx_indicator *qd = &qp->indicators.v[0];
	assert_int_equal(qd->l2, JX_L2_COST);
	assert_int_equal(qd->scope, JX_SCOPE_PERIOD);
	assert_int_equal(qd->repairs, JX_REPAIR_L2_OCR | JX_REPAIR_NAME_JOINED);
	assert_int_equal(qd->value.fen, 1600000);
	assert_int_equal(qd->value.op, JX_OP_LE);
	assert_true(qd->has_actual);
	assert_int_equal(qd->actual.fen, 1500000);
	assert_int_equal(qd->weight.digits, 1250);
	assert_string_equal(qd->reason, "原因");
	assert_int_equal(qp->lines.v[0].amount.fen, 45000000);
	const jx_row *qr = &q->tables.v[0].rows.v[0];
	assert_false(qr->amounts[0].present);
	assert_int_equal(qr->amounts[1].fen, 1557080000);
	assert_int_equal(qr->kind, JX_ROW_TOTAL);
	assert_int_equal(q->tables.v[0].columns.v[1].side, 1);
	assert_int_equal(q->statements.v[0].facts.v[0].sign, -1);
	assert_int_equal(q->notes.v[0].level, JX_NOTE_ERROR);
	/* Without sources: no "source" anywhere, and the rest is unchanged. */
	char *ns = to_json(p, JX_JSON_NO_SOURCE);
	assert_null(strstr(ns, "\"source\": {"));
	assert_non_null(strstr(s, "\"source\": {"));
	assert_null(strstr(ns, "\"sources\""));
	assert_non_null(strstr(ns, "\"fen\": 19000000"));
	free(ns);
	free(s);
	jx_pkg_free(q);
	jx_pkg_free(p);
}

static void test_hand_written(void **state)
{
	(void)state;
	const char *s = "{\"department\":{\"name\":\"X\"},\"year\":2025,\"projects\":[{\"name\":\"P\","
			"\"amount\":{\"text\":\"1.5\",\"unit\":\"万元\"},\"indicators\":[{\"level1\":\"产出指标\","
			"\"level2\":\"数量指标\",\"name\":\"人数\",\"value\":\"≥20人\"}]}]}";
	jx_pkg *p = NULL;
	assert_int_equal(jx_pkg_from_json(&p, s, strlen(s), "h.json"), 0);
	assert_int_equal(p->projects.v[0].amount.fen, 1500000);
	assert_int_equal(p->projects.v[0].indicators.v[0].value.op, JX_OP_GE);
	assert_int_equal(p->projects.v[0].indicators.v[0].value.number.digits, 20);
	assert_int_equal(p->projects.v[0].indicators.v[0].l1, JX_L1_OUTPUT);
	assert_round_trip(p);
	jx_pkg_free(p);
	/* Our example package loads and round-trips. */
	jx_pkg *e = NULL;
	assert_int_equal(jx_import_file(&e, JX_EXAMPLES_DIR "/qingshan-2025.json", NULL), 0);
	assert_int_equal(e->projects.n, 3);
	assert_int_equal(e->projects.v[2].amount.fen, 6300000);
	assert_int_equal(e->tables.v[0].rows.n, 7);
	assert_false(e->tables.v[0].rows.v[3].amounts[2].present);
	assert_round_trip(e);
	jx_pkg_free(e);
}

static void test_value_json(void **state)
{
	(void)state;
	jx_value v;
	char *s;
	assert_int_equal(jx_value_parse(&v, "≤30.41万元", strlen("≤30.41万元"), NULL), 0);
	assert_int_equal(jx_value_to_json(&v, &s), 0);
	assert_string_equal(s, "{\"text\":\"≤30.41万元\",\"op\":\"<=\",\"number\":30.41,\"unit\":\"万元\",\"kind\":\"money\","
			       "\"fen\":30410000}");
	free(s);
	assert_int_equal(jx_value_parse(&v, "2024年12月31日前", strlen("2024年12月31日前"), NULL), 0);
	assert_int_equal(jx_value_to_json(&v, &s), 0);
	assert_non_null(strstr(s, "\"kind\":\"date\""));
	assert_non_null(strstr(s, "\"to\":\"2024-12-31\""));
	free(s);
	assert_int_equal(jx_value_parse(&v, "无", strlen("无"), NULL), 0);
	assert_int_equal(jx_value_to_json(&v, &s), 0);
	assert_string_equal(s, "{\"text\":\"无\",\"op\":null,\"number\":null,\"unit\":\"\",\"kind\":\"placeholder\"}");
	free(s);
}

static void expect_error(const char *json, int code, const char *part)
{
	jx_pkg *p = NULL;
	int rc = jx_pkg_from_json(&p, json, strlen(json), "bad.json");
	if (rc != code || !strstr(jx_error_last(), part))
		fail_msg("%s: got %d \"%s\", expected %d with \"%s\"", json, rc, jx_error_last(), code, part);
	assert_null(p);
}

static void test_errors(void **state)
{
	(void)state;
	expect_error("", JX_EPARSE, "bad.json: 文件为空");
	expect_error("  \n ", JX_EPARSE, "文件为空");
	expect_error("{\"year\": 2024,\n \"projects\": [", JX_EPARSE, "bad.json:2:");
	expect_error("[1,2]", JX_EPARSE, "顶层应为 JSON 对象");
	expect_error("{\"year\":\"二〇二四\"}", JX_EPARSE, "year: 应为整数");
	expect_error("{\"projects\":[{\"name\":\"a\"},{\"name\":\"b\",\"amount\":{\"fen\":\"x\"}}]}", JX_EPARSE,
		     "projects[1].amount.fen: 应为整数");
	expect_error("{\"projects\":[{\"amount\":{\"fen\":99999999999999999999999}}]}", JX_ERANGE, "bad.json:1:");
	expect_error("{\"projects\":[{\"amount\":{\"text\":\"99999999999999999\",\"unit\":\"万元\"}}]}", JX_ERANGE,
		     "projects[0].amount.text");
	expect_error("{\"department\":{\"name\":\"\xff\xfe\"}}", JX_EPARSE, "bad.json:1:");
	expect_error("{\"tables\":[{\"columns\":[{\"name\":\"a\"}],\"rows\":[{\"amounts\":[null,null]}]}]}", JX_EPARSE,
		     "tables[0].rows[0].amounts: 金额个数多于列数");
	expect_error("{\"projects\":{}}", JX_EPARSE, "projects: 应为数组");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_seeds_round_trip),
		cmocka_unit_test(test_every_field),
		cmocka_unit_test(test_hand_written),
		cmocka_unit_test(test_value_json),
		cmocka_unit_test(test_errors),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
