/* test_rec_tsv.c: the tab-separated overall target table (tasks × amounts, goals, 符号/值/单位 indicators). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jx/import.h"
#include "recognise/recognise.h"
#include "util/arena.h"
#include "testutil.h"

/* Builds a TSV grid by hand as the reader does (one row per line, cells split on tabs kept in position), so
 * the recogniser is tested on its own while the reader is written. */
static jx_pkg *recognise_tsv(const char *text)
{
	jx_pkg *pkg = jx_pkg_new();
	assert_non_null(pkg);
	jx_grid *g = jx_arena_zalloc(pkg->arena, sizeof *g);
	assert_non_null(g);
	g->arena = pkg->arena;
	g->file = "t.tsv";
	g->layout = JX_LAYOUT_TSV;
	size_t nl = 1;
	for (const char *p = text; *p; p++)
		nl += *p == '\n';
	g->lines = jx_arena_calloc(pkg->arena, nl, sizeof *g->lines);
	const char *p = text;
	uint32_t line = 0;
	while (*p) {
		const char *e = strchr(p, '\n');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		if (len && p[len - 1] == '\r')
			len--;
		char *s = jx_arena_strndup(pkg->arena, p, len);
		g->lines[line++] = s;
		if (len) {
			jx_grid_row *row = jx_vec_push(pkg->arena, &g->rows);
			size_t nc = 1;
			for (size_t i = 0; i < len; i++)
				nc += s[i] == '\t';
			row->cells = jx_arena_calloc(pkg->arena, nc, sizeof *row->cells);
			row->src = (jx_src){"t.tsv", 0, line, 1, 0};
			const char *c = s;
			for (size_t k = 0; k < nc; k++) {
				const char *t = strchr(c, '\t');
				size_t cl = t ? (size_t)(t - c) : strlen(c);
				size_t b = 0;
				while (b < cl && c[b] == ' ')
					b++;
				while (cl > b && c[cl - 1] == ' ')
					cl--;
				row->cells[k].text = jx_arena_strndup(pkg->arena, c + b, cl - b);
				row->cells[k].src = (jx_src){"t.tsv", 0, line, (uint32_t)(c - s) + 1, (uint32_t)cl};
				c = t ? t + 1 : c + cl;
			}
			row->n = nc;
			row->paragraph = nc == 1; /* a line without tabs, as a reader may flag it */
		}
		p = e ? e + 1 : p + len;
	}
	g->nlines = line;
	jx_rec_ctx ctx = {pkg, g, jx_arena_calloc(pkg->arena, g->rows.n + 1, 1)};
	assert_int_equal(jx_rec_tsv_overall(&ctx), 0);
	return pkg;
}

static jx_pkg *seed001_direct(void)
{
	char *path = tu_seed_path("001");
	char *text = tu_read_file(path, NULL);
	jx_pkg *pkg = recognise_tsv(text);
	free(text);
	free(path);
	return pkg;
}

static const jx_indicator *find_ind(const jx_pkg *pkg, const char *name)
{
	for (size_t i = 0; i < pkg->overall.indicators.n; i++)
		if (pkg->overall.indicators.v[i].name && strcmp(pkg->overall.indicators.v[i].name, name) == 0)
			return &pkg->overall.indicators.v[i];
	fail_msg("indicator %s not found", name);
	return NULL;
}

static void check_head(const jx_pkg *pkg)
{
	assert_true(pkg->overall.present);
	assert_string_equal(pkg->overall.title, "整体支出绩效目标表");
	assert_int_equal(pkg->year, 2023);
	assert_string_equal(pkg->dept.name, "天津市残疾人联合会");
}

