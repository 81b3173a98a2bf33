/* pdf_targets.c: recognises project target tables (实施期 | 年度 halves) and the overall target table in PDF text,
 * and in true cells (JX_LAYOUT_CELLS) read as the printed lines they come from. */
#include "recognise/recognise.h"

#include <stdlib.h>
#include <string.h>

#include "recognise/vocab.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/utf8.h"

/* One non-empty text line of the grid (a row), trimmed. */
typedef struct tline {
	const char *s;
	size_t len;
	size_t row;
	jx_src src;
	bool skip; /* page header / footer */
} tline;

typedef struct tdoc {
	jx_rec_ctx *ctx;
	jx_pkg *pkg;
	tline *l;
	size_t n;
	bool cells; /* lines are rows of true cells (JX_LAYOUT_CELLS) */
} tdoc;

/* ---------- small string helpers ---------- */

static bool has_prefix(const char *s, size_t len, const char *lit)
{
	size_t k = strlen(lit);
	return len >= k && memcmp(s, lit, k) == 0;
}

static const char *find_in(const char *s, size_t len, const char *lit)
{
	size_t k = strlen(lit);
	if (k == 0 || len < k)
		return NULL;
	for (size_t i = 0; i + k <= len; i++)
		if (memcmp(s + i, lit, k) == 0)
			return s + i;
	return NULL;
}

static size_t cp_at(const char *s, size_t len, size_t i, uint32_t *cp)
{
	if (i >= len) {
		*cp = 0;
		return 0;
	}
	return jx_utf8_decode(s + i, len - i, cp);
}

static size_t cp_count(const char *s, size_t len)
{
	size_t n = 0, i = 0;
	while (i < len) {
		uint32_t c;
		i += jx_utf8_decode(s + i, len - i, &c);
		n++;
	}
	return n;
}

static bool is_han(uint32_t c)
{
	return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF);
}

static bool is_digit(uint32_t c)
{
	return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19);
}

static bool is_comparator(uint32_t c)
{
	return c == 0x2265 || c == 0x2264 || c == 0x2267 || c == 0x2266 || c == '>' || c == '<' || c == '=' ||
	       c == 0xFF1E || c == 0xFF1C || c == 0xFF1D;
}

/* Squeezed, full-width-folded copy of lines [a, b) with a map from each byte to its line index. */
typedef struct sqz {
	char *s;
	size_t len;
	size_t *li; /* per byte: index into doc lines */
} sqz;

static void sqz_free(sqz *q)
{
	free(q->s);
	free(q->li);
	q->s = NULL;
	q->li = NULL;
}

static int sqz_build(sqz *q, const tdoc *d, size_t a, size_t b)
{
	size_t cap = 1;
	for (size_t i = a; i < b; i++)
		cap += d->l[i].len;
	q->s = malloc(cap);
	q->li = malloc(cap * sizeof *q->li);
	q->len = 0;
	if (!q->s || !q->li) {
		sqz_free(q);
		return JX_ENOMEM;
	}
	for (size_t i = a; i < b; i++) {
		if (d->l[i].skip)
			continue;
		const char *s = d->l[i].s;
		size_t len = d->l[i].len, p = 0;
		while (p < len) {
			uint32_t c;
			size_t k = jx_utf8_decode(s + p, len - p, &c);
			p += k;
			if (jx_utf8_is_space(c))
				continue;
			c = jx_utf8_fold(c);
			char enc[4];
			size_t e = jx_utf8_encode(c, enc);
			if (q->len + e >= cap)
				break;
			for (size_t j = 0; j < e; j++) {
				q->s[q->len] = enc[j];
				q->li[q->len++] = i;
			}
		}
	}
	q->s[q->len] = '\0';
	return 0;
}

static jx_src line_src(const tdoc *d, size_t i)
{
	jx_src s = d->l[i].src;
	s.col = 0;
	s.len = 0;
	return s;
}

static void claim(tdoc *d, size_t a, size_t b)
{
	for (size_t i = a; i < b && i < d->n; i++)
		d->ctx->claimed[d->l[i].row] = 1;
}

/* ---------- page headers and footers ---------- */

static bool is_page_number(const char *s, size_t len)
{
	/* "-28-", "— 28 —", "第28页": a bare number is a table cell, not a page number */
	size_t i = 0, digits = 0, marks = 0;
	uint32_t c, first = 0, last = 0;
	while (i < len) {
		size_t k = cp_at(s, len, i, &c);
		if (i == 0)
			first = c;
		last = c;
		if (is_digit(c))
			digits++;
		else if (c == '-' || c == 0x2014 || c == 0x2013 || c == 0x7B2C || c == 0x9875)
			marks++;
		else if (c != ' ')
			return false;
		i += k;
	}
	return digits > 0 && digits <= 4 && marks >= 2 && !is_digit(first) && !is_digit(last);
}

static bool same_text(const tline *a, const tline *b)
{
	return a->len == b->len && memcmp(a->s, b->s, a->len) == 0;
}

typedef enum { T_NONE, T_PROJECT, T_OVERALL } ttype;
static ttype title_type(const tline *t);

/* Whether the last non-blank source line before line `line` is a page number ("-28-"); the reader may or may
 * not have kept such lines as rows, so the raw lines are looked at. */
static bool after_page_number(const jx_grid *g, uint32_t line)
{
	for (uint32_t k = 1; k <= 5 && k < line; k++) {
		const char *s = jx_grid_line(g, line - k);
		if (!s)
			return false;
		size_t len = strlen(s);
		s = jx_utf8_trim(s, &len);
		if (len == 0)
			continue;
		return is_page_number(s, len);
	}
	return false;
}

/* A running header is a line that starts a page (after a page number, or where the page changes) at least
 * twice, or once and is repeated elsewhere; it is skipped wherever it occurs. Detected by repetition, never by
 * its words. Table titles are never headers. */
static void mark_headers(tdoc *d, const jx_grid *g)
{
	for (size_t i = 0; i < d->n; i++)
		if (is_page_number(d->l[i].s, d->l[i].len))
			d->l[i].skip = true;
	size_t distinct = 0;
	for (size_t i = 0; i < d->n && distinct < 256; i++) {
		tline *t = &d->l[i];
		if (t->skip || t->len < 9 || title_type(t) != T_NONE)
			continue;
		bool after_no = after_page_number(g, t->src.line);
		bool page_start = i > 0 && t->src.page && t->src.page != d->l[i - 1].src.page;
		if (!after_no && !page_start)
			continue;
		distinct++;
		size_t reps = 0, starts = 0;
		for (size_t j = 0; j < d->n; j++) {
			if (j == i || !same_text(t, &d->l[j]))
				continue;
			reps++;
			if (j > 0 && d->l[j].src.page && d->l[j].src.page != d->l[j - 1].src.page)
				starts++;
			else if (after_page_number(g, d->l[j].src.line))
				starts++;
		}
		if (!(after_no ? reps >= 1 : starts >= 1))
			continue;
		for (size_t j = 0; j < d->n; j++)
			if (same_text(t, &d->l[j]))
				d->l[j].skip = true;
	}
}

/* ---------- values and level names ---------- */

static const char *const qual_words[] = {
	"有所改善", "有所提高", "得到提高", "明显提高", "有效提高", "显著提高", "稳步提升", "有所提升", "日渐浓厚",
	"有序推进", "明显改善", "逐步改善", "有所减轻", "有所增强", "无违规", "提高", "提升", "改善", "减轻",
	"降低", "减少", "保障", "巩固", "增强", "完美", "有效", "合规", "规范", "良好", "达标", "合格", NULL,
};

static bool is_qual(const char *s, size_t len)
{
	for (int i = 0; qual_words[i]; i++)
		if (strlen(qual_words[i]) == len && memcmp(s, qual_words[i], len) == 0)
			return true;
	return false;
}

