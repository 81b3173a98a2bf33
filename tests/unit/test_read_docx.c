/* test_read_docx.c: the DOCX reader: paragraphs, tables with merged and nested cells, runs, pages and sources from
 * DOCX files written here with libzip (exact control of the XML) or by LibreOffice; damaged and hostile files; and
 * the Word-layout seeds imported from DOCX giving the same model as their text dumps. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <zip.h>

#include "grid.h"
#include "jx/import.h"
#include "jx/json.h"
#include "testutil.h"
#include "util/arena.h"
#include "util/buf.h"

static jx_pkg *pkg;
static jx_grid g;

static int teardown(void **state)
{
	(void)state;
	jx_pkg_free(pkg);
	pkg = NULL;
	return 0;
}

typedef struct part {
	const char *name;
	const char *data;
	size_t len; /* 0: strlen(data) */
} part;

/* A zip archive in memory holding `parts` (malloc'd, caller frees). */
static char *make_zip(const part *parts, size_t n, size_t *out_len)
{
	zip_error_t err;
	zip_error_init(&err);
	zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &err);
	assert_non_null(src);
	zip_source_keep(src);
	zip_t *za = zip_open_from_source(src, ZIP_TRUNCATE, &err);
	assert_non_null(za);
	for (size_t i = 0; i < n; i++) {
		size_t len = parts[i].len ? parts[i].len : strlen(parts[i].data);
		zip_source_t *s = zip_source_buffer(za, parts[i].data, len, 0);
		assert_non_null(s);
		assert_true(zip_file_add(za, parts[i].name, s, ZIP_FL_ENC_UTF_8) >= 0);
	}
	assert_int_equal(zip_close(za), 0);
	assert_int_equal(zip_source_open(src), 0);
	assert_int_equal(zip_source_seek(src, 0, SEEK_END), 0);
	zip_int64_t size = zip_source_tell(src);
	assert_true(size > 0);
	assert_int_equal(zip_source_seek(src, 0, SEEK_SET), 0);
	char *buf = malloc((size_t)size);
	assert_non_null(buf);
	assert_int_equal(zip_source_read(src, buf, (zip_uint64_t)size), size);
	zip_source_close(src);
	zip_source_free(src);
	zip_error_fini(&err);
	*out_len = (size_t)size;
	return buf;
}

#define W_NS "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

/* A DOCX whose body is `body` (WordprocessingML with the w: prefix). */
static char *make_docx(const char *body, size_t *len)
{
	jx_buf b = JX_BUF_INIT;
	assert_int_equal(jx_buf_printf(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
					   "<w:document xmlns:w=\"%s\"><w:body>%s<w:sectPr/></w:body></w:document>",
				       W_NS, body),
			 0);
	static const char types[] = "<?xml version=\"1.0\"?><Types "
				    "xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>";
	part parts[] = {{"[Content_Types].xml", types, 0}, {"word/document.xml", b.ptr, b.len}};
	char *zip = make_zip(parts, 2, len);
	jx_buf_release(&b);
	return zip;
}

static int read_docx(const char *data, size_t len)
{
	jx_pkg_free(pkg);
	pkg = jx_pkg_new();
	assert_non_null(pkg);
	return jx_grid_read_docx(&g, pkg, data, len, "t.docx");
}

static int read_body(const char *body)
{
	size_t len;
	char *z = make_docx(body, &len);
	int rc = read_docx(z, len);
	free(z);
	return rc;
}

/* Asserts row i has exactly the cells given ("|" separated; "¶" first marks a paragraph row). */
static void want_row(size_t i, const char *spec)
{
	if (i >= g.rows.n)
		fail_msg("row %zu missing (%zu rows), wanted %s", i, g.rows.n, spec);
	const jx_grid_row *r = &g.rows.v[i];
	bool para = strncmp(spec, "¶", strlen("¶")) == 0;
	if (para)
		spec += strlen("¶");
	jx_buf got = JX_BUF_INIT;
	for (size_t k = 0; k < r->n; k++)
		assert_int_equal(jx_buf_printf(&got, "%s%s", k ? "|" : "", r->cells[k].text), 0);
	if (strcmp(jx_buf_cstr(&got), spec) != 0 || r->paragraph != para)
		fail_msg("row %zu: got %s%s, wanted %s%s", i, r->paragraph ? "¶" : "", jx_buf_cstr(&got), para ? "¶" : "",
			 spec);
	jx_buf_release(&got);
	assert_int_equal(r->src.line, i + 1);
	for (size_t k = 0; k < r->n; k++)
		assert_int_equal(r->cells[k].src.line, i + 1);
}