static void check_tasks(const jx_pkg *pkg)
{
	static const struct {
		const char *no, *name_start;
		int64_t total, basic, project, other; /* fen; -1 = blank */
	} exp[] = {
		{"1", "突出残疾人就业优先", 188400000, -1, 188400000, -1},
		{"2", "坚持康复与残疾预防并举", 1667100000, -1, 1275100000, 392000000},
		{"3", "优化残疾人事业发展环境", 221100000, -1, 221100000, -1},
		{"4", "深入开展残疾人文化艺术工作", 120000000, -1, 120000000, -1},
		{"5", "促进残疾人体育运动协调发展", 363000000, -1, 353000000, 10000000},
		{"6", "加强残联信息化建设和运行维护", 8223800000, 5242400000, 2157600000, 823800000},
	};
	assert_int_equal(pkg->overall.tasks.n, 6);
	for (size_t i = 0; i < 6; i++) {
		const jx_task *t = &pkg->overall.tasks.v[i];
		assert_string_equal(t->no, exp[i].no);
		assert_true(strncmp(t->name, exp[i].name_start, strlen(exp[i].name_start)) == 0);
		const jx_amount *a[4] = {&t->total, &t->basic, &t->project, &t->other};
		int64_t e[4] = {exp[i].total, exp[i].basic, exp[i].project, exp[i].other};
		for (int k = 0; k < 4; k++) {
			if (e[k] < 0) {
				assert_false(a[k]->present);
			} else {
				if (!a[k]->present || a[k]->fen != e[k])
					fail_msg("task %zu amount %d: present %d fen %lld, expected %lld", i + 1, k,
						 a[k]->present, (long long)a[k]->fen, (long long)e[k]);
				assert_int_equal(a[k]->unit, JX_MU_WANYUAN);
				assert_int_equal(a[k]->scale, 1);
			}
		}
	}
	assert_string_equal(pkg->overall.tasks.v[5].total.text, "8223.8");
	assert_int_equal(pkg->overall.tasks.v[5].src.line, 16);
}

static void check_goals(const jx_pkg *pkg)
{
	assert_int_equal(pkg->overall.goals.n, 6);
	for (size_t i = 0; i < 6; i++) {
		char no[8], task[16];
		snprintf(no, sizeof no, "%zu", i + 1);
		snprintf(task, sizeof task, "任务%zu", i + 1);
		assert_string_equal(pkg->overall.goals.v[i].no, no);
		assert_string_equal(pkg->overall.goals.v[i].task, task);
		assert_int_equal(pkg->overall.goals.v[i].src.line, 18 + i);
	}
	assert_true(strncmp(pkg->overall.goals.v[0].text, "持续开展残疾人职业技能培训", strlen("持续开展残疾人职业技能培训")) == 0);
	assert_true(strncmp(pkg->overall.goals.v[5].text, "完成各项日常运行工作", strlen("完成各项日常运行工作")) == 0);
}

struct exp_ind {
	uint32_t line;
	int goal;
	jx_level1 l1;
	jx_level2 l2;
	const char *name;
	jx_op op;
	const char *number; /* NULL: none */
	const char *unit;
	jx_value_kind kind;
};

