/* html_tables.c: the disclosure tables (预算公开表1–13) as HTML: the columns and rows the model holds, two-sided
 * tables (收入 | 支出) side by side, grouped headers from "parent/leaf" column names, 类/款/项 indentation, bold 合计. */
#include <string.h>

#include "render/html_int.h"
#include "render/render_int.h"

/* What one side (收入 / 支出, or the only side) of a table shows. */
typedef struct side_info {
	size_t ncols;    /* amount columns on this side */
	bool codes;      /* some row has a 科目编码 */
	bool name2;      /* some row has a second name */
	bool grouped;    /* some column name has a parent ("本年收入/合计") */
	size_t nrows;
} side_info;

static side_info side_of(const jx_table *t, int side)
{
	side_info s = {0, false, false, false, 0};
	for (size_t c = 0; c < t->columns.n; c++)
		if (t->columns.v[c].side == side) {
			s.ncols++;
			if (t->columns.v[c].name && strchr(t->columns.v[c].name, '/'))
				s.grouped = true;
		}
	for (size_t r = 0; r < t->rows.n; r++)
		if (t->rows.v[r].side == side) {
			s.nrows++;
			if (t->rows.v[r].code && *t->rows.v[r].code)
				s.codes = true;
			if (t->rows.v[r].name2 && *t->rows.v[r].name2)
				s.name2 = true;
		}
	return s;
}

static size_t parent_len(const char *name)
{
	const char *sl = name ? strchr(name, '/') : NULL;
	return sl ? (size_t)(sl - name) : 0;
}

/* Header cells of one side at header row `level` (0 or 1) when the header is `depth` rows deep. */
static void head_side(jx_html_w *w, const jx_table *t, int side, const side_info *s, int level, int depth)
{
	if (level == 0) {
		if (s->codes)
			jx_html_printf(w, "<th rowspan=\"%d\">科目编码</th>", depth);
		if (s->name2)
			jx_html_printf(w, "<th rowspan=\"%d\">部门预算支出经济科目名称</th><th rowspan=\"%d\">"
					  "政府预算支出经济科目名称</th>", depth, depth);
		else
			jx_html_printf(w, "<th rowspan=\"%d\">%s</th>", depth, s->codes ? "科目名称" : "项目");
	}
	for (size_t c = 0; c < t->columns.n; c++) {
		const jx_column *col = &t->columns.v[c];
		if (col->side != side)
			continue;
		const char *name = col->name ? col->name : "";
		size_t pl = parent_len(name);
		if (pl == 0) {
			if (level == 0) {
				jx_html_printf(w, "<th rowspan=\"%d\">", depth);
				jx_html_esc(w, name);
				jx_html_raw(w, "</th>");
			}
			continue;
		}
		if (level == 1) {
			jx_html_raw(w, "<th>");
			jx_html_esc(w, name + pl + 1);
			jx_html_raw(w, "</th>");
			continue;
		}
		/* Level 0: one cell for the run of columns sharing this parent, at its first column. */
		bool first = true;
		for (size_t p = c; p-- > 0;) {
			if (t->columns.v[p].side != side)
				continue;
			const char *pn = t->columns.v[p].name ? t->columns.v[p].name : "";
			first = !(parent_len(pn) == pl && !strncmp(pn, name, pl));
			break;
		}
		if (!first)
			continue;
		size_t span = 0;
		for (size_t q = c; q < t->columns.n; q++) {
			if (t->columns.v[q].side != side)
				continue;
			const char *qn = t->columns.v[q].name ? t->columns.v[q].name : "";
			if (parent_len(qn) != pl || strncmp(qn, name, pl))
				break;
			span++;
		}
		jx_html_printf(w, "<th colspan=\"%zu\">", span);
		jx_html_escn(w, name, pl);
		jx_html_raw(w, "</th>");
	}
}

static size_t side_width(const side_info *s)
{
	return s->ncols + 1 + (s->codes ? 1 : 0) + (s->name2 ? 1 : 0);
}

/* The cells of one row on its side, or blank cells when the other side has more rows. */
static void row_cells(jx_html_w *w, const jx_table *t, const jx_row *r, int side, const side_info *s)
{
	if (!r) {
		for (size_t i = 0; i < side_width(s); i++)
			jx_html_raw(w, "<td></td>");
		return;
	}
	bool tot = r->kind == JX_ROW_TOTAL;
	if (s->codes) {
		jx_html_printf(w, "<td class=\"code%s\">", tot ? " b" : "");
		jx_html_esc(w, r->code);
		jx_html_raw(w, "</td>");
	}
	int lv = r->level < 1 ? 1 : r->level > 4 ? 4 : r->level;
	if (tot)
		jx_html_raw(w, "<td class=\"c b\">");
	else
		jx_html_printf(w, "<td class=\"lv%d\">", lv);
	jx_html_esc(w, r->name);
	jx_html_raw(w, "</td>");
	if (s->name2) {
		jx_html_raw(w, "<td>");
		jx_html_esc(w, r->name2);
		jx_html_raw(w, "</td>");
	}
	for (size_t c = 0; c < t->columns.n; c++)
		if (t->columns.v[c].side == side)
			jx_html_amount_td(w, r->amounts ? &r->amounts[c] : NULL, t->unit, tot, 1);
}

/* Column widths by weight: a name takes what 3 amounts take, a code what 1.1 take, so names wrap as little as
 * the page allows. */
