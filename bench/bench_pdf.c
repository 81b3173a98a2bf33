/* bench_pdf.c: PDF import speed end to end (read + recognise + check) in pages per second on one core, against
 * poppler's own `pdftotext` on the same files as the baseline (text only: no cells, no recognition).
 * Usage: bench_pdf [-n N] FILE.pdf...   e.g. bench_pdf tests/fixtures/read/*\/doc.pdf   (run by hand; not a test)
 */
#include <poppler.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>

#include "jx/check.h"
#include "jx/import.h"
#include "util/file.h"

extern char **environ;

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double cpu(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int pages_of(const char *data, size_t len)
{
	GBytes *b = g_bytes_new_static(data, len);
	PopplerDocument *doc = poppler_document_new_from_bytes(b, NULL, NULL);
	int n = doc ? poppler_document_get_n_pages(doc) : 0;
	if (doc)
		g_object_unref(doc);
	g_bytes_unref(b);
	return n;
}

/* Runs `pdftotext FILE /dev/null` and waits; returns its exit status or -1. */
static int run_pdftotext(const char *path)
{
	char *argv[] = {(char *)(uintptr_t) "pdftotext", (char *)(uintptr_t)path, (char *)(uintptr_t) "/dev/null", NULL};
	pid_t pid;
	if (posix_spawnp(&pid, "pdftotext", NULL, NULL, argv, environ) != 0)
		return -1;
	int st = 0;
	if (waitpid(pid, &st, 0) < 0)
		return -1;
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

int main(int argc, char **argv)
{
	int n = 5, first = 1;
	if (argc > 2 && strcmp(argv[1], "-n") == 0) {
		n = atoi(argv[2]);
		first = 3;
	}
	if (first >= argc || n <= 0) {
		fprintf(stderr, "usage: %s [-n N] FILE.pdf...\n", argv[0]);
		return 2;
	}
	int nfiles = argc - first;
	char **data = calloc((size_t)nfiles, sizeof *data);
	size_t *len = calloc((size_t)nfiles, sizeof *len);
	long pages = 0;
	if (!data || !len)
		return 4;
	for (int i = 0; i < nfiles; i++) {
		if (jx_file_read(&data[i], &len[i], argv[first + i], 0) != 0) {
			fprintf(stderr, "%s\n", jx_error_last());
			return 1;
		}
		pages += pages_of(data[i], len[i]);
	}
	/* jx: import (read + recognise) and check, from memory. */
	size_t findings = 0, projects = 0, tables = 0;
	double w0 = now(), c0 = cpu();
	for (int k = 0; k < n; k++)
		for (int i = 0; i < nfiles; i++) {
			jx_pkg *p = NULL;
			if (jx_import_buffer(&p, data[i], len[i], argv[first + i], NULL) != 0) {
				fprintf(stderr, "%s\n", jx_error_last());
				return 1;
			}
			jx_report *r = jx_report_new();
			if (!r || jx_check(r, p, NULL))
				return 4;
			findings += jx_report_count(r);
			projects += p->projects.n;
			tables += p->tables.n;
			jx_report_free(r);
			jx_pkg_free(p);
		}
	double jx_wall = (now() - w0) / n, jx_cpu = (cpu() - c0) / n;
	/* Baseline: pdftotext, a process per file as a user would run it (its CPU is the children's). */
	struct rusage ru0, ru1;
	getrusage(RUSAGE_CHILDREN, &ru0);
	double b0 = now();
	for (int k = 0; k < n; k++)
		for (int i = 0; i < nfiles; i++)
			if (run_pdftotext(argv[first + i]) != 0) {
				fprintf(stderr, "pdftotext failed on %s (is poppler-utils installed?)\n", argv[first + i]);
				return 1;
			}
	double base_wall = (now() - b0) / n;
	getrusage(RUSAGE_CHILDREN, &ru1);
	double base_cpu = ((double)(ru1.ru_utime.tv_sec - ru0.ru_utime.tv_sec) +
			   (double)(ru1.ru_utime.tv_usec - ru0.ru_utime.tv_usec) / 1e6 +
			   (double)(ru1.ru_stime.tv_sec - ru0.ru_stime.tv_sec) +
			   (double)(ru1.ru_stime.tv_usec - ru0.ru_stime.tv_usec) / 1e6) /
			  n;
	printf("files: %d, pages: %ld, passes: %d; per pass: %zu tables, %zu projects, %zu findings\n", nfiles, pages, n,
	       tables / (size_t)n, projects / (size_t)n, findings / (size_t)n);
	printf("jx import+check: %.3f s per pass, %.0f pages/s per core (CPU), %.0f pages/s wall\n", jx_wall,
	       (double)pages / jx_cpu, (double)pages / jx_wall);
	printf("pdftotext:       %.3f s per pass, %.0f pages/s per core (CPU), %.0f pages/s wall\n", base_wall,
	       (double)pages / base_cpu, (double)pages / base_wall);
	for (int i = 0; i < nfiles; i++)
		free(data[i]);
	free(data);
	free(len);
	return 0;
}
