/* actuals_xlsx.c: actuals from the workbook `jx template --eval` writes, once filled in: the 资金执行 table (项目名称 |
 * 金额单位 | 年初预算数 | 全年预算数 | 全年执行数) and the 指标完成 table (项目名称 | 三级指标 | 实际完成值 | 完成等级 | 分值 |
 * 得分 | 偏差原因分析及改进措施). Tables are found by their column words, columns by their headers, projects and
 * indicators matched by name later in jx_eval. Rows left blank are not actuals. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "eval/actuals_xlsx.h"
#include "recognise/vocab.h"
#include "util/arena.h"

#define SQ 128

static int col_of(const jx_grid_row *r, const char *label)
{
	char sq[SQ];
	for (size_t k = 0; k < r->n; k++) {
		jx_vocab_squeeze(r->cells[k].text, strlen(r->cells[k].text), sq, SQ);
		if (!strcmp(sq, label))
			return (int)k;
	}
	return -1;
}

static const jx_cell *at(const jx_grid_row *r, int k)
{
	return k >= 0 && (size_t)k < r->n && r->cells[k].text[0] ? &r->cells[k] : NULL;
}

typedef struct rd {
	jx_actuals *a;
	const char *file;
} rd;

static int fail(const jx_cell *c, const char *file, const char *fmt, const char *what)
{
	return jx_error_set(JX_EPARSE, "%s:%u（第%u个工作表）: %s“%s”", file, c->src.line, c->src.page, fmt, what);
}

static jx_actual_project *project(rd *r, const char *name, jx_src src)
{
	for (size_t i = 0; i < r->a->projects.n; i++)
		if (!strcmp(r->a->projects.v[i].name, name))
			return &r->a->projects.v[i];
	jx_actual_project *p = jx_vec_push(r->a->arena, &r->a->projects);
	if (!p)
		return NULL;
	p->name = jx_arena_strdup(r->a->arena, name);
	p->src = src;
	return p->name ? p : NULL;
}

static int money(rd *r, const jx_cell *c, jx_money_unit unit, jx_amount *out)
{
	if (!c)
		return 0;
	jx_pkg tmp = {.arena = r->a->arena};
	int rc = jx_amount_parse(&tmp, out, c->text, strlen(c->text), unit, c->src);
	if (rc == JX_ENOMEM)
		return rc;
	return rc ? fail(c, r->file, "金额应为数字，而不是", c->text) : 0;
}

static int decimal(rd *r, const jx_cell *c, jx_decimal *out, bool *has)
{
	if (!c)
		return 0;
	int used = jx_decimal_parse(out, c->text, strlen(c->text));
	if (used <= 0 || (size_t)used != strlen(c->text))
		return fail(c, r->file, "分值和得分应为数字，而不是", c->text);
	*has = true;
	return 0;
}

static int money_rows(rd *r, const jx_grid *g, size_t h, bool *any)
{
	const jx_grid_row *hr = &g->rows.v[h];
	int cn = col_of(hr, "项目名称"), cc = col_of(hr, "项目编码"), cu = col_of(hr, "金额单位"),
	    ci = col_of(hr, "年初预算数"), cb = col_of(hr, "全年预算数"), cs = col_of(hr, "全年执行数");
	for (size_t i = h + 1; i < g->rows.n && g->rows.v[i].src.page == hr->src.page; i++) {
		const jx_grid_row *row = &g->rows.v[i];
		const jx_cell *name = at(row, cn);
		if (!name)
			break;
		jx_money_unit unit = JX_MU_WANYUAN;
		const jx_cell *u = at(row, cu);
		if (u && !(unit = jx_money_unit_parse(u->text)))
			return fail(u, r->file, "金额单位应为 元 或 万元，而不是", u->text);
		const jx_cell *budget = at(row, cb), *spent = at(row, cs);
		if (!budget && !spent)
			continue; /* nothing filled in for this project */
		jx_actual_project *p = project(r, name->text, row->src);
		if (!p)
			return JX_ENOMEM;
		const jx_cell *code = at(row, cc);
		if (code && !(p->code = jx_arena_strdup(r->a->arena, code->text)))
			return JX_ENOMEM;
		int rc;
		if ((rc = money(r, at(row, ci), unit, &p->budget_initial)) || (rc = money(r, budget, unit, &p->budget)) ||
		    (rc = money(r, spent, unit, &p->spent)))
			return rc;
		*any = true;
	}
	return 0;
}

