/* html_targets.c: the performance target tables as HTML: every project's table in the standard layout (项目名称,
 * 主管部门, 实施单位, 项目属性, 项目期, 资金, 实施期/年度目标, three-level indicators) and the 部门整体支出绩效目标表.
 * Both use one seven-column grid so the indicator block lines up with the header block. */
#include <stdlib.h>
#include <string.h>

#include "render/html_int.h"

/* The grid: 一级 | 二级 | 三级 | 符号 | 数值 | 单位 | 指标解释; the last column is narrow when nothing explains. */
static void grid_cols(jx_html_w *w, bool explained)
{
	if (explained)
		jx_html_raw(w, "<colgroup><col style=\"width:10%\"><col style=\"width:12%\"><col style=\"width:23%\">"
			       "<col style=\"width:5%\"><col style=\"width:10%\"><col style=\"width:11%\">"
			       "<col style=\"width:29%\"></colgroup>\n");
	else
		jx_html_raw(w, "<colgroup><col style=\"width:11%\"><col style=\"width:13%\"><col style=\"width:32%\">"
			       "<col style=\"width:6%\"><col style=\"width:12%\"><col style=\"width:12%\">"
			       "<col style=\"width:14%\"></colgroup>\n");
}

static bool any_explained(const jx_indicator_vec *v, bool with_goal)
{
	for (size_t i = 0; i < v->n; i++)
		if (v->v[i].desc || v->v[i].basis || v->v[i].standard || (with_goal && v->v[i].goal > 0))
			return true;
	return false;
}

static void text_td(jx_html_w *w, const char *attrs, const char *s)
{
	jx_html_printf(w, "<td%s%s>", attrs && *attrs ? " " : "", attrs ? attrs : "");
	jx_html_esc(w, s);
	jx_html_raw(w, "</td>");
}

/* A labelled row: label over columns 1–2, value over 3–7. */
static void field_row(jx_html_w *w, const char *label, const char *value)
{
	jx_html_raw(w, "<tr>");
	text_td(w, "class=\"lab\" colspan=\"2\"", label);
	text_td(w, "colspan=\"5\"", value);
	jx_html_raw(w, "</tr>\n");
}

/* Two labelled fields on one row (主管部门 | 实施单位). */
static void field_pair(jx_html_w *w, const char *l1, const char *v1, const char *l2, const char *v2)
{
	jx_html_raw(w, "<tr>");
	text_td(w, "class=\"lab\" colspan=\"2\"", l1);
	text_td(w, "", v1);
	text_td(w, "class=\"lab\" colspan=\"2\"", l2);
	text_td(w, "colspan=\"2\"", v2);
	jx_html_raw(w, "</tr>\n");
}

static bool numeric_kind(jx_value_kind k)
{
	return k == JX_KIND_COUNT || k == JX_KIND_NUMBER || k == JX_KIND_PERCENT || k == JX_KIND_MONEY ||
	       k == JX_KIND_MONEY_PER_UNIT;
}

/* 符号 | 数值 | 单位 for a numeric target, the text as written over the three cells otherwise. */
static void value_cells(jx_html_w *w, const jx_value *v)
{
	if (v->has_number && numeric_kind(v->kind)) {
		char buf[32];
		jx_html_printf(w, "<td class=\"c\">%s</td><td class=\"val\">%s</td>", jx_op_symbol(v->op),
			       jx_decimal_format(&v->number, buf));
		text_td(w, "class=\"c\"", v->unit ? v->unit : "");
		return;
	}
	text_td(w, "class=\"c\" colspan=\"3\"", v->text ? v->text : "");
}

static void explain_td(jx_html_w *w, const jx_indicator *ind, bool with_goal)
{
	jx_html_raw(w, "<td>");
	bool any = false;
	if (with_goal && ind->goal > 0) {
		jx_html_printf(w, "对应目标%d", ind->goal);
		any = true;
	}
	if (ind->desc) {
		if (any)
			jx_html_raw(w, "；");
		jx_html_esc(w, ind->desc);
		any = true;
	}
	if (ind->basis) {
		jx_html_raw(w, any ? "<br>" : "");
		jx_html_raw(w, "依据：");
		jx_html_esc(w, ind->basis);
		any = true;
	}
	if (ind->standard) {
		jx_html_raw(w, any ? "<br>" : "");
		jx_html_raw(w, "标准：");
		jx_html_esc(w, ind->standard);
	}
	jx_html_raw(w, "</td>");
}

