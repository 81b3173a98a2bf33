/* db_int.h: what the store's files share: the handle, the table layouts, and the row reader/writer that walk a
 * table's columns in the order its layout declares them. */
#ifndef JX_LIB_DB_DB_INT_H
#define JX_LIB_DB_DB_INT_H

#include "db/conn.h"
#include "jx/db.h"
#include "util/buf.h"

/* Tables that hold a package's rows, in the order they are written (parents before children). */
enum {
	DB_T_PACKAGES = 0,
	DB_T_SOURCES,
	DB_T_PROJECTS,
	DB_T_FUNDING,
	DB_T_SCHEDULES,
	DB_T_BASIS,
	DB_T_INDICATORS,
	DB_T_LINES,
	DB_T_BUDGET,
	DB_T_TASKS,
	DB_T_GOALS,
	DB_T_FUNDS,
	DB_T_FUND_ITEMS,
	DB_T_TABLES,
	DB_T_COLUMNS,
	DB_T_ROWS,
	DB_T_CELLS,
	DB_T_STATEMENTS,
	DB_T_FACTS,
	DB_T_NOTES,
	DB_T_FINDINGS,
	DB_NTABLES
};

#define DB_MAXCOLS 160

typedef struct db_tspec {
	const char *name;
	/* Comma-separated "name type": i (integer), t (text), S (source: _file _page _line _col _len),
	 * X (text with source), A (amount: _fen _unit _scale _text + source), V (indicator value). */
	const char *cols;
	const char *key; /* primary key columns (children) or NULL (packages: generated id) */
} db_tspec;

extern const db_tspec db_tables[DB_NTABLES];

struct jx_db {
	jx_conn *conn;
	char *ins[DB_NTABLES]; /* INSERT … VALUES ($1…) */
	char *sel[DB_NTABLES]; /* SELECT cols FROM t WHERE package_id = $1 ORDER BY key */
	int ncols[DB_NTABLES];
};

/* Builds the INSERT/SELECT text of every table (once per handle). */
int db_prepare_sql(jx_db *db);
/* Creates or upgrades the schema, refusing a newer one. */
int db_migrate(jx_db *db);

/* A row being written: values in column order; numbers are formatted into `num`. */
typedef struct db_row {
	int n;
	bool oom;
	const char *v[DB_MAXCOLS];
	char num[DB_MAXCOLS][24];
} db_row;

void db_row_reset(db_row *r);
void db_put_s(db_row *r, const char *s);
void db_put_i(db_row *r, int64_t v);
void db_put_null(db_row *r);
void db_put_src(db_row *r, const jx_src *s);

/* Runs the INSERT of table t with row r (checking the count matches the layout). */
int db_insert(jx_db *db, int t, db_row *r);

/* Query helpers. */
int db_query_int(jx_db *db, const char *sql, int n, const char *const *params, int64_t *out, bool *found);

/* Schema version 2: the evaluation tables (evaluation.c). */
int db_ddl_v2(jx_db *db, jx_buf *b);

/* Replaces a column of integer hundredths (fen, or hundredths of a point or a percent) with the decimal at two
 * places ("1234.50"), exactly. */
int db_column_hundredths(jx_db_table *t, size_t col);

/* A result table being collected. */
int db_collect(jx_db *db, const char *sql, int n, const char *const *params, const char *const *cols,
	       size_t ncols, jx_db_table **out);

#endif