#define P(t) "<w:p><w:r><w:t>" t "</w:t></w:r></w:p>"
#define TC(t) "<w:tc>" P(t) "</w:tc>"

static void test_paragraphs_and_runs(void **state)
{
	(void)state;
	assert_int_equal(read_body(P("附件1") "<w:p/>" P("   ")
				   "<w:p><w:bookmarkStart w:id=\"0\" w:name=\"x\"/><w:r><w:t>项目</w:t></w:r>"
				   "<w:r><w:tab/><w:t>名称</w:t></w:r><w:bookmarkEnd w:id=\"0\"/>"
				   "<w:del><w:r><w:delText>删掉的</w:delText></w:r></w:del>"
				   "<w:ins><w:r><w:t>插入的</w:t></w:r></w:ins>"
				   "<w:r><w:br/><w:t xml:space=\"preserve\"> 第二行 </w:t></w:r>"
				   "<w:hyperlink><w:r><w:t>链接</w:t></w:r></w:hyperlink>"
				   "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>"
				   "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>7</w:t></w:r>"
				   "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
				   "<w:sdt><w:sdtPr/><w:sdtContent><w:r><w:t>控件</w:t></w:r></w:sdtContent></w:sdt>"
				   "<w:smartTag><w:r><w:t>标记</w:t></w:r></w:smartTag></w:p>"
				   "<w:sdt><w:sdtContent>" P("块级控件") "</w:sdtContent></w:sdt>"),
			 0);
	assert_int_equal(g.layout, JX_LAYOUT_CELLS);
	assert_int_equal(g.rows.n, 3);
	want_row(0, "¶附件1");
	want_row(1, "¶项目\t名称插入的\n 第二行 链接7控件标记");
	want_row(2, "¶块级控件");
	assert_int_equal(g.nlines, 3);
	/* The quoted line shows a cell's tabs and newlines as spaces. */
	assert_string_equal(jx_grid_line(&g, 2), "项目 名称插入的  第二行 链接7控件标记");
	assert_int_equal(g.rows.v[0].src.page, 1);
	assert_string_equal(g.rows.v[0].src.file, "t.docx");
	assert_int_equal(pkg->sources.n, 1);
	assert_string_equal(pkg->sources.v[0].format, "docx");
	assert_string_equal(pkg->sources.v[0].file, "t.docx");
	assert_int_equal(strlen(pkg->sources.v[0].sha256), 64);
}

static void test_merged_cells(void **state)
{
	(void)state;
	/* 4 grid columns: a title across all, a level 1 merged down over two rows, a name across two columns. */
	assert_int_equal(
		read_body("<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>"
			  "<w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"4\"/></w:tcPr>" P("绩效目标表") "</w:tc></w:tr>"
			  "<w:tr><w:tc><w:tcPr><w:vMerge w:val=\"restart\"/></w:tcPr>" P("产出指标") "</w:tc>" TC("数量指标")
			  "<w:tc><w:tcPr><w:gridSpan w:val=\"2\"/></w:tcPr>" P("人数") "</w:tc></w:tr>"
			  "<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>" TC("质量指标") TC("合格率") TC("100%")
			  "</w:tr>"
			  "<w:tr><w:tc><w:tcPr><w:vMerge w:val=\"continue\"/></w:tcPr>" P("不应出现") "</w:tc>"
			  "<w:tc><w:tcPr><w:hMerge w:val=\"restart\"/></w:tcPr>" P("横向") "</w:tc>"
			  "<w:tc><w:tcPr><w:hMerge/></w:tcPr><w:p/></w:tc>" TC("") "</w:tr>"
			  "</w:tbl>"),
		0);
	assert_int_equal(g.rows.n, 4);
	want_row(0, "绩效目标表");
	want_row(1, "产出指标|数量指标|人数");
	want_row(2, "|质量指标|合格率|100%");
	want_row(3, "|横向|");
	assert_string_equal(jx_grid_line(&g, 3), "\t质量指标\t合格率\t100%");
	/* Columns point into the quoted line. */
	assert_int_equal(g.rows.v[2].cells[1].src.col, 2);
	assert_int_equal(g.rows.v[2].cells[2].src.col, 2 + strlen("质量指标") + 1);
	assert_int_equal(g.rows.v[2].cells[2].src.len, strlen("合格率"));
}

