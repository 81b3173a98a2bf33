/* fuzz_docx.c: the whole import of a DOCX (zip, XML, the body walk, every recogniser on the cells) on arbitrary
 * bytes. Must never crash, hang or leak; failures must come with a message. */
#include <stdint.h>
#include <stdlib.h>

#include "jx/import.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	jx_pkg *pkg = NULL;
	/* Content decides the reader; the corpus holds zips with word/document.xml, so most inputs reach the DOCX one. */
	int rc = jx_import_buffer(&pkg, (const char *)data, size, "fuzz.docx", NULL);
	if (rc == 0) {
		if (!pkg)
			abort();
		jx_pkg_free(pkg);
	} else if (pkg || jx_error_last()[0] == '\0') {
		abort();
	}
	return 0;
}
