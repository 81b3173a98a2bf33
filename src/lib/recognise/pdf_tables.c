/* pdf_tables.c: recognises the disclosure tables (预算公开表1–13) in PDF text. A table starts at its marker line
 * ("预算公开表N"), its kind comes from the title's vocabulary, and its rows are read from the raw text lines: blank
 * cells are printed as extra spaces, so positions come from the spacing, repaired (with a note) where the spacing
 * has more gaps than the table has columns. On true cells (JX_LAYOUT_CELLS, e.g. the PDF reader's ruled tables)
 * each cell is one token and the amounts are the rightmost cells; header rows are the rows before the first
 * amounts. */
#include <stdlib.h>
#include <string.h>

#include "recognise/recognise.h"
#include "util/arena.h"
#include "util/utf8.h"

enum tkind {
	TK_NONE,
	TK_TWO_SIDED, /* 收支总表, 财政拨款收支总表 */
	TK_CODED,     /* 科目编码 | 科目名称 | amounts */
	TK_ECON,      /* 部门预算经济科目 | 政府预算经济科目 | amounts */
	TK_NAMED,     /* 项目 / 单位名称 / 项目名称 | amounts */
};

typedef struct tspec {
	enum tkind kind;
	const char *cols[8];   /* amount columns (right side for two-sided tables) */
	const char *left_col;  /* two-sided: the income column */
} tspec;

static bool has(const char *s, const char *w)
{
	return strstr(s, w) != NULL;
}

/* The table's kind and columns from the words of its title. */
static tspec spec_for(const char *title)
{
	tspec t = {TK_NONE, {NULL}, NULL};
	if (has(title, "收支总表")) {
		t.kind = TK_TWO_SIDED;
		if (has(title, "财政拨款")) {
			t.left_col = "金额";
			static const char *const c[] = {"小计", "一般公共预算", "政府性基金预算", "国有资本经营预算"};
			memcpy(t.cols, c, sizeof c);
		} else {
			t.left_col = "本年";
			static const char *const c[] = {"合计", "当年预算安排", "上年结转安排"};
			memcpy(t.cols, c, sizeof c);
		}
	} else if (has(title, "收入总表")) {
		t.kind = TK_CODED;
		static const char *const c[] = {"本年收入/合计", "本年收入/一般公共预算", "本年收入/政府性基金",
			"本年收入/国有资本经营预算", "本年收入/财政专户管理资金", "本年收入/单位资金", "上年结转"};
		memcpy(t.cols, c, sizeof c);
	} else if (has(title, "经济科目")) {
		t.kind = TK_ECON;
		static const char *const c[] = {"合计", "人员经费", "公用经费"};
		memcpy(t.cols, c, sizeof c);
	} else if (has(title, "政府性基金") && has(title, "收入")) {
		t.kind = TK_CODED;
		t.cols[0] = "政府性基金收入预算";
	} else if (has(title, "国有资本经营预算")) {
		t.kind = TK_CODED;
		static const char *const c[] = {"合计", "基本支出", "项目支出"};
		memcpy(t.cols, c, sizeof c);
	} else if (has(title, "三公") || has(title, "机关运行经费")) {
		t.kind = TK_NAMED;
		static const char *const c[] = {"合计", "一般公共预算", "政府性基金预算", "国有资本经营预算"};
		memcpy(t.cols, c, sizeof c);
	} else if (has(title, "项目支出") && has(title, "上年结转")) {
		t.kind = TK_NAMED;
		static const char *const c[] = {"合计", "一般公共预算", "政府性基金预算", "国有资本经营预算"};
		memcpy(t.cols, c, sizeof c);
	} else if (has(title, "项目支出")) {
		t.kind = TK_NAMED;
		static const char *const c[] = {"合计", "一般公共预算", "政府性基金预算", "国有资本经营预算",
			"财政专户管理资金", "单位资金"};
		memcpy(t.cols, c, sizeof c);
	} else if (has(title, "支出")) {
		t.kind = TK_CODED;
		static const char *const c[] = {"合计", "基本支出", "项目支出"};
		memcpy(t.cols, c, sizeof c);
	}
	return t;
}

