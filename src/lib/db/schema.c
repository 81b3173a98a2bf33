/* schema.c: the store's tables, their versioned migrations, and opening a store (SQLite or PostgreSQL). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/db_int.h"
#include "util/buf.h"

#define PKG_FK "package_id i, "

const db_tspec db_tables[DB_NTABLES] = {
	[DB_T_PACKAGES] = {"packages",
			   "department_id i, year i, title t, sha256 t, source_file t, source_format t, imported_at t, "
			   "dept_name t, dept_code t, dept_region t, dept_level t, dept_duties X, dept_structure X, "
			   "internal_units i, budget_units i, staff_authorized i, staff_actual i, staff_on_books i, "
			   "staff_other i, retired i, dept_src S, ov_present i, ov_title t, ov_total A, ov_duties X, "
			   "ov_strategy X, ov_goal X, ov_src S",
			   NULL},
	[DB_T_SOURCES] = {"sources", PKG_FK "idx i, file t, sha256 t, format t, encoding t", "package_id, idx"},
	[DB_T_PROJECTS] = {"projects",
			   PKG_FK "idx i, name t, code t, attribute t, duration t, supervisor t, supervisor_code t, "
				  "implementer t, office t, unit_label t, fund t, category t, amount A, amount_total A, "
				  "budget_initial A, budget_full A, spent A, score_budget t, score_total t, usage X, "
				  "overview X, necessity X, measures X, plan X, goal_total X, goal_year X, src S",
			   "package_id, idx"},
	[DB_T_FUNDING] = {"funding", PKG_FK "project_idx i, idx i, source t, total A, year A, src S",
			  "package_id, project_idx, idx"},
	[DB_T_SCHEDULES] = {"schedules", PKG_FK "project_idx i, idx i, label t, month i, percent t, src S",
			    "package_id, project_idx, idx"},
	[DB_T_BASIS] = {"basis", PKG_FK "project_idx i, idx i, body t, doc_no t, src S", "package_id, project_idx, idx"},
	[DB_T_INDICATORS] = {"indicators",
			     PKG_FK "project_idx i, idx i, l1 i, l2 i, level1 t, level2 t, level1_text t, level2_text t, "
				    "name t, descr t, value V, basis t, standard t, scope i, goal i, repairs i, src S, "
				    "has_actual i, actual V, weight t, score t, reason t",
			     "package_id, project_idx, idx"},
	[DB_T_LINES] = {"expenditure_lines", PKG_FK "project_idx i, idx i, name t, detail t, amount A, calc t, src S",
			"package_id, project_idx, idx"},
	[DB_T_BUDGET] = {"overall_budget", PKG_FK "idx i, grp t, name t, amount A, src S", "package_id, idx"},
	[DB_T_TASKS] = {"tasks", PKG_FK "idx i, task_no t, name t, func t, unit t, total A, basic A, project A, other A, src S",
			"package_id, idx"},
	[DB_T_GOALS] = {"goals", PKG_FK "idx i, goal_no t, body t, task t, src S", "package_id, idx"},
	[DB_T_FUNDS] = {"funds", PKG_FK "idx i, title t, total A, src S", "package_id, idx"},
	[DB_T_FUND_ITEMS] = {"fund_items",
			     PKG_FK "fund_idx i, idx i, item_no t, name t, amount A, goal_period t, goal_year t, src S",
			     "package_id, fund_idx, idx"},
	[DB_T_TABLES] = {"disclosure_tables",
			 PKG_FK "idx i, number i, table_id t, title t, unit_text t, unit i, note t, src S",
			 "package_id, idx"},
	[DB_T_COLUMNS] = {"disclosure_columns", PKG_FK "table_idx i, idx i, name t, side i", "package_id, table_idx, idx"},
	[DB_T_ROWS] = {"disclosure_rows",
		       PKG_FK "table_idx i, idx i, code t, name t, name2 t, side i, level i, kind i, src S",
		       "package_id, table_idx, idx"},
	[DB_T_CELLS] = {"disclosure_cells", PKG_FK "table_idx i, row_idx i, col_idx i, amount A",
			"package_id, table_idx, row_idx, col_idx"},
	[DB_T_STATEMENTS] = {"statements", PKG_FK "idx i, section t, body t, src S", "package_id, idx"},
	[DB_T_FACTS] = {"facts",
			PKG_FK "statement_idx i, idx i, kind i, label t, amount A, number t, unit t, sign i, body t, src S",
			"package_id, statement_idx, idx"},
	[DB_T_NOTES] = {"notes", PKG_FK "idx i, level i, code t, message t, subject t, src S", "package_id, idx"},
	[DB_T_FINDINGS] = {"findings",
			   PKG_FK "idx i, rule_id t, severity t, message t, subject t, item t, detail t, src S, "
				  "expected t, actual t, unit t, expected_text t, actual_text t",
			   "package_id, idx"},
};

/* Expands one "name type" into its SQL columns; with `types`, each followed by its SQL type. */
static int expand_col(jx_buf *b, const char *name, size_t nlen, char type, bool types, int *count, bool *first)
{
	static const char *const src_suffix[] = {"_file t", "_page i", "_line i", "_col i", "_len i"};
	static const char *const amount_suffix[] = {"_fen i", "_unit i", "_scale i", "_text t"};
	static const char *const value_suffix[] = {"_text t",   "_op i",	"_kind i", "_hasnum i", "_number t", "_unit t",
						   "_fen i",    "_per t",	"_from i", "_to i",     "_recurring i"};
	const char *const *parts = NULL;
	size_t nparts = 0;
	bool with_src = false, plain = false;
	switch (type) {
	case 'i':
	case 't':
		plain = true;
		break;
	case 'S':
		parts = src_suffix;
		nparts = 5;
		break;
	case 'X':
		plain = true;
		with_src = true;
		break;
	case 'A':
		parts = amount_suffix;
		nparts = 4;
		with_src = true;
		break;
	case 'V':
		parts = value_suffix;
		nparts = 11;
		break;
	default:
		return jx_error_set(JX_EINVAL, "内部错误：未知列类型 %c", type);
	}
	int rc = 0;
	if (plain) {
		rc |= jx_buf_printf(b, "%s%.*s", *first ? "" : ", ", (int)nlen, name);
		if (types)
			rc |= jx_buf_puts(b, type == 't' || type == 'X' ? " TEXT" : " BIGINT");
		*first = false;
		(*count)++;
	}
	for (size_t k = 0; k < nparts; k++) {
		rc |= jx_buf_printf(b, "%s%.*s%.*s", *first ? "" : ", ", (int)nlen, name, (int)strlen(parts[k]) - 2,
				    parts[k]);
		if (types)
			rc |= jx_buf_puts(b, parts[k][strlen(parts[k]) - 1] == 't' ? " TEXT" : " BIGINT");
		*first = false;
		(*count)++;
	}
	if (with_src)
		for (size_t k = 0; k < 5; k++) {
			rc |= jx_buf_printf(b, ", %.*s%.*s", (int)nlen, name, (int)strlen(src_suffix[k]) - 2, src_suffix[k]);
			if (types)
				rc |= jx_buf_puts(b, src_suffix[k][strlen(src_suffix[k]) - 1] == 't' ? " TEXT" : " BIGINT");
			(*count)++;
		}
	return rc ? jx_error_set(JX_ENOMEM, "内存不足") : 0;
}

