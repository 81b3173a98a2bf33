/* word_forms.c: recognises the forms of the Word-table layout (one cell per line): project target tables (项目编码 /
 * 预算数 / 资金支出计划 tables, 项目支出预算绩效目标表, 专项资金支出方向绩效目标表 with 支出明细及测算), the department-wide
 * target table (部门整体支出绩效目标表), the special-fund summary (专项资金绩效目标汇总表) and overall targets written in
 * prose (分项绩效目标 with amounts). Forms are found by their labels, never by department or numbers. */
#include <stdio.h>
#include <string.h>

#include "recognise/recognise.h"
#include "recognise/vocab.h"
#include "util/arena.h"
#include "util/utf8.h"

#define SQ 512 /* bytes of a squeezed label */

typedef struct wf {
	jx_rec_ctx *ctx;
	jx_pkg *pkg;
	const jx_grid *g;
} wf;

static const jx_grid_row *row_at(const wf *w, size_t i)
{
	return i < w->g->rows.n ? &w->g->rows.v[i] : NULL;
}

static const char *cell(const jx_grid_row *r, size_t k)
{
	return (r && k < r->n) ? r->cells[k].text : "";
}

/* Squeezes white space and the usual label punctuation away ("其中：财政    资金" → "其中财政资金"). */
static void squeeze(const char *s, char out[SQ])
{
	size_t o = 0, i = 0, n = strlen(s);
	while (i < n) {
		uint32_t c;
		size_t k = jx_utf8_decode(s + i, n - i, &c);
		bool drop = jx_utf8_is_space(c) || c == ':' || c == 0xFF1A;
		if (!drop && o + k < SQ) {
			memcpy(out + o, s + i, k);
			o += k;
		}
		i += k;
	}
	out[o] = '\0';
}

static bool sq_eq(const char *s, const char *label)
{
	char a[SQ], b[SQ];
	squeeze(s, a);
	squeeze(label, b);
	return strcmp(a, b) == 0;
}

static bool sq_has(const char *s, const char *part)
{
	char a[SQ];
	squeeze(s, a);
	return strstr(a, part) != NULL;
}

/* Index of the first cell of r equal (squeezed) to one of labels, or -1. */
static int find_cell(const jx_grid_row *r, const char *const *labels)
{
	for (size_t k = 0; r && k < r->n; k++)
		for (int j = 0; labels[j]; j++)
			if (sq_eq(r->cells[k].text, labels[j]))
				return (int)k;
	return -1;
}

static int amount(wf *w, jx_amount *out, const jx_cell *c, jx_money_unit unit)
{
	int rc = jx_amount_parse(w->pkg, out, c->text, strlen(c->text), unit, c->src);
	if (rc == JX_ENOMEM)
		return rc;
	if (rc) {
		memset(out, 0, sizeof *out);
		return jx_pkg_note(w->pkg, JX_NOTE_WARNING, "import.bad-amount", NULL, c->src, "金额“%s”无法识别",
				   c->text);
	}
	return 0;
}

static const char *dup(wf *w, const char *s)
{
	return (s && *s) ? jx_pkg_strdup(w->pkg, s) : NULL;
}

static void claim(wf *w, size_t from, size_t to)
{
	for (size_t i = from; i < to && i < w->g->rows.n; i++)
		w->ctx->claimed[i] = 1;
}

/* A row that ends a form: a paragraph, a signature line, or the start of another form. */
static bool is_form_start(const jx_grid_row *r)
{
	static const char *const starts[] = {"项目编码", "项目名称", "支出方向（子项）", "支出方向(子项)", "部门名称", NULL};
	return find_cell(r, starts) >= 0;
}

static bool is_signature(const jx_grid_row *r)
{
	for (size_t k = 0; r && k < r->n; k++)
		if (sq_has(r->cells[k].text, "负责人签字") || sq_has(r->cells[k].text, "填表人"))
			return true;
	return false;
}

/* Looks back from row i for the table unit ("单位：万元", "金额单位：万元") and a department cell
 * ("301001某县某局本级": digits then a name). */
static jx_money_unit look_back_unit(wf *w, size_t i)
{
	for (size_t b = 1; b <= 4 && b <= i; b++) {
		const jx_grid_row *r = row_at(w, i - b);
		for (size_t k = 0; r && k < r->n; k++) {
			const char *t = r->cells[k].text;
			if (strstr(t, "单位") && jx_money_unit_parse(t) != JX_MU_NONE)
				return jx_money_unit_parse(t);
		}
	}
	return JX_MU_NONE;
}

