/* test_pg.c: the PostgreSQL driver and its faults against private servers started by tests/pg/pg-server.sh. */
#include <inttypes.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "testutil.h"

#include "db/conn.h"
#include "jx/common.h"
#include "jx/db.h"
#include "jx/import.h"
#include "jx/model.h"

#ifndef JX_PG_SERVER
#define JX_PG_SERVER "tests/pg/pg-server.sh"
#endif

/* The private server of this test program (state directory and conninfo), started once in the group setup. */
static char srv_dir[64];
static char srv_conninfo[512];

/* State directories of the servers this program started, stopped again in the group teardown even when a
 * failed assertion skipped a test's own cleanup. */
static char srv_started[8][64];
static int srv_nstarted;

/* Runs `pg-server.sh CMD DIR`; for start/restart copies the printed conninfo into out. Returns the exit status. */
static int srv_run(const char *cmd, const char *dir, char *out, size_t cap)
{
	if (strcmp(cmd, "start") == 0 && srv_nstarted < 8)
		snprintf(srv_started[srv_nstarted++], sizeof srv_started[0], "%s", dir);
	char line[1024];
	snprintf(line, sizeof line, "'%s' %s '%s'", JX_PG_SERVER, cmd, dir);
	FILE *p = popen(line, "r");
	if (!p)
		return -1;
	char got[512] = "";
	if (!fgets(got, sizeof got, p))
		got[0] = '\0';
	int st = pclose(p);
	got[strcspn(got, "\n")] = '\0';
	if (out)
		snprintf(out, cap, "%s", got);
	return st;
}

static int group_setup(void **state)
{
	(void)state;
	snprintf(srv_dir, sizeof srv_dir, "/tmp/jx-test-pg.XXXXXX");
	if (!mkdtemp(srv_dir))
		return -1;
	if (srv_run("start", srv_dir, srv_conninfo, sizeof srv_conninfo) != 0 || !srv_conninfo[0]) {
		fprintf(stderr, "test_pg: cannot start a PostgreSQL server with %s\n", JX_PG_SERVER);
		return -1;
	}
	return 0;
}

static int group_teardown(void **state)
{
	(void)state;
	int rc = 0;
	for (int i = 0; i < srv_nstarted; i++) {
		srv_run("stop", srv_started[i], NULL, 0); /* a no-op for servers already stopped */
		char cmd[128];
		snprintf(cmd, sizeof cmd, "rm -rf '%s'", srv_started[i]);
		if (system(cmd) != 0)
			rc = -1;
	}
	return rc;
}

static jx_conn *open_ok(const char *conninfo)
{
	jx_conn *c = NULL;
	int rc = jx_conn_open(&c, conninfo);
	if (rc)
		fail_msg("cannot open %s: %s", conninfo, jx_error_last());
	assert_non_null(c);
	assert_int_equal(c->kind, JX_CONN_PG);
	return c;
}

static void exec_ok(jx_conn *c, const char *sql)
{
	int rc = jx_conn_exec(c, sql, 0, NULL);
	if (rc)
		fail_msg("%s: %s", sql, jx_error_last());
}

/* Collects the first column of the first row (or "<null>") and counts rows. */
typedef struct one_cell {
	char text[256];
	int rows;
} one_cell;

static int take_first(void *ud, int ncols, const char *const *v)
{
	one_cell *o = ud;
	if (o->rows++ == 0)
		snprintf(o->text, sizeof o->text, "%s", ncols > 0 && v[0] ? v[0] : "<null>");
	return 0;
}

static int64_t count_rows(jx_conn *c, const char *sql)
{
	one_cell o = {{0}, 0};
	int rc = jx_conn_query(c, sql, 0, NULL, take_first, &o);
	if (rc)
		fail_msg("%s: %s", sql, jx_error_last());
	assert_int_equal(o.rows, 1);
	return strtoll(o.text, NULL, 10);
}

