/* measure.c: the measurability rules: can each target be measured at year end, in the right unit, within the
 * year? */
#include <string.h>

#include "check/check_int.h"

static const char *const rate_words[] = {"率", "比例", "占比", "满意度", "比重", NULL};
/* 效率 and 频率 contain 率 without being a share. */
static const char *const not_rate_words[] = {"效率", "频率", "税率", "利率", NULL};
static const char *const count_words[] = {"人数", "户数", "次数", "个数", "人次", "场次", "件数", "台数", "家数",
					  "所数", "天数", "期数", "项数", "数量", NULL};

static bool is_rate_name(const char *name)
{
	if (!jx_has_any(name, rate_words))
		return false;
	if (jx_has(name, "满意度") || jx_has(name, "比例") || jx_has(name, "占比"))
		return true;
	/* 率 only counts when it is not part of 效率 / 频率 … */
	const char *p = name;
	while ((p = strstr(p, "率"))) {
		bool part = false;
		for (size_t i = 0; not_rate_words[i]; i++) {
			size_t wl = strlen(not_rate_words[i]);
			if ((size_t)(p - name) + strlen("率") >= wl &&
			    !memcmp(p + strlen("率") - wl, not_rate_words[i], wl))
				part = true;
		}
		if (!part)
			return true;
		p += strlen("率");
	}
	return false;
}

static bool over_allowed(const jx_check_config *cfg, const char *name)
{
	const char *list = cfg ? cfg->over_names : "增长率,增长,增幅,提高率,增加率,比上年";
	char word[64];
	while (*list) {
		size_t n = strcspn(list, ",，");
		if (n && n < sizeof word) {
			memcpy(word, list, n);
			word[n] = '\0';
			if (jx_has(name, word))
				return true;
		}
		list += n;
		while (*list == ',')
			list++;
		if (!strncmp(list, "，", strlen("，")))
			list += strlen("，");
	}
	return false;
}

static bool has_number_kind(jx_value_kind k)
{
	return k == JX_KIND_COUNT || k == JX_KIND_NUMBER || k == JX_KIND_PERCENT || k == JX_KIND_MONEY ||
	       k == JX_KIND_MONEY_PER_UNIT;
}

static bool date_in_year(const jx_date *d, int year) { return d->year == 0 || d->year == year; }

