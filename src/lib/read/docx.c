/* docx.c: the DOCX reader: word/document.xml's body, in order, as a JX_LAYOUT_CELLS grid.
 *
 * - A paragraph outside any table is a row with one cell and `paragraph` set (blank paragraphs are dropped). Its text
 *   is its runs' w:t joined (no-break spaces as spaces), w:tab → tab, w:br / w:cr → newline; deleted text (w:del, w:moveFrom, w:delText) and
 *   field instructions (w:instrText) are skipped, inserted text (w:ins, w:moveTo) kept; hyperlinks, smart tags,
 *   custom XML and content controls (w:sdt) are looked through; drawings, text boxes and math are not read.
 * - A table row (w:tr) is a grid row. A cell spanning columns (w:gridSpan) is one cell; a cell continuing a vertical
 *   merge (w:vMerge without val="restart") is "" — as Word's own text dump shows merged cells. Legacy w:hMerge
 *   continuation cells are dropped. A cell's paragraphs are trimmed and joined with "\n" (blank ones dropped).
 * - A table nested in a cell does not join that cell's text: its rows follow the row of the outer table as rows of
 *   their own (the outer cell keeps the text of its own paragraphs). Forms are often laid out inside a one-cell
 *   frame table; flattening keeps their rows recognisable.
 * - Pages: explicit page breaks (w:br w:type="page"), w:lastRenderedPageBreak, w:pageBreakBefore and section breaks
 *   (w:sectPr in a paragraph, except continuous ones) mark a break; consecutive marks without text between them are
 *   one break (Word writes both an explicit break and the rendered one). A cell's page is the page of its first text.
 * - Headers, footers, footnotes and comments are not read.
 * Limits: nesting depth, rows, cells per row and cell text (truncated with a note) are capped; document.xml itself
 * is capped by the zip layer (ooxml.h).
 */
#include <stdlib.h>
#include <string.h>

#include "grid.h"
#include "read/ooxml.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/utf8.h"

#define DOCX_PART "word/document.xml"
#define DOCX_MAX_DEPTH 32                /* elements looked through or tables nested inside one another */
#define DOCX_MAX_ROWS 1000000u           /* grid rows */
#define DOCX_MAX_CELLS 4096u             /* cells in one table row (Word itself allows 63 columns) */
#define DOCX_CELL_MAX ((size_t)64 * 1024) /* bytes of one cell's text; more is cut off with a note */

typedef struct dx {
	jx_grid *g;
	jx_pkg *pkg;
	const char *file;
	uint32_t page;      /* current page, 1-based */
	bool pending_break; /* a page break was marked and no text has come since */
	uint32_t text_page; /* page of the first text of the cell being read, 0 until some text comes */
	jx_buf text;        /* the cell (or outside tables, the paragraph) being read */
	jx_buf para;        /* the paragraph being read */
	bool truncated;     /* `text` hit DOCX_CELL_MAX */
	bool noted_truncation;
} dx;

/* An element's w:val-style attribute is "on" unless it says 0/false/off. */
static bool attr_on(xmlNode *n, const char *name)
{
	char *v = jx_xml_attr(n, name);
	if (!v)
		return true;
	bool on = strcmp(v, "0") != 0 && strcmp(v, "false") != 0 && strcmp(v, "off") != 0;
	xmlFree(v);
	return on;
}

static bool attr_is(xmlNode *n, const char *name, const char *want)
{
	char *v = jx_xml_attr(n, name);
	bool is = v && strcmp(v, want) == 0;
	if (v)
		xmlFree(v);
	return is;
}

static void mark_break(dx *d) { d->pending_break = true; }

static int depth_error(dx *d, const xmlNode *n)
{
	return jx_error_set(JX_ERANGE, "%s: “%s”第 %ld 行嵌套超过 %d 层，拒绝读取", d->file, DOCX_PART,
			    (long)xmlGetLineNo(n), DOCX_MAX_DEPTH);
}

/* Appends s[0..n) to `b`, cut at DOCX_CELL_MAX bytes on a character boundary; sets *truncated when cut. */
static int put_capped(jx_buf *b, const char *s, size_t n, bool *truncated)
{
	if (*truncated)
		return 0;
	if (b->len + n > DOCX_CELL_MAX) {
		size_t room = DOCX_CELL_MAX - b->len;
		while (room > 0 && ((unsigned char)s[room] & 0xC0) == 0x80)
			room--;
		n = room;
		*truncated = true;
	}
	return jx_buf_put(b, s, n) ? JX_ENOMEM : 0;
}

