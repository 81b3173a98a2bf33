/* conn.h: the one interface the store talks to, with two drivers behind it: SQLite (sqlite.c, the embedded
 * default) and PostgreSQL through libpq (pg.c). SQL is written once, in the dialect both accept: parameters are
 * $1, $2… (SQLite binds them by name), text and 64-bit integers only (money in fen as BIGINT/INTEGER), no
 * backend-specific functions. Where the dialects differ (DDL types, upserts), the driver says which it is.
 *
 * Parameters and results are text (NULL = SQL NULL), which both backends convert exactly for integers.
 *
 * Ownership: jx_conn_open returns a handle freed by jx_conn_close. Row callbacks get borrowed strings valid only
 * during the call.
 */
#ifndef JX_LIB_DB_CONN_H
#define JX_LIB_DB_CONN_H

#include <stdbool.h>
#include <stdint.h>

typedef enum jx_conn_kind { JX_CONN_SQLITE = 1, JX_CONN_PG = 2 } jx_conn_kind;

typedef struct jx_conn jx_conn;

/* Called once per result row; return non-zero to stop (that value is returned by jx_conn_query). */
typedef int (*jx_conn_row_fn)(void *ud, int ncols, const char *const *values);

/* Kinds of transaction (jx_conn_begin*). */
typedef enum jx_conn_tx {
	JX_TX_WRITE = 0,   /* a write transaction of the whole store */
	JX_TX_WRITE_KEYED, /* a write transaction of one key (an import: its department) */
	JX_TX_READ,        /* a consistent read-only snapshot */
} jx_conn_tx;

typedef struct jx_conn_ops {
	/* Runs one statement (or, with nparams 0, a script of several) and discards any rows. */
	int (*exec)(jx_conn *c, const char *sql, int nparams, const char *const *params);
	/* Runs one statement and calls fn for each row. */
	int (*query)(jx_conn *c, const char *sql, int nparams, const char *const *params, jx_conn_row_fn fn,
		     void *ud);
	void (*close)(jx_conn *c);
	/* Begins a transaction of the given kind (`key` for JX_TX_WRITE_KEYED). */
	int (*begin)(jx_conn *c, jx_conn_tx kind, const char *key);
} jx_conn_ops;

struct jx_conn {
	const jx_conn_ops *ops;
	jx_conn_kind kind;
	const char *target; /* the path or URL it was opened with, for messages (owned by the driver) */
};

/* Opens "postgresql://…" / "postgres://…" / a libpq "host=… dbname=…" string with the PostgreSQL driver and
 * anything else as a SQLite file path (created if missing). Errors (JX_EIO: cannot open or connect; JX_EFORMAT:
 * not a database) carry a Chinese message naming the target. */
int jx_conn_open(jx_conn **out, const char *target);
int jx_conn_open_sqlite(jx_conn **out, const char *path);
int jx_conn_open_pg(jx_conn **out, const char *conninfo);
void jx_conn_close(jx_conn *c);

/* Thin wrappers over the ops, plus transactions (BEGIN / COMMIT / ROLLBACK). */
int jx_conn_exec(jx_conn *c, const char *sql, int nparams, const char *const *params);
int jx_conn_query(jx_conn *c, const char *sql, int nparams, const char *const *params, jx_conn_row_fn fn, void *ud);
int jx_conn_begin(jx_conn *c);
/* Writers queue: on SQLite all of them (one writer at a time); on PostgreSQL a keyed writer queues only behind
 * writers of the same key and behind whole-store writers (migrations, findings, scores), so that importers of
 * different departments run side by side. */
int jx_conn_begin_keyed(jx_conn *c, const char *key);
/* A consistent snapshot for reading several tables, without taking a write lock. */
int jx_conn_begin_read(jx_conn *c);
int jx_conn_commit(jx_conn *c);
int jx_conn_rollback(jx_conn *c); /* safe to call after a failed statement; never fails the caller */

#endif
