/* xlsx.c: reads an XLSX workbook (OOXML spreadsheet) into a JX_LAYOUT_CELLS grid: visible sheets in workbook
 * order, every cell's text as Excel would display it (number formats applied to the exact decimal text, never
 * through a double), merged cells folded the way Word's text dump shows them (see grid.h). */
#include "grid.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/xmlreader.h>

#include "read/ooxml.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/utf8.h"

/* Caps for untrusted workbooks. Excel's own limits are 1048576 rows, 16384 columns, 32767 characters a cell. */
#define XL_MAX_ROW 1048576u
#define XL_MAX_COL 16384u
#define XL_MAX_SHEETS 1024u
#define XL_MAX_GRID_CELLS ((size_t)1 << 20) /* cells put in the grid (blanks included), whole workbook */
#define XL_MAX_VALUES ((size_t)1 << 21)     /* cells with a value, one sheet */
#define XL_MAX_STRINGS ((size_t)1 << 21)    /* shared strings */
#define XL_MAX_TEXT ((size_t)1 << 18)       /* bytes of one cell's or one shared string's text */
#define XL_MAX_MERGES ((size_t)1 << 16)
#define XL_MAX_XFS 65536u
#define XL_MAX_INDENT 8u /* levels of alignment indent taken as leading spaces (Excel allows 250) */
#define XL_MAX_NUMFMTS 4096u
#define XL_MAX_WORK ((size_t)1 << 26) /* merge-folding steps, whole workbook */

typedef struct xl_numfmt {
	unsigned id;
	char *code; /* malloc'd */
} xl_numfmt;

typedef struct xl_cell {
	uint32_t row, col; /* 1-based */
	const char *text;  /* arena; displayed text, trimmed */
	size_t seq;        /* order of appearance, so the last of duplicates wins */
} xl_cell;

typedef struct xl_merge {
	uint32_t r1, c1, r2, c2;
} xl_merge;

typedef struct xl_book {
	jx_grid *g;
	jx_pkg *pkg;
	jx_zip *zip;
	const char *file;
	bool date1904;
	const char **sst; /* shared strings (arena) */
	size_t nsst;
	unsigned *xf_fmt; /* cellXfs index → numFmtId */
	unsigned char *xf_indent; /* cellXfs index → alignment indent (levels) */
	size_t nxf;
	xl_numfmt *fmts; /* custom number formats */
	size_t nfmts;
	size_t grid_cells; /* cells put in the grid so far */
	size_t work;
	/* grid lines under construction */
	const char **lines;
	size_t nlines, lines_cap;
} xl_book;

/* ---------------------------------------------------------------------------------------------------------- */
/* Small helpers */

static int oom(const xl_book *b)
{
	return jx_error_set(JX_ENOMEM, "%s: 内存不足", b->file);
}

/* "AB12" → row 12, col 28. Returns false when it is not a cell reference within Excel's limits. With
 * `need_row` false, a bare column ("AB") is accepted and *row is 0. */
static bool parse_ref(const char *s, uint32_t *row, uint32_t *col)
{
	uint32_t c = 0, r = 0;
	size_t i = 0;
	while (s[i] == '$')
		i++;
	size_t letters = 0;
	while ((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= 'a' && s[i] <= 'z')) {
		if (++letters > 3)
			return false;
		c = c * 26 + (uint32_t)((s[i] | 0x20) - 'a' + 1);
		i++;
	}
	if (s[i] == '$')
		i++;
	size_t digits = 0;
	while (s[i] >= '0' && s[i] <= '9') {
		if (++digits > 7)
			return false;
		r = r * 10 + (uint32_t)(s[i] - '0');
		i++;
	}
	if (s[i] != '\0' || letters == 0 || digits == 0 || c > XL_MAX_COL || r == 0 || r > XL_MAX_ROW)
		return false;
	*row = r;
	*col = c;
	return true;
}

static bool parse_uint(const char *s, uint32_t max, uint32_t *out)
{
	uint64_t v = 0;
	if (!s || !*s)
		return false;
	for (const char *p = s; *p; p++) {
		if (*p < '0' || *p > '9')
			return false;
		v = v * 10 + (uint64_t)(*p - '0');
		if (v > max)
			return false;
	}
	*out = (uint32_t)v;
	return true;
}

static bool attr_true(const char *v)
{
	return v && (strcmp(v, "1") == 0 || strcmp(v, "true") == 0);
}

/* Decodes OOXML's _xHHHH_ escapes in place (Excel writes control characters, notably CR, that way). */
static void unescape_x(char *s)
{
	char *w = s;
	for (const char *r = s; *r;) {
		if (r[0] == '_' && r[1] == 'x') {
			uint32_t cp = 0;
			int k = 0;
			for (; k < 4; k++) {
				char ch = r[2 + k];
				uint32_t d;
				if (ch >= '0' && ch <= '9')
					d = (uint32_t)(ch - '0');
				else if ((ch | 0x20) >= 'a' && (ch | 0x20) <= 'f')
					d = (uint32_t)((ch | 0x20) - 'a' + 10);
				else
					break;
				cp = cp * 16 + d;
			}
			if (k == 4 && r[6] == '_') {
				r += 7;
				if (cp == '\t' || cp == '\n')
					*w++ = (char)cp;
				else if (cp >= 0x20 && !(cp >= 0xD800 && cp <= 0xDFFF)) {
					char enc[4];
					size_t n = jx_utf8_encode(cp, enc);
					memcpy(w, enc, n); /* never longer than the 7-byte escape it replaces */
					w += n;
				}
				continue;
			}
		}
		*w++ = *r++;
	}
	*w = '\0';
}


/* ---------------------------------------------------------------------------------------------------------- */
/* Numbers: the XML holds a decimal text ("1806.2", "0.30000000000000004", "1.5E-3"). It is handled as digits
 * and a decimal point position, so what is printed is what was written, rounded as Excel rounds for display. */

#define DEC_MAX 48

typedef struct xdec {
	bool neg;
	char d[DEC_MAX]; /* significant digits, no leading zeros; "" for zero */
	int n;
	int pt; /* value = 0.d × 10^pt, i.e. the decimal point sits after pt digits */
} xdec;

static bool dec_parse(xdec *x, const char *s)
{
	memset(x, 0, sizeof *x);
	size_t i = 0;
	if (s[i] == '-' || s[i] == '+')
		x->neg = s[i++] == '-';
	bool any = false, dot = false;
	int pt = 0;
	for (;; i++) {
		char ch = s[i];
		if (ch >= '0' && ch <= '9') {
			any = true;
			if (ch == '0' && x->n == 0) {
				if (dot)
					pt--;
				continue;
			}
			if (x->n < DEC_MAX)
				x->d[x->n++] = ch;
			else if (dot)
				continue; /* beyond any precision a double carries */
			if (!dot)
				pt++;
		} else if (ch == '.' && !dot) {
			dot = true;
		} else {
			break;
		}
	}
	if (!any)
		return false;
	if (s[i] == 'e' || s[i] == 'E') {
		i++;
		bool eneg = false;
		if (s[i] == '-' || s[i] == '+')
			eneg = s[i++] == '-';
		int e = 0;
		bool ed = false;
		while (s[i] >= '0' && s[i] <= '9') {
			ed = true;
			if (e < 10000)
				e = e * 10 + (s[i] - '0');
			i++;
		}
		if (!ed || e > 400)
			return false;
		pt += eneg ? -e : e;
	}
	if (s[i] != '\0')
		return false;
	while (x->n > 0 && x->d[x->n - 1] == '0')
		x->n--;
	x->pt = x->n ? pt : 0;
	if (!x->n)
		x->neg = false;
	return true;
}

