/* monitor.c: mid-year monitoring (运行监控, "双监控"): money spent against the spending schedule and indicator
 * progress against the pro-rata target at a date, with traffic lights; projects sorted furthest behind first.
 *
 * Rules chosen here (the issue leaves them open):
 * - The month fraction of a date is m = month − 1 + day / days_in_month (2025-06-30 → 6, 2025-08-15 → 7 + 15/31).
 * - Spending: the schedule's cumulative % at the end of its months, linear between checkpoints and from 0% at the
 *   start of the year; a schedule that stops before 12月 is continued linearly to 100% at the end of December; no
 *   schedule at all means m / 12 × 100%. Actual % = spent / budget (actuals' 全年预算数, else 年初预算数, else the
 *   package's amount). When nothing is expected yet (a 0% checkpoint) there is no ratio: green if nothing was spent,
 *   blue otherwise.
 * - Indicators of the year (实施期 indicators are not monitored):
 *   · a floor (≥, >, =, none, 约) on a quantity that accumulates (a count, a bare number, money): expected to date =
 *     target × m / 12, ratio = actual / expected, lit by the thresholds;
 *   · a floor on a rate (%, money per unit): met or not at the date: green when the actual reaches the target, red
 *     otherwise; the ratio actual / target is still given (it ranks how far behind);
 *   · a ceiling (≤, <, and every cost indicator, whose plain value is a standard not to exceed): on money (a cost
 *     spent through the year) green while the actual ≤ target × m / 12, yellow while it is still within the annual
 *     target, red once over it; on anything else (a rate, money per unit, a capped count such as "≤12500人", which may
 *     well be reached early) green within the target, red over it. Ceilings have no ratio (a higher ratio is not
 *     "ahead");
 *   · a target of 0 written without a comparator (or with =): green only at 0;
 *   · dates and periods: green unless the deadline has passed without completion (an actual date, 已完成 or the level
 *     达成 counts as completion; a completion date later than the deadline is red);
 *   · qualitative targets: the actual's level (达成 green, 部分达成 yellow, 未达成 red);
 *   · no actual: no light (a date target without an actual is judged as not completed yet).
 * - Lights from a ratio compare the ratio as shown (one decimal) with the thresholds: red < red_below ≤ yellow <
 *   yellow_below ≤ green < blue_from ≤ blue.
 * - behind = the lowest ratio of the project (spending and indicators with a ratio). Projects with a ratio come
 *   first, lowest first; ties and projects without any ratio by their worst light (red first), then package order.
 * All arithmetic is exact: ratios of integers carried in 128 bits and rounded half away from zero at the end. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "eval/eval_int.h"

__extension__ typedef __int128 i128;

void jx_monitor_config_init(jx_monitor_config *cfg)
{
	*cfg = (jx_monitor_config){.red_below = 60, .yellow_below = 80, .blue_from = 120};
}

const char *jx_light_name(jx_light l)
{
	switch (l) {
	case JX_LIGHT_RED:
		return "red";
	case JX_LIGHT_YELLOW:
		return "yellow";
	case JX_LIGHT_GREEN:
		return "green";
	case JX_LIGHT_BLUE:
		return "blue";
	case JX_LIGHT_NONE:
		break;
	}
	return "none";
}

const char *jx_light_zh(jx_light l)
{
	switch (l) {
	case JX_LIGHT_RED:
		return "红灯";
	case JX_LIGHT_YELLOW:
		return "黄灯";
	case JX_LIGHT_GREEN:
		return "绿灯";
	case JX_LIGHT_BLUE:
		return "蓝灯";
	case JX_LIGHT_NONE:
		break;
	}
	return "无灯";
}

/* ---- exact arithmetic ---- */

static i128 p10(int n)
{
	i128 p = 1;
	for (int i = 0; i < n && i < 36; i++)
		p *= 10;
	return p;
}

/* round(num / den) to `scale` decimals, half away from zero. False on overflow or den = 0. */
static bool q_dec(i128 num, i128 den, int scale, jx_decimal *out)
{
	if (den == 0 || scale < 0 || scale > 18)
		return false;
	if (den < 0) {
		num = -num;
		den = -den;
	}
	bool neg = num < 0;
	if (neg)
		num = -num;
	if (__builtin_mul_overflow(num, p10(scale), &num))
		return false;
	i128 q = num / den, r = num % den;
	if (r >= den - r)
		q++;
	if (q > INT64_MAX)
		return false;
	*out = (jx_decimal){(int64_t)(neg ? -q : q), scale};
	return true;
}