static int indicator_rows(rd *r, const jx_grid *g, size_t h, bool *any)
{
	const jx_grid_row *hr = &g->rows.v[h];
	int cn = col_of(hr, "项目名称"), c3 = col_of(hr, "三级指标"), ca = col_of(hr, "实际完成值"),
	    cl = col_of(hr, "完成等级"), cw = col_of(hr, "分值"), cs = col_of(hr, "得分"),
	    cr = col_of(hr, "偏差原因分析及改进措施");
	for (size_t i = h + 1; i < g->rows.n && g->rows.v[i].src.page == hr->src.page; i++) {
		const jx_grid_row *row = &g->rows.v[i];
		const jx_cell *pname = at(row, cn), *iname = at(row, c3);
		if (!pname || !iname)
			break;
		const jx_cell *actual = at(row, ca), *level = at(row, cl), *w = at(row, cw), *s = at(row, cs),
			      *reason = at(row, cr);
		if (!actual && !level && !w && !s && !reason)
			continue;
		jx_actual_project *p = project(r, pname->text, row->src);
		if (!p)
			return JX_ENOMEM;
		jx_actual_ind *ind = jx_vec_push(r->a->arena, &p->indicators);
		if (!ind || !(ind->name = jx_arena_strdup(r->a->arena, iname->text)))
			return JX_ENOMEM;
		ind->src = iname->src;
		if (actual) {
			if (jx_value_parse(&ind->actual, actual->text, strlen(actual->text), r->a->arena) == JX_ENOMEM)
				return JX_ENOMEM;
			ind->has_actual = true;
		}
		if (level && jx_level_parse(level->text, &ind->level))
			return fail(level, r->file, "完成等级只能是 达成年度指标、部分达成并具有一定效果 或 未达成且效果较差，而不是",
				    level->text);
		if (reason && !(ind->reason = jx_arena_strdup(r->a->arena, reason->text)))
			return JX_ENOMEM;
		int rc;
		if ((rc = decimal(r, w, &ind->weight, &ind->has_weight)) || (rc = decimal(r, s, &ind->score, &ind->has_score)))
			return rc;
		*any = true;
	}
	return 0;
}

int jx_actuals_from_grid(jx_actuals **out, const jx_grid *g, const char *file)
{
	*out = NULL;
	jx_actuals *a = calloc(1, sizeof *a);
	if (!a || !(a->arena = jx_arena_new())) {
		free(a);
		return jx_error_set(JX_ENOMEM, "内存不足");
	}
	a->file = jx_arena_strdup(a->arena, file);
	rd r = {a, file};
	bool tables = false, any = false;
	int rc = 0;
	for (size_t i = 0; !rc && i < g->rows.n; i++) {
		const jx_grid_row *row = &g->rows.v[i];
		if (!a->year && row->n && strstr(row->cells[0].text, "实际完成情况")) {
			int y = 0;
			const char *nian = strstr(row->cells[0].text, "年项目支出");
			if (nian && nian - row->cells[0].text >= 4 && sscanf(nian - 4, "%4d", &y) == 1 && y >= 1900 && y <= 2100)
				a->year = y;
		}
		if (col_of(row, "项目名称") < 0)
			continue;
		if (col_of(row, "全年执行数") >= 0) {
			tables = true;
			rc = money_rows(&r, g, i, &any);
		} else if (col_of(row, "三级指标") >= 0 && col_of(row, "实际完成值") >= 0) {
			tables = true;
			rc = indicator_rows(&r, g, i, &any);
		}
	}
	if (!rc && !tables)
		rc = jx_error_set(JX_EFORMAT, "%s: 不是实际完成情况填报表（找不到“全年执行数”或“实际完成值”列；请用 jx template --eval 生成）",
				  file);
	else if (!rc && !any)
		rc = jx_error_set(JX_EINVAL, "%s: 填报表中还没有填写任何实际完成情况", file);
	if (rc) {
		jx_actuals_free(a);
		return rc == JX_ENOMEM ? jx_error_set(JX_ENOMEM, "内存不足") : rc;
	}
	*out = a;
	return 0;
}

int jx_actuals_from_xlsx(jx_actuals **out, const char *data, size_t len, const char *file)
{
	*out = NULL;
	jx_pkg *tmp = jx_pkg_new(); /* the grid's arena */
	if (!tmp)
		return jx_error_set(JX_ENOMEM, "内存不足");
	jx_grid g = {0};
	int rc = jx_grid_read_xlsx(&g, tmp, data, len, file);
	if (!rc)
		rc = jx_actuals_from_grid(out, &g, file);
	jx_pkg_free(tmp);
	return rc;
}
