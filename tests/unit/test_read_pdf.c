/* test_read_pdf.c: the PDF reader: cells from ruled tables (merged headers, wrapped cells, a table over a page
 * break with its header repeated), paragraphs, page footers, and clean errors for scans, encrypted and damaged
 * files. Fixtures: tests/fixtures/pdf/ (made by make.py there). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "grid.h"
#include "jx/import.h"
#include "jx/json.h"
#include "recognise/recognise.h"
#include "testutil.h"
#include "util/arena.h"

/* fontconfig (loaded by poppler's cairo backend) keeps its configuration for the life of the process and
 * LeakSanitizer reports it at exit; it is not ours and not per document. */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
	return "leak:libfontconfig\n";
}

static jx_pkg *pkg;
static jx_grid g;

static int read_buf(const char *data, size_t len, const char *name)
{
	jx_pkg_free(pkg);
	pkg = jx_pkg_new();
	return jx_grid_read_pdf(&g, pkg, data, len, name);
}

static int read_fixture(const char *name)
{
	char path[512];
	snprintf(path, sizeof path, "%s/pdf/%s", JX_FIXTURES_DIR, name);
	size_t len;
	char *data = tu_read_file(path, &len);
	int rc = read_buf(data, len, name);
	free(data);
	return rc;
}

static int teardown(void **state)
{
	(void)state;
	jx_pkg_free(pkg);
	pkg = NULL;
	return 0;
}

static const char *cell(size_t row, size_t col)
{
	assert_true(row < g.rows.n);
	assert_true(col < g.rows.v[row].n);
	return g.rows.v[row].cells[col].text;
}

/* The index of the first row whose first cell is `text` (or, with `prefix`, starts with it), or fails. */
static size_t find_row_by(const char *text, bool prefix)
{
	size_t n = strlen(text);
	for (size_t i = 0; i < g.rows.n; i++)
		if (g.rows.v[i].n && (prefix ? strncmp(g.rows.v[i].cells[0].text, text, n) == 0
					     : strcmp(g.rows.v[i].cells[0].text, text) == 0))
			return i;
	fail_msg("no row starting with %s", text);
	return 0;
}

static size_t find_row(const char *text) { return find_row_by(text, false); }
static size_t find_row_prefix(const char *prefix) { return find_row_by(prefix, true); }

static void test_report_paragraphs(void **state)
{
	(void)state;
	assert_int_equal(read_fixture("report.pdf"), 0);
	assert_int_equal(g.layout, JX_LAYOUT_CELLS);
	assert_true(g.rows.v[0].paragraph);
	assert_string_equal(cell(0, 0), "预算公开表9");
	assert_string_equal(cell(1, 0), "2024年项目支出表");
	/* A paragraph wrapped over two lines is one row, whole and in order. */
	assert_true(g.rows.v[2].paragraph);
	assert_int_equal(g.rows.v[2].n, 1);
	assert_string_equal(cell(2, 0), "本部门2024年收入预算1806.23万元，其中一般公共预算1632.76万元，政府性基金预算"
					 "167.66万元，上年结转5.81万元；支出预算1806.23万元，主要用于残疾人康复、就业和基本运行。");
	assert_int_equal(g.rows.v[2].src.page, 1);
	assert_int_equal(g.rows.v[2].src.line, 3);
	/* The source is recorded. */
	assert_int_equal(pkg->sources.n, 1);
	assert_string_equal(pkg->sources.v[0].format, "pdf");
	assert_int_equal(strlen(pkg->sources.v[0].sha256), 64);
	assert_string_equal(pkg->sources.v[0].file, "report.pdf");
}

/* Paragraphs over page breaks (tests/fixtures/pdf/pagebreak.pdf, 45 characters a line): one that flows from page 1
 * to page 2 is one row; a full line that stops mid-sentence goes on at the top of the next page; a full line ending
 * in 。 and a line before a numbered heading end their paragraphs. */