static void check_indicators(const jx_pkg *pkg)
{
	/* Hand-counted from the seed: goal 1 has 3 数量, 3 质量, 3 时效, 1 成本, 2 社会效益, 2 可持续, 2 满意度 = 16. */
	static const size_t per_goal[6] = {16, 15, 16, 11, 12, 9};
	assert_int_equal(pkg->overall.indicators.n, 79);
	size_t count[7] = {0};
	for (size_t i = 0; i < pkg->overall.indicators.n; i++) {
		int g = pkg->overall.indicators.v[i].goal;
		assert_in_range(g, 1, 6);
		count[g]++;
	}
	for (int g = 1; g <= 6; g++)
		assert_int_equal(count[g], per_goal[g - 1]);

	static const struct exp_ind exp[] = {
		{28, 1, JX_L1_OUTPUT, JX_L2_QUANTITY, "残疾人职业技能培训人数", JX_OP_EQ, "80", "人", JX_KIND_COUNT},
		{29, 1, JX_L1_OUTPUT, JX_L2_QUANTITY, "参加全国盲人医疗按摩人员考试人数", JX_OP_GE, "20", "人", JX_KIND_COUNT},
		{30, 1, JX_L1_OUTPUT, JX_L2_QUANTITY, "参加全国残疾人职业技能竞赛人数", JX_OP_GE, "15", "人", JX_KIND_COUNT},
		{31, 1, JX_L1_OUTPUT, JX_L2_QUALITY, "全国残疾人职业技能大赛赛前强化培训人数达标率", JX_OP_GE, "90", "%", JX_KIND_PERCENT},
		{33, 1, JX_L1_OUTPUT, JX_L2_QUALITY, "参加全国盲人医疗按摩人员考试完成率", JX_OP_GE, "90", "%", JX_KIND_PERCENT},
		{34, 1, JX_L1_OUTPUT, JX_L2_TIMELINESS, "完成残疾人职业技能提升培训时间", JX_OP_LE, NULL, "", JX_KIND_DATE},
		{36, 1, JX_L1_OUTPUT, JX_L2_TIMELINESS, "完成全国残疾人职业技能大赛赛前强化培训时间", JX_OP_NONE, NULL, "", JX_KIND_PERIOD},
		{37, 1, JX_L1_OUTPUT, JX_L2_COST, "残疾人就业服务相关工作预算", JX_OP_LE, "1884000", "元", JX_KIND_MONEY},
		{38, 1, JX_L1_EFFECT, JX_L2_SOCIAL, "提升残疾人就业能力和职业技能水平", JX_OP_NONE, NULL, "", JX_KIND_QUALITATIVE},
		{39, 1, JX_L1_EFFECT, JX_L2_SOCIAL, "提升盲人医疗按摩人员技术素养", JX_OP_NONE, NULL, "", JX_KIND_QUALITATIVE},
		{40, 1, JX_L1_EFFECT, JX_L2_SUSTAINABLE, "提高为残疾人开展就业服务的能力水平", JX_OP_NONE, NULL, "", JX_KIND_QUALITATIVE},
		{41, 1, JX_L1_EFFECT, JX_L2_SUSTAINABLE, "推动盲人按摩事业发展", JX_OP_NONE, NULL, "", JX_KIND_QUALITATIVE},
		{42, 1, JX_L1_SATISFACTION, JX_L2_SATISFACTION, "参加全国残疾人职业技能大赛人员满意度", JX_OP_GE, "90", "%", JX_KIND_PERCENT},
		{43, 1, JX_L1_SATISFACTION, JX_L2_SATISFACTION, "参加培训残疾人满意度", JX_OP_GE, "85", "%", JX_KIND_PERCENT},
		{48, 2, JX_L1_OUTPUT, JX_L2_QUANTITY, "残疾人假肢（大、小腿）装配数量", JX_OP_GE, "90", "例", JX_KIND_COUNT},
		{53, 2, JX_L1_OUTPUT, JX_L2_QUALITY, "完成残疾人体检各项规定项目", JX_OP_GE, "8", "项", JX_KIND_COUNT},
		{56, 2, JX_L1_OUTPUT, JX_L2_COST, "残疾人康复服务相关工作预算", JX_OP_LE, "16671000", "元", JX_KIND_MONEY},
		{58, 2, JX_L1_EFFECT, JX_L2_SOCIAL, "提高全市残疾儿童定点康复机构服务水平", JX_OP_NONE, NULL, "", JX_KIND_QUALITATIVE},
		{59, 2, JX_L1_EFFECT, JX_L2_SOCIAL, "掌握残疾人的身体健康状况", JX_OP_NONE, NULL, "", JX_KIND_QUALITATIVE},
		{60, 2, JX_L1_EFFECT, JX_L2_SUSTAINABLE, "健全残疾人辅助器具适配机制", JX_OP_NONE, NULL, "", JX_KIND_QUALITATIVE},
		{61, 2, JX_L1_SATISFACTION, JX_L2_SATISFACTION, "残疾儿童家庭对康复机构满意度", JX_OP_GE, "85", "%", JX_KIND_PERCENT},
		{67, 3, JX_L1_OUTPUT, JX_L2_QUANTITY, "保障残疾人心理咨询师数量", JX_OP_EQ, "1", "人", JX_KIND_COUNT},
		{68, 3, JX_L1_OUTPUT, JX_L2_QUANTITY, "保障残疾人法律援助坐席律师数量", JX_OP_GE, "50", "人次", JX_KIND_COUNT},
		{71, 3, JX_L1_OUTPUT, JX_L2_QUANTITY, "保障残疾人咨询坐席服务人员数量", JX_OP_EQ, "2", "个", JX_KIND_COUNT},
		{76, 3, JX_L1_OUTPUT, JX_L2_COST, "残疾人权益保障和社会工作预算", JX_OP_LE, "2211000", "元", JX_KIND_MONEY},
		{77, 3, JX_L1_EFFECT, JX_L2_SOCIAL, "保障第三代残疾人证发放工作", JX_OP_NONE, NULL, "", JX_KIND_QUALITATIVE},
		{78, 3, JX_L1_EFFECT, JX_L2_SUSTAINABLE, "维护残疾人合法权益", JX_OP_NONE, NULL, "", JX_KIND_QUALITATIVE},
		{82, 3, JX_L1_SATISFACTION, JX_L2_SATISFACTION, "残疾人法律援助对象满意度", JX_OP_GE, "85", "%", JX_KIND_PERCENT},
		{88, 4, JX_L1_OUTPUT, JX_L2_QUANTITY, "天津日报残疾人事业专版数量", JX_OP_GE, "3", "版", JX_KIND_COUNT},
		{92, 4, JX_L1_OUTPUT, JX_L2_COST, "残疾人文化宣传艺术培养相关工作预算", JX_OP_LE, "1200000", "元", JX_KIND_MONEY},
		{94, 4, JX_L1_EFFECT, JX_L2_SOCIAL, "弘扬扶残助残社会风尚", JX_OP_NONE, NULL, "", JX_KIND_QUALITATIVE},
		{95, 4, JX_L1_EFFECT, JX_L2_SUSTAINABLE, "保障京津冀残疾人文化交流持续开展机制", JX_OP_NONE, NULL, "", JX_KIND_QUALITATIVE},
		{98, 5, JX_L1_OUTPUT, JX_L2_QUANTITY, "举办残疾人群众体育活动参与人数", JX_OP_GE, "700", "人", JX_KIND_COUNT},
		{99, 5, JX_L1_OUTPUT, JX_L2_QUANTITY, "残疾人运动员教练员及工作人员参训人数", JX_OP_GE, "70", "人", JX_KIND_COUNT},
		{100, 5, JX_L1_OUTPUT, JX_L2_QUALITY, "残疾人运动员按时完成训练计划达标率", JX_OP_GE, "95", "%", JX_KIND_PERCENT},
		{105, 5, JX_L1_OUTPUT, JX_L2_QUALITY, "残疾人群众体育活动目标定位准确率", JX_OP_GE, "90", "%", JX_KIND_PERCENT},
		{106, 5, JX_L1_OUTPUT, JX_L2_TIMELINESS, "按时安排残疾人运动员测试考核达标率", JX_OP_GE, "90", "%", JX_KIND_PERCENT},
		{108, 5, JX_L1_OUTPUT, JX_L2_COST, "残疾人体育运动相关工作预算", JX_OP_LE, "3630000", "元", JX_KIND_MONEY},
		{114, 6, JX_L1_OUTPUT, JX_L2_QUANTITY, "市残联全系统物业管理保障面积", JX_OP_GE, "86519", "", JX_KIND_NUMBER},
		{115, 6, JX_L1_OUTPUT, JX_L2_QUANTITY, "市残联信息系统升级改造数量", JX_OP_EQ, "4", "个", JX_KIND_COUNT},
		{116, 6, JX_L1_OUTPUT, JX_L2_QUALITY, "市残联各机构水电暖通等正常运行率", JX_OP_GE, "90", "%", JX_KIND_PERCENT},
		{118, 6, JX_L1_OUTPUT, JX_L2_TIMELINESS, "机构稳定运行时间", JX_OP_NONE, NULL, "", JX_KIND_PERIOD},
		{123, 6, JX_L1_OUTPUT, JX_L2_COST, "市残联各机构运行经费预算", JX_OP_LE, "21576000", "元", JX_KIND_MONEY},
		{124, 6, JX_L1_EFFECT, JX_L2_SOCIAL, "提高市残联政务服务能力", JX_OP_NONE, NULL, "", JX_KIND_QUALITATIVE},
		{125, 6, JX_L1_EFFECT, JX_L2_SUSTAINABLE, "保障市残联各机构稳定运行", JX_OP_NONE, NULL, "", JX_KIND_QUALITATIVE},
		{126, 6, JX_L1_SATISFACTION, JX_L2_SATISFACTION, "各机构工作人员和服务对象满意度", JX_OP_GE, "90", "%", JX_KIND_PERCENT},
	};
	for (size_t i = 0; i < sizeof exp / sizeof *exp; i++) {
		const jx_indicator *d = find_ind(pkg, exp[i].name);
		char nb[32];
		const char *num = d->value.has_number ? jx_decimal_format(&d->value.number, nb) : NULL;
		if (d->src.line != exp[i].line || d->goal != exp[i].goal || d->l1 != exp[i].l1 || d->l2 != exp[i].l2 ||
		    d->value.op != exp[i].op || d->value.kind != exp[i].kind ||
		    (exp[i].number ? !num || strcmp(num, exp[i].number) != 0 : num != NULL) ||
		    strcmp(d->value.unit ? d->value.unit : "", exp[i].unit) != 0)
			fail_msg("%s: line %u goal %d l1 %d l2 %d op %d kind %d number %s unit %s", exp[i].name, d->src.line,
				 d->goal, d->l1, d->l2, d->value.op, d->value.kind, num ? num : "-",
				 d->value.unit ? d->value.unit : "-");
	}
	/* Values as composed from the 符号 | 值 | 单位 columns, and the canonical level names. */
	const jx_indicator *d = find_ind(pkg, "残疾人职业技能培训人数");
	assert_string_equal(d->value.text, "=80人");
	assert_string_equal(d->level1, "产出指标");
	assert_string_equal(d->level2, "数量指标");
	d = find_ind(pkg, "残疾人就业服务相关工作预算");
	assert_string_equal(d->value.text, "≤1884000元");
	assert_int_equal(d->value.fen, 188400000);
	d = find_ind(pkg, "市残联全系统物业管理保障面积");
	assert_string_equal(d->value.text, "≥86519"); /* the unit is missing in the document: kept unitless */
	d = find_ind(pkg, "完成残疾人职业技能提升培训时间");
	assert_string_equal(d->value.text, "2023年12月31日前完成"); /* 定性: the 值 text alone */
	assert_int_equal(d->value.to.year, 2023);
	assert_int_equal(d->value.to.month, 12);
	assert_int_equal(d->value.to.day, 31);
	d = find_ind(pkg, "参加全国残疾人职业技能大赛人员满意度");
	assert_string_equal(d->level2_text, "服务对象满意度"); /* as written; the canonical name differs */
	assert_string_equal(d->level2, "服务对象满意度指标");
	assert_string_equal(d->level1_text, "满意度指标");
	d = find_ind(pkg, "参加培训残疾人满意度"); /* merged cells: nothing written, levels carried */
	assert_null(d->level1_text);
	assert_null(d->level2_text);
	assert_string_equal(d->level2, "服务对象满意度指标");
	/* 可持续影响指标 written in the level-1 column: level 1 inferred and noted. */
	d = find_ind(pkg, "提高为残疾人开展就业服务的能力水平");
	assert_true(d->repairs & JX_REPAIR_L1_INFERRED);
	assert_string_equal(d->level1, "效益指标");
	assert_null(d->level1_text);
	d = find_ind(pkg, "残疾人职业技能培训人数");
	assert_int_equal(d->repairs, 0);
	size_t inferred = 0;
	for (size_t i = 0; i < pkg->notes.n; i++)
		inferred += strcmp(pkg->notes.v[i].code, "import.level1-inferred") == 0;
	assert_int_equal(inferred, 3);
}

