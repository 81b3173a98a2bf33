/* tables.c: the disclosure tables (预算公开表): parents equal the sum of their children, totals the sum of their
 * rows, a row's 合计 the sum of its columns, income equals expenditure, the identities between tables, and the
 * narrative's amounts and shares recomputed from the tables. */
#include <stdio.h>
#include <string.h>

#include "check/check_int.h"

static bool same_amounts(const jx_row *a, const jx_row *b, size_t ncol)
{
	for (size_t c = 0; c < ncol; c++) {
		if (a->amounts[c].present != b->amounts[c].present)
			return false;
		if (a->amounts[c].present && a->amounts[c].fen != b->amounts[c].fen)
			return false;
	}
	return true;
}

static bool str_eq(const char *a, const char *b) { return (!a && !b) || (a && b && !strcmp(a, b)); }

/* A row printed twice (a page break repeats it) is one row. */
static bool repeated_row(const jx_table *t, size_t i)
{
	const jx_row *r = &t->rows.v[i];
	for (size_t k = 0; k < i; k++) {
		const jx_row *o = &t->rows.v[k];
		if (o->side == r->side && o->kind == r->kind && str_eq(o->code, r->code) && str_eq(o->name, r->name) &&
		    same_amounts(o, r, t->columns.n))
			return true;
	}
	return false;
}

/* Which rows repeat an earlier one, computed once per table (NULL on out-of-memory). */
static const bool *repeats(jx_cx *cx, const jx_table *t)
{
	bool *dup = jx_arena_calloc(cx->tmp, t->rows.n ? t->rows.n : 1, sizeof *dup);
	for (size_t i = 0; dup && i < t->rows.n; i++)
		dup[i] = repeated_row(t, i);
	return dup;
}

typedef struct acc {
	int64_t fen, ulp;
	size_t n;
	bool any, overflow;
} acc;

/* Adds a printed amount; blank cells are zero and carry no rounding, so they are not counted as parts. */
static void acc_add(acc *a, const jx_amount *x)
{
	if (!x->present)
		return;
	a->n++;
	a->any = true;
	if (!jx_add_i64(a->fen, x->fen, &a->fen))
		a->overflow = true;
	int64_t u = jx_amount_ulp(x);
	if (u > a->ulp)
		a->ulp = u;
}

static int64_t fen_of(const jx_amount *a) { return a->present ? a->fen : 0; }

static void compare_cell(jx_cx *cx, jx_rule_id id, const jx_table *t, const jx_row *r, size_t col, const acc *sum,
			 const char *item)
{
	const jx_amount *stated = &r->amounts[col];
	if ((!sum->any && !stated->present) || sum->overflow)
		return;
	int64_t ulp = jx_amount_ulp(stated) > sum->ulp ? jx_amount_ulp(stated) : sum->ulp;
	jx_fargs a = {.subject = t->title, .item = item, .detail = t->columns.v[col].name, .shown_unit = t->unit,
		      .shown_scale = stated->present ? stated->scale : 2};
	jx_compare_sum(cx, id, r->src, &a, fen_of(stated), sum->fen, sum->n, ulp);
}

static size_t code_len(const char *c) { return c ? strlen(c) : 0; }

