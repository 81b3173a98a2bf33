/* pdf.c: the PDF reader: rebuilds table cells, rows and paragraphs from poppler's per-character boxes and the
 * ruling lines of the rendered page, into a JX_LAYOUT_CELLS grid.
 *
 * Why this way: a PDF has no tables, only glyphs at positions and lines drawn on the page. Budget tables are
 * printed with borders, so the borders say exactly where the cells are, merged cells included; gaps between
 * glyphs cannot tell an empty cell from a wide one. poppler-glib does not hand out the drawn paths, so each page
 * that has text is rendered at low resolution and long dark horizontal and vertical pixel runs are taken as rules.
 * Rules that touch each other form a table; its cells are the rectangles between rules. Text outside tables is
 * grouped into lines by baseline and lines into paragraphs by indentation and spacing. Page headers and footers
 * (the same text in the page margin on many pages, page numbers) are dropped, a header row repeated at the top
 * of a table continued from the previous page is dropped, and a row broken by the page is joined again.
 * docs/read.md ("## PDF") gives the thresholds and what cannot be told from positions.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>
#include <poppler.h>

#include "grid.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/utf8.h"

#define PDF_MAX_BYTES ((size_t)256 * 1024 * 1024)
#define PDF_MAX_PAGES 5000
#define PDF_MAX_PAGE_CHARS 200000u
#define PDF_MAX_TOTAL_CHARS 20000000u
#define PDF_MAX_RULES 4000
#define PDF_MAX_TABLE_LINES 400 /* row lines of one table on one page */
#define PDF_RENDER_MAX_PX 2600.0 /* longest side of the rendered page, in pixels */
#define PDF_RENDER_SCALE 1.0     /* pixels per point: enough for rules of 0.5pt and up */
#define PDF_CELL_MAX_BYTES ((size_t)64 * 1024)

typedef struct pchar {
	double x0, y0, x1, y1; /* points, origin top left */
	double yc;
	uint32_t cp;
	bool used;
	bool space;    /* the text stream had white space right before this character */
	uint8_t ideo;  /* U+3000 right before it on its line: indentation (levels in name columns) */
} pchar;

typedef struct hrule {
	double y, x0, x1;
	int comp;
} hrule;

typedef struct vrule {
	double x, y0, y1;
	int comp;
} vrule;

/* A row waiting to go into the grid: rows are collected for the whole document first so that headers, footers
 * and repeated table headers can be recognised across pages. */
typedef struct prow {
	uint32_t page;
	double top, bottom, x0, x1, em;
	bool paragraph;
	bool margin;  /* paragraph line in the top or bottom margin zone */
	bool drop;
	int table;    /* document-wide table id, -1 for text */
	int trow;     /* row index within the table on this page */
	const char **cells;
	size_t n;
	const char *key; /* paragraph text with digits folded, for header/footer matching */
	bool *full;      /* table cells: the last line ran to the cell's right edge (text may go on) */
} prow;

typedef JX_VEC(prow) prow_vec;

typedef struct pdfctx {
	jx_arena *a;
	const char *file;
	prow_vec rows;
	int ntables;
	size_t total_chars;
} pdfctx;