static const char *l1_name(const jx_indicator *ind)
{
	return ind->level1 ? ind->level1 : "";
}

static const char *l2_name(const jx_indicator *ind)
{
	return ind->level2 ? ind->level2 : "";
}

static bool same_l1(const jx_indicator *a, const jx_indicator *b)
{
	return !strcmp(l1_name(a), l1_name(b));
}

static bool same_l2(const jx_indicator *a, const jx_indicator *b)
{
	return same_l1(a, b) && !strcmp(l2_name(a), l2_name(b));
}

/* The indicators of one scope (documents that print 实施期 and 年度 side by side interleave them), level-1 and
 * level-2 cells merged down over the runs that share them. `idx` holds the positions of that scope, in order;
 * every loop advances through it, so this is linear in the number of indicators. */
static void indicator_rows(jx_html_w *w, const jx_indicator_vec *v, const size_t *idx, size_t n, bool with_goal)
{
	size_t i = 0;
	while (i < n && w->rc == 0) {
		const jx_indicator *first = &v->v[idx[i]];
		size_t end1 = i + 1;
		while (end1 < n && same_l1(&v->v[idx[end1]], first))
			end1++;
		for (size_t j = i; j < end1 && w->rc == 0;) {
			size_t end2 = j + 1;
			while (end2 < end1 && same_l2(&v->v[idx[end2]], &v->v[idx[j]]))
				end2++;
			for (size_t k = j; k < end2; k++) {
				const jx_indicator *x = &v->v[idx[k]];
				jx_html_raw(w, "<tr class=\"ind\">");
				if (k == i) {
					jx_html_printf(w, "<td class=\"c l1\" rowspan=\"%zu\">", end1 - i);
					jx_html_esc(w, l1_name(x));
					jx_html_raw(w, "</td>");
				}
				if (k == j) {
					jx_html_printf(w, "<td class=\"c l2\" rowspan=\"%zu\">", end2 - j);
					jx_html_esc(w, l2_name(x));
					jx_html_raw(w, "</td>");
				}
				text_td(w, "", x->name ? x->name : "");
				value_cells(w, &x->value);
				explain_td(w, x, with_goal);
				jx_html_raw(w, "</tr>\n");
			}
			j = end2;
		}
		i = end1;
	}
}

/* Positions of the indicators of `scope`; malloc'ed (NULL when none or out of memory, see *n). */
static size_t *scope_index(const jx_indicator_vec *v, jx_scope scope, size_t *n)
{
	*n = 0;
	size_t *idx = v->n ? malloc(v->n * sizeof *idx) : NULL;
	if (!idx)
		return NULL;
	for (size_t i = 0; i < v->n; i++)
		if (v->v[i].scope == scope)
			idx[(*n)++] = i;
	return idx;
}

static size_t count_scope(const jx_indicator_vec *v, jx_scope scope)
{
	size_t n = 0;
	for (size_t i = 0; i < v->n; i++)
		n += v->v[i].scope == scope;
	return n;
}

/* Ends the open form table and writes the indicators as a table of their own joined below it, so their header
 * row (in thead) repeats on every printed page the indicators run over. */
static void indicator_block(jx_html_w *w, const jx_indicator_vec *v, bool with_goal, bool explained)
{
	size_t ny = count_scope(v, JX_SCOPE_YEAR), np = count_scope(v, JX_SCOPE_PERIOD);
	if (ny + np == 0) {
		jx_html_raw(w, "<tr><td class=\"empty\" colspan=\"7\">未设绩效指标</td></tr>\n</tbody>\n</table>\n");
		return;
	}
	jx_html_raw(w, "</tbody>\n</table>\n<table class=\"form join\">\n");
	grid_cols(w, explained);
	jx_html_raw(w, "<thead><tr><th>一级指标</th><th>二级指标</th><th>三级指标</th><th colspan=\"3\">指标值</th>"
		       "<th>指标解释</th></tr></thead>\n<tbody>\n");
	static const jx_scope scopes[2] = {JX_SCOPE_YEAR, JX_SCOPE_PERIOD};
	static const char *const heads[2] = {"年度绩效指标", "实施期绩效指标"};
	for (int s = 0; s < 2; s++) {
		size_t n = 0;
		size_t *idx = scope_index(v, scopes[s], &n);
		if (!idx) {
			if (w->rc == 0)
				w->rc = JX_ENOMEM;
			return;
		}
		if (n && ny && np)
			jx_html_printf(w, "<tr class=\"ih\"><td class=\"lab\" colspan=\"7\">%s</td></tr>\n", heads[s]);
		indicator_rows(w, v, idx, n, with_goal);
		free(idx);
	}
	jx_html_raw(w, "</tbody>\n</table>\n");
}

