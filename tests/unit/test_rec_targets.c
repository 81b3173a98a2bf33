/* test_rec_targets.c: PDF-text project target tables (实施期 | 年度 halves) and the overall target table. */
#include <stdlib.h>
#include <string.h>

#include "jx/import.h"
#include "recognise/recognise.h"
#include "util/arena.h"
#include "testutil.h"

/* Builds a PDF-text grid by hand (one row per non-empty line), so the recogniser is tested on its own. */
static unsigned char *g_claimed; /* claims of the last recognise_text* call (in its package's arena) */
static size_t g_nrows;

/* With `pages`, a page ends at each "-N-" footer line, and footer rows are dropped as a reader might. */
static jx_pkg *recognise_text_pages(const char *text, bool pages)
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
	uint32_t line = 0, page = 1;
	while (*p) {
		const char *e = strchr(p, '\n');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		if (len && p[len - 1] == '\r')
			len--;
		char *s = jx_arena_strndup(pkg->arena, p, len);
		g->lines[line++] = s;
		size_t b = 0;
		while (b < len && (s[b] == ' ' || s[b] == '\f' || s[b] == '\t'))
			b++;
		bool footer = pages && len - b >= 3 && s[b] == '-' && s[len - 1] == '-' && s[b + 1] >= '0' && s[b + 1] <= '9';
		if (footer)
			page++;
		if (b < len && !footer) {
			jx_grid_row *row = jx_vec_push(pkg->arena, &g->rows);
			row->cells = jx_arena_zalloc(pkg->arena, sizeof *row->cells);
			row->n = 1;
			row->cells[0].text = s + b;
			row->src = (jx_src){"t.txt", pages ? page : 0, line, 1, 0};
			row->cells[0].src = row->src;
		}
		p = e ? e + 1 : p + len;
	}
	g->nlines = line;
	jx_rec_ctx ctx = {pkg, g, jx_arena_calloc(pkg->arena, g->rows.n + 1, 1)};
	g_claimed = ctx.claimed;
	g_nrows = g->rows.n;
	assert_int_equal(jx_rec_pdf_targets(&ctx), 0);
	return pkg;
}

static jx_pkg *recognise_text(const char *text)
{
	return recognise_text_pages(text, false);
}

static jx_pkg *seed004_direct(bool pages)
{
	char *path = tu_seed_path("004");
	size_t len;
	char *text = tu_read_file(path, &len);
	jx_pkg *pkg = recognise_text_pages(text, pages);
	free(text);
	free(path);
	return pkg;
}


struct exp_ind {
	jx_scope scope;
	jx_level1 l1;
	jx_level2 l2;
	const char *name, *value;
	jx_op op;
	const char *number; /* "" when the value has no number */
	const char *unit;
};

/* 残疾儿童康复救助(市级） */
static const struct exp_ind exp_0[] = {
	{JX_SCOPE_PERIOD, JX_L1_OUTPUT, JX_L2_QUANTITY, "残疾儿童康复救助人数", "≤11人", JX_OP_LE, "11", "人"},
	{JX_SCOPE_YEAR, JX_L1_OUTPUT, JX_L2_QUANTITY, "残疾儿童康复救助人数", "≤11人", JX_OP_LE, "11", "人"},
	{JX_SCOPE_PERIOD, JX_L1_OUTPUT, JX_L2_QUALITY, "接受康复救助儿童功能改善情况", "有所改善", JX_OP_NONE, "", ""},
	{JX_SCOPE_YEAR, JX_L1_OUTPUT, JX_L2_QUALITY, "接受康复救助儿童功能改善情况", "有所改善", JX_OP_NONE, "", ""},
	{JX_SCOPE_PERIOD, JX_L1_OUTPUT, JX_L2_TIMELINESS, "项目完成时间", "2024年12月31日前", JX_OP_LE, "", ""},
	{JX_SCOPE_YEAR, JX_L1_OUTPUT, JX_L2_TIMELINESS, "项目完成时间", "2024年12月31日前", JX_OP_LE, "", ""},
	{JX_SCOPE_PERIOD, JX_L1_OUTPUT, JX_L2_COST, "残疾儿童康复救助补助标准", "16000元/人", JX_OP_NONE, "16000", "元/人"},
	{JX_SCOPE_YEAR, JX_L1_OUTPUT, JX_L2_COST, "残疾儿童康复救助补助标准", "16000元/人", JX_OP_NONE, "16000", "元/人"},
	{JX_SCOPE_PERIOD, JX_L1_EFFECT, JX_L2_SOCIAL, "减轻残疾人家庭经济负担", "减轻", JX_OP_NONE, "", ""},
	{JX_SCOPE_YEAR, JX_L1_EFFECT, JX_L2_SOCIAL, "减轻残疾人家庭经济负担", "减轻", JX_OP_NONE, "", ""},
	{JX_SCOPE_PERIOD, JX_L1_SATISFACTION, JX_L2_SATISFACTION, "接受康复救助儿童的满意度", "≥90%", JX_OP_GE, "90", "%"},
	{JX_SCOPE_YEAR, JX_L1_SATISFACTION, JX_L2_SATISFACTION, "接受康复救助儿童的满意度", "≥90%", JX_OP_GE, "90", "%"},
};

/* 残疾儿童康复救助 */
static const struct exp_ind exp_1[] = {
	{JX_SCOPE_PERIOD, JX_L1_OUTPUT, JX_L2_QUANTITY, "残疾儿童康复救助人数", "≥27人", JX_OP_GE, "27", "人"},
	{JX_SCOPE_YEAR, JX_L1_OUTPUT, JX_L2_QUANTITY, "残疾儿童康复救助人数", "≥27人", JX_OP_GE, "27", "人"},
	{JX_SCOPE_PERIOD, JX_L1_OUTPUT, JX_L2_QUANTITY, "0-6岁儿童残疾筛查诊断人数", "29人", JX_OP_NONE, "29", "人"},
	{JX_SCOPE_YEAR, JX_L1_OUTPUT, JX_L2_QUANTITY, "0-6岁儿童残疾筛查诊断人数", "29人", JX_OP_NONE, "29", "人"},
	{JX_SCOPE_PERIOD, JX_L1_OUTPUT, JX_L2_QUALITY, "接受康复救助儿童功能改善情况", "有所改善", JX_OP_NONE, "", ""},
	{JX_SCOPE_YEAR, JX_L1_OUTPUT, JX_L2_QUALITY, "接受康复救助儿童功能改善情况", "有所改善", JX_OP_NONE, "", ""},
	{JX_SCOPE_PERIOD, JX_L1_OUTPUT, JX_L2_TIMELINESS, "项目完成时间", "2024年1月至12月", JX_OP_NONE, "", ""},
	{JX_SCOPE_YEAR, JX_L1_OUTPUT, JX_L2_TIMELINESS, "项目完成时间", "2024年1月至12月", JX_OP_NONE, "", ""},
	{JX_SCOPE_PERIOD, JX_L1_OUTPUT, JX_L2_COST, "残疾儿童康复救助补助标准", "≤16000元/人/年", JX_OP_LE, "16000", "元/人/年"},
	{JX_SCOPE_YEAR, JX_L1_OUTPUT, JX_L2_COST, "残疾儿童康复救助补助标准", "≤16000元/人/年", JX_OP_LE, "16000", "元/人/年"},
	{JX_SCOPE_PERIOD, JX_L1_OUTPUT, JX_L2_COST, "0-6岁儿童残疾筛查诊断补助标准", "400元/人", JX_OP_NONE, "400", "元/人"},
	{JX_SCOPE_YEAR, JX_L1_OUTPUT, JX_L2_COST, "0-6岁儿童残疾筛查诊断补助标准", "400元/人", JX_OP_NONE, "400", "元/人"},
	{JX_SCOPE_PERIOD, JX_L1_EFFECT, JX_L2_SOCIAL, "减轻残疾儿童家庭负担", "减轻", JX_OP_NONE, "", ""},
	{JX_SCOPE_YEAR, JX_L1_EFFECT, JX_L2_SOCIAL, "减轻残疾儿童家庭负担", "减轻", JX_OP_NONE, "", ""},
	{JX_SCOPE_PERIOD, JX_L1_SATISFACTION, JX_L2_SATISFACTION, "受益残疾人满意度", "≥90%", JX_OP_GE, "90", "%"},
	{JX_SCOPE_YEAR, JX_L1_SATISFACTION, JX_L2_SATISFACTION, "受益残疾人满意度", "≥90%", JX_OP_GE, "90", "%"},
};