static void test_dead_server(void **state)
{
	(void)state;
	/* A socket directory with no server in it: connection refused at once, with a clear message. */
	char dir[] = "/tmp/jx-test-pg-dead.XXXXXX";
	assert_non_null(mkdtemp(dir));
	char ci[256];
	snprintf(ci, sizeof ci, "host=%s port=5999 user=jx dbname=x password=s3cret connect_timeout=3", dir);
	jx_conn *c = (jx_conn *)1;
	int rc = jx_conn_open(&c, ci);
	assert_int_equal(rc, JX_EIO);
	assert_null(c);
	const char *m = jx_error_last();
	assert_non_null(strstr(m, "无法连接 PostgreSQL 服务器"));
	assert_non_null(strstr(m, "服务器未运行或拒绝连接"));
	assert_null(strstr(m, "s3cret")); /* the password never appears in a message */
	assert_non_null(strstr(m, "password=***"));

	/* The URL form goes to the same driver and masks the password too. */
	snprintf(ci, sizeof ci, "postgresql://jx:s3cret@/x?host=%s&port=5999", dir);
	rc = jx_conn_open(&c, ci);
	assert_int_equal(rc, JX_EIO);
	m = jx_error_last();
	assert_null(strstr(m, "s3cret"));
	assert_non_null(strstr(m, "postgresql://jx:***@/x?host="));
	assert_non_null(strstr(m, "无法连接 PostgreSQL 服务器"));
	snprintf(ci, sizeof ci, "postgres:///x?host=%s&port=5999&password=s3cret&user=jx", dir);
	assert_int_equal(jx_conn_open(&c, ci), JX_EIO);
	assert_null(strstr(jx_error_last(), "s3cret"));
	assert_non_null(strstr(jx_error_last(), "&password=***&user=jx"));
	snprintf(ci, sizeof ci, "host=%s port=5999 password='s3 cret' user=jx", dir);
	assert_int_equal(jx_conn_open(&c, ci), JX_EIO);
	assert_null(strstr(jx_error_last(), "s3 cret"));
	assert_null(strstr(jx_error_last(), " cret"));
	assert_non_null(strstr(jx_error_last(), "password=*** user=jx"));
	rmdir(dir);

	/* A database that does not exist on a running server. */
	char bad[600];
	snprintf(bad, sizeof bad, "%s dbname=no_such_db", srv_conninfo);
	rc = jx_conn_open(&c, bad);
	assert_int_equal(rc, JX_EIO);
	assert_non_null(strstr(jx_error_last(), "PostgreSQL 数据库不存在"));
	/* A bad conninfo keyword. */
	rc = jx_conn_open(&c, "host=/tmp bogus_key=1");
	assert_int_equal(rc, JX_EINVAL);
	assert_non_null(strstr(jx_error_last(), "连接参数无效"));
}

/* Row collector for the typed round trip. */
typedef struct rows3 {
	int n;
	char id[4][32];
	char name[4][64];
	char amount[4][32];
	bool amount_null[4];
	bool name_null[4];
} rows3;

static int take3(void *ud, int ncols, const char *const *v)
{
	rows3 *r = ud;
	assert_int_equal(ncols, 3);
	if (r->n >= 4)
		return 1;
	int i = r->n++;
	snprintf(r->id[i], sizeof r->id[i], "%s", v[0]);
	r->name_null[i] = v[1] == NULL;
	snprintf(r->name[i], sizeof r->name[i], "%s", v[1] ? v[1] : "");
	r->amount_null[i] = v[2] == NULL;
	snprintf(r->amount[i], sizeof r->amount[i], "%s", v[2] ? v[2] : "");
	return 0;
}

static void test_params_nulls_bigints(void **state)
{
	(void)state;
	jx_conn *c = open_ok(srv_conninfo);
	exec_ok(c, "DROP TABLE IF EXISTS t_params; CREATE TABLE t_params (id BIGINT PRIMARY KEY, name TEXT, "
		   "amount BIGINT)");
	const char *ins = "INSERT INTO t_params (id, name, amount) VALUES ($1, $2, $3)";
	const char *r1[] = {"1", "一般公共预算拨款收入", "9223372036854775807"};
	const char *r2[] = {"2", NULL, "-9223372036854775808"};
	const char *r3[] = {"3", "O'Brien; DROP TABLE t_params; --", NULL};
	assert_int_equal(jx_conn_exec(c, ins, 3, r1), 0);
	assert_int_equal(jx_conn_exec(c, ins, 3, r2), 0);
	assert_int_equal(jx_conn_exec(c, ins, 3, r3), 0);

	rows3 r;
	memset(&r, 0, sizeof r);
	assert_int_equal(jx_conn_query(c, "SELECT id, name, amount FROM t_params ORDER BY id", 0, NULL, take3, &r), 0);
	assert_int_equal(r.n, 3);
	assert_string_equal(r.name[0], "一般公共预算拨款收入");
	assert_string_equal(r.amount[0], "9223372036854775807");
	assert_true(r.name_null[1]);
	assert_string_equal(r.amount[1], "-9223372036854775808");
	assert_false(r.amount_null[1]);
	assert_string_equal(r.name[2], "O'Brien; DROP TABLE t_params; --");
	assert_true(r.amount_null[2]);

	/* Sums of fen stay exact in BIGINT arithmetic (no float on the way). */
	const char *p[] = {"9007199254740993"}; /* 2^53 + 1: a double would round it */
	assert_int_equal(jx_conn_exec(c, "UPDATE t_params SET amount = $1 WHERE id = 3", 1, p), 0);
	one_cell o = {{0}, 0};
	const char *q[] = {"3"};
	assert_int_equal(jx_conn_query(c, "SELECT amount + 1 FROM t_params WHERE id = $1", 1, q, take_first, &o), 0);
	assert_string_equal(o.text, "9007199254740994");

	/* A value that does not fit BIGINT is refused, not rounded. */
	const char *big[] = {"4", "x", "9223372036854775808"};
	assert_int_equal(jx_conn_exec(c, ins, 3, big), JX_EINVAL);
	assert_non_null(strstr(jx_error_last(), "数据无效或越界"));
	assert_int_equal(count_rows(c, "SELECT count(*) FROM t_params"), 3);
	jx_conn_close(c);
}

