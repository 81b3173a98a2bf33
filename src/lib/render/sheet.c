/* sheet.c: lays out the disclosure tables, the project and overall target tables and the review findings as grids
 * of cells with merges, once, for the XLSX and CSV renderers. The layouts follow the official forms: title row,
 * unit line, grouped column headers, 类/款/项 indentation, bold 合计 rows. */
#include "render/sheet.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "jx/check.h"
#include "render/render_int.h"
#include "util/utf8.h"

/* ---- small helpers ---- */

const char *jx_sheet_money_text(int64_t fen, int64_t per, int min_scale, char buf[48])
{
	if (per <= 0)
		per = 100;
	int digits = 0;
	for (int64_t p = per; p > 1 && digits < 18; p /= 10)
		digits++;
	uint64_t mag = fen < 0 ? (uint64_t)0 - (uint64_t)fen : (uint64_t)fen;
	uint64_t ip = mag / (uint64_t)per, rem = mag % (uint64_t)per;
	char frac[24];
	snprintf(frac, sizeof frac, "%0*llu", digits, (unsigned long long)rem);
	int n = digits;
	while (n > 0 && n > min_scale && frac[n - 1] == '0')
		n--;
	frac[n] = '\0';
	if (min_scale > 18)
		min_scale = 18;
	while (n < min_scale)
		frac[n++] = '0', frac[n] = '\0';
	snprintf(buf, 48, "%s%llu%s%s", fen < 0 ? "-" : "", (unsigned long long)ip, n ? "." : "", frac);
	return buf;
}

size_t jx_sheet_text_width(const char *s)
{
	return s ? jx_utf8_width(s, strlen(s)) : 0;
}

const char *jx_sheet_op_symbol(const jx_value *v)
{
	switch (v->op) {
	case JX_OP_GE: return "≥";
	case JX_OP_LE: return "≤";
	case JX_OP_EQ: return "=";
	case JX_OP_GT: return ">";
	case JX_OP_LT: return "<";
	case JX_OP_APPROX: return "≈";
	case JX_OP_NONE: break;
	}
	return v->kind == JX_KIND_QUALITATIVE ? "定性" : "";
}

int jx_sheet_op_parse(const char *s, jx_op *op)
{
	static const struct {
		const char *sym;
		jx_op op;
	} ops[] = {{"≥", JX_OP_GE}, {">=", JX_OP_GE}, {"≤", JX_OP_LE}, {"<=", JX_OP_LE}, {"=", JX_OP_EQ},
		   {"＝", JX_OP_EQ}, {">", JX_OP_GT}, {"＞", JX_OP_GT}, {"<", JX_OP_LT}, {"＜", JX_OP_LT},
		   {"≈", JX_OP_APPROX}, {"约", JX_OP_APPROX}, {"定性", JX_OP_NONE}, {"", JX_OP_NONE}};
	for (size_t i = 0; i < sizeof ops / sizeof *ops; i++)
		if (!strcmp(s, ops[i].sym)) {
			*op = ops[i].op;
			return 0;
		}
	return JX_EINVAL;
}

static jx_sheet *new_sheet(jx_arena *a, jx_sheet_vec *out, const char *file, const char *name, uint32_t ncols)
{
	jx_sheet *sh = jx_vec_push(a, out);
	if (!sh)
		return NULL;
	sh->file = file;
	sh->name = name;
	sh->ncols = ncols;
	sh->wide = ncols > 6;
	return sh;
}

static jx_scell *add_row(jx_arena *a, jx_sheet *sh)
{
	jx_scell *cells = jx_arena_calloc(a, sh->ncols ? sh->ncols : 1, sizeof *cells);
	if (!cells)
		return NULL;
	jx_scell **slot = jx_vec_push(a, &sh->rows);
	if (!slot)
		return NULL;
	*slot = cells;
	return cells;
}

static uint32_t cur_row(const jx_sheet *sh) { return (uint32_t)(sh->rows.n - 1); }

static void set_text(jx_scell *c, const char *text, jx_cell_style st)
{
	c->kind = text ? JX_CK_TEXT : JX_CK_EMPTY;
	c->text = text ? text : "";
	c->style = st;
}

/* Money in a unit worth `per` fen, as exact as the model holds it. */
static int set_money(jx_arena *a, jx_scell *c, const jx_amount *amt, int64_t per, jx_cell_style st)
{
	c->style = st;
	if (!amt || !amt->present)
		return 0;
	char buf[48];
	int scale = amt->scale > 0 ? amt->scale : 0;
	if (jx_money_unit_fen_per(amt->unit) != per && scale < 2)
		scale = 2; /* converted between units: show at least fen-like precision */
	jx_sheet_money_text(amt->fen, per, scale, buf);
	const char *dot = strchr(buf, '.');
	c->kind = JX_CK_MONEY;
	c->text = jx_arena_strdup(a, buf);
	c->fen = amt->fen;
	c->per = per;
	c->scale = dot ? (int)strlen(dot + 1) : 0;
	return c->text ? 0 : JX_ENOMEM;
}