/* Appends s[0..n) to the paragraph being read; the first text after a page break mark starts the new page. */
static int put_text(dx *d, const char *s, size_t n)
{
	if (n == 0)
		return 0;
	if (d->pending_break) {
		d->page++;
		d->pending_break = false;
	}
	if (!d->text_page)
		d->text_page = d->page;
	return put_capped(&d->para, s, n, &d->truncated);
}

/* Ends a paragraph: its trimmed text joins the cell's text on a new line (blank paragraphs add nothing). */
static int flush_paragraph(dx *d)
{
	size_t n = d->para.len;
	const char *t = jx_utf8_trim_keep_indent(jx_buf_cstr(&d->para), &n);
	int rc = 0;
	bool cut = false;
	if (n > 0 && d->text.len > 0)
		rc = put_capped(&d->text, "\n", 1, &cut);
	if (rc == 0 && n > 0)
		rc = put_capped(&d->text, t, n, &cut);
	d->truncated |= cut;
	jx_buf_clear(&d->para);
	return rc;
}

/* The text children of w:t. A no-break space (U+00A0) becomes a plain space: Word users type it to align text
 * ("经费\u00A0\u00A0\u00A015万元"), and recognisers look for runs of spaces. */
static int put_t(dx *d, xmlNode *t)
{
	for (xmlNode *c = t->children; c; c = c->next) {
		if ((c->type != XML_TEXT_NODE && c->type != XML_CDATA_SECTION_NODE) || !c->content)
			continue;
		const char *s = (const char *)c->content;
		for (;;) {
			const char *nb = strstr(s, "\xC2\xA0");
			size_t n = nb ? (size_t)(nb - s) : strlen(s);
			int rc = put_text(d, s, n);
			if (rc == 0 && nb)
				rc = put_text(d, " ", 1);
			if (rc)
				return rc;
			if (!nb)
				break;
			s = nb + 2;
		}
	}
	return 0;
}

static int read_run(dx *d, xmlNode *r)
{
	int rc = 0;
	for (xmlNode *c = r->children; c && rc == 0; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (jx_xml_is(c, "t"))
			rc = put_t(d, c);
		else if (jx_xml_is(c, "tab") || jx_xml_is(c, "ptab"))
			rc = put_text(d, "\t", 1);
		else if (jx_xml_is(c, "br")) {
			if (attr_is(c, "type", "page"))
				mark_break(d);
			else if (!attr_is(c, "type", "column"))
				rc = put_text(d, "\n", 1);
		} else if (jx_xml_is(c, "cr"))
			rc = put_text(d, "\n", 1);
		else if (jx_xml_is(c, "noBreakHyphen"))
			rc = put_text(d, "-", 1);
		else if (jx_xml_is(c, "lastRenderedPageBreak"))
			mark_break(d);
		/* delText, instrText, fldChar, drawing, pict, sym, footnoteReference…: not text of the body. */
	}
	return rc;
}

/* The inline content of a paragraph or of an element looked through (hyperlink, ins, smartTag, sdtContent…). */
static int read_inline(dx *d, xmlNode *parent, int depth)
{
	if (depth > DOCX_MAX_DEPTH)
		return depth_error(d, parent);
	int rc = 0;
	for (xmlNode *c = parent->children; c && rc == 0; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (jx_xml_is(c, "r"))
			rc = read_run(d, c);
		else if (jx_xml_is(c, "hyperlink") || jx_xml_is(c, "ins") || jx_xml_is(c, "moveTo") ||
			 jx_xml_is(c, "smartTag") || jx_xml_is(c, "customXml") || jx_xml_is(c, "fldSimple") ||
			 jx_xml_is(c, "sdtContent") || jx_xml_is(c, "dir") || jx_xml_is(c, "bdo"))
			rc = read_inline(d, c, depth + 1);
		else if (jx_xml_is(c, "sdt")) {
			for (xmlNode *s = c->children; s && rc == 0; s = s->next)
				if (jx_xml_is(s, "sdtContent"))
					rc = read_inline(d, s, depth + 1);
		}
		/* del, moveFrom, bookmarks, proofErr, permStart, AlternateContent, oMath: skipped. */
	}
	return rc;
}