/* a × b, false on overflow. */
static bool mul(i128 a, i128 b, i128 *out)
{
	return !__builtin_mul_overflow(a, b, out);
}

static const char *dstr(jx_arena *a, const jx_decimal *d)
{
	char buf[32];
	return jx_arena_strdup(a, jx_decimal_format(d, buf));
}

/* Drops trailing zero decimals down to `min_scale` ("100.00" → "100" for a target written "200"): the value is the
 * same, only shorter to read. */
static jx_decimal trim(jx_decimal d, int min_scale)
{
	while (d.scale > min_scale && d.digits % 10 == 0) {
		d.digits /= 10;
		d.scale--;
	}
	return d;
}

/* ---- dates ---- */

static int days_in_month(int y, int m)
{
	static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return days[m - 1];
}

/* A date as yyyymmdd; a missing month or day is the end of the year or month (a deadline "12月" is its last day). */
static int date_key(jx_date d, int year)
{
	int y = d.year ? d.year : year;
	int m = d.month ? d.month : 12;
	return y * 10000 + m * 100 + (d.day ? d.day : days_in_month(y, m));
}

/* ---- the monitoring ---- */

typedef struct mon {
	jx_monitoring *m;
	const jx_monitor_config *cfg;
	const jx_actuals *act;
	int year;
	i128 mn, md;   /* the month fraction m = mn / md */
	int as_of_key; /* yyyymmdd */
	const char *mstr; /* m with two decimals, for explanations */
} mon;

static void note(mon *c, const char *code, jx_src src, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 4, 5)))
#endif
	;

static void note(mon *c, const char *code, jx_src src, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	jx_eval_note *n = jx_vec_push(c->m->arena, &c->m->notes);
	if (n)
		*n = (jx_eval_note){code, jx_arena_strdup(c->m->arena, msg), src};
}

static jx_light light_of(const mon *c, const jx_decimal *ratio)
{
	jx_decimal red = {c->cfg->red_below, 0}, yellow = {c->cfg->yellow_below, 0}, blue = {c->cfg->blue_from, 0};
	if (jx_decimal_cmp(ratio, &red) < 0)
		return JX_LIGHT_RED;
	if (jx_decimal_cmp(ratio, &yellow) < 0)
		return JX_LIGHT_YELLOW;
	if (jx_decimal_cmp(ratio, &blue) < 0)
		return JX_LIGHT_GREEN;
	return JX_LIGHT_BLUE;
}

/* Rows that only say a category does not apply ("无 | 无") are not indicators. */
static bool blank_row(const jx_indicator *ind)
{
	if (ind->value.kind != JX_KIND_EMPTY && ind->value.kind != JX_KIND_PLACEHOLDER)
		return false;
	return !ind->name || !*ind->name || !strncmp(ind->name, "无", strlen("无")) || !strcmp(ind->name, "/");
}

static bool is_done_word(const char *s)
{
	static const char *const words[] = {"按时完成", "已完成", "完成", "是", "达成", "按期完成", "及时", NULL};
	for (size_t i = 0; s && words[i]; i++)
		if (!strcmp(s, words[i]))
			return true;
	return false;
}