static void test_cell_paragraphs(void **state)
{
	(void)state;
	assert_int_equal(read_body("<w:tbl><w:tr><w:tc>" P("  年度预算申请 ") "<w:p/>" P("（万元）")
				   "</w:tc><w:tc><w:p><w:r><w:t>a</w:t><w:cr/><w:t>b</w:t></w:r></w:p></w:tc>"
				   "<w:sdt><w:sdtContent>" TC("控件单元格") "</w:sdtContent></w:sdt></w:tr></w:tbl>"),
			 0);
	assert_int_equal(g.rows.n, 1);
	want_row(0, "年度预算申请\n（万元）|a\nb|控件单元格");
}

static void test_nested_table(void **state)
{
	(void)state;
	/* A form framed by a one-cell table: the frame's row keeps its own paragraphs, the inner rows follow. */
	assert_int_equal(read_body(P("前") "<w:tbl><w:tr><w:tc>" P("外层标题")
				   "<w:tbl><w:tr>" TC("项目名称") TC("示例") "</w:tr>"
				   "<w:tr>" TC("内层") "<w:tc><w:tbl><w:tr>" TC("最内层") "</w:tr></w:tbl><w:p/></w:tc></w:tr>"
				   "</w:tbl>" P("外层结尾") "</w:tc>" TC("外层右") "</w:tr>"
				   "<w:tr>" TC("外层第二行") "</w:tr></w:tbl>" P("后")),
			 0);
	assert_int_equal(g.rows.n, 7);
	want_row(0, "¶前");
	want_row(1, "外层标题\n外层结尾|外层右");
	want_row(2, "项目名称|示例");
	want_row(3, "内层|");
	want_row(4, "最内层");
	want_row(5, "外层第二行");
	want_row(6, "¶后");
}

static void test_pages(void **state)
{
	(void)state;
	assert_int_equal(
		read_body(P("第一页") "<w:p><w:r><w:t>还是第一页</w:t><w:br w:type=\"page\"/></w:r></w:p>"
			  /* Word writes the rendered break too: still one break. */
			  "<w:p><w:r><w:lastRenderedPageBreak/><w:t>第二页</w:t></w:r></w:p>"
			  "<w:p><w:pPr><w:sectPr><w:type w:val=\"continuous\"/></w:sectPr></w:pPr>" "<w:r><w:t>连续分节</w:t></w:r></w:p>"
			  "<w:p><w:pPr><w:sectPr/></w:pPr><w:r><w:t>分节前</w:t></w:r></w:p>"
			  "<w:tbl><w:tr>" TC("第三页表格") TC("") "</w:tr>"
			  "<w:tr>" TC("甲") "<w:tc><w:p><w:r><w:lastRenderedPageBreak/><w:t>乙</w:t></w:r></w:p></w:tc></w:tr>"
			  "</w:tbl>"
			  "<w:p><w:pPr><w:pageBreakBefore/></w:pPr><w:r><w:t>第五页</w:t></w:r></w:p>"
			  "<w:p><w:pPr><w:pageBreakBefore w:val=\"0\"/></w:pPr><w:r><w:t>仍是第五页</w:t></w:r></w:p>"),
		0);
	assert_int_equal(g.rows.n, 9);
	static const uint32_t pages[] = {1, 1, 2, 2, 2, 3, 3, 5, 5};
	for (size_t i = 0; i < 9; i++)
		if (g.rows.v[i].src.page != pages[i])
			fail_msg("row %zu (%s) on page %u, wanted %u", i, g.rows.v[i].cells[0].text, g.rows.v[i].src.page,
				 pages[i]);
	want_row(6, "甲|乙");
	assert_int_equal(g.rows.v[6].cells[0].src.page, 3);
	assert_int_equal(g.rows.v[6].cells[1].src.page, 4);
}