/* The unit a project's money is shown in: the unit of its amount, else of its funding. */
static jx_money_unit project_unit(const jx_project *p)
{
	if (p->amount.present && p->amount.unit != JX_MU_NONE)
		return p->amount.unit;
	if (p->amount_total.present && p->amount_total.unit != JX_MU_NONE)
		return p->amount_total.unit;
	for (size_t i = 0; i < p->funding.n; i++) {
		if (p->funding.v[i].year.present && p->funding.v[i].year.unit != JX_MU_NONE)
			return p->funding.v[i].year.unit;
		if (p->funding.v[i].total.present && p->funding.v[i].total.unit != JX_MU_NONE)
			return p->funding.v[i].total.unit;
	}
	return JX_MU_YUAN;
}

static void funding_rows(jx_html_w *w, const jx_project *p, jx_money_unit u)
{
	size_t rows = 2 + p->funding.n;
	const char *un = jx_money_unit_name(u);
	jx_html_printf(w, "<tr><td class=\"lab\" colspan=\"2\" rowspan=\"%zu\">项目资金<br>（%s）</td>", rows,
		       un ? un : "元");
	jx_html_raw(w, "<th>资金来源</th><th colspan=\"2\">实施期资金总额</th><th colspan=\"2\">年度资金总额</th></tr>\n");
	jx_html_raw(w, "<tr><td class=\"b\">资金总额</td>");
	jx_html_amount_td(w, &p->amount_total, u, true, 2);
	jx_html_amount_td(w, &p->amount, u, true, 2);
	jx_html_raw(w, "</tr>\n");
	for (size_t i = 0; i < p->funding.n; i++) {
		const jx_funding *f = &p->funding.v[i];
		jx_html_raw(w, "<tr><td class=\"lv2\">其中：");
		jx_html_esc(w, f->source ? f->source : "");
		jx_html_raw(w, "</td>");
		jx_html_amount_td(w, &f->total, u, false, 2);
		jx_html_amount_td(w, &f->year, u, false, 2);
		jx_html_raw(w, "</tr>\n");
	}
}

/* 资金支出计划: the cumulative percentages by month as printed (3月底 25%；6月底 50% …). */
static void schedule_row(jx_html_w *w, const jx_project *p)
{
	if (!p->schedule.n)
		return;
	jx_html_raw(w, "<tr><td class=\"lab\" colspan=\"2\">资金支出计划<br>（累计）</td><td colspan=\"5\">");
	for (size_t i = 0; i < p->schedule.n; i++) {
		const jx_schedule_point *sp = &p->schedule.v[i];
		if (i)
			jx_html_raw(w, "；　");
		if (sp->label)
			jx_html_esc(w, sp->label);
		else
			jx_html_printf(w, "%d月底", sp->month);
		jx_html_raw(w, " ");
		if (sp->present) {
			char buf[32];
			jx_html_printf(w, "%s%%", jx_decimal_format(&sp->percent, buf));
		} else {
			jx_html_raw(w, "—");
		}
	}
	jx_html_raw(w, "</td></tr>\n");
}