/* Spending expected by the date, in %, as num / den. */
static bool expected_spending(const mon *c, const jx_project *p, i128 *num, i128 *den)
{
	/* Checkpoints sorted by month (first of a month wins), at a common scale. */
	struct {
		int month;
		jx_decimal pct;
	} pts[14];
	size_t n = 0;
	int32_t s = 0;
	for (size_t i = 0; i < p->schedule.n; i++) {
		const jx_schedule_point *sp = &p->schedule.v[i];
		if (!sp->present || sp->month < 1 || sp->month > 12 || sp->percent.digits < 0 || sp->percent.scale > 6)
			continue;
		size_t k = 0;
		while (k < n && pts[k].month < sp->month)
			k++;
		if (k < n && pts[k].month == sp->month)
			continue;
		memmove(&pts[k + 1], &pts[k], (n - k) * sizeof pts[0]);
		pts[k].month = sp->month;
		pts[k].pct = sp->percent;
		n++;
		if (sp->percent.scale > s)
			s = sp->percent.scale;
	}
	if (n == 0) {
		/* No schedule: linear over the year. */
		*num = c->mn * 100;
		*den = c->md * 12;
		return true;
	}
	if (pts[n - 1].month < 12) {
		pts[n].month = 12;
		pts[n].pct = (jx_decimal){100, 0};
		n++;
	}
	int a = 0;
	i128 pa = 0, scale = p10(s);
	for (size_t i = 0; i < n; i++) {
		int b = pts[i].month;
		i128 pb = (i128)pts[i].pct.digits * p10(s - pts[i].pct.scale);
		if ((i128)b * c->md >= c->mn) {
			/* E = pa + (pb − pa)(m − a)/(b − a), with m = mn/md and percents at scale s. */
			i128 d = c->md * (b - a), t, u;
			if (!mul(pa, d, &t) || !mul(pb - pa, c->mn - (i128)a * c->md, &u) || !mul(d, scale, den))
				return false;
			*num = t + u;
			return true;
		}
		a = b;
		pa = pb;
	}
	return false; /* unreachable: the last checkpoint is month 12 */
}

static int monitor_spending(mon *c, jx_project_progress *pp)
{
	const jx_project *p = pp->project;
	const jx_actual_project *ap = pp->act;
	i128 en, ed;
	if (!expected_spending(c, p, &en, &ed) || !q_dec(en, ed, 2, &pp->expected_percent))
		return jx_error_set(JX_ERANGE, "项目“%s”的支出计划数值过大", p->name);
	const jx_amount *budget = ap->budget.present ? &ap->budget
				  : ap->budget_initial.present ? &ap->budget_initial
							       : &p->amount;
	if (!budget->present || budget->fen <= 0) {
		note(c, "monitor.no-budget", p->src, "项目“%s”没有预算数，无法计算支出进度", p->name);
		return 0;
	}
	if (!ap->spent.present) {
		note(c, "monitor.no-spent", ap->src, "项目“%s”没有填报截至监控日的支出数", p->name);
		return 0;
	}
	pp->has_spending = true;
	if (!q_dec((i128)ap->spent.fen * 100, budget->fen, 2, &pp->spent_percent))
		return jx_error_set(JX_ERANGE, "项目“%s”的金额过大", p->name);
	if (ap->spent.fen > budget->fen) {
		char b1[40], b2[40];
		note(c, "monitor.over-budget", ap->src, "项目“%s”已支出 %s元，超过预算 %s元", p->name,
		     jx_fen_format_yuan(ap->spent.fen, b1), jx_fen_format_yuan(budget->fen, b2));
	}
	if (en == 0) {
		pp->spending_ratio = (jx_decimal){0, 1};
		pp->spending_light = ap->spent.fen == 0 ? JX_LIGHT_GREEN : JX_LIGHT_BLUE;
		return 0;
	}
	/* ratio = (spent / budget × 100) / (en / ed) × 100 */
	i128 num, den;
	if (!mul((i128)ap->spent.fen * 10000, ed, &num) || !mul(budget->fen, en, &den) ||
	    !q_dec(num, den, 1, &pp->spending_ratio))
		return jx_error_set(JX_ERANGE, "项目“%s”的金额过大", p->name);
	pp->spending_light = light_of(c, &pp->spending_ratio);
	return 0;
}

/* The actual of an indicator. A project may repeat a name (the same indicator for the year and for the whole
 * period, or one 满意度 under two level 2s): the year's indicators of a name take its actuals first, in order. */
static const jx_actual_ind *find_actual(const jx_actual_project *ap, const jx_project *p, const jx_indicator *ind)
{
	if (!ap || !ind->name)
		return NULL;
	size_t nth = 0;
	for (size_t k = 0; k < p->indicators.n; k++) {
		const jx_indicator *i = &p->indicators.v[k];
		if (i == ind || !i->name || strcmp(i->name, ind->name))
			continue;
		bool before = i->scope == ind->scope ? i < ind : i->scope == JX_SCOPE_YEAR;
		nth += before;
	}
	for (size_t i = 0; i < ap->indicators.n; i++)
		if (ap->indicators.v[i].name && !strcmp(ap->indicators.v[i].name, ind->name) && nth-- == 0)
			return &ap->indicators.v[i];
	return NULL;
}