static void test_long_cell_truncated(void **state)
{
	(void)state;
	jx_buf b = JX_BUF_INIT;
	assert_int_equal(jx_buf_puts(&b, "<w:p><w:r><w:t>"), 0);
	for (int i = 0; i < 30000; i++)
		assert_int_equal(jx_buf_puts(&b, "绩效"), 0); /* 180000 bytes */
	assert_int_equal(jx_buf_puts(&b, "</w:t></w:r></w:p>"), 0);
	assert_int_equal(read_body(b.ptr), 0);
	jx_buf_release(&b);
	assert_int_equal(g.rows.n, 1);
	size_t n = strlen(g.rows.v[0].cells[0].text);
	assert_true(n <= 64 * 1024 && n > 64 * 1024 - 6);
	assert_int_equal(n % 3, 0); /* cut between characters */
	assert_int_equal(pkg->notes.n, 1);
	assert_string_equal(pkg->notes.v[0].code, "import.cell-truncated");
}

static void want_error(int rc, int code, const char *part_of_message)
{
	assert_int_equal(rc, code);
	const char *m = jx_error_last();
	if (!strstr(m, "t.docx") || !strstr(m, part_of_message))
		fail_msg("message \"%s\" lacks \"%s\"", m, part_of_message);
}

static void test_bad_files(void **state)
{
	(void)state;
	want_error(read_docx("PK\x03\x04 not really a zip", 22), JX_EFORMAT, "ZIP");
	want_error(read_docx("hello", 5), JX_EFORMAT, "ZIP");

	size_t len;
	part only_types[] = {{"[Content_Types].xml", "<Types/>", 0}};
	char *z = make_zip(only_types, 1, &len);
	want_error(read_docx(z, len), JX_EFORMAT, "word/document.xml");
	free(z);

	part damaged[] = {{"word/document.xml", "<w:document xmlns:w=\"" W_NS "\"><w:body>\n<w:p><w:r>\n</w:body>", 0}};
	z = make_zip(damaged, 1, &len);
	want_error(read_docx(z, len), JX_EFORMAT, "第 3 行");
	free(z);

	part bomb_entities[] = {{"word/document.xml",
				 "<?xml version=\"1.0\"?><!DOCTYPE w:document [<!ENTITY a \"aaaaaaaaaa\">"
				 "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>"
				 "<w:document xmlns:w=\"" W_NS "\"><w:body><w:p><w:r><w:t>&c;</w:t></w:r></w:p></w:body></w:document>",
				 0}};
	z = make_zip(bomb_entities, 1, &len);
	want_error(read_docx(z, len), JX_EFORMAT, "DOCTYPE");
	free(z);

	part not_word[] = {{"word/document.xml", "<html><body><p>x</p></body></html>", 0}};
	z = make_zip(not_word, 1, &len);
	want_error(read_docx(z, len), JX_EFORMAT, "w:body");
	free(z);

	assert_int_equal(read_body("<w:p/><w:tbl/>"), JX_EFORMAT);
	assert_non_null(strstr(jx_error_last(), "没有任何文字"));

	/* Content controls nested past the depth cap. */
	jx_buf b = JX_BUF_INIT;
	for (int i = 0; i < 40; i++)
		assert_int_equal(jx_buf_puts(&b, "<w:sdt><w:sdtContent>"), 0);
	assert_int_equal(jx_buf_puts(&b, P("深")), 0);
	for (int i = 0; i < 40; i++)
		assert_int_equal(jx_buf_puts(&b, "</w:sdtContent></w:sdt>"), 0);
	assert_int_equal(read_body(b.ptr), JX_ERANGE);
	assert_non_null(strstr(jx_error_last(), "嵌套"));
	jx_buf_release(&b);

	/* A truncated archive. */
	z = make_docx(P("完整"), &len);
	assert_int_equal(read_docx(z, len), 0);
	want_error(read_docx(z, len / 2), JX_EFORMAT, "t.docx");
	free(z);
}

static void test_zip_bomb(void **state)
{
	(void)state;
	/* document.xml decompressing past the 64 MB part cap: refused while reading, not after. */
	size_t big = ((size_t)64 << 20) + 4096;
	char *xml = malloc(big);
	assert_non_null(xml);
	memset(xml, ' ', big);
	static const char head[] = "<w:document xmlns:w=\"" W_NS "\"><w:body>";
	memcpy(xml, head, sizeof head - 1);
	part parts[] = {{"word/document.xml", xml, big}};
	size_t len;
	char *z = make_zip(parts, 1, &len);
	free(xml);
	assert_true(len < big / 100);
	want_error(read_docx(z, len), JX_ERANGE, "压缩炸弹");
	free(z);
}

