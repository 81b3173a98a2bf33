/* test_db.c: the store, one suite run against SQLite always and against PostgreSQL when JX_TEST_PG holds a
 * conninfo (each test on a fresh database: a new SQLite file, or a new PostgreSQL schema on the search path). */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "testutil.h"

#include "db/conn.h"
#include "db/db_int.h"
#include "jx/check.h"
#include "jx/common.h"
#include "jx/db.h"
#include "jx/eval.h"
#include "jx/import.h"
#include "jx/json.h"
#include "jx/model.h"

static const char *pg_conninfo; /* NULL: SQLite */
static char tmpdir[64];
static int counter;

typedef struct fx {
	char target[1400]; /* what jx_db_open is given */
	char schema[64];   /* PostgreSQL schema of this test */
	jx_db *db;
} fx;

static bool is_pg(void)
{
	return pg_conninfo != NULL;
}

static int setup(void **state)
{
	fx *f = calloc(1, sizeof *f);
	if (!f)
		return -1;
	counter++;
	if (is_pg()) {
		snprintf(f->schema, sizeof f->schema, "jx_t%d_%d", (int)getpid(), counter);
		jx_conn *c = NULL;
		if (jx_conn_open(&c, pg_conninfo)) {
			fprintf(stderr, "%s\n", jx_error_last());
			free(f);
			return -1;
		}
		char sql[256];
		snprintf(sql, sizeof sql, "DROP SCHEMA IF EXISTS %s CASCADE; CREATE SCHEMA %s;", f->schema, f->schema);
		int rc = jx_conn_exec(c, sql, 0, NULL);
		jx_conn_close(c);
		if (rc) {
			free(f);
			return -1;
		}
		snprintf(f->target, sizeof f->target, "%s options='-csearch_path=%s'", pg_conninfo, f->schema);
	} else {
		snprintf(f->target, sizeof f->target, "%s/t%d.db", tmpdir, counter);
	}
	if (jx_db_open(&f->db, f->target)) {
		fprintf(stderr, "%s\n", jx_error_last());
		free(f);
		return -1;
	}
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	fx *f = *state;
	jx_db_close(f->db);
	if (is_pg()) {
		jx_conn *c = NULL;
		if (!jx_conn_open(&c, pg_conninfo)) {
			char sql[128];
			snprintf(sql, sizeof sql, "DROP SCHEMA IF EXISTS %s CASCADE", f->schema);
			jx_conn_exec(c, sql, 0, NULL);
			jx_conn_close(c);
		}
	} else {
		char p[1500];
		unlink(f->target);
		snprintf(p, sizeof p, "%s-wal", f->target);
		unlink(p);
		snprintf(p, sizeof p, "%s-shm", f->target);
		unlink(p);
	}
	free(f);
	return 0;
}

static jx_pkg *load_seed(const char *prefix)
{
	char *path = tu_seed_path(prefix);
	jx_pkg *pkg = NULL;
	assert_int_equal(jx_import_file(&pkg, path, NULL), 0);
	free(path);
	return pkg;
}

static jx_pkg *load_example(const char *name)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%s", JX_EXAMPLES_DIR, name);
	jx_pkg *pkg = NULL;
	assert_int_equal(jx_import_file(&pkg, path, NULL), 0);
	return pkg;
}

/* Row count of one table. */
static int64_t count_rows(jx_db *db, const char *table)
{
	jx_db_table *t = NULL;
	assert_int_equal(jx_db_counts(db, &t), 0);
	int64_t n = -1;
	for (size_t r = 0; r < t->nrows; r++)
		if (!strcmp(jx_db_cell(t, r, 0), table))
			n = strtoll(jx_db_cell(t, r, 1), NULL, 10);
	jx_db_table_free(t);
	assert_true(n >= 0);
	return n;
}

static int64_t import_ok(jx_db *db, jx_pkg *pkg, int want_replaced)
{
	jx_db_import_result res = {0, -1, 0};
	int rc = jx_db_import(db, pkg, &res);
	if (rc)
		fprintf(stderr, "import: %s\n", jx_error_last());
	assert_int_equal(rc, 0);
	assert_int_equal(res.replaced, want_replaced);
	assert_true(res.package_id > 0);
	assert_true(res.rows > 1);
	return res.package_id;
}