static void look_back_department(wf *w, size_t i)
{
	for (size_t b = 1; b <= 3 && b <= i; b++) {
		const jx_grid_row *r = row_at(w, i - b);
		for (size_t k = 0; r && k < r->n; k++) {
			const char *t = r->cells[k].text;
			size_t d = 0;
			while (t[d] >= '0' && t[d] <= '9')
				d++;
			if (d < 3 || t[d] == '\0' || strncmp(t + d, "年", 3) == 0 || strstr(t, "单位："))
				continue;
			if (!w->pkg->dept.code)
				w->pkg->dept.code = jx_pkg_strndup(w->pkg, t, d);
			if (!w->pkg->dept.name) {
				const char *name = t + d;
				size_t n = strlen(name);
				if (n > 6 && strcmp(name + n - 6, "本级") == 0) {
					w->pkg->dept.level = "本级";
					n -= 6;
				}
				w->pkg->dept.name = jx_pkg_strndup(w->pkg, name, n);
				w->pkg->dept.src = r->cells[k].src;
			}
			return;
		}
	}
}

/* Column positions of an indicator table, from its header row. */
typedef struct ind_cols {
	int l1, l2, name, desc, value, basis, standard, width;
} ind_cols;

static bool indicator_header(const jx_grid_row *r, ind_cols *c)
{
	static const char *const l1[] = {"一级指标", "一级绩效指标", NULL};
	static const char *const l2[] = {"二级指标", "二级绩效指标", NULL};
	static const char *const l3[] = {"三级指标", "绩效内容", "三级绩效指标", NULL};
	static const char *const desc[] = {"绩效指标描述", "指标解释", "指标说明", NULL};
	static const char *const val[] = {"指标值", "绩效值", "指标值及单位", "目标值", NULL};
	static const char *const basis[] = {"指标值确定依据", "指标值设定依据", NULL};
	static const char *const std[] = {"绩效标准", "评价标准", NULL};
	c->l1 = find_cell(r, l1);
	c->l2 = find_cell(r, l2);
	c->name = find_cell(r, l3);
	c->value = find_cell(r, val);
	if (c->l1 < 0 || c->l2 < 0 || c->name < 0 || c->value < 0)
		return false;
	c->desc = find_cell(r, desc);
	c->basis = find_cell(r, basis);
	c->standard = find_cell(r, std);
	c->width = (int)r->n;
	return true;
}

/* Reads indicator rows from row i on; returns the index of the first row after them. Rows of the wrong width are
 * joined with the next when together they have the header's width (Word splits a cell over a blank line). */
static int read_indicators(wf *w, size_t *pi, const ind_cols *c, jx_indicator_vec *out, const char *subject)
{
	size_t i = *pi;
	const char *l1_text = NULL, *l2_text = NULL;
	bool note_repair = false;
	jx_src repair_src = {0};
	while (i < w->g->rows.n) {
		const jx_grid_row *r = row_at(w, i);
		if (r->paragraph || is_signature(r) || is_form_start(r))
			break;
		if (r->n > 0 && (sq_has(cell(r, 0), "支出明细") || sq_has(cell(r, 0), "单位负责人")))
			break;
		jx_cell merged[32];
		size_t n = r->n < 32 ? r->n : 32;
		memcpy(merged, r->cells, n * sizeof *merged);
		size_t used = 1;
		const jx_grid_row *nx = row_at(w, i + 1);
		if ((int)n < c->width && nx && !nx->paragraph && (int)(n + nx->n) == c->width && !is_signature(nx)) {
			memcpy(merged + n, nx->cells, nx->n * sizeof *merged);
			n += nx->n;
			used = 2;
		}
		jx_grid_row row = {merged, n, false, r->src};
		claim(w, i, i + used);
		i += used;
		const char *t1 = cell(&row, (size_t)c->l1), *t2 = cell(&row, (size_t)c->l2);
		const char *name = cell(&row, (size_t)c->name), *value = cell(&row, (size_t)c->value);
		bool l1_blank = *t1 == '\0';
		if (!l1_blank)
			l1_text = t1;
		if (*t2)
			l2_text = t2;
		if (*name == '\0' && *value == '\0')
			continue;
		jx_indicator *ind = jx_vec_push(w->pkg->arena, out);
		if (!ind)
			return JX_ENOMEM;
		bool a1 = false, a2 = false;
		jx_level1 e1 = l1_text ? jx_vocab_level1(l1_text, strlen(l1_text), &a1) : JX_L1_UNKNOWN;
		jx_level2 e2 = l2_text ? jx_vocab_level2(l2_text, strlen(l2_text), &a2) : JX_L2_UNKNOWN;
		ind->level1_text = l1_blank ? NULL : dup(w, t1);
		ind->level2_text = *t2 ? dup(w, t2) : NULL;
		if (a1)
			ind->repairs |= JX_REPAIR_L1_OCR;
		if (a2)
			ind->repairs |= JX_REPAIR_L2_OCR;
		if (e2 != JX_L2_UNKNOWN && e1 != jx_level2_parent(e2) &&
		    !(e1 == JX_L1_COST && jx_level2_parent(e2) == JX_L1_OUTPUT && e2 == JX_L2_COST)) {
			/* A level 2 sitting under a level 1 it does not belong to, with the level-1 cell blank: the
			 * level 1 of its own category was left out. */
			if (l1_blank || e1 == JX_L1_UNKNOWN) {
				ind->repairs |= JX_REPAIR_L1_INFERRED;
				e1 = jx_level2_parent(e2);
				l1_text = jx_level1_name(e1);
				note_repair = true;
				repair_src = row.cells[c->l2 < (int)n ? c->l2 : 0].src;
			} else {
				ind->repairs |= JX_REPAIR_L1_CONFLICT;
			}
		}
		ind->l1 = e1;
		ind->l2 = e2;
		ind->level1 = e1 ? jx_level1_name(e1) : dup(w, l1_text);
		ind->level2 = e2 ? jx_level2_name(e2) : dup(w, l2_text);
		ind->name = dup(w, name);
		if (c->desc >= 0)
			ind->desc = dup(w, cell(&row, (size_t)c->desc));
		if (c->basis >= 0)
			ind->basis = dup(w, cell(&row, (size_t)c->basis));
		if (c->standard >= 0)
			ind->standard = dup(w, cell(&row, (size_t)c->standard));
		int rc = jx_value_parse(&ind->value, value, strlen(value), w->pkg->arena);
		if (rc == JX_ENOMEM)
			return rc;
		size_t src_col = *name ? (size_t)c->name : (size_t)c->value;
		ind->src = src_col < n ? row.cells[src_col].src : row.src;
	}
	*pi = i;
	if (note_repair)
		return jx_pkg_note(w->pkg, JX_NOTE_WARNING, "import.level1-inferred", subject, repair_src,
				   "二级指标所属的一级指标单元格为空，已按二级指标补为对应的一级指标");
	return 0;
}

