/* store.c: writing a package into the relational tables (one transaction, replacing earlier versions) and
 * rebuilding it from them, so that export equals a direct import field for field. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "db/db_int.h"
#include "jx/json.h"
#include "util/arena.h"
#include "util/sha256.h"

/* ---- writing ---- */

static void put_amount(db_row *r, const jx_amount *a)
{
	if (!a->present) {
		for (int k = 0; k < 9; k++)
			db_put_null(r);
		return;
	}
	db_put_i(r, a->fen);
	db_put_i(r, (int64_t)a->unit);
	db_put_i(r, a->scale);
	db_put_s(r, a->text);
	db_put_src(r, &a->src);
}

static void put_text(db_row *r, const jx_text *t)
{
	db_put_s(r, t->s);
	db_put_src(r, &t->src);
}

/* Decimals keep their printed scale as text ("42.00"); the unset decimal (0 at scale 0) is NULL. */
static void put_dec(db_row *r, const jx_decimal *d, char buf[32])
{
	if (!d->digits && !d->scale)
		db_put_null(r);
	else
		db_put_s(r, jx_decimal_format(d, buf));
}

static void put_count(db_row *r, int v)
{
	if (v >= 0)
		db_put_i(r, v);
	else
		db_put_null(r);
}

static int64_t date_code(const jx_date *d)
{
	return (int64_t)d->year * 10000 + d->month * 100 + d->day;
}

static void put_value(db_row *r, const jx_value *v, char buf[32])
{
	db_put_s(r, v->text);
	db_put_i(r, (int64_t)v->op);
	db_put_i(r, (int64_t)v->kind);
	db_put_i(r, v->has_number);
	if (v->has_number)
		db_put_s(r, jx_decimal_format(&v->number, buf));
	else
		db_put_null(r);
	db_put_s(r, v->unit);
	db_put_i(r, v->fen);
	db_put_s(r, v->per);
	db_put_i(r, date_code(&v->from));
	db_put_i(r, date_code(&v->to));
	db_put_i(r, v->recurring);
}

typedef struct wr {
	jx_db *db;
	int64_t pid;
	int64_t rows;
	db_row r;
} wr;

static void row_start(wr *w)
{
	db_row_reset(&w->r);
	db_put_i(&w->r, w->pid);
}

static int row_end(wr *w, int t)
{
	w->rows++;
	return db_insert(w->db, t, &w->r);
}

static int write_indicators(wr *w, const jx_indicator_vec *v, int64_t project_idx)
{
	for (size_t i = 0; i < v->n; i++) {
		const jx_indicator *d = &v->v[i];
		char b1[32], b2[32], b3[32], b4[32];
		row_start(w);
		db_put_i(&w->r, project_idx);
		db_put_i(&w->r, (int64_t)i);
		db_put_i(&w->r, (int64_t)d->l1);
		db_put_i(&w->r, (int64_t)d->l2);
		db_put_s(&w->r, d->level1);
		db_put_s(&w->r, d->level2);
		db_put_s(&w->r, d->level1_text);
		db_put_s(&w->r, d->level2_text);
		db_put_s(&w->r, d->name);
		db_put_s(&w->r, d->desc);
		put_value(&w->r, &d->value, b1);
		db_put_s(&w->r, d->basis);
		db_put_s(&w->r, d->standard);
		db_put_i(&w->r, (int64_t)d->scope);
		db_put_i(&w->r, d->goal);
		db_put_i(&w->r, d->repairs);
		db_put_src(&w->r, &d->src);
		db_put_i(&w->r, d->has_actual);
		put_value(&w->r, &d->actual, b2);
		put_dec(&w->r, &d->weight, b3);
		put_dec(&w->r, &d->score, b4);
		db_put_s(&w->r, d->reason);
		int rc = row_end(w, DB_T_INDICATORS);
		if (rc)
			return rc;
	}
	return 0;
}