static void test_paragraph_over_page_break(void **state)
{
	(void)state;
	assert_int_equal(read_fixture("pagebreak.pdf"), 0);
	size_t r = find_row_prefix("本部门年度收入预算安排");
	assert_true(g.rows.v[r].paragraph);
	assert_string_equal(cell(r, 0), "本部门年度收入预算安排遵循量入为出、收支平衡的原则，统筹考虑各项政策和重点工作任务需要，"
					 "合理安排基本支出和项目支出，其中一般公共预算拨款收入主要用于保障机构正常运转和履行职能，"
					 "政府性基金预算拨款收入主要用于残疾人就业保障和康复救助等专项工作，上年结转资金按规定继续"
					 "用于原项目，确保资金使用的规范性、安全性和有效性。");
	assert_int_equal(g.rows.v[r].src.page, 1); /* where it starts */
	r = find_row_prefix("按照预算法");
	assert_string_equal(cell(r, 0), "按照预算法和预算管理制度的有关规定，本部门认真编制部门预算，细化项目支出内容并按照要求及时"
					 "公开项目支出绩效目标，接受社会监督。");
	assert_int_equal(g.rows.v[r].src.page, 2);
	r = find_row_prefix("各项支出均按照");
	assert_string_equal(cell(r, 0), "各项支出均按照规定的用途和标准执行，严格控制一般性支出，确保重点支出的需要，坚持勤俭节约。");
	assert_string_equal(cell(r + 1, 0), "其他需要说明的事项在此列出。");
	assert_int_equal(g.rows.v[r + 1].src.page, 4);
	r = find_row_prefix("本部门将继续");
	assert_string_equal(cell(r, 0), "本部门将继续加强预算执行管理，加快预算执行进度，提高预算执行的均衡性和有效性并同步开展全面");
	assert_string_equal(cell(r + 1, 0), "二、支出预算情况");
	/* One-line paragraphs stay apart. */
	assert_string_equal(cell(find_row_prefix("第1项说明") + 1, 0), "第2项说明。");
}

static void test_report_table(void **state)
{
	(void)state;
	assert_int_equal(read_fixture("report.pdf"), 0);
	/* Two-row merged header: merged across once, merged down as "" below. */
	size_t h = find_row("项目名称");
	assert_false(g.rows.v[h].paragraph);
	assert_int_equal(g.rows.v[h].n, 3);
	assert_string_equal(cell(h, 1), "本年预算");
	assert_string_equal(cell(h, 2), "备注");
	assert_int_equal(g.rows.v[h + 1].n, 4);
	assert_string_equal(cell(h + 1, 0), "");
	assert_string_equal(cell(h + 1, 1), "合计");
	assert_string_equal(cell(h + 1, 2), "一般公共预算");
	assert_string_equal(cell(h + 1, 3), "");
	/* Data rows: one per table row, blank cells kept. */
	assert_string_equal(cell(h + 2, 0), "项目1");
	assert_string_equal(cell(h + 2, 1), "10.01");
	assert_string_equal(cell(h + 2, 2), "10.01");
	assert_string_equal(cell(h + 2, 3), "");
	/* A wrapped cell is one cell. */
	assert_string_equal(cell(h + 4, 0), "残疾人康复服务和辅助器具适配补贴项目（含精准康复服务）");
	assert_string_equal(cell(h + 4, 1), "30.03");
	/* Over the page break: all 70 rows in order, the repeated header dropped, the footer "-1-" gone. */
	for (int i = 1; i <= 70; i++) {
		if (i == 3)
			continue;
		char name[32], amount[32];
		snprintf(name, sizeof name, "项目%d", i);
		snprintf(amount, sizeof amount, "%d.%02d", i * 10, i);
		size_t r = find_row(name);
		assert_int_equal(r, h + 1 + (size_t)i);
		assert_string_equal(cell(r, 1), amount);
	}
	size_t headers = 0, footers = 0;
	for (size_t i = 0; i < g.rows.n; i++) {
		headers += strcmp(cell(i, 0), "项目名称") == 0;
		footers += strstr(g.lines[i], "-1-") || strstr(g.lines[i], "-2-") || strstr(g.lines[i], "-3-");
	}
	assert_int_equal(headers, 1);
	assert_int_equal(footers, 0);
	size_t last = find_row("项目70");
	assert_true(g.rows.v[last].src.page >= 2);
	assert_int_equal(g.rows.v[last].cells[1].src.line, last + 1);
	assert_string_equal(jx_grid_line(&g, (uint32_t)last + 1), "项目70\t700.70\t700.70\t");
	/* The paragraph after the table, on the last page. */
	assert_int_equal(g.rows.n, last + 2);
	assert_true(g.rows.v[last + 1].paragraph);
	assert_string_equal(cell(last + 1, 0), "表后说明。");
	assert_int_equal(g.rows.v[last + 1].src.page, 3);
}

