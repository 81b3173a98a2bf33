/* test_check_seeds.c: the review of the five seed documents. Every error found is a genuine mistake (checked by
 * hand, line by line), the known warnings are there, and the rounding differences of the disclosure tables come out
 * as info, never as errors. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "jx/check.h"
#include "jx/import.h"
#include "testutil.h"

typedef struct expect {
	uint32_t line;
	const char *rule;
} expect;

static jx_report *check_seed(const char *seed, jx_pkg **pkg)
{
	char *path = tu_seed_path(seed);
	assert_non_null(path);
	assert_int_equal(jx_import_file(pkg, path, NULL), 0);
	free(path);
	jx_report *r = jx_report_new();
	assert_int_equal(jx_check(r, *pkg, NULL), 0);
	jx_report_sort(r);
	return r;
}

static bool has(const jx_report *r, uint32_t line, const char *rule)
{
	for (size_t i = 0; i < jx_report_count(r); i++) {
		const jx_finding *f = jx_report_at(r, i);
		if (f->src.line == line && !strcmp(f->rule->id, rule))
			return true;
	}
	return false;
}

/* The errors are exactly these; the warnings include these. */
static void verify(const char *seed, const expect *errors, size_t nerr, const expect *warnings, size_t nwarn)
{
	jx_pkg *pkg = NULL;
	jx_report *r = check_seed(seed, &pkg);
	size_t found = 0;
	for (size_t i = 0; i < jx_report_count(r); i++) {
		const jx_finding *f = jx_report_at(r, i);
		if (f->severity != JX_SEV_ERROR)
			continue;
		bool listed = false;
		for (size_t k = 0; k < nerr; k++)
			listed |= errors[k].line == f->src.line && !strcmp(errors[k].rule, f->rule->id);
		if (!listed)
			fprintf(stderr, "seed %s: unexpected error %u %s: %s\n", seed, f->src.line, f->rule->id, f->message);
		assert_true(listed);
		found++;
	}
	assert_int_equal(found, nerr);
	for (size_t k = 0; k < nwarn; k++) {
		if (!has(r, warnings[k].line, warnings[k].rule))
			fprintf(stderr, "seed %s: missing %u %s\n", seed, warnings[k].line, warnings[k].rule);
		assert_true(has(r, warnings[k].line, warnings[k].rule));
	}
	jx_report_free(r);
	jx_pkg_free(pkg);
}

#define N(a) (sizeof(a) / sizeof((a)[0]))

static void test_seed_000(void **state)
{
	(void)state;
	static const expect warnings[] = {
		{137, "measure.rate-not-percent"},   /* 残疾儿童康复训练比例 ≥5人数 */
		{151, "measure.rate-not-percent"},   /* 及时率 ≤12月份 */
		{158, "frame.name-is-category"},     /* 成本指标 / 成本指标 */
		{184, "complete.no-timeliness"},     /* project 2 */
		{298, "complete.no-quality"},        /* project 3 */
		{751, "calc.cost-below-amount"},     /* 5.32万元 on 46.45万元 */
		{1141, "pkg.duplicate-project"},     /* 中央残疾人事业发展补助资金 twice */
		{684, "pkg.copied-indicators"},      /* projects 7–12 share one indicator set */
		{955, "pkg.copied-indicators"},      /* even the self-employment fund */
	};
	verify("000", NULL, 0, warnings, N(warnings));
	/* 3.29 against 3.30: within the printed precision, reported as rounding. */
	jx_pkg *pkg = NULL;
	jx_report *r = check_seed("000", &pkg);
	assert_true(has(r, 356, "calc.rounding"));
	jx_report_free(r);
	jx_pkg_free(pkg);
}

static void test_seed_001(void **state)
{
	(void)state;
	static const expect warnings[] = {
		{75, "measure.timeliness-no-date"},
		{91, "measure.timeliness-no-date"},
		{114, "measure.no-unit"}, /* ≥86519 with no unit */
	};
	verify("001", NULL, 0, warnings, N(warnings));
}

static void test_seed_002(void **state)
{
	(void)state;
	static const expect errors[] = {
		{420, "calc.count-times-standard"}, /* 45名×1.5万元 = 67.5 ≠ 40 */
		{498, "measure.quantity-no-number"},
		{650, "frame.wrong-parent"},        /* 社会效益 under 产出 */
		{781, "measure.quantity-no-number"},
		{859, "calc.count-times-standard"}, /* 3人×15000元 ≠ 3.19万元 */
	};
	static const expect warnings[] = {
		{250, "calc.cost-below-amount"}, /* 21.45 against 23.42 */
		{196, "complete.no-quality"},    /* 无 / 无 */
		{317, "complete.no-cost"},
		{598, "complete.no-cost"},
		{750, "complete.no-cost"},
		{809, "frame.effect-misclassified"}, /* 幸福感 under 经济效益 */
		{317, "complete.no-field"},          /* 项目期限 blank */
		{145, "complete.no-field"},          /* 附表2: 提退人员经费 without targets */
	};
	verify("002", errors, N(errors), warnings, N(warnings));
	jx_pkg *pkg = NULL;
	jx_report *r = check_seed("002", &pkg);
	assert_true(has(r, 406, "calc.rounding")); /* 居家托养 43.69 against 44 printed in whole 万元 */
	jx_report_free(r);
	jx_pkg_free(pkg);
}