/* 残疾人事业综合业务经费 */
static const struct exp_ind exp_4[] = {
	{JX_SCOPE_PERIOD, JX_L1_OUTPUT, JX_L2_QUANTITY, "办公耗材购置种类", "≥5种", JX_OP_GE, "5", "种"},
	{JX_SCOPE_YEAR, JX_L1_OUTPUT, JX_L2_QUANTITY, "办公经费使用人员", "20人", JX_OP_NONE, "20", "人"},
	{JX_SCOPE_PERIOD, JX_L1_OUTPUT, JX_L2_QUANTITY, "办公经费使用人员", "20人", JX_OP_NONE, "20", "人"},
	{JX_SCOPE_YEAR, JX_L1_OUTPUT, JX_L2_QUANTITY, "办公用房及业务用房维护面积", "≥2000平米", JX_OP_GE, "2000", "平方米"},
	{JX_SCOPE_PERIOD, JX_L1_OUTPUT, JX_L2_QUANTITY, "办公用房及业务用房维护面", "≥2000平米", JX_OP_GE, "2000", "平方米"},
	{JX_SCOPE_YEAR, JX_L1_OUTPUT, JX_L2_QUANTITY, "办公耗材购置种类", "≥5种", JX_OP_GE, "5", "种"},
	{JX_SCOPE_PERIOD, JX_L1_OUTPUT, JX_L2_QUALITY, "办公设备购置合格率", "100%", JX_OP_NONE, "100", "%"},
	{JX_SCOPE_YEAR, JX_L1_OUTPUT, JX_L2_QUALITY, "办公用品购置合格率", "100%", JX_OP_NONE, "100", "%"},
	{JX_SCOPE_PERIOD, JX_L1_OUTPUT, JX_L2_QUALITY, "办公用品购置合格率", "100%", JX_OP_NONE, "100", "%"},
	{JX_SCOPE_YEAR, JX_L1_OUTPUT, JX_L2_QUALITY, "办公设备购置合格率", "100%", JX_OP_NONE, "100", "%"},
	{JX_SCOPE_PERIOD, JX_L1_OUTPUT, JX_L2_TIMELINESS, "设备及用品购置时间", "2024年3至11月", JX_OP_NONE, "", ""},
	{JX_SCOPE_YEAR, JX_L1_OUTPUT, JX_L2_TIMELINESS, "设备及用品购置时间", "2024年3至11月", JX_OP_NONE, "", ""},
	{JX_SCOPE_PERIOD, JX_L1_OUTPUT, JX_L2_TIMELINESS, "缴水电费时间", "每月", JX_OP_NONE, "", ""},
	{JX_SCOPE_YEAR, JX_L1_OUTPUT, JX_L2_TIMELINESS, "缴水电费时间", "每月", JX_OP_NONE, "", ""},
	{JX_SCOPE_PERIOD, JX_L1_OUTPUT, JX_L2_COST, "办公设备购置", "≤17000元", JX_OP_LE, "17000", "元"},
	{JX_SCOPE_YEAR, JX_L1_OUTPUT, JX_L2_COST, "报刊杂志", "≤5000元", JX_OP_LE, "5000", "元"},
	{JX_SCOPE_PERIOD, JX_L1_OUTPUT, JX_L2_COST, "个人劳务费", "≤100000元", JX_OP_LE, "100000", "元"},
	{JX_SCOPE_YEAR, JX_L1_OUTPUT, JX_L2_COST, "宽带费", "≤8000元", JX_OP_LE, "8000", "元"},
	{JX_SCOPE_PERIOD, JX_L1_OUTPUT, JX_L2_COST, "水电费成本", "≤20000元", JX_OP_LE, "20000", "元"},
	{JX_SCOPE_YEAR, JX_L1_OUTPUT, JX_L2_COST, "档案袋、盒", "≤1000元", JX_OP_LE, "1000", "元"},
	{JX_SCOPE_PERIOD, JX_L1_OUTPUT, JX_L2_COST, "暖气费", "≤40000元", JX_OP_LE, "40000", "元"},
	{JX_SCOPE_YEAR, JX_L1_OUTPUT, JX_L2_COST, "办公设备购置", "≤17000元", JX_OP_LE, "17000", "元"},
	{JX_SCOPE_PERIOD, JX_L1_OUTPUT, JX_L2_COST, "办公用品", "≤25000元", JX_OP_LE, "25000", "元"},
	{JX_SCOPE_YEAR, JX_L1_OUTPUT, JX_L2_COST, "其它商品和支出", "≤10000元", JX_OP_LE, "10000", "元"},
	{JX_SCOPE_PERIOD, JX_L1_OUTPUT, JX_L2_COST, "档案袋、盒", "≤1000元", JX_OP_LE, "1000", "元"},
	{JX_SCOPE_YEAR, JX_L1_OUTPUT, JX_L2_COST, "个人劳务费", "≤100000元", JX_OP_LE, "100000", "元"},
	{JX_SCOPE_PERIOD, JX_L1_OUTPUT, JX_L2_COST, "宽带费", "≤8000元", JX_OP_LE, "8000", "元"},
	{JX_SCOPE_YEAR, JX_L1_OUTPUT, JX_L2_COST, "暖气费", "≤40000元", JX_OP_LE, "40000", "元"},
	{JX_SCOPE_PERIOD, JX_L1_OUTPUT, JX_L2_COST, "报刊杂志", "≤5000元", JX_OP_LE, "5000", "元"},
	{JX_SCOPE_YEAR, JX_L1_OUTPUT, JX_L2_COST, "水电费成本", "≤20000元", JX_OP_LE, "20000", "元"},
	{JX_SCOPE_PERIOD, JX_L1_OUTPUT, JX_L2_COST, "其它商品和支出", "≤10000元", JX_OP_LE, "10000", "元"},
	{JX_SCOPE_YEAR, JX_L1_OUTPUT, JX_L2_COST, "办公用品", "≤25000元", JX_OP_LE, "25000", "元"},
	{JX_SCOPE_PERIOD, JX_L1_OUTPUT, JX_L2_COST, "办公耗材", "≤9000元", JX_OP_LE, "9000", "元"},
	{JX_SCOPE_YEAR, JX_L1_OUTPUT, JX_L2_COST, "办公耗材", "≤9000元", JX_OP_LE, "9000", "元"},
	{JX_SCOPE_PERIOD, JX_L1_OUTPUT, JX_L2_COST, "A4纸及复印纸", "≤5000元", JX_OP_LE, "5000", "元"},
	{JX_SCOPE_YEAR, JX_L1_OUTPUT, JX_L2_COST, "A4纸及复印纸", "≤5000元", JX_OP_LE, "5000", "元"},
	{JX_SCOPE_PERIOD, JX_L1_EFFECT, JX_L2_SOCIAL, "保障各项业务正常运行", "保障", JX_OP_NONE, "", ""},
	{JX_SCOPE_YEAR, JX_L1_EFFECT, JX_L2_SOCIAL, "保障各项业务正常运行", "保障", JX_OP_NONE, "", ""},
	{JX_SCOPE_PERIOD, JX_L1_SATISFACTION, JX_L2_SATISFACTION, "职工满意度", "≥90%", JX_OP_GE, "90", "%"},
	{JX_SCOPE_YEAR, JX_L1_SATISFACTION, JX_L2_SATISFACTION, "职工满意度", "≥90%", JX_OP_GE, "90", "%"},
};

/* 残疾人托养服务 */
static const struct exp_ind exp_5[] = {
	{JX_SCOPE_PERIOD, JX_L1_OUTPUT, JX_L2_QUANTITY, "残疾人托养人数", "≤60人", JX_OP_LE, "60", "人"},
	{JX_SCOPE_YEAR, JX_L1_OUTPUT, JX_L2_QUANTITY, "残疾人托养人数", "≤60人", JX_OP_LE, "60", "人"},
	{JX_SCOPE_PERIOD, JX_L1_OUTPUT, JX_L2_QUALITY, "残疾人托养服务对象条件符合率", "100%", JX_OP_NONE, "100", "%"},
	{JX_SCOPE_YEAR, JX_L1_OUTPUT, JX_L2_QUALITY, "残疾人托养服务对象条件符合率", "100%", JX_OP_NONE, "100", "%"},
	{JX_SCOPE_PERIOD, JX_L1_OUTPUT, JX_L2_TIMELINESS, "项目完成时间", "2024年4月至11月", JX_OP_NONE, "", ""},
	{JX_SCOPE_YEAR, JX_L1_OUTPUT, JX_L2_TIMELINESS, "项目完成时间", "2024年4月至11月", JX_OP_NONE, "", ""},
	{JX_SCOPE_PERIOD, JX_L1_OUTPUT, JX_L2_COST, "残疾人托养补助标准", "4000元/人/年", JX_OP_NONE, "4000", "元/人/年"},
	{JX_SCOPE_YEAR, JX_L1_OUTPUT, JX_L2_COST, "残疾人托养补助标准", "4000元/人/年", JX_OP_NONE, "4000", "元/人/年"},
	{JX_SCOPE_PERIOD, JX_L1_EFFECT, JX_L2_SOCIAL, "提高残疾人的健康水平", "有所提高", JX_OP_NONE, "", ""},
	{JX_SCOPE_YEAR, JX_L1_EFFECT, JX_L2_SOCIAL, "提高残疾人的健康水平", "有所提高", JX_OP_NONE, "", ""},
	{JX_SCOPE_PERIOD, JX_L1_SATISFACTION, JX_L2_SATISFACTION, "受益残疾人满意度", "≥90%", JX_OP_GE, "90", "%"},
	{JX_SCOPE_YEAR, JX_L1_SATISFACTION, JX_L2_SATISFACTION, "受益残疾人满意度", "≥90%", JX_OP_GE, "90", "%"},
};

