/* test_read_fixtures.c: each original-format fixture (DOCX, XLSX, PDF made by scripts/make-fixtures.py) must import
 * to the same model as its text counterpart.
 *
 * For every layout L and format F, tests/fixtures/read/L/{doc.docx,book.xlsx,doc.pdf} and the text counterpart
 * (tests/fixtures/read/L/text.txt, or seed 004 itself for pdf-report) are imported with jx_import_file and
 * written as canonical JSON; the two JSON texts must be equal after removing only what legitimately differs
 * between two files holding the same content (see normalise()). Each (layout, format) pair is its own test.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "jx/common.h"
#include "jx/import.h"
#include "jx/json.h"
#include "jx/model.h"

#define READ_DIR JX_FIXTURES_DIR "/read/"

/* What the text counterpart of each layout must hold, so that no comparison passes on two empty models. */
typedef struct expect {
	const char *layout;
	const char *text_format; /* the layout the text counterpart must be read as */
	size_t projects, funds, tables, overall_indicators;
	bool overall;
} expect;

static const expect EXPECTS[] = {
	{"word-targets", "text/word-cells", 2, 0, 0, 0, true},
	{"overall-tsv", "text/tsv", 0, 0, 0, 31, true},
	{"word-funds", "text/word-cells", 2, 1, 0, 6, true},
	{"word-project", "text/word-cells", 2, 0, 0, 0, false},
	{"pdf-report", "text/pdf", 22, 0, 13, 31, true},
};

static const expect *expect_of(const char *layout)
{
	for (size_t i = 0; i < sizeof EXPECTS / sizeof EXPECTS[0]; i++)
		if (strcmp(EXPECTS[i].layout, layout) == 0)
			return &EXPECTS[i];
	fail_msg("unknown layout %s", layout);
	return NULL;
}

/* Notes that describe how the text dump had to be taken apart, not the document's content:
 * - import.ambiguous-cells: a PDF text line had more (or fewer) space-separated pieces than the table has
 *   columns; a structured reader knows the cells, so the question does not arise. (Any value lost that way
 *   still shows as a difference in the tables themselves.)
 * - import.cells-shifted: the TSV dump moved amounts left or right of their header where the original merged
 *   cells; the recogniser says it re-aligned them. Whether a reader's cells need re-aligning is the layout's
 *   business; the amounts themselves are compared.
 * - import.name-joined: an indicator name wrapped over two lines of text (or two cells) and was joined; in a
 *   real cell a wrapped name is one text. The joined name itself is compared.
 * Every other note (OCR repairs, inferred levels, skipped sections, bad amounts, truncation) stays. */
static const char *const LAYOUT_NOTES[] = {"import.ambiguous-cells", "import.cells-shifted", "import.name-joined"};

static bool layout_note(const char *code)
{
	for (size_t i = 0; i < sizeof LAYOUT_NOTES / sizeof LAYOUT_NOTES[0]; i++)
		if (code && strcmp(code, LAYOUT_NOTES[i]) == 0)
			return true;
	return false;
}

static void clear_joined(jx_indicator_vec *v)
{
	for (size_t i = 0; i < v->n; i++)
		v->v[i].repairs &= ~(unsigned)JX_REPAIR_NAME_JOINED;
}

/* Removes what legitimately differs between a model read from text and one read from the original format:
 * - sources and every jx_src (JX_JSON_NO_SOURCE when serialising): file names, lines, columns and pages are
 *   where the content sits in each file, not the content;
 * - the notes listed in LAYOUT_NOTES and the matching `name-joined` repair flag (the same fact, kept on the
 *   indicator). Nothing else: names, amounts, values, levels, schedules, tables and prose are compared. */
static void normalise(jx_pkg *pkg)
{
	size_t k = 0;
	for (size_t i = 0; i < pkg->notes.n; i++)
		if (!layout_note(pkg->notes.v[i].code))
			pkg->notes.v[k++] = pkg->notes.v[i];
	pkg->notes.n = k;
	clear_joined(&pkg->overall.indicators);
	for (size_t i = 0; i < pkg->projects.n; i++)
		clear_joined(&pkg->projects.v[i].indicators);
}