/* Length of the qualitative word ending s[0..len), leaving at least two code points of name; 0 if none. */
static size_t qual_suffix(const char *s, size_t len)
{
	size_t best = 0;
	for (int i = 0; qual_words[i]; i++) {
		size_t k = strlen(qual_words[i]);
		if (k > best && k < len && memcmp(s + len - k, qual_words[i], k) == 0 && cp_count(s, len - k) >= 2)
			best = k;
	}
	return best;
}

/* A whole token that is a date or period ("每月", "全年"). */
static bool is_time_word(const char *s, size_t len)
{
	jx_value v;
	if (jx_value_parse(&v, s, len, NULL) != 0)
		return false;
	return v.kind == JX_KIND_PERIOD || v.kind == JX_KIND_DATE;
}

static bool is_unit_start(uint32_t c)
{
	static const char units[] = "人户种元年月日个次项天平万名家所台辆套分期批场座间亩米份本张部周";
	if (c == '%' || c == 0xFF05 || c == '/')
		return true;
	size_t i = 0, len = sizeof units - 1;
	while (i < len) {
		uint32_t u;
		i += jx_utf8_decode(units + i, len - i, &u);
		if (u == c)
			return true;
	}
	return false;
}

/* Whether s[0..len) starts like a numeric value: a number (or range) then the end, '%' or a unit. */
static bool numeric_value_at(const char *s, size_t len)
{
	size_t i = 0;
	uint32_t c;
	int parts = 0;
	for (;;) {
		size_t digits = 0;
		while (i < len) {
			size_t k = cp_at(s, len, i, &c);
			if (is_digit(c) || ((c == ',' || c == '.') && digits > 0))
				digits++;
			else
				break;
			i += k;
		}
		if (digits == 0)
			return false;
		parts++;
		if (i >= len)
			return true;
		size_t k = cp_at(s, len, i, &c);
		if ((c == '-' || c == 0x81F3 /* 至 */ || c == '~') && parts < 2) {
			uint32_t c2;
			cp_at(s, len, i + k, &c2);
			if (is_digit(c2)) {
				i += k;
				continue;
			}
		}
		return is_unit_start(c) || jx_utf8_is_space(c);
	}
}

/* Where a value starts inside a token, or -1. */
static long value_start(const char *s, size_t len)
{
	uint32_t c, prev = 0;
	size_t i = 0;
	while (i < len) {
		size_t k = cp_at(s, len, i, &c);
		if (is_comparator(c))
			return (long)i;
		if (i == 0 && is_digit(c) && numeric_value_at(s, len))
			return 0;
		if (i > 0 && is_digit(c) && is_han(prev) && numeric_value_at(s + i, len - i))
			return (long)i;
		if (has_prefix(s + i, len - i, "平均每")) {
			/* "平均每户1800元" */
			size_t j = i + strlen("平均每");
			uint32_t u;
			j += cp_at(s, len, j, &u);
			cp_at(s, len, j, &u);
			if (is_digit(u))
				return (long)i;
		}
		prev = c;
		i += k;
	}
	return -1;
}

/* A level-2 marker at s: its byte length (0 if none), accepting a truncated "…满意度指" and rejecting a short
 * form that runs on into a name. */
static size_t l2_marker(const char *s, size_t len, jx_level2 *l2, bool *approx)
{
	size_t n = jx_vocab_prefix_level2(s, len, l2, approx);
	if (n == 0)
		return 0;
	uint32_t last = 0, next = 0;
	size_t i = 0;
	while (i < n) {
		size_t k = cp_at(s, n, i, &last);
		i += k;
	}
	size_t k = cp_at(s, len, n, &next);
	if (last == 0x6807 /* 标 */)
		return n;
	if (next == 0x6307 /* 指 */) {
		uint32_t nn;
		cp_at(s, len, n + k, &nn);
		if (nn == 0x6807)
			return n + k + 3;
		return n + k;
	}
	if (n >= len || jx_utf8_is_space(next))
		return n;
	return 0;
}

/* First characters of the level-2 names, so a value is not searched for a name at every character. */
static bool l2_first(uint32_t c)
{
	static const char firsts[] = "社可生经数质时成服";
	size_t i = 0, len = sizeof firsts - 1;
	while (i < len) {
		uint32_t u;
		i += jx_utf8_decode(firsts + i, len - i, &u);
		if (u == c)
			return true;
	}
	return false;
}

static size_t l1_marker(const char *s, size_t len, jx_level1 *l1, bool *approx)
{
	size_t n = jx_vocab_prefix_level1(s, len, l1, approx);
	if (n == 0)
		return 0;
	uint32_t next = 0, last = 0;
	size_t i = 0;
	while (i < n)
		i += cp_at(s, n, i, &last);
	cp_at(s, len, n, &next);
	if (last == 0x6807 || n >= len || jx_utf8_is_space(next))
		return n;
	return 0;
}

/* ---------- indicator scanner ---------- */

typedef struct iside {
	jx_level2 l2;
	const char *text;
	bool approx;
} iside;

typedef struct iscan {
	tdoc *d;
	jx_indicator_vec *out;
	bool single;
	jx_level1 l1;
	const char *l1text;
	bool l1approx;
	iside side[2];
	int nmarkers;
	int next_side;
	size_t group_start;
	jx_buf name;
	bool has_name;
	int name_lines;
	size_t name_li, last_li;
	bool ocr;
	int err;
} iscan;

static const char *dup(tdoc *d, const char *s, size_t n)
{
	const char *r = jx_pkg_strndup(d->pkg, s, n);
	return r;
}

static int emit(iscan *sc, const char *name, size_t nlen, const char *val, size_t vlen, size_t li)
{
	int side = sc->single ? 0 : (sc->nmarkers == 2 ? sc->next_side : 0);
	if (!sc->single && sc->nmarkers == 2)
		sc->next_side ^= 1;
	jx_indicator *ind = jx_vec_push(sc->d->pkg->arena, sc->out);
	if (!ind)
		return JX_ENOMEM;
	const iside *sd = &sc->side[side];
	ind->l1 = sc->l1;
	ind->l2 = sd->l2;
	if (ind->l1 == JX_L1_UNKNOWN && sd->l2 != JX_L2_UNKNOWN) {
		ind->l1 = jx_level2_parent(sd->l2);
		ind->repairs |= JX_REPAIR_L1_INFERRED;
	}
	jx_level1 parent = jx_level2_parent(sd->l2);
	if (ind->l1 != JX_L1_UNKNOWN && parent != JX_L1_UNKNOWN && parent != ind->l1 &&
	    !(ind->l1 == JX_L1_COST && sd->l2 == JX_L2_COST)) {
		ind->l1 = parent;
		ind->repairs |= JX_REPAIR_L1_CONFLICT;
	}
	ind->level1 = ind->l1 ? jx_level1_name(ind->l1) : sc->l1text;
	ind->level2 = sd->l2 ? jx_level2_name(sd->l2) : sd->text;
	ind->level1_text = sc->l1text;
	ind->level2_text = sd->text;
	if (sc->l1approx)
		ind->repairs |= JX_REPAIR_L1_OCR;
	if (sd->approx)
		ind->repairs |= JX_REPAIR_L2_OCR;
	if (sc->name_lines > 1)
		ind->repairs |= JX_REPAIR_NAME_JOINED;
	ind->name = nlen ? dup(sc->d, name, nlen) : NULL;
	ind->scope = sc->single ? JX_SCOPE_YEAR : (side == 0 ? JX_SCOPE_PERIOD : JX_SCOPE_YEAR);
	ind->src = line_src(sc->d, sc->has_name ? sc->name_li : li);
	if ((nlen && !ind->name))
		return JX_ENOMEM;
	int rc = jx_value_parse(&ind->value, val ? val : "", val ? vlen : 0, sc->d->pkg->arena);
	if (rc == JX_ENOMEM)
		return rc;
	jx_buf_clear(&sc->name);
	sc->has_name = false;
	sc->name_lines = 0;
	return 0;
}

/* Closes a pending name that got no value: the other half shows where the name ends, or a qualitative word
 * ends it ("提高残疾人健康水平提高"). */