static bool is_cost(jx_level2 l2)
{
	return l2 == JX_L2_COST || l2 == JX_L2_ECON_COST || l2 == JX_L2_SOCIAL_COST || l2 == JX_L2_ECO_COST;
}

/* A decimal in the target's unit for explanations: money back from fen to the unit the target was written in. */
static const char *show(mon *c, const jx_value *tv, const jx_decimal *d, bool fen)
{
	jx_decimal x = *d;
	const char *unit = tv->unit ? tv->unit : "";
	if (fen && tv->kind == JX_KIND_MONEY) {
		int64_t per = jx_money_unit_fen(unit);
		if (per > 0 && !q_dec(d->digits, (i128)per * (i128)p10(d->scale), tv->number.scale > 2 ? tv->number.scale : 2, &x))
			x = *d;
	} else if (fen && tv->kind == JX_KIND_MONEY_PER_UNIT) {
		/* money per unit is shown with its whole unit text */
		char buf[40];
		return jx_arena_printf(c->m->arena, "%s元/%s", jx_fen_format_yuan(d->digits, buf), tv->per ? tv->per : "");
	}
	char buf[32];
	return jx_arena_printf(c->m->arena, "%s%s", jx_decimal_format(&x, buf), unit);
}

static void from_level(mon *c, jx_ind_progress *ip, const jx_actual_ind *ai)
{
	static const char *const words[] = {"", "达成", "部分达成", "未达成"};
	switch (ai->level) {
	case JX_LEVEL_MET:
		ip->light = JX_LIGHT_GREEN;
		break;
	case JX_LEVEL_PARTLY:
		ip->light = JX_LIGHT_YELLOW;
		break;
	case JX_LEVEL_NOT_MET:
		ip->light = JX_LIGHT_RED;
		break;
	case JX_LEVEL_NONE:
		ip->light = JX_LIGHT_NONE;
		ip->how = jx_arena_printf(c->m->arena, "定性指标，实际“%s”未给出完成等级（达成、部分达成、未达成）",
					  ai->has_actual ? ai->actual.text : "");
		return;
	}
	ip->how = jx_arena_printf(c->m->arena, "定性指标，完成等级为“%s”%s%s%s", words[ai->level],
				  ai->has_actual ? "（" : "", ai->has_actual ? ai->actual.text : "", ai->has_actual ? "）" : "");
}

/* A deadline: green unless it has passed without completion. */
static int judge_date(mon *c, jx_ind_progress *ip, const char *where)
{
	const jx_value *tv = &ip->ind->value;
	const jx_actual_ind *ai = ip->act;
	int deadline = date_key(tv->to, c->year);
	const jx_value *av = ai && ai->has_actual ? &ai->actual : NULL;
	bool dated = av && (av->kind == JX_KIND_DATE || av->kind == JX_KIND_PERIOD) && (av->to.year || av->to.month);
	if (dated && av->to.year && av->to.year != c->year)
		return jx_error_set(JX_EINVAL, "%s：实际完成时间“%s”不在预算年度 %d 年内", where, av->text, c->year);
	if (dated && date_key(av->to, c->year) <= c->as_of_key) {
		bool late = date_key(av->to, c->year) > deadline;
		ip->light = late ? JX_LIGHT_RED : JX_LIGHT_GREEN;
		ip->how = jx_arena_printf(c->m->arena, "已于“%s”完成，%s时限“%s”", av->text, late ? "晚于" : "不晚于", tv->text);
		return 0;
	}
	if (!dated && ((av && is_done_word(av->text)) || (ai && ai->level == JX_LEVEL_MET))) {
		ip->light = JX_LIGHT_GREEN;
		ip->how = jx_arena_printf(c->m->arena, "已完成（“%s”），时限“%s”", av ? av->text : "达成", tv->text);
		return 0;
	}
	if (c->as_of_key > deadline) {
		ip->light = JX_LIGHT_RED;
		ip->how = jx_arena_printf(c->m->arena, "时限“%s”已过，尚未完成%s%s%s", tv->text, av ? "（" : "",
					  av ? av->text : "", av ? "）" : "");
	} else {
		ip->light = JX_LIGHT_GREEN;
		ip->how = jx_arena_printf(c->m->arena, "时限“%s”未到%s%s%s", tv->text, av ? "（" : "", av ? av->text : "",
					  av ? "）" : "");
	}
	return 0;
}