/* For PDF only: removes white space inside JSON strings (spaces, "\n" and "\t" escapes, U+3000, U+00A0). A PDF
 * keeps glyphs at positions, not space characters or line breaks: a hard line break inside a table cell looks
 * exactly like wrapping, and a gap may be one space, two or none. Every other character of every string still has
 * to match, in order, and numbers, nulls and structure are untouched. DOCX and XLSX keep their white space and
 * are compared exactly. */
static void squeeze_string_space(char *json)
{
	char *o = json;
	bool in = false;
	for (char *p = json; *p;) {
		if (!in) {
			if (*p == '"')
				in = true;
			*o++ = *p++;
			continue;
		}
		if (*p == '\\' && p[1]) {
			if (p[1] == 'n' || p[1] == 't' || p[1] == 'r') {
				p += 2;
				continue;
			}
			*o++ = *p++;
			*o++ = *p++;
			continue;
		}
		if (*p == '"') {
			in = false;
			*o++ = *p++;
			continue;
		}
		if (*p == ' ') {
			p++;
			continue;
		}
		if ((unsigned char)p[0] == 0xE3 && (unsigned char)p[1] == 0x80 && (unsigned char)p[2] == 0x80) {
			p += 3;
			continue;
		}
		if ((unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xA0) {
			p += 2;
			continue;
		}
		*o++ = *p++;
	}
	*o = '\0';
}

static char *import_json(const char *path, jx_pkg **out)
{
	jx_pkg *pkg = NULL;
	int rc = jx_import_file(&pkg, path, NULL);
	if (rc != 0) {
		print_message("import %s failed (%d): %s\n", path, rc, jx_error_last());
		fail_msg("cannot import %s", path);
	}
	normalise(pkg);
	char *json = NULL;
	size_t len = 0;
	assert_int_equal(jx_pkg_to_json(pkg, JX_JSON_NO_SOURCE, &json, &len), 0);
	*out = pkg;
	return json;
}

static char *text_path(const char *layout)
{
	if (strcmp(layout, "pdf-report") == 0)
		return tu_seed_path("004");
	size_t n = strlen(READ_DIR) + strlen(layout) + 16;
	char *p = malloc(n);
	assert_non_null(p);
	snprintf(p, n, "%s%s/text.txt", READ_DIR, layout);
	return p;
}

static void check_counts(const jx_pkg *pkg, const expect *e, const char *what)
{
	assert_int_equal(pkg->sources.n, 1);
	assert_non_null(pkg->sources.v[0].format);
	assert_string_equal(pkg->sources.v[0].format, e->text_format);
	if (pkg->projects.n != e->projects || pkg->funds.n != e->funds || pkg->tables.n != e->tables ||
	    pkg->overall.present != e->overall || pkg->overall.indicators.n != e->overall_indicators)
		print_message("%s: projects %zu funds %zu tables %zu overall %d/%zu indicators\n", what, pkg->projects.n,
			      pkg->funds.n, pkg->tables.n, (int)pkg->overall.present, pkg->overall.indicators.n);
	assert_int_equal(pkg->projects.n, e->projects);
	assert_int_equal(pkg->funds.n, e->funds);
	assert_int_equal(pkg->tables.n, e->tables);
	assert_int_equal(pkg->overall.present, e->overall);
	assert_int_equal(pkg->overall.indicators.n, e->overall_indicators);
}

/* The lines of a JSON text (pointers into it, not terminated; lens[i] holds each length). */
typedef struct lines {
	const char **v;
	size_t *lens;
	size_t n;
} lines;

static lines split_lines(const char *s)
{
	lines l = {0};
	size_t cap = 1;
	for (const char *p = s; *p; p++)
		cap += *p == '\n';
	l.v = calloc(cap, sizeof *l.v);
	l.lens = calloc(cap, sizeof *l.lens);
	assert_non_null(l.v);
	assert_non_null(l.lens);
	while (*s && l.n < cap) {
		const char *e = strchr(s, '\n');
		size_t n = e ? (size_t)(e - s) : strlen(s);
		l.v[l.n] = s;
		l.lens[l.n++] = n;
		s += n + (e ? 1 : 0);
	}
	return l;
}

static bool line_eq(const lines *a, size_t i, const lines *b, size_t j)
{
	return i < a->n && j < b->n && a->lens[i] == b->lens[j] && memcmp(a->v[i], b->v[j], a->lens[i]) == 0;
}

#define RESYNC_WINDOW 400
#define MAX_HUNKS 6

/* Prints the first few differences between two JSON texts as hunks (text counterpart lines with '-', original
 * format lines with '+'), re-synchronising on three equal lines within a window, so a failure says what the
 * reader or recogniser got wrong without a diff tool. Returns the number of hunks found (capped). */
static size_t show_difference(const char *want, const char *got)
{
	lines a = split_lines(want), b = split_lines(got);
	size_t i = 0, j = 0, hunks = 0;
	while ((i < a.n || j < b.n) && hunks < MAX_HUNKS) {
		if (line_eq(&a, i, &b, j)) {
			i++;
			j++;
			continue;
		}
		/* Smallest skip (da, db) after which three lines agree again. */
		size_t best_a = a.n - i, best_b = b.n - j;
		bool found = false;
		for (size_t d = 1; d <= 2 * RESYNC_WINDOW && !found; d++)
			for (size_t da = 0; da <= d && !found; da++) {
				size_t db = d - da;
				if (da > RESYNC_WINDOW || db > RESYNC_WINDOW)
					continue;
				if (line_eq(&a, i + da, &b, j + db) && line_eq(&a, i + da + 1, &b, j + db + 1) &&
				    line_eq(&a, i + da + 2, &b, j + db + 2)) {
					best_a = da;
					best_b = db;
					found = true;
				}
			}
		print_message("@@ JSON line %zu (text counterpart) / %zu (original format)\n", i + 1, j + 1);
		for (size_t k = i >= 3 ? i - 3 : 0; k < i; k++)
			print_message("  %.*s\n", (int)a.lens[k], a.v[k]);
		for (size_t k = 0; k < best_a && k < 12; k++)
			print_message("- %.*s\n", (int)a.lens[i + k], a.v[i + k]);
		if (best_a > 12)
			print_message("- … %zu more lines\n", best_a - 12);
		for (size_t k = 0; k < best_b && k < 12; k++)
			print_message("+ %.*s\n", (int)b.lens[j + k], b.v[j + k]);
		if (best_b > 12)
			print_message("+ … %zu more lines\n", best_b - 12);
		i += best_a;
		j += best_b;
		hunks++;
	}
	if (hunks == MAX_HUNKS && (i < a.n || j < b.n))
		print_message("(more differences follow; set JX_FIXTURES_DUMP=DIR to write both JSON texts)\n");
	free(a.v);
	free(a.lens);
	free(b.v);
	free(b.lens);
	return hunks;
}

/* With JX_FIXTURES_DUMP=DIR set, writes both normalised JSON texts there for a full diff. */
static void dump(const char *layout, const char *file, const char *want, const char *got)
{
	const char *dir = getenv("JX_FIXTURES_DUMP");
	if (!dir || !*dir)
		return;
	const char *texts[2] = {want, got};
	const char *names[2] = {"text", file};
	for (int k = 0; k < 2; k++) {
		char path[1024];
		snprintf(path, sizeof path, "%s/%s.%s.json", dir, layout, names[k]);
		FILE *f = fopen(path, "wb");
		if (!f)
			continue;
		fputs(texts[k], f);
		fclose(f);
	}
}

static void compare(const char *layout, const char *file)
{
	const expect *e = expect_of(layout);
	char *tp = text_path(layout);
	size_t n = strlen(READ_DIR) + strlen(layout) + strlen(file) + 2;
	char *fp = malloc(n);
	assert_non_null(fp);
	snprintf(fp, n, "%s%s/%s", READ_DIR, layout, file);

	jx_pkg *want_pkg = NULL, *got_pkg = NULL;
	char *want = import_json(tp, &want_pkg);
	check_counts(want_pkg, e, tp);
	char *got = import_json(fp, &got_pkg);
	/* The structured reader must have been chosen by content (not the text reader on binary input). */
	assert_true(got_pkg->sources.n >= 1);
	const char *fmt = got_pkg->sources.v[0].format;
	const char *ext = strrchr(file, '.') + 1;
	if (!fmt || strcmp(fmt, ext) != 0)
		print_message("%s: source format %s, expected %s\n", fp, fmt ? fmt : "(none)", ext);
	assert_non_null(fmt);
	assert_string_equal(fmt, ext);

	if (strcmp(ext, "pdf") == 0) {
		squeeze_string_space(want);
		squeeze_string_space(got);
	}
	bool same = strcmp(want, got) == 0;
	if (!same) {
		print_message("%s does not import like %s\n", fp, tp);
		dump(layout, file, want, got);
		assert_true(show_difference(want, got) > 0);
	}
	free(want);
	free(got);
	jx_pkg_free(want_pkg);
	jx_pkg_free(got_pkg);
	free(tp);
	free(fp);
	assert_true(same);
}

/* The text counterparts themselves: they import on their own and hold what the comparisons rely on. */
static void text_counterpart(const char *layout)
{
	char *tp = text_path(layout);
	jx_pkg *pkg = NULL;
	char *json = import_json(tp, &pkg);
	check_counts(pkg, expect_of(layout), tp);
	free(json);
	jx_pkg_free(pkg);
	free(tp);
}

#define PAIR(fn, layout, file)                                                                                     \
	static void fn(void **state)                                                                               \
	{                                                                                                          \
		(void)state;                                                                                       \
		compare(layout, file);                                                                             \
	}
#define TEXT(fn, layout)                                                                                           \
	static void fn(void **state)                                                                               \
	{                                                                                                          \
		(void)state;                                                                                       \
		text_counterpart(layout);                                                                          \
	}

TEXT(text_word_targets, "word-targets")
TEXT(text_overall_tsv, "overall-tsv")
TEXT(text_word_funds, "word-funds")
TEXT(text_word_project, "word-project")
TEXT(text_pdf_report, "pdf-report")

PAIR(word_targets_docx, "word-targets", "doc.docx")
PAIR(word_targets_xlsx, "word-targets", "book.xlsx")
PAIR(word_targets_pdf, "word-targets", "doc.pdf")
PAIR(overall_tsv_docx, "overall-tsv", "doc.docx")
PAIR(overall_tsv_xlsx, "overall-tsv", "book.xlsx")
PAIR(overall_tsv_pdf, "overall-tsv", "doc.pdf")
PAIR(word_funds_docx, "word-funds", "doc.docx")
PAIR(word_funds_xlsx, "word-funds", "book.xlsx")
PAIR(word_funds_pdf, "word-funds", "doc.pdf")
PAIR(word_project_docx, "word-project", "doc.docx")
PAIR(word_project_xlsx, "word-project", "book.xlsx")
PAIR(word_project_pdf, "word-project", "doc.pdf")
PAIR(pdf_report_docx, "pdf-report", "doc.docx")
PAIR(pdf_report_xlsx, "pdf-report", "book.xlsx")
PAIR(pdf_report_pdf, "pdf-report", "doc.pdf")

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(text_word_targets),
		cmocka_unit_test(text_overall_tsv),
		cmocka_unit_test(text_word_funds),
		cmocka_unit_test(text_word_project),
		cmocka_unit_test(text_pdf_report),
		cmocka_unit_test(word_targets_docx),
		cmocka_unit_test(word_targets_xlsx),
		cmocka_unit_test(word_targets_pdf),
		cmocka_unit_test(overall_tsv_docx),
		cmocka_unit_test(overall_tsv_xlsx),
		cmocka_unit_test(overall_tsv_pdf),
		cmocka_unit_test(word_funds_docx),
		cmocka_unit_test(word_funds_xlsx),
		cmocka_unit_test(word_funds_pdf),
		cmocka_unit_test(word_project_docx),
		cmocka_unit_test(word_project_xlsx),
		cmocka_unit_test(word_project_pdf),
		cmocka_unit_test(pdf_report_docx),
		cmocka_unit_test(pdf_report_xlsx),
		cmocka_unit_test(pdf_report_pdf),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