/* Rounds to `sig` significant digits, half away from zero. */
static void dec_round_sig(xdec *x, int sig)
{
	if (x->n <= sig)
		return;
	bool up = x->d[sig] >= '5';
	x->n = sig;
	for (int i = sig - 1; up && i >= 0; i--) {
		if (x->d[i] == '9') {
			x->d[i] = '0';
		} else {
			x->d[i]++;
			up = false;
		}
	}
	if (up) { /* 999… → 1000… */
		x->d[0] = '1';
		x->n = 1;
		x->pt++;
	}
	while (x->n > 0 && x->d[x->n - 1] == '0')
		x->n--;
}

/* Prints with exactly `k` decimals (rounded half away from zero) and optional thousands separators. */
static int dec_fixed(jx_buf *o, const xdec *x, int k, bool group)
{
	int ip = x->pt > 1 ? x->pt : 1;
	if (k > 30 || ip > 330)
		return JX_ELIMIT;
	char a[400];
	int m = ip + k;
	for (int j = 0; j < m; j++) {
		int i = x->pt - ip + j;
		a[j] = i >= 0 && i < x->n ? x->d[i] : '0';
	}
	int ir = x->pt + k;
	bool up = ir >= 0 && ir < x->n && x->d[ir] >= '5';
	bool carry = false;
	for (int j = m - 1; up && j >= 0; j--) {
		if (a[j] == '9') {
			a[j] = '0';
		} else {
			a[j]++;
			up = false;
		}
	}
	carry = up;
	bool zero = !carry;
	for (int j = 0; j < m && zero; j++)
		zero = a[j] == '0';
	int rc = 0;
	if (x->neg && !zero)
		rc |= jx_buf_putc(o, '-');
	/* integer part: skip leading zeros but keep one */
	char ib[400];
	int in = 0;
	if (carry)
		ib[in++] = '1';
	int j0 = 0;
	while (!carry && j0 < ip - 1 && a[j0] == '0')
		j0++;
	for (int j = j0; j < ip; j++)
		ib[in++] = a[j];
	for (int j = 0; j < in; j++) {
		rc |= jx_buf_putc(o, ib[j]);
		if (group && j < in - 1 && (in - 1 - j) % 3 == 0)
			rc |= jx_buf_putc(o, ',');
	}
	if (k > 0) {
		rc |= jx_buf_putc(o, '.');
		rc |= jx_buf_put(o, a + ip, (size_t)k);
	}
	return rc ? JX_ENOMEM : 0;
}

/* Excel's General: at most 15 significant digits (this is what removes the binary noise of
 * 0.30000000000000004), plain notation for ordinary magnitudes, scientific beyond. */
static int dec_general(jx_buf *o, xdec x)
{
	dec_round_sig(&x, 15);
	int rc = 0;
	if (x.n == 0)
		return jx_buf_putc(o, '0') ? JX_ENOMEM : 0;
	if (x.neg)
		rc |= jx_buf_putc(o, '-');
	if (x.pt > 15 || x.pt < -3) {
		rc |= jx_buf_putc(o, x.d[0]);
		if (x.n > 1) {
			rc |= jx_buf_putc(o, '.');
			rc |= jx_buf_put(o, x.d + 1, (size_t)(x.n - 1));
		}
		int e = x.pt - 1;
		rc |= jx_buf_printf(o, "E%c%02d", e < 0 ? '-' : '+', e < 0 ? -e : e);
	} else if (x.pt <= 0) {
		rc |= jx_buf_puts(o, "0.");
		for (int i = 0; i < -x.pt; i++)
			rc |= jx_buf_putc(o, '0');
		rc |= jx_buf_put(o, x.d, (size_t)x.n);
	} else if (x.pt >= x.n) {
		rc |= jx_buf_put(o, x.d, (size_t)x.n);
		for (int i = x.n; i < x.pt; i++)
			rc |= jx_buf_putc(o, '0');
	} else {
		rc |= jx_buf_put(o, x.d, (size_t)x.pt);
		rc |= jx_buf_putc(o, '.');
		rc |= jx_buf_put(o, x.d + x.pt, (size_t)(x.n - x.pt));
	}
	return rc ? JX_ENOMEM : 0;
}

/* ---------------------------------------------------------------------------------------------------------- */
/* Number formats */

typedef enum { NF_GENERAL = 0, NF_NUMBER, NF_DATE, NF_TEXT, NF_LITERAL } nf_kind;

typedef struct nf {
	nf_kind kind;
	int decimals;
	bool group, percent;
	int scale3;              /* trailing commas: divide by 1000 each */
	bool date, time, secs;   /* for NF_DATE: which parts to print */
	char prefix[64], suffix[64];
	size_t np, ns;
} nf;

static const char *builtin_code(unsigned id)
{
	switch (id) {
	case 1: return "0";
	case 2: return "0.00";
	case 3: case 37: case 38: return "#,##0";
	case 4: case 39: case 40: return "#,##0.00";
	case 5: case 6: return "#,##0";
	case 7: case 8: return "#,##0.00";
	case 9: return "0%";
	case 10: return "0.00%";
	case 14: case 15: case 16: case 17: return "yyyy-mm-dd";
	case 18: case 19: case 20: case 21: case 45: case 46: case 47: return "hh:mm:ss";
	case 22: return "yyyy-mm-dd hh:mm:ss";
	case 49: return "@";
	/* East Asian built-ins (zh-CN): dates and times written with 年月日 */
	case 27: case 28: case 29: case 30: case 31: case 34: case 35: case 36:
	case 50: case 51: case 52: case 53: case 54: case 57: case 58: return "yyyy-mm-dd";
	case 32: case 33: case 55: case 56: return "hh:mm:ss";
	default: return NULL; /* General, fractions, scientific: shown as General */
	}
}

static void nf_lit(nf *f, bool after, const char *s, size_t len)
{
	char *dst = after ? f->suffix : f->prefix;
	size_t *n = after ? &f->ns : &f->np;
	if (*n + len >= sizeof f->prefix)
		return;
	memcpy(dst + *n, s, len);
	*n += len;
	dst[*n] = '\0';
}

/* Parses one section of a format code. */
static void nf_parse(nf *f, const char *s, size_t len)
{
	memset(f, 0, sizeof *f);
	bool digits = false, dot = false, text = false;
	for (size_t i = 0; i < len;) {
		char ch = s[i];
		char lc = (char)(ch | 0x20);
		if (ch == '"') {
			size_t j = i + 1;
			while (j < len && s[j] != '"')
				j++;
			nf_lit(f, digits, s + i + 1, j - i - 1);
			i = j < len ? j + 1 : len;
		} else if (ch == '\\' && i + 1 < len) {
			size_t n = 1;
			while (i + 1 + n < len && ((unsigned char)s[i + 1 + n] & 0xC0) == 0x80)
				n++;
			nf_lit(f, digits, s + i + 1, n);
			i += 1 + n;
		} else if ((ch == '_' || ch == '*') && i + 1 < len) {
			i += 2;
			while (i < len && ((unsigned char)s[i] & 0xC0) == 0x80)
				i++;
		} else if (ch == '[') {
			size_t j = i + 1;
			while (j < len && s[j] != ']')
				j++;
			if (i + 1 < len && s[i + 1] == '$') {
				size_t k = i + 2;
				while (k < j && s[k] != '-')
					k++;
				nf_lit(f, digits, s + i + 2, k - i - 2);
			} else {
				for (size_t k = i + 1; k < j; k++) {
					char c2 = (char)(s[k] | 0x20);
					if (c2 == 'h' || c2 == 's')
						f->time = true, f->secs |= c2 == 's';
				}
			}
			i = j < len ? j + 1 : len;
		} else if (len - i >= 7 && strncasecmp(s + i, "General", 7) == 0) {
			f->kind = NF_GENERAL;
			return;
		} else if (ch == '0' || ch == '#' || ch == '?') {
			digits = true;
			if (dot)
				f->decimals++;
			i++;
		} else if (ch == '.' && !dot && (digits || (i + 1 < len && (s[i + 1] == '0' || s[i + 1] == '#')))) {
			dot = true;
			digits = true;
			i++;
		} else if (ch == ',' && digits) {
			bool next_digit = i + 1 < len && (s[i + 1] == '0' || s[i + 1] == '#' || s[i + 1] == '?');
			if (next_digit && !dot)
				f->group = true;
			else if (!next_digit)
				f->scale3++;
			i++;
		} else if (ch == '%') {
			f->percent = true;
			nf_lit(f, digits, "%", 1);
			i++;
		} else if (lc == 'e' && i + 1 < len && (s[i + 1] == '+' || s[i + 1] == '-') && digits) {
			f->kind = NF_GENERAL; /* scientific: shown as General */
			return;
		} else if (lc == 'y' || lc == 'd' || lc == 'm' || lc == 'h' || lc == 's') {
			if (lc == 'h' || lc == 's')
				f->time = true;
			if (lc == 's')
				f->secs = true;
			if (lc == 'y' || lc == 'd')
				f->date = true;
			if (lc == 'm')
				f->date = true; /* month or minute; settled below */
			f->kind = NF_DATE;
			i++;
		} else if (ch == '@') {
			text = true;
			i++;
		} else {
			size_t n = 1;
			while (i + n < len && ((unsigned char)s[i + n] & 0xC0) == 0x80)
				n++;
			nf_lit(f, digits, s + i, n);
			i += n;
		}
	}
	if (f->kind == NF_DATE) {
		/* "hh:mm" alone is a time; an 'm' with a y or d is a month. */
		bool ymd = false;
		for (size_t i = 0; i < len; i++) {
			char lc = (char)(s[i] | 0x20);
			if (s[i] == '"') {
				while (++i < len && s[i] != '"')
					;
				continue;
			}
			if (lc == 'y' || lc == 'd')
				ymd = true;
		}
		if (!ymd && f->time)
			f->date = false;
		return;
	}
	if (digits)
		f->kind = NF_NUMBER;
	else if (text)
		f->kind = NF_TEXT;
	else if (f->np)
		f->kind = NF_LITERAL;
	else
		f->kind = NF_GENERAL;
}

