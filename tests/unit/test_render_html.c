/* test_render_html.c: jx_render as HTML: the numbers of every disclosure table and every project's funding read
 * back from the page equal the model in fen; structure (sections, merged level cells, 合计 rows), escaping,
 * charts present or absent, findings, determinism and errors. */
#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ >= 12
#pragma GCC diagnostic ignored "-Wdangling-pointer"
#endif
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "jx/check.h"
#include "jx/import.h"
#include "jx/render.h"
#include "render/html_int.h"
#include "testutil.h"
#include "util/arena.h"

static jx_pkg *load_seed(const char *prefix)
{
	char *path = tu_seed_path(prefix);
	jx_pkg *pkg = NULL;
	assert_int_equal(jx_import_file(&pkg, path, NULL), 0);
	free(path);
	return pkg;
}

static char *render(const jx_pkg *pkg, unsigned what, bool no_charts, size_t *len)
{
	jx_render_opts o = {what, no_charts, NULL};
	char *out = NULL;
	size_t n = 0;
	assert_int_equal(jx_render(pkg, JX_RENDER_HTML, &o, &out, &n), 0);
	assert_non_null(out);
	assert_int_equal(strlen(out), n);
	if (len)
		*len = n;
	return out;
}

static htmlDocPtr parse(const char *html)
{
	htmlDocPtr doc = htmlReadMemory(html, (int)strlen(html), "render.html", "UTF-8",
					HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
	assert_non_null(doc);
	return doc;
}

static bool has_attr(xmlNodePtr n, const char *name, const char *value)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
	bool eq = v && !strcmp((const char *)v, value);
	xmlFree(v);
	return eq;
}

/* Element with this id (document order, iterative walk). */
static xmlNodePtr by_id(htmlDocPtr doc, const char *id)
{
	xmlNodePtr n = xmlDocGetRootElement(doc);
	while (n) {
		if (n->type == XML_ELEMENT_NODE && has_attr(n, "id", id))
			return n;
		if (n->children) {
			n = n->children;
			continue;
		}
		while (n && !n->next)
			n = n->parent;
		if (n)
			n = n->next;
	}
	return NULL;
}

/* Collects elements under `root` named `tag` whose class list starts with `cls` (NULL: any), in order. */
typedef struct nodes {
	xmlNodePtr v[4096];
	size_t n;
} nodes;

/* Whether the element's class list holds `cls` (NULL: any element). */
static bool class_is(xmlNodePtr n, const char *cls)
{
	if (!cls)
		return true;
	xmlChar *v = xmlGetProp(n, (const xmlChar *)"class");
	bool ok = false;
	size_t l = strlen(cls);
	for (const char *p = (const char *)v; p && *p && !ok;) {
		size_t k = strcspn(p, " ");
		ok = k == l && !strncmp(p, cls, l);
		p += k;
		while (*p == ' ')
			p++;
	}
	xmlFree(v);
	return ok;
}

static void collect(xmlNodePtr root, const char *tag, const char *cls, nodes *out)
{
	out->n = 0;
	xmlNodePtr n = root->children;
	while (n && n != root) {
		if (n->type == XML_ELEMENT_NODE && !strcmp((const char *)n->name, tag) && class_is(n, cls)) {
			assert_true(out->n < sizeof out->v / sizeof out->v[0]);
			out->v[out->n++] = n;
		}
		if (n->children) {
			n = n->children;
			continue;
		}
		while (n && n != root && !n->next)
			n = n->parent;
		if (n && n != root)
			n = n->next;
	}
}

static long rowspan_sum(xmlNodePtr root, const char *cls)
{
	static nodes cells;
	collect(root, "td", cls, &cells);
	long sum = 0;
	for (size_t k = 0; k < cells.n; k++) {
		xmlChar *rs = xmlGetProp(cells.v[k], (const xmlChar *)"rowspan");
		sum += rs ? atol((const char *)rs) : 1;
		xmlFree(rs);
	}
	return sum;
}

/* A money cell's text back to fen in `unit`: "1,806.23" 万元 → 1806230000. Returns false for a blank cell. */
static bool cell_fen(xmlNodePtr td, jx_money_unit unit, int64_t *fen)
{
	xmlChar *c = xmlNodeGetContent(td);
	char digits[64];
	size_t k = 0;
	for (const xmlChar *p = c; p && *p && k + 1 < sizeof digits; p++)
		if (*p != ',')
			digits[k++] = (char)*p;
	digits[k] = '\0';
	xmlFree(c);
	if (k == 0)
		return false;
	jx_decimal d;
	assert_int_equal(jx_decimal_parse(&d, digits, k), (int)k);
	assert_int_equal(jx_decimal_to_fen(&d, jx_money_unit_fen_per(unit), fen), 0);
	return true;
}

