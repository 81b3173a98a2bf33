/* xlsx.c: the package as one workbook (libxlsxwriter), one sheet per table laid out like the official forms:
 * title merged across, unit line, grouped headers merged, money stored as numbers in the table's unit with two
 * decimals, 类/款/项 indented, 合计 rows bold, headers frozen and repeated on every printed A4 page. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "render/render_int.h"
#include "render/sheet.h"
#include "util/file.h"

enum { NSTYLE = 8, NKIND = 3, NSCALE = 8, NINDENT = 5 };

typedef struct fmt_cache {
	lxw_workbook *wb;
	lxw_format *f[NSTYLE][NKIND][NSCALE][NINDENT][2]; /* last index: wrapped text */
} fmt_cache;

static lxw_format *get_fmt(fmt_cache *fc, const jx_scell *c, bool wrap)
{
	int style = (int)c->style < NSTYLE ? (int)c->style : 0;
	int kind = c->kind == JX_CK_MONEY ? 1 : c->kind == JX_CK_DECIMAL ? 2 : 0;
	int scale = c->scale < 0 ? 0 : c->scale >= NSCALE ? NSCALE - 1 : c->scale;
	if (kind == 1 && scale < 2)
		scale = 2; /* money always shows 0.00 */
	int indent = c->indent < 0 ? 0 : c->indent >= NINDENT ? NINDENT - 1 : c->indent;
	if (kind)
		indent = 0;
	wrap = wrap && kind == 0 && style != JX_CS_TITLE;
	lxw_format **slot = &fc->f[style][kind][scale][indent][wrap ? 1 : 0];
	if (*slot)
		return *slot;
	lxw_format *f = workbook_add_format(fc->wb);
	format_set_font_name(f, "宋体");
	format_set_font_size(f, 11);
	format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
	switch ((jx_cell_style)style) {
	case JX_CS_TITLE:
		format_set_bold(f);
		format_set_font_size(f, 16);
		format_set_align(f, LXW_ALIGN_CENTER);
		break;
	case JX_CS_UNIT:
		format_set_align(f, LXW_ALIGN_RIGHT);
		break;
	case JX_CS_HEAD:
		format_set_bold(f);
		format_set_align(f, LXW_ALIGN_CENTER);
		format_set_bg_color(f, 0xEEEEEE);
		format_set_border(f, LXW_BORDER_THIN);
		format_set_text_wrap(f);
		break;
	case JX_CS_LABEL:
		format_set_bold(f);
		format_set_align(f, LXW_ALIGN_CENTER);
		format_set_bg_color(f, 0xF5F5F5);
		format_set_border(f, LXW_BORDER_THIN);
		format_set_text_wrap(f);
		break;
	case JX_CS_TOTAL:
	case JX_CS_GROUP:
		format_set_bold(f);
		format_set_border(f, LXW_BORDER_THIN);
		break;
	case JX_CS_NOTE:
		format_set_text_wrap(f);
		break;
	case JX_CS_BODY:
		format_set_border(f, LXW_BORDER_THIN);
		break;
	}
	if (wrap)
		format_set_text_wrap(f);
	if (kind) {
		char num[16] = "0";
		if (scale > 0) {
			num[1] = '.';
			memset(num + 2, '0', (size_t)scale);
			num[2 + scale] = '\0';
		}
		format_set_num_format(f, num);
		format_set_align(f, LXW_ALIGN_RIGHT);
	} else if (indent) {
		format_set_indent(f, (uint8_t)indent);
	}
	*slot = f;
	return f;
}

/* A number from its exact decimal text: strtod rounds correctly, so the stored double is the nearest one to the
 * exact value (no arithmetic on doubles). */
static double cell_number(const jx_scell *c) { return strtod(c->text, NULL); }

static void write_cell(lxw_worksheet *ws, lxw_row_t r, lxw_col_t col, const jx_scell *c, lxw_format *f)
{
	if (c->kind == JX_CK_MONEY || c->kind == JX_CK_DECIMAL)
		worksheet_write_number(ws, r, col, cell_number(c), f);
	else if (c->kind == JX_CK_TEXT && c->text[0])
		worksheet_write_string(ws, r, col, c->text, f);
	else
		worksheet_write_blank(ws, r, col, f);
}

enum { MAX_WIDTH = 50, MIN_WIDTH = 6 };