/* Writes the expanded column list of a table spec. */
static int expand_cols(jx_buf *b, const char *spec, bool types, int *count)
{
	bool first = true;
	*count = 0;
	const char *p = spec;
	/* Bounded by the spec's length: each step consumes one "name type" item. */
	while (*p) {
		while (*p == ' ' || *p == ',')
			p++;
		if (!*p)
			break;
		const char *name = p;
		while (*p && *p != ' ')
			p++;
		size_t nlen = (size_t)(p - name);
		while (*p == ' ')
			p++;
		char type = *p;
		if (!type)
			return jx_error_set(JX_EINVAL, "内部错误：列类型缺失");
		p++;
		int rc = expand_col(b, name, nlen, type, types, count, &first);
		if (rc)
			return rc;
	}
	return 0;
}

int db_prepare_sql(jx_db *db)
{
	for (int t = 0; t < DB_NTABLES; t++) {
		const db_tspec *s = &db_tables[t];
		jx_buf cols = JX_BUF_INIT, ins = JX_BUF_INIT, sel = JX_BUF_INIT;
		int n = 0;
		int rc = expand_cols(&cols, s->cols, false, &n);
		if (!rc) {
			int e = jx_buf_printf(&ins, "INSERT INTO %s (%s) VALUES (", s->name, jx_buf_cstr(&cols));
			for (int k = 0; k < n; k++)
				e |= jx_buf_printf(&ins, "%s$%d", k ? ", " : "", k + 1);
			e |= jx_buf_puts(&ins, t == DB_T_PACKAGES ? ") RETURNING id" : ")");
			e |= jx_buf_printf(&sel, "SELECT %s FROM %s WHERE %s = $1 ORDER BY %s", jx_buf_cstr(&cols), s->name,
					   t == DB_T_PACKAGES ? "id" : "package_id", s->key ? s->key : "id");
			if (e)
				rc = jx_error_set(JX_ENOMEM, "内存不足");
		}
		jx_buf_release(&cols);
		if (rc || n > DB_MAXCOLS) {
			jx_buf_release(&ins);
			jx_buf_release(&sel);
			return rc ? rc : jx_error_set(JX_EINVAL, "内部错误：%s 列过多", s->name);
		}
		db->ins[t] = jx_buf_detach(&ins, NULL);
		db->sel[t] = jx_buf_detach(&sel, NULL);
		db->ncols[t] = n;
	}
	return 0;
}

