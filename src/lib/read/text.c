/* text.c: the text reader: decodes a document dumped as text and splits it into a grid of rows and cells.
 *
 * Layouts (chosen from the content, never from the file name):
 * - WORD_CELLS: Word tables dumped one cell per line with a leading tab. Consecutive cell lines form a row; a blank
 *   line ends the row, except right after a cell that ended with a tab or whose text came only from the lines
 *   below it (Word puts blank lines inside such cells). A line without a leading tab right after a cell continues
 *   that cell (joined with "\n"). "[bookmark: …]" markers are removed. Other lines are paragraph rows.
 * - TSV: one row per line, cells split on tabs and kept in position (empty cells included, trailing ones dropped);
 *   lines without tabs are paragraph rows.
 * - PDF_TEXT: one row per non-blank line, cells split on single ASCII spaces after trimming the line, a run of k
 *   spaces giving k-1 empty cells between. U+3000 is not a separator and stays in the text (表12 indents names
 *   with it; recognisers trim it). Footer lines "-N-" are not rows; pages are counted only from form feeds. Raw lines stay available
 *   through jx_grid_line for recognisers that need to re-split.
 * Every cell's jx_src has file, page (PDF text only), line and col (byte offset + 1 in the decoded line).
 */
#include <errno.h>
#include <iconv.h>
#include <string.h>

#include "grid.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/utf8.h"

#define TEXT_MAX_BYTES ((size_t)256 * 1024 * 1024)
#define TEXT_MAX_LINES 2000000u
#define CELL_MAX_BYTES ((size_t)64 * 1024)

const char *jx_grid_line(const jx_grid *g, uint32_t line)
{
	return (line >= 1 && line <= g->nlines) ? g->lines[line - 1] : NULL;
}

/* Converts with iconv into a malloc'd-free arena string; returns NULL when the input is not in `from`. */
static char *iconv_to_utf8(jx_arena *a, const char *from, const char *data, size_t len, size_t *out_len)
{
	iconv_t cd = iconv_open("UTF-8", from);
	if (cd == (iconv_t)-1)
		return NULL;
	size_t cap = len * 2 + 16;
	char *out = jx_arena_alloc(a, cap + 1);
	if (!out) {
		iconv_close(cd);
		return NULL;
	}
	char *in = (char *)(uintptr_t)data; /* iconv's prototype is not const-correct */
	size_t inleft = len, outleft = cap;
	char *o = out;
	size_t r = iconv(cd, &in, &inleft, &o, &outleft);
	iconv_close(cd);
	if (r == (size_t)-1 || inleft != 0)
		return NULL;
	*o = '\0';
	*out_len = (size_t)(o - out);
	return out;
}

/* Bytes that never occur in text: NUL and most C0 controls. */
static int check_binary(const char *data, size_t len, const char *file)
{
	size_t ctl = 0;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)data[i];
		if (c == 0)
			return jx_error_set(JX_EFORMAT, "%s: 不是文本文件（第%zu字节处有二进制内容）", file, i + 1);
		if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && ++ctl > 8)
			return jx_error_set(JX_EFORMAT, "%s: 不是文本文件（第%zu字节处有二进制内容）", file, i + 1);
	}
	return 0;
}

/* Decodes into UTF-8 in the arena with LF line ends; sets *encoding. */
static int decode(jx_arena *a, const char *data, size_t len, const char *file, char **out, size_t *out_len,
		  const char **encoding)
{
	const char *enc = "UTF-8";
	const char *text = data;
	size_t n = len;
	char *conv = NULL;
	if (n >= 2 && (((unsigned char)data[0] == 0xFF && (unsigned char)data[1] == 0xFE) ||
		       ((unsigned char)data[0] == 0xFE && (unsigned char)data[1] == 0xFF))) {
		conv = iconv_to_utf8(a, "UTF-16", data, len, &n);
		if (!conv)
			return jx_error_set(JX_EFORMAT, "%s: UTF-16 文本无法解码", file);
		enc = "UTF-16";
		text = conv;
	} else {
		int rc = check_binary(data, len, file);
		if (rc)
			return rc;
		if (n >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
			text += 3;
			n -= 3;
		}
		size_t bad;
		if (!jx_utf8_valid(text, n, &bad)) {
			conv = iconv_to_utf8(a, "GB18030", text, n, &n);
			if (!conv)
				return jx_error_set(JX_EFORMAT, "%s: 第%zu字节处既不是 UTF-8 也不是 GB18030 编码", file,
						    bad + 1);
			enc = "GB18030";
			text = conv;
		}
	}
	char *o = jx_arena_alloc(a, n + 1);
	if (!o)
		return JX_ENOMEM;
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		if (text[i] == '\r') {
			o[k++] = '\n';
			if (i + 1 < n && text[i + 1] == '\n')
				i++;
		} else {
			o[k++] = text[i];
		}
	}
	o[k] = '\0';
	*out = o;
	*out_len = k;
	*encoding = enc;
	return 0;
}