static void assert_round_trip(jx_db *db, jx_pkg *pkg)
{
	int64_t id = import_ok(db, pkg, 0);
	char ref[24];
	snprintf(ref, sizeof ref, "%lld", (long long)id);
	jx_pkg *back = NULL;
	int rc = jx_db_export(db, ref, &back);
	if (rc)
		fprintf(stderr, "export: %s\n", jx_error_last());
	assert_int_equal(rc, 0);
	char *a = NULL, *b = NULL;
	assert_int_equal(jx_pkg_to_json(pkg, 0, &a, NULL), 0);
	assert_int_equal(jx_pkg_to_json(back, 0, &b, NULL), 0);
	assert_string_equal(b, a);
	free(a);
	free(b);
	jx_pkg_free(back);
}

static void test_round_trip_seeds(void **state)
{
	fx *f = *state;
	static const char *const seeds[] = {"000", "001", "002", "003", "004"};
	for (size_t i = 0; i < 5; i++) {
		jx_pkg *pkg = load_seed(seeds[i]);
		assert_round_trip(f->db, pkg);
		jx_pkg_free(pkg);
	}
	assert_int_equal(count_rows(f->db, "packages"), 5);
}

static void test_round_trip_examples(void **state)
{
	fx *f = *state;
	static const char *const ex[] = {"qingshan-2025.json"};
	for (size_t i = 0; i < sizeof ex / sizeof ex[0]; i++) {
		jx_pkg *pkg = load_example(ex[i]);
		assert_round_trip(f->db, pkg);
		jx_pkg_free(pkg);
	}
	/* The text form of the same example is a different document of the same department and year: it replaces
	 * the JSON one, and still round-trips. */
	jx_pkg *txt = load_example("qingshan-2025-targets.txt");
	jx_db_import_result res;
	assert_int_equal(jx_db_import(f->db, txt, &res), 0);
	assert_int_equal(res.replaced, 1);
	jx_pkg *back = NULL;
	assert_int_equal(jx_db_export(f->db, "青山县残疾人联合会:2025", &back), 0);
	char *a = NULL, *b = NULL;
	assert_int_equal(jx_pkg_to_json(txt, 0, &a, NULL), 0);
	assert_int_equal(jx_pkg_to_json(back, 0, &b, NULL), 0);
	assert_string_equal(b, a);
	free(a);
	free(b);
	jx_pkg_free(back);
	jx_pkg_free(txt);
	assert_int_equal(count_rows(f->db, "packages"), 1);
}

static void test_reimport_replaces(void **state)
{
	fx *f = *state;
	jx_pkg *pkg = load_seed("000");
	int64_t id1 = import_ok(f->db, pkg, 0);
	int64_t projects = count_rows(f->db, "projects"), indicators = count_rows(f->db, "indicators");
	assert_int_equal(projects, 12);
	assert_int_equal(indicators, 78);
	int64_t id2 = import_ok(f->db, pkg, 1);
	assert_true(id2 != id1);
	assert_int_equal(count_rows(f->db, "packages"), 1);
	assert_int_equal(count_rows(f->db, "projects"), 12);
	assert_int_equal(count_rows(f->db, "indicators"), 78);
	assert_int_equal(count_rows(f->db, "departments"), 1);
	/* The old id is gone, the new one is found by id and by content hash prefix. */
	char ref[24];
	int64_t got = 0;
	snprintf(ref, sizeof ref, "%lld", (long long)id1);
	assert_int_equal(jx_db_find_package(f->db, ref, &got), JX_ENOTFOUND);
	char prefix[13];
	memcpy(prefix, pkg->sources.v[0].sha256, 12);
	prefix[12] = '\0';
	assert_int_equal(jx_db_find_package(f->db, prefix, &got), 0);
	assert_int_equal(got, id2);
	/* Same department and year, different content: still replaces. */
	pkg->sources.v[0].sha256 = NULL;
	pkg->title = "修订版";
	import_ok(f->db, pkg, 1);
	assert_int_equal(count_rows(f->db, "packages"), 1);
	assert_int_equal(count_rows(f->db, "projects"), 12);
	/* Another year of the same department is kept beside it. */
	pkg->year = 2025;
	import_ok(f->db, pkg, 0);
	assert_int_equal(count_rows(f->db, "packages"), 2);
	assert_int_equal(count_rows(f->db, "projects"), 24);
	assert_int_equal(count_rows(f->db, "departments"), 1);
	jx_pkg_free(pkg);
}