static void test_script_and_errors(void **state)
{
	(void)state;
	jx_conn *c = open_ok(srv_conninfo);
	/* A script of several statements runs with nparams 0. */
	exec_ok(c, "DROP TABLE IF EXISTS s_a; DROP TABLE IF EXISTS s_b;\n"
		   "CREATE TABLE s_a (x INTEGER);\nINSERT INTO s_a VALUES (1), (2), (3);\nCREATE TABLE s_b (y TEXT);");
	assert_int_equal(count_rows(c, "SELECT count(*) FROM s_a"), 3);
	assert_int_equal(count_rows(c, "SELECT count(*) FROM s_b"), 0);
	/* A failing script leaves nothing of itself behind (the server runs it as one implicit transaction). */
	assert_int_equal(jx_conn_exec(c, "CREATE TABLE s_c (z INTEGER); INSERT INTO s_c VALUES ('not a number')", 0,
				      NULL),
			 JX_EINVAL);
	assert_int_equal(count_rows(c, "SELECT count(*) FROM pg_tables WHERE tablename = 's_c'"), 0);
	/* Syntax errors and missing tables are named. */
	assert_int_equal(jx_conn_exec(c, "SELEKT 1", 0, NULL), JX_EINVAL);
	assert_non_null(strstr(jx_error_last(), "SQL 语句错误"));
	assert_int_equal(jx_conn_query(c, "SELECT * FROM no_such_table", 0, NULL, take_first, &(one_cell){{0}, 0}),
			 JX_EIO);
	assert_non_null(strstr(jx_error_last(), "表不存在"));
	jx_conn_close(c);
}

static void test_transactions(void **state)
{
	(void)state;
	jx_conn *c = open_ok(srv_conninfo);
	exec_ok(c, "DROP TABLE IF EXISTS t_tx; CREATE TABLE t_tx (id BIGINT PRIMARY KEY, v TEXT)");
	const char *ins = "INSERT INTO t_tx (id, v) VALUES ($1, $2)";
	const char *a[] = {"1", "a"}, *b[] = {"2", "b"}, *dup[] = {"1", "again"};

	/* Committed work stays. */
	assert_int_equal(jx_conn_begin(c), 0);
	assert_int_equal(jx_conn_exec(c, ins, 2, a), 0);
	assert_int_equal(jx_conn_commit(c), 0);

	/* A failed statement aborts the transaction: the next one is refused until ROLLBACK, which undoes it all. */
	assert_int_equal(jx_conn_begin(c), 0);
	assert_int_equal(jx_conn_exec(c, ins, 2, b), 0);
	assert_int_equal(jx_conn_exec(c, "UPDATE t_tx SET id = 1 WHERE id = 2", 0, NULL), JX_EIO);
	assert_non_null(strstr(jx_error_last(), "违反唯一约束"));
	const char *c3[] = {"3", "c"};
	assert_int_equal(jx_conn_query(c, "SELECT count(*) FROM t_tx", 0, NULL, take_first, &(one_cell){{0}, 0}),
			 JX_EIO);
	assert_non_null(strstr(jx_error_last(), "事务须回滚"));
	assert_int_equal(jx_conn_rollback(c), 0);
	assert_non_null(strstr(jx_error_last(), "事务须回滚")); /* rollback keeps the error that caused it */
	assert_int_equal(count_rows(c, "SELECT count(*) FROM t_tx"), 1);

	/* An INSERT inside a transaction is pipelined: its error comes from the next statement that waits for the
	 * server, here COMMIT, which then does not commit anything. */
	assert_int_equal(jx_conn_begin(c), 0);
	assert_int_equal(jx_conn_exec(c, ins, 2, b), 0);
	assert_int_equal(jx_conn_exec(c, ins, 2, c3), 0);
	int rc = jx_conn_exec(c, ins, 2, dup);
	if (rc == 0)
		rc = jx_conn_commit(c);
	assert_int_equal(rc, JX_EIO);
	assert_non_null(strstr(jx_error_last(), "违反唯一约束"));
	assert_int_equal(jx_conn_rollback(c), 0);
	assert_int_equal(count_rows(c, "SELECT count(*) FROM t_tx"), 1);
	/* A failed INSERT stops the statements after it too (they are not run). */
	assert_int_equal(jx_conn_begin(c), 0);
	assert_int_equal(jx_conn_exec(c, ins, 2, dup), 0);
	assert_int_equal(jx_conn_exec(c, ins, 2, c3), 0);
	assert_int_equal(jx_conn_query(c, "SELECT count(*) FROM t_tx", 0, NULL, take_first, &(one_cell){{0}, 0}),
			 JX_EIO);
	assert_non_null(strstr(jx_error_last(), "违反唯一约束"));
	assert_int_equal(jx_conn_rollback(c), 0);
	assert_int_equal(count_rows(c, "SELECT count(*) FROM t_tx"), 1);

	/* Many rows in one transaction (more than one pipeline batch) all arrive. */
	assert_int_equal(jx_conn_begin(c), 0);
	for (int i = 100; i < 1100; i++) {
		char id[16];
		snprintf(id, sizeof id, "%d", i);
		const char *row[] = {id, "批量"};
		assert_int_equal(jx_conn_exec(c, ins, 2, row), 0);
	}
	assert_int_equal(jx_conn_commit(c), 0);
	assert_int_equal(count_rows(c, "SELECT count(*) FROM t_tx WHERE v = '批量'"), 1000);
	exec_ok(c, "DELETE FROM t_tx WHERE v = '批量'");

	/* Explicit rollback of good work. */
	assert_int_equal(jx_conn_begin(c), 0);
	assert_int_equal(jx_conn_exec(c, ins, 2, b), 0);
	assert_int_equal(count_rows(c, "SELECT count(*) FROM t_tx"), 2);
	assert_int_equal(jx_conn_rollback(c), 0);
	assert_int_equal(count_rows(c, "SELECT count(*) FROM t_tx"), 1);
	jx_conn_close(c);
}

