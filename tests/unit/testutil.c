/* testutil.c: helpers shared by the unit tests. */
#include "testutil.h"

#include <dirent.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jx/common.h"
#include "jx/db.h"

char *tu_read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		fail_msg("cannot open %s", path);
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *buf = malloc((size_t)n + 1);
	assert_non_null(buf);
	size_t got = fread(buf, 1, (size_t)n, f);
	fclose(f);
	buf[got] = '\0';
	if (len)
		*len = got;
	return buf;
}

char *tu_seed_path(const char *prefix)
{
	DIR *d = opendir(JX_SEEDS_DIR);
	if (!d)
		fail_msg("seed directory %s is missing", JX_SEEDS_DIR);
	struct dirent *e;
	char *found = NULL;
	while ((e = readdir(d)) != NULL) {
		if (strncmp(e->d_name, prefix, strlen(prefix)) == 0 && strstr(e->d_name, ".txt")) {
			size_t n = strlen(JX_SEEDS_DIR) + strlen(e->d_name) + 2;
			found = malloc(n);
			snprintf(found, n, "%s/%s", JX_SEEDS_DIR, e->d_name);
			break;
		}
	}
	closedir(d);
	if (!found)
		fail_msg("no seed %s* in %s", prefix, JX_SEEDS_DIR);
	return found;
}

typedef struct tu_opener {
	const char *target;
	pthread_barrier_t *start;
	int rc;
	char msg[1024];
} tu_opener;

static void *tu_open_thread(void *arg)
{
	tu_opener *o = arg;
	pthread_barrier_wait(o->start);
	jx_db *db = NULL;
	o->rc = jx_db_open(&db, o->target);
	snprintf(o->msg, sizeof o->msg, "%s", o->rc ? jx_error_last() : "");
	jx_db_close(db);
	return NULL;
}

void tu_open_concurrently(const char *target, int n, const char *what)
{
	enum { MAX = 16 };
	assert_true(n > 0 && n <= MAX);
	pthread_barrier_t start;
	assert_int_equal(pthread_barrier_init(&start, NULL, (unsigned)n), 0);
	tu_opener o[MAX];
	pthread_t t[MAX];
	for (int i = 0; i < n; i++) {
		o[i] = (tu_opener){target, &start, 0, ""};
		assert_int_equal(pthread_create(&t[i], NULL, tu_open_thread, &o[i]), 0);
	}
	for (int i = 0; i < n; i++)
		pthread_join(t[i], NULL);
	pthread_barrier_destroy(&start);
	for (int i = 0; i < n; i++)
		if (o[i].rc)
			fail_msg("%s, opener %d: %d \"%s\"", what, i, o[i].rc, o[i].msg);
}
