/* render_eval.c: the self-evaluation as text (line by line, so every point can be followed), JSON and a printable
 * HTML page laid out like the 项目支出绩效自评表. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "eval/eval_int.h"

static const char *d2(const jx_decimal *d, char buf[32]) { return jx_decimal_format(d, buf); }

static const char *money(const jx_amount *a, char buf[64])
{
	if (!a->present)
		return "—";
	char t[40];
	jx_amount_format(a, t);
	const char *u = jx_money_unit_name(a->unit);
	snprintf(buf, 64, "%s%s", t, u ? u : "");
	return buf;
}

static const char *l1_name(jx_level1 l1)
{
	const char *s = jx_level1_name(l1);
	return s ? s : "";
}

static const char *actual_text(const jx_ind_score *is)
{
	if (!is->act)
		return "（未填）";
	if (is->act->has_actual)
		return is->act->actual.text;
	return is->act->level ? jx_level_zh(is->act->level) : "（未填）";
}

/* Projects scored (the department as a whole is not one of them), and whether the department was scored too. */
static size_t scored_projects(const jx_evaluation *e, bool *overall)
{
	size_t n = 0;
	*overall = false;
	for (size_t i = 0; i < e->projects.n; i++) {
		n += !e->projects.v[i].overall;
		*overall |= e->projects.v[i].overall;
	}
	return n;
}

static int render_text(const jx_evaluation *e, jx_buf *b)
{
	char x[32], y[32], m1[64], m2[64];
	const jx_pkg *pkg = e->pkg;
	bool dept = false;
	size_t np = scored_projects(e, &dept);
	jx_buf_printf(b, "绩效自评：%s%s%d 年（", pkg->dept.name ? pkg->dept.name : "", pkg->dept.name ? " " : "",
		      pkg->year);
	if (np)
		jx_buf_printf(b, "评分项目 %zu 个，平均 %s 分", np, d2(&e->average, x));
	else
		jx_buf_puts(b, "未评项目");
	jx_buf_printf(b, "%s）\n", dept ? "；另评部门整体" : "");
	for (size_t i = 0; i < e->projects.n; i++) {
		const jx_project_score *ps = &e->projects.v[i];
		if (ps->overall)
			jx_buf_printf(b, "\n部门整体“%s”：%s 分，%s\n", ps->project->name ? ps->project->name : "",
				      d2(&ps->total, x), ps->grade);
		else
			jx_buf_printf(b, "\n项目“%s”：%s 分，%s（第 %d 名）\n", ps->project->name ? ps->project->name : "",
				      d2(&ps->total, x), ps->grade, ps->rank);
		if (ps->has_rate)
			jx_buf_printf(b, "  预算执行：全年预算数 %s，全年执行数 %s，执行率 %s%%，得分 %s\n", money(&ps->budget, m1),
				      money(&ps->spent, m2), d2(&ps->rate, x), d2(&ps->budget_score, y));
		else
			jx_buf_printf(b, "  预算执行：全年预算数 %s，全年执行数 %s，得分 0\n", money(&ps->budget, m1),
				      money(&ps->spent, m2));
		for (size_t k = 0; k < ps->indicators.n; k++) {
			const jx_ind_score *is = &ps->indicators.v[k];
			const jx_indicator *ind = is->ind;
			jx_buf_printf(b, "  [%s/%s] %s：目标 %s，实际 %s，分值 %s，得分 %s（%s）\n", l1_name(is->l1),
				      ind->level2 ? ind->level2 : "", ind->name ? ind->name : "",
				      ind->value.text ? ind->value.text : "", actual_text(is), d2(&is->weight, x),
				      d2(&is->score, y), is->how ? is->how : "");
			if (is->act && is->act->reason)
				jx_buf_printf(b, "      偏差原因：%s\n", is->act->reason);
		}
		for (size_t k = 0; k < ps->notes.n; k++)
			jx_buf_printf(b, "  提示：%s\n", ps->notes.v[k].message);
	}
	for (size_t k = 0; k < e->notes.n; k++)
		jx_buf_printf(b, "提示：%s\n", e->notes.v[k].message);
	if (np) {
		jx_buf_puts(b, "\n部门汇总（按得分排名）\n");
		for (int rank = 1; rank <= (int)e->projects.n; rank++)
			for (size_t i = 0; i < e->projects.n; i++)
				if (e->projects.v[i].rank == rank)
					jx_buf_printf(b, "  %2d  %s  %s  %s\n", rank, d2(&e->projects.v[i].total, x),
						      e->projects.v[i].grade, e->projects.v[i].project->name);
	}
	return b->ptr || b->len == 0 ? 0 : JX_ENOMEM;
}