/* Reads a paragraph into d->text (appending, as a new line when the cell already has text). */
static int read_paragraph(dx *d, xmlNode *p, int depth)
{
	bool section_break = false;
	for (xmlNode *c = p->children; c; c = c->next) {
		if (!jx_xml_is(c, "pPr"))
			continue;
		for (xmlNode *q = c->children; q; q = q->next) {
			if (jx_xml_is(q, "pageBreakBefore") && attr_on(q, "val"))
				mark_break(d);
			if (jx_xml_is(q, "sectPr")) {
				section_break = true;
				for (xmlNode *t = q->children; t; t = t->next)
					if (jx_xml_is(t, "type") && attr_is(t, "val", "continuous"))
						section_break = false;
			}
		}
	}
	jx_buf_clear(&d->para);
	int rc = read_inline(d, p, depth + 1);
	if (rc == 0)
		rc = flush_paragraph(d);
	if (section_break)
		mark_break(d);
	return rc;
}

static void start_text(dx *d)
{
	jx_buf_clear(&d->text);
	d->text_page = 0;
	d->truncated = false;
}

/* The trimmed text collected so far, copied into the arena; notes a truncation once per document. */
static int take_text(dx *d, const char **out, size_t *out_len, uint32_t *page)
{
	size_t n = d->text.len;
	const char *t = jx_utf8_trim_keep_indent(jx_buf_cstr(&d->text), &n);
	*out = jx_arena_strndup(d->g->arena, t, n);
	*out_len = n;
	*page = d->text_page ? d->text_page : (d->pending_break ? d->page + 1 : d->page);
	if (!*out)
		return JX_ENOMEM;
	if (d->truncated && !d->noted_truncation) {
		d->noted_truncation = true;
		jx_src src = {d->g->file, *page, (uint32_t)d->g->rows.n + 1, 0, 0};
		return jx_pkg_note(d->pkg, JX_NOTE_WARNING, "import.cell-truncated", NULL, src,
				   "单元格文字超过 %zu KB，超出部分未读取", DOCX_CELL_MAX >> 10);
	}
	return 0;
}

static int rows_limit(dx *d)
{
	if (d->g->rows.n >= DOCX_MAX_ROWS)
		return jx_error_set(JX_ERANGE, "%s: “%s”超过 %u 行的上限，拒绝读取", d->file, DOCX_PART, DOCX_MAX_ROWS);
	return 0;
}

static int emit_paragraph(dx *d, xmlNode *p, int depth)
{
	start_text(d);
	int rc = read_paragraph(d, p, depth);
	if (rc)
		return rc;
	if (d->text.len == 0)
		return 0;
	const char *t;
	size_t n;
	uint32_t page;
	rc = take_text(d, &t, &n, &page);
	if (rc || n == 0)
		return rc;
	if ((rc = rows_limit(d)) != 0)
		return rc;
	jx_grid_row *r = jx_vec_push(d->g->arena, &d->g->rows);
	jx_cell *c = jx_arena_zalloc(d->g->arena, sizeof *c);
	if (!r || !c)
		return JX_ENOMEM;
	jx_src src = {d->g->file, page, (uint32_t)d->g->rows.n, 1, (uint32_t)n};
	c->text = t;
	c->src = src;
	r->cells = c;
	r->n = 1;
	r->paragraph = true;
	r->src = src;
	return 0;
}

typedef struct nested_list {
	xmlNode **v;
	size_t n, cap;
} nested_list;

static int nested_push(nested_list *l, xmlNode *t)
{
	if (l->n == l->cap) {
		size_t ncap = l->cap ? l->cap * 2 : 4;
		xmlNode **nv = realloc(l->v, ncap * sizeof *nv);
		if (!nv)
			return JX_ENOMEM;
		l->v = nv;
		l->cap = ncap;
	}
	l->v[l->n++] = t;
	return 0;
}

/* The block content of a cell: paragraphs into d->text, nested tables set aside for after the row. */
static int read_cell_blocks(dx *d, xmlNode *parent, int depth, nested_list *nested)
{
	if (depth > DOCX_MAX_DEPTH)
		return depth_error(d, parent);
	int rc = 0;
	for (xmlNode *c = parent->children; c && rc == 0; c = c->next) {
		if (jx_xml_is(c, "p"))
			rc = read_paragraph(d, c, depth);
		else if (jx_xml_is(c, "tbl"))
			rc = nested_push(nested, c);
		else if (jx_xml_is(c, "sdt") || jx_xml_is(c, "sdtContent") || jx_xml_is(c, "customXml") ||
			 jx_xml_is(c, "ins") || jx_xml_is(c, "moveTo"))
			rc = read_cell_blocks(d, c, depth + 1, nested);
	}
	return rc;
}