static int cmp_i64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return (x > y) - (x < y);
}

/* Every amount of every table is on the page, exactly; one-sided tables in row-major order. Returns how many
 * amounts were compared. */
static size_t check_tables(const jx_pkg *pkg, htmlDocPtr doc)
{
	static nodes cells;
	size_t compared = 0;
	for (size_t i = 0; i < pkg->tables.n; i++) {
		const jx_table *t = &pkg->tables.v[i];
		char id[32];
		snprintf(id, sizeof id, "tab-%zu", i + 1);
		xmlNodePtr sec = by_id(doc, id);
		assert_non_null(sec);
		collect(sec, "td", "num", &cells);
		size_t want = 0;
		bool two = false;
		for (size_t c = 0; c < t->columns.n; c++)
			two = two || t->columns.v[c].side == 1;
		int64_t *model = calloc(t->rows.n * t->columns.n + 1, sizeof *model);
		int64_t *page = calloc(cells.n + 1, sizeof *page);
		assert_non_null(model);
		assert_non_null(page);
		for (size_t r = 0; r < t->rows.n; r++)
			for (size_t c = 0; c < t->columns.n; c++)
				if (t->rows.v[r].amounts && t->rows.v[r].amounts[c].present)
					model[want++] = t->rows.v[r].amounts[c].fen;
		size_t got = 0;
		for (size_t k = 0; k < cells.n; k++) {
			int64_t f;
			if (cell_fen(cells.v[k], t->unit, &f))
				page[got++] = f;
		}
		assert_int_equal(got, want);
		if (two) { /* rows of the two sides interleave: compare as multisets */
			qsort(model, want, sizeof *model, cmp_i64);
			qsort(page, got, sizeof *page, cmp_i64);
		}
		for (size_t k = 0; k < want; k++)
			assert_int_equal(page[k], model[k]);
		compared += want;
		free(model);
		free(page);
	}
	return compared;
}

/* A project's money cells: 实施期 and 年度 totals, then each funding part's, blank where the model is blank. */
static size_t check_projects(const jx_pkg *pkg, htmlDocPtr doc)
{
	static nodes cells, inds;
	size_t compared = 0;
	for (size_t i = 0; i < pkg->projects.n; i++) {
		const jx_project *p = &pkg->projects.v[i];
		char id[32];
		snprintf(id, sizeof id, "proj-%zu", i + 1);
		xmlNodePtr sec = by_id(doc, id);
		assert_non_null(sec);
		collect(sec, "td", "num", &cells);
		assert_int_equal(cells.n, 2 + 2 * p->funding.n);
		jx_money_unit u = p->amount.present ? p->amount.unit : JX_MU_NONE;
		if (u == JX_MU_NONE)
			u = p->amount_total.present ? p->amount_total.unit : JX_MU_YUAN;
		const jx_amount *want[2 + 2 * 64];
		size_t n = 0;
		want[n++] = &p->amount_total;
		want[n++] = &p->amount;
		assert_true(p->funding.n <= 64);
		for (size_t f = 0; f < p->funding.n; f++) {
			want[n++] = &p->funding.v[f].total;
			want[n++] = &p->funding.v[f].year;
		}
		for (size_t k = 0; k < n; k++) {
			int64_t fen = 0;
			bool present = cell_fen(cells.v[k], u == JX_MU_NONE ? JX_MU_YUAN : u, &fen);
			assert_int_equal(present, want[k]->present);
			if (present) {
				assert_int_equal(fen, want[k]->fen);
				compared++;
			}
		}
		/* One row per indicator; the merged level-1 and level-2 cells' rowspans each add up to the indicators. */
		collect(sec, "tr", "ind", &inds);
		assert_int_equal(inds.n, p->indicators.n);
		assert_int_equal(rowspan_sum(sec, "l1"), (long)p->indicators.n);
		assert_int_equal(rowspan_sum(sec, "l2"), (long)p->indicators.n);
		/* One merged level-1 cell per run of the same level 1 within a scope (年度 and 实施期 apart). */
		size_t runs = 0;
		for (int scope = 0; scope < 2; scope++) {
			const char *prev = NULL;
			for (size_t k = 0; k < p->indicators.n; k++) {
				const jx_indicator *x = &p->indicators.v[k];
				if ((int)x->scope != scope)
					continue;
				const char *l1 = x->level1 ? x->level1 : "";
				if (!prev || strcmp(prev, l1))
					runs++;
				prev = l1;
			}
		}
		static nodes l1cells;
		collect(sec, "td", "l1", &l1cells);
		assert_int_equal(l1cells.n, runs);
		if (p->indicators.n > 3)
			assert_true(l1cells.n < p->indicators.n);
	}
	return compared;
}