/* A decimal as a JSON number: whole values as integers, others through a double printed with 15 significant digits
 * (exact for every decimal of up to 15 digits). */
static json_t *num(const jx_decimal *d)
{
	jx_decimal t = *d;
	while (t.scale > 0 && t.digits % 10 == 0) {
		t.digits /= 10;
		t.scale--;
	}
	if (t.scale == 0)
		return json_integer(t.digits);
	char buf[32];
	return json_real(strtod(jx_decimal_format(&t, buf), NULL));
}

static json_t *notes_json(const jx_eval_note *v, size_t n)
{
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++) {
		json_t *o = json_pack("{s:s, s:s}", "code", v[i].code, "message", v[i].message);
		if (o && v[i].src.line)
			json_object_set_new(o, "line", json_integer(v[i].src.line));
		json_array_append_new(a, o);
	}
	return a;
}

static json_t *amount_json(const jx_amount *a)
{
	if (!a->present)
		return json_null();
	jx_decimal yuan = {a->fen, 2};
	return num(&yuan);
}

static int render_json(const jx_evaluation *e, jx_buf *b)
{
	json_t *root = json_object(), *projects = json_array();
	json_object_set_new(root, "department", e->pkg->dept.name ? json_string(e->pkg->dept.name) : json_null());
	json_object_set_new(root, "year", json_integer(e->pkg->year));
	bool dept = false;
	/* No projects scored (only the department as a whole): there is no average. */
	json_object_set_new(root, "average", scored_projects(e, &dept) ? num(&e->average) : json_null());
	for (size_t i = 0; i < e->projects.n; i++) {
		const jx_project_score *ps = &e->projects.v[i];
		json_t *p = json_object(), *inds = json_array();
		json_object_set_new(p, "name", json_string(ps->project->name ? ps->project->name : ""));
		json_object_set_new(p, "total", num(&ps->total));
		json_object_set_new(p, "grade", json_string(ps->grade));
		json_object_set_new(p, "rank", ps->overall ? json_null() : json_integer(ps->rank));
		if (ps->overall)
			json_object_set_new(p, "overall", json_true());
		json_t *bud = json_object();
		json_object_set_new(bud, "budget_yuan", amount_json(&ps->budget));
		json_object_set_new(bud, "spent_yuan", amount_json(&ps->spent));
		json_object_set_new(bud, "rate_percent", ps->has_rate ? num(&ps->rate) : json_null());
		json_object_set_new(bud, "score", num(&ps->budget_score));
		json_object_set_new(p, "execution", bud);
		for (size_t k = 0; k < ps->indicators.n; k++) {
			const jx_ind_score *is = &ps->indicators.v[k];
			json_t *o = json_object();
			json_object_set_new(o, "level1", json_string(l1_name(is->l1)));
			json_object_set_new(o, "level2", is->ind->level2 ? json_string(is->ind->level2) : json_null());
			json_object_set_new(o, "name", json_string(is->ind->name ? is->ind->name : ""));
			json_object_set_new(o, "target", json_string(is->ind->value.text ? is->ind->value.text : ""));
			json_object_set_new(o, "actual", is->act && is->act->has_actual ? json_string(is->act->actual.text)
										     : json_null());
			if (is->act && is->act->level)
				json_object_set_new(o, "level", json_string(jx_level_zh(is->act->level)));
			json_object_set_new(o, "weight", num(&is->weight));
			json_object_set_new(o, "score", num(&is->score));
			json_object_set_new(o, "how", json_string(is->how ? is->how : ""));
			if (is->act && is->act->reason)
				json_object_set_new(o, "reason", json_string(is->act->reason));
			if (is->ind->src.line)
				json_object_set_new(o, "line", json_integer(is->ind->src.line));
			json_array_append_new(inds, o);
		}
		json_object_set_new(p, "indicators", inds);
		json_object_set_new(p, "notes", notes_json(ps->notes.v, ps->notes.n));
		json_array_append_new(projects, p);
	}
	json_object_set_new(root, "projects", projects);
	json_object_set_new(root, "notes", notes_json(e->notes.v, e->notes.n));
	char *s = json_dumps(root, JSON_INDENT(2) | JSON_REAL_PRECISION(15) | JSON_PRESERVE_ORDER);
	json_decref(root);
	int rc = s && !jx_buf_puts(b, s) && !jx_buf_putc(b, '\n') ? 0 : JX_ENOMEM;
	free(s);
	return rc;
}

