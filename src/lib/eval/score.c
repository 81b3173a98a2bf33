/* score.c: year-end self-evaluation (绩效自评) by the usual national method: 预算执行率 10 points (执行率 × 10,
 * capped), 产出 50, 效益 30, 满意度 10, indicator weights split evenly within each level 1 unless given; positive
 * targets score weight × min(1, actual / target), upper bounds fall linearly to 0 at twice the target, dates score
 * when met on time, qualitative indicators by three bands. Every score is an exact decimal with two places, and every
 * step is written down so a reviewer can follow it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "eval/eval_int.h"

void jx_eval_config_init(jx_eval_config *cfg)
{
	*cfg = (jx_eval_config){
		.w_budget = {10, 0},
		.w_output = {50, 0},
		.w_effect = {30, 0},
		.w_satisfaction = {10, 0},
		.cap_budget = true,
		.grade_excellent = {90, 0},
		.grade_good = {80, 0},
		.grade_pass = {60, 0},
		.overshoot_percent = 130,
		.band_met_low = {80, 0},
		.band_partly_low = {60, 0},
		.band_partly_high = {80, 0},
		.rescale_missing = true,
	};
}

/* ---- exact arithmetic on decimals ---- */

static int64_t pow10i(int n)
{
	int64_t p = 1;
	for (int i = 0; i < n; i++)
		p *= 10;
	return p;
}

/* round(a × b / c) with `scale` decimals, half away from zero. False on overflow or c = 0. */
bool jx_dec_muldiv(const jx_decimal *a, const jx_decimal *b, const jx_decimal *c, int scale, jx_decimal *out)
{
	if (c->digits == 0)
		return false;
	int k = scale - a->scale - b->scale + c->scale;
	int64_t num, den = c->digits;
	if (!jx_mul_i64(a->digits, b->digits, &num))
		return false;
	if (k > 18 || k < -18)
		return false;
	if (k >= 0) {
		if (!jx_mul_i64(num, pow10i(k), &num))
			return false;
	} else if (!jx_mul_i64(den, pow10i(-k), &den)) {
		return false;
	}
	bool neg = (num < 0) != (den < 0);
	if (num == INT64_MIN || den == INT64_MIN)
		return false;
	int64_t n = num < 0 ? -num : num, d = den < 0 ? -den : den;
	int64_t q = n / d, r = n % d;
	if (r >= d - r)
		q++;
	*out = (jx_decimal){neg ? -q : q, scale};
	return true;
}

/* a + b or a - b at the larger scale. */
bool jx_dec_add(const jx_decimal *a, const jx_decimal *b, int sign, jx_decimal *out)
{
	jx_decimal x = *a, y = *b;
	int32_t s = x.scale > y.scale ? x.scale : y.scale;
	if (jx_decimal_rescale(&x, s) || jx_decimal_rescale(&y, s))
		return false;
	int64_t d;
	if (sign >= 0 ? !jx_add_i64(x.digits, y.digits, &d) : !jx_sub_i64(x.digits, y.digits, &d))
		return false;
	*out = (jx_decimal){d, s};
	return true;
}

/* Rounds to `scale` decimals (half away from zero). */
static jx_decimal dec_round(jx_decimal d, int scale)
{
	jx_decimal one = {1, 0}, out = d;
	if (!jx_dec_muldiv(&d, &one, &one, scale, &out))
		return d;
	return out;
}

static const char *dstr(jx_arena *a, const jx_decimal *d)
{
	char buf[32];
	return jx_arena_strdup(a, jx_decimal_format(d, buf));
}

/* ---- the evaluation ---- */

static void note(jx_evaluation *e, jx_project_score *ps, const char *code, jx_src src, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 5, 6)))
#endif
	;

static void note(jx_evaluation *e, jx_project_score *ps, const char *code, jx_src src, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	jx_eval_note *n = ps ? jx_vec_push(e->arena, &ps->notes) : jx_vec_push(e->arena, &e->notes);
	if (n)
		*n = (jx_eval_note){code, jx_arena_strdup(e->arena, msg), src};
}

/* Rows that only say a category does not apply ("无 | 无") are not indicators. */
static bool blank_row(const jx_indicator *ind)
{
	if (ind->value.kind != JX_KIND_EMPTY && ind->value.kind != JX_KIND_PLACEHOLDER)
		return false;
	return !ind->name || !*ind->name || !strncmp(ind->name, "无", strlen("无")) || !strcmp(ind->name, "/");
}