static int write_project(wr *w, const jx_project *p, int64_t pi)
{
	char b1[32], b2[32];
	row_start(w);
	db_put_i(&w->r, pi);
	db_put_s(&w->r, p->name);
	db_put_s(&w->r, p->code);
	db_put_s(&w->r, p->attribute);
	db_put_s(&w->r, p->duration);
	db_put_s(&w->r, p->supervisor);
	db_put_s(&w->r, p->supervisor_code);
	db_put_s(&w->r, p->implementer);
	db_put_s(&w->r, p->office);
	db_put_s(&w->r, p->unit_label);
	db_put_s(&w->r, p->fund);
	db_put_s(&w->r, p->category);
	put_amount(&w->r, &p->amount);
	put_amount(&w->r, &p->amount_total);
	put_amount(&w->r, &p->budget_initial);
	put_amount(&w->r, &p->budget_full);
	put_amount(&w->r, &p->spent);
	put_dec(&w->r, &p->score_budget, b1);
	put_dec(&w->r, &p->score_total, b2);
	put_text(&w->r, &p->usage);
	put_text(&w->r, &p->overview);
	put_text(&w->r, &p->necessity);
	put_text(&w->r, &p->measures);
	put_text(&w->r, &p->plan);
	put_text(&w->r, &p->goal_total);
	put_text(&w->r, &p->goal_year);
	db_put_src(&w->r, &p->src);
	int rc = row_end(w, DB_T_PROJECTS);
	for (size_t i = 0; !rc && i < p->funding.n; i++) {
		const jx_funding *x = &p->funding.v[i];
		row_start(w);
		db_put_i(&w->r, pi);
		db_put_i(&w->r, (int64_t)i);
		db_put_s(&w->r, x->source);
		put_amount(&w->r, &x->total);
		put_amount(&w->r, &x->year);
		db_put_src(&w->r, &x->src);
		rc = row_end(w, DB_T_FUNDING);
	}
	for (size_t i = 0; !rc && i < p->schedule.n; i++) {
		const jx_schedule_point *x = &p->schedule.v[i];
		char b[32];
		row_start(w);
		db_put_i(&w->r, pi);
		db_put_i(&w->r, (int64_t)i);
		db_put_s(&w->r, x->label);
		db_put_i(&w->r, x->month);
		db_put_s(&w->r, x->present ? jx_decimal_format(&x->percent, b) : NULL);
		db_put_src(&w->r, &x->src);
		rc = row_end(w, DB_T_SCHEDULES);
	}
	for (size_t i = 0; !rc && i < p->basis.n; i++) {
		const jx_basis *x = &p->basis.v[i];
		row_start(w);
		db_put_i(&w->r, pi);
		db_put_i(&w->r, (int64_t)i);
		db_put_s(&w->r, x->text);
		db_put_s(&w->r, x->doc_no);
		db_put_src(&w->r, &x->src);
		rc = row_end(w, DB_T_BASIS);
	}
	if (!rc)
		rc = write_indicators(w, &p->indicators, pi);
	for (size_t i = 0; !rc && i < p->lines.n; i++) {
		const jx_line *x = &p->lines.v[i];
		row_start(w);
		db_put_i(&w->r, pi);
		db_put_i(&w->r, (int64_t)i);
		db_put_s(&w->r, x->name);
		db_put_s(&w->r, x->detail);
		put_amount(&w->r, &x->amount);
		db_put_s(&w->r, x->calc);
		db_put_src(&w->r, &x->src);
		rc = row_end(w, DB_T_LINES);
	}
	return rc;
}

static int write_overall(wr *w, const jx_overall *ov)
{
	int rc = 0;
	for (size_t i = 0; !rc && i < ov->budget.n; i++) {
		const jx_named_amount *x = &ov->budget.v[i];
		row_start(w);
		db_put_i(&w->r, (int64_t)i);
		db_put_s(&w->r, x->group);
		db_put_s(&w->r, x->name);
		put_amount(&w->r, &x->amount);
		db_put_src(&w->r, &x->src);
		rc = row_end(w, DB_T_BUDGET);
	}
	for (size_t i = 0; !rc && i < ov->tasks.n; i++) {
		const jx_task *x = &ov->tasks.v[i];
		row_start(w);
		db_put_i(&w->r, (int64_t)i);
		db_put_s(&w->r, x->no);
		db_put_s(&w->r, x->name);
		db_put_s(&w->r, x->function);
		db_put_s(&w->r, x->unit);
		put_amount(&w->r, &x->total);
		put_amount(&w->r, &x->basic);
		put_amount(&w->r, &x->project);
		put_amount(&w->r, &x->other);
		db_put_src(&w->r, &x->src);
		rc = row_end(w, DB_T_TASKS);
	}
	for (size_t i = 0; !rc && i < ov->goals.n; i++) {
		const jx_goal *x = &ov->goals.v[i];
		row_start(w);
		db_put_i(&w->r, (int64_t)i);
		db_put_s(&w->r, x->no);
		db_put_s(&w->r, x->text);
		db_put_s(&w->r, x->task);
		db_put_src(&w->r, &x->src);
		rc = row_end(w, DB_T_GOALS);
	}
	if (!rc)
		rc = write_indicators(w, &ov->indicators, -1);
	return rc;
}

static int write_tables(wr *w, const jx_pkg *pkg)
{
	int rc = 0;
	for (size_t ti = 0; !rc && ti < pkg->tables.n; ti++) {
		const jx_table *t = &pkg->tables.v[ti];
		row_start(w);
		db_put_i(&w->r, (int64_t)ti);
		db_put_i(&w->r, t->number);
		db_put_s(&w->r, t->id);
		db_put_s(&w->r, t->title);
		db_put_s(&w->r, t->unit_text);
		db_put_i(&w->r, (int64_t)t->unit);
		db_put_s(&w->r, t->note);
		db_put_src(&w->r, &t->src);
		rc = row_end(w, DB_T_TABLES);
		for (size_t c = 0; !rc && c < t->columns.n; c++) {
			row_start(w);
			db_put_i(&w->r, (int64_t)ti);
			db_put_i(&w->r, (int64_t)c);
			db_put_s(&w->r, t->columns.v[c].name);
			db_put_i(&w->r, t->columns.v[c].side);
			rc = row_end(w, DB_T_COLUMNS);
		}
		for (size_t ri = 0; !rc && ri < t->rows.n; ri++) {
			const jx_row *x = &t->rows.v[ri];
			row_start(w);
			db_put_i(&w->r, (int64_t)ti);
			db_put_i(&w->r, (int64_t)ri);
			db_put_s(&w->r, x->code);
			db_put_s(&w->r, x->name);
			db_put_s(&w->r, x->name2);
			db_put_i(&w->r, x->side);
			db_put_i(&w->r, x->level);
			db_put_i(&w->r, (int64_t)x->kind);
			db_put_src(&w->r, &x->src);
			rc = row_end(w, DB_T_ROWS);
			for (size_t c = 0; !rc && x->amounts && c < t->columns.n; c++) {
				if (!x->amounts[c].present)
					continue; /* blank cells are absent rows */
				row_start(w);
				db_put_i(&w->r, (int64_t)ti);
				db_put_i(&w->r, (int64_t)ri);
				db_put_i(&w->r, (int64_t)c);
				put_amount(&w->r, &x->amounts[c]);
				rc = row_end(w, DB_T_CELLS);
			}
		}
	}
	return rc;
}