/* Expenditure lines (支出明细及测算说明) from the header row i; returns after its 合计 row. */
static int read_lines(wf *w, size_t *pi, jx_project *p, jx_money_unit unit)
{
	const jx_grid_row *h = row_at(w, *pi);
	static const char *const name_l[] = {"支出内容简介", "支出内容", NULL};
	static const char *const detail_l[] = {"支出明细", NULL};
	static const char *const amount_l[] = {"金额", NULL};
	static const char *const calc_l[] = {"支出测算依据及过程说明", "测算依据", NULL};
	int cn = find_cell(h, name_l), cd = find_cell(h, detail_l), ca = find_cell(h, amount_l), cc = find_cell(h, calc_l);
	int width = (int)h->n;
	claim(w, *pi, *pi + 1);
	size_t i = *pi + 1;
	while (ca >= 0 && i < w->g->rows.n) {
		const jx_grid_row *r = row_at(w, i);
		if (r->paragraph || is_signature(r) || is_form_start(r))
			break;
		jx_cell merged[32];
		size_t n = r->n < 32 ? r->n : 32;
		memcpy(merged, r->cells, n * sizeof *merged);
		size_t used = 1;
		const jx_grid_row *nx = row_at(w, i + 1);
		if ((int)n < width && nx && !nx->paragraph && (int)(n + nx->n) == width) {
			memcpy(merged + n, nx->cells, nx->n * sizeof *merged);
			n += nx->n;
			used = 2;
		}
		jx_grid_row row = {merged, n, false, r->src};
		claim(w, i, i + used);
		i += used;
		bool total = false;
		for (size_t k = 0; k < n; k++)
			total |= sq_eq(merged[k].text, "合计");
		if (total)
			break;
		const char *a = cell(&row, (size_t)ca);
		const char *nm = cn >= 0 ? cell(&row, (size_t)cn) : "";
		const char *dt = cd >= 0 ? cell(&row, (size_t)cd) : "";
		if (!*a && !*nm && !*dt)
			continue;
		jx_line *l = jx_vec_push(w->pkg->arena, &p->lines);
		if (!l)
			return JX_ENOMEM;
		l->name = dup(w, *nm ? nm : dt);
		l->detail = *nm ? dup(w, dt) : NULL;
		if (cc >= 0)
			l->calc = dup(w, cell(&row, (size_t)cc));
		l->src = row.src;
		if ((size_t)ca < n) {
			int rc = amount(w, &l->amount, &row.cells[ca], unit);
			if (rc)
				return rc;
		}
	}
	*pi = i;
	return 0;
}

static int add_funding(wf *w, jx_project *p, const char *source, const jx_cell *c, jx_money_unit unit)
{
	jx_funding *f = jx_vec_push(w->pkg->arena, &p->funding);
	if (!f)
		return JX_ENOMEM;
	f->source = source;
	f->src = c->src;
	return amount(w, &f->year, c, unit);
}

/* The title of a form: the nearest paragraph or one-cell row above containing "表". */
static const char *look_back_title(wf *w, size_t i)
{
	for (size_t b = 1; b <= 4 && b <= i; b++) {
		const jx_grid_row *r = row_at(w, i - b);
		if (r->n == 1 && strstr(r->cells[0].text, "表"))
			return r->cells[0].text;
	}
	return NULL;
}