/* glib's log output from poppler would land on the user's terminal; the errors that matter reach us as GError. */
static void quiet_log(const gchar *domain, GLogLevelFlags level, const gchar *msg, gpointer data)
{
	(void)domain;
	(void)level;
	(void)msg;
	(void)data;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

static int cmp_char_y(const void *a, const void *b)
{
	const pchar *p = a, *q = b;
	if (p->yc != q->yc)
		return (p->yc > q->yc) - (p->yc < q->yc);
	return (p->x0 > q->x0) - (p->x0 < q->x0);
}

static int cmp_char_x(const void *a, const void *b)
{
	const pchar *p = *(const pchar *const *)a, *q = *(const pchar *const *)b;
	return (p->x0 > q->x0) - (p->x0 < q->x0);
}

static bool is_cjk(uint32_t cp)
{
	return cp >= 0x2E80;
}

static bool is_alpha(uint32_t cp)
{
	return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
}

static bool is_ws(uint32_t cp)
{
	return jx_utf8_is_space(cp) || cp == 0;
}

/* Clusters sorted values: values closer than tol to the previous kept one are merged (averaged). */
static size_t cluster(double *v, size_t n, double tol)
{
	if (n == 0)
		return 0;
	qsort(v, n, sizeof *v, cmp_double);
	size_t k = 0;
	double sum = v[0];
	size_t cnt = 1;
	for (size_t i = 1; i < n; i++) {
		if (v[i] - v[k] <= tol && v[i] - sum / (double)cnt <= tol) {
			sum += v[i];
			cnt++;
		} else {
			v[k] = sum / (double)cnt;
			v[++k] = v[i];
			sum = v[i];
			cnt = 1;
		}
	}
	v[k] = sum / (double)cnt;
	return k + 1;
}

/* ---- ruling lines ---- */

typedef struct rules {
	hrule *h;
	size_t nh;
	vrule *v;
	size_t nv;
} rules;

/* Finds long thin dark runs in the rendered page. min_h and min_v are the shortest runs (pixels) taken as rules:
 * longer than any stroke of a glyph, so text does not make rules. */
static int find_rules(PopplerPage *page, double pw, double ph, double em, rules *out)
{
	memset(out, 0, sizeof *out);
	double scale = PDF_RENDER_SCALE;
	if (pw * scale > PDF_RENDER_MAX_PX || ph * scale > PDF_RENDER_MAX_PX)
		scale = PDF_RENDER_MAX_PX / (pw > ph ? pw : ph);
	int W = (int)ceil(pw * scale), H = (int)ceil(ph * scale);
	if (W < 4 || H < 4)
		return 0;
	cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, W, H);
	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
		cairo_surface_destroy(s);
		return JX_ENOMEM;
	}
	cairo_t *cr = cairo_create(s);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	cairo_scale(cr, scale, scale);
	poppler_page_render(page, cr);
	cairo_destroy(cr);
	cairo_surface_flush(s);
	const unsigned char *data = cairo_image_surface_get_data(s);
	int stride = cairo_image_surface_get_stride(s);
	size_t npx = (size_t)W * (size_t)H;
	unsigned char *dark = malloc(npx);
	out->h = malloc(PDF_MAX_RULES * sizeof *out->h);
	out->v = malloc(PDF_MAX_RULES * sizeof *out->v);
	int *prev = malloc(((size_t)(W > H ? W : H) + 1) * sizeof *prev);
	int *cur = malloc(((size_t)(W > H ? W : H) + 1) * sizeof *cur);
	double *first = malloc(PDF_MAX_RULES * sizeof *first);
	double *last = malloc(PDF_MAX_RULES * sizeof *last);
	if (!dark || !out->h || !out->v || !prev || !cur || !first || !last) {
		free(dark);
		free(prev);
		free(cur);
		free(first);
		free(last);
		cairo_surface_destroy(s);
		return JX_ENOMEM;
	}
	for (int y = 0; y < H; y++) {
		const uint32_t *px = (const uint32_t *)(const void *)(data + (size_t)y * (size_t)stride);
		for (int x = 0; x < W; x++) {
			uint32_t p = px[x];
			unsigned r = (p >> 16) & 0xFF, gg = (p >> 8) & 0xFF, b = p & 0xFF;
			dark[(size_t)y * (size_t)W + (size_t)x] = (unsigned char)((r * 3 + gg * 6 + b) < 2300);
		}
	}
	cairo_surface_destroy(s);
	int min_h = (int)(em * scale * 2.5) + 2, min_v = (int)(em * scale * 1.05) + 2;
	double thick = 3.5 * scale; /* thicker than this is a filled area, not a rule */
	/* Horizontal: scan rows; a run continues a rule of the previous pixel row when they overlap. */
	size_t nprev = 0;
	for (int y = 0; y < H && out->nh < PDF_MAX_RULES; y++) {
		size_t ncur = 0;
		const unsigned char *row = dark + (size_t)y * (size_t)W;
		int x = 0;
		while (x < W) {
			if (!row[x]) {
				x++;
				continue;
			}
			int x0 = x;
			while (x < W && row[x])
				x++;
			if (x - x0 < min_h)
				continue;
			int hit = -1;
			for (size_t i = 0; i < nprev; i++) {
				hrule *r = &out->h[prev[i]];
				double ov = fmin(r->x1, (double)x) - fmax(r->x0, (double)x0);
				if (ov > 0.5 * fmin(r->x1 - r->x0, (double)(x - x0))) {
					hit = prev[i];
					break;
				}
			}
			if (hit < 0) {
				if (out->nh >= PDF_MAX_RULES)
					break;
				hit = (int)out->nh++;
				out->h[hit] = (hrule){(double)y, (double)x0, (double)x, -1};
				first[hit] = last[hit] = (double)y;
			} else {
				hrule *r = &out->h[hit];
				r->x0 = fmin(r->x0, (double)x0);
				r->x1 = fmax(r->x1, (double)x);
				last[hit] = (double)y;
			}
			if (ncur < (size_t)W)
				cur[ncur++] = hit;
		}
		memcpy(prev, cur, ncur * sizeof *cur);
		nprev = ncur;
	}
	size_t k = 0;
	for (size_t i = 0; i < out->nh; i++) {
		if (last[i] - first[i] > thick)
			continue;
		hrule r = out->h[i];
		r.y = (first[i] + last[i] + 1) / 2 / scale;
		r.x0 /= scale;
		r.x1 /= scale;
		out->h[k++] = r;
	}
	out->nh = k;
	nprev = 0;
	for (int x = 0; x < W && out->nv < PDF_MAX_RULES; x++) {
		size_t ncur = 0;
		int y = 0;
		while (y < H) {
			if (!dark[(size_t)y * (size_t)W + (size_t)x]) {
				y++;
				continue;
			}
			int y0 = y;
			while (y < H && dark[(size_t)y * (size_t)W + (size_t)x])
				y++;
			if (y - y0 < min_v)
				continue;
			int hit = -1;
			for (size_t i = 0; i < nprev; i++) {
				vrule *r = &out->v[prev[i]];
				double ov = fmin(r->y1, (double)y) - fmax(r->y0, (double)y0);
				if (ov > 0.5 * fmin(r->y1 - r->y0, (double)(y - y0))) {
					hit = prev[i];
					break;
				}
			}
			if (hit < 0) {
				if (out->nv >= PDF_MAX_RULES)
					break;
				hit = (int)out->nv++;
				out->v[hit] = (vrule){(double)x, (double)y0, (double)y, -1};
				first[hit] = last[hit] = (double)x;
			} else {
				vrule *r = &out->v[hit];
				r->y0 = fmin(r->y0, (double)y0);
				r->y1 = fmax(r->y1, (double)y);
				last[hit] = (double)x;
			}
			if (ncur < (size_t)H)
				cur[ncur++] = hit;
		}
		memcpy(prev, cur, ncur * sizeof *cur);
		nprev = ncur;
	}
	k = 0;
	for (size_t i = 0; i < out->nv; i++) {
		if (last[i] - first[i] > thick)
			continue;
		vrule r = out->v[i];
		r.x = (first[i] + last[i] + 1) / 2 / scale;
		r.y0 /= scale;
		r.y1 /= scale;
		out->v[k++] = r;
	}
	out->nv = k;
	free(dark);
	free(prev);
	free(cur);
	free(first);
	free(last);
	return 0;
}

/* First index in chars (sorted by yc) with yc >= y. */
static size_t lower_y(const pchar *c, size_t n, double y);

/* At low resolution the strokes of neighbouring glyphs run together ("燃油补贴" has strokes at one height), so a
 * "rule" that passes through characters, over half its length, is text. */