static int close_pending(iscan *sc, size_t li)
{
	if (!sc->has_name)
		return 0;
	const char *nm = jx_buf_cstr(&sc->name);
	size_t nlen = sc->name.len;
	int side = sc->single ? 0 : (sc->nmarkers == 2 ? sc->next_side : 0);
	for (size_t i = sc->group_start; i < sc->out->n; i++) {
		const jx_indicator *o = &sc->out->v[i];
		int oside = o->scope == JX_SCOPE_PERIOD ? 0 : 1;
		if (sc->single || oside == side || !o->name || !o->value.text)
			continue;
		size_t on = strlen(o->name), ov = strlen(o->value.text);
		if (on < nlen && memcmp(nm, o->name, on) == 0 && nlen - on == ov && memcmp(nm + on, o->value.text, ov) == 0) {
			char *copy = jx_arena_strndup(sc->d->pkg->arena, nm, nlen);
			if (!copy)
				return JX_ENOMEM;
			return emit(sc, copy, on, copy + on, nlen - on, li);
		}
	}
	size_t q = qual_suffix(nm, nlen);
	char *copy = jx_arena_strndup(sc->d->pkg->arena, nm, nlen);
	if (!copy)
		return JX_ENOMEM;
	if (q)
		return emit(sc, copy, nlen - q, copy + nlen - q, q, li);
	return emit(sc, copy, nlen, NULL, 0, li);
}

static int add_name(iscan *sc, const char *s, size_t n, size_t li)
{
	if (n == 0)
		return 0;
	if (!sc->has_name) {
		sc->has_name = true;
		sc->name_li = li;
		sc->name_lines = 1;
		sc->last_li = li;
	} else if (li != sc->last_li) {
		sc->name_lines++;
		sc->last_li = li;
	}
	return jx_buf_put(&sc->name, s, n) ? JX_ENOMEM : 0;
}

static int on_l2(iscan *sc, const char *s, size_t n, jx_level2 l2, bool approx, size_t li)
{
	int rc = close_pending(sc, li);
	if (rc)
		return rc;
	const char *text = dup(sc->d, s, n);
	if (!text)
		return JX_ENOMEM;
	if (approx)
		sc->ocr = true;
	if (!sc->single && sc->nmarkers == 1) {
		sc->side[1] = (iside){l2, text, approx};
		sc->nmarkers = 2;
		sc->next_side = 1;
	} else {
		sc->side[0] = (iside){l2, text, approx};
		sc->side[1] = (iside){JX_L2_UNKNOWN, NULL, false};
		sc->nmarkers = 1;
		sc->next_side = 0;
		sc->group_start = sc->out->n;
	}
	return 0;
}

static int scan_line(iscan *sc, size_t li)
{
	const char *s = sc->d->l[li].s;
	size_t len = sc->d->l[li].len, p = 0;
	bool line_start = true;
	while (p < len) {
		uint32_t c;
		size_t k = cp_at(s, len, p, &c);
		if (jx_utf8_is_space(c)) {
			p += k;
			continue;
		}
		jx_level2 l2;
		bool approx;
		size_t m = l2_marker(s + p, len - p, &l2, &approx);
		if (m && line_start && l2 == JX_L2_COST) {
			/* 成本指标 is a level 1 of its own when 经济/社会/生态环境成本指标 follow it */
			size_t r = p + m;
			while (r < len && s[r] == ' ')
				r++;
			jx_level2 nx;
			bool ax;
			if (r < len && l2_marker(s + r, len - r, &nx, &ax) &&
			    (nx == JX_L2_ECON_COST || nx == JX_L2_SOCIAL_COST || nx == JX_L2_ECO_COST))
				m = 0;
		}
		if (m) {
			int rc = on_l2(sc, s + p, m, l2, approx, li);
			if (rc)
				return rc;
			p += m;
			line_start = false;
			continue;
		}
		if (line_start) {
			jx_level1 l1;
			m = l1_marker(s + p, len - p, &l1, &approx);
			/* a short form ("满意度") after a pending name is the name's wrapped end */
			if (m && sc->has_name && !(m >= 3 && memcmp(s + p + m - 3, "标", 3) == 0))
				m = 0;
			if (m) {
				int rc = close_pending(sc, li);
				if (rc)
					return rc;
				sc->l1 = l1;
				sc->l1text = dup(sc->d, s + p, m);
				sc->l1approx = approx;
				if (approx)
					sc->ocr = true;
				sc->nmarkers = 0;
				sc->side[0] = sc->side[1] = (iside){JX_L2_UNKNOWN, NULL, false};
				p += m;
				line_start = false;
				continue;
			}
		}
		line_start = false;
		size_t q = p;
		while (q < len) {
			uint32_t u;
			size_t kk = cp_at(s, len, q, &u);
			if (jx_utf8_is_space(u))
				break;
			q += kk;
		}
		const char *t = s + p;
		size_t tl = q - p;
		long v = value_start(t, tl);
		if (v < 0) {
			bool last_token = true;
			for (size_t r = q; r < len; r++)
				if (!jx_utf8_is_space((unsigned char)s[r]))
					last_token = false;
			if (sc->has_name && (is_qual(t, tl) || is_time_word(t, tl) ||
					     (sc->single && last_token && sc->last_li == li))) {
				const char *nm = dup(sc->d, jx_buf_cstr(&sc->name), sc->name.len);
				if (!nm)
					return JX_ENOMEM;
				int rc = emit(sc, nm, strlen(nm), t, tl, li);
				if (rc)
					return rc;
			} else {
				int rc = add_name(sc, t, tl, li);
				if (rc)
					return rc;
			}
			p = q;
			continue;
		}
		int rc = add_name(sc, t, (size_t)v, li);
		if (rc)
			return rc;
		/* The value runs to the end of the token or to a level-2 name run on after it. */
		size_t vs = (size_t)v, ve = vs;
		uint32_t u;
		ve += cp_at(t, tl, ve, &u);
		while (ve < tl) {
			jx_level2 x;
			bool ax;
			uint32_t fc;
			cp_at(t, tl, ve, &fc);
			if (l2_first(fc) && l2_marker(t + ve, tl - ve, &x, &ax) && !ax)
				break;
			ve += cp_at(t, tl, ve, &u);
		}
		size_t vend = ve;
		/* A lone comparator takes the next token ("≥ 90%"). */
		cp_at(t, tl, vs, &u);
		if (ve - vs <= 3 && ve == tl && is_comparator(u)) {
			size_t r = q;
			while (r < len && s[r] == ' ')
				r++;
			size_t r2 = r;
			while (r2 < len && s[r2] != ' ')
				r2++;
			if (r2 > r) {
				vend = r2 - p;
				q = r2;
				tl = q - p;
			}
		}
		const char *nm = dup(sc->d, jx_buf_cstr(&sc->name), sc->name.len);
		if (!nm)
			return JX_ENOMEM;
		rc = emit(sc, nm, strlen(nm), t + vs, vend - vs, li);
		if (rc)
			return rc;
		p += vend;
	}
	return 0;
}

/* Scans lines [a, b) of an indicator block into `out`. Returns <0 on failure, else whether OCR was corrected. */
static int scan_indicators(tdoc *d, size_t a, size_t b, jx_indicator_vec *out, bool single)
{
	iscan sc;
	memset(&sc, 0, sizeof sc);
	sc.d = d;
	sc.out = out;
	sc.single = single;
	jx_buf_init(&sc.name, 1u << 16);
	int rc = 0;
	bool expect_biao = false;
	for (size_t i = a; i < b && rc == 0; i++) {
		if (d->l[i].skip)
			continue;
		/* A level name cut at 指 continues with a lone 标 on the next line. */
		if (expect_biao && d->l[i].len == 3 && memcmp(d->l[i].s, "标", 3) == 0) {
			expect_biao = false;
			continue;
		}
		/* the vertical label 绩效指标, one character a line, when it is printed inside the block */
		if (d->l[i].len == 3 && (memcmp(d->l[i].s, "绩", 3) == 0 || memcmp(d->l[i].s, "效", 3) == 0 ||
					 (!sc.has_name && (memcmp(d->l[i].s, "指", 3) == 0 ||
							   memcmp(d->l[i].s, "标", 3) == 0))))
			continue;
		rc = scan_line(&sc, i);
		const char *s = d->l[i].s;
		size_t len = d->l[i].len;
		expect_biao = len >= 3 && memcmp(s + len - 3, "指", 3) == 0;
	}
	if (rc == 0)
		rc = close_pending(&sc, b > a ? b - 1 : a);
	jx_buf_release(&sc.name);
	if (rc)
		return rc;
	return sc.ocr ? 1 : 0;
}