/* 公益性岗位补贴资金 */
static const struct exp_ind exp_8[] = {
	{JX_SCOPE_PERIOD, JX_L1_OUTPUT, JX_L2_QUANTITY, "专职干事人数", "16人", JX_OP_NONE, "16", "人"},
	{JX_SCOPE_YEAR, JX_L1_OUTPUT, JX_L2_QUANTITY, "专职干事人数", "16人", JX_OP_NONE, "16", "人"},
	{JX_SCOPE_PERIOD, JX_L1_OUTPUT, JX_L2_QUANTITY, "专职委员人数", "48人", JX_OP_NONE, "48", "人"},
	{JX_SCOPE_YEAR, JX_L1_OUTPUT, JX_L2_QUANTITY, "专职委员人数", "48人", JX_OP_NONE, "48", "人"},
	{JX_SCOPE_PERIOD, JX_L1_OUTPUT, JX_L2_QUALITY, "补助资金发放达标率", "100%", JX_OP_NONE, "100", "%"},
	{JX_SCOPE_YEAR, JX_L1_OUTPUT, JX_L2_QUALITY, "补助资金发放达标率", "100%", JX_OP_NONE, "100", "%"},
	{JX_SCOPE_PERIOD, JX_L1_OUTPUT, JX_L2_TIMELINESS, "项目完成时间", "2024年12月31日前", JX_OP_LE, "", ""},
	{JX_SCOPE_YEAR, JX_L1_OUTPUT, JX_L2_TIMELINESS, "项目完成时间", "2024年12月31日前", JX_OP_LE, "", ""},
	{JX_SCOPE_PERIOD, JX_L1_OUTPUT, JX_L2_COST, "专职干事补助标准", "5400元/人", JX_OP_NONE, "5400", "元/人"},
	{JX_SCOPE_YEAR, JX_L1_OUTPUT, JX_L2_COST, "专职干事补助标准", "5400元/人", JX_OP_NONE, "5400", "元/人"},
	{JX_SCOPE_PERIOD, JX_L1_OUTPUT, JX_L2_COST, "专职委员补助标准", "1800元/人", JX_OP_NONE, "1800", "元/人"},
	{JX_SCOPE_YEAR, JX_L1_OUTPUT, JX_L2_COST, "专职委员补助标准", "1800元/人", JX_OP_NONE, "1800", "元/人"},
	{JX_SCOPE_PERIOD, JX_L1_EFFECT, JX_L2_SOCIAL, "提高残疾人生活水平", "有所提高", JX_OP_NONE, "", ""},
	{JX_SCOPE_YEAR, JX_L1_EFFECT, JX_L2_SOCIAL, "提高残疾人生活水平", "有所提高", JX_OP_NONE, "", ""},
	{JX_SCOPE_PERIOD, JX_L1_SATISFACTION, JX_L2_SATISFACTION, "受助残疾人满意度", "≥90%", JX_OP_GE, "90", "%"},
	{JX_SCOPE_YEAR, JX_L1_SATISFACTION, JX_L2_SATISFACTION, "受助残疾人满意度", "≥90%", JX_OP_GE, "90", "%"},
};

/* 康复经费 */
static const struct exp_ind exp_11[] = {
	{JX_SCOPE_PERIOD, JX_L1_OUTPUT, JX_L2_QUANTITY, "辅助器具配发补贴人数", "≤1300人", JX_OP_LE, "1300", "人"},
	{JX_SCOPE_YEAR, JX_L1_OUTPUT, JX_L2_QUANTITY, "辅助器具配发补贴人数", "≤1300人", JX_OP_LE, "1300", "人"},
	{JX_SCOPE_PERIOD, JX_L1_OUTPUT, JX_L2_QUANTITY, "动态更新调查人数", "≤19000人", JX_OP_LE, "19000", "人"},
	{JX_SCOPE_YEAR, JX_L1_OUTPUT, JX_L2_QUANTITY, "动态更新调查人数", "≤19000人", JX_OP_LE, "19000", "人"},
	{JX_SCOPE_PERIOD, JX_L1_OUTPUT, JX_L2_QUANTITY, "康复训练残疾儿童人数", "≤125人", JX_OP_LE, "125", "人"},
	{JX_SCOPE_YEAR, JX_L1_OUTPUT, JX_L2_QUANTITY, "康复训练残疾儿童人数", "≤125人", JX_OP_LE, "125", "人"},
	{JX_SCOPE_PERIOD, JX_L1_OUTPUT, JX_L2_QUALITY, "动态更新调查完成率", "100%", JX_OP_NONE, "100", "%"},
	{JX_SCOPE_YEAR, JX_L1_OUTPUT, JX_L2_QUALITY, "动态更新调查完成率", "100%", JX_OP_NONE, "100", "%"},
	{JX_SCOPE_PERIOD, JX_L1_OUTPUT, JX_L2_QUALITY, "辅助器具购买完成率", "100%", JX_OP_NONE, "100", "%"},
	{JX_SCOPE_YEAR, JX_L1_OUTPUT, JX_L2_QUALITY, "辅助器具购买完成率", "100%", JX_OP_NONE, "100", "%"},
	{JX_SCOPE_PERIOD, JX_L1_OUTPUT, JX_L2_QUALITY, "康复训练完成率", "100%", JX_OP_NONE, "100", "%"},
	{JX_SCOPE_YEAR, JX_L1_OUTPUT, JX_L2_QUALITY, "康复训练完成率", "100%", JX_OP_NONE, "100", "%"},
	{JX_SCOPE_PERIOD, JX_L1_OUTPUT, JX_L2_TIMELINESS, "残疾儿童康复训练完成时", "2024年12月前", JX_OP_LE, "", ""},
	{JX_SCOPE_YEAR, JX_L1_OUTPUT, JX_L2_TIMELINESS, "残疾儿童康复训练完成时间", "2024年12月前", JX_OP_LE, "", ""},
	{JX_SCOPE_PERIOD, JX_L1_OUTPUT, JX_L2_TIMELINESS, "辅助器具配发完成时间", "2024年8至12月", JX_OP_NONE, "", ""},
	{JX_SCOPE_YEAR, JX_L1_OUTPUT, JX_L2_TIMELINESS, "辅助器具配发完成时间", "2024年8至12月", JX_OP_NONE, "", ""},
	{JX_SCOPE_PERIOD, JX_L1_OUTPUT, JX_L2_COST, "动态更新补贴标准", "5元/人", JX_OP_NONE, "5", "元/人"},
	{JX_SCOPE_YEAR, JX_L1_OUTPUT, JX_L2_COST, "动态更新补贴标准", "5元/人", JX_OP_NONE, "5", "元/人"},
	{JX_SCOPE_PERIOD, JX_L1_OUTPUT, JX_L2_COST, "儿童康复训练补贴标准", "16000元/人/年", JX_OP_NONE, "16000", "元/人/年"},
	{JX_SCOPE_YEAR, JX_L1_OUTPUT, JX_L2_COST, "儿童康复训练补贴标准", "16000元/人/年", JX_OP_NONE, "16000", "元/人/年"},
	{JX_SCOPE_PERIOD, JX_L1_EFFECT, JX_L2_SOCIAL, "提高残疾人身体素质", "提高", JX_OP_NONE, "", ""},
	{JX_SCOPE_YEAR, JX_L1_EFFECT, JX_L2_SOCIAL, "提高残疾人身体素质", "提高", JX_OP_NONE, "", ""},
	{JX_SCOPE_PERIOD, JX_L1_SATISFACTION, JX_L2_SATISFACTION, "接受康复服务残疾人满意", "≥90%", JX_OP_GE, "90", "%"},
	{JX_SCOPE_YEAR, JX_L1_SATISFACTION, JX_L2_SATISFACTION, "接受康复服务残疾人满意度", "≥90%", JX_OP_GE, "90", "%"},
};