/* Another producer (a hand-written PDF in a base-14 font): the same cells from the same rules. */
static void test_tiny_ruled_table(void **state)
{
	(void)state;
	assert_int_equal(read_fixture("tiny.pdf"), 0);
	assert_int_equal(g.rows.n, 4);
	for (size_t i = 0; i < 3; i++) {
		assert_false(g.rows.v[i].paragraph);
		assert_int_equal(g.rows.v[i].n, 2);
		assert_int_equal(g.rows.v[i].src.page, 1);
	}
	assert_string_equal(cell(0, 0), "Name");
	assert_string_equal(cell(0, 1), "Amount");
	assert_string_equal(cell(1, 0), "Rehab");
	assert_string_equal(cell(1, 1), "12.50");
	assert_string_equal(cell(2, 0), "Total");
	assert_string_equal(cell(2, 1), "");
	/* The page number in the footer is not text of the document. */
	assert_true(g.rows.v[3].paragraph);
	assert_string_equal(cell(3, 0), "Budget note.");
	assert_int_equal(g.nlines, 4);
	assert_string_equal(g.lines[1], "Rehab\t12.50");
	assert_int_equal(g.rows.v[1].cells[1].src.col, 7);
	assert_int_equal(g.rows.v[1].cells[1].src.len, 5);
	assert_int_equal(g.rows.v[1].cells[1].src.line, 2);
}

static void test_scan_needs_ocr(void **state)
{
	(void)state;
	assert_int_equal(read_fixture("scan.pdf"), JX_EFORMAT);
	assert_non_null(strstr(jx_error_last(), "需要 OCR"));
	assert_non_null(strstr(jx_error_last(), "scan.pdf"));
	assert_int_equal(g.rows.n, 0);
}

static void test_encrypted(void **state)
{
	(void)state;
	assert_int_equal(read_fixture("encrypted.pdf"), JX_EFORMAT);
	assert_non_null(strstr(jx_error_last(), "encrypted.pdf"));
	assert_non_null(strstr(jx_error_last(), "加密"));
}

static void test_damaged(void **state)
{
	(void)state;
	char path[512];
	snprintf(path, sizeof path, "%s/pdf/report.pdf", JX_FIXTURES_DIR);
	size_t len;
	char *data = tu_read_file(path, &len);
	/* Truncated at several places: an error or (where poppler can rebuild the file) a clean read, never a crash. */
	static const size_t cuts[] = {5, 9, 100, 1000, 4096};
	for (size_t i = 0; i < sizeof cuts / sizeof *cuts; i++) {
		int rc = read_buf(data, cuts[i], "cut.pdf");
		assert_int_equal(rc, JX_EFORMAT);
		assert_non_null(strstr(jx_error_last(), "cut.pdf"));
	}
	int rc = read_buf(data, len / 2, "half.pdf");
	assert_true(rc == 0 || rc == JX_EFORMAT);
	free(data);
	/* Not a PDF after the magic. */
	const char *junk = "%PDF-1.7\nthis is not a pdf at all\n";
	assert_int_equal(read_buf(junk, strlen(junk), "junk.pdf"), JX_EFORMAT);
	assert_non_null(strstr(jx_error_last(), "junk.pdf"));
	/* No magic. */
	assert_int_equal(read_buf("hello", 5, "x.pdf"), JX_EFORMAT);
	assert_non_null(strstr(jx_error_last(), "%PDF-"));
	assert_int_equal(read_buf("", 0, "empty.pdf"), JX_EFORMAT);
}

/* Through the import pipeline: the file is recognised as PDF by its content. */
static void test_import_dispatch(void **state)
{
	(void)state;
	char path[512];
	snprintf(path, sizeof path, "%s/pdf/scan.pdf", JX_FIXTURES_DIR);
	jx_pkg *p = NULL;
	int rc = jx_import_file(&p, path, NULL);
	assert_int_equal(rc, JX_EFORMAT);
	assert_non_null(strstr(jx_error_last(), "需要 OCR"));
	jx_pkg_free(p);
}