/* ---------- document numbers ---------- */

static bool is_open_br(uint32_t c)
{
	return c == '[' || c == 0x3010 || c == 0x3014 || c == '(' || c == 0xFF08 || c == 0xFF3B;
}

static bool is_close_br(uint32_t c)
{
	return c == ']' || c == 0x3011 || c == 0x3015 || c == ')' || c == 0xFF09 || c == 0xFF3D;
}

/* Finds a document number such as "某市财社【2024】12号" in s: Han prefix, bracketed year, number, 号. */
static const char *find_doc_no(tdoc *d, const char *s, size_t len)
{
	size_t i = 0;
	while (i < len) {
		uint32_t c;
		size_t k = cp_at(s, len, i, &c);
		if (is_open_br(c) && i > 0) {
			size_t j = i + k, digits = 0;
			uint32_t u;
			while (j < len && (cp_at(s, len, j, &u), is_digit(u)) && digits < 4) {
				j += cp_at(s, len, j, &u);
				digits++;
			}
			size_t kk = cp_at(s, len, j, &u);
			if (digits == 4 && is_close_br(u)) {
				j += kk;
				size_t nd = 0;
				while (j < len && (cp_at(s, len, j, &u), is_digit(u))) {
					j += cp_at(s, len, j, &u);
					nd++;
				}
				if (nd > 0 && has_prefix(s + j, len - j, "号")) {
					j += 3;
					/* back over up to six Han characters of the issuer's abbreviation */
					size_t st = i, nh = 0;
					while (st > 0 && nh < 6) {
						size_t b = st - 1;
						while (b > 0 && ((unsigned char)s[b] & 0xC0) == 0x80)
							b--;
						uint32_t h;
						jx_utf8_decode(s + b, st - b, &h);
						if (!is_han(h))
							break;
						st = b;
						nh++;
					}
					if (nh > 0) {
						static const char *const lead[] = {"根据", "按照", "依据", "依照", NULL};
						for (int x = 0; lead[x]; x++)
							if (has_prefix(s + st, i - st, lead[x]) && i - st > strlen(lead[x]))
								st += strlen(lead[x]);
						return dup(d, s + st, j - st);
					}
				}
			}
		}
		i += k;
	}
	return NULL;
}

/* ---------- project tables ---------- */

enum { F_OVERVIEW, F_BASIS, F_NECESSITY, F_MEASURES, F_PLAN, F_USAGE, F_N };
static const char *const field_labels[F_N] = {
	"项目概况", "立项依据", "项目设立必要性", "保证项目实施的制度、措施", "项目实施计划", "资金用途",
};

static int field_at(const char *s, size_t len)
{
	for (int f = 0; f < F_N; f++)
		if (has_prefix(s, len, field_labels[f]))
			return f;
	return -1;
}

/* Text after a label on its line, trimmed. */
static const char *after(const char *s, size_t len, const char *label, size_t *outlen)
{
	size_t k = strlen(label);
	if (len < k || memcmp(s, label, k) != 0) {
		*outlen = 0;
		return s + len;
	}
	const char *r = s + k;
	size_t n = len - k;
	while (n > 0) {
		uint32_t c;
		size_t kk = jx_utf8_decode(r, n, &c);
		if (!(jx_utf8_is_space(c) || c == ':' || c == 0xFF1A))
			break;
		r += kk;
		n -= kk;
	}
	r = jx_utf8_trim(r, &n);
	*outlen = n;
	return r;
}

static size_t find_line(const tdoc *d, size_t a, size_t b, const char *prefix)
{
	for (size_t i = a; i < b; i++)
		if (!d->l[i].skip && has_prefix(d->l[i].s, d->l[i].len, prefix))
			return i;
	return b;
}

static size_t find_line_containing(const tdoc *d, size_t a, size_t b, const char *lit, const char *lit2)
{
	for (size_t i = a; i < b; i++)
		if (!d->l[i].skip && find_in(d->l[i].s, d->l[i].len, lit) &&
		    (!lit2 || find_in(d->l[i].s, d->l[i].len, lit2)))
			return i;
	return b;
}

static size_t next_cp(const char *s, size_t len, size_t i)
{
	uint32_t c;
	return i + cp_at(s, len, i, &c);
}

/* Funding labels as they appear squeezed and folded. */
static const struct {
	const char *label;
	const char *source; /* NULL: a total */
} fund_labels[] = {
	{"实施期资金总额", NULL}, {"年度资金总额", NULL}, {"中央财政资金", "中央财政资金"},
	{"省级财政资金", "省级财政资金"}, {"市县(区)财政资金", "市县财政资金"}, {"市级财政资金", "市级财政资金"},
	{"县级财政资金", "县级财政资金"}, {"单位自筹", "单位自筹"}, {"其他资金", "其他资金"},
	{"财政资金", "财政资金"}, {"财政拨款", "财政资金"},
};
#define NFUND (sizeof fund_labels / sizeof *fund_labels)

/* Matches a label at q->s[p]: exactly, or with one character substituted (OCR) for labels of four or more. */
static size_t fund_label_at(const sqz *q, size_t p, size_t *which, bool *approx)
{
	*approx = false;
	for (size_t i = 0; i < NFUND; i++) {
		size_t k = strlen(fund_labels[i].label);
		if (q->len - p >= k && memcmp(q->s + p, fund_labels[i].label, k) == 0) {
			*which = i;
			return k;
		}
	}
	for (size_t i = 0; i < NFUND; i++) {
		const char *lab = fund_labels[i].label;
		size_t k = strlen(lab), ncp = cp_count(lab, k);
		if (ncp < 4)
			continue;
		size_t e = p;
		for (size_t c = 0; c < ncp && e < q->len; c++)
			e = next_cp(q->s, q->len, e);
		if (cp_count(q->s + p, e - p) != ncp)
			continue;
		if (jx_vocab_distance(q->s + p, e - p, lab, k) == 1) {
			/* the first and last characters must agree, so a label is not matched across cells */
			uint32_t a, b;
			jx_utf8_decode(q->s + p, e - p, &a);
			jx_utf8_decode(lab, k, &b);
			if (a != b)
				continue;
			*which = i;
			*approx = true;
			return e - p;
		}
	}
	return 0;
}

static int parse_funding(tdoc *d, jx_project *pj, size_t a, size_t b, jx_money_unit unit)
{
	sqz q;
	int rc = sqz_build(&q, d, a, b);
	if (rc)
		return rc;
	int seen[NFUND] = {0};
	size_t p = 0;

	while (p < q.len && rc == 0) {
		size_t which;
		bool approx;
		size_t k = fund_label_at(&q, p, &which, &approx);
		if (!k) {
			p = next_cp(q.s, q.len, p);
			continue;
		}
		size_t lab_li = q.li[p];
		p += k;
		while (p < q.len && q.s[p] == ':')
			p++;
		size_t ns = p;
		while (p < q.len && ((q.s[p] >= '0' && q.s[p] <= '9') || q.s[p] == ',' || q.s[p] == '.'))
			p++;
		jx_amount amt;
		memset(&amt, 0, sizeof amt);
		jx_src src = line_src(d, p > ns ? q.li[ns] : lab_li);
		if (p > ns) {
			rc = jx_amount_parse(d->pkg, &amt, q.s + ns, p - ns, unit, src);
			if (rc == JX_ENOMEM)
				break;
			rc = 0;
		} else {
			amt.src = src;
			amt.unit = unit;
		}
		int occ = seen[which]++;
		if (!fund_labels[which].source) {
			if (which == 0)
				pj->amount_total = amt;
			else
				pj->amount = amt;
			continue;
		}
		jx_funding *f = NULL;
		for (size_t i = 0; i < pj->funding.n; i++)
			if (strcmp(pj->funding.v[i].source, fund_labels[which].source) == 0)
				f = &pj->funding.v[i];
		if (!f || occ == 0) {
			f = jx_vec_push(d->pkg->arena, &pj->funding);
			if (!f) {
				rc = JX_ENOMEM;
				break;
			}
			f->source = fund_labels[which].source;
			f->src = line_src(d, lab_li);
			f->total = amt;
		} else {
			f->year = amt;
		}
	}
	sqz_free(&q);
	return rc;
}

