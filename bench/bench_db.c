/* bench_db.c: store speed. Generates a corpus of N packages (corpus.h: the inputs with their digits varied, each
 * package given a department of its own), imports each into SQLite in its own transaction and prints packages/s
 * and rows/s (parsing not counted), then times typical queries on the result. With JX_BENCH_PG set to a
 * PostgreSQL conninfo, runs the same against it (its tables are dropped first).
 * Usage: bench_db [-g N] [-o FILE.db] FILE...   (run by hand; not a test) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "corpus.h"
#include "db/conn.h"
#include "jx/db.h"
#include "jx/import.h"
#include "util/arena.h"
#include "util/file.h"

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* CPU time of this process: on a shared machine wall time also counts the waits for a core. */
static double cpu(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

typedef struct input {
	const char *name;
	char *data;
	size_t len;
} input;

static void time_query(const char *label, jx_db *db, int (*fn)(jx_db *, jx_db_table **))
{
	jx_db_table *t = NULL;
	const int reps = 5;
	double best = 1e9;
	size_t rows = 0;
	for (int k = 0; k < reps; k++) {
		double t0 = now();
		int rc = fn(db, &t);
		double dt = now() - t0;
		if (rc) {
			printf("  %-40s failed: %s\n", label, jx_error_last());
			return;
		}
		rows = t->nrows;
		jx_db_table_free(t);
		if (dt < best)
			best = dt;
	}
	printf("  %-40s %9.2f ms  (%zu rows)\n", label, best * 1e3, rows);
}

static int q_ls(jx_db *db, jx_db_table **t)
{
	return jx_db_ls(db, JX_DB_LS_PACKAGES, t);
}
static int q_depts(jx_db *db, jx_db_table **t)
{
	return jx_db_ls(db, JX_DB_LS_DEPARTMENTS, t);
}
static int q_years(jx_db *db, jx_db_table **t)
{
	return jx_db_ls(db, JX_DB_LS_YEARS, t);
}
static int q_level(jx_db *db, jx_db_table **t)
{
	jx_db_search_opts o = {NULL, "满意度指标", "服务对象满意度指标", 0, 100};
	return jx_db_search(db, &o, t);
}
static int q_name(jx_db *db, jx_db_table **t)
{
	jx_db_search_opts o = {"满意度", NULL, NULL, 0, 100};
	return jx_db_search(db, &o, t);
}
static int q_totals(jx_db *db, jx_db_table **t)
{
	return jx_db_totals(db, "208", 0, t);
}
static int q_totals_year(jx_db *db, jx_db_table **t)
{
	return jx_db_totals(db, "20811", 2024, t);
}
static int q_findings(jx_db *db, jx_db_table **t)
{
	return jx_db_findings(db, "calc", "error", t);
}
static const char *show_ref;
static int q_show(jx_db *db, jx_db_table **t)
{
	return jx_db_show(db, show_ref, t);
}

static int run(const char *target, const input *in, int nin, int gen)
{
	jx_db *db = NULL;
	if (jx_db_open(&db, target)) {
		fprintf(stderr, "%s\n", jx_error_last());
		return 3;
	}
	printf("%s (%s): importing %d generated packages\n", jx_db_target(db), jx_db_backend(db), gen);
	size_t maxlen = 0;
	for (int i = 0; i < nin; i++)
		maxlen = in[i].len > maxlen ? in[i].len : maxlen;
	char *buf = malloc(maxlen + 1);
	if (!buf)
		return 4;
	unsigned long long seed = 12345;
	double t_import = 0, t_parse = 0, c_import = 0;
	int64_t rows = 0;
	int done = 0;
	char last_project[256] = "";
	int unreadable = 0;
	/* Until `gen` packages are stored: a varied input that no longer parses is skipped (and counted). */
	for (int k = 0; done < gen && k < 3 * gen; k++) {
		int i = k % nin;
		corpus_vary(buf, in[i].data, in[i].len, &seed);
		jx_pkg *p = NULL;
		double t0 = now();
		if (jx_import_buffer(&p, buf, in[i].len, in[i].name, NULL)) {
			unreadable++;
			continue;
		}
		t_parse += now() - t0;
		/* A department of its own (as ~3,000 counties × tens of departments would give), over five years. */
		p->dept.name = jx_arena_printf(p->arena, "%s（样本%05d）", p->dept.name ? p->dept.name : "部门", k / 5);
		p->year = 2021 + k % 5;
		jx_db_import_result res;
		t0 = now();
		double c0 = cpu();
		int rc = jx_db_import(db, p, &res);
		c_import += cpu() - c0;
		t_import += now() - t0;
		if (rc) {
			fprintf(stderr, "import %d: %s\n", k, jx_error_last());
			jx_pkg_free(p);
			break;
		}
		rows += res.rows;
		done++;
		if (p->projects.n && p->projects.v[0].name)
			snprintf(last_project, sizeof last_project, "%s", p->projects.v[0].name);
		jx_pkg_free(p);
		if (done % 2000 == 0) {
			printf("  … %d packages, %.1f s\n", done, t_import);
			fflush(stdout);
		}
	}
	free(buf);
	printf("imported %d packages, %lld rows in %.2f s (parsing %.2f s not counted; %d varied inputs unreadable)\n",
	       done, (long long)rows, t_import, t_parse, unreadable);
	printf("import: %.0f packages/s, %.0f rows/s (wall clock)\n", done / t_import, (double)rows / t_import);
	printf("import: %.0f packages/s, %.0f rows/s per CPU second (%.2f s of CPU in this process)\n", done / c_import,
	       (double)rows / c_import, c_import);
	printf("queries (best of 5):\n");
	time_query("ls packages", db, q_ls);
	time_query("ls departments", db, q_depts);
	time_query("ls years", db, q_years);
	time_query("search --level1 … --level2 … (limit 100)", db, q_level);
	time_query("search --name 满意度 (limit 100)", db, q_name);
	time_query("totals --code 208", db, q_totals);
	time_query("totals --code 20811 --year 2024", db, q_totals_year);
	time_query("findings --rule calc --severity error", db, q_findings);
	show_ref = last_project;
	if (*last_project)
		time_query("show PROJECT", db, q_show);
	double t0 = now();
	jx_pkg *p = NULL;
	if (jx_db_export(db, "1", &p) == 0 || jx_db_export(db, "2", &p) == 0) {
		printf("  %-40s %9.2f ms\n", "export one package", (now() - t0) * 1e3);
		jx_pkg_free(p);
	}
	jx_db_close(db);
	return 0;
}

/* Drops the store's tables so that a PostgreSQL run starts empty. */
static void pg_reset(const char *conninfo)
{
	jx_conn *c = NULL;
	if (jx_conn_open(&c, conninfo))
		return;
	jx_conn_exec(c,
		     "DROP TABLE IF EXISTS findings, notes, facts, statements, disclosure_cells, disclosure_rows, "
		     "disclosure_columns, disclosure_tables, fund_items, funds, goals, tasks, overall_budget, "
		     "expenditure_lines, indicators, basis, schedules, funding, projects, sources, packages, departments, "
		     "schema_version CASCADE",
		     0, NULL);
	jx_conn_close(c);
}

int main(int argc, char **argv)
{
	int gen = 10000, first = 1;
	const char *out = "/tmp/jx-bench-db.sqlite";
	while (first + 1 < argc && argv[first][0] == '-') {
		if (!strcmp(argv[first], "-g"))
			gen = atoi(argv[first + 1]);
		else if (!strcmp(argv[first], "-o"))
			out = argv[first + 1];
		else
			break;
		first += 2;
	}
	if (first >= argc || gen <= 0) {
		fprintf(stderr, "usage: %s [-g N] [-o FILE.db] FILE...\n", argv[0]);
		return 2;
	}
	int nin = argc - first;
	input *in = calloc((size_t)nin, sizeof *in);
	if (!in)
		return 4;
	for (int i = 0; i < nin; i++) {
		in[i].name = argv[first + i];
		if (jx_file_read(&in[i].data, &in[i].len, in[i].name, 0)) {
			fprintf(stderr, "%s\n", jx_error_last());
			return 3;
		}
	}
	char path[1024];
	unlink(out);
	snprintf(path, sizeof path, "%s-wal", out);
	unlink(path);
	snprintf(path, sizeof path, "%s-shm", out);
	unlink(path);
	int rc = run(out, in, nin, gen);
	const char *pg = getenv("JX_BENCH_PG");
	if (!rc && pg && *pg) {
		pg_reset(pg);
		rc = run(pg, in, nin, gen);
	}
	for (int i = 0; i < nin; i++)
		free(in[i].data);
	free(in);
	return rc;
}