static int write_rest(wr *w, const jx_pkg *pkg)
{
	int rc = 0;
	for (size_t i = 0; !rc && i < pkg->sources.n; i++) {
		const jx_source *x = &pkg->sources.v[i];
		row_start(w);
		db_put_i(&w->r, (int64_t)i);
		db_put_s(&w->r, x->file);
		db_put_s(&w->r, x->sha256);
		db_put_s(&w->r, x->format);
		db_put_s(&w->r, x->encoding);
		rc = row_end(w, DB_T_SOURCES);
	}
	for (size_t i = 0; !rc && i < pkg->projects.n; i++)
		rc = write_project(w, &pkg->projects.v[i], (int64_t)i);
	if (!rc)
		rc = write_overall(w, &pkg->overall);
	for (size_t i = 0; !rc && i < pkg->funds.n; i++) {
		const jx_fund_summary *x = &pkg->funds.v[i];
		row_start(w);
		db_put_i(&w->r, (int64_t)i);
		db_put_s(&w->r, x->title);
		put_amount(&w->r, &x->total);
		db_put_src(&w->r, &x->src);
		rc = row_end(w, DB_T_FUNDS);
		for (size_t k = 0; !rc && k < x->items.n; k++) {
			const jx_fund_item *it = &x->items.v[k];
			row_start(w);
			db_put_i(&w->r, (int64_t)i);
			db_put_i(&w->r, (int64_t)k);
			db_put_s(&w->r, it->no);
			db_put_s(&w->r, it->name);
			put_amount(&w->r, &it->amount);
			db_put_s(&w->r, it->goal_period);
			db_put_s(&w->r, it->goal_year);
			db_put_src(&w->r, &it->src);
			rc = row_end(w, DB_T_FUND_ITEMS);
		}
	}
	if (!rc)
		rc = write_tables(w, pkg);
	for (size_t i = 0; !rc && i < pkg->statements.n; i++) {
		const jx_statement *x = &pkg->statements.v[i];
		row_start(w);
		db_put_i(&w->r, (int64_t)i);
		db_put_s(&w->r, x->section);
		db_put_s(&w->r, x->text);
		db_put_src(&w->r, &x->src);
		rc = row_end(w, DB_T_STATEMENTS);
		for (size_t k = 0; !rc && k < x->facts.n; k++) {
			const jx_fact *f = &x->facts.v[k];
			char b[32];
			row_start(w);
			db_put_i(&w->r, (int64_t)i);
			db_put_i(&w->r, (int64_t)k);
			db_put_i(&w->r, (int64_t)f->kind);
			db_put_s(&w->r, f->label);
			put_amount(&w->r, &f->amount);
			put_dec(&w->r, &f->number, b);
			db_put_s(&w->r, f->unit);
			db_put_i(&w->r, f->sign);
			db_put_s(&w->r, f->text);
			db_put_src(&w->r, &f->src);
			rc = row_end(w, DB_T_FACTS);
		}
	}
	for (size_t i = 0; !rc && i < pkg->notes.n; i++) {
		const jx_note *x = &pkg->notes.v[i];
		row_start(w);
		db_put_i(&w->r, (int64_t)i);
		db_put_i(&w->r, (int64_t)x->level);
		db_put_s(&w->r, x->code);
		db_put_s(&w->r, x->message);
		db_put_s(&w->r, x->subject);
		db_put_src(&w->r, &x->src);
		rc = row_end(w, DB_T_NOTES);
	}
	return rc;
}

/* The package's identity: the content hash of its first source document, or of its canonical JSON. */
static int package_hash(const jx_pkg *pkg, char hex[65])
{
	if (pkg->sources.n > 0 && pkg->sources.v[0].sha256 && strlen(pkg->sources.v[0].sha256) == 64) {
		memcpy(hex, pkg->sources.v[0].sha256, 65);
		return 0;
	}
	char *json = NULL;
	size_t len = 0;
	int rc = jx_pkg_to_json(pkg, JX_JSON_COMPACT, &json, &len);
	if (rc)
		return rc;
	jx_sha256_hex(json, len, hex);
	free(json);
	return 0;
}

/* A department is known by its name and region; a document that does not state the region (or an earlier one
 * that did not) is taken to be the same department of the same name. */