/* Splits the format code in sections and picks the one for the value's sign (Excel: positive;negative;zero;text). */
static void nf_select(nf *f, const char *code, const xdec *x, bool *use_abs)
{
	size_t starts[4], ends[4], ns = 0;
	size_t len = strlen(code), s0 = 0;
	for (size_t i = 0; i <= len && ns < 4; i++) {
		if (i < len && code[i] == '"') {
			while (++i < len && code[i] != '"')
				;
			continue;
		}
		if (i < len && code[i] == '\\') {
			i++;
			continue;
		}
		if (i < len && code[i] == '[') {
			while (++i < len && code[i] != ']')
				;
			continue;
		}
		if (i == len || code[i] == ';') {
			starts[ns] = s0;
			ends[ns++] = i;
			s0 = i + 1;
		}
	}
	size_t pick = 0;
	*use_abs = false;
	if (x->neg && ns >= 2) {
		pick = 1;
		*use_abs = true;
	} else if (x->n == 0 && ns >= 3) {
		pick = 2;
	}
	if (ns == 0) {
		memset(f, 0, sizeof *f);
		return;
	}
	nf_parse(f, code + starts[pick], ends[pick] - starts[pick]);
}

static int64_t days_from_civil(int64_t y, unsigned m, unsigned d)
{
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	unsigned yoe = (unsigned)(y - era * 400);
	unsigned doy = (153 * (m + (m > 2 ? (unsigned)-3 : 9)) + 2) / 5 + d - 1;
	unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (int64_t)doe - 719468;
}

static void civil_from_days(int64_t z, int64_t *y, unsigned *m, unsigned *d)
{
	z += 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	unsigned doe = (unsigned)(z - era * 146097);
	unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	*y = (int64_t)yoe + era * 400;
	unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	unsigned mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y += *m <= 2;
}

/* A date serial as ISO text. Returns 1 when the serial is outside Excel's dates (then General is used). */
static int fmt_date(jx_buf *o, const xdec *x, const nf *f, bool date1904)
{
	if (x->neg || x->pt > 7)
		return 1;
	/* whole days and the fraction as seconds, from the digits */
	int64_t days = 0;
	for (int i = 0; i < x->pt; i++)
		days = days * 10 + (i < x->n ? x->d[i] - '0' : 0);
	int64_t frac = 0; /* 12 decimals of the day */
	for (int j = 0; j < 12; j++) {
		int i = x->pt + j;
		frac = frac * 10 + (i >= 0 && i < x->n ? x->d[i] - '0' : 0);
	}
	int64_t secs = (frac * 86400 + 500000000000LL) / 1000000000000LL;
	if (secs >= 86400) {
		secs -= 86400;
		days++;
	}
	if (days > 2958465)
		return 1;
	int64_t y = 1900;
	unsigned m = 1, d = 0;
	if (date1904) {
		civil_from_days(days_from_civil(1904, 1, 1) + days, &y, &m, &d);
	} else if (days == 60) {
		y = 1900, m = 2, d = 29; /* Excel keeps Lotus's 29 February 1900 */
	} else if (days == 0) {
		y = 1900, m = 1, d = 0;
	} else {
		civil_from_days(days_from_civil(1899, 12, days < 60 ? 31 : 30) + days, &y, &m, &d);
	}
	int rc = 0;
	if (f->date)
		rc |= jx_buf_printf(o, "%04lld-%02u-%02u", (long long)y, m, d);
	if (f->time || !f->date) {
		if (f->date)
			rc |= jx_buf_putc(o, ' ');
		int hh = (int)(secs / 3600), mm = (int)(secs / 60 % 60), ss = (int)(secs % 60);
		if (f->secs)
			rc |= jx_buf_printf(o, "%02d:%02d:%02d", hh, mm, ss);
		else
			rc |= jx_buf_printf(o, "%02d:%02d", hh, mm);
	}
	return rc ? JX_ENOMEM : 0;
}

static const char *numfmt_code(const xl_book *b, uint32_t style)
{
	if (style >= b->nxf)
		return NULL;
	unsigned id = b->xf_fmt[style];
	for (size_t i = 0; i < b->nfmts; i++)
		if (b->fmts[i].id == id)
			return b->fmts[i].code;
	return builtin_code(id);
}

/* The display text of a numeric cell. Text that is not a number is shown as written. */
static int format_number(xl_book *b, jx_buf *o, const char *v, uint32_t style)
{
	xdec x;
	if (!dec_parse(&x, v))
		return jx_buf_puts(o, v) ? JX_ENOMEM : 0;
	const char *code = numfmt_code(b, style);
	if (!code)
		return dec_general(o, x);
	nf f;
	bool use_abs;
	nf_select(&f, code, &x, &use_abs);
	if (use_abs)
		x.neg = false;
	int rc;
	switch (f.kind) {
	case NF_NUMBER:
		if (f.percent)
			x.pt += 2;
		x.pt -= 3 * (f.scale3 > 4 ? 4 : f.scale3);
		if (!x.n)
			x.pt = 0;
		rc = jx_buf_put(o, f.prefix, f.np) ? JX_ENOMEM : 0;
		if (!rc)
			rc = dec_fixed(o, &x, f.decimals, f.group);
		if (rc == JX_ELIMIT) { /* absurd magnitude for a fixed format */
			rc = dec_general(o, x);
		}
		if (!rc && jx_buf_put(o, f.suffix, f.ns))
			rc = JX_ENOMEM;
		return rc;
	case NF_DATE:
		rc = fmt_date(o, &x, &f, b->date1904);
		return rc == 1 ? dec_general(o, x) : rc;
	case NF_LITERAL:
		return jx_buf_put(o, f.prefix, f.np) ? JX_ENOMEM : 0;
	case NF_TEXT:
	case NF_GENERAL:
		break;
	}
	return dec_general(o, x);
}

/* ---------------------------------------------------------------------------------------------------------- */
/* Streaming XML (sheets and shared strings can be large: no DOM for them). */

typedef struct xr_err {
	int line;
	char msg[160];
	bool set;
} xr_err;

