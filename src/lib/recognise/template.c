/* template.c: the 项目支出绩效目标表 in the layout of jx's fill-in template and of its XLSX project sheets, on grids of
 * true cells: 项目名称 / 主管部门 | 实施单位 / 项目属性 | 项目期 label rows, the 项目资金 block (资金来源 | 实施期资金总额 |
 * 年度资金总额), 实施期目标 | 年度目标, and indicator rows under the header 一级指标 | 二级指标 | 三级指标 | 符号 | 指标值 |
 * 计量单位; and the overall target table as jx renders it (部门名称, 年度预算, 工作任务, the same indicator header). Found by that header (the 符号 and 计量单位 columns set it apart from the published forms); rows are aligned
 * on their last cell because cells merged on the left come out blank or missing. */
#include <stdio.h>
#include <string.h>

#include "recognise/recognise.h"
#include "recognise/vocab.h"
#include "render/sheet.h"
#include "render/template_int.h"
#include "util/arena.h"

#define SQ 256
#define LOOKAHEAD 64 /* rows between 项目名称 and the indicator header */

typedef struct tp {
	jx_rec_ctx *ctx;
	jx_pkg *pkg;
	const jx_grid *g;
} tp;

static void squeeze(const char *s, char out[SQ]) { jx_vocab_squeeze(s, strlen(s), out, SQ); }

static bool cell_is(const jx_cell *c, const char *label)
{
	char sq[SQ];
	squeeze(c->text, sq);
	return !strcmp(sq, label);
}

static int col_of(const jx_grid_row *r, const char *label)
{
	for (size_t k = 0; k < r->n; k++)
		if (cell_is(&r->cells[k], label))
			return (int)k;
	return -1;
}

/* The first non-blank cell of a row, or NULL. */
static const jx_cell *first(const jx_grid_row *r)
{
	for (size_t k = 0; k < r->n; k++)
		if (*r->cells[k].text)
			return &r->cells[k];
	return NULL;
}

static const jx_cell *aligned(const jx_grid_row *r, size_t hn, int hc)
{
	if (hc < 0)
		return NULL;
	long k = (long)hc + (long)r->n - (long)hn;
	if (k < 0 || (size_t)k >= r->n)
		return NULL;
	return &r->cells[k];
}

static bool is_ind_header(const jx_grid_row *r)
{
	return col_of(r, "一级指标") >= 0 && col_of(r, "三级指标") >= 0 && col_of(r, "符号") >= 0 &&
	       col_of(r, "指标值") >= 0 && col_of(r, "计量单位") >= 0;
}

static const char *dup(tp *t, const jx_cell *c)
{
	return c && *c->text ? jx_arena_strdup(t->pkg->arena, c->text) : NULL;
}

/* The value of a label: the next non-blank cell after it in the row. */
static const jx_cell *after(const jx_grid_row *r, const char *label)
{
	int k = col_of(r, label);
	if (k < 0)
		return NULL;
	for (size_t j = (size_t)k + 1; j < r->n; j++)
		if (*r->cells[j].text)
			return &r->cells[j];
	return NULL;
}

static int money(tp *t, const jx_cell *c, jx_amount *out, jx_money_unit unit, const char *what, const char *proj)
{
	if (!c || !*c->text)
		return 0;
	int rc = jx_amount_parse(t->pkg, out, c->text, strlen(c->text), unit, c->src);
	if (rc == JX_ENOMEM)
		return rc;
	if (rc) {
		*out = (jx_amount){0};
		return jx_pkg_note(t->pkg, JX_NOTE_WARNING, "import.template-number", proj, c->src,
				   "%s“%s”不是数字，已忽略", what, c->text);
	}
	return 0;
}