#define W_NAME 3.0
#define W_CODE 1.1
#define W_AMOUNT 1.0

static double side_weight(const side_info *s)
{
	return (s->name2 ? 2 * W_NAME * 0.8 : W_NAME) + (s->codes ? W_CODE : 0) + W_AMOUNT * (double)s->ncols;
}

static void colgroup_side(jx_html_w *w, const side_info *s, double total)
{
	if (s->codes)
		jx_html_printf(w, "<col style=\"width:%.2f%%\">", 100.0 * W_CODE / total);
	for (int i = 0; i < (s->name2 ? 2 : 1); i++)
		jx_html_printf(w, "<col style=\"width:%.2f%%\">", 100.0 * (s->name2 ? W_NAME * 0.8 : W_NAME) / total);
	for (size_t i = 0; i < s->ncols; i++)
		jx_html_printf(w, "<col style=\"width:%.2f%%\">", 100.0 * W_AMOUNT / total);
}

/* The i-th row of `side` (rows keep their document order within a side). */
static const jx_row *nth_row(const jx_table *t, int side, size_t *cursor)
{
	while (*cursor < t->rows.n && t->rows.v[*cursor].side != side)
		(*cursor)++;
	if (*cursor >= t->rows.n)
		return NULL;
	return &t->rows.v[(*cursor)++];
}

static void write_table(jx_html_w *w, const jx_pkg *pkg, const jx_table *t, size_t idx)
{
	side_info l = side_of(t, 0), r = side_of(t, 1);
	bool two = r.ncols > 0 || r.nrows > 0;
	jx_html_printf(w, "<section class=\"sheet\" id=\"tab-%zu\">\n", idx + 1);
	if (t->number > 0)
		jx_html_printf(w, "<div class=\"tabno\">预算公开表%d</div>\n", t->number);
	jx_html_raw(w, "<h2>");
	jx_html_esc(w, t->title ? t->title : "未命名表");
	jx_html_raw(w, "</h2>\n<div class=\"meta\"><span>");
	if (pkg->dept.name) {
		jx_html_raw(w, "部门名称：");
		jx_html_esc(w, pkg->dept.name);
	}
	jx_html_raw(w, "</span><span>");
	const char *unit = t->unit_text ? t->unit_text : jx_money_unit_name(t->unit);
	if (unit) {
		jx_html_raw(w, "单位：");
		jx_html_esc(w, unit);
	}
	jx_html_raw(w, "</span></div>\n<table class=\"data\">\n<colgroup>");
	size_t lw = side_width(&l), rw = two ? side_width(&r) : 0;
	double total = side_weight(&l) + (two ? side_weight(&r) : 0.0);
	colgroup_side(w, &l, total);
	if (two)
		colgroup_side(w, &r, total);
	jx_html_raw(w, "</colgroup>\n<thead>\n");
	int depth = (l.grouped || (two && r.grouped)) ? 2 : 1;
	if (two)
		jx_html_printf(w, "<tr><th colspan=\"%zu\">收　　入</th><th colspan=\"%zu\">支　　出</th></tr>\n", lw, rw);
	for (int level = 0; level < depth; level++) {
		jx_html_raw(w, "<tr>");
		head_side(w, t, 0, &l, level, depth);
		if (two)
			head_side(w, t, 1, &r, level, depth);
		jx_html_raw(w, "</tr>\n");
	}
	jx_html_raw(w, "</thead>\n<tbody>\n");
	size_t n = l.nrows > r.nrows ? l.nrows : r.nrows;
	if (n == 0)
		jx_html_printf(w, "<tr><td class=\"empty\" colspan=\"%zu\">本表无数据</td></tr>\n", lw + rw);
	/* Two-sided tables line up like the printed form: the items, then the first totals (本年收入合计 | 本年支出合计)
	 * side by side, what comes between, and the grand totals (收入总计 | 支出总计) on the last row. */
	size_t segl[4], segr[4];
	jx_render_side_runs(t, 0, l.nrows, segl);
	if (two)
		jx_render_side_runs(t, 1, r.nrows, segr);
	else
		memset(segr, 0, sizeof segr);
	size_t lc = 0, rc = 0;
	for (int k = 0; k < 4; k++) {
		size_t h = segl[k] > segr[k] ? segl[k] : segr[k];
		for (size_t i = 0; i < h && w->rc == 0; i++) {
			const jx_row *a = i < segl[k] ? nth_row(t, 0, &lc) : NULL;
			const jx_row *b = i < segr[k] ? nth_row(t, 1, &rc) : NULL;
			bool grp = (a && a->kind == JX_ROW_GROUP) || (b && b->kind == JX_ROW_GROUP);
			jx_html_printf(w, "<tr%s>", grp ? " class=\"group\"" : "");
			row_cells(w, t, a, 0, &l);
			if (two)
				row_cells(w, t, b, 1, &r);
			jx_html_raw(w, "</tr>\n");
		}
	}
	jx_html_raw(w, "</tbody>\n</table>\n");
	if (t->note) {
		jx_html_raw(w, "<p class=\"note\">");
		jx_html_esc(w, t->note);
		jx_html_raw(w, "</p>\n");
	}
	jx_html_raw(w, "</section>\n");
}

void jx_html_tables(jx_html_w *w, const jx_pkg *pkg)
{
	for (size_t i = 0; i < pkg->tables.n && w->rc == 0; i++)
		write_table(w, pkg, &pkg->tables.v[i], i);
}
