/* json.c: placeholder; canonical JSON is being written. */
#include "jx/json.h"

int jx_pkg_to_json(const jx_pkg *pkg, unsigned flags, char **out, size_t *len)
{
	(void)pkg; (void)flags; (void)out; (void)len;
	return jx_error_set(JX_EINVAL, "not yet");
}
int jx_pkg_from_json(jx_pkg **out, const char *data, size_t len, const char *file)
{
	(void)out; (void)data; (void)len; (void)file;
	return jx_error_set(JX_EINVAL, "not yet");
}
int jx_value_to_json(const jx_value *v, char **out)
{
	(void)v; (void)out;
	return jx_error_set(JX_EINVAL, "not yet");
}