/* 类 (3 digits) = Σ 款 (5), 款 = Σ 项 (7); 合计 = Σ 类. */
static void check_codes(jx_cx *cx, const jx_table *t, const bool *dup)
{
	size_t ncol = t->columns.n;
	for (size_t i = 0; i < t->rows.n; i++) {
		const jx_row *p = &t->rows.v[i];
		size_t pl = code_len(p->code);
		if ((pl != 3 && pl != 5) || dup[i])
			continue;
		for (size_t c = 0; c < ncol; c++) {
			acc s = {0};
			size_t kids = 0;
			for (size_t k = 0; k < t->rows.n; k++) {
				const jx_row *ch = &t->rows.v[k];
				if (code_len(ch->code) == pl + 2 && !strncmp(ch->code, p->code, pl) && ch->side == p->side &&
				    !dup[k]) {
					acc_add(&s, &ch->amounts[c]);
					kids++;
				}
			}
			if (kids)
				compare_cell(cx, R_TABLE_PARENT_SUM, t, p, c, &s, p->code);
		}
	}
	/* Orphans: a 款 or 项 whose parent row is missing. */
	for (size_t i = 0; i < t->rows.n; i++) {
		const jx_row *r = &t->rows.v[i];
		size_t l = code_len(r->code);
		if (l != 5 && l != 7)
			continue;
		bool found = false;
		for (size_t k = 0; k < t->rows.n && !found; k++)
			found = code_len(t->rows.v[k].code) == l - 2 && !strncmp(t->rows.v[k].code, r->code, l - 2);
		if (!found && !dup[i]) {
			jx_fargs a = {.subject = t->title, .item = r->code};
			jx_emit(cx, R_TABLE_CODE_PARENT, r->src, &a);
		}
	}
	/* The total row against the 类 rows. */
	for (size_t i = 0; i < t->rows.n; i++) {
		const jx_row *tot = &t->rows.v[i];
		if (tot->kind != JX_ROW_TOTAL || dup[i])
			continue;
		for (size_t c = 0; c < ncol; c++) {
			acc s = {0};
			size_t kids = 0;
			for (size_t k = 0; k < t->rows.n; k++)
				if (code_len(t->rows.v[k].code) == 3 && t->rows.v[k].side == tot->side && !dup[k]) {
					acc_add(&s, &t->rows.v[k].amounts[c]);
					kids++;
				}
			if (kids)
				compare_cell(cx, R_TABLE_TOTAL_ROW, t, tot, c, &s, tot->name);
		}
	}
}

static bool sub_item(const char *name)
{
	static const char *const marks[] = {"①", "②", "③", "④", "其中", "(1)", "（1）", "(2)", "（2）", NULL};
	for (size_t i = 0; name && marks[i]; i++)
		if (!strncmp(name, marks[i], strlen(marks[i])))
			return true;
	return false;
}

/* Tables without codes: a group row = Σ its items; the total = Σ groups (or Σ items when there are none). */
static void check_groups(jx_cx *cx, const jx_table *t, const bool *dup)
{
	size_t ncol = t->columns.n;
	bool groups = false;
	for (size_t i = 0; i < t->rows.n; i++)
		groups |= t->rows.v[i].kind == JX_ROW_GROUP;
	for (size_t i = 0; i < t->rows.n && groups; i++) {
		const jx_row *g = &t->rows.v[i];
		if (g->kind != JX_ROW_GROUP || dup[i])
			continue;
		/* Its items run to the next group or total of the same or a higher level. */
		size_t end = i + 1;
		while (end < t->rows.n && !(t->rows.v[end].kind != JX_ROW_ITEM && t->rows.v[end].level <= g->level &&
					    !dup[end]))
			end++;
		for (size_t c = 0; c < ncol; c++) {
			acc s = {0};
			size_t kids = 0;
			for (size_t k = i + 1; k < end; k++)
				if (t->rows.v[k].kind == JX_ROW_ITEM && !dup[k] && !sub_item(t->rows.v[k].name)) {
					acc_add(&s, &t->rows.v[k].amounts[c]);
					kids++;
				}
			if (kids)
				compare_cell(cx, R_TABLE_TOTAL_ROW, t, g, c, &s, g->name);
		}
	}
	for (size_t i = 0; i < t->rows.n; i++) {
		const jx_row *tot = &t->rows.v[i];
		if (tot->kind != JX_ROW_TOTAL || dup[i])
			continue;
		for (size_t c = 0; c < ncol; c++) {
			acc s = {0};
			size_t kids = 0;
			int top = 1 << 30;
			for (size_t k = 0; k < t->rows.n; k++)
				if (t->rows.v[k].kind == (groups ? JX_ROW_GROUP : JX_ROW_ITEM) && t->rows.v[k].level < top)
					top = t->rows.v[k].level;
			for (size_t k = 0; k < t->rows.n; k++) {
				const jx_row *r = &t->rows.v[k];
				if (r->kind != (groups ? JX_ROW_GROUP : JX_ROW_ITEM) || r->side != tot->side || dup[k] ||
				    r->level != top || sub_item(r->name))
					continue;
				acc_add(&s, &r->amounts[c]);
				kids++;
			}
			if (kids)
				compare_cell(cx, R_TABLE_TOTAL_ROW, t, tot, c, &s, tot->name);
		}
	}
}

static const char *leaf(const char *name)
{
	const char *slash = name ? strrchr(name, '/') : NULL;
	return slash ? slash + 1 : name;
}

