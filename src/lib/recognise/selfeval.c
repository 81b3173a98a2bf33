/* selfeval.c: the published self-evaluation of a project (项目支出绩效自评表): 项目名称, 主管部门 / 实施单位, the
 * money row (年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分), 年度总体目标 (预期目标 | 实际完成情况), and the
 * indicators (一级 | 二级 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施) up to 总分. Found by the
 * column words, in any layout that gives rows of cells; rows are aligned on their last cell, because merged cells on
 * the left (绩效指标, 项目资金) come out blank or missing. */
#include <string.h>

#include "recognise/recognise.h"
#include "recognise/vocab.h"
#include "util/arena.h"

#define SQ 256

typedef struct se {
	jx_rec_ctx *ctx;
	jx_pkg *pkg;
	const jx_grid *g;
} se;

static void squeeze(const char *s, char out[SQ]) { jx_vocab_squeeze(s, strlen(s), out, SQ); }

/* Index of the first cell of row r whose squeezed text starts with `label`, or -1. */
static int col_of(const jx_grid_row *r, const char *label)
{
	char sq[SQ];
	for (size_t k = 0; k < r->n; k++) {
		squeeze(r->cells[k].text, sq);
		if (!strncmp(sq, label, strlen(label)))
			return (int)k;
	}
	return -1;
}

static bool has(const jx_grid_row *r, const char *label) { return col_of(r, label) >= 0; }

/* The cell of `r` in the column that header column `hc` (of a header with `hn` cells) names, aligned on the right. */
static const jx_cell *aligned(const jx_grid_row *r, size_t hn, int hc)
{
	if (hc < 0)
		return NULL;
	long k = (long)hc + (long)r->n - (long)hn;
	if (k < 0 || (size_t)k >= r->n)
		return NULL;
	return &r->cells[k];
}

static const char *text_of(se *s, const jx_cell *c)
{
	if (!c || !*c->text)
		return NULL;
	return jx_arena_strdup(s->pkg->arena, c->text);
}

static void decimal_of(const jx_cell *c, jx_decimal *out)
{
	if (!c)
		return;
	jx_decimal d;
	int used = jx_decimal_parse(&d, c->text, strlen(c->text));
	if (used > 0 && (size_t)used == strlen(c->text))
		*out = d;
}

static void money_of(se *s, const jx_cell *c, jx_amount *out, jx_money_unit unit)
{
	if (!c || !*c->text)
		return;
	if (jx_amount_parse(s->pkg, out, c->text, strlen(c->text), unit, c->src))
		*out = (jx_amount){0};
}

/* The level-1 name with its points stripped: "产出指标（50分）" → 产出指标. */
static jx_level1 level1_of(const char *text, bool *approx)
{
	char sq[SQ];
	squeeze(text, sq);
	char *paren = strstr(sq, "（");
	if (!paren)
		paren = strchr(sq, '(');
	if (paren)
		*paren = '\0';
	return jx_vocab_level1(sq, strlen(sq), approx);
}

static bool is_total_row(const jx_grid_row *r)
{
	char sq[SQ];
	for (size_t k = 0; k < r->n; k++) {
		squeeze(r->cells[k].text, sq);
		if (!*sq)
			continue;
		return !strcmp(sq, "总分") || !strcmp(sq, "合计");
	}
	return false;
}

static bool starts_another(const jx_grid_row *r)
{
	return r->paragraph || has(r, "项目名称") || has(r, "年初预算数");
}