/* A project target table starting at row i (its first label row). */
static int read_project(wf *w, size_t *pi)
{
	size_t start = *pi, i = *pi;
	jx_money_unit unit = look_back_unit(w, start);
	look_back_department(w, start);
	jx_project *p = jx_vec_push(w->pkg->arena, &w->pkg->projects);
	if (!p)
		return JX_ENOMEM;
	p->src = row_at(w, start)->src;
	for (size_t b = 1; b <= 3 && b <= start; b++) {
		const jx_grid_row *r = row_at(w, start - b);
		if (r->paragraph)
			break;
		claim(w, start - b, start - b + 1);
	}
	bool in_schedule = false, after_amount = false;
	int rc = 0;
	ind_cols cols;
	while (i < w->g->rows.n && rc == 0) {
		const jx_grid_row *r = row_at(w, i);
		if (r->paragraph || is_signature(r))
			break;
		if (i > start && find_cell(r, (const char *const[]){"项目编码", "支出方向（子项）", "支出方向(子项)", NULL}) >= 0)
			break;
		if (i > start && find_cell(r, (const char *const[]){"项目名称", NULL}) == 0 && p->name)
			break;
		if (indicator_header(r, &cols)) {
			claim(w, i, i + 1);
			i++;
			rc = read_indicators(w, &i, &cols, &p->indicators, p->name);
			continue;
		}
		if (r->n > 0 && sq_has(cell(r, 0), "支出明细")) {
			rc = read_lines(w, &i, p, unit);
			continue;
		}
		claim(w, i, i + 1);
		/* The row of percents under 资金支出计划 (3月底 | 6月底 …). */
		if (in_schedule) {
			in_schedule = false;
			size_t pt = 0;
			for (size_t k = 0; k < r->n && pt < p->schedule.n; k++) {
				if (!*r->cells[k].text)
					continue;
				jx_schedule_point *sp = &p->schedule.v[pt++];
				jx_decimal d;
				int n = jx_decimal_parse(&d, r->cells[k].text, strlen(r->cells[k].text));
				if (n > 0) {
					sp->percent = d;
					sp->present = true;
				}
				sp->src = r->cells[k].src;
			}
			i++;
			continue;
		}
		/* A row of one text under the amount row is the use of funds (资金用途). */
		if (after_amount && r->n >= 1 && !*cell(r, 0) && r->n <= 3) {
			const char *t = r->n > 1 ? cell(r, 1) : "";
			if (*t && !p->usage.s) {
				p->usage.s = dup(w, t);
				p->usage.src = r->cells[1].src;
			}
			after_amount = false;
			i++;
			continue;
		}
		after_amount = false;
		for (size_t k = 0; k < r->n; k++) {
			const char *lab = r->cells[k].text;
			const jx_cell *v = k + 1 < r->n ? &r->cells[k + 1] : NULL;
			char sq[SQ];
			squeeze(lab, sq);
			if (!*sq)
				continue;
			if (strcmp(sq, "项目编码") == 0 && v) {
				p->code = dup(w, v->text);
				k++;
			} else if ((strcmp(sq, "项目名称") == 0 || strstr(sq, "支出方向")) && v) {
				p->name = dup(w, v->text);
				k++;
			} else if (strcmp(sq, "所属专项") == 0) {
				/* "所属专项 | 名称 | X" */
				const jx_cell *x = v;
				if (x && sq_eq(x->text, "名称") && k + 2 < r->n)
					x = &r->cells[k + 2];
				if (x)
					p->fund = dup(w, x->text);
				k = r->n;
			} else if ((strcmp(sq, "预算数") == 0 || strcmp(sq, "项目金额") == 0 || strstr(sq, "项目年度金额")) && v) {
				jx_money_unit u = jx_money_unit_parse(sq) != JX_MU_NONE ? jx_money_unit_parse(sq) : unit;
				if (u == JX_MU_NONE)
					u = JX_MU_WANYUAN;
				if (unit == JX_MU_NONE)
					unit = u;
				rc = amount(w, &p->amount, v, u);
				after_amount = true;
				k++;
			} else if (strstr(sq, "财政资金") && v && strcmp(sq, "其中财政资金") == 0) {
				rc = add_funding(w, p, "财政资金", v, unit ? unit : JX_MU_WANYUAN);
				k++;
			} else if (strcmp(sq, "其他资金") == 0 && v) {
				rc = add_funding(w, p, "其他资金", v, unit ? unit : JX_MU_WANYUAN);
				after_amount = true;
				k++;
			} else if (strcmp(sq, "主管部门") == 0 && v) {
				p->supervisor = dup(w, v->text);
				if (!w->pkg->dept.name)
					w->pkg->dept.name = p->supervisor;
				k++;
			} else if (strcmp(sq, "实施单位") == 0 && v) {
				p->implementer = dup(w, v->text);
				k++;
			} else if (strcmp(sq, "项目属性") == 0 && v) {
				p->attribute = dup(w, v->text);
				k++;
			} else if ((strcmp(sq, "项目期限") == 0 || strcmp(sq, "项目期") == 0 || strcmp(sq, "项目实施期") == 0) &&
				   v) {
				p->duration = dup(w, v->text);
				k++;
			} else if (strstr(sq, "资金主管处") && v) {
				p->office = dup(w, v->text);
				k++;
			} else if (strstr(sq, "资金支出计划")) {
				for (size_t m = k + 1; m < r->n; m++) {
					const char *t = r->cells[m].text;
					int month = 0;
					if (sscanf(t, "%d", &month) != 1 || month < 1 || month > 12)
						continue;
					jx_schedule_point *sp = jx_vec_push(w->pkg->arena, &p->schedule);
					if (!sp)
						return JX_ENOMEM;
					sp->label = dup(w, t);
					sp->month = month;
					sp->src = r->cells[m].src;
				}
				in_schedule = p->schedule.n > 0;
				k = r->n;
			} else if ((strcmp(sq, "实施期绩效目标") == 0 || strcmp(sq, "实施期目标") == 0) && v) {
				p->goal_total.s = dup(w, v->text);
				p->goal_total.src = v->src;
				k++;
			} else if ((strcmp(sq, "绩效目标") == 0 || strcmp(sq, "年度绩效目标") == 0 ||
				    strcmp(sq, "项目年度绩效目标") == 0) &&
				   v) {
				p->goal_year.s = dup(w, v->text);
				p->goal_year.src = v->src;
				k++;
			}
		}
		i++;
	}
	if (rc)
		return rc;
	if (!p->name)
		rc = jx_pkg_note(w->pkg, JX_NOTE_WARNING, "import.incomplete", NULL, p->src, "项目表缺少项目名称");
	else if (p->indicators.n == 0)
		rc = jx_pkg_note(w->pkg, JX_NOTE_WARNING, "import.incomplete", p->name, p->src, "项目“%s”的绩效指标表缺失",
				 p->name);
	*pi = i;
	return rc;
}

