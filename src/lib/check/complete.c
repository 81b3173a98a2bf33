/* complete.c: the completeness rules: amounts, goals, indicator categories, values, bases and fields a form asks
 * for. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/check_int.h"

static bool text_set(const char *s) { return s && !jx_placeholder_word(s); }

/* Which categories a set of indicators covers (rows left empty do not count). */
typedef struct cover {
	bool output, effect, satisfaction, quantity, quality, timeliness, cost;
} cover;

static cover covered(const jx_indicator_vec *v)
{
	cover c = {0};
	for (size_t i = 0; i < v->n; i++) {
		const jx_indicator *ind = &v->v[i];
		if (jx_ind_blank(ind))
			continue;
		jx_level1 l1 = ind->l1 ? ind->l1 : jx_level2_parent(ind->l2);
		c.output |= l1 == JX_L1_OUTPUT;
		c.effect |= l1 == JX_L1_EFFECT;
		c.satisfaction |= l1 == JX_L1_SATISFACTION;
		c.quantity |= ind->l2 == JX_L2_QUANTITY;
		c.quality |= ind->l2 == JX_L2_QUALITY;
		c.timeliness |= ind->l2 == JX_L2_TIMELINESS;
		c.cost |= jx_ind_is_cost(ind);
	}
	return c;
}

static void check_indicator_values(jx_cx *cx, const char *subject, const jx_indicator_vec *v)
{
	for (size_t i = 0; i < v->n; i++) {
		const jx_indicator *ind = &v->v[i];
		if (jx_ind_blank(ind))
			continue;
		if (!ind->name || !*ind->name) {
			jx_fargs a = {.subject = subject, .detail = ind->level2 ? ind->level2 : "指标"};
			jx_emit(cx, R_COMPLETE_NO_NAME, ind->src, &a);
		} else if (ind->value.kind == JX_KIND_EMPTY) {
			jx_fargs a = {.subject = subject, .item = ind->name};
			jx_emit(cx, R_COMPLETE_NO_VALUE, ind->src, &a);
		}
	}
}

static void check_categories(jx_cx *cx, const char *subject, jx_src src, const jx_indicator_vec *v)
{
	cover c = covered(v);
	jx_fargs a = {.subject = subject};
	if (!c.output && !c.quantity)
		jx_emit(cx, R_COMPLETE_NO_OUTPUT, src, &a);
	if (!c.effect)
		jx_emit(cx, R_COMPLETE_NO_EFFECT, src, &a);
	if (!c.satisfaction)
		jx_emit(cx, R_COMPLETE_NO_SATISFACTION, src, &a);
	if (c.output || c.quantity) {
		if (!c.quantity)
			jx_emit(cx, R_COMPLETE_NO_QUANTITY, src, &a);
		if (!c.quality)
			jx_emit(cx, R_COMPLETE_NO_QUALITY, src, &a);
		if (!c.timeliness)
			jx_emit(cx, R_COMPLETE_NO_TIMELINESS, src, &a);
	}
	if (!c.cost)
		jx_emit(cx, R_COMPLETE_NO_COST, src, &a);
}

/* Template leftovers: XX, ××, 待填写, 请填写, {单位} … */
static const char *placeholder_in(const char *s)
{
	static const char *const marks[] = {"XX", "xx", "××", "ＸＸ", "待填写", "请填写", "待补充", "（略）", "(略)",
					    "{单位}", "{部门}", "【填写", NULL};
	for (size_t i = 0; s && marks[i]; i++)
		if (strstr(s, marks[i]))
			return marks[i];
	return NULL;
}

static void check_placeholder(jx_cx *cx, const char *subject, const char *field, const char *s, jx_src src)
{
	const char *m = placeholder_in(s);
	if (m) {
		jx_fargs a = {.subject = subject, .item = field, .detail = m};
		jx_emit(cx, R_COMPLETE_PLACEHOLDER, src, &a);
	}
}

/* A document number or a named document: 《…》, 〔2023〕19号, [2023]19号, 文件. */
static bool cites_document(const jx_basis *b)
{
	static const char *const marks[] = {"《", "号", "文件", "通知", "办法", "意见", "规定", "条例", "法", NULL};
	return b->doc_no || jx_has_any(b->text, marks);
}