static int read_indicators(se *s, size_t *pi, size_t end, jx_project *p)
{
	const jx_grid_row *h = &s->g->rows.v[*pi];
	size_t hn = h->n;
	int c1 = col_of(h, "一级指标"), c2 = col_of(h, "二级指标"), c3 = col_of(h, "三级指标"),
	    ct = col_of(h, "年度指标值"), ca = col_of(h, "实际完成值"), cw = col_of(h, "分值"), cs = col_of(h, "得分"),
	    cr = col_of(h, "偏差原因");
	if (ct < 0)
		ct = col_of(h, "指标值");
	jx_level1 l1 = JX_L1_UNKNOWN;
	jx_level2 l2 = JX_L2_UNKNOWN;
	const char *l1_text = NULL, *l2_text = NULL;
	size_t i = *pi + 1;
	for (; i < end; i++) {
		const jx_grid_row *r = &s->g->rows.v[i];
		if (r->n == 0)
			continue;
		if (starts_another(r))
			break;
		s->ctx->claimed[i] = 1;
		if (is_total_row(r)) {
			decimal_of(aligned(r, hn, cs), &p->score_total);
			i++;
			break;
		}
		const jx_cell *name = aligned(r, hn, c3);
		if (!name || !*name->text)
			continue;
		bool a1 = false, a2 = false;
		const jx_cell *c = aligned(r, hn, c1);
		if (c && *c->text) {
			l1 = level1_of(c->text, &a1);
			l1_text = text_of(s, c);
		}
		c = aligned(r, hn, c2);
		if (c && *c->text) {
			l2 = jx_vocab_level2(c->text, strlen(c->text), &a2);
			l2_text = text_of(s, c);
		}
		jx_indicator *ind = jx_vec_push(s->pkg->arena, &p->indicators);
		if (!ind)
			return JX_ENOMEM;
		ind->l1 = l1 ? l1 : jx_level2_parent(l2);
		ind->l2 = l2;
		ind->level1 = ind->l1 ? jx_level1_name(ind->l1) : l1_text;
		ind->level2 = l2 ? jx_level2_name(l2) : l2_text;
		ind->level1_text = l1_text;
		ind->level2_text = l2_text;
		if (a1)
			ind->repairs |= JX_REPAIR_L1_OCR;
		if (a2)
			ind->repairs |= JX_REPAIR_L2_OCR;
		ind->name = text_of(s, name);
		ind->src = name->src;
		c = aligned(r, hn, ct);
		if (c && jx_value_parse(&ind->value, c->text, strlen(c->text), s->pkg->arena) == JX_ENOMEM)
			return JX_ENOMEM;
		c = aligned(r, hn, ca);
		if (c && *c->text) {
			if (jx_value_parse(&ind->actual, c->text, strlen(c->text), s->pkg->arena) == JX_ENOMEM)
				return JX_ENOMEM;
			ind->has_actual = true;
		}
		decimal_of(aligned(r, hn, cw), &ind->weight);
		decimal_of(aligned(r, hn, cs), &ind->score);
		ind->reason = text_of(s, aligned(r, hn, cr));
	}
	*pi = i;
	return 0;
}