static int stop_after_two(void *ud, int ncols, const char *const *v)
{
	(void)ncols;
	(void)v;
	int *n = ud;
	return ++*n == 2 ? 7 : 0;
}

static void test_query_stop_and_stream(void **state)
{
	(void)state;
	jx_conn *c = open_ok(srv_conninfo);
	int n = 0;
	/* The callback's value comes back, and the connection stays usable after the rest is drained. */
	assert_int_equal(jx_conn_query(c, "SELECT g FROM generate_series(1, 200000) g", 0, NULL, stop_after_two, &n), 7);
	assert_int_equal(n, 2);
	assert_int_equal(count_rows(c, "SELECT 41 + 1"), 42);
	/* A large result is streamed row by row. */
	one_cell o = {{0}, 0};
	assert_int_equal(jx_conn_query(c, "SELECT g::text FROM generate_series(1, 300000) g", 0, NULL, take_first, &o), 0);
	assert_int_equal(o.rows, 300000);
	assert_string_equal(o.text, "1");
	jx_conn_close(c);
}

static void backend_pid(jx_conn *c, char *pid, size_t cap)
{
	one_cell o = {{0}, 0};
	assert_int_equal(jx_conn_query(c, "SELECT pg_backend_pid()", 0, NULL, take_first, &o), 0);
	snprintf(pid, cap, "%s", o.text);
}

static void test_terminated_mid_transaction(void **state)
{
	(void)state;
	jx_conn *a = open_ok(srv_conninfo);
	jx_conn *admin = open_ok(srv_conninfo);
	exec_ok(admin, "DROP TABLE IF EXISTS t_kill; CREATE TABLE t_kill (id BIGINT PRIMARY KEY)");
	char pid[256];
	backend_pid(a, pid, sizeof pid);

	assert_int_equal(jx_conn_begin(a), 0);
	const char *one[] = {"1"}, *two[] = {"2"};
	assert_int_equal(jx_conn_exec(a, "INSERT INTO t_kill VALUES ($1)", 1, one), 0);
	const char *p[] = {pid};
	one_cell o = {{0}, 0};
	assert_int_equal(jx_conn_query(admin, "SELECT pg_terminate_backend($1::int)", 1, p, take_first, &o), 0);
	assert_string_equal(o.text, "t");

	/* The transaction fails with a clear message: the next INSERT (sent without waiting) or the COMMIT … */
	int rc = jx_conn_exec(a, "INSERT INTO t_kill VALUES ($1)", 1, two);
	if (rc == 0)
		rc = jx_conn_commit(a);
	assert_int_equal(rc, JX_EIO);
	const char *m = jx_error_last();
	if (!strstr(m, "终止了本连接") && !strstr(m, "连接中断"))
		fail_msg("unexpected message: %s", m);
	/* … and so does every later one until the caller rolls back: no silent reconnect in autocommit. */
	assert_int_equal(jx_conn_exec(a, "INSERT INTO t_kill VALUES ($1)", 1, two), JX_EIO);
	assert_non_null(strstr(jx_error_last(), "须先回滚"));
	assert_int_equal(jx_conn_commit(a), JX_EIO);
	assert_int_equal(jx_conn_rollback(a), 0);
	assert_int_equal(count_rows(admin, "SELECT count(*) FROM t_kill"), 0);

	/* After the rollback, the handle reconnects by itself. */
	assert_int_equal(jx_conn_exec(a, "INSERT INTO t_kill VALUES ($1)", 1, two), 0);
	assert_int_equal(count_rows(admin, "SELECT count(*) FROM t_kill"), 1);
	char pid2[256];
	backend_pid(a, pid2, sizeof pid2);
	assert_string_not_equal(pid, pid2);
	jx_conn_close(a);
	jx_conn_close(admin);
}

