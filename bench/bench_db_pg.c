/* bench_db_pg.c: the store on PostgreSQL (or any target): imports a generated corpus of N packages, one
 * transaction each, and times the typical queries on the result. Prints packages/s, rows/s, bytes per package
 * and query latencies; it does not pass or fail.
 *
 * The corpus is the one bench_import generates (input k % nfiles with its digits varied, see corpus.h), with
 * the department and region renamed so that package k belongs to department k / 5 (in one of 300 regions) and
 * year 2021 + k % 5: N = 10000 gives 2000 departments × 5 years, nothing replaced.
 *
 * Usage: JX_BENCH_PG="host=… dbname=…" bench_db_pg [-g N] [-q REPEAT] FILE...   (on an empty database) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "corpus.h"
#include "db/conn.h"
#include "db/db_int.h" /* the store's connection, to read its server process's CPU time */
#include "jx/db.h"
#include "jx/import.h"
#include "jx/model.h"
#include "util/file.h"

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

typedef int (*query_fn)(jx_db *db, const void *arg, jx_db_table **out);

static int q_ls_packages(jx_db *db, const void *arg, jx_db_table **out)
{
	(void)arg;
	return jx_db_ls(db, JX_DB_LS_PACKAGES, out);
}
static int q_ls_departments(jx_db *db, const void *arg, jx_db_table **out)
{
	(void)arg;
	return jx_db_ls(db, JX_DB_LS_DEPARTMENTS, out);
}
static int q_ls_years(jx_db *db, const void *arg, jx_db_table **out)
{
	(void)arg;
	return jx_db_ls(db, JX_DB_LS_YEARS, out);
}
static int q_show_package(jx_db *db, const void *arg, jx_db_table **out)
{
	return jx_db_show_package(db, *(const int64_t *)arg, out);
}
static int q_search(jx_db *db, const void *arg, jx_db_table **out)
{
	return jx_db_search(db, arg, out);
}
static int q_totals_208_2024(jx_db *db, const void *arg, jx_db_table **out)
{
	(void)arg;
	return jx_db_totals(db, "208", 2024, out);
}
static int q_totals_all(jx_db *db, const void *arg, jx_db_table **out)
{
	(void)arg;
	return jx_db_totals(db, NULL, 0, out);
}
static int q_findings(jx_db *db, const void *arg, jx_db_table **out)
{
	(void)arg;
	return jx_db_findings(db, NULL, NULL, out);
}

/* Times `repeat` runs of a query; prints the mean and the row count. */
static int time_query(jx_db *db, const char *name, query_fn fn, const void *arg, int repeat)
{
	size_t rows = 0;
	double t0 = now();
	for (int i = 0; i < repeat; i++) {
		jx_db_table *t = NULL;
		if (fn(db, arg, &t)) {
			fprintf(stderr, "%s: %s\n", name, jx_error_last());
			return 1;
		}
		rows = t->nrows;
		jx_db_table_free(t);
	}
	double ms = (now() - t0) * 1000.0 / repeat;
	printf("  %-44s %9.2f ms  (%zu rows)\n", name, ms, rows);
	return 0;
}

static int time_export(jx_db *db, const char *ref, int repeat)
{
	double t0 = now();
	for (int i = 0; i < repeat; i++) {
		jx_pkg *p = NULL;
		if (jx_db_export(db, ref, &p)) {
			fprintf(stderr, "export %s: %s\n", ref, jx_error_last());
			return 1;
		}
		jx_pkg_free(p);
	}
	printf("  %-44s %9.2f ms\n", "export one package (部门:年度)", (now() - t0) * 1000.0 / repeat);
	return 0;
}

static int one_int(void *ud, int ncols, const char *const *v)
{
	if (ncols > 0 && v[0])
		*(long long *)ud = strtoll(v[0], NULL, 10);
	return 0;
}

/* CPU seconds used so far by the server process serving connection `c`, read from /proc when the server runs on
 * this machine (the benchmark shares its cores with the server, so wall time alone mixes the two); -1 if unknown. */