static jx_level1 weight_group(const jx_indicator *ind)
{
	jx_level1 l1 = ind->l1 ? ind->l1 : jx_level2_parent(ind->l2);
	/* Under the four-part framework 成本 is a level 1 of its own; its points come from 产出's 50. */
	return l1 == JX_L1_COST ? JX_L1_OUTPUT : l1;
}

/* The indicators scored: the year's (the whole period's only when a project gives nothing else). */
static bool scored(const jx_project *p, const jx_indicator *ind)
{
	if (blank_row(ind) || weight_group(ind) == JX_L1_UNKNOWN)
		return false;
	bool any_year = false;
	for (size_t i = 0; i < p->indicators.n; i++)
		any_year |= p->indicators.v[i].scope == JX_SCOPE_YEAR;
	return ind->scope == JX_SCOPE_YEAR || !any_year;
}

static const jx_actual_project *find_project(const jx_actuals *a, const jx_project *p, bool *used)
{
	for (size_t i = 0; i < a->projects.n; i++)
		if (!used[i] && ((a->projects.v[i].code && p->code && !strcmp(a->projects.v[i].code, p->code)) ||
				 (a->projects.v[i].name && p->name && !strcmp(a->projects.v[i].name, p->name)))) {
			used[i] = true;
			return &a->projects.v[i];
		}
	return NULL;
}

/* Brings an actual into the target's unit: money converts exactly between 元, 万元 and 亿元; % stays %; counts and
 * other units must be the same; a bare number is read in the target's unit. */
int jx_eval_align(const jx_value *target, const jx_value *actual, jx_decimal *t, jx_decimal *a, const char *where)
{
	if (!target->has_number || !actual->has_number)
		return JX_EINVAL;
	*t = target->number;
	*a = actual->number;
	bool tm = target->kind == JX_KIND_MONEY || target->kind == JX_KIND_MONEY_PER_UNIT;
	bool am = actual->kind == JX_KIND_MONEY || actual->kind == JX_KIND_MONEY_PER_UNIT;
	if (actual->kind == JX_KIND_NUMBER)
		return 0;
	if (tm && am) {
		if ((target->per || actual->per) &&
		    (!target->per || !actual->per || strcmp(target->per, actual->per)))
			return jx_error_set(JX_EINVAL, "%s：实际值“%s”与目标“%s”的计量单位不同", where, actual->text,
					    target->text);
		*t = (jx_decimal){target->fen, 0};
		*a = (jx_decimal){actual->fen, 0};
		return 0;
	}
	const char *tu = target->unit ? target->unit : "", *au = actual->unit ? actual->unit : "";
	if (tm != am || strcmp(tu, au))
		return jx_error_set(JX_EINVAL, "%s：实际值“%s”的单位“%s”与目标“%s”的单位“%s”不一致", where, actual->text, au,
				    target->text, tu);
	return 0;
}

static bool is_done_word(const char *s)
{
	static const char *const words[] = {"按时完成", "已完成", "完成", "是", "达成", "按期完成", "及时", NULL};
	for (size_t i = 0; s && words[i]; i++)
		if (!strcmp(s, words[i]))
			return true;
	return false;
}

/* Is date a on or before date b (zero parts are "the whole month/year", compared at their end)? */
static int date_key(const jx_date *d)
{
	return d->year * 10000 + (d->month ? d->month : 12) * 100 + (d->day ? d->day : 31);
}