static void drop_glyph_rules(rules *R, const pchar *ch, size_t nch, double em)
{
	size_t k = 0;
	for (size_t i = 0; i < R->nh; i++) {
		const hrule *h = &R->h[i];
		double covered = 0;
		for (size_t c = lower_y(ch, nch, h->y - 2 * em); c < nch && ch[c].yc < h->y + 2 * em; c++) {
			double ht = ch[c].y1 - ch[c].y0;
			if (h->y > ch[c].y0 + 0.1 * ht && h->y < ch[c].y1 - 0.1 * ht)
				covered += fmax(0, fmin(h->x1, ch[c].x1) - fmax(h->x0, ch[c].x0));
		}
		if (covered < 0.5 * (h->x1 - h->x0))
			R->h[k++] = *h;
	}
	R->nh = k;
	k = 0;
	for (size_t i = 0; i < R->nv; i++) {
		const vrule *v = &R->v[i];
		double covered = 0;
		for (size_t c = lower_y(ch, nch, v->y0 - 2 * em); c < nch && ch[c].yc < v->y1 + 2 * em; c++) {
			double wd = ch[c].x1 - ch[c].x0;
			if (v->x > ch[c].x0 + 0.1 * wd && v->x < ch[c].x1 - 0.1 * wd)
				covered += fmax(0, fmin(v->y1, ch[c].y1) - fmax(v->y0, ch[c].y0));
		}
		if (covered < 0.5 * (v->y1 - v->y0))
			R->v[k++] = *v;
	}
	R->nv = k;
}

static int uf_find(int *p, int i)
{
	while (p[i] != i) {
		p[i] = p[p[i]];
		i = p[i];
	}
	return i;
}

/* ---- text of a set of characters ---- */

/* Appends the characters (already in reading order within one line) to b: a space only between two non-CJK
 * characters that are visibly apart, two spaces across a wide gap. */
static int put_line(jx_buf *b, pchar **cs, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		pchar *c = cs[i];
		if (i > 0) {
			pchar *p = cs[i - 1];
			double em = fmax(c->y1 - c->y0, 1.0);
			double gap = c->x0 - p->x1;
			if (gap > 1.5 * em) {
				if (jx_buf_put(b, "  ", 2))
					return JX_ENOMEM;
			} else if ((gap > 0.15 * em && !is_cjk(p->cp) && !is_cjk(c->cp)) || (c->space && gap > 0.185 * em)) {
				/* poppler also puts a space where the font changes between Chinese and Latin text, with a
				 * gap of about 0.15 em; a real space is wider */
				if (jx_buf_putc(b, ' '))
					return JX_ENOMEM;
			}
		}
		char u[4];
		size_t k = jx_utf8_encode(c->cp, u);
		if (jx_buf_put(b, u, k))
			return JX_ENOMEM;
	}
	return 0;
}

/* The text of characters sel[0..n) (any order) as one cell: lines by baseline, joined without a break (a cell's
 * wrapped lines are one text; Chinese has no spaces between words), with a space between two Latin letters. */
static const char *cell_text(pdfctx *ctx, pchar **sel, size_t n)
{
	jx_buf b = JX_BUF_INIT;
	jx_buf_init(&b, PDF_CELL_MAX_BYTES);
	size_t i = 0;
	/* sel is sorted by yc (it comes from the y-sorted page array) */
	while (i < n) {
		size_t j = i + 1;
		double em = fmax(sel[i]->y1 - sel[i]->y0, 1.0);
		while (j < n && sel[j]->yc - sel[i]->yc < 0.5 * em)
			j++;
		qsort(sel + i, j - i, sizeof *sel, cmp_char_x);
		/* A name indented with ideographic spaces keeps them: the indentation is its level. */
		for (uint8_t k = 0; i == 0 && k < sel[0]->ideo; k++)
			(void)jx_buf_put(&b, "\xE3\x80\x80", 3);
		/* a wrapped English word boundary; numbers and units ("≥90" / "%") wrap without one */
		if (i > 0 && b.len > 0 && is_alpha(sel[i - 1]->cp) && is_alpha(sel[i]->cp))
			(void)jx_buf_putc(&b, ' ');
		if (put_line(&b, sel + i, j - i)) {
			/* over the cell cap: keep what fits */
			break;
		}
		i = j;
	}
	const char *s = jx_arena_strndup(ctx->a, b.ptr ? b.ptr : "", b.len);
	jx_buf_release(&b);
	return s;
}

/* ---- page analysis ---- */

static prow *push_row(pdfctx *ctx)
{
	return jx_vec_push(ctx->a, &ctx->rows);
}

/* First index in chars (sorted by yc) with yc >= y. */
static size_t lower_y(const pchar *c, size_t n, double y)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (c[mid].yc < y)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Where a cell's text starts, for telling indented names (levels) in a left-aligned column. */
typedef struct indent {
	size_t row, cell;
	double left, off, roff, em; /* off/roff: space left/right of the first line */
	bool cjk;
} indent;

typedef JX_VEC(indent) indent_vec;

static int cmp_indent(const void *a, const void *b)
{
	const indent *p = a, *q = b;
	return (p->left > q->left) - (p->left < q->left);
}

static int cmp_off(const void *a, const void *b)
{
	const indent *p = *(const indent *const *)a, *q = *(const indent *const *)b;
	return (p->off > q->off) - (p->off < q->off);
}

/* Names indented to show their level (表12/13 style) get one U+3000 per indentation step, as the text layout
 * prints them: in a column where some text starts at the left edge, the distinct larger offsets (0.5 em apart)
 * are the steps. Centred columns (as much space right of the text as left) are left alone. */
static int apply_indents(pdfctx *ctx, indent *v, size_t n)
{
	qsort(v, n, sizeof *v, cmp_indent);
	indent **byoff = malloc((n + 1) * sizeof *byoff);
	if (!byoff)
		return JX_ENOMEM;
	size_t i = 0;
	while (i < n) {
		size_t j = i + 1;
		while (j < n && v[j].left - v[i].left <= 2.5)
			j++;
		size_t small = 0, big = 0, centred = 0, m = 0;
		for (size_t k = i; k < j; k++) {
			small += v[k].off < 0.8 * v[k].em;
			if (v[k].off >= 1.5 * v[k].em) {
				big++;
				centred += fabs(v[k].off - v[k].roff) < 0.6 * v[k].em;
			}
			if (v[k].cjk)
				byoff[m++] = &v[k];
		}
		if (big > 0 && small > 0 && centred * 2 < big && m > 0) {
			qsort(byoff, m, sizeof *byoff, cmp_off);
			int step = 0;
			double prev = byoff[0]->off;
			for (size_t k = 0; k < m; k++) {
				indent *e = byoff[k];
				if (e->off - prev >= 0.5 * e->em) {
					step++;
					prev = e->off;
				}
				if (step == 0 || step > 8)
					continue;
				const char *old = ctx->rows.v[e->row].cells[e->cell];
				char pad[3 * 8 + 1];
				for (int q = 0; q < step; q++)
					memcpy(pad + 3 * q, "\xE3\x80\x80", 3);
				pad[3 * step] = '\0';
				const char *t = jx_arena_printf(ctx->a, "%s%s", pad, old);
				if (!t) {
					free(byoff);
					return JX_ENOMEM;
				}
				ctx->rows.v[e->row].cells[e->cell] = t;
			}
		}
		i = j;
	}
	free(byoff);
	return 0;
}

