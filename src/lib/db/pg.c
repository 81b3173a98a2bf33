/* pg.c: the PostgreSQL driver behind conn.h, through libpq (text parameters, streamed rows, Chinese errors). */
#include "db/conn.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jx/common.h"

/* jx_conn_begin sends "BEGIN" and means "begin a write transaction of the store". SQLite takes its write lock at
 * once (BEGIN IMMEDIATE), so writers queue and each sees the others' committed work. The store's writes read
 * before they write (find the department, delete the package it replaces, insert), which under PostgreSQL's
 * READ COMMITTED would let two importers of the same department-year both find nothing and both insert. The
 * equivalent of SQLite's write lock is a transaction-scoped advisory lock taken right after BEGIN: writers of
 * the store queue on it (readers outside transactions are not affected), and it is released by COMMIT or
 * ROLLBACK, or by the server when the connection dies. The key is a constant: 27256 = 0x6A78 ("jx"), 1 = the
 * store. Like SQLite's busy timeout, the wait is bounded, so a writer stuck elsewhere yields a clear error
 * (lock timeout) instead of a hang. */
#define PG_BEGIN_WRITE                                                                                             \
	"BEGIN; SET LOCAL lock_timeout = '60s'; SELECT pg_advisory_xact_lock(27256, 1); "                         \
	"SET LOCAL lock_timeout TO DEFAULT"

/* Seconds libpq waits for a server before giving up, unless the conninfo or PGCONNECT_TIMEOUT says otherwise. */
#define PG_CONNECT_TIMEOUT "10"

/* Prepared statements, by SQL text: the store runs the same few INSERTs hundreds of times per package, and
 * parsing and planning each of them again costs more than executing it. Bounded; statements beyond the bound
 * run unprepared. Prepared statements live in the server session, so a reconnect empties the cache. */
#define PG_STMT_SLOTS 512 /* open addressing; at most half full */
#define PG_STMT_MAX 256

typedef struct pg_stmt {
	char *sql; /* NULL = empty slot */
	uint64_t hash;
	int id; /* prepared as "jx_<id>" */
} pg_stmt;

typedef struct pg_conn {
	jx_conn base;
	PGconn *pg;
	pg_stmt stmts[PG_STMT_SLOTS];
	int nstmts;
	char *display; /* the target with any password masked, for messages */
	/* The connection was lost inside a transaction: everything up to the caller's ROLLBACK must fail, because a
	 * silent reconnect would run the rest of the transaction's statements in autocommit and leave half a
	 * package behind. */
	bool lost_in_tx;
	/* The connection failed (libpq does not always mark it bad at once, e.g. when a write hit a closed socket). */
	bool broken;
	bool pipelined; /* in libpq pipeline mode, with `pending` statements sent and not yet waited for */
	int pending;
} pg_conn;

/* Libpq prints NOTICEs ("relation already exists, skipping") to stderr by default; the library never prints. */
static void pg_notice_quiet(void *arg, const char *message)
{
	(void)arg;
	(void)message;
}

/* Replaces, in place, the value after the first "password=" (quoted or not, ending at a space or '&') by "***".
 * `out` has room for the original length + 8. */
static void pg_mask_keyword(char *out)
{
	char *pw = strstr(out, "password");
	char *eq = pw ? strchr(pw, '=') : NULL;
	if (!eq)
		return;
	char *v = eq + 1;
	while (*v == ' ')
		v++;
	char *end = v;
	if (*end == '\'') {
		end++;
		while (*end && *end != '\'') {
			if (*end == '\\' && end[1])
				end++;
			end++;
		}
		if (*end)
			end++;
	} else {
		while (*end && *end != ' ' && *end != '&')
			end++;
	}
	memmove(v + 3, end, strlen(end) + 1);
	memcpy(v, "***", 3);
}

