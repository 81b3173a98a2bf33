/* test_vocab.c: level names as written anywhere, OCR noise, run-together text, labels. */
#include <string.h>

#include "recognise/vocab.h"
#include "testutil.h"

#define L1(s) jx_vocab_level1(s, strlen(s), &approx)
#define L2(s) jx_vocab_level2(s, strlen(s), &approx)

static void test_level1(void **state)
{
	(void)state;
	bool approx;
	assert_int_equal(L1("产出指标"), JX_L1_OUTPUT);
	assert_false(approx);
	assert_int_equal(L1("产出"), JX_L1_OUTPUT);
	assert_int_equal(L1(" 效益指标 "), JX_L1_EFFECT);
	assert_int_equal(L1("满意度指标"), JX_L1_SATISFACTION);
	assert_int_equal(L1("清意度指标"), JX_L1_SATISFACTION); /* OCR */
	assert_true(approx);
	assert_int_equal(L1("级指标"), JX_L1_UNKNOWN);          /* a header cell, not a level */
	assert_int_equal(L1("残疾人探访人数"), JX_L1_UNKNOWN);
	assert_int_equal(L1(""), JX_L1_UNKNOWN);
}

static void test_level2(void **state)
{
	(void)state;
	bool approx;
	static const struct {
		const char *s;
		jx_level2 l2;
		bool approx;
	} cases[] = {
		{"数量指标", JX_L2_QUANTITY, false},
		{"质量指标", JX_L2_QUALITY, false},
		{"时效指标", JX_L2_TIMELINESS, false},
		{"成本指标", JX_L2_COST, false},
		{"经济效益", JX_L2_ECONOMIC, false},
		{"经济效益指标", JX_L2_ECONOMIC, false},
		{"社会效益", JX_L2_SOCIAL, false},
		{"生态效益指标", JX_L2_ECOLOGICAL, false},
		{"可持续影响  指标", JX_L2_SUSTAINABLE, false},
		{"可持续影响", JX_L2_SUSTAINABLE, false},
		{"服务对象满意度", JX_L2_SATISFACTION, false},
		{"服务对象满意度指标", JX_L2_SATISFACTION, false},
		{"社会公众及服务对象满意度指标", JX_L2_SATISFACTION, false},
		{"数量指程", JX_L2_QUANTITY, true},
		{"或本指标", JX_L2_COST, true},
		{"生杏效益指标", JX_L2_ECOLOGICAL, true},
		{"服务对象满意度指", JX_L2_SATISFACTION, true},
		{"经济成本指标", JX_L2_ECON_COST, false},
		{"残疾人探访人数", JX_L2_UNKNOWN, false},
		{"指标", JX_L2_UNKNOWN, false},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		jx_level2 got = L2(cases[i].s);
		if (got != cases[i].l2 || (got != JX_L2_UNKNOWN && approx != cases[i].approx))
			fail_msg("%s: got %d approx %d", cases[i].s, got, approx);
	}
}

static void test_prefix(void **state)
{
	(void)state;
	bool approx;
	jx_level2 l2;
	const char *s = "时效指标项目完成时间";
	size_t n = jx_vocab_prefix_level2(s, strlen(s), &l2, &approx);
	assert_int_equal(l2, JX_L2_TIMELINESS);
	assert_int_equal(n, strlen("时效指标"));
	assert_false(approx);
	s = "服务对象满意度指标受助残疾人满意度";
	n = jx_vocab_prefix_level2(s, strlen(s), &l2, &approx);
	assert_int_equal(l2, JX_L2_SATISFACTION);
	assert_int_equal(n, strlen("服务对象满意度指标"));
	s = "服务对象满意度指受助残疾人满意度"; /* the 标 was lost */
	n = jx_vocab_prefix_level2(s, strlen(s), &l2, &approx);
	assert_int_equal(l2, JX_L2_SATISFACTION);
	assert_true(n >= strlen("服务对象满意度"));
	s = "数量指程 助残帮扶户数";
	n = jx_vocab_prefix_level2(s, strlen(s), &l2, &approx);
	assert_int_equal(l2, JX_L2_QUANTITY);
	assert_true(approx);
	assert_int_equal(n, strlen("数量指程"));
	jx_level1 l1;
	s = "满意度指标服务对象满意度指标";
	n = jx_vocab_prefix_level1(s, strlen(s), &l1, &approx);
	assert_int_equal(l1, JX_L1_SATISFACTION);
	assert_int_equal(n, strlen("满意度指标"));
	s = "残疾儿童康复救助人数";
	assert_int_equal(jx_vocab_prefix_level2(s, strlen(s), &l2, &approx), 0);
	assert_int_equal(l2, JX_L2_UNKNOWN);
}

static void test_label(void **state)
{
	(void)state;
	static const char *const labels[] = {"项目名称", "主管部门", "实施单位", "单位自筹", "项目年度金额（元）", NULL};
	bool approx;
	assert_int_equal(jx_vocab_label("项目名称", strlen("项目名称"), labels, &approx), 0);
	assert_int_equal(jx_vocab_label("项目名称：", strlen("项目名称："), labels, &approx), 0);
	assert_int_equal(jx_vocab_label("单位白筹", strlen("单位白筹"), labels, &approx), 3);
	assert_true(approx);
	assert_int_equal(jx_vocab_label("项目年度金额(元)", strlen("项目年度金额(元)"), labels, &approx), 4);
	assert_int_equal(jx_vocab_label("其他资金", strlen("其他资金"), labels, &approx), -1);
	assert_int_equal(jx_vocab_distance("数量指标", strlen("数量指标"), "数量指程", strlen("数量指程")), 1);
	char out[64];
	assert_int_equal(jx_vocab_squeeze("可持续影响  指标", strlen("可持续影响  指标"), out, sizeof out),
			 strlen("可持续影响指标"));
	assert_string_equal(out, "可持续影响指标");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_level1),
		cmocka_unit_test(test_level2),
		cmocka_unit_test(test_prefix),
		cmocka_unit_test(test_label),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