/* Whether a rule of row line k runs over x. */
static bool covers(const hrule *const *hr, const size_t *hoff, size_t k, double x, double tol)
{
	for (size_t i = hoff[k]; i < hoff[k + 1]; i++)
		if (hr[i]->x0 - tol <= x && x <= hr[i]->x1 + tol)
			return true;
	return false;
}

/* Builds the rows of the table made of the rules of component `comp`. */
static int emit_table(pdfctx *ctx, uint32_t pageno, pchar *ch, size_t nch, const rules *R, int comp, double em,
		      pchar **sel)
{
	double tol = 2.5;
	size_t nys = 0;
	double *ys = malloc((R->nh + 1) * sizeof *ys);
	double *xs = malloc((R->nv + 1) * sizeof *xs);
	if (!ys || !xs) {
		free(ys);
		free(xs);
		return JX_ENOMEM;
	}
	for (size_t i = 0; i < R->nh; i++)
		if (R->h[i].comp == comp)
			ys[nys++] = R->h[i].y;
	nys = cluster(ys, nys, tol);
	/* The component's horizontal rules grouped by the row line they belong to (rules of line k are
	 * hr[hoff[k]..hoff[k+1])), so the cell edges are looked up per line, not among all rules. A grid far larger
	 * than any printed table is not taken as one (bounded work on hostile input). */
	size_t *hoff = calloc(nys + 2, sizeof *hoff);
	const hrule **hr = malloc((R->nh + 1) * sizeof *hr);
	if (!hoff || !hr || nys > PDF_MAX_TABLE_LINES) {
		free(ys);
		free(xs);
		free(hoff);
		free(hr);
		return hoff && hr ? 0 : JX_ENOMEM;
	}
	for (int pass = 0; pass < 2; pass++) {
		for (size_t i = 0; i < R->nh; i++) {
			if (R->h[i].comp != comp)
				continue;
			size_t k = 0;
			while (k + 1 < nys && fabs(ys[k + 1] - R->h[i].y) < fabs(ys[k] - R->h[i].y))
				k++;
			if (pass == 0)
				hoff[k + 2]++;
			else
				hr[hoff[k + 1]++] = &R->h[i];
		}
		if (pass == 0)
			for (size_t k = 2; k < nys + 2; k++)
				hoff[k] += hoff[k - 1];
	}
	int tid = ctx->ntables++;
	int trow = 0;
	int rc = 0;
	indent_vec ind = {NULL, 0, 0};
	for (size_t k = 0; k + 1 < nys && rc == 0; k++) {
		if (ys[k + 1] - ys[k] < 0.4 * em)
			continue; /* a double rule */
		double ym = (ys[k] + ys[k + 1]) / 2;
		size_t nxs = 0;
		for (size_t i = 0; i < R->nv; i++)
			if (R->v[i].comp == comp && R->v[i].y0 < ym && R->v[i].y1 > ym)
				xs[nxs++] = R->v[i].x;
		nxs = cluster(xs, nxs, tol);
		if (nxs < 2)
			continue;
		const char **cells = jx_arena_calloc(ctx->a, nxs, sizeof *cells);
		bool *full = jx_arena_calloc(ctx->a, nxs, sizeof *full);
		if (!cells || !full) {
			rc = JX_ENOMEM;
			break;
		}
		size_t ncells = 0;
		for (size_t j = 0; j + 1 < nxs; j++) {
			if (xs[j + 1] - xs[j] < 0.4 * em)
				continue;
			double xm = (xs[j] + xs[j + 1]) / 2;
			bool top = covers(hr, hoff, k, xm, tol);
			if (!top) {
				cells[ncells++] = ""; /* merged down from the row above */
				continue;
			}
			double bottom = ys[nys - 1];
			for (size_t k2 = k + 1; k2 < nys; k2++)
				if (covers(hr, hoff, k2, xm, tol)) {
					bottom = ys[k2];
					break;
				}
			size_t nsel = 0;
			for (size_t c = lower_y(ch, nch, ys[k]); c < nch && ch[c].yc < bottom; c++) {
				double xc = (ch[c].x0 + ch[c].x1) / 2;
				if (!ch[c].used && xc > xs[j] && xc < xs[j + 1]) {
					ch[c].used = true;
					sel[nsel++] = &ch[c];
				}
			}
			const char *t = cell_text(ctx, sel, nsel);
			if (!t) {
				rc = JX_ENOMEM;
				break;
			}
			if (nsel > 0) {
				/* the last line's right end: a cell broken by the page ends with a full line */
				double ylast = sel[0]->yc, xr = 0;
				for (size_t q = 0; q < nsel; q++)
					ylast = fmax(ylast, sel[q]->yc);
				for (size_t q = 0; q < nsel; q++)
					if (ylast - sel[q]->yc < 0.5 * em)
						xr = fmax(xr, sel[q]->x1);
				full[ncells] = xr > xs[j + 1] - 1.5 * em;
			}
			if (nsel > 0 && t[0]) {
				indent *e = jx_vec_push(ctx->a, &ind);
				if (!e) {
					rc = JX_ENOMEM;
					break;
				}
				/* cell_text sorted the first line by x: sel[0] starts the text */
				double x1 = sel[0]->x1;
				for (size_t q = 1; q < nsel && sel[q]->yc - sel[0]->yc < 0.5 * em; q++)
					x1 = fmax(x1, sel[q]->x1);
				*e = (indent){ctx->rows.n, ncells, xs[j], sel[0]->x0 - xs[j], xs[j + 1] - x1, em,
					      is_cjk(sel[0]->cp)};
			}
			cells[ncells++] = t;
		}
		if (rc)
			break;
		prow *r = push_row(ctx);
		if (!r) {
			rc = JX_ENOMEM;
			break;
		}
		*r = (prow){pageno, ys[k], ys[k + 1], xs[0], xs[nxs - 1], em, false, false, false, tid, trow++, cells,
			ncells, NULL, full};
	}
	free(ys);
	free(xs);
	free(hoff);
	free(hr);
	if (rc == 0 && ind.n)
		rc = apply_indents(ctx, ind.v, ind.n);
	return rc;
}

