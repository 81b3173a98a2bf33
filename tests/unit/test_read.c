/* test_read.c: the text reader: encodings, line ends, layout detection and the grid of each layout. */
#include <stdlib.h>
#include <string.h>

#include "grid.h"
#include "testutil.h"
#include "util/arena.h"

static jx_pkg *pkg;
static jx_grid g;

static int read_str(const char *s, size_t len)
{
	jx_pkg_free(pkg);
	pkg = jx_pkg_new();
	return jx_grid_read_text(&g, pkg, s, len, "t.txt");
}

static int teardown(void **state)
{
	(void)state;
	jx_pkg_free(pkg);
	pkg = NULL;
	return 0;
}

static const char *cell_text(size_t row, size_t col)
{
	assert_true(row < g.rows.n);
	assert_true(col < g.rows.v[row].n);
	return g.rows.v[row].cells[col].text;
}

/* A buffer read without a file name is named "<input>" in the grid and the package's source, as every reader does
 * (jx_grid_start); its SHA-256 and format are recorded (jx_grid_add_source). */
static void test_unnamed_input(void **state)
{
	(void)state;
	jx_pkg_free(pkg);
	pkg = jx_pkg_new();
	const char *s = "项目名称\t残疾人康复\n";
	assert_int_equal(jx_grid_read_text(&g, pkg, s, strlen(s), NULL), 0);
	assert_string_equal(g.file, "<input>");
	assert_int_equal(pkg->sources.n, 1);
	assert_string_equal(pkg->sources.v[0].file, "<input>");
	assert_string_equal(pkg->sources.v[0].format, "text/tsv");
	assert_string_equal(pkg->sources.v[0].encoding, "UTF-8");
	assert_int_equal(strlen(pkg->sources.v[0].sha256), 64);
}

static void test_word_cells(void **state)
{
	(void)state;
	const char *s = " \n标题段落\n\n\t项目编码\n\t13022524P00X0N010030U\n\n\t绩效目标\n\t1.提高满意度\n2.提高准确率\n\n\n"
			"\t质量指标\n\t\n残疾人康复服务质量\n\n\n\t残疾人康复服务质量\t\n\n\n\t≥95%\n\n"
			"[bookmark: _Toc_1]第二段\n\t[bookmark: _GoBack]保障\n";
	assert_int_equal(read_str(s, strlen(s)), 0);
	assert_int_equal(g.layout, JX_LAYOUT_WORD_CELLS);
	assert_int_equal(g.rows.n, 6);
	assert_true(g.rows.v[0].paragraph);
	assert_string_equal(cell_text(0, 0), "标题段落");
	assert_int_equal(g.rows.v[0].src.line, 2);
	assert_false(g.rows.v[1].paragraph);
	assert_int_equal(g.rows.v[1].n, 2);
	assert_string_equal(cell_text(1, 1), "13022524P00X0N010030U");
	assert_int_equal(g.rows.v[1].cells[1].src.line, 5);
	/* A cell continued on lines without a tab. */
	assert_string_equal(cell_text(2, 1), "1.提高满意度\n2.提高准确率");
	/* Blank lines inside cells that Word leaves: the row holds together. */
	assert_int_equal(g.rows.v[3].n, 4);
	assert_string_equal(cell_text(3, 1), "残疾人康复服务质量");
	assert_string_equal(cell_text(3, 2), "残疾人康复服务质量");
	assert_string_equal(cell_text(3, 3), "≥95%");
	/* Bookmarks are removed, in paragraphs and cells. */
	assert_string_equal(cell_text(4, 0), "第二段");
	assert_string_equal(cell_text(5, 0), "保障");
	assert_int_equal(pkg->sources.n, 1);
	assert_string_equal(pkg->sources.v[0].format, "text/word-cells");
	assert_string_equal(pkg->sources.v[0].encoding, "UTF-8");
	assert_int_equal(strlen(pkg->sources.v[0].sha256), 64);
	assert_string_equal(jx_grid_line(&g, 2), "标题段落");
	assert_null(jx_grid_line(&g, 999));
}

static void test_tsv(void **state)
{
	(void)state;
	const char *s = "整体支出绩效目标表\n部门名称\t某局\t预算\t\t\t\n序号\t任务\t\t基本\t项目\t\n1\t任务一\t10.0\t\t10.0\t\n"
			"\t\t\t名称甲\t≥\t5\t人\n";
	assert_int_equal(read_str(s, strlen(s)), 0);
	assert_int_equal(g.layout, JX_LAYOUT_TSV);
	assert_int_equal(g.rows.n, 5);
	assert_true(g.rows.v[0].paragraph);
	assert_int_equal(g.rows.v[1].n, 3); /* trailing empty cells dropped */
	assert_int_equal(g.rows.v[3].n, 5);
	assert_string_equal(cell_text(3, 3), "");
	assert_string_equal(cell_text(3, 4), "10.0");
	assert_int_equal(g.rows.v[4].n, 7);
	assert_string_equal(cell_text(4, 3), "名称甲");
	assert_int_equal(g.rows.v[4].cells[3].src.col, 4);
	assert_string_equal(pkg->sources.v[0].format, "text/tsv");
}