/* 社会保障经费 */
static const struct exp_ind exp_16[] = {
	{JX_SCOPE_PERIOD, JX_L1_OUTPUT, JX_L2_QUANTITY, "资助残疾学生及残疾子女上学人数", "≤70人", JX_OP_LE, "70", "人"},
	{JX_SCOPE_YEAR, JX_L1_OUTPUT, JX_L2_QUANTITY, "资助残疾学生及残疾子女上学人数", "≤70人", JX_OP_LE, "70", "人"},
	{JX_SCOPE_PERIOD, JX_L1_OUTPUT, JX_L2_QUANTITY, "临时救济人数", "1000人", JX_OP_NONE, "1000", "人"},
	{JX_SCOPE_YEAR, JX_L1_OUTPUT, JX_L2_QUANTITY, "临时救济人数", "1000人", JX_OP_NONE, "1000", "人"},
	{JX_SCOPE_PERIOD, JX_L1_OUTPUT, JX_L2_QUANTITY, "实用技术培训人数", "≥200人", JX_OP_GE, "200", "人"},
	{JX_SCOPE_YEAR, JX_L1_OUTPUT, JX_L2_QUANTITY, "实用技术培训人数", "≥200人", JX_OP_GE, "200", "人"},
	{JX_SCOPE_PERIOD, JX_L1_OUTPUT, JX_L2_QUALITY, "补助资金发放达标率", "100%", JX_OP_NONE, "100", "%"},
	{JX_SCOPE_YEAR, JX_L1_OUTPUT, JX_L2_QUALITY, "补助资金发放达标率", "100%", JX_OP_NONE, "100", "%"},
	{JX_SCOPE_PERIOD, JX_L1_OUTPUT, JX_L2_QUALITY, "实用技术培训完成率", "100%", JX_OP_NONE, "100", "%"},
	{JX_SCOPE_YEAR, JX_L1_OUTPUT, JX_L2_QUALITY, "实用技术培训完成率", "100%", JX_OP_NONE, "100", "%"},
	{JX_SCOPE_PERIOD, JX_L1_OUTPUT, JX_L2_TIMELINESS, "实用技术培训时间", "2024年5月至11月", JX_OP_NONE, "", ""},
	{JX_SCOPE_YEAR, JX_L1_OUTPUT, JX_L2_TIMELINESS, "实用技术培训时间", "2024年5月至11月", JX_OP_NONE, "", ""},
	{JX_SCOPE_PERIOD, JX_L1_OUTPUT, JX_L2_TIMELINESS, "补助发放时间", "2024年12月前", JX_OP_LE, "", ""},
	{JX_SCOPE_YEAR, JX_L1_OUTPUT, JX_L2_TIMELINESS, "补助发放时间", "2024年12月前", JX_OP_LE, "", ""},
	{JX_SCOPE_PERIOD, JX_L1_OUTPUT, JX_L2_COST, "就业创业扶持资金补贴标", "≥1500元/人", JX_OP_GE, "1500", "元/人"},
	{JX_SCOPE_YEAR, JX_L1_OUTPUT, JX_L2_COST, "就业创业扶持资金补贴标准", "≥1500元/人", JX_OP_GE, "1500", "元/人"},
	{JX_SCOPE_PERIOD, JX_L1_OUTPUT, JX_L2_COST, "发放助学金标准", "≥1000元/人", JX_OP_GE, "1000", "元/人"},
	{JX_SCOPE_YEAR, JX_L1_OUTPUT, JX_L2_COST, "发放助学金标准", "≥1000元/人", JX_OP_GE, "1000", "元/人"},
	{JX_SCOPE_PERIOD, JX_L1_OUTPUT, JX_L2_COST, "现金救助标准", "300元/人", JX_OP_NONE, "300", "元/人"},
	{JX_SCOPE_YEAR, JX_L1_OUTPUT, JX_L2_COST, "现金救助标准", "300元/人", JX_OP_NONE, "300", "元/人"},
	{JX_SCOPE_PERIOD, JX_L1_EFFECT, JX_L2_SOCIAL, "提高残疾人生活水平", "提高", JX_OP_NONE, "", ""},
	{JX_SCOPE_YEAR, JX_L1_EFFECT, JX_L2_SOCIAL, "提高残疾人生活水平", "提高", JX_OP_NONE, "", ""},
	{JX_SCOPE_PERIOD, JX_L1_SATISFACTION, JX_L2_SATISFACTION, "受助残疾人的满意度", "≥90%", JX_OP_GE, "90", "%"},
	{JX_SCOPE_YEAR, JX_L1_SATISFACTION, JX_L2_SATISFACTION, "受助残疾人的满意度", "≥90%", JX_OP_GE, "90", "%"},
};

/* 重度残疾人体检项目 */
static const struct exp_ind exp_18[] = {
	{JX_SCOPE_PERIOD, JX_L1_OUTPUT, JX_L2_QUANTITY, "重度残疾人体检人数", "≤5400人", JX_OP_LE, "5400", "人"},
	{JX_SCOPE_YEAR, JX_L1_OUTPUT, JX_L2_QUANTITY, "重度残疾人体检人数", "≤5400人", JX_OP_LE, "5400", "人"},
	{JX_SCOPE_PERIOD, JX_L1_OUTPUT, JX_L2_QUALITY, "残疾人体检合格率", "100%", JX_OP_NONE, "100", "%"},
	{JX_SCOPE_YEAR, JX_L1_OUTPUT, JX_L2_QUALITY, "残疾人体检合格率", "100%", JX_OP_NONE, "100", "%"},
	{JX_SCOPE_PERIOD, JX_L1_OUTPUT, JX_L2_TIMELINESS, "体检时间", "2024年3月至12月", JX_OP_NONE, "", ""},
	{JX_SCOPE_YEAR, JX_L1_OUTPUT, JX_L2_TIMELINESS, "体检时间", "2024年3月至12月", JX_OP_NONE, "", ""},
	{JX_SCOPE_PERIOD, JX_L1_OUTPUT, JX_L2_COST, "体检标准", "≤500元/人", JX_OP_LE, "500", "元/人"},
	{JX_SCOPE_YEAR, JX_L1_OUTPUT, JX_L2_COST, "体检标准", "≤500元/人", JX_OP_LE, "500", "元/人"},
	{JX_SCOPE_PERIOD, JX_L1_EFFECT, JX_L2_SOCIAL, "提高残疾人健康水平", "提高", JX_OP_NONE, "", ""},
	{JX_SCOPE_YEAR, JX_L1_EFFECT, JX_L2_SOCIAL, "提高残疾人健康水平", "提高", JX_OP_NONE, "", ""},
	{JX_SCOPE_PERIOD, JX_L1_SATISFACTION, JX_L2_SATISFACTION, "接受体检残疾人的满意度", "≥90%", JX_OP_GE, "90", "%"},
	{JX_SCOPE_YEAR, JX_L1_SATISFACTION, JX_L2_SATISFACTION, "接受体检残疾人的满意度", "≥90%", JX_OP_GE, "90", "%"},
};

/* 助残帮扶 */
static const struct exp_ind exp_20[] = {
	{JX_SCOPE_PERIOD, JX_L1_OUTPUT, JX_L2_QUANTITY, "助残帮扶户数", "70户", JX_OP_NONE, "70", "户"},
	{JX_SCOPE_YEAR, JX_L1_OUTPUT, JX_L2_QUANTITY, "助残帮扶户数", "70户", JX_OP_NONE, "70", "户"},
	{JX_SCOPE_PERIOD, JX_L1_OUTPUT, JX_L2_QUALITY, "帮扶对象条件符合率", "100%", JX_OP_NONE, "100", "%"},
	{JX_SCOPE_YEAR, JX_L1_OUTPUT, JX_L2_QUALITY, "帮扶对象条件符", "100%", JX_OP_NONE, "100", "%"},
	{JX_SCOPE_PERIOD, JX_L1_OUTPUT, JX_L2_TIMELINESS, "项日完成时间", "2024年4月至12月", JX_OP_NONE, "", ""},
	{JX_SCOPE_YEAR, JX_L1_OUTPUT, JX_L2_TIMELINESS, "项日完成时间", "2024年4月至12月", JX_OP_NONE, "", ""},
	{JX_SCOPE_PERIOD, JX_L1_OUTPUT, JX_L2_COST, "助残帮扶项目补助标准", "6000元/户/年", JX_OP_NONE, "6000", "元/户/年"},
	{JX_SCOPE_YEAR, JX_L1_OUTPUT, JX_L2_COST, "助残帮扶项日补", "6000元/户/年", JX_OP_NONE, "6000", "元/户/年"},
	{JX_SCOPE_PERIOD, JX_L1_EFFECT, JX_L2_SOCIAL, "巩固残疾人脱贫攻坚成果", "巩固", JX_OP_NONE, "", ""},
	{JX_SCOPE_YEAR, JX_L1_EFFECT, JX_L2_SOCIAL, "π国特寄人脱", "巩固", JX_OP_NONE, "", ""},
	{JX_SCOPE_PERIOD, JX_L1_SATISFACTION, JX_L2_SATISFACTION, "接受扶持残疾人满意度", "≥90%", JX_OP_GE, "90", "%"},
	{JX_SCOPE_YEAR, JX_L1_SATISFACTION, JX_L2_SATISFACTION, "接受扶持残疾人", "≥90%", JX_OP_GE, "90", "%"},
};