static void test_second_department_and_ls(void **state)
{
	fx *f = *state;
	jx_pkg *a = load_seed("000"), *b = load_seed("004");
	import_ok(f->db, a, 0);
	import_ok(f->db, b, 0);
	jx_db_table *t = NULL;
	assert_int_equal(jx_db_ls(f->db, JX_DB_LS_DEPARTMENTS, &t), 0);
	assert_int_equal(t->nrows, 2);
	assert_int_equal(t->ncols, 6);
	assert_string_equal(jx_db_cell(t, 0, 0), "乐亭县残疾人联合会");
	assert_string_equal(jx_db_cell(t, 0, 2), "762001");
	assert_string_equal(jx_db_cell(t, 1, 0), "泽州县残疾人联合会");
	assert_string_equal(jx_db_cell(t, 1, 2), "059");
	assert_string_equal(jx_db_cell(t, 1, 3), "1");
	jx_db_table_free(t);

	assert_int_equal(jx_db_ls(f->db, JX_DB_LS_PACKAGES, &t), 0);
	assert_int_equal(t->nrows, 2);
	assert_string_equal(jx_db_cell(t, 0, 2), "2024");
	assert_string_equal(jx_db_cell(t, 0, 3), "12");  /* projects */
	assert_string_equal(jx_db_cell(t, 0, 4), "78");  /* indicators */
	assert_string_equal(jx_db_cell(t, 1, 3), "22");
	assert_string_equal(jx_db_cell(t, 1, 4), "363");
	assert_string_equal(jx_db_cell(t, 1, 5), "13"); /* disclosure tables */
	jx_db_table_free(t);

	assert_int_equal(jx_db_ls(f->db, JX_DB_LS_YEARS, &t), 0);
	assert_int_equal(t->nrows, 1);
	assert_string_equal(jx_db_cell(t, 0, 0), "2024");
	assert_string_equal(jx_db_cell(t, 0, 1), "2");
	assert_string_equal(jx_db_cell(t, 0, 2), "2");
	assert_string_equal(jx_db_cell(t, 0, 3), "34");
	jx_db_table_free(t);
	jx_pkg_free(a);
	jx_pkg_free(b);
}

static void test_show_search_totals(void **state)
{
	fx *f = *state;
	jx_pkg *a = load_seed("000"), *b = load_seed("004");
	import_ok(f->db, a, 0);
	import_ok(f->db, b, 0);
	jx_db_table *t = NULL;

	assert_int_equal(jx_db_show(f->db, "泽州县残疾人联合会:2024", &t), 0);
	assert_int_equal(t->nrows, 22);
	assert_string_equal(jx_db_cell(t, 0, 1), "残疾儿童康复救助(市级）");
	assert_string_equal(jx_db_cell(t, 0, 3), "190000.00");
	assert_string_equal(jx_db_cell(t, 0, 4), "12");
	jx_db_table_free(t);

	assert_int_equal(jx_db_show(f->db, "残疾儿童康复救助(市级）", &t), 0);
	assert_int_equal(t->nrows, 12);
	assert_string_equal(jx_db_cell(t, 0, 0), "泽州县残疾人联合会");
	jx_db_table_free(t);
	assert_int_equal(jx_db_show(f->db, "没有这个项目", &t), JX_ENOTFOUND);
	assert_non_null(strstr(jx_error_last(), "找不到"));

	jx_db_search_opts o = {NULL, "产出指标", "成本指标", 0, 0};
	assert_int_equal(jx_db_search(f->db, &o, &t), 0);
	assert_true(t->nrows >= 4);
	assert_string_equal(jx_db_cell(t, 0, 0), "乐亭县残疾人联合会");
	assert_string_equal(jx_db_cell(t, 0, 5), "成本指标");
	assert_string_equal(jx_db_cell(t, 0, 6), "≤30.41万元");
	for (size_t r = 0; r < t->nrows; r++)
		assert_string_equal(jx_db_cell(t, r, 4), "成本指标");
	jx_db_table_free(t);

	jx_db_search_opts byname = {"贫困残疾人救助对象满意度", NULL, NULL, 2024, 0};
	assert_int_equal(jx_db_search(f->db, &byname, &t), 0);
	assert_int_equal(t->nrows, 1);
	assert_string_equal(jx_db_cell(t, 0, 3), "满意度指标");
	assert_string_equal(jx_db_cell(t, 0, 6), "≥94%");
	jx_db_table_free(t);
	/* % and _ are taken as written, not as wildcards. */
	jx_db_search_opts wild = {"满意度_", NULL, NULL, 0, 0};
	assert_int_equal(jx_db_search(f->db, &wild, &t), 0);
	assert_int_equal(t->nrows, 0);
	jx_db_table_free(t);
	wild.name = "满意度";
	assert_int_equal(jx_db_search(f->db, &wild, &t), 0);
	assert_true(t->nrows > 0);
	jx_db_table_free(t);
	wild.name = "%";
	assert_int_equal(jx_db_search(f->db, &wild, &t), 0);
	for (size_t r = 0; r < t->nrows; r++)
		assert_non_null(strstr(jx_db_cell(t, r, 5), "%"));
	jx_db_table_free(t);

	assert_int_equal(jx_db_totals(f->db, "2080", 2024, &t), 0);
	assert_int_equal(t->nrows, 4);
	assert_string_equal(jx_db_cell(t, 0, 1), "20805");
	assert_string_equal(jx_db_cell(t, 0, 2), "行政事业单位养老支出");
	assert_string_equal(jx_db_cell(t, 0, 3), "1");
	assert_string_equal(jx_db_cell(t, 0, 4), "544800.00");
	assert_string_equal(jx_db_cell(t, 1, 1), "2080501");
	assert_string_equal(jx_db_cell(t, 1, 4), "170000.00");
	jx_db_table_free(t);
	assert_int_equal(jx_db_totals(f->db, "208", 0, &t), 0);
	assert_string_equal(jx_db_cell(t, 0, 1), "208");
	assert_string_equal(jx_db_cell(t, 0, 4), "15570800.00");
	jx_db_table_free(t);

	/* Rendering: CSV quotes, JSON objects keyed by column. */
	assert_int_equal(jx_db_totals(f->db, "2080501", 2024, &t), 0);
	char *out = NULL;
	assert_int_equal(jx_db_table_render(t, JX_DB_CSV, &out, NULL), 0);
	assert_string_equal(out, "年度,科目编码,科目名称,部门数,合计（元）\r\n2024,2080501,行政单位离退休,1,170000.00\r\n");
	free(out);
	assert_int_equal(jx_db_table_render(t, JX_DB_JSON, &out, NULL), 0);
	assert_non_null(strstr(out, "\"合计（元）\": \"170000.00\""));
	free(out);
	assert_int_equal(jx_db_table_render(t, JX_DB_TEXT, &out, NULL), 0);
	assert_non_null(strstr(out, "2024  2080501   行政单位离退休  1       170000.00\n"));
	free(out);
	jx_db_table_free(t);
	jx_pkg_free(a);
	jx_pkg_free(b);
}