/* Reads one form whose money header is row h; `start` is its first row (项目名称). */
static int read_form(se *s, size_t start, size_t h, size_t *next)
{
	const jx_grid *g = s->g;
	jx_project *p = jx_vec_push(s->pkg->arena, &s->pkg->projects);
	if (!p)
		return JX_ENOMEM;
	p->src = g->rows.v[start].src;
	for (size_t i = start; i < h; i++) {
		const jx_grid_row *r = &g->rows.v[i];
		s->ctx->claimed[i] = 1;
		int k = col_of(r, "项目名称");
		if (k >= 0 && (size_t)k + 1 < r->n)
			p->name = text_of(s, &r->cells[k + 1]);
		k = col_of(r, "主管部门");
		if (k >= 0 && (size_t)k + 1 < r->n) {
			p->supervisor = text_of(s, &r->cells[k + 1]);
			if (!s->pkg->dept.name)
				s->pkg->dept.name = p->supervisor;
		}
		k = col_of(r, "实施单位");
		if (k >= 0 && (size_t)k + 1 < r->n)
			p->implementer = text_of(s, &r->cells[k + 1]);
	}
	const jx_grid_row *hr = &g->rows.v[h];
	s->ctx->claimed[h] = 1;
	/* "项目资金（万元）" names the unit; 元 when it says so. */
	jx_money_unit unit = JX_MU_WANYUAN;
	for (size_t k = 0; k < hr->n; k++) {
		const char *paren = strstr(hr->cells[k].text, "（");
		jx_money_unit u = paren ? jx_money_unit_parse(paren) : JX_MU_NONE;
		if (u)
			unit = u;
	}
	int ci = col_of(hr, "年初预算数"), cf = col_of(hr, "全年预算数"), cx = col_of(hr, "全年执行数"), cg = col_of(hr, "得分");
	size_t i = h + 1, end = g->rows.n;
	for (; i < end; i++) {
		const jx_grid_row *r = &g->rows.v[i];
		if (r->n == 0)
			continue;
		if (starts_another(r) && !has(r, "年度总体目标"))
			break;
		if (has(r, "一级指标") && has(r, "三级指标")) {
			int rc = read_indicators(s, &i, end, p);
			if (rc)
				return rc;
			break;
		}
		s->ctx->claimed[i] = 1;
		if (has(r, "年度资金总额")) {
			money_of(s, aligned(r, hr->n, ci), &p->budget_initial, unit);
			money_of(s, aligned(r, hr->n, cf), &p->budget_full, unit);
			money_of(s, aligned(r, hr->n, cx), &p->spent, unit);
			decimal_of(aligned(r, hr->n, cg), &p->score_budget);
			p->amount = p->budget_full.present ? p->budget_full : p->budget_initial;
		} else if (has(r, "年度总体目标") || has(r, "预期目标")) {
			/* The goal is the cell after the label, or the row below (预期目标 | 实际完成情况). */
			const jx_grid_row *v = r;
			if (has(r, "预期目标") && i + 1 < end) {
				v = &g->rows.v[++i];
				s->ctx->claimed[i] = 1;
			}
			for (size_t k = 0; k < v->n; k++) {
				char sq[SQ];
				squeeze(v->cells[k].text, sq);
				if (*sq && strcmp(sq, "年度总体目标") && strcmp(sq, "预期目标") && strcmp(sq, "实际完成情况")) {
					p->goal_year = (jx_text){text_of(s, &v->cells[k]), v->cells[k].src};
					break;
				}
			}
		}
	}
	*next = i;
	if (!p->name)
		return jx_pkg_note(s->pkg, JX_NOTE_WARNING, "import.selfeval-name", NULL, p->src, "绩效自评表缺少项目名称");
	return 0;
}

int jx_rec_selfeval(jx_rec_ctx *ctx)
{
	se s = {ctx, ctx->pkg, ctx->g};
	const jx_grid *g = ctx->g;
	for (size_t i = 0; i < g->rows.n;) {
		const jx_grid_row *r = &g->rows.v[i];
		if (ctx->claimed[i] || r->paragraph || !has(r, "全年执行数") || (!has(r, "年初预算数") && !has(r, "全年预算数"))) {
			i++;
			continue;
		}
		/* The form starts at 项目名称 a few rows up; the title paragraph above gives the year. */
		size_t start = i;
		for (size_t b = 1; b <= 4 && b <= i; b++)
			if (!ctx->claimed[i - b] && has(&g->rows.v[i - b], "项目名称")) {
				start = i - b;
				break;
			}
		for (size_t b = 1; b <= 3 && b <= start && !s.pkg->year; b++) {
			const jx_grid_row *t = &g->rows.v[start - b];
			for (size_t k = 0; k < t->n; k++) {
				const char *y = strstr(t->cells[k].text, "年度");
				const char *txt = t->cells[k].text;
				for (const char *q = txt; y && q + 4 <= y; q++)
					if (q[0] >= '1' && q[0] <= '2' && q[1] >= '0' && q[1] <= '9' && q[2] >= '0' && q[2] <= '9' &&
					    q[3] >= '0' && q[3] <= '9' && !strncmp(q + 4, "年度", strlen("年度"))) {
						s.pkg->year = (q[0] - '0') * 1000 + (q[1] - '0') * 100 + (q[2] - '0') * 10 + (q[3] - '0');
						break;
					}
			}
		}
		size_t next = i + 1;
		int rc = read_form(&s, start, i, &next);
		if (rc)
			return rc;
		i = next > i ? next : i + 1;
	}
	return 0;
}