static void test_money_format(void **state)
{
	(void)state;
	char buf[64];
	assert_string_equal(jx_html_money(buf, 1806230000, JX_MU_WANYUAN), "1,806.23");
	assert_string_equal(jx_html_money(buf, 19000000, JX_MU_YUAN), "190,000.00");
	assert_string_equal(jx_html_money(buf, 5810000, JX_MU_WANYUAN), "5.81");
	assert_string_equal(jx_html_money(buf, -5810000, JX_MU_WANYUAN), "-5.81");
	assert_string_equal(jx_html_money(buf, 0, JX_MU_WANYUAN), "0.00");
	assert_string_equal(jx_html_money(buf, 123, JX_MU_WANYUAN), "0.000123"); /* exact, not rounded away */
	assert_string_equal(jx_html_money(buf, 5, JX_MU_YUAN), "0.05");
	assert_string_equal(jx_html_money(buf, 100, JX_MU_NONE), "1.00");
	assert_string_equal(jx_html_money(buf, INT64_MIN, JX_MU_YUAN), "-92,233,720,368,547,758.08");
}

/* Seed 004: the full 13-table set, the overall table and 22 projects. */
static void test_seed004_numbers(void **state)
{
	(void)state;
	jx_pkg *pkg = load_seed("004");
	assert_int_equal(pkg->tables.n, 13);
	char *html = render(pkg, 0, false, NULL);
	htmlDocPtr doc = parse(html);
	size_t nt = check_tables(pkg, doc);
	assert_true(nt > 100);
	size_t np = check_projects(pkg, doc);
	assert_true(np >= 22);
	assert_non_null(by_id(doc, "overall"));
	/* The totals of 表1 are bold and right-aligned as the model has them. */
	assert_non_null(strstr(html, "<td class=\"num b\">1,806.23</td>"));
	assert_non_null(strstr(html, "<td class=\"num b\">1,800.42</td>"));
	/* 表1 pairs its sides like the printed form: the grand totals share the last row. */
	const char *in_total = strstr(html, ">收入总计</td>");
	assert_non_null(in_total);
	const char *row_end = strstr(in_total, "</tr>");
	const char *out_total = strstr(in_total, ">支出总计</td>");
	assert_non_null(out_total);
	assert_true(out_total < row_end);
	/* 表2's grouped header: 本年收入 over its six columns, 上年结转 down both header rows. */
	assert_non_null(strstr(html, "<th colspan=\"6\">本年收入</th>"));
	assert_non_null(strstr(html, "<th rowspan=\"2\">上年结转</th>"));
	/* Repeated headers and page breaks for print. */
	assert_non_null(strstr(html, "thead{display:table-header-group}"));
	assert_non_null(strstr(html, "@page{size:A4"));
	assert_non_null(strstr(html, "\"Noto Serif CJK SC\""));
	/* Contents link every table and project. */
	assert_non_null(strstr(html, "<a href=\"#tab-13\">预算公开表13 "));
	assert_non_null(strstr(html, "<a href=\"#proj-22\">22. "));
	xmlFreeDoc(doc);
	free(html);
	jx_pkg_free(pkg);
}