static int department_id(jx_db *db, const jx_pkg *pkg, int64_t *id)
{
	const char *p[] = {pkg->dept.name ? pkg->dept.name : "", pkg->dept.region ? pkg->dept.region : "",
			   pkg->dept.code};
	bool found = false;
	int rc = db_query_int(db,
			      "SELECT id FROM departments WHERE name = $1 AND (region = $2 OR region = '' OR $2 = '') "
			      "ORDER BY id LIMIT 1",
			      2, p, id, &found);
	if (rc)
		return rc;
	if (found) {
		char ids[24];
		snprintf(ids, sizeof ids, "%lld", (long long)*id);
		const char *u[] = {pkg->dept.code, p[1], ids};
		/* Also locks the department's row, so that two importers of the same department (PostgreSQL) take
		 * turns: the second then sees the first's package and replaces it instead of adding a duplicate. */
		return jx_conn_exec(db->conn,
				    "UPDATE departments SET code = COALESCE($1, code), "
				    "region = CASE WHEN region = '' THEN $2 ELSE region END WHERE id = $3",
				    3, u);
	}
	rc = db_query_int(db, "INSERT INTO departments (name, region, code) VALUES ($1, $2, $3) RETURNING id", 3, p, id,
			  &found);
	if (!rc && !found)
		rc = jx_error_set(JX_EIO, "%s: 无法写入部门", db->conn->target);
	return rc;
}

static int write_package(jx_db *db, const jx_pkg *pkg, const char *hash, jx_db_import_result *res)
{
	int64_t dept;
	int rc = department_id(db, pkg, &dept);
	if (rc)
		return rc;
	char ds[24], ys[24];
	snprintf(ds, sizeof ds, "%lld", (long long)dept);
	snprintf(ys, sizeof ys, "%d", pkg->year);
	const char *rp[] = {hash, ds, pkg->year ? ys : NULL};
	int64_t replaced = 0;
	rc = db_query_int(db, "SELECT COUNT(*) FROM packages WHERE sha256 = $1 OR (department_id = $2 AND year = $3)", 3,
			  rp, &replaced, NULL);
	if (!rc && replaced)
		rc = jx_conn_exec(db->conn, "DELETE FROM packages WHERE sha256 = $1 OR (department_id = $2 AND year = $3)",
				  3, rp);
	if (rc)
		return rc;

	const jx_department *d = &pkg->dept;
	const jx_overall *ov = &pkg->overall;
	char now[32];
	time_t t = time(NULL);
	struct tm tmv;
	gmtime_r(&t, &tmv);
	strftime(now, sizeof now, "%Y-%m-%dT%H:%M:%SZ", &tmv);
	wr w = {db, 0, 0, {0}};
	db_row *r = &w.r;
	db_row_reset(r);
	db_put_i(r, dept);
	if (pkg->year)
		db_put_i(r, pkg->year);
	else
		db_put_null(r);
	db_put_s(r, pkg->title);
	db_put_s(r, hash);
	db_put_s(r, pkg->sources.n ? pkg->sources.v[0].file : NULL);
	db_put_s(r, pkg->sources.n ? pkg->sources.v[0].format : NULL);
	db_put_s(r, now);
	db_put_s(r, d->name);
	db_put_s(r, d->code);
	db_put_s(r, d->region);
	db_put_s(r, d->level);
	put_text(r, &d->duties);
	put_text(r, &d->structure);
	put_count(r, d->internal_units);
	put_count(r, d->budget_units);
	put_count(r, d->staff_authorized);
	put_count(r, d->staff_actual);
	put_count(r, d->staff_on_books);
	put_count(r, d->staff_other);
	put_count(r, d->retired);
	db_put_src(r, &d->src);
	db_put_i(r, ov->present);
	db_put_s(r, ov->title);
	put_amount(r, &ov->total);
	put_text(r, &ov->duties);
	put_text(r, &ov->strategy);
	put_text(r, &ov->goal);
	db_put_src(r, &ov->src);
	if (r->oom || r->n != db->ncols[DB_T_PACKAGES])
		return jx_error_set(JX_EINVAL, "内部错误：packages 列数不符");
	bool found = false;
	rc = db_query_int(db, db->ins[DB_T_PACKAGES], r->n, r->v, &w.pid, &found);
	if (!rc && !found)
		rc = jx_error_set(JX_EIO, "%s: 无法写入预算包", db->conn->target);
	w.rows = 1;
	if (!rc)
		rc = write_rest(&w, pkg);
	if (!rc && res) {
		res->package_id = w.pid;
		res->replaced = (int)replaced;
		res->rows = w.rows;
	}
	return rc;
}

int jx_db_import(jx_db *db, const jx_pkg *pkg, jx_db_import_result *res)
{
	char hash[65];
	int rc = package_hash(pkg, hash);
	if (rc)
		return rc;
	/* Importers of one department queue (finding the package to replace, then writing, must not interleave);
	 * on PostgreSQL those of different departments need not. */
	if ((rc = jx_conn_begin_keyed(db->conn, pkg->dept.name ? pkg->dept.name : "")))
		return rc;
	rc = write_package(db, pkg, hash, res);
	if (!rc)
		rc = jx_conn_commit(db->conn);
	if (rc)
		jx_conn_rollback(db->conn);
	return rc;
}