/* Through jx_import_buffer: the content (a zip with word/document.xml) chooses this reader. */
static void test_import_chooses_docx(void **state)
{
	(void)state;
	size_t len;
	char *z = make_docx(P("2025年部门预算") "<w:tbl><w:tr>" TC("部门名称") TC("示例局") "</w:tr></w:tbl>", &len);
	jx_pkg *p = NULL;
	assert_int_equal(jx_import_buffer(&p, z, len, "x.docx", NULL), 0);
	free(z);
	assert_int_equal(p->sources.n, 1);
	assert_string_equal(p->sources.v[0].format, "docx");
	assert_int_equal(p->year, 2025);
	jx_pkg_free(p);
}

static char *read_fixture(const char *rel, size_t *len)
{
	char path[1024];
	snprintf(path, sizeof path, "%s/%s", JX_FIXTURES_DIR, rel);
	return tu_read_file(path, len);
}

/* A DOCX made by LibreOffice from HTML (tests/fixtures/docx/small.html → small.docx). */
static void test_libreoffice_docx(void **state)
{
	(void)state;
	size_t len;
	char *data = read_fixture("docx/small.docx", &len);
	int rc = read_docx(data, len);
	free(data);
	assert_int_equal(rc, 0);
	assert_int_equal(g.rows.n, 6);
	want_row(0, "¶附件1");
	want_row(1, "¶2025年项目支出绩效目标表");
	want_row(2, "项目名称|示例项目");
	want_row(3, "产出指标|数量指标|人数|≥10人");
	want_row(4, "|质量指标|合格率\n第二行|100%");
	want_row(5, "¶第二页文字");
	assert_int_equal(g.rows.v[4].src.page, 1);
	assert_int_equal(g.rows.v[5].src.page, 2);
}

/* --- The Word-layout seeds as DOCX ------------------------------------------------------------------------------ */

static void put_escaped(jx_buf *b, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		int rc;
		switch (s[i]) {
		case '&': rc = jx_buf_puts(b, "&amp;"); break;
		case '<': rc = jx_buf_puts(b, "&lt;"); break;
		case '>': rc = jx_buf_puts(b, "&gt;"); break;
		case '\t': rc = jx_buf_puts(b, "</w:t><w:tab/><w:t xml:space=\"preserve\">"); break;
		default: rc = jx_buf_putc(b, s[i]); break;
		}
		assert_int_equal(rc, 0);
	}
}

/* One paragraph per line of the text. */
static void put_paragraphs(jx_buf *b, const char *text)
{
	for (;;) {
		const char *nl = strchr(text, '\n');
		size_t n = nl ? (size_t)(nl - text) : strlen(text);
		assert_int_equal(jx_buf_puts(b, "<w:p><w:r><w:t xml:space=\"preserve\">"), 0);
		put_escaped(b, text, n);
		assert_int_equal(jx_buf_puts(b, "</w:t></w:r></w:p>"), 0);
		if (!nl)
			break;
		text = nl + 1;
	}
}

/* Writes a text grid back as a DOCX: paragraph rows as paragraphs, each run of table rows as one table. Word's text
 * dump splits a row in two where a cell ends in a blank paragraph; under an indicator or expenditure header, a short
 * row whose cells and the next row's add up to the header's width is joined again, as the original DOCX had it. */