static int write_sheet(lxw_workbook *wb, fmt_cache *fc, const jx_sheet *sh)
{
	lxw_worksheet *ws = workbook_add_worksheet(wb, sh->name);
	if (!ws)
		return jx_error_set(JX_EIO, "无法添加工作表“%s”", sh->name);
	size_t nr = sh->rows.n, nc = sh->ncols ? sh->ncols : 1;
	unsigned char *covered = calloc(nr * nc + 1, 1); /* 1 = inside a merge but not its first cell, 2 = first */
	double *width = calloc(nc, sizeof *width);
	double *height = calloc(nr + 1, sizeof *height);
	if (!covered || !width || !height) {
		free(covered);
		free(width);
		free(height);
		return jx_error_set(JX_ENOMEM, "内存不足");
	}
	for (size_t m = 0; m < sh->merges.n; m++) {
		const jx_smerge *g = &sh->merges.v[m];
		for (uint32_t r = g->r0; r <= g->r1 && r < nr; r++)
			for (uint32_t c = g->c0; c <= g->c1 && c < nc; c++)
				covered[r * nc + c] = 1;
		if (g->r0 < nr && g->c0 < nc)
			covered[g->r0 * nc + g->c0] = 2;
	}
	/* Column widths from the cells that are not merged; CJK characters count 2. */
	for (size_t c = 0; c < nc; c++)
		width[c] = sh->min_width && c < JX_SHEET_MAX_HINT && sh->min_width[c] > 0 ? sh->min_width[c] : MIN_WIDTH;
	for (size_t r = 0; r < nr; r++)
		for (size_t c = 0; c < nc; c++) {
			const jx_scell *cell = &sh->rows.v[r][c];
			if (covered[r * nc + c] || cell->kind == JX_CK_EMPTY)
				continue;
			double w = (double)jx_sheet_text_width(cell->text) + 2.0 * cell->indent + 2.0;
			if (cell->kind == JX_CK_MONEY)
				w += 2; /* thousands are not grouped, but leave room for the sign */
			if (w > width[c])
				width[c] = w > MAX_WIDTH ? MAX_WIDTH : w;
		}
	for (size_t c = 0; c < nc; c++)
		worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, width[c], NULL);
	for (size_t r = 0; r < nr; r++)
		for (size_t c = 0; c < nc; c++) {
			const jx_scell *cell = &sh->rows.v[r][c];
			if (covered[r * nc + c])
				continue;
			bool wrap = cell->kind == JX_CK_TEXT && (double)jx_sheet_text_width(cell->text) + 2 > width[c];
			write_cell(ws, (lxw_row_t)r, (lxw_col_t)c, cell, get_fmt(fc, cell, wrap));
		}
	for (size_t m = 0; m < sh->merges.n; m++) {
		const jx_smerge *g = &sh->merges.v[m];
		if (g->r1 >= nr || g->c1 >= nc)
			continue;
		const jx_scell *cell = &sh->rows.v[g->r0][g->c0];
		double span = 0;
		for (uint32_t c = g->c0; c <= g->c1; c++)
			span += width[c];
		double tw = cell->kind == JX_CK_TEXT ? (double)jx_sheet_text_width(cell->text) : 0;
		bool wrap = tw + 2 > span;
		lxw_format *f = get_fmt(fc, cell, wrap);
		worksheet_merge_range(ws, (lxw_row_t)g->r0, (lxw_col_t)g->c0, (lxw_row_t)g->r1, (lxw_col_t)g->c1, "", f);
		write_cell(ws, (lxw_row_t)g->r0, (lxw_col_t)g->c0, cell, f);
		/* Spreadsheets do not grow merged rows to fit wrapped text: give a one-row merge the height it needs. */
		if (wrap && g->r0 == g->r1 && span > 0) {
			double lines = tw / span + 1;
			if (lines > 30)
				lines = 30;
			if (15.0 * lines > height[g->r0])
				height[g->r0] = 15.0 * lines;
		}
	}
	for (size_t r = 0; r < nr; r++) {
		if (height[r] > 0)
			worksheet_set_row(ws, (lxw_row_t)r, height[r], NULL);
		else if (r == 0 && sh->rows.v[0][0].style == JX_CS_TITLE)
			worksheet_set_row(ws, 0, 28, NULL);
	}
	free(covered);
	free(width);
	free(height);
	if (sh->head_rows)
		worksheet_freeze_panes(ws, (lxw_row_t)sh->head_rows, 0);
	worksheet_set_paper(ws, 9); /* A4 */
	if (sh->wide)
		worksheet_set_landscape(ws);
	else
		worksheet_set_portrait(ws);
	if (sh->head_rows)
		worksheet_repeat_rows(ws, 0, (lxw_row_t)(sh->head_rows - 1));
	worksheet_fit_to_pages(ws, 1, 0);
	worksheet_set_margins(ws, 0.5, 0.5, 0.6, 0.6);
	worksheet_center_horizontally(ws);
	return 0;
}

static int write_workbook(const jx_sheet_vec *sheets, const char *path)
{
	lxw_workbook_options o = {.constant_memory = LXW_FALSE, .tmpdir = NULL};
	lxw_workbook *wb = workbook_new_opt(path, &o);
	if (!wb)
		return jx_error_set(JX_EIO, "%s: 无法创建工作簿", path);
	fmt_cache *fc = calloc(1, sizeof *fc);
	if (!fc) {
		workbook_close(wb);
		return jx_error_set(JX_ENOMEM, "内存不足");
	}
	fc->wb = wb;
	int rc = 0;
	for (size_t i = 0; !rc && i < sheets->n; i++)
		rc = write_sheet(wb, fc, &sheets->v[i]);
	free(fc);
	lxw_error err = workbook_close(wb);
	if (!rc && err)
		rc = jx_error_set(JX_EIO, "%s: 工作簿写出失败：%s", path, lxw_strerror(err));
	return rc;
}

static int write_sheets(const void *ud, const char *path)
{
	return write_workbook(ud, path);
}

/* libxlsxwriter writes files. */
static int sheets_to_bytes(const jx_sheet_vec *sheets, char **out, size_t *len)
{
	return jx_file_through_temp("render", write_sheets, sheets, out, len);
}

int jx_render_xlsx_(const jx_pkg *pkg, const jx_render_opts *opts, char **out, size_t *len)
{
	jx_arena *a = jx_arena_new();
	if (!a)
		return jx_error_set(JX_ENOMEM, "内存不足");
	jx_sheet_vec sheets = {0};
	int rc = jx_sheets_build(pkg, opts, a, &sheets);
	if (!rc)
		rc = sheets_to_bytes(&sheets, out, len);
	jx_arena_free(a);
	return rc;
}
