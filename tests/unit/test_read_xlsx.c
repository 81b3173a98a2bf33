/* test_read_xlsx.c: the XLSX reader: displayed number formats, strings, merges, sheets, and damaged files. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <xlsxwriter.h>
#include <zip.h>

#include "grid.h"
#include "jx/import.h"
#include "recognise/recognise.h"
#include "testutil.h"
#include "util/arena.h"

static jx_pkg *pkg;
static jx_grid g;

static int teardown(void **state)
{
	(void)state;
	jx_pkg_free(pkg);
	pkg = NULL;
	return 0;
}

static int read_buf(const char *data, size_t len)
{
	jx_pkg_free(pkg);
	pkg = jx_pkg_new();
	assert_non_null(pkg);
	jx_error_clear();
	return jx_grid_read_xlsx(&g, pkg, data, len, "t.xlsx");
}

static int read_path(const char *path)
{
	size_t len;
	char *data = tu_read_file(path, &len);
	int rc = read_buf(data, len);
	free(data);
	return rc;
}

static const char *cell(size_t row, size_t col)
{
	if (row >= g.rows.n)
		fail_msg("no row %zu (grid has %zu)", row, g.rows.n);
	if (col >= g.rows.v[row].n)
		fail_msg("no cell %zu in row %zu (row has %zu)", col, row, g.rows.v[row].n);
	return g.rows.v[row].cells[col].text;
}

/* A zip made of (name, content) pairs; content NULL ends the list. Returns a malloc'd buffer. */
typedef struct part {
	const char *name;
	const char *data;
	size_t len; /* 0: strlen(data) */
} part;

static char *make_zip(const part *parts, size_t *len)
{
	char path[] = "/tmp/jx-xlsx-test-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	int err;
	zip_t *z = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &err);
	assert_non_null(z);
	for (const part *p = parts; p->name; p++) {
		size_t n = p->len ? p->len : strlen(p->data);
		zip_source_t *s = zip_source_buffer(z, p->data, n, 0);
		assert_non_null(s);
		assert_true(zip_file_add(z, p->name, s, ZIP_FL_ENC_UTF_8) >= 0);
	}
	assert_int_equal(zip_close(z), 0);
	char *data = tu_read_file(path, len);
	unlink(path);
	return data;
}