static char *grid_to_docx(const jx_grid *tg, size_t *len)
{
	jx_buf b = JX_BUF_INIT;
	bool in_table = false;
	size_t prev_n = 0; /* width of the last header row */
	for (size_t i = 0; i < tg->rows.n; i++) {
		const jx_grid_row *r = &tg->rows.v[i];
		if (r->paragraph) {
			if (in_table)
				assert_int_equal(jx_buf_puts(&b, "</w:tbl>"), 0);
			in_table = false;
			put_paragraphs(&b, r->cells[0].text);
			continue;
		}
		if (!in_table)
			assert_int_equal(jx_buf_puts(&b, "<w:tbl>"), 0);
		if (!in_table)
			prev_n = 0;
		in_table = true;
		for (size_t k = 0; k < r->n; k++) {
			static const char *const hdr[] = {"金额", "指标值", "绩效值", "指标值及单位", "目标值", NULL};
			for (int h = 0; hdr[h]; h++)
				if (strcmp(r->cells[k].text, hdr[h]) == 0)
					prev_n = r->n;
		}
		const jx_grid_row *nx = i + 1 < tg->rows.n ? &tg->rows.v[i + 1] : NULL;
		size_t used = 1;
		if (nx && !nx->paragraph && r->n < prev_n && r->n + nx->n == prev_n)
			used = 2;
		assert_int_equal(jx_buf_puts(&b, "<w:tr>"), 0);
		for (size_t u = 0; u < used; u++) {
			const jx_grid_row *x = u ? nx : r;
			for (size_t k = 0; k < x->n; k++) {
				assert_int_equal(jx_buf_puts(&b, "<w:tc>"), 0);
				put_paragraphs(&b, x->cells[k].text);
				assert_int_equal(jx_buf_puts(&b, "</w:tc>"), 0);
			}
		}
		assert_int_equal(jx_buf_puts(&b, "</w:tr>"), 0);
		i += used - 1;
	}
	if (in_table)
		assert_int_equal(jx_buf_puts(&b, "</w:tbl>"), 0);
	char *z = make_docx(jx_buf_cstr(&b), len);
	jx_buf_release(&b);
	return z;
}

/* The canonical JSON of a package without sources, for comparing models read from different files. */
static char *model_json(jx_pkg *p)
{
	p->sources.n = 0;
	char *out = NULL;
	size_t n;
	assert_int_equal(jx_pkg_to_json(p, JX_JSON_NO_SOURCE, &out, &n), 0);
	return out;
}

static void assert_same_model(jx_pkg *want, jx_pkg *got, const char *what)
{
	char *a = model_json(want), *b = model_json(got);
	if (strcmp(a, b) != 0) {
		size_t k = 0;
		while (a[k] && a[k] == b[k])
			k++;
		size_t from = k > 200 ? k - 200 : 0;
		fail_msg("%s: models differ at byte %zu:\n--- text\n%.400s\n--- docx\n%.400s", what, k, a + from, b + from);
	}
	free(a);
	free(b);
}

static void seed_roundtrip(const char *prefix, size_t min_projects)
{
	char *path = tu_seed_path(prefix);
	size_t tlen;
	char *text = tu_read_file(path, &tlen);
	free(path);
	jx_pkg *tp = jx_pkg_new();
	jx_grid tg;
	assert_int_equal(jx_grid_read_text(&tg, tp, text, tlen, "seed.txt"), 0);
	assert_int_equal(tg.layout, JX_LAYOUT_WORD_CELLS);
	size_t len;
	char *z = grid_to_docx(&tg, &len);
	jx_pkg_free(tp);

	jx_pkg *want = NULL, *got = NULL;
	assert_int_equal(jx_import_buffer(&want, text, tlen, "seed", NULL), 0);
	assert_int_equal(jx_import_buffer(&got, z, len, "seed", NULL), 0);
	free(text);
	free(z);
	assert_true(want->projects.n >= min_projects);
	assert_int_equal(got->projects.n, want->projects.n);
	assert_same_model(want, got, prefix);
	jx_pkg_free(want);
	jx_pkg_free(got);
}

static void test_seed_000_as_docx(void **state)
{
	(void)state;
	seed_roundtrip("000", 12);
}

static void test_seed_002_as_docx(void **state)
{
	(void)state;
	seed_roundtrip("002", 5);
}

static void test_seed_003_as_docx(void **state)
{
	(void)state;
	seed_roundtrip("003", 4);
}

/* A self-evaluation (项目支出绩效自评表) written back as DOCX: selfeval.c on true cells. */
static void test_selfeval_as_docx(void **state)
{
	(void)state;
	size_t tlen, len;
	char *text = read_fixture("eval/selfeval-word.txt", &tlen);
	jx_pkg *tp = jx_pkg_new();
	jx_grid tg;
	assert_int_equal(jx_grid_read_text(&tg, tp, text, tlen, "selfeval.txt"), 0);
	char *z = grid_to_docx(&tg, &len);
	jx_pkg_free(tp);
	jx_pkg *want = NULL, *got = NULL;
	assert_int_equal(jx_import_buffer(&want, text, tlen, "selfeval", NULL), 0);
	assert_int_equal(jx_import_buffer(&got, z, len, "selfeval", NULL), 0);
	free(text);
	free(z);
	assert_int_equal(got->projects.n, 2);
	assert_string_equal(got->projects.v[1].name, "残疾人托养服务补贴");
	const jx_project *p = &got->projects.v[0];
	assert_string_equal(p->name, "残疾人辅助器具适配");
	assert_int_equal(p->budget_initial.fen, 20000000);
	assert_int_equal(p->spent.fen, 19000000);
	assert_true(p->indicators.n >= 4);
	assert_string_equal(p->indicators.v[0].name, "辅具适配人数");
	assert_true(p->indicators.v[0].has_actual);
	assert_same_model(want, got, "selfeval");
	jx_pkg_free(want);
	jx_pkg_free(got);
}