static size_t ncols(const tspec *t)
{
	size_t n = 0;
	while (n < 8 && t->cols[n])
		n++;
	return n;
}

/* "预算公开表12" / "部门公开表9": the table number, or 0. */
static int marker_number(const char *s)
{
	size_t n = strlen(s);
	s = jx_utf8_trim(s, &n);
	const char *p = strstr(s, "公开表");
	if (!p || p - s > 6 || (size_t)(p - s) + 9 >= n + 1)
		return 0;
	p += 9;
	int num = 0, d = 0;
	while (*p >= '0' && *p <= '9' && d < 3)
		num = num * 10 + (*p++ - '0'), d++;
	size_t rest = n - (size_t)(p - s);
	const char *r = jx_utf8_trim(p, &rest);
	(void)r;
	return (d > 0 && rest == 0 && num >= 1 && num <= 99) ? num : 0;
}

/* A token of a raw line: text or an empty cell, with its byte offset. */
typedef struct tok {
	const char *s;
	size_t len, off;
} tok;

#define MAXTOK 48

/* Splits a line on single ASCII spaces (a run of k spaces gives k-1 empty tokens), after leading spaces. Tokens
 * where a number runs into text ("1632.76一、一般…") are split in two. */
static size_t tokenize(const char *line, tok *t, size_t *lead)
{
	size_t n = strlen(line), i = 0, k = 0;
	while (i < n && (line[i] == ' ' || line[i] == '\t'))
		i++;
	*lead = i;
	while (i <= n && k < MAXTOK) {
		size_t j = i;
		while (j < n && line[j] != ' ' && line[j] != '\t')
			j++;
		/* number followed by non-number text */
		size_t m = i;
		while (m < j && ((line[m] >= '0' && line[m] <= '9') || line[m] == '.' || line[m] == ','))
			m++;
		bool year = m - i == 4 && j - m >= 3 && memcmp(line + m, "年", 3) == 0 && !memchr(line + i, '.', 4) &&
			    !memchr(line + i, ',', 4);
		if (m > i && m < j && (unsigned char)line[m] >= 0x80 && !year && k + 1 < MAXTOK) {
			t[k++] = (tok){line + i, m - i, i};
			t[k++] = (tok){line + m, j - m, m};
		} else {
			t[k++] = (tok){line + i, j - i, i};
		}
		if (j >= n)
			break;
		i = j + 1;
	}
	return k;
}

/* The tokens of a grid row. PDF text is re-split from its raw line; a row of true cells (JX_LAYOUT_CELLS, from
 * the PDF, DOCX or spreadsheet readers) gives one token per cell, the cell's column as its offset. */
/* The index of the first token with text (n when there is none): blank cells come first on an indented row. */
static size_t first_nonempty(const tok *t, size_t n)
{
	size_t k = 0;
	while (k < n && t[k].len == 0)
		k++;
	return k;
}

static size_t row_tokens(const jx_grid *g, const jx_grid_row *gr, const char *line, tok *t, size_t *lead)
{
	if (g->layout != JX_LAYOUT_CELLS)
		return tokenize(line, t, lead);
	*lead = 0;
	size_t k = 0;
	for (size_t c = 0; c < gr->n && k < MAXTOK; c++) {
		const char *s = gr->cells[c].text ? gr->cells[c].text : "";
		size_t col = gr->cells[c].src.col ? gr->cells[c].src.col - 1 : c;
		t[k++] = (tok){s, strlen(s), col};
	}
	return k;
}

static bool tok_is_num(const tok *t)
{
	if (t->len == 0)
		return false;
	jx_decimal d;
	return jx_decimal_parse(&d, t->s, t->len) == (int)t->len;
}

static bool tok_is_code(const tok *t)
{
	if (t->len != 3 && t->len != 5 && t->len != 7)
		return false;
	for (size_t i = 0; i < t->len; i++)
		if (t->s[i] < '0' || t->s[i] > '9')
			return false;
	return true;
}

