/* tsv_overall.c: recognises the 整体支出绩效目标表 (tasks × amounts, goals, per-goal indicators), tab-separated
 * text or true cells (XLSX, XLS, DOCX, PDF readers). */
#include "recognise/recognise.h"

#include <stdio.h>
#include <string.h>

#include "recognise/vocab.h"
#include "util/arena.h"
#include "util/utf8.h"

#define SQ_CAP 256

enum { MODE_NONE = 0, MODE_TASK_HEAD, MODE_TASKS, MODE_GOALS, MODE_IND };
enum { ROLE_TOTAL = 0, ROLE_BASIC, ROLE_PROJECT, ROLE_OTHER, NROLES };

typedef struct tsv_state {
	jx_rec_ctx *ctx;
	int mode;
	jx_money_unit unit;
	bool unit_known;
	long role_col[NROLES]; /* column of 总额/基本支出/项目支出/其他资金 in the task header, -1 unknown */
	long goal_task_col;    /* column of 对应工作任务, -1 unknown */
	long l1_col;           /* column of 一级指标 in the indicator header, -1 unknown */
	/* indicator context carried from row to row (merged cells) */
	int goal;
	jx_level1 l1;
	jx_level2 l2;
	jx_indicator *last; /* the last indicator of the current block, for wrapped names */
	bool last_empty;    /* it had a name but no value yet (its name goes on over the next line) */
	bool cells;                  /* a grid of true cells (merged cells appear once) */
	const jx_grid_row *prev_hdr; /* true cells: the task header row above, while header rows follow each other */
} tsv_state;

/* Squeezed (white space removed) copy of a cell. */
static const char *sq(const jx_cell *c, char *buf)
{
	jx_vocab_squeeze(c->text, strlen(c->text), buf, SQ_CAP);
	return buf;
}

static bool cell_blank(const jx_cell *c)
{
	size_t len = strlen(c->text);
	jx_utf8_trim(c->text, &len);
	return len == 0;
}

static bool row_blank(const jx_grid_row *r)
{
	for (size_t i = 0; i < r->n; i++)
		if (!cell_blank(&r->cells[i]))
			return false;
	return true;
}

static bool in_set(const char *s, const char *const *set)
{
	for (size_t i = 0; set[i]; i++)
		if (strcmp(s, set[i]) == 0)
			return true;
	return false;
}

/* A whole cell that is a number ("188.4", "1,667.1"). */
static bool is_number(const char *s)
{
	size_t len = strlen(s);
	s = jx_utf8_trim(s, &len);
	if (len == 0)
		return false;
	jx_decimal d;
	int n = jx_decimal_parse(&d, s, len);
	return n > 0 && (size_t)n == len;
}

