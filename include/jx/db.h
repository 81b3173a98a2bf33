/* db.h: the store. Packages, their projects, indicators, tables and findings kept in SQLite (embedded default)
 * or PostgreSQL (shared), with the same schema and the same queries on both.
 *
 * Ownership: jx_db_open returns a handle freed by jx_db_close. Query results (jx_db_table) are malloc'd and freed
 * with jx_db_table_free. jx_db_export returns a new package the caller frees with jx_pkg_free. Rendered output is
 * malloc'd, NUL-terminated, owned by the caller.
 *
 * Errors: JX_EIO (cannot open, connect, locked, disk full), JX_EFORMAT (not a database, or a database of a newer
 * schema version), JX_ENOTFOUND (no such package or project), JX_EINVAL, JX_ENOMEM; the message (jx_error_last)
 * is in Chinese and names the database.
 */
#ifndef JX_DB_H
#define JX_DB_H

#include "jx/check.h"
#include "jx/common.h"
#include "jx/eval.h"
#include "jx/model.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The schema version this build writes and reads. A database with a higher version is refused. */
#define JX_DB_SCHEMA_VERSION 2

typedef struct jx_db jx_db;

/* The target used when none is given: $JX_DB if set and non-empty, else "jixiao.db". */
const char *jx_db_default_target(void);

/* Opens a store: "postgresql://…", "postgres://…" or a libpq "host=… dbname=…" string selects PostgreSQL,
 * anything else is a SQLite file (created if missing). NULL target = jx_db_default_target(). Migrates the schema
 * to JX_DB_SCHEMA_VERSION (refusing newer ones). */
int jx_db_open(jx_db **out, const char *target);
void jx_db_close(jx_db *db);
/* The target as given (passwords masked for PostgreSQL), for messages. */
const char *jx_db_target(const jx_db *db);
/* "sqlite" or "postgresql". */
const char *jx_db_backend(const jx_db *db);
/* The schema version stored in the database. */
int jx_db_schema_version(jx_db *db, int *out);
/* How long a SQLite writer waits for another one before failing with "数据库被锁定" (default 5000 ms). */
int jx_db_set_busy_timeout(jx_db *db, int ms);

/* Result of one import. */
typedef struct jx_db_import_result {
	int64_t package_id; /* id of the stored package */
	int replaced;       /* number of earlier packages it replaced (same content hash or same department+year) */
	int64_t rows;       /* rows written */
} jx_db_import_result;

/* Stores a package in one transaction. Replaces any package with the same content hash (of its first source)
 * or the same department name + year; never leaves a duplicate or a partial package. `res` may be NULL. */
int jx_db_import(jx_db *db, const jx_pkg *pkg, jx_db_import_result *res);

/* Rebuilds a package from the relational rows. `ref` is a package id ("12"), a content hash (or a unique prefix
 * of at least 8 hex digits), or "部门名称:年度" / "部门名称". JX_ENOTFOUND if none matches. */
int jx_db_export(jx_db *db, const char *ref, jx_pkg **out);
/* Resolves a reference as jx_db_export does to a package id. */
int jx_db_find_package(jx_db *db, const char *ref, int64_t *id);

/* Stores the findings of `report` that belong to checked package `pkg_index` for stored package `package_id`,
 * replacing the findings stored for it before (one transaction). */
int jx_db_store_findings(jx_db *db, int64_t package_id, const jx_report *report, int pkg_index);

/* Stores the year-end self-evaluation `e` of stored package `package_id` (e->pkg must be that package, e.g. as
 * jx_db_export returned it), replacing the one stored for it before, in one transaction: each scored project with
 * its money, 执行率, scores, grade and rank, and each indicator's weight, score, actual and scoring steps. A later
 * re-import of the package drops them. JX_ENOTFOUND if there is no such package. */
int jx_db_store_evaluation(jx_db *db, int64_t package_id, const jx_evaluation *e);

/* A small generic result: column names and rows of strings (NULL = SQL NULL). */
typedef struct jx_db_table {
	size_t ncols, nrows;
	char **cols;  /* ncols names */
	char **cells; /* nrows * ncols, row-major */
} jx_db_table;

void jx_db_table_free(jx_db_table *t);
static inline const char *jx_db_cell(const jx_db_table *t, size_t row, size_t col)
{
	return t->cells[row * t->ncols + col];
}

typedef enum jx_db_format { JX_DB_TEXT = 0, JX_DB_CSV, JX_DB_JSON } jx_db_format;
int jx_db_format_parse(const char *s, jx_db_format *out);
/* text: aligned columns by display width; csv: RFC 4180 with a header line; json: an array of objects keyed by
 * column name whose values are JSON strings or null. */
int jx_db_table_render(const jx_db_table *t, jx_db_format fmt, char **out, size_t *len);

/* Listings. */
typedef enum jx_db_ls_what { JX_DB_LS_PACKAGES = 0, JX_DB_LS_DEPARTMENTS, JX_DB_LS_YEARS } jx_db_ls_what;
int jx_db_ls(jx_db *db, jx_db_ls_what what, jx_db_table **out);

/* A package's summary (one row per project with amounts and counts), or, when `ref` names no package but
 * matches a project name (or code) exactly, that project's indicators. */
int jx_db_show(jx_db *db, const char *ref, jx_db_table **out);
int jx_db_show_package(jx_db *db, int64_t package_id, jx_db_table **out);
int jx_db_show_project(jx_db *db, const char *name_or_code, jx_db_table **out);

/* Indicator search: any of the fields may be NULL. `name` matches a substring of the level-3 name; level1 and
 * level2 match the canonical names ("产出指标", "数量指标") exactly. `year` 0 = all years. */
typedef struct jx_db_search_opts {
	const char *name;
	const char *level1;
	const char *level2;
	int year;
	size_t limit; /* 0 = no limit */
} jx_db_search_opts;
int jx_db_search(jx_db *db, const jx_db_search_opts *opts, jx_db_table **out);

/* Totals by functional classification code (功能分类科目) across departments and years, from the disclosure
 * tables' rows that carry a code: one row per code and year, summing the first amount column (in yuan).
 * `code_prefix` NULL = all codes; `year` 0 = all years. */
int jx_db_totals(jx_db *db, const char *code_prefix, int year, jx_db_table **out);

/* Stored findings, optionally filtered by rule id (or family prefix "calc.") and minimum severity name. */
int jx_db_findings(jx_db *db, const char *rule, const char *severity, jx_db_table **out);

/* Stored project scores, by department (NULL = all) and year (0 = all), in rank order within a package, the
 * department as a whole (项目 “（部门整体）”, no rank) last: 部门, 年度, 项目, 全年预算数, 全年执行数, 执行率,
 * 执行率得分, 总分, 等级, 排名. */
int jx_db_scores(jx_db *db, const char *dept, int year, jx_db_table **out);

/* Row counts of every table of the schema (name, count), for tests and `jx db ls --counts`. */
int jx_db_counts(jx_db *db, jx_db_table **out);

#ifdef __cplusplus
}
#endif
#endif