/* The number after "资金总额：" in a cell. */
static int total_in_cell(wf *w, const jx_cell *c, jx_amount *out, jx_money_unit unit)
{
	const char *t = c->text;
	const char *colon = strstr(t, "：");
	if (!colon)
		colon = strchr(t, ':');
	if (!colon)
		return 0;
	colon += (*colon == ':') ? 1 : 3;
	return jx_amount_parse(w->pkg, out, colon, strlen(colon), unit, c->src) == JX_ENOMEM ? JX_ENOMEM : 0;
}

static int add_budget(wf *w, const char *group, const jx_cell *name, const jx_cell *val, jx_money_unit unit)
{
	char sq[SQ];
	squeeze(name->text, sq);
	const char *nm = sq;
	if (strncmp(nm, "其中", 6) == 0)
		nm += 6;
	if (!*nm)
		return 0;
	jx_named_amount *na = jx_vec_push(w->pkg->arena, &w->pkg->overall.budget);
	if (!na)
		return JX_ENOMEM;
	na->group = group;
	na->name = dup(w, nm);
	na->src = name->src;
	return val ? amount(w, &na->amount, val, unit) : 0;
}

/* 部门整体支出绩效目标表: from the 部门名称 row. */
static int read_overall(wf *w, size_t *pi)
{
	size_t i = *pi;
	jx_overall *o = &w->pkg->overall;
	jx_money_unit unit = look_back_unit(w, i);
	if (unit == JX_MU_NONE)
		unit = JX_MU_WANYUAN;
	o->present = true;
	o->src = row_at(w, i)->src;
	o->title = look_back_title(w, i);
	if (o->title)
		o->title = dup(w, o->title);
	for (size_t b = 1; b <= 3 && b <= i; b++)
		if (!row_at(w, i - b)->paragraph)
			claim(w, i - b, i - b + 1);
	int rc = 0;
	bool in_budget = false, in_tasks = false;
	ind_cols cols;
	while (i < w->g->rows.n && rc == 0) {
		const jx_grid_row *r = row_at(w, i);
		if (r->paragraph || is_signature(r))
			break;
		if (i > *pi && is_form_start(r))
			break;
		if (indicator_header(r, &cols)) {
			claim(w, i, i + 1);
			i++;
			rc = read_indicators(w, &i, &cols, &o->indicators, "部门整体");
			continue;
		}
		claim(w, i, i + 1);
		char s0[SQ];
		squeeze(cell(r, 0), s0);
		if (strcmp(s0, "部门名称") == 0 && r->n > 1) {
			if (!w->pkg->dept.name) {
				w->pkg->dept.name = dup(w, r->cells[1].text);
				w->pkg->dept.src = r->cells[1].src;
			}
		} else if (strstr(s0, "年度预算")) {
			for (size_t k = 1; k < r->n; k++)
				if (strstr(r->cells[k].text, "总额"))
					rc = total_in_cell(w, &r->cells[k], &o->total, unit);
			in_budget = true;
		} else if (strstr(s0, "部门职责") && r->n > 1) {
			o->duties.s = dup(w, r->cells[1].text);
			o->duties.src = r->cells[1].src;
			w->pkg->dept.duties = o->duties;
			in_budget = false;
		} else if (strstr(s0, "重点工作") || strstr(s0, "重点任务")) {
			in_tasks = true;
			in_budget = false;
		} else if (in_budget && !*s0) {
			/* (label, amount) pairs: by source at 1–2, by direction at 3–4. */
			if (r->n > 1 && *r->cells[1].text && !strstr(r->cells[1].text, "按"))
				rc = add_budget(w, "source", &r->cells[1], r->n > 2 ? &r->cells[2] : NULL, unit);
			if (!rc && r->n > 3 && *r->cells[3].text)
				rc = add_budget(w, "direction", &r->cells[3], r->n > 4 ? &r->cells[4] : NULL, unit);
		} else if (in_tasks && !*s0 && r->n > 1) {
			jx_task *t = jx_vec_push(w->pkg->arena, &o->tasks);
			if (!t)
				return JX_ENOMEM;
			t->no = dup(w, cell(r, 1));
			t->unit = dup(w, cell(r, 2));
			t->name = dup(w, cell(r, 3));
			t->src = r->src;
		}
		i++;
	}
	*pi = i;
	return rc;
}