/* Joins lines [a, b) (trimmed, without separators), skipping headers and lone vertical label characters. */
static int join_lines(tdoc *d, size_t a, size_t b, jx_buf *out)
{
	for (size_t i = a; i < b; i++) {
		if (d->l[i].skip)
			continue;
		const char *s = d->l[i].s;
		size_t len = d->l[i].len;
		if (len == 3 && (has_prefix(s, len, "绩") || has_prefix(s, len, "效") || has_prefix(s, len, "指") ||
				 has_prefix(s, len, "标")))
			continue;
		if (jx_buf_put(out, s, len))
			return JX_ENOMEM;
	}
	return 0;
}

static int set_text(tdoc *d, jx_text *t, jx_buf *b, jx_src src)
{
	size_t n = b->len;
	const char *s = jx_utf8_trim(jx_buf_cstr(b), &n);
	if (n == 0)
		return 0;
	t->s = dup(d, s, n);
	t->src = src;
	return t->s ? 0 : JX_ENOMEM;
}

/* True cells: the first row of goal text holds the 实施期 goal and the 年度 goal in cells of their own. Returns 1
 * when it found them, 0 to fall back to the text path, or a negative error. */
static int parse_goal_cells(tdoc *d, jx_project *pj, size_t a, size_t b)
{
	for (size_t i = a; i < b; i++) {
		if (d->l[i].skip)
			continue;
		const jx_grid_row *r = &d->ctx->g->rows.v[d->l[i].row];
		const jx_cell *got[2] = {NULL, NULL};
		size_t n = 0;
		for (size_t c = 0; c < r->n; c++) {
			const char *t = r->cells[c].text;
			if (!t || !t[0] || strcmp(t, "总体目标") == 0)
				continue;
			if (n < 2)
				got[n] = &r->cells[c];
			n++;
		}
		if (n != 2)
			return 0;
		pj->goal_total.s = jx_pkg_strdup(d->pkg, got[0]->text);
		pj->goal_total.src = got[0]->src;
		pj->goal_year.s = jx_pkg_strdup(d->pkg, got[1]->text);
		pj->goal_year.src = got[1]->src;
		return pj->goal_total.s && pj->goal_year.s ? 1 : JX_ENOMEM;
	}
	return 0;
}

/* Splits the two goal texts printed one after the other: the second starts with the first's opening words. */
static int parse_goals(tdoc *d, jx_project *pj, size_t a, size_t b)
{
	if (d->cells) {
		int grc = parse_goal_cells(d, pj, a, b);
		if (grc)
			return grc < 0 ? grc : 0;
	}
	jx_buf buf = JX_BUF_INIT;
	int rc = 0;
	size_t first = b;
	for (size_t i = a; i < b && rc == 0; i++) {
		if (d->l[i].skip)
			continue;
		const char *s = d->l[i].s;
		size_t len = d->l[i].len;
		if (has_prefix(s, len, "总体目标")) {
			size_t n;
			s = after(s, len, "总体目标", &n);
			len = n;
			if (!len)
				continue;
		}
		if (len == 3 && (has_prefix(s, len, "绩") || has_prefix(s, len, "效") || has_prefix(s, len, "指") ||
				 has_prefix(s, len, "标")))
			continue;
		if (first == b)
			first = i;
		if (jx_buf_put(&buf, s, len))
			rc = JX_ENOMEM;
	}
	if (rc || buf.len == 0) {
		jx_buf_release(&buf);
		return rc;
	}
	const char *s = jx_buf_cstr(&buf);
	size_t len = buf.len;
	/* opening words: the first ten code points */
	size_t pl = 0;
	for (int c = 0; c < 10 && pl < len; c++)
		pl = next_cp(s, len, pl);
	size_t best = 0;
	long bestd = -1;
	for (size_t i = pl; i + pl <= len; i++) {
		if (memcmp(s + i, s, pl) == 0) {
			long dist = labs((long)i - (long)(len / 2));
			if (bestd < 0 || dist < bestd) {
				bestd = dist;
				best = i;
			}
		}
	}
	jx_src src = line_src(d, first);
	if (best) {
		pj->goal_total.s = dup(d, s, best);
		pj->goal_total.src = src;
		pj->goal_year.s = dup(d, s + best, len - best);
		pj->goal_year.src = src;
		if (!pj->goal_total.s || !pj->goal_year.s)
			rc = JX_ENOMEM;
	} else {
		pj->goal_total.s = dup(d, s, len);
		pj->goal_total.src = src;
		if (!pj->goal_total.s)
			rc = JX_ENOMEM;
		else
			rc = jx_pkg_note(d->pkg, JX_NOTE_WARNING, "import.goal-unsplit", pj->name, src,
					 "实施期目标与年度目标无法分开，已全部作为实施期目标");
	}
	jx_buf_release(&buf);
	return rc;
}

static int parse_fields(tdoc *d, jx_project *pj, size_t a, size_t b)
{
	jx_buf bufs[F_N];
	jx_src srcs[F_N];
	memset(srcs, 0, sizeof srcs);
	for (int f = 0; f < F_N; f++)
		jx_buf_init(&bufs[f], 1u << 20);
	int cur = -1, rc = 0;
	for (size_t i = a; i < b && rc == 0; i++) {
		if (d->l[i].skip)
			continue;
		const char *s = d->l[i].s;
		size_t len = d->l[i].len;
		int f = field_at(s, len);
		if (f >= 0) {
			cur = f;
			srcs[f] = line_src(d, i);
			size_t n;
			s = after(s, len, field_labels[f], &n);
			len = n;
		}
		/* a label after a finished sentence on the same line: "…共发放300万元。立项依据 2013年…" */
		while (len > 0) {
			const char *hit = NULL;
			int hf = -1;
			for (int g = 0; g < F_N; g++) {
				const char *h = find_in(s, len, field_labels[g]);
				if (h && h > s && (!hit || h < hit)) {
					size_t before = (size_t)(h - s);
					while (before > 0 && s[before - 1] == ' ')
						before--;
					if (before >= 3 && (memcmp(s + before - 3, "。", 3) == 0))
						hit = h, hf = g;
				}
			}
			if (!hit)
				break;
			if (cur >= 0 && jx_buf_put(&bufs[cur], s, (size_t)(hit - s)))
				rc = JX_ENOMEM;
			cur = hf;
			srcs[hf] = line_src(d, i);
			size_t n;
			s = after(hit, len - (size_t)(hit - s), field_labels[hf], &n);
			len = n;
		}
		if (cur >= 0 && len && jx_buf_put(&bufs[cur], s, len))
			rc = JX_ENOMEM;
	}
	if (rc == 0)
		rc = set_text(d, &pj->overview, &bufs[F_OVERVIEW], srcs[F_OVERVIEW]);
	if (rc == 0)
		rc = set_text(d, &pj->necessity, &bufs[F_NECESSITY], srcs[F_NECESSITY]);
	if (rc == 0)
		rc = set_text(d, &pj->measures, &bufs[F_MEASURES], srcs[F_MEASURES]);
	if (rc == 0)
		rc = set_text(d, &pj->plan, &bufs[F_PLAN], srcs[F_PLAN]);
	if (rc == 0)
		rc = set_text(d, &pj->usage, &bufs[F_USAGE], srcs[F_USAGE]);
	if (rc == 0 && bufs[F_BASIS].len) {
		jx_text t = {NULL, {0}};
		rc = set_text(d, &t, &bufs[F_BASIS], srcs[F_BASIS]);
		if (rc == 0 && t.s) {
			jx_basis *bs = jx_vec_push(d->pkg->arena, &pj->basis);
			if (!bs)
				rc = JX_ENOMEM;
			else {
				bs->text = t.s;
				bs->src = t.src;
				bs->doc_no = find_doc_no(d, t.s, strlen(t.s));
			}
		}
	}
	for (int f = 0; f < F_N; f++)
		jx_buf_release(&bufs[f]);
	return rc;
}