/* Seeds with project tables only, in 元 or 万元: funding cells read back exactly. */
static void test_seed_projects(void **state)
{
	(void)state;
	static const char *const seeds[] = {"000", "002", "003"};
	static const size_t projects[] = {12, 5, 4};
	for (size_t s = 0; s < 3; s++) {
		jx_pkg *pkg = load_seed(seeds[s]);
		assert_int_equal(pkg->projects.n, projects[s]);
		char *html = render(pkg, JX_RENDER_TARGETS, false, NULL);
		htmlDocPtr doc = parse(html);
		assert_true(check_projects(pkg, doc) >= projects[s]);
		/* Special-fund summaries: each fund's amount, then the 合计 row. */
		for (size_t f = 0; f < pkg->funds.n; f++) {
			static nodes cells;
			const jx_fund_summary *fs = &pkg->funds.v[f];
			char id[32];
			snprintf(id, sizeof id, "fund-%zu", f + 1);
			xmlNodePtr sec = by_id(doc, id);
			assert_non_null(sec);
			collect(sec, "td", "num", &cells);
			assert_int_equal(cells.n, fs->items.n + (fs->total.present ? 1 : 0));
			for (size_t k = 0; k < cells.n; k++) {
				const jx_amount *a = k < fs->items.n ? &fs->items.v[k].amount : &fs->total;
				int64_t fen = 0;
				assert_int_equal(cell_fen(cells.v[k], JX_MU_WANYUAN, &fen), a->present);
				if (a->present)
					assert_int_equal(fen, a->fen);
			}
		}
		if (!strcmp(seeds[s], "002")) {
			assert_int_equal(pkg->funds.n, 1);
			assert_non_null(strstr(html, "<td class=\"num b\">314.21</td>"));
		}
		assert_null(by_id(doc, "tab-1"));
		assert_null(by_id(doc, "overall"));
		xmlFreeDoc(doc);
		free(html);
		jx_pkg_free(pkg);
	}
}

/* Seed 001: the overall table with its six tasks and their amounts, in order. */
static void test_seed001_overall(void **state)
{
	(void)state;
	static nodes cells;
	jx_pkg *pkg = load_seed("001");
	assert_true(pkg->overall.present);
	assert_int_equal(pkg->overall.tasks.n, 6);
	char *html = render(pkg, JX_RENDER_OVERALL, false, NULL);
	htmlDocPtr doc = parse(html);
	xmlNodePtr sec = by_id(doc, "overall");
	assert_non_null(sec);
	collect(sec, "td", "num", &cells);
	/* Cells: the total, one per budget line, then the task amounts. */
	const jx_overall *o = &pkg->overall;
	size_t k = (o->total.present ? 1 : 0) + o->budget.n;
	assert_true(cells.n >= k);
	bool other = false;
	for (size_t i = 0; i < o->tasks.n; i++)
		other = other || o->tasks.v[i].other.present;
	for (size_t i = 0; i < o->tasks.n; i++) {
		const jx_task *t = &o->tasks.v[i];
		const jx_amount *a[4] = {&t->total, &t->basic, &t->project, &t->other};
		for (int j = 0; j < (other ? 4 : 3); j++, k++) {
			int64_t fen = 0;
			assert_true(k < cells.n);
			bool present = cell_fen(cells.v[k], a[j]->present ? a[j]->unit : JX_MU_WANYUAN, &fen);
			assert_int_equal(present, a[j]->present);
			if (present)
				assert_int_equal(fen, a[j]->fen);
		}
	}
	static nodes inds;
	collect(sec, "tr", "ind", &inds);
	assert_int_equal(inds.n, o->indicators.n);
	assert_true(inds.n > 10);
	xmlFreeDoc(doc);
	free(html);
	jx_pkg_free(pkg);
}