static void test_findings(void **state)
{
	fx *f = *state;
	jx_pkg *pkg = load_seed("000");
	int64_t id = import_ok(f->db, pkg, 0);
	jx_report *r = jx_report_new();
	assert_int_equal(jx_report_begin(r, "seed"), 0);
	assert_int_equal(jx_check(r, pkg, NULL), 0);
	size_t n = jx_report_count(r);
	assert_true(n > 0);
	size_t errors = jx_report_count_severity(r, JX_SEV_ERROR), warnings = jx_report_count_severity(r, JX_SEV_WARNING);
	const char *some_rule = jx_report_at(r, 0)->rule->id;
	size_t with_rule = 0;
	for (size_t i = 0; i < n; i++)
		with_rule += !strcmp(jx_report_at(r, i)->rule->id, some_rule);
	assert_int_equal(jx_db_store_findings(f->db, id, r, 0), 0);
	/* Stored twice: replaced, not doubled. */
	assert_int_equal(jx_db_store_findings(f->db, id, r, 0), 0);
	assert_int_equal(count_rows(f->db, "findings"), (int64_t)n);

	jx_db_table *t = NULL;
	assert_int_equal(jx_db_findings(f->db, NULL, NULL, &t), 0);
	assert_int_equal(t->nrows, n);
	assert_string_equal(jx_db_cell(t, 0, 0), "乐亭县残疾人联合会");
	assert_string_equal(jx_db_cell(t, 0, 6), jx_report_at(r, 0)->message);
	jx_db_table_free(t);
	assert_int_equal(jx_db_findings(f->db, NULL, "error", &t), 0);
	assert_int_equal(t->nrows, errors);
	jx_db_table_free(t);
	assert_int_equal(jx_db_findings(f->db, NULL, "warning", &t), 0);
	assert_int_equal(t->nrows, errors + warnings);
	jx_db_table_free(t);
	assert_int_equal(jx_db_findings(f->db, some_rule, NULL, &t), 0);
	assert_int_equal(t->nrows, with_rule);
	assert_string_equal(jx_db_cell(t, 0, 2), some_rule);
	jx_db_table_free(t);
	assert_int_equal(jx_db_findings(f->db, NULL, "bogus", &t), JX_EINVAL);

	/* Re-importing the package drops its findings with it. */
	import_ok(f->db, pkg, 1);
	assert_int_equal(count_rows(f->db, "findings"), 0);
	jx_report_free(r);
	jx_pkg_free(pkg);
}

