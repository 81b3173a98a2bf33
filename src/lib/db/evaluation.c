/* evaluation.c: year-end self-evaluations in the store (schema version 2): each scored project of a stored
 * package with its money, 执行率, scores and grade, and every indicator's weight, score and how it was reached. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "db/db_int.h"
#include "jx/eval.h"
#include "util/buf.h"

/* Schema version 2. Scores are kept as integer hundredths of a point (96.39 → 9639) and 执行率 as hundredths of
 * a percent, exact on both backends, like money in fen. The rows belong to the package: a new version of the
 * package (re-import) drops them with it, since scores of an earlier text no longer apply. */
int db_ddl_v2(jx_db *db, jx_buf *b)
{
	(void)db;
	int e = jx_buf_puts(b, "CREATE TABLE evaluations (package_id BIGINT NOT NULL, project_idx BIGINT NOT NULL, "
			       "project_name TEXT, budget_fen BIGINT, spent_fen BIGINT, rate_c BIGINT, "
			       "budget_score_c BIGINT, total_c BIGINT NOT NULL, grade TEXT, rank_no BIGINT, "
			       "evaluated_at TEXT, PRIMARY KEY (package_id, project_idx), "
			       "FOREIGN KEY (package_id) REFERENCES packages (id) ON DELETE CASCADE);\n"
			       "CREATE TABLE evaluation_scores (package_id BIGINT NOT NULL, project_idx BIGINT NOT NULL, "
			       "idx BIGINT NOT NULL, indicator_idx BIGINT, name TEXT, level1 TEXT, weight_c BIGINT, "
			       "score_c BIGINT, actual TEXT, reason TEXT, how TEXT, "
			       "PRIMARY KEY (package_id, project_idx, idx), FOREIGN KEY (package_id, project_idx) "
			       "REFERENCES evaluations (package_id, project_idx) ON DELETE CASCADE);\n"
			       "CREATE INDEX evaluations_total ON evaluations (total_c);\n");
	return e ? jx_error_set(JX_ENOMEM, "内存不足") : 0;
}

/* A two-decimal score as hundredths; false when it has more decimals than two or does not fit. */
static bool hundredths(const jx_decimal *d, int64_t *out)
{
	jx_decimal x = *d;
	if (jx_decimal_rescale(&x, 2))
		return false;
	*out = x.digits;
	return true;
}

static void put_hundredths(db_row *r, const jx_decimal *d, bool present)
{
	int64_t v;
	if (present && hundredths(d, &v))
		db_put_i(r, v);
	else
		db_put_null(r);
}

static int insert(jx_db *db, const char *sql, db_row *r)
{
	if (r->oom)
		return jx_error_set(JX_ENOMEM, "内存不足");
	return jx_conn_exec(db->conn, sql, r->n, r->v);
}

static int store_project(jx_db *db, int64_t package_id, const jx_pkg *pkg, const jx_project_score *ps,
			 const char *now)
{
	static const char ins_project[] =
		"INSERT INTO evaluations (package_id, project_idx, project_name, budget_fen, spent_fen, rate_c, "
		"budget_score_c, total_c, grade, rank_no, evaluated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, "
		"$11)";
	static const char ins_score[] =
		"INSERT INTO evaluation_scores (package_id, project_idx, idx, indicator_idx, name, level1, weight_c, "
		"score_c, actual, reason, how) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)";
	const jx_project *p = ps->project;
	/* The department as a whole is stored as project -1, as the overall indicators are. */
	if (!ps->overall && (p < pkg->projects.v || p >= pkg->projects.v + pkg->projects.n))
		return jx_error_set(JX_EINVAL, "内部错误：评分的项目不属于该预算包");
	int64_t pidx = ps->overall ? -1 : (int64_t)(p - pkg->projects.v);
	db_row r;
	db_row_reset(&r);
	db_put_i(&r, package_id);
	db_put_i(&r, pidx);
	db_put_s(&r, p->name);
	if (ps->budget.present)
		db_put_i(&r, ps->budget.fen);
	else
		db_put_null(&r);
	if (ps->spent.present)
		db_put_i(&r, ps->spent.fen);
	else
		db_put_null(&r);
	put_hundredths(&r, &ps->rate, ps->has_rate);
	put_hundredths(&r, &ps->budget_score, true);
	int64_t total;
	if (!hundredths(&ps->total, &total))
		return jx_error_set(JX_EINVAL, "内部错误：总分“%lld/10^%d”不是两位小数", (long long)ps->total.digits,
				    (int)ps->total.scale);
	db_put_i(&r, total);
	db_put_s(&r, ps->grade);
	if (ps->overall)
		db_put_null(&r);
	else
		db_put_i(&r, ps->rank);
	db_put_s(&r, now);
	int rc = insert(db, ins_project, &r);
	for (size_t i = 0; !rc && i < ps->indicators.n; i++) {
		const jx_ind_score *is = &ps->indicators.v[i];
		db_row_reset(&r);
		db_put_i(&r, package_id);
		db_put_i(&r, pidx);
		db_put_i(&r, (int64_t)i);
		if (is->ind >= p->indicators.v && is->ind < p->indicators.v + p->indicators.n)
			db_put_i(&r, (int64_t)(is->ind - p->indicators.v));
		else
			db_put_null(&r);
		db_put_s(&r, is->ind ? is->ind->name : NULL);
		db_put_s(&r, jx_level1_name(is->l1));
		put_hundredths(&r, &is->weight, true);
		put_hundredths(&r, &is->score, true);
		db_put_s(&r, is->act && is->act->has_actual ? is->act->actual.text : NULL);
		db_put_s(&r, is->act ? is->act->reason : NULL);
		db_put_s(&r, is->how);
		rc = insert(db, ins_score, &r);
	}
	return rc;
}

