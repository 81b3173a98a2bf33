/* import.h: read budget documents (text in the seeds' layouts; canonical JSON) into a package.
 *
 * Ownership: on success *out is a new package the caller frees with jx_pkg_free. Problems in the document that
 * do not stop the import (a skipped section, a repair) become notes in pkg->notes; only unreadable input fails.
 */
#ifndef JX_IMPORT_H
#define JX_IMPORT_H

#include "jx/model.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct jx_import_opts {
	const char *format; /* NULL = detect from content; else "json", "text" */
} jx_import_opts;

/* Reads `path` ("-" = stdin). Errors: JX_EIO (cannot read), JX_EFORMAT (binary, empty, not a budget document),
 * JX_EPARSE (malformed JSON), JX_ENOMEM; the message (jx_error_last) names the file and line. */
int jx_import_file(jx_pkg **out, const char *path, const jx_import_opts *opts);
/* Same for a buffer; `name` is used as the source file name in every jx_src. */
int jx_import_buffer(jx_pkg **out, const char *data, size_t len, const char *name, const jx_import_opts *opts);

#ifdef __cplusplus
}
#endif
#endif