/* 符号 + 指标值 + 计量单位 back to one value text for the value grammar. */
static int indicator_value(tp *t, jx_indicator *ind, const jx_cell *sym, const jx_cell *val, const jx_cell *unit,
			   const char *proj)
{
	const char *s = sym ? sym->text : "", *v = val ? val->text : "", *u = unit ? unit->text : "";
	jx_op op = JX_OP_NONE;
	if (jx_sheet_op_parse(s, &op)) {
		int rc = jx_pkg_note(t->pkg, JX_NOTE_WARNING, "import.template-comparator", proj, sym->src,
				     "符号“%s”无法识别（应为 ≥ ≤ = > < ≈ 或 定性），按无符号读取", s);
		if (rc)
			return rc;
	}
	jx_decimal d;
	int used = jx_decimal_parse(&d, v, strlen(v));
	const char *text;
	if (*v && used > 0 && (size_t)used == strlen(v)) {
		text = jx_arena_printf(t->pkg->arena, "%s%s%s", jx_op_symbol(op), v, u);
	} else {
		jx_value probe;
		if (jx_value_parse(&probe, v, strlen(v), t->pkg->arena) == JX_ENOMEM)
			return JX_ENOMEM;
		/* Text that names its own comparator ("2025年12月31日前") is taken as written. */
		text = probe.op == JX_OP_NONE && op != JX_OP_NONE ? jx_arena_printf(t->pkg->arena, "%s%s%s", jx_op_symbol(op), v, u)
			: *u && probe.kind != JX_KIND_QUALITATIVE ? jx_arena_printf(t->pkg->arena, "%s%s", v, u)
								  : jx_arena_strdup(t->pkg->arena, v);
	}
	if (!text)
		return JX_ENOMEM;
	int rc = jx_value_parse(&ind->value, text, strlen(text), t->pkg->arena);
	return rc == JX_ENOMEM ? rc : 0;
}

/* Indicator rows below header h, up to a blank row, another heading or the end of the sheet. */
static int read_indicators(tp *t, size_t h, size_t end, jx_indicator_vec *vec, const char *subject, jx_scope scope,
			   size_t *next)
{
	const jx_grid_row *hr = &t->g->rows.v[h];
	size_t hn = hr->n;
	int c1 = col_of(hr, "一级指标"), c2 = col_of(hr, "二级指标"), c3 = col_of(hr, "三级指标"), cs = col_of(hr, "符号"),
	    cv = col_of(hr, "指标值"), cu = col_of(hr, "计量单位"), cd = col_of(hr, "指标解释");
	const char *l1text = NULL, *l2text = NULL;
	size_t i = h + 1;
	for (; i < end; i++) {
		const jx_grid_row *r = &t->g->rows.v[i];
		if (r->src.page != hr->src.page || r->paragraph)
			break;
		const jx_cell *name = aligned(r, hn, c3);
		const jx_cell *f = first(r);
		if (!f)
			break;
		if (!name || !*name->text) {
			/* A heading row ("实施期绩效指标") or a row without a level-3 name ends the block. */
			if (r->n < 3)
				break;
			continue;
		}
		t->ctx->claimed[i] = 1;
		jx_indicator *ind = jx_vec_push(t->pkg->arena, vec);
		if (!ind)
			return JX_ENOMEM;
		ind->src = r->src;
		ind->scope = scope;
		const jx_cell *a1 = aligned(r, hn, c1), *a2 = aligned(r, hn, c2);
		if (a1 && *a1->text)
			l1text = a1->text, l2text = NULL;
		if (a2 && *a2->text)
			l2text = a2->text;
		bool ap1 = false, ap2 = false;
		ind->l2 = l2text ? jx_vocab_level2(l2text, strlen(l2text), &ap2) : JX_L2_UNKNOWN;
		ind->l1 = l1text ? jx_vocab_level1(l1text, strlen(l1text), &ap1) : JX_L1_UNKNOWN;
		if (!ind->l1 && ind->l2) {
			ind->l1 = jx_level2_parent(ind->l2);
			ind->repairs |= JX_REPAIR_L1_INFERRED;
		}
		if (ap1)
			ind->repairs |= JX_REPAIR_L1_OCR;
		if (ap2)
			ind->repairs |= JX_REPAIR_L2_OCR;
		ind->level1_text = l1text ? jx_arena_strdup(t->pkg->arena, l1text) : NULL;
		ind->level2_text = l2text ? jx_arena_strdup(t->pkg->arena, l2text) : NULL;
		ind->level1 = ind->l1 ? jx_level1_name(ind->l1) : ind->level1_text;
		ind->level2 = ind->l2 ? jx_level2_name(ind->l2) : ind->level2_text;
		ind->name = dup(t, name);
		ind->desc = dup(t, aligned(r, hn, cd));
		int rc = indicator_value(t, ind, aligned(r, hn, cs), aligned(r, hn, cv), aligned(r, hn, cu), subject);
		if (rc)
			return rc;
		if (!ind->l2 && l2text && (rc = jx_pkg_note(t->pkg, JX_NOTE_WARNING, "import.template-level", subject,
							    r->src, "二级指标“%s”不在指标体系中", l2text)))
			return rc;
	}
	*next = i;
	return 0;
}