static int merge(jx_arena *a, jx_sheet *sh, uint32_t r0, uint32_t c0, uint32_t r1, uint32_t c1)
{
	if (r0 == r1 && c0 == c1)
		return 0;
	jx_smerge *m = jx_vec_push(a, &sh->merges);
	if (!m)
		return JX_ENOMEM;
	*m = (jx_smerge){r0, c0, r1, c1};
	return 0;
}

/* A row with `text` merged across the whole sheet. */
static int full_row(jx_arena *a, jx_sheet *sh, const char *text, jx_cell_style st)
{
	jx_scell *r = add_row(a, sh);
	if (!r)
		return JX_ENOMEM;
	set_text(&r[0], text, st);
	for (uint32_t c = 1; c < sh->ncols; c++)
		r[c].style = st;
	return merge(a, sh, cur_row(sh), 0, cur_row(sh), sh->ncols - 1);
}

static int64_t unit_per(jx_money_unit u)
{
	int64_t per = jx_money_unit_fen_per(u);
	return per > 0 ? per : 100;
}

static const char *unit_line(jx_arena *a, jx_money_unit u)
{
	const char *n = jx_money_unit_name(u);
	return jx_arena_printf(a, "单位：%s", n ? n : "元");
}

/* Characters file systems and worksheet names do not take. */
static bool bad_name_char(char c) { return strchr("[]:*?/\\\"<>|'", c) != NULL || (unsigned char)c < 0x20; }

/* Copies at most `max_cp` code points of s, leaving out bad characters and white space at the ends. */
static char *clean_name(jx_arena *a, const char *s, size_t max_cp)
{
	size_t len = strlen(s ? s : "");
	char *out = jx_arena_alloc(a, len + 1);
	if (!out)
		return NULL;
	size_t n = 0, cps = 0;
	for (size_t i = 0; i < len && cps < max_cp;) {
		uint32_t cp;
		size_t k = jx_utf8_decode(s + i, len - i, &cp);
		if (!(k == 1 && bad_name_char(s[i])) && !(n == 0 && jx_utf8_is_space(cp))) {
			memcpy(out + n, s + i, k);
			n += k;
			cps++;
		}
		i += k;
	}
	while (n > 0 && out[n - 1] == ' ')
		n--;
	out[n] = '\0';
	return out;
}

/* "2024年预算收支总表" → "收支总表": the year and the word 预算 in front say nothing inside one package. */
static const char *short_title(const char *t)
{
	if (!t)
		return "";
	const char *p = t;
	while (*p >= '0' && *p <= '9')
		p++;
	if (p > t && !strncmp(p, "年", strlen("年")))
		t = p + strlen("年");
	if (!strncmp(t, "部门预算", strlen("部门预算")) && strlen(t) > strlen("部门预算"))
		t += strlen("部门预算");
	else if (!strncmp(t, "预算", strlen("预算")) && strlen(t) > strlen("预算") + 3)
		t += strlen("预算");
	return t;
}

/* Worksheet names: at most 31 characters, unique within the workbook (Excel compares them case-blind). */
static const char *sheet_name(jx_arena *a, const jx_sheet_vec *done, const char *want)
{
	char *base = clean_name(a, want && *want ? want : "表", 31);
	if (!base)
		return NULL;
	for (int k = 1; k < 1000; k++) {
		const char *cand = base;
		if (k > 1) {
			char suffix[16];
			snprintf(suffix, sizeof suffix, "(%d)", k);
			char *shorter = clean_name(a, base, 31 - strlen(suffix));
			cand = shorter ? jx_arena_printf(a, "%s%s", shorter, suffix) : NULL;
			if (!cand)
				return NULL;
		}
		bool clash = false;
		for (size_t i = 0; i < done->n && !clash; i++)
			clash = done->v[i].name && !strcasecmp(done->v[i].name, cand);
		if (!clash)
			return cand;
	}
	return base;
}

/* ---- disclosure tables ---- */

enum { MAX_PARTS = 4 };

typedef struct colhead {
	const char *part[MAX_PARTS];
	int nparts;
} colhead;

static int split_head(jx_arena *a, const char *name, colhead *h)
{
	h->nparts = 0;
	const char *s = name ? name : "";
	while (h->nparts < MAX_PARTS) {
		const char *slash = strchr(s, '/');
		size_t n = slash && h->nparts < MAX_PARTS - 1 ? (size_t)(slash - s) : strlen(s);
		h->part[h->nparts] = jx_arena_strndup(a, s, n);
		if (!h->part[h->nparts])
			return JX_ENOMEM;
		h->nparts++;
		if (!slash || h->nparts == MAX_PARTS)
			break;
		s = slash + 1;
	}
	return 0;
}

typedef struct side_layout {
	bool code, name2;
	uint32_t c0;        /* first sheet column of the side */
	uint32_t namecols;  /* code + name + name2 */
	size_t *cols;       /* table column indices on this side */
	size_t ncols;
	size_t *rows;       /* table row indices on this side */
	size_t nrows;
} side_layout;