/* Scores one indicator. Returns 0 or JX_EINVAL for bad input. */
static int score_one(jx_evaluation *e, jx_project_score *ps, jx_ind_score *is, const jx_eval_config *cfg, int year)
{
	const jx_indicator *ind = is->ind;
	const jx_actual_ind *act = is->act;
	const jx_value *tv = &ind->value;
	const jx_decimal w = is->weight, zero = {0, 0};
	char where[256];
	snprintf(where, sizeof where, "%s“%s”的指标“%s”", ps->overall ? "部门整体" : "项目", ps->project->name,
		 ind->name ? ind->name : "");
	char how[512] = "";
	is->score = zero;
	if (!act || (!act->has_actual && act->level == JX_LEVEL_NONE)) {
		snprintf(how, sizeof how, "没有实际完成值，得 0 分");
		note(e, ps, "eval.no-actual", ind->src, "%s没有填写实际完成值，按 0 分计", where);
		is->how = jx_arena_strdup(e->arena, how);
		return 0;
	}
	const jx_value *av = &act->actual;
	bool qualitative = tv->kind == JX_KIND_QUALITATIVE || tv->kind == JX_KIND_TEXT ||
			   tv->kind == JX_KIND_PLACEHOLDER || tv->kind == JX_KIND_EMPTY || !act->has_actual;
	if (act->has_actual && (av->kind == JX_KIND_DATE || av->kind == JX_KIND_PERIOD) && year &&
	    ((av->to.year && av->to.year != year) || (av->from.year && av->from.year != year)) &&
	    (av->to.year > year + 1 || av->from.year < year))
		/* Completion in the following year is late (scored 0 below); anything else is a wrong date. */
		return jx_error_set(JX_EINVAL, "%s：实际完成时间“%s”不在预算年度 %d 年内（也不是次年的延期完成）", where,
				    av->text, year);

	/* A period with no dates ("中长期", "每月") is judged like a qualitative target. */
	bool dated = (tv->kind == JX_KIND_DATE || tv->kind == JX_KIND_PERIOD) && (tv->to.year || tv->to.month);
	if ((tv->kind == JX_KIND_DATE || tv->kind == JX_KIND_PERIOD) && !dated)
		qualitative = true;
	if (dated) {
		/* On time: an actual date no later than the target, a period inside it, or "按时完成". */
		bool met;
		if (act->has_actual && (av->kind == JX_KIND_DATE || av->kind == JX_KIND_PERIOD) && av->to.year + av->to.month) {
			jx_date limit = tv->to;
			if (!limit.year)
				limit.year = (int16_t)year;
			jx_date got = av->to;
			if (!got.year)
				got.year = (int16_t)year;
			met = date_key(&got) <= date_key(&limit);
			snprintf(how, sizeof how, "完成时间“%s”%s目标“%s”，%s", av->text, met ? "不晚于" : "晚于", tv->text,
				 met ? "得满分" : "得 0 分");
		} else if ((act->has_actual && is_done_word(av->text)) || (!act->has_actual && act->level == JX_LEVEL_MET)) {
			met = true;
			snprintf(how, sizeof how, "“%s”，按时完成，得满分", act->has_actual ? av->text : "达成");
		} else if (act->has_actual && av->kind != JX_KIND_QUALITATIVE && av->kind != JX_KIND_TEXT) {
			return jx_error_set(JX_EINVAL, "%s：实际值“%s”不是日期，无法与时限“%s”比较", where, av->text,
					    tv->text);
		} else {
			met = false;
			snprintf(how, sizeof how, "“%s”，未按时完成，得 0 分", act->has_actual ? av->text : "");
		}
		is->score = met ? w : zero;
		is->how = jx_arena_strdup(e->arena, how);
		return 0;
	}

	if (qualitative || (act->level != JX_LEVEL_NONE && !act->has_actual)) {
		/* Three bands: 达成 80–100%, 部分达成 60–80%, 未达成 0–60% of the weight. */
		jx_level lv = act->level;
		if (lv == JX_LEVEL_NONE) {
			if (act->has_actual && is_done_word(av->text))
				lv = JX_LEVEL_MET;
			else
				return jx_error_set(JX_EINVAL, "%s是定性指标，需要给出完成档次 level（达成、部分达成、未达成）",
						    where);
		}
		jx_decimal hundred = {100, 0}, lo, hi, plo, phi;
		plo = lv == JX_LEVEL_MET ? cfg->band_met_low : lv == JX_LEVEL_PARTLY ? cfg->band_partly_low : zero;
		phi = lv == JX_LEVEL_MET ? hundred : lv == JX_LEVEL_PARTLY ? cfg->band_partly_high : cfg->band_partly_low;
		if (!jx_dec_muldiv(&w, &plo, &hundred, 2, &lo) || !jx_dec_muldiv(&w, &phi, &hundred, 2, &hi))
			return jx_error_set(JX_EINVAL, "%s：分值过大", where);
		if (act->has_score) {
			if (jx_decimal_cmp(&act->score, &lo) < 0 || jx_decimal_cmp(&act->score, &hi) > 0)
				return jx_error_set(JX_EINVAL, "%s：“%s”档的得分应在 %s 到 %s 之间，而不是 %s", where,
						    jx_level_zh(lv), dstr(e->arena, &lo), dstr(e->arena, &hi),
						    dstr(e->arena, &act->score));
			is->score = dec_round(act->score, 2);
			snprintf(how, sizeof how, "%s（%s–%s 分档），评定 %s 分", jx_level_zh(lv), dstr(e->arena, &lo),
				 dstr(e->arena, &hi), dstr(e->arena, &is->score));
		} else {
			/* No score chosen: the top of 达成, the middle of the other bands, taken on the exact band
			 * (weight × (low% + high%) ÷ 200) and rounded once, not from the rounded band ends. */
			jx_decimal twohundred = {200, 0}, sum;
			if (lv == JX_LEVEL_MET)
				is->score = w;
			else if (jx_dec_add(&plo, &phi, 1, &sum))
				jx_dec_muldiv(&w, &sum, &twohundred, 2, &is->score);
			snprintf(how, sizeof how, "%s（%s–%s 分档），未给得分，取%s %s 分", jx_level_zh(lv),
				 dstr(e->arena, &lo), dstr(e->arena, &hi), lv == JX_LEVEL_MET ? "满分" : "档中值",
				 dstr(e->arena, &is->score));
		}
		is->how = jx_arena_strdup(e->arena, how);
		return 0;
	}

	/* Quantitative. */
	jx_decimal t, a;
	if (!av->has_number)
		return jx_error_set(JX_EINVAL, "%s：实际值“%s”不是数，无法与目标“%s”比较", where, av->text, tv->text);
	int rc = jx_eval_align(tv, av, &t, &a, where);
	if (rc)
		return rc;
	if (a.digits < 0)
		a = zero; /* a negative actual counts as zero */
	const char *ta = av->text, *tt = tv->text;
	/* A cost written without a comparator is a ceiling: spending less is not a shortfall. */
	bool cost = ind->l2 == JX_L2_COST || ind->l1 == JX_L1_COST;
	bool reverse = tv->op == JX_OP_LE || tv->op == JX_OP_LT || (cost && tv->op == JX_OP_NONE);
	/* Money was compared in fen; show it in the unit the target was written in. */
	jx_decimal tshow = t, ashow = a;
	int64_t per = tv->kind == JX_KIND_MONEY || tv->kind == JX_KIND_MONEY_PER_UNIT ? jx_money_unit_fen(tv->unit) : 0;
	if (per > 1 && t.scale == 0 && a.scale == 0) {
		int digits = 0;
		for (int64_t q = per; q > 1; q /= 10)
			digits++;
		tshow = (jx_decimal){t.digits, digits};
		ashow = (jx_decimal){a.digits, digits};
		/* Drop the zeros the conversion added, down to what was written. */
		while (tshow.scale > tv->number.scale && tshow.digits % 10 == 0 && ashow.digits % 10 == 0) {
			tshow = (jx_decimal){tshow.digits / 10, tshow.scale - 1};
			ashow = (jx_decimal){ashow.digits / 10, ashow.scale - 1};
		}
	}
	if (t.digits == 0) {
		/* A zero target: full only at zero (≤ 0, = 0). */
		bool ok = a.digits == 0;
		is->score = ok ? w : zero;
		snprintf(how, sizeof how, "目标为 0，实际 %s，%s", ta, ok ? "得满分" : "得 0 分");
	} else if (!reverse) {
		if (jx_decimal_cmp(&a, &t) >= 0) {
			is->score = w;
			snprintf(how, sizeof how, "实际 %s 达到目标 %s，得满分 %s", ta, tt, dstr(e->arena, &w));
		} else {
			if (!jx_dec_muldiv(&w, &a, &t, 2, &is->score))
				return jx_error_set(JX_EINVAL, "%s：数值过大", where);
			snprintf(how, sizeof how, "未达到目标 %s：%s × %s ÷ %s = %s", tt, dstr(e->arena, &w),
				 dstr(e->arena, &ashow), dstr(e->arena, &tshow), dstr(e->arena, &is->score));
		}
		/* Far over the target: it was set too low. */
		jx_decimal pct;
		jx_decimal hundred = {100, 0};
		if (jx_dec_muldiv(&a, &hundred, &t, 0, &pct) && pct.digits >= cfg->overshoot_percent)
			note(e, ps, "eval.overshoot", ind->src, "%s实际 %s 为目标 %s 的 %lld%%，目标可能定得过低", where, ta, tt,
			     (long long)pct.digits);
	} else {
		jx_decimal twice, excess;
		if (!jx_dec_add(&t, &t, 1, &twice))
			return jx_error_set(JX_EINVAL, "%s：数值过大", where);
		if (jx_decimal_cmp(&a, &t) <= 0) {
			is->score = w;
			snprintf(how, sizeof how, "实际 %s 在上限 %s 以内，得满分 %s", ta, tt, dstr(e->arena, &w));
		} else if (jx_decimal_cmp(&a, &twice) >= 0) {
			is->score = zero;
			snprintf(how, sizeof how, "%s 达到目标 %s 的两倍，得 0 分", ta, tt);
		} else {
			/* w × (1 − (a − t) / t) = w × (2t − a) / t */
			if (!jx_dec_add(&twice, &a, -1, &excess) || !jx_dec_muldiv(&w, &excess, &t, 2, &is->score))
				return jx_error_set(JX_EINVAL, "%s：数值过大", where);
			snprintf(how, sizeof how, "超出上限 %s：%s × (2 × %s − %s) ÷ %s = %s", tt, dstr(e->arena, &w),
				 dstr(e->arena, &tshow), dstr(e->arena, &ashow), dstr(e->arena, &tshow),
				 dstr(e->arena, &is->score));
		}
	}
	if (act->level == JX_LEVEL_MET && jx_decimal_cmp(&is->score, &w) < 0)
		note(e, ps, "eval.claim", ind->src, "%s报称“达成年度指标”，但实际 %s 未达到目标 %s", where, ta, tt);
	is->how = jx_arena_strdup(e->arena, how);
	return 0;
}