/* 自主就业创业补贴资金（市级）） */
static const struct exp_ind exp_21[] = {
	{JX_SCOPE_PERIOD, JX_L1_OUTPUT, JX_L2_QUANTITY, "1-2级残疾人自主就业创业补贴人数", "≤20户", JX_OP_LE, "20", "户"},
	{JX_SCOPE_YEAR, JX_L1_OUTPUT, JX_L2_QUANTITY, "1-2级残疾人自主就业创业补贴人数", "≤20户", JX_OP_LE, "20", "户"},
	{JX_SCOPE_PERIOD, JX_L1_OUTPUT, JX_L2_QUANTITY, "3-4级残疾人自主就业创业补贴人数", "≤48户", JX_OP_LE, "48", "户"},
	{JX_SCOPE_YEAR, JX_L1_OUTPUT, JX_L2_QUANTITY, "3-4级残疾人自主就业创业补贴人数", "≤48户", JX_OP_LE, "48", "户"},
	{JX_SCOPE_PERIOD, JX_L1_OUTPUT, JX_L2_QUALITY, "补贴残疾人自主就业创业符合", "100%", JX_OP_NONE, "100", "%"},
	{JX_SCOPE_YEAR, JX_L1_OUTPUT, JX_L2_QUALITY, "补贴残疾人自主就业创业符合", "100%", JX_OP_NONE, "100", "%"},
	{JX_SCOPE_PERIOD, JX_L1_OUTPUT, JX_L2_TIMELINESS, "项目完成时间", "2024年12月31日前", JX_OP_LE, "", ""},
	{JX_SCOPE_YEAR, JX_L1_OUTPUT, JX_L2_TIMELINESS, "项目完成时间", "2024年12月31日前", JX_OP_LE, "", ""},
	{JX_SCOPE_PERIOD, JX_L1_OUTPUT, JX_L2_COST, "1-2级残疾人自主就业创业补贴标准", "3000元/户", JX_OP_NONE, "3000", "元/户"},
	{JX_SCOPE_YEAR, JX_L1_OUTPUT, JX_L2_COST, "1-2级残疾人自主就业创业补贴标准", "3000元/户", JX_OP_NONE, "3000", "元/户"},
	{JX_SCOPE_PERIOD, JX_L1_OUTPUT, JX_L2_COST, "3-4级残疾人自主就业创业补贴标准", "1500元/户", JX_OP_NONE, "1500", "元/户"},
	{JX_SCOPE_YEAR, JX_L1_OUTPUT, JX_L2_COST, "3-4级残疾人自主就业创业补贴标准", "1500元/户", JX_OP_NONE, "1500", "元/户"},
	{JX_SCOPE_PERIOD, JX_L1_EFFECT, JX_L2_ECONOMIC, "减轻残疾人自主就业创业压力", "减轻", JX_OP_NONE, "", ""},
	{JX_SCOPE_YEAR, JX_L1_EFFECT, JX_L2_ECONOMIC, "减轻残疾人自主就业创业压力", "减轻", JX_OP_NONE, "", ""},
	{JX_SCOPE_PERIOD, JX_L1_EFFECT, JX_L2_SOCIAL, "营造全社会支持残疾人就业创业的良好氛", "提高", JX_OP_NONE, "", ""},
	{JX_SCOPE_YEAR, JX_L1_EFFECT, JX_L2_SOCIAL, "营造全社会支持残疾人就业创业的良好氛", "提高", JX_OP_NONE, "", ""},
	{JX_SCOPE_PERIOD, JX_L1_EFFECT, JX_L2_SUSTAINABLE, "扶持残疾人自主就业创业的热情", "日渐浓厚", JX_OP_NONE, "", ""},
	{JX_SCOPE_YEAR, JX_L1_EFFECT, JX_L2_SUSTAINABLE, "扶持残疾人自主就业创业的热情", "日渐浓厚", JX_OP_NONE, "", ""},
	{JX_SCOPE_PERIOD, JX_L1_SATISFACTION, JX_L2_SATISFACTION, "自主就业创业残疾人满意度", "≥90%", JX_OP_GE, "90", "%"},
	{JX_SCOPE_YEAR, JX_L1_SATISFACTION, JX_L2_SATISFACTION, "自主就业创业残疾人满意度", "≥90%", JX_OP_GE, "90", "%"},
};


static const jx_project *project(const jx_pkg *pkg, size_t i)
{
	assert_true(i < pkg->projects.n);
	return &pkg->projects.v[i];
}

static void check_indicators(const jx_project *p, const struct exp_ind *e, size_t n)
{
	char nb[32];
	assert_int_equal(p->indicators.n, n);
	for (size_t i = 0; i < n; i++) {
		const jx_indicator *x = &p->indicators.v[i];
		assert_int_equal(x->scope, e[i].scope);
		assert_int_equal(x->l1, e[i].l1);
		assert_int_equal(x->l2, e[i].l2);
		assert_string_equal(x->level1, jx_level1_name(e[i].l1));
		assert_string_equal(x->level2, jx_level2_name(e[i].l2));
		assert_non_null(x->name);
		assert_string_equal(x->name, e[i].name);
		assert_string_equal(x->value.text, e[i].value);
		assert_int_equal(x->value.op, e[i].op);
		if (e[i].number[0]) {
			assert_true(x->value.has_number);
			assert_string_equal(jx_decimal_format(&x->value.number, nb), e[i].number);
		} else {
			assert_false(x->value.has_number);
		}
		assert_string_equal(x->value.unit ? x->value.unit : "", e[i].unit);
		assert_true(x->src.line > 0);
	}
}

#define CHECK_IND(pkg, i) check_indicators(project(pkg, i), exp_##i, sizeof exp_##i / sizeof *exp_##i)

static const struct {
	const char *name;
	int64_t fen;
} exp_projects[22] = {
	{"残疾儿童康复救助(市级）", 19000000},
	{"残疾儿童康复救助", 44360000},
	{"残疾儿童康复救助及早期干预试点", 38400000},
	{"残疾人康复", 7350000},
	{"残疾人事业综合业务经费", 24000000},
	{"残疾人托养服务", 24000000},
	{"残疾人意外伤害保险补助", 95500000},
	{"辅助器具适配补贴（市级）", 18000000},
	{"公益性岗位补贴资金", 17280000},
	{"机动轮椅车燃油补贴", 160000},
	{"精神病服药、住院补贴（市级））", 68000000},
	{"康复经费", 219950000},
	{"康复救助", 18460000},
	{"困难重度残疾人家庭无障碍改造", 3400000},
	{"困难重度残疾人家庭无障碍改造", 1800000},
	{"三、四级残疾人生活补贴", 300000000},
	{"社会保障经费", 71520000},
	{"重度残疾人基本医疗保险补助", 205200000},
	{"重度残疾人体检项目", 270000000},
	{"重度困难残疾人家庭无障碍改造", 4000000},
	{"助残帮扶", 42000000},
	{"自主就业创业补贴资金（市级））", 13200000},
};