static void test_server_stops_mid_transaction(void **state)
{
	(void)state;
	/* A second private server, stopped abruptly in the middle of a transaction and started again. */
	char dir[] = "/tmp/jx-test-pg2.XXXXXX";
	assert_non_null(mkdtemp(dir));
	char ci[512];
	assert_int_equal(srv_run("start", dir, ci, sizeof ci), 0);
	jx_conn *a = open_ok(ci);
	exec_ok(a, "CREATE TABLE t_crash (id BIGINT PRIMARY KEY); INSERT INTO t_crash VALUES (1)");
	assert_int_equal(jx_conn_begin(a), 0);
	const char *two[] = {"2"}, *three[] = {"3"};
	assert_int_equal(jx_conn_exec(a, "INSERT INTO t_crash VALUES ($1)", 1, two), 0);

	assert_int_equal(srv_run("kill", dir, NULL, 0), 0);
	int rc = jx_conn_exec(a, "INSERT INTO t_crash VALUES ($1)", 1, three);
	if (rc == 0)
		rc = jx_conn_commit(a);
	assert_int_equal(rc, JX_EIO);
	const char *m = jx_error_last();
	if (!strstr(m, "连接中断") && !strstr(m, "终止了本连接"))
		fail_msg("unexpected message: %s", m);
	assert_int_equal(jx_conn_rollback(a), 0);

	/* While it is down, a new connection and the old handle both say so. */
	jx_conn *b = NULL;
	assert_int_equal(jx_conn_open(&b, ci), JX_EIO);
	assert_non_null(strstr(jx_error_last(), "无法连接 PostgreSQL 服务器"));
	assert_int_equal(jx_conn_exec(a, "SELECT 1", 0, NULL), JX_EIO);
	assert_non_null(strstr(jx_error_last(), "无法连接 PostgreSQL 服务器"));

	/* After the restart only the committed row is there. */
	char ci2[512];
	assert_int_equal(srv_run("restart", dir, ci2, sizeof ci2), 0);
	assert_string_equal(ci, ci2);
	assert_int_equal(count_rows(a, "SELECT count(*) FROM t_crash"), 1);
	assert_int_equal(count_rows(a, "SELECT max(id) FROM t_crash"), 1);
	jx_conn_close(a);
	assert_int_equal(srv_run("stop", dir, NULL, 0), 0);
	rmdir(dir);
}

static void test_lock_and_serialization(void **state)
{
	(void)state;
	jx_conn *a = open_ok(srv_conninfo);
	jx_conn *b = open_ok(srv_conninfo);
	exec_ok(a, "DROP TABLE IF EXISTS t_lock; CREATE TABLE t_lock (id BIGINT PRIMARY KEY, v BIGINT);"
		   "INSERT INTO t_lock VALUES (1, 10)");

	/* A writer that waits too long for a lock gets a message saying so. */
	exec_ok(a, "BEGIN; LOCK TABLE t_lock IN ACCESS EXCLUSIVE MODE");
	exec_ok(b, "SET lock_timeout = '200ms'");
	assert_int_equal(jx_conn_exec(b, "UPDATE t_lock SET v = 11 WHERE id = 1", 0, NULL), JX_EIO);
	assert_non_null(strstr(jx_error_last(), "等待锁超时"));
	assert_int_equal(jx_conn_rollback(a), 0);

	/* A repeatable-read transaction that loses a race: serialization failure, retry advised. */
	exec_ok(a, "BEGIN ISOLATION LEVEL REPEATABLE READ");
	assert_int_equal(count_rows(a, "SELECT v FROM t_lock WHERE id = 1"), 10);
	exec_ok(b, "UPDATE t_lock SET v = 12 WHERE id = 1");
	assert_int_equal(jx_conn_exec(a, "UPDATE t_lock SET v = 13 WHERE id = 1", 0, NULL), JX_EIO);
	assert_non_null(strstr(jx_error_last(), "串行化失败"));
	assert_non_null(strstr(jx_error_last(), "请重试"));
	assert_int_equal(jx_conn_rollback(a), 0);
	assert_int_equal(count_rows(a, "SELECT v FROM t_lock WHERE id = 1"), 12);
	jx_conn_close(a);
	jx_conn_close(b);
}

/* ---- the store (include/jx/db.h) on PostgreSQL ---- */

/* Makes an empty database `name` on the server of `conninfo` and returns its conninfo in out. */
static void fresh_database(const char *conninfo, const char *name, char *out, size_t cap)
{
	jx_conn *admin = open_ok(conninfo);
	char sql[256];
	snprintf(sql, sizeof sql, "DROP DATABASE IF EXISTS %s", name);
	exec_ok(admin, sql);
	snprintf(sql, sizeof sql, "CREATE DATABASE %s", name);
	exec_ok(admin, sql);
	jx_conn_close(admin);
	snprintf(out, cap, "%s dbname=%s", conninfo, name);
}

static jx_pkg *seed_pkg(const char *prefix)
{
	char *path = tu_seed_path(prefix);
	jx_pkg *pkg = NULL;
	if (jx_import_file(&pkg, path, NULL))
		fail_msg("%s: %s", path, jx_error_last());
	free(path);
	assert_non_null(pkg->dept.name);
	return pkg;
}

static jx_db *db_open_ok(const char *target)
{
	jx_db *db = NULL;
	if (jx_db_open(&db, target))
		fail_msg("jx_db_open %s: %s", target, jx_error_last());
	assert_string_equal(jx_db_backend(db), "postgresql");
	return db;
}

