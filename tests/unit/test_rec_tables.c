/* test_rec_tables.c: the disclosure tables 预算公开表1–13 of seed 004, read from PDF text, cell by cell. */
#include <stdlib.h>
#include <string.h>

#include "jx/import.h"
#include "testutil.h"

#define B (-1) /* a blank cell */

static jx_pkg *pkg;

static int setup(void **state)
{
	(void)state;
	char *path = tu_seed_path("004");
	int rc = jx_import_file(&pkg, path, NULL);
	free(path);
	return rc;
}

static int teardown(void **state)
{
	(void)state;
	jx_pkg_free(pkg);
	return 0;
}

static const jx_table *table(int number)
{
	for (size_t i = 0; i < pkg->tables.n; i++)
		if (pkg->tables.v[i].number == number)
			return &pkg->tables.v[i];
	fail_msg("table %d missing", number);
	return NULL;
}

/* Finds a row by code (or by name when code is NULL) on a side, the nth match (0-based). */
static const jx_row *row(const jx_table *t, const char *code, const char *name, int side, int nth)
{
	for (size_t i = 0; i < t->rows.n; i++) {
		const jx_row *r = &t->rows.v[i];
		if (r->side != side)
			continue;
		if (code ? (r->code && strcmp(r->code, code) == 0) : (r->name && strcmp(r->name, name) == 0))
			if (nth-- == 0)
				return r;
	}
	fail_msg("table %d: no row %s", t->number, code ? code : name);
	return NULL;
}

/* Cents of 万元 per column from `first`; B for blank. */
static void cells(const jx_table *t, const jx_row *r, size_t first, const long *want, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const jx_amount *a = &r->amounts[first + i];
		if (want[i] == B) {
			if (a->present)
				fail_msg("table %d row %s col %zu: expected blank, got %s", t->number, r->name, first + i,
					 a->text);
		} else if (!a->present || a->fen != (int64_t)want[i] * 10000) {
			fail_msg("table %d row %s col %zu: expected %ld, got %s", t->number, r->name, first + i, want[i],
				 a->present ? a->text : "blank");
		}
	}
}

#define CELLS(t, r, first, ...)                                                                               \
	do {                                                                                                   \
		static const long w_[] = {__VA_ARGS__};                                                        \
		cells(t, r, first, w_, sizeof w_ / sizeof *w_);                                                \
	} while (0)

static void test_all_thirteen(void **state)
{
	(void)state;
	assert_int_equal(pkg->tables.n, 13);
	static const struct {
		const char *title;
		size_t cols, rows;
	} want[13] = {{"2024年预算收支总表", 4, 41}, {"2024年预算收入总表", 7, 28}, {"2024年预算支出总表", 3, 28},
		{"2024年财政拨款收支总表", 5, 42}, {"2024年一般公共预算支出预算表（不含上年结转）", 3, 28},
		{"2024年一般公共预算安排基本支出分经济科目表（不含上年结转）", 3, 30},
		{"2024年政府性基金预算收入表（不含上年结转）", 1, 4}, {"2024年政府性基金预算支出表（不含上年结转）", 3, 4},
		{"2024年国有资本经营预算收支预算表（不含上年结转）", 3, 1}, {"2024年财政拨款安排“三公”经费支出预算表", 4, 6},
		{"2024年财政拨款安排机关运行经费预算表", 4, 2}, {"2024年项目支出预算表（本年预算）", 6, 24},
		{"2024年项目支出预算表（上年结转）", 4, 4}};
	for (int i = 0; i < 13; i++) {
		const jx_table *t = table(i + 1);
		assert_string_equal(t->title, want[i].title);
		assert_int_equal(t->columns.n, want[i].cols);
		if (t->rows.n != want[i].rows)
			fail_msg("table %d: %zu rows, expected %zu", i + 1, t->rows.n, want[i].rows);
		assert_int_equal(t->unit, JX_MU_WANYUAN);
		assert_true(t->src.line > 0);
	}
	assert_string_equal(pkg->dept.name, "泽州县残疾人联合会");
	assert_string_equal(table(9)->note, "注：本表无数据");
	assert_string_equal(table(10)->note, "注：本表无数据");
}