/* Fields a form asks for, judged by the package itself: a field most other projects fill is required here too. */
typedef struct field {
	const char *label;
	size_t offset; /* of a const char * in jx_project */
} field;

static const char *field_at(const jx_project *p, size_t offset)
{
	const char *s;
	memcpy(&s, (const char *)p + offset, sizeof s);
	return s;
}

static void check_fields(jx_cx *cx, const jx_pkg *pkg)
{
	static const field fields[] = {
		{"实施单位", offsetof(jx_project, implementer)},
		{"主管部门", offsetof(jx_project, supervisor)},
		{"项目属性", offsetof(jx_project, attribute)},
		{"项目期限", offsetof(jx_project, duration)},
		{"资金用途", offsetof(jx_project, usage.s)},
		{"项目概况", offsetof(jx_project, overview.s)},
		{"实施期目标", offsetof(jx_project, goal_total.s)},
	};
	size_t np = pkg->projects.n;
	if (np < 2)
		return;
	for (size_t f = 0; f < sizeof fields / sizeof fields[0]; f++) {
		size_t filled = 0;
		for (size_t i = 0; i < np; i++)
			filled += text_set(field_at(&pkg->projects.v[i], fields[f].offset));
		/* Required when more than half of the projects fill it. */
		if (filled * 2 <= np || filled == np)
			continue;
		for (size_t i = 0; i < np; i++) {
			const jx_project *p = &pkg->projects.v[i];
			if (!text_set(field_at(p, fields[f].offset))) {
				jx_fargs a = {.subject = p->name, .item = fields[f].label};
				jx_emit(cx, R_COMPLETE_NO_FIELD, p->src, &a);
			}
		}
	}
}

/* 一年期 / 一次性 projects cannot run for years: "项目属性 一年期项目" with "项目期限 99年". */
static void check_term(jx_cx *cx, const jx_project *p)
{
	if (!p->attribute || !p->duration)
		return;
	if (!jx_has(p->attribute, "一年") && !jx_has(p->attribute, "1年"))
		return;
	/* A duration written as a number of years: "99年", "3年". A year ("2024年度") is a date, not a length. */
	const char *d = p->duration;
	char *end;
	long years = strtol(d, &end, 10);
	if (end == d || strncmp(end, "年", strlen("年")) || years <= 1 || years >= 1900)
		return;
	jx_fargs a = {.subject = p->name, .actual_text = p->attribute, .detail = p->duration};
	jx_emit(cx, R_COMPLETE_TERM_CONFLICT, p->src, &a);
}

/* A special-fund summary whose other lines give targets: a line without them is a blank field. */
static void check_fund_items(jx_cx *cx, const jx_pkg *pkg)
{
	for (size_t f = 0; f < pkg->funds.n; f++) {
		const jx_fund_summary *fs = &pkg->funds.v[f];
		size_t with = 0;
		for (size_t i = 0; i < fs->items.n; i++)
			with += text_set(fs->items.v[i].goal_year) || text_set(fs->items.v[i].goal_period);
		if (with == 0)
			continue;
		for (size_t i = 0; i < fs->items.n; i++) {
			const jx_fund_item *it = &fs->items.v[i];
			char item[256];
			if (!text_set(it->goal_year)) {
				snprintf(item, sizeof item, "“%s”的年度绩效目标", it->name ? it->name : "");
				jx_fargs a = {.subject = fs->title ? fs->title : "专项资金绩效目标汇总表", .item = item};
				jx_emit(cx, R_COMPLETE_NO_FIELD, it->src, &a);
			}
			if (!text_set(it->goal_period) && with > 0) {
				bool others = false;
				for (size_t k = 0; k < fs->items.n; k++)
					others |= text_set(fs->items.v[k].goal_period);
				if (others) {
					snprintf(item, sizeof item, "“%s”的实施期绩效目标", it->name ? it->name : "");
					jx_fargs a = {.subject = fs->title ? fs->title : "专项资金绩效目标汇总表", .item = item};
					jx_emit(cx, R_COMPLETE_NO_FIELD, it->src, &a);
				}
			}
		}
	}
}