/* The DDL of schema version 1. */
static int ddl_v1(jx_db *db, jx_buf *b)
{
	bool pg = db->conn->kind == JX_CONN_PG;
	const char *idcol = pg ? "id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY" : "id INTEGER PRIMARY KEY AUTOINCREMENT";
	int e = jx_buf_printf(b,
			      "CREATE TABLE departments (%s, name TEXT NOT NULL, region TEXT NOT NULL, code TEXT, "
			      "UNIQUE (name, region));\n",
			      idcol);
	for (int t = 0; t < DB_NTABLES; t++) {
		const db_tspec *s = &db_tables[t];
		jx_buf cols = JX_BUF_INIT;
		int n;
		int rc = expand_cols(&cols, s->cols, true, &n);
		if (rc) {
			jx_buf_release(&cols);
			return rc;
		}
		if (t == DB_T_PACKAGES)
			e |= jx_buf_printf(b, "CREATE TABLE packages (%s, %s, FOREIGN KEY (department_id) REFERENCES "
					      "departments (id));\n",
					   idcol, jx_buf_cstr(&cols));
		else
			e |= jx_buf_printf(b,
					   "CREATE TABLE %s (%s, PRIMARY KEY (%s), FOREIGN KEY (package_id) REFERENCES "
					   "packages (id) ON DELETE CASCADE);\n",
					   s->name, jx_buf_cstr(&cols), s->key);
		jx_buf_release(&cols);
	}
	e |= jx_buf_puts(b, "CREATE INDEX packages_dept_year ON packages (department_id, year);\n"
			    "CREATE UNIQUE INDEX packages_sha256 ON packages (sha256);\n"
			    "CREATE INDEX packages_year ON packages (year);\n"
			    "CREATE INDEX projects_name ON projects (name);\n"
			    "CREATE INDEX projects_code ON projects (code);\n"
			    "CREATE INDEX indicators_levels ON indicators (level1, level2, package_id, project_idx, idx);\n"
			    "CREATE INDEX indicators_name ON indicators (name);\n"
			    "CREATE INDEX rows_code ON disclosure_rows (code);\n"
			    "CREATE INDEX findings_rule ON findings (rule_id);\n"
			    "CREATE INDEX findings_severity ON findings (severity);\n");
	return e ? jx_error_set(JX_ENOMEM, "内存不足") : 0;
}