/* Text outside tables: lines by baseline, each a paragraph line for now (joined into paragraphs later). */
static int emit_lines(pdfctx *ctx, uint32_t pageno, pchar *ch, size_t nch, double ph, pchar **sel)
{
	size_t i = 0;
	while (i < nch) {
		if (ch[i].used) {
			i++;
			continue;
		}
		double em = fmax(ch[i].y1 - ch[i].y0, 1.0);
		double y = ch[i].yc;
		size_t nsel = 0;
		size_t j = i;
		for (; j < nch && ch[j].yc - y < 0.5 * em; j++)
			if (!ch[j].used) {
				ch[j].used = true;
				sel[nsel++] = &ch[j];
			}
		qsort(sel, nsel, sizeof *sel, cmp_char_x);
		jx_buf b = JX_BUF_INIT;
		jx_buf_init(&b, PDF_CELL_MAX_BYTES);
		int rc = put_line(&b, sel, nsel);
		(void)rc; /* over the cap: the line is cut */
		double top = 1e9, bottom = -1e9, x0 = 1e9, x1 = -1e9;
		for (size_t k = 0; k < nsel; k++) {
			top = fmin(top, sel[k]->y0);
			bottom = fmax(bottom, sel[k]->y1);
			x0 = fmin(x0, sel[k]->x0);
			x1 = fmax(x1, sel[k]->x1);
		}
		const char *t = jx_arena_strndup(ctx->a, b.ptr ? b.ptr : "", b.len);
		jx_buf_release(&b);
		const char **cells = jx_arena_calloc(ctx->a, 1, sizeof *cells);
		char *key = t ? jx_arena_strdup(ctx->a, t) : NULL;
		prow *r = push_row(ctx);
		if (!t || !cells || !key || !r)
			return JX_ENOMEM;
		for (char *p = key; *p; p++)
			if (*p >= '0' && *p <= '9')
				*p = '#';
		cells[0] = t;
		bool margin = bottom < ph * 0.1 || top > ph * 0.9;
		*r = (prow){pageno, top, bottom, x0, x1, em, true, margin, false, -1, 0, cells, 1, key, NULL};
		i = j;
	}
	return 0;
}

/* Sorts the rows of one page by their top, keeping each table's rows together and in order. */
static int cmp_prow(const void *a, const void *b)
{
	const prow *p = a, *q = b;
	double tp = p->top, tq = q->top;
	if (p->table >= 0 && p->table == q->table)
		return (p->trow > q->trow) - (p->trow < q->trow);
	if (tp != tq)
		return (tp > tq) - (tp < tq);
	return 0;
}

static int read_page(pdfctx *ctx, PopplerPage *page, uint32_t pageno, bool *has_text, bool *has_images)
{
	double pw = 0, ph = 0;
	poppler_page_get_size(page, &pw, &ph);
	char *text = poppler_page_get_text(page);
	PopplerRectangle *rects = NULL;
	guint nrects = 0;
	if (!text)
		return 0;
	if (!poppler_page_get_text_layout(page, &rects, &nrects))
		nrects = 0;
	size_t tl = strlen(text);
	pchar *ch = malloc((nrects + 1) * sizeof *ch);
	pchar **sel = malloc((nrects + 1) * sizeof *sel);
	if (!ch || !sel) {
		free(ch);
		free(sel);
		g_free(text);
		g_free(rects);
		return JX_ENOMEM;
	}
	size_t nch = 0, off = 0;
	bool space = false;
	uint8_t ideo = 0;
	for (guint k = 0; k < nrects && off < tl; k++) {
		uint32_t cp;
		off += jx_utf8_decode(text + off, tl - off, &cp);
		if (cp == '\n') {
			space = false;
			ideo = 0;
			continue;
		}
		if (is_ws(cp) || cp < 0x20 || cp == 0xFFFD) {
			space = true;
			if (cp == 0x3000 && ideo < 8)
				ideo++;
			continue;
		}
		const PopplerRectangle *r = &rects[k];
		double x0 = fmin(r->x1, r->x2), x1 = fmax(r->x1, r->x2), y0 = fmin(r->y1, r->y2), y1 = fmax(r->y1, r->y2);
		if (!isfinite(x0) || !isfinite(x1) || !isfinite(y0) || !isfinite(y1))
			continue;
		ch[nch++] = (pchar){x0, y0, x1, y1, (y0 + y1) / 2, cp, false, space, ideo};
		space = false;
		ideo = 0;
	}
	g_free(text);
	g_free(rects);
	if (nch > PDF_MAX_PAGE_CHARS || ctx->total_chars + nch > PDF_MAX_TOTAL_CHARS) {
		free(ch);
		free(sel);
		return jx_error_set(JX_ELIMIT, "%s: 第%u页文字过多（超过上限）", ctx->file, pageno);
	}
	ctx->total_chars += nch;
	if (nch == 0) {
		GList *imgs = poppler_page_get_image_mapping(page);
		if (imgs)
			*has_images = true;
		poppler_page_free_image_mapping(imgs);
		free(ch);
		free(sel);
		return 0;
	}
	*has_text = true;
	qsort(ch, nch, sizeof *ch, cmp_char_y);
	/* The body text size: the median character height. */
	double *hs = malloc(nch * sizeof *hs);
	if (!hs) {
		free(ch);
		free(sel);
		return JX_ENOMEM;
	}
	for (size_t i = 0; i < nch; i++)
		hs[i] = ch[i].y1 - ch[i].y0;
	qsort(hs, nch, sizeof *hs, cmp_double);
	double em = fmax(hs[nch / 2], 4.0);
	free(hs);
	size_t first_row = ctx->rows.n;
	rules R;
	int rc = find_rules(page, pw, ph, em, &R);
	if (rc == 0)
		drop_glyph_rules(&R, ch, nch, em);
	if (rc == 0 && R.nh >= 2 && R.nv >= 2) {
		/* Tables: rules that touch, by union-find over horizontal (0..nh) and vertical (nh..nh+nv) rules. */
		size_t n = R.nh + R.nv;
		int *par = malloc(n * sizeof *par);
		int *nhc = calloc(n, sizeof *nhc), *nvc = calloc(n, sizeof *nvc);
		if (!par || !nhc || !nvc)
			rc = JX_ENOMEM;
		double tol = 2.5;
		for (size_t i = 0; rc == 0 && i < n; i++)
			par[i] = (int)i;
		for (size_t i = 0; rc == 0 && i < R.nh; i++)
			for (size_t j = 0; j < R.nv; j++) {
				const hrule *h = &R.h[i];
				const vrule *v = &R.v[j];
				if (v->x >= h->x0 - tol && v->x <= h->x1 + tol && h->y >= v->y0 - tol && h->y <= v->y1 + tol) {
					int a = uf_find(par, (int)i), b = uf_find(par, (int)(R.nh + j));
					if (a != b)
						par[a] = b;
				}
			}
		for (size_t i = 0; rc == 0 && i < R.nh; i++) {
			R.h[i].comp = uf_find(par, (int)i);
			nhc[R.h[i].comp]++;
		}
		for (size_t j = 0; rc == 0 && j < R.nv; j++) {
			R.v[j].comp = uf_find(par, (int)(R.nh + j));
			nvc[R.v[j].comp]++;
		}
		for (size_t c = 0; rc == 0 && c < n; c++)
			if (nhc[c] >= 2 && nvc[c] >= 2)
				rc = emit_table(ctx, pageno, ch, nch, &R, (int)c, em, sel);
		free(par);
		free(nhc);
		free(nvc);
	}
	free(R.h);
	free(R.v);
	if (rc == 0)
		rc = emit_lines(ctx, pageno, ch, nch, ph, sel);
	if (rc == 0)
		qsort(ctx->rows.v + first_row, ctx->rows.n - first_row, sizeof *ctx->rows.v, cmp_prow);
	free(ch);
	free(sel);
	return rc;
}