static void check_one(jx_cx *cx, const char *subject, const jx_indicator *ind)
{
	const jx_value *v = &ind->value;
	jx_fargs a = {.subject = subject, .item = ind->name, .detail = v->text};
	if (v->kind == JX_KIND_EMPTY)
		return; /* complete.no-value */
	if (v->kind == JX_KIND_PLACEHOLDER) {
		jx_emit(cx, R_MEASURE_PLACEHOLDER, ind->src, &a);
		return;
	}
	bool cost = jx_ind_is_cost(ind);
	bool rate = is_rate_name(ind->name);
	bool counted = !rate && jx_has_any(ind->name, count_words);

	if (ind->l2 == JX_L2_QUANTITY && !v->has_number)
		jx_emit(cx, R_MEASURE_QUANTITY_NO_NUMBER, ind->src, &a);
	if (rate && v->kind != JX_KIND_PERCENT && !cost)
		jx_emit(cx, R_MEASURE_RATE_NOT_PERCENT, ind->src, &a);
	else if (v->kind == JX_KIND_NUMBER)
		jx_emit(cx, R_MEASURE_NO_UNIT, ind->src, &a);
	if (counted && v->kind == JX_KIND_PERCENT)
		jx_emit(cx, R_MEASURE_COUNT_IN_PERCENT, ind->src, &a);
	else if (ind->l2 == JX_L2_QUANTITY && !rate && v->kind == JX_KIND_PERCENT)
		jx_emit(cx, R_MEASURE_QUANTITY_IN_PERCENT, ind->src, &a);
	/* 人数 counted in 户, 户数 in 人: the name and the unit count different things. */
	if (v->kind == JX_KIND_COUNT && v->unit && !rate) {
		static const struct {
			const char *name_part, *what, *const units[4];
		} kinds[] = {
			{"人数", "人", {"户", "次", "件", NULL}},
			{"户数", "户", {"人", "人次", "件", NULL}},
			{"次数", "次", {"人", "户", NULL, NULL}},
		};
		for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
			if (!jx_has(ind->name, kinds[k].name_part))
				continue;
			for (size_t u = 0; kinds[k].units[u]; u++)
				if (!strcmp(v->unit, kinds[k].units[u])) {
					jx_fargs m = a;
					m.expected_text = kinds[k].what;
					m.actual_text = v->unit;
					jx_emit(cx, R_MEASURE_UNIT_MISMATCH, ind->src, &m);
				}
			break;
		}
	}
	if (v->kind == JX_KIND_PERCENT && v->has_number && v->op != JX_OP_LE && v->op != JX_OP_LT) {
		jx_decimal hundred = {100, 0};
		if (jx_decimal_cmp(&v->number, &hundred) > 0 && !over_allowed(cx->cfg, ind->name)) {
			jx_fargs p = a;
			p.numeric = true;
			p.unit = "%";
			p.actual = v->number;
			p.expected = hundred;
			jx_emit(cx, R_MEASURE_PERCENT_OVER_100, ind->src, &p);
		}
	}
	/* Year targets dated outside the budget year (a period target may run longer). */
	if (ind->scope == JX_SCOPE_YEAR && cx->pkg->year && (v->kind == JX_KIND_DATE || v->kind == JX_KIND_PERIOD) &&
	    (!date_in_year(&v->from, cx->pkg->year) || !date_in_year(&v->to, cx->pkg->year))) {
		jx_fargs p = a;
		p.numeric = true;
		p.unit = "";
		p.expected = (jx_decimal){cx->pkg->year, 0};
		p.actual = (jx_decimal){v->to.year && v->to.year != cx->pkg->year ? v->to.year : v->from.year, 0};
		jx_emit(cx, R_MEASURE_DATE_OUTSIDE_YEAR, ind->src, &p);
	}
	if (ind->l2 == JX_L2_QUANTITY && (v->op == JX_OP_LE || v->op == JX_OP_LT) && v->has_number)
		jx_emit(cx, R_MEASURE_LE_ON_QUANTITY, ind->src, &a);
	if (cost && (v->op == JX_OP_GE || v->op == JX_OP_GT) &&
	    (v->kind == JX_KIND_MONEY || v->kind == JX_KIND_MONEY_PER_UNIT))
		jx_emit(cx, R_MEASURE_GE_ON_COST, ind->src, &a);
	if (cost && v->kind != JX_KIND_MONEY && v->kind != JX_KIND_MONEY_PER_UNIT && v->kind != JX_KIND_PERCENT)
		jx_emit(cx, R_MEASURE_COST_NOT_MONEY, ind->src, &a);
	jx_level1 l1 = ind->l1 ? ind->l1 : jx_level2_parent(ind->l2);
	if (l1 == JX_L1_SATISFACTION && v->kind == JX_KIND_PERCENT && v->has_number &&
	    (v->op == JX_OP_GE || v->op == JX_OP_GT || v->op == JX_OP_NONE || v->op == JX_OP_EQ)) {
		jx_decimal min = {cx->cfg ? cx->cfg->satisfaction_min : 80, 0};
		if (jx_decimal_cmp(&v->number, &min) < 0) {
			jx_fargs p = a;
			p.numeric = true;
			p.unit = "%";
			p.actual = v->number;
			p.expected = min;
			jx_emit(cx, R_MEASURE_SATISFACTION_LOW, ind->src, &p);
		}
	}
	if ((v->op == JX_OP_GE || v->op == JX_OP_GT) && has_number_kind(v->kind) && v->has_number &&
	    jx_decimal_is_zero(&v->number))
		jx_emit(cx, R_MEASURE_ZERO_TARGET, ind->src, &a);
	if (ind->l2 == JX_L2_TIMELINESS && !rate &&
	    (v->kind == JX_KIND_QUALITATIVE || v->kind == JX_KIND_TEXT))
		jx_emit(cx, R_MEASURE_TIMELINESS_NO_DATE, ind->src, &a);
}

static void check_set(jx_cx *cx, const char *subject, const jx_indicator_vec *v)
{
	for (size_t i = 0; i < v->n; i++)
		if (!jx_ind_blank(&v->v[i]) && !jx_ind_repeat(v, i))
			check_one(cx, subject, &v->v[i]);
}

void jx_check_measure(jx_cx *cx)
{
	for (size_t i = 0; i < cx->pkg->projects.n; i++)
		check_set(cx, cx->pkg->projects.v[i].name, &cx->pkg->projects.v[i].indicators);
	if (cx->pkg->overall.present)
		check_set(cx, jx_overall_subject(cx->pkg), &cx->pkg->overall.indicators);
}