static bool is_sum_column(const char *name)
{
	const char *l = leaf(name);
	return l && (!strcmp(l, "合计") || !strcmp(l, "小计") || !strcmp(l, "总计"));
}

/* A 合计 column = Σ the columns after it on the same side that share its parent header ("本年收入/…"). */
static void check_row_totals(jx_cx *cx, const jx_table *t, const bool *dup)
{
	size_t ncol = t->columns.n;
	for (size_t c = 0; c < ncol; c++) {
		const jx_column *sc = &t->columns.v[c];
		if (!sc->name || !is_sum_column(sc->name))
			continue;
		size_t plen = (size_t)(leaf(sc->name) - sc->name);
		size_t parts[32], np = 0;
		for (size_t k = c + 1; k < ncol && np < 32; k++) {
			const jx_column *o = &t->columns.v[k];
			if (!o->name || o->side != sc->side || is_sum_column(o->name))
				break;
			if (plen ? strncmp(o->name, sc->name, plen) : strchr(o->name, '/') != NULL)
				break;
			parts[np++] = k;
		}
		if (np < 2)
			continue;
		for (size_t i = 0; i < t->rows.n; i++) {
			const jx_row *r = &t->rows.v[i];
			if (r->side != sc->side || dup[i])
				continue;
			acc s = {0};
			for (size_t k = 0; k < np; k++)
				acc_add(&s, &r->amounts[parts[k]]);
			if ((!s.any && !r->amounts[c].present) || s.overflow)
				continue;
			const jx_amount *stated = &r->amounts[c];
			int64_t ulp = jx_amount_ulp(stated) > s.ulp ? jx_amount_ulp(stated) : s.ulp;
			char item[256];
			snprintf(item, sizeof item, "%s%s%s", r->code ? r->code : "", r->code ? " " : "", r->name ? r->name : "");
			jx_fargs a = {.subject = t->title, .item = item, .detail = sc->name, .shown_unit = t->unit,
				      .shown_scale = stated->present ? stated->scale : 2};
			jx_compare_sum(cx, R_TABLE_ROW_TOTAL, r->src, &a, fen_of(stated), s.fen, s.n, ulp);
		}
	}
}

/* The first column of a side. */
static int side_column(const jx_table *t, int side)
{
	for (size_t c = 0; c < t->columns.n; c++)
		if (t->columns.v[c].side == side)
			return (int)c;
	return -1;
}

/* The last total row of a side (收入总计 / 支出总计 / 合计). */
static const jx_row *total_row(const jx_table *t, int side)
{
	const jx_row *best = NULL;
	for (size_t i = 0; i < t->rows.n; i++)
		if (t->rows.v[i].kind == JX_ROW_TOTAL && t->rows.v[i].side == side)
			best = &t->rows.v[i];
	return best;
}

static bool numbered(const char *name)
{
	static const char *const nums[] = {"一、", "二、", "三、", "四、", "五、", "六、", "七、", "八、", "九、", "十、", NULL};
	for (size_t i = 0; name && nums[i]; i++)
		if (!strncmp(name, nums[i], strlen(nums[i])))
			return true;
	return false;
}

/* Two-sided tables (收支总表): on each side, 本年收入合计 = Σ the items above it; 收入总计 = 本年收入合计 + the items
 * between (上年结转 …). Numbered lines under an un-numbered one after a total are its breakdown, not new items. */
static void check_sides(jx_cx *cx, const jx_table *t, const bool *dup)
{
	for (int side = 0; side < 2; side++)
		for (size_t c = 0; c < t->columns.n; c++) {
			if (t->columns.v[c].side != side)
				continue;
			acc run = {0};
			bool after_total = false, in_breakdown = false;
			for (size_t i = 0; i < t->rows.n; i++) {
				const jx_row *r = &t->rows.v[i];
				if (r->side != side || dup[i])
					continue;
				if (r->kind == JX_ROW_TOTAL) {
					if (run.n)
						compare_cell(cx, R_TABLE_TOTAL_ROW, t, r, c, &run, r->name);
					run = (acc){0};
					acc_add(&run, &r->amounts[c]);
					after_total = true;
					in_breakdown = false;
					continue;
				}
				if (after_total && numbered(r->name) && in_breakdown)
					continue;
				if (after_total && !numbered(r->name))
					in_breakdown = true;
				acc_add(&run, &r->amounts[c]);
			}
		}
}

