/* html_svg.c: the charts of the HTML page as inline SVG computed here: budget by functional class (类), by funding
 * source, basic vs project expenditure, projects by amount, and the spending schedule. Amounts stay exact fen until
 * they become lengths on the page; doubles are used for drawing only. A chart is drawn only where the data is. */
#include <stdlib.h>
#include <string.h>

#include "render/html_int.h"
#include "util/utf8.h"

#define MAX_BARS 40 /* projects beyond this are left out (and counted in a note) so the chart stays readable */

/* Muted colours that print well in greyscale too. */
static const char *const palette[] = {"#2f5d8a", "#b5533c", "#5b8c5a", "#c79a2e", "#6d5a8f", "#3f8f8f",
				      "#8a6d3b", "#a04a6f", "#4a6fa0", "#7f7f3a", "#9a5b2e", "#506070"};
#define NPALETTE (sizeof palette / sizeof palette[0])

typedef struct bar {
	const char *label;
	int64_t fen;
} bar;

static const jx_table *find_table(const jx_pkg *pkg, int number)
{
	for (size_t i = 0; i < pkg->tables.n; i++)
		if (pkg->tables.v[i].number == number)
			return &pkg->tables.v[i];
	return NULL;
}

static bool is_total_name(const char *s)
{
	return s && (strstr(s, "合计") || strstr(s, "总计") || strstr(s, "小计"));
}

static bool is_total(const jx_row *r)
{
	return r->kind == JX_ROW_TOTAL || is_total_name(r->name);
}

/* Index of the column of `side` named `name` (leaf part), or -1. */
static int column_named(const jx_table *t, int side, const char *name)
{
	for (size_t c = 0; c < t->columns.n; c++) {
		const char *n = t->columns.v[c].name;
		if (t->columns.v[c].side != side || !n)
			continue;
		const char *sl = strrchr(n, '/');
		if (!strcmp(sl ? sl + 1 : n, name))
			return (int)c;
	}
	return -1;
}

static int first_column(const jx_table *t, int side)
{
	for (size_t c = 0; c < t->columns.n; c++)
		if (t->columns.v[c].side == side)
			return (int)c;
	return -1;
}

static int64_t cell_fen(const jx_row *r, int col)
{
	if (col < 0 || !r->amounts || !r->amounts[col].present)
		return 0;
	return r->amounts[col].fen;
}

/* Truncates a label to `max` display columns, ending with "…" when cut. Writes escaped text. */
static void label_text(jx_html_w *w, const char *s, size_t max)
{
	if (!s)
		return;
	size_t len = strlen(s), i = 0, width = 0;
	while (i < len) {
		uint32_t cp = 0;
		size_t n = jx_utf8_decode(s + i, len - i, &cp);
		if (n == 0)
			n = 1;
		int cw = jx_utf8_cp_width(cp);
		size_t wd = cw > 0 ? (size_t)cw : 0;
		if (width + wd > max) {
			jx_html_esc_label(w, s, i);
			jx_html_raw(w, "…");
			return;
		}
		width += wd;
		i += n;
	}
	jx_html_esc_label(w, s, len);
}

static void chart_open(jx_html_w *w, const char *id, const char *caption, const char *unit_name, int width,
		       int height)
{
	jx_html_printf(w, "<div class=\"chart\" id=\"%s\"><p class=\"cap\">%s", id, caption);
	if (unit_name)
		jx_html_printf(w, "（单位：%s）", unit_name);
	jx_html_printf(w, "</p>\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" "
			  "height=\"%d\" role=\"img\" aria-label=\"%s\" font-size=\"12\">\n",
		       width, height, width, height, caption);
}

static void chart_close(jx_html_w *w)
{
	jx_html_raw(w, "</svg></div>\n");
}