/* 专项资金绩效目标汇总表: from its header row (序号 | 名称 | 金额 …). */
static int read_fund_summary(wf *w, size_t *pi, const char *title)
{
	const jx_grid_row *h = row_at(w, *pi);
	static const char *const no_l[] = {"序号", NULL}, *const name_l[] = {"名称", "专项名称", "项目名称", NULL};
	static const char *const amt_l[] = {"金额", NULL}, *const gp_l[] = {"实施期绩效目标", NULL};
	static const char *const gy_l[] = {"年度绩效目标", NULL};
	int cno = find_cell(h, no_l), cn = find_cell(h, name_l), ca = find_cell(h, amt_l);
	int cgp = find_cell(h, gp_l), cgy = find_cell(h, gy_l);
	jx_money_unit unit = look_back_unit(w, *pi);
	if (unit == JX_MU_NONE)
		unit = JX_MU_WANYUAN;
	jx_fund_summary *f = jx_vec_push(w->pkg->arena, &w->pkg->funds);
	if (!f)
		return JX_ENOMEM;
	f->title = dup(w, title);
	f->src = h->src;
	for (size_t b = 1; b <= 3 && b <= *pi; b++)
		claim(w, *pi - b, *pi - b + 1);
	claim(w, *pi, *pi + 1);
	size_t i = *pi + 1;
	int rc = 0;
	while (i < w->g->rows.n && rc == 0) {
		const jx_grid_row *r = row_at(w, i);
		if (r->paragraph || is_signature(r) || is_form_start(r))
			break;
		claim(w, i, i + 1);
		i++;
		const char *nm = cell(r, (size_t)cn);
		if (sq_eq(nm, "合计")) {
			if ((size_t)ca < r->n)
				rc = amount(w, &f->total, &r->cells[ca], unit);
			continue;
		}
		if (!*nm)
			continue;
		jx_fund_item *it = jx_vec_push(w->pkg->arena, &f->items);
		if (!it)
			return JX_ENOMEM;
		it->no = cno >= 0 ? dup(w, cell(r, (size_t)cno)) : NULL;
		it->name = dup(w, nm);
		it->goal_period = cgp >= 0 ? dup(w, cell(r, (size_t)cgp)) : NULL;
		it->goal_year = cgy >= 0 ? dup(w, cell(r, (size_t)cgy)) : NULL;
		it->src = r->src;
		if (ca >= 0 && (size_t)ca < r->n)
			rc = amount(w, &it->amount, &r->cells[ca], unit);
	}
	*pi = i;
	return rc;
}

/* "残疾人工作经费    15万元": a name, two or more spaces, an amount with its unit. Where the spaces were lost (PDF
 * text, one space or none), a short line without punctuation that ends in a number and 万元/元/亿元 also is one. */
