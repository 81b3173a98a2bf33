/* pkg.c: consistency across the package: duplicate projects, copied indicator sets, project amounts in 项目支出表
 * against each project table, projects against the overall budget, the same standard stated twice, years, the
 * narrative's counts, amounts and shares against the tables, and what the importer could not read. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/check_int.h"
#include "recognise/vocab.h"
#include "util/utf8.h"

/* Names compared without spaces, brackets or punctuation: "残疾儿童康复救助(市级）" = "残疾儿童康复救助（市级）". */
static void norm(const char *s, char *out, size_t cap)
{
	size_t n = 0, len = s ? strlen(s) : 0;
	for (size_t i = 0; i < len && n + 4 < cap;) {
		uint32_t cp;
		size_t k = jx_utf8_decode(s + i, len - i, &cp);
		if (!k)
			k = 1;
		cp = jx_utf8_fold(cp);
		bool keep = (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') ||
			    (cp >= 'a' && cp <= 'z');
		if (keep)
			n += jx_utf8_encode(cp, out + n);
		i += k;
	}
	out[n] = '\0';
}

static void check_duplicates(jx_cx *cx)
{
	const jx_pkg *pkg = cx->pkg;
	for (size_t i = 0; i < pkg->projects.n; i++) {
		const jx_project *p = &pkg->projects.v[i];
		size_t count = 0, before = 0;
		for (size_t k = 0; k < pkg->projects.n; k++)
			if (p->name && pkg->projects.v[k].name && !strcmp(p->name, pkg->projects.v[k].name)) {
				count++;
				before += k < i;
			}
		if (count > 1 && before == 1) {
			jx_fargs a = {.subject = p->name, .numeric = true, .unit = "", .actual = {(int64_t)count, 0},
				      .expected = {1, 0}};
			jx_emit(cx, R_PKG_DUPLICATE_PROJECT, p->src, &a);
		}
	}
}

/* Year indicators (cost aside: it carries each project's own amount) that count for comparing sets. */
static bool comparable(const jx_indicator *x)
{
	return x->scope == JX_SCOPE_YEAR && !jx_ind_blank(x) && !jx_ind_is_cost(x) && x->name;
}

/* How many of a's comparable indicator names b has too, and the size of the smaller set. */
static void shared_names(const jx_project *a, const jx_project *b, size_t *shared, size_t *smaller)
{
	size_t na = 0, nb = 0, s = 0;
	for (size_t i = 0; i < b->indicators.n; i++)
		nb += comparable(&b->indicators.v[i]);
	for (size_t i = 0; i < a->indicators.n; i++) {
		const jx_indicator *x = &a->indicators.v[i];
		if (!comparable(x))
			continue;
		na++;
		for (size_t k = 0; k < b->indicators.n; k++)
			if (comparable(&b->indicators.v[k]) && !strcmp(b->indicators.v[k].name, x->name)) {
				s++;
				break;
			}
	}
	*shared = s;
	*smaller = na < nb ? na : nb;
}

static void check_copied(jx_cx *cx)
{
	const jx_pkg *pkg = cx->pkg;
	size_t min = (size_t)(cx->cfg ? cx->cfg->copied_min : 4);
	for (size_t i = 0; i < pkg->projects.n; i++)
		for (size_t k = 0; k < i; k++) {
			size_t n, smaller;
			const jx_project *p = &pkg->projects.v[i], *q = &pkg->projects.v[k];
			shared_names(p, q, &n, &smaller);
			/* Copied: at least `min` names in common, and at least four in five of the smaller set. */
			if (n >= min && n * 5 >= smaller * 4) {
				jx_fargs a = {.subject = p->name, .item = q->name, .numeric = true, .unit = "",
					      .actual = {(int64_t)n, 0}, .expected = {0, 0}};
				jx_emit(cx, R_PKG_COPIED_INDICATORS, p->src, &a);
				break; /* once per project: against the first it copies */
			}
		}
}

static const jx_table *table_by_id(const jx_pkg *pkg, const char *id)
{
	for (size_t i = 0; i < pkg->tables.n; i++)
		if (pkg->tables.v[i].id && !strcmp(pkg->tables.v[i].id, id))
			return &pkg->tables.v[i];
	return NULL;
}

/* 项目支出表 rows (t12 this year) against the project tables, 元 against 万元 with the table's rounding. */
static void check_project_list(jx_cx *cx)
{
	const jx_pkg *pkg = cx->pkg;
	const jx_table *t = table_by_id(pkg, "t12");
	if (!t || pkg->projects.n == 0 || t->columns.n == 0)
		return;
	char a[512], b[512];
	for (size_t i = 0; i < t->rows.n; i++) {
		const jx_row *r = &t->rows.v[i];
		if (r->kind != JX_ROW_ITEM || !r->name || !r->amounts[0].present)
			continue;
		bool dup = false;
		for (size_t k = 0; k < i && !dup; k++)
			dup = t->rows.v[k].name && !strcmp(t->rows.v[k].name, r->name) && t->rows.v[k].kind == r->kind;
		if (dup)
			continue;
		norm(r->name, a, sizeof a);
		const jx_project *match = NULL;
		for (size_t k = 0; k < pkg->projects.n && !match; k++) {
			norm(pkg->projects.v[k].name, b, sizeof b);
			if (!strcmp(a, b))
				match = &pkg->projects.v[k];
		}
		if (!match) {
			jx_fargs f = {.subject = r->name, .detail = t->title};
			jx_emit(cx, R_PKG_PROJECT_MISSING, r->src, &f);
			continue;
		}
		if (!match->amount.present)
			continue;
		int64_t diff;
		if (!jx_sub_i64(match->amount.fen, r->amounts[0].fen, &diff) || diff == INT64_MIN)
			diff = INT64_MAX;
		else if (diff < 0)
			diff = -diff;
		/* The table rounds the project's exact amount to its last printed digit. */
		int64_t half = jx_amount_ulp(&r->amounts[0]) / 2;
		if (diff > half) {
			jx_fargs f = {.subject = match->name, .detail = t->title};
			jx_fargs_money(&f, r->amounts[0].fen, match->amount.fen, t->unit, r->amounts[0].scale);
			jx_emit(cx, R_PKG_PROJECT_AMOUNT, match->amount.src.line ? match->amount.src : match->src, &f);
		}
	}
}

static void check_against_overall(jx_cx *cx)
{
	const jx_pkg *pkg = cx->pkg;
	const jx_overall *o = &pkg->overall;
	if (!o->present || pkg->projects.n == 0)
		return;
	const jx_amount *limit = NULL;
	const char *what = "项目支出";
	for (size_t i = 0; i < o->budget.n; i++)
		if (o->budget.v[i].name && strstr(o->budget.v[i].name, "项目支出") && o->budget.v[i].amount.present)
			limit = &o->budget.v[i].amount;
	if (!limit && o->total.present) {
		limit = &o->total;
		what = "资金总额";
	}
	if (!limit)
		return;
	int64_t sum = 0;
	for (size_t i = 0; i < pkg->projects.n; i++)
		if (pkg->projects.v[i].amount.present && !jx_add_i64(sum, pkg->projects.v[i].amount.fen, &sum))
			return;
	int64_t half, bound;
	if (!jx_mul_i64(jx_amount_ulp(limit), (int64_t)(pkg->projects.n + 1), &half) ||
	    !jx_add_i64(limit->fen, half / 2, &bound))
		return;
	if (sum > bound) {
		jx_fargs f = {.item = what};
		jx_fargs_money(&f, limit->fen, sum, limit->unit, limit->scale);
		jx_emit(cx, R_PKG_PROJECTS_OVER_TOTAL, limit->src, &f);
	}
}

/* The same indicator (same name, or nearly) in the overall table and in a project with different numbers in the
 * same unit. Names are normalised once each. */
static void check_stated_twice(jx_cx *cx)
{
	const jx_pkg *pkg = cx->pkg;
	const jx_overall *o = &pkg->overall;
	if (!o->indicators.n)
		return;
	char (*names)[256] = jx_arena_calloc(cx->tmp, o->indicators.n, sizeof *names);
	if (!names)
		return;
	for (size_t i = 0; i < o->indicators.n; i++)
		norm(o->indicators.v[i].name, names[i], sizeof names[i]);
	char b[256];
	for (size_t p = 0; p < pkg->projects.n; p++)
		for (size_t k = 0; k < pkg->projects.v[p].indicators.n; k++) {
			const jx_indicator *y = &pkg->projects.v[p].indicators.v[k];
			if (!y->value.has_number || !y->name || y->scope != JX_SCOPE_YEAR || !y->value.unit)
				continue;
			bool normed = false;
			for (size_t i = 0; i < o->indicators.n; i++) {
				const jx_indicator *x = &o->indicators.v[i];
				if (!x->value.has_number || !x->name || !x->value.unit || strcmp(x->value.unit, y->value.unit) ||
				    !jx_decimal_cmp(&x->value.number, &y->value.number))
					continue;
				if (!normed) {
					norm(y->name, b, sizeof b);
					normed = true;
				}
				/* The same indicator, or one named a word or two differently ("…生活补贴人数" / "…补贴人数"). */
				const char *a = names[i];
				bool same = !strcmp(a, b) || (jx_chars(a) >= 6 && jx_chars(b) >= 6 &&
							      jx_vocab_distance(a, strlen(a), b, strlen(b)) <= 2);
				if (!same)
					continue;
				jx_fargs f = {.subject = pkg->projects.v[p].name, .item = x->name, .detail = "部门整体绩效目标",
					      .numeric = true, .unit = x->value.unit, .expected = x->value.number,
					      .actual = y->value.number};
				jx_emit(cx, R_PKG_STATED_TWICE, y->src, &f);
			}
		}
}

/* A project period given as one year ("2023年度") that is not the budget year. */
static void check_years(jx_cx *cx)
{
	const jx_pkg *pkg = cx->pkg;
	if (!pkg->year)
		return;
	for (size_t i = 0; i < pkg->projects.n; i++) {
		const jx_project *p = &pkg->projects.v[i];
		if (!p->duration)
			continue;
		char *end;
		long y = strtol(p->duration, &end, 10);
		if (y < 1990 || y > 2100 || (strcmp(end, "年") && strcmp(end, "年度")))
			continue;
		if (y != pkg->year) {
			jx_fargs f = {.subject = p->name, .numeric = true, .unit = "", .expected = {pkg->year, 0},
				      .actual = {y, 0}};
			jx_emit(cx, R_PKG_YEAR_MISMATCH, p->src, &f);
		}
	}
}

static void check_notes(jx_cx *cx)
{
	for (size_t i = 0; i < cx->pkg->notes.n; i++) {
		const jx_note *n = &cx->pkg->notes.v[i];
		/* Repairs the rules report themselves (OCR, level 1) are not repeated here. */
		if (n->level == JX_NOTE_INFO && (!n->code || strcmp(n->code, "import.skipped")))
			continue;
		if (n->code && (!strcmp(n->code, "import.level1-inferred") || !strcmp(n->code, "import.ocr")))
			continue;
		jx_fargs f = {.subject = n->subject, .detail = n->message};
		jx_emit(cx, R_PKG_IMPORT_NOTE, n->src, &f);
	}
}

/* ---- the narrative against the tables ---- */

/* The words that say which budget an amount belongs to, with the wrapping words removed, so that "一般公共预算拨款收入"
 * in the narrative and "一、一般公共预算" in 收支总表 meet: numbering, 拨款, 收入, 预算, 本年, 当年 and 安排 go. */
static void amount_key(const char *s, char *out, size_t cap)
{
	static const char *const drop[] = {"拨款", "收入", "预算", "本年", "当年", "安排", "其中", NULL};
	char tmp[256];
	norm(s, tmp, sizeof tmp);
	/* Leading Chinese numbering: 一、 is gone with the punctuation, the numeral stays: strip it. */
	static const char *const nums[] = {"三十", "二十", "十", "一", "二", "三", "四", "五", "六", "七", "八", "九", NULL};
	char *p = tmp;
	const char *orig = s ? s : "";
	if (strstr(orig, "、") && strstr(orig, "、") - orig <= 9)
		for (int again = 0; again < 2; again++)
			for (size_t i = 0; nums[i]; i++)
				if (!strncmp(p, nums[i], strlen(nums[i]))) {
					p += strlen(nums[i]);
					break;
				}
	size_t n = 0;
	while (*p && n + 1 < cap) {
		bool skipped = false;
		for (size_t i = 0; drop[i]; i++)
			if (!strncmp(p, drop[i], strlen(drop[i]))) {
				p += strlen(drop[i]);
				skipped = true;
				break;
			}
		if (!skipped)
			out[n++] = *p++;
	}
	out[n] = '\0';
}

typedef struct entry {
	char key[96];
	int64_t fen;
	const char *table;
} entry;

/* Every amount of every table under the name of its row (and, in total rows, of its column). */
static entry *table_entries(jx_cx *cx, size_t *n)
{
	const jx_pkg *pkg = cx->pkg;
	size_t cap = 0;
	for (size_t t = 0; t < pkg->tables.n; t++)
		cap += pkg->tables.v[t].rows.n * pkg->tables.v[t].columns.n * 2;
	entry *e = jx_arena_calloc(cx->tmp, cap ? cap : 1, sizeof *e);
	*n = 0;
	if (!e)
		return NULL;
	for (size_t t = 0; t < pkg->tables.n; t++) {
		const jx_table *tb = &pkg->tables.v[t];
		for (size_t r = 0; r < tb->rows.n; r++) {
			const jx_row *row = &tb->rows.v[r];
			char rkey[96];
			bool keyed = false;
			for (size_t c = 0; c < tb->columns.n; c++) {
				if (!row->amounts[c].present)
					continue;
				if (!keyed) {
					amount_key(row->name, rkey, sizeof rkey);
					keyed = true;
				}
				entry *x = &e[(*n)++];
				memcpy(x->key, rkey, sizeof x->key);
				x->fen = row->amounts[c].fen;
				x->table = tb->title;
				if (row->kind == JX_ROW_TOTAL && tb->columns.v[c].name) {
					const char *leaf = strrchr(tb->columns.v[c].name, '/');
					entry *y = &e[(*n)++];
					amount_key(leaf ? leaf + 1 : tb->columns.v[c].name, y->key, sizeof y->key);
					y->fen = row->amounts[c].fen;
					y->table = tb->title;
				}
			}
		}
	}
	return e;
}

/* A narrative amount whose label names table rows (or total columns) that all give another number. */
static void check_narrative_amounts(jx_cx *cx)
{
	const jx_pkg *pkg = cx->pkg;
	if (!pkg->tables.n || !pkg->statements.n)
		return;
	size_t n = 0;
	entry *e = table_entries(cx, &n);
	if (!e)
		return;
	char key[96];
	for (size_t s = 0; s < pkg->statements.n; s++)
		for (size_t i = 0; i < pkg->statements.v[s].facts.n; i++) {
			const jx_fact *f = &pkg->statements.v[s].facts.v[i];
			if (f->kind != JX_FACT_AMOUNT || !f->amount.present || !f->label)
				continue;
			amount_key(f->label, key, sizeof key);
			/* Column words name no budget of their own. */
			static const char *const generic[] = {"金额", "合计", "小计", "总计", "资金", "数额", "总额", NULL};
			bool vague = jx_chars(key) < 2;
			for (size_t g = 0; generic[g] && !vague; g++)
				vague = !strcmp(key, generic[g]);
			if (vague)
				continue;
			const entry *first = NULL;
			bool match = false;
			int64_t half = jx_amount_ulp(&f->amount) / 2;
			for (size_t k = 0; k < n && !match; k++) {
				if (strcmp(e[k].key, key))
					continue;
				if (!first)
					first = &e[k];
				int64_t d;
				match = jx_sub_i64(e[k].fen, f->amount.fen, &d) && d <= half && d >= -half;
			}
			if (!first || match)
				continue;
			char detail[256];
			snprintf(detail, sizeof detail, "“%s”", first->table ? first->table : "");
			jx_fargs a = {.item = f->label, .detail = detail};
			jx_fargs_money(&a, first->fen, f->amount.fen, f->amount.unit, f->amount.scale);
			jx_emit(cx, R_TABLE_NARRATIVE_AMOUNT, f->src, &a);
		}
}

/* Rounds num/den to `scale` decimals of a percent, exactly: round(num × 100 × 10^scale / den). */
static bool percent_of(int64_t num, int64_t den, int scale, int64_t *out)
{
	if (den <= 0 || num < 0 || scale > 4)
		return false;
	int64_t n = num;
	for (int i = 0; i < scale + 2; i++)
		if (!jx_mul_i64(n, 10, &n))
			return false;
	int64_t twice;
	if (!jx_mul_i64(n, 2, &twice) || !jx_add_i64(twice, den, &twice))
		return false;
	*out = twice / (2 * den);
	return true;
}

static void check_narrative(jx_cx *cx)
{
	const jx_pkg *pkg = cx->pkg;
	for (size_t s = 0; s < pkg->statements.n; s++) {
		const jx_statement *st = &pkg->statements.v[s];
		const jx_fact *base = NULL;
		for (size_t i = 0; i < st->facts.n; i++) {
			const jx_fact *f = &st->facts.v[i];
			if (f->kind == JX_FACT_AMOUNT && !base && f->amount.present)
				base = f;
			/* Project count: "二级项目22个" against the project tables. */
			if (f->kind == JX_FACT_COUNT && f->label && strstr(f->label, "二级项目") && pkg->projects.n > 0 &&
			    f->number.scale == 0 && f->number.digits != (int64_t)pkg->projects.n) {
				jx_fargs a = {.item = f->label, .detail = "项目绩效目标表", .numeric = true, .unit = "个",
					      .expected = {(int64_t)pkg->projects.n, 0}, .actual = f->number};
				jx_emit(cx, R_TABLE_NARRATIVE_COUNT, f->src, &a);
			}
			if (f->kind != JX_FACT_PERCENT || i == 0 || f->number.scale > 4)
				continue;
			const jx_fact *prev = &st->facts.v[i - 1];
			int64_t num, den;
			if (prev->kind == JX_FACT_CHANGE && prev->amount.present) {
				/* 增长3.41%: the change over last year's amount (this year's minus the change). */
				const jx_fact *now = NULL;
				for (size_t k = 0; k < i; k++)
					if (st->facts.v[k].kind == JX_FACT_AMOUNT && st->facts.v[k].label && prev->label &&
					    !strcmp(st->facts.v[k].label, prev->label))
						now = &st->facts.v[k];
				if (!now || !now->amount.present)
					continue;
				num = prev->amount.fen;
				if (num < 0 || !jx_sub_i64(now->amount.fen, prev->sign < 0 ? -num : num, &den))
					continue;
			} else if (prev->kind == JX_FACT_AMOUNT && prev != base && base && prev->amount.present) {
				num = prev->amount.fen;
				den = base->amount.fen;
			} else {
				continue;
			}
			int64_t got;
			if (!percent_of(num, den, f->number.scale, &got))
				continue;
			/* Inputs printed to 0.01 may move the last digit of the share by one. */
			int64_t off;
			if (!jx_sub_i64(got, f->number.digits, &off) || off > 1 || off < -1) {
				jx_fargs a = {.item = f->label ? f->label : "", .numeric = true, .unit = "%",
					      .expected = {got, f->number.scale}, .actual = f->number};
				jx_emit(cx, R_TABLE_NARRATIVE_PERCENT, f->src, &a);
			}
		}
	}
}

void jx_check_pkg(jx_cx *cx)
{
	check_duplicates(cx);
	check_copied(cx);
	check_project_list(cx);
	check_against_overall(cx);
	check_stated_twice(cx);
	check_years(cx);
	check_notes(cx);
	check_narrative(cx);
	check_narrative_amounts(cx);
}