/* Splits `total` into n parts of two decimals that add up exactly (the first ones get the extra cent). */
static jx_decimal share(const jx_decimal *total, size_t n, size_t i)
{
	jx_decimal t = *total;
	jx_decimal_rescale(&t, 2);
	int64_t base = t.digits / (int64_t)n, extra = t.digits % (int64_t)n;
	return (jx_decimal){base + ((int64_t)i < extra ? 1 : 0), 2};
}

static const jx_decimal *group_weight(const jx_eval_config *cfg, jx_level1 g)
{
	return g == JX_L1_OUTPUT ? &cfg->w_output : g == JX_L1_EFFECT ? &cfg->w_effect : &cfg->w_satisfaction;
}

static const char *group_name(jx_level1 g)
{
	return g == JX_L1_OUTPUT ? "产出指标" : g == JX_L1_EFFECT ? "效益指标" : "满意度指标";
}

/* Weights: given ones as they are; the rest of the level's points split evenly among the others. */
static void assign_weights(jx_evaluation *e, jx_project_score *ps, const jx_eval_config *cfg)
{
	static const jx_level1 groups[] = {JX_L1_OUTPUT, JX_L1_EFFECT, JX_L1_SATISFACTION};
	for (size_t g = 0; g < 3; g++) {
		const jx_decimal *gw = group_weight(cfg, groups[g]);
		jx_decimal given = {0, 0};
		size_t nfree = 0, n = 0;
		for (size_t i = 0; i < ps->indicators.n; i++) {
			jx_ind_score *is = &ps->indicators.v[i];
			if (is->l1 != groups[g])
				continue;
			n++;
			if (is->act && is->act->has_weight)
				jx_dec_add(&given, &is->act->weight, 1, &given);
			else
				nfree++;
		}
		if (!n)
			continue;
		jx_decimal rest = {0, 0};
		if (!jx_dec_add(gw, &given, -1, &rest))
			rest = (jx_decimal){-1, 0};
		if (rest.digits < 0 || (nfree == 0 && rest.digits != 0)) {
			note(e, ps, "eval.weights", ps->project->src, "%s“%s”的%s分值合计 %s，应为 %s",
			     ps->overall ? "部门整体" : "项目", ps->project->name,
			     group_name(groups[g]), dstr(e->arena, &given), dstr(e->arena, gw));
			if (rest.digits < 0)
				rest = (jx_decimal){0, 0};
		}
		size_t k = 0;
		for (size_t i = 0; i < ps->indicators.n; i++) {
			jx_ind_score *is = &ps->indicators.v[i];
			if (is->l1 != groups[g])
				continue;
			is->weight = is->act && is->act->has_weight ? is->act->weight : share(&rest, nfree, k++);
		}
	}
}