/* target × m / 12 at `scale` decimals. */
static bool pro_rata(const mon *c, const jx_decimal *t, int scale, jx_decimal *out)
{
	i128 num, den;
	if (!mul(t->digits, c->mn, &num) || !mul(c->md * 12, p10(t->scale), &den) || !q_dec(num, den, scale, out))
		return false;
	*out = trim(*out, t->scale);
	return true;
}

static int judge_number(mon *c, jx_ind_progress *ip, const char *where)
{
	const jx_value *tv = &ip->ind->value, *av = &ip->act->actual;
	if (!av->has_number)
		return jx_error_set(JX_EINVAL, "%s：实际完成值“%s”不是数值，而目标“%s”是数值", where, av->text, tv->text);
	jx_decimal t, a;
	int rc = jx_eval_align(tv, av, &t, &a, where);
	if (rc)
		return rc;
	if (a.digits < 0)
		return jx_error_set(JX_EINVAL, "%s：实际完成值“%s”不能为负", where, av->text);
	bool money = tv->kind == JX_KIND_MONEY || tv->kind == JX_KIND_MONEY_PER_UNIT;
	/* jx_eval_align gives both in fen, unless the actual was a bare number (then both as written, in the target's unit) */
	bool fen = money && av->kind != JX_KIND_NUMBER;
	bool accumulates = tv->kind == JX_KIND_COUNT || tv->kind == JX_KIND_NUMBER || tv->kind == JX_KIND_MONEY;
	bool ceiling = tv->op == JX_OP_LE || tv->op == JX_OP_LT || is_cost(ip->ind->l2);
	bool strict = tv->op == JX_OP_LT || tv->op == JX_OP_GT;
	const char *ta = show(c, tv, &a, fen), *tt = tv->text;
	jx_arena *ar = c->m->arena;
	jx_decimal hundred = {100, 0};
	int scale = tv->number.scale > 2 ? tv->number.scale : 2;

	if (t.digits == 0 && (tv->op == JX_OP_NONE || tv->op == JX_OP_EQ || ceiling)) {
		bool ok = a.digits == 0 && tv->op != JX_OP_LT;
		ip->expected = tv->number;
		ip->light = ok ? JX_LIGHT_GREEN : JX_LIGHT_RED;
		ip->how = jx_arena_printf(ar, "目标“%s”，实际 %s，%s", tt, ta, ok ? "保持为 0" : "已不为 0");
		return 0;
	}
	if (t.digits <= 0) {
		/* ≥ 0 (or a negative floor): anything meets it */
		ip->expected = tv->number;
		ip->light = JX_LIGHT_GREEN;
		ip->how = jx_arena_printf(ar, "目标“%s”，实际 %s，已达到", tt, ta);
		return 0;
	}
	if (ceiling) {
		int over_year = jx_decimal_cmp(&a, &t);
		bool within_year = strict ? over_year < 0 : over_year <= 0;
		if (tv->kind != JX_KIND_MONEY) {
			ip->expected = tv->number;
			ip->light = within_year ? JX_LIGHT_GREEN : JX_LIGHT_RED;
			ip->how = jx_arena_printf(ar, "实际 %s %s%s“%s”", ta, within_year ? "未超过" : "超过",
						  is_cost(ip->ind->l2) ? "标准" : "目标", tt);
			return 0;
		}
		jx_decimal e;
		if (!pro_rata(c, &tv->number, scale, &e))
			return jx_error_set(JX_ERANGE, "%s：数值过大", where);
		ip->expected = e;
		const char *te = show(c, tv, &e, false);
		/* the pro-rata ceiling in the compared unit, exactly: a ≤ t × m / 12  ⇔  a × 12 × md ≤ t × mn */
		i128 l, r;
		if (!mul((i128)a.digits * p10(t.scale), c->md * 12, &l) || !mul((i128)t.digits * p10(a.scale), c->mn, &r))
			return jx_error_set(JX_ERANGE, "%s：数值过大", where);
		bool within_date = strict ? l < r : l <= r;
		if (within_date) {
			ip->light = JX_LIGHT_GREEN;
			ip->how = jx_arena_printf(ar, "全年“%s”，按进度（%s/12）应不超过 %s，实际 %s", tt, c->mstr, te, ta);
		} else if (within_year) {
			ip->light = JX_LIGHT_YELLOW;
			ip->how = jx_arena_printf(ar, "全年“%s”，按进度（%s/12）应不超过 %s，实际 %s 已超过进度，尚在全年目标内",
						  tt, c->mstr, te, ta);
		} else {
			ip->light = JX_LIGHT_RED;
			ip->how = jx_arena_printf(ar, "全年“%s”，实际 %s 已超过全年目标", tt, ta);
		}
		return 0;
	}
	if (!accumulates) {
		/* a rate is met or not at the date */
		int cmp = jx_decimal_cmp(&a, &t);
		bool met = tv->op == JX_OP_EQ ? cmp == 0 : strict ? cmp > 0 : cmp >= 0;
		ip->expected = tv->number;
		ip->has_ratio = true;
		if (!jx_dec_muldiv(&a, &hundred, &t, 1, &ip->ratio))
			return jx_error_set(JX_ERANGE, "%s：数值过大", where);
		ip->light = met ? JX_LIGHT_GREEN : JX_LIGHT_RED;
		ip->how = jx_arena_printf(ar, "实际 %s %s目标“%s”（为目标的 %s%%）", ta, met ? "达到" : "未达到", tt,
					  dstr(ar, &ip->ratio));
		return 0;
	}
	/* an accumulating floor: expected to date = target × m / 12 */
	jx_decimal e;
	if (!pro_rata(c, &tv->number, scale, &e))
		return jx_error_set(JX_ERANGE, "%s：数值过大", where);
	ip->expected = e;
	ip->has_ratio = true;
	/* ratio = a / (t × mn / (md × 12)) × 100 = a × md × 1200 / (t × mn), in the compared unit */
	i128 num, den;
	if (!mul((i128)a.digits * p10(t.scale), c->md * 1200, &num) || !mul((i128)t.digits * p10(a.scale), c->mn, &den) ||
	    !q_dec(num, den, 1, &ip->ratio))
		return jx_error_set(JX_ERANGE, "%s：数值过大", where);
	ip->light = light_of(c, &ip->ratio);
	ip->how = jx_arena_printf(ar, "应完成 %s（全年 %s × %s/12），实际 %s，为应完成的 %s%%", show(c, tv, &e, false), tt,
				  c->mstr, ta, dstr(ar, &ip->ratio));
	return 0;
}