static void test_db_newer_schema(void **state)
{
	(void)state;
	char ci[700];
	fresh_database(srv_conninfo, "jx_schema", ci, sizeof ci);
	jx_db *db = db_open_ok(ci);
	int v = 0;
	assert_int_equal(jx_db_schema_version(db, &v), 0);
	assert_int_equal(v, JX_DB_SCHEMA_VERSION);
	jx_db_close(db);
	/* Opening it again does not migrate twice. */
	db = db_open_ok(ci);
	jx_db_close(db);
	jx_conn *c = open_ok(ci);
	assert_int_equal(count_rows(c, "SELECT count(*) FROM schema_version"), JX_DB_SCHEMA_VERSION);
	/* A later jx wrote version 99: this one refuses the database instead of misreading it. */
	exec_ok(c, "INSERT INTO schema_version (version) VALUES (99)");
	jx_db *db2 = NULL;
	assert_int_equal(jx_db_open(&db2, ci), JX_EFORMAT);
	assert_null(db2);
	const char *m = jx_error_last();
	assert_non_null(strstr(m, "99"));
	assert_non_null(strstr(m, "版本"));
	assert_null(strstr(m, "s3cret"));
	assert_int_equal(count_rows(c, "SELECT max(version) FROM schema_version"), 99);
	jx_conn_close(c);
}

/* Several processes opening a brand-new database at the same moment (a bureau's clerks starting jx against an
 * empty shared store): each must find or create the schema, none may fail on the others' DDL, and the schema is
 * created once. */
static void test_db_concurrent_first_open(void **state)
{
	(void)state;
	enum { N = 6, ROUNDS = 4 };
	for (int round = 0; round < ROUNDS; round++) {
		char ci[700];
		fresh_database(srv_conninfo, "jx_first_open", ci, sizeof ci);
		char what[32];
		snprintf(what, sizeof what, "round %d", round);
		tu_open_concurrently(ci, N, what);
		jx_conn *c = open_ok(ci);
		assert_int_equal(count_rows(c, "SELECT count(*) FROM schema_version"), JX_DB_SCHEMA_VERSION);
		jx_conn_close(c);
	}
}

/* An import running on its own thread (each jx_db handle is used by one thread only). */
typedef struct importer {
	jx_db *db;
	const jx_pkg *pkg;
	int rc;
	jx_db_import_result res;
	char msg[1024];
} importer;

static void *import_thread(void *arg)
{
	importer *im = arg;
	im->rc = jx_db_import(im->db, im->pkg, &im->res);
	snprintf(im->msg, sizeof im->msg, "%s", im->rc ? jx_error_last() : "");
	return NULL;
}

/* Waits (up to 20 s) until `want` backends other than admin's wait on a lock; returns the pid of one of them. */
static long wait_for_lock_waiters(jx_conn *admin, int want)
{
	for (int i = 0; i < 400; i++) {
		one_cell o = {{0}, 0};
		assert_int_equal(jx_conn_query(admin,
					       "SELECT count(*), max(pid) FROM pg_stat_activity WHERE datname = "
					       "current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()",
					       0, NULL, take_first, &o),
				 0);
		if (strtol(o.text, NULL, 10) >= want) {
			one_cell p = {{0}, 0};
			assert_int_equal(jx_conn_query(admin,
						       "SELECT max(pid) FROM pg_stat_activity WHERE datname = "
						       "current_database() AND wait_event_type = 'Lock' AND pid <> "
						       "pg_backend_pid()",
						       0, NULL, take_first, &p),
					 0);
			return strtol(p.text, NULL, 10);
		}
		usleep(50 * 1000);
	}
	fail_msg("no importer waited for the lock");
	return 0;
}

/* Nothing of a package may be left: every table of the package's rows is empty. */
static void assert_no_package_rows(jx_conn *c)
{
	assert_int_equal(count_rows(c, "SELECT count(*) FROM packages"), 0);
	assert_int_equal(count_rows(c, "SELECT count(*) FROM projects"), 0);
	assert_int_equal(count_rows(c, "SELECT count(*) FROM indicators"), 0);
	assert_int_equal(count_rows(c, "SELECT count(*) FROM sources"), 0);
}

static void test_db_backend_terminated_mid_import(void **state)
{
	(void)state;
	char ci[700];
	fresh_database(srv_conninfo, "jx_term", ci, sizeof ci);
	jx_pkg *pkg = seed_pkg("004");
	jx_db *db = db_open_ok(ci);
	jx_conn *admin = open_ok(ci);
	/* Hold the indicators table so that the import stops half-way (package and projects already written). */
	exec_ok(admin, "BEGIN; LOCK TABLE indicators IN ACCESS EXCLUSIVE MODE");
	importer im = {db, pkg, 0, {0, 0, 0}, ""};
	pthread_t th;
	assert_int_equal(pthread_create(&th, NULL, import_thread, &im), 0);
	long pid = wait_for_lock_waiters(admin, 1);
	char ps[32];
	snprintf(ps, sizeof ps, "%ld", pid);
	const char *p[] = {ps};
	one_cell o = {{0}, 0};
	assert_int_equal(jx_conn_query(admin, "SELECT pg_terminate_backend($1::int)", 1, p, take_first, &o), 0);
	assert_string_equal(o.text, "t");
	pthread_join(th, NULL);
	assert_int_equal(jx_conn_rollback(admin), 0);

	assert_int_equal(im.rc, JX_EIO);
	if (!strstr(im.msg, "终止了本连接") && !strstr(im.msg, "连接中断"))
		fail_msg("unexpected message: %s", im.msg);
	assert_no_package_rows(admin);

	/* The same handle imports again once the server is back to normal: exactly one package. */
	jx_db_import_result res;
	if (jx_db_import(db, pkg, &res))
		fail_msg("re-import: %s", jx_error_last());
	assert_int_equal(res.replaced, 0);
	assert_true(res.rows > 10);
	assert_int_equal(count_rows(admin, "SELECT count(*) FROM packages"), 1);
	jx_conn_close(admin);
	jx_db_close(db);
	jx_pkg_free(pkg);
}

