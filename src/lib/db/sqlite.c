/* sqlite.c: the SQLite driver behind conn.h (WAL, foreign keys, busy timeout, cached statements, Chinese errors). */
#include "db/conn.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jx/common.h"

/* Prepared statements kept per connection: an import runs the same few INSERTs hundreds of times. */
#define SQ_CACHE 48

typedef struct sq_cached {
	char *sql;
	sqlite3_stmt *stmt;
	unsigned long used;
	int *map; /* map[i]: SQLite's index of parameter "$i+1", 0 if the statement does not use it */
	int nmap;
} sq_cached;

typedef struct sq_conn {
	jx_conn base;
	sqlite3 *db;
	char *path;
	sq_cached cache[SQ_CACHE];
	unsigned long tick;
} sq_conn;

/* Turns a SQLite result code into the thread's error with a message people can act on. */
static int sq_error(sq_conn *c, int rc)
{
	const char *p = c->path;
	const char *msg = c->db ? sqlite3_errmsg(c->db) : sqlite3_errstr(rc);
	switch (rc & 0xff) {
	case SQLITE_NOTADB:
		return jx_error_set(JX_EFORMAT, "%s: 不是 SQLite 数据库文件（或已加密）", p);
	case SQLITE_CORRUPT:
		return jx_error_set(JX_EFORMAT, "%s: 数据库文件已损坏（%s）", p, msg);
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return jx_error_set(JX_EIO, "%s: 数据库被锁定：另一个程序正在写入，请稍后重试", p);
	case SQLITE_FULL:
		return jx_error_set(JX_EIO, "%s: 磁盘已满或数据库已达到大小上限，写入未完成，已回滚", p);
	case SQLITE_READONLY:
		return jx_error_set(JX_EIO, "%s: 数据库只读，无法写入", p);
	case SQLITE_CANTOPEN:
		return jx_error_set(JX_EIO, "%s: 无法打开数据库文件", p);
	case SQLITE_IOERR:
		return jx_error_set(JX_EIO, "%s: 读写数据库文件出错（%s）", p, msg);
	case SQLITE_NOMEM:
		return jx_error_set(JX_ENOMEM, "内存不足");
	case SQLITE_CONSTRAINT:
		return jx_error_set(JX_EIO, "%s: 违反数据完整性约束（%s）", p, msg);
	case SQLITE_TOOBIG:
		return jx_error_set(JX_ELIMIT, "%s: 数据过大（%s）", p, msg);
	default:
		return jx_error_set(JX_EIO, "%s: SQLite 错误（%s）", p, msg);
	}
}

static sq_cached *sq_cache_get(sq_conn *c, const char *sql)
{
	for (int i = 0; i < SQ_CACHE; i++)
		if (c->cache[i].sql && strcmp(c->cache[i].sql, sql) == 0) {
			c->cache[i].used = ++c->tick;
			return &c->cache[i];
		}
	return NULL;
}

/* Maps "$N" to SQLite's parameter index once per statement: looking names up on every bind scans the whole
 * parameter list, which is quadratic on the 100-column INSERTs. */
static int *sq_param_map(sqlite3_stmt *st, int *nmap)
{
	int count = sqlite3_bind_parameter_count(st);
	int maxn = 0;
	for (int k = 1; k <= count; k++) {
		const char *name = sqlite3_bind_parameter_name(st, k);
		if (name && name[0] == '$') {
			int n = atoi(name + 1);
			if (n > maxn && n <= 100000)
				maxn = n;
		}
	}
	int *map = calloc((size_t)maxn + 1, sizeof *map);
	if (!map)
		return NULL;
	for (int k = 1; k <= count; k++) {
		const char *name = sqlite3_bind_parameter_name(st, k);
		if (name && name[0] == '$') {
			int n = atoi(name + 1);
			if (n >= 1 && n <= maxn)
				map[n - 1] = k;
		}
	}
	*nmap = maxn;
	return map;
}

static sq_cached *sq_cache_put(sq_conn *c, const char *sql, sqlite3_stmt *st)
{
	int victim = 0;
	for (int i = 0; i < SQ_CACHE; i++) {
		if (!c->cache[i].sql) {
			victim = i;
			break;
		}
		if (c->cache[i].used < c->cache[victim].used)
			victim = i;
	}
	char *copy = malloc(strlen(sql) + 1);
	int nmap = 0;
	int *map = sq_param_map(st, &nmap);
	if (!copy || !map) {
		free(copy);
		free(map);
		sqlite3_finalize(st);
		return NULL;
	}
	strcpy(copy, sql);
	sq_cached *e = &c->cache[victim];
	if (e->sql) {
		sqlite3_finalize(e->stmt);
		free(e->sql);
		free(e->map);
	}
	e->sql = copy;
	e->stmt = st;
	e->map = map;
	e->nmap = nmap;
	e->used = ++c->tick;
	return e;
}

/* Prepares (or reuses) one statement and binds $1..$n by name. */
static int sq_prepare(sq_conn *c, const char *sql, int nparams, const char *const *params, sqlite3_stmt **out)
{
	sq_cached *e = sq_cache_get(c, sql);
	if (!e) {
		sqlite3_stmt *st = NULL;
		int rc = sqlite3_prepare_v2(c->db, sql, -1, &st, NULL);
		if (rc != SQLITE_OK)
			return sq_error(c, rc);
		if (!st)
			return jx_error_set(JX_EINVAL, "%s: 空的 SQL 语句", c->path);
		if (!(e = sq_cache_put(c, sql, st)))
			return jx_error_set(JX_ENOMEM, "内存不足");
	}
	sqlite3_stmt *st = e->stmt;
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	for (int i = 0; i < nparams && i < e->nmap; i++) {
		int idx = e->map[i];
		if (idx <= 0)
			continue;
		int rc = params[i] ? sqlite3_bind_text(st, idx, params[i], -1, SQLITE_STATIC) : sqlite3_bind_null(st, idx);
		if (rc != SQLITE_OK)
			return sq_error(c, rc);
	}
	*out = st;
	return 0;
}