static bool tok_eq(const tok *t, const char *w)
{
	return t->len == strlen(w) && memcmp(t->s, w, t->len) == 0;
}

typedef struct tctx {
	jx_rec_ctx *ctx;
	jx_pkg *pkg;
	jx_table *t;
	size_t nc;
	bool cells; /* true cells: amounts are the rightmost columns */
	int side_cols; /* first column index of the right side (two-sided), else 0 */
} tctx;

/* Places the amount tokens cells[0..n) into `width` columns starting at column `first`; too many cells (noisy
 * spacing) lose empty cells from their longest empty run, with a note. */
static int place_amounts(tctx *c, jx_row *r, tok *cells, size_t n, size_t first, size_t width, uint32_t line)
{
	while (n > width && n > 0 && cells[n - 1].len == 0)
		n--;
	/* True cells: blank cells left of the amounts belong to the label columns (a total row's name cell). */
	while (c->cells && n > width && cells[0].len == 0) {
		cells++;
		n--;
	}
	bool repaired = false;
	while (n > width) {
		size_t best = 0, best_len = 0, run = 0;
		for (size_t i = 0; i < n; i++) {
			run = cells[i].len == 0 ? run + 1 : 0;
			if (run > best_len) {
				best_len = run;
				best = i;
			}
		}
		if (best_len == 0)
			break;
		memmove(&cells[best], &cells[best + 1], (n - best - 1) * sizeof *cells);
		n--;
		repaired = true;
	}
	if (n > width)
		return jx_pkg_note(c->pkg, JX_NOTE_WARNING, "import.ambiguous-cells", c->t->title, r->src,
				   "第%u行的数字多于表格列数，未能读取", line);
	for (size_t i = 0; i < n; i++) {
		if (cells[i].len == 0)
			continue;
		jx_src s = r->src;
		s.col = (uint32_t)cells[i].off + 1;
		s.len = (uint32_t)cells[i].len;
		int rc = jx_amount_parse(c->pkg, &r->amounts[first + i], cells[i].s, cells[i].len, c->t->unit, s);
		if (rc == JX_ENOMEM)
			return rc;
		if (rc)
			return jx_pkg_note(c->pkg, JX_NOTE_WARNING, "import.bad-amount", c->t->title, s,
					   "“%.*s”不是金额", (int)cells[i].len, cells[i].s);
	}
	if (repaired)
		return jx_pkg_note(c->pkg, JX_NOTE_INFO, "import.ambiguous-cells", c->t->title, r->src,
				   "第%u行的空格多于表格列数，已按最长的空白合并一格后读取", line);
	return 0;
}

static jx_row *new_row(tctx *c, const jx_grid_row *gr, int side)
{
	jx_row *r = jx_vec_push(c->pkg->arena, &c->t->rows);
	if (!r)
		return NULL;
	r->amounts = jx_arena_calloc(c->pkg->arena, c->nc ? c->nc : 1, sizeof *r->amounts);
	if (!r->amounts)
		return NULL;
	r->src = gr->src;
	r->src.col = 0;
	r->side = side;
	return r;
}

static bool is_total_name(const char *s)
{
	return has(s, "合计") || has(s, "总计");
}

static const char *dupn(tctx *c, const char *s, size_t n)
{
	size_t len = n;
	const char *t = jx_utf8_trim(s, &len);
	return jx_pkg_strndup(c->pkg, t, len);
}

/* Appends a wrapped fragment to a row's name. */
static int join_name(tctx *c, jx_row *r, const char *frag, size_t n)
{
	const char *old = r->name ? r->name : "";
	const char *j = jx_arena_printf(c->pkg->arena, "%s%.*s", old, (int)n, frag);
	if (!j)
		return JX_ENOMEM;
	r->name = j;
	return 0;
}

static bool cjk_start(const tok *t)
{
	return t->len > 0 && (unsigned char)t->s[0] >= 0x80;
}