static int plan_side(jx_arena *a, const jx_table *t, int side, side_layout *sl)
{
	memset(sl, 0, sizeof *sl);
	sl->cols = jx_arena_calloc(a, t->columns.n + 1, sizeof *sl->cols);
	sl->rows = jx_arena_calloc(a, t->rows.n + 1, sizeof *sl->rows);
	if (!sl->cols || !sl->rows)
		return JX_ENOMEM;
	for (size_t i = 0; i < t->columns.n; i++)
		if (t->columns.v[i].side == side)
			sl->cols[sl->ncols++] = i;
	for (size_t i = 0; i < t->rows.n; i++) {
		const jx_row *r = &t->rows.v[i];
		if (r->side != side)
			continue;
		sl->rows[sl->nrows++] = i;
		sl->code |= r->code && *r->code;
		sl->name2 |= r->name2 && *r->name2;
	}
	sl->namecols = 1u + (sl->code ? 1u : 0u) + (sl->name2 ? 1u : 0u);
	return 0;
}

/* Column headers of one side: name columns merged down, grouped headers ("本年收入/合计") merged across. */
static int side_headers(jx_arena *a, jx_sheet *sh, const jx_table *t, const side_layout *sl, uint32_t hr,
			uint32_t depth, const colhead *heads)
{
	uint32_t c = sl->c0;
	const char *names[3];
	int nn = 0;
	if (sl->code)
		names[nn++] = "科目编码";
	names[nn++] = sl->code ? "科目名称" : "项目";
	if (sl->name2)
		names[nn++] = "经济科目名称";
	for (int k = 0; k < nn; k++, c++) {
		set_text(&sh->rows.v[hr][c], names[k], JX_CS_HEAD);
		int rc = merge(a, sh, hr, c, hr + depth - 1, c);
		if (rc)
			return rc;
	}
	for (size_t j = 0; j < sl->ncols; j++) {
		const colhead *h = &heads[sl->cols[j]];
		uint32_t col = c + (uint32_t)j;
		for (int l = 0; l < h->nparts; l++)
			set_text(&sh->rows.v[hr + (uint32_t)l][col], h->part[l], JX_CS_HEAD);
		if ((uint32_t)h->nparts < depth) {
			int rc = merge(a, sh, hr + (uint32_t)h->nparts - 1, col, hr + depth - 1, col);
			if (rc)
				return rc;
		}
	}
	/* Group headers: equal prefixes of adjacent columns at each level above the leaf. */
	for (uint32_t l = 0; l + 1 < depth; l++) {
		size_t j = 0;
		while (j < sl->ncols) {
			const colhead *h = &heads[sl->cols[j]];
			size_t k = j + 1;
			if ((uint32_t)h->nparts > l + 1) {
				while (k < sl->ncols) {
					const colhead *g = &heads[sl->cols[k]];
					bool same = (uint32_t)g->nparts > l + 1;
					for (uint32_t m = 0; same && m <= l; m++)
						same = !strcmp(g->part[m], h->part[m]);
					if (!same)
						break;
					k++;
				}
			}
			if (k > j + 1) {
				for (size_t q = j + 1; q < k; q++)
					sh->rows.v[hr + l][c + q] = (jx_scell){.style = JX_CS_HEAD};
				int rc = merge(a, sh, hr + l, c + (uint32_t)j, hr + l, c + (uint32_t)k - 1);
				if (rc)
					return rc;
			}
			j = k;
		}
	}
	(void)t;
	return 0;
}

static int side_cells(jx_arena *a, jx_scell *r, const jx_table *t, const side_layout *sl, size_t ri, jx_money_unit unit)
{
	const jx_row *row = &t->rows.v[ri];
	jx_cell_style st = row->kind == JX_ROW_TOTAL ? JX_CS_TOTAL : row->kind == JX_ROW_GROUP ? JX_CS_GROUP : JX_CS_BODY;
	uint32_t c = sl->c0;
	if (sl->code)
		set_text(&r[c++], row->code ? row->code : "", st);
	set_text(&r[c], row->name ? row->name : "", st);
	r[c++].indent = row->level > 1 && row->kind != JX_ROW_TOTAL ? row->level - 1 : 0;
	if (sl->name2)
		set_text(&r[c++], row->name2 ? row->name2 : "", st);
	int64_t per = unit_per(unit);
	for (size_t j = 0; j < sl->ncols; j++, c++) {
		const jx_amount *amt = row->amounts ? &row->amounts[sl->cols[j]] : NULL;
		if (!amt || !amt->present) {
			r[c].style = st;
			continue;
		}
		int rc = set_money(a, &r[c], amt, per, st);
		if (rc)
			return rc;
	}
	return 0;
}