static void test_export_not_found(void **state)
{
	fx *f = *state;
	jx_pkg *out = NULL;
	assert_int_equal(jx_db_export(f->db, "999", &out), JX_ENOTFOUND);
	assert_null(out);
	assert_non_null(strstr(jx_error_last(), "找不到预算包"));
	int v = 0;
	assert_int_equal(jx_db_schema_version(f->db, &v), 0);
	assert_int_equal(v, JX_DB_SCHEMA_VERSION);
}

/* ---- SQLite faults ---- */

static void test_sqlite_not_a_database(void **state)
{
	(void)state;
	char path[128];
	snprintf(path, sizeof path, "%s/notadb.db", tmpdir);
	FILE *fp = fopen(path, "w");
	assert_non_null(fp);
	for (int i = 0; i < 200; i++)
		fputs("这不是数据库文件，而是一段文字。\n", fp);
	fclose(fp);
	jx_db *db = NULL;
	assert_int_equal(jx_db_open(&db, path), JX_EFORMAT);
	assert_null(db);
	assert_non_null(strstr(jx_error_last(), "不是 SQLite 数据库文件"));
	assert_non_null(strstr(jx_error_last(), "notadb.db"));
	unlink(path);
}

static void test_newer_schema(void **state)
{
	fx *f = *state;
	assert_int_equal(jx_conn_exec(f->db->conn, "INSERT INTO schema_version (version) VALUES (99)", 0, NULL), 0);
	jx_db *db = NULL;
	assert_int_equal(jx_db_open(&db, f->target), JX_EFORMAT);
	assert_null(db);
	assert_non_null(strstr(jx_error_last(), "99"));
	assert_non_null(strstr(jx_error_last(), "请升级"));
}

static void test_sqlite_locked(void **state)
{
	fx *f = *state;
	jx_pkg *pkg = load_seed("003");
	import_ok(f->db, pkg, 0);
	/* A second connection holds a write transaction. */
	jx_conn *other = NULL;
	assert_int_equal(jx_conn_open(&other, f->target), 0);
	assert_int_equal(jx_conn_begin(other), 0);
	assert_int_equal(jx_conn_exec(other, "DELETE FROM notes", 0, NULL), 0);
	assert_int_equal(jx_db_set_busy_timeout(f->db, 50), 0);
	jx_pkg *b = load_seed("000");
	assert_int_equal(jx_db_import(f->db, b, NULL), JX_EIO);
	assert_non_null(strstr(jx_error_last(), "数据库被锁定"));
	assert_int_equal(jx_conn_rollback(other), 0);
	jx_conn_close(other);
	assert_int_equal(count_rows(f->db, "packages"), 1);
	assert_int_equal(count_rows(f->db, "projects"), 4);
	/* Once the lock is gone the same import goes through. */
	import_ok(f->db, b, 0);
	assert_int_equal(count_rows(f->db, "packages"), 2);
	jx_pkg_free(b);
	jx_pkg_free(pkg);
}

static void test_sqlite_disk_full(void **state)
{
	fx *f = *state;
	jx_pkg *small = load_seed("003"), *big = load_seed("004");
	import_ok(f->db, small, 0);
	int64_t pages = 0;
	bool found = false;
	assert_int_equal(db_query_int(f->db, "PRAGMA page_count", 0, NULL, &pages, &found), 0);
	assert_true(found && pages > 0);
	char sql[64];
	snprintf(sql, sizeof sql, "PRAGMA max_page_count = %lld", (long long)pages + 2);
	assert_int_equal(jx_conn_exec(f->db->conn, sql, 0, NULL), 0);
	assert_int_equal(jx_db_import(f->db, big, NULL), JX_EIO);
	assert_non_null(strstr(jx_error_last(), "磁盘已满"));
	assert_int_equal(count_rows(f->db, "packages"), 1);
	assert_int_equal(count_rows(f->db, "projects"), 4);
	assert_int_equal(count_rows(f->db, "disclosure_rows"), 0);
	assert_int_equal(count_rows(f->db, "departments"), 1);
	jx_pkg *back = NULL;
	assert_int_equal(jx_db_export(f->db, "平罗县残疾人联合会", &back), 0);
	assert_int_equal(back->projects.n, 4);
	jx_pkg_free(back);
	jx_pkg_free(small);
	jx_pkg_free(big);
}