static void check_all(const jx_pkg *pkg)
{
	check_head(pkg);
	check_tasks(pkg);
	check_goals(pkg);
	check_indicators(pkg);
}

static void test_seed_direct(void **state)
{
	(void)state;
	jx_pkg *pkg = seed001_direct();
	check_all(pkg);
	jx_pkg_free(pkg);
}

/* The whole import path (reader + every recogniser); skipped while the text reader is a placeholder. */
static void test_seed_import(void **state)
{
	(void)state;
	char *path = tu_seed_path("001");
	jx_pkg *pkg = NULL;
	int rc = jx_import_file(&pkg, path, NULL);
	free(path);
	assert_int_equal(rc, 0);
	check_all(pkg);
	jx_pkg_free(pkg);
}

/* Cells shifted both ways, 目标N in column 1, a level-2 name in column 0, a name wrapped over two lines, and
 * 成本指标 as a level 1 followed by its own level 2. */
static const char fixture[] =
	"绩效目标\t年度绩效指标\t\t\t\t\t\n"
	"\t一级指标\t二级指标\t三级指标\t指标值\t\t\n"
	"\t\t\t\t符号\t值\t单位（文字描述）\n"
	"\t目标1\t产出指标\t数量指标\t培训人数\t≥\t100\t人\n"
	"质量指标\t\t\t培训合格率\t≥\t95\t%\n"
	"\t\t效益指标\t社会效益指标\t就业能力\t定性\t明显提高\t\n"
	"\t可持续影响指标\t\t长效机制\t定性\t逐步健全\t\n"
	"目标2\t满意度指标\t服务对象满意度\t参训学员\n"
	"\t\t\t满意度\t≥\t90\t%\n"
	"\t成本指标\t经济成本指标\t人均培训成本\t≤\t2000\t元\n"
	"绩效 目标\t年度绩效指标\t\t\n"
	"\t\t\t运行保障\t=\t12\t月\n";