static void esc(jx_buf *b, const char *s)
{
	if (s)
		(void)jx_buf_put_html(b, s, strlen(s), JX_HTML_NL_KEEP); /* uncapped: fails only when out of memory */
}

/* One table per project in the layout of the 项目支出绩效自评表. */
static int render_html(const jx_evaluation *e, jx_buf *b)
{
	char x[32], y[32], m1[64], m2[64];
	jx_buf_puts(b, "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>项目支出绩效自评表</title>\n"
		       "<style>\n@page { size: A4; margin: 15mm; }\n"
		       "body { font-family: \"Noto Sans CJK SC\", \"Source Han Sans SC\", \"Microsoft YaHei\", \"PingFang SC\", "
		       "\"SimSun\", sans-serif; font-size: 10.5pt; color: #111; max-width: 190mm; margin: auto; }\n"
		       "table { border-collapse: collapse; width: 100%; margin: 6pt 0 14pt; page-break-inside: auto; }\n"
		       "th, td { border: 1px solid #444; padding: 3pt 4pt; vertical-align: top; }\n"
		       "th { background: #eee; font-weight: bold; }\n td.n { text-align: right; white-space: nowrap; }\n"
		       "section { page-break-after: always; }\n"
		       ".how { color: #444; font-size: 9pt; white-space: normal; text-align: left; }\n"
		       "table.ind { table-layout: fixed; }\n"
		       ".note { border-left: 3pt solid #b60; padding-left: 6pt; margin: 3pt 0; }\n</style>\n</head>\n<body>\n");
	jx_buf_puts(b, "<h1>项目支出绩效自评</h1>\n<p>");
	esc(b, e->pkg->dept.name);
	bool dept = false;
	size_t np = scored_projects(e, &dept);
	jx_buf_printf(b, " %d 年，", e->pkg->year);
	if (np)
		jx_buf_printf(b, "评分项目 %zu 个，平均 %s 分", np, d2(&e->average, x));
	else
		jx_buf_puts(b, "未评项目");
	jx_buf_printf(b, "%s。</p>\n", dept ? "；另评部门整体（见下）" : "");
	jx_buf_puts(b, "<table><tr><th>排名</th><th>项目名称</th><th>得分</th><th>等级</th></tr>\n");
	for (int rank = 1; rank <= (int)e->projects.n; rank++)
		for (size_t i = 0; i < e->projects.n; i++)
			if (e->projects.v[i].rank == rank) {
				jx_buf_printf(b, "<tr><td class=\"n\">%d</td><td>", rank);
				esc(b, e->projects.v[i].project->name);
				jx_buf_printf(b, "</td><td class=\"n\">%s</td><td>%s</td></tr>\n", d2(&e->projects.v[i].total, x),
					      e->projects.v[i].grade);
			}
	jx_buf_puts(b, "</table>\n");
	for (size_t i = 0; i < e->projects.n; i++) {
		const jx_project_score *ps = &e->projects.v[i];
		jx_buf_puts(b, ps->overall ? "<section>\n<h2>部门整体支出绩效自评表：" : "<section>\n<h2>项目支出绩效自评表：");
		esc(b, ps->project->name);
		jx_buf_puts(b, "</h2>\n<table>\n<tr><th>项目资金</th><th>全年预算数</th><th>全年执行数</th><th>分值</th>"
			       "<th>执行率</th><th>得分</th></tr>\n<tr><td>年度资金总额</td>");
		jx_buf_printf(b, "<td class=\"n\">%s</td><td class=\"n\">%s</td><td class=\"n\">10</td><td class=\"n\">%s%s</td>"
				 "<td class=\"n\">%s</td></tr>\n</table>\n",
			      money(&ps->budget, m1), money(&ps->spent, m2), ps->has_rate ? d2(&ps->rate, x) : "—",
			      ps->has_rate ? "%" : "", d2(&ps->budget_score, y));
		jx_buf_puts(b, "<table class=\"ind\">\n<colgroup><col style=\"width:8%\"><col style=\"width:10%\">"
			       "<col style=\"width:15%\"><col style=\"width:11%\"><col style=\"width:11%\">"
			       "<col style=\"width:6%\"><col style=\"width:21%\"><col style=\"width:18%\"></colgroup>\n"
			       "<tr><th>一级指标</th><th>二级指标</th><th>三级指标</th><th>年度指标值</th>"
			       "<th>实际完成值</th><th>分值</th><th>得分</th><th>偏差原因分析及改进措施</th></tr>\n");
		for (size_t k = 0; k < ps->indicators.n; k++) {
			const jx_ind_score *is = &ps->indicators.v[k];
			jx_buf_puts(b, "<tr><td>");
			esc(b, l1_name(is->l1));
			jx_buf_puts(b, "</td><td>");
			esc(b, is->ind->level2);
			jx_buf_puts(b, "</td><td>");
			esc(b, is->ind->name);
			jx_buf_puts(b, "</td><td>");
			esc(b, is->ind->value.text);
			jx_buf_puts(b, "</td><td>");
			esc(b, actual_text(is));
			jx_buf_printf(b, "</td><td class=\"n\">%s</td><td class=\"n\">%s<div class=\"how\">", d2(&is->weight, x),
				      d2(&is->score, y));
			esc(b, is->how);
			jx_buf_puts(b, "</div></td><td>");
			esc(b, is->act ? is->act->reason : NULL);
			jx_buf_puts(b, "</td></tr>\n");
		}
		jx_buf_printf(b, "<tr><th colspan=\"6\">总分</th><th class=\"n\">%s</th><th>%s</th></tr>\n</table>\n",
			      d2(&ps->total, x), ps->grade);
		for (size_t k = 0; k < ps->notes.n; k++) {
			jx_buf_puts(b, "<p class=\"note\">");
			esc(b, ps->notes.v[k].message);
			jx_buf_puts(b, "</p>\n");
		}
		jx_buf_puts(b, "</section>\n");
	}
	jx_buf_puts(b, "</body>\n</html>\n");
	return b->ptr ? 0 : JX_ENOMEM;
}

int jx_evaluation_render(const jx_evaluation *e, jx_eval_format fmt, char **out, size_t *len)
{
	if (fmt == JX_EVAL_XLSX)
		return jx_eval_xlsx_bytes(e, out, len);
	jx_buf b = JX_BUF_INIT;
	int rc = fmt == JX_EVAL_TEXT ? render_text(e, &b) : fmt == JX_EVAL_JSON ? render_json(e, &b)
						       : fmt == JX_EVAL_HTML ? render_html(e, &b) : JX_EINVAL;
	if (rc) {
		jx_buf_release(&b);
		return rc;
	}
	jx_buf_cstr(&b);
	*out = jx_buf_detach(&b, len);
	return *out ? 0 : JX_ENOMEM;
}