static void test_escaping(void **state)
{
	(void)state;
	jx_pkg *pkg = jx_pkg_new();
	assert_non_null(pkg);
	pkg->year = 2025;
	pkg->dept.name = jx_pkg_strdup(pkg, "<script>alert('x')</script>&部门");
	jx_project p;
	memset(&p, 0, sizeof p);
	p.name = jx_pkg_strdup(pkg, "项目\"<b>甲</b>\"");
	jx_src src = {"t.txt", 0, 1, 0, 0};
	assert_int_equal(jx_amount_parse(pkg, &p.amount, "12.50", 5, JX_MU_WANYUAN, src), 0);
	jx_indicator ind;
	memset(&ind, 0, sizeof ind);
	ind.level1 = "产出指标";
	ind.level2 = "数量指标";
	ind.name = jx_pkg_strdup(pkg, "人数<>");
	assert_int_equal(jx_value_parse(&ind.value, "≥95%", strlen("≥95%"), pkg->arena), 0);
	jx_indicator *pi = jx_vec_push(pkg->arena, &p.indicators);
	assert_non_null(pi);
	*pi = ind;
	jx_project *pp = jx_vec_push(pkg->arena, &pkg->projects);
	assert_non_null(pp);
	*pp = p;
	char *html = render(pkg, 0, false, NULL);
	assert_null(strstr(html, "<script>"));
	assert_null(strstr(html, "<b>甲"));
	assert_non_null(strstr(html, "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;部门"));
	assert_non_null(strstr(html, "项目&quot;&lt;b&gt;甲&lt;/b&gt;&quot;"));
	assert_non_null(strstr(html, "人数&lt;&gt;"));
	/* The value as comparator, number and unit. */
	assert_non_null(strstr(html, "<td class=\"c\">≥</td><td class=\"val\">95</td><td class=\"c\">%</td>"));
	/* The year amount in its own unit. */
	assert_non_null(strstr(html, ">12.50</td>"));
	/* One project, no tables, no schedule: nothing worth a chart. */
	assert_null(strstr(html, "<svg"));
	assert_null(strstr(html, "id=\"charts\""));
	free(html);
	/* A second project, its name over two lines: a bar chart appears, the line break is a space in the chart
	 * and a <br> in running text. */
	jx_project *q = jx_vec_push(pkg->arena, &pkg->projects);
	assert_non_null(q);
	q->name = jx_pkg_strdup(pkg, "乙\n丙");
	assert_int_equal(jx_amount_parse(pkg, &q->amount, "3.00", 4, JX_MU_WANYUAN, src), 0);
	html = render(pkg, JX_RENDER_TARGETS, false, NULL);
	assert_non_null(strstr(html, "id=\"chart-projects\""));
	assert_non_null(strstr(html, "<title>乙 丙</title>"));
	assert_non_null(strstr(html, "2. 乙<br>丙</a>"));
	assert_non_null(strstr(html, ">12.50</text>")); /* bars in 万元, largest first */
	assert_true(strstr(html, ">12.50</text>") < strstr(html, ">3.00</text>"));
	free(html);
	jx_pkg_free(pkg);
}

static void test_charts(void **state)
{
	(void)state;
	jx_pkg *pkg = load_seed("004");
	char *html = render(pkg, 0, false, NULL);
	assert_non_null(strstr(html, "id=\"chart-class\""));
	assert_non_null(strstr(html, "id=\"chart-source\""));
	assert_non_null(strstr(html, "id=\"chart-kind\""));
	assert_non_null(strstr(html, "id=\"chart-projects\""));
	assert_null(strstr(html, "id=\"chart-schedule\"")); /* seed 004 prints no spending schedule */
	assert_non_null(strstr(html, "<a href=\"#charts\">"));
	/* 基本支出 and 项目支出 from the 合计 row of 表3, with their shares. */
	assert_non_null(strstr(html, "基本支出：294.84（16.3%）"));
	assert_non_null(strstr(html, "项目支出：1,511.39（83.7%）"));
	free(html);
	html = render(pkg, 0, true, NULL);
	assert_null(strstr(html, "<svg"));
	assert_null(strstr(html, "#charts"));
	free(html);
	jx_pkg_free(pkg);

	pkg = load_seed("000"); /* 12 projects with 3/6/10/12月底 schedules */
	html = render(pkg, 0, false, NULL);
	assert_non_null(strstr(html, "id=\"chart-schedule\""));
	assert_non_null(strstr(html, "id=\"chart-projects\""));
	assert_null(strstr(html, "id=\"chart-class\""));
	size_t lines = 0;
	for (const char *p = html; (p = strstr(p, "<polyline")) != NULL; p++)
		lines++;
	size_t with_schedule = 0;
	for (size_t i = 0; i < pkg->projects.n; i++)
		with_schedule += pkg->projects.v[i].schedule.n > 0;
	assert_int_equal(with_schedule, 12);
	/* One line per distinct plan: eleven projects plan 20/40/60/100%, one 20/40/70/100%; the shared line is
	 * named "…等11个项目" and its tooltip names all eleven. */
	assert_int_equal(lines, 2);
	assert_non_null(strstr(html, " 等11个项目</text>"));
	const char *chart = strstr(html, "id=\"chart-schedule\"");
	assert_non_null(chart);
	size_t seps = 0;
	for (const char *p = chart; p < strstr(chart, "</svg>"); p++)
		seps += strncmp(p, "、", strlen("、")) == 0;
	assert_true(seps >= 10); /* eleven names on one line (a name may hold 、 itself) */
	/* Each project table prints its schedule too. */
	size_t rows = 0;
	for (const char *p = html; (p = strstr(p, "资金支出计划<br>")) != NULL; p++)
		rows++;
	assert_int_equal(rows, with_schedule);
	assert_non_null(strstr(html, "3月底 20%；　6月底 40%；　10月底 70%；　12月底 100%"));
	free(html);
	jx_pkg_free(pkg);
}