/* Horizontal bars, largest first as given; value and share written after each bar. */
static void hbars(jx_html_w *w, const char *id, const char *caption, const bar *bars, size_t n, jx_money_unit u,
		  bool shares)
{
	int64_t max = 0, sum = 0;
	for (size_t i = 0; i < n; i++) {
		if (bars[i].fen > max)
			max = bars[i].fen;
		if (bars[i].fen > 0 && !jx_add_i64(sum, bars[i].fen, &sum))
			sum = INT64_MAX;
	}
	const int W = 680, left = 230, right = 150, rowh = 22, top = 6;
	int H = top * 2 + rowh * (int)n;
	chart_open(w, id, caption, jx_money_unit_name(u), W, H);
	double span = (double)(W - left - right);
	for (size_t i = 0; i < n && w->rc == 0; i++) {
		double y = top + rowh * (double)i;
		double len = max > 0 && bars[i].fen > 0 ? span * (double)bars[i].fen / (double)max : 0.0;
		jx_html_printf(w, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" dominant-baseline=\"middle\">", left - 6,
			       y + rowh / 2.0);
		label_text(w, bars[i].label, 34);
		jx_html_raw(w, "<title>");
		jx_html_esc_label(w, bars[i].label, strlen(bars[i].label ? bars[i].label : ""));
		jx_html_raw(w, "</title></text>");
		jx_html_printf(w, "<rect x=\"%d\" y=\"%.1f\" width=\"%.2f\" height=\"%d\" fill=\"%s\"/>", left, y + 3,
			       len, rowh - 6, palette[0]);
		char buf[64];
		jx_html_printf(w, "<text x=\"%.2f\" y=\"%.1f\" dominant-baseline=\"middle\">%s", left + len + 5,
			       y + rowh / 2.0, jx_html_money(buf, bars[i].fen, u));
		if (shares && sum > 0)
			jx_html_printf(w, "（%.1f%%）", 100.0 * (double)bars[i].fen / (double)sum);
		jx_html_raw(w, "</text>\n");
	}
	jx_html_printf(w, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\" stroke-width=\"1\"/>\n", left,
		       top, left, H - top);
	chart_close(w);
}

/* One bar split into parts (基本支出 | 项目支出) with a legend below. */
static void stacked(jx_html_w *w, const char *id, const char *caption, const bar *parts, size_t n, jx_money_unit u)
{
	int64_t sum = 0;
	for (size_t i = 0; i < n; i++)
		if (parts[i].fen > 0 && !jx_add_i64(sum, parts[i].fen, &sum))
			sum = INT64_MAX;
	const int W = 680, H = 40 + 22 * (int)n;
	chart_open(w, id, caption, jx_money_unit_name(u), W, H);
	double x = 10, span = W - 20;
	for (size_t i = 0; i < n && w->rc == 0; i++) {
		double len = sum > 0 && parts[i].fen > 0 ? span * (double)parts[i].fen / (double)sum : 0.0;
		jx_html_printf(w, "<rect x=\"%.2f\" y=\"6\" width=\"%.2f\" height=\"22\" fill=\"%s\"/>", x, len,
			       palette[i % NPALETTE]);
		x += len;
	}
	for (size_t i = 0; i < n && w->rc == 0; i++) {
		double y = 36 + 22 * (double)i;
		char buf[64];
		jx_html_printf(w, "<rect x=\"10\" y=\"%.1f\" width=\"12\" height=\"12\" fill=\"%s\"/>", y,
			       palette[i % NPALETTE]);
		jx_html_printf(w, "<text x=\"28\" y=\"%.1f\" dominant-baseline=\"middle\">", y + 6);
		jx_html_esc_label(w, parts[i].label, strlen(parts[i].label));
		jx_html_printf(w, "：%s", jx_html_money(buf, parts[i].fen, u));
		if (sum > 0)
			jx_html_printf(w, "（%.1f%%）", 100.0 * (double)parts[i].fen / (double)sum);
		jx_html_raw(w, "</text>\n");
	}
	chart_close(w);
}

/* 类 rows of the expenditure table (表3, else 表5): code of three digits, amount in the first column. */
static size_t class_bars(const jx_pkg *pkg, bar *out, size_t cap, jx_money_unit *u)
{
	static const int prefer[] = {3, 5};
	for (size_t k = 0; k < sizeof prefer / sizeof prefer[0]; k++) {
		const jx_table *t = find_table(pkg, prefer[k]);
		if (!t)
			continue;
		int col = column_named(t, 0, "合计");
		if (col < 0)
			col = first_column(t, 0);
		size_t n = 0;
		for (size_t i = 0; i < t->rows.n && n < cap; i++) {
			const jx_row *r = &t->rows.v[i];
			if (r->side != 0 || is_total(r) || !r->code || strlen(r->code) != 3 || cell_fen(r, col) <= 0)
				continue;
			out[n++] = (bar){r->name, cell_fen(r, col)};
		}
		if (n) {
			*u = jx_html_unit_or(t->unit, NULL);
			return n;
		}
	}
	return 0;
}