static void write_project(jx_html_w *w, const jx_pkg *pkg, const jx_project *p, size_t idx)
{
	jx_money_unit u = project_unit(p);
	jx_html_printf(w, "<section class=\"sheet\" id=\"proj-%zu\">\n<div class=\"tabno\">项目支出绩效目标表（%zu）</div>\n",
		       idx + 1, idx + 1);
	jx_html_raw(w, "<h2>");
	if (pkg->year > 0)
		jx_html_printf(w, "%d年度", pkg->year);
	jx_html_raw(w, "项目支出绩效目标表</h2>\n<div class=\"meta\"><span></span><span>");
	const char *un = jx_money_unit_name(u);
	jx_html_printf(w, "单位：%s", un ? un : "元");
	bool explained = any_explained(&p->indicators, false);
	jx_html_raw(w, "</span></div>\n<table class=\"form\">\n");
	grid_cols(w, explained);
	jx_html_raw(w, "<tbody>\n");
	field_row(w, "项目名称", jx_html_project_name(p));
	if (p->code)
		field_row(w, "项目编码", p->code);
	field_pair(w, "主管部门", p->supervisor ? p->supervisor : (pkg->dept.name ? pkg->dept.name : ""), "实施单位",
		   p->implementer ? p->implementer : "");
	field_pair(w, "项目属性", p->attribute ? p->attribute : "", "项目期", p->duration ? p->duration : "");
	if (p->category || p->fund)
		field_pair(w, "项目类别", p->category ? p->category : "", "所属专项", p->fund ? p->fund : "");
	funding_rows(w, p, u);
	schedule_row(w, p);
	jx_html_raw(w, "<tr><th colspan=\"2\">总体目标</th><th colspan=\"2\">实施期目标</th><th colspan=\"3\">年度目标</th></tr>\n");
	jx_html_raw(w, "<tr><td class=\"lab\" colspan=\"2\">目标内容</td>");
	text_td(w, "colspan=\"2\"", p->goal_total.s ? p->goal_total.s : "");
	text_td(w, "colspan=\"3\"", p->goal_year.s ? p->goal_year.s : "");
	jx_html_raw(w, "</tr>\n");
	indicator_block(w, &p->indicators, false, explained);
	jx_html_raw(w, "</section>\n");
}

/* A special-fund summary (专项资金绩效目标汇总表): one row per fund with its amount and goals, and the 合计 row. */
static void write_fund(jx_html_w *w, const jx_pkg *pkg, const jx_fund_summary *f, size_t idx)
{
	jx_money_unit u = jx_html_unit_or(JX_MU_NONE, f->total.present ? &f->total : NULL);
	for (size_t i = 0; i < f->items.n && !f->total.present; i++)
		if (f->items.v[i].amount.present) {
			u = jx_html_unit_or(JX_MU_NONE, &f->items.v[i].amount);
			break;
		}
	const char *un = jx_money_unit_name(u);
	jx_html_printf(w, "<section class=\"sheet\" id=\"fund-%zu\">\n<h2>", idx + 1);
	if (f->title)
		jx_html_esc(w, f->title);
	else
		jx_html_raw(w, "专项资金绩效目标汇总表");
	jx_html_raw(w, "</h2>\n<div class=\"meta\"><span>");
	if (pkg->dept.name) {
		jx_html_raw(w, "部门名称：");
		jx_html_esc(w, pkg->dept.name);
	}
	jx_html_printf(w, "</span><span>单位：%s</span></div>\n<table class=\"form\">\n", un ? un : "元");
	jx_html_raw(w, "<colgroup><col style=\"width:7%\"><col style=\"width:20%\"><col style=\"width:13%\">"
		       "<col style=\"width:30%\"><col style=\"width:30%\"></colgroup>\n<thead><tr><th>序号</th>"
		       "<th>专项资金名称</th><th>金额</th><th>实施期绩效目标</th><th>年度绩效目标</th></tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < f->items.n && w->rc == 0; i++) {
		const jx_fund_item *it = &f->items.v[i];
		jx_html_raw(w, "<tr>");
		if (it->no)
			text_td(w, "class=\"c\"", it->no);
		else
			jx_html_printf(w, "<td class=\"c\">%zu</td>", i + 1);
		text_td(w, "", it->name ? it->name : "");
		jx_html_amount_td(w, &it->amount, u, false, 1);
		text_td(w, "", it->goal_period ? it->goal_period : "");
		text_td(w, "", it->goal_year ? it->goal_year : "");
		jx_html_raw(w, "</tr>\n");
	}
	if (f->total.present) {
		jx_html_raw(w, "<tr class=\"total\"><td class=\"c\" colspan=\"2\">合计</td>");
		jx_html_amount_td(w, &f->total, u, true, 1);
		jx_html_raw(w, "<td></td><td></td></tr>\n");
	}
	jx_html_raw(w, "</tbody>\n</table>\n</section>\n");
}