static void check_balance(jx_cx *cx, const jx_table *t)
{
	int c0 = side_column(t, 0), c1 = side_column(t, 1);
	const jx_row *in = total_row(t, 0), *out = total_row(t, 1);
	if (c0 < 0 || c1 < 0 || !in || !out || !in->amounts[c0].present || !out->amounts[c1].present)
		return;
	const jx_amount *a = &in->amounts[c0], *b = &out->amounts[c1];
	if (a->fen == b->fen)
		return;
	jx_fargs f = {.subject = t->title};
	jx_fargs_money(&f, a->fen, b->fen, t->unit, a->scale);
	jx_emit(cx, R_TABLE_BALANCE, out->src, &f);
}

static void check_empty_note(jx_cx *cx, const jx_table *t)
{
	if (!t->note || (!strstr(t->note, "无数据") && !strstr(t->note, "空表") && !strstr(t->note, "没有数据")))
		return;
	for (size_t i = 0; i < t->rows.n; i++)
		for (size_t c = 0; c < t->columns.n; c++)
			if (t->rows.v[i].amounts[c].present && t->rows.v[i].amounts[c].fen != 0) {
				jx_fargs a = {.subject = t->title, .detail = t->note};
				jx_emit(cx, R_TABLE_EMPTY_WITH_DATA, t->rows.v[i].src, &a);
				return;
			}
}

/* ---- identities between the standard tables ---- */

static const jx_table *table_by_id(const jx_pkg *pkg, const char *id)
{
	for (size_t i = 0; i < pkg->tables.n; i++)
		if (pkg->tables.v[i].id && !strcmp(pkg->tables.v[i].id, id))
			return &pkg->tables.v[i];
	return NULL;
}

/* The amount of the total row in the column named `col` (leaf name); NULL when absent. */
static const jx_amount *total_in(const jx_table *t, const char *col, const jx_row **row)
{
	if (!t)
		return NULL;
	for (size_t c = 0; c < t->columns.n; c++) {
		if (!t->columns.v[c].name || strcmp(leaf(t->columns.v[c].name), col))
			continue;
		const jx_row *r = total_row(t, t->columns.v[c].side);
		if (r && r->amounts[c].present) {
			*row = r;
			return &r->amounts[c];
		}
		return NULL;
	}
	return NULL;
}

static void identity(jx_cx *cx, const char *what, const jx_table *ta, const char *ca, const jx_table *tb,
		     const char *cb, const jx_table *tplus, const char *cplus)
{
	const jx_row *ra = NULL, *rb = NULL, *rp = NULL;
	const jx_amount *a = total_in(ta, ca, &ra), *b = total_in(tb, cb, &rb);
	if (!a || !b)
		return;
	const jx_amount *p = tplus ? total_in(tplus, cplus, &rp) : NULL;
	if (tplus && !p && table_by_id(cx->pkg, tplus->id) && tplus->rows.n > 0)
		return;
	int64_t other;
	if (!jx_add_i64(b->fen, p ? p->fen : 0, &other))
		return;
	char detail[256];
	snprintf(detail, sizeof detail, "“%s”的%s%s%s", tb->title, cb, p ? "加上年结转" : "", "");
	int64_t ulp = jx_amount_ulp(a) > jx_amount_ulp(b) ? jx_amount_ulp(a) : jx_amount_ulp(b);
	jx_fargs f = {.subject = ta->title, .item = what, .detail = detail, .shown_unit = ta->unit, .shown_scale = a->scale};
	jx_compare_sum(cx, R_TABLE_CROSS, ra->src, &f, a->fen, other, p ? 2 : 1, ulp);
}

