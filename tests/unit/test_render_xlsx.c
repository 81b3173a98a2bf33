/* test_render_xlsx.c: the CSV and XLSX renderings give back every amount of the model exactly. CSV files are parsed
 * here (a strict RFC 4180 reader) and each money cell is converted back to fen and compared with the model; the
 * workbook is checked by second readers: unzip + xmllint on every part, LibreOffice's own CSV export of every
 * sheet (when soffice is installed), and jx_grid_read_xlsx once that reader works. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "grid.h"
#include "jx/check.h"
#include "jx/import.h"
#include "jx/json.h"
#include "jx/render.h"
#include "render/sheet.h"
#include "util/arena.h"
#include "testutil.h"

/* ---- a strict CSV reader ---- */

typedef struct csv {
	char ***rows; /* rows[i][j] */
	size_t *ncells;
	size_t n;
} csv;

static void csv_free(csv *c)
{
	for (size_t i = 0; i < c->n; i++) {
		for (size_t j = 0; j < c->ncells[i]; j++)
			free(c->rows[i][j]);
		free(c->rows[i]);
	}
	free(c->rows);
	free(c->ncells);
}

/* UTF-8 BOM first, CRLF after every record, quotes only around fields that need them and doubled inside. */
static void csv_parse_any(csv *c, const char *d, size_t len, bool strict)
{
	memset(c, 0, sizeof *c);
	size_t i = 0;
	if (strict) {
		assert_true(len >= 3);
		assert_memory_equal(d, "\xEF\xBB\xBF", 3);
		i = 3;
	}
	while (i < len) {
		c->rows = realloc(c->rows, (c->n + 1) * sizeof *c->rows);
		c->ncells = realloc(c->ncells, (c->n + 1) * sizeof *c->ncells);
		char **cells = NULL;
		size_t nc = 0;
		for (;;) {
			char *f = malloc(len - i + 1);
			size_t fn = 0;
			if (i < len && d[i] == '"') {
				i++;
				for (;;) {
					assert_true(i < len); /* unterminated quote */
					if (d[i] == '"') {
						if (i + 1 < len && d[i + 1] == '"') {
							f[fn++] = '"';
							i += 2;
							continue;
						}
						i++;
						break;
					}
					f[fn++] = d[i++];
				}
				assert_true(i < len && (d[i] == ',' || d[i] == '\r' || (!strict && d[i] == '\n')));
			} else {
				while (i < len && d[i] != ',' && d[i] != '\r' && (strict || d[i] != '\n')) {
					assert_true(d[i] != '"' && d[i] != '\n');
					f[fn++] = d[i++];
				}
			}
			f[fn] = '\0';
			cells = realloc(cells, (nc + 1) * sizeof *cells);
			cells[nc++] = f;
			assert_true(i < len);
			if (d[i] == ',') {
				i++;
				continue;
			}
			if (!strict && d[i] == '\n') {
				i++;
				break;
			}
			assert_true(i + 1 < len && d[i] == '\r' && d[i + 1] == '\n');
			i += 2;
			break;
		}
		c->rows[c->n] = cells;
		c->ncells[c->n++] = nc;
	}
}

static void csv_parse(csv *c, const char *d, size_t len) { csv_parse_any(c, d, len, true); }

static const char *cell(const csv *c, size_t r, size_t k) { return r < c->n && k < c->ncells[r] ? c->rows[r][k] : ""; }

/* A money cell back to fen, in a unit worth `per` fen. Blank gives false. */
static bool cell_fen(const char *s, int64_t per, int64_t *fen)
{
	if (!*s)
		return false;
	jx_decimal d;
	int used = jx_decimal_parse(&d, s, strlen(s));
	assert_int_equal(used, (int)strlen(s)); /* plain decimals only: no separators, no unit */
	assert_int_equal(jx_decimal_to_fen(&d, per, fen), 0);
	return true;
}

/* The unit line ("单位：万元") is in the first rows, after the form's number and title, at the end of the row
 * that names the department. */
static int64_t unit_of(const csv *c)
{
	const char *u = "";
	for (size_t r = 0; r < 4 && r < c->n && !*u; r++)
		for (size_t k = 0; k < c->ncells[r]; k++)
			if (!strncmp(c->rows[r][k], "单位：", strlen("单位：")))
				u = c->rows[r][k];
	jx_money_unit mu = jx_money_unit_parse(u);
	assert_int_not_equal(mu, JX_MU_NONE);
	return jx_money_unit_fen_per(mu);
}

/* ---- comparing the files with the model ---- */

typedef struct files {
	char **names;
	char **data;
	size_t *len;
	size_t n;
} files;

static int collect(void *ud, const char *name, const char *data, size_t len)
{
	files *f = ud;
	f->names = realloc(f->names, (f->n + 1) * sizeof *f->names);
	f->data = realloc(f->data, (f->n + 1) * sizeof *f->data);
	f->len = realloc(f->len, (f->n + 1) * sizeof *f->len);
	f->names[f->n] = strdup(name);
	f->data[f->n] = malloc(len + 1);
	memcpy(f->data[f->n], data, len);
	f->data[f->n][len] = '\0';
	f->len[f->n++] = len;
	return 0;
}

static void files_free(files *f)
{
	for (size_t i = 0; i < f->n; i++) {
		free(f->names[i]);
		free(f->data[i]);
	}
	free(f->names);
	free(f->data);
	free(f->len);
}

static void expect_amount(const jx_amount *a, const char *s, int64_t per, size_t *compared)
{
	int64_t fen = 0;
	bool present = cell_fen(s, per, &fen);
	assert_int_equal(present, a->present);
	if (present) {
		assert_int_equal(fen, a->fen);
		(*compared)++;
	}
}