static const char *grade_of(const jx_eval_config *cfg, const jx_decimal *total)
{
	if (jx_decimal_cmp(total, &cfg->grade_excellent) >= 0)
		return "优";
	if (jx_decimal_cmp(total, &cfg->grade_good) >= 0)
		return "良";
	if (jx_decimal_cmp(total, &cfg->grade_pass) >= 0)
		return "中";
	return "差";
}

static bool set(const jx_decimal *d) { return d->digits || d->scale; }

/* A published self-evaluation printed its own scores: say where they differ from the method's. */
static void check_published(jx_evaluation *e, jx_project_score *ps)
{
	const jx_project *p = ps->project;
	const char *name = p->name ? p->name : "";
	if (set(&p->score_budget) && jx_decimal_cmp(&p->score_budget, &ps->budget_score))
		note(e, ps, "eval.published-differs", p->spent.src.line ? p->spent.src : p->src,
		     "项目“%s”表中预算执行得分 %s，按执行率计算为 %s", name, dstr(e->arena, &p->score_budget),
		     dstr(e->arena, &ps->budget_score));
	for (size_t i = 0; i < ps->indicators.n; i++) {
		const jx_ind_score *is = &ps->indicators.v[i];
		if (set(&is->ind->score) && jx_decimal_cmp(&is->ind->score, &is->score))
			note(e, ps, "eval.published-differs", is->ind->src, "项目“%s”的指标“%s”表中得分 %s，按评分方法计算为 %s",
			     name, is->ind->name ? is->ind->name : "", dstr(e->arena, &is->ind->score),
			     dstr(e->arena, &is->score));
	}
	if (set(&p->score_total) && jx_decimal_cmp(&p->score_total, &ps->total))
		note(e, ps, "eval.published-differs", p->src, "项目“%s”表中总分 %s，按评分方法计算为 %s", name,
		     dstr(e->arena, &p->score_total), dstr(e->arena, &ps->total));
}

