/* import.c: jx_import_*: chooses the reader by content (JSON, text, PDF, DOCX, XLSX, XLS), runs the
 * recognisers, and fills what the recognisers left (the year from a title line). */
#include "jx/import.h"

#include <stdlib.h>
#include <string.h>

#include "grid.h"
#include "jx/json.h"
#include "read/ooxml.h"
#include "recognise/recognise.h"
#include "util/file.h"
#include "util/utf8.h"

typedef int (*grid_reader)(jx_grid *g, jx_pkg *pkg, const char *data, size_t len, const char *file);

/* Chooses a structured reader by the file's content (magic bytes, and for a zip the parts it holds), never by
 * its name. Returns 0 and *reader NULL for text; JX_EFORMAT for a binary format we do not read. */
static int binary_reader(const char *data, size_t len, const char *name, grid_reader *reader)
{
	*reader = NULL;
	/* "%PDF-" may follow a little junk (some producers prepend a BOM or blank line). */
	for (size_t i = 0; i + 5 <= len && i < 1024; i++)
		if (memcmp(data + i, "%PDF-", 5) == 0) {
			*reader = jx_grid_read_pdf;
			return 0;
		}
	if (len >= 8 && memcmp(data, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0) {
		*reader = jx_grid_read_xls; /* OLE2: XLS; a Word .doc is refused by the XLS reader */
		return 0;
	}
	if (len >= 4 && memcmp(data, "PK\x03\x04", 4) == 0) {
		jx_zip *z;
		int rc = jx_zip_open(&z, data, len, name);
		if (rc)
			return rc;
		if (jx_zip_has(z, "word/document.xml"))
			*reader = jx_grid_read_docx;
		else if (jx_zip_has(z, "xl/workbook.xml"))
			*reader = jx_grid_read_xlsx;
		jx_zip_close(z);
		if (!*reader)
			return jx_error_set(JX_EFORMAT, "%s: 这是 ZIP 压缩包，但既不是 DOCX 也不是 XLSX 文件", name);
		return 0;
	}
	return 0;
}

/* "2024年…预算", "（2023年度）", "(2026年)": the first year (1990–2100) in a line that names a budget or
 * performance form, or a short bracketed year line. */
static int year_from_lines(const jx_grid *g)
{
	size_t limit = g->nlines < 400 ? g->nlines : 400;
	for (size_t i = 0; i < limit; i++) {
		const char *s = g->lines[i];
		size_t n = strlen(s);
		bool formish = strstr(s, "预算") || strstr(s, "绩效") || strstr(s, "年度");
		size_t tn = n;
		const char *t = jx_utf8_trim(s, &tn);
		bool bracketed = tn <= 24 && (t[0] == '(' || strncmp(t, "（", 3) == 0);
		if (!formish && !bracketed)
			continue;
		for (size_t k = 0; k + 7 <= n; k++) {
			if (s[k] < '0' || s[k] > '9')
				continue;
			if (k > 0 && s[k - 1] >= '0' && s[k - 1] <= '9')
				continue;
			int y = 0, d = 0;
			while (d < 5 && k + (size_t)d < n && s[k + (size_t)d] >= '0' && s[k + (size_t)d] <= '9')
				y = y * 10 + (s[k + (size_t)d++] - '0');
			if (d == 4 && y >= 1990 && y <= 2100 && strncmp(s + k + 4, "年", 3) == 0)
				return y;
		}
	}
	return 0;
}

static int import_grid(jx_pkg *pkg, const char *data, size_t len, const char *name, grid_reader reader)
{
	jx_grid g;
	int rc = reader ? reader(&g, pkg, data, len, name) : jx_grid_read_text(&g, pkg, data, len, name);
	if (rc)
		return rc;
	rc = jx_recognise_all(pkg, &g);
	if (rc)
		return jx_error_set(rc, "%s: 内存不足", name);
	if (!pkg->year)
		pkg->year = year_from_lines(&g);
	if (!pkg->dept.name && !pkg->projects.n && !pkg->overall.present && !pkg->overall.tasks.n && !pkg->tables.n) {
		jx_src src = {g.file, 0, 1, 0, 0};
		rc = jx_pkg_note(pkg, JX_NOTE_WARNING, "import.nothing", NULL, src, "未识别出任何预算表格");
	}
	return rc;
}

int jx_import_buffer(jx_pkg **out, const char *data, size_t len, const char *name, const jx_import_opts *opts)
{
	*out = NULL;
	if (!name)
		name = "<input>";
	const char *fmt = opts ? opts->format : NULL;
	grid_reader reader = NULL;
	if (!fmt) {
		int rc = binary_reader(data, len, name, &reader);
		if (rc)
			return rc;
	}
	size_t i = 0;
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	while (i < len && (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r'))
		i++;
	bool json = fmt ? strcmp(fmt, "json") == 0 : (!reader && i < len && data[i] == '{');
	if (fmt && !json && strcmp(fmt, "text") != 0)
		return jx_error_set(JX_EINVAL, "不支持的输入格式“%s”", fmt);
	if (json)
		return jx_pkg_from_json(out, data + i, len - i, name);
	jx_pkg *pkg = jx_pkg_new();
	if (!pkg)
		return jx_error_set(JX_ENOMEM, "%s: 内存不足", name);
	int rc = import_grid(pkg, data, len, name, reader);
	if (rc) {
		jx_pkg_free(pkg);
		return rc;
	}
	*out = pkg;
	return 0;
}

int jx_import_file(jx_pkg **out, const char *path, const jx_import_opts *opts)
{
	char *data = NULL;
	size_t len = 0;
	*out = NULL;
	int rc = jx_file_read(&data, &len, path, 0);
	if (rc)
		return rc;
	rc = jx_import_buffer(out, data, len, strcmp(path, "-") == 0 ? "<stdin>" : path, opts);
	free(data);
	return rc;
}