static int table_sheet(jx_arena *a, jx_sheet_vec *out, const jx_pkg *pkg, const jx_table *t)
{
	bool two = false;
	for (size_t i = 0; i < t->columns.n; i++)
		two |= t->columns.v[i].side == 1;
	for (size_t i = 0; i < t->rows.n; i++)
		two |= t->rows.v[i].side == 1;
	side_layout sides[2];
	int rc = plan_side(a, t, 0, &sides[0]);
	if (!rc && two)
		rc = plan_side(a, t, 1, &sides[1]);
	if (rc)
		return rc;
	colhead *heads = jx_arena_calloc(a, t->columns.n + 1, sizeof *heads);
	if (!heads)
		return JX_ENOMEM;
	uint32_t depth = 1;
	for (size_t i = 0; i < t->columns.n; i++) {
		if ((rc = split_head(a, t->columns.v[i].name, &heads[i])))
			return rc;
		if ((uint32_t)heads[i].nparts > depth)
			depth = (uint32_t)heads[i].nparts;
	}
	sides[0].c0 = 0;
	uint32_t ncols = sides[0].namecols + (uint32_t)sides[0].ncols;
	if (two) {
		sides[1].c0 = ncols;
		ncols += sides[1].namecols + (uint32_t)sides[1].ncols;
	}
	/* The table's unit; a table that does not say takes the unit its amounts were printed in. */
	jx_money_unit unit = t->unit;
	for (size_t i = 0; !unit && i < t->rows.n; i++)
		for (size_t j = 0; !unit && t->rows.v[i].amounts && j < t->columns.n; j++)
			if (t->rows.v[i].amounts[j].present)
				unit = t->rows.v[i].amounts[j].unit;
	/* A table that states no unit and has no amounts (本表无数据) is printed without one, as it was. */
	bool say_unit = unit || (t->unit_text && *t->unit_text);
	if (!unit)
		unit = JX_MU_YUAN;
	const char *st = short_title(t->title);
	const char *file = t->number > 0 ? jx_arena_printf(a, "表%02d-%s", t->number, st)
					 : jx_arena_printf(a, "表-%s", *st ? st : (t->id ? t->id : "表"));
	const char *want = t->number > 0 ? jx_arena_printf(a, "表%d %s", t->number, st) : st;
	if (!file || !want)
		return JX_ENOMEM;
	const char *name = sheet_name(a, out, want);
	char *cfile = clean_name(a, file, 80);
	if (!name || !cfile)
		return JX_ENOMEM;
	jx_sheet *sh = new_sheet(a, out, cfile, name, ncols);
	if (!sh)
		return JX_ENOMEM;
	/* As the official forms print it: the form's number above the title, then the department on the left and
	 * the unit on the right. The number is also what tells `jx import` that a disclosure table starts here. */
	if (t->number > 0) {
		const char *no = jx_arena_printf(a, "预算公开表%d", t->number);
		if (!no)
			return JX_ENOMEM;
		if ((rc = full_row(a, sh, no, JX_CS_NOTE)))
			return rc;
	}
	if ((rc = full_row(a, sh, t->title ? t->title : st, JX_CS_TITLE)))
		return rc;
	if (pkg->dept.name && *pkg->dept.name && ncols >= 2) {
		jx_scell *r = add_row(a, sh);
		const char *dept = jx_arena_printf(a, "部门名称：%s", pkg->dept.name);
		if (!r || !dept)
			return JX_ENOMEM;
		set_text(&r[0], dept, JX_CS_NOTE);
		for (uint32_t c = 1; c + 1 < ncols; c++)
			r[c].style = JX_CS_NOTE;
		if (say_unit)
			set_text(&r[ncols - 1], unit_line(a, unit), JX_CS_UNIT);
		else
			r[ncols - 1].style = JX_CS_UNIT;
		if (ncols > 2 && (rc = merge(a, sh, cur_row(sh), 0, cur_row(sh), ncols - 2)))
			return rc;
	} else if (say_unit && (rc = full_row(a, sh, unit_line(a, unit), JX_CS_UNIT))) {
		return rc;
	}
	uint32_t hr = (uint32_t)sh->rows.n;
	uint32_t hrows = depth + (two ? 1u : 0u);
	for (uint32_t i = 0; i < hrows; i++) {
		jx_scell *r = add_row(a, sh);
		if (!r)
			return JX_ENOMEM;
		for (uint32_t c = 0; c < ncols; c++)
			r[c].style = JX_CS_HEAD;
	}
	if (two) {
		for (int s = 0; s < 2; s++) {
			set_text(&sh->rows.v[hr][sides[s].c0], s ? "支出" : "收入", JX_CS_HEAD);
			uint32_t last = sides[s].c0 + sides[s].namecols + (uint32_t)sides[s].ncols - 1;
			if ((rc = merge(a, sh, hr, sides[s].c0, hr, last)))
				return rc;
		}
		hr++;
	}
	for (int s = 0; s < (two ? 2 : 1); s++)
		if ((rc = side_headers(a, sh, t, &sides[s], hr, depth, heads)))
			return rc;
	sh->head_rows = (uint32_t)sh->rows.n;
	/* Two-sided tables line up like the printed form, totals side by side (render_int.h). */
	size_t runs[2][4] = {{0}};
	for (int s = 0; s < (two ? 2 : 1); s++)
		jx_render_side_runs(t, s, sides[s].nrows, runs[s]);
	size_t next[2] = {0, 0};
	for (int k = 0; k < 4; k++) {
		size_t h = runs[0][k] > runs[1][k] ? runs[0][k] : runs[1][k];
		for (size_t i = 0; i < h; i++) {
			jx_scell *r = add_row(a, sh);
			if (!r)
				return JX_ENOMEM;
			for (int s = 0; s < (two ? 2 : 1); s++)
				if (i < runs[s][k] &&
				    (rc = side_cells(a, r, t, &sides[s], sides[s].rows[next[s]++], unit)))
					return rc;
		}
	}
	if (t->note && *t->note && (rc = full_row(a, sh, t->note, JX_CS_NOTE)))
		return rc;
	return 0;
}

/* ---- target tables ---- */

enum { TCOLS = 7 };

