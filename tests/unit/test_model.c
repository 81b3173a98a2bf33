/* test_model.c: package lifecycle, amounts as printed, category names, notes and the text summary. */
#include <stdlib.h>
#include <string.h>

#include "jx/model.h"
#include "jx/summary.h"
#include "testutil.h"
#include "util/arena.h"

static jx_src src_at(unsigned line)
{
	jx_src s = {"t.txt", 0, line, 0, 0};
	return s;
}

static void test_amount_parse(void **state)
{
	(void)state;
	jx_pkg *pkg = jx_pkg_new();
	assert_non_null(pkg);
	jx_amount a;
	assert_int_equal(jx_amount_parse(pkg, &a, "1,806.23", strlen("1,806.23"), JX_MU_WANYUAN, src_at(3)), 0);
	assert_true(a.present);
	assert_int_equal(a.fen, 1806230000LL);
	assert_int_equal(a.scale, 2);
	assert_int_equal(a.unit, JX_MU_WANYUAN);
	assert_string_equal(a.text, "1,806.23");
	assert_int_equal(a.src.line, 3);
	char buf[40];
	assert_string_equal(jx_amount_format(&a, buf), "1806.23");

	assert_int_equal(jx_amount_parse(pkg, &a, " 190,000 ", strlen(" 190,000 "), JX_MU_YUAN, src_at(4)), 0);
	assert_int_equal(a.fen, 19000000);
	assert_string_equal(a.text, "190,000");
	assert_string_equal(jx_amount_format(&a, buf), "190000");

	/* A unit written after the number wins over the table's unit. */
	assert_int_equal(jx_amount_parse(pkg, &a, "45万元", strlen("45万元"), JX_MU_YUAN, src_at(5)), 0);
	assert_int_equal(a.fen, 45000000); /* 45万元 = 450,000元 */
	assert_int_equal(a.unit, JX_MU_WANYUAN);

	/* Blank is not an error, just absent. */
	assert_int_equal(jx_amount_parse(pkg, &a, "  ", 2, JX_MU_WANYUAN, src_at(6)), 0);
	assert_false(a.present);

	assert_int_equal(jx_amount_parse(pkg, &a, "无", strlen("无"), JX_MU_WANYUAN, src_at(7)), JX_EPARSE);
	assert_int_equal(jx_amount_parse(pkg, &a, "99999999999999999", 17, JX_MU_WANYUAN, src_at(8)), JX_ERANGE);
	assert_non_null(strstr(jx_error_last(), "超出范围"));
	jx_pkg_free(pkg);
}

static void test_fen_format(void **state)
{
	(void)state;
	char buf[40];
	assert_string_equal(jx_fen_format_yuan(30410000, buf), "304100");
	assert_string_equal(jx_fen_format_yuan(1250, buf), "12.5");
	assert_string_equal(jx_fen_format_yuan(-1, buf), "-0.01");
	assert_string_equal(jx_fen_format_yuan(0, buf), "0");
	jx_amount a = {true, 1806240000LL, JX_MU_WANYUAN, 2, NULL, {0}};
	assert_string_equal(jx_amount_format(&a, buf), "1806.24");
	jx_amount r = {true, 123456, JX_MU_WANYUAN, 2, NULL, {0}}; /* 0.123456 万元 shown to 2 places */
	assert_string_equal(jx_amount_format(&r, buf), "0.12");
}

static void test_levels_and_units(void **state)
{
	(void)state;
	assert_string_equal(jx_level1_name(JX_L1_OUTPUT), "产出指标");
	assert_string_equal(jx_level2_name(JX_L2_SATISFACTION), "服务对象满意度指标");
	assert_null(jx_level2_name(JX_L2_UNKNOWN));
	assert_int_equal(jx_level2_parent(JX_L2_COST), JX_L1_OUTPUT);
	assert_int_equal(jx_level2_parent(JX_L2_SUSTAINABLE), JX_L1_EFFECT);
	assert_int_equal(jx_level2_parent(JX_L2_SATISFACTION), JX_L1_SATISFACTION);
	assert_int_equal(jx_level2_parent(JX_L2_ECO_COST), JX_L1_COST);
	assert_int_equal(jx_money_unit_parse("单位：万元"), JX_MU_WANYUAN);
	assert_int_equal(jx_money_unit_parse("项目年度金额（元）"), JX_MU_YUAN);
	assert_int_equal(jx_money_unit_parse("人"), JX_MU_NONE);
	assert_int_equal(jx_money_unit_fen_per(JX_MU_YIYUAN), 10000000000LL);
}

static void test_notes_and_summary(void **state)
{
	(void)state;
	jx_pkg *pkg = jx_pkg_new();
	pkg->dept.name = jx_pkg_strdup(pkg, "青山县残疾人联合会");
	pkg->dept.code = "301";
	pkg->year = 2025;
	jx_project *p = jx_vec_push(pkg->arena, &pkg->projects);
	assert_non_null(p);
	p->name = "残疾儿童康复救助";
	assert_int_equal(jx_amount_parse(pkg, &p->amount, "19.00", 5, JX_MU_WANYUAN, src_at(10)), 0);
	jx_indicator *ind = jx_vec_push(pkg->arena, &p->indicators);
	ind->name = "救助人数";
	assert_int_equal(jx_pkg_note(pkg, JX_NOTE_WARNING, "import.skipped", NULL, src_at(42), "第%d行未识别", 42), 0);
	assert_int_equal(pkg->notes.n, 1);
	assert_string_equal(pkg->notes.v[0].message, "第42行未识别");
	char *text = NULL;
	size_t len = 0;
	assert_int_equal(jx_pkg_summary(pkg, &text, &len), 0);
	assert_int_equal(strlen(text), len);
	assert_non_null(strstr(text, "部门：青山县残疾人联合会（代码 301）"));
	assert_non_null(strstr(text, "年度：2025"));
	assert_non_null(strstr(text, "项目（1 个）"));
	assert_non_null(strstr(text, "残疾儿童康复救助"));
	assert_non_null(strstr(text, "19.00万元"));
	assert_non_null(strstr(text, "t.txt:42: 警告: 第42行未识别"));
	free(text);
	jx_pkg_free(pkg);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_amount_parse),
		cmocka_unit_test(test_fen_format),
		cmocka_unit_test(test_levels_and_units),
		cmocka_unit_test(test_notes_and_summary),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