static void xr_on_error(void *arg, const xmlError *e)
{
	xr_err *er = arg;
	if (er->set || !e)
		return;
	er->set = true;
	er->line = e->line;
	snprintf(er->msg, sizeof er->msg, "%s", e->message ? e->message : "无法解析");
	size_t n = strlen(er->msg);
	while (n && (er->msg[n - 1] == '\n' || er->msg[n - 1] == ' '))
		er->msg[--n] = '\0';
}

static int xr_open(xl_book *b, xmlTextReaderPtr *out, xr_err *er, const char *data, size_t len, const char *part)
{
	*out = NULL;
	memset(er, 0, sizeof *er);
	if (len > (size_t)INT32_MAX)
		return jx_error_set(JX_ELIMIT, "%s: “%s”过大", b->file, part);
	if (jx_xml_has_doctype(data, len))
		return jx_error_set(JX_EFORMAT, "%s: “%s”含有 DOCTYPE 声明，按安全规则拒绝读取", b->file, part);
	xmlTextReaderPtr rd = xmlReaderForMemory(data, (int)len, part, NULL,
						 XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	if (!rd)
		return oom(b);
	xmlTextReaderSetStructuredErrorHandler(rd, (xmlStructuredErrorFunc)xr_on_error, er);
	*out = rd;
	return 0;
}

static int xr_fail(xl_book *b, xmlTextReaderPtr rd, const xr_err *er, const char *part)
{
	int line = er->set ? er->line : xmlTextReaderGetParserLineNumber(rd);
	return jx_error_set(JX_EFORMAT, "%s: “%s”第 %d 行不是有效的 XML：%s", b->file, part, line,
			    er->set ? er->msg : "无法解析");
}

static char *xr_attr(xmlTextReaderPtr rd, const char *name)
{
	return (char *)xmlTextReaderGetAttribute(rd, (const xmlChar *)name);
}

/* Appends the reader's current text node to `buf`, within the cap. */
static int xr_text(xl_book *b, xmlTextReaderPtr rd, jx_buf *buf, const char *part)
{
	const xmlChar *v = xmlTextReaderConstValue(rd);
	if (!v)
		return 0;
	size_t n = strlen((const char *)v);
	if (buf->len + n > XL_MAX_TEXT)
		return jx_error_set(JX_ELIMIT, "%s: “%s”第 %d 行的文字超过 %zu 字节的上限", b->file, part,
				    xmlTextReaderGetParserLineNumber(rd), XL_MAX_TEXT);
	return jx_buf_put(buf, v, n) ? oom(b) : 0;
}

static bool is_text_node(int type)
{
	return type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
	       type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE || type == XML_READER_TYPE_WHITESPACE;
}

static bool xr_is(xmlTextReaderPtr rd, const char *name)
{
	const xmlChar *ln = xmlTextReaderConstLocalName(rd);
	return ln && strcmp((const char *)ln, name) == 0;
}

/* ---------------------------------------------------------------------------------------------------------- */
/* Shared strings */

static int read_sst(xl_book *b, const char *part)
{
	char *data;
	size_t len;
	int rc = jx_zip_read(b->zip, part, &data, &len);
	if (rc)
		return rc;
	xmlTextReaderPtr rd;
	xr_err er;
	if ((rc = xr_open(b, &rd, &er, data, len, part))) {
		free(data);
		return rc;
	}
	jx_buf t = JX_BUF_INIT;
	size_t cap = 0;
	bool in_si = false;
	int t_depth = -1, skip_depth = -1; /* inside <t>; inside <rPh> or <phoneticPr> (readings, not text) */
	int ret;
	while ((ret = xmlTextReaderRead(rd)) == 1) {
		int type = xmlTextReaderNodeType(rd);
		int depth = xmlTextReaderDepth(rd);
		if (type == XML_READER_TYPE_ELEMENT) {
			bool empty = xmlTextReaderIsEmptyElement(rd);
			if (xr_is(rd, "si")) {
				jx_buf_clear(&t);
				in_si = !empty;
				if (empty)
					goto push;
			} else if (in_si && skip_depth < 0 && xr_is(rd, "rPh") && !empty) {
				skip_depth = depth;
			} else if (in_si && skip_depth < 0 && xr_is(rd, "t") && !empty) {
				t_depth = depth;
			}
			continue;
		}
		if (type == XML_READER_TYPE_END_ELEMENT) {
			if (depth == skip_depth)
				skip_depth = -1;
			else if (depth == t_depth)
				t_depth = -1;
			else if (in_si && xr_is(rd, "si")) {
				in_si = false;
				goto push;
			}
			continue;
		}
		if (is_text_node(type) && in_si && t_depth >= 0 && skip_depth < 0) {
			if ((rc = xr_text(b, rd, &t, part)))
				goto out;
		}
		continue;
	push:
		if (b->nsst == XL_MAX_STRINGS) {
			rc = jx_error_set(JX_ELIMIT, "%s: “%s”中的共享字符串超过 %zu 个的上限", b->file, part,
					  XL_MAX_STRINGS);
			goto out;
		}
		if (b->nsst == cap) {
			size_t ncap = cap ? cap * 2 : 256;
			const char **nv = jx_arena_grow(b->pkg->arena, (void *)b->sst, cap, ncap, sizeof *nv);
			if (!nv) {
				rc = oom(b);
				goto out;
			}
			b->sst = nv;
			cap = ncap;
		}
		char *s = jx_arena_strndup(b->pkg->arena, t.ptr ? t.ptr : "", t.len);
		if (!s) {
			rc = oom(b);
			goto out;
		}
		unescape_x(s);
		b->sst[b->nsst++] = s;
	}
	if (ret < 0)
		rc = xr_fail(b, rd, &er, part);
out:
	jx_buf_release(&t);
	xmlFreeTextReader(rd);
	free(data);
	return rc;
}

/* ---------------------------------------------------------------------------------------------------------- */
/* Styles: cellXfs → numFmtId, and the custom numFmts (small part: DOM) */

static int read_styles(xl_book *b, const char *part)
{
	xmlDocPtr doc;
	int rc = jx_zip_parse(b->zip, part, b->file, &doc);
	if (rc)
		return rc;
	xmlNode *root = xmlDocGetRootElement(doc);
	for (xmlNode *sec = root->children; sec && !rc; sec = sec->next) {
		if (jx_xml_is(sec, "numFmts")) {
			for (xmlNode *n = sec->children; n; n = n->next) {
				if (!jx_xml_is(n, "numFmt"))
					continue;
				if (b->nfmts == XL_MAX_NUMFMTS)
					break;
				char *id = jx_xml_attr(n, "numFmtId"), *code = jx_xml_attr(n, "formatCode");
				uint32_t v;
				if (id && code && parse_uint(id, 1u << 20, &v)) {
					xl_numfmt *nv = realloc(b->fmts, (b->nfmts + 1) * sizeof *nv);
					char *c = strdup(code);
					if (!nv || !c) {
						free(c);
						if (nv)
							b->fmts = nv;
						rc = oom(b);
					} else {
						b->fmts = nv;
						b->fmts[b->nfmts].id = v;
						b->fmts[b->nfmts++].code = c;
					}
				}
				xmlFree(id);
				xmlFree(code);
				if (rc)
					break;
			}
		} else if (jx_xml_is(sec, "cellXfs")) {
			for (xmlNode *n = sec->children; n; n = n->next) {
				if (!jx_xml_is(n, "xf"))
					continue;
				if (b->nxf == XL_MAX_XFS)
					break;
				unsigned *nv = realloc(b->xf_fmt, (b->nxf + 1) * sizeof *nv);
				if (!nv) {
					rc = oom(b);
					break;
				}
				b->xf_fmt = nv;
				unsigned char *ni = realloc(b->xf_indent, b->nxf + 1);
				if (!ni) {
					rc = oom(b);
					break;
				}
				b->xf_indent = ni;
				char *id = jx_xml_attr(n, "numFmtId");
				uint32_t v = 0;
				if (!id || !parse_uint(id, 1u << 20, &v))
					v = 0;
				xmlFree(id);
				/* <alignment indent="2"/>: Excel's own indentation, which finance staff use for 类/款/项. */
				uint32_t ind = 0;
				for (xmlNode *al = n->children; al; al = al->next)
					if (jx_xml_is(al, "alignment")) {
						char *is = jx_xml_attr(al, "indent");
						if (!is || !parse_uint(is, XL_MAX_INDENT, &ind))
							ind = 0;
						xmlFree(is);
					}
				b->xf_indent[b->nxf] = (unsigned char)ind;
				b->xf_fmt[b->nxf++] = v;
			}
		}
	}
	xmlFreeDoc(doc);
	return rc;
}

/* ---------------------------------------------------------------------------------------------------------- */
/* Workbook: sheets in order, their parts through the relationships */

typedef struct xl_sheet {
	char *name, *part; /* malloc'd */
	uint32_t index;     /* 1-based position in the workbook */
} xl_sheet;

/* Resolves a relationship target against xl/. */
static char *resolve_target(const char *target)
{
	if (target[0] == '/')
		return strdup(target + 1);
	const char *t = target;
	while (strncmp(t, "./", 2) == 0)
		t += 2;
	bool up = strncmp(t, "../", 3) == 0;
	if (up)
		t += 3;
	size_t n = strlen(t) + 4;
	char *s = malloc(n);
	if (s)
		snprintf(s, n, "%s%s", up ? "" : "xl/", t);
	return s;
}

static bool ends_with(const char *s, const char *suf)
{
	size_t a = strlen(s), b = strlen(suf);
	return a >= b && strcmp(s + a - b, suf) == 0;
}

typedef struct xl_rel {
	char *id, *type, *target;
} xl_rel;

static void free_rels(xl_rel *r, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		xmlFree(r[i].id);
		xmlFree(r[i].type);
		xmlFree(r[i].target);
	}
	free(r);
}