typedef int (*migration_fn)(jx_db *db, jx_buf *b);
static const migration_fn migrations[] = {ddl_v1, db_ddl_v2};
#define NMIGRATIONS ((int)(sizeof migrations / sizeof migrations[0]))


/* The schema version, or 0 for a database without the schema_version table. Read without DDL and outside any
 * transaction, so that opening a current store takes no write lock (a reader must not queue behind an import). */
static int read_version(jx_db *db, int64_t *v)
{
	bool found = false;
	int64_t tables = 0;
	*v = 0;
	const char *probe = db->conn->kind == JX_CONN_PG
				    ? "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() "
				      "AND table_name = 'schema_version'"
				    : "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'";
	int rc = db_query_int(db, probe, 0, NULL, &tables, NULL);
	if (rc || !tables)
		return rc;
	rc = db_query_int(db, "SELECT MAX(version) FROM schema_version", 0, NULL, v, &found);
	if (!found)
		*v = 0;
	return rc;
}

static int refuse_newer(jx_db *db, int64_t v)
{
	return jx_error_set(JX_EFORMAT, "%s: 数据库结构版本为 %lld，比本程序支持的版本 %d 新，请升级 jx", db->conn->target,
			    (long long)v, JX_DB_SCHEMA_VERSION);
}

/* Brings the schema up to JX_DB_SCHEMA_VERSION. All DDL runs inside the store's write transaction (BEGIN
 * IMMEDIATE on SQLite, the advisory lock on PostgreSQL, see pg.c), so processes opening a new database at the
 * same moment queue there and only the first creates the tables: PostgreSQL's CREATE TABLE IF NOT EXISTS is not
 * safe against a concurrent CREATE of the same name. */
int db_migrate(jx_db *db)
{
	int64_t v;
	int rc = read_version(db, &v);
	if (rc)
		return rc;
	if (v > JX_DB_SCHEMA_VERSION)
		return refuse_newer(db, v);
	if (v == JX_DB_SCHEMA_VERSION)
		return 0;
	if ((rc = jx_conn_begin(db->conn)))
		return rc;
	rc = jx_conn_exec(db->conn, "CREATE TABLE IF NOT EXISTS schema_version (version BIGINT NOT NULL)", 0, NULL);
	/* Another process may have migrated between our read and our lock. */
	if (rc || (rc = read_version(db, &v)))
		goto fail;
	if (v > JX_DB_SCHEMA_VERSION) {
		rc = refuse_newer(db, v);
		goto fail;
	}
	for (int64_t k = v; k < NMIGRATIONS; k++) {
		jx_buf b = JX_BUF_INIT;
		rc = migrations[k](db, &b);
		if (!rc)
			rc = jx_conn_exec(db->conn, jx_buf_cstr(&b), 0, NULL);
		jx_buf_release(&b);
		if (rc)
			goto fail;
		char vs[24];
		snprintf(vs, sizeof vs, "%lld", (long long)(k + 1));
		const char *p[] = {vs};
		if ((rc = jx_conn_exec(db->conn, "INSERT INTO schema_version (version) VALUES ($1)", 1, p)))
			goto fail;
	}
	return jx_conn_commit(db->conn);
fail:
	jx_conn_rollback(db->conn);
	return rc;
}

const char *jx_db_default_target(void)
{
	const char *e = getenv("JX_DB");
	return e && *e ? e : "jixiao.db";
}