static void test_db_server_stops_mid_import(void **state)
{
	(void)state;
	char dir[] = "/tmp/jx-test-pg3.XXXXXX";
	assert_non_null(mkdtemp(dir));
	char ci[512];
	assert_int_equal(srv_run("start", dir, ci, sizeof ci), 0);
	jx_pkg *pkg = seed_pkg("003");
	jx_db *db = db_open_ok(ci);
	jx_conn *admin = open_ok(ci);
	exec_ok(admin, "BEGIN; LOCK TABLE indicators IN ACCESS EXCLUSIVE MODE");
	importer im = {db, pkg, 0, {0, 0, 0}, ""};
	pthread_t th;
	assert_int_equal(pthread_create(&th, NULL, import_thread, &im), 0);
	(void)wait_for_lock_waiters(admin, 1);
	/* The server goes away (immediate shutdown, as in a crash) while the import waits half-way. */
	assert_int_equal(srv_run("kill", dir, NULL, 0), 0);
	pthread_join(th, NULL);
	jx_conn_close(admin);
	assert_int_equal(im.rc, JX_EIO);
	if (!strstr(im.msg, "终止了本连接") && !strstr(im.msg, "连接中断"))
		fail_msg("unexpected message: %s", im.msg);

	/* While the server is down: a clear message, and still no partial write possible. */
	assert_int_equal(jx_db_import(db, pkg, NULL), JX_EIO);
	assert_non_null(strstr(jx_error_last(), "无法连接 PostgreSQL 服务器"));

	/* After the restart, nothing of the interrupted import is there, and the import can be done again. */
	char ci2[512];
	assert_int_equal(srv_run("restart", dir, ci2, sizeof ci2), 0);
	admin = open_ok(ci2);
	assert_no_package_rows(admin);
	jx_db_import_result res;
	if (jx_db_import(db, pkg, &res))
		fail_msg("import after restart: %s", jx_error_last());
	assert_int_equal(count_rows(admin, "SELECT count(*) FROM packages"), 1);
	jx_conn_close(admin);
	jx_db_close(db);
	jx_pkg_free(pkg);
	assert_int_equal(srv_run("stop", dir, NULL, 0), 0);
	rmdir(dir);
}

/* A whole-store write transaction begun and committed on its own thread. */
typedef struct writer {
	jx_conn *c;
	int rc;
} writer;

static void *begin_thread(void *arg)
{
	writer *w = arg;
	w->rc = jx_conn_begin(w->c);
	if (!w->rc)
		w->rc = jx_conn_commit(w->c);
	return NULL;
}

/* Importers of different departments do not wait for each other; one of the same department does, and so does a
 * whole-store writer (storing findings). The admin connection stands in for an importer of seed 004's department
 * that holds its locks (the shared store lock and its department's key, as pg.c's keyed BEGIN takes them). */
static void test_db_departments_in_parallel(void **state)
{
	(void)state;
	char ci[700];
	fresh_database(srv_conninfo, "jx_parallel", ci, sizeof ci);
	jx_pkg *busy = seed_pkg("004"), *other = seed_pkg("003");
	jx_db *d1 = db_open_ok(ci), *d2 = db_open_ok(ci);
	jx_conn *admin = open_ok(ci);
	exec_ok(admin, "BEGIN TRANSACTION"); /* not "BEGIN", which the driver makes a whole-store write */
	assert_int_equal(jx_conn_exec(admin, "SELECT pg_advisory_xact_lock_shared(27256, 1)", 0, NULL), 0);
	const char *key[] = {busy->dept.name};
	assert_int_equal(jx_conn_exec(admin, "SELECT pg_advisory_xact_lock(27257, hashtext($1))", 1, key), 0);
	/* Another department: goes through at once. */
	if (jx_db_import(d1, other, NULL))
		fail_msg("other department: %s", jx_error_last());
	/* The same department: waits until the holder is done. */
	importer same = {d2, busy, 0, {0, 0, 0}, ""};
	pthread_t t;
	assert_int_equal(pthread_create(&t, NULL, import_thread, &same), 0);
	(void)wait_for_lock_waiters(admin, 1);
	assert_int_equal(count_rows(admin, "SELECT count(*) FROM packages"), 1);
	exec_ok(admin, "COMMIT");
	pthread_join(t, NULL);
	if (same.rc)
		fail_msg("same department: %s", same.msg);
	assert_int_equal(count_rows(admin, "SELECT count(*) FROM packages"), 2);
	/* A whole-store writer waits for a keyed writer. */
	exec_ok(admin, "BEGIN TRANSACTION");
	assert_int_equal(jx_conn_exec(admin, "SELECT pg_advisory_xact_lock_shared(27256, 1)", 0, NULL), 0);
	writer wr = {open_ok(ci), -1};
	assert_int_equal(pthread_create(&t, NULL, begin_thread, &wr), 0);
	(void)wait_for_lock_waiters(admin, 1);
	exec_ok(admin, "COMMIT");
	pthread_join(t, NULL);
	assert_int_equal(wr.rc, 0);
	jx_conn_close(wr.c);
	/* An export reads a snapshot and does not wait for a writer, even one of the whole store. */
	exec_ok(admin, "BEGIN"); /* the driver's whole-store write lock */
	jx_pkg *back = NULL;
	if (jx_db_export(d1, busy->dept.name, &back))
		fail_msg("export while a writer holds the store: %s", jx_error_last());
	assert_int_equal(back->projects.n, busy->projects.n);
	jx_pkg_free(back);
	exec_ok(admin, "COMMIT");
	jx_conn_close(admin);
	jx_db_close(d1);
	jx_db_close(d2);
	jx_pkg_free(busy);
	jx_pkg_free(other);
}