/* Copies a conninfo or URL with its password replaced by "***" so that messages never leak it. */
static char *pg_mask(const char *target)
{
	size_t n = strlen(target);
	char *out = malloc(n + 8);
	if (!out)
		return NULL;
	memcpy(out, target, n + 1);
	const char *scheme = strstr(target, "://");
	if (scheme) {
		/* postgresql://user:secret@host/db → postgresql://user:***@host/db */
		const char *auth = scheme + 3;
		const char *at = strchr(auth, '@');
		const char *slash = strchr(auth, '/');
		const char *colon = strchr(auth, ':');
		if (at && (!slash || at < slash) && colon && colon < at) {
			size_t head = (size_t)(colon - target) + 1;
			memcpy(out + head, "***", 3);
			strcpy(out + head + 3, at);
		}
	}
	/* key=value form, or ?password=… in a URL. */
	pg_mask_keyword(out);
	return out;
}

/* The first line of a libpq/server message, without the trailing newline, copied into buf. */
static const char *pg_first_line(const char *msg, char *buf, size_t cap)
{
	if (!msg)
		msg = "";
	size_t n = strcspn(msg, "\n");
	if (n >= cap)
		n = cap - 1;
	memcpy(buf, msg, n);
	buf[n] = '\0';
	return buf;
}

/* Maps a failed connection attempt to a message people can act on. libpq gives no SQLSTATE here, only text. */
static int pg_connect_error(const char *display, const char *msg)
{
	char line[400];
	/* libpq prefixes "connection to server on socket … failed: "; the reason is after the last ": ". */
	const char *m = msg ? msg : "";
	pg_first_line(m, line, sizeof line);
	if (strstr(m, "password authentication failed") || strstr(m, "authentication failed") ||
	    strstr(m, "no password supplied") || strstr(m, "no pg_hba.conf entry") ||
	    strstr(m, "password is required"))
		return jx_error_set(JX_EIO, "%s: PostgreSQL 身份验证失败，请检查用户名、密码和 pg_hba.conf（%s）", display,
				    line);
	if (strstr(m, "database") && strstr(m, "does not exist"))
		return jx_error_set(JX_EIO, "%s: PostgreSQL 数据库不存在（%s）", display, line);
	if (strstr(m, "role") && strstr(m, "does not exist"))
		return jx_error_set(JX_EIO, "%s: PostgreSQL 用户不存在（%s）", display, line);
	if (strstr(m, "timeout expired"))
		return jx_error_set(JX_EIO, "%s: 连接 PostgreSQL 服务器超时，服务器可能未运行或网络不通（%s）", display,
				    line);
	if (strstr(m, "Connection refused") || strstr(m, "No such file or directory") ||
	    strstr(m, "could not connect") || strstr(m, "Is the server running"))
		return jx_error_set(JX_EIO, "%s: 无法连接 PostgreSQL 服务器：服务器未运行或拒绝连接（%s）", display, line);
	if (strstr(m, "the database system is starting up") || strstr(m, "shutting down") ||
	    strstr(m, "in recovery mode"))
		return jx_error_set(JX_EIO, "%s: PostgreSQL 服务器正在启动或关闭，暂不接受连接，请稍后重试（%s）", display,
				    line);
	if (strstr(m, "too many") && strstr(m, "connections"))
		return jx_error_set(JX_EIO, "%s: PostgreSQL 服务器连接数已满（%s）", display, line);
	if (strstr(m, "invalid") || strstr(m, "missing") || strstr(m, "unrecognized"))
		return jx_error_set(JX_EINVAL, "%s: PostgreSQL 连接参数无效（%s）", display, line);
	return jx_error_set(JX_EIO, "%s: 无法连接 PostgreSQL 服务器（%s）", display, line);
}

static bool pg_sqlstate_is(const char *state, const char *want)
{
	return state && strcmp(state, want) == 0;
}