/* How a w:tc takes part in merges: 0 a cell of its own, 1 continues a vertical merge, 2 continues a horizontal one. */
static int merge_kind(xmlNode *tc)
{
	for (xmlNode *c = tc->children; c; c = c->next) {
		if (!jx_xml_is(c, "tcPr"))
			continue;
		for (xmlNode *q = c->children; q; q = q->next) {
			if (jx_xml_is(q, "vMerge") && !attr_is(q, "val", "restart"))
				return 1;
			if (jx_xml_is(q, "hMerge") && !attr_is(q, "val", "restart"))
				return 2;
		}
	}
	return 0;
}

static int read_table(dx *d, xmlNode *tbl, int depth);

/* Collects the w:tc of a row, looking through content controls and custom XML around cells. */
static int collect_cells(dx *d, xmlNode *parent, int depth, xmlNode ***cells, size_t *n, size_t *cap)
{
	if (depth > DOCX_MAX_DEPTH)
		return depth_error(d, parent);
	for (xmlNode *c = parent->children; c; c = c->next) {
		if (jx_xml_is(c, "tc")) {
			if (*n >= DOCX_MAX_CELLS)
				return jx_error_set(JX_ERANGE, "%s: “%s”第 %ld 行的表格行超过 %u 个单元格，拒绝读取", d->file,
						    DOCX_PART, (long)xmlGetLineNo(c), DOCX_MAX_CELLS);
			if (*n == *cap) {
				size_t ncap = *cap ? *cap * 2 : 16;
				xmlNode **nv = realloc(*cells, ncap * sizeof *nv);
				if (!nv)
					return JX_ENOMEM;
				*cells = nv;
				*cap = ncap;
			}
			(*cells)[(*n)++] = c;
		} else if (jx_xml_is(c, "sdt") || jx_xml_is(c, "sdtContent") || jx_xml_is(c, "customXml")) {
			int rc = collect_cells(d, c, depth + 1, cells, n, cap);
			if (rc)
				return rc;
		}
	}
	return 0;
}

static int read_row(dx *d, xmlNode *tr, int depth)
{
	xmlNode **tcs = NULL;
	size_t ntc = 0, cap = 0;
	nested_list nested = {0};
	int rc = collect_cells(d, tr, depth + 1, &tcs, &ntc, &cap);
	if (rc)
		goto out;
	if ((rc = rows_limit(d)) != 0)
		goto out;
	jx_cell *cells = jx_arena_calloc(d->g->arena, ntc ? ntc : 1, sizeof *cells);
	if (!cells) {
		rc = JX_ENOMEM;
		goto out;
	}
	uint32_t line = (uint32_t)d->g->rows.n + 1;
	uint32_t row_page = 0;
	size_t k = 0;
	for (size_t i = 0; i < ntc; i++) {
		int m = merge_kind(tcs[i]);
		if (m == 2)
			continue;
		start_text(d);
		if (m == 0 && (rc = read_cell_blocks(d, tcs[i], depth + 1, &nested)) != 0)
			goto out;
		const char *t;
		size_t n;
		uint32_t page;
		if ((rc = take_text(d, &t, &n, &page)) != 0)
			goto out;
		jx_src src = {d->g->file, page, line, 0, (uint32_t)n};
		cells[k].text = t;
		cells[k].src = src;
		if (!row_page)
			row_page = page;
		k++;
	}
	jx_grid_row *r = jx_vec_push(d->g->arena, &d->g->rows);
	if (!r) {
		rc = JX_ENOMEM;
		goto out;
	}
	r->cells = cells;
	r->n = k;
	r->paragraph = false;
	r->src = (jx_src){d->g->file, row_page ? row_page : d->page, line, 1, 0};
	for (size_t i = 0; i < nested.n && rc == 0; i++)
		rc = read_table(d, nested.v[i], depth + 1);
out:
	free(tcs);
	free(nested.v);
	return rc;
}

static int read_rows(dx *d, xmlNode *parent, int depth)
{
	if (depth > DOCX_MAX_DEPTH)
		return depth_error(d, parent);
	int rc = 0;
	for (xmlNode *c = parent->children; c && rc == 0; c = c->next) {
		if (jx_xml_is(c, "tr"))
			rc = read_row(d, c, depth);
		else if (jx_xml_is(c, "sdt") || jx_xml_is(c, "sdtContent") || jx_xml_is(c, "customXml") ||
			 jx_xml_is(c, "ins") || jx_xml_is(c, "moveTo"))
			rc = read_rows(d, c, depth + 1);
	}
	return rc;
}

static int read_table(dx *d, xmlNode *tbl, int depth)
{
	if (depth > DOCX_MAX_DEPTH)
		return depth_error(d, tbl);
	return read_rows(d, tbl, depth + 1);
}

