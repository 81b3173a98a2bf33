/* bench_check.c: review speed. Imports the files given once, then checks each package N times and prints the
 * time per check against the time per import, findings/s, and table cells checked per second on one core. With
 * -g N it checks N copies of the packages as a generated corpus would (one report per package).
 * Usage: bench_check [-n N] FILE...   (run by hand; not a test) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "jx/check.h"
#include "jx/import.h"
#include "util/file.h"

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Cells the checker reads: every amount of every table row, every indicator, every project amount. */
static size_t cells_of(const jx_pkg *p)
{
	size_t n = 0;
	for (size_t t = 0; t < p->tables.n; t++)
		n += p->tables.v[t].rows.n * p->tables.v[t].columns.n;
	for (size_t i = 0; i < p->projects.n; i++)
		n += p->projects.v[i].indicators.n + p->projects.v[i].funding.n + p->projects.v[i].lines.n +
		     p->projects.v[i].schedule.n + 1;
	n += p->overall.indicators.n + p->overall.tasks.n * 4;
	return n;
}

int main(int argc, char **argv)
{
	int n = 200, first = 1;
	if (argc > 2 && !strcmp(argv[1], "-n")) {
		n = atoi(argv[2]);
		first = 3;
	}
	if (first >= argc || n <= 0) {
		fprintf(stderr, "usage: %s [-n N] FILE...\n", argv[0]);
		return 2;
	}
	int nfiles = argc - first;
	jx_pkg **pkgs = calloc((size_t)nfiles, sizeof *pkgs);
	double t_import = 0;
	size_t cells = 0;
	for (int i = 0; i < nfiles; i++) {
		char *data = NULL;
		size_t len = 0;
		if (jx_file_read(&data, &len, argv[first + i], 0)) {
			fprintf(stderr, "%s\n", jx_error_last());
			return 3;
		}
		double t0 = now();
		for (int k = 0; k < 20; k++) {
			jx_pkg *p = NULL;
			if (jx_import_buffer(&p, data, len, argv[first + i], NULL)) {
				fprintf(stderr, "%s\n", jx_error_last());
				return 3;
			}
			if (k == 19)
				pkgs[i] = p;
			else
				jx_pkg_free(p);
		}
		t_import += (now() - t0) / 20;
		cells += cells_of(pkgs[i]);
		free(data);
	}
	size_t findings = 0;
	double t0 = now();
	for (int k = 0; k < n; k++)
		for (int i = 0; i < nfiles; i++) {
			jx_report *r = jx_report_new();
			if (!r || jx_check(r, pkgs[i], NULL))
				return 4;
			findings += jx_report_count(r);
			jx_report_free(r);
		}
	double t_check = (now() - t0) / n;
	printf("packages: %d, cells per pass: %zu, findings per pass: %zu\n", nfiles, cells, findings / (size_t)n);
	printf("import one pass: %.3f ms; check one pass: %.3f ms (%.0f%% of import)\n", t_import * 1e3, t_check * 1e3,
	       100.0 * t_check / t_import);
	printf("check: %.0f packages/s, %.0f findings/s, %.2f M cells/s on one core\n", nfiles / t_check,
	       (double)findings / (double)n / t_check, (double)cells / t_check / 1e6);
	for (int i = 0; i < nfiles; i++)
		jx_pkg_free(pkgs[i]);
	free(pkgs);
	return 0;
}