/* A disclosure table's CSV: rows of each side in order, amounts after the name columns. */
static size_t check_table_csv(const jx_table *t, const csv *c)
{
	int64_t per = unit_of(c);
	if (t->unit)
		assert_int_equal(jx_money_unit_fen_per(t->unit), per);
	bool two = false;
	for (size_t i = 0; i < t->rows.n; i++)
		two |= t->rows.v[i].side == 1;
	for (size_t i = 0; i < t->columns.n; i++)
		two |= t->columns.v[i].side == 1;
	/* Header depth: the first row whose first cell is not a header label is data; count from the model. */
	size_t depth = 1;
	for (size_t i = 0; i < t->columns.n; i++) {
		size_t parts = 1;
		for (const char *p = t->columns.v[i].name; p && *p; p++)
			parts += *p == '/';
		if (parts > depth)
			depth = parts;
	}
	/* 预算公开表N, title, department and unit, then the header rows. */
	size_t data0 = (t->number > 0 ? 1 : 0) + 2 + depth + (two ? 1 : 0), compared = 0, col0 = 0;
	for (int side = 0; side < (two ? 2 : 1); side++) {
		bool code = false, name2 = false;
		size_t ncol = 0, r = data0;
		for (size_t i = 0; i < t->rows.n; i++)
			if (t->rows.v[i].side == side) {
				code |= t->rows.v[i].code && *t->rows.v[i].code;
				name2 |= t->rows.v[i].name2 && *t->rows.v[i].name2;
			}
		for (size_t j = 0; j < t->columns.n; j++)
			ncol += t->columns.v[j].side == side;
		size_t namec = col0 + (code ? 1 : 0);
		for (size_t i = 0; i < t->rows.n; i++) {
			const jx_row *row = &t->rows.v[i];
			if (row->side != side)
				continue;
			/* Two-sided tables line their totals up, leaving the shorter side blank in between. */
			while (two && r < c->n && !*cell(c, r, namec) && row->name && *row->name)
				r++;
			assert_string_equal(cell(c, r, namec), row->name ? row->name : "");
			if (code)
				assert_string_equal(cell(c, r, col0), row->code ? row->code : "");
			size_t k = namec + 1 + (name2 ? 1 : 0);
			for (size_t j = 0; j < t->columns.n; j++)
				if (t->columns.v[j].side == side)
					expect_amount(&row->amounts[j], cell(c, r, k++), per, &compared);
			r++;
		}
		col0 = namec + 1 + (name2 ? 1 : 0) + ncol;
	}
	return compared;
}

/* A project's CSV: the 项目资金 block (合计 row, then one row per funding source). */
static size_t check_project_csv(const jx_project *p, const csv *c)
{
	int64_t per = unit_of(c);
	size_t compared = 0;
	assert_string_equal(cell(c, 2, 0), "项目名称");
	assert_string_equal(cell(c, 2, 1), p->name ? p->name : "");
	size_t r = 0;
	while (r < c->n && strcmp(cell(c, r, 0), "项目资金"))
		r++;
	assert_true(r < c->n);
	assert_string_equal(cell(c, r + 1, 1), "合计");
	expect_amount(&p->amount_total, cell(c, r + 1, 3), per, &compared);
	expect_amount(&p->amount, cell(c, r + 1, 4), per, &compared);
	for (size_t i = 0; i < p->funding.n; i++) {
		assert_string_equal(cell(c, r + 2 + i, 1), p->funding.v[i].source ? p->funding.v[i].source : "");
		expect_amount(&p->funding.v[i].total, cell(c, r + 2 + i, 3), per, &compared);
		expect_amount(&p->funding.v[i].year, cell(c, r + 2 + i, 4), per, &compared);
	}
	/* Indicators: every three-level name appears in column 3 in order. */
	size_t k = r;
	for (size_t i = 0; i < p->indicators.n; i++) {
		if (p->indicators.v[i].scope != JX_SCOPE_YEAR)
			continue;
		while (k < c->n && strcmp(cell(c, k, 2), p->indicators.v[i].name ? p->indicators.v[i].name : ""))
			k++;
		assert_true(k < c->n);
	}
	return compared;
}

static size_t check_pkg_csv(const jx_pkg *pkg)
{
	files f = {0};
	assert_int_equal(jx_render_csv(pkg, NULL, collect, &f), 0);
	size_t tables = 0, projects = 0, compared = 0;
	for (size_t i = 0; i < f.n; i++) {
		csv c;
		csv_parse(&c, f.data[i], f.len[i]);
		if (!strncmp(f.names[i], "表", strlen("表"))) {
			assert_true(tables < pkg->tables.n);
			compared += check_table_csv(&pkg->tables.v[tables++], &c);
		} else if (!strncmp(f.names[i], "项目", strlen("项目"))) {
			char prefix[32];
			snprintf(prefix, sizeof prefix, "项目%02zu-", projects + 1);
			assert_memory_equal(f.names[i], prefix, strlen(prefix));
			compared += check_project_csv(&pkg->projects.v[projects++], &c);
		} else {
			assert_string_equal(f.names[i], "整体-部门整体支出绩效目标表.csv");
			assert_true(pkg->overall.present);
		}
		assert_non_null(strstr(f.names[i], ".csv"));
		assert_null(strchr(f.names[i], '/'));
		csv_free(&c);
	}
	assert_int_equal(tables, pkg->tables.n);
	assert_int_equal(projects, pkg->projects.n);
	assert_int_equal(f.n, pkg->tables.n + pkg->projects.n + (pkg->overall.present ? 1 : 0));
	files_free(&f);
	return compared;
}