static int read_rels(xl_book *b, const char *part, xl_rel **out, size_t *nout)
{
	*out = NULL;
	*nout = 0;
	xmlDocPtr doc;
	int rc = jx_zip_parse(b->zip, part, b->file, &doc);
	if (rc)
		return rc;
	xl_rel *v = NULL;
	size_t n = 0;
	for (xmlNode *r = xmlDocGetRootElement(doc)->children; r; r = r->next) {
		if (!jx_xml_is(r, "Relationship") || n >= JX_ZIP_MAX_ENTRIES)
			continue;
		xl_rel *nv = realloc(v, (n + 1) * sizeof *nv);
		if (!nv) {
			free_rels(v, n);
			xmlFreeDoc(doc);
			return oom(b);
		}
		v = nv;
		v[n].id = jx_xml_attr(r, "Id");
		v[n].type = jx_xml_attr(r, "Type");
		v[n].target = jx_xml_attr(r, "Target");
		n++;
	}
	xmlFreeDoc(doc);
	*out = v;
	*nout = n;
	return 0;
}

static void free_sheets(xl_sheet *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(s[i].name);
		free(s[i].part);
	}
	free(s);
}

/* Reads workbook.xml and its relationships: the visible worksheets, the shared strings and the styles. */
static int read_workbook(xl_book *b, xl_sheet **out, size_t *nout, char **sst_part, char **styles_part)
{
	*out = NULL;
	*nout = 0;
	*sst_part = *styles_part = NULL;
	static const char wb_part[] = "xl/workbook.xml", rels_part[] = "xl/_rels/workbook.xml.rels";
	if (!jx_zip_has(b->zip, wb_part))
		return jx_error_set(JX_EFORMAT, "%s: 不是 XLSX 工作簿：压缩包中缺少“%s”", b->file, wb_part);
	if (!jx_zip_has(b->zip, rels_part))
		return jx_error_set(JX_EFORMAT, "%s: XLSX 工作簿已损坏：压缩包中缺少“%s”", b->file, rels_part);
	xl_rel *rels;
	size_t nrels;
	int rc = read_rels(b, rels_part, &rels, &nrels);
	if (rc)
		return rc;
	xmlDocPtr doc;
	if ((rc = jx_zip_parse(b->zip, wb_part, b->file, &doc))) {
		free_rels(rels, nrels);
		return rc;
	}
	xl_sheet *sheets = NULL;
	size_t n = 0;
	uint32_t index = 0;
	for (xmlNode *sec = xmlDocGetRootElement(doc)->children; sec && !rc; sec = sec->next) {
		if (jx_xml_is(sec, "workbookPr")) {
			char *v = jx_xml_attr(sec, "date1904");
			b->date1904 = attr_true(v);
			xmlFree(v);
		}
		if (!jx_xml_is(sec, "sheets"))
			continue;
		for (xmlNode *s = sec->children; s && !rc; s = s->next) {
			if (!jx_xml_is(s, "sheet"))
				continue;
			if (++index > XL_MAX_SHEETS) {
				rc = jx_error_set(JX_ELIMIT, "%s: 工作表超过 %u 个的上限", b->file, XL_MAX_SHEETS);
				break;
			}
			char *name = jx_xml_attr(s, "name"), *state = jx_xml_attr(s, "state"), *rid = jx_xml_attr(s, "id");
			/* Hidden sheets are helpers (lists behind drop-downs, lookups), not part of the document. */
			bool hidden = state && (strcmp(state, "hidden") == 0 || strcmp(state, "veryHidden") == 0);
			const xl_rel *rel = NULL;
			for (size_t i = 0; rid && i < nrels && !rel; i++)
				if (rels[i].id && strcmp(rels[i].id, rid) == 0)
					rel = &rels[i];
			if (!hidden && !rel)
				rc = jx_error_set(JX_EFORMAT, "%s: 工作表“%s”在“%s”中没有对应的关系", b->file,
						  name ? name : "?", rels_part);
			else if (!hidden && rel->target && rel->type && ends_with(rel->type, "/worksheet")) {
				xl_sheet *nv = realloc(sheets, (n + 1) * sizeof *nv);
				char *nm = strdup(name ? name : ""), *part = resolve_target(rel->target);
				if (!nv || !nm || !part) {
					free(nm);
					free(part);
					if (nv)
						sheets = nv;
					rc = oom(b);
				} else {
					sheets = nv;
					sheets[n].name = nm;
					sheets[n].part = part;
					sheets[n++].index = index;
				}
			} /* chart sheets and dialog sheets hold no cells */
			xmlFree(name);
			xmlFree(state);
			xmlFree(rid);
		}
	}
	xmlFreeDoc(doc);
	for (size_t i = 0; i < nrels && !rc; i++) {
		if (!rels[i].type || !rels[i].target)
			continue;
		char **slot = ends_with(rels[i].type, "/sharedStrings") ? sst_part
			      : ends_with(rels[i].type, "/styles")      ? styles_part
									: NULL;
		if (slot && !*slot && !(*slot = resolve_target(rels[i].target)))
			rc = oom(b);
	}
	free_rels(rels, nrels);
	if (!rc && index == 0)
		rc = jx_error_set(JX_EFORMAT, "%s: 工作簿中没有工作表", b->file);
	if (rc) {
		free_sheets(sheets, n);
		free(*sst_part);
		free(*styles_part);
		*sst_part = *styles_part = NULL;
		return rc;
	}
	*out = sheets;
	*nout = n;
	return 0;
}

/* ---------------------------------------------------------------------------------------------------------- */
/* Sheets */

typedef struct xl_sheetdata {
	xl_cell *cells;
	size_t n, cap;
	xl_merge *merges;
	size_t nm, mcap;
	/* Rows with an empty cell written out with a style beyond column A, in order (each row once): the blank,
	 * bordered amount cells of a table row, which tell it from a line of prose in column A. */
	uint32_t *styled;
	size_t ns, scap;
} xl_sheetdata;