typedef struct importer {
	const char *target;
	jx_pkg *pkg;
	int rc;
	char err[512];
} importer;

static void *import_thread(void *arg)
{
	importer *im = arg;
	jx_db *db = NULL;
	im->rc = jx_db_open(&db, im->target);
	for (int k = 0; !im->rc && k < 3; k++)
		im->rc = jx_db_import(db, im->pkg, NULL);
	if (im->rc)
		snprintf(im->err, sizeof im->err, "%s", jx_error_last());
	jx_db_close(db);
	return NULL;
}

/* Two importers at once, of the same package and of different ones: they take turns (or one fails with a
 * clear message); never a duplicate or half a package. */
static void test_two_importers(void **state)
{
	fx *f = *state;
	jx_pkg *a = load_seed("000"), *b = load_seed("004");
	importer im[4] = {{f->target, a, 0, ""}, {f->target, a, 0, ""}, {f->target, b, 0, ""}, {f->target, b, 0, ""}};
	pthread_t th[4];
	for (int i = 0; i < 4; i++)
		assert_int_equal(pthread_create(&th[i], NULL, import_thread, &im[i]), 0);
	for (int i = 0; i < 4; i++)
		pthread_join(th[i], NULL);
	int ok_a = 0, ok_b = 0;
	for (int i = 0; i < 4; i++) {
		if (im[i].rc) {
			fprintf(stderr, "importer %d: %s\n", i, im[i].err);
			assert_true(strstr(im[i].err, "锁定") || strstr(im[i].err, "约束") || strstr(im[i].err, "冲突") ||
				    strstr(im[i].err, "死锁"));
		} else {
			if (i < 2)
				ok_a++;
			else
				ok_b++;
		}
	}
	/* SQLite queues writers on the busy timeout, so all succeed there. */
	if (!is_pg()) {
		assert_int_equal(ok_a, 2);
		assert_int_equal(ok_b, 2);
	}
	int64_t pk = count_rows(f->db, "packages");
	assert_int_equal(pk, (ok_a ? 1 : 0) + (ok_b ? 1 : 0));
	assert_int_equal(count_rows(f->db, "projects"), (ok_a ? 12 : 0) + (ok_b ? 22 : 0));
	assert_int_equal(count_rows(f->db, "indicators"), (ok_a ? 78 : 0) + (ok_b ? 363 : 0));
	jx_pkg_free(a);
	jx_pkg_free(b);
}

/* Several processes creating the same new SQLite file at once: all open it, the schema is made once
 * (test_pg.c does the same against PostgreSQL). */
static void test_sqlite_concurrent_first_open(void **state)
{
	(void)state;
	enum { N = 6 };
	for (int round = 0; round < 4; round++) {
		char target[128];
		snprintf(target, sizeof target, "%s/first-open-%d.db", tmpdir, round);
		char what[32];
		snprintf(what, sizeof what, "round %d", round);
		tu_open_concurrently(target, N, what);
		jx_db *db = NULL;
		assert_int_equal(jx_db_open(&db, target), 0);
		int64_t n = 0;
		assert_int_equal(db_query_int(db, "SELECT COUNT(*) FROM schema_version", 0, NULL, &n, NULL), 0);
		assert_int_equal(n, JX_DB_SCHEMA_VERSION);
		jx_db_close(db);
		char p[256];
		unlink(target);
		snprintf(p, sizeof p, "%s-wal", target);
		unlink(p);
		snprintf(p, sizeof p, "%s-shm", target);
		unlink(p);
	}
}

static const char *table_cell(const jx_db_table *t, size_t r, const char *col)
{
	for (size_t k = 0; k < t->ncols; k++)
		if (!strcmp(t->cols[k], col))
			return jx_db_cell(t, r, k);
	fail_msg("no column %s", col);
	return NULL;
}

/* A package scored from the store is stored back with its scores (schema version 2); scoring again replaces
 * them; a new version of the package drops them. Seed 003 with its actuals (test_eval.c works them by hand:
 * 94.76 优 for the first project, 83.75 良 and last for the third). */