static jx_pkg *seed(const char *prefix)
{
	char *path = tu_seed_path(prefix);
	jx_pkg *pkg = NULL;
	if (jx_import_file(&pkg, path, NULL))
		fail_msg("%s: %s", path, jx_error_last());
	free(path);
	return pkg;
}

static void test_money_text(void **state)
{
	(void)state;
	char buf[48];
	assert_string_equal(jx_sheet_money_text(19000000, 100, 0, buf), "190000");
	assert_string_equal(jx_sheet_money_text(1806230000, 1000000, 2, buf), "1806.23");
	assert_string_equal(jx_sheet_money_text(1806230000, 1000000, 0, buf), "1806.23");
	assert_string_equal(jx_sheet_money_text(5, 1000000, 2, buf), "0.000005");
	assert_string_equal(jx_sheet_money_text(-150, 100, 2, buf), "-1.50");
	assert_string_equal(jx_sheet_money_text(100, 100, 0, buf), "1");
	assert_string_equal(jx_sheet_money_text(INT64_MIN, 100, 2, buf), "-92233720368547758.08");
	assert_int_equal(jx_sheet_text_width("合计ab"), 6);
}

static jx_amount wan(int64_t fen, int scale)
{
	return (jx_amount){.present = true, .fen = fen, .unit = JX_MU_WANYUAN, .scale = (int8_t)scale};
}

/* A hand-made table: grouped headers, a name that needs quoting, an amount with more decimals than printed. */
static void test_csv_quoting(void **state)
{
	(void)state;
	jx_pkg *pkg = jx_pkg_new();
	jx_table *t = jx_vec_push(pkg->arena, &pkg->tables);
	t->number = 2;
	t->title = "2025年预算收入总表";
	t->unit = JX_MU_WANYUAN;
	static const char *const cols[] = {"本年收入/合计", "本年收入/一般公共预算", "上年结转"};
	for (size_t i = 0; i < 3; i++)
	{
		jx_column *c = jx_vec_push(pkg->arena, &t->columns);
		c->name = cols[i];
	}
	jx_row *r = jx_vec_push(pkg->arena, &t->rows);
	r->name = "合计";
	r->kind = JX_ROW_TOTAL;
	r->amounts = jx_arena_calloc(pkg->arena, 3, sizeof *r->amounts);
	r->amounts[0] = wan(30410000, 2);
	r->amounts[1] = wan(30410000, 2);
	r = jx_vec_push(pkg->arena, &t->rows);
	r->name = "他,\"说\"";
	r->amounts = jx_arena_calloc(pkg->arena, 3, sizeof *r->amounts);
	r->amounts[0] = wan(1005000, 2);
	r->amounts[2] = wan(0, 2);
	files f = {0};
	jx_render_opts o = {.what = JX_RENDER_TABLES};
	assert_int_equal(jx_render_csv(pkg, &o, collect, &f), 0);
	assert_int_equal(f.n, 1);
	assert_string_equal(f.names[0], "表02-收入总表.csv");
	assert_string_equal(f.data[0], "\xEF\xBB\xBF"
				       "预算公开表2,,,\r\n"
				       "2025年预算收入总表,,,\r\n"
				       "单位：万元,,,\r\n"
				       "项目,本年收入,,上年结转\r\n"
				       ",合计,一般公共预算,\r\n"
				       "合计,30.41,30.41,\r\n"
				       "\"他,\"\"说\"\"\",1.005,,0.00\r\n");
	files_free(&f);
	f = (files){0};
	/* Nothing to render is an error, not an empty set of files. */
	o.what = JX_RENDER_TARGETS;
	assert_int_equal(jx_render_csv(pkg, &o, collect, &f), JX_EINVAL);
	assert_int_equal(f.n, 0);
	jx_pkg_free(pkg);
}

static void test_csv_seeds(void **state)
{
	(void)state;
	static const struct {
		const char *seed;
		size_t min_compared;
	} seeds[] = {{"000", 1}, {"001", 0}, {"002", 1}, {"003", 1}, {"004", 500}};
	for (size_t i = 0; i < sizeof seeds / sizeof *seeds; i++) {
		jx_pkg *pkg = seed(seeds[i].seed);
		size_t n = check_pkg_csv(pkg);
		if (n < seeds[i].min_compared)
			fail_msg("seed %s: only %zu amounts compared", seeds[i].seed, n);
		jx_pkg_free(pkg);
	}
}

static void test_csv_example(void **state)
{
	(void)state;
	size_t len = 0;
	char *json = tu_read_file(JX_EXAMPLES_DIR "/qingshan-2025.json", &len);
	jx_pkg *pkg = NULL;
	assert_int_equal(jx_pkg_from_json(&pkg, json, len, "qingshan-2025.json"), 0);
	free(json);
	size_t n = check_pkg_csv(pkg);
	assert_true(n >= pkg->projects.n);
	jx_pkg_free(pkg);
}

/* ---- XLSX ---- */

static char *tmp_xlsx(const char *tag)
{
	char *p = malloc(256);
	snprintf(p, 256, "%s/jx-test-render-%s-%d.xlsx", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp", tag, (int)getpid());
	return p;
}

static char *render_xlsx(const jx_pkg *pkg, unsigned what, size_t *len)
{
	char *data = NULL;
	jx_render_opts o = {.what = what};
	if (jx_render(pkg, JX_RENDER_XLSX, &o, &data, len))
		fail_msg("%s", jx_error_last());
	return data;
}

static void save(const char *path, const char *data, size_t len)
{
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, len, f), len);
	fclose(f);
}

