/* text.c: arithmetic written in prose. Finds counts, unit standards and totals in a project's texts ("为11名残疾儿童
 * 提供康复救助，补贴每人16000元，计190000元") and checks count × standard = total; enumerated parts against the sum
 * they state ("一是…30万元；二是…7万元；三是…23万元；共计71.52万元"); and the products in an expenditure line's
 * calculation ("45名×1.5万元/人/年") against the line's amount. */
#include <stdio.h>
#include <string.h>

#include "check/check_int.h"
#include "util/utf8.h"

typedef enum tok_kind { T_COUNT, T_MONEY } tok_kind;

typedef struct tok {
	tok_kind kind;
	size_t at, end;   /* byte span in the text */
	jx_decimal num;   /* as written */
	int64_t fen;      /* money */
	int64_t ulp;      /* money: value of the last printed digit in fen (0 when printed in 元) */
	bool per_unit;    /* 每人…元, 元/人 */
	bool monthly;     /* 每月, /月 */
	bool total;       /* 计, 共计, 合计, 总计 before it */
	bool approx;      /* 余, 约, 多: not an exact count */
} tok;

#define MAX_TOKS 64

static bool starts(const char *s, size_t len, const char *w)
{
	size_t n = strlen(w);
	return len >= n && !memcmp(s, w, n);
}

/* Does the text just before `at` (up to `window` bytes) contain w? */
static bool before_has(const char *s, size_t at, size_t window, const char *w)
{
	size_t from = at > window ? at - window : 0;
	size_t n = strlen(w);
	for (size_t i = from; i + n <= at; i++)
		if (!memcmp(s + i, w, n))
			return true;
	return false;
}

static const char *const classifiers[] = {"人次", "名", "人", "户", "个", "件", "所", "家", "台", "辆", "次", "位", NULL};

/* Reads the numbers of s[0..len) that are counts or money. Other numbers (years, document numbers, dates) are
 * skipped. Returns the number of tokens (at most MAX_TOKS). */
static size_t tokenize(const char *s, size_t len, tok *out)
{
	size_t n = 0;
	for (size_t i = 0; i < len && n < MAX_TOKS;) {
		if (s[i] < '0' || s[i] > '9' || (i > 0 && (s[i - 1] == '.' || (s[i - 1] >= '0' && s[i - 1] <= '9')))) {
			i++;
			continue;
		}
		jx_decimal d;
		int used = jx_decimal_parse(&d, s + i, len - i);
		if (used <= 0) {
			i++;
			continue;
		}
		size_t at = i, j = i + (size_t)used;
		/* Not part of a code or a range: 0-6岁, 2024-2025, 3.5.1 */
		if (j < len && (s[j] == '-' || s[j] == '.' || s[j] == '%' || s[j] == '~')) {
			i = j + 1;
			continue;
		}
		if (at > 0 && s[at - 1] == '-') {
			i = j;
			continue;
		}
		tok t = {.at = at, .num = d};
		const char *r = s + j;
		size_t rl = len - j;
		int64_t per = 0;
		if (starts(r, rl, "万元")) {
			per = 1000000;
			j += strlen("万元");
		} else if (starts(r, rl, "亿元")) {
			per = 10000000000;
			j += strlen("亿元");
		} else if (starts(r, rl, "元")) {
			per = 100;
			j += strlen("元");
		}
		if (per) {
			if (jx_decimal_to_fen(&d, per, &t.fen)) {
				i = j;
				continue;
			}
			t.kind = T_MONEY;
			t.ulp = 0;
			if (per > 100) {
				t.ulp = per;
				for (int k = 0; k < d.scale && t.ulp > 1; k++)
					t.ulp /= 10;
			}
			/* 元/人, 元/户/年, 元/人/月 */
			if (j < len && (s[j] == '/' || starts(s + j, len - j, "／"))) {
				t.per_unit = true;
				size_t k = j;
				while (k < len && k < j + 24 && s[k] != ',' && !starts(s + k, len - k, "，") &&
				       !starts(s + k, len - k, "；") && !starts(s + k, len - k, "。") && s[k] != '+') {
					if (starts(s + k, len - k, "月"))
						t.monthly = true;
					k++;
				}
				/* "20人/1050元" reads as a count per money; a slash after money followed by a digit is not per. */
				if (j + 1 < len && s[j + 1] >= '0' && s[j + 1] <= '9')
					t.per_unit = false;
			}
			if (before_has(s, at, 12, "每人") || before_has(s, at, 12, "每户") || before_has(s, at, 12, "每名") ||
			    before_has(s, at, 9, "人均") || before_has(s, at, 9, "户均") || before_has(s, at, 12, "每位") ||
			    before_has(s, at, 12, "每生"))
				t.per_unit = true;
			if (t.per_unit && before_has(s, at, 18, "每月"))
				t.monthly = true;
			if (before_has(s, at, 3, "计") || before_has(s, at, 6, "合计") || before_has(s, at, 6, "总计") ||
			    before_has(s, at, 6, "共计") || before_has(s, at, 3, "共") || before_has(s, at, 6, "总额"))
				t.total = !t.per_unit;
		} else {
			bool found = false;
			if (starts(r, rl, "余") || starts(r, rl, "多")) {
				t.approx = true;
				r += strlen("余");
				rl -= strlen("余");
				j += strlen("余");
			}
			for (size_t c = 0; classifiers[c]; c++)
				if (starts(r, rl, classifiers[c])) {
					j += strlen(classifiers[c]);
					found = true;
					break;
				}
			if (!found || d.scale != 0) {
				i = j;
				continue;
			}
			t.kind = T_COUNT;
			if (before_has(s, at, 3, "约") || before_has(s, at, 6, "近"))
				t.approx = true;
			/* 每人500元 is a standard, but "每人" before a count ("每户3人") is not a count of the total. */
			if (before_has(s, at, 6, "每"))
				t.approx = true;
		}
		t.end = j;
		out[n++] = t;
		i = j;
	}
	return n;
}

