/* calc.c: arithmetic inside a project (funding, schedule, expenditure lines, cost indicators) and inside the
 * overall table (tasks, budget by source and direction, fund summaries, staff). */
#include <stdio.h>
#include <string.h>

#include "check/check_int.h"

/* Sums of amounts with the coarsest printed precision among them, for rounding slack. */
typedef struct sum {
	int64_t fen, ulp;
	size_t n;
	bool overflow;
	jx_money_unit unit;
	int scale;
} sum;

static void sum_add(sum *s, const jx_amount *a)
{
	if (!a->present)
		return;
	if (!jx_add_i64(s->fen, a->fen, &s->fen))
		s->overflow = true;
	int64_t u = jx_amount_ulp(a);
	if (u > s->ulp)
		s->ulp = u;
	if (!s->n) {
		s->unit = a->unit;
		s->scale = a->scale;
	}
	s->n++;
}

/* Compares a stated amount with a sum of parts (rounding-aware). */
static void compare(jx_cx *cx, jx_rule_id id, const jx_amount *stated, const sum *s, jx_fargs a, jx_src src)
{
	if (!stated->present || !s->n || s->overflow)
		return;
	a.shown_unit = stated->unit;
	a.shown_scale = stated->scale;
	int64_t ulp = jx_amount_ulp(stated);
	if (s->ulp > ulp)
		ulp = s->ulp;
	jx_compare_sum(cx, id, src.line ? src : stated->src, &a, stated->fen, s->fen, s->n, ulp);
}

static void check_funding(jx_cx *cx, const jx_project *p)
{
	sum year = {0}, total = {0};
	for (size_t i = 0; i < p->funding.n; i++) {
		sum_add(&year, &p->funding.v[i].year);
		sum_add(&total, &p->funding.v[i].total);
	}
	jx_fargs a = {.subject = p->name, .item = "年度资金"};
	compare(cx, R_CALC_FUNDING_SUM, &p->amount, &year, a, p->amount.src);
	a.item = "实施期资金";
	compare(cx, R_CALC_FUNDING_SUM, &p->amount_total, &total, a, p->amount_total.src);
	if (p->amount.present && p->amount_total.present && p->amount_total.fen < p->amount.fen) {
		jx_fargs b = {.subject = p->name};
		jx_fargs_money(&b, p->amount.fen, p->amount_total.fen, p->amount.unit, p->amount.scale);
		jx_emit(cx, R_CALC_PERIOD_BELOW_YEAR, p->amount_total.src, &b);
	}
}

static void check_schedule(jx_cx *cx, const jx_project *p)
{
	const jx_schedule_point *prev = NULL, *last = NULL;
	for (size_t i = 0; i < p->schedule.n; i++) {
		const jx_schedule_point *pt = &p->schedule.v[i];
		if (!pt->present)
			continue;
		if (prev && jx_decimal_cmp(&pt->percent, &prev->percent) < 0) {
			jx_fargs a = {.subject = p->name, .item = pt->label, .numeric = true, .unit = "%",
				      .expected = prev->percent, .actual = pt->percent};
			jx_emit(cx, R_CALC_SCHEDULE_DECREASING, pt->src, &a);
		}
		prev = last = pt;
	}
	/* The year-end point must be 100% (and no point above it). */
	if (last && (last->month == 12 || last->month == 0)) {
		jx_decimal hundred = {100, 0};
		if (jx_decimal_cmp(&last->percent, &hundred) != 0) {
			jx_fargs a = {.subject = p->name, .item = last->label, .numeric = true, .unit = "%",
				      .expected = hundred, .actual = last->percent};
			jx_emit(cx, R_CALC_SCHEDULE_END, last->src, &a);
		}
	}
}

static void check_lines(jx_cx *cx, const jx_project *p)
{
	sum s = {0};
	for (size_t i = 0; i < p->lines.n; i++)
		sum_add(&s, &p->lines.v[i].amount);
	/* A single line that only repeats the project is not a breakdown; still it must match. */
	jx_fargs a = {.subject = p->name, .item = "支出明细"};
	compare(cx, R_CALC_LINES_SUM, &p->amount, &s, a, p->lines.n ? p->lines.v[0].src : p->src);
}

/* Money cost indicators against the project amount. One total-cost indicator should equal the amount; several
 * must not exceed it together. Unit costs (元/人) are compared through the quantity they multiply. */