static void check_projects(const jx_pkg *pkg)
{
	assert_int_equal(pkg->projects.n, 22);
	for (size_t i = 0; i < 22; i++) {
		const jx_project *p = project(pkg, i);
		assert_string_equal(p->name, exp_projects[i].name);
		assert_true(p->amount.present);
		assert_int_equal(p->amount.fen, exp_projects[i].fen);
		assert_int_equal(p->amount.unit, JX_MU_YUAN);
		assert_int_equal(p->amount.scale, 0);
		assert_true(p->amount_total.present);
		assert_int_equal(p->amount_total.fen, exp_projects[i].fen);
		assert_true(p->amount.src.line > p->src.line);
		assert_string_equal(p->supervisor_code, "059");
		assert_string_equal(p->supervisor, "泽州县残疾人联合会");
		assert_string_equal(p->implementer, "泽州县残疾人联合会");
		assert_string_equal(p->duration, "1年");
		assert_non_null(p->overview.s);
		assert_non_null(p->necessity.s);
		assert_non_null(p->measures.s);
		assert_non_null(p->plan.s);
		assert_non_null(p->goal_total.s);
		assert_non_null(p->goal_year.s);
		assert_int_equal(p->basis.n, 1);
		/* every project has the five funding parts, the parts add up to the total (the 其他资金 part is blank) */
		assert_int_equal(p->funding.n, 5);
		int64_t sum_total = 0, sum_year = 0;
		for (size_t f = 0; f < p->funding.n; f++) {
			sum_total += p->funding.v[f].total.present ? p->funding.v[f].total.fen : 0;
			sum_year += p->funding.v[f].year.present ? p->funding.v[f].year.fen : 0;
		}
		assert_int_equal(sum_total, exp_projects[i].fen);
		assert_int_equal(sum_year, exp_projects[i].fen);
		assert_string_equal(p->funding.v[4].source, "其他资金");
		assert_false(p->funding.v[4].total.present);
		assert_false(p->funding.v[4].year.present);
	}
	assert_string_equal(project(pkg, 0)->attribute, "一次性项目（1年结束）");
	assert_string_equal(project(pkg, 20)->attribute, "一次性项目(1年结束)");
	assert_string_equal(pkg->dept.code, "059");
	assert_string_equal(pkg->dept.name, "泽州县残疾人联合会");
	assert_string_equal(project(pkg, 0)->unit_label, "（元）");
	assert_int_equal(pkg->year, 2024);
}

static void check_funding(const jx_pkg *pkg)
{
	static const char *const sources[5] = {"中央财政资金", "省级财政资金", "市县财政资金", "单位自筹", "其他资金"};
	for (size_t i = 0; i < 22; i++)
		for (size_t f = 0; f < 5; f++)
			assert_string_equal(project(pkg, i)->funding.v[f].source, sources[f]);
	/* 残疾儿童康复救助(市级）: all from the county */
	const jx_project *p = project(pkg, 0);
	assert_int_equal(p->funding.v[0].total.fen, 0);
	assert_true(p->funding.v[0].total.present);
	assert_int_equal(p->funding.v[2].total.fen, 19000000);
	assert_int_equal(p->funding.v[2].year.fen, 19000000);
	assert_string_equal(p->funding.v[2].year.text, "190,000");
	/* 残疾儿童康复救助: province */
	p = project(pkg, 1);
	assert_int_equal(p->funding.v[1].total.fen, 44360000);
	assert_int_equal(p->funding.v[1].year.fen, 44360000);
	assert_int_equal(p->funding.v[2].year.fen, 0);
	/* 康复经费 2,199,500元 */
	p = project(pkg, 11);
	assert_int_equal(p->amount.fen, 219950000);
	assert_string_equal(p->amount.text, "2,199,500");
	assert_int_equal(p->funding.v[2].total.fen, 219950000);
	/* 重度残疾人体检项目: the 实施期资金总额 label wraps over two lines */
	p = project(pkg, 18);
	assert_int_equal(p->amount_total.fen, 270000000);
	assert_int_equal(p->funding.v[2].year.fen, 270000000);
	/* 助残帮扶: 单位白筹 (OCR) is still 单位自筹 */
	p = project(pkg, 20);
	assert_true(p->funding.v[3].year.present);
	assert_int_equal(p->funding.v[3].year.fen, 0);
	assert_int_equal(p->funding.v[1].year.fen, 42000000);
}

static void check_texts(const jx_pkg *pkg)
{
	static const char *const docs[22] = {
		"晋市财社【2023】189号", "晋市财社【2023】161号", "晋市财社【2023】156号", "晋市财社【2023】156号", NULL,
		"晋市财社【2023】156号", "晋市残字【2020】18号", "晋市财社【2023】189号", "晋市财社【2023】187号",
		"泽残发【2018】44号", "晋市财社【2023】189号", "晋市发【2009】21号", "晋市财综【2023】33号",
		"晋市财社【2023】161号", "晋市财社【2023】156号", NULL, "晋市发【2009】21号", "泽医保发【2022】10号",
		NULL, "晋市财综【2023】33号", "普市财社【2023】161号", "晋市财社【2023】190号",
	};
	for (size_t i = 0; i < 22; i++) {
		const jx_basis *b = &project(pkg, i)->basis.v[0];
		if (docs[i])
			assert_string_equal(b->doc_no, docs[i]);
		else
			assert_null(b->doc_no);
	}
	const jx_project *p = project(pkg, 0);
	assert_string_equal(p->overview.s, "省市县政府为民办实事，为11名残疾儿童提供康复救助，补贴每人16000元，计190000元。");
	assert_string_equal(p->basis.v[0].text, "晋市财社【2023】189号 晋城市财政局关于下达2024年残疾人康复补助资金的通知。");
	assert_string_equal(p->necessity.s,
			    "通过残疾儿童康复救助，提高残疾儿童生活质量，使残疾儿童得到康复，更好地参与学习及生活。");
	assert_string_equal(p->measures.s, "泽州县残疾人联合会专项资金管理办法");
	assert_string_equal(p->goal_total.s, "2024年为11名残疾儿童提供康复救助，每人补助16000元，计190000元。");
	assert_string_equal(p->goal_year.s, "2024年为11名残疾儿童提供康复救助，每人补助16000元，计190000元。");
	/* a label after a finished sentence on the same line */
	p = project(pkg, 15);
	assert_string_equal(p->basis.v[0].text, "2013年第26次常务会议纪要关于追加三、四级残疾人护理补贴资金的事宜。");
	assert_non_null(strstr(p->overview.s, "共发放300万元。"));
	assert_null(strstr(p->overview.s, "立项依据"));
	/* the page footer and header inside 康复救助's neighbour do not leak into texts */
	for (size_t i = 0; i < 22; i++) {
		const jx_project *q = project(pkg, i);
		assert_null(strstr(q->goal_total.s, "部门预算公开报告"));
		assert_null(strstr(q->goal_year.s, "部门预算公开报告"));
		assert_null(strstr(q->overview.s, "部门预算公开报告"));
	}
	/* two goal columns: the year goal is printed after the period goal */
	p = project(pkg, 1);
	assert_string_equal(p->goal_year.s, "2024年为27名残疾儿童进行康复救助；为29名0-6岁儿童提供残疾筛查诊断。通过实施残疾儿童康复救助，"
					    "改善残疾儿童功能情况，不断提高残疾儿童健康水平和生活自理能力，增强其社会参与能力。");
	assert_string_equal(p->goal_total.s, p->goal_year.s);
}

static void check_all_indicators(const jx_pkg *pkg)
{
	CHECK_IND(pkg, 0);
	CHECK_IND(pkg, 1);
	CHECK_IND(pkg, 4);
	CHECK_IND(pkg, 5);
	CHECK_IND(pkg, 8);
	CHECK_IND(pkg, 11);
	CHECK_IND(pkg, 16);
	CHECK_IND(pkg, 18);
	CHECK_IND(pkg, 20);
	CHECK_IND(pkg, 21);
	/* every project has indicators in both halves, as many in each */
	for (size_t i = 0; i < 22; i++) {
		const jx_project *p = project(pkg, i);
		size_t np = 0, ny = 0;
		for (size_t k = 0; k < p->indicators.n; k++) {
			if (p->indicators.v[k].scope == JX_SCOPE_PERIOD)
				np++;
			else
				ny++;
			assert_non_null(p->indicators.v[k].name);
			assert_true(p->indicators.v[k].value.text[0] != '\0');
		}
		assert_true(np >= 6);
		assert_int_equal(np, ny);
	}
	/* a name wrapped over two lines is joined and flagged */
	const jx_indicator *x = &project(pkg, 0)->indicators.v[2];
	assert_true(x->repairs & JX_REPAIR_NAME_JOINED);
	assert_int_equal(x->src.line, 1125);
}