static char *sh(const char *cmd)
{
	FILE *p = popen(cmd, "r");
	assert_non_null(p);
	size_t cap = 1 << 22, n = 0, got;
	char *buf = malloc(cap);
	while ((got = fread(buf + n, 1, cap - n - 1, p)) > 0)
		n += got;
	buf[n] = '\0';
	int st = pclose(p);
	if (st)
		fail_msg("%s: exit %d", cmd, st);
	return buf;
}

static size_t count(const char *hay, const char *needle)
{
	size_t n = 0;
	for (const char *p = hay; (p = strstr(p, needle)) != NULL; p += strlen(needle))
		n++;
	return n;
}

/* A second reader: the zip is intact, every part is well-formed XML, and the sheets carry what finance staff expect
 * (merged title and headers, frozen panes, A4 landscape for wide tables, header rows repeated, fit to width). */
static void test_xlsx_parts(void **state)
{
	(void)state;
	jx_pkg *pkg = seed("004");
	size_t len = 0;
	char *data = render_xlsx(pkg, 0, &len);
	char *path = tmp_xlsx("parts");
	save(path, data, len);
	free(data);
	char cmd[1024];
	snprintf(cmd, sizeof cmd,
		 "d=$(mktemp -d) && unzip -tqq %s && unzip -qq %s -d $d && find $d -name '*.xml' -o -name '*.rels' | "
		 "while read -r f; do xmllint --noout \"$f\" || exit 1; done; s=$?; rm -rf $d; exit $s",
		 path, path);
	free(sh(cmd));
	snprintf(cmd, sizeof cmd, "unzip -p %s xl/workbook.xml", path);
	char *wb = sh(cmd);
	assert_int_equal(count(wb, "<sheet "), pkg->tables.n + 1 + pkg->projects.n);
	assert_non_null(strstr(wb, "<sheet name=\"表1 收支总表\" sheetId=\"1\""));
	assert_non_null(strstr(wb, "<sheet name=\"部门整体支出绩效目标\""));
	assert_non_null(strstr(wb, "<sheet name=\"项目1 残疾儿童康复救助(市级）\""));
	assert_int_equal(count(wb, "_xlnm.Print_Titles"), pkg->tables.n + 1 + pkg->projects.n);
	free(wb);
	/* 表2: title merged across, grouped header 本年收入 merged over its columns, names merged down two rows. */
	snprintf(cmd, sizeof cmd, "unzip -p %s xl/worksheets/sheet2.xml", path);
	char *s2 = sh(cmd);
	assert_non_null(strstr(s2, "<mergeCell ref=\"A1:I1\"/>")); /* 预算公开表2 */
	assert_non_null(strstr(s2, "<mergeCell ref=\"A2:I2\"/>")); /* the title */
	assert_non_null(strstr(s2, "<mergeCell ref=\"A3:H3\"/>")); /* 部门名称, then 单位 in I3 */
	assert_non_null(strstr(s2, "<mergeCell ref=\"C4:H4\"/>"));
	assert_non_null(strstr(s2, "<mergeCell ref=\"A4:A5\"/>"));
	assert_non_null(strstr(s2, "<pane ySplit=\"5\" topLeftCell=\"A6\""));
	assert_non_null(strstr(s2, "paperSize=\"9\""));
	assert_non_null(strstr(s2, "orientation=\"landscape\""));
	assert_non_null(strstr(s2, "<pageSetUpPr fitToPage=\"1\"/>"));
	assert_non_null(strstr(s2, "<v>1800.42</v>"));
	free(s2);
	/* Numbers are numbers with a 0.00 format; 合计 is bold. */
	snprintf(cmd, sizeof cmd, "unzip -p %s xl/styles.xml", path);
	char *st = sh(cmd);
	assert_non_null(strstr(st, "formatCode=\"0.00\""));
	assert_non_null(strstr(st, "<b/>"));
	free(st);
	unlink(path);
	free(path);
	jx_pkg_free(pkg);
}

static int64_t per_of_unit_line(const char *s)
{
	jx_money_unit u = jx_money_unit_parse(s);
	assert_int_not_equal(u, JX_MU_NONE);
	return jx_money_unit_fen_per(u);
}

/* A name without the ideographic spaces the reader puts for the cell's indent (类/款/项). */
static const char *unindent(const char *s)
{
	while (!strncmp(s, "\u3000", 3))
		s += 3;
	return s;
}