/* Income names of the two-sided tables end without 支出; everything else on the line is the expenditure side. */
static bool is_income_name(const tok *t)
{
	static const char *const w[] = {"一般公共预算", "政府性基金预算", "国有资本经营预", "财政专户管理资金", "单位资金",
		"本年收入合计", "上年结转", "上年财政拨款结转", "收入总计", NULL};
	char buf[256];
	size_t n = t->len < sizeof buf - 1 ? t->len : sizeof buf - 1;
	memcpy(buf, t->s, n);
	buf[n] = '\0';
	if (has(buf, "支出"))
		return false;
	/* Income items are numbered 一、 to 五、 at most: a longer numeral belongs to the 30 expenditure classes. */
	const char *dun = strstr(buf, "、");
	if (dun && dun - buf > 3)
		return false;
	for (int i = 0; w[i]; i++)
		if (has(buf, w[i]))
			return true;
	return false;
}

static int read_two_sided(tctx *c, size_t from, size_t to)
{
	const jx_grid *g = c->ctx->g;
	jx_row *last_exp = NULL, *last_inc = NULL;
	bool exp_open = false; /* the last expenditure name may still wrap */
	bool inc_open = false; /* the last income name may still wrap */
	bool in_data = false;
	for (size_t i = from; i < to; i++) {
		const jx_grid_row *gr = &g->rows.v[i];
		const char *line = jx_grid_line(g, gr->src.line);
		if (!line)
			continue;
		tok t[MAXTOK];
		size_t lead, n = row_tokens(g, gr, line, t, &lead);
		size_t k = first_nonempty(t, n);
		if (k == n)
			continue;
		/* Header lines come before the first numbered row. */
		if (!in_data) {
			/* True cells: the header rows name columns (本年…) but carry no amounts. */
			bool nums = false;
			for (size_t m = k; m < n; m++)
				nums |= tok_is_num(&t[m]);
			if (c->cells && !nums && !has(line, "一、")) {
				c->ctx->claimed[i] = 1;
				continue;
			}
			if (!(cjk_start(&t[k]) && (has(line, "一、") || has(line, "本年")))) {
				c->ctx->claimed[i] = 1;
				continue;
			}
			in_data = true;
		}
		if (has(line, "部分") && strncmp(line + lead, "第", 3) == 0) {
			c->ctx->claimed[i] = 1;
			continue;
		}
		c->ctx->claimed[i] = 1;
		/* A line of numbers only: the amounts of the expenditure row whose name wrapped. */
		if (!cjk_start(&t[k])) {
			if (last_exp && tok_is_num(&t[k]) && !last_exp->amounts[c->side_cols].present) {
				int rc = place_amounts(c, last_exp, t + k, n - k, (size_t)c->side_cols,
						       c->nc - (size_t)c->side_cols, gr->src.line);
				if (rc)
					return rc;
				exp_open = false;
			}
			continue;
		}
		/* A fragment alone: the end of a wrapped name. */
		if (n - k == 1 && t[k].len <= 48 && !has(line, "、") && !is_total_name(line + lead)) {
			jx_row *r = exp_open ? last_exp : (inc_open ? last_inc : NULL);
			inc_open = false;
			if (r) {
				int rc = join_name(c, r, t[k].s, t[k].len);
				if (rc)
					return rc;
			}
			continue;
		}
		bool income_first = lead < 2 && is_income_name(&t[k]);
		if (income_first) {
			jx_row *r = new_row(c, gr, 0);
			if (!r)
				return JX_ENOMEM;
			r->name = dupn(c, t[k].s, t[k].len);
			r->kind = is_total_name(r->name) ? JX_ROW_TOTAL : JX_ROW_ITEM;
			last_inc = r;
			exp_open = false;
			inc_open = !(has(r->name, "预算") || has(r->name, "资金") || is_total_name(r->name) ||
				     has(r->name, "结转"));
			k++;
			if (k < n && tok_is_num(&t[k])) {
				jx_src s = r->src;
				s.col = (uint32_t)t[k].off + 1;
				int rc = jx_amount_parse(c->pkg, &r->amounts[0], t[k].s, t[k].len, c->t->unit, s);
				if (rc == JX_ENOMEM)
					return rc;
				k++;
			} else if (k < n && t[k].len == 0) {
				k++;
			}
			while (k < n && t[k].len == 0)
				k++;
			if (k == n)
				continue;
		}
		if (!cjk_start(&t[k]))
			continue;
		jx_row *r = new_row(c, gr, 1);
		if (!r)
			return JX_ENOMEM;
		r->name = dupn(c, t[k].s, t[k].len);
		r->kind = is_total_name(r->name) ? JX_ROW_TOTAL : JX_ROW_ITEM;
		last_exp = r;
		k++;
		bool any = false;
		for (size_t m = k; m < n; m++)
			any |= t[m].len > 0;
		exp_open = !any && !has(r->name, "支出") && !is_total_name(r->name) && !has(r->name, "结转") &&
			   !has(r->name, "预备费");
		if (any) {
			int rc = place_amounts(c, r, t + k, n - k, (size_t)c->side_cols, c->nc - (size_t)c->side_cols,
					       gr->src.line);
			if (rc)
				return rc;
		}
	}
	return 0;
}

