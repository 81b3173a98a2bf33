/* json.h: the canonical JSON form of a package (docs/schema/package.schema.json), written and read without loss.
 *
 * Ownership: jx_pkg_to_json returns a malloc'd NUL-terminated string the caller free()s; jx_pkg_from_json
 * returns a new package the caller frees with jx_pkg_free.
 */
#ifndef JX_JSON_H
#define JX_JSON_H

#include "jx/model.h"

#ifdef __cplusplus
extern "C" {
#endif

enum {
	JX_JSON_COMPACT = 1u << 0, /* one line instead of 2-space indentation */
	JX_JSON_NO_SOURCE = 1u << 1, /* leave out "source" objects (for comparing models read from different files) */
};

int jx_pkg_to_json(const jx_pkg *pkg, unsigned flags, char **out, size_t *len);
/* Parses canonical JSON. `file` names the input in error messages ("file:line:col: …") and in sources that the
 * JSON does not give. Errors: JX_EPARSE (syntax, wrong type, value out of range: the message gives the JSON path),
 * JX_ERANGE (a fen value beyond int64), JX_ENOMEM. */
int jx_pkg_from_json(jx_pkg **out, const char *data, size_t len, const char *file);

/* One value as `jx value` prints it: {"text":…,"op":…,"number":…,"unit":…,"kind":…, …}, compact. */
int jx_value_to_json(const jx_value *v, char **out);

#ifdef __cplusplus
}
#endif
#endif