/* Names printed differently in the two halves (cut by the column width or misread) stay as printed; the
 * reviewer is told. A 日 read for 目 in 项目 is a common OCR confusion. */
static int note_names(tdoc *d, const jx_project *pj)
{
	if (pj->indicators.n > 400) /* bounded work on odd input */
		return 0;
	for (size_t i = 0; i < pj->indicators.n; i++) {
		const jx_indicator *y = &pj->indicators.v[i];
		if (!y->name)
			continue;
		if (strstr(y->name, "项日") && y->scope == JX_SCOPE_PERIOD) {
			int rc = jx_pkg_note(d->pkg, JX_NOTE_INFO, "import.ocr", pj->name, y->src,
					     "指标名称“%s”疑为识别错误（“项日”应为“项目”），按原样保留", y->name);
			if (rc)
				return rc;
		}
		if (y->scope != JX_SCOPE_YEAR)
			continue;
		bool same = false;
		const jx_indicator *near = NULL;
		for (size_t j = 0; j < pj->indicators.n && !same; j++) {
			const jx_indicator *p = &pj->indicators.v[j];
			if (p->scope != JX_SCOPE_PERIOD || !p->name || p->l2 != y->l2)
				continue;
			if (strcmp(p->name, y->name) == 0)
				same = true;
			else if (!near && (strncmp(p->name, y->name, strlen(y->name)) == 0 ||
					   strncmp(p->name, y->name, strlen(p->name)) == 0 ||
					   jx_vocab_distance(p->name, strlen(p->name), y->name, strlen(y->name)) <= 2))
				near = p;
		}
		if (!same && near) {
			int rc = jx_pkg_note(d->pkg, JX_NOTE_INFO, "import.name-differs", pj->name, y->src,
					     "年度指标“%s”与实施期指标“%s”名称不一致（可能被截断或识别错误），按原样保留",
					     y->name, near->name);
			if (rc)
				return rc;
		}
	}
	return 0;
}

static int parse_project(tdoc *d, size_t a, size_t b)
{
	jx_pkg *pkg = d->pkg;
	jx_project *pj = jx_vec_push(pkg->arena, &pkg->projects);
	if (!pj)
		return JX_ENOMEM;
	pj->src = line_src(d, a);
	int rc = 0;
	size_t n;
	const char *s;
	size_t i = find_line(d, a, b, "项目名称");
	if (i < b) {
		s = after(d->l[i].s, d->l[i].len, "项目名称", &n);
		pj->name = dup(d, s, n);
	}
	i = find_line(d, a, b, "主管部门");
	if (i < b) {
		const char *ls = d->l[i].s;
		size_t ll = d->l[i].len;
		const char *lab = has_prefix(ls, ll, "主管部门及代码") ? "主管部门及代码" : "主管部门";
		s = after(ls, ll, lab, &n);
		const char *impl = find_in(s, n, "实施单位");
		size_t sn = impl ? (size_t)(impl - s) : n;
		const char *sv = jx_utf8_trim(s, &sn);
		size_t dg = 0;
		while (dg < sn && sv[dg] >= '0' && sv[dg] <= '9')
			dg++;
		if (dg > 0 && dg < sn && (sv[dg] == '-' || sv[dg] == ' ')) {
			pj->supervisor_code = dup(d, sv, dg);
			pj->supervisor = dup(d, sv + dg + 1, sn - dg - 1);
		} else {
			pj->supervisor = dup(d, sv, sn);
		}
		if (impl) {
			size_t in;
			const char *is = after(impl, n - (size_t)(impl - s), "实施单位", &in);
			pj->implementer = dup(d, is, in);
		}
		if (!pkg->dept.code && pj->supervisor_code)
			pkg->dept.code = pj->supervisor_code;
		if (!pkg->dept.name && pj->supervisor && *pj->supervisor)
			pkg->dept.name = pj->supervisor;
	}
	i = find_line(d, a, b, "项目属性");
	if (i < b) {
		s = after(d->l[i].s, d->l[i].len, "项目属性", &n);
		const char *per = find_in(s, n, "项目期");
		size_t an = per ? (size_t)(per - s) : n;
		const char *at = jx_utf8_trim(s, &an);
		pj->attribute = dup(d, at, an);
		if (per) {
			size_t pn;
			const char *ps = after(per, n - (size_t)(per - s), "项目期", &pn);
			pj->duration = dup(d, ps, pn);
		}
	}
	size_t i_money = find_line(d, a, b, "项目资金");
	size_t i_total = find_line_containing(d, a, b, "资金总", NULL);
	size_t i_text = b;
	for (size_t j = (i_total < b ? i_total : a); j < b; j++)
		if (!d->l[j].skip && field_at(d->l[j].s, d->l[j].len) >= 0) {
			i_text = j;
			break;
		}
	size_t i_goal = find_line(d, a, b, "实施期目标");
	if (i_goal == b)
		i_goal = find_line(d, a, b, "总体目标");
	size_t i_ind = find_line_containing(d, a, b, "三级指标", "指标值");
	/* The unit is written with the 项目资金 label ("项目资金（元）"), possibly on the next lines. */
	jx_money_unit unit = JX_MU_YUAN;
	if (i_money < b) {
		jx_buf ub = JX_BUF_INIT;
		/* with true cells the label and the totals share a row */
		if (join_lines(d, i_money, i_total < b && i_total > i_money ? i_total : i_money + 1, &ub)) {
			jx_buf_release(&ub);
			return JX_ENOMEM;
		}
		jx_money_unit u = jx_money_unit_parse(jx_buf_cstr(&ub));
		if (u != JX_MU_NONE)
			unit = u;
		size_t ul;
		const char *us = after(jx_buf_cstr(&ub), ub.len, "项目资金", &ul);
		if (i_total == i_money && us) {
			const char *sp = memchr(us, ' ', ul); /* the label ends where the next cell begins */
			if (sp)
				ul = (size_t)(sp - us);
		}
		pj->unit_label = ul ? dup(d, us, ul) : NULL;
		jx_buf_release(&ub);
	}
	if (i_total < b && (rc = parse_funding(d, pj, i_total, i_text, unit)))
		return rc;
	if (i_text < b && (rc = parse_fields(d, pj, i_text, i_goal < b ? i_goal : (i_ind < b ? i_ind : b))))
		return rc;
	if (i_goal < b && (rc = parse_goals(d, pj, i_goal + 1, i_ind)))
		return rc;
	if (i_ind < b) {
		rc = scan_indicators(d, i_ind + 1, b, &pj->indicators, false);
		if (rc >= 0) {
			int r2 = note_names(d, pj);
			if (r2)
				return r2;
		}
		if (rc < 0)
			return rc;
		if (rc == 1 && (rc = jx_pkg_note(pkg, JX_NOTE_WARNING, "import.ocr", pj->name, line_src(d, i_ind),
						  "项目“%s”的指标级别名称有识别错误，已按近似匹配更正",
						  pj->name ? pj->name : "")))
			return rc;
	} else {
		rc = jx_pkg_note(pkg, JX_NOTE_WARNING, "import.incomplete", pj->name, pj->src,
				 "项目“%s”的绩效指标未找到", pj->name ? pj->name : "");
		if (rc)
			return rc;
	}
	return 0;
}