/* A finding already made in this project (the same sentence is often repeated in 概况, 计划 and 目标). */
typedef struct seen {
	int64_t a, b;
	const char *subject;
} seen;

static bool seen_before(jx_cx *cx, seen *list, size_t *n, size_t cap, const char *subject, int64_t a, int64_t b)
{
	(void)cx;
	for (size_t i = 0; i < *n; i++)
		if (list[i].a == a && list[i].b == b && list[i].subject == subject)
			return true;
	if (*n < cap)
		list[(*n)++] = (seen){a, b, subject};
	return false;
}

typedef struct scan {
	jx_cx *cx;
	const char *subject;
	seen seen[32];
	size_t nseen;
} scan;

static jx_money_unit unit_of_ulp(int64_t ulp) { return ulp >= 10000 ? JX_MU_WANYUAN : JX_MU_YUAN; }

/* count × standard = total inside one clause group (split at 。 and ；). */
static void check_segment(scan *sc, const char *field, const char *s, size_t len, jx_src src)
{
	tok t[MAX_TOKS];
	size_t n = tokenize(s, len, t);
	tok *counts[MAX_TOKS], *stds[MAX_TOKS], *total = NULL, *plain = NULL;
	size_t nc = 0, ns = 0, nt = 0, np = 0;
	for (size_t i = 0; i < n; i++) {
		if (t[i].kind == T_COUNT) {
			if (t[i].approx)
				return;
			counts[nc++] = &t[i];
		} else if (t[i].per_unit) {
			stds[ns++] = &t[i];
		} else if (t[i].total) {
			total = &t[i];
			nt++;
		} else {
			plain = &t[i];
			np++;
		}
	}
	if (ns == 0 || nc != ns)
		return;
	if (nt == 0 && np == 1)
		total = plain;
	else if (nt != 1 || np > 0)
		return;
	int64_t sum = 0, sum12 = 0, ulp = total->ulp;
	bool monthly = false;
	char detail[256] = "";
	size_t dl = 0;
	for (size_t i = 0; i < nc; i++) {
		int64_t p;
		if (!jx_mul_i64(counts[i]->num.digits, stds[i]->fen, &p) || !jx_add_i64(sum, p, &sum))
			return;
		int64_t p12 = p;
		if (stds[i]->monthly) {
			monthly = true;
			if (!jx_mul_i64(p, 12, &p12))
				return;
		}
		if (!jx_add_i64(sum12, p12, &sum12))
			return;
		if (stds[i]->ulp > ulp)
			ulp = stds[i]->ulp;
		dl += (size_t)snprintf(detail + dl, sizeof detail - dl, "%s%.*s × %.*s", i ? " + " : "",
				       (int)(counts[i]->end - counts[i]->at), s + counts[i]->at,
				       (int)(stds[i]->end - stds[i]->at), s + stds[i]->at);
		if (dl >= sizeof detail)
			return;
	}
	if (sum == total->fen || (monthly && sum12 == total->fen))
		return;
	/* A monthly standard: the year's total is twelve months unless the sentence says otherwise. */
	int64_t expected = sum;
	if (monthly) {
		int64_t d1 = sum > total->fen ? sum - total->fen : total->fen - sum;
		int64_t d12 = sum12 > total->fen ? sum12 - total->fen : total->fen - sum12;
		if (d12 < d1) {
			expected = sum12;
			snprintf(detail + dl, sizeof detail - dl, " × 12个月");
		}
	}
	if (seen_before(sc->cx, sc->seen, &sc->nseen, 32, sc->subject, expected, total->fen))
		return;
	jx_fargs a = {.subject = sc->subject, .item = field, .detail = detail, .shown_unit = unit_of_ulp(ulp),
		      .shown_scale = ulp >= 10000 ? 2 : 0};
	jx_compare_sum(sc->cx, R_CALC_COUNT_TIMES_STANDARD, src, &a, total->fen, expected, nc, ulp);
}

