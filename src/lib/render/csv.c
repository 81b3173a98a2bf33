/* csv.c: jx_render_csv: one CSV file per table (UTF-8 with a BOM so Excel picks the encoding, RFC 4180 quoting,
 * CRLF line ends), laid out like the XLSX sheets; money as plain exact decimals in the table's unit. */
#include <stdlib.h>
#include <string.h>

#include "render/sheet.h"
#include "util/buf.h"

static int put_field(jx_buf *b, const char *s)
{
	if (!s)
		s = "";
	if (!strpbrk(s, ",\"\r\n"))
		return jx_buf_puts(b, s);
	int rc = jx_buf_putc(b, '"');
	for (const char *p = s; !rc && *p; p++)
		rc = *p == '"' ? jx_buf_puts(b, "\"\"") : jx_buf_putc(b, *p);
	return rc ? rc : jx_buf_putc(b, '"');
}

static int sheet_csv(jx_buf *b, const jx_sheet *sh)
{
	int rc = jx_buf_puts(b, "\xEF\xBB\xBF");
	for (size_t r = 0; !rc && r < sh->rows.n; r++) {
		const jx_scell *row = sh->rows.v[r];
		for (uint32_t c = 0; !rc && c < sh->ncols; c++) {
			if (c)
				rc = jx_buf_putc(b, ',');
			if (!rc && row[c].kind != JX_CK_EMPTY)
				rc = put_field(b, row[c].text);
		}
		if (!rc)
			rc = jx_buf_puts(b, "\r\n");
	}
	return rc;
}

int jx_render_csv(const jx_pkg *pkg, const jx_render_opts *opts, jx_render_file_fn emit, void *ud)
{
	if (!pkg || !emit)
		return jx_error_set(JX_EINVAL, "缺少预算包或输出函数");
	jx_arena *a = jx_arena_new();
	if (!a)
		return jx_error_set(JX_ENOMEM, "内存不足");
	jx_sheet_vec sheets = {0};
	int rc = jx_sheets_build(pkg, opts, a, &sheets);
	jx_buf b = JX_BUF_INIT;
	for (size_t i = 0; !rc && i < sheets.n; i++) {
		jx_buf_clear(&b);
		const char *name = jx_arena_printf(a, "%s.csv", sheets.v[i].file);
		if (!name || sheet_csv(&b, &sheets.v[i])) {
			rc = jx_error_set(JX_ENOMEM, "内存不足");
			break;
		}
		rc = emit(ud, name, b.ptr ? b.ptr : "", b.len);
	}
	jx_buf_release(&b);
	jx_arena_free(a);
	return rc;
}