/* ---- findings ---- */

int jx_db_store_findings(jx_db *db, int64_t package_id, const jx_report *report, int pkg_index)
{
	char ps[24];
	snprintf(ps, sizeof ps, "%lld", (long long)package_id);
	const char *p[] = {ps};
	int rc = jx_conn_begin(db->conn);
	if (rc)
		return rc;
	rc = jx_conn_exec(db->conn, "DELETE FROM findings WHERE package_id = $1", 1, p);
	wr w = {db, package_id, 0, {0}};
	int64_t idx = 0;
	for (size_t i = 0; !rc && i < jx_report_count(report); i++) {
		const jx_finding *f = jx_report_at(report, i);
		if (f->pkg_index != pkg_index)
			continue;
		char b1[32], b2[32];
		row_start(&w);
		db_put_i(&w.r, idx++);
		db_put_s(&w.r, f->rule ? f->rule->id : NULL);
		db_put_s(&w.r, jx_severity_name(f->severity));
		db_put_s(&w.r, f->message);
		db_put_s(&w.r, f->subject);
		db_put_s(&w.r, f->item);
		db_put_s(&w.r, f->detail);
		db_put_src(&w.r, &f->src);
		db_put_s(&w.r, f->numeric ? jx_decimal_format(&f->expected, b1) : NULL);
		db_put_s(&w.r, f->numeric ? jx_decimal_format(&f->actual, b2) : NULL);
		db_put_s(&w.r, f->unit);
		db_put_s(&w.r, f->expected_text);
		db_put_s(&w.r, f->actual_text);
		rc = row_end(&w, DB_T_FINDINGS);
	}
	if (!rc)
		rc = jx_conn_commit(db->conn);
	if (rc)
		jx_conn_rollback(db->conn);
	return rc;
}

/* ---- reading ---- */

typedef struct rd {
	jx_pkg *pkg;
	const char *const *v;
	int n, i;
	bool bad; /* out of memory or a row that does not fit the package */
} rd;

static const char *rd_raw(rd *r)
{
	return r->i < r->n ? r->v[r->i++] : NULL;
}

static const char *rd_s(rd *r)
{
	const char *s = rd_raw(r);
	if (!s)
		return NULL;
	const char *c = jx_pkg_strdup(r->pkg, s);
	if (!c)
		r->bad = true;
	return c;
}

static int64_t rd_i(rd *r)
{
	const char *s = rd_raw(r);
	return s ? strtoll(s, NULL, 10) : 0;
}

static bool rd_is_null(const rd *r)
{
	return r->i >= r->n || !r->v[r->i];
}

static void rd_src(rd *r, jx_src *s)
{
	s->file = rd_s(r);
	s->page = (uint32_t)rd_i(r);
	s->line = (uint32_t)rd_i(r);
	s->col = (uint32_t)rd_i(r);
	s->len = (uint32_t)rd_i(r);
}

static void rd_amount(rd *r, jx_amount *a)
{
	memset(a, 0, sizeof *a);
	if (rd_is_null(r)) {
		r->i += 9;
		return;
	}
	a->present = true;
	a->fen = rd_i(r);
	a->unit = (jx_money_unit)rd_i(r);
	a->scale = (int8_t)rd_i(r);
	a->text = rd_s(r);
	rd_src(r, &a->src);
}

static void rd_text(rd *r, jx_text *t)
{
	t->s = rd_s(r);
	rd_src(r, &t->src);
}

static void rd_dec(rd *r, jx_decimal *d)
{
	const char *s = rd_raw(r);
	d->digits = 0;
	d->scale = 0;
	if (s && jx_decimal_parse(d, s, strlen(s)) <= 0)
		r->bad = true;
}

static int rd_count(rd *r)
{
	if (rd_is_null(r)) {
		r->i++;
		return -1;
	}
	return (int)rd_i(r);
}

static jx_date date_decode(int64_t c)
{
	jx_date d;
	d.year = (int16_t)(c / 10000);
	d.month = (int8_t)((c / 100) % 100);
	d.day = (int8_t)(c % 100);
	return d;
}

static void rd_value(rd *r, jx_value *v)
{
	memset(v, 0, sizeof *v);
	v->text = rd_s(r);
	v->op = (jx_op)rd_i(r);
	v->kind = (jx_value_kind)rd_i(r);
	v->has_number = rd_i(r) != 0;
	const char *num = rd_raw(r);
	if (num && jx_decimal_parse(&v->number, num, strlen(num)) <= 0)
		r->bad = true;
	v->unit = rd_s(r);
	v->fen = rd_i(r);
	v->per = rd_s(r);
	v->from = date_decode(rd_i(r));
	v->to = date_decode(rd_i(r));
	v->recurring = rd_i(r) != 0;
}

typedef struct ex {
	jx_pkg *pkg;
	int t;
	bool bad;
} ex;

#define PUSH(vec) jx_vec_push(pkg->arena, &(vec))

/* Index of a parent row; -1 if it does not exist (a row that does not belong to the package). */
static bool idx_ok(int64_t i, size_t n)
{
	return i >= 0 && (uint64_t)i < n;
}