/* Funding sources: the income rows of 表1 (一、一般公共预算 …), else the overall table's 按资金来源 lines. */
static size_t source_bars(const jx_pkg *pkg, bar *out, size_t cap, jx_money_unit *u)
{
	const jx_table *t = find_table(pkg, 1);
	size_t n = 0;
	if (t) {
		int col = first_column(t, 0);
		for (size_t i = 0; i < t->rows.n && n < cap; i++) {
			const jx_row *r = &t->rows.v[i];
			if (r->side != 0 || is_total(r) || r->kind == JX_ROW_GROUP || cell_fen(r, col) <= 0)
				continue;
			out[n++] = (bar){r->name, cell_fen(r, col)};
		}
		if (n > 1) {
			*u = jx_html_unit_or(t->unit, NULL);
			return n;
		}
	}
	n = 0;
	const jx_overall *o = &pkg->overall;
	for (size_t i = 0; i < o->budget.n && n < cap; i++) {
		const jx_named_amount *a = &o->budget.v[i];
		if (!a->group || strcmp(a->group, "source") || is_total_name(a->name) || !a->amount.present ||
		    a->amount.fen <= 0)
			continue;
		if (n == 0)
			*u = jx_html_unit_or(JX_MU_NONE, &a->amount);
		out[n++] = (bar){a->name, a->amount.fen};
	}
	return n > 1 ? n : 0;
}

/* 基本支出 and 项目支出: the 合计 row of 表3, else the overall table's lines of those names. */
static size_t kind_parts(const jx_pkg *pkg, bar out[2], jx_money_unit *u)
{
	const jx_table *t = find_table(pkg, 3);
	if (t) {
		int cb = column_named(t, 0, "基本支出"), cp = column_named(t, 0, "项目支出");
		for (size_t i = 0; i < t->rows.n && cb >= 0 && cp >= 0; i++) {
			const jx_row *r = &t->rows.v[i];
			if (r->side != 0 || !is_total(r))
				continue;
			if (cell_fen(r, cb) <= 0 && cell_fen(r, cp) <= 0)
				break;
			out[0] = (bar){"基本支出", cell_fen(r, cb)};
			out[1] = (bar){"项目支出", cell_fen(r, cp)};
			*u = jx_html_unit_or(t->unit, NULL);
			return 2;
		}
	}
	const jx_overall *o = &pkg->overall;
	bool got[2] = {false, false};
	for (size_t i = 0; i < o->budget.n; i++) {
		const jx_named_amount *a = &o->budget.v[i];
		if (!a->name || !a->amount.present)
			continue;
		int k = !strcmp(a->name, "基本支出") ? 0 : !strcmp(a->name, "项目支出") ? 1 : -1;
		if (k < 0 || got[k])
			continue;
		got[k] = true;
		out[k] = (bar){k ? "项目支出" : "基本支出", a->amount.fen};
		*u = jx_html_unit_or(JX_MU_NONE, &a->amount);
	}
	return got[0] && got[1] && (out[0].fen > 0 || out[1].fen > 0) ? 2 : 0;
}

static int cmp_bar(const void *a, const void *b)
{
	const bar *x = a, *y = b;
	if (x->fen != y->fen)
		return x->fen > y->fen ? -1 : 1;
	return strcmp(x->label ? x->label : "", y->label ? y->label : "");
}

/* Projects by this year's amount, largest first; equal amounts keep document order. Beyond `cap` the smallest are
 * left out and counted in *omitted. */
static size_t project_bars(const jx_pkg *pkg, bar *out, size_t cap, jx_money_unit *u, size_t *omitted)
{
	size_t n = 0;
	*omitted = 0;
	for (size_t i = 0; i < pkg->projects.n; i++) {
		const jx_project *p = &pkg->projects.v[i];
		if (!p->amount.present || p->amount.fen <= 0)
			continue;
		bar b = {jx_html_project_name(p), p->amount.fen};
		size_t pos = n;
		while (pos > 0 && out[pos - 1].fen < b.fen)
			pos--;
		if (pos >= cap) {
			(*omitted)++;
			continue;
		}
		if (n == cap) {
			(*omitted)++;
			n--;
		}
		memmove(&out[pos + 1], &out[pos], (n - pos) * sizeof *out);
		out[pos] = b;
		n++;
	}
	/* Projects' amounts may be printed in different units: one unit for the chart, 万元 once the largest bar
	 * reaches 10万元 (long 元 figures are hard to compare at a glance), else 元. */
	*u = n && out[0].fen >= 10000000 ? JX_MU_WANYUAN : JX_MU_YUAN;
	return n;
}