/* ---------- overall table ---------- */

static int staff_int(const sqz *q, const char *label, int *out)
{
	const char *h = find_in(q->s, q->len, label);
	if (!h)
		return 0;
	size_t p = (size_t)(h - q->s) + strlen(label);
	while (p < q->len && q->s[p] == ':')
		p++;
	long v = 0;
	size_t st = p;
	while (p < q->len && q->s[p] >= '0' && q->s[p] <= '9' && p - st < 9)
		v = v * 10 + (q->s[p++] - '0');
	if (p > st)
		*out = (int)v;
	return 0;
}

static bool short_label_line(const tline *t, const char *lit)
{
	return t->len == strlen(lit) && memcmp(t->s, lit, t->len) == 0;
}

static int parse_budget_line(tdoc *d, size_t li, jx_money_unit unit)
{
	jx_overall *ov = &d->pkg->overall;
	const char *s = d->l[li].s;
	size_t len = d->l[li].len, p = 0;
	jx_buf name = JX_BUF_INIT;
	int pair = 0, rc = 0;
	while (p < len && rc == 0) {
		while (p < len && s[p] == ' ')
			p++;
		size_t q = p;
		while (q < len && s[q] != ' ')
			q++;
		if (q == p)
			break;
		jx_decimal dec;
		int nn = jx_decimal_parse(&dec, s + p, q - p);
		if (nn > 0 && (size_t)nn == q - p && name.len) {
			jx_named_amount *na = jx_vec_push(d->pkg->arena, &ov->budget);
			if (!na) {
				rc = JX_ENOMEM;
				break;
			}
			const char *nm = jx_buf_cstr(&name);
			size_t nl = name.len;
			if (has_prefix(nm, nl, "其中")) {
				size_t k;
				nm = after(nm, nl, "其中", &k);
				nl = k;
			}
			na->group = pair == 0 ? "source" : "direction";
			na->name = dup(d, nm, nl);
			na->src = line_src(d, li);
			rc = jx_amount_parse(d->pkg, &na->amount, s + p, q - p, unit, na->src);
			if (rc == JX_ENOMEM)
				break;
			rc = 0;
			if (pair == 0 && (strcmp(na->name, "合计") == 0 || strcmp(na->name, "总计") == 0))
				ov->total = na->amount;
			jx_buf_clear(&name);
			pair++;
		} else if (jx_buf_put(&name, s + p, q - p)) {
			rc = JX_ENOMEM;
		}
		p = q;
	}
	jx_buf_release(&name);
	return rc;
}

static int parse_overall(tdoc *d, size_t a, size_t b)
{
	jx_pkg *pkg = d->pkg;
	jx_overall *ov = &pkg->overall;
	int rc = 0;
	ov->present = true;
	ov->src = line_src(d, a);
	ov->title = dup(d, d->l[a].s, d->l[a].len);
	size_t n;
	const char *s;
	size_t i = find_line(d, a, b, "部门名称");
	if (i < b) {
		s = after(d->l[i].s, d->l[i].len, "部门名称", &n);
		size_t dg = 0;
		while (dg < n && s[dg] >= '0' && s[dg] <= '9')
			dg++;
		if (dg > 0 && dg < n && s[dg] == '-') {
			if (!pkg->dept.code)
				pkg->dept.code = dup(d, s, dg);
			if (!pkg->dept.name)
				pkg->dept.name = dup(d, s + dg + 1, n - dg - 1);
		} else if (!pkg->dept.name && n) {
			pkg->dept.name = dup(d, s, n);
		}
		pkg->dept.src = line_src(d, i);
	}
	size_t i_duty = find_line(d, a, b, "部门职责");
	size_t i_strat = find_line(d, a, b, "部门战略");
	size_t i_budget = find_line_containing(d, a, b, "按资金来源", NULL);
	size_t i_tasks = find_line_containing(d, a, b, "核心职能", NULL);
	size_t i_ind = find_line_containing(d, a, b, "三级指标", "指标值");
	/* staffing */
	{
		sqz q;
		if ((rc = sqz_build(&q, d, a, i_duty < b ? i_duty : b)))
			return rc;
		staff_int(&q, "内设职能部门数", &pkg->dept.internal_units);
		staff_int(&q, "所属预算单位数", &pkg->dept.budget_units);
		staff_int(&q, "核定的人员编制数", &pkg->dept.staff_authorized);
		staff_int(&q, "实际在职人员总数", &pkg->dept.staff_actual);
		staff_int(&q, "在编人员数", &pkg->dept.staff_on_books);
		staff_int(&q, "其他人员数", &pkg->dept.staff_other);
		sqz_free(&q);
	}
	/* label cells wrap ("部门战略" / "目标", "年度" / "预算情况"): a short line ends the text before it */
	jx_buf tb = JX_BUF_INIT;
	if (i_duty < b) {
		s = after(d->l[i_duty].s, d->l[i_duty].len, "部门职责", &n);
		jx_buf_put(&tb, s, n);
		for (size_t j = i_duty + 1; j < b && j < i_strat; j++)
			if (!d->l[j].skip)
				jx_buf_put(&tb, d->l[j].s, d->l[j].len);
		if ((rc = set_text(d, &ov->duties, &tb, line_src(d, i_duty))))
			goto out;
		if (!pkg->dept.duties.s)
			pkg->dept.duties = ov->duties;
		jx_buf_clear(&tb);
	}
	if (i_strat < b) {
		size_t j = i_strat;
		s = after(d->l[j].s, d->l[j].len, "部门战略", &n);
		if (has_prefix(s, n, "目标"))
			s = after(s, n, "目标", &n);
		jx_buf_put(&tb, s, n);
		for (j = i_strat + 1; j < b && j < i_budget; j++) {
			if (d->l[j].skip || short_label_line(&d->l[j], "目标"))
				continue;
			if (cp_count(d->l[j].s, d->l[j].len) <= 4 && has_prefix(d->l[j].s, d->l[j].len, "年度"))
				break;
			jx_buf_put(&tb, d->l[j].s, d->l[j].len);
		}
		if ((rc = set_text(d, &ov->strategy, &tb, line_src(d, i_strat))))
			goto out;
		jx_buf_clear(&tb);
	}
	if (i_budget < b) {
		jx_money_unit unit = jx_money_unit_parse(d->l[i_budget].s);
		if (unit == JX_MU_NONE)
			unit = JX_MU_WANYUAN;
		for (size_t j = i_budget + 1; j < b && j < i_tasks; j++) {
			if (d->l[j].skip)
				continue;
			if (has_prefix(d->l[j].s, d->l[j].len, "年度"))
				break;
			if ((rc = parse_budget_line(d, j, unit)))
				goto out;
		}
	}
	size_t i_goal = b;
	if (i_tasks < b) {
		for (size_t j = i_tasks + 1; j < b; j++) {
			if (d->l[j].skip)
				continue;
			const char *ls = d->l[j].s;
			size_t ll = d->l[j].len;
			if (has_prefix(ls, ll, "年度绩效")) {
				i_goal = j;
				break;
			}
			const char *sp = memchr(ls, ' ', ll);
			if (!sp) {
				if (ov->tasks.n) {
					jx_task *t = &ov->tasks.v[ov->tasks.n - 1];
					t->name = jx_arena_printf(pkg->arena, "%s%.*s", t->name ? t->name : "", (int)ll, ls);
				}
				continue;
			}
			jx_task *t = jx_vec_push(pkg->arena, &ov->tasks);
			if (!t) {
				rc = JX_ENOMEM;
				goto out;
			}
			size_t rn = ll - (size_t)(sp - ls);
			const char *rs = jx_utf8_trim(sp, &rn);
			t->function = dup(d, ls, (size_t)(sp - ls));
			t->name = dup(d, rs, rn);
			t->src = line_src(d, j);
		}
	}
	if (i_goal < b) {
		size_t j = i_goal;
		s = after(d->l[j].s, d->l[j].len, "年度绩效", &n);
		if (has_prefix(s, n, "目标"))
			s = after(s, n, "目标", &n);
		jx_buf_put(&tb, s, n);
		for (j = i_goal + 1; j < b && j < i_ind; j++) {
			if (d->l[j].skip || short_label_line(&d->l[j], "目标"))
				continue;
			if (has_prefix(d->l[j].s, d->l[j].len, "年度绩效") || short_label_line(&d->l[j], "指标"))
				break;
			jx_buf_put(&tb, d->l[j].s, d->l[j].len);
		}
		if ((rc = set_text(d, &ov->goal, &tb, line_src(d, i_goal))))
			goto out;
	}
	if (i_ind < b) {
		rc = scan_indicators(d, i_ind + 1, b, &ov->indicators, true);
		if (rc < 0)
			goto out;
		rc = 0;
	}
out:
	jx_buf_release(&tb);
	return rc;
}