static int ex_row(void *ud, int ncols, const char *const *values)
{
	ex *e = ud;
	jx_pkg *pkg = e->pkg;
	rd rr = {pkg, values, ncols, 0, false};
	rd *r = &rr;
	if (e->t != DB_T_PACKAGES)
		rd_i(r); /* package_id */
	switch (e->t) {
	case DB_T_PACKAGES: {
		jx_department *d = &pkg->dept;
		jx_overall *ov = &pkg->overall;
		rd_i(r); /* department_id */
		pkg->year = (int)rd_i(r);
		pkg->title = rd_s(r);
		r->i += 4; /* sha256, source file and format, imported_at: kept in sources */
		d->name = rd_s(r);
		d->code = rd_s(r);
		d->region = rd_s(r);
		d->level = rd_s(r);
		rd_text(r, &d->duties);
		rd_text(r, &d->structure);
		d->internal_units = rd_count(r);
		d->budget_units = rd_count(r);
		d->staff_authorized = rd_count(r);
		d->staff_actual = rd_count(r);
		d->staff_on_books = rd_count(r);
		d->staff_other = rd_count(r);
		d->retired = rd_count(r);
		rd_src(r, &d->src);
		ov->present = rd_i(r) != 0;
		ov->title = rd_s(r);
		rd_amount(r, &ov->total);
		rd_text(r, &ov->duties);
		rd_text(r, &ov->strategy);
		rd_text(r, &ov->goal);
		rd_src(r, &ov->src);
		break;
	}
	case DB_T_SOURCES: {
		rd_i(r);
		jx_source *x = PUSH(pkg->sources);
		if (!x)
			return e->bad = true, 1;
		x->file = rd_s(r);
		x->sha256 = rd_s(r);
		x->format = rd_s(r);
		x->encoding = rd_s(r);
		break;
	}
	case DB_T_PROJECTS: {
		rd_i(r);
		jx_project *p = PUSH(pkg->projects);
		if (!p)
			return e->bad = true, 1;
		p->name = rd_s(r);
		p->code = rd_s(r);
		p->attribute = rd_s(r);
		p->duration = rd_s(r);
		p->supervisor = rd_s(r);
		p->supervisor_code = rd_s(r);
		p->implementer = rd_s(r);
		p->office = rd_s(r);
		p->unit_label = rd_s(r);
		p->fund = rd_s(r);
		p->category = rd_s(r);
		rd_amount(r, &p->amount);
		rd_amount(r, &p->amount_total);
		rd_amount(r, &p->budget_initial);
		rd_amount(r, &p->budget_full);
		rd_amount(r, &p->spent);
		rd_dec(r, &p->score_budget);
		rd_dec(r, &p->score_total);
		rd_text(r, &p->usage);
		rd_text(r, &p->overview);
		rd_text(r, &p->necessity);
		rd_text(r, &p->measures);
		rd_text(r, &p->plan);
		rd_text(r, &p->goal_total);
		rd_text(r, &p->goal_year);
		rd_src(r, &p->src);
		break;
	}
	case DB_T_FUNDING:
	case DB_T_SCHEDULES:
	case DB_T_BASIS:
	case DB_T_LINES: {
		int64_t pi = rd_i(r);
		rd_i(r);
		if (!idx_ok(pi, pkg->projects.n))
			return e->bad = true, 1;
		jx_project *p = &pkg->projects.v[pi];
		if (e->t == DB_T_FUNDING) {
			jx_funding *x = PUSH(p->funding);
			if (!x)
				return e->bad = true, 1;
			x->source = rd_s(r);
			rd_amount(r, &x->total);
			rd_amount(r, &x->year);
			rd_src(r, &x->src);
		} else if (e->t == DB_T_SCHEDULES) {
			jx_schedule_point *x = PUSH(p->schedule);
			if (!x)
				return e->bad = true, 1;
			x->label = rd_s(r);
			x->month = (int)rd_i(r);
			x->present = !rd_is_null(r);
			rd_dec(r, &x->percent);
			rd_src(r, &x->src);
		} else if (e->t == DB_T_BASIS) {
			jx_basis *x = PUSH(p->basis);
			if (!x)
				return e->bad = true, 1;
			x->text = rd_s(r);
			x->doc_no = rd_s(r);
			rd_src(r, &x->src);
		} else {
			jx_line *x = PUSH(p->lines);
			if (!x)
				return e->bad = true, 1;
			x->name = rd_s(r);
			x->detail = rd_s(r);
			rd_amount(r, &x->amount);
			x->calc = rd_s(r);
			rd_src(r, &x->src);
		}
		break;
	}
	case DB_T_INDICATORS: {
		int64_t pi = rd_i(r);
		rd_i(r);
		jx_indicator_vec *vec;
		if (pi == -1)
			vec = &pkg->overall.indicators;
		else if (idx_ok(pi, pkg->projects.n))
			vec = &pkg->projects.v[pi].indicators;
		else
			return e->bad = true, 1;
		jx_indicator *d = PUSH(*vec);
		if (!d)
			return e->bad = true, 1;
		d->l1 = (jx_level1)rd_i(r);
		d->l2 = (jx_level2)rd_i(r);
		d->level1 = rd_s(r);
		d->level2 = rd_s(r);
		d->level1_text = rd_s(r);
		d->level2_text = rd_s(r);
		d->name = rd_s(r);
		d->desc = rd_s(r);
		rd_value(r, &d->value);
		d->basis = rd_s(r);
		d->standard = rd_s(r);
		d->scope = (jx_scope)rd_i(r);
		d->goal = (int)rd_i(r);
		d->repairs = (unsigned)rd_i(r);
		rd_src(r, &d->src);
		d->has_actual = rd_i(r) != 0;
		rd_value(r, &d->actual);
		rd_dec(r, &d->weight);
		rd_dec(r, &d->score);
		d->reason = rd_s(r);
		break;
	}
	case DB_T_BUDGET: {
		rd_i(r);
		jx_named_amount *x = PUSH(pkg->overall.budget);
		if (!x)
			return e->bad = true, 1;
		x->group = rd_s(r);
		x->name = rd_s(r);
		rd_amount(r, &x->amount);
		rd_src(r, &x->src);
		break;
	}
	case DB_T_TASKS: {
		rd_i(r);
		jx_task *x = PUSH(pkg->overall.tasks);
		if (!x)
			return e->bad = true, 1;
		x->no = rd_s(r);
		x->name = rd_s(r);
		x->function = rd_s(r);
		x->unit = rd_s(r);
		rd_amount(r, &x->total);
		rd_amount(r, &x->basic);
		rd_amount(r, &x->project);
		rd_amount(r, &x->other);
		rd_src(r, &x->src);
		break;
	}
	case DB_T_GOALS: {
		rd_i(r);
		jx_goal *x = PUSH(pkg->overall.goals);
		if (!x)
			return e->bad = true, 1;
		x->no = rd_s(r);
		x->text = rd_s(r);
		x->task = rd_s(r);
		rd_src(r, &x->src);
		break;
	}
	case DB_T_FUNDS: {
		rd_i(r);
		jx_fund_summary *x = PUSH(pkg->funds);
		if (!x)
			return e->bad = true, 1;
		x->title = rd_s(r);
		rd_amount(r, &x->total);
		rd_src(r, &x->src);
		break;
	}
	case DB_T_FUND_ITEMS: {
		int64_t fi = rd_i(r);
		rd_i(r);
		if (!idx_ok(fi, pkg->funds.n))
			return e->bad = true, 1;
		jx_fund_item *x = PUSH(pkg->funds.v[fi].items);
		if (!x)
			return e->bad = true, 1;
		x->no = rd_s(r);
		x->name = rd_s(r);
		rd_amount(r, &x->amount);
		x->goal_period = rd_s(r);
		x->goal_year = rd_s(r);
		rd_src(r, &x->src);
		break;
	}
	case DB_T_TABLES: {
		rd_i(r);
		jx_table *x = PUSH(pkg->tables);
		if (!x)
			return e->bad = true, 1;
		x->number = (int)rd_i(r);
		x->id = rd_s(r);
		x->title = rd_s(r);
		x->unit_text = rd_s(r);
		x->unit = (jx_money_unit)rd_i(r);
		x->note = rd_s(r);
		rd_src(r, &x->src);
		break;
	}
	case DB_T_COLUMNS:
	case DB_T_ROWS:
	case DB_T_CELLS: {
		int64_t ti = rd_i(r);
		if (!idx_ok(ti, pkg->tables.n))
			return e->bad = true, 1;
		jx_table *t = &pkg->tables.v[ti];
		if (e->t == DB_T_COLUMNS) {
			rd_i(r);
			jx_column *c = PUSH(t->columns);
			if (!c)
				return e->bad = true, 1;
			c->name = rd_s(r);
			c->side = (int)rd_i(r);
		} else if (e->t == DB_T_ROWS) {
			rd_i(r);
			jx_row *x = PUSH(t->rows);
			if (!x)
				return e->bad = true, 1;
			x->code = rd_s(r);
			x->name = rd_s(r);
			x->name2 = rd_s(r);
			x->side = (int)rd_i(r);
			x->level = (int)rd_i(r);
			x->kind = (jx_row_kind)rd_i(r);
			rd_src(r, &x->src);
			x->amounts = jx_arena_calloc(pkg->arena, t->columns.n ? t->columns.n : 1, sizeof *x->amounts);
			if (!x->amounts)
				return e->bad = true, 1;
		} else {
			int64_t ri = rd_i(r), ci = rd_i(r);
			if (!idx_ok(ri, t->rows.n) || !idx_ok(ci, t->columns.n))
				return e->bad = true, 1;
			rd_amount(r, &t->rows.v[ri].amounts[ci]);
		}
		break;
	}
	case DB_T_STATEMENTS: {
		rd_i(r);
		jx_statement *x = PUSH(pkg->statements);
		if (!x)
			return e->bad = true, 1;
		x->section = rd_s(r);
		x->text = rd_s(r);
		rd_src(r, &x->src);
		break;
	}
	case DB_T_FACTS: {
		int64_t si = rd_i(r);
		rd_i(r);
		if (!idx_ok(si, pkg->statements.n))
			return e->bad = true, 1;
		jx_fact *f = PUSH(pkg->statements.v[si].facts);
		if (!f)
			return e->bad = true, 1;
		f->kind = (jx_fact_kind)rd_i(r);
		f->label = rd_s(r);
		rd_amount(r, &f->amount);
		rd_dec(r, &f->number);
		f->unit = rd_s(r);
		f->sign = (int)rd_i(r);
		f->text = rd_s(r);
		rd_src(r, &f->src);
		break;
	}
	case DB_T_NOTES: {
		rd_i(r);
		jx_note *x = PUSH(pkg->notes);
		if (!x)
			return e->bad = true, 1;
		x->level = (jx_note_level)rd_i(r);
		x->code = rd_s(r);
		x->message = rd_s(r);
		x->subject = rd_s(r);
		rd_src(r, &x->src);
		break;
	}
	default:
		break;
	}
	if (r->bad || r->i != r->n) {
		e->bad = true;
		return 1;
	}
	return 0;
}