/* A self-evaluation made by LibreOffice from HTML with rowspan/colspan (tests/fixtures/docx/selfeval.html): the
 * merged 项目资金 and 绩效指标 cells come out blank below their first row and selfeval.c reads every figure. */
static void test_selfeval_libreoffice(void **state)
{
	(void)state;
	size_t len;
	char *data = read_fixture("docx/selfeval.docx", &len);
	jx_pkg *p = NULL;
	assert_int_equal(jx_import_buffer(&p, data, len, "selfeval.docx", NULL), 0);
	free(data);
	assert_int_equal(p->year, 2025);
	assert_int_equal(p->projects.n, 1);
	const jx_project *pr = &p->projects.v[0];
	assert_string_equal(pr->name, "残疾人辅助器具适配");
	assert_string_equal(pr->implementer, "青山县残疾人康复中心");
	assert_int_equal(pr->budget_initial.fen, 20000000);
	assert_int_equal(pr->budget_full.fen, 20000000);
	assert_int_equal(pr->spent.fen, 19000000);
	assert_int_equal(pr->score_budget.digits, 950);
	assert_int_equal(pr->score_budget.scale, 2);
	assert_int_equal(pr->score_total.digits, 935);
	assert_string_equal(pr->goal_year.s, "为200名残疾人适配辅助器具，适配合格率不低于95%。");
	assert_int_equal(pr->indicators.n, 3);
	const jx_indicator *in = &pr->indicators.v[1];
	assert_int_equal(in->l1, JX_L1_OUTPUT); /* from the merged cell above */
	assert_int_equal(in->l2, JX_L2_QUALITY);
	assert_string_equal(in->name, "适配合格率");
	assert_string_equal(in->actual.text, "98%");
	assert_int_equal(in->weight.digits, 15);
	assert_int_equal(in->src.line, 13);
	assert_string_equal(pr->indicators.v[0].reason, "3户搬离本县，适配中止");
	assert_int_equal(pr->indicators.v[2].l1, JX_L1_SATISFACTION);
	assert_int_equal(p->notes.n, 0);
	jx_pkg_free(p);
}

/* The other overall form (tasks × amounts, 符号 | 值 | 单位) as DOCX opens with 部门名称 too: word_forms.c must leave
 * it to tsv_overall.c instead of reading it as the Word 部门整体支出绩效目标表. */
static void test_overall_tsv_form_left_alone(void **state)
{
	(void)state;
	size_t len;
	char *data = read_fixture("read/overall-tsv/doc.docx", &len);
	jx_pkg *p = NULL;
	assert_int_equal(jx_import_buffer(&p, data, len, "overall.docx", NULL), 0);
	free(data);
	assert_string_equal(p->dept.name, "天津市残疾人联合会");
	assert_null(p->overall.duties.s);
	assert_int_equal(p->overall.tasks.n, 6);
	assert_int_equal(p->overall.goals.n, 6);
	for (size_t i = 0; i < p->overall.indicators.n; i++)
		assert_true(p->overall.indicators.v[i].name && strcmp(p->overall.indicators.v[i].value.text, "符号") != 0);
	assert_int_equal(p->projects.n, 0);
	jx_pkg_free(p);
}

/* Overall targets in prose from DOCX paragraphs: the table of contents is passed over, and an amount whose spaces
 * were lost ("经费15万元", "资金 2.5万元") still makes a task. */