/* ---- across pages ---- */

/* "第 3 页", "第3页 共9页", "- 3 -", "3", "3 / 9", "-3-". */
static bool is_page_number(const char *s)
{
	size_t digits = 0, other = 0;
	for (const char *p = s; *p;) {
		uint32_t cp;
		p += jx_utf8_decode(p, strlen(p), &cp);
		if (cp >= '0' && cp <= '9')
			digits++;
		else if (cp == ' ' || cp == '-' || cp == '/' || cp == 0x7B2C /* 第 */ || cp == 0x9875 /* 页 */ ||
			 cp == 0x5171 /* 共 */ || cp == 0x2014 || cp == 0x2013 || cp == 0xFF0D || cp == 'P' ||
			 cp == 'a' || cp == 'g' || cp == 'e')
			other++;
		else
			return false;
	}
	return digits > 0 && digits <= 8;
}

static void drop_headers_footers(pdfctx *ctx, uint32_t npages)
{
	prow *r = ctx->rows.v;
	size_t n = ctx->rows.n;
	for (size_t i = 0; i < n; i++) {
		if (!r[i].margin || r[i].drop)
			continue;
		if (is_page_number(r[i].cells[0])) {
			r[i].drop = true;
			continue;
		}
		if (npages < 3)
			continue;
		/* the same text (digits aside) near the same height on at least half the pages */
		uint32_t pages = 0, lastp = 0;
		for (size_t j = 0; j < n; j++)
			if (r[j].margin && r[j].page != lastp && fabs(r[j].top - r[i].top) < 2 * r[i].em &&
			    strcmp(r[j].key, r[i].key) == 0) {
				pages++;
				lastp = r[j].page;
			}
		if (pages >= 3 && pages * 2 >= npages)
			for (size_t j = 0; j < n; j++)
				if (r[j].margin && fabs(r[j].top - r[i].top) < 2 * r[i].em && strcmp(r[j].key, r[i].key) == 0)
					r[j].drop = true;
	}
}

static bool same_cells(const prow *a, const prow *b)
{
	if (a->n != b->n)
		return false;
	for (size_t i = 0; i < a->n; i++)
		if (strcmp(a->cells[i], b->cells[i]) != 0)
			return false;
	return true;
}

/* A table that starts a page right after a table that ended the previous one, with the same width, continues it:
 * the header rows it repeats (up to three) are dropped. */
static void join_continued_tables(pdfctx *ctx)
{
	prow *r = ctx->rows.v;
	size_t n = ctx->rows.n;
	size_t prev = SIZE_MAX; /* last kept row */
	for (size_t i = 0; i < n; i++) {
		if (r[i].drop)
			continue;
		if (prev != SIZE_MAX && r[i].table >= 0 && r[i].trow == 0 && r[prev].table >= 0 &&
		    r[prev].table != r[i].table && r[prev].page + 1 == r[i].page && fabs(r[prev].x0 - r[i].x0) < 3 &&
		    fabs(r[prev].x1 - r[i].x1) < 3) {
			/* first rows of the earlier table */
			size_t start = prev;
			while (start > 0 && r[start - 1].table == r[prev].table)
				start--;
			int old = r[i].table;
			size_t k = 0;
			while (k < 3 && i + k < n && start + k < prev && r[i + k].table == old &&
			       same_cells(&r[start + k], &r[i + k]))
				k++;
			for (size_t m = 0; m < k; m++)
				r[i + m].drop = true;
			/* A row broken by the page: the part on the new page has text only in cells that had text
			 * above, and each of those ended with a full line there (the page cut it, not its end). */
			size_t f = i + k;
			if (f < n && r[f].table == old && r[f].n == r[prev].n && r[prev].full) {
				size_t ne_f = 0;
				bool cont = true;
				for (size_t c = 0; c < r[f].n; c++)
					if (r[f].cells[c][0]) {
						ne_f++;
						cont &= r[prev].cells[c][0] != '\0' && r[prev].full[c];
					}
				if (cont && ne_f > 0) {
					for (size_t c = 0; c < r[f].n; c++)
						if (r[f].cells[c][0]) {
							const char *t = jx_arena_printf(ctx->a, "%s%s", r[prev].cells[c],
											r[f].cells[c]);
							if (t)
								r[prev].cells[c] = t;
						}
					r[f].drop = true;
				}
			}
			/* the continuation is the same table from here on */
			for (size_t m = i; m < n && r[m].table == old; m++)
				r[m].table = r[prev].table;
		}
		prev = i;
	}
}