static void check_cross(jx_cx *cx)
{
	const jx_pkg *pkg = cx->pkg;
	const jx_table *t1 = table_by_id(pkg, "t1"), *t3 = table_by_id(pkg, "t3"), *t5 = table_by_id(pkg, "t5"),
		       *t6 = table_by_id(pkg, "t6"), *t11 = table_by_id(pkg, "t11"), *t12 = table_by_id(pkg, "t12"),
		       *t13 = table_by_id(pkg, "t13"), *t4 = table_by_id(pkg, "t4");
	/* 支出总表 合计 = 收支总表 支出总计. */
	if (t1 && t3) {
		int c1 = side_column(t1, 1);
		const jx_row *out = total_row(t1, 1);
		const jx_row *r3 = NULL;
		const jx_amount *a3 = total_in(t3, "合计", &r3);
		if (c1 >= 0 && out && out->amounts[c1].present && a3) {
			int64_t ulp = jx_amount_ulp(a3);
			jx_fargs f = {.subject = t3->title, .item = "支出合计", .detail = "收支总表的支出总计",
				      .shown_unit = t3->unit, .shown_scale = a3->scale};
			jx_compare_sum(cx, R_TABLE_CROSS, r3->src, &f, a3->fen, out->amounts[c1].fen, 1, ulp);
		}
	}
	if (t4 && t5) {
		/* 一般公共预算支出表 合计 ≤ 财政拨款收支总表 一般公共预算 (the latter includes carry-over): checked via t5
		 * only when there is no carry-over column in t4. */
		(void)t4;
	}
	identity(cx, "基本支出", t5, "基本支出", t6, "合计", NULL, NULL);
	identity(cx, "公用经费与机关运行经费", t11, "合计", t6, "公用经费", NULL, NULL);
	/* 项目支出表 (本年) + 项目支出表 (上年结转) = 支出总表 项目支出. */
	if (t3 && t12) {
		const jx_row *r3 = NULL, *r12 = NULL, *r13 = NULL;
		const jx_amount *a3 = total_in(t3, "项目支出", &r3);
		acc s12 = {0}, s13 = {0};
		/* The project tables have group rows (units) instead of a total row: their top level is the total. */
		for (int pass = 0; pass < 2; pass++) {
			const jx_table *t = pass ? t13 : t12;
			acc *s = pass ? &s13 : &s12;
			const jx_row **rr = pass ? &r13 : &r12;
			if (!t)
				continue;
			const bool *dup = repeats(cx, t);
			if (!dup)
				continue;
			int top = 1 << 30;
			for (size_t i = 0; i < t->rows.n; i++)
				if (t->rows.v[i].kind != JX_ROW_ITEM && t->rows.v[i].level < top)
					top = t->rows.v[i].level;
			for (size_t i = 0; i < t->rows.n; i++)
				if (t->rows.v[i].kind != JX_ROW_ITEM && t->rows.v[i].level == top && !dup[i] &&
				    t->rows.v[i].amounts[0].present) {
					acc_add(s, &t->rows.v[i].amounts[0]);
					if (!*rr)
						*rr = &t->rows.v[i];
				}
		}
		int64_t both;
		if (a3 && s12.any && !s12.overflow && !s13.overflow && jx_add_i64(s12.fen, s13.fen, &both)) {
			int64_t ulp = jx_amount_ulp(a3) > s12.ulp ? jx_amount_ulp(a3) : s12.ulp;
			char detail[512];
			snprintf(detail, sizeof detail, "“%s”%s%s", t12->title, s13.any && t13 ? "加“" : "",
				 s13.any && t13 ? t13->title : "");
			if (s13.any && t13)
				snprintf(detail + strlen(detail), sizeof detail - strlen(detail), "”");
			jx_fargs f = {.subject = t3->title, .item = "项目支出", .detail = detail, .shown_unit = t3->unit,
				      .shown_scale = a3->scale};
			jx_compare_sum(cx, R_TABLE_CROSS, r12 ? r12->src : t12->src, &f, a3->fen, both,
				       s13.any ? 2 : 1, ulp);
		}
	}
}

void jx_check_tables(jx_cx *cx)
{
	for (size_t i = 0; i < cx->pkg->tables.n; i++) {
		const jx_table *t = &cx->pkg->tables.v[i];
		bool coded = false, two_sided = false;
		for (size_t k = 0; k < t->rows.n; k++) {
			coded |= t->rows.v[k].code != NULL;
			two_sided |= t->rows.v[k].side != 0;
		}
		const bool *dup = repeats(cx, t);
		if (!dup)
			return;
		if (coded)
			check_codes(cx, t, dup);
		else if (!two_sided)
			check_groups(cx, t, dup);
		check_row_totals(cx, t, dup);
		if (two_sided) {
			check_sides(cx, t, dup);
			check_balance(cx, t);
		}
		check_empty_note(cx, t);
	}
	check_cross(cx);
}