/* One line of the schedule chart: a plan (cumulative % by month) and the projects that share it. */
typedef struct plan_line {
	double pct[13];
	bool has[13];
	size_t first, count; /* the first project with this plan, and how many have it */
} plan_line;

/* A project's plan in month order (a month given twice keeps its first point); false when it has none. */
static bool project_plan(const jx_project *p, plan_line *pl)
{
	memset(pl, 0, sizeof *pl);
	bool any = false;
	for (size_t s = 0; s < p->schedule.n; s++) {
		const jx_schedule_point *sp = &p->schedule.v[s];
		if (!sp->present || sp->month < 1 || sp->month > 12 || pl->has[sp->month])
			continue;
		pl->has[sp->month] = true;
		double v = jx_decimal_to_double(&sp->percent);
		pl->pct[sp->month] = v < 0 ? 0 : v > 100 ? 100 : v;
		any = true;
	}
	return any;
}

/* The distinct plans of the package's projects, in project order. Projects of one department often share a plan
 * (the bureau's 3/6/10/12月底 template); drawn one line each they would hide one another. Returns how many;
 * *out (malloc'd, caller frees) is NULL when there are none or memory ran out (*oom set). */
static size_t plan_lines(const jx_pkg *pkg, plan_line **out, bool *oom)
{
	*out = NULL;
	*oom = false;
	plan_line *v = pkg->projects.n ? malloc(pkg->projects.n * sizeof *v) : NULL;
	if (pkg->projects.n && !v) {
		*oom = true;
		return 0;
	}
	size_t n = 0;
	for (size_t i = 0; i < pkg->projects.n; i++) {
		plan_line pl;
		if (!project_plan(&pkg->projects.v[i], &pl))
			continue;
		size_t k = 0;
		while (k < n && (memcmp(v[k].has, pl.has, sizeof pl.has) != 0 || memcmp(v[k].pct, pl.pct, sizeof pl.pct) != 0))
			k++;
		if (k < n) {
			v[k].count++;
			continue;
		}
		pl.first = i;
		pl.count = 1;
		v[n++] = pl;
	}
	if (!n) {
		free(v);
		v = NULL;
	}
	*out = v;
	return n;
}