static void test_fixture_shifted(void **state)
{
	(void)state;
	jx_pkg *pkg = recognise_tsv(fixture);
	const jx_indicator_vec *v = &pkg->overall.indicators;
	assert_int_equal(v->n, 7);
	assert_string_equal(v->v[0].name, "培训人数");
	assert_int_equal(v->v[0].goal, 1);
	assert_int_equal(v->v[0].l2, JX_L2_QUANTITY);
	assert_string_equal(v->v[0].value.text, "≥100人");
	assert_string_equal(v->v[1].name, "培训合格率");
	assert_int_equal(v->v[1].l1, JX_L1_OUTPUT);
	assert_int_equal(v->v[1].l2, JX_L2_QUALITY);
	assert_int_equal(v->v[1].value.kind, JX_KIND_PERCENT);
	assert_int_equal(v->v[2].l1, JX_L1_EFFECT);
	assert_int_equal(v->v[2].l2, JX_L2_SOCIAL);
	assert_string_equal(v->v[2].value.text, "明显提高");
	assert_int_equal(v->v[3].l1, JX_L1_EFFECT);
	assert_int_equal(v->v[3].l2, JX_L2_SUSTAINABLE);
	assert_true(v->v[3].repairs & JX_REPAIR_L1_INFERRED);
	/* wrapped name: first part alone on its line, the rest with the value on the next */
	assert_string_equal(v->v[4].name, "参训学员满意度");
	assert_true(v->v[4].repairs & JX_REPAIR_NAME_JOINED);
	assert_int_equal(v->v[4].goal, 2);
	assert_int_equal(v->v[4].l1, JX_L1_SATISFACTION);
	assert_int_equal(v->v[4].l2, JX_L2_SATISFACTION);
	assert_string_equal(v->v[4].value.text, "≥90%");
	assert_int_equal(v->v[4].src.line, 8);
	/* 成本指标 followed by 经济成本指标 is the level 1 */
	assert_int_equal(v->v[5].l1, JX_L1_COST);
	assert_int_equal(v->v[5].l2, JX_L2_ECON_COST);
	assert_int_equal(v->v[5].value.fen, 200000);
	assert_int_equal(v->v[5].goal, 2);
	/* the page-break header (with a space in 绩效 目标) is skipped, the row after it read in context */
	assert_string_equal(v->v[6].name, "运行保障");
	assert_int_equal(v->v[6].goal, 2);
	assert_int_equal(v->v[6].l1, JX_L1_COST);
	assert_int_equal(v->v[6].l2, JX_L2_ECON_COST);
	assert_int_equal(v->v[6].src.line, 12);
	jx_pkg_free(pkg);
}