static void test_report(void **state)
{
	(void)state;
	jx_pkg *pkg = load_seed("004");
	jx_report *r = jx_report_new();
	assert_non_null(r);
	assert_int_equal(jx_report_begin(r, "seed004"), 0);
	assert_int_equal(jx_check(r, pkg, NULL), 0);
	jx_report_sort(r);
	assert_true(jx_report_count(r) > 0);
	jx_render_opts o = {JX_RENDER_REPORT, false, r};
	char *out = NULL;
	size_t len = 0;
	assert_int_equal(jx_render(pkg, JX_RENDER_HTML, &o, &out, &len), 0);
	htmlDocPtr doc = parse(out);
	xmlNodePtr sec = by_id(doc, "report");
	assert_non_null(sec);
	static nodes rows;
	collect(sec, "tr", NULL, &rows);
	assert_int_equal(rows.n, jx_report_count(r) + 1); /* the header row and one per finding */
	assert_null(by_id(doc, "tab-1"));
	assert_null(strstr(out, "<svg")); /* a bare report carries no charts */
	assert_null(strstr(out, "class=\"quote\"")); /* no document attached: nothing to quote */
	xmlFreeDoc(doc);
	free(out);
	/* With the document attached, findings about one item quote the line they point at, as written. */
	char *path = tu_seed_path("004");
	size_t tlen = 0;
	char *text = tu_read_file(path, &tlen);
	jx_report_free(r);
	r = jx_report_new();
	assert_int_equal(jx_report_attach_source(r, pkg->sources.v[0].file, text, tlen), 0);
	assert_int_equal(jx_report_begin(r, "seed004"), 0);
	assert_int_equal(jx_check(r, pkg, NULL), 0);
	jx_report_sort(r);
	o.report = r;
	assert_int_equal(jx_render(pkg, JX_RENDER_HTML, &o, &out, &len), 0);
	doc = parse(out);
	static nodes quotes;
	quotes.n = 0;
	collect(by_id(doc, "report"), "div", "quote", &quotes);
	size_t with_item = 0;
	for (size_t i = 0; i < jx_report_count(r); i++)
		with_item += jx_report_at(r, i)->item != NULL;
	assert_true(quotes.n >= 10);
	assert_true(quotes.n <= with_item);
	for (size_t i = 0; i < quotes.n; i++) {
		xmlChar *q = xmlNodeGetContent(quotes.v[i]);
		const char *qs = (const char *)q;
		assert_int_equal(strncmp(qs, "原文：", strlen("原文：")), 0);
		assert_non_null(strstr(text, qs + strlen("原文："))); /* a line of the document, not made up */
		xmlFree(q);
	}
	assert_non_null(strstr(out, "<div class=\"quote\">原文：合计 1806.23 294.84 1511.39</div>"));
	xmlFreeDoc(doc);
	free(out);
	free(text);
	free(path);
	/* The report bit without findings to show is an error, not an empty page. */
	o.report = NULL;
	assert_int_equal(jx_render(pkg, JX_RENDER_HTML, &o, &out, &len), JX_EINVAL);
	assert_null(out);
	jx_report_free(r);
	jx_pkg_free(pkg);
}

static void test_deterministic(void **state)
{
	(void)state;
	jx_pkg *pkg = load_seed("004");
	size_t l1 = 0, l2 = 0;
	char *a = render(pkg, 0, false, &l1);
	char *b = render(pkg, 0, false, &l2);
	assert_int_equal(l1, l2);
	assert_memory_equal(a, b, l1);
	free(a);
	free(b);
	jx_pkg_free(pkg);
}

static void test_errors(void **state)
{
	(void)state;
	jx_pkg *pkg = jx_pkg_new();
	char *out = NULL;
	size_t len = 0;
	assert_int_equal(jx_render(pkg, JX_RENDER_HTML, NULL, &out, &len), JX_EINVAL); /* nothing to render */
	assert_null(out);
	assert_int_equal(jx_render(pkg, JX_RENDER_CSV, NULL, &out, &len), JX_EINVAL);
	jx_pkg_free(pkg);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_money_format),   cmocka_unit_test(test_seed004_numbers),
		cmocka_unit_test(test_seed_projects),  cmocka_unit_test(test_seed001_overall),
		cmocka_unit_test(test_escaping),       cmocka_unit_test(test_charts),
		cmocka_unit_test(test_report),         cmocka_unit_test(test_deterministic),
		cmocka_unit_test(test_errors),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