static int score_project(jx_evaluation *e, jx_project_score *ps, const jx_eval_config *cfg, int year)
{
	const jx_project *p = ps->project;
	const jx_actual_project *ap = ps->act;
	char where[256];
	snprintf(where, sizeof where, "%s“%s”", ps->overall ? "部门整体" : "项目", p->name ? p->name : "");
	/* Every actual must name an indicator of the project. */
	for (size_t k = 0; k < ap->indicators.n; k++) {
		bool found = false;
		for (size_t i = 0; i < p->indicators.n && !found; i++)
			found = p->indicators.v[i].name && !strcmp(p->indicators.v[i].name, ap->indicators.v[k].name);
		if (!found)
			return jx_error_set(JX_EINVAL, "%s: %s没有名为“%s”的绩效指标", ap->src.file ? ap->src.file : "",
					    where, ap->indicators.v[k].name);
	}
	/* Indicators of the same name take the actuals of that name in order, as projects do. */
	bool *taken = jx_arena_calloc(e->arena, ap->indicators.n + 1, sizeof *taken);
	if (!taken)
		return JX_ENOMEM;
	for (size_t i = 0; i < p->indicators.n; i++) {
		const jx_indicator *ind = &p->indicators.v[i];
		if (!scored(p, ind))
			continue;
		jx_ind_score *is = jx_vec_push(e->arena, &ps->indicators);
		if (!is)
			return JX_ENOMEM;
		is->ind = ind;
		is->l1 = weight_group(ind);
		for (size_t k = 0; k < ap->indicators.n && !is->act; k++)
			if (!taken[k] && !strcmp(ap->indicators.v[k].name, ind->name ? ind->name : "")) {
				is->act = &ap->indicators.v[k];
				taken[k] = true;
			}
	}
	/* An actual left over for a scored indicator's name is one too many (written twice?): say so rather than drop
	 * it silently. Actuals for indicators that are not scored (实施期 ones beside 年度 ones) are simply unused. */
	for (size_t k = 0; k < ap->indicators.n; k++) {
		if (taken[k])
			continue;
		bool for_scored = false;
		for (size_t i = 0; i < ps->indicators.n && !for_scored; i++)
			for_scored = ps->indicators.v[i].ind->name &&
				     !strcmp(ps->indicators.v[i].ind->name, ap->indicators.v[k].name);
		if (for_scored)
			note(e, ps, "eval.actual-unused", ap->indicators.v[k].src,
			     "%s的指标“%s”的实际完成情况多写了一次（同名的年度指标没有这么多），多出的一条未使用", where,
			     ap->indicators.v[k].name);
	}
	assign_weights(e, ps, cfg);

	/* 预算执行率. */
	ps->budget = ap->budget.present ? ap->budget : ap->budget_initial.present ? ap->budget_initial : p->amount;
	ps->spent = ap->spent;
	jx_decimal earned = {0, 0}, available = {100, 0}, hundred = {100, 0};
	if (ps->budget.present && ps->spent.present && ps->budget.fen > 0) {
		jx_decimal s = {ps->spent.fen, 0}, b = {ps->budget.fen, 0}, one = {1, 0};
		ps->has_rate = jx_dec_muldiv(&s, &hundred, &b, 2, &ps->rate);
		jx_decimal capped = ps->rate;
		if (jx_decimal_cmp(&capped, &hundred) > 0) {
			note(e, ps, "eval.execution-over", p->src, "%s执行率 %s%% 超过 100%%", where, dstr(e->arena, &ps->rate));
			if (cfg->cap_budget)
				capped = hundred;
		}
		if (!jx_dec_muldiv(&capped, &cfg->w_budget, &hundred, 2, &ps->budget_score))
			return jx_error_set(JX_EINVAL, "%s：金额过大", where);
		(void)one;
	} else {
		note(e, ps, "eval.no-actual", p->src, "%s没有全年预算数或全年执行数，预算执行得 0 分", where);
	}
	jx_dec_add(&earned, &ps->budget_score, 1, &earned);
	bool has[4] = {false};
	for (size_t i = 0; i < ps->indicators.n; i++) {
		jx_ind_score *is = &ps->indicators.v[i];
		int rc = score_one(e, ps, is, cfg, year);
		if (rc)
			return rc;
		jx_decimal_rescale(&is->score, 2); /* scores are shown with two decimals */
		has[is->l1] = true;
		jx_dec_add(&earned, &is->score, 1, &earned);
		if (jx_decimal_cmp(&is->score, &is->weight) < 0 && (!is->act || !is->act->reason || !*is->act->reason) &&
		    is->act)
			note(e, ps, "eval.reason-missing", is->ind->src, "%s的指标“%s”未得满分（%s / %s），需要填写偏差原因分析及改进措施",
			     where, is->ind->name, dstr(e->arena, &is->score), dstr(e->arena, &is->weight));
	}
	/* A level 1 with no indicators at all: its points are not available; the rest is scaled to 100. */
	static const jx_level1 groups[] = {JX_L1_OUTPUT, JX_L1_EFFECT, JX_L1_SATISFACTION};
	for (size_t g = 0; g < 3; g++)
		if (!has[groups[g]] && cfg->rescale_missing) {
			jx_dec_add(&available, group_weight(cfg, groups[g]), -1, &available);
			note(e, ps, "eval.rescaled", p->src, "%s没有%s，按其余 %s 分折算为百分制", where,
			     group_name(groups[g]), dstr(e->arena, &available));
		}
	if (available.digits > 0 && jx_decimal_cmp(&available, &hundred) != 0) {
		if (!jx_dec_muldiv(&earned, &hundred, &available, 2, &ps->total))
			return jx_error_set(JX_EINVAL, "%s：得分无法折算", where);
	} else {
		ps->total = dec_round(earned, 2);
	}
	ps->grade = grade_of(cfg, &ps->total);
	check_published(e, ps);
	return 0;
}