/* Remembers that `row` has a styled empty cell in column `col`. */
static int note_styled(xl_book *b, xl_sheetdata *sd, uint32_t row, uint32_t col)
{
	if (col <= 1 || (sd->ns && sd->styled[sd->ns - 1] == row))
		return 0;
	if (sd->ns == sd->scap) {
		size_t ncap = sd->scap ? sd->scap * 2 : 64;
		uint32_t *nv = realloc(sd->styled, ncap * sizeof *nv);
		if (!nv)
			return oom(b);
		sd->styled = nv;
		sd->scap = ncap;
	}
	sd->styled[sd->ns++] = row;
	return 0;
}

static int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return (x > y) - (x < y);
}

/* After the sheet is read: rows may come in any order in the XML. */
static void sort_styled(xl_sheetdata *sd)
{
	if (sd->ns > 1)
		qsort(sd->styled, sd->ns, sizeof *sd->styled, cmp_u32);
}

static bool row_styled(const xl_sheetdata *sd, uint32_t row)
{
	size_t lo = 0, hi = sd->ns;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (sd->styled[mid] < row)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < sd->ns && sd->styled[lo] == row;
}

static int push_cell(xl_book *b, xl_sheetdata *sd, uint32_t row, uint32_t col, const char *text,
		     const xl_sheet *sh)
{
	if (sd->n == sd->cap) {
		if (sd->n >= XL_MAX_VALUES)
			return jx_error_set(JX_ELIMIT, "%s: 工作表“%s”的单元格超过 %zu 个的上限", b->file, sh->name,
					    XL_MAX_VALUES);
		size_t ncap = sd->cap ? sd->cap * 2 : 256;
		xl_cell *nv = realloc(sd->cells, ncap * sizeof *nv);
		if (!nv)
			return oom(b);
		sd->cells = nv;
		sd->cap = ncap;
	}
	sd->cells[sd->n].row = row;
	sd->cells[sd->n].col = col;
	sd->cells[sd->n].text = text;
	sd->cells[sd->n].seq = sd->n;
	sd->n++;
	return 0;
}

static int push_merge(xl_book *b, xl_sheetdata *sd, const char *ref, const xl_sheet *sh)
{
	char a[32], c[32];
	const char *colon = ref ? strchr(ref, ':') : NULL;
	if (!colon || (size_t)(colon - ref) >= sizeof a || strlen(colon + 1) >= sizeof c)
		return 0; /* a one-cell "merge" or a damaged one: nothing to fold */
	memcpy(a, ref, (size_t)(colon - ref));
	a[colon - ref] = '\0';
	strcpy(c, colon + 1);
	xl_merge m;
	if (!parse_ref(a, &m.r1, &m.c1) || !parse_ref(c, &m.r2, &m.c2))
		return 0;
	if (m.r2 < m.r1 || m.c2 < m.c1 || (m.r1 == m.r2 && m.c1 == m.c2))
		return 0;
	if (sd->nm == sd->mcap) {
		if (sd->nm >= XL_MAX_MERGES)
			return jx_error_set(JX_ELIMIT, "%s: 工作表“%s”的合并单元格超过 %zu 个的上限", b->file, sh->name,
					    XL_MAX_MERGES);
		size_t ncap = sd->mcap ? sd->mcap * 2 : 64;
		xl_merge *nv = realloc(sd->merges, ncap * sizeof *nv);
		if (!nv)
			return oom(b);
		sd->merges = nv;
		sd->mcap = ncap;
	}
	sd->merges[sd->nm++] = m;
	return 0;
}

typedef struct cell_state {
	uint32_t row, col;
	char type[16];
	uint32_t style;
	bool in_c;
	int v_depth, is_depth, t_depth, skip_depth;
	jx_buf v, s;
} cell_state;

/* Finishes a <c>: its displayed text, or nothing for a cell without a value. */
static int finish_cell(xl_book *b, xl_sheetdata *sd, cell_state *cs, const xl_sheet *sh, int line)
{
	const char *t = cs->type;
	jx_buf out = JX_BUF_INIT;
	int rc = 0;
	const char *raw = NULL;
	size_t rawlen = 0;
	char *tmp = NULL;
	if (strcmp(t, "inlineStr") == 0) {
		if (!cs->s.len)
			return 0;
		if (!(tmp = strdup(jx_buf_cstr(&cs->s))))
			return oom(b);
		unescape_x(tmp);
		raw = tmp;
		rawlen = strlen(tmp);
	} else {
		if (!cs->v.len) /* no value: a styled empty cell */
			return cs->style ? note_styled(b, sd, cs->row, cs->col) : 0;
		const char *v = jx_buf_cstr(&cs->v);
		if (strcmp(t, "s") == 0) {
			uint32_t k;
			size_t vl = cs->v.len;
			const char *vt = jx_utf8_trim(v, &vl);
			char idx[16];
			if (vl >= sizeof idx)
				vl = sizeof idx - 1;
			memcpy(idx, vt, vl);
			idx[vl] = '\0';
			if (!parse_uint(idx, UINT32_MAX - 1, &k) || k >= b->nsst)
				return jx_error_set(JX_EFORMAT, "%s: 工作表“%s”（%s）第 %d 行引用了不存在的共享字符串“%s”",
						    b->file, sh->name, sh->part, line, idx);
			raw = b->sst[k];
			rawlen = strlen(raw);
		} else if (strcmp(t, "b") == 0) {
			raw = strcmp(v, "1") == 0 || strcmp(v, "true") == 0 ? "TRUE" : "FALSE";
			rawlen = strlen(raw);
		} else if (strcmp(t, "e") == 0 || strcmp(t, "str") == 0 || strcmp(t, "d") == 0) {
			if (!(tmp = strdup(v)))
				return oom(b);
			unescape_x(tmp);
			raw = tmp;
			rawlen = strlen(tmp);
		} else {
			size_t vl = cs->v.len;
			const char *vt = jx_utf8_trim(v, &vl);
			if (!(tmp = strndup(vt, vl)))
				return oom(b);
			if ((rc = format_number(b, &out, tmp, cs->style))) {
				free(tmp);
				jx_buf_release(&out);
				return rc == JX_ENOMEM ? oom(b) : rc;
			}
			raw = out.ptr ? out.ptr : "";
			rawlen = out.len;
		}
	}
	const char *text = jx_grid_cell_text(b->pkg->arena, raw, rawlen);
	free(tmp);
	jx_buf_release(&out);
	if (!text)
		return oom(b);
	if (!*text)
		return 0;
	/* An indent given by the cell's format becomes the leading ideographic spaces a text export would show,
	 * which is how the recognisers read levels. */
	unsigned ind = cs->style < b->nxf ? b->xf_indent[cs->style] : 0;
	bool textual = strcmp(t, "s") == 0 || strcmp(t, "inlineStr") == 0 || strcmp(t, "str") == 0;
	if (ind && textual && strncmp(text, "\u3000", 3) != 0) {
		const char *spaces = "\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000";
		if (!(text = jx_arena_printf(b->pkg->arena, "%.*s%s", (int)(3 * ind), spaces, text)))
			return oom(b);
	}
	return push_cell(b, sd, cs->row, cs->col, text, sh);
}