int jx_db_open(jx_db **out, const char *target)
{
	*out = NULL;
	if (!target)
		target = jx_db_default_target();
	jx_db *db = calloc(1, sizeof *db);
	if (!db)
		return jx_error_set(JX_ENOMEM, "内存不足");
	int rc = jx_conn_open(&db->conn, target);
	if (!rc)
		rc = db_prepare_sql(db);
	if (!rc)
		rc = db_migrate(db);
	if (rc) {
		jx_db_close(db);
		return rc;
	}
	*out = db;
	return 0;
}

void jx_db_close(jx_db *db)
{
	if (!db)
		return;
	jx_conn_close(db->conn);
	for (int t = 0; t < DB_NTABLES; t++) {
		free(db->ins[t]);
		free(db->sel[t]);
	}
	free(db);
}

const char *jx_db_target(const jx_db *db)
{
	return db->conn->target;
}

const char *jx_db_backend(const jx_db *db)
{
	return db->conn->kind == JX_CONN_PG ? "postgresql" : "sqlite";
}

int jx_db_schema_version(jx_db *db, int *out)
{
	int64_t v;
	int rc = read_version(db, &v);
	*out = (int)v;
	return rc;
}

int jx_db_set_busy_timeout(jx_db *db, int ms)
{
	char sql[64];
	if (db->conn->kind == JX_CONN_PG)
		snprintf(sql, sizeof sql, "SET lock_timeout = %d", ms);
	else
		snprintf(sql, sizeof sql, "PRAGMA busy_timeout = %d", ms);
	return jx_conn_exec(db->conn, sql, 0, NULL);
}

/* ---- rows ---- */

void db_row_reset(db_row *r)
{
	r->n = 0;
	r->oom = false;
}

void db_put_s(db_row *r, const char *s)
{
	if (r->n >= DB_MAXCOLS) {
		r->oom = true;
		return;
	}
	r->v[r->n++] = s;
}

void db_put_null(db_row *r)
{
	db_put_s(r, NULL);
}

void db_put_i(db_row *r, int64_t v)
{
	if (r->n >= DB_MAXCOLS) {
		r->oom = true;
		return;
	}
	/* By hand: snprintf showed up in profiles of large imports. */
	char tmp[24];
	size_t k = 0;
	uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
	do {
		tmp[k++] = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	char *o = r->num[r->n];
	size_t j = 0;
	if (v < 0)
		o[j++] = '-';
	while (k)
		o[j++] = tmp[--k];
	o[j] = '\0';
	r->v[r->n] = r->num[r->n];
	r->n++;
}

void db_put_src(db_row *r, const jx_src *s)
{
	db_put_s(r, s->file);
	if (s->page)
		db_put_i(r, s->page);
	else
		db_put_null(r);
	if (s->line)
		db_put_i(r, s->line);
	else
		db_put_null(r);
	if (s->col)
		db_put_i(r, s->col);
	else
		db_put_null(r);
	if (s->len)
		db_put_i(r, s->len);
	else
		db_put_null(r);
}

int db_insert(jx_db *db, int t, db_row *r)
{
	if (r->oom || r->n != db->ncols[t])
		return jx_error_set(JX_EINVAL, "内部错误：表 %s 的列数不符（%d / %d）", db_tables[t].name, r->n,
				    db->ncols[t]);
	return jx_conn_exec(db->conn, db->ins[t], r->n, r->v);
}

typedef struct int_ud {
	int64_t *out;
	bool *found;
} int_ud;

static int int_row(void *ud, int ncols, const char *const *values)
{
	int_ud *u = ud;
	if (ncols > 0 && values[0]) {
		*u->out = strtoll(values[0], NULL, 10);
		*u->found = true;
	}
	return 0;
}

int db_query_int(jx_db *db, const char *sql, int n, const char *const *params, int64_t *out, bool *found)
{
	bool dummy = false;
	int_ud u = {out, found ? found : &dummy};
	*u.found = false;
	return jx_conn_query(db->conn, sql, n, params, int_row, &u);
}