static int monitor_indicator(mon *c, jx_project_progress *pp, jx_ind_progress *ip)
{
	const jx_indicator *ind = ip->ind;
	const jx_value *tv = &ind->value;
	char where[512];
	snprintf(where, sizeof where, "%s：项目“%s”的指标“%s”", c->act->file ? c->act->file : "", pp->project->name,
		 ind->name ? ind->name : "");
	const jx_actual_ind *ai = ip->act;
	bool dated = (tv->kind == JX_KIND_DATE || tv->kind == JX_KIND_PERIOD) && !tv->recurring &&
		     (tv->to.year || tv->to.month);
	if (dated)
		return judge_date(c, ip, where);
	if (!ai || (!ai->has_actual && ai->level == JX_LEVEL_NONE)) {
		ip->light = JX_LIGHT_NONE;
		ip->how = "未填报实际完成值";
		return 0;
	}
	bool numeric = tv->has_number && (tv->kind == JX_KIND_COUNT || tv->kind == JX_KIND_NUMBER ||
					  tv->kind == JX_KIND_PERCENT || tv->kind == JX_KIND_MONEY ||
					  tv->kind == JX_KIND_MONEY_PER_UNIT);
	if (!numeric || !ai->has_actual) {
		from_level(c, ip, ai);
		return 0;
	}
	return judge_number(c, ip, where);
}

static jx_light worse(jx_light a, jx_light b)
{
	/* red is worst, then yellow, green, blue; none only when nothing else */
	static const int rank[] = {[JX_LIGHT_NONE] = 9, [JX_LIGHT_RED] = 0, [JX_LIGHT_YELLOW] = 1,
				   [JX_LIGHT_GREEN] = 2, [JX_LIGHT_BLUE] = 3};
	return rank[b] < rank[a] ? b : a;
}