static void test_evaluations(void **state)
{
	fx *f = *state;
	jx_pkg *pkg = load_seed("003");
	int64_t id = import_ok(f->db, pkg, 0);
	char ids[24];
	snprintf(ids, sizeof ids, "%lld", (long long)id);
	jx_pkg *stored = NULL;
	assert_int_equal(jx_db_export(f->db, ids, &stored), 0);
	jx_actuals *a = NULL;
	assert_int_equal(jx_actuals_load(&a, JX_FIXTURES_DIR "/eval/seed-003-actuals.json"), 0);
	jx_evaluation *e = NULL;
	assert_int_equal(jx_eval(&e, stored, a, NULL), 0);
	assert_int_equal(jx_db_store_evaluation(f->db, id, e), 0);
	size_t nind = 0;
	for (size_t i = 0; i < e->projects.n; i++)
		nind += e->projects.v[i].indicators.n;
	assert_int_equal(count_rows(f->db, "evaluations"), 4);
	assert_int_equal(count_rows(f->db, "evaluation_scores"), (int64_t)nind);
	jx_db_table *t = NULL;
	assert_int_equal(jx_db_scores(f->db, NULL, 0, &t), 0);
	assert_int_equal(t->nrows, 4);
	/* In rank order; the scores are the evaluation's, exactly. */
	for (size_t r = 0; r < t->nrows; r++) {
		char rank[24];
		snprintf(rank, sizeof rank, "%zu", r + 1);
		assert_string_equal(table_cell(t, r, "排名"), rank);
	}
	const jx_project_score *p1 = &e->projects.v[0], *p3 = &e->projects.v[2];
	size_t r1 = (size_t)p1->rank - 1, r3 = (size_t)p3->rank - 1;
	assert_string_equal(table_cell(t, r1, "项目"), p1->project->name);
	assert_string_equal(table_cell(t, r1, "总分"), "94.76");
	assert_string_equal(table_cell(t, r1, "等级"), "优");
	assert_string_equal(table_cell(t, r1, "执行率（%）"), "97.59");
	assert_string_equal(table_cell(t, r1, "执行率得分"), "9.76");
	assert_string_equal(table_cell(t, r3, "总分"), "83.75");
	assert_string_equal(table_cell(t, r3, "等级"), "良");
	assert_string_equal(table_cell(t, r3, "排名"), "4");
	assert_string_equal(table_cell(t, r1, "部门"), pkg->dept.name);
	jx_db_table_free(t);
	/* Filters: another year has none. */
	assert_int_equal(jx_db_scores(f->db, pkg->dept.name, pkg->year + 1, &t), 0);
	assert_int_equal(t->nrows, 0);
	jx_db_table_free(t);
	/* Scoring again replaces; an unknown package is refused. */
	assert_int_equal(jx_db_store_evaluation(f->db, id, e), 0);
	assert_int_equal(count_rows(f->db, "evaluations"), 4);
	assert_int_equal(jx_db_store_evaluation(f->db, id + 1000, e), JX_ENOTFOUND);
	assert_int_equal(count_rows(f->db, "evaluations"), 4);
	/* A new version of the package (re-import) drops the scores of the old one. */
	import_ok(f->db, pkg, 1);
	assert_int_equal(count_rows(f->db, "evaluations"), 0);
	assert_int_equal(count_rows(f->db, "evaluation_scores"), 0);
	jx_evaluation_free(e);
	jx_actuals_free(a);
	jx_pkg_free(stored);
	jx_pkg_free(pkg);
}

/* The department as a whole is stored with its projects' scores (as project -1) and listed after them, without a
 * rank, on both backends. */
static void test_evaluation_overall(void **state)
{
	fx *f = *state;
	jx_pkg *pkg = load_example("qingshan-2025.json");
	int64_t id = import_ok(f->db, pkg, 0);
	char ids[24];
	snprintf(ids, sizeof ids, "%lld", (long long)id);
	jx_pkg *stored = NULL;
	assert_int_equal(jx_db_export(f->db, ids, &stored), 0);
	jx_actuals *a = NULL;
	assert_int_equal(jx_actuals_load(&a, JX_FIXTURES_DIR "/eval/example-overall-actuals.json"), 0);
	jx_evaluation *e = NULL;
	assert_int_equal(jx_eval(&e, stored, a, NULL), 0);
	assert_int_equal(jx_db_store_evaluation(f->db, id, e), 0);
	jx_db_table *t = NULL;
	assert_int_equal(jx_db_scores(f->db, NULL, 2025, &t), 0);
	assert_int_equal(t->nrows, 4);
	assert_string_equal(table_cell(t, 0, "排名"), "1");
	assert_string_equal(table_cell(t, 2, "排名"), "3");
	assert_string_equal(table_cell(t, 3, "项目"), "（部门整体）");
	assert_null(table_cell(t, 3, "排名"));
	assert_string_equal(table_cell(t, 3, "总分"), "89.64");
	assert_string_equal(table_cell(t, 3, "执行率（%）"), "94.69");
	assert_string_equal(table_cell(t, 3, "全年预算数（元）"), "1186000.00");
	jx_db_table_free(t);
	jx_evaluation_free(e);
	jx_actuals_free(a);
	jx_pkg_free(stored);
	jx_pkg_free(pkg);
}