/* A label in column 0 and its text merged across the rest. */
static int field_row(jx_arena *a, jx_sheet *sh, const char *label, const char *text)
{
	jx_scell *r = add_row(a, sh);
	if (!r)
		return JX_ENOMEM;
	set_text(&r[0], label, JX_CS_LABEL);
	set_text(&r[1], text ? text : "", JX_CS_BODY);
	return merge(a, sh, cur_row(sh), 1, cur_row(sh), sh->ncols - 1);
}

/* Two label/text pairs: label | text (1–2) | label | text (4–6). */
static int pair_row(jx_arena *a, jx_sheet *sh, const char *l1, const char *t1, const char *l2, const char *t2)
{
	jx_scell *r = add_row(a, sh);
	if (!r)
		return JX_ENOMEM;
	set_text(&r[0], l1, JX_CS_LABEL);
	set_text(&r[1], t1 ? t1 : "", JX_CS_BODY);
	set_text(&r[3], l2, JX_CS_LABEL);
	set_text(&r[4], t2 ? t2 : "", JX_CS_BODY);
	uint32_t row = cur_row(sh);
	int rc = merge(a, sh, row, 1, row, 2);
	return rc ? rc : merge(a, sh, row, 4, row, TCOLS - 1);
}

/* Target forms fill a landscape A4 page: wide name and text columns, narrow 符号 and 计量单位. */
static const double target_widths[JX_SHEET_MAX_HINT] = {14, 18, 34, 8, 16, 12, 30, 0};

static const char *const ind_heads[TCOLS] = {"一级指标", "二级指标", "三级指标", "符号", "指标值", "计量单位",
					     "指标解释"};

/* Fills one indicator row: names, comparator, the number as a number when the value is a plain quantity (and
 * writing it back as symbol + number + unit gives the same value), else the value text as written. */
static int indicator_cells(jx_arena *a, jx_scell *r, const jx_indicator *ind)
{
	set_text(&r[0], ind->level1 ? ind->level1 : "", JX_CS_BODY);
	set_text(&r[1], ind->level2 ? ind->level2 : "", JX_CS_BODY);
	set_text(&r[2], ind->name ? ind->name : "", JX_CS_BODY);
	const jx_value *v = &ind->value;
	set_text(&r[3], jx_sheet_op_symbol(v), JX_CS_BODY);
	bool numeric = v->has_number && (v->kind == JX_KIND_COUNT || v->kind == JX_KIND_NUMBER ||
					 v->kind == JX_KIND_PERCENT || v->kind == JX_KIND_MONEY ||
					 v->kind == JX_KIND_MONEY_PER_UNIT);
	char num[32];
	if (numeric) {
		jx_decimal_format(&v->number, num);
		const char *again = jx_arena_printf(a, "%s%s%s", jx_op_symbol(v->op), num, v->unit ? v->unit : "");
		jx_value back;
		if (!again || jx_value_parse(&back, again, strlen(again), a))
			numeric = false;
		else
			numeric = back.op == v->op && back.kind == v->kind && jx_decimal_cmp(&back.number, &v->number) == 0 &&
				  !strcmp(back.unit ? back.unit : "", v->unit ? v->unit : "");
	}
	if (numeric) {
		r[4].kind = JX_CK_DECIMAL;
		r[4].text = jx_arena_strdup(a, num);
		r[4].scale = v->number.scale;
		if (!r[4].text)
			return JX_ENOMEM;
		set_text(&r[5], v->unit ? v->unit : "", JX_CS_BODY);
	} else {
		set_text(&r[4], v->text ? v->text : "", JX_CS_BODY);
		set_text(&r[5], "", JX_CS_BODY);
	}
	set_text(&r[6], ind->desc ? ind->desc : "", JX_CS_BODY);
	return 0;
}

/* The indicator block of a target table: a heading row, the column headers, and level-1/level-2 cells merged
 * down over their indicators as on the printed forms. */
static int indicator_block(jx_arena *a, jx_sheet *sh, const char *heading, const jx_indicator_vec *inds, int scope)
{
	size_t count = 0;
	for (size_t i = 0; i < inds->n; i++)
		count += (int)inds->v[i].scope == scope;
	if (!count && scope != JX_SCOPE_YEAR)
		return 0;
	int rc = full_row(a, sh, heading, JX_CS_HEAD);
	if (rc)
		return rc;
	jx_scell *h = add_row(a, sh);
	if (!h)
		return JX_ENOMEM;
	for (uint32_t c = 0; c < TCOLS; c++)
		set_text(&h[c], ind_heads[c], JX_CS_HEAD);
	uint32_t start[2] = {0, 0};
	const char *prev[2] = {NULL, NULL};
	for (size_t i = 0; i < inds->n; i++) {
		const jx_indicator *ind = &inds->v[i];
		if ((int)ind->scope != scope)
			continue;
		jx_scell *r = add_row(a, sh);
		if (!r)
			return JX_ENOMEM;
		if ((rc = indicator_cells(a, r, ind)))
			return rc;
		uint32_t row = cur_row(sh);
		const char *names[2] = {ind->level1 ? ind->level1 : "", ind->level2 ? ind->level2 : ""};
		for (int k = 0; k < 2; k++) {
			bool cont = prev[k] && !strcmp(prev[k], names[k]) && *names[k] && (k == 0 || start[1] >= start[0]);
			if (k == 1 && cont && start[0] == row)
				cont = false; /* a new level 1 starts a new level 2 group */
			if (cont) {
				set_text(&r[k], "", JX_CS_BODY);
				continue;
			}
			if (prev[k] && row - start[k] > 1 && (rc = merge(a, sh, start[k], (uint32_t)k, row - 1, (uint32_t)k)))
				return rc;
			start[k] = row;
			prev[k] = names[k];
		}
	}
	uint32_t end = cur_row(sh) + 1;
	for (int k = 0; k < 2; k++)
		if (prev[k] && end - start[k] > 1 && (rc = merge(a, sh, start[k], (uint32_t)k, end - 1, (uint32_t)k)))
			return rc;
	return 0;
}