static bool is_blank(const char *s)
{
	size_t n = strlen(s);
	jx_utf8_trim(s, &n);
	return n == 0;
}

/* A line of the form "-28-" (page footer). */
static bool is_page_footer(const char *s)
{
	size_t n = strlen(s);
	s = jx_utf8_trim(s, &n);
	if (n < 3 || s[0] != '-' || s[n - 1] != '-')
		return false;
	for (size_t i = 1; i + 1 < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

static jx_layout detect_layout(const jx_grid *g)
{
	size_t nonblank = 0, single_cells = 0, tabbed = 0;
	for (size_t i = 0; i < g->nlines; i++) {
		const char *s = g->lines[i];
		if (is_blank(s) && !strchr(s, '\t'))
			continue;
		nonblank++;
		const char *tab = strchr(s, '\t');
		if (!tab)
			continue;
		tabbed++;
		if (s[0] == '\t') {
			/* One cell: no further tab, or only a trailing one. */
			const char *t2 = strchr(s + 1, '\t');
			if (!t2 || t2[1] == '\0')
				single_cells++;
		}
	}
	if (nonblank == 0)
		return JX_LAYOUT_UNKNOWN;
	if (single_cells * 10 >= nonblank * 3)
		return JX_LAYOUT_WORD_CELLS;
	if (tabbed * 10 >= nonblank * 2)
		return JX_LAYOUT_TSV;
	return JX_LAYOUT_PDF_TEXT;
}

/* Copies s[0..n) without "[bookmark: …]" markers. */
static char *strip_bookmarks(jx_arena *a, const char *s, size_t n)
{
	char *o = jx_arena_alloc(a, n + 1);
	if (!o)
		return NULL;
	size_t k = 0;
	for (size_t i = 0; i < n;) {
		if (s[i] == '[' && n - i >= 10 && memcmp(s + i, "[bookmark:", 10) == 0) {
			const char *end = memchr(s + i, ']', n - i);
			if (end) {
				i = (size_t)(end - s) + 1;
				continue;
			}
		}
		o[k++] = s[i++];
	}
	o[k] = '\0';
	return o;
}

static jx_src src_of(const jx_grid *g, uint32_t page, size_t line_index, size_t col)
{
	jx_src s = {g->file, page, (uint32_t)line_index + 1, (uint32_t)col + 1, 0};
	return s;
}

static jx_grid_row *new_row(jx_grid *g, jx_src src, bool paragraph)
{
	jx_grid_row *r = jx_vec_push(g->arena, &g->rows);
	if (r) {
		r->src = src;
		r->paragraph = paragraph;
	}
	return r;
}

/* Appends a cell with a trimmed copy of s[0..n) to the row. The row's cells array grows in the arena. */
static int add_cell(jx_grid *g, jx_grid_row *r, size_t *cap, const char *s, size_t n, jx_src src)
{
	size_t len = n;
	const char *t = jx_utf8_trim(s, &len);
	if (len > CELL_MAX_BYTES)
		len = CELL_MAX_BYTES;
	if (r->n == *cap) {
		size_t ncap = *cap ? *cap * 2 : 8;
		jx_cell *c = jx_arena_grow(g->arena, r->cells, r->n, ncap, sizeof *c);
		if (!c)
			return JX_ENOMEM;
		r->cells = c;
		*cap = ncap;
	}
	jx_cell *c = &r->cells[r->n++];
	c->text = jx_arena_strndup(g->arena, t, len);
	c->src = src;
	c->src.col = src.col + (uint32_t)(t - s);
	c->src.len = (uint32_t)len;
	return c->text ? 0 : JX_ENOMEM;
}

static int paragraph_row(jx_grid *g, size_t i, uint32_t page)
{
	const char *s = g->lines[i];
	jx_grid_row *r = new_row(g, src_of(g, page, i, 0), true);
	size_t cap = 0;
	if (!r)
		return JX_ENOMEM;
	return add_cell(g, r, &cap, s, strlen(s), src_of(g, page, i, 0));
}

static int build_word_cells(jx_grid *g)
{
	jx_grid_row *row = NULL;
	size_t cap = 0;
	bool keep_open = false; /* a blank line does not end the row (see the top of this file) */
	bool cont_ok = false;   /* the previous line was a cell or its continuation */
	bool cell_started_empty = false;
	for (size_t i = 0; i < g->nlines; i++) {
		const char *s = g->lines[i];
		size_t n = strlen(s);
		if (s[0] == '\t') {
			const char *t = s + 1;
			size_t tn = n - 1;
			bool trailing_tab = false;
			while (tn > 0 && t[tn - 1] == '\t') {
				tn--;
				trailing_tab = true;
			}
			char *text = strip_bookmarks(g->arena, t, tn);
			if (!text)
				return JX_ENOMEM;
			if (!row) {
				row = new_row(g, src_of(g, 0, i, 0), false);
				cap = 0;
				if (!row)
					return JX_ENOMEM;
			}
			int rc = add_cell(g, row, &cap, text, strlen(text), src_of(g, 0, i, 1));
			if (rc)
				return rc;
			cell_started_empty = row->cells[row->n - 1].text[0] == '\0';
			keep_open = trailing_tab;
			cont_ok = true;
			continue;
		}
		if (is_blank(s)) {
			/* Word leaves two or more empty lines inside a cell that ended with a tab or whose text came from
			 * the lines below it; a single empty line, or a line of spaces, ends the row. */
			size_t run = 0;
			while (i + run < g->nlines && g->lines[i + run][0] == '\0')
				run++;
			if (keep_open && n == 0 && run >= 2 && i + run < g->nlines && g->lines[i + run][0] == '\t') {
				i += run - 1;
				continue;
			}
			row = NULL;
			keep_open = false;
			cont_ok = false;
			continue;
		}
		if (row && cont_ok) {
			/* Continues the last cell. */
			jx_cell *c = &row->cells[row->n - 1];
			char *text = strip_bookmarks(g->arena, s, n);
			if (!text)
				return JX_ENOMEM;
			size_t tl = strlen(text);
			const char *tt = jx_utf8_trim(text, &tl);
			size_t cl = strlen(c->text);
			if (cl + tl + 1 <= CELL_MAX_BYTES) {
				char *joined = jx_arena_alloc(g->arena, cl + tl + 2);
				if (!joined)
					return JX_ENOMEM;
				memcpy(joined, c->text, cl);
				size_t k = cl;
				if (cl)
					joined[k++] = '\n';
				memcpy(joined + k, tt, tl);
				joined[k + tl] = '\0';
				c->text = joined;
			}
			if (cell_started_empty)
				keep_open = true;
			continue;
		}
		row = NULL;
		keep_open = false;
		char *text = strip_bookmarks(g->arena, s, n);
		if (!text)
			return JX_ENOMEM;
		if (is_blank(text))
			continue;
		jx_grid_row *r = new_row(g, src_of(g, 0, i, 0), true);
		size_t pcap = 0;
		if (!r)
			return JX_ENOMEM;
		int rc = add_cell(g, r, &pcap, text, strlen(text), src_of(g, 0, i, 0));
		if (rc)
			return rc;
	}
	return 0;
}

static int build_tsv(jx_grid *g)
{
	for (size_t i = 0; i < g->nlines; i++) {
		const char *s = g->lines[i];
		if (!strchr(s, '\t')) {
			if (!is_blank(s)) {
				int rc = paragraph_row(g, i, 0);
				if (rc)
					return rc;
			}
			continue;
		}
		jx_grid_row *r = new_row(g, src_of(g, 0, i, 0), false);
		size_t cap = 0;
		if (!r)
			return JX_ENOMEM;
		const char *p = s;
		for (;;) {
			const char *tab = strchr(p, '\t');
			size_t len = tab ? (size_t)(tab - p) : strlen(p);
			int rc = add_cell(g, r, &cap, p, len, src_of(g, 0, i, (size_t)(p - s)));
			if (rc)
				return rc;
			if (!tab)
				break;
			p = tab + 1;
		}
		while (r->n > 0 && r->cells[r->n - 1].text[0] == '\0')
			r->n--;
	}
	return 0;
}

static int build_pdf_text(jx_grid *g)
{
	/* Pages are known only when the text keeps its form feeds; footers alone ("-28-") are too sparse to number
	 * the pages between them, and a wrong page is worse than none (0 = unknown). */
	bool paged = false;
	for (size_t i = 0; i < g->nlines && !paged; i++)
		paged = strchr(g->lines[i], '\f') != NULL;
	uint32_t page = paged ? 1 : 0;
	for (size_t i = 0; i < g->nlines; i++) {
		const char *s = g->lines[i];
		if (paged && strchr(s, '\f'))
			page++;
		if (is_page_footer(s))
			continue;
		if (is_blank(s))
			continue;
		size_t n = strlen(s);
		size_t b = 0, e = n;
		while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\f'))
			b++;
		while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t'))
			e--;
		jx_grid_row *r = new_row(g, src_of(g, page, i, 0), false);
		size_t cap = 0;
		if (!r)
			return JX_ENOMEM;
		size_t p = b;
		while (p <= e) {
			size_t q = p;
			while (q < e && s[q] != ' ' && s[q] != '\t')
				q++;
			/* Keep U+3000 at the start of a cell: it is indentation, not a separator. */
			const char *cell = s + p;
			size_t len = q - p;
			size_t lead = 0;
			while (lead + 3 <= len && memcmp(cell + lead, "\xE3\x80\x80", 3) == 0)
				lead += 3;
			int rc = add_cell(g, r, &cap, cell, len, src_of(g, page, i, p));
			if (rc)
				return rc;
			if (lead && lead < len) {
				jx_cell *c = &r->cells[r->n - 1];
				char *t = jx_arena_alloc(g->arena, lead + strlen(c->text) + 1);
				if (!t)
					return JX_ENOMEM;
				memcpy(t, cell, lead);
				strcpy(t + lead, c->text);
				c->text = t;
			}
			if (q >= e)
				break;
			p = q + 1;
		}
	}
	return 0;
}

int jx_grid_read_text(jx_grid *g, jx_pkg *pkg, const char *data, size_t len, const char *file)
{
	int start_rc = jx_grid_start(g, pkg, file, JX_LAYOUT_UNKNOWN);
	if (start_rc)
		return start_rc;
	file = g->file;
	if (len > TEXT_MAX_BYTES)
		return jx_error_set(JX_ELIMIT, "%s: 文件超过 %zu 字节的上限", file, TEXT_MAX_BYTES);
	char *text = NULL;
	size_t n = 0;
	const char *encoding = "UTF-8";
	int rc = decode(pkg->arena, data, len, file, &text, &n, &encoding);
	if (rc)
		return rc == JX_ENOMEM ? jx_error_set(JX_ENOMEM, "%s: 内存不足", file) : rc;
	size_t tl = n;
	jx_utf8_trim(text, &tl);
	if (tl == 0)
		return jx_error_set(JX_EFORMAT, "%s: 文件为空", file);
	/* Split into lines in place. */
	size_t nlines = 1;
	for (size_t i = 0; i < n; i++)
		nlines += text[i] == '\n';
	if (nlines > TEXT_MAX_LINES)
		return jx_error_set(JX_ELIMIT, "%s: 超过 %u 行的上限", file, TEXT_MAX_LINES);
	g->lines = jx_arena_calloc(pkg->arena, nlines, sizeof *g->lines);
	if (!g->lines)
		return jx_error_set(JX_ENOMEM, "%s: 内存不足", file);
	char *p = text;
	for (;;) {
		char *nl = strchr(p, '\n');
		g->lines[g->nlines++] = p;
		if (!nl)
			break;
		*nl = '\0';
		p = nl + 1;
	}
	g->layout = detect_layout(g);
	switch (g->layout) {
	case JX_LAYOUT_WORD_CELLS:
		rc = build_word_cells(g);
		break;
	case JX_LAYOUT_TSV:
		rc = build_tsv(g);
		break;
	case JX_LAYOUT_PDF_TEXT:
	case JX_LAYOUT_UNKNOWN:
	case JX_LAYOUT_CELLS: /* never detected from text */
		g->layout = JX_LAYOUT_PDF_TEXT;
		rc = build_pdf_text(g);
		break;
	}
	if (rc)
		return jx_error_set(JX_ENOMEM, "%s: 内存不足", file);
	static const char *const names[] = {"text", "text/word-cells", "text/tsv", "text/pdf", "cells"};
	return jx_grid_add_source(pkg, g, data, len, names[g->layout], encoding);
}
