/* testutil.h: helpers shared by the unit tests (cmocka). */
#ifndef JX_TESTUTIL_H
#define JX_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

/* Reads a whole file (NUL-terminated, caller frees); fails the test if it cannot. */
char *tu_read_file(const char *path, size_t *len);
/* Path of a seed file by its number prefix ("000" … "004"), looked up in JX_SEEDS_DIR; caller frees. */
char *tu_seed_path(const char *prefix);

/* Opens the store `target` with jx_db_open from n threads (at most 16) released at the same moment, as n processes
 * starting jx against one new database would, and closes them; fails the test naming the first opener that failed
 * (`what` says which round). */
void tu_open_concurrently(const char *target, int n, const char *what);

#endif