static bool prose_task(const char *s, size_t *name_len, const char **amt)
{
	const char *gap = strstr(s, "  ");
	if (gap && gap != s) {
		const char *a = gap;
		while (*a == ' ')
			a++;
		size_t n = strlen(a);
		if (n >= 4 && *a >= '0' && *a <= '9' && jx_money_unit_parse(a) != JX_MU_NONE) {
			*name_len = (size_t)(gap - s);
			*amt = a;
			return true;
		}
	}
	size_t n = strlen(s);
	if (n > 90 || strstr(s, "，") || strstr(s, "。") || strstr(s, "：") || strchr(s, ':') || strstr(s, "、"))
		return false;
	size_t e = n;
	while (e > 0 && s[e - 1] == ' ')
		e--;
	static const char *const units[] = {"亿元", "万元", "元", NULL};
	size_t u = 0;
	for (int k = 0; units[k] && !u; k++) {
		size_t ul = strlen(units[k]);
		if (e >= ul && memcmp(s + e - ul, units[k], ul) == 0)
			u = ul;
	}
	if (!u)
		return false;
	size_t a = e - u;
	while (a > 0 && ((s[a - 1] >= '0' && s[a - 1] <= '9') || s[a - 1] == '.' || s[a - 1] == ','))
		a--;
	if (a == e - u || !(s[a] >= '0' && s[a] <= '9'))
		return false;
	size_t nl = a;
	while (nl > 0 && s[nl - 1] == ' ')
		nl--;
	if (nl < 6) /* at least two characters of name */
		return false;
	*name_len = nl;
	*amt = s + a;
	return true;
}

/* A row read as a line of prose: a paragraph, or in true cells (a spreadsheet has no paragraphs) a row whose only
 * text is in its first cell. */
static bool prose_row(const wf *w, const jx_grid_row *r)
{
	if (r->paragraph)
		return true;
	if (w->g->layout != JX_LAYOUT_CELLS || r->n == 0 || !*r->cells[0].text)
		return false;
	for (size_t k = 1; k < r->n; k++)
		if (*r->cells[k].text)
			return false;
	return true;
}

/* A table-of-contents entry: a short line without a colon ending in a page number after a tab, spaces or dots
 * ("二、分项绩效目标\t1", "一、总体绩效目标 …… 1"). Its heading words are not the heading itself. */
static bool toc_entry(const char *s)
{
	size_t n = strlen(s);
	if (n == 0 || n > 120 || strstr(s, "：") || strchr(s, ':'))
		return false;
	size_t e = n;
	while (e > 0 && s[e - 1] == ' ')
		e--;
	size_t d = e;
	while (d > 0 && s[d - 1] >= '0' && s[d - 1] <= '9')
		d--;
	if (d == e || e - d > 4 || d == 0)
		return false;
	char c = s[d - 1];
	/* A tab may have become one space on the way (HTML, PDF). */
	return c == '\t' || c == '.' || c == ' ' || (d >= 3 && memcmp(s + d - 3, "…", 3) == 0);
}

/* Overall targets in prose: "…分项绩效目标" then name/amount lines with "绩效目标：…" under them. */
static int read_prose_overall(wf *w)
{
	bool in_items = false;
	jx_task *cur = NULL;
	int rc = 0;
	for (size_t i = 0; i < w->g->rows.n && rc == 0; i++) {
		const jx_grid_row *r = row_at(w, i);
		if (!prose_row(w, r) || w->ctx->claimed[i])
			continue;
		const char *t = cell(r, 0);
		if (toc_entry(t)) {
			/* Recognised as the table of contents: nothing to import, and not a title for anyone else. */
			claim(w, i, i + 1);
			continue;
		}
		if (strstr(t, "总体绩效目标") && strlen(t) < 40) {
			const jx_grid_row *nx = row_at(w, i + 1);
			if (nx && prose_row(w, nx) && !w->pkg->overall.goal.s && !toc_entry(cell(nx, 0))) {
				w->pkg->overall.goal.s = dup(w, cell(nx, 0));
				w->pkg->overall.goal.src = nx->src;
				w->pkg->overall.present = true;
				claim(w, i, i + 2);
			}
			continue;
		}
		if (strstr(t, "分项绩效目标") && strlen(t) < 40) {
			in_items = true;
			claim(w, i, i + 1);
			continue;
		}
		if (!in_items)
			continue;
		size_t nl;
		const char *amt;
		if (prose_task(t, &nl, &amt)) {
			cur = jx_vec_push(w->pkg->arena, &w->pkg->overall.tasks);
			if (!cur)
				return JX_ENOMEM;
			cur->name = jx_pkg_strndup(w->pkg, t, nl);
			cur->src = r->src;
			jx_src s = r->cells[0].src;
			s.col += (uint32_t)(amt - t);
			rc = jx_amount_parse(w->pkg, &cur->total, amt, strlen(amt), JX_MU_WANYUAN, s);
			if (rc && rc != JX_ENOMEM)
				rc = 0;
			w->pkg->overall.present = true;
			claim(w, i, i + 1);
			continue;
		}
		if (cur && strncmp(t, "绩效目标", 12) == 0) {
			const char *g = t + 12;
			while (*g == ' ')
				g++;
			if (strncmp(g, "：", 3) == 0)
				g += 3;
			else if (*g == ':')
				g++;
			jx_goal *goal = jx_vec_push(w->pkg->arena, &w->pkg->overall.goals);
			if (!goal)
				return JX_ENOMEM;
			goal->text = dup(w, g);
			goal->task = cur->name;
			goal->src = r->src;
			claim(w, i, i + 1);
			continue;
		}
		if (cur && strncmp(t, "用于", 6) == 0) {
			claim(w, i, i + 1);
			continue;
		}
		/* A new numbered heading ("三、工作保障措施") ends the items. */
		if (strstr(t, "、") && strlen(t) < 40 && !prose_task(t, &nl, &amt) && strncmp(t, "用于", 6) != 0) {
			const char *p = strstr(t, "、");
			if (p - t <= 6)
				in_items = false;
		}
	}
	return rc;
}