/* Re-read the workbook with jx_grid_read_xlsx: every amount of every disclosure table, in its sheet. */
static size_t reread_tables(const jx_pkg *pkg, const jx_grid *g)
{
	size_t compared = 0;
	for (size_t t = 0; t < pkg->tables.n; t++) {
		const jx_table *tb = &pkg->tables.v[t];
		uint32_t page = (uint32_t)t + 1;
		size_t first = 0;
		while (first < g->rows.n && g->rows.v[first].src.page != page)
			first++;
		/* 预算公开表N, the title, then 部门名称 … 单位 (the unit in the row's last cell). */
		assert_true(first + 2 < g->rows.n);
		assert_int_equal(strcmp(g->rows.v[first].cells[0].text, jx_arena_printf(pkg->arena, "预算公开表%d", tb->number)), 0);
		const jx_grid_row *ur = &g->rows.v[first + 2];
		int64_t per = per_of_unit_line(ur->cells[ur->n - 1].text);
		bool two = false;
		for (size_t i = 0; i < tb->rows.n; i++)
			two |= tb->rows.v[i].side == 1;
		for (size_t i = 0; i < tb->columns.n; i++)
			two |= tb->columns.v[i].side == 1;
		size_t col0 = 0;
		for (int side = 0; side < (two ? 2 : 1); side++) {
			bool code = false, name2 = false;
			size_t ncol = 0;
			for (size_t i = 0; i < tb->rows.n; i++)
				if (tb->rows.v[i].side == side) {
					code |= tb->rows.v[i].code && *tb->rows.v[i].code;
					name2 |= tb->rows.v[i].name2 && *tb->rows.v[i].name2;
				}
			for (size_t j = 0; j < tb->columns.n; j++)
				ncol += tb->columns.v[j].side == side;
			size_t namec = col0 + (code ? 1 : 0), r = first + 3;
			for (size_t i = 0; i < tb->rows.n; i++) {
				const jx_row *row = &tb->rows.v[i];
				if (row->side != side)
					continue;
				while (r < g->rows.n && g->rows.v[r].src.page == page &&
				       !(namec < g->rows.v[r].n &&
					 !strcmp(unindent(g->rows.v[r].cells[namec].text), row->name ? row->name : "")))
					r++;
				if (r >= g->rows.n || g->rows.v[r].src.page != page)
					fail_msg("表%d: row %s not found", tb->number, row->name);
				const jx_grid_row *gr = &g->rows.v[r];
				size_t k = namec + 1 + (name2 ? 1 : 0);
				for (size_t j = 0; j < tb->columns.n; j++)
					if (tb->columns.v[j].side == side) {
						/* blank cells at the end of a row may be left out of the grid */
						const char *text = k < gr->n ? gr->cells[k].text : "";
						expect_amount(&row->amounts[j], text, per, &compared);
						k++;
					}
				r++;
			}
			col0 = namec + 1 + (name2 ? 1 : 0) + ncol;
		}
	}
	return compared;
}

static void test_xlsx_reread_tables(void **state)
{
	(void)state;
	jx_pkg *pkg = seed("004");
	size_t len = 0;
	char *data = render_xlsx(pkg, JX_RENDER_TABLES, &len);
	jx_pkg *tmp = jx_pkg_new();
	jx_grid g = {0};
	if (jx_grid_read_xlsx(&g, tmp, data, len, "render.xlsx"))
		fail_msg("%s", jx_error_last());
	size_t n = reread_tables(pkg, &g), want = 0;
	for (size_t t = 0; t < pkg->tables.n; t++)
		for (size_t i = 0; i < pkg->tables.v[t].rows.n; i++)
			for (size_t j = 0; j < pkg->tables.v[t].columns.n; j++)
				want += pkg->tables.v[t].rows.v[i].amounts[j].present;
	assert_int_equal(n, want);
	assert_true(n > 300);
	jx_pkg_free(tmp);
	free(data);
	jx_pkg_free(pkg);
}

static void same_amount(const jx_amount *a, const jx_amount *b)
{
	assert_int_equal(a->present, b->present);
	if (a->present)
		assert_int_equal(a->fen, b->fen);
}

static const char *str_or_empty(const char *s) { return s ? s : ""; }

/* Renders `what` of pkg as a workbook and imports it back (jx import on it), which must not warn. */
static jx_pkg *import_rendered(const jx_pkg *pkg, unsigned what)
{
	size_t len = 0;
	char *data = render_xlsx(pkg, what, &len);
	jx_pkg *back = NULL;
	if (jx_import_buffer(&back, data, len, "render.xlsx", NULL))
		fail_msg("%s", jx_error_last());
	free(data);
	for (size_t i = 0; i < back->notes.n; i++)
		if (back->notes.v[i].level >= JX_NOTE_WARNING)
			fail_msg("note %s: %s", back->notes.v[i].code, back->notes.v[i].message);
	return back;
}


/* The whole workbook imported back (jx import on it): every disclosure table is the model's again, row for row,
 * with the same codes, names, levels, kinds, sides and amounts in fen. Returns the amounts compared. */
static size_t import_tables_back(const jx_pkg *pkg)
{
	jx_pkg *back = import_rendered(pkg, 0);
	assert_string_equal(str_or_empty(back->dept.name), str_or_empty(pkg->dept.name));
	assert_int_equal(back->tables.n, pkg->tables.n);
	assert_int_equal(back->projects.n, pkg->projects.n);
	assert_int_equal(back->overall.present, pkg->overall.present);
	size_t compared = 0;
	for (size_t t = 0; t < pkg->tables.n; t++) {
		const jx_table *a = &pkg->tables.v[t], *b = &back->tables.v[t];
		assert_int_equal(a->number, b->number);
		assert_string_equal(str_or_empty(a->title), str_or_empty(b->title));
		assert_string_equal(str_or_empty(a->note), str_or_empty(b->note));
		if (a->unit)
			assert_int_equal(a->unit, b->unit);
		assert_int_equal(a->columns.n, b->columns.n);
		for (size_t c = 0; c < a->columns.n; c++) {
			assert_string_equal(a->columns.v[c].name, b->columns.v[c].name);
			assert_int_equal(a->columns.v[c].side, b->columns.v[c].side);
		}
		if (a->rows.n != b->rows.n)
			fail_msg("表%d: %zu rows back, %zu in the model", a->number, b->rows.n, a->rows.n);
		for (size_t r = 0; r < a->rows.n; r++) {
			const jx_row *x = &a->rows.v[r], *y = &b->rows.v[r];
			assert_string_equal(str_or_empty(x->name), str_or_empty(y->name));
			assert_string_equal(str_or_empty(x->code), str_or_empty(y->code));
			assert_string_equal(str_or_empty(x->name2), str_or_empty(y->name2));
			assert_int_equal(x->side, y->side);
			if (x->level != y->level || x->kind != y->kind)
				fail_msg("表%d %s: level %d kind %d back, %d %d in the model", a->number, x->name, y->level,
					 y->kind, x->level, x->kind);
			for (size_t c = 0; c < a->columns.n; c++) {
				same_amount(&x->amounts[c], &y->amounts[c]);
				compared += x->amounts[c].present;
			}
		}
	}
	jx_pkg_free(back);
	return compared;
}