/* Turns a failed statement into the thread's error. `was_in_tx` says whether a transaction was open before it. */
static int pg_statement_error(pg_conn *c, PGresult *res, bool was_in_tx)
{
	const char *state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
	const char *primary = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : NULL;
	char line[400];
	pg_first_line(primary ? primary : PQerrorMessage(c->pg), line, sizeof line);
	const char *d = c->display;

	/* An error without SQLSTATE was made by libpq itself; about the server, it means the server never answered
	 * ("server closed the connection unexpectedly", "could not send data to server", "no connection"). */
	bool client_side_lost = !state && (strstr(line, "server") || strstr(line, "connection"));
	bool lost = PQstatus(c->pg) == CONNECTION_BAD || client_side_lost || (state && strncmp(state, "08", 2) == 0) ||
		    pg_sqlstate_is(state, "57P01") || pg_sqlstate_is(state, "57P02") ||
		    pg_sqlstate_is(state, "57P03");
	if (lost) {
		c->lost_in_tx = was_in_tx;
		c->broken = true;
		if (pg_sqlstate_is(state, "57P01"))
			return jx_error_set(JX_EIO,
					    "%s: PostgreSQL 服务器终止了本连接（管理员操作或服务器关闭），语句未完成，"
					    "未提交的事务已由服务器回滚（%s）",
					    d, line);
		return jx_error_set(JX_EIO,
				    "%s: 与 PostgreSQL 服务器的连接中断，语句未完成，未提交的事务已由服务器回滚（%s）", d,
				    line);
	}
	if (pg_sqlstate_is(state, "40001"))
		return jx_error_set(JX_EIO, "%s: 事务与另一并发事务冲突（串行化失败），已回滚，请重试（%s）", d, line);
	if (pg_sqlstate_is(state, "40P01"))
		return jx_error_set(JX_EIO, "%s: 检测到死锁，事务已回滚，请重试（%s）", d, line);
	if (pg_sqlstate_is(state, "55P03"))
		return jx_error_set(JX_EIO, "%s: 等待锁超时：另一个连接正在修改相同的数据，请稍后重试（%s）", d, line);
	if (pg_sqlstate_is(state, "57014"))
		return jx_error_set(JX_EIO, "%s: 语句超时或被取消（%s）", d, line);
	if (pg_sqlstate_is(state, "23505"))
		return jx_error_set(JX_EIO, "%s: 违反唯一约束，数据已存在（%s）", d, line);
	if (pg_sqlstate_is(state, "23503"))
		return jx_error_set(JX_EIO, "%s: 违反外键约束（%s）", d, line);
	if (state && strncmp(state, "23", 2) == 0)
		return jx_error_set(JX_EIO, "%s: 违反完整性约束（%s）", d, line);
	if (pg_sqlstate_is(state, "25P02"))
		return jx_error_set(JX_EIO, "%s: 当前事务中已有语句失败，事务须回滚（%s）", d, line);
	if (pg_sqlstate_is(state, "53100"))
		return jx_error_set(JX_EIO, "%s: PostgreSQL 服务器磁盘已满（%s）", d, line);
	if (state && strncmp(state, "53", 2) == 0)
		return jx_error_set(JX_EIO, "%s: PostgreSQL 服务器资源不足（%s）", d, line);
	if (pg_sqlstate_is(state, "42501"))
		return jx_error_set(JX_EIO, "%s: 权限不足（%s）", d, line);
	if (pg_sqlstate_is(state, "42P01"))
		return jx_error_set(JX_EIO, "%s: 表不存在（%s）", d, line);
	if (state && strncmp(state, "22", 2) == 0)
		return jx_error_set(JX_EINVAL, "%s: 数据无效或越界（%s）", d, line);
	if (state && strncmp(state, "42", 2) == 0)
		return jx_error_set(JX_EINVAL, "%s: SQL 语句错误（%s）", d, line);
	return jx_error_set(JX_EIO, "%s: PostgreSQL 语句失败 [%s]（%s）", d, state ? state : "?", line);
}

static uint64_t pg_hash(const char *s)
{
	uint64_t h = 1469598103934665603ULL; /* FNV-1a */
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h;
}

static void pg_stmts_clear(pg_conn *c)
{
	for (int i = 0; i < PG_STMT_SLOTS; i++) {
		free(c->stmts[i].sql);
		c->stmts[i].sql = NULL;
	}
	c->nstmts = 0;
}