/* In true cells, is the project table at row i the kind with 实施期 and 年度 halves side by side (实施期资金总额 |
 * 年度资金总额, 实施期目标 | 年度目标)? pdf_targets.c reads those, in any layout that gives rows of cells. */
static bool period_form(const wf *w, size_t i)
{
	if (w->g->layout != JX_LAYOUT_CELLS)
		return false;
	for (size_t k = i; k < w->g->rows.n && k <= i + 20; k++) {
		const jx_grid_row *r = row_at(w, k);
		if (k > i && (r->paragraph || is_form_start(r)))
			break;
		for (size_t c = 0; c < r->n; c++)
			if (sq_has(r->cells[c].text, "实施期资金总额") || sq_has(r->cells[c].text, "实施期目标"))
				return true;
	}
	return false;
}

/* Is the 部门名称 row i (r) the start of the Word 部门整体支出绩效目标表 (年度预算申请, 部门职责, 年度重点工作 follow)?
 * True cells can come from a spreadsheet or PDF holding the other overall form (tasks × amounts, 符号 | 值 | 单位),
 * which tsv_overall.c reads; the text dump of Word tables only ever holds this one. */
static bool word_overall_form(const wf *w, size_t i, const jx_grid_row *r)
{
	if (w->g->layout != JX_LAYOUT_CELLS)
		return true;
	/* The form opens with 部门名称 in its first column; the 申报表 (部门基本信息 | 部门名称 …) is another form. */
	if (find_cell(r, (const char *const[]){"部门名称", NULL}) != 0)
		return false;
	for (size_t k = i; k < w->g->rows.n && k <= i + 8; k++) {
		const char *t = cell(row_at(w, k), 0);
		if (sq_has(t, "年度预算") || sq_has(t, "部门职责") || sq_has(t, "重点工作") || sq_has(t, "重点任务"))
			return true;
	}
	return false;
}

int jx_rec_word_forms(jx_rec_ctx *ctx)
{
	/* Word's text dump, or true cells from a structured reader (DOCX, XLSX, PDF positions): both give one row per
	 * table row with merged-down cells blank below their first row. */
	if (ctx->g->layout != JX_LAYOUT_WORD_CELLS && ctx->g->layout != JX_LAYOUT_CELLS)
		return 0;
	wf w = {ctx, ctx->pkg, ctx->g};
	int rc = 0;
	size_t i = 0;
	size_t before = SIZE_MAX;
	while (i < ctx->g->rows.n && rc == 0) {
		/* Every form reader moves on by at least one row, whatever the row holds. */
		if (i == before)
			i++;
		before = i;
		if (i >= ctx->g->rows.n)
			break;
		const jx_grid_row *r = row_at(&w, i);
		if (ctx->claimed[i] || r->paragraph) {
			i++;
			continue;
		}
		static const char *const project_start[] = {"项目编码", "支出方向（子项）", "支出方向(子项)", NULL};
		int k = find_cell(r, project_start);
		if ((k >= 0 || (find_cell(r, (const char *const[]){"项目名称", NULL}) == 0 && r->n >= 2)) &&
		    !period_form(&w, i)) {
			/* 项目编码 and 项目名称 share a row in some tables; start at the row either way. */
			rc = read_project(&w, &i);
			continue;
		}
		if (find_cell(r, (const char *const[]){"部门名称", NULL}) >= 0 && word_overall_form(&w, i, r)) {
			rc = read_overall(&w, &i);
			continue;
		}
		static const char *const fund_hdr[] = {"序号", NULL};
		if (find_cell(r, fund_hdr) >= 0 && find_cell(r, (const char *const[]){"实施期绩效目标", NULL}) >= 0) {
			const char *title = NULL;
			for (size_t b = 1; b <= 4 && b <= i; b++) {
				const jx_grid_row *t = row_at(&w, i - b);
				for (size_t m = 0; t && m < t->n && !title; m++)
					if (strstr(t->cells[m].text, "汇总表"))
						title = t->cells[m].text;
			}
			rc = read_fund_summary(&w, &i, title);
			continue;
		}
		i++;
	}
	if (rc == 0)
		rc = read_prose_overall(&w);
	return rc;
}