static void check_costs(jx_cx *cx, const jx_project *p)
{
	if (!p->amount.present || p->amount.fen <= 0)
		return;
	int64_t total = 0;
	size_t n = 0;
	const jx_indicator *first = NULL;
	for (size_t i = 0; i < p->indicators.n; i++) {
		const jx_indicator *ind = &p->indicators.v[i];
		if (!jx_ind_is_cost(ind) || ind->scope != JX_SCOPE_YEAR || ind->value.kind != JX_KIND_MONEY)
			continue;
		if (ind->value.op == JX_OP_GE || ind->value.op == JX_OP_GT)
			continue; /* a lower bound says nothing about the total (measure.ge-on-cost) */
		if (!jx_add_i64(total, ind->value.fen, &total))
			return;
		if (!n)
			first = ind;
		n++;
	}
	if (!n)
		return;
	jx_fargs a = {.subject = p->name, .item = n == 1 ? NULL : "（多项）", .shown_unit = p->amount.unit,
		      .shown_scale = p->amount.scale};
	int64_t ulp = jx_amount_ulp(&p->amount);
	if (total > p->amount.fen) {
		jx_compare_sum(cx, R_CALC_COST_OVER_AMOUNT, first->src, &a, total, p->amount.fen, n, ulp);
	} else if (total < p->amount.fen) {
		int share = cx->cfg ? cx->cfg->cost_share_min : 50;
		/* One cost indicator is the project's cost; several may be parts, reported only when far below. */
		int64_t t100, share_of;
		bool far = jx_mul_i64(total, 100, &t100) && jx_mul_i64(p->amount.fen, share, &share_of) && t100 < share_of;
		if (n == 1 || far) {
			jx_fargs b = a;
			jx_fargs_money(&b, p->amount.fen, total, p->amount.unit, p->amount.scale);
			int64_t diff, tol = 0;
			if (!jx_sub_i64(p->amount.fen, total, &diff))
				diff = INT64_MAX;
			if (!(cx->cfg && cx->cfg->strict_rounding) && jx_mul_i64(ulp, (int64_t)(n + 1), &tol))
				tol = tol / 2 + 1;
			else
				tol = 0;
			if (diff < tol)
				jx_compare_sum(cx, R_CALC_COST_BELOW_AMOUNT, first->src, &a, total, p->amount.fen, n, ulp);
			else
				jx_emit(cx, R_CALC_COST_BELOW_AMOUNT, first->src, &b);
		}
	}
}

/* A subsidy project with one counted quantity and one unit cost in the same unit: their product is the amount
 * ("≤7人" × "260元/人/年" = 1820 ≠ 1600). Monthly standards count twelve months. With several quantities or unit
 * costs the pairing is unknown and nothing is said. */
static void check_unit_cost(jx_cx *cx, const jx_project *p)
{
	if (!p->amount.present)
		return;
	const jx_indicator *cost = NULL, *qty = NULL;
	size_t ncost = 0, nqty = 0;
	for (size_t i = 0; i < p->indicators.n; i++) {
		const jx_indicator *c = &p->indicators.v[i];
		if (c->scope != JX_SCOPE_YEAR)
			continue;
		if (jx_ind_is_cost(c) && c->value.kind == JX_KIND_MONEY_PER_UNIT && c->value.per) {
			cost = c;
			ncost++;
		}
		if (c->l2 == JX_L2_QUANTITY && c->value.kind == JX_KIND_COUNT) {
			qty = c;
			nqty++;
		}
	}
	if (ncost != 1 || nqty != 1)
		return;
	const char *per = cost->value.per;
	size_t ulen = strlen(qty->value.unit);
	/* "平均每户1800元" pairs with a count of people when the count is of households (家庭, 户). */
	bool household = !strncmp(per, "户", strlen("户")) && !strcmp(qty->value.unit, "人") &&
			 (jx_has(qty->name, "家庭") || jx_has(qty->name, "户"));
	if (household)
		ulen = strlen("户");
	else if (!ulen || strncmp(per, qty->value.unit, ulen))
		return;
	if (per[ulen] && per[ulen] != '/')
		return;
	int64_t months = 1;
	if (per[ulen] == '/') {
		const char *rest = per + ulen + 1;
		if (!strcmp(rest, "月"))
			months = 12;
		else if (strcmp(rest, "年"))
			return;
	}
	if (qty->value.number.scale != 0 || qty->value.number.digits <= 0)
		return;
	int64_t product;
	if (!jx_mul_i64(qty->value.number.digits, cost->value.fen, &product) || !jx_mul_i64(product, months, &product))
		return;
	char detail[256];
	snprintf(detail, sizeof detail, "%s %s × %s %s%s", qty->name ? qty->name : "", qty->value.text,
		 cost->name ? cost->name : "", cost->value.text, months == 12 ? " × 12个月" : "");
	jx_fargs a = {.subject = p->name, .item = qty->name, .detail = detail, .shown_unit = p->amount.unit,
		      .shown_scale = p->amount.scale};
	jx_compare_sum(cx, R_CALC_UNIT_COST_PRODUCT, qty->src, &a, p->amount.fen, product, 2, jx_amount_ulp(&p->amount));
}

