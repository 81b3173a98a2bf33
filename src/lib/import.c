/* import.c: placeholder; jx_import_* is being written. */
#include "jx/import.h"

int jx_import_file(jx_pkg **out, const char *path, const jx_import_opts *opts)
{
	(void)out; (void)path; (void)opts;
	return jx_error_set(JX_EFORMAT, "not yet");
}
int jx_import_buffer(jx_pkg **out, const char *data, size_t len, const char *name, const jx_import_opts *opts)
{
	(void)out; (void)data; (void)len; (void)name; (void)opts;
	return jx_error_set(JX_EFORMAT, "not yet");
}
