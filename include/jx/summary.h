/* summary.h: a readable plain-text overview of a package (what `jx import --format text` prints), in Chinese.
 *
 * Ownership: *out is malloc'd (NUL-terminated); the caller free()s it.
 */
#ifndef JX_SUMMARY_H
#define JX_SUMMARY_H

#include "jx/model.h"

int jx_pkg_summary(const jx_pkg *pkg, char **out, size_t *len);

#endif