int jx_eval(jx_evaluation **out, const jx_pkg *pkg, const jx_actuals *act, const jx_eval_config *cfg_in)
{
	*out = NULL;
	jx_eval_config def;
	if (!cfg_in) {
		jx_eval_config_init(&def);
		cfg_in = &def;
	}
	const jx_eval_config *cfg = cfg_in;
	jx_evaluation *e = calloc(1, sizeof *e);
	if (!e || !(e->arena = jx_arena_new())) {
		free(e);
		return JX_ENOMEM;
	}
	e->pkg = pkg;
	int year = act->year ? act->year : pkg->year;
	bool *used = jx_arena_calloc(e->arena, act->projects.n + 1, sizeof *used);
	int rc = used ? 0 : JX_ENOMEM;
	for (size_t i = 0; i < pkg->projects.n && !rc; i++) {
		const jx_project *p = &pkg->projects.v[i];
		const jx_actual_project *ap = find_project(act, p, used);
		if (!ap) {
			note(e, NULL, "eval.no-actual", p->src, "项目“%s”没有实际完成情况，未评分", p->name ? p->name : "");
			continue;
		}
		jx_project_score *ps = jx_vec_push(e->arena, &e->projects);
		if (!ps) {
			rc = JX_ENOMEM;
			break;
		}
		ps->project = p;
		ps->act = ap;
		rc = score_project(e, ps, cfg, year);
	}
	/* The department as a whole, when the actuals speak of it: a stand-in project built from the overall table. */
	for (size_t i = 0; i < act->projects.n && !rc; i++) {
		const jx_actual_project *ap = &act->projects.v[i];
		if (used[i] || !ap->name || strcmp(ap->name, JX_EVAL_OVERALL_NAME) != 0)
			continue;
		used[i] = true;
		if (!pkg->overall.present) {
			rc = jx_error_set(JX_EINVAL, "%s: 预算包中没有部门整体绩效目标，无法为“%s”评分",
					  act->file ? act->file : "", JX_EVAL_OVERALL_NAME);
			break;
		}
		jx_project *stand_in = jx_arena_calloc(e->arena, 1, sizeof *stand_in);
		jx_project_score *ps = stand_in ? jx_vec_push(e->arena, &e->projects) : NULL;
		if (!ps) {
			rc = JX_ENOMEM;
			break;
		}
		stand_in->name = pkg->overall.title && *pkg->overall.title ? pkg->overall.title : "部门整体支出";
		stand_in->amount = pkg->overall.total;
		/* A table that prints no 资金总额 still prints each task's 总额: their sum is the department's budget. */
		for (size_t t = 0; !pkg->overall.total.present && t < pkg->overall.tasks.n; t++) {
			const jx_amount *ta = &pkg->overall.tasks.v[t].total;
			if (!ta->present)
				continue;
			if (!stand_in->amount.present) {
				stand_in->amount = *ta;
				stand_in->amount.text = NULL;
			} else if (!jx_add_i64(stand_in->amount.fen, ta->fen, &stand_in->amount.fen)) {
				stand_in->amount.present = false;
				break;
			}
		}
		stand_in->indicators = pkg->overall.indicators;
		stand_in->src = pkg->overall.src;
		ps->project = stand_in;
		ps->act = ap;
		ps->overall = true;
		rc = score_project(e, ps, cfg, year);
	}
	for (size_t i = 0; i < act->projects.n && !rc; i++)
		if (!used[i])
			rc = jx_error_set(JX_EINVAL, "%s: 预算包中没有项目“%s”", act->file ? act->file : "",
					  act->projects.v[i].name ? act->projects.v[i].name : act->projects.v[i].code);
	if (rc) {
		jx_evaluation_free(e);
		return rc;
	}
	/* Ranks of the projects (ties share a rank) and their mean; the department as a whole takes part in neither. */
	jx_decimal sum = {0, 2};
	size_t nprojects = 0;
	for (size_t i = 0; i < e->projects.n; i++) {
		if (e->projects.v[i].overall)
			continue;
		int rank = 1;
		for (size_t k = 0; k < e->projects.n; k++)
			rank += !e->projects.v[k].overall &&
				jx_decimal_cmp(&e->projects.v[k].total, &e->projects.v[i].total) > 0;
		e->projects.v[i].rank = rank;
		jx_dec_add(&sum, &e->projects.v[i].total, 1, &sum);
		nprojects++;
	}
	if (nprojects) {
		jx_decimal n = {(int64_t)nprojects, 0}, one = {1, 0};
		jx_dec_muldiv(&sum, &one, &n, 2, &e->average);
	}
	*out = e;
	return 0;
}

void jx_evaluation_free(jx_evaluation *e)
{
	if (!e)
		return;
	jx_arena_free(e->arena);
	free(e);
}