/* Looks up the prepared statement for `sql`: true with its name in name[32], or false with the free slot where
 * it would go. Bounded: at most PG_STMT_SLOTS probes, and the table is never more than half full. */
static bool pg_stmt_find(const pg_conn *c, const char *sql, char name[32], unsigned *slot_out)
{
	uint64_t h = pg_hash(sql);
	unsigned slot = (unsigned)(h % PG_STMT_SLOTS);
	for (int probe = 0; probe < PG_STMT_SLOTS && c->stmts[slot].sql; probe++) {
		if (c->stmts[slot].hash == h && strcmp(c->stmts[slot].sql, sql) == 0) {
			snprintf(name, 32, "jx_%d", c->stmts[slot].id);
			return true;
		}
		slot = (slot + 1) % PG_STMT_SLOTS;
	}
	*slot_out = slot;
	return false;
}

/* Finds or prepares the statement for `sql`; writes its name into name[32]. Returns 1 if it is prepared, 0 if it
 * should run unprepared (cache full, out of memory), -1 if preparing failed: *err then holds the server's
 * answer, which is the statement's own error (a failed PREPARE inside a transaction aborts it, so running the
 * statement again unprepared would only report "transaction aborted"). Never called in pipeline mode. */
static int pg_stmt_get(pg_conn *c, const char *sql, int nparams, char name[32], PGresult **err)
{
	*err = NULL;
	unsigned slot;
	if (pg_stmt_find(c, sql, name, &slot))
		return 1;
	if (c->nstmts >= PG_STMT_MAX)
		return 0;
	char *copy = strdup(sql);
	if (!copy)
		return 0;
	int id = c->nstmts + 1;
	snprintf(name, 32, "jx_%d", id);
	PGresult *res = PQprepare(c->pg, name, sql, nparams, NULL);
	if (!res || PQresultStatus(res) != PGRES_COMMAND_OK) {
		free(copy);
		*err = res;
		return -1;
	}
	PQclear(res);
	c->stmts[slot] = (pg_stmt){copy, pg_hash(sql), id};
	c->nstmts++;
	return 1;
}

static bool pg_in_tx(const pg_conn *c)
{
	PGTransactionStatusType t = PQtransactionStatus(c->pg);
	return t == PQTRANS_INTRANS || t == PQTRANS_INERROR || t == PQTRANS_ACTIVE;
}

static bool pg_is_rollback(const char *sql)
{
	while (*sql == ' ' || *sql == '\t' || *sql == '\n')
		sql++;
	return strncmp(sql, "ROLLBACK", 8) == 0 || strncmp(sql, "rollback", 8) == 0;
}

/* Waits for the statements sent in pipeline mode and leaves pipeline mode. Returns the first error among them
 * (the transaction is then aborted on the server), or 0. */
static int pg_drain(pg_conn *c)
{
	if (!c->pipelined)
		return 0;
	int rc = 0;
	int pending = c->pending;
	c->pipelined = false;
	c->pending = 0;
	if (PQpipelineSync(c->pg) != 1) {
		rc = pg_statement_error(c, NULL, true);
		c->broken = true;
		return rc;
	}
	/* Each statement's results end with a NULL; the sync point ends the batch. Bounded by the statements sent:
	 * more NULLs than that without the sync means the connection is gone. */
	int nulls = 0;
	for (;;) {
		PGresult *r = PQgetResult(c->pg);
		if (!r) {
			if (PQstatus(c->pg) == CONNECTION_BAD || ++nulls > pending + 1) {
				if (!rc)
					rc = pg_statement_error(c, NULL, true);
				c->broken = true;
				break;
			}
			continue;
		}
		ExecStatusType st = PQresultStatus(r);
		if (st == PGRES_PIPELINE_SYNC) {
			PQclear(r);
			break;
		}
		if (st == PGRES_FATAL_ERROR && !rc)
			rc = pg_statement_error(c, r, true);
		PQclear(r);
	}
	if (!c->broken)
		PQexitPipelineMode(c->pg);
	return rc;
}