static int export_id(jx_db *db, int64_t id, jx_pkg **out)
{
	jx_pkg *pkg = jx_pkg_new();
	if (!pkg)
		return jx_error_set(JX_ENOMEM, "内存不足");
	char ids[24];
	snprintf(ids, sizeof ids, "%lld", (long long)id);
	const char *p[] = {ids};
	int rc = 0;
	/* A consistent snapshot: a concurrent import must not change the package between the table reads; a read
	 * transaction, so that an export does not wait for a writer. */
	if ((rc = jx_conn_begin_read(db->conn))) {
		jx_pkg_free(pkg);
		return rc;
	}
	for (int t = 0; !rc && t < DB_NTABLES; t++) {
		if (t == DB_T_FINDINGS)
			continue;
		ex e = {pkg, t, false};
		rc = jx_conn_query(db->conn, db->sel[t], 1, p, ex_row, &e);
		if (e.bad)
			rc = jx_error_set(JX_EFORMAT, "%s: 预算包 %lld 的 %s 表数据不完整或不一致", db->conn->target,
					  (long long)id, db_tables[t].name);
	}
	if (!rc)
		rc = jx_conn_commit(db->conn);
	if (rc) {
		jx_conn_rollback(db->conn);
		jx_pkg_free(pkg);
		return rc;
	}
	*out = pkg;
	return 0;
}