/* True cells: a row of a name and nothing else, where a spreadsheet left the blank amount cells out, is a data
 * row with no amounts (表 of 三公 funds reporting none), not a header: headers come as several named cells. */
static bool cells_blank_row(const jx_grid_row *gr)
{
	size_t named = 0;
	for (size_t m = 0; m < gr->n; m++)
		named += gr->cells[m].text && gr->cells[m].text[0];
	return named == 1 && gr->n == 1 && !gr->paragraph;
}

/* True cells keep the document's own indentation, which may take two ideographic spaces per level ("　　"):
 * the smallest indent of the table's names is one level. Text layouts give one per level already. */
static size_t indent_unit(tctx *c, size_t from, size_t to)
{
	const jx_grid *g = c->ctx->g;
	size_t unit = 0;
	for (size_t i = from; i < to; i++) {
		const jx_grid_row *gr = &g->rows.v[i];
		const char *line = jx_grid_line(g, gr->src.line);
		if (!line)
			continue;
		tok t[MAXTOK];
		size_t lead, n = row_tokens(g, gr, line, t, &lead);
		size_t k = first_nonempty(t, n);
		if (k == n)
			continue;
		size_t ind = 0;
		while (ind * 3 + 3 <= t[k].len && memcmp(t[k].s + ind * 3, "\xE3\x80\x80", 3) == 0)
			ind++;
		if (ind && (!unit || ind < unit))
			unit = ind;
	}
	return unit ? unit : 1;
}