/* Before each statement: refuse to continue a transaction whose connection died, and reconnect once the caller
 * has rolled it back. Returns 1 if the statement is a ROLLBACK that the server already performed. */
static int pg_prepare(pg_conn *c, const char *sql)
{
	if (c->lost_in_tx) {
		if (pg_is_rollback(sql)) {
			c->lost_in_tx = false;
			return 1;
		}
		return jx_error_set(JX_EIO, "%s: 与 PostgreSQL 服务器的连接已中断，当前事务已由服务器回滚，须先回滚再继续",
				    c->display);
	}
	if (c->broken || PQstatus(c->pg) == CONNECTION_BAD) {
		if (pg_is_rollback(sql))
			return 1; /* nothing to roll back on a dead connection */
		PQreset(c->pg);
		pg_stmts_clear(c);
		if (PQstatus(c->pg) != CONNECTION_OK)
			return pg_connect_error(c->display, PQerrorMessage(c->pg));
		PQexitPipelineMode(c->pg);
		c->broken = false;
	}
	return 0;
}

/* Inside a transaction, an INSERT whose result nobody reads (the bulk of an import) is sent without waiting for
 * the server (libpq pipeline mode), which saves a round trip per row. Its error, if any, is reported by the next
 * statement that waits for the server (a query, COMMIT), which then fails without running: the transaction is
 * aborted on the server and the caller rolls it back, so nothing of it remains, as if the INSERT had failed. */
#define PG_PIPELINE_MAX 256 /* statements in flight before waiting, so neither side's socket buffer fills up */

static bool pg_pipelinable(const pg_conn *c, const char *sql, int nparams)
{
	if (nparams == 0 || strncmp(sql, "INSERT ", 7) != 0 || strstr(sql, "RETURNING"))
		return false;
	return c->pipelined || PQtransactionStatus(c->pg) == PQTRANS_INTRANS;
}

static int pg_exec_pipelined(pg_conn *c, const char *sql, int nparams, const char *const *params)
{
	char name[32];
	if (!c->pipelined) {
		/* Statements are prepared before entering pipeline mode (PQprepare waits for the server). */
		PGresult *err = NULL;
		int got = pg_stmt_get(c, sql, nparams, name, &err);
		if (got < 0) {
			int rc = pg_statement_error(c, err, true);
			PQclear(err);
			return rc;
		}
		if (got == 0) {
			PGresult *res = PQexecParams(c->pg, sql, nparams, NULL, params, NULL, NULL, 0);
			int rc = res && PQresultStatus(res) == PGRES_COMMAND_OK ? 0 : pg_statement_error(c, res, true);
			PQclear(res);
			return rc;
		}
		if (PQenterPipelineMode(c->pg) != 1)
			return pg_statement_error(c, NULL, true);
		c->pipelined = true;
	} else {
		/* Only statements already prepared go into a running pipeline; a new one waits for it first. */
		unsigned slot;
		bool found = pg_stmt_find(c, sql, name, &slot);
		if (!found) {
			int rc = pg_drain(c);
			if (rc)
				return rc;
			return pg_exec_pipelined(c, sql, nparams, params);
		}
	}
	if (PQsendQueryPrepared(c->pg, name, nparams, params, NULL, NULL, 0) != 1) {
		int rc = pg_statement_error(c, NULL, true);
		c->pipelined = false;
		c->pending = 0;
		c->broken = true;
		return rc;
	}
	if (++c->pending >= PG_PIPELINE_MAX)
		return pg_drain(c);
	return 0;
}

