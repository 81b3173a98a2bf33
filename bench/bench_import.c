/* bench_import.c: import speed. Reads the files given (e.g. ../shared/seeds/*.txt), imports each of them N times
 * from memory, and prints MB/s and packages/s on one core, the time for one pass over all files, and peak RSS.
 * With -g N it also generates a corpus of N packages in the same layouts (each a copy of one input whose digits
 * are varied, so amounts, counts and codes differ) and imports them one at a time: memory stays bounded by the
 * largest package whatever N is.
 * Usage: bench_import [-n N] [-g N] FILE...   (run by hand; not a test) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "corpus.h"
#include "jx/import.h"
#include "util/file.h"

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	int n = 200, gen = 0, first = 1;
	while (first + 1 < argc && argv[first][0] == '-') {
		if (strcmp(argv[first], "-n") == 0)
			n = atoi(argv[first + 1]);
		else if (strcmp(argv[first], "-g") == 0)
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
	char **data = calloc((size_t)nfiles, sizeof *data);
	size_t *len = calloc((size_t)nfiles, sizeof *len);
	size_t total = 0;
	for (int i = 0; i < nfiles; i++) {
		if (jx_file_read(&data[i], &len[i], argv[first + i], 0) != 0) {
			fprintf(stderr, "%s\n", jx_error_last());
			return 1;
		}
		total += len[i];
	}
	/* One pass over all files, as a user would see it. */
	double t0 = now();
	for (int i = 0; i < nfiles; i++) {
		jx_pkg *p = NULL;
		if (jx_import_buffer(&p, data[i], len[i], argv[first + i], NULL) != 0) {
			fprintf(stderr, "%s\n", jx_error_last());
			return 1;
		}
		jx_pkg_free(p);
	}
	double one = now() - t0;
	t0 = now();
	for (int k = 0; k < n; k++)
		for (int i = 0; i < nfiles; i++) {
			jx_pkg *p = NULL;
			if (jx_import_buffer(&p, data[i], len[i], argv[first + i], NULL) == 0)
				jx_pkg_free(p);
		}
	double dt = now() - t0;
	if (gen > 0) {
		/* A generated corpus: package k is input k % nfiles with its digits varied by a simple LCG. */
		size_t maxlen = 0, bytes = 0;
		for (int i = 0; i < nfiles; i++)
			maxlen = len[i] > maxlen ? len[i] : maxlen;
		char *buf = malloc(maxlen + 1);
		unsigned long long seed = 12345;
		int ok = 0;
		t0 = now();
		for (int k = 0; k < gen; k++) {
			int i = k % nfiles;
			corpus_vary(buf, data[i], len[i], &seed);
			jx_pkg *p = NULL;
			if (jx_import_buffer(&p, buf, len[i], argv[first + i], NULL) == 0) {
				ok++;
				jx_pkg_free(p);
			}
			bytes += len[i];
		}
		double gt = now() - t0;
		printf("generated corpus: %d packages (%d imported), %.1f MB: %.3f s; %.1f MB/s; %.0f packages/s\n", gen,
		       ok, (double)bytes / 1e6, gt, (double)bytes / gt / 1e6, (double)gen / gt);
		free(buf);
	}
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	printf("files: %d, %.1f KB in all\n", nfiles, (double)total / 1024.0);
	printf("one pass over all files: %.2f ms\n", one * 1000.0);
	printf("%d passes: %.3f s; %.1f MB/s; %.0f packages/s (one core)\n", n, dt,
	       (double)total * n / dt / 1e6, (double)nfiles * n / dt);
	printf("peak RSS: %.1f MB\n", (double)ru.ru_maxrss / 1024.0);
	for (int i = 0; i < nfiles; i++)
		free(data[i]);
	free(data);
	free(len);
	return 0;
}