/* True when the text ends a sentence or a clause a writer would break a page after (。！？；：). */
static bool ends_sentence(const char *s)
{
	static const char *const ends[] = {"。", "！", "？", "；", "：", ".", "!", "?", ";", ":", NULL};
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	for (size_t i = 0; ends[i]; i++) {
		size_t e = strlen(ends[i]);
		if (n >= e && memcmp(s + n - e, ends[i], e) == 0)
			return true;
	}
	return false;
}

/* True when the line opens a numbered heading: 一、 （一） 1、 1. 第N部分. */
static bool starts_heading(const char *s)
{
	static const char *const numerals[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十", NULL};
	if (!strncmp(s, "第", 3) || !strncmp(s, "（", 3) || *s == '(')
		return true;
	const char *p = s;
	if (*p >= '0' && *p <= '9') {
		while (*p >= '0' && *p <= '9')
			p++;
		return !strncmp(p, "、", 3) || (*p == '.' && !(p[1] >= '0' && p[1] <= '9'));
	}
	for (bool more = true; more;) {
		more = false;
		for (size_t i = 0; numerals[i]; i++)
			if (!strncmp(p, numerals[i], 3)) {
				p += 3;
				more = true;
			}
	}
	return p != s && !strncmp(p, "、", 3);
}

/* Joins paragraph lines into paragraphs: a line continues the previous one when it follows at normal line
 * spacing, the previous line ran to the right edge of the text, and it is not indented; over a page break, when
 * the line before the break is full and stops mid-sentence and the next page goes on at the left margin. */
static void join_paragraphs(pdfctx *ctx)
{
	prow *r = ctx->rows.v;
	size_t n = ctx->rows.n;
	/* The text area: the widest extent of the body (tables and paragraph lines outside the margins) over the
	 * whole document, since a page of short lines says nothing about where lines wrap. */
	double left = 1e9, right = -1e9;
	for (size_t k = 0; k < n; k++)
		if (!r[k].drop && !r[k].margin) {
			left = fmin(left, r[k].x0);
			right = fmax(right, r[k].x1);
		}
	/* The usual spacing between lines of one paragraph: the median gap between consecutive lines (paragraph
	 * spacing, where a document has it, is the larger gap that separates paragraphs). */
	double *gaps = malloc((n + 1) * sizeof *gaps);
	size_t ngaps = 0;
	for (size_t k = 1; gaps && k < n; k++)
		if (r[k].paragraph && r[k - 1].paragraph && !r[k].drop && !r[k - 1].drop && r[k].page == r[k - 1].page) {
			double gap = r[k].top - r[k - 1].bottom;
			if (gap > -0.3 * r[k].em && gap < r[k].em)
				gaps[ngaps++] = gap / r[k].em;
		}
	double line_gap = 0.9;
	if (gaps && ngaps) {
		qsort(gaps, ngaps, sizeof *gaps, cmp_double);
		line_gap = gaps[ngaps / 4] + 0.2; /* the lower quartile: lines within paragraphs outnumber breaks */
	}
	free(gaps);
	/* `last` is the paragraph being built and `at` the page of its last line: the paragraph keeps the source of
	 * its first line, its bottom is that of its last. With headers and footers dropped and nothing else between,
	 * across a page break `last` ends with the last line of the previous page. */
	size_t last = SIZE_MAX;
	uint32_t at = 0;
	for (size_t k = 0; k < n; k++) {
		if (r[k].drop)
			continue;
		bool next_page = last != SIZE_MAX && r[k].page == at + 1;
		if (!r[k].paragraph || (last != SIZE_MAX && at != r[k].page && !next_page)) {
			last = r[k].paragraph ? k : SIZE_MAX;
			at = r[k].page;
			continue;
		}
		if (last != SIZE_MAX) {
			prow *p = &r[last];
			double gap = r[k].top - p->bottom;
			bool same_font = fabs(p->em - r[k].em) < 0.2 * r[k].em;
			bool flush_left = r[k].x0 < left + 1.0 * r[k].em;
			bool cont = !next_page && gap < line_gap * r[k].em && gap > -0.3 * r[k].em &&
				    p->x1 > right - 4.0 * r[k].em && flush_left && same_font;
			/* Over a page break the spacing says nothing, so ask for more: the line before the break is full
			 * (within 1.5 em of the edge) and stops mid-sentence, and the line after is not a heading. */
			if (next_page)
				cont = p->x1 > right - 1.5 * r[k].em && flush_left && same_font &&
				       !ends_sentence(p->cells[0]) && !starts_heading(r[k].cells[0]);
			if (cont) {
				size_t la = strlen(p->cells[0]);
				bool ascii = la && (unsigned char)p->cells[0][la - 1] < 0x80 &&
					     (unsigned char)r[k].cells[0][0] < 0x80;
				const char *t = jx_arena_printf(ctx->a, "%s%s%s", p->cells[0], ascii ? " " : "",
								r[k].cells[0]);
				if (t) {
					p->cells[0] = t;
					p->bottom = r[k].bottom;
					p->x1 = r[k].x1;
					at = r[k].page;
					r[k].drop = true;
					continue;
				}
			}
		}
		last = k;
		at = r[k].page;
	}
}

static int build_grid(pdfctx *ctx, jx_grid *g)
{
	size_t kept = 0;
	for (size_t i = 0; i < ctx->rows.n; i++)
		kept += !ctx->rows.v[i].drop;
	g->lines = jx_arena_calloc(ctx->a, kept ? kept : 1, sizeof *g->lines);
	if (!g->lines)
		return JX_ENOMEM;
	jx_buf b = JX_BUF_INIT;
	for (size_t i = 0; i < ctx->rows.n; i++) {
		const prow *p = &ctx->rows.v[i];
		if (p->drop)
			continue;
		uint32_t line = (uint32_t)g->nlines + 1;
		jx_grid_row *row = jx_vec_push(ctx->a, &g->rows);
		if (!row)
			goto oom;
		row->cells = jx_arena_calloc(ctx->a, p->n ? p->n : 1, sizeof *row->cells);
		if (!row->cells)
			goto oom;
		row->n = p->n;
		row->paragraph = p->paragraph;
		row->src = (jx_src){g->file, p->page, line, 1, 0};
		jx_buf_clear(&b);
		for (size_t c = 0; c < p->n; c++) {
			if (c && jx_buf_putc(&b, '\t'))
				goto oom;
			size_t cl = strlen(p->cells[c]);
			row->cells[c].text = p->cells[c];
			/* col/len: the cell's byte offset + 1 and length in its line, as the other readers give them */
			row->cells[c].src = (jx_src){g->file, p->page, line, (uint32_t)(b.len + 1), (uint32_t)cl};
			if (jx_buf_put(&b, p->cells[c], cl))
				goto oom;
		}
		g->lines[g->nlines] = jx_arena_strndup(ctx->a, b.ptr ? b.ptr : "", b.len);
		if (!g->lines[g->nlines])
			goto oom;
		g->nlines++;
	}
	jx_buf_release(&b);
	return 0;
oom:
	jx_buf_release(&b);
	return JX_ENOMEM;
}

int jx_grid_read_pdf(jx_grid *g, jx_pkg *pkg, const char *data, size_t len, const char *file)
{
	int start_rc = jx_grid_start(g, pkg, file, JX_LAYOUT_CELLS);
	if (start_rc)
		return start_rc;
	file = g->file;
	if (len > PDF_MAX_BYTES)
		return jx_error_set(JX_ELIMIT, "%s: 文件超过 %zu 字节的上限", file, PDF_MAX_BYTES);
	if (len < 5 || memcmp(data, "%PDF-", 5) != 0)
		return jx_error_set(JX_EFORMAT, "%s: 不是 PDF 文件（缺少 %%PDF- 文件头）", file);
	static bool quiet;
	if (!quiet) {
		g_log_set_handler("Poppler", G_LOG_LEVEL_MASK | G_LOG_FLAG_FATAL | G_LOG_FLAG_RECURSION, quiet_log, NULL);
		quiet = true;
	}
	GBytes *bytes = g_bytes_new_static(data, len);
	GError *err = NULL;
	PopplerDocument *doc = poppler_document_new_from_bytes(bytes, NULL, &err);
	if (!doc) {
		int rc;
		if (err && err->domain == POPPLER_ERROR && err->code == POPPLER_ERROR_ENCRYPTED)
			rc = jx_error_set(JX_EFORMAT, "%s: PDF 文件已加密，需要密码才能打开；请提供未加密的文件", file);
		else
			rc = jx_error_set(JX_EFORMAT, "%s: %s（poppler：%s）", file,
					  err && err->domain == POPPLER_ERROR && err->code == POPPLER_ERROR_INVALID
						  ? "不是有效的 PDF 文件"
						  : "PDF 文件已损坏，无法解析",
					  err && err->message ? err->message : "未知错误");
		if (err)
			g_error_free(err);
		g_bytes_unref(bytes);
		return rc;
	}
	int np = poppler_document_get_n_pages(doc);
	int rc = 0;
	if (np <= 0)
		rc = jx_error_set(JX_EFORMAT, "%s: PDF 文件没有页面", file);
	else if (np > PDF_MAX_PAGES)
		rc = jx_error_set(JX_ELIMIT, "%s: PDF 文件超过 %d 页的上限", file, PDF_MAX_PAGES);
	pdfctx ctx = {pkg->arena, g->file, {NULL, 0, 0}, 0, 0};
	uint32_t text_pages = 0, image_pages = 0, first_image_page = 0;
	for (int i = 0; rc == 0 && i < np; i++) {
		PopplerPage *page = poppler_document_get_page(doc, i);
		if (!page) {
			rc = jx_error_set(JX_EFORMAT, "%s: 第%d页已损坏，无法读取", file, i + 1);
			break;
		}
		bool has_text = false, has_images = false;
		rc = read_page(&ctx, page, (uint32_t)i + 1, &has_text, &has_images);
		g_object_unref(page);
		if (rc == JX_ENOMEM)
			rc = jx_error_set(JX_ENOMEM, "%s: 内存不足（第%d页）", file, i + 1);
		text_pages += has_text;
		if (!has_text && has_images) {
			image_pages++;
			if (!first_image_page)
				first_image_page = (uint32_t)i + 1;
		}
	}
	g_object_unref(doc);
	g_bytes_unref(bytes);
	if (rc)
		return rc;
	if (text_pages == 0) {
		if (image_pages)
			return jx_error_set(JX_EFORMAT, "%s: PDF 没有文字层（%u页都是图像，可能是扫描件），需要 OCR 后才能导入",
					    file, image_pages);
		return jx_error_set(JX_EFORMAT, "%s: PDF 中没有可读取的文字", file);
	}
	if (image_pages) {
		rc = jx_pkg_note(pkg, JX_NOTE_WARNING, "import.ocr", NULL, (jx_src){g->file, first_image_page, 0, 0, 0},
				 "有%u页没有文字层（扫描图像，自第%u页起），需要 OCR，这些页未导入", image_pages,
				 first_image_page);
		if (rc)
			return rc;
	}
	drop_headers_footers(&ctx, (uint32_t)np);
	join_continued_tables(&ctx);
	join_paragraphs(&ctx);
	if (build_grid(&ctx, g))
		return jx_error_set(JX_ENOMEM, "%s: 内存不足", file);
	return jx_grid_add_source(pkg, g, data, len, "pdf", "UTF-8");
}