static void test_pdf_text(void **state)
{
	(void)state;
	const char *s = " 预算公开表3\n\n2081104 残疾人康复 57.52  57.52\n　　康复经费 219.95 219.95     \n-28-\n"
			"\f合计 1806.23 294.84 1511.39\n";
	assert_int_equal(read_str(s, strlen(s)), 0);
	assert_int_equal(g.layout, JX_LAYOUT_PDF_TEXT);
	assert_int_equal(g.rows.n, 4);
	assert_string_equal(cell_text(0, 0), "预算公开表3");
	assert_int_equal(g.rows.v[1].n, 5);
	assert_string_equal(cell_text(1, 0), "2081104");
	assert_string_equal(cell_text(1, 3), "");
	assert_string_equal(cell_text(1, 4), "57.52");
	/* U+3000 indentation stays at the start of the cell. */
	assert_string_equal(cell_text(2, 0), "　　康复经费");
	assert_int_equal(g.rows.v[1].cells[0].src.page, 1);
	/* The footer is not a row; the form feed starts page 2. */
	assert_int_equal(g.rows.v[3].cells[0].src.page, 2);
	assert_int_equal(g.rows.v[3].src.line, 6);
	assert_string_equal(cell_text(3, 0), "合计");
	/* Without form feeds pages are unknown (0), never guessed. */
	const char *t = "预算公开表3\n合计 1.00\n-5-\n208 社会保障和就业支出 1.00\n";
	assert_int_equal(read_str(t, strlen(t)), 0);
	assert_int_equal(g.rows.n, 3);
	assert_int_equal(g.rows.v[2].cells[0].src.page, 0);
}

static void test_encodings(void **state)
{
	(void)state;
	size_t ulen, glen;
	char *u = tu_read_file(JX_FIXTURES_DIR "/read/word-utf8.txt", &ulen);
	char *gb = tu_read_file(JX_FIXTURES_DIR "/read/word-gb18030.txt", &glen);
	assert_true(glen != ulen);
	assert_int_equal(read_str(u, ulen), 0);
	size_t nrows = g.rows.n;
	char last[64];
	strcpy(last, cell_text(nrows - 1, 3));
	assert_string_equal(last, "≥100人");
	assert_int_equal(read_str(gb, glen), 0);
	assert_string_equal(pkg->sources.v[0].encoding, "GB18030");
	assert_int_equal(g.rows.n, nrows);
	assert_string_equal(cell_text(nrows - 1, 3), last);
	assert_string_equal(cell_text(0, 1), "残疾人康复");
	/* BOM and CRLF give the same grid. */
	size_t blen = ulen * 2 + 4, k = 3;
	char *b = malloc(blen);
	memcpy(b, "\xEF\xBB\xBF", 3);
	for (size_t i = 0; i < ulen; i++) {
		if (u[i] == '\n')
			b[k++] = '\r';
		b[k++] = u[i];
	}
	assert_int_equal(read_str(b, k), 0);
	assert_string_equal(pkg->sources.v[0].encoding, "UTF-8");
	assert_int_equal(g.rows.n, nrows);
	assert_string_equal(cell_text(nrows - 1, 3), last);
	free(b);
	free(u);
	free(gb);
}

static void test_bad_input(void **state)
{
	(void)state;
	assert_int_equal(read_str("", 0), JX_EFORMAT);
	assert_non_null(strstr(jx_error_last(), "文件为空"));
	assert_int_equal(read_str(" \n\t\n \r\n", 7), JX_EFORMAT);
	assert_int_equal(read_str("abc\0def", 7), JX_EFORMAT);
	assert_non_null(strstr(jx_error_last(), "第4字节"));
	const char ctl[] = "\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10";
	assert_int_equal(read_str(ctl, sizeof ctl - 1), JX_EFORMAT);
	/* Bytes that are neither UTF-8 nor GB18030. */
	assert_int_equal(read_str("ab\xFF\xFF\xFF", 5), JX_EFORMAT);
	assert_non_null(strstr(jx_error_last(), "GB18030"));
}

static void test_seed_layouts(void **state)
{
	(void)state;
	static const struct {
		const char *prefix;
		jx_layout layout;
	} seeds[] = {{"000", JX_LAYOUT_WORD_CELLS}, {"001", JX_LAYOUT_TSV}, {"002", JX_LAYOUT_WORD_CELLS},
		{"003", JX_LAYOUT_WORD_CELLS}, {"004", JX_LAYOUT_PDF_TEXT}};
	for (size_t i = 0; i < 5; i++) {
		char *path = tu_seed_path(seeds[i].prefix);
		size_t len;
		char *data = tu_read_file(path, &len);
		assert_int_equal(read_str(data, len), 0);
		assert_int_equal(g.layout, seeds[i].layout);
		assert_true(g.rows.n > 20);
		free(data);
		free(path);
	}
	/* In seed 000 the row holding 项目编码 has exactly its label and the code. */
	char *path = tu_seed_path("000");
	size_t len;
	char *data = tu_read_file(path, &len);
	assert_int_equal(read_str(data, len), 0);
	size_t found = 0;
	for (size_t r = 0; r < g.rows.n; r++)
		if (g.rows.v[r].n == 4 && strcmp(g.rows.v[r].cells[0].text, "项目编码") == 0) {
			if (found++ == 0)
				assert_string_equal(g.rows.v[r].cells[1].text, "13022524P00X0N010030U");
		}
	assert_int_equal(found, 12);
	free(data);
	free(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_unnamed_input, teardown),
		cmocka_unit_test_teardown(test_word_cells, teardown),
		cmocka_unit_test_teardown(test_tsv, teardown),
		cmocka_unit_test_teardown(test_pdf_text, teardown),
		cmocka_unit_test_teardown(test_encodings, teardown),
		cmocka_unit_test_teardown(test_bad_input, teardown),
		cmocka_unit_test_teardown(test_seed_layouts, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
