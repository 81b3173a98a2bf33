/* bench_check.c: review speed. Imports the files given once, then checks each package N times and prints the
 * time per check against the time per import, findings/s, and table cells checked per second on one core. With
 * -g N it also checks a generated corpus of N packages (corpus.h: the inputs with their digits varied, so every
 * identity breaks and the findings pile up), timing the check alone.
 * Usage: bench_check [-n N] [-g N] FILE...   (run by hand; not a test) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "corpus.h"
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
	int n = 200, gen = 0, first = 1;
	while (first + 1 < argc && argv[first][0] == '-') {
		if (!strcmp(argv[first], "-n"))
			n = atoi(argv[first + 1]);
		else if (!strcmp(argv[first], "-g"))
			gen = atoi(argv[first + 1]);
		else
			break;
		first += 2;
	}
	if (first >= argc || n <= 0) {
		fprintf(stderr, "usage: %s [-n N] FILE...\n", argv[0]);
		return 2;
	}
	int nfiles = argc - first;
	jx_pkg **pkgs = calloc((size_t)nfiles, sizeof *pkgs);
	char **datas = calloc((size_t)nfiles, sizeof *datas);
	size_t *lens = calloc((size_t)nfiles, sizeof *lens);
	if (!pkgs || !datas || !lens)
		return 4;
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
		datas[i] = data;
		lens[i] = len;
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
	if (gen > 0) {
		size_t maxlen = 0;
		for (int i = 0; i < nfiles; i++)
			maxlen = lens[i] > maxlen ? lens[i] : maxlen;
		char *buf = malloc(maxlen + 1);
		unsigned long long seed = 12345;
		size_t gcells = 0, gfindings = 0;
		int checked = 0;
		double tc = 0;
		for (int k = 0; k < gen && buf; k++) {
			int i = k % nfiles;
			corpus_vary(buf, datas[i], lens[i], &seed);
			jx_pkg *p = NULL;
			if (jx_import_buffer(&p, buf, lens[i], argv[first + i], NULL))
				continue;
			jx_report *r = jx_report_new();
			double c0 = now();
			if (!r || jx_check(r, p, NULL))
				return 4;
			tc += now() - c0;
			gfindings += jx_report_count(r);
			gcells += cells_of(p);
			checked++;
			jx_report_free(r);
			jx_pkg_free(p);
		}
		free(buf);
		printf("generated corpus: %d packages checked in %.3f s: %.0f packages/s, %.0f findings/s (%zu findings), "
		       "%.2f M cells/s\n",
		       checked, tc, checked / tc, (double)gfindings / tc, gfindings, (double)gcells / tc / 1e6);
	}
	for (int i = 0; i < nfiles; i++) {
		jx_pkg_free(pkgs[i]);
		free(datas[i]);
	}
	free(pkgs);
	free(datas);
	free(lens);
	return 0;
}