static void check_ocr(const jx_pkg *pkg)
{
	const jx_project *p = project(pkg, 20);
	const jx_indicator *v = p->indicators.v;
	/* 数量指程 → 数量指标 */
	assert_string_equal(v[0].level2_text, "数量指程");
	assert_true(v[0].repairs & JX_REPAIR_L2_OCR);
	assert_false(v[1].repairs & JX_REPAIR_L2_OCR);
	/* 或本指标 → 成本指标 on the year side */
	assert_string_equal(v[7].level2_text, "或本指标");
	assert_int_equal(v[7].l2, JX_L2_COST);
	assert_true(v[7].repairs & JX_REPAIR_L2_OCR);
	assert_false(v[6].repairs & JX_REPAIR_L2_OCR);
	/* 清意度指标 → 满意度指标 */
	assert_string_equal(v[10].level1_text, "清意度指标");
	assert_true(v[10].repairs & JX_REPAIR_L1_OCR);
	assert_true(v[11].repairs & JX_REPAIR_L1_OCR);
	/* other tables are not flagged */
	for (size_t i = 0; i < 20; i++)
		for (size_t k = 0; k < project(pkg, i)->indicators.n; k++)
			assert_false(project(pkg, i)->indicators.v[k].repairs & (JX_REPAIR_L1_OCR | JX_REPAIR_L2_OCR));
	size_t ocr_notes = 0;
	for (size_t i = 0; i < pkg->notes.n; i++)
		if (strcmp(pkg->notes.v[i].code, "import.ocr") == 0) {
			assert_string_equal(pkg->notes.v[i].subject, "助残帮扶");
			ocr_notes++;
		}
	assert_int_equal(ocr_notes, 2); /* the level names, and 项日完成时间 kept as printed */
}

static void check_overall(const jx_pkg *pkg)
{
	const jx_overall *o = &pkg->overall;
	assert_true(o->present);
	assert_int_equal(pkg->dept.internal_units, 0);
	assert_int_equal(pkg->dept.budget_units, 0);
	assert_int_equal(pkg->dept.staff_authorized, 25);
	assert_int_equal(pkg->dept.staff_actual, 20);
	assert_int_equal(pkg->dept.staff_on_books, 20);
	assert_int_equal(pkg->dept.staff_other, 0);
	assert_string_equal(o->duties.s, "协助县政府研究制定实施残疾人事业的法规、政策和计划，发展和管理残疾人事业。");
	assert_non_null(o->strategy.s);
	assert_true(strncmp(o->strategy.s, "持续深化对习近平新时代", strlen("持续深化对习近平新时代")) == 0);
	assert_non_null(strstr(o->strategy.s, "为全县残疾人事业高质量发展营造良好环境。"));
	assert_true(o->total.present);
	assert_int_equal(o->total.fen, 1800420000);
	assert_int_equal(o->total.unit, JX_MU_WANYUAN);
	static const struct {
		const char *group, *name;
		int64_t fen;
	} budget[] = {
		{"source", "合计", 1800420000},        {"direction", "合计", 1800420000},
		{"source", "一般公共预算资金", 1632760000}, {"direction", "基本支出", 294840000},
		{"source", "政府性基金预算资金", 167660000}, {"direction", "项目支出", 1505580000},
		{"source", "国有资本经营预算资金", 0},     {"source", "社会保险基金预算资金", 0},
		{"source", "专户管理资金", 0},           {"source", "单位资金", 0},
	};
	assert_int_equal(o->budget.n, sizeof budget / sizeof *budget);
	for (size_t i = 0; i < o->budget.n; i++) {
		assert_string_equal(o->budget.v[i].group, budget[i].group);
		assert_string_equal(o->budget.v[i].name, budget[i].name);
		assert_int_equal(o->budget.v[i].amount.fen, budget[i].fen);
	}
	assert_int_equal(o->tasks.n, 5);
	assert_string_equal(o->tasks.v[0].function, "重度残疾人体检工作");
	assert_string_equal(o->tasks.v[0].name, "为全县重度残疾人每人500元的免费体检服务。");
	assert_string_equal(o->tasks.v[4].function, "三四级残疾人生活补贴");
	assert_non_null(o->goal.s);
	assert_true(strncmp(o->goal.s, "开展残疾人康复", strlen("开展残疾人康复")) == 0);
	assert_non_null(strstr(o->goal.s, "大大推进了全县残疾人事业发展。"));
	/* 7 数量, 9 质量, 3 时效, 5 成本, 3 社会效益, 3 可持续影响, 1 满意度 */
	assert_int_equal(o->indicators.n, 31);
	size_t per[16] = {0};
	for (size_t i = 0; i < o->indicators.n; i++) {
		assert_int_equal(o->indicators.v[i].scope, JX_SCOPE_YEAR);
		per[o->indicators.v[i].l2]++;
	}
	assert_int_equal(per[JX_L2_QUANTITY], 7);
	assert_int_equal(per[JX_L2_QUALITY], 9);
	assert_int_equal(per[JX_L2_TIMELINESS], 3);
	assert_int_equal(per[JX_L2_COST], 5);
	assert_int_equal(per[JX_L2_SOCIAL], 3);
	assert_int_equal(per[JX_L2_SUSTAINABLE], 3);
	assert_int_equal(per[JX_L2_SATISFACTION], 1);
	const jx_indicator *v = o->indicators.v;
	assert_string_equal(v[2].name, "重度残疾人体检人数");
	assert_string_equal(v[2].value.text, "≥5000人");
	assert_int_equal(v[2].value.op, JX_OP_GE);
	assert_string_equal(v[12].name, "党风廉政建设情况");
	assert_string_equal(v[12].value.text, "无违规");
	assert_string_equal(v[16].name, "残疾人培训时间");
	assert_string_equal(v[16].value.text, "6至11月");
	assert_string_equal(v[21].name, "三四级残疾人生活补贴标准");
	assert_string_equal(v[21].value.text, "20元/人/月");
	assert_string_equal(v[28].name, "创新能力建设");
	assert_string_equal(v[28].value.text, "有序推进");
	assert_int_equal(v[28].l1, JX_L1_EFFECT);
	assert_string_equal(v[30].name, "受助残疾人满意度指标");
	assert_int_equal(v[30].l1, JX_L1_SATISFACTION);
	assert_string_equal(v[30].value.text, "≥90%");
}

static void check_all(const jx_pkg *pkg)
{
	check_projects(pkg);
	check_funding(pkg);
	check_texts(pkg);
	check_all_indicators(pkg);
	check_ocr(pkg);
	check_overall(pkg);
}

static jx_pkg *g_seed; /* recognised from a hand-built grid of seed 004 */

static int setup(void **state)
{
	(void)state;
	g_seed = seed004_direct(false);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	jx_pkg_free(g_seed);
	return 0;
}

static void test_projects(void **state)
{
	(void)state;
	check_projects(g_seed);
}

static void test_funding(void **state)
{
	(void)state;
	check_funding(g_seed);
}

static void test_texts(void **state)
{
	(void)state;
	check_texts(g_seed);
}

static void test_indicators(void **state)
{
	(void)state;
	check_all_indicators(g_seed);
}

static void test_ocr(void **state)
{
	(void)state;
	check_ocr(g_seed);
}

static void test_overall(void **state)
{
	(void)state;
	check_overall(g_seed);
}

/* A small table: the right half's pairs come in another order, a page footer and header interrupt it. */
static void test_excerpt_alternating(void **state)
{
	(void)state;
	static const char text[] =
		"报告标题示例文字\n-1-\n某某单位项目支出绩效目标表\n"
		"项目名称 示例项目\n"
		"主管部门及代码 101-示例单位 实施单位 示例单位\n"
		"项目属性 经常性项目 项目期 3年\n"
		"项目资金\n（万元）\n"
		"实施期资金总额： 30.5 年度资金总额： 10.25\n"
		"其中：中央财政资金 0 其中：中央财政资金 0\n"
		"省级财政资金 30.5 省级财政资金 10.25\n"
		"其他资金 其他资金\n"
		"项目概况 概况文字。\n"
		"立项依据 （示财发〔2022〕7号）文件\n"
		"实施期目标 年度目标\n总体目标\n三年完成改造工作，提升服务水平。\n"
		"-2-\n报告标题示例文字\n"
		"三年完成改造工作，提升服务。\n"
		"一级指标 二级指标 三级指标 指标值 二级指标 三级指标 指标值\n"
		"产出指标\n"
		"数量指标\nA项数量 ≥5个\n数量指标\nB项数量 3个\n"
		"B项数量 3个 C项数量 ≥2个\nC项数量 ≥2个 A项数量 ≥5个\n"
		"效益指标\n社会效益指标 服务水平提升提高 社会效益指标 服务水平提升提高\n"
		"负责人： 经办人：\n"
		"-3-\n报告标题示例文字\n";
	jx_pkg *pkg = recognise_text(text);
	assert_int_equal(pkg->projects.n, 1);
	const jx_project *p = &pkg->projects.v[0];
	assert_string_equal(p->name, "示例项目");
	assert_string_equal(p->supervisor_code, "101");
	assert_string_equal(p->attribute, "经常性项目");
	assert_string_equal(p->duration, "3年");
	assert_int_equal(p->amount.unit, JX_MU_WANYUAN);
	assert_int_equal(p->amount.fen, 10250000);
	assert_int_equal(p->amount_total.fen, 30500000);
	assert_int_equal(p->funding.n, 3);
	assert_int_equal(p->funding.v[1].total.fen, 30500000);
	assert_int_equal(p->funding.v[1].year.fen, 10250000);
	assert_string_equal(p->basis.v[0].doc_no, "示财发〔2022〕7号");
	assert_string_equal(p->goal_total.s, "三年完成改造工作，提升服务水平。");
	assert_string_equal(p->goal_year.s, "三年完成改造工作，提升服务。");
	static const struct {
		jx_scope scope;
		const char *name, *value;
	} e[] = {
		{JX_SCOPE_PERIOD, "A项数量", "≥5个"}, {JX_SCOPE_YEAR, "B项数量", "3个"},
		{JX_SCOPE_PERIOD, "B项数量", "3个"},  {JX_SCOPE_YEAR, "C项数量", "≥2个"},
		{JX_SCOPE_PERIOD, "C项数量", "≥2个"}, {JX_SCOPE_YEAR, "A项数量", "≥5个"},
		{JX_SCOPE_PERIOD, "服务水平提升", "提高"}, {JX_SCOPE_YEAR, "服务水平提升", "提高"},
	};
	assert_int_equal(p->indicators.n, sizeof e / sizeof *e);
	for (size_t i = 0; i < p->indicators.n; i++) {
		assert_int_equal(p->indicators.v[i].scope, e[i].scope);
		assert_string_equal(p->indicators.v[i].name, e[i].name);
		assert_string_equal(p->indicators.v[i].value.text, e[i].value);
	}
	assert_int_equal(p->indicators.v[6].l2, JX_L2_SOCIAL);
	assert_int_equal(p->indicators.v[6].l1, JX_L1_EFFECT);
	/* rows before the title are not claimed; every row of the table is (to the 负责人 line) */
	assert_int_equal(g_claimed[0], 0);
	assert_int_equal(g_claimed[1], 0);
	for (size_t i = 2; i < g_nrows - 2; i++)
		assert_int_equal(g_claimed[i], 1);
	assert_int_equal(g_claimed[g_nrows - 1], 0);
	jx_pkg_free(pkg);
}