static void test_seed_003(void **state)
{
	(void)state;
	static const expect errors[] = {{143, "measure.count-in-percent"}};
	static const expect warnings[] = {
		{9, "complete.term-conflict"}, {110, "complete.term-conflict"}, {191, "complete.term-conflict"},
		{267, "complete.term-conflict"}, {295, "measure.quantity-in-percent"},
	};
	verify("003", errors, N(errors), warnings, N(warnings));
}

static void test_seed_004(void **state)
{
	(void)state;
	static const expect errors[] = {
		{1087, "calc.count-times-standard"}, /* 11 × 16000 ≠ 190000 */
		{1208, "calc.count-times-standard"}, /* 27 × 16000 ≠ 288000 */
		{2075, "calc.count-times-standard"}, /* 45 × 1800 ≠ 86400 */
		{2528, "calc.count-times-standard"}, /* 369 × 500 ≠ 184600 */
		{2961, "calc.parts-sum"},            /* 30 + 7 + 23 ≠ 71.52 */
		{2992, "calc.count-times-standard"}, /* 200 × 1500 ≠ 23万 */
	};
	static const expect warnings[] = {
		{1520, "measure.rate-not-percent"}, /* 符合率 100人 */
		{3068, "measure.ge-on-cost"},
		{3070, "measure.ge-on-cost"},
		{3303, "pkg.stated-twice"},         /* 体检人数 5000 vs 5400 */
		{2887, "pkg.stated-twice"},         /* 三四级…补贴人数 ≥14000 in the overall table, ≤12500 in the project */
		{3615, "measure.unit-mismatch"},    /* …补贴人数 ≤20户 */
		{875, "table.narrative-parts"},     /* 22 projects "共计1,511.39万元", parts 24.00 + 1,481.58 */
		{2222, "calc.unit-cost-product"},   /* 7人 × 260元/人/年 = 1820 ≠ 1600 */
		{2677, "calc.unit-cost-product"},   /* 17户 × 1800元 ≠ 34000 */
	};
	verify("004", errors, N(errors), warnings, N(warnings));
	/* The six 0.01万元 differences of 表1–6 are rounding, reported as info. */
	jx_pkg *pkg = NULL;
	jx_report *r = check_seed("004", &pkg);
	static const uint32_t rounding_lines[] = {116, 139, 203, 398, 424, 496};
	for (size_t i = 0; i < N(rounding_lines); i++)
		assert_true(has(r, rounding_lines[i], "calc.rounding"));
	for (size_t i = 0; i < jx_report_count(r); i++) {
		const jx_finding *f = jx_report_at(r, i);
		if (!strncmp(f->rule->id, "table.", 6) && strcmp(f->rule->id, "table.narrative-parts"))
			fail_msg("table finding on seed 004: %s %s", f->rule->id, f->message);
	}
	/* 收支总表: 1806.24 summed against 1806.23 printed. */
	bool seen = false;
	for (size_t i = 0; i < jx_report_count(r); i++) {
		const jx_finding *f = jx_report_at(r, i);
		if (f->src.line == 116 && f->numeric && f->expected.digits == 1806240000 && f->actual.digits == 1806230000) {
			seen = true;
			assert_int_equal(f->severity, JX_SEV_INFO);
		}
	}
	assert_true(seen);
	jx_report_free(r);
	jx_pkg_free(pkg);
}

/* The narrative's amounts are looked up in the tables: changing one in the text of seed 004 is found. */
static void test_seed_004_narrative_changed(void **state)
{
	(void)state;
	char *path = tu_seed_path("004");
	size_t len = 0;
	char *text = tu_read_file(path, &len);
	free(path);
	assert_non_null(text);
	char *at = strstr(text, "基本支出294.84");
	assert_non_null(at);
	memcpy(at + strlen("基本支出"), "291.84", 6);
	jx_pkg *pkg = NULL;
	assert_int_equal(jx_import_buffer(&pkg, text, len, "004.txt", NULL), 0);
	jx_report *r = jx_report_new();
	assert_int_equal(jx_check(r, pkg, NULL), 0);
	size_t n = 0;
	for (size_t i = 0; i < jx_report_count(r); i++) {
		const jx_finding *f = jx_report_at(r, i);
		if (!strcmp(f->rule->id, "table.narrative-amount")) {
			n++;
			assert_string_equal(f->item, "基本支出");
			assert_int_equal(f->expected.digits, 294840000); /* 294.84万元 in the tables: yuan with two decimals */
			assert_int_equal(f->actual.digits, 291840000);
		}
	}
	assert_int_equal(n, 1);
	jx_report_free(r);
	jx_pkg_free(pkg);
	free(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_seed_000), cmocka_unit_test(test_seed_001), cmocka_unit_test(test_seed_002),
		cmocka_unit_test(test_seed_003), cmocka_unit_test(test_seed_004),
		cmocka_unit_test(test_seed_004_narrative_changed),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