/* ---------- table detection ---------- */

static ttype title_type(const tline *t)
{
	if (t->skip || t->len > 200 || !find_in(t->s, t->len, "绩效目标"))
		return T_NONE;
	/* a title ends with 表, or 表 and a bracketed year ("…目标表（2024年度）"), not a sentence mentioning one */
	const char *last = NULL;
	for (const char *h = t->s; (h = find_in(h, t->len - (size_t)(h - t->s), "表")) != NULL; h += 3)
		last = h;
	if (!last)
		return T_NONE;
	size_t rest = t->len - (size_t)(last + 3 - t->s);
	if (rest > 0) {
		uint32_t c;
		jx_utf8_decode(last + 3, rest, &c);
		if (rest > 24 || !(c == '(' || c == 0xFF08))
			return T_NONE;
	}
	if (find_in(t->s, t->len, "整体"))
		return T_OVERALL;
	if (find_in(t->s, t->len, "项目"))
		return T_PROJECT;
	return T_NONE;
}

/* A section heading of the surrounding report ("十一、国有资产占有使用情况", "第四部分 名词解释") ends a table
 * that has no 负责人 line. */
static bool is_section_heading(const tline *t)
{
	static const char numerals[] = "一二三四五六七八九十";
	size_t i = 0, n = 0;
	uint32_t c;
	if (has_prefix(t->s, t->len, "第") && find_in(t->s, t->len, "部分") && t->len < 60)
		return true;
	while (i < t->len) {
		size_t k = cp_at(t->s, t->len, i, &c);
		bool num = false;
		size_t j = 0;
		while (j < sizeof numerals - 1) {
			uint32_t u;
			j += jx_utf8_decode(numerals + j, sizeof numerals - 1 - j, &u);
			if (u == c)
				num = true;
		}
		if (!num)
			break;
		n++;
		i += k;
	}
	return n > 0 && n <= 3 && has_prefix(t->s + i, t->len - i, "、") && t->len < 90;
}

/* The budget year printed with the title ("（2024年度）" on its line or the next). */
static int title_year(const tdoc *d, size_t a, size_t b)
{
	for (size_t i = a; i < b && i < a + 2; i++) {
		const char *h = find_in(d->l[i].s, d->l[i].len, "年");
		while (h) {
			const char *s = d->l[i].s;
			size_t off = (size_t)(h - s);
			if (off >= 4) {
				int y = 0;
				bool ok = true;
				for (size_t k = off - 4; k < off; k++) {
					if (s[k] < '0' || s[k] > '9')
						ok = false;
					else
						y = y * 10 + (s[k] - '0');
				}
				if (ok && (off == 4 || s[off - 5] < '0' || s[off - 5] > '9') && y >= 1990 && y <= 2100)
					return y;
			}
			h = find_in(h + 3, d->l[i].len - off - 3, "年");
		}
	}
	return 0;
}

int jx_rec_pdf_targets(jx_rec_ctx *ctx)
{
	const jx_grid *g = ctx->g;
	bool cells = g->layout == JX_LAYOUT_CELLS;
	if ((g->layout != JX_LAYOUT_PDF_TEXT && !cells) || g->rows.n == 0)
		return 0;
	tdoc d = {ctx, ctx->pkg, NULL, 0, cells};
	d.l = calloc(g->rows.n, sizeof *d.l);
	if (!d.l)
		return JX_ENOMEM;
	for (size_t r = 0; r < g->rows.n; r++) {
		const jx_grid_row *row = &g->rows.v[r];
		const char *s = cells ? NULL : jx_grid_line(g, row->src.line);
		if (cells) {
			/* True cells (the PDF reader's ruled tables, DOCX, spreadsheets): the row as PDF text prints
			 * it, the non-blank cells separated by a space, so the 实施期 and 年度 halves of a row read as
			 * on one printed line. Rows another recogniser took are not ours. */
			if (ctx->claimed[r])
				continue;
			jx_buf b = JX_BUF_INIT;
			int brc = 0;
			for (size_t c = 0; c < row->n && !brc; c++)
				if (row->cells[c].text && row->cells[c].text[0])
					brc = (b.len && jx_buf_putc(&b, ' ')) || jx_buf_puts(&b, row->cells[c].text);
			s = brc ? NULL : jx_pkg_strdup(ctx->pkg, b.ptr ? jx_buf_cstr(&b) : "");
			jx_buf_release(&b);
			if (!s) {
				free(d.l);
				return JX_ENOMEM;
			}
		}
		if (!s && row->n)
			s = row->cells[0].text;
		if (!s)
			continue;
		size_t len = strlen(s);
		s = jx_utf8_trim(s, &len);
		if (len == 0)
			continue;
		/* the reader may give one row per line; never take the same line twice */
		if (d.n && d.l[d.n - 1].src.line == row->src.line && row->src.line) {
			continue;
		}
		d.l[d.n++] = (tline){s, len, r, row->src, false};
		d.l[d.n - 1].src.file = row->src.file ? row->src.file : g->file;
	}
	/* structured readers drop page headers themselves; a table row that starts many pages is not one */
	if (!cells)
		mark_headers(&d, g);
	int rc = 0;
	for (size_t i = 0; i < d.n && rc == 0; i++) {
		ttype t = title_type(&d.l[i]);
		if (t == T_NONE)
			continue;
		/* the table ends at its 负责人 line or the next title */
		size_t e = i + 1;
		while (e < d.n && title_type(&d.l[e]) == T_NONE && !has_prefix(d.l[e].s, d.l[e].len, "负责人") &&
		       !is_section_heading(&d.l[e]))
			e++;
		size_t end = (e < d.n && has_prefix(d.l[e].s, d.l[e].len, "负责人")) ? e + 1 : e;
		/* a 负责人 line may wrap its date onto the next line */
		if (end < d.n && end == e + 1 && title_type(&d.l[end]) == T_NONE) {
			const tline *x = &d.l[end];
			bool digits = x->len > 0;
			for (size_t k = 0; k < x->len; k++)
				if (x->s[k] < '0' || x->s[k] > '9')
					digits = false;
			if (digits)
				end++;
		}
		/* True cells: other recognisers may have taken the table under a title (a Word form's rows); a
		 * title whose table is not here is not a table of ours. */
		size_t key = t == T_PROJECT ? find_line(&d, i, e, "项目名称")
					    : find_line_containing(&d, i, e, "部门名称", NULL);
		if (cells && key == e)
			continue;
		/* True cells: an overall table here is the 申报表 form, which opens with the department's basic
		 * facts (编制, 内设机构); an overall table of tasks and goals without them is tsv_overall's form. */
		if (cells && t == T_OVERALL && find_line_containing(&d, i, e, "编制", NULL) == e &&
		    find_line_containing(&d, i, e, "内设", NULL) == e)
			continue;
		if (d.pkg->year == 0)
			d.pkg->year = title_year(&d, i, e);
		if (t == T_PROJECT)
			rc = parse_project(&d, i, e);
		else
			rc = parse_overall(&d, i, e);
		claim(&d, i, end);
		i = end - 1;
	}
	free(d.l);
	return rc;
}