static void test_two_sided(void **state)
{
	(void)state;
	const jx_table *t1 = table(1);
	assert_int_equal(t1->columns.v[0].side, 0);
	assert_int_equal(t1->columns.v[1].side, 1);
	CELLS(t1, row(t1, NULL, "一、一般公共预算", 0, 0), 0, 163276);
	CELLS(t1, row(t1, NULL, "二、政府性基金预算", 0, 0), 0, 16766);
	CELLS(t1, row(t1, NULL, "三、国有资本经营预算", 0, 0), 0, B);
	CELLS(t1, row(t1, NULL, "本年收入合计", 0, 0), 0, 180042);
	CELLS(t1, row(t1, NULL, "上年结转", 0, 0), 0, 581);
	CELLS(t1, row(t1, NULL, "收入总计", 0, 0), 0, 180623);
	CELLS(t1, row(t1, NULL, "八、社会保障和就业支出", 1, 0), 1, 155708, 155127, 581);
	CELLS(t1, row(t1, NULL, "十、卫生健康支出", 1, 0), 1, 1485, 1485, B);
	CELLS(t1, row(t1, NULL, "二十五、其他支出", 1, 0), 1, 16766, 16766, B);
	CELLS(t1, row(t1, NULL, "七、文化旅游体育与传媒支出", 1, 0), 1, B, B, B);
	CELLS(t1, row(t1, NULL, "二十二、国有资本经营预算支出", 1, 0), 1, B, B, B);
	CELLS(t1, row(t1, NULL, "本年支出合计", 1, 0), 1, 180623, 180042, 581);
	CELLS(t1, row(t1, NULL, "支出总计", 1, 0), 1, 180623, 180042, 581);
	assert_int_equal(row(t1, NULL, "支出总计", 1, 0)->kind, JX_ROW_TOTAL);
	/* The document's own rounding is kept: the 类 rows add up to 1806.24, the total says 1806.23. */
	long sum = 0;
	for (size_t i = 0; i < t1->rows.n; i++) {
		const jx_row *r = &t1->rows.v[i];
		if (r->side == 1 && r->kind == JX_ROW_ITEM && strstr(r->name, "、") && r->amounts[1].present)
			sum += (long)(r->amounts[1].fen / 10000);
	}
	assert_int_equal(sum, 180624);
	const jx_table *t4 = table(4);
	CELLS(t4, row(t4, NULL, "八、社会保障和就业支出", 1, 0), 1, 155708, 155708, B, B);
	CELLS(t4, row(t4, NULL, "二十五、其他支出", 1, 0), 1, 16766, B, 16766, B);
	CELLS(t4, row(t4, NULL, "本年支出合计", 1, 0), 1, 180623, 163857, 16766, B);
	CELLS(t4, row(t4, NULL, "上年财政拨款结转", 0, 0), 0, 581);
	CELLS(t4, row(t4, NULL, "一、一般公共预算", 0, 1), 0, 581);
	CELLS(t4, row(t4, NULL, "收入总计", 0, 0), 0, 180623);
	row(t4, NULL, "十五、资源勘探工业信息等支出", 1, 0);
	row(t4, NULL, "三十、抗疫特别国债安排的支出", 1, 0);
}