static bool all_digits(const char *s, size_t min)
{
	size_t n = 0;
	for (; s[n]; n++)
		if (s[n] < '0' || s[n] > '9')
			return false;
	return n >= min;
}

static bool all_hex(const char *s, size_t min)
{
	size_t n = 0;
	for (; s[n]; n++)
		if (!((s[n] >= '0' && s[n] <= '9') || (s[n] >= 'a' && s[n] <= 'f')))
			return false;
	return n >= min && n <= 64;
}

int jx_db_find_package(jx_db *db, const char *ref, int64_t *id)
{
	bool found = false;
	int rc = 0;
	if (!ref || !*ref)
		return jx_error_set(JX_EINVAL, "未指定预算包");
	if (all_digits(ref, 1) && strlen(ref) < 19) {
		const char *p[] = {ref};
		rc = db_query_int(db, "SELECT id FROM packages WHERE id = $1", 1, p, id, &found);
		if (rc || found)
			return rc;
	}
	if (all_hex(ref, 8)) {
		char pat[80];
		snprintf(pat, sizeof pat, "%s%%", ref);
		const char *p[] = {pat};
		int64_t n = 0;
		rc = db_query_int(db, "SELECT COUNT(*) FROM packages WHERE sha256 LIKE $1", 1, p, &n, NULL);
		if (rc)
			return rc;
		if (n > 1)
			return jx_error_set(JX_EINVAL, "“%s”对应多个预算包，请写出更长的内容哈希", ref);
		if (n == 1)
			return db_query_int(db, "SELECT id FROM packages WHERE sha256 LIKE $1", 1, p, id, &found);
	}
	/* "部门:年度" or a department name (its latest year). */
	const char *colon = strrchr(ref, ':');
	if (colon && all_digits(colon + 1, 4)) {
		char name[512];
		size_t n = (size_t)(colon - ref);
		if (n >= sizeof name)
			n = sizeof name - 1;
		memcpy(name, ref, n);
		name[n] = '\0';
		const char *p[] = {name, colon + 1};
		rc = db_query_int(db, "SELECT MAX(id) FROM packages WHERE dept_name = $1 AND year = $2", 2, p, id, &found);
	} else {
		const char *p[] = {ref};
		rc = db_query_int(db,
				  "SELECT id FROM packages WHERE dept_name = $1 ORDER BY COALESCE(year, 0) DESC, id DESC LIMIT 1", 1, p,
				  id, &found);
	}
	if (!rc && !found)
		rc = jx_error_set(JX_ENOTFOUND, "%s: 找不到预算包“%s”", db->conn->target, ref);
	return rc;
}

int jx_db_export(jx_db *db, const char *ref, jx_pkg **out)
{
	*out = NULL;
	int64_t id;
	int rc = jx_db_find_package(db, ref, &id);
	return rc ? rc : export_id(db, id, out);
}