static int sq_query(jx_conn *base, const char *sql, int nparams, const char *const *params, jx_conn_row_fn fn,
		    void *ud)
{
	sq_conn *c = (sq_conn *)base;
	sqlite3_stmt *st = NULL;
	int rc = sq_prepare(c, sql, nparams, params, &st);
	if (rc)
		return rc;
	int ncols = sqlite3_column_count(st);
	const char **vals = ncols > 0 ? calloc((size_t)ncols, sizeof *vals) : NULL;
	if (ncols > 0 && !vals) {
		sqlite3_reset(st);
		return jx_error_set(JX_ENOMEM, "内存不足");
	}
	int ret = 0;
	/* Bounded by the rows the statement produces. */
	for (;;) {
		rc = sqlite3_step(st);
		if (rc == SQLITE_DONE)
			break;
		if (rc != SQLITE_ROW) {
			ret = sq_error(c, rc);
			break;
		}
		for (int k = 0; k < ncols; k++)
			vals[k] = (const char *)sqlite3_column_text(st, k);
		if (fn) {
			int v = fn(ud, ncols, vals);
			if (v) {
				ret = v;
				break;
			}
		}
	}
	free(vals);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return ret;
}

static int sq_exec(jx_conn *base, const char *sql, int nparams, const char *const *params)
{
	sq_conn *c = (sq_conn *)base;
	if (nparams == 0 && strchr(sql, ';')) {
		int rc = sqlite3_exec(c->db, sql, NULL, NULL, NULL);
		return rc == SQLITE_OK ? 0 : sq_error(c, rc);
	}
	return sq_query(base, sql, nparams, params, NULL, NULL);
}

static void sq_close(jx_conn *base)
{
	sq_conn *c = (sq_conn *)base;
	for (int i = 0; i < SQ_CACHE; i++)
		if (c->cache[i].sql) {
			sqlite3_finalize(c->cache[i].stmt);
			free(c->cache[i].sql);
			free(c->cache[i].map);
		}
	sqlite3_close(c->db);
	free(c->path);
	free(c);
}

/* Writers take the write lock at once (BEGIN IMMEDIATE), so that two writers queue on the busy timeout instead of
 * one failing when it upgrades a read snapshot that the other has already changed; SQLite has one writer at a time,
 * so a key changes nothing. A reader's deferred BEGIN takes no write lock. */
static int sq_begin(jx_conn *base, jx_conn_tx kind, const char *key)
{
	(void)key;
	return sq_exec(base, kind == JX_TX_READ ? "BEGIN" : "BEGIN IMMEDIATE", 0, NULL);
}

static const jx_conn_ops sq_ops = {sq_exec, sq_query, sq_close, sq_begin};

int jx_conn_open_sqlite(jx_conn **out, const char *path)
{
	*out = NULL;
	if (!path || !*path)
		return jx_error_set(JX_EINVAL, "未指定数据库文件");
	sq_conn *c = calloc(1, sizeof *c);
	char *p = malloc(strlen(path) + 1);
	if (!c || !p) {
		free(c);
		free(p);
		return jx_error_set(JX_ENOMEM, "内存不足");
	}
	strcpy(p, path);
	c->path = p;
	c->base.ops = &sq_ops;
	c->base.kind = JX_CONN_SQLITE;
	c->base.target = c->path;
	int rc = sqlite3_open_v2(path, &c->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
	if (rc != SQLITE_OK) {
		int e = sq_error(c, rc);
		sq_close(&c->base);
		return e;
	}
	sqlite3_extended_result_codes(c->db, 0);
	sqlite3_busy_timeout(c->db, 5000);
	/* The journal mode read touches the file header: a file that is not a database fails here, not later. WAL
	 * with synchronous=NORMAL is still crash-safe (a commit may be lost on power failure, never half of one);
	 * a 32 MB page cache keeps the indexes of a large store in memory while importing. Checkpoints every 8192
	 * pages (32 MB of WAL) instead of SQLite's 1000: the index pages every import touches are copied back once per
	 * checkpoint, and fewer checkpoints made bulk imports a third faster (bench_db: 10,000 packages in 49 s
	 * instead of 77 s). */
	rc = sqlite3_exec(c->db, "PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; "
			  "PRAGMA cache_size = -32768; PRAGMA wal_autocheckpoint = 8192;",
			  NULL, NULL, NULL);
	/* Switching a new file to WAL needs an exclusive lock, and SQLite does not call the busy handler for it:
	 * several processes creating the same store at once get SQLITE_BUSY at once. Wait as the busy timeout
	 * would (up to 5 s). */
	for (int waited = 0; (rc & 0xff) == SQLITE_BUSY && waited < 5000; waited += 20) {
		sqlite3_sleep(20);
		rc = sqlite3_exec(c->db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; "
				  "PRAGMA cache_size = -32768; PRAGMA wal_autocheckpoint = 8192;",
				  NULL, NULL, NULL);
	}
	if (rc != SQLITE_OK) {
		int e = sq_error(c, rc);
		sq_close(&c->base);
		return e;
	}
	*out = &c->base;
	return 0;
}