static int read_one_sided(tctx *c, const tspec *sp, size_t from, size_t to)
{
	const jx_grid *g = c->ctx->g;
	jx_row *last = NULL;
	size_t unit = c->cells ? indent_unit(c, from, to) : 1;
	for (size_t i = from; i < to; i++) {
		const jx_grid_row *gr = &g->rows.v[i];
		const char *line = jx_grid_line(g, gr->src.line);
		if (!line)
			continue;
		c->ctx->claimed[i] = 1;
		tok t[MAXTOK];
		size_t lead, n = row_tokens(g, gr, line, t, &lead);
		size_t k = first_nonempty(t, n);
		if (k == n)
			continue;
		if (tok_eq(&t[k], "注：本表无数据") || (t[k].len > 6 && memcmp(t[k].s, "注：", 6) == 0)) {
			c->t->note = dupn(c, t[k].s, t[k].len);
			continue;
		}
		const char *code = NULL, *name = NULL, *name2 = NULL;
		size_t a = k;
		if (sp->kind == TK_CODED && tok_is_code(&t[k]) && k + 1 < n && cjk_start(&t[k + 1])) {
			code = dupn(c, t[k].s, t[k].len);
			name = dupn(c, t[k + 1].s, t[k + 1].len);
			a = k + 2;
		} else if (cjk_start(&t[k])) {
			name = dupn(c, t[k].s, t[k].len);
			a = k + 1;
			if (sp->kind == TK_ECON && a < n && !tok_is_num(&t[a])) {
				if (t[a].len)
					name2 = dupn(c, t[a].s, t[a].len);
				a++;
			}
		} else if (last && tok_is_num(&t[k]) && !last->amounts[0].present) {
			/* The amounts of a row whose name wrapped onto the line before. */
			int rc = place_amounts(c, last, t + k, n - k, 0, c->nc, gr->src.line);
			if (rc)
				return rc;
			continue;
		} else {
			continue; /* numbered column row "1 2 3 …" and the like */
		}
		/* The header's first column. */
		if (!code && (tok_eq(&t[k], "项目名称") || tok_eq(&t[k], "项目") || tok_eq(&t[k], "单位名称") ||
			      tok_eq(&t[k], "科目编码") || tok_eq(&t[k], "收入科目编码")))
			continue;
		/* Header lines name two or more of the table's columns. */
		size_t named = 0;
		for (size_t m = 0; m < c->nc; m++)
			named += has(line, c->t->columns.v[m].name) && strlen(c->t->columns.v[m].name) >= 6;
		if (named >= 2 && !code)
			continue;
		bool any_num = false;
		for (size_t m = a; m < n; m++)
			any_num |= tok_is_num(&t[m]);
		bool total = is_total_name(name);
		/* Header lines: text without numbers before any data (and not a coded row). */
		if (!code && !any_num && !total && c->t->rows.n == 0 && n - k == 1 && !(c->cells && cells_blank_row(gr)))
			continue;
		/* True cells: header rows come first, without amounts, and name columns (a 合计 heading among them);
		 * a row whose amount cells are all blank is data. */
		if (c->cells && !code && !any_num && c->t->rows.n == 0) {
			bool headed = false;
			for (size_t m = a; m < n; m++)
				headed |= t[m].len > 0;
			if (headed)
				continue;
		}
		/* A wrapped project name: text alone right after a row. */
		if (!code && !any_num && sp->kind == TK_NAMED && last && n - k == 1 &&
		    strncmp(line + lead, "\xE3\x80\x80", 3) != 0 && !total) {
			int rc = join_name(c, last, t[k].s, t[k].len);
			if (rc)
				return rc;
			continue;
		}
		if (!code && !total && sp->kind == TK_CODED)
			continue;
		if (!code && !any_num && sp->kind == TK_ECON)
			continue;
		jx_row *r = new_row(c, gr, 0);
		if (!r)
			return JX_ENOMEM;
		r->code = code;
		/* Names indented with U+3000 (表12/13): the level is the indentation. */
		size_t ind = 0;
		while (!code && ind * 3 + 3 <= t[k].len && memcmp(t[k].s + ind * 3, "\xE3\x80\x80", 3) == 0)
			ind++;
		ind /= unit;
		r->name = name;
		r->name2 = name2;
		r->level = code ? (code[3] == '\0' ? 1 : code[5] == '\0' ? 2 : 3) : (int)ind + 1;
		r->kind = total ? JX_ROW_TOTAL : JX_ROW_ITEM;
		if (sp->kind == TK_ECON && !name2 && !total)
			r->kind = JX_ROW_GROUP;
		/* In the project tables the department and unit rows group the projects below them. */
		if (sp->kind == TK_NAMED && has(c->t->title, "项目支出") && ind < 2 && !total)
			r->kind = JX_ROW_GROUP;
		last = r;
		int rc = place_amounts(c, r, t + a, n - a, 0, c->nc, gr->src.line);
		if (rc)
			return rc;
	}
	return 0;
}