/* Cumulative spending by month, one line per distinct plan, named by its project or "…等N个项目". */
static void schedule_chart(jx_html_w *w, const jx_pkg *pkg, const plan_line *lines, size_t nlines)
{
	const int W = 680, left = 44, right = 16, top = 10, ph = 220;
	bool legend = nlines <= 2 * NPALETTE;
	int rows = legend ? (int)((nlines + 1) / 2) : 0;
	int H = top + ph + 30 + 18 * rows + 6;
	chart_open(w, "chart-schedule", "资金支出进度计划（累计支出占比）", NULL, W, H);
	double pw = W - left - right;
	/* Grid: every 20% and every month. */
	for (int p = 0; p <= 100; p += 20) {
		double y = top + ph - ph * p / 100.0;
		jx_html_printf(w, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ccc\" stroke-width=\"0.6\"/>"
				  "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" dominant-baseline=\"middle\">%d%%</text>\n",
			       left, y, W - right, y, left - 4, y, p);
	}
	for (int m = 1; m <= 12; m++) {
		double x = left + pw * m / 12.0;
		jx_html_printf(w, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#e2e2e2\" stroke-width=\"0.6\"/>"
				  "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d月</text>\n",
			       x, top, x, top + ph, x, top + ph + 16, m);
	}
	jx_html_printf(w, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>", left, top + ph, W - right,
		       top + ph);
	for (size_t k = 0; k < nlines && w->rc == 0; k++) {
		const plan_line *pl = &lines[k];
		const jx_project *p = &pkg->projects.v[pl->first];
		const char *colour = legend ? palette[k % NPALETTE] : "#555";
		/* Later lines are dashed when colours repeat so they remain told apart. */
		const char *dash = legend && k >= NPALETTE ? " stroke-dasharray=\"5 3\"" : "";
		jx_html_printf(w, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"1.6\"%s points=\"%d,%d", colour,
			       dash, left, top + ph);
		for (int m = 1; m <= 12; m++)
			if (pl->has[m])
				jx_html_printf(w, " %.1f,%.1f", left + pw * m / 12.0, top + ph - ph * pl->pct[m] / 100.0);
		/* The tooltip names every project on the line. */
		jx_html_raw(w, "\"><title>");
		size_t named = 0;
		for (size_t i = pl->first; i < pkg->projects.n && named < pl->count; i++) {
			plan_line other;
			if (!project_plan(&pkg->projects.v[i], &other) || memcmp(other.has, pl->has, sizeof pl->has) != 0 ||
			    memcmp(other.pct, pl->pct, sizeof pl->pct) != 0)
				continue;
			const char *name = jx_html_project_name(&pkg->projects.v[i]);
			if (named++)
				jx_html_raw(w, "、");
			jx_html_esc_label(w, name, strlen(name));
		}
		jx_html_raw(w, "</title></polyline>\n");
		for (int m = 1; m <= 12; m++)
			if (pl->has[m])
				jx_html_printf(w, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.2\" fill=\"%s\"/>", left + pw * m / 12.0,
					       top + ph - ph * pl->pct[m] / 100.0, colour);
		if (legend) {
			double lx = k % 2 == 0 ? left : left + pw / 2, ly = top + ph + 30 + 18 * (double)(k / 2);
			jx_html_printf(w, "\n<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" "
					  "stroke-width=\"2\"%s/><text x=\"%.1f\" y=\"%.1f\" dominant-baseline=\"middle\">",
				       lx, ly + 6, lx + 18, ly + 6, colour, dash, lx + 24, ly + 6);
			if (pl->count > 1) {
				label_text(w, jx_html_project_name(p), 26);
				jx_html_printf(w, " 等%zu个项目", pl->count);
			} else {
				label_text(w, jx_html_project_name(p), 40);
			}
			jx_html_raw(w, "</text>");
		}
		jx_html_raw(w, "\n");
	}
	chart_close(w);
}

bool jx_html_charts(jx_html_w *w, const jx_pkg *pkg, bool write)
{
	bar classes[64], sources[16], kinds[2], projects[MAX_BARS];
	jx_money_unit uc = JX_MU_YUAN, us = JX_MU_YUAN, uk = JX_MU_YUAN, up = JX_MU_YUAN;
	size_t nc = class_bars(pkg, classes, 64, &uc);
	size_t ns = source_bars(pkg, sources, 16, &us);
	size_t nk = kind_parts(pkg, kinds, &uk);
	size_t omitted = 0;
	size_t np = project_bars(pkg, projects, MAX_BARS, &up, &omitted);
	plan_line *plans = NULL;
	bool oom = false;
	size_t nsched = plan_lines(pkg, &plans, &oom);
	if (oom)
		w->rc = JX_ENOMEM;
	bool any = nc || ns || nk || np > 1 || nsched;
	if (!write || !any) {
		free(plans);
		return any;
	}
	jx_html_raw(w, "<section class=\"sheet\" id=\"charts\">\n<h2>预算概览</h2>\n");
	if (nc) {
		qsort(classes, nc, sizeof *classes, cmp_bar);
		hbars(w, "chart-class", "支出预算按功能分类（类）", classes, nc, uc, true);
	}
	if (ns)
		hbars(w, "chart-source", "收入预算按资金来源", sources, ns, us, true);
	if (nk)
		stacked(w, "chart-kind", "基本支出与项目支出", kinds, nk, uk);
	if (np > 1) {
		hbars(w, "chart-projects", "项目支出按金额", projects, np, up, false);
		if (omitted)
			jx_html_printf(w, "<p class=\"note\">图中列出金额最大的 %zu 个项目，另有 %zu 个未列出。</p>\n", np,
				       omitted);
	}
	if (nsched)
		schedule_chart(w, pkg, plans, nsched);
	free(plans);
	jx_html_raw(w, "</section>\n");
	return true;
}