static jx_money_unit project_unit(const jx_project *p)
{
	if (p->amount.present && p->amount.unit)
		return p->amount.unit;
	jx_money_unit u = jx_money_unit_parse(p->unit_label ? p->unit_label : "");
	if (u)
		return u;
	for (size_t i = 0; i < p->funding.n; i++)
		if (p->funding.v[i].year.present && p->funding.v[i].year.unit)
			return p->funding.v[i].year.unit;
	return JX_MU_YUAN;
}

static int money_row(jx_arena *a, jx_sheet *sh, const char *label, const jx_amount *total, const jx_amount *year,
		     int64_t per, jx_cell_style st)
{
	jx_scell *r = add_row(a, sh);
	if (!r)
		return JX_ENOMEM;
	r[0].style = JX_CS_LABEL;
	set_text(&r[1], label, st);
	int rc = set_money(a, &r[3], total, per, st);
	if (!rc)
		rc = set_money(a, &r[4], year, per, st);
	uint32_t row = cur_row(sh);
	if (!rc)
		rc = merge(a, sh, row, 1, row, 2);
	return rc ? rc : merge(a, sh, row, 4, row, TCOLS - 1);
}

static int project_sheet(jx_arena *a, jx_sheet_vec *out, const jx_pkg *pkg, size_t idx)
{
	const jx_project *p = &pkg->projects.v[idx];
	const char *pname = p->name ? p->name : "";
	char *cname = clean_name(a, pname, 40);
	const char *file = cname ? jx_arena_printf(a, "项目%02zu-%s", idx + 1, cname) : NULL;
	const char *want = cname ? jx_arena_printf(a, "项目%zu %s", idx + 1, cname) : NULL;
	const char *name = want ? sheet_name(a, out, want) : NULL;
	if (!file || !name)
		return JX_ENOMEM;
	jx_sheet *sh = new_sheet(a, out, file, name, TCOLS);
	if (!sh)
		return JX_ENOMEM;
	sh->wide = true;
	sh->min_width = target_widths;
	jx_money_unit u = project_unit(p);
	int64_t per = unit_per(u);
	const char *title = pkg->year ? jx_arena_printf(a, "%d年项目支出绩效目标表", pkg->year) : "项目支出绩效目标表";
	int rc;
	if ((rc = full_row(a, sh, title, JX_CS_TITLE)) || (rc = full_row(a, sh, unit_line(a, u), JX_CS_UNIT)))
		return rc;
	sh->head_rows = 2;
	if ((rc = field_row(a, sh, "项目名称", pname)) ||
	    (rc = pair_row(a, sh, "主管部门", p->supervisor, "实施单位", p->implementer)) ||
	    (rc = pair_row(a, sh, "项目属性", p->attribute, "项目期", p->duration)))
		return rc;
	/* 项目资金: a label merged down over the funding lines. */
	uint32_t money0 = (uint32_t)sh->rows.n;
	jx_scell *h = add_row(a, sh);
	if (!h)
		return JX_ENOMEM;
	set_text(&h[0], "项目资金", JX_CS_LABEL);
	set_text(&h[1], "资金来源", JX_CS_HEAD);
	h[2].style = JX_CS_HEAD;
	set_text(&h[3], "实施期资金总额", JX_CS_HEAD);
	set_text(&h[4], "年度资金总额", JX_CS_HEAD);
	h[5].style = h[6].style = JX_CS_HEAD;
	if ((rc = merge(a, sh, money0, 1, money0, 2)) || (rc = merge(a, sh, money0, 4, money0, TCOLS - 1)))
		return rc;
	if ((rc = money_row(a, sh, "合计", &p->amount_total, &p->amount, per, JX_CS_TOTAL)))
		return rc;
	for (size_t i = 0; i < p->funding.n; i++) {
		const jx_funding *f = &p->funding.v[i];
		if ((rc = money_row(a, sh, f->source ? f->source : "", &f->total, &f->year, per, JX_CS_BODY)))
			return rc;
	}
	if ((rc = merge(a, sh, money0, 0, cur_row(sh), 0)))
		return rc;
	/* Goals: 实施期目标 | 年度目标 side by side. */
	jx_scell *gh = add_row(a, sh);
	if (!gh)
		return JX_ENOMEM;
	set_text(&gh[0], "实施期目标", JX_CS_HEAD);
	gh[1].style = gh[2].style = JX_CS_HEAD;
	set_text(&gh[3], "年度目标", JX_CS_HEAD);
	gh[4].style = gh[5].style = gh[6].style = JX_CS_HEAD;
	uint32_t row = cur_row(sh);
	if ((rc = merge(a, sh, row, 0, row, 2)) || (rc = merge(a, sh, row, 3, row, TCOLS - 1)))
		return rc;
	jx_scell *g = add_row(a, sh);
	if (!g)
		return JX_ENOMEM;
	set_text(&g[0], p->goal_total.s ? p->goal_total.s : "", JX_CS_BODY);
	set_text(&g[3], p->goal_year.s ? p->goal_year.s : "", JX_CS_BODY);
	row = cur_row(sh);
	if ((rc = merge(a, sh, row, 0, row, 2)) || (rc = merge(a, sh, row, 3, row, TCOLS - 1)))
		return rc;
	if ((rc = indicator_block(a, sh, "年度绩效指标", &p->indicators, JX_SCOPE_YEAR)))
		return rc;
	return indicator_block(a, sh, "实施期绩效指标", &p->indicators, JX_SCOPE_PERIOD);
}

