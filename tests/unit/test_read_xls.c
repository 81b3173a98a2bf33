/* test_read_xls.c: the XLS reader (FreeXL): values, sheets, sources, and files that are not XLS workbooks. */
#include <stdlib.h>
#include <string.h>

#include "grid.h"
#include "jx/import.h"
#include "recognise/recognise.h"
#include "util/arena.h"
#include "testutil.h"

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
	return jx_grid_read_xls(&g, pkg, data, len, "t.xls");
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

/* LibreOffice's XLS of the same small table as tests/fixtures/xlsx/small.xlsx. FreeXL gives no merges: a merge
 * across columns would come with blank cells after it (the title here is alone on its row: a paragraph). */
static void test_libreoffice(void **state)
{
	(void)state;
	assert_int_equal(read_path(JX_FIXTURES_DIR "/xlsx/small.xls"), 0);
	assert_int_equal(g.layout, JX_LAYOUT_CELLS);
	assert_int_equal(g.rows.n, 5);
	assert_int_equal(g.nlines, 5);
	/* the title alone on its row is free text (a paragraph of one cell); the table rows span the used columns */
	assert_true(g.rows.v[0].paragraph);
	assert_int_equal(g.rows.v[0].n, 1);
	assert_string_equal(cell(0, 0), "项目支出绩效目标表");
	for (size_t i = 1; i < g.rows.n; i++) {
		assert_false(g.rows.v[i].paragraph);
		assert_int_equal(g.rows.v[i].n, 4);
	}
	assert_string_equal(cell(1, 3), "指标值");
	assert_string_equal(cell(2, 0), "产出指标");
	assert_string_equal(cell(2, 3), "≥80人");
	/* merged down: blank below, as the grid contract wants */
	assert_string_equal(cell(3, 0), "");
	assert_string_equal(cell(3, 1), "");
	assert_string_equal(cell(3, 2), "培训经费");
	assert_string_equal(cell(3, 3), "1806.2");
	assert_string_equal(cell(4, 1), "社会效益指标");
	assert_string_equal(g.lines[3], "\t\t培训经费\t1806.2");
	const jx_cell *c = &g.rows.v[3].cells[3];
	assert_int_equal(c->src.page, 1);
	assert_int_equal(c->src.line, 4);
	assert_int_equal(c->src.col, 16); /* two tabs, 培训经费 (12 bytes) and a tab before it */
	assert_string_equal(c->src.file, "t.xls");
	assert_int_equal(pkg->sources.n, 1);
	assert_string_equal(pkg->sources.v[0].format, "xls");
	assert_int_equal(strlen(pkg->sources.v[0].sha256), 64);
}

static void expect_error(int rc, int code, const char *needle)
{
	assert_int_equal(rc, code);
	const char *msg = jx_error_last();
	if (!strstr(msg, needle))
		fail_msg("error “%s” does not mention “%s”", msg, needle);
	assert_non_null(strstr(msg, "t.xls"));
}

