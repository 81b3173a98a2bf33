/* file.h: whole-file reads with a size cap, and writes that land whole or not at all. */
#ifndef JX_UTIL_FILE_H
#define JX_UTIL_FILE_H

#include <stddef.h>

#define JX_FILE_MAX_DEFAULT ((size_t)512 * 1024 * 1024)

/* Reads all of `path` ("-" = stdin) into a malloc'd buffer (NUL-terminated; caller frees). Refuses directories,
 * files over `max` bytes (0 = JX_FILE_MAX_DEFAULT). Errors: JX_EIO, JX_ELIMIT, JX_ENOMEM, with a message. */
int jx_file_read(char **out, size_t *len, const char *path, size_t max);

/* Writes data to `path` through a temporary file in the same directory and rename(), so readers never see a
 * half-written file. "-" writes to stdout. */
int jx_file_write_atomic(const char *path, const void *data, size_t len);

/* For writers that only write to a path (libxlsxwriter): calls write(ud, path) with a private temporary file
 * (in $TMPDIR or /tmp, named after `tag`), reads the file back into a malloc'd buffer (caller frees) and removes
 * it. Returns write's error, or JX_EIO when no temporary file can be made. */
int jx_file_through_temp(const char *tag, int (*write)(const void *ud, const char *path), const void *ud,
			 char **out, size_t *len);

#endif