static int overall_sheet(jx_arena *a, jx_sheet_vec *out, const jx_pkg *pkg)
{
	const jx_overall *o = &pkg->overall;
	const char *name = sheet_name(a, out, "部门整体支出绩效目标");
	if (!name)
		return JX_ENOMEM;
	jx_sheet *sh = new_sheet(a, out, "整体-部门整体支出绩效目标表", name, TCOLS);
	if (!sh)
		return JX_ENOMEM;
	sh->wide = true;
	sh->min_width = target_widths;
	jx_money_unit u = o->total.present && o->total.unit ? o->total.unit : JX_MU_WANYUAN;
	for (size_t i = 0; !(o->total.present && o->total.unit) && i < o->budget.n; i++)
		if (o->budget.v[i].amount.present && o->budget.v[i].amount.unit) {
			u = o->budget.v[i].amount.unit;
			break;
		}
	int64_t per = unit_per(u);
	const char *title = o->title ? o->title
				     : pkg->year ? jx_arena_printf(a, "%d年部门整体支出绩效目标表", pkg->year)
						 : "部门整体支出绩效目标表";
	int rc;
	if ((rc = full_row(a, sh, title, JX_CS_TITLE)) || (rc = full_row(a, sh, unit_line(a, u), JX_CS_UNIT)))
		return rc;
	sh->head_rows = 2;
	if ((rc = field_row(a, sh, "部门名称", pkg->dept.name)))
		return rc;
	uint32_t money0 = (uint32_t)sh->rows.n;
	jx_scell *h = add_row(a, sh);
	if (!h)
		return JX_ENOMEM;
	set_text(&h[0], "年度预算", JX_CS_LABEL);
	set_text(&h[1], "类别", JX_CS_HEAD);
	set_text(&h[2], "名称", JX_CS_HEAD);
	h[3].style = JX_CS_HEAD;
	set_text(&h[4], "金额", JX_CS_HEAD);
	h[5].style = h[6].style = JX_CS_HEAD;
	if ((rc = merge(a, sh, money0, 2, money0, 3)) || (rc = merge(a, sh, money0, 4, money0, TCOLS - 1)))
		return rc;
	jx_scell *tr = add_row(a, sh);
	if (!tr)
		return JX_ENOMEM;
	set_text(&tr[1], "资金总额", JX_CS_TOTAL);
	tr[2].style = tr[3].style = JX_CS_TOTAL;
	if ((rc = set_money(a, &tr[4], &o->total, per, JX_CS_TOTAL)))
		return rc;
	uint32_t row = cur_row(sh);
	if ((rc = merge(a, sh, row, 1, row, 3)) || (rc = merge(a, sh, row, 4, row, TCOLS - 1)))
		return rc;
	for (size_t i = 0; i < o->budget.n; i++) {
		const jx_named_amount *na = &o->budget.v[i];
		jx_scell *r = add_row(a, sh);
		if (!r)
			return JX_ENOMEM;
		const char *group = na->group && !strcmp(na->group, "direction") ? "按资金方向" : "按资金来源";
		set_text(&r[1], group, JX_CS_BODY);
		set_text(&r[2], na->name ? na->name : "", JX_CS_BODY);
		if ((rc = set_money(a, &r[4], &na->amount, per, JX_CS_BODY)))
			return rc;
		row = cur_row(sh);
		if ((rc = merge(a, sh, row, 2, row, 3)) || (rc = merge(a, sh, row, 4, row, TCOLS - 1)))
			return rc;
	}
	if ((rc = merge(a, sh, money0, 0, cur_row(sh), 0)))
		return rc;
	if ((rc = field_row(a, sh, "部门职责", o->duties.s ? o->duties.s : pkg->dept.duties.s)) ||
	    (rc = field_row(a, sh, "部门战略目标", o->strategy.s)) || (rc = field_row(a, sh, "年度绩效目标", o->goal.s)))
		return rc;
	if (o->tasks.n) {
		static const char *const th[TCOLS] = {"序号", "工作任务", "", "总额", "基本支出", "项目支出", "其他资金"};
		jx_scell *r = add_row(a, sh);
		if (!r)
			return JX_ENOMEM;
		for (uint32_t c = 0; c < TCOLS; c++)
			set_text(&r[c], th[c], JX_CS_HEAD);
		if ((rc = merge(a, sh, cur_row(sh), 1, cur_row(sh), 2)))
			return rc;
		for (size_t i = 0; i < o->tasks.n; i++) {
			const jx_task *t = &o->tasks.v[i];
			if (!(r = add_row(a, sh)))
				return JX_ENOMEM;
			set_text(&r[0], t->no ? t->no : "", JX_CS_BODY);
			set_text(&r[1], t->name ? t->name : "", JX_CS_BODY);
			if ((rc = set_money(a, &r[3], &t->total, per, JX_CS_BODY)) ||
			    (rc = set_money(a, &r[4], &t->basic, per, JX_CS_BODY)) ||
			    (rc = set_money(a, &r[5], &t->project, per, JX_CS_BODY)) ||
			    (rc = set_money(a, &r[6], &t->other, per, JX_CS_BODY)) ||
			    (rc = merge(a, sh, cur_row(sh), 1, cur_row(sh), 2)))
				return rc;
		}
	}
	for (size_t i = 0; i < o->goals.n; i++) {
		const jx_goal *gl = &o->goals.v[i];
		const char *label = gl->no ? jx_arena_printf(a, "目标%s", gl->no) : "目标";
		if (!label || (rc = field_row(a, sh, label, gl->text)))
			return rc ? rc : JX_ENOMEM;
	}
	return indicator_block(a, sh, "绩效指标", &o->indicators, JX_SCOPE_YEAR);
}