/* One form starting at the 项目名称 row `start`; `ih` is its indicator header. */
static int read_form(tp *t, size_t start, size_t ih, size_t *next)
{
	const jx_grid *g = t->g;
	const jx_grid_row *nr = &g->rows.v[start];
	uint32_t page = nr->src.page;
	/* Title, year and unit in the rows above (same sheet). */
	jx_money_unit unit = JX_MU_NONE;
	const char *unit_label = NULL;
	size_t top = start;
	for (size_t k = start; k > 0 && start - k < 4; k--) {
		const jx_grid_row *r = &g->rows.v[k - 1];
		if (r->src.page != page)
			break;
		const jx_cell *f = first(r);
		if (!f)
			continue;
		const jx_cell *y = after(r, "预算年度"), *u = after(r, "金额单位");
		if (y && !t->pkg->year) {
			jx_decimal d;
			if (jx_decimal_parse(&d, y->text, strlen(y->text)) > 0 && d.scale == 0 && d.digits >= 1900 &&
			    d.digits <= 2100)
				t->pkg->year = (int)d.digits;
		}
		if (u)
			unit = jx_money_unit_parse(u->text);
		if (!strncmp(f->text, "单位", strlen("单位"))) {
			unit = jx_money_unit_parse(f->text);
			unit_label = f->text;
		}
		if (strstr(f->text, "绩效目标表") && !t->pkg->year) {
			int y4 = 0;
			if (sscanf(f->text, "%4d年", &y4) == 1 && y4 >= 1900 && y4 <= 2100)
				t->pkg->year = y4;
		}
		top = k - 1;
	}
	if (!unit)
		unit = JX_MU_WANYUAN; /* the template's default */
	const jx_cell *name = after(nr, "项目名称");
	size_t end = ih + 1;
	while (end < g->rows.n && g->rows.v[end].src.page == page && col_of(&g->rows.v[end], "项目名称") < 0)
		end++;
	*next = end;
	if (!name) {
		for (size_t k = top; k < end; k++)
			t->ctx->claimed[k] = 1;
		return jx_pkg_note(t->pkg, JX_NOTE_WARNING, "import.template-empty", NULL, nr->src,
				   "绩效目标表没有填写项目名称，已跳过");
	}
	jx_project *p = jx_vec_push(t->pkg->arena, &t->pkg->projects);
	if (!p)
		return JX_ENOMEM;
	p->name = dup(t, name);
	p->src = nr->src;
	p->unit_label = unit_label ? jx_arena_strdup(t->pkg->arena, unit_label)
				   : jx_arena_printf(t->pkg->arena, "单位：%s", jx_money_unit_name(unit));
	int rc = 0;
	for (size_t k = top; k <= ih; k++) {
		const jx_grid_row *r = &g->rows.v[k];
		t->ctx->claimed[k] = 1;
		const jx_cell *c;
		if ((c = after(r, "主管部门")))
			p->supervisor = dup(t, c);
		if ((c = after(r, "实施单位")))
			p->implementer = dup(t, c);
		if ((c = after(r, "项目属性")))
			p->attribute = dup(t, c);
		if ((c = after(r, "项目期")))
			p->duration = dup(t, c);
		int ct = col_of(r, "实施期资金总额"), cy = col_of(r, "年度资金总额"), cf = col_of(r, "资金来源");
		if (ct >= 0 && cy >= 0 && cf >= 0) {
			size_t hn = r->n;
			for (size_t m = k + 1; m < ih; m++) {
				const jx_grid_row *mr = &g->rows.v[m];
				const jx_cell *src = aligned(mr, hn, cf);
				if (!src || !*src->text || col_of(mr, "实施期目标") >= 0)
					break;
				t->ctx->claimed[m] = 1;
				jx_amount total = {0}, year = {0};
				if ((rc = money(t, aligned(mr, hn, ct), &total, unit, src->text, p->name)) ||
				    (rc = money(t, aligned(mr, hn, cy), &year, unit, src->text, p->name)))
					return rc;
				if (cell_is(src, "合计")) {
					p->amount_total = total;
					p->amount = year;
					continue;
				}
				if (!total.present && !year.present)
					continue; /* an unused funding line of the template */
				jx_funding *fd = jx_vec_push(t->pkg->arena, &p->funding);
				if (!fd)
					return JX_ENOMEM;
				fd->source = dup(t, src);
				fd->total = total;
				fd->year = year;
				fd->src = mr->src;
			}
		}
		int gt = col_of(r, "实施期目标"), gy = col_of(r, "年度目标");
		/* The goal texts are on the next line; a blank line is not in the grid, so check the line number. */
		if (gt >= 0 && gy >= 0 && k + 1 < ih && g->rows.v[k + 1].src.line == r->src.line + 1 &&
		    !is_ind_header(&g->rows.v[k + 1]) && g->rows.v[k + 1].n == r->n) {
			const jx_grid_row *gr = &g->rows.v[k + 1];
			const jx_cell *a = aligned(gr, r->n, gt), *b = aligned(gr, r->n, gy);
			if (a && *a->text)
				p->goal_total = (jx_text){dup(t, a), a->src};
			if (b && *b->text)
				p->goal_year = (jx_text){dup(t, b), b->src};
		}
	}
	size_t after_rows = ih;
	if ((rc = read_indicators(t, ih, end, &p->indicators, p->name, JX_SCOPE_YEAR, &after_rows)))
		return rc;
	/* A second block for the whole period (实施期绩效指标) may follow. */
	for (size_t k = after_rows; k < end; k++) {
		t->ctx->claimed[k] = 1;
		if (is_ind_header(&g->rows.v[k])) {
			if ((rc = read_indicators(t, k, end, &p->indicators, p->name, JX_SCOPE_PERIOD, &after_rows)))
				return rc;
			k = after_rows - 1;
		}
	}
	if (!p->amount.present && !p->indicators.n)
		rc = jx_pkg_note(t->pkg, JX_NOTE_WARNING, "import.template-incomplete", p->name, p->src,
				 "项目“%s”的绩效目标表没有金额也没有绩效指标", p->name);
	return rc;
}