static void test_not_xls(void **state)
{
	(void)state;
	static const char text[] = "部门名称\t预算\n";
	expect_error(read_buf(text, sizeof text - 1), JX_EFORMAT, "OLE2");
	expect_error(read_buf("", 0), JX_EFORMAT, "OLE2");
	/* the OLE2 magic and then nothing sensible */
	char junk[1024];
	memset(junk, 0x41, sizeof junk);
	memcpy(junk, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
	expect_error(read_buf(junk, sizeof junk), JX_EFORMAT, "XLS");
	/* found by fuzzing: FreeXL reads past its buffers on this file (under ASan the reading process dies); the
	 * reading runs in a child process, so it is a clean refusal either way */
	expect_error(read_path(JX_FIXTURES_DIR "/xlsx/crafted.xls"), JX_EFORMAT, "XLS");
	/* a Word .doc is OLE2 too */
	expect_error(read_path(JX_FIXTURES_DIR "/xlsx/word.doc"), JX_EFORMAT, "XLS");
}

/* Every truncation: a clean error, or the whole workbook; never part of it. */
static void test_truncated(void **state)
{
	(void)state;
	size_t errors = 0;
	size_t len;
	char *data = tu_read_file(JX_FIXTURES_DIR "/xlsx/small.xls", &len);
	for (size_t cut = 512; cut < len; cut += 512) {
		int rc = read_buf(data, cut);
		if (rc == 0) {
			/* The cut removed only sectors the workbook does not use: then all of it must be there. */
			if (g.rows.n != 5 || strcmp(g.lines[3], "\t\t培训经费\t1806.2") != 0)
				fail_msg("cut at %zu of %zu read partially (%zu rows)", cut, len, g.rows.n);
			continue;
		}
		assert_true(strstr(jx_error_last(), "t.xls") != NULL);
		errors++;
	}
	assert_true(errors >= 9); /* the 6 KB file cut every 512 bytes: nearly every cut is damage */
	free(data);
}

static void test_import_dispatch(void **state)
{
	(void)state;
	size_t len;
	char *data = tu_read_file(JX_FIXTURES_DIR "/xlsx/small.xls", &len);
	jx_pkg *p = NULL;
	int rc = jx_import_buffer(&p, data, len, "book.bin", NULL);
	free(data);
	assert_int_equal(rc, 0);
	assert_int_equal(p->sources.n, 1);
	assert_string_equal(p->sources.v[0].format, "xls");
	jx_pkg_free(p);
}

/* Seed 001's layout (the fixture workbook saved as XLS by LibreOffice) through the overall-table recogniser
 * alone: the same tasks, goals and indicators as the text. Amounts lose their printed decimals ("392.0" comes as
 * "392": FreeXL gives no number formats) but not their value. */
static void test_overall_fixture(void **state)
{
	(void)state;
	size_t len;
	char *data = tu_read_file(JX_FIXTURES_DIR "/read/overall-tsv/text.txt", &len);
	jx_pkg *t = NULL;
	assert_int_equal(jx_import_buffer(&t, data, len, "text.txt", NULL), 0);
	free(data);
	assert_int_equal(read_path(JX_FIXTURES_DIR "/xlsx/overall.xls"), 0);
	jx_rec_ctx ctx = {pkg, &g, NULL};
	ctx.claimed = jx_arena_calloc(pkg->arena, g.rows.n, 1);
	assert_non_null(ctx.claimed);
	assert_int_equal(jx_rec_tsv_overall(&ctx), 0);
	const jx_overall *a = &t->overall, *b = &pkg->overall;
	assert_string_equal(b->title, a->title);
	assert_string_equal(pkg->dept.name, t->dept.name);
	assert_int_equal(b->tasks.n, 6);
	assert_int_equal(b->tasks.n, a->tasks.n);
	for (size_t i = 0; i < a->tasks.n; i++) {
		const jx_task *p = &a->tasks.v[i], *q = &b->tasks.v[i];
		assert_string_equal(q->name, p->name);
		assert_int_equal(q->total.fen, p->total.fen);
		assert_int_equal(q->basic.fen, p->basic.fen);
		assert_int_equal(q->project.fen, p->project.fen);
		assert_int_equal(q->other.fen, p->other.fen);
	}
	assert_int_equal(b->tasks.v[1].other.fen, 392000000); /* 392.0 万元 */
	assert_int_equal(b->goals.n, a->goals.n);
	for (size_t i = 0; i < a->goals.n; i++) {
		assert_string_equal(b->goals.v[i].text, a->goals.v[i].text);
		assert_string_equal(b->goals.v[i].task, a->goals.v[i].task);
	}
	assert_int_equal(b->indicators.n, a->indicators.n);
	for (size_t i = 0; i < a->indicators.n; i++) {
		const jx_indicator *p = &a->indicators.v[i], *q = &b->indicators.v[i];
		assert_int_equal(q->goal, p->goal);
		assert_int_equal(q->l1, p->l1);
		assert_int_equal(q->l2, p->l2);
		assert_string_equal(q->name, p->name);
		assert_string_equal(q->value.text, p->value.text);
	}
	jx_pkg_free(t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_libreoffice, teardown),
		cmocka_unit_test_teardown(test_not_xls, teardown),
		cmocka_unit_test_teardown(test_truncated, teardown),
		cmocka_unit_test_teardown(test_import_dispatch, teardown),
		cmocka_unit_test_teardown(test_overall_fixture, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