/* Enumerated parts (一是/二是…, 1./2.…) each with one amount, then 共计 X: the parts add up to X. */
static void check_parts(scan *sc, const char *field, const char *s, size_t len, jx_src src)
{
	static const char *const marks[] = {"一是", "二是", "三是", "四是", "五是", "六是", "七是", "八是", NULL};
	tok t[MAX_TOKS];
	size_t n = tokenize(s, len, t);
	for (size_t k = 0; k < n; k++) {
		if (t[k].kind != T_MONEY || !t[k].total || t[k].per_unit)
			continue;
		/* Collect the parts: positions of 一是, 二是 … before the total. */
		size_t pos[8];
		size_t np = 0;
		for (size_t m = 0; marks[m]; m++) {
			const char *hit = NULL;
			for (const char *p = s; p < s + t[k].at; p++)
				if (starts(p, (size_t)(s + t[k].at - p), marks[m])) {
					hit = p;
				}
			if (!hit)
				break;
			pos[np++] = (size_t)(hit - s);
		}
		if (np < 2)
			continue;
		int64_t sum = 0, ulp = t[k].ulp;
		char detail[256] = "";
		size_t dl = 0;
		bool ok = true;
		for (size_t m = 0; m < np && ok; m++) {
			size_t from = pos[m], to = m + 1 < np ? pos[m + 1] : t[k].at;
			const tok *part = NULL;
			size_t found = 0;
			for (size_t q = 0; q < n; q++)
				if (t[q].kind == T_MONEY && !t[q].per_unit && t[q].at >= from && t[q].at < to) {
					/* The part's own amount is its first; later ones in the same part are details. */
					if (!found)
						part = &t[q];
					found++;
				}
			if (!part) {
				ok = false;
				break;
			}
			if (!jx_add_i64(sum, part->fen, &sum))
				ok = false;
			if (part->ulp > ulp)
				ulp = part->ulp;
			dl += (size_t)snprintf(detail + dl, sizeof detail - dl, "%s%.*s", m ? " + " : "",
					       (int)(part->end - part->at), s + part->at);
			if (dl >= sizeof detail)
				ok = false;
		}
		if (!ok || sum == t[k].fen)
			continue;
		if (seen_before(sc->cx, sc->seen, &sc->nseen, 32, sc->subject, sum, -t[k].fen))
			continue;
		jx_fargs a = {.subject = sc->subject, .item = field, .detail = detail, .shown_unit = unit_of_ulp(ulp),
			      .shown_scale = ulp >= 10000 ? 2 : 0};
		jx_compare_sum(sc->cx, R_CALC_PARTS_SUM, src, &a, t[k].fen, sum, np, ulp);
	}
}