int jx_db_store_evaluation(jx_db *db, int64_t package_id, const jx_evaluation *e)
{
	char ps[24], now[32];
	snprintf(ps, sizeof ps, "%lld", (long long)package_id);
	time_t t = time(NULL);
	struct tm tmv;
	gmtime_r(&t, &tmv);
	strftime(now, sizeof now, "%Y-%m-%dT%H:%M:%SZ", &tmv);
	const char *p[] = {ps};
	int rc = jx_conn_begin(db->conn);
	if (rc)
		return rc;
	int64_t n = 0;
	bool found = false;
	rc = db_query_int(db, "SELECT COUNT(*) FROM packages WHERE id = $1", 1, p, &n, &found);
	if (!rc && n == 0)
		rc = jx_error_set(JX_ENOTFOUND, "%s: 没有编号为 %s 的预算包", db->conn->target, ps);
	/* The scores replace the ones stored for the package before (children go with their rows). */
	if (!rc)
		rc = jx_conn_exec(db->conn, "DELETE FROM evaluations WHERE package_id = $1", 1, p);
	for (size_t i = 0; !rc && i < e->projects.n; i++)
		rc = store_project(db, package_id, e->pkg, &e->projects.v[i], now);
	if (!rc)
		rc = jx_conn_commit(db->conn);
	if (rc)
		jx_conn_rollback(db->conn);
	return rc;
}

int jx_db_scores(jx_db *db, const char *dept, int year, jx_db_table **out)
{
	*out = NULL;
	static const char *const cols[] = {"部门", "年度", "项目", "全年预算数（元）", "全年执行数（元）", "执行率（%）",
					   "执行率得分", "总分", "等级", "排名"};
	jx_buf sql = JX_BUF_INIT;
	const char *p[2];
	int n = 0;
	char ys[24];
	int e = jx_buf_puts(&sql, "SELECT p.dept_name, p.year, "
				  "CASE WHEN v.project_idx < 0 THEN '（部门整体）' ELSE v.project_name END, "
				  "v.budget_fen, v.spent_fen, v.rate_c, "
				  "v.budget_score_c, v.total_c, v.grade, v.rank_no FROM evaluations v "
				  "JOIN packages p ON p.id = v.package_id WHERE 1 = 1");
	if (dept && *dept) {
		p[n++] = dept;
		e |= jx_buf_printf(&sql, " AND p.dept_name = $%d", n);
	}
	if (year) {
		snprintf(ys, sizeof ys, "%d", year);
		p[n++] = ys;
		e |= jx_buf_printf(&sql, " AND p.year = $%d", n);
	}
	/* The department as a whole (no rank) after its projects, on both backends (they sort NULL differently). */
	e |= jx_buf_puts(&sql, " ORDER BY p.dept_name, p.year, CASE WHEN v.rank_no IS NULL THEN 1 ELSE 0 END, v.rank_no, "
			       "v.project_idx");
	int rc = e ? jx_error_set(JX_ENOMEM, "内存不足") : db_collect(db, jx_buf_cstr(&sql), n, p, cols, 10, out);
	jx_buf_release(&sql);
	for (size_t c = 3; !rc && c <= 7; c++)
		rc = db_column_hundredths(*out, c);
	if (rc && *out) {
		jx_db_table_free(*out);
		*out = NULL;
	}
	return rc;
}