int jx_rec_pdf_tables(jx_rec_ctx *ctx)
{
	const jx_grid *g = ctx->g;
	if (g->layout != JX_LAYOUT_PDF_TEXT && g->layout != JX_LAYOUT_CELLS)
		return 0;
	jx_pkg *pkg = ctx->pkg;
	for (size_t i = 0; i < g->rows.n; i++) {
		const jx_grid_row *gr = &g->rows.v[i];
		if (ctx->claimed[i] || gr->n == 0)
			continue;
		int num = marker_number(gr->cells[0].text);
		if (!num || gr->n > 2)
			continue;
		/* The end: the next marker, a part heading after the table's totals, or the end of the text. */
		size_t end = i + 1;
		while (end < g->rows.n) {
			const jx_grid_row *r = &g->rows.v[end];
			if (r->n && marker_number(r->cells[0].text))
				break;
			const char *l = jx_grid_line(g, r->src.line);
			size_t ll = l ? strlen(l) : 0;
			const char *lt = l ? jx_utf8_trim(l, &ll) : "";
			if (strncmp(lt, "第", 3) == 0 && has(lt, "部分") && ll < 60 && !has(lt, "报表"))
				break;
			if (ctx->claimed[end])
				break;
			end++;
		}
		/* Title and unit lines. */
		size_t j = i + 1;
		const char *title = NULL;
		jx_money_unit unit = JX_MU_WANYUAN;
		const char *unit_text = NULL;
		for (; j < end && j < i + 6; j++) {
			const char *l = jx_grid_line(g, g->rows.v[j].src.line);
			if (!l)
				continue;
			if (!title && has(l, "表") && !has(l, "部门名称")) {
				size_t ll = strlen(l);
				const char *lt = jx_utf8_trim(l, &ll);
				title = jx_pkg_strndup(pkg, lt, ll);
				ctx->claimed[j] = 1;
				continue;
			}
			if (has(l, "部门名称") || has(l, "单位：") || has(l, "单位:")) {
				const char *u = strstr(l, "单位");
				if (u && jx_money_unit_parse(u) != JX_MU_NONE) {
					unit = jx_money_unit_parse(u);
					unit_text = jx_money_unit_name(unit);
				}
				const char *dn = strstr(l, "部门名称");
				if (dn && !pkg->dept.name) {
					dn += strlen("部门名称");
					if (strncmp(dn, "：", 3) == 0)
						dn += 3;
					else if (*dn == ':')
						dn++;
					const char *stop = strstr(dn, " ");
					size_t dl = stop ? (size_t)(stop - dn) : strlen(dn);
					const char *us = strstr(dn, "单位");
					if (us && (size_t)(us - dn) < dl)
						dl = (size_t)(us - dn);
					while (dl && (dn[dl - 1] == '\t' || dn[dl - 1] == ' '))
						dl--;
					if (dl)
						pkg->dept.name = jx_pkg_strndup(pkg, dn, dl);
				}
				ctx->claimed[j] = 1;
				if (title) {
					j++;
					break;
				}
			}
		}
		if (!title)
			continue;
		tspec sp = spec_for(title);
		if (sp.kind == TK_NONE) {
			int rc = jx_pkg_note(pkg, JX_NOTE_WARNING, "import.skipped", title, gr->src,
					     "未能识别“%s”的表格类型，已跳过", title);
			if (rc)
				return rc;
			continue;
		}
		jx_table *t = jx_vec_push(pkg->arena, &pkg->tables);
		if (!t)
			return JX_ENOMEM;
		t->number = num;
		t->id = jx_arena_printf(pkg->arena, "t%d", num);
		t->title = title;
		t->unit = unit;
		t->unit_text = unit_text;
		t->src = gr->src;
		ctx->claimed[i] = 1;
		tctx c = {ctx, pkg, t, 0, g->layout == JX_LAYOUT_CELLS, 0};
		if (sp.kind == TK_TWO_SIDED) {
			jx_column *col = jx_vec_push(pkg->arena, &t->columns);
			if (!col)
				return JX_ENOMEM;
			col->name = sp.left_col;
			c.side_cols = 1;
		}
		for (size_t k = 0; k < ncols(&sp); k++) {
			jx_column *col = jx_vec_push(pkg->arena, &t->columns);
			if (!col)
				return JX_ENOMEM;
			col->name = sp.cols[k];
			col->side = sp.kind == TK_TWO_SIDED;
		}
		c.nc = t->columns.n;
		int rc = sp.kind == TK_TWO_SIDED ? read_two_sided(&c, j, end) : read_one_sided(&c, &sp, j, end);
		if (rc)
			return rc;
		i = end - 1;
	}
	return 0;
}