/* The same fixture through the reader (jx_import_buffer); skipped while the import is a placeholder. */
static void test_fixture_import(void **state)
{
	(void)state;
	jx_pkg *pkg = NULL;
	int rc = jx_import_buffer(&pkg, fixture, strlen(fixture), "fixture.tsv", NULL);
	assert_int_equal(rc, 0);
	const jx_indicator_vec *v = &pkg->overall.indicators;
	assert_int_equal(v->n, 7);
	assert_string_equal(v->v[1].name, "培训合格率");
	assert_int_equal(v->v[1].l2, JX_L2_QUALITY);
	assert_int_equal(v->v[3].l2, JX_L2_SUSTAINABLE);
	assert_string_equal(v->v[4].name, "参训学员满意度");
	assert_int_equal(v->v[4].goal, 2);
	assert_int_equal(v->v[6].l1, JX_L1_COST);
	assert_string_equal(v->v[6].src.file, "fixture.tsv");
	jx_pkg_free(pkg);
}

/* A name that goes on over a line of its own after a complete row. */
static void test_fixture_wrapped_after(void **state)
{
	(void)state;
	jx_pkg *pkg = recognise_tsv("绩效目标\t年度绩效指标\n\t一级指标\t二级指标\t三级指标\t指标值\n"
				    "目标3\t产出指标\t时效指标\t项目完成\t定性\t2024年11月底前\n"
				    "及时率\n"
				    "\t\t\t验收率\t≥\t98\t%\n");
	const jx_indicator_vec *v = &pkg->overall.indicators;
	assert_int_equal(v->n, 2);
	assert_string_equal(v->v[0].name, "项目完成及时率"); /* the wrap is a line without tabs */
	assert_true(v->v[0].repairs & JX_REPAIR_NAME_JOINED);
	assert_int_equal(v->v[0].value.kind, JX_KIND_DATE);
	assert_int_equal(v->v[0].value.to.month, 11);
	assert_string_equal(v->v[1].name, "验收率");
	assert_int_equal(v->v[1].goal, 3);
	assert_int_equal(v->v[1].l2, JX_L2_TIMELINESS);
	jx_pkg_free(pkg);
}