/* The overall target table as jx renders it: 部门名称, 年度预算 (资金总额 and 按资金来源 / 按资金方向 lines), 部门职责,
 * 部门战略目标, 年度绩效目标, 工作任务 with amounts, 目标N lines, and the indicators. `start` is the 部门名称 row. */
static int read_overall(tp *t, size_t start, size_t ih, size_t *next)
{
	const jx_grid *g = t->g;
	jx_overall *o = &t->pkg->overall;
	uint32_t page = g->rows.v[start].src.page;
	jx_money_unit unit = JX_MU_NONE;
	size_t top = start;
	for (size_t k = start; k > 0 && start - k < 3; k--) {
		const jx_grid_row *r = &g->rows.v[k - 1];
		const jx_cell *f = first(r);
		if (r->src.page != page || !f)
			break;
		if (!strncmp(f->text, "单位", strlen("单位")))
			unit = jx_money_unit_parse(f->text);
		else if (strstr(f->text, "绩效目标"))
			o->title = dup(t, f);
		top = k - 1;
	}
	if (!unit)
		unit = JX_MU_WANYUAN;
	size_t end = ih + 1;
	while (end < g->rows.n && g->rows.v[end].src.page == page)
		end++;
	*next = end;
	o->present = true;
	o->src = g->rows.v[start].src;
	const jx_cell *dn = after(&g->rows.v[start], "部门名称");
	if (dn && !t->pkg->dept.name)
		t->pkg->dept.name = dup(t, dn);
	int rc = 0;
	const char *subject = t->pkg->dept.name;
	for (size_t k = top; k <= ih; k++) {
		const jx_grid_row *r = &g->rows.v[k];
		t->ctx->claimed[k] = 1;
		const jx_cell *c, *f = first(r);
		if ((c = after(r, "部门职责")))
			o->duties = (jx_text){dup(t, c), c->src};
		if ((c = after(r, "部门战略目标")))
			o->strategy = (jx_text){dup(t, c), c->src};
		if ((c = after(r, "年度绩效目标")))
			o->goal = (jx_text){dup(t, c), c->src};
		if (f && !strncmp(f->text, "目标", strlen("目标")) && (c = after(r, f->text))) {
			jx_goal *gl = jx_vec_push(t->pkg->arena, &o->goals);
			if (!gl)
				return JX_ENOMEM;
			gl->no = f->text[strlen("目标")] ? jx_arena_strdup(t->pkg->arena, f->text + strlen("目标")) : NULL;
			gl->text = dup(t, c);
			gl->src = r->src;
		}
		int ca = col_of(r, "金额"), cg = col_of(r, "类别");
		if (ca >= 0 && cg >= 0) {
			size_t hn = r->n;
			/* Rows: [blank] 资金总额 | amount, or [blank] 按资金来源 | 名称 | amount: the amount is the last cell. */
			for (size_t m = k + 1; m < ih; m++) {
				const jx_grid_row *mr = &g->rows.v[m];
				if (mr->n + 1 < hn || mr->n > hn || !mr->n)
					break;
				const jx_cell *labels[2] = {NULL, NULL}, *amt = &mr->cells[mr->n - 1];
				size_t nl = 0;
				for (size_t q = 0; q + 1 < mr->n && nl < 2; q++)
					if (*mr->cells[q].text)
						labels[nl++] = &mr->cells[q];
				if (!nl || (!cell_is(labels[0], "资金总额") && !cell_is(labels[0], "按资金来源") &&
					    !cell_is(labels[0], "按资金方向")))
					break;
				t->ctx->claimed[m] = 1;
				if (cell_is(labels[0], "资金总额")) {
					if ((rc = money(t, amt, &o->total, unit, "资金总额", subject)))
						return rc;
					continue;
				}
				jx_named_amount *na = jx_vec_push(t->pkg->arena, &o->budget);
				if (!na)
					return JX_ENOMEM;
				na->group = cell_is(labels[0], "按资金方向") ? "direction" : "source";
				na->name = dup(t, labels[1]);
				na->src = mr->src;
				if ((rc = money(t, amt, &na->amount, unit, na->name ? na->name : "", subject)))
					return rc;
			}
		}
		int ct = col_of(r, "工作任务"), c0 = col_of(r, "总额");
		if (ct >= 0 && c0 >= 0) {
			size_t hn = r->n;
			for (size_t m = k + 1; m < ih; m++) {
				const jx_grid_row *mr = &g->rows.v[m];
				const jx_cell *nm = aligned(mr, hn, ct);
				if (mr->n != hn || !nm || !*nm->text)
					break;
				t->ctx->claimed[m] = 1;
				jx_task *tk = jx_vec_push(t->pkg->arena, &o->tasks);
				if (!tk)
					return JX_ENOMEM;
				tk->no = dup(t, aligned(mr, hn, col_of(r, "序号")));
				tk->name = dup(t, nm);
				tk->src = mr->src;
				if ((rc = money(t, aligned(mr, hn, c0), &tk->total, unit, "总额", subject)) ||
				    (rc = money(t, aligned(mr, hn, col_of(r, "基本支出")), &tk->basic, unit, "基本支出", subject)) ||
				    (rc = money(t, aligned(mr, hn, col_of(r, "项目支出")), &tk->project, unit, "项目支出", subject)) ||
				    (rc = money(t, aligned(mr, hn, col_of(r, "其他资金")), &tk->other, unit, "其他资金", subject)))
					return rc;
				k = m;
			}
		}
	}
	size_t after_rows = ih;
	if ((rc = read_indicators(t, ih, end, &o->indicators, subject, JX_SCOPE_YEAR, &after_rows)))
		return rc;
	for (size_t k = after_rows; k < end; k++)
		t->ctx->claimed[k] = 1;
	return 0;
}