static void scan_text(scan *sc, const char *field, const char *s, jx_src src)
{
	if (!s)
		return;
	size_t len = strlen(s);
	check_parts(sc, field, s, len, src);
	/* Clause groups end at 。 ； ; and line breaks between numbered points. */
	size_t start = 0;
	for (size_t i = 0; i <= len;) {
		size_t step = 1;
		bool end = i == len;
		if (!end && (starts(s + i, len - i, "。") || starts(s + i, len - i, "；"))) {
			end = true;
			step = strlen("。");
		} else if (!end && (s[i] == ';' || s[i] == '\n')) {
			end = true;
		}
		if (end) {
			if (i > start)
				check_segment(sc, field, s + start, i - start, src);
			start = i + step;
		}
		i += step;
	}
}

/* Products in a line's calculation ("3人*15000元", "45名×1.5万元/人/年", "130人×450元/年+20人/1050元") against the
 * line's amount. Every count is paired with the money next to it; anything left over and the check is skipped. */
static void check_line_calc(scan *sc, const jx_project *p, const jx_line *l)
{
	if (!l->calc || !l->amount.present)
		return;
	tok t[MAX_TOKS];
	size_t clen = strlen(l->calc);
	size_t n = tokenize(l->calc, clen, t);
	if (n < 2 || n % 2)
		return;
	/* An item listed without numbers after the products ("…5人×4000元，贫困残疾人家庭无障碍改造") is part of the
	 * amount too: the products cannot be the whole of it. */
	for (size_t i = t[n - 1].end; i < clen; i++)
		if ((starts(l->calc + i, clen - i, "，") || starts(l->calc + i, clen - i, "、") || l->calc[i] == ',') &&
		    jx_chars(l->calc + i) > 4)
			return;
	int64_t sum = 0, ulp = jx_amount_ulp(&l->amount);
	char detail[256] = "";
	size_t dl = 0;
	for (size_t i = 0; i < n; i += 2) {
		const tok *c = t[i].kind == T_COUNT ? &t[i] : &t[i + 1];
		const tok *m = t[i].kind == T_MONEY ? &t[i] : &t[i + 1];
		if (c->kind != T_COUNT || m->kind != T_MONEY || c->approx || m->total)
			return;
		/* Both sides of a product must be joined by ×, *, x or a slash. */
		size_t gap_from = t[i].end, gap_to = t[i + 1].at;
		bool joined = false;
		for (size_t g = gap_from; g < gap_to; g++)
			if (l->calc[g] == '*' || l->calc[g] == 'x' || l->calc[g] == 'X' || l->calc[g] == '/' ||
			    starts(l->calc + g, gap_to - g, "×") || starts(l->calc + g, gap_to - g, "*"))
				joined = true;
		if (!joined || m->monthly)
			return;
		int64_t prod;
		if (!jx_mul_i64(c->num.digits, m->fen, &prod) || !jx_add_i64(sum, prod, &sum))
			return;
		if (m->ulp > ulp)
			ulp = m->ulp;
		dl += (size_t)snprintf(detail + dl, sizeof detail - dl, "%s%.*s×%.*s", i ? " + " : "",
				       (int)(c->end - c->at), l->calc + c->at, (int)(m->end - m->at), l->calc + m->at);
		if (dl >= sizeof detail)
			return;
	}
	jx_fargs a = {.subject = p->name, .item = l->name ? l->name : "支出明细", .detail = detail,
		      .shown_unit = l->amount.unit, .shown_scale = l->amount.scale};
	jx_compare_sum(sc->cx, R_CALC_COUNT_TIMES_STANDARD, l->src, &a, l->amount.fen, sum, n / 2, ulp);
}

/* "共计1,511.39万元。其中：…24.00万元；…1,481.58万元。": the parts after 其中 (to the end of that sentence) add up to
 * the last amount before it. */