void jx_html_projects(jx_html_w *w, const jx_pkg *pkg)
{
	for (size_t i = 0; i < pkg->funds.n && w->rc == 0; i++)
		write_fund(w, pkg, &pkg->funds.v[i], i);
	for (size_t i = 0; i < pkg->projects.n && w->rc == 0; i++)
		write_project(w, pkg, &pkg->projects.v[i], i);
}

static jx_money_unit overall_unit(const jx_overall *o)
{
	if (o->total.present && o->total.unit != JX_MU_NONE)
		return o->total.unit;
	for (size_t i = 0; i < o->budget.n; i++)
		if (o->budget.v[i].amount.present && o->budget.v[i].amount.unit != JX_MU_NONE)
			return o->budget.v[i].amount.unit;
	for (size_t i = 0; i < o->tasks.n; i++)
		if (o->tasks.v[i].total.present && o->tasks.v[i].total.unit != JX_MU_NONE)
			return o->tasks.v[i].total.unit;
	return JX_MU_WANYUAN;
}

/* Budget lines of one group (按资金来源 / 按支出方向), one name and amount to a row. */
static void budget_group(jx_html_w *w, const jx_overall *o, const char *group, const char *label, jx_money_unit u)
{
	size_t n = 0, k = 0;
	for (size_t i = 0; i < o->budget.n; i++)
		n += o->budget.v[i].group && !strcmp(o->budget.v[i].group, group);
	for (size_t i = 0; i < o->budget.n; i++) {
		const jx_named_amount *a = &o->budget.v[i];
		if (!a->group || strcmp(a->group, group))
			continue;
		jx_html_raw(w, "<tr>");
		if (k++ == 0) {
			jx_html_printf(w, "<td class=\"lab\" colspan=\"2\" rowspan=\"%zu\">", n);
			jx_html_esc(w, label);
			jx_html_raw(w, "</td>");
		}
		bool tot = a->name && (strstr(a->name, "合计") || strstr(a->name, "总计"));
		text_td(w, tot ? "class=\"b\" colspan=\"2\"" : "colspan=\"2\"", a->name ? a->name : "");
		jx_html_amount_td(w, &a->amount, u, tot, 3);
		jx_html_raw(w, "</tr>\n");
	}
}

/* The work tasks in a table of their own (amount columns need more room than the grid gives), joined to the
 * tables above and below so the form reads as one. */
static void tasks_table(jx_html_w *w, const jx_overall *o, jx_money_unit u)
{
	if (!o->tasks.n)
		return;
	bool other = false;
	for (size_t i = 0; i < o->tasks.n; i++)
		other = other || o->tasks.v[i].other.present;
	jx_html_raw(w, "<table class=\"form join\">\n<colgroup><col style=\"width:7%\">");
	jx_html_printf(w, "<col style=\"width:%s\">", other ? "45%" : "57%");
	for (int i = 0; i < (other ? 4 : 3); i++)
		jx_html_raw(w, "<col style=\"width:12%\">");
	jx_html_raw(w, "</colgroup>\n<thead><tr><th>序号</th><th>工作任务</th><th>总额</th><th>基本支出</th><th>项目支出</th>");
	if (other)
		jx_html_raw(w, "<th>其他资金</th>");
	jx_html_raw(w, "</tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < o->tasks.n && w->rc == 0; i++) {
		const jx_task *t = &o->tasks.v[i];
		jx_html_raw(w, "<tr>");
		if (t->no)
			text_td(w, "class=\"c\"", t->no);
		else
			jx_html_printf(w, "<td class=\"c\">%zu</td>", i + 1);
		jx_html_raw(w, "<td>");
		if (t->function) {
			jx_html_esc(w, t->function);
			jx_html_raw(w, "：");
		}
		jx_html_esc(w, t->name);
		if (t->unit) {
			jx_html_raw(w, "（");
			jx_html_esc(w, t->unit);
			jx_html_raw(w, "）");
		}
		jx_html_raw(w, "</td>");
		jx_html_amount_td(w, &t->total, u, false, 1);
		jx_html_amount_td(w, &t->basic, u, false, 1);
		jx_html_amount_td(w, &t->project, u, false, 1);
		if (other)
			jx_html_amount_td(w, &t->other, u, false, 1);
		jx_html_raw(w, "</tr>\n");
	}
	jx_html_raw(w, "</tbody>\n</table>\n");
}