static int pg_exec(jx_conn *base, const char *sql, int nparams, const char *const *params)
{
	pg_conn *c = (pg_conn *)base;
	int rc = pg_prepare(c, sql);
	if (rc)
		return rc > 0 ? 0 : rc;
	if (pg_pipelinable(c, sql, nparams))
		return pg_exec_pipelined(c, sql, nparams, params);
	/* Everything else waits for the statements in flight; their error stops it (a ROLLBACK still runs). */
	rc = pg_drain(c);
	if (rc && !pg_is_rollback(sql))
		return rc;
	if (c->broken && pg_is_rollback(sql)) {
		c->lost_in_tx = false; /* the server has rolled it back with the connection */
		return 0;
	}
	bool was_in_tx = pg_in_tx(c);
	bool begin = nparams == 0 && strcmp(sql, "BEGIN") == 0;
	if (begin)
		sql = PG_BEGIN_WRITE;
	PGresult *res = NULL;
	if (nparams == 0) {
		/* Without parameters, PQexec runs a script of several statements (schema, migrations). */
		res = PQexec(c->pg, sql);
	} else {
		char name[32];
		int got = pg_stmt_get(c, sql, nparams, name, &res);
		if (got == 1)
			res = PQexecPrepared(c->pg, name, nparams, params, NULL, NULL, 0);
		else if (got == 0)
			res = PQexecParams(c->pg, sql, nparams, NULL, params, NULL, NULL, 0);
	}
	ExecStatusType st = res ? PQresultStatus(res) : PGRES_FATAL_ERROR;
	if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK || st == PGRES_EMPTY_QUERY)
		rc = 0;
	else if (st == PGRES_COPY_IN || st == PGRES_COPY_OUT || st == PGRES_COPY_BOTH)
		rc = jx_error_set(JX_EINVAL, "%s: 不支持 COPY 语句", c->display);
	else
		rc = pg_statement_error(c, res, was_in_tx);
	PQclear(res);
	if (rc && begin && !c->broken) {
		/* A failed BEGIN must not leave a transaction open: callers do not roll back what did not begin. */
		PQclear(PQexec(c->pg, "ROLLBACK"));
	}
	return rc;
}

static int pg_query(jx_conn *base, const char *sql, int nparams, const char *const *params, jx_conn_row_fn fn,
		    void *ud)
{
	pg_conn *c = (pg_conn *)base;
	int rc = pg_prepare(c, sql);
	if (rc)
		return rc > 0 ? 0 : rc;
	if ((rc = pg_drain(c)))
		return rc;
	bool was_in_tx = pg_in_tx(c);
	char name[32];
	int sent;
	if (nparams > 0) {
		PGresult *err = NULL;
		int got = pg_stmt_get(c, sql, nparams, name, &err);
		if (got < 0) {
			rc = pg_statement_error(c, err, was_in_tx);
			PQclear(err);
			return rc;
		}
		sent = got == 1 ? PQsendQueryPrepared(c->pg, name, nparams, params, NULL, NULL, 0)
				: PQsendQueryParams(c->pg, sql, nparams, NULL, params, NULL, NULL, 0);
	} else {
		sent = PQsendQueryParams(c->pg, sql, 0, NULL, NULL, NULL, NULL, 0);
	}
	if (!sent)
		return pg_statement_error(c, NULL, was_in_tx);
	/* Rows arrive one at a time so that a large export never holds the whole result in memory. */
	(void)PQsetSingleRowMode(c->pg);

	const char **values = NULL;
	int cap = 0;
	int stop = 0;
	PGresult *res;
	/* Bounded by the rows the server sends; every result must be consumed before the connection is reusable. */
	while ((res = PQgetResult(c->pg)) != NULL) {
		ExecStatusType st = PQresultStatus(res);
		if (st == PGRES_SINGLE_TUPLE || st == PGRES_TUPLES_OK) {
			int ncols = PQnfields(res);
			int nrows = PQntuples(res);
			if (ncols > cap) {
				const char **nv = realloc(values, (size_t)ncols * sizeof *values);
				if (!nv) {
					if (!rc)
						rc = jx_error_set(JX_ENOMEM, "内存不足");
					stop = 1;
				} else {
					values = nv;
					cap = ncols;
				}
			}
			for (int r = 0; r < nrows && !stop && !rc; r++) {
				for (int k = 0; k < ncols; k++)
					values[k] = PQgetisnull(res, r, k) ? NULL : PQgetvalue(res, r, k);
				int v = fn(ud, ncols, values);
				if (v) {
					stop = 1;
					rc = v;
				}
			}
		} else if (st != PGRES_COMMAND_OK && st != PGRES_EMPTY_QUERY) {
			/* After the callback stopped, its value is what the caller gets. */
			int e = pg_statement_error(c, res, was_in_tx);
			if (!stop)
				rc = e;
		}
		PQclear(res);
	}
	if (!rc && PQstatus(c->pg) == CONNECTION_BAD)
		rc = pg_statement_error(c, NULL, was_in_tx);
	free(values);
	return rc;
}