static int read_sheet_xml(xl_book *b, const xl_sheet *sh, xl_sheetdata *sd)
{
	char *data;
	size_t len;
	int rc = jx_zip_read(b->zip, sh->part, &data, &len);
	if (rc)
		return rc;
	xmlTextReaderPtr rd;
	xr_err er;
	if ((rc = xr_open(b, &rd, &er, data, len, sh->part))) {
		free(data);
		return rc;
	}
	cell_state cs;
	memset(&cs, 0, sizeof cs);
	cs.v_depth = cs.is_depth = cs.t_depth = cs.skip_depth = -1;
	uint32_t cur_row = 0, last_col = 0;
	int data_depth = -1; /* depth of <sheetData> while inside it */
	int ret = 0;
	while (!rc && (ret = xmlTextReaderRead(rd)) == 1) {
		int type = xmlTextReaderNodeType(rd);
		int depth = xmlTextReaderDepth(rd);
		if (type == XML_READER_TYPE_ELEMENT) {
			bool empty = xmlTextReaderIsEmptyElement(rd);
			if (data_depth < 0) {
				if (xr_is(rd, "sheetData") && !empty)
					data_depth = depth;
				else if (xr_is(rd, "mergeCell")) {
					char *ref = xr_attr(rd, "ref");
					rc = push_merge(b, sd, ref, sh);
					xmlFree(ref);
				}
				continue;
			}
			if (depth == data_depth + 1 && xr_is(rd, "row")) {
				char *r = xr_attr(rd, "r");
				uint32_t v;
				if (r && parse_uint(r, XL_MAX_ROW, &v) && v > 0)
					cur_row = v;
				else if (cur_row < XL_MAX_ROW)
					cur_row++;
				else
					rc = jx_error_set(JX_ELIMIT, "%s: 工作表“%s”的行数超过 %u 行的上限", b->file,
							  sh->name, XL_MAX_ROW);
				xmlFree(r);
				last_col = 0;
			} else if (depth == data_depth + 2 && xr_is(rd, "c")) {
				char *r = xr_attr(rd, "r"), *t = xr_attr(rd, "t"), *s = xr_attr(rd, "s");
				uint32_t row, col;
				if (r && parse_ref(r, &row, &col)) {
					cs.row = row;
					cs.col = col;
				} else if (!r && cur_row && last_col < XL_MAX_COL) {
					cs.row = cur_row;
					cs.col = last_col + 1;
				} else {
					rc = jx_error_set(JX_EFORMAT, "%s: 工作表“%s”（%s）第 %d 行的单元格位置“%s”无效",
							  b->file, sh->name, sh->part, xmlTextReaderGetParserLineNumber(rd),
							  r ? r : "");
				}
				last_col = cs.col;
				snprintf(cs.type, sizeof cs.type, "%s", t ? t : "n");
				if (!s || !parse_uint(s, UINT32_MAX - 1, &cs.style))
					cs.style = 0;
				xmlFree(r);
				xmlFree(t);
				xmlFree(s);
				jx_buf_clear(&cs.v);
				jx_buf_clear(&cs.s);
				cs.in_c = !empty;
				cs.v_depth = cs.is_depth = cs.t_depth = cs.skip_depth = -1;
				if (empty && !rc && cs.style) /* <c r="B5" s="2"/>: a styled empty cell */
					rc = note_styled(b, sd, cs.row, cs.col);
			} else if (cs.in_c && !empty) {
				if (xr_is(rd, "v") && depth == data_depth + 3)
					cs.v_depth = depth;
				else if (xr_is(rd, "is") && depth == data_depth + 3)
					cs.is_depth = depth;
				else if (cs.is_depth >= 0 && cs.skip_depth < 0 && xr_is(rd, "rPh"))
					cs.skip_depth = depth;
				else if (cs.is_depth >= 0 && cs.skip_depth < 0 && xr_is(rd, "t"))
					cs.t_depth = depth;
			}
			continue;
		}
		if (type == XML_READER_TYPE_END_ELEMENT) {
			if (data_depth >= 0 && depth == data_depth) {
				data_depth = -1;
			} else if (cs.in_c && depth == data_depth + 2) {
				cs.in_c = false;
				rc = finish_cell(b, sd, &cs, sh, xmlTextReaderGetParserLineNumber(rd));
			} else if (depth == cs.v_depth) {
				cs.v_depth = -1;
			} else if (depth == cs.skip_depth) {
				cs.skip_depth = -1;
			} else if (depth == cs.t_depth) {
				cs.t_depth = -1;
			} else if (depth == cs.is_depth) {
				cs.is_depth = -1;
			}
			continue;
		}
		if (is_text_node(type) && cs.in_c) {
			if (cs.v_depth >= 0)
				rc = xr_text(b, rd, &cs.v, sh->part);
			else if (cs.t_depth >= 0 && cs.skip_depth < 0)
				rc = xr_text(b, rd, &cs.s, sh->part);
		}
	}
	if (!rc && ret < 0)
		rc = xr_fail(b, rd, &er, sh->part);
	jx_buf_release(&cs.v);
	jx_buf_release(&cs.s);
	xmlFreeTextReader(rd);
	free(data);
	return rc;
}