static int monitor_project(mon *c, jx_project_progress *pp)
{
	const jx_project *p = pp->project;
	pp->worst = JX_LIGHT_NONE;
	if (!pp->act) {
		note(c, "monitor.no-actual", p->src, "项目“%s”没有实际数据，未监控", p->name);
		return 0;
	}
	int rc = monitor_spending(c, pp);
	if (rc)
		return rc;
	bool any = false;
	if (pp->has_spending) {
		pp->worst = pp->spending_light;
		if (pp->expected_percent.digits != 0) {
			pp->behind = pp->spending_ratio;
			any = true;
		}
	}
	for (size_t i = 0; i < p->indicators.n; i++) {
		const jx_indicator *ind = &p->indicators.v[i];
		if (ind->scope != JX_SCOPE_YEAR || blank_row(ind))
			continue;
		jx_ind_progress *ip = jx_vec_push(c->m->arena, &pp->indicators);
		if (!ip)
			return JX_ENOMEM;
		ip->ind = ind;
		ip->act = find_actual(pp->act, p, ind);
		if ((rc = monitor_indicator(c, pp, ip)))
			return rc;
		if (!ip->how)
			return JX_ENOMEM;
		pp->worst = worse(pp->worst, ip->light);
		if (ip->has_ratio && (!any || jx_decimal_cmp(&ip->ratio, &pp->behind) < 0)) {
			pp->behind = ip->ratio;
			any = true;
		}
	}
	/* Every actual must name an indicator of the project, and no name more often than the project has it. */
	for (size_t k = 0; k < pp->act->indicators.n; k++) {
		const jx_actual_ind *ai = &pp->act->indicators.v[k];
		size_t given = 0, have = 0;
		for (size_t j = 0; j <= k; j++)
			given += !strcmp(pp->act->indicators.v[j].name, ai->name);
		for (size_t i = 0; i < p->indicators.n; i++)
			have += p->indicators.v[i].name && !strcmp(p->indicators.v[i].name, ai->name);
		if (!have)
			return jx_error_set(JX_EINVAL, "%s：项目“%s”没有指标“%s”，实际数据中的这一项无法对应", c->act->file,
					    p->name, ai->name);
		if (given > have)
			return jx_error_set(JX_EINVAL, "%s：项目“%s”的指标“%s”在实际数据中出现了两次", c->act->file, p->name,
					    ai->name);
	}
	if (!any)
		pp->behind = (jx_decimal){0, 1};
	return 0;
}

bool jx_progress_has_behind(const jx_project_progress *pp)
{
	if (pp->has_spending && pp->expected_percent.digits != 0)
		return true;
	for (size_t i = 0; i < pp->indicators.n; i++)
		if (pp->indicators.v[i].has_ratio)
			return true;
	return false;
}

static int cmp_progress(const void *x, const void *y)
{
	const jx_project_progress *a = x, *b = y;
	bool ha = jx_progress_has_behind(a), hb = jx_progress_has_behind(b);
	if (ha != hb)
		return ha ? -1 : 1;
	if (ha) {
		int c = jx_decimal_cmp(&a->behind, &b->behind);
		if (c)
			return c;
	}
	static const int rank[] = {[JX_LIGHT_NONE] = 9, [JX_LIGHT_RED] = 0, [JX_LIGHT_YELLOW] = 1,
				   [JX_LIGHT_GREEN] = 2, [JX_LIGHT_BLUE] = 3};
	if (rank[a->worst] != rank[b->worst])
		return rank[a->worst] - rank[b->worst];
	return a->project < b->project ? -1 : a->project > b->project;
}

static bool same_project(const jx_actual_project *ap, const jx_project *p)
{
	if (ap->code && p->code)
		return !strcmp(ap->code, p->code);
	return ap->name && p->name && !strcmp(ap->name, p->name);
}

static int check_date(const jx_pkg *pkg, jx_date d)
{
	if (!pkg->year)
		return jx_error_set(JX_EINVAL, "预算文件没有写明预算年度，无法按日期监控");
	if (d.year != pkg->year || d.month < 1 || d.month > 12 || d.day < 1 || d.day > days_in_month(d.year, d.month))
		return jx_error_set(JX_EINVAL, "监控日期 %04d-%02d-%02d 不是预算年度 %d 年内的日期", d.year, d.month, d.day,
				    pkg->year);
	return 0;
}

