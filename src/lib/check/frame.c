/* frame.c: the framework rules: level-1 and level-2 names, the level 2 under the right level 1, names that say
 * what is measured. */
#include <stdio.h>
#include <string.h>

#include "check/check_int.h"
#include "recognise/vocab.h"

/* A name that is only a category: 成本指标, 数量, 社会效益, 服务对象满意度指标 … */
static bool name_is_category(const char *name)
{
	if (!name)
		return false;
	size_t len = strlen(name);
	bool approx = false;
	if (jx_vocab_level2(name, len, &approx) != JX_L2_UNKNOWN && !approx)
		return true;
	if (jx_vocab_level1(name, len, &approx) != JX_L1_UNKNOWN && !approx)
		return true;
	static const char *const bare[] = {"数量", "质量", "时效", "成本", "经济效益", "社会效益", "生态效益",
					   "可持续影响", "满意度", "效益", "产出", NULL};
	for (size_t i = 0; bare[i]; i++)
		if (!strcmp(name, bare[i]))
			return true;
	return false;
}

static const char *const economic_words[] = {"收入", "增收", "经济", "产值", "节约", "节省", "创收", "就业", "资金",
						"元", "金额", "成本", "效益", "利润", "税", NULL};
static const char *const social_words[] = {"幸福", "获得感", "满意", "生活质量", "关怀", "关爱", "意识", "氛围",
					      "融合", "尊重", "权益", "安全感", "社会", NULL};

static void check_set(jx_cx *cx, const char *subject, const jx_indicator_vec *v)
{
	int long_chars = cx->cfg ? cx->cfg->long_name_chars : 20;
	for (size_t i = 0; i < v->n; i++) {
		const jx_indicator *ind = &v->v[i];
		if (jx_ind_blank(ind) || jx_ind_repeat(v, i))
			continue;
		jx_fargs a = {.subject = subject, .item = ind->name};
		if (ind->l1 == JX_L1_UNKNOWN && ind->level1_text && *ind->level1_text) {
			a.item = ind->level1_text;
			jx_emit(cx, R_FRAME_UNKNOWN_LEVEL1, ind->src, &a);
		}
		if (ind->l2 == JX_L2_UNKNOWN && ind->level2_text && *ind->level2_text) {
			a.item = ind->level2_text;
			jx_emit(cx, R_FRAME_UNKNOWN_LEVEL2, ind->src, &a);
		}
		a.item = ind->name;
		/* The level 1 as written does not hold this level 2 (the importer may have corrected it). */
		jx_level1 parent = jx_level2_parent(ind->l2);
		bool conflict = ind->repairs & JX_REPAIR_L1_CONFLICT;
		if (!conflict && ind->l1 && parent && ind->l1 != parent &&
		    !(ind->l1 == JX_L1_COST && jx_ind_is_cost(ind)))
			conflict = true;
		if (conflict && ind->l2) {
			jx_fargs m = {.subject = subject, .item = ind->level2,
				      .actual_text = ind->level1_text ? ind->level1_text : jx_level1_name(ind->l1),
				      .expected_text = jx_level1_name(parent), .detail = ind->name};
			jx_emit(cx, R_FRAME_WRONG_PARENT, ind->src, &m);
		}
		/* A blank level-1 cell continues the row above; the importer moved this level 2 to its own level 1,
		 * so the table as printed files it under the previous one. */
		if (!conflict && (ind->repairs & JX_REPAIR_L1_INFERRED) && i > 0 && v->v[i - 1].l1 &&
		    v->v[i - 1].l1 != ind->l1 && ind->l2 && parent != JX_L1_SATISFACTION) {
			jx_fargs m = {.subject = subject, .item = ind->level2, .actual_text = jx_level1_name(v->v[i - 1].l1),
				      .expected_text = jx_level1_name(parent), .detail = ind->name};
			jx_emit(cx, R_FRAME_WRONG_PARENT, ind->src, &m);
		}
		if (ind->l2 == JX_L2_ECONOMIC && !jx_has_any(ind->name, economic_words) &&
		    jx_has_any(ind->name, social_words)) {
			jx_fargs m = {.subject = subject, .item = ind->name, .actual_text = ind->level2};
			jx_emit(cx, R_FRAME_EFFECT_MISCLASSIFIED, ind->src, &m);
		}
		if (ind->repairs & (JX_REPAIR_L1_OCR | JX_REPAIR_L2_OCR)) {
			bool l2 = ind->repairs & JX_REPAIR_L2_OCR;
			jx_fargs m = {.subject = subject, .item = ind->name,
				      .actual_text = l2 ? ind->level2_text : ind->level1_text,
				      .expected_text = l2 ? ind->level2 : ind->level1};
			jx_emit(cx, R_FRAME_OCR_REPAIRED, ind->src, &m);
		}
		if (name_is_category(ind->name))
			jx_emit(cx, R_FRAME_NAME_IS_CATEGORY, ind->src, &a);
		jx_level1 l1 = ind->l1 ? ind->l1 : parent;
		if (jx_has(ind->name, "满意") && l1 && l1 != JX_L1_SATISFACTION) {
			jx_fargs m = {.subject = subject, .item = ind->name,
				      .actual_text = ind->level2 ? ind->level2 : ind->level1};
			jx_emit(cx, R_FRAME_SATISFACTION_MISPLACED, ind->src, &m);
		}
		size_t nc = jx_chars(ind->name);
		if (nc > (size_t)long_chars) {
			jx_fargs m = {.subject = subject, .item = ind->name, .numeric = true, .unit = "",
				      .actual = {(int64_t)nc, 0}, .expected = {long_chars, 0}};
			jx_emit(cx, R_FRAME_LONG_NAME, ind->src, &m);
		}
		/* The same name twice in one goal scope: report at the second. */
		if (ind->name && !jx_placeholder_word(ind->name)) {
			size_t before = 0, total = 0;
			for (size_t k = 0; k < v->n; k++)
				if (v->v[k].scope == ind->scope && v->v[k].goal == ind->goal && v->v[k].l2 == ind->l2 &&
				    v->v[k].name && !strcmp(v->v[k].name, ind->name)) {
					total++;
					before += k < i;
				}
			if (total > 1 && before == 1) {
				jx_fargs m = {.subject = subject, .item = ind->name, .numeric = true, .unit = "",
					      .actual = {(int64_t)total, 0}, .expected = {1, 0}};
				jx_emit(cx, R_FRAME_DUPLICATE_INDICATOR, ind->src, &m);
			}
		}
	}
}

void jx_check_frame(jx_cx *cx)
{
	for (size_t i = 0; i < cx->pkg->projects.n; i++)
		check_set(cx, cx->pkg->projects.v[i].name, &cx->pkg->projects.v[i].indicators);
	if (cx->pkg->overall.present)
		check_set(cx, jx_overall_subject(cx->pkg), &cx->pkg->overall.indicators);
}