static void test_coded(void **state)
{
	(void)state;
	const jx_table *t2 = table(2);
	CELLS(t2, row(t2, NULL, "合计", 0, 0), 0, 180042, 163276, 16766, B, B, B, 581);
	CELLS(t2, row(t2, "2081104", NULL, 0, 0), 0, 5171, 5171, B, B, B, B, 581);
	CELLS(t2, row(t2, "2080501", NULL, 0, 0), 0, 1700, 1700, B, B, B, B, B);
	CELLS(t2, row(t2, "229", NULL, 0, 0), 0, 16766, B, 16766, B, B, B, B);
	assert_int_equal(row(t2, "20811", NULL, 0, 0)->level, 2);
	assert_int_equal(row(t2, "2081199", NULL, 0, 0)->level, 3);
	assert_string_equal(row(t2, "2081199", NULL, 0, 0)->name, "其他残疾人事业支出");
	const jx_table *t3 = table(3);
	CELLS(t3, row(t3, NULL, "合计", 0, 0), 0, 180623, 29484, 151139);
	CELLS(t3, row(t3, "2081104", NULL, 0, 0), 0, 5752, B, 5752);
	CELLS(t3, row(t3, "229", NULL, 0, 0), 0, 16766, B, 16766);
	CELLS(t3, row(t3, "20811", NULL, 0, 0), 0, 150260, 20087, 130173);
	CELLS(t3, row(t3, "213", NULL, 0, 0), 0, 4200, B, 4200);
	const jx_table *t5 = table(5);
	CELLS(t5, row(t5, NULL, "合计", 0, 0), 0, 163276, 29484, 133792);
	CELLS(t5, row(t5, "229", NULL, 0, 0), 0, B, B, B);
	CELLS(t5, row(t5, "2101199", NULL, 0, 0), 0, 15, 15, B);
	const jx_table *t7 = table(7);
	CELLS(t7, row(t7, "1030155", NULL, 0, 0), 0, 16766);
	const jx_table *t8 = table(8);
	CELLS(t8, row(t8, "2296006", NULL, 0, 0), 0, 16766, B, 16766);
	CELLS(t8, row(t8, NULL, "合计", 0, 0), 0, 16766, B, 16766);
}

static void test_econ_and_named(void **state)
{
	(void)state;
	const jx_table *t6 = table(6);
	CELLS(t6, row(t6, NULL, "合计", 0, 0), 0, 29484, 26645, 2839);
	const jx_row *g = row(t6, NULL, "工资福利支出", 0, 0);
	assert_int_equal(g->kind, JX_ROW_GROUP);
	CELLS(t6, g, 0, 24721, 24721, B);
	const jx_row *a = row(t6, NULL, "机关事业单位基本养老保险缴费", 0, 0);
	const jx_row *b = row(t6, NULL, "机关事业单位基本养老保险缴费", 0, 1);
	assert_string_equal(a->name2, "社会保障缴费");
	assert_string_equal(b->name2, "工资福利支出");
	CELLS(t6, a, 0, 1043, 1043, B);
	CELLS(t6, b, 0, 1456, 1456, B);
	CELLS(t6, row(t6, NULL, "其他交通费用", 0, 0), 0, 948, B, 948);
	const jx_table *t11 = table(11);
	CELLS(t11, row(t11, NULL, "部门合计", 0, 0), 0, 2839, 2839, B, B);
	const jx_table *t12 = table(12);
	long sum = 0;
	size_t projects = 0;
	for (size_t i = 0; i < t12->rows.n; i++) {
		const jx_row *r = &t12->rows.v[i];
		if (r->kind == JX_ROW_ITEM) {
			projects++;
			sum += (long)(r->amounts[0].fen / 10000);
			assert_int_equal(r->level, 3);
		}
	}
	assert_int_equal(projects, 22);
	assert_int_equal(sum, 150558);
	CELLS(t12, row(t12, NULL, "困难重度残疾人家庭无障碍改造", 0, 0), 0, 340, 340, B, B, B, B);
	CELLS(t12, row(t12, NULL, "困难重度残疾人家庭无障碍改造", 0, 1), 0, 180, B, 180, B, B, B);
	CELLS(t12, row(t12, NULL, "精神病服药、住院补贴（市级））", 0, 0), 0, 6800, B, 6800, B, B, B);
	CELLS(t12, row(t12, NULL, "残疾儿童康复救助(市级）", 0, 0), 0, 1900, B, 1900, B, B, B);
	assert_int_equal(t12->rows.v[0].kind, JX_ROW_GROUP);
	CELLS(t12, &t12->rows.v[0], 0, 150558, 133792, 16766, B, B, B);
	const jx_table *t13 = table(13);
	CELLS(t13, row(t13, NULL, "儿童残疾筛查诊断", 0, 0), 0, 8, 8, B, B);
	CELLS(t13, row(t13, NULL, "残疾儿童康复救助(市级)", 0, 0), 0, 573, 573, B, B);
	const jx_table *t10 = table(10);
	CELLS(t10, row(t10, NULL, "②公务用车运行维护费", 0, 0), 0, B, B, B, B);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_all_thirteen),
		cmocka_unit_test(test_two_sided),
		cmocka_unit_test(test_coded),
		cmocka_unit_test(test_econ_and_named),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