static double backend_cpu(jx_conn *c)
{
	long long pid = 0;
	if (!c || c->kind != JX_CONN_PG || jx_conn_query(c, "SELECT pg_backend_pid()", 0, NULL, one_int, &pid) || !pid)
		return -1;
	char path[64];
	snprintf(path, sizeof path, "/proc/%lld/stat", pid);
	FILE *f = fopen(path, "r");
	if (!f)
		return -1;
	char line[1024];
	double cpu = -1;
	if (fgets(line, sizeof line, f)) {
		/* Fields 14 and 15 (utime, stime) in clock ticks, after the ")" that ends the command name. */
		const char *p = strrchr(line, ')');
		unsigned long long ut = 0, st = 0;
		if (p && sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %llu %llu", &ut, &st) == 2)
			cpu = (double)(ut + st) / (double)sysconf(_SC_CLK_TCK);
	}
	fclose(f);
	return cpu;
}

static double self_cpu(void)
{
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	return (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 + (double)ru.ru_stime.tv_sec +
	       (double)ru.ru_stime.tv_usec / 1e6;
}


int main(int argc, char **argv)
{
	int gen = 10000, repeat = 20, first = 1;
	while (first + 1 < argc && argv[first][0] == '-') {
		if (strcmp(argv[first], "-g") == 0)
			gen = atoi(argv[first + 1]);
		else if (strcmp(argv[first], "-q") == 0)
			repeat = atoi(argv[first + 1]);
		else
			break;
		first += 2;
	}
	const char *target = getenv("JX_BENCH_PG");
	if (first >= argc || gen <= 0 || repeat <= 0 || !target || !*target) {
		fprintf(stderr, "usage: JX_BENCH_PG=CONNINFO %s [-g N] [-q REPEAT] FILE...\n", argv[0]);
		return 2;
	}
	int nfiles = argc - first;
	char **data = calloc((size_t)nfiles, sizeof *data);
	size_t *len = calloc((size_t)nfiles, sizeof *len);
	size_t maxlen = 0;
	for (int i = 0; i < nfiles; i++) {
		if (jx_file_read(&data[i], &len[i], argv[first + i], 0) != 0) {
			fprintf(stderr, "%s\n", jx_error_last());
			return 1;
		}
		maxlen = len[i] > maxlen ? len[i] : maxlen;
	}

	jx_db *db = NULL;
	if (jx_db_open(&db, target)) {
		fprintf(stderr, "%s\n", jx_error_last());
		return 1;
	}
	jx_db_table *ls = NULL;
	if (jx_db_ls(db, JX_DB_LS_PACKAGES, &ls) || ls->nrows != 0) {
		fprintf(stderr, "%s: the benchmark needs an empty database\n", jx_db_target(db));
		return 1;
	}
	jx_db_table_free(ls);

	char *buf = malloc(maxlen + 1);
	unsigned long long seed = 12345;
	double parse_s = 0, store_s = 0;
	long long rows = 0, replaced = 0, failed = 0;
	size_t bytes = 0;
	int64_t mid_id = 0;
	char mid_ref[128] = "";
	double srv0 = backend_cpu(db->conn), cli0 = self_cpu();
	double t_all = now();
	for (int k = 0; k < gen; k++) {
		int i = k % nfiles;
		corpus_vary(buf, data[i], len[i], &seed);
		double t0 = now();
		jx_pkg *p = NULL;
		if (jx_import_buffer(&p, buf, len[i], argv[first + i], NULL) != 0) {
			failed++;
			continue;
		}
		char name[64], region[64];
		snprintf(name, sizeof name, "基准单位%05d", k / 5);
		snprintf(region, sizeof region, "基准区划%03d", (k / 5) % 300);
		p->dept.name = jx_pkg_strdup(p, name);
		p->dept.region = jx_pkg_strdup(p, region);
		p->year = 2021 + k % 5;
		double t1 = now();
		jx_db_import_result res;
		int rc = jx_db_import(db, p, &res);
		double t2 = now();
		parse_s += t1 - t0;
		store_s += t2 - t1;
		if (rc) {
			fprintf(stderr, "package %d: %s\n", k, jx_error_last());
			failed++;
		} else {
			rows += res.rows;
			replaced += res.replaced;
			bytes += len[i];
			if (k == gen / 2) {
				mid_id = res.package_id;
				snprintf(mid_ref, sizeof mid_ref, "%s:%d", name, p->year);
			}
		}
		jx_pkg_free(p);
	}
	double all_s = now() - t_all;
	double srv1 = backend_cpu(db->conn), cli1 = self_cpu();
	long long stored = gen - failed;
	printf("backend: %s (%s)\n", jx_db_backend(db), jx_db_target(db));
	printf("import: %d packages generated, %lld stored, %lld replaced, %lld failed; %.1f MB of documents\n", gen,
	       stored, replaced, failed, (double)bytes / 1e6);
	printf("  store only (jx_db_import): %.2f s; %.0f packages/s; %.0f rows/s; %.1f rows/package\n", store_s,
	       (double)stored / store_s, (double)rows / store_s, (double)rows / (double)(stored ? stored : 1));
	printf("  parse + store:             %.2f s; %.0f packages/s (parse %.2f s)\n", all_s,
	       (double)stored / all_s, parse_s);
	if (srv0 >= 0 && srv1 >= 0)
		printf("  CPU: server process %.2f s (%.2f ms/package), this process %.2f s (incl. parse); "
		       "store CPU-bound rate %.0f packages/s\n",
		       srv1 - srv0, (srv1 - srv0) * 1000.0 / (double)(stored ? stored : 1), cli1 - cli0,
		       (double)stored / (srv1 - srv0 + (cli1 - cli0 - parse_s > 0 ? cli1 - cli0 - parse_s : 0)));

	/* Size on disk, for docs/scale.md. */
	jx_conn *c = NULL;
	if (jx_conn_open(&c, target) == 0) {
		long long size = 0;
		if (c->kind == JX_CONN_PG)
			jx_conn_query(c, "SELECT pg_database_size(current_database())", 0, NULL, one_int, &size);
		else
			jx_conn_query(c, "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()", 0,
				      NULL, one_int, &size);
		printf("  database size: %.1f MB; %.0f bytes/package; %.0f bytes/row\n", (double)size / 1e6,
		       (double)size / (double)(stored ? stored : 1), (double)size / (double)(rows ? rows : 1));
		if (c->kind == JX_CONN_PG)
			jx_conn_exec(c, "VACUUM ANALYZE", 0, NULL); /* as autovacuum would, before the queries */
		jx_conn_close(c);
	}
	jx_db_table *counts = NULL;
	if (jx_db_counts(db, &counts) == 0) {
		printf("  rows by table:");
		for (size_t r = 0; r < counts->nrows; r++)
			printf(" %s=%s", jx_db_cell(counts, r, 0), jx_db_cell(counts, r, 1));
		printf("\n");
		jx_db_table_free(counts);
	}

	printf("queries (mean of %d runs):\n", repeat);
	jx_db_search_opts by_name = {"满意度", NULL, NULL, 2023, 50};
	jx_db_search_opts by_level = {NULL, "产出指标", "数量指标", 2024, 50};
	jx_db_search_opts by_name_all = {"培训", NULL, NULL, 0, 0};
	int e = 0;
	e |= time_query(db, "ls departments", q_ls_departments, NULL, repeat);
	e |= time_query(db, "ls years", q_ls_years, NULL, repeat);
	e |= time_query(db, "ls packages (all)", q_ls_packages, NULL, repeat > 5 ? 5 : repeat);
	e |= time_query(db, "show package (by id)", q_show_package, &mid_id, repeat);
	e |= time_query(db, "search name '满意度' 2023 limit 50", q_search, &by_name, repeat);
	e |= time_query(db, "search 产出指标/数量指标 2024 limit 50", q_search, &by_level, repeat);
	e |= time_query(db, "search name '培训' all years (all rows)", q_search, &by_name_all, repeat > 5 ? 5 : repeat);
	e |= time_query(db, "totals code 208* 2024", q_totals_208_2024, NULL, repeat);
	e |= time_query(db, "totals all codes, all years", q_totals_all, NULL, repeat > 5 ? 5 : repeat);
	e |= time_query(db, "findings (all)", q_findings, NULL, repeat);
	if (mid_ref[0])
		e |= time_export(db, mid_ref, repeat);
	jx_db_close(db);
	free(buf);
	for (int i = 0; i < nfiles; i++)
		free(data[i]);
	free(data);
	free(len);
	return e ? 1 : 0;
}