static void test_xlsx_import_tables(void **state)
{
	(void)state;
	jx_pkg *pkg = seed("004");
	size_t n = import_tables_back(pkg);
	if (n < 300)
		fail_msg("only %zu amounts compared", n);
	jx_pkg_free(pkg);
	size_t len = 0;
	char *json = tu_read_file(JX_EXAMPLES_DIR "/qingshan-2025.json", &len);
	assert_int_equal(jx_pkg_from_json(&pkg, json, len, "qingshan-2025.json"), 0);
	free(json);
	assert_int_equal(import_tables_back(pkg), 17); /* 表3: 3 + 3 + 3 + 4 × 2 */
	jx_pkg_free(pkg);
}

/* Indicators of one scope, in order. */
static const jx_indicator *nth(const jx_project *p, jx_scope scope, size_t n)
{
	for (size_t i = 0; i < p->indicators.n; i++)
		if (p->indicators.v[i].scope == scope && n-- == 0)
			return &p->indicators.v[i];
	return NULL;
}

/* The project sheets imported back (jx import on the workbook) give the same projects. */
static size_t reread_projects(const jx_pkg *pkg)
{
	jx_pkg *back = import_rendered(pkg, JX_RENDER_TARGETS);
	assert_int_equal(back->projects.n, pkg->projects.n);
	size_t compared = 0;
	for (size_t i = 0; i < pkg->projects.n; i++) {
		const jx_project *a = &pkg->projects.v[i], *b = &back->projects.v[i];
		assert_string_equal(a->name, b->name);
		if (a->supervisor)
			assert_string_equal(a->supervisor, b->supervisor);
		if (a->implementer)
			assert_string_equal(a->implementer, b->implementer);
		same_amount(&a->amount, &b->amount);
		same_amount(&a->amount_total, &b->amount_total);
		size_t fb = 0;
		for (size_t k = 0; k < a->funding.n; k++) {
			const jx_funding *f = &a->funding.v[k];
			if (!f->total.present && !f->year.present)
				continue; /* an empty funding line is not written back */
			assert_true(fb < b->funding.n);
			assert_string_equal(f->source, b->funding.v[fb].source);
			same_amount(&f->total, &b->funding.v[fb].total);
			same_amount(&f->year, &b->funding.v[fb].year);
			fb++;
			compared += 2;
		}
		assert_int_equal(fb, b->funding.n);
		if (a->goal_year.s)
			assert_string_equal(a->goal_year.s, b->goal_year.s);
		assert_int_equal(a->indicators.n, b->indicators.n);
		for (int scope = JX_SCOPE_YEAR; scope <= JX_SCOPE_PERIOD; scope++)
			for (size_t k = 0;; k++) {
				const jx_indicator *x = nth(a, (jx_scope)scope, k), *y = nth(b, (jx_scope)scope, k);
				assert_true((x == NULL) == (y == NULL));
				if (!x)
					break;
				assert_string_equal(x->name, y->name);
				assert_int_equal(x->l1, y->l1);
				assert_int_equal(x->l2, y->l2);
				assert_int_equal(x->value.op, y->value.op);
				assert_int_equal(x->value.kind, y->value.kind);
				assert_int_equal(x->value.has_number, y->value.has_number);
				if (x->value.has_number)
					assert_int_equal(jx_decimal_cmp(&x->value.number, &y->value.number), 0);
				assert_string_equal(x->value.unit ? x->value.unit : "", y->value.unit ? y->value.unit : "");
				assert_int_equal(x->value.fen, y->value.fen);
				compared++;
			}
	}
	jx_pkg_free(back);
	return compared;
}

static void test_xlsx_reread_projects(void **state)
{
	(void)state;
	static const struct {
		const char *seed;
		size_t min;
	} seeds[] = {{"000", 50}, {"002", 20}, {"003", 20}, {"004", 300}};
	for (size_t i = 0; i < sizeof seeds / sizeof *seeds; i++) {
		jx_pkg *pkg = seed(seeds[i].seed);
		size_t n = reread_projects(pkg);
		if (n < seeds[i].min)
			fail_msg("seed %s: only %zu values compared", seeds[i].seed, n);
		jx_pkg_free(pkg);
	}
	size_t len = 0;
	char *json = tu_read_file(JX_EXAMPLES_DIR "/qingshan-2025.json", &len);
	jx_pkg *pkg = NULL;
	assert_int_equal(jx_pkg_from_json(&pkg, json, len, "qingshan-2025.json"), 0);
	free(json);
	assert_true(reread_projects(pkg) >= 17);
	jx_pkg_free(pkg);
}

/* LibreOffice (installed by the test command) opens the workbook and exports every sheet as CSV: each must say what jx's own CSV
 * says, cell for cell (numbers compared as exact decimals). */