static int cmp_cell(const void *pa, const void *pb)
{
	const xl_cell *a = pa, *b = pb;
	if (a->row != b->row)
		return a->row < b->row ? -1 : 1;
	if (a->col != b->col)
		return a->col < b->col ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

static int cmp_merge(const void *pa, const void *pb)
{
	const xl_merge *a = pa, *b = pb;
	if (a->r1 != b->r1)
		return a->r1 < b->r1 ? -1 : 1;
	return a->c1 < b->c1 ? -1 : a->c1 > b->c1;
}

static int push_line(xl_book *b, const char *s)
{
	if (b->nlines == b->lines_cap) {
		size_t ncap = b->lines_cap ? b->lines_cap * 2 : 64;
		const char **nv = jx_arena_grow(b->pkg->arena, (void *)b->lines, b->lines_cap, ncap, sizeof *nv);
		if (!nv)
			return oom(b);
		b->lines = nv;
		b->lines_cap = ncap;
	}
	b->lines[b->nlines++] = s;
	return 0;
}

enum { MK_VALUE = 0, MK_DROP, MK_BLANK };

/* Turns one sheet's cells and merges into grid rows (see grid.h for how merges appear). */
static int build_sheet(xl_book *b, const xl_sheet *sh, xl_sheetdata *sd)
{
	if (sd->n == 0)
		return 0;
	qsort(sd->cells, sd->n, sizeof *sd->cells, cmp_cell);
	/* duplicates of a position: the last one written wins */
	size_t w = 0;
	for (size_t i = 0; i < sd->n; i++) {
		if (w && sd->cells[w - 1].row == sd->cells[i].row && sd->cells[w - 1].col == sd->cells[i].col)
			sd->cells[w - 1] = sd->cells[i];
		else
			sd->cells[w++] = sd->cells[i];
	}
	sd->n = w;
	if (sd->nm)
		qsort(sd->merges, sd->nm, sizeof *sd->merges, cmp_merge);
	/* the columns in use: those with a value, widened by merges anchored on a value */
	uint32_t minc = XL_MAX_COL, maxc = 1;
	for (size_t i = 0; i < sd->n; i++) {
		if (sd->cells[i].col < minc)
			minc = sd->cells[i].col;
		if (sd->cells[i].col > maxc)
			maxc = sd->cells[i].col;
	}
	for (size_t i = 0; i < sd->nm; i++) {
		const xl_merge *m = &sd->merges[i];
		if (m->c1 >= minc && m->c1 <= maxc && m->c2 > maxc) {
			xl_cell key = {m->r1, m->c1, NULL, 0};
			const xl_cell *hit = NULL;
			size_t lo = 0, hi = sd->n;
			while (lo < hi) {
				size_t mid = lo + (hi - lo) / 2;
				int c = cmp_cell(&sd->cells[mid], &key);
				if (sd->cells[mid].row == key.row && sd->cells[mid].col == key.col) {
					hit = &sd->cells[mid];
					break;
				}
				if (c < 0)
					lo = mid + 1;
				else
					hi = mid;
			}
			if (hit)
				maxc = m->c2;
		}
	}
	size_t width = maxc - minc + 1;
	unsigned char *mark = malloc(width);
	if (!mark)
		return oom(b);
	size_t ci = 0, mi = 0;
	size_t *active = NULL, nact = 0;
	int rc = 0;
	jx_buf line = JX_BUF_INIT;
	while (ci < sd->n && !rc) {
		uint32_t row = sd->cells[ci].row;
		size_t cend = ci;
		while (cend < sd->n && sd->cells[cend].row == row)
			cend++;
		/* merges that reach this row */
		memset(mark, MK_VALUE, width);
		while (mi < sd->nm && sd->merges[mi].r1 <= row) {
			size_t *nv = realloc(active, (nact + 1) * sizeof *nv);
			if (!nv) {
				rc = oom(b);
				break;
			}
			active = nv;
			active[nact++] = mi++;
		}
		if (rc)
			break;
		size_t keep = 0;
		for (size_t k = 0; k < nact; k++) {
			const xl_merge *m = &sd->merges[active[k]];
			if (m->r2 < row)
				continue;
			active[keep++] = active[k];
			uint32_t c1 = m->c1 < minc ? minc : m->c1, c2 = m->c2 > maxc ? maxc : m->c2;
			b->work += (c2 >= c1 ? c2 - c1 : 0) + 1;
			if (b->work > XL_MAX_WORK) {
				rc = jx_error_set(JX_ELIMIT, "%s: 工作表“%s”的合并单元格过多或相互重叠，超出处理上限", b->file,
						  sh->name);
				break;
			}
			/* an anchor left of the columns in use holds no value: the merge shows at its first visible column */
			uint32_t anchor = c1;
			for (uint32_t c = c1; c <= c2; c++) {
				if (c == anchor)
					mark[c - minc] = row == m->r1 ? mark[c - minc] : MK_BLANK;
				else
					mark[c - minc] = MK_DROP;
			}
		}
		nact = keep;
		if (rc)
			break;
		/* does the row show anything? (a row holding only the lower parts of merges does not) */
		bool any = false;
		for (size_t k = ci; k < cend && !any; k++)
			any = mark[sd->cells[k].col - minc] == MK_VALUE;
		if (!any) {
			ci = cend;
			continue;
		}
		size_t n = 0;
		for (size_t c = 0; c < width; c++)
			n += mark[c] != MK_DROP;
		/* One value alone on its row, in the first column (or across the row), and no merge coming down into
		 * it: free text, as a paragraph outside a table is in Word (titles, notes, prose pasted in column A).
		 * A merge starting on the row elsewhere is an empty box of a table (a label with its blank value). */
		size_t shown = 0;
		bool blank_below = false, first_col = false, empty_box = false;
		for (size_t c = 0; c < width; c++)
			blank_below |= mark[c] == MK_BLANK;
		for (size_t k = ci; k < cend; k++)
			if (mark[sd->cells[k].col - minc] == MK_VALUE) {
				shown++;
				first_col = sd->cells[k].col == minc;
			}
		if (shown == 1 && first_col && !blank_below) {
			b->work += nact;
			for (size_t k = 0; k < nact; k++) {
				const xl_merge *m = &sd->merges[active[k]];
				empty_box |= m->r1 == row && (m->c1 < minc ? minc : m->c1) != minc;
			}
		}
		/* Styled empty cells beside the value make it a table row, unless the value is merged across them
		 * (a title over the table). */
		bool styled = false;
		if (shown == 1 && first_col && !blank_below && !empty_box && row_styled(sd, row)) {
			styled = true;
			for (size_t k = 0; k < nact; k++) {
				const xl_merge *m = &sd->merges[active[k]];
				if (m->r1 == row && m->c1 <= minc && m->c2 > minc)
					styled = false;
			}
		}
		bool para = shown == 1 && first_col && !blank_below && !empty_box && !styled;
		if (para)
			n = 1;
		if (b->grid_cells + n > XL_MAX_GRID_CELLS) {
			rc = jx_error_set(JX_ELIMIT, "%s: 工作簿的单元格（含空白）超过 %zu 个的上限", b->file,
					  XL_MAX_GRID_CELLS);
			break;
		}
		b->grid_cells += n;
		jx_grid_row *gr = jx_vec_push(b->pkg->arena, &b->g->rows);
		jx_cell *cells = n ? jx_arena_calloc(b->pkg->arena, n, sizeof *cells) : NULL;
		if (!gr || (n && !cells)) {
			rc = oom(b);
			break;
		}
		uint32_t lineno = (uint32_t)b->nlines + 1;
		gr->cells = cells;
		gr->n = n;
		gr->paragraph = para;
		gr->src = (jx_src){b->g->file, sh->index, lineno, 1, 0};
		jx_buf_clear(&line);
		size_t k = ci, out = 0;
		for (uint32_t c = minc; c <= maxc && !rc; c++) {
			while (k < cend && sd->cells[k].col < c)
				k++;
			unsigned char mk = mark[c - minc];
			if (mk == MK_DROP || out == n)
				continue;
			const char *text = mk == MK_VALUE && k < cend && sd->cells[k].col == c ? sd->cells[k].text : "";
			if (out && jx_buf_putc(&line, '\t'))
				rc = oom(b);
			size_t at = line.len;
			cells[out].text = text;
			cells[out].src = (jx_src){b->g->file, sh->index, lineno, (uint32_t)at + 1, (uint32_t)strlen(text)};
			out++;
			for (const char *p = text; *p && !rc; p++)
				if (jx_buf_putc(&line, *p == '\n' ? ' ' : *p))
					rc = oom(b);
		}
		if (rc)
			break;
		char *ls = jx_arena_strndup(b->pkg->arena, line.ptr ? line.ptr : "", line.len);
		if (!ls) {
			rc = oom(b);
			break;
		}
		rc = push_line(b, ls);
		ci = cend;
	}
	jx_buf_release(&line);
	free(active);
	free(mark);
	return rc;
}

/* ---------------------------------------------------------------------------------------------------------- */

int jx_grid_read_xlsx(jx_grid *g, jx_pkg *pkg, const char *data, size_t len, const char *file)
{
	int start_rc = jx_grid_start(g, pkg, file, JX_LAYOUT_CELLS);
	if (start_rc)
		return start_rc;
	file = g->file;
	xl_book b;
	memset(&b, 0, sizeof b);
	b.g = g;
	b.pkg = pkg;
	b.file = g->file;
	int rc = jx_zip_open(&b.zip, data, len, file);
	if (rc)
		return rc;
	xl_sheet *sheets = NULL;
	size_t nsheets = 0;
	char *sst_part = NULL, *styles_part = NULL;
	rc = read_workbook(&b, &sheets, &nsheets, &sst_part, &styles_part);
	if (!rc && !sst_part && jx_zip_has(b.zip, "xl/sharedStrings.xml"))
		rc = (sst_part = strdup("xl/sharedStrings.xml")) ? 0 : oom(&b);
	if (!rc && sst_part && jx_zip_has(b.zip, sst_part))
		rc = read_sst(&b, sst_part);
	if (!rc && styles_part && jx_zip_has(b.zip, styles_part))
		rc = read_styles(&b, styles_part);
	for (size_t i = 0; i < nsheets && !rc; i++) {
		if (!jx_zip_has(b.zip, sheets[i].part)) {
			rc = jx_error_set(JX_EFORMAT, "%s: 工作表“%s”的内容“%s”不在压缩包中", b.file, sheets[i].name,
					  sheets[i].part);
			break;
		}
		xl_sheetdata sd;
		memset(&sd, 0, sizeof sd);
		rc = read_sheet_xml(&b, &sheets[i], &sd);
		if (!rc) {
			sort_styled(&sd);
			rc = build_sheet(&b, &sheets[i], &sd);
		}
		free(sd.cells);
		free(sd.merges);
		free(sd.styled);
	}
	if (!rc && g->rows.n == 0)
		rc = jx_error_set(JX_EFORMAT, "%s: 工作簿中没有任何有内容的单元格", b.file);
	free_sheets(sheets, nsheets);
	free(sst_part);
	free(styles_part);
	for (size_t i = 0; i < b.nfmts; i++)
		free(b.fmts[i].code);
	free(b.fmts);
	free(b.xf_fmt);
	free(b.xf_indent);
	jx_zip_close(b.zip);
	if (rc)
		return rc;
	g->lines = b.lines;
	g->nlines = b.nlines;
	return jx_grid_add_source(pkg, g, data, len, "xlsx", "UTF-8");
}