static bool is_total_name(const char *name)
{
	return name && (strstr(name, "合计") || strstr(name, "总计") || strstr(name, "总额"));
}

static void check_overall(jx_cx *cx)
{
	const jx_overall *o = &cx->pkg->overall;
	if (!o->present)
		return;
	sum tasks = {0};
	for (size_t i = 0; i < o->tasks.n; i++) {
		const jx_task *t = &o->tasks.v[i];
		sum parts = {0};
		sum_add(&parts, &t->basic);
		sum_add(&parts, &t->project);
		sum_add(&parts, &t->other);
		jx_fargs a = {.subject = t->name};
		compare(cx, R_CALC_TASK_SUM, &t->total, &parts, a, t->src);
		sum_add(&tasks, &t->total);
	}
	/* Tasks that list only project money are compared with the project direction, not the whole budget. */
	bool basic = false;
	for (size_t i = 0; i < o->tasks.n; i++)
		basic |= o->tasks.v[i].basic.present;
	const jx_amount *whole = &o->total;
	if (!basic)
		for (size_t i = 0; i < o->budget.n; i++)
			if (o->budget.v[i].name && strstr(o->budget.v[i].name, "项目支出") && o->budget.v[i].amount.present)
				whole = &o->budget.v[i].amount;
	jx_fargs a = {.subject = jx_overall_subject(cx->pkg), .item = whole == &o->total ? "总额" : "项目支出"};
	compare(cx, R_CALC_TASKS_TOTAL, whole, &tasks, a, whole->src);

	/* By source and by direction: each group sums to the total (合计 lines are the stated totals). */
	static const char *const groups[] = {"source", "direction"};
	static const char *const group_names[] = {"按资金来源", "按资金方向"};
	for (size_t g = 0; g < 2; g++) {
		sum s = {0};
		const jx_amount *stated = &o->total;
		for (size_t i = 0; i < o->budget.n; i++) {
			const jx_named_amount *b = &o->budget.v[i];
			if (!b->group || strcmp(b->group, groups[g]))
				continue;
			if (is_total_name(b->name))
				stated = b->amount.present ? &b->amount : stated;
			else
				sum_add(&s, &b->amount);
		}
		jx_fargs f = {.subject = jx_overall_subject(cx->pkg), .item = group_names[g], .detail = "资金总额"};
		compare(cx, R_CALC_BUDGET_SPLIT, stated, &s, f, stated->src);
	}

	const jx_department *d = &cx->pkg->dept;
	if (d->staff_actual >= 0 && d->staff_on_books >= 0 && d->staff_other >= 0 &&
	    (int64_t)d->staff_actual != (int64_t)d->staff_on_books + d->staff_other) {
		jx_fargs f = {.numeric = true, .unit = "人", .expected = {(int64_t)d->staff_on_books + d->staff_other, 0},
			      .actual = {d->staff_actual, 0}};
		jx_emit(cx, R_CALC_STAFF_SUM, d->src, &f);
	}
}

static void check_funds(jx_cx *cx)
{
	for (size_t i = 0; i < cx->pkg->funds.n; i++) {
		const jx_fund_summary *f = &cx->pkg->funds.v[i];
		sum s = {0};
		for (size_t k = 0; k < f->items.n; k++)
			sum_add(&s, &f->items.v[k].amount);
		jx_fargs a = {.subject = f->title ? f->title : "专项资金绩效目标汇总表"};
		compare(cx, R_CALC_FUND_SUMMARY_SUM, &f->total, &s, a, f->total.src);
	}
}

void jx_check_calc(jx_cx *cx)
{
	for (size_t i = 0; i < cx->pkg->projects.n; i++) {
		const jx_project *p = &cx->pkg->projects.v[i];
		check_funding(cx, p);
		check_schedule(cx, p);
		check_lines(cx, p);
		check_costs(cx, p);
		check_unit_cost(cx, p);
	}
	check_overall(cx);
	check_funds(cx);
}