/* Block content of the body (or of a content control or custom XML around blocks). */
static int read_blocks(dx *d, xmlNode *parent, int depth)
{
	if (depth > DOCX_MAX_DEPTH)
		return depth_error(d, parent);
	int rc = 0;
	for (xmlNode *c = parent->children; c && rc == 0; c = c->next) {
		if (jx_xml_is(c, "p"))
			rc = emit_paragraph(d, c, depth);
		else if (jx_xml_is(c, "tbl"))
			rc = read_table(d, c, depth + 1);
		else if (jx_xml_is(c, "sdt") || jx_xml_is(c, "sdtContent") || jx_xml_is(c, "customXml") ||
			 jx_xml_is(c, "ins") || jx_xml_is(c, "moveTo"))
			rc = read_blocks(d, c, depth + 1);
		/* sectPr (the last section), bookmarks, del, moveFrom, altChunk: nothing to read. */
	}
	return rc;
}

/* g->lines: each row's cells joined by tabs, with tabs and newlines inside a cell shown as spaces so that a cell's
 * src.col (byte offset + 1) and src.len point into its line. */
static int build_lines(jx_grid *g)
{
	g->lines = jx_arena_calloc(g->arena, g->rows.n ? g->rows.n : 1, sizeof *g->lines);
	if (!g->lines)
		return JX_ENOMEM;
	for (size_t i = 0; i < g->rows.n; i++) {
		jx_grid_row *r = &g->rows.v[i];
		size_t len = 0;
		for (size_t k = 0; k < r->n; k++)
			len += strlen(r->cells[k].text) + (k > 0);
		char *line = jx_arena_alloc(g->arena, len + 1);
		if (!line)
			return JX_ENOMEM;
		size_t o = 0;
		for (size_t k = 0; k < r->n; k++) {
			if (k > 0)
				line[o++] = '\t';
			const char *t = r->cells[k].text;
			size_t n = strlen(t);
			r->cells[k].src.col = (uint32_t)o + 1;
			r->cells[k].src.len = (uint32_t)n;
			for (size_t j = 0; j < n; j++)
				line[o++] = (t[j] == '\n' || t[j] == '\t' || t[j] == '\r') ? ' ' : t[j];
		}
		line[o] = '\0';
		g->lines[i] = line;
	}
	g->nlines = g->rows.n;
	return 0;
}

static int read_document(dx *d, const char *data, size_t len)
{
	jx_zip *z = NULL;
	xmlDocPtr doc = NULL;
	int rc = jx_zip_open(&z, data, len, d->file);
	if (rc)
		return rc;
	if (!jx_zip_has(z, DOCX_PART)) {
		rc = jx_error_set(JX_EFORMAT, "%s: 不是 DOCX 文件：压缩包中没有“%s”", d->file, DOCX_PART);
		goto out;
	}
	if ((rc = jx_zip_parse(z, DOCX_PART, d->file, &doc)) != 0)
		goto out;
	xmlNode *root = xmlDocGetRootElement(doc);
	xmlNode *body = NULL;
	if (jx_xml_is(root, "document"))
		for (xmlNode *c = root->children; c && !body; c = c->next)
			if (jx_xml_is(c, "body"))
				body = c;
	if (!body) {
		rc = jx_error_set(JX_EFORMAT, "%s: “%s”不是 Word 正文（缺少 w:document/w:body）", d->file, DOCX_PART);
		goto out;
	}
	rc = read_blocks(d, body, 0);
	if (rc == JX_ENOMEM)
		rc = jx_error_set(JX_ENOMEM, "%s: 内存不足", d->file);
	if (rc == 0 && d->g->rows.n == 0)
		rc = jx_error_set(JX_EFORMAT, "%s: 文档中没有任何文字", d->file);
out:
	if (doc)
		xmlFreeDoc(doc);
	jx_zip_close(z);
	return rc;
}

int jx_grid_read_docx(jx_grid *g, jx_pkg *pkg, const char *data, size_t len, const char *file)
{
	int start_rc = jx_grid_start(g, pkg, file, JX_LAYOUT_CELLS);
	if (start_rc)
		return start_rc;
	file = g->file;
	dx d = {0};
	d.g = g;
	d.pkg = pkg;
	d.file = g->file;
	d.page = 1;
	jx_buf_init(&d.text, 0);
	jx_buf_init(&d.para, 0);
	int rc = read_document(&d, data, len);
	jx_buf_release(&d.text);
	jx_buf_release(&d.para);
	if (rc)
		return rc;
	if (build_lines(g))
		return jx_error_set(JX_ENOMEM, "%s: 内存不足", file);
	return jx_grid_add_source(pkg, g, data, len, "docx", "UTF-8");
}