static const char rels_xml[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
	"<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
	"Target=\"worksheets/sheet1.xml\"/>"
	"<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" "
	"Target=\"sharedStrings.xml\"/>"
	"<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" "
	"Target=\"/xl/styles.xml\"/>"
	"</Relationships>";

static const char workbook_xml[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
	"xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
	"<sheets><sheet name=\"表一\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";

static const char sst_xml[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"3\" uniqueCount=\"3\">"
	"<si><t>部门名称</t></si>"
	"<si><r><rPr><b/></rPr><t>残疾人</t></r><r><t xml:space=\"preserve\">就业 </t></r>"
	"<rPh sb=\"0\" eb=\"1\"><t>READING</t></rPh></si>"
	"<si><t>第一行_x000D_\n第二行</t></si>"
	"</sst>";

static const char styles_xml[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
	"<numFmts count=\"2\"><numFmt numFmtId=\"164\" formatCode=\"0.0\"/>"
	"<numFmt numFmtId=\"165\" formatCode=\"#,##0.00&quot;万元&quot;;[Red]\\-#,##0.00&quot;万元&quot;\"/></numFmts>"
	"<cellXfs count=\"9\"><xf numFmtId=\"0\"/><xf numFmtId=\"2\"/><xf numFmtId=\"164\"/><xf numFmtId=\"165\"/>"
	"<xf numFmtId=\"14\"/><xf numFmtId=\"10\"/>"
	"<xf numFmtId=\"0\" applyAlignment=\"1\"><alignment indent=\"2\"/></xf>"
	"<xf numFmtId=\"2\" applyAlignment=\"1\"><alignment horizontal=\"left\" indent=\"1\"/></xf>"
	"<xf numFmtId=\"0\"><alignment indent=\"9999\"/></xf></cellXfs></styleSheet>";

/* A sheet written by hand: what real producers write that libxlsxwriter does not. */
static const char sheet_xml[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
	"<dimension ref=\"A1:XFD1048576\"/><sheetData>"
	"<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c><c r=\"C1\" t=\"s\"><v>2</v></c></row>"
	"<row r=\"2\"><c r=\"A2\"><v>0.30000000000000004</v></c><c r=\"B2\"><v>1806.2000000000001</v></c>"
	"<c r=\"C2\"><v>1.5E-3</v></c><c r=\"D2\"><v>1E+20</v></c><c r=\"E2\"><v>-0</v></c></row>"
	"<row r=\"4\"><c r=\"A4\" s=\"1\"><v>1806.2</v></c><c r=\"B4\" s=\"2\"><v>2.25</v></c>"
	"<c r=\"C4\" s=\"3\"><v>1234567.005</v></c><c r=\"D4\" s=\"3\"><v>-5</v></c><c r=\"E4\" s=\"4\"><v>45291</v></c>"
	"<c r=\"F4\" s=\"5\"><v>0.12345</v></c></row>"
	"<row><c t=\"inlineStr\"><is><t>内联</t></is></c><c t=\"e\"><v>#N/A</v></c><c t=\"b\"><v>1</v></c>"
	"<c t=\"str\"><f>A1</f><v>公式结果</v></c><c s=\"1\"/><c r=\"F5\" s=\"1\"><v>  7 </v></c></row>"
	"<row r=\"6\"><c r=\"A6\" s=\"4\"><v>45291.75</v></c><c r=\"B6\" s=\"1\"><v>-0.001</v></c>"
	"<c r=\"C6\" s=\"1\"><v>999.995</v></c><c r=\"D6\" s=\"2\"><v>0.05</v></c></row>"
	"<row r=\"7\"><c r=\"A7\" s=\"6\" t=\"s\"><v>0</v></c><c r=\"B7\" s=\"7\"><v>5</v></c>"
	"<c r=\"C7\" s=\"6\" t=\"inlineStr\"><is><t>\u3000已缩进</t></is></c>"
	"<c r=\"D7\" s=\"8\" t=\"inlineStr\"><is><t>过深</t></is></c></row>"
	"</sheetData></worksheet>";

static void test_handmade(void **state)
{
	(void)state;
	part parts[] = {{"xl/workbook.xml", workbook_xml, 0}, {"xl/_rels/workbook.xml.rels", rels_xml, 0},
			{"xl/sharedStrings.xml", sst_xml, 0},   {"xl/styles.xml", styles_xml, 0},
			{"xl/worksheets/sheet1.xml", sheet_xml, 0}, {NULL, NULL, 0}};
	size_t len;
	char *zipdata = make_zip(parts, &len);
	int rc = read_buf(zipdata, len);
	free(zipdata);
	assert_int_equal(rc, 0);
	assert_int_equal(g.layout, JX_LAYOUT_CELLS);
	/* empty row 3 is skipped: 6 rows */
	assert_int_equal(g.rows.n, 6);
	assert_int_equal(g.nlines, 6);
	/* every row is as wide as the sheet's used columns (A..F) */
	for (size_t i = 0; i < g.rows.n; i++)
		assert_int_equal(g.rows.v[i].n, 6);
	/* shared strings: rich runs joined, phonetic reading dropped, _x000D_ dropped, trimmed */
	assert_string_equal(cell(0, 0), "部门名称");
	assert_string_equal(cell(0, 1), "残疾人就业");
	assert_string_equal(cell(0, 2), "第一行\n第二行");
	assert_string_equal(cell(0, 3), "");
	/* General: no binary noise, exponents expanded while ordinary */
	assert_string_equal(cell(1, 0), "0.3");
	assert_string_equal(cell(1, 1), "1806.2");
	assert_string_equal(cell(1, 2), "0.0015");
	assert_string_equal(cell(1, 3), "1E+20");
	assert_string_equal(cell(1, 4), "0");
	/* formats: 0.00, custom 0.0, custom with literal text and a negative section, date 14, 0.00% */
	assert_string_equal(cell(2, 0), "1806.20");
	assert_string_equal(cell(2, 1), "2.3"); /* half away from zero, on the decimal text */
	assert_string_equal(cell(2, 2), "1,234,567.01万元");
	assert_string_equal(cell(2, 3), "-5.00万元");
	assert_string_equal(cell(2, 4), "2023-12-31");
	assert_string_equal(cell(2, 5), "12.35%");
	/* inline string, error, boolean, formula string, styled empty cell, cell without r after one with r */
	assert_string_equal(cell(3, 0), "内联");
	assert_string_equal(cell(3, 1), "#N/A");
	assert_string_equal(cell(3, 2), "TRUE");
	assert_string_equal(cell(3, 3), "公式结果");
	assert_string_equal(cell(3, 4), "");
	assert_string_equal(cell(3, 5), "7.00");
	/* date with a time-less format keeps the date; rounding of negatives and carries */
	assert_string_equal(cell(4, 0), "2023-12-31");
	assert_string_equal(cell(4, 1), "0.00");
	assert_string_equal(cell(4, 2), "1000.00");
	assert_string_equal(cell(4, 3), "0.1"); /* 0.05 is 0.05000000000000000277 as a double */
	/* a format's indent becomes leading U+3000 on text (not on numbers, not twice); absurd indents are ignored */
	assert_string_equal(cell(5, 0), "\u3000\u3000部门名称");
	assert_string_equal(cell(5, 1), "5.00");
	assert_string_equal(cell(5, 2), "\u3000已缩进");
	assert_string_equal(cell(5, 3), "过深");
	/* sources: sheet number as page, line = grid row, column = byte offset in the line + 1 */
	const jx_cell *c = &g.rows.v[1].cells[1];
	assert_int_equal(c->src.page, 1);
	assert_int_equal(c->src.line, 2);
	assert_int_equal(c->src.col, 5); /* "0.3\t" before it */
	assert_string_equal(c->src.file, "t.xlsx");
	assert_string_equal(g.lines[1], "0.3\t1806.2\t0.0015\t1E+20\t0\t");
	assert_string_equal(jx_grid_line(&g, 1), "部门名称\t残疾人就业\t第一行 第二行\t\t\t");
	/* the package source */
	assert_int_equal(pkg->sources.n, 1);
	assert_string_equal(pkg->sources.v[0].format, "xlsx");
	assert_int_equal(strlen(pkg->sources.v[0].sha256), 64);
}

/* A workbook written by libxlsxwriter: exact control of formats, merges, shared strings and sheets. */
static char *write_book(bool constant_memory, size_t *len)
{
	char path[] = "/tmp/jx-xlsx-book-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	lxw_workbook_options opt = {0};
	opt.constant_memory = constant_memory ? LXW_TRUE : LXW_FALSE; /* inline strings instead of shared ones */
	lxw_workbook *wb = workbook_new_opt(path, &opt);
	assert_non_null(wb);
	lxw_worksheet *ws = workbook_add_worksheet(wb, "目标表");
	lxw_format *f2 = workbook_add_format(wb);
	format_set_num_format(f2, "0.00");
	lxw_format *fth = workbook_add_format(wb);
	format_set_num_format(fth, "#,##0.00");
	lxw_format *fpct = workbook_add_format(wb);
	format_set_num_format(fpct, "0%");
	lxw_format *fdate = workbook_add_format(wb);
	format_set_num_format(fdate, "yyyy\"年\"m\"月\"d\"日\"");
	lxw_format *fneg = workbook_add_format(wb);
	format_set_num_format(fneg, "#,##0.00;(#,##0.00)");
	/* constant_memory mode needs rows written in order */
	worksheet_merge_range(ws, 0, 0, 0, 4, "整体支出绩效目标表", NULL);
	worksheet_write_string(ws, 1, 0, "序号", NULL);
	worksheet_write_string(ws, 1, 1, "任务", NULL);
	worksheet_merge_range(ws, 1, 2, 1, 3, "金额", NULL);
	worksheet_write_string(ws, 1, 4, "比例", NULL);
	worksheet_write_number(ws, 2, 0, 1, NULL);
	worksheet_merge_range(ws, 2, 1, 3, 1, "合并任务", NULL);
	worksheet_write_number(ws, 2, 2, 1806.2, f2);
	worksheet_write_number(ws, 2, 3, 1234567.891, fth);
	worksheet_write_number(ws, 2, 4, 0.25, fpct);
	worksheet_write_number(ws, 3, 0, 2, NULL);
	worksheet_write_number(ws, 3, 2, 0.1 + 0.2, NULL);
	worksheet_write_number(ws, 3, 3, -1234.5, fneg);
	lxw_datetime dt = {2023, 12, 31, 0, 0, 0};
	worksheet_write_datetime(ws, 3, 4, &dt, fdate);
	worksheet_write_boolean(ws, 4, 0, 0, NULL);
	worksheet_write_formula_num(ws, 4, 2, "=C3*2", NULL, 3612.4);
	lxw_worksheet *ws2 = workbook_add_worksheet(wb, "第二页");
	worksheet_write_string(ws2, 1, 1, "第二页内容", NULL);
	lxw_worksheet *ws3 = workbook_add_worksheet(wb, "隐藏");
	worksheet_write_string(ws3, 0, 0, "不应读出", NULL);
	worksheet_hide(ws3);
	assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
	char *data = tu_read_file(path, len);
	unlink(path);
	return data;
}

static void check_book(void)
{
	assert_int_equal(g.rows.n, 6);
	/* title merged across A..E: once */
	assert_int_equal(g.rows.v[0].n, 1);
	assert_string_equal(cell(0, 0), "整体支出绩效目标表");
	/* header: 金额 merged across C..D: once */
	assert_int_equal(g.rows.v[1].n, 4);
	assert_string_equal(cell(1, 2), "金额");
	assert_string_equal(cell(1, 3), "比例");
	assert_int_equal(g.rows.v[2].n, 5);
	assert_string_equal(cell(2, 0), "1");
	assert_string_equal(cell(2, 1), "合并任务");
	assert_string_equal(cell(2, 2), "1806.20");
	assert_string_equal(cell(2, 3), "1,234,567.89");
	assert_string_equal(cell(2, 4), "25%");
	/* merged down: "" below */
	assert_int_equal(g.rows.v[3].n, 5);
	assert_string_equal(cell(3, 0), "2");
	assert_string_equal(cell(3, 1), "");
	assert_string_equal(cell(3, 2), "0.3");
	assert_string_equal(cell(3, 3), "(1,234.50)");
	assert_string_equal(cell(3, 4), "2023-12-31");
	assert_string_equal(cell(4, 0), "FALSE");
	assert_string_equal(cell(4, 2), "3612.4");
	/* second sheet: page 2, only its used column; the hidden third sheet is not read */
	assert_int_equal(g.rows.v[5].n, 1);
	assert_true(g.rows.v[5].paragraph);
	assert_string_equal(cell(5, 0), "第二页内容");
	/* a value alone on its row is free text; a row with more is a table row */
	assert_true(g.rows.v[0].paragraph);
	assert_false(g.rows.v[1].paragraph);
	assert_false(g.rows.v[4].paragraph); /* FALSE and 3612.4 */
	assert_int_equal(g.rows.v[5].src.page, 2);
	assert_int_equal(g.rows.v[5].cells[0].src.line, 6);
	assert_int_equal(g.rows.v[2].cells[2].src.page, 1);
	for (size_t i = 0; i < g.nlines; i++)
		assert_null(strstr(g.lines[i], "不应读出"));
}

static void test_xlsxwriter_shared(void **state)
{
	(void)state;
	size_t len;
	char *data = write_book(false, &len);
	int rc = read_buf(data, len);
	free(data);
	assert_int_equal(rc, 0);
	check_book();
}

static void test_xlsxwriter_inline(void **state)
{
	(void)state;
	size_t len;
	char *data = write_book(true, &len);
	int rc = read_buf(data, len);
	free(data);
	assert_int_equal(rc, 0);
	check_book();
}

/* Made by LibreOffice from an HTML table (colspan, rowspan, numbers): tests/fixtures/xlsx/small.xlsx. */
static void test_libreoffice(void **state)
{
	(void)state;
	assert_int_equal(read_path(JX_FIXTURES_DIR "/xlsx/small.xlsx"), 0);
	assert_int_equal(g.rows.n, 5);
	assert_int_equal(g.rows.v[0].n, 1);
	assert_true(g.rows.v[0].paragraph);
	assert_string_equal(cell(0, 0), "项目支出绩效目标表");
	assert_string_equal(cell(1, 0), "一级指标");
	assert_string_equal(cell(1, 1), "二级指标");
	assert_string_equal(cell(1, 2), "三级指标");
	assert_string_equal(cell(1, 3), "指标值");
	assert_int_equal(g.rows.v[1].n, 4);
	assert_string_equal(cell(2, 0), "产出指标");
	assert_string_equal(cell(2, 1), "数量指标");
	assert_string_equal(cell(2, 2), "培训人数");
	assert_string_equal(cell(2, 3), "≥80人");
	assert_string_equal(cell(3, 0), "");
	assert_string_equal(cell(3, 1), "");
	assert_string_equal(cell(3, 2), "培训经费");
	assert_string_equal(cell(3, 3), "1806.2");
	assert_string_equal(cell(4, 0), "效益指标");
	for (size_t i = 1; i < g.rows.n; i++)
		assert_false(g.rows.v[i].paragraph);
}

/* ---- damaged and hostile files: each a clean error naming the file ---- */

static void expect_error(int rc, int code, const char *needle)
{
	assert_int_equal(rc, code);
	const char *msg = jx_error_last();
	if (!strstr(msg, needle))
		fail_msg("error “%s” does not mention “%s”", msg, needle);
	assert_non_null(strstr(msg, "t.xlsx"));
}

static void test_not_zip(void **state)
{
	(void)state;
	static const char junk[] = "PK\x03\x04 this is not really a zip archive at all";
	expect_error(read_buf(junk, sizeof junk - 1), JX_EFORMAT, "XLSX");
	expect_error(read_buf("", 0), JX_EFORMAT, "XLSX");
	static const char text[] = "部门名称\t预算\n";
	expect_error(read_buf(text, sizeof text - 1), JX_EFORMAT, "XLSX");
}

static void test_missing_parts(void **state)
{
	(void)state;
	size_t len;
	part no_wb[] = {{"xl/_rels/workbook.xml.rels", rels_xml, 0}, {NULL, NULL, 0}};
	char *d = make_zip(no_wb, &len);
	expect_error(read_buf(d, len), JX_EFORMAT, "xl/workbook.xml");
	free(d);
	part no_rels[] = {{"xl/workbook.xml", workbook_xml, 0}, {NULL, NULL, 0}};
	d = make_zip(no_rels, &len);
	expect_error(read_buf(d, len), JX_EFORMAT, "workbook.xml.rels");
	free(d);
	part no_sheet[] = {{"xl/workbook.xml", workbook_xml, 0}, {"xl/_rels/workbook.xml.rels", rels_xml, 0},
			   {NULL, NULL, 0}};
	d = make_zip(no_sheet, &len);
	expect_error(read_buf(d, len), JX_EFORMAT, "xl/worksheets/sheet1.xml");
	free(d);
}

static void test_damaged_xml(void **state)
{
	(void)state;
	size_t len;
	const char *broken = "<?xml version=\"1.0\"?>\n<worksheet>\n<sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c>\n</sheetData>";
	part p[] = {{"xl/workbook.xml", workbook_xml, 0}, {"xl/_rels/workbook.xml.rels", rels_xml, 0},
		    {"xl/worksheets/sheet1.xml", broken, 0}, {NULL, NULL, 0}};
	char *d = make_zip(p, &len);
	expect_error(read_buf(d, len), JX_EFORMAT, "第 4 行不是有效的 XML");
	free(d);
	/* the workbook part itself */
	part q[] = {{"xl/workbook.xml", "<workbook><sheets>", 0}, {"xl/_rels/workbook.xml.rels", rels_xml, 0},
		    {NULL, NULL, 0}};
	d = make_zip(q, &len);
	expect_error(read_buf(d, len), JX_EFORMAT, "xl/workbook.xml");
	free(d);
}

static void test_doctype(void **state)
{
	(void)state;
	size_t len;
	const char *bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;\">]>"
			   "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&lol2;</t></is></c></row>"
			   "</sheetData></worksheet>";
	part p[] = {{"xl/workbook.xml", workbook_xml, 0}, {"xl/_rels/workbook.xml.rels", rels_xml, 0},
		    {"xl/worksheets/sheet1.xml", bomb, 0}, {NULL, NULL, 0}};
	char *d = make_zip(p, &len);
	expect_error(read_buf(d, len), JX_EFORMAT, "DOCTYPE");
	free(d);
	part q[] = {{"xl/workbook.xml", workbook_xml, 0}, {"xl/_rels/workbook.xml.rels", rels_xml, 0},
		    {"xl/sharedStrings.xml", bomb, 0}, {"xl/worksheets/sheet1.xml", sheet_xml, 0}, {NULL, NULL, 0}};
	d = make_zip(q, &len);
	expect_error(read_buf(d, len), JX_EFORMAT, "DOCTYPE");
	free(d);
}

static void test_zip_bomb(void **state)
{
	(void)state;
	/* a sheet that inflates past the per-part cap (it compresses to a few hundred KB) */
	size_t big = ((size_t)64 << 20) + 4096;
	char *blank = malloc(big);
	assert_non_null(blank);
	memset(blank, ' ', big);
	memcpy(blank, "<worksheet>", 11);
	part p[] = {{"xl/workbook.xml", workbook_xml, 0}, {"xl/_rels/workbook.xml.rels", rels_xml, 0},
		    {"xl/worksheets/sheet1.xml", blank, big}, {NULL, NULL, 0}};
	size_t len;
	char *d = make_zip(p, &len);
	free(blank);
	assert_true(len < ((size_t)1 << 20));
	expect_error(read_buf(d, len), JX_ERANGE, "压缩炸弹");
	free(d);
}

static void test_huge_dimensions(void **state)
{
	(void)state;
	size_t len;
	/* Corners of the sheet: read, with the width the cells really span. */
	const char *corners = "<worksheet><dimension ref=\"A1:XFD1048576\"/><sheetData>"
			      "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>a</t></is></c></row>"
			      "<row r=\"1048576\"><c r=\"XFD1048576\" t=\"inlineStr\"><is><t>z</t></is></c></row>"
			      "</sheetData></worksheet>";
	part p[] = {{"xl/workbook.xml", workbook_xml, 0}, {"xl/_rels/workbook.xml.rels", rels_xml, 0},
		    {"xl/worksheets/sheet1.xml", corners, 0}, {NULL, NULL, 0}};
	char *d = make_zip(p, &len);
	assert_int_equal(read_buf(d, len), 0);
	free(d);
	assert_int_equal(g.rows.n, 2);
	assert_int_equal(g.rows.v[1].n, 16384);
	assert_string_equal(cell(1, 16383), "z");
	/* Many rows that far apart: over the cell cap, refused rather than allocated. */
	size_t cap = 200 * 200;
	char *many = malloc(cap);
	assert_non_null(many);
	size_t n = (size_t)snprintf(many, cap, "<worksheet><sheetData>");
	for (int r = 1; r <= 100; r++)
		n += (size_t)snprintf(many + n, cap - n,
				      "<row r=\"%d\"><c r=\"A%d\"><v>1</v></c><c r=\"XFD%d\"><v>2</v></c></row>", r, r, r);
	n += (size_t)snprintf(many + n, cap - n, "</sheetData></worksheet>");
	part q[] = {{"xl/workbook.xml", workbook_xml, 0}, {"xl/_rels/workbook.xml.rels", rels_xml, 0},
		    {"xl/worksheets/sheet1.xml", many, n}, {NULL, NULL, 0}};
	d = make_zip(q, &len);
	free(many);
	expect_error(read_buf(d, len), JX_ELIMIT, "上限");
	free(d);
	/* A cell reference beyond Excel's grid. */
	const char *beyond = "<worksheet><sheetData><row r=\"1\"><c r=\"XFE1\"><v>1</v></c></row></sheetData></worksheet>";
	part r[] = {{"xl/workbook.xml", workbook_xml, 0}, {"xl/_rels/workbook.xml.rels", rels_xml, 0},
		    {"xl/worksheets/sheet1.xml", beyond, 0}, {NULL, NULL, 0}};
	d = make_zip(r, &len);
	expect_error(read_buf(d, len), JX_EFORMAT, "XFE1");
	free(d);
}

static void test_bad_refs(void **state)
{
	(void)state;
	size_t len;
	const char *sheet = "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>7</v></c></row></sheetData></worksheet>";
	part p[] = {{"xl/workbook.xml", workbook_xml, 0}, {"xl/_rels/workbook.xml.rels", rels_xml, 0},
		    {"xl/sharedStrings.xml", sst_xml, 0}, {"xl/worksheets/sheet1.xml", sheet, 0}, {NULL, NULL, 0}};
	char *d = make_zip(p, &len);
	expect_error(read_buf(d, len), JX_EFORMAT, "共享字符串");
	free(d);
	const char *empty = "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" s=\"1\"/></row></sheetData></worksheet>";
	part q[] = {{"xl/workbook.xml", workbook_xml, 0}, {"xl/_rels/workbook.xml.rels", rels_xml, 0},
		    {"xl/worksheets/sheet1.xml", empty, 0}, {NULL, NULL, 0}};
	d = make_zip(q, &len);
	expect_error(read_buf(d, len), JX_EFORMAT, "没有任何有内容的单元格");
	free(d);
}

/* Through the import: the content decides the reader, and the whole pipeline runs on the grid. */
static void test_import_dispatch(void **state)
{
	(void)state;
	size_t len;
	char *data = write_book(false, &len);
	jx_pkg *p = NULL;
	int rc = jx_import_buffer(&p, data, len, "book.bin", NULL);
	free(data);
	assert_int_equal(rc, 0);
	assert_non_null(p);
	assert_int_equal(p->sources.n, 1);
	assert_string_equal(p->sources.v[0].format, "xlsx");
	assert_string_equal(p->sources.v[0].file, "book.bin");
	jx_pkg_free(p);
}

/* ---- the overall target table (seed 001's layout) from true cells ---- */

/* The text counterpart through the whole import. */
static jx_pkg *import_text(const char *path)
{
	size_t len;
	char *data = tu_read_file(path, &len);
	jx_pkg *p = NULL;
	assert_int_equal(jx_import_buffer(&p, data, len, path, NULL), 0);
	free(data);
	return p;
}

/* The workbook's grid through the overall-table recogniser alone (what the other recognisers do with these
 * rows is theirs to test). */
static jx_pkg *overall_from_xlsx(const char *path)
{
	assert_int_equal(read_path(path), 0);
	jx_rec_ctx ctx = {pkg, &g, NULL};
	ctx.claimed = jx_arena_calloc(pkg->arena, g.rows.n, 1);
	assert_non_null(ctx.claimed);
	assert_int_equal(jx_rec_tsv_overall(&ctx), 0);
	/* every row of the sheet belongs to the table */
	for (size_t i = 0; i < g.rows.n; i++)
		if (!ctx.claimed[i])
			fail_msg("row %zu (%s) not claimed", i + 1, g.lines[i]);
	return pkg;
}

static void same_amount(const jx_amount *a, const jx_amount *b)
{
	assert_int_equal(a->present, b->present);
	assert_int_equal(a->fen, b->fen);
	assert_int_equal(a->unit, b->unit);
}

static void same_str(const char *a, const char *b)
{
	if (!a || !b)
		assert_ptr_equal(a, b);
	else
		assert_string_equal(a, b);
}

static void compare_overall(const jx_pkg *t, const jx_pkg *x)
{
	const jx_overall *a = &t->overall, *b = &x->overall;
	assert_true(b->present);
	same_str(a->title, b->title);
	same_str(t->dept.name, x->dept.name);
	assert_int_equal(a->tasks.n, b->tasks.n);
	for (size_t i = 0; i < a->tasks.n; i++) {
		const jx_task *p = &a->tasks.v[i], *q = &b->tasks.v[i];
		same_str(p->no, q->no);
		same_str(p->name, q->name);
		same_amount(&p->total, &q->total);
		same_amount(&p->basic, &q->basic);
		same_amount(&p->project, &q->project);
		same_amount(&p->other, &q->other);
	}
	assert_int_equal(a->goals.n, b->goals.n);
	for (size_t i = 0; i < a->goals.n; i++) {
		same_str(a->goals.v[i].no, b->goals.v[i].no);
		same_str(a->goals.v[i].text, b->goals.v[i].text);
		same_str(a->goals.v[i].task, b->goals.v[i].task);
	}
	assert_int_equal(a->indicators.n, b->indicators.n);
	for (size_t i = 0; i < a->indicators.n; i++) {
		const jx_indicator *p = &a->indicators.v[i], *q = &b->indicators.v[i];
		if (p->l1 != q->l1 || p->l2 != q->l2 || p->goal != q->goal || strcmp(p->name, q->name) != 0 ||
		    strcmp(p->value.text, q->value.text) != 0)
			fail_msg("indicator %zu: text %d/%d/%d “%s” “%s”, cells %d/%d/%d “%s” “%s”", i, p->goal, p->l1, p->l2,
				 p->name, p->value.text, q->goal, q->l1, q->l2, q->name, q->value.text);
		assert_int_equal(p->value.kind, q->value.kind);
		assert_int_equal(p->value.number.digits, q->value.number.digits);
		assert_int_equal(p->value.number.scale, q->value.number.scale);
		assert_int_equal(p->repairs, q->repairs);
	}
}

static void test_overall_fixture(void **state)
{
	(void)state;
	jx_pkg *t = import_text(JX_FIXTURES_DIR "/read/overall-tsv/text.txt");
	jx_pkg *x = overall_from_xlsx(JX_FIXTURES_DIR "/read/overall-tsv/book.xlsx");
	/* what the text import of this layout holds (pinned by test_rec_tsv on the seed itself) */
	assert_int_equal(t->overall.tasks.n, 6);
	assert_int_equal(t->overall.goals.n, 6);
	assert_true(t->overall.indicators.n >= 30);
	compare_overall(t, x);
	/* sources point into the workbook: sheet 1, the grid row of the cell */
	const jx_task *task = &x->overall.tasks.v[5];
	assert_int_equal(task->total.fen, 8223800000);
	assert_int_equal(task->total.src.page, 1);
	assert_string_equal(jx_grid_line(&g, task->total.src.line), g.lines[task->src.line - 1]);
	jx_pkg_free(t);
}

/* The overall table as a spreadsheet form would have it: real merges (序号 and 主要工作任务 down three rows, 财政拨款
 * across 基本支出 | 项目支出, 目标1 and the level names down their indicators), amounts as numbers with formats. */
static char *write_overall(size_t *len)
{
	char path[] = "/tmp/jx-xlsx-overall-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	lxw_workbook *wb = workbook_new(path);
	lxw_worksheet *ws = workbook_add_worksheet(wb, NULL);
	lxw_format *f1 = workbook_add_format(wb);
	format_set_num_format(f1, "0.0");
	worksheet_merge_range(ws, 0, 0, 0, 6, "部门整体支出绩效目标表", NULL);
	worksheet_merge_range(ws, 1, 0, 1, 6, "（2024年度）", NULL);
	worksheet_write_string(ws, 2, 0, "部门名称", NULL);
	worksheet_merge_range(ws, 2, 1, 2, 2, "某某局", NULL);
	worksheet_merge_range(ws, 2, 3, 2, 6, "预算资金（万元）", NULL);
	worksheet_merge_range(ws, 3, 0, 5, 0, "序号", NULL);
	worksheet_merge_range(ws, 3, 1, 5, 2, "主要工作任务", NULL);
	worksheet_merge_range(ws, 3, 3, 5, 3, "总额", NULL);
	worksheet_merge_range(ws, 3, 4, 3, 5, "财政拨款", NULL);
	worksheet_merge_range(ws, 3, 6, 5, 6, "其他资金", NULL);
	worksheet_merge_range(ws, 4, 4, 5, 4, "基本支出", NULL);
	worksheet_merge_range(ws, 4, 5, 5, 5, "项目支出", NULL);
	worksheet_write_number(ws, 6, 0, 1, NULL);
	worksheet_merge_range(ws, 6, 1, 6, 2, "保障机构运行", NULL);
	worksheet_write_number(ws, 6, 3, 300, f1);
	worksheet_write_number(ws, 6, 4, 300, f1);
	worksheet_write_number(ws, 7, 0, 2, NULL);
	worksheet_merge_range(ws, 7, 1, 7, 2, "开展培训", NULL);
	worksheet_write_number(ws, 7, 3, 50.5, f1);
	worksheet_write_number(ws, 7, 5, 40.5, f1);
	worksheet_write_number(ws, 7, 6, 10, f1);
	worksheet_write_number(ws, 8, 0, 3, NULL);
	worksheet_merge_range(ws, 8, 1, 8, 2, "宣传", NULL);
	worksheet_write_number(ws, 8, 3, 20, f1);
	worksheet_write_number(ws, 8, 5, 20, f1);
	worksheet_write_string(ws, 9, 0, "序号", NULL);
	worksheet_merge_range(ws, 9, 1, 9, 5, "年度绩效目标", NULL);
	worksheet_write_string(ws, 9, 6, "对应工作任务", NULL);
	worksheet_write_number(ws, 10, 0, 1, NULL);
	worksheet_merge_range(ws, 10, 1, 10, 5, "保障机构正常运转。", NULL);
	worksheet_write_string(ws, 10, 6, "任务1", NULL);
	worksheet_merge_range(ws, 11, 0, 13, 0, "绩效目标", NULL);
	worksheet_merge_range(ws, 11, 1, 11, 6, "年度绩效指标", NULL);
	worksheet_merge_range(ws, 12, 1, 13, 1, "一级指标", NULL);
	worksheet_merge_range(ws, 12, 2, 13, 2, "二级指标", NULL);
	worksheet_merge_range(ws, 12, 3, 13, 3, "三级指标", NULL);
	worksheet_merge_range(ws, 12, 4, 12, 6, "指标值", NULL);
	worksheet_write_string(ws, 13, 4, "符号", NULL);
	worksheet_write_string(ws, 13, 5, "值", NULL);
	worksheet_write_string(ws, 13, 6, "单位（文字描述）", NULL);
	worksheet_merge_range(ws, 14, 0, 16, 0, "目标1", NULL);
	worksheet_merge_range(ws, 14, 1, 15, 1, "产出指标", NULL);
	worksheet_merge_range(ws, 14, 2, 15, 2, "数量指标", NULL);
	worksheet_write_string(ws, 14, 3, "培训人数", NULL);
	worksheet_write_string(ws, 14, 4, "≥", NULL);
	worksheet_write_number(ws, 14, 5, 80, NULL);
	worksheet_write_string(ws, 14, 6, "人", NULL);
	worksheet_write_string(ws, 15, 3, "培训合格率", NULL);
	worksheet_write_string(ws, 15, 4, "≥", NULL);
	worksheet_write_number(ws, 15, 5, 90, NULL);
	worksheet_write_string(ws, 15, 6, "%", NULL);
	worksheet_write_string(ws, 16, 1, "满意度指标", NULL);
	worksheet_write_string(ws, 16, 2, "服务对象满意度", NULL);
	worksheet_write_string(ws, 16, 3, "学员满意度", NULL);
	worksheet_write_string(ws, 16, 4, "定性", NULL);
	worksheet_merge_range(ws, 16, 5, 16, 6, "较满意", NULL);
	/* another table after it: not part of the overall table */
	worksheet_merge_range(ws, 18, 0, 18, 6, "项目支出绩效目标表", NULL);
	worksheet_write_string(ws, 19, 0, "项目名称", NULL);
	worksheet_merge_range(ws, 19, 1, 19, 6, "某项目", NULL);
	worksheet_write_string(ws, 20, 1, "一级指标", NULL);
	worksheet_write_string(ws, 20, 2, "二级指标", NULL);
	worksheet_write_string(ws, 20, 3, "三级指标", NULL);
	worksheet_write_string(ws, 20, 4, "指标值", NULL);
	worksheet_write_string(ws, 21, 1, "产出指标", NULL);
	worksheet_write_string(ws, 21, 2, "数量指标", NULL);
	worksheet_write_string(ws, 21, 3, "项目指标", NULL);
	worksheet_write_string(ws, 21, 4, "≥1个", NULL);
	assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
	char *data = tu_read_file(path, len);
	unlink(path);
	return data;
}

static void test_overall_merged(void **state)
{
	(void)state;
	size_t len;
	char *data = write_overall(&len);
	assert_int_equal(read_buf(data, len), 0);
	free(data);
	/* the header rows as the grid has them: 财政拨款 once, the rows below with blanks for the merges down */
	assert_int_equal(g.rows.v[3].n, 5);
	assert_string_equal(cell(3, 3), "财政拨款");
	assert_int_equal(g.rows.v[4].n, 6);
	assert_string_equal(cell(4, 3), "基本支出");
	assert_string_equal(cell(4, 5), "");
	assert_string_equal(cell(5, 2), "300.0");
	jx_rec_ctx ctx = {pkg, &g, NULL};
	ctx.claimed = jx_arena_calloc(pkg->arena, g.rows.n, 1);
	assert_non_null(ctx.claimed);
	assert_int_equal(jx_rec_tsv_overall(&ctx), 0);
	const jx_overall *o = &pkg->overall;
	assert_string_equal(o->title, "部门整体支出绩效目标表");
	assert_string_equal(pkg->dept.name, "某某局");
	assert_int_equal(pkg->year, 2024);
	assert_int_equal(o->tasks.n, 3);
	assert_string_equal(o->tasks.v[0].name, "保障机构运行");
	assert_int_equal(o->tasks.v[0].total.fen, 300000000);
	assert_int_equal(o->tasks.v[0].basic.fen, 300000000);
	assert_false(o->tasks.v[0].project.present);
	assert_int_equal(o->tasks.v[1].total.fen, 50500000);
	assert_int_equal(o->tasks.v[1].project.fen, 40500000);
	assert_int_equal(o->tasks.v[1].other.fen, 10000000);
	assert_false(o->tasks.v[1].basic.present);
	assert_int_equal(o->tasks.v[2].project.fen, 20000000);
	assert_false(o->tasks.v[2].other.present);
	/* every amount sat under its header: no column guessing */
	for (size_t i = 0; i < pkg->notes.n; i++)
		assert_string_not_equal(pkg->notes.v[i].code, "import.cells-shifted");
	assert_int_equal(o->goals.n, 1);
	assert_string_equal(o->goals.v[0].text, "保障机构正常运转。");
	assert_string_equal(o->goals.v[0].task, "任务1");
	assert_int_equal(o->indicators.n, 3);
	assert_int_equal(o->indicators.v[0].goal, 1);
	assert_int_equal(o->indicators.v[0].l1, JX_L1_OUTPUT);
	assert_int_equal(o->indicators.v[0].l2, JX_L2_QUANTITY);
	assert_string_equal(o->indicators.v[0].name, "培训人数");
	assert_string_equal(o->indicators.v[0].value.text, "≥80人");
	assert_int_equal(o->indicators.v[1].l2, JX_L2_QUANTITY);
	assert_string_equal(o->indicators.v[1].value.text, "≥90%");
	assert_int_equal(o->indicators.v[2].l1, JX_L1_SATISFACTION);
	assert_string_equal(o->indicators.v[2].value.text, "较满意");
	/* the project table after it is left to the other recognisers */
	for (size_t i = 0; i < g.rows.n; i++) {
		bool project = i >= g.rows.n - 4;
		if (project && ctx.claimed[i])
			fail_msg("row %zu (%s) of the project table claimed", i + 1, g.lines[i]);
		if (!project && !ctx.claimed[i])
			fail_msg("row %zu (%s) of the overall table not claimed", i + 1, g.lines[i]);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_handmade, teardown),
		cmocka_unit_test_teardown(test_xlsxwriter_shared, teardown),
		cmocka_unit_test_teardown(test_xlsxwriter_inline, teardown),
		cmocka_unit_test_teardown(test_libreoffice, teardown),
		cmocka_unit_test_teardown(test_not_zip, teardown),
		cmocka_unit_test_teardown(test_missing_parts, teardown),
		cmocka_unit_test_teardown(test_damaged_xml, teardown),
		cmocka_unit_test_teardown(test_doctype, teardown),
		cmocka_unit_test_teardown(test_zip_bomb, teardown),
		cmocka_unit_test_teardown(test_huge_dimensions, teardown),
		cmocka_unit_test_teardown(test_bad_refs, teardown),
		cmocka_unit_test_teardown(test_import_dispatch, teardown),
		cmocka_unit_test_teardown(test_overall_fixture, teardown),
		cmocka_unit_test_teardown(test_overall_merged, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