/* The template's 说明 sheet (and any sheet of lists) is not data: claim its rows so they are not reported. */
static void claim_notes(tp *t, size_t i)
{
	uint32_t page = t->g->rows.v[i].src.page;
	for (size_t k = i; k < t->g->rows.n && t->g->rows.v[k].src.page == page; k++)
		t->ctx->claimed[k] = 1;
}

int jx_rec_template(jx_rec_ctx *ctx)
{
	if (ctx->g->layout != JX_LAYOUT_CELLS)
		return 0;
	tp t = {ctx, ctx->pkg, ctx->g};
	const jx_grid *g = ctx->g;
	bool found = false;
	size_t i = 0;
	while (i < g->rows.n) {
		const jx_grid_row *r = &g->rows.v[i];
		const jx_cell *f = first(r);
		if (f && found && cell_is(f, TPL_NOTES_TITLE) && r->n <= 2) {
			claim_notes(&t, i);
			i++;
			continue;
		}
		bool overall = f && cell_is(f, "部门名称") && !ctx->pkg->overall.present;
		if (ctx->claimed[i] || !f || (!cell_is(f, "项目名称") && !overall)) {
			i++;
			continue;
		}
		size_t ih = 0;
		for (size_t k = i + 1; k < g->rows.n && k - i <= LOOKAHEAD && g->rows.v[k].src.page == r->src.page; k++) {
			if (col_of(&g->rows.v[k], "项目名称") >= 0)
				break;
			if (is_ind_header(&g->rows.v[k])) {
				ih = k;
				break;
			}
		}
		if (!ih) {
			i++;
			continue;
		}
		found = true;
		size_t next = i + 1;
		int rc = overall ? read_overall(&t, i, ih, &next) : read_form(&t, i, ih, &next);
		if (rc)
			return rc;
		i = next > i ? next : i + 1;
	}
	/* The notes sheet may come before the form sheets in other workbooks: a second pass once a form was seen. */
	for (size_t k = 0; found && k < g->rows.n; k++) {
		const jx_cell *f = first(&g->rows.v[k]);
		if (f && cell_is(f, TPL_NOTES_TITLE) && g->rows.v[k].n <= 2 && !ctx->claimed[k])
			claim_notes(&t, k);
	}
	return 0;
}