/* Task amounts whose cells do not line up with the header: the sum decides, and the choice is noted. */
static void test_fixture_task_shift(void **state)
{
	(void)state;
	jx_pkg *pkg = recognise_tsv("部门名称\t某部门\t预算资金（万元）\n"
				    "\t\t总额\t财政拨款\t\t其他资金\n"
				    "序号\t主要工作任务\t\t基本支出\t项目支出\t\n"
				    "1\t任务甲\t100.5\t\t80.5\t20\n"
				    "2\t任务乙\t\t50\t30\t20\n");
	assert_int_equal(pkg->overall.tasks.n, 2);
	const jx_task *t = &pkg->overall.tasks.v[0];
	assert_int_equal(t->total.fen, 100500000);
	assert_false(t->basic.present);
	assert_int_equal(t->project.fen, 80500000);
	assert_int_equal(t->other.fen, 20000000);
	/* row 2 is shifted right by one: 50 = 30 + 20 */
	t = &pkg->overall.tasks.v[1];
	assert_int_equal(t->total.fen, 50000000);
	assert_false(t->basic.present);
	assert_int_equal(t->project.fen, 30000000);
	assert_int_equal(t->other.fen, 20000000);
	bool noted = false;
	for (size_t i = 0; i < pkg->notes.n; i++)
		noted |= strcmp(pkg->notes.v[i].code, "import.cells-shifted") == 0 && pkg->notes.v[i].src.line == 5;
	assert_true(noted);
	assert_string_equal(pkg->dept.name, "某部门");
	jx_pkg_free(pkg);
}

/* Only the TSV layout is read. */
static void test_other_layout(void **state)
{
	(void)state;
	jx_pkg *pkg = jx_pkg_new();
	jx_grid g;
	memset(&g, 0, sizeof g);
	g.arena = pkg->arena;
	g.layout = JX_LAYOUT_PDF_TEXT;
	unsigned char claimed[1] = {0};
	jx_rec_ctx ctx = {pkg, &g, claimed};
	assert_int_equal(jx_rec_tsv_overall(&ctx), 0);
	assert_false(pkg->overall.present);
	assert_int_equal(pkg->overall.indicators.n, 0);
	jx_pkg_free(pkg);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_seed_direct),
		cmocka_unit_test(test_seed_import),
		cmocka_unit_test(test_fixture_shifted),
		cmocka_unit_test(test_fixture_import),
		cmocka_unit_test(test_fixture_wrapped_after),
		cmocka_unit_test(test_fixture_task_shift),
		cmocka_unit_test(test_other_layout),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