static void test_prose_overall(void **state)
{
	(void)state;
	size_t len;
	char *z = make_docx(P("目录") "<w:p><w:r><w:t>一、总体绩效目标</w:t><w:tab/><w:t>1</w:t></w:r></w:p>"
			    "<w:p><w:r><w:t>二、分项绩效目标</w:t><w:tab/><w:t>1</w:t></w:r></w:p>"
			    P("一、总体绩效目标") P("总体目标文字。") P("二、分项绩效目标") P("示例工作经费15万元")
			    P("用于办公。") P("绩效目标：提高效率。") P("另一项资金 2.5万元") P("绩效目标：完成任务。")
			    P("三、工作保障措施") P("不是任务 3万元，因为有标点"),
			    &len);
	jx_pkg *p = NULL;
	assert_int_equal(jx_import_buffer(&p, z, len, "prose.docx", NULL), 0);
	free(z);
	assert_true(p->overall.present);
	assert_string_equal(p->overall.goal.s, "总体目标文字。");
	assert_int_equal(p->overall.goal.src.line, 5);
	assert_int_equal(p->overall.tasks.n, 2);
	assert_string_equal(p->overall.tasks.v[0].name, "示例工作经费");
	assert_int_equal(p->overall.tasks.v[0].total.fen, 15000000);
	assert_string_equal(p->overall.tasks.v[1].name, "另一项资金");
	assert_int_equal(p->overall.tasks.v[1].total.fen, 2500000);
	assert_int_equal(p->overall.goals.n, 2);
	assert_string_equal(p->overall.goals.v[1].text, "完成任务。");
	assert_string_equal(p->overall.goals.v[1].task, "另一项资金");
	jx_pkg_free(p);
}

/* The fixtures of tests/fixtures/read/<layout>/: doc.docx (LibreOffice, from HTML with real merged cells) gives
 * the model its text counterpart gives. */
static void fixture_same_model(const char *layout, size_t min_projects)
{
	char rel[256];
	snprintf(rel, sizeof rel, "read/%s/text.txt", layout);
	size_t tlen, dlen;
	char *text = read_fixture(rel, &tlen);
	snprintf(rel, sizeof rel, "read/%s/doc.docx", layout);
	char *doc = read_fixture(rel, &dlen);
	jx_pkg *want = NULL, *got = NULL;
	assert_int_equal(jx_import_buffer(&want, text, tlen, layout, NULL), 0);
	assert_int_equal(jx_import_buffer(&got, doc, dlen, layout, NULL), 0);
	free(text);
	free(doc);
	assert_string_equal(got->sources.v[0].format, "docx");
	assert_true(want->projects.n >= min_projects);
	assert_int_equal(got->projects.n, want->projects.n);
	assert_same_model(want, got, layout);
	jx_pkg_free(want);
	jx_pkg_free(got);
}

static void test_fixture_word_targets(void **state)
{
	(void)state;
	fixture_same_model("word-targets", 1);
}

static void test_fixture_word_funds(void **state)
{
	(void)state;
	fixture_same_model("word-funds", 1);
}

static void test_fixture_word_project(void **state)
{
	(void)state;
	fixture_same_model("word-project", 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_paragraphs_and_runs, teardown),
		cmocka_unit_test_teardown(test_merged_cells, teardown),
		cmocka_unit_test_teardown(test_cell_paragraphs, teardown),
		cmocka_unit_test_teardown(test_nested_table, teardown),
		cmocka_unit_test_teardown(test_pages, teardown),
		cmocka_unit_test_teardown(test_long_cell_truncated, teardown),
		cmocka_unit_test_teardown(test_bad_files, teardown),
		cmocka_unit_test_teardown(test_zip_bomb, teardown),
		cmocka_unit_test_teardown(test_import_chooses_docx, teardown),
		cmocka_unit_test_teardown(test_libreoffice_docx, teardown),
		cmocka_unit_test_teardown(test_seed_000_as_docx, teardown),
		cmocka_unit_test_teardown(test_seed_002_as_docx, teardown),
		cmocka_unit_test_teardown(test_seed_003_as_docx, teardown),
		cmocka_unit_test_teardown(test_selfeval_as_docx, teardown),
		cmocka_unit_test_teardown(test_selfeval_libreoffice, teardown),
		cmocka_unit_test_teardown(test_prose_overall, teardown),
		cmocka_unit_test_teardown(test_overall_tsv_form_left_alone, teardown),
		cmocka_unit_test_teardown(test_fixture_word_targets, teardown),
		cmocka_unit_test_teardown(test_fixture_word_funds, teardown),
		cmocka_unit_test_teardown(test_fixture_word_project, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