/* Two importers of the same department-year, released at the same moment: the second waits for the first
 * (PostgreSQL's equivalent of SQLite's write lock, see pg.c) and then replaces its package; never two packages. */
static void two_importers(const char *dbname, jx_pkg *pkg, bool existing_department)
{
	char ci[700];
	fresh_database(srv_conninfo, dbname, ci, sizeof ci);
	jx_db *d1 = db_open_ok(ci);
	jx_db *d2 = db_open_ok(ci);
	jx_conn *admin = open_ok(ci);
	int64_t earlier = 0;
	if (existing_department) {
		/* An earlier year of the department (with another content hash) is already stored. */
		int year = pkg->year;
		const char *hash = pkg->sources.v[0].sha256;
		pkg->year = year - 1;
		pkg->sources.v[0].sha256 = "0000000000000000000000000000000000000000000000000000000000000001";
		if (jx_db_import(d1, pkg, NULL))
			fail_msg("first import: %s", jx_error_last());
		pkg->year = year;
		pkg->sources.v[0].sha256 = hash;
		earlier = 1;
	}
	assert_int_equal(count_rows(admin, "SELECT count(*) FROM packages"), earlier);
	/* Hold the packages table so that both importers are under way before either can write a package. */
	exec_ok(admin, "BEGIN; LOCK TABLE packages IN EXCLUSIVE MODE");
	importer a = {d1, pkg, 0, {0, 0, 0}, ""}, b = {d2, pkg, 0, {0, 0, 0}, ""};
	pthread_t ta, tb;
	assert_int_equal(pthread_create(&ta, NULL, import_thread, &a), 0);
	assert_int_equal(pthread_create(&tb, NULL, import_thread, &b), 0);
	(void)wait_for_lock_waiters(admin, 2);
	exec_ok(admin, "COMMIT");
	pthread_join(ta, NULL);
	pthread_join(tb, NULL);
	if (a.rc || b.rc)
		fail_msg("importers: %d \"%s\" / %d \"%s\"", a.rc, a.msg, b.rc, b.msg);
	/* One replaced the other. */
	assert_int_equal(a.res.replaced + b.res.replaced, 1);
	assert_int_not_equal(a.res.package_id, b.res.package_id);
	char ys[16];
	snprintf(ys, sizeof ys, "%d", pkg->year);
	const char *p[] = {ys};
	one_cell o = {{0}, 0};
	assert_int_equal(jx_conn_query(admin, "SELECT count(*) FROM packages WHERE year = $1", 1, p, take_first, &o), 0);
	if (strcmp(o.text, "1") != 0)
		fail_msg("%s packages of one department-year", o.text);
	assert_int_equal(count_rows(admin, "SELECT count(*) FROM packages"), earlier + 1);
	assert_int_equal(count_rows(admin, "SELECT count(*) FROM departments"), 1);
	/* The surviving package is complete: as many projects as the document has. */
	assert_int_equal(count_rows(admin, "SELECT count(*) FROM projects WHERE package_id = (SELECT max(id) FROM "
					   "packages)"),
			 (int64_t)pkg->projects.n);
	jx_conn_close(admin);
	jx_db_close(d1);
	jx_db_close(d2);
}

static void test_db_two_importers(void **state)
{
	(void)state;
	jx_pkg *pkg = seed_pkg("004");
	two_importers("jx_two_new", pkg, false);
	jx_pkg_free(pkg);
}

static void test_db_two_importers_known_department(void **state)
{
	(void)state;
	jx_pkg *pkg = seed_pkg("002");
	two_importers("jx_two_known", pkg, true);
	jx_pkg_free(pkg);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dead_server),
		cmocka_unit_test(test_params_nulls_bigints),
		cmocka_unit_test(test_script_and_errors),
		cmocka_unit_test(test_transactions),
		cmocka_unit_test(test_query_stop_and_stream),
		cmocka_unit_test(test_terminated_mid_transaction),
		cmocka_unit_test(test_server_stops_mid_transaction),
		cmocka_unit_test(test_lock_and_serialization),
		cmocka_unit_test(test_db_newer_schema),
		cmocka_unit_test(test_db_concurrent_first_open),
		cmocka_unit_test(test_db_backend_terminated_mid_import),
		cmocka_unit_test(test_db_server_stops_mid_import),
		cmocka_unit_test(test_db_departments_in_parallel),
		cmocka_unit_test(test_db_two_importers),
		cmocka_unit_test(test_db_two_importers_known_department),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