static void pg_close(jx_conn *base)
{
	pg_conn *c = (pg_conn *)base;
	PQfinish(c->pg);
	pg_stmts_clear(c);
	free(c->display);
	free(c);
}

/* Whole-store writers (migrations, findings, scores) take lock (27256, 1) exclusively (PG_BEGIN_WRITE). A keyed
 * writer (an import, keyed by its department) takes that lock shared and (27257, hashtext(key)) exclusively:
 * importers of different departments run side by side, those of one department queue (their read-then-write
 * steps need it, see above), and a whole-store writer waits for all of them. Readers take a REPEATABLE READ
 * snapshot and no lock. */
static int pg_begin(jx_conn *base, jx_conn_tx kind, const char *key)
{
	pg_conn *c = (pg_conn *)base;
	if (kind == JX_TX_READ)
		return pg_exec(base, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", 0, NULL);
	if (kind == JX_TX_WRITE)
		return pg_exec(base, "BEGIN", 0, NULL);
	const char *p[] = {key ? key : ""};
	int rc = pg_exec(base, "BEGIN; SET LOCAL lock_timeout = '60s'; SELECT pg_advisory_xact_lock_shared(27256, 1)", 0,
			 NULL);
	if (!rc)
		rc = pg_exec(base, "SELECT pg_advisory_xact_lock(27257, hashtext($1))", 1, p);
	if (!rc)
		rc = pg_exec(base, "SET LOCAL lock_timeout TO DEFAULT", 0, NULL);
	if (rc && !c->broken)
		PQclear(PQexec(c->pg, "ROLLBACK")); /* callers do not roll back what did not begin */
	return rc;
}

static const jx_conn_ops pg_ops = {pg_exec, pg_query, pg_close, pg_begin};

int jx_conn_open_pg(jx_conn **out, const char *conninfo)
{
	*out = NULL;
	if (!conninfo || !*conninfo)
		return jx_error_set(JX_EINVAL, "未指定 PostgreSQL 连接串");
	pg_conn *c = calloc(1, sizeof *c);
	char *display = pg_mask(conninfo);
	if (!c || !display) {
		free(c);
		free(display);
		return jx_error_set(JX_ENOMEM, "内存不足");
	}
	c->display = display;

	/* Earlier keywords are overridden by the expanded conninfo, so the user's own connect_timeout wins; the
	 * encoding comes last because all text in the store is UTF-8. */
	const char *keys[6];
	const char *vals[6];
	int k = 0;
	if (!getenv("PGCONNECT_TIMEOUT")) {
		keys[k] = "connect_timeout";
		vals[k++] = PG_CONNECT_TIMEOUT;
	}
	keys[k] = "application_name";
	vals[k++] = "jx";
	keys[k] = "dbname";
	vals[k++] = conninfo;
	keys[k] = "client_encoding";
	vals[k++] = "UTF8";
	keys[k] = NULL;
	vals[k] = NULL;

	c->pg = PQconnectdbParams(keys, vals, 1);
	if (!c->pg) {
		free(display);
		free(c);
		return jx_error_set(JX_ENOMEM, "内存不足");
	}
	if (PQstatus(c->pg) != CONNECTION_OK) {
		int rc = pg_connect_error(display, PQerrorMessage(c->pg));
		PQfinish(c->pg);
		free(display);
		free(c);
		return rc;
	}
	PQsetNoticeProcessor(c->pg, pg_notice_quiet, NULL);
	c->base.ops = &pg_ops;
	c->base.kind = JX_CONN_PG;
	c->base.target = c->display;
	*out = &c->base;
	return 0;
}