/* Removes what depends on where a value was read (sources) and how the text layout damaged it (repairs of
 * wrapped names), recursively, so that two imports of the same content compare equal. */
static void strip_json(json_t *j)
{
	if (json_is_object(j)) {
		static const char *const keys[] = {"src", "source", "line", "page", "col", "repairs"};
		for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
			json_object_del(j, keys[i]);
		const char *k;
		json_t *v;
		json_object_foreach(j, k, v)
			strip_json(v);
	} else if (json_is_array(j)) {
		size_t i;
		json_t *v;
		json_array_foreach(j, i, v)
			strip_json(v);
	}
}

static json_t *pkg_json(const jx_pkg *p)
{
	char *out = NULL;
	size_t len = 0;
	assert_int_equal(jx_pkg_to_json(p, 0, &out, &len), 0);
	json_error_t err;
	json_t *j = json_loadb(out, len, 0, &err);
	free(out);
	assert_non_null(j);
	strip_json(j);
	return j;
}

/* The report layout (seed 004) printed to PDF by LibreOffice (tests/fixtures/read/pdf-report/doc.pdf): the
 * disclosure tables, the 22 project tables with 实施期 and 年度 side by side, the overall target table and the
 * prose, read by the report recognisers from the PDF's cells, equal the import of the seed's text. The
 * recognisers are run directly: through jx_recognise_all, word_forms.c (which runs first) takes the project and
 * overall tables of CELLS grids today. */
static void test_report_layout_like_seed(void **state)
{
	(void)state;
	char path[512];
	snprintf(path, sizeof path, "%s/read/pdf-report/doc.pdf", JX_FIXTURES_DIR);
	size_t len;
	char *data = tu_read_file(path, &len);
	assert_int_equal(read_buf(data, len, "doc.pdf"), 0);
	free(data);
	jx_rec_ctx ctx = {pkg, &g, calloc(g.rows.n + 1, 1)};
	assert_non_null(ctx.claimed);
	assert_int_equal(jx_rec_pdf_tables(&ctx), 0);
	assert_int_equal(jx_rec_pdf_targets(&ctx), 0);
	assert_int_equal(jx_rec_narrative(&ctx), 0);
	free(ctx.claimed);
	char *seed = tu_seed_path("004");
	jx_pkg *text = NULL;
	assert_int_equal(jx_import_file(&text, seed, NULL), 0);
	free(seed);
	assert_int_equal(pkg->tables.n, 13);
	assert_int_equal(pkg->projects.n, 22);
	json_t *a = pkg_json(text), *b = pkg_json(pkg);
	static const char *const parts[] = {"tables", "projects", "overall", "statements", "department", "year"};
	for (size_t k = 0; k < sizeof parts / sizeof *parts; k++) {
		json_t *x = json_object_get(a, parts[k]), *y = json_object_get(b, parts[k]);
		if (!json_equal(x, y)) {
			char *sx = json_dumps(x, JSON_COMPACT), *sy = json_dumps(y, JSON_COMPACT);
			size_t d = 0;
			while (sx[d] && sx[d] == sy[d])
				d++;
			print_error("%s differ at byte %zu:\n text: %.300s\n pdf:  %.300s\n", parts[k], d,
				    sx + (d > 100 ? d - 100 : 0), sy + (d > 100 ? d - 100 : 0));
			free(sx);
			free(sy);
			fail();
		}
	}
	json_decref(a);
	json_decref(b);
	jx_pkg_free(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_report_paragraphs, teardown),
		cmocka_unit_test_teardown(test_paragraph_over_page_break, teardown),
		cmocka_unit_test_teardown(test_report_table, teardown),
		cmocka_unit_test_teardown(test_tiny_ruled_table, teardown),
		cmocka_unit_test_teardown(test_scan_needs_ocr, teardown),
		cmocka_unit_test_teardown(test_encrypted, teardown),
		cmocka_unit_test_teardown(test_damaged, teardown),
		cmocka_unit_test_teardown(test_import_dispatch, teardown),
		cmocka_unit_test_teardown(test_report_layout_like_seed, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