static void goals_block(jx_html_w *w, const jx_overall *o)
{
	if (!o->goals.n && !o->goal.s)
		return;
	size_t rows = o->goals.n + (o->goal.s ? 1 : 0);
	jx_html_printf(w, "<tr><td class=\"lab\" colspan=\"2\" rowspan=\"%zu\">年度绩效目标</td>", rows);
	bool open = true;
	if (o->goal.s) {
		text_td(w, "colspan=\"5\"", o->goal.s);
		jx_html_raw(w, "</tr>\n");
		open = false;
	}
	for (size_t i = 0; i < o->goals.n; i++) {
		const jx_goal *g = &o->goals.v[i];
		if (!open)
			jx_html_raw(w, "<tr>");
		open = false;
		jx_html_raw(w, "<td colspan=\"5\">");
		if (g->no) {
			jx_html_esc(w, g->no);
			jx_html_raw(w, "　");
		}
		jx_html_esc(w, g->text);
		if (g->task) {
			jx_html_raw(w, "（");
			jx_html_esc(w, g->task);
			jx_html_raw(w, "）");
		}
		jx_html_raw(w, "</td></tr>\n");
	}
}

void jx_html_overall(jx_html_w *w, const jx_pkg *pkg)
{
	const jx_overall *o = &pkg->overall;
	jx_money_unit u = overall_unit(o);
	const char *un = jx_money_unit_name(u);
	jx_html_raw(w, "<section class=\"sheet\" id=\"overall\">\n<h2>");
	if (o->title)
		jx_html_esc(w, o->title);
	else if (pkg->year > 0)
		jx_html_printf(w, "%d年部门整体支出绩效目标表", pkg->year);
	else
		jx_html_raw(w, "部门整体支出绩效目标表");
	jx_html_raw(w, "</h2>\n<div class=\"meta\"><span>");
	if (pkg->dept.name) {
		jx_html_raw(w, "部门名称：");
		jx_html_esc(w, pkg->dept.name);
	}
	bool explained = any_explained(&o->indicators, true);
	jx_html_printf(w, "</span><span>单位：%s</span></div>\n<table class=\"form\">\n", un ? un : "万元");
	grid_cols(w, explained);
	jx_html_raw(w, "<tbody>\n");
	field_row(w, "部门名称", pkg->dept.name ? pkg->dept.name : "");
	if (o->total.present) {
		jx_html_raw(w, "<tr><td class=\"lab\" colspan=\"2\">年度预算资金总额</td>");
		jx_html_amount_td(w, &o->total, u, true, 5);
		jx_html_raw(w, "</tr>\n");
	}
	budget_group(w, o, "source", "按资金来源", u);
	budget_group(w, o, "direction", "按支出方向", u);
	for (size_t i = 0; i < o->budget.n; i++) {
		const jx_named_amount *a = &o->budget.v[i];
		if (a->group && (!strcmp(a->group, "source") || !strcmp(a->group, "direction")))
			continue;
		jx_html_raw(w, "<tr>");
		text_td(w, "class=\"lab\" colspan=\"2\"", a->group ? a->group : "其他");
		text_td(w, "colspan=\"2\"", a->name ? a->name : "");
		jx_html_amount_td(w, &a->amount, u, false, 3);
		jx_html_raw(w, "</tr>\n");
	}
	if (o->duties.s || pkg->dept.duties.s)
		field_row(w, "部门职责", o->duties.s ? o->duties.s : pkg->dept.duties.s);
	if (o->strategy.s)
		field_row(w, "战略目标", o->strategy.s);
	jx_html_raw(w, "</tbody>\n</table>\n");
	tasks_table(w, o, u);
	jx_html_raw(w, "<table class=\"form join\">\n");
	grid_cols(w, explained);
	jx_html_raw(w, "<tbody>\n");
	goals_block(w, o);
	indicator_block(w, &o->indicators, true, explained);
	jx_html_raw(w, "</section>\n");
}
