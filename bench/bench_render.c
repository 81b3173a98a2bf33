/* bench_render.c: rendering speed. Imports each file once, then renders its package N times in each format (HTML
 * with charts, XLSX, CSV through the API) and prints milliseconds per package per format and the output size.
 * Usage: bench_render [-n N] FILE...   (run by hand; not a test) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "jx/import.h"
#include "jx/render.h"

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* CSV sink: counts bytes, keeps nothing. */
static int count_csv(void *ud, const char *name, const char *data, size_t len)
{
	(void)name;
	(void)data;
	*(size_t *)ud += len;
	return 0;
}

/* Renders `pkg` n times in `fmt`; prints ms per render, or why it could not. */
static void run(const jx_pkg *pkg, const char *label, jx_render_format fmt, int n)
{
	jx_render_opts o = {JX_RENDER_TABLES | JX_RENDER_TARGETS | JX_RENDER_OVERALL, false, NULL};
	size_t bytes = 0;
	double t0 = now();
	for (int i = 0; i < n; i++) {
		int rc;
		if (fmt == JX_RENDER_CSV) {
			bytes = 0;
			rc = jx_render_csv(pkg, &o, count_csv, &bytes);
		} else {
			char *out = NULL;
			rc = jx_render(pkg, fmt, &o, &out, &bytes);
			free(out);
		}
		if (rc) {
			printf("  %-5s  failed: %s\n", label, jx_error_last());
			return;
		}
	}
	double ms = (now() - t0) * 1000.0 / n;
	printf("  %-5s  %8.3f ms  %9zu bytes\n", label, ms, bytes);
}

int main(int argc, char **argv)
{
	int n = 100, first = 1;
	if (argc > 2 && !strcmp(argv[1], "-n")) {
		n = atoi(argv[2]);
		first = 3;
	}
	if (first >= argc || n <= 0) {
		fprintf(stderr, "usage: %s [-n N] FILE...\n", argv[0]);
		return 2;
	}
	for (int i = first; i < argc; i++) {
		jx_pkg *pkg = NULL;
		if (jx_import_file(&pkg, argv[i], NULL)) {
			fprintf(stderr, "%s: %s\n", argv[i], jx_error_last());
			return 3;
		}
		printf("%s (%zu tables, %zu projects), %d renders each:\n", argv[i], pkg->tables.n, pkg->projects.n, n);
		run(pkg, "html", JX_RENDER_HTML, n);
		run(pkg, "xlsx", JX_RENDER_XLSX, n < 20 ? n : 20); /* a workbook goes through a zip: fewer rounds */
		run(pkg, "csv", JX_RENDER_CSV, n);
		jx_pkg_free(pkg);
	}
	return 0;
}