/* A small positive integer written alone (序号). */
static bool is_seq_no(const char *s)
{
	size_t len = strlen(s);
	s = jx_utf8_trim(s, &len);
	if (len == 0 || len > 4)
		return false;
	for (size_t i = 0; i < len; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

/* "目标N" (spaces ignored) → N, else 0. */
static int goal_marker(const jx_cell *c)
{
	char buf[SQ_CAP];
	const char *s = sq(c, buf);
	static const char prefix[] = "目标";
	size_t pl = sizeof prefix - 1;
	if (strncmp(s, prefix, pl) != 0 || s[pl] == '\0')
		return 0;
	int n = 0;
	for (const char *p = s + pl; *p; p++) {
		if (*p < '0' || *p > '9' || n > 9999)
			return 0;
		n = n * 10 + (*p - '0');
	}
	return n;
}

/* The 符号 column: a comparator symbol, or 定性 (qualitative: the value is text). 1 = symbol, 2 = 定性, 0 = no. */
static int comparator_kind(const jx_cell *c)
{
	static const char *const ops[] = {"=", "＝", "≥", "≤", ">", "<", "＞", "＜", "≧", "≦", ">=", "<=",
					  "≥=", "≤=", "＞＝", "＜＝", "≠", "约", NULL};
	char buf[SQ_CAP];
	const char *s = sq(c, buf);
	if (strcmp(s, "定性") == 0)
		return 2;
	return in_set(s, ops) ? 1 : 0;
}

static int note(tsv_state *st, jx_note_level lvl, const char *code, jx_src src, const char *msg)
{
	return jx_pkg_note(st->ctx->pkg, lvl, code, NULL, src, "%s", msg);
}

/* ---- header rows ---- */

static const char *const ind_header_words[] = {"年度绩效指标", "一级指标", "二级指标", "三级指标", "指标值", "符号", "值",
					       "绩效目标", "绩效指标", "单位（文字描述）", "单位(文字描述)", "单位", NULL};
static const char *const ind_header_keys[] = {"年度绩效指标", "一级指标", "二级指标", "三级指标", "指标值", "符号", NULL};

static const char *const goal_header_words[] = {"序号", "年度绩效目标", "绩效目标", "对应工作任务", "对应任务", NULL};
static const char *const goal_header_keys[] = {"年度绩效目标", "对应工作任务", "对应任务", NULL};

static const char *const task_header_words[] = {"序号", "主要工作任务", "工作任务", "重点任务", "年度重点任务", "总额",
						"合计", "财政拨款", "基本支出", "项目支出", "其他资金", NULL};
static const char *const task_header_keys[] = {"主要工作任务", "工作任务", "重点任务", "年度重点任务", "总额", "财政拨款",
					       "基本支出", "项目支出", "其他资金", NULL};

/* Every non-empty cell is one of `words` and at least one is one of `keys` (or any word when keys is NULL). */
static bool header_row(const jx_grid_row *r, const char *const *words, const char *const *keys)
{
	bool key = false, any = false;
	char buf[SQ_CAP];
	for (size_t i = 0; i < r->n; i++) {
		if (cell_blank(&r->cells[i]))
			continue;
		const char *s = sq(&r->cells[i], buf);
		if (!in_set(s, words))
			return false;
		any = true;
		if (!keys || in_set(s, keys))
			key = true;
	}
	return any && key;
}

/* True cells: where cell `ui` of header row `u` starts in the header row `l` below it. A cell merged across
 * columns appears once, so the rows differ in length: a cell above a blank (the lower part of a merge down)
 * spans one column; a cell above labels (财政拨款 over 基本支出 | 项目支出) spans those labels, as many as the
 * cells after it leave room for. -1 when the rows do not line up that far. */
static long align_below(const jx_grid_row *u, const jx_grid_row *l, size_t ui)
{
	size_t j = 0;
	for (size_t k = 0; k < u->n; k++) {
		if (j >= l->n)
			return -1;
		if (k == ui)
			return (long)j;
		size_t span = 1;
		if (!cell_blank(&l->cells[j])) {
			size_t run = 0;
			while (j + run < l->n && !cell_blank(&l->cells[j + run]))
				run++;
			size_t after = u->n - k - 1; /* cells of u still to place, one column at least each */
			size_t room = l->n - j > after ? l->n - j - after : 1;
			span = run < room ? run : room;
			if (span == 0)
				span = 1;
		}
		j += span;
	}
	return -1;
}

static void take_task_roles(tsv_state *st, const jx_grid_row *r)
{
	char buf[SQ_CAP];
	if (st->cells && st->prev_hdr && st->mode == MODE_TASK_HEAD) {
		/* Roles found in the rows above, in this row's columns. */
		for (int q = 0; q < NROLES; q++) {
			if (st->role_col[q] < 0)
				continue;
			long at = align_below(st->prev_hdr, r, (size_t)st->role_col[q]);
			if (at >= 0)
				st->role_col[q] = at;
		}
	}
	st->prev_hdr = r;
	for (size_t i = 0; i < r->n; i++) {
		if (cell_blank(&r->cells[i]))
			continue;
		const char *s = sq(&r->cells[i], buf);
		long col = (long)i;
		if (strcmp(s, "总额") == 0)
			st->role_col[ROLE_TOTAL] = col;
		else if (strcmp(s, "合计") == 0 && st->role_col[ROLE_TOTAL] < 0)
			st->role_col[ROLE_TOTAL] = col;
		else if (strcmp(s, "基本支出") == 0)
			st->role_col[ROLE_BASIC] = col;
		else if (strcmp(s, "项目支出") == 0)
			st->role_col[ROLE_PROJECT] = col;
		else if (strcmp(s, "其他资金") == 0)
			st->role_col[ROLE_OTHER] = col;
	}
}

/* ---- document head: title, year, department, unit ---- */

static jx_money_unit unit_in(const char *s)
{
	if (!strstr(s, "元"))
		return JX_MU_NONE;
	if (!(strstr(s, "（") || strstr(s, "(") || strstr(s, "单位") || strstr(s, "资金") || strstr(s, "金额")))
		return JX_MU_NONE;
	return jx_money_unit_parse(s);
}

/* "(2023年度)", "（2023年度）", "2023年度" alone on a row → 2023. */
static int year_of(const char *s)
{
	size_t len = strlen(s);
	if (len > 24 || !strstr(s, "年"))
		return 0;
	for (size_t i = 0; i + 4 <= len; i++) {
		if (s[i] >= '1' && s[i] <= '2' && s[i + 1] >= '0' && s[i + 1] <= '9' && s[i + 2] >= '0' &&
		    s[i + 2] <= '9' && s[i + 3] >= '0' && s[i + 3] <= '9' && strncmp(s + i + 4, "年", 3) == 0 &&
		    (i == 0 || s[i - 1] < '0' || s[i - 1] > '9'))
			return (s[i] - '0') * 1000 + (s[i + 1] - '0') * 100 + (s[i + 2] - '0') * 10 + (s[i + 3] - '0');
	}
	return 0;
}

static bool overall_title(const jx_grid_row *r);

/* Title, year or department row; returns 1 if the row was one of them. */
static int head_row(tsv_state *st, const jx_grid_row *r)
{
	jx_pkg *pkg = st->ctx->pkg;
	char buf[SQ_CAP];
	size_t nonblank = 0, first = 0;
	for (size_t i = 0; i < r->n; i++)
		if (!cell_blank(&r->cells[i]) && nonblank++ == 0)
			first = i;
	if (nonblank == 0)
		return 0;
	const char *s0 = sq(&r->cells[first], buf);
	/* On true cells the grid holds the whole document: only the overall table's own title names it. */
	if (nonblank == 1 && strstr(s0, "绩效目标表") && (!st->cells || overall_title(r))) {
		const char *t = jx_pkg_strdup(pkg, r->cells[first].text);
		if (!t)
			return JX_ENOMEM;
		pkg->overall.present = true;
		pkg->overall.title = t;
		pkg->overall.src = r->src;
		if (!pkg->title)
			pkg->title = t;
		return 1;
	}
	if (st->mode != MODE_NONE)
		return 0;
	if (nonblank == 1 && year_of(s0) && strstr(s0, "年度")) {
		if (!pkg->year)
			pkg->year = year_of(s0);
		return 1;
	}
	static const char *const dept_labels[] = {"部门名称", "单位名称", "部门（单位）名称", "部门(单位)名称", NULL};
	if (in_set(s0, dept_labels)) {
		for (size_t i = first + 1; i < r->n; i++) {
			if (cell_blank(&r->cells[i]))
				continue;
			const char *s = sq(&r->cells[i], buf);
			jx_money_unit u = unit_in(s);
			if (u != JX_MU_NONE) {
				st->unit = u;
				st->unit_known = true;
			} else if (!pkg->dept.name) {
				pkg->dept.name = jx_pkg_strdup(pkg, r->cells[i].text);
				if (!pkg->dept.name)
					return JX_ENOMEM;
				pkg->dept.src = r->cells[i].src;
			}
		}
		return 1;
	}
	return 0;
}

/* ---- tasks ---- */

typedef struct num_cell {
	const jx_cell *c;
	long col;
} num_cell;

/* Picks the roles of the task amounts. Positions decide when every number sits under a header; otherwise the
 * order-preserving placement for which 总额 = 基本 + 项目 + 其他 holds is chosen (and the choice is noted). */
static int place_amounts(tsv_state *st, const num_cell *nums, size_t k, int *role, bool *by_sum)
{
	*by_sum = false;
	bool positional = st->role_col[ROLE_TOTAL] >= 0 || st->role_col[ROLE_BASIC] >= 0;
	for (size_t i = 0; i < k && positional; i++) {
		role[i] = -1;
		for (int r = 0; r < NROLES; r++)
			if (st->role_col[r] == nums[i].col)
				role[i] = r;
		if (role[i] < 0)
			positional = false;
	}
	/* A task always has a total: numbers under the other headers only mean the row slid right. */
	bool total_here = false;
	for (size_t i = 0; i < k && positional; i++)
		total_here |= role[i] == ROLE_TOTAL;
	if (positional && (total_here || st->role_col[ROLE_TOTAL] < 0 || k < 2))
		return 0;
	/* Parse the numbers (fen) to test placements. */
	int64_t fen[NROLES];
	for (size_t i = 0; i < k; i++) {
		jx_amount a;
		int rc = jx_amount_parse(st->ctx->pkg, &a, nums[i].c->text, strlen(nums[i].c->text), st->unit,
					 nums[i].c->src);
		if (rc == JX_ENOMEM)
			return rc;
		fen[i] = rc ? 0 : a.fen;
	}
	/* Enumerate order-preserving injections of k numbers into the 4 roles (masks with k bits). */
	int best_mask = -1, best_score = -1;
	for (int mask = 1; mask < (1 << NROLES); mask++) {
		if (__builtin_popcount((unsigned)mask) != (int)k)
			continue;
		int roles[NROLES], n = 0;
		for (int r = 0; r < NROLES; r++)
			if (mask & (1 << r))
				roles[n++] = r;
		int score = 0;
		bool has_total = roles[0] == ROLE_TOTAL;
		if (has_total && k >= 2) {
			int64_t sum = 0;
			bool ok = true;
			for (size_t i = 1; i < k; i++)
				ok = ok && jx_add_i64(sum, fen[i], &sum);
			if (ok && sum == fen[0])
				score += 100;
		}
		if (has_total)
			score += 10; /* the first amount of a task row is its total */
		for (size_t i = 0; i < k; i++)
			if (st->role_col[roles[i]] == nums[i].col)
				score += 1;
		if (score > best_score) {
			best_score = score;
			best_mask = mask;
		}
	}
	size_t n = 0;
	for (int r = 0; r < NROLES && n < k; r++)
		if (best_mask & (1 << r))
			role[n++] = r;
	*by_sum = true;
	return 0;
}

static int task_row(tsv_state *st, const jx_grid_row *r)
{
	jx_pkg *pkg = st->ctx->pkg;
	size_t i = 0;
	while (i < r->n && cell_blank(&r->cells[i]))
		i++;
	if (i >= r->n || !is_seq_no(r->cells[i].text))
		return 0;
	size_t noi = i++;
	while (i < r->n && cell_blank(&r->cells[i]))
		i++;
	if (i >= r->n || is_number(r->cells[i].text))
		return 0;
	size_t namei = i++;
	num_cell nums[NROLES];
	size_t k = 0;
	for (; i < r->n; i++) {
		if (cell_blank(&r->cells[i]))
			continue;
		if (!is_number(r->cells[i].text) || k == NROLES)
			return 0; /* not a task amount row */
		nums[k].c = &r->cells[i];
		nums[k].col = (long)i;
		k++;
	}
	jx_task *t = jx_vec_push(pkg->arena, &pkg->overall.tasks);
	if (!t)
		return JX_ENOMEM;
	t->no = jx_pkg_strdup(pkg, r->cells[noi].text);
	t->name = jx_pkg_strdup(pkg, r->cells[namei].text);
	if (!t->no || !t->name)
		return JX_ENOMEM;
	t->src = r->src;
	jx_amount *slot[NROLES] = {&t->total, &t->basic, &t->project, &t->other};
	for (int q = 0; q < NROLES; q++)
		slot[q]->src = r->src;
	int role[NROLES];
	bool by_sum;
	int rc = place_amounts(st, nums, k, role, &by_sum);
	if (rc)
		return rc;
	for (size_t q = 0; q < k; q++) {
		rc = jx_amount_parse(pkg, slot[role[q]], nums[q].c->text, strlen(nums[q].c->text), st->unit,
				     nums[q].c->src);
		if (rc == JX_ENOMEM)
			return rc;
		if (rc) {
			char msg[200];
			snprintf(msg, sizeof msg, "任务%s的金额“%s”无法读取", t->no, nums[q].c->text);
			if ((rc = note(st, JX_NOTE_WARNING, "import.amount", nums[q].c->src, msg)))
				return rc;
		}
	}
	if (by_sum && k > 0) {
		char msg[200];
		snprintf(msg, sizeof msg, "任务%s的金额列与表头错位，已按“总额=基本支出+项目支出+其他资金”确定各列", t->no);
		if ((rc = note(st, JX_NOTE_INFO, "import.cells-shifted", r->src, msg)))
			return rc;
	}
	return 1;
}

/* ---- goals ---- */

static void take_goal_header(tsv_state *st, const jx_grid_row *r)
{
	char buf[SQ_CAP];
	st->goal_task_col = -1;
	for (size_t i = 0; i < r->n; i++) {
		const char *s = sq(&r->cells[i], buf);
		if (strstr(s, "任务"))
			st->goal_task_col = (long)i;
	}
}

static bool task_ref(const char *s)
{
	char buf[SQ_CAP];
	jx_vocab_squeeze(s, strlen(s), buf, sizeof buf);
	return strncmp(buf, "任务", strlen("任务")) == 0 || strncmp(buf, "事项", strlen("事项")) == 0;
}

static int goal_row(tsv_state *st, const jx_grid_row *r)
{
	jx_pkg *pkg = st->ctx->pkg;
	size_t i = 0;
	while (i < r->n && cell_blank(&r->cells[i]))
		i++;
	if (i >= r->n || !(is_seq_no(r->cells[i].text) || goal_marker(&r->cells[i])))
		return 0;
	size_t noi = i++;
	while (i < r->n && cell_blank(&r->cells[i]))
		i++;
	if (i >= r->n)
		return 0;
	size_t texti = i++;
	long taski = -1;
	for (; i < r->n; i++) {
		if (cell_blank(&r->cells[i]))
			continue;
		if (task_ref(r->cells[i].text) || (long)i == st->goal_task_col)
			taski = (long)i;
	}
	jx_goal *gl = jx_vec_push(pkg->arena, &pkg->overall.goals);
	if (!gl)
		return JX_ENOMEM;
	gl->no = jx_pkg_strdup(pkg, r->cells[noi].text);
	gl->text = jx_pkg_strdup(pkg, r->cells[texti].text);
	if (!gl->no || !gl->text)
		return JX_ENOMEM;
	if (taski >= 0 && !(gl->task = jx_pkg_strdup(pkg, r->cells[taski].text)))
		return JX_ENOMEM;
	gl->src = r->src;
	return 1;
}

/* ---- indicators ---- */

static void take_ind_header(tsv_state *st, const jx_grid_row *r)
{
	char buf[SQ_CAP];
	for (size_t i = 0; i < r->n; i++)
		if (strcmp(sq(&r->cells[i], buf), "一级指标") == 0)
			st->l1_col = (long)i;
}

/* Notes a repair on an indicator (a macro so the format stays a literal the compiler checks). */
#define ind_note(st, src, code, ...) jx_pkg_note((st)->ctx->pkg, JX_NOTE_INFO, code, NULL, src, __VA_ARGS__)

static int ind_row(tsv_state *st, const jx_grid_row *r)
{
	jx_pkg *pkg = st->ctx->pkg;
	size_t idx[64], n = 0;
	for (size_t i = 0; i < r->n && n < 64; i++)
		if (!cell_blank(&r->cells[i]))
			idx[n++] = i;
	if (n == 0)
		return 0;
	const jx_cell *c = r->cells;
	size_t k = 0;
	int goal_here = goal_marker(&c[idx[0]]);
	if (goal_here)
		k++;
	jx_level1 l1 = JX_L1_UNKNOWN;
	jx_level2 l2 = JX_L2_UNKNOWN;
	bool l1_approx = false, l2_approx = false;
	const jx_cell *l1c = NULL, *l2c = NULL;
	long l2_col = -1;
	/* Level names come before the level-3 name; each cell is recognised by what it says, not where it is. */
	while (k < n && !comparator_kind(&c[idx[k]])) {
		const jx_cell *cell = &c[idx[k]];
		size_t len = strlen(cell->text);
		bool a1 = false, a2 = false;
		jx_level1 m1 = l1c ? JX_L1_UNKNOWN : jx_vocab_level1(cell->text, len, &a1);
		jx_level2 m2 = l2c ? JX_L2_UNKNOWN : jx_vocab_level2(cell->text, len, &a2);
		if (m1 != JX_L1_UNKNOWN && m2 != JX_L2_UNKNOWN) {
			/* 成本指标 is a level 1 only when a level 2 follows it on the row. */
			bool next_l2 = false;
			if (k + 1 < n) {
				bool ax;
				next_l2 = jx_vocab_level2(c[idx[k + 1]].text, strlen(c[idx[k + 1]].text), &ax) !=
					  JX_L2_UNKNOWN;
			}
			if (next_l2)
				m2 = JX_L2_UNKNOWN;
			else
				m1 = JX_L1_UNKNOWN;
		}
		if (m1 != JX_L1_UNKNOWN && !l2c) {
			l1 = m1, l1c = cell, l1_approx = a1;
		} else if (m2 != JX_L2_UNKNOWN) {
			l2 = m2, l2c = cell, l2_approx = a2, l2_col = (long)idx[k];
		} else {
			break;
		}
		k++;
	}
	/* Every indicator has a level-3 name: a level word right before the comparator is that name (the second
	 * half of a wrapped name, "满意度"), not a level. */
	if (k > (goal_here ? 1u : 0u) && k < n && comparator_kind(&c[idx[k]]) && (l1c || l2c) &&
	    (&c[idx[k - 1]] == l1c || &c[idx[k - 1]] == l2c)) {
		k--;
		if (&c[idx[k]] == l2c)
			l2c = NULL, l2 = JX_L2_UNKNOWN, l2_approx = false;
		else
			l1c = NULL, l1 = JX_L1_UNKNOWN, l1_approx = false;
	}
	const jx_cell *namec = NULL, *opc = NULL, *valc = NULL, *unitc = NULL;
	int opk = 0;
	if (k < n && !comparator_kind(&c[idx[k]]))
		namec = &c[idx[k++]];
	if (k < n && (opk = comparator_kind(&c[idx[k]])) != 0)
		opc = &c[idx[k++]];
	if (k < n)
		valc = &c[idx[k++]];
	if (k < n && opk != 2 && valc && is_number(valc->text))
		unitc = &c[idx[k++]];

	/* Carry the context: a new goal restarts the levels; a level written here replaces the one above. */
	if (goal_here && goal_here != st->goal) {
		st->goal = goal_here;
		st->l1 = JX_L1_UNKNOWN;
		st->l2 = JX_L2_UNKNOWN;
		st->last = NULL;
	}
	unsigned repairs = 0;
	int rc;
	if (l1c) {
		if (l1 != st->l1)
			st->l2 = JX_L2_UNKNOWN;
		st->l1 = l1;
		if (l1_approx) {
			repairs |= JX_REPAIR_L1_OCR;
			if ((rc = ind_note(st, l1c->src, "import.ocr", "一级指标“%s”按近似匹配识别为“%s”", l1c->text,
					   jx_level1_name(l1))))
				return rc;
		}
	}
	if (l2c) {
		st->l2 = l2;
		jx_level1 parent = jx_level2_parent(l2);
		if (l2_approx) {
			repairs |= JX_REPAIR_L2_OCR;
			if ((rc = ind_note(st, l2c->src, "import.ocr", "二级指标“%s”按近似匹配识别为“%s”", l2c->text,
					   jx_level2_name(l2))))
				return rc;
		}
		if (parent != JX_L1_UNKNOWN && !l1c && (st->l1 != parent || l2_col == st->l1_col)) {
			st->l1 = parent;
			repairs |= JX_REPAIR_L1_INFERRED;
			if (l2_col == st->l1_col)
				rc = ind_note(st, l2c->src, "import.level1-inferred",
					      "二级指标“%s”写在一级指标栏，一级指标取为“%s”", l2c->text, jx_level1_name(parent));
			else
				rc = ind_note(st, l2c->src, "import.level1-inferred",
					      "二级指标“%s”所在行未写一级指标，一级指标取为“%s”", l2c->text, jx_level1_name(parent));
			if (rc)
				return rc;
		} else if (parent != JX_L1_UNKNOWN && l1c && parent != l1) {
			st->l1 = parent;
			repairs |= JX_REPAIR_L1_CONFLICT;
			if ((rc = ind_note(st, l2c->src, "import.level1-conflict",
					   "二级指标“%s”不属于所写的一级指标，一级指标改为“%s”", l2c->text,
					   jx_level1_name(parent))))
				return rc;
		}
	} else if (l1c && namec && st->l2 != JX_L2_UNKNOWN) {
		repairs |= JX_REPAIR_L2_INFERRED;
	}

	if (!namec && !opc && !valc)
		return 1; /* only levels or a goal marker: context for the rows below */
	if (namec && !opc && !valc && !l1c && !l2c && !goal_here && st->last) {
		/* A name wrapped onto the next physical line. */
		const char *joined = jx_arena_printf(pkg->arena, "%s%s", st->last->name, namec->text);
		if (!joined)
			return JX_ENOMEM;
		st->last->name = joined;
		st->last->repairs |= JX_REPAIR_NAME_JOINED;
		return ind_note(st, namec->src, "import.name-joined", "指标名称“%s”接续上一行，已合并为“%s”",
				namec->text, joined) ? JX_ENOMEM : 1;
	}

	jx_indicator *ind;
	if (namec && !l1c && !l2c && !goal_here && st->last && st->last_empty && (opc || valc)) {
		/* The first part of the name stood alone on the line above; this line ends it and holds the value. */
		ind = st->last;
		const char *joined = jx_arena_printf(pkg->arena, "%s%s", ind->name ? ind->name : "", namec->text);
		if (!joined)
			return JX_ENOMEM;
		if (ind_note(st, namec->src, "import.name-joined", "指标名称“%s”接续上一行，已合并为“%s”", namec->text,
			     joined))
			return JX_ENOMEM;
		ind->name = joined;
		ind->repairs |= JX_REPAIR_NAME_JOINED;
	} else {
		ind = jx_vec_push(pkg->arena, &pkg->overall.indicators);
		if (!ind)
			return JX_ENOMEM;
		ind->goal = st->goal;
		ind->l1 = st->l1;
		ind->l2 = st->l2;
		ind->level1 = jx_level1_name(st->l1);
		ind->level2 = jx_level2_name(st->l2);
		if ((l1c && !(ind->level1_text = jx_pkg_strdup(pkg, l1c->text))) ||
		    (l2c && !(ind->level2_text = jx_pkg_strdup(pkg, l2c->text))))
			return JX_ENOMEM;
		if (!ind->level1 && l1c)
			ind->level1 = ind->level1_text;
		if (!ind->level2 && l2c)
			ind->level2 = ind->level2_text;
		if (namec && !(ind->name = jx_pkg_strdup(pkg, namec->text)))
			return JX_ENOMEM;
		ind->scope = JX_SCOPE_YEAR;
		ind->repairs = repairs;
		ind->src = namec ? namec->src : r->src;
		if (!ind->src.line)
			ind->src = r->src;
	}

	/* The value: symbol + number + unit ("≥90%"), or for 定性 the text of the 值 column alone. */
	const char *vtext;
	if (opk == 2)
		vtext = jx_pkg_strdup(pkg, valc ? valc->text : "");
	else
		vtext = jx_arena_printf(pkg->arena, "%s%s%s", opc ? opc->text : "", valc ? valc->text : "",
					unitc ? unitc->text : "");
	if (!vtext)
		return JX_ENOMEM;
	rc = jx_value_parse(&ind->value, vtext, strlen(vtext), pkg->arena);
	if (rc == JX_ENOMEM)
		return rc;
	st->last = ind;
	st->last_empty = !opc && !valc;
	return 1;
}

/* A line without tabs that can only be the rest of a wrapped cell: short, not a sentence. */
static bool short_line(const jx_grid_row *r)
{
	if (r->n != 1)
		return false;
	const char *s = r->cells[0].text;
	size_t len = strlen(s), cps = 0;
	for (size_t i = 0; i < len; i++)
		cps += ((unsigned char)s[i] & 0xC0) != 0x80;
	return cps <= 30 && !strstr(s, "。") && !strstr(s, "：");
}

/* ---- true cells: where the overall table is ---- */

/* The row's only non-blank cell, or NULL. */
static const jx_cell *sole_cell(const jx_grid_row *r)
{
	const jx_cell *one = NULL;
	for (size_t i = 0; i < r->n; i++) {
		if (cell_blank(&r->cells[i]))
			continue;
		if (one)
			return NULL;
		one = &r->cells[i];
	}
	return one;
}

/* A title of the overall table: "整体支出绩效目标表", "部门整体绩效目标申报表" (整体 + 绩效目标, nothing else on the
 * row). */
static bool overall_title(const jx_grid_row *r)
{
	const jx_cell *c = sole_cell(r);
	if (!c)
		return false;
	char buf[SQ_CAP];
	const char *s = sq(c, buf);
	size_t len = strlen(s);
	return strstr(s, "整体") && strstr(s, "绩效目标") && len < 120 && len >= 3 && strcmp(s + len - 3, "表") == 0;
}

/* A row that can only belong to the overall table: its task header, its goal header with the 对应工作任务
 * column, or the department row carrying the amounts' unit (预算资金（万元）). */
static bool overall_marker(const jx_grid_row *r)
{
	if (header_row(r, task_header_words, task_header_keys))
		return true;
	char buf[SQ_CAP];
	if (header_row(r, goal_header_words, goal_header_keys)) {
		for (size_t i = 0; i < r->n; i++)
			if (strstr(sq(&r->cells[i], buf), "任务"))
				return true;
		return false;
	}
	size_t first = 0;
	while (first < r->n && cell_blank(&r->cells[first]))
		first++;
	if (first >= r->n)
		return false;
	static const char *const dept_labels[] = {"部门名称", "单位名称", "部门（单位）名称", "部门(单位)名称", NULL};
	if (!in_set(sq(&r->cells[first], buf), dept_labels))
		return false;
	for (size_t i = first + 1; i < r->n; i++)
		if (unit_in(sq(&r->cells[i], buf)) != JX_MU_NONE && strstr(buf, "预算"))
			return true;
	return false;
}

/* The title of some other table ("项目支出绩效目标表", "一般公共预算支出表"), or the first row of a project table:
 * the overall table has ended. */
static bool other_table_start(const jx_grid_row *r)
{
	char buf[SQ_CAP];
	const jx_cell *c = sole_cell(r);
	if (c) {
		const char *s = sq(c, buf);
		size_t len = strlen(s);
		return len >= 6 && strcmp(s + len - 3, "表") == 0 && !strstr(s, "整体");
	}
	size_t first = 0;
	while (first < r->n && cell_blank(&r->cells[first]))
		first++;
	if (first >= r->n)
		return false;
	const char *s = sq(&r->cells[first], buf);
	return strcmp(s, "项目名称") == 0 || strcmp(s, "项目编码") == 0 || strcmp(s, "项目代码") == 0;
}

/* On true cells the grid may hold many tables (a whole disclosure, a report): only the stretches that are the
 * overall table are read, from its title or a row only it has, up to the start of another table. On text, the
 * TSV layout is the overall table alone. */
static void mark_region(const jx_grid *g, unsigned char *in)
{
	bool on = false;
	for (size_t i = 0; i < g->rows.n; i++) {
		const jx_grid_row *r = &g->rows.v[i];
		if (overall_marker(r)) {
			on = true;
		} else if (overall_title(r)) {
			/* a title counts when the table's own rows follow it (other forms also say 整体…目标表) */
			bool follows = false;
			for (size_t k = i + 1; k < g->rows.n && k <= i + 8 && !follows; k++) {
				if (other_table_start(&g->rows.v[k]))
					break;
				follows = overall_marker(&g->rows.v[k]);
			}
			on = follows;
		} else if (on && other_table_start(r)) {
			on = false;
		}
		in[i] = on;
	}
}

int jx_rec_tsv_overall(jx_rec_ctx *ctx)
{
	bool cells = ctx->g->layout == JX_LAYOUT_CELLS;
	if (ctx->g->layout != JX_LAYOUT_TSV && !cells)
		return 0;
	/* A package has one overall table: on true cells, when a recogniser before this one has read it (the Word
	 * forms' 部门整体支出绩效目标表), its title and rows are not read again here. */
	if (cells && ctx->pkg->overall.present)
		return 0;
	unsigned char *region = NULL;
	if (cells) {
		region = jx_arena_calloc(ctx->pkg->arena, ctx->g->rows.n ? ctx->g->rows.n : 1, 1);
		if (!region)
			return JX_ENOMEM;
		mark_region(ctx->g, region);
	}
	tsv_state st;
	memset(&st, 0, sizeof st);
	st.ctx = ctx;
	st.cells = cells;
	st.unit = JX_MU_WANYUAN;
	for (int r = 0; r < NROLES; r++)
		st.role_col[r] = -1;
	st.goal_task_col = -1;
	st.l1_col = -1;
	const jx_grid *g = ctx->g;
	bool unit_noted = false;
	for (size_t i = 0; i < g->rows.n; i++) {
		const jx_grid_row *r = &g->rows.v[i];
		if (ctx->claimed[i])
			continue;
		if (region && !region[i]) {
			st.mode = MODE_NONE;
			continue;
		}
		if (r->paragraph && st.mode != MODE_NONE && !row_blank(r) && !(st.mode == MODE_IND && short_line(r))) {
			st.mode = MODE_NONE; /* prose after the table; a short line inside it is a wrapped cell */
			continue;
		}
		if (row_blank(r)) {
			if (st.mode != MODE_NONE)
				ctx->claimed[i] = 1;
			continue;
		}
		int rc = head_row(&st, r);
		if (rc < 0)
			return rc;
		if (rc) {
			ctx->claimed[i] = 1;
			st.mode = MODE_NONE;
			continue;
		}
		if (header_row(r, ind_header_words, ind_header_keys)) {
			take_ind_header(&st, r);
			st.mode = MODE_IND;
			st.last = NULL;
			ctx->claimed[i] = 1;
			continue;
		}
		if (header_row(r, goal_header_words, goal_header_keys)) {
			take_goal_header(&st, r);
			st.mode = MODE_GOALS;
			ctx->claimed[i] = 1;
			continue;
		}
		if (header_row(r, task_header_words, task_header_keys) ||
		    (st.mode == MODE_TASK_HEAD && header_row(r, task_header_words, NULL))) {
			take_task_roles(&st, r);
			st.mode = MODE_TASK_HEAD;
			ctx->claimed[i] = 1;
			continue;
		}
		rc = 0;
		switch (st.mode) {
		case MODE_TASK_HEAD:
		case MODE_TASKS:
			if (!st.unit_known && !unit_noted) {
				unit_noted = true;
				if ((rc = note(&st, JX_NOTE_WARNING, "import.unit", r->src,
					       "未找到工作任务金额的单位，按万元读取")))
					return rc;
			}
			rc = task_row(&st, r);
			if (rc > 0)
				st.mode = MODE_TASKS;
			break;
		case MODE_GOALS:
			rc = goal_row(&st, r);
			break;
		case MODE_IND:
			rc = ind_row(&st, r);
			break;
		default:
			break;
		}
		if (rc < 0)
			return rc;
		if (rc > 0) {
			ctx->claimed[i] = 1;
			ctx->pkg->overall.present = true;
		} else {
			st.mode = MODE_NONE;
		}
	}
	return 0;
}