static const char *severity_zh(jx_severity s)
{
	switch (s) {
	case JX_SEV_ERROR: return "错误";
	case JX_SEV_WARNING: return "警告";
	case JX_SEV_INFO: return "提示";
	case JX_SEV_OFF: break;
	}
	return "";
}

static int report_sheet(jx_arena *a, jx_sheet_vec *out, const jx_report *rep)
{
	const char *name = sheet_name(a, out, "审核意见");
	if (!name)
		return JX_ENOMEM;
	jx_sheet *sh = new_sheet(a, out, "审核意见", name, 7);
	if (!sh)
		return JX_ENOMEM;
	int rc = full_row(a, sh, "审核意见", JX_CS_TITLE);
	if (rc)
		return rc;
	static const char *const head[7] = {"序号", "级别", "规则", "对象", "项目", "说明", "位置"};
	jx_scell *h = add_row(a, sh);
	if (!h)
		return JX_ENOMEM;
	for (uint32_t c = 0; c < 7; c++)
		set_text(&h[c], head[c], JX_CS_HEAD);
	sh->head_rows = 2;
	size_t n = jx_report_count(rep);
	for (size_t i = 0; i < n; i++) {
		const jx_finding *f = jx_report_at(rep, i);
		if (!f || f->severity == JX_SEV_OFF)
			continue;
		jx_scell *r = add_row(a, sh);
		if (!r)
			return JX_ENOMEM;
		set_text(&r[0], jx_arena_printf(a, "%zu", i + 1), JX_CS_BODY);
		set_text(&r[1], severity_zh(f->severity), JX_CS_BODY);
		set_text(&r[2], f->rule && f->rule->id ? f->rule->id : "", JX_CS_BODY);
		set_text(&r[3], f->subject ? f->subject : "", JX_CS_BODY);
		set_text(&r[4], f->item ? f->item : "", JX_CS_BODY);
		set_text(&r[5], f->message ? f->message : "", JX_CS_BODY);
		/* The document's name without its directory: the reviewer knows where the file is. */
		const char *file = f->src.file ? f->src.file : "", *slash = strrchr(file, '/');
		const char *where = f->src.line ? jx_arena_printf(a, "%s:%u", slash ? slash + 1 : file, f->src.line) : "";
		set_text(&r[6], where, JX_CS_BODY);
		if (!r[0].text || !r[6].text)
			return JX_ENOMEM;
	}
	return 0;
}

int jx_sheets_build(const jx_pkg *pkg, const jx_render_opts *opts, jx_arena *a, jx_sheet_vec *out)
{
	unsigned what = opts && opts->what ? opts->what : JX_RENDER_TABLES | JX_RENDER_TARGETS | JX_RENDER_OVERALL;
	int rc = 0;
	if (what & JX_RENDER_TABLES)
		for (size_t i = 0; !rc && i < pkg->tables.n; i++)
			rc = table_sheet(a, out, pkg, &pkg->tables.v[i]);
	if (!rc && (what & JX_RENDER_OVERALL) && pkg->overall.present)
		rc = overall_sheet(a, out, pkg);
	if (what & JX_RENDER_TARGETS)
		for (size_t i = 0; !rc && i < pkg->projects.n; i++)
			rc = project_sheet(a, out, pkg, i);
	if (!rc && (what & JX_RENDER_REPORT) && opts && opts->report)
		rc = report_sheet(a, out, opts->report);
	if (rc)
		return rc == JX_ENOMEM ? jx_error_set(JX_ENOMEM, "内存不足") : rc;
	if (!out->n)
		return jx_error_set(JX_EINVAL, "没有可输出的表格");
	return 0;
}