/* A store of schema version 1 (no evaluation tables) is brought to version 2 when opened, its packages kept. */
static void test_migrate_v1(void **state)
{
	fx *f = *state;
	jx_pkg *pkg = load_seed("002");
	import_ok(f->db, pkg, 0);
	assert_int_equal(jx_conn_exec(f->db->conn, "DROP TABLE evaluation_scores; DROP TABLE evaluations; "
						 "DELETE FROM schema_version WHERE version = 2",
				      0, NULL),
			 0);
	int v = 0;
	assert_int_equal(jx_db_schema_version(f->db, &v), 0);
	assert_int_equal(v, 1);
	jx_db_close(f->db);
	f->db = NULL;
	assert_int_equal(jx_db_open(&f->db, f->target), 0);
	assert_int_equal(jx_db_schema_version(f->db, &v), 0);
	assert_int_equal(v, 2);
	assert_int_equal(count_rows(f->db, "packages"), 1);
	assert_int_equal(count_rows(f->db, "evaluations"), 0);
	jx_pkg_free(pkg);
}

static void test_default_target(void **state)
{
	(void)state;
	const char *saved = getenv("JX_DB");
	char *copy = saved ? strdup(saved) : NULL;
	setenv("JX_DB", "/tmp/elsewhere.db", 1);
	assert_string_equal(jx_db_default_target(), "/tmp/elsewhere.db");
	setenv("JX_DB", "", 1);
	assert_string_equal(jx_db_default_target(), "jixiao.db");
	unsetenv("JX_DB");
	assert_string_equal(jx_db_default_target(), "jixiao.db");
	if (copy)
		setenv("JX_DB", copy, 1);
	free(copy);
}

int main(void)
{
	pg_conninfo = getenv("JX_TEST_PG");
	if (pg_conninfo && !*pg_conninfo)
		pg_conninfo = NULL;
	snprintf(tmpdir, sizeof tmpdir, "/tmp/jx-test-db.XXXXXX");
	if (!mkdtemp(tmpdir))
		return 1;
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_round_trip_seeds, setup, teardown),
		cmocka_unit_test_setup_teardown(test_round_trip_examples, setup, teardown),
		cmocka_unit_test_setup_teardown(test_reimport_replaces, setup, teardown),
		cmocka_unit_test_setup_teardown(test_second_department_and_ls, setup, teardown),
		cmocka_unit_test_setup_teardown(test_show_search_totals, setup, teardown),
		cmocka_unit_test_setup_teardown(test_findings, setup, teardown),
		cmocka_unit_test_setup_teardown(test_export_not_found, setup, teardown),
		cmocka_unit_test(test_default_target),
		cmocka_unit_test_setup_teardown(test_newer_schema, setup, teardown),
		cmocka_unit_test_setup_teardown(test_two_importers, setup, teardown),
		cmocka_unit_test_setup_teardown(test_evaluations, setup, teardown),
		cmocka_unit_test_setup_teardown(test_evaluation_overall, setup, teardown),
		cmocka_unit_test_setup_teardown(test_migrate_v1, setup, teardown),
	};
	/* Faults of the SQLite file itself; PostgreSQL's own faults are in test_pg.c. */
	const struct CMUnitTest sqlite_faults[] = {
		cmocka_unit_test(test_sqlite_not_a_database),
		cmocka_unit_test(test_sqlite_concurrent_first_open),
		cmocka_unit_test_setup_teardown(test_sqlite_locked, setup, teardown),
		cmocka_unit_test_setup_teardown(test_sqlite_disk_full, setup, teardown),
	};
	int rc = cmocka_run_group_tests_name(pg_conninfo ? "db-postgresql" : "db-sqlite", tests, NULL, NULL);
	if (!pg_conninfo)
		rc += cmocka_run_group_tests_name("db-sqlite-faults", sqlite_faults, NULL, NULL);
	rmdir(tmpdir);
	return rc;
}