static int run(mon *c, const jx_pkg *pkg, const jx_actuals *act)
{
	jx_monitoring *m = c->m;
	bool *used = calloc(act->projects.n + 1, sizeof *used);
	if (!used)
		return JX_ENOMEM;
	int rc = 0;
	for (size_t i = 0; i < pkg->projects.n && !rc; i++) {
		const jx_project *p = &pkg->projects.v[i];
		jx_project_progress *pp = jx_vec_push(m->arena, &m->projects);
		if (!pp) {
			rc = JX_ENOMEM;
			break;
		}
		pp->project = p;
		/* The first unused actual that names the project: by code when both have one, else by name. A package may
		 * hold two projects of the same name without codes; their actuals are then taken in order. */
		for (size_t k = 0; k < act->projects.n && !pp->act; k++)
			if (!used[k] && same_project(&act->projects.v[k], p)) {
				used[k] = true;
				pp->act = &act->projects.v[k];
			}
	}
	for (size_t k = 0; k < act->projects.n && !rc; k++) {
		if (used[k])
			continue;
		const jx_actual_project *ap = &act->projects.v[k];
		bool known = false;
		for (size_t i = 0; i < pkg->projects.n && !known; i++)
			known = same_project(ap, &pkg->projects.v[i]);
		rc = known ? jx_error_set(JX_EINVAL, "%s：项目“%s”的实际数据重复（多于预算文件中的同名项目）", act->file,
					  ap->name ? ap->name : ap->code)
			   : jx_error_set(JX_EINVAL, "%s：实际数据中的项目“%s”在预算文件中不存在", act->file,
					  ap->name ? ap->name : ap->code);
	}
	free(used);
	for (size_t i = 0; i < m->projects.n && !rc; i++)
		rc = monitor_project(c, &m->projects.v[i]);
	if (!rc && m->projects.n > 1)
		qsort(m->projects.v, m->projects.n, sizeof *m->projects.v, cmp_progress);
	return rc;
}

int jx_monitor(jx_monitoring **out, const jx_pkg *pkg, const jx_actuals *act, jx_date as_of,
	       const jx_monitor_config *cfg)
{
	*out = NULL;
	jx_monitor_config def;
	if (!cfg) {
		jx_monitor_config_init(&def);
		cfg = &def;
	}
	if (cfg->red_below < 0 || cfg->red_below > cfg->yellow_below || cfg->yellow_below > cfg->blue_from ||
	    cfg->blue_from > 100000)
		return jx_error_set(JX_EINVAL, "亮灯阈值应满足 0 ≤ 红灯 ≤ 黄灯 ≤ 蓝灯");
	int rc = check_date(pkg, as_of);
	if (rc)
		return rc;
	if (act->year && act->year != pkg->year)
		return jx_error_set(JX_EINVAL, "%s：实际数据的年度 %d 与预算年度 %d 不同", act->file, act->year, pkg->year);
	jx_monitoring *m = calloc(1, sizeof *m);
	if (!m || !(m->arena = jx_arena_new())) {
		free(m);
		return JX_ENOMEM;
	}
	m->pkg = pkg;
	m->as_of = as_of;
	mon c = {.m = m, .cfg = cfg, .act = act, .year = pkg->year};
	c.md = days_in_month(as_of.year, as_of.month);
	c.mn = (as_of.month - 1) * c.md + as_of.day;
	c.as_of_key = date_key(as_of, pkg->year);
	jx_decimal md;
	if (!q_dec(c.mn, c.md, 2, &md) || !(c.mstr = dstr(m->arena, &md))) {
		jx_monitoring_free(m);
		return JX_ENOMEM;
	}
	if (act->as_of) {
		char want[24];
		snprintf(want, sizeof want, "%04d-%02d-%02d", as_of.year, as_of.month, as_of.day);
		if (strcmp(act->as_of, want))
			note(&c, "monitor.as-of", (jx_src){act->file, 0, 0, 0, 0}, "实际数据截至 %s，监控日期为 %s", act->as_of,
			     want);
	}
	rc = run(&c, pkg, act);
	if (rc) {
		jx_monitoring_free(m);
		return rc;
	}
	*out = m;
	return 0;
}

void jx_monitoring_free(jx_monitoring *m)
{
	if (!m)
		return;
	jx_arena_free(m->arena);
	free(m);
}