static void check_statement_parts(scan *sc, const jx_statement *st)
{
	if (!st->text)
		return;
	const char *s = st->text;
	size_t len = strlen(s);
	tok t[MAX_TOKS];
	size_t n = tokenize(s, len, t);
	for (const char *q = strstr(s, "其中"); q; q = strstr(q + 1, "其中")) {
		size_t at = (size_t)(q - s);
		const tok *total = NULL;
		for (size_t i = 0; i < n; i++)
			if (t[i].kind == T_MONEY && !t[i].per_unit && t[i].end <= at)
				total = &t[i];
		if (!total || total->fen <= 0)
			continue;
		/* The total must be in the sentence just before, not two sentences back. */
		size_t stops = 0;
		for (size_t i = total->end; i < at; i += 1)
			if (starts(s + i, len - i, "。"))
				stops++;
		if (stops > 1)
			continue;
		const char *end = strstr(q, "。");
		size_t stop = end ? (size_t)(end - s) : len;
		int64_t sum = 0, ulp = total->ulp;
		size_t np = 0;
		char detail[256] = "";
		size_t dl = 0;
		bool ok = true;
		for (size_t i = 0; i < n && ok; i++) {
			if (t[i].kind != T_MONEY || t[i].per_unit || t[i].at < at || t[i].at >= stop)
				continue;
			/* Changes on last year are not parts: 比上年增加59.63万元. */
			if (before_has(s, t[i].at, 12, "增加") || before_has(s, t[i].at, 12, "减少") ||
			    before_has(s, t[i].at, 12, "增长") || before_has(s, t[i].at, 12, "下降"))
				continue;
			/* A part as large as the total means the total is something else. */
			if (t[i].fen >= total->fen)
				ok = false;
			if (!jx_add_i64(sum, t[i].fen, &sum))
				ok = false;
			if (t[i].ulp > ulp)
				ulp = t[i].ulp;
			dl += (size_t)snprintf(detail + dl, sizeof detail - dl, "%s%.*s", np ? " + " : "",
					       (int)(t[i].end - t[i].at), s + t[i].at);
			if (dl >= sizeof detail)
				ok = false;
			np++;
		}
		if (!ok || np < 2 || sum == total->fen)
			continue;
		if (seen_before(sc->cx, sc->seen, &sc->nseen, 32, sc->subject, sum, total->fen))
			continue;
		jx_fargs a = {.subject = "情况说明", .item = st->section ? st->section : "", .detail = detail,
			      .shown_unit = unit_of_ulp(ulp), .shown_scale = ulp >= 10000 ? 2 : 0};
		jx_compare_sum(sc->cx, R_TABLE_NARRATIVE_PARTS, st->src, &a, total->fen, sum, np, ulp);
	}
}

void jx_check_text(jx_cx *cx)
{
	{
		scan sc = {.cx = cx, .subject = "情况说明"};
		for (size_t i = 0; i < cx->pkg->statements.n; i++)
			check_statement_parts(&sc, &cx->pkg->statements.v[i]);
	}
	for (size_t i = 0; i < cx->pkg->projects.n; i++) {
		const jx_project *p = &cx->pkg->projects.v[i];
		scan sc = {.cx = cx, .subject = p->name};
		scan_text(&sc, "项目概况", p->overview.s, p->overview.src.line ? p->overview.src : p->src);
		scan_text(&sc, "项目实施计划", p->plan.s, p->plan.src.line ? p->plan.src : p->src);
		scan_text(&sc, "实施期目标", p->goal_total.s, p->goal_total.src.line ? p->goal_total.src : p->src);
		scan_text(&sc, "年度目标", p->goal_year.s, p->goal_year.src.line ? p->goal_year.src : p->src);
		scan_text(&sc, "资金用途", p->usage.s, p->usage.src.line ? p->usage.src : p->src);
		scan_text(&sc, "保障措施", p->measures.s, p->measures.src.line ? p->measures.src : p->src);
		for (size_t k = 0; k < p->lines.n; k++)
			check_line_calc(&sc, p, &p->lines.v[k]);
	}
	const jx_overall *o = &cx->pkg->overall;
	if (o->present) {
		scan sc = {.cx = cx, .subject = jx_overall_subject(cx->pkg)};
		scan_text(&sc, "年度绩效目标", o->goal.s, o->goal.src.line ? o->goal.src : o->src);
	}
}