void jx_check_complete(jx_cx *cx)
{
	const jx_pkg *pkg = cx->pkg;
	size_t with_basis = 0;
	for (size_t i = 0; i < pkg->projects.n; i++)
		with_basis += pkg->projects.v[i].basis.n > 0;

	for (size_t i = 0; i < pkg->projects.n; i++) {
		const jx_project *p = &pkg->projects.v[i];
		jx_fargs a = {.subject = p->name};
		if (!p->amount.present && !p->amount_total.present)
			jx_emit(cx, R_COMPLETE_NO_AMOUNT, p->src, &a);
		const jx_text *goal = text_set(p->goal_year.s) ? &p->goal_year : &p->goal_total;
		if (!text_set(goal->s)) {
			jx_emit(cx, R_COMPLETE_NO_GOAL, p->src, &a);
		} else if (jx_chars(goal->s) < (size_t)(cx->cfg ? cx->cfg->short_goal_chars : 15)) {
			jx_fargs s = {.subject = p->name, .numeric = true, .unit = "",
				      .actual = {(int64_t)jx_chars(goal->s), 0},
				      .expected = {cx->cfg ? cx->cfg->short_goal_chars : 15, 0}};
			jx_emit(cx, R_COMPLETE_SHORT_GOAL, goal->src.line ? goal->src : p->src, &s);
		}
		if (p->indicators.n == 0) {
			jx_emit(cx, R_COMPLETE_NO_INDICATORS, p->src, &a);
		} else {
			check_categories(cx, p->name, p->src, &p->indicators);
			check_indicator_values(cx, p->name, &p->indicators);
		}
		/* The basis is required where the form has the field, i.e. where other projects give one. */
		if (p->basis.n == 0 && with_basis > 0)
			jx_emit(cx, R_COMPLETE_NO_BASIS, p->src, &a);
		for (size_t b = 0; b < p->basis.n; b++)
			if (!cites_document(&p->basis.v[b])) {
				jx_fargs d = {.subject = p->name, .item = p->basis.v[b].text};
				jx_emit(cx, R_COMPLETE_BASIS_NO_DOC, p->basis.v[b].src, &d);
			}
		check_term(cx, p);
		for (size_t k = 0; k < p->lines.n; k++) {
			const jx_line *l = &p->lines.v[k];
			if (l->calc && !jx_placeholder_word(l->calc) && !strpbrk(l->calc, "0123456789")) {
				jx_fargs d = {.subject = p->name, .item = l->name ? l->name : "", .detail = l->calc};
				jx_emit(cx, R_COMPLETE_CALC_NO_NUMBERS, l->src, &d);
			}
		}
		check_placeholder(cx, p->name, "项目名称", p->name, p->src);
		check_placeholder(cx, p->name, "项目概况", p->overview.s, p->overview.src);
		check_placeholder(cx, p->name, "年度目标", p->goal_year.s, p->goal_year.src);
		check_placeholder(cx, p->name, "实施期目标", p->goal_total.s, p->goal_total.src);
		for (size_t k = 0; k < p->indicators.n; k++) {
			check_placeholder(cx, p->name, "指标名称", p->indicators.v[k].name, p->indicators.v[k].src);
			check_placeholder(cx, p->name, "指标值", p->indicators.v[k].value.text, p->indicators.v[k].src);
		}
	}
	check_fields(cx, pkg);
	check_fund_items(cx, pkg);

	const jx_overall *o = &pkg->overall;
	if (o->present) {
		const char *subject = jx_overall_subject(pkg);
		/* Tasks with their own targets (年度重点工作计划 | 工作目标) count as goals. */
		if (o->goals.n == 0 && o->tasks.n == 0 && !text_set(o->goal.s))
			jx_emit(cx, R_COMPLETE_OVERALL_NO_GOAL, o->src, NULL);
		/* Only a tabular overall form has indicator rows; a prose statement of targets has none. */
		bool tabular = o->title && strstr(o->title, "表");
		if (o->indicators.n == 0 && tabular)
			jx_emit(cx, R_COMPLETE_OVERALL_NO_INDICATORS, o->src, NULL);
		else
			check_indicator_values(cx, subject, &o->indicators);
		for (size_t k = 0; k < o->indicators.n; k++)
			check_placeholder(cx, subject, "指标值", o->indicators.v[k].value.text, o->indicators.v[k].src);
	}
}