/* The same with page numbers on the rows and the footer rows dropped: titles starting a page stay titles. */
static void test_seed_with_pages(void **state)
{
	(void)state;
	jx_pkg *pkg = seed004_direct(true);
	check_all(pkg);
	assert_int_equal(pkg->projects.v[7].src.page, 1);
	assert_int_equal(pkg->projects.v[8].src.page, 2);
	assert_int_equal(pkg->projects.v[8].indicators.v[0].src.page, 2);
	jx_pkg_free(pkg);
}

/* A table without a 负责人 line ends at the report's next section heading; its title carries the year. */
static void test_excerpt_section_end(void **state)
{
	(void)state;
	static const char text[] =
		"单位项目支出绩效目标申报表（2025年度）\n"
		"项目名称 示例\n"
		"项目资金（元）\n"
		"实施期资金总额： 1,000 年度资金总额： 500\n"
		"一级指标 二级指标 三级指标 指标值 二级指标 三级指标 指标值\n"
		"产出指标\n"
		"数量指标 培训人数 ≥20人 数量指标 培训人数 ≥10人\n"
		"十二、其他说明\n"
		"本单位严格按照规定执行 ≥5人\n";
	jx_pkg *pkg = recognise_text(text);
	assert_int_equal(pkg->year, 2025);
	assert_int_equal(pkg->projects.n, 1);
	const jx_project *p = &pkg->projects.v[0];
	assert_int_equal(p->amount_total.fen, 100000);
	assert_int_equal(p->amount.fen, 50000);
	assert_int_equal(p->indicators.n, 2);
	assert_string_equal(p->indicators.v[0].value.text, "≥20人");
	assert_int_equal(p->indicators.v[0].scope, JX_SCOPE_PERIOD);
	assert_string_equal(p->indicators.v[1].value.text, "≥10人");
	assert_int_equal(p->indicators.v[1].scope, JX_SCOPE_YEAR);
	jx_pkg_free(pkg);
}

/* An overall table with 成本指标 as a level 1 of its own. */
static void test_excerpt_overall_cost(void **state)
{
	(void)state;
	static const char text[] =
		"部门整体支出绩效目标申报表\n"
		"部门名称 7-示例局\n"
		"核定的人员编制数 12人 实际在职人员总数 11人\n"
		"年度绩效\n指标\n"
		"一级指标 二级指标 三级指标 指标值\n"
		"产出指标\n数量指标\n服务人数 ≥100人\n"
		"成本指标 经济成本指标 人均成本 ≤50元/人\n"
		"效益指标 社会效益指标 群众获得感 明显提高\n";
	jx_pkg *pkg = recognise_text(text);
	assert_true(pkg->overall.present);
	assert_string_equal(pkg->dept.code, "7");
	assert_string_equal(pkg->dept.name, "示例局");
	assert_int_equal(pkg->dept.staff_authorized, 12);
	assert_int_equal(pkg->dept.staff_actual, 11);
	const jx_indicator_vec *v = &pkg->overall.indicators;
	assert_int_equal(v->n, 3);
	assert_int_equal(v->v[0].l1, JX_L1_OUTPUT);
	assert_int_equal(v->v[0].l2, JX_L2_QUANTITY);
	assert_int_equal(v->v[1].l1, JX_L1_COST);
	assert_int_equal(v->v[1].l2, JX_L2_ECON_COST);
	assert_string_equal(v->v[1].name, "人均成本");
	assert_string_equal(v->v[1].value.text, "≤50元/人");
	assert_int_equal(v->v[1].repairs, 0);
	assert_int_equal(v->v[2].l1, JX_L1_EFFECT);
	assert_string_equal(v->v[2].name, "群众获得感");
	assert_string_equal(v->v[2].value.text, "明显提高");
	jx_pkg_free(pkg);
}

/* A comparator printed apart from its number; a goal text that cannot be split in two. */
static void test_excerpt_odd_values(void **state)
{
	(void)state;
	static const char text[] =
		"单位项目支出绩效目标表\n"
		"项目名称 示例\n"
		"实施期目标 年度目标\n总体目标 完成工作任务\n"
		"一级指标 二级指标 三级指标 指标值 二级指标 三级指标 指标值\n"
		"满意度指标 服务对象满意度指标 群众满意度 ≥ 95% 服务对象满意度指标 群众满意度 ≥95%\n"
		"负责人：\n";
	jx_pkg *pkg = recognise_text(text);
	const jx_project *p = &pkg->projects.v[0];
	assert_string_equal(p->goal_total.s, "完成工作任务");
	assert_null(p->goal_year.s);
	assert_int_equal(pkg->notes.n, 1);
	assert_string_equal(pkg->notes.v[0].code, "import.goal-unsplit");
	assert_int_equal(p->indicators.n, 2);
	assert_string_equal(p->indicators.v[0].name, "群众满意度");
	assert_string_equal(p->indicators.v[0].value.text, "≥ 95%");
	assert_int_equal(p->indicators.v[0].value.op, JX_OP_GE);
	assert_string_equal(p->indicators.v[1].value.text, "≥95%");
	assert_int_equal(p->indicators.v[1].scope, JX_SCOPE_YEAR);
	jx_pkg_free(pkg);
}

/* Other layouts are left alone. */
static void test_other_layout(void **state)
{
	(void)state;
	jx_pkg *pkg = jx_pkg_new();
	jx_grid g;
	memset(&g, 0, sizeof g);
	g.arena = pkg->arena;
	g.layout = JX_LAYOUT_WORD_CELLS;
	unsigned char claimed[1] = {0};
	jx_rec_ctx ctx = {pkg, &g, claimed};
	assert_int_equal(jx_rec_pdf_targets(&ctx), 0);
	assert_int_equal(pkg->projects.n, 0);
	jx_pkg_free(pkg);
}

/* The whole import path (reader + recognisers) on the seed. */
static void test_import_file(void **state)
{
	(void)state;
	char *path = tu_seed_path("004");
	jx_pkg *pkg = NULL;
	int rc = jx_import_file(&pkg, path, NULL);
	free(path);
	assert_int_equal(rc, 0);
	check_all(pkg);
	jx_pkg_free(pkg);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_projects),
		cmocka_unit_test(test_funding),
		cmocka_unit_test(test_texts),
		cmocka_unit_test(test_indicators),
		cmocka_unit_test(test_ocr),
		cmocka_unit_test(test_overall),
		cmocka_unit_test(test_excerpt_alternating),
		cmocka_unit_test(test_excerpt_section_end),
		cmocka_unit_test(test_excerpt_overall_cost),
		cmocka_unit_test(test_excerpt_odd_values),
		cmocka_unit_test(test_seed_with_pages),
		cmocka_unit_test(test_other_layout),
		cmocka_unit_test(test_import_file),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
