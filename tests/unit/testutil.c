/* testutil.c: helpers shared by the unit tests. */
#include "testutil.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