static void test_xlsx_libreoffice(void **state)
{
	(void)state;
	assert_int_equal(system("command -v soffice >/dev/null 2>&1"), 0); /* scripts/deps.sh test installs it */
	jx_pkg *pkg = seed("004");
	size_t len = 0;
	char *data = render_xlsx(pkg, 0, &len);
	char dir[256];
	snprintf(dir, sizeof dir, "%s/jx-test-lo-%d", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp", (int)getpid());
	char cmd[2048];
	snprintf(cmd, sizeof cmd, "rm -rf %s && mkdir -p %s", dir, dir);
	free(sh(cmd));
	char path[300];
	snprintf(path, sizeof path, "%s/r.xlsx", dir);
	save(path, data, len);
	free(data);
	snprintf(cmd, sizeof cmd,
		 "timeout 300 soffice -env:UserInstallation=file:///tmp/lo-xlsx --headless --convert-to "
		 "'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1' --outdir %s %s >/dev/null 2>&1; "
		 "ls %s | grep -c 'csv$'",
		 dir, path, dir);
	char *out = sh(cmd);
	assert_int_equal(atoi(out), (int)(pkg->tables.n + 1 + pkg->projects.n));
	free(out);
	files f = {0};
	assert_int_equal(jx_render_csv(pkg, NULL, collect, &f), 0);
	size_t compared = 0;
	for (size_t i = 0; i < f.n && i < pkg->tables.n; i++) {
		/* LibreOffice names the files after the sheets: r-表1 收支总表.csv. */
		char sheetname[600];
		snprintf(cmd, sizeof cmd, "ls %s | grep '^r-表%zu ' | head -1", dir, i + 1);
		char *name = sh(cmd);
		name[strcspn(name, "\n")] = '\0';
		assert_true(*name);
		snprintf(sheetname, sizeof sheetname, "%s/%s", dir, name);
		free(name);
		size_t lol = 0;
		char *lo = tu_read_file(sheetname, &lol);
		csv a, b;
		csv_parse_any(&a, lo, lol, false);
		csv_parse(&b, f.data[i], f.len[i]);
		assert_int_equal(a.n, b.n);
		for (size_t r = 0; r < a.n; r++)
			for (size_t k = 0; k < b.ncells[r]; k++) {
				const char *x = cell(&a, r, k), *y = cell(&b, r, k);
				jx_decimal dx, dy;
				int ux = jx_decimal_parse(&dx, x, strlen(x)), uy = jx_decimal_parse(&dy, y, strlen(y));
				if (*y && uy == (int)strlen(y) && ux == (int)strlen(x)) {
					assert_int_equal(jx_decimal_cmp(&dx, &dy), 0);
					compared++;
				} else {
					assert_string_equal(x, y);
				}
			}
		csv_free(&a);
		csv_free(&b);
		free(lo);
	}
	if (compared < 350)
		fail_msg("only %zu numbers compared", compared);
	files_free(&f);
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	free(sh(cmd));
	jx_pkg_free(pkg);
}

/* Worksheet names: at most 31 characters, none of []:*?/\, unique even when two projects share a long name. */
static void test_xlsx_sheet_names(void **state)
{
	(void)state;
	jx_pkg *pkg = jx_pkg_new();
	static const char *const names[] = {"a/b:c*d?e[f]g\\h项目名称很长很长超过三十一个字符的限制一二三四五六七八九十",
					    "a/b:c*d?e[f]g\\h项目名称很长很长超过三十一个字符的限制一二三四五六七八九十",
					    "短名"};
	for (size_t i = 0; i < 3; i++) {
		jx_project *p = jx_vec_push(pkg->arena, &pkg->projects);
		p->name = names[i];
		p->amount = (jx_amount){.present = true, .fen = 1234567, .unit = JX_MU_YUAN, .scale = 2};
	}
	size_t len = 0;
	char *data = render_xlsx(pkg, JX_RENDER_TARGETS, &len);
	char *path = tmp_xlsx("names");
	save(path, data, len);
	free(data);
	char cmd[512];
	snprintf(cmd, sizeof cmd, "unzip -p %s xl/workbook.xml | grep -o '<sheet name=\"[^\"]*\"' | sed 's/<sheet name=\"//; s/\"$//'", path);
	char *out = sh(cmd);
	char *seen[3] = {0};
	size_t n = 0;
	for (char *line = strtok(out, "\n"); line; line = strtok(NULL, "\n")) {
		assert_true(n < 3);
		size_t cps = 0;
		for (const unsigned char *q = (const unsigned char *)line; *q; q++)
			cps += (*q & 0xC0) != 0x80;
		assert_true(cps <= 31);
		assert_null(strpbrk(line, "[]:*?/\\"));
		for (size_t k = 0; k < n; k++)
			assert_string_not_equal(seen[k], line);
		seen[n++] = line;
	}
	assert_int_equal(n, 3);
	assert_string_equal(seen[0], "项目1 abcdefgh项目名称很长很长超过三十一个字符的限制"); /* 31 characters */
	assert_string_equal(seen[1], "项目2 abcdefgh项目名称很长很长超过三十一个字符的限制");
	assert_string_equal(seen[2], "项目3 短名");
	free(out);
	unlink(path);
	free(path);
	jx_pkg_free(pkg);
}

/* The overall sheet imported back gives the same overall table: money, tasks, goals, indicators. */
static size_t reread_overall(const jx_pkg *pkg)
{
	size_t compared = 0;
	jx_pkg *back = import_rendered(pkg, JX_RENDER_OVERALL);
	const jx_overall *a = &pkg->overall, *b = &back->overall;
	assert_true(b->present);
	same_amount(&a->total, &b->total);
	compared += a->total.present;
	assert_int_equal(a->budget.n, b->budget.n);
	for (size_t i = 0; i < a->budget.n; i++) {
		assert_string_equal(a->budget.v[i].name, b->budget.v[i].name);
		assert_string_equal(a->budget.v[i].group, b->budget.v[i].group);
		same_amount(&a->budget.v[i].amount, &b->budget.v[i].amount);
		compared++;
	}
	assert_int_equal(a->tasks.n, b->tasks.n);
	for (size_t i = 0; i < a->tasks.n; i++) {
		assert_string_equal(a->tasks.v[i].name, b->tasks.v[i].name);
		same_amount(&a->tasks.v[i].total, &b->tasks.v[i].total);
		same_amount(&a->tasks.v[i].basic, &b->tasks.v[i].basic);
		same_amount(&a->tasks.v[i].project, &b->tasks.v[i].project);
		same_amount(&a->tasks.v[i].other, &b->tasks.v[i].other);
		compared++;
	}
	assert_int_equal(a->goals.n, b->goals.n);
	for (size_t i = 0; i < a->goals.n; i++)
		assert_string_equal(a->goals.v[i].text, b->goals.v[i].text);
	assert_int_equal(a->indicators.n, b->indicators.n);
	for (size_t i = 0; i < a->indicators.n; i++) {
		const jx_indicator *x = &a->indicators.v[i], *y = &b->indicators.v[i];
		assert_string_equal(x->name, y->name);
		assert_int_equal(x->l2, y->l2);
		assert_int_equal(x->value.op, y->value.op);
		assert_int_equal(x->value.kind, y->value.kind);
		if (x->value.has_number)
			assert_int_equal(jx_decimal_cmp(&x->value.number, &y->value.number), 0);
		compared++;
	}
	jx_pkg_free(back);
	return compared;
}

static void test_xlsx_reread_overall(void **state)
{
	(void)state;
	/* Seed 003 has no overall table. */
	static const struct {
		const char *seed;
		size_t compared;
	} seeds[] = {{"000", 3}, {"001", 85}, {"002", 13}, {"004", 47}};
	for (size_t i = 0; i < sizeof seeds / sizeof *seeds; i++) {
		jx_pkg *pkg = seed(seeds[i].seed);
		assert_true(pkg->overall.present);
		size_t n = reread_overall(pkg);
		if (n != seeds[i].compared)
			fail_msg("seed %s: %zu compared, expected %zu", seeds[i].seed, n, seeds[i].compared);
		jx_pkg_free(pkg);
	}
	size_t len = 0;
	char *json = tu_read_file(JX_EXAMPLES_DIR "/qingshan-2025.json", &len);
	jx_pkg *pkg = NULL;
	assert_int_equal(jx_pkg_from_json(&pkg, json, len, "qingshan-2025.json"), 0);
	free(json);
	assert_true(reread_overall(pkg) >= 10);
	jx_pkg_free(pkg);
}

/* The findings of jx check as a table: one row per finding, its rule, subject and message. */
static void test_csv_report(void **state)
{
	(void)state;
	jx_pkg *pkg = seed("004");
	jx_report *rep = jx_report_new();
	assert_int_equal(jx_check(rep, pkg, NULL), 0);
	size_t n = 0;
	for (size_t i = 0; i < jx_report_count(rep); i++)
		n += jx_report_at(rep, i)->severity != JX_SEV_OFF;
	assert_true(n > 0);
	files f = {0};
	jx_render_opts o = {.what = JX_RENDER_REPORT, .report = rep};
	assert_int_equal(jx_render_csv(pkg, &o, collect, &f), 0);
	assert_int_equal(f.n, 1);
	assert_string_equal(f.names[0], "审核意见.csv");
	csv c;
	csv_parse(&c, f.data[0], f.len[0]);
	assert_int_equal(c.n, 2 + n);
	assert_string_equal(cell(&c, 1, 2), "规则");
	size_t r = 2;
	for (size_t i = 0; i < jx_report_count(rep); i++) {
		const jx_finding *fd = jx_report_at(rep, i);
		if (fd->severity == JX_SEV_OFF)
			continue;
		assert_string_equal(cell(&c, r, 2), fd->rule->id);
		assert_string_equal(cell(&c, r, 5), fd->message);
		if (fd->src.line)
			assert_non_null(strstr(cell(&c, r, 6), "004_"));
		r++;
	}
	csv_free(&c);
	files_free(&f);
	/* Asking for the report without one is nothing to render. */
	f = (files){0};
	o.report = NULL;
	assert_int_equal(jx_render_csv(pkg, &o, collect, &f), JX_EINVAL);
	jx_report_free(rep);
	jx_pkg_free(pkg);
}

static const struct CMUnitTest tests[] = {
	cmocka_unit_test(test_money_text),
	cmocka_unit_test(test_csv_quoting),
	cmocka_unit_test(test_csv_seeds),
	cmocka_unit_test(test_csv_example),
	cmocka_unit_test(test_csv_report),
	cmocka_unit_test(test_xlsx_parts),
	cmocka_unit_test(test_xlsx_sheet_names),
	cmocka_unit_test(test_xlsx_reread_tables),
	cmocka_unit_test(test_xlsx_import_tables),
	cmocka_unit_test(test_xlsx_reread_projects),
	cmocka_unit_test(test_xlsx_reread_overall),
	cmocka_unit_test(test_xlsx_libreoffice),
};

int main(void) { return cmocka_run_group_tests(tests, NULL, NULL); }
